"""The numbers of the law as facts: deadlines, quorums, vote thresholds, periodicity, counts,
amounts and rates, age and service requirements, terms — RU and KK, per provision.

Deputies and journalists ask for a number («how long does the akim have to answer an inquiry?»);
the texts state it in words, in two languages, differently in each maslikhat. This engine reads
the numbers (``nlp.numerals``) and the words around them; every cue, unit and subject is data in
``core/data/facts.json``. Each :class:`Fact` carries the kind, a normalised value (ISO 8601
durations ``P10D``, fractions ``2/3``, amounts ``2.5 MRP``), the relation («не позднее» → within),
the anchor event, the base of a quorum, the subject code and the exact span in the document text.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, fields
from fractions import Fraction
from functools import lru_cache
from importlib import resources
from typing import Iterable, Optional

from maslihat.core import grammar as G
from maslihat.nlp.lang import fold
from maslihat.nlp.facts_text import CLAUSE_PUNCT as _CLAUSE_PUNCT, Sentence as _Sentence, duration as _duration, num as _num, \
    sentences as _sentences
from maslihat.nlp.numerals import Numeral, _compound_starts, find_numerals, split_compound

FACT_KINDS = ("deadline", "quorum", "threshold", "periodicity", "count", "amount", "rate", "age", "service", "term")


@dataclass
class Fact:
    """One number of the law in one provision; ``document text[start:end] == surface``.

    ``value`` is normalised: ISO 8601 duration (deadline, age, service, term: ``P1M``), a fraction
    or a count (quorum, threshold: ``2/3``, ``1/2``, ``5``), ``times/period`` (periodicity:
    ``1/P3M`` = once a quarter), ``number unit`` (amount, rate: ``10 MRP``, ``50 %``).
    ``relation``: within | at_least_before | before | after | at_least | at_most | more_than | exact.
    """
    kind: str
    value: str
    start: int
    end: int
    surface: str
    language: str
    relation: str = "exact"
    subject: Optional[str] = None
    subject_words: str = ""
    anchor: Optional[str] = None
    base: Optional[str] = None
    day_type: Optional[str] = None
    unit_id: Optional[str] = None
    document_id: Optional[str] = None
    id: str = ""
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        """``dataclasses.asdict(self)``; without its generic deep walk when every field is a string,
        a number or None and ``extra`` is empty, as a fact always is (issue 14: 17 -> 1 ms for the
        866 facts of an ingest of the real files): the same keys in the same order, a new dict."""
        d = {name: getattr(self, name) for name in _FIELDS}
        extra = d["extra"]
        d["extra"] = None                 # in its place among the keys
        if extra or type(extra) is not dict or any(type(v) not in _PLAIN for v in d.values()):
            return asdict(self)
        d["extra"] = {}
        return d


_FIELDS = tuple(f.name for f in fields(Fact))
_PLAIN = frozenset({str, int, float, bool, type(None)})


# --- vocabulary ---------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def vocab() -> dict:
    with resources.files("maslihat.core").joinpath("data/facts.json").open(encoding="utf-8") as f:
        return json.load(f)


def _cue(s: str) -> tuple[tuple[str, bool], ...]:
    return tuple((w.rstrip("$"), w.endswith("$")) for w in fold(s).split())


def _cues(items: Iterable[str]) -> list[tuple]:
    return [_cue(s) for s in items]


def subject_label(code: Optional[str], lang: str) -> str:
    """The subject's name in ru / kk / en ("" when unknown)."""
    if not code:
        return ""
    for s in vocab()["subjects"]:          # a subject of its own first («extraordinary_session»)
        if s["code"] == code and s.get("label"):
            return s["label"].get(lang, code)
    mod = ""
    if code.startswith("extraordinary_"):
        code, mod = code[len("extraordinary_"):], {"ru": "внеочередная: ", "kk": "кезектен тыс: ", "en": "extraordinary: "}[lang]
    for s in vocab()["subjects"]:
        if s["code"] == code:
            return mod + s["label"].get(lang, code)
    return mod + code


def kind_label(kind: str, lang: str) -> str:
    return vocab()["kinds"].get(kind, {}).get(lang, kind)


def subjects() -> list[str]:
    return [s["code"] for s in vocab()["subjects"]]


@lru_cache(maxsize=16384)
def _time_unit(tok: str, lang: str) -> Optional[str]:
    v = vocab()
    if lang == "ru":
        for unit, forms in v["time_units"]["ru"].items():
            if tok in forms:
                return unit
        return None
    for unit, stems in v["time_unit_kk_stems"].items():
        for s in stems:
            if tok.startswith(s) and (len(tok) - len(s) <= 8) and not tok.startswith(("айқын", "айт", "айыр", "айна", "жылж", "күнә", "апта­")):
                if s == "ай" and tok not in v["time_units"]["kk"]["P1M"] and not re.fullmatch(r"ай(?:ы|ға|дан|да|ын|лық|ына|ының|дың|ға дейін)?", tok):
                    continue
                return unit
    return None


def _word_is_number(w: str, lang: str) -> bool:
    return bool(w.isdigit() or find_numerals(w, lang))


# --- the engine ---------------------------------------------------------------------------------------

class _Extractor:
    def __init__(self, lang: str):
        v = vocab()
        self.lang = lang
        self.dl_before = [(_cue(c), r) for c, r in v["deadline_cues"][lang]["before"]]
        self.dl_after = [(_cue(c), r) for c, r in v["deadline_cues"][lang]["after"]]
        self.term = _cues(v["term_cues"][lang])
        self.age = _cues(v["age_cues"][lang])
        self.service = _cues(v["service_cues"][lang])
        self.quorum = _cues(v["quorum_cues"][lang])
        self.threshold = _cues(v["threshold_cues"][lang])
        self.majority = _cues(v["majority"][lang])
        self.majority_skip = _cues(v["majority_skip"][lang])
        self.bounds = [(_cue(c), r) for c, r in v["bound_cues"][lang]]
        self.bases = [(b, _cues(cs)) for b, cs in v["bases"][lang].items()]
        self.persons = _cues(v["persons"][lang])
        self.count_threshold = _cues(v["count_threshold_cues"][lang])
        self.not_count_before = _cues(v["not_a_count_before"][lang])
        self.duration_skip = _cues(v["duration_skip_context"][lang])
        self.units = {u: _cues(cs) for u, cs in v["amount_units"][lang].items()}
        self.scale = v["amount_scale"][lang]
        p = v["periodicity"]
        self.times_words = set(p["times_words"][lang])
        self.twice = p["twice"][lang]
        self.adverbs = [(_cue(c), per) for c, per in p["adverbs"][lang].items()]
        self.periods = [(_cue(c), per) for c, per in p["periods"][lang].items()]
        self.per_bounds = [(_cue(c), r) for c, r in p["bounds"][lang]]
        self.age_units = tuple(v["age_units"][lang])
        self.day_types = {t: _cues(cs) for t, cs in v["day_types"][lang].items()}
        self.compound_units = v["compound_units"][lang]
        self.compound_stems = tuple(self.compound_units)
        self.implicit_one = set(v["implicit_one"][lang])
        self.subjects = [(s["code"], set(s["kinds"]), [[_cue(c) for c in alt] for alt in s.get(lang, [])])
                         for s in v["subjects"]]
        self.modifiers = [(_cue(c), m) for c, m in v["modifiers"][lang].items()]
        # words that can start a fact without a number: a sentence with none of them and no
        # number holds no fact (most sentences), so the engine skips it
        self.starters = tuple({c[0][0] for c in self.majority} | {c[0][0] for c, _ in self.adverbs}
                              | self.times_words | set(self.twice) | self.implicit_one
                              | set(self.compound_units) | set(v["numerals_compound_prefixes"][lang]))
        self.triggers = self._triggers(v)
        self._cue_hits: dict[str, tuple] = {}       # word -> ``_cues_starting(word)``

    def _triggers(self, v: dict) -> Optional[tuple[dict, tuple, dict]]:
        """The cues a sentence must hold for ``sentence`` to find a fact in it, each with its
        class (issue 14: most sentences the engine reads hold a date or the number of an act or
        a point, and no fact). Where each fact is added, and what it needs:

        - ``A``: a periodicity on a «раз»/«дважды» word, a periodicity adverb, a majority;
        - ``I`` and ``D``: a duration compound («месячный», «тридцатидневный»: the beginnings
          ``split_compound`` looks for) or implicit one («года»), read by ``_duration``, which
          adds a fact only on an age, service, term or deadline cue (``D``);
        - a number (``_number``) and ``B``: an amount or rate unit (or a ``%`` in the text),
          an age unit, a person;
        - a number and ``T`` and ``D``: a time unit (``_time_unit``: Russian forms, Kazakh
          stems), read by ``_duration``;
        - a fraction and ``F``: a quorum, threshold or base cue.

        A new way of adding a fact must add its cues here. ``(exact first word -> cues,
        beginnings, beginning -> cues)``, each cue as ``(cue, class)``; ``None``: no test (a cue
        with an empty first element would match anywhere)."""
        def one(words, exact):
            return [((w, exact),) for w in words]
        classes = {
            "A": [c for c, _ in self.adverbs] + self.majority + one(set(self.times_words) | set(self.twice), True),
            "I": one(self.implicit_one, True)
                 + (one(set(_compound_starts("ru")) | set(self.compound_units), False) if self.lang == "ru" else []),
            "D": self.age + self.service + self.term + [c for c, _ in self.dl_before] + [c for c, _ in self.dl_after],
            "B": [c for cs in self.units.values() for c in cs] + self.persons + one(self.age_units, False),
            "T": (one({f for fs in v["time_units"]["ru"].values() for f in fs}, True) if self.lang == "ru"
                  else one({st for sts in v["time_unit_kk_stems"].values() for st in sts}, False)),
            "F": self.quorum + self.threshold + [c for _, cs in self.bases for c in cs],
        }
        exact: dict[str, list] = {}
        by_stem: dict[str, list] = {}
        for cls, cues in classes.items():
            for c in cues:
                if not c or not c[0][0]:
                    return None
                (exact if c[0][1] else by_stem).setdefault(c[0][0], []).append((c, cls))
        return exact, tuple(sorted(by_stem)), by_stem

    def _cues_starting(self, w: str) -> tuple:
        """The ``(cue, class)`` of ``_triggers`` whose first element matches the word ``w``."""
        exact, stems, by_stem = self.triggers
        hits = list(exact.get(w, ()))
        if w.startswith(stems):
            hits += [h for st in stems if w.startswith(st) for h in by_stem[st]]
        return tuple(hits)

    def _cues_held(self, s: _Sentence) -> set:
        """The classes of ``_triggers`` whose cues ``s`` holds (``B`` also for a ``%``); ``{"A"}``
        as soon as an ``A`` cue is found, and when there is no test."""
        if self.triggers is None:
            return {"A"}
        held = {"B"} if "%" in s.text else set()
        match = s.match
        known = self._cue_hits
        for k, w in enumerate(s.folded):
            hits = known.get(w)
            if hits is None:
                if len(known) >= _CUE_HITS_MAX:
                    known.clear()
                hits = known[w] = self._cues_starting(w)
            for c, cls in hits:
                if cls not in held and match(k, c):
                    if cls == "A":
                        return {"A"}
                    held.add(cls)
        return held

    # -- helpers --
    def _bound(self, s: _Sentence, i: int, j: int) -> str:
        hit = s.ending_before(i, [c for c, _ in self.bounds], window=1)
        rel = self.bounds[hit[0]][1] if hit else None
        if self.lang == "kk" and rel is None:
            after = s.starting_after(j, [c for c, _ in self.bounds], window=1)
            rel = self.bounds[after[0]][1] if after else None
        return {"min": "at_least", "max": "at_most", "more_than": "more_than"}.get(rel or "", "exact")

    def _base(self, s: _Sentence, i: int, j: int) -> Optional[str]:
        lo, hi = (j, min(len(s.toks), j + 9)) if self.lang == "ru" else (max(0, i - 6), min(len(s.toks), j + 2))
        for name, cues in self.bases:
            if s.has(cues, lo, hi):
                return name
        return None

    def _anchor(self, s: _Sentence, i: int, j: int, after_hit) -> Optional[str]:
        if after_hit is not None and self.lang == "ru":
            lo = after_hit[1]
            hi = lo
            while hi < len(s.toks) and hi - lo < 7 and s.toks[hi].w not in ("и", "а", "или", "но") and \
                    not (hi > lo and _CLAUSE_PUNCT.search(s.text[s.toks[hi - 1].end:s.toks[hi].start])):
                hi += 1
            return s.words(lo, hi) or None
        if self.lang == "kk":
            hi = i
            while hi > 0 and s.toks[hi - 1].w in ("кемінде", "кем", "ең"):
                hi -= 1
            lo = hi
            while lo > 0 and hi - lo < 6 and not _CLAUSE_PUNCT.search(s.text[s.toks[lo - 1].end:s.toks[lo].start]):
                lo -= 1
            return s.words(lo, hi) or None
        return None

    def _day_type(self, s: _Sentence, lo: int, hi: int) -> Optional[str]:
        for t, cues in self.day_types.items():
            if s.has(cues, lo, hi):
                return t
        return None

    def _subject(self, s: _Sentence, kind: str, lo: int, hi: int) -> Optional[str]:
        for rng in ((0, len(s.toks)),):
            for code, kinds, alts in self.subjects:
                if kind not in kinds:
                    continue
                for alt in alts:
                    if all(s.has([c], *rng) for c in alt):
                        mod = next((m for c, m in self.modifiers if s.has([c], lo, hi)), None)
                        if mod and code in ("session_notice", "session_materials"):
                            return f"{mod}_{code}"
                        return code
        return None

    # -- per sentence --
    def sentence(self, s: _Sentence) -> list[Fact]:
        # the cues every fact needs (``_triggers``): most sentences with a figure hold none
        held = self._cues_held(s)
        bare = "A" not in held and not ("I" in held and "D" in held)     # only a number can state a fact
        by_unit = "B" in held or ("T" in held and "D" in held)
        if bare and not by_unit and "F" not in held:
            return []
        nums = [n for n in find_numerals(s.text, self.lang, s.folded) if n.kind in ("cardinal", "decimal", "fraction")]
        if bare and not (nums and by_unit) and not ("F" in held and any(n.kind == "fraction" for n in nums)):
            return []
        if not nums and not any(w.startswith(self.starters) for w in s.folded):
            return []
        facts: list[tuple[Fact, int, int]] = []
        used: set[int] = set()
        toks = s.toks

        def add(kind, value, i, j, relation="exact", **kw):
            st, en = toks[i].start, toks[j - 1].end
            f = Fact(kind, value, s.offset + st, s.offset + en, s.text[st:en], self.lang, relation, **kw)
            facts.append((f, i, j))
            used.update(range(i, j))

        # periodicity first: its numbers are not durations
        for k, t in enumerate(toks):
            if t.w in self.times_words or t.w in self.twice:
                times, i = self.twice.get(t.w, 1), k
                if t.w in self.times_words:
                    n = next((n for n in nums if s.tok_range(n.start, n.end)[1] == k), None)
                    if n is not None:
                        times, i = n.value, s.tok_range(n.start, n.end)[0]
                period, j = None, k + 1
                if self.lang == "ru":
                    if k + 1 < len(toks) and toks[k + 1].w in ("в", "во"):
                        mult, q = 1, k + 2
                        n2 = next((n for n in nums if s.tok_range(n.start, n.end)[0] == q), None)
                        if n2 is not None:
                            mult, q = n2.value, s.tok_range(n2.start, n2.end)[1]
                        hit = next((per for c, per in self.periods if s.match(q, c)), None)
                        if hit:
                            period, j = _duration(mult, hit), q + 1
                else:
                    for back in range(max(0, i - 3), i):
                        hit = next(((per, c) for c, per in self.periods if s.match(back, c)), None)
                        if hit:
                            period, i = hit[0], back
                            break
                    if period is None:      # «күнтізбелік бір жыл ішінде … екі реттен артық»
                        for back in range(0, i):
                            if s.match(back, _cue("жыл$ ішінде$")):
                                period = "P1Y"
                                lo = back - 1 if back > 0 and _word_is_number(toks[back - 1].w, "kk") else back
                                used.update(range(lo, back + 2))
                                break
                if period is None:
                    if t.w in self.times_words and i < k and isinstance(times, int) and times > 1:
                        hit = s.ending_before(i, [c for c, _ in self.bounds], window=1)
                        after_b = s.starting_after(k + 1, [c for c, _ in self.bounds], window=0) if self.lang == "kk" else None
                        rel = (self.bounds[hit[0]][1] if hit else None) or (self.bounds[after_b[0]][1] if after_b else None)
                        add("count", _num(times), i, k + 1, {"min": "at_least", "max": "at_most",
                                                            "more_than": "more_than"}.get(rel or "", "exact"))
                    continue
                bh = s.ending_before(i, [c for c, _ in self.per_bounds], window=1)
                inner = next((self.per_bounds[ci][1] for ci, _ in s.all_starting_after(i, [c for c, _ in self.per_bounds], max(0, k - i - 1))), None)
                ah = s.starting_after(j, [c for c, _ in self.per_bounds], window=0) if self.lang == "kk" else None
                rel = (self.per_bounds[bh[0]][1] if bh else None) or inner or (self.per_bounds[ah[0]][1] if ah else None)
                if bh:
                    i = bh[1]
                if ah:
                    j = ah[1] + len(self.per_bounds[ah[0]][0])
                add("periodicity", f"{_num(times)}/{period}", i, j,
                    {"min": "at_least", "max": "at_most"}.get(rel or "", "exact"))
        adverb_first = tuple(c[0][0] for c, _ in self.adverbs)
        for k in range(len(toks)):
            if k in used or not toks[k].w.startswith(adverb_first):
                continue
            for c, per in self.adverbs:
                if s.match(k, c):
                    add("periodicity", f"1/{per}", k, k + len(c))
                    break

        # majorities («большинством голосов», «көпшілік дауыспен»)
        majority_first = tuple(c[0][0] for c in self.majority)
        for k in range(len(toks)):
            if not toks[k].w.startswith(majority_first):
                continue
            hit = next((c for c in self.majority if s.match(k, c)), None)
            if k in used or hit is None:
                continue
            if s.ending_before(k, self.majority_skip, window=1):
                continue
            if any(s.tok_range(n.start, n.end)[0] in range(k + 1, k + 4) and n.kind == "fraction" for n in nums):
                continue
            kind = "quorum" if s.has(self.quorum) and not s.has(self.threshold) else "threshold"
            add(kind, "1/2", k, k + 1, "more_than", base=self._base(s, k, k + 1))

        for n in nums:
            i, j = s.tok_range(n.start, n.end)
            if i >= j or any(x in used for x in range(i, j)):
                continue
            self._number(s, n, i, j, add, used)

        # «в месячный срок», «тридцатидневный срок», «за день до», «бір айдан кешіктірмей»
        unit_stems = self.compound_stems
        for k, t in enumerate(toks):
            if k in used:
                continue
            unit = None
            comp = split_compound(t.w, self.lang) if self.lang == "ru" else None
            if comp:
                unit = next((u for stem, u in self.compound_units.items() if comp[1].startswith(stem)), None)
                qty = comp[0]
            # (a word no compound unit's stem begins: no unit, without the search; issue 14)
            if unit is None and self.lang == "ru" and t.w.startswith(unit_stems):
                unit = next((u for stem, u in self.compound_units.items() if t.w.startswith(stem) and stem != "летн"), None)
                qty = 1
            if unit is None and t.w in self.implicit_one:
                unit, qty = _time_unit(t.w, self.lang), 1
                if unit is None:
                    unit = next((u for stem, u in self.compound_units.items() if t.w.startswith(stem)), None)
            if unit is None:
                continue
            self._duration(s, qty, unit, k, k + 1, add, implicit=True)
        return [f for f, _, _ in sorted(facts, key=lambda x: x[1])]

    def _number(self, s: _Sentence, n: Numeral, i: int, j: int, add, used) -> None:
        toks = s.toks
        after = s.text[n.end:n.end + 2]
        if n.written == "digits" and (after.startswith(")") or (after.startswith(". ") and not s.text[:n.start].strip())):
            return      # «7)», «12. …»: the number of a point, not a quantity
        if s.ending_before(i, self.not_count_before, window=1):
            return      # «ни один депутат», «бірде бір»
        if n.kind == "fraction":
            if s.starting_after(j, [c for cs in self.units.values() for c in cs], window=0):
                pass  # «половина ставки»: an amount, not a vote
            else:
                quorum, threshold = s.has(self.quorum), s.has(self.threshold)
                base = self._base(s, i, j)
                if quorum or threshold or base:
                    kind = "quorum" if quorum and not (threshold and not s.has(self.quorum, max(0, i - 12), j + 12)) else "threshold"
                    rel = self._bound(s, i, j)
                    if rel == "exact" and n.value == Fraction(1, 2) and s.ending_before(i, [(("более", False),)], 1):
                        rel = "more_than"
                    add(kind, _num(n.value), i, j, rel, base=base)
                return
        if isinstance(n.value, int) and 1800 <= n.value <= 2100 and j < len(toks) and toks[j].w.startswith(("год", "жыл", "г")):
            return  # a year, not a duration
        # skip the day-type adjective between the number and its unit
        k = j
        day_type = None
        for _ in range(2):
            if k < len(toks):
                dt = self._day_type(s, k, k + 1)
                if dt:
                    day_type, k = dt, k + 1
        # amounts and rates
        scale = 1
        if k < len(toks) and toks[k].w in self.scale:
            scale, k2 = self.scale[toks[k].w], k + 1
        else:
            k2 = k
        for unit, cues in self.units.items():
            hit = next((c for c in cues if s.match(k2, c)), None)
            if hit is None and unit == "%" and s.text[toks[j - 1].end:toks[j - 1].end + 2].strip().startswith("%"):
                pct_end = s.text.index("%", toks[j - 1].end)
                st = toks[i].start
                f_val = n.value * scale
                add("rate", f"{_num(f_val)} %", i, j, self._bound(s, i, j))
                return
            if hit is not None:
                val = n.value * scale if not isinstance(n.value, float) else round(n.value * scale, 6)
                add("rate" if unit == "%" else "amount", f"{_num(val)} {unit}", i, k2 + len(hit), self._bound(s, i, j))
                return
        # «жиырма бес жасқа толған»: KK counts age in its own unit
        if k < len(toks) and any(toks[k].w.startswith(u) for u in self.age_units):
            add("age", _duration(n.value, "P1Y"), i, k + 1, self._bound(s, i, j))
            return
        # durations
        if k < len(toks):
            unit = _time_unit(toks[k].w, self.lang)
            if unit is None and self.lang == "ru" and n.value == 1 and toks[k].w in ("раз",):
                unit = None
            if unit is not None and (not isinstance(n.value, int) or n.value < 1000):
                self._duration(s, n.value, unit, i, k + 1, add, day_type=day_type)
                return
        # persons: counts, quorums and thresholds by head count
        if k < len(toks) and s.has(self.persons, k, k + 1) and isinstance(n.value, int) and n.value < 10000:
            quorum = s.has(self.quorum, max(0, i - 12), k + 12)
            threshold = s.has(self.count_threshold, max(0, i - 5), k + 3)
            kind = "quorum" if quorum else ("threshold" if threshold else "count")
            add(kind, _num(n.value), i, k + 1, self._bound(s, i, j))

    def _duration(self, s: _Sentence, qty, unit: str, i: int, j: int, add, day_type=None, implicit=False) -> None:
        toks = s.toks
        if implicit and j < len(toks) and _word_is_number(toks[j].w, self.lang):
            return      # «в течение дня два заседания»: not a deadline
        if unit.startswith("PT") and s.has(self.duration_skip):
            return      # speaking time («в пределах одного часа» for a report): not a deadline
        # age and service: the nearer cue decides («достигший 25 лет, имеющий стаж не менее 3 лет»)
        if unit == "P1Y":
            def dist(cues, lo, hi):
                hits = [abs(st - i) if st < i else st - j for st in range(max(0, lo), min(len(toks), hi))
                        for c in cues if s.match(st, c)]
                return min(hits) if hits else None
            da, ds = dist(self.age, i - 3, j + 3), dist(self.service, i - 7, j + 4)
            if da is not None and (ds is None or da <= ds):
                add("age", _duration(qty, unit), i, j, self._bound(s, i, j))
                return
            if ds is not None:
                add("service", _duration(qty, unit), i, j, self._bound(s, i, j))
                return
        if s.ending_before(i, self.term, window=1) or (self.lang == "kk" and s.starting_after(j, self.term, window=0)):
            add("term", _duration(qty, unit), i, j, "exact")
            return
        window = 1 if implicit and self.lang == "ru" and not split_compound(toks[i].w, "ru") else 2
        if implicit and self.lang == "ru" and split_compound(toks[i].w, "ru"):
            window = 3
        befores = s.all_ending_before(i, [c for c, _ in self.dl_before], window)
        if implicit and befores and window < 3:
            befores = s.all_ending_before(i, [c for c, _ in self.dl_before], 3)
        afters = s.all_starting_after(j, [c for c, _ in self.dl_after], 2 if self.lang == "kk" else 0)
        if not befores and not afters:
            return
        if implicit and not befores and not (self.lang == "kk" and afters):
            return
        rels = {self.dl_before[ci][1] for ci, _ in befores} | {self.dl_after[ci][1] for ci, _ in afters}
        relation = next(r for cond, r in (("min_before", "at_least_before"), ("max", "within"), ("before", "before"),
                                          ("after", "after"), ("min", "at_least"), ("", "within"))
                        if cond in rels or cond == "")
        lo = min([st for _, st in befores] + [i])
        hi = j
        if self.lang == "kk" and afters:
            ci, st = max(afters, key=lambda x: x[1])
            hi = st + len(self.dl_after[ci][0])
        after = min(afters, key=lambda x: x[1]) if afters else None
        if day_type is None:
            day_type = self._day_type(s, i - 1 if self.lang == "kk" else i, j)
        anchor_from = i if self.lang == "kk" else lo
        add("deadline", _duration(qty, unit), lo, hi, relation, anchor=self._anchor(s, anchor_from, hi, after),
            day_type=day_type)


_ANY_DIGIT = re.compile(r"\d")
_FOLD_CYR = re.compile(f"[{G.CYR_LOWER}]", re.IGNORECASE)     # what ``fold`` asks of a text


def _fold_text(t: str) -> str:
    """``fold`` of a whole sentence (look-alike letters undone), without filling fold's cache."""
    return getattr(fold, "__wrapped__", fold)(t)


@lru_cache(maxsize=2)
def _maybe_fact(lang: str) -> "re.Pattern":
    """A quick test a sentence must pass to be read: a digit, a number word's stem or a cue that
    can state a fact without a number («ежегодно», «большинством», «месячный»)."""
    from maslihat.nlp.numerals import number_stems
    ex = _extractor(lang)
    stems = set(number_stems(lang)) | set(ex.starters)
    # the stems as a trie (one branch per shared beginning) instead of hundreds of alternatives
    # tried one by one at every position: only whether some stem starts here matters, and a
    # longer stem starts only where its own beginnings do, so the shortest ones suffice
    return re.compile(rf"\d|(?<![^\W\d_])(?:{_trie_pattern(x for x in stems if x)})", re.IGNORECASE)


@lru_cache(maxsize=2)
def _maybe_fact_after(lang: str) -> "re.Pattern":
    """``_maybe_fact(lang)`` written to be searched from the character before a sentence (a space:
    sentences begin after one): that character, or one inside, that is not a letter, then a
    stem; or a digit. Beginning with a class of characters (not a look-behind), the regex engine
    skips to the next such character instead of trying every position (issue 14: a third less
    CPU on the sentences without a digit; the same answers, tested on every sentence of the real
    texts and on random ones)."""
    trie = _maybe_fact(lang).pattern[len(r"\d|(?<![^\W\d_])"):]
    return re.compile(rf"[\W\d_](?:(?<=\d)|{trie})", re.IGNORECASE)


def _trie_pattern(words) -> str:
    """A regex matching where one of ``words`` starts (not necessarily the longest of them)."""
    root: dict = {}
    for w in sorted(set(words)):
        node = root
        for ch in w:
            if node.get("") is True:       # a shorter word already ends here
                break
            node = node.setdefault(ch, {})
        else:
            node.clear()
            node[""] = True

    def pat(node: dict) -> str:
        alts = [re.escape(ch) + ("" if sub.get("") is True else pat(sub))
                for ch, sub in sorted(node.items()) if ch != ""]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return pat(root)


@lru_cache(maxsize=2)
def _extractor(lang: str) -> _Extractor:
    return _Extractor(lang)


def extract(text: str, lang: str, offset: int = 0) -> list[Fact]:
    """Every fact stated in ``text`` (one language); offsets are ``offset`` + position in ``text``."""
    if lang not in ("ru", "kk"):
        raise ValueError(f"facts: unknown language {lang!r} (ru or kk)")
    ex = _extractor(lang)
    maybe = _maybe_fact(lang)
    maybe_after = _maybe_fact_after(lang)
    memo = _MEMO.setdefault(lang, {})
    out: list[Fact] = []
    folded = None       # the whole text folded once, when that keeps every offset
    for a, b in _sentences(text):
        # a digit passes the test as it is (fold keeps digits): fold only the sentences without one
        if not _ANY_DIGIT.search(text, a, b):
            if folded is None:
                folded = _fold_text(text)
                folded = folded if len(folded) == len(text) else ""
            # a sentence with a Cyrillic letter folds as its part of the folded text (fold maps
            # characters one by one, and sentences end at spaces); another is folded on its own
            if folded and _FOLD_CYR.search(text, a, b):
                # a sentence after the first begins after a space (``_sentences``), kept by fold
                hit = maybe_after.search(folded, a - 1, b) if a else maybe.search(folded, a, b)
            else:
                hit = maybe.search(_fold_text(text[a:b]))
            if not hit:
                continue        # no figure, no number word, no cue: most sentences of an act
        sentence = text[a:b]
        known = memo.get(sentence)
        if known is None:
            if len(memo) >= _MEMO_MAX:
                memo.clear()
            known = memo[sentence] = _sentence_facts(ex, sentence, lang)
        at = offset + a
        out.extend(_moved(f, at) for f in known)
    return out


def _moved(f: Fact, at: int) -> Fact:
    """``replace(f, start=f.start + at, end=f.end + at, extra=dict(f.extra))`` without running
    ``__init__`` through ``replace`` (a Fact has no ``__post_init__`` and no init-only field)."""
    g = object.__new__(Fact)
    d = g.__dict__
    d.update(f.__dict__)
    d["start"] += at
    d["end"] += at
    d["extra"] = dict(f.extra)
    return g


_CUE_HITS_MAX = 65_536      # words whose trigger cues an extractor remembers (``_cues_held``)

# sentence -> its facts at offset 0, per language: acts repeat sentences (a Russian and a
# Kazakh file in two formats, standard formulas, the generator's drawn points), and a sentence's
# facts depend on its own text only
_MEMO: dict[str, dict[str, list[Fact]]] = {}
_MEMO_MAX = 20_000


def _sentence_facts(ex: _Extractor, sentence: str, lang: str) -> list[Fact]:
    """The facts of one sentence, offsets from its start, with their subjects."""
    s = _Sentence(sentence, 0, lang)
    facts = ex.sentence(s)
    prev = 0
    for f in facts:
        i, j = s.tok_range(f.start - s.offset, f.end - s.offset)
        hi = j
        while hi < len(s.toks) and hi - j < 8 and not _CLAUSE_PUNCT.search(s.text[s.toks[hi - 1].end:s.toks[hi].start]):
            hi += 1
        f.subject = ex._subject(s, f.kind, prev, hi)
        lo = max(prev, i - 8)
        f.subject_words = s.words(lo, i) if i > lo else s.words(j, min(len(s.toks), j + 6))
        prev = j
    return facts


def document_facts(doc, units: list) -> list[Fact]:
    """The facts of one document, each given the id of the smallest unit that holds it."""
    facts = extract(doc.text, doc.language)
    spans = sorted(((u.end - u.start, u.start, u.end, u.id) for u in units))
    for n, f in enumerate(facts):
        f.document_id = doc.id
        f.unit_id = next((uid for _, a, b, uid in spans if a <= f.start and f.end <= b), None)
        f.id = f"{doc.id}:f{n}"
    return facts
