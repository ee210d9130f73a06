// Load on byline-serve over loopback: CLIENTS threads, each with one keep-alive connection, send
// /search requests for the queries of a file in turn until REQUESTS are done or SECONDS pass.
// Prints requests/s and latency percentiles; exits 1 if any request failed.
// Usage: byline-bench-serve URL QUERY_FILE [CLIENTS=8] [REQUESTS=2000] [SECONDS=30]
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double percentile(std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    auto at = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1));
    return sorted[at];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr,
                     "usage: byline-bench-serve URL QUERY_FILE [CLIENTS] [REQUESTS] "
                     "[SECONDS]\n");
        return 2;
    }
    const std::string url = argv[1];
    std::vector<std::string> queries;
    std::ifstream in(argv[2]);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) queries.push_back(httplib::detail::encode_query_param(line));
    const int clients = argc > 3 ? std::stoi(argv[3]) : 8;
    const long requests = argc > 4 ? std::stol(argv[4]) : 2000;
    const double seconds = argc > 5 ? std::stod(argv[5]) : 30;
    if (queries.empty()) return 2;

    std::atomic<long> next{0}, failed{0};
    std::mutex mutex;
    std::vector<double> latencies;
    const auto start = Clock::now();
    const auto deadline = start + std::chrono::duration<double>(seconds);
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&] {
            httplib::Client client(url);
            client.set_keep_alive(true);
            client.set_tcp_nodelay(true);
            std::vector<double> mine;
            for (long n; (n = next++) < requests && Clock::now() < deadline;) {
                std::string path =
                    "/search?q=" + queries[static_cast<std::size_t>(n) % queries.size()];
                auto sent = Clock::now();
                auto response = client.Get(path);
                mine.push_back(
                    std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
                if (!response || response->status != 200) ++failed;
            }
            std::lock_guard lock(mutex);
            latencies.insert(latencies.end(), mine.begin(), mine.end());
        });
    }
    for (auto& t : threads)
        t.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    std::sort(latencies.begin(), latencies.end());
    std::printf(
        "clients %d, requests %zu in %.2f s: %.0f requests/s; latency p50 %.2f ms, "
        "p95 %.2f ms, p99 %.2f ms; failed %ld\n",
        clients, latencies.size(), elapsed, static_cast<double>(latencies.size()) / elapsed,
        percentile(latencies, 0.5), percentile(latencies, 0.95), percentile(latencies, 0.99),
        failed.load());
    return failed == 0 ? 0 : 1;
}
