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


# --- the instructions of an amending act ------------------------------------------------------
# «1. Внести в решение … от 25 декабря 2020 года № 60-1 … следующие изменения: пункт 1 изложить в
# новой редакции: «1. …»; подпункт 2) пункта 5 исключить; дополнить пунктом 5-1 следующего
# содержания: «5-1. …»» / «… шешіміне мынадай өзгерістер енгізілсін: 1-тармақ жаңа редакцияда
# жазылсын: «1. …»; 5-тармақтың 2) тармақшасы алып тасталсын; мынадай мазмұндағы 5-1-тармақпен
# толықтырылсын». Each instruction names a unit (as ``_subject`` names them) and what is done to it
# (the kinds of ``_CHANGE``); the quoted new wording is never read as instructions.

_DO = [  # (what is done, words of the instruction), the earliest in the clause wins
    ("new_wording", r"изложи\w*\s+в\s+(?:новой|следующей)\s+редакции|(?:жаңа|мынадай|келесі)\s+редакцияда\s+жазыл\w*"),
    ("repealed", r"исключи\w*|признать\s+утратившим\w*\s+силу|алы?н?ып\s+тасталсын|алып\s+тастал\w*|"
                 r"күші\s+жойылды\s+деп\s+танылсын"),
    ("added", r"дополни\w*|толықтырылсын"),
    ("amended", r"замени\w*|ауыстырылсын|өзгертілсін"),
]
_DO = [(name, re.compile(rx, re.I)) for name, rx in _DO]
_NUM = r"\d+(?:[.-]\d+)*"
_SUB = r"\d+(?:-\d+)?\)?"
# Russian units: the longest forms first («подпункт 2) пункта 5 статьи 6» before «пункт 5»)
_RU_UNIT = re.compile(
    rf"(?P<kind>подпункт\w*|пункт\w*|стать\w*|приложени\w*|глав\w*)\s*(?:№\s*|N\s*)?(?P<n>{_SUB})"
    rf"(?P<more>(?:\s*(?:,|и)\s*{_SUB})*)"
    rf"(?:\s+пункта\s+(?P<p>{_NUM}))?(?:\s+(?:статьи|главы)\s+(?P<a>{_NUM}))?"
    rf"|(?P<bare>приложени\w*)", re.I)
# Kazakh units: «6-баптың 2-тармағының 3) тармақшасы», «5-тармақтың 2) тармақшасы», «1-қосымша»
_KK_UNIT = re.compile(
    rf"(?:(?P<a>{_NUM})\s*-\s*ба[пб]\w*\s+)?(?:(?P<p>{_NUM})\s*-\s*тарма[қғ]\w*\s+)?"
    rf"(?P<more>(?:{_SUB}\s*(?:,|және)\s*)*)(?P<n>{_SUB})\s*-?\s*"
    rf"(?P<kind>тармақша\w*|тарма[қғ]\w*|ба[пб]\w*|қосымша\w*|тарау\w*)|(?P<bare>(?<!\d-)(?<!\d)\bқосымша\w*)", re.I)
_ACT_WORD = re.compile(r"решени|постановлени|закон|приказ|указ|шешім|қаулы|заң|бұйры|жарлы", re.I)


def _mask_quotes(text: str) -> str:
    """The text with everything inside «…» (nested), “…” and "…" (within a line) blanked, offsets kept."""
    out, depth, straight = [], 0, False
    for ch in text:
        if ch == "\n":
            straight = False
        if ch in "«“":
            depth += 1
            out.append(" ")
            continue
        if ch in "»”" and depth:
            depth -= 1
            out.append(" ")
            continue
        if ch == '"' and not depth:
            straight = not straight
            out.append(" ")
            continue
        out.append(" " if (depth or straight) and ch != "\n" else ch)
    return "".join(out)


def _unit_names(clause: str, kazakh: bool, appendix: Optional[str]) -> list[str]:
    """The units a clause names, as ``_subject`` names them: «5», «5 subpoint 2», «article 6 point 2»,
    «appendix 1», «chapter 2»; points inside an appendix the clause is about: «appendix 1 point 3»."""
    names: list[str] = []
    for m in (_KK_UNIT if kazakh else _RU_UNIT).finditer(clause):
        if m.group("bare"):
            names.append("appendix")
            continue
        kind = m.group("kind").lower()
        nums = ([m.group("n")] + re.findall(_SUB, m.group("more") or "") if not kazakh
                else re.findall(_SUB, m.group("more") or "") + [m.group("n")])
        sub = kind.startswith(("подпункт", "тармақша"))      # a subpoint keeps its bracket: «2)»
        nums = [x.rstrip(")") + (")" if sub else "") for x in nums]
        art, pnt = m.group("a"), m.group("p")
        if not art and appendix and appendix.startswith("article ") and not kind.startswith(("стать", "бап", "баб")):
            art = appendix.split(" ", 1)[1]           # «1) в статье 6: подпункт 2) пункта 1 …» / «6-бапта: …»
        for n in nums:
            if kind.startswith(("приложени", "қосымша")):
                names.append(f"appendix {n}")
            elif kind.startswith(("глав", "тарау")):
                names.append(f"chapter {n}")
            elif kind.startswith(("стать", "бап", "баб")):
                names.append(f"article {n}")
            elif kind.startswith(("подпункт", "тармақша")):
                head = f"article {art} point {pnt}" if art and pnt else (f"article {art}" if art else pnt)
                names.append(f"{head} subpoint {n}" if head else f"subpoint {n}")
            else:                                    # a point
                if art:
                    names.append(f"article {art} point {n}")
                elif appendix and appendix.startswith("appendix"):
                    names.append(f"{appendix} point {n}")
                else:
                    names.append(n)
    return names


def instructions(text: str, language: str, own: tuple = (None, None)) -> list[dict]:
    """The instructions of an amending act's text: [{"target": (date, number) | None, "unit", "change"}],
    in order. ``target`` is the act named (a date and a number with an act word) before the
    instruction — the amended act of «в некоторые решения» — or None before any act is named."""
    masked = _blank(_mask_quotes(text))
    kazakh = language == "kk"
    out: list[dict] = []
    target: Optional[tuple] = None
    appendix: Optional[str] = None
    pos = 0
    for clause in re.split(r"[;:\n]", masked):
        start, pos = pos, pos + len(clause) + 1
        if not clause.strip():
            continue
        change = _kind(_DO, clause)
        dates = G.find_dates(clause)
        if dates and _ACT_WORD.search(clause) and change is None:
            num = next((n for n in G.find_numbers(clause) if dates[0].end <= n.start <= dates[0].end + 40), None)
            if num is None:       # Kazakh: «… 2020 жылғы 25 желтоқсандағы № 60-1 шешіміне»; or «№ 60-1 от …»
                num = next((n for n in G.find_numbers(clause) if n.end <= dates[0].start), None)
            if num is not None:       # the act's own requisites (its requisite line) name no target
                own_act = dates[0].iso == own[0] and own[1] is not None and G.number_key(num.number) == G.number_key(own[1])
                target, appendix = (None if own_act else (dates[0].iso, num.number)), None
            continue
        # «… согласно приложениям 1, 2 к настоящему решению» / «осы шешімнің 1, 2-қосымшаларына сәйкес»:
        # this act's own appendices, where the new wording is, not units it changes
        names = _unit_names(re.sub(r"согласно\s.*|осы\s+шешім\w*\s.*?сәйкес", " ", clause, flags=re.I | re.S),
                            kazakh, appendix)
        if change is None:        # «в приложении 1 к указанному решению:» / «1-қосымшада:» opens its points,
            # «1) в статье 6:» / «1) 6-бапта:» of an amending law the provisions of that article
            if len(names) == 1 and names[0].startswith(("appendix", "article")) and " point" not in names[0]:
                appendix = names[0]
            continue
        if not names:
            continue
        for n in names:
            out.append({"target": target, "unit": n, "change": change})
    return out


def instructions_for(amending: Document, date: Optional[str], number: Optional[str],
                     parsed: Optional[list] = None) -> list[dict]:
    """The instructions of an amending act (``parsed``: its ``instructions`` when already read) that
    concern the act of ``date`` and ``number``; those before any act is named concern it when it is
    the only act the amending act amends."""
    only_target = len([a for a in amending.amends if a.get("change") != "repealed"]) == 1
    if parsed is None:
        parsed = instructions(amending.text, amending.language, (amending.adopted_date, amending.number))
    out = []
    for ins in parsed:
        t = ins["target"]
        if t is None and only_target or t is not None and t[0] == date and number is not None and G.number_key(t[1]) == G.number_key(number):
            out.append(ins)
    return out


def targets(amending: Document) -> list[dict]:
    """The acts the instructions of an act amending several («О внесении изменений в некоторые
    решения …») name, in order: [{"date", "number", "title": None}]."""
    out: list[dict] = []
    for ins in instructions(amending.text, amending.language, (amending.adopted_date, amending.number)):
        t = ins["target"]
        if t is not None and not any((a["date"], a["number"]) == t for a in out):
            out.append({"date": t[0], "number": t[1], "title": None})
    return out


def unit_named(units: list[Unit], name: str) -> Optional[Unit]:
    """The unit an instruction names («5 subpoint 2)», «appendix 1 point 3», «article 6»), or None."""
    by_id = {u.id: u for u in units}
    for u in units:
        if u.kind in ("note", "heading", "title", "preamble", "paragraph"):
            continue
        parent = by_id.get(u.parent_id)
        if u.kind == "point" and parent is not None and parent.kind == "appendix":
            if name == f"{_subject(parent, by_id)} point {u.number}":
                return u
            continue
        if _subject(u, by_id) == name:
            return u
    return None


# --- the acts an act repeals ----------------------------------------------------------------------
# «О признании утратившими силу некоторых решений …» / «… кейбір шешімдерінің күші жойылды деп тану
# туралы» lists the acts it ends (in its points or an appendix); any act may end others in a point:
# «5. Признать утратившим силу решение … от 3 марта 2020 года № 55-1 "…"», «… № 55-1 шешімінің күші
# жойылды деп танылсын». Those acts are cited there; when they are in the corpus, they are repealed.

_REPEAL_RU = re.compile(r"утратившим\w*\s+силу", re.I)
_REPEAL_KK = re.compile(r"күш\w*\s+жойыл\w*\s+деп\s+таны\w*|күшін\s+жойған\s+деп\s+таны\w*", re.I)
_REPEAL_TITLE = re.compile(_REPEAL_RU.pattern + r"|күш\w*\s+жойыл\w*\s+деп\s+тану", re.I)
# what a maslikhat, an akimat or an akim can repeal: their own kinds of act (the grammar's act types of
# decisions, resolutions and orders, as a citation's ``act_type`` names them), never a law or a code
_REPEALABLE = re.compile("|".join(sorted({re.escape(w.type) for lang in ("ru", "kk") for w in G.act_words(lang, None)
                                          if w.doc_type in ("decision", "resolution", "order")})), re.I)
# the act a repeal rests on, not one it ends: «В соответствии с решением …», «… шешіміне сәйкес»
_BASIS_BEFORE = re.compile(r"(?:в\s+соответствии\s+с[о]?|согласно|на\s+основании)\s*$", re.I)
_BASIS_AFTER = re.compile(r"^\s*(?:сәйкес|негізінде)", re.I)
_CLAUSE_END = re.compile(r";|\n\s*\n|\.(?=\s+[" + G.UP + r"])")
_NOT_PROVISION = ("note", "title", "preamble", "heading", "signature")
# a provision of the act, not the whole act: «пункт 2 решения …», «приложение 3 к решению …» (before
# the act in Russian), «… шешімінің 3 қосымшасы / 2-тармағы …» (after it in Kazakh)
_PART_RU = re.compile(r"\b(?:приложени|пункт|подпункт|стать|глав|абзац|раздел|параграф)\w*", re.I)
_PART_KK = re.compile(r"қосымша|тармақ|\bба[бп]\w*|тарау|абзац|бөлім", re.I)
_QUOTED = re.compile(r"«[^«»]*»|\"[^\"\n]*\"|“[^“”]*”")


def _unquoted(text: str) -> str:
    """``text`` with the quoted titles in it blanked (offsets kept), innermost first."""
    while True:
        out = _QUOTED.sub(lambda m: " " * len(m.group()), text)
        if out == text:
            return out
        text = out


def _clause(text: str, s: int, e: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause of ``text[lo:hi]`` holding [s, e): between the nearest «;», blank line or sentence
    end before ``s`` and the first after ``e``."""
    start = lo
    for m in _CLAUSE_END.finditer(text, lo, s):
        start = m.end()
    m = _CLAUSE_END.search(text, e, hi)
    return start, (m.start() if m else hi)


def repealed_acts(doc: Document, units: list[Unit], refs: list) -> list[dict]:
    """The acts ``doc`` repeals, as its citations name them: [{"date", "number", "title",
    "change": "repealed"}]. A citation counts when it names an act of a kind a local body issues
    (a decision, a resolution, an order) by its date and number, stands in a provision (not the
    preamble, a note or a heading), is not the title of an act quoted in another citation, and
    either the whole act repeals (its title) or its clause does («признать утратившим силу …»,
    «… күші жойылды деп танылсын»)."""
    by_id = {u.id: u for u in units}
    whole = bool(doc.title and _REPEAL_TITLE.search(doc.title) and not re.search(
        r"внесени\w*\s+изменени|өзгеріс\w*\s+енгізу", doc.title, re.I))
    text = doc.text
    spans = [(r.start, r.end) for r in refs]
    out: list[dict] = []
    for r in refs:
        t = r.target or {}
        if r.kind != "external" or t.get("self") or not t.get("date") or not t.get("number"):
            continue
        if not _REPEALABLE.search(t.get("act_type") or ""):
            continue
        if any(s <= r.start and r.end <= e and (s, e) != (r.start, r.end) for s, e in spans):
            continue                      # «… № 18-2 "О внесении изменений в решение … № 12-3 …"»
        u = by_id.get(r.unit_id)
        if u is None or u.kind in _NOT_PROVISION:
            continue
        if _BASIS_BEFORE.search(text[max(u.start, r.start - 30):r.start]) or _BASIS_AFTER.match(text[r.end:r.end + 20]):
            continue
        if any(t.get(k) for k in ("appendix", "article", "point", "subpoint", "part", "chapter")):
            continue                      # a provision of it («пункт 2 решения …», «приложение 1 к указанному
                                          # решению»), not the act
        cs, ce = _clause(text, r.start, r.end, u.start, u.end)
        ru, kk = _REPEAL_RU.search(text, cs, ce), _REPEAL_KK.search(text, cs, ce)
        if not whole and not (ru or kk):
            continue
        if _PART_RU.search(_unquoted(text[cs:r.start])):
            continue                      # «приложение 3 к решению …»
        if _PART_KK.search(_unquoted(text[r.end:kk.start() if kk and kk.start() >= r.end else ce])):
            continue                      # «… шешімінің 3 қосымшасы … күшін жойылған деп танылсын»
        if not any(a["date"] == t["date"] and G.number_key(a["number"]) == G.number_key(t["number"]) for a in out):
            out.append({"date": t["date"], "number": t["number"], "title": t.get("title"), "change": "repealed"})
    return out
