// `coolpapers resolve`: ids, URLs and citation text to Cool Papers URLs.
#include <unistd.h>

#include <cstdio>

#include "cli.hpp"
#include "cli_page_meta.hpp"
#include "console.hpp"
#include "coolpapers/errors.hpp"
#include "coolpapers/resolution_json.hpp"
#include "line_reader.hpp"

namespace coolpapers::app {
namespace {

constexpr std::string_view kHelp = R"HELP(Usage: coolpapers resolve [options] [TEXT...]

Prints the Cool Papers URL of each TEXT, one per line. With no TEXT, reads
standard input and writes exactly one line per input line: the URL, or an
empty line when the line holds no paper (so output stays aligned with input).

Options:
  --field F     how to read each TEXT: auto (default: a TEXT starting with
                http:// or https:// is a page URL, anything else selected
                text), selection, link, page or frame
  --json        one JSON object per line instead of the URL:
                {"ok":true,"url":...,"family":...,"ids":[...],"field":...}
                {"ok":false,"error":{"code":"no_match","message":...}}
                ("truncated":true is added when a text held more than 50 ids)
  --meta FILE   the page's meta tags as a JSON object, e.g.
                {"citation_title":"...","citation_arxiv_id":"2106.09685"}:
                ids in citation_arxiv_id, citation_doi or citation_pdf_url,
                else a search for citation_title or DC.title
  --html FILE   the same tags read from the page's HTML ("-": standard
                input, e.g. curl -s URL | coolpapers resolve --html - URL)
  --base URL    target site (default https://papers.cool)
  --rules FILE  extra rule file (repeatable); ~/.config/coolpapers/rules.json
                is read too when it exists

Examples:
  coolpapers resolve https://arxiv.org/abs/2312.00001v2
  coolpapers resolve 'see arXiv:2401.12345 and 2402.00012v3'
  coolpapers resolve --json < urls.txt > answers.jsonl
  curl -s https://jmlr.org/papers/v24/22-1234.html |
    coolpapers resolve --html - https://jmlr.org/papers/v24/22-1234.html

Exit codes: 0 every TEXT resolved, 1 one did not, 2 usage or configuration
error. Reading standard input: 0 unless a usage, configuration or I/O error.
)HELP";

// Longest line read from standard input; the resolver is linear, this only
// bounds memory for a runaway input.
constexpr std::size_t kMaxLineBytes = 1024 * 1024;

struct ResolveOptions {
  CommonOptions common;
  FieldChoice field;
  bool json = false;
  std::string meta_file;  // --meta
  std::string html_file;  // --html
  std::vector<std::string> texts;
};

// Returns nullopt after printing help (exit 0) or a usage error (exit 2);
// `exit` tells which.
std::optional<ResolveOptions> parse(const std::vector<std::string>& args, int& exit) {
  ResolveOptions options;
  bool options_done = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_done || arg.empty() || arg[0] != '-' || arg == "-") {
      options.texts.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
    } else if (arg == "--help" || arg == "-h") {
      stdout_stream() << kHelp;
      exit = 0;
      return std::nullopt;
    } else if (arg == "--json") {
      options.json = true;
    } else if (int taken = parse_field_option(args, i, options.field); taken != 0) {
      if (taken < 0) {
        exit = exit_code(ErrorCode::usage);
        return std::nullopt;
      }
    } else if (arg == "--meta" || arg == "--html") {
      if (i + 1 >= args.size() || args[i + 1].empty()) {
        exit = usage_error(arg + " needs a file name" + (arg == "--html" ? " (or - for standard input)" : ""));
        return std::nullopt;
      }
      (arg == "--meta" ? options.meta_file : options.html_file) = args[++i];
    } else if (int used = parse_common_option(args, i, options.common); used != 0) {
      if (used < 0) {
        exit = exit_code(ErrorCode::usage);
        return std::nullopt;
      }
    } else {
      exit = usage_error("resolve: unknown option \"" + arg + "\"");
      return std::nullopt;
    }
  }
  if (options.texts.empty() && (options.html_file == "-" || options.meta_file == "-")) {
    exit = usage_error("with --html - or --meta -, standard input is the page: give the page's URL as TEXT");
    return std::nullopt;
  }
  return options;
}

// Answers are gathered and written to stdout in blocks: an fwrite per line
// cost about 150 instructions (callgrind), as much as reading the line.
constexpr std::size_t kOutputBlockBytes = 64 * 1024;

class Printer {
 public:
  Printer(const Resolver& resolver, const ResolveOptions& options, const PageMeta& meta)
      : resolver_(resolver), options_(options) {
    request_.page_meta = meta;
  }

  // Resolves one text and adds its line. Returns true iff it resolved.
  bool resolve(std::string_view text) {
    // One Request for every text: only the field the last text was in is
    // cleared, instead of building a Request (page meta included) per line.
    request_.set(field_, {});
    field_ = options_.field.for_text(text);
    request_.set(field_, text);
    resolver_.resolve_into(request_, result_);
    if (options_.json)
      pending_ += to_json(result_);
    else if (result_.ok())
      pending_ += result_.url;  // into pending_'s buffer: no allocation per line
    end_line();
    return result_.ok();
  }

  void write_error(ErrorCode code, std::string_view message) {
    if (options_.json) pending_ += to_json(ErrorReply{code, std::string(message)});
    end_line();
  }

  // Writes the lines added so far to stdout (not flushing stdio): before
  // a message on stderr, before waiting for input, and at the end.
  void write_pending() {
    if (pending_.empty()) return;
    std::fwrite(pending_.data(), 1, pending_.size(), stdout);
    pending_.clear();
    note_write_error();
  }

  // write_pending(), then flushes stdio: before waiting for input.
  void flush() {
    write_pending();
    std::fflush(stdout);
    note_write_error();
  }

  const Resolution& last() const { return result_; }
  // True iff writing to stdout failed. Asked after every line: it is noted
  // where stdout is written (only here), not asked of stdio each time.
  bool failed() const { return failed_; }

 private:
  void note_write_error() { failed_ = failed_ || std::ferror(stdout) != 0; }

  void end_line() {
    pending_.push_back('\n');
    if (pending_.size() >= kOutputBlockBytes) write_pending();
  }

  const Resolver& resolver_;
  const ResolveOptions& options_;
  Request request_;  // the page meta, and the last text in field_
  Field field_ = Field::selection_text;
  Resolution result_;
  std::string pending_;  // lines not yet written
  bool failed_ = false;
};

int resolve_arguments(Printer& printer, const ResolveOptions& options) {
  bool all = true;
  for (const auto& text : options.texts) {
    bool resolved = printer.resolve(text);
    printer.write_pending();  // each answer before its message, in order
    if (!resolved) {
      all = false;
      stderr_stream() << "coolpapers: \"" << text << "\": " << printer.last().message << "\n";
    } else if (printer.last().truncated) {
      stderr_stream() << "coolpapers: note: the text holds more than " << printer.last().ids.size() << " ids; only the first "
                << printer.last().ids.size() << " are in the answer (split the text to get the rest)\n";
    }
  }
  // A failed write is reported by run(), like every command's.
  return all ? 0 : exit_code(ErrorCode::no_match);
}

int resolve_stdin(Printer& printer) {
  LineReader reader(STDIN_FILENO, kMaxLineBytes);
  std::string_view line;
  std::size_t number = 0;
  for (;;) {
    auto status = reader.next(line);
    if (status == LineReader::Status::end) break;
    if (status == LineReader::Status::error) {
      stderr_stream() << "coolpapers: cannot read standard input\n";
      return exit_code(ErrorCode::io);
    }
    ++number;
    if (status == LineReader::Status::too_long) {
      printer.write_pending();
      stderr_stream() << "coolpapers: line " << number << " is longer than 1 MiB; skipped\n";
      printer.write_error(ErrorCode::too_large, "Input line is longer than 1 MiB");
    } else if (printer.resolve(line) && printer.last().truncated) {
      printer.write_pending();
      stderr_stream() << "coolpapers: note: line " << number << " holds more than " << printer.last().ids.size()
                << " ids; only the first " << printer.last().ids.size() << " are in the answer\n";
    }
    // Flush whenever we would wait for input, so a caller that writes one
    // line and reads one answer (a coprocess) is never stuck.
    if (reader.drained()) printer.flush();
    if (printer.failed()) break;  // run() reports it
  }
  printer.write_pending();
  return 0;
}

}  // namespace

int cmd_resolve(const std::vector<std::string>& args) {
  int exit = 0;
  auto options = parse(args, exit);
  if (!options) return exit;
  auto resolver = load_resolver(options->common);
  if (!resolver) return exit_code(ErrorCode::bad_config);
  auto meta = read_page_meta(options->meta_file, options->html_file);
  if (!meta) return exit_code(ErrorCode::usage);
  Printer printer(*resolver, *options, meta->view());
  return options->texts.empty() ? resolve_stdin(printer) : resolve_arguments(printer, *options);
}

}  // namespace coolpapers::app
