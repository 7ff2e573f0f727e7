"""Issue 16: the Russian and Kazakh texts of one provision are one answer. A query whose results
may be in both languages lists a provision once on its first page, in the query's language when
that version is among the candidates (its translation rides along as ``parallel``); a provision
that exists in one language only still comes as it is. Both back ends."""
import pytest

from maslihat.corpus.index.common import collapse_parallels
from tests.index.small_corpus import corpus_fixture, small_corpus

RU = """РЕШЕНИЕ МАСЛИХАТА ТЕСТОВОГО РАЙОНА
О депутатских запросах в тестовом районе

1. Депутатский запрос вносится на сессию маслихата в письменной форме.
2. Ответ на депутатский запрос дается в течение пятнадцати дней.
3. Депутатский запрос оглашается на сессии маслихата.
"""
KK = """ТЕСТОВЫЙ АУДАНДЫҚ МӘСЛИХАТЫНЫҢ ШЕШІМІ
Тестовый ауданындағы депутаттық сауалдар туралы

1. Депутаттық сауал мәслихат сессиясына жазбаша нысанда енгізіледі.
2. Депутаттық сауалға жауап он бес күн ішінде беріледі.
3. Депутаттық сауал мәслихат сессиясында жария етіледі.
"""
KK_ONLY = """ТЕСТОВЫЙ АУДАНДЫҚ МӘСЛИХАТЫНЫҢ ШЕШІМІ
Депутаттық сауалдарды тіркеу туралы

1. Депутаттық сауалдар аппараттың тізілімінде тіркеледі.
"""
FILES = {"78101.rus.txt": RU, "78101.kaz.txt": KK, "78102.kaz.txt": KK_ONLY}
QUERIES = [("депутатский запрос", "ru"), ("ответ на депутатский запрос", "ru"), ("депутаттық сауал", "kk"),
           ("депутаттық сауалға жауап", "kk")]

corpus = corpus_fixture("parallel_collapse", FILES)


def _provisions(hits: list) -> list:
    """Each hit as its provision: the pair of its id and its translation's, in either order."""
    return [frozenset(x for x in (h["unit_id"], h.get("parallel_id")) if x) for h in hits]


def _first_places_distinct(hits: list) -> bool:
    """Every provision of the page comes once before any comes a second time (a small corpus has
    fewer provisions than a page: the translations moved down follow them)."""
    provisions = _provisions(hits)
    k = len(set(provisions))
    return len(set(provisions[:k])) == k


@pytest.mark.parametrize("query,src", QUERIES)
def test_a_provision_comes_once_in_the_querys_language(corpus, query, src, monkeypatch):
    hits = corpus.search(query, limit=10)["hits"]
    assert hits and _first_places_distinct(hits)
    head = hits[:len(set(_provisions(hits)))]
    paired = [h for h in head if h.get("parallel_id")]
    assert paired and all(f"/{src}/" in h["unit_id"] for h in paired)
    # without the rule a provision and its translation both take places before others
    monkeypatch.setattr("maslihat.corpus.index.sqlite_fts.collapses_parallels", lambda pl, req, index: False)
    assert not _first_places_distinct(corpus.search(query, limit=10)["hits"])


def test_a_provision_in_one_language_only_still_comes(corpus):
    hits = corpus.search("депутатский запрос", limit=10)["hits"]
    assert any("тізілімінде тіркеледі" in h["text"] for h in hits)


def test_a_query_restricted_to_a_language_is_not_collapsed(corpus):
    hits = corpus.search("депутатский запрос", lang="kk", limit=10)["hits"]
    assert hits and all("/kk/" in h["unit_id"] for h in hits)


def test_the_querys_language_takes_the_place_and_its_score():
    uids = ["a/kk/p1", "b/ru/p9", "a/ru/p1", "c/kk/p2"]
    par = {"a/kk/p1": "a/ru/p1", "a/ru/p1": "a/kk/p1"}
    order, score_of, n = collapse_parallels(uids, ["kk", "ru", "ru", "kk"], "ru", lambda ids: par)
    assert [uids[i] for i in order] == ["a/ru/p1", "b/ru/p9", "c/kk/p2", "a/kk/p1"] and n == 3
    assert [uids[i] for i in score_of][:3] == ["a/kk/p1", "b/ru/p9", "c/kk/p2"]
    # a Kazakh query keeps the Kazakh version where it is, and moves the Russian one down
    order, _, _ = collapse_parallels(uids, ["kk", "ru", "ru", "kk"], "kk", lambda ids: par)
    assert [uids[i] for i in order] == ["a/kk/p1", "b/ru/p9", "c/kk/p2", "a/ru/p1"]


@pytest.mark.elasticsearch
@pytest.mark.parametrize("query,src", QUERIES)
def test_elasticsearch_lists_a_provision_once_too(tmp_path, es_url, corpus, query, src):
    with small_corpus(tmp_path, FILES, es_url=es_url) as es:
        hits = es.search(query, limit=10)["hits"]
    assert hits and _first_places_distinct(hits)
    assert set(_provisions(hits)) == set(_provisions(corpus.search(query, limit=10)["hits"]))
