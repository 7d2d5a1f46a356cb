#include "tools/run/shard.h"

#include <charconv>
#include <cstdint>

#include "pipeline/normalize/bounded_number.h"

namespace oplex {

std::optional<Shard> ParseShard(std::string_view text) {
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::optional<int64_t> index = ParseInteger(text.substr(0, slash));
  const std::optional<int64_t> count = ParseInteger(text.substr(slash + 1));
  if (!index || !count || *count < 1 || *count > kMaxShards || *index < 1 || *index > *count) {
    return std::nullopt;
  }
  return Shard{static_cast<int>(*index), static_cast<int>(*count)};
}

bool InShard(const std::string& sha256, const Shard& shard) {
  uint64_t prefix = 0;
  const std::string_view digits = std::string_view(sha256).substr(0, 16);
  std::from_chars(digits.data(), digits.data() + digits.size(), prefix, 16);
  return static_cast<int>(prefix % static_cast<uint64_t>(shard.count)) == shard.index - 1;
}

}  // namespace oplex
