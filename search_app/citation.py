"""Citation strings in the forms lawyers write, in the document's language (the reader and the export).

Forms (RU / KK):

* a provision of the act itself:
  «п. 1 решения Кокшетауского городского маслихата от 20 марта 2014 года № С-24/4 «Об утверждении …»»
  «Көкшетау қалалық мәслихатының 2014 жылғы 20 наурыздағы № С-24/4 «… бекіту туралы» шешімінің 1-тармағы»
* a provision of a document the act approved (its appendix: a regulation, rules):
  «п. 34 Регламента Кокшетауского городского маслихата, утв. решением … от 20 марта 2014 года № С-24/4»
  «… 2014 жылғы 20 наурыздағы № С-24/4 шешімімен бекітілген … регламентінің 34-тармағы»
  and of an untitled appendix: «п. 3 приложения 1 к решению …» / «… шешіміне 1-қосымшаның 3-тармағы»
* a provision of a law or code: «п. 2 ст. 9 Закона Республики Казахстан от … № … «О …»» /
  «Қазақстан Республикасының … № … «… туралы» Заңының 9-бабының 2-тармағы»

The issuer is named as the act's own heading line names it, in the act's language (the
genitive comes from that line: «Решение Кокшетауского городского маслихата … от …»), so a
Kazakh citation never carries the Russian name. Nothing here reads the database: the caller
passes the unit, its document and the document's units.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from maslihat.core import grammar

# RU: act type -> (genitive, instrumental, "repealed" in the right gender)
RU_ACT = {
    "decision": ("решения", "решением", "утратило силу"),
    "resolution": ("постановления", "постановлением", "утратило силу"),
    "order": ("приказа", "приказом", "утратил силу"),
    "decree": ("Указа", "Указом", "утратил силу"),
    "law": ("Закона Республики Казахстан", "Законом Республики Казахстан", "утратил силу"),
    "code": ("Кодекса Республики Казахстан", "Кодексом Республики Казахстан", "утратил силу"),
    "constitution": ("Конституции Республики Казахстан", "Конституцией Республики Казахстан", "утратила силу"),
}
# KK: act type -> (genitive, instrumental, dative)
KK_ACT = {
    "decision": ("шешімінің", "шешімімен", "шешіміне"),
    "resolution": ("қаулысының", "қаулысымен", "қаулысына"),
    "order": ("бұйрығының", "бұйрығымен", "бұйрығына"),
    "decree": ("Жарлығының", "Жарлығымен", "Жарлығына"),
    "law": ("Заңының", "Заңымен", "Заңына"),
    "code": ("Кодексінің", "Кодексімен", "Кодексіне"),
    "constitution": ("Конституциясының", "Конституциясымен", "Конституциясына"),
}
RU_HEADER = re.compile(r"^\s*(?:Решение|Постановление|Приказ|Указ|Распоряжение)\s+(.{3,240}?)\s+от\s+\d", re.M)
# RU genitive of the head word of an approved document's title
RU_HEAD_GEN = {"регламент": "регламента", "правила": "правил", "положение": "положения", "порядок": "порядка",
               "инструкция": "инструкции", "план": "плана", "программа": "программы", "перечень": "перечня",
               "методика": "методики", "состав": "состава", "схема": "схемы", "требования": "требований",
               "критерии": "критериев", "размеры": "размеров", "размер": "размера", "ставки": "ставок",
               "описание": "описания", "типовой": "типового", "типовые": "типовых", "типовое": "типового",
               "единые": "единых", "квалификационные": "квалификационных", "тарифы": "тарифов"}
# KK unit words: nominative -> (possessive, genitive of the possessive)
KK_UNIT = {"тармақ": ("тармағы", "тармағының"), "тармақша": ("тармақшасы", "тармақшасының"),
           "бап": ("бабы", "бабының"), "абзац": ("абзацы", "абзацының"), "бөлік": ("бөлігі", "бөлігінің"),
           "тарау": ("тарауы", "тарауының"), "қосымша": ("қосымшасы", "қосымшасының"),
           "бөлім": ("бөлімі", "бөлімінің"), "параграф": ("параграфы", "параграфының")}
LOCATOR_KINDS = {"point", "subpoint", "part", "paragraph", "article"}

_KK_BACK = set("аоұыя")
_KK_FRONT = set("әөүіеиэю")
_VOICELESS = set("кқпстшфхцчщбвгдғ")


def _front(word: str) -> bool:
    for ch in reversed(word.lower()):
        if ch in _KK_FRONT:
            return True
        if ch in _KK_BACK:
            return False
    return False


def kk_genitive(word: str) -> str:
    """мәслихаты -> мәслихатының, регламенті -> регламентінің, кодекс -> кодекстің."""
    last = word[-1:].lower()
    vowel = "і" if _front(word) else "ы"
    if last in _KK_BACK | _KK_FRONT | set("мнң"):
        return f"{word}н{vowel}ң"
    if last in _VOICELESS:
        return f"{word}т{vowel}ң"
    return f"{word}д{vowel}ң"


def _own_token(unit, parent) -> str:
    """The unit's own part of its label: 'п. 139 абз. 1' under 'п. 139' -> 'абз. 1'."""
    label = (unit.label or "").strip()
    if parent is not None and parent.label and label.startswith(parent.label):
        rest = label[len(parent.label):].strip(" ,")
        if rest:
            return rest
    return label


def _chain(unit, by_id: dict) -> list:
    """The unit and its locating ancestors (points, articles…), innermost first."""
    out = [unit]
    cur = unit
    while cur.parent_id and cur.kind in LOCATOR_KINDS:
        parent = by_id.get(cur.parent_id)
        if parent is None or parent.kind not in LOCATOR_KINDS:
            break
        out.append(parent)
        cur = parent
    return out


def locator(unit, by_id: dict, language: str) -> str:
    """'абз. 1 п. 139' (RU, innermost first) / '139-тармағының 1-абзацы' (KK, outermost first)."""
    if unit.kind not in LOCATOR_KINDS:
        return _kk_form(unit.label or "", genitive=False) if language == "kk" else (unit.label or "")
    chain = _chain(unit, by_id)
    tokens = [_own_token(u, by_id.get(u.parent_id) if u is not chain[-1] else None) for u in chain]
    if language != "kk":
        return " ".join(tokens)
    tokens = list(reversed(tokens))
    return " ".join(_kk_form(tok, genitive=(i < len(tokens) - 1)) for i, tok in enumerate(tokens))


def _kk_form(token: str, genitive: bool) -> str:
    """'34-тармақ' -> '34-тармағы' (possessive) or '34-тармағының' (genitive)."""
    m = re.match(rf"^(.*?)([{grammar.LETTER}]+)$", token)
    if not m:
        return token
    head, word = m.groups()
    forms = KK_UNIT.get(word.lower())
    if forms:
        return head + forms[1 if genitive else 0]
    return token


def _ru_date(iso: Optional[str]) -> str:
    if not iso:
        return ""
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d} {grammar.month_name(m, 'ru', 'genitive')} {y} года"


def _kk_date(iso: Optional[str]) -> str:
    if not iso:
        return ""
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y} жылғы {d} {_kk_month_attributive(m)}"


def _kk_month_attributive(m: int) -> str:
    """'наурыздағы' (of the 20th of March): the grammar's month form ending in -ғы/-гі."""
    forms = grammar.month_name(m, "kk", "forms")
    found = next((f for f in forms if f.endswith(("ғы", "гі"))), None)
    if found:
        return found
    nom = grammar.month_name(m, "kk")  # built by the rule: -дағы/-дегі, -тағы/-тегі after a voiceless sound
    front = _front(nom)
    d = "т" if nom[-1:].lower() in "кқпстшфхцчщ" else "д"
    return nom + d + ("егі" if front else "ағы")


def looks_kazakh(text: Optional[str]) -> bool:
    return bool(text) and bool(re.search(f"[{grammar.KK_LETTERS}]", text))


_KK_GEN_WORD = r"[^\W\d_][\w-]*(?:ның|нің|дың|дің|тың|тің)"
_KK_ACT_FORMS = r"(?:шешімі|қаулысы|бұйрығы|Жарлығы|өкімі)(?:мен)?\b"
_KK_OPERATIVE = re.compile(r"сәйкес,?\s+((?:[^\W\d_][\w-]*\s+){0,5}?[^\W\d_][\w-]*(?:ы|і|сы|сі))\s+"
                           r"(?:ШЕШТІ|ШЕШІМ ЕТЕДІ|ҚАУЛЫ ЕТЕДІ|ШЕШІМ ҚАБЫЛДАДЫ)")


def _from_capital(words: list[str]) -> list[str]:
    """Drop the words before the first capitalised one ('бекітілсін. Павлодар облыстық …' -> 'Павлодар …')."""
    for i, w in enumerate(words):
        if w[:1].isupper():
            return words[i:]
    return words


def _kk_issuer_in_text(doc) -> str:
    """The issuer in the genitive where the Kazakh text names this act: its heading line or the
    approval block of its appendix («… мәслихатының (… сессиясы) 2014 жылғы 28 наурыздағы № 257/29
    шешімімен бекітілген»), matched on the act's own number; else the operative sentence
    («… сәйкес Шығыс Қазақстан облыстық мәслихаты ШЕШТІ»), put in the genitive."""
    text = doc.text or ""
    num = re.escape(doc.number) if doc.number else r"\S+"
    rx = re.compile(rf"((?:[^\W\d_][\w-]*[ \t]+){{0,6}}{_KK_GEN_WORD})\s+(?:\([^)]{{0,80}}\)\s+)?"
                    rf"\d{{4}}\s+жылғы\s+\d{{1,2}}\s+\S+\s+№\s*{num}\s+{_KK_ACT_FORMS}")
    found: list[str] = []
    m = rx.search(text)
    if m:
        words = _from_capital(m.group(1).split())
        if looks_kazakh(" ".join(words)) or any(w.endswith(("ның", "нің")) for w in words):
            found.append(" ".join(words))
    m = _KK_OPERATIVE.search(text[:6000])
    if m:
        words = _from_capital(m.group(1).split())
        if words and looks_kazakh(" ".join(words)):
            found.append(" ".join(words[:-1] + [kk_genitive(words[-1])]))
    # a line break can cut the approval block's name short («Облыстық мәслихатының»): the fuller wins
    return max(found, key=lambda x: len(x.split()), default="")


def issuer_of(doc, language: str) -> str:
    """The issuer in the genitive, as the act's own text names it, in its language; '' when unknown."""
    head = (doc.text or "")[:2000]
    if language == "kk":
        if doc.doc_type == "decree":
            return "Қазақстан Республикасы Президентінің"
        found = _kk_issuer_in_text(doc)
        if found:
            return found
        if doc.issuer and looks_kazakh(doc.issuer):  # a Russian name never goes into a Kazakh citation
            words = doc.issuer.split()
            return " ".join(words[:-1] + [kk_genitive(words[-1])])
        return ""
    m = RU_HEADER.search(head)
    if m:
        return m.group(1).strip()
    if doc.doc_type == "decree":
        return "Президента Республики Казахстан"
    return _ru_genitive_phrase(doc.issuer) if doc.issuer and not looks_kazakh(doc.issuer) else ""


def _ru_genitive_phrase(phrase: str) -> str:
    """'Кокшетауский городской маслихат' -> 'Кокшетауского городского маслихата' (adjectives + head noun)."""
    out, done = [], False
    for w in phrase.split():
        lw = w.lower()
        if done:
            out.append(w)
            continue
        for end, rep in (("ский", "ского"), ("цкий", "цкого"), ("ской", "ского"), ("ный", "ного"), ("ной", "ного"),
                         ("ый", "ого"), ("ий", "его")):
            if lw.endswith(end):
                out.append(w[: -len(end)] + rep)
                break
        else:
            if lw.endswith("ат") or lw.endswith("им") or lw.endswith("ет") or re.search(r"[бвгджзклмнпрстфхцчшщ]$", lw):
                out.append(w + "а")
            elif lw.endswith("о"):
                out.append(w)
            else:
                out.append(w)
            done = True
    return " ".join(out)


def _ru_title_genitive(heading: str, doc_title: str) -> str:
    """'Регламент X' -> 'Регламента X'; the decision's title «Об утверждении Регламента X» is asked first."""
    words = heading.split()
    m = re.match(r"^\s*Об утверждении\s+(.*)$", doc_title or "", re.S)  # «О Регламенте» is not a genitive
    if m and words:
        tw = m.group(1).split()
        if len(tw) >= len(words) and tw[0].lower()[:5] == words[0].lower()[:5] and \
                [w.lower() for w in tw[1:len(words)]] == [w.lower() for w in words[1:]]:
            first = tw[0]
            return " ".join([first[0].upper() + first[1:] if words[0][:1].isupper() else first] + words[1:])
    out = list(words)
    for i, w in enumerate(words[:2]):
        gen = RU_HEAD_GEN.get(w.lower())
        if not gen:
            break
        out[i] = gen[0].upper() + gen[1:] if w[:1].isupper() else gen
    return " ".join(out)


def _appendix_of(unit, by_id: dict):
    cur = unit
    while cur is not None:
        if cur.kind == "appendix":
            return cur
        cur = by_id.get(cur.parent_id) if cur.parent_id else None
    return None


def _requisites(doc, language: str) -> str:
    """'Кокшетауского городского маслихата от 20 марта 2014 года № С-24/4' / '… 2014 жылғы 20 наурыздағы № С-24/4'."""
    national = doc.doc_type in ("law", "code", "constitution")  # named by the type, not the issuer
    who = ("Қазақстан Республикасының" if language == "kk" else "") if national else issuer_of(doc, language)
    num = f"№ {doc.number}" if doc.number else ""
    if language == "kk":
        return " ".join(p for p in (who, _kk_date(doc.adopted_date), num) if p)
    date = f"от {_ru_date(doc.adopted_date)}" if doc.adopted_date else ""
    return " ".join(p for p in (who, date, num) if p)


def cite(unit, doc, units: Iterable = ()) -> str:
    """The citation of ``unit`` (a provision of ``doc``) in the document's language."""
    by_id = {u.id: u for u in units}
    by_id.setdefault(unit.id, unit)
    lang = "kk" if doc.language == "kk" else "ru"
    if doc.doc_type not in RU_ACT:
        return _plain(unit, doc, lang)
    appendix = _appendix_of(unit, by_id)
    loc = locator(unit, by_id, lang) if unit is not appendix else ""
    req = _requisites(doc, lang)
    if lang == "ru":
        gen, instr, repealed = RU_ACT[doc.doc_type]
        if appendix is not None:
            if appendix.heading:
                what = _ru_title_genitive(appendix.heading, doc.title)
                s = f"{loc} {what}, утв. {instr} {req}".strip() if loc else f"{appendix.heading}, утв. {instr} {req}"
            else:
                no = f" {appendix.number}" if appendix.number else ""
                dat = {"решения": "решению", "постановления": "постановлению", "приказа": "приказу",
                       "Указа": "Указу"}.get(gen, gen)
                s = f"{loc + ' ' if loc else ''}приложения{no} к {dat} {req}"
        else:
            title = f" «{doc.title}»" if doc.title else ""
            s = f"{loc + ' ' if loc else ''}{gen} {req}{title}"
        return s + (f" ({repealed})" if doc.status == "repealed" else "")
    gen, instr, dat = KK_ACT[doc.doc_type]
    rep = " (күші жойылған)" if doc.status == "repealed" else ""
    if appendix is not None:
        if appendix.heading:
            words = appendix.heading.split()
            what = " ".join(words[:-1] + [kk_genitive(words[-1])]) if loc else appendix.heading
            return f"{req} {instr} бекітілген {what}{' ' + loc if loc else ''}{rep}"
        app = f"{appendix.number}-қосымшаның" if appendix.number else "қосымшаның"
        return f"{req} {dat} {app}{' ' + loc if loc else ''}{rep}"
    title = f" «{doc.title}»" if doc.title else ""
    return f"{req}{title} {gen}{' ' + loc if loc else ''}{rep}".strip()


def _plain(unit, doc, lang: str) -> str:
    """Texts that are not acts (coursework, replies): label, title, date."""
    date = _kk_date(doc.adopted_date) if lang == "kk" else _ru_date(doc.adopted_date)
    parts = [unit.label, f"«{doc.title}»" if doc.title else None, date or None]
    return ", ".join(p for p in parts if p)
