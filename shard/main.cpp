// byline-shard: serves one index, or one shard of a sharded index, to searchers opening a
// cluster file (README: remote shards). Two servers: Xapian's own remote server (xapian-tcpsrv,
// a child process) ranks and reads articles; this process answers GET /hello (which port that
// is) and POST /count (facet counts of the shard's matching articles) on --port.
// Exit status: 0 stopped by SIGINT/SIGTERM, 2 usage error, 3 index error or xapian-tcpsrv
// failed, 4 cannot listen.
#include <byline/byline.h>

#include "xapian_server.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <CLI/CLI.hpp>

#include <atomic>
#include <chrono>
#include <iostream>
#include <thread>

namespace {

struct ShardOptions {
    std::string index_path;
    std::string host = "127.0.0.1";
    int port = 0;
    double timeout_seconds = 10;
    bool quiet = false;
};

void add_routes(httplib::Server& http, const byline::ShardService& service, int xapian_port) {
    http.Get("/hello", [&service, xapian_port](const httplib::Request&, httplib::Response& r) {
        r.set_content(service.hello(xapian_port), "application/json");
    });
    http.Post("/count", [&service](const httplib::Request& q, httplib::Response& r) {
        try {
            if (std::optional<std::string> counts = service.count(q.body)) {
                r.set_content(*counts, "application/octet-stream");
            } else {
                r.status = 409;  // send the entity aliases with the request
                r.set_content("aliases", "text/plain");
            }
        } catch (const byline::UsageError& e) {
            r.status = 400;
            r.set_content(e.what(), "text/plain");
        } catch (const byline::Error& e) {
            r.status = 500;
            r.set_content(e.what(), "text/plain");
        }
    });
}

// Signals stop the server from one thread (a handler may not); so does xapian-tcpsrv exiting.
void stop_when_done(httplib::Server& http, byline::shard::XapianServer& xapian,
                    std::atomic<bool>& xapian_failed) {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::thread([&http, signals] {
        int signal = 0;
        sigwait(&signals, &signal);
        while (!http.is_running())
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        http.stop();
    }).detach();
    std::thread([&http, &xapian, &xapian_failed] {
        while (xapian.running())
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        xapian_failed = true;
        while (!http.is_running())
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        http.stop();
    }).detach();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Serve a Byline index, or one shard of a sharded index, to cluster searchers"};
    ShardOptions options;
    app.add_option("-i,--index", options.index_path, "Index or shard folder")->required();
    app.add_option("--host", options.host, "Address to bind (default: loopback only)")
        ->default_val("127.0.0.1");
    app.add_option("-p,--port", options.port,
                   "Port of this server (the cluster file's); 0 picks a free one, printed as "
                   "the first line of standard output")
        ->required()
        ->check(CLI::Range(0, 65535));
    app.add_option("--timeout", options.timeout_seconds,
                   "Seconds a request may keep Xapian's server busy")
        ->default_val(10)
        ->check(CLI::Range(0.1, 3600.0));
    app.add_flag("-q,--quiet", options.quiet, "Do not log requests on stderr");
    CLI11_PARSE(app, argc, argv);

    try {
        byline::ShardService service(options.index_path);
        byline::shard::XapianServer xapian(options.index_path, options.host,
                                           options.timeout_seconds);
        httplib::Server http;
        http.set_tcp_nodelay(true);
        http.set_payload_max_length(64 << 20);  // a count request carries the entity aliases
        if (!options.quiet) {
            http.set_logger([](const httplib::Request& q, const httplib::Response& r) {
                std::cerr << q.method << " " << q.path << " " << r.status << "\n";
            });
        }
        add_routes(http, service, xapian.port());
        std::atomic<bool> xapian_failed{false};
        stop_when_done(http, xapian, xapian_failed);
        const int port = options.port == 0 ? http.bind_to_any_port(options.host)
                         : http.bind_to_port(options.host, options.port) ? options.port
                                                                         : -1;
        if (port < 0) {
            std::cerr << "byline-shard: cannot listen on " << options.host << ":" << options.port
                      << " (in use? try --port 0 for a free one)\n";
            return 4;
        }
        std::cout << port << std::endl;
        std::cerr << "byline-shard: serving " << options.index_path << " at " << options.host << ":"
                  << port << " (Xapian's remote server on port " << xapian.port()
                  << "; Ctrl-C stops)\n";
        http.listen_after_bind();
        if (xapian_failed) {
            std::cerr << "byline-shard: xapian-tcpsrv stopped; stopping too\n";
            return 3;
        }
        std::cerr << "byline-shard: stopped\n";
        return 0;
    } catch (const byline::Error& e) {
        std::cerr << "byline-shard: " << e.what() << "\n";
        return 3;
    } catch (const std::runtime_error& e) {
        std::cerr << "byline-shard: " << e.what() << "\n";
        return 3;
    }
}
