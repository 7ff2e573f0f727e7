"""Is this document the act a citation names? Numbers by key, titles by a tolerant key, short names by id.

Citations name national acts in many ways: `Закона Республики Казахстан от 23 января 2001 года
№ 148-II "О местном государственном управлении и самоуправлении в Республике Казахстан"`, the
same without date or number, `№ 148`, `Бюджетного кодекса`, `Салық кодексінің`, `Закона о местном
государственном управлении`. A document in the corpus may carry its number with or without the
Roman suffix of the convocation and its title with or without «Республики Казахстан».
So: numbers compare by ``grammar.number_key``; titles by ``title_key`` (case, quotes, punctuation,
«Республики Казахстан» / «ҚР» gone); short names by the ids of ``act_short_names`` in the grammar
data (shared by RU and KK, so a Russian citation finds a Kazakh title and back).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from maslihat.core import grammar as G

_LATIN = str.maketrans({"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і",
                        "k": "к", "m": "м", "h": "н", "t": "т", "b": "в", "ё": "е"})
_COUNTRY = re.compile(r"\b(?:республик[аиеу]\s+казахстан|қазақстан\s+республикасы(?:ның|ндағы|нда)?|рк|қр)\b")
# the act word itself at the edges of a short title (`Закон о …`, `… туралы Заңы`)
_EDGE_WORD = re.compile(r"^(?:закон\w*|кодекс\w*|указ\w*)\s+|\s+(?:заң\w*|кодекс\w*)$")
DOC_TYPES_OF = {"Закон": ("law", "code", "constitution"), "Кодекс": ("code", "law"), "Конституция": ("constitution",),
                "Указ": ("decree",), "постановление": ("resolution",), "решение": ("decision", "regulation"),
                "приказ": ("order",), "распоряжение": ("order",)}


@lru_cache(maxsize=65536)
def title_key(s: Optional[str]) -> str:
    """`«О местном … в Республике Казахстан»` -> `о местном … в`: lower case, Latin look-alikes
    folded, quotes and punctuation gone, the country's name dropped."""
    if not s:
        return ""
    t = s.lower().translate(_LATIN)
    t = re.sub(r"[^\w\s]|_", " ", t)
    t = _COUNTRY.sub(" ", t)
    return re.sub(r"\s+", " ", t).strip()


@lru_cache(maxsize=None)
def _short_rules() -> tuple[tuple[str, str, re.Pattern], ...]:
    out = []
    for lang in G.LANGS:
        for e in G.data(lang).get("act_short_names", []) or []:
            out.append((e["id"], e.get("type", ""), re.compile(e["pattern"])))
    return tuple(out)


@lru_cache(maxsize=4096)
def short_ids(s: Optional[str]) -> frozenset:
    """Ids of the short names a title or citation phrase matches (`бюджетного кодекса` -> budget_code)."""
    k = title_key(s)
    if not k:
        return frozenset()
    k2 = _EDGE_WORD.sub("", k).strip()
    return frozenset(i for i, _, rx in _short_rules() if rx.search(k) or (k2 and rx.search(k2)))


def num_key(s: Optional[str]) -> str:
    """``grammar.number_key`` until it holds (`480-V ЗРК` -> `480-V` -> `480`)."""
    k = G.number_key(s or "") if s else ""
    while k:
        k2 = G.number_key(k)
        if k2 == k:
            break
        k = k2
    return k


def sole_act(target: dict) -> bool:
    """A citation of the act the country has one of («Конституции Республики Казахстан», «Конституциясының»):
    it names no date, number or title, and needs none."""
    return target.get("act_type") == "Конституция"


def score(target: dict, doc) -> int:
    """How surely ``doc`` is the act ``target`` names: 0 = not it; >= 3 = it."""
    act_type = target.get("act_type")
    date, num = target.get("date"), target.get("number")
    doc_type = doc.doc_type
    joint = (getattr(doc, "extra", None) or {}).get("joint") if num else None
    if joint and doc.number and num_key(num) != num_key(doc.number) and num_key(num) == num_key(joint.get("number")) \
            and (not date or date == (joint.get("date") or doc.adopted_date)):
        doc_type = joint.get("doc_type") or doc_type     # a joint act by its second act's number («… № 41-5»)
        num = doc.number
    if act_type and doc_type not in DOC_TYPES_OF.get(act_type, (doc_type,)) and doc_type != "other":
        return 0
    s = 0
    if num and doc.number:
        if num_key(num) != num_key(doc.number):
            return 0
        s += 4
    if date and doc.adopted_date:
        if date != doc.adopted_date:
            return 0
        s += 1
    if sole_act(target) and doc.doc_type == "constitution" and not (num or target.get("title")):
        s += 4        # «статьи 86 Конституции Республики Казахстан»: the country has one (its date, if cited, agreed)
    names = [x for x in (target.get("title"), target.get("code_name")) if x]
    if target.get("code_name") and "кодекс" not in target["code_name"].lower():
        names[-1] = f"{target['code_name']} кодексі"          # KK `Салық` of `Салық кодексінің`
    for name in names:
        tk, dk = title_key(name), title_key(doc.title)
        if tk and tk == dk:
            s += 4
        elif short_ids(name) & short_ids(doc.title):
            s += 3
        elif num and s >= 4:
            pass                                   # the number decided; titles are often abridged
        elif tk and dk:
            return 0 if not num else s             # a different title: another act
    return s
