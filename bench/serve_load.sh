#!/bin/bash
# Throughput of byline-serve on loopback: indexes CORPUS, starts the server, runs
# byline-bench-serve with CLIENTS concurrent keep-alive clients (bounded by REQUESTS and 30 s).
# Usage: bench/serve_load.sh CORPUS QUERY_FILE BUILD_DIR [CLIENTS=8] [REQUESTS=2000]
set -euo pipefail
corpus=$1 queries=$2 build=$3 clients=${4:-8} requests=${5:-2000}
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
"$build/indexer/byline-index" -i "$work/index" "$corpus" >/dev/null 2>&1
"$build/server/byline-serve" -i "$work/index" --port 0 --quiet >"$work/out" &
server=$!
for _ in $(seq 50); do grep -q http "$work/out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's|.*\(http://[0-9.]*:[0-9]*\)/.*|\1|p' "$work/out")
echo "corpus $corpus ($(find "$corpus" -type f | wc -l) files), server $url, load $(cut -d' ' -f1 /proc/loadavg)"
"$build/bench/byline-bench-serve" "$url" "$queries" "$clients" "$requests" 30
