#!/usr/bin/env bash
# What the learned entity tagger costs at index time: indexes CORPUS with the tagger (the
# default) and with the rules only (--no-tagger), ROUNDS times each, alternating, and prints the
# wall times and the slowdown. Usage: bench/tagger_cost.sh CORPUS [BUILD_DIR] [ROUNDS] [THREADS]
set -euo pipefail
corpus=${1:?usage: bench/tagger_cost.sh CORPUS [BUILD_DIR] [ROUNDS] [THREADS]}
build=${2:-$(dirname "$0")/../build}
rounds=${3:-3}
threads=${4:-0}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
index() {  # index OPTIONS... -> wall seconds
    rm -rf "$work/idx"
    local start end
    start=$(date +%s.%N)
    "$build/indexer/byline-index" -q --threads "$threads" -i "$work/idx" "$@" "$corpus" 2>/dev/null || true
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}
echo "corpus $corpus, threads ${threads/#0/all cores}, load $(cut -d' ' -f1 /proc/loadavg)"
tagger=() rules=()
for _ in $(seq "$rounds"); do
    tagger+=("$(index)")
    rules+=("$(index --no-tagger)")
done
python3 - "${tagger[*]}" "${rules[*]}" <<'PY'
import statistics, sys
tagger = [float(x) for x in sys.argv[1].split()]
rules = [float(x) for x in sys.argv[2].split()]
t, r = statistics.median(tagger), statistics.median(rules)
print(f"with tagger: {' '.join(f'{x:.2f}' for x in tagger)} s (median {t:.2f} s)")
print(f"rules only:  {' '.join(f'{x:.2f}' for x in rules)} s (median {r:.2f} s)")
print(f"slowdown from the tagger: {100 * (t / r - 1):+.0f}% (median against median)")
PY
