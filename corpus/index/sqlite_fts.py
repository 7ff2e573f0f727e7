"""The embedded back end: FTS5 tables inside the corpus SQLite file.

``search_docs`` (one row per document: the facet fields), ``search_units`` (one row per
indexed unit: its own wording for snippets), ``search_unit_competency`` (the multi-valued
facet) and ``search_fts`` (FTS5 over the normalised terms, plus a one-token ``lang`` column
that lets a lone NOT mean "all units of this language except"). ``add``/``remove`` never
commit: the store wraps a document's rows and its index rows in one transaction.
"""
from __future__ import annotations

import sqlite3
import time

from corpus.index import compile as qc
from corpus.index.base import SearchIndex, SearchRequest
from corpus.index.common import branches, make_hit, result, with_lang
from corpus.index.facets import FACETS, empty_facets, order_counts, validate_filters
from corpus.index.query import plan as make_plan
from corpus.index.rows import rows_for
from corpus.model import Document, Unit

DOC_FIELDS = ("language", "doc_type", "issuer_kind", "issuer", "region", "year", "status", "title",
              "adopted_date")
SCHEMA = """
CREATE TABLE IF NOT EXISTS search_docs (
  rowid INTEGER PRIMARY KEY, document_id TEXT NOT NULL UNIQUE, language TEXT, doc_type TEXT,
  issuer_kind TEXT, issuer TEXT, region TEXT, year TEXT, status TEXT, title TEXT, adopted_date TEXT);
CREATE TABLE IF NOT EXISTS search_units (
  rowid INTEGER PRIMARY KEY, unit_id TEXT NOT NULL UNIQUE, doc_rowid INTEGER NOT NULL,
  kind TEXT, label TEXT, ordinal INTEGER, text TEXT);
CREATE INDEX IF NOT EXISTS search_units_doc ON search_units(doc_rowid, ordinal);
CREATE TABLE IF NOT EXISTS search_unit_competency (
  value TEXT NOT NULL, unit_rowid INTEGER NOT NULL, PRIMARY KEY (value, unit_rowid)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS search_unit_competency_unit ON search_unit_competency(unit_rowid);
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
  terms, lang, tokenize = "unicode61 remove_diacritics 0 tokenchars '-_'");
"""
TABLES = ("search_fts", "search_unit_competency", "search_units", "search_docs")
# facet name -> column in the joined FROM below (d = search_docs, u = search_units)
COLUMNS = {name: ("u." if name == "kind" else "d.") + name for name in FACETS}
SELECT = ("u.rowid AS rowid, u.unit_id, d.document_id, u.label, d.title, d.language, u.text, u.kind, "
          "d.doc_type, d.adopted_date, d.status, d.issuer, d.issuer_kind, d.region, d.year, u.ordinal")
RANK = "u.rowid AS rowid, d.document_id, u.ordinal"   # enough to order; the page is fetched after
LEAN = ("u.rowid AS rowid, d.language, u.kind, d.doc_type, d.status, d.issuer, d.issuer_kind, d.region, "
        "d.year")   # what the facet counts read
FROM = "search_units u JOIN search_docs d ON d.rowid = u.doc_rowid"


class SqliteIndex(SearchIndex):
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        if not self._exists():  # statement by statement: executescript would COMMIT the caller's work
            for stmt in filter(str.strip, SCHEMA.split(";")):
                conn.execute(stmt)

    def _exists(self) -> bool:
        return self.conn.execute(
            "SELECT COUNT(*) FROM sqlite_master WHERE name IN (?,?,?,?)", TABLES).fetchone()[0] == 4

    # writing -----------------------------------------------------------------------------------
    def add(self, docs: list[Document], units_by_doc: dict[str, list[Unit]]) -> None:
        self.remove([d.id for d in docs])
        c = self.conn
        doc_rowid: dict[str, int] = {}
        for row in rows_for(docs, units_by_doc):
            did = row["document_id"]
            if did not in doc_rowid:
                cur = c.execute(
                    "INSERT INTO search_docs (document_id, " + ", ".join(DOC_FIELDS) + ") VALUES (?"
                    + ",?" * len(DOC_FIELDS) + ")", [did] + [row[f] for f in DOC_FIELDS])
                doc_rowid[did] = cur.lastrowid
            cur = c.execute("INSERT INTO search_units (unit_id, doc_rowid, kind, label, ordinal, text) "
                            "VALUES (?,?,?,?,?,?)", (row["unit_id"], doc_rowid[did], row["kind"],
                                                     row["label"], row["ordinal"], row["text"]))
            rid = cur.lastrowid
            c.execute("INSERT INTO search_fts (rowid, terms, lang) VALUES (?,?,?)",
                      (rid, row["terms"], row["language"]))
            if row["competency"]:
                c.executemany("INSERT OR IGNORE INTO search_unit_competency (value, unit_rowid) VALUES (?,?)",
                              [(v, rid) for v in row["competency"]])

    def remove(self, document_ids: list[str]) -> None:
        c = self.conn
        for did in document_ids:
            r = c.execute("SELECT rowid FROM search_docs WHERE document_id = ?", (did,)).fetchone()
            if not r:
                continue
            sub = "SELECT rowid FROM search_units WHERE doc_rowid = ?"
            c.execute(f"DELETE FROM search_fts WHERE rowid IN ({sub})", (r[0],))
            c.execute(f"DELETE FROM search_unit_competency WHERE unit_rowid IN ({sub})", (r[0],))
            c.execute("DELETE FROM search_units WHERE doc_rowid = ?", (r[0],))
            c.execute("DELETE FROM search_docs WHERE rowid = ?", (r[0],))

    def clear(self) -> None:
        for t in TABLES:
            self.conn.execute(f"DELETE FROM {t}")

    def count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM search_units").fetchone()[0]

    # searching ---------------------------------------------------------------------------------
    def _filters(self, filters: dict[str, list[str]]) -> tuple[list[str], list]:
        where, params = [], []
        for name, values in filters.items():
            facet = FACETS[name]
            if facet.multi:
                sql, p = facet.sql_where(values)
            else:
                sql, p = f"{COLUMNS[name]} IN ({','.join('?' * len(values))})", list(values)
            where.append(sql)
            params += p
        return where, params

    def _matches(self, pl, filters, select: str = SELECT) -> tuple[str, list, bool]:
        """SQL selecting matching rows with a ``score`` column; one SELECT per branch."""
        fwhere, fparams = self._filters(filters)
        if pl.browse:
            where = " AND ".join(fwhere) or "1"
            return f"SELECT {select}, 0.0 AS score FROM {FROM} WHERE {where}", fparams, True
        parts, params = [], []
        for langs, node in branches(pl):
            expr = qc.fts(node, langs[0]) if len(langs) == 1 else _multi_lang(node, langs)
            where = ["search_fts MATCH ?", f"d.language IN ({','.join('?' * len(langs))})"] + fwhere
            score = "0.0" if select is LEAN else "-bm25(search_fts, 1.0, 0.0)"
            parts.append(f"SELECT {select}, {score} AS score FROM search_fts f CROSS "
                         f"JOIN search_units u ON u.rowid = f.rowid CROSS JOIN search_docs d ON d.rowid = u.doc_rowid "
                         f"WHERE {' AND '.join(where)}")
            params += [expr, *langs, *fparams]
        return " UNION ALL ".join(parts), params, False

    def search(self, req: SearchRequest) -> dict:
        t0 = time.perf_counter()
        filters = with_lang(validate_filters(req.filters), req.lang)
        pl = make_plan(req.query or "", req.lang)
        if pl.empty or (not pl.browse and not branches(pl)):
            return result(req.query, 0, (time.perf_counter() - t0) * 1000, [], empty_facets())
        sql, params, browse = self._matches(pl, filters, RANK)
        order = "document_id, ordinal" if browse else "score DESC, document_id, ordinal"
        limit, offset = max(0, int(req.limit)), max(0, int(req.offset))
        try:
            page = self.conn.execute(f"SELECT rowid, score FROM ({sql}) ORDER BY {order} LIMIT ? OFFSET ?",
                                     params + [limit, offset]).fetchall()
            facets = self._facets(*self._matches(pl, filters, LEAN)[:2])
        except sqlite3.OperationalError as e:  # an FTS5 syntax problem would be our bug, say so
            raise RuntimeError(f"FTS5 rejected the compiled query: {e}") from e
        rows = {}
        if page:
            marks = ",".join("?" * len(page))
            cur = self.conn.execute(f"SELECT {SELECT} FROM {FROM} WHERE u.rowid IN ({marks})",
                                    [r[0] for r in page])
            cols = [c[0] for c in cur.description]
            rows = {r[0]: dict(zip(cols, r)) for r in cur}
        hits = [make_hit(rows[rid], score, pl) for rid, score in page]
        total = sum(facets["language"].values())
        return result(req.query, total, (time.perf_counter() - t0) * 1000, hits, facets)

    def _facets(self, sql: str, params: list) -> dict:
        selects = [FACETS[n].sql_counts() for n in FACETS]
        q = f"WITH m AS MATERIALIZED ({sql}) " + " UNION ALL ".join(selects)
        pairs: dict[str, list] = {n: [] for n in FACETS}
        for name, value, n in self.conn.execute(q, params):
            pairs[name].append((value, n))
        return {name: order_counts(pairs[name], FACETS[name].size) for name in FACETS}


def _multi_lang(node, langs) -> str:
    """One MATCH for several languages that share an AST; a lone NOT needs all of them."""
    expr = qc.fts(node, langs[0])
    if f'lang : "{langs[0]}"' in expr:
        alls = "(" + " OR ".join(f'lang : "{l}"' for l in langs) + ")"
        expr = expr.replace(f'lang : "{langs[0]}"', alls)
    return expr
