#include "models/plan_key.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "models/snapshot.h"
#include "models/store.h"
#include "pipeline/normalize/fold.h"

namespace oplex {
namespace {

// The fewest words a title needs for another that contains it to be its plan: "Informe" or
// "Programa anual" alone would join every plan of a year.
constexpr size_t kLeastContainedWords = 3;

bool Contains(const std::vector<std::string>& longer, const std::vector<std::string>& shorter) {
  return shorter.size() >= kLeastContainedWords && shorter.size() < longer.size() &&
         std::search(longer.begin(), longer.end(), shorter.begin(), shorter.end()) != longer.end();
}

std::string Joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// An excerpt (a document missing its institute, year or kind: pages of a plan whose title and
// heading are not among them) joins a plan only when it has at least this many activities, and
// this share of them is found in the plan: the same code, with this share of their words.
constexpr size_t kLeastExcerptActivities = 3;
constexpr double kExcerptFound = 0.8;
constexpr double kExcerptWords = 0.8;

bool SameActivity(const std::set<std::string>& excerpt, const std::vector<std::string>& plan) {
  if (excerpt.empty()) return false;
  const std::set<std::string> words(plan.begin(), plan.end());
  const auto found = std::count_if(excerpt.begin(), excerpt.end(),
                                   [&](const std::string& w) { return words.contains(w); });
  return static_cast<double>(found) >= kExcerptWords * static_cast<double>(excerpt.size());
}

// The key of the plan document `id` of `group` (missing its institute, year or kind) is an
// excerpt of: the one plan of documents that know all three, agree with what it knows, and hold
// its activities (see above); nullopt when none or more than one do.
Result<std::optional<std::string>> ExcerptPlan(Store& store, int64_t id, const PlanGroup& group) {
  Result<Statement> count = store.Prepare("SELECT count(*) FROM activity WHERE document_id = ?");
  if (!count.ok()) return count.status();
  Result<bool> counted = count->Bind(1, id).Step();
  if (!counted.ok()) return counted.status();
  const auto activities = static_cast<size_t>(count->Int64(0));
  if (activities < kLeastExcerptActivities) return std::optional<std::string>();

  Result<Statement> plans = store.Prepare(
      "SELECT DISTINCT o.plan_key, b.code, b.text FROM activity AS a "
      "JOIN activity AS b ON b.code = a.code AND b.document_id <> a.document_id "
      "JOIN document AS o ON o.id = b.document_id "
      "WHERE a.document_id = ?1 AND o.plan_key IS NOT NULL AND o.institute IS NOT NULL "
      "AND o.year IS NOT NULL AND o.kind <> 'unknown' AND (?2 IS NULL OR o.institute = ?2) "
      "AND (?3 IS NULL OR o.year = ?3) AND (?4 = 'unknown' OR o.kind = ?4)");
  if (!plans.ok()) return plans.status();
  plans->Bind(1, id).Bind(2, group.institute).Bind(3, group.year).Bind(4, ToString(group.kind));
  Result<Statement> own =
      store.Prepare("SELECT id, text FROM activity WHERE document_id = ? AND code = ?");
  if (!own.ok()) return own.status();
  // The excerpt's activities of each code some plan shares, read as the plans name them: an
  // excerpt of thousands of activities that no plan shares costs nothing.
  std::map<std::string, std::vector<std::pair<int64_t, std::set<std::string>>>> by_code;
  std::map<std::string, std::set<int64_t>> found;  // plan key → the activities found in it
  Status read = ForEachRow(*plans, [&]() -> Status {
    const std::string code = plans->Text(1);
    const auto mine = by_code.try_emplace(code).first;
    if (mine->second.empty()) {
      own->Bind(1, id).Bind(2, code);
      Status listed = ForEachRow(*own, [&]() -> Status {
        const std::vector<std::string> text = TitleWords(own->Text(1));
        mine->second.emplace_back(own->Int64(0), std::set<std::string>(text.begin(), text.end()));
        return Status::Ok();
      });
      if (!listed.ok()) return listed;
    }
    const std::vector<std::string> text = TitleWords(plans->Text(2));
    for (const auto& [activity, words] : mine->second) {
      if (SameActivity(words, text)) found[plans->Text(0)].insert(activity);
    }
    return Status::Ok();
  });
  if (!read.ok()) return read;
  std::optional<std::string> key;
  for (const auto& [plan, in_plan] : found) {
    if (static_cast<double>(in_plan.size()) < kExcerptFound * static_cast<double>(activities)) {
      continue;
    }
    if (key) return std::optional<std::string>();  // two plans: which is it?
    key = plan;
  }
  return key;
}

// Union-find over the editions.
class Plans {
 public:
  explicit Plans(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), size_t{0}); }
  size_t Find(size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void Join(size_t a, size_t b) { parent_[Find(a)] = Find(b); }

 private:
  std::vector<size_t> parent_;
};

}  // namespace

std::vector<std::string> TitleWords(std::string_view title) {
  std::vector<std::string> words;
  std::string word;
  const std::string folded = Fold(title);
  const int32_t length = static_cast<int32_t>(folded.size());
  for (int32_t at = 0; at < length;) {
    const int32_t start = at;
    UChar32 c = 0;
    U8_NEXT(folded.data(), at, length, c);
    if (c >= 0 && u_isalnum(c)) {
      word.append(folded, start, at - start);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::vector<std::string> PlanTitles(std::span<const PlanEdition> editions) {
  const size_t n = editions.size();
  std::vector<std::vector<std::string>> words(n);
  for (size_t i = 0; i < n; ++i) words[i] = TitleWords(editions[i].title);
  auto periods_agree = [&](size_t a, size_t b) {
    return !editions[a].period || !editions[b].period || *editions[a].period == *editions[b].period;
  };
  auto same = [&](size_t a, size_t b) { return periods_agree(a, b) && words[a] == words[b]; };
  auto contains = [&](size_t a, size_t b) {
    return periods_agree(a, b) && Contains(words[a], words[b]);
  };

  Plans plans(n);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      if (same(i, j)) plans.Join(i, j);
    }
  }
  for (size_t s = 0; s < n; ++s) {
    std::vector<size_t> containers;
    for (size_t l = 0; l < n; ++l) {
      if (contains(l, s)) containers.push_back(l);
    }
    // Two titles holding this one that are not one plan between them: which is it part of?
    bool ambiguous = false;
    for (size_t a = 0; a < containers.size() && !ambiguous; ++a) {
      for (size_t b = a + 1; b < containers.size() && !ambiguous; ++b) {
        const size_t x = containers[a], y = containers[b];
        ambiguous = !same(x, y) && !contains(x, y) && !contains(y, x);
      }
    }
    if (ambiguous) continue;
    for (size_t l : containers) plans.Join(s, l);
  }
  // An edition without a title (pages from the middle of a plan: a partial scan) is the one plan
  // of its institute, year and kind, when there is one and its periods agree.
  std::set<size_t> titled;
  for (size_t i = 0; i < n; ++i) {
    if (!words[i].empty()) titled.insert(plans.Find(i));
  }
  for (size_t u = 0; u < n && titled.size() == 1; ++u) {
    if (!words[u].empty()) continue;
    bool agree = true;
    for (size_t t = 0; t < n; ++t) agree = agree && (words[t].empty() || periods_agree(u, t));
    if (agree) plans.Join(u, *titled.begin());
  }

  // Each plan's title: its longest (then first in order), with its reporting periods after it
  // when another plan has the same title (the same report for two quarters).
  std::vector<const std::vector<std::string>*> longest(n, nullptr);
  std::vector<std::set<std::string>> periods(n);
  for (size_t i = 0; i < n; ++i) {
    const size_t plan = plans.Find(i);
    const std::vector<std::string>*& best = longest[plan];
    if (best == nullptr || words[i].size() > best->size() ||
        (words[i].size() == best->size() && words[i] < *best)) {
      best = &words[i];
    }
    if (editions[i].period) periods[plan].insert(*editions[i].period);
  }
  std::map<std::string, std::set<size_t>> plans_titled;
  for (size_t i = 0; i < n; ++i)
    plans_titled[Joined(*longest[plans.Find(i)])].insert(plans.Find(i));
  std::vector<std::string> titles(n);
  for (size_t i = 0; i < n; ++i) {
    const size_t plan = plans.Find(i);
    titles[i] = Joined(*longest[plan]);
    if (plans_titled[titles[i]].size() > 1) {
      for (const std::string& period : periods[plan]) titles[i] += " " + period;
    }
  }
  return titles;
}

namespace {

// The keys of a group missing its institute, year or kind: each document's excerpt plan, or NULL.
Status UpdateExcerptKeys(Store& store, const PlanGroup& group, const std::string& where) {
  Result<Statement> list = store.Prepare("SELECT id FROM document" + where);
  if (!list.ok()) return list.status();
  list->Bind(1, group.institute).Bind(2, group.year).Bind(3, ToString(group.kind));
  std::vector<int64_t> ids;
  Status read = ForEachRow(*list, [&]() -> Status {
    ids.push_back(list->Int64(0));
    return Status::Ok();
  });
  if (!read.ok()) return read;
  Result<Statement> update = store.Prepare("UPDATE document SET plan_key = ?2 WHERE id = ?1");
  if (!update.ok()) return update.status();
  for (int64_t id : ids) {
    Result<std::optional<std::string>> key = ExcerptPlan(store, id, group);
    if (!key.ok()) return key.status();
    if (Status s = update->Bind(1, id).Bind(2, *key).Run(); !s.ok()) return s;
  }
  return Status::Ok();
}

// UpdatePlanKeys for each group `list` gives (institute, year, kind).
Status UpdateGroups(Store& store, Statement& list) {
  std::vector<PlanGroup> groups;
  Status read = ForEachRow(list, [&]() -> Status {
    groups.push_back({list.OptionalText(0), list.OptionalInt(1),
                      DocumentKindFromText(list.Text(2)).value_or(DocumentKind::kUnknown)});
    return Status::Ok();
  });
  if (!read.ok()) return read;
  for (const PlanGroup& g : groups) {
    if (Status s = UpdatePlanKeys(store, g); !s.ok()) return s;
  }
  return Status::Ok();
}

// After the plans of `group` (which knows its institute, year and kind) changed: the keys of the
// groups missing a part that agree with it, whose excerpts may be of its plans.
Status UpdateExcerptsOf(Store& store, const PlanGroup& group) {
  Result<Statement> list = store.Prepare(
      "SELECT DISTINCT institute, year, kind FROM document "
      "WHERE (institute IS NULL OR year IS NULL OR kind = 'unknown') "
      "AND (institute IS NULL OR institute = ?1) AND (year IS NULL OR year = ?2) "
      "AND (kind = 'unknown' OR kind = ?3)");
  if (!list.ok()) return list.status();
  list->Bind(1, group.institute).Bind(2, group.year).Bind(3, ToString(group.kind));
  return UpdateGroups(store, *list);
}

}  // namespace

Status UpdatePlanKeys(Store& store, const PlanGroup& group) {
  // `IS` compares NULL with NULL as equal: a group missing a part is found too.
  const std::string where = " WHERE institute IS ?1 AND year IS ?2 AND kind = ?3";
  const std::string kind = ToString(group.kind);
  if (!group.institute || !group.year || group.kind == DocumentKind::kUnknown) {
    return UpdateExcerptKeys(store, group, where);
  }
  Result<Statement> list =
      store.Prepare("SELECT id, title, period, plan_key FROM document" + where + " ORDER BY id");
  if (!list.ok()) return list.status();
  list->Bind(1, group.institute).Bind(2, group.year).Bind(3, kind);
  std::vector<int64_t> ids;
  std::vector<PlanEdition> editions;
  std::vector<std::optional<std::string>> keys;
  Status read = ForEachRow(*list, [&]() -> Status {
    ids.push_back(list->Int64(0));
    editions.push_back({list->Text(1), list->OptionalText(2)});
    keys.push_back(list->OptionalText(3));
    return Status::Ok();
  });
  if (!read.ok()) return read;

  Result<Statement> update = store.Prepare("UPDATE document SET plan_key = ?2 WHERE id = ?1");
  if (!update.ok()) return update.status();
  const std::string prefix = *group.institute + " " + std::to_string(*group.year) + " " + kind;
  const std::vector<std::string> titles = PlanTitles(editions);
  for (size_t i = 0; i < ids.size(); ++i) {
    const std::string key = titles[i].empty() ? prefix : prefix + " " + titles[i];
    if (keys[i] == key) continue;
    if (Status s = update->Bind(1, ids[i]).Bind(2, key).Run(); !s.ok()) return s;
  }
  return UpdateExcerptsOf(store, group);
}

Status UpdateAllPlanKeys(Store& store) {
  Result<Statement> list = store.Prepare("SELECT DISTINCT institute, year, kind FROM document");
  if (!list.ok()) return list.status();
  return UpdateGroups(store, *list);
}

Result<PlanGroup> PlanGroupOf(Store& store, int64_t id) {
  Result<Statement> find = store.Prepare("SELECT institute, year, kind FROM document WHERE id = ?");
  if (!find.ok()) return find.status();
  Result<bool> row = find->Bind(1, id).Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::InvalidInput("no document " + std::to_string(id));
  return PlanGroup{find->OptionalText(0), find->OptionalInt(1),
                   DocumentKindFromText(find->Text(2)).value_or(DocumentKind::kUnknown)};
}

}  // namespace oplex
