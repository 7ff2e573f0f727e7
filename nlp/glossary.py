"""Cross-lingual and synonym expansion of query terms, from a manual glossary and learned pairs.

Why: a Russian query must find the Kazakh version of the same point (and vice versa), and users
say "права депутата" where the law says "полномочия депутата". ``expand`` works on normalised
terms (``nlp.analyze.query_terms``), so its output goes straight to the index.

* manual glossary first (``data/glossary.json``: domain.md §7 plus synonyms), longest phrase wins;
* learned pairs second (``data/glossary_learned.json``, built by ``scripts/learn_glossary.py`` from
  the aligned units of a corpus by competitive linking, ``learn_table``): a Russian word and a
  Kazakh word or sequence of up to three («внеочередной» = «кезек тыс»), read both ways;
* a term neither knows is kept as is: loans, names and numbers are spelled alike in both
  languages (депутат, бюджет, Көкшетау, 36), and маслихат/аким are folded by ``analyze``.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import math
from collections import Counter
from functools import lru_cache
from pathlib import Path

from maslihat.core import grammar as _grammar
from maslihat.nlp.analyze import index_terms

DATA = Path(__file__).resolve().parent / "data"
MANUAL = DATA / "glossary.json"
LEARNED = DATA / "glossary_learned.json"
# the thesaurus's phrases as the analyser reads them, generated (``scripts/glossary_terms.py``):
# analysing its ~2,000 phrases costs a fresh search process ~50 ms (issue 14, first query)
TERMS = DATA / "glossary_terms.json"
# what ``analyze.index_terms`` reads: the letter classes, the folds, both languages' stop words,
# spellings and morphology
_HERE = Path(__file__).resolve().parent
ANALYSER_FILES = (Path(_grammar.__file__).resolve().parent / "common.yaml", _HERE / "analyze.py", _HERE / "lang" / "__init__.py",
                  *(_HERE / "lang" / lang / f"{name}.py" for lang, names in
                    (("ru", ("stop_words", "tokenizer_exceptions", "lemmatizer")),
                     ("kk", ("stop_words", "tokenizer_exceptions", "stemmer"))) for name in names),
                  _HERE / "lang" / "kk" / "soft_loans.txt",       # the stemmer's loans in «ь»
                  _HERE / "lang" / "kk" / "locative_like.txt")    # its stems in -да/-та («команда»)
MAX_ALTERNATIVES = 6
OTHER = {"ru": "kk", "kk": "ru"}


@lru_cache(maxsize=1)
def terms_key() -> str:
    """What the analysed phrases depend on in this project: the thesaurus and the analyser's files
    (``ANALYSER_FILES``). ``TERMS`` is used only when its key is this one and its ``lexicon`` (pymorphy3's
    version, which Russian lemmas also depend on) is this installation's."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for f in [MANUAL, *ANALYSER_FILES]:
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


def analysed_phrases() -> dict:
    """{"key": terms_key(), "lexicon": pymorphy3's version, "ru": {phrase: [terms]}, "kk": {...}}:
    every phrase of the thesaurus analysed now, what ``scripts/glossary_terms.py`` writes to ``TERMS``."""
    from maslihat.nlp.lang.ru.lemmatizer import lexicon_version
    data = json.loads(MANUAL.read_text(encoding="utf-8"))
    out: dict = {"key": terms_key(), "lexicon": lexicon_version(), "ru": {}, "kk": {}}
    for entry in data["pairs"]:
        for lang in ("ru", "kk"):
            for p in entry[lang]:
                out[lang][p] = index_terms(p, lang)
    for lang, groups in data.get("synonyms", {}).items():
        for group in groups:
            for p in (group["terms"] if isinstance(group, dict) else group):
                out[lang][p] = index_terms(p, lang)
    return out


@lru_cache(maxsize=1)
def _shipped() -> dict:
    """{(lang, phrase): terms} from ``TERMS`` when it was made for this thesaurus and analyser;
    else empty (every phrase is then analysed: same answers, slower)."""
    try:
        data = json.loads(TERMS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("key") != terms_key():
        return {}
    from maslihat.nlp.lang.ru.lemmatizer import lexicon_version
    if data.get("lexicon") != lexicon_version():       # another pymorphy3: Russian analysed anew
        return {("kk", p): tuple(t) for p, t in data.get("kk", {}).items()}
    return {(lang, p): tuple(t) for lang in ("ru", "kk") for p, t in data.get(lang, {}).items()}


def _norm(phrase: str, lang: str) -> tuple[str, ...]:
    kept = _shipped().get((lang, phrase))
    return kept if kept is not None else tuple(index_terms(phrase, lang))


@lru_cache(maxsize=1)
def _manual() -> tuple[dict, dict]:
    """({(lang, terms): {target_lang: [terms, ...]}}, {lang: {terms: [synonym terms, ...]}})."""
    data = json.loads(MANUAL.read_text(encoding="utf-8"))
    trans: dict[tuple[str, tuple[str, ...]], dict[str, list[tuple[str, ...]]]] = {}
    for entry in data["pairs"]:
        ru = [_norm(p, "ru") for p in entry["ru"]]
        kk = [_norm(p, "kk") for p in entry["kk"]]
        for src_lang, src, tgt_lang, tgt in (("ru", ru, "kk", kk), ("kk", kk, "ru", ru)):
            for s in src:
                slot = trans.setdefault((src_lang, s), {}).setdefault(tgt_lang, [])
                slot.extend(t for t in tgt if t not in slot)
    syn: dict[str, dict[tuple[str, ...], list[tuple[str, ...]]]] = {"ru": {}, "kk": {}}
    for lang, groups in data.get("synonyms", {}).items():
        for group in groups:
            if isinstance(group, dict):         # {"terms": [...], "source": "..."}
                group = group["terms"]
            normed = [_norm(p, lang) for p in group]
            for s in normed:
                slot = syn[lang].setdefault(s, [])
                slot.extend(o for o in normed if o != s and o not in slot)
    return trans, syn


@lru_cache(maxsize=1)
def _learned() -> dict[str, dict[str, list[str]]]:
    """{"ru": {ru_term: [kk sequences]}, "kk": {kk sequence: [ru_terms]}} from the shipped table; a
    sequence is its terms joined by spaces («кезек тыс»)."""
    return load(LEARNED) if LEARNED.exists() else {"ru": {}, "kk": {}}


@lru_cache(maxsize=4)
def _learned_keys(lang: str) -> tuple[frozenset, int]:
    """The learned table's multi-term sources of ``lang`` (term tuples) and the longest's length."""
    keys = frozenset(tuple(k.split()) for k in _learned().get(lang, {}) if " " in k)
    return keys, max((len(k) for k in keys), default=1)


@lru_cache(maxsize=1)
@lru_cache(maxsize=2)
def known_terms(lang: str) -> frozenset:
    """Index terms of ``lang`` the thesaurus and the learned RU↔KK table know (each word of their
    expressions): the law's words, whether or not a corpus uses them («ономастикалық», «мэр»)."""
    out = {t for phrase in _phrases(lang)[0] for t in phrase}
    out.update(t for k in _learned().get(lang, {}) for t in k.split())   # a learned sequence: «кезек тыс»
    return frozenset(out)


def shared_spellings() -> frozenset:
    """One-word terms spelled alike in Russian and Kazakh (депутат, сессия, комиссия, бюджет), from
    the manual pairs and the learned table: such a word says nothing about a query's language."""
    data = json.loads(MANUAL.read_text(encoding="utf-8"))
    out = {w for e in data["pairs"] for w in set(e["ru"]) & set(e["kk"]) if " " not in w}
    out |= {ru for ru, kks in _learned()["ru"].items() if ru in kks and " " not in ru}
    return frozenset(out)


@lru_cache(maxsize=4)
def _phrases(lang: str) -> tuple[frozenset, int]:
    """The glossary's, synonym groups' and learned table's phrases of ``lang`` (term tuples) and the
    longest's length."""
    trans, syn = _manual()
    keys = frozenset({k[1] for k in trans if k[0] == lang} | set(syn[lang]) | _learned_keys(lang)[0])
    return keys, max((len(k) for k in keys), default=1)


def _segments(terms: list[str], lang: str) -> list[tuple[str, ...]]:
    """Greedy longest-first split of ``terms`` into glossary/synonym phrases and single terms."""
    keys, longest = _phrases(lang)
    out, i = [], 0
    while i < len(terms):
        for n in range(min(longest, len(terms) - i), 0, -1):
            seg = tuple(terms[i:i + n])
            if n == 1 or seg in keys:
                out.append(seg)
                i += n
                break
    return out


class Loose(tuple):
    """A word-by-word rendering in the other language: its words need not stand together or in
    this order («права депутата» -> құқық депутат, where Kazakh says «депутаттың құқығы»)."""


def _combine(options: list[list[tuple[str, ...]]]) -> list[list[str]]:
    seqs = []
    for combo in itertools.islice(itertools.product(*options), MAX_ALTERNATIVES):
        seq = [t for seg in combo for t in seg]
        if len(combo) == 1 and isinstance(combo[0], Loose):
            seq = Loose(seq)
        if seq not in seqs:
            seqs.append(seq)
    return seqs


def expand(terms: list[str], from_lang: str) -> dict[str, list[list[str]]]:
    """Normalised query terms -> {lang: [alternative term sequences]} for both languages.

    The source language gets the query itself first, then synonym variants; the other language
    gets translations (manual glossary, else learned pairs, else the term unchanged).
    """
    trans, syn = _manual()
    learned = _learned()
    to_lang = OTHER.get(from_lang, "kk")
    segs = _segments(list(terms), from_lang)
    same = [[s] + syn[from_lang].get(s, []) for s in segs]

    def word(t: tuple[str, ...]) -> list[tuple[str, ...]]:
        """A term, or a learned sequence of terms («кезек тыс» -> внеочередной), in ``to_lang``."""
        return (trans.get((from_lang, t), {}).get(to_lang)
                or [tuple(x.split()) for x in learned.get(from_lang, {}).get(" ".join(t), [])] or [t])

    def pieces(a: tuple[str, ...]) -> list[tuple[str, ...]]:
        """``a`` split longest-first into the learned table's sequences and single terms."""
        keys, longest = _learned_keys(from_lang)
        out, i = [], 0
        while i < len(a):
            n = next(n for n in range(min(longest, len(a) - i), 0, -1) if n == 1 or a[i:i + n] in keys)
            out.append(a[i:i + n])
            i += n
        return out

    other = []
    for alts in same:                       # the segment and its synonyms
        t: list[tuple[str, ...]] = []
        for a in alts:
            t.extend(x for x in trans.get((from_lang, a), {}).get(to_lang, []) if x not in t)
        if not t:                           # word by word: "права депутата" -> құқық депутат
            for a in alts:
                for combo in itertools.islice(itertools.product(*(word(w) for w in pieces(a))), 2):
                    seq = tuple(x for part in combo for x in part)
                    if len(combo) > 1:
                        seq = Loose(seq)
                    if seq not in t:
                        t.append(seq)
        other.append(t)
    return {from_lang: _combine(same), to_lang: _combine(other)}


# --- learning the table from aligned units (scripts/learn_glossary.py) ------------------------------
def _grams(terms: tuple[str, ...], max_n: int) -> dict[tuple[str, ...], list[int]]:
    """Contiguous term sequences of length 1..max_n -> their start positions. Numbers, one-letter
    terms and sequences repeating a term are left out (nothing to translate, or noise)."""
    out: dict[tuple[str, ...], list[int]] = {}
    for n in range(1, max_n + 1):
        for i in range(len(terms) - n + 1):
            g = terms[i:i + n]
            if any(len(t) < 2 or any(c.isdigit() for c in t) for t in g) or len(set(g)) < n:
                continue
            out.setdefault(g, []).append(i)
    return out


def _llr(c: int, a: int, b: int, n: int) -> float:
    """Dunning's log-likelihood ratio of ``c`` units holding both of two items seen in ``a`` and
    ``b`` of ``n`` units."""
    def h(*ks):
        t = sum(ks)
        return sum(k * math.log(k / t) for k in ks if k > 0)
    k11, k12, k21, k22 = c, a - c, b - c, n - a - b + c
    return 2 * (h(k11, k12, k21, k22) - h(k11 + k12, k21 + k22) - h(k11 + k21, k12 + k22))


def _dice(c: int, a: int, b: int) -> float:
    return 2 * c / (a + b) if a + b else 0.0


def light_verb(term: str) -> bool:
    """A Kazakh index term that is a form of a light verb («етед», «етілмей»; ``lang.kk.verbs.light``)."""
    from maslihat.nlp.lang.kk.verbs import light
    return light(term)


@lru_cache(maxsize=1)
@lru_cache(maxsize=65536)
def renderings(term: str, lang: str) -> frozenset:
    """``term`` (an index term of ``lang``) and its words in the other language: the manual glossary's
    and the learned RU↔KK table's, the term itself (loans and names are spelled alike) — what the
    RU/KK report reads one list item against another by (``nlp.compare_rukk``)."""
    trans, _ = _manual()
    other = "kk" if lang == "ru" else "ru"
    out = {term}
    for t in trans.get((lang, (term,)), {}).get(other, []):
        out.update(t)
    for seq in _learned().get(lang, {}).get(term, []):
        out.update(seq.split())
    return frozenset(out)


def _kk_to_ru() -> dict:
    """Each Kazakh letter -> the Russian one typed for it (``nlp.lang.kk.letters.STAND_IN``)."""
    from maslihat.nlp.lang.kk.letters import STAND_IN
    return str.maketrans(STAND_IN)


def _prefix(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """How many letters the two sequences begin with alike (Kazakh letters read as their Russian
    neighbours)."""
    x, y = " ".join(a).translate(_kk_to_ru()), " ".join(b).translate(_kk_to_ru())
    return next((i for i, (c, d) in enumerate(zip(x, y)) if c != d), min(len(x), len(y)))


def _alike(ru: tuple[str, ...], kk: tuple[str, ...]) -> bool:
    """The two spelled alike (a shared beginning of ≥ 4 letters): «сенат» сенат, «акмолинский»
    ақмола, «стандартизация» стандарттау."""
    return _prefix(ru, kk) >= 4


def number_word(term: str, lang: str) -> bool:
    """A quantity written as a word (``nlp.numerals``): «четыре», «треть», «төрт», «екіс»
    (the stem of «екісі»), «жартыс» (of «жартысы»); not an ordinal («первый», «бірінші»: an adjective that
    also has other words, «алғашқы»)."""
    from maslihat.nlp import numerals
    from maslihat.nlp.lang import fold
    w = fold(term)
    forms = [w] + ([w + "і", w + "ы"] if lang == "kk" else [])
    return any((n := numerals._word(f, lang)) is not None and n.role != "ordinal" for f in forms)


def learn_table(pairs: list[tuple], min_count: int = 3, min_dice: float = 0.3,
                floor: float = 0.2, max_n: int = 3, rounds: int = 2, per_term: int = 2,
                phrase_count: int = 4, phrase_dice: float = 0.5, phrase_margin: float = 0.1,
                phrase_word: float = 0.2, penalty: float = 0.05,
                one_act: int = 6) -> dict[str, dict[str, list[str]]]:
    """{"ru": {ru term: [kk sequences]}, "kk": {kk sequence: [ru terms]}} from aligned (RU text,
    KK text) units by competitive linking (Melamed 2000) over Dice-scored candidates.

    A Russian term pairs with a Kazakh sequence of 1..``max_n`` contiguous terms: one Russian word is
    often two or three Kazakh ones («внеочередной» = «кезек тыс», «самоуправление» = «өз басқару»).
    Identical units (one text in several editions) count once. Candidates: a term and a word seen
    together in ≥ ``min_count`` units with Dice ≥ ``floor``; a term and a sequence only when the
    sequence is clearly better than its parts — seen together ≥ ``phrase_count`` times, Dice ≥
    ``phrase_dice`` and ≥ ``phrase_margin`` above the Dice of every shorter part, and each of its
    words itself associated (Dice ≥ ``phrase_word``). Then in every unit pair, candidates are linked
    greedily, best first (log-likelihood in the first round, a sequence's score lowered by
    ``penalty`` (a share) per extra term), each term position used at most once: a collocate
    («малообеспеченный» beside «семья») loses the position its own partner takes, which
    co-occurrence alone cannot tell. Link counts re-score the pairs by Dice (``rounds`` times); a pair is kept when linked in ≥
    ``min_count`` units with link Dice ≥ ``min_dice``; each side keeps its best ``per_term``
    targets within 80 % of its best, and a pair either side keeps is read both ways, best first.
    Deterministic (ties broken by the terms).

    Against wrong pairs from collocation (issue 16, session 27; ``bench.learned_pairs``): in a unit
    a number word (``number_word``: «четыре», «төрт», not an ordinal) links with a number word before
    it links with any other word («созывается не реже 4 раз» / «кемінде төрт рет шақырылады»: the
    verb takes «шақырылады», not «төрт»); a form of a Kazakh light verb (``light_verb``: «етед»,
    «етілмей») is no translation alone and begins no sequence (it may end one: «қамтамасыз ету»);
    and when ``pairs`` name the act of each unit (a third item), a word pair linked in one act only
    is kept when linked in ≥ ``one_act`` units, spelled alike (``_alike``: сенат, Ақмола) or another
    form of a word a kept pair gives (выявление: анықталған from three acts, анықтау from one) — the
    units of one act repeat one context, where a rare word's neighbours co-occur with it as
    perfectly as its translation («объемная доля этилового спирта» -> спирт). A sequence has passed
    stricter tests already and is not held to it.
    """
    groups: dict = {}                       # unit -> the acts it is in (when the caller names them)
    for p in pairs:
        key = (tuple(index_terms(p[0], "ru")), tuple(index_terms(p[1], "kk")))
        groups.setdefault(key, set()).update(p[2:3])
    units = list(groups)
    grams = [(_grams(r, 1), _grams(k, max_n)) for r, k in units]
    df_r: Counter = Counter()
    df_k: Counter = Counter()
    for gr, gk in grams:
        df_r.update(gr.keys())
        df_k.update(gk.keys())
    kept, co = [], Counter()
    for gr, gk in grams:
        gr = {g: p for g, p in gr.items() if df_r[g] >= min_count}
        gk = {g: p for g, p in gk.items() if df_k[g] >= min_count}
        kept.append((gr, gk))
        co.update(itertools.product(gr, gk))

    def dice(r, k) -> float:
        return _dice(co.get((r, k), 0), df_r[r], df_k[k])

    num_r = {r: number_word(r[0], "ru") for r in df_r}
    num_k = {k: any(number_word(w, "kk") for w in k) for k in df_k}
    score: dict = {}
    for (r, k), c in co.items():
        if light_verb(k[0]):
            continue                        # a light verb alone translates nothing, nor leads a sequence
        d = _dice(c, df_r[r], df_k[k])
        if len(k) == 1:
            if c >= min_count and d >= floor:
                score[(r, k)] = d
            continue
        if c < phrase_count or d < phrase_dice:
            continue
        parts = [k[i:j] for i in range(len(k)) for j in range(i + 1, len(k) + 1) if j - i < len(k)]
        if d < max(dice(r, p) for p in parts) + phrase_margin:
            continue
        if any(dice(r, (w,)) < phrase_word for w in k):
            continue
        score[(r, k)] = d
    links: Counter = Counter()
    # the first round links by log-likelihood (Dunning): it trusts a pair seen together often over a
    # rarer one with the same ratio, so «семья» keeps «отбасы» from its collocate «малообеспеченный»
    first = {p: _llr(co[p], df_r[p[0]], df_k[p[1]], len(units)) for p in score}
    for rnd in range(rounds):
        rank = first if rnd == 0 else score
        by_r: dict = {}
        for (r, k) in score:
            by_r.setdefault(r, []).append(k)
        links = Counter()
        link_acts: dict = {}
        for (gr, gk), acts in zip(kept, (groups[u] for u in units)):
            cands = [(r, k) for r in gr if r in by_r for k in by_r[r] if k in gk]
            # a number word links with a number word first: «четырех» takes «төрт» before
            # «созывается» can, which then finds its own verb («шақырылады»)
            cands.sort(key=lambda p: (num_r[p[0]] != num_k[p[1]],
                                      -(rank[p] * (1 - penalty * (len(p[1]) - 1))), len(p[1]), p))
            used_r: set = set()
            used_k: set = set()
            for r, k in cands:
                pr = next((i for i in gr[r] if i not in used_r), None)
                pk = next((i for i in gk[k] if not used_k.intersection(range(i, i + len(k)))), None)
                if pr is None or pk is None:
                    continue
                used_r.add(pr)
                used_k.update(range(pk, pk + len(k)))
                links[(r, k)] += 1
                link_acts.setdefault((r, k), set()).update(acts)
        linked = {p for p, n in links.items() if n >= min_count}
        sure = {p for p in linked if links[p] >= one_act or len(link_acts[p]) != 1 or _alike(*p)
                or len(p[1]) > 1}           # a sequence has passed stricter tests already
        # one act's pair is also kept as another form of a word a sure pair gives (выявление ->
        # анықталған from three acts, анықтау from one)
        forms: dict = {}
        for r, k in sure:
            forms.setdefault(r, []).append(k)
            forms.setdefault(k, []).append(r)
        sure |= {(r, k) for r, k in linked - sure if any(_prefix(k, o) >= 5 for o in forms.get(r, ()))
                 or any(_prefix(r, o) >= 5 for o in forms.get(k, ()))}
        score = {p: _dice(links[p], df_r[p[0]], df_k[p[1]]) for p in sure}
        score = {p: s for p, s in score.items() if s >= floor}
    final = {p: s for p, s in score.items() if s >= min_dice}
    chosen: set = set()                     # each side's best targets; a pair chosen by either side
    for key in (0, 1):                      # is read both ways (Кокшетау -> Көкшетау -> Кокшетау)
        cands: dict = {}
        for p, s in final.items():
            cands.setdefault(p[key], []).append((-s, p))
        for lst in cands.values():
            lst.sort()
            chosen.update(p for s, p in lst[:per_term] if -s >= 0.8 * -lst[0][0])
    out: dict[str, dict[str, list[str]]] = {"ru": {}, "kk": {}}
    for p in sorted(chosen, key=lambda p: (-final[p], p)):
        out["ru"].setdefault(" ".join(p[0]), []).append(" ".join(p[1]))
        out["kk"].setdefault(" ".join(p[1]), []).append(" ".join(p[0]))
    return {lang: dict(sorted(t.items())) for lang, t in out.items()}


def learn_pairs(pairs: list[tuple[str, str]], **kw) -> dict[str, list[str]]:
    """The Russian half of ``learn_table``: {ru term: [kk sequences]}."""
    return learn_table(pairs, **kw)["ru"]


def save(table: dict, path: Path = LEARNED) -> None:
    """One entry a line, sorted: {"ru": {term: [sequences]}, "kk": {sequence: [terms]}}."""
    lines = ["{"]
    for n, lang in enumerate(sorted(table)):
        entries = sorted(table[lang].items())
        lines.append(f"{json.dumps(lang)}: {{")
        lines += [f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
                  + ("," if i < len(entries) - 1 else "") for i, (k, v) in enumerate(entries)]
        lines.append("}" + ("," if n < len(table) - 1 else ""))
    lines.append("}")
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def load(path: Path = LEARNED) -> dict[str, dict[str, list[str]]]:
    """The table as ``save`` writes it; a table of the earlier format ({ru term: [kk terms]},
    one direction) is read as its Russian half and that half reversed."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if set(data) == {"ru", "kk"} and all(isinstance(v, dict) for v in data.values()):
        return data
    rev: dict[str, list[str]] = {}
    for ru, kks in data.items():
        for kk in kks:
            rev.setdefault(kk, []).append(ru)
    return {"ru": data, "kk": rev}
