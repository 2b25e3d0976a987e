#include "raw_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace raw_socket {

Client::Client(unsigned short port) {
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0) throw std::runtime_error("socket failed");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        const int err = errno;
        ::close(m_fd);
        m_fd = -1;
        throw std::runtime_error(std::string("connect failed: ") + std::strerror(err));
    }
    timeval tv{5, 0};
    ::setsockopt(m_fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

void Client::close() {
    if (m_fd < 0) return;
    ::shutdown(m_fd, SHUT_RDWR);  // unblocks a background sender
    if (m_sender.joinable()) m_sender.join();
    ::close(m_fd);
    m_fd = -1;
}

bool Client::send(std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = ::send(m_fd, data.data(), data.size(), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

void Client::send_in_background(std::string data) {
    m_outgoing = std::move(data);
    m_sender = std::thread([this] { send(m_outgoing); });
}

std::optional<RawResponse> Client::read_response(bool head_request, std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    std::size_t end;
    while ((end = m_in.find("\r\n\r\n")) == std::string::npos)
        if (!fill(deadline)) return std::nullopt;
    RawResponse r;
    const std::string head = m_in.substr(0, end);
    m_in.erase(0, end + 4);
    std::size_t line_end = head.find("\r\n");
    const std::string status_line = head.substr(0, line_end);
    if (status_line.rfind("HTTP/1.1 ", 0) != 0 || status_line.size() < 12) return std::nullopt;
    r.status = std::stoi(status_line.substr(9, 3));
    while (line_end != std::string::npos) {
        const std::size_t start = line_end + 2;
        line_end = head.find("\r\n", start);
        const std::string line =
            head.substr(start, line_end == std::string::npos ? std::string::npos : line_end - start);
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::string name = line.substr(0, colon);
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        r.headers[name] = value;
    }
    std::size_t length = 0;
    if (!head_request && r.status != 204 && r.status != 304 && r.headers.count("content-length"))
        length = std::stoul(r.headers["content-length"]);
    while (m_in.size() < length)
        if (!fill(deadline)) return std::nullopt;
    r.body = m_in.substr(0, length);
    m_in.erase(0, length);
    return r;
}

bool Client::wait_closed(std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        m_in.clear();
        const int rc = fill_once(deadline);
        if (rc == 0) return true;  // closed
        if (rc < 0) return false;  // timeout
    }
}

int Client::fill_once(Clock::time_point deadline) {
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) return -1;
        pollfd p{m_fd, POLLIN, 0};
        const int rc = ::poll(&p, 1, static_cast<int>(left));
        if (rc < 0 && errno == EINTR) continue;
        if (rc == 0) return -1;
        char buf[65536];
        const ssize_t n = ::recv(m_fd, buf, sizeof buf, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return 0;
        m_in.append(buf, static_cast<std::size_t>(n));
        return 1;
    }
}

}  // namespace raw_socket
