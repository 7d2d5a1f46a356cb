#include "tools/cli/args.h"

#include <algorithm>
#include <iostream>
#include <sstream>

#include "pipeline/normalize/bounded_number.h"
#include "pipeline/normalize/edit_distance.h"

namespace oplex::cli {
namespace {

// Lays out help: the usage line, what the command does, its options, its commands (for
// `oplex --help`) and what comes after.
class Help : public CLI::Formatter {
 public:
  Help(std::string usage, std::string about, std::string more)
      : usage_(std::move(usage)), about_(std::move(about)), more_(std::move(more)) {
    column_width(26);  // as make_option_desc counts
    label("Positionals", "arguments");
  }

  // "-j, --jobs".
  std::string make_option_name(const CLI::Option* option, bool positional) const override {
    std::string names = CLI::Formatter::make_option_name(option, positional);
    for (size_t comma = names.find(','); comma != std::string::npos;
         comma = names.find(',', comma + 2)) {
      names.insert(comma + 1, " ");
    }
    return names;
  }

  // The description wrapped to fit in 100 columns beside the names.
  std::string make_option_desc(const CLI::Option* option) const override {
    constexpr size_t kWidth = 100 - 26;
    std::string out, line;
    std::istringstream words(option->get_description());
    for (std::string word; words >> word;) {
      if (!line.empty() && line.size() + 1 + word.size() > kWidth) {
        out += line + "\n";
        line.clear();
      }
      line += (line.empty() ? "" : " ") + word;
    }
    return out + line;
  }

  std::string make_help(const CLI::App* app, std::string, CLI::AppFormatMode mode) const override {
    std::string path = app->get_name();
    for (const CLI::App* up = app->get_parent(); up != nullptr; up = up->get_parent()) {
      path = up->get_name() + " " + path;
    }
    std::string out = "usage: " + path + (usage_.empty() ? "" : " " + usage_) + "\n\n" + about_;
    out += make_groups(app, mode) + make_subcommands(app, mode);
    if (app->get_parent() != nullptr) {
      out += "\nglobal options: --db FILE, --data-dir DIR, --json, -v, -q (see `oplex --help`)\n";
    }
    if (!more_.empty()) out += "\n" + more_;
    return out;
  }

 private:
  std::string usage_, about_, more_;
};

// The command the user named, or `app` itself when none was.
const CLI::App& Current(const CLI::App& app) {
  const std::vector<const CLI::App*> named =
      app.get_subcommands([](const CLI::App* sub) { return sub->parsed(); });
  return named.empty() ? app : *named.front();
}

// "a, b or c".
std::string Alternatives(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i];
  }
  return out;
}

// " (did you mean X?)" for the known words nearest `word`: a third of its letters wrong at most,
// or a beginning of one of them; "" when none is near.
std::string Suggestion(const std::string& word, const std::vector<std::string>& known) {
  const std::string bare = word.substr(0, word.find('='));
  const size_t letters = bare.size() - std::min(bare.find_first_not_of('-'), bare.size());
  const size_t most = std::max<size_t>(1, letters / 3);
  size_t best = most + 1;
  std::vector<std::string> nearest;
  for (const std::string& candidate : known) {
    size_t d = EditDistance(bare, candidate);
    if (letters >= 3 && candidate.rfind(bare, 0) == 0) d = 1;  // a beginning of it
    if (d < best) nearest.clear();
    if (d <= std::min(best, most)) {
      best = d;
      if (std::find(nearest.begin(), nearest.end(), candidate) == nearest.end()) {
        nearest.push_back(candidate);
      }
    }
  }
  if (nearest.empty()) return "";
  return " (did you mean " + Alternatives(nearest) + "?)";
}

// The option names `command` takes, its own and the global ones ("--jobs", "-j").
std::vector<std::string> OptionNames(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::App* app = &command; app != nullptr; app = app->get_parent()) {
    for (const CLI::Option* option : app->get_options()) {
      if (option->get_group().empty()) continue;  // hidden
      for (const std::string& n : option->get_lnames()) names.push_back("--" + n);
      for (const std::string& n : option->get_snames()) names.push_back("-" + n);
    }
  }
  return names;
}

// The message of a parse error, in the words of the others: CLI11's own for the rare ones.
std::string Message(const CLI::ParseError& e) {
  const std::string what = e.what();
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
    return what.substr(0, what.find(':')) + " needs a value";
  }
  return what;
}

// The option takes one of `choices`.
CLI::Option* CheckChoice(CLI::Option* option, const std::vector<std::string>& choices) {
  return Checked(option, [choices](const std::string& name, const std::string& v) {
    if (std::find(choices.begin(), choices.end(), v) != choices.end()) return std::string();
    return name + " is " + Alternatives(choices) + ", not '" + v + "'";
  });
}

}  // namespace

UsageError::UsageError(const std::string& message)
    : CLI::ParseError("UsageError", message, kExitUsage) {}

CLI::Option* Checked(
    CLI::Option* option,
    std::function<std::string(const std::string& name, const std::string&)> problem) {
  const std::string name = option->get_name();
  return option->check(CLI::Validator(
      [name, problem](std::string& value) {
        if (std::string message = problem(name, value); !message.empty()) {
          throw UsageError(message);
        }
        return std::string();
      },
      ""));
}

std::shared_ptr<CLI::Formatter> MakeFormatter(std::string usage, std::string about,
                                              std::string more) {
  return std::make_shared<Help>(std::move(usage), std::move(about), std::move(more));
}

CLI::App* AddCommand(CLI::App& app, const CommandHelp& help) {
  CLI::App* command = app.add_subcommand(help.name, help.summary);
  command->formatter(MakeFormatter(help.usage, help.about, help.more));
  command->group("commands");
  command->set_help_flag("-h,--help", "this help");  // in the group of the other options
  return command;
}

CLI::Option* AddBounded(CLI::App* command, const std::string& names, int* value, int least,
                        int most, const std::string& help) {
  CLI::Option* option = command->add_option(names, *value, help)->type_name("N");
  return Checked(option, [least, most](const std::string& name, const std::string& v) {
    const std::optional<int64_t> n = ParseInteger(v);
    if (n && *n >= least && *n <= most) return std::string();
    return name + " is a number from " + std::to_string(least) + " to " + std::to_string(most) +
           ", not '" + v + "'";
  });
}

CLI::Option* AddChoice(CLI::App* command, const std::string& names, std::string* value,
                       const std::vector<std::string>& choices, const std::string& help) {
  return CheckChoice(command->add_option(names, *value, help)->type_name("WORD"), choices);
}

// "1,3-5" → {1, 3, 4, 5}.
std::optional<std::set<int>> ParsePages(const std::string& list) {
  std::set<int> pages;
  std::stringstream in(list);
  for (std::string part; std::getline(in, part, ',');) {
    int from = 0, to = 0;
    char dash = 0;
    std::stringstream p(part);
    if (!(p >> from) || from < 1) return std::nullopt;
    to = from;
    if (p >> dash && (dash != '-' || !(p >> to) || to < from)) return std::nullopt;
    if (!p.eof() && p.peek() != EOF) return std::nullopt;
    for (int i = from; i <= to; ++i) pages.insert(i);
  }
  if (pages.empty()) return std::nullopt;
  return pages;
}

void AddFilesToRead(CLI::App* command, FilesToRead* read, const std::string& files_name,
                    const std::string& output_help, const std::string& output_type) {
  command->add_option(files_name, read->files, "PDFs or images")->type_name("");
  command->add_option("-o,--output", read->output, output_help)->type_name(output_type);
  std::set<int>* pages = &read->pages;
  Checked(command
              ->add_option_function<std::string>(
                  "--pages", [pages](const std::string& list) { *pages = *ParsePages(list); },
                  "pages to read, e.g. 1,3-5 (default: all)")
              ->type_name("LIST"),
          [](const std::string& name, const std::string& list) {
            if (ParsePages(list)) return std::string();
            return name + " takes a list like 1,3-5, not '" + list + "'";
          });
  command->add_option("--password", read->password, "opens PDFs encrypted with a password")
      ->type_name("WORD");
  command->add_flag("--force", read->force, "overwrite output files already there");
}

CLI::Option* AddYear(CLI::App* command, std::optional<int>* year, const std::string& help) {
  CLI::Option* option = command->add_option("--year", *year, help)->type_name("YEAR");
  return Checked(option, [](const std::string& name, const std::string& v) {
    const std::optional<int64_t> n = ParseInteger(v);
    if (v.size() == 4 && n && *n >= 1900 && *n <= 2200) return std::string();
    return name + " needs a year like 2024, not '" + v + "'";
  });
}

CLI::Option* AddInstitutes(CLI::App* command, std::vector<std::string>* codes,
                           const std::string& help) {
  CLI::Option* option = command
                            ->add_option_function<std::vector<std::string>>(
                                "--institute",
                                [codes](const std::vector<std::string>& lists) {
                                  for (const std::string& list : lists) {
                                    std::stringstream in(list);
                                    for (std::string code; std::getline(in, code, ',');)
                                      codes->push_back(code);
                                  }
                                },
                                help)
                            ->type_name("A,B")
                            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  return Checked(option, [](const std::string& name, const std::string& v) {
    if (!v.empty() && v.back() != ',' && v.front() != ',' && v.find(",,") == std::string::npos) {
      return std::string();
    }
    return name + " needs institute codes separated by commas, like IEEM,IEE-AGS, not '" + v + "'";
  });
}

void AddOcrOptions(CLI::App* command, OcrOptions* ocr) {
  CheckChoice(command
                  ->add_option_function<std::string>(
                      "--ocr",
                      [ocr](const std::string& mode) {
                        ocr->mode = mode == "always"  ? OcrMode::kAlways
                                    : mode == "never" ? OcrMode::kNever
                                                      : OcrMode::kAuto;
                      },
                      "auto (default): pages without a text layer, or one too thin for the page "
                      "or that spells no text, and image files; always; never")
                  ->type_name("MODE"),
              {"auto", "always", "never"});
  AddOcrReading(command, ocr);
}

void AddOcrReading(CLI::App* command, OcrOptions* ocr) {
  AddBounded(command, "--ocr-dpi", &ocr->dpi, kMinOcrDpi, kMaxOcrDpi,
             "resolution PDF pages are rendered at for OCR, and image files scanned below 200 "
             "DPI read at (default 300)");
  Checked(command
              ->add_option("--lang", ocr->language,
                           "Tesseract language(s) of the documents (default spa; e.g. "
                           "spa+eng)")
              ->type_name("L"),
          [](const std::string& name, const std::string& v) {
            if (!v.empty() && v.find_first_of("/. ") == std::string::npos) return std::string();
            return name + " takes Tesseract language codes like spa or spa+eng, not '" + v + "'";
          });
}

std::optional<int> ParseCommandLine(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return kExitOk;
  } catch (const CLI::CallForVersion& e) {
    std::cout << e.what() << "\n";
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    return UsageFailure(Current(app), Message(e));
  }
  const CLI::App& command = Current(app);
  std::vector<std::string> extras = app.remaining(true);
  extras.erase(std::remove(extras.begin(), extras.end(), "--"), extras.end());
  if (&command == &app) {
    if (extras.empty()) {
      std::cerr << "oplex: no command given\n" << app.help();
      return kExitUsage;
    }
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
    return UsageFailure(
        app, "unknown command '" + extras.front() + "'" + Suggestion(extras.front(), names));
  }
  if (extras.empty()) return std::nullopt;
  const std::string& extra = extras.front();
  if (extra.size() > 1 && extra[0] == '-') {
    return UsageFailure(command,
                        "unknown option '" + extra + "'" + Suggestion(extra, OptionNames(command)));
  }
  return UsageFailure(command, "unexpected argument '" + extra + "'");
}

int UsageFailure(const CLI::App& command, const std::string& message) {
  std::cerr << "oplex: " << message << "\n";
  if (command.get_parent() == nullptr) {
    std::cerr << "run `oplex --help` for the commands\n";
  } else {
    std::cerr << "run `oplex " << command.get_name() << " --help` for its options\n";
  }
  return kExitUsage;
}

Result<std::unique_ptr<Store>> OpenExisting(const GlobalOptions& global) {
  std::error_code ec;
  if (!std::filesystem::exists(global.db, ec)) {
    return Status::IoError(global.db.string() + ": no such database (run `oplex ingest` first)");
  }
  return Store::OpenReadOnly(global.db);
}

}  // namespace oplex::cli
