"""Requisites around an act word: to the right in Russian (issuer, `от DATE`, `№ N`, "Title"),
to the left in Kazakh (title, date, number, issuer, `Қазақстан Республикасының`), and unquoted
short titles that ``act_short_names`` knows (`Закона о местном государственном управлении`).
"""
from __future__ import annotations

import re

from maslihat.core import grammar as G

from maslihat.nlp import patterns as P
from maslihat.nlp.references_base import (_HYPERLINK, _NOT_ISSUER_RU, _NUMBER, _NUMBER_END, _RK_RU, _SCAN_RU,


    _YEAR, _act_search, _clean_title, _title_end, _title_start)


def _one_line(num: str) -> str:
    """An act number as written, a line break inside it (a hard-wrapped text cut «№ ҚР» / «ДСМ-81»)
    read as the space it stands for."""
    return re.sub(r"[ \t]*\n\s*", " ", num.strip())


# --- requisites to the right (RU) and to the left (KK) --------------------------------------------

_GAP_RU = re.compile(rf"(?:\s+(?:{P.ISSUER_RU}|[{P.UP}][{P.LO}]+(?:ого|ой|ых|ей|ия|ии|ого)?)\b)*?\s*(?:от\s+|за\s+)?")
# the patterns of the loop below, compiled once
_R_ALIAS = re.compile(r"[»\"”]?\s*" + P.ALIAS + r"(?=\s*(?:от|№|N)\s)")
_R_CLOSE = re.compile(r"[»\"”]")
_R_STRAY = re.compile(r"[»\"”]\s*(?:от|ог|№|N)\s?")
_R_DATE_LEAD = re.compile(r"\s*,?\s*(?:от|ог|за|,)?\s*«?")
_R_NO_YEAR = re.compile(rf"\s*,?\s*(?:от|ог)\s+«?\d{{1,2}}»?\s*{G.fragment('ru', 'month')}(?!\s*\d)")
_R_NUM_LEAD = re.compile(r"\s*,?\s*(?:за\s+)?")
_R_CODE_SUFFIX = re.compile(r"\s*(?:ЗРК|ҚРЗ)\b")
_R_TITLE_LEAD = re.compile(r"\s*[:,]?\s*(?=[«\"“])")
_R_TAX_CODE = re.compile(r"\s*\((?:Налоговый|Салық)\s+[Кк]одекс\w*\)")
_R_ISSUER = re.compile(rf"(?:\s*,?\s+(?:[{P.LETTER}][{P.LETTER}\-]*\.?|\([^()]{{0,60}}\)))+?"
                       rf"(?=\s*,?\s*(?:(?:от|ог|за)\s|№|N\s?\d|N\d|N№|«|\"|“|\d{{1,2}}\s?[ .]|«\d))")
_R_PUNCT = re.compile(r"[;:]|\.\s")
_R_OT = re.compile(r"\b(?:от|года)\b")


def _requisites_right(s: str, pos: int, lang: str) -> tuple[int, dict]:
    """Consume issuer words, date, number and quoted title after ``pos``; returns (end, fields)."""
    found: dict = {}
    end = pos
    k = pos
    for _ in range(8):
        m = _RK_RU.match(s, k)
        if m:
            k = end = m.end()
            continue
        m = _R_ALIAS.match(s[k:k + 80])
        if m:
            k = k + m.end()
            continue
        m = _R_CLOSE.match(s[k:k + 1])
        back = s[pos:k]                       # a quote opened inside this citation closes here
        if m and (back.count("«") > back.count("»") or (m.group(0) == '"' and back.count('"') % 2 == 1)):
            k = end = k + 1
            continue
        # a stray closing quote glued to the issuer (`Правительства РК" от 4 сентября`)
        if m and not found and _R_STRAY.match(s[k:k + 6]) and s[k - 1:k].isalpha():
            k = end = k + 1
            continue
        m = _HYPERLINK.match(s, k)                  # `Законом Республики Казахстан Z000107_"Об …"`
        if m and "title" not in found:
            k = m.end()
            continue
        rest = s[k:k + 260]
        mm = _R_DATE_LEAD.match(rest)
        off = mm.end() if mm else 0
        m, iso = G.date_at(rest, off) if "date" not in found else (None, None)
        if iso:
            found["date"] = iso
            k = end = k + m.end()
            continue
        # a date without its year (`ог 12 июня № 209-11`): step over it, the number and title follow
        m = _R_NO_YEAR.match(rest)
        if m and "date" not in found and "number" not in found:
            k = k + m.end()
            continue
        m = _R_NUM_LEAD.match(rest)
        off = m.end() if m else 0
        m = _NUMBER.match(rest, off)
        if m and "number" not in found:
            found["number"] = _one_line(m.group("num"))
            k = end = k + m.end()
            m2 = _R_CODE_SUFFIX.match(s, k)
            if m2:
                k = end = m2.end()
            continue
        m = _R_TITLE_LEAD.match(rest)
        if m and "title" not in found:
            i = k + m.end()
            e = _title_end(s, i)
            if e > 0:
                found["title"] = _clean_title(s[i:e])
                k = end = e
                m3 = _R_TAX_CODE.match(s, k)
                if m3:
                    k = end = m3.end()
                continue
        # issuer words between the act word and its requisites (`Президента Республики Казахстан`)
        m = _R_ISSUER.match(rest)
        if m and found.keys() <= {"number"} and len(m.group(0).split()) <= 14 and not _R_PUNCT.search(m.group(0)):
            words = m.group(0)
            if not any(_act_search(full, bare, words) for full, bare, _, _ in _SCAN_RU[2:]) and not _R_OT.search(words) \
                    and not _NOT_ISSUER_RU.search(words):
                k = k + m.end()
                continue
        break
    return end, found


_ISSUER_KK_END = re.compile(
    rf"(?:(?:[{P.UP}][{P.LO}\-]*|облыс\w*|қала\w*|аудан\w*|Республикасы\w*|министр\w*|әкім\w*|мәслихат\w*|маслихат\w*|"
    rf"Үкімет\w*|Президент\w*|ҚР|Экология|экономика|геология|табиғи|ресурст\w*|және|даму|,|міндетін\s+атқарушы\w*|"
    rf"[{P.LO}]+(?:ның|нің|дың|дің|тың|тің))\s*)+$")
_RK_KK_END = re.compile(r"(?:Қазақстан\s+Республикасы(?:ның)?|ҚР)\s*$")


_ISSUER_HEAD_KK = re.compile(rf"\s*{P.ISSUER_HEAD_KK}")
_KK_VERB = re.compile(r"(?:ған|ген|қан|кен|атын|етін|йтын|йтін|ды|ді|ты|ті|сын|сін|ып|іп)$")


def _ministry_issuer(s: str, start: int, pos: int, lo: int = 0) -> int:
    """`Қазақстан Республикасы Денсаулық сақтау министрінің`: a ministry or committee name runs
    left of its head word in lower case; take the run back to the first capitalised word after
    punctuation or a verb form, at most 8 words."""
    if not _ISSUER_HEAD_KK.match(s, start) and not re.match(rf"[{P.LETTER}]+\s+{P.ISSUER_HEAD_KK}", s[start:pos]):
        return start
    head = s[max(lo, start - 200):start]
    run = re.split(r"[«»\"“”.;:()\n\d]", head)[-1]
    words = list(re.finditer(r"\S+", run))[-8:]
    keep = []
    for w in reversed(words):
        if _KK_VERB.search(w.group(0)) or w.group(0) in ("осы", "Осы", "бұл", "Бұл"):
            break
        keep.append(w)
    caps = [w for w in keep if w.group(0)[0].isupper()]
    if not caps:
        return start
    first = caps[-1]
    return start - len(head) + (len(head) - len(run)) + first.start()


_L_NOMIR = re.compile(r"(?:нөмірлі|нөмірмен|бекітілген|санды)$")
_L_PAREN = re.compile(r"\([^()]{1,200}\)$")
_L_GEN_END = re.compile(r"(?:ның|нің|дың|дің|тың|тің)\s*$")
_L_LEAD = re.compile(r"(?:және|мен|,)\s+")
_L_OWN = re.compile(r"(?<![{0}])(?:[Оо]сы|[Бб]ұл)\s+\S+\s+".format(P.LETTER))
# a signature's name line right before a caption with no blank line between (`М. Көбенов` /
# `Облыстық мәслихатының` / `2014 жылғы 28 наурыздағы …`): never part of the issuer
_L_NAME_LINE = re.compile(P.NAME_LINE)
# … and from a scan whose initial came out a digit («3. Нұрқаділов»)
_L_NAME_LINE_OCR = re.compile(P.NAME_LINE_OCR)


def _past_names(s: str, start: int, pos: int) -> int:
    """``start`` moved past the lines of ``s[start:pos]`` that are a person's name or a signing
    position (the line ``start`` falls in read whole: the run may begin at the surname of
    `М. Көбенов`, or at `Облыс әкімі` signed without a name right above a caption): an issuer in a
    caption is in the genitive («… әкімінің»), a position ends in its nominative head («әкімі»)."""
    while True:
        nl = s.find("\n", start, pos)
        line = s[s.rfind("\n", 0, start) + 1:nl].strip() if nl >= 0 else ""
        if nl < 0 or not (_L_NAME_LINE.fullmatch(line) or _L_NAME_LINE_OCR.fullmatch(line)
                          or _position_line(line)):
            return start
        start = nl + 1


def _position_line(line: str) -> bool:
    """A short line that ends in a signing position's head in the nominative («Облыс әкімі»,
    «Сессия төрағасы», «Мәслихат хатшысы»; ``nlp.patterns.SIGNATURE_HEADS``)."""
    words = line.split()
    return 0 < len(words) <= 6 and words[-1].lower() in P.SIGNATURE_HEADS["kk"]
# no issuer word has a character other than these: the issuer run starts after the last other one
_L_BARRIER = re.compile(r"[^\w\s,\-]")


def _issuer_kk_end(stripped: str):
    """``_ISSUER_KK_END.search(stripped)``; searched from after the last character no issuer word
    can contain (the `$`-anchored run would otherwise be retried from every position before it)."""
    b = _L_BARRIER.search(stripped[::-1])
    return _ISSUER_KK_END.search(stripped, len(stripped) - b.start() if b else 0)


def _requisites_left(s: str, pos: int, lang: str, lo: int = 0) -> tuple[int, dict]:
    """Consume, leftwards from ``pos`` (not before ``lo``), KK requisites: RK, number, date, title,
    issuer, parentheses."""
    found: dict = {}
    start = pos
    k = pos
    issuer_done = False
    for _ in range(10):
        head = s[max(lo, k - 700):k]
        base = k - len(head)
        stripped = head.rstrip(" ,\n\t")
        cut = len(stripped)
        if cut == 0:
            break
        m = _RK_KK_END.search(stripped)
        if m:
            k = start = base + m.start()
            continue
        m = _L_NOMIR.search(stripped)    # `N 3-19 нөмірлі шешімінің`
        if m and not found:
            k = base + m.start()
            continue
        m = _L_PAREN.search(stripped)
        if m:
            k = base + m.start()
            continue
        # (searched only when they can hit: a number needs its sign, every date form a 4-digit year)
        m = _NUMBER_END.search(stripped) if "number" not in found and ("№" in stripped or "N" in stripped) else None
        if m and "number" not in found:
            found["number"] = _one_line(m.group("num"))
            k = start = base + m.start()
            continue
        m, iso = (G.date_at(stripped, end=True)
                  if "date" not in found and _YEAR.search(stripped) else (None, None))
        if iso:
            found["date"] = iso
            k = start = base + m.start()
            continue
        if stripped[-1] in "»\"”" and "title" not in found:
            j = _title_start(stripped, len(stripped) - 1)
            if j >= 0:
                found["title"] = _clean_title(stripped[j:])
                k = start = base + j
                continue
        if not issuer_done and found:
            m = _L_GEN_END.search(stripped) and _issuer_kk_end(stripped)
            if m:
                seg = stripped[m.start():]
                # keep the issuer short: at most 12 words
                words = seg.split()
                if len(words) > 12:
                    off = len(stripped) - len(" ".join(words[-12:]))
                    m_start = base + off
                else:
                    m_start = base + m.start()
                lead = _L_LEAD.match(s, m_start)
                if lead:
                    m_start = lead.end()
                # `Осы Ереже облыстық Мәслихаттың …`: a self phrase is never part of an issuer
                own = list(_L_OWN.finditer(s[m_start:pos]))
                if own:
                    m_start += own[-1].end()
                m_start = _ministry_issuer(s, m_start, pos, lo)
                m_start = _past_names(s, m_start, pos)
                k = start = m_start
                issuer_done = True
                continue
        break
    return start, found


# --- unquoted short titles: `Закона о местном государственном управлении`, `… туралы Заңының` ----------

_SHORT_RU = re.compile(r"\s+((?:о|об)\s+[А-ЯЁа-яё\s\-]{5,120})(?=\s*(?:[,.;:)(«\"]|$|\s(?:от|№|в\s+редакции)\s))")
_SHORT_KK = re.compile(rf"((?:[{G.CYR}\-]+\s+){{1,10}}туралы)\s+$")


def _short_title_right(line: str, me: int, end: int, req: dict) -> tuple[int, dict]:
    """RU: an unquoted title after the act word that is a known short name (``act_short_names``)."""
    from maslihat.nlp.act_match import short_ids
    m = _SHORT_RU.match(line, me)
    if m and short_ids(m.group(1)):
        return m.end(1), {"title": m.group(1).strip()}
    return end, req


def _short_title_left(text: str, a: int, start: int, req: dict, lo: int) -> tuple[int, dict]:
    """KK: an unquoted `… туралы` title before the act word that is a known short name."""
    from maslihat.nlp.act_match import short_ids
    head = text[max(lo, a - 200):a]
    # _SHORT_KK ends with «туралы» and blanks at the end of ``head``: without them no start can
    # match, and trying every start is the cost (issue 14)
    bare = head.rstrip()
    m = _SHORT_KK.search(head) if len(bare) < len(head) and bare.endswith("туралы") else None
    if m:
        words = m.group(1).split()
        for k in range(len(words)):                     # the shortest tail that is a known name
            phrase = " ".join(words[k:])
            if short_ids(phrase):
                return a - len(head) + m.start(1) + len(" ".join(words[:k])) + (1 if k else 0), {"title": phrase}
    return start, req
