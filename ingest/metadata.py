"""Classification and act metadata (requisites, notes) of one language part of a file.

The requisite line (``ingest.requisites``), or the letterhead of an act laid out as printed
(``ingest.letterhead``), carries the act's identity; notes (``Сноска.`` / ``Ескерту.``) carry amendments and
repeals; a reply or a coursework is read by ``ingest.prose_meta``. ``extract`` reads one part; ``inherit``
fills what a language version lacks from the other.
"""
from __future__ import annotations

import copy
import re
from typing import Optional

from maslihat.core import grammar as G
from maslihat.core.grammar import find_dates
from maslihat.core.ids import document_id
from maslihat.core.wrapped import cut_at_width, wrap_width
from maslihat.ingest import patterns as P
from maslihat.ingest.doctype import classify
from maslihat.ingest.letterhead import _columns, find_letterhead, letterhead_meta
from maslihat.ingest.prose_meta import coursework_title, is_government_reply, reply_extra, reply_signer, reply_title
from maslihat.ingest.requisites import (_CAPITAL, _CONTINUES, _ENDS, _REQUISITE_GOES_ON, _YEAR, ActMeta, find_numbers,
                                        find_requisite, parse_requisite, repeal_info)

# --- notes -----------------------------------------------------------------------------------

# the whole act: «Сноска. Утратило силу решением …», «Ескерту. Күші жойылды - …», and with the act named,
# «Сноска. Решение утратило силу …», «Ескерту. Шешімнің күші жойылды - …» (never «Қосымшаның …», a part)
_WHOLE_REPEAL = re.compile(rf"{P.NOTE_RE}\s*(?:(?:(?:Решение|Постановление|Приказ|Распоряжение)\s+)?[Уу]тратил[оаи]?\s+силу|"
                           rf"(?:(?:Шешімнің|Қаулының|Бұйрықтың|Өкімнің)\s+)?[Кк]үші\s+жойыл)")


def _heading_number(lines: list[str], i: int) -> Optional[str]:
    for j in range(i - 1, max(-1, i - 4), -1):
        m = re.match(r"\s*(?:Глава\s+)?(\d+(?:\.\d+)*)(?:-тарау)?\.?\s+\S", lines[j])
        if m:
            return m.group(1)
        if lines[j].strip():
            break
    return None


def _note_units(subject: str, lines: list[str], i: int) -> list[str]:
    units: list[str] = []
    if re.search(r"[Нн]азвание\s+главы|[Тт]араудың\s+атауы", subject):
        n = _heading_number(lines, i)
        return [f"chapter {n}" if n else "chapter"]
    # Kazakh: "122-тармақ", "1-тармақтың 2) тармақшасы", "N 3 қосымшаның", "4-қосымшаның"
    for m in re.finditer(r"(?:N\s*)?(\d+(?:\.\d+)*\)?)\s*-?\s*(тармақша|тармақ|тарау|бап|қосымша|бөлім)", subject):
        num, word = m.groups()
        prefix = {"тармақ": None, "тармақша": "subpoint", "тарау": "chapter", "бап": "article",
                  "қосымша": "appendix", "бөлім": "section"}[word]
        units.append(f"{prefix} {num}" if prefix else num)
    if units:
        return units
    # Russian: "Пункт 122", "Пункты 5, 6 и 7", "Приложение 3", "В приложении N 2"
    for rx, prefix in P.NOTE_UNITS_RU:
        m = re.search(rf"{rx}\s*((?:N\s*|№\s*)?\d+(?:\.\d+)*\)?(?:\s*(?:,|и)\s*\d+(?:\.\d+)*\)?)*)?", subject)
        if m:
            nums = re.findall(r"\d+(?:\.\d+)*\)?", m.group(1) or "")
            if nums:
                units.extend(f"{prefix} {n}" if prefix else n for n in nums)
            else:
                units.append(prefix or "point")
            break
    if not units and re.search(r"[Пп]риложени|қосымша", subject):
        units.append("appendix")
    return units


_NOTE = re.compile(P.NOTE_RE)
_ENACTED_ONLY = re.compile(r"[Вв]водится\s+в\s+действие|қолданысқа\s+енгізіледі", re.I)
_BRACKETS = re.compile(r"\([^()]*\)")


def parse_notes(text: str) -> tuple[Optional[dict], list[dict]]:
    """(repeal of the whole act or None, amendments grouped by amending act) from the notes."""
    lines = text.split("\n")
    repeal = None
    groups: dict[tuple, dict] = {}
    for i, line in enumerate(lines):
        if not _NOTE.match(line):
            continue
        body = _NOTE.sub("", line).strip()
        if _WHOLE_REPEAL.match(line):
            if repeal is None:
                repeal = repeal_info(body)
            continue
        m = re.search(rf"\s[-–]\s|{P.AMEND_RU}|{P.AMEND_KK}|{P.REPEAL_RU}|{P.REPEAL_KK}", body)
        subject = body[: m.start()] if m else body
        outside = _BRACKETS.sub(" ", body)     # «(вводится в действие с …)» after an amending act is its own
        if _ENACTED_ONLY.search(outside) and not re.search(
                rf"{P.AMEND_RU}|{P.AMEND_KK}|{P.REPEAL_RU}|{P.REPEAL_KK}", outside):
            continue    # «Сноска. Вводится в действие с 01.01.2024.»: when the act applies, no amendment
        # a date in brackets is when a change took effect («… от 15.05.2024 № 18-2 (вводится в действие
        # с 01.01.2024)», «… № 18-2 (01.01.2024 бастап қолданысқа енгізіледі)»), not an amending act
        dates = [d for d in find_dates(body) if body.rfind("(", 0, d.start) <= body.rfind(")", 0, d.start)]
        if not dates:
            continue
        numbers = find_numbers(body)
        units = _note_units(subject, lines, i)
        for k, d in enumerate(dates):
            nxt = dates[k + 1].start if k + 1 < len(dates) else len(body)
            num = next((n for p, n in numbers if d.end <= p < nxt), None)
            if num is None:
                num = next((n for p, n in reversed(numbers) if p < d.start), None)
            key = (d.iso, num)
            entry = groups.setdefault(key, {"date": d.iso, "number": num, "units": []})
            for u in units:
                if u not in entry["units"]:
                    entry["units"].append(u)
    return repeal, list(groups.values())


# --- one part --------------------------------------------------------------------------------

TITLE_MAX = 400       # the longest real title seen is under 300 characters


def bounded_title(title: str) -> str:
    """A title of at most ``TITLE_MAX`` characters: a text with no line breaks (a page pasted as one
    line) gave a title of the whole text. Cut at the first sentence end, else at a word, with «…»."""
    if len(title) <= TITLE_MAX:
        return title
    head = title[:TITLE_MAX]
    end = re.search(rf"(?<=.{{40}})[.!?;](?=\s+[{G.UP}])", head)
    if end:
        return head[:end.start()].rstrip()
    return head.rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def first_line(lines: list[str], width: int | None = None) -> str:
    i = next((k for k, line in enumerate(lines) if line.strip()), None)
    return bounded_title(re.sub(r"\s+", " ", continued(lines, i, width=width)).strip() if i is not None else "")




def continued(lines: list[str], i: int, goes_on: re.Pattern | None = None, width: int | None = None) -> str:
    """Line ``i`` with the lines that continue it: a text hard-wrapped at a fixed width (saved from
    a PDF or an e-mail) breaks a title or a requisite line, and the next line then goes on in lower
    case («… ставок платы за пользование водными ресурсами из» / «поверхностных источников …»)."""
    return " ".join(x.strip() for x in continued_lines(lines, i, goes_on, width))


def continued_lines(lines: list[str], i: int, goes_on: re.Pattern | None = None,
                    width: int | None = None) -> list[str]:
    """The lines ``continued`` joins: line ``i`` and those that go on with it."""
    out = [lines[i]]
    for line in lines[i + 1:]:
        if not line.strip():
            break
        if goes_on is not None and _REQUISITE_WHOLE.search(out[-1]) and _TITLE_SHAPE.search(line):
            break                            # the title under a whole requisite («… шешімі» / «… туралы»)
        if goes_on is not None and (goes_on.search(line) or out[-1].rstrip().endswith(("№", " N"))):
            out.append(line)                 # the next sentence of a requisite, or a number cut after «№»
            continue
        if _ENDS.search(out[-1]):
            break
        # in a requisite a line cut at the width goes on in any case: a full line of a wrapped text
        # (60-100 characters) is followed by its rest, also when that begins with a capital
        # («Департаментом»); a title goes on only in lower case (a title line stands alone)
        # (not after a requisite that is whole: «… от 12 марта 2020 года № 45-3», «… № 45-3 шешімі»
        # stand above the title in a requisite-first layout)
        full = goes_on is not None and WRAP_WIDTHS[0] <= len(out[-1].strip()) <= WRAP_WIDTHS[1] \
            and not _REQUISITE_WHOLE.search(out[-1])
        # in a text found hard-wrapped at ``width`` (``core.wrapped``) a title line cut at the width
        # goes on with a capital too («… уходу за могилами по» / «Алматинской области»), unless the
        # line carries a year or a requisite's words (the requisite line under the title)
        cut = (goes_on is None and cut_at_width(out[-1].strip(), line.strip(), width)
               and not _YEAR.search(line) and not _REQUISITE_GOES_ON.search(line))
        if not (_CONTINUES.match(line) or (full or cut) and _CAPITAL.match(line)):
            break
        out.append(line)
    return out


_REQUISITE_WHOLE = re.compile(rf"(?:№|\bN)\s*\S*\d\S*\s*$|\b(?:{G.requisite_word_pattern('kk')})\s*$", re.I)
_TITLE_SHAPE = re.compile(r"туралы\s*$|^\s*Об?\s")
WRAP_WIDTHS = (60, 100)       # the lengths of a full line of a hard-wrapped text


# words a bare heading of the act's kind may carry besides the kind («ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН»,
# «ҚАЗАҚСТАН РЕСПУБЛИКАСЫ ПРЕЗИДЕНТІНІҢ ЖАРЛЫҒЫ»)
_HEADING_EXTRA = frozenset({"республики", "казахстан", "қазақстан", "республикасы", "республикасының",
                            "президента", "президентінің", "правительства", "үкіметінің", "конституционный"})


def _kind_heading(line: str) -> bool:
    """A line that only names the act's kind: not a title."""
    words = [w for w in re.findall(r"[^\W\d_]+", line.lower()) if w not in _HEADING_EXTRA]
    stems = {w[:4] for lang in ("ru", "kk") for w in G.requisite_words(lang)}
    return bool(words) and len(words) <= 2 and all(w[:4] in stems for w in words)


def title_line(lines: list[str], width: int | None = None) -> str:
    """The first non-empty line, past a bare heading of the act's kind when a line follows it
    («ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН» / «О правовых актах»: the title is the second)."""
    filled = [k for k, line in enumerate(lines) if line.strip()]
    # the blank lines stay: a blank line ends the title (a wrapped title's last line, cut at the
    # width, is not followed by the preamble after the blank line)
    if len(filled) > 1 and _kind_heading(lines[filled[0]]):
        return first_line(lines[filled[0] + 1:], width)
    return first_line(lines, width)


# what no title is: a note, a numbered point, a preamble or an operative formula
_NOT_TITLE = re.compile(rf"{P.NOTE_RE}|^\s*\d+[.)]\s|^\s*(?:В\s+соответствии|На\s+основании|Руководствуясь|"
                        r"Рассмотрев|Во\s+исполнение)\b|(?:РЕШИЛ|ШЕШТІ|ҚАБЫЛДАДЫ|ПОСТАНОВЛЯЕТ|ҚАУЛЫ\s+ЕТЕДІ)\s*:|:\s*$")


def _title_after(lines: list[str], req: int, width: Optional[int]) -> str:
    """The title under a requisite line that stands first (a letterhead's lines may stand above it):
    the first line after the requisite and its continued lines, if it is a title; else ''."""
    j = req + len(continued_lines(lines, req, _REQUISITE_GOES_ON))
    nxt = next((k for k in range(j, len(lines)) if lines[k].strip()), None)
    if nxt is None or _NOT_TITLE.search(lines[nxt]) or _only_letterhead([lines[nxt]]):
        return ""
    return title_line(lines[nxt:], width)


def _only_letterhead(lines: list[str]) -> bool:
    """Every non-blank line of ``lines`` (none, too) is a letterhead's line (body, act word, place…)."""
    return all(_columns(x) is not None for x in lines if x.strip())


def extract(text: str, language: str, fallback_title: str) -> ActMeta:
    """Classification and metadata of one normalised language part."""
    lines = text.split("\n")
    width = wrap_width(len(x.strip()) for x in lines if x.strip())
    req = find_requisite(lines, width=width)
    head = find_letterhead(lines)
    if head is not None and (req is None or req < head.end):
        # laid out as printed: the letterhead states the requisites, the title is the line under it
        meta = letterhead_meta(head, language)
        meta.title = title_line(lines[head.end:], width)
        req = head.end - 1
    elif req is not None:
        meta = parse_requisite(continued(lines, req, _REQUISITE_GOES_ON))
        # the requisite line above the title (a letterhead's lines may stand above it): the title under it
        title = _title_after(lines, req, width) if _only_letterhead(lines[:req]) else ""
        title = title or title_line(lines[:req], width)
        meta.title = title or first_line(lines, width)
    elif is_government_reply(text):
        meta = ActMeta(doc_type="government_reply")
        meta.extra = reply_extra(text)
        meta.title = reply_title(text, language, meta.extra)
        meta.issuer, meta.issuer_kind = reply_signer(text)
        return meta
    else:
        kind = classify(text, language)          # the act's own words; coursework only without them
        if kind.doc_type == "coursework":
            meta = ActMeta(doc_type="coursework")
            meta.title = coursework_title(lines, fallback_title)
            meta.extra["doc_type_evidence"] = kind.evidence
            return meta
        meta = ActMeta(doc_type=kind.doc_type)
        if kind.form:
            meta.extra["form"] = kind.form
        meta.extra["doc_type_evidence"] = kind.evidence
        meta.title = title_line(lines, width)
    repeal, amendments = parse_notes(text)
    if repeal and meta.status != "repealed":
        meta.status = "repealed"
        meta.repealed_by = repeal
    elif repeal and meta.repealed_by and not meta.repealed_by.get("date"):
        meta.repealed_by = repeal
    meta.amendments = amendments
    if meta.doc_type == "other" and req is not None:
        meta.doc_type = classify(text, language).doc_type
    return meta


# --- inheritance between language versions ----------------------------------------------------

_INHERITED = ("adopted_date", "number", "issuer", "issuer_kind", "region", "registration", "status",
              "repealed_by", "amendments", "doc_type")


def inherit(doc, other):
    """Fill the act metadata ``doc`` lacks from ``other``, its other-language version; returns ``doc``.

    The Kazakh file of a bilingual act often has only a title; after this it shares the act
    id (``<act>/kk``). Issuer and region are language-bound, so they are taken only when
    ``doc`` has none, as written (a Russian issuer on a Kazakh document is better than none, and
    the dev gold's Kazakh documents of bilingual acts carry the Russian requisite's issuer).
    Updates ``doc`` in place (the store links documents it already holds) and returns it.
    """
    changes: dict = {}
    for name in _INHERITED:
        mine, theirs = getattr(doc, name), getattr(other, name)
        empty = mine in (None, "", [], {}) or (name == "status" and mine == "unknown") or \
            (name == "doc_type" and mine == "other" and theirs != "other")
        if empty and theirs not in (None, "", [], {}):
            changes[name] = theirs
    from maslihat.ingest.identity import adopts_work
    if other.act_id and (doc.act_id != other.act_id) and (changes.get("number") or changes.get("adopted_date")
                                                         or not (doc.number and doc.adopted_date)
                                                         or adopts_work(doc, other)):
        changes["act_id"] = other.act_id
        changes["id"] = document_id(other.act_id, doc.language, doc.version)
    if not doc.parallel_id and other.id:
        changes["parallel_id"] = other.id
    for name, value in changes.items():
        setattr(doc, name, copy.deepcopy(value))
    return doc
