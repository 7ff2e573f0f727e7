"""Issue 16: a Russian expression translated word by word need not keep the Russian order in Kazakh.

«права депутата» has no Kazakh entry as a whole; word by word it is «құқық депутат», but Kazakh
puts the possessor first: «депутаттың құқықтары». Read as a phrase in the Russian order it matched
no Kazakh text, so a Russian question never reached a Kazakh-only provision through it (and the
other way round). A word-by-word rendering now needs its words, not their order; an entry of the
glossary translated as a whole stays a phrase. RU and KK, both back ends."""
import pytest

from maslihat.corpus.index.query import TAnd, TBest, TPhrase, plan
from tests.index.small_corpus import assert_same_first, corpus_fixture

KK = """Мәслихат жұмысының тәртібі туралы ереже

1. Депутаттың құқықтары мен міндеттері осы Ережемен белгіленеді.

2. Мәслихат сессиясы жылына кемінде төрт рет шақырылады.

3. Депутат сессия жұмысына қатысады.
"""
RU = """Положение о работе маслихата

1. Права депутата определяются настоящим Положением.

2. Сессия маслихата созывается не реже четырех раз в год.

3. Депутат участвует в работе сессии.
"""

corpus = corpus_fixture("word_order", {"rules_kk.txt": KK, "rules_ru.txt": RU})
QUERIES = [("права депутата", "kk", "құқықтары"), ("депутаттың құқықтары", "ru", "права депутата")]


def _alternatives(query: str, target: str) -> list:
    node = plan(query, None).by_lang[target]
    concept = node.concepts[0] if isinstance(node, TBest) else node
    return list(getattr(concept, "items", (concept,)))


@pytest.mark.parametrize("query,target,words", [("права депутата", "kk", {"құқық", "депутат"}),
                                                ("депутаттың құқықтары", "ru", {"право", "депутат"})])
def test_a_word_by_word_rendering_needs_its_words_not_their_order(query, target, words):
    alts = _alternatives(query, target)
    loose = [a for a in alts if isinstance(a, TAnd)]
    assert any({leaf.terms[0] for leaf in a.items} == words for a in loose), alts
    assert not any(isinstance(a, TPhrase) and set(a.terms) == words for a in alts)


def test_a_whole_entry_of_the_glossary_stays_a_phrase():
    alts = _alternatives("депутатский запрос", "kk")
    assert any(isinstance(a, TPhrase) and a.terms[:2] == ("депутаттық", "сауал") for a in alts), alts


@pytest.mark.parametrize("query,lang,expected", QUERIES)
def test_a_question_reaches_the_provision_in_the_other_languages_order(corpus, query, lang, expected):
    hits = corpus.search(query, lang=lang, limit=3)["hits"]
    assert hits and expected in hits[0]["text"].lower(), [h["text"][:60] for h in hits]


@pytest.mark.elasticsearch
def test_elasticsearch_puts_the_same_provision_first(tmp_path, es_url, corpus):
    assert_same_first(tmp_path, es_url, corpus, {"rules_kk.txt": KK, "rules_ru.txt": RU},
                      [(q, lang) for q, lang, _ in QUERIES])
