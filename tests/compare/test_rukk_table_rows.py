"""RU against KK: deleted and changed table rows (issue 12, fourth pass, branch i-plant4, ported onto
main's table structure by i-plant5).

A table's row is the unit the segmentation makes of it, whatever its kind: «1.\tФизические лица …\t107»
a point, an unnumbered row a paragraph — a unit whose first line holds tab-separated cells. Three causes of missed planted differences, each planted by hand into the
Russian and into the Kazakh text written here, the unplanted pair the guard:

* a row deleted from one table is reported with both tables named (the unit holding the table on the
  side that lacks the row — here the appendix —, the row's own unit on the other) and the row's text;
* a number of a point's own words above its table («(пункт 2 статьи 477)») is not answered by the
  table's row numbers «1.», «2.», «3.»;
* a count in words changed in a row's label («до пяти мест» / «жеті орынға дейін») is reported, once,
  in the two rows;
* an appendix whose table gives it more than sixty paragraphs still pairs them by what they say
  when one language has a row more: a paragraph after the table pairs with its translation, and a
  number changed in it is reported.
"""
from __future__ import annotations

import pytest

from tests.compare.rukk_fixture import discrepancies_of

HEAD_RU = """Об утверждении ставок платы за пользование территориями
Решение Алматинского областного маслихата от 20 ноября 2009 года № 27-178. Зарегистрировано Департаментом юстиции Алматинской области 10 декабря 2009 года № 2036

В соответствии с Кодексом Республики Казахстан «О налогах и других обязательных платежах в бюджет» Алматинский областной маслихат РЕШИЛ:

1. Утвердить ставки платы согласно приложению.

2. Контроль за исполнением настоящего решения возложить на постоянную комиссию областного маслихата.

Председатель сессии областного маслихата

С. Чурегеев

Приложение
к решению Алматинского
областного маслихата
от 20 ноября 2009 года № 27-178

"""

HEAD_KK = """Аумақтарды пайдаланғаны үшін төлем ставкаларын бекіту туралы

«Салық және бюджетке төленетін басқа да міндетті төлемдер туралы» Қазақстан Республикасының Кодексіне сәйкес Алматы облыстық мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:

1. Төлем ставкалары қосымшаға сәйкес бекітілсін.

2. Осы шешімнің орындалуын бақылау облыстық мәслихаттың тұрақты комиссиясына жүктелсін.

Облыстық мәслихат сессиясының төрағасы

С. Шөрегеев

Алматы облыстық мәслихатының
2009 жылғы 20 қарашадағы
№ 27-178 шешіміне қосымша

"""

TABLE_RU = """1. Ставки платы за использование особо охраняемых природных территорий местного значения (пункт {ref} статьи 477)

N п/п\tНаименование\tРазмеры платежей, тенге
1.\tФизические лица, взрослые\t107\t214
2.\tАвтотранспорт до пяти мест\t321\t535
3.\tПутевка на право посещения территории в течение года\t8560\t9150
4.\tПлата за пользование сезонными рекреационными участками\t14980\t15200
"""

TABLE_KK = """1. Жергілікті маңызы бар ерекше қорғалатын табиғи аумақтарды пайдаланғаны үшін төлем ставкалары (477-баптың {ref}-тармағы)

N р/н\tАттары\tТөлем мөлшері, теңге
1.\tЖеке тұлғалар, ересектер\t107\t214
2.\tАвтокөлік бес орынға дейін\t321\t535
3.\tБір жыл ішінде аумаққа кіруге жолдама\t8560\t9150
4.\tМаусымдық рекреациялық учаскелерді пайдаланғаны үшін төлем\t14980\t15200
"""

ROW_RU = "3.\tПутевка на право посещения территории в течение года\t8560\t9150\n"
ROW_KK = "3.\tБір жыл ішінде аумаққа кіруге жолдама\t8560\t9150\n"


def _table_flags(tmp_path, ru_ref="2", kk_ref="2", drop_ru=False, drop_kk=False):
    ru = HEAD_RU + TABLE_RU.format(ref=ru_ref)
    kk = HEAD_KK + TABLE_KK.format(ref=kk_ref)
    if drop_ru:
        ru = ru.replace(ROW_RU, "")
    if drop_kk:
        kk = kk.replace(ROW_KK, "")
    return discrepancies_of(tmp_path, "27178", ru, kk)


def test_the_unplanted_tables_are_quiet(tmp_path):
    assert _table_flags(tmp_path) == []


@pytest.mark.parametrize("side", ["ru", "kk"])
def test_a_deleted_row_is_reported_with_both_tables_and_the_row(tmp_path, side):
    flags = _table_flags(tmp_path, drop_ru=side == "ru", drop_kk=side == "kk")
    assert len(flags) == 1, [f["detail"] for f in flags]
    (f,) = flags
    have, lack = ("b", "a") if side == "ru" else ("a", "b")
    assert f["kind"] == "numbers_differ"
    assert sorted(f[f"facts_{have}"]) == ["8560", "9150"] and f[f"facts_{lack}"] == []
    # the side lacking the row: its table, i.e. the appendix holding it (the rows are the appendix's
    # points); the other side: the row's own unit, the point «3.», and its text
    assert f[f"label_{lack}"] == ("прил. 1" if lack == "a" else "1-қосымша")
    assert f[f"label_{have}"] == ("п. 3" if have == "a" else "3-тармақ")
    row = "Путевка на право посещения" if have == "a" else "аумаққа кіруге жолдама"
    assert row in f[f"excerpt_{have}"] and f[f"excerpt_{lack}"] == ""
    # both tables named in the message, in each interface language
    for ui in ("ru", "kk", "en"):
        assert f["label_a"] in f["message"][ui] and f["label_b"] in f["message"][ui]
        assert row in f["message"][ui]


@pytest.mark.parametrize("side", ["ru", "kk"])
def test_a_reference_above_a_table_is_not_answered_by_its_row_numbers(tmp_path, side):
    # «(пункт 3 статьи 477)» against «(477-баптың 2-тармағы)»: the table's rows «2.» and «3.» are
    # its numbering, not the point's words
    flags = _table_flags(tmp_path, ru_ref="3" if side == "ru" else "2", kk_ref="3" if side == "kk" else "2")
    assert len(flags) == 1, [f["detail"] for f in flags]
    (f,) = flags
    assert f["kind"] == "numbers_differ" and f["label_a"] == "п. 1" and f["label_b"] == "1-тармақ"
    assert (f["facts_a"], f["facts_b"]) == ((["3"], ["2"]) if side == "ru" else (["2"], ["3"]))


@pytest.mark.parametrize("side", ["ru", "kk"])
def test_a_count_in_words_changed_in_a_rows_label_is_reported_once_in_both_rows(tmp_path, side):
    # «Автотранспорт до пяти мест» / «Автокөлік бес орынға дейін», one of the two counts changed
    ru = HEAD_RU + TABLE_RU.format(ref="2")
    kk = HEAD_KK + TABLE_KK.format(ref="2")
    if side == "ru":
        ru = ru.replace("до пяти мест", "до семи мест")
    else:
        kk = kk.replace("бес орынға", "жеті орынға")
    flags = discrepancies_of(tmp_path, "27178", ru, kk)
    assert len(flags) == 1, [f["detail"] for f in flags]
    (f,) = flags
    assert f["kind"] == "numbers_differ"
    assert (f["facts_a"], f["facts_b"]) == ((["семи"], ["бес"]) if side == "ru" else (["пяти"], ["жеті"]))
    assert "Автотранспорт" in f["excerpt_a"] and "Автокөлік" in f["excerpt_b"]
    # the two rows «2.» named, each its own point
    assert (f["label_a"], f["label_b"]) == ("п. 2", "2-тармақ")


# ---------------------------------------------------------------------------------------------
# a long table: the appendix holds more than sixty paragraphs, the Kazakh copy a group row more

GOODS_RU = ["мясо говядины", "мясо баранины", "мясо птицы", "рыба свежая", "рыба копченая", "молоко",
            "сметана", "творог", "сыр", "масло сливочное", "яйца", "мед"]
GOODS_KK = ["сиыр еті", "қой еті", "құс еті", "жаңа балық", "ысталған балық", "сүт", "қаймақ", "сүзбе",
            "ірімшік", "сары май", "жұмыртқа", "бал"]
PLACES_RU = ["с прилавка", "с автомашин", "с рук", "из контейнера", "с тележки", "из палатки"]
PLACES_KK = ["сөреден", "автомашинадан", "қолдан", "контейнерден", "арбадан", "шатырдан"]

AFTER_RU = ("Для торгующих строительными товарами торговая площадь устанавливается до {n} квадратных "
            "метров. Под торговой площадью следует понимать площадь, занимаемую торгующим лицом.\n")
AFTER_KK = ("Құрылыс тауарларын сататындар үшін сауда алаңы {n} шаршы метрге дейін белгіленеді. Сауда "
            "алаңы деп сауда жасаушы тұлға орналасар алаңды түсіну керек.\n")


def _long_table(goods, places, group_row: str = "") -> str:
    lines = []
    for g, good in enumerate(goods):
        lines.append(f"{g + 1}\t{good}\t\t\n")
        if g == 1 and group_row:
            lines.append(group_row)
        for p, place in enumerate(places):
            lines.append(f"\t{place}\t{100 + 10 * g + p}\t{50 + 10 * g + p}\n")
    return "".join(lines)


def _long_flags(tmp_path, ru_n="10", kk_n="10"):
    ru = (HEAD_RU + "Ставки разовых талонов\n\nN\tТовары\tСтоимость\n" + _long_table(GOODS_RU, PLACES_RU)
          + "\n" + AFTER_RU.format(n=ru_n))
    kk = (HEAD_KK + "Біржолғы талондардың ставкалары\n\nN\tТауарлар\tҚұны\n"
          + _long_table(GOODS_KK, PLACES_KK, group_row="II.\tАзық-түлік базары\t\t\n") + "\n" + AFTER_KK.format(n=kk_n))
    return discrepancies_of(tmp_path, "27178", ru, kk)


def test_the_unplanted_long_table_is_quiet(tmp_path):
    assert _long_flags(tmp_path) == []


@pytest.mark.parametrize("side", ["ru", "kk"])
def test_a_paragraph_after_a_long_table_pairs_with_its_translation(tmp_path, side):
    flags = _long_flags(tmp_path, ru_n="16" if side == "ru" else "10", kk_n="16" if side == "kk" else "10")
    assert len(flags) == 1, [f["detail"] for f in flags]
    (f,) = flags
    assert f["kind"] == "numbers_differ"
    assert (f["facts_a"], f["facts_b"]) == ((["16"], ["10"]) if side == "ru" else (["10"], ["16"]))
    assert "строительными товарами" in f["excerpt_a"] and "Құрылыс тауарларын" in f["excerpt_b"]


# ---------------------------------------------------------------------------------------------
# the harness (bench/rukk_planted.py) plants into a table's rows, whatever unit they are

@pytest.mark.parametrize("side", ["ru", "kk"])
def test_the_harness_plants_into_table_rows_and_finds_them(tmp_path, side):
    import random

    from bench import rukk_planted as P
    files = {"27179.rus.txt": HEAD_RU + TABLE_RU.format(ref="2"), "27179.kaz.txt": HEAD_KK + TABLE_KK.format(ref="2")}
    base = P.ingest_diff(files, tmp_path / "base")
    assert base.flags == []
    rows = [u for u in base.units[side] if P._is_row(base.ru if side == "ru" else base.kk, u)]
    assert len(rows) == 4          # the four rows, points of the appendix (not its header, not the point above)
    assert {u.kind for u in rows} == {"point"}
    # two rows deleted; a number in words in a row's label («до пяти мест» / «бес орынға дейін»)
    for k, (kind, per) in enumerate((("row_deleted", 2), ("words", 1))):
        make = P.structure_plants if kind in P.STRUCTURE_KINDS else P.value_plants
        plants = make(files, base, kind, side, random.Random(f"test/{kind}/{side}"), per)
        assert len(plants) == per, kind
        for n, p in enumerate(plants):
            run = P.ingest_diff({**files, p.file: p.new_text}, tmp_path / f"p{k}{n}")
            j = P.judge(p, base, run)
            assert j["found"] and j["false"] == [], (kind, p.before, p.after, run.flags)


@pytest.mark.parametrize("side", ["ru", "kk"])
def test_the_harness_finds_a_table_row_deleted_as_a_point(tmp_path, side):
    # main reads «3.\tПутевка …\t8560\t9150» as a point, so point_deleted plants it too: the report
    # names the table (the appendix) on the planted side and the row on the other, which is found
    import random

    from bench import rukk_planted as P
    files = {"27179.rus.txt": HEAD_RU + TABLE_RU.format(ref="2"), "27179.kaz.txt": HEAD_KK + TABLE_KK.format(ref="2")}
    base = P.ingest_diff(files, tmp_path / "base")
    doc = base.ru if side == "ru" else base.kk
    rows = {u.label for u in base.units[side] if P._is_row(doc, u)}
    def deleted_lines(p):
        kept = set(p.new_text.split("\n"))
        return [x for x in files[p.file].split("\n") if x.strip() and x not in kept]
    plants = [p for p in P.structure_plants(files, base, "point_deleted", side, random.Random("t"), 20)
              if p.unit in rows and all("\t" in x for x in deleted_lines(p))]
    assert len(plants) == 4, [p.before for p in plants]      # the four rows, each a point
    for n, p in enumerate(plants):
        run = P.ingest_diff({**files, p.file: p.new_text}, tmp_path / f"p{n}")
        j = P.judge(p, base, run)
        assert j["found"] and j["false"] == [], (p.before, run.flags)
