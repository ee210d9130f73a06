#!/usr/bin/env python3
"""How soon a running byline-serve shows an article written to a followed JSON Lines file.

Usage: stream_latency.py BUILD_DIR INDEX [--articles N] [--interval SECONDS] [--commit S]

Starts `byline-index -i INDEX --follow FEED --commit-interval S` and `byline-serve -i INDEX
--port 0`, appends N articles (one every --interval seconds), each with a word of its own, and
polls /search for that word every 20 ms: prints per article the seconds from the append to the
first answer that finds it, then the median and the worst. INDEX may hold an archive already.
"""

import argparse
import json
import os
import pathlib
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("index")
    ap.add_argument("--articles", type=int, default=10)
    ap.add_argument("--interval", type=float, default=1.0)
    ap.add_argument("--commit", type=float, default=5.0)
    args = ap.parse_args()
    feed = pathlib.Path(tempfile.mkdtemp(prefix="byline-stream-")) / "feed.jsonl"
    feed.write_text("")
    indexer = subprocess.Popen([f"{args.build}/indexer/byline-index", "-q", "-i", args.index,
                                "--follow", str(feed), "--commit-interval", str(args.commit)])
    time.sleep(1)  # the index exists before the server opens it
    server = subprocess.Popen([f"{args.build}/server/byline-serve", "-i", args.index, "--port", "0"],
                              stdout=subprocess.PIPE, text=True)
    url = server.stdout.readline().split(" at ")[1].split("/ ")[0]
    latencies = []
    try:
        for n in range(args.articles):
            word = f"streamprobe{os.getpid()}x{n}"
            article = {"id": f"stream-{word}", "title": f"Probe {word}",
                       "body": f"A probe article with the word {word} in it.", "date": "2026-12-02"}
            with feed.open("a") as f:
                f.write(json.dumps(article) + "\n")
            written = time.monotonic()
            while True:
                with urllib.request.urlopen(f"{url}/search?q={word}&limit=0") as reply:
                    if json.load(reply)["total"] > 0:
                        break
                if time.monotonic() - written > 60:
                    sys.exit(f"{word} not found after 60 s")
                time.sleep(0.02)
            latencies.append(time.monotonic() - written)
            print(f"article {n + 1}: {latencies[-1]:.2f} s", flush=True)
            time.sleep(max(0.0, args.interval - latencies[-1]))
    finally:
        indexer.send_signal(signal.SIGTERM)
        server.send_signal(signal.SIGTERM)
        status = indexer.wait()
        server.wait()
    print(f"median {statistics.median(latencies):.2f} s, worst {max(latencies):.2f} s "
          f"(--commit-interval {args.commit}); byline-index exited {status} on SIGTERM")


if __name__ == "__main__":
    main()
