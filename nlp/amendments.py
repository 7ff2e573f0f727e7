"""The amendment history of a provision, read from the footnotes attached to it.

`Сноска. Статья 6 с изменениями, внесенными законами РК от 29.12.2014 № 269-V (вводится в действие
с 01.01.2015); от 24.11.2015 № 419-V …` / `Ескерту. 6-бапқа өзгерістер енгізілді - ҚР 29.12.2014
№ 269-V (01.01.2015 бастап қолданысқа енгізіледі) …Заңдарымен.` The segmenter attaches each note to
the unit it names; here every amending act of the note (a date followed by its number — the dates
in brackets are when the change took effect, not acts) becomes an entry of that unit's
``changed_in``, and for national acts the document's ``amendments`` list is rebuilt from them.
"""
from __future__ import annotations

import re
from typing import Optional

from maslihat.core import grammar as G
from maslihat.core.model import Document, Unit

REPEALED = r"исключен\w*|утратил\w*\s+силу|алып\s+тасталды|алынып\s+тасталды|күші\s+жойыл"
_CHANGE = [  # (what happened, words) in the order they are tried
    ("new_wording", r"в\s+редакции|изложен\w*\s+в\s+(?:новой\s+)?редакции|жаңа\s+редакцияда|редакциясында"),
    ("repealed", REPEALED),
    ("added", r"дополнен\w*|толықтырыл\w*"),
    ("amended", r"изменени\w*|өзгеріс\w*|өзгерт\w*"),
]
_ACT = [("constitutional_law", r"Конституционн\w+\s+[Зз]акон|Конституциялық\s+заң"),
        ("law", r"[Зз]акон|[Зз]аң"), ("decree", r"Указ|Жарлы[ғқ]"), ("resolution", r"[Пп]остановлени|[Ққ]аулы"),
        ("decision", r"[Рр]ешени|[Шш]ешім"), ("order", r"[Пп]риказ|[Бб]ұйры[ғқ]")]
_CHANGE = [(name, re.compile(rx)) for name, rx in _CHANGE]    # compiled once (issue 14: 3,600 searches
_ACT = [(name, re.compile(rx)) for name, rx in _ACT]           # on the real texts)
_NOTE_START = re.compile(r"\s*(?:Сноска|Ескерту)\s*\.")
# «Указом Президента, имеющим силу Закона» / «Президентінің Заң күші бар Жарлығымен»: the act is a decree
_HAS_FORCE_OF_LAW = re.compile(r"имеющ\w*\s+силу\s+[Зз]акона|[Зз]аң\s+күші\s+бар")


def _kind(rx_table, text: str) -> Optional[str]:
    best = None
    for name, rx in rx_table:
        m = rx.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    return best[1] if best else None


def _in_brackets(text: str, pos: int) -> bool:
    return text.rfind("(", 0, pos) > text.rfind(")", 0, pos)


def _blank(text: str) -> str:
    """The note with what names no amending act blanked out (offsets kept): brackets (when a change
    took effect) and «имеющим силу Закона» / «Заң күші бар» of a decree."""
    text = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), text)
    return _HAS_FORCE_OF_LAW.sub(lambda m: " " * len(m.group()), text)


def _act_near(text: str, start: int, end: int, before: bool) -> Optional[str]:
    """The act word nearest to the span: the last one before it (Russian «законами РК от A; от B»)
    or the first one after it (Kazakh «A; B Заңдарымен»); a longer name wins at the same place."""
    best = None
    for name, rx in _ACT:
        for m in rx.finditer(text, 0, start) if before else rx.finditer(text, end):
            key = (m.end(), -m.start()) if before else (-m.start(), m.end())
            if best is None or key > best[0]:
                best = (key, name)
    return best[1] if best else None


def note_amendments(text: str) -> list[dict]:
    """Amending acts of one footnote: [{"date", "number", "act_type", "change"}], in order."""
    if not _NOTE_START.match(text):
        return []
    dates = [d for d in G.find_dates(text) if not _in_brackets(text, d.start)]
    nums = G.find_numbers(text)
    out: list[dict] = []
    change = _kind(_CHANGE, text) or "amended"
    plain = _blank(text)
    russian = text.lstrip().startswith("Сноска")
    for k, d in enumerate(dates):
        num = next((n for n in nums if d.end <= n.start <= d.end + 12), None)
        if num is None:
            continue
        act = (_act_near(plain, d.start, num.end, before=russian)
               or _act_near(plain, d.start, num.end, before=not russian) or _kind(_ACT, text))
        out.append({"date": d.iso, "number": num.number, "act_type": act, "change": change})
    return out


_PATH_KINDS = ("article", "point", "subpoint")


def _subject(unit: Unit, by_id: dict) -> str:
    """The amended unit named alike in both languages, as the requisite notes name them
    (``ingest/metadata.py``): «article 6», «article 14-1 point 2», «appendix 1», «chapter 2»,
    a point of a decision by its number alone («122»)."""
    chain, u = [], unit
    while u is not None and u.kind in _PATH_KINDS:
        chain.append(u)
        u = by_id.get(u.parent_id)
    if not chain:
        return f"{unit.kind} {unit.number}" if unit.number else unit.kind
    chain.reverse()
    if chain[0].kind == "point" and all(c.number for c in chain):     # a decision's point: «122»
        return " ".join([chain[0].number] + [f"{c.kind} {c.number}" for c in chain[1:]])
    return " ".join(f"{c.kind} {c.number}" if c.number else c.kind for c in chain)


def attach(doc: Document, units: list[Unit]) -> list[dict]:
    """Fill ``changed_in`` of every unit that has footnotes; returns the document's amendments
    grouped by amending act ({"date", "number", "units", "act_type"})."""
    by_id = {u.id: u for u in units}
    groups: dict[tuple, dict] = {}
    for n in units:
        if n.kind != "note":
            continue
        found = note_amendments(doc.text[n.start:n.end])
        owner = by_id.get(n.parent_id)
        for a in found:
            if owner is not None and not any((x["date"], x["number"]) == (a["date"], a["number"])
                                             for x in owner.changed_in):
                owner.changed_in.append(dict(a))
            g = groups.setdefault((a["date"], a["number"]), {"date": a["date"], "number": a["number"],
                                                               "units": [], "act_type": a["act_type"]})
            subj = _subject(owner, by_id) if owner is not None else None
            if subj and subj not in g["units"]:
                g["units"].append(subj)
    for u in units:
        u.changed_in.sort(key=lambda a: a.get("date") or "")
    return sorted(groups.values(), key=lambda g: (g["date"] or "", g["number"] or ""))
