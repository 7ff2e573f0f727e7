"""Issue 16 facets on the scale-out back end: an act ended by an act of the corpus read before it
(``corpus.ingest_run._add_repeal``) is counted and filtered as repealed on Elasticsearch too; the
texts are tests/structure/test_local_everyday.py's (written by hand)."""
import pytest

from tests.structure.test_local_everyday import repealing_first


@pytest.mark.elasticsearch
@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_elasticsearch_status_facet_follows_a_repeal_read_later(tmp_path, es_url, lang):
    """The same two runs on the scale-out back end: the act ended by an act ingested before it is
    counted and filtered as repealed there too (its index rows are written again)."""
    from maslihat.corpus.index.elastic import ElasticIndex
    c = repealing_first(tmp_path, es_url)
    try:
        assert isinstance(c.index, ElasticIndex)
        budget = next(d for d in c.store.documents() if d.number == "12-3" and d.language == lang)
        query = "бюджет района" if lang == "ru" else "аудан бюджеті"
        res = c.search(query, lang=lang, filters={"status": ["repealed"]})
        assert any(h["document_id"] == budget.id for h in res["hits"])
        assert not any(h["document_id"] == budget.id
                       for h in c.search(query, lang=lang, filters={"status": ["unknown"]})["hits"])
    finally:
        c.index.es.indices.delete(index=c.index.name, ignore_unavailable=True)
        c.close()
