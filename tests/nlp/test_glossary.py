"""Glossary expansion (manual first, learned second) and pair learning."""
import pytest

from maslihat.nlp.analyze import query_terms
from maslihat.nlp.glossary import expand, learn_pairs, load, save


@pytest.mark.parametrize("query, lang, target, expected", [
    ("депутатский запрос", "ru", "kk", ["депутаттық", "сауал"]),
    ("депутаттық сауал", "kk", "ru", ["депутатский", "запрос"]),
    ("постоянные комиссии", "ru", "kk", ["тұрақты", "комиссия"]),
    ("тұрақты комиссиялар", "kk", "ru", ["постоянный", "комиссия"]),
    ("тайное голосование", "ru", "kk", ["жасырын", "дауыс", "беру"]),
    ("повестка дня", "ru", "kk", ["күн", "тәртіп"]),
])
def test_cross_lingual(query, lang, target, expected):
    assert expand(query_terms(query, lang), lang)[target][0] == expected


def test_source_language_first_then_synonyms():
    out = expand(query_terms("права депутата", "ru"), "ru")
    assert out["ru"][0] == ["право", "депутат"]
    assert ["полномочие", "депутат"] in out["ru"]
    assert any("өкілеттік" in seq for seq in out["kk"])


def test_unknown_terms_kept():
    out = expand(["жаңақорған", "36"], "kk")
    assert out["kk"] == [["жаңақорған", "36"]] and out["ru"] == [["жаңақорған", "36"]]
    assert ["кокшетау"] in expand(["көкшетау"], "kk")["ru"]      # a learned pair: Көкшетау = Кокшетау


def test_learn_pairs_keeps_strong_pairs_only(tmp_path):
    pairs = [("Депутатский запрос подан", "Депутаттық сауал берілді")] * 3 + \
            [("Бюджет города", "Қала бюджеті")] * 3
    table = learn_pairs(pairs)
    assert "сауал" in table["запрос"]
    assert "сауал" not in table.get("бюджет", [])
    save(table, tmp_path / "t.json")
    assert load(tmp_path / "t.json") == table


def test_shipped_learned_table():
    table = load()
    assert len(table) >= 50
    assert "сауал" in table["запрос"]


@pytest.mark.parametrize("word, lang, other", [
    # ordinary words the seed alone never paired, learned from the aligned units of the sample,
    # dev and dev-laws acts (scripts/learn_glossary.py --db; issue 16)
    ("размер", "ru", "мөлшер"), ("пособие", "ru", "жәрдемақы"), ("ребенок", "ru", "бала"),
    ("перерыв", "ru", "үзіліс"), ("мөлшер", "kk", "размер"), ("жәрдемақы", "kk", "пособие"),
    ("зират", "kk", "кладбище"), ("үзіліс", "kk", "перерыв"),
])
def test_the_learned_table_crosses_ordinary_words(word, lang, other):
    target = "kk" if lang == "ru" else "ru"
    assert any(other in seq for seq in expand(query_terms(word, lang), lang)[target])
