"""Fixtures of the ingest tests: the seeds (corpus/samples) and the dev corpus (read from
../shared at run time, never copied)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "corpus" / "samples"
DEV = ROOT.parent / "shared" / "corpus" / "dev"


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def seed_text():
    """Text of a seed by its number prefix: seed_text("001")."""
    def read(prefix: str) -> str:
        return next(SAMPLES.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    return read


@pytest.fixture(scope="session")
def seed_docs():
    """Documents of the five seeds, keyed by number prefix (loaded once per session)."""
    from maslihat.ingest.pipeline import load_file
    return {p.name[:3]: load_file(p, p.name) for p in sorted(SAMPLES.glob("*.txt"))}


@pytest.fixture(scope="session")
def dev_derived() -> Path:
    d = DEV / "derived"
    if not d.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{d} is missing: CI runs with ../shared beside the checkout")
        pytest.skip("../shared/corpus/dev not present")
    return d
