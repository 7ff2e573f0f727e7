"""The Kazakh reader: act words with requisites before and the suffixed chain after them
(`Заңының 6-бабының 2-тармағы`), plural act words, self references (`осы шешімнің`) and bare chains.
"""
from __future__ import annotations

import re


from maslihat.nlp import patterns as P
from maslihat.nlp.references_base import (_ACT_KK, _ALIAS, _Ctx, _ITEM_KK_RX, _PLURAL_KK, _SELF_KK, _candidates,
    _chain_after_kk, _chain_targets, _chains_kk, _emit, _in_alias, _is_self, _kind_of_word, _paren_chain,


    _short_name_paren, _find_said, _find_named)
from maslihat.nlp.references_requisites import _requisites_left, _short_title_left


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
    first = len(ctx.refs)
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
            if _OSY_BEFORE.search(text, max(0, s - 30), s):
                continue                  # `осы Заңның 7-бабына`: the act itself, not the act later bare chains cite
            if act_type != "Конституция":
                ctx.last_act = {k: v for k, v in target.items() if k != "self"}
            if act_type in ("Закон", "Кодекс", "Указ"):
                ctx.last_statute = {k: v for k, v in target.items() if k != "self"}
    _find_said(ctx, line, off, "kk", taken)      # «указанного решения» / «көрсетілген шешімнің»
    # every match starts with «осы» or «Осы»: a substring test spares most paragraphs the scan
    for m in (_SELF_KK.finditer(line) if "осы" in line or "Осы" in line else ()):
        a, b = off + m.start(), off + m.end()
        if any(s <= a < e for s, e in taken):
            continue
        ce, chain = _chain_after_kk(text, b)
        if m.group(0)[0].isupper() and not chain:
            continue                      # `Осы шешім … қолданысқа енгізіледі` describes itself; `Осы Регламенттің
                                          # 4-тармағында …` at a sentence's start cites its point
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
    _find_named(ctx, line, off, "kk", first)      # «Үлгілік қағидалардың 13-тармағында», «Қағидалардың 1-тармағында»


_OSY_BEFORE = re.compile(r"(?<![\w-])[Оо]сы\s+(?:Конституциялық\s+)?$")
