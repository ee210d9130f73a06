#!/usr/bin/env bash
# Compares byline-index builds on one corpus by interleaved runs, since a shared machine's speed
# drifts over minutes: each round indexes CORPUS once with each binary in turn; prints the min and
# median wall time per label.
# usage: bench/ab_index.sh ROUNDS CORPUS LABEL=INDEXER [LABEL=INDEXER...]
#   e.g. bench/ab_index.sh 4 news3k.jsonl base=/tmp/old/indexer/byline-index new=build/indexer/byline-index
set -euo pipefail
if [ $# -lt 3 ]; then sed -n '2,6p' "$0" >&2; exit 2; fi
rounds=$1 corpus=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for _ in $(seq "$rounds"); do
    for spec in "$@"; do
        label=${spec%%=*} indexer=${spec#*=}
        rm -rf "$work/index"
        start=$(date +%s%N)
        "$indexer" -q -i "$work/index" "$corpus"
        echo "$label $(( ($(date +%s%N) - start) / 1000000 ))" >> "$work/times"
    done
done
python3 - "$work/times" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    label, ms = line.split()
    runs[label].append(int(ms) / 1000)
for label, secs in runs.items():
    print(f"{label}: min {min(secs):.2f} s, median {statistics.median(secs):.2f} s ({len(secs)} runs)")
PY
