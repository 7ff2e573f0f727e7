"""The requisite line of an act: its form, issuer, date, number, registration and repeal.

"Решение ... от 20 марта 2014 года № С-24/4. Зарегистрировано ... Утратило силу ...", or its Kazakh
form "... № С-24/4 шешімі. ... тіркелді. Күші жойылды - ...", carries the act's identity; the adopted
date is the date written in the requisite, as the user reads it. ``ActMeta`` is what every reader of a
part's metadata (``ingest.metadata``, ``ingest.letterhead``, ``ingest.prose_meta``) fills.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from maslihat.core import grammar as G
from maslihat.core.grammar import find_dates, parse_date
from maslihat.core.wrapped import cut_at_width
from maslihat.ingest import patterns as P

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


# --- the shapes of lines: a line that goes on, a line that ends, a requisite's further sentences ----

_CONTINUES = re.compile(rf"^\s*[{G.CYR_LOWER}a-z]")
_ENDS = re.compile(r"[.;:!?]\s*$")
# the sentences a requisite line goes on with, when a wrapped text put them on lines of their own
_REQUISITE_GOES_ON = re.compile(r"^\s*(?:№|N\s*\d|\d{1,4}\s*(?:года|г\.|жылғы|ж\.))|"
                                r"Зарегистрир|Утратил|тіркел|[Кк]үші\s+жойыл|[Әә]діл[ед]|юстици|[Дд]епартамент")
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_CAPITAL = re.compile(rf"^\s*[{G.CYR_UPPER}A-Z«\"]")


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
    joint = _joint_second(adopted, bool(m_ru))
    if joint and joint["number"] != meta.number:
        meta.extra["joint"] = joint
    if reg:
        d, n = _date_number(reg)
        auth = _ru_authority(reg) if re.search(r"[Зз]арегистрир", reg) else _kk_authority(reg)
        meta.registration = {"date": d, "number": n, "authority": auth}
    if rep:
        meta.status = "repealed"
        meta.repealed_by = repeal_info(rep)
    meta.extra["requisite"] = line
    return meta


_JOINT_RU = re.compile(rf"\s(?:и|а\s+также)\s+(?:совместн\w+\s+)?({G.requisite_word_pattern('ru')})\b", re.I)
_JOINT_KK = re.compile(rf"\b({G.requisite_word_pattern('kk')})\s+(?:және|мен)\s", re.I)


def _joint_second(adopted: str, ru: bool) -> Optional[dict]:
    """The second act of a joint act's requisite line («Совместное постановление акимата … № 210 и решение
    маслихата … № 41-5», «… № 210 бірлескен қаулысы және … № 41-5 шешімі»): {doc_type, date, number}, which a
    citation by the second act's number names too; None for one act."""
    if ru:
        m = _JOINT_RU.search(adopted)
        if not m or not find_numbers(adopted[:m.start()]):
            return None
        form, tail = m.group(1), adopted[m.end():]
        m_iss = re.match(r"\s*(.*?)\s*(?:\bот\b|№|\bN\b|$)", tail)
        issuer, _ = ru_issuer(m_iss.group(1) if m_iss else "")
    else:
        m = _JOINT_KK.search(adopted)
        if not m or not find_numbers(adopted[:m.start()]):
            return None
        tail = adopted[m.end():]
        f2 = _KK_FORM.search(tail)
        if not f2:
            return None
        form = f2.group(1)
        dates, nums = find_dates(tail), find_numbers(tail)
        cut = min([d.start for d in dates[:1]] + [p for p, _ in nums[:1]] + [len(tail)])
        issuer, _ = kk_issuer(tail[:cut].strip(" ,"))
    date, number = _date_number(tail)
    if not number:
        return None
    # the second body (the maslikhat of «… и решение Тестовского районного маслихата …»): the document's issuer
    # stays the first act's (its act_id, parallel and issuer facet are one body's), the second is named here
    return {"doc_type": _ACT_FORMS.get(re.sub(r"\s+", " ", form.lower()), "other"), "date": date, "number": number,
            "issuer": issuer, "issuer_kind": issuer_kind_of(issuer or "")}


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
