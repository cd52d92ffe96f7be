#include "rule.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <chrono>

#include "ascii.hpp"
#include "literal_lead.hpp"

namespace coolpapers::detail {
namespace {

// Patterns that are plain ASCII run in Latin-1 mode: every byte is one
// character, so invalid UTF-8 next to an id acts as a boundary instead of
// hiding the id, and matching is a little faster. A pattern with non-ASCII
// text or Unicode classes (\p{...}) runs in UTF-8 mode.
bool needs_utf8(std::string_view pattern) {
  for (char c : pattern)
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  return pattern.find("\\p") != std::string_view::npos ||
         pattern.find("\\P") != std::string_view::npos;
}

RE2::Options options_for(bool utf8) {
  RE2::Options options;
  options.set_log_errors(false);
  if (!utf8) options.set_encoding(RE2::Options::EncodingLatin1);
  return options;
}

// Upper bound on capture groups a template may use (keeps submatch storage
// on the stack).
constexpr int kMaxGroups = 9;

}  // namespace

std::optional<OutputTemplate> parse_template(std::string_view text, std::string& error) {
  OutputTemplate result;
  std::string literal;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '}') {
      error = "unmatched '}' in output template";
      return std::nullopt;
    }
    if (text[i] != '{') {
      literal.push_back(text[i]);
      continue;
    }
    std::size_t close = text.find('}', i);
    std::string_view number = text.substr(i + 1, close == std::string_view::npos ? 0 : close - i - 1);
    if (close == std::string_view::npos || number.size() != 1 || number[0] < '1' ||
        number[0] > '0' + kMaxGroups) {
      error = "output placeholders are {1} to {9}";
      return std::nullopt;
    }
    if (!literal.empty()) result.parts.push_back({std::move(literal), 0});
    literal.clear();
    int group = number[0] - '0';
    result.parts.push_back({{}, group});
    result.max_group = std::max(result.max_group, group);
    i = close;
  }
  if (!literal.empty()) result.parts.push_back({std::move(literal), 0});
  if (result.max_group == 0) {
    error = "output template uses no capture group";
    return std::nullopt;
  }
  return result;
}

Rule::Rule(std::string id, std::size_t family, std::string pattern, OutputTemplate output,
           std::string output_text, std::vector<std::string> literals, std::string source,
           std::span<const RuleExample> examples, int yymm_group)
    : id_(std::move(id)),
      family_(family),
      pattern_(std::move(pattern)),
      output_(std::move(output)),
      output_text_(std::move(output_text)),
      literals_(std::move(literals)),
      source_(std::move(source)),
      examples_(examples),
      yymm_group_(yymm_group),
      leads_once_(std::make_unique<std::once_flag>()) {}

Rule::~Rule() = default;

LazyRe2::LazyRe2() : once_(std::make_unique<std::once_flag>()) {}
LazyRe2::~LazyRe2() = default;
LazyRe2::LazyRe2(LazyRe2&& other) noexcept { *this = std::move(other); }

// Moved only while the table is built, before any thread shares it, so the
// compiled object and its flags can simply be handed over.
LazyRe2& LazyRe2::operator=(LazyRe2&& other) noexcept {
  once_ = std::move(other.once_);
  re_ = std::move(other.re_);
  ready_.store(other.ready_.load());
  return *this;
}

const RE2& LazyRe2::get(std::string_view pattern, std::string_view before, std::string_view after) const {
  if (const RE2* re = ready_.load(std::memory_order_acquire)) return *re;
  std::call_once(*once_, [&] {
    std::string whole = std::string(before).append(pattern).append(after);
    re_ = std::make_unique<RE2>(whole, options_for(needs_utf8(whole)));
    ready_.store(re_.get(), std::memory_order_release);
  });
  return *re_;
}

Rule::Rule(Rule&& other) noexcept { *this = std::move(other); }

Rule& Rule::operator=(Rule&& other) noexcept {
  literal_indices = std::move(other.literal_indices);
  id_ = std::move(other.id_);
  family_ = other.family_;
  pattern_ = std::move(other.pattern_);
  output_ = std::move(other.output_);
  output_text_ = std::move(other.output_text_);
  literals_ = std::move(other.literals_);
  source_ = std::move(other.source_);
  examples_ = other.examples_;
  yymm_group_ = other.yymm_group_;
  dfa_matcher_ = std::move(other.dfa_matcher_);
  few_texts_matcher_ = std::move(other.few_texts_matcher_);
  few_texts_searched_.store(other.few_texts_searched_.load());
  leads_once_ = std::move(other.leads_once_);
  leads_ready_.store(other.leads_ready_.load());
  leads_ = std::move(other.leads_);
  lead_shapes_ = std::move(other.lead_shapes_);
  lead_shapes_need_text_start_ = other.lead_shapes_need_text_start_;
  return *this;
}

int MonthLimit::clock_yymm() {
  using namespace std::chrono;
  const year_month_day today{floor<days>(system_clock::now())};
  return (static_cast<int>(today.year()) - 2000) * 100 + static_cast<int>(static_cast<unsigned>(today.month()));
}

bool MonthLimit::allows(int yymm) const {
  // UTC is never behind arXiv's own clock (US Eastern), so the current UTC
  // month already has ids. The clock is read only for a later month.
  return yymm <= current_ || (from_clock_ && yymm <= clock_yymm());
}

const std::vector<Rule::Lead>& Rule::leads() const {
  // Read once; afterwards one acquire load instead of std::call_once's
  // pthread_once call on every text.
  if (leads_ready_.load(std::memory_order_acquire)) return leads_;
  std::call_once(*leads_once_, [this] {
    // Only for Latin-1 patterns: in UTF-8 mode "(?i:k)" also matches the
    // Kelvin sign, which the ASCII literal scan would not place.
    if (needs_utf8(pattern_)) return;
    Leads leads = literal_leads(pattern_, literals_);
    for (const LiteralLead& lead : leads.literals) {
      std::string text;
      for (char c : literals_[lead.literal]) text.push_back(static_cast<char>(ascii_lower(static_cast<unsigned char>(c))));
      leads_.push_back({lead.literal, lead.min_offset, lead.max_offset, std::move(text)});
    }
    lead_shapes_ = std::move(leads.shapes);
    lead_shapes_need_text_start_ = !lead_shapes_.empty() &&
        std::all_of(lead_shapes_.begin(), lead_shapes_.end(), [](const LeadShape& s) { return s.at_text_start; });
  });
  leads_ready_.store(true, std::memory_order_release);
  return leads_;
}

std::string Rule::compile_now(std::string& offending) const {
  const RE2* re = &dfa_matcher_.get(pattern_);
  if (!re->ok()) {
    offending = re->error_arg();
    return re->error();
  }
  if (re->NumberOfCapturingGroups() < output_.max_group) {
    offending = output_text_;
    return "output uses {" + std::to_string(output_.max_group) + "} but the pattern has " +
           std::to_string(re->NumberOfCapturingGroups()) + " capture group(s)";
  }
  return {};
}

bool Rule::month_exists(const re2::StringPiece* match, const MonthLimit& months) const {
  if (yymm_group_ == 0) return true;
  const re2::StringPiece& g = match[yymm_group_];
  if (g.size() < 4) return true;
  int yymm = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    if (g[i] < '0' || g[i] > '9') return true;
    yymm = yymm * 10 + (g[i] - '0');
  }
  return months.allows(yymm);
}


bool Rule::search(const RE2& re, bool anchored, std::string_view text, std::size_t pos, re2::StringPiece* match,
                  int groups) const {
  if (pos > text.size()) return false;
  const re2::StringPiece whole(text.data(), text.size());
  return re.Match(whole, pos, text.size(), anchored ? RE2::ANCHOR_START : RE2::UNANCHORED, match, groups);
}

bool Rule::may_start_at(std::string_view text, std::size_t start, std::size_t first_literal) const {
  for (const LeadShape& shape : lead_shapes_) {
    // The shape puts a literal at start + offset: not before the first one.
    if (start + shape.offset < first_literal || start + shape.offset > text.size() ||
        (shape.at_text_start && start != 0))
      continue;
    std::size_t k = 0;
    while (k < shape.before.size() && shape.before[k][static_cast<unsigned char>(text[start + k])]) ++k;
    if (k == shape.before.size()) return true;
  }
  return false;
}

bool Rule::usable(const RE2& re) const { return re.ok() && re.NumberOfCapturingGroups() >= output_.max_group; }

bool Rule::search_at_leads(const RE2*& re, bool& unusable, std::string_view text, const LiteralSet& present,
                           std::size_t pos, re2::StringPiece* match, int groups) const {
  // The DFA matcher's object, compiled on first need.
  auto matcher = [&]() -> const RE2* {
    if (!re) re = &dfa_matcher_.get(pattern_);
    unusable = !usable(*re);
    return unusable ? nullptr : re;
  };
  for (unsigned round = 0; round < kLeadRounds; ++round) {
    // A match at or after `pos` holds a lead's literal min_offset to
    // max_offset bytes in, so at or after pos + min_offset: it starts at
    // most max_offset bytes before the first such occurrence. Over the
    // leads, the leftmost match starts at or after `first`; up to `last`,
    // each place is tried anchored where the bytes fit a lead's shape (the
    // scan already knows where each literal is).
    std::size_t first = std::string_view::npos, last = std::string_view::npos;
    std::size_t first_literal = std::string_view::npos;  // the earliest lead literal at or after its `from`
    for (const Lead& lead : leads_) {
      const std::size_t index = literal_indices[lead.literal];
      const std::size_t from = pos + lead.min_offset;
      if (!present.found[index] || present.last_start[index] < from) continue;
      const std::size_t at =
          present.first_start[index] >= from ? present.first_start[index] : find_literal(text, from, lead.text);
      if (at == std::string_view::npos) continue;
      first_literal = std::min(first_literal, at);
      first = std::min(first, at >= pos + lead.max_offset ? at - lead.max_offset : pos);
      last = std::min(last, at - lead.min_offset);
    }
    // No lead literal ahead: no match can start at or after `pos`.
    if (first == std::string_view::npos) return false;
    for (std::size_t start = first; start <= last; ++start)
      if (may_start_at(text, start, first_literal)) {
        if (!matcher()) return false;
        if (search(*re, true, text, start, match, groups)) return true;
      }
    // No match starts at or before `last`; one that starts later holds a
    // later occurrence of a lead literal, so the next round looks from
    // there. A number starting with "####.####" that is no id (a DOI's
    // "9398346.7638700") needs no further search at all.
    if (lead_shapes_need_text_start_) return false;
    pos = last + 1;
  }
  // The rounds are bounded per match found, which keeps the cost linear
  // (an anchored try may read far into the text); past them, one
  // unanchored search.
  if (!matcher()) return false;
  return search(*re, false, text, pos, match, groups);
}

Found Rule::output_id(std::string_view text, const re2::StringPiece* match, Finds& out, std::size_t& resume) const {
  // A template of one group (most rules): the id is that group's text.
  if (output_.parts.size() == 1 && output_.parts[0].group != 0) [[likely]] {
    const re2::StringPiece& g = match[output_.parts[0].group];
    if (g.data() == nullptr) return {std::string_view::npos, out.ids.size(), 0};
    const auto start = static_cast<std::size_t>(g.data() - text.data());
    resume = start + g.size();
    return {start, 0, g.size(), g.data()};
  }
  return output_from_template(text, match, out, resume);
}

Found Rule::output_from_template(std::string_view text, const re2::StringPiece* match, Finds& out,
                                 std::size_t& resume) const {
  auto start_of = [&](const re2::StringPiece& g) { return static_cast<std::size_t>(g.data() - text.data()); };
  const std::size_t offset = out.ids.size();
  std::size_t id_start = std::string_view::npos;
  for (const auto& part : output_.parts) {
    if (part.group == 0) {
      out.ids += part.text;
      continue;
    }
    const auto& g = match[static_cast<std::size_t>(part.group)];
    if (g.data() == nullptr) continue;
    out.ids.append(g.data(), g.size());
    id_start = std::min(id_start, start_of(g));
    resume = std::max(resume, start_of(g) + g.size());
  }
  return {id_start, offset, out.ids.size() - offset};
}

bool Rule::found_already(const Finds& out, std::size_t first_of_this_rule, std::string_view id) {
  for (std::size_t i = first_of_this_rule; i < out.found.size(); ++i)
    if (out.id(out.found[i]) == id) return true;
  return false;
}

bool Rule::find_all(std::string_view text, const LiteralSet& present, std::size_t limit, const MonthLimit& months,
                    Finds& out) const {
  // Which matcher (see rule.hpp). Once the count is reached it is only read;
  // threads may together pass it by a few texts, which changes no answer.
  // After the few texts, a rule with leads is tried anchored at them with
  // the DFA matcher's object, which needs only its forward program for
  // that (no DFA program is compiled unless the tries fail); the object is
  // compiled only when a place fits (search_at_leads).
  const RE2* re = nullptr;
  bool anchored = false;
  bool at_leads = false;
  if (text.size() <= kFewTextsMaxBytes && few_texts_searched_.load(std::memory_order_relaxed) < kFewTexts) {
    few_texts_searched_.fetch_add(1, std::memory_order_relaxed);
    // A pattern that cannot be wrapped (an unclosed \Q quotes the closing
    // parenthesis) is searched by the DFA matcher alone.
    if (const RE2& few = few_texts_matcher_.get(pattern_, "\\C*?(?:", ")"); few.ok()) {
      re = &few;
      anchored = true;
    }
  }
  if (!re) at_leads = !leads().empty() && literal_indices.size() == literals_.size();
  if (!re && !at_leads) re = &dfa_matcher_.get(pattern_);
  if (re && !usable(*re)) return false;
  bool unusable = false;

  const int groups = output_.max_group + 1;
  std::array<re2::StringPiece, kMaxGroups + 1> match;
  const std::size_t first_of_this_rule = out.found.size();
  std::size_t found_here = 0;
  std::size_t pos = 0;

  while (pos <= text.size() && found_here < limit && can_match_from(present, pos) &&
         (at_leads ? search_at_leads(re, unusable, text, present, pos, match.data(), groups)
                   : search(*re, anchored, text, pos, match.data(), groups))) {
    const std::size_t offset = out.ids.size();
    // Resume where the last capture group ended, so a boundary character
    // after an id (which the pattern consumed) can begin the next match.
    std::size_t resume = 0;
    const Found found = output_id(text, match.data(), out, resume);
    // Both matchers end match[0] where the match ends (the few-texts
    // matcher's starts at `pos`).
    std::size_t match_end = static_cast<std::size_t>(match[0].data() - text.data()) + match[0].size();
    if (resume <= pos) resume = match_end;
    pos = resume > pos ? resume : pos + 1;

    // (The first find of this rule, most texts' only one, is no duplicate.)
    if (found.position == std::string_view::npos ||
        (found_here > 0 && found_already(out, first_of_this_rule, out.id(found))) ||
        !month_exists(match.data(), months)) {
      out.ids.resize(offset);  // (nothing to drop for a view of the text)
      continue;
    }
    out.found.push_back(found);
    ++found_here;
  }
  return !unusable;
}

}  // namespace coolpapers::detail
