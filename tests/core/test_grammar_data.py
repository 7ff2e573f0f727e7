"""The grammar data validates itself: every pattern of ru.yaml, kk.yaml and common.yaml reads the
examples listed beside it and none of its rejects (the reporters-db way: data with its own tests)."""
from __future__ import annotations

import re

from maslihat.core import grammar as g


def _failures() -> list[str]:
    bad: list[str] = []
    for form, rx in zip(g.DATE_FORMS, g.DATE_RX):
        if not form.examples:
            bad.append(f"date form {form.name}: no examples")
        for text, iso in form.examples:
            m = rx.search(text)
            got = g.date_iso(m) if m else None
            if got != iso:
                bad.append(f"date form {form.name}: {text!r} -> {got}, expected {iso}")
            if g.parse_date(text) != iso:
                bad.append(f"parse_date({text!r}) -> {g.parse_date(text)}, expected {iso} (another form wins)")
        for text in form.rejects:
            m = rx.search(text)
            if m and g.date_iso(m):
                bad.append(f"date form {form.name}: reads a date in reject {text!r}")
    num = g.data("common")["number"]
    for text, written in num["examples"]:
        got = g.first_number(text)
        if got != written:
            bad.append(f"number: {text!r} -> {got!r}, expected {written!r}")
    for text in num["rejects"]:
        if g.first_number(text):
            bad.append(f"number: reads {g.first_number(text)!r} in reject {text!r}")
    for text, key in num["key_examples"]:
        if g.number_key(text) != key:
            bad.append(f"number_key({text!r}) -> {g.number_key(text)!r}, expected {key!r}")
    for lang in g.LANGS:
        for w in g.act_words(lang, None):
            if not w.examples:
                bad.append(f"{lang} act word {w.type}: no examples")
            for ex in w.examples:
                if not re.fullmatch(w.pattern, ex):
                    bad.append(f"{lang} act word {w.type}: does not read {ex!r}")
        for u in g.data(lang)["unit_words"]:
            pattern = g.unit_words(lang, None)[u["kind"]]
            for ex in u["examples"]:
                if not re.fullmatch(pattern, ex):
                    bad.append(f"{lang} unit word {u['kind']}: does not read {ex!r}")
        for a in g.unit_abbreviations(lang):
            if not re.fullmatch(r"[^\W\d_]+", a):
                bad.append(f"{lang} unit abbreviation {a!r}: not a word")
        for m in g.data(lang)["months"]:
            for form in [m["nominative"], m.get("genitive"), m.get("attributive"), *m.get("forms", [])]:
                if form and g.month_number(form, lang) != m["n"]:
                    bad.append(f"{lang} month {m['n']}: {form!r} -> {g.month_number(form, lang)}")
                if form and not re.fullmatch(g.fragment(lang, "month"), form):
                    bad.append(f"{lang} month {m['n']}: the month pattern does not read {form!r}")
    return bad


def test_every_pattern_reads_its_examples_and_none_of_its_rejects():
    assert _failures() == []


def test_the_validation_catches_a_broken_example(monkeypatch):
    """The check above can fail: a wrong expected date is reported."""
    form = g.DATE_FORMS[0]
    broken = g.DateForm(form.name, form.lang, form.pattern, (("20 марта 2014 года", "2014-03-21"),), ())
    monkeypatch.setattr(g, "DATE_FORMS", (broken,) + g.DATE_FORMS[1:])
    assert any("2014-03-21" in f for f in _failures())


def test_both_languages_have_every_kind_of_vocabulary():
    for lang in g.LANGS:
        assert len(g.data(lang)["months"]) == 12
        assert {f.lang for f in g.DATE_FORMS} >= {lang, "common"}
        assert {"article", "point", "subpoint", "part", "chapter"} <= set(g.unit_words(lang))
        assert {w.doc_type for w in g.act_words(lang)} >= {"law", "code", "decree", "resolution", "decision", "order"}
        assert g.requisite_words(lang)


def test_human_date_writes_each_language_as_acts_do():
    assert g.human_date("2014-03-20", "ru") == "20 марта 2014 г."
    assert g.human_date("2014-03-20", "kk") == "2014 жылғы 20 наурыз"
    assert g.parse_date(g.human_date("2001-11-14", "kk")) == "2001-11-14"
    assert g.parse_date(g.human_date("2001-11-14", "ru")) == "2001-11-14"


def test_number_keys_compare_one_act_however_typed():
    assert g.number_key("148") == g.number_key("148-II") == g.number_key("№ 148-ІІ")
    assert g.number_key("С-24/4") == g.number_key("C - 24/4") != g.number_key("С-24/5")
    assert g.first_number("N 148-II") == "148-II"          # kept as written
