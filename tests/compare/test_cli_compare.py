"""Through the CLI as a user runs it: two different regulations paired by content (an inserted,
a deleted and a moved point renumber everything after them), and the RU/KK discrepancy list of
the sample regulation, as readable text and as JSON."""
from __future__ import annotations

import json
import re

import pytest

from tests.conftest import SEED_REGULATION
from tests.corpus.test_cli import run

KK_TITLE = "Көкшетау қалалық мәслихатының регламентін бекіту туралы"
POINT = re.compile(r"(?m)^([ \u00a0]{6})(\d{1,3})\. ")
INSERTED = "Повестка дня сессии публикуется на интернет-ресурсе маслихата не позднее чем за три дня до сессии."


def other_regulation() -> str:
    """Another maslikhat's regulation made from the sample's Russian half: other requisites and
    city, point 7 deleted, a point inserted after 100, point 9 moved after 11, then every point of
    the regulation renumbered in order — as a different act drafted on the same model is."""
    t = SEED_REGULATION.read_text(encoding="utf-8")
    t = t[:t.index(KK_TITLE)]
    t = t.replace("20 марта 2014 года № С-24/4", "15 мая 2015 года № С-5/2").replace("№ С-24/4", "№ С-5/2")
    t = t.replace("Кокшетауск", "Степногорск").replace("Кокшетау", "Степногорск").replace("Акмолинской", "Степной")
    start = t.index("Регламент Степногорского городского маслихата\n")
    head, body = t[:start], t[start:]
    lines = {int(m.group(2)): m for m in POINT.finditer(body)}

    def line(n: int) -> str:
        m = lines[n]
        return body[m.start():body.index("\n", m.start()) + 1]
    p7, p9, p11, p100 = line(7), line(9), line(11), line(100)
    body = body.replace(p100, p100 + "\u00a0" * 6 + "100. " + INSERTED + "\n")
    body = body.replace(p7, "").replace(p9, "").replace(p11, p11 + p9)
    body = body.replace("срок не позднее одного месяца", "срок не позднее пятнадцати дней")     # п. 62: a deadline
    counter = iter(range(1, 1000))
    body = POINT.sub(lambda m: f"{m.group(1)}{next(counter)}. ", body)
    return head + body


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    d = tmp_path_factory.mktemp("compare")
    (d / "other.txt").write_text(other_regulation(), encoding="utf-8")
    db = d / "corpus.sqlite"
    run("ingest", str(SEED_REGULATION), str(d / "other.txt"), db=db)
    return db


@pytest.fixture(scope="module")
def docs(db):
    p = run("export", "--out", str(db.parent / "out"), db=db)
    assert p.returncode == 0
    rows = [json.loads(l) for l in open(db.parent / "out" / "documents.jsonl", encoding="utf-8")]
    by = {}
    for r in rows:
        key = ("other" if "Степногорск" in r["text"][:400] else "sample", r["language"])
        by[key] = r["id"]
    assert ("other", "ru") in by and ("sample", "ru") in by and ("sample", "kk") in by, by
    return by


def test_two_acts_are_paired_by_content_not_number(db, docs):
    res = json.loads(run("diff", docs[("sample", "ru")], docs[("other", "ru")], "--json", db=db).stdout)
    assert res["mode"] == "content"
    rows = {(r["label_a"], r["label_b"]): r for r in res["units"]}
    # п. 25 («не более двух раз») is п. 24 in the other act (one point deleted before it)
    r = rows[("п. 25", "п. 24")]
    assert r["kind"] == "same" and r["renumbered"]
    assert rows[("п. 7", None)]["kind"] == "only_a"
    ins = [r for r in res["units"] if r["kind"] == "only_b" and INSERTED[:40] in r["excerpt_b"]]
    assert len(ins) == 1
    assert rows[("п. 9", "п. 10")]["kind"] == "moved"
    # the old keys stay for scripts (keys are added, never renamed: «merged» came with many-to-one);
    # an act drafted on the same model merges nothing
    assert set(res["summary"]) >= {"added", "removed", "moved", "changed", "unchanged"}
    assert res["summary"]["merged"] == 0 and not any(r["merged"] for r in res["units"])
    assert res["kinds"]["only_a"] >= 1 and res["kinds"]["only_b"] >= 1 and res["renumbered"] > 80
    # --by structure is accepted (numbering first, identical text still wins)
    by_number = json.loads(run("diff", docs[("sample", "ru")], docs[("other", "ru")], "--json", "--by", "structure",
                               db=db).stdout)
    assert by_number["mode"] == "structure"


def test_summary_compares_the_facts_both_acts_state(db, docs):
    """«The deadline for answering an inquiry is 1 month in A, 15 days in B»; the quorum is the same."""
    rep = json.loads(run("diff", docs[("sample", "ru")], docs[("other", "ru")], "--json", db=db).stdout)["report"]
    differ = [f for f in rep["facts_differ"] if f.get("subject") == "inquiry_answer"]
    assert len(differ) == 1 and differ[0]["label_a"] == "п. 62" and differ[0]["label_b"] == "п. 61"
    assert differ[0]["facts_a"] == ["не позднее одного месяца"] and differ[0]["facts_b"] == ["не позднее пятнадцати дней"]
    assert any(f["label"]["en"].startswith("quorum") for f in rep["facts_same"])
    assert "не позднее одного месяца" in rep["text"]["ru"] and "не позднее пятнадцати дней" in rep["text"]["kk"]


def test_readable_report_of_two_acts(db, docs):
    out = run("diff", docs[("sample", "ru")], docs[("other", "ru")], db=db).stdout
    assert "two different acts, provisions paired by what they say" in out
    assert "only in A: п. 7 → —" in out
    assert "(renumbered)" in out and "moved: п. 9 → п. 10" in out
    assert INSERTED[:40] in out
    assert "{'" not in out and "['" not in out and "('" not in out       # no Python reprs
    ru = run("diff", docs[("sample", "ru")], docs[("other", "ru")], "--lang", "ru", db=db).stdout
    assert "только в A: п. 7 → —" in ru and "Совпадают дословно" in ru


def test_ru_kk_discrepancy_list(db, docs):
    out = run("diff", docs[("sample", "ru")], docs[("sample", "kk")], db=db).stdout
    assert "the Russian and Kazakh texts of one act" in out
    block = out[out.index("RU/KK discrepancies"):]
    # the one real difference of the sample: «24 внеочередной» has no number in the Kazakh text
    assert "подпись / қолтаңба: numbers differ" in block
    assert "only in the Russian text: 24" in block
    assert "RU: Председатель 24 внеочередной сессии" in block and "KK: " in block
    # the list order of point 130 differs; «десять дней»/«10 күн»-style agreements are not flagged
    assert "п. 130 / 130-тармақ: list order differs" in block
    assert "п. 23 абз. 1" not in out.split("RU/KK discrepancies")[0]   # paragraphs paired, not added+removed
    res = json.loads(run("diff", docs[("sample", "ru")], docs[("sample", "kk")], "--json", db=db).stdout)
    kinds = sorted(d["kind"] for d in res["discrepancies"])
    assert kinds == ["numbers_differ", "order_differs"], res["discrepancies"]
    d = next(d for d in res["discrepancies"] if d["kind"] == "numbers_differ")
    assert d["facts_a"] == ["24"] and d["facts_b"] == [] and d["label_a"] == "подпись"
    assert set(d["message"]) == {"ru", "kk", "en"} and "24" in d["message"]["kk"]


def test_show_prints_metadata_as_text(db, docs):
    out = run("show", docs[("sample", "ru")], db=db).stdout
    reg = next(l for l in out.splitlines() if l.strip().startswith("registration:"))
    assert "{" not in reg and "№ 4138" in reg
    amend = next(l for l in out.splitlines() if l.strip().startswith("amendments:"))
    assert "[" not in amend and "{" not in amend and "С-30/3" in amend


def test_two_acts_across_languages_are_paired_through_the_parallel_text(db, docs):
    """A Russian-only act against the Kazakh text of a bilingual one: paired in Russian through
    the act's own Russian text and carried over to its Kazakh units (a word table would miss most)."""
    same = json.loads(run("diff", docs[("other", "ru")], docs[("sample", "ru")], "--json", db=db).stdout)
    cross = json.loads(run("diff", docs[("other", "ru")], docs[("sample", "kk")], "--json", db=db).stdout)
    assert cross["mode"] == "content" and cross["cross_language"] and cross["via"] == docs[("sample", "ru")]
    assert same["via"] is None
    paired = lambda res: {(r["label_a"], r["label_b"]) for r in res["units"] if r["a"] and r["b"]}  # noqa: E731
    kk = {(a, b) for a, b in paired(cross) if a and a.startswith("п. ")}
    ru = {(a, b) for a, b in paired(same) if a and a.startswith("п. ")}
    assert len(ru) > 100
    # the same points, named in Kazakh: «п. 24» ↔ «25-тармақ» where the Russian pair is «п. 24» ↔ «п. 25»
    assert {(a, b.replace("п. ", "") + "-тармақ") for a, b in ru} == kk
    assert cross["kinds"]["only_b"] >= 1 and ("п. 10", "9-тармақ") in kk
    out = run("diff", docs[("other", "ru")], docs[("sample", "kk")], db=db).stdout
    assert "paired through the text in the other language" in out and docs[("sample", "ru")] in out
