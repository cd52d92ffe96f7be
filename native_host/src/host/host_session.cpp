#include "host_session.hpp"

#include <cerrno>
#include <cstring>
#include <string>

#include "coolpapers/errors.hpp"
#include "coolpapers/resolution_json.hpp"

namespace coolpapers::host {
namespace {

void report(ByteSink& diagnostics, const std::string& what) {
  // Best effort: if stderr is gone there is no one left to tell.
  (void)diagnostics.write_all("coolpapers native-host: " + what + "\n");
}

std::string after(std::size_t messages) {
  return " (after " + std::to_string(messages) + " complete message" + (messages == 1 ? "" : "s") + ")";
}

// Fills the 4 bytes reserved at the front of `frame` with the body's length.
void seal(std::string& frame) {
  const auto header = encode_length(static_cast<std::uint32_t>(frame.size() - kHeaderBytes));
  std::memcpy(frame.data(), header.data(), header.size());
}

}  // namespace

int serve(RequestHandler& handler, ByteSource& in, ByteSink& out, ByteSink& diagnostics) {
  std::string body;
  std::string frame;  // header placeholder + reply, written with one write()
  for (std::size_t served = 0;; ++served) {
    const FrameRead read = read_frame(in, body);
    switch (read.status) {
      case FrameStatus::ok:
        break;
      case FrameStatus::end_of_input:
        return 0;
      case FrameStatus::too_large: {
        frame.assign(kHeaderBytes, '\0');
        frame += to_json(ErrorReply{ErrorCode::too_large,
                                    "The message declares " + std::to_string(read.declared_length) +
                                        " bytes; the host reads at most " + std::to_string(kMaxRequestBytes) + ".",
                                    {}, kMaxRequestBytes});
        seal(frame);
        (void)out.write_all(frame);
        report(diagnostics, "a message declares " + std::to_string(read.declared_length) +
                                " bytes, over the limit of " + std::to_string(kMaxRequestBytes) +
                                "; stopping, the stream cannot be resynchronised" + after(served));
        return exit_code(ErrorCode::too_large);
      }
      case FrameStatus::truncated_header:
        report(diagnostics, "input ended inside a length header (" + std::to_string(read.bytes_read) +
                                " of 4 bytes)" + after(served));
        return exit_code(ErrorCode::io);
      case FrameStatus::truncated_body:
        report(diagnostics, "input ended inside a message (" + std::to_string(read.bytes_read) + " of " +
                                std::to_string(read.declared_length) + " bytes)" + after(served));
        return exit_code(ErrorCode::io);
      case FrameStatus::read_error:
        report(diagnostics, std::string("reading a message failed: ") + std::strerror(read.error_number) +
                                after(served));
        return exit_code(ErrorCode::io);
    }

    frame.assign(kHeaderBytes, '\0');
    handler.handle(body, frame);
    seal(frame);
    if (!out.write_all(frame)) {
      const int error_number = errno;
      report(diagnostics, std::string("writing a reply failed: ") + std::strerror(error_number) +
                              after(served));
      return exit_code(ErrorCode::io);
    }
  }
}

}  // namespace coolpapers::host
