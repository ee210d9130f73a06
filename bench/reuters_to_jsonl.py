#!/usr/bin/env python3
"""Reuters-21578 SGML files as JSON Lines that byline-index reads.

Usage: reuters_to_jsonl.py REUTERS_DIR > reuters.jsonl

One line per story with a <BODY>: id (NEWID), title, body, date (YYYY-MM-DD from <DATE>),
source "Reuters". The body is the dateline as the wire set it ("    HOUSTON, Feb 26 - ", indented
like every paragraph) followed by the story text as the wire wrote it, hard line breaks and
paragraph indentation kept; only the closing "Reuter" sign-off and the transmission's control
characters (&#2;, &#3;, ...) are dropped. The files are not well-formed XML, so stories are cut
out with regular expressions.
"""

import html
import json
import pathlib
import re
import sys

STORY = re.compile(r"<REUTERS\b[^>]*\bNEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
DATE = re.compile(r"<DATE>\s*(\d{1,2})-([A-Z]{3})-(\d{4})")
MONTHS = {m: i + 1 for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}
# "Reuter", "REUTER", "REUTER..." or "REUTER^M" (a carriage return written out) at the end.
SIGN_OFF = re.compile(r"\s*\bREUTER(\.\.\.)?(\^M)?\s*$", re.I)


def field(story, tag):
    match = re.search(rf"<{tag}>(.*?)</{tag}>", story, re.S)
    return match.group(1) if match else ""


def clean(text):
    text = html.unescape(text)
    # Transmission control characters (STX, ETX, ...), but not tab or line feed.
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", text)


def story_record(newid, story):
    body = clean(field(story, "BODY"))
    if not body.strip():
        return None
    body = SIGN_OFF.sub("", body).rstrip()
    dateline = clean(field(story, "DATELINE")).rstrip()
    record = {"id": f"reuters-{newid}", "title": clean(field(story, "TITLE")).strip(),
              "body": (dateline + " " if dateline.strip() else "") + body, "source": "Reuters"}
    date = DATE.search(story)
    if date and date.group(2) in MONTHS:
        day, month, year = int(date.group(1)), MONTHS[date.group(2)], int(date.group(3))
        record["date"] = f"{year:04d}-{month:02d}-{day:02d}"
    return record


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: reuters_to_jsonl.py REUTERS_DIR > reuters.jsonl")
    files = sorted(pathlib.Path(sys.argv[1]).glob("reut2-*.sgm"))
    if not files:
        sys.exit(f"no reut2-*.sgm files in {sys.argv[1]}")
    count = 0
    for path in files:
        text = path.read_bytes().decode("latin-1")
        for match in STORY.finditer(text):
            record = story_record(match.group(1), match.group(2))
            if record:
                print(json.dumps(record, ensure_ascii=False))
                count += 1
    print(f"{count} stories from {len(files)} files", file=sys.stderr)


if __name__ == "__main__":
    main()
