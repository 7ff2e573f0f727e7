"""bench/competency_quality.py: the judged file's loader refuses what would skew the figure, and the
scorer counts (unit, code) pairs as the docs/quality.md tables read them (RU and KK units alike)."""
import json

import pytest

from bench.competency_quality import JUDGED, baseline, load, score


def _unit(**kw):
    u = {"source": "x.txt", "language": "ru", "label": "п. 1", "text": "Сессия маслихата правомочна", "half": "A",
         "codes": ["sessions"]}
    u.update(kw)
    return u


def _write(tmp_path, units):
    p = tmp_path / "judged.json"
    p.write_text(json.dumps({"units": units}, ensure_ascii=False), encoding="utf-8")
    return p


def test_loader_reads_ru_and_kk_units_of_both_halves(tmp_path):
    units = [_unit(), _unit(language="kk", text="Мәслихат сессиясы", half="B", codes=[])]
    got = load(_write(tmp_path, units))
    assert [(u["language"], u["half"], u["codes"]) for u in got] == [("ru", "A", ["sessions"]), ("kk", "B", [])]


@pytest.mark.parametrize("bad, why", [
    ({"codes": ["session"]}, "unknown code"),          # a typo would count as a miss forever
    ({"half": "G"}, "half"),
    ({"language": "en"}, "language"),
])
def test_loader_refuses_a_unit_that_would_skew_the_figure(tmp_path, bad, why):
    with pytest.raises(ValueError, match=why):
        load(_write(tmp_path, [_unit(**bad)]))


def test_loader_refuses_a_unit_without_its_locator(tmp_path):
    u = _unit()
    del u["label"]
    with pytest.raises(ValueError, match="label"):
        load(_write(tmp_path, [u]))


def test_the_shipped_sample_loads_balanced():
    units = load(JUDGED)
    assert len(units) >= 120
    for lang in ("ru", "kk"):
        for half in ("A", "B"):
            assert sum(u["language"] == lang and u["half"] == half for u in units) >= 30
        for half in ("C", "D", "E", "F"):                         # the later halves: 30 units per language each
            assert sum(u["language"] == lang and u["half"] == half for u in units) == 30
    assert all(len(u["text"]) <= 40 for u in units)       # a locator, not the act's text


def test_score_micro_and_per_code():
    gold = [{"sessions"}, {"acts", "sessions"}, set(), {"bodies"}]
    pred = [{"sessions"}, {"acts"}, {"budget"}, {"bodies"}]
    s = score(gold, pred)
    m = s["micro"]
    assert (m["tp"], m["fp"], m["fn"]) == (3, 1, 1)
    assert m["precision"] == pytest.approx(0.75) and m["recall"] == pytest.approx(0.75)
    assert m["f1"] == pytest.approx(0.75)
    assert s["per_code"]["sessions"]["recall"] == pytest.approx(0.5)
    assert s["per_code"]["budget"]["precision"] == 0.0 and s["per_code"]["budget"]["recall"] is None
    assert s["exact"] == pytest.approx(0.5)            # units 1 and 4


def test_score_a_unit_about_nothing_tagged_nothing_is_exact_and_counts_no_pair():
    s = score([set()], [set()])
    assert s["exact"] == 1.0 and s["micro"]["tp"] == s["micro"]["fp"] == s["micro"]["fn"] == 0
    assert s["micro"]["precision"] is None


@pytest.mark.parametrize("text, lang", [
    ("Вопрос за счет местного бюджета", "ru"),
    ("Мәселе жергілікті бюджет қаражаты есебінен", "kk"),
])
def test_baseline_tags_on_any_single_term_the_tagger_needs_more_for(text, lang):
    from maslihat.nlp.competency import tag
    assert "budget" in baseline(text, lang) and "budget" not in tag(text, lang)
