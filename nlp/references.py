"""Cross-references in RU and KK legal text -> ``Reference`` objects with normalised targets.

The act word is the anchor of every citation (`Закона`, `Указом`, `решения`; `Заңының`,
`шешімімен`, `Жарлығына`). Around it the two languages mirror each other:

* RU reads outwards to the right: ``[chain] ActWord [issuer] [от DATE] [№ N] ["Title"]``,
  the chain (`подпунктом 2-8 пункта 2 статьи 6`) standing right before the act word;
* KK reads to the left: ``[issuer] [DATE] [№ N] ["Title"] [Қазақстан Республикасының] ActWord``
  and the chain follows with suffixed numbers (`Заңының 6-бабының 2-тармағының 2-8-тармақшасына`).

Self-references (`настоящего решения`, `осы регламенттің 36-тармағында`) are internal; bare
chains with an article (`пунктом 3 статьи 67`) cite the act named by the last short name or
citation. One Reference per cited provision (lists and ranges share the surface). Vocabulary
lives in ``nlp.patterns``; dates and act numbers are read by ``core.grammar`` (as requisites are).
"""
from __future__ import annotations

import re

from maslihat.core import grammar as G
from maslihat.core.model import Document, Reference, Unit, empty_target
from maslihat.core.wrapped import FULL, MID_SENTENCE, cut_at_width, wrap_width
from maslihat.nlp.references_base import _REQUISITE, _Ctx, act_key  # noqa: F401 (act_key: public)
from maslihat.nlp.references_ru import _find_ru
from maslihat.nlp.references_kk import _find_kk


def _redundant(r: Reference, refs: list[Reference]) -> bool:
    """A bare act word inside a longer citation of the same act type adds nothing
    (`«…» (Салық кодексі) 2017 жылғы … Кодексінің 569-бабына`)."""
    if any(r.target.get(k) for k in ("date", "number", "title", "article", "point", "subpoint")):
        return False
    return any(o is not r and o.start <= r.start and r.end <= o.end and (o.end - o.start) > (r.end - r.start)
               and o.target.get("act_type") == r.target.get("act_type") for o in refs)


_PARA = re.compile(r"(?:[^\n]+|\n(?![ \t]*\n))+")     # runs of a line at once: the same matches
# a line that opens a unit of its own (a point, subpoint, article, chapter, footnote): a paragraph
# starts there even with no blank line before it (adilet's text without blank lines), so that the
# act a footnote cites is not carried into the next point's bare citations
_UNIT_START = re.compile(r"\n(?=[ \t]*(?:\d{1,3}(?:-\d{1,3})?[.)]\s|(?:Статья|СТАТЬЯ|Глава|ГЛАВА)\s+\d|"
                         r"\d{1,3}(?:-\d{1,3})?\s*-\s*(?:бап|тарау)\b|Сноска\s*\.|Ескерту\s*\.))")


_RU_IN_KK = re.compile(r"(?:статьи|статьей|пункт|решени[ея]|Закон)")
_KK_LOWER = re.compile(f"[{G.KK_LOWER}]")


class _Cut:
    """Was the line ending at an offset cut at the width of a hard-wrapped text (``core.wrapped``) in
    the middle of a sentence? The width is read once, when first asked."""

    def __init__(self, text: str):
        self.text, self.width = text, None

    def __call__(self, at: int) -> bool:
        t = self.text
        last = t[t.rfind("\n", 0, at) + 1:at]
        if not MID_SENTENCE.search(last):
            return False
        if self.width is None:
            self.width = wrap_width(len(x.rstrip()) for x in t.splitlines() if x.strip()) or 0
        e = t.find("\n", at + 1)
        nxt = t[at + 1:e if e >= 0 else len(t)]
        return bool(self.width) and cut_at_width(last.rstrip(), nxt.strip(), self.width)


def _paragraphs(text: str, cut=None):
    """(offset, text) of every paragraph: lines up to a blank line or to a line opening a unit, unless
    ``cut`` says the line before was cut mid-sentence by a hard wrap («(пункт 1 статьи» / «473) …»)."""
    for pm in _PARA.finditer(text):
        para, pos = pm.group(0), pm.start()
        if "\n" not in para:
            yield pos, para
            continue
        k = 0
        for m in _UNIT_START.finditer(para):
            if cut is not None and cut(pos + m.start()):
                continue
            yield pos + k, para[k:m.start()]
            k = m.start() + 1
        yield pos + k, para[k:]


# An amending act quotes the new wording of the act it amends: «подпункт 2) изложить в следующей редакции:»
# / «дополнить пунктом 3 следующего содержания:», «… мынадай редакцияда жазылсын:» / «мынадай мазмұндағы
# 3-тармақпен толықтырылсын:», then «…»; on the next lines. Its «настоящего Закона» / «осы Заңның» is the
# amended act's, not the amending one's.
_WORDING_FORMULA = re.compile(r"(?:редакции|содержания|редакцияда\s+жазылсын|толықтырылсын|"
                              r"(?:изложить|дополнить|жазылсын)[^\n]{0,80})\s*:\s*$", re.I)
_WORDING_OPENS = re.compile(r"(?:редакции|содержания|редакцияда\s+жазылсын|толықтырылсын|"
                            r"(?:изложить|дополнить|жазылсын)[^\n]{0,80}?)\s*:\s*[«\"“]", re.I)
_QUOTE_OPENS = re.compile(r"[ \t]*[«\"“]")
_QUOTE_CLOSES = re.compile(r"[»\"”]\s*[;.,]?\s*$")


def new_wording_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quoted new wording in ``text``: paragraphs from one opening with a quote
    after a paragraph ending in an amending formula to the one closing the quote (at most 60)."""
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    out, k = [], 1
    while k < len(paras):
        ps, pe = paras[k - 1]
        s, e = paras[k]
        inline = _WORDING_OPENS.search(text, ps, pe)
        if inline and not _QUOTE_CLOSES.search(text[ps:pe]):
            # «пункт 1 изложить в новой редакции: "1. Утвердить бюджет …:» — the quote opens on the
            # formula's own line and its subpoints follow on the next ones
            j = k
            while j < len(paras) and j < k + 60 and not _QUOTE_CLOSES.search(text[paras[j][0]:paras[j][1]]):
                j += 1
            if j < len(paras) and j < k + 60:
                out.append((inline.end() - 1, paras[j][1]))
                k = j + 1
                continue
        if _WORDING_FORMULA.search(text[ps:pe]) and _QUOTE_OPENS.match(text, s):
            j = k
            while j < len(paras) and j < k + 60 and not _QUOTE_CLOSES.search(text[paras[j][0]:paras[j][1]]):
                j += 1
            if j < len(paras) and j < k + 60:
                out.append((s, paras[j][1]))
                k = j + 1
                continue
        k += 1
    return out


def _in_new_wording(text: str, refs: list[Reference]) -> list[Reference]:
    """The act's own words inside a quoted new wording speak of the amended act: they cite the act the
    amendment names (the nearest citation before it with a title, date or number), or nothing."""
    spans = new_wording_spans(text) if ("«" in text or '"' in text) else []
    if not spans:
        return refs
    out = []
    for r in refs:
        span = next(((s, e) for s, e in spans if s <= r.start < e), None)
        if span is None or not (r.kind == "internal" or r.target.get("self")):
            out.append(r)
            continue
        amended = next((o for o in reversed(refs) if o.end <= span[0] and o.kind == "external"
                        and not o.target.get("self") and any(o.target.get(f) for f in ("title", "date", "number"))
                        and (not r.target.get("act_type") or o.target.get("act_type") == r.target.get("act_type"))),
                       None)
        if amended is None or not any(r.target.get(f) for f in ("article", "point", "subpoint")):
            continue            # «настоящего Закона» alone, or no act named: not this act's reference
        r.kind = "external"
        r.target = {**{k: amended.target.get(k) for k in ("act_type", "title", "date", "number")},
                    **{k: r.target.get(k) for k in ("article", "point", "subpoint")}}
        r.target = {**empty_target(), **r.target}
        r.cited_act_key = amended.cited_act_key
        r.resolved_document_id = r.resolved_unit_id = None
        out.append(r)
    return out


def find_references(doc: Document, units: list[Unit]) -> list[Reference]:
    """Every cross-reference of ``doc``, in text order, ids ``{doc.id}#ref{n}``."""
    ctx = _Ctx(doc, units or [])
    text = doc.text or ""
    skip: list[tuple[int, int]] = []
    head = list(re.finditer(r"[^\n]+", text[:4000]))
    width, title = None, re.sub(r"\s+", " ", doc.title or "")
    # the requisite line the metadata read (``extra['requisite']``) or the letterhead's lines describe too
    own = re.sub(r"\s+", " ", (doc.extra or {}).get("requisite") or "")
    lh = set((doc.extra or {}).get("letterhead") or ())
    for k, lm in enumerate(head):
        if k >= 4 + len(lh):
            break
        line = lm.group(0).strip()
        alone = _REQUISITE.match(line) or (len(line) >= 20 and own.startswith(re.sub(r"\s+", " ", line))) \
            or (lh and line in lh)
        if not alone and not (FULL[0] <= len(line) <= FULL[1]):
            continue        # no requisite, nor a full line of a wrapped text its act word or number was cut from
        if width is None:
            width = wrap_width(len(x.strip()) for x in text.splitlines() if x.strip()) or 0
        if not (alone or width):
            continue
        if not alone and title and re.sub(r"\s+", " ", line) in title:
            continue        # the title's lines (read whole by the metadata) open no requisite
        end, whole, last = lm.end(), [line], line
        for nxt in head[k + 1:]:    # a hard-wrapped text cut the requisite line at its width
            if not (width and text[end:nxt.start()].count("\n") == 1 and cut_at_width(last, nxt.group(0).strip(), width)):
                break
            end, last = nxt.end(), nxt.group(0).strip()
            whole.append(last)
        # the requisite read with its cut lines joined: «Решение … от 25 июля 2018» / «года № 34-176. …»,
        # «… № 34-176» / «шешімі. … тіркелді»
        if alone or _REQUISITE.match(" ".join(whole)):
            skip.append((lm.start(), end))
    # a KK document none of whose text holds these Russian words has no Russian paragraph to read
    # (issue 14: 38 of the 42 Kazakh documents of the real files; each paragraph was searched)
    russian = doc.language == "kk" and _RU_IN_KK.search(text) is not None
    for pos, para in _paragraphs(text, _Cut(text)):
        try:
            if doc.language == "kk":
                _find_kk(ctx, para, pos)
                if russian and _RU_IN_KK.search(para) and not _KK_LOWER.search(para):
                    _find_ru(ctx, para, pos)      # a Russian paragraph inside a KK document (requisites)
            else:
                _find_ru(ctx, para, pos)
        except re.error:
            pass
    from maslihat.nlp.references_law import find_law_references
    ctx.refs = find_law_references(ctx, list(ctx.refs))     # laws: self and internal references
    refs = [r for r in ctx.refs if not any(s <= r.start < e for s, e in skip)]
    refs = _in_new_wording(text, refs)
    refs = sorted((r for r in refs if not _redundant(r, refs)), key=lambda r: (r.start, -r.end))
    for n, r in enumerate(refs, 1):
        r.id = f"{doc.id}#ref{n}"
    return refs
