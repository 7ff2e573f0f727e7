"""Kazakh typed with Russian letters: the spellings a typed word may stand for (nlp.lang.kk.letters).

Each example is a real word of the sample corpus's Kazakh text and how it is typed on a Russian
keyboard; the letter tables must produce it."""
import pytest

from maslihat.nlp.lang.kk.letters import BACK, FRONT, MAX_RESPELLINGS, MIXED, has_kazakh_letters, respellings

TYPED = [
    ("тартибин", "тәртібін"), ("бекитеди", "бекітеді"), ("ким", "кім"), ("кун", "күн"),
    ("шакырады", "шақырады"), ("калай", "қалай"), ("салыгы", "салығы"), ("депутаттык", "депутаттық"),
    ("окилеттиктери", "өкілеттіктері"), ("мугедек", "мүгедек"), ("кукыктык", "құқықтық"),
    ("тагайындайды", "тағайындайды"), ("онир", "өңір"), ("аудандык", "аудандық"), ("уй", "үй"),
    ("кошенин", "көшенің"), ("жанбыр", "жаңбыр"),
    # loans: the root as typed, the Kazakh ending harmonised on its own
    ("нормативтик", "нормативтік"), ("сессияга", "сессияға"), ("актилердин", "актілердің"),
    ("регламенти", "регламенті"), ("бизнесине", "бизнесіне"), ("модельдери", "модельдері"),
]


@pytest.mark.parametrize("typed,meant", TYPED)
def test_the_meant_spelling_is_among_the_respellings(typed, meant):
    assert meant in respellings(typed)


@pytest.mark.parametrize("word", ["тәртібін", "қалай", "күн", "мәслихат", "ҚҰҚЫҚ"])
def test_a_word_typed_with_kazakh_letters_is_left_alone(word):
    assert has_kazakh_letters(word)
    assert respellings(word) == []


@pytest.mark.parametrize("word", ["сессия", "ты", "бес", "", "123", "deputy", "рыс"])
def test_words_without_a_stand_in_or_not_cyrillic_have_none(word):
    out = respellings(word)
    assert word not in out
    assert all(has_kazakh_letters(o) for o in out)


def test_harmony_keeps_the_list_short():
    # a front word (е) never gets back letters, a back word (ы) never front ones
    assert all(not set(r) & set("қғұ") for r in respellings("бекитеди"))
    assert all(not set(r) & set("әөүі") for r in respellings("шакырады"))
    assert max(len(respellings(w)) for w, _ in TYPED) <= MAX_RESPELLINGS


def test_fewest_changed_letters_first():
    out = respellings("нормативтик")
    changed = [sum(a != b for a, b in zip(o, "нормативтик")) for o in out]
    assert changed == sorted(changed) and changed[0] == 1


def test_tables_only_map_to_kazakh_letters():
    for table in (BACK, FRONT, MIXED):
        for typed, options in table.items():
            assert not has_kazakh_letters(typed)
            assert all(o == typed or has_kazakh_letters(o) for o in options)
