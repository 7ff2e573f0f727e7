"""The CLI contract that scripts and outside evaluations read (shared/docs/contract.md)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SAMPLES

DOC_FIELDS = {"id", "source", "part", "language", "doc_type", "title", "issuer", "issuer_kind", "region",
              "adopted_date", "number", "registration", "status", "repealed_by", "amendments", "parallel_id", "text"}
UNIT_FIELDS = {"id", "document_id", "parent_id", "kind", "number", "heading", "label", "start", "end",
               "competencies", "parallel_id"}
REF_FIELDS = {"id", "document_id", "unit_id", "start", "end", "surface", "kind", "target",
              "resolved_document_id", "resolved_unit_id"}


def run(*args, db, check=True):
    p = subprocess.run([sys.executable, "-m", "maslihat.cli", *args], capture_output=True, text=True,
                       env={**__import__("os").environ, "MASLIHAT_DB": str(db), "MASLIHAT_ES_URL": ""})
    if check and p.returncode != 0:
        raise AssertionError(f"maslihat {' '.join(args)} exited {p.returncode}: {p.stderr[-2000:]}")
    return p


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "corpus.sqlite"
    p = run("ingest", str(SAMPLES), db=db)
    assert "5 files" in p.stdout and "6 documents added" in p.stdout
    return db


def test_export_writes_the_three_files_with_contract_fields(db, tmp_path):
    run("export", "--out", str(tmp_path), db=db)
    docs = [json.loads(l) for l in open(tmp_path / "documents.jsonl", encoding="utf-8")]
    units = [json.loads(l) for l in open(tmp_path / "units.jsonl", encoding="utf-8")]
    refs = [json.loads(l) for l in open(tmp_path / "references.jsonl", encoding="utf-8")]
    assert len(docs) == 6 and all(DOC_FIELDS <= set(d) for d in docs)
    assert units and all(UNIT_FIELDS <= set(u) for u in units)
    assert refs and all(REF_FIELDS <= set(r) for r in refs)
    by_id = {d["id"]: d for d in docs}
    for u in units[:500]:
        text = by_id[u["document_id"]]["text"]
        assert 0 <= u["start"] < u["end"] <= len(text)
    for r in refs:
        assert by_id[r["document_id"]]["text"][r["start"]:r["end"]] == r["surface"]


def test_ids_are_stable_across_runs(db, tmp_path):
    other = tmp_path / "again.sqlite"
    run("ingest", str(SAMPLES), db=other)
    for d in (tmp_path / "a", tmp_path / "b"):
        d.mkdir()
    run("export", "--out", str(tmp_path / "a"), db=db)
    run("export", "--out", str(tmp_path / "b"), db=other)
    for name in ("documents.jsonl", "units.jsonl", "references.jsonl"):
        ids_a = [json.loads(l)["id"] for l in open(tmp_path / "a" / name, encoding="utf-8")]
        ids_b = [json.loads(l)["id"] for l in open(tmp_path / "b" / name, encoding="utf-8")]
        assert ids_a == ids_b


def test_search_json_finds_inquiry_points_in_both_languages(db):
    p = run("search", "депутатский запрос", "--json", db=db)
    res = json.loads(p.stdout)
    assert res["total"] > 0
    langs = {h["language"] for h in res["hits"]}
    assert langs == {"ru", "kk"}
    assert res["facets"]["language"].get("ru") and res["facets"]["language"].get("kk")
    assert all(k in res["hits"][0] for k in ("unit_id", "document_id", "score", "label", "title", "snippet", "text"))


@pytest.mark.parametrize("ui,words", [("kk", "басқа тілдегі мәтіні бойынша табылды"),
                                      ("ru", "найдено по тексту на другом языке"),
                                      ("en", "found by its text in the other language")])
def test_search_says_which_hits_were_found_by_their_text_in_the_other_language(db, monkeypatch, ui, words):
    """A Kazakh question with Russian results: the JSON marks the hits ranked by their Kazakh text
    (``matched_in``), and the text report quotes that Kazakh text, in the report's language."""
    q = "кезектен тыс сессияны кім шақырады"
    hits = json.loads(run("search", q, "--lang", "ru", "--json", db=db).stdout)["hits"]
    found = [h for h in hits if h.get("matched_in")]
    assert found and {h["matched_in"] for h in found} == {"kk"} and {h["language"] for h in hits} == {"ru"}
    monkeypatch.setenv("MASLIHAT_LANG", ui)
    out = run("search", q, "--lang", "ru", db=db).stdout
    assert out.count(words) == len(found)
    assert "Кезектен тыс" in out.split(words, 1)[1].splitlines()[0]


@pytest.mark.parametrize("ui,words", [("kk", "ешбір құжатта жоқ: визирует; басы бірдей сөздер де ізделді: визир…"),
                                      ("ru", "нет ни в одном документе: визирует; искали и слова с тем же началом: визир…"),
                                      ("en", "in no document: визирует; words that begin alike were searched too: визир…")])
def test_search_says_which_words_no_document_has(db, monkeypatch, ui, words):
    """«визирует» is in no act of the sample corpus: the JSON names its term and the prefix also
    searched (``unseen``) and the word as the user typed it, which the text report names in the report's
    language (not the index's lemma «визировать»); a query whose words
    the corpus holds, or a strict one, has no such field."""
    res = json.loads(run("search", "кто визирует депутатский запрос", "--json", db=db).stdout)
    assert res["total"] > 0 and res["unseen"] == [{"term": "визировать", "prefix": "визир", "word": "визирует"}]
    assert "unseen" not in json.loads(run("search", "депутатский запрос", "--json", db=db).stdout)
    assert "unseen" not in json.loads(run("search", "визирует OR запрос", "--json", db=db).stdout)
    monkeypatch.setenv("MASLIHAT_LANG", ui)
    assert words in run("search", "кто визирует депутатский запрос", db=db).stdout


@pytest.mark.parametrize("ui,words", [("kk", "корпустың өз орысша және қазақша мәтіндері бойынша аударылды: хатшылық → секретариат"),
                                      ("ru", "переведено по русским и казахским текстам самого корпуса: хатшылық → секретариат"),
                                      ("en", "translated by the corpus's own aligned Russian and Kazakh texts: хатшылық → секретариат")])
def test_search_says_which_words_the_corpus_translated(db, monkeypatch, ui, words):
    """Neither RU↔KK table translates «хатшылық» (the learned one leaves out a pair seen in three
    units of one act); the sample corpus's aligned points of seed 001 do («секретариат»): the JSON
    names the word and its translation (``aligned``), the text report says so in the report's
    language; a query of words the tables know has no such field."""
    res = json.loads(run("search", "мәслихат хатшылығы", "--json", db=db).stdout)
    assert res["total"] > 0 and res["aligned"] == [{"term": "хатшылық", "translations": ["секретариат"]}]
    assert "aligned" not in json.loads(run("search", "депутаттық сауал", "--json", db=db).stdout)
    monkeypatch.setenv("MASLIHAT_LANG", ui)
    assert words in run("search", "мәслихат хатшылығы", db=db).stdout


@pytest.mark.parametrize("args,needle", [
    (("search", '"unbalanced', "--json"), "query"),
    (("search", "бюджет", "--json", "--type", "no_such_type"), "no_such_type"),
    # a negative page size gave no hits and a negative offset the last ones, both with exit 0
    (("search", "бюджет", "--json", "--limit", "-1"), "--limit"),
    (("search", "мәслихат", "--json", "--offset", "-5"), "--offset"),
])
def test_search_errors_are_one_json_object_and_nonzero_exit(db, args, needle):
    p = run(*args, db=db, check=False)
    assert p.returncode != 0
    err = json.loads(p.stdout)
    assert set(err) == {"error"} and needle in err["error"]


def test_missing_corpus_is_a_json_error(tmp_path):
    p = run("search", "бюджет", "--json", db=tmp_path / "nothing.sqlite", check=False)
    assert p.returncode != 0 and "no corpus" in json.loads(p.stdout)["error"]


def test_show_unit_has_references_backlinks_and_parallel(db, tmp_path):
    run("export", "--out", str(tmp_path), db=db)
    units = [json.loads(l) for l in open(tmp_path / "units.jsonl", encoding="utf-8")]
    refs = [json.loads(l) for l in open(tmp_path / "references.jsonl", encoding="utf-8")]
    cited = next(r["resolved_unit_id"] for r in refs if r["resolved_unit_id"])
    res = json.loads(run("show", cited, "--json", db=db).stdout)
    assert res["type"] == "unit" and res["backlinks"]
    point = next(u for u in units if u["kind"] == "point" and u["parallel_id"])
    res = json.loads(run("show", point["id"], "--json", db=db).stdout)
    assert res["parallel"]["id"] == point["parallel_id"]
    assert "references" in res and res["text"]


def test_diff_ru_against_kk_reports_alignment(db, tmp_path):
    run("export", "--out", str(tmp_path), db=db)
    docs = [json.loads(l) for l in open(tmp_path / "documents.jsonl", encoding="utf-8")]
    ru = next(d for d in docs if d["parallel_id"] and d["language"] == "ru")
    res = json.loads(run("diff", ru["id"], ru["parallel_id"], "--json", db=db).stdout)
    assert res["summary"] and res["units"]


def test_diff_reads_an_act_id_as_show_does_and_refuses_a_unit_clearly(db, tmp_path):
    # «diff ACT KK» answered «not found» although «show ACT» shows the act; a unit id gave a bare
    # «not found» too
    run("export", "--out", str(tmp_path), db=db)
    docs = [json.loads(l) for l in open(tmp_path / "documents.jsonl", encoding="utf-8")]
    units = [json.loads(l) for l in open(tmp_path / "units.jsonl", encoding="utf-8")]
    kk = next(d for d in docs if d["parallel_id"] and d["language"] == "kk")
    res = json.loads(run("diff", kk["act_id"], kk["id"], "--json", db=db).stdout)
    assert res["a"] == kk["parallel_id"] and res["b"] == kk["id"] and res["units"]
    point = next(u for u in units if u["document_id"] == kk["id"] and u["kind"] == "point")
    p = run("diff", point["id"], kk["parallel_id"], "--json", db=db, check=False)
    assert p.returncode != 0 and "not a document" in json.loads(p.stdout)["error"]


@pytest.mark.parametrize("query,near", [("регламет AND сессия", "регламент"), ("хатамасы", "хаттама")])
def test_search_with_no_hits_prints_the_nearest_words(db, query, near):
    """A misspelt word that is not corrected (strict syntax; Kazakh) finds nothing; the terminal
    says which words the corpus has instead."""
    p = run("search", query, db=db)
    lines = p.stdout.splitlines()
    assert lines[0].startswith("0 ") and near in lines[1]
    assert near in json.loads(run("search", query, "--json", db=db).stdout)["suggestions"]


def test_search_text_quotes_the_query_as_typed_not_as_a_python_string(db):
    # the query was shown with repr(): 'C:\\\\path' (a doubled backslash), "it's" in double quotes
    for q in ("C:\\path сессия", "депутат's сауал"):
        first = run("search", q, "--limit", "1", db=db).stdout.splitlines()[0]
        assert f"«{q}»" in first


def test_show_prints_a_citation_over_several_lines_on_one_line(db, tmp_path):
    # an appendix caption's citation («…мәслихатының\n2014 жылғы 20 наурыздағы\n№ С-24/4 шешімімен») was
    # printed with literal «\n» escapes
    run("export", "--out", str(tmp_path), db=db)
    refs = [json.loads(l) for l in open(tmp_path / "references.jsonl", encoding="utf-8")]
    langs = set()
    for r in refs:
        lang = r["document_id"].rsplit("/", 1)[-1][:2]
        if "\n" in r["surface"] and r["unit_id"] and lang not in langs:
            langs.add(lang)
            out = run("show", r["unit_id"], db=db).stdout
            assert "\\n" not in out and " ".join(r["surface"].split())[:100] in out
    assert langs == {"ru", "kk"}
