"""Kazakh words the stemmer may split in two: stems of the Kazakh texts of ../shared that are another
stem of them plus a letter or a suffix («актіс» / «акті» / «акт», «отба» / «отбасы»), each side
written at least ``--min`` times. A list to read, not a score: «тұрғын» / «тұрғы» are two words.

    .venv/bin/python -m bench.kk_stem_splits [--shared ../shared] [--min 3]
"""
from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from maslihat.nlp.lang.kk.stemmer import stem

TAILS = ("с", "ы", "і", "сы", "сі", "н", "лер", "лар", "дер", "дар", "тер", "тар")
WORD = re.compile(r"[а-яәғқңөұүһіё]+")


def kazakh_files(shared: Path) -> list[Path]:
    return sorted([*shared.glob("corpus/dev-laws/*/kaz.md"), *shared.glob("corpus/dev/derived/*.kaz.txt"),
                   *shared.glob("seeds/*.txt")])


def splits(shared: Path, least: int = 3) -> list[tuple[int, str, str, list[str], list[str]]]:
    words: Counter = Counter()
    for f in kazakh_files(shared):
        words.update(WORD.findall(f.read_text(encoding="utf-8", errors="ignore").lower()))
    stems: Counter = Counter()
    forms: dict = {}
    for w, n in words.items():
        s = stem(w)
        stems[s] += n
        forms.setdefault(s, set()).add(w)
    out = []
    for s, n in stems.items():
        for tail in TAILS:
            base = s[:-len(tail)]
            if s.endswith(tail) and len(base) >= 3 and stems.get(base, 0) >= least and n >= least:
                out.append((min(n, stems[base]), s, base, sorted(forms[s])[:3], sorted(forms[base])[:3]))
    return sorted(out, reverse=True)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--min", type=int, default=3)
    a = ap.parse_args(argv)
    found = splits(Path(a.shared), a.min)
    for n, s, base, fs, fb in found:
        print(f"{n:5}  {s} ({', '.join(fs)})  /  {base} ({', '.join(fb)})")
    print(f"{len(found)} pairs of stems, each written at least {a.min} times")


if __name__ == "__main__":
    main()
