"""The Russian reader: act words with their chain before and requisites after them, plural
act words, self references (`настоящего решения`) and bare chains citing the last statute.
"""
from __future__ import annotations

import re


from maslihat.nlp.references_base import (_ACT_RU, _ALIAS, _Ctx, _ITEM_RU, _ITEM_RU_RX, _PLURAL_RU, _RK_RU,
    _SELF_RU, _candidates, _chain_before, _chain_targets, _emit, _in_alias, _is_self, _kind_of_word, _paren_chain,


    _short_name_paren, _find_said, _find_named, _title_end)
from maslihat.nlp.references_requisites import _requisites_right, _short_title_right


def _find_ru(ctx: _Ctx, line: str, off: int):
    text = ctx.doc.text
    taken: list[tuple[int, int]] = []
    first = len(ctx.refs)
    titled: list[tuple[int, int]] = []        # the quoted titles of the citations read
    for ms, me, act_type, word in _candidates(line, _ACT_RU):
        if True:
            a, b = off + ms, off + me
            # an act cited inside another's quoted title («… № 18-2 «О внесении изменений в решение … № 12-3 «…»»»)
            # is cited too, as the Kazakh reader finds it (it names no act later bare chains cite)
            nested = any(q < a < e for q, e in titled)
            if (any(s <= a < e for s, e in taken) and not nested) or _in_alias(line, ms) or \
                    _short_name_paren(line, ms, me, taken, off):
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
            if req.get("title"):
                q = re.search(r"[«\"“]", text[b:e])
                if q:
                    titled.append((b + q.start(), min(e, max(b + q.start(), _title_end(text, b + q.start())))))
            if req:
                _plural_right(ctx, line, e - off, act_type, bool(_PLURAL_RU.search(word)), off)
            if nested:
                continue
            if act_type != "Конституция":
                ctx.last_act = {k: v for k, v in target.items() if k != "self"}
            if act_type in ("Закон", "Кодекс", "Указ"):
                ctx.last_statute = {k: v for k, v in target.items() if k != "self"}
    _find_said(ctx, line, off, "ru", taken)      # «указанного решения» / «көрсетілген шешімнің»
    # self references and bare chains
    # every match starts with «настоящ» or «данн»: a substring test spares most paragraphs the scan
    for m in (_SELF_RU.finditer(line) if "настоящ" in line or "данн" in line else ()):
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
    _find_named(ctx, line, off, "ru", first)      # «пунктом 13 Типовых правил», «пункту 9 Правил …»


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
