"""What kind of act a text is, from its own words (and the repository's ``meta.yaml`` form code).

Why a module of its own: the old test ("two of кіріспе / қорытынды / содержание / заключение")
typed a national law as coursework, because laws have a contents list and conclusions too.
Here an act is recognised by what only acts have — a requisite, an operative formula
(``РЕШИЛ:`` / ``ШЕШТІ:`` / ``ПОСТАНОВЛЯЮ:``), articles (``Статья 6.`` / ``6-бап.``), an opening
that names the act itself (``Настоящий Закон регулирует`` / ``Осы Заң … реттейді``) — and that
evidence vetoes coursework. Coursework is recognised by what makes it coursework: the kind of
paper (курсовая / дипломная работа, курстық жұмыс), its academic framing (student, supervisor,
department), its bibliography, and only then by the academic words of its prose.

``classify`` is called by ``ingest.metadata.extract`` (no requisite in the text) and by the
repository reader (``meta.yaml`` ``form``); it never raises.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from maslihat.core import grammar as G

# --- vocabulary (RU and KK side by side) ----------------------------------------------------------

# meta.yaml `form` / `type_codes` of the kazakhstan-law repositories -> doc_type (+ act form)
FORM_CODES = {
    "ЗАК": ("law", "law"), "КЗАК": ("law", "constitutional_law"), "КОНЗАК": ("law", "constitutional_law"),
    "КОД": ("code", "code"), "КОДЕКС": ("code", "code"), "КОНСТ": ("constitution", "constitution"),
    "УКАЗ": ("decree", "decree"), "ПОСТ": ("resolution", "resolution"), "ПОСТАН": ("resolution", "resolution"),
    "ПРИК": ("order", "order"), "ПРИКАЗ": ("order", "order"), "РАСП": ("order", "order"),
    "РЕШ": ("decision", "decision"), "РЕГЛ": ("regulation", "regulation"),
}

_U = G.UP
# The act names itself in its opening or anywhere in its norms: "Настоящий Закон регулирует…",
# "Осы Заң … реттейді", "настоящего Кодекса", "осы Кодекстің".
SELF_NAMING = [
    (r"[Нн]астоящ(?:ий|его|им|ем)\s+Конституционн(?:ый|ого|ым|ом)\s+[Зз]акон", "law", "constitutional_law"),
    (r"[Оо]сы\s+Конституциялық\s+[Зз]аң", "law", "constitutional_law"),
    (r"[Нн]астоящ(?:ий|его|ему|им|ем)\s+Кодекс", "code", "code"),
    (r"[Оо]сы\s+Кодекс", "code", "code"),
    (r"[Нн]астоящ(?:ий|его|ему|им|ем)\s+Закон", "law", "law"),
    (r"[Оо]сы\s+Заң", "law", "law"),
]
# Header lines naming the form: "Закон Республики Казахстан от …", "Қазақстан Республикасының Заңы",
# "Кодекс Республики Казахстан", "Бюджетный кодекс Республики Казахстан", "Қазақстан Республикасының
# Салық кодексі", "Конституция Республики Казахстан", "Указ Президента …", "Қазақстан Республикасы
# Президентінің Жарлығы", "Постановление Правительства …", "Қазақстан Республикасы Үкіметінің қаулысы".
HEADER_FORMS = [
    (r"^\s*Конституционный\s+закон\s+Республики\s+Казахстан", "law", "constitutional_law"),
    (r"Қазақстан\s+Республикасының\s+Конституциялық\s+заңы\s*$", "law", "constitutional_law"),
    (r"^\s*Конституция\s+Республики\s+Казахстан\s*$", "constitution", "constitution"),
    (r"^\s*Қазақстан\s+Республикасының\s+Конституциясы\s*$", "constitution", "constitution"),
    (r"^\s*(?:[А-ЯЁ][а-яё]+(?:ый|ой|ий)\s+)?[Кк]одекс\s+Республики\s+Казахстан", "code", "code"),
    (rf"^\s*Қазақстан\s+Республикасының\s+(?:[{G.CYR_UPPER}][{G.CYR_LOWER}]+\s+){{0,3}}[Кк]одексі\s*$", "code", "code"),
    (r"^\s*Закон\s+Республики\s+Казахстан\b", "law", "law"),
    (r"^\s*Қазақстан\s+Республикасының\s+Заңы\s*$", "law", "law"),
    (r"^\s*Указ\s+Президента\s+Республики\s+Казахстан", "decree", "decree"),
    (r"Қазақстан\s+Республикасы\s+Президентінің\s+Жарлығы\s*$", "decree", "decree"),
    (r"^\s*Постановление\s+Правительства\s+Республики\s+Казахстан", "resolution", "government_resolution"),
    (r"Қазақстан\s+Республикасы\s+Үкіметінің\s+қаулысы\s*$", "resolution", "government_resolution"),
]
# Constitution preambles.
CONSTITUTION_OPENING = r"Мы,\s+народ\s+Казахстана|Біз,\s+.{0,80}?Қазақстан\s+халқы"
# Operative formulae (capitals as printed), in order: the most specific first.
OPERATIVE = [
    (r"Правительство\s+Республики\s+Казахстан\s+ПОСТАНОВЛЯЕТ|Үкіметі\s+ҚАУЛЫ\s+ЕТЕДІ", "resolution",
     "government_resolution"),
    (r"\bПОСТАНОВЛЯЮ\s*:|ҚАУЛЫ\s+ЕТЕМІН\s*:", "decree", "decree"),
    (r"\bПОСТАНОВЛЯЕТ\s*:|ҚАУЛЫ\s+ЕТЕДІ\s*:", "resolution", "resolution"),
    (r"\bПРИКАЗЫВАЮ\s*:|БҰЙЫРАМЫН\s*:", "order", "order"),
    (r"\bРЕШИЛ[АИ]?\s*:|\bРЕШАЕТ\s*:|\bРЕШАЮ\s*:|\bШЕШТІ\s*:|ШЕШІМ\s+ҚАБЫЛДАДЫ\s*:|\bШЕШЕМІН\s*:|ШЕШІМ\s+ЕТЕДІ\s*:",
     "decision", "decision"),
]
# Structure that only acts have: article headings and chapters of laws.
ARTICLE_LINE = r"(?m)^\s*(?:#{1,6}\s*)?(?:Статья\s+\d+(?:-\d+)?\s*\.|\d+(?:-\d+)?\s*-\s*бап\s*\.)"
# A standalone regulation: the title names one and the text is in points.
REGULATION_TITLE = (r"^\s*(?:Типовой\s+)?(?:[Рр]егламент|Положение\s+о|Правила\s)|"
                    r"(?:регламенті|ережесі|қағидалары)\s*$")

# Coursework: the kind of paper and its academic framing (strong), its bibliography (strong),
# the words of its prose and headings (weak: laws and regulations use them too).
COURSEWORK_KIND = (r"курсов(?:ая|ой|ую)\s+работ|дипломн(?:ая|ой|ую)\s+работ|выпускн(?:ая|ой)\s+(?:квалификационн\w+\s+)?работ|"
                   r"магистерск\w+\s+диссертац|курстық\s+жұмыс|дипломдық\s+жұмыс|бітіру\s+жұмыс|магистрлік\s+диссертац|"
                   r"\bреферат\b")
COURSEWORK_FRAMING = (r"научн\w+\s+руководител|ғылыми\s+жетекші|\bстудент(?:ка|ом|а)?\b|\bорындаған\b|"
                      r"\bвыполнил[аи]?\b|\bкафедр[аыеу]\b|\bфакультет\w*|\bуниверситет\w*|\bтексерген\b|\bпроверил[аи]?\b")
COURSEWORK_BIBLIO = (r"(?m)^\s*(?:Список\s+(?:использованн\w+\s+)?(?:литературы|источников)|"
                     r"(?:Қолданылған|Пайдаланылған)\s+әдебиеттер|Әдебиеттер\s+тізімі)")
# the parts of a paper count only as headings: a line of their own, or `1. Кіріспе бөлім:` in a plan
COURSEWORK_HEADINGS = (r"(?im)(?:^|\d\.\s*)(кіріспе|қорытынды|мазмұны|введение|заключение|содержание|оглавление)"
                       r"(?:\s+(?:бөлім|часть))?\s*(?::|$)")
COURSEWORK_WEAK = ("әдебиеттер", "негізгі терминдер", "зерттеу барысында", "зерттеу объектісі", "зерттеу пәні", "жұмыстың мақсаты",
                   "тақырыптың өзектілігі", "ключевые слова", "актуальность темы", "цель работы",
                   "объект исследования", "предмет исследования", "в ходе исследования")


@dataclass
class DocKind:
    """The kind of a text and the words that decided it (shown in ``extra['doc_type_evidence']``)."""
    doc_type: str = "other"
    form: Optional[str] = None            # finer than doc_type: constitutional_law, government_resolution…
    evidence: list = field(default_factory=list)


def from_form_code(form: Optional[str], type_codes=None) -> Optional[DocKind]:
    """A repository ``meta.yaml`` form (``ЗАК``, ``УКАЗ``, ``РЕШ``…) as a DocKind, or None."""
    code = re.sub(r"[\s_\-]", "", str(form or "")).upper()
    if code in FORM_CODES:
        dt, fm = FORM_CODES[code]
        return DocKind(dt, fm, [f"meta form {form}"])
    for c in type_codes or ():
        c = re.sub(r"[\s_\-]", "", str(c)).upper()
        if c in FORM_CODES and FORM_CODES[c][0] in ("law", "code", "constitution"):
            dt, fm = FORM_CODES[c]
            return DocKind(dt, fm, [f"meta type_code {c}"])
    return None


_MARKS = re.compile(r"^[#>\s*]+|[*\s]+$")
_HEADER_FORMS = [(re.compile(rx), dt, fm) for rx, dt, fm in HEADER_FORMS]   # 12 forms x 12 lines a text


def _needed_words(rx: str) -> tuple[str, ...]:
    """The word each alternative of ``rx`` (a pattern without groups) starts with, after an
    optional ``\\b``: its leading run of letters, lower-cased. Where ``rx`` matches a text under
    ``re.I``, the lower-cased text holds one of them where the match starts, unless the text has
    one of the few letters ``re.I`` equates with a Cyrillic letter that ``str.lower`` does not
    (``_CASE_ODD``) or lower-casing changes its length."""
    if "(" in rx or "{" in rx:
        raise ValueError(f"groups and counted repeats are not read here: {rx}")
    out = []
    for alt in rx.split("|"):
        rest = alt[2:] if alt.startswith("\\b") else alt
        m = re.match(r"[^\W\d_]{2,}", rest)
        if m is None or rest[m.end():m.end() + 1] in ("?", "*"):
            raise ValueError(f"an alternative that does not start with a word: {alt}")
        out.append(m.group(0).lower())
    return tuple(out)


def _first_match(rx: re.Pattern, body: str, low: str, words: tuple[str, ...]) -> Optional[re.Match]:
    """``rx.search(body)`` where every match starts at one of ``words`` in ``low`` (``body``
    lower-cased, as long): ``rx`` is tried only there, leftmost first (issue 14: a long law that
    names a decision, «шешім», but has no formula was scanned whole under ``re.I``)."""
    starts = set()
    for w in words:
        i = low.find(w)
        while i >= 0:
            starts.add(i)
            i = low.find(w, i + 1)
    for p in sorted(starts):
        m = rx.match(body, p)
        if m:
            return m
    return None


# Letters that re.I matches with a letter of the operative formulae although their str.lower()
# differs (Cyrillic "rounded" and "tall" variants, U+1C80-U+1C88, U+A64B): a text with one of them
# is searched without the word test (tests/ingest/test_doctype_speed.py checks the list).
_CASE_ODD = re.compile("[\u1c80-\u1c88\ua64b]")
# The operative formulae searched case-insensitively, with the words their matches start with:
# scanning 60,000 characters under re.I five times was most of classify's time (issue 14).
_OPERATIVE = [(re.compile(rx, re.I), _needed_words(rx), dt, fm) for rx, dt, fm in OPERATIVE]


def _unmark(line: str) -> str:
    """``_MARKS.sub("", line)`` for a line without a newline: the leading marks and blanks and the
    trailing stars and blanks stripped (issue 14: the pattern was tried at every position of
    long lines, 17 ms on the 130 real texts; ``str.strip`` takes what ``\\s`` matches)."""
    while True:
        rest = line.lstrip().lstrip("#>*")
        if rest == line:
            break
        line = rest
    while True:
        rest = line.rstrip().rstrip("*")
        if rest == line:
            return line
        line = rest


def _head(text: str, n: int = 12) -> list[str]:
    lines = [_unmark(x) for x in text.split("\n", 80)[:80]]
    return [x for x in lines if x][:n]


def act_evidence(text: str) -> Optional[DocKind]:
    """The kind of act the text says it is, or None when it says nothing an act would say."""
    head = _head(text)
    for line in head:
        for rx, dt, fm in _HEADER_FORMS:
            if rx.search(line):
                return DocKind(dt, fm, [f"header: {line[:60]}"])
    body = text[:60000]
    if re.search(CONSTITUTION_OPENING, body[:3000]):
        return DocKind("constitution", "constitution", ["preamble of the Constitution"])
    low = body.lower() if _CASE_ODD.search(body) is None else None
    if low is not None and len(low) != len(body):
        low = None
    for rx, words, dt, fm in _OPERATIVE:
        m = rx.search(body) if low is None else _first_match(rx, body, low, words)
        if m:
            return DocKind(dt, fm, [f"operative formula: {m.group(0)}"])
    articles = len(re.findall(ARTICLE_LINE, text[:400000]))
    opening = " ".join(head[1:4]) if len(head) > 1 else ""
    for rx, dt, fm in SELF_NAMING:
        m = re.search(rx, opening) or (re.search(rx, body) if articles >= 2 else None)
        if m:
            return DocKind(dt, fm, [f"names itself: {m.group(0)}"])
    title = head[0] if head else ""
    if articles >= 2:
        if re.search(r"[Кк]одекс", title):
            return DocKind("code", "code", [f"{articles} article headings, title names a code"])
        return DocKind("law", "law", [f"{articles} article headings"])
    if re.search(REGULATION_TITLE, title) and re.search(r"(?m)^\s*\d+\.\s+\S", body):
        return DocKind("regulation", "regulation", [f"title: {title[:60]}"])
    return None


def coursework_evidence(text: str) -> list[str]:
    """What makes the text a student's paper: kind, framing, bibliography, then academic words."""
    low = text.lower()
    found: list[str] = []
    for rx, name in ((COURSEWORK_KIND, "kind"), (COURSEWORK_FRAMING, "framing")):
        m = re.search(rx, low[:8000] if name == "framing" else low)
        if m:
            found.append(f"{name}: {m.group(0)}")
    if re.search(COURSEWORK_BIBLIO, text, re.I):
        found.append("bibliography")
    found += sorted({m.group(1).lower() for m in re.finditer(COURSEWORK_HEADINGS, text[:200000])})
    for w in COURSEWORK_WEAK:
        if w in low and re.search(rf"(?<!\w){w}(?!\w)", low):
            found.append(w)
    return found


def is_coursework(text: str) -> bool:
    """Coursework: no act evidence, and a strong sign plus one more, or three academic signs."""
    if act_evidence(text) is not None:
        return False
    return _coursework(text, coursework_evidence(text))


def _coursework(text: str, ev: list[str]) -> bool:
    """``is_coursework`` of a text without act evidence whose ``coursework_evidence`` is ``ev``."""
    strong = [e for e in ev if e.startswith(("kind", "framing", "bibliography"))]
    return len(ev) >= 2 and (bool(strong) or not _looks_official(text))


def _looks_official(text: str) -> bool:
    """Official numbering (points `1.` and subpoints `1)` at line starts, many of them) without
    academic signs: a regulation or an annex, not a paper."""
    return len(re.findall(r"(?m)^\s*\d{1,3}\)\s", text[:200000])) >= 10 and \
        len(re.findall(r"(?m)^\s*\d{1,3}\.\s", text[:200000])) >= 10


def classify(text: str, language: str = "ru", meta: Optional[dict] = None) -> DocKind:
    """The kind of ``text``: meta.yaml form first, then the act's own words, then coursework."""
    if meta:
        k = from_form_code(meta.get("form"), meta.get("type_codes"))
        if k is not None:
            ev = act_evidence(text)
            # the text may be finer than the code: a constitutional law, a code filed as ЗАК
            if ev is not None and k.doc_type == "law" and ev.doc_type in ("code", "constitution") or \
                    ev is not None and ev.doc_type == k.doc_type and ev.form != k.form:
                return DocKind(ev.doc_type, ev.form, k.evidence + ev.evidence)
            return k
    ev = act_evidence(text)
    if ev is not None:
        return ev
    found = coursework_evidence(text)      # (act_evidence and this once each: issue 14)
    if _coursework(text, found):
        return DocKind("coursework", "coursework", found)
    return DocKind("other", None, [])
