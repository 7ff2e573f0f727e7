"""Term AST -> back-end queries: an FTS5 MATCH string and an Elasticsearch query (pure).

Both compilers follow the same rules so the two back ends answer the same question:
a lone ``NOT x`` means "every unit of the language except x"; a prefix matches index terms.
"""
from __future__ import annotations

import math
from typing import Mapping, Optional

from maslihat.corpus.index.query import TAnd, TBest, TNot, TOr, TPhrase, TPrefix
from maslihat.corpus.index.scoring import COVERAGE, KIND_PRIOR, SHORT, STATUS_PRIOR


def _q(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts(node, lang: str) -> str:
    """FTS5 expression over the columns ``terms`` and ``lang`` (one token: the language)."""
    if isinstance(node, TBest):           # the match set only (coverage is scored in numpy)
        req = [c for c, r in zip(node.concepts, node.required) if r]
        if req:
            return fts(req[0] if len(req) == 1 else TAnd(tuple(req)), lang)
        items = node.concepts + node.extras
        return fts(items[0] if len(items) == 1 else TOr(tuple(items)), lang)
    if isinstance(node, TPhrase):
        return "terms : " + _q(" ".join(node.terms))
    if isinstance(node, TPrefix):
        return "terms : " + _q(node.stem) + " *"
    if isinstance(node, TOr):
        return "(" + " OR ".join(fts(i, lang) for i in node.items) + ")"
    if isinstance(node, (TAnd, TNot)):
        items = node.items if isinstance(node, TAnd) else (node,)
        pos = [fts(i, lang) for i in items if not isinstance(i, TNot)]
        expr = "(" + " AND ".join(pos) + ")" if pos else "lang : " + _q(lang)
        for n in (i for i in items if isinstance(i, TNot)):
            expr = f"({expr} NOT {fts(n.item, lang)})"
        return expr
    raise TypeError(node)


FIELD = "terms"
PREFIX_REWRITE = "top_terms_64"     # how Elasticsearch scores a prefix it cannot score as FTS5 does (``es``)
PREFIX_EXACT_MAX = 512              # terms a prefix may expand to and still be scored as FTS5 does


def prefix_key(stem: str) -> tuple:
    """The key of a prefix in ``es``'s ``idf`` map (no phrase is one: a term has no NUL)."""
    return ("\0prefix", stem)


def es(node, name: str = "", idf: Optional[Mapping[tuple, float]] = None) -> dict:
    """Elasticsearch query for the ``terms`` field (whitespace-analysed normalised terms).
    ``name``: a best-match query's concepts are named ``<name>c<index>`` (a hit's
    ``matched_queries`` then says which it has: ``concept_names``). ``idf``: per phrase (its
    terms), the boost that turns Lucene's BM25 of it into FTS5's (``fts5_boost``); without it,
    Lucene's own."""
    if isinstance(node, TBest):
        concepts = [es(c, idf=idf) for c in node.concepts]
        named = ([{"bool": {"must": [q], "_name": f"{name}c{j}"}} for j, q in enumerate(concepts)] if name
                 else concepts)
        req = [q for q, r in zip(named, node.required) if r]
        opt = [q for q, r in zip(named, node.required) if not r] + [es(e, idf=idf) for e in node.extras]
        body: dict = {"should": opt} if opt else {}
        if req:
            body["must"] = req
        else:
            body["minimum_should_match"] = 1
        functions = [{"filter": {"match_all": {}}, "weight": COVERAGE ** -len(concepts)}]
        functions += [{"filter": q, "weight": COVERAGE} for q in concepts]
        return {"function_score": {"query": {"bool": body}, "functions": functions,
                                   "score_mode": "multiply", "boost_mode": "multiply"}}
    if isinstance(node, TPhrase):
        boost = node.weight * (idf.get(tuple(node.terms), 1.0) if idf is not None else 1.0)
        if len(node.terms) == 1:
            if boost != 1.0:
                return {"term": {FIELD: {"value": node.terms[0], "boost": boost}}}
            return {"term": {FIELD: node.terms[0]}}
        if boost != 1.0:
            return {"match_phrase": {FIELD: {"query": " ".join(node.terms), "boost": boost}}}
        return {"match_phrase": {FIELD: " ".join(node.terms)}}
    if isinstance(node, TPrefix):
        boost = idf.get(prefix_key(node.stem)) if idf is not None else None
        if boost is not None:
            # FTS5 scores a prefix as one phrase: its occurrences are those of every term it expands
            # to, its IDF that of the units holding any. Lucene's span query over the same terms
            # counts the same occurrences with the same lengths, and weights them by the sum of the
            # terms' IDFs, which ``fts5_prefix_boost`` turns into FTS5's (issue 16, session 32)
            return {"span_multi": {"match": {"prefix": {FIELD: {"value": node.stem}}}, "boost": boost}}
        # a prefix of more than PREFIX_EXACT_MAX terms (a short one a user types): every unit with
        # a term of the prefix (scored 0), scored by BM25 over its first 64 terms (``PREFIX_REWRITE``:
        # no clause limit), each term apart; a constant score alone ranked a word's kin found by
        # ``query.unseen_terms`` below its own matches
        return {"bool": {"should": [{"prefix": {FIELD: {"value": node.stem, "boost": 0}}},
                                    {"prefix": {FIELD: {"value": node.stem, "rewrite": PREFIX_REWRITE}}}],
                         "minimum_should_match": 1}}
    if isinstance(node, TOr):
        return {"bool": {"should": [es(i, idf=idf) for i in node.items], "minimum_should_match": 1}}
    if isinstance(node, (TAnd, TNot)):
        items = node.items if isinstance(node, TAnd) else (node,)
        pos = [es(i, idf=idf) for i in items if not isinstance(i, TNot)]
        neg = [es(i.item) for i in items if isinstance(i, TNot)]
        body: dict = {"must": pos} if pos else {"filter": [{"match_all": {}}]}
        if neg:
            body["must_not"] = neg
        return {"bool": body}
    raise TypeError(node)


def phrases(node) -> set:
    """The phrases (term tuples) a query scores: every ``TPhrase`` outside a NOT."""
    if isinstance(node, TPhrase):
        return {tuple(node.terms)}
    if isinstance(node, TBest):
        return set().union(set(), *(phrases(i) for i in node.concepts + node.extras))
    if isinstance(node, (TAnd, TOr)):
        return set().union(set(), *(phrases(i) for i in node.items if not isinstance(i, TNot)))
    return set()


def prefixes(node) -> set:
    """The stems of the prefixes a query scores: every ``TPrefix`` outside a NOT."""
    if isinstance(node, TPrefix):
        return {node.stem}
    if isinstance(node, TBest):
        return set().union(set(), *(prefixes(i) for i in node.concepts + node.extras))
    if isinstance(node, (TAnd, TOr)):
        return set().union(set(), *(prefixes(i) for i in node.items if not isinstance(i, TNot)))
    return set()


def lucene_idf(n_docs: int, n: int) -> float:
    """Lucene's BM25 IDF (``BM25Similarity.idf``)."""
    return math.log(1 + (n_docs - n + 0.5) / (n + 0.5))


def fts5_idf(n_rows: int, n: int) -> float:
    """FTS5's BM25 IDF of a phrase matching ``n`` of ``n_rows`` rows (``ranking.Ranker.idf``)."""
    v = math.log((n_rows - n + 0.5) / (n + 0.5))
    return v if v > 0.0 else 1e-6


def fts5_boost(terms: tuple, n_rows: int, count: Mapping[tuple, int]) -> float:
    """The boost that makes Lucene's BM25 of a phrase FTS5's (``ranking``): FTS5 weights a phrase
    by its own IDF (the units that hold the phrase), Lucene by the sum of its terms' IDFs
    (Elasticsearch's ``BM25`` keeps FTS5's factor k1 + 1: ``LegacyBM25Similarity``). ``count``:
    the units holding each phrase and each of its terms (every unit has the language token,
    ``elastic.with_lang_token``, so Lucene's ``docCount`` is ``n_rows``, FTS5's N)."""
    lucene = sum(lucene_idf(n_rows, count.get((t,), 0)) for t in terms)
    if lucene <= 0.0:
        return 1.0
    return fts5_idf(n_rows, count.get(tuple(terms), 0)) / lucene


def fts5_prefix_boost(n_rows: int, n_any: int, counts: list) -> float:
    """The boost that makes Lucene's BM25 of a prefix as a span query (``es``: the sum of its
    terms' IDFs, ``counts`` the units holding each) FTS5's (one IDF, of the ``n_any`` units holding
    any of its terms: ``ranking``, a prefix's postings)."""
    lucene = sum(lucene_idf(n_rows, n) for n in counts)
    if lucene <= 0.0:
        return 1.0
    return fts5_idf(n_rows, n_any) / lucene


def concept_names(matched: list, name: str) -> frozenset:
    """The concept indexes of a hit's ``matched_queries`` named by ``es(node, name)``."""
    pre = name + "c"
    return frozenset(int(m[len(pre):]) for m in matched if m.startswith(pre) and m[len(pre):].isdigit())


def es_prior(query: dict) -> dict:
    """``query`` with the provision prior of ``scoring`` applied (kind, length, act status)."""
    functions = [{"filter": {"term": {"kind": k}}, "weight": f} for k, f in KIND_PRIOR.items()]
    bounds = sorted(SHORT)
    lo = 0
    for limit, f in bounds:                # disjoint ranges: [lo, limit) gets f
        functions.append({"filter": {"range": {"nterms": {"gte": lo, "lt": limit}}}, "weight": f})
        lo = limit
    functions += [{"filter": {"term": {"status": s}}, "weight": f} for s, f in STATUS_PRIOR.items()]
    return {"function_score": {"query": query, "functions": functions, "score_mode": "multiply",
                               "boost_mode": "multiply"}}
