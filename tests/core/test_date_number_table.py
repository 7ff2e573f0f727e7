"""The table of date and act-number forms (RU and KK) that the requisite parser (ingest.metadata)
and the citation engine (nlp.references) must read identically: both call core.grammar.

Forms are those written in the seeds (corpus/samples), the dev decisions and the dev laws
(../shared/corpus); issuers and titles around them are made up, no corpus sentence is copied."""
from __future__ import annotations

import pytest

from maslihat.core import grammar as G
from maslihat.core.model import Document
from maslihat.ingest.requisites import parse_requisite
from maslihat.nlp.references import find_references

# (date as written, ISO)
RU_DATES = [
    ("20 марта 2014 года", "2014-03-20"), ("23 января 2001 года", "2001-01-23"),
    ("9 июля 2003 года", "2003-07-09"), ("31 мая 2019 года", "2019-05-31"),
    ("26 декабря 2002 года", "2002-12-26"), ("8 декабря 2001 года", "2001-12-08"),
    ("29 сентября 2004 года", "2004-09-29"), ("28 августа 2019 года", "2019-08-28"),
    ("12 мая 2016 года", "2016-05-12"), ("1 января 2002 года", "2002-01-01"),
    ("13 апреля 2004 г.", "2004-04-13"), ("«26» декабря 2001 года", "2001-12-26"),
    ("16 июня 2010 года", "2010-06-16"), ("28 сентября 1995 года", "1995-09-28"),
    ("09.10.2014", "2014-10-09"), ("15.03.2002", "2002-03-15"), ("29.09.2004", "2004-09-29"),
    ("30.01.2004 года", "2004-01-30"), ("2009.02.09", "2009-02-09"),
    ("10.01.2006", "2006-01-10"), ("24 декабря 2004 года", "2004-12-24"),
]
KK_DATES = [
    ("2001 жылғы 23 қаңтардағы", "2001-01-23"), ("2014 жылғы 20 наурыздағы", "2014-03-20"),
    ("1998 ж. 4-қыркүйектегі", "1998-09-04"), ("1998ж. 4-кыркүйектегі", "1998-09-04"),
    ("2001 жылғы қарашаның 14", "2001-11-14"), ("2001 жылғы желтоқсанның 26", "2001-12-26"),
    ("2002 жылғы маусымның 24", "2002-06-24"), ("1993 жылғы 22 қазандағы", "1993-10-22"),
    ("1995 жылғы 28 қыркүйектегі", "1995-09-28"), ("1999 жылғы 16 шілдедегі", "1999-07-16"),
    ("2024 жылғы 5 сәуірдегі", "2024-04-05"), ("2000 жылғы 12 мамырдағы", "2000-05-12"),
    ("1999ж. 22-сәуірдегі", "1999-04-22"), ("2016 жылғы «12» мамырдағы", "2016-05-12"),
    ("1995 жылғы 30 тамыздағы", "1995-08-30"), ("1998 жылғы 24 наурыздағы", "1998-03-24"),
    ("2000ж. 28.01-дегі", "2000-01-28"), ("2005 жылғы 21 қаңтардағы", "2005-01-21"),
    ("1996 жылғы 1 шілдеге", "1996-07-01"), ("2001 жылғы 20 қарашадағы", "2001-11-20"),
    ("09.10.2014", "2014-10-09"),
]
# (number as written after the sign, the number both must read, its key)
NUMBERS = [
    ("№ С-24/4", "С-24/4", "C-24/4"), ("№ 148-II", "148-II", "148"), ("N 148-ІІ", "148-ІІ", "148"),
    ("№ 45-264", "45-264", "45-264"), ("N 6-188", "6-188", "6-188"), ("№ 19-1/252", "19-1/252", "19-1/252"),
    ("№ 704", "704", "704"), ("N 3-47", "3-47", "3-47"), ("№ С-3/8", "С-3/8", "C-3/8"),
    ("№ 252/НҚ", "252/НҚ", "252/HҚ"), ("N 2-23/и-6065", "2-23/и-6065", "2-23/И-6065"),
    ("№ 045/у", "045/у", "045/Y"), ("№ 1685", "1685", "1685"), ("N№4-30", "4-30", "4-30"),
]
ROWS = [("ru", d, iso, n, num, key) for (d, iso), (n, num, key) in zip(RU_DATES, NUMBERS * 2)] + \
       [("kk", d, iso, n, num, key) for (d, iso), (n, num, key) in zip(KK_DATES, reversed(NUMBERS * 2))]


def _requisite(lang: str, date: str, num: str) -> str:
    if lang == "ru":
        return (f"Решение маслихата Алматинской области от {date} {num}. Зарегистрировано Департаментом "
                f"юстиции Алматинской области 1 апреля 2014 года № 2658")
    return (f"Алматы облыстық мәслихатының {date} {num} шешімі. Алматы облысының Әділет департаментінде "
            f"2014 жылғы 1 сәуірде № 2658 болып тіркелді")


def _citation(lang: str, date: str, num: str) -> Document:
    text = (f"В соответствии с решением маслихата Алматинской области от {date} {num} «Об областном бюджете» "
            f"маслихат РЕШИЛ:" if lang == "ru" else
            f"Алматы облыстық мәслихатының {date} {num} «Облыстық бюджет туралы» шешіміне сәйкес "
            f"мәслихат ШЕШІМ ҚАБЫЛДАДЫ:")
    return Document(id=f"t/table/{lang}", source="test", part=0, language=lang, doc_type="decision",
                    title="", text=text)


def test_the_table_has_forty_forms_of_each_kind():
    assert len(ROWS) >= 40 and {r[0] for r in ROWS} == {"ru", "kk"}
    assert len({r[1] for r in ROWS}) >= 35 and len(NUMBERS) >= 10


@pytest.mark.parametrize("lang,date,iso,num,number,key", ROWS, ids=[f"{r[0]}:{r[1]}:{r[3]}" for r in ROWS])
def test_requisites_and_citations_read_one_date_and_number(lang, date, iso, num, number, key):
    meta = parse_requisite(_requisite(lang, date, num))
    refs = [r for r in find_references(_citation(lang, date, num), []) if r.target.get("act_type") == "решение"]
    assert refs, f"no citation read in the {lang} sentence"
    target = refs[0].target
    assert (meta.adopted_date, target.get("date")) == (iso, iso)
    assert (meta.number, target.get("number")) == (number, number)
    assert G.number_key(meta.number) == G.number_key(target["number"]) == key
    assert G.parse_date(date, lang) == iso


def test_a_law_cited_by_date_and_number_meets_its_own_number():
    """«N 148-II» is one number for the law's requisite and for a citation without the suffix."""
    meta = parse_requisite("Закон Республики Казахстан от 23 января 2001 года N 148-II.")
    assert (meta.adopted_date, meta.number) == ("2001-01-23", "148-II")
    assert G.number_key(meta.number) == G.number_key("№ 148") == G.number_key("№ 148-ІІ")
