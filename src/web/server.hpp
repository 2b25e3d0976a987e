#pragma once
/// The HTTP/1.1 server (Boost.Beast in server.cpp only). It frames requests with hard limits,
/// hands each complete request to the handler on a worker pool, and writes the response.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "web/http.hpp"

namespace web {

struct ServerOptions {
    std::string address = "127.0.0.1";
    unsigned short port = 8080;  ///< 0 = ephemeral (tests)
    std::size_t io_threads = 2;
    std::size_t worker_threads = 8;                 ///< handlers run here (they may block on the database)
    std::size_t max_connections = 1024;             ///< further connections are closed at once
    std::size_t max_request_line = 8192;            ///< bytes; longer → 414/400
    std::size_t max_header_bytes = 16384;           ///< total header block; larger → 431
    std::size_t max_header_count = 100;             ///< more fields → 431
    std::size_t max_body_bytes = 1 << 20;           ///< also enforced for chunked bodies → 413
    std::size_t max_upload_body_bytes = 12u << 20;  ///< for paths starting with an upload prefix
    std::vector<std::string> upload_path_prefixes;  ///< e.g. "/import", "/api/v1/import"
    std::chrono::seconds header_timeout{10};        ///< whole request head must arrive within this
    std::chrono::seconds body_timeout{30};
    std::chrono::seconds idle_timeout{30};    ///< keep-alive connection with no new request
    std::chrono::seconds shutdown_grace{20};  ///< SIGTERM: time allowed for in-flight requests
    std::size_t max_requests_per_connection = 1000;
    std::vector<std::string> trusted_proxies;  ///< peers whose X-Forwarded-For/-Proto are honoured
    bool log_access = true;
};

using Handler = std::function<Response(Request&)>;
/// Builds the page for errors the server itself detects (400, 408, 413, 431, 500, 503).
using ErrorPage = std::function<Response(int status)>;

class Server {
public:
    Server(ServerOptions options, Handler handler, ErrorPage error_page);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds and listens; after this `port()` is the real port. Throws std::runtime_error on failure.
    void start();
    /// Blocks until stop() or a handled signal has drained the server.
    void wait();
    /// Stops accepting, lets in-flight requests finish (up to shutdown_grace), then returns.
    void stop();
    /// Makes SIGTERM and SIGINT call stop(). Call before start().
    void handle_signals();
    [[nodiscard]] unsigned short port() const;
    [[nodiscard]] std::size_t open_connections() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace web
