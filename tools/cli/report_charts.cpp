#include "tools/cli/report_charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "tools/cli/html_text.h"
#include "tools/cli/report_words.h"

namespace oplex::cli {
namespace {

// Geometry of a heatmap, in px of its viewBox. Month columns sit on the right; labels fill the
// rest. Font sizes match the page's CSS for .heatmap text, so the width estimates hold.
constexpr double kWidth = 960;
constexpr double kMargin = 8;
constexpr double kMonthColumn = 30;
constexpr double kCellWidth = 28;
constexpr double kCellHeight = 16;
constexpr double kGridX = kWidth - kMargin - 12 * kMonthColumn;
constexpr double kLabelRight = kGridX - 14;
constexpr double kIndent = 12;
constexpr size_t kMaxIndentLevels = 4;
constexpr double kTextFont = 12, kCodeFont = 11.5, kHeadingFont = 12;
constexpr double kLineHeight = 14;
constexpr size_t kMaxLabelLines = 2;

// Heatmap shades: from light (the least planned) to dark (the most), sequential blue.
constexpr std::array<int, 3> kLight = {198, 219, 239}, kDark = {8, 69, 148};
// Where on the ramp a scheduled month without a quantity sits, and the least quantity.
constexpr double kScheduledShade = 0.55, kLeastShade = 0.15;

// Series colours of the bar chart, none repeated up to 16 series: Okabe-Ito's eight first
// (distinguishable with colour blindness; a grey for its black), then eight of Kelly's colours of
// maximum contrast; no two closer than 26 in CIELAB (ΔE76). From the 17th series on, repeated.
constexpr std::array<const char*, 16> kSeriesColours = {
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#6B6B6B", "#F0E442",
    "#882D17", "#8DB600", "#604E97", "#F99379", "#2B3D26", "#C2B280", "#BE0032", "#1D1D8F"};

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

std::string Attr(const char* name, std::string_view value) {
  return std::string(" ") + name + "=\"" + HtmlEscape(value) + "\"";
}

std::string Shade(double t) {
  t = std::clamp(t, 0.0, 1.0);
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x",
                static_cast<int>(std::lround(kLight[0] + (kDark[0] - kLight[0]) * t)),
                static_cast<int>(std::lround(kLight[1] + (kDark[1] - kLight[1]) * t)),
                static_cast<int>(std::lround(kLight[2] + (kDark[2] - kLight[2]) * t)));
  return buf;
}

// "Feb–Jun, Oct–Dec"; "none" for a grid that marks no month.
std::string MonthRanges(const MonthMask& months, const ReportWords& words) {
  std::string out;
  for (int m = 1; m <= 12; ++m) {
    if (!months.has(m)) continue;
    int last = m;
    while (last < 12 && months.has(last + 1)) ++last;
    if (!out.empty()) out += ", ";
    out += words.months[m - 1];
    if (last > m) out += std::string("–") + words.months[last - 1];
    m = last;
  }
  return out.empty() ? words.no_month : out;
}

std::string Where(const std::optional<int>& page, const std::optional<int>& line,
                  const ReportWords& words) {
  std::string out;
  if (page) out += words.at_page + std::to_string(*page);
  if (line) out += (out.empty() ? "" : ", ") + (words.at_line + std::to_string(*line));
  return out;
}

// <text> with one <tspan> per line, the first baseline at `y`.
std::string TextLines(const std::vector<std::string>& lines, double x, double y,
                      const char* css_class) {
  std::string out =
      "<text" + Attr("class", css_class) + Attr("x", Num(x)) + Attr("y", Num(y)) + ">";
  if (lines.size() == 1) return out + HtmlEscape(lines[0]) + "</text>";
  for (size_t i = 0; i < lines.size(); ++i) {
    out += i == 0 ? "<tspan>" : "<tspan" + Attr("x", Num(x)) + Attr("dy", Num(kLineHeight)) + ">";
    out += HtmlEscape(lines[i]) + "</tspan>";
  }
  return out + "</text>";
}

std::string SectionHeading(const ReportSection& s) {
  return s.code.empty() ? s.title : s.code + " " + s.title;
}

// Draws a heatmap row by row, keeping the y position and the run of rows whose months are
// unknown, which one band covers.
class HeatmapWriter {
 public:
  HeatmapWriter(double code_width, const ReportWords& words)
      : code_width_(code_width), words_(words) {}

  void Heading(const ReportSection& section, size_t level) {
    CloseUnknownBand();
    const double x = kMargin + kIndent * std::min(level, kMaxIndentLevels);
    const std::vector<std::string> lines = WrapText(
        SectionHeading(section), kWidth - kMargin - x - 4, kHeadingFont, true, kMaxLabelLines);
    const double height = 10 + kLineHeight * lines.size();
    y_ += level == 0 ? 6 : 2;
    out_ += "<g class=\"heading\"" + Attr("data-level", std::to_string(level)) + ">";
    if (lines.size() == kMaxLabelLines && lines.back().ends_with("…")) {  // cut: the whole title
      out_ += "<title>" + HtmlEscape(SectionHeading(section)) + "</title>";
    }
    if (level < 2) {
      out_ += "<rect" + Attr("x", "0") + Attr("y", Num(y_)) + Attr("width", Num(kWidth)) +
              Attr("height", Num(height)) + "/>";
    }
    out_ += TextLines(lines, x, y_ + 15, "h") + "</g>";
    y_ += height + 2;
    zebra_ = false;
  }

  void Activity(const ReportActivity& a, const std::string& title_where) {
    const double x = kMargin + kIndent * std::min(a.sections.size(), kMaxIndentLevels);
    const double text_x = x + code_width_;
    const std::vector<std::string> lines =
        WrapText(a.text, kLabelRight - text_x, kTextFont, false, kMaxLabelLines);
    const double height = std::max(20.0, 6 + kLineHeight * std::max<size_t>(lines.size(), 1));
    const double cell_y = y_ + (height - kCellHeight) / 2;

    std::string months_attr;
    if (a.months.known()) {
      std::string list;
      for (int m = 1; m <= 12; ++m) {
        if (a.months.has(m)) list += (list.empty() ? "" : ",") + std::to_string(m);
      }
      months_attr = Attr("data-months", list);
    }
    out_ += "<g" + Attr("class", a.months.known() ? "activity" : "activity months-unknown") +
            Attr("data-code", a.code) + months_attr + ">";
    std::string title = a.code + " " + a.text;
    if (a.unit) title += "\n" + (words_.tip_unit + *a.unit);
    if (a.annual_raw) title += "\n" + (words_.tip_annual + *a.annual_raw);
    title += "\n" + (words_.tip_months +
                     (a.months.known() ? MonthRanges(a.months, words_) : words_.months_not_shown));
    std::string planned;  // one line for the row rather than a title per cell: a smaller file
    for (int m = 1; m <= 12; ++m) {
      if (!a.months.has(m) || !a.planned[m - 1]) continue;
      planned += (planned.empty() ? "" : ", ") + std::string(words_.months[m - 1]) + " " +
                 a.planned[m - 1]->raw;
    }
    if (!planned.empty()) title += "\n" + (words_.tip_planned + planned);
    if (a.category_label) title += "\n" + (words_.tip_category + *a.category_label);
    title += "\n" + title_where;
    out_ += "<title>" + HtmlEscape(title) + "</title>";
    if (zebra_) {
      out_ += "<rect class=\"zebra\"" + Attr("x", "0") + Attr("y", Num(y_)) +
              Attr("width", Num(kWidth)) + Attr("height", Num(height)) + "/>";
    }
    out_ += TextLines({a.code}, x, y_ + 14, "code");
    out_ += TextLines(lines, text_x, y_ + 14, "t");
    if (a.months.known()) {
      CloseUnknownBand();
      out_ += "<use href=\"#month-track\"" + Attr("x", Num(kGridX)) + Attr("y", Num(cell_y)) + "/>";
      MonthCells(a, cell_y);
    } else {
      if (!unknown_top_) unknown_top_ = y_;
      unknown_bottom_ = y_ + height;
    }
    out_ += "</g>";
    y_ += height;
    zebra_ = !zebra_;
  }

  // The SVG, with its title, description and the size it came to.
  std::string Finish(const std::string& id, const std::string& attributes, const std::string& title,
                     const std::string& description) {
    CloseUnknownBand();
    const double height = y_ + kMargin;
    return "<svg class=\"heatmap\"" + attributes + Attr("role", "img") +
           Attr("aria-labelledby", id + "-title " + id + "-desc") +
           Attr("viewBox", "0 0 " + Num(kWidth) + " " + Num(height)) + Attr("width", Num(kWidth)) +
           Attr("height", Num(height)) + "><title" + Attr("id", id + "-title") + ">" +
           HtmlEscape(title) + "</title><desc" + Attr("id", id + "-desc") + ">" +
           HtmlEscape(description) + "</desc>" + out_ + "</svg>";
  }

 private:
  void MonthCells(const ReportActivity& a, double cell_y) {
    double largest = 0;
    for (int m = 1; m <= 12; ++m) {
      const std::optional<Quantity>& q = a.planned[m - 1];
      if (a.months.has(m) && q && q->value) largest = std::max(largest, *q->value);
    }
    for (int m = 1; m <= 12; ++m) {
      if (!a.months.has(m)) continue;
      const std::optional<Quantity>& q = a.planned[m - 1];
      const bool quantity = largest > 0 && q && q->value;
      const double shade =
          quantity ? kLeastShade + (1 - kLeastShade) * std::max(0.0, *q->value) / largest
                   : kScheduledShade;
      out_ += "<rect class=\"month\"" + Attr("data-month", std::to_string(m)) +
              Attr("x", Num(kGridX + kMonthColumn * (m - 1) + 1)) + Attr("y", Num(cell_y)) +
              Attr("width", Num(kCellWidth)) + Attr("height", Num(kCellHeight)) +
              Attr("fill", Shade(shade)) + "/>";
    }
  }

  void CloseUnknownBand() {
    if (!unknown_top_) return;
    const double top = *unknown_top_ + 2, height = unknown_bottom_ - *unknown_top_ - 4;
    out_ += "<g class=\"unknown-band\"><rect" + Attr("x", Num(kGridX + 1)) + Attr("y", Num(top)) +
            Attr("width", Num(12 * kMonthColumn - 2)) + Attr("height", Num(height)) + "/>";
    out_ +=
        TextLines({words_.months_not_shown}, kGridX + 6 * kMonthColumn, top + height / 2 + 4, "u") +
        "</g>";
    unknown_top_.reset();
  }

  double code_width_;
  const ReportWords& words_;
  double y_ = 4;
  bool zebra_ = false;
  std::optional<double> unknown_top_;
  double unknown_bottom_ = 0;
  std::string out_;
};

// One bar series: an institute, year and kind of document.
struct Series {
  std::optional<std::string> institute;
  std::optional<int> year;
  DocumentKind kind = DocumentKind::kUnknown;
  std::string label;
  int64_t activities = 0;
  int64_t documents = 0;  // with activities: the same plan stored twice (PDF and text) counts twice
  std::map<std::optional<std::string>, const CategoryShare*> by_category;
};

std::vector<Series> SeriesOf(const ReportData& data, const ReportWords& words) {
  std::vector<Series> series;
  for (const CategoryShare& share : data.shares) {
    if (series.empty() || series.back().institute != share.institute ||
        series.back().year != share.year || series.back().kind != share.kind) {
      Series s;
      s.institute = share.institute;
      s.year = share.year;
      s.kind = share.kind;
      s.label = share.institute.value_or(words.unrecognised_institute_series) +
                (share.year ? " " + std::to_string(*share.year) : "");
      if (share.kind != DocumentKind::kWorkPlan) {
        s.label += " · " + std::string(KindLabel(words, share.kind));
      }
      series.push_back(std::move(s));
    }
    series.back().activities += share.activities;
    series.back().by_category[share.category] = &share;
  }
  for (Series& s : series) {
    for (const ReportDocument& d : data.documents) {
      s.documents +=
          d.activities > 0 && d.institute == s.institute && d.year == s.year && d.kind == s.kind;
    }
  }
  return series;
}

std::string SeriesAttributes(const Series& s) {
  return Attr("data-institute", s.institute.value_or("")) +
         Attr("data-year", s.year ? std::to_string(*s.year) : "") +
         Attr("data-kind", ToString(s.kind));
}

}  // namespace

std::string HeatmapDefs() {
  std::string track = "<symbol id=\"month-track\"" +
                      Attr("viewBox", "0 0 " + Num(12 * kMonthColumn) + " " + Num(kCellHeight)) +
                      Attr("width", Num(12 * kMonthColumn)) + Attr("height", Num(kCellHeight)) +
                      ">";
  for (int m = 0; m < 12; ++m) {
    track += "<rect" + Attr("x", Num(kMonthColumn * m + 1)) + Attr("width", Num(kCellWidth)) +
             Attr("height", Num(kCellHeight)) + Attr("fill", "#eceff3") + "/>";
  }
  return "<svg class=\"defs\" aria-hidden=\"true\" width=\"0\" height=\"0\"><defs>" + track +
         "</symbol></defs></svg>";
}

std::string HeatmapMonthsSvg(const ReportWords& words) {
  std::string out = "<svg class=\"heatmap-months\" aria-hidden=\"true\"" +
                    Attr("viewBox", "0 0 " + Num(kWidth) + " 24") + Attr("width", Num(kWidth)) +
                    Attr("height", "24") + ">";
  out += TextLines({words.activity_column}, kMargin, 17, "col");
  for (int m = 0; m < 12; ++m) {
    out += "<text class=\"col\" text-anchor=\"middle\"" +
           Attr("x", Num(kGridX + kMonthColumn * m + kMonthColumn / 2)) + Attr("y", "17") + ">" +
           words.months[m] + "</text>";
  }
  return out + "</svg>";
}

std::string HeatmapSvg(const ReportDocument& document,
                       const std::vector<const ReportActivity*>& activities,
                       const ReportWords& words) {
  double code_width = 0;
  for (const ReportActivity* a : activities) {
    code_width = std::max(code_width, TextWidth(a->code, kCodeFont));
  }
  HeatmapWriter writer(std::min(code_width, 110.0) + 8, words);
  const std::vector<ReportSection>* previous = nullptr;
  size_t known = 0;
  for (const ReportActivity* a : activities) {
    size_t common = 0;
    while (previous && common < previous->size() && common < a->sections.size() &&
           (*previous)[common].id == a->sections[common].id) {
      ++common;
    }
    for (size_t level = common; level < a->sections.size(); ++level) {
      writer.Heading(a->sections[level], level);
    }
    previous = &a->sections;
    std::string where = document.path;
    if (std::string at = Where(a->page, a->line, words); !at.empty()) where += ", " + at;
    writer.Activity(*a, where);
    known += a->months.known();
  }
  const std::string institute = document.institute.value_or("");
  const std::string year = document.year ? std::to_string(*document.year) : "";
  const std::string title =
      fmt::format(fmt::runtime(words.heatmap_title),
                  (institute.empty() ? words.an_unrecognised_institute : institute) +
                      (year.empty() ? "" : " " + year),
                  document.path);
  const std::string description =
      fmt::format(fmt::runtime(words.heatmap_description), activities.size(), known);
  const std::string attributes = Attr("data-institute", institute) + Attr("data-year", year) +
                                 Attr("data-document-id", std::to_string(document.id));
  return writer.Finish("heatmap-" + std::to_string(document.id), attributes, title, description);
}

std::string HeatmapLegendHtml(const ReportWords& words) {
  std::string gradient;
  for (double t : {kLeastShade, 0.45, 0.75, 1.0}) {
    gradient += "<span class=\"swatch\" style=\"background:" + Shade(t) + "\"></span>";
  }
  return "<ul class=\"heatmap-legend\">"
         "<li><span class=\"swatch\" style=\"background:" +
         Shade(kScheduledShade) + "\"></span> " + words.legend_scheduled + "</li><li>" + gradient +
         " " + words.legend_quantity + "</li><li><span class=\"swatch track\"></span> " +
         words.legend_not_scheduled + "</li><li><span class=\"swatch unknown\"></span> " +
         words.months_not_shown + "</li></ul>";
}

std::string CategoryBarsSvg(const ReportData& data, const ReportWords& words) {
  const std::vector<Series> series = SeriesOf(data, words);
  if (series.empty()) return "";
  struct Group {
    std::optional<std::string> slug;
    std::string label;
  };
  std::vector<Group> groups;
  auto used = [&](const std::optional<std::string>& slug) {
    return std::any_of(series.begin(), series.end(),
                       [&](const Series& s) { return s.by_category.count(slug) > 0; });
  };
  for (const CategoryInfo& c : data.categories) {
    if (used(c.slug)) groups.push_back({c.slug, c.label});
  }
  if (used(std::nullopt)) groups.push_back({std::nullopt, words.not_classified});
  double largest = 0;
  for (const CategoryShare& s : data.shares) largest = std::max(largest, s.share);

  constexpr double kLabelWidth = 236, kBarX = 252, kBarWidth = kWidth - kBarX - 64;
  constexpr double kBarHeight = 10, kBarStep = 12, kFont = 12;
  const double step = largest <= 0.2 ? 0.05 : 0.1;
  const double axis_max = std::max(step, std::ceil(largest / step - 1e-9) * step);

  std::string legend = "<g class=\"legend\">";
  double x = kMargin, y = 8;
  for (size_t i = 0; i < series.size(); ++i) {
    const Series& s = series[i];
    std::string text =
        s.label + " (" + fmt::format(fmt::runtime(words.series_activities), s.activities);
    if (s.documents > 1) text += fmt::format(fmt::runtime(words.series_in_documents), s.documents);
    text += ")";
    const double width = 18 + TextWidth(text, kFont) + 22;
    if (x > kMargin && x + width > kWidth - kMargin) {
      x = kMargin;
      y += 20;
    }
    legend += "<g class=\"series\"" + SeriesAttributes(s) + "><rect" + Attr("x", Num(x)) +
              Attr("y", Num(y)) + " width=\"12\" height=\"12\"" +
              Attr("fill", kSeriesColours[i % kSeriesColours.size()]) + "/>" +
              TextLines({text}, x + 18, y + 11, "l") + "</g>";
    x += width;
  }
  legend += "</g>";
  const double axis_y = y + 40;

  std::string grid = "<g class=\"axis\">";
  std::string bars;
  double top = axis_y + 8;
  for (const Group& g : groups) {
    const std::vector<std::string> lines = WrapText(g.label, kLabelWidth, kFont, false, 2);
    const double height = std::max(kBarStep * series.size(), kLineHeight * lines.size()) + 12;
    bars += "<g class=\"category\"" + Attr("data-category", g.slug.value_or("")) + ">";
    // The label's lines centred on the group's bars (a baseline sits 4 px below a line's middle).
    const double label_y = top + height / 2 - kLineHeight * (lines.size() - 1) / 2 + 4;
    bars += "<text class=\"cat\" text-anchor=\"end\"" + Attr("x", Num(kBarX - 10)) +
            Attr("y", Num(label_y)) + ">";
    for (size_t i = 0; i < lines.size(); ++i) {
      bars +=
          (i == 0 ? std::string("<tspan>")
                  : "<tspan" + Attr("x", Num(kBarX - 10)) + Attr("dy", Num(kLineHeight)) + ">") +
          HtmlEscape(lines[i]) + "</tspan>";
    }
    bars += "</text>";
    double bar_y = top + (height - kBarStep * series.size()) / 2;
    for (size_t i = 0; i < series.size(); ++i, bar_y += kBarStep) {
      const Series& s = series[i];
      auto it = s.by_category.find(g.slug);
      const int64_t count = it == s.by_category.end() ? 0 : it->second->activities;
      const double share = it == s.by_category.end() ? 0 : it->second->share;
      const double length = kBarWidth * share / axis_max;
      const std::string percent = Num(share * 100) + " %";
      bars += "<rect class=\"bar\"" + SeriesAttributes(s) +
              Attr("data-category", g.slug.value_or("")) +
              Attr("data-activities", std::to_string(count)) + Attr("x", Num(kBarX)) +
              Attr("y", Num(bar_y)) + Attr("width", Num(std::max(length, 1.0))) +
              Attr("height", Num(kBarHeight)) +
              Attr("fill", kSeriesColours[i % kSeriesColours.size()]) + "><title>" +
              HtmlEscape(fmt::format(fmt::runtime(words.bar_title), s.label, g.label, count,
                                     s.activities, percent)) +
              "</title></rect>";
      bars += "<text class=\"v\"" + Attr("x", Num(kBarX + std::max(length, 1.0) + 4)) +
              Attr("y", Num(bar_y + kBarHeight - 1)) + ">" + percent + "</text>";
    }
    bars += "</g>";
    top += height;
  }
  for (double tick = 0; tick <= axis_max + 1e-9; tick += step) {
    const double tx = kBarX + kBarWidth * tick / axis_max;
    grid += "<line" + Attr("x1", Num(tx)) + Attr("x2", Num(tx)) + Attr("y1", Num(axis_y)) +
            Attr("y2", Num(top)) + "/>";
    grid += "<text text-anchor=\"middle\"" + Attr("x", Num(tx)) + Attr("y", Num(axis_y - 6)) + ">" +
            Num(tick * 100) + " %</text>";
  }
  grid += "</g>";

  std::string institutes;
  std::set<std::string> seen;
  for (const Series& s : series) {
    if (s.institute && seen.insert(*s.institute).second) {
      institutes += (institutes.empty() ? "" : " ") + *s.institute;
    }
  }
  const double height = top + kMargin;
  return "<svg class=\"category-bars\"" + Attr("data-institutes", institutes) +
         Attr("role", "img") + Attr("aria-labelledby", "category-bars-title category-bars-desc") +
         Attr("viewBox", "0 0 " + Num(kWidth) + " " + Num(height)) + Attr("width", Num(kWidth)) +
         Attr("height", Num(height)) + "><title id=\"category-bars-title\">" +
         HtmlEscape(words.categories_chart_title) + "</title><desc id=\"category-bars-desc\">" +
         HtmlEscape(words.categories_chart_description) + "</desc>" + legend + grid + bars +
         "</svg>";
}

}  // namespace oplex::cli
