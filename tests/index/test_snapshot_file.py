"""The embedded back end's snapshot on disk: a fresh process opens it instead of rebuilding it,
follows every committed write, and survives a damaged or unwritable cache."""
import sqlite3

import numpy as np
import pytest

from maslihat.corpus.index import columnar, snapfile
from maslihat.corpus.index.base import SearchRequest
from maslihat.corpus.index.sqlite_fts import SqliteIndex

QUERIES = ["депутат", "сессия", '"тұрақты комиссия"', "мәслихат* сессия", ""]


def answers(idx):
    out = []
    for q in QUERIES:
        for lang in (None, "kk"):
            r = idx.search(SearchRequest(query=q, lang=lang, limit=50))
            out.append((r["total"], [(h["unit_id"], h["score"]) for h in r["hits"]], r["facets"]))
    return out


@pytest.fixture()
def db(tmp_path, corpus_data):
    docs, units = corpus_data
    path = tmp_path / "c.sqlite"
    idx = SqliteIndex(sqlite3.connect(path))
    idx.add(docs[:-1], units)
    idx.conn.commit()
    idx.checkpoint()
    return path


def _no_build(monkeypatch):
    def refuse(self, conn, generation):
        raise AssertionError("the snapshot was rebuilt instead of opened")
    monkeypatch.setattr(columnar.Snapshot, "__init__", refuse)


def test_fresh_process_opens_the_kept_snapshot_and_answers_identically(db, monkeypatch):
    built = answers(SqliteIndex(sqlite3.connect(db)))          # same generation: opened or built alike
    _no_build(monkeypatch)
    opened = SqliteIndex(sqlite3.connect(db))
    assert answers(opened) == built
    snap = opened.snapshot()
    assert isinstance(snap.dl, np.memmap) or isinstance(getattr(snap.dl, "base", None), np.memmap)


def test_a_committed_write_is_seen_and_kept_for_the_next_process(db, corpus_data, monkeypatch):
    docs, units = corpus_data
    reader = SqliteIndex(sqlite3.connect(db))
    before = reader.search(SearchRequest(query="", limit=0))["total"]
    writer = SqliteIndex(sqlite3.connect(db))
    writer.add(docs[-1:], units)
    writer.conn.commit()
    writer.checkpoint()
    gens = [p.name for p in snapfile.directory(writer.conn).iterdir()]
    assert len(gens) == 1                                       # the old generation is gone
    _no_build(monkeypatch)
    assert reader.search(SearchRequest(query="", limit=0))["total"] == writer.count() > before
    assert SqliteIndex(sqlite3.connect(db)).search(SearchRequest(query="", limit=0))["total"] == writer.count()


def test_damaged_or_foreign_cache_is_rebuilt_not_trusted(db):
    expected = answers(SqliteIndex(sqlite3.connect(db)))
    base = db.parent / (db.name + "-snapshot")
    (gen,) = list(base.iterdir())
    (gen / "manifest.json").write_text("{not json", encoding="utf-8")
    assert answers(SqliteIndex(sqlite3.connect(db))) == expected
    for f in gen.glob("*.npy"):                                # truncated arrays
        f.write_bytes(f.read_bytes()[:10])
    (gen / "manifest.json").unlink(missing_ok=True)
    assert answers(SqliteIndex(sqlite3.connect(db))) == expected


def test_unwritable_folder_or_memory_corpus_still_searches(tmp_path, corpus_data, monkeypatch):
    docs, units = corpus_data
    mem = SqliteIndex(sqlite3.connect(":memory:"))
    mem.add(docs, units)
    mem.conn.commit()
    assert mem.search(SearchRequest(query="депутат"))["total"] > 0
    monkeypatch.setattr(snapfile.tempfile, "mkdtemp", lambda **kw: (_ for _ in ()).throw(PermissionError("ro")))
    path = tmp_path / "ro.sqlite"
    idx = SqliteIndex(sqlite3.connect(path))
    idx.add(docs, units)
    idx.conn.commit()
    assert idx.search(SearchRequest(query="депутат"))["total"] == mem.search(SearchRequest(query="депутат"))["total"]


def test_uncommitted_generation_is_not_kept(db, corpus_data):
    docs, units = corpus_data
    idx = SqliteIndex(sqlite3.connect(db))
    kept = {p.name for p in snapfile.directory(idx.conn).iterdir()}
    idx.remove([docs[0].id])                                    # open transaction, new generation
    idx.search(SearchRequest(query="депутат"))
    assert {p.name for p in snapfile.directory(idx.conn).iterdir()} == kept
    idx.conn.rollback()


def test_a_fresh_process_opens_kept_postings_instead_of_reading_fts5(db, corpus_data, monkeypatch):
    """Issue 14: what a frequent term cost to read from FTS5 is kept beside the snapshot, so the
    first query of the next process opens it; a write starts a new generation, for which the
    writer reads the same terms again."""
    from maslihat.corpus.index import ranking
    monkeypatch.setattr(ranking, "DISK_AFTER_S", 0.0)           # keep every term (the corpus is small)
    built = answers(SqliteIndex(sqlite3.connect(db)))
    folder = snapfile.directory(sqlite3.connect(db))
    kept = list(folder.glob("*/postings/*.npy"))
    assert kept

    def refuse(self, key):
        raise AssertionError(f"{key} was read from FTS5 again")
    monkeypatch.setattr(ranking.Ranker, "_postings", refuse)
    assert answers(SqliteIndex(sqlite3.connect(db))) == built
    monkeypatch.undo()
    docs, units = corpus_data
    writer = SqliteIndex(sqlite3.connect(db))
    writer.add(docs[-1:], units)
    writer.conn.commit()
    writer.checkpoint()
    gens = [g for g in folder.iterdir() if not g.name.startswith(".")]
    assert len(gens) == 1 and gens[0] not in {k.parents[1] for k in kept}     # the old generation is gone
    # the writer read the kept keys again for the new generation: the first search after the
    # write finds them ready, and answers as a reader that reads everything from FTS5
    assert {k.name for k in gens[0].glob("postings/*.npy")} == {k.name for k in kept}
    monkeypatch.setattr(ranking.Ranker, "_postings", refuse)
    after = answers(SqliteIndex(sqlite3.connect(db)))
    monkeypatch.undo()
    import shutil
    shutil.rmtree(gens[0] / "postings")
    assert after != built and after == answers(SqliteIndex(sqlite3.connect(db)))


def test_damaged_kept_postings_are_read_from_fts5_again(db, monkeypatch):
    from maslihat.corpus.index import ranking
    monkeypatch.setattr(ranking, "DISK_AFTER_S", 0.0)
    built = answers(SqliteIndex(sqlite3.connect(db)))
    for f in snapfile.directory(sqlite3.connect(db)).glob("*/postings/*.npy"):
        f.write_bytes(b"not an array")
    assert answers(SqliteIndex(sqlite3.connect(db))) == built


def test_postings_kept_by_an_older_scoring_rule_are_scored_again(db, monkeypatch):
    """A generation's kept BM25 contributions hold the rule they were scored by (issue 16,
    session 32: row lengths as Lucene keeps them): after an upgrade that changes the rule, a
    search reads its terms from FTS5 again instead of ranking with the old scores."""
    from maslihat.corpus.index import ranking
    monkeypatch.setattr(ranking, "DISK_AFTER_S", 0.0)
    monkeypatch.setattr(ranking, "SCORES", ranking.SCORES - 1)
    answers(SqliteIndex(sqlite3.connect(db)))
    assert list(snapfile.directory(sqlite3.connect(db)).glob("*/postings/*.npy"))
    monkeypatch.setattr(ranking, "SCORES", ranking.SCORES + 1)
    read = []
    real = ranking.Ranker._postings

    def counted(self, key):
        read.append(key)
        return real(self, key)
    monkeypatch.setattr(ranking.Ranker, "_postings", counted)
    answers(SqliteIndex(sqlite3.connect(db)))
    assert read


def test_a_key_read_lately_is_kept_ready_after_a_write(db, corpus_data, monkeypatch):
    """Issue 14: the writer keeps ready the postings readers asked for most recently. A term kept
    long ago and read again now counts as recent, so the first search after a write finds it
    even when many other terms were written since."""
    import os
    from maslihat.corpus.index import ranking, sqlite_fts
    monkeypatch.setattr(ranking, "DISK_AFTER_S", 0.0)
    one = '"депутат"'                                          # a strict query: one term, no variants
    SqliteIndex(sqlite3.connect(db)).search(SearchRequest(query=one))
    folder = snapfile.directory(sqlite3.connect(db))
    first = {k.name for k in folder.glob("*/postings/*.key")}
    for q in QUERIES[1:]:                                       # other terms written after it
        SqliteIndex(sqlite3.connect(db)).search(SearchRequest(query=q))
    for k in folder.glob("*/postings/*.key"):                   # «депутат» written long ago
        os.utime(k, (1_000_000, 1_000_000) if k.name in first else (2_000_000, 2_000_000))
    monkeypatch.setattr(sqlite_fts, "WARM_KEYS", 1)             # the writer keeps only the most recent
    reader = SqliteIndex(sqlite3.connect(db))
    reader.search(SearchRequest(query=one))                     # opened from disk: read now
    docs, units = corpus_data
    writer = SqliteIndex(sqlite3.connect(db))
    writer.add(docs[-1:], units)
    writer.conn.commit()
    writer.checkpoint()
    (gen,) = [g for g in folder.iterdir() if not g.name.startswith(".")]
    assert {k.name for k in gen.glob("postings/*.key")} == first


def test_a_snapshot_kept_by_a_version_with_other_ranking_factors_does_not_lend_its_prior(db, monkeypatch):
    """After an upgrade that changes the provision prior (``scoring.KIND_PRIOR``), a snapshot
    kept on disk by the older version is still opened, but its prior is computed anew: the
    ranking is the new version's, as it would be on a fresh corpus or on Elasticsearch."""
    from maslihat.corpus.index import scoring
    old = SqliteIndex(sqlite3.connect(db))
    old_prior = np.array(old.snapshot()._prior)
    kinds = old.snapshot().kind_vocab
    assert "heading" in kinds                                  # the fixture has headings to re-weigh
    monkeypatch.setitem(scoring.KIND_PRIOR, "heading", 0.9)
    new = SqliteIndex(sqlite3.connect(db))
    _no_build(monkeypatch)
    snap = new.snapshot()
    from maslihat.corpus.index.sqlite_fts import prior
    p = prior(snap)
    heads = snap.kind == kinds.index("heading")
    assert heads.any()
    assert np.allclose(p[heads] / old_prior[heads], 0.9 / 0.4)
    assert np.allclose(p[~heads], old_prior[~heads])


def test_the_prior_of_the_new_factors_is_kept_beside_an_old_snapshot(db, monkeypatch):
    """The first process of the new version computes the prior once and keeps it beside the
    snapshot; the next one maps it instead of computing it again."""
    from maslihat.corpus.index import scoring, sqlite_fts
    old = np.array(SqliteIndex(sqlite3.connect(db)).snapshot()._prior)
    monkeypatch.setitem(scoring.KIND_PRIOR, "heading", 0.9)
    first = SqliteIndex(sqlite3.connect(db)).snapshot()
    expected = np.array(first._prior)
    assert not np.allclose(expected, old)
    (gen,) = [g for g in snapfile.directory(sqlite3.connect(db)).iterdir() if not g.name.startswith(".")]
    assert list(gen.glob("prior-*.npy"))
    calls = []
    real = sqlite_fts.prior
    monkeypatch.setattr(sqlite_fts, "prior", lambda snap: calls.append(1) or real(snap))
    second = SqliteIndex(sqlite3.connect(db)).snapshot()
    assert np.allclose(second._prior, expected) and not calls


def test_kept_snapshot_and_postings_are_read_without_the_ast_parser(db, monkeypatch):
    """numpy.load parses a header with ``ast.literal_eval``, which CPython 3.11 cannot run in two
    threads at once (``SystemError``; the app serves each page in its own thread): the index reads
    its own files by pattern, so a search in one thread never fails because another parses."""
    import ast
    from maslihat.corpus.index import ranking
    monkeypatch.setattr(ranking, "DISK_AFTER_S", 0.0)           # keep every term's postings too
    built = answers(SqliteIndex(sqlite3.connect(db)))
    assert list(snapfile.directory(sqlite3.connect(db)).glob("*/postings/*.npy"))

    def refuse(*a, **kw):
        raise SystemError("AST constructor recursion depth mismatch (before=72, after=69)")
    monkeypatch.setattr(ast, "literal_eval", refuse)
    _no_build(monkeypatch)
    monkeypatch.setattr(ranking.Ranker, "_postings", lambda self, key: (_ for _ in ()).throw(AssertionError(key)))
    assert answers(SqliteIndex(sqlite3.connect(db))) == built


@pytest.mark.parametrize("array", [
    np.arange(7, dtype=np.int64), np.array([0.5, -1e300, np.inf]), np.array([True, False, True]),
    np.arange(6, dtype=np.int16).reshape(2, 3), np.asfortranarray(np.arange(6, dtype=np.int32).reshape(2, 3)),
    np.zeros(0, dtype=np.int32), np.array(["мәслихат", "маслихат"]), np.int64(5).reshape(()),
])
def test_npy_files_read_as_numpy_writes_them(tmp_path, array):
    from maslihat.corpus.index import npyfile
    path = tmp_path / "a.npy"
    np.save(path, array, allow_pickle=False)
    for mmap in (True, False):
        got = npyfile.load(path, mmap=mmap)
        assert got.dtype == array.dtype and got.shape == array.shape and np.array_equal(got, array)


@pytest.mark.parametrize("data", [b"", b"not an array", b"\x93NUMPY\x01\x00\x10\x00{'descr': '|O', 'f",
                                  b"\x93NUMPY\x09\x00", None])
def test_npy_files_not_written_by_numpy_save_are_refused(tmp_path, data):
    from maslihat.corpus.index import npyfile
    path = tmp_path / "a.npy"
    if data is None:              # a header that promises more data than the file has
        np.save(path, np.arange(100, dtype=np.int64))
        data = path.read_bytes()[:200]
    path.write_bytes(data)
    with pytest.raises(ValueError):
        npyfile.load(path)
    with pytest.raises(ValueError):
        npyfile.load(path, mmap=False)
