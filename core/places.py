"""Canonical places and bodies: one id per region, city, district and issuing body.

The data is ``core/data/places.yaml`` (read once, here only). Two documents naming one body
in different words («Алматинский областной маслихат», «маслихат Алматинской области»,
«Алматы облыстық мәслихаты») get one ``issuer_id`` (``kz-alm.maslikhat``) and one
``region_id`` (``kz-alm``); facets count those ids and show ``label(id, lang)``. The raw
wording stays in the document's ``issuer`` / ``region``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

DATA = Path(__file__).parent / "data" / "places.yaml"
LABEL_LANGS = ("ru", "kk", "en")
# Latin letters typed for Cyrillic ones in names (``oбластного``).
_LOOK = str.maketrans("aceopxyiABCEHKMOPTXYI", "асеорхуіАВСЕНКМОРТХУІ")


@dataclass(frozen=True)
class Place:
    id: str
    kind: str                      # oblast | city_rs | city | district
    names: dict
    ru_gen: str = ""
    kk_gen: str = ""
    parent: Optional[str] = None
    stems: tuple = ()
    former: tuple = ()

    @property
    def region_id(self) -> str:
        """The oblast or city of republican significance the place belongs to."""
        return self.parent or self.id


@dataclass(frozen=True)
class Body:
    id: str                        # "<place id>.<kind>" or "kz.president" ...
    kind: str                      # maslikhat | akimat | akim | president | parliament | government
    region_id: Optional[str]
    names: dict = field(default_factory=dict)


@dataclass
class Gazetteer:
    places: dict
    bodies_tpl: dict
    body_words: dict
    level_words: dict
    national: dict
    registry: dict
    lower_level_words: tuple = ()

    def place(self, place_id: str) -> Optional[Place]:
        return self.places.get(place_id)


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower case, ё -> е, Latin look-alikes -> Cyrillic, one space: the form names are matched in."""
    t = unicodedata.normalize("NFC", text or "").translate(_LOOK).lower().replace("ё", "е")
    return re.sub(r"\s+", " ", t).strip()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    from maslihat.core import yamlfile
    raw = yamlfile.load(DATA)
    places = {}
    for p in raw["places"]:
        places[p["id"]] = Place(
            id=p["id"], kind=p["kind"], names=dict(p["names"]), ru_gen=p.get("ru_gen", ""),
            kk_gen=p.get("kk_gen", ""), parent=p.get("parent"),
            stems=tuple(fold(s) for s in p.get("stems", [])),
            former=tuple(fold(s) for s in p.get("former", [])))
    national = {n["id"]: n for n in raw.get("national", [])}
    return Gazetteer(places, raw["bodies"], {k: [fold(w) for w in v] for k, v in raw["body_words"].items()},
                     {k: [fold(w) for w in v] for k, v in raw["level_words"].items()}, national,
                     raw.get("registry", {}), tuple(fold(w) for w in LOWER_LEVEL_WORDS))


# --- matching ---------------------------------------------------------------------------------

_LEVELS = {"district": ("district",), "city": ("city", "city_rs"), "oblast": ("oblast",)}
# Levels below a district (rural okrugs, settlements, villages), RU and KK: the gazetteer names none
# of them, so a body of this level is never read as its district's or oblast's (``body_level``).
# Apart from places.yaml's level_words: these do not make a word a level word for names (and the
# shipped lemmas' key, corpus/lexicon.py, hashes places.yaml).
LOWER_LEVEL_WORDS = ("сельского округа", "сельский округ", "сельском округе", "сельского акимата",
                     "сельский акимат", "поселкового", "поселковый", "поселка ", "аульного округа",
                     "аульный округ", "ауылдық округ", "кенттік", "кенті ", "кентінің", "ауылының",
                     "ауылы әкім", "села ")


def _find_place(low: str, kinds: tuple) -> Optional[Place]:
    """The place of one of ``kinds`` whose stem or former name occurs earliest in ``low``."""
    best: Optional[tuple[int, int, Place]] = None
    for p in gazetteer().places.values():
        if p.kind not in kinds:
            continue
        for s in p.stems + p.former:
            i = low.find(s)
            if i >= 0 and (best is None or (i, -len(s)) < (best[0], best[1])):
                best = (i, -len(s), p)
    return best[2] if best else None


def find_place(text: Optional[str]) -> Optional[Place]:
    """The most specific place a name speaks of: a district or city when its level word is
    there («Кокшетауского городского маслихата»), else an oblast; None when nothing is known."""
    low = " " + fold(text or "") + " "
    if not low.strip():
        return None
    words = gazetteer().level_words
    for level in ("district", "city", "oblast"):
        if any(w in low for w in words[level]):
            p = _find_place(low, _LEVELS[level])
            if p is not None:
                return p
    # no level word («Алматинская», «Астана»): an oblast, then a city of republican significance
    return _find_place(low, ("oblast",)) or _find_place(low, ("city_rs",))


def level_word(word: str) -> bool:
    """Whether ``word`` says a level of place («область», «облысы», «города», «ауданы»), not its name."""
    w = fold(word)
    return any(w.startswith(x.strip().rstrip(".")) for words in gazetteer().level_words.values()
               for x in words if len(x.strip().rstrip(".")) > 2)


def body_kind(text: Optional[str]) -> Optional[str]:
    low = fold(text or "")
    for kind, words in gazetteer().body_words.items():
        if any(w in low for w in words):
            return kind
    return None


def body_level(issuer: Optional[str]) -> Optional[str]:
    """The level of place a body's wording names, the most specific one said: ``lower`` (a rural
    okrug, settlement, village), ``district``, ``city``, ``oblast``, or None (no level word:
    «маслихат»). «Карасайского районного маслихата Алматинской области» is ``district``."""
    low = " " + fold(issuer or "") + " "
    g = gazetteer()
    if any(w in low for w in g.lower_level_words):
        return "lower"
    for level in ("district", "city", "oblast"):
        if any(w in low for w in g.level_words[level]):
            return level
    return None


def match_body(issuer: Optional[str], region: Optional[str] = None) -> Optional[Body]:
    """The canonical body an issuer's wording names; the region helps when the issuer omits it
    («областного маслихата» in an act of a known oblast).

    A body of a district, city or lower level whose place the gazetteer does not know is no
    known body (None): never its oblast's («Тестовский районный маслихат» of Алматинская
    область is not ``kz-alm.maslikhat``)."""
    if not issuer:
        return None
    g = gazetteer()
    low = fold(issuer)
    for nid, n in g.national.items():
        if any(fold(s) in low for s in n.get("spellings", [])):
            return Body(nid, n["kind"], None, dict(n["names"]))
    kind = body_kind(issuer)
    if kind is None:
        return None
    level = body_level(issuer)
    if level == "lower":
        return None
    place = find_place(issuer)
    if place is None and region:
        place = find_place(region)
    if place is None or (level in _LEVELS and place.kind not in _LEVELS[level]):
        return None
    return Body(f"{place.id}.{kind}", kind, place.region_id, _body_names(place, kind))


def match_region(region: Optional[str], issuer: Optional[str] = None) -> Optional[str]:
    """The region id (oblast or city of republican significance) of a region's or issuer's wording."""
    for text in (region, issuer):
        p = find_place(text) if text else None
        if p is not None:
            return p.region_id
    return None


def body_from_code(code: str) -> Optional[Body]:
    """A body from a repository's ``approved_by`` code (``154000000002``), when the code is known."""
    g = gazetteer()
    reg = g.registry or {}
    code = str(code).strip()
    nid = (reg.get("national") or {}).get(code)
    if nid and nid in g.national:
        n = g.national[nid]
        return Body(nid, n["kind"], None, dict(n["names"]))
    kind = (reg.get("body_suffixes") or {}).get(code[-2:])
    place_id = (reg.get("region_prefixes") or {}).get(code[:3])
    if not (kind and place_id and code[3:-2].strip("0") == "" and place_id in g.places):
        return None
    return Body(f"{place_id}.{kind}", kind, g.places[place_id].region_id, _body_names(g.places[place_id], kind))


def _body_names(place: Place, kind: str) -> dict:
    tpl = gazetteer().bodies_tpl.get(kind, {})
    fill = {"ru_gen": place.ru_gen, "kk_gen": place.kk_gen, "en": place.names.get("en", place.id)}
    out = {lang: t.format(**fill) for lang, t in tpl.items()}
    return {k: (v[0].upper() + v[1:]) if v else v for k, v in out.items()}


# --- labels -----------------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def label(some_id: Optional[str], lang: str = "ru") -> str:
    """A region's or body's name in ``lang`` (ru, kk, en); unknown ids come back unchanged."""
    if not some_id:
        return ""
    lang = lang if lang in LABEL_LANGS else "ru"
    g = gazetteer()
    if some_id in g.places:
        return g.places[some_id].names.get(lang) or some_id
    if some_id in g.national:
        return g.national[some_id]["names"].get(lang) or some_id
    place_id, _, kind = some_id.rpartition(".")
    if place_id in g.places and kind in g.bodies_tpl:
        return _body_names(g.places[place_id], kind).get(lang) or some_id
    return some_id
