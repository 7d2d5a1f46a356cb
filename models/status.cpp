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

}  // namespace oplex
