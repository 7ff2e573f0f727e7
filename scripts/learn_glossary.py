"""Learn RU -> KK term pairs from the aligned points of seed 001 and write nlp/data/glossary_learned.json.

Aligned units: each point number present in both halves; when a point has the same number of
paragraphs in both languages, its paragraphs are paired instead (more, smaller units = sharper
co-occurrence statistics).

    .venv/bin/python scripts/learn_glossary.py
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import seed_units  # noqa: E402
from maslihat.nlp.glossary import LEARNED, learn_pairs, save  # noqa: E402


def aligned_units() -> list[tuple[str, str]]:
    out = []
    for _, ru, kk in seed_units.aligned_points():
        rp, kp = ru.split("\n"), kk.split("\n")
        out.extend(zip(rp, kp) if len(rp) == len(kp) else [(ru, kk)])
    return out


def main() -> None:
    units = aligned_units()
    table = learn_pairs(units)
    save(table, LEARNED)
    print(f"{len(units)} aligned units -> {len(table)} RU terms with KK pairs -> {LEARNED}")


if __name__ == "__main__":
    main()
