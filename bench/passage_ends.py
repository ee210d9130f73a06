#!/usr/bin/env python3
"""How many shown passages end where a sentence ends, or say they were cut.

Usage: passage_ends.py BUILD_DIR INDEX QUERIES_FILE [--show N] [-- EXTRA byline-search OPTIONS]

Runs `BUILD_DIR/searcher/byline-search --json --queries QUERIES_FILE -i INDEX` (one process, one
JSON line per query) and counts every passage shown (the passages of each hit, or with
--passages-only the ranked passages). A passage ends well when its text, trailing white space
aside, ends with '.', '!' or '?' (closing quotes and brackets may follow), or when it has
cut_after set (the reader sees "…"). Prints the share per query and overall; --show N prints N
passages that end badly, with the end of their text.
"""

import argparse
import json
import pathlib
import re
import subprocess
import sys

CLOSERS = "\"'”’»)]}"
SENTENCE_END = re.compile(r"[.!?][" + re.escape(CLOSERS) + r"]*$")


def ends_well(passage):
    return passage["cut_after"] or bool(SENTENCE_END.search(passage["text"].rstrip()))


def passages_of(result):
    if "passages" in result:
        return list(result["passages"])
    return [p for hit in result.get("hits", []) for p in hit["passages"]]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build_dir", type=pathlib.Path)
    parser.add_argument("index")
    parser.add_argument("queries_file")
    parser.add_argument("--show", type=int, default=0, help="print N passages that end badly")
    parser.add_argument("extra", nargs="*", help="more byline-search options (after --)")
    args = parser.parse_args()

    search = args.build_dir / "searcher" / "byline-search"
    command = [str(search), "-i", args.index, "--json", "--queries", args.queries_file,
               *args.extra]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    if run.returncode not in (0, 2):
        sys.exit(f"byline-search failed ({run.returncode}): {run.stderr.strip()}")
    queries = [line.rstrip("\r\n") for line in open(args.queries_file, encoding="utf-8")]

    total = good = cut = 0
    bad_examples = []
    print(f"{'query':<28} {'passages':>8} {'end well':>8} {'share':>7}")
    for query, line in zip(queries, run.stdout.splitlines()):
        result = json.loads(line)
        if "error" in result:
            print(f"{query:<28} error: {result['error']['message']}")
            continue
        passages = passages_of(result)
        n_good = sum(ends_well(p) for p in passages)
        total += len(passages)
        good += n_good
        cut += sum(p["cut_after"] for p in passages)
        bad_examples += [(query, p) for p in passages if not ends_well(p)]
        share = f"{100 * n_good / len(passages):.1f}%" if passages else "-"
        print(f"{query:<28} {len(passages):>8} {n_good:>8} {share:>7}")
    if total == 0:
        sys.exit("no passages shown")
    print(f"\nall: {good} of {total} passages end at a sentence end or are cut "
          f"({100 * good / total:.1f}%); {cut} of them cut ({100 * cut / total:.1f}%)")
    for query, p in bad_examples[: args.show]:
        tail = p["text"].rstrip()[-70:].replace("\n", "⏎")
        print(f"  [{query}] …{tail}")


if __name__ == "__main__":
    main()
