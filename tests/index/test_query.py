"""The query language: one parser for both back ends, both languages, clear errors."""
import pytest

from maslihat.corpus.index.base import QueryError
from maslihat.corpus.index.query import (And, Not, Or, Phrase, Prefix, TAnd, TOr, TPhrase, TPrefix, Word, parse,
                                plan, to_terms)

PARSE_TABLE = [
    ("депутат сессия", And((Word("депутат"), Word("сессия")))),
    ("депутат сессиясы", And((Word("депутат"), Word("сессиясы")))),
    ('"постоянная комиссия"', Phrase("постоянная комиссия")),
    ('"тұрақты комиссия" бюджет', And((Phrase("тұрақты комиссия"), Word("бюджет")))),
    ("бюджет OR салық", Or((Word("бюджет"), Word("салық")))),
    ("бюджет ИЛИ налог", Or((Word("бюджет"), Word("налог")))),
    ("бюджет НЕМЕСЕ салық", Or((Word("бюджет"), Word("салық")))),
    ("аким -акимат", And((Word("аким"), Not(Word("акимат"))))),
    ("әкім NOT әкімдік", And((Word("әкім"), Not(Word("әкімдік"))))),
    ("аким НЕ акимат", And((Word("аким"), Not(Word("акимат"))))),
    ("депутат*", Prefix("депутат")),
    ("мәслихат* AND сессия", And((Prefix("мәслихат"), Word("сессия")))),
    ("депутат И сессия", And((Word("депутат"), Word("сессия")))),
    ("(бюджет OR салық) мәслихат", And((Or((Word("бюджет"), Word("салық"))), Word("мәслихат")))),
    ('-"күші жойылды"', Not(Phrase("күші жойылды"))),
    ("-(аким OR акимат) сессия", And((Not(Or((Word("аким"), Word("акимат")))), Word("сессия")))),
    ("өзін-өзі басқару", And((Word("өзін-өзі"), Word("басқару")))),
    ("a OR b c", Or((Word("a"), And((Word("b"), Word("c")))))),
    ("«депутатский запрос»", Phrase("депутатский запрос")),
    # a subpoint's label as lawyers cite it: its «)» is part of the word, not syntax
    ("подпункт 1-1) пункта 1", And((Word("подпункт"), Word("1-1)"), Word("пункта"), Word("1")))),
    ("1-1) тармақшасы", And((Word("1-1)"), Word("тармақшасы")))),
    ("(а) сессия", And((Word("а"), Word("сессия")))),          # «(» opened: the «)» closes it
    ("", None),
    ("   ", None),
]


@pytest.mark.parametrize("text,expected", PARSE_TABLE)
def test_parse(text, expected):
    assert parse(text) == expected


ERRORS = [
    ('"депутатский запрос', "quote"),
    ('сессия "тұрақты', "quote"),
    ("(бюджет OR салық", "parenthes"),
    ("бюджет)", "parenthes"),
    ("()", "empty"),
    ("OR бюджет", "OR"),
    ("бюджет OR", "OR"),
    ("бюджет ИЛИ", "ИЛИ"),
    ("сессия AND", "AND"),
    ("NOT", "NOT"),
    ("мәслихат НЕ", "НЕ"),
    ("*", "prefix"),
    ("де*пу", "prefix"),
    ("-", "-"),
]


@pytest.mark.parametrize("text,needle", ERRORS)
def test_bad_syntax_is_a_clear_query_error(text, needle):
    with pytest.raises(QueryError) as e:
        parse(text)
    assert needle in str(e.value)


def test_words_become_normalised_terms():
    node = to_terms(parse("Депутат СЕССИЯ"), "ru", "ru", use_glossary=False)
    assert node == TAnd((TPhrase(("депутат",)), TPhrase(("сессия",))))
    assert to_terms(parse("мәслихат*"), "kk", "kk", use_glossary=False) == TPrefix("мәслихат")


def test_glossary_expansion_reaches_the_other_language():
    gloss = {("депутатский", "запрос"): {"kk": [["депутаттық", "сауал"]]}}

    def expand(terms, lang):
        return gloss.get(tuple(terms), {})

    ast = parse("депутатский запрос")
    kk = to_terms(ast, "ru", "kk", expand)
    assert kk == TPhrase(("депутаттық", "сауал"))
    ru = to_terms(ast, "ru", "ru", expand)
    assert ru == TAnd((TPhrase(("депутатский",)), TPhrase(("запрос",))))
    # a run with other words around the glossary expression keeps them
    assert to_terms(parse("новый депутатский запрос"), "ru", "kk", expand) == \
        TAnd((TPhrase(("новый",)), TPhrase(("депутаттық", "сауал"))))


def test_synonyms_extend_the_same_language():
    def expand(terms, lang):
        return {"ru": [["постоянный", "комиссия"]]} if terms == ["комиссия"] else {}

    assert to_terms(parse("комиссия"), "ru", "ru", expand) == \
        TOr((TPhrase(("комиссия",)), TPhrase(("постоянный", "комиссия"))))


def test_plan_guesses_language_and_respects_lang():
    assert plan("мәслихат", None).src == "kk"
    assert plan("маслихат", None).src == "ru"
    assert set(plan("маслихат", None).by_lang) == {"ru", "kk"}
    assert set(plan("маслихат", "ru").by_lang) == {"ru"}
    assert plan("", None).browse
