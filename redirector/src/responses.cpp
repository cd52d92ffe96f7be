#include "responses.hpp"

#include <charconv>

namespace coolpapers::redirector {

std::string_view reason_phrase(unsigned status) {
  switch (status) {
    case 200: return "OK";
    case 302: return "Found";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 413: return "Content Too Large";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Unknown";
  }
}

namespace {

void append_number(std::string& out, std::size_t value) {
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, end);
}

}  // namespace

void append_response(std::string& out, const ResponseHead& head,
                     std::string_view date, std::string_view body, bool send_body) {
  out += "HTTP/1.1 ";
  append_number(out, head.status);
  out += ' ';
  out += reason_phrase(head.status);
  out += "\r\nServer: coolpapers-redirector\r\nDate: ";
  out += date;
  if (!head.content_type.empty()) {
    out += "\r\nContent-Type: ";
    out += head.content_type;
  }
  out += "\r\nContent-Length: ";
  append_number(out, body.size());
  out += head.keep_alive ? "\r\nConnection: keep-alive" : "\r\nConnection: close";
  if (!head.location.empty()) {
    out += "\r\nLocation: ";
    out += head.location;
  }
  out += "\r\n";
  out += head.extra_headers;
  out += "\r\n";
  if (send_body) out += body;
}

std::string_view redirect_body() {
  return "<html>\r\n<head><title>302 Found</title></head>\r\n<body>\r\n"
         "<center><h1>302 Found</h1></center>\r\n<hr><center>coolpapers</center>\r\n"
         "</body>\r\n</html>\r\n";
}

void append_error_and_close(std::string& out, unsigned status, std::string_view date) {
  // Built on the stack: error pages are rare and tiny.
  std::string body = "<!doctype html>\n<title>";
  append_number(body, status);
  body += ' ';
  body += reason_phrase(status);
  body += "</title>\n<h1>";
  append_number(body, status);
  body += ' ';
  body += reason_phrase(status);
  body += "</h1>\n";
  ResponseHead head;
  head.status = status;
  head.content_type = "text/html; charset=utf-8";
  head.keep_alive = false;
  append_response(out, head, date, body, true);
}

void append_html_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

}  // namespace coolpapers::redirector
