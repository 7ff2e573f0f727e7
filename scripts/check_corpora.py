#!/usr/bin/env python3
"""Issue 10 check: the repository-layout corpora ingested together with the .txt/.html copies.

Ingests ``../shared/corpus/dev-laws`` and ``../shared/corpus/dev`` (whose ``docs/<code>/`` holds
rus.md/kaz.md/meta.yaml and ``derived/`` the .txt and .html of each act) into a fresh corpus,
then checks against the files themselves (read here with PyYAML and plain regexes, not with
the project's parsers):
- exactly one document per act and language, and no second edition (no fake editions);
- every copy of a dev act (md, txt, html) is a source of that one document; duplicates reported;
- the metadata of each document equals its meta.yaml: title, adoption date, number (from the
  requisite), form -> doc type, edition date, act code, issuing-body code, canonical body when
  the code is known, registration number, status (repealed iff the requisite says so), the
  amending act (caused_by) among the amendments.
Prints one line per failed check and a table per language; exit status 1 when a check fails.

    .venv/bin/python scripts/check_corpora.py [--shared ../shared] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FORMS = {"ЗАК": "law", "УКАЗ": "decree", "РЕШ": "decision", "ПОСТ": "resolution", "ПРИК": "order"}
LOOK = str.maketrans("ABCEHKMOPTXYIaceopxyi", "АВСЕНКМОРТХУІасеорхуі")


def key(s) -> str:
    return re.sub(r"[\W_]+", "", str(s or "").translate(LOOK).lower())


def first_number(requisite: str) -> str:
    m = re.search(r"(?:№|\bN)\s*([^\s,]+)", requisite)
    return m.group(1).rstrip(".") if m else ""


def registration_number(requisite: str) -> str:
    m = re.search(r"[Зз]арегистрир\w*[^№]*?(?:за\s*)?№\s*([^\s.,]+)", requisite)
    return m.group(1) if m else ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--json", dest="json_out")
    a = ap.parse_args()
    laws, dev = Path(a.shared) / "corpus" / "dev-laws", Path(a.shared) / "corpus" / "dev"
    for p in (laws, dev):
        if not p.is_dir():
            print(f"check_corpora: {p} is missing", file=sys.stderr)
            return 2
    from maslihat.corpus.api import Corpus
    tmp = Path(tempfile.mkdtemp(prefix="check_corpora_"))
    c = Corpus(str(tmp / "c.sqlite"), es_url="")
    t0 = time.perf_counter()
    s = c.ingest([str(laws), str(dev)])
    dt = time.perf_counter() - t0
    latest = c.store.documents(latest_only=True)
    every = c.store.documents(latest_only=False)
    by_code: dict[tuple[str, str], list] = {}
    for d in latest:
        code = ((d.extra or {}).get("repository") or {}).get("act_code")
        by_code.setdefault((str(code), d.language), []).append(d)
    fails: list[str] = []
    figs: Counter = Counter()

    def check(name: str, lang: str, ok: bool, what: str) -> None:
        figs[(name, lang, "total")] += 1
        figs[(name, lang, "ok")] += int(bool(ok))
        if not ok:
            fails.append(f"{name} [{lang}] {what}")

    metas = sorted(laws.glob("*/meta.yaml")) + sorted((dev / "docs").glob("*/meta.yaml"))
    for mp in metas:
        meta = yaml.safe_load(mp.read_text(encoding="utf-8"))
        code = str(meta["act_code"])
        req = str(meta.get("requisite") or "")
        for fname, lang, lk in (("rus.md", "ru", "rus"), ("kaz.md", "kk", "kaz")):
            if not (mp.parent / fname).exists():
                continue
            docs = by_code.get((code, lang), [])
            check("one document per act and language", lang, len(docs) == 1, f"{code}: {len(docs)} documents")
            if len(docs) != 1:
                continue
            d = docs[0]
            eds = [e for e in every if e.act_id == d.act_id and e.language == lang]
            check("no second edition", lang, len(eds) == 1, f"{code}: {len(eds)} editions")
            if mp.parent.parent.name == "docs":        # the dev corpus: md, txt and html of one act
                stem = {"ru": "rus", "kk": "kaz"}[lang]
                want = {f"docs/{code}/{fname}", f"derived/{code}.{stem}.txt", f"derived/{code}.{stem}.html"}
                got = {x["source"] for x in d.sources}
                check("md+txt+html are one document", lang, want <= got, f"{code}: sources {sorted(got)}")
            title = (meta.get("title") or {}).get(lk)
            check("title = meta.yaml", lang, key(d.title) == key(title), f"{code}: {d.title!r} vs {title!r}")
            check("adopted_date = approved_on", lang, d.adopted_date == str(meta.get("approved_on")),
                  f"{code}: {d.adopted_date} vs {meta.get('approved_on')}")
            check("number = requisite", lang, key(d.number) == key(first_number(req)),
                  f"{code}: {d.number!r} vs {first_number(req)!r}")
            if meta.get("form") in FORMS:
                check("doc_type = form", lang, d.doc_type == FORMS[meta["form"]],
                      f"{code}: {d.doc_type} vs {meta['form']}")
            vd = (meta.get("version_date") or {}).get(lk)
            rep = (d.extra or {}).get("repository") or {}
            check("version_date = meta.yaml", lang, str(vd) == str((d.extra or {}).get("version_date")),
                  f"{code}: {(d.extra or {}).get('version_date')} vs {vd}")
            check("approved_by kept", lang, rep.get("approved_by") == [str(x) for x in meta.get("approved_by") or []],
                  f"{code}: {rep.get('approved_by')}")
            by = str((meta.get("approved_by") or [""])[0])
            want_body = {"154": "kz-alm", "157": "kz-vos", "164": "kz-pav"}.get(by[:3])
            if want_body:
                check("issuer_id from the body code", lang, (d.issuer_id or "").startswith(want_body + "."),
                      f"{code}: {d.issuer_id} vs {want_body}")
                check("region_id from the body code", lang, d.region_id == want_body, f"{code}: {d.region_id}")
            rn = registration_number(req)
            if rn:
                check("registration number = requisite", lang,
                      key((d.registration or {}).get("number")) == key(rn),
                      f"{code}: {(d.registration or {}).get('number')} vs {rn}")
            repealed = bool(re.search(r"Утратил|[Кк]үші жойыл", req))
            if repealed:
                check("status repealed (requisite)", lang, d.status == "repealed", f"{code}: {d.status}")
            cb = meta.get("caused_by") or {}
            if cb.get("code"):
                check("caused_by among amendments", lang,
                      any(str(x.get("act_code")) == str(cb["code"]) for x in d.amendments),
                      f"{code}: {cb['code']} not in {d.amendments}")
    reasons = Counter(q.reason for q in s.quarantined)
    print(f"ingested {laws} + {dev} in {dt:.1f}s: {s.files} files, {s.documents_added} documents, "
          f"{s.acts} acts, {len(s.duplicates)} duplicates reported ('same as'), {s.new_versions} new editions, "
          f"{len(s.quarantined)} quarantined, {s.metadata_files} meta.yaml read")
    print("documents by language:", dict(Counter(d.language for d in latest)),
          "by type:", dict(Counter(d.doc_type for d in latest)))
    for r, n in reasons.most_common():
        print(f"  quarantined ({n}): {r}")
    names = sorted({k[0] for k in figs})
    w = max(len(n) for n in names)
    print(f"{'check'.ljust(w)}  {'ru':>9}  {'kk':>9}")
    for n in names:
        cells = [f"{figs[(n, lang, 'ok')]}/{figs[(n, lang, 'total')]}" if figs[(n, lang, 'total')] else "-"
                 for lang in ("ru", "kk")]
        print(f"{n.ljust(w)}  {cells[0]:>9}  {cells[1]:>9}")
    for f in fails:
        print("FAIL", f)
    if a.json_out:
        Path(a.json_out).write_text(json.dumps({"figures": {"|".join(k): v for k, v in figs.items()},
                                                "failures": fails}, ensure_ascii=False, indent=1),
                                    encoding="utf-8")
    print("ALL OK" if not fails else f"{len(fails)} failed checks")
    return 0 if not fails else 1


if __name__ == "__main__":
    sys.exit(main())
