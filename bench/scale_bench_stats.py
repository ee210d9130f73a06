#!/usr/bin/env python3
"""Figures for bench/scale_bench.sh (standard library only).

  scale_bench_stats.py queries OUT.jsonl PER_PASS        -> one JSON line: cold/warm percentiles
  scale_bench_stats.py table RESULTS_DIR [RESULTS_DIR..] -> markdown table of Byline and peers

OUT.jsonl holds one `byline-search --json --queries` line per query, PER_PASS queries a pass;
the first pass is cold (first touch after opening the index), the rest warm. Percentiles are
nearest-rank over `took_ms`, as the peers' benchlib.py does.
"""
import glob
import json
import math
import os
import sys


def pct(samples, p):
    if not samples:
        return float("nan")
    s = sorted(samples)
    return s[max(1, math.ceil(p / 100.0 * len(s))) - 1]


def query_stats(path, per_pass):
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    took = [r.get("took_ms", float("nan")) for r in rows]
    cold, warm = took[:per_pass], took[per_pass:]
    first = rows[:per_pass]
    return {
        "queries": per_pass, "warm_passes": len(warm) // max(1, per_pass),
        "errors": sum(1 for r in rows if "error" in r),
        "cold": {"p50_ms": pct(cold, 50), "p95_ms": pct(cold, 95), "p99_ms": pct(cold, 99),
                 "first_ms": cold[0] if cold else float("nan")},
        "warm": {"p50_ms": pct(warm, 50), "p95_ms": pct(warm, 95), "p99_ms": pct(warm, 99),
                 "max_ms": max(warm) if warm else float("nan")},
        "slowest": sorted(({"query": r.get("query"), "took_ms": r.get("took_ms"),
                            "total": r.get("total")} for r in rows[per_pass:]),
                          key=lambda r: -(r["took_ms"] or 0))[:3],
        "totals": {r.get("query"): r.get("total") for r in first},
    }


def fmt(x, spec=".1f", unit=""):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{x:{spec}}{unit}"


def load(results_dirs):
    byline, peers = {}, {}
    for d in results_dirs:
        for p in glob.glob(os.path.join(d, "*", "byline", "result.json")):
            r = json.load(open(p, encoding="utf-8"))
            byline[r["docs_requested"]] = r
        for p in glob.glob(os.path.join(d, "*", "*", "result.json")):
            n, peer = p.split(os.sep)[-3:-1]
            if peer != "byline":
                peers[(int(n), peer)] = json.load(open(p, encoding="utf-8"))
    return byline, peers


def per_query_process_ms(mode):
    """Wall time of the whole batch process per query: opening, searching and JSON printing."""
    if "process_s" not in mode:
        return None
    return mode["process_s"] * 1000 / (mode["queries"] * (mode["warm_passes"] + 1))


def byline_rows(byline):
    print("| Byline | docs | docs/s | MB/s | CPU use | index size (× corpus) | peak RSS index | "
          "top-10+passages p50/p95/p99 (warm) | + all facets p50/p95/p99 (warm) | "
          "all facets cold p50/p95 | full incl. JSON printing (mean) | bare p50/p95 | month facet p50 | "
          "cold start (/bin/true) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n in sorted(byline):
        r = byline[n]
        q = r["modes"]
        ppr = lambda m: "/".join(fmt(q[m]["warm"][k], ".2f") for k in ("p50_ms", "p95_ms", "p99_ms"))
        cold = "/".join(fmt(q["full"]["cold"][k], ".2f") for k in ("p50_ms", "p95_ms"))
        print(f"| {r['label']} | {r['docs']} | {fmt(r['docs_per_s'], '.0f')} | "
              f"{fmt(r['mb_per_s'], '.2f')} | {fmt(r['cpu_cores'], '.2f')} cores "
              f"({fmt(r['corpus_bytes'] / 1e6 / r['cpu_s'], '.2f')} MB per CPU-s) | "
              f"{fmt(r['index_bytes'] / 1e6, '.0f')} MB ({fmt(r['index_bytes'] / r['corpus_bytes'], '.2f')}×) | "
              f"{fmt(r['index_peak_rss_kb'] / 1024, '.0f')} MB | {ppr('passages')} ms | "
              f"{ppr('full')} ms | {cold} ms | {fmt(per_query_process_ms(q['full']), '.1f')} ms | "
              f"{'/'.join(fmt(q['bare']['warm'][k], '.2f') for k in ('p50_ms', 'p95_ms'))} ms | "
              f"{fmt(q['month']['warm']['p50_ms'], '.2f')} ms | "
              f"{fmt(r['cold_start']['median_ms'], '.0f')} ms "
              f"({fmt(r['cold_start'].get('spawn_true_median_ms'), '.0f')} ms) |")


def peer_rows(byline, peers):
    if not peers:
        return
    print()
    print("| peer | docs | MB/s (Byline ×) | index size / corpus | top-10+snippets p50/p95 "
          "(Byline ×) | month facet p50 (Byline ×) |")
    print("|---|---|---|---|---|---|")
    for (n, peer) in sorted(peers):
        p, b = peers[(n, peer)], byline.get(n)
        q, f = p.get("query") or {}, p.get("facet") or {}
        # ratios: > 1 means Byline is better (faster, or indexes faster)
        ratio = lambda mine, theirs: f" ({theirs / mine:.2f}×)" if b and mine and theirs else ""
        bq = b["modes"]["passages"]["warm"] if b else {}
        bm = b["modes"]["month"]["warm"] if b else {}
        mbs = f"{fmt(p['mb_per_s'], '.2f')}" + (f" ({b['mb_per_s'] / p['mb_per_s']:.2f}×)" if b else "")
        print(f"| {peer} | {p['docs']} | {mbs} | "
              f"{fmt(p['index_bytes'] / p['corpus_bytes'], '.2f')}× | "
              f"{fmt(q.get('p50_ms'), '.2f')}{ratio(bq.get('p50_ms'), q.get('p50_ms'))} / "
              f"{fmt(q.get('p95_ms'), '.2f')}{ratio(bq.get('p95_ms'), q.get('p95_ms'))} ms | "
              f"{fmt(f.get('p50_ms'), '.2f')}{ratio(bm.get('p50_ms'), f.get('p50_ms'))} ms |")
    print("\nRatios: Byline MB/s ÷ peer MB/s, and peer latency ÷ Byline latency "
          "(> 1 = Byline ahead). Byline's latency column is its top-10 + 2 passages without "
          "facets; its month figure is `--facet month --date-facet none --passages 0 --limit 0`.")


def main(argv):
    if len(argv) == 4 and argv[1] == "queries":
        print(json.dumps(query_stats(argv[2], int(argv[3]))))
    elif len(argv) >= 3 and argv[1] == "table":
        byline, peers = load(argv[2:])
        byline_rows(byline)
        peer_rows(byline, peers)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
