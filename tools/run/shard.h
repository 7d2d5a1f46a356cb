// Shards of a batch: `oplex ingest --shard K/N` on N machines (a Slurm job array, GNU parallel)
// reads each file on exactly one of them, chosen by its content hash, so that the same file
// lands in the same shard whatever its name or folder, and `oplex merge` brings the shard
// databases together without a document twice. Plain values; safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace oplex {

// The most shards `--shard K/N` splits a batch into.
inline constexpr int kMaxShards = 1'000'000;

// Shard `index` (1 to `count`) of `count`.
struct Shard {
  int index = 1;
  int count = 1;
};

// "K/N" with 1 <= K <= N <= kMaxShards, or nullopt.
std::optional<Shard> ParseShard(std::string_view text);

// Whether the document whose SHA-256 is `sha256` (64 hex digits) belongs to `shard`: its first
// 16 hex digits as a number, modulo the shard count, are the shard's index minus one.
bool InShard(const std::string& sha256, const Shard& shard);

}  // namespace oplex
