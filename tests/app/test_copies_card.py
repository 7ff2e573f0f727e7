"""Issues 16 and 12: a result card whose provision other acts state word for word (hit ``copies``)
says «Также в: …» / «Мына актілерде де бар: …» / «Also in: …» with a link to each of those
provisions in the reader, the other acts' titles escaped; a card of a provision no other act
states says nothing of the kind. RU and KK acts, the interface in ru, kk and en; the same in
chromium."""
from __future__ import annotations

import html
from urllib.parse import parse_qs

import pytest

from maslihat.corpus.api import Corpus
from maslihat.search_app.i18n import t
from tests.app.test_browser import assert_no_injected_markup, browser, chromium_path, open_app, ready, serving, shot  # noqa: F401
from tests.app.test_pages import check_page, hit_heads, run
from tests.index.test_copies_listed import CASES, FILES

HOSTILE = 'Павлодарского <b onmouseover="alert(1)">x</b>'     # a title is the act's own text: untrusted
# the third regulation's title carries markup (RU: in its name; KK: the same in its first line)
CARD_FILES = {**FILES, "reg_ru_2.txt": FILES["reg_ru_2.txt"].replace("Павлодарского", HOSTILE, 2),
              "reg_kk_2.txt": FILES["reg_kk_2.txt"].replace("Павлодар", 'Павлодар <b onmouseover="alert(1)">x</b>', 2)}


@pytest.fixture(scope="module")
def copies_db(tmp_path_factory) -> str:
    d = tmp_path_factory.mktemp("copies_card")
    (d / "in").mkdir()
    for name, text in CARD_FILES.items():
        (d / "in" / name).write_text(text, encoding="utf-8")
    c = Corpus(db=str(d / "c.sqlite"), es_url="")
    c.ingest([str(d / "in")])
    c.close()
    return str(d / "c.sqlite")


@pytest.fixture()
def copies_env(copies_db, monkeypatch):
    monkeypatch.setenv("MASLIHAT_DB", copies_db)
    monkeypatch.delenv("MASLIHAT_ES_URL", raising=False)
    return copies_db


def _links(card: str) -> list[dict]:
    """The query parameters of each link of the card's «also in» line."""
    line = card.split('class="ms-copies"', 1)[1]
    return [{k: v[0] for k, v in parse_qs(html.unescape(href).lstrip("?")).items()}
            for href in line.split('href="')[1:] for href in [href.split('"', 1)[0]]]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("ui", ["ru", "kk", "en"])
def test_a_card_names_and_links_the_other_acts_stating_its_provision(copies_env, copies_db, case, ui):
    lang, common, own = case[0], case[1], case[2]
    c = Corpus(db=copies_db, es_url="")
    try:
        res = c.search(common, lang=lang, limit=10)
        alone = c.search(own, lang=lang, limit=10)
    finally:
        c.close()
    with_copies = [h for h in res["hits"] if h["copies"]]
    assert len(with_copies) >= 2, "the common point and its copy on the first page"
    at = run({"q": common, "lang": lang, "ui": ui})
    heads = hit_heads(at)
    assert len(heads) == len(res["hits"])
    assert sum('class="ms-copies"' in h for h in heads) == len(with_copies), "shown when present, absent otherwise"
    for h, card in zip(res["hits"], heads):
        if not h["copies"]:
            continue
        assert html.escape(t("also_in", ui)) in card
        assert [(q["page"], q["doc"], q["unit"]) for q in _links(card)] == \
            [("reader", e["document_id"], e["unit_id"]) for e in h["copies"]]
        for e in h["copies"]:
            assert html.escape(e["title"][:40]) in card and html.escape(e["label"]) in card
    body = "\n".join(heads)
    assert 'onmouseover="alert(1)"' not in body and "&lt;b onmouseover=&quot;alert(1)&quot;&gt;" in body
    check_page(at)
    # a provision of one act only: no «also in»
    heads = hit_heads(run({"q": own, "lang": lang, "ui": ui}))
    assert len(heads) == len(alone["hits"])
    mine = [k for k, h in enumerate(alone["hits"]) if case[5] in h["text"].lower()]
    assert mine and not alone["hits"][mine[0]]["copies"] and 'class="ms-copies"' not in heads[mine[0]]
    assert sum('class="ms-copies"' in h for h in heads) == sum(1 for h in alone["hits"] if h["copies"])


@pytest.mark.browser
def test_browser_also_in_opens_the_other_act_at_its_provision(copies_db, browser):
    """In chromium: the Russian card says «Также в:», its link opens the reader at the other act's
    point, and the markup of a title stays text."""
    lang, common = CASES[0][0], CASES[0][1]
    c = Corpus(db=copies_db, es_url="")
    try:
        first = next(h for h in c.search(common, lang=lang, limit=10)["hits"] if h["copies"])
    finally:
        c.close()
    target = first["copies"][0]
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ru-RU")
    page = ctx.new_page()
    page.set_default_timeout(60_000)
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    try:
        with serving(copies_db, "serve-copies.log") as base:
            open_app(page, base, q=common, lang=lang)
            line = page.locator(".ms-copies").first
            line.wait_for()
            assert line.inner_text().startswith("Также в:")
            assert page.locator(".ms-copies", has_text="<b onmouseover").count() >= 1   # shown as text
            assert_no_injected_markup(page)
            shot(page, "copies-also-in")
            line.locator("a").first.click()
            page.wait_for_function("location.search.includes('page=reader')")
            ready(page)
            assert parse_qs(page.evaluate("location.search").lstrip("?"))["unit"] == [target["unit_id"]]
            page.wait_for_selector(".ms-anchor", state="attached")
            assert target["label"].split()[-1] in page.locator(".st-key-ms_unit").inner_text()
    finally:
        ctx.close()

