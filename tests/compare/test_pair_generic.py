"""A pair sharing only the genre's words is undone (issue 12, eleventh pass, ``nlp.compare._generic``):
two provisions whose every shared word stands in many provisions of the two acts (маслихат,
комиссия, постоянный, закон, Республика Казахстан; KK мәслихат, комиссия, тұрақты, заң) are of one
act's kind, not saying the same thing. Fixtures built here, RU and KK, no data files."""
from __future__ import annotations

import pytest

from maslihat.nlp import compare
from maslihat.nlp.diff import diff
from tests.compare.regulation_text import built, chaptered, labelled

POINT = {"ru": "п. {n}", "kk": "{n}-тармақ"}
HEAD = {"ru": ("Об утверждении регламента {who} маслихата\n\nРегламент {who} маслихата\n\n", "Глава {n}. ",
               "Сессии маслихата", "Депутаты маслихата"),
        "kk": ("{who} мәслихаттың регламентін бекіту туралы\n\n{who} мәслихаттың регламенті\n\n", "{n}-тарау. ",
               "Мәслихаттың сессиялары", "Мәслихат депутаттары")}
WHO = {"ru": ("районного", "городского"), "kk": ("Аудандық", "Қалалық")}
CONVENE = {"ru": "Очередная сессия маслихата созывается секретарем маслихата не реже четырех раз в год.",
           "kk": "Мәслихаттың кезекті сессиясын мәслихат хатшысы жылына кемінде төрт рет шақырады."}
MINUTES = {"ru": "Протокол сессии подписывается председателем сессии и секретарем маслихата в десятидневный срок.",
           "kk": "Сессияның хаттамасына сессия төрағасы мен мәслихат хатшысы он күн ішінде қол қояды."}
MEMBER = {"ru": "Депутат маслихата в соответствии с Законом Республики Казахстан входит в состав одной постоянной комиссии.",
          "kk": "Мәслихат депутаты Қазақстан Республикасының Заңына сәйкес бір тұрақты комиссияның құрамына кіреді."}
READ = {"ru": "Депутат маслихата вправе знакомиться с протоколами заседаний постоянных комиссий.",
        "kk": "Мәслихат депутаты тұрақты комиссиялар отырыстарының хаттамаларымен танысуға құқылы."}
# the city's п. 2: the standing commissions' work is the Law's (Kokshetau 2014 п. 70)
BY_LAW = {"ru": "Организация деятельности, функции и полномочия постоянных комиссий маслихата определяются Законом "
                "Республики Казахстан.",
          "kk": "Мәслихаттың тұрақты комиссияларының қызметін ұйымдастыру, функциялары мен өкілеттіктері Қазақстан "
                "Республикасының Заңымен айқындалады."}
# the district's п. 2: a revision commission the city does not have (Almaty 2004 33-тармақ)
REVISION = {"ru": "Для контроля за исполнением бюджета маслихат в соответствии с Законом Республики Казахстан "
                  "образует ревизионную комиссию.",
            "kk": "Бюджеттің атқарылуын бақылау үшін мәслихат Қазақстан Республикасының Заңына сәйкес тексеру "
                  "комиссиясын құрады."}
# ... or one that does say what the city's п. 2 says, in other words but for one: the commissions' functions
FUNCTIONS = {"ru": "Функции постоянных комиссий устанавливаются положением, утверждаемым на сессии маслихата.",
             "kk": "Тұрақты комиссиялардың функциялары сессияда бекітілетін ережемен белгіленеді."}


def text(lang: str, who: int, second: str) -> str:
    head, heading, *titles = HEAD[lang]
    return chaptered(head.format(who=WHO[lang][who]), [heading, *titles],
                     [CONVENE[lang], second, MINUTES[lang]], [MEMBER[lang], READ[lang]])


def pairs(lang: str, second: str) -> dict[str, str]:
    return dict(labelled(*built(text(lang, 0, second), text(lang, 1, BY_LAW[lang]), lang)))


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_pair_sharing_only_the_genres_words_is_undone(lang):
    """The district's revision commission and the city's standing commissions «determined by the
    Law» stand between two pairs and share «маслихат», «комиссия», «закон», «Республика Казахстан»,
    each in four or more of the two acts' twelve provisions and preambles: left unpaired, the rest
    paired as before; the comparison says each is only in its act."""
    got = pairs(lang, REVISION[lang])
    p = POINT[lang].format
    assert p(n=2) not in got
    assert {k: got[k] for k in (p(n=1), p(n=3), p(n=4), p(n=5))} == {p(n=k): p(n=k) for k in (1, 3, 4, 5)}
    a, b = built(text(lang, 0, REVISION[lang]), text(lang, 1, BY_LAW[lang]), lang)
    rows = [r for r in diff(a.doc, a.units, b.doc, b.units, mode="content")["units"] if r["unit_kind"] == "point"]
    assert sorted((r["kind"], r["label_a"] or r["label_b"]) for r in rows
                  if r["kind"] in ("only_a", "only_b")) == [("only_a", p(n=2)), ("only_b", p(n=2))]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_without_the_veto_the_order_would_pair_them(lang, monkeypatch):
    """The ordered passes pair them (the two points between the same two pairs): the veto is what
    undoes it."""
    monkeypatch.setattr(compare, "GENERIC_SHARE", 1.0)
    p = POINT[lang].format
    assert pairs(lang, REVISION[lang]).get(p(n=2)) == p(n=2)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_pair_sharing_one_specific_word_is_kept(lang):
    """The district's п. 2 on the standing commissions' functions shares «функция» with the city's
    п. 2 besides the genre's words: paired."""
    p = POINT[lang].format
    assert pairs(lang, FUNCTIONS[lang]).get(p(n=2)) == p(n=2)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_close_pair_is_kept_whatever_it_shares(lang, monkeypatch):
    """Never for a strong pair: with GENERIC_KEEP under the pair's score the genre's words suffice."""
    monkeypatch.setattr(compare, "GENERIC_KEEP", 0.0)
    p = POINT[lang].format
    assert pairs(lang, REVISION[lang]).get(p(n=2)) == p(n=2)
