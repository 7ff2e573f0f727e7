"""Two editions made in the test from seed 001: edit, delete, add and move points; history of units."""
from __future__ import annotations

import re

from maslihat.core.model import Document
from maslihat.nlp.diff import diff, unit_history, unit_key
from maslihat.nlp.resolve import Catalog, resolve
from maslihat.nlp.references import find_references
from maslihat.nlp.segment import segment

from .helpers import doc, seed_001

RU, KK = seed_001()


def edition(text: str, version: int) -> Document:
    d = doc(text, "ru", doc_id="kz-akm-kokshetau.maslikhat/decision/2014-03-20/s-24-4")
    d.id += f"@{version}" if version > 1 else ""
    return d


def line_of(text: str, n: int) -> str:
    return re.search(rf"(?m)^ *{n}\. .*$", text[text.index("Регламент Кокшетауского городского маслихата\n"):]).group(0)


def make_edition_2(t: str) -> str:
    p5, p7, p9, p12 = (line_of(t, n) for n in (5, 7, 9, 12))
    t = t.replace(p5, p5.replace("созывается председателем", "созывается не позднее чем через тридцать дней председателем"))
    t = t.replace(p7 + "\n", "")                                       # delete point 7
    t = t.replace(p12, p12 + "\n      12-1. Повестка дня публикуется на интернет-ресурсе маслихата.")   # add
    t = t.replace(p9 + "\n", "")                                       # move point 9 after point 11
    p11 = line_of(t, 11)
    return t.replace(p11, p11 + "\n" + p9)


A = edition(RU.text, 1)
B = edition(make_edition_2(RU.text), 2)
UA, UB = segment(A), segment(B)
RES = diff(A, UA, B, UB)


def row(label_a=None, label_b=None):
    for r in RES["units"]:
        if (label_a is None or r["label_a"] == label_a) and (label_b is None or r["label_b"] == label_b):
            return r
    raise AssertionError((label_a, label_b))


def test_edited_point_is_changed_with_word_ops():
    r = row("п. 5", "п. 5")
    assert r["status"] == "changed"
    ins = [c for c in r["changes"] if c["op"] in ("insert", "replace")]
    assert any("тридцать" in c["b"] for c in ins)


def test_deleted_point_is_removed():
    assert row("п. 7")["status"] == "removed"


def test_added_point():
    assert row(None, "п. 12-1")["status"] == "added"


def test_moved_point():
    assert row("п. 9", "п. 9")["status"] == "moved"


def test_summary_counts_and_rest_unchanged():
    s = RES["summary"]
    assert s["added"] >= 1 and s["removed"] >= 1 and s["moved"] >= 1 and s["changed"] >= 1
    assert row("п. 100", "п. 100")["status"] == "unchanged"
    assert set(RES["units"][0]) >= {"status", "a", "b", "label_a", "label_b", "similarity", "changes"}


def test_ru_vs_kk_reports_alignment_and_discrepancies():
    res = diff(RU, segment(RU), KK, segment(KK))
    assert res["cross_language"] is True
    assert any(d["kind"] == "order_differs" for d in res["discrepancies"])
    assert all(not r["changes"] for r in res["units"])


def key_of(d, units, label):
    return unit_key(d, next(u for u in units if u.label == label))


def test_unit_history():
    hist = unit_history([(A, UA), (B, UB)])
    assert hist[key_of(A, UA, "п. 5")] == [0, 1]
    assert hist[key_of(A, UA, "п. 140")] == [0]
    assert hist[key_of(B, UB, "п. 12-1")] == [1]


def test_catalog_resolves_external_reference():
    ua = segment(A)
    law_text = ("О местном государственном управлении и самоуправлении в Республике Казахстан\n\n"
                "Статья 9. Регламент маслихата\n1. Регламент утверждается маслихатом.\n")
    law = doc(law_text, "ru", "law", doc_id="kz/law/2001-01-23/148-ii", number="148-II", adopted_date="2001-01-23")
    law.title = "О местном государственном управлении и самоуправлении в Республике Казахстан"
    cat = Catalog([(law, segment(law))])
    refs = resolve(find_references(A, ua), A, ua, cat)
    r = next(r for r in refs if r.target.get("article") == "9" and r.target.get("date") == "2001-01-23")
    assert r.resolved_document_id == law.id
    assert r.resolved_unit_id.endswith("/article_9")
