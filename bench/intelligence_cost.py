#!/usr/bin/env python3
"""Cost of co-mention facets and entity trends against the same query with ordinary facets.

usage: bench/intelligence_cost.py BUILD_DIR INDEX [QUERY...]

For each query, byline-search --queries runs it in one process (warm caches) with the default
facets, then with co_person, co_place and co_org added, then with --trend for person, place, org
and country added (env TRENDS: the trend facets, space-separated); took_ms is the best of 5 runs
each (env RUNS). Prints a table and the ratios. The default queries end with two that match over
half of a Reuters-like index ("said", "march"), counted from the articles they do not match.
"""
import json
import os
import subprocess
import sys
import tempfile

DEFAULT_QUERIES = ["oil prices", "opec", "volcker", "person:volcker", "japan trade", "gold",
                   "interest rates", "coffee", "bank", "reagan", "said", "march"]


def best_took(build, index, query, extra, runs=int(os.environ.get("RUNS", "5"))):
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as f:
        f.write((query + "\n") * runs)
        f.flush()
        out = subprocess.run([f"{build}/searcher/byline-search", "-i", index, "--queries", f.name]
                             + extra, capture_output=True, text=True, check=True).stdout
    lines = [json.loads(line) for line in out.splitlines()]
    return min(r["took_ms"] for r in lines), lines[-1]["total"]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    build, index = sys.argv[1], sys.argv[2]
    queries = sys.argv[3:] or DEFAULT_QUERIES
    facets = []
    for f in ["source", "lang", "author", "month", "person", "place", "org", "country"]:
        facets += ["--facet", f]
    co = facets + ["--facet", "co_person", "--facet", "co_place", "--facet", "co_org"]
    trends = facets + [a for t in os.environ.get("TRENDS", "person place org country").split()
                       for a in ("--trend", t)]
    print(f"{'query':<18} {'total':>7} {'facets ms':>10} {'+co ms':>8} {'ratio':>6} "
          f"{'+trends ms':>11} {'ratio':>6}")
    worst_co = worst_trend = 0
    for q in queries:
        base, total = best_took(build, index, q, facets)
        with_co, _ = best_took(build, index, q, co)
        with_trends, _ = best_took(build, index, q, trends)
        worst_co = max(worst_co, with_co / base)
        worst_trend = max(worst_trend, with_trends / base)
        print(f"{q:<18} {total:>7} {base:>10.2f} {with_co:>8.2f} {with_co / base:>6.2f} "
              f"{with_trends:>11.2f} {with_trends / base:>6.2f}")
    print(f"worst ratio: co-mentions {worst_co:.2f}, trends {worst_trend:.2f}")


if __name__ == "__main__":
    main()
