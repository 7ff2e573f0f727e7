"""Cross-validated choice of the ranking constants (issue 16): do the hand-set values of
``corpus.index.scoring`` generalise, or does another setting do better on queries it was not
chosen on?

    .venv/bin/python -m bench.judged_cv --db BENCH.sqlite [--hold BATCH ...] [--folds 5] [--out F]

BENCH.sqlite: a corpus built by ``bench.judged --db`` (the staged sample, dev and dev-laws).
Every setting of a small grid (one constant at a time around its value, then the best pairs) is
run on the judged queries except the ``--hold`` batches, scored with the pooled judgements
(graded nDCG@10, answer-in-top-5). K folds, stratified by language and batch: each fold's
setting is the one with the best mean nDCG@10 on the other folds, scored on the fold; the
cross-validated mean is compared with the shipped setting's on the same queries. Only the
embedded back end runs (Elasticsearch reads the same constants, ``corpus/index/compile.py``).
"""
from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.judged import (JUDGED, graded_scores, matcher, pooled_judgements, resolve,  # noqa: E402
                          unit_table, with_pool)

GRID = {
    "COVERAGE": (2.0, 2.5, 3.0, 4.0, 5.0),
    "CONTEXT": (0.25, 0.5, 0.75, 1.0),
    "VARIANT_WEIGHT": (0.3, 0.5, 0.7),
    "ANSWER": (1.0, 1.5, 2.0, 3.0),
    "DEFINITION_ASIDE": (0.25, 0.4, 0.6, 1.0),
    "PER_DOC": (2, 3, 4, 10),
    "RATIO": (0.3, 0.5, 0.7),
}


def _modules():
    from maslihat.corpus.index import common, compile as qc, elastic, query, ranking, scoring, sqlite_fts
    return (scoring, ranking, qc, query, common, sqlite_fts, elastic)


def apply(setting: dict) -> None:
    """Set each constant in ``scoring`` and in every module that imported it by name."""
    from maslihat.corpus.index import scoring
    for name, value in setting.items():
        for m in _modules():
            if hasattr(m, name):
                setattr(m, name, value)
    d = list(scoring.diversify.__defaults__)      # (score, per_doc, window, ratio) bound at definition
    d[1], d[3] = setting.get("PER_DOC", d[1]), setting.get("RATIO", d[3])
    scoring.diversify.__defaults__ = tuple(d)


def judged(queries: list[dict], table: list[tuple]) -> list[tuple[dict, list]]:
    parallel = {r[0]: r[5] for r in table if r[5]}
    pool = pooled_judgements()
    out = []
    for q in queries:
        rel = [u for u in (resolve(table, loc) for loc in q["relevant"]) if u]
        if not rel:
            continue
        out.append((q, with_pool(matcher(rel, parallel), pool.get(q["query"], []), table, parallel)))
    return out


def evaluate(corpus, items, setting: dict) -> list[tuple[float, float]]:
    apply(setting)
    res = []
    for q, graded in items:
        ids = [h["unit_id"] for h in corpus.search(q["query"], lang=q.get("results_lang"), limit=20)["hits"]]
        s = graded_scores(ids, graded)
        res.append((s["ndcg@10"], s["top5"]))
    return res


def folds(items, k: int) -> list[int]:
    """Fold of each item: round-robin within each (batch, language) stratum."""
    fold, count = [], {}
    for q, _ in items:
        key = (q.get("batch") or ("held" if q["held_out"] else "built"), q["lang"])
        fold.append(count.get(key, 0) % k)
        count[key] = count.get(key, 0) + 1
    return fold


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--hold", nargs="*", default=[], help="batches left out entirely (the blind test)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out")
    a = ap.parse_args(argv)
    from maslihat.corpus.api import Corpus
    from maslihat.corpus.index import scoring
    queries = [q for q in json.loads(JUDGED.read_text(encoding="utf-8"))["queries"]
               if q.get("batch") not in set(a.hold)]
    table = unit_table(a.db)
    items = judged(queries, table)
    c = Corpus(a.db, readonly=True)
    shipped = {n: getattr(scoring, n) for n in GRID}
    settings = [dict(shipped)]
    for name, values in GRID.items():                    # one constant at a time
        settings += [{**shipped, name: v} for v in values if v != shipped[name]]
    results = {}
    for s in settings:
        results[json.dumps(s, sort_keys=True)] = evaluate(c, items, s)
        print(f"{statistics.mean(x[0] for x in results[json.dumps(s, sort_keys=True)]):.4f} "
              f"{statistics.mean(x[1] for x in results[json.dumps(s, sort_keys=True)]):.3f} "
              f"{ {k: v for k, v in s.items() if v != shipped[k]} }", flush=True)
    # pairs of the single changes that helped on all items
    base = statistics.mean(x[0] for x in results[json.dumps(shipped, sort_keys=True)])
    helped = [(n, v) for n, vals in GRID.items() for v in vals if v != shipped[n]
              and statistics.mean(x[0] for x in results[json.dumps({**shipped, n: v}, sort_keys=True)]) > base]
    for (n1, v1), (n2, v2) in itertools.combinations(helped, 2):
        if n1 != n2:
            s = {**shipped, n1: v1, n2: v2}
            results[json.dumps(s, sort_keys=True)] = evaluate(c, items, s)
            print(f"{statistics.mean(x[0] for x in results[json.dumps(s, sort_keys=True)]):.4f} pair {n1}={v1} {n2}={v2}",
                  flush=True)
    apply(shipped)
    fold = folds(items, a.folds)
    cv, ref, chosen = [], [], []
    for f in range(a.folds):
        train = [i for i, x in enumerate(fold) if x != f]
        test = [i for i, x in enumerate(fold) if x == f]
        best = max(results, key=lambda k: (statistics.mean(results[k][i][0] for i in train), k == json.dumps(shipped, sort_keys=True)))
        chosen.append({k: v for k, v in json.loads(best).items() if v != shipped[k]})
        cv += [results[best][i] for i in test]
        ref += [results[json.dumps(shipped, sort_keys=True)][i] for i in test]
    rep = {"queries": len(items), "held_batches": a.hold, "shipped": shipped,
           "shipped_ndcg": round(statistics.mean(x[0] for x in ref), 4),
           "shipped_top5": round(statistics.mean(x[1] for x in ref), 4),
           "cv_ndcg": round(statistics.mean(x[0] for x in cv), 4),
           "cv_top5": round(statistics.mean(x[1] for x in cv), 4),
           "chosen_per_fold": chosen,
           "best_on_all": {k: v for k, v in json.loads(max(results, key=lambda k: statistics.mean(x[0] for x in results[k]))).items()
                           if v != shipped[k]}}
    print(json.dumps(rep, ensure_ascii=False, indent=1))
    if a.out:
        Path(a.out).write_text(json.dumps({**rep, "settings": {k: [round(statistics.mean(x[0] for x in v), 4),
                                                                   round(statistics.mean(x[1] for x in v), 4)]
                                                               for k, v in results.items()}},
                                          ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
