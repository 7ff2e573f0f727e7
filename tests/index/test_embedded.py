"""The embedded back end's fast path: numpy snapshot and ranking agree with FTS5 and SQL, and
the snapshot follows every write (same connection, rollback, other connections, old files)."""
import sqlite3

import pytest

from maslihat.corpus.index import compile as qc
from maslihat.corpus.index import ranking
from maslihat.corpus.index.base import SearchRequest
from maslihat.corpus.index.query import is_best_match, plan
from maslihat.corpus.index.scoring import WINDOW
from maslihat.corpus.index.sqlite_fts import SqliteIndex, prior

QUERIES = ["депутат", "сессия", '"постоянная комиссия"', '"тұрақты комиссия"', "депутат*",
           "депутат сессия", "депутат AND сессия", "бюджет OR регламент", "сессия -депутат",
           "мәслихат* сессия", "мәслихат* ЖӘНЕ сессия"]


def search(idx, q="", **kw):
    return idx.search(SearchRequest(query=q, **kw))


def fts5_scores(conn, q, lang):
    """What FTS5 itself says: -bm25(search_fts, 1.0, 0.0) of every row the query matches."""
    node = plan(q, lang).by_lang[lang]
    sql = ("SELECT f.rowid, -bm25(search_fts, 1.0, 0.0) FROM search_fts f JOIN search_units u ON "
           "u.rowid = f.rowid JOIN search_docs d ON d.rowid = u.doc_rowid WHERE search_fts MATCH ? "
           "AND d.language = ?")
    return dict(conn.execute(sql, (qc.fts(node, lang), lang)).fetchall())


@pytest.mark.parametrize("q", QUERIES)
@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_scores_and_hits_equal_fts5(sqlite_index, q, lang):
    expected = fts5_scores(sqlite_index.conn, q, lang)
    res = search(sqlite_index, q, lang=lang, limit=100000)
    unit_rowid = dict(sqlite_index.conn.execute("SELECT unit_id, rowid FROM search_units"))
    got = {unit_rowid[h["unit_id"]]: h["score"] for h in res["hits"]}
    assert res["total"] == len(expected) == len(got)
    assert set(got) == set(expected)
    if not is_best_match(q):      # operators: FTS5's BM25 times the provision prior
        snap = sqlite_index.snapshot()
        p = prior(snap)
        # exactly, for a unit whose length Lucene keeps exactly (below 24 tokens, or four
        # significant bits); a longer one is read as Lucene's shorter length (ranking.lucene_length),
        # so it scores a little higher than FTS5's own bm25() says
        kept = {r: ranking.lucene_length(snap.dl[r]) == snap.dl[r] for r in got}
        assert sum(kept.values()) >= len(got) // 2
        assert all(abs(got[r] - expected[r] * p[r]) < 1e-3 for r in got if kept[r])
        assert all(expected[r] * p[r] - 1e-9 <= got[r] <= 1.1 * expected[r] * p[r] for r in got if not kept[r])
    scores = [h["score"] for h in res["hits"]]
    assert scores[WINDOW:] == sorted(scores[WINDOW:], reverse=True)


@pytest.mark.parametrize("q", ["депутат", "", "сессия -депутат"])
def test_facet_counts_equal_sql_group_by(sqlite_index, q):
    conn = sqlite_index.conn
    res = search(sqlite_index, q, lang="ru", limit=0)
    if q:
        node = plan(q, "ru").by_lang["ru"]
        where, params = "search_fts MATCH ? AND d.language = 'ru'", [qc.fts(node, "ru")]
    else:
        where, params = "d.language = 'ru'", []
    base = ("FROM search_fts f JOIN search_units u ON u.rowid = f.rowid JOIN search_docs d ON "
            f"d.rowid = u.doc_rowid WHERE {where}")
    for name, col in (("doc_type", "d.doc_type"), ("year", "d.year"), ("kind", "u.kind"), ("status", "d.status")):
        rows = conn.execute(f"SELECT {col}, COUNT(*) {base} AND {col} IS NOT NULL GROUP BY {col}", params)
        assert res["facets"][name] == dict(sorted(rows, key=lambda p: (-p[1], p[0]))), name
    comp = conn.execute(f"SELECT c.value, COUNT(*) {base.replace('WHERE', 'JOIN search_unit_competency c ON c.unit_rowid = u.rowid WHERE')} "
                        "GROUP BY c.value", params)
    assert res["facets"]["competency"] == dict(sorted(comp, key=lambda p: (-p[1], p[0])))


def test_snapshot_follows_uncommitted_writes_and_rollback(corpus_data):
    docs, units = corpus_data
    conn = sqlite3.connect(":memory:")
    idx = SqliteIndex(conn)
    idx.add(docs[:1], units)
    conn.commit()
    one = search(idx, "депутат OR мәслихат")["total"]
    idx.add(docs[1:3], units)                      # uncommitted: this connection already sees it
    more = search(idx, "депутат OR мәслихат")["total"]
    assert more > one
    conn.rollback()
    assert search(idx, "депутат OR мәслихат")["total"] == one
    idx.remove([docs[0].id])
    assert search(idx, "депутат OR мәслихат")["total"] == 0
    idx.clear()
    assert search(idx, "")["total"] == 0


def test_snapshot_follows_commits_of_other_connections(tmp_path, corpus_data):
    docs, units = corpus_data
    db = tmp_path / "c.sqlite"
    writer = SqliteIndex(sqlite3.connect(db))
    writer.conn.commit()
    reader = SqliteIndex(sqlite3.connect(db))
    assert search(reader, "")["total"] == 0
    writer.add(docs[:2], units)
    assert search(reader, "")["total"] == 0        # not committed yet
    writer.conn.commit()
    n = search(reader, "")["total"]
    assert n == writer.count() > 0
    writer.remove([docs[0].id])
    writer.conn.commit()
    assert search(reader, "")["total"] == writer.count() < n


def test_corpus_indexed_before_the_fast_path(tmp_path, corpus_data):
    """An old file (no ``nterms``, no ``search_meta``) opens, migrates in place and ranks alike."""
    docs, units = corpus_data
    db = tmp_path / "old.sqlite"
    idx = SqliteIndex(sqlite3.connect(db))
    idx.add(docs, units)
    idx.conn.commit()
    expected = search(idx, "депутат сессия", limit=50)
    idx.conn.execute("DROP TABLE search_meta")
    idx.conn.execute("DROP INDEX search_units_facets")
    idx.conn.execute("ALTER TABLE search_units DROP COLUMN nterms")
    idx.conn.commit()
    old = SqliteIndex(sqlite3.connect(db))
    got = search(old, "депутат сессия", limit=50)
    assert [(h["unit_id"], h["score"]) for h in got["hits"]] == [(h["unit_id"], h["score"]) for h in expected["hits"]]
    assert got["facets"] == expected["facets"] and got["total"] == expected["total"]
