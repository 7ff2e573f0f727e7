"""Every file that cannot become a document is refused with a one-line reason (no path in it),
so the store can quarantine it and go on."""
import io
import os
import random
from pathlib import Path

import pytest

from maslihat.core.model import Quarantined
from maslihat.ingest.errors import IngestError
from maslihat.ingest.pipeline import iter_inputs, load_file


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def _blank_pdf() -> bytes:
    from pypdf import PdfWriter
    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def _image_only_pdf() -> bytes:
    """A scanned page: one drawn shape, no text operators."""
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(50, 50, 400, 600, fill=1)
    c.save()
    return buf.getvalue()


random.seed(7)
GARBAGE_HIGH = bytes(random.randrange(0x80, 0x100) for _ in range(400))

CASES = [
    # (file name, bytes, reason contains)
    ("empty.txt", b"", "empty file"),
    ("spaces.kk.txt", b"  \n\t\n", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, "binary content"),
    ("controls.txt", bytes(range(1, 9)) * 50, "binary content"),
    ("table.xyz", "Решение маслихата".encode(), "unsupported extension .xyz"),
    ("noext", "Мәслихат шешімі".encode(), "unsupported extension"),
    ("garbage.txt", GARBAGE_HIGH, "cannot decode"),
    ("blank.pdf", None, "PDF has no text layer"),
    ("scan.pdf", None, "PDF has no text layer"),
    ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntrailer", "corrupt PDF"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "corrupt DOCX"),
    ("cut.html", "<html><body><h1>Об утверждении</h1><p cla".encode(), "truncated HTML"),
    ("cut.kk.html", "<html><head><title>Шешім</title></head><body><".encode(), "truncated HTML"),
    ("nobody.html", b"<html><head><title></title></head><body>", "truncated HTML"),
    ("numbers.txt", b"1 2 3\n4 5 6\n", "no text"),
]


@pytest.mark.parametrize("name, data, reason", CASES, ids=[c[0] for c in CASES])
def test_refused_with_reason(tmp_path, name, data, reason):
    if data is None:
        data = _blank_pdf() if name == "blank.pdf" else _image_only_pdf()
    path = _file(tmp_path, name, data)
    with pytest.raises(IngestError) as e:
        load_file(path, name)
    msg = str(e.value)
    assert reason in msg
    assert "\n" not in msg and str(tmp_path) not in msg


@pytest.mark.parametrize("text", ["Решение маслихата от 20 марта 2014 года",
                                  "Мәслихаттың 2014 жылғы 20 наурыздағы шешімі"])
def test_oversize_file(tmp_path, text):
    path = _file(tmp_path, "big.txt", (text + "\n").encode() * 100)
    with pytest.raises(IngestError, match="larger than .* limit"):
        load_file(path, "big.txt", max_bytes=1000)
    assert load_file(path, "big.txt", max_bytes=10_000)      # under the limit it is read


def test_default_limit_is_50_mb(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(50 * 1024 * 1024 + 1)                       # sparse: cheap to create
    with pytest.raises(IngestError, match="file larger than 50 MB limit"):
        load_file(path, "huge.txt")


def test_html_without_closing_tags_but_with_text_is_ingested(tmp_path):
    page = "<html><body><h1>Об утверждении Регламента</h1><p>Сессия маслихата созывается по мере " \
           "необходимости, но не реже четырех раз в год.</p>"
    doc, = load_file(_file(tmp_path, "open.html", page.encode()), "open.html")
    assert doc.title == "Об утверждении Регламента"


def test_vanished_file(tmp_path):
    path = _file(tmp_path, "gone.txt", "Мәслихат".encode())
    path.unlink()
    with pytest.raises(IngestError, match="vanished during ingest"):
        load_file(path, "gone.txt")


def test_vanished_between_stat_and_open(tmp_path, monkeypatch):
    path = _file(tmp_path, "race.txt", "Мәслихат шешімі".encode())
    real_open = os.open      # the file is opened with os.open (ingest.limits.read_input)

    def vanish(p, *a, **kw):
        if str(p) == str(path):
            raise FileNotFoundError(2, "No such file")
        return real_open(p, *a, **kw)
    monkeypatch.setattr(os, "open", vanish)
    with pytest.raises(IngestError, match="vanished during ingest"):
        load_file(path, "race.txt")


def test_unreadable_file(tmp_path, monkeypatch):
    """Tests may run as root, where chmod 000 blocks nothing: simulate the refusal."""
    path = _file(tmp_path, "secret.txt", "Решение".encode())
    real_open = os.open

    def deny(p, *a, **kw):
        if str(p) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(p, *a, **kw)
    monkeypatch.setattr(os, "open", deny)
    with pytest.raises(IngestError, match="permission denied"):
        load_file(path, "secret.txt")


def test_unreadable_folder_is_quarantined_and_the_walk_goes_on(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "locked").mkdir()
    (tmp_path / "z").mkdir()
    for folder in ("a", "locked", "z"):
        _file(tmp_path / folder, "doc.txt", "Мәслихат шешімі".encode())
    real_scandir = os.scandir

    def scandir(p="."):
        if Path(p).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(p)
    monkeypatch.setattr(os, "scandir", scandir)
    out = list(iter_inputs([str(tmp_path)]))
    assert [o[1] for o in out if isinstance(o, tuple)] == ["a/doc.txt", "z/doc.txt"]
    q = [o for o in out if isinstance(o, Quarantined)]
    assert len(q) == 1 and q[0].path.endswith("locked") and q[0].reason == "permission denied"


def test_missing_argument_is_quarantined(tmp_path):
    out = list(iter_inputs([str(tmp_path / "nowhere")]))
    assert isinstance(out[0], Quarantined) and "no such" in out[0].reason


def test_a_file_reached_twice_is_read_once(tmp_path):
    # «maslihat ingest dir dir» or «dir dir/file»: each file once, under the first name given
    # (was: every file twice, an empty one quarantined twice, the count of files doubled)
    (tmp_path / "acts").mkdir()
    _file(tmp_path / "acts", "шешім 20 96.txt", "Мәслихат шешімі".encode())
    _file(tmp_path / "acts", "решение.txt", "Решение маслихата".encode())
    _file(tmp_path / "acts", "empty.txt", b"")
    d = str(tmp_path / "acts")
    out = list(iter_inputs([d, d + "/", d + "/решение.txt", str(tmp_path / "acts" / ".." / "acts")]))
    assert [o[1] for o in out] == ["empty.txt", "решение.txt", "шешім 20 96.txt"]
