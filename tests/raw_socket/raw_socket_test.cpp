// The real server in-process on an ephemeral port, spoken to over plain POSIX sockets:
// limits (HT-01), strict framing (HT-02), opaque header values (HT-03), client address (HT-04),
// slow clients and the connection cap (HT-07), methods (HT-08) and graceful shutdown (RE-10).
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <chrono>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

#include "web/http.hpp"
#include "web/server.hpp"

namespace {

using namespace std::chrono_literals;
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
class Client {
public:
    explicit Client(unsigned short port) {
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
    ~Client() { close(); }
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    void close() {
        if (m_fd < 0) return;
        ::shutdown(m_fd, SHUT_RDWR);  // unblocks a background sender
        if (m_sender.joinable()) m_sender.join();
        ::close(m_fd);
        m_fd = -1;
    }

    bool send(std::string_view data) {
        while (!data.empty()) {
            const ssize_t n = ::send(m_fd, data.data(), data.size(), MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return false;
            data.remove_prefix(static_cast<std::size_t>(n));
        }
        return true;
    }

    /// Sends a large payload from another thread; errors (the server closing) end it quietly.
    /// The payload is kept until the client is destroyed (memory measurements stay stable).
    void send_in_background(std::string data) {
        m_outgoing = std::move(data);
        m_sender = std::thread([this] { send(m_outgoing); });
    }

    /// Reads one response. `head_request`: no body follows whatever Content-Length says.
    std::optional<RawResponse> read_response(bool head_request = false, std::chrono::milliseconds timeout = 5000ms) {
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
            const std::string line = head.substr(start, line_end == std::string::npos ? std::string::npos : line_end - start);
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

    /// True when the server closes (EOF or reset) within the timeout; unread data is dropped.
    bool wait_closed(std::chrono::milliseconds timeout = 5000ms) {
        const auto deadline = Clock::now() + timeout;
        for (;;) {
            m_in.clear();
            const int rc = fill_once(deadline);
            if (rc == 0) return true;   // closed
            if (rc < 0) return false;   // timeout
        }
    }

    /// Bytes received but not consumed by read_response.
    [[nodiscard]] const std::string& pending() const { return m_in; }

private:
    bool fill(Clock::time_point deadline) { return fill_once(deadline) > 0; }

    /// 1: got data, 0: closed, -1: timeout.
    int fill_once(Clock::time_point deadline) {
        for (;;) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
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

    int m_fd = -1;
    std::string m_in;
    std::string m_outgoing;
    std::thread m_sender;
};

/// Resident set size of this process (client and server together) in bytes.
std::size_t resident_bytes() {
    std::size_t size = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%zu %zu", &size, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return resident * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

std::string get(std::string_view path, std::string_view extra_headers = "") {
    return "GET " + std::string(path) + " HTTP/1.1\r\nHost: test\r\n" + std::string(extra_headers) + "\r\n";
}

/// The test handler: echoes what the server handed over.
web::Response echo(web::Request& r) {
    if (r.path == "/throw") throw std::runtime_error("boom: SELECT secret FROM internals");
    if (r.path == "/bad-header") {
        web::Response res = web::Response::text(200, "ok");
        res.headers.emplace_back("X-Evil", "a\r\nSet-Cookie: injected=1");  // bypasses set_header
        res.headers.emplace_back("Bad Name", "x");
        res.headers.emplace_back("Content-Length", "999");
        return res;
    }
    std::string body = "ip=" + r.client_ip + " secure=" + (r.secure ? "1" : "0") + " method=" +
                       std::string(web::method_name(r.method)) + " path=" + r.path + " query=" + r.query +
                       " body=" + std::to_string(r.body.size()) + " id=" + r.request_id;
    if (auto x = r.header("x-test")) body += " x-test=" + std::string(*x);
    if (auto x = r.header("remote_addr")) body += " remote_addr_header=" + std::string(*x);
    return web::Response::text(200, body);
}

web::Response error_page(int status) {
    return web::Response::html(status, "<h1>" + std::string(web::danish_status_title(status)) + "</h1>");
}

web::ServerOptions small_options() {
    web::ServerOptions o;
    o.address = "127.0.0.1";
    o.port = 0;
    o.io_threads = 2;
    o.worker_threads = 4;
    o.max_connections = 64;
    o.max_request_line = 1024;
    o.max_header_bytes = 4096;
    o.max_header_count = 20;
    o.max_body_bytes = 64 * 1024;
    o.max_upload_body_bytes = 256 * 1024;
    o.upload_path_prefixes = {"/upload"};
    o.header_timeout = 2s;
    o.body_timeout = 2s;
    o.idle_timeout = 5s;
    o.shutdown_grace = 5s;
    o.max_requests_per_connection = 100;
    o.log_access = false;
    return o;
}

class ServerTest : public ::testing::Test {
protected:
    void start(web::ServerOptions options = small_options(), web::Handler handler = echo) {
        m_server = std::make_unique<web::Server>(std::move(options), std::move(handler), error_page);
        m_server->start();
        ASSERT_NE(m_server->port(), 0);
    }
    void SetUp() override {}
    void TearDown() override {
        if (m_server) m_server->stop();
    }

    unsigned short port() const { return m_server->port(); }

    /// A fresh client still gets a 200: the server keeps serving after whatever came before.
    void expect_healthy() {
        Client c(port());
        ASSERT_TRUE(c.send(get("/healthy")));
        auto r = c.read_response();
        ASSERT_TRUE(r) << "no response from a fresh client";
        EXPECT_EQ(r->status, 200);
    }

    /// Sends raw bytes on a new connection; expects `status` and then a closed connection.
    void expect_refused(const std::string& payload, int status, const std::string& label) {
        SCOPED_TRACE(label);
        {
            Client c(port());
            c.send(payload);
            auto r = c.read_response();
            ASSERT_TRUE(r) << "no response";
            EXPECT_EQ(r->status, status);
            EXPECT_EQ(r->header("connection"), "close");
            EXPECT_TRUE(c.wait_closed()) << "connection left open";
        }
        expect_healthy();
    }

    std::unique_ptr<web::Server> m_server;
};

// --- normal traffic ----------------------------------------------------------------------------

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
    start();
    Client c(port());
    ASSERT_TRUE(c.send(get("/a?q=1")));
    auto r1 = c.read_response();
    ASSERT_TRUE(r1);
    EXPECT_EQ(r1->status, 200);
    EXPECT_NE(r1->body.find("method=GET path=/a query=q=1"), std::string::npos) << r1->body;
    EXPECT_EQ(r1->header("server"), "brobygger");
    EXPECT_FALSE(r1->header("date").empty());
    EXPECT_EQ(r1->header("content-length"), std::to_string(r1->body.size()));
    EXPECT_TRUE(r1->header("connection").empty());

    ASSERT_TRUE(c.send(get("/b")));
    auto r2 = c.read_response();
    ASSERT_TRUE(r2);
    EXPECT_EQ(r2->status, 200);
    EXPECT_NE(r2->body.find("path=/b"), std::string::npos);
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
    start();
    Client c(port());
    const std::string post = "POST /p HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\n\r\nhello";
    ASSERT_TRUE(c.send(get("/one") + post + get("/three")));
    auto r1 = c.read_response();
    auto r2 = c.read_response();
    auto r3 = c.read_response();
    ASSERT_TRUE(r1 && r2 && r3);
    EXPECT_NE(r1->body.find("path=/one"), std::string::npos);
    EXPECT_NE(r2->body.find("method=POST path=/p query= body=5"), std::string::npos) << r2->body;
    EXPECT_NE(r3->body.find("path=/three"), std::string::npos);
}

TEST_F(ServerTest, RequestIdIsSixteenHexCharsAndChangesPerRequest) {
    start();
    Client c(port());
    auto id_of = [&] {
        c.send(get("/id"));
        auto r = c.read_response();
        EXPECT_TRUE(r);
        const auto pos = r->body.find("id=");
        return r->body.substr(pos + 3, 16);
    };
    const auto a = id_of();
    const auto b = id_of();
    EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_EQ(a.size(), 16u);
    EXPECT_NE(a, b);
}

TEST_F(ServerTest, HeadSendsHeadersOnly) {
    start();
    Client c(port());
    ASSERT_TRUE(c.send(get("/h")));
    auto g = c.read_response();
    ASSERT_TRUE(g);
    ASSERT_TRUE(c.send("HEAD /h HTTP/1.1\r\nHost: test\r\n\r\n"));
    auto h = c.read_response(/*head_request=*/true);
    ASSERT_TRUE(h);
    EXPECT_EQ(h->status, 200);
    // The handler's HEAD body is one byte longer ("method=HEAD" instead of "method=GET").
    EXPECT_EQ(h->header("content-length"), std::to_string(g->body.size() + 1));
    // Nothing but the next response may follow: a body here would corrupt it.
    ASSERT_TRUE(c.send(get("/after")));
    auto next = c.read_response();
    ASSERT_TRUE(next);
    EXPECT_EQ(next->status, 200);
    EXPECT_NE(next->body.find("path=/after"), std::string::npos);
}

TEST_F(ServerTest, ConnectionCloseAndHttp10AreHonoured) {
    start();
    {
        Client c(port());
        c.send(get("/c", "Connection: close\r\n"));
        auto r = c.read_response();
        ASSERT_TRUE(r);
        EXPECT_EQ(r->header("connection"), "close");
        EXPECT_TRUE(c.wait_closed());
    }
    {
        Client c(port());
        c.send("GET /old HTTP/1.0\r\n\r\n");
        auto r = c.read_response();
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 200);
        EXPECT_TRUE(c.wait_closed());
    }
    {
        Client c(port());
        c.send("GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        auto r = c.read_response();
        ASSERT_TRUE(r);
        EXPECT_EQ(r->header("connection"), "keep-alive");
        c.send("GET /again HTTP/1.0\r\n\r\n");
        ASSERT_TRUE(c.read_response());
        EXPECT_TRUE(c.wait_closed());
    }
}

TEST_F(ServerTest, MaxRequestsPerConnectionClosesAfterTheLastOne) {
    auto o = small_options();
    o.max_requests_per_connection = 2;
    start(o);
    Client c(port());
    c.send(get("/1") + get("/2") + get("/3"));
    auto r1 = c.read_response();
    auto r2 = c.read_response();
    ASSERT_TRUE(r1 && r2);
    EXPECT_TRUE(r1->header("connection").empty());
    EXPECT_EQ(r2->header("connection"), "close");
    EXPECT_TRUE(c.wait_closed());
}

TEST_F(ServerTest, ChunkedBodyAndExpectContinueAreRead) {
    start();
    {
        Client c(port());
        c.send("POST /c HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"
               "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n");
        auto r = c.read_response();
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 200);
        EXPECT_NE(r->body.find("body=11"), std::string::npos) << r->body;
    }
    {
        Client c(port());
        c.send("POST /e HTTP/1.1\r\nHost: test\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
        auto cont = c.read_response();
        ASSERT_TRUE(cont);
        EXPECT_EQ(cont->status, 100);
        c.send("abc");
        auto r = c.read_response();
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 200);
        EXPECT_NE(r->body.find("body=3"), std::string::npos);
    }
}

TEST_F(ServerTest, HeaderValuesAreOpaqueAndResponseHeadersCannotInject) {
    start();
    Client c(port());
    c.send(get("/x", "X-Test: a%0D%0AInjected: 1\r\n"));
    auto r = c.read_response();
    ASSERT_TRUE(r);
    EXPECT_NE(r->body.find("x-test=a%0D%0AInjected: 1"), std::string::npos) << r->body;

    c.send(get("/bad-header"));
    auto bad = c.read_response();
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 200);
    EXPECT_EQ(bad->body, "ok");
    EXPECT_FALSE(bad->headers.count("set-cookie"));
    EXPECT_FALSE(bad->headers.count("x-evil"));
    EXPECT_EQ(bad->header("content-length"), "2");
    // The connection is still in sync.
    c.send(get("/sync"));
    auto next = c.read_response();
    ASSERT_TRUE(next);
    EXPECT_NE(next->body.find("path=/sync"), std::string::npos);
}

TEST_F(ServerTest, HandlerExceptionGives500AndServingContinues) {
    start();
    Client c(port());
    c.send(get("/throw"));
    auto r = c.read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 500);
    EXPECT_EQ(r->body.find("SELECT"), std::string::npos);
    EXPECT_EQ(r->body.find("boom"), std::string::npos);
    c.send(get("/fine"));
    auto next = c.read_response();
    ASSERT_TRUE(next);
    EXPECT_EQ(next->status, 200);
}

TEST_F(ServerTest, AccessLogDoesNotBreakServing) {
    auto o = small_options();
    o.log_access = true;
    start(o);
    expect_healthy();
}

// --- limits (HT-01) ----------------------------------------------------------------------------

TEST_F(ServerTest, HundredThousandHeadersGive431AndClose) {
    start();
    std::string payload = "GET / HTTP/1.1\r\nHost: test\r\n";
    for (int i = 0; i < 100000; ++i) payload += "X-H" + std::to_string(i) + ": v\r\n";
    payload += "\r\n";
    {
        Client c(port());
        c.send_in_background(payload);
        auto r = c.read_response();
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 431);
        EXPECT_TRUE(c.wait_closed());
    }
    expect_healthy();
}

TEST_F(ServerTest, HugeHeaderLineGives431AndClose) {
    start();
    Client c(port());
    c.send_in_background("GET / HTTP/1.1\r\nHost: test\r\nX-Big: " + std::string(64 * 1024, 'a') + "\r\n\r\n");
    auto r = c.read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 431);
    EXPECT_TRUE(c.wait_closed());
    c.close();
    expect_healthy();
}

TEST_F(ServerTest, LongRequestLineGives414) {
    start();
    expect_refused("GET /" + std::string(2000, 'a') + " HTTP/1.1\r\nHost: test\r\n\r\n", 414, "long target");
}

TEST_F(ServerTest, TooManyHeaderFieldsGive431) {
    start();
    std::string headers;
    for (int i = 0; i < 21; ++i) headers += "X-" + std::to_string(i) + ": v\r\n";
    expect_refused("GET / HTTP/1.1\r\nHost: test\r\n" + headers + "\r\n", 431, "21 fields");
}

TEST_F(ServerTest, EndlessChunkedBodyGives413AndClose) {
    start();
    std::string payload = "POST /chunks HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n";
    const std::string chunk = "10000\r\n" + std::string(0x10000, 'x') + "\r\n";
    while (payload.size() < 10u * 1024 * 1024) payload += chunk;  // no final 0 chunk
    const std::size_t before = resident_bytes();
    {
        Client c(port());
        c.send_in_background(std::move(payload));
        auto r = c.read_response();
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 413);
        EXPECT_TRUE(c.wait_closed());
        // The server never holds more than the body limit plus its read buffer (HT-01).
        EXPECT_LT(resident_bytes(), before + 8u * 1024 * 1024);
    }
    expect_healthy();
}

TEST_F(ServerTest, OneHugeChunkSizeGives413) {
    start();
    expect_refused("POST / HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\nfffffffff\r\nabc", 413,
                   "64 GiB chunk");
}

TEST_F(ServerTest, PostWithoutContentLengthIsRefused) {
    start();
    {
        Client c(port());
        c.send_in_background("POST /nolength HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n" +
                             std::string(10u * 1024 * 1024, 'x'));
        auto r = c.read_response();
        ASSERT_TRUE(r);
        EXPECT_TRUE(r->status == 400 || r->status == 413) << r->status;
        EXPECT_TRUE(c.wait_closed());
    }
    expect_healthy();
}

TEST_F(ServerTest, ContentLengthOverLimitGives413BeforeTheBody) {
    start();
    expect_refused("POST /x HTTP/1.1\r\nHost: test\r\nContent-Length: 65537\r\n\r\n", 413, "CL > limit");
}

TEST_F(ServerTest, UploadPrefixGetsTheLargerLimit) {
    start();
    const std::string body(100 * 1024, 'u');
    {
        Client c(port());
        c.send_in_background("POST /upload/file HTTP/1.1\r\nHost: test\r\nContent-Length: " +
                             std::to_string(body.size()) + "\r\n\r\n" + body);
        auto r = c.read_response();
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 200);
        EXPECT_NE(r->body.find("body=102400"), std::string::npos);
    }
    {
        Client c(port());
        c.send_in_background("POST /other HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n" +
                             std::string("19000\r\n") + body + "\r\n0\r\n\r\n");
        auto r = c.read_response();
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 413);
    }
}

// --- framing (HT-02) and methods (HT-08) --------------------------------------------------------

TEST_F(ServerTest, SmugglingCorpusGives400AndClose) {
    start();
    const std::string post = "POST / HTTP/1.1\r\nHost: test\r\n";
    const std::pair<std::string, std::string> corpus[] = {
        {"CL.TE", post + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"},
        {"TE.CL", post + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n"},
        {"duplicate CL", post + "Content-Length: 3\r\nContent-Length: 3\r\n\r\nabc"},
        {"conflicting CL", post + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"},
        {"CL list", post + "Content-Length: 3, 3\r\n\r\nabc"},
        {"negative CL", post + "Content-Length: -1\r\n\r\n"},
        {"signed CL", post + "Content-Length: +3\r\n\r\nabc"},
        {"hex CL", post + "Content-Length: 0x3\r\n\r\nabc"},
        {"chunk -2", post + "Transfer-Encoding: chunked\r\n\r\n-2\r\nab\r\n0\r\n\r\n"},
        {"chunk 0x10", post + "Transfer-Encoding: chunked\r\n\r\n0x10\r\n0123456789abcdef\r\n0\r\n\r\n"},
        {"chunk overflow", post + "Transfer-Encoding: chunked\r\n\r\nfffffffffffffffffffff\r\nab\r\n0\r\n\r\n"},
        {"chunk no size", post + "Transfer-Encoding: chunked\r\n\r\n\r\nab\r\n0\r\n\r\n"},
        {"TE gzip", post + "Transfer-Encoding: gzip\r\n\r\n"},
        {"TE gzip,chunked", post + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"},
        {"TE xchunked", post + "Transfer-Encoding: xchunked\r\n\r\n0\r\n\r\n"},
        {"TE twice", post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"},
        {"TE space before colon", post + "Transfer-Encoding : chunked\r\n\r\n0\r\n\r\n"},
        {"TE in HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"},
        {"obs-fold", "GET / HTTP/1.1\r\nHost: test\r\nX-A: a\r\n b\r\n\r\n"},
        {"obs-fold tab", "GET / HTTP/1.1\r\nHost: test\r\nX-A: a\r\n\tb\r\n\r\n"},
        {"bare LF", "GET / HTTP/1.1\nHost: test\n\n"},
        {"bare LF in fields", "GET / HTTP/1.1\r\nHost: test\nX-A: b\r\n\r\n"},
        {"bare CR", "GET / HTTP/1.1\r\nHost: test\rX-A: b\r\n\r\n"},
        {"non-ASCII request line", "GET /\xc3\xa6" "ble HTTP/1.1\r\nHost: test\r\n\r\n"},
        {"control in request line", "GET /\x01 HTTP/1.1\r\nHost: test\r\n\r\n"},
        {"NUL in header", std::string("GET / HTTP/1.1\r\nHost: test\r\nX-A: a") + '\0' + "b\r\n\r\n"},
        {"no Host", "GET / HTTP/1.1\r\n\r\n"},
        {"two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"},
        {"bad version", "GET / HTTP/1.2\r\nHost: test\r\n\r\n"},
        {"garbage", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n"},
        {"absolute-form", "GET http://evil/ HTTP/1.1\r\nHost: test\r\n\r\n"},
        {"missing target", "GET HTTP/1.1\r\nHost: test\r\n\r\n"},
    };
    for (const auto& [label, payload] : corpus) expect_refused(payload, 400, label);
}

TEST_F(ServerTest, TraceConnectAndUnknownMethodsGive405) {
    start();
    expect_refused("TRACE / HTTP/1.1\r\nHost: test\r\n\r\n", 405, "TRACE");
    expect_refused("CONNECT test:443 HTTP/1.1\r\nHost: test:443\r\n\r\n", 405, "CONNECT");
    expect_refused("BREW /pot HTTP/1.1\r\nHost: test\r\n\r\n", 405, "BREW");
    Client c(port());
    c.send("TRACE / HTTP/1.1\r\nHost: test\r\n\r\n");
    auto r = c.read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->header("allow"), "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
    EXPECT_EQ(r->header("server"), "brobygger");
}

TEST_F(ServerTest, OptionsAsteriskReachesTheHandler) {
    start();
    Client c(port());
    c.send("OPTIONS * HTTP/1.1\r\nHost: test\r\n\r\n");
    auto r = c.read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("method=OPTIONS path=*"), std::string::npos);
}

// --- timeouts and connection cap (HT-07) --------------------------------------------------------

TEST_F(ServerTest, SlowHeaderIsCutOffAfterHeaderTimeout) {
    start();  // header_timeout = 2 s
    Client c(port());
    const std::string request = get("/slow", "X-Padding: " + std::string(20, 'p') + "\r\n");
    const auto begin = Clock::now();
    bool closed = false;
    for (std::size_t i = 0; i < request.size() && !closed; ++i) {
        if (!c.send(request.substr(i, 1))) break;
        // 1 byte per 500 ms; wait_closed doubles as the pause.
        closed = c.wait_closed(500ms);
    }
    if (!closed) closed = c.wait_closed(3000ms);
    const auto elapsed = Clock::now() - begin;
    EXPECT_TRUE(closed);
    EXPECT_GE(elapsed, 1500ms);
    EXPECT_LT(elapsed, 6000ms);
    expect_healthy();
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosed) {
    auto o = small_options();
    o.idle_timeout = 1s;
    start(o);
    Client c(port());
    c.send(get("/first"));
    ASSERT_TRUE(c.read_response());
    const auto begin = Clock::now();
    EXPECT_TRUE(c.wait_closed(4000ms));
    EXPECT_GE(Clock::now() - begin, 500ms);
}

TEST_F(ServerTest, SlowBodyGets408) {
    start();  // body_timeout = 2 s
    Client c(port());
    c.send("POST /b HTTP/1.1\r\nHost: test\r\nContent-Length: 10\r\n\r\nabc");
    auto r = c.read_response(false, 6000ms);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 408);
    EXPECT_TRUE(c.wait_closed());
}

TEST_F(ServerTest, ConnectionCapRefusesExtraClientsButKeepsServing) {
    auto o = small_options();
    o.max_connections = 4;
    o.header_timeout = 20s;  // the idle sockets must outlive the test
    start(o);
    std::vector<std::unique_ptr<Client>> idle;
    for (int i = 0; i < 4; ++i) idle.push_back(std::make_unique<Client>(port()));
    const auto deadline = Clock::now() + 5s;
    while (m_server->open_connections() < 4 && Clock::now() < deadline) std::this_thread::sleep_for(10ms);
    ASSERT_EQ(m_server->open_connections(), 4u);

    {
        Client fifth(port());
        fifth.send(get("/fifth"));
        auto r = fifth.read_response();
        if (r) {
            EXPECT_EQ(r->status, 503);  // best effort before the close
        }
        EXPECT_TRUE(fifth.wait_closed());
    }
    // The existing clients are still served.
    idle[0]->send(get("/still-here"));
    auto r0 = idle[0]->read_response();
    ASSERT_TRUE(r0);
    EXPECT_EQ(r0->status, 200);

    idle[1]->close();
    while (m_server->open_connections() > 3 && Clock::now() < deadline) std::this_thread::sleep_for(10ms);
    expect_healthy();
}

// --- client address (HT-04) ---------------------------------------------------------------------

TEST_F(ServerTest, ForwardedHeadersFromUntrustedPeerAreIgnored) {
    start();
    Client c(port());
    c.send(get("/ip", "X-Forwarded-For: 1.2.3.4\r\nX-Forwarded-Proto: https\r\nREMOTE_ADDR: 1.2.3.4\r\n"));
    auto r = c.read_response();
    ASSERT_TRUE(r);
    EXPECT_NE(r->body.find("ip=127.0.0.1 secure=0"), std::string::npos) << r->body;
    EXPECT_NE(r->body.find("remote_addr_header=1.2.3.4"), std::string::npos);  // a plain header, nothing more
}

TEST_F(ServerTest, ForwardedHeadersFromTrustedProxyAreHonoured) {
    auto o = small_options();
    o.trusted_proxies = {"127.0.0.1", "10.0.0.0/8"};
    start(o);
    const std::pair<std::string, std::string> cases[] = {
        {"X-Forwarded-For: 1.2.3.4\r\n", "ip=1.2.3.4 "},
        {"X-Forwarded-For: 9.9.9.9, 1.2.3.4\r\n", "ip=1.2.3.4 "},            // rightmost untrusted
        {"X-Forwarded-For: 1.2.3.4, 10.1.2.3\r\n", "ip=1.2.3.4 "},           // trusted hop skipped
        {"X-Forwarded-For: 1.2.3.4\r\nX-Forwarded-For: 10.0.0.1\r\n", "ip=1.2.3.4 "},
        {"X-Forwarded-For: 1.2.3.4:5678\r\n", "ip=1.2.3.4 "},
        {"X-Forwarded-For: 2001:db8::1\r\n", "ip=2001:db8::1 "},
        {"X-Forwarded-For: \r\n", "ip=127.0.0.1 "},                          // empty
        {"X-Forwarded-For: ,,,\r\n", "ip=127.0.0.1 "},
        {"X-Forwarded-For: garbage\r\n", "ip=127.0.0.1 "},
        {"X-Forwarded-For: 1.2.3.4, garbage\r\n", "ip=127.0.0.1 "},          // stop at garbage
        {"X-Forwarded-For: [::1\r\n", "ip=127.0.0.1 "},
        {"X-Forwarded-For: ,10.0.0.1\r\n", "ip=10.0.0.1 "},               // only trusted hops
        {"X-Forwarded-For: 10.0.0.2, 10.0.0.1\r\n", "ip=10.0.0.2 "},
        {"X-Forwarded-For: 1.2.3.4,\r\n", "ip=127.0.0.1 "},
        {"X-Forwarded-For: " + std::string(3000, ',') + "\r\n", "ip=127.0.0.1 "},
        {"X-Forwarded-Proto: https\r\n", "secure=1"},
        {"X-Forwarded-Proto: http\r\n", "secure=0"},
    };
    Client c(port());
    for (const auto& [headers, expected] : cases) {
        SCOPED_TRACE(headers);
        ASSERT_TRUE(c.send(get("/ip", headers)));
        auto r = c.read_response();
        ASSERT_TRUE(r);
        EXPECT_NE(r->body.find(expected), std::string::npos) << r->body;
    }
}

TEST(ServerConfig, InvalidTrustedProxyOrBusyPortThrows) {
    auto o = small_options();
    o.trusted_proxies = {"not-an-ip"};
    web::Server bad(o, echo, error_page);
    EXPECT_THROW(bad.start(), std::runtime_error);

    web::Server first(small_options(), echo, error_page);
    first.start();
    auto same = small_options();
    same.port = first.port();
    web::Server second(same, echo, error_page);
    EXPECT_THROW(second.start(), std::runtime_error);
    first.stop();
}

// --- graceful shutdown (RE-10) ------------------------------------------------------------------

TEST(ServerShutdown, InFlightRequestCompletesAndNewConnectionsAreRefused) {
    std::atomic<bool> entered{false};
    auto handler = [&](web::Request& r) {
        if (r.path == "/sleep") {
            entered = true;
            std::this_thread::sleep_for(1s);
        }
        return web::Response::text(200, "done " + r.path);
    };
    auto o = small_options();
    o.shutdown_grace = 10s;
    web::Server server(o, handler, error_page);
    server.start();
    const auto port = server.port();

    Client idle(port);  // an idle keep-alive connection must not hold the shutdown up
    idle.send(get("/idle"));
    ASSERT_TRUE(idle.read_response());

    Client busy(port);
    busy.send(get("/sleep"));
    const auto deadline = Clock::now() + 5s;
    while (!entered && Clock::now() < deadline) std::this_thread::sleep_for(5ms);
    ASSERT_TRUE(entered);

    const auto begin = Clock::now();
    std::thread stopper([&] { server.stop(); });
    auto r = busy.read_response();
    stopper.join();
    const auto took = Clock::now() - begin;

    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, "done /sleep");
    EXPECT_EQ(r->header("connection"), "close");
    EXPECT_LT(took, 5s);
    EXPECT_TRUE(idle.wait_closed(1000ms));
    EXPECT_THROW(Client{port}, std::runtime_error);
    EXPECT_EQ(server.open_connections(), 0u);
}

TEST(ServerShutdown, SigtermDrainsTheServerAndWaitReturns) {
    web::Server server(small_options(), echo, error_page);
    server.handle_signals();
    server.start();
    const auto port = server.port();
    {
        Client c(port);
        c.send(get("/before"));
        ASSERT_TRUE(c.read_response());
    }
    ASSERT_EQ(::kill(::getpid(), SIGTERM), 0);
    server.wait();
    EXPECT_THROW(Client{port}, std::runtime_error);
}

TEST(ServerShutdown, WaitReturnsAfterStopFromAnotherThread) {
    web::Server server(small_options(), echo, error_page);
    server.start();
    std::thread stopper([&] {
        std::this_thread::sleep_for(100ms);
        server.stop();
    });
    server.wait();
    stopper.join();
    SUCCEED();
}

}  // namespace
