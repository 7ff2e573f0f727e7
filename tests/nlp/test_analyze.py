"""The shared normalisation: folding, stop words, index/query agreement, language guess, spaCy."""
import pytest
import spacy

from maslihat.nlp.analyze import guess_language, index_terms, normalize_term, query_terms, tokens


@pytest.mark.parametrize("word, lang, expected", [
    ("тиicтi", "kk", "тиісті"), ("бip", "kk", "бір"), ("Kөпшілік", "kk", "көпшілік"),
    ("Мәслихаттың", "kk", "мәслихат"), ("маслихаттың", "kk", "мәслихат"), ("маслихата", "ru", "мәслихат"),
    ("акиму", "ru", "әкім"), ("әкімі", "kk", "әкім"), ("её", "ru", ""), ("учёба", "ru", "учеба"),
    ("pdf", "ru", "pdf"), ("2014", "kk", "2014"),
])
def test_folding_and_shared_terms(word, lang, expected):
    assert normalize_term(word, lang) == expected


@pytest.mark.parametrize("word, lang", [("и", "ru"), ("в", "ru"), ("который", "ru"), ("және", "kk"),
                                        ("туралы", "kk"), ("бойынша", "kk"), ("мен", "kk")])
def test_stop_words(word, lang):
    assert normalize_term(word, lang) == ""


@pytest.mark.parametrize("text, lang, expected", [
    ("36-тармағында", "kk", ["36", "тармақ"]),
    ("өзін-өзі басқару", "kk", ["өз", "басқару"]),  # өзі is a stop word, өзін is not
    ("Депутаты маслихата и акимы", "ru", ["депутат", "мәслихат", "әкім"]),
])
def test_index_terms_order_and_hyphens(text, lang, expected):
    assert index_terms(text, lang) == expected


@pytest.mark.parametrize("query, text, lang", [
    ("права депутата", "депутат имеет право", "ru"),
    ("депутаттық сауал", "депутаттық сауалдарыңызды қарап", "kk"),
    ("постоянные комиссии", "постоянной комиссии маслихата", "ru"),
])
def test_query_terms_found_in_index_terms(query, text, lang):
    assert set(query_terms(query, lang)) <= set(index_terms(text, lang))


def test_tokens_offsets():
    text = "Пункт 36 — тармақ."
    assert [(w, text[s:e]) for w, s, e in tokens(text)] == [(w, w) for w in ["Пункт", "36", "тармақ"]]


@pytest.mark.parametrize("text, lang", [
    ("права депутата", "ru"), ("кворум сессии", "ru"), ("депутаттық сауал", "kk"),
    ("сайлау", "kk"), ("депутаттар", "kk"), ("тиicтi органдар", "kk"), ("бюджет", "ru"),
    ("Сессия маслихата правомочна", "ru"), ("Мәслихат сессиясы", "kk"),
    # Kazakh in common letters: Russian does not know the words (issue 16)
    ("хатшы", "kk"), ("кезектен тыс сессия", "kk"), ("арнайы комиссия", "kk"),
    # Russian everyday words the corpus never uses, and words spelled alike, stay Russian
    ("прописка", "ru"), ("деньги на похороны безработного", "ru"), ("мэр", "ru"), ("комиссия", "ru"),
    ("ревизионная комиссия маслихата", "ru"), ("кто ведёт протокол сессии", "ru"), ("депутатские запросы", "ru"),
    # a misspelt Russian word (unknown to Russian) beside a loan declined in Russian stays Russian
    ("сесии маслихата", "ru"), ("регламет маслихата", "ru"), ("обрашение к акиму", "ru"),
    # … while the loan bare or with a Kazakh ending keeps a Kazakh query Kazakh
    ("кезектен тыс сессия маслихаты", "kk"), ("маслихаттың хатшысы", "kk"),
    # one Kazakh letter among many words in common letters: those words vote as above, so a
    # Kazakh question stays Kazakh and a Russian one with a Kazakh place name stays Russian
    ("тексеру комиссиясына депутат емес адамдар кіре ала ма", "kk"),
    ("кто созывает сессию маслихата в Көкшетау", "ru"), ("ставки налога на землю в Талдықорған", "ru"),
])
def test_guess_language(text, lang):
    assert guess_language(text) == lang


def test_spacy_blank_kk_and_pipelines():
    import maslihat.nlp.lang.kk
    import maslihat.nlp.lang.ru
    assert type(spacy.blank("kk")).__name__ == "Kazakh"
    doc = maslihat.nlp.lang.kk.make_nlp()("Мәслихат депутаттарының өкілеттіктері")
    assert [t.lemma_ for t in doc] == ["мәслихат", "депутат", "өкілеттік"]
    doc = maslihat.nlp.lang.ru.make_nlp()("Депутаты обращаются с запросами")
    assert [t.lemma_ for t in doc] == ["депутат", "обращаться", "с", "запрос"]


@pytest.mark.parametrize("word", ["пайдалану", "хатшы", "кезектен"])
def test_a_kazakh_word_read_in_a_russian_text_stays_kazakh(word):
    """A Kazakh word in common letters that a Russian document quoted (its lemma was guessed
    and kept, in this process and in the corpus's lexicon) does not make a query Russian."""
    from maslihat.nlp.lang.ru import lemmatizer
    lemmatizer.lemma(word)                        # read as Russian once, as ingest does
    assert guess_language(word) == "kk"
    assert not lemmatizer.is_known(word) and lemmatizer.is_known("депутатский")


def test_one_process_two_corpora_a_kazakh_query_finds_its_word(tmp_path):
    """Searching a corpus after ingesting another in the same process (tests, a notebook) finds
    the Kazakh word that the first corpus's Russian text also contained."""
    from maslihat.corpus.api import Corpus
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "ru.txt").write_text(
        "РЕШЕНИЕ\nмаслихата города Тестовый\nО правилах «Жерді пайдалану»\n\n"
        "1. Утвердить правила «Жерді пайдалану тәртібі» в новой редакции.\n", encoding="utf-8")
    (tmp_path / "b" / "kk.txt").write_text(
        "ШЕШІМ\nТестовый қаласы мәслихатының\nЖайылымдарды пайдалану туралы\n\n"
        "1. Жайылымдарды пайдалану тәртібі бекітілсін.\n", encoding="utf-8")
    a = Corpus(str(tmp_path / "a.sqlite"), es_url="")
    a.ingest([str(tmp_path / "a")])
    a.close()
    b = Corpus(str(tmp_path / "b.sqlite"), es_url="")
    b.ingest([str(tmp_path / "b")])
    try:
        assert b.search("пайдалану", lang="kk")["total"] >= 1
    finally:
        b.close()
