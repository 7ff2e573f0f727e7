"""The thesaurus's phrases are kept analysed (nlp/data/glossary_terms.json) so that a fresh search
process does not analyse ~2,000 phrases before its first answer (issue 14). The kept file must
say exactly what the analyser says, and a file made for another thesaurus or analyser must never
be used."""
import json

import pytest

from maslihat.nlp import glossary
from tests.conftest import key_follows_file


@pytest.fixture
def fresh_caches():
    for f in (glossary._shipped, glossary._manual, glossary._phrases):
        f.cache_clear()
    yield
    for f in (glossary._shipped, glossary._manual, glossary._phrases):
        f.cache_clear()


def test_kept_file_is_what_the_analyser_says_now():
    kept = json.loads(glossary.TERMS.read_text(encoding="utf-8"))
    now = glossary.analysed_phrases()
    assert kept["key"] == now["key"], "stale: run `.venv/bin/python scripts/glossary_terms.py`"
    assert kept["kk"] == now["kk"], "kk: run `.venv/bin/python scripts/glossary_terms.py`"
    if kept["lexicon"] == now["lexicon"]:       # Russian lemmas: the same pymorphy3 as the file's
        assert kept["ru"] == now["ru"], "ru: run `.venv/bin/python scripts/glossary_terms.py`"
    assert len(kept["ru"]) > 500 and len(kept["kk"]) > 500


def test_another_pymorphy3_analyses_russian_anew(tmp_path, monkeypatch, fresh_caches):
    f = tmp_path / "terms.json"
    f.write_text(json.dumps({"key": glossary.terms_key(), "lexicon": "pymorphy3=0.0", "ru": {"мэр": ["кept"]},
                             "kk": {"әкім": ["кept"]}}, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(glossary, "TERMS", f)
    assert glossary._norm("мэр", "ru") == ("мэр",)          # analysed here, not taken from the file
    assert glossary._norm("әкім", "kk") == ("кept",)         # Kazakh stems do not depend on pymorphy3


def _write(tmp_path, key, ru):
    from maslihat.nlp.lang.ru.lemmatizer import lexicon_version
    f = tmp_path / "terms.json"
    f.write_text(json.dumps({"key": key, "lexicon": lexicon_version(), "ru": ru, "kk": {}}, ensure_ascii=False),
                 encoding="utf-8")
    return f


def test_the_kept_terms_are_read(tmp_path, monkeypatch, fresh_caches):
    monkeypatch.setattr(glossary, "TERMS", _write(tmp_path, glossary.terms_key(), {"мэр": ["кept"]}))
    assert glossary._norm("мэр", "ru") == ("кept",)


def test_a_file_for_another_thesaurus_or_analyser_is_not_used(tmp_path, monkeypatch, fresh_caches):
    monkeypatch.setattr(glossary, "TERMS", _write(tmp_path, "0" * 16, {"мэр": ["кept"]}))
    assert glossary._norm("мэр", "ru") == ("мэр",)
    # and the expansion is the analyser's: «мэр» still reaches «аким» (folded to «әкім»)
    assert any("әкім" in alt for alt in glossary.expand(["мэр"], "ru")["ru"])


def test_a_broken_file_is_not_used(tmp_path, monkeypatch, fresh_caches):
    f = tmp_path / "terms.json"
    f.write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(glossary, "TERMS", f)
    assert glossary._norm("права депутата", "ru") == ("право", "депутат")


def test_the_key_follows_the_thesaurus(tmp_path, monkeypatch):
    before, changed, _ = key_follows_file(glossary.terms_key, glossary, "MANUAL", tmp_path, monkeypatch)
    assert changed != before
