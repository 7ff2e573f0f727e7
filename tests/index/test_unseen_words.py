"""Issue 16: a query word that no unit of the corpus holds («визирует», where the acts say
«визирования»; «визалаушы», where they say «визалауын») also looks for its kin by their first
letters (``query.unseen_terms``), in both languages and both back ends; a word the corpus holds
is looked up as it always was. The answer names such a word as in no document only when none of its
other forms is in one either (``query.absent_terms``: «созывает» is, when the acts say «созывается»)."""
import pytest

from maslihat.corpus.index import query as Q
from maslihat.corpus.index.query import TPrefix, plan
from tests.index.small_corpus import corpus_fixture, small_corpus
from tests.index.test_second_opinion import KK, RU

corpus = corpus_fixture("unseen_words", {"reg_ru.txt": RU, "reg_kk.txt": KK})
WORDS = [("визирует", "ru", "п. 4"), ("визалаушы", "kk", "4-тармақ"), ("пысықтамасы", "kk", "2-тармақ")]


def prefixes_of(node) -> set:
    if isinstance(node, TPrefix):
        return {node.stem}
    out: set = set()
    for name in ("items", "concepts", "extras"):
        for child in getattr(node, name, ()) or ():
            out |= prefixes_of(child)
    return out


@pytest.mark.parametrize("word,lang,want", WORDS)
def test_a_word_no_unit_holds_finds_its_kin(corpus, word, lang, want, monkeypatch):
    res = corpus.search(word, lang=lang, limit=5)
    assert res["hits"] and res["hits"][0]["label"] == want
    monkeypatch.setattr(Q, "UNSEEN_MIN", 10 ** 6)          # without the rule: nothing
    assert corpus.search(word, lang=lang, limit=5)["total"] == 0


@pytest.mark.parametrize("word,lang,want", WORDS)
def test_the_answer_names_the_words_no_unit_holds(corpus, word, lang, want):
    res = corpus.search(word, lang=lang, limit=5)
    assert [u["prefix"] for u in res["unseen"]] == [res["unseen"][0]["term"][:5]] and res["total"]
    assert [u["word"] for u in res["unseen"]] == [word]              # as typed, whatever its index term
    assert "unseen" not in corpus.search("проект решения", limit=5)


@pytest.mark.parametrize("query,lang,absent", [
    ("кто созывает сессию", "ru", "созывать"),          # the acts say «созывается»: found, not reported
    ("сессия қашан шақырылады", "kk", "шақырылад"),      # they say «шақырады»
])
def test_a_word_found_in_another_of_its_forms_is_not_reported_as_in_no_document(corpus, query, lang, absent):
    pl = plan(query, lang, None, corpus.index.term_counts)
    assert absent in pl.unseen and absent not in pl.absent          # still looked for by its first letters
    res = corpus.search(query, lang=lang, limit=5)
    assert res["hits"][0]["label"] == ("п. 5" if lang == "ru" else "5-тармақ")
    assert absent not in {u["term"] for u in res.get("unseen", [])}


@pytest.mark.parametrize("query,lang,expected", [
    ("кто визирует проект", "ru", {"визир"}),               # «проект» is in the corpus: as it was
    ("жобаны кім визалаушы", "kk", {"визал"}),
    ("проект решения", "ru", set()),
    ("визирует AND проект", "ru", set()),                    # strict: the words as written
])
def test_only_unseen_words_of_a_best_match_query_get_a_prefix(corpus, query, lang, expected):
    pl = plan(query, lang, None, corpus.index.term_counts)
    assert prefixes_of(pl.by_lang[lang]) == expected
    assert prefixes_of(plan(query, lang).by_lang[lang]) == set()     # no corpus asked: no prefix


@pytest.mark.elasticsearch
@pytest.mark.parametrize("word,lang,want", WORDS)
def test_elasticsearch_finds_the_same_kin(tmp_path, es_url, corpus, word, lang, want):
    with small_corpus(tmp_path, {"reg_ru.txt": RU, "reg_kk.txt": KK}, es_url=es_url) as es:
        got = es.search(word, lang=lang, limit=5)
    assert [h["unit_id"] for h in got["hits"]] == [h["unit_id"] for h in corpus.search(word, lang=lang, limit=5)["hits"]]
    assert got["total"] == corpus.search(word, lang=lang, limit=5)["total"]
