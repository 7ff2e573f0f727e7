"""Issue 14: what a search reads of its candidates (unit ids, facts, parents, notions) is kept
between queries, and never outlives a change of the corpus: a search after an ingest — by this
process or another — answers from what is stored now."""
from __future__ import annotations

from maslihat.corpus.api import Corpus
from tests.corpus.test_cli import run

RU = ("Решение маслихата\n\n1. Ответ на депутатский запрос должен быть дан в письменной форме в срок не позднее одного месяца.\n"
      "2. Депутатский запрос оглашается на сессии маслихата.\n")
KK = ("Мәслихаттың шешімі\n\n1. Депутаттық сауалға жауап бір айдан кеш емес мерзімде жазбаша нысанда берілуі тиіс.\n"
      "2. Депутаттық сауал мәслихат сессиясында жария етіледі.\n")


def _deadline_hits(c: Corpus, query: str) -> tuple[int, bool]:
    res = c.search(query)
    return res["facets"]["fact"].get("deadline", 0), any(
        f["kind"] == "deadline" for h in res["hits"] for f in h["facts"])


def test_a_search_after_another_process_changed_a_text_reads_the_new_facts(tmp_path):
    for name, text, query, changed in (
            ("ru.txt", RU, "ответ на депутатский запрос", RU.replace(" в срок не позднее одного месяца", "")),
            ("kk.txt", KK, "депутаттық сауалға жауап", KK.replace("бір айдан кеш емес мерзімде ", ""))):
        src, db = tmp_path / name, tmp_path / f"{name}.sqlite"
        src.write_text(text, encoding="utf-8")
        run("ingest", str(src), db=db)
        reader = Corpus(str(db))                 # a long-lived process: the app
        assert _deadline_hits(reader, query) == (1, True)
        assert _deadline_hits(reader, query) == (1, True)       # answered from what it kept
        src.write_text(changed, encoding="utf-8")
        run("ingest", str(src), db=db)           # another process writes
        assert _deadline_hits(reader, query) == (0, False), name
        reader.close()


def test_what_a_search_keeps_is_dropped_with_the_snapshot(tmp_path):
    src, db = tmp_path / "ru.txt", tmp_path / "c.sqlite"
    src.write_text(RU, encoding="utf-8")
    run("ingest", str(src), db=db)
    c = Corpus(str(db))
    c.search("депутатский запрос")
    kept = c.index.memo("fact_kinds")
    assert kept and c.index.memo("unit_rows")
    src.write_text(RU.replace(" в срок не позднее одного месяца", ""), encoding="utf-8")
    run("ingest", str(src), db=db)
    c.search("депутатский запрос")
    assert c.index.memo("fact_kinds") is not kept
    c.close()


def test_a_permission_question_reads_the_openings_stored_now(tmp_path):
    """«можно ли …» / «… бола ма» asks each candidate whether it permits (``cue_of``); the
    openings it read are kept for the next question, and a text changed by another process is
    read anew."""
    for name, text, plain, question in (
            ("ru.txt", "Решение маслихата\n\n1. Депутат вправе отозвать депутатский запрос до его оглашения.\n",
             "Решение маслихата\n\n1. Депутат отзывает депутатский запрос до его оглашения.\n",
             "может ли депутат отозвать запрос"),
            ("kk.txt", "Мәслихаттың шешімі\n\n1. Депутат депутаттық сауалды жария етілгенге дейін кері қайтарып алуға құқылы.\n",
             "Мәслихаттың шешімі\n\n1. Депутат депутаттық сауалды жария етілгенге дейін кері қайтарады.\n",
             "депутат сауалды кері қайтарып ала ма")):
        src, db = tmp_path / name, tmp_path / f"{name}.sqlite"
        src.write_text(text, encoding="utf-8")
        run("ingest", str(src), db=db)
        reader = Corpus(str(db))
        uid = reader.search(question)["hits"][0]["unit_id"]
        assert reader.index.cue_of([uid], "permission") == {uid}, name
        assert uid in reader.index.memo("modal_leads")
        src.write_text(plain, encoding="utf-8")
        run("ingest", str(src), db=db)           # another process writes
        uid = reader.search(question)["hits"][0]["unit_id"]
        assert reader.index.cue_of([uid], "permission") == set(), name
        reader.close()
