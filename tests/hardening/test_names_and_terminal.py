"""Items 5 and 15 of issue 11: hostile file names are stored, and nothing untrusted reaches
the terminal raw (a newline forging a line, ESC/BEL sequences)."""
from __future__ import annotations

import json
import os
import shutil

from maslihat.core.escape import for_terminal, fs_bytes, fs_name

from .conftest import SAMPLES, SEED, SEED_RU, cli, err, out


def test_non_utf8_name_does_not_lose_the_batch(tmp_path):
    """Item 5: a name with bytes that are not UTF-8 sits between good files; all are stored."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED_RU, src / "a_good.txt")
    bad = os.path.join(os.fsencode(src), b"m\xff\xfe bad.txt")
    shutil.copy(SEED, bad)
    shutil.copy(SAMPLES / "002_fc27ebda89a446a4.txt", src / "z_good.txt")
    db = tmp_path / "c.sqlite"
    p = cli("ingest", src, db=db)
    assert p.returncode == 0, err(p)
    assert "4 documents added" in out(p) and "0 quarantined" in out(p)
    p = cli("export", "--out", tmp_path / "exp", db=db)
    sources = {json.loads(l)["source"] for l in open(tmp_path / "exp" / "documents.jsonl", encoding="utf-8")}
    assert "m\\xff\\xfe bad.txt" in sources
    assert fs_bytes("m\\xff\\xfe bad.txt") == b"m\xff\xfe bad.txt"         # lossless


def test_quarantined_non_utf8_name_is_shown_escaped(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    open(os.path.join(os.fsencode(src), b"\xc0\xc1.txt"), "wb").close()    # empty: quarantined
    db = tmp_path / "c.sqlite"
    p = cli("ingest", src, db=db)
    assert p.returncode == 0, err(p)
    assert "\\xc0\\xc1.txt: empty file" in out(p)
    q = cli("quarantine", "--json", db=db)
    assert json.loads(out(q))[0]["path"].endswith("\\xc0\\xc1.txt")


def test_newline_and_escape_sequences_in_names_are_escaped(tmp_path):
    """Item 15: a name with a newline cannot forge a «quarantined:» line; ESC/BEL never pass."""
    src = tmp_path / "in"
    src.mkdir()
    forged = "x.txt\n  quarantined: etc-passwd: forged\x1b[31m\x07.txt"
    (src / forged).write_bytes(b"")
    shutil.copy(SEED_RU, src / "good\x1b]0;pwned\x07.txt")
    db = tmp_path / "c.sqlite"
    p = cli("ingest", src, db=db)
    assert p.returncode == 0, err(p)
    for stream in (p.stdout, p.stderr):
        assert b"\x1b" not in stream and b"\x07" not in stream
    assert [l for l in out(p).splitlines() if l.startswith("  quarantined:")] == [
        "  quarantined: " + str(src) + "/x.txt\\n  quarantined: etc-passwd: forged\\x1b[31m\\x07.txt: empty file"]
    q = cli("quarantine", db=db)
    assert len(out(q).strip().splitlines()) == 1 and b"\x1b" not in q.stdout


def test_document_text_with_escape_sequences_is_escaped_in_search_and_show(tmp_path):
    text = SEED_RU.read_text(encoding="utf-8")
    first, rest = text.split("\n", 1)
    attack = first + "\nмаслихат \x1b[2J\x1b]0;owned\x07 сессия\n" + rest
    src = tmp_path / "in"
    src.mkdir()
    (src / "doc.txt").write_text(attack, encoding="utf-8")
    db = tmp_path / "c.sqlite"
    assert cli("ingest", src, db=db).returncode == 0
    p = cli("search", "маслихат сессия", db=db)
    assert p.returncode == 0 and b"\x1b" not in p.stdout and b"\x07" not in p.stdout
    res = json.loads(out(cli("search", "маслихат", "--json", db=db)))
    doc_id = res["hits"][0]["document_id"]
    for args in (("show", doc_id), ("show", res["hits"][0]["unit_id"])):
        s = cli(*args, db=db)
        assert s.returncode == 0, err(s)
        assert b"\x1b" not in s.stdout and b"\x07" not in s.stdout
    whole = cli("show", doc_id, "--json", db=db)
    assert b"\x1b" not in whole.stdout                      # JSON escapes it as \u001b


def test_escape_helpers():
    assert for_terminal("a\nb\x1b[0m\x07\x9b") == "a\\nb\\x1b[0m\\x07\\x9b"
    assert for_terminal("line1\nline2\tx\x1b", keep_lines=True) == "line1\nline2\tx\\x1b"
    assert for_terminal("abc\u202edcba") == "abc\\u202edcba"          # right-to-left override
    assert fs_name(os.fsdecode(b"\xff.txt")) == "\\xff.txt"
    assert fs_name("Шешім.txt") == "Шешім.txt"
