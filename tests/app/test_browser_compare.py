"""The Compare page in Debian's chromium: two different regulations side by side (paired by content,
filtered by kind of change, jumping from change to change) and the RU/KK discrepancy list."""
from __future__ import annotations

import re

import pytest

from maslihat.corpus.api import Corpus
from maslihat.core import config
from tests.app.test_browser import ARTIFACTS, browser, chromium_path, open_app, page, ready, serving, shot  # noqa: F401
from tests.compare.test_cli_compare import INSERTED, other_regulation

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def cmp_corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("cmp_src")
    (d / "other.txt").write_text(other_regulation(), encoding="utf-8")
    db = str(tmp_path_factory.mktemp("cmp_db") / "corpus.sqlite")
    c = Corpus(db=db, es_url="")
    c.ingest([str(config.samples_dir() / "001_56a79b46f786f9f7.txt"), str(d / "other.txt")])
    rows = c.store.document_rows(False)
    c.close()
    ids = {}
    for r in rows:
        ids[("other" if "2015-05-15" in r["id"] else "sample", r["language"])] = r["id"]
    assert {("other", "ru"), ("sample", "ru"), ("sample", "kk")} <= set(ids), ids
    return db, ids


@pytest.fixture(scope="module")
def server(cmp_corpus, chromium_path):
    with serving(cmp_corpus[0], "serve-compare.log") as base:
        yield base


def test_two_acts_side_by_side_filter_and_jump(server, page, cmp_corpus):
    _, ids = cmp_corpus
    open_app(page, server, page="compare", a=ids[("sample", "ru")], b=ids[("other", "ru")], ui="en")
    page.wait_for_selector(".ms-diff .ms-pair")
    page.get_by_text(re.compile("two different acts, provisions paired by what they say")).wait_for()
    # the quotable summary
    page.get_by_text(re.compile(r"Same wording: \d+; reworded: \d+; moved: \d+; renumbered: \d+")).wait_for()
    # a renumbered point paired with its counterpart, the deleted and the inserted point, the moved one
    pair = page.locator(".ms-pair", has_text="п. 25 / п. 24")
    assert pair.count() == 0 or "renumbered" in pair.first.inner_text()   # same points are hidden by default
    page.locator(".ms-pair.kind-only_a", has_text="п. 7 / —").first.wait_for()
    page.locator(".ms-pair.kind-only_b", has_text=INSERTED[:40]).first.wait_for()
    page.locator(".ms-pair.kind-moved", has_text="п. 9 / п. 10").first.wait_for()
    shot(page, "compare-01-two-acts")

    # jump: «next» goes to the following change and scrolls it into view
    first = page.locator(".ms-pair[id^=ms-chg-]").first
    nxt = first.locator(".ms-nav a", has_text="next")
    target = nxt.get_attribute("href")
    nxt.click()
    page.wait_for_function(f"location.hash === {target!r}")
    page.wait_for_function(f"""() => {{ const r = document.getElementById({target[1:]!r}).getBoundingClientRect();
                                       return r.top >= 0 && r.top < window.innerHeight; }}""")

    # filter: only the provisions present in A alone
    page.locator("[data-testid=stRadio] label", has_text=re.compile(r"^only in A \(\d+\)")).click()
    ready(page)
    page.wait_for_function("""() => { const p = [...document.querySelectorAll('.ms-diff .ms-pair')];
                                     return p.length > 0 && p.every(x => x.classList.contains('kind-only_a')); }""")
    assert page.locator(".ms-pair.kind-only_a", has_text="п. 7 / —").count() == 1
    shot(page, "compare-02-filtered")


def test_ru_kk_discrepancy_list(server, page, cmp_corpus):
    _, ids = cmp_corpus
    open_app(page, server, page="compare", a=ids[("sample", "ru")], b=ids[("sample", "kk")])
    page.wait_for_selector(".ms-discs .ms-disc")
    page.get_by_text(re.compile("Русский и казахский тексты акта")).wait_for()
    disc = page.locator(".ms-disc", has_text="подпись / қолтаңба")
    disc.wait_for()
    text = disc.inner_text()
    assert "разные числа" in text and "24" in text
    assert "Председатель 24 внеочередной сессии" in text and "кезектен тыс сессияның" in text
    assert page.locator(".ms-disc", has_text="п. 130 / 130-тармақ").count() == 1
    assert page.locator(".ms-disc").count() == 2           # nothing false beside the two real findings
    shot(page, "compare-03-ru-kk")
    open_app(page, server, page="compare", a=ids[("sample", "ru")], b=ids[("sample", "kk")], ui="kk")
    page.locator(".ms-disc", has_text="сандар әртүрлі").first.wait_for()


def test_two_acts_in_two_languages(server, page, cmp_corpus):
    """A Russian act against a Kazakh one: paired through the Kazakh act's Russian text, said so."""
    _, ids = cmp_corpus
    open_app(page, server, page="compare", a=ids[("other", "ru")], b=ids[("sample", "kk")], ui="kk")
    page.wait_for_selector(".ms-diff .ms-pair")
    page.get_by_text(re.compile("мәтіні арқылы салыстырылды")).wait_for()
    page.locator(".ms-pair.kind-moved", has_text="п. 10 / 9-тармақ").first.wait_for()
    shot(page, "compare-04-two-languages")


@pytest.fixture(scope="module")
def merge_server(tmp_path_factory, chromium_path):
    """Two regulations whose B merges two neighbouring points of A (tests/compare/test_pair_merge.py)."""
    from tests.compare.test_pair_merge import CITY, merged
    d = tmp_path_factory.mktemp("merge_src")
    (d / "district.txt").write_text(merged("ru"), encoding="utf-8")
    (d / "city.txt").write_text(CITY["ru"], encoding="utf-8")
    db = str(tmp_path_factory.mktemp("merge_db") / "corpus.sqlite")
    c = Corpus(db=db, es_url="")
    c.ingest([str(d / "district.txt"), str(d / "city.txt")])
    ids = {r["source"].rsplit("/", 1)[-1]: r["id"] for r in c.store.document_rows(False)}
    c.close()
    with serving(db, "serve-compare-merge.log") as base:
        yield base, ids


def test_a_provision_of_b_merging_two_of_a_is_shown_beside_each(merge_server, page):
    base, ids = merge_server
    _two_rows_one_point(page, base, ids["district.txt"], ids["city.txt"], "merged",
                        ("п. 3 / п. 4", "in B together with п. 4"), ("п. 4 / п. 4", "in B together with п. 3"),
                        r"Merged into one provision of B: п\. 3 \+ п\. 4 → п\. 4", "compare-03-merged")


def test_a_provision_of_a_said_by_two_of_b_is_shown_beside_each(merge_server, page):
    """The mirror of the merge (tests/compare/test_pair_split.py): the city (A) against the district
    (B), whose п. 3 and п. 4 say what the city's п. 4 says: the city's point beside each, the second
    row «split in B», each naming the other, the report's sentence, the «split in B» filter."""
    base, ids = merge_server
    _two_rows_one_point(page, base, ids["city.txt"], ids["district.txt"], "split",
                        ("п. 4 / п. 3", "in B also said in п. 4"), ("п. 4 / п. 4", "in B also said in п. 3"),
                        r"One provision of A said in several of B: п\. 4 → п\. 3 \+ п\. 4", "compare-05-split")


def _two_rows_one_point(page, base, a: str, b: str, kind: str, first: tuple, second: tuple, sentence: str,
                        shot_name: str) -> None:
    """A comparison where one point stands in two rows (a merge, or its mirror, a split): each row
    (its labels, and the note naming the other) found, the city's point beside both, the report's
    sentence, then the kind's filter keeping only the second row."""
    open_app(page, base, page="compare", a=a, b=b, ui="en")
    page.wait_for_selector(".ms-diff .ms-pair")
    one = page.locator(".ms-pair", has_text=first[0])
    two = page.locator(f".ms-pair.kind-{kind}", has_text=second[0])
    one.wait_for()
    two.wait_for()
    assert first[1] in one.inner_text()
    assert f"{kind} in B" in two.inner_text() and second[1] in two.inner_text()
    for row in (one, two):                                   # the city's point beside each of the two
        assert "председатели и члены постоянных комиссий избираются открытым" in row.inner_text()
    page.get_by_text(re.compile(sentence)).wait_for()
    two.scroll_into_view_if_needed()
    shot(page, shot_name)
    page.locator("[data-testid=stRadio] label", has_text=re.compile(rf"^{kind} in B \(1\)")).click()
    ready(page)
    page.wait_for_function(f"""() => {{ const p = [...document.querySelectorAll('.ms-diff .ms-pair')];
                                     return p.length === 1 && p[0].classList.contains('kind-{kind}'); }}""")
