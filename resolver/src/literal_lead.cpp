#include "literal_lead.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <bitset>
#include <optional>

#include "ascii.hpp"

namespace coolpapers::detail {
namespace {

// The bytes one position of a match may hold.
using ByteClass = std::bitset<256>;

// One way through a pattern's first bytes, followed byte class by byte
// class until one of the literals is found on it (`lead`): for each
// literal, `alive` has bit o set while every byte the way allows from
// offset o on is one the literal allows at its place (a literal that may
// start at o). `open`: the way goes on in a way not followed (a repetition
// of no fixed count, the text's end), so nothing more is known.
// (Small and flat: ways are copied at every alternative, and the reader
// runs at the native host's start.)
constexpr std::size_t kMaxLeadLiterals = 8;  // a rule with more has no leads
constexpr std::size_t kMaxShapeBytes = 4;
// `begin`: the way begins with ^ or \A; `before`: the classes of its first
// bytes, for the shape of what precedes its literal (LeadShape; its first
// kMaxShapeBytes bytes are enough to turn most places away, and keep ways
// small).
struct Path {
  std::array<std::uint32_t, kMaxLeadLiterals> alive{};
  std::size_t size = 0;
  bool open = false;
  bool begin = false;
  std::optional<LiteralLead> lead;
  std::array<ByteClass, kMaxShapeBytes> before{};
};
static_assert(kMaxLeadOffset < 32, "offsets are bits of Path::alive");

// Ways in the same state go on alike: one of them is enough, with what
// either allows before its literal.
bool same_state(const Path& a, const Path& b) {
  auto lead = [](const Path& p) {
    return p.lead ? std::array<std::size_t, 3>{p.lead->literal, p.lead->min_offset, p.lead->max_offset}
                  : std::array<std::size_t, 3>{};
  };
  return a.alive == b.alive && a.size == b.size && a.open == b.open && a.lead.has_value() == b.lead.has_value() &&
         lead(a) == lead(b);
}

// More ways than this (alternatives inside alternatives) gives no leads.
constexpr std::size_t kMaxPaths = 256;
// A repetition whose count may vary by at most this much is followed count
// by count ("\\.?" is two ways); one that varies more ends the ways.
constexpr std::size_t kMaxCountsFollowed = 3;

ByteClass range(unsigned char lo, unsigned char hi) {
  ByteClass c;
  for (unsigned b = lo; b <= hi; ++b) c.set(b);
  return c;
}

// Letters of `c` in both cases.
ByteClass fold_case(ByteClass c) {
  for (unsigned b = 'a'; b <= 'z'; ++b)
    if (c[b] || c[b - 32]) c.set(b).set(b - 32);
  return c;
}

// The class of a Perl escape inside or outside a class (\d \w \s and their
// negations), or nullopt.
std::optional<ByteClass> perl_class(char e) {
  ByteClass c;
  switch (ascii_lower(static_cast<unsigned char>(e))) {
    case 'd': c = range('0', '9'); break;
    case 'w': c = range('0', '9') | range('a', 'z') | range('A', 'Z'); c.set('_'); break;
    case 's': c.set('\t').set('\n').set('\f').set('\r').set(' '); break;
    default: return std::nullopt;
  }
  return e >= 'A' && e <= 'Z' ? ~c : c;
}

// The byte an escape "\e" stands for, when it stands for one.
std::optional<unsigned char> escaped_byte(char e) {
  switch (e) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'f': return '\f';
    case 'v': return '\v';
    default: break;
  }
  auto c = static_cast<unsigned char>(e);
  // Punctuation escapes itself; letters and digits are classes, assertions
  // or constructs this reader does not follow (\p, \Q, \x, \1).
  if (c < 0x80 && !(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z')) return c;
  return std::nullopt;
}

// The class a literal character stands for in the scan: '#' any digit, a
// letter either case, anything else itself.
ByteClass literal_class(char c) {
  if (c == '#') return range('0', '9');
  return fold_case(ByteClass().set(static_cast<unsigned char>(ascii_lower(static_cast<unsigned char>(c)))));
}

// A literal as the classes of its characters.
using LiteralClasses = std::vector<ByteClass>;

// Reads a pattern and extends ways through it. Every function returns false
// on a construct it does not follow; the caller then gives no leads.
class PatternReader {
 public:
  PatternReader(const std::vector<LiteralClasses>& literals, std::size_t depth) : literals_(literals), depth_(depth) {}

  // Extends each way in `paths` by every alternative of `text` (a pattern
  // or a group's inside).
  bool alternation(std::string_view text, bool fold, std::vector<Path>& paths) const {
    // Ways already known far enough, or open, are not extended.
    std::vector<Path> done, todo;
    done.reserve(paths.size() + 8);
    todo.reserve(paths.size());
    for (Path& path : paths) (settled(path) ? done : todo).push_back(std::move(path));
    paths = std::move(done);
    std::size_t start = 0;
    for (;;) {
      std::size_t end = start;
      if (!alternative_end(text, end)) return false;
      std::vector<Path> these = todo;
      if (!sequence(text.substr(start, end - start), fold, these)) return false;
      for (Path& path : these) add_way(std::move(path), paths);
      if (paths.size() > kMaxPaths) return false;
      if (end == text.size()) return true;
      start = end + 1;  // past the '|'
    }
  }

 private:
  // Adds `path` to `paths`, or merges it into one in the same state.
  static void add_way(Path path, std::vector<Path>& paths) {
    auto same = std::find_if(paths.begin(), paths.end(), [&](const Path& p) { return same_state(p, path); });
    if (same == paths.end()) {
      paths.push_back(std::move(path));
      return;
    }
    same->begin = same->begin && path.begin;
    for (std::size_t k = 0; k < std::min(path.size, kMaxShapeBytes); ++k) same->before[k] |= path.before[k];
  }

  bool settled(const Path& path) const { return path.open || path.lead || path.size >= depth_; }

  // Follows every way not settled by one byte of class `c`, and notes on
  // each the first literal that now ends on it, at the smallest offset.
  void append(const ByteClass& c, std::vector<Path>& paths) const {
    for (Path& path : paths) {
      if (settled(path)) continue;
      const std::size_t at = path.size++;
      if (at < kMaxShapeBytes) path.before[at] = c;
      for (std::size_t i = 0; i < literals_.size(); ++i) {
        const LiteralClasses& literal = literals_[i];
        std::uint32_t alive = path.alive[i];
        if (at <= kMaxLeadOffset) alive |= std::uint32_t{1} << at;  // the literal may start here
        for (std::uint32_t rest = alive; rest != 0; rest &= rest - 1) {
          const auto offset = static_cast<std::size_t>(__builtin_ctz(rest));
          if ((c & ~literal[at - offset]).any()) alive &= ~(std::uint32_t{1} << offset);
        }
        // Offsets whose literal is now whole: found (the smallest first).
        for (std::uint32_t rest = alive; rest != 0; rest &= rest - 1) {
          const auto offset = static_cast<std::size_t>(__builtin_ctz(rest));
          if (at + 1 - offset == literal.size() && (!path.lead || offset < path.lead->min_offset))
            path.lead = LiteralLead{i, offset, offset};
        }
        path.alive[i] = alive;
      }
    }
  }

  // Moves `i` to the end of the alternative starting there: the next '|'
  // outside groups and classes, or the text's end.
  static bool alternative_end(std::string_view text, std::size_t& i) {
    while (i < text.size() && text[i] != '|') {
      std::size_t end = i;
      if (!atom_end(text, end)) return false;
      i = end;
      quantifier(text, i);  // skipped; read again by sequence()
    }
    return true;
  }

  // Moves `i` past the atom starting there.
  static bool atom_end(std::string_view text, std::size_t& i) {
    char c = text[i];
    if (c == '\\') {
      if (i + 1 >= text.size()) return false;
      i += 2;
      return true;
    }
    if (c == '[') return class_end(text, i);
    if (c == '(') {
      int depth = 0;
      while (i < text.size()) {
        if (text[i] == '\\') {
          i += 2;
          continue;
        }
        if (text[i] == '[') {
          if (!class_end(text, i)) return false;
          continue;
        }
        if (text[i] == '(') ++depth;
        if (text[i] == ')' && --depth == 0) {
          ++i;
          return true;
        }
        ++i;
      }
      return false;
    }
    if (c == ')' || c == '*' || c == '+' || c == '?' || c == '{') return false;
    ++i;
    return true;
  }

  // Moves `i` (at '[') past the class's closing ']'.
  static bool class_end(std::string_view text, std::size_t& i) {
    ++i;
    if (i < text.size() && text[i] == '^') ++i;
    if (i < text.size() && text[i] == ']') ++i;
    while (i < text.size() && text[i] != ']') i += text[i] == '\\' ? 2 : 1;
    if (i >= text.size()) return false;
    ++i;
    return true;
  }

  // Reads a repetition at `i`, if any, into [min, max] (max nullopt: no
  // bound); no repetition is {1,1}. Moves `i` past it.
  static bool quantifier(std::string_view text, std::size_t& i, std::size_t* min = nullptr,
                         std::optional<std::size_t>* max = nullptr) {
    std::size_t lo = 1;
    std::optional<std::size_t> hi = 1;
    if (i < text.size() && (text[i] == '?' || text[i] == '*' || text[i] == '+')) {
      lo = text[i] == '+' ? 1 : 0;
      hi = text[i] == '?' ? std::optional<std::size_t>(1) : std::nullopt;
      ++i;
    } else if (i < text.size() && text[i] == '{') {
      std::size_t close = text.find('}', i);
      if (close == std::string_view::npos) return false;
      std::string_view body = text.substr(i + 1, close - i - 1);
      std::size_t comma = body.find(',');
      auto number = [](std::string_view digits) -> std::optional<std::size_t> {
        if (digits.empty() || digits.size() > 4) return std::nullopt;
        std::size_t n = 0;
        for (char d : digits) {
          if (d < '0' || d > '9') return std::nullopt;
          n = n * 10 + static_cast<std::size_t>(d - '0');
        }
        return n;
      };
      auto first = number(body.substr(0, comma));
      if (!first) return false;
      lo = *first;
      if (comma == std::string_view::npos) {
        hi = lo;
      } else if (comma + 1 == body.size()) {
        hi = std::nullopt;
      } else {
        hi = number(body.substr(comma + 1));
        if (!hi) return false;
      }
      i = close + 1;
    }
    if (i < text.size() && text[i] == '?') ++i;  // lazy: the same ways
    if (min) *min = lo;
    if (max) *max = hi;
    return true;
  }

  // Extends the ways by one alternative: atoms and their repetitions.
  bool sequence(std::string_view text, bool fold, std::vector<Path>& paths) const {
    std::size_t i = 0;
    while (i < text.size()) {
      std::size_t start = i;
      if (!atom_end(text, i)) return false;
      std::string_view atom_text = text.substr(start, i - start);
      std::size_t min = 1;
      std::optional<std::size_t> max;
      if (!quantifier(text, i, &min, &max)) return false;
      for (std::size_t n = 0; n < min; ++n) {
        if (std::all_of(paths.begin(), paths.end(), [&](const Path& p) { return settled(p); })) return true;
        if (!atom(atom_text, fold, paths)) return false;
      }
      if (max && *max - min <= kMaxCountsFollowed) {
        // Each further count is a way of its own ("x?": none or one x).
        std::vector<Path> more = paths;
        for (std::size_t n = min; n < *max; ++n) {
          if (!atom(atom_text, fold, more)) return false;
          for (const Path& path : more) add_way(path, paths);
          if (paths.size() > kMaxPaths) return false;
        }
      } else if (max != min) {
        for (Path& path : paths) path.open = true;
      }
    }
    return true;
  }

  // Extends the ways by one atom.
  bool atom(std::string_view text, bool fold, std::vector<Path>& paths) const {
    auto append = [&](ByteClass c) {
      this->append(fold ? fold_case(c) : c, paths);
      return true;
    };
    char c = text[0];
    if (c == '(') return group(text.substr(1, text.size() - 2), fold, paths);
    if (c == '[') return char_class(text, fold, paths);
    if (c == '^') return begin(paths);  // the text's start: no byte
    if (c == '$') {
      for (Path& path : paths) path.open = true;
      return true;
    }
    if (c == '.') return append(~ByteClass().set('\n'));
    if (c != '\\') return append(ByteClass().set(static_cast<unsigned char>(c)));
    char e = text[1];
    if (e == 'A') return begin(paths);
    if (e == 'b' || e == 'B') return true;  // assertions: no byte
    if (e == 'z') {
      for (Path& path : paths) path.open = true;
      return true;
    }
    if (e == 'C') return append(~ByteClass());
    if (auto perl = perl_class(e)) return append(*perl);
    if (auto byte = escaped_byte(e)) return append(ByteClass().set(*byte));
    return false;
  }

  // The text's start: no byte, and a way that has none yet begins there.
  bool begin(std::vector<Path>& paths) const {
    for (Path& path : paths)
      if (!settled(path) && path.size == 0) path.begin = true;
    return true;
  }

  // A group's inside, after its opening parenthesis.
  bool group(std::string_view inside, bool fold, std::vector<Path>& paths) const {
    if (inside.starts_with("?:")) return alternation(inside.substr(2), fold, paths);
    if (inside.starts_with("?i:")) return alternation(inside.substr(3), true, paths);
    if (inside.starts_with("?P<")) {
      std::size_t close = inside.find('>');
      if (close == std::string_view::npos) return false;
      return alternation(inside.substr(close + 1), fold, paths);
    }
    if (inside.starts_with("?")) return false;  // flags this reader does not follow
    return alternation(inside, fold, paths);
  }

  // "[...]": ranges, escapes and Perl classes; "[^...]" the rest.
  bool char_class(std::string_view text, bool fold, std::vector<Path>& paths) const {
    std::string_view body = text.substr(1, text.size() - 2);
    bool negated = body.starts_with('^');
    if (negated) body.remove_prefix(1);
    if (body.find("[:") != std::string_view::npos) return false;  // POSIX classes
    ByteClass c;
    std::size_t i = 0;
    auto read_one = [&](unsigned char& byte) {
      if (body[i] != '\\') {
        byte = static_cast<unsigned char>(body[i++]);
        return true;
      }
      if (i + 1 >= body.size()) return false;
      auto escaped = escaped_byte(body[i + 1]);
      if (!escaped) return false;
      byte = *escaped;
      i += 2;
      return true;
    };
    while (i < body.size()) {
      if (body[i] == '\\' && i + 1 < body.size()) {
        if (auto perl = perl_class(body[i + 1])) {
          c |= *perl;
          i += 2;
          continue;
        }
      }
      unsigned char lo = 0;
      if (!read_one(lo)) return false;
      unsigned char hi = lo;
      if (i + 1 < body.size() && body[i] == '-') {
        ++i;
        if (!read_one(hi) || hi < lo) return false;
      }
      c |= range(lo, hi);
    }
    if (fold) c = fold_case(c);
    if (negated) c = ~c;  // RE2 folds before negating
    append(c, paths);
    return true;
  }

  const std::vector<LiteralClasses>& literals_;
  std::size_t depth_;
};

}  // namespace

Leads literal_leads(std::string_view pattern, const std::vector<std::string>& literals) {
  if (literals.size() > kMaxLeadLiterals) return {};
  std::vector<LiteralClasses> classes;
  std::size_t longest = 0;
  for (const std::string& literal : literals) {
    classes.emplace_back();
    for (char c : literal) classes.back().push_back(literal_class(c));
    longest = std::max(longest, literal.size());
  }
  if (longest == 0) return {};
  std::vector<Path> paths(1);
  if (!PatternReader(classes, kMaxLeadOffset + longest).alternation(pattern, false, paths)) return {};

  Leads leads;
  for (const Path& path : paths) {
    if (!path.lead) return {};  // a match may begin with bytes holding no literal
    const LiteralLead& found = *path.lead;
    auto known = std::find_if(leads.literals.begin(), leads.literals.end(),
                              [&](const LiteralLead& l) { return l.literal == found.literal; });
    if (known == leads.literals.end()) {
      leads.literals.push_back(found);
    } else {
      known->min_offset = std::min(known->min_offset, found.min_offset);
      known->max_offset = std::max(known->max_offset, found.max_offset);
    }
    const std::size_t offset = found.min_offset;
    const std::size_t known_bytes = std::min(offset, kMaxShapeBytes);
    auto shape = std::find_if(leads.shapes.begin(), leads.shapes.end(),
                              [&](const LeadShape& s) { return s.offset == offset; });
    if (shape == leads.shapes.end()) {
      leads.shapes.push_back(
          {offset, path.begin, std::vector<ByteClass>(path.before.begin(), path.before.begin() + known_bytes)});
    } else {
      shape->at_text_start = shape->at_text_start && path.begin;
      for (std::size_t k = 0; k < known_bytes; ++k) shape->before[k] |= path.before[k];
    }
  }
  return leads;
}

}  // namespace coolpapers::detail
