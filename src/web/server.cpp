// The only translation unit that includes Boost.Beast / Boost.Asio.
//
// Shape of a connection (one Session per socket, all its I/O on one strand):
//
//   head  : raw bytes are read by the session itself and checked byte by byte by HeadScanner
//           (request_head.hpp: request-line length, header bytes and count, bare CR/LF,
//           obs-fold, non-ASCII in the request line) before Beast's parser sees them. The
//           complete head is then handed to beast::http::request_parser, with body_limit already
//           chosen from the path, and the framing headers are checked once more by
//           check_framing (duplicate CL, CL+TE, unknown TE, Host).
//   body  : beast::http::async_read with the same parser; body_limit covers Content-Length and
//           chunked bodies (checked against every chunk size). A request without framing on a
//           method that carries a body is refused with 400 rather than read to end of stream.
//   work  : the complete request is posted to a bounded asio::thread_pool (at most one request
//           per connection is in flight, so the queue is bounded by max_connections).
//   write : the response is serialized (response_wire.hpp: Server, Date, Content-Length,
//           Connection) and written on the connection's strand; then the next request, or a
//           lingering close. Client address: forwarded.hpp; access log line: access_log.hpp.
//
// Deadlines: one timer per session. The first head must arrive within header_timeout of the
// accept; an idle keep-alive connection gets idle_timeout, and once its first byte arrives the
// rest of the head gets header_timeout. The body gets body_timeout, and so does writing.
#include "web/server.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/buffer.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>
#include <csignal>
#include <cstdint>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>

#include "core/log.hpp"
#include "web/access_log.hpp"
#include "web/ascii.hpp"
#include "web/forwarded.hpp"
#include "web/handler_call.hpp"
#include "web/request_head.hpp"
#include "web/response_wire.hpp"

namespace web {
namespace server_detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;
using Clock = std::chrono::steady_clock;
using Strand = asio::strand<asio::io_context::executor_type>;

using ascii::iequals;
using ascii::trim;

// ---------------------------------------------------------------------------------------------
// Adapters between Asio/Beast types and the plain ones of the Beast-free files

IpAddress to_ip(const asio::ip::address& a) {
    if (a.is_v4()) return make_ipv4(a.to_v4().to_bytes());
    return make_ipv6(a.to_v6().to_bytes(), a.to_v6().scope_id());
}

/// The wire form with Beast's reason phrase and the current date. Status must be 200..599.
Serialized serialize(const Response& res, bool head_only, bool keep_alive, bool http10) {
    std::string_view reason = bhttp::obsolete_reason(static_cast<bhttp::status>(res.status));
    if (!reason.empty() && reason.front() == '<') reason = {};
    return serialize_response(res, reason, http_date(), head_only, keep_alive, http10);
}

// ---------------------------------------------------------------------------------------------
// Engine and Session

class Session;

/// Everything the server owns. Lives inside Server::Impl.
class Engine {
public:
    Engine(ServerOptions options, Handler handler, ErrorPage error_page)
        : m_options(std::move(options)), m_handler(std::move(handler)), m_error_page(std::move(error_page)) {}
    ~Engine() { teardown(); }

    void start();
    void begin_shutdown();
    void wait();
    void request_signals();
    [[nodiscard]] unsigned short port() const { return m_port; }
    [[nodiscard]] std::size_t open_connections() const { return m_connections.load(); }

    // Used by sessions.
    [[nodiscard]] const ServerOptions& options() const { return m_options; }
    [[nodiscard]] bool stopping() const { return m_stopping.load(); }
    [[nodiscard]] const std::vector<Network>& trusted() const { return m_trusted; }
    [[nodiscard]] asio::thread_pool& workers() { return *m_workers; }
    Response run_handler(Request& request) const { return call_handler(m_handler, m_error_page, request); }
    Response error_response(int status) const { return web::error_response(m_error_page, status); }
    void session_closed(std::uint64_t id);

private:
    void accept();
    void install_signals();
    void reject(tcp::socket& socket);
    void finish();
    void teardown();

    ServerOptions m_options;
    Handler m_handler;
    ErrorPage m_error_page;
    std::vector<Network> m_trusted;
    std::string m_busy_response;

    std::atomic<std::size_t> m_connections{0};
    std::atomic<bool> m_started{false};
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_finished{false};
    std::atomic<bool> m_signals_requested{false};
    unsigned short m_port = 0;

    std::mutex m_sessions_mutex;
    std::unordered_map<std::uint64_t, std::weak_ptr<Session>> m_sessions;
    std::uint64_t m_next_id = 1;

    std::mutex m_join_mutex;
    bool m_joined = false;
    std::vector<std::thread> m_io_threads;
    std::optional<asio::thread_pool> m_workers;

    // Destroyed explicitly in teardown(): everything bound to the io_context goes first, then
    // the io_context itself (which destroys sessions still owned by unrun handlers; their
    // destructors use m_sessions and m_connections above).
    std::optional<asio::io_context> m_io;
    std::optional<Strand> m_strand;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> m_work;
    std::optional<tcp::acceptor> m_acceptor;
    std::optional<asio::signal_set> m_signals;
    std::optional<asio::steady_timer> m_grace_timer;
    std::optional<asio::steady_timer> m_accept_retry;
};

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(Engine& engine, tcp::socket socket, std::uint64_t id)
        : m_engine(engine),
          m_id(id),
          m_socket(std::move(socket)),
          m_timer(m_socket.get_executor()),
          m_buffer(head_limit(engine.options()) + 64 * 1024),
          m_scanner(HeadLimits{engine.options().max_request_line, engine.options().max_header_bytes,
                               engine.options().max_header_count}) {
        error_code ec;
        auto endpoint = m_socket.remote_endpoint(ec);
        if (!ec) {
            m_peer = to_ip(endpoint.address());
            m_peer_text = to_string(m_peer);
            m_peer_trusted = is_trusted(engine.trusted(), m_peer);
        } else {
            m_peer_text = "-";
        }
        m_socket.set_option(tcp::no_delay(true), ec);
    }

    ~Session() { m_engine.session_closed(m_id); }

    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    void start() {
        asio::dispatch(m_socket.get_executor(), [self = shared_from_this()] { self->begin_request(); });
    }

    /// Runs on the strand when the server starts shutting down: idle connections close now,
    /// the others close after their current response.
    void on_shutdown() {
        if (m_phase == Phase::Idle || m_phase == Phase::Lingering) close();
    }

    [[nodiscard]] asio::any_io_executor executor() { return m_socket.get_executor(); }

private:
    enum class Phase { Idle, Head, Body, Handling, Writing, Lingering, Closed };

    static std::size_t head_limit(const ServerOptions& o) {
        // Request line, the fields, CRLFs and a few tolerated empty lines in front.
        return o.max_request_line + o.max_header_bytes + 16;
    }

    // --- deadlines ---------------------------------------------------------------------------

    void arm(Clock::duration d) {
        m_timed_out = false;
        m_timer.expires_after(d);
        m_timer.async_wait([weak = weak_from_this()](error_code ec) {
            if (ec) return;
            if (auto self = weak.lock()) self->on_deadline();
        });
    }

    void disarm() { m_timer.expires_at(Clock::time_point::max()); }

    void on_deadline() {
        // The timer may have been re-armed after this expiry was queued.
        if (m_timer.expiry() > Clock::now() || m_phase == Phase::Closed) return;
        m_timed_out = true;
        error_code ec;
        m_socket.cancel(ec);
    }

    // --- reading the head --------------------------------------------------------------------

    void begin_request() {
        if (m_phase == Phase::Closed) return;
        m_scanner.reset();
        m_parser.reset();
        m_request = Request{};
        m_log = AccessRecord{.method = "-", .path = "-"};
        m_head_only = false;
        m_close_after = false;
        if (m_buffer.size() > 0) {
            m_phase = Phase::Head;
            arm(m_engine.options().header_timeout);
        } else {
            m_phase = Phase::Idle;
            if (m_engine.stopping()) return close();
            arm(m_requests == 0 ? m_engine.options().header_timeout : m_engine.options().idle_timeout);
        }
        continue_head();
    }

    std::string_view buffered() const {
        return {static_cast<const char*>(m_buffer.data().data()), m_buffer.size()};
    }

    void continue_head() {
        switch (m_scanner.scan(buffered())) {
            case HeadScanner::State::Complete:
                return process_head();
            case HeadScanner::State::Error:
                return fail(m_scanner.error_status());
            case HeadScanner::State::NeedMore:
                break;
        }
        const std::size_t space = m_buffer.max_size() - m_buffer.size();
        if (space == 0) return fail(431);  // cannot happen: the scanner stops earlier
        m_socket.async_read_some(
            m_buffer.prepare(std::min<std::size_t>(space, 16 * 1024)),
            [self = shared_from_this()](error_code ec, std::size_t n) { self->on_head_read(ec, n); });
    }

    void on_head_read(error_code ec, std::size_t n) {
        if (m_phase == Phase::Closed) return;
        if (ec) {
            // A timeout with part of a head received gets 408; an idle one just closes.
            if (m_timed_out && m_phase == Phase::Head) return fail(408);
            return close();
        }
        m_buffer.commit(n);
        if (m_phase == Phase::Idle && n > 0) {
            m_phase = Phase::Head;
            if (m_requests > 0) arm(m_engine.options().header_timeout);
        }
        continue_head();
    }

    void process_head() {
        const std::string_view all = buffered();
        const std::string_view head =
            all.substr(m_scanner.skipped(), m_scanner.head_size() - m_scanner.skipped());

        // The body limit must be known before Beast parses the head: it checks Content-Length
        // against the limit while finishing the header and never again. So take the path from
        // the request line now (Beast validates the line's structure right after).
        const RequestLineHint hint = request_line_hint(head);
        if (hint.has_sp) m_log.method = std::string(hint.method.substr(0, 16));
        m_log.path = std::string(hint.path.substr(0, 2048));  // bounded log line

        const auto& o = m_engine.options();
        m_parser.emplace();
        m_parser->header_limit(static_cast<std::uint32_t>(head_limit(o)));
        m_body_limit =
            body_limit_for(hint.path, o.upload_path_prefixes, o.max_body_bytes, o.max_upload_body_bytes);
        m_parser->body_limit(m_body_limit);
        error_code ec;
        const std::size_t used = m_parser->put(asio::buffer(head.data(), head.size()), ec);
        m_buffer.consume(m_scanner.head_size());
        if (ec == bhttp::error::body_limit) return fail(413);
        if (ec == bhttp::error::header_limit) return fail(431);
        if (ec || used != head.size() || !m_parser->is_header_done()) return fail(400);

        // Framing and method rules beyond what Beast checks (HT-02, HT-08).
        const ParsedHead parsed = parsed_head();
        if (int status = check_framing(parsed); status != 0) return fail(status);
        build_request(parsed);

        if (m_parser->is_done()) return dispatch();
        const auto& h = m_parser->get();
        if (auto expect = h.find(bhttp::field::expect);
            expect != h.end() && h.version() == 11 && iequals(trim(expect->value()), "100-continue")) {
            static constexpr std::string_view k_continue = "HTTP/1.1 100 Continue\r\n\r\n";
            m_phase = Phase::Body;
            arm(m_engine.options().body_timeout);
            asio::async_write(m_socket, asio::buffer(k_continue.data(), k_continue.size()),
                              [self = shared_from_this()](error_code ec, std::size_t) {
                                  if (self->m_phase == Phase::Closed) return;
                                  if (ec) return self->close();
                                  self->read_body();
                              });
            return;
        }
        read_body();
    }

    /// The parsed head as plain strings (views into the parser's header).
    ParsedHead parsed_head() const {
        const auto& h = m_parser->get();
        ParsedHead head;
        head.version = h.version();
        head.method = h.method_string();
        head.target = h.target();
        for (const auto& field : h) head.fields.emplace_back(field.name_string(), field.value());
        return head;
    }

    void build_request(const ParsedHead& head) {
        Request& r = m_request;
        fill_request(r, head);
        r.client_ip = m_peer_text;
        r.secure = false;
        if (m_peer_trusted) {
            ClientOrigin origin = forwarded_origin(m_peer, r.headers, m_engine.trusted());
            r.client_ip = std::move(origin.ip);
            r.secure = origin.secure;
        }
        r.request_id = make_request_id();
        m_head_only = r.method == Method::Head;
        m_log.method = std::string(method_name(r.method));
        m_started = Clock::now();
    }

    // --- body --------------------------------------------------------------------------------

    void read_body() {
        m_phase = Phase::Body;
        arm(m_engine.options().body_timeout);
        bhttp::async_read(
            m_socket, m_buffer, *m_parser,
            [self = shared_from_this()](error_code ec, std::size_t) { self->on_body_read(ec); });
    }

    void on_body_read(error_code ec) {
        if (m_phase == Phase::Closed) return;
        if (ec) {
            if (m_timed_out) return fail(408);
            if (ec == bhttp::error::body_limit) return fail(413);
            if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message ||
                ec == asio::error::eof || ec == asio::error::connection_reset ||
                ec == asio::error::operation_aborted)
                return close();
            return fail(400);  // bad chunk, chunk extension, trailer, buffer overflow
        }
        m_request.body = std::move(m_parser->get().body());
        if (m_request.body.size() > m_body_limit) return fail(413);  // belt and braces (PR #2201)
        dispatch();
    }

    // --- handler -----------------------------------------------------------------------------

    void dispatch() {
        m_phase = Phase::Handling;
        disarm();
        ++m_requests;
        m_keep_alive = m_parser->get().keep_alive();
        m_http10 = m_parser->get().version() == 10;
        m_log.ip = m_request.client_ip;
        m_log.request_id = m_request.request_id;
        asio::post(m_engine.workers(), [self = shared_from_this(), request = std::move(m_request)]() mutable {
            Response response = self->m_engine.run_handler(request);
            asio::post(self->m_socket.get_executor(),
                       [self, response = std::move(response)]() mutable { self->send(std::move(response)); });
        });
        m_request = Request{};
    }

    // --- writing -----------------------------------------------------------------------------

    /// Answers a request the server refuses itself, then closes (HT-01, HT-02).
    void fail(int status) {
        if (m_phase == Phase::Closed) return;
        if (m_phase == Phase::Idle || m_phase == Phase::Head) m_started = Clock::now();
        m_close_after = true;
        m_head_only = false;
        Response response = m_engine.error_response(status);
        if (status == 405) response.set_header("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        send(std::move(response));
    }

    void send(Response response) {
        if (m_phase == Phase::Closed) return;
        if (response.status < 200 || response.status > 599) {
            core::log::error("handler returned status " + std::to_string(response.status));
            response = m_engine.error_response(500);
        }
        const auto max_requests = m_engine.options().max_requests_per_connection;
        const bool keep_alive = !m_close_after && m_keep_alive && !m_engine.stopping() &&
                                (max_requests == 0 || m_requests < max_requests);
        m_close_after = !keep_alive;
        Serialized out = serialize(response, m_head_only, keep_alive, m_http10);
        m_out = std::move(out.bytes);
        m_log.status = response.status;
        m_log.body_bytes = out.body_bytes;
        m_phase = Phase::Writing;
        arm(m_engine.options().body_timeout);
        asio::async_write(m_socket, asio::buffer(m_out),
                          [self = shared_from_this()](error_code ec, std::size_t) { self->on_written(ec); });
    }

    void on_written(error_code ec) {
        if (m_phase == Phase::Closed) return;
        log_access();
        m_out.clear();
        m_out.shrink_to_fit();
        if (ec) return close();
        if (m_close_after) return linger();
        begin_request();
    }

    /// One line per answered request. The query string is left out: it may hold search terms.
    void log_access() {
        if (!m_engine.options().log_access) return;
        m_log.peer = m_peer_text;
        m_log.ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - m_started).count();
        core::log::info(format_access_line(m_log));
    }

    // --- closing -----------------------------------------------------------------------------

    /// Half-closes, then reads and discards what the client still sends for a short while, so
    /// that the response is not destroyed by a TCP reset caused by unread request bytes.
    void linger() {
        error_code ec;
        m_socket.shutdown(tcp::socket::shutdown_send, ec);
        if (ec || m_engine.stopping()) return close();
        m_phase = Phase::Lingering;
        m_linger_bytes = 0;
        arm(std::chrono::seconds(2));
        discard();
    }

    void discard() {
        m_socket.async_read_some(asio::buffer(m_discard),
                                 [self = shared_from_this()](error_code ec, std::size_t n) {
                                     if (self->m_phase == Phase::Closed) return;
                                     self->m_linger_bytes += n;
                                     if (ec || self->m_linger_bytes > 1024 * 1024) return self->close();
                                     self->discard();
                                 });
    }

    void close() {
        if (m_phase == Phase::Closed) return;
        m_phase = Phase::Closed;
        error_code ec;
        m_timer.cancel();
        m_socket.shutdown(tcp::socket::shutdown_both, ec);
        m_socket.close(ec);
    }

    Engine& m_engine;
    const std::uint64_t m_id;
    tcp::socket m_socket;
    asio::steady_timer m_timer;
    beast::flat_buffer m_buffer;
    HeadScanner m_scanner;
    std::optional<bhttp::request_parser<bhttp::string_body>> m_parser;
    Request m_request;
    std::string m_out;
    std::array<char, 4096> m_discard{};

    IpAddress m_peer;
    std::string m_peer_text;
    bool m_peer_trusted = false;

    Phase m_phase = Phase::Idle;
    bool m_timed_out = false;
    bool m_keep_alive = false;
    bool m_http10 = false;
    bool m_head_only = false;
    bool m_close_after = false;
    std::size_t m_requests = 0;
    std::uint64_t m_body_limit = 0;
    std::size_t m_linger_bytes = 0;

    // Access log fields of the current request.
    Clock::time_point m_started = Clock::now();
    AccessRecord m_log{.method = "-", .path = "-"};
};

// ---------------------------------------------------------------------------------------------
// Engine implementation

void Engine::start() {
    if (m_started.load()) throw std::runtime_error("server already started");
    teardown();  // leftovers of an earlier start() that threw
    m_finished = false;
    m_trusted = parse_networks(m_options.trusted_proxies);
    const std::size_t io_threads = std::max<std::size_t>(1, m_options.io_threads);
    const std::size_t worker_threads = std::max<std::size_t>(1, m_options.worker_threads);

    m_io.emplace(static_cast<int>(io_threads));
    m_strand.emplace(asio::make_strand(*m_io));
    error_code ec;
    const auto address = asio::ip::make_address(m_options.address, ec);
    if (ec) throw std::runtime_error("invalid listen address: " + m_options.address);
    const tcp::endpoint endpoint(address, m_options.port);
    m_acceptor.emplace(*m_strand);
    const std::string where = m_options.address + ":" + std::to_string(m_options.port);
    if (m_acceptor->open(endpoint.protocol(), ec); ec)
        throw std::runtime_error("cannot open socket for " + where + ": " + ec.message());
    m_acceptor->set_option(asio::socket_base::reuse_address(true), ec);
    if (m_acceptor->bind(endpoint, ec); ec)
        throw std::runtime_error("cannot bind " + where + ": " + ec.message());
    if (m_acceptor->listen(asio::socket_base::max_listen_connections, ec); ec)
        throw std::runtime_error("cannot listen on " + where + ": " + ec.message());
    m_port = m_acceptor->local_endpoint(ec).port();

    // Rendered once: refusing a connection over the cap must cost nothing.
    {
        const Response busy = error_response(503);
        m_busy_response = serialize(busy, false, false, false).bytes;
    }

    m_work.emplace(asio::make_work_guard(*m_io));
    m_workers.emplace(worker_threads);
    m_started = true;
    // Installed before the I/O threads run, so a signal right after start() is already ours.
    if (m_signals_requested.load()) install_signals();
    accept();
    for (std::size_t i = 0; i < io_threads; ++i)
        m_io_threads.emplace_back([this] {
            for (;;) {
                try {
                    m_io->run();
                    return;
                } catch (const std::exception& e) {
                    core::log::error(std::string("exception on an I/O thread: ") + e.what());
                }
            }
        });
    core::log::info("listening on " + m_options.address + ":" + std::to_string(m_port));
}

void Engine::request_signals() {
    if (m_signals_requested.exchange(true) || !m_started.load()) return;
    asio::post(*m_strand, [this] { install_signals(); });
}

void Engine::install_signals() {
    if (m_signals || m_stopping.load()) return;
    m_signals.emplace(*m_strand, SIGINT, SIGTERM);
    m_signals->async_wait([this](error_code ec, int signal) {
        if (ec) return;
        core::log::info("signal " + std::to_string(signal) + " received, shutting down");
        begin_shutdown();
    });
}

void Engine::accept() {
    m_acceptor->async_accept(asio::make_strand(*m_io), [this](error_code ec, tcp::socket socket) {
        if (ec) {
            if (ec == asio::error::operation_aborted || !m_acceptor->is_open()) return;
            // Out of descriptors or similar: back off briefly instead of spinning.
            core::log::warn("accept failed: " + ec.message());
            m_accept_retry.emplace(*m_strand, std::chrono::milliseconds(100));
            m_accept_retry->async_wait([this](error_code wait_ec) {
                if (!wait_ec && !m_stopping.load()) accept();
            });
            return;
        }
        if (m_stopping.load()) {
            socket.close(ec);
            return;
        }
        if (m_connections.load() >= m_options.max_connections) {
            reject(socket);
        } else {
            ++m_connections;
            std::shared_ptr<Session> session;
            {
                std::lock_guard lock(m_sessions_mutex);
                const std::uint64_t id = m_next_id++;
                session = std::make_shared<Session>(*this, std::move(socket), id);
                m_sessions.emplace(id, session);
            }
            session->start();
        }
        accept();
    });
}

void Engine::reject(tcp::socket& socket) {
    // Best effort, without blocking the I/O thread: a fresh socket's send buffer takes it.
    error_code ec;
    socket.non_blocking(true, ec);
    socket.write_some(asio::buffer(m_busy_response), ec);
    socket.shutdown(tcp::socket::shutdown_both, ec);
    socket.close(ec);
}

void Engine::session_closed(std::uint64_t id) {
    {
        std::lock_guard lock(m_sessions_mutex);
        m_sessions.erase(id);
    }
    if (--m_connections == 0 && m_stopping.load()) finish();
}

void Engine::begin_shutdown() {
    if (!m_started.load() || m_stopping.exchange(true)) return;
    asio::post(*m_strand, [this] {
        error_code ec;
        m_acceptor->close(ec);
        if (m_signals) m_signals->cancel(ec);
        if (m_accept_retry) m_accept_retry->cancel();
        m_grace_timer.emplace(*m_strand, m_options.shutdown_grace);
        m_grace_timer->async_wait([this](error_code wait_ec) {
            if (wait_ec) return;
            core::log::warn("shutdown grace expired with " + std::to_string(m_connections.load()) +
                            " connection(s) open");
            finish();
        });
        std::vector<std::shared_ptr<Session>> sessions;
        {
            std::lock_guard lock(m_sessions_mutex);
            for (auto& [id, weak] : m_sessions)
                if (auto s = weak.lock()) sessions.push_back(std::move(s));
        }
        for (auto& s : sessions) asio::post(s->executor(), [s] { s->on_shutdown(); });
    });
    if (m_connections.load() == 0) finish();
}

void Engine::finish() {
    if (m_finished.exchange(true)) return;
    m_io->stop();
}

void Engine::wait() {
    std::lock_guard lock(m_join_mutex);
    if (m_joined || !m_started.load()) return;
    for (auto& t : m_io_threads) t.join();
    m_io_threads.clear();
    // Requests still queued after the grace period are dropped; running handlers are awaited.
    m_workers->stop();
    m_workers->join();
    teardown();
    m_joined = true;
    core::log::info("server stopped");
}

void Engine::teardown() {
    m_finished = true;  // sessions destroyed below must not touch the io_context any more
    // Abandoned worker jobs own sessions whose sockets belong to the io_context: first them,
    // then the I/O objects, then the io_context (which destroys sessions held by unrun handlers).
    m_workers.reset();
    m_accept_retry.reset();
    m_grace_timer.reset();
    m_signals.reset();
    m_acceptor.reset();
    m_work.reset();
    m_strand.reset();
    m_io.reset();
}

}  // namespace server_detail

// -------------------------------------------------------------------------------------------------

struct Server::Impl {
    Impl(ServerOptions o, Handler h, ErrorPage e) : engine(std::move(o), std::move(h), std::move(e)) {}
    server_detail::Engine engine;
};

Server::Server(ServerOptions options, Handler handler, ErrorPage error_page)
    : m_impl(std::make_unique<Impl>(std::move(options), std::move(handler), std::move(error_page))) {}

Server::~Server() {
    try {
        stop();
    } catch (...) {
        // Destructors must not throw; stop() only fails on broken invariants.
    }
}

void Server::start() {
    m_impl->engine.start();
}
void Server::wait() {
    m_impl->engine.wait();
}

void Server::stop() {
    m_impl->engine.begin_shutdown();
    m_impl->engine.wait();
}

void Server::handle_signals() {
    m_impl->engine.request_signals();
}
unsigned short Server::port() const {
    return m_impl->engine.port();
}
std::size_t Server::open_connections() const {
    return m_impl->engine.open_connections();
}

}  // namespace web
