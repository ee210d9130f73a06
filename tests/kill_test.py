#!/usr/bin/env python3
"""byline-index killed with SIGKILL at random points (writing, committing, compacting), then run
again: after every kill a searcher still finds an index holding a committed prefix of the work,
and the final run completes with every article.

usage: kill_test.py BYLINE_INDEX BYLINE_SEARCH SAMPLE_CORPUS [ROUNDS]
Prints one line per kill and a summary (kills, kills during compaction, failures)."""
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time


def articles(sample_dir, prefix, count):
    """JSON Lines of `count` articles made from the sample corpus, ids PREFIX-N."""
    bodies = []
    for name in sorted(os.listdir(sample_dir)):
        with open(os.path.join(sample_dir, name), encoding="utf-8") as f:
            bodies.append(f.read())
    lines = []
    for n in range(count):
        body = bodies[n % len(bodies)]
        lines.append(json.dumps({"id": f"{prefix}-{n}", "title": f"Story {prefix} {n}",
                                 "body": f"Item {n} of {prefix}. {body}"}))
    return "\n".join(lines) + "\n"


def total(search_bin, index):
    run = subprocess.run([search_bin, "-i", index, "--json", "--limit", "0", ""],
                         capture_output=True, text=True, timeout=60)
    if run.returncode != 0:
        return None, run.stderr.strip()
    return json.loads(run.stdout)["total"], ""


def main():
    index_bin, search_bin, sample = sys.argv[1:4]
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 8
    seed = int(os.environ.get("BYLINE_KILL_SEED", time.time_ns() % 100000))
    rng = random.Random(seed)
    work = tempfile.mkdtemp(prefix="byline-kill-")
    failures = 0
    try:
        feeds = {}
        for prefix, count in (("a", 160), ("b", 80)):
            feeds[prefix] = os.path.join(work, f"{prefix}.jsonl")
            with open(feeds[prefix], "w", encoding="utf-8") as f:
                f.write(articles(sample, prefix, count))
        index = os.path.join(work, "idx")
        command = [index_bin, "-q", "--compact", "--batch", "50", "-i", index]
        started = time.monotonic()
        subprocess.run(command + [feeds["a"]], check=True, capture_output=True)
        full_run = time.monotonic() - started
        in_compaction = 0
        for k in range(rounds):
            feed = feeds["b" if k % 2 else "a"]
            # Half the kills aim at the end of the run, where it commits and compacts.
            low = 0.0 if k % 4 < 2 else 0.6
            delay = rng.uniform(low * full_run, full_run * 1.05)
            proc = subprocess.Popen(command + [feed], stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            time.sleep(delay)
            proc.kill()
            proc.wait()
            compacting = os.path.exists(index + ".compacting")
            in_compaction += compacting
            count, error = total(search_bin, index)
            ok = count is not None and 160 <= count <= 240
            failures += not ok
            print(f"kill {k + 1}: after {delay:.3f} s (exit {proc.returncode}), "
                  f"{'during compaction, ' if compacting else ''}"
                  f"search sees {count if count is not None else 'no index: ' + error}"
                  f"{'' if ok else '  <-- FAIL'}")
        final = subprocess.run(command + [feeds["a"], feeds["b"]], capture_output=True, text=True)
        count, error = total(search_bin, index)
        leftovers = [p for p in (index + ".compacting", index + ".old") if os.path.exists(p)]
        if final.returncode != 0 or count != 240 or leftovers:
            failures += 1
            print(f"final run: exit {final.returncode} {final.stderr.strip()}, total {count} "
                  f"{error}, leftovers {leftovers}  <-- FAIL")
        print(f"seed {seed}: {rounds} kills ({in_compaction} during compaction) over a "
              f"{full_run:.2f} s run, re-run complete with {count} articles, {failures} failures")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
