// A document's identity and content as the batch takes them (pipeline/source_file.h): the
// SHA-256 of a file read through in chunks, and a PDF left in its file.
#include "pipeline/source_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "pipeline/sha256.h"
#include "tests/process_file.h"

namespace oplex {
namespace {

namespace fs = std::filesystem;
const fs::path kData = fs::path(OPLEX_SAMPLES_DIR).parent_path();

TEST(Sha256, KnownDigestsWholeAndInParts) {
  // FIPS 180-2's examples.
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  const std::string two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  EXPECT_EQ(Sha256Hex(two_blocks),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // The same bytes in parts of every size around a block's 64: the same digest.
  std::string long_text;
  for (int i = 0; i < 1000; ++i) long_text += static_cast<char>('a' + i % 26);
  for (size_t part : {1u, 7u, 63u, 64u, 65u, 200u}) {
    Sha256 sha;
    for (size_t at = 0; at < long_text.size(); at += part) sha.Update(long_text.substr(at, part));
    EXPECT_EQ(sha.HexDigest(), Sha256Hex(long_text)) << "parts of " << part;
  }
}

std::string Bytes(const fs::path& path) { return testing::ReadBytes(path.string()); }

TEST(OpenSourceFile, APdfStaysInItsFileAnythingElseIsRead) {
  const fs::path pdf = kData / "pdf" / "ieem-2024-numeric.pdf";  // 53 pages, larger than a chunk
  auto source = OpenSourceFile(pdf);
  ASSERT_TRUE(source.ok()) << source.status().ToString();
  const std::string whole = Bytes(pdf);
  ASSERT_GT(whole.size(), kSourceHead);
  EXPECT_EQ(source->pdf_file, pdf);
  EXPECT_EQ(source->bytes, whole.substr(0, kSourceHead));
  EXPECT_EQ(source->size, whole.size());
  EXPECT_EQ(source->sha256, Sha256Hex(whole));

  const fs::path text = kData / "samples" / "mex-ieem-programa-anual-2024.txt";
  auto read = OpenSourceFile(text);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_FALSE(read->pdf_file.has_value());
  EXPECT_EQ(read->bytes, Bytes(text));
  EXPECT_EQ(read->sha256, Sha256Hex(Bytes(text)));

  EXPECT_EQ(OpenSourceFile(kData / "pdf").status().message(),
            (kData / "pdf").string() + ": is a folder");
}

}  // namespace
}  // namespace oplex
