// DocumentPipeline: every stage, in order, for one document:
//   decode → layout → classify → extract → categorize activities → validate.
// A paged document longer than kWindowPages is extracted a window of pages at a time as layout
// settles them (document_windows.h), so that its laid-out pages are not all held at once.
// It only wires the stages; it holds the vocabularies and rules they share, loaded once, and the
// OCR workers.
// Process is const and thread-safe: one DocumentPipeline serves all worker threads.
#pragma once

#include <filesystem>
#include <memory>
#include <set>
#include <string>

#include "extractors/event_rules.h"
#include "extractors/indicator_rules.h"
#include "extractors/rules.h"
#include "extractors/table/table_rules.h"
#include "models/records.h"
#include "models/status.h"
#include "pipeline/classify/classifier.h"
#include "pipeline/classify/taxonomy.h"
#include "pipeline/decode/ocr_pool.h"
#include "pipeline/normalize/spanish_dates.h"
#include "pipeline/page_blocks.h"
#include "pipeline/source_file.h"
#include "pipeline/vocab.h"
#include "tools/run/document_windows.h"
#include "tools/run/record_spill.h"

namespace oplex {

class DocumentPipeline {
 public:
  // `ocr`: how scanned pages and image files are read; its workers serve every document.
  static Result<DocumentPipeline> Load(const std::filesystem::path& data_dir, OcrOptions ocr = {});

  // New OCR workers as `ocr` says, in place of those Load made; before any page is read (a worker
  // process forked with a loaded pipeline takes its share of the engines).
  void SetOcr(OcrOptions ocr) { ocr_ = std::make_shared<OcrPool>(std::move(ocr)); }

  // The extraction of one document, or why it cannot be read. `bytes` is the file's content,
  // let go once all its pages are laid out; `sha256` its identity (Sha256Hex(bytes), which the
  // caller has already computed to skip stored documents); `path` names it in messages and in the
  // stored document. `pages` keeps only those pages of a PDF or image file (1-based; empty: all).
  // `on_page` is told of each page of a PDF or image file as it is laid out (see PageLaidOut).
  Result<Extraction> Process(const std::filesystem::path& path, std::string bytes,
                             std::string sha256, const std::set<int>& pages = {},
                             const PageLaidOut& on_page = {}) const;

  // Process for `oplex ingest`, from `source` (a PDF read from its file as needed:
  // OpenSourceFile): a document read in windows writes its records, as each window settles, to a
  // scratch database named `spill_prefix` and six characters more (empty: never spilled; see
  // RecordSpill::Create), which Store::PutSpilled stores from.
  Result<DocumentRead> Read(const std::filesystem::path& path, Source source,
                            const std::set<int>& pages, const PageLaidOut& on_page,
                            const std::string& spill_prefix) const;

  // A document longer than this many pages is extracted a window of about as many pages at a
  // time (document_windows.h), so that memory does not grow with its pages. 0: always whole.
  static constexpr int kWindowPages = 64;
  void set_window_pages(int pages) { window_pages_ = pages; }

 private:
  // What the opening window of a document says about all of it.
  struct Opening {
    Classification classification;
    std::optional<DatePeriod> period;  // the period a report covers (reporting_period.h)
    bool dated = false;  // its opening gave the document's date line (document_date.h)
  };

  // Extracts one window of the document (its opening one first) into `e`, which holds the
  // records of the windows before.
  void ExtractWindow(const std::vector<Block>& blocks, WindowPlace place,
                     const std::filesystem::path& path, Opening* opening, Extraction* e) const;

  DocumentPipeline(Vocabulary vocab, ExtractionRules rules, TableRules table_rules,
                   IndicatorRules indicator_rules, EventRules event_rules, Taxonomy taxonomy,
                   std::shared_ptr<OcrPool> ocr)
      : vocab_(std::move(vocab)),
        rules_(std::move(rules)),
        table_rules_(std::move(table_rules)),
        indicator_rules_(std::move(indicator_rules)),
        event_rules_(std::move(event_rules)),
        taxonomy_(std::move(taxonomy)),
        ocr_(std::move(ocr)) {}
  Vocabulary vocab_;
  ExtractionRules rules_;
  TableRules table_rules_;
  IndicatorRules indicator_rules_;
  EventRules event_rules_;
  Taxonomy taxonomy_;
  std::shared_ptr<OcrPool> ocr_;
  int window_pages_ = kWindowPages;
};

}  // namespace oplex
