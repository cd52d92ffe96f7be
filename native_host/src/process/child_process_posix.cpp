// ChildProcess on POSIX: posix_spawn, pipes, poll, wait4.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <system_error>

#include "child_process.hpp"

extern char** environ;

namespace coolpapers::process {
namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void fail(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

int millis_left(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

// Reads what is available on `fd` into `sink`, keeping at most `max` bytes
// there; closes `fd` at EOF or on an error.
void drain(int& fd, std::string& sink, std::size_t max) {
  char buffer[65536];
  const ssize_t n = ::read(fd, buffer, sizeof buffer);
  if (n > 0) {
    const auto got = static_cast<std::size_t>(n);
    if (sink.size() < max) sink.append(buffer, std::min(got, max - sink.size()));
  } else if (n == 0 || errno != EINTR) {
    close_fd(fd);
  }
}

// This process's environment with `overrides` set.
std::vector<std::string> child_environment(const Options& options) {
  std::vector<std::string> environment;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string_view variable(*entry);
    bool overridden = false;
    for (const auto& [name, value] : options.environment) overridden |= variable.starts_with(name + "=");
    if (!overridden) environment.emplace_back(variable);
  }
  for (const auto& [name, value] : options.environment) environment.push_back(name + "=" + value);
  return environment;
}

}  // namespace

StartError::StartError(const std::string& program, const std::string& reason)
    : std::runtime_error("cannot start " + program + ": " + reason), reason_(reason) {}

std::string Finished::describe_exit() const {
  if (timed_out) return "was killed for taking too long";
  if (signal != 0) return std::string("was killed by signal ") + ::strsignal(signal);
  return "exited with status " + std::to_string(exit_code);
}

struct ChildProcess::Impl {
  pid_t pid = -1;
  int in = -1;
  int out = -1;
  int err = -1;
  std::size_t max_output = 0;
  std::string pending_out;  // read ahead by read_output, not yet returned
};

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const Options& options)
    : impl_(std::make_unique<Impl>()) {
  ::signal(SIGPIPE, SIG_IGN);
  Impl& p = *impl_;
  p.max_output = options.max_output_bytes;

  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (::pipe2(in_pipe, O_CLOEXEC) != 0) throw StartError(argv.at(0), std::strerror(errno));
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
    const int error_number = errno;
    ::close(in_pipe[0]), ::close(in_pipe[1]);
    throw StartError(argv.at(0), std::strerror(error_number));
  }
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    const int error_number = errno;
    ::close(in_pipe[0]), ::close(in_pipe[1]), ::close(out_pipe[0]), ::close(out_pipe[1]);
    throw StartError(argv.at(0), std::strerror(error_number));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  if (!options.working_directory.empty())
    posix_spawn_file_actions_addchdir_np(&actions, options.working_directory.c_str());

  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  std::vector<std::string> environment = child_environment(options);
  std::vector<char*> envp;
  for (std::string& variable : environment) envp.push_back(variable.data());
  envp.push_back(nullptr);

  // glibc's posix_spawn reports a failed chdir or exec (not found,
  // permission denied) as its result, so the caller learns the exact reason.
  const int spawned = ::posix_spawn(&p.pid, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  p.in = in_pipe[1];
  p.out = out_pipe[0];
  p.err = err_pipe[0];
  if (spawned != 0) {
    close_fd(p.in);
    close_fd(p.out);
    close_fd(p.err);
    p.pid = -1;
    throw StartError(argv.at(0), std::strerror(spawned));
  }
}

ChildProcess::~ChildProcess() {
  Impl& p = *impl_;
  close_fd(p.in);
  close_fd(p.out);
  close_fd(p.err);
  if (p.pid > 0) {
    ::kill(p.pid, SIGKILL);
    ::waitpid(p.pid, nullptr, 0);
  }
}

bool ChildProcess::write_input(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(impl_->in, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

std::optional<std::string> ChildProcess::read_output(std::size_t n, std::chrono::milliseconds timeout) {
  Impl& p = *impl_;
  const auto deadline = Clock::now() + timeout;
  while (p.pending_out.size() < n && p.out >= 0) {
    pollfd fd{p.out, POLLIN, 0};
    const int ready = ::poll(&fd, 1, millis_left(deadline));
    if (ready == 0) return std::nullopt;  // timed out
    if (ready < 0 && errno != EINTR) fail("poll");
    if (ready > 0) drain(p.out, p.pending_out, std::numeric_limits<std::size_t>::max());
  }
  if (p.pending_out.size() < n) return std::nullopt;
  std::string result = p.pending_out.substr(0, n);
  p.pending_out.erase(0, n);
  return result;
}

void ChildProcess::close_input() { close_fd(impl_->in); }

void ChildProcess::close_output() { close_fd(impl_->out); }

Finished ChildProcess::finish(std::string_view input, std::chrono::milliseconds timeout) {
  Impl& p = *impl_;
  Finished result;
  result.out = std::move(p.pending_out);
  const auto deadline = Clock::now() + timeout;
  if (p.in >= 0) ::fcntl(p.in, F_SETFL, ::fcntl(p.in, F_GETFL) | O_NONBLOCK);
  if (input.empty()) close_fd(p.in);

  while (p.out >= 0 || p.err >= 0) {
    pollfd fds[3];
    nfds_t count = 0;
    const auto add = [&](int fd, short events) {
      if (fd >= 0) fds[count++] = pollfd{fd, events, 0};
    };
    add(p.in, POLLOUT);
    add(p.out, POLLIN);
    add(p.err, POLLIN);
    const int ready = ::poll(fds, count, millis_left(deadline));
    if (ready == 0) {
      result.timed_out = true;
      ::kill(p.pid, SIGKILL);
      break;
    }
    if (ready < 0) {
      if (errno == EINTR) continue;
      fail("poll");
    }
    for (nfds_t i = 0; i < count; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == p.in) {
        const ssize_t n = ::write(p.in, input.data(), input.size());
        if (n > 0) input.remove_prefix(static_cast<std::size_t>(n));
        // EPIPE: the child stopped reading, which a caller may expect.
        if ((n < 0 && errno != EINTR && errno != EAGAIN) || input.empty()) close_fd(p.in);
      } else if (fds[i].fd == p.out) {
        drain(p.out, result.out, p.max_output);
      } else if (fds[i].fd == p.err) {
        drain(p.err, result.err, p.max_output);
      }
    }
  }
  close_fd(p.in);
  close_fd(p.out);
  close_fd(p.err);

  int status = 0;
  rusage usage{};
  while (::wait4(p.pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) fail("wait4");
  }
  p.pid = -1;
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  result.max_rss_kib = usage.ru_maxrss;
  result.cpu_time = std::chrono::seconds(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                    std::chrono::microseconds(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
  return result;
}

Finished run_process(const std::vector<std::string>& argv, std::string_view input, const Options& options,
                     std::chrono::milliseconds timeout) {
  ChildProcess child(argv, options);
  return child.finish(input, timeout);
}

}  // namespace coolpapers::process
