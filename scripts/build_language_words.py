#!/usr/bin/env python3
"""Regenerate data/gazetteer_words.tsv: the one-word gazetteer names that are also words of a
language the entity rules do not support (German "Ende", "Auch", "Wer", "Zug"; French "Nice"?).

Run once by a maintainer after the gazetteers change (the runtime needs none of these packages):
    apt-get install iso-codes hunspell-de-de hunspell-tools wngerman wfrench wdutch wspanish witalian wportuguese wswedish \
        wdanish wnorwegian wpolish
    python3 scripts/build_language_words.py [--data data]

In text of such a language the extractor takes a one-word gazetteer name only if it is not in
this file for that language (src/extract/entity_foreign.cpp). A name is a word of the language
when its lower-case form is in the language's word list ("auch", "wer"), or, in German, where
every noun is capitalised, when the capitalised form is and the list also has an inflected form
of it: a plural or a genitive in -es ("Ende"/"Enden", "Zug"/"Zuges"), or it is itself one
("Landes" of "Land"). Place names have none of those ("Berlin" has only "Berlins"); but the
German list is `wngerman` joined with the forms of Debian's hunspell-de-de dictionary
(`unmunch`, from hunspell-tools), which has the inflected forms `wngerman` lacks ("Zeit",
"Lagen"). A town the lists have only capitalised and uninflected is a name ("Bayreuth",
"Paris"), never a word.
Output lines: language code, the name in lower case and "word" (a lower-case word: in a language
that writes nouns in lower case, a capitalised one is that word only where a sentence starts) or
"noun" (German: capitalised anywhere, as nouns and verbs made nouns are), separated by TABs; sorted.
"""
import argparse
import json
import pathlib
import shutil
import subprocess

DICTS = {
    "de": "ngerman", "fr": "french", "nl": "dutch", "es": "spanish", "it": "italian",
    "pt": "portuguese", "sv": "swedish", "da": "danish", "no": "bokmaal", "pl": "polish",
}
ISO_3166_1 = "/usr/share/iso-codes/json/iso_3166-1.json"
# Not -er: "Berliner", "Hamburger" are what a town makes an adjective of.
GERMAN_ENDINGS = ("e", "n", "en", "es", "se", "nen")
UMLAUT = str.maketrans("aou", "äöü")


def gazetteer_names(data):
    """Every one-word name and alias of the gazetteer files, and ISO country names; and the
    names news mostly means as names: cities of 100,000 people or more, countries, and the
    curated places and organisations ("Bundestag", "Google"); not regions, whose names are
    often words ("Landes", "Manche")."""
    names, big = set(), set()
    for f in ("cities.tsv", "subdivisions.tsv"):
        for line in (data / f).read_text(encoding="utf-8").splitlines():
            if not line.startswith("#") and line:
                fields = line.split("\t")
                names.add(fields[0])
                if f == "cities.tsv" and int(fields[3]) >= 100000:
                    big.add(fields[0])
    for f in ("places.tsv", "orgs.tsv"):
        for line in (data / f).read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if line.startswith("#") or len(fields) < 2:
                continue
            names.add(fields[1])
            big.add(fields[1])
            if len(fields) > 2:
                names.update(fields[2].split("|"))
                big.update(fields[2].split("|"))
    for country in json.loads(pathlib.Path(ISO_3166_1).read_text())["3166-1"]:
        for key in ("name", "common_name"):
            if key in country:
                names.add(country[key])
                big.add(country[key])
    names = {n for n in names if n and " " not in n and n[0].isalpha() and n[0].isupper()}
    return names, big


def german_noun(name, words):
    """A capitalised German word with an inflected form: a common noun, not a proper name."""
    if name not in words:
        return False
    forms = {name + e for e in GERMAN_ENDINGS}
    last_vowel = max(name.rfind(v) for v in "aou")
    if last_vowel > 0:  # Zug -> Züge, Boden -> Böden
        umlauted = name[:last_vowel] + name[last_vowel].translate(UMLAUT) + name[last_vowel + 1:]
        forms |= {umlauted, umlauted + "e"}
    # A genitive ("Landes" of "Land"); not -n or -s, which would make "Bonn" a "Bon".
    stem = name[:-2] if name.endswith("es") else ""
    return bool(forms & words) or (len(stem) >= 3 and stem in words)


def hunspell_forms(lang):
    """The capitalised forms of the hunspell dictionary of `lang` (empty without it or unmunch):
    its lower-case forms include parts of compounds ("berlin" of "Ostberlin"), no words."""
    dic = pathlib.Path(f"/usr/share/hunspell/{lang}_DE.dic")
    if not dic.exists() or not shutil.which("unmunch"):
        return set()
    out = subprocess.run(["unmunch", str(dic), str(dic.with_suffix(".aff"))],
                         capture_output=True, check=True).stdout
    return {w for w in out.decode("utf-8", "replace").split("\n") if w[:1].isupper()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=pathlib.Path, default=pathlib.Path("data"))
    args = ap.parse_args()
    names, big = gazetteer_names(args.data)
    lines = []
    for lang, dict_name in DICTS.items():
        path = pathlib.Path("/usr/share/dict") / dict_name
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:  # Debian's Swedish and Danish lists are Latin-1
            text = raw.decode("latin-1")
        words = set(text.split("\n"))
        if lang == "de":
            words |= hunspell_forms(lang)
        # German makes a noun of any verb ("ende" -> "das Ende", "essen" -> "das Essen"): there a
        # lower-case word is a capitalised word anywhere too.
        lower_kind = "noun" if lang == "de" else "word"
        hits = {n.lower(): "noun" for n in names if lang == "de" and german_noun(n, words)}
        for n in names:
            if n.lower() in words:
                hits.setdefault(n.lower(), lower_kind)
        # A big city, a country or a curated name is that name in running text ("in Essen",
        # "der Bundestag"); only where a sentence starts may it be the word.
        for n in big:
            if hits.get(n.lower()) == "noun":
                hits[n.lower()] = "word"
        lines += [f"{lang}\t{w}\t{hits[w]}\n" for w in sorted(hits)]
        print(f"{lang}: {len(hits)} of {len(names)} one-word names are words ({dict_name})")
    # Ukrainian lines come from bench/cyrillic_words.cpp (Cyrillic words keyed to places need the
    # library's transliteration): kept as they are.
    out = args.data / "gazetteer_words.tsv"
    if out.exists():
        lines += [line + "\n" for line in out.read_text(encoding="utf-8").splitlines()
                  if line and not line.startswith("#") and line.split("\t")[0] not in DICTS]
    lines.sort(key=lambda line: tuple(line.split("\t")[:2]))
    header = ("# One-word gazetteer names that are words of a language: lang<TAB>lower-case "
              "name<TAB>word|noun\n# Generated by scripts/build_language_words.py (uk: "
              "bench/cyrillic_words.cpp); do not edit.\n")
    out.write_text(header + "".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
