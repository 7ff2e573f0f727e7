"""Items 1-3 and 13 of issue 11: hostile files never hang, never eat memory, always say why."""
from __future__ import annotations

import io
import os
import resource
import zipfile
from pathlib import Path

import pytest

from maslihat.corpus.api import Corpus
from maslihat.ingest.errors import IngestError
from maslihat.ingest.limits import MAX_BYTES, MAX_HTML_DEPTH, MAX_UNZIPPED
from maslihat.ingest.pipeline import load_file
from maslihat.ingest.readers import read_docx, read_html, read_pdf

from .conftest import SEED, cli, err, out


def _reasons(db) -> dict:
    c = Corpus(str(db), es_url="")
    try:
        return {Path(q.path).name: q.reason for q in c.quarantined()}
    finally:
        c.close()


def test_fifo_is_quarantined_without_being_opened(tmp_path, good):
    """Item 1: reading a FIFO blocks forever; it is refused from its stat."""
    os.mkfifo(good / "pipe.txt")
    db = tmp_path / "c.sqlite"
    p = cli("ingest", good, db=db, timeout=30)
    assert p.returncode == 0, err(p)
    assert "2 documents added" in out(p)
    assert "FIFO" in _reasons(db)["pipe.txt"]


def test_socket_and_device_symlink_are_quarantined(tmp_path, good):
    import socket
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(good / "sock.txt"))
    try:
        os.symlink("/dev/zero", good / "zero.txt")
        db = tmp_path / "c.sqlite"
        p = cli("ingest", good, db=db, timeout=30)
    finally:
        s.close()
    assert p.returncode == 0, err(p)
    r = _reasons(db)
    assert "socket" in r["sock.txt"] and "character device" in r["zero.txt"]
    assert "2 documents added" in out(p)          # the good file after them is stored


def test_sparse_huge_file_is_refused_before_reading(tmp_path, good):
    """Item 2: a 6 GB sparse file is refused by its size; memory stays small."""
    big = good / "big.txt"
    with open(big, "wb") as f:
        f.truncate(6 * 1024 ** 3)
    with pytest.raises(IngestError, match="larger than 50 MB"):
        load_file(big, "big.txt")
    db = tmp_path / "c.sqlite"
    c = Corpus(str(db), es_url="")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    s = c.ingest([str(good)])
    grew = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    c.close()
    assert s.documents_added == 2 and "larger than" in s.quarantined[0].reason
    assert grew < 200 * 1024, f"ingest grew by {grew // 1024} MB"      # ru_maxrss is in KB


def test_read_is_capped_when_the_size_lies(tmp_path, monkeypatch):
    """A file that grows after its stat (or /proc, size 0) is read no further than the cap."""
    from maslihat.ingest import limits
    path = tmp_path / "grows.txt"
    path.write_bytes(b"a" * 4096)
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda p, *a, **k: os.stat_result((real_stat(p).st_mode,) + (0,) * 9))
    with pytest.raises(IngestError, match="larger than 1000 bytes"):
        limits.read_input(path, 1000)


def _docx_bomb(mb: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            chunk = b" " * (1024 * 1024)
            for _ in range(mb):
                f.write(chunk)
    return buf.getvalue()


def test_docx_bomb_is_refused_by_its_decompressed_size(tmp_path):
    """Item 3: a small .docx expanding past the cap is quarantined «expands beyond N MB»."""
    data = _docx_bomb(MAX_UNZIPPED // (1024 * 1024) + 1)
    assert len(data) < 1024 * 1024
    with pytest.raises(IngestError, match=r"expands beyond 100 MB"):
        read_docx(data)


def test_docx_bomb_with_lying_header_is_read_no_further_than_declared(tmp_path):
    """Declared sizes can lie: the member is read no further than it claims (zipfile stops
    there and the CRC fails), so the lie makes a corrupt file, never a bomb."""
    data = bytearray(_docx_bomb(MAX_UNZIPPED // (1024 * 1024) + 1))
    # rewrite the declared uncompressed size (central directory + zip64 extra) to something small
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        declared = z.getinfo("word/document.xml").file_size
    data = bytes(data).replace(declared.to_bytes(4, "little"), (1000).to_bytes(4, "little"))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert sum(i.file_size for i in z.infolist()) < 10_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(IngestError, match=r"corrupt DOCX"):
        read_docx(data)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50 * 1024


def test_broken_docx_xml_names_the_cause(tmp_path):
    """Item 13: broken XML is «corrupt DOCX: broken XML», not «internal error … XMLSyntaxError»."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", "<w:document xmlns:w='x'><w:body><w:p>Решение</w:body>")
    path = tmp_path / "broken.docx"
    path.write_bytes(buf.getvalue())
    with pytest.raises(IngestError, match=r"^corrupt DOCX: broken XML"):
        load_file(path, "broken.docx")


def test_deep_html_is_refused_with_a_reason(tmp_path):
    """Item 13: 50,000 nested elements give «nested deeper», not RecursionError."""
    deep = "<html><body>" + "<div>" * 50_000 + "Решение маслихата" + "</div>" * 50_000 + "</body></html>"
    with pytest.raises(IngestError, match=f"nested deeper than {MAX_HTML_DEPTH}"):
        read_html(deep.encode())
    inline = "<html><body>" + "<b>" * 50_000 + "Решение маслихата" + "</b>" * 50_000 + "</body></html>"
    with pytest.raises(IngestError, match="nested deeper"):
        read_html(inline.encode())


def _pdf_bomb() -> bytes:
    """A PDF whose one content stream inflates to more than pypdf allows (160 KB -> 80 MB)."""
    import zlib
    stream = zlib.compress(b"BT (a) Tj ET " * (80 * 1024 * 1024 // 13), 9)
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                 b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"])


def _pdf(objs: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + o + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


def test_pdf_bomb_names_the_cause():
    with pytest.raises(IngestError, match="PDF expands beyond"):
        read_pdf(_pdf_bomb())


def test_pypdf_warnings_are_attributed_to_the_file(tmp_path, good):
    """Item 13: pypdf's warnings do not leak to stderr unnamed; the file's line carries them."""
    content = b"BT /F1 12 Tf 10 700 Td (Reshenie maslikhata o byudzhete rayona) Tj ET"
    data = _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                 b"/Resources << /Font << /F1 5 0 R >> >> >>",
                 b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])
    data = data[:data.rindex(b"startxref")] + b"startxref\n99999\n%%EOF\n"   # a wrong xref offset: pypdf warns
    (good / "warn.pdf").write_bytes(data)
    db = tmp_path / "c.sqlite"
    p = cli("ingest", good, db=db)
    assert p.returncode == 0, err(p)
    lines = [l for l in err(p).splitlines() if l.strip()]
    assert lines, "pypdf said nothing: the attack file no longer makes it warn"
    assert all("warn.pdf" in l for l in lines), lines
