#include "models/status.h"

namespace oplex {

std::string Status::ToString() const {
  switch (code_) {
    case Code::kOk:
      return "ok";
    case Code::kInvalidInput:
      return "invalid input: " + message_;
    case Code::kCorruption:
      return "corrupt: " + message_;
    case Code::kNotSupported:
      return "not supported: " + message_;
    case Code::kIoError:
      return "i/o error: " + message_;
    case Code::kInternal:
      return "internal error: " + message_;
  }
  return message_;
}

Status WithContext(const Status& status, std::string_view context) {
  std::string message = std::string(context) + ": " + status.message();
  switch (status.code()) {
    case Status::Code::kOk:
      return status;
    case Status::Code::kInvalidInput:
      return Status::InvalidInput(std::move(message));
    case Status::Code::kCorruption:
      return Status::Corruption(std::move(message));
    case Status::Code::kNotSupported:
      return Status::NotSupported(std::move(message));
    case Status::Code::kIoError:
      return Status::IoError(std::move(message));
    case Status::Code::kInternal:
      return Status::Internal(std::move(message));
  }
  return Status::Internal(std::move(message));
}

}  // namespace oplex
