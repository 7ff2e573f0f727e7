"""Many-to-one beyond neighbours (issue 12, seventh pass, ``nlp.compare._heading_merges``): a point
of A whose counterpart in B is already the pair of another point of A under the same heading — not
right beside it — joins that pair, and the comparison shows the merge. Fixtures built here, RU and
KK, no data files."""
from __future__ import annotations

import pytest

from maslihat.nlp import compare
from maslihat.nlp.diff import diff
from tests.compare.test_pair_merge import HEAD_A, MINUTES, POINT, SESSION
from tests.compare.regulation_text import CITY_SESSIONS, Pair
from tests.structure.helpers import doc

# The district says in two points of its voting chapter (3: the counting commission's minutes of a
# secret vote; 5: errors found in how a vote was held, a new vote) what the city says in one (4);
# the district's п. 4 between them (a deputy votes in person) is the city's п. 5.
MINUTES_OF_COUNT = {
    "ru": "О результатах тайного голосования счетная комиссия составляет протокол, который подписывается "
          "всеми членами счетной комиссии.",
    "kk": "Жасырын дауыс беру нәтижелері туралы есеп комиссиясы хаттама жасайды, оған есеп комиссиясының "
          "барлық мүшелері қол қояды."}
IN_PERSON = {
    "ru": "Депутат маслихата осуществляет свое право на голосование лично, передача права голоса другому "
          "депутату не допускается.",
    "kk": "Мәслихат депутаты дауыс беру құқығын жеке өзі жүзеге асырады, дауыс беру құқығын басқа депутатқа "
          "беруге жол берілмейді."}
REVOTE = {
    "ru": "При выявлении ошибок в порядке и технике проведенного голосования по решению сессии проводится "
          "повторное голосование.",
    "kk": "Өткізілген дауыс берудің тәртібі мен техникасында қателер анықталған кезде сессияның шешімі бойынша "
          "қайта дауыс беру өткізіледі."}
# said again in other words: only the minutes of the count, nothing the city's п. 4 adds
MINUTES_AGAIN = {
    "ru": "Протокол счетной комиссии о результатах тайного голосования подписывают все ее члены.",
    "kk": "Есеп комиссиясының жасырын дауыс беру нәтижелері туралы хаттамасына оның барлық мүшелері қол қояды."}
CHAPTERS = {"ru": ("Глава {n}. ", "Сессии маслихата", "Порядок голосования", "Заключительные положения"),
            "kk": ("{n}-тарау. ", "Мәслихаттың сессиялары", "Дауыс беру тәртібі", "Қорытынды ережелер")}

CITY = {"ru": CITY_SESSIONS["ru"] + """Глава 2. Голосование

4. О результатах тайного голосования счетная комиссия составляет протоколы, которые подписываются всеми членами счетной комиссии; при выявлении ошибок в процедуре и технике проведенного голосования по решению городского маслихата может проводиться повторное голосование.
5. Депутат городского маслихата лично осуществляет право голоса, передача права голоса не допускается.
""", "kk": CITY_SESSIONS["kk"] + """2-тарау. Дауыс беру

4. Жасырын дауыс беру нәтижелері туралы есеп комиссиясы хаттамалар жасайды, оларға есеп комиссиясының барлық мүшелері қол қояды; өткізілген дауыс берудің рәсімі мен техникасында қателер анықталған кезде қалалық мәслихаттың шешімі бойынша қайта дауыс беру өткізілуі мүмкін.
5. Қалалық мәслихат депутаты дауыс беру құқығын жеке өзі жүзеге асырады, дауыс беру құқығын беруге жол берілмейді.
"""}


PAIR = Pair(HEAD_A, CHAPTERS, CITY)     # A regulation of three chapters (sessions, voting, final), points numbered on.
district, _built, _labelled = PAIR.district, PAIR.built, PAIR.labelled


def merged(lang: str) -> str:
    return district(lang, SESSION[lang], [MINUTES_OF_COUNT[lang], IN_PERSON[lang], REVOTE[lang]], [MINUTES[lang]])



@pytest.fixture
def pass_off(monkeypatch):
    """This pass with its bar out of reach (the neighbours' merges of ``_merges`` still on)."""
    monkeypatch.setattr(compare, "HEAD_MERGE_ACCEPT", 2.0)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_point_two_apart_under_the_same_heading_joins_the_pair(lang):
    """The city's п. 4 carries the district's п. 3 and п. 5, with п. 4 (→ the city's п. 5) between
    them: п. 5's nearest is the city's п. 4, taken by п. 3 under the same heading, far nearer than
    any free point of the city, and it brings what п. 3 lacks (errors, a new vote) — it joins."""
    pairs = _labelled(merged(lang), lang)
    p = POINT[lang].format
    assert (p(n=3), p(n=4)) in pairs and (p(n=5), p(n=4)) in pairs
    assert (p(n=4), p(n=5)) in pairs and (p(n=1), p(n=2)) in pairs
    assert [b for _, b in pairs].count(p(n=4)) == 2


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_without_the_pass_the_point_is_left_unpaired(lang, pass_off):
    """Not a neighbour of п. 3 (the neighbours' merges do not take it), against the common order
    (п. 4 → the city's п. 5 stands between): no other pass gives the district's п. 5 a counterpart."""
    pairs = dict(_labelled(merged(lang), lang))
    p = POINT[lang].format
    assert pairs[p(n=3)] == p(n=4) and pairs[p(n=4)] == p(n=5)
    assert p(n=5) not in pairs


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_same_point_under_another_heading_is_not_merged(lang):
    """The new vote moved to the final chapter: its nearest is still the city's п. 4, but the point
    paired there stands under another heading — left unpaired (a heading keeps a topic; a word
    shared across the act does not make a merge)."""
    text = district(lang, SESSION[lang], [MINUTES_OF_COUNT[lang], IN_PERSON[lang]], [MINUTES[lang], REVOTE[lang]])
    pairs = dict(_labelled(text, lang))
    p = POINT[lang].format
    assert pairs[p(n=3)] == p(n=4) and pairs[p(n=4)] == p(n=5)
    assert p(n=6) not in pairs


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_point_that_says_again_what_the_paired_one_says_is_not_merged(lang, monkeypatch):
    """The minutes of the count said a second time, in other words, two points after the first:
    nearest to the city's п. 4, under the same heading, but every word it shares with it is a word
    of the point paired there already — it adds nothing to B's point (and the two together are
    further from it than the first alone, in Russian) and is left unpaired. Without these
    conditions it would join."""
    text = district(lang, SESSION[lang], [MINUTES_OF_COUNT[lang], IN_PERSON[lang], MINUTES_AGAIN[lang]],
                    [MINUTES[lang]])
    p = POINT[lang].format
    pairs = dict(_labelled(text, lang))
    assert pairs[p(n=3)] == p(n=4) and p(n=5) not in pairs
    monkeypatch.setattr(compare, "HEAD_MERGE_OWN", -1.0)
    monkeypatch.setattr(compare, "HEAD_MERGE_GAIN", -1.0)
    assert dict(_labelled(text, lang)).get(p(n=5)) == p(n=4)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_comparison_shows_the_merge(lang):
    """``nlp.diff`` and its report show it as any merge: both rows ``merged``, each naming the
    other, B's point counted once and never «only in B», the sentence in ru/kk/en."""
    a, b = _built(merged(lang), lang)
    res = diff(a.doc, a.units, b.doc, b.units)
    p = POINT[lang].format
    rows = {(r["label_a"], r["label_b"]): r for r in res["units"] if r["unit_kind"] == "point"}
    first, second = rows[(p(n=3), p(n=4))], rows[(p(n=5), p(n=4))]
    assert first["merged"] and first["merged_labels"] == [p(n=5)]
    assert second["merged"] and second["merged_labels"] == [p(n=3)]
    assert second["kind"] == second["status"] == "merged"
    assert rows[(p(n=4), p(n=5))]["merged"] is False
    assert [r["label_b"] for r in rows.values() if r["kind"] == "only_b"] == [p(n=1)]
    rep = res["report"]
    assert rep["counts"]["merged"] == 1
    assert rep["merges"] == [{"b": first["b"], "label_b": p(n=4), "a": [first["a"], second["a"]],
                              "labels_a": [p(n=3), p(n=5)]}]
    said = f"{p(n=3)} + {p(n=5)} → {p(n=4)}"
    assert ("Объединены в один пункт B: " + said) in rep["text"]["ru"]
    assert ("B-да бір тармаққа біріктірілген: " + said) in rep["text"]["kk"]
    assert ("Merged into one provision of B: " + said) in rep["text"]["en"]
