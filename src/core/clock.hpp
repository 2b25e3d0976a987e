#pragma once
/// Injectable clock: services ask it for "now", tests set it.
#include <atomic>
#include <chrono>
#include <cstdint>

namespace core {

/// Seconds since the Unix epoch, UTC.
using UnixSeconds = std::int64_t;

class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual UnixSeconds now() const = 0;
};

class SystemClock final : public Clock {
public:
    [[nodiscard]] UnixSeconds now() const override {
        return std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
};

/// A clock tests can move; thread-safe.
class ManualClock final : public Clock {
public:
    explicit ManualClock(UnixSeconds start) : m_now(start) {}
    [[nodiscard]] UnixSeconds now() const override { return m_now.load(); }
    void set(UnixSeconds t) { m_now.store(t); }
    void advance(UnixSeconds seconds) { m_now.fetch_add(seconds); }

private:
    std::atomic<UnixSeconds> m_now;
};

}  // namespace core
