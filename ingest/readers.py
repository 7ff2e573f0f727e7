"""One reader per file format: bytes -> decoded plain text with the document's line structure.

Every reader returns text in the same shape as the dev corpus's ``.txt``: one paragraph per
line (or several lines where the source breaks lines inside a paragraph), blocks separated by
blank lines, table rows as tab-separated cells. Readers raise IngestError with a short reason.
"""
from __future__ import annotations

import html as html_lib
import io
import re
from functools import lru_cache
from typing import Callable

from maslihat.ingest.decode import decode_text
from maslihat.ingest.errors import IngestError
from maslihat.ingest.limits import MAX_HTML_DEPTH, MAX_TEXT_CHARS, check_text, check_zip, text_limit

# --- HTML -----------------------------------------------------------------------------------

_DROP = ("script", "style", "nav", "header", "footer", "aside", "noscript", "template", "form",
         "head", "svg", "iframe", "button", "menu")
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dt", "dd",
           "section", "article", "main", "body", "ul", "ol", "dl", "figure", "figcaption", "address",
           "caption", "center", "hr", "title"}


# A saved page's own chrome in plain <div>s: «<div class="header">Главная | Документы | Қазақша</div>»,
# «<div id="footer">© … центр правовой информации</div>». Dropped when its class or id is such a word
# and its text is short and states no act (no date, no number): the act's text is never one.
_CHROME = frozenset(("header", "footer", "nav", "navbar", "navigation", "menu", "topmenu", "top-menu",
                     "breadcrumb", "breadcrumbs", "sidebar", "site-header", "site-footer", "page-header",
                     "page-footer", "cookie", "cookies"))
_CHROME_TAGS = frozenset(("div", "section", "ul", "ol", "p", "span", "table", "td"))
_ACT_MARK = re.compile(r"\d{4}|№|\bN\s?\d")


def _chrome(name: str, cls, ident, text) -> bool:
    """Is this element a page's header, footer or menu (``_CHROME``)? ``text`` is called only then."""
    if name not in _CHROME_TAGS:
        return False
    words = (cls if isinstance(cls, list) else (cls or "").split()) + (ident or "").split()
    if not any(w.lower() in _CHROME for w in words):
        return False
    t = text()
    return len(t) <= 300 and not (_ACT_MARK.search(t) and not t.lstrip().startswith("©"))


def _html_blocks(node, out: list[str], buf: list[str]) -> None:
    from bs4 import NavigableString, Tag
    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child).__name__ in ("Comment", "Doctype", "Declaration", "ProcessingInstruction", "CData"):
                continue
            buf.append(re.sub(r"[ \t\r\n\f]+", " ", str(child)))
        elif isinstance(child, Tag):
            name = child.name.lower()
            if name in _DROP or _chrome(name, child.get("class"), child.get("id"), lambda: child.get_text()):
                continue
            if name == "br":
                buf.append("\n")
            elif name == "table":
                _flush(out, buf)
                _table(out, ([re.sub(r"\s+", " ", c.get_text(" ")).strip()
                              for c in tr.find_all(["td", "th"], recursive=False)]
                             for tr in child.find_all("tr") if tr.find_parent("table") is child))
            elif name in _BLOCKS:
                _flush(out, buf)
                _html_blocks(child, out, buf)
                _flush(out, buf)
            else:
                _html_blocks(child, out, buf)


def _table(out: list[str], rows) -> None:
    """A table as one block: its rows (each a list of cell texts) that have text, cells by tabs
    (both HTML walks, BeautifulSoup's and lxml's, give the same)."""
    lines = ["\t".join(cells) for cells in rows if any(cells)]
    if lines:
        out.append("\n".join(lines))


def _flush(out: list[str], buf: list[str]) -> None:
    text = "".join(buf)
    buf.clear()
    lines = [line.strip() for line in text.split("\n")]
    block = "\n".join(line for line in lines if line)
    if block:
        out.append(block)


def _check_depth(soup) -> None:
    """The walk below recurses per element: a page nested deeper than any real one is refused
    (measured without recursion) instead of ending in RecursionError."""
    depth = {id(soup): 0}
    for el in soup.descendants:
        if getattr(el, "name", None) is None:
            continue
        d = depth.get(id(el.parent), 0) + 1
        if d > MAX_HTML_DEPTH:
            raise IngestError(f"HTML nested deeper than {MAX_HTML_DEPTH} levels")
        depth[id(el)] = d


def html_to_text(markup: str) -> str:
    """Visible text of a page: headings and paragraphs as blocks, ``<br>`` as line breaks.

    Read from lxml's own tree (``_lxml_text``); a page that path does not cover exactly is read
    through BeautifulSoup over the same lxml parser (``_soup_text``), as it always was."""
    text = _lxml_text(markup)
    return text if text is not None else _soup_text(markup)


def _soup_text(markup: str) -> str:
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(markup, "lxml")
    _check_depth(soup)
    out: list[str] = []
    buf: list[str] = []
    root = soup.body or soup
    _html_blocks(root, out, buf)
    _flush(out, buf)
    text = "\n\n".join(out)
    if not text.strip() and soup.title and soup.title.string:
        text = soup.title.string.strip()
    return text


# --- the same walk over lxml's tree -------------------------------------------------------------
# BeautifulSoup was 0.16 of the 0.20 CPU-s the 54 real pages took, and 0.08 s to import in every
# process (issue 14). BeautifulSoup with "lxml" builds its tree from the events of lxml's HTML
# parser (recover=True, the whole text fed at once), so lxml's own tree holds the same elements
# and strings: an element's ``text`` is its first string, each child's ``tail`` the string after
# it. What the tree does not show the way BeautifulSoup does sends the page back to _soup_text:
# no <body>, nesting deeper than _LXML_DEPTH, no text at all (the <title> fallback), a parse error,
# and markup BeautifulSoup warns about (load_file keeps a reader's warnings with the file).

_LXML_DEPTH = 200
_WS = re.compile(r"[ \t\r\n\f]+")
_CELL_WS = re.compile(r"\s+")
# BeautifulSoup gives the strings inside these its own classes, which get_text() leaves out
_NOT_PLAIN = frozenset(("rt", "rp", "style", "script", "template"))


def _lxml_text(markup: str) -> str | None:
    """``_soup_text(markup)`` read from lxml's tree, or None where that is not certain."""
    if "<" not in markup or markup.startswith("<?xml"):
        return None       # BeautifulSoup warns about these (a file name or URL, XML): its warnings are the file's
    try:
        from lxml import etree
        parser = etree.HTMLParser(recover=True, huge_tree=False)
        parser.feed(markup[1:] if markup[:1] == "\N{BYTE ORDER MARK}" else markup)
        root = parser.close()
    except Exception:  # noqa: BLE001 - whatever lxml refuses, the old path decides
        return None
    if root is None:
        return None
    body = next(root.iter("body"), None)
    if body is None or _too_deep(root):
        return None
    out: list[str] = []
    buf: list[str] = []
    _lxml_blocks(body, out, buf)
    _flush(out, buf)
    text = "\n\n".join(out)
    return text if text.strip() else None


def _too_deep(root) -> bool:
    depth = {root: 1}
    for el in root.iterdescendants():
        d = depth[el.getparent()] + 1
        if d > _LXML_DEPTH:
            return True
        depth[el] = d
    return False


def _lxml_blocks(node, out: list[str], buf: list[str]) -> None:
    if node.text:
        buf.append(_WS.sub(" ", node.text))
    for child in node:
        tag = child.tag
        if isinstance(tag, str):          # comments, processing instructions: skipped, their tails kept
            name = tag.lower()
            if name in _DROP or _chrome(name, child.get("class"), child.get("id"),
                                        lambda: "".join(_plain_strings(child))):
                pass
            elif name == "br":
                buf.append("\n")
            elif name == "table":
                _flush(out, buf)
                _table(out, ([_CELL_WS.sub(" ", " ".join(_plain_strings(c))).strip()
                              for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
                             for tr in child.iter("tr") if next(tr.iterancestors("table"), None) is child))
            elif name in _BLOCKS:
                _flush(out, buf)
                _lxml_blocks(child, out, buf)
                _flush(out, buf)
            else:
                _lxml_blocks(child, out, buf)
        if child.tail:
            buf.append(_WS.sub(" ", child.tail))


def _plain_strings(el) -> list[str]:
    """The strings of ``el`` that BeautifulSoup's ``get_text`` joins: not comments, not inside
    <script>, <style>, <template>, <rt>, <rp> (also when ``el`` itself is inside one)."""
    if any(a.tag in _NOT_PLAIN for a in el.iterancestors()):
        return []
    out: list[str] = []

    def walk(e) -> None:
        if e.text:
            out.append(e.text)
        for c in e:
            if isinstance(c.tag, str) and c.tag not in _NOT_PLAIN:
                walk(c)
            if c.tail:
                out.append(c.tail)
    if el.tag not in _NOT_PLAIN:
        walk(el)
    return out


def _truncated(markup: str) -> bool:
    """The file ends inside a tag (``<p cla``), or inside an unclosed comment/script."""
    tail = markup.rstrip()
    last_open, last_close = tail.rfind("<"), tail.rfind(">")
    return last_open > last_close or tail.rfind("<!--") > tail.rfind("-->")


def read_html(data: bytes) -> str:
    markup, _ = decode_text(data)
    if _truncated(markup):
        raise IngestError("truncated HTML")
    text = check_text(html_to_text(markup), "HTML")
    if not text.strip():
        closed = re.search(r"</html\s*>", markup, re.I)
        raise IngestError("HTML has no text" if closed else "truncated HTML")
    return text


# --- Markdown -------------------------------------------------------------------------------

def _md_table(lines: list[str]) -> list[str]:
    rows = []
    for line in lines:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
            continue
        rows.append("\t".join(cells))
    return rows


_MD_INLINE = [(re.compile(p), r, marks) for p, r, marks in (
    (r"!\[[^\]]*\]\([^)]*\)", "", "!"),                     # images
    (r"\[([^\]]*)\]\([^)]*\)", r"\1", "["),                  # links -> their text
    (r"<a\s+[^>]*>\s*</a>|</?a(\s[^>]*)?>", "", "<"),         # anchors
    (r"</?(b|i|em|strong|u|sup|sub|span)(\s[^>]*)?>", "", "<"),
    (r"<br\s*/?>", "\n", "<"),
    (r"(\*\*|__)(.+?)\1", r"\2", "*_"),
    (r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", "*"),
    (r"(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)", r"\1", "_"),
    (r"`([^`]*)`", r"\1", "`"),
    (r"\\([\\`*_{}\[\]()#+\-.!|>])", r"\1", "\\"),            # backslash escapes
)]


@lru_cache(maxsize=16384)
def _md_inline(line: str) -> str:
    # compiled once, and a pattern runs only on a line holding the mark it needs (most lines of
    # an act have none: ten substitutions per line were most of reading a Markdown file); kept
    # per line (issue 14: 7,464 lines, 3,133 distinct, in the 16 Markdown files of the real files)
    for pat, rep, marks in _MD_INLINE:
        if marks[0] in line or marks[-1] in line:     # one mark, or either of two
            line = pat.sub(rep, line)
    return html_lib.unescape(line)


# the line patterns of markdown_to_text, compiled once (seven pattern-cache look-ups a line)
_MD_TABLE_OPEN, _MD_TABLE_CLOSE = re.compile(r"\s*<table", re.I), re.compile(r"</table>", re.I)
_MD_ROW = re.compile(r"\s*\|.*\|\s*$")
_MD_FENCE, _MD_RULE = re.compile(r"\s*```"), re.compile(r"\s*([-*_]\s*){3,}")
_MD_HASHES, _MD_CLOSING_HASHES = re.compile(r"^\s{0,3}#{1,6}\s+"), re.compile(r"\s+#+\s*$")
_MD_QUOTE = re.compile(r"^\s*(>\s?)+")


def markdown_to_text(md: str) -> str:
    """Plain text of a Markdown file: markup removed, line structure and tables kept."""
    out: list[str] = []
    lines = md.replace("\r\n", "\n").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if _MD_TABLE_OPEN.match(line):
            j = i
            while j < len(lines) and not _MD_TABLE_CLOSE.search(lines[j]):
                j += 1
            out.append(html_to_text("\n".join(lines[i:j + 1])))
            i = j + 1
            continue
        if _MD_ROW.match(line):
            j = i
            while j < len(lines) and _MD_ROW.match(lines[j]):
                j += 1
            out.extend(_md_inline(r) for r in _md_table(lines[i:j]))
            i = j
            continue
        if _MD_FENCE.match(line) or _MD_RULE.fullmatch(line):
            i += 1
            continue
        line = _MD_HASHES.sub("", line)
        line = _MD_CLOSING_HASHES.sub("", line)
        line = _MD_QUOTE.sub("", line)
        out.append(_md_inline(line).rstrip())
        i += 1
    return "\n".join(out)


_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_MD_ANCHOR = re.compile(r"<a\s+(?:id|name)=[\"']([^\"']+)[\"']\s*>\s*</a>", re.I)
_MD_NOTE = re.compile(r"^\s*\*?\s*(Сноска|Ескерту|Примечание|Ескертпе)", re.I)


def markdown_layout(md: str) -> list[dict]:
    """The structure marks of a Markdown file, in order, each with the text of the line it marks
    (as ``markdown_to_text`` writes it): headings with their level, ``<a id>`` anchors (on the
    next text line), blockquotes (``note`` for «Сноска»/«Ескерту»/«Примечание», else ``quote``)
    and tables. The pipeline turns the texts into line numbers of the document's text
    (``extra["layout"]``), which the segmenter may use as hints."""
    out: list[dict] = []
    pending: list[str] = []
    in_table = False
    for line in md.replace("\r\n", "\n").split("\n"):
        if _MD_TABLE_OPEN.match(line):
            in_table = True
            out.append({"kind": "table", "text": None})
        if in_table:
            if _MD_TABLE_CLOSE.search(line):
                in_table = False
            continue
        anchors = _MD_ANCHOR.findall(line)
        pending += anchors
        rest = (_MD_ANCHOR.sub("", line) if anchors else line).strip()
        if not rest:
            continue
        m = _MD_HEADING.match(rest)
        if m:
            hint = {"kind": "heading", "level": len(m.group(1)), "text": _md_inline(m.group(2)).strip()}
        elif rest.startswith(">"):
            body = _MD_QUOTE.sub("", rest)
            hint = {"kind": "note" if _MD_NOTE.match(body) else "quote", "text": _md_inline(body).strip()}
        elif _MD_ROW.match(rest):
            if out and out[-1]["kind"] == "table" and out[-1].get("pipe"):
                continue
            hint = {"kind": "table", "pipe": True, "text": None}
        elif not pending:
            continue            # a plain line marks nothing unless an anchor waits for it
        else:
            hint = {"kind": "text", "text": _md_inline(rest).strip()}
        for a in pending:
            out.append({"kind": "anchor", "id": a, "text": hint["text"]})
        pending = []
        if hint["kind"] != "text":
            out.append(hint)
    return out


def read_markdown(data: bytes) -> str:
    text, _ = decode_text(data)
    return markdown_to_text(text)


# --- PDF, DOCX, TXT -------------------------------------------------------------------------

def read_pdf(data: bytes) -> str:
    """Text layer of a PDF. pypdf's warnings are collected by ``pipeline.load_file``
    (``limits.captured_warnings``) and reported with the file's name."""
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PdfReadError
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError("encrypted PDF")
        pages, size = [], 0
        for page in reader.pages:
            contents = page.get_contents()     # extract_text hides a decompression bomb as "no text"
            if contents is not None:
                contents.get_data()
            t = page.extract_text() or ""
            size += len(t)
            if size > MAX_TEXT_CHARS:
                raise text_limit("PDF")
            pages.append(t)
    except IngestError:
        raise
    except LimitReachedError:
        raise IngestError("PDF expands beyond pypdf's decompression limits (a PDF bomb?)") from None
    except RecursionError:
        raise IngestError("PDF objects nested too deeply") from None
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError,
            AssertionError, ZeroDivisionError) as e:
        raise IngestError(f"corrupt PDF ({type(e).__name__}: {' '.join(str(e).split())[:120]})") from None
    text = "\n\n".join(p.strip("\n") for p in pages)
    if not re.search(r"\w", text):
        raise IngestError("PDF has no text layer")
    return text


def read_docx(data: bytes) -> str:
    import zipfile

    from docx import Document as DocxDocument
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from lxml.etree import XMLSyntaxError
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip(archive, "DOCX")
        doc = DocxDocument(io.BytesIO(data))
    except IngestError:
        raise
    except XMLSyntaxError as e:
        raise IngestError(f"corrupt DOCX: broken XML ({' '.join(str(e).split())[:120]})") from None
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError, OSError) as e:
        raise IngestError(f"corrupt DOCX ({type(e).__name__})") from None
    lines: list[str] = []
    for el in doc.element.body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(el, doc).text)
        elif tag == "tbl":
            for row in Table(el, doc).rows:
                cells = []
                for cell in row.cells:
                    t = re.sub(r"\s+", " ", cell.text).strip()
                    if not cells or cells[-1] != t:   # merged cells repeat their text
                        cells.append(t)
                lines.append("\t".join(cells))
    return check_text("\n".join(lines), "DOCX")


def read_txt(data: bytes) -> str:
    text, _ = decode_text(data)
    return text


READERS: dict[str, Callable[[bytes], str]] = {
    ".txt": read_txt, ".text": read_txt, ".html": read_html, ".htm": read_html,
    ".md": read_markdown, ".markdown": read_markdown, ".pdf": read_pdf, ".docx": read_docx,
}


def reader_for(suffix: str) -> Callable[[bytes], str]:
    try:
        return READERS[suffix.lower()]
    except KeyError:
        raise IngestError(f"unsupported extension {suffix.lower() or '(none)'}") from None
