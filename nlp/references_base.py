"""Shared machinery of the citation engine: act-word scanners, unit chains, titles, act keys,
the finder's context and emission. The per-language readers (``references_ru``, ``references_kk``)
and the law pass (``references_law``) build on it; ``nlp.references`` runs them.
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


def _needed_literal(rx: re.Pattern) -> Optional[str]:
    """The longest run of plain characters (two or more) in the top-level sequence of ``rx``
    (not case-insensitive): every match holds it, so a line without it has no match; or None."""
    if rx.flags & re.IGNORECASE:
        return None
    try:
        from re import _constants, _parser          # CPython's own parser (3.11+)
    except ImportError:                              # elsewhere: no test, the same answers
        return None
    runs, run = [], ""
    for op, av in _parser.parse(rx.pattern, rx.flags):
        if op is _constants.LITERAL:
            run += chr(av)
        else:
            runs.append(run)
            run = ""
    best = max(runs + [run], key=len)
    return best if len(best) >= 2 else None


def _scanners(pats, kk: bool):
    """Per act word: (full regex, the same without the leading word-start lookbehind, a literal the
    line must contain or None, act type). The leading lookbehind makes the regex engine try every
    position of the line; the bare pattern starts with a letter class the engine skips to, so it
    finds candidate starts fast and the full regex confirms each one (same matches as finditer).
    The literal (``_needed_literal``: `акон` of `[Зз]акон…`) spares most lines the search (issue 14)."""
    out = []
    for (full, t), (p, _) in zip(_ACT_KK if kk else _ACT_RU, pats):
        if kk:
            p = p.replace('і', '[іi]')
        bare = re.compile(rf"{p}(?![{P.LETTER}])")
        guard = _needed_literal(bare)
        if guard is None and r"\s+[Кк]одекс" in p:
            guard = "одекс"        # `Водного кодекса`: no literal prefix
        out.append((full, bare, guard, t))
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
# a part of an article cited by its ordinal, as codes are («частью второй статьи 64», «64-бабының екінші бөлігі»)
ORD_RU = (r"(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)"
          r"(?:ой|ая|ую|ого|ый|ий|ей|ья|ью|ьей|ье|ьего|ьим|ьем|ым|им|ом)(?![а-яё])")
ORD_KK = r"(?:бірінші|екінші|үшінші|төртінші|бесінші|алтыншы|жетінші|сегізінші|тоғызыншы|оныншы)"
_U_RU = P.UNIT_WORDS_RU
# a paragraph (абзац) of a point, cited by its ordinal or number («абзацем третьим пункта 4», «4-тармағының
# үшінші абзацы»): read in chains here (the grammar marks the word `cited: false` for the other readers)
_IND_RU, _IND_KK = G.unit_words("ru", None)["indent"], G.unit_words("kk", None)["indent"]


def _capital_too(pattern: str) -> str:
    """A unit word's pattern whose whole word may open a sentence with a capital («Пункт 2 указанного решения
    исключить.», «Пункт 3 статьи 5 Закона …»); its abbreviations stay lower case («П. Иванов» is a name)."""
    return re.sub(r"^\(\?:([а-яё])", lambda m: f"(?:[{m.group(1).upper()}{m.group(1)}]", pattern)


_ITEM_RU = rf"(?P<w>{'|'.join(_capital_too(x) for x in (_U_RU['subpoint'], _U_RU['point'], _U_RU['article'], _U_RU['part'], _U_RU['chapter'], _IND_RU))})\s*" \
           rf"(?P<n>{NUM}(?:\s*(?:,|и|или|[-–—]|по)\s*{NUM}(?![-\d]))*|(?<=\s){ORD_RU})"
_CHAIN_RU_END = re.compile(rf"(?:(?:{_ITEM_RU.replace('?P<w>', '?:').replace('?P<n>', '?:')})(?:\s*,\s*|\s+))*"
                           rf"(?:{_ITEM_RU.replace('?P<w>', '?:').replace('?P<n>', '?:')})(?<![)])\s+[«\"“]?$")
_ITEM_RU_RX = re.compile(_ITEM_RU)
_U_KK = P.UNIT_WORDS_KK
_ITEM_KK = rf"(?P<n>{NUM}(?:\s*(?:,|және|мен|[-–—])\s*{NUM}(?=\s*[-‐]?\s*\d|\s*[-‐]?\s*[{P.LO}]))*|(?<=\s){ORD_KK}(?=\s+(?:бөлі|абзац)))" \
          rf"(?:\s*[-‐]\s*(?:інші|ыншы|нші|ншы|ші|шы))?\s*[-‐]?\s*" \
           rf"(?P<w>{_U_KK['subpoint']}|{_U_KK['point']}|{_U_KK['article']}|{_U_KK['part']}|{_U_KK['chapter']}|{_IND_KK})(?![{P.LETTER}])"
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
        if w.startswith("абз"):
            return "indent"
        return "chapter"
    if w.startswith("тармақша"):
        return "subpoint"
    if w.startswith(("тармақ", "тармағ")):
        return "point"
    if w.startswith(("бап", "баб")):
        return "article"
    if w.startswith(("бөлі",)):
        return "part"
    if w.startswith("абзац"):
        return "indent"
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
    """[(kind, numbers)] from inner to outer -> one dict per cited provision. Several chains in one
    list («пунктом 1 статьи 6-1, подпунктами 1-1) и 12) пункта 1 статьи 6», «6-1-бабының 1-тармағына,
    6-бабы 1-тармағының 1-1) тармақшасына») are cut after each article; a chain naming no article
    («пунктом 2 и подпунктом 1) пункта 1 статьи 6») takes the article of the chain after it."""
    groups: list[list[tuple[str, str]]] = [[]]
    for kind, nums in items:
        groups[-1].append((kind, nums))
        if kind == "article":
            groups.append([])
    groups = [g for g in groups if g]
    if len(groups) == 1:
        return _one_chain(groups[0])
    out: list[dict] = []
    for k, g in enumerate(groups):
        if not any(kind == "article" for kind, _ in g):
            art = next((x for later in groups[k + 1:] for x in later if x[0] == "article"), None)
            if art is None:          # items after the last article: the list's own words, read as before
                return _one_chain([x for grp in groups for x in grp])
            g = g + [art]
        out.extend(_one_chain(g))
    return out


def ordinal_number(word: str) -> Optional[str]:
    """`2`, `второй`, `екінші` -> "2"; None for anything else."""
    if word.isdigit():
        return word
    from maslihat.nlp import numerals
    lang = "kk" if re.fullmatch(ORD_KK, word.lower()) else "ru"
    n = numerals.parse(word.lower(), lang)
    if n is not None and n.kind == "ordinal":
        return str(n.value)
    stem = re.match(r"(перв|втор|трет|четв|пят|шест|седьм|восьм|девят|десят)", word.lower())
    return str(_RU_ORD_STEMS.index(stem.group(1)) + 1) if stem else None


_RU_ORD_STEMS = ("перв", "втор", "трет", "четв", "пят", "шест", "седьм", "восьм", "девят", "десят")


def _one_chain(items: list[tuple[str, str]]) -> list[dict]:
    """One chain [(kind, numbers)] from inner to outer -> one dict per cited provision."""
    base: dict = {}
    lists: list[tuple[str, list[str]]] = []
    for kind, nums in items:
        if kind == "part" and "part" not in base and "point" not in base and "subpoint" not in base:
            n = ordinal_number(nums.strip())
            if n:
                base["part"] = n           # «частью второй статьи 64»: the article's part 2
            continue
        if kind == "indent":
            n = ordinal_number(nums.strip()) if "indent" not in base else None
            if n:
                base["indent"] = n         # «абзацем третьим пункта 4»: the point's third paragraph
            continue
        if kind == "chapter" and (base or lists or not _DIGIT.search(nums)):
            continue                       # «пункта 3 главы 2»: the point (numbered through the act) as before
        if kind == "part":
            continue
        if not _DIGIT.search(nums):
            continue                       # an ordinal names only a part
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
    if op == "\"":
        # straight quotes: one opening inside the title (a space before it, a letter after) quotes another
        # act's title («"О внесении изменений в решение … № 12-3 "О бюджете …""»), closed before the title is
        depth = 0
        for k in range(i, min(len(s), i + 600)):
            if s[k] != "\"":
                continue
            if k == i or (_quote_side(s, k) == "open" and depth > 0):
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    return k + 1
        # unbalanced (a nested title whose outer quote is missing): the first closing quote, as before
        k = s.find("\"", i + 1)
        return k + 1 if 0 < k < i + 600 else -1
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
    """The title without its own quotes; the closing quote of a title quoted at its end stays («О внесении
    изменений в решение … «О бюджете …»», «… "О бюджете …"»)."""
    core = t.strip()
    if core[:1] in _TITLE_OPEN and core[-1:] in "»”\"":
        core = core[1:-1]
    out = core.strip(_TITLE_OPEN + "»”\" ")
    for q_open, q_close in (("«", "»"), ("\"", "\"")):
        tail = core.rstrip()
        while q_close in tail[len(tail.rstrip(q_close + "”\"»")):] and (
                out.count(q_open) > out.count(q_close) if q_open != q_close else out.count(q_open) % 2 == 1):
            out += q_close
    return re.sub(r"\s+", " ", out).strip()


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
        self.spans = _Spans(units)
        self.named: list[tuple[re.Pattern, dict, int]] = []    # short names of acts (``_find_named``)


class _Spans:
    """The units' offsets as arrays: the unit holding a reference is found in one vectorised pass,
    not a Python loop over every unit per reference (a code of 800 articles has ~20,000 units and
    ~7,000 references)."""

    def __init__(self, units: list[Unit]):
        import numpy as np
        self.units = units
        self.start = np.fromiter((u.start for u in units), dtype=np.int64, count=len(units))
        self.end = np.fromiter((u.end for u in units), dtype=np.int64, count=len(units))
        self.length = self.end - self.start
        self.np = np

    def smallest(self, s: int, e: int) -> Optional[Unit]:
        """The shortest unit containing [s, e); the first in document order among equals."""
        np = self.np
        if not self.units:
            return None
        inside = (self.start <= s) & (self.end >= e)
        if not inside.any():
            return None
        return self.units[int(np.argmin(np.where(inside, self.length, np.iinfo(np.int64).max)))]



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
        for k in ("appendix", "article", "point", "subpoint", "part", "chapter", "indent"):
            if c.get(k):
                t[k] = c[k]
        if kind == "internal" and t.get("article") and not t.get("point") and not ctx.has_articles:
            t["point"] = t["article"]            # regulations call their points "статьи"
        if target.get("self"):
            t["self"] = True
        if target.get("code_name"):
            t["code_name"] = target["code_name"]          # `Бюджетного кодекса`: resolved by its short name
        u = ctx.spans.smallest(s, e)
        ref = Reference(id="", document_id=ctx.doc.id, unit_id=u.id if u else None, start=s, end=e,
                        surface=text[s:e], kind=kind, target=t, relation=relation,
                        cited_act_key=act_key(dict(target), ctx.doc.id if kind == "internal" else None))
        ctx.refs.append(ref)


def _chain_before(text: str, a: int, lang: str, lists: bool = True) -> tuple[int, list[dict]]:
    """The chain of units right before the act word at ``a``, and (``lists``) the chains joined to it by
    «и» / «или» before it: «пункта 3 статьи 62 и пункта 1 статьи 91 Конституции» cites both."""
    head = text[max(0, a - 200):a]
    base = a - len(head)
    m = _CHAIN_RU_END.search(head)
    if not m or not m.group(0).strip():
        return a, []
    items = [(_kind_of_word(x.group("w"), "ru"), x.group("n")) for x in _ITEM_RU_RX.finditer(m.group(0))]
    start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
    # a list of provisions joined by «и»: «в части первой статьи 2 и подпункте 2) статьи 5 настоящего Кодекса»
    # (each earlier chain closed by its article; commas are read by the chain itself)
    for _ in range(8 if lists else 0):
        p = _CHAIN_RU_AND.search(head, 0, start)
        if not p:
            break
        more = [(_kind_of_word(x.group("w"), "ru"), x.group("n")) for x in _ITEM_RU_RX.finditer(p.group("c"))]
        if not more or more[-1][0] != "article":
            break
        items = more + items
        start = p.start("c")
    return base + start, _chain_targets(items)


_CHAIN_RU_AND = re.compile(rf"(?<![{P.LETTER}])(?P<c>(?:(?:{_ITEM_RU.replace('?P<w>', '?:').replace('?P<n>', '?:')})(?:\s*,\s*|\s+))*"
                           rf"(?:{_ITEM_RU.replace('?P<w>', '?:').replace('?P<n>', '?:')}))\s+(?:и|или)\s+$")


def _chain_after_kk(text: str, e: int, lists: bool = True) -> tuple[int, list[dict]]:
    rest = text[e:e + 200]
    skip = re.match(r"\s*\([^()]{0,80}\)", rest)        # `Заңының (бұдан әрі – Заң) 9 бабына`
    off = skip.end() if skip else 0
    m = _CHAIN_KK.match(rest, off)
    if not m:
        return e, []
    items = [(_kind_of_word(x.group("w"), "kk"), x.group("n")) for x in _ITEM_KK_RX.finditer(m.group(0))]
    items.reverse()                                     # KK goes outer -> inner
    end = m.end()
    # a list of provisions of the act: `осы Кодекстің 2-бабының бірінші бөлігінде және 5-бабының 2) тармақшасында`
    while lists:
        j = _KK_AND.match(rest, end)
        nxt = _CHAIN_KK.match(rest, j.end()) if j else None
        more = [(_kind_of_word(x.group("w"), "kk"), x.group("n")) for x in _ITEM_KK_RX.finditer(nxt.group(0))] if nxt else []
        if not more or more[0][0] != "article":
            break
        more.reverse()
        items += more
        end = nxt.end()
    return e + end, _chain_targets(items)


_KK_AND = re.compile(r"\s*(?:,|және|мен|,\s*сондай-ақ)(?=\s+\d)")


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
    if len(groups) > 1:         # «(глава 6, статья 37)»: article 37 of chapter 6, not chapter 6 besides it
        groups = [g for g in groups if any(k != "chapter" for k, _ in g)] or groups
    chain = [t for g in groups for t in _chain_targets(list(reversed(g)))]
    return (m.end(), chain) if chain else (e, [])


def _is_self(ctx: "_Ctx", target: dict) -> bool:
    """The act's own number, or (captions without a number) its own date and form."""
    d = ctx.doc
    if d.number and target.get("number"):
        joint = (d.extra or {}).get("joint") or {}
        return G.number_key(target["number"]) in (G.number_key(d.number), G.number_key(joint.get("number") or d.number))
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
    return non_overlapping(out)


def non_overlapping(found: list) -> list:
    """(start, end, …) matches left to right, the longest first at one start, none overlapping."""
    found = sorted(found, key=lambda x: (x[0], -(x[1] - x[0])))
    keep, last_end = [], -1
    for c in found:
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


# --- an act cited again: «приложение 1 к указанному решению», «пункт 2 указанного решения», «көрсетілген
# шешімнің 1-қосымшасы», «аталған шешімнің 2-тармағы» — the act named before it in the same provision

_SAID_TYPES = (("решени", "шешім", "решение"), ("постановлени", "қаулы", "постановление"),
               ("приказ", "бұйры", "приказ"), ("распоряжени", "өкім", "распоряжение"))
_SAID_RU = re.compile(
    r"(?:(?P<app>[Пп]риложени(?:е|я|ю|ем|и))\s+(?:№\s*)?(?P<an>\d{1,2})?\s*к\s+)?"
    r"(?<![а-яё])(?:[Вв]ыше)?[Уу]казанн(?:ого|ому|ым|ом|ое|ый)\s+"
    r"(?P<w>решени(?:е|я|ю|ем|и)|постановлени(?:е|я|ю|ем|и)|приказ(?:а|у|ом|е)?|распоряжени(?:е|я|ю|ем|и))"
    r"(?![а-яё])")
_SAID_KK = re.compile(
    r"(?<![\w-])(?:[Жж]оғарыда\s+)?(?:[Кк]өрсетілген|[Аа]талған)\s+"
    r"(?P<w>шеш[іi]м\w*|қаулы\w*|бұйры[қғ]\w*|өк[іi]м\w*)"
    r"(?:\s+(?:№\s*)?(?P<an>\d{1,2})\s*-?\s*қосымша\w*)?")


def _said_act(ctx: "_Ctx", a: int, off: int, act_type: str) -> Optional[Reference]:
    """The act a «указанного решения» / «көрсетілген шешімнің» at ``a`` names again: the last citation of an act
    of that kind by its date or number before it, in the same numbered provision (a point or article with its
    subpoints: «1. Внести в решение … № 12-3 …: … 2) приложение 1 к указанному решению …») or, outside one, in
    the same paragraph."""
    scope = off
    holding = [u for u in ctx.units if u.kind in ("point", "article") and u.start <= a < u.end]
    if holding:
        scope = min(u.start for u in holding)

    def named(r: Reference) -> bool:
        t = r.target
        return r.kind == "external" and not t.get("self") and t.get("act_type") == act_type \
            and bool(t.get("date") or t.get("number")) and not any(
                o is not r and o.start <= r.start and r.end <= o.end and o.end - o.start > r.end - r.start
                for o in ctx.refs)   # not an act quoted inside the title of the one named («… «О внесении
                                     # изменений в решение … № 12-3 …»»)
    for r in reversed(ctx.refs):
        if r.start < a and r.start >= scope and named(r):
            return r
    if not holding:
        return None
    # named in an earlier point of the same decision: «1. Внести в решение … № 12-3 следующие изменения: …»,
    # then «2. Приложение 2 к указанному решению изложить …» — the nearest act of that kind cited before, in
    # a point or article of the same part (the body, or the same appendix), not in the title or preamble
    part = holding[0].part
    points = [u for u in ctx.units if u.kind in ("point", "article") and u.part == part and u.start < scope]
    for r in reversed(ctx.refs):
        if r.start < scope and named(r) and any(u.start <= r.start < u.end for u in points):
            return r
    return None


def _find_said(ctx: "_Ctx", line: str, off: int, lang: str, taken: list):
    """Citations of an act named earlier in the provision as «указанного решения» / «көрсетілген шешімнің»,
    with the appendix, point or article cited of it."""
    text = ctx.doc.text
    rx = _SAID_RU if lang == "ru" else _SAID_KK
    if not (("казанн" in line) if lang == "ru" else ("өрсетілген" in line or "талған" in line)):
        return
    for m in rx.finditer(line):
        a, b = off + m.start(), off + m.end()
        if any(s <= a < e or s < b <= e for s, e in taken):
            continue
        w = m.group("w").lower()
        act_type = next((t for ru, kk, t in _SAID_TYPES if w.startswith(ru) or w.startswith(kk)), None)
        ante = _said_act(ctx, a, off, act_type) if act_type else None
        if ante is None:
            continue
        target = {k: ante.target.get(k) for k in ("act_type", "title", "date", "number")}
        app = m.group("an")
        if lang == "ru":
            s, chain = (a, []) if m.group("app") else _chain_before(text, a, "ru")
            e = b
        else:
            s = a
            e, chain = _chain_after_kk(text, b)
            e = max(e, b)
        if app:
            chain = [dict(c, appendix=app) for c in chain] or [{"appendix": app}]
        _emit(ctx, s, e, "external", target, chain)
        taken.append((s, e))


# --- an act named in full, then by its short name: «пунктом 6 Типовых правил …, утвержденных постановлением … № 504»
# then «пунктом 13 Типовых правил»; «… № 504 қаулысымен бекітілген … үлгілік қағидаларының» then «Үлгілік
# қағидалардың 13-тармағында»; «(далее – Правила предоставления)» / «(бұдан әрі – Беру қағидалары)» after a citation;
# «Настоящие Правила … (далее – Правила)» / «Осы … қағидалары (бұдан әрі – Қағидалар)», the act itself

_DOC_NOUN_RU = r"(?:[Пп]равил|[Пп]оложени|[Ии]нструкци|[Пп]оряд[ок])"
_DOC_NOUN_KK = r"(?:[Ққ]ағида|[Ее]реже|[Нн]ұсқаулы)"
_END_RU = re.compile(r"(?:ами|ями|ого|его|ому|ему|ыми|ими|ой|ей|ом|ем|ах|ях|ые|ие|ых|их|ым|им|ую|ая|ов|ев|а|я|о|е|ы|и|у|ю|й)$")
_END_KK = re.compile(r"(?:ының|інің|ның|нің|дың|дің|тың|тің|ына|іне|сына|сіне|на|не|ға|ге|қа|ке|ы|і)$")
_NAMED_RU = re.compile(rf"(?<![{P.LETTER}])(?:[А-ЯЁ][а-яё]+\s+)?{_DOC_NOUN_RU}[а-яё]*(?=[\s,]+(?:[а-яё]+\s+){{0,40}}?"
                       rf"[^.;:]{{0,400}}?,?\s*утвержденн[а-яё]+\s*$)")
_APPROVED_KK = re.compile(rf"\s*бекітілген\s+(?P<name>[^.;:]{{0,400}}?(?<![{P.LETTER}])(?P<adj>[{P.LO}]+(?:лік|лық|дік|дық|тік|тық))"
                          rf"\s+(?P<noun>{_DOC_NOUN_KK}[{P.LO}]*))")
_ALIAS_DOC = re.compile(rf"(?:[{P.UP}][{P.LO}]+\s+)?{_DOC_NOUN_RU}[а-яё]*(?:\s+[а-яё]+)?|"
                        rf"(?:[{P.UP}][{P.LO}]+\s+)?{_DOC_NOUN_KK}[{P.LO}]*")
_OWN_OPEN = re.compile(r"(?:^|[.:]\s+)(?:\d+\.\s*)?(?:Настоящ[а-яё]+|Осы)\s")


def _name_rx(name: str, lang: str) -> re.Pattern:
    """A short name in any case form: each word's stem and its ending, the first letter in either case only where
    the name's is (the capital of «Типовых правил», «Үлгілік қағидалардың» marks the name, not the word)."""
    words = name.split()
    parts = []
    for k, w in enumerate(words):
        stem = (_END_RU if lang == "ru" else _END_KK).sub("", w) if len(w) > 4 else w
        if lang == "kk":
            stem = re.sub(r"(?<=лар|лер|дар|дер|тар|тер)(?:ы|і)$", "", stem)
        body = re.escape(stem[1:])
        first = f"[{stem[0].upper()}{stem[0].lower()}]" if k else re.escape(stem[0].upper())
        parts.append(first + body + (r"[а-яё]{0,4}" if lang == "ru" else rf"[{P.LO}]{{0,9}}"))
    return re.compile(rf"(?<![{P.LETTER}])" + r"\s+".join(parts) + rf"(?![{P.LETTER}])")


def _register_names(ctx: "_Ctx", line: str, off: int, lang: str, first: int):
    """Short names the paragraph gives acts: the name of a document a citation approves, and «(далее – …)»."""
    text = ctx.doc.text
    new = [r for r in ctx.refs[first:] if r.kind == "external" and not r.target.get("self")
           and (r.target.get("date") or r.target.get("number")) and r.target.get("act_type") not in ("Закон", "Кодекс", "Конституция")]
    for r in new:
        tgt = {k: r.target.get(k) for k in ("act_type", "title", "date", "number")}
        if lang == "ru":
            head = text[off:r.start]
            if not re.search(r"утвержденн[а-яё]+\s*$", head[-40:]):
                continue
            m = None
            for m in _NAMED_RU.finditer(head):
                pass
            if m and m.group(0)[0].isupper():
                ctx.named.append((_name_rx(m.group(0), "ru"), tgt, r.end))
        else:
            m = _APPROVED_KK.match(text, r.end, off + len(line))
            if m:
                ctx.named.append((_name_rx(f"{m.group('adj')} {m.group('noun')}", "kk"), tgt, r.end))
    for am in _ALIAS.finditer(line):
        alias = am.group("alias").strip(" -–—")
        if not alias[:1].isupper() or not _ALIAS_DOC.fullmatch(alias):
            continue
        a = off + am.start()
        ante = next((r for r in reversed(new) if r.end <= a and a - r.end <= 400
                     and not re.search(r"[.;]\s+[А-ЯЁ" + P.UP + r"]", text[r.end:a])), None)
        if ante is not None:
            tgt = {k: ante.target.get(k) for k in ("act_type", "title", "date", "number")}
        elif _OWN_OPEN.search(text[off:a][-300:]) and not re.search(r"[.;]\s", text[off:a][-300:].split("Настоящ")[-1].split("Осы")[-1]):
            tgt = {"act_type": None, "self": True}
        else:
            continue
        ctx.named.append((_name_rx(alias, lang), tgt, off + am.end()))


def _find_named(ctx: "_Ctx", line: str, off: int, lang: str, first: int):
    """Citations by a short name given before (``_register_names``), with the chain cited of the act."""
    _register_names(ctx, line, off, lang, first)
    if not ctx.named:
        return
    text = ctx.doc.text
    spans = [(r.start, r.end) for r in ctx.refs[first:]]
    found = non_overlapping([(m.start(), m.end(), k) for k, (rx, _, _) in enumerate(ctx.named)
                             for m in rx.finditer(line)])        # the longest name at one place
    for ms, me, k in found:
        _, tgt, since = ctx.named[k]
        if True:
            a, b = off + ms, off + me
            if any(s <= a < e or s < b <= e for s, e in spans) or _in_alias(line, ms):
                continue
            if lang == "ru":
                s, chain = _chain_before(text, a, "ru")
                e = b
            else:
                s = a
                e, chain = _chain_after_kk(text, b)
                e = max(e, b)
            if not chain and (a < since or tgt.get("self")):
                continue                  # the name where it is given, or the rules' own name alone
            internal = bool(tgt.get("self"))
            _emit(ctx, s, e, "internal" if internal else "external",
                  {"act_type": None} if internal else dict(tgt), chain)
            spans.append((s, e))
