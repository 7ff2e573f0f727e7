"""The arithmetic that makes Elasticsearch's BM25 FTS5's (issue 16; the live comparison is
``test_equivalence.py::test_same_bm25_as_fts5``): Lucene's stored lengths, the IDF boost of a
word and of a phrase, and the language token every Elasticsearch row opens with."""
import math

import numpy as np
import pytest

from maslihat.corpus.index import compile as qc
from maslihat.corpus.index.elastic import with_lang_token
from maslihat.corpus.index.query import TBest, TOr, TPhrase, safe_term


def test_lucene_keeps_lengths_below_24_and_four_significant_bits_above():
    # SmallFloat.byte4ToInt(intToByte4(n)) in Lucene 9: 24 + (n - 24) rounded down to 4 bits
    n = np.array([0, 1, 23, 24, 39, 40, 41, 55, 56, 100, 1000])
    assert qc.lucene_length(n).tolist() == [0, 1, 23, 24, 39, 40, 40, 54, 56, 96, 984]


@pytest.mark.parametrize("term", ["депутат", "мәслихат"])
def test_a_word_boosted_to_fts5s_idf(term):
    """Lucene's BM25 × boost = FTS5's, RU and KK words alike: a rare word, a common one, and one
    in most units (FTS5: 1e-6, Lucene: still positive)."""
    n_rows = 1000
    for n in (3, 300, 700):
        boost = qc.fts5_boost((term,), n_rows, {(term,): n})
        fts5 = math.log((n_rows - n + 0.5) / (n + 0.5))
        assert boost * qc.lucene_idf(n_rows, n) == pytest.approx(fts5 if fts5 > 0 else 1e-6)


@pytest.mark.parametrize("phrase", [("постоянный", "комиссия"), ("тұрақты", "комиссия")])
def test_a_phrase_boosted_to_its_own_idf_not_its_words_sum(phrase):
    n_rows = 5000
    count = {phrase: 40, (phrase[0],): 400, (phrase[1],): 900}
    boost = qc.fts5_boost(phrase, n_rows, count)
    lucene = qc.lucene_idf(n_rows, 400) + qc.lucene_idf(n_rows, 900)
    assert boost * lucene == pytest.approx(math.log((n_rows - 40 + 0.5) / 40.5))


def test_every_scored_phrase_is_boosted_in_the_query():
    node = TBest(concepts=(TOr((TPhrase(("депутат",)), TPhrase(("бездепутатный",), 0.5))), TPhrase(("сессия",))),
                 required=(False, False), extras=(TPhrase(("депутат", "сессия")),))
    assert qc.phrases(node) == {("депутат",), ("бездепутатный",), ("сессия",), ("депутат", "сессия")}
    q = str(qc.es(node, "b0", {("бездепутатный",): 3.0, ("депутат", "сессия"): 0.25}))
    assert "'boost': 1.5" in q                       # the verb form's 0.5 × its IDF boost 3.0
    assert "'boost': 0.25" in q


@pytest.mark.parametrize("lang,terms", [("ru", "депутат сессия"), ("kk", "мәслихат сессиясы")])
def test_a_row_opens_with_its_language_token_no_query_term_can_be(lang, terms):
    row = with_lang_token({"language": lang, "terms": terms, "nterms": 2})
    first, *rest = row["terms"].split()
    assert " ".join(rest) == terms and row["nterms"] == 2
    assert safe_term(first) != first                 # never a term of a query
