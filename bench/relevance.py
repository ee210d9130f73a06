#!/usr/bin/python3
"""Byline's ranking on classic test collections in SMART format (issue 16).

usage: bench/relevance.py BUILD_DIR COLLECTION_DIR [COLLECTION_DIR...]
                          [--work DIR] [--mode or|plain|both] [--limit 1000]

A COLLECTION_DIR holds a SMART documents file (name contains ".all": CISI.ALL,
cran.all.1400), a queries file (".qry") and judgements (".rel" or "qrel": lines
`query doc [grade ...]`; a negative grade means not relevant). SMART records
start with `.I N`, then fields on their own line: .T title, .W text, .A, .B, .X ...

Each collection is written as JSON Lines (id, title = .T, body = .W; records
with neither left out) to WORK/NAME/corpus.jsonl and indexed with byline-index
(the index is reused while the corpus, the indexer and libbyline are unchanged);
every judged query is run in one byline-search process. Modes: `or` sends the
query's words joined with OR (a bag of words, as peers are measured); `plain`
sends them space-separated, as a user types a sentence.
Binary relevance: MAP (over the top --limit), nDCG@10, P@10, R@100, averaged over
the judged queries. Figures are printed and written to WORK/relevance.json.
"""
import argparse, glob, hashlib, json, math, os, re, shutil, subprocess, sys, tempfile, time


def words(text):
    return re.findall(r'[a-z0-9]+', text.lower())


def read_smart(path):
    """Records of a SMART file as [(id, {field letter: text})]; repeated fields append."""
    records, fields, field = [], None, None
    with open(path, encoding='latin-1') as f:
        for line in f:
            start = re.match(r'\.I\s+(\d+)\s*$', line)
            marker = re.match(r'\.([A-Z])\s*$', line)
            if start:
                fields, field = {}, None
                records.append((str(int(start.group(1))), fields))
            elif marker and fields is not None:
                field = marker.group(1)
                fields.setdefault(field, '')
            elif field is not None:
                fields[field] += line
    return records


def find_file(folder, what, test):
    names = sorted(n for n in os.listdir(folder) if test(n.lower()) and not n.lower().endswith('.readme'))
    if not names:
        sys.exit(f'{folder}: no SMART {what} file')
    return os.path.join(folder, names[0])


def load_collection(folder):
    """docs [(id, title, body)], queries {id: text}, judgements {query id: {doc id}}."""
    docs = [(i, ' '.join(f.get('T', '').split()), f.get('W', '').strip())
            for i, f in read_smart(find_file(folder, 'documents', lambda n: '.all' in n))]
    query_records = read_smart(find_file(folder, 'queries', lambda n: '.qry' in n))
    judgements = {}
    with open(find_file(folder, 'judgements', lambda n: n.endswith('.rel') or 'qrel' in n), encoding='latin-1') as f:
        for line in f:
            cols = line.split()
            if len(cols) < 2 or (len(cols) > 2 and float(cols[2]) < 0):
                continue
            judgements.setdefault(str(int(cols[0])), set()).add(str(int(cols[1])))
    # Judgements number queries 1..N in file order: Cranfield's .I numbers have gaps
    # (001, 002, 004, ...) that its cranqrel ignores; elsewhere .I N is the N-th query.
    queries = {str(position): ' '.join((f.get('W') or f.get('T') or '').split())
               for position, (_, f) in enumerate(query_records, 1)}
    return docs, queries, judgements


def build_index(build, folder, docs):
    """Write corpus.jsonl and index it unless the same corpus was indexed by the same build; True if indexed."""
    corpus, index, stamp_file = (os.path.join(folder, n) for n in ('corpus.jsonl', 'index', 'index.stamp'))
    text = ''.join(json.dumps({'id': i, 'title': t, 'body': b}) + '\n' for i, t, b in docs if t or b)
    with open(corpus, 'w') as f:
        f.write(text)
    indexer = os.path.join(build, 'indexer', 'byline-index')
    binaries = [indexer] + sorted(glob.glob(os.path.join(build, 'src', 'libbyline.so*')))
    stamp = hashlib.sha256(text.encode()).hexdigest() + ''.join(
        f' {os.stat(b).st_size}:{os.stat(b).st_mtime_ns}' for b in binaries)
    if os.path.isdir(index) and os.path.exists(stamp_file) and open(stamp_file).read() == stamp:
        return False
    shutil.rmtree(index, ignore_errors=True)
    subprocess.run([indexer, '-q', '-i', index, corpus], check=True)
    with open(stamp_file, 'w') as f:
        f.write(stamp)
    return True


def search(build, folder, mode, query_words, limit):
    """Ranked doc ids for each query id; queries without words rank nothing."""
    asked = [q for q, w in query_words.items() if w]
    query_file = os.path.join(folder, f'queries-{mode}.txt')
    with open(query_file, 'w') as f:
        for q in asked:
            f.write((' OR ' if mode == 'or' else ' ').join(query_words[q]) + '\n')
    out = subprocess.run([os.path.join(build, 'searcher', 'byline-search'), '-i', os.path.join(folder, 'index'),
                          '--queries', query_file, '--limit', str(limit), '--passages', '0',
                          '--date-facet', 'none', '--facet', 'lang'], capture_output=True, text=True)
    lines = out.stdout.splitlines()
    if out.returncode != 0 or len(lines) != len(asked):
        sys.exit(f'byline-search: {len(lines)} answers to {len(asked)} queries, exit {out.returncode}: {out.stderr[:300]}')
    rankings = {q: [] for q in query_words}
    for q, line in zip(asked, lines):
        ids = [hit['id'] for hit in json.loads(line).get('hits', [])]
        rankings[q] = list(dict.fromkeys(ids))[:limit]
    return rankings


def evaluate(rankings, judgements):
    """Mean MAP, nDCG@10, P@10, R@100 with binary relevance over the judged queries."""
    totals = {'MAP': 0.0, 'nDCG@10': 0.0, 'P@10': 0.0, 'R@100': 0.0}
    for q, ranked in rankings.items():
        relevant = judgements[q]
        found, precision_sum = 0, 0.0
        for rank, doc in enumerate(ranked, 1):
            if doc in relevant:
                found += 1
                precision_sum += found / rank
        dcg = sum(1 / math.log2(rank + 1) for rank, doc in enumerate(ranked[:10], 1) if doc in relevant)
        ideal = sum(1 / math.log2(rank + 1) for rank in range(1, min(10, len(relevant)) + 1))
        totals['MAP'] += precision_sum / len(relevant)
        totals['nDCG@10'] += dcg / ideal
        totals['P@10'] += sum(doc in relevant for doc in ranked[:10]) / 10
        totals['R@100'] += sum(doc in relevant for doc in ranked[:100]) / len(relevant)
    return {k: v / len(rankings) for k, v in totals.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('build', metavar='BUILD_DIR')
    parser.add_argument('collections', metavar='COLLECTION_DIR', nargs='+')
    parser.add_argument('--work', help='folder for corpora, indexes and relevance.json (default: a new temp dir)')
    parser.add_argument('--mode', choices=('or', 'plain', 'both'), default='both')
    parser.add_argument('--limit', type=int, default=1000, help='hits per query (MAP depth)')
    args = parser.parse_args()
    work = args.work or tempfile.mkdtemp(prefix='byline-relevance-')
    modes = ['or', 'plain'] if args.mode == 'both' else [args.mode]
    results = {}
    for collection in args.collections:
        name = os.path.basename(os.path.normpath(collection)).lower()
        folder = os.path.join(work, name)
        os.makedirs(folder, exist_ok=True)
        docs, queries, judgements = load_collection(collection)
        judged = {q: words(text) for q, text in queries.items() if judgements.get(q)}
        started = time.time()
        indexed = build_index(args.build, folder, docs)
        how = f'indexed in {time.time() - started:.1f}s' if indexed else 'index reused'
        empty = sum(1 for _, t, b in docs if not (t or b))
        print(f'## {name}: {len(docs) - empty} docs ({empty} empty left out), {len(judged)} judged queries '
              f'({len(queries) - len(judged)} without judgements skipped); {how}', flush=True)
        for mode in modes:
            started = time.time()
            figures = evaluate(search(args.build, folder, mode, judged, args.limit), judgements)
            seconds = time.time() - started
            results[f'{name}/{mode}'] = dict(figures, queries=len(judged), seconds=round(seconds, 2))
            print(f'{name:6s} {mode:5s} ' + '  '.join(f'{k} {v:.4f}' for k, v in figures.items()) +
                  f'  ({seconds:.1f}s)', flush=True)
    with open(os.path.join(work, 'relevance.json'), 'w') as f:
        json.dump(results, f, indent=1)
    print(f'written {os.path.join(work, "relevance.json")}')


if __name__ == '__main__':
    main()
