"""What reference resolution needs to know about the corpus, answered from the store.

``nlp.resolve`` asks a catalog for the act a citation names (by date and number, by title, or —
for national acts — by short name and number key) and for the units of a document; during an
ingest and in ``corpus.converge`` this catalog answers from the corpus file, caching units.
"""
from __future__ import annotations

from typing import Optional

from maslihat.core.model import Unit
from maslihat.corpus.store import Store


NATIONAL_TYPES = ("law", "code", "constitution", "decree")
# written out, not bound: the documents_national index (corpus/schema.py) holds these rows only, and
# SQLite uses a partial index only for a query whose WHERE holds the very same term
NATIONAL_IN = "(" + ", ".join(f"'{t}'" for t in NATIONAL_TYPES) + ")"


def national_acts(store: Store) -> list:
    """The latest national acts of the store, light (no text): what citations by name can resolve to."""
    from types import SimpleNamespace
    return [SimpleNamespace(id=r[0], language=r[1], doc_type=r[2], title=r[3], adopted_date=r[4], number=r[5])
            for r in store.conn.execute(
                "SELECT id, language, doc_type, title, adopted_date, number FROM documents "
                f"WHERE is_latest=1 AND doc_type IN {NATIONAL_IN}")]


class StoreCatalog:
    """What reference resolution needs to know about the corpus, backed by the store."""

    def __init__(self, store: Store):
        self.store = store
        self._units: dict[str, list[Unit]] = {}
        self._acts: Optional[list] = None

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
            self._acts = national_acts(self.store)
        scored = sorted(((act_match.score(target, d), d.id) for d in self._acts), key=lambda x: (-x[0], x[1]))
        return [i for sc, i in scored if sc >= 3]

    def units_of(self, doc_id: str) -> list[Unit]:
        if doc_id not in self._units:
            self._units[doc_id] = self.store.units(doc_id)
        return self._units[doc_id]

    def add(self, doc_id: str, units: list[Unit]) -> None:
        self._units[doc_id] = units
