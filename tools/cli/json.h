// A minimal streaming JSON writer for the CLI's --json output: objects, arrays, strings
// (escaped), numbers, booleans and null. The caller keeps the structure balanced.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace oplex::cli {

class Json {
 public:
  explicit Json(std::ostream& out) : out_(out) {}

  Json& BeginObject();
  Json& EndObject();
  Json& BeginArray();
  Json& EndArray();
  Json& Key(std::string_view key);
  Json& String(std::string_view value);
  Json& Number(double value);
  Json& Int(int64_t value);
  Json& Bool(bool value);
  Json& Null();
  Json& OptString(const std::optional<std::string>& v) { return v ? String(*v) : Null(); }
  Json& OptInt(const std::optional<int>& v) { return v ? Int(*v) : Null(); }
  Json& OptNumber(const std::optional<double>& v) { return v ? Number(*v) : Null(); }

 private:
  void Separate();
  std::ostream& out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

}  // namespace oplex::cli
