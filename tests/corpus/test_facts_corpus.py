"""Facts stored with the corpus at ingest, listed by `maslihat facts`, exported as facts.jsonl."""
from __future__ import annotations

import json

import pytest

from tests.conftest import SAMPLES
from tests.corpus.test_cli import run


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db = tmp_path_factory.mktemp("facts") / "corpus.sqlite"
    run("ingest", str(SAMPLES), db=db)
    return db


def test_facts_are_stored_at_ingest(db):
    import sqlite3
    con = sqlite3.connect(db)
    n = con.execute("SELECT COUNT(*) FROM facts").fetchone()[0]
    done = con.execute("SELECT COUNT(*) FROM facts_done").fetchone()[0]
    docs = con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    assert n > 40 and done == docs


def test_cli_lists_the_inquiry_deadline_in_both_languages(db):
    rows = json.loads(run("facts", "--subject", "inquiry_answer", "--json", db=db).stdout)
    got = sorted((r["language"], r["value"], r["unit_label"]) for r in rows)
    assert got == [("kk", "P1M", "62-тармақ"), ("ru", "P1M", "п. 62")]
    assert all(r["document"]["title"] for r in rows)
    text = run("facts", "--kind", "quorum", "--lang", "kk", db=db).stdout
    assert "үштен екісі" in text and "session_quorum" in text and "[ru]" not in text


def test_compare_puts_ru_and_kk_of_one_act_side_by_side(db):
    rows = json.loads(run("facts", "--kind", "quorum", "--subject", "session_quorum", "--compare", "--json", db=db).stdout)
    act = next(a for a in rows if "Кокшетау" in (a["title"].get("ru") or ""))
    assert [f["value"] for f in act["ru"]] == ["2/3"] and [f["value"] for f in act["kk"]] == ["2/3"]
    assert act["agree"] is True


def test_bad_subject_and_kind_are_clear_errors(db):
    p = run("facts", "--subject", "nonsense", db=db, check=False)
    assert p.returncode == 2 and "unknown subject" in p.stderr
    p = run("facts", "--kind", "weather", db=db, check=False)
    assert p.returncode == 2


def test_export_writes_facts_beside_the_contract_files(db, tmp_path):
    run("export", "--out", str(tmp_path), db=db)
    assert {p.name for p in tmp_path.iterdir()} == {"documents.jsonl", "units.jsonl", "references.jsonl", "facts.jsonl"}
    facts = [json.loads(line) for line in open(tmp_path / "facts.jsonl", encoding="utf-8")]
    docs = {json.loads(line)["id"]: json.loads(line)["text"] for line in open(tmp_path / "documents.jsonl", encoding="utf-8")}
    units = {json.loads(line)["id"] for line in open(tmp_path / "units.jsonl", encoding="utf-8")}
    assert facts and all(docs[f["document_id"]][f["start"]:f["end"]] == f["surface"] for f in facts)
    assert all(f["unit_id"] in units for f in facts if f["unit_id"])
    assert {"kind", "value", "relation", "subject", "language", "unit_id"} <= set(facts[0])


def test_a_corpus_built_before_facts_gets_them_on_first_use(db, tmp_path):
    import shutil
    import sqlite3
    old = tmp_path / "old.sqlite"
    shutil.copy(db, old)
    con = sqlite3.connect(old)
    con.execute("DROP TABLE facts")          # a corpus written before facts existed
    con.execute("DROP TABLE facts_done")
    con.execute("DELETE FROM meta WHERE key='facts_complete'")      # nor said it had them all
    con.commit()
    con.close()
    rows = json.loads(run("facts", "--subject", "inquiry_answer", "--json", db=old).stdout)
    assert len(rows) == 2           # read in memory: reading commands open the corpus read-only
    out = tmp_path / "out"
    run("export", "--out", str(out), db=old)
    assert sum(1 for _ in open(out / "facts.jsonl", encoding="utf-8")) > 40


def test_search_hits_carry_their_facts_and_the_fact_facet_filters(db):
    res = json.loads(run("search", "ответ на депутатский запрос", "--json", db=db).stdout)
    assert all("facts" in h for h in res["hits"])                      # added field, every hit
    hit = next(h for h in res["hits"] if h["facts"])
    assert any(f["kind"] == "deadline" and f["value"] == "P1M" for f in hit["facts"])
    assert res["facets"]["fact"]["deadline"] >= 1
    only = json.loads(run("search", "сессия", "--fact", "quorum", "--json", db=db).stdout)
    assert only["total"] >= 2 and all(any(f["kind"] == "quorum" for f in h["facts"]) for h in only["hits"])
    p = run("search", "сессия", "--fact", "weather", "--json", db=db, check=False)
    assert p.returncode != 0 and "unknown value 'weather'" in p.stdout


def test_a_complete_corpus_is_not_scanned_for_missing_facts_again(db, tmp_path):
    """Issue 14: the scan for documents without facts ran on every fresh process's first search
    (0.26 s at 100,000 documents); once nothing is missing the corpus says so."""
    import shutil
    import sqlite3
    from maslihat.corpus.api import Corpus
    copy = tmp_path / "c.sqlite"
    shutil.copy(db, copy)
    c = Corpus(str(copy))
    assert c.search("сессия", limit=1)["hits"]
    c.close()
    con = sqlite3.connect(copy)
    assert con.execute("SELECT value FROM meta WHERE key='facts_complete'").fetchone() == ("1",)
    con.execute("DELETE FROM facts_done")         # what a scan would find now: everything
    con.commit()
    con.close()
    c = Corpus(str(copy))
    assert c.store.facts_missing() == []          # not scanned: the corpus said it was complete
    c.close()
