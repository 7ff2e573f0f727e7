"""Every page of the app, driven in-process by Streamlit's AppTest on the sample corpus."""
from __future__ import annotations

import csv
import html
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from maslihat.core.messages import t as message
from maslihat.corpus.api import Corpus
from maslihat.search_app import export, i18n, uploads
from maslihat.search_app.safe import md_escape

APP = str(Path(__file__).resolve().parents[2] / "search_app" / "app.py")

TIMEOUT = 180


def run(params: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def html_bodies(at: AppTest) -> list[str]:
    return [el.proto.body for el in at.get("html")]


def all_markup(at: AppTest) -> str:
    """Everything the page sends as HTML or Markdown."""
    return "\n".join(html_bodies(at) + [markdown_text(at)])


def markdown_text(at: AppTest) -> str:
    """Strings Streamlit renders as Markdown: markdown, captions, labels."""
    parts = [m.value for m in at.markdown] + [m.value for m in at.caption]
    parts += [e.label for e in at.expander] + [b.label for b in at.button]
    return "\n".join(parts)


def check_page(at: AppTest) -> None:
    from maslihat.search_app.behaviour import SCRIPT
    bodies = html_bodies(at)
    assert bodies.count(SCRIPT) <= 1, "the app's one script, installed once"
    assert_inert("\n".join(b for b in bodies if b != SCRIPT), markdown_text(at))


def params(at: AppTest) -> dict:
    return {k: at.query_params[k] for k in at.query_params}


def hit_heads(at: AppTest) -> list[str]:
    return [b for b in html_bodies(at) if b.startswith('<div><span class="ms-badge">')]


def facet_button(at: AppTest, facet: str, value: str):
    return next(b for b in at.button if b.key == f"facet:{facet}:{value}")


# search ---------------------------------------------------------------------------------------

def test_search_query_highlights_and_facet_filters(app_env):
    at = run()
    at.text_input(key="w_q").input("депутатский запрос").run()
    assert not at.exception
    assert params(at)["q"] == "депутатский запрос"
    bodies = html_bodies(at)
    assert any("<mark>" in b for b in bodies), "hits carry highlighted snippets"
    facet_button(at, "language", "ru").click().run()
    assert not at.exception
    assert params(at).get("f_language") == "ru"
    heads = hit_heads(at)
    assert heads and all(">RU<" in b for b in heads)
    assert any(b.key == "clear_filters" for b in at.button)


def test_status_filter_in_force_keeps_the_acts_not_known_to_be_repealed(app_env):
    """The sample corpus has repealed acts and acts whose texts say nothing of their status: the
    status facet offers «in force» for the latter (none is marked so), and choosing it keeps them
    and drops the repealed ones."""
    at = run({"q": "маслихат"})
    keys = {b.key for b in at.button if b.key.startswith("facet:status:")}
    assert keys == {"facet:status:in_force", "facet:status:repealed"}
    facet_button(at, "status", "in_force").click().run()
    assert not at.exception and params(at).get("f_status") == "in_force"
    assert hit_heads(at) and not any(i18n.value_label("status", "repealed", "ru") in b for b in hit_heads(at))
    assert {b.key for b in at.button if b.key.startswith("facet:status:")} == {"facet:status:in_force"}


def test_search_state_is_a_shareable_link(app_env):
    at = run({"q": "депутатский запрос", "f_language": "kk"})
    heads = hit_heads(at)
    assert heads and all(">KK<" in b for b in heads)
    assert at.text_input(key="w_q").value == "депутатский запрос"


def test_search_paging(app_env):
    at = run({"q": "депутат"})
    nxt = next(b for b in at.button if b.key == "next")
    nxt.click().run()
    assert params(at).get("p") == "2"
    assert any(i18n.t("page_of", "ru", page=2, pages="") in m.value for m in at.markdown)


def test_search_no_hits_suggests(app_env):
    at = run({"q": "ъъъщщщ", "lang": "kk"})
    assert at.warning and at.warning[0].value == i18n.t("no_hits", "ru")
    text = "\n".join(m.value for m in at.markdown)
    assert "обоих языках" in text


@pytest.mark.parametrize("ui,query,near", [("ru", "регламет AND сессия", "регламент"), ("kk", "хатамасы", "хаттама")])
def test_search_no_hits_offers_the_nearest_words(app_env, ui, query, near):
    """Nothing found for a misspelt word that is not corrected (strict syntax; Kazakh): the
    corpus's nearest words are offered, one click each."""
    at = run({"q": query, "ui": ui})
    assert md_escape(i18n.t("did_you_mean", ui)) in markdown_text(at)
    button = next(b for b in at.button if b.key.startswith("suggest:") and b.label == near)
    button.click().run()
    assert at.query_params["q"] == [near] or at.query_params["q"] == near
    assert not at.warning                                  # the suggestion finds provisions


@pytest.mark.parametrize("ui", ["kk", "ru", "en"])
def test_search_with_a_slip_or_in_latin_letters_says_what_was_searched(app_env, ui):
    """«депутатскй запрс» is searched as «депутатский запрос», «deputattyq saual» as «депутаттық
    сауал»; the page says which reading was made, in the interface's language."""
    for typed, meant, key in (("депутатскй запрс", "депутатский запрос", "searched_as_spelling"),
                              ("deputattyq saual", "депутаттық сауал", "searched_as_latin")):
        at = run({"q": typed, "ui": ui})
        captions = "\n".join(c.value for c in at.caption)
        assert md_escape(i18n.t(key, ui, query=meant)) in captions


@pytest.mark.parametrize("ui", ["kk", "ru", "en"])
def test_search_says_which_words_the_corpus_translated(app_env, ui):
    """«хатшылық» is in neither RU↔KK table; the sample corpus's aligned points translate it
    («секретариат»): the page says so, in the interface's language, and shows the hits."""
    at = run({"q": "мәслихат хатшылығы", "ui": ui})
    captions = "\n".join(c.value for c in at.caption)
    assert md_escape(i18n.t("aligned_terms", ui, pairs="хатшылық → секретариат")) in captions
    assert hit_heads(at)


@pytest.mark.parametrize("ui", ["kk", "ru", "en"])
def test_search_says_which_words_no_document_has(app_env, ui):
    """«визалаушы» is in no text of the sample corpus: the page says so, and that words beginning
    «визал…» were searched too, in the interface's language; the hits are still shown."""
    at = run({"q": "депутаттық сауалды визалаушы кім", "ui": ui})
    captions = "\n".join(c.value for c in at.caption)
    assert md_escape(i18n.t("unseen_kin", ui, words="визалаушы", prefixes="визал…")) in captions
    assert hit_heads(at)
    at = run({"q": "депутаттық сауал", "ui": ui})
    assert md_escape(i18n.t("unseen_kin", ui, words="", prefixes="")).split(":")[0] not in \
        "\n".join(c.value for c in at.caption)


@pytest.mark.parametrize("ui", ["kk", "ru", "en"])
def test_search_kazakh_typed_with_russian_letters_says_what_was_searched(app_env, ui):
    """«депутаттык сауал» (no Kazakh layout) is searched as «депутаттық сауал», and the page says so."""
    at = run({"q": "депутаттык сауал", "ui": ui})
    captions = "\n".join(c.value for c in at.caption)
    assert md_escape(i18n.t("searched_as", ui, query="депутаттық сауал")) in captions
    assert any(">KK<" in b for b in hit_heads(at)[:3])


def test_search_bad_filter_shows_api_error(app_env):
    at = run({"q": "запрос", "f_language": "xx"})
    assert at.error and "xx" in at.error[0].value


def test_no_corpus_tells_the_command(tmp_path, monkeypatch):
    db = tmp_path / "none" / "corpus.sqlite"
    monkeypatch.setenv("MASLIHAT_DB", str(db))
    at = run()
    assert at.info and str(db) in at.info[0].value
    assert any("maslihat ingest" in c.value for c in at.code)
    assert not db.exists(), "looking must not create an empty corpus"


# reader ---------------------------------------------------------------------------------------

def test_reader_links_references_and_marks_repeal(app_env, corpus, ids):
    at = run({"page": "reader", "doc": ids["ru"]})
    body = "\n".join(html_bodies(at))
    assert "ms-banner" in body, "a repealed act is clearly marked"
    assert 'class="ms-ref"' in body or 'class="ms-ext"' in body, "references are marked in the text"
    assert "ms-toc" in body
    refs = corpus.references(ids["ru"])
    assert refs
    resolved = [r for r in refs if r.resolved_unit_id]
    if resolved:
        assert "unit=" in body and 'class="ms-ref"' in body


@pytest.mark.parametrize("ui,label", [("ru", "Совместный акт с"), ("kk", "Бірлескен акт"), ("en", "Joint act with")])
def test_reader_names_the_second_act_of_a_joint_act(tmp_path, monkeypatch, ui, label):
    """A joint akimat-maslikhat act (tests/structure/test_amending_decisions.py, written by hand): the
    reader's requisites name the maslikhat's decision beside the akimat's resolution, in the UI's language."""
    from tests.structure.test_amending_decisions import JOINT_FILES
    for rel, text in JOINT_FILES.items():
        p = tmp_path / "in" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    db = str(tmp_path / "corpus.sqlite")
    c = Corpus(db=db, es_url="")
    c.ingest([str(tmp_path / "in")])
    joint = next(r["id"] for r in c.documents(latest_only=False) if r["number"] == "210" and r["language"] == "ru")
    c.close()
    monkeypatch.setenv("MASLIHAT_DB", db)
    monkeypatch.delenv("MASLIHAT_ES_URL", raising=False)
    at = run({"page": "reader", "doc": joint, "ui": ui})
    check_page(at)
    body = html.unescape("\n".join(html_bodies(at)))
    row = re.search(re.escape(label) + r"</th><td>([^<]*)</td>", body)
    assert row and "№ 41-5" in row.group(1) and "2019-06-03" in row.group(1), body[:3000]


def test_reader_unit_backlinks_and_citation(app_env, corpus, ids):
    units = corpus.units(ids["ru"])
    cited = next((u for u in units if corpus.backlinks(unit_id=u.id)), None)
    target = cited or next(u for u in units if u.kind == "point")
    at = run({"page": "reader", "doc": ids["ru"], "unit": target.id})
    body = "\n".join(html_bodies(at))
    assert i18n.t("cited_by", "ru") in body
    if cited:
        citing = corpus.backlinks(unit_id=cited.id)[0]
        assert "unit=" in body and citing.document_id.split("/")[-1] in body
    code = "\n".join(c.value for c in at.code)
    assert target.label in code, "a citation string is offered"


def test_reader_notes_at_their_units(app_env, corpus, ids):
    units = corpus.units(ids["ru"])
    notes = [u for u in units if u.kind == "note" and u.parent_id]
    assert notes, "seed 001 has notes on points 122, 127 and 130"
    at = run({"page": "reader", "doc": ids["ru"], "unit": notes[0].parent_id})
    assert "ms-note" in "\n".join(html_bodies(at))
    # «Изменения: … № … (изменено)»: what each amending act did to the provision, in the interface language
    owner = corpus.unit(notes[0].parent_id)
    assert owner.changed_in and all(a.get("change") for a in owner.changed_in)
    body = "\n".join(html_bodies(at))
    for a in owner.changed_in:
        assert f"№ {a['number']} ({message('change_' + a['change'], 'ru')})" in html.unescape(body)


def test_reader_unknown_document(app_env):
    at = run({"page": "reader", "doc": "no/such/doc"})
    assert not at.exception


# side by side and compare ----------------------------------------------------------------------

def test_side_by_side(app_env, ids):
    at = run({"page": "parallel", "doc": ids["ru"]})
    body = "\n".join(html_bodies(at))
    assert body.count("ms-pair") > 10
    assert "Регламента" in body and "регламентін" in body
    assert i18n.t("discrepancies", "ru", n=0).split(":")[0] in body


def test_compare_two_documents(app_env, ids):
    at = run({"page": "compare", "a": ids["ru"], "b": ids["kk"]})
    summary = "\n".join(m.value for m in at.markdown)
    assert re.search(r"\d", summary)
    assert any("ms-diff" in b for b in html_bodies(at))


def _city_and_district(tmp_path, monkeypatch) -> dict:
    """The two regulations of tests/compare/test_pair_merge.py (the district's п. 3 and п. 4 say
    what the city's п. 4 says), RU and KK, in a corpus the app reads: {file name: document id}."""
    from tests.compare.test_pair_merge import CITY, merged
    db = str(tmp_path / "corpus.sqlite")
    c = Corpus(db=db, es_url="")
    for name, text in (("district.txt", merged("ru")), ("city.txt", CITY["ru"]),
                       ("district_kk.txt", merged("kk")), ("city_kk.txt", CITY["kk"])):
        (tmp_path / name).write_text(text, encoding="utf-8")
    c.ingest([str(tmp_path / n) for n in ("district.txt", "city.txt", "district_kk.txt", "city_kk.txt")])
    ids = {r["source"].rsplit("/", 1)[-1]: r["id"] for r in c.documents(latest_only=False)}
    c.close()
    monkeypatch.setenv("MASLIHAT_DB", db)
    monkeypatch.delenv("MASLIHAT_ES_URL", raising=False)
    return ids


def test_compare_shows_a_provision_of_b_beside_each_of_the_two_it_merges(tmp_path, monkeypatch):
    """Two regulations (tests/compare/test_pair_merge.py): the city's п. 4 merges the district's
    п. 3 and п. 4. The page shows the city's point beside each of them, says «merged in B» with the
    other point, and counts it once; in Kazakh too."""
    ids = _city_and_district(tmp_path, monkeypatch)
    for ui, (a, b), first, city_4 in (
            ("ru", ("district.txt", "city.txt"), "п. 3", "председатели и члены постоянных комиссий избираются открытым"),
            ("kk", ("district_kk.txt", "city_kk.txt"), "3-тармақ", "тұрақты комиссиялардың төрағалары мен мүшелері ашық")):
        second = first.replace("3", "4")
        # B's point beside each of A's two; the quotable report names the merge
        _one_point_in_two_rows(ids[a], ids[b], ui, city_4, "merged", (first, second), f"{first} + {second} → {second}")


def test_compare_shows_a_provision_of_a_beside_each_of_the_two_that_say_it(tmp_path, monkeypatch):
    """The mirror (tests/compare/test_pair_split.py): the city (A) says in its п. 4 what the district
    (B) says in п. 3 and п. 4. The page shows the city's point beside each of them, says «split in B»
    with the other point, counts it once, never «only in B»; in Kazakh too."""
    ids = _city_and_district(tmp_path, monkeypatch)
    for ui, (a, b), own, other, city_4 in (
            ("ru", ("city.txt", "district.txt"), "п. 3", "п. 4", "4. На первой сессии маслихат образует из числа депутатов"),
            ("kk", ("city_kk.txt", "district_kk.txt"), "3-тармақ", "4-тармақ",
             "4. Бірінші сессияда мәслихат депутаттар арасынан")):
        # A's point beside each of B's two; the quotable report names the split
        _one_point_in_two_rows(ids[a], ids[b], ui, city_4, "split", (own, other), f"{other} → {own} + {other}")


def _one_point_in_two_rows(a: str, b: str, ui: str, point: str, kind: str, labels: tuple, report: str) -> None:
    """The Compare page of ``a`` and ``b`` shows ``point`` in two rows of ``kind`` («merged» in B, or its
    mirror «split»), each naming the other's label, the kind counted once, and the report's sentence."""
    at = run({"page": "compare", "a": a, "b": b, "ui": ui})
    check_page(at)
    body = "\n".join(html_bodies(at))
    assert body.count(point) == 2
    assert esc_t(f"kind_{kind}", ui) in body
    assert all(esc_t(f"cmp_{kind}_with", ui, labels=label) in body for label in labels)
    assert i18n.t(f"diff_{kind}", ui, n=1) in "\n".join(m.value for m in at.markdown)
    assert report in body


def esc_t(key: str, ui: str, **kw) -> str:
    from maslihat.search_app.safe import esc
    return esc(i18n.t(key, ui, **kw))


def test_compare_word_level_markup_is_escaped():
    from maslihat.search_app.worddiff import html
    out = html("пункт <b>1</b> старый", "пункт <b>1</b> новый")
    assert "<ins>новый</ins>" in out and "<del>старый</del>" in out
    assert "<b>" not in out and "&lt;b&gt;" in out


# competencies ----------------------------------------------------------------------------------

def test_competencies_flat_list_filters_and_export(app_env, corpus):
    from maslihat.search_app.views.competencies import filter_hits
    res = corpus.search("", filters={"competency": ["deputy_status"]}, limit=1000)
    assert res["total"] > 3
    at = run({"page": "competencies", "code": "deputy_status"})
    text = "\n".join(m.value for m in at.markdown)
    assert str(res["total"]) in text
    assert not at.expander, "one flat list, not a panel per act"
    assert len(at.dataframe[0].value) == res["total"]
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart"), "charts by type and year"
    box = at.selectbox(key="w_code_ru")
    assert all("(" + c + ")" not in box.format_func(c) for c in box.options), "labels without codes"
    at.selectbox(key="w_c_lang_ru").select("kk").run()
    assert params(at)["c_lang"] == "kk" and params(at)["code"] == "deputy_status"
    n_kk = sum(1 for h in res["hits"] if h["language"] == "kk")
    df = at.dataframe[0].value
    assert len(df) == n_kk and 0 < n_kk < res["total"]
    assert any(i18n.t("comp_shown", "ru", n=n_kk, total=res["total"]) == c.value for c in at.caption)
    links = list(df[i18n.t("comp_col_link", "ru")])
    assert all(x.startswith("?page=reader&") and "unit=" in x for x in links)
    # the export is the filtered list, each row with its citation
    shown = filter_hits(res["hits"], "kk", None, None)
    rows = export.rows(corpus, shown)
    assert len(rows) == n_kk and all(r["citation"] and r["language"] == "kk" for r in rows)
    # the same link, opened again, shows the same filtered list (the URL is the state)
    again = run(params(at))
    assert len(again.dataframe[0].value) == n_kk


def test_most_cited_acts_graph(app_env, corpus):
    at = run({"page": "competencies", "code": "sessions"})
    graphs = at.get("graphviz_chart")
    assert graphs, "a graph of the most-cited acts"
    dot = graphs[0].proto.spec
    top = corpus.cited_acts(1)[0]
    assert f'"a:{top["key"]}"' in dot and "->" in dot


def test_citation_graph_labels_cannot_break_out_of_their_quotes():
    from maslihat.search_app.views.competencies import citation_dot
    hostile = 'x"]; evil [label="<script>'
    dot = citation_dot({"documents": {"d1": hostile}, "edges": [{"from": "d1", "to": "k", "count": 2}]}, {"k": hostile})
    assert "\nevil" not in dot and '"]; evil' not in dot.replace('\\"', "")
    assert dot.count('label="x\\"]; evil [label=\\"<script>"') == 2


def test_upload_page_links_the_new_act(app_env, tmp_path, monkeypatch):
    db = str(tmp_path / "up.sqlite")
    text = open(next(iter(sorted(__import__("maslihat.core.config", fromlist=["x"]).samples_dir().glob("001_*.txt")))), "rb").read()
    out = uploads.ingest_uploads([("решение.txt", text)], db=db)
    assert out[0].outcome == "ingested" and len(out[0].documents) == 2
    assert {k for k, _ in out[0].kinds} == {"ru", "kk"}
    from maslihat.search_app.views.upload import detail
    assert detail(out[0], "kk") == "орыс тілі, шешім; қазақ тілі, шешім" or \
        set(detail(out[0], "kk").split("; ")) == {"орыс тілі, шешім", "қазақ тілі, шешім"}
    monkeypatch.setenv("MASLIHAT_DB", db)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["page"] = "upload"
    at.query_params["ui"] = "kk"
    at.session_state["upload_results"] = out
    at.run()
    body = "\n".join(html_bodies(at))
    assert all(f"doc={d.replace('/', '%2F')}" in body for d in out[0].documents), "each new document opens"
    assert "ru decision" not in body


def test_competency_labels_in_three_languages():
    for code in i18n.competency_codes():
        labels = {i18n.competency_label(code, ui) for ui in i18n.LANGS}
        assert all(labels)


# upload and export ----------------------------------------------------------------------------

def test_upload_helper_outcomes(tmp_path):
    db = str(tmp_path / "up.sqlite")
    text = ("Об утверждении правил\n\nРешение Тестового маслихата от 1 марта 2016 года № 5/1.\n\n"
            "      1. Депутат вправе направить запрос.\n").encode("utf-8")
    files = [("../../etc/решение.txt", text), ("big.txt", b"x" * 2048), ("empty.pdf", b"%PDF-1.4 broken")]
    seen = []
    out = uploads.ingest_uploads(files, db=db, limit=1024, on_outcome=lambda o, d, n: seen.append((d, n)))
    by = {o.name: o for o in out}
    assert by["big.txt"].outcome == "too_large"
    assert by["../../etc/решение.txt"].outcome == "ingested", by["../../etc/решение.txt"]
    assert by["empty.pdf"].outcome == "quarantined" and by["empty.pdf"].detail
    assert seen[-1] == (3, 3)
    c = Corpus(db=db)
    assert c.stats()["documents"] == 1 and c.stats()["quarantined"] == 1
    c.close()
    again = uploads.ingest_uploads(files[:1], db=db, limit=1024)
    assert again[0].outcome == "unchanged"


def test_safe_upload_names():
    taken: set[str] = set()
    assert uploads.safe_name("../../etc/passwd", taken) == "passwd"
    assert uploads.safe_name("a/b/решение 1.txt", taken) == "решение 1.txt"
    assert uploads.safe_name("решение 1.txt", taken) == "решение 1-2.txt"
    assert uploads.safe_name(".bashrc", taken) == "bashrc"


def test_upload_page_renders(app_env):
    at = run({"page": "upload"})
    assert any("МБ" in c.value for c in at.caption)


def test_export_rows_have_citations(corpus):
    res = corpus.search("депутатский запрос", limit=5)
    rows = export.rows(corpus, res["hits"])
    assert rows and all(r["citation"] for r in rows)
    csv_text = export.to_csv(rows).decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("unit_id,document_id,label")
    data = json.loads(export.to_json("депутатский запрос", {}, rows))
    assert data["results"][0]["citation"] == rows[0]["citation"]


def test_an_exported_item_of_a_list_keeps_the_words_that_open_it(corpus):
    rows = export.rows(corpus, corpus.search("кто подписывает решения маслихата", limit=5)["hits"])
    led = [r for r in rows if r["lead_in"]]
    assert led and all("маслихата:" in r["lead_in"] for r in led)
    header, first = list(csv.reader(io.StringIO(export.to_csv(led).decode("utf-8-sig"))))[:2]
    assert first[header.index("lead_in")] == led[0]["lead_in"]


def test_export_buttons_on_search_page(app_env):
    at = run({"q": "депутатский запрос"})
    assert len(at.get("download_button")) == 2


# interface language ---------------------------------------------------------------------------

@pytest.mark.parametrize("ui,title", [("kk", "Іздеу"), ("en", "Search"), ("ru", "Поиск")])
def test_language_switch(app_env, ui, title):
    at = run()
    at.selectbox(key="w_ui").select(ui).run()
    assert not at.exception
    assert at.title[0].value == title
    assert params(at).get("ui") == (None if ui == i18n.DEFAULT else ui)
    assert at.text_input(key="w_q").label == i18n.t("query", ui)


def test_interface_strings_complete():
    for key, entry in i18n.STRINGS.items():
        assert set(entry) == set(i18n.LANGS), key


# safety ---------------------------------------------------------------------------------------

ALLOWED_TAGS = {"div", "span", "a", "b", "i", "h3", "h4", "table", "tr", "th", "td", "ul", "li", "p", "br",
                "mark", "ins", "del", "style", "details", "summary"}
ALLOWED_ATTRS = {"class", "href", "target", "title", "style", "id", "data-token", "data-target"}
# Markdown-rendered strings must not carry a live link or image from document text
FORBIDDEN_MD = [re.compile(p, re.I) for p in (r"(?<!\\)<script", r"(?<!\\)<img", r"(?<!\\)\]\((?:javascript|http)",
                                              r"(?<!\\)!\[картинка")]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def assert_inert(markup: str, markdown: str = "") -> None:
    """Only the app's own tags and attributes exist in the HTML; Markdown carries no live links."""
    p = _Tags()
    p.feed(markup)
    for tag, attrs in p.tags:
        assert tag in ALLOWED_TAGS, f"unexpected element <{tag} {attrs}> on the page"
        assert set(attrs) <= ALLOWED_ATTRS, f"unexpected attribute on <{tag}>: {attrs}"
        assert not (attrs.get("href") or "").strip().lower().startswith("javascript"), attrs
    styles = re.findall(r"<style>(.*?)</style>", markup, re.S)
    assert all("body{display:none}" not in s for s in styles), "a document's <style> reached the page"
    for pat in FORBIDDEN_MD:
        m = pat.search(markdown)
        assert m is None, f"live Markdown from a document: {markdown[max(0, m.start() - 80):m.end() + 80]!r}"


def test_hostile_text_is_escaped_in_search(app_env):
    at = run({"q": "запрос акиму"})
    at.text_input(key="w_q").input("onerror").run()
    assert "&lt;img" in all_markup(at), "the hostile unit is found and shown escaped"
    check_page(at)
    at = run({"q": "Тестового"})
    assert "&lt;script&gt;" in all_markup(at)
    check_page(at)


def test_hostile_text_is_escaped_in_reader(app_env, corpus, ids):
    at = run({"page": "reader", "doc": ids["hostile"]})
    markup = all_markup(at)
    assert "&lt;script&gt;" in markup and "&lt;img" in markup
    check_page(at)
    for u in corpus.units(ids["hostile"])[:6]:
        check_page(run({"page": "reader", "doc": ids["hostile"], "unit": u.id}))


def test_hostile_text_is_escaped_elsewhere(app_env, ids):
    for p in ({"page": "compare", "a": ids["hostile"], "b": ids["ru"]},
              {"page": "competencies", "code": "inquiries"},
              {"page": "reader"}):
        check_page(run(p))


def test_snippet_sanitiser():
    from maslihat.search_app.safe import snippet_html
    s = snippet_html('a &lt;img src=x onerror=alert(1)&gt; <mark>запрос</mark> <b>x</b>')
    assert "<mark>запрос</mark>" in s and "<img" not in s and "<b>" not in s


# issue 13: small things -------------------------------------------------------------------------

def test_browsing_all_units_says_so_without_asking_for_a_query(app_env):
    at = run()
    text = "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)
    assert "Введите запрос" not in text
    assert any(m.value.startswith("**" + i18n.t("browse_all", "ru", total=0).split(":")[0]) for m in at.markdown)


def test_both_languages_tip_only_when_one_language_is_chosen(app_env):
    both = i18n.t("hint_other_language", "ru")
    at = run({"q": "ъъъщщщ"})
    assert both not in "\n".join(m.value for m in at.markdown), "both languages are already searched"
    at = run({"q": "ъъъщщщ", "lang": "ru"})
    assert both in "\n".join(m.value.replace("\\", "") for m in at.markdown)


def test_two_points_one_of_an_appendix_are_told_apart(app_env, corpus, ids):
    from maslihat.search_app.textview import appendix_place
    cache: dict = {}
    assert appendix_place(corpus, f"{ids['ru']}/point_1", cache) == ""
    assert appendix_place(corpus, f"{ids['ru']}/appendix_1/point_1", cache) == "прил. 1 «Регламент Кокшетауского городского маслихата»"
    at = run({"f_doc_type": "decision", "f_language": "ru", "f_kind": "point"})
    heads = hit_heads(at)
    assert any("прил. 1 «Регламент" in h for h in heads) and any("› " not in h for h in heads), \
        "the decision's own points carry no appendix, the regulation's do"


def test_switching_interface_language_keeps_codes_in_the_url(app_env):
    at = run({"q": "депутатский запрос", "lang": "ru"})
    at.selectbox(key="w_ui").select("kk").run()
    assert not at.exception and not at.error
    assert params(at).get("lang") == "ru" and params(at).get("ui") == "kk"
    at.radio(key="w_lang_kk").set_value("").run()
    assert not at.error and "lang" not in params(at)
    at.text_input(key="w_q").input("депутаттық сауал").run()
    assert not at.error and hit_heads(at)
    assert all(v.isascii() or k == "q" for k, v in params(at).items()), params(at)


def test_query_syntax_error_in_the_interface_language(app_env):
    at = run({"q": "депутат OR", "ui": "kk"})
    assert at.error and "сөз керек" in at.error[0].value and "needs" not in at.error[0].value


def test_amendments_in_the_interface_language(app_env, ids):
    at = run({"page": "reader", "doc": ids["ru"], "ui": "kk"})
    body = "\n".join(html_bodies(at))
    assert "1-тарау" in body and "122-тармақ" in body and "chapter 1" not in body


def test_hit_shows_its_counterpart_when_the_search_sends_one(app_env, corpus):
    res = corpus.search("депутатский запрос", limit=10)
    with_par = [h for h in res["hits"] if h.get("parallel_text")]
    assert with_par and len(with_par) < len(res["hits"]), "the sample has hits with and without a counterpart"
    at = run({"q": "депутатский запрос"})
    heads = hit_heads(at)
    assert len(heads) == len(res["hits"])
    assert sum('class="ms-par"' in h for h in heads) == len(with_par), "shown when present, absent otherwise"


@pytest.mark.parametrize("query", ["кто подписывает решения маслихата", "шешімдерге кім қол қояды"])
def test_a_list_item_shows_the_words_that_open_its_list(app_env, corpus, query):
    """«4) подписывает решения маслихата» alone does not say who signs: the card shows «64.
    Председатель сессии маслихата: …» above it, and nothing above a provision that is no list's item."""
    res = corpus.search(query, limit=10)
    led = [h for h in res["hits"] if h.get("lead_in")]
    assert led and len(led) < len(res["hits"]), "the sample has items of lists and other provisions"
    heads = hit_heads(run({"q": query}))
    assert len(heads) == len(res["hits"])
    assert sum('class="ms-lead"' in h for h in heads) == len(led)
    assert all(html.escape(h["lead_in"][:40]) in card for h, card in zip(res["hits"], heads) if h.get("lead_in"))


@pytest.mark.parametrize("ui,badge", [("kk", "Басқа тілдегі мәтіні бойынша табылды"),
                                      ("ru", "Найдено по тексту на другом языке"),
                                      ("en", "Found by its text in the other language")])
def test_a_hit_found_by_its_text_in_the_other_language_says_so(app_env, corpus, ui, badge):
    """A Kazakh question with the Russian results chosen: the Russian provisions ranked by their
    Kazakh text's match say so, in the interface's language, above that Kazakh text."""
    res = corpus.search("кезектен тыс сессияны кім шақырады", lang="ru", limit=10)
    found = [h for h in res["hits"] if h.get("matched_in") == "kk"]
    assert found and len(found) < len(res["hits"])
    at = run({"q": "кезектен тыс сессияны кім шақырады", "lang": "ru", "ui": ui})
    heads = hit_heads(at)
    assert len(heads) == len(res["hits"])
    assert sum(badge in h for h in heads) == len(found)
    other = {"kk": "Басқа тілдегі сәйкесі", "ru": "Соответствие на другом языке", "en": "Counterpart in the other language"}
    assert all(other[ui] in h for h in heads if badge not in h and 'class="ms-par"' in h)


@pytest.mark.parametrize("ui,needle", [("kk", "кірістірілген іздеу индексі жоқ"), ("ru", "нет встроенного поискового индекса"),
                                       ("en", "no embedded search index")])
def test_a_corpus_indexed_in_elasticsearch_opened_without_it(tmp_path, monkeypatch, ui, needle):
    """The app on a corpus whose search index is in Elasticsearch, without MASLIHAT_ES_URL: one
    line in the interface's language that says what to do, not a traceback or an empty result."""
    import shutil
    import sqlite3
    db = tmp_path / "c.sqlite"
    Corpus(str(db), es_url="").ingest([str(Path(APP).resolve().parents[1] / "corpus" / "samples")])
    conn = sqlite3.connect(db)
    for name in ("search_units", "search_fts", "search_docs", "search_meta", "search_unit_competency"):
        conn.execute(f"DROP TABLE IF EXISTS {name}")
    conn.commit()
    conn.close()
    shutil.rmtree(str(db) + "-snapshot", ignore_errors=True)
    monkeypatch.setenv("MASLIHAT_DB", str(db))
    monkeypatch.delenv("MASLIHAT_ES_URL", raising=False)
    at = run({"q": "депутат", "ui": ui})
    assert at.error and needle in at.error[0].value.replace("\\", "")
    assert "maslihat reindex" in at.error[0].value.replace("\\", "")



def test_search_typed_with_the_latin_layout_on_says_so(app_env):
    at = run({"q": "ltgenfncrbq pfghjc", "ui": "ru"})
    captions = "\n".join(c.value for c in at.caption)
    assert md_escape(i18n.t("searched_as_layout", "ru", query="депутатский запрос")) in captions
