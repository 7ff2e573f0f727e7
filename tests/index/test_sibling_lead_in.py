"""An unnumbered line that is an item of a list opened by the line before it, not by its parent,
carries that opening too: «преждевременной ликвидации кладбища или его участка;» is an exception
only under «Перезахоронение … не допускается, кроме случаев:», a paragraph of the same point (the
repositories write each paragraph apart, between blank lines). The
hit shows it (``lead_in``), as it shows a parent's chapeau; a line after a finished
sentence, and a numbered point after a point that ends with a colon, are no such items."""
import pytest

from tests.index.small_corpus import corpus_fixture

RU = """РЕШЕНИЕ МАСЛИХАТА ТЕСТОВОГО РАЙОНА
Об утверждении Правил содержания кладбищ

1. Общие положения.

Кладбища содержатся за счет средств местного бюджета.

2. Порядок захоронения:

Захоронение производится на отведенных участках.

Перезахоронение останков на действующих и закрытых кладбищах не допускается, кроме случаев:

преждевременной ликвидации кладбища или его участка;

стихийного бедствия, угрожающего сохранности могил.

Надмогильные сооружения устанавливаются родственниками.

3. Журнал учета содержит следующие сведения:

4. Администрация кладбища ведет книгу регистрации захоронений.
"""
KK = """ТЕСТОВЫЙ АУДАНДЫҚ МӘСЛИХАТЫНЫҢ ШЕШІМІ
Зираттарды күтіп-ұстау қағидаларын бекіту туралы

1. Жалпы ережелер.

Зираттар жергілікті бюджет қаражаты есебінен күтіп-ұсталады.

2. Жерлеу тәртібі:

Жерлеу бөлінген учаскелерде жүргізіледі.

Жұмыс істеп тұрған және жабық зираттарда мүрделерді қайта жерлеуге мына жағдайлардан басқа жол берілмейді:

зираттың немесе оның учаскесінің мерзімінен бұрын жойылуы;

қабірлердің сақталуына қатер төндіретін дүлей апат.

Қабір үстіндегі құрылыстарды туыстары орнатады.

3. Есепке алу журналында мынадай мәліметтер қамтылады:

4. Зират әкімшілігі жерлеуді тіркеу кітабын жүргізеді.
"""

corpus = corpus_fixture("sibling_lead_in", {"rules_ru.txt": RU, "rules_kk.txt": KK})

OPENING = {"ru": "Перезахоронение останков на действующих и закрытых кладбищах не допускается, кроме случаев:",
           "kk": "Жұмыс істеп тұрған және жабық зираттарда мүрделерді қайта жерлеуге мына жағдайлардан басқа "
                 "жол берілмейді:"}


def hits(c, query, lang):
    return {h["text"].strip(): h for h in c.search(query, lang=lang, limit=30)["hits"]}


@pytest.mark.parametrize("lang,query,item", [
    ("ru", "ликвидация кладбища", "преждевременной ликвидации кладбища или его участка;"),
    ("ru", "стихийное бедствие могилы", "стихийного бедствия, угрожающего сохранности могил."),
    ("kk", "зираттың жойылуы", "зираттың немесе оның учаскесінің мерзімінен бұрын жойылуы;"),
    ("kk", "дүлей апат қабірлер", "қабірлердің сақталуына қатер төндіретін дүлей апат."),
])
def test_an_item_after_its_lists_opening_line_carries_it(corpus, lang, query, item):
    h = hits(corpus, query, lang)[item]
    assert OPENING[lang] in (h["lead_in"] or "")


@pytest.mark.parametrize("lang,query,line", [
    ("ru", "надмогильные сооружения родственники", "Надмогильные сооружения устанавливаются родственниками."),
    ("kk", "қабір үстіндегі құрылыстар туыстары", "Қабір үстіндегі құрылыстарды туыстары орнатады."),
    ("ru", "кладбища местный бюджет", "Кладбища содержатся за счет средств местного бюджета."),
    ("kk", "зираттар жергілікті бюджет", "Зираттар жергілікті бюджет қаражаты есебінен күтіп-ұсталады."),
])
def test_a_line_after_the_list_has_ended_carries_no_opening(corpus, lang, query, line):
    h = hits(corpus, query, lang)[line]
    assert OPENING[lang] not in (h["lead_in"] or "")


@pytest.mark.parametrize("lang,query,start", [
    ("ru", "книга регистрации захоронений", "4. Администрация кладбища"),
    ("kk", "жерлеуді тіркеу кітабы", "4. Зират әкімшілігі"),
])
def test_a_point_after_a_point_ending_with_a_colon_is_not_its_item(corpus, lang, query, start):
    h = next(h for t, h in hits(corpus, query, lang).items() if t.startswith(start))
    assert not h["lead_in"]

