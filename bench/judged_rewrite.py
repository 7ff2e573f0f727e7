"""The judged queries written otherwise (Latin letters, a typing slip): what share of the answer a
reading of the query keeps. Shared by ``bench.judged_latin`` and ``bench.judged_slips``."""
from __future__ import annotations

import statistics
from contextlib import contextmanager
from typing import Callable, Optional

from bench.judged import graded_scores


@contextmanager
def switched_off(module, name: str, off: bool):
    """``module.name`` replaced by a function that reads nothing, while ``off``."""
    keep = getattr(module, name)
    if off:
        setattr(module, name, lambda *a, **k: None)
    try:
        yield
    finally:
        setattr(module, name, keep)


def measure(corpus, items: list, lang: str, rewrite: Optional[Callable[[str], str]],
            given_back: Callable[[str, str, str], bool]) -> tuple[float, float, float]:
    """(nDCG@10, answer-in-top-5 %, % given back) over the judged ``items`` (query, graded answers)
    of ``lang``, each query written by ``rewrite`` (None: as judged); ``given_back(searched,
    written, judged)`` says whether the reading gave the query back."""
    nd, t5, back = [], [], []
    for q, graded in items:
        if q["lang"] != lang:
            continue
        text = rewrite(q["query"]) if rewrite else q["query"]
        res = corpus.search(text, lang=q.get("results_lang"), limit=20)
        s = graded_scores([h["unit_id"] for h in res["hits"]], graded)
        nd.append(s["ndcg@10"])
        t5.append(s["top5"])
        back.append(given_back(res.get("corrected_query") or text, text, q["query"]))
    return statistics.mean(nd), 100 * statistics.mean(t5), 100 * statistics.mean(back)


def setup(description: str, argv=None, keep: Callable[[dict], bool] = lambda q: True):
    """(the corpus ``--db`` names, its judged items of the ``--batches`` named that ``keep`` keeps):
    what each of these benches reads first."""
    import argparse
    import json
    from bench.judged import JUDGED, unit_table
    from bench.judged_cv import judged
    from maslihat.corpus.api import Corpus
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--db", required=True)
    ap.add_argument("--batches", nargs="*")
    a = ap.parse_args(argv)
    qs = [q for q in json.loads(JUDGED.read_text(encoding="utf-8"))["queries"]
          if (not a.batches or (q.get("batch") or "first") in a.batches) and keep(q)]
    return Corpus(a.db, readonly=True), judged(qs, unit_table(a.db))


def table(items: list, given_back_header: str, settings, run) -> None:
    """Print the bench's table: per query language, a row for each of ``settings(lang)`` — (label,
    the rewrite's argument, reading on?) — measured by ``run(lang, argument, on)``; the share given
    back is shown where the query was rewritten and read."""
    print(f"| query language (n) | written | nDCG@10 / top-5 | {given_back_header} |")
    print("| --- | --- | --- | --- |")
    for lang in ("ru", "kk"):
        n = sum(q["lang"] == lang for q, _ in items)
        for label, arg, on in settings(lang):
            nd, t5, back = run(lang, arg, on)
            shown = f"{back:.0f}%" if arg and on else "—"
            print(f"| {lang} ({n}) | {label} | {nd:.3f} / {t5:.0f}% | {shown} |")
