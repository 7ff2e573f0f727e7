"""What both back ends share beyond the query: branches per language and the hit shape."""
from __future__ import annotations

import time
from dataclasses import replace

from maslihat.corpus.index.base import QueryError
from maslihat.corpus.index.facets import empty_facets, validate_filters
from maslihat.corpus.index.query import (UNSEEN_PREFIX, TBest, Plan, definition_concepts, matches_terms,
                                         positive_terms, terms_of)
from maslihat.corpus.index.query import plan as make_plan
from maslihat.core.model import LANGUAGES
from maslihat.nlp.modality import CLAUSE, FORM_KINDS, SELF, VOID
from maslihat.corpus.index import scoring
from maslihat.corpus.index.scoring import (CUE_KINDS, KIND_PRIOR, PARALLEL, copy_groups, cue_factors, with_answer, with_citation, with_context, with_definition,
                                            with_cues, with_heading_coverage)
from maslihat.corpus.index.snippets import snippet
from maslihat.corpus.index import surface
from maslihat.corpus.index.aligned import translator

HIT_EXTRA = ("kind", "doc_type", "adopted_date", "status", "issuer")


def branches(plan: Plan) -> list[tuple[tuple[str, ...], object]]:
    """(languages, term AST) pairs; languages with the same AST share one branch.

    Each branch is scored on its own (a Russian unit never gains score from the Kazakh
    expansion's terms), which FTS5 and Elasticsearch can both do exactly.
    """
    groups: dict = {}
    for lang, node in plan.by_lang.items():
        if node is not None:
            groups.setdefault(node, []).append(lang)
    return [(tuple(langs), node) for node, langs in groups.items()]


def rescore(index, uid: list, kind: list, score: list, pl: Plan, cited: tuple = (), own: list | None = None,
            acts: tuple = ()) -> list:
    """The candidate window's scores after the rules both back ends apply to it (``scoring``):
    the heading context, the answer kind, permission, liability, papers, funding, legal basis and
    purpose (``with_cues``), the words of the title and headings above a unit (``own``: the query
    concepts each candidate matched, from the back end), void provisions, the definition asked
    for, the provision cited, the act named."""
    cue_of = getattr(index, "cue_of", None)
    live = [i for i in uid if i]
    sc = with_answer(uid, with_context(uid, kind, score, index.parents), pl.answer, index.facts_of)
    asked = pl.answer & frozenset(CUE_KINDS)
    factor = cue_factors(uid, asked - FORM_KINDS, cue_of, _terms(pl) if asked else frozenset())
    answers: frozenset = frozenset()
    if asked & FORM_KINDS and cue_of is not None and live:
        # an act states its basis or purpose in its preamble or in a provision about itself («Настоящие
        # Правила разработаны в соответствии с …»); «в соответствии с» in any other provision is not it
        framing = {i for i, k in zip(uid, kind) if k == "preamble"} | cue_of(live, SELF)
        form = {i: f for i, f in cue_factors(uid, asked & FORM_KINDS, cue_of).items() if i in framing}
        factor = {i: max(factor.get(i, 1.0), form.get(i, 1.0)) for i in set(factor) | set(form)}
        answers = frozenset(form)
    sc = with_cues(uid, sc, asked, factor=factor)
    if own is not None:
        # a preamble frames its act (``KIND_PRIOR``), but framing is what a question of its legal
        # basis or purpose asks for: the preamble that says it is not held back
        sc = [s / KIND_PRIOR.get(k, 1.0) if i in answers else s for i, k, s in zip(uid, kind, sc)]
        whole = answers | (cue_of(live, CLAUSE) if scoring.CLAUSE_WHOLE and cue_of is not None and live else set())
        sc = with_heading_coverage(uid, sc, own, best_concepts(pl), getattr(index, "context_of", None),
                                   matches_terms, whole)
    if cue_of is not None and live:       # a void provision, unless the query cites it
        void = cue_of(live, VOID) - set(cited)
        sc = [s * scoring.VOID if i in void else s for i, s in zip(uid, sc)]
    aside = pl.question and "definition" not in pl.answer
    return with_citation(uid, with_definition(uid, sc, definition_concepts(pl), index.defines_of, terms_of, aside,
                                                   "definition" in pl.answer),
                         cited, acts, (lambda ids: cue_of(ids, SELF)) if cue_of is not None else None)


def via_parallel(index, req, pl: Plan, n: int) -> dict:
    """{unit id in ``req.lang``: ``PARALLEL`` × score} for a query restricted to the results of a
    language it is not written in: its best ``n`` hits in its own language (the same request, that
    language instead), each carried to its aligned provision (``index.parallel_of``). {} when the
    query is in the results' language, browses, is written with operators (a strict query means
    what the results' own text holds), or the index cannot tell what is aligned. Both back ends
    merge these into their candidate window and count them in the facets alike."""
    if pl.browse or not req.lang or pl.src == req.lang or pl.src not in LANGUAGES or index.parallel_of is None \
            or n <= 0 or not isinstance(pl.by_lang.get(req.lang), TBest):
        return {}
    filters = {k: v for k, v in (req.filters or {}).items() if k != "language"}
    sub = replace(req, lang=pl.src, src=pl.src, filters=filters, limit=n, offset=0, snippets=False, window=0)
    hits = index.search(sub)["hits"]
    aligned = index.parallel_of([h["unit_id"] for h in hits])
    out: dict = {}
    for h in hits:
        p = aligned.get(h["unit_id"])
        if p and p not in out:          # hits come best first
            out[p] = PARALLEL * h["score"]
    return out


def merge_window(uid: list, score: list, carried: dict) -> tuple[list, list, list, set]:
    """The candidate window (unit ids, scores) with ``carried`` (``via_parallel``) merged in: a
    candidate keeps the better of its own score and its carried one; carried units that are not
    candidates are returned apart (the caller fetches their rows) and appended. Last: the units
    whose score is the carried one (their hits say ``matched_in``, ``mark_carried``)."""
    score = list(score)
    at = {u: i for i, u in enumerate(uid)}
    extra, won = [], set()
    for u, s in carried.items():
        i = at.get(u)
        if i is None:
            extra.append(u)
            won.add(u)
        elif s > score[i]:
            score[i] = s
            won.add(u)
    return list(uid) + extra, score + [carried[u] for u in extra], extra, won


def collapses_parallels(pl: Plan, req, index) -> bool:
    """Whether ``collapse_parallels`` applies: a ranked query whose results may be in both
    languages, on an index that can tell which provisions are aligned."""
    return not pl.browse and not req.lang and index.parallel_of is not None


def collapse_parallels(uids: list, langs: list, src: str, parallel_of) -> tuple[list[int], list[int], int]:
    """The candidates (best first) with a provision whose aligned translation ranks above it
    moved down, after the others; where the one above is in the other language and the lower one
    in the query's (``src``), the query's language takes the place and its score.

    Why: the two language versions of one provision are one answer (a hit carries its
    translation, ``parallel``); listed apart they took a third of the first page's places (1,509
    pairs on the 812 read queries' first pages of 10). Returns (order, score_of, n): the candidate
    at each place, the candidate whose score the place keeps, and how many places come before the
    moved ones (the first-page diversity, ``scoring.diversify``, orders those only)."""
    par = parallel_of([u for u in uids if u]) or {}
    at = {u: i for i, u in enumerate(uids) if u}
    placed: set = set()
    first: list[int] = []
    kept: list[int] = []
    moved: list[int] = []
    for i, u in enumerate(uids):
        if i in placed:
            continue
        j = at.get(par.get(u)) if u else None
        if j is not None and j in placed:           # its translation is above: one answer already
            moved.append(i)
            continue
        if j is not None and j > i and langs[i] != src and langs[j] == src:
            first.append(j)                         # the query's language in the place, with its score
            kept.append(i)
            placed.update((i, j))
            moved.append(i)
            continue
        first.append(i)
        kept.append(i)
        placed.add(i)
    moved.sort()
    return first + moved, kept + moved, len(first)


def second_opinion_applies(pl: Plan, req) -> bool:
    """Whether ``second_opinion`` may change anything: not browsing, a best-match query, results
    that may be in the query's own language, not a question what a notion is (the definition is
    found by its form, ``scoring.with_definition``; its siblings share its words)."""
    best = isinstance(pl.by_lang.get(pl.src), TBest)
    return not pl.browse and "definition" not in pl.answer and surface.applies(best, pl.src, req.lang)


def second_opinion(pl: Plan, req, langs: list, words: list) -> list | None:
    """``surface.fused_order`` of the ordered candidate window (its hits' languages and their
    texts' ``surface.prefixes``), or None where it does not apply (``second_opinion_applies``) or
    changes nothing."""
    if not second_opinion_applies(pl, req):
        return None
    order = surface.fused_order(req.query or "", pl.src, langs, words)
    return None if order == list(range(len(langs))) else order


def mark_carried(hits: list, won: set, pl: Plan) -> list:
    """``matched_in``: the language of the text that matched, on the hits ranked by their aligned
    provision's match (``via_parallel``), so a reader knows why a hit without the query's words
    is there (its ``parallel_text`` has them)."""
    for h in hits:
        if h["unit_id"] in won:
            h["matched_in"] = pl.src
    return hits


def best_concepts(pl: Plan) -> dict:
    """{language: the concepts of its best-match query} (languages whose query is not one)."""
    return {lang: node.concepts for lang, node in pl.by_lang.items() if isinstance(node, TBest)}


def context_terms(heading_context):
    """``heading_context`` (unit ids -> {id: (language, title and headings, a table's row)},
    ``Store``) with the texts as index terms, each distinct text analysed once (a document's units
    share its title)."""
    from functools import lru_cache

    @lru_cache(maxsize=8192)
    def analysed(text: str, lang: str) -> frozenset:
        return frozenset(terms_of(text, lang))

    def read(unit_ids: list) -> dict:
        return {u: (lang, analysed(text, lang), row) for u, (lang, text, row) in heading_context(unit_ids).items()}
    return read


def _terms(pl: Plan) -> frozenset:
    """Every index term the query looks for, in any language."""
    out: set = set()
    for node in pl.by_lang.values():
        out |= positive_terms(node)[0]
    return frozenset(t for term in out for t in term.split())


def with_lang(filters: dict, lang) -> dict:
    """``req.lang`` restricts the search exactly like a ``language`` filter would."""
    if not lang:
        return filters
    if lang not in LANGUAGES:
        raise QueryError(f"unknown language {lang!r}; expected one of: {', '.join(LANGUAGES)}")
    out = dict(filters)
    out["language"] = [v for v in out.get("language", [lang]) if v == lang] or ["\x00none"]
    return out


def make_hit(row: dict, score: float, plan: Plan, with_snippet: bool = True) -> dict:
    if with_snippet:
        terms, prefixes = plan.marks(row["language"])
    hit = {
        "unit_id": row["unit_id"], "document_id": row["document_id"], "score": round(float(score), 4),
        "label": row.get("label") or "", "title": row.get("title") or "", "language": row["language"],
        "snippet": snippet(row.get("text") or "", row["language"], terms, prefixes) if with_snippet else "",
        "text": row.get("text") or "",
    }
    for k in HIT_EXTRA:
        hit[k] = row.get(k)
    hit["copies"] = []          # the other acts' hits stating the same provision (``mark_copies``)
    return hit


def mark_copies(hits: list, offset: int, of: list, order: list, entry) -> None:
    """Sets each hit's ``copies``: the other hits among the scanned best (``of``: ``scoring.copy_of``
    of them) that state its provision in another act, in the order shown (``order``: the hits'
    indexes before ``spread_copies``, as shown; ``hits``: those shown from place ``offset``);
    ``entry(index)``: ``scoring.copy_entry`` of the hit at that index before spreading. The first
    hit of a group lists its copies; a copy lists the hit it copies first, then the other copies."""
    groups = copy_groups(of, order)
    for t, h in enumerate(hits):
        places = groups.get(offset + t)
        if places:
            h["copies"] = [entry(order[q]) for q in places]


def result(query: str, total: int, took_ms: float, hits: list, facets: dict,
           unseen: frozenset = frozenset(), aligned: dict | None = None, words: dict | None = None) -> dict:
    """The answer's shape; ``unseen`` (``Plan.absent``: a query term no unit holds in any of its
    forms), when something was found: each such term, the query's word it came from (``words``:
    ``Plan.absent_words``) and the prefix also searched; ``aligned`` (``Plan.aligned``): each word the corpus's
    aligned provisions translated, and its translations."""
    out = {"query": query, "total": int(total), "took_ms": round(took_ms, 2), "hits": hits, "facets": facets}
    if unseen and total:
        out["unseen"] = [{"term": t, "prefix": t[:UNSEEN_PREFIX], "word": (words or {}).get(t, t)}
                         for t in sorted(unseen)]
    if aligned and total:
        out["aligned"] = [{"term": t, "translations": list(v)} for t, v in sorted(aligned.items())]
    return out


def begin(req, index=None) -> tuple[float, dict, Plan, "dict | None"]:
    """The start both back ends share: validated filters, the query plan (which asks ``index``
    which of the query's words no unit holds, ``query.unseen_terms``), and the empty answer when
    the query cannot match anything (so neither back end is asked)."""
    t0 = time.perf_counter()
    filters = with_lang(validate_filters(req.filters), req.lang)
    pl = make_plan(req.query or "", req.lang, req.src, getattr(index, "term_counts", None),
                   translator(index) if index is not None else None)
    if pl.empty or (not pl.browse and not branches(pl)):
        return t0, filters, pl, result(req.query, 0, (time.perf_counter() - t0) * 1000, [], empty_facets())
    return t0, filters, pl, None
