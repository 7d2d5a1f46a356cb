// Outputs stay valid UTF-8 whatever the file names (defect D6 of ../shared/repro): a Latin-1
// name on an institute's share is stored as its bytes; --json and the JSON-lines export write each
// byte that is not UTF-8 as "\udcHH", which Python's json and os.fsencode turn back into the name;
// the CSV export and the HTML report write it "\xHH".
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_fixture.h"

namespace oplex {
namespace {

namespace fs = std::filesystem;
using testing::Outcome;
using testing::Shell;
using testing::Slurp;

class Utf8NamesTest : public testing::CliFixture {
 protected:
  // Runs Debian's python3 on `script` with `argument`; its stdout.
  std::string Python(const std::string& script, const std::string& argument) {
    Outcome r = Shell("/usr/bin/python3 -c '" + script + "' '" + argument + "'", dir_);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }
};

TEST_F(Utf8NamesTest, ALatin1FileNameKeepsEveryOutputValidAndIsRecoverable) {
  // "Programación 2024.txt" as a Latin-1 share names it: ó is the one byte 0xF3.
  const std::string name = "Programaci\xF3n 2024.txt";
  const fs::path folder = dir_ / "share";
  fs::create_directories(folder);
  fs::copy_file(fs::path(OPLEX_SAMPLES_DIR) / "bcs-ieebcs-deoe-pat-2024.txt", folder / name);
  const std::string raw = (folder / name).string();

  Outcome ingest = Oplex("ingest --json " + folder.string());
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  EXPECT_NE(ingest.out.find("Programaci\\udcf3n 2024.txt"), std::string::npos) << ingest.out;
  std::ofstream(dir_ / "ingest.json", std::ios::binary) << ingest.out;
  // Strict UTF-8 decoding, then the name back as bytes, as a script would open the file.
  EXPECT_EQ(Python("import json, os, sys; d = json.loads(open(sys.argv[1], encoding=\"utf-8\")"
                   ".readline()); sys.stdout.buffer.write(os.fsencode(d[\"path\"]))",
                   (dir_ / "ingest.json").string()),
            raw);

  const fs::path out = dir_ / "tables";
  ASSERT_EQ(Oplex("export -o " + out.string() + " --tables documents").exit_code, 0);
  ASSERT_EQ(Oplex("export -o " + out.string() + " --tables documents --format jsonl").exit_code, 0);
  EXPECT_EQ(Python("import json, os, sys; d = json.loads(open(sys.argv[1], encoding=\"utf-8\")"
                   ".readline()); sys.stdout.buffer.write(os.fsencode(d[\"path\"]))",
                   (out / "documents.jsonl").string()),
            raw);
  const std::string csv =
      Python("import sys; print(open(sys.argv[1], encoding=\"utf-8\").read().count(\"\\\\xF3\"))",
             (out / "documents.csv").string());
  EXPECT_EQ(csv, "1\n");
  EXPECT_NE(Slurp(out / "documents.csv").find("Programaci\\xF3n 2024.txt"), std::string::npos);

  const fs::path html = dir_ / "report.html";
  ASSERT_EQ(Oplex("report -o " + html.string()).exit_code, 0);
  EXPECT_EQ(Python("import sys; t = open(sys.argv[1], encoding=\"utf-8\").read(); "
                   "print(\"Programaci\\\\xF3n 2024.txt\" in t)",
                   html.string()),
            "True\n");
}

}  // namespace
}  // namespace oplex
