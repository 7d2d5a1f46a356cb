#include "models/compare.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>
#include <tuple>
#include <utility>

#include "models/queries.h"
#include "models/snapshot.h"

namespace oplex {
namespace {

// The filter as SQL over any of the comparison views (they all have institute, year and
// document_kind): ?1 is ",CODE,CODE," in upper case (NULL: every institute; codes hold no
// comma, the CLI splits on them), ?2 the year, ?3 the kind.
constexpr char kWhere[] =
    " WHERE (?1 IS NULL OR instr(?1, ',' || upper(institute) || ',') > 0)"
    " AND (?2 IS NULL OR year = ?2) AND (?3 IS NULL OR document_kind = ?3)";

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

void BindFilter(Statement& statement, const CompareFilter& filter) {
  if (filter.institutes.empty()) {
    statement.BindNull(1);
  } else {
    std::string list = ",";
    for (const std::string& code : filter.institutes) list += Upper(code) + ",";
    statement.Bind(1, std::string_view(list));
  }
  statement.Bind(2, filter.year);
  if (filter.kind) {
    statement.Bind(3, std::string_view(ToString(*filter.kind)));
  } else {
    statement.BindNull(3);
  }
}

using ColumnKey = std::pair<std::optional<std::string>, std::optional<int>>;

// Collects the columns as the rows of the three views name them, each once.
class Columns {
 public:
  explicit Columns(size_t categories) : categories_(categories) {}

  // The column of the row's institute (column 0) and year (column 1).
  InstituteYear& For(const Statement& row) {
    ColumnKey key{row.OptionalText(0), row.OptionalInt(1)};
    auto [it, added] = index_.try_emplace(key, columns_.size());
    if (added) {
      InstituteYear column;
      column.institute = key.first;
      column.year = key.second;
      column.category_activities.assign(categories_, 0);
      for (int m = 1; m <= 12; ++m) column.months[m - 1].month = m;
      columns_.push_back(std::move(column));
    }
    return columns_[it->second];
  }

  // Puts the columns in the order Comparison::columns promises.
  void Finish(const CompareFilter& filter, Comparison* comparison) && {
    std::vector<size_t> position(columns_.size(), 0);  // of the column's institute in the filter
    for (size_t c = 0; c < columns_.size(); ++c) {
      for (size_t i = 0; columns_[c].institute && i < filter.institutes.size(); ++i) {
        if (Upper(filter.institutes[i]) == Upper(*columns_[c].institute)) {
          position[c] = i;
          break;
        }
      }
    }
    auto rank = [&](size_t c) {
      // Unknown institutes and years sort after known ones.
      const InstituteYear& column = columns_[c];
      return std::make_tuple(!column.institute, position[c], column.institute.value_or(""),
                             !column.year, column.year.value_or(0));
    };
    std::vector<size_t> order(columns_.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rank(a) < rank(b); });
    for (size_t c : order) comparison->columns.push_back(std::move(columns_[c]));
  }

 private:
  size_t categories_;
  std::map<ColumnKey, size_t> index_;
  std::vector<InstituteYear> columns_;
};

Result<std::vector<CategoryInfo>> ReadCategories(Store& store) {
  Result<Statement> categories =
      store.Prepare("SELECT slug, label, rank FROM category ORDER BY rank, slug");
  if (!categories.ok()) return categories.status();
  std::vector<CategoryInfo> out;
  Status s = ForEachRow(*categories, [&] {
    out.push_back(
        {categories->Text(0), categories->Text(1), static_cast<int>(categories->Int64(2))});
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

// Documents, activities and indicators per column, and the plans that have no indicator.
Status ReadCoverage(Store& store, const CompareFilter& filter, Columns& columns) {
  Result<Statement> totals = store.Prepare(
      std::string("SELECT institute, year, count(*), sum(document_kind = 'work_plan'), "
                  "sum(activities), sum(indicators), sum(indicators_linked), "
                  "sum(activities_with_indicator), sum(editions) - count(*) "
                  "FROM v_indicator_coverage") +
      kWhere + " GROUP BY institute, year");
  if (!totals.ok()) return totals.status();
  BindFilter(*totals, filter);
  Status s = ForEachRow(*totals, [&] {
    InstituteYear& c = columns.For(*totals);
    c.documents = totals->Int64(2);
    c.plans = totals->Int64(3);
    c.activities = totals->Int64(4);
    c.indicators = totals->Int64(5);
    c.indicators_linked = totals->Int64(6);
    c.activities_with_indicator = totals->Int64(7);
    c.editions_not_counted = totals->Int64(8);
    return Status::Ok();
  });
  if (!s.ok()) return s;

  Result<Statement> counted = store.Prepare(
      std::string("SELECT institute, year, document_path, editions FROM v_indicator_coverage") +
      kWhere + " AND editions > 1 ORDER BY document_path, document_id");
  if (!counted.ok()) return counted.status();
  BindFilter(*counted, filter);
  s = ForEachRow(*counted, [&] {
    columns.For(*counted).counted_editions.push_back({counted->Text(2), counted->Int64(3)});
    return Status::Ok();
  });
  if (!s.ok()) return s;

  Result<Statement> unmeasured = store.Prepare(
      std::string("SELECT institute, year, document_path FROM v_indicator_coverage") + kWhere +
      " AND document_kind = 'work_plan' AND indicators = 0 ORDER BY document_path, document_id");
  if (!unmeasured.ok()) return unmeasured.status();
  BindFilter(*unmeasured, filter);
  return ForEachRow(*unmeasured, [&] {
    columns.For(*unmeasured).plans_without_indicators.push_back(unmeasured->Text(2));
    return Status::Ok();
  });
}

// Activities per category and column. v_category_share's own share is within one kind of
// document; a column may hold several, so shares are taken over the column (Share()).
Status ReadCategoryCounts(Store& store, const CompareFilter& filter,
                          const std::vector<CategoryInfo>& categories, Columns& columns) {
  Result<Statement> counts = store.Prepare(
      std::string("SELECT institute, year, category, sum(activities) FROM v_category_share") +
      kWhere + " GROUP BY institute, year, category");
  if (!counts.ok()) return counts.status();
  BindFilter(*counts, filter);
  return ForEachRow(*counts, [&]() -> Status {
    InstituteYear& c = columns.For(*counts);
    const int64_t n = counts->Int64(3);
    std::optional<std::string> slug = counts->OptionalText(2);
    if (!slug) {
      c.not_yet_classified += n;
      return Status::Ok();
    }
    auto it = std::find_if(categories.begin(), categories.end(),
                           [&](const CategoryInfo& info) { return info.slug == *slug; });
    // activity.category references category(slug), so only a file edited with the foreign
    // keys off gets here.
    if (it == categories.end()) {
      return Status::Corruption("activities of category \"" + *slug +
                                "\", which table category does not list");
    }
    c.category_activities[it - categories.begin()] += n;
    return Status::Ok();
  });
}

Status ReadMonths(Store& store, const CompareFilter& filter, Columns& columns) {
  Result<Statement> months =
      store.Prepare(std::string("SELECT institute, year, month, sum(activities_with_months), "
                                "sum(activities_scheduled), sum(activities_with_quantity), "
                                "sum(planned_quantity) FROM v_month_load") +
                    kWhere + " GROUP BY institute, year, month");
  if (!months.ok()) return months.status();
  BindFilter(*months, filter);
  return ForEachRow(*months, [&]() -> Status {
    const std::optional<int> month = months->OptionalInt(2);
    if (!month || *month < 1 || *month > 12) {
      return Status::Corruption("v_month_load gives a month outside 1-12");
    }
    MonthLoad& load = columns.For(*months).months[*month - 1];
    load.activities_with_months = months->Int64(3);
    if (load.activities_with_months > 0) load.activities_scheduled = months->Int64(4);
    load.activities_with_quantity = months->Int64(5);
    load.planned_quantity = months->OptionalDouble(6);
    return Status::Ok();
  });
}

}  // namespace

std::optional<double> InstituteYear::Share(int64_t count) const {
  if (activities == 0) return std::nullopt;
  return static_cast<double>(count) / static_cast<double>(activities);
}

Result<Comparison> Compare(Store& store, const CompareFilter& filter) {
  return InSnapshot(store, [&]() -> Result<Comparison> {
    Result<std::vector<std::string>> institutes =
        CheckFilter(store, filter.institutes, filter.year);
    if (!institutes.ok()) return institutes.status();
    Comparison comparison;
    Result<std::vector<CategoryInfo>> categories = ReadCategories(store);
    if (!categories.ok()) return categories.status();
    comparison.categories = std::move(*categories);

    Columns columns(comparison.categories.size());
    if (Status s = ReadCoverage(store, filter, columns); !s.ok()) return s;
    if (Status s = ReadCategoryCounts(store, filter, comparison.categories, columns); !s.ok()) {
      return s;
    }
    if (Status s = ReadMonths(store, filter, columns); !s.ok()) return s;
    std::move(columns).Finish(filter, &comparison);
    return comparison;
  });
}

}  // namespace oplex
