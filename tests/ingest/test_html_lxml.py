"""HTML pages are read from lxml's tree without BeautifulSoup (issue 14: its import and tree were
most of the HTML reading time), with the same text and the same reader warnings, RU and KK; what
that path does not cover is read through BeautifulSoup as before."""
import os
import subprocess
import sys

import pytest

from maslihat.ingest.limits import captured_warnings
from maslihat.ingest.readers import _lxml_text, _soup_text, html_to_text

PAGE_RU = """<!DOCTYPE html><html><head><title>Решение</title><style>p {color: red}</style>
<script>var x = "<p>не текст</p>";</script></head>
<body><nav>Меню сайта</nav>
<h1>О бюджете  района</h1><!-- служебный комментарий -->
<p>Маслихат района <b>РЕШИЛ</b>:<br>1. Утвердить бюджет&nbsp;на 2020 год.</p>
<div>Текст <span>внутри</span> блока<div>вложенный блок</div>хвост</div>
<table><tr><th>Статья</th><th>Сумма</th></tr>
<tr><td>Доходы <!-- x --> всего</td><td>1 000<script>y()</script> тенге</td></tr>
<tr><td><table><tr><td>вложенная</td></tr></table></td><td><ruby>漢<rt>kan</rt></ruby> знак</td></tr></table>
<p>Секретарь маслихата</p><footer>© сайт</footer></body></html>"""
PAGE_KK = """<html><body><p>Аудандық мәслихат <i>ШЕШІМ ҚАБЫЛДАДЫ</i>:</p>
<ol><li>Бюджет бекітілсін.</li><li>Осы шешім   алғашқы ресми жарияланған<br/>күнінен бастап қолданысқа енгізіледі.</li></ol>
<table><tbody><tr><td>Кірістер</td><td></td></tr><tr><td> </td><td>  </td></tr></tbody></table>
<pre>  алдын ала  пішімделген </pre><p>Мәслихат хатшысы</p>"""


def _read(fn, markup):
    with captured_warnings("pypdf") as warns:
        text = fn(markup)
    return text, list(warns)


@pytest.mark.parametrize("page", [PAGE_RU, PAGE_KK])
def test_same_text_as_through_beautifulsoup(page):
    assert _lxml_text(page) is not None          # read from lxml's tree
    assert _read(html_to_text, page) == _read(_soup_text, page)
    text = html_to_text(page)
    assert "Меню" not in text and "не текст" not in text and "комментарий" not in text


def test_blocks_lines_and_table_cells():
    ru = html_to_text(PAGE_RU).split("\n\n")
    assert ru[:3] == ["О бюджете района", "Маслихат района РЕШИЛ:\n1. Утвердить бюджет\xa0на 2020 год.",
                      "Текст внутри блока"]
    assert "Доходы всего\t1 000 тенге" in html_to_text(PAGE_RU)      # no comment, no script in a cell
    assert "漢 знак" in html_to_text(PAGE_RU)                        # <rt> left out of a cell, as before
    kk = html_to_text(PAGE_KK)
    assert "Осы шешім алғашқы ресми жарияланған\nкүнінен бастап қолданысқа енгізіледі." in kk
    assert "Кірістер\t" in kk


@pytest.mark.parametrize("markup", [
    "<?xml version='1.0'?><act><p>Решение маслихата</p></act>",   # BeautifulSoup warns: XML as HTML
    "<html><head><title>Шешім</title></head><body></body></html>",  # no text: the title
    "<html><body>" + "<div>" * 300 + "Решение" + "</div>" * 300 + "</body></html>",
])
def test_what_the_lxml_path_leaves_is_read_as_before(markup):
    assert _lxml_text(markup) is None
    assert _read(html_to_text, markup) == _read(_soup_text, markup)


def test_a_plain_page_does_not_import_beautifulsoup():
    code = ("import sys\nfrom maslihat.ingest.readers import html_to_text\n"
            f"assert html_to_text({PAGE_KK!r})\nprint('bs4' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ),
                         check=True)
    assert out.stdout.strip() == "False"
