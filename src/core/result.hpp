#pragma once
/// Expected failures as values: one error table for the whole program.
#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace core {

/// The one error table. Its HTTP mapping lives in web/middleware.cpp only (web::status_for,
/// and web::error_code_name in web/json.cpp for the JSON `code`).
enum class ErrorCode {
    Validation,       ///< input broke a rule; `fields` says which
    NotFound,         ///< no such record (or not visible to the caller)
    Conflict,         ///< unique key or state conflict
    Forbidden,        ///< authenticated but not allowed
    Unauthorized,     ///< not authenticated
    TooManyRequests,  ///< throttled
    TooLarge,         ///< payload over a limit
    Unavailable,      ///< storage busy/full or audit could not be written
    Internal,         ///< a bug or an unexpected failure
};

struct FieldError {
    std::string field;    ///< form/JSON field name, e.g. "cvr"
    std::string message;  ///< Danish, user-facing
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;  ///< Danish, user-facing (never SQL or internals)
    std::vector<FieldError> fields;

    static Error validation(std::string field, std::string message) {
        Error e{ErrorCode::Validation, "Formularen indeholder fejl.", {}};
        e.fields.push_back({std::move(field), std::move(message)});
        return e;
    }
    static Error not_found(std::string message = "Siden eller posten findes ikke.") {
        return {ErrorCode::NotFound, std::move(message), {}};
    }
    static Error conflict(std::string message) { return {ErrorCode::Conflict, std::move(message), {}}; }
    static Error forbidden(std::string message = "Du har ikke adgang til dette.") {
        return {ErrorCode::Forbidden, std::move(message), {}};
    }
    static Error internal(std::string message = "Der opstod en intern fejl.") {
        return {ErrorCode::Internal, std::move(message), {}};
    }
    static Error unavailable(std::string message = "Tjenesten er midlertidigt utilgængelig.") {
        return {ErrorCode::Unavailable, std::move(message), {}};
    }
};

/// Collects field errors while validating a form; converts to an Error.
class Validator {
public:
    void add(std::string field, std::string message) {
        m_fields.push_back({std::move(field), std::move(message)});
    }
    [[nodiscard]] bool ok() const { return m_fields.empty(); }
    [[nodiscard]] Error error() const {
        return Error{ErrorCode::Validation, "Formularen indeholder fejl.", m_fields};
    }
    [[nodiscard]] const std::vector<FieldError>& fields() const { return m_fields; }

private:
    std::vector<FieldError> m_fields;
};

/// Either a value or an Error.
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}      // NOLINT implicit
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}  // NOLINT implicit

    [[nodiscard]] bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & {
        assert(ok());
        return std::get<0>(m_v);
    }
    const T& value() const& {
        assert(ok());
        return std::get<0>(m_v);
    }
    T&& value() && {
        assert(ok());
        return std::get<0>(std::move(m_v));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    [[nodiscard]] const Error& error() const {
        assert(!ok());
        return std::get<1>(m_v);
    }
    Error&& take_error() {
        assert(!ok());
        return std::get<1>(std::move(m_v));
    }

private:
    std::variant<T, Error> m_v;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}  // NOLINT implicit
    [[nodiscard]] bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error& error() const {
        assert(m_failed);
        return m_error;
    }
    Error&& take_error() { return std::move(m_error); }

private:
    Error m_error;
    bool m_failed = false;
};

}  // namespace core

/// Propagate an error from an expression returning Result<...>.
#define BB_TRY(expr)                                        \
    do {                                                    \
        auto bb_try_r_ = (expr);                            \
        if (!bb_try_r_.ok()) return bb_try_r_.take_error(); \
    } while (0)

#define BB_CONCAT_INNER(a, b) a##b
#define BB_CONCAT(a, b) BB_CONCAT_INNER(a, b)
/// `BB_ASSIGN(auto x, expr);` assigns the value or returns the error.
#define BB_ASSIGN(decl, expr) BB_ASSIGN_IMPL(BB_CONCAT(bb_assign_r_, __LINE__), decl, expr)
#define BB_ASSIGN_IMPL(tmp, decl, expr)     \
    auto tmp = (expr);                      \
    if (!tmp.ok()) return tmp.take_error(); \
    decl = std::move(tmp).value()
