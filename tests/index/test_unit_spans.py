"""Issue 14, storage of the search index: a unit's row keeps where its own text lies in its
document's text (spans), not the text a second time, and a hit's text and snippet are cut from the
document again — the same string the index was built from, in Russian and Kazakh, for a point
whose subpoints cut its text in two. FTS5 keeps no copy of the terms (contentless): each unit's
terms are kept once, and a re-ingested edition leaves no posting behind. A file of the earlier
layout (each row's text, a unique index on unit_id, FTS5 with its content) answers the same
read-only, unchanged, and after its migration when opened for writing, and takes new editions."""
from __future__ import annotations

import sqlite3
from dataclasses import replace

from maslihat.core.model import Document, Unit
from maslihat.corpus.api import Corpus
from maslihat.corpus.index import SearchRequest
from maslihat.corpus.index.rows import unit_rows
from maslihat.corpus.index.sqlite_fts import SqliteIndex
from maslihat.corpus.index.unit_store import pack, stored_terms, unit_texts
from maslihat.corpus.store import Store

RU = ("Решение маслихата Алматинской области от 12 мая 2016 года № 2-16\n"
      "Об утверждении «Правил» благоустройства — территории\n\n"
      "1. Маслихат вправе:\n"
      "1) утверждать бюджет благоустройства;\n"
      "2) заслушивать отчет акима о благоустройстве.\n"
      "Настоящий пункт действует до 1 января 2020 года – благоустройство «территории».\n"
      "2. Контроль за исполнением настоящего решения возложить на постоянную комиссию маслихата.\n")
KK = ("Алматы облыстық мәслихатының 2016 жылғы 12 мамырдағы № 2-16 шешімі\n"
      "Аумақты абаттандыру «қағидаларын» бекіту туралы\n\n"
      "1. Мәслихат құқылы:\n"
      "1) абаттандыру бюджетін бекітуге;\n"
      "2) әкімнің абаттандыру туралы есебін тыңдауға.\n"
      "Осы тармақ 2020 жылғы 1 қаңтарға дейін қолданылады — аумақты абаттандыру.\n"
      "2. Осы шешімнің орындалуын бақылау мәслихаттың тұрақты комиссиясына жүктелсін.\n")
QUERIES = ("благоустройства", "абаттандыру", "маслихат", "мәслихат комиссия", "бюджет")


def _corpus(tmp_path) -> Corpus:
    src = tmp_path / "src"
    src.mkdir()
    (src / "act.rus.txt").write_text(RU, encoding="utf-8")
    (src / "act.kaz.txt").write_text(KK, encoding="utf-8")
    c = Corpus(str(tmp_path / "c.sqlite"), es_url="")
    c.ingest([str(src)])
    return c


def _new_edition(tmp_path, c: Corpus) -> None:
    """The Kazakh act again with one word changed: a new edition, the old one's rows leave the index."""
    src = tmp_path / "src2"
    src.mkdir()
    (src / "act.kaz.txt").write_text(KK.replace("тыңдауға", "қарауға"), encoding="utf-8")
    c.ingest([str(src)])


def _postings_match_stored_terms(c: Corpus) -> None:
    """Every FTS5 posting belongs to an indexed unit, at the place its kept terms say, and nothing else."""
    con = c.store.conn
    con.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_check USING fts5vocab(main, search_fts, 'instance')")
    got: dict = {}
    for term, doc, col, off in con.execute("SELECT term, doc, col, offset FROM temp.v_check"):
        got.setdefault(doc, set()).add((col, off, term))
    rowid = dict(con.execute("SELECT unit_id, rowid FROM search_units"))
    lang = dict(con.execute("SELECT u.rowid, d.language FROM search_units u JOIN search_docs d ON d.rowid = u.doc_rowid"))
    want = {rowid[u]: {("terms", i, t) for i, t in enumerate(terms.split())} | {("lang", 0, lang[rowid[u]])}
            for u, terms in stored_terms(con).items()}
    assert got == want


def _own_texts(c: Corpus) -> dict[str, str]:
    """unit id -> the text its index row was built from, computed again from the stored document."""
    out = {}
    for d in c.store.documents(latest_only=False):
        out.update({r["unit_id"]: r["text"] for r in unit_rows(d, c.units(d.id))})
    return out


def _answers(c: Corpus) -> dict:
    out = {}
    for q in QUERIES:
        for lang in (None, "ru", "kk"):
            res = c.search(q, lang=lang, limit=50)
            res.pop("took_ms")
            out[(q, lang)] = res
    for d in c.store.documents(latest_only=False):
        out[d.id] = c.show(d.id)
        for u in c.units(d.id)[:8]:
            out[u.id] = c.show(u.id)
    return out


def test_rows_keep_spans_and_hits_show_the_units_own_text(tmp_path):
    c = _corpus(tmp_path)
    rows = c.store.conn.execute("SELECT unit_id, text, spans FROM search_units").fetchall()
    assert rows and all(text is None and spans for _, text, spans in rows)
    assert any(len(spans.split()) > 2 for _, _, spans in rows)        # a point with subpoints: several spans
    own = _own_texts(c)
    assert unit_texts(c.store.conn) == own
    seen = set()
    for q in QUERIES:
        for h in c.search(q, limit=50)["hits"]:
            assert h["text"] == own[h["unit_id"]]
            assert "<mark>" in h["snippet"]
            seen.add(h["language"])
    assert seen == {"ru", "kk"}
    c.close()


def test_fts_keeps_no_copy_of_the_terms_and_a_new_edition_leaves_no_posting_behind(tmp_path):
    c = _corpus(tmp_path)
    con = c.store.conn
    assert con.execute("SELECT COUNT(*), COUNT(terms) FROM search_fts").fetchone()[1] == 0
    assert "search_fts_content" not in {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    want = {}
    for d in c.store.documents(latest_only=False):
        want.update({r["unit_id"]: r["terms"] for r in unit_rows(d, c.units(d.id))})
    assert stored_terms(con) == want
    _postings_match_stored_terms(c)
    assert c.search("тыңдауға", lang="kk")["total"]
    _new_edition(tmp_path, c)
    _postings_match_stored_terms(c)
    assert c.search("тыңдауға", lang="kk")["total"] == 0 and c.search("қарауға", lang="kk")["total"]
    assert c.search("благоустройства", lang="ru")["total"]
    c.close()


def _point_cut_in_two(lang: str, lead: str, sub1: str, sub2: str, tail: str) -> tuple:
    text = f"{lead}\n{sub1}\n{sub2}\n{tail}\n"
    did = f"t/{lang}"
    doc = Document(id=did, source=f"{lang}.txt", part=0, language=lang, doc_type="decision", title="Т",
                   text=text, act_id=did)
    p = Unit(f"{did}/point_1", did, "point", 0, len(text) - 1, "п. 1", ordinal=0)
    s1 = Unit(f"{p.id}/subpoint_1", did, "subpoint", text.index(sub1), text.index(sub1) + len(sub1), "1)",
              parent_id=p.id, ordinal=1)
    s2 = Unit(f"{p.id}/subpoint_2", did, "subpoint", text.index(sub2), text.index(sub2) + len(sub2), "2)",
              parent_id=p.id, ordinal=2)
    return doc, [p, s1, s2]


def test_a_point_whose_subpoints_cut_its_text_in_two_shows_both_pieces(tmp_path):
    """Its row's spans are two pieces of the document (before and after its subpoints), joined as
    the index joined them; non-ASCII letters and punctuation before them keep the offsets right."""
    store = Store(str(tmp_path / "c.sqlite"))
    index = SqliteIndex(store.conn)
    made = [_point_cut_in_two("ru", "1. Маслихат «вправе» — по закону:", "1) утверждать бюджет;",
                              "2) заслушивать отчет акима.", "В этих случаях маслихат решает сам."),
            _point_cut_in_two("kk", "1. Мәслихат «құқылы» — заң бойынша:", "1) бюджетті бекітуге;",
                              "2) әкімнің есебін тыңдауға.", "Бұл жағдайларда мәслихат өзі шешеді.")]
    with store.transaction():
        for doc, units in made:
            store.put_document(doc, None, None)
            store.put_units(units)
        index.add([d for d, _ in made], {d.id: u for d, u in made})
    for (doc, units), q, tail in zip(made, ("маслихат", "мәслихат"),
                                     ("В этих случаях маслихат решает сам.", "Бұл жағдайларда мәслихат өзі шешеді.")):
        code = store.conn.execute("SELECT spans FROM search_units WHERE unit_id = ?", (units[0].id,)).fetchone()[0]
        assert len(code.split()) == 6             # the lead-in, the line between the subpoints, the tail
        hit = next(h for h in index.search(SearchRequest(query=q, lang=doc.language))["hits"]
                   if h["unit_id"] == units[0].id)
        assert hit["text"] == doc.text.split("\n")[0] + "\n" + tail
        assert hit["text"] == next(r["text"] for r in unit_rows(doc, units) if r["unit_id"] == units[0].id)
    store.close()


def test_a_document_stored_with_another_text_keeps_its_units_text_in_the_index(tmp_path):
    """Spans are kept only when the file holds the very text the rows were cut from."""
    c = _corpus(tmp_path)
    doc = next(d for d in c.store.documents() if d.language == "kk")
    other = replace(doc, text=doc.text.replace("абаттандыру", "абаттандыруы"))
    units = c.units(doc.id)
    index = SqliteIndex(c.store.conn)
    with c.store.transaction():
        index.add([other], {doc.id: units})
    rows = c.store.conn.execute("SELECT u.text, u.spans FROM search_units u JOIN search_docs d "
                                "ON d.rowid = u.doc_rowid WHERE d.document_id = ?", (doc.id,)).fetchall()
    assert rows and all(text is not None and spans is None for text, spans in rows)
    hits = index.search(SearchRequest(query="абаттандыруы", lang="kk"))["hits"]
    want = {r["unit_id"]: r["text"] for r in unit_rows(other, units)}
    assert hits and all(h["text"] == want[h["unit_id"]] for h in hits)
    c.close()


def _to_earlier_layout(db) -> None:
    """Rewrite the index as the earlier layout held it: each row's text (compressed as it was),
    unit_id UNIQUE, no spans or terms column, FTS5 with its content, no migration mark."""
    con = sqlite3.connect(db)
    with con:
        texts = unit_texts(con)
        terms = stored_terms(con)
        lang = dict(con.execute("SELECT u.rowid, d.language FROM search_units u JOIN search_docs d "
                                "ON d.rowid = u.doc_rowid"))
        con.execute("DROP TABLE search_fts")
        con.execute("CREATE VIRTUAL TABLE search_fts USING fts5(terms, lang, "
                    "tokenize = \"unicode61 remove_diacritics 0 tokenchars '-_'\")")
        con.executemany("INSERT INTO search_fts (rowid, terms, lang) VALUES (?,?,?)",
                        [(r, terms[u], lang[r]) for u, r in con.execute("SELECT unit_id, rowid FROM search_units")])
        con.execute("CREATE TABLE old_units (rowid INTEGER PRIMARY KEY, unit_id TEXT NOT NULL UNIQUE, "
                    "doc_rowid INTEGER NOT NULL, kind TEXT, label TEXT, ordinal INTEGER, text TEXT, nterms INTEGER)")
        rows = con.execute("SELECT rowid, unit_id, doc_rowid, kind, label, ordinal, nterms FROM search_units").fetchall()
        con.executemany("INSERT INTO old_units VALUES (?,?,?,?,?,?,?,?)",
                        [(r, u, d, k, lb, o, pack(texts[u]), n) for r, u, d, k, lb, o, n in rows])
        con.execute("DROP TABLE search_units")
        con.execute("ALTER TABLE old_units RENAME TO search_units")
        con.execute("CREATE INDEX search_units_facets ON search_units(doc_rowid, ordinal, kind, nterms)")
        con.execute("DELETE FROM meta WHERE key = 'search_spans'")
    con.close()


def _layout(db) -> tuple:
    con = sqlite3.connect(db)
    try:
        cols = tuple(r[1] for r in con.execute("PRAGMA table_info(search_units)"))
        unique = con.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_autoindex_search_units_1'"
                             ).fetchone()[0]
        texts = con.execute("SELECT COUNT(text) FROM search_units").fetchone()[0]
        return "spans" in cols, bool(unique), texts
    finally:
        con.close()


def test_a_file_of_the_earlier_layout_answers_the_same_read_only_and_after_its_migration(tmp_path):
    c = _corpus(tmp_path)
    before = _answers(c)
    assert before[("благоустройства", None)]["total"] and before[("абаттандыру", None)]["total"]
    n = c.index.count()
    c.close()
    db = tmp_path / "c.sqlite"
    _to_earlier_layout(db)
    assert _layout(db) == (False, True, n)
    ro = Corpus(str(db), readonly=True, es_url="")          # read as it is, nothing written
    assert _answers(ro) == before
    ro.close()
    assert _layout(db) == (False, True, n)
    assert Store(str(db), readonly=True).conn.execute("SELECT 1 FROM meta WHERE key='search_spans'").fetchone() is None
    c = Corpus(str(db), es_url="")                          # opened for writing: migrated once
    assert _layout(db) == (True, False, 0)
    assert _answers(c) == before
    _new_edition(tmp_path, c)                               # FTS5 with its content deletes by rowid
    _postings_match_stored_terms(c)
    assert c.search("тыңдауға", lang="kk")["total"] == 0 and c.search("қарауға", lang="kk")["total"]
    hits = lambda res: [(h["unit_id"], h["text"], h["snippet"]) for h in res["hits"]]  # noqa: E731
    assert hits(c.search("благоустройства", lang="ru")) == hits(before[("благоустройства", "ru")])
    c.close()
    con = sqlite3.connect(db)
    assert con.execute("SELECT value FROM meta WHERE key='search_spans'").fetchone() == ("1",)
    con.close()
