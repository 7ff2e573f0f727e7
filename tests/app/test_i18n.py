"""Every string a user sees exists in ru, kk and en; none is written into a view as a literal."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from maslihat.corpus.index.base import QueryError
from maslihat.search_app import errors, i18n, state

APP_DIR = Path(__file__).resolve().parents[2] / "search_app"
SOURCES = sorted(APP_DIR.glob("*.py")) + sorted((APP_DIR / "views").glob("*.py"))
# calls whose first argument is shown to the user as it is
SHOWN = {"markdown", "caption", "button", "header", "subheader", "title", "info", "warning", "error", "success",
         "text", "expander", "selectbox", "radio", "text_input", "download_button", "toggle", "checkbox",
         "multiselect", "file_uploader", "tabs", "popover", "link_button", "metric", "toast", "spinner",
         "progress", "page_link", "write"}
WORDS = re.compile(r"[A-Za-zА-Яа-яЁёӘәІіҢңҒғҮүҰұҚқӨөҺһ]{3,}[\s,.:;!?]+[A-Za-zА-Яа-яЁёӘәІіҢңҒғҮүҰұҚқӨөҺһ]{3,}")
TAGS = re.compile(r"<[^<>]*>|<[^<>]*$|^[^<>]*>|\b[\w-]+=\"[^\"]*\"|\b[\w-]+='[^']*'|&\w+;")


def _tables():
    yield from (("STRINGS", k, v) for k, v in i18n.STRINGS.items())
    yield from (("DISCREPANCIES", k, v) for k, v in i18n.DISCREPANCIES.items())
    yield from (("COMPETENCIES", k, v) for k, v in i18n.COMPETENCIES.items())
    for facet, values in i18n.VALUES.items():
        yield from ((f"VALUES.{facet}", k, v) for k, v in values.items())


def test_every_table_entry_in_three_languages():
    missing = [f"{table}[{key}] lacks {lang}" for table, key, entry in _tables() for lang in i18n.LANGS
               if not (entry.get(lang) or "").strip()]
    assert missing == []


def test_placeholders_agree_across_languages():
    for key, entry in i18n.STRINGS.items():
        names = {lang: set(re.findall(r"{(\w+)}", entry[lang])) for lang in i18n.LANGS}
        assert names["ru"] == names["kk"] == names["en"], key


def _keys_used() -> set[str]:
    keys = set()
    for f in SOURCES:
        keys |= set(re.findall(r"\bt\(\s*\"([a-z0-9_]+)\"\s*[,)]", f.read_text(encoding="utf-8")))
    keys |= {"page_" + p for p in state.PAGES} | set(errors.CODES)
    from maslihat.search_app.views.search import FACET_ORDER
    keys |= {"facet_" + f for f in FACET_ORDER}
    keys |= {"outcome_" + o for o in ("ingested", "unchanged", "quarantined", "too_large", "failed")}
    return keys


def test_every_key_the_app_asks_for_exists():
    assert sorted(k for k in _keys_used() if k not in i18n.STRINGS) == []


def _literals(node) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.Constant)]
    if isinstance(node, ast.BinOp):
        return _literals(node.left) + _literals(node.right)
    return []


def test_no_user_visible_literal_in_the_views():
    """A sentence written into a view instead of i18n.STRINGS would show in one language only."""
    found = []
    for f in SOURCES:
        tree = ast.parse(f.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            name = node.func.attr
            if name not in SHOWN | {"html"} or not node.args:
                continue
            for lit in _literals(node.args[0]):
                if "<script" in lit or "<style" in lit:
                    continue  # code and CSS of our own, not words for the reader
                lit = TAGS.sub(" ", lit)
                if WORDS.search(lit):
                    found.append(f"{f.name}:{node.lineno}: {lit.strip()[:60]!r}")
    assert found == []


@pytest.mark.parametrize("query", ['депутат OR', 'AND запрос', '"депутатский запрос', '(запрос', 'запрос)',
                                   '()', 'деп*тат'])
def test_query_syntax_errors_are_translated(corpus, query):
    with pytest.raises(QueryError) as e:
        corpus.search(query)
    code, _ = errors.classify(e.value)
    assert code != "q_generic", f"{str(e.value)!r} is not recognised"
    kk = errors.query_error(e.value, "kk")
    ru = errors.query_error(e.value, "ru")
    assert not re.search(r"\b(needs|term|unbalanced|unexpected|prefix|group|closed)\b", kk + ru), (kk, ru)


def test_filter_errors_are_translated(corpus):
    for flt in ({"language": ["обоих языков"]}, {"year": ["20x4"]}, {"nonsense": ["1"]}):
        with pytest.raises(QueryError) as e:
            corpus.search("запрос", filters=flt)
        assert errors.classify(e.value)[0] != "q_generic", str(e.value)


def test_amended_units_in_the_interface_language():
    assert i18n.unit_ref("chapter 1", "ru") == "глава 1"
    assert i18n.unit_ref("122", "kk") == "122-тармақ"
    assert i18n.unit_ref("122", "en") == "point 122"


def test_competency_labels_carry_no_codes():
    for code in i18n.competency_codes():
        for ui in i18n.LANGS:
            label = i18n.competency_label(code, ui)
            assert label and label != code, (code, ui, label)
            if ui != "en":  # an English label may share a word with its code; ru/kk never show it
                assert code not in label, (code, ui, label)
