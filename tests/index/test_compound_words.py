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

1. Ауыл әкімі көшелерге атау береді.
"""
RU = """ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН
Об устройстве тестового региона

Статья 1. Компетенция маслихата

1. Вопросы административно-территориального устройства области рассматривает маслихат.

Статья 2. Улицы

1. Аким села дает наименования улицам.
"""
corpus = corpus_fixture("compound", {"law_kk.txt": KK, "law_ru.txt": RU})


@pytest.mark.parametrize("query,lang,n", [
    ("ауыл әкімінің әкімшілік-аумақтық өкілеттіктері", "kk", 4),
    ("полномочия акима села административно-территориальные", "ru", 4),
])
def test_a_hyphenated_word_is_one_concept(query, lang, n):
    node = plan(query, lang).by_lang[lang]
    assert isinstance(node, TBest)
    assert len(node.concepts) == n, node.concepts


@pytest.mark.parametrize("query,lang,wanted", [
    ("ауыл әкімінің әкімшілік-аумақтық өкілеттіктері", "kk", "1. Ауыл әкімі"),
    ("полномочия акима села административно-территориальные", "ru", "1. Аким села"),
])
def test_the_provision_with_the_other_words_outranks_the_compound_alone(corpus, query, lang, wanted):
    """Two words of the question («ауыл», «әкім») against the compound alone, however often."""
    hits = corpus.search(query, lang=lang, limit=5)["hits"]
    texts = [h["text"] for h in hits]
    first_compound = next(i for i, t in enumerate(texts) if "аумақтық" in t or "территориальн" in t)
    first_wanted = next(i for i, t in enumerate(texts) if t.startswith(wanted))
    assert first_wanted < first_compound, texts
