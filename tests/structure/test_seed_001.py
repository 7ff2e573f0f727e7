"""Done-when figures on seed 001 (the Kokshetau regulation), both language halves."""
from __future__ import annotations

import pytest

from maslihat.nlp.align import align, discrepancies
from maslihat.nlp.references import find_references
from maslihat.nlp.resolve import resolve
from maslihat.nlp.segment import segment

from .helpers import seed_001

RU, KK = seed_001()
UNITS = {"ru": segment(RU), "kk": segment(KK)}
DOCS = {"ru": RU, "kk": KK}
LANGS = ["ru", "kk"]


def units_of(lang, kind, part=1):
    return [u for u in UNITS[lang] if u.kind == kind and u.part == part]


@pytest.mark.parametrize("lang", LANGS)
def test_140_points_in_order(lang):
    assert [u.number for u in units_of(lang, "point")] == [str(i) for i in range(1, 141)]


@pytest.mark.parametrize("lang", LANGS)
def test_13_chapters_and_subchapters(lang):
    assert [u.number for u in units_of(lang, "chapter")] == [str(i) for i in range(1, 14)]
    assert [u.number for u in units_of(lang, "subchapter")] == ["2.1", "2.2"] + [f"6.{i}" for i in range(1, 8)]


@pytest.mark.parametrize("lang", LANGS)
def test_regulation_is_the_appendix_of_the_decision(lang):
    apps = [u for u in UNITS[lang] if u.kind == "appendix"]
    assert len(apps) == 1 and apps[0].part == 1
    assert [u.number for u in units_of(lang, "point", part=0)] == ["1", "2"]
    by_id = {u.id: u for u in UNITS[lang]}
    ch = units_of(lang, "chapter")[0]
    assert by_id[ch.parent_id].kind == "appendix"
    assert "/appendix_1/" in units_of(lang, "point")[35].id


@pytest.mark.parametrize("lang,label", [("ru", "пп. 2) п. 22"), ("kk", "22-тармақтың 2) тармақшасы")])
def test_point_22_subpoints(lang, label):
    p22 = next(u for u in units_of(lang, "point") if u.number == "22")
    subs = [u for u in UNITS[lang] if u.parent_id == p22.id and u.kind == "subpoint"]
    assert [u.number for u in subs] == ["1)", "2)", "3)"]
    assert subs[1].label == label
    assert p22.start <= subs[-1].start < subs[-1].end <= p22.end


@pytest.mark.parametrize("lang", LANGS)
def test_notes_on_points_122_127_130(lang):
    by_id = {u.id: u for u in UNITS[lang]}
    noted = sorted(by_id[u.parent_id].number for u in UNITS[lang]
                   if u.kind == "note" and u.parent_id and by_id[u.parent_id].kind == "point")
    assert noted == ["122", "127", "130"]
    ch1 = units_of(lang, "chapter")[0]
    assert any(u.kind == "note" and u.parent_id == ch1.id for u in UNITS[lang])


REFS = {lang: find_references(DOCS[lang], UNITS[lang]) for lang in LANGS}


def ref_case(lang, surface_start, **target):
    return pytest.param(lang, surface_start, target, id=f"{lang}:{surface_start[:30]}")


DOMAIN_REFERENCE_CASES = [
    ref_case("ru", "статьей 9 Закона Республики Казахстан от 23 января 2001 года", act_type="Закон",
             date="2001-01-23", article="9"),
    ref_case("ru", "Указом Президента Республики Казахстан от 3 декабря 2013 года № 704", act_type="Указ",
             date="2013-12-03", number="704"),
    ref_case("ru", "статьей 10 Конституционного Закона", act_type="Закон", article="10"),
    ref_case("ru", "пункте 36 настоящего регламента", point="36"),
    ref_case("kk", '"Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы" '
                   "Қазақстан Республикасының 2001 жылғы 23 қаңтардағы Заңының 9 бабына",
             act_type="Закон", date="2001-01-23", article="9"),
    ref_case("kk", "Қазақстан Республикасы Президентінің 2013 жылғы 3 желтоқсандағы № 704", act_type="Указ",
             date="2013-12-03", number="704"),
    ref_case("kk", "Конституциялық заңының 10 бабына", act_type="Закон", article="10"),
    ref_case("kk", "осы регламенттің 36 тармағында", point="36"),
]


@pytest.mark.parametrize("lang,surface,target", DOMAIN_REFERENCE_CASES)
def test_domain_references(lang, surface, target):
    hits = [r for r in REFS[lang] if surface in r.surface or r.surface in surface and len(r.surface) > 20]
    assert hits, f"no reference for {surface!r}"
    assert any(all(r.target.get(k) == v for k, v in target.items()) for r in hits)
    for r in hits:
        assert DOCS[lang].text[r.start:r.end] == r.surface


@pytest.mark.parametrize("lang", LANGS)
def test_amendment_and_repeal_links(lang):
    rel = {(r.relation, r.target["date"]) for r in REFS[lang]}
    assert ("repealed_by", "2016-08-09") in rel
    amended = [r for r in REFS[lang] if r.relation == "amended_by" and r.target["date"] == "2014-10-09"]
    assert len(amended) >= 4          # chapter 1 title, points 122, 127, 130


@pytest.mark.parametrize("lang", LANGS)
def test_framework_law_is_one_node(lang):
    keys = {r.cited_act_key for r in REFS[lang] if r.target.get("act_type") == "Закон" and r.target.get("article") == "9"}
    assert keys == {"law:2001-01-23:148-ii"}


@pytest.mark.parametrize("lang", LANGS)
def test_internal_point_36_resolves_into_the_regulation(lang):
    resolve(REFS[lang], DOCS[lang], UNITS[lang], catalog=None)
    r = next(r for r in REFS[lang] if r.kind == "internal" and r.target.get("point") == "36")
    target = next(u for u in units_of(lang, "point") if u.number == "36")
    assert r.resolved_unit_id == target.id and "/appendix_1/" in target.id


def test_halves_align_point_by_point():
    pairs = align(RU, UNITS["ru"], KK, UNITS["kk"])
    ir, ik = {u.id: u for u in UNITS["ru"]}, {u.id: u for u in UNITS["kk"]}
    points = [(ir[a], ik[b]) for a, b, _ in pairs if a and b and ir[a].kind == "point" and ir[a].part == 1]
    assert len(points) == 140
    assert all(a.number == b.number for a, b in points)


def test_point_130_subpoints_in_different_order():
    pairs = align(RU, UNITS["ru"], KK, UNITS["kk"])
    found = discrepancies(RU, UNITS["ru"], KK, UNITS["kk"], pairs, REFS["ru"], REFS["kk"])
    order = [d for d in found if d["kind"] == "order_differs"]
    assert [d["unit_a"].split("/")[-1] for d in order] == ["point_130"]
    assert "2) ~ 3)" in order[0]["detail"] and "3) ~ 2)" in order[0]["detail"]
