"""Issue 12, eighth pass (``nlp.compare._swaps``): a weak pair an ordered pass made gives way to a
free point of B nearer to A's point, when that point stands where the order puts it (or, anywhere,
when it is far nearer). Fixtures built here, RU and KK, no data files."""
from __future__ import annotations

import pytest

from maslihat.corpus.build import build
from maslihat.nlp import compare
from maslihat.nlp.diff import diff
from tests.compare.test_pair_window import POINT, _text
from tests.compare.regulation_text import labelled
from tests.structure.helpers import doc

# The district's п. 2 (the apparatus is a state institution kept from the local budget, it
# supports the maslikhat's work) is the city's п. 3 (the apparatus is formed to support the
# maslikhat's work, a state institution), worded anew: under the bars of the best-first and gap
# passes. The diagonal pass, going back from the clear pair п. 3 / п. 5 (the apparatus's tasks),
# takes the city's п. 4 right before п. 5 (its civil servants keep working when the maslikhat's
# term ends) — nearer in order, further in words; the city's п. 2 (the budget commission) has no
# counterpart.
DISTRICT = {"ru": [
    "Очередная сессия маслихата созывается секретарем маслихата не реже четырех раз в год.",
    "Аппарат маслихата является государственным учреждением, содержащимся за счет местного бюджета; "
    "его деятельность обеспечивает работу маслихата.",
    "Аппарат маслихата обеспечивает депутатов проектами решений и документами по вопросам повестки дня, "
    "ведет учет писем и заявлений граждан, готовит ответы на них.",
    "Протокол сессии подписывается председателем сессии и секретарем маслихата."],
    "kk": [
    "Мәслихаттың кезекті сессиясын мәслихат хатшысы жылына кемінде төрт рет шақырады.",
    "Мәслихат аппараты жергілікті бюджет есебінен ұсталатын мемлекеттік мекеме болып табылады; "
    "оның қызметі мәслихаттың жұмысын қамтамасыз етеді.",
    "Мәслихат аппараты депутаттарды шешім жобаларымен және күн тәртібіндегі мәселелер бойынша құжаттармен "
    "қамтамасыз етеді, азаматтардың хаттары мен өтініштерін есепке алады, оларға жауаптар дайындайды.",
    "Сессияның хаттамасына сессия төрағасы мен мәслихат хатшысы қол қояды."]}
CITY = {"ru": [
    "Очередная сессия маслихата созывается секретарем маслихата не реже четырех раз в год.",
    "Бюджетная комиссия рассматривает проект бюджета города до его внесения на сессию.",
    "Для организационного и материально-технического обеспечения работы маслихата образуется аппарат, "
    "государственное учреждение.",
    "Деятельность государственных служащих аппарата маслихата не прекращается с истечением срока полномочий "
    "маслихата.",
    "Аппарат маслихата обеспечивает депутатов проектами решений и документами по вопросам повестки дня, "
    "ведет учет писем и заявлений граждан, готовит ответы на них.",
    "Протокол сессии подписывается председателем сессии и секретарем маслихата."],
    "kk": [
    "Мәслихаттың кезекті сессиясын мәслихат хатшысы жылына кемінде төрт рет шақырады.",
    "Бюджет комиссиясы қала бюджетінің жобасын сессияға енгізілгенге дейін қарайды.",
    "Мәслихат жұмысын ұйымдастырушылық және материалдық-техникалық қамтамасыз ету, депутаттарға көмек көрсету "
    "үшін аппарат, мемлекеттік мекеме құрылады.",
    "Мәслихат аппаратының мемлекеттік қызметшілерінің қызметі мәслихат өкілеттігінің мерзімі өткенде "
    "тоқтатылмайды.",
    "Мәслихат аппараты депутаттарды шешім жобаларымен және күн тәртібіндегі мәселелер бойынша құжаттармен "
    "қамтамасыз етеді, азаматтардың хаттары мен өтініштерін есепке алады, оларға жауаптар дайындайды.",
    "Сессияның хаттамасына сессия төрағасы мен мәслихат хатшысы қол қояды."]}


def _built(lang: str, city: list[str]):
    a = build(doc(_text(lang, "a", DISTRICT[lang]), lang=lang, doc_id="t/district"))
    b = build(doc(_text(lang, "b", city), lang=lang, doc_id="t/city"))
    return a, b


def _pairs(lang: str, city: list[str]) -> dict[str, str]:
    a, b = _built(lang, city)
    return dict(labelled(a, b))


def _p(lang: str, n: int) -> str:
    return POINT[lang].format(n=n)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_weak_pair_gives_way_to_the_nearer_free_point_in_its_place(lang):
    pairs = _pairs(lang, CITY[lang])
    assert pairs[_p(lang, 1)] == _p(lang, 1) and pairs[_p(lang, 3)] == _p(lang, 5)
    assert pairs[_p(lang, 4)] == _p(lang, 6)
    assert pairs[_p(lang, 2)] == _p(lang, 3)
    # the civil servants' point and the budget commission have no counterpart: both are left
    assert _p(lang, 4) not in pairs.values() and _p(lang, 2) not in pairs.values()


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_without_the_pass_the_diagonal_keeps_the_neighbour(lang, monkeypatch):
    """What the pass reaches: the diagonal pass's pair (the point right before the tasks' pair),
    which no other pass re-examines (the last pass's weak-pair replacement asks for a clear best
    0.3 and 1.15 times the second; here the two are 0.22–0.29 and 1.2 apart)."""
    monkeypatch.setattr(compare, "SWAP_ACCEPT", 2.0)
    pairs = _pairs(lang, CITY[lang])
    assert pairs[_p(lang, 2)] == _p(lang, 4)
    assert _p(lang, 3) not in pairs.values()


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_nearer_point_out_of_the_order_is_not_taken(lang):
    """The apparatus's formation moved to the end of the city's act, after the protocol: still the
    nearest free point to the district's п. 2, but not between the counterparts of п. 1 and п. 3 —
    the weak pair stays: against the order it is not nearer by far."""
    moved = CITY[lang][:2] + CITY[lang][3:] + [CITY[lang][2]]
    pairs = _pairs(lang, moved)
    assert pairs[_p(lang, 2)] == _p(lang, 3)                    # the civil servants, now п. 3
    assert pairs[_p(lang, 3)] == _p(lang, 4) and pairs[_p(lang, 4)] == _p(lang, 5)
    assert _p(lang, 6) not in pairs.values()


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_out_of_the_order_only_a_far_nearer_point_is_taken(lang, monkeypatch):
    """Against the order the free point must be SWAP_FAR (1.5) times nearer than the present pair;
    the moved point is about 1.2 times nearer (0.27–0.29 against 0.22–0.24): with the far bar at 1.1
    it would be taken, and the civil servants' point freed."""
    moved = CITY[lang][:2] + CITY[lang][3:] + [CITY[lang][2]]
    monkeypatch.setattr(compare, "SWAP_FAR", 1.1)
    pairs = _pairs(lang, moved)
    assert pairs[_p(lang, 2)] == _p(lang, 6)
    assert _p(lang, 3) not in pairs.values()


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_comparison_shows_the_new_pair_and_the_freed_point(lang):
    """``nlp.diff``: the district's п. 2 beside the city's п. 3, the civil servants' point listed
    «only in B», no merge."""
    a, b = _built(lang, CITY[lang])
    res = diff(a.doc, a.units, b.doc, b.units)
    rows = [r for r in res["units"] if r["unit_kind"] == "point"]
    assert any(r["label_a"] == _p(lang, 2) and r["label_b"] == _p(lang, 3) for r in rows)
    only_b = [r["label_b"] for r in rows if r["kind"] == "only_b"]
    assert sorted(only_b) == sorted([_p(lang, 2), _p(lang, 4)])
    assert res["report"]["counts"].get("merged", 0) == 0
