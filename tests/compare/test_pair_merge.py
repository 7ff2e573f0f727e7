"""Many-to-one (issue 12, fifth pass): one point of B that merges two neighbouring points of A is
paired with both, and everything that reads the pairs shows it — the rows and summary of
``nlp.diff``, the quotable report, ``maslihat diff`` as text and as JSON. Fixtures built here, RU
and KK, no data files."""
from __future__ import annotations

import json

import pytest

from maslihat.nlp.diff import diff
from tests.corpus.test_cli import run
from tests.compare.regulation_text import CITY_SESSIONS, Pair
from tests.structure.helpers import doc

# The district says in two points (3: the maslikhat forms standing commissions; 4: their chairs
# and members are elected by open vote) what the city says in one (4).
HEAD_A = {"ru": ("Об утверждении регламента районного маслихата\n\nРегламент районного маслихата\n\n"),
          "kk": ("Аудандық мәслихаттың регламентін бекіту туралы\n\nАудандық мәслихаттың регламенті\n\n")}
CHAPTERS = {"ru": ("Глава {n}. ", "Сессии маслихата", "Постоянные комиссии маслихата", "Заключительные положения"),
            "kk": ("{n}-тарау. ", "Мәслихаттың сессиялары", "Мәслихаттың тұрақты комиссиялары", "Қорытынды ережелер")}
SESSION = {"ru": ["Очередная сессия маслихата созывается секретарем маслихата не реже четырех раз в год и "
                  "проводится в здании районного акимата.",
                  "Протокол сессии подписывается председателем сессии и секретарем маслихата в десятидневный срок."],
           "kk": ["Мәслихаттың кезекті сессиясын мәслихат хатшысы жылына кемінде төрт рет шақырады және ол аудан "
                  "әкімдігінің ғимаратында өткізіледі.",
                  "Сессияның хаттамасына сессия төрағасы мен мәслихат хатшысы он күн ішінде қол қояды."]}
FORM = {"ru": "На первой сессии маслихат образует постоянные комиссии для предварительного рассмотрения вопросов, "
              "относящихся к ведению маслихата.",
        "kk": "Бірінші сессияда мәслихат өзінің қарауына жататын мәселелерді алдын ала қарау үшін тұрақты "
              "комиссияларды құрады."}
ELECT = {"ru": "Председатели и члены постоянных комиссий избираются открытым голосованием из числа депутатов маслихата.",
         "kk": "Тұрақты комиссиялардың төрағалары мен мүшелері мәслихат депутаттарының арасынан ашық дауыс беру "
               "арқылы сайланады."}
QUORUM = {"ru": "Заседание постоянной комиссии правомочно, если на нем присутствует большинство ее членов.",
          "kk": "Тұрақты комиссияның отырысы оған мүшелерінің көпшілігі қатысқан жағдайда заңды болып табылады."}
MINUTES = {"ru": "Депутат вправе знакомиться с протоколами заседаний постоянных комиссий.",
           "kk": "Депутат тұрақты комиссиялар отырыстарының хаттамаларымен танысуға құқылы."}

CITY = {"ru": CITY_SESSIONS["ru"] + """Глава 2. Постоянные комиссии

4. На первой сессии маслихат образует из числа депутатов постоянные комиссии для предварительного рассмотрения вопросов, относящихся к ведению маслихата; председатели и члены постоянных комиссий избираются открытым голосованием.
5. Заседание постоянной комиссии правомочно при участии большинства ее членов.
""", "kk": CITY_SESSIONS["kk"] + """2-тарау. Тұрақты комиссиялар

4. Бірінші сессияда мәслихат депутаттар арасынан өзінің қарауына жататын мәселелерді алдын ала қарау үшін тұрақты комиссияларды құрады; тұрақты комиссиялардың төрағалары мен мүшелері ашық дауыс беру арқылы сайланады.
5. Тұрақты комиссияның отырысы оның мүшелерінің көпшілігі қатысқанда заңды болып табылады.
"""}
POINT = {"ru": "п. {n}", "kk": "{n}-тармақ"}


PAIR = Pair(HEAD_A, CHAPTERS, CITY)     # A regulation of three chapters (sessions, standing commissions, final), points numbered on.
district, _built, _labelled = PAIR.district, PAIR.built, PAIR.labelled


def merged(lang: str) -> str:
    return district(lang, SESSION[lang], [FORM[lang], ELECT[lang], QUORUM[lang]], [MINUTES[lang]])



@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("order", ["form_first", "elect_first"])
def test_two_neighbouring_points_merged_in_b_are_both_paired(lang, order):
    """The city's п. 4 carries both district points on standing commissions; either of them is
    paired first by the ordered passes, the other is free: its nearest is the city's п. 4, its
    neighbour under the same heading is paired there, and the two together are closer to it than
    the one alone — it joins (``_merges``), whichever comes first in the district's text."""
    first, second = (FORM, ELECT) if order == "form_first" else (ELECT, FORM)
    text = district(lang, SESSION[lang], [first[lang], second[lang], QUORUM[lang]], [MINUTES[lang]])
    pairs = _labelled(text, lang)
    p = POINT[lang].format
    assert (p(n=3), p(n=4)) in pairs and (p(n=4), p(n=4)) in pairs
    assert (p(n=1), p(n=2)) in pairs and (p(n=5), p(n=5)) in pairs
    assert [b for _, b in pairs].count(p(n=4)) == 2 and p(n=1) not in [b for _, b in pairs]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_without_the_pass_the_second_point_is_left_unpaired(lang):
    """The pair comes from the many-to-one passes alone: with their bars out of reach the district's
    п. 4 has no counterpart (one-to-one pairing cannot give it the city's п. 4). The merges under
    one heading (``_heading_merges``) would take it too: both are set out of reach."""
    from maslihat.nlp import compare
    old = compare.MERGE_ACCEPT, compare.HEAD_MERGE_ACCEPT
    compare.MERGE_ACCEPT = compare.HEAD_MERGE_ACCEPT = 2.0
    try:
        pairs = dict(_labelled(merged(lang), lang))
    finally:
        compare.MERGE_ACCEPT, compare.HEAD_MERGE_ACCEPT = old
    assert pairs[POINT[lang].format(n=3)] == POINT[lang].format(n=4) and POINT[lang].format(n=4) not in pairs


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_far_point_with_the_same_words_is_not_merged(lang):
    """The election of chairs put in the final chapter, far from the point the city's п. 4 was
    paired with: its nearest is still the city's п. 4, but a merge joins neighbours — left unpaired."""
    text = district(lang, SESSION[lang], [FORM[lang], QUORUM[lang]], [ELECT[lang]])
    pairs = dict(_labelled(text, lang))
    p = POINT[lang].format
    assert pairs[p(n=3)] == p(n=4) and pairs[p(n=4)] == p(n=5)
    assert p(n=5) not in pairs


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_comparison_and_its_report_show_the_merge(lang):
    a, b = _built(merged(lang), lang)
    res = diff(a.doc, a.units, b.doc, b.units)
    p = POINT[lang].format
    rows = {(r["label_a"], r["label_b"]): r for r in res["units"] if r["unit_kind"] == "point"}
    first, second = rows[(p(n=3), p(n=4))], rows[(p(n=4), p(n=4))]
    assert first["merged"] and first["merged_labels"] == [p(n=4)] and first["kind"] in ("same", "reworded")
    assert second["merged"] and second["merged_labels"] == [p(n=3)]
    assert second["kind"] == second["status"] == "merged"
    assert rows[(p(n=5), p(n=5))]["merged"] is False and rows[(p(n=5), p(n=5))]["merged_with"] == []
    # the city's п. 4 is not «only in B», and it is counted once
    only_b = [r["label_b"] for r in rows.values() if r["kind"] == "only_b"]
    assert only_b == [p(n=1)]
    assert res["summary"]["merged"] == res["kinds"]["merged"] == 1
    assert sum(res["summary"].values()) == len(res["units"])
    rep = res["report"]
    c = rep["counts"]
    assert c["merged"] == 1 and c["only_b"] == 1 and c["only_a"] == 1
    assert c["same"] + c["reworded"] + c["moved"] + c["only_b"] == rep["provisions_b"] == 5
    assert c["same"] + c["reworded"] + c["moved"] + c["only_a"] + c["merged"] == rep["provisions_a"] == 6
    assert rep["merges"] == [{"b": first["b"], "label_b": p(n=4), "a": [first["a"], second["a"]],
                              "labels_a": [p(n=3), p(n=4)]}]
    said = f"{p(n=3)} + {p(n=4)} → {p(n=4)}"
    assert ("Объединены в один пункт B: " + said) in rep["text"]["ru"]
    assert ("B-да бір тармаққа біріктірілген: " + said) in rep["text"]["kk"]
    assert ("Merged into one provision of B: " + said) in rep["text"]["en"]


def test_a_comparison_without_a_merge_says_nothing_of_merges():
    """The same district without the election point: no row merged, no sentence on merges."""
    text = district("ru", SESSION["ru"], [FORM["ru"], QUORUM["ru"]], [MINUTES["ru"]])
    a, b = _built(text, "ru")
    res = diff(a.doc, a.units, b.doc, b.units)
    assert not any(r["merged"] for r in res["units"]) and res["summary"]["merged"] == 0
    assert res["report"]["merges"] == [] and "Объединены" not in res["report"]["text"]["ru"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    d = tmp_path_factory.mktemp("merge")
    for name, text in (("district.txt", merged("ru")), ("city.txt", CITY["ru"]),
                       ("district_kk.txt", merged("kk")), ("city_kk.txt", CITY["kk"])):
        (d / name).write_text(text, encoding="utf-8")
    db = d / "corpus.sqlite"
    run("ingest", *(str(d / n) for n in ("district.txt", "city.txt", "district_kk.txt", "city_kk.txt")), db=db)
    run("export", "--out", str(d / "out"), db=db)
    with open(d / "out" / "documents.jsonl", encoding="utf-8") as f:
        ids = {json.loads(line)["source"].rsplit("/", 1)[-1]: json.loads(line)["id"] for line in f}
    return db, ids


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_cli_diff_prints_the_merge_as_words(db, lang):
    path, ids = db
    a, b = (ids["district.txt"], ids["city.txt"]) if lang == "ru" else (ids["district_kk.txt"], ids["city_kk.txt"])
    p = POINT[lang].format
    en = run("diff", a, b, "--lang", "en", db=path).stdout
    assert f"merged in B: {p(n=4)} → {p(n=4)} (merged in B with: {p(n=3)})" in en
    assert f"Merged into one provision of B: {p(n=3)} + {p(n=4)} → {p(n=4)}" in " ".join(en.split())
    assert "merged in B 1" in en
    ru = run("diff", a, b, "--lang", "ru", db=path).stdout
    assert f"объединено в B: {p(n=4)} → {p(n=4)} (объединено в B с: {p(n=3)})" in ru
    kk = run("diff", a, b, "--lang", "kk", db=path).stdout
    assert f"B-да біріктірілген: {p(n=4)} → {p(n=4)} (B-да мыналармен біріктірілген: {p(n=3)})" in kk
    for out in (en, ru, kk):
        assert "{'" not in out and "['" not in out and "('" not in out and "True" not in out   # no Python reprs


# a diff row's fields the contract's readers rely on, a merge's included
ROW_FIELDS = {"a", "b", "label_a", "label_b", "similarity", "changes", "renumbered", "unit_kind", "status", "kind",
              "excerpt_a", "excerpt_b", "merged", "merged_with", "merged_labels"}


def content_diff(path, a: str, b: str) -> dict:
    """``maslihat diff A B --json`` of two different acts: paired by content, every row with ``ROW_FIELDS``."""
    res = json.loads(run("diff", a, b, "--json", db=path).stdout)
    assert res["mode"] == "content"
    for r in res["units"]:
        assert set(r) >= ROW_FIELDS
    return res


def test_cli_diff_json_keeps_every_field_and_adds_the_merge(db):
    path, ids = db
    res = content_diff(path, ids["district.txt"], ids["city.txt"])
    assert set(res["summary"]) >= {"added", "removed", "moved", "changed", "unchanged"}
    merged_rows = [r for r in res["units"] if r["merged"]]
    assert [(r["label_a"], r["label_b"]) for r in merged_rows] == [("п. 3", "п. 4"), ("п. 4", "п. 4")]
    assert merged_rows[0]["merged_with"] == [merged_rows[1]["a"]] and merged_rows[1]["merged_with"] == [merged_rows[0]["a"]]
    assert res["report"]["counts"]["merged"] == 1 and res["report"]["merges"][0]["labels_a"] == ["п. 3", "п. 4"]
