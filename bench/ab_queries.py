#!/usr/bin/env python3
"""Compares two byline-search builds on one index, query by query: each build answers every query
REPEAT times in one --queries process per mode; the min took_ms per query is kept, then p50/p95
over the queries and the queries that changed most are printed. INDEX may be BASE_INDEX:NEW_INDEX
when the builds write different index formats (the same corpus indexed by each).

usage: bench/ab_queries.py BASE_BUILD NEW_BUILD INDEX QUERY_FILE [REPEAT]"""
import collections
import json
import subprocess
import sys
import tempfile

MODES = {
    "top-10 + passages + all facets": [],
    "all facets, no passages": ["--passages", "0"],
    "top-10 + passages, lang facet": ["--facet", "lang", "--date-facet", "none"],
}


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))]


def run(build, index, batch, args):
    out = subprocess.run([build + "/searcher/byline-search", "-i", index, "--json", "--queries",
                          batch] + args, capture_output=True, text=True, check=True).stdout
    took = collections.defaultdict(list)
    for line in out.splitlines():
        answer = json.loads(line)
        took[answer["query"]].append(answer["took_ms"])
    return {query: min(times) for query, times in took.items()}


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    base, new, index, query_file = sys.argv[1:5]
    base_index, _, new_index = index.partition(":")
    new_index = new_index or base_index
    repeat = int(sys.argv[5]) if len(sys.argv) > 5 else 4
    queries = [q.strip() for q in open(query_file) if q.strip() and not q.startswith("#")]
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as batch:
        batch.write("\n".join(queries * repeat) + "\n")
        batch.flush()
        for mode, args in MODES.items():
            a, b = run(base, base_index, batch.name, args), run(new, new_index, batch.name, args)
            print(f"{mode}: base p50 {percentile(a.values(), .5):.2f} p95 "
                  f"{percentile(a.values(), .95):.2f} ms | new p50 {percentile(b.values(), .5):.2f}"
                  f" p95 {percentile(b.values(), .95):.2f} ms")
            change = sorted((b[q] - a[q], q, a[q], b[q]) for q in a)
            for delta, q, x, y in change[:3] + change[-3:]:
                print(f"   {delta:+7.2f} ms  {q}  ({x:.2f} -> {y:.2f})")


if __name__ == "__main__":
    main()
