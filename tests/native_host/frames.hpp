// Building request frames and taking reply frames apart, for the tests.
// Written independently of the host's own framing code, so a bug there
// cannot hide itself.
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

namespace coolpapers::testing {

// The 4-byte length prefix as Chrome writes it: native byte order.
inline std::string length_prefix(std::uint32_t length) {
  char bytes[4];
  std::memcpy(bytes, &length, 4);
  return std::string(bytes, 4);
}

inline std::string frame(std::string_view body) {
  return length_prefix(static_cast<std::uint32_t>(body.size())) + std::string(body);
}

struct SplitFrames {
  std::vector<std::string> bodies;
  std::string leftover;  // bytes after the last whole frame (should be none)
};

inline SplitFrames split_frames(std::string_view bytes) {
  SplitFrames result;
  while (bytes.size() >= 4) {
    std::uint32_t length = 0;
    std::memcpy(&length, bytes.data(), 4);
    if (bytes.size() - 4 < length) break;
    result.bodies.emplace_back(bytes.substr(4, length));
    bytes.remove_prefix(4 + static_cast<std::size_t>(length));
  }
  result.leftover = std::string(bytes);
  return result;
}

// Parses a reply strictly: Boost.JSON's defaults reject invalid UTF-8, so a
// reply that parses here is valid UTF-8 JSON. Throws if it is not an object.
inline boost::json::object parse_reply(std::string_view body) {
  boost::json::error_code ec;
  boost::json::value value = boost::json::parse(body, ec);
  if (ec) throw std::runtime_error("reply is not valid JSON (" + ec.message() + "): " + std::string(body.substr(0, 200)));
  if (!value.is_object()) throw std::runtime_error("reply is not a JSON object: " + std::string(body.substr(0, 200)));
  return std::move(value.as_object());
}

inline std::string string_at(const boost::json::object& o, std::string_view key) {
  const boost::json::value* v = o.if_contains(key);
  if (v == nullptr || !v->is_string()) return "<missing>";
  return std::string(v->as_string().data(), v->as_string().size());
}

// "no_match", ... from {"ok":false,"error":{"code":...}}; "<ok>" for a success.
inline std::string error_code_of(const boost::json::object& reply) {
  const boost::json::value* error = reply.if_contains("error");
  if (error == nullptr || !error->is_object()) return "<ok>";
  return string_at(error->as_object(), "code");
}

inline std::string error_member(const boost::json::object& reply, std::string_view key) {
  const boost::json::value* error = reply.if_contains("error");
  if (error == nullptr || !error->is_object()) return "<no error>";
  return string_at(error->as_object(), key);
}

}  // namespace coolpapers::testing
