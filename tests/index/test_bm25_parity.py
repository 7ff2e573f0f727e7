"""The arithmetic that makes Elasticsearch's BM25 FTS5's (issue 16; the live comparison is
``test_equivalence.py::test_same_bm25_as_fts5``): Lucene's stored lengths, the IDF boost of a
word and of a phrase, and the language token every Elasticsearch row opens with."""
import math

import numpy as np
import pytest

from maslihat.corpus.index import compile as qc
from maslihat.corpus.index import ranking
from maslihat.corpus.index.elastic import with_lang_token
from maslihat.corpus.index.query import TBest, TOr, TPhrase, safe_term


def test_lengths_below_24_kept_exactly():
    # SmallFloat.intToByte4: a length below NUM_FREE_VALUES = 24 is its own byte
    n = np.arange(24)
    assert ranking.int_to_byte4(n).tolist() == list(range(24))
    assert ranking.lucene_length(n).tolist() == list(range(24))


def test_longer_lengths_as_lucene_stores_and_reads_them():
    """Worked by hand from Lucene's SmallFloat (i = n - 24; longToInt4 keeps i's four most
    significant bits, the top one implicit: ((i >>> s) & 7) | (s + 1) << 3 with s = bit length - 4;
    int4ToLong(e) = ((e & 7) | 8) << ((e >>> 3) - 1); the byte is 24 + that):
      n = 31:   i = 7 (3 bits, kept as is)                   -> byte 31, read 31
      n = 39:   i = 15 = 1111b, s = 0: 7 | 1 << 3 = 15         -> byte 39, read 24 + 15 = 39
      n = 40:   i = 16 = 10000b, s = 1: 0 | 2 << 3 = 16        -> byte 40, read 24 + (8 << 1) = 40
      n = 41:   i = 17 = 10001b, s = 1: the last bit lost      -> byte 40, read 40
      n = 42:   i = 18, s = 1: (9 & 7) | 16 = 17               -> byte 41, read 24 + (9 << 1) = 42
      n = 55:   i = 31, s = 1: 7 | 16 = 23                     -> byte 47, read 24 + (15 << 1) = 54
      n = 100:  i = 76 = 1001100b, s = 3: 1 | 4 << 3 = 33      -> byte 57, read 24 + (9 << 3) = 96
      n = 299:  i = 275 = 100010011b, s = 5: 0 | 6 << 3 = 48   -> byte 72, read 24 + (8 << 5) = 280
      n = 1000: i = 976 = 1111010000b, s = 6: 7 | 7 << 3 = 63  -> byte 87, read 24 + (15 << 6) = 984
      n = 2**31 - 1 (Integer.MAX_VALUE): i's s = 27: 7 | 28 << 3 = 231 -> byte 255,
                read min(24 + (15 << 27), MAX_VALUE) = 2013265944"""
    n = np.array([31, 39, 40, 41, 42, 55, 100, 299, 1000, 2**31 - 1])
    assert ranking.int_to_byte4(n).tolist() == [31, 39, 40, 40, 41, 47, 57, 72, 87, 255]
    assert ranking.lucene_length(n).tolist() == [31, 39, 40, 40, 42, 54, 96, 280, 984, 2013265944]


def test_every_byte_is_a_length_and_lengths_round_down():
    b = np.arange(256)
    length = ranking.byte4_to_int(b)
    assert (np.diff(length) > 0).all()                       # 256 distinct lengths, in order
    assert ranking.int_to_byte4(length).tolist() == b.tolist()
    n = np.arange(5000)
    kept = ranking.lucene_length(n)
    assert (kept <= n).all()                                  # rounded down ...
    nxt = length[np.minimum(ranking.int_to_byte4(n) + 1, 255)]
    assert (nxt > n).all()                                    # ... to the largest length not above n


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


@pytest.mark.parametrize("stem", ["депута", "мәслих"])
def test_a_prefix_boosted_to_fts5s_one_idf(stem):
    """FTS5 weights a prefix by the IDF of the units holding any of its terms; Lucene's span query
    over the terms by the sum of their IDFs: the boost turns the one into the other."""
    n_rows, counts, n_any = 4000, [300, 40, 5], 320
    boost = qc.fts5_prefix_boost(n_rows, n_any, counts)
    lucene = sum(qc.lucene_idf(n_rows, n) for n in counts)
    assert boost * lucene == pytest.approx(math.log((n_rows - n_any + 0.5) / (n_any + 0.5)))


def test_the_prefixes_a_query_scores_not_those_it_excludes():
    from maslihat.corpus.index.query import TAnd, TNot, TPrefix
    node = TAnd((TPrefix("депута"), TOr((TPrefix("сесси"), TPhrase(("бюджет",)))), TNot(TPrefix("комисс"))))
    assert qc.prefixes(node) == {"депута", "сесси"}
    assert "span_multi" in str(qc.es(node, idf={qc.prefix_key("депута"): 0.5}))
    assert "top_terms_64" in str(qc.es(TPrefix("сесси"), idf={}))          # not counted: as before
