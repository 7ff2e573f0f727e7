"""Issue 16: a question whether something may be done («можно ли …», «… бола ма») is answered by
the provision that permits or forbids it, before provisions that only name the same things."""
import pytest

from maslihat.corpus.index import scoring
from maslihat.corpus.index.query import plan
from tests.index.small_corpus import assert_rule_puts_first, assert_same_first, corpus_fixture

RU = """РЕШЕНИЕ
маслихата города Тестовый
Об утверждении Правил содержания собак

1. Владелец собаки, выгуливающий собаку во дворе и рядом с детской площадкой, убирает за собакой, а при выгуливании собаки у детской площадки держит собаку на коротком поводке.
2. Выгул собак на детских площадках запрещается.
3. Учет собак ведет отдел ветеринарии.
"""
KK = """ШЕШІМ
Тестовый қаласы мәслихатының
Иттерді ұстау қағидаларын бекіту туралы

1. Ит иесі итті серуендетуге аулаға және балалар алаңының жанына шығарғанда иті үшін жинайды, ал балалар алаңында итті серуендетуге шыққанда итті қысқа баумен ұстайды.
2. Балалар алаңдарында итті серуендетуге тыйым салынады.
3. Иттердің есебін ветеринария бөлімі жүргізеді.
"""

corpus = corpus_fixture("permission", {"dogs_ru.txt": RU, "dogs_kk.txt": KK})
QUERIES = [("можно ли выгуливать собаку на детской площадке", "ru", "запрещается"),
           ("балалар алаңында итті серуендетуге бола ма", "kk", "тыйым салынады")]


def test_the_question_asks_whether():
    assert "permission" in plan(QUERIES[0][0], None).answer
    assert "permission" in plan(QUERIES[1][0], None).answer
    assert "permission" not in plan("выгул собак детская площадка", None).answer


def test_with_cues_multiplies_only_the_units_that_permit_or_forbid():
    modal = {"a/p_2"}
    cue_of = lambda ids, kind, terms: modal & set(ids) if kind == "permission" else set()
    got = scoring.with_cues(["a/p_1", "a/p_2"], [10.0, 8.0], frozenset({"permission"}), cue_of)
    assert got == [10.0, 8.0 * scoring.PERMISSION]
    assert scoring.with_cues(["a/p_1", "a/p_2"], [10.0, 8.0], frozenset(), cue_of) == [10.0, 8.0]
    assert scoring.with_cues(["a/p_1", "a/p_2"], [10.0, 8.0], frozenset({"liability"}), cue_of) == [10.0, 8.0]


@pytest.mark.parametrize("query,lang,want", QUERIES)
def test_the_provision_that_forbids_comes_first(corpus, query, lang, want, monkeypatch):
    assert_rule_puts_first(corpus, query, lang, want, monkeypatch, "PERMISSION")


@pytest.mark.elasticsearch
def test_elasticsearch_puts_the_same_provision_first(tmp_path, es_url, corpus):
    assert_same_first(tmp_path, es_url, corpus, {"dogs_ru.txt": RU, "dogs_kk.txt": KK},
                      [(query, lang) for query, lang, _ in QUERIES])
