"""A corpus of a few texts written by a test, on the embedded back end or on Elasticsearch: the
fixtures of the ranking-rule tests (answer kind, definition, citation) share it."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest

from maslihat.corpus.api import Corpus


@contextmanager
def small_corpus(folder: Path, files: dict[str, str], es_url: str = ""):
    """``files`` (name -> text) written under ``folder``/in and ingested into ``folder``; an
    Elasticsearch index the corpus made is deleted afterwards."""
    (folder / "in").mkdir()
    for name, text in files.items():          # a name may hold a folder (the repositories' layout)
        (folder / "in" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "in" / name).write_text(text, encoding="utf-8")
    c = Corpus(str(folder / ("es.sqlite" if es_url else "c.sqlite")), es_url=es_url)
    try:
        c.ingest([str(folder / "in")])
        yield c
    finally:
        if es_url:
            from maslihat.corpus.index.elastic import ElasticIndex
            if isinstance(c.index, ElasticIndex):
                c.index.es.indices.delete(index=c.index.name, ignore_unavailable=True)
        c.close()


def corpus_fixture(name: str, files: dict[str, str]):
    """A module-scoped pytest fixture: ``files`` ingested once into an embedded corpus."""
    @pytest.fixture(scope="module")
    def fixture(tmp_path_factory):
        with small_corpus(tmp_path_factory.mktemp(name), files) as c:
            yield c
    return fixture


def assert_same_first(tmp_path: Path, es_url: str, corpus, files: dict[str, str], queries) -> None:
    """The embedded ``corpus`` (made of ``files``) and the same files on Elasticsearch put the same
    provision first for every (query, results language) of ``queries``."""
    with small_corpus(tmp_path, files, es_url) as ce:
        for query, lang in queries:
            a = [h["unit_id"] for h in corpus.search(query, lang=lang, limit=3)["hits"]]
            b = [h["unit_id"] for h in ce.search(query, lang=lang, limit=3)["hits"]]
            assert a[0] == b[0], query


def assert_rule_puts_first(corpus, query: str, lang: str, want: str, monkeypatch, factor: str) -> None:
    """The first hit of ``query`` holds ``want``; with the ranking rule's factor (``scoring.<factor>``)
    set to 1 it does not: the repeated mention wins without the rule."""
    from maslihat.corpus.index import scoring
    first = corpus.search(query, lang=lang, limit=3)["hits"][0]
    assert want in first["text"], first["text"]
    monkeypatch.setattr(scoring, factor, 1.0)
    assert want not in corpus.search(query, lang=lang, limit=3)["hits"][0]["text"]
