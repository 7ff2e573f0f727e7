"""Attack tests (issue 11): every hostile input is built here, at run time, small or sparse."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "corpus" / "samples"
SEED = SAMPLES / "001_56a79b46f786f9f7.txt"          # an RU+KK decision
SEED_RU = SAMPLES / "000_eba0dbad217e7da3.txt"


def cli(*args, db=None, timeout=60, env=None, input=None):
    """Run ``maslihat`` as a user would; a hang fails the test through the timeout."""
    e = {**os.environ, "MASLIHAT_ES_URL": "", "PYTHONIOENCODING": "utf-8"}
    if db is not None:
        e["MASLIHAT_DB"] = str(db)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "maslihat.cli", *map(str, args)], capture_output=True,
                          timeout=timeout, env=e, input=input)


def out(p) -> str:
    return p.stdout.decode("utf-8", "replace")


def err(p) -> str:
    return p.stderr.decode("utf-8", "replace")


@pytest.fixture
def good(tmp_path) -> Path:
    """A folder holding one good seed file (copied)."""
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(SEED, d / "zz_good.txt")
    return d
