// The SQLite store: writes one document at a time (a whole Extraction with Put, or record by
// record through the DocumentWriter of BeginDocument) and gives read-side code its connection.
//
// A document is identified by the SHA-256 of its content, so storing it again is a no-op unless
// the caller asks to replace it, and an interrupted batch resumes where it stopped. Each document
// is one transaction: it is stored whole or not at all.
//
// The file stands alone after every write: the store keeps SQLite's rollback journal (DELETE
// mode), never WAL, so no -wal or -shm file is left beside it and a copy of the file alone, on
// read-only media too, is the whole database. A file an older oplex left in WAL mode is turned
// back when opened for writing.
//
// Thread-safety: a Store and the Statements it prepares belong to one thread; the SQLite
// connection is never shared. Parallel workers each open their own Store on the same file:
// writers wait for each other, and for readers to finish (up to kBusyTimeoutMs), instead of
// failing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "models/records.h"
#include "models/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace oplex {

class DocumentWriter;

// A prepared SQL statement on a Store's connection; finalized when destroyed. Move-only.
//
// Parameters are 1-based and columns 0-based, as in SQLite. Bind calls chain; a failed bind is
// reported by the next Step() or Run(), so a sequence of binds needs no checks of its own.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view value);  // copied: the view need not outlive it
  Statement& BindNull(int index);
  template <typename T>
  Statement& Bind(int index, const std::optional<T>& value) {
    return value ? Bind(index, *value) : BindNull(index);
  }

  // Advances to the next row: true when a row is ready to read, false when there are no more.
  Result<bool> Step();
  // Runs a statement to completion, discarding any rows, then Reset()s it for reuse.
  Status Run();
  // Makes the statement ready to run again, with every parameter unbound (NULL).
  void Reset();

  bool IsNull(int column) const;
  int64_t Int64(int column) const;     // 0 for NULL
  double Double(int column) const;     // 0.0 for NULL
  std::string Text(int column) const;  // "" for NULL
  std::optional<int64_t> OptionalInt64(int column) const;
  std::optional<int> OptionalInt(int column) const;
  std::optional<double> OptionalDouble(int column) const;
  std::optional<std::string> OptionalText(int column) const;

  // For code that reads any query's rows without knowing its columns (export): how many columns
  // a row has, their names (an "AS" alias where the query gives one), and the storage class of a
  // column in the current row (SQLite types values per row, not per column).
  enum class Type { kNull, kInteger, kReal, kText, kBlob };
  int ColumnCount() const;
  std::string ColumnName(int column) const;
  Type ColumnType(int column) const;

 private:
  friend class Store;
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  void NoteBind(int rc, int index);

  sqlite3_stmt* stmt_ = nullptr;
  Status bind_status_;  // the first failed bind since the last Reset()
};

class Store {
 public:
  // How long a connection waits for another one's write lock before giving up.
  static constexpr int kBusyTimeoutMs = 10'000;

  // Opens the database at `db_path`, creating it if missing, and applies pending migrations.
  // Fails without changing the file when it is not an SQLite database or is another program's
  // (kInvalidInput), or was written by a newer oplex whose schema this one does not know
  // (kNotSupported). Every message names the file.
  static Result<std::unique_ptr<Store>> Open(const std::filesystem::path& db_path);

  // Opens an existing database to read it only (SQLite's `mode=ro`): in a read-only folder or
  // on read-only media as well. Where SQLite cannot read it so (a file an older oplex left in
  // WAL mode, whose -shm cannot be created beside it), the file is opened `immutable`: read as
  // it is, without locks. A database of an older schema is migrated first when the file and its
  // folder can be written (as Open does); otherwise it is kNotSupported, saying so. A missing
  // file is kIoError; nothing is ever created or written.
  static Result<std::unique_ptr<Store>> OpenReadOnly(const std::filesystem::path& db_path);

  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  ~Store();

  // The schema version of the open database: LatestSchemaVersion() once Open succeeded.
  int schema_version() const { return schema_version_; }

  // The id of the stored document with this content hash, if any.
  Result<std::optional<int64_t>> FindDocument(const std::string& sha256);

  enum class PutOutcome {
    kInserted,   // the document was new
    kUnchanged,  // a document with this hash was already stored and `replace` was false
    kReplaced,   // the stored document and all its records were deleted, then `e` was written
  };
  // Writes the document and all its records in one transaction. The index cross-references in
  // `e` (Section::parent, Activity::section, Deliverable::section/activity, Finding::activity,
  // StatedTotal::scope) become row ids; a section's parent must come before it. Any failure
  // leaves the database exactly as it was: a dangling index or a record the schema rejects is
  // kInternal (whatever built `e` is wrong), a full disk or a lock held too long kIoError.
  Result<PutOutcome> Put(const Extraction& e, bool replace);

  // As Put, for a document whose records were written as it was read to a database of their own
  // at `spilled` (one document, this oplex's schema): `document` (what the whole document came to
  // say of itself) and the records copied from there, in one transaction. `spilled` is only read.
  Result<PutOutcome> PutSpilled(const DocumentInfo& document, const std::filesystem::path& spilled,
                                bool replace);

  // Opens the write transaction of one document and writes its row: the DocumentWriter that
  // writes its records and commits (see document_writer.h). When a document with this hash is
  // stored: null (nothing written, the transaction ended) unless `replace`, in which case the
  // stored copy and all its records are deleted first, inside the transaction. Failures as Put's.
  Result<std::unique_ptr<DocumentWriter>> BeginDocument(const DocumentInfo& document, bool replace);

  // Runs `body` in one write transaction (BEGIN IMMEDIATE … COMMIT): when it or the commit
  // fails, the transaction is rolled back and the failure returned.
  Status InTransaction(const std::function<Status()>& body);

  // For read-side code and tests: a statement on this connection, and SQL run directly.
  Result<Statement> Prepare(std::string_view sql);
  Status Exec(const std::string& sql);

 private:
  explicit Store(sqlite3* db) : db_(db) {}
  Status Configure();
  Status UseRollbackJournal();
  struct Header {
    int version = 0;     // PRAGMA user_version
    int64_t tables = 0;  // entries of sqlite_schema
  };
  Result<Header> ReadHeader();
  Status Migrate();
  // Ends the write transaction BeginDocument opened: COMMIT when `result` is a success, else
  // ROLLBACK; returns `result` or what failed in ending it.
  Status EndTransaction(Status result);
  friend class DocumentWriter;

  sqlite3* db_;
  int schema_version_ = 0;
};

}  // namespace oplex
