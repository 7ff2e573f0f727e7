"""Glossary expansion (manual first, learned second) and pair learning."""
import pytest

from maslihat.nlp.analyze import query_terms
from maslihat.nlp import glossary
from maslihat.nlp.glossary import expand, learn_table, load, save


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


# Aligned RU/KK units written for the test. «внеочередной» is two Kazakh words, «кезектен тыс»,
# and each of them also occurs apart («кезекпен», «жоспардан тыс»); «малообеспеченный» always stands
# beside «семья» and is translated two ways («аз қамтылған», «тұрмысы төмен»), so by co-occurrence
# alone its best partner is семья's «отбасы» (the Dice table of earlier versions paired them).
ALIGNED = [
    ("Внеочередная сессия маслихата созывается председателем.", "Мәслихаттың кезектен тыс сессиясын төраға шақырады."),
    ("Внеочередное заседание комиссии проводится по требованию депутатов.",
     "Комиссияның кезектен тыс отырысы депутаттардың талабы бойынша өткізіледі."),
    ("Решение о созыве внеочередной сессии принимается большинством голосов.",
     "Кезектен тыс сессияны шақыру туралы шешім көпшілік дауыспен қабылданады."),
    ("Внеочередная проверка назначается акимом области.", "Кезектен тыс тексеруді облыс әкімі тағайындайды."),
    ("О внеочередной сессии депутаты извещаются за три дня.", "Депутаттарға кезектен тыс сессия туралы үш күн бұрын хабарланады."),
    ("Очередная сессия проводится не реже четырех раз в год.", "Кезекті сессия жылына кемінде төрт рет өткізіледі."),
    ("Очередь на жилье ведется акиматом.", "Тұрғын үй кезегін әкімдік жүргізеді."),
    ("Депутаты выступают по очереди.", "Депутаттар кезекпен сөйлейді."),
    ("Заявления рассматриваются в порядке очереди.", "Өтініштер кезек тәртібімен қаралады."),
    ("Расходы сверх плана не допускаются.", "Жоспардан тыс шығыстарға жол берілмейді."),
    ("Работы за пределами города выполняются подрядчиком.", "Қаладан тыс жұмыстарды мердігер орындайды."),
    ("Помощь малообеспеченным семьям оказывается ежемесячно.", "Аз қамтылған отбасыларға көмек ай сайын көрсетіледі."),
    ("Список малообеспеченных семей утверждает аким.", "Аз қамтылған отбасылардың тізімін әкім бекітеді."),
    ("Малообеспеченные семьи освобождаются от платы.", "Тұрмысы төмен отбасылар төлемнен босатылады."),
    ("Пособие малообеспеченным семьям назначается по заявлению.",
     "Тұрмысы төмен отбасыларға жәрдемақы өтініш бойынша тағайындалады."),
    ("Многодетные семьи получают жилье в первую очередь.", "Көп балалы отбасылар тұрғын үйді бірінші кезекте алады."),
    ("Семья погибшего получает единовременную выплату.", "Қаза тапқан адамның отбасылары біржолғы төлем алады."),
    ("Доходы семей определяются за квартал.", "Отбасылардың табысы тоқсан үшін айқындалады."),
    ("Составы семей подтверждаются справками.", "Отбасылардың құрамы анықтамамен расталады."),
]


def test_learner_pairs_one_word_with_two_words_both_ways():
    table = learn_table(ALIGNED)
    assert table["ru"]["внеочередной"] == ["кезек тыс"]          # not «тыс» or «кезек» alone
    assert table["kk"]["кезек тыс"] == ["внеочередной"]
    assert table["ru"]["очередь"] == ["кезек"] and table["kk"]["кезек"] == ["очередь"]


def test_learner_does_not_pair_a_collocate():
    table = learn_table(ALIGNED)
    assert table["ru"]["семья"] == ["отбасы"] and table["kk"]["отбасы"] == ["семья"]
    assert "отбасы" not in table["ru"].get("малообеспеченный", [])


def test_learner_is_deterministic_and_round_trips(tmp_path):
    table = learn_table(ALIGNED)
    assert learn_table(ALIGNED[::-1] + ALIGNED) == table          # order and repeated units change nothing
    save(table, tmp_path / "t.json")
    assert load(tmp_path / "t.json") == table


def test_a_table_of_the_earlier_format_is_read_both_ways(tmp_path):
    (tmp_path / "old.json").write_text('{"запрос": ["сауал"], "бюджет": ["бюджет"]}', encoding="utf-8")
    assert load(tmp_path / "old.json") == {"ru": {"запрос": ["сауал"], "бюджет": ["бюджет"]},
                                           "kk": {"сауал": ["запрос"], "бюджет": ["бюджет"]}}


@pytest.fixture
def learned_table(tmp_path, monkeypatch):
    """``expand`` reading a learned table written here (the shipped one may grow)."""
    path = tmp_path / "learned.json"
    save({"ru": {"внеочередной": ["кезек тыс"], "проверка": ["тексеру"]},
          "kk": {"кезек тыс": ["внеочередной"], "тексеру": ["проверка"]}}, path)
    monkeypatch.setattr(glossary, "LEARNED", path)
    for f in (glossary._learned, glossary._learned_keys, glossary._phrases):
        f.cache_clear()
    yield
    for f in (glossary._learned, glossary._learned_keys, glossary._phrases):
        f.cache_clear()


def test_expand_uses_a_multi_term_learned_translation(learned_table):
    # Russian word -> Kazakh two-word sequence, kept together as one alternative
    assert expand(["внеочередной", "проверка"], "ru")["kk"][0] == ["кезек", "тыс", "тексеру"]
    # Kazakh two-word sequence -> one Russian word, read as one expression of the query
    assert expand(["кезек", "тыс", "тексеру"], "kk")["ru"][0] == ["внеочередной", "проверка"]
    assert glossary._segments(["кезек", "тыс", "тексеру"], "kk")[0] == ("кезек", "тыс")


def test_shipped_learned_table():
    table = load()
    assert len(table["ru"]) >= 50 and len(table["kk"]) >= 50
    assert "сауал" in table["ru"]["запрос"] and "запрос" in table["kk"]["сауал"]
    assert any(" " in k for k in table["kk"])                   # Kazakh sequences learned
    assert [["кезек", "тыс"]] == expand(query_terms("внеочередной", "ru"), "ru")["kk"][:1]
    assert ["внеочередной"] in expand(query_terms("кезектен тыс", "kk"), "kk")["ru"]


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
