#!/usr/bin/env python3
"""GermEval 2014 NER (TSV: `n<TAB>token<TAB>outer<TAB>inner`, a `#` source line before each
sentence) as CoNLL-2003 columns (`token _ _ TAG`) for byline-train-tagger: PER, LOC and ORG
spans as they are, OTH as MISC, the `deriv` and `part` variants ("deutsche", "EU-weit") as O.
Every 20 sentences make a -DOCSTART- document, as the GermEval reader of byline-eval-entities
groups them.

With --fold K/N, sentence i belongs to fold i mod N: the CoNLL output leaves fold K out, and
--held-out writes fold K alone as GermEval TSV instead, to score a model trained without it.

Usage: germeval_to_conll.py GERMEVAL_TSV [--fold K/N [--held-out]] > OUT
"""
import argparse
import sys


def sentences(path):
    """(source line, [(row, token, outer tag)]) per sentence."""
    source, rows = "", []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                source = line
                continue
            if not line.strip():
                if rows:
                    yield source, rows
                rows = []
                continue
            cols = line.split("\t")
            if len(cols) >= 3:
                rows.append((line, cols[1], cols[2]))
    if rows:
        yield source, rows


def conll_tag(tag):
    if tag.endswith("deriv") or tag.endswith("part") or tag == "O":
        return "O"
    prefix, _, label = tag.partition("-")
    return f"{prefix}-{'MISC' if label == 'OTH' else label}"


def main():
    parser = argparse.ArgumentParser(usage=__doc__)
    parser.add_argument("path")
    parser.add_argument("--fold", default="")
    parser.add_argument("--held-out", action="store_true")
    args = parser.parse_args()
    k, n = (int(x) for x in args.fold.split("/")) if args.fold else (-1, 1)
    out = sys.stdout
    written = 0
    for i, (source, rows) in enumerate(sentences(args.path)):
        in_fold = i % n == k
        if args.held_out:
            if in_fold:
                out.write(source + "\n" + "".join(r[0] + "\n" for r in rows) + "\n")
            continue
        if in_fold:
            continue
        if written % 20 == 0:
            out.write("-DOCSTART- -X- -X- O\n\n")
        for _, token, tag in rows:
            out.write(f"{token} _ _ {conll_tag(tag)}\n")
        out.write("\n")
        written += 1


if __name__ == "__main__":
    main()
