"""Learn RU <-> KK pairs from aligned RU/KK units and write nlp/data/glossary_learned.json.

A Russian term pairs with a Kazakh term or sequence of up to three («внеочередной» = «кезек тыс»),
by competitive linking over the aligned units (``nlp.glossary.learn_table``; issue 16,
docs/quality.md). The units:

* with ``--db CORPUS`` (what the shipped table is): every aligned leaf unit of a corpus file (a
  Russian unit without children whose ``parallel_id`` names a Kazakh unit, as ingest aligns them:
  the seeds, the Almaty-oblast decisions, the laws and regulations of dev-laws);
* without: the aligned points of seed 001 (each point number present in both halves; when a point
  has the same number of paragraphs in both languages, its paragraphs are paired instead).

    .venv/bin/python scripts/learn_glossary.py                       # seed 001 only
    .venv/bin/maslihat ingest ../shared/seeds ../shared/corpus/dev ../shared/corpus/dev-laws --db /tmp/c.sqlite
    .venv/bin/python scripts/learn_glossary.py --db /tmp/c.sqlite    # what the shipped table is
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import seed_units  # noqa: E402
from maslihat.nlp.glossary import LEARNED, learn_table, save  # noqa: E402


def aligned_units() -> list[tuple[str, str]]:
    out = []
    for _, ru, kk in seed_units.aligned_points():
        rp, kp = ru.split("\n"), kk.split("\n")
        out.extend(zip(rp, kp) if len(rp) == len(kp) else [(ru, kk)])
    return out


def corpus_units(db: str) -> list[tuple[str, str, str]]:
    """(RU text, KK text, act id) of every aligned leaf unit of the corpus's latest Russian
    documents (the act id: a pair seen in one act only must be spelled alike, ``learn_table``)."""
    from maslihat.corpus.store import Store
    st = Store(db, readonly=True)
    out = []
    try:
        for d in st.documents():
            kd = st.document(d.parallel_id) if d.language == "ru" and d.parallel_id else None
            if kd is None:
                continue
            ru_units, kk_units = st.units(d.id), {u.id: u for u in st.units(kd.id)}
            parents = {u.parent_id for u in ru_units if u.parent_id}
            for u in ru_units:
                k = kk_units.get(u.parallel_id) if u.id not in parents else None
                if k is not None:
                    out.append((d.text[u.start:u.end], kd.text[k.start:k.end], d.act_id or d.id))
    finally:
        st.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", help="also learn from the aligned units of this corpus file")
    args = ap.parse_args()
    units = corpus_units(args.db) if args.db else aligned_units()
    table = learn_table(units)
    phrases = sum(" " in k for k in table["kk"])
    print(f"{args.db or 'seed 001'}: {len(units)} aligned units -> {len(table['ru'])} RU terms, "
          f"{len(table['kk'])} KK terms or sequences ({phrases} sequences)")
    save(table, LEARNED)
    print(f"-> {LEARNED}")

if __name__ == "__main__":
    main()
