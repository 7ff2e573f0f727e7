"""RU↔KK alignment when one text of a point has a paragraph the other lacks (a sentence the
translator added or dropped): the paragraphs after it are paired by what they say, in order, not
shifted by one (``nlp.align_core._in_order``); the extra paragraph stays unpaired. Either language
may hold the extra one."""
import pytest

from tests.index.small_corpus import small_corpus

RU = """РЕШЕНИЕ МАСЛИХАТА ТЕСТОВОГО РАЙОНА
О регламенте заседаний тестового акимата

1. Заседания акимата проводятся не реже 1 раза в месяц.
2. Заседания акимата протоколируются.
Протоколы оформляются в течение 3 рабочих дней после заседания.
Протоколам присваиваются номера на 2024 календарный год.
Протоколы хранятся в общем отделе 5 лет, затем сдаются в архив.
3. Решения акимата подписываются акимом.
"""
KK = """ТЕСТОВЫЙ АУДАНДЫҚ МӘСЛИХАТЫНЫҢ ШЕШІМІ
Тестовый әкімдігінің мәжілістерінің регламенті туралы

1. Әкімдік мәжілістері айына кемінде 1 рет өткізіледі.
2. Әкімдік мәжілістерінде хаттама жүргізіледі.
Мәжілістің стенографиясы және магнитофондық жазбасы жүргізіледі.
Хаттамалар мәжілістен кейін 3 жұмыс күні ішінде ресімделеді.
Хаттамаларға 2024 күнтізбелік жылға арналған нөмірлер беріледі.
Хаттамалар жалпы бөлімде 5 жыл сақталады, содан кейін мұрағатқа тапсырылады.
3. Әкімдіктің шешімдеріне әкім қол қояды.
"""
# the Kazakh point 2 holds a paragraph the Russian lacks (the shorthand record): RU part n = KK part n + 1
WANT = {"point_2/part_1": "point_2/part_2", "point_2/part_2": "point_2/part_3", "point_2/part_3": "point_2/part_4"}


@pytest.mark.parametrize("extra_in", ["kk", "ru"])
def test_paragraphs_after_an_extra_one_pair_by_content(tmp_path, extra_in):
    files = {"79001.rus.txt": RU, "79001.kaz.txt": KK}
    if extra_in == "ru":            # the Russian text has the extra paragraph instead
        files = {"79001.kaz.txt": KK.replace("Мәжілістің стенографиясы және магнитофондық жазбасы жүргізіледі.\n", ""),
                 "79001.rus.txt": RU.replace("Заседания акимата протоколируются.\n",
                                             "Заседания акимата протоколируются.\nВедется стенограмма и аудиозапись заседания.\n")}
    with small_corpus(tmp_path, files) as c:
        pairs = dict(c.store.conn.execute(
            "SELECT id, parallel_id FROM units WHERE id LIKE '%/ru/%' AND id LIKE '%point_2/part_%'").fetchall())
    ru = {k.split("/ru/")[1]: (v or "").split("/kk/")[-1] for k, v in pairs.items()}
    if extra_in == "kk":
        assert all(ru.get(a) == b for a, b in WANT.items()), ru
    else:                           # RU part 1 is the extra one: RU part n + 1 = KK part n
        assert ru.get("point_2/part_1", "") == ""
        assert ru.get("point_2/part_2") == "point_2/part_1" and ru.get("point_2/part_4") == "point_2/part_3", ru
