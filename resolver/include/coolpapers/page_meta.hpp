// A page's meta tags, owned: read from an HTML page (the command line's
// --html) or from JSON members (--meta, the native messaging host), then
// viewed as the resolver's PageMeta.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "coolpapers/resolver.hpp"

namespace coolpapers {

// Longest value kept per tag (longer ones are cut at a UTF-8 boundary).
inline constexpr std::size_t kMaxMetaValueBytes = 4096;
// Bytes of an HTML page that are scanned for meta tags.
inline constexpr std::size_t kMaxHtmlScanBytes = 4 * 1024 * 1024;

class PageMetaStore {
 public:
  // Stores `value` (leading and trailing spaces trimmed) under the tag
  // `name` (ASCII case-insensitive). The first non-empty value of a tag
  // wins, as a page may repeat citation_pdf_url. Returns false iff `name`
  // is not one of PageMeta::kNames (the tag is ignored).
  bool set(std::string_view name, std::string_view value);
  // Views of the stored values; valid while this store lives unchanged.
  PageMeta view() const;
  bool empty() const { return view().empty(); }

 private:
  std::array<std::string, std::size(PageMeta::kNames)> values_;
};

// Reads every <meta name="..." content="..."> (or property="...") tag in
// the first kMaxHtmlScanBytes of `html`; attribute values may be quoted
// with " or ' or unquoted, and character references (&amp; &#39; &#x27;
// ...) in content are decoded. Not an HTML parser: tags inside comments or
// scripts are read too, which paper pages do not have. Linear time.
PageMetaStore meta_from_html(std::string_view html);

// Reads a JSON object of tag names and string values
// ({"citation_title":"...","citation_doi":"..."}) into `store`; members
// that are not among PageMeta::kNames are ignored. Returns an empty string
// on success, else what is wrong, for a message.
std::string meta_from_json(std::string_view json_text, PageMetaStore& store);

}  // namespace coolpapers
