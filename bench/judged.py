"""Search quality on the judged query set of issue 16 (bench/judged.json), both back ends and a
plain BM25-OR baseline measured in the same run.

    .venv/bin/python -m bench.judged [--es-url URL] [--shared ../shared] [--out report.json]
                                     [--split built|held|all|blind2] [--show] [--misses SPLIT]

The sample corpus (corpus/samples), ../shared/corpus/dev (derived/*.txt) and
../shared/corpus/dev-laws (each act's rus.md and kaz.md, staged as ``<act>.rus.md`` so that every
act keeps its identity whatever the repository-layout reader does) are ingested into a fresh
corpus through ``corpus.api.Corpus``. Each judged locator (source key, language, label, start of
the provision's own text) is resolved to a unit id of that corpus; a hit counts for a judged
provision when it is that unit, a descendant of it, or its aligned unit in the other language
(the same provision). Queries with ``results_lang`` run with ``lang`` set to it (results
restricted to that language, matching still across languages); the others run without ``lang``.

Figures: nDCG@10, recall@20, answer-in-top-5 (a judged provision among the first five hits) and
zero-hit rate, per query language and per query kind, separately for the queries the ranking was
built on and the held-out ones (``held_out``: fixed by a hash of the query before tuning).
Queries of a later batch (``batch``, e.g. ``blind2``: written after the ranking work, all held out)
are left out of built/held/all and reported apart as their own split (``--split blind2``).
The baseline is the thirty-line script of the issue: BM25 (k1 1.2, b 0.75) over the first five
letters of every word of the units' own text, any query word (OR), nothing dropped.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import sqlite3
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
JUDGED = ROOT / "bench" / "judged.json"
WORD = re.compile(r"[^\W_]+")

from bench.judged_build import snippet, source_key  # noqa: E402


# --- corpus ----------------------------------------------------------------------------------------
def stage(shared: Path, tmp: Path) -> list[str]:
    """Input paths: seeds, dev decisions (.txt), dev-laws acts staged with distinct names (or, with
    MASLIHAT_BENCH_LAYOUT=repository, as the repositories hold them: a folder with meta.yaml)."""
    from maslihat.core.config import samples_dir
    dev = shared / "corpus" / "dev" / "derived"
    laws = shared / "corpus" / "dev-laws"
    if not dev.is_dir() or not laws.is_dir():
        raise SystemExit(f"{shared}: no corpus/dev/derived or corpus/dev-laws (needed for the judged set)")
    d_dev, d_laws = tmp / "dev", tmp / "laws"
    d_dev.mkdir()
    d_laws.mkdir()
    for f in sorted(dev.glob("*.txt")):
        shutil.copy(f, d_dev / f.name)
    for act in sorted(p for p in laws.iterdir() if p.is_dir()):
        if os.environ.get("MASLIHAT_BENCH_LAYOUT") == "repository":
            shutil.copytree(act, d_laws / act.name)
            continue
        for name in ("rus.md", "kaz.md"):
            if (act / name).exists():
                shutil.copy(act / name, d_laws / f"{act.name}.{name}")
    return [str(samples_dir()), str(d_dev), str(d_laws)]


def unit_table(db: str) -> list[tuple]:
    """(unit_id, source key, language, label, own text, parallel_id) of every indexed unit."""
    con = sqlite3.connect(db)
    try:
        rows = con.execute("""SELECT s.unit_id, d.source, d.language, s.label, s.unit_id, u.parallel_id
                              FROM search_units s JOIN units u ON u.id = s.unit_id
                              JOIN documents d ON d.id = u.document_id WHERE d.is_latest = 1""").fetchall()
        from maslihat.corpus.index.unit_store import unit_texts   # stored compressed, or as spans
        text = unit_texts(con)
    finally:
        con.close()
    return [(r[0], source_key(r[1]), r[2], r[3], text[r[4]], r[5]) for r in rows]


def resolve(table: list[tuple], loc: dict) -> str | None:
    """The unit a locator names: same source and language, own text containing the judged start
    (label breaks ties, then the shortest text); by label alone when the text moved."""
    cands = [r for r in table if r[1] == loc["source"] and r[2] == loc["language"]]
    hit = [r for r in cands if loc["text"] and loc["text"] in snippet(r[4], 10**6)]
    if not hit:
        hit = [r for r in cands if r[3] == loc["label"]]
    if not hit:
        return None
    hit.sort(key=lambda r: (r[3] != loc["label"], len(r[4])))
    return hit[0][0]


# --- metrics ---------------------------------------------------------------------------------------
def matcher(relevant: list[str], parallel: dict) -> list[tuple[str, ...]]:
    return [tuple(x for x in (r, parallel.get(r)) if x) for r in relevant]


def _which(h: str, groups: list[tuple[str, ...]], found: set) -> int | None:
    for i, g in enumerate(groups):
        if i not in found and any(h == r or h.startswith(r + "/") for r in g):
            return i
    return None


def scores(hit_ids: list[str], groups: list[tuple[str, ...]]) -> dict:
    found: set = set()
    dcg = 0.0
    for i, h in enumerate(hit_ids[:10]):
        j = _which(h, groups, found)
        if j is not None:
            found.add(j)
            dcg += 1 / math.log2(i + 2)
    idcg = sum(1 / math.log2(i + 2) for i in range(min(10, len(groups))))
    f20: set = set()
    for h in hit_ids[:20]:
        j = _which(h, groups, f20)
        if j is not None:
            f20.add(j)
    top5 = any(_which(h, groups, set()) is not None for h in hit_ids[:5])
    return {"ndcg@10": dcg / idcg if idcg else 0.0, "recall@20": len(f20) / len(groups) if groups else 0.0,
            "top5": 1.0 if top5 else 0.0, "zero": 1.0 if not hit_ids else 0.0}


def graded_scores(hit_ids: list[str], graded: list[tuple[tuple[str, ...], int]]) -> dict:
    """The pooled measures: graded nDCG@10 (gain 2 = states the answer, 1 = on topic),
    recall@20 and answer-in-top-5 over the grade-2 provisions (original judgements are grade 2)."""
    found: set = set()
    groups = [g for g, _ in graded]
    gains = [v for _, v in graded]
    dcg = 0.0
    for i, h in enumerate(hit_ids[:10]):
        j = _which(h, groups, found)
        if j is not None:
            found.add(j)
            dcg += gains[j] / math.log2(i + 2)
    ideal = sorted(gains, reverse=True)[:10]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    answers = [g for g, v in graded if v == 2]
    f20: set = set()
    for h in hit_ids[:20]:
        j = _which(h, answers, f20)
        if j is not None:
            f20.add(j)
    top5 = any(_which(h, answers, set()) is not None for h in hit_ids[:5])
    return {"ndcg@10": dcg / idcg if idcg else 0.0, "recall@20": len(f20) / len(answers) if answers else 0.0,
            "top5": 1.0 if top5 else 0.0, "zero": 1.0 if not hit_ids else 0.0}


POOL = ROOT / "bench" / "judged_pool.json"


def pooled_judgements() -> dict:
    """query -> its pooled locators with grades (``bench/judged_pool.json``; empty when absent)."""
    if not POOL.exists():
        return {}
    return {q["query"]: q["pooled"] for q in json.loads(POOL.read_text(encoding="utf-8"))["queries"]}


# --- the baseline ------------------------------------------------------------------------------------
class Bm25Or:
    """rank_bm25-style Okapi BM25 over 5-letter word prefixes; a query is the OR of its words."""

    def __init__(self, table: list[tuple], k1: float = 1.2, b: float = 0.75):
        self.ids = [r[0] for r in table]
        self.lang = [r[2] for r in table]
        self.docs = [Counter(self.toks(r[4])) for r in table]
        self.len = [sum(d.values()) for d in self.docs]
        self.avg = sum(self.len) / max(1, len(self.len))
        df: Counter = Counter()
        for d in self.docs:
            df.update(d.keys())
        n = len(self.docs)
        self.idf = {t: math.log((n - c + 0.5) / (c + 0.5) + 1) for t, c in df.items()}
        self.post: dict = defaultdict(list)
        for i, d in enumerate(self.docs):
            for t in d:
                self.post[t].append(i)
        self.k1, self.b = k1, b

    @staticmethod
    def toks(text: str) -> list[str]:
        return [w.lower()[:5] for w in WORD.findall(text) if len(w) > 1]

    def search(self, query: str, lang: str | None, k: int = 20) -> list[str]:
        sc: dict = defaultdict(float)
        for t in set(self.toks(query)):
            for i in self.post.get(t, ()):
                if lang and self.lang[i] != lang:
                    continue
                tf = self.docs[i][t]
                sc[i] += self.idf[t] * tf * (self.k1 + 1) / (tf + self.k1 * (1 - self.b + self.b * self.len[i] / self.avg))
        best = sorted(sc, key=lambda i: (-sc[i], i))[:k]
        return [self.ids[i] for i in best]


# --- the run ---------------------------------------------------------------------------------------
def with_pool(groups: list[tuple], pooled: list[dict], table: list[tuple], parallel: dict) -> list[tuple]:
    """The graded answers of one query: its original answers (grade 2) and the pooled passages
    graded above 0 that are not among them."""
    graded = [(g, 2) for g in groups]
    seen = {x for g in groups for x in g}
    for loc in pooled:
        uid = resolve(table, loc)
        if uid and loc.get("grade", 0) > 0 and uid not in seen:
            g = matcher([uid], parallel)[0]
            seen.update(g)
            graded.append((g, int(loc["grade"])))
    return graded


def run(queries: list[dict], systems: dict, table: list[tuple]) -> dict:
    """Per system, per query: the four measures on the original judgements, and on the original
    plus the pooled ones (``pooled``: graded, see ``graded_scores``)."""
    parallel = {r[0]: r[5] for r in table if r[5]}
    out: dict = {name: [] for name in systems}
    pooled_out: dict = {name: [] for name in systems}
    pool = pooled_judgements()
    unresolved = []
    for q in queries:
        rel = []
        for loc in q["relevant"]:
            uid = resolve(table, loc)
            if uid is None:
                unresolved.append((q["query"], loc))
            else:
                rel.append(uid)
        if not rel:
            continue
        groups = matcher(rel, parallel)
        graded = with_pool(groups, pool.get(q["query"], []), table, parallel)
        for name, fn in systems.items():
            ids = fn(q["query"], q.get("results_lang"))
            row = {"query": q["query"], "lang": q["lang"], "kind": q["kind"], "held_out": q["held_out"],
                   "batch": q.get("batch")}
            out[name].append({**row, "hits": ids[:10], **scores(ids, groups)})
            if pool:
                pooled_out[name].append({**row, **graded_scores(ids, graded)})
    return {"per_query": out, "pooled": pooled_out if pool else {}, "unresolved": unresolved}


def aggregate(rows: list[dict], split: str) -> dict:
    """{group: {measure: mean, n}} for groups all, ru, kk, and each kind."""
    if split in ("built", "held", "all"):
        rows = [r for r in rows if not r.get("batch")
                and (split == "all" or r["held_out"] == (split == "held"))]
    else:
        rows = [r for r in rows if r.get("batch") == split]
    groups: dict = defaultdict(list)
    for r in rows:
        for g in ("all", r["lang"], r["kind"], f"{r['lang']}/{r['kind']}"):
            groups[g].append(r)
    return {g: {"n": len(v), **{m: round(sum(r[m] for r in v) / len(v), 3)
                                 for m in ("ndcg@10", "recall@20", "top5", "zero")}}
            for g, v in groups.items()}


def table_md(report: dict, split: str) -> str:
    names = list(report)
    order = ["all", "ru", "kk", "question", "everyday", "cross", "keyword"]
    head = "| group | n | " + " | ".join(f"{n} nDCG@10 / R@20 / top5 / zero" for n in names) + " |"
    lines = [head, "|" + " --- |" * (2 + len(names))]
    for g in order:
        cells = []
        n = 0
        for name in names:
            a = report[name][split].get(g)
            if not a:
                cells.append("–")
                continue
            n = a["n"]
            cells.append(f"{a['ndcg@10']:.3f} / {a['recall@20']:.3f} / {a['top5']:.0%} / {a['zero']:.0%}")
        lines.append(f"| {g} | {n} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def batches(queries: list[dict]) -> list[str]:
    return sorted({q["batch"] for q in queries if q.get("batch")})


def misses(rows: list[dict], split: str, table: list[tuple], n: int = 3) -> str:
    """The queries of ``split`` whose answer is not in the top 5, each with its first ``n`` hits."""
    by_id = {r[0]: r for r in table}
    out = []
    for r in rows:
        if r["top5"] or not (r.get("batch") == split or (split in ("built", "held") and not r.get("batch")
                                                             and r["held_out"] == (split == "held"))):
            continue
        out.append(f"- [{r['lang']}/{r['kind']}] {r['query']}")
        for h in r["hits"][:n]:
            u = by_id.get(h)
            out.append(f"    {u[1][:40]} {u[2]} {u[3]}: {' '.join(u[4].split())[:110]}" if u else f"    {h}")
    return "\n".join(out)


def main(argv=None) -> None:
    from maslihat.corpus.api import Corpus
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--es-url", default=os.environ.get("MASLIHAT_TEST_ES_URL"))
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--out")
    ap.add_argument("--show", action="store_true", help="print each built-on query's result (never held-out)")
    ap.add_argument("--thesaurus", help="use this glossary file instead of nlp/data/glossary.json "
                                        "(to measure what the thesaurus adds)")
    ap.add_argument("--split", default="all",
                    help="which part to print: built, held, all (both), or a batch (blind2); "
                         "tuning runs print only 'built'")
    ap.add_argument("--misses", metavar="SPLIT",
                    help="list the queries of SPLIT (held, built or a batch) whose answer is not in the "
                         "top 5 of the embedded back end, with its first three hits")
    ap.add_argument("--db", help="keep the SQLite corpus in this file and reuse it when it exists "
                                 "(ranking changes only; re-ingest after analysis changes)")
    ap.add_argument("--coverage", type=float, help="override scoring.COVERAGE (tuning on built-on queries)")
    a = ap.parse_args(argv)
    if a.thesaurus:
        from maslihat.nlp import glossary
        glossary.MANUAL = Path(a.thesaurus)
        glossary._manual.cache_clear()
        glossary._phrases.cache_clear()
    if a.coverage:
        from maslihat.corpus.index import compile as qc, ranking, scoring
        scoring.COVERAGE = ranking.COVERAGE = qc.COVERAGE = a.coverage
    queries = json.loads(JUDGED.read_text(encoding="utf-8"))["queries"]
    splits = ("built", "held", "all", *batches(queries))
    if a.split not in splits:
        ap.error(f"--split: one of {', '.join(splits)}")
    report: dict = {}
    per_query: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp_p = Path(tmp)
        (tmp_p / "in").mkdir()
        inputs = stage(Path(a.shared), tmp_p / "in")
        systems: dict = {}
        corpora = []
        db = a.db or str(tmp_p / "sqlite.sqlite")
        reuse = bool(a.db) and Path(a.db).exists()
        c = Corpus(db)
        if not reuse:
            c.ingest(inputs)
        corpora.append(c)
        table = unit_table(db)
        base = Bm25Or(table)
        systems["baseline"] = lambda q, lang: base.search(q, lang)

        def via(corpus):
            return lambda q, lang: [h["unit_id"] for h in corpus.search(q, lang=lang, limit=20)["hits"]]
        systems["sqlite"] = via(c)
        if a.es_url:
            from maslihat.corpus.index.elastic import ElasticIndex
            ElasticIndex(a.es_url).clear()
            ce = Corpus(str(tmp_p / "es.sqlite"), es_url=a.es_url)
            ce.ingest(inputs)
            corpora.append(ce)
            systems["elasticsearch"] = via(ce)
        res = run(queries, systems, table)
        for cc in corpora:
            cc.close()
    for name, rows in res["per_query"].items():
        report[name] = {s: aggregate(rows, s) for s in splits}
        per_query[name] = rows
    if a.show:
        for r, b in zip(per_query["sqlite"], per_query["baseline"]):
            if not r["held_out"]:
                print(f"{r['ndcg@10']:.2f} top5={r['top5']:.0f} base={b['ndcg@10']:.2f} [{r['lang']}/{r['kind']}] {r['query']}")
    pooled = {name: {s: aggregate(rows, s) for s in splits}
              for name, rows in res["pooled"].items()}
    for s in (("built", "held") if a.split == "all" else (a.split,)):
        print(f"\n### {s}\n")
        print(table_md(report, s))
        if pooled:
            print(f"\n### {s}, pooled judgements (graded nDCG; recall and top-5 over answers)\n")
            print(table_md(pooled, s))
    if a.misses:
        print(f"\n### {a.misses}: answer not in the top 5 (embedded back end), first three hits\n")
        print(misses(per_query["sqlite"], a.misses, table))
    if res["unresolved"]:
        print(f"\n{len(res['unresolved'])} judged provisions not found in this corpus:", file=sys.stderr)
        for q, loc in res["unresolved"]:
            print(f"  {q}: {loc['source']} {loc['language']} {loc['label']}", file=sys.stderr)
    if a.out:
        Path(a.out).write_text(json.dumps({"report": report, "pooled": pooled, "per_query": per_query,
                                           "pooled_per_query": res["pooled"]}, ensure_ascii=False,
                                          indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
