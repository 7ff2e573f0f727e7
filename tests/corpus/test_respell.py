"""Kazakh typed with Russian letters is searched as Kazakh (corpus.respell), on the sample corpus.

A deputy without the Kazakh layout types «сессия кун тартибин ким бекитеди»; the answer must be
what «сессия күн тәртібін кім бекітеді» finds, and the answer says what was searched."""
from __future__ import annotations

import json

import pytest

from maslihat.corpus.respell import respell
from maslihat.nlp.analyze import normalize_term
from tests.corpus.test_cli import run


def ids(res):
    return [h["unit_id"] for h in res["hits"]]


@pytest.mark.parametrize("typed,meant", [
    ("сессия кун тартибин ким бекитеди", "сессия күн тәртібін кім бекітеді"),
    ("депутаттык сауал", "депутаттық сауал"),
    ("кезектен тыс сессияны ким шакырады", "кезектен тыс сессияны кім шақырады"),
    ("Депутаттык сауалга жауап", "Депутаттық сауалға жауап"),
    ("маслихаттын регламенти", "маслихаттың регламенті"),       # a loan root, a Kazakh ending
])
def test_typed_without_kazakh_letters_finds_what_the_kazakh_finds(sample_corpus, typed, meant):
    got = sample_corpus.search(typed, limit=10)
    want = sample_corpus.search(meant, limit=10)
    assert got["corrected_query"] == meant
    assert got["query"] == typed                      # the contract's field keeps what was typed
    assert ids(got) == ids(want) and got["total"] == want["total"]
    assert any(h["language"] == "kk" for h in got["hits"][:3])


@pytest.mark.parametrize("query", [
    "кто ведёт протокол сессии",        # Russian: every word is Russian
    "депутатский запрос",
    "сессия күн тәртібін кім бекітеді",  # typed with the Kazakh layout
    "депутат AND сессия",               # strict syntax is not rewritten
    '"кун тартибин"',
])
def test_other_queries_are_not_respelled(sample_corpus, query):
    assert "corrected_query" not in sample_corpus.search(query, limit=3)


def test_a_respelling_needs_the_corpus_to_know_it_clearly():
    counts = {"күн": 50, "кун": 0, "құн": 3}.get
    assert respell("кун тартибин", lambda ts: {t: counts(t) or 0 for t in ts}).startswith("күн ")
    # the word as typed is itself frequent: kept
    known = {"кун": 40, "күн": 50, normalize_term("тәртібін", "kk"): 50}
    assert respell("кун тартибин", lambda ts: {t: known.get(t, 0) for t in ts}) == "кун тәртібін"
    # neither the corpus nor the thesaurus knows a spelling: kept
    assert respell("жанбыр", lambda ts: {}) is None
    assert respell("жанбыр", lambda ts: {t: 5 for t in ts if t.startswith("жаңбыр")}) == "жаңбыр"
    # every word Russian («кун» is one): the query is not Kazakh typed without its letters
    assert respell("кун", lambda ts: {t: counts(t) or 0 for t in ts}) is None


def test_question_words_are_respelled_without_counting(sample_corpus):
    asked = []

    def counts(terms):
        asked.extend(terms)
        return {}
    assert respell("ким калай кашан", counts) == "кім қалай қашан"
    assert asked == []


def test_cli_says_what_was_searched(tmp_path_factory):
    from tests.conftest import SAMPLES
    db = tmp_path_factory.mktemp("respell") / "c.sqlite"
    run("ingest", str(SAMPLES), db=db)
    out = run("search", "депутаттык сауал", "--limit", "2", db=db).stdout.splitlines()
    assert "депутаттық сауал" in out[1] and "Kazakh letters" in out[1]
    res = json.loads(run("search", "депутаттык сауал", "--json", "--limit", "2", db=db).stdout)
    assert res["query"] == "депутаттык сауал" and res["corrected_query"] == "депутаттық сауал"


def test_a_query_too_long_is_left_to_the_parser(sample_corpus):
    from maslihat.corpus.index.base import QueryError
    with pytest.raises(QueryError):
        sample_corpus.search("депутаттык сауал " * 300)
    assert respell("кун " * 150 + "тартибин", lambda ts: {t: 9 for t in ts}) is None


@pytest.mark.parametrize("typed,meant", [
    ("ltgenfncrbq pfghjc", "депутатский запрос"),                 # the Latin layout on, Russian meant
    ("rnj dtl`n ghjnjrjk ctccbb?", "кто ведёт протокол сессии?"),
    ("Ltgenfncrbq pfghjc.", "Депутатский запрос."),               # case and the full stop kept
])
def test_a_query_typed_with_the_latin_layout_on(sample_corpus, typed, meant):
    got = sample_corpus.search(typed, limit=5)
    assert got["corrected_query"] == meant and got["correction"] == "keyboard_layout"
    assert ids(got) == ids(sample_corpus.search(meant, limit=5)) and got["total"] > 0


def test_the_layout_then_the_kazakh_letters(sample_corpus):
    # «депутаттык сауал» typed with the Latin layout on: read back, then its Kazakh letters restored
    got = sample_corpus.search("ltgenfnnsr cfefk", limit=3)
    assert got["corrected_query"] == "депутаттық сауал"


@pytest.mark.parametrize("query", ["COVID", "e-gov", "iPhone", "dfg,", "Elasticsearch"])
def test_latin_on_purpose_is_left_alone(sample_corpus, query):
    assert "corrected_query" not in sample_corpus.search(query, limit=3)


@pytest.mark.parametrize("typed,meant,lang", [
    ("kezekten tys sessiia qashan shaqyrylady", "кезектен тыс сессия қашан шақырылады", "kk"),  # plain Latin
    ("Mäslihat sessiasynyñ kün tärtibin kim bekitedi", "Мәслихат сессиясының күн тәртібін кім бекітеді", "kk"),
    ("deputattyq saualğa jauap", "депутаттық сауалға жауап", "kk"),                     # the 2021 alphabet
    ("deputatskiy zapros", "депутатский запрос", "ru"),
    ("kto vedet protokol sessii", "кто ведет протокол сессии", "ru"),
    ("Kokshetau", "Кокшетау", None),                                  # a place written in Latin
])
def test_a_query_written_in_latin_letters_is_read_as_cyrillic(sample_corpus, typed, meant, lang):
    got = sample_corpus.search(typed, limit=5)
    assert got["corrected_query"] == meant and got["correction"] == "latin_script"
    assert got["query"] == typed
    want = sample_corpus.search(meant, limit=5)
    assert ids(got) == ids(want) and got["total"] == want["total"] > 0
    if lang == "kk":                         # a Kazakh question is answered in Kazakh first
        assert got["hits"][0]["language"] == "kk"


@pytest.mark.parametrize("query", ["deputatskiy AND zapros", '"deputatskiy zapros"', "депутат zapros"])
def test_strict_syntax_and_mixed_scripts_are_not_transliterated(sample_corpus, query):
    assert sample_corpus.search(query, limit=3).get("correction") != "latin_script"


def test_latin_letters_need_the_corpus_to_know_half_the_words():
    from maslihat.corpus.respell import transliterate
    known = {"запрос": 5, "депутатский": 3}

    def counts(terms):
        return {t: known.get(t, 0) for t in terms}
    assert transliterate("deputatskiy zapros", counts) == "депутатский запрос"
    assert transliterate("zapros qwrtz plmk", counts) is None          # one word of three
    assert transliterate("zapros", lambda ts: {}) is None               # nothing known at all


def test_cli_says_the_layout_was_read_back(tmp_path_factory):
    from tests.conftest import SAMPLES
    db = tmp_path_factory.mktemp("layout") / "c.sqlite"
    run("ingest", str(SAMPLES), db=db)
    out = run("search", "ltgenfncrbq pfghjc", "--limit", "1", db=db).stdout.splitlines()
    assert "депутатский запрос" in out[1] and "keyboard layout" in out[1]
    out = run("search", "deputatskiy zapros", "--limit", "1", db=db).stdout.splitlines()
    assert "депутатский запрос" in out[1] and "Latin letters" in out[1]
    res = json.loads(run("search", "kezekten tys sessiia", "--json", "--limit", "1", db=db).stdout)
    assert res["correction"] == "latin_script" and res["corrected_query"] == "кезектен тыс сессия"


@pytest.mark.parametrize("typed,meant", [
    ("депутатскй запрс", "депутатский запрос"),                  # letters left out
    ("кто ведёт протокол сесии", "кто ведёт протокол сессии"),
    ("постояные комисии маслихата", "постоянные комиссии маслихата"),
    ("секретраь маслихата", "секретарь маслихата"),             # two letters swapped
    ("сесии маслихата", "сессии маслихата"),                     # not read as Kazakh (the word is neither)
    ("сессиясынның күн тәртібі", "сессиясының күн тәртібі"),      # Kazakh: a letter doubled …
    ("мәслихат депутатардың өкілеттігі", "мәслихат депутаттардың өкілеттігі"),   # … or typed once
    ("кезектен тыс сессия қашан шақырылдаы", "кезектен тыс сессия қашан шақырылады"),   # two swapped
])
def test_a_typing_slip_is_corrected(sample_corpus, typed, meant):
    got = sample_corpus.search(typed, limit=5)
    assert got["corrected_query"] == meant and got["correction"] == "spelling"
    assert got["query"] == typed
    want = sample_corpus.search(meant, limit=5)
    assert ids(got) == ids(want) and got["total"] == want["total"] > 0


@pytest.mark.parametrize("query", [
    "лопаты и грабли на кладбище",      # real words the corpus lacks stay as typed
    "мэр города",                       # a word of the thesaurus
    "депутатский запрос",
    "депутаттардың өкілеттігі",         # Kazakh words as the corpus writes them
    "әкемді атамның қасына жерлегім келеді",   # rare Kazakh forms, not slips («әкем» is not «әкім»)
    "депутатскй AND запрос",            # strict syntax means what it spells
])
def test_real_words_kazakh_and_strict_syntax_are_not_corrected(sample_corpus, query):
    assert sample_corpus.search(query, limit=3).get("correction") != "spelling"


def test_a_slip_is_corrected_only_to_a_word_the_corpus_holds_clearly():
    from maslihat.corpus.respell import correct_slips
    from maslihat.nlp.analyze import normalize_term
    many = {normalize_term("сессия", "ru"): 50}
    assert correct_slips("сесия", lambda ts: {t: many.get(t, 0) for t in ts}) == "сессия"
    # the slip itself is in 3 units (more than a stray misprint of the texts): kept
    held = {**many, normalize_term("сесия", "ru"): 3}
    assert correct_slips("сесия", lambda ts: {t: held.get(t, 0) for t in ts}) is None
    # the correction is in 1 unit only: no proof
    assert correct_slips("сесия", lambda ts: {t: 1 for t in ts if t == normalize_term("сессия", "ru")}) is None


def test_cli_says_a_slip_was_corrected(tmp_path_factory):
    from tests.conftest import SAMPLES
    db = tmp_path_factory.mktemp("slip") / "c.sqlite"
    run("ingest", str(SAMPLES), db=db)
    out = run("search", "депутатскй запрс", "--limit", "1", db=db).stdout.splitlines()
    assert "депутатский запрос" in out[1] and "slip" in out[1]


@pytest.mark.parametrize("query", ["ñ", "a'", "qq qq"])
def test_single_latin_letters_are_not_read_as_words(sample_corpus, query):
    assert sample_corpus.search(query, limit=3).get("correction") != "latin_script"


def test_a_prefix_is_searched_as_typed(sample_corpus):
    """«сесия*» asks for the words that begin so: a prefix means what it spells."""
    assert sample_corpus.search("сесия*", limit=3).get("correction") != "spelling"
    assert sample_corpus.search("сессиясынның*", limit=3).get("correction") != "spelling"
