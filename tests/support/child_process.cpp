#include "child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace coolpapers::testing {
namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error(what + ": " + std::strerror(errno));
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

int millis_left(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

// Reads what is available on `fd` into `sink`; closes `fd` at EOF.
void drain(int& fd, std::string& sink) {
  char buffer[65536];
  const ssize_t n = ::read(fd, buffer, sizeof buffer);
  if (n > 0) {
    sink.append(buffer, static_cast<std::size_t>(n));
  } else if (n == 0 || errno != EINTR) {
    close_fd(fd);
  }
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const Environment& overrides) {
  // A child that exits before reading all its input must make our write()
  // fail with EPIPE, not kill the test program.
  ::signal(SIGPIPE, SIG_IGN);

  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (::pipe2(in_pipe, O_CLOEXEC) != 0 || ::pipe2(out_pipe, O_CLOEXEC) != 0 ||
      ::pipe2(err_pipe, O_CLOEXEC) != 0) {
    fail("pipe2");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);

  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);

  std::vector<std::string> environment;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string_view variable(*entry);
    bool overridden = false;
    for (const auto& [name, value] : overrides) overridden |= variable.starts_with(name + "=");
    if (!overridden) environment.emplace_back(variable);
  }
  for (const auto& [name, value] : overrides) environment.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (std::string& variable : environment) envp.push_back(variable.data());
  envp.push_back(nullptr);

  const int spawned = ::posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  in_ = in_pipe[1];
  out_ = out_pipe[0];
  err_ = err_pipe[0];
  if (spawned != 0) {
    errno = spawned;
    close_fd(in_);
    close_fd(out_);
    close_fd(err_);
    pid_ = -1;
    fail("posix_spawn " + argv.at(0));
  }
}

ChildProcess::~ChildProcess() {
  close_fd(in_);
  close_fd(out_);
  close_fd(err_);
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
}

bool ChildProcess::write_input(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(in_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

std::optional<std::string> ChildProcess::read_output(std::size_t n, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (pending_out_.size() < n && out_ >= 0) {
    pollfd p{out_, POLLIN, 0};
    const int ready = ::poll(&p, 1, millis_left(deadline));
    if (ready == 0) return std::nullopt;  // timed out
    if (ready < 0 && errno != EINTR) fail("poll");
    if (ready > 0) drain(out_, pending_out_);
  }
  if (pending_out_.size() < n) return std::nullopt;
  std::string result = pending_out_.substr(0, n);
  pending_out_.erase(0, n);
  return result;
}

void ChildProcess::close_input() { close_fd(in_); }

void ChildProcess::close_output() { close_fd(out_); }

Finished ChildProcess::finish(std::string_view input, std::chrono::milliseconds timeout) {
  Finished result;
  result.out = std::move(pending_out_);
  const auto deadline = Clock::now() + timeout;
  if (in_ >= 0) ::fcntl(in_, F_SETFL, ::fcntl(in_, F_GETFL) | O_NONBLOCK);
  if (input.empty()) close_fd(in_);

  while (out_ >= 0 || err_ >= 0) {
    pollfd fds[3];
    nfds_t count = 0;
    const auto add = [&](int fd, short events) {
      if (fd >= 0) fds[count++] = pollfd{fd, events, 0};
    };
    add(in_, POLLOUT);
    add(out_, POLLIN);
    add(err_, POLLIN);
    const int ready = ::poll(fds, count, millis_left(deadline));
    if (ready == 0) {
      result.timed_out = true;
      ::kill(pid_, SIGKILL);
      break;
    }
    if (ready < 0) {
      if (errno == EINTR) continue;
      fail("poll");
    }
    for (nfds_t i = 0; i < count; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == in_) {
        const ssize_t n = ::write(in_, input.data(), input.size());
        if (n > 0) input.remove_prefix(static_cast<std::size_t>(n));
        // EPIPE: the child stopped reading, which some tests expect.
        if ((n < 0 && errno != EINTR && errno != EAGAIN) || input.empty()) close_fd(in_);
      } else if (fds[i].fd == out_) {
        drain(out_, result.out);
      } else if (fds[i].fd == err_) {
        drain(err_, result.err);
      }
    }
  }
  close_fd(in_);
  close_fd(out_);
  close_fd(err_);

  int status = 0;
  rusage usage{};
  while (::wait4(pid_, &status, 0, &usage) < 0) {
    if (errno != EINTR) fail("wait4");
  }
  pid_ = -1;
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  result.max_rss_kib = usage.ru_maxrss;
  return result;
}

Finished run_process(const std::vector<std::string>& argv, std::string_view input,
                     const ChildProcess::Environment& overrides, std::chrono::milliseconds timeout) {
  ChildProcess child(argv, overrides);
  return child.finish(input, timeout);
}

}  // namespace coolpapers::testing
