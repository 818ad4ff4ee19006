#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace CoCommission {

/**
 * A translated, user-presentable reason why an operation failed.
 *
 * Messages name what failed and where (the file, line and field where there is one), so that a
 * commissioning officer can act on them without a log.
 */
struct Error
{
    QString message;
};

/**
 * The value of an operation or the Error that stopped it. Core never shows errors itself: it
 * returns them and the caller (UI or command line) decides how to present them.
 */
template<class T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {}
    Result(Error error)
        : m_state(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    /** The error; only valid when !ok(). */
    const Error &error() const { return std::get<Error>(m_state); }
    QString errorMessage() const { return ok() ? QString() : error().message; }

private:
    std::variant<T, Error> m_state;
};

/** Result of an operation that returns nothing but may fail. */
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error.message))
        , m_failed(true)
    {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    Error error() const { return Error{m_error}; }
    QString errorMessage() const { return m_error; }

private:
    QString m_error;
    bool m_failed = false;
};

using Status = Result<void>;

} // namespace CoCommission
