"""Judged queries written in Latin letters (issue 16): how much of the answer is kept.

    .venv/bin/python -m bench.judged_latin --db BENCH.sqlite [--batches first blind2 …]

BENCH.sqlite: the corpus ``bench.judged --db`` builds. Every judged query of the batches named
(default: all; ``first`` = the built-on and held-out set) is written in Latin letters by a
published scheme that this bench owns (not the reader's tables, ``nlp/lang/<lang>/latin.yaml``):

* Kazakh, the 2021 Latin alphabet (ä ğ ı ñ ö ş ū ü q; я ia, ю iu, ц ts, ч ch);
* Kazakh and Russian, ICAO Doc 9303 (the passports' transliteration: Kazakh letters as their
  plain Latin look-alikes, ж zh, х kh, ш sh, щ shch, я ia, й i, ь dropped).

Each is run on the embedded back end with the Latin reading (``corpus.respell.transliterate``)
on and off, beside the Cyrillic query; graded nDCG@10 and answer-in-top-5 with the pooled
judgements, per query language, and how often the reading gives the query back word for word.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.judged_rewrite import measure, setup, switched_off, table  # noqa: E402

_COMMON = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "з": "z", "и": "i",
           "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
           "у": "u", "ф": "f", "ц": "ts", "ч": "ch", "ъ": "", "ь": "", "э": "e", "ю": "iu", "я": "ia"}
ICAO = {**_COMMON, "ж": "zh", "й": "i", "х": "kh", "ш": "sh", "щ": "shch", "ы": "y", "ъ": "ie",
        "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i"}
KAZAKH_2021 = {**_COMMON, "ә": "ä", "ғ": "ğ", "ж": "j", "й": "i", "қ": "q", "ң": "ñ", "ө": "ö",
               "ұ": "ū", "ү": "ü", "х": "h", "һ": "h", "і": "ı", "ш": "ş", "щ": "şş", "ы": "y"}
SCHEMES = {"kk": [("Kazakh 2021 alphabet", KAZAKH_2021), ("ICAO (passport)", ICAO)],
           "ru": [("ICAO (passport)", ICAO)]}


def latin(text: str, scheme: dict) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        if low in scheme:
            lat = scheme[low]
            out.append(lat.capitalize() if ch != low else lat)
        else:
            out.append(ch)
    return "".join(out)


def _same(a: str, b: str) -> bool:
    return a.lower().replace("ё", "е").split() == b.lower().replace("ё", "е").split()


def main(argv=None) -> None:
    from maslihat.corpus import respell as module
    c, items = setup(__doc__.splitlines()[0], argv)

    def run(lang: str, scheme, on: bool) -> tuple[float, float, float]:
        with switched_off(module, "transliterate", not on):
            return measure(c, items, lang, (lambda t: latin(t, scheme)) if scheme else None,
                           lambda searched, written, judged: _same(searched, judged))

    def settings(lang: str) -> list:
        rows = [("Cyrillic", None, True)]
        for name, scheme in SCHEMES[lang]:
            rows += [(f"{name}, as typed", scheme, False), (f"{name}, read as Cyrillic", scheme, True)]
        return rows

    table(items, "read back word for word", settings, run)

if __name__ == "__main__":
    main()
