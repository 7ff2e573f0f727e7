"""Issue 16: the words that open a list frame each of its items. «Секретарь маслихата осуществляет
следующие полномочия:» is what «2) подписывает протоколы сессий …» is about: asked «секретарь
маслихата подписывает протоколы», that subpoint answers, not a point that only repeats «протоколы
подписывает» of someone else (``Store.heading_context`` adds the chapeau of the parent and the
grandparent; ``scoring.HEADING_COVERAGE``). RU and KK, both back ends."""
import pytest

from maslihat.corpus import store_context as store_mod
from tests.index.small_corpus import assert_same_first, corpus_fixture

RU = """Об утверждении Регламента Тестового маслихата

1. Секретарь маслихата осуществляет следующие полномочия:
1) организует подготовку сессии;
2) подписывает протоколы сессий, стенограммы, решения и иные документы, принятые или утвержденные на сессии;
3) созывает заседания постоянных комиссий.

2. Секретарь маслихата не вправе состоять в постоянных комиссиях маслихата.

3. Протоколы комиссий подписывает работник аппарата."""
KK = """Тестовый мәслихатының Регламентін бекіту туралы

1. Мәслихат хатшысы мынадай өкілеттіктерді жүзеге асырады:
1) сессияны дайындауды ұйымдастырады;
2) сессияның хаттамаларына және сессияда қабылданған өзге де құжаттарға қол қояды;
3) тұрақты комиссиялардың отырыстарын шақырады.

2. Мәслихат хатшысы тұрақты комиссиялардың құрамына кіре алмайды.

3. Тұрақты комиссияның хаттамаларына аппарат қызметкері қол қояды."""

corpus = corpus_fixture("chapeau", {"reg_ru.txt": RU, "reg_kk.txt": KK})
QUERIES = [("секретарь маслихата подписывает протоколы", "ru", "2) подписывает протоколы"),
           ("мәслихат хатшысы хаттамаларға қол қояды", "kk", "2) сессияның хаттамаларына")]


@pytest.mark.parametrize("text,want", [
    ("1. Секретарь маслихата осуществляет следующие полномочия:\n1) организует подготовку сессии;",
     "1. Секретарь маслихата осуществляет следующие полномочия:"),
    ("Депутат маслихата\nвправе:\n1) вносить предложения", "Депутат маслихата\nвправе:"),
    ("1. Мәслихат хатшысы мынадай өкілеттіктерді жүзеге асырады:\n1) сессияны дайындауды ұйымдастырады;",
     "1. Мәслихат хатшысы мынадай өкілеттіктерді жүзеге асырады:"),
    ("2. Секретарь маслихата не вправе состоять в постоянных комиссиях.", ""),
    ("", "")])
def test_the_chapeau_is_the_text_up_to_its_first_line_ending_with_a_colon(text, want):
    assert store_mod.chapeau(text) == want


@pytest.mark.parametrize("lang,item,frame", [
    ("ru", "2) подписывает протоколы", "осуществляет следующие полномочия:"),
    ("kk", "2) сессияның хаттамаларына", "мынадай өкілеттіктерді жүзеге асырады:")])
def test_an_item_stands_under_the_chapeau_of_its_point(corpus, lang, item, frame):
    hits = corpus.search(item.split(") ", 1)[1], lang=lang, limit=10)["hits"]
    uid = next(h["unit_id"] for h in hits if h["text"].startswith(item))
    assert frame in corpus.store.heading_context([uid])[uid][1]
    other = next(h["unit_id"] for h in corpus.search("аппарат", lang=lang, limit=10)["hits"]
                 if h["text"].startswith("3."))
    assert frame not in corpus.store.heading_context([other])[other][1]


@pytest.mark.parametrize("query,lang,want", QUERIES)
def test_the_item_framed_by_its_chapeau_comes_first(corpus, query, lang, want, monkeypatch):
    first = corpus.search(query, lang=lang, limit=3)["hits"][0]
    assert first["text"].startswith(want), first["text"]
    monkeypatch.setattr(store_mod, "chapeau", lambda text: "")
    corpus.index.memo("context").clear()
    try:
        assert not corpus.search(query, lang=lang, limit=3)["hits"][0]["text"].startswith(want)
    finally:
        corpus.index.memo("context").clear()


@pytest.mark.elasticsearch
def test_elasticsearch_puts_the_same_item_first(tmp_path, es_url, corpus):
    assert_same_first(tmp_path, es_url, corpus, {"reg_ru.txt": RU, "reg_kk.txt": KK},
                      [(q, lang) for q, lang, _ in QUERIES])
