#!/usr/bin/env python3
"""Facet audit: the most frequent person, place and org values of a whole index, with example
articles and flags on suspicious shapes.

Usage: facet_audit.py BUILD_DIR INDEX [--top N] [--examples K] [--corpus PATH ...]

Runs BUILD_DIR/searcher/byline-search on INDEX: one empty query ('' matches every article) for
the top N values of each facet, then one batch (--queries, one process) of `person:"VALUE"`
filters for K example article ids per value. Prints, per facet, rank, article count, value,
flags and example ids, then the number of flagged values. Flags are hints for a reader, not
verdicts:

  caps        every letter upper case (persons and places: a headline or dateline word)
  dot         ends with '.' (an abbreviation: "Conn.", "N.J.")
  short       1 to 3 letters
  digits      contains a digit
  legal       only company legal forms ("Ltd", "Co Inc")
  wire        a word of wire earnings tables ("Shr", "Qtly", "Mths", "Dlrs") or a US state
              abbreviation ("Conn", "Mich")
  contraction an apostrophe followed by a lower-case ending ("I've", "I'm"), not "O'Brien"
  lowercase   one word that the corpus also writes in lower case (needs --corpus; "Agreement")
  types=...   the same value in another of the three facets ("New York" as place and org)
  part-of=... the value is the end or start of a longer value of the same facet ("Motors Corp")

--corpus takes the files indexed (JSON Lines with a "body", or folders of .txt files) to count
lower-case words; a single-word value whose lower-case form occurs at least 3 times and at
least as often as the capitalised form is flagged.
"""

import argparse
import collections
import json
import pathlib
import re
import subprocess
import sys
import tempfile

FACETS = ("person", "place", "org")
LEGAL_FORMS = {"co", "corp", "inc", "ltd", "plc", "llc", "lp", "ag", "sa", "nv", "bv", "gmbh",
               "co.", "corp.", "inc.", "ltd.", "company", "corporation", "&"}
WIRE_WORDS = {"shr", "shrs", "qtly", "oper", "mth", "mths", "qtr", "dlr", "dlrs", "revs", "avg",
              "cts", "pct", "mln", "bln", "div", "vs", "ala", "ariz", "ark", "calif", "colo",
              "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich",
              "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "vt", "va",
              "wash", "wis", "wyo", "alta", "ont", "que", "sask", "nfld"}
WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def search(build_dir, index, args, stdin_file=None):
    command = [str(build_dir / "searcher" / "byline-search"), "-i", str(index), "--json",
               "--date-facet", "none", *args]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        sys.exit(f"byline-search failed ({run.returncode}): {run.stderr.strip()}")
    return [json.loads(line) for line in run.stdout.splitlines() if line.strip()]


def top_values(build_dir, index, top):
    facet_args = [a for f in FACETS for a in ("--facet", f)]
    result = search(build_dir, index, [*facet_args, "--facet-limit", str(top), "-n", "0", ""])
    return result[0]["total"], {f: result[0]["facets"].get(f, []) for f in FACETS}


def examples(build_dir, index, facets, k):
    pairs = [(f, v["value"]) for f in FACETS for v in facets[f]]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as queries:
        for facet, value in pairs:
            queries.write(f'{facet}:"{value.replace(chr(34), " ")}"\n')
        queries.flush()
        results = search(build_dir, index, ["--queries", queries.name, "-n", str(k),
                                            "--passages", "0", "--facet", "source"])
    return {pair: [h["id"] for h in r.get("hits", [])] for pair, r in zip(pairs, results)}


def corpus_texts(paths):
    for path in paths:
        path = pathlib.Path(path)
        files = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
        for file in files:
            text = file.read_text(encoding="utf-8", errors="replace")
            if file.suffix in (".jsonl", ".ndjson"):
                for line in text.splitlines():
                    if line.strip():
                        record = json.loads(line)
                        yield record.get("title", "") + "\n" + record.get("body", "")
            else:
                yield text


def word_cases(paths):
    """Lower-case word -> [times written in lower case, times written capitalised]."""
    counts = collections.defaultdict(lambda: [0, 0])
    for text in corpus_texts(paths):
        for word in WORD.findall(text):
            counts[word.lower()][0 if word.islower() else 1] += 1
    return counts


def flags_of(facet, value, facets, cases):
    flags = []
    letters = [c for c in value if c.isalpha()]
    words = value.split()
    if facet != "org" and len(letters) >= 2 and all(c.isupper() for c in letters):
        flags.append("caps")
    if value.endswith("."):
        flags.append("dot")
    if 1 <= len(letters) <= 3:
        flags.append("short")
    if any(c.isdigit() for c in value):
        flags.append("digits")
    if words and all(w.lower() in LEGAL_FORMS for w in words):
        flags.append("legal")
    if any(w.lower().strip(".") in WIRE_WORDS for w in words):
        flags.append("wire")
    if re.search(r"[A-Za-z]['’][a-z]{1,2}$", value) and not re.search(r"['’][sS]$", value):
        flags.append("contraction")
    if cases is not None and len(words) == 1:
        lower, capital = cases.get(value.lower(), (0, 0))
        if lower >= 3 and lower >= capital:
            flags.append("lowercase")
    others = [f for f in FACETS if f != facet and any(v["value"] == value for v in facets[f])]
    if others:
        flags.append("types=" + "+".join(others))
    for other in facets[facet]:
        longer = other["value"]
        if len(longer) > len(value) and (longer.endswith(" " + value) or
                                         longer.startswith(value + " ")):
            flags.append(f"part-of={longer}")
            break
    return flags


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build_dir", type=pathlib.Path)
    parser.add_argument("index")
    parser.add_argument("--top", type=int, default=40, help="values per facet (default 40)")
    parser.add_argument("--examples", type=int, default=2, help="article ids per value")
    parser.add_argument("--corpus", nargs="*", default=[], help="indexed files, for 'lowercase'")
    args = parser.parse_args()

    total, facets = top_values(args.build_dir, args.index, args.top)
    ids = examples(args.build_dir, args.index, facets, args.examples)
    cases = word_cases(args.corpus) if args.corpus else None
    print(f"index {args.index}: {total} articles; top {args.top} values per facet")
    flagged = 0
    for facet in FACETS:
        print(f"\n== {facet}")
        for rank, entry in enumerate(facets[facet], 1):
            value, count = entry["value"], entry["count"]
            flags = flags_of(facet, value, facets, cases)
            flagged += bool(flags)
            example = ", ".join(ids.get((facet, value), []))
            mark = "!" if flags else " "
            print(f"{mark}{rank:3} {count:6}  {value:<32} {' '.join(flags):<24} [{example}]")
    shown = sum(len(v) for v in facets.values())
    print(f"\nflagged: {flagged} of {shown} values")


if __name__ == "__main__":
    main()
