#!/usr/bin/env python3
"""Peers for bench/knowledge: SQLite FTS5 and jieba + rank_bm25 over the same articles and queries.

Usage: peers.py fts5|bm25 CORPUS_DIR QUERIES.jsonl [runs] [HELDOUT.jsonl]
Each document is one article: law title + headings + article text (the peers have no fields, so the title goes into
the text, which gives them the title match our index has as a boost).
FTS5: trigram tokenizer; a query term of three or more characters is a trigram MATCH, a shorter one a LIKE '%t%'
fallback on the same table (trigram cannot match terms under three characters); all terms are ANDed, ranked by bm25().
BM25: jieba 0.42.1 (default dictionary, HMM on) segments articles and queries (cut_for_search for queries); rank_bm25's
BM25Okapi (k1 1.5, b 0.75, its defaults) scores every article.
"""
import glob, json, os, re, resource, sqlite3, sys, time

LABEL = re.compile(r'^(第[零〇一二两三四五六七八九十百千]+)\s*(条(?:之[一二三四五六七八九十]+)?)(.*)$')


def articles(corpus):
    for path in sorted(glob.glob(os.path.join(corpus, '**', '*.md'), recursive=True)):
        if path.endswith('_index.md'):
            continue
        lines = open(path, encoding='utf-8').read().split('\n')
        title = lines[0].lstrip('# ').strip()
        headings, body, current, text = {}, False, None, []
        for line in lines[1:]:
            line = line.strip()
            if not line:
                continue
            if line == '<!-- INFO END -->':
                body = True
                continue
            if not body:
                continue
            if line.startswith('#'):
                level = len(line) - len(line.lstrip('#'))
                headings = {k: v for k, v in headings.items() if k < level}
                headings[level] = line.lstrip('#').strip()
                continue
            m = LABEL.match(line)
            if m and (m.group(3)[:1] in (' ', '\u3000', '') or ' ' in line[:len(m.group(1)) + 2]):
                if current:
                    yield current + ('\n'.join(text),)
                current = (title, m.group(1) + m.group(2), ' '.join(headings[k] for k in sorted(headings)))
                text = [m.group(3).strip()]
            elif current:
                text.append(line)
        if current:
            yield current + ('\n'.join(text),)


def evaluate(search, queries, runs):
    recall = mrr = 0.0
    for q in queries:
        hits = search(q['query'])
        relevant = {(r['law'], r['article']) for r in q['relevant']}
        recall += len(set(hits[:5]) & relevant) / len(relevant)
        for rank, hit in enumerate(hits[:10]):
            if hit in relevant:
                mrr += 1 / (rank + 1)
                break
    latencies, cpu = [], 0.0
    start = time.perf_counter()
    for _ in range(runs):
        for q in queries:
            t = time.perf_counter()
            c = time.thread_time()
            search(q['query'])
            cpu += time.thread_time() - c
            latencies.append((time.perf_counter() - t) * 1000)
    total = time.perf_counter() - start
    evaluate.cpu_mean_ms = cpu * 1000 / len(latencies)
    latencies.sort()
    pct = lambda p: latencies[min(len(latencies) - 1, int(len(latencies) * p))]
    n = len(queries)
    return recall / n, mrr / n, pct(0.5), pct(0.99), len(latencies) / total


def fts5_peer(docs):
    db = sqlite3.connect(':memory:')
    db.execute('create virtual table a using fts5(law unindexed, label unindexed, text, tokenize="trigram")')
    db.executemany('insert into a(law, label, text) values (?, ?, ?)', [(d[0], d[1], d[0] + ' ' + d[2] + '\n' + d[3]) for d in docs])

    def search(query):
        terms = [t for t in re.split(r'\s+', query.replace('"', ' ').replace('《', ' ').replace('》', ' ')) if t]
        long_terms = [t for t in terms if len(t) >= 3]
        short_terms = [t for t in terms if len(t) < 3]
        params, where = [], []
        if long_terms:
            where.append('a match ?')
            params.append(' AND '.join('"' + t.replace('"', '') + '"' for t in long_terms))
        for t in short_terms:
            where.append('text like ?')
            params.append('%' + t + '%')
        if not where:
            return []
        order = 'bm25(a)' if long_terms else 'rowid'
        sql = f'select law, label from a where {" and ".join(where)} order by {order} limit 10'
        return [tuple(r) for r in db.execute(sql, params)]
    return search


def bm25_peer(docs):
    import jieba
    from rank_bm25 import BM25Okapi
    jieba.setLogLevel(60)
    keep = lambda w: w.strip() and not re.fullmatch(r'[\W_]+', w)
    corpus = [[w for w in jieba.lcut(d[0] + d[2] + d[3]) if keep(w)] for d in docs]
    bm25 = BM25Okapi(corpus)
    import numpy as np

    def search(query):
        tokens = [w for w in jieba.lcut_for_search(query) if keep(w)]
        scores = bm25.get_scores(tokens)
        top = np.argsort(-scores)[:10]
        return [(docs[i][0], docs[i][1]) for i in top if scores[i] > 0]
    return search


def main():
    peer, corpus, queries_path = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    holdout = [json.loads(l) for l in open(sys.argv[5], encoding='utf-8') if l.strip()] if len(sys.argv) > 5 else []
    queries = [json.loads(l) for l in open(queries_path, encoding='utf-8') if l.strip()]
    start = time.perf_counter()
    docs = list(articles(corpus))
    search = fts5_peer(docs) if peer == 'fts5' else bm25_peer(docs)
    build = time.perf_counter() - start
    recall, mrr, p50, p99, qps = evaluate(search, queries, runs)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    name = {'fts5': 'SQLite FTS5 (trigram + LIKE for <3 chars)', 'bm25': 'Python jieba + rank_bm25'}[peer]
    print(f'{name}: {len(docs)} articles, build {build:.2f} s (parse + index), peak RSS {rss:.0f} MiB')
    print(f'  relevance: recall@5 {recall:.3f}, MRR {mrr:.3f}')
    print(f'  latency ({runs} runs x {len(queries)} queries): p50 {p50:.3f} ms, p99 {p99:.3f} ms, throughput {qps:.0f} queries/s')
    cpu = evaluate.cpu_mean_ms
    print(f'  cpu time per query: mean {cpu:.3f} ms = {1000 / max(cpu, 1e-6):.0f} queries/s per core')
    if holdout:
        recall, mrr, *_ = evaluate(search, holdout, 1)
        print(f'  held-out set: {len(holdout)} queries, recall@5 {recall:.3f}, MRR {mrr:.3f}')


if __name__ == '__main__':
    main()
