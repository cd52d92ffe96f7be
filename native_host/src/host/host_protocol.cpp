#include "host_protocol.hpp"

#include <exception>
#include <new>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "coolpapers/page_meta.hpp"
#include "coolpapers/resolution_json.hpp"
#include "coolpapers/utf8.hpp"
#include "host_describe.hpp"
#include "host_limits.hpp"

namespace coolpapers::host {
namespace json = boost::json;

namespace {

// `{"ok":true,"results":[` ... `],"truncated":true,"omitted":1000}`: the
// tail is at most 34 bytes; this reserve is what a batch keeps free for it.
constexpr std::size_t kBatchTailReserve = 64;

std::string_view view(const json::string& s) { return {s.data(), s.size()}; }
std::string_view view(json::string_view s) { return {s.data(), s.size()}; }

// Written when even building an error reply failed (out of memory).
constexpr std::string_view kOutOfMemoryReply =
    R"({"ok":false,"error":{"code":"internal","message":"The host ran out of memory."}})";

}  // namespace

// Typed access to the members of one request object. A member that is
// present must have the documented type; absent members are fine.
class RequestHandler::Members {
 public:
  explicit Members(const json::object& object) : object_(object) {}

  const json::value* find(std::string_view name) const { return object_.if_contains(name); }

  // Reads an optional string member into `value`. Returns false, with
  // `failure` set to bad_request naming the member, iff it is present but
  // not a string. `present` tells whether it was there.
  bool optional_string(std::string_view name, std::string_view& value, bool& present,
                       ErrorReply& failure) const {
    const json::value* member = find(name);
    present = member != nullptr;
    if (!present) return true;
    if (const json::string* s = member->if_string()) {
      value = view(*s);
      return true;
    }
    failure = {ErrorCode::bad_request, "\"" + std::string(name) + "\" must be a string.", std::string(name)};
    return false;
  }

  // Reads the optional "pageMeta" member, an object of meta tag names and
  // string values; tags the resolver does not use are ignored, values are
  // cut to kMaxMetaValueBytes. Returns false, with `failure` set, iff it is
  // present but not an object of strings.
  bool optional_meta(PageMeta& meta, ErrorReply& failure) const {
    const json::value* member = find("pageMeta");
    if (member == nullptr) return true;
    const json::object* tags = member->if_object();
    if (tags == nullptr) {
      failure = {ErrorCode::bad_request, "\"pageMeta\" must be an object of the page's meta tags and their values.",
                 "pageMeta"};
      return false;
    }
    for (const auto& tag : *tags) {
      const json::string* value = tag.value().if_string();
      if (value == nullptr) {
        failure = {ErrorCode::bad_request,
                   "Each value in \"pageMeta\" must be a string (\"" + std::string(utf8_prefix(view(tag.key()), kMaxEchoBytes)) + "\" is not).",
                   "pageMeta"};
        return false;
      }
      if (std::string_view* slot = meta.find(view(tag.key())); slot != nullptr && slot->empty())
        *slot = utf8_prefix(view(*value), kMaxMetaValueBytes);
    }
    return true;
  }

 private:
  const json::object& object_;
};

RequestHandler::RequestHandler(const Resolver& resolver) : resolver_(resolver) {}

void RequestHandler::handle(std::string_view request, std::string& out) {
  const std::size_t start = out.size();
  try {
    handle_parsed(request, out);
    if (out.size() - start > kMaxReplyBytes) {
      // Unreachable by construction (every builder below is capped); this
      // guard keeps a bug from breaking the browser's channel for good.
      out.resize(start);
      out += to_json(ErrorReply{ErrorCode::internal, "The reply would exceed the browser's 1 MiB limit."});
    }
  } catch (const std::bad_alloc&) {
    out.resize(start);
    out += kOutOfMemoryReply;
  } catch (const std::exception& e) {
    out.resize(start);
    try {
      out += to_json(ErrorReply{ErrorCode::internal,
                                "The host failed: " + std::string(utf8_prefix(e.what(), kMaxEchoBytes))});
    } catch (...) {
      out += kOutOfMemoryReply;
    }
  }
}

void RequestHandler::handle_parsed(std::string_view request, std::string& out) {
  if (request.empty()) {
    out += to_json(ErrorReply{ErrorCode::bad_json, "The message is empty; expected a JSON object."});
    return;
  }
  json::parse_options options;
  // Chrome only sends valid UTF-8, but a stray byte from another client
  // must not turn a readable request into an error: the resolver is UTF-8
  // safe and every string in a reply is re-encoded (bad bytes -> U+FFFD).
  options.allow_invalid_utf8 = true;
  json::error_code ec;
  const json::value parsed = json::parse(request, ec, json::storage_ptr(), options);
  if (ec) {
    out += to_json(ErrorReply{ErrorCode::bad_json, "The message is not valid JSON: " + ec.message() + "."});
    return;
  }
  const json::object* object = parsed.if_object();
  if (object == nullptr) {
    out += to_json(ErrorReply{ErrorCode::bad_request, "The message must be a JSON object."});
    return;
  }
  const Members message(*object);

  const json::value* type_member = message.find("type");
  if (type_member == nullptr) {
    out += to_json(ErrorReply{ErrorCode::bad_request, "The message has no \"type\".", "type"});
    return;
  }
  const json::string* type_string = type_member->if_string();
  if (type_string == nullptr) {
    out += to_json(ErrorReply{ErrorCode::bad_request, "\"type\" must be a string.", "type"});
    return;
  }
  const std::string_view type = view(*type_string);
  if (type == "resolve") {
    handle_resolve(message, out);
  } else if (type == "resolveBatch") {
    handle_batch(message, out);
  } else if (type == "ping") {
    handle_ping(out);
  } else if (type == "describe") {
    append_describe_reply(resolver_, out);
  } else {
    out += to_json(ErrorReply{ErrorCode::unknown_type,
                              "Unknown request type; this host (version " + std::string(version()) +
                                  ") knows \"resolve\", \"resolveBatch\", \"ping\" and \"describe\".",
                              {}, {}, std::string(utf8_prefix(type, kMaxEchoBytes))});
  }
}

void RequestHandler::handle_resolve(const Members& message, std::string& out) {
  append_item_result(message, {}, false, out);
}

void RequestHandler::handle_batch(const Members& message, std::string& out) {
  ErrorReply failure;
  std::string_view batch_base;
  bool has_batch_base = false;
  if (!message.optional_string("base", batch_base, has_batch_base, failure)) {
    out += to_json(failure);
    return;
  }
  // A bad batch-wide base is the whole request's error, not 1,000 copies.
  if (has_batch_base && resolver_for(batch_base, failure) == nullptr) {
    out += to_json(failure);
    return;
  }
  const json::value* items_member = message.find("items");
  if (items_member == nullptr) {
    out += to_json(ErrorReply{ErrorCode::bad_request, "A resolveBatch request needs \"items\".", "items"});
    return;
  }
  const json::array* items = items_member->if_array();
  if (items == nullptr) {
    out += to_json(ErrorReply{ErrorCode::bad_request, "\"items\" must be an array of objects.", "items"});
    return;
  }
  if (items->size() > kMaxBatchItems) {
    out += to_json(ErrorReply{ErrorCode::too_large,
                              "A batch holds at most " + std::to_string(kMaxBatchItems) + " items; this one has " +
                                  std::to_string(items->size()) + ".",
                              "items", kMaxBatchItems});
    return;
  }

  const std::size_t start = out.size();
  out += R"({"ok":true,"results":[)";
  std::size_t answered = 0;
  for (const json::value& item : *items) {
    item_json_.clear();
    if (const json::object* object = item.if_object()) {
      append_item_result(Members(*object), batch_base, has_batch_base, item_json_);
    } else {
      item_json_ += to_json(ErrorReply{ErrorCode::bad_request, "Each item must be a JSON object.", "items"});
    }
    // Stop before the reply could pass Chrome's limit; the client learns
    // how many items were left out and can send them again.
    const std::size_t separator = answered == 0 ? 0 : 1;
    if (out.size() - start + separator + item_json_.size() + kBatchTailReserve > kMaxReplyBytes) break;
    if (separator != 0) out += ',';
    out += item_json_;
    ++answered;
  }
  out += ']';
  if (answered < items->size()) {
    out += ",\"truncated\":true,\"omitted\":" + std::to_string(items->size() - answered);
  }
  out += '}';
}

void RequestHandler::append_item_result(const Members& item, std::string_view default_base,
                                        bool has_default_base, std::string& out) {
  ErrorReply failure;
  Request request;
  // A resolve request (or a batch item) carries the request fields as
  // members of the same names: texts, and pageMeta, an object of tags.
  for (Field field : kRequestFields) {
    if (field == Field::page_meta) {
      if (!item.optional_meta(request.page_meta, failure)) {
        out += to_json(failure);
        return;
      }
      continue;
    }
    std::string_view text;
    bool present = false;
    if (!item.optional_string(field_name(field), text, present, failure)) {
      out += to_json(failure);
      return;
    }
    request.set(field, text);
  }
  std::string_view base;
  bool has_base = false;
  if (!item.optional_string("base", base, has_base, failure)) {
    out += to_json(failure);
    return;
  }
  if (!has_base && has_default_base) {
    base = default_base;
    has_base = true;
  }
  const Resolver* resolver = has_base ? resolver_for(base, failure) : &resolver_;
  if (resolver == nullptr) {
    out += to_json(failure);
    return;
  }

  resolver->resolve_into(request, scratch_);
  std::string answer = to_json(scratch_);
  if (answer.size() > kMaxResultBytes) {
    out += to_json(ErrorReply{ErrorCode::too_large,
                              "The answer is " + std::to_string(answer.size()) +
                                  " bytes long, over the host's limit of " + std::to_string(kMaxResultBytes) +
                                  " bytes for one answer.",
                              {}, kMaxResultBytes});
    return;
  }
  out += answer;
}

const Resolver* RequestHandler::resolver_for(std::string_view base, ErrorReply& failure) {
  if (base == resolver_.options().base) return &resolver_;
  if (cached_resolver_ && base == cached_base_) return &*cached_resolver_;
  Expected<Resolver> rebased = resolver_.with_base(base);
  if (!rebased) {
    // bad_config, as for the command line's --base: the extension's target
    // setting is wrong, not the shape of its request.
    failure = {ErrorCode::bad_config,
               "\"base\" is not a valid target base: " + std::string(utf8_prefix(rebased.error().message, kMaxEchoBytes)),
               "base"};
    return nullptr;
  }
  cached_resolver_ = *rebased;
  cached_base_.assign(base);
  return &*cached_resolver_;
}

void RequestHandler::handle_ping(std::string& out) const {
  out += R"({"ok":true,"version":)";
  append_json_string(out, version());
  out += ",\"rules\":" + std::to_string(resolver_.rule_count()) + "}";
}

}  // namespace coolpapers::host
