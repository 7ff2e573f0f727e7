"""End to end in Debian's chromium (Playwright, sync API) against the app as ``maslihat serve`` runs it.

Screenshots go to test-artifacts/ (gitignored). Without /usr/bin/chromium the tests skip, or
fail when CI is set (scripts/install_browser.sh installs it).
"""
from __future__ import annotations

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


@pytest.fixture(scope="module")
def server(corpus_db, chromium_path):
    """``search_app.launch.serve`` in its own process group on a free localhost port."""
    port = _free_port()
    env = dict(os.environ, MASLIHAT_DB=corpus_db)
    env.pop("MASLIHAT_ES_URL", None)
    ARTIFACTS.mkdir(exist_ok=True)
    log = open(ARTIFACTS / "serve.log", "w")
    proc = subprocess.Popen([sys.executable, "-c", f"from maslihat.search_app.launch import serve; serve(port={port}, db={corpus_db!r})"],
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
    yield base
    os.killpg(proc.pid, signal.SIGTERM)  # the launcher and the streamlit it started, nothing else
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
    log.close()


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
    page.wait_for_selector(".ms-diff")
    page.get_by_text(re.compile("Изменено: \\d+")).wait_for()
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
