#!/usr/bin/env python3
"""Query latency of one index against clusters of 1, 2 and 4 shards served on loopback.

Indexes CORPUS once as one index and once per shard count, starts byline-shard on every shard
folder (port 0), writes the cluster files, then runs every query of QUERIES (one a line, '#'
comments) through one byline-search process per configuration (--queries: the searcher stays
open), RUNS passes, and prints p50/p95 of byline-search's own took_ms per configuration and
mode (every facet; no facets; co-mention facets; --collapse; --recency).

usage: bench/cluster_latency.py BUILD_DIR CORPUS WORKDIR [QUERIES]
env:   RUNS (default 5), SHARDS (default "1 2 4"; 1 = the single index served by one server)
"""
import json
import os
import select
import shutil
import statistics
import subprocess
import sys

build, corpus, work = sys.argv[1:4]
queries_file = sys.argv[4] if len(sys.argv) > 4 else os.path.join(os.path.dirname(__file__),
                                                                  "queries.txt")
runs = int(os.environ.get("RUNS", "5"))
shard_counts = [int(n) for n in os.environ.get("SHARDS", "1 2 4").split()]
index_bin = os.path.join(build, "indexer", "byline-index")
search_bin = os.path.join(build, "searcher", "byline-search")
shard_bin = os.path.join(build, "shard", "byline-shard")
os.makedirs(work, exist_ok=True)
queries = [q.strip() for q in open(queries_file) if q.strip() and not q.startswith("#")]


def index(folder, shards):
    if os.path.isdir(folder):
        return
    extra = ["--shards", str(shards)] if shards > 1 else []
    subprocess.run([index_bin, "-q", "-i", folder] + extra + [corpus], check=True)


def serve(folder):
    p = subprocess.Popen([shard_bin, "-q", "-i", folder, "--port", "0"], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True)
    ready, _, _ = select.select([p.stdout], [], [], 60)
    if not ready:
        raise SystemExit(f"byline-shard on {folder} did not start")
    return p, int(p.stdout.readline())


def latencies(index_path, extra):
    qfile = os.path.join(work, "queries.txt")
    with open(qfile, "w") as f:
        f.write("\n".join(queries * runs) + "\n")
    out = subprocess.run([search_bin, "-i", index_path, "--queries", qfile] + extra,
                         capture_output=True, text=True, check=True).stdout
    took = [json.loads(line)["took_ms"] for line in out.splitlines() if line.strip()]
    took = took[len(queries):]  # the first pass opens and warms up
    took.sort()
    return statistics.median(took), took[int(0.95 * (len(took) - 1))]


MODES = {"facets": [], "no facets": ["--facet", "lang", "--date-facet", "none", "--passages", "0"],
         "co-mentions": ["--facet", "co_person", "--facet", "co_org"],
         "collapse": ["--collapse"], "recency": ["--recency", "7"]}
single = os.path.join(work, "one")
index(single, 1)
rows = [("one index, local", single)]
servers = []
try:
    for n in shard_counts:
        folder = single if n == 1 else os.path.join(work, f"sharded{n}")
        index(folder, n)
        members = [folder] if n == 1 else [os.path.join(folder, f"shard-{k}") for k in range(n + 1)]
        cluster = os.path.join(work, f"cluster{n}.byline")
        with open(cluster, "w") as f:
            for m in members:
                p, port = serve(m)
                servers.append(p)
                f.write(f"remote 127.0.0.1:{port}\n")
        if n > 1:
            rows.append((f"{n} shards, local", folder))
        rows.append((f"{n} shard{'s' if n > 1 else ''} on loopback ({len(members)} servers)",
                     cluster))
    print(f"{len(queries)} queries x {runs - 1} passes; took_ms p50 / p95")
    print(f"| configuration | {' | '.join(MODES)} |")
    print("|---|" + "---|" * len(MODES))
    for name, path in rows:
        cells = [f"{p50:.2f} / {p95:.2f}" for p50, p95 in (latencies(path, m)
                                                           for m in MODES.values())]
        print(f"| {name} | {' | '.join(cells)} |", flush=True)
finally:
    for p in servers:
        p.terminate()
    for p in servers:
        p.wait()
