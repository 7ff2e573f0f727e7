"""Probe (issue 16): would a general Russian wordnet (the ``wiki-ru-wordnet`` package, Wiktionary
synsets and hypernyms in a shipped SQLite file) bring a Russian query's words to the words of the
provisions that answer it?

    .venv/bin/python -m bench.wordnet_probe --db BENCH.sqlite [--db-file wikiwordnet.db]
                                            [--splits built,held,blind2,blind3] [--show]

``--db`` is the corpus ``bench.judged --db`` built (never built here). For every Russian judged
query of the splits asked (blind4 is never read), each content word (question words and stop
words out) is looked up in the wordnet by its index term (``nlp.analyze.normalize_term``); its
synonyms (the other lemmas of its synsets) and hypernyms (the lemmas of their first-level
hypernym synsets) are analysed the same way and kept when every term of them is an index term of
the corpus's Russian units. A kept alternative *reaches* the answer when all its terms occur in
one of the query's answering provisions (the judged unit, its descendants, its Russian parallel),
is *known* when the query already has it, and is *noise* otherwise. A word is a *gap* when its
own term is in none of the answering provisions: the case the wordnet is meant for.
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.judged import JUDGED, resolve, unit_table  # noqa: E402

SPLITS = ("built", "held", "blind2", "blind3")


def split_of(q: dict) -> str:
    return q.get("batch") or ("held" if q["held_out"] else "built")


def load_wordnet(path: str) -> tuple[dict, dict, dict]:
    """(folded lemma -> synset ids, synset id -> lemmas, synset id -> hypernym synset ids)."""
    from maslihat.nlp.lang import fold
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    by_lemma: dict = defaultdict(set)
    words: dict = defaultdict(set)
    for sid, lemma in con.execute("SELECT synset_id, lemma FROM synsets"):
        f = " ".join(fold(w) for w in lemma.split())
        by_lemma[f].add(sid)
        words[sid].add(f)
    hyper: dict = defaultdict(set)
    for sid, h in con.execute("SELECT sid, hypersid FROM hypernyms"):
        hyper[sid].add(h)
    con.close()
    return by_lemma, words, hyper


def alternatives_of(by_lemma: dict, words: dict, hyper: dict, vocabulary):
    """term -> (synonym term tuples, hypernym term tuples) that are index terms of the corpus
    (``vocabulary``: every term of a multi-word lemma must be in it; the term itself is left out)."""
    from maslihat.corpus.index.query import terms_of

    def alternatives(term: str) -> tuple[list, list]:
        syn, hyp = [], []
        for sid in sorted(by_lemma.get(term, ())):
            syn.extend(sorted(words.get(sid, ())))
            for h in sorted(hyper.get(sid, ())):
                hyp.extend(sorted(words.get(h, ())))

        def keep(lemmas):
            out = []
            for lemma in dict.fromkeys(lemmas):
                ts = tuple(terms_of(lemma, "ru"))
                if ts and ts != (term,) and all(t in vocabulary for t in ts) and ts not in out:
                    out.append(ts)
            return out
        return keep(syn), keep(hyp)
    return alternatives


def default_db_file() -> str:
    try:
        import wiki_ru_wordnet
    except ImportError:
        raise SystemExit("the wiki-ru-wordnet package is not installed: install it into a private directory "
                         "(pip install --target DIR wiki-ru-wordnet) and put DIR on PYTHONPATH, or pass --db-file")
    return str(Path(wiki_ru_wordnet.__file__).parent / "database" / "wikiwordnet.db")


def main(argv=None) -> None:
    from maslihat.corpus.index.query import terms_of
    from maslihat.nlp.analyze import normalize_term, tokens
    from maslihat.nlp.lang import fold
    from maslihat.nlp.querywords import is_query_word
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="the corpus bench.judged --db built")
    ap.add_argument("--db-file", default=None, help="the wordnet's wikiwordnet.db (default: the package's)")
    ap.add_argument("--splits", default=",".join(SPLITS))
    ap.add_argument("--show", action="store_true", help="print every word with what it would add")
    ap.add_argument("--out")
    ap.add_argument("--measure", action="store_true",
                    help="also rank the judged queries with the alternatives added as verb forms are "
                         "(bench-only patch of the query plan, embedded back end) and print the figures")
    a = ap.parse_args(argv)
    splits = [s for s in a.splits.split(",") if s in SPLITS]          # never blind4
    if a.db_file is None:
        a.db_file = default_db_file()
    by_lemma, wn_words, wn_hyper = load_wordnet(a.db_file)

    queries = [q for q in json.loads(JUDGED.read_text(encoding="utf-8"))["queries"]
               if q["lang"] == "ru" and (q.get("batch") in (None, "blind2", "blind3")) and split_of(q) in splits]
    table = unit_table(a.db)
    ru_terms = {r[0]: set(terms_of(r[4], "ru")) for r in table if r[2] == "ru"}
    df: Counter = Counter()
    for ts in ru_terms.values():
        df.update(ts)
    parallel = {r[0]: r[5] for r in table if r[5]}
    try:
        from maslihat.nlp.glossary import _manual
        thes = _manual()[1]["ru"]
    except Exception:  # noqa: BLE001
        thes = {}

    def answer_terms(q: dict) -> set:
        out: set = set()
        for loc in q["relevant"]:
            uid = resolve(table, loc)
            if not uid:
                continue
            roots = {uid, parallel.get(uid)} - {None}
            for u, ts in ru_terms.items():
                if any(u == r or u.startswith(r + "/") for r in roots):
                    out |= ts
        return out

    alternatives = alternatives_of(by_lemma, wn_words, wn_hyper, df)

    stats: dict = {s: Counter() for s in splits + ["all"]}
    rows = []
    for q in queries:
        s = split_of(q)
        ans = answer_terms(q)
        words = [w for w, _, _ in tokens(q["query"]) if not is_query_word(w, "ru")]
        qterms = {normalize_term(w, "ru") for w in words} - {""}
        q_reach = False
        for w in words:
            t = normalize_term(w, "ru")
            if not t or not any(ch.isalpha() for ch in t):
                continue
            syn, hyp = alternatives(t)
            covered = bool(thes.get((t,)))
            gap = t not in ans
            row = {"split": s, "query": q["query"], "kind": q["kind"], "word": w, "term": t,
                   "in_wordnet": t in by_lemma, "thesaurus": covered, "gap": gap, "df": df.get(t, 0)}
            for rel, alts in (("syn", syn), ("hyp", hyp)):
                reach = [" ".join(x) for x in alts if set(x) <= ans and not set(x) <= qterms]
                noise = [" ".join(x) for x in alts if not set(x) <= ans and not set(x) <= qterms]
                row[rel] = {"reach": reach, "noise": noise}
            rows.append(row)
            for key in (s, "all"):
                c = stats[key]
                c["words"] += 1
                c["in_wordnet"] += row["in_wordnet"]
                c["thesaurus"] += covered
                c["gap"] += gap
                c["absent"] += not row["df"]
                for rel in ("syn", "hyp"):
                    r = row[rel]
                    c[f"{rel}_words_with_alt"] += bool(r["reach"] or r["noise"])
                    c[f"{rel}_alts"] += len(r["reach"]) + len(r["noise"])
                    c[f"{rel}_reach_alts"] += len(r["reach"])
                    c[f"{rel}_words_reach"] += bool(r["reach"])
                    c[f"{rel}_gap_bridged"] += bool(gap and r["reach"])
                    c[f"{rel}_gap_bridged_uncovered"] += bool(gap and r["reach"] and not covered)
            q_reach |= bool(row["gap"] and (row["syn"]["reach"] or row["hyp"]["reach"]))
        for key in (s, "all"):
            stats[key]["queries"] += 1
            stats[key]["queries_gap_bridged"] += q_reach
    for key, c in stats.items():
        print(f"\n## {key}: {c['queries']} Russian queries, {c['words']} content words "
              f"({c['in_wordnet']} in the wordnet, {c['thesaurus']} with thesaurus synonyms, "
              f"{c['gap']} gap words: not in any answering provision)")
        for rel, name in (("syn", "synonyms"), ("hyp", "hypernyms")):
            print(f"  {name}: words with ≥1 index-term alternative {c[f'{rel}_words_with_alt']}, "
                  f"alternatives {c[f'{rel}_alts']} of which reach an answer {c[f'{rel}_reach_alts']} "
                  f"({c[f'{rel}_reach_alts'] / max(1, c[f'{rel}_alts']):.0%}); words reaching {c[f'{rel}_words_reach']}; "
                  f"gap words bridged {c[f'{rel}_gap_bridged']} (thesaurus has none: {c[f'{rel}_gap_bridged_uncovered']})")
        print(f"  queries with a gap word bridged: {c['queries_gap_bridged']}; words the corpus's Russian "
              f"units never use: {c['absent']}")
    if a.show:
        for r in rows:
            if r["syn"]["reach"] or r["syn"]["noise"] or r["hyp"]["reach"] or r["hyp"]["noise"] or r["gap"]:
                print(f"[{r['split']}/{r['kind']}] {r['query']} :: {r['word']}->{r['term']}"
                      f"{' GAP' if r['gap'] else ''}{' THES' if r['thesaurus'] else ''}"
                      f"{'' if r['in_wordnet'] else ' (not in wordnet)'} df={r['df']}"
                      f" | syn+ {r['syn']['reach']} syn- {r['syn']['noise'][:8]}"
                      f" | hyp+ {r['hyp']['reach']} hyp- {r['hyp']['noise'][:6]}")
    if a.measure:
        measure(a.db, splits, alternatives, thes)
    if a.out:
        Path(a.out).write_text(json.dumps({"stats": stats, "rows": rows}, ensure_ascii=False, indent=1),
                               encoding="utf-8")


MODES = {"off": (False, False, False), "syn": (True, False, False), "syn+hyp": (True, True, False),
         "syn, every word": (True, False, True), "syn+hyp, every word": (True, True, True)}


def measure(db: str, splits: list, alternatives, thes: dict) -> None:
    """nDCG@10 / recall@20 / top-5 of the judged queries (Russian and Kazakh, the splits asked)
    with the wordnet's one-word alternatives of a Russian query word added to its concept at
    ``scoring.VARIANT_WEIGHT``, as ``query._Translator.verb_forms`` adds a verb's other forms:
    synonyms (``syn``), synonyms and hypernyms (``syn+hyp``), for words the thesaurus has no
    synonym for, or for every word. ``off`` is the product as it is, measured in the same run."""
    from bench.judged import aggregate, run, unit_table as units
    from maslihat.corpus.api import Corpus
    from maslihat.corpus.index import query as qmod
    state = {"mode": "off"}
    original = qmod._Translator.verb_forms

    def verb_forms(self, words):
        out = original(self, words)
        syn_on, hyp_on, every = MODES[state["mode"]]
        if not syn_on or self.src != "ru":
            return out
        for w in words:
            own = self.word_terms(w.text)
            if len(own) != 1 or (not every and thes.get((own[0],))):
                continue
            syn, hyp = alternatives(own[0])
            alts = [x[0] for x in syn + (hyp if hyp_on else []) if len(x) == 1]
            if alts:
                out[own[0]] = tuple(dict.fromkeys(out.get(own[0], ()) + tuple(alts)))
        return out
    qmod._Translator.verb_forms = verb_forms
    queries = [q for q in json.loads(JUDGED.read_text(encoding="utf-8"))["queries"]
               if q.get("batch") in (None, "blind2", "blind3") and split_of(q) in splits]
    c = Corpus(db)
    table = units(db)

    spent: Counter = Counter()

    def system(mode):
        def fn(q, lang):
            state["mode"] = mode
            t0 = time.perf_counter()
            ids = [h["unit_id"] for h in c.search(q, lang=lang, limit=20)["hits"]]
            spent[mode] += time.perf_counter() - t0
            return ids
        return fn
    for q in queries:                          # warm: every mode's terms read once before timing
        for m in MODES:
            system(m)(q["query"], q.get("results_lang"))
    spent.clear()
    res = run(queries, {m: system(m) for m in MODES}, table)
    c.close()
    qmod._Translator.verb_forms = original
    for s in [x for x in ("built", "held", "blind2", "blind3") if x in splits]:
        print(f"\n### {s}: nDCG@10 / R@20 / top5 (embedded back end)\n")
        print("| group | n | " + " | ".join(MODES) + " |")
        print("|" + " --- |" * (2 + len(MODES)))
        aggs = {m: aggregate(res["per_query"][m], s) for m in MODES}
        for g in ("all", "ru", "kk", "ru/question", "ru/everyday", "ru/cross", "ru/keyword"):
            if g not in aggs["off"]:
                continue
            cells = [f"{aggs[m][g]['ndcg@10']:.3f} / {aggs[m][g]['recall@20']:.3f} / {aggs[m][g]['top5']:.0%}"
                     for m in MODES]
            print(f"| {g} | {aggs['off'][g]['n']} | " + " | ".join(cells) + " |")
        if s in ("built",):
            for m in MODES:
                if m == "off":
                    continue
                for r0, r1 in zip(res["per_query"]["off"], res["per_query"][m]):
                    if split_of({"batch": r0["batch"], "held_out": r0["held_out"]}) == s and \
                            abs(r0["ndcg@10"] - r1["ndcg@10"]) > 1e-9:
                        print(f"  [{m}] {r0['ndcg@10']:.2f} -> {r1['ndcg@10']:.2f} {r0['query']}")
    changed = {m: sum(1 for r0, r1 in zip(res["per_query"]["off"], res["per_query"][m]) if r0["hits"] != r1["hits"])
               for m in MODES}
    print(f"\nqueries whose first 10 hits change: {changed}")
    print("warm search, mean per query (ms): " + ", ".join(f"{m} {1000 * spent[m] / len(queries):.1f}" for m in MODES))


if __name__ == "__main__":
    main()
