#!/usr/bin/env bash
# Byline at scale: builds a synthetic news corpus of N articles, indexes it, times the peers'
# query list in one byline-search process, and (on request) runs the peer engines on the same
# corpus and queries, printing ratios against Byline.
#
# usage: bench/scale_bench.sh BUILD_DIR SEEDS_DIR WORKDIR N [N...]
#   BUILD_DIR  CMake build folder holding indexer/byline-index and searcher/byline-search
#   SEEDS_DIR  seed articles for make_corpus.py (e.g. ../shared/seed_corpus)
#   WORKDIR    scratch folder: corpus/news<N>.jsonl (reused if present; the peers' run_all.sh
#              uses the same names), results/<N>/byline/, results/<N>/<peer>/, summary.md
# env:
#   PEERS          peers of ../shared/bench-peers to run too, e.g. "fts5 lucene" (default none)
#   PEERS_DIR      the peer harness (default: ../shared/bench-peers next to this repository)
#   QUERIES        query file (default: PEERS_DIR/queries.txt; '#' and blank lines skipped)
#   CORPUS_VOCAB   word list for make_corpus.py --vocab (default /usr/share/dict/words if present)
#   AVG_BYTES      make_corpus.py --avg-bytes (default 4500: ~5.1 KB/article, ~510 MB per 100k)
#   THREADS        byline-index --threads (default: the indexer's own, all cores)
#   SHARDS         byline-index --shards (default: one index)
#   WARM_PASSES    warm passes over the queries after the cold one (default 5)
#   COLD_CACHE     1 = drop the page cache (root) before the cold pass and the cold start
#   KEEP_INDEX     1 = keep results/<N>/byline/index (default: deleted at the end)
#   REUSE_INDEX    1 = query a kept index (and report its indexing figures) instead of indexing
#   LABEL          Byline's row name (default: "Byline <short HEAD of this checkout>")
#
# Query modes (all `byline-search --json --queries`, one process each, top 10):
#   full      defaults: every facet (10 values each), month histograms, 2 passages per hit
#   passages  2 passages per hit, facets reduced to `lang` (there is no "no facets" setting)
#   facets    every facet and month histograms, no passages
#   bare      top 10 only: `--facet lang --date-facet none --passages 0`
#   month     the peers' facet figure: `--facet month --date-facet none --passages 0 --limit 0`
# took_ms is Byline's own in-process clock (parse, match, facets, passages; not JSON printing).
set -euo pipefail

if [ $# -lt 4 ]; then sed -n '2,32p' "$0" >&2; exit 2; fi
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd)
seeds=$2
mkdir -p "$3"
work=$(cd "$3" && pwd)
shift 3
indexer=$build/indexer/byline-index
searcher=$build/searcher/byline-search
peers_dir=${PEERS_DIR:-$here/../../shared/bench-peers}
queries=${QUERIES:-$peers_dir/queries.txt}
vocab=${CORPUS_VOCAB-/usr/share/dict/words}
warm_passes=${WARM_PASSES:-5}
stats="python3 $here/scale_bench_stats.py"
head=$(git -C "$here" rev-parse HEAD 2>/dev/null || echo '?')
label=${LABEL:-Byline ${head:0:7}}
for f in "$indexer" "$searcher" "$peers_dir/make_corpus.py" "$queries"; do
    [ -e "$f" ] || { echo "scale_bench: missing $f" >&2; exit 2; }
done

drop_caches() {
    [ "${COLD_CACHE:-0}" = 1 ] || return 0
    sync && echo 3 > /proc/sys/vm/drop_caches 2>/dev/null ||
        echo "   (COLD_CACHE=1 but the page cache could not be dropped: not root?)"
}

now_ns() { date +%s%N; }

# make_corpus N -> prints the corpus path (built once, then reused)
make_corpus() {
    local corpus=$work/corpus/news$1.jsonl
    if [ ! -s "$corpus" ]; then
        mkdir -p "$work/corpus"
        local vocab_args=()
        [ -n "$vocab" ] && [ -f "$vocab" ] && vocab_args=(--vocab "$vocab")
        python3 "$peers_dir/make_corpus.py" "$seeds" "$corpus.tmp" -n "$1" \
            --avg-bytes "${AVG_BYTES:-4500}" "${vocab_args[@]}" >&2
        mv "$corpus.tmp" "$corpus"
    fi
    echo "$corpus"
}

# index_corpus CORPUS OUT: wall time, CPU time and peak RSS (/usr/bin/time), index size (du)
index_corpus() {
    local corpus=$1 out=$2 thread_args=()
    [ -n "${THREADS:-}" ] && thread_args=(--threads "$THREADS")
    [ -n "${SHARDS:-}" ] && thread_args+=(--shards "$SHARDS")
    rm -rf "$out/index"
    sync
    local t0 t1
    t0=$(now_ns)
    /usr/bin/time -f '%e %U %S %M' -o "$out/index.time" \
        "$indexer" -i "$out/index" "${thread_args[@]}" "$corpus" > "$out/index.log" 2>&1 ||
        { echo "byline-index failed:"; tail -5 "$out/index.log"; return 1; }
    t1=$(now_ns)
    local docs
    docs=$("$searcher" -i "$out/index" --json --limit 0 --facet lang --date-facet none '' |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
    read -r _ user sys rss < "$out/index.time"
    python3 - "$out/index.json" "$corpus" "$out/index" "$docs" "$t0" "$t1" "$user" "$sys" "$rss" <<'PY'
import json, os, sys
path, corpus, index, docs, t0, t1, user, sys_s, rss = sys.argv[1:]
secs = (int(t1) - int(t0)) / 1e9
size = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(index) for f in fs)
cb = os.path.getsize(corpus)
json.dump({"docs": int(docs), "corpus_bytes": cb, "index_s": secs, "docs_per_s": int(docs) / secs,
           "mb_per_s": cb / 1e6 / secs, "cpu_s": float(user) + float(sys_s),
           "cpu_cores": (float(user) + float(sys_s)) / secs, "index_bytes": size,
           "index_peak_rss_kb": int(rss)}, open(path, "w"))
PY
    tail -1 "$out/index.log"
}

# run_mode OUT NAME ARGS...: one byline-search process over 1 cold + WARM_PASSES warm passes
run_mode() {
    local out=$1 name=$2
    shift 2
    local batch=$out/queries.batch per_pass
    per_pass=$(grep -cv '^\s*\(#.*\)\?$' "$queries")
    : > "$batch"
    for _ in $(seq 0 "$warm_passes"); do grep -v '^\s*\(#.*\)\?$' "$queries" >> "$batch"; done
    [ "$name" = full ] && drop_caches
    /usr/bin/time -f '%e %M' -o "$out/$name.time" \
        "$searcher" -i "$out/index" --json --queries "$batch" "$@" > "$out/$name.jsonl"
    $stats queries "$out/$name.jsonl" "$per_pass" > "$out/$name.json"
}

# cold_start OUT: wall time of whole byline-search processes answering one query (5 runs)
cold_start() {
    local out=$1 t0 t1 runs=() cache_cold=null
    if [ "${COLD_CACHE:-0}" = 1 ]; then
        drop_caches
        t0=$(now_ns)
        "$searcher" -i "$out/index" --json ukraine > /dev/null
        t1=$(now_ns)
        cache_cold=$(( (t1 - t0) / 1000 ))
    fi
    # /bin/true alongside: what starting any process costs on this (shared) machine right now
    local spawn=()
    for _ in 1 2 3 4 5; do
        t0=$(now_ns)
        "$searcher" -i "$out/index" --json ukraine > /dev/null
        t1=$(now_ns)
        runs+=($(( (t1 - t0) / 1000 )))
        t0=$(now_ns)
        /bin/true
        t1=$(now_ns)
        spawn+=($(( (t1 - t0) / 1000 )))
    done
    python3 -c '
import json, statistics, sys
cold, runs, spawn = sys.argv[1], sys.argv[2].split(), sys.argv[3].split()
ms = lambda xs: [int(x) / 1000 for x in xs]
print(json.dumps({"runs_ms": ms(runs), "median_ms": statistics.median(ms(runs)),
                  "min_ms": min(ms(runs)), "spawn_true_median_ms": statistics.median(ms(spawn)),
                  "page_cache_cold_ms": None if cold == "null" else int(cold) / 1000}))' \
        "$cache_cold" "${runs[*]}" "${spawn[*]}" > "$out/cold_start.json"
}

# merge OUT N: results/<N>/byline/result.json from the pieces
merge() {
    python3 - "$1" "$2" "$label" <<'PY'
import json, os, sys
out, n, label = sys.argv[1:]
r = json.load(open(os.path.join(out, "index.json")))
r["label"] = f"{label} ({int(n) / 1000:g}k)"
r["docs_requested"] = int(n)
r["cold_start"] = json.load(open(os.path.join(out, "cold_start.json")))
r["modes"] = {}
for m in ("full", "passages", "facets", "bare", "month"):
    r["modes"][m] = json.load(open(os.path.join(out, m + ".json")))
    wall, rss = open(os.path.join(out, m + ".time")).read().split()[-2:]
    r["modes"][m]["process_s"], r["modes"][m]["peak_rss_kb"] = float(wall), int(rss)
json.dump(r, open(os.path.join(out, "result.json"), "w"), indent=1)
PY
}

print_byline() {
    python3 - "$1/result.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"   index: {r['index_s']:.1f} s, {r['docs_per_s']:.0f} docs/s, {r['mb_per_s']:.2f} MB/s "
      f"({r['corpus_bytes'] / 1e6:.1f} MB corpus), CPU {r['cpu_s']:.1f} s = {r['cpu_cores']:.2f} cores "
      f"({r['corpus_bytes'] / 1e6 / r['cpu_s']:.2f} MB per CPU-second), "
      f"peak RSS {r['index_peak_rss_kb'] / 1024:.0f} MB, "
      f"size {r['index_bytes'] / 1e6:.1f} MB = {r['index_bytes'] / r['corpus_bytes']:.2f}x corpus")
for name, m in r["modes"].items():
    c, w = m["cold"], m["warm"]
    print(f"   {name:8s} cold p50/p95/p99 {c['p50_ms']:7.2f} {c['p95_ms']:7.2f} {c['p99_ms']:7.2f} ms"
          f" | warm p50/p95/p99 {w['p50_ms']:7.2f} {w['p95_ms']:7.2f} {w['p99_ms']:7.2f} ms"
          f" | process peak RSS {m['peak_rss_kb'] / 1024:.0f} MB"
          + (f" | {m['errors']} errors" if m["errors"] else ""))
slow = r["modes"]["full"]["slowest"]
print("   slowest (full): " + ", ".join(f"{s['query']} {s['took_ms']:.1f} ms ({s['total']} hits)"
                                         for s in slow))
cs = r["cold_start"]
print(f"   cold start (process, open index, one query 'ukraine', print): median {cs['median_ms']:.1f} ms,"
      f" min {cs['min_ms']:.1f} ms (/bin/true takes {cs['spawn_true_median_ms']:.1f} ms here now)"
      + (f", page cache dropped {cs['page_cache_cold_ms']:.1f} ms"
         if cs["page_cache_cold_ms"] is not None else ""))
for name, m in r["modes"].items():
    n = m["queries"] * (m["warm_passes"] + 1)
    print(f"   {name:8s} whole process incl. JSON printing: {m['process_s'] * 1000 / n:.2f} ms per query"
          f" (mean over {n}; took_ms leaves the printing out)")
PY
}

run_peers() {
    local n=$1 corpus=$2 peer out
    for peer in ${PEERS:-}; do
        out=$work/results/$n/$peer
        rm -rf "$out" && mkdir -p "$out"
        echo "== peer $peer on $n articles -> $out"
        if QUERIES=$queries "$peers_dir/peer_$peer.sh" "$corpus" "$out" > "$out/log.txt" 2>&1; then
            grep -E '^(index:|ALL|COLD)' "$out/log.txt" | sed 's/^/   /' || true
        else
            echo "   FAILED (see $out/log.txt):"; tail -3 "$out/log.txt" | sed 's/^/   /'
            rm -f "$out/result.json"
        fi
        rm -rf "$out/pgdata" "$out/classes" "$out/docs"  # big artefacts
    done
}

echo "$label: HEAD $head, $(nproc) cores," \
     "load $(cut -d' ' -f1-3 /proc/loadavg)"
for n in "$@"; do
    corpus=$(make_corpus "$n")
    out=$work/results/$n/byline
    mkdir -p "$out"
    echo "== Byline on $n articles ($corpus)"
    if [ "${REUSE_INDEX:-0}" = 1 ] && { [ -f "$out/index/iamglass" ] || [ -f "$out/index/XAPIANDB" ]; } && [ -f "$out/index.json" ]; then
        echo "   (index and its figures reused from the last run)"
    else
        index_corpus "$corpus" "$out" | sed 's/^/   byline-index: /'
    fi
    run_mode "$out" full
    run_mode "$out" passages --facet lang --date-facet none
    run_mode "$out" facets --passages 0
    run_mode "$out" bare --facet lang --date-facet none --passages 0
    run_mode "$out" month --facet month --date-facet none --passages 0 --limit 0
    cold_start "$out"
    merge "$out" "$n"
    print_byline "$out"
    [ "${KEEP_INDEX:-0}" = 1 ] || rm -rf "$out/index"
    run_peers "$n" "$corpus"
done
echo
$stats table "$work/results" | tee "$work/summary.md"
