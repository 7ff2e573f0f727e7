"""Fixtures shared by every test folder: the sample corpus and a corpus built from it once."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"

SEED_REGULATION = SAMPLES / "001_56a79b46f786f9f7.txt"

# the command's messages in English whatever the developer's setting (tests that check Russian
# and Kazakh set MASLIHAT_LANG themselves); subprocesses inherit it
os.environ["MASLIHAT_LANG"] = "en"
# the programs of the CLI subprocesses' regular expressions kept in a file of this test session,
# not in the user's cache folder (maslihat/recache.py; tests of it set their own)
if "MASLIHAT_REGEX_CACHE" not in os.environ:
    import atexit
    import shutil
    import tempfile
    _regex_dir = tempfile.mkdtemp(prefix="maslihat-regex-")
    atexit.register(shutil.rmtree, _regex_dir, True)
    os.environ["MASLIHAT_REGEX_CACHE"] = os.path.join(_regex_dir, "regex.marshal")


def key_follows_file(key, module, attr: str, tmp_path, monkeypatch) -> tuple[str, str, str]:
    """(key before, key with ``module.attr`` — a data file — one byte longer, key after undoing):
    a cached key (``key``, an ``lru_cache`` function) of shipped derived data must change when a
    file it is derived from does, and come back when the file does."""
    key.cache_clear()
    before = key()
    src = getattr(module, attr)
    other = tmp_path / src.name
    other.write_bytes(src.read_bytes() + b"\n")
    monkeypatch.setattr(module, attr, other)
    key.cache_clear()
    try:
        changed = key()
    finally:
        monkeypatch.undo()
        key.cache_clear()
    return before, changed, key()


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    """The gold development corpus, read from ../shared (never copied into the project)."""
    if not (DEV / "gold").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{DEV} is missing: CI runs with ../shared beside the checkout")
        pytest.skip(f"{DEV} not present")
    return DEV


@pytest.fixture(scope="session")
def sample_corpus(tmp_path_factory):
    """The five seeds ingested into a fresh embedded corpus (built once per session)."""
    from maslihat.corpus.api import Corpus

    db = tmp_path_factory.mktemp("sample") / "corpus.sqlite"
    c = Corpus(str(db), es_url="")
    c.ingest([str(SAMPLES)])
    yield c
    c.close()
