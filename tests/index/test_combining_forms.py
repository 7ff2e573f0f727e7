"""Issue 16: the laws write «видеообращение», «бейнеөтініш» fused; a user writes «обращение по
видео», «өтінішті бейне арқылы». A query with a combining form (``nlp/lang/<lang>/combining.txt``)
and another word also looks for the two fused, as either concept, so the provision that has the
compound has both of the query's words. Russian and Kazakh."""
import pytest

from maslihat.corpus.index.query import _leaves, plan
from tests.index.small_corpus import corpus_fixture

RU = """РЕШЕНИЕ
маслихата города Тестовый
О приеме граждан

1. Видеообращение принимается аппаратом маслихата в рабочие дни.
2. Обращение гражданина рассматривается в срок, обращение гражданина регистрируется, обращение гражданина по телефону не принимается.
"""
KK = """ШЕШІМ
Тестовый қаласы мәслихатының
Азаматтарды қабылдау туралы

1. Бейнеөтінішті мәслихат аппараты жұмыс күндері қабылдайды.
2. Азаматтың өтініші мерзімінде қаралады, азаматтың өтініші тіркеледі, азаматтың өтініші телефон арқылы қабылданбайды.
"""
corpus = corpus_fixture("combining", {"video_ru.txt": RU, "video_kk.txt": KK})


@pytest.mark.parametrize("query,lang,fused", [("видео обращение принимается", "ru", "видеообращение"),
                                              ("фото фиксация нарушений", "ru", "фотофиксация"),
                                              ("өтінішті бейне арқылы", "kk", "бейнеөтініш")])
def test_both_words_also_look_for_the_compound(query, lang, fused):
    concepts = plan(query, lang).by_lang[lang].concepts
    with_it = [c for c in concepts if any(leaf.terms == (fused,) for leaf in _leaves(c))]
    assert len(with_it) == 2, concepts


def test_no_combining_form_no_compound():
    concepts = plan("обращение гражданина", "ru").by_lang["ru"].concepts
    assert not any(leaf.terms[0].startswith(("видео", "обращениегражд")) for c in concepts for leaf in _leaves(c))


@pytest.mark.parametrize("query,lang,want", [("можно ли подать обращение по видео", "ru", "Видеообращение"),
                                             ("өтінішті бейне арқылы беруге бола ма", "kk", "Бейнеөтінішті")])
def test_the_provision_with_the_compound_comes_first(corpus, query, lang, want, monkeypatch):
    assert want in corpus.search(query, lang=lang, limit=3)["hits"][0]["text"]
    import maslihat.corpus.index.query as q
    monkeypatch.setattr(q, "_fuse_combining", lambda *a: None)
    assert want not in corpus.search(query, lang=lang, limit=3)["hits"][0]["text"]
