"""Issue 16: definition questions («что такое X», «X дегеніміз не») on the laws' own notions.

    .venv/bin/python -m bench.definitions [--db FILE] [--shared ../shared]

The gold comes from the acts' structure, not from the rule under test: every list item of an
article whose heading names the act's basic notions («Основные понятия …», «… негізгі ұғымдар»)
defines one notion, the words before its first dash. Each becomes a question in its language
(RU «что такое <notion>», KK «<notion> дегеніміз не»), asked without a language filter; a hit
counts when it is that item or its aligned item in the other language. Measures: the answer
first, in the top 5, and the reciprocal rank within 10, per language, for the embedded back end
with the definition rule, without it (``DEFINITION`` = 1 and the usual candidate window), and
the BM25-OR baseline of ``bench.judged`` in the same run.

Built on / held out: the rule was written looking at four notions (``BUILT``); the others were
not looked at before this bench ran (held out).

    .venv/bin/python -m bench.definitions --db FILE --time BIG.sqlite [--repeat 5]

also times (warm, in one process, after one untimed pass) the definition questions against the
notions alone on the corpus BIG (e.g. the 100,000-document corpus of ``bench.search100k``):
the price of the wider candidate window and of reading the candidates' leads.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.judged import Bm25Or, stage  # noqa: E402

HEADING = re.compile(r"основные понятия|негізгі ұғымдар", re.I)
ITEM = re.compile(r"^\s*\d+(?:-\d+)*\)\s*(?P<notion>[^–—()\n]+?)\s+[–—-]\s+\S")
BUILT = {"нормативный правовой акт", "анонимное обращение", "видеообращение", "ненормативный правовой акт",
         "нормативтік құқықтық акт", "обращение"}
TEMPLATE = {"ru": "что такое {}", "kk": "{} дегеніміз не"}


def fold(s: str) -> str:
    """Kazakh texts of the repositories mix Latin i with Cyrillic і."""
    return s.replace("i", "і").replace("I", "І").lower()


def gold(corpus) -> list[dict]:
    out = []
    for doc in corpus.store.documents():
        units = corpus.store.units(doc.id)
        heads = {u.id for u in units if u.kind == "article" and HEADING.search(fold(doc.text[u.start:u.end].split("\n", 1)[0]))}
        for u in units:
            if u.parent_id in heads:
                m = ITEM.match(doc.text[u.start:u.end])
                if m and len(m.group("notion").split()) <= 8:
                    notion = m.group("notion").strip()
                    out.append({"unit": u.id, "parallel": u.parallel_id, "lang": doc.language, "notion": notion,
                                "query": TEMPLATE[doc.language].format(notion),
                                "held_out": fold(notion) not in {fold(b) for b in BUILT}})
    return out


def measure(rows: list[dict], ranked: dict) -> dict:
    out = {}
    for lang in ("ru", "kk"):
        for split in (False, True):
            sel = [r for r in rows if r["lang"] == lang and r["held_out"] == split]
            if not sel:
                continue
            first = top5 = rr = 0.0
            for r in sel:
                ok = {r["unit"], r["parallel"]} - {None}
                ids = ranked[r["query"]]
                k = next((i for i, u in enumerate(ids[:10]) if u in ok or any(u.startswith(x + "/") for x in ok)), None)
                first += k == 0
                top5 += k is not None and k < 5
                rr += 1 / (k + 1) if k is not None else 0
            n = len(sel)
            out[(lang, "held out" if split else "built on")] = (n, first / n, top5 / n, rr / n)
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--db", help="reuse (or keep) the corpus of bench.judged in this file")
    ap.add_argument("--time", help="a (large) corpus to time the definition questions on")
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args(argv)
    from maslihat.corpus.api import Corpus
    from maslihat.corpus.index import scoring
    with tempfile.TemporaryDirectory() as tmp:
        db = a.db or str(Path(tmp) / "c.sqlite")
        if not Path(db).exists():
            c = Corpus(db)
            c.ingest(stage(Path(a.shared), Path(tmp)))
            c.close()
        c = Corpus(db, readonly=True)
        rows = gold(c)
        from bench.judged import unit_table
        base = Bm25Or(unit_table(db))
        systems = {}
        systems["baseline BM25-OR"] = {r["query"]: base.search(r["query"], None, 10) for r in rows}
        search = lambda q: [h["unit_id"] for h in c.search(q, limit=10)["hits"]]  # noqa: E731
        systems["sqlite, with the rule"] = {r["query"]: search(r["query"]) for r in rows}
        saved = (scoring.DEFINITION, scoring.DEFINITION_WIDER, scoring.DEFINITION_CANDIDATES)
        scoring.DEFINITION = scoring.DEFINITION_WIDER = 1.0
        scoring.DEFINITION_CANDIDATES = scoring.CANDIDATES
        systems["sqlite, without it"] = {r["query"]: search(r["query"]) for r in rows}
        scoring.DEFINITION, scoring.DEFINITION_WIDER, scoring.DEFINITION_CANDIDATES = saved
        c.close()
    if a.time:
        timing(rows, a.time, a.repeat)
    print(f"{len(rows)} definition questions")
    print("| questions | n | " + " | ".join(f"{s}: first / top-5 / MRR@10" for s in systems) + " |")
    print("|" + " --- |" * (2 + len(systems)))
    res = {s: measure(rows, r) for s, r in systems.items()}
    for key in sorted(next(iter(res.values()))):
        n = res[next(iter(res))][key][0]
        cells = [f"{v[1]:.0%} / {v[2]:.0%} / {v[3]:.2f}" for v in (res[s][key] for s in systems)]
        print(f"| {key[0]}, {key[1]} | {n} | " + " | ".join(cells) + " |")


def timing(rows: list[dict], db: str, repeat: int) -> None:
    """p50/p95 warm ms of each question and of its notion alone, on ``db``."""
    import statistics
    import time
    from maslihat.corpus.api import Corpus
    c = Corpus(db, readonly=True)
    asks = [r["query"] for r in rows]
    bare = [r["notion"] for r in rows]
    for q in asks + bare:                  # warm: postings, snapshot, leads' documents once
        c.search(q, limit=10)
    for name, qs in (("definition questions", asks), ("the notions alone", bare)):
        ms = []
        for _ in range(repeat):
            for q in qs:
                t = time.perf_counter()
                c.search(q, limit=10)
                ms.append((time.perf_counter() - t) * 1000)
        ms.sort()
        print(f"{db}: {name}: {len(qs)} x {repeat}, p50 {statistics.median(ms):.1f} ms, "
              f"p95 {ms[int(0.95 * (len(ms) - 1))]:.1f} ms")
    c.close()


if __name__ == "__main__":
    main()
