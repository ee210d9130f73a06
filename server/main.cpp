// byline-serve: Byline's HTTP JSON API and web page over one index, read-only.
// Exit status: 0 stopped by SIGINT/SIGTERM, 2 usage error, 3 index error, 4 cannot listen.
#include <byline/byline.h>

#include "connection_guard.h"
#include "http_api.h"
#include "web_assets.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>
#include <thread>

namespace {

struct ServeOptions {
    std::string index_path = ".byline-index";
    std::string host = "127.0.0.1";
    int port = 8080;
    std::size_t threads = std::max(4u, 2 * std::thread::hardware_concurrency());  // searches
    byline::server::ConnectionLimits limits;
    int timeout_seconds = 10;  // limits.request_timeout
    std::string cors_origin;   // "" = no CORS headers
    bool quiet = false;
};

byline::server::Params params_of(const httplib::Request& request) {
    return {request.params.begin(), request.params.end()};
}

void reply(httplib::Response& response, const byline::server::Response& answer) {
    response.status = answer.status;
    response.set_header("Cache-Control", "no-store");
    response.set_content(answer.body, "application/json; charset=utf-8");
}

void add_routes(httplib::Server& http, byline::server::Api& api) {
    using httplib::Request;
    using httplib::Response;
    http.Get("/search", [&](const Request& q, Response& r) { reply(r, api.search(params_of(q))); });
    http.Get("/facets", [&](const Request& q, Response& r) { reply(r, api.facets(params_of(q))); });
    http.Get("/health", [&](const Request&, Response& r) { reply(r, api.health()); });
    http.Get(R"(/doc/(.+))",
             [&](const Request& q, Response& r) { reply(r, api.document(q.matches[1])); });
    // Only the compiled-in page: no path ever reaches the file system.
    http.Get(R"(/[^/]*)", [](const Request& q, Response& r) {
        const byline::server::Asset* asset = byline::server::find_asset(q.path);
        if (!asset) {
            reply(r, byline::server::error_response(404, "not_found", "no such path: " + q.path));
            return;
        }
        r.set_header("Content-Security-Policy",
                     "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        r.set_content(std::string(asset->body), std::string(asset->content_type));
    });
}

void configure(httplib::Server& http, const ServeOptions& options) {
    // Headers and body go out in separate writes: without this, Nagle's algorithm and the
    // client's delayed ACK add 40 ms to every keep-alive response.
    http.set_tcp_nodelay(true);
    http.set_payload_max_length(64 * 1024);  // the API takes GET parameters, not bodies
    http.set_default_headers({{"X-Content-Type-Options", "nosniff"}});
    if (!options.cors_origin.empty()) {
        http.set_post_routing_handler([origin = options.cors_origin](const auto&, auto& r) {
            r.set_header("Access-Control-Allow-Origin", origin);
        });
        http.Options(R"(/.*)", [origin = options.cors_origin](const auto&, auto& r) {
            r.set_header("Access-Control-Allow-Methods", "GET, OPTIONS");
            r.set_header("Access-Control-Allow-Headers", "Content-Type");
            r.set_header("Access-Control-Max-Age", "600");
            r.status = 204;
        });
    }
    if (!options.quiet) {
        http.set_logger([](const httplib::Request& q, const httplib::Response& r) {
            std::cerr << q.method << " " << q.target << " " << r.status << "\n";
        });
    }
    http.set_error_handler([](const httplib::Request& q, httplib::Response& r) {
        if (!r.body.empty()) return;
        std::string code = r.status == 404 ? "not_found" : r.status == 413 ? "too_large" : "usage";
        reply(r, byline::server::error_response(r.status, code,
                                                "cannot serve " + q.method + " " + q.path));
    });
}

// Signals are taken by one thread that stops the server: a handler may not call stop().
void stop_on_signal(httplib::Server& http) {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::thread([&http, signals] {
        int signal = 0;
        sigwait(&signals, &signal);
        // stop() does nothing until the server listens: a signal just after the banner waits.
        while (!http.is_running())
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        http.stop();
    }).detach();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Serve a Byline index over HTTP: JSON API and web page"};
    ServeOptions options;
    app.add_option("-i,--index", options.index_path, "Index folder")->default_val(".byline-index");
    app.add_option("--host", options.host, "Address to bind (default: loopback only)")
        ->default_val("127.0.0.1");
    app.add_option("-p,--port", options.port, "Port; 0 picks a free one (printed on start)")
        ->default_val(8080)
        ->check(CLI::Range(0, 65535));
    app.add_option("--threads", options.threads, "Searches run at once (searchers kept open)")
        ->check(CLI::Range(1, 256));
    app.add_option("--max-connections", options.limits.max_connections,
                   "Connections served at once; more are answered 503 at once")
        ->default_val(64)
        ->check(CLI::Range(1, 1000));
    app.add_option("--cors", options.cors_origin,
                   "Allow browser pages from this origin (e.g. https://example.org or *)");
    app.add_option("--timeout", options.timeout_seconds,
                   "Seconds to read a whole request (then 408), and to write its answer")
        ->default_val(10)
        ->check(CLI::Range(1, 3600));
    app.add_flag("-q,--quiet", options.quiet, "Do not log requests on stderr");
    CLI11_PARSE(app, argc, argv);

    options.limits.request_timeout = std::chrono::seconds(options.timeout_seconds);

    try {
        byline::server::SearcherPool pool(options.index_path, options.threads);
        byline::server::Api api(pool);
        byline::server::GuardedServer http(options.limits);
        configure(http, options);
        add_routes(http, api);
        stop_on_signal(http);
        int port = options.port == 0
                       ? http.bind_to_any_port(options.host)
                       : (http.bind_to_port(options.host, options.port) ? options.port : -1);
        if (port < 0) {
            std::cerr << "byline-serve: cannot listen on " << options.host << ":" << options.port
                      << " (in use? try --port 0 for a free one)\n";
            return 4;
        }
        std::cout << "byline-serve: serving " << options.index_path << " at http://" << options.host
                  << ":" << port << "/ (Ctrl-C stops)" << std::endl;
        http.listen_after_bind();
        std::cerr << "byline-serve: stopped\n";
        return 0;
    } catch (const byline::Error& e) {
        std::cerr << "byline-serve: " << e.what() << "\n";
        return 3;
    }
}
