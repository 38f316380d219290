// Status and Result<T>: the error model of every fallible call in alliance.
//
// Our code never throws. Anything that can fail because of input (I/O,
// parsing, user parameters) returns a Status or a Result<T>; a programming
// error is an ALLIANCE_DCHECK failure instead. The CLI maps codes to exit
// statuses (kParseError and kInvalidArgument: 2).
//
// Thread safety: values; distinct objects may be used from distinct threads.
#ifndef ALLIANCE_CORE_STATUS_H_
#define ALLIANCE_CORE_STATUS_H_

#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace alliance {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,
  kNotFound,
  kIOError,
  kParseError,
  kCancelled,
  kInternal,
};

/// The outcome of a fallible operation: ok, or a code with a one-line message.
/// A parse error's message is `file:line:column: what is wrong`.
class [[nodiscard]] Status {
 public:
  Status() = default;

  static Status ok() { return Status(); }
  static Status invalid_argument(std::string message) {
    return Status(StatusCode::kInvalidArgument, std::move(message));
  }
  static Status not_found(std::string message) {
    return Status(StatusCode::kNotFound, std::move(message));
  }
  static Status io_error(std::string message) {
    return Status(StatusCode::kIOError, std::move(message));
  }
  static Status internal(std::string message) {
    return Status(StatusCode::kInternal, std::move(message));
  }
  /// Line and column are 1-based; a column of 0 is left out of the message.
  static Status parse_error(std::string_view file, long line, long column,
                            std::string_view what);

  bool is_ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

/// A value of type T or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {  // NOLINT
    if (std::get<Status>(state_).is_ok()) std::abort();  // an ok Status has no value
  }

  bool is_ok() const { return std::holds_alternative<T>(state_); }
  const Status& status() const {
    static const Status kOk;
    return is_ok() ? kOk : std::get<Status>(state_);
  }
  // REQUIRES: is_ok().
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> state_;
};

namespace detail {
inline Status status_of(const Status& s) { return s; }
template <typename T>
Status status_of(const Result<T>& r) { return r.status(); }
}  // namespace detail

}  // namespace alliance

#define ALLIANCE_CONCAT_INNER_(a, b) a##b
#define ALLIANCE_CONCAT_(a, b) ALLIANCE_CONCAT_INNER_(a, b)

/// Returns the Status of `expr` (a Status or a Result) from the enclosing
/// function when it is not ok.
#define ALLIANCE_RETURN_IF_ERROR(expr)                                    \
  do {                                                                    \
    auto&& alliance_status_or_ = (expr);                                  \
    if (!alliance_status_or_.is_ok())                                     \
      return ::alliance::detail::status_of(alliance_status_or_);          \
  } while (false)

/// `ALLIANCE_ASSIGN_OR_RETURN(auto x, make_x());` binds the value or returns
/// the error.
#define ALLIANCE_ASSIGN_OR_RETURN(lhs, expr) \
  ALLIANCE_ASSIGN_OR_RETURN_IMPL_(ALLIANCE_CONCAT_(alliance_result_, __LINE__), lhs, expr)
#define ALLIANCE_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                    \
  if (!tmp.is_ok()) return tmp.status();                \
  lhs = std::move(tmp).value()

/// Aborts on a violated precondition: a bug, not an input error.
#define ALLIANCE_DCHECK(cond)                                                \
  do {                                                                       \
    if (!(cond)) ::alliance::detail::dcheck_failed(#cond, __FILE__, __LINE__); \
  } while (false)

namespace alliance::detail {
[[noreturn]] void dcheck_failed(const char* cond, const char* file, int line);
}  // namespace alliance::detail

#endif  // ALLIANCE_CORE_STATUS_H_
