// Status and Result<T>: how fallible core calls report failure (after LevelDB's status.h).
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace merch {

enum class StatusCode {
    Ok,
    InvalidArgument, // a parameter is outside its documented range; the message names it
    NotFound,        // a file or record does not exist
    NotAWorkspace,   // the file exists but is not a MerchSim workspace
    NewerSchema,     // the workspace was written by a newer MerchSim
    Corrupted,       // the file failed SQLite's integrity check
    IoError,         // the operating system or SQLite refused a read or write
    Cancelled,       // the user cancelled through RunControl
    Internal,        // a bug: an invariant did not hold
};

// The name of a code, for messages and JSON ("not_a_workspace").
const char* statusCodeName(StatusCode code);

class [[nodiscard]] Status {
public:
    Status() = default;
    static Status ok() { return {}; }
    static Status error(StatusCode code, std::string message) {
        assert(code != StatusCode::Ok);
        return Status(code, std::move(message));
    }
    static Status invalidArgument(std::string message) {
        return error(StatusCode::InvalidArgument, std::move(message));
    }
    static Status cancelled() { return error(StatusCode::Cancelled, "cancelled by the user"); }

    bool isOk() const { return m_code == StatusCode::Ok; }
    explicit operator bool() const { return isOk(); }
    StatusCode code() const { return m_code; }
    const std::string& message() const { return m_message; }
    // "not_a_workspace: <message>", or "ok".
    std::string toString() const;

private:
    Status(StatusCode code, std::string message)
        : m_code(code)
        , m_message(std::move(message)) {}
    StatusCode m_code = StatusCode::Ok;
    std::string m_message;
};

// A value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value)
        : m_value(std::move(value)) {}
    Result(Status status)
        : m_status(std::move(status)) {
        assert(!m_status.isOk());
    }

    bool isOk() const { return m_value.has_value(); }
    explicit operator bool() const { return isOk(); }
    const Status& status() const { return m_status; }
    T& value() & {
        assert(isOk());
        return *m_value;
    }
    const T& value() const& {
        assert(isOk());
        return *m_value;
    }
    T&& value() && {
        assert(isOk());
        return std::move(*m_value);
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

private:
    std::optional<T> m_value;
    Status m_status;
};

} // namespace merch
