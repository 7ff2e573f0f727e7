"""``maslihat facts``: the numbers of the law (deadlines, quorums, thresholds…) across the corpus.

Kept apart from ``cli.py`` so the shared CLI file only registers the command.
"""
from __future__ import annotations

import json

from maslihat.nlp.facts import FACT_KINDS, subject_label, subjects


def register(add, open_corpus, fail) -> None:
    """``open_corpus(args, must_exist)`` and ``fail(args, message)`` are the CLI's own helpers
    (passed in: nothing imports the CLI)."""
    sp = add("facts", cmd_facts, "facts stated in the provisions: deadlines, quorums, thresholds, amounts…")
    sp.set_defaults(func=lambda args: cmd_facts(args, open_corpus, fail))
    sp.add_argument("--kind", choices=FACT_KINDS)
    sp.add_argument("--subject", help="subject code, e.g. inquiry_answer, session_notice, session_quorum "
                                      "(list them with --subjects)")
    sp.add_argument("--lang", choices=["ru", "kk"])
    sp.add_argument("--doc", help="only this document id")
    sp.add_argument("--compare", action="store_true", help="one row per act, RU and KK side by side")
    sp.add_argument("--against", action="store_true", help="beside the same fact of the higher act it relies on")
    sp.add_argument("--subjects", action="store_true", help="list the subject codes and exit")
    sp.add_argument("--json", action="store_true")


def _clean(s) -> str:
    """Document text shown on a terminal: control characters (escape sequences) removed."""
    return "".join(ch for ch in str(s or "") if ch.isprintable())


def cmd_facts(args, _corpus=None, _fail=None) -> int:
    from maslihat.corpus import facts as cf

    if args.subjects:
        rows = [{"code": c, "ru": subject_label(c, "ru"), "kk": subject_label(c, "kk"), "en": subject_label(c, "en")}
                for c in subjects()]
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=1))
        else:
            for r in rows:
                print(f"{r['code']:32} {r['en']} | {r['ru']} | {r['kk']}")
        return 0
    if args.subject and args.subject not in subjects() and not args.subject.startswith("extraordinary_"):
        return _fail(args, f"unknown subject {args.subject!r}: see `maslihat facts --subjects`")
    c = _corpus(args, must_exist=True)
    if args.compare:
        if not args.kind:
            return _fail(args, "--compare needs --kind")
        rows = cf.comparison(c.store, args.kind, args.subject)
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=1))
            return 0
        for a in rows:
            title = a["title"].get("ru") or a["title"].get("kk") or a["act_id"]
            flag = {True: "", False: "  ≠ RU/KK differ", None: ""}[a["agree"]]
            print(f"{_clean(title)[:90]}{flag}")
            for lang in ("ru", "kk"):
                for f in a[lang]:
                    print(f"   {lang} {f['value']:8} {f['relation']:15} {_clean(f['unit_label'])[:30]:30} «{_clean(f['surface'])}»")
        return 0
    if args.against:
        rows = cf.against_higher(c.store, args.kind, args.subject)
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=1))
            return 0
        for r in rows:
            f, h = r["fact"], r["higher"]
            mark = "DIFFERS" if r["differs"] else "same"
            print(f"{mark:7} {f['kind']} {f['subject']}: {f['value']} ({_clean(f['document']['title'])[:50]}, "
                  f"{_clean(f['unit_label'])}) / {h['value']} ({_clean(h['document']['title'])[:50]}, {_clean(h['unit_label'])})")
        if not rows:
            print("no provision states a fact that the act it relies on also states")
        return 0
    try:
        rows = cf.query(c.store, kind=args.kind, subject=args.subject, lang=args.lang, document_id=args.doc)
    except ValueError as e:
        return _fail(args, str(e))
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    for f in rows:
        subj = f["subject"] or "-"
        print(f"[{f['language']}] {f['kind']:11} {f['value']:10} {f['relation']:15} {subj:28} "
              f"{_clean(f['unit_label'])[:24]:24} «{_clean(f['surface'])[:70]}»  {f['unit_id'] or f['document_id']}")
    print(f"{len(rows)} facts")
    return 0
