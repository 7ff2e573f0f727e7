"""What reference resolution needs to know about the corpus, answered from the store.

``nlp.resolve`` asks a catalog for the act a citation names (by date and number, by title, or —
for national acts — by short name and number key) and for the units of a document; during an
ingest and in ``corpus.converge`` this catalog answers from the corpus file, caching units.
"""
from __future__ import annotations

from typing import Optional

from maslihat.core.model import Unit
from maslihat.corpus.store import NATIONAL_TYPES, Store  # noqa: F401  (NATIONAL_TYPES: re-exported)
# written out, not bound: the documents_national index (corpus/schema.py) holds these rows only, and
# SQLite uses a partial index only for a query whose WHERE holds the very same term
from maslihat.corpus.store import NATIONAL_SQL as NATIONAL_IN


NATIONAL_ROWS = ("SELECT id, language, doc_type, title, adopted_date, number FROM documents "
                 f"WHERE is_latest=1 AND doc_type IN {NATIONAL_IN}")


def national_acts(store: Store) -> list:
    """The latest national acts of the store, light (no text): what citations by name can resolve to."""
    return [_act(r) for r in store.conn.execute(NATIONAL_ROWS)]


class NationalActs:
    """``national_acts`` of a store, shared by the catalogs of one ingest (one per file stored):
    read again only after a write that may have changed them (``Store.national_writes``) or a
    commit of another connection (``PRAGMA data_version``); and the acts each distinct citation by
    name resolves to, kept with the acts they were scored against and brought up to date with the
    acts that came and went since (issue 14: every file read the national acts and scored its
    citations by name against each of them, which grew with the corpus)."""

    MEMO = 8192       # distinct citations by name remembered (forgotten all at once beyond): 6,600 at
                      # 10,000 generated files; at 65,536 the memo took tens of MB of the parent at 100,000
    CHANGES = 4096    # changes of the national acts kept for bringing them up to date (likewise)

    def __init__(self, store: Store):
        self.store = store
        self._rows: Optional[list] = None
        self._seen: Optional[tuple] = None     # (national_writes, data_version) the rows were read at
        self._acts: list = []
        # each change of the rows: (ids of the rows gone, acts of the rows come); a citation's entry
        # holds its hits ((score, id), score >= 3) as of ``len(self._changes)`` at its scoring
        self._changes: list[tuple[frozenset, list]] = []
        self._named: dict = {}

    def current(self) -> list:
        seen = (self.store.national_writes, self.store.conn.execute("PRAGMA data_version").fetchone()[0])
        if seen == self._seen:
            return self._acts
        rows = self.store.conn.execute(NATIONAL_ROWS).fetchall()
        if rows != self._rows:
            before = set(self._rows or ())
            acts = {r: a for r, a in zip(self._rows or (), self._acts)}
            now = set(rows)
            self._acts = [acts.get(r) or _act(r) for r in rows]
            if len(self._changes) >= self.CHANGES:
                self._changes, self._named = [], {}
            self._changes.append((frozenset(r[0] for r in before - now),
                                  [a for r, a in zip(rows, self._acts) if r not in before]))
            self._rows = rows
        self._seen = seen
        return self._acts

    def by_name(self, target: dict, acts: list) -> Optional[list[str]]:
        """``StoreCatalog._by_name`` over ``acts`` from the kept scoring, or None when ``acts`` are
        no longer current or the citation cannot be kept (then it is scored in full)."""
        from maslihat.nlp import act_match
        if acts is not self._acts:
            return None
        try:
            key = tuple(sorted((k, type(v).__name__, v) for k, v in target.items()))
            hash(key)
        except TypeError:
            return None
        got = self._named.get(key)
        if got is None:
            hits = [(sc, d.id) for d in acts if (sc := act_match.score(target, d)) >= 3]
        else:
            at, hits = got
            for gone, come in self._changes[at:]:
                hits = [h for h in hits if h[1] not in gone]
                hits += [(sc, d.id) for d in come if (sc := act_match.score(target, d)) >= 3]
        hits.sort(key=lambda x: (-x[0], x[1]))
        if len(self._named) >= self.MEMO:
            self._named.clear()
        self._named[key] = (len(self._changes), hits)
        return [i for _sc, i in hits]


def _act(r: tuple):
    from types import SimpleNamespace
    return SimpleNamespace(id=r[0], language=r[1], doc_type=r[2], title=r[3], adopted_date=r[4], number=r[5])


class StoreCatalog:
    """What reference resolution needs to know about the corpus, backed by the store.

    ``national``: the national acts as an ingest keeps them across its files (``NationalActs``)."""

    def __init__(self, store: Store, national: Optional[NationalActs] = None,
                 stored_units: Optional[dict[str, list[Unit]]] = None,
                 stored_index: Optional[dict] = None):
        self.store = store
        self._units: dict[str, list[Unit]] = {}
        # cited documents' units as read from the store, kept by the caller across catalogs while
        # it knows them unchanged (``IngestRun``: across the files of one run)
        self._stored_units = stored_units
        # their ``nlp.resolve.UnitIndex``, kept likewise (an index is used only for the very list
        # of units it was built on)
        self._index: dict = stored_index if stored_index is not None else {}
        self._acts: Optional[list] = None
        self._national = national

    def find_act(self, target: dict, language: str, citing=None) -> Optional[str]:
        """The cited act's document in ``language`` (else another language). A citation by date and
        number names no body: where two bodies' acts fit («решением маслихата от 25 декабря 2020 года
        № 60-1», two district maslikhats), the act of the citing act's issuer, else of its region."""
        from maslihat.nlp import act_match
        ids: list[str] = []
        if target.get("date") or target.get("number"):
            ids = self.store.find_documents(target.get("date"), target.get("number"))
            if ids and not target.get("number"):
                ids = self._fitting(ids, target)  # a date alone: only an act of the cited kind and title
        if not ids and target.get("title"):
            ids = self.store.find_by_title(target["title"].strip(' "«»'))
        if not ids and (target.get("title") or target.get("code_name") or target.get("number")
                        or act_match.sole_act(target)):
            ids = self._by_name(target)          # laws and codes: short names, titles with(out) «РК»; the Constitution
        if not ids:
            return None
        same = [i for i in ids if i.rsplit("/", 1)[-1].split("@")[0] == language]
        pool = same or ids
        if citing is not None and len(pool) > 1:
            pool = self._nearest(pool, citing)
        return pool[0]

    def _nearest(self, ids: list[str], citing) -> list[str]:
        """``ids`` with the acts of the citing act's issuer first, then of its region (stable)."""
        marks = ",".join("?" * len(ids))
        rows = {r[0]: r[1:] for r in self.store.conn.execute(
            f"SELECT id, act_id, json_extract(data, '$.issuer_id'), json_extract(data, '$.region_id') "
            f"FROM documents WHERE id IN ({marks})", ids)}
        if len({rows.get(i, (i,))[0] for i in ids}) < 2:
            return ids
        issuer, region = getattr(citing, "issuer_id", None), getattr(citing, "region_id", None)

        def rank(i: str) -> tuple:
            _act, iss, reg = rows.get(i, (None, None, None))
            return (not (issuer and iss == issuer), not (region and reg == region))
        return sorted(ids, key=rank)

    def _fitting(self, ids: list[str], target: dict) -> list[str]:
        """Of the acts of one date, those the citation's kind and title fit (``nlp.act_match``)."""
        from types import SimpleNamespace

        from maslihat.nlp import act_match
        marks = ",".join("?" * len(ids))
        rows = self.store.conn.execute(
            f"SELECT id, language, doc_type, title, adopted_date, number FROM documents WHERE id IN ({marks})", ids)
        docs = [SimpleNamespace(id=r[0], language=r[1], doc_type=r[2], title=r[3], adopted_date=r[4], number=r[5])
                for r in rows]
        return [d.id for d in docs if act_match.score(target, d) >= 1]

    def _by_name(self, target: dict) -> list[str]:
        """National acts the citation names by title, short name or number (``nlp.act_match``)."""
        from maslihat.nlp import act_match
        if self._acts is None:
            self._acts = self._national.current() if self._national is not None else national_acts(self.store)
        if self._national is not None:
            kept = self._national.by_name(target, self._acts)
            if kept is not None:
                return kept
        scored = sorted(((act_match.score(target, d), d.id) for d in self._acts), key=lambda x: (-x[0], x[1]))
        return [i for sc, i in scored if sc >= 3]

    def units_of(self, doc_id: str) -> list[Unit]:
        if doc_id not in self._units:
            kept = self._stored_units
            got = kept.get(doc_id) if kept is not None else None
            if got is None:
                got = self.store.units(doc_id)
                if kept is not None:
                    kept[doc_id] = got
            self._units[doc_id] = got
        return self._units[doc_id]

    def unit_index(self, doc_id: str):
        """``nlp.resolve.UnitIndex`` of ``units_of(doc_id)`` (its ``units``), built once."""
        from maslihat.nlp.resolve import UnitIndex
        units = self.units_of(doc_id)
        ix = self._index.get(doc_id)
        if ix is None or ix.units is not units:
            ix = self._index[doc_id] = UnitIndex(units)
        return ix

    def add(self, doc_id: str, units: list[Unit]) -> None:
        self._units[doc_id] = units
