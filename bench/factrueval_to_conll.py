#!/usr/bin/env python3
"""factRuEval-2016 (Russian news: book_N.tokens, .spans, .objects) as CoNLL-2003 columns
(`token _ _ TAG`, IOB2 over PER, LOC, ORG), one -DOCSTART- document per book, so
byline-train-tagger and byline-eval-entities read it.

Objects: Person -> PER; Location and LocOrg -> LOC; Org -> ORG; others (Project, ...) none.
An object covers the tokens from its first span's first token to its last span's last; an
object inside another ("Москвы" in "мэрии Москвы") gives way to the outer one.

Usage: factrueval_to_conll.py DEVSET_DIR [--books FROM:TO] > OUT.conll
  --books: the books of that slice of the sorted book list (Python slice, e.g. 0:100)
"""
import argparse
import pathlib
import sys

TYPES = {"Person": "PER", "Location": "LOC", "LocOrg": "LOC", "Org": "ORG"}


def read_tokens(path):
    """Sentences as lists of (token id, text)."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) < 4:
            if current:
                sentences.append(current)
            current = []
            continue
        current.append((int(fields[0]), fields[3]))
    if current:
        sentences.append(current)
    return sentences


def read_spans(path):
    """Span id -> (first token id, token count)."""
    spans = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("#")[0].split()
        if len(fields) >= 6:
            spans[fields[0]] = (int(fields[4]), int(fields[5]))
    return spans


def objects(path, spans, order):
    """(first index, last index, type) of each PER/LOC/ORG object, by token order index."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("#")[0].split()
        if len(fields) < 3 or fields[1] not in TYPES:
            continue
        indexes = []
        for span_id in fields[2:]:
            if span_id not in spans:
                continue
            first, count = spans[span_id]
            if first not in order:
                continue
            start = order[first]
            indexes.extend(range(start, start + count))
        if indexes:
            out.append((min(indexes), max(indexes), TYPES[fields[1]]))
    return out


def book(stem, out):
    sentences = read_tokens(stem.with_suffix(".tokens"))
    flat = [tok for sentence in sentences for tok in sentence]
    order = {tok_id: i for i, (tok_id, _) in enumerate(flat)}
    tags = ["O"] * len(flat)
    found = objects(stem.with_suffix(".objects"), read_spans(stem.with_suffix(".spans")), order)
    # Outer objects first; an object overlapping a tagged token gives way.
    for first, last, kind in sorted(found, key=lambda o: (o[0] - o[1], o[0])):
        if any(tags[i] != "O" for i in range(first, last + 1)):
            continue
        tags[first] = "B-" + kind
        for i in range(first + 1, last + 1):
            tags[i] = "I-" + kind
    out.write("-DOCSTART- -X- -X- O\n\n")
    i = 0
    for sentence in sentences:
        for _, text in sentence:
            out.write(f"{text} _ _ {tags[i]}\n")
            i += 1
        out.write("\n")


def main():
    parser = argparse.ArgumentParser(usage=__doc__)
    parser.add_argument("devset")
    parser.add_argument("--books", default=":")
    args = parser.parse_args()
    stems = sorted(pathlib.Path(args.devset).glob("book_*.tokens"),
                   key=lambda p: int(p.stem.split("_")[1]))
    lo, _, hi = args.books.partition(":")
    stems = stems[int(lo) if lo else None:int(hi) if hi else None]
    for stem in stems:
        book(stem.with_suffix(""), sys.stdout)


if __name__ == "__main__":
    main()
