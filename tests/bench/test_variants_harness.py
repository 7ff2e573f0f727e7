"""bench/variants.py reads the acts it derives variants from: what it expects must be what the act says.

A decision whose appendices are tables: the Russian rows numbered «1» (no point), the Kazakh «1.» (a point),
the subpoints of a row under the appendix in one language and under the row's point in the other; a Kazakh
regulation whose chapter heading «1. Жалпы ережелер» repeats the number of the point under it. Texts written here.
"""
from __future__ import annotations

from bench import variants as V
from maslihat.corpus.build import build
from tests.structure.helpers import doc

RU = ("О ставках разовых талонов\n\n1. Утвердить ставки согласно приложениям 1 и 2.\n\n"
      "2. Настоящее решение вводится в действие со дня опубликования.\n\nПредседатель сессии\n\nА. Иванов\n\n"
      "Приложение № 1 к решению\nобластного маслихата\nот 26 декабря 2001 года\n\nСтавки разовых талонов\n\n"
      "1\tРеализация товаров\n1) Реализация газет\t80\t50\n2) Реализация семян\t120\t80\n3) Реализация цветов\t110\t100\n"
      "2\tУслуги по перегону\nа) из дальнего зарубежья\t3000\nб) из ближнего зарубежья\t1500\n\n"
      "Приложение № 2 к решению\nобластного маслихата\nот 26 декабря 2001 года\n\nСтавки для торгующих\n\n"
      "\t1. мясо\t\t\n\tс прилавка\t190\t150\n\t2. молоко\t\t\n\tс прилавка\t80\t60\n"
      "\t3. овощи\t\t\n\tс прилавка\t170\t110\n\t4. обувь\t\t\n\tс прилавка\t140\t110\n")
KK = ("Бір жолғы талондардың ставкалары туралы\n\n1. 1 және 2-қосымшаларға сәйкес ставкалар бекітілсін.\n\n"
      "2. Осы шешім жарияланған күннен бастап қолданысқа енгізіледі.\n\nСессия төрағасы\n\nА. Иванов\n\n"
      "Облыстық мәслихаттың\n2001 жылғы 26 желтоқсандағы\nшешіміне № 1 қосымша\n\nБір жолғы талондардың ставкалары\n\n"
      "1.\tТауарларды өткеру\n\t1) Газеттерді өткеру\t80\t50\n\t2) Тұқымдарды өткеру\t120\t80\n"
      "\t3) Гүлдерді өткеру\t110\t100\n2.\tАйдап келу қызметі\n\tа) қиыр шет елдерден\t3000\n"
      "\tб) таяу шет елдерден\t1500\n\n"
      "Облыстық мәслихаттың\n2001 жылғы 26 желтоқсандағы\nшешіміне № 2 қосымша\n\nСауда жасаушыларға ставкалар\n\n"
      "\t1. ет\t\t\n\tсөреден\t190\t150\n\t2. сүт\t\t\n\tсөреден\t80\t60\n"
      "\t3. көкөніс\t\t\n\tсөреден\t170\t110\n\t4. аяқ киім\t\t\n\tсөреден\t140\t110\n")
FILES = {"rus.txt": RU, "kaz.txt": KK}


def _units(text, lang):
    return [u.to_json() for u in build(doc(text, lang)).units]


def test_a_subpoint_inserted_in_an_appendix_is_expected_under_the_appendix_not_the_decisions_last_point():
    out, exp = V.v_sub_insert(dict(FILES), "sub_insert")
    e = exp["insert"][0]
    assert (e["number"], e["point"], e["article"]) == ("2-1)", None, None)
    assert "2-1) Реализация семян" in out["rus.txt"] and "2-1) Тұқымдарды өткеру" in out["kaz.txt"]
    ids, errs = V.inserted(_units(out["rus.txt"], "ru"), exp)
    assert len(ids) == 1 and errs == []


def test_letters_replace_the_numbers_of_each_languages_own_subpoints_under_a_point_in_one_and_none_in_the_other():
    out, exp = V.v_sub_letters(dict(FILES), "sub_letters")
    assert "а) Реализация газет" in out["rus.txt"] and "в) Реализация цветов" in out["rus.txt"]
    assert "а) Газеттерді өткеру" in out["kaz.txt"] and "в) Гүлдерді өткеру" in out["kaz.txt"]
    assert exp["rename"]["None|None"]["1)"] == "а)" and exp["rename"]["None|1"]["3)"] == "в)"
    # the parse of each language, renamed as the harness expects, is the parse of the variant
    for name, lang in (("rus.txt", "ru"), ("kaz.txt", "kk")):
        assert V.sigs(_units(FILES[name], lang), rename=exp["rename"]) == V.sigs(_units(out[name], lang))


def test_a_point_is_inserted_in_the_same_appendix_of_both_languages():
    out, exp = V.v_point_insert(dict(FILES), "point_insert")
    e = exp["insert"][0]
    assert e["appendix"] == 2 and e["number"] == "1-1"
    assert "\t1-1. мясо" in out["rus.txt"] and "\t1-1. ет" in out["kaz.txt"]
    assert out["kaz.txt"].count("1-1.") == 1 and out["rus.txt"].count("1-1.") == 1


def test_a_numbered_chapter_heading_repeating_its_points_number_is_not_the_point_copied():
    kk = ("Әкімияттың регламенті\n\n1. Жалпы ережелер\n\n1. Әкімият атқарушы органдардың жүйесіне кіреді.\n\n"
          "2. Әкімият құрамын әкім айқындайды.\n\n3. Әкімият мәжілістері тоқсанына бір рет өткізіледі.\n")
    s = V.Src(kk, "kk")
    i = s.find_in_run("point", "1", app=0)
    assert s.lines[i].startswith("1. Әкімият атқарушы")
