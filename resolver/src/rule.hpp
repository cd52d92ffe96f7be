// One rule of the table: a pattern, the literals that gate it, and the
// output template that turns a match into an identifier.
#pragma once

#include <cstddef>
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "literal_filter.hpp"
#include "literal_lead.hpp"

namespace re2 {
class RE2;
class StringPiece;
}

namespace coolpapers::detail {

// One example of a rule, checked by `coolpapers rules test`. Views of text
// that outlives the table (static for the built-in rules, kept by the table
// for a user file's), so loading copies none of it.
struct RuleExample {
  std::string_view input;
  std::string_view field;                // field name; empty = auto
  std::optional<std::string_view> url;   // nullopt = "no answer"
};

// An output template such as "{2}@v{1}@PMLR", parsed once at load.
struct OutputTemplate {
  struct Part {
    std::string text;  // literal text, used when group == 0
    int group = 0;     // capture group number, 1-based
  };
  std::vector<Part> parts;
  int max_group = 0;
};

// Parses "{N}" placeholders; returns nullopt (with `error` set) on an
// unbalanced brace or a non-numeric placeholder.
std::optional<OutputTemplate> parse_template(std::string_view text, std::string& error);

// One identifier found in a text: where it starts, and its text, either
// the searched text's own bytes (an output template of one group, most
// rules: nothing is copied) or a slice of a shared buffer (so finding ids
// does not allocate per id).
struct Found {
  std::size_t position;
  std::size_t offset;  // in Finds::ids, when in_text is null
  std::size_t length;
  const char* in_text = nullptr;  // the id's bytes in the searched text
};

// What rules append to while one family is tried. Valid while the text
// they searched is (ids may be views of it).
struct Finds {
  std::vector<Found> found;
  std::string ids;  // the identifiers made from templates, back to back

  std::string_view id(const Found& f) const {
    return f.in_text ? std::string_view(f.in_text, f.length) : std::string_view(ids).substr(f.offset, f.length);
  }
  void clear() {
    found.clear();
    ids.clear();
  }
};

// Which YYMM months have ids yet: arXiv numbers its papers by month, so an
// id from a month after the current one is a number that only looks like an
// id ("3201.00001"). YYMM is read as 20YY-MM.
class MonthLimit {
 public:
  // `current_yymm`: the current month. With `from_clock`, a later month is
  // checked against the system clock again (a service outlives a month).
  MonthLimit(int current_yymm, bool from_clock) : current_(current_yymm), from_clock_(from_clock) {}
  bool allows(int yymm) const;
  // The current month (UTC) as YYMM.
  static int clock_yymm();

 private:
  int current_;
  bool from_clock_;
};

// An RE2 object compiled on first use, once, by whichever thread asks
// first; lock-free afterwards.
class LazyRe2 {
 public:
  LazyRe2();
  ~LazyRe2();
  // Moved only while the table is built, before any thread shares it.
  LazyRe2(LazyRe2&&) noexcept;
  LazyRe2& operator=(LazyRe2&&) noexcept;

  // The object for `before` + `pattern` + `after`, compiled now if this is
  // the first call (every call must pass the same). Check ok() before use.
  const re2::RE2& get(std::string_view pattern, std::string_view before = {}, std::string_view after = {}) const;

 private:
  mutable std::unique_ptr<std::once_flag> once_;
  mutable std::unique_ptr<re2::RE2> re_;
  mutable std::atomic<const re2::RE2*> ready_{nullptr};
};

// Texts this short (whole, in bytes) may be searched by a rule's few-texts
// matcher (see Rule).
inline constexpr std::size_t kFewTextsMaxBytes = 1024;
// The texts a rule searches with its few-texts matcher before it compiles
// the DFA matcher: about where compiling the DFA programs costs less than
// the slower searches would (bench/README.md).
inline constexpr unsigned kFewTexts = 16;
// How many times a rule with leads moves on to the next occurrence of a
// lead literal, after anchored tries that failed, before it searches the
// rest of the text unanchored (Rule::search_at_leads).
inline constexpr unsigned kLeadRounds = 4;

// A rule searches a text with one of two RE2 objects, each compiled on
// first use (start-up pays only for the rules a request needs), which give
// the same answers:
//   the DFA matcher, PATTERN searched unanchored: RE2's forward DFA finds
//     where a match ends, its reverse DFA where it starts, BitState the
//     groups inside the match. Fast per text, but compiling the two DFA
//     programs is most of a rule's compilation.
//   the few-texts matcher, \C*?(?:PATTERN) anchored at the search start
//     (\C: any byte, even in a UTF-8 pattern): leftmost-first like the
//     unanchored search, with the same groups; one program, no DFA, RE2's
//     BitState over the whole text. Compiles in about half the time,
//     searches about twice as slowly.
// The first kFewTexts texts of at most kFewTextsMaxBytes go to the few-texts
// matcher: a process that resolves a few texts (the native host resolves
// one per start) compiles one program per rule it needs and never the DFA
// programs, a batch compiles them after a few texts, and a long text always
// uses the DFA matcher (BitState's cost grows with the text).
// After its few texts, a rule whose every match holds one of its literals
// a bounded distance from its start (its leads: literal_lead.hpp) is
// searched from where the literal scan says the leftmost match can start,
// not from the text's start: the DFA matcher's object is run anchored at
// each place from there up to where the literal would be the furthest in
// (one place when that distance is fixed, up to three for the arXiv ids'
// boundary of 0 to 2 bytes), skipping places whose bytes cannot begin a
// match (LeadShape). An anchored search needs only the forward program
// (OnePass for a one-pass pattern, else BitState; no DFA). When every try
// failed, the places around the next occurrence are tried, for up to
// kLeadRounds occurrences; an unanchored search runs only past those.
class Rule {
 public:
  Rule(std::string id, std::size_t family, std::string pattern, OutputTemplate output,
       std::string output_text, std::vector<std::string> literals, std::string source,
       std::span<const RuleExample> examples, int yymm_group = 0);
  ~Rule();
  Rule(Rule&&) noexcept;
  Rule& operator=(Rule&&) noexcept;

  const std::string& id() const { return id_; }
  std::size_t family() const { return family_; }
  const std::string& pattern() const { return pattern_; }
  const std::string& output_text() const { return output_text_; }
  const std::vector<std::string>& literals() const { return literals_; }
  const std::string& source() const { return source_; }
  std::span<const RuleExample> examples() const { return examples_; }
  // The capture group that starts with the id's YYMM, or 0.
  int yymm_group() const { return yymm_group_; }

  // Indices of this rule's literals in the table's LiteralFilter.
  std::vector<std::size_t> literal_indices;

  // True iff a match starting at or after `pos` is possible: the rule has
  // no literals, or one of them occurs at or after `pos`. (A rule's
  // literals are required to occur inside every match of its pattern.)
  // (Inline: asked for every rule of a family the scan did not rule out.)
  bool can_match_from(const LiteralSet& present, std::size_t pos) const {
    if (literal_indices.empty()) return true;
    for (std::size_t i : literal_indices)
      if (present.found[i] && present.last_start[i] >= pos) return true;
    return false;
  }

  // Compiles the pattern now. Returns an empty string on success, else
  // RE2's error and sets `offending` to RE2's error_arg(); also fails if
  // the template names a group the pattern does not have.
  std::string compile_now(std::string& offending) const;

  // Appends to `out` the identifiers this rule finds in `text`, in order,
  // until this rule has appended `limit` distinct identifiers. `present`
  // is the literal scan of `text`; the search stops early once no literal
  // of the rule is left ahead. A match whose YYMM (see yymm_group()) the
  // `months` do not allow is skipped. Compiles a matcher on first use
  // (thread-safe; see above). Returns false iff the pattern cannot be used.
  bool find_all(std::string_view text, const LiteralSet& present, std::size_t limit, const MonthLimit& months,
                Finds& out) const;

 private:
  // Every match starts `min_offset` to `max_offset` bytes before an
  // occurrence of literals_[literal] for one of the leads (none known:
  // empty); `text` is that literal in lower case.
  struct Lead {
    std::size_t literal;
    std::size_t min_offset;
    std::size_t max_offset;
    std::string text;
  };
  // This rule's leads, read from the pattern on first use, once.
  const std::vector<Lead>& leads() const;
  // Finds the leftmost match at or after `pos` with `re`, which is searched
  // from `pos` either unanchored or (`anchored`: the few-texts matcher)
  // anchored there.
  bool search(const re2::RE2& re, bool anchored, std::string_view text, std::size_t pos, re2::StringPiece* match,
              int groups) const;
  // True iff `re` compiled and has the groups the output names.
  bool usable(const re2::RE2& re) const;
  // True iff the bytes at `start` fit one of lead_shapes_ whose literal
  // would start at or after `first_literal`, the first place one occurs.
  bool may_start_at(std::string_view text, std::size_t start, std::size_t first_literal) const;
  // The same as search() for a rule with leads: from where they say the
  // leftmost match at or after `pos` can start (see above). `re`: the DFA
  // matcher's object, set here when first needed; `unusable` is set when it
  // cannot be used (see usable()).
  bool search_at_leads(const re2::RE2*& re, bool& unusable, std::string_view text, const LiteralSet& present, std::size_t pos, re2::StringPiece* match,
                       int groups) const;
  // The id of a match, by the output template: a view of `text` for a
  // template of one group, else made at the end of out.ids. `resume` is
  // set to where the last group used ends; the position is npos when no
  // group used took part in the match.
  // (Inline in find_all(): its common case is a few moves.)
  [[gnu::always_inline]] inline Found output_id(std::string_view text, const re2::StringPiece* match, Finds& out,
                                                std::size_t& resume) const;
  // output_id() for a template of literal text and groups, made in out.ids.
  [[gnu::noinline]] Found output_from_template(std::string_view text, const re2::StringPiece* match, Finds& out,
                                               std::size_t& resume) const;
  // True iff `id` is among this rule's finds for this text, the ones from
  // `first_of_this_rule` on.
  static bool found_already(const Finds& out, std::size_t first_of_this_rule, std::string_view id);
  // True iff the match's YYMM (if the rule has one) is a month with ids.
  bool month_exists(const re2::StringPiece* match, const MonthLimit& months) const;

  std::string id_;
  std::size_t family_;
  std::string pattern_;
  OutputTemplate output_;
  std::string output_text_;
  std::vector<std::string> literals_;
  std::string source_;
  std::span<const RuleExample> examples_;
  int yymm_group_ = 0;
  mutable std::unique_ptr<std::once_flag> leads_once_;
  mutable std::atomic<bool> leads_ready_{false};
  mutable std::vector<Lead> leads_;
  mutable std::vector<LeadShape> lead_shapes_;
  mutable bool lead_shapes_need_text_start_ = false;  // every match starts at the text's start

  LazyRe2 dfa_matcher_;
  LazyRe2 few_texts_matcher_;
  mutable std::atomic<unsigned> few_texts_searched_{0};
};

}  // namespace coolpapers::detail
