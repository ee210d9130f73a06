#!/usr/bin/env python3
"""WikiANN (lines `xx:token<TAB>TAG`, blank line between sentences) as CoNLL-2003 columns
(`token _ _ TAG`), so byline-train-tagger and byline-eval-entities read it. Every 20 sentences
make a -DOCSTART- document, as the GermEval reader groups them.

WikiANN sentences are Wikipedia fragments without a full stop; a tagger learned from them alone
runs names across sentence ends of running text ("Emmanuel Macron. Die Polizei"). With
--join N, N fragments make one line, each closed by a "." (tag O), as sentences of an article.

Usage: wikiann_to_conll.py WIKIANN_FILE [--join N] > OUT.conll
"""
import argparse
import sys


def fragments(path):
    """Lists of (token, tag) per WikiANN sentence."""
    current = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if current:
                    yield current
                current = []
                continue
            token, _, tag = line.rpartition("\t")
            token = token.split(":", 1)[1] if ":" in token[:4] else token
            if token and " " not in token:
                current.append((token, tag or "O"))
    if current:
        yield current


def main():
    parser = argparse.ArgumentParser(usage=__doc__)
    parser.add_argument("path")
    parser.add_argument("--join", type=int, default=1)
    args = parser.parse_args()
    out = sys.stdout
    out.write("-DOCSTART- -X- -X- O\n\n")
    lines = 0
    group = []

    def flush():
        nonlocal lines, group
        if not group:
            return
        for n, fragment in enumerate(group):
            for token, tag in fragment:
                out.write(f"{token} _ _ {tag}\n")
            if args.join > 1 and fragment[-1][0] not in ".!?":
                out.write(". _ _ O\n")
        out.write("\n")
        group = []
        lines += 1
        if lines % 20 == 0:
            out.write("-DOCSTART- -X- -X- O\n\n")

    for fragment in fragments(args.path):
        group.append(fragment)
        if len(group) >= args.join:
            flush()
    flush()


if __name__ == "__main__":
    main()
