#!/usr/bin/env bash
# Indexes a corpus folder or file with byline-index and times a list of queries with byline-search.
# Prints index wall time, MB/s, index size, and query latency (p50/p95 of took_ms and of the
# whole process). Usage: bench/index_and_query.sh CORPUS [QUERIES_FILE] [BUILD_DIR]
set -euo pipefail
corpus=${1:?usage: bench/index_and_query.sh CORPUS [QUERIES_FILE] [BUILD_DIR]}
queries=${2:-$(dirname "$0")/queries.txt}
build=${3:-$(dirname "$0")/../build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bytes=$(find "$corpus" -type f -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
start=$(date +%s.%N)
"$build/indexer/byline-index" -q -i "$work/idx" "$corpus" || true
end=$(date +%s.%N)
secs=$(echo "$end - $start" | bc -l)
size=$(du -sb "$work/idx" | cut -f1)
docs=$("$build/searcher/byline-search" -i "$work/idx" --json --limit 0 '' |
       python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
printf 'corpus: %s (%d documents, %.1f MB)\n' "$corpus" "$docs" "$(echo "$bytes/1000000" | bc -l)"
printf 'index: %.2f s, %.2f MB/s, %.0f docs/s, size %.1f MB (%.2fx corpus)\n' "$secs" \
    "$(echo "$bytes/1000000/$secs" | bc -l)" "$(echo "$docs/$secs" | bc -l)" \
    "$(echo "$size/1000000" | bc -l)" "$(echo "$size/$bytes" | bc -l)"

while IFS= read -r q; do
    [ -z "$q" ] && continue
    for _ in 1 2 3; do
        # Time the search process alone (a Python start-up would dwarf it), then read the JSON.
        s=$(date +%s%N)
        "$build/searcher/byline-search" -i "$work/idx" --json "$q" > "$work/out.json"
        e=$(date +%s%N)
        took=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["took_ms"], d["total"])' "$work/out.json")
        echo "$took $(( (e - s) / 1000 ))" >> "$work/times"
    done
done < "$queries"
python3 - "$work/times" <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1])]
took = sorted(float(r[0]) for r in rows)
proc = sorted(int(r[2]) / 1000 for r in rows)
q = lambda xs, p: xs[min(len(xs) - 1, int(p * len(xs)))]
print(f"queries: {len(rows)} runs; search took_ms p50 {q(took,.5):.2f} p95 {q(took,.95):.2f}; "
      f"whole process (open index + search + print) p50 {q(proc,.5):.1f} ms p95 {q(proc,.95):.1f} ms")
PY
