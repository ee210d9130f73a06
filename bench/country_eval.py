#!/usr/bin/env python3
"""How well Byline's `country` facet finds the countries Reuters editors tagged.

Usage: country_eval.py BUILD_DIR REUTERS_DIR [--show N]

Reads Reuters-21578 (reut2-*.sgm) as bench/reuters_to_jsonl.py does, runs
`byline-index --extract` over the stories with a body and at least one <PLACES> tag, and
compares each story's `countries` (its places' countries and those adjectives name) with the
editors' tags: micro precision and recall over (story, country) pairs, per-country recall for
the most tagged countries, and the N most frequent misses and extras.
"""

import argparse
import collections
import json
import pathlib
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import reuters_to_jsonl  # noqa: E402

# Reuters place codes whose name is not the country's usual English name.
CODE_NAMES = {
    "usa": "united states", "uk": "united kingdom", "ussr": "soviet union", "uae":
    "united arab emirates", "kampuchea": "cambodia", "burma": "myanmar", "macao": "macao",
    "trinidad-tobago": "trinidad and tobago", "antigua": "antigua and barbuda",
    "congo": "republic of the congo", "swaziland": "eswatini", "western-samoa": "samoa",
    "yemen-arab-republic": "yemen", "yemen-demo-republic": "yemen", "vatican": "vatican city",
    "us-virgin-islands": "u s virgin islands", "cape-verde": "cape verde",
    "ivory-coast": "ivory coast",
}


def norm(name):
    return re.sub(r"[^a-z]+", " ", name.lower()).strip()


def stories(reuters_dir):
    for path in sorted(pathlib.Path(reuters_dir).glob("reut2-*.sgm")):
        text = path.read_bytes().decode("latin-1")
        for match in reuters_to_jsonl.STORY.finditer(text):
            record = reuters_to_jsonl.story_record(match.group(1), match.group(2))
            places = re.findall(r"<D>(.*?)</D>", reuters_to_jsonl.field(match.group(2), "PLACES"))
            if record and places:
                yield record, {norm(CODE_NAMES.get(p, p.replace("-", " "))) for p in places}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("reuters")
    ap.add_argument("--show", type=int, default=15)
    args = ap.parse_args()
    tagged = {}
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for record, places in stories(args.reuters):
            tagged[record["id"]] = places
            f.write(json.dumps(record) + "\n")
    out = subprocess.run([f"{args.build}/indexer/byline-index", "--extract", f.name],
                         capture_output=True, text=True, check=True).stdout
    found = {}
    for line in out.splitlines():
        extraction = json.loads(line)
        found[extraction["id"]] = {norm(c) for c in extraction.get("countries", [])}
    hits = extra = missed = 0
    misses, extras = collections.Counter(), collections.Counter()
    per_country = collections.defaultdict(lambda: [0, 0])
    for story, gold in tagged.items():
        ours = found.get(story, set())
        hits += len(gold & ours)
        extra += len(ours - gold)
        missed += len(gold - ours)
        misses.update(gold - ours)
        extras.update(ours - gold)
        for country in gold:
            per_country[country][0] += 1
            per_country[country][1] += country in ours
    precision = hits / max(1, hits + extra)
    recall = hits / max(1, hits + missed)
    print(f"{len(tagged)} stories with country tags; precision {precision:.3f}, "
          f"recall {recall:.3f} ({hits} found, {extra} extra, {missed} missed)")
    top = sorted(per_country.items(), key=lambda kv: -kv[1][0])[:12]
    print("recall per country: " + ", ".join(f"{c} {n_found / n:.2f} ({n})"
                                                for c, (n, n_found) in top))
    print("most missed: " + ", ".join(f"{c} {n}" for c, n in misses.most_common(args.show)))
    print("most extra: " + ", ".join(f"{c} {n}" for c, n in extras.most_common(args.show)))


if __name__ == "__main__":
    main()
