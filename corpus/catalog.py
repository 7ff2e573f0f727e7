"""What reference resolution needs to know about the corpus, answered from the store.

``nlp.resolve`` asks a catalog for the act a citation names (by date and number, by title, or —
for national acts — by short name and number key) and for the units of a document; during an
ingest and in ``corpus.converge`` this catalog answers from the corpus file, caching units.
"""
from __future__ import annotations

import json
from typing import Optional

from maslihat.core.model import Unit
from maslihat.corpus.store import NATIONAL_TYPES, Store  # noqa: F401  (NATIONAL_TYPES: re-exported)


def national_acts(store: Store) -> list:
    """The latest national acts of the store, light (no text): what citations by name can resolve to."""
    from types import SimpleNamespace
    marks = ",".join("?" * len(NATIONAL_TYPES))
    return [SimpleNamespace(id=r[0], language=r[1], doc_type=r[2], title=r[3], adopted_date=r[4], number=r[5])
            for r in store.conn.execute(
                f"SELECT id, language, doc_type, title, adopted_date, number FROM documents "
                f"WHERE is_latest=1 AND doc_type IN ({marks})", NATIONAL_TYPES)]


class NationalActs:
    """``national_acts`` of a store, shared by the catalogs of one ingest (one per file stored):
    read again only after a write that may have changed them (``Store.national_writes``) or a
    commit of another connection (``PRAGMA data_version``), and turned into acts only when the
    rows changed; the acts a citation by name resolves to are kept per distinct citation while
    they stay the same (issue 14: every file read the national acts and scored its citations by
    name against each of them, which grew with the corpus)."""

    MEMO = 65536      # distinct citations by name remembered (forgotten all at once beyond)

    def __init__(self, store: Store):
        self.store = store
        self._rows: Optional[list] = None
        self._seen: Optional[tuple] = None     # (national_writes, data_version) the rows were read at
        self._acts: list = []
        self._named: dict[str, list[str]] = {}

    def current(self) -> list:
        from types import SimpleNamespace
        seen = (self.store.national_writes, self.store.conn.execute("PRAGMA data_version").fetchone()[0])
        if seen == self._seen:
            return self._acts
        marks = ",".join("?" * len(NATIONAL_TYPES))
        rows = self.store.conn.execute(
            f"SELECT id, language, doc_type, title, adopted_date, number FROM documents "
            f"WHERE is_latest=1 AND doc_type IN ({marks})", NATIONAL_TYPES).fetchall()
        if rows != self._rows:
            self._rows = rows
            self._acts = [SimpleNamespace(id=r[0], language=r[1], doc_type=r[2], title=r[3], adopted_date=r[4],
                                          number=r[5]) for r in rows]
            self._named = {}
        self._seen = seen
        return self._acts

    def named(self, acts: list) -> Optional[dict[str, list[str]]]:
        """The citations already scored against ``acts`` (None when ``acts`` is no longer current)."""
        if acts is not self._acts:
            return None
        if len(self._named) >= self.MEMO:
            self._named.clear()
        return self._named


class StoreCatalog:
    """What reference resolution needs to know about the corpus, backed by the store.

    ``national``: the national acts as an ingest keeps them across its files (``NationalActs``)."""

    def __init__(self, store: Store, national: Optional[NationalActs] = None):
        self.store = store
        self._units: dict[str, list[Unit]] = {}
        self._acts: Optional[list] = None
        self._national = national

    def find_act(self, target: dict, language: str) -> Optional[str]:
        ids: list[str] = []
        if target.get("date") or target.get("number"):
            ids = self.store.find_documents(target.get("date"), target.get("number"))
            if ids and not target.get("number"):
                ids = self._fitting(ids, target)  # a date alone: only an act of the cited kind and title
        if not ids and target.get("title"):
            ids = self.store.find_by_title(target["title"].strip(' "«»'))
        if not ids and (target.get("title") or target.get("code_name") or target.get("number")):
            ids = self._by_name(target)          # laws and codes: short names, titles with(out) «РК»
        if not ids:
            return None
        same = [i for i in ids if i.rsplit("/", 1)[-1].split("@")[0] == language]
        return (same or ids)[0]

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
        memo = self._national.named(self._acts) if self._national is not None else None
        key = ""
        if memo is not None:
            try:
                key = json.dumps(target, sort_keys=True, ensure_ascii=False)
            except (TypeError, ValueError):
                memo = None
        if memo is not None and key in memo:
            return list(memo[key])
        scored = sorted(((act_match.score(target, d), d.id) for d in self._acts), key=lambda x: (-x[0], x[1]))
        out = [i for sc, i in scored if sc >= 3]
        if memo is not None:
            memo[key] = list(out)
        return out

    def units_of(self, doc_id: str) -> list[Unit]:
        if doc_id not in self._units:
            self._units[doc_id] = self.store.units(doc_id)
        return self._units[doc_id]

    def add(self, doc_id: str, units: list[Unit]) -> None:
        self._units[doc_id] = units
