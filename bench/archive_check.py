#!/usr/bin/env python3
"""Deleting from an index gives what a fresh index of the remaining articles gives (issue 20).

Usage: archive_check.py BUILD_DIR CORPUS.jsonl [--work DIR] [--delete N] [--query Q]

Indexes CORPUS (JSON Lines with ids), deletes N articles by id (every k-th) and then every
article QUERY matches, indexes the remaining articles afresh, and compares the two indexes as a
reader sees them: totals, every value of every facet with its count (display names included),
the date histograms by day, the top hits of a few queries, --info's counts, and the whole
--export. Then replaces 100 articles with edited copies and compares with a fresh index of
the result. Prints the
timings of the deletions and PASS/FAIL per comparison; exits 1 on any difference.
"""

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
import time

FACETS = ["person", "place", "org", "source", "month", "lang", "author"]
QUERIES = ["", "oil", "bank rates", "person:volcker", "place:japan"]


def run(cmd, stdin=None):
    started = time.monotonic()
    proc = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr}")
    return proc.stdout, time.monotonic() - started


def view(build, index):
    """What a reader sees: per query, total, facets, histograms and top hit ids."""
    out = {}
    for query in QUERIES:
        cmd = [f"{build}/searcher/byline-search", "-i", index, "--json", "-n", "20",
               "--facet-limit", "100000", "--date-facet", "day", "--passages", "0"]
        for facet in FACETS:
            cmd += ["--facet", facet]
        result = json.loads(run(cmd + [query])[0])
        out[query] = {k: result.get(k) for k in ("total", "facets", "date_histograms")}
        out[query]["hits"] = [h["id"] for h in result["hits"]]
    info = json.loads(run([f"{build}/indexer/byline-index", "-i", index, "--info", "--json"])[0])
    out["info"] = {k: info[k] for k in ("documents", "languages", "first_date", "last_date",
                                        "undated", "facet_values")}
    exported = run([f"{build}/searcher/byline-search", "-i", index, "--export"])[0]
    out["export"] = sorted(exported.splitlines())
    return out


def compare(name, a, b):
    same = a == b
    print(f"{'PASS' if same else 'FAIL'} {name}")
    if not same:
        for key in a:
            if a[key] != b.get(key):
                print(f"  differs: {key}")
    return same


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("corpus")
    ap.add_argument("--work")
    ap.add_argument("--delete", type=int, default=1000)
    ap.add_argument("--query", default="opec")
    args = ap.parse_args()
    work = pathlib.Path(args.work or tempfile.mkdtemp(prefix="byline-archive-"))
    work.mkdir(parents=True, exist_ok=True)
    index = [f"{args.build}/indexer/byline-index", "-q"]
    lines = pathlib.Path(args.corpus).read_text().splitlines()
    ids = [json.loads(line)["id"] for line in lines]
    whole, rest = str(work / "whole"), str(work / "rest")

    _, secs = run(index + ["-i", whole, args.corpus])
    print(f"indexed {len(ids)} articles in {secs:.1f} s")
    one = ids[len(ids) // 2]
    _, secs = run(index + ["-i", whole, "--no-compact", "--delete", one])
    print(f"delete 1 by id (whole program run): {secs:.3f} s")
    step = max(1, len(ids) // args.delete)
    by_id = [i for i in ids[::step] if i != one][: args.delete - 1]
    _, secs = run(index + ["-i", whole, "--no-compact", "--delete", "-"], "\n".join(by_id) + "\n")
    print(f"delete {len(by_id)} by id: {secs:.2f} s")
    matched = run(index + ["-i", whole, "--delete-query", args.query, "--dry-run"])[0].split()
    _, secs = run(index + ["-i", whole, "--delete-query", args.query, "--yes"])
    print(f"delete {len(matched)} matching '{args.query}': {secs:.2f} s")

    gone = set(by_id) | set(matched) | {one}
    kept = [line for line, i in zip(lines, ids) if i not in gone]
    (work / "rest.jsonl").write_text("\n".join(kept) + "\n")
    run(index + ["-i", rest, str(work / "rest.jsonl")])
    ok = compare(f"after deleting {len(gone)}: whole index vs fresh index of the {len(kept)} left",
                 view(args.build, whole), view(args.build, rest))

    # Corrections: 100 articles replaced by edited copies, against a fresh index of the result.
    edited = {}
    for line in kept[::max(1, len(kept) // 100)][:100]:
        doc = json.loads(line)
        body = doc.get("body", "")
        doc["body"] = body[: len(body) // 2]
        doc["title"] = "Corrected: " + doc.get("title", "")
        edited[doc["id"]] = json.dumps(doc)
    (work / "edited.jsonl").write_text("\n".join(edited.values()) + "\n")
    _, secs = run(index + ["-i", whole, str(work / "edited.jsonl")])
    print(f"replace {len(edited)}: {secs:.2f} s")
    final = [edited.get(json.loads(line)["id"], line) for line in kept]
    (work / "final.jsonl").write_text("\n".join(final) + "\n")
    fresh = str(work / "fresh")
    run(index + ["-i", fresh, str(work / "final.jsonl")])
    ok = compare(f"after replacing {len(edited)}: whole index vs fresh index of the result",
                 view(args.build, whole), view(args.build, fresh)) and ok
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
