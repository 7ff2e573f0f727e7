"""Classification and act metadata (requisites, notes) of one language part of a file.

The requisite line ("Решение ... от 20 марта 2014 года № С-24/4. Зарегистрировано ...
Утратило силу ...", or its Kazakh form "... № С-24/4 шешімі. ... тіркелді. Күші жойылды - ...")
carries the act's identity; notes (``Сноска.`` / ``Ескерту.``) carry amendments and repeals.
The adopted date is the date written in the requisite, as the user reads it.
"""
from __future__ import annotations

import re
import copy
from dataclasses import dataclass, field
from typing import Optional

from maslihat.core import grammar as G
from maslihat.core.grammar import find_dates, parse_date
from maslihat.core.ids import document_id
from maslihat.core.wrapped import cut_at_width, wrap_width
from maslihat.ingest import patterns as P
from maslihat.ingest.doctype import classify

_UP = G.UP
# The act word of a requisite: RU forms open it ("Решение ... от ..."), KK forms close it
# ("... № С-24/4 шешімі"); the words and their doc_type are the grammar's.
# A joint act of two bodies opens «Совместное постановление акимата … № 52 и решение маслихата … № 31/6»
# («… № 52 бірлескен қаулысы және … № 31/6 шешімі»): the first act's requisites are the document's.
_RU_FORM = re.compile(rf"^\s*(?:совместн(?:ое|ый|ая|ые)\s+)?({G.requisite_word_pattern('ru')})\b", re.I)
_KK_FORM = re.compile(rf"\b({G.requisite_word_pattern('kk')})\b", re.I)
_ACT_FORMS = {**G.requisite_words("ru"), **G.requisite_words("kk")}
_SENTENCE = re.compile(rf"(?<=[^\s.]{{2}})\.\s+(?=[{_UP}])")


@dataclass
class ActMeta:
    doc_type: str = "other"
    title: str = ""
    issuer: Optional[str] = None
    issuer_kind: Optional[str] = None
    region: Optional[str] = None
    adopted_date: Optional[str] = None
    number: Optional[str] = None
    registration: Optional[dict] = None
    status: str = "unknown"
    repealed_by: Optional[dict] = None
    amendments: list = field(default_factory=list)
    extra: dict = field(default_factory=dict)


# --- small parsers ---------------------------------------------------------------------------

def find_numbers(text: str) -> list[tuple[int, str]]:
    """(position, number as written) of every act number in ``text`` (the grammar's reading)."""
    return [(f.start, f.number) for f in G.find_numbers(text)]


def first_number(text: str) -> Optional[str]:
    return G.first_number(text)


def issuer_kind_of(text: str) -> Optional[str]:
    """The kind of the first issuer noun of ``text``; where two stems start at one place, the longer
    («акимат» over «аким», «әкімдіг» over «әкім»)."""
    low = text.lower()
    hits = [(low.find(stem), -len(stem), kind) for stem, kind in P.ISSUER_KINDS if stem in low]
    return min(hits)[2] if hits else None


def _ru_nominative_adj(word: str) -> str:
    """Genitive -> nominative of an issuer word: ``Кокшетауского`` -> ``Кокшетауский``,
    ``городского`` -> ``городской`` (table first: stressed endings are not predictable)."""
    low = word.lower()
    if low in P.RU_NOMINATIVE:
        nom = P.RU_NOMINATIVE[low]
        return nom[0].upper() + nom[1:] if word[0].isupper() and nom[0].isupper() else nom
    for gen, nom in (("ского", "ский"), ("цкого", "цкий"), ("ного", "ный"), ("ого", "ый")):
        if low.endswith(gen):
            return word[: -len(gen)] + nom
    return word


def _ru_region_from_gen(words: list[str]) -> Optional[str]:
    """``Акмолинской области`` -> ``Акмолинская область``."""
    for i in range(len(words) - 1):
        if words[i + 1].lower().startswith("област") and words[i].lower().endswith("ской"):
            return words[i][:-4] + "ская область"
    return None


def ru_issuer(gen: str) -> tuple[Optional[str], Optional[str]]:
    """Russian issuer in the genitive -> (nominative issuer, region)."""
    words = re.sub(r"[,.]", " ", gen).split()
    if not words:
        return None, None
    nouns = [i for i, w in enumerate(words) if w.lower().rstrip(".") in ("маслихата", "акима", "акимата",
                                                                         "маслихат", "аким", "акимат")]
    region = _ru_region_from_gen(words)
    if not nouns:
        # a national official or body («Министра финансов Республики Казахстан»,
        # «исполняющего обязанности Министра …»): its head words in the nominative
        if len(words) > 1 and words[0].lower() == "исполняющего" and words[1].lower() == "обязанности":
            words[0] = "исполняющий"          # «исполняющий обязанности Министра …»: the rest as written
        elif words[0].lower() in P.RU_HEAD_NOMINATIVE:
            words[0] = P.RU_HEAD_NOMINATIVE[words[0].lower()]
        return " ".join(words), region
    n = nouns[0]
    noun = _ru_nominative_adj(words[n]).lower()
    before = [_ru_nominative_adj(w) for w in words[:n]]
    after = words[n + 1:]
    if region is None and any(w.lower().startswith("областн") for w in words[:n]):
        # "Алматинского областного маслихата": the region is the oblast the adjective names
        # (a letterhead names it in the nominative: «Алматинский областной маслихат»)
        proper = next((w for w in words[:n] if w[0].isupper() and w.lower().endswith(("ского", "ский"))), None)
        if proper:
            region = proper[:-5 if proper.lower().endswith("ского") else -4] + "ская область"
    if before:
        issuer = " ".join(before + [noun])
    else:
        issuer = " ".join([noun] + after)
    return issuer, region


def kk_issuer(gen: str) -> tuple[Optional[str], Optional[str]]:
    """Kazakh issuer in the genitive -> (nominative issuer, region)."""
    words = gen.split()
    if not words:
        return None, None
    region = None
    for name in P.REGIONS_KK:
        m = re.search(rf"\b{name}\s+облыс(?:ы|тық|ының|ы\b)", gen)
        if m:
            region = f"{name} облысы"
            break
    last = words[-1]
    words[-1] = P.KK_NOMINATIVE.get(last.lower(), last)
    if len(words) > 3 and words[:2] == ["Қазақстан", "Республикасы"] and words[-1] != last:
        words[1] = "Республикасының"   # «Қазақстан Республикасы Қаржы министрінің» -> «… Республикасының Қаржы министрі»
    if region and len(words) >= 4 and words[1].startswith("облыс"):
        words = words[2:]   # "Ақмола облысы Көкшетау қалалық мәслихаты": the region is a field of its own
    return " ".join(words), region


def _ru_authority(text: str) -> Optional[str]:
    m = re.search(r"[Зз]арегистрирован\w*\s+(?:в\s+)?(.*?)\s*(?:от\s|за\s|№|N\s|\d)", text)
    if not m:
        return None
    words = m.group(1).split()
    if not words:
        return None
    first = P.RU_AUTHORITY_NOMINATIVE.get(words[0].lower())
    if first:
        words[0] = first
    return " ".join(words).strip(" ,")


def _kk_authority(text: str) -> Optional[str]:
    found = find_dates(text)
    head = text[: found[0].start] if found else text
    words = head.split()
    if not words:
        return None
    words[-1] = P.KK_NOMINATIVE.get(words[-1].lower(), words[-1])
    return " ".join(words).strip(" ,-")


def _date_number(text: str) -> tuple[Optional[str], Optional[str]]:
    return parse_date(text), first_number(text)


def _quoted_title(text: str) -> Optional[str]:
    m = re.search(r"[«\"“]([^»\"”]{5,})[»\"”]", text)
    return m.group(1).strip() if m else None


# --- letterhead -----------------------------------------------------------------------------
# An act laid out as printed (a user's own DOCX, PDF or TXT) opens with a letterhead: short lines of
# their own, in any order, RU or KK, with or without blank lines — the body's name («ТЕСТОВЫЙ РАЙОННЫЙ
# МАСЛИХАТ», «Алматы облыстық мәслихаты», or with the act word in the genitive: «РЕШЕНИЕ АЛМАТИНСКОГО
# ОБЛАСТНОГО МАСЛИХАТА»), the act word («РЕШЕНИЕ», «ШЕШІМ»), the date and number («от 12 марта 2020
# года № 45-3», «2020 жылғы 12 наурыздағы № 45-3», «12.03.2020 ж. № 45-3»), the place («г. Кокшетау»,
# «Көкшетау қ.»), the country or the session; a bilingual letterhead flattened from two columns puts
# the Kazakh and Russian words on one line, three spaces or more apart. The title is the first line
# after it that is none of those.

_COLUMNS = re.compile(r"\s{3,}|\t+")
_BODY_NOUNS_RU = ("маслихат", "акимат", "аким")
_BODY_NOUNS_KK = ("мәслихаты", "маслихаты", "әкімдігі", "әкімі")
_BODY_GEN_KK = tuple(k for k, v in P.KK_NOMINATIVE.items() if v in _BODY_NOUNS_KK)
_PLACE_LINE = re.compile(rf"^(?:(?:г|с|п|пос|ст|а)\.\s*|город\s+|село\s+|поселок\s+)[{_UP}][\w-]+(?:\s+[{_UP}][\w-]+)?$|"
                         rf"^[{_UP}][\w-]+(?:\s+[{_UP}][\w-]+)?\s+(?:қ\.|а\.|қаласы|ауылы|кенті)$", re.I)
_PLACE_ANY = re.compile(rf"(?:(?<!\S)(?:г|с|п|пос|ст|а)\.\s*|(?<!\S)(?:город|село|поселок)\s+)[{_UP}][\w-]+|"
                        rf"(?<!\S)[{_UP}][\w-]+\s+(?:қ\.|а\.|қаласы|ауылы|кенті)(?!\w)")
_MISC_LINE = re.compile(r"^(?:РЕСПУБЛИКА\s+КАЗАХСТАН|ҚАЗАҚСТАН\s+РЕСПУБЛИКАСЫ|[IVXLCІ\d]+[-\s]*(?:й\s+)?(?:сессия|сессиясы|созыва|"
                        r"шақырылған|шақырылым\w*)(?:\s+\S+){0,3}|(?:\S+\s+){0,3}(?:сессия|сессиясы|созыва|шақырылған))$", re.I)
_DATE_FILLER = frozenset({"от", "года", "г", "ж", "жылғы", "№", "n", "за"})
_ACT_HEADS = {**{w: dt for w, dt in G.requisite_words("ru").items() if " " not in w},
              "шешім": "decision", "қаулы": "resolution", "бұйрық": "order", "өкім": "order", "жарлық": "decree",
              **G.requisite_words("kk")}


def _recase(line: str) -> str:
    """A body's name printed in capitals, in the case the requisite writes it: the first word and the
    names of places (``core.places``) capitalised, the rest in lower case."""
    if line != line.upper():
        return line
    from maslihat.core import places
    stems = [st for p in places.gazetteer().places.values() for st in p.stems + p.former]
    out = []
    for k, w in enumerate(line.lower().split()):
        f = places.fold(w)
        if k == 0 or any(f.startswith(st) for st in stems if " " not in st) or f.startswith(("республик", "казахстан", "қазақстан")):
            w = w[:1].upper() + w[1:]
        out.append(w)
    return " ".join(out)


def _body_line(col: str) -> Optional[tuple[str, str, Optional[str]]]:
    """(language, issuer as written, act word or None) of a letterhead's body line, or None."""
    words = col.split()
    if not 1 < len(words) <= 7 or find_dates(col) or re.search(r"\d|[.;:,«»\"]$", col):
        return None
    low = [places_fold(w) for w in words]
    if sum(1 for w in low if w.startswith(_BODY_STEMS)) != 1:
        return None                 # two bodies: a two-column header's halves, read apart
    act = low[0] if low[0] in _ACT_HEADS and low[0] in G.requisite_words("ru") else None
    if act and low[-1] in (_BODY_NOUNS_RU_GEN):               # «РЕШЕНИЕ АЛМАТИНСКОГО ОБЛАСТНОГО МАСЛИХАТА»
        return "ru", " ".join(words[1:]), act
    if act and low[1] in _BODY_NOUNS_RU_GEN:                  # «РЕШЕНИЕ МАСЛИХАТА АЛМАТИНСКОЙ ОБЛАСТИ»
        return "ru", " ".join(words[1:]), act
    if low[-1] in G.requisite_words("kk") and len(low) > 2 and low[-2] in _BODY_GEN_KK:
        return "kk", " ".join(words[:-1]), low[-1]            # «АЛМАТЫ ОБЛЫСТЫҚ МӘСЛИХАТЫНЫҢ ШЕШІМІ»
    if low[-1] in _BODY_NOUNS_KK:
        return "kk", col, None
    if low[-1] in _BODY_NOUNS_RU or low[0] in _BODY_NOUNS_RU:
        return "ru", col, None
    return None


def places_fold(word: str) -> str:
    return re.sub(r"[^\w-]", "", word.lower().replace("ё", "е"))


_BODY_NOUNS_RU_GEN = ("маслихата", "акимата", "акима")


def _date_line(col: str) -> bool:
    """A line of the date and number (the act word may stand before them): nothing else."""
    dates, nums = find_dates(col), G.find_numbers(col)
    if not (dates or nums):
        return False
    rest = col
    for a, b in sorted([(d.start, d.end) for d in dates] + [(n.start, n.end) for n in nums], reverse=True):
        rest = rest[:a] + " " + rest[b:]
    # the place may stand on the date's line («г. Кокшетау    от 12 марта 2020 года № 45-3»)
    rest = _PLACE_ANY.sub(" ", rest, count=1)
    return all(not w or w in _DATE_FILLER or w in _ACT_HEADS for w in map(places_fold, rest.split()))


def _letterhead_kind(col: str):
    """('body', (lang, issuer, act)) | ('act', word) | ('date', None) | ('place'|'misc', None) | None."""
    col = col.strip()
    if not col or len(col) > 120:
        return None
    if _date_line(col):
        return "date", None
    words = [places_fold(w) for w in col.split()]
    if 0 < len(words) <= 2 and all(w in _ACT_HEADS for w in words):
        return "act", words[0]
    body = _body_line(col)
    if body:
        return "body", body
    if _PLACE_LINE.match(col):
        return "place", None
    if _MISC_LINE.match(col):
        return "misc", None
    return None


@dataclass
class Letterhead:
    end: int                                  # index of the first line after it (the title's)
    lines: list                               # (index, kind, value, column) of its columns


def _columns(line: str) -> Optional[list[tuple[str, tuple]]]:
    """(column, kind) of a letterhead line, or None when it is not one. A two-column header
    flattened keeps its columns three spaces apart, or one when the text's spaces were collapsed:
    then the line is read as two columns split at the word where both halves are letterhead lines."""
    cols = [c for c in _COLUMNS.split(line.strip()) if c.strip()]
    kinds = [_letterhead_kind(c) for c in cols]
    if all(kinds):
        return list(zip(cols, kinds))
    words = line.split()
    # two columns have two of: a body's noun, an act word, a place's mark (the split is tried only then)
    cues = sum(1 for w in words if (f := places_fold(w)) in _ACT_HEADS or f.startswith(_BODY_STEMS)
               or w.lower() in _PLACE_MARKS)
    if len(cols) == 1 and 2 <= len(words) <= 16 and cues >= 2:
        for k in range(1, len(words)):
            left, right = " ".join(words[:k]), " ".join(words[k:])
            a = _letterhead_kind(left)
            b = _letterhead_kind(right) if a else None
            if a and b:
                return [(left, a), (right, b)]
    return None


_BODY_STEMS = ("маслихат", "мәслихат", "аким", "әкім")
_PLACE_MARKS = frozenset({"г.", "с.", "п.", "пос.", "ст.", "а.", "қ.", "город", "село", "поселок", "қаласы", "ауылы",
                          "кенті"})


def find_letterhead(lines: list[str], most: int = 10) -> Optional[Letterhead]:
    """The letterhead opening ``lines``, or None: a run of letterhead lines (blank lines between them
    or not) holding a date line and an act word, and a line after it (the title)."""
    found, seen = [], 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        cols = _columns(line)
        if cols is None:
            # the act word is needed: an agency's reply on its letterhead (body, date, number) is no act
            has = {k[0] for _, k, _ in found} | {"act" for _, k, _ in found if k[0] == "body" and k[1][2]}
            return Letterhead(i, found) if {"date", "act"} <= has and len(found) >= 2 else None
        found.extend((i, k, c) for c, k in cols)
        seen += 1
        if seen >= most:
            return None
    return None


def letterhead_meta(head: Letterhead, language: str) -> ActMeta:
    """The requisites a letterhead states, read in the document's language where it states both."""
    meta = ActMeta()

    def lang_of(col: str) -> str:
        return "kk" if _KK_LETTERS.search(col) or re.search(r"\bж\.|жылғы", col) else "ru"

    def pick(kind):
        cols = [(k, c) for _, k, c in head.lines if k[0] == kind]
        mine = [x for x in cols if lang_of(x[1]) == language]
        return (mine or cols or [None])[0]

    # the date and the number may stand on lines of their own («от 12 марта 2020 года» / «№ 45-3»)
    dates = sorted((c for _, k, c in head.lines if k[0] == "date"), key=lambda c: lang_of(c) != language)
    meta.adopted_date = next((d for d in map(parse_date, dates) if d), None)
    meta.number = next((n for n in map(first_number, dates) if n), None)
    acts = [k[1] for _, k, c in head.lines if k[0] == "act" and lang_of(c) == language] + \
        [k[1][2] for _, k, c in head.lines if k[0] == "body" and k[1][2]] + \
        [k[1] for _, k, c in head.lines if k[0] == "act"]
    if acts:
        meta.doc_type = _ACT_HEADS.get(acts[0], "other")
    body = pick("body")
    if body:
        lang, name, _ = body[0][1]
        name = _recase(name)
        meta.issuer, meta.region = (ru_issuer if lang == "ru" else kk_issuer)(name)
        meta.issuer, meta.issuer_kind = _national(meta.issuer, meta.doc_type, lang)
        meta.issuer_kind = meta.issuer_kind or issuer_kind_of(meta.issuer or "")
    meta.extra["letterhead"] = [c for _, _, c in head.lines]
    return meta


# --- requisite -------------------------------------------------------------------------------

def is_requisite(line: str) -> bool:
    """A requisite names a form and carries a date or a number."""
    s = line.strip()
    if not s or not (find_dates(s) or find_numbers(s)):
        return False
    if _RU_FORM.match(s):
        return True
    # the first sentence: a date's abbreviation (`21.12.2004 ж. N 13-84 шешімі`) does not end it
    head = _FIRST_SENTENCE.split(s, maxsplit=1)[0]
    # a law's number carries its mark: «№ 153-VII ҚРЗ Конституциялық заңы», «№ 120-VII ҚРЗ Заңы»
    return bool(re.search(rf"(?:№|N)\s*№?\s*\S+\s+(?:ҚРЗ\s+|ЗРК\s+)?(?:Конституциялық\s+)?{_KK_FORM.pattern}", head, re.I)) \
        and bool(find_dates(head))


_FIRST_SENTENCE = re.compile(r"(?<!\d\sж)(?<!\dж)(?<!\d\sг)(?<!\dг)\.\s")


def find_requisite(lines: list[str], limit: int = 4, width: Optional[int] = None) -> Optional[int]:
    """Index of the requisite line among the first non-blank lines, or None. In a text hard-wrapped at
    ``width`` (``core.wrapped``) a line after the title is read with the lines cut from it (the
    requisite's act word, date or number may stand on its next line: «… № 34-176» / «шешімі. …
    тіркелді»), and a line cut from the one before it (a title's second line) is no line of its own."""
    from maslihat.ingest.identity import title_names_other_act
    seen = 0
    in_title, title_last = bool(width), None    # wrapped: the title's lines are read alone, as before
    for i, line in enumerate(lines):
        if not line.strip():
            in_title = in_title and title_last is None
            continue
        if in_title and title_last is not None and not _title_goes_on(title_last, line, width):
            in_title = False
        goes_on = bool(width) and i > 0 and bool(lines[i - 1].strip()) and (
            in_title or cut_at_width(lines[i - 1].strip(), line.strip(), width))
        if in_title:
            title_last, whole = line, line
        else:
            whole = _with_cut_lines(lines, i, width) if width else line
        # a title naming another act by its requisites («Решение … N 18-133 от 1 июля 2005 года
        # "Об утверждении …"») is not this act's requisite line (corpora, issue 10)
        if is_requisite(whole) and not title_names_other_act(_SENTENCE.split(whole.strip(), maxsplit=1)[0]):
            return i
        if goes_on:
            continue
        seen += 1
        if seen >= limit:
            break
    return None


def _title_goes_on(last: str, line: str, width: int) -> bool:
    """The title's line ``last`` goes on with ``line`` (a title's rule in ``continued``)."""
    if _ENDS.search(last):
        return False
    cut = cut_at_width(last.strip(), line.strip(), width) and not _YEAR.search(line) \
        and not _REQUISITE_GOES_ON.search(line)
    return bool(_CONTINUES.match(line) or cut and _CAPITAL.match(line))


def _with_cut_lines(lines: list[str], i: int, width: int, most: int = 8) -> str:
    """Line ``i`` of a text wrapped at ``width`` with the lines cut from it (no blank line between)."""
    out = [lines[i].strip()]
    for line in lines[i + 1:i + most]:
        if not line.strip() or not cut_at_width(out[-1], line.strip(), width):
            break
        out.append(line.strip())
    return " ".join(out)


_KK_LETTERS = re.compile(f"[{G.KK_LETTERS.replace('і', '').replace('І', '')}]")   # not І: Russian requisites write «№ 217-VІ»


def parse_requisite(line: str) -> ActMeta:
    meta = ActMeta()
    line = re.sub(r"\s+", " ", line.strip())
    sentences = _SENTENCE.split(line)
    adopted = sentences[0]
    reg = next((s for s in sentences[1:] if re.search(r"[Зз]арегистрир|тіркел", s)), None)
    rep = next((s for s in sentences if re.search(P.REPEAL_RU + "|" + P.REPEAL_KK, s)), None)
    if rep is adopted:
        rep = None
    m_ru = _RU_FORM.match(adopted)
    if m_ru:
        meta.doc_type = _ACT_FORMS.get(re.sub(r"\s+", " ", m_ru.group(1).lower()), "other")
        rest = adopted[m_ru.end():]
        m_iss = re.match(r"\s*(.*?)\s*(?:\bот\b|№|\bN\b|\bза\b|$)", rest)
        gen = m_iss.group(1) if m_iss else ""
        if not gen.strip():
            after = re.search(r",\s*([^,]+)$", rest)          # "Решение №45-264 от 20.05.2015, Маслихат ..."
            gen = after.group(1) if after else ""
        meta.issuer, meta.region = ru_issuer(gen)
    else:
        m_kk = _KK_FORM.search(adopted)
        if m_kk:
            meta.doc_type = _ACT_FORMS.get(m_kk.group(1).lower(), "other")
        dates = find_dates(adopted)
        nums = find_numbers(adopted)
        cut = min([d.start for d in dates[:1]] + [p for p, _ in nums[:1]] + [len(adopted)])
        meta.issuer, meta.region = kk_issuer(adopted[:cut].strip(" ,"))
    # the line's language: a Kazakh line may open with a word Russian shares («Конституция 1995 жылы …»)
    lang = "kk" if not m_ru or _KK_LETTERS.search(line) else "ru"
    meta.issuer, meta.issuer_kind = _national(meta.issuer, meta.doc_type, lang)
    meta.issuer_kind = meta.issuer_kind or issuer_kind_of(meta.issuer or "")
    meta.adopted_date, meta.number = _date_number(adopted)
    if reg:
        d, n = _date_number(reg)
        auth = _ru_authority(reg) if re.search(r"[Зз]арегистрир", reg) else _kk_authority(reg)
        meta.registration = {"date": d, "number": n, "authority": auth}
    if rep:
        meta.status = "repealed"
        meta.repealed_by = repeal_info(rep)
    meta.extra["requisite"] = line
    return meta


def _national(issuer: Optional[str], doc_type: str, lang: str) -> tuple[Optional[str], Optional[str]]:
    """A national body by its name in the nominative, as a local one («Указ Президента Республики
    Казахстан» → «Президент Республики Казахстан», «Қазақстан Республикасы Үкіметінің қаулысы» →
    «Қазақстан Республикасының Үкіметі»); a law or code naming no body is Parliament's (as the
    repositories' code 102000000000 says), the Constitution the republican referendum's. Other
    issuers are returned as they are."""
    from maslihat.core import places
    if doc_type == "constitution":        # adopted at the republican referendum, whatever the text says of it
        n = places.gazetteer().national.get("kz.referendum")
        if n:
            return n["names"].get(lang) or issuer, n["kind"]
    body = places.match_body(issuer) if issuer else None
    if body is not None and body.region_id is None:
        return body.names.get(lang) or issuer, body.kind
    if doc_type in ("law", "code") and not (issuer and places.body_kind(issuer)):
        n = places.gazetteer().national.get("kz.parliament")
        if n:
            return n["names"].get(lang) or issuer, n["kind"]
    return issuer, None


def repeal_info(text: str) -> dict:
    m = re.search(P.REPEAL_RU + "|" + P.REPEAL_KK, text)
    clause = text[m.start():] if m else text
    d, n = _date_number(clause)
    return {"date": d, "number": n, "title": _quoted_title(clause), "text": clause.strip().rstrip(".")}


# --- notes -----------------------------------------------------------------------------------

_WHOLE_REPEAL = re.compile(rf"{P.NOTE_RE}\s*(?:{P.REPEAL_RU}|{P.REPEAL_KK})")


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
        dates = find_dates(body)
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


# --- kinds of text ---------------------------------------------------------------------------

def is_government_reply(text: str) -> bool:
    head = text[:3000]
    return bool(re.search(P.REPLY_INQUIRY, head, re.I) and re.search(P.REPLY_GREETING, head, re.I))


def coursework_markers(text: str) -> set[str]:
    """Distinct coursework markers present as whole words (``қорытындысы`` does not count)."""
    low = text.lower()
    # the substring test first: the regex (leading lookbehind) tries every position of the text
    return {m for m in P.COURSEWORK_MARKERS + P.COURSEWORK_ACADEMIC
            if m in low and re.search(rf"(?<!\w){m}(?!\w)", low)}


def body_doc_type(text: str) -> Optional[str]:
    for rx, kind in P.OPERATIVE_FORMS:
        if re.search(rx, text):
            return kind
    return None


# a signatory's initials and surname («А. Тестов», «О.Бектенов», «Б. Тестова-Ким»)
_SIGNER_NAME = rf"[{_UP}]\.\s?(?:[{_UP}]\.\s?)?[{_UP}][{G.CYR_LOWER}]+(?:-[{_UP}][а-яё]+)?"


def reply_extra(text: str) -> dict:
    extra: dict = {}
    m = re.search(rf"№\s*([{_UP}]{{1,4}})\s*([-–])\s*(\d+)", text)
    if m:
        extra["inquiry_number"] = f"{m.group(1)}{m.group(2)}{m.group(3)}"
        window = text[max(0, m.start() - 120): m.end() + 80]
        dates = find_dates(window)
        if dates:
            extra["inquiry_date"] = dates[0].iso
    names = re.findall(rf"(?m)^\s*({_SIGNER_NAME})\s*$", text)
    if names:
        extra["signatory"] = re.sub(r"\.(?=\S)", ". ", names[-1].strip())
    return extra


# who signs a reply, by the position above the name: (words of the position, issuer kind); first match wins
_SIGNER_POSITIONS = (
    (r"Премьер-[Мм]инистр\w*|Премьер-[Мм]инистрі\w*", "government"),
    (r"[Мм]инистр\w*", "ministry"),
    (r"[Аа]ким\w*|[Әә]кім\w*", "akim"),
    (r"[Мм]аслихат\w*|[Мм]әслихат\w*", "maslikhat"),
)
_SIGNER_TAIL = 600       # characters at the end of a reply where its signature stands


def reply_signer(text: str) -> tuple[Optional[str], Optional[str]]:
    """(the position that signs a reply, its issuer kind): «Заместитель Премьер-Министра Республики
    Казахстан» above «А. Тестов» -> government; a minister -> ministry. With no position above the
    name, the kind from the text (the Government named: «Үкімет», «Правительств»), no issuer."""
    tail = text[-_SIGNER_TAIL:]
    lines = [x.strip() for x in tail.split("\n") if x.strip()]
    name = re.compile(rf"\s*{_SIGNER_NAME}\s*$")
    at = max((i for i, x in enumerate(lines) if name.search(x)), default=None)
    if at is not None:
        block = []
        for x in reversed(lines[max(0, at - 3):at + 1]):
            x = name.sub("", x).strip() if not block else x
            if x.endswith((".", "!", ":")) or len(x) > 80:
                break
            if x:
                block.insert(0, x)
        position = re.sub(r"\s{2,}", " ", " ".join(block)).strip()
        for rx, kind in _SIGNER_POSITIONS:
            if position and re.search(rx, position):
                return position, kind
    return None, ("government" if re.search(r"Үкімет|Правительств", text) else None)


_TOC_LINE = re.compile(r"\s{3,}\d+\s*-\s*\d+|\d+\s*$|^\s*\d+(\.\d+)*\.?\t")


# the topic a title page announces: «на тему: «…»», «Тема: …», «… тақырыбы: …», «Тақырыбы: «…»»
_TOPIC = re.compile(r"(?:\bна\s+тему|\bтема|\bтақырыб\w*)\s*[:.]?\s*(.*)$", re.I)


def _announced_topic(head: list[str]) -> Optional[str]:
    """The topic of a title page: the words after «на тему»/«тақырыбы» on its line, or the next line."""
    for k, line in enumerate(head):
        m = _TOPIC.search(line)
        if not m or len(line) > 300:
            continue
        rest = m.group(1).strip(" «»\"“”")
        if not rest:
            rest = next((x for x in head[k + 1:k + 3] if x), "").strip(" «»\"“”")
        if 12 <= len(rest) <= 300:
            return rest
    return None


def coursework_title(lines: list[str], fallback: str) -> str:
    """The topic a title page announces («на тему: «…»»), else the first line that is not part of a
    table of contents, up to its first sentence end."""
    head = [re.sub(r"\s+", " ", x).strip() for x in lines[:40]]
    topic = _announced_topic(head)
    if topic:
        return topic
    for line, s in zip(lines[:40], head):
        if not s or len(s) < 12 or _TOC_LINE.search(line) or re.search("мазмұны|содержание", s, re.I):
            continue
        if head.count(s) > 1:       # a table-of-contents entry repeated as a heading
            continue
        if re.search(r"кіріспе|қорытынды|введение|заключение", s, re.I) and len(s) < 40:
            continue
        first = re.split(r"(?<=[^\s.]{3})[.!?](?=\s|[{G.CYR_UPPER}0-9]|$)", s, maxsplit=1)[0]
        first = re.split(r"\s\d+(?:\.\d+)+\.?\s", first, maxsplit=1)[0].strip(" -–:")  # glued TOC entry
        return first if len(first) <= 160 else first[:160].rsplit(" ", 1)[0] + " …"
    return fallback


_KK_INQUIRY_LINE = re.compile(r"\d{4}\s+жылғы\s+\d{1,2}\s+\w+\s+№\s*\S+\s*[-–]?\s*\d*\s+депутатт\w*\s+сауал")


def reply_title(text: str, lang: str, extra: dict) -> str:
    """Kazakh replies name the inquiry in their address block ("2024 жылғы 5 сәуірдегі № ДС – 153
    депутаттық сауалға"): that phrase + "жауап" is the title; otherwise a generic one."""
    num = extra.get("inquiry_number")
    if lang == "kk":
        head = re.sub(r"\s+", " ", "\n".join(text.split("\n")[:30]))
        m = _KK_INQUIRY_LINE.search(head)
        if m and num:
            return re.sub(r"№\s*\S+\s*[-–]\s*\d+", f"№ {num}", m.group(0)) + "ға жауап"
        return f"№ {num} депутаттық сауалға жауап" if num else "Депутаттық сауалға жауап"
    return f"Ответ на депутатский запрос № {num}" if num else "Ответ на депутатский запрос"


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


_CONTINUES = re.compile(rf"^\s*[{G.CYR_LOWER}a-z]")
_ENDS = re.compile(r"[.;:!?]\s*$")


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


# the sentences a requisite line goes on with, when a wrapped text put them on lines of their own
_REQUISITE_GOES_ON = re.compile(r"^\s*(?:№|N\s*\d|\d{1,4}\s*(?:года|г\.|жылғы|ж\.))|"
                                r"Зарегистрир|Утратил|тіркел|[Кк]үші\s+жойыл|[Әә]діл[ед]|юстици|[Дд]епартамент")
_REQUISITE_WHOLE = re.compile(rf"(?:№|\bN)\s*\S*\d\S*\s*$|\b(?:{G.requisite_word_pattern('kk')})\s*$", re.I)
_TITLE_SHAPE = re.compile(r"туралы\s*$|^\s*Об?\s")
WRAP_WIDTHS = (60, 100)       # the lengths of a full line of a hard-wrapped text
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_CAPITAL = re.compile(rf"^\s*[{G.CYR_UPPER}A-Z«\"]")


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
