"""Kazakh words in -да/-де/-та/-те that are a stem, not a locative: grow them from texts, and measure
what listing them changes (issue 16, session 33).

The Kazakh stemmer reads a final -да/-де (after a vowel or a voiced consonant) and -та/-те (after a
voiceless one) as the locative, so a loan whose stem ends so lost it: «пошта» -> «пош», «команда» ->
«коман», «бригада» -> «брига», while «поштаға», «командасы» kept the whole word: two terms for one
noun. ``nlp/lang/kk/locative_like.txt`` lists such stems; this module grows its first part:

* a form X of the Kazakh texts that the stemmer cuts as a locative is a stem when X itself takes a
  case, possessive or plural ending in the texts («Xсы», «Xға», «Xны», «Xлар», «Xның», «Xмен» …:
  no locative takes one; «Xдағы» is left out, it is the locative's own attributive);
* or when X is a Russian noun as written alone (pymorphy3's dictionary: a known noun whose lemma is X,
  singular nominative, not a name; the Kazakh «ш» for the Russian «ч» read both ways: «пошта» /
  «почта») and the stem the cut leaves is no other form's stem in the texts (so «тас·та», «бар·да»
  stay locatives wherever «тас», «бар» are written).

The Kazakh documents are split in two halves by their sorted order (even / odd) before anything is
grown: ``--grow`` prints what half A yields; the default run measures on half B (held out) and on A
(built on): word forms whose stem changes with the list against without it, each with its count.

    .venv/bin/python -m bench.kk_locative_stems [--shared ../shared] [--grow] [--sample 30]
"""
from __future__ import annotations

import argparse
import random
from collections import Counter, defaultdict
from pathlib import Path

from bench.kk_stem_splits import WORD, kazakh_files
from maslihat.nlp.lang.kk import stemmer as kk

ENDINGS = ("сы", "сі", "ға", "ге", "ны", "ні", "лар", "лер", "ның", "нің", "мен", "лық", "лік")
LOCATIVES = ("да", "де", "та", "те")
KAZAKH_ONLY = frozenset("әғқңөұүһі")


def halves(shared: Path) -> tuple[list[Path], list[Path]]:
    """The Kazakh documents of ../shared in two halves: A (even places of the sorted list), B (odd)."""
    files = kazakh_files(shared)
    return files[0::2], files[1::2]


def words(files: list[Path]) -> Counter:
    out: Counter = Counter()
    for f in files:
        out.update(WORD.findall(f.read_text(encoding="utf-8", errors="ignore").lower()))
    return out


class without_list:
    """The stemmer as it was before the list (``locative_like.txt`` read as empty) inside the block."""

    def __enter__(self):
        self.saved = kk.LOCATIVE_LIKE, kk.LOCATIVE_LIKE_LOANS
        kk.LOCATIVE_LIKE = kk.LOCATIVE_LIKE_LOANS = frozenset()
        kk.stem.cache_clear()

    def __exit__(self, *exc):
        kk.LOCATIVE_LIKE, kk.LOCATIVE_LIKE_LOANS = self.saved
        kk.stem.cache_clear()


def _russian_noun(word: str, morph) -> bool:
    if set(word) & KAZAKH_ONLY:
        return False
    for w in {word, word.replace("ш", "ч")}:
        for p in morph.parse(w):
            tag = p.tag
            if (p.is_known and p.normal_form == w and "NOUN" in tag and tag.case == "nomn"
                    and tag.number == "sing" and not ({"Name", "Surn", "Patr"} & set(tag.grammemes))):
                return True
    return False


def grow(files: list[Path]) -> list[tuple[str, str, list[str]]]:
    """[(word, why, evidence)] for the forms of ``files`` that are stems ending like a locative."""
    from maslihat.nlp.lang.ru.lemmatizer import morph

    count = words(files)
    with without_list():
        cut = {w: kk.stem(w) for w in count}
    forms = defaultdict(set)
    for w, s in cut.items():
        forms[s].add(w)
    out = []
    for w in sorted(count):
        if not w.endswith(LOCATIVES) or cut[w] == w:
            continue
        seen = [w + e for e in ENDINGS if w + e in count]
        if seen:
            out.append((w, "endings", seen))
        elif _russian_noun(w, morph()) and forms[cut[w]] == {w}:
            out.append((w, "russian noun", [cut[w]]))
    return out


def changed(files: list[Path]) -> list[tuple[str, int, str, str]]:
    """[(form, count, stem before, stem after)] for the forms of ``files`` the list changes."""
    count = words(files)
    with without_list():
        before = {w: kk.stem(w) for w in count}
    return [(w, n, before[w], kk.stem(w)) for w, n in sorted(count.items()) if kk.stem(w) != before[w]]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--grow", action="store_true", help="print what half A yields for the list (a Russian noun "
                    "goes under [loans], a word shown by its endings under [kazakh])")
    ap.add_argument("--sample", type=int, default=30)
    a = ap.parse_args(argv)
    half_a, half_b = halves(Path(a.shared))
    if a.grow:
        for w, why, ev in grow(half_a):
            print(f"{w}\t{why}\t{', '.join(ev)}")
        return
    for name, files in (("A (built on)", half_a), ("B (held out)", half_b)):
        count = words(files)
        rows = changed(files)
        print(f"\n## half {name}: {len(files)} documents, {len(count)} word forms, {sum(count.values())} words; "
              f"{len(rows)} forms ({sum(r[1] for r in rows)} words) change stem")
        pick = rows if len(rows) <= a.sample else random.Random(33).sample(rows, a.sample)
        for w, n, b, s in sorted(pick):
            print(f"{n:5}  {w}: {b} -> {s}")


if __name__ == "__main__":
    main()
