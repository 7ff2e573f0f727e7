"""Issue 16: queries that cite a provision of a law («статья 8 закона о порядке рассмотрения
обращений», «құқықтық актілер туралы заңның 8-бабы»).

    .venv/bin/python -m bench.citations --db <corpus of bench.judged>

Gold from the corpus's structure, not from the rule: every article of the three laws of
dev-laws, cited as a person types it — RU «статья N закона <the title, lower case, without
"Республики Казахстан">», KK «<the title, lower case> заңның N-бабы» — and, for every fourth
article with points, its first point («пункт 1 статьи N закона …», «… заңның N-бабының
1-тармағы»). A hit counts when it is the cited unit or its aligned unit in the other language.
Measures: the cited unit first and in the top 5, per language, for the embedded back end with the
rule, without it, and the BM25-OR baseline of ``bench.judged`` in the same run. The rule was
written looking at five queries on two of these laws (built on: article 8 of the law on appeals,
article 1 of the law on legal acts); the rest were not looked at before this run.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.judged import Bm25Or, unit_table  # noqa: E402

_COUNTRY = re.compile(r"\s*(республики казахстан|қазақстан республикасының)\s*", re.I)
BUILT = {("codes-0112", "8"), ("codes-0406", "1")}


def questions(corpus) -> list[dict]:
    from maslihat.corpus.catalog import national_acts
    out = []
    for act in national_acts(corpus.store):
        if act.doc_type != "law":
            continue
        title = _COUNTRY.sub(" ", act.title).strip().lower()
        units = corpus.store.units(act.id)
        arts = [u for u in units if u.kind == "article" and u.number]
        for k, a in enumerate(arts):
            built = any(b in act.id and a.number == n for b, n in BUILT)
            q = f"статья {a.number} закона {title}" if act.language == "ru" else f"{title} заңның {a.number}-бабы"
            out.append({"query": q, "lang": act.language, "unit": a.id, "parallel": a.parallel_id, "built": built})
            pts = [u for u in units if u.parent_id == a.id and u.kind == "point" and u.number == "1"]
            if pts and k % 4 == 0:
                p = pts[0]
                q = (f"пункт 1 статьи {a.number} закона {title}" if act.language == "ru"
                     else f"{title} заңның {a.number}-бабының 1-тармағы")
                out.append({"query": q, "lang": act.language, "unit": p.id, "parallel": p.parallel_id, "built": False})
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True)
    a = ap.parse_args(argv)
    from maslihat.corpus.api import Corpus
    from maslihat.corpus.index import scoring
    c = Corpus(a.db, readonly=True)
    qs = questions(c)
    base = Bm25Or(unit_table(a.db))
    runs = {"baseline BM25-OR": {q["query"]: base.search(q["query"], None, 10) for q in qs}}
    search = lambda q: [h["unit_id"] for h in c.search(q, limit=10)["hits"]]  # noqa: E731
    runs["embedded, with the rule"] = {q["query"]: search(q["query"]) for q in qs}
    saved = (scoring.CITED, scoring.CITED_PART, Corpus._cited)
    scoring.CITED = scoring.CITED_PART = 1.0
    Corpus._cited = lambda self, q, lang: ()
    runs["embedded, without it"] = {q["query"]: search(q["query"]) for q in qs}
    scoring.CITED, scoring.CITED_PART, Corpus._cited = saved
    c.close()
    print(f"{len(qs)} citation queries")
    print("| queries | n | " + " | ".join(f"{s}: first / top-5" for s in runs) + " |")
    print("|" + " --- |" * (2 + len(runs)))
    for lang in ("ru", "kk"):
        for built in (True, False):
            sel = [q for q in qs if q["lang"] == lang and q["built"] == built]
            if not sel:
                continue
            cells = []
            for ranked in runs.values():
                first = top5 = 0
                for q in sel:
                    ok = {q["unit"], q["parallel"]} - {None}
                    ids = ranked[q["query"]]
                    k = next((i for i, u in enumerate(ids) if u in ok), None)
                    first += k == 0
                    top5 += k is not None and k < 5
                cells.append(f"{first / len(sel):.0%} / {top5 / len(sel):.0%}")
            print(f"| {lang}, {'built on' if built else 'held out'} | {len(sel)} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
