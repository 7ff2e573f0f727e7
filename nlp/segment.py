"""Document text -> structural units (points, chapters, articles, notes, appendices...).

Works on lines, because line structure is the only structure the sources keep reliably:
1. cut the text into lines and merge continuation lines (a wrapped line starts in lower case)
   into *blocks*;
2. give each block a token from the grammar of ``nlp.patterns`` (point, dotted, subpoint...);
3. decide what is ambiguous from context — ``N. Title`` is a chapter heading when it is short
   and does not continue the point sequence, because regulations number points continuously
   under their own numbered headings;
4. build the tree with a stack of open units, then ids, labels and spans.

Coursework and government replies have no numbered provisions: they get their own small
builders (table of contents, headings, paragraphs, bibliography; address, topics, signature).
Never raises on odd text: anything unrecognised becomes a paragraph.
"""
from __future__ import annotations
import re

from maslihat.core.ids import assign_unit_ids
from maslihat.core.model import Document, Unit
from maslihat.nlp import patterns as P
from maslihat.nlp.segment_act import _build_act, _mark_captions, _mark_signatures
from maslihat.nlp.segment_blocks import LEVEL, Block, _Builder, _blocks, _tokenize  # noqa: F401 (re-exported)
from maslihat.nlp.segment_prose import _build_coursework, _build_reply

# --- 4. ids, labels, spans -----------------------------------------------------------------------

def _labels(units: list[Unit], lang: str) -> None:
    """Human citations, built from each unit's chain of parents (before ids are rewritten)."""
    L = P.LABELS["kk" if lang == "kk" else "ru"]
    by_id = {u.id: u for u in units}
    nth: dict[tuple, int] = {}

    def anc(u, kind):
        p = by_id.get(u.parent_id)
        while p is not None:
            if p.kind == kind:
                return p
            p = by_id.get(p.parent_id)
        return None

    for u in units:
        if u.label:                      # worded by its builder (`параграф 4`)
            continue
        key = (u.parent_id, u.kind)
        nth[key] = nth.get(key, 0) + 1
        n = u.number or str(nth[key])
        own = L.get(u.kind, u.kind).format(n=n)
        art, pt = anc(u, "article"), anc(u, "point")
        parent = by_id.get(u.parent_id)
        if lang == "kk":
            if u.kind == "point" and art:
                own = f"{P.KK_GENITIVE['article'].format(n=art.number)} {P.KK_POSSESSIVE['point'].format(n=n)}"
            elif u.kind == "subpoint" and pt:
                chain = f"{P.KK_GENITIVE['article'].format(n=art.number)} " if art else ""
                pt_word = (P.KK_POSS_GENITIVE if art else P.KK_GENITIVE)['point'].format(n=pt.number)
                own = f"{chain}{pt_word} {P.KK_POSSESSIVE['subpoint'].format(n=n)}"
            elif u.kind == "subpoint" and art:
                own = f"{P.KK_GENITIVE['article'].format(n=art.number)} {P.KK_POSSESSIVE['subpoint'].format(n=n)}"
            elif u.kind in ("part", "note") and parent is not None and parent.label:
                own = f"{parent.label}, {own}"
        else:
            if u.kind == "point" and art:
                own = f"{art.label} {own}"
            elif u.kind == "subpoint" and pt:
                own = f"{pt.label} {own}" if art else f"{own} {pt.label}"
            elif u.kind == "subpoint" and art:
                own = f"{art.label} {own}"
            elif u.kind in ("part", "note") and parent is not None and parent.label:
                own = f"{parent.label} {own}" if u.kind == "part" else f"{own} ({parent.label})"
        u.label = own


def _finish(doc: Document, units: list[Unit]) -> list[Unit]:
    by_id = {u.id: u for u in units}
    for u in reversed(units):            # children included in their parents' spans
        p = by_id.get(u.parent_id)
        if p is not None:
            p.end = max(p.end, u.end)
            p.start = min(p.start, u.start)
    for u in units:                      # an appendix runs to the next appendix / end of text
        if u.kind == "appendix":
            nxt = [v.start for v in units if v.kind == "appendix" and v.start > u.start]
            # up to the blank lines before it: the unit's text is text[start:end], nothing trailing
            u.end = max(u.end, len(doc.text[:min(nxt)].rstrip()) if nxt else len(doc.text.rstrip()))
    for k, u in enumerate(units):
        u.ordinal = k
    _labels(units, doc.language)
    assign_unit_ids(doc.id, units)
    return units


def segment(doc: Document) -> list[Unit]:
    """Units of ``doc`` in document order, ids assigned, spans including children."""
    text = doc.text or ""
    if not text.strip():
        return []
    blocks = _blocks(text)
    if not blocks:
        return []
    try:
        if doc.doc_type == "coursework":
            units = _build_coursework(doc, blocks)
        elif doc.doc_type == "government_reply":
            _mark_signatures(blocks, text)
            units = _build_reply(doc, blocks)
        else:
            _mark_signatures(blocks, text)
            _mark_captions(blocks, text)
            units = _build_act(doc, blocks)
    except Exception:                    # never lose a document to a grammar bug: fall back to paragraphs
        B = _Builder(doc)
        for b in blocks:
            B.add("paragraph", b.start, b.end)
        units = B.units
    return _finish(doc, units)
