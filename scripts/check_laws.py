#!/usr/bin/env python3
"""Check laws and codes end to end on ../shared/corpus/dev-laws (read at run time, never copied).

Every act folder (<act>/rus.md, kaz.md, meta.yaml) is read through the project's own reader
(``ingest.pipeline.load_file``), given the kind, title, date and number of its ``meta.yaml``
(what the repository-layout ingest does), segmented, aligned RU<->KK, its references found and
resolved against all acts of the set. Gold comes from the markdown itself, independently of the
parser: the ``<a id="stN">`` anchors and the ``Статья N.`` / ``N-бап.`` heading lines give the
articles and their headings; lines opening with ``1.`` / ``1)`` / ``а)`` inside an article give
its points and subpoints; phrases like «настоящей статьи», «осы баптың», «настоящего Закона» give
the self and internal references and the unit they must resolve to.

Reports per language and per split (built on / held out, fixed before tuning):

    .venv/bin/python scripts/check_laws.py [--dev ../shared/corpus/dev-laws] [--sample N] [--misses]
"""
from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import yaml  # noqa: E402

from maslihat.corpus.build import align_parallel, build  # noqa: E402
from maslihat.ingest.doctype import classify  # noqa: E402
from maslihat.ingest.requisites import parse_requisite  # noqa: E402
from maslihat.ingest.pipeline import load_file  # noqa: E402
from maslihat.nlp import act_match  # noqa: E402
from maslihat.nlp.resolve import Catalog, resolve  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
# ../shared seen from the project root (a worktree under /work/wt/NAME looks two levels up)
DEFAULT = next((p for p in (os.path.normpath(os.path.join(HERE, *[".."] * k, "shared", "corpus", "dev-laws"))
                            for k in (2, 3)) if os.path.isdir(p)),
               os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus", "dev-laws")))
# set aside before any tuning: one law and one local act
HELD_OUT = ("codes__1208-", "local-east-kazakhstan__1209-")
LANGS = {"ru": "rus.md", "kk": "kaz.md"}

ART_RU = re.compile(r"^#{0,6}\s*Статья\s+(\d+(?:-\d+)?)\s*\.\s*(.*)$")
ART_KK = re.compile(r"^#{0,6}\s*(\d+(?:-\d+)?)\s*-\s*бап\s*\.\s*(.*)$")
HEAD_NUM = re.compile(r"(?:Статья|СТАТЬЯ)\s+\d+(?:-\d+)?\s*\.?|\d+(?:-\d+)?\s*-\s*бап\s*\.?")
ANCHOR = re.compile(r'<a id="st(\d+(?:-\d+)?)"')
POINT = re.compile(r"^\s*\**(\d{1,3}(?:-\d{1,2})?)\.\s+\S")
SUB = re.compile(r"^\s*\**(\d{1,3}(?:-\d{1,2})?\)|[а-яәіңғүұқөһ]\))\s*\S")

# internal references, read by the checker on its own: (regex, what the target is)
INTERNAL = {
    "ru": [
        (r"(?:пункт(?:ом|а|е|у|ами|ов|ах)?|п\.)\s*(\d+(?:-\d+)?)\s+настоящей\s+статьи", "point_here"),
        (r"(?:подпункт(?:ом|а|е|у)?|пп\.)\s*(\d+(?:-\d+)?\))\s+(?:пункта\s+(\d+(?:-\d+)?)\s+)?настоящей\s+статьи",
         "sub_here"),
        (r"стать(?:ей|и|е|ю|я)\s+(\d+(?:-\d+)?)\s+настоящего\s+(?:Закона|Кодекса)", "article"),
        (r"пункт(?:ом|а|е|у)?\s+(\d+(?:-\d+)?)\s+стать(?:и|ей|е)\s+(\d+(?:-\d+)?)\s+настоящего\s+(?:Закона|Кодекса)",
         "point_of"),
    ],
    "kk": [
        (r"осы\s+баптың\s+(\d+(?:-\d+)?)\s*-\s*тармағ", "point_here"),
        (r"осы\s+баптың\s+(?:(\d+(?:-\d+)?)\s*-\s*тармағының\s+)?(\d+(?:-\d+)?\))\s*тармақша", "sub_here_kk"),
        (r"осы\s+(?:Заңның|Кодекстің)\s+(\d+(?:-\d+)?)\s*-\s*ба[пб]", "article"),
        (r"осы\s+(?:Заңның|Кодекстің)\s+(\d+(?:-\d+)?)\s*-\s*ба[пб]\w*\s+(\d+(?:-\d+)?)\s*-\s*тармағ", "point_of_kk"),
    ],
}
SELF = {"ru": r"настоящ(?:ий|его|ему|им|ем)\s+(?:Закон|Кодекс)(?:а|у|ом|е)?(?!\w)",
        # a sentence-initial nominative (`Настоящий Закон регулирует`, `Осы Заң … реттейді`) is the act as
        # the subject of its own sentence, not a reference: RU lower case only, KK case forms only
        "kk": r"осы\s+(?:Заң|Кодекс)(?:ның|тің|ға|ке|да|те|мен|пен|ы|і|ды|ті|нан|тен)?(?!\w)|"
              r"Осы\s+(?:Заң|Кодекс)(?:ның|тің|ға|ке|да|те|мен|пен|ы|і|ды|ті|нан|тен)(?!\w)"}


def norm(s: str) -> str:
    return re.sub(r"[\s.:;,«»\"*#]+", " ", (s or "").lower().translate(str.maketrans("i", "і"))).strip()


def gold_of(md: str, lang: str) -> dict:
    """Articles {number: heading} and numbered paths {(article, point, subpoint)} from the markdown."""
    arts: dict[str, str] = {}
    anchors = set(ANCHOR.findall(md))
    paths = set()
    art = pt = None
    rx = ART_RU if lang == "ru" else ART_KK
    for line in md.split("\n"):
        if line.lstrip().startswith(">"):
            continue
        m = rx.match(line)
        if m:
            art, pt = m.group(1), None
            arts[art] = re.sub(r"[*]", "", m.group(2)).strip()
            continue
        if art is None or line.lstrip().startswith("#"):
            continue
        m = POINT.match(line)
        if m:
            pt = m.group(1)
            paths.add((art, pt, None))
            continue
        m = SUB.match(line)
        if m:
            paths.add((art, pt, m.group(1)))
    for a in anchors - set(arts):
        arts[a] = None
    return {"articles": arts, "paths": paths, "anchors": anchors}


def load_act(folder: Path) -> tuple[dict, dict]:
    """meta.yaml and {lang: Document} with the metadata the repository layout gives."""
    meta = yaml.safe_load((folder / "meta.yaml").read_text(encoding="utf-8")) or {}
    req = parse_requisite(str(meta.get("requisite") or "")) if meta.get("requisite") else None
    docs = {}
    for lang, name in LANGS.items():
        d = load_file(folder / name, f"{folder.name}/{name}")[0]
        d.language = lang
        d.doc_type = classify(d.text, lang, meta).doc_type
        d.title = (meta.get("title") or {}).get("rus" if lang == "ru" else "kaz") or d.title
        if req is not None:
            d.number, d.adopted_date = req.number, req.adopted_date
        d.act_id = f"dev-laws/{folder.name}"
        d.id = f"{d.act_id}/{lang}"
        docs[lang] = d
    return meta, docs


def chain(units_by_id, u):
    out = {}
    p = u
    while p is not None:
        if p.kind in ("article", "point", "subpoint") and p.kind not in out:
            out[p.kind] = p.number
        p = units_by_id.get(p.parent_id)
    return out.get("article"), out.get("point"), out.get("subpoint")


class Tally:
    def __init__(self):
        self.c = defaultdict(lambda: [0, 0])

    def add(self, key, ok: bool):
        self.c[key][0] += int(bool(ok))
        self.c[key][1] += 1

    def line(self, key):
        a, b = self.c[key]
        return f"{a}/{b} ({100 * a / b:.1f}%)" if b else "-"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev", default=DEFAULT)
    ap.add_argument("--sample", type=int, default=0, help="print N random points/subpoints per language to judge")
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    root = Path(args.dev)
    if not root.is_dir():
        print(f"no dev-laws corpus at {root}", file=sys.stderr)
        return 1
    folders = sorted(p for p in root.iterdir() if (p / "meta.yaml").exists())
    acts = []
    t0 = time.time()
    for f in folders:
        meta, docs = load_act(f)
        built = {lang: build(d) for lang, d in docs.items()}
        align_parallel(built["ru"], built["kk"])
        acts.append((f, meta, docs, built))
    catalog = Catalog([(b.doc, b.units) for _, _, _, bl in acts for b in bl.values()])
    for _, _, _, bl in acts:
        for b in bl.values():
            resolve(b.refs, b.doc, b.units, catalog)
    elapsed = time.time() - t0
    by_doc = {b.doc.id: b for _, _, _, bl in acts for b in bl.values()}
    cited_by = defaultdict(list)
    for b in by_doc.values():
        for r in b.refs:
            if r.resolved_unit_id:
                cited_by[r.resolved_unit_id].append(r.id)

    tallies = {"built on": Tally(), "held out": Tally()}
    misses = []
    rnd = random.Random(9)
    sample = defaultdict(list)
    for f, meta, docs, bl in acts:
        split = "held out" if f.name.startswith(HELD_OUT) else "built on"
        T = tallies[split]
        is_law = (meta.get("form") or "") == "ЗАК"
        for lang, b in bl.items():
            md = (f / LANGS[lang]).read_text(encoding="utf-8")
            gold = gold_of(md, lang)
            ub = {u.id: u for u in b.units}
            T.add(f"doc type not coursework.{lang}", b.doc.doc_type != "coursework")
            if is_law:
                T.add(f"law typed law/code.{lang}", b.doc.doc_type in ("law", "code"))
            arts = {u.number: u for u in b.units if u.kind == "article"}
            for n, head in gold["articles"].items():
                u = arts.get(n)
                ok = u is not None and (head is None or norm(u.heading) == norm(head))
                T.add(f"articles found with number and heading.{lang}", ok)
                if not ok:
                    misses.append(f"{split} {lang} {f.name[:30]} article {n}: {head!r} vs "
                                  f"{(u.heading if u else None)!r}")
            extra_arts = set(arts) - set(gold["articles"])
            for n in extra_arts:
                T.add(f"articles found that are articles.{lang}", False)
                misses.append(f"{split} {lang} {f.name[:30]} extra article {n}")
            for n in set(arts) & set(gold["articles"]):
                T.add(f"articles found that are articles.{lang}", True)
            found_paths = {chain(ub, u) for u in b.units if u.kind in ("point", "subpoint")
                           and chain(ub, u)[0] is not None}
            for p in gold["paths"]:
                ok = p in found_paths
                T.add(f"points/subpoints in articles found.{lang}", ok)
                if not ok:
                    misses.append(f"{split} {lang} {f.name[:30]} point path {p} missing")
            for p in found_paths:
                T.add(f"points/subpoints in articles correct.{lang}", p in gold["paths"])
            numbered = [u for u in b.units if u.kind in ("section", "chapter", "subchapter", "article", "point",
                                                           "subpoint", "appendix") and u.number]
            for u in numbered:
                T.add(f"numbered units aligned.{lang}", u.parallel_id is not None)
            for u in b.units:
                if u.kind in ("point", "subpoint"):
                    sample[(split, lang)].append((f.name, u))
            # notes are leaves and never hold numbered units
            for u in b.units:
                if u.kind == "note":
                    T.add(f"notes that are leaves.{lang}", not any(v.parent_id == u.id for v in b.units))
            # self references and internal references
            text = b.doc.text
            refs = b.refs
            notes = [(u.start, u.end) for u in b.units if u.kind == "note"]
            for m in re.finditer(SELF[lang], text):
                if any(s <= m.start() < e for s, e in notes):
                    continue
                hit = [r for r in refs if r.start <= m.start() < r.end or m.start() <= r.start < m.end()]
                ok = any(r.resolved_document_id == b.doc.id for r in hit)
                T.add(f"self references resolved to the act.{lang}", ok)
                if not ok and args.misses:
                    misses.append(f"{split} {lang} self {text[max(0, m.start() - 40):m.end()]!r}")
            arts_units = sorted((u for u in b.units if u.kind == "article"), key=lambda u: u.start)
            for rx, what in INTERNAL[lang]:
                for m in re.finditer(rx, text):
                    if any(s <= m.start() < e for s, e in notes):
                        continue
                    here = next((u for u in reversed(arts_units) if u.start <= m.start()), None)
                    if what == "point_here":
                        want = (here.number if here else None, m.group(1), None)
                    elif what == "sub_here":
                        want = (here.number if here else None, m.group(2), m.group(1))
                    elif what == "sub_here_kk":
                        want = (here.number if here else None, m.group(1), m.group(2))
                    elif what == "article":
                        want = (m.group(1), None, None)
                    elif what == "point_of_kk":
                        want = (m.group(1), m.group(2), None)
                    else:
                        want = (m.group(2), m.group(1), None)
                    hit = [r for r in refs if r.start <= m.end() and m.start() <= r.end and r.resolved_unit_id]
                    got = [chain(ub, ub[r.resolved_unit_id]) for r in hit if r.resolved_unit_id in ub]
                    # a chain may go deeper than the phrase read here (`подпунктах 6)-9) пункта 2 статьи 7`)
                    ok = any(g[:len([w for w in want if w])] == want[:len([w for w in want if w])] for g in got)
                    T.add(f"internal references resolved to the unit.{lang}", ok)
                    if not ok and args.misses:
                        misses.append(f"{split} {lang} internal {m.group(0)!r} want {want} got {got}")
            own_key = act_match.num_key(b.doc.number) if b.doc.number else None
            for r in refs:
                # the heading's own number (`Статья 6.`, `25-2-бап.`) is never a reference
                in_head = any(u.start <= r.start < u.start + len(HEAD_NUM.match(text, u.start).group(0))
                              for u in arts_units if HEAD_NUM.match(text, u.start))
                T.add(f"article numbers of headings not taken for references.{lang}", not in_head)
                if in_head and args.misses:
                    misses.append(f"{split} {lang} heading as reference {r.surface!r}")
                cites_itself = own_key and act_match.num_key(r.target.get("number")) == own_key
                if cites_itself:
                    pass                      # `… № 480-V (… см. ст. 67)` in the law's own footnote: itself
                elif any(s <= r.start < e for s, e in notes) and r.resolved_document_id == b.doc.id:
                    T.add(f"footnote references keep their own act.{lang}", False)
                elif any(s <= r.start < e for s, e in notes) and r.kind == "external":
                    T.add(f"footnote references keep their own act.{lang}", True)
            # citations of acts of the set from other acts, resolved, with backlinks
            for r in refs:
                tgt = r.target or {}
                for f2, meta2, docs2, _ in acts:
                    if f2 == f:
                        continue
                    req = str(meta2.get("requisite") or "")
                    num = parse_requisite(req).number if req else None
                    if num and tgt.get("number") and re.sub(r"\W", "", num.lower()) == re.sub(
                            r"\W", "", str(tgt["number"]).lower()):
                        ok = r.resolved_document_id in {d.id for d in docs2.values()}
                        T.add(f"citations of acts in the set resolved.{lang}", ok)
                        if tgt.get("article") or tgt.get("point"):
                            okb = ok and r.resolved_unit_id is not None and r.id in cited_by[r.resolved_unit_id]
                            T.add(f"citations of provisions resolved with backlinks.{lang}", okb)
    print(f"dev-laws: {len(folders)} acts, {sum(len(b.doc.text) for b in by_doc.values()):,} chars, "
          f"built+aligned+resolved in {elapsed:.1f}s")
    print(f"held out (set aside before tuning): {', '.join(HELD_OUT)}")
    for split, T in tallies.items():
        print(f"\n{split}:")
        for key in sorted(T.c):
            print(f"  {key:58s} {T.line(key)}")
    for (split, lang), items in sorted(sample.items()):
        if args.sample:
            print(f"\nsample to judge by hand: {split} {lang}")
            for name, u in rnd.sample(items, min(args.sample, len(items))):
                d = by_doc[u.document_id].doc
                body = d.text[u.start:u.end]
                print(f"  [{u.label}] {body[:70]!r} … {body[-30:]!r}")
    if args.misses:
        print("\nmisses:")
        for m in misses[:300]:
            print("  " + m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
