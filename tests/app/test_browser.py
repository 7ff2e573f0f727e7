"""End to end in Debian's chromium (Playwright, sync API) against the app as ``maslihat serve`` runs it.

Screenshots go to test-artifacts/ (gitignored). Without /usr/bin/chromium the tests skip, or
fail when CI is set (scripts/install_browser.sh installs it).
"""
from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
WAIT = 60_000  # ms: a cold Streamlit rerun on a slow CI machine


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def chromium_path() -> str:
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: run scripts/install_browser.sh")
        pytest.skip(f"{CHROMIUM} not installed (scripts/install_browser.sh)")
    pytest.importorskip("playwright.sync_api")
    return CHROMIUM


@contextlib.contextmanager
def serving(db: str, log_name: str = "serve.log", keep_es: bool = False):
    """``search_app.launch.serve`` on ``db`` in its own process group on a free localhost port;
    yields the base URL and stops the launcher and the Streamlit it started, nothing else.
    The embedded back end unless ``keep_es`` (bench/app_latency.py: MASLIHAT_ES_URL kept)."""
    port = _free_port()
    env = dict(os.environ, MASLIHAT_DB=db)
    if not keep_es:
        env.pop("MASLIHAT_ES_URL", None)
    ARTIFACTS.mkdir(exist_ok=True)
    log = open(ARTIFACTS / log_name, "w")
    proc = subprocess.Popen([sys.executable, "-c", f"from maslihat.search_app.launch import serve; serve(port={port}, db={db!r})"],
                            env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            os.killpg(proc.pid, signal.SIGTERM)
            pytest.fail("the app did not start")
        time.sleep(0.3)
    try:
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


@pytest.fixture(scope="module")
def server(corpus_db, chromium_path):
    with serving(corpus_db) as base:
        yield base


@pytest.fixture(scope="module")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    ARTIFACTS.mkdir(exist_ok=True)
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ru-RU")
    pg = ctx.new_page()
    pg.set_default_timeout(WAIT)
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs
    yield pg
    ctx.close()


def open_app(pg, base: str, **params) -> None:
    pg.goto(base + "/" + (("?" + urlencode(params)) if params else ""))
    ready(pg)


def ready(page) -> None:
    """The app has rendered: the sidebar's language box is there and no rerun is running."""
    page.wait_for_selector("[data-testid=stSidebar] [data-testid=stSelectbox]")
    page.wait_for_function("!document.querySelector('[data-testid=stStatusWidget] button')"
                           " || !document.querySelector('[data-testid=stStatusWidget]').innerText.match(/Running|Stop/)")


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def assert_no_injected_markup(page) -> None:
    """No element or handler from document text exists in the DOM, and no alert fired."""
    found = page.evaluate("""() => {
        const bad = [];
        for (const s of document.querySelectorAll('script')) if ((s.textContent || '').includes('alert(1)')) bad.push('script');
        for (const el of document.querySelectorAll('img[onerror], [onmouseover], [onclick], img[src="x"]')) bad.push(el.outerHTML.slice(0, 80));
        for (const a of document.querySelectorAll('a[href^="javascript"]')) bad.push(a.outerHTML.slice(0, 80));
        return bad;
    }""")
    assert found == []
    assert page.dialogs == []


def test_search_facet_open_follow(server, page, ids, corpus):
    open_app(page, server)
    box = page.get_by_label(re.compile("Запрос"))
    box.fill("депутатский запрос")
    box.press("Enter")
    page.wait_for_selector(".ms-snippet mark")
    shot(page, "01-search")

    page.get_by_role("button", name=re.compile(r"^русский \(\d+\)")).click()
    page.wait_for_function("location.search.includes('f_language=ru')")
    page.get_by_role("button", name=re.compile(r"^✓ русский")).wait_for()
    # the rerun has replaced the hits: every hit's language badge says RU
    page.wait_for_function("""() => {
        const b = [...document.querySelectorAll('div:has(> .ms-hit-title) > .ms-badge:first-child')];
        return b.length > 0 && b.every(x => x.innerText.trim() === 'RU');
    }""")
    langs = page.locator("div:has(> .ms-hit-title) > .ms-badge:first-child").all_inner_texts()
    assert langs and set(langs) == {"RU"}
    shot(page, "02-facet")

    page.get_by_role("button", name=re.compile("Открыть")).first.click()
    page.wait_for_function("location.search.includes('page=reader')")
    page.get_by_role("heading", name="Содержание").wait_for()
    page.wait_for_selector(".ms-toc a")
    page.wait_for_selector(".ms-banner")
    assert page.locator(".ms-banner").count() == 1, "the repealed act is marked"
    shot(page, "03-reader")

    # follow an internal reference that the corpus resolved
    ref = next(r for r in corpus.references(ids["ru"]) if r.resolved_unit_id)
    open_app(page, server, page="reader", doc=ids["ru"], unit=ref.unit_id)
    link = page.locator("a.ms-ref").first
    link.wait_for()
    link.click()
    page.wait_for_function(f"decodeURIComponent(location.search).includes({ref.resolved_unit_id!r})")
    ready(page)
    target = corpus.unit(ref.resolved_unit_id)
    page.get_by_role("heading", name=re.compile(re.escape(target.label))).first.wait_for()
    page.get_by_text("Ссылаются сюда").first.wait_for()
    shot(page, "04-followed-reference")
    assert_no_injected_markup(page)


def test_side_by_side_and_compare(server, page, ids):
    open_app(page, server, page="parallel", doc=ids["ru"])
    page.wait_for_selector(".ms-pair")
    assert page.locator(".ms-pair").count() > 10
    shot(page, "05-side-by-side")

    open_app(page, server, page="compare", a=ids["ru"], b=ids["kk"])
    page.wait_for_selector(".ms-diff", state="attached")
    page.get_by_text(re.compile("Изменено: \\d+")).wait_for()
    # RU against KK: the pairs differ in language only, so they show with the unchanged ones
    page.locator("[data-testid=stRadio] label", has_text=re.compile(r"^всё \(\d+\)")).click()
    page.wait_for_selector(".ms-diff .ms-pair")
    shot(page, "06-compare")


def test_language_switch(server, page):
    open_app(page, server, ui="kk")
    page.get_by_role("heading", name="Іздеу").wait_for()
    open_app(page, server, ui="en", page="competencies", code="inquiries")
    page.get_by_role("heading", name="Competencies").wait_for()
    page.wait_for_selector("[data-testid=stVegaLiteChart], .vega-embed")
    shot(page, "07-competencies-en")


def test_hostile_document_stays_text(server, page, ids):
    open_app(page, server, q="onerror")
    page.wait_for_selector(".ms-snippet mark")
    page.get_by_text("<img src=x onerror=alert(1)>").first.wait_for()
    assert_no_injected_markup(page)
    open_app(page, server, page="reader", doc=ids["hostile"])
    page.get_by_text("<script>alert(1)</script>", exact=False).first.wait_for()
    assert_no_injected_markup(page)
    page.locator(".ms-text").first.wait_for(state="visible")   # the reader text is shown, not hidden by it
    hidden = page.evaluate("() => [...document.querySelectorAll('style')].some(s => s.textContent.includes('body{display:none}'))")
    assert not hidden, "the document's <style> became a style element"
    shot(page, "08-hostile-reader")


# issue 13: languages, history, the reader's place, phones ----------------------------------------

def search_box(page):
    return page.locator("[data-testid=stTextInput] input").first


def phone(browser, locale: str):
    """A phone-sized, touch browser context in ``locale`` and its page."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, locale=locale, is_mobile=True, has_touch=True)
    pg = ctx.new_page()
    pg.set_default_timeout(WAIT)
    return ctx, pg


def hits_shown(page) -> None:
    page.wait_for_selector(".ms-snippet mark")
    ready(page)


def in_view(page, selector: str) -> bool:
    """The element's top edge is on the screen (not above it, not below the fold)."""
    return page.evaluate("""(sel) => { const el = document.querySelector(sel); if (!el) return false;
        const r = el.getBoundingClientRect(); return r.top >= -2 && r.top < window.innerHeight - 20; }""", selector)


def test_interface_language_then_search_then_shared_link(server, page, browser):
    open_app(page, server)
    page.locator("[data-testid=stSidebar] [data-testid=stSelectbox] input[role=combobox]").click()
    page.get_by_role("option", name="Қазақша").click()
    page.get_by_role("heading", name="Іздеу").wait_for()
    page.wait_for_function("location.search.includes('ui=kk')")
    ready(page)
    # the search-language radio shows Kazakh labels; its value stays a code
    page.get_by_text("қазақ тілі", exact=True).click()
    page.wait_for_function("location.search.includes('lang=kk')")
    page.get_by_text("екі тілде де", exact=True).click()
    page.wait_for_function("!location.search.includes('lang=')")
    ready(page)
    box = search_box(page)
    box.fill("депутаттық сауал")
    box.press("Enter")
    hits_shown(page)
    assert page.locator("[data-testid=stAlertContentError]").count() == 0
    url = page.url
    assert "екі" not in url and "%D0%B5%D0%BA%D1%96" not in url.lower(), "labels never travel in the URL"
    shot(page, "09-kazakh-search")
    # a shared link opens the same search in a fresh browser
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    other = ctx.new_page()
    other.set_default_timeout(WAIT)
    other.goto(url)
    ready(other)
    other.wait_for_selector(".ms-snippet mark")
    assert other.locator("[data-testid=stAlertContentError]").count() == 0
    other.get_by_role("heading", name="Іздеу").wait_for()
    ctx.close()
    # a query-syntax error is in Kazakh too
    open_app(page, server, ui="kk", q="депутат OR")
    err = page.locator("[data-testid=stAlertContentError]").first
    err.wait_for()
    assert "сөз керек" in err.inner_text() and "needs" not in err.inner_text()


def test_one_action_one_history_entry_back_forward_reload(server, page):
    open_app(page, server, q="депутатский запрос")
    hits_shown(page)
    before = page.evaluate("history.length")
    first_title = page.locator(".ms-hit-title").first.inner_text()
    page.get_by_role("button", name=re.compile("Открыть")).first.click()
    page.wait_for_function("location.search.includes('page=reader')")
    page.wait_for_selector(".ms-anchor", state="attached")
    ready(page)
    reader_url = page.url
    assert page.evaluate("history.length") == before + 1, "opening a hit is one history entry"
    page.go_back()
    page.wait_for_function("!location.search.includes('page=reader')")
    hits_shown(page)
    assert page.locator(".ms-hit-title").first.inner_text() == first_title, "Back shows the results again"
    assert search_box(page).input_value() == "депутатский запрос"
    page.go_forward()
    page.wait_for_function("location.search.includes('page=reader')")
    page.wait_for_selector(".ms-anchor", state="attached")
    assert page.url == reader_url
    page.reload()
    ready(page)
    page.wait_for_selector(".ms-anchor", state="attached")
    assert page.url == reader_url, "a reload shows the current state"


def test_reader_opens_at_the_provision_with_its_links(server, page, corpus, ids):
    units = corpus.units(ids["ru"])
    refs = corpus.references(ids["ru"])
    late = [u for u in units if u.kind == "point" and u.part == 1 and any(r.unit_id == u.id and r.resolved_unit_id for r in refs)]
    target = late[-1] if late else next(u for u in units if u.id.endswith("appendix_1/point_130"))
    # scroll a long search far down first: the reader must not open halfway down its page
    open_app(page, server, q="депутат")
    hits_shown(page)
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(300)
    page.goto(server + "/?" + urlencode({"page": "reader", "doc": ids["ru"], "unit": target.id}))
    ready(page)
    page.wait_for_selector(".ms-anchor", state="attached")
    page.wait_for_function("""() => { const el = document.querySelector('.ms-anchor');
        const r = el.getBoundingClientRect(); return r.top >= -2 && r.top < window.innerHeight - 20; }""")
    assert in_view(page, ".ms-anchor"), "the provision is on screen when the reader opens"
    if late:  # its references are links in the provision itself, not only in the folded full text
        assert page.locator(".st-key-ms_unit a.ms-ref").count() > 0
    # side by side opens at the same provision
    page.locator(".st-key-ms_unit a", has_text="RU и KK рядом").first.click()
    page.wait_for_function("location.search.includes('page=parallel')")
    page.wait_for_selector(".ms-pair.focus")
    page.wait_for_function("""() => { const el = document.querySelector('.ms-pair.focus');
        const r = el.getBoundingClientRect(); return r.top >= -2 && r.top < window.innerHeight - 20; }""")
    assert target.label in page.locator(".ms-pair.focus").inner_text()
    shot(page, "10-side-by-side-at-provision")


def test_removing_a_facet_value_keeps_its_panel_open(server, page):
    open_app(page, server, q="депутатский запрос")
    hits_shown(page)
    page.locator("[data-testid=stExpander] summary", has_text="Год").click()  # folded by default
    page.get_by_role("button", name=re.compile(r"^\d{4} \(\d+\)")).first.click()
    page.wait_for_function("location.search.includes('f_year=')")
    chosen = page.get_by_role("button", name=re.compile(r"^✓ \d{4}"))
    chosen.wait_for()
    chosen.click()
    page.wait_for_function("!location.search.includes('f_year=')")
    ready(page)
    page.get_by_role("button", name=re.compile(r"^\d{4} \(\d+\)")).first.wait_for(state="visible")


def test_phone_layout(server, browser, ids, corpus):
    ctx, pg = phone(browser, "ru-RU")
    try:
        open_app(pg, server, q="депутатский запрос")
        hits_shown(pg)
        # the page's styles (the phone rules among them) may land a moment after the hits: wait
        # for the layout to settle rather than measure the first paint (CI saw 1973 px once)
        try:
            pg.wait_for_function("document.querySelector('.ms-hit-title').getBoundingClientRect().top < 844")
        except Exception:
            pass
        top = pg.evaluate("document.querySelector('.ms-hit-title').getBoundingClientRect().top")
        assert top < 844, f"the first result is on the first screen (at {top}px)"
        facet = pg.get_by_role("button", name=re.compile(r"^русский \(\d+\)"))
        assert not facet.is_visible(), "filters wait behind a button"
        shot(pg, "11-phone-results")
        pg.locator(".st-key-ms_filters_btn button").click()
        facet.wait_for(state="visible")
        facet.click()
        pg.wait_for_function("location.search.includes('f_language=ru')")
        # a provision deep in a long act: on screen, the contents folded
        unit = next(u for u in corpus.units(ids["ru"]) if u.id.endswith("appendix_1/point_130"))
        open_app(pg, server, page="reader", doc=ids["ru"], unit=unit.id)
        pg.wait_for_selector(".ms-anchor", state="attached")
        pg.wait_for_function("""() => { const el = document.querySelector('.ms-anchor');
            const r = el.getBoundingClientRect(); return r.top >= -2 && r.top < window.innerHeight - 20; }""")
        assert pg.evaluate("!document.querySelector('details.ms-phone').open"), "contents folded"
        assert not pg.locator(".ms-desk").first.is_visible()
        shot(pg, "12-phone-reader")
        # the navigation drawer closes once a page is chosen
        pg.locator("[data-testid=stExpandSidebarButton]").click()
        pg.wait_for_function("document.querySelector('[data-testid=stSidebar]').getAttribute('data-collapsed') === 'false'")
        pg.locator("[data-testid=stSidebar] [role=radiogroup] label", has_text="Компетенции").click()
        pg.wait_for_function("location.search.includes('page=competencies')")
        pg.wait_for_function("document.querySelector('[data-testid=stSidebar]').getAttribute('data-collapsed') === 'true'")
        shot(pg, "13-phone-after-navigation")
    finally:
        ctx.close()


def notice_then_back(server, browser, query: str, word: str, notice: str, name: str) -> None:
    """Kazakh interface at phone width: ``query`` shows its hits under ``notice``, the first on the
    first screen; after another search (no notice), Back returns to that answer and its notice."""
    ctx, pg = phone(browser, "kk-KZ")
    try:
        open_app(pg, server, q=query, ui="kk")
        hits_shown(pg)
        pg.get_by_text(notice).wait_for(state="visible")
        assert in_view(pg, ".ms-hit-title"), "the first result is on the first screen"
        shot(pg, name)
        open_app(pg, server, q="депутаттық сауал", ui="kk")
        hits_shown(pg)
        assert pg.get_by_text(notice).count() == 0
        pg.go_back()
        ready(pg)
        pg.wait_for_function(f"decodeURIComponent(location.search.replace(/\\+/g, ' ')).includes({word!r})")
        pg.get_by_text(notice).wait_for(state="visible")
    finally:
        ctx.close()


def test_phone_a_word_no_document_has_is_named_and_back_returns(server, browser):
    """A question with a word in no text («визалаушы») says which word no document has and which
    beginning was searched too."""
    notice_then_back(server, browser, "депутаттық сауалды визалаушы кім", "визалаушы",
                     "Ешбір құжатта жоқ: визалаушы", "15-phone-kk-unseen-word")


def test_phone_a_word_the_corpus_translated_is_named_and_back_returns(server, browser):
    """«хатшылық», which neither RU↔KK table knows, is translated by the sample corpus's aligned
    points («секретариат»); the page says so above its hits."""
    notice_then_back(server, browser, "мәслихат хатшылығы", "хатшылығы",
                     "Корпустың өз орысша және қазақша мәтіндері бойынша аударылды: хатшылық → секретариат",
                     "16-phone-kk-aligned-translation")


def test_phone_kazakh_status_in_force_keeps_current_law_and_back_returns(server, browser):
    """Kazakh interface at phone width: the status facet offers «қолданыста» (in force) for the
    acts not known to be repealed; choosing it drops the repealed ones' hits; Back returns to the
    unfiltered answer."""
    ctx, pg = phone(browser, "kk-KZ")
    try:
        open_app(pg, server, q="мәслихат сессиясы", ui="kk")
        hits_shown(pg)
        pg.locator(".st-key-ms_filters_btn button").click()
        status = pg.get_by_text("Мәртебе", exact=True)      # the status facet's expander
        status.wait_for(state="visible")
        current = pg.get_by_role("button", name=re.compile(r"^қолданыста \(\d+\)"))
        for _ in range(3):      # a rerun of the page may fold the expander again as it opens
            status.click()
            try:
                current.wait_for(state="visible", timeout=5000)
                break
            except Exception:
                continue
        current.wait_for(state="visible")
        assert pg.get_by_role("button", name=re.compile(r"^мәртебесі белгісіз")).count() == 0
        current.click()
        pg.wait_for_function("location.search.includes('f_status=in_force')")
        # the URL changes as the rerun starts: the unfiltered hits may still be on the page for a moment
        # (a CI run saw them), so wait for the filtered page; if the filter kept them, this times out
        pg.wait_for_function("document.querySelectorAll('.ms-badge.repealed').length === 0")
        hits_shown(pg)
        shot(pg, "17-phone-kk-status-in-force")
        assert pg.locator(".ms-badge.repealed").count() == 0, "no repealed act's provision is shown"
        pg.go_back()
        ready(pg)
        pg.wait_for_function("!location.search.includes('f_status')")
        hits_shown(pg)
    finally:
        ctx.close()


def test_kazakh_upload_and_competencies(server, page):
    open_app(page, server, page="upload", ui="kk")
    page.wait_for_selector("[data-testid=stFileUploaderDropzone]")
    texts = page.evaluate("""() => {
        const ins = document.querySelector('[data-testid=stFileUploaderDropzoneInstructions] > div');
        const btn = document.querySelector('[data-testid=stFileUploaderDropzone] button [data-testid=stMarkdownContainer]');
        return [getComputedStyle(ins, '::before').content, getComputedStyle(ins, '::after').content,
                getComputedStyle(btn, '::after').content, btn.querySelector('p') ? btn.querySelector('p').offsetParent === null : true,
                ins.querySelector('span') ? ins.querySelector('span').offsetParent === null : true]; }""")
    assert "Файлдарды" in texts[0] and "МБ" in texts[1] and "таңдау" in texts[2], texts
    assert texts[3] and texts[4], "Streamlit's English texts are hidden"
    shot(page, "14-kazakh-upload")
    open_app(page, server, page="competencies", ui="kk", code="deputy_status")
    page.wait_for_selector("[data-testid=stDataFrame]")
    assert "(deputy_status)" not in page.locator("[data-testid=stMain]").inner_text()
    shot(page, "15-kazakh-competencies")


def test_choosing_a_page_is_one_history_entry(server, page):
    open_app(page, server, q="депутат")
    hits_shown(page)
    before = page.evaluate("history.length")
    page.locator("[data-testid=stSidebar] [role=radiogroup] label", has_text="Сравнение").click()
    page.wait_for_function("location.search.includes('page=compare')")
    page.wait_for_selector(".ms-diff", state="attached")
    ready(page)
    assert page.evaluate("history.length") == before + 1
    page.go_back()
    page.wait_for_function("!location.search.includes('page=compare')")
    hits_shown(page)


def _phone_search_read_otherwise(server, browser, typed: str, meant: str, says: str, shot_name: str) -> None:
    """Kazakh interface on a phone: ``typed`` is searched as ``meant``, the page says so (``says``,
    within the screen's width), the first hit is Kazakh, and Back returns to the search before."""
    ctx, pg = phone(browser, "kk-KZ")
    word = typed.split()[0]
    try:
        open_app(pg, server, ui="kk", q="депутаттық сауал")
        hits_shown(pg)
        box = search_box(pg)
        box.fill(typed)
        box.press("Enter")
        pg.wait_for_function(f"decodeURIComponent(location.search.replace(/\\+/g, ' ')).includes({word!r})")
        ready(pg)
        note = pg.get_by_text(says, exact=False)
        note.wait_for(state="visible")
        assert meant in note.inner_text() and note.bounding_box()["width"] <= 390
        assert pg.locator(".ms-badge").first.inner_text() == "KK"      # the first hit is Kazakh
        shot(pg, shot_name)
        pg.go_back()
        pg.wait_for_function(f"!decodeURIComponent(location.search.replace(/\\+/g, ' ')).includes({word!r})")
        ready(pg)
        # the page run after Back may still be replacing the old page: wait for the note to go
        pg.get_by_text(says, exact=False).first.wait_for(state="detached")
        assert pg.get_by_text(says, exact=False).count() == 0
    finally:
        ctx.close()


def test_kazakh_typed_with_russian_letters_on_a_phone(server, browser):
    """A deputy on a phone without the Kazakh layout, Kazakh interface: the query is searched as
    Kazakh, the page says how, and Back returns to the search typed before."""
    _phone_search_read_otherwise(server, browser, "депутаттык сауал", "депутаттық сауал",
                                 "сұрауының нәтижелері көрсетілді", "16-phone-kazakh-without-its-letters")


def test_kazakh_written_in_latin_letters_on_a_phone(server, browser):
    """A deputy who writes Kazakh in the Latin alphabet, Kazakh interface, on a phone: the query is
    read as Cyrillic Kazakh, the page says so in Kazakh, and Back returns to the search before."""
    _phone_search_read_otherwise(server, browser, "deputattyq saual", "депутаттық сауал",
                                 "латын әліпбиінен оқылды", "16-phone-kazakh-in-latin-letters")


def test_a_kazakh_question_with_russian_results_on_a_phone(server, browser):
    """A deputy on a phone, Kazakh interface, asks in Kazakh and reads the Russian texts: the
    Russian provisions found by their Kazakh text say so in Kazakh, with that text, within the
    screen; Back returns to the search before."""
    ctx, pg = phone(browser, "kk-KZ")
    says = "Басқа тілдегі мәтіні бойынша табылды"
    try:
        open_app(pg, server, ui="kk", q="депутаттық сауал")
        hits_shown(pg)
        open_app(pg, server, ui="kk", q="кезектен тыс сессияны кім шақырады", lang="ru")
        badge = pg.get_by_text(says, exact=True).first
        badge.wait_for(state="visible")
        box = badge.locator("xpath=..").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert "Кезектен тыс" in badge.locator("xpath=..").inner_text()
        assert pg.locator(".ms-badge").first.inner_text() == "RU"
        shot(pg, "16-phone-found-by-its-kazakh-text")
        pg.go_back()
        pg.wait_for_function("!location.search.includes('lang=ru')")
        ready(pg)
        pg.get_by_text(says, exact=True).first.wait_for(state="detached")
        assert pg.get_by_text(says, exact=True).count() == 0
    finally:
        ctx.close()
