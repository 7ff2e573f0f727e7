"""One-to-many (issue 12, tenth pass, ``nlp.compare._splits``): a point of A that says what two points
of B say is paired with both — its own pair first, the second as a split — and the comparison shows
B's second point as «split in B», never «only in B». The mirror of tests/compare/test_pair_merge.py:
there the district says in two points what the city says in one; here the city (A) says in one point
what the district (B) says in two. Fixtures built here, RU and KK, no data files."""
from __future__ import annotations

import json

import pytest

from maslihat.nlp import compare
from maslihat.nlp.diff import diff
from tests.compare.regulation_text import built, labelled
from tests.compare.test_pair_merge import CITY, ELECT, FORM, MINUTES, POINT, QUORUM, SESSION, db, district  # noqa: F401
from tests.compare.test_pair_merge import content_diff
from tests.corpus.test_cli import run

# said again in other words: only how the commissions are formed, nothing the city's п. 4 lacks
FORM_AGAIN = {"ru": "Постоянные комиссии маслихата образуются на первой сессии для предварительного рассмотрения "
                    "вопросов его ведения.",
              "kk": "Мәслихаттың тұрақты комиссиялары оның қарауына жататын мәселелерді алдын ала қарау үшін бірінші "
                    "сессияда құрылады."}
# the same words as the election, on another topic: who keeps the commissions' minutes
KEEPER = {"ru": "Протоколы заседаний постоянных комиссий ведет аппарат маслихата.",
          "kk": "Тұрақты комиссиялар отырыстарының хаттамаларын мәслихат аппараты жүргізеді."}


def split_text(lang: str, second: str | None = None) -> str:
    """The district (B): forming the commissions (п. 3) and electing them (п. 4) apart — what the
    city's п. 4 says in one — then their quorum (п. 5); ``second`` in the final chapter instead of
    the election, when given."""
    commissions = [FORM[lang], ELECT[lang], QUORUM[lang]] if second is None else [FORM[lang], QUORUM[lang]]
    final = [MINUTES[lang]] + ([second] if second else [])
    return district(lang, SESSION[lang], commissions, final)


def pairs_of(lang: str, text_b: str) -> list[tuple[str, str]]:
    """The city (A) against the district (B), by label."""
    return labelled(*built(CITY[lang], text_b, lang))


@pytest.fixture
def pass_off(monkeypatch):
    """This pass with its bar out of reach."""
    monkeypatch.setattr(compare, "SPLIT_ACCEPT", 2.0)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_one_point_said_by_two_is_paired_with_both(lang):
    """The city's п. 4 (forming the commissions; their election) is paired with the district's п. 3
    (forming) and п. 4 (the election): one of them is its own pair, the other the split, listed right
    after it; every other pair as without the pass."""
    pairs = pairs_of(lang, split_text(lang))
    p = POINT[lang].format
    mine = [b for a, b in pairs if a == p(n=4)]
    assert sorted(mine) == sorted([p(n=3), p(n=4)])
    assert (p(n=5), p(n=5)) in pairs and (p(n=2), p(n=1)) in pairs
    k = pairs.index((p(n=4), mine[0]))
    assert pairs[k + 1] == (p(n=4), mine[1])                 # the split right after A's own pair


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_without_the_pass_the_second_point_is_left_unpaired(lang, pass_off):
    """Every other pass leaves one of the district's two points without a counterpart (its only
    one, the city's п. 4, is taken): a reader would see a rule of B that A lacks."""
    pairs = pairs_of(lang, split_text(lang))
    p = POINT[lang].format
    assert len([b for a, b in pairs if a == p(n=4)]) == 1
    assert len({b for _, b in pairs} & {p(n=3), p(n=4)}) == 1


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_same_point_far_from_the_pair_is_not_split(lang):
    """The election moved to the final chapter, away from the forming point (another heading, not
    beside it): its nearest is still the city's п. 4, but B's structure does not say split — left
    unpaired."""
    pairs = pairs_of(lang, split_text(lang, second=ELECT[lang]))
    p = POINT[lang].format
    assert len([b for a, b in pairs if a == p(n=4)]) == 1
    assert p(n=6) not in {b for _, b in pairs}


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_point_that_says_again_what_the_pair_says_is_not_split(lang, monkeypatch):
    """The district's п. 4 says again, in other words, only what its п. 3 says (forming the
    commissions): nearest to the city's п. 4, beside its pair, but every word it shares with A is a
    word of its pair, and the two together come no closer to A — not a second counterpart; without
    those two conditions it would be taken."""
    text = district(lang, SESSION[lang], [FORM[lang], FORM_AGAIN[lang], QUORUM[lang]], [MINUTES[lang]])
    p = POINT[lang].format
    assert len([b for a, b in pairs_of(lang, text) if a == p(n=4)]) == 1
    monkeypatch.setattr(compare, "SPLIT_GAIN", -1.0)
    monkeypatch.setattr(compare, "SPLIT_OWN", -1.0)
    assert len([b for a, b in pairs_of(lang, text) if a == p(n=4)]) == 2


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_comparison_shows_the_split(lang):
    """``nlp.diff``: both rows ``split``, each naming the other point of B; A's own pair labelled as any
    pair, the second status and kind ``split``: A's point counted once, B's second point never «only
    in B»; the report counts it, lists it in ``splits`` and says it in ru/kk/en."""
    a, b = built(CITY[lang], split_text(lang), lang)
    res = diff(a.doc, a.units, b.doc, b.units)
    p = POINT[lang].format
    rows = [r for r in res["units"] if r["unit_kind"] == "point" and r["label_a"] == p(n=4)]
    assert len(rows) == 2
    first, second = rows
    assert first["split"] and second["split"]
    assert first["split_labels"] == [second["label_b"]] and second["split_labels"] == [first["label_b"]]
    assert first["kind"] != "split" and second["kind"] == second["status"] == "split"
    assert first["merged"] is False and first["merged_with"] == []       # every old field kept
    others = [r for r in res["units"] if r["unit_kind"] == "point" and r["label_a"] != p(n=4) and r["a"]]
    assert all(r["split"] is False and r["split_with"] == [] for r in others)
    assert [r["label_b"] for r in res["units"] if r["unit_kind"] == "point" and r["kind"] == "only_b"] == [p(n=6)]
    assert res["summary"]["split"] == 1 and res["kinds"]["split"] == 1
    rep = res["report"]
    assert rep["counts"]["split"] == 1
    assert rep["splits"] == [{"a": first["a"], "label_a": p(n=4), "b": [first["b"], second["b"]],
                              "labels_b": [first["label_b"], second["label_b"]]}]
    said = f"{p(n=4)} → {first['label_b']} + {second['label_b']}"
    assert ("Один пункт A сказан в B в нескольких: " + said) in rep["text"]["ru"]
    assert ("A-ның бір тармағы B-да бірнеше тармақта айтылған: " + said) in rep["text"]["kk"]
    assert ("One provision of A said in several of B: " + said) in rep["text"]["en"]


def test_without_a_split_the_rows_say_none():
    """Two acts with no split: every row has ``split`` false and empty lists, the counts 0, no
    sentence (the fields are always there, as ``merged``'s)."""
    a, b = built(CITY["ru"], split_text("ru", second=KEEPER["ru"]), "ru")
    res = diff(a.doc, a.units, b.doc, b.units)
    assert all(r["split"] is False and r["split_with"] == [] and r["split_labels"] == [] for r in res["units"])
    assert res["summary"]["split"] == 0 and res["report"]["counts"]["split"] == 0 and res["report"]["splits"] == []
    assert "сказан в B в нескольких" not in res["report"]["text"]["ru"]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_cli_diff_prints_the_split_as_words(db, lang):
    """``maslihat diff`` (the city against the district, ingested): the second row «split in B» with
    A's point, naming A's own pair in B, the count and the report's sentence, in en/ru/kk, no Python
    reprs (A's own pair, the same in both, is listed only with ``--show-same``, as for a merge)."""
    path, ids = db
    a, b = (ids["city.txt"], ids["district.txt"]) if lang == "ru" else (ids["city_kk.txt"], ids["district_kk.txt"])
    p = POINT[lang].format
    res = json.loads(run("diff", a, b, "--json", db=path).stdout)
    first, second = [r for r in res["units"] if r["label_a"] == p(n=4)]
    words = {"en": ("split in B", "in B also said in"), "ru": ("разделено в B", "в B сказано также в"),
             "kk": ("B-да бөлінген", "B-да сондай-ақ мында айтылған")}
    for ui, (kind, also) in words.items():
        out = run("diff", a, b, "--lang", ui, db=path).stdout
        assert f"  {kind}: {p(n=4)} → {second['label_b']} ({also}: {first['label_b']})" in out
        assert f"{kind} 1" in out
        assert "{'" not in out and "['" not in out and "('" not in out and "True" not in out   # no Python reprs
    en = " ".join(run("diff", a, b, "--lang", "en", db=path).stdout.split())
    assert f"One provision of A said in several of B: {p(n=4)} → {first['label_b']} + {second['label_b']}" in en


def test_cli_diff_json_keeps_every_field_and_adds_the_split(db):
    path, ids = db
    res = content_diff(path, ids["city.txt"], ids["district.txt"])
    for r in res["units"]:
        assert set(r) >= {"split", "split_with", "split_labels"}
    assert set(res["summary"]) >= {"added", "removed", "moved", "changed", "unchanged", "merged", "split"}
    rows = [r for r in res["units"] if r["split"]]
    assert [(r["label_a"], r["kind"] == "split") for r in rows] == [("п. 4", False), ("п. 4", True)]
    assert rows[0]["split_with"] == [rows[1]["b"]] and rows[1]["split_with"] == [rows[0]["b"]]
    assert sorted([rows[0]["label_b"], rows[1]["label_b"]]) == ["п. 3", "п. 4"]
    assert res["report"]["counts"]["split"] == 1 and res["report"]["splits"][0]["label_a"] == "п. 4"
    assert not any(r["kind"] == "only_b" and r["label_b"] in ("п. 3", "п. 4") for r in res["units"])
