#!/usr/bin/env python3
"""A sharded index and a cluster of byline-shard servers on loopback give the answers of one
index of the same articles; a stopped member is an error naming it, or left out with --partial.

Usage: cluster_test.py BYLINE_INDEX BYLINE_SEARCH BYLINE_SHARD BYLINE_SERVE SAMPLE_CORPUS
                       SCHEMA_DIR
"""
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

import jsonschema

import urllib.error
import urllib.request

index_bin, search_bin, shard_bin, serve_bin, corpus, schemas = sys.argv[1:7]
with open(os.path.join(schemas, "search-response.schema.json")) as f:
    RESPONSE_SCHEMA = json.load(f)
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def search(index, args, expect=0):
    p = subprocess.run([search_bin, "-i", index, "--json"] + args, capture_output=True,
                       text=True, timeout=60)
    check(p.returncode == expect, f"byline-search {args} exits {expect} (got {p.returncode}: "
                                  f"{p.stderr.strip()[:200]})")
    return json.loads(p.stdout) if p.stdout.strip() else {}


def comparable(answer):
    answer = dict(answer)
    answer.pop("took_ms", None)
    answer.pop("shards", None)
    return answer


def get(port, query):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/search?{query}", timeout=30) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, json.load(e)


def start_shard(folder, port=0):
    p = subprocess.Popen([shard_bin, "-q", "-i", folder, "--port", str(port)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ready, _, _ = select.select([p.stdout], [], [], 30)
    if not ready:
        p.kill()
        raise SystemExit(f"byline-shard on {folder} printed no port: {p.stderr.read()}")
    return p, int(p.stdout.readline())


QUERIES = [
    ["Witkoff"],
    ["--date-facet", "day", "peace plan"],
    ["--person", "zelensky", "--place", "Kyiv", ""],  # a filter: every weight 0
    ["-n", "3", "--offset", "1", "--passages", "3", "security guarantees"],
    ["--sort", "date", "Ukraine"],
    ["--sort", "date-asc", "-n", "20", "Ukraine"],  # undated articles last
    # A filter sorted by date weighs nothing: ties of a day (and the undated) in sequence order,
    # from the keys the indexer stored, since Xapian's server runs no KeyMaker.
    ["--sort", "date", "--person", "zelensky", ""],
    ["--sort", "date-asc", "--person", "zelensky", ""],
    ["--recency", "3", "Ukraine"],  # a boost by date: Xapian's own posting source travels
    ["--recency", "1", "--person", "zelensky", ""],
    # Co-mentions: each member counts its articles with the searcher's counter, sent as bytes.
    ["--facet", "co_person", "--facet", "co_place", "--facet", "co_org", "Ukraine"],
    ["--facet", "co_person", "--facet", "person", "--place", "Kyiv", "\"peace plan\" OR talks"],
    # Collapsing: the members list their matches, the clusters come from shard-0's totals.
    ["--collapse", "Ukraine"],
    ["--collapse", "-n", "2", "--offset", "1", "peace"],
    ["--collapse", "--passages-only", "security guarantees"],
    ["mentioned:2025-11", "--date-facet", "week"],
    ["--trend", "person", "--trend", "place", "--date-facet", "day", "Ukraine"],
    [""],
]

with tempfile.TemporaryDirectory() as work:
    # The sample articles and wire copies of two of them (near-duplicates, for --collapse),
    # each with a credit line of its own, as such copies carry.
    sample, corpus = corpus, os.path.join(work, "corpus")
    shutil.copytree(sample, corpus)
    for name in sorted(os.listdir(sample))[:2]:
        with open(os.path.join(sample, name), encoding="utf-8") as f:
            text = f.read()
        for wire in ("Wire A", "Wire Bee Service"):
            copy = os.path.join(corpus, wire.split()[-1].lower() + "-" + name)
            with open(copy, "w", encoding="utf-8") as f:
                f.write(text + f"\n\nDistributed by {wire}.\n")
    one, sharded = os.path.join(work, "one"), os.path.join(work, "sharded")
    for folder, extra in ((one, []), (sharded, ["--shards", "3"])):
        subprocess.run([index_bin, "-q", "-i", folder] + extra + [corpus], check=True)

    for q in QUERIES:
        check(comparable(search(one, q)) == comparable(search(sharded, q)),
              f"sharded index answers {q} as one index")
    folded = search(one, ["--collapse", "Ukraine"])
    check(folded["total"] < folded["total_articles"] and
          any(hit.get("duplicates") for hit in folded["hits"]),
          "the wire copies fold into their stories")

    shards = [os.path.join(sharded, f"shard-{k}") for k in range(4)]
    servers = [start_shard(folder) for folder in shards]
    cluster = os.path.join(work, "news.cluster")
    with open(cluster, "w") as f:
        f.write("# sample corpus, three article shards\n")
        for _, port in servers:
            f.write(f"remote 127.0.0.1:{port}\n")
    try:
        for q in QUERIES:
            answer = search(cluster, q)
            check(comparable(answer) == comparable(search(one, q)),
                  f"cluster of 4 byline-shard servers answers {q} as one index")
            check(answer.get("shards") == {"total": 4, "failed": 0}, "shards: 4, none failed")
            jsonschema.validate(answer, RESPONSE_SCHEMA)
        # A one-word person filter matches mentions through the dictionary: not sent yet.
        refused = search(cluster, ["--facet", "co_place", "--person", "zelensky", ""], expect=2)
        check(refused.get("error", {}).get("code") == "usage",
              "co-mentions beside a one-word person filter on a cluster: usage error")

        whole = search(one, ["Witkoff"])["total"]
        serve = subprocess.Popen([serve_bin, "-i", cluster, "--port", "0", "--quiet"],
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        servers.append((serve, 0))
        serve_port = int(serve.stdout.readline().rsplit(":", 1)[1].split("/")[0])
        status, body = get(serve_port, "q=Witkoff")
        check(status == 200 and body["total"] == whole, "byline-serve over the cluster")
        servers[2][0].terminate()
        servers[2][0].wait(timeout=30)
        status, body = get(serve_port, "q=Witkoff")
        check(status == 503 and "member 3" in body["error"]["message"],
              "byline-serve: a stopped member is a 503 naming it")
        status, body = get(serve_port, "q=Witkoff&partial=1")
        check(status == 200 and body["shards"] == {"total": 4, "failed": 1},
              "byline-serve: partial=1 answers from the others")
        failed = search(cluster, ["Witkoff"], expect=3)
        message = failed.get("error", {}).get("message", "")
        check(failed.get("error", {}).get("code") == "index" and "member 3" in message,
              f"a stopped member is an index error naming it ({message})")
        partial = search(cluster, ["--partial", "Witkoff"])
        check(partial.get("shards") == {"total": 4, "failed": 1}, "--partial: one failed")
        jsonschema.validate(partial, RESPONSE_SCHEMA)
        check(0 < partial.get("total", 0) < whole, "--partial: the others' articles only")
        servers[2] = start_shard(shards[2], servers[2][1])  # back, on its port
        time.sleep(0.5)  # byline-serve's searchers look again at most every 200 ms
        status, body = get(serve_port, "q=Witkoff")
        check(status == 200 and body["total"] == whole and body["shards"]["failed"] == 0,
              "byline-serve: a member back on its port is used again")
    finally:
        for p, _ in servers:
            p.terminate()
        for p, _ in servers:
            p.wait(timeout=30)

    bad = os.path.join(work, "bad.cluster")
    with open(bad, "w") as f:
        f.write(f"{shards[1]}\n{shards[0]}\n{shards[2]}\n{shards[3]}\n")
    error = search(bad, ["Witkoff"], expect=3)
    check("not shard 0" in error.get("error", {}).get("message", ""),
          "members out of order are refused")
    local = os.path.join(work, "local.cluster")
    with open(local, "w") as f:
        f.write("".join(f"{folder}\n" for folder in shards))
    check(comparable(search(local, ["--date-facet", "day", "peace plan"])) ==
          comparable(search(one, ["--date-facet", "day", "peace plan"])),
          "a cluster file of local shard folders answers as one index")

print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
