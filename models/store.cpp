#include "models/store.h"

#include <sqlite3.h>

#include <chrono>
#include <initializer_list>
#include <thread>
#include <utility>
#include <vector>

#include "models/migrations.h"

namespace oplex {
namespace {

// The person running the batch cares whether the disk, the file or oplex is at fault, so SQLite's
// result codes are sorted into those; constraint failures can only come from an inconsistent
// Extraction, which is a bug in whatever built it.
Status FromSqlite(int rc, std::string_view message) {
  std::string text(message);
  switch (rc & 0xFF) {
    case SQLITE_NOTADB:
      return Status::InvalidInput("the file is not an SQLite database");
    case SQLITE_CORRUPT:
      return Status::Corruption("the database is damaged: " + text);
    case SQLITE_BUSY:
      return Status::IoError(text + " (another connection held it for more than " +
                             std::to_string(Store::kBusyTimeoutMs / 1000) + " s)");
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_PROTOCOL:
      return Status::IoError(text);
    default:
      return Status::Internal(text);
  }
}

// Status has no setter for its message, so adding context rebuilds it with the same code.
Status WithContext(const Status& status, std::string_view context) {
  std::string message = std::string(context) + ": " + status.message();
  switch (status.code()) {
    case Status::Code::kOk:
      return status;
    case Status::Code::kInvalidInput:
      return Status::InvalidInput(std::move(message));
    case Status::Code::kCorruption:
      return Status::Corruption(std::move(message));
    case Status::Code::kNotSupported:
      return Status::NotSupported(std::move(message));
    case Status::Code::kIoError:
      return Status::IoError(std::move(message));
    case Status::Code::kInternal:
      return Status::Internal(std::move(message));
  }
  return Status::Internal(std::move(message));
}

Status ExecSql(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return Status::Ok();
  Status status = FromSqlite(rc, error != nullptr ? error : sqlite3_errmsg(db));
  sqlite3_free(error);
  return status;
}

// Runs `body` (returning a Result) between BEGIN IMMEDIATE and COMMIT and rolls back when it or
// the COMMIT fails. IMMEDIATE takes the write lock up front: a deferred transaction that reads
// first and writes later can fail with SQLITE_BUSY mid-way, which busy_timeout cannot retry.
template <typename Body>
auto InWriteTransaction(sqlite3* db, Body&& body) -> decltype(body()) {
  if (Status begun = ExecSql(db, "BEGIN IMMEDIATE"); !begun.ok()) return begun;
  auto result = body();
  Status ended = result.ok() ? ExecSql(db, "COMMIT") : Status::Ok();
  if (result.ok() && ended.ok()) return result;
  // SQLite ends the transaction by itself after some errors (a full disk, an I/O error); a
  // ROLLBACK then would only add a misleading "no transaction is active".
  if (!sqlite3_get_autocommit(db)) {
    if (Status rolled_back = ExecSql(db, "ROLLBACK"); !rolled_back.ok()) {
      const Status& cause = result.ok() ? ended : result.status();
      return WithContext(rolled_back, "rolling back after \"" + cause.message() + "\"");
    }
  }
  if (!result.ok()) return result;
  return ended;
}

// "INSERT INTO table (columns…, provenance…) VALUES (?, …)": the record's own columns are bound
// first, then the provenance from parameter columns.size() + 1 on (see BindProvenance).
std::string InsertWithProvenance(std::string_view table,
                                 std::initializer_list<std::string_view> columns) {
  std::string sql = "INSERT INTO " + std::string(table) + " (";
  for (std::string_view column : columns) {
    sql += column;
    sql += ", ";
  }
  sql += ProvenanceColumns() + ") VALUES (?";
  for (size_t i = 1; i < columns.size() + kProvenanceColumnCount; ++i) sql += ", ?";
  return sql + ")";
}

void BindProvenance(Statement& statement, int first, const Provenance& p) {
  statement.Bind(first, p.page).Bind(first + 1, p.line).Bind(first + 2, p.last_line);
  if (p.bbox) {
    statement.Bind(first + 3, p.bbox->x0)
        .Bind(first + 4, p.bbox->y0)
        .Bind(first + 5, p.bbox->x1)
        .Bind(first + 6, p.bbox->y1);
  } else {
    statement.BindNull(first + 3).BindNull(first + 4).BindNull(first + 5).BindNull(first + 6);
  }
  statement.Bind(first + 7, p.extractor).Bind(first + 8, p.confidence);
}

// Binds value, raw, estimated, not_quantified. An absent quantity is NULL with both flags 0,
// which the schema's CHECKs require.
void BindQuantity(Statement& statement, int first, const std::optional<Quantity>& q) {
  if (q) {
    statement.Bind(first, q->value)
        .Bind(first + 1, q->raw)
        .Bind(first + 2, q->estimated ? 1 : 0)
        .Bind(first + 3, q->not_quantified ? 1 : 0);
  } else {
    statement.BindNull(first).BindNull(first + 1).Bind(first + 2, 0).Bind(first + 3, 0);
  }
}

// Runs an INSERT … RETURNING id and leaves the statement ready for the next row.
Result<int64_t> InsertReturningId(Statement& statement) {
  Result<bool> row = statement.Step();
  if (!row.ok() || !*row) {
    statement.Reset();
    if (!row.ok()) return row.status();
    return Status::Internal("an INSERT ... RETURNING id returned no row");
  }
  int64_t id = statement.Int64(0);
  if (Status done = statement.Run(); !done.ok()) return done;
  return id;
}

// Cross-references in an Extraction are vector indexes; a dangling one means whatever built the
// Extraction is wrong, so the document is refused rather than stored with a broken link.
Result<std::optional<int64_t>> RowIdOf(const std::optional<size_t>& index,
                                       const std::vector<int64_t>& ids, std::string_view vector) {
  if (!index) return std::optional<int64_t>();
  if (*index >= ids.size()) {
    return Status::Internal("dangling reference to " + std::string(vector) + "[" +
                            std::to_string(*index) + "] (only " + std::to_string(ids.size()) + " " +
                            std::string(vector) + " are stored before it)");
  }
  return std::optional<int64_t>(ids[*index]);
}

std::string Where(std::string_view vector, size_t index, std::string_view code = "") {
  std::string where = std::string(vector) + "[" + std::to_string(index) + "]";
  if (!code.empty()) where += " (" + std::string(code) + ")";
  return where;
}

Result<int64_t> InsertDocument(Store& store, const DocumentInfo& d) {
  if (d.institute) {
    Result<Statement> institute =
        store.Prepare("INSERT INTO institute (code) VALUES (?) ON CONFLICT (code) DO NOTHING");
    if (!institute.ok()) return institute.status();
    if (Status s = institute->Bind(1, *d.institute).Run(); !s.ok()) {
      return WithContext(s, "institute " + *d.institute);
    }
  }
  Result<Statement> document = store.Prepare(
      "INSERT INTO document (sha256, path, kind, institute, year, period, title, pages, "
      "source_format, pipeline_version, ingested_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) RETURNING id");
  if (!document.ok()) return document.status();
  document->Bind(1, d.sha256)
      .Bind(2, d.path)
      .Bind(3, ToString(d.kind))
      .Bind(4, d.institute)
      .Bind(5, d.year)
      .Bind(6, d.period)
      .Bind(7, d.title)
      .Bind(8, d.pages)
      .Bind(9, d.source_format)
      .Bind(10, OPLEX_VERSION);
  Result<int64_t> id = InsertReturningId(*document);
  if (!id.ok()) return WithContext(id.status(), "document " + d.path);
  return id;
}

Result<std::vector<int64_t>> InsertSections(Store& store, int64_t document_id,
                                            const std::vector<Section>& sections) {
  Result<Statement> insert = store.Prepare(
      InsertWithProvenance("section", {"document_id", "parent_id", "kind", "code", "title"}) +
      " RETURNING id");
  if (!insert.ok()) return insert.status();
  std::vector<int64_t> ids;
  ids.reserve(sections.size());
  for (size_t i = 0; i < sections.size(); ++i) {
    const Section& section = sections[i];
    // Only the sections already written have ids, which is what makes a parent come first.
    Result<std::optional<int64_t>> parent = RowIdOf(section.parent, ids, "sections");
    if (!parent.ok()) return WithContext(parent.status(), Where("sections", i, section.code));
    insert->Bind(1, document_id)
        .Bind(2, *parent)
        .Bind(3, ToString(section.kind))
        .Bind(4, section.code)
        .Bind(5, section.title);
    BindProvenance(*insert, 6, section.provenance);
    Result<int64_t> id = InsertReturningId(*insert);
    if (!id.ok()) return WithContext(id.status(), Where("sections", i, section.code));
    ids.push_back(*id);
  }
  return ids;
}

// The statements that write an activity and what hangs off it, prepared once per Put.
struct ActivityStatements {
  Statement activity;
  Statement month;
  Statement beneficiary;
  Statement count;
};

Result<ActivityStatements> PrepareActivityStatements(Store& store) {
  Result<Statement> activity = store.Prepare(
      InsertWithProvenance(
          "activity", {"document_id", "section_id", "code", "text", "unit", "annual_value",
                       "annual_raw", "annual_estimated", "annual_not_quantified", "months_mask"}) +
      " RETURNING id");
  if (!activity.ok()) return activity.status();
  Result<Statement> month = store.Prepare(InsertWithProvenance(
      "activity_month", {"activity_id", "month", "planned_value", "planned_raw",
                         "planned_estimated", "planned_not_quantified", "marked", "weeks"}));
  if (!month.ok()) return month.status();
  Result<Statement> beneficiary = store.Prepare(
      InsertWithProvenance("beneficiary", {"activity_id", "kinds_text", "counts_text"}) +
      " RETURNING id");
  if (!beneficiary.ok()) return beneficiary.status();
  Result<Statement> count = store.Prepare(
      "INSERT INTO beneficiary_count (beneficiary_id, position, value, raw, estimated, "
      "not_quantified) VALUES (?, ?, ?, ?, ?, ?)");
  if (!count.ok()) return count.status();
  return ActivityStatements{std::move(*activity), std::move(*month), std::move(*beneficiary),
                            std::move(*count)};
}

Status InsertBeneficiaries(ActivityStatements& statements, int64_t activity_id,
                           const std::vector<Beneficiary>& beneficiaries) {
  for (size_t i = 0; i < beneficiaries.size(); ++i) {
    const Beneficiary& b = beneficiaries[i];
    statements.beneficiary.Bind(1, activity_id).Bind(2, b.kinds_text).Bind(3, b.counts_text);
    BindProvenance(statements.beneficiary, 4, b.provenance);
    Result<int64_t> id = InsertReturningId(statements.beneficiary);
    if (!id.ok()) return WithContext(id.status(), Where("beneficiaries", i));
    for (size_t position = 1; position <= b.counts.size(); ++position) {
      statements.count.Bind(1, *id).Bind(2, static_cast<int64_t>(position));
      BindQuantity(statements.count, 3, b.counts[position - 1]);
      if (Status s = statements.count.Run(); !s.ok()) {
        return WithContext(
            s, Where("beneficiaries", i) + ".counts[" + std::to_string(position - 1) + "]");
      }
    }
  }
  return Status::Ok();
}

Result<int64_t> InsertActivity(ActivityStatements& statements, int64_t document_id,
                               std::optional<int64_t> section_id, const Activity& a) {
  statements.activity.Bind(1, document_id)
      .Bind(2, section_id)
      .Bind(3, a.code)
      .Bind(4, a.text)
      .Bind(5, a.unit);
  BindQuantity(statements.activity, 6, a.annual);
  if (a.months.known()) {
    statements.activity.Bind(10, static_cast<int64_t>(a.months.bits()));
  } else {
    statements.activity.BindNull(10);
  }
  BindProvenance(statements.activity, 11, a.provenance);
  Result<int64_t> id = InsertReturningId(statements.activity);
  if (!id.ok()) return id.status();

  for (const MonthValue& m : a.month_values) {
    statements.month.Bind(1, *id).Bind(2, m.month);
    BindQuantity(statements.month, 3, m.planned);
    statements.month.Bind(7, m.marked ? 1 : 0);
    if (m.weeks.empty()) {
      statements.month.BindNull(8);
    } else {
      statements.month.Bind(8, m.weeks);
    }
    BindProvenance(statements.month, 9, m.provenance);
    if (Status s = statements.month.Run(); !s.ok()) {
      return WithContext(s, "month " + std::to_string(m.month));
    }
  }
  if (Status s = InsertBeneficiaries(statements, *id, a.beneficiaries); !s.ok()) return s;
  return id;
}

Result<std::vector<int64_t>> InsertActivities(Store& store, int64_t document_id,
                                              const std::vector<Activity>& activities,
                                              const std::vector<int64_t>& section_ids) {
  Result<ActivityStatements> statements = PrepareActivityStatements(store);
  if (!statements.ok()) return statements.status();
  std::vector<int64_t> ids;
  ids.reserve(activities.size());
  for (size_t i = 0; i < activities.size(); ++i) {
    const Activity& a = activities[i];
    Result<std::optional<int64_t>> section = RowIdOf(a.section, section_ids, "sections");
    Result<int64_t> id = section.ok() ? InsertActivity(*statements, document_id, *section, a)
                                      : Result<int64_t>(section.status());
    if (!id.ok()) return WithContext(id.status(), Where("activities", i, a.code));
    ids.push_back(*id);
  }
  return ids;
}

Status InsertDeliverables(Store& store, int64_t document_id,
                          const std::vector<Deliverable>& deliverables,
                          const std::vector<int64_t>& section_ids,
                          const std::vector<int64_t>& activity_ids) {
  Result<Statement> insert = store.Prepare(
      InsertWithProvenance("deliverable", {"document_id", "section_id", "activity_id", "text"}) +
      " RETURNING id");
  if (!insert.ok()) return insert.status();
  Result<Statement> link =
      store.Prepare("INSERT INTO activity_deliverable (deliverable_id, activity_id) VALUES (?, ?)");
  if (!link.ok()) return link.status();
  for (size_t i = 0; i < deliverables.size(); ++i) {
    const Deliverable& d = deliverables[i];
    Result<std::optional<int64_t>> section = RowIdOf(d.section, section_ids, "sections");
    if (!section.ok()) return WithContext(section.status(), Where("deliverables", i));
    Result<std::optional<int64_t>> activity = RowIdOf(d.activity, activity_ids, "activities");
    if (!activity.ok()) return WithContext(activity.status(), Where("deliverables", i));
    insert->Bind(1, document_id).Bind(2, *section).Bind(3, *activity).Bind(4, d.text);
    BindProvenance(*insert, 5, d.provenance);
    Result<int64_t> id = InsertReturningId(*insert);
    if (!id.ok()) return WithContext(id.status(), Where("deliverables", i));
    std::vector<std::optional<size_t>> members;
    if (d.activity) members.push_back(d.activity);
    members.insert(members.end(), d.spanned.begin(), d.spanned.end());
    for (const std::optional<size_t>& member : members) {
      Result<std::optional<int64_t>> member_id = RowIdOf(member, activity_ids, "activities");
      if (!member_id.ok()) return WithContext(member_id.status(), Where("deliverables", i));
      link->Bind(1, *id).Bind(2, **member_id);
      if (Status s = link->Run(); !s.ok()) return WithContext(s, Where("deliverables", i));
    }
  }
  return Status::Ok();
}

Status InsertStatedTotals(Store& store, int64_t document_id, const std::vector<StatedTotal>& totals,
                          const std::vector<int64_t>& section_ids) {
  Result<Statement> insert = store.Prepare(InsertWithProvenance(
      "stated_total", {"document_id", "what", "section_id", "scope_code", "value"}));
  if (!insert.ok()) return insert.status();
  for (size_t i = 0; i < totals.size(); ++i) {
    const StatedTotal& t = totals[i];
    Result<std::optional<int64_t>> scope = RowIdOf(t.scope, section_ids, "sections");
    if (!scope.ok()) return WithContext(scope.status(), Where("stated_totals", i, t.scope_code));
    insert->Bind(1, document_id)
        .Bind(2, ToString(t.what))
        .Bind(3, *scope)
        .Bind(4, t.scope_code)
        .Bind(5, t.value);
    BindProvenance(*insert, 6, t.provenance);
    if (Status s = insert->Run(); !s.ok()) {
      return WithContext(s, Where("stated_totals", i, t.scope_code));
    }
  }
  return Status::Ok();
}

Status InsertFindings(Store& store, int64_t document_id, const std::vector<Finding>& findings,
                      const std::vector<int64_t>& activity_ids) {
  Result<Statement> insert = store.Prepare(InsertWithProvenance(
      "finding", {"document_id", "activity_id", "severity", "code", "message", "raw_text"}));
  if (!insert.ok()) return insert.status();
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    Result<std::optional<int64_t>> activity = RowIdOf(f.activity, activity_ids, "activities");
    if (!activity.ok()) return WithContext(activity.status(), Where("findings", i, f.code));
    insert->Bind(1, document_id)
        .Bind(2, *activity)
        .Bind(3, ToString(f.severity))
        .Bind(4, f.code)
        .Bind(5, f.message)
        .Bind(6, f.raw_text);
    BindProvenance(*insert, 7, f.provenance);
    if (Status s = insert->Run(); !s.ok()) return WithContext(s, Where("findings", i, f.code));
  }
  return Status::Ok();
}

}  // namespace

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)), bind_status_(std::move(other.bind_status_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    bind_status_ = std::move(other.bind_status_);
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::NoteBind(int rc, int index) {
  if (rc != SQLITE_OK && bind_status_.ok()) {
    bind_status_ = Status::Internal("cannot bind parameter " + std::to_string(index) + " of \"" +
                                    sqlite3_sql(stmt_) + "\": " + sqlite3_errstr(rc));
  }
}

Statement& Statement::Bind(int index, int64_t value) {
  NoteBind(sqlite3_bind_int64(stmt_, index, value), index);
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  NoteBind(sqlite3_bind_double(stmt_, index, value), index);
  return *this;
}

Statement& Statement::Bind(int index, std::string_view value) {
  NoteBind(
      sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
      index);
  return *this;
}

Statement& Statement::BindNull(int index) {
  NoteBind(sqlite3_bind_null(stmt_, index), index);
  return *this;
}

Result<bool> Statement::Step() {
  if (!bind_status_.ok()) return bind_status_;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return FromSqlite(rc, sqlite3_errmsg(sqlite3_db_handle(stmt_)));
}

Status Statement::Run() {
  Result<bool> row = Step();
  while (row.ok() && *row) row = Step();
  Reset();
  return row.status();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_status_ = Status::Ok();
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

int64_t Statement::Int64(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::Double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::optional<int64_t> Statement::OptionalInt64(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Int64(column);
}

std::optional<int> Statement::OptionalInt(int column) const {
  if (IsNull(column)) return std::nullopt;
  return sqlite3_column_int(stmt_, column);
}

std::optional<double> Statement::OptionalDouble(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Double(column);
}

std::optional<std::string> Statement::OptionalText(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}

Result<std::unique_ptr<Store>> Store::Open(const std::filesystem::path& db_path) {
  sqlite3* db = nullptr;
  int rc =
      sqlite3_open_v2(db_path.c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  // The Store owns the handle from here on, so that every early return closes it; SQLite
  // allocates one even when opening fails, to carry the error message.
  std::unique_ptr<Store> store(new Store(db));
  const std::string context = "cannot open database " + db_path.string();
  if (rc != SQLITE_OK) return WithContext(FromSqlite(rc, sqlite3_errmsg(db)), context);
  if (Status s = store->Configure(); !s.ok()) return WithContext(s, context);
  if (Status s = store->Migrate(); !s.ok()) return WithContext(s, context);
  return store;
}

Store::~Store() { sqlite3_close_v2(db_); }

Status Store::Configure() {
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  // foreign_keys is off by default and per connection; without it ON DELETE CASCADE is inert.
  // NORMAL synchronous is durable enough in WAL mode: a power cut can lose the last commits,
  // which a resumed batch redoes, but never corrupts the file.
  return ExecSql(db_, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL");
}

// WAL lets readers run beside the one writer. The mode is stored in the file, and switching to
// it takes an exclusive lock that SQLite asks for once, bypassing the busy handler: when several
// workers open a new file together, all but one get SQLITE_BUSY. So wait here as busy_timeout
// would. Once the file is in WAL mode the pragma is a no-op that takes no lock.
Status Store::UseWal() {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  int rc = SQLITE_OK;
  while ((rc = sqlite3_exec(db_, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr)) ==
             SQLITE_BUSY &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (rc != SQLITE_OK) return FromSqlite(rc, sqlite3_errmsg(db_));
  return Status::Ok();
}

Status Store::Migrate() {
  auto read_version = [this]() -> Result<int> {
    Result<Statement> pragma = Prepare("PRAGMA user_version");
    if (!pragma.ok()) return pragma.status();
    Result<bool> row = pragma->Step();
    if (!row.ok()) return row.status();
    return static_cast<int>(pragma->Int64(0));
  };
  auto check_known = [](int version) {
    if (version <= LatestSchemaVersion()) return Status::Ok();
    return Status::NotSupported("its schema version is " + std::to_string(version) +
                                ", newer than the latest this oplex knows (" +
                                std::to_string(LatestSchemaVersion()) +
                                "); use the oplex that wrote it or a newer one");
  };

  // Reading the header first is also what exposes a file that is not a database, before
  // anything (the journal mode included) is written to it. The version and the tables are read
  // in one statement, so from one snapshot: another worker may be creating the schema meanwhile.
  int version = 0;
  int64_t tables = 0;
  {
    Result<Statement> header = Prepare(
        "SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM "
        "sqlite_schema)");
    if (!header.ok()) return header.status();
    if (Result<bool> row = header->Step(); !row.ok()) return row.status();
    version = static_cast<int>(header->Int64(0));
    tables = header->Int64(1);
  }  // the statement goes, and with it the snapshot
  if (Status s = check_known(version); !s.ok()) return s;
  if (version == 0 && tables > 0) {
    // Version 0 with tables in it is some other program's database: creating ours beside them
    // would mix the two, so it is refused before anything is written.
    return Status::InvalidInput(
        "it is an SQLite database, but not one oplex created (it has tables and no schema "
        "version)");
  }
  if (Status s = UseWal(); !s.ok()) return s;
  if (version == LatestSchemaVersion()) {
    schema_version_ = version;
    return Status::Ok();
  }

  Result<int> migrated = InWriteTransaction(db_, [&]() -> Result<int> {
    // Another process may have migrated between the first read and taking the write lock.
    Result<int> current = read_version();
    if (!current.ok()) return current.status();
    if (Status s = check_known(*current); !s.ok()) return s;
    for (const Migration& m : Migrations()) {
      if (m.version <= *current) continue;
      Status applied = ExecSql(db_, std::string(m.sql));
      if (applied.ok()) {
        applied = ExecSql(db_, "PRAGMA user_version = " + std::to_string(m.version));
      }
      if (!applied.ok()) {
        return WithContext(applied, "migration " + std::to_string(m.version) + " (" +
                                        std::string(m.description) + ")");
      }
    }
    return LatestSchemaVersion();
  });
  if (!migrated.ok()) return migrated.status();
  schema_version_ = *migrated;
  return Status::Ok();
}

Result<Statement> Store::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return FromSqlite(rc, sqlite3_errmsg(db_));
  if (stmt == nullptr) return Status::Internal("no SQL statement in \"" + std::string(sql) + "\"");
  return Statement(stmt);
}

Status Store::Exec(const std::string& sql) { return ExecSql(db_, sql); }

Result<std::optional<int64_t>> Store::FindDocument(const std::string& sha256) {
  Result<Statement> find = Prepare("SELECT id FROM document WHERE sha256 = ?");
  if (!find.ok()) return find.status();
  Result<bool> row = find->Bind(1, sha256).Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<int64_t>();
  return std::optional<int64_t>(find->Int64(0));
}

Result<Store::PutOutcome> Store::Put(const Extraction& e, bool replace) {
  return InWriteTransaction(db_, [&] { return PutInTransaction(e, replace); });
}

Result<Store::PutOutcome> Store::PutInTransaction(const Extraction& e, bool replace) {
  Result<std::optional<int64_t>> existing = FindDocument(e.document.sha256);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) {
    if (!replace) return PutOutcome::kUnchanged;
    Result<Statement> remove = Prepare("DELETE FROM document WHERE id = ?");
    if (!remove.ok()) return remove.status();
    if (Status s = remove->Bind(1, **existing).Run(); !s.ok()) {
      return WithContext(s, "removing the stored copy of " + e.document.path);
    }
  }
  Result<int64_t> document_id = InsertDocument(*this, e.document);
  if (!document_id.ok()) return document_id.status();
  Result<std::vector<int64_t>> section_ids = InsertSections(*this, *document_id, e.sections);
  if (!section_ids.ok()) return section_ids.status();
  Result<std::vector<int64_t>> activity_ids =
      InsertActivities(*this, *document_id, e.activities, *section_ids);
  if (!activity_ids.ok()) return activity_ids.status();
  if (Status s =
          InsertDeliverables(*this, *document_id, e.deliverables, *section_ids, *activity_ids);
      !s.ok()) {
    return s;
  }
  if (Status s = InsertStatedTotals(*this, *document_id, e.stated_totals, *section_ids); !s.ok()) {
    return s;
  }
  if (Status s = InsertFindings(*this, *document_id, e.findings, *activity_ids); !s.ok()) {
    return s;
  }
  return existing->has_value() ? PutOutcome::kReplaced : PutOutcome::kInserted;
}

}  // namespace oplex
