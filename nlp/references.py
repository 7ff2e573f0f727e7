"""Cross-references in RU and KK legal text -> ``Reference`` objects with normalised targets.

The act word is the anchor of every citation (`Закона`, `Указом`, `решения`; `Заңының`,
`шешімімен`, `Жарлығына`). Around it the two languages mirror each other:

* RU reads outwards to the right: ``[chain] ActWord [issuer] [от DATE] [№ N] ["Title"]``,
  the chain (`подпунктом 2-8 пункта 2 статьи 6`) standing right before the act word;
* KK reads to the left: ``[issuer] [DATE] [№ N] ["Title"] [Қазақстан Республикасының] ActWord``
  and the chain follows with suffixed numbers (`Заңының 6-бабының 2-тармағының 2-8-тармақшасына`).

Self-references (`настоящего решения`, `осы регламенттің 36-тармағында`) are internal; bare
chains with an article (`пунктом 3 статьи 67`) cite the act named by the last short name or
citation. One Reference per cited provision (lists and ranges share the surface). Vocabulary
lives in ``nlp.patterns``; dates and act numbers are read by ``core.grammar`` (as requisites are).
"""
from __future__ import annotations

import re
from typing import Optional

from maslihat.core import grammar as G
from maslihat.core.ids import slug
from maslihat.core.model import Document, Reference, Unit, empty_target
from maslihat.nlp import patterns as P

_NUMBER = G.NUMBER_RX
_NUMBER_END = re.compile(f"{G.NUMBER}(?:\\s*ҚРЗ|\\s*ЗРК)?\\s*$")
_YEAR = re.compile(r"\d{4}")             # every date form has one
# an act word starts a word, or a capital glued to the previous word (`руководствуетсяЗаконом`)
_WSTART = rf"(?:(?<![{P.LETTER}])|(?<=[{P.LO}])(?=[{P.UP}]))"
_ACT_RU = [(re.compile(rf"{_WSTART}{p}(?![{P.LETTER}])"), t) for p, t in P.ACT_TYPES_RU]
# Kazakh і is often typed as Latin i (`шешiмiнiң`)
_ACT_KK = [(re.compile(rf"{_WSTART}{p.replace('і', '[іi]')}(?![{P.LETTER}])"), t) for p, t in P.ACT_TYPES_KK]


def _scanners(pats, kk: bool):
    """Per act word: (full regex, the same without the leading word-start lookbehind, a literal the
    line must contain or None, act type). The leading lookbehind makes the regex engine try every
    position of the line; the bare pattern starts with a letter class the engine skips to, so it
    finds candidate starts fast and the full regex confirms each one (same matches as finditer)."""
    out = []
    for (full, t), (p, _) in zip(_ACT_KK if kk else _ACT_RU, pats):
        if kk:
            p = p.replace('і', '[іi]')
        guard = "одекс" if r"\s+[Кк]одекс" in p else None     # `Водного кодекса`: no literal prefix
        out.append((full, re.compile(rf"{p}(?![{P.LETTER}])"), guard, t))
    return out


_SCAN_RU = _scanners(P.ACT_TYPES_RU, False)
_SCAN_KK = _scanners(P.ACT_TYPES_KK, True)
_SCAN = {id(_ACT_RU): _SCAN_RU, id(_ACT_KK): _SCAN_KK}


def _act_search(full, bare, s: str) -> bool:
    """``bool(full.search(s))``, the bare pattern finding the candidate starts."""
    pos = 0
    while True:
        c = bare.search(s, pos)
        if c is None:
            return False
        if full.match(s, c.start()):
            return True
        pos = c.start() + 1
_SELF_RU = re.compile(rf"(?<![{P.LETTER}]){P.SELF_RU}(?![{P.LETTER}])")
_SELF_KK = re.compile(rf"(?<![{P.LETTER}]){P.SELF_KK}(?![{P.LETTER}])")
_ALIAS = re.compile(P.ALIAS)
_AMENDED = re.compile("|".join(P.AMENDED_BY), re.I)
_REPEALED = re.compile("|".join(P.REPEALED_BY), re.I)
_KNOWN = [(re.compile(rx, re.I), key, tgt) for rx, key, tgt in P.KNOWN_ACTS]

NUM = r"\d{1,4}(?:-\d{1,3})?\)?"
_U_RU = P.UNIT_WORDS_RU
_ITEM_RU = rf"(?P<w>{_U_RU['subpoint']}|{_U_RU['point']}|{_U_RU['article']}|{_U_RU['part']}|{_U_RU['chapter']})\s*" \
           rf"(?P<n>{NUM}(?:\s*(?:,|и|или|[-–—]|по)\s*{NUM}(?![-\d]))*)"
_CHAIN_RU_END = re.compile(rf"(?:(?:{_ITEM_RU.replace('?P<w>', '?:').replace('?P<n>', '?:')})(?:\s*,\s*|\s+))*"
                           rf"(?:{_ITEM_RU.replace('?P<w>', '?:').replace('?P<n>', '?:')})(?<![)])\s+[«\"“]?$")
_ITEM_RU_RX = re.compile(_ITEM_RU)
_U_KK = P.UNIT_WORDS_KK
_ITEM_KK = rf"(?P<n>{NUM}(?:\s*(?:,|және|мен|[-–—])\s*{NUM}(?=\s*[-‐]?\s*\d|\s*[-‐]?\s*[{P.LO}]))*)" \
          rf"(?:\s*[-‐]\s*(?:інші|ыншы|нші|ншы|ші|шы))?\s*[-‐]?\s*" \
           rf"(?P<w>{_U_KK['subpoint']}|{_U_KK['point']}|{_U_KK['article']}|{_U_KK['part']}|{_U_KK['chapter']})(?![{P.LETTER}])"
_ITEM_KK_RX = re.compile(_ITEM_KK)
_CHAIN_KK = re.compile(rf"(?:\s*,?\s*(?:{_ITEM_KK.replace('?P<w>', '?:').replace('?P<n>', '?:')}))+")
_DIGIT = re.compile(r"\d")
# the literal stems every KK unit word starts with (`(?:бап|баб)(?:ындағы|…)` -> бап, баб)
_UNIT_STEMS_KK = tuple(stem for w in P.UNIT_WORDS_KK.values()
                       for stem in re.match(r"\(\?:([^()]*)\)", w).group(1).split("|"))
assert all(re.escape(stem) == stem for stem in _UNIT_STEMS_KK), _UNIT_STEMS_KK


def _chains_kk(line: str):
    r"""``_CHAIN_KK.finditer(line)``. Every match is spaces and commas, then a digit: find the digits
    and try only the starts in the run of spaces and commas before each (the leading ``\s*``
    otherwise has the regex engine try every position of the paragraph)."""
    if not any(w in line for w in _UNIT_STEMS_KK):     # every item ends in a unit word
        return
    pos = 0
    while True:
        d = _DIGIT.search(line, pos)
        if d is None:
            return
        d = d.start()
        r = d
        while r > pos and (line[r - 1] == "," or line[r - 1].isspace()):
            r -= 1
        for p in range(r, d + 1):
            m = _CHAIN_KK.match(line, p)
            if m:
                yield m
                pos = m.end()
                break
        else:
            pos = d + 1
_RK_RU = re.compile(r"\s*(?:Республики\s+Казахстан|РК)\b")
_TITLE_OPEN = "«\"“„"
_HYPERLINK = re.compile(rf"\s*{P.HYPERLINK_ID}")
_NOT_ISSUER_RU = re.compile(P.NOT_ISSUER_RU)
_PAREN = re.compile(r"\s*\(([^()]{1,160})\)")
_PLURAL_RU = re.compile(r"(?:ами|ями|ов|ений|ий)$")
_PLURAL_KK = re.compile(r"(?:лар|лер|дар|дер|тар|тер)")


def _kind_of_word(w: str, lang: str) -> str:
    w = w.lower()
    if lang == "ru":
        if w.startswith(("подп", "пп")):
            return "subpoint"
        if w.startswith(("пункт", "п.")):
            return "point"
        if w.startswith(("стать", "ст.", "ст ")):
            return "article"
        if w.startswith("част"):
            return "part"
        return "chapter"
    if w.startswith("тармақша"):
        return "subpoint"
    if w.startswith(("тармақ", "тармағ")):
        return "point"
    if w.startswith(("бап", "баб")):
        return "article"
    if w.startswith(("бөлі",)):
        return "part"
    return "chapter"


def _split_nums(s: str) -> list[str]:
    """`6 и 27` -> [6, 27]; `36–38` -> 36, 37, 38; `2-8` stays one number (a point inserted later)."""
    parts = re.split(r"\s*(?:,|\bи\b|\bили\b|және|мен)\s*", s.strip())
    out = []
    for p in parts:
        m = re.fullmatch(r"(\d+)\s*[–—]\s*(\d+)", p) or re.fullmatch(r"(\d+)\s+[-]\s+(\d+)", p)
        sm = re.fullmatch(r"(\d+)\)\s*[-–—]\s*(\d+)\)", p)       # subpoints `1)-4)`
        if m and int(m.group(2)) - int(m.group(1)) in range(1, 30):
            out += [str(k) for k in range(int(m.group(1)), int(m.group(2)) + 1)]
        elif sm and int(sm.group(2)) - int(sm.group(1)) in range(1, 30):
            out += [f"{k})" for k in range(int(sm.group(1)), int(sm.group(2)) + 1)]
        elif p:
            out.append(p.replace(" ", ""))
    return out


def _chain_targets(items: list[tuple[str, str]]) -> list[dict]:
    """[(kind, numbers)] from inner to outer -> one dict per cited provision."""
    base: dict = {}
    lists: list[tuple[str, list[str]]] = []
    for kind, nums in items:
        if kind in ("part", "chapter"):
            continue
        ns = _split_nums(nums)
        if kind != "subpoint":
            ns = [n.rstrip(")") for n in ns]          # `(статья 462)`: the bracket closes a parenthesis
        if kind == "point" and "point" in base and "subpoint" not in base:
            base["subpoint"] = base.pop("point")   # `п.4 п.2` = subpoint 4 of point 2
        if kind in base:
            continue
        base[kind] = ns[0]
        if len(ns) > 1:
            lists.append((kind, ns))
    if not lists:
        return [base] if base else []
    kind, ns = lists[0]
    return [dict(base, **{kind: n}) for n in ns]


def _title_end(s: str, i: int) -> int:
    """End (exclusive) of a quoted title opening at s[i]; nested «» balanced; -1 if unclosed."""
    op = s[i]
    if op == "«":
        depth = 0
        for k in range(i, min(len(s), i + 600)):
            if s[k] == "«":
                depth += 1
            elif s[k] == "»":
                depth -= 1
                if depth == 0:
                    return k + 1
        # unbalanced (a nested title whose outer `»` is missing): end at the first `»` that is
        # followed by the requisites of the act (`…области» от 12 мая 2016 года № 2-17`)
        m = re.compile(r"»(?=\s*,?\s*(?:от|№|N)\s?\d?)").search(s, i, min(len(s), i + 600))
        return m.end() if m else -1
    close = "”" if op == "“" else "“" if op == "„" else "\""
    k = s.find(close, i + 1)
    if k == -1 and op == "“":
        k = s.find("\"", i + 1)
    return k + 1 if 0 < k < i + 600 else -1


def _quote_side(s: str, j: int) -> str:
    """'open', 'close' or '?' for the straight quote s[j], judged by its neighbours."""
    before = s[j - 1] if j > 0 else " "
    after = s[j + 1] if j + 1 < len(s) else " "
    b_gap, a_gap = before.isspace() or before in "(«:", after.isspace() or after in ".,;:)»"
    if b_gap and not a_gap:
        return "open"
    if a_gap and not b_gap:
        return "close"
    return "?"


def _title_start(s: str, i: int) -> int:
    """Start of the quoted title whose closing quote is s[i]; -1 when there is none.

    «» are balanced; straight quotes are told apart by their neighbours, so a title quoting
    another act (`"… "Мемлекеттік … туралы" Заңын … туралы"`) is taken whole; a stray `»`
    after a straight-quoted title (`…туралы"»`) falls back to the straight quotes.
    """
    if s[i] == "»":
        depth, j = 0, i
        while j >= 0 and i - j < 700:
            if s[j] == "»":
                depth += 1
            elif s[j] == "«":
                depth -= 1
                if depth == 0:
                    return j
            j -= 1
        if i > 0 and s[i - 1] in "\"”":
            return _title_start(s, i - 1)
        return -1
    if s[i] in "\"”" and _quote_side(s, i) == "open":
        return -1
    depth = 1
    for j in range(i - 1, max(-1, i - 700), -1):
        c = s[j]
        if c == "«" or c == "»":
            continue
        if c in "\"“”„":
            side = _quote_side(s, j)
            if side == "close" and c != "“":
                depth += 1
            else:
                depth -= 1
            if depth == 0:
                return j
    return -1


def _clean_title(t: str) -> str:
    return re.sub(r"\s+", " ", t.strip(_TITLE_OPEN + "»”\" ")).strip()


def act_key(target: dict, internal_doc: Optional[str] = None) -> Optional[str]:
    """One key per cited act, whether cited by title, by date and number, or both."""
    if internal_doc:
        return f"self:{internal_doc}"
    t = target.get("act_type")
    title = target.get("title") or ""
    if t == "Конституция":
        return "constitution"
    for rx, key, _ in _KNOWN:
        if title and rx.search(title) and (t in (None, _KNOWN_TYPE.get(key))):
            return key
    prefix = {"Закон": "law", "Кодекс": "code", "Указ": "decree", "постановление": "resolution",
              "решение": "decision", "приказ": "order", "распоряжение": "order"}.get(t, "act")
    if target.get("date") and target.get("number"):
        return f"{prefix}:{target['date']}:{slug(target['number'])}"
    if target.get("code_name"):
        return f"code:{slug(target['code_name'])}"
    if title:
        return f"{prefix}:title:{slug(title, 50)}"
    if target.get("date"):
        return f"{prefix}:{target['date']}"
    if target.get("number"):
        return f"{prefix}:n:{slug(target['number'])}"
    return None


# the document's own requisite line (`Решение … от … № …. Зарегистрировано …`) describes, not cites
_REQUISITE = re.compile(r"(?:Решение|Постановление|Приказ|Указ|Распоряжение)\b.*(?:Зарегистрирован|№|N\s?\d)|"
                        r".*(?:шешімі|қаулысы|бұйрығы|өкімі)\s*\..*(?:тіркел|Күші жойыл)")
_KNOWN_TYPE = {key: tgt.get("act_type") for _, key, tgt in P.KNOWN_ACTS}


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
            found["number"] = m.group("num").strip()
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
            found["number"] = m.group("num").strip()
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
                k = start = m_start
                issuer_done = True
                continue
        break
    return start, found


# --- unquoted short titles: `Закона о местном государственном управлении`, `… туралы Заңының` ----------

_SHORT_RU = re.compile(r"\s+((?:о|об)\s+[А-ЯЁа-яё\s\-]{5,120})(?=\s*(?:[,.;:)(«\"]|$|\s(?:от|№|в\s+редакции)\s))")
_SHORT_KK = re.compile(r"((?:[А-ЯӘҒҚҢӨҰҮҺІа-яәғқңөұүһі\-]+\s+){1,10}туралы)\s+$")


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
    m = _SHORT_KK.search(head)
    if m:
        words = m.group(1).split()
        for k in range(len(words)):                     # the shortest tail that is a known name
            phrase = " ".join(words[k:])
            if short_ids(phrase):
                return a - len(head) + m.start(1) + len(" ".join(words[:k])) + (1 if k else 0), {"title": phrase}
    return start, req


# --- the finder ------------------------------------------------------------------------------------

class _Ctx:
    def __init__(self, doc: Document, units: list[Unit]):
        self.doc = doc
        self.units = units
        self.aliases: dict[str, dict] = {}      # alias word stem -> target
        self.last_act: Optional[dict] = None
        self.last_statute: Optional[dict] = None
        self.refs: list[Reference] = []
        self.has_articles = any(u.kind == "article" for u in units)


def _smallest_unit(units: list[Unit], s: int, e: int) -> Optional[Unit]:
    best = None
    for u in units:
        if u.start <= s and e <= u.end and (best is None or u.end - u.start < best.end - best.start):
            best = u
    return best


def _relation(text: str, s: int) -> str:
    """amended_by / repealed_by for citations inside notes (`Сноска.`, `Ескерту.`) or repeal formulas."""
    line_start = text.rfind("\n", 0, s) + 1
    before = text[line_start:s]
    in_note = bool(re.match(r"\s*(?:Сноска|Ескерту|Примечание)", before))
    if _REPEALED.search(before[-80:]) or (in_note and re.search(r"Күші\s+жойылды|Утратил", before)):
        return "repealed_by"
    if in_note and (_AMENDED.search(before)):
        return "amended_by"
    return "cites"


def _emit(ctx: _Ctx, s: int, e: int, kind: str, target: dict, chain: list[dict], relation: str = "cites"):
    text = ctx.doc.text
    while e > s and (text[e - 1] in " ," or (text[e - 1] == ")" and text.count("(", s, e) < text.count(")", s, e))):
        e -= 1
    while s < e and text[s] in " ,":
        s += 1
    if e <= s:
        return
    if relation == "cites":
        relation = _relation(text, s)
    for c in (chain or [{}]):
        t = empty_target(**{k: v for k, v in target.items() if k in ("act_type", "title", "date", "number")})
        for k in ("article", "point", "subpoint"):
            if c.get(k):
                t[k] = c[k]
        if kind == "internal" and t.get("article") and not t.get("point") and not ctx.has_articles:
            t["point"] = t["article"]            # regulations call their points "статьи"
        if target.get("self"):
            t["self"] = True
        if target.get("code_name"):
            t["code_name"] = target["code_name"]          # `Бюджетного кодекса`: resolved by its short name
        u = _smallest_unit(ctx.units, s, e)
        ref = Reference(id="", document_id=ctx.doc.id, unit_id=u.id if u else None, start=s, end=e,
                        surface=text[s:e], kind=kind, target=t, relation=relation,
                        cited_act_key=act_key(dict(target), ctx.doc.id if kind == "internal" else None))
        ctx.refs.append(ref)


def _chain_before(text: str, a: int, lang: str) -> tuple[int, list[dict]]:
    head = text[max(0, a - 200):a]
    base = a - len(head)
    m = _CHAIN_RU_END.search(head)
    if not m or not m.group(0).strip():
        return a, []
    items = [(_kind_of_word(x.group("w"), "ru"), x.group("n")) for x in _ITEM_RU_RX.finditer(m.group(0))]
    return base + m.start() + (len(m.group(0)) - len(m.group(0).lstrip())), _chain_targets(items)


def _chain_after_kk(text: str, e: int) -> tuple[int, list[dict]]:
    rest = text[e:e + 200]
    skip = re.match(r"\s*\([^()]{0,80}\)", rest)        # `Заңының (бұдан әрі – Заң) 9 бабына`
    off = skip.end() if skip else 0
    m = _CHAIN_KK.match(rest, off)
    if not m:
        return e, []
    items = [(_kind_of_word(x.group("w"), "kk"), x.group("n")) for x in _ITEM_KK_RX.finditer(m.group(0))]
    items.reverse()                                     # KK goes outer -> inner
    return e + m.end(), _chain_targets(items)


def _paren_chain(text: str, e: int, lang: str) -> tuple[int, list[dict]]:
    """`Закона "…" от … (глава 6, статья 37)` / `Заңды (29-бап, 2-тармақ және 116-бап, 4-ші тармақ)`:
    a parenthesis made only of unit items right after a citation is that citation's chain.
    Items read outer to inner; each article opens a new cited provision."""
    m = _PAREN.match(text, e)
    if not m:
        return e, []
    inner = m.group(1)
    rx = _ITEM_RU_RX if lang == "ru" else _ITEM_KK_RX
    items = list(rx.finditer(inner))
    if not items or re.sub(r"[\s,;]|\b(?:и|және|мен)\b", "", rx.sub("", inner)):
        return e, []
    groups: list[list[tuple[str, str]]] = []
    for x in items:
        kind = _kind_of_word(x.group("w"), lang)
        if kind == "article" or not groups or any(k == kind for k, _ in groups[-1]):
            groups.append([])
        groups[-1].append((kind, x.group("n")))
    chain = [t for g in groups for t in _chain_targets(list(reversed(g)))]
    return (m.end(), chain) if chain else (e, [])


def _is_self(ctx: "_Ctx", target: dict) -> bool:
    """The act's own number, or (captions without a number) its own date and form."""
    d = ctx.doc
    if d.number and target.get("number"):
        return G.number_key(target["number"]) == G.number_key(d.number)
    return bool(not target.get("number") and target.get("date") and target.get("date") == d.adopted_date
                and target.get("act_type") in ("решение", "постановление") and not target.get("title"))


def _candidates(line: str, table) -> list[tuple[int, int, str, str]]:
    """Act words of a line, earliest first, the longest at one position (`Водного кодекса` over `кодекса`)."""
    out = []
    scan = _SCAN.get(id(table))
    if scan is None:
        for rx, act_type in table:
            for m in rx.finditer(line):
                out.append((m.start(), m.end(), act_type, m.group(0)))
    else:
        for full, bare, guard, act_type in scan:
            if guard is not None and guard not in line:
                continue
            pos = 0
            while True:                     # == full.finditer(line): leftmost non-overlapping matches
                c = bare.search(line, pos)
                if c is None:
                    break
                m = full.match(line, c.start())
                if m:
                    out.append((m.start(), m.end(), act_type, m.group(0)))
                    pos = m.end()
                else:
                    pos = c.start() + 1
    out.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    keep, last_end = [], -1
    for c in out:
        if c[0] >= last_end:
            keep.append(c)
            last_end = c[1]
    return keep


_PAREN_CLOSE = re.compile(r"[^()]{0,40}\)")
_ALIAS_OPEN = re.compile(r"\(\s*(?:далее|бұдан\s+әрі)")


def _short_name_paren(line: str, ms: int, me: int, taken: list, off: int) -> bool:
    """`… Кодексінің 569-бабына (Салық кодексі)`: the code's usual name in brackets right after
    its citation repeats it, it is not another citation."""
    o = line.rfind("(", 0, ms)
    if o == -1 or line[o + 1:ms].count(")") or not _PAREN_CLOSE.match(line, me):
        return False
    return any(e <= off + o and off + o - e <= 3 for _, e in taken)


def _in_alias(line: str, i: int) -> bool:
    """Is position i inside a `(далее – …)` / `(бұдан әрі – …)` parenthesis?"""
    o = line.rfind("(", 0, i)
    return o != -1 and line.find(")", o) >= i and bool(_ALIAS_OPEN.match(line, o))


def _find_ru(ctx: _Ctx, line: str, off: int):
    text = ctx.doc.text
    taken: list[tuple[int, int]] = []
    for ms, me, act_type, word in _candidates(line, _ACT_RU):
        if True:
            a, b = off + ms, off + me
            if any(s <= a < e for s, e in taken) or _in_alias(line, ms) or _short_name_paren(line, ms, me, taken, off):
                continue
            end, req = _requisites_right(line, me, "ru")   # reads s[pos - 1:] only: the paragraph will do
            if not req and act_type in ("Закон", "Кодекс"):
                end, req = _short_title_right(line, me, end, req)
            end += off
            after = text[b:b + 30]
            rk = bool(_RK_RU.match(after))
            code_adj = act_type == "Кодекс" and " " in word.strip()
            alias = ctx.aliases.get(word[:4].lower()) if word[0].isupper() else None
            cs, chain = _chain_before(text, a, "ru")
            if act_type in ("решение", "постановление", "приказ", "распоряжение", "Указ"):
                if not (req.get("date") or req.get("number")):
                    continue
            elif act_type in ("Закон", "Кодекс"):
                if re.search(r"(?:ами|ам|ах|ов|ы)$", word) and not req and not chain:
                    continue                          # `законами Республики Казахстан`: legislation, no act
                if not (req or rk or code_adj or chain or alias or word[0].isupper() and
                        re.match(r"\s*(?:Республики|РК|«|\")", after)):
                    if not (word[0].isupper() and ctx.last_statute and act_type == ctx.last_statute.get("act_type")):
                        continue
            target = {"act_type": act_type, **req}
            if code_adj:
                target["code_name"] = re.sub(r"(ого|ый|ому|ым|ом)\s.*", "ый кодекс", word)
            if not req and alias:
                target = dict(alias)
            elif not req and not rk and ctx.last_statute and act_type == ctx.last_statute.get("act_type") \
                    and not code_adj and word[0].isupper():
                target = dict(ctx.last_statute)
            s = cs if chain else a
            e = max(end, b + (len(_RK_RU.match(after).group(0)) if rk else 0))
            if not chain:
                e, chain = _paren_chain(line, e - off, "ru")
                e += off
            # short name defined right after the citation: `(далее – Закон)`
            am = _ALIAS.search(text, b, e + 70)
            if am and am.start() <= e + 4:
                ctx.aliases[am.group("alias").strip()[:4].lower()] = dict(target)
            taken.append((s, e))
            internal = _is_self(ctx, target)
            if internal:
                target["self"] = True
            _emit(ctx, s, e, "internal" if internal else "external", target, chain)
            if req:
                _plural_right(ctx, line, e - off, act_type, bool(_PLURAL_RU.search(word)), off)
            if act_type != "Конституция":
                ctx.last_act = {k: v for k, v in target.items() if k != "self"}
            if act_type in ("Закон", "Кодекс", "Указ"):
                ctx.last_statute = {k: v for k, v in target.items() if k != "self"}
    # self references and bare chains
    for m in _SELF_RU.finditer(line):
        a, b = off + m.start(), off + m.end()
        if any(s <= a < e for s, e in taken) or m.group(0)[0].isupper():
            continue                      # `Настоящее решение вступает…` describes itself, cites nothing
        cs, chain = _chain_before(text, a, "ru")
        s = cs if chain else a
        pre = re.search(r"(?:\b[кК]\s+)$", text[max(0, s - 3):s])
        if pre:
            s -= len(pre.group(0))
        _emit(ctx, s, b, "internal", {"act_type": None}, chain)
        taken.append((s, b))
    for m in re.finditer(rf"(?:{_ITEM_RU.replace('?P<w>', '?:').replace('?P<n>', '?:')}\s*,?\s*)+", line):
        a, b = off + m.start(), off + m.end()
        if any(s <= a < e or s < b <= e for s, e in taken):
            continue
        items = [(_kind_of_word(x.group("w"), "ru"), x.group("n")) for x in _ITEM_RU_RX.finditer(m.group(0))]
        if not any(k == "article" for k, _ in items) or not ctx.last_statute:
            continue
        _emit(ctx, a, b, "external", dict(ctx.last_statute), _chain_targets(items))


def _plural_right(ctx: _Ctx, text: str, e: int, act_type: str, plural: bool, off: int = 0):
    """Further acts of one act word (RU): `решениями акима … № 16-105 и Алматинского областного
    маслихата от … № 20-132`, `постановлений … № 840 «…», от … № 457 «…»`, `Законами … "…", Z000107_"…"`.
    Each needs its own date or number (a title alone only after a plural act word)."""
    for _ in range(6):
        m = re.match(r"\s*(?:\([^()]{0,200}\)\s*)?(?:,\s*и|,|и|;)(?=\s)", text[e:e + 220])
        if not m:
            return
        p = e + m.end()
        end, req = _requisites_right(text, p, "ru")
        if not (req.get("date") or req.get("number") or (plural and req.get("title"))):
            return
        target = {"act_type": act_type, **req}
        internal = _is_self(ctx, target)
        if internal:
            target["self"] = True
        _emit(ctx, off + p, off + end, "internal" if internal else "external", target, [])
        e = end


def _plural_left(ctx: _Ctx, text: str, s: int, act_type: str):
    """Earlier acts of a KK plural act word: `әкімінің 15.03.2002 № 3-47 және … мәслихатының
    18.03.2002 № 20-132 шешімдерімен`; `… № 840, 1999ж. 22-сәуірдегі "…" № 457 Қаулыларын`."""
    para_start = text.rfind("\n\n", 0, s) + 2 if text.rfind("\n\n", 0, s) >= 0 else 0
    for _ in range(6):
        m = re.search(r"(?:,|;|\bжәне|\bмен)\s*$", text[max(para_start, s - 30):s])
        if not m:
            return
        conj = s - (len(text[max(para_start, s - 30):s]) - m.start())
        start, req = _requisites_left(text, conj, "kk", para_start)
        if not (req.get("date") or req.get("number")) or start >= conj:
            return
        target = {"act_type": act_type, **req}
        internal = _is_self(ctx, target)
        if internal:
            target["self"] = True
        _emit(ctx, start, conj, "internal" if internal else "external", target, [])
        s = start


def _find_kk(ctx: _Ctx, line: str, off: int):
    text = ctx.doc.text
    taken: list[tuple[int, int]] = []
    for ms, me, act_type, word in _candidates(line, _ACT_KK):
        if True:
            a, b = off + ms, off + me
            if any(s <= a < e for s, e in taken) or _in_alias(line, ms) or _short_name_paren(line, ms, me, taken, off):
                continue
            start, req = _requisites_left(text, a, "kk", off)
            if not req and act_type in ("Закон", "Кодекс"):
                start, req = _short_title_left(text, a, start, req, off)
            before = text[max(0, a - 40):a]
            rk = bool(re.search(r"(?:Қазақстан\s+Республикасы(?:ның)?|ҚР)\s*$", before))
            ce, chain = _chain_after_kk(text, b)
            code_name = None
            if act_type == "Кодекс":
                cm = re.search(rf"({P.CODE_NAMES_KK})\s*$", before)
                if cm:
                    code_name = cm.group(1)
                    start = min(start, a - len(before) + cm.start())
            alias = ctx.aliases.get(word[:3].lower())
            if act_type in ("решение", "постановление", "приказ", "распоряжение", "Указ"):
                if not (req.get("date") or req.get("number")):
                    continue
            elif act_type in ("Закон", "Кодекс"):
                plural = re.search(r"дар|дер", word[3:])
                if plural and not req:
                    continue                          # `Қазақстан Республикасының заңдары`: legislation, no act
                if not (req or rk or code_name or chain or (alias and word[0].isupper())):
                    continue
            elif act_type == "Конституция":
                if not (rk or chain or word[0] == "К"):
                    continue
            target = {"act_type": act_type, **req}
            if code_name:
                target["code_name"] = code_name
            if not req and not code_name and alias and not rk:
                target = dict(alias)
            e = ce if chain else b
            if not chain:
                e, chain = _paren_chain(line, me, "kk")
                e += off
            pm = re.match(rf"\s*\((?:{P.CODE_NAMES_KK})\s+кодек\w*\)", text[e:e + 60])
            if act_type == "Кодекс" and pm:            # `Кодексіне (Салық кодексі)`
                e += pm.end()
            s = min(start, a)
            if rk and s == a:
                s = a - len(re.search(r"(?:Қазақстан\s+Республикасы(?:ның)?|ҚР)\s*$", before).group(0))
            am = _ALIAS.search(text, b, max(e, b) + 70)
            if am and am.start() <= max(e, b) + 4 or (am and am.start() <= b + 4):
                ctx.aliases[am.group("alias").strip()[:3].lower()] = dict(target)
            taken.append((s, e))
            internal = _is_self(ctx, target)
            if internal:
                target["self"] = True
            _emit(ctx, s, e, "internal" if internal else "external", target, chain)
            if req and _PLURAL_KK.search(word[3:]):
                _plural_left(ctx, text[:off + len(line)], s, act_type)
            if act_type != "Конституция":
                ctx.last_act = {k: v for k, v in target.items() if k != "self"}
            if act_type in ("Закон", "Кодекс", "Указ"):
                ctx.last_statute = {k: v for k, v in target.items() if k != "self"}
    for m in _SELF_KK.finditer(line):
        a, b = off + m.start(), off + m.end()
        if any(s <= a < e for s, e in taken) or m.group(0)[0].isupper():
            continue
        ce, chain = _chain_after_kk(text, b)
        _emit(ctx, a, ce if chain else b, "internal", {"act_type": None}, chain)
        taken.append((a, ce if chain else b))
    # bare chains with an article: `477-баптың 2-тармағы`
    for m in _chains_kk(line):
        a, b = off + m.start(), off + m.end()
        if any(s <= a < e or s < b <= e for s, e in taken):
            continue
        items = [(_kind_of_word(x.group("w"), "kk"), x.group("n")) for x in _ITEM_KK_RX.finditer(m.group(0))]
        if not any(k == "article" for k, _ in items) or not ctx.last_statute:
            continue
        items.reverse()
        _emit(ctx, a, b, "external", dict(ctx.last_statute), _chain_targets(items))


def _redundant(r: Reference, refs: list[Reference]) -> bool:
    """A bare act word inside a longer citation of the same act type adds nothing
    (`«…» (Салық кодексі) 2017 жылғы … Кодексінің 569-бабына`)."""
    if any(r.target.get(k) for k in ("date", "number", "title", "article", "point", "subpoint")):
        return False
    return any(o is not r and o.start <= r.start and r.end <= o.end and (o.end - o.start) > (r.end - r.start)
               and o.target.get("act_type") == r.target.get("act_type") for o in refs)


def find_references(doc: Document, units: list[Unit]) -> list[Reference]:
    """Every cross-reference of ``doc``, in text order, ids ``{doc.id}#ref{n}``."""
    ctx = _Ctx(doc, units or [])
    text = doc.text or ""
    skip: list[tuple[int, int]] = []
    for k, lm in enumerate(re.finditer(r"[^\n]+", text)):
        if k >= 4:
            break
        if _REQUISITE.match(lm.group(0).strip()):
            skip.append((lm.start(), lm.end()))
    for pm in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", text):     # paragraphs: lines up to a blank line
        para, pos = pm.group(0), pm.start()
        try:
            if doc.language == "kk":
                _find_kk(ctx, para, pos)
                if re.search(r"(?:статьи|статьей|пункт|решени[ея]|Закон)", para) and not re.search(
                        f"[{G.KK_LOWER}]", para):
                    _find_ru(ctx, para, pos)      # a Russian paragraph inside a KK document (requisites)
            else:
                _find_ru(ctx, para, pos)
        except re.error:
            pass
    from maslihat.nlp.references_law import find_law_references
    ctx.refs = find_law_references(ctx, list(ctx.refs))     # laws: self and internal references
    refs = [r for r in ctx.refs if not any(s <= r.start < e for s, e in skip)]
    refs = sorted((r for r in refs if not _redundant(r, refs)), key=lambda r: (r.start, -r.end))
    for n, r in enumerate(refs, 1):
        r.id = f"{doc.id}#ref{n}"
    return refs
