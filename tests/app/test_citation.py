"""Citation strings in the forms lawyers write (search_app/citation.py), both languages, per form."""
from __future__ import annotations

import pytest

from maslihat.core.model import Document, Unit
from maslihat.search_app.citation import cite, kk_genitive, locator


def _unit(doc_id, uid, kind, label, parent=None, number=None, heading=None, part=0):
    return Unit(id=f"{doc_id}/{uid}", document_id=doc_id, kind=kind, start=0, end=1, label=label,
                parent_id=f"{doc_id}/{parent}" if parent else None, number=number, heading=heading, part=part)


def test_kazakh_genitive_follows_the_last_sound():
    assert kk_genitive("мәслихаты") == "мәслихатының"
    assert kk_genitive("регламенті") == "регламентінің"
    assert kk_genitive("кодекс") == "кодекстің"
    assert kk_genitive("заң") == "заңның"
    assert kk_genitive("жер") == "жердің"


# seed 001 of the sample corpus, RU and KK: a decision with two points approving a regulation (appendix 1)

def test_point_of_an_approved_regulation_ru(corpus, ids):
    doc, units = corpus.document(ids["ru"]), corpus.units(ids["ru"])
    p34 = next(u for u in units if u.id.endswith("appendix_1/point_34"))
    s = cite(p34, doc, units)
    assert s.startswith("п. 34 Регламента Кокшетауского городского маслихата, утв. решением Кокшетауского городского маслихата")
    assert "от 20 марта 2014 года № С-24/4" in s
    assert "решения" not in s.split(",")[0], "not point 34 of the decision (which has two points)"
    assert s.endswith("(утратило силу)")


def test_point_of_an_approved_regulation_kk(corpus, ids):
    doc, units = corpus.document(ids["kk"]), corpus.units(ids["kk"])
    p34 = next(u for u in units if u.id.endswith("appendix_1/point_34"))
    s = cite(p34, doc, units)
    assert "2014 жылғы 20 наурыздағы № С-24/4 шешімімен бекітілген" in s
    assert "регламентінің 34-тармағы" in s
    assert s.startswith("Ақмола облысы Көкшетау қалалық мәслихатының"), "the Kazakh issuer, in the genitive"
    assert "Кокшетауский" not in s and "маслихат " not in s


def test_point_of_the_decision_itself(corpus, ids):
    ru, kk = corpus.document(ids["ru"]), corpus.document(ids["kk"])
    ur, uk = corpus.units(ids["ru"]), corpus.units(ids["kk"])
    s = cite(next(u for u in ur if u.id.endswith("/ru/point_1")), ru, ur)
    assert s.startswith("п. 1 решения Кокшетауского городского маслихата Акмолинской области от 20 марта 2014 года № С-24/4 "
                        "«Об утверждении Регламента Кокшетауского городского маслихата»")
    s = cite(next(u for u in uk if u.id.endswith("/kk/point_1")), kk, uk)
    assert s.startswith("Ақмола облысы Көкшетау қалалық мәслихатының 2014 жылғы 20 наурыздағы № С-24/4 "
                        "«Көкшетау қалалық мәслихатының регламентін бекіту туралы» шешімінің 1-тармағы")


def test_nested_provision_order(corpus, ids):
    for key, expect in (("ru", "абз. 1 п. 139 Регламента"), ("kk", "регламентінің 139-тармағының 1-абзацы")):
        doc, units = corpus.document(ids[key]), corpus.units(ids[key])
        part = next(u for u in units if u.id.endswith("appendix_1/point_139/part_1"))
        assert expect in cite(part, doc, units)


LAW_ID = "kz/law/2001-01-23/148"


@pytest.mark.parametrize("lang,expect", [
    ("ru", "п. 2 ст. 9 Закона Республики Казахстан от 23 января 2001 года № 148 «О местном государственном управлении»"),
    ("kk", "Қазақстан Республикасының 2001 жылғы 23 қаңтардағы № 148 «Жергілікті мемлекеттік басқару туралы» "
           "Заңының 9-бабының 2-тармағы"),
])
def test_point_of_an_article_of_a_law(lang, expect):
    did = f"{LAW_ID}/{lang}"
    title = "О местном государственном управлении" if lang == "ru" else "Жергілікті мемлекеттік басқару туралы"
    doc = Document(id=did, source="x", part=0, language=lang, doc_type="law", title=title, text=title + "\n",
                   adopted_date="2001-01-23", number="148", status="in_force")
    art = _unit(did, "article_9", "article", "ст. 9" if lang == "ru" else "9-бап", number="9")
    pt = _unit(did, "article_9/point_2", "point", "ст. 9 п. 2" if lang == "ru" else "9-бап, 2-тармақ",
               parent="article_9", number="2")
    assert cite(pt, doc, [art, pt]) == expect


@pytest.mark.parametrize("lang,expect", [
    ("ru", "п. 3 приложения 1 к решению Тестового маслихата от 5 мая 2015 года № 7/1"),
    ("kk", "Тест мәслихатының 2015 жылғы 5 мамырдағы № 7/1 шешіміне 1-қосымшаның 3-тармағы"),
])
def test_point_of_an_untitled_appendix(lang, expect):
    did = f"kz/decision/2015-05-05/7-1/{lang}"
    text = ("Решение Тестового маслихата от 5 мая 2015 года № 7/1.\n" if lang == "ru"
            else "Тест мәслихатының 2015 жылғы 5 мамырдағы № 7/1 шешімі.\n")
    doc = Document(id=did, source="x", part=0, language=lang, doc_type="decision", title="", text=text,
                   adopted_date="2015-05-05", number="7/1", status="in_force")
    app = _unit(did, "appendix_1", "appendix", "прил. 1" if lang == "ru" else "1-қосымша", number="1", part=1)
    pt = _unit(did, "appendix_1/point_3", "point", "п. 3" if lang == "ru" else "3-тармақ", parent="appendix_1",
               number="3", part=1)
    assert cite(pt, doc, [app, pt]) == expect


def test_kazakh_citation_never_names_a_russian_issuer():
    did = "kz/decision/2015-05-05/7-1/kk"
    doc = Document(id=did, source="x", part=0, language="kk", doc_type="decision", title="Ереже туралы",
                   text="Ереже туралы\n", issuer="Кокшетауский городской маслихат", adopted_date="2015-05-05",
                   number="7/1")
    pt = _unit(did, "point_1", "point", "1-тармақ", number="1")
    s = cite(pt, doc, [pt])
    assert "Кокшетауский" not in s
    assert s == "2015 жылғы 5 мамырдағы № 7/1 «Ереже туралы» шешімінің 1-тармағы"


def test_locator_of_a_chapter_kk_is_possessive():
    u = _unit("d/kk", "chapter_1", "chapter", "1-тарау", number="1")
    assert locator(u, {u.id: u}, "kk") == "1-тарауы"


def test_export_uses_the_same_citation(corpus, ids):
    from maslihat.search_app import export
    units = corpus.units(ids["ru"])
    p34 = next(u for u in units if u.id.endswith("appendix_1/point_34"))
    row = export.rows(corpus, [{"unit_id": p34.id, "document_id": ids["ru"]}])[0]
    assert row["citation"] == cite(p34, corpus.document(ids["ru"]), units)


def test_kazakh_month_attributive_by_rule_and_by_grammar(monkeypatch):
    from maslihat.search_app import citation as c
    by_grammar = [c._kk_month_attributive(m) for m in range(1, 13)]
    assert by_grammar[2] == "наурыздағы" and by_grammar[3] == "сәуірдегі" and by_grammar[8] == "қыркүйектегі"
    real = c.grammar.month_name
    monkeypatch.setattr(c.grammar, "month_name", lambda m, lang, case="": [] if case == "forms" else real(m, lang, case))
    assert [c._kk_month_attributive(m) for m in range(1, 13)] == by_grammar, "the rule agrees with the data"


def test_kazakh_issuer_from_the_approval_block_or_the_operative_sentence():
    """Repository texts have no heading line and a Russian ``issuer``: the Kazakh text names it."""
    did = "kz-pav/decision/2014-03-28/257-29/kk"
    text = ("Облыс мәслихатының регламенті туралы\n\nЗаңына сәйкес, Павлодар облыстық мәслихаты ШЕШІМ ЕТЕДІ:\n"
            "1. Регламент бекітілсін.\n\nСессия төрағасы А. Әлиев\n\n"
            "Павлодар облыстық мәслихатының\n(V сайланған ХХІХ сессиясы)\n2014 жылғы 28 наурыздағы\n"
            "№ 257/29 шешімімен бекітілген\n\nОблыс мәслихатының регламенті\n1. Жалпы ереже.\n")
    doc = Document(id=did, source="x", part=0, language="kk", doc_type="decision",
                   title="Облыс мәслихатының регламенті туралы", text=text, issuer="маслихат Павлодарской области",
                   adopted_date="2014-03-28", number="257/29")
    app = _unit(did, "appendix_1", "appendix", "1-қосымша", number="1", heading="Облыс мәслихатының регламенті", part=1)
    pt = _unit(did, "appendix_1/point_1", "point", "1-тармақ", parent="appendix_1", number="1", part=1)
    s = cite(pt, doc, [app, pt])
    assert s == ("Павлодар облыстық мәслихатының 2014 жылғы 28 наурыздағы № 257/29 шешімімен бекітілген "
                 "Облыс мәслихатының регламентінің 1-тармағы")
    # without the approval block, the operative sentence names the issuer (put in the genitive)
    doc.text = text.split("Сессия")[0]
    assert cite(pt, doc, [app, pt]).startswith("Павлодар облыстық мәслихатының 2014 жылғы 28 наурыздағы")


def test_russian_title_about_a_regulation_is_not_taken_for_a_genitive():
    did = "kz-pav/decision/2014-03-28/257-29/ru"
    doc = Document(id=did, source="x", part=0, language="ru", doc_type="decision",
                   title="О Регламенте маслихата Павлодарской области", text="О Регламенте\n",
                   issuer="маслихат Павлодарской области", adopted_date="2014-03-28", number="257/29")
    app = _unit(did, "appendix_1", "appendix", "прил. 1", number="1", heading="Регламент маслихата Павлодарской области",
                part=1)
    pt = _unit(did, "appendix_1/point_1", "point", "п. 1", parent="appendix_1", number="1", part=1)
    assert cite(pt, doc, [app, pt]) == ("п. 1 Регламента маслихата Павлодарской области, утв. решением "
                                        "маслихата Павлодарской области от 28 марта 2014 года № 257/29")
