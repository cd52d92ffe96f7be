// ping_host(): fork, exec as a browser would, one frame each way.
#include "doctor_ping.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string_view>

#include "host_framing.hpp"

namespace coolpapers::app::doctor {
namespace {

// A ping reply is tiny; anything far bigger is not our host talking.
constexpr std::size_t kMaxReplyBytes = 64 * 1024;

struct Pipe {
  int read = -1, write = -1;
  bool open() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return false;
    read = fds[0];
    write = fds[1];
    return true;
  }
};

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

std::string describe_exit(int status) {
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return std::string("was killed by signal ") + ::strsignal(WTERMSIG(status));
  return "stopped";
}

// The last non-empty line the host wrote to stderr, for the report.
std::string last_line(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  std::size_t nl = text.rfind('\n');
  std::string_view line = nl == std::string_view::npos ? text : text.substr(nl + 1);
  return std::string(line.substr(0, 300));
}

std::string directory_of(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == 0 ? "/" : path.substr(0, slash);
}

PingResult parse_reply(const std::string& out) {
  PingResult result;
  if (out.size() < host::kHeaderBytes) {
    result.error = out.empty() ? "no reply" : "a reply shorter than a frame header (" + std::to_string(out.size()) + " bytes)";
    return result;
  }
  std::array<char, host::kHeaderBytes> header{};
  std::memcpy(header.data(), out.data(), header.size());
  std::uint32_t length = host::decode_length(header);
  std::string_view body(out.data() + header.size(), out.size() - header.size());
  if (body.size() < length) {
    result.error = "a frame declaring " + std::to_string(length) + " bytes but carrying " + std::to_string(body.size());
    return result;
  }
  body = body.substr(0, length);
  boost::system::error_code ec;
  boost::json::value reply = boost::json::parse(body, ec);
  if (ec || !reply.is_object()) {
    result.error = "a reply that is not a JSON object: " + std::string(body.substr(0, 120));
    return result;
  }
  const auto& object = reply.as_object();
  const auto* ok = object.if_contains("ok");
  if (!ok || !ok->is_bool() || !ok->as_bool()) {
    result.error = "an error reply: " + std::string(body.substr(0, 300));
    return result;
  }
  const auto* version = object.if_contains("version");
  const auto* rules = object.if_contains("rules");
  if (!version || !version->is_string() || !rules || !rules->is_int64()) {
    result.error = "a reply without \"version\" and \"rules\" (not a coolpapers host?): " + std::string(body.substr(0, 300));
    return result;
  }
  result.ok = true;
  result.version = std::string(version->as_string());
  result.rules = rules->as_int64();
  return result;
}

}  // namespace

PingResult ping_host(const std::string& host_path, const std::vector<std::string>& args, int timeout_ms) {
  PingResult result;
  // Built before fork(): the child may only make async-signal-safe calls.
  std::vector<const char*> argv{host_path.c_str()};
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  argv.push_back(nullptr);
  Pipe in, out, err, exec_error;
  if (!in.open() || !out.open() || !err.open() || !exec_error.open()) {
    result.error = std::string("could not create pipes: ") + std::strerror(errno);
    for (Pipe* p : {&in, &out, &err, &exec_error}) close_fd(p->read), close_fd(p->write);
    return result;
  }
  std::string directory = directory_of(host_path);
  pid_t pid = ::fork();
  if (pid == 0) {
    // Child: only async-signal-safe calls until exec. A failure is reported
    // as its errno on the close-on-exec pipe, so "not found" and "permission
    // denied" reach the report exactly.
    ::dup2(in.read, 0);
    ::dup2(out.write, 1);
    ::dup2(err.write, 2);
    int error_number = 0;
    if (::chdir(directory.c_str()) != 0) error_number = errno;
    if (error_number == 0) {
      ::execv(host_path.c_str(), const_cast<char* const*>(argv.data()));
      error_number = errno;
    }
    [[maybe_unused]] auto written = ::write(exec_error.write, &error_number, sizeof error_number);
    ::_exit(127);
  }
  close_fd(in.read);
  close_fd(out.write);
  close_fd(err.write);
  close_fd(exec_error.write);
  if (pid < 0) {
    result.error = std::string("could not fork: ") + std::strerror(errno);
    for (Pipe* p : {&in, &out, &err, &exec_error}) close_fd(p->read), close_fd(p->write);
    return result;
  }

  int exec_errno = 0;
  ssize_t got = ::read(exec_error.read, &exec_errno, sizeof exec_errno);
  close_fd(exec_error.read);
  if (got == static_cast<ssize_t>(sizeof exec_errno)) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    close_fd(in.write);
    close_fd(out.read);
    close_fd(err.read);
    result.error = std::string("could not be started: ") + std::strerror(exec_errno);
    return result;
  }

  // One ping frame fits any pipe buffer: write it whole, then close stdin
  // as Chromium does after a sendNativeMessage request.
  std::string frame = host::make_frame(R"({"type":"ping"})");
  [[maybe_unused]] auto sent = ::write(in.write, frame.data(), frame.size());
  close_fd(in.write);

  std::string stdout_bytes, stderr_bytes;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  bool timed_out = false;
  char buffer[4096];
  while (out.read >= 0 || err.read >= 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd fds[2] = {{out.read, POLLIN, 0}, {err.read, POLLIN, 0}};
    if (::poll(fds, 2, static_cast<int>(left.count())) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int k = 0; k < 2; ++k) {
      if (fds[k].fd < 0 || !(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = ::read(fds[k].fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      std::string& sink = k == 0 ? stdout_bytes : stderr_bytes;
      if (n > 0 && sink.size() < kMaxReplyBytes) sink.append(buffer, static_cast<std::size_t>(n));
      if (n <= 0) close_fd(k == 0 ? out.read : err.read);
    }
  }
  if (timed_out) ::kill(pid, SIGKILL);
  close_fd(out.read);
  close_fd(err.read);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }

  if (timed_out) {
    result.error = "did not answer and exit within " + std::to_string(timeout_ms) + " ms";
    return result;
  }
  result = parse_reply(stdout_bytes);
  if (result.ok && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
    result.ok = false;
    result.error = "answered, then " + describe_exit(status) + " (a host exits 0 when its input ends)";
  } else if (!result.ok) {
    result.error = describe_exit(status) + " with " + result.error;
  }
  if (!result.ok) {
    std::string said = last_line(stderr_bytes);
    if (!said.empty()) result.error += "; its stderr: " + said;
  }
  return result;
}

}  // namespace coolpapers::app::doctor
