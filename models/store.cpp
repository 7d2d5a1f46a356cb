#include "models/store.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstring>
#include <initializer_list>
#include <thread>
#include <utility>
#include <vector>

#include "models/document_writer.h"
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

Status ExecSql(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return Status::Ok();
  Status status = FromSqlite(rc, error != nullptr ? error : sqlite3_errmsg(db));
  sqlite3_free(error);
  return status;
}

// Ends the write transaction open on `db`: COMMIT when `result` is a success, else (or when the
// COMMIT fails) ROLLBACK. Returns `result`, or what failed in ending it.
Status EndWrite(sqlite3* db, Status result) {
  Status ended = result.ok() ? ExecSql(db, "COMMIT") : Status::Ok();
  if (result.ok() && ended.ok()) return result;
  // SQLite ends the transaction by itself after some errors (a full disk, an I/O error); a
  // ROLLBACK then would only add a misleading "no transaction is active".
  if (!sqlite3_get_autocommit(db)) {
    if (Status rolled_back = ExecSql(db, "ROLLBACK"); !rolled_back.ok()) {
      const Status& cause = result.ok() ? ended : result;
      return WithContext(rolled_back, "rolling back after \"" + cause.message() + "\"");
    }
  }
  return result.ok() ? ended : result;
}

// Runs `body` (returning a Result) between BEGIN IMMEDIATE and COMMIT and rolls back when it or
// the COMMIT fails. IMMEDIATE takes the write lock up front: a deferred transaction that reads
// first and writes later can fail with SQLITE_BUSY mid-way, which busy_timeout cannot retry.
template <typename Body>
auto InWriteTransaction(sqlite3* db, Body&& body) -> decltype(body()) {
  if (Status begun = ExecSql(db, "BEGIN IMMEDIATE"); !begun.ok()) return begun;
  auto result = body();
  Status ended = EndWrite(db, result.status());
  if (!ended.ok()) return ended;
  return result;
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

int Statement::ColumnCount() const { return sqlite3_column_count(stmt_); }

std::string Statement::ColumnName(int column) const {
  const char* name = sqlite3_column_name(stmt_, column);
  return name != nullptr ? name : "";
}

Statement::Type Statement::ColumnType(int column) const {
  switch (sqlite3_column_type(stmt_, column)) {
    case SQLITE_INTEGER:
      return Type::kInteger;
    case SQLITE_FLOAT:
      return Type::kReal;
    case SQLITE_TEXT:
      return Type::kText;
    case SQLITE_BLOB:
      return Type::kBlob;
    default:
      return Type::kNull;
  }
}

namespace {

// `path` as an SQLite URI ("file:/a%20b.sqlite?mode=ro"): every byte but the unreserved ones and
// '/' percent-encoded, so that no '?' or '#' of a file name is read as the URI's own.
std::string FileUri(const std::filesystem::path& path, std::string_view parameters) {
  static const char* kHex = "0123456789ABCDEF";
  std::string uri = "file:";
  for (unsigned char c : path.string()) {
    if (std::isalnum(c) || std::strchr("-._~/", c) != nullptr) {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    }
  }
  return uri + "?" + std::string(parameters);
}

// Whether this process may write the file and create files beside it (a journal).
bool Writable(const std::filesystem::path& path) {
  const std::filesystem::path folder =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  return access(path.c_str(), W_OK) == 0 && access(folder.c_str(), W_OK) == 0;
}

// The value of a pragma that gives one number ("main.cache_size").
Result<int64_t> NumberPragma(Store& store, const std::string& name) {
  Result<Statement> read = store.Prepare("PRAGMA " + name);
  if (!read.ok()) return read.status();
  Result<bool> row = read->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal("PRAGMA " + name + " gave no value");
  return read->Int64(0);
}

}  // namespace

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

Result<std::unique_ptr<Store>> Store::OpenReadOnly(const std::filesystem::path& db_path) {
  const std::string context = "cannot open database " + db_path.string();
  std::error_code ec;
  if (!std::filesystem::exists(db_path, ec)) {
    return Status::IoError(context + ": no such file");
  }
  Status last;
  for (const char* parameters : {"mode=ro", "mode=ro&immutable=1"}) {
    sqlite3* db = nullptr;
    const int rc =
        sqlite3_open_v2(FileUri(db_path, parameters).c_str(), &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
    std::unique_ptr<Store> store(new Store(db));
    if (rc != SQLITE_OK) {
      last = FromSqlite(rc, sqlite3_errmsg(db));
      continue;
    }
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    // The first read is where a WAL file whose -shm cannot be made fails.
    Result<Header> header = store->ReadHeader();
    if (!header.ok()) {
      last = header.status();
      if (last.code() == Status::Code::kInvalidInput || last.code() == Status::Code::kCorruption) {
        break;
      }
      continue;
    }
    const int version = header->version;
    if (version > LatestSchemaVersion() || version == 0) break;  // Open says what is wrong
    if (version < LatestSchemaVersion()) {
      if (Writable(db_path)) break;  // migrated by Open below
      return Status::NotSupported(
          context + ": its schema version is " + std::to_string(version) +
          ", older than this oplex's (" + std::to_string(LatestSchemaVersion()) +
          ") and it cannot be migrated where it is (read-only); copy it to a writable folder and "
          "open it there once");
    }
    if (Status s = store->Exec("PRAGMA foreign_keys = ON"); !s.ok()) return WithContext(s, context);
    store->schema_version_ = version;
    return store;
  }
  if (!last.ok() && last.code() != Status::Code::kInvalidInput &&
      last.code() != Status::Code::kCorruption) {
    return WithContext(last, context);
  }
  // Not a database, not ours, newer, or older and writable: Open says so, or migrates.
  return Open(db_path);
}

Store::~Store() { sqlite3_close_v2(db_); }

Status Store::Configure() {
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  // foreign_keys is off by default and per connection; without it ON DELETE CASCADE is inert.
  // synchronous stays FULL, SQLite's default: with a rollback journal NORMAL may corrupt the file
  // on a power cut at the wrong moment (in WAL mode it could only lose the last commits).
  return ExecSql(db_, "PRAGMA foreign_keys = ON");
}

// The journal mode is stored in the file; switching a file an older oplex left in WAL mode back
// to the rollback journal takes an exclusive lock that SQLite asks for once, bypassing the busy
// handler: when several workers open the file together, all but one get SQLITE_BUSY. So wait
// here as busy_timeout would. On a file already in DELETE mode the pragma takes no lock.
Status Store::UseRollbackJournal() {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  int rc = SQLITE_OK;
  while ((rc = sqlite3_exec(db_, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr)) ==
             SQLITE_BUSY &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (rc != SQLITE_OK) return FromSqlite(rc, sqlite3_errmsg(db_));
  return Status::Ok();
}

// Reading the header first is also what exposes a file that is not a database, before anything
// (the journal mode included) is written to it. The version and the tables are read in one
// statement, so from one snapshot: another worker may be creating the schema meanwhile.
Result<Store::Header> Store::ReadHeader() {
  Result<Statement> header = Prepare(
      "SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM "
      "sqlite_schema)");
  if (!header.ok()) return header.status();
  if (Result<bool> row = header->Step(); !row.ok()) return row.status();
  return Header{static_cast<int>(header->Int64(0)), header->Int64(1)};
}

Status Store::Migrate() {
  auto check_known = [](int version) {
    if (version <= LatestSchemaVersion()) return Status::Ok();
    return Status::NotSupported("its schema version is " + std::to_string(version) +
                                ", newer than the latest this oplex knows (" +
                                std::to_string(LatestSchemaVersion()) +
                                "); use the oplex that wrote it or a newer one");
  };

  Result<Header> header = ReadHeader();
  if (!header.ok()) return header.status();
  const int version = header->version;
  const int64_t tables = header->tables;
  if (Status s = check_known(version); !s.ok()) return s;
  if (version == 0 && tables > 0) {
    // Version 0 with tables in it is some other program's database: creating ours beside them
    // would mix the two, so it is refused before anything is written.
    return Status::InvalidInput(
        "it is an SQLite database, but not one oplex created (it has tables and no schema "
        "version)");
  }
  if (Status s = UseRollbackJournal(); !s.ok()) return s;
  if (version == LatestSchemaVersion()) {
    schema_version_ = version;
    return Status::Ok();
  }

  Result<int> migrated = InWriteTransaction(db_, [&]() -> Result<int> {
    // Another process may have migrated between the first read and taking the write lock.
    Result<Header> now = ReadHeader();
    if (!now.ok()) return now.status();
    const int current = now->version;
    if (Status s = check_known(current); !s.ok()) return s;
    for (const Migration& m : Migrations()) {
      if (m.version <= current) continue;
      Status applied = ExecSql(db_, std::string(m.sql));
      if (applied.ok() && m.then != nullptr) applied = m.then(*this);
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

Status Store::InTransaction(const std::function<Status()>& body) {
  Result<bool> done = InWriteTransaction(db_, [&]() -> Result<bool> {
    if (Status s = body(); !s.ok()) return s;
    return true;
  });
  return done.status();
}

Result<std::optional<int64_t>> Store::FindDocument(const std::string& sha256) {
  Result<Statement> find = Prepare("SELECT id FROM document WHERE sha256 = ?");
  if (!find.ok()) return find.status();
  Result<bool> row = find->Bind(1, sha256).Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<int64_t>();
  return std::optional<int64_t>(find->Int64(0));
}

Result<Store::PutOutcome> Store::Put(const Extraction& e, bool replace) {
  Result<std::unique_ptr<DocumentWriter>> writer = BeginDocument(e.document, replace);
  if (!writer.ok()) return writer.status();
  if (*writer == nullptr) return PutOutcome::kUnchanged;
  if (Status s = WriteExtraction(**writer, e); !s.ok()) return s;  // rolled back by the writer
  return (*writer)->Commit();
}

Result<Store::PutOutcome> Store::PutSpilled(const DocumentInfo& document,
                                            const std::filesystem::path& spilled, bool replace) {
  constexpr char kSpilled[] = "spilled";
  constexpr int64_t kCopyCache = -256;  // KiB
  {
    Result<Statement> attach = Prepare(std::string("ATTACH DATABASE ?1 AS ") + kSpilled);
    if (!attach.ok()) return attach.status();
    if (Status s = attach->Bind(1, spilled.string()).Run(); !s.ok()) {
      return WithContext(s, "spilled records " + spilled.string());
    }
  }  // no statement may be open when it is detached
  // Read once and appended in order: small page caches, whatever the document's size (the
  // output's also bounds the sorter its indexes are filled through); the output's own cache is
  // given back after.
  Result<int64_t> own_cache = NumberPragma(*this, "main.cache_size");
  const std::string copy_cache = " = " + std::to_string(kCopyCache);
  if (Status s = own_cache.ok()
                     ? Exec(std::string("PRAGMA ") + kSpilled + ".cache_size" + copy_cache)
                     : own_cache.status();
      !s.ok()) {
    Exec(std::string("DETACH DATABASE ") + kSpilled);
    return s;
  }
  Result<PutOutcome> put = [&]() -> Result<PutOutcome> {
    if (Status s = Exec("PRAGMA main.cache_size" + copy_cache); !s.ok()) return s;
    Result<std::unique_ptr<DocumentWriter>> writer = BeginDocument(document, replace);
    if (!writer.ok()) return writer.status();
    if (*writer == nullptr) return PutOutcome::kUnchanged;
    if (Status s = (*writer)->CopyRecords(kSpilled); !s.ok()) return s;  // rolled back
    return (*writer)->Commit();
  }();
  const Status restored = Exec("PRAGMA main.cache_size = " + std::to_string(*own_cache));
  const Status detached = Exec(std::string("DETACH DATABASE ") + kSpilled);
  if (put.ok() && !restored.ok()) return restored;
  if (put.ok() && !detached.ok()) return detached;
  return put;
}

Result<std::unique_ptr<DocumentWriter>> Store::BeginDocument(const DocumentInfo& document,
                                                             bool replace) {
  if (Status begun = ExecSql(db_, "BEGIN IMMEDIATE"); !begun.ok()) return begun;
  Result<std::unique_ptr<DocumentWriter>> writer = DocumentWriter::Start(*this, document, replace);
  if (writer.ok() && *writer != nullptr) return writer;  // the writer ends the transaction
  if (Status ended = EndTransaction(writer.status()); !ended.ok()) return ended;
  return writer;
}

Status Store::EndTransaction(Status result) { return EndWrite(db_, std::move(result)); }

}  // namespace oplex
