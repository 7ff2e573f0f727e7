"""Issue 16: Elasticsearch lists the terms a prefix expands to (``ElasticIndex._expand``, one
request) once per state of the index, not once per search; a document added or removed — by this
corpus object or another one (the app searches while its ingest writes through its own) — makes
the next search list them again, so a prefix scores as an index that kept nothing would score it."""
from __future__ import annotations

import pytest

from maslihat.corpus.api import Corpus

pytestmark = pytest.mark.elasticsearch

RU_MORE = ("Сессия маслихата созывается не реже четырех раз в год.", "Постоянная комиссия избирает председателя.",
           "Бюджет района утверждается на сессии маслихата.", "Аким района вносит проект бюджета.",
           "Решение принимается большинством голосов депутатов.", "Протокол сессии ведет секретарь маслихата.")
KK_MORE = ("Мәслихат сессиясы жылына кемінде төрт рет шақырылады.", "Тұрақты комиссия төрағасын сайлайды.",
           "Аудан бюджеті мәслихат сессиясында бекітіледі.", "Аудан әкімі бюджет жобасын енгізеді.",
           "Шешім депутаттардың көпшілік даусымен қабылданады.", "Сессия хаттамасын мәслихат хатшысы жүргізеді.")


def act(title: str, points: tuple) -> str:
    return title + "\n\n" + "".join(f"{i}. {p}\n" for i, p in enumerate(points, 1))


CASES = [
    # lang, the first act, an act holding a new word of the prefix, the query (the prefix in few units:
    # its IDF, and so its boost, depends on the words it expands to)
    ("ru", act("Решение маслихата", ("Депутатский запрос оглашается на сессии маслихата.",) + RU_MORE),
     act("Решение маслихата", ("Оглашение депутатского запроса проводится председателем.",) + RU_MORE[:3]),
     "оглаш*"),
    ("kk", act("Мәслихаттың шешімі", ("Депутаттық сауалға жауап жазбаша нысанда беріледі.",) + KK_MORE),
     act("Мәслихаттың шешімі", ("Уақтылы жауап бермегені үшін жауапкершілік белгіленеді.",) + KK_MORE[:3]),
     "жауап*"),
]


def _listings(c: Corpus, monkeypatch) -> list:
    """The prefixes ``c``'s index asks the server to list, one entry per request."""
    asked: list = []
    real = c.index.es.indices.validate_query

    def counted(**kw):
        asked.append(kw)
        return real(**kw)
    monkeypatch.setattr(c.index.es.indices, "validate_query", counted)
    return asked


def _ranked(res: dict) -> list:
    assert res["hits"] and res["hits"][0]["score"] > 0.01      # a score the prefix's boost weighs in
    return [(h["unit_id"], round(h["score"], 6)) for h in res["hits"]]


@pytest.mark.parametrize("lang, first, later, query", CASES, ids=[c[0] for c in CASES])
def test_a_prefix_is_listed_once_until_a_document_holding_a_new_word_of_it_is_added(
        tmp_path, es_url, monkeypatch, lang, first, later, query):
    (tmp_path / "a.txt").write_text(first, encoding="utf-8")
    (tmp_path / "b.txt").write_text(later, encoding="utf-8")
    db = str(tmp_path / "c.sqlite")
    reader = Corpus(db, es_url=es_url)
    try:
        reader.ingest([str(tmp_path / "a.txt")])
        asked = _listings(reader, monkeypatch)
        before = [reader.search(query, lang=lang) for _ in range(3)]
        assert before[0]["hits"] and before[0]["total"] == before[2]["total"]
        assert _ranked(before[2]) == _ranked(before[0])       # what was found, in the same order
        assert asked and len(asked) <= 2                      # listed for the first searches only
        n = len(asked)
        assert _ranked(reader.search(query, lang=lang)) == _ranked(before[0])
        assert len(asked) == n                                # a repeated prefix: no request

        writer = Corpus(db, es_url=es_url)                    # another writer (the app's ingest)
        writer.ingest([str(tmp_path / "b.txt")])
        writer.close()
        added = {u.id for d in reader.store.documents() if d.source.endswith("b.txt") for u in reader.units(d.id)}
        after = reader.search(query, lang=lang)
        assert len(asked) > n                                 # the index changed: listed again
        assert added & {h["unit_id"] for h in after["hits"]}, lang   # the new word's provision found
        assert after["total"] > before[0]["total"]
        fresh = Corpus(db, es_url=es_url)                     # an index object that kept nothing
        try:
            assert _ranked(after) == _ranked(fresh.search(query, lang=lang))
        finally:
            fresh.close()
    finally:
        reader.index.es.indices.delete(index=reader.index.name, ignore_unavailable=True)
        reader.close()


@pytest.mark.parametrize("lang, first, later, query", CASES, ids=[c[0] for c in CASES])
def test_a_document_removed_elsewhere_drops_what_was_listed(tmp_path, es_url, monkeypatch, lang, first, later, query):
    """The act holding the prefix's new word removed through another object on the index: the
    next search lists the prefix again and scores it as an index object that kept nothing. Lucene
    still lists the removed word until a merge drops it, so that listing is not kept: the prefix
    is listed for every search meanwhile (as before the memo), never scored from a stale list."""
    from maslihat.corpus.index.elastic import ElasticIndex
    (tmp_path / "a.txt").write_text(first, encoding="utf-8")
    (tmp_path / "b.txt").write_text(later, encoding="utf-8")
    db = str(tmp_path / "c.sqlite")
    c = Corpus(db, es_url=es_url)
    try:
        c.ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
        both = [c.search(query, lang=lang) for _ in range(3)][-1]
        gone = [d.id for d in c.store.documents() if d.source.endswith("b.txt")]
        assert gone and {h["document_id"] for h in both["hits"]} & set(gone)
        asked = _listings(c, monkeypatch)
        assert _ranked(c.search(query, lang=lang)) == _ranked(both) and not asked
        ElasticIndex(es_url, index_name=c.index.name).remove(gone)     # no ledger: as another process
        after = [c.search(query, lang=lang) for _ in range(2)]
        assert len(asked) >= 2                                # listed again, and not kept
        assert after[0]["hits"] and not {h["document_id"] for h in after[0]["hits"]} & set(gone)
        assert _ranked(after[1]) == _ranked(after[0])
        fresh = Corpus(db, es_url=es_url)
        try:
            assert _ranked(after[0]) == _ranked(fresh.search(query, lang=lang))
        finally:
            fresh.close()
    finally:
        c.index.es.indices.delete(index=c.index.name, ignore_unavailable=True)
        c.close()
