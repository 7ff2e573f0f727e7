"""The embedded back end: FTS5 tables inside the corpus SQLite file, searched through numpy.

``search_docs`` (one row per document: the facet fields, its units' index terms), ``search_units``
(one row per indexed unit: where its own wording lies in the document's text, for snippets, and
the number of its index terms), ``search_unit_competency`` (the multi-valued facet), ``search_fts`` (FTS5 over
the normalised terms, contentless, plus a one-token ``lang`` column that lets a lone NOT mean "all
units of this language except") and ``search_meta`` (the generation token that tells readers the
index changed). ``add``/``remove`` never commit: the store wraps a document's rows and its index
rows in one transaction. How texts and terms are kept once: ``unit_store``.

Searching reads no joins: ``columnar.Snapshot`` holds the facet codes of every unit in arrays
indexed by FTS rowid, ``ranking.Ranker`` matches and scores the query over term postings read
from the FTS5 index; only the page's rows are fetched with SQL. See docs/search.md,
"Embedded back end: how it stays fast".
"""
from __future__ import annotations

import sqlite3
import threading
import time
import zlib
from typing import Mapping, Optional

import numpy as np

from maslihat.corpus.index.base import SearchIndex, SearchRequest
from maslihat.corpus.index import snapfile
from maslihat.corpus.index.columnar import Snapshot
from maslihat.corpus.index.postfile import DiskPostings, recent_keys
from maslihat.corpus.index.common import (begin, collapse_parallels, collapses_parallels, branches, make_hit, mark_carried, mark_copies, merge_window, rescore,
                                          result, second_opinion, second_opinion_applies, via_parallel)
from maslihat.corpus.index.surface import WINDOW as SECOND_WINDOW, prefixes
from maslihat.corpus.index.facets import FACETS
from maslihat.corpus.index.ranking import VOCAB, Ranker, TermCache, top

VOCAB_TERMS = "search_fts_vocab_c"    # temp table, per connection: the terms themselves (suggestions)
from maslihat.corpus.index.rows import rows_spans_for
from maslihat.corpus.index.unit_store import (BUMP, UNITS_COLUMNS, UNITS_INDEX, Texts, contentless,
                                               doc_unit_terms, pack, spans_code, utf8_offsets)
from maslihat.corpus.index.scoring import (COPY_SCAN, KIND_PRIOR, SHORT, STATUS_PRIOR, candidates, copy_entry,
                                           copy_of, diversify, spread_copies)
from maslihat.corpus.store import rows_in
from maslihat.core.model import Document, Unit
from maslihat.core.taxonomy import DOCUMENT_FACETS
from maslihat.nlp.diff import act_of

DOC_FIELDS = DOCUMENT_FACETS + ("title", "adopted_date")
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS search_docs (
  rowid INTEGER PRIMARY KEY, document_id TEXT NOT NULL UNIQUE, {", ".join(f + " TEXT" for f in DOC_FIELDS)},
  unit_terms BLOB);
CREATE TABLE IF NOT EXISTS search_units {UNITS_COLUMNS};
{UNITS_INDEX};
CREATE TABLE IF NOT EXISTS search_unit_competency (
  value TEXT NOT NULL, unit_rowid INTEGER NOT NULL, PRIMARY KEY (value, unit_rowid)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS search_unit_competency_unit ON search_unit_competency(unit_rowid);
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
  terms, lang, content='', tokenize = "unicode61 remove_diacritics 0 tokenchars '-_'");
CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT)
"""
TABLES = ("search_fts", "search_unit_competency", "search_units", "search_docs", "search_meta")
SELECT = ("u.rowid AS rowid, u.unit_id, d.document_id, u.label, d.title, d.language, u.text, u.kind, "
          "d.doc_type, d.adopted_date, d.status, d.issuer, d.issuer_kind, d.region, d.year, u.ordinal, {spans}")
FROM = "search_units u JOIN search_docs d ON d.rowid = u.doc_rowid"


def prior_key() -> str:
    """The factors the prior is made of: a snapshot kept on disk by an earlier version (other
    factors) must not lend its prior to this one."""
    return repr((sorted(KIND_PRIOR.items()), sorted(SHORT), sorted(STATUS_PRIOR.items())))


def prior(snap: Snapshot) -> np.ndarray:
    """Per rowid: the provision prior of ``scoring`` (kind, length, the act's status); cached on
    the snapshot, which is rebuilt whenever the index changes, and computed again when the
    snapshot was kept by a maslihat whose ``scoring`` factors differ (``prior_key``)."""
    p = getattr(snap, "_prior", None)
    key = prior_key()
    if p is None or getattr(snap, "_prior_key", None) != key:
        p = np.ones(snap.size)
        for k, f in KIND_PRIOR.items():
            if k in snap.kind_vocab:
                p[snap.kind == snap.kind_vocab.index(k)] *= f
        n = snap.dl - 1
        short = np.ones(snap.size)
        for limit, f in sorted(SHORT, reverse=True):
            short[n < limit] = f
        p *= short
        vocab = snap.doc_vocab["status"]
        codes = snap.doc_codes["status"]
        for st, f in STATUS_PRIOR.items():
            if st in vocab:
                bad = np.zeros(snap.size, dtype=bool)
                ok = snap.doc >= 0
                bad[ok] = codes[snap.doc[ok]] == vocab.index(st)
                p[bad] *= f
        snap._prior = p
        snap._prior_key = key
    return p


def _adopt_prior(snap: Snapshot, base) -> None:
    """A snapshot kept by a maslihat with other ranking factors: the prior of this version's
    factors, kept beside it by the first process that computed it, so that no later process
    pays for it again (0.05–0.15 s at 100,000 documents)."""
    key = prior_key()
    if getattr(snap, "_prior_key", None) == key:
        return
    import hashlib
    name = "prior-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    kept = snapfile.load_extra(base, snap.generation, name)
    if kept is not None and kept.shape == (snap.size,):
        snap._prior, snap._prior_key = kept, key
        return
    snapfile.save_extra(base, snap.generation, name, prior(snap))


PACKED_CHARS = 4_000_000   # the most unit-terms text whose compressed form an index remembers (``_packed_terms``)
# zlib level of a document's unit terms (issue 14): 6 takes 0.44 of level 9's CPU on the real texts
# (40 against 91 ms for 1.6 MB of terms) for 1.5% more bytes (0.268 against 0.264 MB)
TERMS_LEVEL = 6
MEMO_SIZE = 200_000        # entries of a ``memo`` (unit rows: ~200 bytes each)
PREFIX_MEMO = 20_000       # units whose word prefixes are kept (``_prefixes_of``)
WARM_KEYS = 64             # postings a writer reads again for the new generation (checkpoint)
WARM_SECONDS = 1.5         # and the time it may spend on them


def tables_present(conn: sqlite3.Connection) -> int:
    """How many of the embedded back end's tables the corpus file has (all, or none before the
    first index write and in a corpus indexed in Elasticsearch)."""
    return conn.execute(f"SELECT COUNT(*) FROM sqlite_master WHERE name IN ({','.join('?' * len(TABLES))})",
                        TABLES).fetchone()[0]


class SqliteIndex(SearchIndex):
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        if not self._exists():  # statement by statement: executescript would COMMIT the caller's work
            cols = {r[1] for r in conn.execute("PRAGMA table_info(search_units)")}
            if cols and "nterms" not in cols:   # indexed before the column existed: FTS5 sizes fill in
                conn.execute("ALTER TABLE search_units ADD COLUMN nterms INTEGER")
            for stmt in filter(str.strip, SCHEMA.split(";")):
                conn.execute(stmt)
            if contentless(conn) and "terms" not in {r[1] for r in conn.execute("PRAGMA table_info(search_units)")}:
                conn.execute("ALTER TABLE search_units ADD COLUMN terms TEXT")   # units kept, FTS5 made anew
        self._spans = "spans" in {r[1] for r in conn.execute("PRAGMA table_info(search_units)")}
        self._contentless = contentless(conn)
        self._doc_terms = None         # search_docs.unit_terms exists (checked when first written)
        self._lock = threading.Lock()
        self._snap: Snapshot | None = None
        self._cache = TermCache()
        self._memos: dict[str, dict] = {}     # ``memo``: dropped with the snapshot
        self._disk: tuple = (None, None)      # (generation, DiskPostings of its snapshot folder)
        self._vocab_ready = False
        self._texts = Texts()
        self._packed: dict[str, bytes] = {}     # a document's joined unit terms -> compressed (``_packed_terms``)
        self._packed_chars = 0
        self._packed_lock = threading.Lock()

    def _exists(self) -> bool:
        return tables_present(self.conn) == len(TABLES)

    # writing -----------------------------------------------------------------------------------
    def add(self, docs: list[Document], units_by_doc: dict[str, list[Unit]],
            terms: Optional[Mapping[str, str]] = None) -> None:
        """``terms``: unit id -> index terms computed beforehand (``corpus.build.Built.terms``)."""
        self.remove([d.id for d in docs])
        c = self.conn
        doc_rowid: dict[str, int] = {}
        comp: list[tuple[str, int]] = []
        units: list[tuple] = []
        fts: list[tuple] = []
        # explicit rowids, as SQLite would assign them one insert at a time (max + 1), so that
        # the rows go in with one executemany per table
        rid = c.execute("SELECT COALESCE(MAX(rowid), 0) FROM search_units").fetchone()[0]
        kept = self._texts_kept(docs)
        offsets: dict[str, np.ndarray] = {}
        for row, spans in rows_spans_for(docs, units_by_doc, terms):
            did = row["document_id"]
            if did not in doc_rowid:
                cur = c.execute(
                    "INSERT INTO search_docs (document_id, " + ", ".join(DOC_FIELDS) + ") VALUES (?"
                    + ",?" * len(DOC_FIELDS) + ")", [did] + [row[f] for f in DOC_FIELDS])
                doc_rowid[did] = cur.lastrowid
            rid += 1
            t = row["terms"]
            code = None
            if did in kept:
                if did not in offsets:
                    offsets[did] = utf8_offsets(kept[did])
                code = spans_code([(int(offsets[did][s]), int(offsets[did][e])) for s, e in spans])
            units.append([rid, row["unit_id"], doc_rowid[did], row["kind"], row["label"], row["ordinal"],
                          None if code is not None else pack(row["text"]), len(t.split()), code,
                          t if self._contentless else None])
            fts.append((rid, t, row["language"]))
            comp += [(v, rid) for v in row["competency"]]
        if units and self._contentless:
            self._keep_terms(units, doc_rowid.values())
        if units:
            if not self._contentless:
                units = [u[:-1] for u in units]
            c.executemany("INSERT INTO search_units (rowid, unit_id, doc_rowid, kind, label, ordinal, text, nterms, "
                          "spans" + (", terms) VALUES (?,?,?,?,?,?,?,?,?,?)" if self._contentless
                                     else ") VALUES (?,?,?,?,?,?,?,?,?)"), units)
            c.executemany("INSERT INTO search_fts (rowid, terms, lang) VALUES (?,?,?)", fts)
        if comp:
            c.executemany("INSERT OR IGNORE INTO search_unit_competency (value, unit_rowid) VALUES (?,?)", comp)
        c.execute(BUMP)

    def _keep_terms(self, units: list[list], doc_rowids) -> None:
        """Issue 14: the terms a contentless FTS5 needs for its deletes, kept once per document
        (``search_docs.unit_terms``: its units' terms in rowid order, one a line, compressed
        together, half the size of compressing each unit's); a document with a line break in
        a unit's terms keeps them per unit (``search_units.terms``), as files written before do."""
        if self._doc_terms is None:
            self._doc_terms = "unit_terms" in {r[1] for r in self.conn.execute("PRAGMA table_info(search_docs)")}
            if not self._doc_terms:
                self.conn.execute("ALTER TABLE search_docs ADD COLUMN unit_terms BLOB")
                self._doc_terms = True
        by_doc: dict[int, list[list]] = {d: [] for d in doc_rowids}
        for u in units:
            by_doc[u[2]].append(u)
        packed = []
        for d, rows in by_doc.items():
            rows.sort(key=lambda u: u[0])
            if not rows or any("\n" in u[9] for u in rows):
                for u in rows:
                    u[9] = pack(u[9])
                continue
            packed.append((self._packed_terms("\n".join(u[9] for u in rows)), d))
            for u in rows:
                u[9] = None
        self.conn.executemany("UPDATE search_docs SET unit_terms = ? WHERE rowid = ?", packed)

    def _packed_terms(self, joined: str) -> bytes:
        """``zlib.compress(joined, TERMS_LEVEL)``, remembered for the documents indexed last (at most
        ``PACKED_CHARS`` of terms): a language partner aligned after it was stored is indexed
        again with the same terms (issue 14: a third of the compressions of an ingest of
        paired files)."""
        z = self._packed.get(joined)
        if z is None:
            z = zlib.compress(joined.encode("utf-8"), TERMS_LEVEL)
            with self._packed_lock:
                while self._packed and self._packed_chars + len(joined) > PACKED_CHARS:
                    old = next(iter(self._packed))
                    del self._packed[old]
                    self._packed_chars -= len(old)
                if len(joined) <= PACKED_CHARS and joined not in self._packed:
                    self._packed[joined] = z
                    self._packed_chars += len(joined)
        return z

    def _texts_kept(self, docs: list[Document]) -> dict[str, str]:
        """{id: text} of the ``docs`` whose text the corpus file holds as it is (``doc_texts``,
        written by the store in the same transaction): their units' rows keep spans, not text. A
        connection without that table (an index of its own) or a document stored otherwise (or
        not at all) keeps its units' text in their rows."""
        if not docs or not self.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'doc_texts'").fetchone():
            return {}
        if not self._spans:             # a table from before spans: the column comes first
            self.conn.execute("ALTER TABLE search_units ADD COLUMN spans TEXT")
            self._spans = True
        want = {d.id: d.text for d in docs}
        ids = list(want)
        got = self.conn.execute(f"SELECT document_id, z FROM doc_texts WHERE document_id IN "
                                f"({','.join('?' * len(ids))})", ids).fetchall()
        return {did: want[did] for did, z in got if zlib.decompress(z).decode("utf-8") == want[did]}

    def remove(self, document_ids: list[str]) -> None:
        c = self.conn
        changed = False
        for did in document_ids:
            r = c.execute("SELECT rowid FROM search_docs WHERE document_id = ?", (did,)).fetchone()
            if not r:
                continue
            sub = "SELECT rowid FROM search_units WHERE doc_rowid = ?"
            if self._contentless:
                self._delete_fts(r[0])
            else:
                c.execute(f"DELETE FROM search_fts WHERE rowid IN ({sub})", (r[0],))
            c.execute(f"DELETE FROM search_unit_competency WHERE unit_rowid IN ({sub})", (r[0],))
            c.execute("DELETE FROM search_units WHERE doc_rowid = ?", (r[0],))
            c.execute("DELETE FROM search_docs WHERE rowid = ?", (r[0],))
            changed = True
        if changed:
            c.execute(BUMP)

    def _delete_fts(self, doc_rowid: int) -> None:
        """The FTS5 rows of one document's units, out of a contentless ``search_fts``: deleted with
        the very terms and language they were indexed with (kept in ``search_units`` and
        ``search_docs``); a row without its terms stops the transaction rather than leave
        postings behind."""
        lang = self.conn.execute("SELECT language FROM search_docs WHERE rowid = ?", (doc_rowid,)).fetchone()[0]
        rows = doc_unit_terms(self.conn, doc_rowid)
        if any(t is None for _, t in rows):
            raise sqlite3.IntegrityError("search_units: a row of a contentless index without its terms")
        self.conn.executemany("INSERT INTO search_fts (search_fts, rowid, terms, lang) VALUES ('delete', ?, ?, ?)",
                              [(rid, t, lang) for rid, t in rows])

    def clear(self) -> None:
        for t in TABLES:
            if t == "search_fts" and self._contentless:
                self.conn.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
            else:
                self.conn.execute(f"DELETE FROM {t}")
        self.conn.execute(BUMP)

    def count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM search_units").fetchone()[0]

    # searching ---------------------------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        """The in-memory arrays, reloaded when another write (any connection) changed the index."""
        row = self.conn.execute("SELECT value FROM search_meta WHERE key = 'generation'").fetchone()
        gen = row[0] if row else None
        snap = self._snap
        if snap is not None and snap.generation == gen:
            return snap
        with self._lock:
            if self._snap is None or self._snap.generation != gen:
                if not self._vocab_ready:
                    self.conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{VOCAB} "
                                      "USING fts5vocab(main, search_fts, 'instance')")
                    self._vocab_ready = True
                self._cache = TermCache()
                self._memos = {}
                # another connection may have added the spans column with this generation's rows
                self._spans = "spans" in {r[1] for r in self.conn.execute("PRAGMA table_info(search_units)")}
                self._contentless = contentless(self.conn)
                # a generation written inside an open transaction may still roll back: not kept
                base = None if self.conn.in_transaction else snapfile.directory(self.conn)
                snap = snapfile.load(Snapshot, base, gen)
                if snap is None:              # first process to need this generation builds and keeps it
                    snap = Snapshot(self.conn, gen)
                    prior(snap)               # kept with it: no process computes it again
                    snapfile.save(snap, base)
                else:
                    _adopt_prior(snap, base)
                kept = base is not None and (base / str(gen) / snapfile.MANIFEST).is_file()
                self._disk = (gen, DiskPostings(base / str(gen) if kept else None))
                self._snap = snap
            return self._snap

    def _disk_for(self, snap: Snapshot) -> Optional[DiskPostings]:
        """The kept postings of ``snap``'s generation (None when another thread moved on)."""
        gen, disk = self._disk
        return disk if gen == snap.generation else None

    def checkpoint(self) -> None:
        """Build and keep the snapshot of the index as it is now (called after an ingest commits),
        so that the next search of any process opens it instead of rebuilding it; and read again
        the postings readers kept for the previous generation (the most recent ``WARM_KEYS``,
        within ``WARM_SECONDS``), so that the first search after a write finds them ready."""
        base = None if self.conn.in_transaction else snapfile.directory(self.conn)
        keys = recent_keys(base, WARM_KEYS)
        snap = self.snapshot()
        disk = self._disk_for(snap)
        if not keys or disk is None or disk.dir is None:
            return
        ranker = Ranker(self.conn, snap, self._cache, disk, keep_all=True)
        deadline = time.perf_counter() + WARM_SECONDS
        for key in keys:
            if time.perf_counter() > deadline:
                break
            try:
                ranker.scored(key)
            except Exception:        # noqa: BLE001  (a key of another version: searches read it anyway)
                continue

    def term_counts(self, terms: list[str]) -> dict[str, int]:
        """Units holding each term: the length of its postings (read once, then cached for the
        search that follows)."""
        snap = self.snapshot()
        ranker = Ranker(self.conn, snap, self._cache, self._disk_for(snap))
        return {t: int(len(ranker.scored(("t", t))[0])) for t in dict.fromkeys(terms) if t}

    def units_with_term(self, term: str, lang: str, n: int) -> list[str]:
        """The best ``n`` units of ``lang`` by the term's BM25 weight (its postings, cached)."""
        snap = self.snapshot()
        ranker = Ranker(self.conn, snap, self._cache, self._disk_for(snap))
        rows, score = ranker.leaf(("t", term), (lang,))
        if not len(rows):
            return []
        top = rows[np.argsort(-score, kind="stable")[:n]]
        got = self._unit_rows(top)
        return [got[int(r)][0] for r in top if int(r) in got]

    def near_terms(self, term: str, n: int = 3) -> list[str]:
        """Index terms spelled like ``term`` (same first two letters), for zero-hit suggestions."""
        from maslihat.corpus.hits import near
        self.snapshot()
        lo = term[:2]
        if not lo:
            return []
        # one row per term and column ('col' vocabulary), not per occurrence: at 100,000 documents
        # the occurrences of a two-letter prefix took 40-110 ms per word of a zero-hit query
        self.conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{VOCAB_TERMS} "
                          "USING fts5vocab(main, search_fts, 'col')")
        vocab = [r[0] for r in self.conn.execute(
            f"SELECT term FROM temp.{VOCAB_TERMS} WHERE term >= ? AND term < ? AND col = 'terms' "
            "LIMIT 20000", (lo, lo + "\U0010ffff"))]
        return near(term, vocab, n)

    def _with_context(self, cand_rows: np.ndarray, cand_score: np.ndarray, pl, cited: tuple = (),
                      own: list | None = None, acts: tuple = ()) -> np.ndarray:
        """``common.rescore`` over the candidate window (their ids and kinds: one look-up)."""
        if not len(cand_rows):
            return cand_score
        got = self._unit_rows(cand_rows)
        uid = [got.get(int(r), ("", ""))[0] for r in cand_rows]
        kind = [got.get(int(r), ("", ""))[1] for r in cand_rows]
        return np.asarray(rescore(self, uid, kind, cand_score.tolist(), pl, cited, own, acts))

    def memo(self, name: str) -> dict:
        """A dict of the current snapshot's generation (``SearchIndex.memo``), emptied when it
        grows past ``MEMO_SIZE`` entries."""
        self.snapshot()
        memos = self._memos
        d = memos.get(name)
        if d is None or len(d) > MEMO_SIZE:
            d = memos[name] = {}
        return d

    def _unit_rows(self, rows) -> dict[int, tuple[str, str]]:
        """{rowid: (unit id, kind)} of these rowids of the current snapshot. The candidates and the
        window of a query are mostly those of earlier queries (the provisions that answer often):
        read once per generation, not for every query (issue 14: 2–3 ms of a warm query)."""
        known = self.memo("unit_rows")
        ids = [int(r) for r in rows]
        known.update((r, (u, kd)) for r, u, kd in rows_in(
            self.conn, "SELECT rowid, unit_id, kind FROM search_units WHERE rowid IN ({ids})",
            [r for r in ids if r not in known]))
        return {r: known[r] for r in ids if r in known}

    def search(self, req: SearchRequest) -> dict:
        t0, filters, pl, nothing = begin(req, self)
        if nothing is not None:
            return nothing
        snap = self.snapshot()
        limit, offset = max(0, int(req.limit)), max(0, int(req.offset))
        carried: dict = {}
        won: set = set()
        copies = None
        if pl.browse:
            rows = snap.browse_order
            if filters:
                rows = rows[snap.keep(rows, filters)]
            page_rows, page_scores = rows[offset:offset + limit], np.zeros(min(limit, max(0, len(rows) - offset)))
        else:
            ranker = Ranker(self.conn, snap, self._cache, self._disk_for(snap))
            need = offset + limit
            n_window = candidates(pl.answer)
            ranker.k = max(need, n_window, req.window or 0) if need or req.window else 0
            ranker.prior = prior(snap)
            ranker.eligible = (lambda r: snap.keep(r, filters)) if filters else None
            parts, todo = [], branches(pl)
            for b, (langs, node) in enumerate(todo):
                parts.append(ranker.evaluate(node, langs))
                if b + 1 < len(todo):
                    ranker.raise_floor(*parts[-1])
            if len(parts) == 1:
                rows, score = parts[0]
            else:
                rows = np.concatenate([p[0] for p in parts])
                score = np.concatenate([p[1] for p in parts])
            if filters:
                ok = snap.keep(rows, filters)
                rows, score = rows[ok], score[ok]
            matched = rows                      # every match: the facets count them all
            scored = np.flatnonzero(score != 0)   # a mask first: twice as fast as on the floats
            if len(scored) * 2 >= len(rows):
                score = score * prior(snap)[rows]
            elif len(scored) >= max(need, n_window, req.window or 0):
                # a pruned ranking that scored enough units for the page and the window: rank only
                # those (what ``top`` would pick from the whole set, without passing over it again)
                rows, score = rows[scored], score[scored] * prior(snap)[rows[scored]]
            else:                               # pruned: the prior only where it was scored
                weighted = np.zeros(len(rows))
                weighted[scored] = score[scored] * prior(snap)[rows[scored]]
                score = weighted
            n_cand = max(need, n_window) if need else 0
            # one ordering serves the candidates and the window: the first n of the best m (m > n)
            # in (score desc, document order) are the best n
            ranked = top(rows, score, snap.pos, 0, max(n_cand, req.window or 0))
            cand_rows = rows[ranked[:n_cand]]
            cand_score = self._with_context(cand_rows, score[ranked[:n_cand]], pl, req.cited,
                                            ranker.concepts_of(cand_rows), req.acts)
            carried = self._carried(req, pl, n_window, filters)
            if carried:
                cand_rows, cand_score, matched, won = self._merge_carried(cand_rows, cand_score, carried, matched)
            order = np.lexsort((snap.pos[cand_rows], -cand_score))
            cand_rows, cand_score = cand_rows[order], cand_score[order]
            n_first = len(cand_rows)
            if collapses_parallels(pl, req, self) and len(cand_rows) > 1:
                got = self._unit_rows(cand_rows)
                vocab = snap.doc_vocab["language"]
                at, score_of, n_first = collapse_parallels([got.get(int(r), ("", ""))[0] for r in cand_rows],
                                                           [vocab[c] for c in snap.ulang[cand_rows]], pl.src,
                                                           self.parallel_of)
                cand_rows, cand_score = cand_rows[at], cand_score[score_of]
            if second_opinion_applies(pl, req) and len(cand_rows) > 1:
                head = cand_rows[:SECOND_WINDOW]
                own = snap.keep(head, {"language": [pl.src]})
                words = self._prefixes_of(head[own])
                second = second_opinion(pl, req, [pl.src if o else "" for o in own.tolist()],
                                        [words.get(int(r), ()) for r in head])
                if second is not None:      # hits in the query's language change places; a place keeps its score
                    cand_rows = np.concatenate([cand_rows[:len(second)][second], cand_rows[len(second):]])
            # the page as shown holds at most PER_DOC hits of one act (``diversify``): after the
            # second opinion, which may otherwise bring more of one act up
            keep = np.asarray(diversify(range(n_first), snap.doc[cand_rows].tolist(), cand_score.tolist())
                              + list(range(n_first, len(cand_rows))), dtype=np.int64)
            ranked_rows, ranked_scores = cand_rows[keep], cand_score[keep]
            # one provision repeated by several acts takes one of the first places (``spread_copies``)
            keys, copy_rows = self._copy_keys(ranked_rows[:min(COPY_SCAN, n_first)])
            copies = copy_of(keys)
            spread = spread_copies(keys, len(ranked_rows), of=copies)
            at = np.asarray(spread, dtype=np.int64)
            ranked_rows, ranked_scores = ranked_rows[at], ranked_scores[at]
            page_rows, page_scores = ranked_rows[offset:need], ranked_scores[offset:need]
        facets = snap.counts(rows if pl.browse else matched)
        window_ids = None
        if req.window:
            picked = rows[:req.window] if pl.browse else rows[ranked[:req.window]]
            if carried:                     # the merged window first, as Elasticsearch orders it
                picked = np.asarray(list(dict.fromkeys([*cand_rows.tolist(), *picked.tolist()]))[:req.window],
                                    dtype=np.int64)
            window_ids = self._window_ids(picked)
        fetched = self._fetch(page_rows)
        hits = [make_hit(fetched[int(rid)], float(s), pl, req.snippets) for rid, s in zip(page_rows, page_scores)]
        if copies is not None:          # each hit names the other acts' hits stating its provision
            mark_copies(hits, offset, copies, spread, lambda k: dict(copy_rows[k]))
        if won:
            mark_carried(hits, {fetched[r]["unit_id"] for r in won if r in fetched}, pl)
        total = sum(facets["language"].values())
        out = result(req.query, total, (time.perf_counter() - t0) * 1000, hits, facets, pl.absent, pl.aligned, pl.absent_words)
        if window_ids is not None:
            out["window_ids"] = window_ids
        return out

    def _fetch(self, rowids) -> dict:
        """{rowid: the hit's row, its text cut from its document} of these rowids."""
        ids = [int(r) for r in rowids]
        if not ids:
            return {}
        spans = "u.spans" if self._spans else "NULL AS spans"
        cur = self.conn.execute(f"SELECT {SELECT.format(spans=spans)} FROM {FROM} "
                                f"WHERE u.rowid IN ({','.join('?' * len(ids))})", ids)
        cols = [c[0] for c in cur.description]
        fetched = {r[0]: dict(zip(cols, r)) for r in cur}
        self._texts.fill(self.conn, list(fetched.values()), self._snap.generation if self._snap else None)
        return fetched

    def _copy_keys(self, rowids) -> tuple[list, list]:
        """(act, language, frozenset of its words' prefixes) of each of these rowids, in order
        (``scoring.copy_of``), and each one's ``scoring.copy_entry`` (what a hit's ``copies`` say of
        it, None when unknown); kept per generation like ``_prefixes_of``."""
        known = self.memo("copy_keys")
        ids = [int(r) for r in rowids if int(r) not in known]
        if ids:
            words = self._prefixes_of(ids)
            for r, d, lang, uid, label, title in self.conn.execute(
                    f"SELECT u.rowid, d.document_id, d.language, u.unit_id, u.label, d.title FROM {FROM} "
                    f"WHERE u.rowid IN ({','.join('?' * len(ids))})", ids):
                known[r] = ((act_of(d), lang, frozenset(words.get(r, ()))), copy_entry(uid, d, label, title))
        got = [known.get(int(r)) for r in rowids]
        return [g and g[0] for g in got], [g and g[1] for g in got]

    def _prefixes_of(self, rowids) -> dict:
        """{rowid: ``surface.prefixes`` of its text} of these rowids; the best hits of a query are
        mostly those of earlier ones, so each is read once per generation (up to
        ``PREFIX_MEMO`` units, a few hundred bytes each)."""
        known = self.memo("prefixes")
        ids = [int(r) for r in rowids if int(r) not in known]
        if ids:
            if len(known) + len(ids) > PREFIX_MEMO:
                known.clear()
            spans = "u.spans" if self._spans else "NULL AS spans"
            rows = [{"rowid": r, "document_id": d, "text": t, "spans": sp} for r, d, t, sp in self.conn.execute(
                f"SELECT u.rowid, d.document_id, u.text, {spans} FROM {FROM} "
                f"WHERE u.rowid IN ({','.join('?' * len(ids))})", ids)]
            self._texts.fill(self.conn, rows, self._snap.generation if self._snap else None)
            known.update((r["rowid"], tuple(prefixes(r["text"]))) for r in rows)
        return {int(r): known[int(r)] for r in rowids if int(r) in known}

    def _carried(self, req: SearchRequest, pl, n: int, filters: dict) -> dict:
        """``common.via_parallel`` as rowids of this snapshot that pass the request's filters."""
        by_id = via_parallel(self, req, pl, n)
        if not by_id:
            return {}
        rowid = self._rowids(list(by_id))
        rows = np.asarray([rowid[u] for u in by_id if u in rowid], dtype=np.int64)
        if len(rows) and filters:
            rows = rows[self.snapshot().keep(rows, filters)]
        score = {rowid[u]: s for u, s in by_id.items() if u in rowid}
        return {int(r): score[int(r)] for r in rows}

    def _rowids(self, unit_ids: list) -> dict:
        """{unit id: rowid} of these units, through the store's units table by (document, ordinal):
        search_units has no index on unit_id (issue 14: the file's size); an index without its
        store (tests) scans."""
        try:
            return dict(rows_in(self.conn, "SELECT u.id, s.rowid FROM units u JOIN search_docs d ON d.document_id = "
                                           "u.document_id JOIN search_units s ON s.doc_rowid = d.rowid AND s.ordinal "
                                           "= u.ordinal WHERE u.id IN ({ids}) AND s.unit_id = u.id", unit_ids))
        except sqlite3.OperationalError:
            return dict(rows_in(self.conn, "SELECT unit_id, rowid FROM search_units WHERE unit_id IN ({ids})", unit_ids))

    @staticmethod
    def _merge_carried(cand_rows: np.ndarray, cand_score: np.ndarray, carried: dict, matched: np.ndarray):
        """``common.merge_window`` on rowids; the carried units join the matched set (facets, total).
        Last: the rowids ranked by their carried score."""
        ids, score, _, won = merge_window(cand_rows.tolist(), cand_score.tolist(), carried)
        new = np.asarray(list(carried), dtype=np.int64)
        if len(matched) and bool(np.all(matched[1:] > matched[:-1])):    # one branch: sorted rowids
            at = np.minimum(np.searchsorted(matched, new), len(matched) - 1)
            new = new[matched[at] != new]
        else:
            new = new[~np.isin(new, matched)]
        return (np.asarray(ids, dtype=np.int64), np.asarray(score, dtype=float),
                np.concatenate([matched, new]) if len(new) else matched, won)

    def _window_ids(self, picked: np.ndarray) -> list[str]:
        """Unit ids of the best hits (``picked``, rowids in rank order): the window's candidates."""
        got = self._unit_rows(picked)
        return [got[int(r)][0] for r in picked if int(r) in got]
