"""References of a law to itself and to its own provisions, read as a lawyer reads them.

A national law names itself (`настоящим Законом`, `осы Заңмен`, `настоящего Кодекса`) and its
own provisions (`пунктом 2 настоящей статьи`, `части первой настоящей статьи`, `статьями 6 и 7
настоящего Закона`, `осы баптың 2-тармағы`, `осы Заңның 6-бабы`). The general citation engine
(``nlp.references``) reads `Законом` as an act word and, with no date or number beside it, takes
it for the last statute cited — an amending law. This pass runs after it: it emits the internal
references, drops the general engine's readings that overlap them, the numbers of article
headings (`25-2-бап.`) and the subjects of footnotes (`Сноска. Статья 6 с изменениями…` is about
this article, not a citation of another act).
"""
from __future__ import annotations

import re
from typing import Optional

from maslihat.core import grammar as G
from maslihat.core.model import Reference, Unit
from maslihat.nlp import numerals

# `настоящим Законом`, `настоящего Кодекса`, `настоящего Конституционного закона`
_SELF_ACT_RU = re.compile(r"(?<![\w-])(?P<w>[Нн]астоящ(?P<c>ий|его|ему|им|ем)\s+(?:Конституционн\w+\s+)?"
                          r"(?P<act>[Зз]акон|Кодекс)(?:а|у|ом|е)?)(?![\w-])")
# `настоящей статьи`, `настоящего пункта`, `настоящего подпункта`, `настоящей главы`
_SELF_UNIT_RU = re.compile(r"(?<![\w-])[Нн]астоящ(?:ей|его|ему|ую|ая|ий|им|ем)\s+"
                           r"(?P<u>стать(?:и|ей|е|ю|я)|пункт(?:а|у|ом|е)?|подпункт(?:а|у|ом|е)?|глав(?:ы|е|ой|у|а))(?![\w-])")
# `части первой`, `частью второй`, `части 2`
_PART_RU = re.compile(r"(?:част(?:и|ью|ь|ей|ях|ями)|абзац(?:а|ем|е|ах)?)\s+(?P<n>\d+|[а-яё]+(?:ой|ей|ая|ую|ый|ий))\s*$")
# `осы Заңның`, `осы Кодекстің`, `осы Заңмен`, `осы Конституциялық заңның`
_SELF_ACT_KK = re.compile(r"(?<![\w-])(?P<w>[Оо]сы\s+(?:Конституциялық\s+)?(?P<act>[Зз]аң|Кодекс)"
                          rf"(?P<c>[{G.CYR_LOWER}]*))(?![\w-])")
# `осы баптың`, `осы тармақтың`, `осы тармақшаның`, `осы тараудың`
_SELF_UNIT_KK = re.compile(r"(?<![\w-])[Оо]сы\s+(?P<u>бап|баб|тармақша|тармақ|тармағ|тарау)" rf"(?P<c>[{G.CYR_LOWER}]*)(?![\w-])")
_PART_KK = re.compile(rf"\s*(?P<n>\d+|[{G.CYR_LOWER}]+)\s*[-‐]?\s*(?:бөлі[кг]\w*|абзац\w*)")
# the number of a heading line: `Статья 6.`, `25-2-бап.`, `Глава 2.`, `3-тарау.`, `Параграф 4.`
_HEAD_NUM = re.compile(r"(?:Статья|СТАТЬЯ|Глава|ГЛАВА|Раздел|РАЗДЕЛ|Параграф)\s+\S+?\s*\.?(?=\s|$)|"
                       r"\S+?\s*-\s*(?:бап|БАП|тарау|ТАРАУ|бөлім|БӨЛІМ|параграф)\s*\.?")
# where the subject of a footnote ends: the verb of the amendment (`Статья 6 | с изменениями…`)
_NOTE_VERB = re.compile(r"\s[-–—]\s|с\s+изменени|в\s+редакции|внесен|исключен|дополнен|утратил|изложен|"
                        r"өзгеріс|өзгерт|жаңа\s+редакция|толықтыр|алып\s+таста|алынып|күші\s+жойыл", re.I)
# what a footnote says was added to this act («Закон дополнен статьей 33-1 в соответствии с Законом РК
# от …»): this act's own unit, not an article of the amending law cited after it
_ADDED_UNIT = re.compile(r"дополнен\w*\s+(?:стать[её]\w*|пункт\w*|подпункт\w*|глав\w*|параграф\w*|част\w*)\s+"
                         r"\d+(?:-\d+)?\)?(?:\s*(?:,|и)\s*\d+(?:-\d+)?\)?)*", re.I)
_RU_FIRST = {"перв": 1, "втор": 2}          # `первой`, `второй` read as other words by the numeral engine


def _ordinal(word: str, lang: str) -> Optional[str]:
    if word.isdigit():
        return word
    n = numerals.parse(word, lang)
    if n is not None and n.kind == "ordinal":
        return str(n.value)
    for stem, v in _RU_FIRST.items():
        if lang == "ru" and word.lower().startswith(stem):
            return str(v)
    return None


def _enclosing(units_sorted: list[Unit], kind: str, pos: int) -> Optional[Unit]:
    """The innermost unit of ``kind`` whose span holds ``pos``."""
    best = None
    for u in units_sorted:
        if u.start > pos:
            break
        if u.kind == kind and u.start <= pos < u.end:
            best = u
    return best


def _number(u: Optional[Unit]) -> Optional[str]:
    return u.number if u is not None else None


def _law_like(doc, units: list[Unit]) -> bool:
    return doc.doc_type in ("law", "code", "constitution") or any(u.kind == "article" for u in units)


_UPPER_LINE = re.compile(rf"^[^{G.CYR_LOWER}a-z\n]*[{G.CYR_UPPER}][^{G.CYR_LOWER}a-z\n]*$", re.M)


def _upper_lines_lowered(text: str) -> str:
    """``text`` with its lines written in capitals in lower case (same length, same offsets): a
    heading in capitals (`СТАТЬЯ 1. … В НАСТОЯЩЕМ ЗАКОНЕ`, `1-БАП. ОСЫ ЗАҢДА …`) names the act as
    its lower-case twin does."""
    if not _UPPER_LINE.search(text):
        return text
    out = _UPPER_LINE.sub(lambda m: m.group(0).lower() if len(m.group(0).lower()) == len(m.group(0)) else m.group(0),
                          text)
    return out if len(out) == len(text) else text


def find_law_references(ctx, refs: list[Reference]) -> list[Reference]:
    """``refs`` of the general engine, corrected for a law: its self and internal references added,
    overlapping misreadings, heading numbers and footnote subjects removed."""
    from maslihat.nlp import references_base as R      # the chain readers and emission

    doc, units = ctx.doc, ctx.units
    text = doc.text or ""
    if not _law_like(doc, units):        # a decision quoting a law's `осы Заңда` speaks of that law
        return refs
    lang = "kk" if doc.language == "kk" else "ru"
    stext = _upper_lines_lowered(text)       # the self words of a heading in capitals (`… В НАСТОЯЩЕМ ЗАКОНЕ`)
    by_start = sorted(units, key=lambda u: (u.start, -(u.end - u.start)))
    notes = [(u.start, u.end) for u in units if u.kind == "note"]
    # a contents list repeats the headings: their `настоящего Закона` is cited once, by the heading
    skipped = notes + [(u.start, u.end) for u in units if u.kind == "toc"]
    before = len(ctx.refs)

    def skip_at(p: int) -> bool:
        return any(s <= p < e for s, e in skipped)

    def emit(s: int, e: int, chain: list[dict], fill: dict, part: Optional[str] = None):
        """Internal references of the chain (or of the act itself), the enclosing units filled in."""
        out = []
        for c in (chain or [{}]):
            t = {**{k: v for k, v in fill.items() if v}, **{k: v for k, v in c.items() if v}}
            out.append(t)
        start = len(ctx.refs)
        R._emit(ctx, s, e, "internal", {"act_type": fill.get("act_type"), "self": True},
                [{k: v for k, v in t.items() if k in ("article", "point", "subpoint", "part", "chapter", "indent")}
                 for t in out])
        for r in ctx.refs[start:]:
            r.target["self"] = True
            if part:
                r.target["part"] = part

    itself = []               # `Настоящий Закон вводится…`, `Осы Заң … реттейді`: the act itself, no citation
    if lang == "ru":
        for m in _SELF_ACT_RU.finditer(stext):
            if skip_at(m.start()) or (m.group("w")[0] == "Н" and m.group("c") == "ий"):
                if not skip_at(m.start()):
                    itself.append((m.start(), m.end()))
                continue                          # `Настоящий Закон регулирует…`: it describes itself
            cs, chain = R._chain_before(text, m.start(), "ru", lists=True)
            act = "Кодекс" if m.group("act") == "Кодекс" else "Закон"
            emit(cs if chain else m.start(), m.end(), chain, {"act_type": act})
        for m in _SELF_UNIT_RU.finditer(stext):
            if skip_at(m.start()):
                continue
            u = m.group("u")
            fill = {"act_type": None, "article": _number(_enclosing(by_start, "article", m.start()))}
            if u.startswith("пункт"):
                fill["point"] = _number(_enclosing(by_start, "point", m.start()))
            elif u.startswith("подпункт"):
                fill["point"] = _number(_enclosing(by_start, "point", m.start()))
                fill["subpoint"] = _number(_enclosing(by_start, "subpoint", m.start()))
            cs, chain = R._chain_before(text, m.start(), "ru", lists=True)
            head = text[max(0, m.start() - 40):m.start()]
            pm = _PART_RU.search(head)
            part = _ordinal(pm.group("n"), "ru") if pm else None
            if u.startswith("глав"):
                continue                          # chapters are not cited by number chains here
            s = cs if chain else (m.start() - len(head) + pm.start() if pm else m.start())
            if not chain and not pm and not u.startswith(("пункт", "подпункт")):
                # `настоящей статьи` alone (`в случаях настоящей статьи`) is still this article
                pass
            emit(s, m.end(), chain, fill, part)
    else:
        for m in _SELF_ACT_KK.finditer(stext):
            if skip_at(m.start()) or (m.group("w")[0] == "О" and not m.group("c")):
                if not skip_at(m.start()):
                    itself.append((m.start(), m.end()))
                continue                          # `Осы Заң … реттейді`: it describes itself
            ce, chain = R._chain_after_kk(text, m.end(), lists=True)
            act = "Кодекс" if m.group("act") == "Кодекс" else "Закон"
            emit(m.start(), ce if chain else m.end(), chain, {"act_type": act})
        for m in _SELF_UNIT_KK.finditer(stext):
            if skip_at(m.start()):
                continue
            u = m.group("u")
            if u == "тарау":
                continue
            fill = {"act_type": None, "article": _number(_enclosing(by_start, "article", m.start()))}
            if u.startswith(("тармақ", "тармағ")) and u != "тармақша":
                fill["point"] = _number(_enclosing(by_start, "point", m.start()))
            elif u == "тармақша":
                fill["point"] = _number(_enclosing(by_start, "point", m.start()))
                fill["subpoint"] = _number(_enclosing(by_start, "subpoint", m.start()))
            ce, chain = R._chain_after_kk(text, m.end(), lists=True)
            pm = _PART_KK.match(text, m.end()) if not chain else None
            part = _ordinal(pm.group("n"), "kk") if pm else None
            e = ce if chain else (pm.end() if pm and part else m.end())
            emit(m.start(), e, chain, fill, part if pm else None)
    mine = ctx.refs[before:]
    del ctx.refs[before:]
    # heading numbers (`Статья 6.`, `25-2-бап.`) and footnote subjects are never citations
    heads = []
    for u in units:
        if u.kind in ("article", "chapter", "section", "subchapter"):
            hm = _HEAD_NUM.match(text, u.start)
            heads.append((u.start, u.start + (hm.end() - hm.start() if hm else len(u.number or "") + 1)))
    subjects = []
    for s, e in notes:
        sm = re.match(r"(?:Сноска|Ескерту)\s*\.", text[s:e])
        if sm:
            vm = _NOTE_VERB.search(text, s + sm.end(), min(e, s + sm.end() + 200))
            end = vm.start() if vm else s + sm.end() + 40
            added = _ADDED_UNIT.match(text, end) if vm else None
            subjects.append((s + sm.end(), added.end() if added else end))

    def overlaps(r, spans):
        return any(r.start < e and s < r.end for s, e in spans)

    kept = []
    for r in refs:
        if overlaps(r, [(x.start, x.end) for x in mine]):
            continue
        if overlaps(r, heads):
            continue
        if any(s <= r.start and r.end <= e for s, e in itself):
            continue                              # the act word of `Настоящий Закон` read as a bare citation
        if any(s <= r.start and r.end <= e for s, e in subjects):
            continue                              # `Сноска. Статья 6 с изменениями…`: this article, no citation
        kept.append(r)
    return sorted(kept + mine, key=lambda r: (r.start, -r.end))
