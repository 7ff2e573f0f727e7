"""Issue 12, twelfth pass (``nlp.compare._two_in_one``): a point of A that says what two points of B
under one heading say, neither of which alone is near enough to it, is paired with the nearer of the
two and the other is its second counterpart (shown as a split): the split pass only adds a second
counterpart to a point already paired, and the last pass asks one point of B to be clearly the nearest.
The case: Almaty 2004 п. 51 (the standing commissions take part in control; their recommendations are
binding) against Kokshetau 2014 п. 72 and п. 70. Fixtures built here, RU and KK, no data files."""
from __future__ import annotations

import pytest

from maslihat.nlp import compare
from maslihat.nlp.diff import diff
from tests.compare.regulation_text import built, chaptered, labelled
from tests.compare.test_pair_neighbour_window import STAY
from tests.compare.test_pair_window import HEAD, POINT
from tests.compare.test_pair_merge import QUORUM

# the district's last point: the commissions take part in control, their recommendations are binding,
# and what they may do besides (cosine 0.22–0.28 with each of the city's two, 0.32–0.36 with both)
BOTH = {"ru": "Постоянные комиссии участвуют в контроле за исполнением решений маслихата, а их рекомендации "
              "обязательны для рассмотрения акиматом; комиссии вправе заслушивать руководителей учреждений, "
              "приглашать специалистов и экспертов.",
        "kk": "Тұрақты комиссиялар мәслихат шешімдерінің орындалуын бақылауға қатысады, ал олардың ұсынымдары "
              "әкімдіктің қарауы үшін міндетті; комиссиялар мекемелер басшыларын тыңдауға, мамандар мен "
              "сарапшыларды шақыруға құқылы."}
CONTROL = {"ru": "Постоянные комиссии участвуют в контроле за исполнением решений маслихата и программ развития "
                 "района, готовят заключения по проектам бюджета и отчетам о его исполнении.",
           "kk": "Тұрақты комиссиялар мәслихат шешімдерінің және аудан даму бағдарламаларының орындалуын бақылауға "
                 "қатысады, бюджет жобалары мен оның атқарылуы туралы есептер бойынша қорытындылар дайындайды."}
BINDING = {"ru": "Рекомендации постоянных комиссий обязательны для рассмотрения акиматом, должностными лицами и "
                 "организациями района, которые сообщают о принятых мерах в месячный срок.",
           "kk": "Тұрақты комиссиялардың ұсынымдары әкімдік, лауазымды адамдар мен аудан ұйымдарының қарауы үшін "
                 "міндетті, олар қабылданған шаралар туралы бір ай мерзімде хабарлайды."}
CHAPTERS = {"ru": ("Глава {n}. ", "Сессии маслихата", "Постоянные комиссии маслихата", "Заключительные положения"),
            "kk": ("{n}-тарау. ", "Мәслихаттың сессиялары", "Мәслихаттың тұрақты комиссиялары", "Қорытынды ережелер")}


def texts(lang: str, together: bool = True) -> tuple[str, str]:
    """The district (A: three points word for word, then its last point) and the city (B, in chapters:
    the two points on the commissions' control and their binding recommendations under one heading,
    or, ``together`` false, the second among the sessions' points)."""
    head, district, city = HEAD[lang]
    s = STAY[lang]
    a = head.format(x=district) + "".join(f"{n}. {p}\n" for n, p in enumerate([s[0], s[1], s[2], BOTH[lang]], 1))
    if together:
        b = chaptered(head.format(x=city), CHAPTERS[lang], [s[0], s[1]], [CONTROL[lang], BINDING[lang], QUORUM[lang]], [s[2]])
    else:
        b = chaptered(head.format(x=city), CHAPTERS[lang], [s[0], BINDING[lang], s[1]], [CONTROL[lang], QUORUM[lang]], [s[2]])
    return a, b


def _p(lang: str, n: int) -> str:
    return POINT[lang].format(n=n)


def mine(lang: str, together: bool = True) -> list[str]:
    """The city's points paired with the district's last one, its own pair first."""
    return [b for a, b in labelled(*built(*texts(lang, together), lang)) if a == _p(lang, 4)]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_point_said_by_two_under_one_heading_is_paired_with_both(lang):
    """The district's п. 4 is paired with the city's п. 4 (the binding recommendations, the nearer)
    and п. 3 (control) as its second counterpart; the other points as word for word."""
    assert mine(lang) == [_p(lang, 4), _p(lang, 3)]
    pairs = dict(labelled(*built(*texts(lang), lang)))
    assert [pairs[_p(lang, n)] for n in (1, 2, 3)] == [_p(lang, 1), _p(lang, 2), _p(lang, 6)]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_without_the_pass_it_is_left_unpaired(lang, monkeypatch):
    """Neither of the two alone is clearly its nearest: every other pass leaves the district's п. 4
    «only in A» and both of the city's points «only in B»."""
    monkeypatch.setattr(compare, "JOINT_ACCEPT", 2.0)
    assert mine(lang) == []


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_two_under_different_headings_are_not_taken_together(lang):
    """The binding recommendations moved among the sessions' points: the two are no longer one
    heading's, and the district's п. 4 stays unpaired."""
    assert mine(lang, together=False) == []


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_comparison_shows_the_second_counterpart_as_a_split(lang):
    """``nlp.diff``: both rows of the district's п. 4 ``split``, each naming the other point of B; the
    city's п. 3 and п. 4 never «only in B»; the report counts one split."""
    a, b = built(*texts(lang), lang)
    res = diff(a.doc, a.units, b.doc, b.units)
    rows = [r for r in res["units"] if r["unit_kind"] == "point" and r["label_a"] == _p(lang, 4)]
    assert [r["label_b"] for r in rows] == [_p(lang, 4), _p(lang, 3)]
    assert all(r["split"] for r in rows) and rows[1]["kind"] == "split"
    assert rows[0]["split_labels"] == [_p(lang, 3)] and rows[1]["split_labels"] == [_p(lang, 4)]
    only_b = [r["label_b"] for r in res["units"] if r["unit_kind"] == "point" and r["kind"] == "only_b"]
    assert _p(lang, 3) not in only_b and _p(lang, 4) not in only_b
    assert res["report"]["counts"]["split"] == 1
