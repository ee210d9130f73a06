#!/usr/bin/env python3
"""Whether two indexes of the same articles answer alike: one index against a sharded index or a
cluster file (byline-search -i accepts each). Runs every query with each option set through
byline-search --json on both and compares the whole answers but took_ms and shards; prints each
difference (the keys that differ, or both errors) and the count.

usage: bench/shard_equality.py BUILD_DIR ONE OTHER [QUERIES]
  QUERIES: '|'-separated (default: a Reuters-21578 mix of words, phrases, filters, negation)
e.g.   byline-index -i one reuters.jsonl; byline-index -i three --shards 3 reuters.jsonl
       bench/shard_equality.py build one three
"""
import json
import os
import subprocess
import sys

OPTION_SETS = [
    [], ["--sort", "date"], ["--sort", "date-asc", "--limit", "100"], ["--sort", "date", "--limit", "100"],
    ["--date-facet", "month"], ["--collapse"], ["--collapse", "-n", "5", "--offset", "3"],
    ["--facet", "co_person", "--facet", "co_org", "--facet", "co_place"],
    ["--trend", "person", "--date-facet", "month"], ["--passages", "3", "--offset", "2"],
    ["--limit", "50"], ["--recency", "7"], ["--recency", "30", "--collapse", "--facet", "co_person"],
]
DEFAULT_QUERIES = ('oil|trade deficit|person:reagan|place:tokyo|org:opec|country:japan|said|'
                   'wheat -corn|"interest rates"|gold prices|')


def answer(search, index, query, options):
    p = subprocess.run([search, "-i", index, "--json", query] + options, capture_output=True,
                       text=True, timeout=300)
    if p.returncode not in (0, 1):
        return ("error", p.returncode, p.stderr.strip()[:200])
    result = json.loads(p.stdout)
    result.pop("took_ms", None)
    result.pop("shards", None)
    return result


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    search = os.path.join(sys.argv[1], "searcher", "byline-search")
    one, other = sys.argv[2], sys.argv[3]
    queries = (sys.argv[4] if len(sys.argv) > 4 else DEFAULT_QUERIES).split("|")
    compared = differing = 0
    for query in queries:
        for options in OPTION_SETS:
            a, b = answer(search, one, query, options), answer(search, other, query, options)
            compared += 1
            if a == b:
                continue
            differing += 1
            if isinstance(a, dict) and isinstance(b, dict):
                print("DIFF", repr(query), options, [k for k in a if a.get(k) != b.get(k)])
            else:
                print("DIFF", repr(query), options, str(a)[:160], "|", str(b)[:160])
    print(f"comparisons: {compared}, differences: {differing}")


if __name__ == "__main__":
    main()
