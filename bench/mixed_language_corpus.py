#!/usr/bin/env python3
"""A folder of pseudo-articles in several languages, without a language field, to measure
language identification (byline-lang-id) and to index as a mixed folder.

Usage: mixed_language_corpus.py DATA_DIR OUT_DIR [--articles N] [--short N] [--seed S]

DATA_DIR is the shared development data (its README names the sources). Writes OUT_DIR/articles/
NNNN.txt (plain text: a title line, a blank line, the body) and OUT_DIR/gold.tsv (file, language,
kind). Per language: N articles of 5-15 consecutive sentences (default 200) and N short ones of a
title and one sentence (default 50):
  en  BBC News (bbc/*/*.txt: headline, first sentences of the body)
  de  GermEval 2014 dev (germeval2014/NER-de-dev.tsv; sentences detokenised)
  ru  factRuEval-2016 dev (factrueval2016/devset/book_*.txt)
  uk  NER-UK (ner-uk/train.iob; measuring only, never training)
  fr, nl  WikiANN dev (wikiann/*/dev; Wikipedia fragments, not sentences: a harder test)
Nothing of the data is copied into the repository: write OUT_DIR outside it.
"""

import argparse
import pathlib
import random
import re

SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"«„(]?[A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐ0-9])")
NO_SPACE_BEFORE = re.compile(r" ([.,;:!?)»“\]%])")
NO_SPACE_AFTER = re.compile(r"([(«„\[]) ")


def detokenise(tokens):
    text = " ".join(tokens)
    text = NO_SPACE_BEFORE.sub(r"\1", text)
    return NO_SPACE_AFTER.sub(r"\1", text)


def split_sentences(text):
    out = []
    for para in re.split(r"\n\s*\n|\n", text):
        out += [s.strip() for s in SENTENCE_END.split(para) if s.strip()]
    return out


def conll_sentences(path, token_of):
    """Sentences of a one-token-a-line file (blank lines between sentences)."""
    sentences, tokens = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") and "\t" in line and not tokens:
            continue  # GermEval's source line
        token = token_of(line) if line.strip() else None
        if token is None:
            if tokens:
                sentences.append(detokenise(tokens))
            tokens = []
        else:
            tokens.append(token)
    if tokens:
        sentences.append(detokenise(tokens))
    return sentences


def germeval(data):
    return conll_sentences(data / "germeval2014/NER-de-dev.tsv",
                           lambda l: l.split("\t")[1] if l.count("\t") >= 2 else None)


def ner_uk(data):
    return conll_sentences(data / "ner-uk/train.iob", lambda l: l.split(" ")[0])


def wikiann(data, lang):
    return conll_sentences(data / f"wikiann/{lang}/dev",
                           lambda l: l.split("\t")[0].split(":", 1)[1] if "\t" in l else None)


def bbc(data, rng):
    """(headline, sentences of the body) per BBC article."""
    files = sorted((data / "bbc").glob("*/*.txt"))
    rng.shuffle(files)
    for f in files:
        text = f.read_bytes().decode("utf-8", errors="replace")
        head, _, body = text.partition("\n")
        yield head.strip(), split_sentences(body)


def factrueval(data):
    """Sentences of each Russian news text, one list per text."""
    for f in sorted((data / "factrueval2016/devset").glob("book_*.txt")):
        yield split_sentences(f.read_text(encoding="utf-8"))


def title_of(sentence, words=10):
    return " ".join(sentence.rstrip(".").split()[:words])


def from_sentences(sentences, rng, n_articles, n_short):
    """Short ones from the last sentences, articles from runs of consecutive sentences before."""
    shorts, end = [], len(sentences)
    while len(shorts) < n_short and end >= 2:
        shorts.append((title_of(sentences[end - 2]), sentences[end - 1]))
        end -= 2
    articles, i = [], 0
    while len(articles) < n_articles and i + 6 <= end:
        k = rng.randint(5, 15)
        run = sentences[i:min(end, i + k + 1)]
        articles.append((title_of(run[0]), " ".join(run[1:])))
        i += k + 1
    return articles, shorts


def russian(data, rng, n_articles, n_short):
    articles, shorts = [], []
    for sents in factrueval(data):
        if len(sents) < 2:
            continue
        for _ in range(2):  # up to two articles per text
            if len(articles) >= n_articles or len(sents) < 6:
                break
            k = min(len(sents) - 1, rng.randint(5, 15))
            articles.append((title_of(sents[0]), " ".join(sents[1:k + 1])))
            sents = sents[k + 1:]
        if len(shorts) < n_short and len(sents) >= 2:
            shorts.append((title_of(sents[0]), sents[1]))
    return articles, shorts


def english(data, rng, n_articles, n_short):
    articles, shorts = [], []
    for head, sents in bbc(data, rng):
        if len(articles) < n_articles and len(sents) >= 5:
            articles.append((head, " ".join(sents[:rng.randint(5, 15)])))
        elif len(shorts) < n_short and sents:
            shorts.append((head, sents[0]))
        if len(articles) >= n_articles and len(shorts) >= n_short:
            break
    return articles, shorts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", type=pathlib.Path)
    ap.add_argument("out", type=pathlib.Path)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--short", type=int, default=50)
    ap.add_argument("--seed", type=int, default=15)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    n, s = args.articles, args.short
    per_lang = {
        "en": english(args.data, rng, n, s),
        "de": from_sentences(germeval(args.data), rng, n, s),
        "ru": russian(args.data, rng, n, s),
        "uk": from_sentences(ner_uk(args.data), rng, n, s),
        "fr": from_sentences(wikiann(args.data, "fr"), rng, n // 2, s),
        "nl": from_sentences(wikiann(args.data, "nl"), rng, n // 2, s),
    }
    folder = args.out / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    gold, count = [], 0
    for lang, (articles, shorts) in per_lang.items():
        for kind, items in (("article", articles), ("short", shorts)):
            for title, body in items:
                name = f"{count:04d}.txt"
                (folder / name).write_text(f"{title}\n\n{body}\n", encoding="utf-8")
                gold.append(f"{name}\t{lang}\t{kind}\n")
                count += 1
    (args.out / "gold.tsv").write_text("".join(gold), encoding="utf-8")
    for lang, (articles, shorts) in per_lang.items():
        print(f"{lang}: {len(articles)} articles, {len(shorts)} short")


if __name__ == "__main__":
    main()
