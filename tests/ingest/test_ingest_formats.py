"""Every supported format and encoding gives the same documents; fixtures are written here
with the libraries themselves (python-docx, reportlab, codecs)."""
from pathlib import Path
import os

import pytest

from maslihat.ingest.pipeline import load_file

RU_TITLE = "Об утверждении Регламента Кокшетауского городского маслихата"
RU_REQ = ("Решение Кокшетауского городского маслихата Акмолинской области от 20 марта 2014 года № С-24/4. "
          "Зарегистрировано Департаментом юстиции Акмолинской области 28 апреля 2014 года № 4138.")
RU_BODY = ["1. Утвердить прилагаемый Регламент Кокшетауского городского маслихата.",
           "2. Настоящее решение вступает в силу со дня государственной регистрации в Департаменте "
           "юстиции Акмолинской области и вводится в действие со дня официального опубликования."]
KK_TITLE = "Көкшетау қалалық мәслихатының регламентін бекіту туралы"
KK_REQ = ("Ақмола облысы Көкшетау қалалық мәслихатының 2014 жылғы 20 наурыздағы № С-24/4 шешімі. "
          "Ақмола облысының Әділет департаментінде 2014 жылғы 28 сәуірде № 4138 болып тіркелді.")
KK_BODY = ["1. Қоса беріліп отырған Көкшетау қалалық мәслихатының регламенті бекітілсін.",
           "2. Осы шешім Ақмола облысының Әділет департаментінде мемлекеттік тіркелген күннен бастап "
           "күшіне енеді және ресми жарияланған күннен бастап қолданысқа енгізіледі."]
ACTS = {"ru": (RU_TITLE, RU_REQ, RU_BODY), "kk": (KK_TITLE, KK_REQ, KK_BODY)}


def _lines(lang):
    title, req, body = ACTS[lang]
    return [title, req, *body]


def _check(doc, lang):
    title, _, body = ACTS[lang]
    assert doc.language == lang
    assert doc.title == title
    assert doc.doc_type == "decision"
    assert (doc.adopted_date, doc.number) == ("2014-03-20", "С-24/4")
    assert doc.registration["number"] == "4138"
    assert body[0] in doc.text
    assert doc.id == f"kz-akm-kokshetau.maslikhat/decision/2014-03-20/s-24-4/{lang}"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("lang, encoding", [
    ("ru", "utf-8"), ("kk", "utf-8"), ("ru", "utf-8-sig"), ("kk", "utf-8-sig"),
    ("ru", "utf-16"), ("kk", "utf-16"),            # with BOM
    ("ru", "utf-16-le"), ("kk", "utf-16-le"),      # without BOM: recognised by NUL parity
    ("ru", "utf-16-be"), ("kk", "utf-16-be"),
    ("ru", "cp1251"), ("ru", "koi8-r"),            # Kazakh letters do not exist in these
    ("kk", "kz1048"),                              # the Kazakh Windows code page
])
def test_txt_encodings(tmp_path, lang, encoding):
    text = "\r\n".join(_lines(lang)).replace("№", "N" if encoding == "koi8-r" else "№")
    docs = load_file(_write(tmp_path, f"act.{lang}.txt", text.encode(encoding)), f"act.{lang}.txt")
    assert len(docs) == 1
    _check(docs[0], lang)


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_cp1251_and_koi8r_are_never_confused_on_seed_lines(tmp_path, seed_text, encoding):
    lines = [l for l in seed_text("001").splitlines()[:40] if l.strip() and "№" not in l][:12]
    text = "\n".join(lines)
    docs = load_file(_write(tmp_path, "seed.txt", text.encode(encoding, errors="strict")), "seed.txt")
    assert docs[0].original == text


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_html_keeps_blocks_and_drops_chrome(tmp_path, lang):
    title, req, body = ACTS[lang]
    page = f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<style>p {{ color: red }}</style><script>var x = "Утратило силу";</script></head>
<body><nav>Главная | Басты бет</nav><header>zan.gov.kz</header>
<h1>{title}</h1><p class="requisite">{req}</p>
<p>{body[0]}</p><p>{body[1]}</p>
<p><i>Председатель</i><br><i>сессии</i></p>
<table><tr><th>№</th><th>Атауы</th></tr><tr><td>1</td><td>Тариф</td></tr></table>
<aside>Реклама</aside><footer>© 2024</footer></body></html>"""
    doc, = load_file(_write(tmp_path, f"act.{lang}.html", page.encode("utf-8")), f"act.{lang}.html")
    _check(doc, lang)
    lines = doc.text.split("\n")
    assert lines[0] == title and lines[2] == req                 # heading and paragraph are blocks
    assert "Председатель\nсессии" in doc.text                    # <br> is a line break
    assert "1\tТариф" in lines                                    # table row -> tab-separated cells
    for chrome in ("Главная", "zan.gov.kz", "Реклама", "©", "color", "var x"):
        assert chrome not in doc.text
    assert doc.status == "unknown"                               # the script's words were not read


@pytest.mark.parametrize("lang,codec,charset", [("ru", "cp1251", "windows-1251"), ("kk", "kz1048", "kz-1048")])
def test_html_in_legacy_code_page_meta_charset(tmp_path, lang, codec, charset):
    """Kazakh letters are not in cp1251; Kazakh pages of that era use KZ-1048."""
    title, req, body = ACTS[lang]
    page = f'<html><head><meta charset="{charset}"></head><body><h1>{title}</h1><p>{req}</p>' \
           f'<p>{body[0]}</p></body></html>'
    doc, = load_file(_write(tmp_path, "a.htm", page.encode(codec)), "a.htm")
    _check(doc, lang)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_markdown_markup_is_removed(tmp_path, lang):
    title, req, body = ACTS[lang]
    escaped = body[0].replace("1.", "1\\.", 1)          # markdown escapes a point number: 1\.
    md = "\n".join([f"# {title}", "", f"**{req}**", "", "> *Сноска. Примечание.*", "",
                    escaped + "  ", f"[{body[1]}](http://zan.gov.kz)", "",
                    "| № | Атауы |", "|---|---|", "| 1 | Тариф |", '<a id="z5"></a>', ""])
    doc, = load_file(_write(tmp_path, f"act.{lang}.md", md.encode("utf-8")), f"act.{lang}.md")
    _check(doc, lang)
    for mark in ("#", "**", "> ", "\\.", "](", "<a", "|"):
        assert mark not in doc.text
    assert "1\tТариф" in doc.text.split("\n")


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_docx_paragraphs_and_tables(tmp_path, lang):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in _lines(lang):
        d.add_paragraph(line)
    table = d.add_table(rows=2, cols=2)
    for r, row in enumerate((("№", "Атауы"), ("1", "Тариф"))):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.add_paragraph("Хатшы" if lang == "kk" else "Секретарь")
    path = tmp_path / f"act.{lang}.docx"
    d.save(path)
    doc, = load_file(path, path.name)
    _check(doc, lang)
    lines = doc.text.split("\n")
    assert "1\tТариф" in lines and lines.index("1\tТариф") < len(lines) - 1   # table kept in place


def _font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    for path in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",):
        if Path(path).exists():
            pdfmetrics.registerFont(TTFont("DejaVu", path))
            return "DejaVu"
    if os.environ.get("CI"):
        pytest.fail("fonts-dejavu-core is missing: scripts/install_system.sh installs it")
    pytest.skip("no Cyrillic TrueType font for reportlab")


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_pdf_text_layer(tmp_path, lang):
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas
    font = _font()
    path = tmp_path / f"act.{lang}.pdf"
    c = canvas.Canvas(str(path))
    c.setFont(font, 9)
    y = 800
    for line in _lines(lang):
        for chunk in [line[i:i + 95] for i in range(0, len(line), 95)] if len(line) > 95 else [line]:
            c.drawString(40, y, chunk)
            y -= 14
    c.save()
    doc, = load_file(path, path.name)
    assert doc.language == lang and doc.title == ACTS[lang][0]
    assert doc.number == "С-24/4"


@pytest.mark.parametrize("line, text", [
    ("а ![схема](s.png) б", "а  б"), ("[Закон](http://x) о", "Закон о"), ('<a id="z5"></a>шешім', "шешім"),
    ("<b>Решение</b>", "Решение"), ("а<br/>б", "а\nб"), ("**қаулы**", "қаулы"), ("__қаулы__", "қаулы"),
    ("*Сноска.*", "Сноска."), ("_курсив_ сөз", "курсив сөз"), ("`код`", "код"), ("1\\. Тариф", "1. Тариф"),
    ("Решение маслихата &amp; акимата", "Решение маслихата & акимата"),
])
def test_each_inline_markdown_mark_is_removed(line, text):
    """Each inline pattern runs on a line holding its mark (ingest.readers._md_inline)."""
    from maslihat.ingest.readers import _md_inline
    assert _md_inline(line) == text
