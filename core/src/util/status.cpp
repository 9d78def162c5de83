#include "merch/status.h"

namespace merch {

const char* statusCodeName(StatusCode code) {
    switch (code) {
    case StatusCode::Ok:
        return "ok";
    case StatusCode::InvalidArgument:
        return "invalid_argument";
    case StatusCode::NotFound:
        return "not_found";
    case StatusCode::NotAWorkspace:
        return "not_a_workspace";
    case StatusCode::NewerSchema:
        return "newer_schema";
    case StatusCode::Corrupted:
        return "corrupted";
    case StatusCode::IoError:
        return "io_error";
    case StatusCode::Cancelled:
        return "cancelled";
    case StatusCode::Internal:
        return "internal";
    }
    return "unknown";
}

std::string Status::toString() const {
    if (isOk())
        return "ok";
    return std::string(statusCodeName(m_code)) + ": " + m_message;
}

} // namespace merch
