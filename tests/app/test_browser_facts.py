"""The facts page in Debian's chromium: pick a kind and a subject, read every act's value in RU
and KK, follow a provision into the reader; a search hit shows its fact (issue 15)."""
from __future__ import annotations

import re

import pytest

from tests.app.test_browser import (ARTIFACTS, browser, chromium_path, open_app, page, ready,  # noqa: F401
                                    server, shot, assert_no_injected_markup)

pytestmark = pytest.mark.browser


def test_comparison_table_of_the_inquiry_deadline(server, page):
    open_app(page, server, page="facts", fk="deadline", fs="inquiry_answer")
    page.wait_for_selector("table.facts-table")
    row = page.locator("table.facts-table tbody tr").filter(has_text="Кокшетау")
    assert row.count() == 1
    ru = row.locator("td.facts-ru").inner_text()
    kk = row.locator("td.facts-kk").inner_text()
    assert "1 мес." in ru and "не позднее одного месяца" in ru
    assert "1 мес." in kk and "бір айдан" in kk
    assert "≠" not in row.inner_text()
    shot(page, "facts-01-inquiry")
    assert_no_injected_markup(page)

    # the provision opens in the reader
    row.locator("td.facts-ru a").first.click()
    page.wait_for_function("location.search.includes('page=reader') && location.search.includes('point_62')")
    ready(page)
    shot(page, "facts-02-reader")


def test_pick_kind_and_subject_in_kazakh(server, page):
    open_app(page, server, page="facts", ui="kk")
    page.get_by_label("Нені салыстыру").click()
    page.get_by_role("option", name="кворум").click()
    page.wait_for_function("location.search.includes('fk=quorum')")
    page.get_by_label("Неге қатысты").click()
    page.get_by_role("option", name="сессия кворумы").click()
    page.wait_for_function("location.search.includes('fs=session_quorum')")
    page.wait_for_function("() => [...document.querySelectorAll('table.facts-table td.facts-kk')]"
                           ".some(td => td.innerText.includes('үштен екісі'))")
    text = page.locator("table.facts-table").inner_text()
    assert "2/3" in text and "жалпы санынан" in text
    shot(page, "facts-03-quorum-kk")


def test_search_hit_shows_its_fact(server, page):
    open_app(page, server)
    box = page.get_by_label(re.compile("Запрос"))
    box.fill("ответ на депутатский запрос")
    box.press("Enter")
    page.wait_for_selector(".ms-facts")
    facts = page.locator(".ms-facts").all_inner_texts()
    assert any("срок: не позднее 1 мес." in f for f in facts)
    shot(page, "facts-04-hit")
