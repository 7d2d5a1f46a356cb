#include "tools/cli/table_formats.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "tools/cli/csv.h"
#include "tools/cli/html_text.h"
#include "tools/cli/json.h"
#include "tools/cli/utf8_escape.h"

namespace oplex::cli {
namespace {

// A cell as one line: its items ('\n') joined with spaces, as the cell reads on the page.
std::string Flat(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

bool Inside(double v, double from, double to) { return v >= from && v <= to; }

// The x centre of each of the table's columns: from its column boundaries, else from the cells
// that stand in one column only; nullopt for a column nothing places.
std::vector<std::optional<double>> ColumnCentres(const Block& table, size_t columns) {
  std::vector<std::optional<double>> centres(columns);
  if (table.columns.size() == columns + 1) {
    for (size_t c = 0; c < columns; ++c) centres[c] = (table.columns[c] + table.columns[c + 1]) / 2;
    return centres;
  }
  for (const Row& row : table.rows) {
    for (size_t c = 0; c < row.cells.size() && c < columns; ++c) {
      const Cell& cell = row.cells[c];
      if (!centres[c] && cell.bbox && !cell.covered && cell.col_span == 1) {
        centres[c] = (cell.bbox->x0 + cell.bbox->x1) / 2;
      }
    }
  }
  return centres;
}

size_t Width(const Block& table) {
  size_t n = 0;
  for (const Row& row : table.rows) n = std::max(n, row.cells.size());
  return n;
}

std::string Caption(const FileTables& file, int page, size_t n) {
  return EscapeInvalidUtf8(file.path) + ", page " + std::to_string(page) + ", table " +
         std::to_string(n);
}

}  // namespace

bool CropToArea(const BBox& area, Block* table) {
  const size_t columns = Width(*table);
  const std::vector<std::optional<double>> centres = ColumnCentres(*table, columns);
  std::vector<size_t> rows, cols;
  for (size_t r = 0; r < table->rows.size(); ++r) {
    const std::optional<BBox>& box = table->rows[r].bbox;
    if (box && Inside((box->y0 + box->y1) / 2, area.y0, area.y1)) rows.push_back(r);
  }
  for (size_t c = 0; c < columns; ++c) {
    if (centres[c] && Inside(*centres[c], area.x0, area.x1)) cols.push_back(c);
  }
  if (rows.empty() || cols.empty()) return false;
  // Each position's merged cell (its top-left position), so that a merged cell whose first
  // position is cut off starts again at its first position kept.
  std::map<std::pair<size_t, size_t>, std::pair<size_t, size_t>> anchor;
  for (size_t r = 0; r < table->rows.size(); ++r) {
    const std::vector<Cell>& cells = table->rows[r].cells;
    for (size_t c = 0; c < cells.size(); ++c) {
      if (cells[c].covered) continue;
      for (size_t dr = 0; dr < static_cast<size_t>(std::max(cells[c].row_span, 1)); ++dr) {
        for (size_t dc = 0; dc < static_cast<size_t>(std::max(cells[c].col_span, 1)); ++dc) {
          anchor.emplace(std::pair{r + dr, c + dc}, std::pair{r, c});
        }
      }
    }
  }
  std::vector<Row> kept;
  std::map<std::pair<size_t, size_t>, std::pair<size_t, size_t>> started;  // anchor → new place
  for (size_t i = 0; i < rows.size(); ++i) {
    Row row = table->rows[rows[i]];
    row.cells.assign(cols.size(), Cell{});
    for (size_t j = 0; j < cols.size(); ++j) {
      const auto a = anchor.find({rows[i], cols[j]});
      if (a == anchor.end()) {
        if (cols[j] < table->rows[rows[i]].cells.size()) {
          row.cells[j] = table->rows[rows[i]].cells[cols[j]];
        }
        continue;
      }
      const auto [ar, ac] = a->second;
      const Cell& merged = table->rows[ar].cells[ac];
      const auto [first, fresh] = started.emplace(a->second, std::pair{kept.size(), j});
      if (fresh) {
        Cell cell = merged;
        cell.row_span = cell.col_span = 1;
        row.cells[j] = std::move(cell);
        continue;
      }
      row.cells[j].covered = true;
      row.cells[j].bbox = merged.bbox;
      // The merged cell grows over this position.
      const auto [fr, fc] = first->second;
      Cell& head = fr == kept.size() ? row.cells[fc] : kept[fr].cells[fc];
      head.row_span = std::max(head.row_span, static_cast<int>(kept.size() - fr) + 1);
      head.col_span = std::max(head.col_span, static_cast<int>(j - fc) + 1);
    }
    kept.push_back(std::move(row));
  }
  table->rows = std::move(kept);
  table->columns.clear();
  if (table->bbox) {
    table->bbox = BBox{std::max(table->bbox->x0, area.x0), std::max(table->bbox->y0, area.y0),
                       std::min(table->bbox->x1, area.x1), std::min(table->bbox->y1, area.y1)};
  }
  return true;
}

void WriteCsvTable(std::ostream& out, const Block& table) {
  for (const Row& row : table.rows) {
    for (size_t i = 0; i < row.cells.size(); ++i) {
      if (i > 0) out << ',';
      out << CsvField(Flat(row.cells[i].text));
    }
    out << "\r\n";
  }
}

void WriteCsv(std::ostream& out, Files files) {
  bool first = true;
  for (const FileTables& file : files) {
    for (const PageTables& p : file.pages) {
      for (const Block& table : p.tables) {
        if (!first) out << "\r\n";
        first = false;
        WriteCsvTable(out, table);
      }
    }
  }
}

void WriteJson(std::ostream& out, const FileTables& file) {
  Json j(out);
  j.BeginObject();
  j.Key("file").String(file.path);
  j.Key("pages").BeginArray();
  for (const PageTables& p : file.pages) {
    j.BeginObject();
    j.Key("page").Int(p.page);
    j.Key("tables").BeginArray();
    for (const Block& table : p.tables) {
      j.BeginObject();
      j.Key("bbox").BeginArray();
      const BBox box = table.bbox.value_or(BBox{});
      for (double v : {box.x0, box.y0, box.x1, box.y1}) j.Number(v);
      j.EndArray();
      j.Key("rows").BeginArray();
      for (const Row& row : table.rows) {
        j.BeginArray();
        for (const Cell& cell : row.cells) j.String(Flat(cell.text));
        j.EndArray();
      }
      j.EndArray();
      j.EndObject();
    }
    j.EndArray();
    j.EndObject();
  }
  j.EndArray();
  j.EndObject();
  out << "\n";
}

void WriteMarkdown(std::ostream& out, Files files) {
  bool first = true;
  for (const FileTables& file : files) {
    for (const PageTables& p : file.pages) {
      for (size_t t = 0; t < p.tables.size(); ++t) {
        const Block& table = p.tables[t];
        out << (first ? "" : "\n") << "## " << Caption(file, p.page, t + 1) << "\n\n";
        first = false;
        const size_t width = Width(table);
        for (size_t r = 0; r < table.rows.size(); ++r) {
          out << '|';
          for (size_t c = 0; c < width; ++c) {
            std::string text;
            if (c < table.rows[r].cells.size()) {
              text = EscapeInvalidUtf8(Flat(table.rows[r].cells[c].text));
            }
            std::string cell;
            for (char ch : text) {
              if (ch == '|') cell += '\\';
              cell += ch;
            }
            out << ' ' << cell << " |";
          }
          out << '\n';
          if (r == 0) {
            out << '|';
            for (size_t c = 0; c < width; ++c) out << " --- |";
            out << '\n';
          }
        }
      }
    }
  }
}

void WriteHtml(std::ostream& out, Files files) {
  out << "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>";
  for (size_t i = 0; i < files.size(); ++i) {
    out << (i ? ", " : "") << HtmlEscape(EscapeInvalidUtf8(files[i].path));
  }
  out << "</title>\n<style>\nbody { font-family: sans-serif; }\n"
         "table { border-collapse: collapse; margin-bottom: 2em; }\n"
         "td { border: 1px solid #888; padding: 2px 6px; vertical-align: top; }\n"
         "</style>\n</head>\n<body>\n";
  for (const FileTables& file : files) {
    for (const PageTables& p : file.pages) {
      for (size_t t = 0; t < p.tables.size(); ++t) {
        out << "<table>\n<caption>" << HtmlEscape(Caption(file, p.page, t + 1)) << "</caption>\n";
        for (const Row& row : p.tables[t].rows) {
          out << "<tr>";
          for (const Cell& cell : row.cells) {
            if (cell.covered) continue;
            out << "<td";
            if (cell.row_span > 1) out << " rowspan=\"" << cell.row_span << '"';
            if (cell.col_span > 1) out << " colspan=\"" << cell.col_span << '"';
            out << '>' << HtmlEscape(EscapeInvalidUtf8(Flat(cell.text))) << "</td>";
          }
          out << "</tr>\n";
        }
        out << "</table>\n";
      }
    }
  }
  out << "</body>\n</html>\n";
}

}  // namespace oplex::cli
