// `oplex ocr`: what archivists keep of a scan, written by Tesseract's own renderers from the page
// as the OCR path of `ingest` prepares and reads it (scanned_page.h).
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "pipeline/decode/image_decoder.h"
#include "pipeline/decode/ocr_engine.h"
#include "pipeline/decode/pdf_decoder.h"
#include "pipeline/decode/scanned_page.h"
#include "pipeline/source_file.h"
#include "tools/cli/args.h"
#include "tools/cli/atomic_file.h"
#include "tools/cli/commands.h"

namespace oplex::cli {
namespace {

constexpr CommandHelp kOcrHelp = {
    "ocr", "a searchable PDF (or ALTO, hOCR, text) of scans, by Tesseract (no database)",
    "IN... -o OUT [options]",
    R"(Reads every page of PDFs and page images (PNG, JPEG, TIFF) by OCR, as `ingest` reads a scan:
the page is turned upright, straightened and binarized, its ruling lines are taken out, and
Tesseract reads it. The page pass's reading is written by Tesseract's own renderers: a
searchable PDF shows each page (upright and straight, in grey) under an invisible text layer
that can be searched, selected and copied; ALTO and hOCR give each word with its box.
)",
    R"(Where: -o OUT is the file with one input file; with several, a folder (an existing one, or a
name ending in /, created) that gets <stem>.pdf, .xml (ALTO), .hocr or .txt of each. Files
already there are kept unless --force.
--format pdf (default): a searchable PDF; alto: ALTO XML (v3, as Tesseract writes it); hocr:
hOCR (HTML); txt: the text, a form feed after each page.
Born-digital pages are rendered and read too: the output holds images of them, not their text.
Exit codes: 0 done; 1 some input files could not be read (the others were written); 2 bad
command line; 3 nothing could be done (the OCR engine or language missing, an output that cannot
be written or is already there).
)"};

struct OcrCommandOptions : FilesToRead {
  std::string format = "pdf";
  OcrOptions ocr;
};

OcrFormat FormatOf(const std::string& name) {
  if (name == "alto") return OcrFormat::kAlto;
  if (name == "hocr") return OcrFormat::kHocr;
  if (name == "txt") return OcrFormat::kText;
  return OcrFormat::kPdf;
}

// The extension each renderer writes.
std::string Extension(const std::string& format) {
  if (format == "alto") return "xml";
  return format;
}

// Reads every asked page of `bytes` (a PDF or an image file) into `document`.
Status ReadInto(const std::string& bytes, const std::string& name, const OcrCommandOptions& o,
                OcrEngine& engine, OcrDocument& document) {
  if (LooksLikeImage(bytes)) {
    auto image = ImageFile::Open(bytes, name);
    if (!image.ok()) return image.status();
    for (int number = 1; number <= image->page_count(); ++number) {
      auto page = image->NextPage(o.ocr.dpi);
      if (!page.ok()) return page.status();
      if (o.pages.empty() || o.pages.count(number) > 0) {
        ReadScannedPage(page->image.get(), page->dpi, number, engine, &document);
      }
    }
    return Status::Ok();
  }
  if (!LooksLikePdf(bytes)) return Status::InvalidInput(name + ": neither a PDF nor an image");
  PdfOptions options;
  options.password = o.password;
  auto pdf = PdfDocument::Open(bytes, name, options);
  if (!pdf.ok()) return pdf.status();
  for (int number : o.pages) {
    if (number > pdf->page_count()) {
      return Status::InvalidInput(name + ": has " + std::to_string(pdf->page_count()) +
                                  " pages, no page " + std::to_string(number));
    }
  }
  for (int number = 1; number <= pdf->page_count(); ++number) {
    if (!o.pages.empty() && o.pages.count(number) == 0) continue;
    auto image = pdf->RenderGray(number, o.ocr.dpi);
    if (!image.ok()) return image.status();
    ReadScannedPage(image->get(), pixGetXRes(image->get()), number, engine, &document);
  }
  return Status::Ok();
}

// The document of one input, written by the renderer into `rendered`.
Status Render(const std::string& file, const std::filesystem::path& rendered,
              const OcrCommandOptions& o, OcrEngine& engine) {
  auto bytes = ReadSourceFile(file);
  if (!bytes.ok()) return bytes.status();
  auto document = engine.BeginDocument(FormatOf(o.format), rendered.string(),
                                       std::filesystem::path(file).filename().string(), file);
  if (!document.ok()) return document.status();
  if (Status s = ReadInto(*bytes, file, o, engine, **document); !s.ok()) return s;
  return (*document)->End();
}

// A temporary folder, removed with what is in it.
class TempFolder {
 public:
  TempFolder() : path_((std::filesystem::temp_directory_path() / "oplex-ocr-XXXXXX").string()) {
    if (mkdtemp(path_.data()) == nullptr) path_.clear();
  }
  ~TempFolder() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const std::string& path() const { return path_; }  // empty when it could not be made

 private:
  std::string path_;
};

int RunOcr(const CLI::App& command, const GlobalOptions& global, const OcrCommandOptions& o) {
  if (o.files.empty()) return UsageFailure(command, "ocr needs a file to read");
  if (o.output.empty()) return UsageFailure(command, "ocr needs -o OUT, the file to write");
  std::error_code ec;
  const bool folder =
      std::filesystem::is_directory(o.output, ec) || o.output.string().ends_with('/');
  if (o.files.size() > 1 && !folder) {
    return UsageFailure(command, "with several input files, -o names a folder (end it in /)");
  }
  std::vector<std::pair<std::string, std::filesystem::path>> plan;
  std::map<std::string, std::string> stems;
  for (const std::string& file : o.files) {
    if (!folder) {
      plan.emplace_back(file, o.output);
      continue;
    }
    const std::string stem = std::filesystem::path(file).stem().string();
    if (const auto [seen, fresh] = stems.emplace(stem, file); !fresh) {
      return UsageFailure(command, seen->second + " and " + file + " would both write " + stem +
                                       "." + Extension(o.format) + ": run them separately");
    }
    plan.emplace_back(file, o.output / (stem + "." + Extension(o.format)));
  }
  if (!o.force) {
    for (const auto& [file, out] : plan) {
      if (std::filesystem::exists(out, ec)) {
        spdlog::error("{} already exists; nothing was written (--force overwrites)", out.string());
        return kExitFatal;
      }
    }
  }
  if (folder) {
    std::filesystem::create_directories(o.output, ec);
    if (ec) {
      spdlog::error("cannot make the folder {}: {}", o.output.string(), ec.message());
      return kExitFatal;
    }
  }
  auto engine = OcrEngine::Create(o.ocr.language);
  if (!engine.ok()) {
    spdlog::error("{}", engine.status().message());
    return kExitFatal;
  }
  // The renderers write files of their own naming: into a temporary folder, then put in place
  // whole.
  const TempFolder temp;
  if (temp.path().empty()) {
    spdlog::error("cannot make a temporary folder in {}",
                  std::filesystem::temp_directory_path().string());
    return kExitFatal;
  }
  int failed = 0;
  for (size_t i = 0; i < plan.size(); ++i) {
    const auto& [file, out] = plan[i];
    const std::filesystem::path rendered =
        std::filesystem::path(temp.path()) / (std::to_string(i) + "." + Extension(o.format));
    if (Status s = Render(file, rendered, o, **engine); !s.ok()) {
      spdlog::error("{}", s.message());
      ++failed;
      continue;
    }
    Status written = WriteAtomically(out, [&rendered, &out](std::ostream& stream) {
      std::ifstream in(rendered, std::ios::binary);
      if (!in) return Status::IoError("cannot read " + rendered.string());
      if (in.peek() != std::ifstream::traits_type::eof()) stream << in.rdbuf();  // may be empty
      return stream ? Status::Ok() : Status::IoError("cannot write " + out.string());
    });
    if (!written.ok()) {
      spdlog::error("{}", written.message());
      return kExitFatal;
    }
    if (!global.quiet) std::cout << out.string() << "\n";
  }
  return failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

Command AddOcr(CLI::App& app, const GlobalOptions& global) {
  CLI::App* command = AddCommand(app, kOcrHelp);
  auto o = std::make_shared<OcrCommandOptions>();
  AddFilesToRead(command, o.get(), "IN", "the file to write (a folder: see below)", "OUT");
  AddChoice(command, "--format", &o->format, {"pdf", "alto", "hocr", "txt"},
            "pdf (default), alto, hocr or txt");
  AddOcrReading(command, &o->ocr);
  return [command, o, &global] { return RunOcr(*command, global, *o); };
}

}  // namespace oplex::cli
