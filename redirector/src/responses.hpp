// Small builders that append one complete HTTP/1.1 response (status line,
// header fields, body) to a byte buffer. The buffer's capacity is reused
// across requests, so building a response does not allocate once warm.
//
// Header order and spelling follow nginx's own redirects (Server, Date,
// Content-Type, Content-Length, Connection, Location), so the benchmark can
// compare the two servers on the same bytes.
#pragma once

#include <string>
#include <string_view>

namespace coolpapers::redirector {

// The reason phrase for the status codes this service sends.
std::string_view reason_phrase(unsigned status);

struct ResponseHead {
  unsigned status = 200;
  std::string_view content_type;   // omitted when empty
  std::string_view location;       // omitted when empty; REQUIRES: no CR/LF
  std::string_view extra_headers;  // complete "Name: value\r\n" lines
  bool keep_alive = true;
};

// Appends the response. The Content-Length is body.size() whether or not
// the body is sent; `send_body` is false for HEAD requests.
void append_response(std::string& out, const ResponseHead& head,
                     std::string_view date, std::string_view body, bool send_body);

// The fixed body of every 302: a short page for clients that show it.
std::string_view redirect_body();

// Appends a short "<status> <reason>" HTML error page response that always
// closes the connection (used when a request cannot be parsed or is over a
// limit: 400, 413, 431, 503).
void append_error_and_close(std::string& out, unsigned status, std::string_view date);

// Escapes &, <, >, " and ' for HTML text and attribute values.
void append_html_escaped(std::string& out, std::string_view text);

}  // namespace coolpapers::redirector
