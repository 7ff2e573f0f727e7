"""Facts of a Russian provision beside the facts of its Kazakh parallel: pairs and discrepancies.

The two language versions of an act must state the same numbers; a deadline of «одного месяца»
against «екі ай» is a real discrepancy a reader needs to see. ``facts_discrepancies`` is what the
comparison report (``nlp.compare``) calls for a pair of aligned units.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Optional, Union

from maslihat.nlp.facts import Fact, extract


@dataclass
class FactDiscrepancy:
    """``type``: value_differs (paired, different values) | missing_kk | missing_ru (no fact of
    that kind on the other side)."""
    type: str
    kind: str
    subject: Optional[str]
    ru: Optional[Fact]
    kk: Optional[Fact]
    detail: str

    def to_json(self) -> dict:
        d = asdict(self)
        d["ru"] = self.ru.to_json() if self.ru else None
        d["kk"] = self.kk.to_json() if self.kk else None
        return d


def pair_facts(ru: list[Fact], kk: list[Fact]) -> list[tuple[Optional[Fact], Optional[Fact]]]:
    """Pairs of the same kind: equal values first, then the rest in text order."""
    pairs: list[tuple[Optional[Fact], Optional[Fact]]] = []
    left_kk = list(kk)
    rest_ru = []
    for f in ru:
        g = next((g for g in left_kk if g.kind == f.kind and g.value == f.value and
                  (not f.subject or not g.subject or f.subject == g.subject)), None)
        if g is not None:
            left_kk.remove(g)
            pairs.append((f, g))
        else:
            rest_ru.append(f)
    for f in rest_ru:
        g = next((g for g in left_kk if g.kind == f.kind and (not f.subject or not g.subject or f.subject == g.subject)), None)
        if g is None:
            g = next((g for g in left_kk if g.kind == f.kind), None)
        if g is not None:
            left_kk.remove(g)
        pairs.append((f, g))
    pairs += [(None, g) for g in left_kk]
    return sorted(pairs, key=lambda p: (p[0] or p[1]).start if p[0] else 10**9 + p[1].start)


def _facts(unit, text: Optional[str], lang: str) -> list[Fact]:
    if isinstance(unit, str):
        return extract(unit, lang)
    if text is None:
        raise ValueError("facts_discrepancies: a Unit needs its document's text")
    return extract(text[unit.start:unit.end], lang, offset=unit.start)


def facts_discrepancies(ru_unit: Union[str, object], kk_unit: Union[str, object],
                        ru_text: Optional[str] = None, kk_text: Optional[str] = None) -> list[FactDiscrepancy]:
    """The facts on which two parallel provisions disagree.

    Pass two ``Unit``s with their documents' texts, or two strings (the provisions' own text).
    Offsets in the returned facts point into the document texts (or the strings)."""
    ru = _facts(ru_unit, ru_text, "ru")
    kk = _facts(kk_unit, kk_text, "kk")
    out = []
    for f, g in pair_facts(ru, kk):
        if f is not None and g is not None:
            if f.value != g.value:
                out.append(FactDiscrepancy("value_differs", f.kind, f.subject or g.subject, f, g,
                                           f"{f.kind}: ru {f.value} «{f.surface}» / kk {g.value} «{g.surface}»"))
        elif f is not None:
            out.append(FactDiscrepancy("missing_kk", f.kind, f.subject, f, None, f"{f.kind} {f.value} «{f.surface}» only in ru"))
        else:
            out.append(FactDiscrepancy("missing_ru", g.kind, g.subject, None, g, f"{g.kind} {g.value} «{g.surface}» only in kk"))
    return out
