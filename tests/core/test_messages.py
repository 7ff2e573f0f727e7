"""Every word the command prints and every quarantine reason exists in Russian, Kazakh and
English (brief: "every user-visible string"), from one table each, checked against its own
examples (the eyecite way): a reason the ingest writes gets its code, and the messages of a code
name only what its pattern captures."""
from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from maslihat.core import messages, reasons

ROOT = Path(__file__).resolve().parents[2]


def names(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


@pytest.mark.parametrize("key", sorted(messages.catalog()))
def test_every_message_is_in_three_languages_with_the_same_slots(key):
    entry = messages.catalog()[key]
    assert set(entry) >= {"ru", "kk", "en"}
    assert names(entry["ru"]) == names(entry["kk"]) == names(entry["en"]), key


@pytest.mark.parametrize("code", sorted(reasons._table()))
def test_every_reason_code_matches_its_examples_in_three_languages(code):
    entry = reasons._table()[code]
    groups = set(re.compile(entry["pattern"]).groupindex) | {"reason"}
    for lang in ("ru", "kk", "en"):
        assert names(entry[lang]) <= groups, (code, lang)
    assert entry["examples"]
    for example in entry["examples"]:
        r = reasons.classify(example)
        assert r.code == code, (example, r.code)
        words = {lang: r.message(lang) for lang in ("ru", "kk", "en")}
        assert all(words.values()) and (code == "other" or words["ru"] != words["en"]), words


def _ingest_reason_literals() -> list[str]:
    """The constant start of every reason the ingest code raises or quarantines with."""
    found = []
    for path in list((ROOT / "ingest").glob("*.py")) + [ROOT / "corpus" / "ingest_run.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            fn = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            args = node.args if fn == "IngestError" else node.args[1:2] if fn == "Quarantined" else \
                node.args[3:4] if fn == "_quarantine" else []
            for a in args:
                if isinstance(a, ast.Constant) and isinstance(a.value, str):
                    found.append(a.value)
                elif isinstance(a, ast.JoinedStr):      # each {value} as a number and as a word
                    found += ["".join(v.value if isinstance(v, ast.Constant) else fill for v in a.values)
                              for fill in ("1", "PDF")]
    return found


def test_every_reason_the_ingest_writes_has_a_code_of_its_own():
    literals = _ingest_reason_literals()
    assert len(literals) >= 20
    known = {s for s in literals if reasons.classify(s).code != "other"}
    # an f-string counts once either filling (a number or a word) gives it a code
    unknown = [s for s in literals if s not in known and s.replace("PDF", "1") not in known
               and s.replace("1", "PDF") not in known and len(s) > 3]
    assert unknown == [], unknown


def test_the_command_speaks_the_users_language(tmp_path, monkeypatch):
    import subprocess
    import sys
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "tool.exe").write_bytes(b"MZ")
    db = tmp_path / "c.sqlite"
    out = {}
    for lang in ("ru", "kk", "en"):
        env = {**__import__("os").environ, "MASLIHAT_LANG": lang, "MASLIHAT_DB": str(db)}
        p = subprocess.run([sys.executable, "-m", "maslihat.cli", "ingest", str(bad)], env=env,
                           capture_output=True, text=True, timeout=300)
        assert p.returncode == 0, p.stderr
        out[lang] = p.stdout
    assert "в карантине: " in out["ru"] and "пустой файл" in out["ru"] and "неподдерживаемое расширение .exe" in out["ru"]
    assert "карантинде: " in out["kk"] and "бос файл" in out["kk"]
    assert "quarantined: " in out["en"] and "empty file" in out["en"]
    env = {**__import__("os").environ, "MASLIHAT_LANG": "kk", "MASLIHAT_DB": str(db)}
    p = subprocess.run([sys.executable, "-m", "maslihat.cli", "quarantine", "--json"], env=env,
                       capture_output=True, text=True, timeout=300)
    import json
    rows = {r["reason_code"]: r for r in json.loads(p.stdout)}
    assert rows["empty"]["reason"] == "empty file"                     # the contract's field, unchanged
    assert rows["unsupported"]["messages"]["kk"].startswith("қолдау көрсетілмейтін")
