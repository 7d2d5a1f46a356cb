// Status and Result<T>: how every operation that can fail on user input reports it.
//
// A corrupt, empty or mis-encoded file is ordinary input here, not an exceptional event, so no
// exception crosses a module boundary: functions return a Status (or a Result<T> holding either
// a value or a non-OK Status). Messages are written for the person running the batch: they say
// what was wrong, never how the code noticed. Values are immutable and safe to share.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace oplex {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidInput,  // the file is not something oplex can read (empty, binary, wrong type)
    kCorruption,    // the file claims a format but its contents are damaged
    kNotSupported,  // a valid file using a feature oplex does not handle (e.g. encrypted)
    kIoError,       // reading or writing failed (permissions, missing file, full disk)
    kInternal,      // a bug or an unexpected library failure
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string msg) {
    return Status(Code::kInvalidInput, std::move(msg));
  }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status NotSupported(std::string msg) {
    return Status(Code::kNotSupported, std::move(msg));
  }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid input: <message>", or "ok".
  std::string ToString() const;

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// `status` with "<context>: " before its message and the same code, so that a caller can say
// which file, record or step failed; an OK status is returned as it is.
Status WithContext(const Status& status, std::string_view context);

// Either a T or the non-OK Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : value_(std::move(status)) {}  // NOLINT: implicit by design
  bool ok() const { return std::holds_alternative<T>(value_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(value_);
  }
  T& value() & { return std::get<T>(value_); }
  const T& value() const& { return std::get<T>(value_); }
  T&& value() && { return std::get<T>(std::move(value_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> value_;
};

}  // namespace oplex
