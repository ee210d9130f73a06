#!/usr/bin/env python3
"""byline-train-tagger learns names from their contexts, and an ensemble of runs (--ensemble)
folds into one model that still tags names it never saw.

usage: train_tagger_test.py BYLINE_TRAIN_TAGGER
Writes a small CoNLL training file and a validation file whose names are all new, trains a
single run and an ensemble of three, and checks the F1 each prints for the validation file."""
import os
import random
import re
import subprocess
import sys
import tempfile

GIVEN = ["Anna", "Boris", "Clara", "Dmitri", "Elena", "Felix", "Greta", "Hassan", "Ines", "Jonas",
         "Karim", "Lena", "Mateo", "Nadia", "Oskar", "Priya", "Rafael", "Sofia", "Tomas", "Yusuf"]
SURNAMES = ["Adler", "Brandt", "Castillo", "Dorn", "Eklund", "Fischer", "Gallo", "Horvat",
            "Ivanov", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov",
            "Quist", "Rossi", "Schulz", "Tanaka"]
PLACES = ["Arnhem", "Bergamo", "Coimbra", "Dundee", "Esbjerg", "Faro", "Graz", "Hilo", "Izmir",
          "Jena", "Kaunas", "Lublin", "Malmo", "Nantes", "Oulu", "Perm", "Quito", "Rijeka",
          "Split", "Tartu"]
TEMPLATES = [
    "{per} said on Monday that the talks in {loc} would go on .",
    "The minister met {per} in {loc} after the vote .",
    "Officials in {loc} said {per} had resigned .",
    "{per} , who lives in {loc} , denied the report .",
]


def sentence(rng, given, surnames, places):
    per = [rng.choice(given), rng.choice(surnames)]
    loc = [rng.choice(places)]
    words, tags = [], []
    for word in rng.choice(TEMPLATES).split():
        if word == "{per}":
            words += per
            tags += ["B-PER", "I-PER"]
        elif word == "{loc}":
            words += loc
            tags += ["B-LOC"]
        else:
            words.append(word)
            tags.append("O")
    return "\n".join(f"{w} _ _ {t}" for w, t in zip(words, tags))


def conll(path, rng, count, given, surnames, places):
    with open(path, "w", encoding="utf-8") as f:
        for n in range(count):
            if n % 10 == 0:
                f.write("-DOCSTART- -X- -X- O\n\n")
            f.write(sentence(rng, given, surnames, places) + "\n\n")


def final_f1(output):
    """The micro F1 of the validation line the model that was saved was scored by."""
    found = re.findall(r"micro F1 ([0-9.]+)", output)
    return float(found[-1]) if found else None


def main():
    trainer = sys.argv[1]
    rng = random.Random(7)
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        train, valid = os.path.join(tmp, "train.conll"), os.path.join(tmp, "valid.conll")
        conll(train, rng, 200, GIVEN[:14], SURNAMES[:14], PLACES[:14])
        conll(valid, rng, 40, GIVEN[14:], SURNAMES[14:], PLACES[14:])  # names never seen
        for runs in (1, 3):
            model = os.path.join(tmp, f"model-{runs}.bin")
            run = subprocess.run([trainer, train, model, "--valid", valid, "--epochs", "4",
                                  "--bits", "14", "--no-history", "--ensemble", str(runs)],
                                 capture_output=True, text=True, timeout=300)
            f1 = final_f1(run.stdout)
            ensemble_line = f"ensemble of {runs} runs" in run.stdout
            ok = (run.returncode == 0 and os.path.getsize(model) > 0 and f1 is not None and
                  f1 >= 0.85 and ensemble_line == (runs > 1))
            print(f"--ensemble {runs}: rc {run.returncode}, unseen names F1 {f1}, "
                  f"ensemble scored: {ensemble_line} -> {'ok' if ok else 'FAIL'}")
            if not ok:
                print(run.stdout[-2000:], run.stderr[-2000:])
                failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
