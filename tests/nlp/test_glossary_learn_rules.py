"""The learned RU↔KK table's rules against wrong pairs (issue 16, session 27): a number word links
with a number word first, a Kazakh light verb is never a translation on its own, and a pair seen in
one act only needs more evidence unless the two words are spelled alike. Aligned units written for
the tests, in both languages."""
import pytest

from maslihat.nlp import glossary
from maslihat.nlp.glossary import learn_table, light_verb, number_word


@pytest.mark.parametrize("term, lang", [("четыре", "ru"), ("треть", "ru"), ("тысяча", "ru"),
                                        ("төрт", "kk"), ("екіс", "kk"), ("жартыс", "kk"), ("үштен", "kk")])
def test_number_words(term, lang):
    assert number_word(term, lang)


@pytest.mark.parametrize("term, lang", [("первый", "ru"), ("созываться", "ru"), ("квартал", "ru"),
                                        ("бірінші", "kk"), ("бірлесіп", "kk"), ("шақырылад", "kk"),
                                        ("онда", "kk")])
def test_not_number_words(term, lang):
    # an ordinal is an adjective with other translations too («первый» = бірінші, алғашқы)
    assert not number_word(term, lang)


@pytest.mark.parametrize("term", ["етед", "ету", "етуші", "етілед", "етілмей", "етс", "етіп", "ете",
                                  "етпесе", "етілетін", "қылад"])
def test_light_verb_forms(term):
    assert light_verb(term)


@pytest.mark.parametrize("term", ["есеп", "қылмыстық", "ет", "етік", "бекітілед", "шақырылад",
                                  "болмаған", "болу"])         # болу «be» has its own meaning («absent»)
def test_not_light_verb_forms(term):
    assert not light_verb(term)


# «созывается не реже 4 раз»: the Russian writes the number in digits, the Kazakh as a word
# («төрт рет»), so «төрт» stands in every unit «созывается» does, more regularly than its verb
# «шақырылады» (which also translates «приглашаются»): by co-occurrence alone they pair.
CONVENED = [
    ("Очередная сессия созывается не реже 4 раз в год.", "Кезекті сессия жылына кемінде төрт рет шақырылады."),
    ("Собрание созывается не реже 4 раз в год.", "Жиналыс жылына кемінде төрт рет шақырылады."),
    ("Совет созывается не реже 4 раз в год.", "Кеңес жылына кемінде төрт рет шақырылады."),
    ("Заседание созывается не реже 4 раз в год.", "Отырыс жылына кемінде төрт рет шақырылады."),
    ("Внеочередная сессия созывается по предложению акима.", "Кезектен тыс сессия әкімнің ұсынысы бойынша шақырылады."),
    ("На сессию приглашаются представители общественности.", "Сессияға жұртшылық өкілдері шақырылады."),
    ("На заседание приглашаются руководители.", "Отырысқа басшылар шақырылады."),
    ("На собрание приглашаются жители.", "Жиналысқа тұрғындар шақырылады."),
    ("Комиссия состоит из четырех депутатов.", "Комиссия төрт депутаттан тұрады."),
]


def test_a_kazakh_number_word_does_not_translate_a_russian_verb():
    table = learn_table(CONVENED)
    assert table["ru"]["созываться"] == ["шақырылад"]
    assert "созываться" not in table["kk"].get("төрт", [])


# «обеспечивать» = «қамтамасыз ету»: «етеді» is in every unit, also beside «талап» («требуется»)
OBLIGED = [
    ("Аким обеспечивает исполнение решения.", "Әкім шешімнің орындалуын қамтамасыз етеді."),
    ("Аппарат обеспечивает работу сессии.", "Аппарат сессияның жұмысын қамтамасыз етеді."),
    ("Комиссия обеспечивает контроль.", "Комиссия бақылауды қамтамасыз етеді."),
    ("Обеспечение контроля возлагается на аппарат.", "Бақылауды қамтамасыз ету аппаратқа жүктеледі."),
    ("Согласие собственника не требуется.", "Меншік иесінің келісімі талап етілмейді."),
    ("Разрешение не требуется.", "Рұқсат талап етілмейді."),
    ("Справка о доходах не требуется.", "Табыс туралы анықтама талап етілмейді."),
    ("Согласие собственника требуется для продажи.", "Сату үшін меншік иесінің келісімі талап етіледі."),
]


def test_a_light_verb_alone_is_no_translation():
    table = learn_table(OBLIGED)
    assert table["ru"]["обеспечивать"] == ["қамтамасыз"]         # its noun half, not «етед»
    assert table["ru"]["требоваться"] == ["талап"]
    assert not any(light_verb(w) for k in table["kk"] for w in k.split()[:1])


# one act says «аэропорт» three times, always beside the same words: one act is one context, and
# three units of it cannot tell a word's translation from its neighbours
AIRPORT = [
    ("Аэропорт находится за городом.", "Әуежай қаладан тыс орналасқан."),
    ("Аэропорт работает круглосуточно.", "Әуежай тәулік бойы жұмыс істейді."),
    ("Автовокзал и аэропорт открыты для пассажиров.", "Автовокзал мен әуежай жолаушылар үшін ашық."),
    ("Автовокзал находится в центре.", "Автовокзал орталықта орналасқан."),
    ("Автовокзал ремонтируется подрядчиком.", "Автовокзалды мердігер жөндейді."),
]


def test_a_pair_from_one_act_needs_more_units_unless_spelled_alike():
    # (Russian «аэропорт» = Kazakh «әуежай»; «автовокзал» is spelled alike in both)
    one = learn_table([(r, k, "act-1") for r, k in AIRPORT])
    assert "аэропорт" not in one["ru"]
    assert one["ru"]["автовокзал"] == ["автовокзал"]             # spelled alike: one act is enough
    assert one["kk"]["автовокзал"] == ["автовокзал"]
    two = learn_table([(r, k, f"act-{i % 2}") for i, (r, k) in enumerate(AIRPORT)])
    assert two["ru"]["аэропорт"] == ["әуежай"]                    # two acts: learned
    assert learn_table([(r, k, "act-1") for r, k in AIRPORT], one_act=3)["ru"]["аэропорт"] == ["әуежай"]
    assert learn_table(AIRPORT)["ru"]["аэропорт"] == ["әуежай"]   # acts not named: no such rule


def test_spelled_alike():
    assert glossary._alike(("акмолинский",), ("ақмола",))
    assert glossary._alike(("стандартизация",), ("стандарттау",))
    assert not glossary._alike(("аэропорт",), ("әуежай",))
    assert not glossary._alike(("совет",), ("совместно",))
