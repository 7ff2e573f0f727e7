"""Issue 16: a query word that neither RU↔KK table translates («пасека», «омарта»: the thesaurus
and the learned table were made from other acts) is translated by the corpus's own aligned
provisions (``corpus.index.aligned``), so a Russian question finds a provision that exists only in
Kazakh and the reverse; a word spelled alike in both languages, or one whose provisions share
no single word in the other language, is left as it was."""
import pytest

from maslihat.corpus.index import aligned as A, common
from maslihat.corpus.index.query import plan
from tests.index.small_corpus import corpus_fixture, small_corpus

RU = """РЕШЕНИЕ МАСЛИХАТА ТЕСТОВОГО РАЙОНА
Об утверждении Правил содержания пасек в тестовом районе

1. Владельцы пасек регистрируют пасеку в аппарате акима сельского округа.
2. Пасека размещается не ближе пятисот метров от жилых домов и детских учреждений.
3. Перевозка пасеки за пределы района согласовывается с ветеринарным врачом.
4. Маслихат утверждает ставки платы за пользование пастбищами.
"""
KK = """ТЕСТОВЫЙ АУДАНДЫҚ МӘСЛИХАТЫНЫҢ ШЕШІМІ
Тестовый ауданында омарталарды ұстау қағидаларын бекіту туралы

1. Омарта иелері омартаны ауылдық округ әкімінің аппаратында тіркейді.
2. Омарта тұрғын үйлерден және балалар мекемелерінен бес жүз метрден жақын орналастырылмайды.
3. Омартаны аудан шегінен тыс тасымалдау ветеринариялық дәрігермен келісіледі.
4. Мәслихат жайылымдарды пайдаланғаны үшін төлемақы мөлшерлемелерін бекітеді.
"""
# one act in Kazakh only, one in Russian only: the tables cannot reach them, the aligned act can
KK_ONLY = """ТЕСТОВЫЙ АУДАНДЫҚ МӘСЛИХАТЫНЫҢ ШЕШІМІ
Омарталарды қыстату туралы

1. Омарталар қыс мезгілінде жылытылған қоймаларда сақталады.
"""
RU_ONLY = """РЕШЕНИЕ МАСЛИХАТА ТЕСТОВОГО РАЙОНА
О зимовке пасек

1. Пасеки в зимний период содержатся в утепленных омшаниках.
"""
FILES = {"77001.rus.txt": RU, "77001.kaz.txt": KK, "77002.kaz.txt": KK_ONLY, "77003.rus.txt": RU_ONLY}
QUERIES = [("пасеки зимой", "ru", "kk", "жылытылған қоймаларда"),
           ("омарталар қыста", "kk", "ru", "утепленных омшаниках")]

corpus = corpus_fixture("aligned_translation", FILES)


@pytest.mark.parametrize("query,src,lang,want", QUERIES)
def test_a_word_the_tables_lack_finds_the_other_languages_only_text(corpus, query, src, lang, want, monkeypatch):
    texts = [h["text"] for h in corpus.search(query, lang=lang, limit=10)["hits"]]
    assert any(want in t for t in texts), texts
    monkeypatch.setattr(common, "translator", lambda index: None)     # without the aligned provisions: not found
    assert not any(want in t for t in (h["text"] for h in corpus.search(query, lang=lang, limit=10)["hits"]))


@pytest.mark.parametrize("word,src,target,want", [("пасека", "ru", "kk", ("омарта",)),
                                                   ("омарта", "kk", "ru", ("пасека",))])
def test_the_translation_is_the_term_of_every_aligned_provision(corpus, word, src, target, want):
    assert A.translator(corpus.index)(word, src, target) == want
    pl = plan(word, None, src, corpus.index.term_counts, A.translator(corpus.index))
    assert pl.aligned == {word: want}
    assert plan(word, None, src).aligned == {}            # no corpus asked: the word as it was


@pytest.mark.parametrize("word,src,target", [
    ("маслихат", "ru", "kk"),        # spelled alike (folded to one term): its own translation
    ("мәслихат", "kk", "ru"),
    ("ветеринарный", "ru", "kk"),    # in one aligned provision only: too few to tell
    ("зимовка", "ru", "kk"),         # in no aligned provision
])
def test_words_that_are_their_own_translation_or_too_rare_are_left_alone(corpus, word, src, target):
    assert A.translator(corpus.index)(word, src, target) == ()


def test_a_strict_query_is_not_translated_this_way(corpus):
    pl = plan('"пасеки" AND зимой', None, "ru", corpus.index.term_counts, A.translator(corpus.index))
    assert pl.aligned == {}


def test_ties_translate_nothing():
    """Two words of the other language in every provision of the word: neither stands out."""
    texts = {"a": "омарта тіркеу", "b": "омарта тіркеу", "c": "омарта тіркеу"}
    got = A.translations("пасека", "ru", "kk", lambda t, l, n: ["1", "2", "3"],
                         lambda ids: {"1": "a", "2": "b", "3": "c"}, lambda ids: {i: texts[i] for i in ids},
                         lambda terms: {t: 3 for t in terms})
    assert got == ()


@pytest.mark.elasticsearch
@pytest.mark.parametrize("query,src,lang,want", QUERIES)
def test_elasticsearch_translates_alike(tmp_path, es_url, corpus, query, src, lang, want):
    word = "пасека" if src == "ru" else "омарта"
    with small_corpus(tmp_path, FILES, es_url=es_url) as es:
        assert A.translator(es.index)(word, src, lang) == A.translator(corpus.index)(word, src, lang) != ()
        got = es.search(query, lang=lang, limit=10)
    assert any(want in h["text"] for h in got["hits"])
    assert {h["unit_id"] for h in got["hits"]} == {h["unit_id"] for h in corpus.search(query, lang=lang, limit=10)["hits"]}


def test_a_failed_look_up_is_not_kept(corpus, monkeypatch):
    """A look-up that fails (a busy file, a timeout) leaves the word untranslated for that search
    only: the next search of the same word translates it."""
    real, calls = A.translations, []

    def once(*args):
        calls.append(args[0])
        if len(calls) == 1:
            raise SystemError("transient")
        return real(*args)
    monkeypatch.setattr(A, "translations", once)
    corpus.index._memos = {}                     # a fresh generation's memo
    translate = A.translator(corpus.index)
    assert translate("пасека", "ru", "kk") == ()
    assert translate("пасека", "ru", "kk") == ("омарта",)
    assert A.translator(corpus.index)("пасека", "ru", "kk") == ("омарта",) and len(calls) == 2
