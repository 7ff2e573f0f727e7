"""Cross-lingual and synonym expansion of query terms, from a manual glossary and learned pairs.

Why: a Russian query must find the Kazakh version of the same point (and vice versa), and users
say "права депутата" where the law says "полномочия депутата". ``expand`` works on normalised
terms (``nlp.analyze.query_terms``), so its output goes straight to the index.

* manual glossary first (``data/glossary.json``: domain.md §7 plus synonyms), longest phrase wins;
* learned word pairs second (``data/glossary_learned.json``, built by ``scripts/learn_glossary.py``
  from the aligned points of seed 001 with Dice co-occurrence);
* a term neither knows is kept as is: loans, names and numbers are spelled alike in both
  languages (депутат, бюджет, Көкшетау, 36), and маслихат/аким are folded by ``analyze``.
"""
from __future__ import annotations

import hashlib
import itertools
import json
from collections import Counter
from functools import lru_cache
from pathlib import Path

from maslihat.nlp.analyze import index_terms

DATA = Path(__file__).resolve().parent / "data"
MANUAL = DATA / "glossary.json"
LEARNED = DATA / "glossary_learned.json"
# the thesaurus's phrases as the analyser reads them, generated (``scripts/glossary_terms.py``):
# analysing its ~2,000 phrases costs a fresh search process ~50 ms (issue 14, first query)
TERMS = DATA / "glossary_terms.json"
MAX_ALTERNATIVES = 6
OTHER = {"ru": "kk", "kk": "ru"}


@lru_cache(maxsize=1)
def terms_key() -> str:
    """What the analysed phrases depend on: the thesaurus, the analyser's code and word lists,
    and pymorphy3's version. ``TERMS`` is used only when its key is this one."""
    from maslihat.nlp.lang.ru.lemmatizer import lexicon_version
    here = Path(__file__).resolve().parent
    h = hashlib.sha256(lexicon_version().encode())
    for f in [MANUAL, here / "analyze.py", *sorted((here / "lang").rglob("*.py")),
              *sorted((here / "lang").rglob("*.txt"))]:
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


def analysed_phrases() -> dict:
    """{"key": terms_key(), "ru": {phrase: [terms]}, "kk": {...}}: every phrase of the thesaurus
    analysed now, what ``scripts/glossary_terms.py`` writes to ``TERMS``."""
    data = json.loads(MANUAL.read_text(encoding="utf-8"))
    out: dict = {"key": terms_key(), "ru": {}, "kk": {}}
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
    """{"ru": {ru_term: [kk_terms]}, "kk": {kk_term: [ru_terms]}} from the shipped table."""
    table = load(LEARNED) if LEARNED.exists() else {}
    rev: dict[str, list[str]] = {}
    for ru, kks in table.items():
        for kk in kks:
            rev.setdefault(kk, []).append(ru)
    return {"ru": table, "kk": rev}


@lru_cache(maxsize=1)
def shared_spellings() -> frozenset:
    """One-word terms spelled alike in Russian and Kazakh (депутат, сессия, комиссия, бюджет), from
    the manual pairs and the learned table: such a word says nothing about a query's language."""
    data = json.loads(MANUAL.read_text(encoding="utf-8"))
    out = {w for e in data["pairs"] for w in set(e["ru"]) & set(e["kk"]) if " " not in w}
    out |= {ru for ru, kks in _learned()["ru"].items() if ru in kks}
    return frozenset(out)


@lru_cache(maxsize=4)
def _phrases(lang: str) -> tuple[frozenset, int]:
    """The glossary's and synonym groups' phrases of ``lang`` (term tuples) and the longest's length."""
    trans, syn = _manual()
    keys = frozenset({k[1] for k in trans if k[0] == lang} | set(syn[lang]))
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


def _combine(options: list[list[tuple[str, ...]]]) -> list[list[str]]:
    seqs = []
    for combo in itertools.islice(itertools.product(*options), MAX_ALTERNATIVES):
        seq = [t for seg in combo for t in seg]
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

    def word(t: str) -> list[tuple[str, ...]]:
        return (trans.get((from_lang, (t,)), {}).get(to_lang)
                or [(x,) for x in learned[from_lang].get(t, [])] or [(t,)])

    other = []
    for alts in same:                       # the segment and its synonyms
        t: list[tuple[str, ...]] = []
        for a in alts:
            t.extend(x for x in trans.get((from_lang, a), {}).get(to_lang, []) if x not in t)
        if not t:                           # word by word: "права депутата" -> құқық депутат
            for a in alts:
                for combo in itertools.islice(itertools.product(*(word(w) for w in a)), 2):
                    seq = tuple(x for part in combo for x in part)
                    if seq not in t:
                        t.append(seq)
        other.append(t)
    return {from_lang: _combine(same), to_lang: _combine(other)}


def learn_pairs(pairs: list[tuple[str, str]], min_count: int = 3, min_dice: float = 0.5,
                per_term: int = 2) -> dict[str, list[str]]:
    """RU -> KK term table from aligned (RU text, KK text) units by Dice co-occurrence.

    Each unit contributes the sets of its terms; Dice = 2·c(r,k) / (df(r) + df(k)). Keeps pairs seen
    together at least ``min_count`` times with Dice ≥ ``min_dice``, at most ``per_term`` KK terms
    per RU term, each within 80 % of the best — strong pairs only, the rest is noise at this size.
    """
    df_ru, df_kk, co = Counter(), Counter(), Counter()
    for ru_text, kk_text in pairs:
        r, k = set(index_terms(ru_text, "ru")), set(index_terms(kk_text, "kk"))
        df_ru.update(r)
        df_kk.update(k)
        co.update(itertools.product(r, k))
    best: dict[str, list[tuple[float, str]]] = {}
    for (r, k), c in co.items():
        if c < min_count or r.isdigit() or k.isdigit():
            continue
        dice = 2 * c / (df_ru[r] + df_kk[k])
        if dice >= min_dice:
            best.setdefault(r, []).append((dice, k))
    table = {}
    for r, cands in sorted(best.items()):
        cands.sort(reverse=True)
        top = cands[0][0]
        table[r] = [k for d, k in cands[:per_term] if d >= 0.8 * top]
    return table


def save(table: dict[str, list[str]], path: Path = LEARNED) -> None:
    Path(path).write_text(json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")


def load(path: Path = LEARNED) -> dict[str, list[str]]:
    return json.loads(Path(path).read_text(encoding="utf-8"))
