"""How often a one-word query's language is guessed right (issue 16), Kazakh words in common letters
apart: «хатшы», «сайлау», «кезектен» carry no Kazakh-only letter, and a query read in the wrong
language is analysed with the wrong stemmer and finds little or nothing.

    .venv/bin/python -m bench.query_language [--shared ../shared] [--n 300]

Words: the most frequent words (4+ letters) of the Kazakh texts of ``../shared/corpus/dev-laws``
that have no Kazakh-only letter and never occur in the Russian texts, and the most frequent words
of the Russian texts that never occur in the Kazakh ones. Also the judged queries of issue 16.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KK_LETTERS = set("әғқңөұүһі")
_WORD = re.compile(r"[а-яёәғқңөұүһі]+")


def _words(files) -> collections.Counter:
    c: collections.Counter = collections.Counter()
    for f in files:
        c.update(w for w in _WORD.findall(f.read_text(encoding="utf-8").lower()) if len(w) >= 4)
    return c


def main(argv=None) -> None:
    from maslihat.nlp.analyze import guess_language
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--n", type=int, default=300)
    a = ap.parse_args(argv)
    laws = Path(a.shared) / "corpus" / "dev-laws"
    kk, ru = _words(laws.glob("*/kaz.md")), _words(laws.glob("*/rus.md"))
    sets = {"kk words in common letters": ([w for w, _ in kk.most_common() if not set(w) & KK_LETTERS and w not in ru][:a.n], "kk"),
            "kk words with Kazakh letters": ([w for w, _ in kk.most_common() if set(w) & KK_LETTERS][:a.n], "kk"),
            "ru words": ([w for w, _ in ru.most_common() if w not in kk][:a.n], "ru")}
    queries = json.loads((ROOT / "bench" / "judged.json").read_text(encoding="utf-8"))["queries"]
    for lang in ("ru", "kk"):
        sets[f"judged queries, {lang}"] = ([q["query"] for q in queries if q["lang"] == lang], lang)
    print("| words | n | guessed right | wrong (first 10) |\n| --- | ---: | ---: | --- |")
    for name, (ws, lang) in sets.items():
        wrong = [w for w in ws if guess_language(w) != lang]
        print(f"| {name} | {len(ws)} | {1 - len(wrong) / max(1, len(ws)):.1%} | {', '.join(wrong[:10])} |")


if __name__ == "__main__":
    main()
