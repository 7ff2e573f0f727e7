"""Do the two back ends give the same answers? (issue 16, item 6)

    .venv/bin/python -m bench.parity J.json [--db F] [--list N]

``J.json`` is the ``--out`` of ``python -m bench.judged --split all --db F --es-url URL``: per query the
first ten hits of the embedded back end (``per_query.sqlite``) and of Elasticsearch
(``per_query.elasticsearch``). Printed: per query language and kind, how many queries have the same
first hit, the same top 5 (as a set, and in the same order) and the same top 10.

With ``--db F`` (the SQLite corpus that run kept) each query whose lists differ is classified by
its first divergence: the place, the two units, their scores in the embedded back end, and which
rule of Elasticsearch's scoring accounts for it. The rules are tried as counterfactuals on the
embedded back end, one at a time (Elasticsearch needs no scripting for this, and the embedded
back end's BM25 is the documented one, ``corpus.index.ranking``):

* ``idf``: Lucene's IDF, ``log(1 + (N − n + 0.5) / (n + 0.5))`` with N the units that have a term,
  and a phrase weighted by the sum of its words' IDF (FTS5: the phrase's own n, 1e-6 when ≤ 0;
  Elasticsearch until session 31);
* ``length``: Lucene's lengths of the field's terms only (FTS5 counts the ``lang`` token too),
  stored in one byte (``ranking.lucene_length``: exact below 24, then four significant bits;
  until session 31);
* ``norm``: FTS5's lengths (the language token counted) stored in Lucene's byte (sessions 31–32:
  since session 32 the embedded back end's own rule, so a no-op here);
* ``float32``: Lucene's scores are single precision (near-ties change order).

``--rules`` names those the Elasticsearch back end of the report had and the embedded back end
(the code this tool runs) has not: ``idf,length,float32`` before session 31, ``norm,float32`` in
session 31, ``float32`` since session 32 (the default). A divergence is put down to the first
of them (in that order) whose counterfactual reproduces Elasticsearch's list up to the place
where they part, or else to the first pair of them that does (``idf+length``); to ``prefix`` when the query as run expands a prefix (``query.unseen_terms``:
a word no unit holds found by its stem; until session 32 Lucene scored each of its first 64
terms, FTS5 the prefix as one phrase; since, only a prefix of more than
``compile.PREFIX_EXACT_MAX`` terms); to ``ties`` when the two units score the same in the embedded back end
(the tie-break differs); otherwise to ``other`` (context, prior, coverage, copies, diversity,
the aligned text: the embedded page is then checked for hits out of score order, ``moved``,
which diversity, the copies rule or the second opinion put there).

The held-out batches (``HELD``) are counted in the aggregates only: their queries are neither
listed nor classified.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter, defaultdict
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
JUDGED = ROOT / "bench" / "judged.json"
HELD = frozenset({*(f"blind{n}" for n in range(38, 42)), "blind43"})   # never read one by one (blind37 read in
#   session 32; blind42 read by the lead from session 33, blind43 written in session 33 on its start code 791a18f)
RULES = ("idf", "length", "norm", "float32")


def held(row: dict) -> bool:
    return row.get("batch") in HELD


def agreement(a: list, b: list) -> dict:
    return {"top1": a[:1] == b[:1], "top5_set": set(a[:5]) == set(b[:5]), "top5": a[:5] == b[:5],
            "top10_set": set(a[:10]) == set(b[:10]), "top10": a[:10] == b[:10]}


def first_divergence(a: list, b: list) -> int | None:
    for k in range(min(10, max(len(a), len(b)))):
        if (a[k] if k < len(a) else None) != (b[k] if k < len(b) else None):
            return k
    return None


def table(rows: list[dict]) -> str:
    groups: dict = defaultdict(list)
    for r in rows:
        for g in ("all", r["lang"], r["kind"], f"{r['lang']}/{r['kind']}"):
            groups[g].append(r["agree"])
    order = ["all", "ru", "kk"] + sorted(g for g in groups if g not in ("all", "ru", "kk"))
    keys = ("top1", "top5_set", "top5", "top10_set", "top10")
    out = ["| group | n | " + " | ".join(keys) + " |", "|" + " --- |" * (2 + len(keys))]
    for g in order:
        v = groups[g]
        out.append(f"| {g} | {len(v)} | " + " | ".join(str(sum(x[k] for x in v)) for k in keys) + " |")
    return "\n".join(out)


# --- counterfactuals on the embedded back end ------------------------------------------------------
@contextmanager
def counterfactual(index, rules: frozenset):
    """The embedded back end ``index`` scoring with Elasticsearch's ``rules`` for the duration."""
    import numpy as np
    from maslihat.corpus.index import ranking, sqlite_fts
    saved = (ranking.Ranker.scored, sqlite_fts.SqliteIndex._disk_for, index._cache,
             sqlite_fts.SqliteIndex._with_context)

    def scored(self, key):
        hit = self.cache.get(key)
        if hit is not None:
            return hit
        snap = self.snap
        rows, tf = self._postings(key)
        nterms = snap.dl - 1
        have = snap.present & (nterms > 0)           # Lucene's docCount: the units with a term
        n_docs = int(np.count_nonzero(have))
        if "length" in rules:
            avgdl = float(nterms[have].sum()) / max(n_docs, 1)
            d = ranking.lucene_length(nterms[rows])
        else:                                        # "norm": the embedded back end's own (session 32)
            avgdl, d = snap.avgdl, ranking.lucene_length(snap.dl[rows])
        if "idf" in rules:
            def lidf(n):
                return math.log(1 + (n_docs - n + 0.5) / (n + 0.5))
            if key[0] == "f":
                idf = sum(lidf(len(self.scored(("t", t))[0])) for t in key[1])
            else:
                idf = lidf(len(rows))
        else:
            idf = self.idf(len(rows))
        hit = (rows, idf * ((tf * (ranking.K1 + 1.0)) / (tf + ranking.K1 * (1 - ranking.B + ranking.B * d / avgdl))))
        self.cache.put(key, hit)
        return hit

    def with_context(self, cand_rows, cand_score, *a, **kw):
        if "float32" in rules:
            cand_score = np.asarray(cand_score, dtype=np.float32).astype(np.float64)
        return saved[3](self, cand_rows, cand_score, *a, **kw)

    ranking.Ranker.scored = scored
    sqlite_fts.SqliteIndex._disk_for = lambda self, snap: None
    sqlite_fts.SqliteIndex._with_context = with_context
    index._cache = ranking.TermCache()
    try:
        yield
    finally:
        (ranking.Ranker.scored, sqlite_fts.SqliteIndex._disk_for, index._cache,
         sqlite_fts.SqliteIndex._with_context) = saved


def expands_prefix(index, q: dict) -> bool:
    """Whether the plan run for the query holds a prefix (written, or ``query.unseen_terms``)."""
    from maslihat.corpus.index.base import SearchRequest
    from maslihat.corpus.index.common import begin
    from maslihat.corpus.index.query import has_prefix
    pl = begin(SearchRequest(query=q["query"], lang=q.get("results_lang")), index)[2]
    return any(has_prefix(n) for n in pl.by_lang.values() if n is not None)


def classify(db: str, rows: list[dict], es_rows: list[dict], rules: tuple = ("float32",)) -> list[dict]:
    """The first divergence of each listed query and the rule that accounts for it."""
    from maslihat.corpus.api import Corpus
    c = Corpus(db, es_url="", readonly=True)
    index = c.index

    def run(q, lang):
        return c.search(q["query"], lang=lang, limit=20)["hits"]

    queries = {q["query"]: q for q in json.loads(JUDGED.read_text(encoding="utf-8"))["queries"]}
    todo = [(r, e) for r, e in zip(rows, es_rows) if not held(r) and r["hits"][:10] != e["hits"][:10]]
    out = []
    from itertools import combinations
    variants = [frozenset({r}) for r in rules] + [frozenset(p) for p in combinations(rules, 2)]
    sims: dict = {}
    for v in variants:
        with counterfactual(index, v):
            sims[v] = {r["query"]: [h["unit_id"] for h in run(r, queries[r["query"]].get("results_lang"))]
                       for r, _ in todo}
    for r, e in todo:
        q = queries[r["query"]]
        hits = run(q, q.get("results_lang"))
        mine = [h["unit_id"] for h in hits]
        score = {h["unit_id"]: h["score"] for h in hits}
        k = first_divergence(r["hits"], e["hits"])
        theirs = e["hits"][:k + 1]
        cause = next(("+".join(sorted(v, key=RULES.index)) for v in variants if sims[v][r["query"]][:k + 1] == theirs),
                     None)
        a = r["hits"][k] if k < len(r["hits"]) else None
        b = e["hits"][k] if k < len(e["hits"]) else None
        sa, sb = score.get(a), score.get(b)
        if cause is None:
            if expands_prefix(index, q):
                cause = "prefix"
            elif sa is not None and sb is not None and math.isclose(sa, sb, rel_tol=1e-9):
                cause = "ties"
            else:
                page = [score[u] for u in mine[:10]]
                cause = "other, moved" if any(x < y for x, y in zip(page, page[1:])) else "other"
        out.append({"query": r["query"], "lang": r["lang"], "kind": r["kind"], "place": k + 1,
                    "sqlite": a, "elasticsearch": b, "sqlite_score": [sa, sb], "cause": cause})
    c.close()
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("report", help="bench.judged --out file (with an elasticsearch run)")
    ap.add_argument("--db", help="the SQLite corpus of that run: classify the divergences")
    ap.add_argument("--rules", default="float32",
                    help=f"Elasticsearch's rules in the report's run, of {','.join(RULES)} "
                         "(idf,length,float32 before session 31; norm,float32 in session 31)")
    ap.add_argument("--list", type=int, default=0, help="list the first N classified divergences")
    ap.add_argument("--out", help="write the figures and classifications as JSON")
    a = ap.parse_args(argv)
    rep = json.loads(Path(a.report).read_text(encoding="utf-8"))["per_query"]
    if "elasticsearch" not in rep:
        ap.error(f"{a.report}: no elasticsearch run (bench.judged --es-url)")
    sq, es = rep["sqlite"], rep["elasticsearch"]
    rows = [{"lang": s["lang"], "kind": s["kind"], "held": held(s), "agree": agreement(s["hits"], e["hits"])}
            for s, e in zip(sq, es)]
    print(f"### both back ends, first ten hits: queries in agreement ({len(rows)} queries)\n")
    print(table(rows))
    print(f"\n### … of which the held-out batches {', '.join(sorted(HELD))} (aggregate)\n")
    print(table([r for r in rows if r["held"]]))
    result = {"all": rows}
    if a.db:
        rules = tuple(r for r in RULES if r in a.rules.split(","))
        if not rules or set(a.rules.split(",")) - set(RULES):
            ap.error(f"--rules: some of {','.join(RULES)}")
        cls = classify(a.db, sq, es, rules)
        result["divergences"] = cls
        print(f"\n### first divergence, by cause ({len(cls)} queries outside the held-out batches)\n")
        print("| cause | all | ru | kk |\n| --- | --- | --- | --- |")
        by = Counter((d["cause"], d["lang"]) for d in cls)
        for cause in sorted({d["cause"] for d in cls}, key=lambda x: -sum(by[(x, l)] for l in ("ru", "kk"))):
            print(f"| {cause} | {by[(cause, 'ru')] + by[(cause, 'kk')]} | {by[(cause, 'ru')]} | {by[(cause, 'kk')]} |")
        places = Counter(d["place"] for d in cls)
        print("\nplace of the first divergence: " + ", ".join(f"{p}: {places[p]}" for p in sorted(places)))
        for d in cls[:a.list]:
            print(f"- [{d['lang']}/{d['kind']}] {d['query']} @{d['place']}: {d['sqlite']} vs {d['elasticsearch']} "
                  f"({d['sqlite_score'][0]}, {d['sqlite_score'][1]}) -> {d['cause']}")
    if a.out:
        Path(a.out).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
