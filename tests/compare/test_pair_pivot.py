"""Issue 12, ninth pass: two bilingual acts not both in Russian are paired through both acts'
Russian texts when the corpus has them and each act's two texts match provision for provision
(``nlp.compare._in_pivot``): the Kazakh texts of two acts are translated apart, by different hands,
and the same rule may share no word in Kazakh while the Russian originals share most. Fixtures
built here (RU and KK of each act, linked as ingest links them), no data files."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from maslihat.corpus.api import Corpus
from maslihat.corpus.build import align_parallel, build
from maslihat.textout import render
from maslihat.nlp.compare import bridges, pair_by_content
from tests.corpus.acts_builder import write_repository
from tests.structure.helpers import doc

# The district's п. 2 (a deputy must attend the sessions and the commissions he is a member of) is
# the city's п. 3: nearly word for word in Russian; in Kazakh the city's translator chose other words
# for every one of them («халық қалаулысы», «мәжіліс», «жиналыс», «келуге тиіс»). The city's п. 1 has
# no counterpart.
DISTRICT = {"ru": [
    "Очередная сессия маслихата созывается секретарем маслихата не реже четырех раз в год.",
    "Депутат обязан присутствовать на заседаниях сессии и постоянных комиссий, в состав которых он избран.",
    "Протокол сессии подписывается председателем сессии и секретарем маслихата."],
    "kk": [
    "Мәслихаттың кезекті сессиясын мәслихат хатшысы жылына кемінде төрт рет шақырады.",
    "Депутат сессия мен өзі сайланған тұрақты комиссиялардың отырыстарына қатысуға міндетті.",
    "Сессияның хаттамасына сессия төрағасы мен мәслихат хатшысы қол қояды."]}
CITY = {"ru": [
    "Бюджетная комиссия рассматривает проект бюджета города до его внесения на сессию.",
    "Очередная сессия маслихата созывается секретарем маслихата не реже четырех раз в год.",
    "Депутат обязан присутствовать на заседаниях сессии и постоянных комиссий, членом которых он является.",
    "Протокол сессии подписывается председателем сессии и секретарем маслихата."],
    "kk": [
    "Бюджет комиссиясы қала бюджетінің жобасын сессияға енгізілгенге дейін қарайды.",
    "Мәслихаттың кезекті сессиясын мәслихат хатшысы жылына кемінде төрт рет шақырады.",
    "Халық қалаулысы мәжілістерге және мүшесі болып табылатын жұмыс топтарының жиналыстарына келуге тиіс.",
    "Сессияның хаттамасына сессия төрағасы мен мәслихат хатшысы қол қояды."]}
HEAD = {"ru": "Об утверждении регламента {x} маслихата\n\nРегламент {x} маслихата\n\n",
        "kk": "{x} мәслихаттың регламентін бекіту туралы\n\n{x} мәслихаттың регламенті\n\n"}
NAME = {("ru", "a"): "районного", ("ru", "b"): "городского", ("kk", "a"): "Аудандық", ("kk", "b"): "Қалалық"}
POINT = {"ru": "п. {n}", "kk": "{n}-тармақ"}


def _act(side: str, points: dict[str, list[str]]):
    """Both language versions of one act, linked unit by unit as ingest links them."""
    ru, kk = (build(doc(HEAD[lang].format(x=NAME[lang, side])
                        + "".join(f"{n}. {p}\n" for n, p in enumerate(points[lang], 1)),
                        lang=lang, doc_id=f"t/{side}/{lang}")) for lang in ("ru", "kk"))
    align_parallel(SimpleNamespace(doc=ru.doc, units=ru.units), SimpleNamespace(doc=kk.doc, units=kk.units))
    return {"ru": ru, "kk": kk}


def _pairs(a, b, **via) -> dict[str, str]:
    """The points' pairs, by label."""
    la, lb = {u.id: u.label for u in a.units if u.kind == "point"}, {u.id: u.label for u in b.units}
    return {la[x]: lb[y] for x, y, _ in pair_by_content(a.doc, a.units, b.doc, b.units, **via) if x in la and y}


def _other(act, lang):
    v = act["kk" if lang == "ru" else "ru"]
    return (v.doc, v.units)


@pytest.mark.parametrize("la,lb", [("kk", "kk"), ("kk", "ru"), ("ru", "kk")])
def test_two_acts_are_paired_through_both_russian_texts(la, lb):
    a, b = _act("a", DISTRICT), _act("b", CITY)
    p = lambda lang, n: POINT[lang].format(n=n)  # noqa: E731
    got = _pairs(a[la], b[lb], via_a=_other(a, la), via_b=_other(b, lb))
    assert got == {p(la, 1): p(lb, 2), p(la, 2): p(lb, 3), p(la, 3): p(lb, 4)}
    used = bridges(a[la].doc, a[la].units, b[lb].doc, b[lb].units, _other(a, la), _other(b, lb))
    assert [d.language for d in used] == ["ru"] * ((la == "kk") + (lb == "kk"))


def test_without_the_russian_texts_the_kazakh_translations_miss_the_pair():
    a, b = _act("a", DISTRICT), _act("b", CITY)
    got = _pairs(a["kk"], b["kk"])
    assert got["1-тармақ"] == "2-тармақ" and got["3-тармақ"] == "4-тармақ"
    assert got.get("2-тармақ") != "3-тармақ"
    # Russian against Russian needs no bridge: the other versions change nothing
    assert _pairs(a["ru"], b["ru"], via_a=_other(a, "ru"), via_b=_other(b, "ru")) == _pairs(a["ru"], b["ru"])


def test_an_act_whose_two_texts_differ_is_paired_in_its_own_language():
    """The Russian text of the city's act lacks a point its Kazakh text has (as the Model
    Regulation's Russian text lacks points 61–67): the Russian texts are no faithful bridge, the
    Kazakh texts are paired as they are."""
    a, b = _act("a", DISTRICT), _act("b", CITY)
    short = build(doc(HEAD["ru"].format(x=NAME["ru", "b"])
                      + "".join(f"{n}. {t}\n" for n, t in enumerate(CITY["ru"][:3], 1)), lang="ru", doc_id="t/b/ru2"))
    kk = build(doc(HEAD["kk"].format(x=NAME["kk", "b"])
                   + "".join(f"{n}. {t}\n" for n, t in enumerate(CITY["kk"], 1)), lang="kk", doc_id="t/b/kk2"))
    align_parallel(SimpleNamespace(doc=short.doc, units=short.units), SimpleNamespace(doc=kk.doc, units=kk.units))
    via = {"via_a": _other(a, "kk"), "via_b": (short.doc, short.units)}
    assert _pairs(a["kk"], kk, **via) == _pairs(a["kk"], kk)
    assert bridges(a["kk"].doc, a["kk"].units, kk.doc, kk.units, **via) == []


def test_a_requisites_line_only_one_text_has_does_not_stop_the_bridge():
    """The publisher's line before a Russian text («Решение … Зарегистрировано … Утратило силу …»,
    a preamble the Kazakh text lacks, as Almaty 2004's) is no provision: the Russian texts still
    bridge the Kazakh ones."""
    a, b = _act("a", DISTRICT), _act("b", CITY)
    ru = build(doc("Решение районного маслихата от 13 апреля 2004 года № 5-40. Зарегистрировано "
                   "Департаментом юстиции 27 мая 2004 года № 1646. Утратило силу решением маслихата.\n\n"
                   + HEAD["ru"].format(x=NAME["ru", "a"])
                   + "".join(f"{n}. {t}\n" for n, t in enumerate(DISTRICT["ru"], 1)), lang="ru", doc_id="t/a/ru3"))
    kk = a["kk"]
    align_parallel(SimpleNamespace(doc=ru.doc, units=ru.units), SimpleNamespace(doc=kk.doc, units=kk.units))
    assert any(u.kind == "preamble" and not u.parallel_id for u in ru.units)      # the line stays unlinked
    used = bridges(kk.doc, kk.units, b["kk"].doc, b["kk"].units, (ru.doc, ru.units), _other(b, "kk"))
    assert [d.language for d in used] == ["ru", "ru"]
    assert _pairs(kk, b["kk"], via_a=(ru.doc, ru.units), via_b=_other(b, "kk"))["2-тармақ"] == "3-тармақ"


def _repo(tmp_path, name: str, code: str, points: dict[str, list[str]], title: tuple[str, str]):
    a = {"date": "2015-05-15", "number": f"{code[-2:]}/1", "title_ru": title[0], "title_kk": title[1],
         "requisite": f"Решение маслихата от 15 мая 2015 года № {code[-2:]}/1",
         "ru_body": [f"{n}. {t}" for n, t in enumerate(points["ru"], 1)],
         "kk_body": [f"{n}. {t}" for n, t in enumerate(points["kk"], 1)]}
    write_repository(a, tmp_path / "acts" / name, code)


def test_corpus_diff_and_the_report_name_both_russian_texts(tmp_path):
    _repo(tmp_path, "local-akmola__0515-reglament-a", "90011", DISTRICT,
          ("Об утверждении регламента районного маслихата", "Аудандық мәслихаттың регламентін бекіту туралы"))
    _repo(tmp_path, "local-akmola__0515-reglament-b", "90012", CITY,
          ("Об утверждении регламента городского маслихата", "Қалалық мәслихаттың регламентін бекіту туралы"))
    c = Corpus(str(tmp_path / "c.sqlite"), es_url="")
    c.ingest([str(tmp_path / "acts")])
    docs = {(("a" if "районного" in d["title"] or "Аудандық" in d["title"] else "b"), d["language"]): d["id"]
            for d in c.documents()}
    res = c.diff(docs["a", "kk"], docs["b", "kk"])
    assert res["mode"] == "content" and sorted(res["vias"]) == sorted([docs["a", "ru"], docs["b", "ru"]])
    paired = {(r["label_a"], r["label_b"]) for r in res["units"] if r["a"] and r["b"]}
    assert ("2-тармақ", "3-тармақ") in paired and ("1-тармақ", "2-тармақ") in paired
    assert "paired through both acts' Russian texts" in render(res, "en")
    assert "екі актінің орыс тіліндегі мәтіндері арқылы салыстырылды" in render(res, "kk")
    assert "сопоставлены через русские тексты обоих актов" in render(res, "ru")
    # Kazakh against Russian: A's Russian text is the one bridge
    cross = c.diff(docs["a", "kk"], docs["b", "ru"])
    assert cross["vias"] == [docs["a", "ru"]] and cross["via"] == docs["a", "ru"]
    assert ("2-тармақ", "п. 3") in {(r["label_a"], r["label_b"]) for r in cross["units"] if r["a"] and r["b"]}
    assert "paired through the text in the other language" in render(cross, "en")
    # two Russian texts: no bridge
    same = c.diff(docs["a", "ru"], docs["b", "ru"])
    assert same["via"] is None and same["vias"] == []
