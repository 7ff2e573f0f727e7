"""The ``maslihat`` command (contract: shared/docs/contract.md)."""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Optional

from maslihat.core.taxonomy import FACET_NAMES


def _corpus(args, must_exist: bool = False):
    from maslihat.core import config
    from maslihat.corpus.api import Corpus

    path = config.db_path(args.db)
    if must_exist and not path.exists():
        raise SystemExit(_fail(args, f"no corpus at {path}: run `maslihat ingest PATH` first"))
    return Corpus(str(path))


def _fail(args, message: str) -> int:
    if getattr(args, "json", False):
        print(json.dumps({"error": message}, ensure_ascii=False))
    else:
        print(f"maslihat: {message}", file=sys.stderr)
    return 2


def cmd_ingest(args) -> int:
    import signal

    from maslihat.corpus.store import StoreError

    def _stop(signum, frame):          # kill: stop like Ctrl+C, keeping every finished file
        raise KeyboardInterrupt
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        c = _corpus(args)
        t0 = time.perf_counter()
        s = c.ingest(args.paths, progress=sys.stderr.isatty() or args.progress)
    except StoreError as e:
        print(f"maslihat: {e}", file=sys.stderr)
        return 1
    finally:
        signal.signal(signal.SIGTERM, previous)
    dt = time.perf_counter() - t0
    langs = ", ".join(f"{k} {v}" for k, v in sorted(s.by_language.items())) or "none"
    types = ", ".join(f"{k} {v}" for k, v in sorted(s.by_type.items())) or "none"
    print(f"{s.files} files in {dt:.1f}s: {s.documents_added} documents added "
          f"({s.new_versions} new versions), {s.unchanged} unchanged, {len(s.quarantined)} quarantined")
    print(f"  acts: {s.acts}; same text as a stored edition: {len(s.duplicates)}; "
          f"meta.yaml read: {s.metadata_files}")
    print(f"  by language: {langs}")
    print(f"  by type: {types}")
    for path, same in s.duplicates:
        print(f"  same as {same}: {path}")
    reasons: dict[str, int] = {}
    for q in s.quarantined:
        reasons[q.reason] = reasons.get(q.reason, 0) + 1
        print(f"  quarantined: {q.path}: {q.reason}")
    for w in s.warnings:
        print(f"maslihat: warning: {w.path}: {w.reason}", file=sys.stderr)
    if len(s.quarantined) > 1:
        for reason, n in sorted(reasons.items(), key=lambda r: -r[1]):
            print(f"  quarantine reason ({n}): {reason}")
    print(f"  corpus: {c.db_path}")
    if s.interrupted:
        print("maslihat: interrupted; finished files are kept: run the same command again to resume",
              file=sys.stderr)
        return 130
    return 0


def cmd_quarantine(args) -> int:
    c = _corpus(args, must_exist=True)
    items = c.quarantined()
    if args.json:
        print(json.dumps([{"path": q.path, "reason": q.reason} for q in items], ensure_ascii=False, indent=1))
    else:
        for q in items:
            print(f"{q.path}: {q.reason}")
        if not items:
            print("quarantine is empty")
    return 0


def cmd_export(args) -> int:
    c = _corpus(args, must_exist=True)
    n = c.export(args.out, all_versions=args.all_versions)
    print(f"wrote {n.get('documents', 0)} documents, {n.get('units', 0)} units, "
          f"{n.get('references', 0)} references to {args.out}")
    return 0


# one flag per facet of the taxonomy (language has --lang; doc_type is --type)
_FILTER_FLAGS = tuple({"doc_type": "type"}.get(n, n).replace("_", "-") for n in FACET_NAMES if n != "language")


def _parse_filters(args) -> dict:
    f = {}
    for name in _FILTER_FLAGS:
        name = name.replace("-", "_")
        v = getattr(args, name, None)
        if v:
            f["doc_type" if name == "type" else name] = [x for part in v for x in part.split(",") if x]
    return f


def cmd_search(args) -> int:
    from maslihat.corpus.index.base import QueryError
    c = _corpus(args, must_exist=True)
    try:
        res = c.search(args.query, lang=args.lang, filters=_parse_filters(args), limit=args.limit, offset=args.offset)
    except QueryError as e:
        return _fail(args, f"bad query: {e}")
    if args.json:
        print(json.dumps(res, ensure_ascii=False))
        return 0
    print(f"{res['total']} hits for {res['query']!r} ({res['took_ms']:.1f} ms)")
    import re
    for h in res["hits"]:
        snip = re.sub(r"</?mark>", "*", h.get("snippet", ""))
        import html as _h
        print(f"- [{h['language']}] {h['label']} | {h['title'][:70]}\n    {h['unit_id']}\n    {_h.unescape(snip)[:300]}")
    return 0


def cmd_show(args) -> int:
    from maslihat.corpus.api import NotFound
    c = _corpus(args, must_exist=True)
    try:
        res = c.show(args.id, at=args.at)
    except NotFound as e:
        return _fail(args, f"not found: {e.args[0]}")
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return 0
    if res["type"] == "unit":
        u, d = res["unit"], res["document"]
        print(f"{u['label']} — {d['title']} ({d.get('adopted_date') or ''} {d.get('number') or ''}, {d['status']})")
        print(res["text"])
        for title, refs in (("cites", res["references"]), ("cited by", res["backlinks"])):
            if refs:
                print(f"\n{title}:")
                for r in refs:
                    where = r.get("resolved_unit_id") or r.get("resolved_document_id") or "not in corpus"
                    print(f"  {r['surface'][:120]}  -> {where}" if title == "cites" else f"  {r['unit_id']}: {r['surface'][:100]}")
        if res["parallel"]:
            print(f"\nparallel ({res['parallel']['label']}):\n{res['parallel']['text']}")
    else:
        d = res["document"]
        print(f"{d['title']}\n{d['id']} [{d['language']}, {d['doc_type']}, {d['status']}]")
        from maslihat.textout import meta_value
        for k in ("issuer", "region", "adopted_date", "number", "registration", "repealed_by", "amendments", "parallel_id"):
            if d.get(k):
                print(f"  {k}: {meta_value(k, d[k])}")
        print(f"  units: {len(res['units'])}, references: {len(res['references'])}, cited by: {len(res['backlinks'])}")
        if len(res["versions"]) > 1:
            print("  versions: " + ", ".join(f"{v['id']} (as of {v['as_of']})" for v in res["versions"]))
    return 0


def cmd_diff(args) -> int:
    from maslihat.corpus.api import NotFound
    c = _corpus(args, must_exist=True)
    try:
        res = c.diff(args.a, args.b, mode=args.by)
    except NotFound as e:
        return _fail(args, f"not found: {e.args[0]}")
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return 0
    from maslihat.textout import render
    print(render(res, lang=args.lang, show_same=args.all))
    return 0


def cmd_serve(args) -> int:
    from maslihat.core import config
    from maslihat.search_app.launch import serve
    if args.sample:
        c = _corpus(args)
        if c.stats()["documents"] == 0:
            print("loading the sample corpus ...", file=sys.stderr)
            c.ingest([str(config.samples_dir())])
    return serve(port=args.port, address=args.address, db=str(config.db_path(args.db)))


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="maslihat", description="Corpus and search for Kazakhstan local-government law (RU/KK).")
    sub = p.add_subparsers(dest="command", required=True)

    def add(name, func, help_):
        sp = sub.add_parser(name, help=help_)
        sp.add_argument("--db", help="corpus file (default: $MASLIHAT_DB or ~/.local/share/maslihat/corpus.sqlite)")
        sp.set_defaults(func=func)
        return sp

    sp = add("ingest", cmd_ingest, "ingest files or folders (recursively)")
    sp.add_argument("paths", nargs="+")
    sp.add_argument("--progress", action="store_true", help="show a progress bar even when not on a terminal")
    sp = add("quarantine", cmd_quarantine, "list quarantined inputs with their reasons")
    sp.add_argument("--json", action="store_true")
    sp = add("export", cmd_export, "write documents.jsonl, units.jsonl, references.jsonl")
    sp.add_argument("--out", required=True)
    sp.add_argument("--all-versions", action="store_true", help="also export superseded editions")
    sp = add("search", cmd_search, "full-text search with facets")
    sp.add_argument("query")
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--lang", choices=["ru", "kk"])
    for name in _FILTER_FLAGS:
        sp.add_argument(f"--{name}", dest=name.replace("-", "_"), action="append")
    sp.add_argument("--limit", type=int, default=20)
    sp.add_argument("--offset", type=int, default=0)
    sp = add("show", cmd_show, "a unit or document with references, backlinks and parallel version")
    sp.add_argument("id")
    sp.add_argument("--at", help="YYYY-MM-DD: the edition in force on that date")
    sp.add_argument("--json", action="store_true")
    sp = add("diff", cmd_diff, "unit-level comparison of two documents (editions, two acts, RU against KK)")
    sp.add_argument("a")
    sp.add_argument("b")
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--by", choices=["content", "structure"],
                    help="pair provisions by what they say or by their numbers (default: numbers for one act, content for two)")
    sp.add_argument("--lang", choices=["ru", "kk", "en"], default="en", help="language of the report's words")
    sp.add_argument("--all", action="store_true", help="also list provisions that are the same")
    sp = add("serve", cmd_serve, "start the web app")
    sp.add_argument("--port", type=int, default=8501)
    sp.add_argument("--address", default="127.0.0.1", help="bind address (default localhost only)")
    sp.add_argument("--sample", action="store_true", help="load the bundled sample corpus first if the corpus is empty")
    return p


def main(argv: Optional[list[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args) or 0
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
