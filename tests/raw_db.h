// RawDb: an SQLite connection of the tests' own to a database file oplex wrote, with each query's
// rows as strings ("col|col", NULL as "<null>"), for comparing with what a person checked.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace oplex::testing {

// An independent connection to the database file, so that checks see what reached the file
// rather than what the Store's own connection believes.
class RawDb {
 public:
  // `create`: make the file when it does not exist (a database an older release wrote).
  explicit RawDb(const std::filesystem::path& path, bool create = false) {
    const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db_, flags, nullptr), SQLITE_OK) << path;
  }
  ~RawDb() { sqlite3_close_v2(db_); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  void Exec(const std::string& sql) {
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
        << sql << ": " << (error ? error : "");
    sqlite3_free(error);
  }

  // Every row of the query, each as its columns joined by '|', NULL shown as "<null>".
  std::vector<std::string> Rows(const std::string& sql) {
    std::vector<std::string> rows;
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
        << sql << ": " << sqlite3_errmsg(db_);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      std::string row;
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        if (c > 0) row += '|';
        const unsigned char* text = sqlite3_column_text(stmt, c);
        row += text ? reinterpret_cast<const char*>(text) : "<null>";
      }
      rows.push_back(row);
    }
    sqlite3_finalize(stmt);
    return rows;
  }

  std::string One(const std::string& sql) {
    std::vector<std::string> rows = Rows(sql);
    EXPECT_EQ(rows.size(), 1u) << sql;
    return rows.empty() ? "" : rows.front();
  }

  int64_t Count(const std::string& table) {
    return std::stoll(One("SELECT count(*) FROM " + table));
  }

  std::vector<std::string> Tables() {
    return Rows("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
  }

  // The user_version and every row of every table: equal dumps mean an unchanged database. The
  // full-text index is dumped by its rows, not by the shadow tables FTS5 keeps it in (one of
  // which has no rowid).
  std::string Dump() {
    std::string dump = "user_version=" + One("PRAGMA user_version") + "\n";
    for (const std::string& table :
         Rows("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', "
              "'virtual') AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
      dump += "[" + table + "]\n";
      for (const std::string& row : Rows("SELECT * FROM " + table + " ORDER BY rowid")) {
        dump += row + "\n";
      }
    }
    return dump;
  }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace oplex::testing
