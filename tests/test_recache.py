"""Issue 14: the ``maslihat`` program keeps the programs ``re`` compiles for its patterns in a file
and the next process reads them instead of compiling again (``maslihat.recache``); the patterns
match the same (RU and KK texts), a file of another Python or a damaged one is not used, and a
program that only imports the package is left with ``re`` as it is."""
from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from re import _compiler

import pytest

from maslihat import recache

PATTERNS = [
    (r"(?P<number>\d+)-(?:тармақ|пункт)\w*", 0),
    (r"маслихат\w*|мәслихат\w*", re.IGNORECASE),
    (r"^\s*(Статья|Бап)\s+(\d+)\.", re.MULTILINE),
    (r"[«\"“]([^»\"”]{5,})[»\"”]?", 0),
    (r"\b(?:Ақтөбе|Алматы)\s+облыс(?:ы|тық|ының)?\b", re.IGNORECASE | re.UNICODE),
    (rb"ns\d+$", 0),
]
TEXTS = ["Статья 12. Маслихат утверждает бюджет по пункту 3-пункта «О местном управлении»",
         "12-бап. Алматы облыстық мәслихаты 5-тармақта «Жергілікті мемлекеттік басқару» туралы",
         "МӘСЛИХАТ сессиясы\nБап 7. Ақтөбе облысы"]


def _answers(compiled) -> list:
    out = []
    for p in compiled:
        out.append((p.pattern, p.flags, p.groups, dict(p.groupindex)))
        for t in TEXTS:
            subject = t.encode() if isinstance(p.pattern, bytes) else t
            out.append([(m.span(), m.groups()) for m in p.finditer(subject)])
    return out


@pytest.fixture
def fresh(tmp_path):
    recache.uninstall()
    re.purge()
    yield tmp_path / "regex.marshal"
    recache.uninstall()
    re.purge()


def test_programs_read_back_match_as_compiled_ones(fresh):
    own = _answers([re.compile(p, f) for p, f in PATTERNS])
    re.purge()
    assert recache.install(fresh)
    first = _answers([re.compile(p, f) for p, f in PATTERNS])
    assert recache.save() >= len(PATTERNS) and fresh.exists()
    recache.uninstall()
    re.purge()
    assert recache.install(fresh)                       # a later process
    again = _answers([re.compile(p, f) for p, f in PATTERNS])
    assert recache._installed["used"] >= {(p, f) for p, f in PATTERNS}   # read, not compiled
    assert not recache._installed["new"]
    assert own == first == again


@pytest.mark.parametrize("content", [b"", b"\x00garbage", None])
def test_a_damaged_file_or_one_of_another_python_is_not_used(fresh, content):
    if content is None:          # a file written by another Python build
        content = marshal.dumps((("maslihat-regex-cache", 1, "2.7.0", "cpython-27", 0, 4),
                                 {(PATTERNS[0][0], 0): (0, b"\x01\x00\x00\x00", 0, {}, ())}))
    fresh.write_bytes(content)
    assert recache.install(fresh)
    compiled = [re.compile(p, f) for p, f in PATTERNS]
    assert not recache._installed["used"]
    recache.uninstall()
    re.purge()
    assert _answers(compiled) == _answers([re.compile(p, f) for p, f in PATTERNS])


def test_the_file_keeps_at_most_the_programs_of_one_process_beyond_its_limit(fresh, monkeypatch):
    assert recache.install(fresh)
    for p, f in PATTERNS:
        re.compile(p, f)
    recache.save()
    recache.uninstall()
    re.purge()
    monkeypatch.setattr(recache, "MAX_PROGRAMS", 3)
    assert recache.install(fresh)
    re.compile(PATTERNS[0][0], PATTERNS[0][1])             # read from the file
    re.compile(r"жаңа\s+үлгі", 0)                           # compiled and added
    assert recache.save() == 2
    kept = marshal.loads(fresh.read_bytes())[1]
    assert set(kept) == {(PATTERNS[0][0], PATTERNS[0][1]), (r"жаңа\s+үлгі", 0)}


def test_the_program_keeps_its_patterns_and_an_importer_of_the_package_does_not(tmp_path):
    cache = tmp_path / "regex.marshal"
    env = dict(os.environ, MASLIHAT_REGEX_CACHE=str(cache), MASLIHAT_DB=str(tmp_path / "c.sqlite"),
               MASLIHAT_ES_URL="")
    code = "import maslihat.cli, re._compiler as c; print(c.compile.__module__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "re._compiler" and not cache.exists()
    (tmp_path / "empty").mkdir()
    out = subprocess.run([sys.executable, "-m", "maslihat", "ingest", str(tmp_path / "empty")], capture_output=True,
                         text=True, env=env)
    assert out.returncode == 0 and cache.exists(), out.stderr[-2000:]
    header, programs = marshal.loads(cache.read_bytes())
    assert header == recache._header() and len(programs) > 50


def test_an_empty_setting_keeps_no_file(tmp_path, monkeypatch):
    monkeypatch.setenv("MASLIHAT_REGEX_CACHE", "")
    assert recache.default_path() is None
    monkeypatch.delenv("MASLIHAT_REGEX_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert recache.default_path().parent == tmp_path / "maslihat"
