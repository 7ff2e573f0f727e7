"""Units of the shared seeds by locator (source, language, kind, number), for gold data and learning.

A tiny reader of the seed layout only (points of seed 001 in both halves, paragraphs of the
other seeds); the real segmenter lives in nlp/segment.py. Kept separate so tests, the
glossary learner and the benchmark agree on what a locator means.
"""
from __future__ import annotations

import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "samples"
if not (SEEDS / "001_56a79b46f786f9f7.txt").exists():
    SEEDS = Path("/work/shared/seeds")
S001 = "001_56a79b46f786f9f7.txt"
KK_START = "Көкшетау қалалық мәслихатының регламентін бекіту туралы"
_POINT = re.compile(r"^[\s\u00a0]+(\d{1,3})\.\s+(\S.*)$")
_NOTE = re.compile(r"^[\s\u00a0]*(Сноска|Ескерту|Примечание|РҚАО|В тексте|Құжаттың)")


def read(source: str) -> str:
    return (SEEDS / source).read_text(encoding="utf-8")


def seed001_halves() -> dict[str, str]:
    text = read(S001)
    i = text.index(KK_START)
    return {"ru": text[:i], "kk": text[i:]}


def points(text: str, appendix_only: bool = True) -> dict[str, str]:
    """Numbered points of the regulation (appendix) -> their text, continuation paragraphs included.

    Indented lines starting ``N.`` open a point; other indented lines continue it; unindented
    lines (headings, signatures) close it. Notes (Сноска/Ескерту) are skipped.
    """
    lines = text.splitlines()
    if appendix_only:  # the regulation starts at its first chapter "1. ..." after the approval block
        for k, ln in enumerate(lines):
            if re.match(r"^1\. \S", ln):
                lines = lines[k + 1:]
                break
    out: dict[str, list[str]] = {}
    cur = None
    for ln in lines:
        if not ln.strip():
            continue
        if _NOTE.match(ln):
            continue
        m = _POINT.match(ln)
        if m and m.group(1) not in out:
            cur = m.group(1)
            out[cur] = [m.group(2).strip()]
        elif ln[:1] in (" ", "\u00a0", "\t") and cur:
            out[cur].append(ln.strip())
        else:
            cur = None
    return {k: "\n".join(v) for k, v in out.items()}


def paragraphs(source: str) -> list[str]:
    """Paragraphs of a non-001 seed: blank-line blocks (wrapped lines joined), else lines."""
    text = read(source)
    blocks = [re.sub(r"\s*\n\s*", " ", b).strip() for b in re.split(r"\n\s*\n", text)]
    if source.startswith("000"):
        blocks = [ln.strip() for ln in text.splitlines()]
    return [b for b in blocks if len(b) > 40]


def unit_text(loc: dict) -> str:
    """Text of a locator {"source", "language", "kind": "point"|"paragraph", "number"}."""
    if loc["source"] == S001:
        return points(seed001_halves()[loc["language"]])[str(loc["number"])]
    return paragraphs(loc["source"])[int(loc["number"]) - 1]


def aligned_points() -> list[tuple[str, str, str]]:
    """(number, ru text, kk text) for every point number present in both halves of seed 001."""
    h = seed001_halves()
    ru, kk = points(h["ru"]), points(h["kk"])
    return [(n, ru[n], kk[n]) for n in ru if n in kk]
