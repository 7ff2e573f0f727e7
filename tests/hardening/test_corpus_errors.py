"""Items 9-13 of issue 11: a corpus that cannot be opened or written gives one plain line
(``{"error"}`` under --json), never a traceback, and never loses or half-writes anything."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import pytest

from maslihat import cli as cli_mod
from maslihat.corpus.api import Corpus
from maslihat.corpus.store import Store, StoreError

from .conftest import SAMPLES, SEED, SEED_RU, cli, err, out


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("built") / "corpus.sqlite"
    c = Corpus(str(db), es_url="")
    c.ingest([str(SEED), str(SEED_RU)])
    c.close()
    return db


def _no_traceback(p):
    assert "Traceback" not in err(p) and "Traceback" not in out(p), err(p)[-2000:]


def _one_json_error(p) -> str:
    _no_traceback(p)
    assert p.returncode != 0
    lines = out(p).strip().splitlines()
    assert len(lines) == 1, out(p)
    return json.loads(lines[0])["error"]


READING = (("search", "маслихат"), ("show", "x"), ("quarantine",), ("diff", "a", "b"))


@pytest.mark.parametrize("args", READING)
def test_not_a_database_is_one_json_error(tmp_path, args):
    """Item 9: a file that is not a corpus: {"error"} under --json, one line otherwise."""
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database at all" * 100)
    msg = _one_json_error(cli(*args, "--json", "--db", junk))
    assert "not a maslihat corpus" in msg and str(junk) in msg
    p = cli(*args, "--db", junk)
    _no_traceback(p)
    assert p.returncode != 0 and len(err(p).strip().splitlines()) == 1
    assert junk.read_bytes().startswith(b"this is not")        # not overwritten


def test_export_and_ingest_of_a_non_database_say_so(tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\x00" * 5000)
    for args in (("export", "--out", tmp_path / "o"), ("ingest", SEED)):
        p = cli(*args, "--db", junk)
        _no_traceback(p)
        assert p.returncode == 1 and "not a maslihat corpus" in err(p)


def test_corpus_path_is_a_folder(tmp_path):
    msg = _one_json_error(cli("search", "x", "--json", "--db", tmp_path))
    assert "folder" in msg
    p = cli("ingest", SEED, "--db", tmp_path)
    _no_traceback(p)
    assert p.returncode == 1 and "folder" in err(p)


def test_ingest_db_where_no_folder_can_be_created(tmp_path):
    """Item 9: ``ingest --db`` under a path that cannot be a folder: one line, exit 1."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    p = cli("ingest", SEED, "--db", blocker / "sub" / "corpus.sqlite")
    _no_traceback(p)
    assert p.returncode == 1 and "cannot create the corpus" in err(p)


@pytest.fixture
def immutable(tmp_path, built):
    """A corpus nobody may write, not even root: ``chattr +i`` on the file and its folder."""
    d = tmp_path / "ro"
    d.mkdir()
    db = d / "corpus.sqlite"
    shutil.copy(built, db)
    flags = ["chattr", "+i", str(db), str(d)]
    r = subprocess.run(flags, capture_output=True)
    assert r.returncode == 0, f"chattr is needed for this test: {r.stderr!r}"
    try:
        yield db
    finally:
        subprocess.run(["chattr", "-i", str(db), str(d)], capture_output=True)


def test_read_only_corpus_can_be_searched_shown_and_exported(immutable, tmp_path):
    """Item 9: reading commands open the corpus read-only: they work on a read-only file."""
    before = immutable.read_bytes()
    p = cli("search", "маслихат", "--json", "--db", immutable)
    assert p.returncode == 0, err(p)
    res = json.loads(out(p))
    assert res["total"] > 0
    uid = res["hits"][0]["unit_id"]
    p = cli("show", uid, "--json", "--db", immutable)
    assert p.returncode == 0 and json.loads(out(p))["id"] == uid
    p = cli("export", "--out", tmp_path / "exp", "--db", immutable)
    assert p.returncode == 0 and (tmp_path / "exp" / "units.jsonl").stat().st_size > 0
    assert immutable.read_bytes() == before
    p = cli("ingest", SAMPLES / "002_fc27ebda89a446a4.txt", "--db", immutable)   # writing: one line, exit 1
    _no_traceback(p)
    assert p.returncode == 1 and len(err(p).strip().splitlines()) == 1


def test_missing_input_is_a_usage_error_not_a_quarantined_file(tmp_path):
    """Item 12: ``ingest /nonexistent`` exits 2 and records nothing."""
    db = tmp_path / "c.sqlite"
    p = cli("ingest", tmp_path / "nonexistent", db=db)
    assert p.returncode == 2 and "no such file or folder" in err(p)
    assert not db.exists()
    c = Corpus(str(db), es_url="")      # through the API (the app): reported, never recorded
    s = c.ingest([str(tmp_path / "nonexistent")])
    assert s.quarantined and not c.quarantined()
    c.close()


def test_quarantine_keeps_one_row_per_file_and_forgets_fixed_files(tmp_path):
    """Item 12: re-runs do not duplicate the quarantine; a file that later ingests leaves it."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "bad.txt").write_bytes(b"")
    (src / "worse.html").write_bytes(b"<html><body><p>cut off <sp")
    db = tmp_path / "c.sqlite"
    for _ in range(3):
        c = Corpus(str(db), es_url="")
        c.ingest([str(src)])
        c.close()
    c = Corpus(str(db), es_url="")
    assert sorted(Path(q.path).name for q in c.quarantined()) == ["bad.txt", "worse.html"]
    shutil.copy(SEED_RU, src / "bad.txt")
    c.ingest([str(src)])
    assert [Path(q.path).name for q in c.quarantined()] == ["worse.html"]
    c.close()


def test_uploads_record_the_uploaded_name(tmp_path):
    """Item 12: an upload's quarantine row names what the user uploaded, not a temp path."""
    from maslihat.search_app.uploads import ingest_uploads
    db = tmp_path / "c.sqlite"
    res = ingest_uploads([("Шешім №5 (копия).txt", b""), ("good.txt", SEED_RU.read_bytes())], db=str(db))
    assert {r.outcome for r in res} == {"quarantined", "ingested"}
    c = Corpus(str(db), es_url="")
    q = c.quarantined()
    assert len(q) == 1 and "Шешім №5 (копия).txt" in q[0].path and "maslihat-upload" not in q[0].path
    assert all("maslihat-upload" not in r["source"] for r in c.documents())
    c.close()


@pytest.mark.parametrize("args,needle", [(("--lang", "en"), "--lang"), (("--limit", "abc"), "--limit")])
def test_usage_errors_under_json_are_json(built, args, needle):
    """Item 13: ``--lang en`` / ``--limit abc`` under --json print {"error"}, not usage text."""
    msg = _one_json_error(cli("search", "маслихат", "--json", *args, "--db", built))
    assert needle in msg


def test_disk_full_is_one_line_and_the_corpus_stays_intact(tmp_path, monkeypatch, capsys):
    """Item 10: SQLite's max_page_count makes the disk full mid-ingest."""
    db = tmp_path / "c.sqlite"
    c = Corpus(str(db), es_url="")
    c.ingest([str(SEED_RU)])
    pages = c.store.conn.execute("PRAGMA page_count").fetchone()[0]
    c.close()
    real_init = Store.__init__

    def tiny_disk(self, *a, **kw):
        real_init(self, *a, **kw)
        self.conn.execute(f"PRAGMA max_page_count={pages + 3}")
    monkeypatch.setattr(Store, "__init__", tiny_disk)
    code = cli_mod.main(["ingest", str(SAMPLES), "--db", str(db)])
    captured = capsys.readouterr()
    assert code == 1
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "disk is full" in lines[0] and "intact" in lines[0] and "again" in lines[0]
    assert "Traceback" not in captured.err and "savepoint" not in captured.err
    monkeypatch.undo()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # every stored document is whole: its units are there
    for (doc_id,) in conn.execute("SELECT id FROM documents"):
        assert conn.execute("SELECT COUNT(*) FROM units WHERE document_id=?", (doc_id,)).fetchone()[0] > 0
    conn.close()
    c = Corpus(str(db), es_url="")      # with space again, the same command finishes the job
    s = c.ingest([str(SAMPLES)])
    assert not s.quarantined
    assert c.stats()["documents"] == 6
    c.close()


def test_second_writer_waits_for_the_first_and_succeeds(tmp_path, built):
    """Item 11: another writer holds the lock for a while: the ingest waits, says so, succeeds."""
    db = tmp_path / "c.sqlite"
    shutil.copy(built, db)
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    threading.Timer(4, lambda: holder.execute("COMMIT")).start()
    t0 = time.monotonic()
    p = cli("ingest", SAMPLES / "002_fc27ebda89a446a4.txt", db=db, env={"MASLIHAT_LOCK_WAIT": "30"})
    assert p.returncode == 0, err(p)
    assert time.monotonic() - t0 >= 3.5
    assert "another program is writing" in err(p) and "1 documents added" in out(p)
    holder.close()


def test_ingest_holds_the_write_lock_only_while_writing(tmp_path, monkeypatch):
    """Item 11: while an ingest parses, another writer gets the lock within a second."""
    import maslihat.ingest.pipeline as pipeline
    src = tmp_path / "in"
    src.mkdir()
    for i in range(4):
        shutil.copy(SAMPLES / "002_fc27ebda89a446a4.txt", src / f"a{i}.txt")
        with open(src / f"a{i}.txt", "a", encoding="utf-8") as f:
            f.write(f"\nҚосымша {i}\n")
    real = pipeline.load_file

    def slow(*a, **kw):
        time.sleep(0.6)          # parsing a large act
        return real(*a, **kw)
    monkeypatch.setattr(pipeline, "load_file", slow)
    db = tmp_path / "c.sqlite"
    Corpus(str(db), es_url="").close()
    waits: list[float] = []
    stop = threading.Event()

    def other_writer():
        conn = sqlite3.connect(db, timeout=30, isolation_level=None)
        while not stop.is_set():
            t = time.monotonic()
            conn.execute("BEGIN IMMEDIATE")
            waits.append(time.monotonic() - t)
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('probe', ?)", (str(t),))
            conn.execute("COMMIT")
            time.sleep(0.05)
        conn.close()
    th = threading.Thread(target=other_writer)
    th.start()
    try:
        c = Corpus(str(db), es_url="")
        s = c.ingest([str(src)])
        c.close()
    finally:
        stop.set()
        th.join()
    assert s.documents_added == 4
    assert max(waits) < 1.0, f"the other writer waited {max(waits):.1f} s"


def test_a_file_of_a_newer_schema_is_refused_and_an_older_one_is_raised(tmp_path):
    """A corpus written by a newer maslihat is refused with a plain message naming the file; one
    written by an older maslihat is migrated when opened for writing and says so, so that the
    older program refuses it in turn instead of misreading it."""
    import sqlite3
    from maslihat.corpus.schema import SCHEMA_VERSION
    from maslihat.corpus.store import Store, StoreError
    db = tmp_path / "c.sqlite"
    Store(str(db)).close()
    con = sqlite3.connect(db)
    con.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION + 1),))
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="c.sqlite: corpus schema .* is newer"):
        Store(str(db))
    con = sqlite3.connect(db)
    con.execute("UPDATE meta SET value='1' WHERE key='schema_version'")
    con.commit()
    con.close()
    Store(str(db), readonly=True).close()                # a read-only open changes nothing
    assert sqlite3.connect(db).execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == "1"
    Store(str(db)).close()
    assert sqlite3.connect(db).execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
