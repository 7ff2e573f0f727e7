"""An act saved from a web page as the browser keeps it: the site's menu and footer in plain <div>s
(«<div class="header">Главная | Документы | Қазақша</div>», «<div class="footer">© …</div>») around
the act. Texts written by hand for the test (names and numbers invented), RU and KK: the menu is not
the act's title, the footer no line of its appendix; the act's own lines in such a <div> are kept."""
import json

import pytest

from maslihat.corpus.api import Corpus
from maslihat.ingest.readers import html_to_text, _soup_text

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title} - {site}</title></head>
<body>
<div class="header"><a href="/">{home}</a> | <a href="/docs">{docs}</a> | <a href="/other">{other}</a></div>
<div class="container">
<h1>{title}</h1>
<p><i>{requisite}</i></p>
<p>{preamble}</p>
<p>1. {point1}</p>
<p align="right">{caption}</p>
<table border="1">
<tr><th>{h1}</th><th>{h2}</th><th>{h3}</th></tr>
<tr><td>1</td><td>{place1}</td><td>50</td></tr>
<tr><td>2</td><td>{place2}</td><td>30</td></tr>
</table>
</div>
<div id="footer">© 2026 {center}</div>
</body></html>
"""
RU = dict(title="О повышении базовых ставок земельного налога", site="ИПС Әділет", home="Главная", docs="Документы",
          other="Қазақша",
          requisite="Решение Тестовского районного маслихата Алматинской области от 12 марта 2018 года № 30-2. "
                    "Зарегистрировано Департаментом юстиции Алматинской области 2 апреля 2018 года № 4620",
          preamble="В соответствии с пунктом 1 статьи 510 Налогового кодекса Тестовский районный маслихат РЕШИЛ:",
          point1="Повысить базовые ставки земельного налога согласно приложению к настоящему решению.",
          caption="Приложение к решению Тестовского районного маслихата от 12 марта 2018 года № 30-2",
          h1="№", h2="Наименование населенного пункта", h3="Повышение ставки, процентов",
          place1="село Тестовое", place2="село Примерное", center="Республиканский центр правовой информации")
KK = dict(title="Жер салығының базалық мөлшерлемелерін жоғарылату туралы", site="Әділет АҚЖ", home="Басты бет",
          docs="Құжаттар", other="На русском",
          requisite="Алматы облысы Тестов аудандық мәслихатының 2018 жылғы 12 наурыздағы № 30-2 шешімі. "
                    "Алматы облысының Әділет департаментінде 2018 жылғы 2 сәуірде № 4620 болып тіркелді",
          preamble="Салық кодексінің 510-бабының 1-тармағына сәйкес Тестов аудандық мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:",
          point1="Жер салығының базалық мөлшерлемелері осы шешімге қосымшаға сәйкес жоғарылатылсын.",
          caption="Тестов аудандық мәслихатының 2018 жылғы 12 наурыздағы № 30-2 шешіміне қосымша",
          h1="Р/с №", h2="Елді мекеннің атауы", h3="Мөлшерлемені жоғарылату, пайызбен",
          place1="Тестовое ауылы", place2="Примерное ауылы", center="Құқықтық ақпарат республикалық орталығы")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("html")
    (tmp / "in").mkdir()
    (tmp / "in" / "stavki_rus.html").write_text(PAGE.format(**RU), encoding="utf-8")
    (tmp / "in" / "stavki_kaz.html").write_text(PAGE.format(**KK), encoding="utf-8")
    c = Corpus(str(tmp / "c.sqlite"))
    try:
        c.ingest([str(tmp / "in")])
        c.export(str(tmp / "x"))
    finally:
        c.close()
    read = lambda f: [json.loads(x) for x in (tmp / "x" / f).read_text(encoding="utf-8").splitlines()]
    return {d["language"]: d for d in read("documents.jsonl")}, read("units.jsonl")


@pytest.mark.parametrize("lang,words", [("ru", RU), ("kk", KK)])
def test_a_saved_page_menu_and_footer_are_not_the_act(exported, lang, words):
    docs, units = exported
    d = docs[lang]
    assert d["title"] == words["title"]
    assert (d["issuer_kind"], d["adopted_date"], d["number"]) == ("maslikhat", "2018-03-12", "30-2")
    assert words["home"] not in d["text"] and words["center"] not in d["text"]
    mine = [u for u in units if u["document_id"] == d["id"]]
    app = next(u for u in mine if u["kind"] == "appendix")
    rows = [d["text"][u["start"]:u["end"]] for u in mine if u["parent_id"] == app["id"] and u["kind"] == "paragraph"]
    assert [r.split("\t")[1] for r in rows] == [words["place1"], words["place2"]]


@pytest.mark.parametrize("page", [
    # the act's requisite in a <div class="header">: kept
    '<html><body><div class="header"><p>Решение маслихата от 12 марта 2018 года № 30-2</p></div>'
    '<p>1. Утвердить.</p></body></html>',
    '<html><body><div class="header"><p>Тестов аудандық мәслихатының 2018 жылғы 12 наурыздағы № 30-2 шешімі</p></div>'
    '<p>1. Бекітілсін.</p></body></html>',
])
def test_an_acts_own_lines_in_a_header_div_are_kept(page):
    assert "30-2" in html_to_text(page) and "30-2" in _soup_text(page)
    assert html_to_text(page) == _soup_text(page)
