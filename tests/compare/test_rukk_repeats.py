"""RU against KK: a difference where a figure repeats (issue 12, fifth pass, branch i-plant6).

Two causes of planted differences the report missed, each planted by hand into the Russian and
into the Kazakh text written here, the unplanted pair (and a translation's own repetitions) the guard:

* a count in words stated twice in a point, one of the two made another («не менее пяти депутатов …
  не менее пяти депутатов» with one «пяти» made «семи»): the new count is unanswered on one side
  only, which alone never accuses (a word numeral the other side does not write as a number), but
  the other side states the old count more often than this side — one count became another. The
  same when the old count is repeated in the point's next paragraph («в течение тридцати … не более
  чем на тридцать»);
* a row deleted from a table where two neighbouring rows state the same figures («-для сжиженного
  газа\\t160», «-для авиакеросина\\t160»): the rows are matched by their figures, so the row named was
  the one whose figures met the deleted row's twin; the rows' labels now tell which one is gone.
"""
from __future__ import annotations

import pytest

from tests.compare.rukk_fixture import discrepancies_of

RU = """О регламенте маслихата
Решение маслихата Павлодарской области от 28 марта 2014 года № 258/29. Зарегистрировано Департаментом юстиции 14 апреля 2014 года № 3770

В соответствии с подпунктом 1) пункта 1 статьи 6 Закона Республики Казахстан от 23 января 2001 года "О местном государственном управлении и самоуправлении в Республике Казахстан" областной маслихат РЕШИЛ:

1. Депутаты маслихата объединяются во фракции и депутатские группы.

2. Лимит штатной численности аппарата маслихата устанавливается в соотношении один работник к десяти депутатам.

3. Фракция должна объединять не менее пяти депутатов маслихата. В составе депутатской группы должно быть не менее пяти депутатов маслихата.

4. Обращение депутата рассматривается и по нему принимается решение в течение тридцати календарных дней со дня поступления.

В тех случаях, когда необходима дополнительная проверка, срок рассмотрения продлевается не более чем на тридцать календарных дней, о чем сообщается депутату в течение трех календарных дней.

Председатель сессии Г. Досжанова
"""

KK = """Мәслихаттың регламенті туралы

Павлодар облыстық мәслихатының 2014 жылғы 28 наурыздағы № 258/29 шешімі. Павлодар облысының Әділет департаментінде 2014 жылғы 14 сәуірде № 3770 болып тіркелді

"Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы" Қазақстан Республикасының 2001 жылғы 23 қаңтардағы Заңының 6-бабы 1-тармағының 1) тармақшасына сәйкес облыстық мәслихат ШЕШІМ ҚАБЫЛДАДЫ:

1. Мәслихат депутаттары фракцияларға және депутаттық топтарға бірігеді.

2. Мәслихат аппаратының штат саны лимиті он депутатқа бір қызметкер қатынасында белгіленеді.

3. Фракция мәслихаттың кемінде бес депутатын біріктіруге тиіс. Депутаттық топтың құрамында мәслихаттың кемінде бес депутаты болуға тиіс.

4. Депутаттың өтініші келіп түскен күнінен бастап күнтізбелік отыз күн ішінде қаралады және ол бойынша шешім қабылданады.

Қосымша тексеру қажет болған жағдайларда, қарау мерзімі күнтізбелік отыз күннен аспайтын мерзімге ұзартылады, бұл туралы депутатқа күнтізбелік үш күн ішінде хабарланады.

Сессия төрағасы Г. Досжанова
"""


def _flags(tmp_path, ru, kk, name="5101"):
    tmp_path.mkdir(parents=True, exist_ok=True)
    return [(d["kind"], d["label_a"], d["label_b"], d["facts_a"], d["facts_b"])
            for d in discrepancies_of(tmp_path, name, ru, kk)]


def test_the_unplanted_pair_is_quiet(tmp_path):
    assert _flags(tmp_path, RU, KK) == []


@pytest.mark.parametrize("side", ["ru", "kk"])
def test_one_of_two_equal_counts_in_words_made_another_is_reported(tmp_path, side):
    if side == "ru":
        ru = RU.replace("группы должно быть не менее пяти", "группы должно быть не менее семи")
        want = ("numbers_differ", "п. 3", "3-тармақ", ["семи"], ["бес"])
        flags = _flags(tmp_path, ru, KK)
    else:
        kk = KK.replace("кемінде бес депутаты болуға", "кемінде жеті депутаты болуға")
        want = ("numbers_differ", "п. 3", "3-тармақ", ["пяти"], ["жеті"])
        flags = _flags(tmp_path, RU, kk)
    assert flags == [want]


@pytest.mark.parametrize("side", ["ru", "kk"])
def test_a_count_in_words_the_next_paragraph_repeats_made_another_is_reported(tmp_path, side):
    # «в течение тридцати … не более чем на тридцать»: the first made «сорока» / «қырық»; the thirty
    # of the next paragraph answers it on the other side, but is stated there twice
    if side == "ru":
        ru = RU.replace("в течение тридцати календарных", "в течение сорока календарных")
        flags = _flags(tmp_path, ru, KK)
        moved = [f for f in flags if f[3] == ["сорока"]]
        assert moved and moved[0][4] == ["отыз"]
    else:
        kk = KK.replace("күнтізбелік отыз күн ішінде", "күнтізбелік қырық күн ішінде")
        flags = _flags(tmp_path, RU, kk)
        moved = [f for f in flags if f[4] == ["қырық"]]
        assert moved and moved[0][3] == ["тридцати"]
    (kind, label_a, label_b, _, _) = moved[0]
    assert kind == "numbers_differ" and label_a.startswith("п. 4") and label_b.startswith("4-тармақ")
    assert len(flags) == 1, flags


def test_a_count_one_translation_repeats_is_no_difference(tmp_path):
    # the Kazakh says the five a third time («бес депутаттан кем емес») where the Russian says «их»:
    # no count of the Russian is left unanswered, so nothing was put for anything
    ru = RU.replace("не менее пяти депутатов маслихата.", "не менее пяти депутатов маслихата, их число не ограничено.")
    kk = KK.replace("кемінде бес депутаты болуға тиіс.",
                    "кемінде бес депутаты болуға тиіс, бес депутаттан кем емес санның шегі жоқ.")
    assert _flags(tmp_path, ru, kk) == []


def test_one_unanswered_beside_a_repeated_count_never_accuses(tmp_path):
    # «одного из» / «бірі» reads as a count as often as a word: «один» / «бір» unanswered beside the
    # Kazakh's two «бес» is no number put for another
    ru = RU.replace("Фракция должна", "Фракция, как одно из депутатских объединений, должна")
    assert _flags(tmp_path, ru, KK) == []


DECISION_RU = """Об утверждении нормативов платы за загрязнение окружающей среды
Решение Атырауского областного маслихата от 12 декабря 2000 года № 93-II. Зарегистрировано Управлением юстиции 29 декабря 2000 года № 361

В соответствии со статьей 6 Закона Республики Казахстан "О местном государственном управлении в Республике Казахстан" областной маслихат РЕШИЛ:

1. Утвердить нормативы платы за загрязнение окружающей среды на 2001 год согласно приложению.

2. Контроль за исполнением настоящего решения возложить на постоянную комиссию областного маслихата.

Председатель сессии С. Утегенов

Приложение
к решению областного маслихата
от 12 декабря 2000 года № 93-II

Нормативы платы за загрязнение окружающей среды на 2001 год

№№\tПоказатели\tЕдиница измерения\tНорматив платы, тенге
1.\tВыброс загрязняющих веществ в атмосферу от стационарных источников\tусловная тонна\t52
2.\tВыброс загрязняющих веществ в атмосферу от передвижных источников:\t\t
-для неэтилированного бензина\tс 1 тонны\t300
-для дизельного топлива\tс 1 тонны\t410
-для сжиженного газа\tс 1 тонны\t160
-для авиакеросина\tс 1 тонны\t160
3.\tСброс загрязняющих веществ в водные объекты\tусловная тонна\t5000
4.\tРазмещение отходов производства:\t\t
-V класса опасности\tза 1 тонну\t30
-IV класса токсичности\tза 1 тонну\t200
-III класса токсичности\tза 1 тонну\t400
-II класса токсичности\tза 1 тонну\t1600
-I класса токсичности\tза 1 тонну\t3200
"""

DECISION_KK = """Қоршаған ортаны ластағаны үшін төлемақы нормативтерін бекіту туралы

"Қазақстан Республикасындағы жергілікті мемлекеттік басқару туралы" Қазақстан Республикасы Заңының 6-бабына сәйкес облыстық мәслихат ШЕШІМ ҚАБЫЛДАДЫ:

1. Қоршаған ортаны ластағаны үшін төлемақының 2001 жылға арналған нормативтері қосымшаға сәйкес бекітілсін.

2. Осы шешімнің орындалуын бақылау облыстық мәслихаттың тұрақты комиссиясына жүктелсін.

Сессия төрағасы С. Өтегенов

Облыстық мәслихаттың
2000 жылғы 12 желтоқсандағы
№ 93-II шешіміне қосымша

Қоршаған ортаны ластағаны үшін төлемақының 2001 жылға арналған нормативтері

№№\tКөрсеткіштер\tӨлшем бірлігі\tАқы төлеу нормативі, теңге
1.\tЛастайтын заттардың атмосфераға стационарлық көздерден шығуы\tшартты тонна\t52
2.\tЛастайтын заттардың атмосфераға жылжымалы көздерден шығуы:\t\t
-этильденбеген жанармай үшін\t1 тоннаға\t300
-дизельді отын үшін\t1 тоннаға\t410
-сұйытылған газ үшін\t1 тоннаға\t160
-авиакеросин үшін\t1 тоннаға\t160
3.\tЛастайтын заттардың су объектілеріне төгілуі\tшартты тонна\t5000
4.\tӨндіріс қалдықтарын орналастыру:\t\t
-V қауіптілік класындағылар\t1 тоннаға\t30
-IV уыттылық класындағылар\t1 тоннаға\t200
-III уыттылық класындағылар\t1 тоннаға\t400
-II уыттылық класындағылар\t1 тоннаға\t1600
-I уыттылық класындағылар\t1 тоннаға\t3200
"""

TWINS = {"ru": ["-для сжиженного газа\tс 1 тонны\t160\n", "-для авиакеросина\tс 1 тонны\t160\n"],
         "kk": ["-сұйытылған газ үшін\t1 тоннаға\t160\n", "-авиакеросин үшін\t1 тоннаға\t160\n"]}


def test_the_unplanted_table_is_quiet(tmp_path):
    assert discrepancies_of(tmp_path, "93361", DECISION_RU, DECISION_KK) == []


@pytest.mark.parametrize("side", ["ru", "kk"])
def test_a_row_deleted_beside_its_twin_names_the_deleted_rows_counterpart(tmp_path, side):
    # each of the two rows «…\t160» deleted in turn: the other side's row named is its translation
    other = "kk" if side == "ru" else "ru"
    have, lack = ("b", "a") if side == "ru" else ("a", "b")
    for k, row in enumerate(TWINS[side]):
        ru = DECISION_RU.replace(row, "") if side == "ru" else DECISION_RU
        kk = DECISION_KK.replace(row, "") if side == "kk" else DECISION_KK
        (tmp_path / f"{side}{k}").mkdir()
        flags = discrepancies_of(tmp_path / f"{side}{k}", "93361", ru, kk)
        assert len(flags) == 1, [f["detail"] for f in flags]
        (f,) = flags
        assert f[f"facts_{have}"] == ["160"] and f[f"facts_{lack}"] == []
        assert f[f"label_{lack}"] == ("прил. 1" if lack == "a" else "1-қосымша")
        counterpart = TWINS[other][k].split("\t")[0]
        assert counterpart in f[f"excerpt_{have}"], (row, f[f"excerpt_{have}"])
        for ui in ("ru", "kk", "en"):
            assert counterpart in f["message"][ui]
