// coolpapers resolver: from what a researcher points at to a Cool Papers page.
//
// This is the pure core every front end shares (the native messaging host,
// the command line, the redirect service). It does no I/O (but for
// coolpapers/rule_file.hpp, the one loader of user rule files). The contract it
// implements is docs/resolution.md; the identifier families are rules in a
// JSON table (resolver/rules.json) compiled into the library.
//
// Quick tour:
//
//   auto loaded = coolpapers::Resolver::create({});        // built-in rules
//   if (!loaded) { report(loaded.error().to_string()); }
//   const coolpapers::Resolver& resolver = *loaded;
//
//   coolpapers::Request request;
//   request.page_url = "https://arxiv.org/abs/2312.00001v2";
//   coolpapers::Resolution r = resolver.resolve(request);
//   // r.ok() == true
//   // r.url == "https://papers.cool/arxiv/2312.00001"
//   // r.family == "arxiv", r.ids == {"2312.00001"}, r.field == Field::page_url
//
//   request = {};
//   request.selection_text = "see arXiv:2401.12345 and 2402.00012v3";
//   // -> https://papers.cool/arxiv/2401.12345,2402.00012
//
//   request = {};
//   request.page_url = "https://doi.org/10.1145/3580305.3599000";
//   // -> r.ok() == false, r.error == ErrorCode::no_match, r.message says why
//
// Every URL a Resolution carries starts with the configured base followed by
// "/arxiv/" or "/venue/"; nothing else is ever produced (no open redirects).
//
// Thread safety: a Resolver is immutable after create() and cheap to copy
// (copies share one rule table). resolve() may be called from any number of
// threads at once. Regular expressions are compiled on first use, once,
// under std::call_once, so start-up pays only for the rules a request needs.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "coolpapers/errors.hpp"

namespace coolpapers {

// The parts of a request: four texts named as in Chrome's
// contextMenus.OnClickData, and the page's meta tags (PageMeta), examined
// in this order: selection, link, page URL, page meta, frame URL.
enum class Field { selection_text, link_url, page_url, frame_url, page_meta };

// Every field, in the order in which resolve() looks for ids in them: the
// members a native host request may carry (PROTOCOL.md), each named by
// field_name(). All but page_meta are texts; page_meta is an object of
// meta tags (PageMeta), so shells read it as such.
inline constexpr std::array<Field, 5> kRequestFields = {Field::selection_text, Field::link_url, Field::page_url,
                                                        Field::page_meta, Field::frame_url};

// "selectionText", "linkUrl", "pageUrl", "frameUrl", "pageMeta".
std::string_view field_name(Field field);
// Inverse of field_name() for the four texts; also accepts the short names
// "selection", "link", "page" and "frame". Returns nullopt for anything
// else ("pageMeta" included: it is not one text, see Request::page_meta).
std::optional<Field> field_from_name(std::string_view name);

// The field the command line's and the redirect service's `auto` mode
// assigns to a text: page_url iff it starts with "http://" or "https://"
// (ASCII case-insensitive, after leading spaces), else selection_text.
Field auto_field(std::string_view text);

// The Highwire (Google Scholar) and Dublin Core meta tags of a paper page,
// by tag name. Ids are looked for in citation_arxiv_id, citation_doi and
// citation_pdf_url (in that order, with the same rules as any text); when
// none has one, the title (citation_title, else DC.title) is searched.
// og:title and <title> are not here on purpose: index pages and blogs have
// them too, so they do not make a page a paper.
struct PageMeta {
  std::string_view citation_arxiv_id;
  std::string_view citation_doi;
  std::string_view citation_pdf_url;
  std::string_view citation_title;
  std::string_view dc_title;  // DC.title

  // The tag names, as in <meta name="...">.
  static constexpr std::string_view kNames[] = {"citation_arxiv_id", "citation_doi", "citation_pdf_url",
                                                "citation_title", "DC.title"};
  // The value of a tag by name (ASCII case-insensitive); nullptr for a tag
  // not listed in kNames.
  std::string_view* find(std::string_view name);
  bool empty() const;
};

// How a shell was told to read a text: the command line's `--field F` and
// the redirect service's `field=F`. Every shell accepts the same names.
struct FieldChoice {
  std::optional<Field> field;  // nullopt: `auto`, decided per text

  Field for_text(std::string_view text) const { return field ? *field : auto_field(text); }
};

// "auto", or any name field_from_name() accepts. nullopt for anything else;
// say kFieldChoiceNames in the message.
std::optional<FieldChoice> field_choice_from_name(std::string_view name);

// The names to offer a user who gave a wrong one.
inline constexpr std::string_view kFieldChoiceNames = "auto, selection, link, page or frame";

// What the user pointed at. An empty view means "absent". Views must stay
// valid during resolve(); nothing is retained afterwards.
struct Request {
  std::string_view selection_text;
  std::string_view link_url;
  std::string_view page_url;
  std::string_view frame_url;
  PageMeta page_meta;

  // The text of one of the four text fields; empty for Field::page_meta.
  // (Inline, as set(): a batch asks for them several times per text.)
  std::string_view get(Field field) const {
    switch (field) {
      case Field::selection_text: return selection_text;
      case Field::link_url: return link_url;
      case Field::page_url: return page_url;
      case Field::frame_url: return frame_url;
      case Field::page_meta: return {};
    }
    return {};
  }
  // Sets one of the four text fields; does nothing for Field::page_meta.
  void set(Field field, std::string_view text) {
    switch (field) {
      case Field::selection_text: selection_text = text; break;
      case Field::link_url: link_url = text; break;
      case Field::page_url: page_url = text; break;
      case Field::frame_url: frame_url = text; break;
      case Field::page_meta: break;
    }
  }
};

// How an answer was found.
enum class AnswerKind {
  paper_ids,  // one or more identifiers of one family
  listing,    // an arXiv listing page (arxiv.org/list/CAT/...)
  search,     // words sent to the Cool Papers search: the selection's, an
              // arXiv search page's, or the page's title (PageMeta)
  own_page,   // a Cool Papers URL, which is its own answer
};

struct Resolution {
  // Set iff no page was found (or the request could not be handled).
  std::optional<ErrorCode> error;
  std::string message;  // plain words for the user when error is set

  std::string url;               // the Cool Papers page; empty on error
  AnswerKind kind = AnswerKind::paper_ids;
  std::string family;            // rule family ("arxiv", "openreview", ...),
                                 // "listing" or "search"
  std::vector<std::string> ids;  // identifiers in order of appearance;
                                 // for a listing, the category
  Field field = Field::selection_text;  // the text that decided the answer
  bool truncated = false;  // more ids were found than Options::max_ids
  // On no_match for a URL of a known paper site that has no rule (rules.json
  // "sites_without_rule"): that site's display name; message then says what
  // works instead. Empty otherwise.
  std::string site_without_rule;

  bool ok() const { return !error.has_value(); }
};

// Defaults of every knob, in one place.
struct Options {
  // Target base: scheme, host, optional port and path, no trailing slash,
  // no query or fragment. Validated by Resolver::create().
  std::string base = "https://papers.cool";
  // Identifiers per answer (the contract's cap; also what keeps answers on
  // adversarial inputs linear in the input size).
  std::size_t max_ids = 50;
  // Words in a search fallback query, and its length in bytes once
  // percent-encoded.
  std::size_t max_search_words = 32;
  std::size_t max_search_bytes = 1024;
  // The current month, before which arXiv ids exist ("3201.00001" does not
  // yet). nullopt: the UTC month of the system clock, read at create() and
  // read again only when an id from a later month appears.
  std::optional<std::chrono::year_month> now = std::nullopt;
};

// A user rule file, already read into memory. `name` is used in messages
// (normally the file's path).
struct RuleSource {
  std::string name;
  std::string json;
};

// Why a resolver could not be created: which source, which rule, what is
// wrong, and (for a bad pattern) the offending part of the pattern.
struct ConfigError {
  std::string source;     // "--base", a rule file name, or "built-in rules"
  std::string rule_id;    // empty when the problem is not in one rule
  std::string message;    // what is wrong, e.g. RE2's error text
  std::string offending;  // RE2's error_arg(), a JSON path, or the bad value
  std::string to_string() const;
};

// Metadata of one loaded rule, for `coolpapers rules list`.
struct RuleInfo {
  std::string id;
  std::string family;
  std::string source;  // "built-in" or the user file's name
  std::string pattern;
  std::string output;
  std::vector<std::string> literals;
  std::size_t examples = 0;
};

// One family of the loaded table (built-in or from a user file): what the
// extension and the help texts need to know about a site. The patterns are
// Chrome match patterns ("*://arxiv.org/abs/*"), validated when loaded.
struct FamilyInfo {
  std::string name;                  // "arxiv", "acl", ...
  std::string display_name;          // "arXiv", "ACL Anthology"; the name if none given
  bool arxiv_page = false;           // answers are /arxiv/ pages, else /venue/ pages
  bool listing = false;              // a listing-page fallback, not a site with paper ids
  std::vector<std::string> page_patterns;            // pages that get the page menu
  std::vector<std::string> pdf_patterns;             // PDFs whose viewer gets the menu
  std::vector<std::string> content_script_patterns;  // pages that get "Cool Papers" links
  std::string source;                // "built-in" or the user file's name
};

// One failed rule example, for `coolpapers rules test`.
struct ExampleFailure {
  std::string rule_id;
  std::string input;
  std::string expected;  // expected URL, or "(no answer)"
  std::string actual;    // actual URL, or "(no answer: <message>)"
};

struct ExampleReport {
  std::size_t passed = 0;
  std::vector<ExampleFailure> failures;
};

template <typename T>
class Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}
  Expected(ConfigError error) : state_(std::move(error)) {}
  explicit operator bool() const { return state_.index() == 0; }
  T& operator*() { return std::get<0>(state_); }
  const T& operator*() const { return std::get<0>(state_); }
  T* operator->() { return &std::get<0>(state_); }
  const T* operator->() const { return &std::get<0>(state_); }
  const ConfigError& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, ConfigError> state_;
};

class Resolver {
 public:
  // Builds a resolver from the built-in table plus `user_rules` (applied in
  // order: a rule whose id exists replaces it in place, a new rule is
  // appended; new families are appended after the built-in ones).
  // Every user pattern is compiled here so a bad one is reported now.
  // Returns a ConfigError iff the base is invalid or any source is bad; in
  // that case nothing is loaded.
  static Expected<Resolver> create(const Options& options,
                                   const std::vector<RuleSource>& user_rules = {});

  // The same rule table with another base (a per-request "base" from the
  // extension). Returns a ConfigError iff `base` is not a valid base.
  Expected<Resolver> with_base(std::string_view base) const;

  // Resolves one request following docs/resolution.md. Never throws for any
  // input bytes (invalid UTF-8 included); on resource exhaustion it returns
  // ErrorCode::internal, never a wrong "no_match".
  Resolution resolve(const Request& request) const;

  // Shorthand: one text in one field.
  Resolution resolve(std::string_view text, Field field) const;

  // Same as resolve(request), writing into `out` and reusing its string and
  // vector capacity, so a server loop can resolve without allocating once
  // its buffers have grown. `out` is fully overwritten.
  void resolve_into(const Request& request, Resolution& out) const;

  const Options& options() const;
  std::size_t rule_count() const;
  std::vector<RuleInfo> rules() const;
  // Every family in priority order, user families included.
  std::vector<FamilyInfo> families() const;

  // Runs every rule's examples through resolve() with the default base.
  ExampleReport run_examples() const;

 private:
  struct Impl;
  explicit Resolver(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

// Normalises and checks a target base: "http(s)://host[:port][/path]",
// printable ASCII, no query, fragment, user info or whitespace; a trailing
// "/" is removed. Returns the normalised base or a ConfigError.
Expected<std::string> normalize_base(std::string_view base);

// The JSON text of the built-in rule table (for `coolpapers rules list --json`
// and documentation).
std::string_view builtin_rules_json();

// The library's version, "MAJOR.MINOR.PATCH".
std::string_view version();

}  // namespace coolpapers
