#!/usr/bin/env bash
# Every JSON the CLIs print validates against docs/schema: search responses (articles, passage
# search, batch lines), error objects and extraction lines, on sample_corpus.
# Usage: schema_test.sh BYLINE_INDEX BYLINE_SEARCH SAMPLE_CORPUS SCHEMA_DIR VALIDATOR
set -euo pipefail
index=$1 search=$2 corpus=$3 schemas=$4 validator=$5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$index" -q -i "$work/idx" "$corpus"
s() { "$search" -i "$work/idx" --json "$@"; }
{
    s 'Witkoff'
    s --passages 3 --date-facet day '"security guarantees"'
    s --passages-only -n 5 '"security guarantees" Europe'
    s --person zelensky --place Kyiv ''
    s 'mentioned:2025-11' --date-facet week
    s --sort date -n 0 ''
    s --collapse ''
    s 'nothingmatchesthis'
    s --facet co_person --facet co_place --facet person --trend person --trend country 'Witkoff'
} > "$work/search.jsonl"
s 'peace (talks' > "$work/errors.jsonl" || true
s --facet colour 'peace' >> "$work/errors.jsonl" || true
"$search" -i "$work/missing" --json peace >> "$work/errors.jsonl" || true
printf 'peace\nbad "quote\n' > "$work/queries.txt"
"$search" -i "$work/idx" --queries "$work/queries.txt" > "$work/batch.jsonl" 2>/dev/null || true
"$index" --extract --json "$corpus" > "$work/extract.jsonl"
[ "$(wc -l < "$work/errors.jsonl")" -eq 3 ] || { echo "expected 3 error objects"; exit 1; }
"$validator" "$schemas" "$work/search.jsonl" "$work/errors.jsonl" "$work/batch.jsonl" \
    "$work/extract.jsonl"
