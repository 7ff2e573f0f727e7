"""Stable, readable identifiers in the manner of Akoma Ntoso / cobalt.

One scheme serves acts, language versions, editions and provisions, so that references,
backlinks, alignment and app URLs all speak of the same thing:

    work        kz-akm-kokshetau.maslikhat/decision/2014-03-20/s-24-4
    document    kz-akm-kokshetau.maslikhat/decision/2014-03-20/s-24-4/ru          (edition 2: .../ru@2)
    unit        kz-akm-kokshetau.maslikhat/decision/2014-03-20/s-24-4/ru/appendix_1/point_36/subpoint_2

The work's first segment names who made the act (as Akoma Ntoso's work URI names the country
and the actor): ``kz`` for national acts (laws, codes, the Constitution, decrees, the
Government's resolutions), else the issuing body (``issuer_key``): two district maslikhats'
decisions of one date and one number are two acts, not two editions of one.

Texts without date and number (coursework, replies) are named from their source file:
``kz/coursework/000-eba0dbad217e7da3``. Every id depends only on the input, never on the
order of ingestion.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from typing import Iterable, Optional

_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
    "ә": "a", "ғ": "g", "қ": "q", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
}
_LATIN_TO_CYR = str.maketrans("aceopxyABCEHKMOPTXY", "асеорхуАВСЕНКМОРТХУ")

# ISO 3166-2:KZ style codes, keyed by a stem that appears in RU and KK region names.
REGION_CODES = (
    ("акмол", "akm"), ("ақмол", "akm"), ("актюб", "akt"), ("ақтөб", "akt"),
    ("алматинск", "alm"), ("алматы облыс", "alm"), ("атырау", "aty"),
    ("восточно-казахстан", "vos"), ("шығыс қазақстан", "vos"), ("жамбыл", "zha"),
    ("западно-казахстан", "zap"), ("батыс қазақстан", "zap"), ("карагандин", "kar"),
    ("қарағанды", "kar"), ("костанай", "kus"), ("қостанай", "kus"), ("кызылорд", "kzy"),
    ("қызылорда", "kzy"), ("мангист", "man"), ("маңғыст", "man"), ("павлодар", "pav"),
    ("северо-казахстан", "sev"), ("солтүстік қазақстан", "sev"), ("туркестан", "yuz"),
    ("түркістан", "yuz"), ("южно-казахстан", "yuz"), ("оңтүстік қазақстан", "yuz"),
    ("абай", "aba"), ("жетісу", "zhe"), ("жетысу", "zhe"), ("ұлытау", "uly"), ("улытау", "uly"),
    ("город астана", "ast"), ("астана қаласы", "ast"), ("город алматы", "ala"),
    ("алматы қаласы", "ala"), ("шымкент", "shy"),
)


_DASHES = re.compile(r"-+")


@lru_cache(maxsize=16384)
def slug(text: str, limit: int = 60, fold: bool = True) -> str:
    """ASCII slug of Cyrillic (RU and KK) or Latin text: 'С-24/4' -> 's-24-4'.

    ``fold`` maps Latin look-alikes to Cyrillic first, so 'C-30/3' typed with a Latin C and
    'С-30/3' give one id; file names are slugged without it.
    """
    t = unicodedata.normalize("NFC", text or "")
    t = (t.translate(_LATIN_TO_CYR) if fold else t).lower()
    out = []
    for ch in t:
        if ch in _TRANSLIT:
            out.append(_TRANSLIT[ch])
        elif ch.isascii() and ch.isalnum():
            out.append(ch)
        else:
            out.append("-")
    s = _DASHES.sub("-", "".join(out)).strip("-")
    return s[:limit].strip("-") or "x"


def region_code(region: Optional[str], issuer: Optional[str] = None) -> str:
    hay = " ".join(x for x in (region, issuer) if x).lower()
    for stem, code in REGION_CODES:
        if stem in hay:
            return code
    return ""


# Acts of the Republic: their work is ``kz/<type>/…`` whoever signed them; the store keeps them apart too
# (a partial index over exactly these, in this order: corpus/schema.py)
NATIONAL_DOC_TYPES = ("law", "code", "constitution", "decree")
_LOCAL_KINDS = ("maslikhat", "akimat", "akim")
_NAME_TAIL = re.compile(r"(?:ского|скому|ским|ском|ский|ская|ской|цкого|цкий|цкая|цкой)$")
_NAME_NOISE = re.compile(r"^(?:республик\w*|казахстан\w*|қазақстан\w*|решение|решением|постановление\w*|"
                         r"приказ\w*|шешім\w*|қаулы\w*|бұйрығ\w*|и|мен|және|по|делам|от)$")


def _fold_name(word: str) -> str:
    """A place or ministry word folded to one ASCII form for RU and KK («Карасайского», «Қарасай»
    -> ``karasai``; «Еңбекшіқазақ», «Енбекшиказахский» -> ``enbekshikazak``)."""
    w = unicodedata.normalize("NFC", word).translate(_LATIN_TO_CYR).lower().replace("ё", "е")
    w = _NAME_TAIL.sub("", w) if len(w) > 6 else w
    a = slug(w, limit=40)
    a = a.replace("kh", "k").replace("q", "k").replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", a)


_LEVEL_STEMS = ("сельск", "поселк", "ауыл", "кент", "аульн", "округ", "облыс", "област", "аудан", "район",
                "қала", "город")


def _name_words(issuer: str, region: str = "") -> list[str]:
    """The words of an issuer's wording that name its place (or ministry): not the body's kind,
    level, the Republic, nor the region ``region`` (``kz-alm``) the act belongs to; the name
    before its level word («Тестовского сельского округа Тестовского района»: the okrug's)."""
    from maslihat.core import places
    out: list[str] = []
    words = re.findall(r"[^\W\d_][^\W_]*(?:-[^\W_]+)*", issuer)
    for k, w in enumerate(words):
        f = places.fold(w)
        level = places.level_word(w) or f.startswith(_LEVEL_STEMS)
        nxt = places.fold(words[k + 1]) if k + 1 < len(words) else ""
        # the region named as a region («Алматинской области», «Алматы облысы», «города Алматы»),
        # not a city's own name that shares its stem («Актюбинский городской маслихат»)
        p = None if level or not nxt.startswith(("област", "облыс")) else places.find_place(w)
        if level or (p is not None and p.kind in ("oblast", "city_rs") and p.region_id == region):
            if out:
                break        # «Тестовский районный маслихат Алматинской области», «Алматы облысы Тестов …»
            continue
        if places.body_kind(w) or _NAME_NOISE.match(f) or len(f) < 3 or f.startswith(("министр", "министерств")):
            continue
        out.append(w)
    return out


@lru_cache(maxsize=16384)
def issuer_key(doc_type: Optional[str], region: Optional[str] = None, issuer: Optional[str] = None,
               body: Optional[str] = None) -> str:
    """The work's first segment: who made the act, the same for its RU and KK versions.

    ``kz`` for national acts and national bodies; the gazetteer's body id for a known body
    (``kz-alm-karasai.maslikhat``; ``body``, when the caller knows it, e.g. from meta.yaml's
    approved_by code); for a local body the gazetteer does not know, the region, the place's
    name folded to ASCII and the kind (``kz-alm-testov.maslikhat``; a rural okrug's ends in
    ``-lower``); for a ministry ``kz.ministry-<name>``; else the region alone (``kz-alm``, as before).
    """
    from maslihat.core import places
    if doc_type in NATIONAL_DOC_TYPES:
        return "kz"
    if not body and issuer:
        b = places.match_body(issuer, region)
        body = b.id if b is not None else None
    if body:
        return "kz" if body.startswith("kz.") else body
    code = region_code(region, issuer)
    country = f"kz-{code}" if code else "kz"
    kind = places.body_kind(issuer) if issuer else None
    if issuer and kind in _LOCAL_KINDS:
        level = places.body_level(issuer)
        if level in (None, "oblast"):
            return f"{country}.{kind}" if code else country
        name = "-".join(_fold_name(w) for w in _name_words(issuer, country)[:2]) or level
        return f"{country}-{name}{'-lower' if level == 'lower' else ''}.{kind}"
    if issuer and "ministry" == _ministry(issuer):
        name = "-".join(_fold_name(w) for w in _name_words(issuer, country)[:3])
        return f"kz.ministry-{name}" if name else "kz.ministry"
    return country


def _ministry(issuer: str) -> Optional[str]:
    low = issuer.lower()
    return "ministry" if ("министр" in low or "министерств" in low) else None


def work_id(doc_type: str, adopted_date: Optional[str], number: Optional[str],
            region: Optional[str] = None, issuer: Optional[str] = None,
            source: Optional[str] = None, body: Optional[str] = None) -> str:
    """The act (work) shared by its language versions and editions."""
    code = region_code(region, issuer)
    country = f"kz-{code}" if code else "kz"
    if adopted_date and number:
        return f"{issuer_key(doc_type, region, issuer, body)}/{doc_type}/{adopted_date}/{slug(number)}"
    stem = re.sub(r"\.(rus|kaz|ru|kk)$", "", re.sub(r"\.[A-Za-z0-9]+$", "", (source or "untitled").split("/")[-1]))
    if adopted_date:
        return f"{country}/{doc_type}/{adopted_date}/{slug(stem, fold=False)}"
    return f"{country}/{doc_type}/{slug(stem, fold=False)}"


def document_id(work: str, language: str, version: int = 1) -> str:
    return f"{work}/{language}" + (f"@{version}" if version > 1 else "")


def short_hash(*parts: str, n: int = 8) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:n]


_STEP_ODD = re.compile(r"[^0-9a-z.\-]+")


@lru_cache(maxsize=8192)
def unit_step(kind: str, number: Optional[str], nth: int) -> str:
    """One path step: ``point_36``, ``subpoint_2``, ``chapter_2.1``, ``paragraph_3`` (nth under its parent)."""
    if number:
        n = _STEP_ODD.sub("-", slug(number.strip().rstrip(").").replace(".", "_dot_"), limit=24)
                   .replace("-dot-", ".").replace("dot", ".")).strip("-.")
        if n:
            return f"{kind}_{n}"
    return f"{kind}_{nth}"


CONTAINER_KINDS = frozenset({"section", "chapter", "subchapter", "heading"})


def assign_unit_ids(document_id_: str, units: Iterable) -> None:
    """Give every unit its path id; unique within the document, rewritten in place.

    Units come in document order, ``parent_id`` naming the temporary id of an earlier unit.
    A provision's path skips the headings above it (``appendix_1/point_62``, not
    ``…/chapter_5/point_62``): points are cited by number, and the id survives a renumbered
    chapter. Where a number repeats (points restarting in each chapter), the colliding units
    keep the full path through their headings instead.
    """
    units = list(units)
    by_tmp = {u.id: u for u in units}
    steps: dict[str, str] = {}
    counters: dict[tuple, int] = {}
    for u in units:
        key = (u.parent_id, u.kind)
        counters[key] = counters.get(key, 0) + 1
        steps[u.id] = f"appendix_{u.part or counters[key]}" if u.kind == "appendix" else unit_step(u.kind, u.number, counters[key])

    def path(u, full: bool) -> str:
        parent = by_tmp.get(u.parent_id) if u.parent_id else None
        while parent is not None and not full and parent.kind in CONTAINER_KINDS and u.kind not in CONTAINER_KINDS:
            parent = by_tmp.get(parent.parent_id) if parent.parent_id else None
        if parent is None:
            base = document_id_ + (f"/appendix_{u.part}" if u.part and u.kind != "appendix" else "")
        else:
            base = path(parent, full)
        return f"{base}/{steps[u.id]}"

    short = {u.id: path(u, False) for u in units}
    counts: dict[str, int] = {}
    for v in short.values():
        counts[v] = counts.get(v, 0) + 1
    new_ids: dict[str, str] = {}
    seen: set[str] = set()
    for u in units:
        uid = short[u.id]
        if counts[uid] > 1:
            uid = path(u, True)
        base, k = uid, 2
        while uid in seen:
            uid = f"{base}~{k}"
            k += 1
        seen.add(uid)
        new_ids[u.id] = uid
    for u in units:
        u.parent_id = new_ids.get(u.parent_id) if u.parent_id else None
        u.id = new_ids[u.id]
        u.document_id = document_id_
