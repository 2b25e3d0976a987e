#include "server_fixture.hpp"

#include <unistd.h>

#include <cstdio>
#include <stdexcept>

namespace raw_socket {

using namespace std::chrono_literals;

std::size_t resident_bytes() {
    std::size_t size = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%zu %zu", &size, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return resident * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

std::string get(std::string_view path, std::string_view extra_headers) {
    return "GET " + std::string(path) + " HTTP/1.1\r\nHost: test\r\n" + std::string(extra_headers) + "\r\n";
}

web::Response echo(web::Request& r) {
    if (r.path == "/throw") throw std::runtime_error("boom: SELECT secret FROM internals");
    if (r.path == "/bad-header") {
        web::Response res = web::Response::text(200, "ok");
        res.headers.emplace_back("X-Evil", "a\r\nSet-Cookie: injected=1");  // bypasses set_header
        res.headers.emplace_back("Bad Name", "x");
        res.headers.emplace_back("Content-Length", "999");
        return res;
    }
    std::string body = "ip=" + r.client_ip + " secure=" + (r.secure ? "1" : "0") +
                       " method=" + std::string(web::method_name(r.method)) + " path=" + r.path +
                       " query=" + r.query + " body=" + std::to_string(r.body.size()) + " id=" + r.request_id;
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

}  // namespace raw_socket
