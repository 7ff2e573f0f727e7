#!/usr/bin/env python3
"""Measure per-paragraph language identification (ingest.langid) on the seeds and the dev corpus.

    .venv/bin/python scripts/measure_langid.py [--shared ../shared] [--show-errors]

A paragraph is a non-blank line of the normalised text (as ``paragraph_languages`` sees it);
lines without a word of two letters (numbers, signs, Roman numerals) are excluded.
Expected labels:
* seeds: seed 001 is Russian up to its Kazakh title line "Көкшетау қалалық мәслихатының
  регламентін бекіту туралы" and Kazakh from there (checked by hand); seeds 000, 002, 003, 004
  are Kazakh throughout;
* dev corpus (derived .txt and .html): the language of the file (`.rus.` / `.kaz.`), except that a
  line is labelled by letter evidence when it is genuinely in the other language: a line in a
  Russian file where at least a quarter of the Cyrillic words carry Kazakh-only letters
  (ә ғ қ ң ө ұ ү һ і) is expected Kazakh; a line in a Kazakh file with no Kazakh letters and
  Russian-only letters (ё щ ъ э) in at least two words is expected Russian. The count of
  relabelled lines is printed so that the rule can be judged.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from maslihat.ingest.langid import has_letters, kk_word_share, paragraph_languages  # noqa: E402
from maslihat.ingest.normalize import normalize  # noqa: E402
from maslihat.ingest.readers import read_html  # noqa: E402

KK_TITLE_001 = "Көкшетау қалалық мәслихатының регламентін бекіту туралы"


def _relabel(line: str, file_lang: str) -> str:
    if file_lang == "ru" and kk_word_share(line) >= 0.25:
        return "kk"
    if file_lang == "kk" and kk_word_share(line) == 0:
        ru_words = [w for w in re.findall(r"\w+", line) if re.search("[ёщъэЁЩЪЭ]", w)]
        if len(ru_words) >= 2:
            return "ru"
    return file_lang


def measure(name: str, text: str, expected_of, show: bool, per_lang: dict) -> tuple[int, int, int]:
    n = ok = relabelled = 0
    for start, end, lang in paragraph_languages(text):
        line = text[start:end]
        if not has_letters(line):
            continue
        want, was_relabelled = expected_of(start, line)
        n += 1
        relabelled += was_relabelled
        t = per_lang.setdefault(want, [0, 0])
        t[1] += 1
        if lang == want:
            ok += 1
            t[0] += 1
        elif show:
            print(f"  {name}: expected {want}, got {lang}: {line.strip()[:100]}")
    return n, ok, relabelled


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--show-errors", action="store_true")
    a = ap.parse_args()
    rows = []

    seeds = sorted((ROOT / "corpus" / "samples").glob("*.txt"))
    tot = [0, 0, 0]
    per: dict = {}
    for p in seeds:
        text = normalize(p.read_text(encoding="utf-8"))
        cut = text.index(KK_TITLE_001) if p.name.startswith("001_") else 0
        r = measure(p.name, text, lambda s, line: ("ru" if s < cut else "kk", 0), a.show_errors, per)
        tot = [x + y for x, y in zip(tot, r)]
    rows.append(("seeds (5 files)", *tot, per))

    derived = Path(a.shared) / "corpus" / "dev" / "derived"
    for fmt in ("txt", "html"):
        tot = [0, 0, 0]
        per = {}
        files = sorted(derived.glob(f"*.{fmt}"))
        for p in files:
            data = p.read_bytes()
            text = normalize(read_html(data) if fmt == "html" else data.decode("utf-8"))
            file_lang = "kk" if ".kaz." in p.name else "ru"

            def expected(s, line, file_lang=file_lang):
                want = _relabel(line, file_lang)
                return want, int(want != file_lang)
            r = measure(p.name, text, expected, a.show_errors, per)
            tot = [x + y for x, y in zip(tot, r)]
        rows.append((f"dev derived .{fmt} ({len(files)} files)", *tot, per))

    print(f"{'set':34s} {'paragraphs':>10s} {'correct':>8s} {'accuracy':>9s} {'relabelled':>10s}  per language")
    for name, n, ok, rel, per in rows:
        acc = 100 * ok / n if n else 0.0
        langs = "  ".join(f"{k} {c}/{t} ({100 * c / t:.2f}%)" for k, (c, t) in sorted(per.items()))
        print(f"{name:34s} {n:10d} {ok:8d} {acc:8.2f}% {rel:10d}  {langs}")


if __name__ == "__main__":
    main()
