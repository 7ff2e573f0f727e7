"""RU against KK in rate tables and the causes i-rukk2 left (issue 12, branch i-rukk3).

A maslikhat decision setting rates carries its figures in a table that each language's copy lays
out and cuts into units its own way: in Russian «II\tПродовольственный рынок в том числе 1. рыбные
продукты» is one row and «1\tРеализация …» a row of text; in Kazakh the group, its item and each
rate are rows of their own and «1.\tӨткеру …» is read as a point. Unit by unit the rows pair
wrongly and their figures look missing; table against table they agree, and a rate that differs is
reported once, in its row on each side. Built here in both languages, as a user copies them from
the legal database (title, requisite line in the Russian text only, preamble, points, signature,
the appendix with its caption).
"""
from __future__ import annotations

import pytest

from maslihat.nlp.compare_facts import compare_facts, facts
from tests.compare.rukk_fixture import discrepancies_of

RU = """Об утверждении ставок платежей на рынках
Решение Алматинского областного маслихата от 26 декабря 2001 года № 17-113. Зарегистрировано Управлением юстиции Алматинской области 18 февраля 2002 года № 563

{preamble_ru}

1. Утвердить ставки разовых талонов согласно приложению.

Приложение на 1 листе.

Председатель сессии Областного Маслихата

________С.Чурегеев

Приложение № 1 к Решению
Алматинского областного маслихата
от «26» декабря 2001 года

Стоимость разового талона для физических лиц, реализующих товары на рынках

№ п/п\tВиды реализуемых товаров\tСтоимость разового талона в день
1 категория\t2 категория\t3 категория
I\tРеализация мясопродуктов из них 1. мясопродукты, кроме птицы
\tс прилавка\t190\t150\t100
\tс автомашин\t200\t160\t110
II\tПродовольственный рынок в том числе 1. рыбные продукты
\tс прилавка\t120\t90\t70
\tс автомашин\t220\t190\t{fish_car}
\t2. молочные продукты\t\t
\tс прилавка\t80\t50\t40
1\tВода из поверхностных источников\tтиын/куб. метр\t15
2\tЭлектроэнергия: гидроэнергетика\tтиын/кВт. час\t7,31
3\tШтраф за нарушение (статья 462)\tМРП\t5
"""

KK = """Базарларда төлем ставкаларын бекіту туралы

{preamble_kk}

1. Бір жолғы талондардың ставкалары қосымшаға сәйкес бекітілсін.

Қосымшасы {pages} бет

Облыстық Мәслихат сессиясының Төрағасы

____________С. Шөрегеев

Алматы облыстық мәслихатының
2001 жылғы желтоқсанның 26
шешіміне № 1 қосымша

Өткерілетін тауарлардың түрлері бойынша базарларда жеке тұлғалар үшін біржолғы талондар құны

№\tӨткерілетін тауарлар түрлері\tБіржолғы талонның күндік құны
\t\t1 санат\t2 санат\t3 санат
I.\tЕт өнімдерін өткеру оның ішінде 1.Құстан басқа ет өнімдері\t
\tСөреден\t190\t150\t100
\tавтомашинадан\t200\t160\t110
II.\tАзық-түлік базары оның ішінде\t\t\t
\t1.Балық өнімдері\t\t\t
\tСөреден\t120\t90\t70
\tавтомашинадан\t220\t190\t120
\t2.Сүт өнімдері\t\t\t
\tСөреден\t80\t50\t40
1.\tЖер үсті көздерінен су\tтиын/текше метр\t15
2.\tЭлектр энергиясы: гидроэнергетика\tтиын/кВт. сағат\t7,31
3.\tБұзғаны үшін айыппұл (462-бап)\tАЕК\t5
"""

PREAMBLE_RU = ("В соответствии с Законом Республики Казахстан от 15 июля 1997 года «Об охране окружающей "
               "среды», Постановлением Правительства Республики Казахстан № 1213 от 1 декабря 1998 года "
               "Алматинский областной маслихат РЕШИЛ:")
PREAMBLE_KK = ("Қазақстан Республикасының {year} жылғы шілденің 15-гі «Қоршаған ортаны қорғау туралы» Заңына, "
               "Қазақстан Республикасы Үкіметінің 1998 жылғы желтоқсанның 1-гі № 1213 Қаулысына сәйкес "
               "Алматы облыстық мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:")


def _flags(tmp_path, fish_car="120", pages="1", year="1997"):
    return discrepancies_of(tmp_path, "17113", RU.format(fish_car=fish_car, preamble_ru=PREAMBLE_RU),
                            KK.format(pages=pages, preamble_kk=PREAMBLE_KK.format(year=year)))


def test_a_table_laid_out_otherwise_in_each_language_gives_no_flag(tmp_path):
    # the rows cut otherwise, «1\t» a row in Russian and «1.\t» a point in Kazakh, units of
    # measure in their own words («тиын/куб. метр» / «тиын/текше метр», «МРП» / «АЕК», «кВт. час» /
    # «кВт. сағат»), «Приложение на 1 листе» / «Қосымшасы 1 бет», the requisite line in Russian only
    assert _flags(tmp_path) == []


def test_a_rate_that_differs_is_reported_once_in_its_row_on_each_side(tmp_path):
    flags = _flags(tmp_path, fish_car="130")
    assert len(flags) == 1, [f["detail"] for f in flags]
    (f,) = flags
    assert f["kind"] == "numbers_differ" and f["facts_a"] == ["130"] and f["facts_b"] == ["120"]
    # the row on each side: «с автомашин 220 190 130» / «автомашинадан 220 190 120»
    assert "с автомашин" in f["excerpt_a"] and "130" in f["excerpt_a"]
    assert "автомашинадан" in f["excerpt_b"] and "120" in f["excerpt_b"]
    assert "130" in f["message"]["ru"] and "кесте жолы" in f["message"]["kk"] and "table row" in f["message"]["en"]


def test_a_rate_row_missing_in_one_language_is_reported(tmp_path):
    kk = KK.replace("\tСөреден\t80\t50\t40\n", "")
    flags = discrepancies_of(tmp_path, "17113", RU.format(fish_car="120", preamble_ru=PREAMBLE_RU),
                             kk.format(pages="1", preamble_kk=PREAMBLE_KK.format(year="1997")))
    assert len(flags) == 1, [f["detail"] for f in flags]
    assert sorted(flags[0]["facts_a"]) == ["40", "50", "80"] and flags[0]["facts_b"] == []
    assert "с прилавка" in flags[0]["excerpt_a"]


def test_a_preamble_left_unpaired_is_compared(tmp_path):
    # the Russian text has two preambles (the requisite line and the operative one): the Kazakh
    # preamble pairs with its translation, and the law's date that differs is reported
    flags = _flags(tmp_path, year="1992")
    assert len(flags) == 1, [f["detail"] for f in flags]
    (f,) = flags
    assert f["kind"] == "dates_differ" and f["label_a"] == "преамбула" and f["label_b"] == "кіріспе бөлігі"
    assert f["facts_a"] == ["15 июля 1997 года"] and f["facts_b"] == ["1992 жылғы шілденің 15-гі"]


def test_the_annex_length_line_is_a_line_of_the_decision(tmp_path):
    # «Қосымшасы 2 бет» is neither the appendix's caption nor a signature: against «Приложение на 1
    # листе» it is a difference of the decision's point 1
    flags = _flags(tmp_path, pages="2")
    assert len(flags) == 1, [f["detail"] for f in flags]
    assert flags[0]["facts_b"] == ["2"] and flags[0]["label_b"].startswith("1-тармақ")


@pytest.mark.parametrize("ru,kk,only_ru,only_kk", [
    # «12 июня» without its year = «2001 жылғы 12 маусымдағы»; another day is still a difference
    ("Кодексом от 12 июня № 209-II", "2001 жылғы 12 маусымдағы № 209-II Кодексіне", [], []),
    ("до 5 марта", "наурыздың 5-і дейін", [], []),
    ("до 5 марта", "наурыздың 6-сы дейін", ["--03-05"], ["6"]),
    # «2. 37-баптың» is a point's number and an article, not the time 2.37
    ("2. Часть третья пункта 2 статьи 37", "2. 37-баптың 2-тармағының үшінші бөлігі", [], []),
    # OCR: «06 утверждении» is «Об утверждении»; «П-санат» is roman II
    ("«06 утверждении Правил» № 840", "«Ережелерді бекіту туралы» № 840", [], []),
    ("Присвоить II категорию базару", "базарына П-санат берілсін", [], []),
    ("Присвоить III категорию базару", "базарына П-санат берілсін", ["3"], []),
])
def test_facts_of_both_languages(ru, kk, only_ru, only_kk):
    d = compare_facts(facts(ru, "ru"), facts(kk, "kk"))
    assert [f.value for f in d.only_a] == only_ru and [f.value for f in d.only_b] == only_kk


LIST_RU = """О правовых актах
Решение Алматинского областного маслихата от 5 марта 2002 года № 3-15

1. Соотношение юридической силы актов соответствует следующей иерархии:

1) законы, вносящие изменения и дополнения в Конституцию;

2) конституционные законы Республики Казахстан;

3) кодексы Республики Казахстан;

4) консолидированные законы, законы Республики Казахстан;

5) нормативные постановления Парламента Республики Казахстан;

{third}

2. Утвердить ставки платы согласно приложению.

Председатель сессии А. Иванов

Приложение N 4
к решению Алматинского областного маслихата
от 5 марта 2002 года № 3-15

1. Ставки платы за лесные пользования.

Сноска. Приложение утратило силу решением маслихата от 25 декабря 2003 года № 3-19.
"""

LIST_KK = """Құқықтық актілер туралы

1. Актілердің заңдық күшінің арақатынасы мынадай сатыға сәйкес келеді:

1) Конституцияға өзгерiстер мен толықтырулар енгiзетiн заңдар;

2) Қазақстан Республикасының конституциялық заңдары;

3) Қазақстан Республикасының кодекстерi;

4) Қазақстан Республикасының шоғырландырылған заңдары, заңдары;

5) Қазақстан Республикасы Парламентiнің нормативтiк қаулылары;

{third}

2. Төлем ставкалары қосымшаға сәйкес бекітілсін.

Сессия төрағасы А. Иванов

Алматы облыстық мәслихатының
2002 жылғы 5 наурыздағы № 3-15
шешіміне № 4 қосымша

1. Орманды пайдаланғаны үшін төлем ставкалары.

Ескерту. 4-қосымшаның күші жойылды - мәслихаттың 2003 жылғы 25 желтоқсандағы № 3-19 шешімімен.
"""


def _list_flags(tmp_path, ru, kk):
    return discrepancies_of(tmp_path, "315", ru, kk)


def test_list_items_in_the_same_order_are_not_reordered(tmp_path):
    # «4) консолидированные законы, законы» resembles «2) конституциялық заңдары» as much as its own
    # item, but no item left its place; «4-қосымшаның» is no number the Russian note lacks
    assert _list_flags(tmp_path, LIST_RU.format(third=""), LIST_KK.format(third="")) == []


def test_swapped_list_items_are_reported(tmp_path):
    ru = LIST_RU.replace("2) конституционные законы Республики Казахстан;", "2) кодексы Республики Казахстан;", 1)
    ru = ru.replace("3) кодексы Республики Казахстан;", "3) конституционные законы Республики Казахстан;", 1)
    flags = _list_flags(tmp_path, ru.format(third=""), LIST_KK.format(third=""))
    assert [f["kind"] for f in flags] == ["order_differs"], flags
