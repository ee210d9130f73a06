#!/usr/bin/env bash
# Installs what is missing, builds, indexes sample_corpus/ and runs a search.
# Usage: scripts/demo.sh [QUERY]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
ensure_packages
build build -DBYLINE_BUILD_TESTS=OFF
index=build/demo-index
build/indexer/byline-index -i "$index" sample_corpus
query=${1:-'"security guarantees" Witkoff'}
echo
echo "\$ byline-search -i $index '$query'"
build/searcher/byline-search -i "$index" --passages 2 "$query"
echo
echo "Web page and HTTP API over the same index (Ctrl-C stops):"
echo "  build/server/byline-serve -i $index    # then open http://127.0.0.1:8080/"
