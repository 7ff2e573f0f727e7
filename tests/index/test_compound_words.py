"""Issue 16: a hyphenated word («әкімшілік-аумақтық», «административно-территориальный») is
one notion of the query, not two of its words. Counted as two, a unit that states only the
compound matched «two words of four» and outranked the provision that has every other word of
the question («ауыл әкімінің … өкілеттіктері»)."""
import pytest

from maslihat.corpus.index.query import TBest, plan
from tests.index.small_corpus import corpus_fixture

KK = """ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ
Тестовый өңірдің құрылысы туралы

1-бап. Мәслихаттың құзыреті

1. Облыстың әкімшілік-аумақтық құрылысы туралы мәселелерді мәслихат қарайды.

2-бап. Көшелер

1. Кент көшелеріне облыс әкімдігі береді.
"""
RU = """ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН
Об устройстве тестового региона

Статья 1. Компетенция маслихата

1. Вопросы административно-территориального устройства области рассматривает маслихат.

Статья 2. Улицы

1. Улицам поселка их дает акимат области.
"""
corpus = corpus_fixture("compound", {"law_kk.txt": KK, "law_ru.txt": RU})


def _concept_terms(node) -> set:
    items = getattr(node, "items", None)
    if items is None:
        return set(node.terms)
    return set().union(*(_concept_terms(i) for i in items))


@pytest.mark.parametrize("query,lang,pair", [
    ("кент көшелерінің әкімшілік-аумақтық атаулары", "kk", ("әкімшілік", "аумақтық")),
    ("наименования улиц поселка административно-территориальные", "ru", ("административно", "территориальный")),
])
def test_a_hyphenated_word_is_one_concept(query, lang, pair):
    """Both halves of the compound sit in one concept; no concept holds one half alone (however
    the thesaurus groups the query's other words)."""
    node = plan(query, lang).by_lang[lang]
    assert isinstance(node, TBest)
    holding = [c for c in node.concepts if _concept_terms(c) & set(pair)]
    assert len(holding) == 1 and set(pair) <= _concept_terms(holding[0]), node.concepts
    assert len(node.concepts) == 4, node.concepts


@pytest.mark.parametrize("query,lang,wanted", [
    ("кент көшелерінің әкімшілік-аумақтық атаулары", "kk", "1. Кент көшелеріне"),
    ("наименования улиц поселка административно-территориальные", "ru", "1. Улицам поселка"),
])
def test_the_provision_with_the_other_words_outranks_the_compound_alone(corpus, query, lang, wanted):
    """Two words of the question (streets, settlement) against the compound alone."""
    hits = corpus.search(query, lang=lang, limit=5)["hits"]
    texts = [h["text"] for h in hits]
    first_compound = next(i for i, t in enumerate(texts) if "аумақтық" in t or "территориальн" in t)
    first_wanted = next(i for i, t in enumerate(texts) if t.startswith(wanted))
    assert first_wanted < first_compound, texts


NUMBERED = {
    "rates_ru.txt": """Об утверждении ставок платежей

Решение маслихата Тестовой области от 26 декабря 2001 года № 17-113

1. Утвердить ставки платежей согласно приложению.

Приложение

1. коровы 60 40 30
2. овцы 40 17 12
""",
    "rules_ru.txt": """Об утверждении регламента маслихата

Решение маслихата Тестовой области от 13 апреля 2004 года № 5-40

1. Утвердить прилагаемый регламент маслихата.

2. Сессия маслихата созывается не реже четырех раз в год.
""",
}
numbered = corpus_fixture("numbered", NUMBERED)


@pytest.mark.parametrize("query,lang", [("№ 5-40", "ru"), ("17-113", "ru"), ("шешім 5-40", "kk")])
def test_a_hyphenated_number_is_its_digits_in_their_order(query, lang):
    """«№ 5-40» is an act's number: its digits side by side and in order, not «5» and «40» anywhere
    (a rates table has «60 40 30»)."""
    node = plan(query, None).by_lang["ru"]
    concepts = node.concepts if isinstance(node, TBest) else (node,)
    number = [c for c in concepts if set(getattr(c, "terms", ())) & {"40", "113"}]
    assert number and len(number[0].terms) == 2 and number[0].terms[0] in ("5", "17")


@pytest.mark.parametrize("query,expected", [("№ 5-40", "5-40"), ("решение № 17-113", "17-113")])
def test_an_act_is_found_by_its_number(numbered, query, expected):
    hits = numbered.search(query, limit=3)["hits"]
    assert hits and expected in hits[0]["text"], [h["text"][:60] for h in hits]
