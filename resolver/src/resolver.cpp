// Orchestration of docs/resolution.md: fields in priority order, families
// in table order, then the listing and search fallbacks.
#include "coolpapers/resolver.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <span>
#include <type_traits>

#include "literal_filter.hpp"
#include "no_match_message.hpp"
#include "normalize.hpp"
#include "page_urls.hpp"
#include "percent.hpp"
#include "rule_table.hpp"
#include "safe_id.hpp"
#include "search_words.hpp"

namespace coolpapers {

using detail::Found;
using detail::Finds;

// The start of every paper answer's URL, made once per base so that an
// answer starts with one copy.
struct AnswerPrefixes {
  std::string arxiv;  // "BASE/arxiv/"
  std::string venue;  // "BASE/venue/"

  const std::string& of(const detail::Family& family) const { return family.arxiv_page ? arxiv : venue; }
};

struct Resolver::Impl {
  Options options;
  int current_yymm = 0;  // Options::now, or the clock's month at create()
  detail::UrlParts base_parts;  // views of options.base (Impl is never moved once shared)
  AnswerPrefixes prefixes;      // of options.base
  std::shared_ptr<const detail::RuleTable> table;

  // Sets options.base (normalised) and what is made from it.
  void set_base(std::string normalized_base) {
    options.base = std::move(normalized_base);
    base_parts = *detail::split_http_url(options.base);
    prefixes.arxiv = options.base + "/arxiv/";
    prefixes.venue = options.base + "/venue/";
  }
};

namespace {

// Listing and search pages are recognised in what the user pointed at (a
// link) first, then the page itself.
constexpr std::array<Field, 2> kListingFields = {Field::link_url, Field::page_url};
// URLs that may be on a paper site without a rule.
constexpr std::array<Field, 3> kUrlFields = {Field::link_url, Field::page_url, Field::frame_url};

// Per-thread buffers, so that resolving does not allocate once they have grown.
struct Scratch {
  std::string decoded;
  std::string normalized;
  std::string page_text;  // what a Cool Papers or arXiv search URL gives
  Finds finds;
  detail::LiteralSet literals;
  // The request text that `decoded`/`normalized` and `literals` were made
  // from (the id stage and the listing stage read the same field: it is
  // prepared and scanned once). Reset for every request.
  std::string_view scanned_from;
  std::string_view scanned;
};
Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

// prepare() for a text that needs_preparing(): percent-decoded if it holds
// a '%', then normalised. Out of line: most texts never come here.
[[gnu::noinline]] std::string_view decode_and_normalize(std::string_view text, Scratch& s) {
  std::string_view decoded = text;
  if (text.find('%') != std::string_view::npos) {
    detail::percent_decode_repeatedly(text, s.decoded);
    decoded = s.decoded;
  }
  return detail::normalize_text(decoded, s.normalized) ? std::string_view(s.normalized) : decoded;
}

// The text rules see: percent-decoded, then normalised (normalize.hpp).
// Returns a view of `text` itself when neither changes it (most texts),
// else of one of the scratch buffers.
std::string_view prepare(std::string_view text, Scratch& s) {
  s.scanned_from = {};
  // One scan tells most texts (no '%', plain ASCII on one line) from the
  // rest, which are then decoded and normalised with a scan of each.
  return detail::needs_preparing(text) ? decode_and_normalize(text, s) : text;
}

// True iff `text` (the same request text, by address) is the one the
// last prepare_and_scan() prepared: s.scanned holds it prepared.
bool is_last_scanned(std::string_view text, const Scratch& s) {
  return text.data() == s.scanned_from.data() && text.size() == s.scanned_from.size();
}

// prepare(), then the literal scan into s.literals; a request text already
// prepared and scanned is not done again. Returns the prepared text.
std::string_view prepare_and_scan(std::string_view text, Scratch& s, const detail::LiteralFilter& filter) {
  if (is_last_scanned(text, s)) return s.scanned;
  std::string_view prepared = prepare(text, s);
  filter.scan(prepared, s.literals);
  s.scanned_from = text;
  s.scanned = prepared;
  return prepared;
}

// prepare(), reusing what prepare_and_scan() made of the same request text
// (a selection without ids is searched in the text its rules saw).
std::string_view prepared(std::string_view text, Scratch& s) {
  return is_last_scanned(text, s) ? s.scanned : prepare(text, s);
}

class Matcher {
 public:
  Matcher(const detail::RuleTable& table, const Options& options, const AnswerPrefixes& prefixes,
          const detail::MonthLimit& months)
      : table_(table), options_(options), prefixes_(prefixes), months_(months) {}

  // Tries the families of one stage on one text, as prepare_and_scan()
  // left it in the scratch buffers. Returns true and fills `out` iff some
  // family found an identifier.
  // `failed` is set when a rule could not run (never reported as no_match).
  bool match_text(std::string_view text, bool listing_stage, Resolution& out, bool& failed) const {
    Scratch& s = scratch();
    // Most texts that are not paper links hold no literal at all.
    if (s.literals.found.none() && table_.every_rule_has_literals) return false;
    for (std::size_t f = 0; f < table_.families.size(); ++f) {
      const detail::Family& family = table_.families[f];
      if (family.listing != listing_stage || !table_.family_may_match(f, s.literals)) continue;
      s.finds.clear();
      std::size_t limit = listing_stage ? 1 : options_.max_ids;
      for (std::size_t r : table_.by_family[f]) {
        const detail::Rule& rule = table_.rules[r];
        if (!rule.can_match_from(s.literals, 0)) continue;  // the cheap first pass said no
        // One more than the limit, to tell a full answer from a cut one.
        if (!rule.find_all(text, s.literals, limit + 1, months_, s.finds)) failed = true;
      }
      if (!s.finds.found.empty() && collect(s.finds, limit, prefixes_.of(family), out)) {
        // Assigned from a view: no std::string is made for the choice.
        out.family.assign(listing_stage ? std::string_view("listing") : std::string_view(family.name));
        out.kind = listing_stage ? AnswerKind::listing : AnswerKind::paper_ids;
        return true;
      }
    }
    return false;
  }

 private:
  // Orders the family's finds by position, drops duplicates and unsafe ids,
  // and keeps the first `limit`, setting out.truncated iff more remain.
  // Returns true iff any id remains; then out.url is `prefix` ("BASE/arxiv/"
  // or "BASE/venue/") and the ids, each written as it is kept.
  static bool collect(Finds& finds, std::size_t limit, const std::string& prefix, Resolution& out) {
    auto& found = finds.found;
    sort_by_position(found);
    out.url.assign(prefix);
    // Overwrite the strings already in out.ids so a reused Resolution keeps
    // their capacity.
    std::size_t kept = 0;
    for (const Found& f : found) {
      std::string_view id = finds.id(f);
      // The first id cannot be a duplicate (most texts hold one).
      if (!detail::is_safe_id(id) || (kept > 0 && is_among(id, std::span(out.ids).first(kept)))) continue;
      if (kept >= limit) {
        out.truncated = true;
        break;
      }
      if (kept < out.ids.size())
        out.ids[kept].assign(id);
      else
        out.ids.emplace_back(id);
      if (kept > 0) out.url.push_back(',');
      detail::append_path_id(out.url, id);
      ++kept;
    }
    out.ids.resize(kept);
    if (kept == 0) out.url.clear();  // no answer from this family
    return kept > 0;
  }

  // Each rule's finds are in order already; merges the rules' lists by
  // position (insertion sort: a handful of entries, no allocation; a
  // single find, most texts, is not looked at).
  static void sort_by_position(std::vector<Found>& found) {
    for (std::size_t i = 1; i < found.size(); ++i)
      for (std::size_t j = i; j > 0 && found[j].position < found[j - 1].position; --j) std::swap(found[j], found[j - 1]);
  }

  static bool is_among(std::string_view id, std::span<const std::string> ids) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }

  const detail::RuleTable& table_;
  const Options& options_;
  const AnswerPrefixes& prefixes_;
  const detail::MonthLimit& months_;
};

void clear(Resolution& out) {
  out.error.reset();
  out.message.clear();
  out.url.clear();
  out.kind = AnswerKind::paper_ids;
  out.family.clear();
  out.field = Field::selection_text;
  out.truncated = false;
  out.site_without_rule.clear();
  // out.ids is left for collect() to overwrite in place; every path that
  // answers without ids clears it.
}

void fail(Resolution& out, ErrorCode code, std::string_view message) {
  clear(out);
  out.ids.clear();
  out.error = code;
  out.message.assign(message);
}

void fail_no_match(Resolution& out, const Request& request, std::string_view site_without_rule = {}) {
  clear(out);
  out.ids.clear();
  out.error = ErrorCode::no_match;
  detail::no_match_message(request, site_without_rule, out.message);
}

}  // namespace

Resolver::Resolver(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Expected<Resolver> Resolver::create(const Options& options, const std::vector<RuleSource>& user_rules) {
  auto base = normalize_base(options.base);
  if (!base) return base.error();
  auto table = std::make_shared<detail::RuleTable>();
  if (auto error = detail::load_rule_table(user_rules, *table)) return *error;
  auto impl = std::make_shared<Impl>();
  impl->options = options;
  impl->set_base(std::move(*base));
  impl->current_yymm = options.now ? (static_cast<int>(options.now->year()) - 2000) * 100 +
                                         static_cast<int>(static_cast<unsigned>(options.now->month()))
                                   : detail::MonthLimit::clock_yymm();
  impl->table = std::move(table);
  return Resolver(std::move(impl));
}

Expected<Resolver> Resolver::with_base(std::string_view base) const {
  auto normalized = normalize_base(base);
  if (!normalized) return normalized.error();
  auto impl = std::make_shared<Impl>(*impl_);
  impl->set_base(std::move(*normalized));
  return Resolver(std::move(impl));
}

namespace {

// The search stage: `words` as a Cool Papers query. Returns true iff
// there was a word to search for.
bool answer_search(std::string_view words, Field field, const Options& options, Resolution& out) {
  out.url = options.base;
  out.url += "/arxiv/search?highlight=1&query=";
  if (detail::append_search_query(words, options.max_search_words, options.max_search_bytes, out.url) == 0)
    return false;
  out.ids.clear();
  out.kind = AnswerKind::search;
  out.family = "search";
  out.field = field;
  return true;
}

// Each text field of a request split as a URL at most once, when first
// needed. The slots are left uninitialised until then (a bit says which
// are set): most texts are answered before any is needed, and a batch
// would pay for setting them on every line.
class SplitUrls {
 public:
  explicit SplitUrls(const Request& request) : request_(request) {}
  SplitUrls(const SplitUrls&) = delete;
  SplitUrls& operator=(const SplitUrls&) = delete;

  // REQUIRES: field is one of the four texts (not Field::page_meta).
  const std::optional<detail::UrlParts>& of(Field field) {
    auto i = static_cast<unsigned>(field);
    if ((set_ & (1u << i)) == 0) {
      std::construct_at(&parts_[i], detail::split_http_url(request_.get(field)));
      set_ |= 1u << i;
    }
    return parts_[i];
  }

 private:
  // std::optional<UrlParts> is trivially destructible: nothing to destroy.
  static_assert(std::is_trivially_destructible_v<std::optional<detail::UrlParts>>);
  const Request& request_;
  unsigned set_ = 0;  // bit i: parts_[i] is constructed
  union {
    std::optional<detail::UrlParts> parts_[4];
  };
};

// The page's meta tags that may hold an id, in the order they are tried.
std::array<std::string_view, 3> meta_id_texts(const PageMeta& meta) {
  return {meta.citation_arxiv_id, meta.citation_doi, meta.citation_pdf_url};
}

}  // namespace

void Resolver::resolve_into(const Request& request, Resolution& out) const {
  clear(out);
  const Options& options = impl_->options;
  const detail::MonthLimit months(impl_->current_yymm, !options.now.has_value());
  const Matcher matcher(*impl_->table, options, impl_->prefixes, months);
  Scratch& s = scratch();
  s.scanned_from = {};  // the same address may hold another text now
  const detail::LiteralFilter& filter = impl_->table->filter;
  bool failed = false;

  SplitUrls split(request);
  auto parts_of = [&](Field field) -> const std::optional<detail::UrlParts>& { return split.of(field); };

  // Ids in any field first (in priority order), then listing pages.
  // Inlined at both calls, where the fields are constants: the loop over
  // them unrolls and each field's text is read without a switch.
  auto first_answer = [&](std::span<const Field> fields, bool listing_stage) __attribute__((always_inline)) {
    for (Field field : fields) {
      if (field == Field::page_meta) {
        if (listing_stage) continue;
        for (std::string_view text : meta_id_texts(request.page_meta))
          if (!text.empty() && matcher.match_text(prepare_and_scan(text, s, filter), false, out, failed)) {
            out.field = field;
            return true;
          }
        continue;
      }
      std::string_view text = request.get(field);
      if (text.empty()) continue;
      if (matcher.match_text(prepare_and_scan(text, s, filter), listing_stage, out, failed)) {
        out.field = field;
        return true;
      }
      // A Cool Papers URL is its own answer (after the rules, which give
      // its arXiv pages the same answer, so most texts never pay for it).
      if (!listing_stage && detail::own_page_path(parts_of(field), impl_->base_parts, s.page_text)) {
        out.url = options.base;
        out.url += s.page_text;
        out.ids.clear();
        out.kind = AnswerKind::own_page;
        out.family = "coolpapers";
        out.field = field;
        return true;
      }
      if (listing_stage && detail::arxiv_search_terms(parts_of(field), s.page_text) &&
          answer_search(s.page_text, field, options, out))
        return true;
    }
    return false;
  };
  if (first_answer(kRequestFields, false) || first_answer(kListingFields, true)) return;
  if (failed) return fail(out, ErrorCode::internal, "A rule could not be compiled; see `coolpapers rules test`");

  if (!request.selection_text.empty() &&
      answer_search(prepared(request.selection_text, s), Field::selection_text, options, out))
    return;
  const PageMeta& meta = request.page_meta;
  std::string_view title = !meta.citation_title.empty() ? meta.citation_title : meta.dc_title;
  if (!title.empty() && answer_search(prepare(title, s), Field::page_meta, options, out)) return;

  // A paper site without a rule: say so, and what works instead (the page's
  // metadata, read by the extension).
  if (meta.empty())
    for (Field field : kUrlFields)
      if (const auto* site = detail::find_site_without_rule(parts_of(field), impl_->table->sites_without_rule)) {
        fail_no_match(out, request, site->name);
        out.site_without_rule = site->name;
        return;
      }
  fail_no_match(out, request);
}

Resolution Resolver::resolve(const Request& request) const {
  Resolution out;
  resolve_into(request, out);
  return out;
}

Resolution Resolver::resolve(std::string_view text, Field field) const {
  Request request;
  request.set(field, text);
  return resolve(request);
}

const Options& Resolver::options() const { return impl_->options; }

std::size_t Resolver::rule_count() const { return impl_->table->rules.size(); }

std::vector<FamilyInfo> Resolver::families() const {
  std::vector<FamilyInfo> result;
  for (const auto& family : impl_->table->families)
    result.push_back({family.name, family.display.empty() ? family.name : family.display, family.arxiv_page,
                      family.listing, family.page_patterns, family.pdf_patterns, family.content_script_patterns,
                      family.source});
  return result;
}

std::vector<RuleInfo> Resolver::rules() const {
  std::vector<RuleInfo> result;
  for (const auto& rule : impl_->table->rules)
    result.push_back({rule.id(), impl_->table->families[rule.family()].name, rule.source(), rule.pattern(),
                      rule.output_text(), rule.literals(), rule.examples().size()});
  return result;
}

ExampleReport Resolver::run_examples() const {
  auto checker = with_base(Options{}.base);
  ExampleReport report;
  for (const auto& rule : impl_->table->rules) {
    for (const auto& example : rule.examples()) {
      Field field = example.field.empty() ? auto_field(example.input) : *field_from_name(example.field);
      Resolution r = checker->resolve(example.input, field);
      std::string actual = r.ok() ? r.url : "(no answer: " + r.message + ")";
      bool pass = example.url ? (r.ok() && r.url == *example.url) : !r.ok();
      if (pass)
        ++report.passed;
      else
        report.failures.push_back({rule.id(), std::string(example.input),
                                   std::string(example.url.value_or("(no answer)")), actual});
    }
  }
  return report;
}

std::string_view version() { return COOLPAPERS_VERSION; }

}  // namespace coolpapers
