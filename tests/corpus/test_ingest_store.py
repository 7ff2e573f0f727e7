"""The corpus as a user meets it through the API: re-ingestion, versions, atomicity, quarantine."""
from __future__ import annotations

import shutil
import sqlite3

import pytest

from maslihat.corpus.api import Corpus
from tests.conftest import SAMPLES, SEED_REGULATION


def _corpus(tmp_path) -> Corpus:
    return Corpus(str(tmp_path / "c.sqlite"), es_url="")


def _snapshot(c: Corpus) -> dict:
    conn = c.store.conn
    return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("documents", "units", "refs", "sources")}


def test_seeds_give_six_documents_with_linked_halves(sample_corpus):
    rows = sample_corpus.documents()
    assert len(rows) == 6
    halves = [r for r in rows if r["source"] == SEED_REGULATION.name]
    assert sorted(r["language"] for r in halves) == ["kk", "ru"]
    ru = next(r for r in halves if r["language"] == "ru")
    kk = next(r for r in halves if r["language"] == "kk")
    assert ru["parallel_id"] == kk["id"] and kk["parallel_id"] == ru["id"]
    assert ru["act_id"] == kk["act_id"]


def test_reingesting_unchanged_files_changes_nothing(tmp_path):
    c = _corpus(tmp_path)
    c.ingest([str(SAMPLES)])
    before = _snapshot(c)
    s = c.ingest([str(SAMPLES)])
    assert s.documents_added == 0 and s.unchanged == 5
    assert _snapshot(c) == before


def test_changed_file_becomes_new_version_and_old_is_kept(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    f = src / SEED_REGULATION.name
    shutil.copy(SEED_REGULATION, f)
    c = _corpus(tmp_path)
    c.ingest([str(src)])
    ru_id = next(r["id"] for r in c.documents() if r["language"] == "ru")
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace("для докладов до 45 минут", "для докладов до 30 минут"), encoding="utf-8")
    s = c.ingest([str(src)])
    assert s.new_versions == 1, "only the Russian half changed; the Kazakh half stays one edition"
    kk = next(r for r in c.documents() if r["language"] == "kk")
    assert kk["version"] == 1 and kk["parallel_id"] == ru_id + "@2"
    kk_point = next(u for u in c.units(kk["id"]) if u.kind == "point" and u.number == "22")
    assert kk_point.parallel_id and kk_point.parallel_id.startswith(ru_id + "@2/")
    versions = c.versions(ru_id)
    assert [v["version"] for v in versions] == [1, 2]
    assert versions[0]["id"] == ru_id and versions[1]["id"] == ru_id + "@2"
    assert [r["id"] for r in c.documents() if r["language"] == "ru"] == [ru_id + "@2"]
    assert "30 минут" in c.document(ru_id + "@2").text
    assert "45 минут" in c.document(ru_id).text  # the old edition is kept
    hits = c.search('"до 45 минут"', lang="ru")["hits"]
    assert not hits, "superseded editions are not searched"


def test_failure_inside_one_file_leaves_corpus_as_before(tmp_path, monkeypatch):
    c = _corpus(tmp_path)
    c.ingest([str(SAMPLES / "004_a94f33b09feff6f9.txt")])
    before = _snapshot(c)

    import maslihat.corpus.api as api

    def boom(*a, **k):
        raise sqlite3.IntegrityError("simulated failure half way through the file")

    monkeypatch.setattr(c.store, "put_references", boom)
    s = c.ingest([str(SEED_REGULATION)])
    assert len(s.quarantined) == 1 and "simulated failure" in s.quarantined[0].reason
    assert SEED_REGULATION.name in s.quarantined[0].path
    assert _snapshot(c) == before
    monkeypatch.undo()
    s = c.ingest([str(SEED_REGULATION)])
    assert s.documents_added == 2, "the file is not marked as seen after a failed attempt"


def test_bad_files_are_quarantined_and_the_run_goes_on(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    (src / "garbage.txt").write_bytes(bytes(range(256)) * 20)
    (src / "table.xlsx").write_bytes(b"PK\x03\x04 not really")
    shutil.copy(SAMPLES / "004_a94f33b09feff6f9.txt", src / "reply.txt")
    c = _corpus(tmp_path)
    s = c.ingest([str(src)])
    reasons = {q.path.split("/")[-1]: q.reason for q in s.quarantined}
    assert set(reasons) == {"empty.txt", "garbage.txt", "table.xlsx"}
    assert all(reasons.values())
    assert s.documents_added == 1
    assert {q.path.split("/")[-1] for q in c.quarantined()} == set(reasons)


def test_separate_language_files_of_one_act_are_linked(tmp_path):
    """`act.rus.txt` + `act.kaz.txt`: the Kazakh file has only a title, yet shares the act."""
    text = SEED_REGULATION.read_text(encoding="utf-8")
    cut = text.index("Көкшетау қалалық мәслихатының регламентін бекіту туралы")
    src = tmp_path / "in"
    src.mkdir()
    (src / "kokshetau.rus.txt").write_text(text[:cut], encoding="utf-8")
    kk = text[cut:]
    kk_lines = kk.splitlines()
    (src / "kokshetau.kaz.txt").write_text("\n".join(kk_lines[:1] + kk_lines[3:]), encoding="utf-8")
    c = _corpus(tmp_path)
    c.ingest([str(src)])
    rows = {r["language"]: r for r in c.documents()}
    assert rows["kk"]["act_id"] == rows["ru"]["act_id"]
    assert rows["kk"]["parallel_id"] == rows["ru"]["id"]
    assert rows["kk"]["adopted_date"] == "2014-03-20"
    assert rows["kk"]["status"] == "repealed"


def test_edition_in_force_on_a_date_and_unit_history(tmp_path):
    """A later edition records its amendment; `show --at` picks the edition by date."""
    src = tmp_path / "in"
    src.mkdir()
    f = src / SEED_REGULATION.name
    text = SEED_REGULATION.read_text(encoding="utf-8")
    ru_end = text.index("Көкшетау қалалық мәслихатының регламентін бекіту туралы")
    f.write_text(text[:ru_end], encoding="utf-8")
    c = _corpus(tmp_path)
    c.ingest([str(src)])
    first = c.documents()[0]["id"]
    note = ("      Сноска. Пункт 22 - в редакции решения Кокшетауского городского маслихата Акмолинской "
            "области от 01.02.2015 № С-40/1 (вводится в действие со дня официального опубликования).\n")
    edited = text[:ru_end].replace("1) для докладов до 45 минут;", "1) для докладов до 30 минут;")
    edited = edited.replace("23. Заявления", note.strip() + "\n23. Заявления")
    assert "30 минут" in edited and "С-40/1" in edited
    f.write_text(edited, encoding="utf-8")
    c.ingest([str(src)])
    assert c.at(first, "2014-12-31").id == first
    assert c.at(first, "2015-03-01").id == first + "@2"
    shown = c.show(first, at="2015-03-01")
    assert shown["id"] == first + "@2"
    point22 = next(u for u in c.units(first + "@2") if u.kind == "point" and u.number == "22")
    assert [e["version"] for e in c.unit_history(point22.id)] == [1, 2]
    point23 = next(u for u in c.units(first + "@2") if u.kind == "point" and u.number == "23")
    assert [e["version"] for e in c.unit_history(point23.id)] == [1]
