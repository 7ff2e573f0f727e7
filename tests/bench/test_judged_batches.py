"""A later batch of judged queries (bench/judged.json, ``batch``: "blind2" … "blind18") is reported apart: the
built/held/all figures keep counting only the first 84 queries, the batch is its own split; the
batch itself has the make-up issue 16 asks of a judged set (half Russian, half Kazakh; a third
questions, a fifth everyday wording, a fifth cross-lingual), all held out, and shares no query with
the earlier set or another batch."""
import json
from collections import Counter
from pathlib import Path

import pytest

from bench.judged import aggregate, batches, misses

ROOT = Path(__file__).resolve().parents[2]


def _row(query, lang, kind, held, batch=None, top5=1.0):
    return {"query": query, "lang": lang, "kind": kind, "held_out": held, "batch": batch, "hits": [],
            "ndcg@10": top5, "recall@20": top5, "top5": top5, "zero": 0.0}


def test_a_batch_is_left_out_of_the_earlier_splits_and_reported_apart():
    rows = [_row("кто ведёт протокол", "ru", "question", False),
            _row("сессия қашан заңды", "kk", "question", True),
            _row("правовой мониторинг", "ru", "keyword", True, "blind2", top5=0.0),
            _row("заң техникасы ұғымы", "kk", "cross", True, "blind2", top5=1.0)]
    assert aggregate(rows, "built")["all"]["n"] == 1
    held = aggregate(rows, "held")
    assert held["all"]["n"] == 1 and held["all"]["top5"] == 1.0        # the batch's miss is not in it
    assert aggregate(rows, "all")["all"]["n"] == 2
    blind = aggregate(rows, "blind2")
    assert blind["all"]["n"] == 2 and blind["all"]["top5"] == 0.5
    assert blind["ru"]["n"] == blind["kk"]["n"] == 1 and blind["cross"]["top5"] == 1.0


def test_misses_lists_the_batch_queries_without_their_answer_in_the_top_5():
    rows = [_row("правовой мониторинг", "ru", "keyword", True, "blind2", top5=0.0),
            _row("заң техникасы ұғымы", "kk", "cross", True, "blind2", top5=1.0),
            _row("кто ведёт протокол", "ru", "question", True, top5=0.0)]
    rows[0]["hits"] = ["u1"]
    table = [("u1", "codes__0406/rus.md", "ru", "ст. 50 п. 4", "Правила проведения правового мониторинга", None)]
    text = misses(rows, "blind2", table)
    assert "правовой мониторинг" in text and "ст. 50 п. 4" in text
    assert "заң техникасы" not in text and "протокол" not in text


# name: (queries, per language, at least: questions, everyday, cross-lingual, keyword)
MAKE_UP = {"blind2": (48, 24, 16, 10, 10, 0), "blind3": (40, 20, 14, 10, 8, 8),
           "blind4": (40, 20, 14, 10, 8, 8), "blind5": (40, 20, 14, 10, 8, 8),
           "blind6": (40, 20, 14, 10, 8, 8), "blind7": (40, 20, 14, 10, 8, 8),
           "blind8": (40, 20, 14, 10, 8, 8),
           "blind9": (40, 20, 14, 10, 8, 8), "blind10": (40, 20, 14, 10, 8, 8),
           "blind11": (40, 20, 14, 10, 8, 8),
           "blind12": (40, 20, 14, 10, 8, 8), "blind13": (40, 20, 14, 10, 8, 8),
           "blind14": (40, 20, 14, 10, 8, 8), "blind15": (40, 20, 14, 10, 8, 8),
           "blind16": (40, 20, 14, 10, 8, 8),
           "blind17": (40, 20, 14, 10, 8, 8), "blind18": (40, 20, 14, 10, 8, 8),
           "blind19": (40, 20, 14, 10, 8, 8), "blind20": (40, 20, 14, 10, 8, 8),
           "blind21": (40, 20, 14, 10, 8, 8),
           "blind22": (40, 20, 14, 10, 8, 8), "blind23": (40, 20, 14, 10, 8, 8),
           "blind24": (40, 20, 14, 10, 8, 8), "blind25": (40, 20, 14, 10, 8, 8),
           "blind26": (40, 20, 14, 10, 8, 8), "blind27": (40, 20, 14, 10, 8, 8),
           "blind28": (40, 20, 14, 10, 8, 8), "blind29": (40, 20, 14, 10, 8, 8),
           "blind30": (40, 20, 14, 10, 8, 8), "blind31": (40, 20, 14, 10, 8, 8),
           "blind32": (40, 20, 14, 10, 8, 8), "blind33": (24, 12, 8, 6, 4, 6),
           "blind34": (40, 20, 14, 10, 8, 8), "blind35": (40, 20, 14, 10, 8, 8),
           "blind36": (40, 20, 14, 10, 8, 8),
           "blind37": (40, 20, 14, 10, 8, 8), "blind38": (40, 20, 14, 10, 8, 8),
           "blind39": (40, 20, 14, 10, 8, 8), "blind40": (40, 20, 14, 10, 8, 8),
           "blind41": (40, 20, 14, 10, 8, 8), "blind42": (40, 20, 14, 10, 8, 8),
           "blind43": (40, 20, 14, 10, 8, 8)}


@pytest.mark.parametrize("name", sorted(MAKE_UP))
def test_each_blind_batch_has_the_make_up_of_a_judged_set(name):
    queries = json.loads((ROOT / "bench" / "judged.json").read_text(encoding="utf-8"))["queries"]
    assert batches(queries) == sorted(MAKE_UP)
    blind = [q for q in queries if q.get("batch") == name]
    others = [q for q in queries if q.get("batch") != name]
    n, per_lang, n_question, n_everyday, n_cross, n_keyword = MAKE_UP[name]
    assert len([q for q in queries if not q.get("batch")]) == 84 and len(blind) == n
    assert Counter(q["lang"] for q in blind) == {"ru": per_lang, "kk": per_lang}
    kinds = Counter(q["kind"] for q in blind)
    assert kinds["question"] >= n_question and kinds["everyday"] >= n_everyday
    assert kinds["cross"] >= n_cross and kinds["keyword"] >= n_keyword
    assert all(q["held_out"] and q["relevant"] for q in blind)
    assert not {q["query"] for q in blind} & {q["query"] for q in others}
    # cross-lingual: the answers are in the other language, or the results are asked in it
    for q in blind:
        if q["kind"] == "cross":
            other = {"ru": "kk", "kk": "ru"}[q["lang"]]
            assert q.get("results_lang") == other or all(r["language"] == other for r in q["relevant"]), q
