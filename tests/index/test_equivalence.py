"""SQLite FTS5 and Elasticsearch answer the same queries the same way.

Totals, the full sets of matching units and every facet count must be identical. Rankings are
both FTS5's BM25 (``corpus.index.ranking``): Elasticsearch indexes each unit's language token
with its terms (FTS5's ``lang`` column: the same lengths and N) and boosts every phrase so that
Lucene's IDF becomes FTS5's (``compile.fts5_boost``: a phrase's own IDF, 1e-6 for a word in most
units); both keep a unit's length as Lucene does, in one byte (``ranking.lucene_length``); and a
prefix of up to ``compile.PREFIX_EXACT_MAX`` terms is one span query boosted to FTS5's IDF of
the prefix (``compile.fts5_prefix_boost``). So every unit scores the same in both
(``test_same_bm25_as_fts5``, ``test_a_prefix_same_bm25_as_fts5``) up to Lucene's single
precision: top-10 lists are compared with a tolerance: a unit may be missing from the other top
10 or change places only when its score is within TOL of the scores it is compared with.
"""
import pytest

from maslihat.corpus.index.base import SearchRequest
from maslihat.corpus.index.query import has_prefix

pytestmark = pytest.mark.elasticsearch
TOL = 0.04

QUERIES = [
    "депутат", "сессия", "мәслихат", "маслихат", "депутат сессия", "депутаттар сессиясы",
    '"постоянная комиссия"', '"тұрақты комиссия"', "бюджет OR регламент", "сессия -депутат",
    "сессия NOT (депутат OR комиссия)", "-депутат", "депутатский запрос", "депутаттық сауал",
    "аким", "әкім", "(бюджет OR салық) мәслихат", "квазиоблигация", "председатель сессии",
    "төраға", "голосование", "дауыс беру", "кворум",
    # issue 16: best-match questions, everyday words, required parts, explicit AND
    "кто ведёт протокол сессии", "сессия күн тәртібін кім бекітеді", "как отозвать депутата маслихата",
    "мэр", "налог на машину", "+депутат сессия", '"постоянная комиссия" бюджет', "депутат AND сессия",
    # definition questions: a wider candidate window, the defining provision first
    "что такое депутатский запрос", "депутаттық сауал дегеніміз не",
    # whether something may be done: the provisions that permit or forbid first
    "может ли депутат отозвать запрос", "депутат сауалды кері қайтарып ала ма",
    # what one risks, which papers to bring: the provisions that state the liability or name them first
    "что грозит депутату за пропуск сессии", "депутат сессияға келмесе оған не болады",
    "какие документы нужны депутату", "қандай құжаттар керек",
]
PREFIX_QUERIES = ["депутат*", "сессия*", "мәслихат* сессия"]
FILTERED = [
    ("депутат", {"language": ["ru"]}), ("сессия", {"competency": ["bodies"], "year": ["2018", "2013"]}),
    ("", {"doc_type": ["regulation"], "kind": ["subpoint"]}), ("мәслихат", {"issuer_kind": ["maslikhat"],
                                                                          "status": ["repealed", "unknown"]}),
]


def _both(sqlite_index, es_index, q, **kw):
    a = sqlite_index.search(SearchRequest(query=q, **kw))
    b = es_index.search(SearchRequest(query=q, **kw))
    return a, b


def _near(x, y):
    return abs(x - y) <= TOL * max(abs(x), abs(y), 1e-9)


def _by_score(hits):
    """Hits in score order: the first page is diversified (``scoring.diversify``, tested in
    test_best_match.py), so near-ties that differ between back ends can move different units
    down; the scores themselves are what must agree."""
    return sorted(hits, key=lambda h: -h["score"])


def check_ranking(q, a_hits, b_hits, k=10):
    """Phrases too (written, or produced by the glossary): each back end gives a phrase its own
    IDF (until session 31 Lucene summed its words' IDFs, and only an overlap was asked); and
    prefixes (written, or ``query.unseen_terms``'s stem of a word no unit holds: «келмесе»), scored
    by both as one phrase (until session 32 Lucene scored its first 64 terms apart, and only six of
    the first ``k`` in common were asked)."""
    assert_same_ranking(_by_score(a_hits), _by_score(b_hits), k)


def assert_same_ranking(a_hits, b_hits, k=10):
    """Top-k of A and B agree up to near-ties (scores compared within each back end)."""
    a_score = {h["unit_id"]: h["score"] for h in a_hits}
    b_score = {h["unit_id"]: h["score"] for h in b_hits}
    a_top = [h["unit_id"] for h in a_hits[:k]]
    b_top = [h["unit_id"] for h in b_hits[:k]]
    if len(a_hits) > k:
        for uid in set(a_top) ^ set(b_top):
            sa, sb = a_score.get(uid), b_score.get(uid)
            assert (sa is not None and _near(sa, a_hits[k - 1]["score"])) or \
                   (sb is not None and _near(sb, b_hits[k - 1]["score"])), f"{uid} not a boundary tie"
    else:
        assert set(a_top) == set(b_top)
    b_rank = {u: i for i, u in enumerate(b_top)}
    for i, u in enumerate(a_top):
        for v in a_top[i + 1:]:
            if u in b_rank and v in b_rank and b_rank[u] > b_rank[v]:
                assert _near(a_score[u], a_score[v]) or _near(b_score[u], b_score[v]), \
                    f"{u} and {v} swapped without a tie"


@pytest.fixture
def by_score_alone(monkeypatch):
    """Without the second opinion (``surface``): it reorders the first hits by fusing two
    rankings and each place keeps its score, so the hits' scores no longer say which of two units
    was ahead; it is one function of the order both back ends hand it (test_second_opinion.py)."""
    from maslihat.corpus.index import surface
    monkeypatch.setattr(surface, "applies", lambda *a, **k: False)


@pytest.mark.parametrize("q", QUERIES)
def test_same_results(sqlite_index, es_index, by_score_alone, q):
    a, b = _both(sqlite_index, es_index, q, limit=1000)
    assert a["total"] == b["total"]
    assert {h["unit_id"] for h in a["hits"]} == {h["unit_id"] for h in b["hits"]}
    assert a["facets"] == b["facets"]
    check_ranking(q, a["hits"], b["hits"])
    snip_a = {h["unit_id"]: h["snippet"] for h in a["hits"]}
    assert all(snip_a[h["unit_id"]] == h["snippet"] for h in b["hits"])


def _lengths(corpus_data) -> dict:
    """unit id -> (language, row length: its terms and the language token)."""
    from maslihat.corpus.index.rows import rows_for
    docs, units = corpus_data
    return {r["unit_id"]: (r["language"], (r.get("nterms") or 0) + 1) for r in rows_for(docs, units)}


def _bm25_sqlite(idx, pl) -> dict:
    """{unit id: BM25 × prior} of every unit the embedded back end matches (before the window
    rules: context, second opinion, diversity)."""
    from maslihat.corpus.index.common import branches
    from maslihat.corpus.index.ranking import Ranker, TermCache
    from maslihat.corpus.index.sqlite_fts import prior
    snap = idx.snapshot()
    ranker = Ranker(idx.conn, snap, TermCache())
    out = {}
    for langs, node in branches(pl):
        rows, score = ranker.evaluate(node, langs)
        uid = idx._unit_rows(rows)
        out.update({uid[int(r)][0]: float(sc * prior(snap)[r]) for r, sc in zip(rows, score)})
    return out


def _bm25_es(idx, pl) -> dict:
    """{unit id: _score} of Elasticsearch's query (BM25 × the same prior, before the window rules)."""
    resp = idx.es.search(index=idx.name, query=idx._query(pl, {}), size=1000, _source=["unit_id"])
    return {h["_source"]["unit_id"]: h["_score"] for h in resp["hits"]["hits"]}


@pytest.mark.parametrize("q", [
    "депутат сессия", "председатель сессии", "кто ведёт протокол сессии", '"постоянная комиссия" бюджет',
    "маслихат", "депутаттар сессиясы", "сессия күн тәртібін кім бекітеді", '"тұрақты комиссия"',
    "мәслихат", "депутаттық сауал"])
def test_same_bm25_as_fts5(sqlite_index, es_index, q):
    """Every unit scores the same in both back ends, Russian and Kazakh queries, words common and
    rare, phrases: FTS5's IDF (a phrase's own, 1e-6 for a word in most units) and row length (its
    terms and the language token), not Lucene's (log(1 + …), a phrase as the sum of its words' IDFs,
    the field's terms only); and a long unit's length as Lucene keeps it, in one byte, in both."""
    from maslihat.corpus.index.query import plan
    pl = plan(q, None)
    a, b = _bm25_sqlite(sqlite_index, pl), _bm25_es(es_index, pl)
    assert set(a) == set(b) and len(a) >= 5, q
    for u in a:
        assert b[u] == pytest.approx(a[u], rel=1e-5), (q, u)


@pytest.mark.parametrize("q,lang", [("депутат сессия", "ru"), ("постоянная комиссия", "ru"),
                                    ("мәслихат сессиясы", "kk"), ("тұрақты комиссия", "kk")])
def test_a_long_unit_same_bm25_in_both(sqlite_index, es_index, corpus_data, monkeypatch, q, lang):
    """A unit of 24 tokens or more, whose length Lucene rounds down (four significant bits),
    gets the same BM25 in both back ends to 1e-5 — in Russian and in Kazakh — and it would not
    with the exact length FTS5 counts (the embedded ranking rounds it as Lucene does)."""
    from maslihat.corpus.index import ranking
    from maslihat.corpus.index.query import plan
    lengths = _lengths(corpus_data)
    pl = plan(q, lang)
    a, b = _bm25_sqlite(sqlite_index, pl), _bm25_es(es_index, pl)
    rounded = [u for u in a if lengths[u][0] == lang and lengths[u][1] >= 24
               and ranking.lucene_length(lengths[u][1]) != lengths[u][1] and a[u] > 0]
    assert len(rounded) >= 2, q
    for u in rounded:
        assert b[u] == pytest.approx(a[u], rel=1e-5), (q, u, lengths[u])
    monkeypatch.setattr(ranking, "lucene_length", lambda n: n)     # FTS5's own length
    exact = _bm25_sqlite(sqlite_index, pl)
    assert any(exact[u] != pytest.approx(b[u], rel=1e-3) for u in rounded), q


@pytest.mark.parametrize("q", ["депутат*", "сессия*", "постоян* комиссия", "мәслихат*", "сессия* депутат",
                               "тұрақ* комиссия"])
def test_a_prefix_same_bm25_as_fts5(sqlite_index, es_index, q):
    """A prefix scores the same in both back ends, Russian and Kazakh: FTS5 counts it as one
    phrase (the occurrences of every term it expands to; the IDF of the units holding any), and
    Elasticsearch's span query over the same terms, boosted from the sum of their IDFs to that
    one (``compile.fts5_prefix_boost``), does too (session 31: each term its own BM25)."""
    from maslihat.corpus.index import compile as qc
    from maslihat.corpus.index.query import plan
    pl = plan(q, None)
    assert any(has_prefix(n) for n in pl.by_lang.values() if n is not None)
    assert any(k[0] == qc.prefix_key("")[0] for k in es_index._idf(pl))      # scored as FTS5 does
    a, b = _bm25_sqlite(sqlite_index, pl), _bm25_es(es_index, pl)
    assert set(a) == set(b) and len(a) >= 5, q
    for u in a:
        assert b[u] == pytest.approx(a[u], rel=1e-5), (q, u)


@pytest.mark.parametrize("q, stems", [("депута* депутат*", ("депута", "депутат")),
                                      ("мәсли* мәслихат*", ("мәсли", "мәслихат"))])
def test_overlapping_prefixes_same_bm25_as_fts5(sqlite_index, es_index, q, stems):
    """Two prefixes of one query, one the start of the other: Lucene groups and boosts the terms
    both expand to in its rewrite («(terms:депутат)^2.0»); each prefix still lists every one of
    its terms as when asked alone, and scores as FTS5 scores it, RU and KK."""
    from maslihat.corpus.index.query import plan
    together = es_index._expand(list(stems))
    assert together == {s: es_index._expand([s])[s] for s in stems}
    assert all(t.isalnum() or "-" in t or "_" in t for ts in together.values() for t in ts)
    assert together[stems[1]] and set(together[stems[1]]) <= set(together[stems[0]])
    pl = plan(q, None)
    a, b = _bm25_sqlite(sqlite_index, pl), _bm25_es(es_index, pl)
    assert set(a) == set(b) and len(a) >= 5, q
    for u in a:
        assert b[u] == pytest.approx(a[u], rel=1e-5), (q, u)


def test_a_prefix_of_too_many_terms_still_matches_them_all(sqlite_index, es_index, monkeypatch):
    """A prefix that expands beyond ``compile.PREFIX_EXACT_MAX`` terms (a short one a user types)
    is scored by Lucene's first terms instead, and still matches every unit holding any."""
    from maslihat.corpus.index import compile as qc
    from maslihat.corpus.index.query import plan
    monkeypatch.setattr(qc, "PREFIX_EXACT_MAX", 1)
    pl = plan("с*", None)
    assert not any(k[0] == qc.prefix_key("")[0] for k in es_index._idf(pl))
    a, b = _both(sqlite_index, es_index, "с*", limit=1000)
    assert a["total"] == b["total"] > 0
    assert {h["unit_id"] for h in a["hits"]} == {h["unit_id"] for h in b["hits"]}


@pytest.mark.parametrize("q", PREFIX_QUERIES)
def test_same_prefix_results(sqlite_index, es_index, by_score_alone, q):
    a, b = _both(sqlite_index, es_index, q, limit=1000)
    assert a["total"] == b["total"] > 0
    assert {h["unit_id"] for h in a["hits"]} == {h["unit_id"] for h in b["hits"]}
    assert a["facets"] == b["facets"]
    check_ranking(q, a["hits"], b["hits"])


@pytest.mark.parametrize("q,filters", FILTERED)
def test_same_filtered_results(sqlite_index, es_index, by_score_alone, q, filters):
    a, b = _both(sqlite_index, es_index, q, filters=filters, limit=1000)
    assert a["total"] == b["total"]
    assert a["facets"] == b["facets"]
    if q:
        check_ranking(q, a["hits"], b["hits"])
    else:   # browse: document order, exactly
        assert [h["unit_id"] for h in a["hits"]] == [h["unit_id"] for h in b["hits"]]


@pytest.mark.parametrize("q,lang", [("кто ведёт протокол сессии", "kk"), ("сессия күн тәртібін кім бекітеді", "ru")])
def test_lang_restricts_results_not_matching_on_both(sqlite_index, es_index, q, lang):
    """A Russian question with lang=kk finds Kazakh provisions (and the reverse), the same on both."""
    a, b = _both(sqlite_index, es_index, q, lang=lang, limit=1000)
    assert a["total"] == b["total"] > 0
    assert {h["language"] for h in a["hits"]} == {lang}
    assert {h["unit_id"] for h in a["hits"]} == {h["unit_id"] for h in b["hits"]}
    assert a["facets"] == b["facets"]


def _aligned(corpus_data):
    """The fixture's RU and KK acts of one regulation share unit ids but for the language."""
    docs, units = corpus_data
    ids = {u.id for us in units.values() for u in us}

    def other(uid):
        for a, b in (("/ru/", "/kk/"), ("/kk/", "/ru/")):
            if a in uid and uid.replace(a, b, 1) in ids:
                return uid.replace(a, b, 1)
        return None
    return lambda unit_ids: {u: p for u in unit_ids if (p := other(u))}


# queries with fewer matches in their own language than the candidates carried over
# (``scoring.CANDIDATES``): with more, the units tied at the last place may differ between back ends
@pytest.mark.parametrize("q,lang,filters", [("кезектен тыс сессия", "ru", {}),
                                            ("депутатский запрос ответ", "kk", {}),
                                            ("депутаттық сауал", "ru", {"doc_type": ["regulation"]})])
def test_same_results_through_the_aligned_text(sqlite_index, es_index, corpus_data, monkeypatch, q, lang, filters):
    """A query restricted to the other language's results also matches in its own and carries the
    aligned provisions (``common.via_parallel``): the same hits, facets, total and fact window on
    both back ends, and more than without it (no translation known here, as for words no table has
    seen)."""
    monkeypatch.setattr("maslihat.corpus.index.query._glossary_expand", lambda: None)
    plain = sqlite_index.search(SearchRequest(query=q, lang=lang, filters=filters, limit=1000))
    for index in (sqlite_index, es_index):
        index.parallel_of = _aligned(corpus_data)
    try:
        a, b = _both(sqlite_index, es_index, q, lang=lang, filters=filters, limit=1000, window=1000)
        pa, pb = _both(sqlite_index, es_index, q, lang=lang, filters=filters, limit=5, offset=1)
    finally:
        for index in (sqlite_index, es_index):
            index.parallel_of = None
    assert a["total"] == b["total"] > plain["total"]
    assert {h["unit_id"] for h in a["hits"]} == {h["unit_id"] for h in b["hits"]}
    assert {h["language"] for h in a["hits"]} == {lang}
    assert a["facets"] == b["facets"] and sum(a["facets"]["language"].values()) == a["total"]
    assert set(a["window_ids"]) == set(b["window_ids"])
    carried = {h["unit_id"] for h in a["hits"] if h.get("matched_in")}
    assert carried and carried == {h["unit_id"] for h in b["hits"] if h.get("matched_in")}
    assert {h["matched_in"] for h in a["hits"] if h.get("matched_in")} == {"kk" if lang == "ru" else "ru"}
    assert [h["unit_id"] for h in pa["hits"]] == [h["unit_id"] for h in a["hits"][1:6]]
    assert [h["unit_id"] for h in pb["hits"]] == [h["unit_id"] for h in b["hits"][1:6]]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_same_results_with_lang(sqlite_index, es_index, lang):
    a, b = _both(sqlite_index, es_index, "депутат сессия", lang=lang, limit=1000)
    assert a["total"] == b["total"] and a["facets"] == b["facets"]
    check_ranking("депутат сессия", a["hits"], b["hits"])


@pytest.mark.parametrize("q", QUERIES[:4] + [""])
def test_same_window_ids_and_page(sqlite_index, es_index, q):
    """The fact facet's window comes with the page from one ranking on both back ends (issue 14)."""
    a, b = _both(sqlite_index, es_index, q, limit=7, offset=2, window=1000)
    assert len(a["window_ids"]) == min(a["total"], 1000) and set(a["window_ids"]) == set(b["window_ids"])
    for index, got in ((sqlite_index, a), (es_index, b)):
        assert got["hits"] == index.search(SearchRequest(query=q, limit=7, offset=2))["hits"], q


@pytest.mark.parametrize("typed", ["сессия кун тартибин ким бекитеди", "депутаттык сауал",
                                   "кезектен тыс сессияны ким шакырады", "кто ведёт протокол сессии"])
def test_same_respelling_of_kazakh_typed_with_russian_letters(sqlite_index, es_index, typed):
    """Both back ends count the units of each term alike, so both read a query typed without the
    Kazakh letters as the same Kazakh (``corpus.respell``)."""
    from maslihat.corpus.respell import respell
    terms = ["күн", "құн", "кун", "тәртіб", "депутаттық", "сауал", "мәслихат", "жоқтерм"]
    assert sqlite_index.term_counts(terms) == es_index.term_counts(terms)
    assert sqlite_index.term_counts(terms)["депутаттық"] > 0
    assert respell(typed, sqlite_index.term_counts) == respell(typed, es_index.term_counts)
    if typed == "депутаттык сауал":
        assert respell(typed, es_index.term_counts) == "депутаттық сауал"



def test_same_reading_of_a_query_typed_with_the_latin_layout_on(sqlite_index, es_index):
    from maslihat.corpus.respell import relayout
    for typed in ("ltgenfncrbq pfghjc", "ctccbz", "COVID"):
        assert relayout(typed, sqlite_index.term_counts) == relayout(typed, es_index.term_counts)
    assert relayout("ltgenfncrbq pfghjc", es_index.term_counts) == "депутатский запрос"


def test_same_reading_of_a_query_written_in_latin_letters(sqlite_index, es_index):
    from maslihat.corpus.respell import transliterate
    for typed in ("deputatskiy zapros", "deputattyq saual", "kezekten tys sessiia", "COVID"):
        assert transliterate(typed, sqlite_index.term_counts) == transliterate(typed, es_index.term_counts)
    assert transliterate("deputatskiy zapros", es_index.term_counts) == "депутатский запрос"
    assert transliterate("deputattyq saual", es_index.term_counts) == "депутаттық сауал"


def test_same_correction_of_a_typing_slip(sqlite_index, es_index):
    from maslihat.corpus.respell import correct_slips
    for typed in ("депутатскй запрс", "сесии маслихата", "лопаты и грабли", "депутатский запрос"):
        assert correct_slips(typed, sqlite_index.term_counts) == correct_slips(typed, es_index.term_counts)
    assert correct_slips("депутатскй запрс", es_index.term_counts) == "депутатский запрос"


def test_both_back_ends_suggest_the_nearest_terms_for_a_misspelt_word(sqlite_index, es_index):
    """A zero-hit query gets the corpus's nearest words on either back end (Elasticsearch: its
    term suggester; the embedded one: the vocabulary under the same first two letters)."""
    for typed, near in (("хатама", "хаттама"), ("регламет", "регламент")):
        assert near in sqlite_index.near_terms(typed) and near in es_index.near_terms(typed)
    assert es_index.near_terms("") == [] and es_index.near_terms("а б") == []


def test_same_correction_of_a_kazakh_typing_slip(sqlite_index, es_index):
    from maslihat.corpus.respell import correct_slips
    for typed in ("депутаттық сауалға жауаб", "мәслихат сессиясынның", "депутаттық сауал"):
        assert correct_slips(typed, sqlite_index.term_counts) == correct_slips(typed, es_index.term_counts)
    assert correct_slips("мәслихат сессиясынның", es_index.term_counts) == "мәслихат сессиясының"
