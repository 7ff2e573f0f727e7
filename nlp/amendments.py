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


def _kind(rx_table, text: str) -> Optional[str]:
    best = None
    for name, rx in rx_table:
        m = rx.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    return best[1] if best else None


def _in_brackets(text: str, pos: int) -> bool:
    return text.rfind("(", 0, pos) > text.rfind(")", 0, pos)


def note_amendments(text: str) -> list[dict]:
    """Amending acts of one footnote: [{"date", "number", "act_type", "change"}], in order."""
    if not _NOTE_START.match(text):
        return []
    dates = [d for d in G.find_dates(text) if not _in_brackets(text, d.start)]
    nums = G.find_numbers(text)
    out: list[dict] = []
    change = _kind(_CHANGE, text) or "amended"
    for k, d in enumerate(dates):
        nxt = dates[k + 1].start if k + 1 < len(dates) else len(text)
        num = next((n for n in nums if d.end <= n.start <= d.end + 12), None)
        if num is None:
            continue
        seg = text[d.end:nxt]
        before = text[max(0, d.start - 60):d.start]
        act = _kind(_ACT, seg) or _kind(_ACT, before) or _kind(_ACT, text)
        out.append({"date": d.iso, "number": num.number, "act_type": act, "change": change})
    return out


def _subject(unit: Unit) -> str:
    if unit.kind == "article" and unit.number:
        return f"article {unit.number}"
    return unit.label or unit.kind


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
            subj = _subject(owner) if owner is not None else None
            if subj and subj not in g["units"]:
                g["units"].append(subj)
    for u in units:
        u.changed_in.sort(key=lambda a: a.get("date") or "")
    return sorted(groups.values(), key=lambda g: (g["date"] or "", g["number"] or ""))
