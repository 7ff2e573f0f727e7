"""Real discrepancies between two versions of one text (RU against KK, or two editions).

The pairing itself is ``nlp.align``'s; this module reads the pairs for what a lawyer must check
and reports only what a reader would confirm: a fact written in digits (number, date, time,
amount) stated on one side and absent from everything the other side states, words included
(``nlp.compare_facts``); a numbered provision or list item present on one side only; list
items in another order. Each finding carries both unit labels, both excerpts and the differing
fact in plain words (ru/kk/en).

Before reading, ``repair`` pairs what the alignment left unpaired although it plainly
corresponds: the same kind with an equal number read as a number (``РАЗДЕЛ 1`` = ``І БӨЛІМ``)
or the n-th unnumbered paragraph of paired parents (``п. 23 абз. 1`` = ``23-тармақ, 1-абзац``).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from maslihat.core.model import ROW_KINDS, Document, Unit
from maslihat.nlp.glossary import renderings
from maslihat.nlp.compare_facts import FactDiff, compare_facts, describe, facts, number_value, paired_words
from maslihat.nlp.align import first_child_start

NUMBERED = ("section", "chapter", "subchapter", "article", "point", "subpoint", "appendix", "paragraph")
# units whose absence on one side is a finding: a whole provision or a list item (a heading or
# an appendix caption missing on one side is a matter of layout or segmentation, not of law)
PROVISIONS = ("article", "point", "subpoint")
# the act's title and caption lines: paired unreliably and not law (the requisites are compared
# through the metadata, not here)
CAPTIONS = ("title", "heading", "toc")
EXCERPT = 220

Pairs = list[tuple[Optional[str], Optional[str], float]]


def own_text(doc: Document, units: list[Unit], u: Unit) -> str:
    from maslihat.nlp.align import own_text as _own
    return _own(doc, units, u)


def raw_text(doc: Document, units: list[Unit], u: Unit) -> str:
    """The unit's span up to its first child, its number and heading word included."""
    return doc.text[u.start:max(u.start, first_child_start(units, u))].strip()


_OWN_NUMBER_REACH = 40     # «Глава 1.», «РАЗДЕЛ 1», «1-тарау», «25-тармақтың 1) тармақшасы»


def unit_facts(doc: Document, units: list[Unit], u: Unit) -> tuple[str, list]:
    """(text, facts) of a unit without its own number: the number is the alignment's business,
    and headings write it differently («Глава 1» / «1-тарау», «РАЗДЕЛ 1» / «І БӨЛІМ»)."""
    text = raw_text(doc, units, u)
    fs = facts(text, doc.language)
    own = number_value(u.number)
    head = next((f for f in fs if f.start < _OWN_NUMBER_REACH and f.kind == "number"), None)
    if head is not None and own is not None and head.value == own:
        fs = [f for f in fs if f is not head]
    fs = _without_compound_number(text, fs, u)
    if u.kind == "appendix" and own is not None:
        # an appendix's caption names its own number where each language puts it: «Приложение № 1
        # к решению …» first, «… шешіміне № 1 қосымша» after the decision's date and number
        fs = [f for f in fs if not (f.kind == "number" and f.value == own and _APPENDIX_WORD.match(text, f.end))]
    if u.kind == "note":
        # a note on an appendix names it in one language only: «4-қосымшаның күші жойылды» /
        # «Приложение утратило силу»
        index = {v.id: v for v in units}
        p = index.get(u.parent_id) if u.parent_id else None
        while p is not None and p.kind != "appendix":
            p = index.get(p.parent_id) if p.parent_id else None
        apps = _appendix_numbers(doc, units, p) if p is not None else set()
        # it still answers the other note's «В приложении N 2 …»
        fs = [replace(f, strong=False) if f.kind == "number" and f.value in apps and _APPENDIX_WORD.match(text, f.end)
              else f for f in fs]
    return text, fs


_COMPOUND_NUMBER = re.compile(r"\s*([IVXLCІХ\d]+(?:\.[IVXLCІХ\d]+)+)\.?(?![\w.])")


def _without_compound_number(text: str, fs: list, u: Unit) -> list:
    """``fs`` without the unit's own compound number at the start of ``text``: «III.6.» / «ІІІ.6.»,
    a section's roman number and the point's, read as two numbers (3 and 6) that would answer a
    count of the text («үш ай» against «пяти месяцев»)."""
    compound = _COMPOUND_NUMBER.match(text)
    if compound is None or not u.number:
        return fs
    if _parts_value(compound.group(1)) != _parts_value(u.number.strip().rstrip(".)")):
        return fs
    return [f for f in fs if f.start >= compound.end(1)]


def _parts_value(s: str) -> Optional[str]:
    """«III.6» / «ІІІ.6» / «2.1» -> «3.6» / «3.6» / «2.1» (each part a number or a roman numeral)."""
    out = []
    for part in s.split("."):
        v = number_value(part)
        if v is None or not v.isdigit():
            return None
        out.append(v)
    return ".".join(out)


_CAPTION_NUMBER = re.compile(r"Приложени[ея]\s*(?:N|№)?\s*(\d+)|(?:N|№)?\s*(\d+)\s*-?\s*қосымша", re.I)


def _appendix_numbers(doc: Document, units: list[Unit], p: Unit) -> set[str]:
    """The appendix's number: the unit's, and the one its caption states («Приложение N 4», «№ 4
    қосымша»; a decision's only appendix kept is unit 1 whatever its caption says)."""
    out = {number_value(p.number)} - {None}
    for m in _CAPTION_NUMBER.finditer(raw_text(doc, units, p)[:300]):
        out.add(str(int(m.group(1) or m.group(2))))
    return out


# the appendix word right after its number: «№ 1 қосымша», «1-қосымша», «N 2 приложение»
_APPENDIX_WORD = re.compile(r"\s*-?\s*(?:қосымша|приложени)", re.I)


def _key(u: Unit, index: dict[str, Unit]) -> Optional[tuple]:
    """(kind, numbers of the point/article chain) read as numbers; None for unnumbered units."""
    if number_value(u.number) is None:
        return None
    if u.kind not in ("point", "subpoint", "article"):
        return (u.kind, number_value(u.number))
    chain, p = [], u
    while p is not None:
        if p.kind in ("article", "point", "subpoint") and p.number:
            chain.append(number_value(p.number))
        p = index.get(p.parent_id) if p.parent_id else None
    return (u.kind, tuple(reversed(chain)))


_PAIRED_FLOW = ("preamble",)
# a preamble and its translation score 0.33–0.46 (``nlp.align.similarity`` across languages, on the
# bilingual decisions of corpus/dev); the Russian requisite line against the Kazakh preamble 0.11–0.20
_PREAMBLE_SIM = 0.3


def _span(doc: Document, u: Unit) -> str:
    return doc.text[u.start:u.end]


def repair(units_a: list[Unit], units_b: list[Unit], pairs: Pairs, doc_a: Optional[Document] = None,
           doc_b: Optional[Document] = None) -> Pairs:
    """Pair units left alone on both sides that correspond by kind and number, or by rank among
    the unnumbered children of paired parents; in document order, so a later «п. 1» of an
    appendix never takes the place of the decision's own «п. 1».

    With the two documents in two languages, preambles left alone on both sides pair with their translation
    (``_PREAMBLE_SIM``). Keeps the order of ``pairs``; a repaired B unit leaves its «only in B» row."""
    ia, ib = {u.id: u for u in units_a}, {u.id: u for u in units_b}
    pos_b = {u.id: k for k, u in enumerate(units_b)}
    pa = {a: b for a, b, _ in pairs if a and b}
    only_a, only_b = {a for a, b, _ in pairs if a and not b}, {b for a, b, _ in pairs if b and not a}
    alone_a = [u for u in units_a if u.id in only_a]
    alone_b = [u for u in units_b if u.id in only_b]
    if not alone_a or not alone_b:
        return pairs
    new: dict[str, str] = {}
    # 1. numbered units: equal kind and number chain, never crossing an earlier match
    by_key: dict[tuple, list[Unit]] = {}
    for v in alone_b:
        k = _key(v, ib)
        if k is not None:
            by_key.setdefault(k, []).append(v)
    last = -1
    for u in alone_a:
        k = _key(u, ia)
        if k is None:
            continue
        # a decision's own point never takes an appendix's point of the same number (the Kazakh
        # «1-тармақ» of a table read as points, its decision's «1.» dropped by the translator)
        hit = next((v for v in by_key.get(k, []) if v.id not in new.values() and pos_b[v.id] > last
                    and (u.part == 0) == (v.part == 0)), None)
        if hit is not None:
            new[u.id] = hit.id
            last = pos_b[hit.id]
    # 2. unnumbered children (paragraphs of a point): the n-th under corresponding parents
    both = {**pa, **new}

    def rank(u: Unit, units: list[Unit]) -> int:
        return [v.id for v in units if v.parent_id == u.parent_id and v.kind == u.kind].index(u.id)
    for u in alone_a:
        if u.id in new or number_value(u.number) is not None or not u.parent_id or u.parent_id not in both:
            continue
        parent_b, r = both[u.parent_id], rank(u, units_a)
        hit = next((v for v in alone_b if v.parent_id == parent_b and v.kind == u.kind and v.id not in new.values()
                    and number_value(v.number) is None and rank(v, units_b) == r), None)
        if hit is not None:
            new[u.id] = hit.id
    # 3. preambles left alone on both sides (the Russian copy has the requisite line too, so the
    # unnumbered preambles do not pair in order): each with the other language's most similar,
    # best first, when clearly a translation of it
    lone_pre_b = [v for v in alone_b if v.kind in _PAIRED_FLOW and v.id not in new.values()]
    if lone_pre_b and doc_a is not None and doc_b is not None and doc_a.language != doc_b.language:
        from maslihat.nlp.align import similarity
        cand = []
        for u in alone_a:
            if u.kind not in _PAIRED_FLOW or u.id in new:
                continue
            for v in lone_pre_b:
                if v.kind == u.kind:
                    cand.append((similarity(_span(doc_a, u), _span(doc_b, v), True), u.id, v.id))
        for sim, a, b in sorted(cand, reverse=True):
            if sim >= _PREAMBLE_SIM and a not in new and b not in new.values():
                new[a] = b
    if not new:
        return pairs
    out: Pairs = []
    taken = set(new.values())
    for a, b, s in pairs:
        if a in new:
            out.append((a, new[a], 0.5))
        elif b in taken and not a:
            continue
        else:
            out.append((a, b, s))
    return out


def _excerpt(text: str, at: Optional[int] = None) -> str:
    """About EXCERPT characters of ``text``, around offset ``at`` when given."""
    text = " ".join(text.split()) if at is None else text
    if at is None or len(text) <= EXCERPT:
        return " ".join(text.split())[:EXCERPT] + ("…" if len(text) > EXCERPT else "")
    s = max(0, at - EXCERPT // 2)
    piece = " ".join(text[s:s + EXCERPT].split())
    return ("…" if s else "") + piece + ("…" if s + EXCERPT < len(text) else "")


_KIND_OF = {"date": "dates_differ", "time": "times_differ", "amount": "amounts_differ", "number": "numbers_differ"}
_ABSENT = {"ru": "нет в {lang} тексте", "kk": "{lang} мәтінінде жоқ", "en": "not in the {lang} text"}
_LANG = {"ru": {"ru": "русском", "kk": "казахском"}, "kk": {"ru": "орыс", "kk": "қазақ"},
         "en": {"ru": "Russian", "kk": "Kazakh"}}


def _absent_message(label: str, lang_missing: str) -> dict[str, str]:
    out = {}
    for ui in ("ru", "kk", "en"):
        name = _LANG[ui].get(lang_missing, lang_missing)
        out[ui] = f"{label}: " + _ABSENT[ui].format(lang=name)
    return out


def unit_finding(doc_a: Document, units_a: list[Unit], ua: Unit, doc_b: Document, units_b: list[Unit],
                 ub: Unit, tables_a=(), tables_b=()) -> list[dict]:
    """The differing facts of one pair of corresponding units (empty when they agree); facts in
    the tables ``tables_a``/``tables_b`` (spans compared table against table) are left out."""
    ta, fa = unit_facts(doc_a, units_a, ua)
    tb, fb = unit_facts(doc_b, units_b, ub)
    if tables_a:
        at = _text_start(doc_a, ua)
        fa = [f for f in fa if not _in_spans(at + f.start, tables_a)]
    if tables_b:
        at = _text_start(doc_b, ub)
        fb = [f for f in fb if not _in_spans(at + f.start, tables_b)]
    d = compare_facts(fa, fb, words="pair")
    if d.differs:
        # a fact the other side states elsewhere in the same point or article (its paragraphs
        # split otherwise: «Срок … 3 рабочих дней» a paragraph of its own in one language, a
        # sentence of the point's first paragraph in the other) is no difference
        sa, sb = _scope_facts(doc_a, units_a, ua, tables_a), _scope_facts(doc_b, units_b, ub, tables_b)
        d = paired_words(FactDiff(compare_facts(d.only_a, sb, words="all").only_a if sb is not None else d.only_a,
                                  compare_facts(d.only_b, sa, words="all").only_a if sa is not None else d.only_b))
        if not d.differs and sa is not None and sb is not None:
            # the count in words the other side answered elsewhere in the point («тридцать» in its
            # next paragraph) while this one became another: the point's counts read together
            d = _own_facts(_word_count_swap(sa, sb), fa, fb)
    elif not (_is_table_row(doc_a, units_a, ua) or _is_table_row(doc_b, units_b, ub)):
        swap = _count_swap
        d = swap(fa, fb)
        if not d.differs:
            swap = _word_count_swap
            d = swap(fa, fb)
        if d.differs:
            # the whole point or article counted again: its paragraphs may be cut otherwise
            sa, sb = _scope_facts(doc_a, units_a, ua), _scope_facts(doc_b, units_b, ub)
            if sa is not None and sb is not None and not swap(sa, sb).differs:
                d = FactDiff([], [])
    if not d.differs:
        return []
    kinds = {_KIND_OF[f.kind] for f in d.only_a + d.only_b}
    kind = "dates_differ" if "dates_differ" in kinds else sorted(kinds)[0] if len(kinds) == 1 else "numbers_differ"
    msg = describe(d, doc_a.language, doc_b.language)
    at_a = d.only_a[0].start if d.only_a else None
    at_b = d.only_b[0].start if d.only_b else None
    return [{"kind": kind, "unit_a": ua.id, "unit_b": ub.id, "label_a": ua.label, "label_b": ub.label,
             "detail": msg["en"], "message": msg, "facts_a": [f.surface for f in d.only_a],
             "facts_b": [f.surface for f in d.only_b],
             "excerpt_a": _excerpt(ta, at_a), "excerpt_b": _excerpt(tb, at_b)}]


def _count_swap(fa: list, fb: list) -> FactDiff:
    """One number put for another that the unit states elsewhere too: each side states a number
    in digits more often than the other side does, both numbers on both sides («с пунктом 3 …
    3 х 4 см» / «3-тармағына … 3 х 4 см» with the 3 of the reference made a 4). A set of values
    cannot see it; the counts can, and only a pair of excesses accuses (one number repeated by one
    translation alone is no difference)."""
    from collections import Counter

    def digits(fs):
        return [f for f in fs if f.strong and f.kind in ("number", "amount") and re.match(r"\d", f.surface)]

    def years(fs):
        # a full date's year is a mention of that year too («от 18 декабря 1998 года "О бюджете на
        # 1999 год"» / «1998 жылғы 18 желтоқсандағы "1998 жылға арналған бюджет"»)
        return [f.value[:4] for f in fs if f.kind == "date" and re.match(r"\d{4}-", f.value)]
    da, db = digits(fa), digits(fb)
    ca, cb = Counter(f.value for f in da), Counter(f.value for f in db)
    ca.update(years(fa))
    cb.update(years(fb))
    more_a = {v for v in ca if ca[v] > cb[v] > 0}
    more_b = {v for v in cb if cb[v] > ca[v] > 0}
    if not (more_a and more_b):
        return FactDiff([], [])

    def one_each(fs, vs):
        # the number written alone first, else the date whose year it is
        seen, out = set(), []
        for f in digits(fs) + [f for f in fs if f.kind == "date"]:
            v = f.value[:4] if f.kind == "date" else f.value
            if v in vs and v not in seen:
                seen.add(v)
                out.append(f)
        return out
    return FactDiff(one_each(fa, more_a), one_each(fb, more_b))


def _word_count_swap(fa: list, fb: list) -> FactDiff:
    """One count in words put for another where the replaced count is stated twice: «не менее пяти
    депутатов … не менее пяти депутатов» / «кемінде бес депутатын … кемінде бес депутаты» with one
    «пяти» made «семи». The new count is unanswered on its side alone (``paired_words`` keeps a lone
    word numeral silent: more often a word the reader missed on the other side), but the other side
    states the old count more often than this side does, and this side states it too: one count
    became another. Counts in words only (cardinals: «пяти», «бес»), never «один» / «бір» (an
    article as often as a number)."""
    from collections import Counter

    def counts(fs):
        return [f for f in fs if f.kind == "number" and f.value != "1" and (f.strong or f.cardinal)]
    lone = compare_facts(fa, fb, words="all")
    lone_a = [f for f in lone.only_a if f.cardinal and not f.strong and f.value != "1"]
    lone_b = [f for f in lone.only_b if f.cardinal and not f.strong and f.value != "1"]
    if bool(lone_a) == bool(lone_b):
        # both sides with a lone count are ``paired_words``' case; neither, no substitution
        return FactDiff([], [])
    na, nb = counts(fa), counts(fb)
    ca, cb = Counter(f.value for f in na), Counter(f.value for f in nb)
    if lone_a:
        more = [v for v in cb if cb[v] > ca[v] > 0]
        if not more:
            return FactDiff([], [])
        return FactDiff(lone_a[:1], [next(f for f in nb if f.value == more[0])])
    more = [v for v in ca if ca[v] > cb[v] > 0]
    if not more:
        return FactDiff([], [])
    return FactDiff([next(f for f in na if f.value == more[0])], lone_b[:1])


def _own_facts(d: FactDiff, fa: list, fb: list) -> FactDiff:
    """``d`` (facts of a whole point) read in the unit's own facts ``fa`` / ``fb``; empty unless each
    side's differing count is one its own unit states (a flag names the pair of paragraphs that
    differ, never a neighbour's difference)."""
    def pick(fs, own):
        out = [next((g for g in own if g.value == f.value), None) for f in fs]
        return None if None in out else out
    oa, ob = pick(d.only_a, fa), pick(d.only_b, fb)
    if not d.differs or oa is None or ob is None:
        return FactDiff([], [])
    return FactDiff(oa, ob)


def _text_start(doc: Document, u: Unit) -> int:
    """Where ``raw_text`` of ``u`` starts in the document (its leading blanks skipped)."""
    span = doc.text[u.start:u.end]
    return u.start + len(span) - len(span.lstrip())


_SCOPE = ("article", "point")


def _scope_facts(doc: Document, units: list[Unit], u: Unit, skip=()) -> Optional[list]:
    """The facts of the whole point or article ``u`` is (children included), or of the point an
    unnumbered paragraph belongs to; for a row of a table, of the whole appendix (or act) the
    table is in (each language's copy cuts a table into rows its own way: «1\tИгорный бизнес …»
    against «1.\tОйындық бизнес …» read as a point); None for any other unit."""
    if _is_table_row(doc, units, u):
        return facts(_table_scope_text(doc, units, u), doc.language)
    if u.kind in _PAIRED_FLOW:
        # the preamble's sentences and dash items are cut otherwise in each language («на основании
        # статьи 6 Закона … и в соответствии с Кодексом …» one unit in Russian, the Code in the
        # Kazakh preamble's last dash item): the whole preamble answers
        return [f for v in units if v.kind == u.kind for f in facts(doc.text[v.start:v.end], doc.language)]
    scope = u if u.kind in _SCOPE else None
    if u.kind == "paragraph" and number_value(u.number) is None and u.parent_id:
        scope = next((v for v in units if v.id == u.parent_id and v.kind in _SCOPE), None)
    if scope is None:
        return None
    text = doc.text[scope.start:scope.end]
    fs = _without_compound_number(text, facts(text, doc.language), scope)
    # a table in the point (``skip``: the tables compared table against table) answers nothing of
    # the point's own text: «(пункт 3 статьи 477)» above a table is not «(477-баптың 2-тармағы)»
    # because a row of the table is numbered «2.»
    return [f for f in fs if not _in_spans(scope.start + f.start, skip)] if skip else fs


_CELLS = re.compile(r"\S[^\t\n]*\t+[^\t\n]*\S")


def _is_table_row(doc: Document, units: list[Unit], u: Unit) -> bool:
    """The unit's own text is a row of a table: cells separated by tabs on its first line, whatever
    the unit's kind."""
    if u.kind not in ROW_KINDS:
        return False
    first = raw_text(doc, units, u).split("\n", 1)[0]
    return "\t" in first and bool(_CELLS.search(first))     # the pattern backtracks on a long line


def _table_scope_text(doc: Document, units: list[Unit], u: Unit) -> str:
    index = {v.id: v for v in units}
    p = u
    while p is not None and p.kind != "appendix":
        p = index.get(p.parent_id) if p.parent_id else None
    return doc.text[p.start:p.end] if p is not None else doc.text


def fact_diff(text_a: str, lang_a: str, text_b: str, lang_b: str) -> FactDiff:
    return compare_facts(facts(text_a, lang_a), facts(text_b, lang_b))


_SWAPPED = 0.08
# items of a few words («год, месяц, число погребения» / «туған және қайтыс болған күні», 0.09
# together) score by chance across languages: below this many words, a swap must gain more
# («с использованием бюллетеней» / «поднятием руки» swapped gain 0.22)
_SWAP_WORDS = 6
_SWAPPED_SHORT = 0.15


# a translation keeps an item's length within a factor of about 1.5 (Kazakh words are fewer and
# longer); two items whose lengths match only crossed, by this factor together, changed places
_LENGTH_SWAP = 4.0


def _lengths_swapped(ai: str, aj: str, bi: str, bj: str) -> bool:
    """Items ``i`` and ``j`` of one list and of the other: the lengths (in letters) agree crossed
    («транспорта;» ~ «көлік;», «регулирования, контроля и надзора …» ~ «қаржы нарығы мен …») far
    better than in place — the cross-language similarity of one word against nine barely moves."""
    import math
    la, lb = [max(len(x.strip()), 1) for x in (ai, aj)], [max(len(x.strip()), 1) for x in (bi, bj)]
    in_place = abs(math.log(la[0] / lb[0])) + abs(math.log(la[1] / lb[1]))
    crossed = abs(math.log(la[0] / lb[1])) + abs(math.log(la[1] / lb[0]))
    return in_place - crossed >= math.log(_LENGTH_SWAP)


# two items whose words translate each other crossed, by the glossary (``_translated``), far better
# than in place changed places: «вносить замечания … по повестке дня» / «… күн тәртібі … бойынша»
# 0.94 crossed against 0.11 in place; an item and its own translation score 0.6–0.95, two different
# items of one list 0–0.3
_TRANSLATED_SWAP = 0.5


_PREFIX = 5     # a Kazakh or Russian word form and the glossary's lemma or stem share their first letters


def _item_words(text: str, lang: str) -> tuple[frozenset, frozenset, str]:
    """An item's index terms, their first ``_PREFIX`` letters and its language (``_translated``)."""
    from maslihat.nlp.analyze import index_terms
    terms = frozenset(index_terms(text, lang))
    return terms, frozenset(x[:_PREFIX] for x in terms), lang


def _translated(a: tuple, b: tuple) -> float:
    """0..1: the share of two items' words (``_item_words``) whose translation (``glossary.renderings``) the
    other item has — a word-by-word reading of one item against the other."""
    (ta, pre_a, la), (tb, pre_b, lb) = a, b
    if not ta or not tb:
        return 0.0
    hit_a = sum(1 for t in ta if any(r in tb or r[:_PREFIX] in pre_b for r in renderings(t, la)))
    hit_b = sum(1 for t in tb if any(r in ta or r[:_PREFIX] in pre_a for r in renderings(t, lb)))
    return (hit_a + hit_b) / (len(ta) + len(tb))


def _translated_swaps(ta: list[str], la: str, tb: list[str], lb: str) -> list[tuple[int, int]]:
    """Pairs (i, j) of items that changed places by the glossary: each item's words translate the
    other's crossed better than in place, by ``_TRANSLATED_SWAP`` together, and one of the two is the
    other's best match, its own place aside (in a list of definitions «место содержания» recurs in
    the next item's words: «самовыгул … вне места содержания» resembles it as much). Each item is
    analysed once, not once per cell of the n × n matrix."""
    wa, wb = [_item_words(x, la) for x in ta], [_item_words(y, lb) for y in tb]
    d = [[_translated(x, y) for y in wb] for x in wa]
    out = []
    for i in range(len(ta) - 1):
        for j in range(i + 1, len(ta)):
            gain = d[i][j] + d[j][i] - d[i][i] - d[j][j]
            if d[i][j] > d[i][i] and d[j][i] > d[j][j] and gain >= _TRANSLATED_SWAP \
                    and (_best_other(d, i, j) or _best_other(d, j, i)):
                out.append((i, j))
    return out


def _best_other(sim, i: int, j: int) -> bool:
    """Item ``j`` of the other list is the best match of item ``i`` (its own place aside)."""
    return all(sim[i][j] >= sim[i][k] for k in range(len(sim[i])) if k != i)


def _lists_of_paired(ka: list[Unit], pa: dict, ib: dict) -> list[tuple[list[Unit], str]]:
    """The items ``ka`` of one list cut into runs by the list of B their items are paired with, when
    the two lists' own units do not correspond (an appendix holding «1) … 5) а) б) а) б)» in Russian, its
    Kazakh copy «1.» with «1) … 5) а) ә)», «2.» with «а) б)»): (run, B parent) for each run of items all
    paired with items of one parent."""
    out: list[tuple[list[Unit], str]] = []
    run: list[Unit] = []
    parent = None
    for u in ka + [None]:
        v = ib.get(pa.get(u.id)) if u is not None else None
        q = v.parent_id if v is not None else None
        if run and (u is None or q != parent):
            if parent is not None:
                out.append((run, parent))
            run = []
        if u is not None:
            run.append(u)
            parent = q
    return out


def _order_message(label_a: str, label_b: str, moved: list, lang_a: str, lang_b: str) -> dict[str, str]:
    """In plain words, in ru/kk/en (core/data/messages.yaml): both lists' labels and which item of one
    text is which item of the other («подпункт 1) в русском тексте — это подпункт 2) в казахском тексте»)."""
    from maslihat.core.messages import UI_LANGS, t
    texts = (f"diff_text_{lang_a}", f"diff_text_{lang_b}") if lang_a != lang_b else ("diff_text_a", "diff_text_b")
    out = {}
    for ui in UI_LANGS:
        moves = "; ".join(t("diff_order_move", ui, a=x, b=y, text_a=t(texts[0], ui), text_b=t(texts[1], ui))
                          for x, y, _, _ in moved)
        out[ui] = t("diff_order", ui, label_a=label_a, label_b=label_b, moves=moves)
    return out


def _order_check(doc_a, units_a, doc_b, units_b, pairs) -> list[dict]:
    """Subpoints paired by number whose contents match other numbers: the list is in another order."""
    from maslihat.nlp.align import similarity
    cross = doc_a.language != doc_b.language
    out = []
    pa = {a: b for a, b, _ in pairs if a and b}
    ia, ib = {u.id: u for u in units_a}, {u.id: u for u in units_b}
    kids_a: dict[str, list[Unit]] = {}
    kids_b: dict[str, list[Unit]] = {}
    for u in units_a:
        if u.kind == "subpoint" and u.parent_id:
            kids_a.setdefault(u.parent_id, []).append(u)
    for u in units_b:
        if u.kind == "subpoint" and u.parent_id:
            kids_b.setdefault(u.parent_id, []).append(u)
    lists = []
    for pid, ka in kids_a.items():
        if len(kids_b.get(pa.get(pid), [])) == len(ka):
            lists.append((pid, ka, pa[pid]))
        else:
            lists += [(pid, run, qid) for run, qid in _lists_of_paired(ka, pa, ib)]
    for pid, ka, qid in lists:
        kb = kids_b.get(qid, [])
        if len(ka) < 2 or len(kb) != len(ka):
            continue
        ta = [own_text(doc_a, units_a, u) for u in ka]
        tb = [own_text(doc_b, units_b, u) for u in kb]
        sim = [[similarity(x, y, cross) for y in tb] for x in ta]
        moved = []
        for i in range(len(ka)):
            j = max(range(len(kb)), key=lambda j: sim[i][j])
            if j != i and sim[i][j] > sim[i][i] + 0.1:
                moved.append((ka[i].number, kb[j].number, i, j))
        # items moved, not one item resembling another: the place an item went to is left by its
        # own item too («2) ~ 3); 3) ~ 2)»); «4) консолидированные законы» nearer to «2)
        # конституциялық заңдары» than to its own «4)» while «2)» keeps its place is no reordering
        left = {i for _, _, i, _ in moved}
        moved = [m for m in moved if m[3] in left]
        # two items that changed places: across languages an item and its translation score only
        # 0.25–0.45, so one item alone rarely beats its own place by ``_MOVED``; the two together
        # do («5) ведет учет …» ~ «6) …» 0.33 and «6)» ~ «5)» 0.35 against 0.24 and 0.26 in place)
        if not moved:
            for i in range(len(ka) - 1):
                for j in range(i + 1, len(ka)):
                    gain = sim[i][j] + sim[j][i] - sim[i][i] - sim[j][j]
                    short = min(len(t.split()) for t in (ta[i], ta[j], tb[i], tb[j])) < _SWAP_WORDS
                    if sim[i][j] > sim[i][i] and sim[j][i] > sim[j][j] and (
                            (gain >= (_SWAPPED_SHORT if short else _SWAPPED)
                             and _best_other(sim, i, j) and _best_other(sim, j, i))
                            or _lengths_swapped(ta[i], ta[j], tb[i], tb[j])):
                        moved += [(ka[i].number, kb[j].number, i, j), (ka[j].number, kb[i].number, j, i)]
        if not moved and cross:
            for i, j in _translated_swaps(ta, doc_a.language, tb, doc_b.language):
                moved += [(ka[i].number, kb[j].number, i, j), (ka[j].number, kb[i].number, j, i)]
        if moved:
            detail = "; ".join(f"{x} ~ {y}" for x, y, _, _ in moved)
            i, j = moved[0][2], moved[0][3]
            out.append({"kind": "order_differs", "unit_a": pid, "unit_b": qid,
                        "label_a": ia[pid].label, "label_b": ib[qid].label, "detail": detail,
                        "message": _order_message(ia[pid].label, ib[qid].label, moved, doc_a.language,
                                                  doc_b.language),
                        "facts_a": [], "facts_b": [],
                        "excerpt_a": f"{ka[i].number} {_excerpt(ta[i])}", "excerpt_b": f"{kb[i].number} {_excerpt(tb[i])}"})
    return out


_DASH_ITEM = re.compile(r"^[ \t]*[-–—•][ \t]*\S", re.M)


def _dashed_lists(units: list[Unit], other_doc: Document, other_units: list[Unit], pairs: Pairs,
                  reverse: bool) -> set[str]:
    """Ids of unpaired subpoints of ``doc`` whose list the other language writes with dashes: the
    parent is paired, its counterpart has no subpoints, and as many dash items as this side's
    subpoints under it («1) проект согласован …» = «- жоба келісілді …»): a list item is missing
    only when the other side's list is shorter."""
    paired = {(b if reverse else a): (a if reverse else b) for a, b, _ in pairs if a and b}
    lone = {(b if reverse else a) for a, b, _ in pairs if (b if reverse else a) and not (a if reverse else b)}
    io = {u.id: u for u in other_units}
    has_kids = {u.parent_id for u in other_units if u.kind == "subpoint"}
    by_parent: dict[str, list[Unit]] = {}
    for u in units:
        if u.kind == "subpoint" and u.parent_id:
            by_parent.setdefault(u.parent_id, []).append(u)
    out: set[str] = set()
    for pid, kids in by_parent.items():
        if not any(k.id in lone for k in kids) or any(k.id in paired for k in kids):
            continue
        other = io.get(paired.get(pid))
        if other is None or other.id in has_kids:
            continue
        n = len(_DASH_ITEM.findall(other_doc.text[other.start:other.end]))
        if n >= len(kids):
            out |= {k.id for k in kids}
    return out


def _rows_stated(doc: Document, units: list[Unit], other_doc: Document, other_units: list[Unit], pairs: Pairs,
                 reverse: bool) -> set[str]:
    """Ids of unpaired table rows read as points whose every figure the other language's table
    states (the same appendix, through its pair, or the other act's text): a row the other copy
    did not number, not a missing provision. A row with a figure the other table lacks stays."""
    paired = {(b if reverse else a): (a if reverse else b) for a, b, _ in pairs if a and b}
    unpaired = {(b if reverse else a) for a, b, _ in pairs if (b if reverse else a) and not (a if reverse else b)}
    lone = [u for u in units if u.id in unpaired]
    index, other_index = {u.id: u for u in units}, {u.id: u for u in other_units}
    out: set[str] = set()
    for u in lone:
        if u.kind not in PROVISIONS or not _is_table_row(doc, units, u):
            continue
        p = u
        while p is not None and p.kind != "appendix":
            p = index.get(p.parent_id) if p.parent_id else None
        other = other_index.get(paired.get(p.id)) if p is not None else None
        if p is not None and other is None:
            continue
        other_text = other_doc.text[other.start:other.end] if other is not None else other_doc.text
        own = [f for f in facts(doc.text[u.start:u.end], doc.language)]
        if own and not compare_facts(own, facts(other_text, other_doc.language)).only_a:
            out.add(u.id)
    return out


def _split_across_parts(pairs: Pairs, ia: dict, ib: dict) -> Pairs:
    """A provision of the decision itself paired with an appendix's provision is two units alone:
    when a translator drops the decision's «1.», the alignment takes the appendix's «1-тармақ»
    (a table row read as a point) in its place, and the dropped point would never be reported."""
    out: Pairs = []
    for a, b, s in pairs:
        ua, ub = ia.get(a), ib.get(b)
        if ua is not None and ub is not None and ua.kind in PROVISIONS and ub.kind in PROVISIONS \
                and (ua.part == 0) != (ub.part == 0):
            out += [(a, None, 0.0), (None, b, 0.0)]
        else:
            out.append((a, b, s))
    return out


def discrepancies(doc_a: Document, units_a: list[Unit], doc_b: Document, units_b: list[Unit], pairs: Pairs,
                  refs_a=None, refs_b=None) -> list[dict]:
    """Findings in document order of A: missing provisions, differing facts, list order.

    ``refs_a``/``refs_b`` are accepted for the old signature: a referenced act differs only
    through its date or number, which the facts comparison reads from the text itself."""
    ia, ib = {u.id: u for u in units_a}, {u.id: u for u in units_b}
    pairs = _split_across_parts(repair(units_a, units_b, pairs, doc_a, doc_b), ia, ib)
    dashed_a = _dashed_lists(units_a, doc_b, units_b, pairs, reverse=False)
    dashed_b = _dashed_lists(units_b, doc_a, units_a, pairs, reverse=True)
    rows_a = _rows_stated(doc_a, units_a, doc_b, units_b, pairs, reverse=False)
    rows_b = _rows_stated(doc_b, units_b, doc_a, units_a, pairs, reverse=True)
    # tables compared table against table: their units' facts and rows are not compared one by one
    spans_a, spans_b = tables(doc_a), tables(doc_b)
    ga, gb = _table_groups(doc_a, units_a, spans_a), _table_groups(doc_b, units_b, spans_b)
    groups = _pair_groups(ga, gb, pairs)
    cmp_a = [s for ka, _ in groups for s in ga[ka]]
    cmp_b = [s for _, kb in groups for s in gb[kb]]
    rows_a |= {u.id for u in units_a if _in_spans(_text_start(doc_a, u), cmp_a)}
    rows_b |= {u.id for u in units_b if _in_spans(_text_start(doc_b, u), cmp_b)}
    out: list[dict] = []
    for a, b, _ in pairs:
        ua, ub = ia.get(a), ib.get(b)
        if ua is None and ub is not None:
            if ub.kind in PROVISIONS and b not in dashed_b and b not in rows_b:
                tb = own_text(doc_b, units_b, ub) or doc_b.text[ub.start:ub.end]
                out.append({"kind": "only_in_b", "unit_a": None, "unit_b": b, "label_a": None, "label_b": ub.label,
                            "detail": ub.label, "message": _absent_message(ub.label, doc_a.language),
                            "facts_a": [], "facts_b": [], "excerpt_a": "", "excerpt_b": _excerpt(tb)})
            continue
        if ub is None and ua is not None:
            if ua.kind in PROVISIONS and a not in dashed_a and a not in rows_a:
                ta = own_text(doc_a, units_a, ua) or doc_a.text[ua.start:ua.end]
                out.append({"kind": "only_in_a", "unit_a": a, "unit_b": None, "label_a": ua.label, "label_b": None,
                            "detail": ua.label, "message": _absent_message(ua.label, doc_b.language),
                            "facts_a": [], "facts_b": [], "excerpt_a": _excerpt(ta), "excerpt_b": ""})
            continue
        if ua is None or ub is None or ua.kind in CAPTIONS or ub.kind in CAPTIONS:
            continue
        out += unit_finding(doc_a, units_a, ua, doc_b, units_b, ub, cmp_a, cmp_b)
    out += table_findings(doc_a, units_a, cmp_a, doc_b, units_b, cmp_b, pairs)
    out += _order_check(doc_a, units_a, doc_b, units_b, pairs)
    return out


# ---------------------------------------------------------------------------------------------
# Tables (branch i-rukk3). A maslikhat decision setting rates, tariffs or payments carries its
# figures in tables: rows of cells separated by tabs, which each language's copy lays out and
# cuts into units its own way («1\tКазино …» a row of text in Russian, «1.\tКазино …» a point in
# Kazakh; «II\tПродовольственный рынок в том числе 1. рыбные продукты» one row in Russian, three
# in Kazakh). Unit by unit, rows pair wrongly and their figures look missing. So the figures of a
# table are compared table against table: the multiset of its rate cells (a number, with its
# currency or index unit at most) on both sides, and the other facts of its cells against
# everything the other table states. A number one table has and the other lacks is reported
# once, with the row it stands in on each side (the rows are matched by their figures).

_TABLE_GAP = 2          # lines without a tab allowed inside one table (a row whose label wrapped)
_VALUE_CELL = re.compile(r"^\s*[-–/|]?\s*(?P<n>\d{1,3}(?:[ \u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)\s*"
                         r"(?:%|тенге|теңге|тг\.?|МРП|АЕК)?\s*$", re.I)


def tables(doc: Document) -> list[tuple[int, int]]:
    """Character spans of the tables of ``doc``: runs of at least two lines with a tab, at most
    ``_TABLE_GAP`` other lines between two of them."""
    spans: list[tuple[int, int]] = []
    pos, run, gap, last_end = 0, [], 0, 0
    for line in doc.text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if "\t" in line and line.strip():
            run.append((start, end))
            gap = 0
            continue
        if run:
            gap += 1
            if gap > _TABLE_GAP:
                if len(run) >= 2:
                    spans.append((run[0][0], run[-1][1]))
                run, gap = [], 0
    if len(run) >= 2:
        spans.append((run[0][0], run[-1][1]))
    return spans


def _in_spans(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= at < e for s, e in spans)


def _rows(doc: Document, span: tuple[int, int]) -> list[tuple[int, str, list[str], str]]:
    """(offset, line, rate values, the rest of the line) of each line of a table: the rate cells
    are the cells after the first that hold a number alone (with its unit); the first cell (the
    row's number or label) and every other cell are the rest."""
    out = []
    pos = span[0]
    for line in doc.text[span[0]:span[1]].split("\n"):
        cells = line.split("\t")
        first = next((k for k, c in enumerate(cells) if c.strip()), len(cells))
        values, rest = [], []
        for k, c in enumerate(cells):
            m = _VALUE_CELL.match(c) if k > first else None
            if m:
                values.append(_value(m.group("n")))
            else:
                rest.append(c)
        out.append((pos, line, values, "\t".join(rest)))
        pos += len(line) + 1
    return out


def _value(s: str) -> str:
    from maslihat.nlp.compare_facts import _num
    return _num(re.sub(r"[ \u00a0]", "", s))


def _deepest(units: list[Unit], at: int) -> Optional[Unit]:
    best = None
    for u in units:
        if u.start <= at < u.end and u.kind not in CAPTIONS and (best is None or u.end - u.start <= best.end - best.start):
            best = u
    return best


def _table_groups(doc: Document, units: list[Unit], spans) -> dict[Optional[str], list[tuple[int, int]]]:
    """Tables by the appendix they stand in (None: the act's own text)."""
    index = {u.id: u for u in units}
    out: dict[Optional[str], list[tuple[int, int]]] = {}
    for s in spans:
        u = _deepest(units, s[0])
        while u is not None and u.kind != "appendix":
            u = index.get(u.parent_id) if u.parent_id else None
        out.setdefault(u.id if u is not None else None, []).append(s)
    return out


def _pair_groups(ga: dict, gb: dict, pairs: Pairs) -> list[tuple[Optional[str], Optional[str]]]:
    """Table groups of A and B that correspond: through the appendices' pair, then in order."""
    pa = {a: b for a, b, _ in pairs if a and b}
    out, used_b = [], set()
    for ka in ga:
        kb = pa.get(ka) if ka is not None else None
        if ka is None and None in gb:
            kb = None
            out.append((ka, kb))
            used_b.add(kb)
        elif kb in gb and kb not in used_b:
            out.append((ka, kb))
            used_b.add(kb)
    left_a = [k for k in ga if k not in {x for x, _ in out}]
    left_b = [k for k in gb if k not in used_b]
    out += list(zip(left_a, left_b))
    return out


def _row_label(line: str) -> str:
    cells = [c.strip() for c in line.split("\t") if c.strip() and not _VALUE_CELL.match(c)]
    return " ".join(cells)[:EXCERPT] or " ".join(line.split())[:EXCERPT]


def table_findings(doc_a: Document, units_a: list[Unit], spans_a, doc_b: Document, units_b: list[Unit], spans_b,
                   pairs: Pairs) -> list[dict]:
    """Figures one table states and its counterpart in the other language lacks."""
    from collections import Counter
    from difflib import SequenceMatcher
    ga, gb = _table_groups(doc_a, units_a, spans_a), _table_groups(doc_b, units_b, spans_b)
    out: list[dict] = []
    for ka, kb in _pair_groups(ga, gb, pairs):
        rows_a = [r for s in ga[ka] for r in _rows(doc_a, s)]
        rows_b = [r for s in gb[kb] for r in _rows(doc_b, s)]
        ca = Counter(v for r in rows_a for v in r[2])
        cb = Counter(v for r in rows_b for v in r[2])
        extra_a, extra_b = ca - cb, cb - ca
        # the other facts of the cells (a law's article, a date, a number in a row's label):
        # against everything the other table states, as elsewhere
        text_a = "\n".join(doc_a.text[s:e] for s, e in ga[ka])
        text_b = "\n".join(doc_b.text[s:e] for s, e in gb[kb])
        rest_a = [f for r in rows_a for f in facts(r[3], doc_a.language)
                  if not _row_marker(r[3], f)]
        rest_b = [f for r in rows_b for f in facts(r[3], doc_b.language)
                  if not _row_marker(r[3], f)]
        # a count in words too, when each table has one the other does not state (one number put
        # for another in a row's label: «до пяти мест» / «жеті орынға дейін»), as unit against unit
        d = compare_facts(rest_a, facts(text_b, doc_b.language), words="pair")
        d2 = compare_facts(rest_b, facts(text_a, doc_a.language), words="pair")
        d = paired_words(FactDiff(d.only_a, d2.only_a))
        label_only_a = {f.value for f in d.only_a}
        label_only_b = {f.value for f in d.only_b}
        if not (extra_a or extra_b or label_only_a or label_only_b):
            continue
        # rows matched by their figures; a differing figure is reported in its row on each side
        va = [tuple(r[2]) for r in rows_a if r[2]]
        vb = [tuple(r[2]) for r in rows_b if r[2]]
        ra = [r for r in rows_a if r[2]]
        rb = [r for r in rows_b if r[2]]
        matched: list[tuple[Optional[tuple], Optional[tuple]]] = []
        twin: dict[int, tuple] = {}        # a row of A -> the row of B with the same figures
        for op, i1, i2, j1, j2 in SequenceMatcher(None, va, vb, autojunk=False).get_opcodes():
            if op == "equal":
                twin.update((ra[i1 + k][0], rb[j1 + k]) for k in range(i2 - i1))
                continue
            n = max(i2 - i1, j2 - j1)
            for k in range(n):
                matched.append((ra[i1 + k] if i1 + k < i2 else None, rb[j1 + k] if j1 + k < j2 else None))
        # a row missing on one side beside rows with the same figures («-для сжиженного газа\t160»,
        # «-для авиакеросина\t160»): the figures cannot tell which went missing, the labels can
        matched, twin = _twins_by_label(matched, twin, ra, rb, doc_a.language, doc_b.language)
        for row_a, row_b in matched:
            fa = [v for v in (row_a[2] if row_a else []) if extra_a[v] > 0]
            fb = [v for v in (row_b[2] if row_b else []) if extra_b[v] > 0]
            for v in fa:
                extra_a[v] -= 1
            for v in fb:
                extra_b[v] -= 1
            if fa or fb:
                out.append(_table_flag(doc_a, units_a, row_a, fa, doc_b, units_b, row_b, fb,
                                       _table_holder(units_a, ga[ka]), _table_holder(units_b, gb[kb])))
        # a figure of a label cell the other table does not state; one flag for two rows with the
        # same figures each stating one the other lacks (one number put for another in a label)
        label_rows: dict[str, list[tuple[tuple, list[str]]]] = {"a": [], "b": []}
        for rows, only, side in ((rows_a, label_only_a, "a"), (rows_b, label_only_b, "b")):
            lang = doc_a.language if side == "a" else doc_b.language
            for r in rows:
                fs = [f.surface for f in facts(r[3], lang) if (f.strong or f.cardinal) and f.value in only]
                if not fs:
                    continue
                only -= {f.value for f in facts(r[3], lang)}
                label_rows[side].append((r, fs))
        lone_b = {r[0]: (r, fs) for r, fs in label_rows["b"]}
        for r, fs in label_rows["a"]:
            other = twin.get(r[0])
            if other is not None and other[0] in lone_b:
                rb_, fsb = lone_b.pop(other[0])
                out.append(_table_flag(doc_a, units_a, r, fs, doc_b, units_b, rb_, fsb))
            else:
                out.append(_table_flag(doc_a, units_a, r, fs, doc_b, units_b, None, [],
                                       hold_b=_table_holder(units_b, gb[kb])))
        for r, fs in lone_b.values():
            out.append(_table_flag(doc_a, units_a, None, [], doc_b, units_b, r, fs,
                                   hold_a=_table_holder(units_a, ga[ka])))
    return out


def _label_score(la: str, lang_a: str, lb: str, lang_b: str) -> float:
    """How well two rows' labels translate each other: the glossary's word-by-word reading
    (``_translated``) and the cognates' shared stems («авиакеросина» / «авиакеросин»)."""
    from maslihat.nlp.align import _jacc, stems
    return _translated(_item_words(la, lang_a), _item_words(lb, lang_b)) + _jacc(stems(la), stems(lb))


def _twins_by_label(matched: list, twin: dict, ra: list, rb: list, lang_a: str, lang_b: str) -> tuple[list, dict]:
    """``matched`` and ``twin`` (rows of A -> rows of B with the same figures) with a row missing on
    one side renamed: when it stands in a run of neighbouring rows with the same figures, the row
    of the run missing is the one whose absence leaves the others' labels best paired (in order)
    with the other side's rows. Rows are matched by their figures, and a table stating «160» for
    two fuels lost the second while the first was named."""
    by_a = {x[0]: x for x in ra}
    out = []
    for row_a, row_b in matched:
        lone = row_a if row_b is None else row_b
        if (row_a is None) == (row_b is None) or not lone[2]:
            out.append((row_a, row_b))          # paired, or a row with no figures: nothing to rename
            continue
        # B's rows -> A's, read only for a row missing in A (``twin`` changes as rows are renamed)
        own, pairs_of, lang_own, lang_oth = (ra, twin, lang_a, lang_b) if row_b is None \
            else (rb, {b[0]: by_a[a] for a, b in twin.items()}, lang_b, lang_a)
        k = next(i for i, x in enumerate(own) if x[0] == lone[0])
        lo, hi = k, k
        while lo > 0 and tuple(own[lo - 1][2]) == tuple(lone[2]) and own[lo - 1][0] in pairs_of:
            lo -= 1
        while hi + 1 < len(own) and tuple(own[hi + 1][2]) == tuple(lone[2]) and own[hi + 1][0] in pairs_of:
            hi += 1
        run = own[lo:hi + 1]
        if len(run) < 2:
            out.append((row_a, row_b))
            continue
        others = sorted((pairs_of[x[0]] for x in run if x is not lone), key=lambda r: r[0])

        def score(gone):
            rest = [x for x in run if x is not gone]
            return sum(_label_score(_row_label(x[1]), lang_own, _row_label(y[1]), lang_oth) for x, y in zip(rest, others))
        best = max(run, key=lambda x: (score(x), x is lone))
        if best is not lone and score(best) > score(lone):
            rest = [x for x in run if x is not best]
            gone = {x[0] for x in run}
            if row_b is None:
                twin = {**{a: b for a, b in twin.items() if a not in gone}, **{x[0]: y for x, y in zip(rest, others)}}
            else:
                twin = {**{a: b for a, b in twin.items() if b[0] not in gone}, **{y[0]: x for x, y in zip(rest, others)}}
            lone = best
        out.append((lone, None) if row_b is None else (None, lone))
    return out, twin


def _row_marker(text: str, f) -> bool:
    """The row's own number: «1», «1.», «1)», «II.» opening the row's first cell, or «1.» before an item's label
    («в том числе 1. рыбные продукты» / «1.Балық өнімдері»): numbering, laid out differently."""
    if f.kind != "number":
        return False
    before = text[:f.start].rstrip(" ")
    after = text[f.end:f.end + 2]
    # only the row's first cell holds its number: «1 топ\t2 топ\t3 топ» are the columns' groups,
    # a figure the other table must state too
    opens_row = before.strip() == "" or before.endswith("\n")
    return opens_row or bool(re.match(r"[.)]", after))


def _table_holder(units: list[Unit], spans) -> Optional[Unit]:
    """The smallest unit holding the whole table (all of ``spans``): the point or appendix it
    stands in; None for a table of the act's own text outside any unit."""
    if not spans:
        return None
    s, e = min(x for x, _ in spans), max(y for _, y in spans)
    best = None
    for u in units:
        if u.start <= s and e <= u.end and u.kind not in CAPTIONS \
                and (best is None or u.end - u.start <= best.end - best.start):
            best = u
    return best


def _row_start(row: tuple) -> int:
    """Where a row's text starts: a row opening with an empty cell («\tс прилавка\t170») is a
    paragraph from its first word, the tab before it the appendix's."""
    return row[0] + len(row[1]) - len(row[1].lstrip())


def _table_flag(doc_a, units_a, row_a, fa, doc_b, units_b, row_b, fb, hold_a: Optional[Unit] = None,
                hold_b: Optional[Unit] = None) -> dict:
    """A figure of a row one table states and the other lacks: each side's row, or, for a row
    missing on one side (deleted, or added on the other), the table on that side (``hold_a`` /
    ``hold_b``, the unit holding it), so both tables are named with the row's text."""
    ua = _deepest(units_a, _row_start(row_a)) if row_a else hold_a
    ub = _deepest(units_b, _row_start(row_b)) if row_b else hold_b
    from maslihat.nlp.compare_facts import Fact
    d = FactDiff([Fact("number", v, v, 0, 0) for v in fa], [Fact("number", v, v, 0, 0) for v in fb])
    msg = describe(d, doc_a.language, doc_b.language)
    row_words = {"ru": "строка таблицы", "kk": "кесте жолы", "en": "table row"}
    where = " / ".join(u.label for u in (ua, ub) if u is not None)
    for ui in msg:
        rows = "; ".join(f"«{_row_label(r[1])}»" for r in (row_a, row_b) if r)
        msg[ui] = (f"{where}: " if where else "") + f"{row_words[ui]} {rows}: {msg[ui]}"
    return {"kind": "numbers_differ", "unit_a": ua.id if ua else None, "unit_b": ub.id if ub else None,
            "label_a": ua.label if ua else None, "label_b": ub.label if ub else None,
            "detail": msg["en"], "message": msg, "facts_a": list(fa), "facts_b": list(fb),
            "row_a": _row_label(row_a[1]) if row_a else "", "row_b": _row_label(row_b[1]) if row_b else "",
            "excerpt_a": " ".join(row_a[1].split()) if row_a else "",
            "excerpt_b": " ".join(row_b[1].split()) if row_b else ""}
