"""Measures behind the dependency choices of issue 8 (docs/benchmarks.md, README).

1. Language of a paragraph: langdetect (declared but unused before issue 8) against our
   ``ingest.langid.detect_many`` (lingua + Kazakh-letter evidence), on the paragraphs of the
   dev laws, whose files are one language each (rus.md / kaz.md): accuracy and speed.
2. Tokenising: spaCy's tokenizer (``spacy.blank("ru")``, ``spacy.blank("kk")`` = our Kazakh
   class through the entry point) against the regex tokenizer the index uses
   (``nlp.analyze.tokens``): speed, and how many word tokens the two share.

    .venv/bin/python scripts/measure_libraries.py [--laws ../shared/corpus/dev-laws]

Needs the optional extras (pip install -e '.[spacy,langdetect]'); data read at run time.
"""
from __future__ import annotations

import argparse
import glob
import os
import re
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_LAWS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus", "dev-laws"))


def paragraphs(laws: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"ru": [], "kk": []}
    for path in sorted(glob.glob(os.path.join(laws, "*", "*.md"))):
        lang = "kk" if path.endswith("kaz.md") else "ru"
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                line = line.strip().lstrip("#*- ").strip()
                if len(re.findall(r"\w+", line)) >= 5:
                    out[lang].append(line)
    return out


def texts(laws: str) -> dict[str, str]:
    out = {"ru": "", "kk": ""}
    for path in sorted(glob.glob(os.path.join(laws, "*", "*.md"))):
        with open(path, encoding="utf-8") as fh:
            out["kk" if path.endswith("kaz.md") else "ru"] += fh.read() + "\n"
    return out


def langid(paras: dict[str, list[str]]) -> None:
    from langdetect import DetectorFactory, detect
    from maslihat.ingest.langid import detect_many
    DetectorFactory.seed = 0
    print("| language of the file | paragraphs | langdetect right | langdetect answers (top 3) | ours right | "
          "langdetect ms/para | ours ms/para |\n| --- | ---: | ---: | --- | ---: | ---: | ---: |")
    for lang, ps in paras.items():
        t = time.perf_counter()
        ld = []
        for p in ps:
            try:
                ld.append(detect(p))
            except Exception:  # noqa: BLE001 - langdetect raises on text without features
                ld.append("?")
        t_ld = (time.perf_counter() - t) * 1000 / len(ps)
        t = time.perf_counter()
        ours = detect_many(ps)
        t_ours = (time.perf_counter() - t) * 1000 / len(ps)
        top = ", ".join(f"{k} {v}" for k, v in Counter(ld).most_common(3))
        print(f"| {lang} | {len(ps)} | {sum(x == lang for x in ld)} ({sum(x == lang for x in ld) / len(ps):.1%}) | {top} | "
              f"{sum(x == lang for x in ours)} ({sum(x == lang for x in ours) / len(ps):.1%}) | {t_ld:.2f} | {t_ours:.2f} |")


def tokenizers(txt: dict[str, str]) -> None:
    import spacy
    from maslihat.nlp.analyze import tokens
    word = re.compile(r"[^\W_]+")
    print("\n| lang | chars | regex tokens | regex tok/s | spaCy tokens | spaCy tok/s | regex words also spaCy tokens | "
          "spaCy word tokens also regex words |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    examples = {}
    for lang, text in txt.items():
        nlp = spacy.blank(lang)
        nlp.max_length = len(text) + 1
        tokens(text[:20000]), nlp.make_doc(text[:20000])          # warm both (regex compile, lexeme cache)
        t = time.perf_counter()
        rx = tokens(text)
        t_rx = time.perf_counter() - t
        t = time.perf_counter()
        doc = nlp.make_doc(text)
        t_sp = time.perf_counter() - t
        rx_spans = {(s, e) for _, s, e in rx}
        sp_spans = {(tok.idx, tok.idx + len(tok.text)) for tok in doc}
        sp_words = {(tok.idx, tok.idx + len(tok.text)) for tok in doc if word.fullmatch(tok.text)}
        both = len(rx_spans & sp_spans)
        examples[lang] = Counter(doc[i].text for i in range(len(doc)) if (doc[i].idx, doc[i].idx + len(doc[i].text))
                                 not in rx_spans and re.search(r"\w", doc[i].text)).most_common(6)
        print(f"| {lang} | {len(text):,} | {len(rx):,} | {len(rx) / t_rx:,.0f} | {len(doc):,} | {len(doc) / t_sp:,.0f} | "
              f"{both / len(rx_spans):.1%} | {len(sp_words & rx_spans) / max(1, len(sp_words)):.1%} |")
    for lang, ex in examples.items():
        print(f"\n{lang}: commonest spaCy tokens the regex splits differently: " + ", ".join(f"`{w}` ×{n}" for w, n in ex))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--laws", default=DEFAULT_LAWS)
    args = ap.parse_args()
    if not os.path.isdir(args.laws):
        raise SystemExit(f"measure_libraries: no dev laws at {args.laws}")
    langid(paragraphs(args.laws))
    tokenizers(texts(args.laws))


if __name__ == "__main__":
    main()
