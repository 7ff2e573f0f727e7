"""Pairing quality of two different acts (issue 12): content pairing against numbering, on judged pairs.

    .venv/bin/python -m bench.compare_pairs            # precision / recall / time per judged pair
    .venv/bin/python -m bench.compare_pairs --set built-on   # only the pairs constants are chosen on
    .venv/bin/python -m bench.compare_pairs --sheet NAME   # the judging sheet of one pair, to read
    .venv/bin/python -m bench.compare_pairs --blind-sheet A B   # a sheet for a new pair, judged blind

The judged pairs live in bench/compare_gold.json: for each pair of acts (files of ../shared, read
at run time, never copied), every provision (point/article) of A with the provision(s) of B that
say the same thing — judged by reading both texts — or none. A provision is named by its label
and the first words of its text, so the judgement survives id changes. Held out, judged blind
and never used to tune: Almaty 2004 against the Model Regulation (RU and KK/RU), and Pavlodar 2014
against Kokshetau 2014 (RU, KK and KK/RU; issue 12 part 1, judged from a sheet like ``--blind-sheet``),
and Almaty 2004 against East Kazakhstan 2014 (RU, KK, KK/RU and RU/KK; issue 12 third pass, judged the
same way before the pairing ever ran on it).
Almaty 2004 against Kokshetau 2014 was held out until issue 12's second pass, built on since.

Columns: «content» pairs A and B as they are (across languages through the word table); «through
the parallel» with the other language version of one act as the bridge (A's for a Kazakh A against
a Russian B); «both acts' versions» with both acts' other language versions at hand, as
``Corpus.diff`` passes them when the corpus has both (issue 12 ninth pass: through both acts'
Russian texts when they match theirs provision for provision).

A predicted pair counts as right when B's provision is one the judge accepted for A's. Precision
= right pairs / predicted pairs; recall = right pairs / A's provisions that have a counterpart;
a provision judged to have none and left unpaired is right by absence (counted apart). Each
provision of A is judged once: by its own pair, the first ``pair_by_content`` lists for it.
A split (issue 12 tenth pass: a provision of A with a second counterpart in B, listed after its
own pair) changes none of these columns; «every pair» counts it too: precision = right pairs /
all pairs made, the splits included; recall = A's provisions with at least one right pair / A's
provisions that have a counterpart; «splits» = split pairs right / made.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "bench" / "compare_gold.json"
PREFIX = 40


def load(rel: str, lang: str = ""):
    """One file of ../shared through the real pipeline: (document, units) of its first document, or
    of its document in ``lang`` (a bilingual file), or of the sibling kaz.md/rus.md of an act folder."""
    from maslihat.corpus.build import build
    from maslihat.ingest.pipeline import load_file
    sibling = {"kk": ("rus.md", "kaz.md"), "ru": ("kaz.md", "rus.md")}.get(lang)
    if sibling and rel.endswith("/" + sibling[0]):
        rel = rel[: -len(sibling[0])] + sibling[1]
    docs = load_file(SHARED / rel, rel)
    doc = next((d for d in docs if d.language == lang), None) if lang else docs[0]
    if doc is None:
        raise SystemExit(f"compare_gold: {rel} has no document in {lang!r}")
    b = build(doc)
    return b.doc, b.units


def _same_provisions(src, other, rel: str) -> dict[str, str]:
    """The n-th provision of one language version onto the n-th of the other (checked by number)."""
    from maslihat.nlp.compare_facts import number_value
    ps, po = provisions(None, src), provisions(None, other)
    if [number_value(u.number) for u in ps] != [number_value(u.number) for u in po]:
        raise SystemExit(f"compare_gold: the language versions of {rel} are not numbered alike")
    return {u.id: v.id for u, v in zip(ps, po)}


def _norm(s: str) -> str:
    return " ".join(s.replace("ё", "е").split()).lower()


def provisions(doc, units) -> list:
    return [u for u in units if u.kind in ("point", "article")]


def key(doc, u) -> str:
    """«п. 25|Депутат маслихата может выступить по» — label and the first words after the number."""
    from maslihat.nlp.compare import unit_text
    return f"{u.label}|{_norm(unit_text(doc, [], u, {}))[:PREFIX]}"


def find(doc, units, ref: str):
    label, prefix = ref.split("|", 1)
    hits = [u for u in provisions(doc, units) if u.label == label and key(doc, u).split("|", 1)[1].startswith(prefix)]
    if len(hits) != 1:
        raise SystemExit(f"compare_gold: {ref!r} matches {len(hits)} provisions")
    return hits[0]


def by_number(units_a, units_b) -> dict[str, str]:
    """The baseline the issue reported: provisions paired by their number (the same part first)."""
    from maslihat.nlp.compare_facts import number_value
    idx: dict[str, list] = {}
    for u in provisions(None, units_b):
        idx.setdefault(number_value(u.number), []).append(u.id)
    out = {}
    for u in provisions(None, units_a):          # in document order: the n-th «п. 1» of A takes B's n-th
        c = idx.get(number_value(u.number))
        if c:
            out[u.id] = c.pop(0)
    return out


def score(pred: dict[str, str], gold: dict[str, set]) -> dict:
    right = sum(1 for a, b in pred.items() if a in gold and b in gold[a])
    predicted = sum(1 for a in pred if a in gold)
    with_counterpart = sum(1 for g in gold.values() if g)
    absent_right = sum(1 for a, g in gold.items() if not g and a not in pred)
    return {"predicted": predicted, "right": right, "gold_pairs": with_counterpart,
            "precision": round(right / predicted, 3) if predicted else 0.0,
            "recall": round(right / with_counterpart, 3) if with_counterpart else 0.0,
            "none_judged": sum(1 for g in gold.values() if not g), "none_left_unpaired": absent_right}


def score_all(pairs: list[tuple[str, str]], gold: dict[str, set]) -> dict:
    """Every pair made, a split's second counterpart included (``score`` judges A's own pair only):
    precision over all pairs, recall over A's provisions with at least one right pair; ``splits``
    and ``splits_right``: the second counterparts made and those the judge accepted."""
    pairs = [(a, b) for a, b in pairs if a in gold]
    seen: set = set()
    splits = splits_right = 0
    for a, b in pairs:
        if a in seen:
            splits += 1
            splits_right += b in gold[a]
        seen.add(a)
    right = sum(1 for a, b in pairs if b in gold[a])
    found = {a for a, b in pairs if b in gold[a]}
    with_counterpart = sum(1 for g in gold.values() if g)
    return {"predicted": len(pairs), "right": right, "gold_pairs": with_counterpart, "found": len(found),
            "precision": round(right / len(pairs), 3) if pairs else 0.0,
            "recall": round(len(found) / with_counterpart, 3) if with_counterpart else 0.0,
            "splits": splits, "splits_right": splits_right}


def _first(pairs, kinds: set) -> dict[str, str]:
    """A's own pair for each provision of A: the first ``pair_by_content`` lists (a split's second
    counterpart comes after it)."""
    out: dict[str, str] = {}
    for a, b, _ in pairs:
        if a in kinds and b:
            out.setdefault(a, b)
    return out


def judged(item: dict):
    """(doc A, units A, doc B, units B, gold) of a judged pair."""
    da, ua = load(item["a"])
    db, ub = load(item["b"])
    gold = {}
    for row in item["pairs"]:
        a = find(da, ua, row["a"])
        gold[a.id] = {find(db, ub, r).id for r in row["b"]}
    missing = [key(da, u) for u in provisions(da, ua) if u.id not in gold]
    if missing:
        raise SystemExit(f"compare_gold {item['name']}: provisions not judged: {missing[:5]}")
    return da, ua, db, ub, gold


def derived(item: dict, items: dict):
    """A judged pair read in other language versions (``"derive": name, "a_lang", "b_lang"``): the
    RU and KK texts of one act are numbered alike, so a judgement of RU provisions carries over
    to the KK provisions of the same numbers (checked provision by provision)."""
    src = items[item["derive"]]
    da, ua, db, ub, gold = judged(src)
    ka, kua = load(src["a"], item.get("a_lang", ""))
    kb, kub = load(src["b"], item.get("b_lang", ""))
    ma, mb = _same_provisions(ua, kua, src["a"]), _same_provisions(ub, kub, src["b"])
    return ka, kua, kb, kub, {ma[a]: {mb[b] for b in bs} for a, bs in gold.items()}


def other_versions(item: dict, items: dict, da, ua, db, ub) -> dict:
    """For a pair across languages, the version of A or B in the other's language, linked unit by
    unit to it as ingest links them (``corpus.build.align_parallel``): ``{"via_a": ...}``."""
    from types import SimpleNamespace
    from maslihat.corpus.build import align_parallel
    if da.language == db.language or not item.get("derive"):
        return {}
    src = items[item["derive"]]
    side, rel, doc, units = (("via_a", src["a"], da, ua) if da.language != load(src["a"])[0].language
                             else ("via_b", src["b"], db, ub))
    pdoc, punits = load(rel, db.language if side == "via_a" else da.language)
    align_parallel(SimpleNamespace(doc=pdoc, units=punits), SimpleNamespace(doc=doc, units=units))
    return {side: (pdoc, punits)}


def both_versions(item: dict, items: dict, da, ua, db, ub) -> dict:
    """The other language version of A and of B, each linked unit by unit to its own as ingest
    links them: ``{"via_a": ..., "via_b": ...}``, what ``Corpus.diff`` passes when the corpus has
    both acts in both languages (then two acts not both in Russian are paired through their Russian
    texts, ``nlp.compare``'s pivot), or {} when one is missing."""
    from types import SimpleNamespace
    from maslihat.corpus.build import align_parallel
    src = items[item["derive"]] if item.get("derive") else item
    out = {}
    for key, rel, doc, units in (("via_a", src["a"], da, ua), ("via_b", src["b"], db, ub)):
        other = {"ru": "kk", "kk": "ru"}[doc.language]
        try:
            pdoc, punits = load(rel, other)
        except SystemExit:
            return {}
        align_parallel(SimpleNamespace(doc=pdoc, units=punits), SimpleNamespace(doc=doc, units=units))
        out[key] = (pdoc, punits)
    return out


def evaluate(item: dict, items: dict | None = None) -> dict:
    from maslihat.nlp.compare import pair_by_content
    if item.get("derive"):
        da, ua, db, ub, gold = derived(item, items or {})
    else:
        da, ua, db, ub, gold = judged(item)
    t0 = time.perf_counter()
    pairs = pair_by_content(da, ua, db, ub)
    dt = time.perf_counter() - t0
    kinds = {u.id for u in provisions(da, ua)}
    content = _first(pairs, kinds)
    every = [(a, b) for a, b, _ in pairs if a in kinds and b]
    via = other_versions(item, items or {}, da, ua, db, ub)
    through = _first(pair_by_content(da, ua, db, ub, **via), kinds) if via else None
    both = both_versions(item, items or {}, da, ua, db, ub)
    joint_pairs = pair_by_content(da, ua, db, ub, **both) if both else None
    joint = _first(joint_pairs, kinds) if both else None
    return {"name": item["name"], "held_out": item.get("held_out", False), "language": da.language,
            "languages": f"{da.language}/{db.language}", "derived": bool(item.get("derive")),
            "provisions_a": len(provisions(da, ua)), "provisions_b": len(provisions(db, ub)),
            "units_a": len(ua), "units_b": len(ub), "seconds": round(dt, 4),
            "content": score(content, gold), "by_number": score(by_number(ua, ub), gold),
            # every pair made, a split's second counterpart included (issue 12 tenth pass)
            "content_all": score_all(every, gold),
            "both_versions_all": (score_all([(a, b) for a, b, _ in joint_pairs if a in kinds and b], gold)
                                  if joint_pairs is not None else None),
            # across languages, with the other language version of one act as the bridge
            "through_parallel": score(through, gold) if through is not None else None,
            # both acts' other language versions at hand, as Corpus.diff passes them
            "both_versions": score(joint, gold) if joint is not None else None}


def _pr(sc: dict | None) -> str:
    return "—" if not sc else f"{sc['precision']:.3f} / {sc['recall']:.3f} ({sc['right']}/{sc['gold_pairs']})"


def _prp(sc: dict | None) -> str:
    """Precision (right/predicted) / recall."""
    return "—" if not sc else f"{sc['precision']:.3f} ({sc['right']}/{sc['predicted']}) / {sc['recall']:.3f}"


def sheet(item: dict) -> None:
    """What the judge reads: each provision of A, the content pairing's choice and the next candidates."""
    from maslihat.nlp.compare import pair_by_content, unit_text
    from maslihat.nlp.diff import similarity
    da, ua = load(item["a"])
    db, ub = load(item["b"])
    pa = {a: b for a, b, _ in pair_by_content(da, ua, db, ub) if a and b}
    ib = {u.id: u for u in ub}
    pb = provisions(db, ub)
    tb = {u.id: unit_text(db, ub, u, {}) for u in pb}
    for u in provisions(da, ua):
        ta = unit_text(da, ua, u, {})
        best = sorted(pb, key=lambda v: -similarity(ta[:600], tb[v.id][:600], False))[:3]
        print(f"A {key(da, u)} :: {' '.join(ta.split())[:260]}")
        got = ib.get(pa.get(u.id))
        print(f"   -> {key(db, got) if got else 'NONE'}")
        for v in best:
            print(f"   ?  {key(db, v)} :: {' '.join(tb[v.id].split())[:200]}")


def blind_sheet(rel_a: str, rel_b: str, near: int = 4) -> None:
    """A judging sheet that never runs the pairing under test: each provision of A with the
    ``near`` provisions of B closest by rapidfuzz ``token_set_ratio`` (then the judge reads B's
    table of contents for the rest), each named as bench/compare_gold.json names it."""
    from rapidfuzz import fuzz

    from maslihat.nlp.compare import unit_text
    da, ua = load(rel_a)
    db, ub = load(rel_b)
    tb = {u.id: " ".join(unit_text(db, ub, u, {}).split()) for u in provisions(db, ub)}
    print("## B, every provision")
    for u in provisions(db, ub):
        print(f"   {key(db, u)} :: {tb[u.id][:150]}")
    for u in provisions(da, ua):
        ta = " ".join(unit_text(da, ua, u, {}).split())
        print(f"\n## A {key(da, u)} :: {ta[:350]}")
        for v in sorted(provisions(db, ub), key=lambda v: -fuzz.token_set_ratio(ta[:500], tb[v.id][:500]))[:near]:
            print(f"   ? {key(db, v)} :: {tb[v.id][:220]}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sheet")
    ap.add_argument("--blind-sheet", nargs=2, metavar=("A", "B"),
                    help="files of ../shared: a sheet to judge a new pair by, without the content pairing")
    ap.add_argument("--out")
    ap.add_argument("--set", choices=("built-on", "held-out"),
                    help="only the built-on pairs (to choose a constant on) or only the held-out ones")
    args = ap.parse_args()
    if args.blind_sheet:
        blind_sheet(*args.blind_sheet)
        return
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    if args.sheet:
        sheet(next(i for i in gold if i["name"] == args.sheet and not i.get("derive")))
        return
    items = {i["name"]: i for i in gold}
    want = {None: (False, True), "built-on": (False,), "held-out": (True,)}[args.set]
    res = [evaluate(i, items) for i in gold if bool(i.get("held_out", False)) in want]
    print("| pair | languages | set | A/B provisions | content P | content R | through the parallel P / R "
          "| both acts' versions P / R | content, every pair P / R (splits right/made) "
          "| by number P | by number R | time |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in res:
        c, n, e = r["content"], r["by_number"], r["content_all"]
        every = (f"{e['precision']:.3f} ({e['right']}/{e['predicted']}) / {e['recall']:.3f} ({e['found']}/{e['gold_pairs']})"
                 f" ({e['splits_right']}/{e['splits']})")
        print(f"| {r['name']} | {r['languages']} | {'held out' if r['held_out'] else 'built on'}"
              f"{' (derived)' if r['derived'] else ''} | {r['provisions_a']}/{r['provisions_b']} | "
              f"{c['precision']:.3f} ({c['right']}/{c['predicted']}) | {c['recall']:.3f} ({c['right']}/{c['gold_pairs']}) | "
              f"{_pr(r['through_parallel'])} | {_prp(r['both_versions'])} | {every} | "
              f"{n['precision']:.3f} | {n['recall']:.3f} | {r['seconds'] * 1000:.0f} ms |")
    if args.out:
        Path(args.out).write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
