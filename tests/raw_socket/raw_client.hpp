#pragma once
// A blocking TCP client for the raw-socket tests: plain POSIX sockets with poll-based
// timeouts, never the server's own code.
#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace raw_socket {

using Clock = std::chrono::steady_clock;

struct RawResponse {
    int status = 0;
    std::map<std::string, std::string> headers;  // lower-case names; last one wins
    std::string body;
    [[nodiscard]] std::string header(const std::string& name) const {
        auto it = headers.find(name);
        return it == headers.end() ? std::string() : it->second;
    }
};

/// A blocking TCP client with poll-based timeouts. Never uses the server's code.

/// A blocking TCP client with poll-based timeouts. Never uses the server's code.
class Client {
public:
    /// Connects to 127.0.0.1:port; throws std::runtime_error when the connection is refused.
    explicit Client(unsigned short port);
    ~Client() { close(); }
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    void close();
    bool send(std::string_view data);

    /// Sends a large payload from another thread; errors (the server closing) end it quietly.
    /// The payload is kept until the client is destroyed (memory measurements stay stable).
    void send_in_background(std::string data);

    /// Reads one response. `head_request`: no body follows whatever Content-Length says.
    std::optional<RawResponse> read_response(
        bool head_request = false, std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));

    /// True when the server closes (EOF or reset) within the timeout; unread data is dropped.
    bool wait_closed(std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));

    /// Bytes received but not consumed by read_response.
    [[nodiscard]] const std::string& pending() const { return m_in; }

private:
    bool fill(Clock::time_point deadline) { return fill_once(deadline) > 0; }

    /// 1: got data, 0: closed, -1: timeout.
    int fill_once(Clock::time_point deadline);

    int m_fd = -1;
    std::string m_in;
    std::string m_outgoing;
    std::thread m_sender;
};

}  // namespace raw_socket
