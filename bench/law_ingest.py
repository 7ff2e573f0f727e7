#!/usr/bin/env python3
"""Ingest time of a national law, both languages, stage by stage (CPU seconds, not wall: the machine
is shared), and the RU<->KK aligner before/after its near-linear rewrite, in the same run.

Data: the largest law of ../shared/corpus/dev-laws (read at run time, never copied) and a synthetic
larger one (that law followed by the law on appeals renumbered after it, > 150,000 characters per
language). "Stress" strips the article numbers of the Kazakh side, so that structure cannot pair
articles and the aligner has to fall back on text evidence — the case that took 47 s before.
The old aligner is the project's own ``nlp/align.py`` at commit OLD, read with ``git show``.

    .venv/bin/python bench/law_ingest.py [--dev ../shared/corpus/dev-laws]
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from maslihat.core.model import Document  # noqa: E402
from maslihat.corpus.build import build  # noqa: E402
from maslihat.ingest.pipeline import load_file  # noqa: E402
from maslihat.nlp import align as new_align  # noqa: E402

OLD = "2f0ff84"          # main before the rewrite of the aligner
BIG = "codes__0406-o-pravovykh-aktakh-100890"
SMALL = "codes__0112-o-poriadke-rassmotreniia-obrashchenii-fizicheskikh-i-iuridichesk-31396"


def _default_dev() -> Path:
    """../shared seen from the project root (a worktree under /work/wt/NAME looks one level higher)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "corpus" / "dev-laws").is_dir():
            return base / "shared" / "corpus" / "dev-laws"
    return ROOT.parent / "shared" / "corpus" / "dev-laws"


def cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def old_align_module():
    src = subprocess.run(["git", "-C", str(ROOT), "show", f"{OLD}:nlp/align.py"], capture_output=True, text=True,
                         check=True).stdout
    mod = types.ModuleType("align_old")
    exec(compile(src, "align_old.py", "exec"), mod.__dict__)
    return mod


def renumber(text: str, offset: int, lang: str) -> str:
    if lang == "ru":
        return re.sub(r"(?m)^(Статья\s+)(\d+)", lambda m: f"{m.group(1)}{int(m.group(2)) + offset}", text)
    return re.sub(r"(?m)^(\d+)(-бап)", lambda m: f"{int(m.group(1)) + offset}{m.group(2)}", text)


def docs_of(dev: Path, synthetic: bool) -> dict:
    out = {}
    for lang, name in (("ru", "rus.md"), ("kk", "kaz.md")):
        d = load_file(dev / BIG / name, f"{BIG}/{name}")[0]
        d.language, d.doc_type = lang, "law"
        if synthetic:
            extra = load_file(dev / SMALL / name, f"{SMALL}/{name}")[0].text
            d = Document(id=f"synthetic/{lang}", source="synthetic", part=0, language=lang, doc_type="law",
                         title=d.title, text=d.text + "\n\n" + renumber(extra, 100, lang))
        out[lang] = d
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev", default=str(_default_dev()))
    args = ap.parse_args()
    dev = Path(args.dev)
    if not (dev / BIG).is_dir():
        print(f"no dev-laws corpus at {dev}", file=sys.stderr)
        return 1
    old = old_align_module()
    load_file(dev / SMALL / "rus.md", "warm-up")          # the language model loads once per process
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; CPU seconds")
    for label, synthetic in (("law «О правовых актах»", False), ("synthetic law (+ law on appeals)", True)):
        t0 = cpu()
        docs = docs_of(dev, synthetic)
        t1 = cpu()
        built = {k: build(d) for k, d in docs.items()}
        t2 = cpu()
        ru, kk = built["ru"], built["kk"]
        pairs = new_align.align(ru.doc, ru.units, kk.doc, kk.units)
        t3 = cpu()
        old_pairs = old.align(ru.doc, ru.units, kk.doc, kk.units)
        t4 = cpu()
        n = sum(1 for a, b, _ in pairs if a and b)
        n_old = sum(1 for a, b, _ in old_pairs if a and b)
        chars = "/".join(f"{len(d.text):,}" for d in docs.values())
        print(f"\n{label}: {chars} chars RU/KK, {len(ru.units)}/{len(kk.units)} units")
        print(f"  read+normalise+langid {t1 - t0:.2f}  segment+references+tags {t2 - t1:.2f}  "
              f"align {t3 - t2:.2f} (before: {t4 - t3:.2f})  total {t3 - t0:.2f}")
        print(f"  pairs {n} (before: {n_old})")
        # stress: KK article numbers stripped -> text evidence only
        kk_units = [u for u in kk.units]
        saved = [(u, u.number) for u in kk_units if u.kind == "article"]
        for u, _ in saved:
            u.number = None
        t5 = cpu()
        sp = new_align.align(ru.doc, ru.units, kk.doc, kk_units)
        t6 = cpu()
        so = old.align(ru.doc, ru.units, kk.doc, kk_units)
        t7 = cpu()
        for u, num in saved:
            u.number = num
        print(f"  stress (KK article numbers removed): align {t6 - t5:.2f} (before: {t7 - t6:.2f}); "
              f"pairs {sum(1 for a, b, _ in sp if a and b)} (before: {sum(1 for a, b, _ in so if a and b)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
