#include "tools/cli/json.h"

#include <cmath>
#include <cstdio>

#include "pipeline/normalize/utf8.h"

namespace oplex::cli {

void Json::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_ << ',';
    first_.back() = false;
  }
}

Json& Json::BeginObject() {
  Separate();
  out_ << '{';
  first_.push_back(true);
  return *this;
}

Json& Json::EndObject() {
  out_ << '}';
  first_.pop_back();
  return *this;
}

Json& Json::BeginArray() {
  Separate();
  out_ << '[';
  first_.push_back(true);
  return *this;
}

Json& Json::EndArray() {
  out_ << ']';
  first_.pop_back();
  return *this;
}

Json& Json::Key(std::string_view key) {
  String(key);
  out_ << ':';
  after_key_ = true;
  return *this;
}

Json& Json::String(std::string_view value) {
  Separate();
  out_ << '"';
  for (size_t i = 0; i < value.size();) {
    const auto c = static_cast<unsigned char>(value[i]);
    const size_t length = Utf8SequenceLength(value, i);
    if (length == 0) {
      // Not UTF-8: the byte as a lone low surrogate (PEP 383), so that Python's json and
      // os.fsencode give the byte back.
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\udc%02x", c);
      out_ << buf;
      ++i;
      continue;
    }
    if (length > 1) {
      out_ << value.substr(i, length);
      i += length;
      continue;
    }
    ++i;
    switch (c) {
      case '"':
        out_ << "\\\"";
        break;
      case '\\':
        out_ << "\\\\";
        break;
      case '\n':
        out_ << "\\n";
        break;
      case '\t':
        out_ << "\\t";
        break;
      case '\r':
        out_ << "\\r";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out_ << buf;
        } else {
          out_ << static_cast<char>(c);
        }
    }
  }
  out_ << '"';
  return *this;
}

Json& Json::Number(double value) {
  if (!std::isfinite(value)) return Null();
  Separate();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", value);
  out_ << buf;
  return *this;
}

Json& Json::Int(int64_t value) {
  Separate();
  out_ << value;
  return *this;
}

Json& Json::Bool(bool value) {
  Separate();
  out_ << (value ? "true" : "false");
  return *this;
}

Json& Json::Null() {
  Separate();
  out_ << "null";
  return *this;
}

}  // namespace oplex::cli
