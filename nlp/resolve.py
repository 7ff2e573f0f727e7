"""Attach references to what they cite: ``resolved_document_id`` / ``resolved_unit_id``.

Internal references resolve inside the same document; external ones through a *catalog*, any
object with ``find_act(target, language) -> document id | None`` and ``units_of(document_id)``.
``Catalog`` below is the in-memory version (tests, scripts); the lead backs it by the store.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

from maslihat.core.model import Document, Reference, Unit
from maslihat.nlp import act_match
from maslihat.nlp.references import act_key

_REGULATION_WORDS = re.compile(r"регламент|правил|положени|қағида|ереже", re.I)


_NUM_TAIL = re.compile(r"[\s.)]+$")


@lru_cache(maxsize=8192)
def _norm_num(s: Optional[str]) -> str:
    return _NUM_TAIL.sub("", (s or "").strip()).replace(" ", "").lower()


class UnitIndex:
    """A document's units by kind and number, built once for all the references into it: a code of
    800 articles has ~20,000 units and thousands of references (looking each up by a pass over
    every unit made resolving quadratic in the act's size)."""

    def __init__(self, units: list[Unit]):
        self.units = units
        self.by_id = {u.id: u for u in units}
        self.has_articles = any(u.kind == "article" for u in units)
        self.by_key: dict[tuple[str, str], list[Unit]] = {}
        for u in units:
            if u.kind in ("article", "point", "subpoint", "chapter", "appendix"):
                self.by_key.setdefault((u.kind, _norm_num(u.number)), []).append(u)

    def ancestors(self, u: Unit):
        p = self.by_id.get(u.parent_id)
        while p is not None:
            yield p
            p = self.by_id.get(p.parent_id)


def find_unit(units: list[Unit], target: dict, prefer_appendix: Optional[bool] = None,
              index: Optional[UnitIndex] = None) -> Optional[Unit]:
    """``_find_unit``, inside the appendix the target names («приложение 1 к указанному решению»,
    «көрсетілген шешімнің 1-қосымшасының 2-тармағы»): the appendix itself when it names nothing else in it."""
    app = _norm_num(target.get("appendix"))
    if not app:
        return _find_unit(units, target, prefer_appendix, index)
    ix = index if index is not None else UnitIndex(units)
    apps = list(ix.by_key.get(("appendix", app), ()))
    if not apps:
        return None
    inner = {k: v for k, v in target.items() if k != "appendix"}
    if not any(inner.get(k) for k in ("article", "point", "subpoint", "chapter")):
        return apps[0]
    inside = [u for u in units if any(a.start <= u.start < a.end for a in apps[:1]) and u not in apps]
    return _find_unit(inside, inner, None, UnitIndex(inside) if inside else None) if inside else None


def _find_unit(units: list[Unit], target: dict, prefer_appendix: Optional[bool] = None,
               index: Optional[UnitIndex] = None) -> Optional[Unit]:
    """The smallest unit matching the article/point/subpoint chain of ``target`` (a chapter, «главой 3»,
    when the target names only the chapter). ``index``: the same units' ``UnitIndex``, when the caller
    looks up many targets in one document."""
    art, pt, sub = (_norm_num(target.get(k)) for k in ("article", "point", "subpoint"))
    if not (art or pt or sub):
        ch = _norm_num(target.get("chapter"))
        if not ch:
            return None
        ix = index if index is not None else UnitIndex(units)
        cands = list(ix.by_key.get(("chapter", ch), ()))
        if prefer_appendix is not None:
            cands = [u for u in cands if (u.part > 0) == prefer_appendix] or cands
        return cands[0] if cands else None
    ix = index if index is not None else UnitIndex(units)
    cands = []
    if sub:
        for u in ix.by_key.get(("subpoint", sub), ()):
            anc = list(ix.ancestors(u))
            if pt and not any(a.kind == "point" and _norm_num(a.number) == pt for a in anc):
                continue
            if art and not any(a.kind == "article" and _norm_num(a.number) == art for a in anc):
                continue
            cands.append(u)
    elif pt:
        for u in ix.by_key.get(("point", pt), ()):
            if art and ix.has_articles and \
                    not any(a.kind == "article" and _norm_num(a.number) == art for a in ix.ancestors(u)):
                continue
            cands.append(u)
    else:
        cands = list(ix.by_key.get(("article", art), ()))
    if not cands:
        return None
    if prefer_appendix is not None:
        pref = [u for u in cands if (u.part > 0) == prefer_appendix]
        if pref:
            return pref[0]
    return cands[0]


def nth_part(units: list[Unit], owner: Unit, n: str) -> Optional[Unit]:
    """`части второй настоящей статьи`: the n-th unnumbered paragraph (part) of ``owner``."""
    parts = [u for u in units if u.parent_id == owner.id and u.kind == "part"]
    try:
        k = int(n)
    except ValueError:
        return None
    return parts[k - 1] if 0 < k <= len(parts) else None


def indent_of(units: list[Unit], owner: Unit, n: str, text: Optional[str] = None) -> Optional[Unit]:
    """Paragraph (абзац) ``n`` of a point or subpoint (`абзацем третьим пункта 4`, `4-тармағының үшінші
    абзацы`): the first paragraph is the one opening with the point's number, so where that line holds
    words of its own («4. Решение принимается:») paragraph n is the point's (n-1)-th part and paragraph 1
    the point itself; with ``text`` unknown, or a number alone on its line, paragraph n is part n."""
    parts = [u for u in units if u.parent_id == owner.id and u.kind == "part"]
    try:
        k = int(n)
    except ValueError:
        return None
    if not parts:
        return None
    if text is not None and re.search(r"\w", re.sub(r"^\s*[\d\-–.)]+", "", text[owner.start:parts[0].start])):
        return owner if k == 1 else (parts[k - 2] if 1 < k <= len(parts) + 1 else None)
    return parts[k - 1] if 0 < k <= len(parts) else None


def part_of(units: list[Unit], owner: Unit, n: str) -> Optional[Unit]:
    """Part ``n`` of an article (`частью второй статьи 64`, `64-бабының екінші бөлігі`): a code numbers
    its article's parts «1.», «2.» (read as points), else the n-th unnumbered paragraph."""
    if owner.kind == "article":
        pts = [u for u in units if u.parent_id == owner.id and u.kind == "point"]
        if pts:
            return next((u for u in pts if u.number == n), None)
    return nth_part(units, owner, n)


def resolve(refs: list[Reference], doc: Document, units: list[Unit], catalog=None) -> list[Reference]:
    """Set resolved ids in place (and return the list). Unresolvable references keep None."""
    own = UnitIndex(units)
    cited: dict[str, tuple] = {}          # the acts cited, each indexed once
    for r in refs:
        if r.kind == "internal":
            r.resolved_document_id = doc.id
            # `настоящего регламента` in a decision points into the approved regulation (appendix)
            prefer = True if _REGULATION_WORDS.search(r.surface) else (False if re.search(r"решени|шешім", r.surface)
                                                                          else None)
            u = find_unit(units, r.target, prefer, index=own)
            if u is not None and r.target.get("part"):
                u = part_of(units, u, r.target["part"]) or u
            if u is not None and r.target.get("indent"):
                u = indent_of(units, u, r.target["indent"], doc.text) or u
            r.resolved_unit_id = u.id if u else None
            continue
        if (doc.number and r.target.get("number") and act_match.score(r.target, doc) >= 4) or \
                (doc.doc_type == "constitution" and act_match.score(r.target, doc) >= 4):
            # the act cites itself by its number (`… Закона РК от 06.04.2016 № 480-V (… см. ст. 67)`
            # in its own footnote), or the Constitution itself («настоящая Конституция»): its own
            # provision, in its own language
            r.resolved_document_id = doc.id
            u = find_unit(units, r.target, index=own)
            if u is not None and r.target.get("part"):
                u = part_of(units, u, r.target["part"]) or u
            if u is not None and r.target.get("indent"):
                u = indent_of(units, u, r.target["indent"], doc.text) or u
            r.resolved_unit_id = u.id if u else None
            continue
        if catalog is None:
            continue
        try:
            did = catalog.find_act(r.target, doc.language, citing=doc)
        except TypeError:           # a catalog that does not weigh the citing act
            did = catalog.find_act(r.target, doc.language)
        except Exception:
            did = None
        if not did:
            continue
        r.resolved_document_id = did
        if did not in cited:
            if hasattr(catalog, "unit_index"):     # kept by the catalog across files (an ingest run)
                ix = catalog.unit_index(did)
                cited[did] = (ix.units, ix)
            else:
                got = list(catalog.units_of(did) or [])
                cited[did] = (got, UnitIndex(got))
        # «пункту 2 Правил предоставления», «Үлгілік қағидалардың 13-тармағы»: the rules an act approves are its
        # appendix (words of a quoted title, «… «Об утверждении Правил …»», do not count)
        prefer = True if _REGULATION_WORDS.search(re.sub(r"[«\"“][^»\"”]*[»\"”]", " ", r.surface)) else None
        u = find_unit(cited[did][0], r.target, prefer, index=cited[did][1])
        if u is not None and r.target.get("part"):
            u = part_of(cited[did][0], u, r.target["part"]) or u
        if u is not None and r.target.get("indent"):
            u = indent_of(cited[did][0], u, r.target["indent"], _text_of(catalog, did)) or u
        r.resolved_unit_id = u.id if u else None
    return refs


def _text_of(catalog, document_id: str) -> Optional[str]:
    """The cited document's text where the catalog keeps it (the in-memory one does), else None."""
    d = getattr(catalog, "docs", {}).get(document_id) if isinstance(getattr(catalog, "docs", None), dict) else None
    return getattr(d, "text", None)


class Catalog:
    """In-memory catalog of documents and their units: find an act by type/date/number or title."""

    def __init__(self, items: Iterable[tuple[Document, list[Unit]]] = ()):
        self.docs: dict[str, Document] = {}
        self.units: dict[str, list[Unit]] = {}
        for d, us in items:
            self.add(d, us)

    def add(self, doc: Document, units: list[Unit]) -> None:
        self.docs[doc.id] = doc
        self.units[doc.id] = list(units)

    @staticmethod
    def _num(s: Optional[str]) -> str:
        t = (s or "").lower().translate(str.maketrans("aceopxykmhtbi", "асеорхукмнтві"))
        return re.sub(r"[\s\-–№.]+", "", t)

    @staticmethod
    def _title(s: Optional[str]) -> str:
        return re.sub(r"\W+", " ", (s or "").lower()).strip()

    def find_act(self, target: dict, language: str, citing=None) -> Optional[str]:
        """Document id of the cited act in ``language`` (else any language), or None."""
        key = act_key(target)
        best: list[tuple[int, str]] = []
        for d in self.docs.values():
            score = act_match.score(target, d)
            if key and key == d.extra.get("act_key"):
                score += 3
            if score >= 3:
                best.append((score * 2 + (1 if d.language == language else 0), d.id))
        if not best:
            return None
        best.sort(key=lambda x: (-x[0], x[1]))
        return best[0][1]

    def units_of(self, document_id: str) -> list[Unit]:
        return self.units.get(document_id, [])
