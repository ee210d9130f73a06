#!/usr/bin/env python3
"""The names WikiANN files tag (Wikipedia link titles: people, places, organisations), one per
line as `TYPE<TAB>name` (PER, LOC or ORG; a name tagged with several types gets the one it has
most often), for byline-build-lexicon --names. Names from other languages' Wikipedias tell a
tagger which capitalised words are known names ("Porsche", "Champions League"). With
--given, the given names instead (`GIVEN<TAB>name`): words that start a person's name of two
words or more at least three times, and start it twice as often as they appear anywhere else
in a name ("Walter", "Jürgen"; not "Saint"), and surnames (`SURNAME<TAB>name`: words that end
such names as often, and twice as often as they appear anywhere else: "Stoiber").

Usage: wikiann_names.py [--given] WIKIANN_FILE... > names.tsv
"""
import collections
import sys

from wikiann_to_conll import fragments


def spans(fragment):
    """(type, tokens) of each tagged name of a fragment."""
    current = None
    for token, tag in fragment:
        if tag.startswith("B-") or (tag.startswith("I-") and current is None):
            if current:
                yield current
            current = (tag[2:], [token])
        elif tag.startswith("I-") and current and tag[2:] == current[0]:
            current[1].append(token)
        else:
            if current:
                yield current
            current = None
    if current:
        yield current


def given_names(paths):
    first, last, inner = collections.Counter(), collections.Counter(), collections.Counter()
    elsewhere = collections.Counter()  # in names of other kinds, or a person's one word
    for path in paths:
        for fragment in fragments(path):
            for kind, tokens in spans(fragment):
                if kind == "PER" and len(tokens) >= 2:
                    first[tokens[0]] += 1
                    last[tokens[-1]] += 1
                    inner.update(tokens[1:-1])
                else:
                    elsewhere.update(tokens)

    def shaped(name):
        return name[0].isupper() and name.replace("-", "").isalpha()

    for name in sorted(first):
        if first[name] >= 3 and first[name] >= 2 * elsewhere[name] and shaped(name):
            print(f"GIVEN\t{name}")
    for name in sorted(last):
        other = elsewhere[name] + first[name] + inner[name]
        if last[name] >= 3 and last[name] >= 2 * other and shaped(name):
            print(f"SURNAME\t{name}")


def main():
    paths = [a for a in sys.argv[1:] if a != "--given"]
    if not paths:
        sys.exit(__doc__)
    if "--given" in sys.argv:
        return given_names(paths)
    types = collections.defaultdict(collections.Counter)
    for path in paths:
        for fragment in fragments(path):
            for kind, tokens in spans(fragment):
                if kind in ("PER", "LOC", "ORG") and tokens[0][0].isalnum() and any(
                        ch.isupper() for ch in tokens[0]):
                    types[" ".join(tokens)][kind] += 1
    for name in sorted(types):
        counts = types[name]
        kind = max(sorted(counts), key=counts.get)
        print(f"{kind}\t{name}")


if __name__ == "__main__":
    main()
