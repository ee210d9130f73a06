#!/usr/bin/env python3
"""How alike are the articles --collapse folds together?

Usage: collapse_check.py INDEX CORPUS.jsonl [--search PATH] [--show N]

Lists every story byline-search --collapse finds over all articles of INDEX (the empty query),
and for each folded pair (the shown article and each duplicate, and every other pair within a
cluster) computes the exact resemblance of the two articles in CORPUS.jsonl: the Jaccard index of
their sets of word 3-shingles (words: lower-cased runs of letters and digits of the title, then
the body). Prints the distribution and the least alike pairs.
"""
import argparse
import itertools
import json
import re
import subprocess
import sys

WORD = re.compile(r"\w+", re.UNICODE)


def shingles(article):
    words = WORD.findall((article.get("title", "") + "\n" + article.get("body", "")).lower())
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def jaccard(a, b):
    return len(a & b) / len(a | b) if a or b else 1.0


def percentile(values, share):
    return values[min(len(values) - 1, int(share * len(values)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("index")
    parser.add_argument("corpus")
    parser.add_argument("--search", default="build/searcher/byline-search")
    parser.add_argument("--show", type=int, default=10, help="least alike pairs to show")
    args = parser.parse_args()

    articles = {}
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            articles[a["id"]] = a
    out = subprocess.run([args.search, "-i", args.index, "--collapse", "--json", "",
                          "--limit", str(len(articles) + 1), "--passages", "0",
                          "--date-facet", "none", "--facet", "lang"],
                         check=True, capture_output=True, text=True).stdout
    result = json.loads(out)
    clusters = [[h["id"]] + h["duplicates"] for h in result["hits"] if h["duplicates"]]
    cache = {}

    def sim(x, y):
        for i in (x, y):
            if i not in cache:
                cache[i] = shingles(articles[i])
        return jaccard(cache[x], cache[y])

    folded = sorted((sim(c[0], d), c[0], d) for c in clusters for d in c[1:])
    within = sorted((sim(x, y), x, y) for c in clusters for x, y in itertools.combinations(c, 2))
    print(f"articles {result['total_articles']}, stories {result['total']}, "
          f"clusters of 2+ {len(clusters)} (largest {max(map(len, clusters), default=0)})")
    for name, pairs in (("folded pairs (hit, duplicate)", folded),
                        ("all pairs within clusters", within)):
        values = [p[0] for p in pairs]
        if not values:
            print(f"{name}: none")
            continue
        print(f"{name}: {len(values)}; resemblance min {values[0]:.3f}, "
              f"5th percentile {percentile(values, 0.05):.3f}, "
              f"median {percentile(values, 0.5):.3f}, "
              f"below 0.5: {sum(v < 0.5 for v in values)}, below 0.8: {sum(v < 0.8 for v in values)}, "
              f"verbatim (1.0): {sum(v == 1.0 for v in values)}")
    print(f"\nleast alike folded pairs:")
    for value, x, y in folded[:args.show]:
        print(f"  {value:.3f}  {x} {articles[x].get('title', '')[:50]!r}  |  "
              f"{y} {articles[y].get('title', '')[:50]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
