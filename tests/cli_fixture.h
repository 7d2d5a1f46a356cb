// A fixture for tests that run the oplex binary on a database of their own: a fresh temporary
// folder per test, removed afterwards, with the database file in it.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>

#include "oplex_cli.h"

namespace oplex::testing {

class CliFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("oplex-test-" + std::to_string(std::random_device()()));
    std::filesystem::create_directories(dir_);
    db_ = dir_ / "test.sqlite";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // `oplex ARGS --db <the test's database>`.
  Outcome Oplex(const std::string& args) { return RunOplex(args + " --db " + db_.string(), dir_); }

  // Ingests data/samples, failing the test if any sample is not stored.
  void IngestSamples() {
    Outcome ingest = Oplex("ingest " + std::string(OPLEX_SAMPLES_DIR));
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  }

  std::filesystem::path dir_;
  std::filesystem::path db_;
};

}  // namespace oplex::testing
