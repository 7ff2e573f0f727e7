"""The ``maslihat`` command (contract: shared/docs/contract.md)."""
from __future__ import annotations

import argparse
import atexit
import gc
import json
import os
import sys
import time
import weakref
from typing import Optional

from maslihat import recache


def _started_as_the_program() -> bool:
    """Whether this process is the ``maslihat`` program (its script, ``python -m maslihat`` or
    ``python -m maslihat.cli``), known before the imports below compile their patterns."""
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    return (bool(sys.argv) and os.path.basename(sys.argv[0]) == "maslihat"
            or getattr(spec, "name", None) in ("maslihat.__main__", "maslihat.cli"))


if _started_as_the_program():
    recache.install()                # issue 14: the patterns' programs of the last process

from maslihat.core.messages import t as _m  # noqa: E402  (after the cache, whose patterns they compile)
from maslihat.core.taxonomy import FACET_NAMES  # noqa: E402


def _waiting(message: str) -> None:
    print(f"maslihat: {message}", file=sys.stderr, flush=True)


def _corpus(args, must_exist: bool = False):
    """The corpus of ``--db``; commands that only read (``must_exist``) open it read-only."""
    from maslihat.core import config
    from maslihat.corpus.api import Corpus

    path = config.db_path(args.db)
    if must_exist and not path.exists():
        raise SystemExit(_fail(args, _m("no_corpus", path=path)))
    c = Corpus(str(path), readonly=must_exist, on_wait=_waiting)
    _opened.add(c)
    return c


# Issue 14: the cyclic garbage collector in a process that runs one command (the ``maslihat``
# program, ``python -m maslihat``; not a caller of ``main(argv)`` such as the tests). Imports and
# commands allocate many containers that live as long as the process (modules, compiled
# patterns, the analysers' tables), so the youngest generation is collected every
# ``GC_YOUNG`` allocations instead of 700 (the imports alone made 61 young and 5 middle
# collections); and when the command is over, what is left is frozen after its corpora are
# closed, so the interpreter's shutdown does not walk the whole heap for cycles that the
# operating system frees anyway. The app is a separate, long-lived process and is not affected.
GC_YOUNG = 30000
_opened: "weakref.WeakSet" = weakref.WeakSet()      # corpora this process's command opened


def _one_command_process() -> None:
    recache.install()
    young, *older = gc.get_threshold()
    if young:                        # 0: the collector was turned off by the caller
        gc.set_threshold(max(GC_YOUNG, young), *older)
    atexit.register(_exit_without_collections)


def _exit_without_collections() -> None:
    """At exit: the corpora the command opened are closed (a connection folds the write-ahead log
    into the corpus file when it closes), then the heap is frozen. A corpus that cannot be closed
    leaves the exit as it was: the collector frees and closes it."""
    from maslihat.corpus.ingest_run import close_then_freeze
    close_then_freeze(_opened)


def _dumps(obj, **kw) -> str:
    """JSON for stdout: C0 controls are escaped by JSON itself, DEL and C1 controls here too."""
    from maslihat.core.escape import json_safe
    return json_safe(json.dumps(obj, ensure_ascii=False, **kw))


def _t(value, keep_lines: bool = False) -> str:
    """Untrusted text (names, document text) for the terminal: control characters as escapes."""
    from maslihat.core.escape import for_terminal
    return for_terminal("" if value is None else value, keep_lines)


def _fail(args, message: str, code: int = 2) -> int:
    if getattr(args, "json", False):
        print(_dumps({"error": message}))
    else:
        print(f"maslihat: {_t(message)}", file=sys.stderr)
    return code


def cmd_ingest(args) -> int:
    import signal

    from maslihat.corpus.store import StoreError
    missing = [p for p in args.paths if not os.path.lexists(p)]
    if missing:     # a usage error, like a mistyped option: nothing is read, nothing recorded
        for p in missing:
            print(_m("no_such_path", path=_t(p)), file=sys.stderr)
        return 2

    def _stop(signum, frame):          # kill: stop like Ctrl+C, keeping every finished file
        raise KeyboardInterrupt
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        c = _corpus(args)
        t0 = time.perf_counter()
        s = c.ingest(args.paths, progress=sys.stderr.isatty() or args.progress)
    except StoreError as e:
        return _store_failed(args, e, writing=True)
    finally:
        signal.signal(signal.SIGTERM, previous)
    dt = time.perf_counter() - t0
    from maslihat.core.reasons import message as reason_in
    from maslihat.core.messages import ui_lang
    lang = ui_lang()
    langs = ", ".join(f"{k} {v}" for k, v in sorted(s.by_language.items())) or _m("none")
    types = ", ".join(f"{k} {v}" for k, v in sorted(s.by_type.items())) or _m("none")
    print(_m("ingest_summary", files=s.files, secs=f"{dt:.1f}", added=s.documents_added,
             versions=s.new_versions, unchanged=s.unchanged, quarantined=len(s.quarantined)))
    print(_m("ingest_acts", acts=s.acts, same=len(s.duplicates), meta=s.metadata_files))
    print(_m("ingest_by_language", langs=langs))
    print(_m("ingest_by_type", types=types))
    for path, same in s.duplicates:
        print(_m("same_as", doc=_t(same), path=_t(path)))
    reasons: dict[str, int] = {}
    for q in s.quarantined:
        said = reason_in(q.reason, lang)
        reasons[said] = reasons.get(said, 0) + 1
        print(_m("quarantined_file", path=_t(q.path), reason=_t(said)))
    for w in s.warnings:
        print(_m("warning", path=_t(w.path), reason=_t(reason_in(w.reason, lang))), file=sys.stderr)
    if len(s.quarantined) > 1:
        for reason, n in sorted(reasons.items(), key=lambda r: -r[1]):
            print(_m("quarantine_reason_count", n=n, reason=_t(reason)))
    print(_m("corpus_at", path=_t(c.db_path)))
    if s.interrupted:
        print(_m("interrupted"), file=sys.stderr)
        return 130
    return 0


def cmd_reindex(args) -> int:
    """Rebuild a search index from the corpus file (after a crash, a lost Elasticsearch index,
    or documents ingested before Elasticsearch was configured)."""
    from maslihat.corpus.converge import rebuild
    c = _corpus(args, must_exist=True)
    c.close()
    from maslihat.corpus.api import Corpus
    c = Corpus(str(c.db_path), on_wait=_waiting)
    _opened.add(c)
    backend = args.backend or ("elasticsearch" if c.es_url else "sqlite")
    bar = None
    if sys.stderr.isatty() or args.progress:
        from tqdm import tqdm
        bar = tqdm(unit="doc", desc=f"reindex {backend}", file=sys.stderr)

    def progress(done: int, total: int) -> None:
        if bar is not None:
            bar.total = total
            bar.n = done
            bar.refresh()
    try:
        r = rebuild(c, backend, progress=progress)
    except ValueError as e:
        return _fail(args, str(e))
    finally:
        if bar is not None:
            bar.close()
    print(_m("reindexed", documents=r.documents, units=r.units, backend=r.backend, resolved=r.resolved))
    return 0


def cmd_quarantine(args) -> int:
    c = _corpus(args, must_exist=True)
    items = c.quarantined()
    from maslihat.core.messages import ui_lang
    from maslihat.core.reasons import classify
    lang = ui_lang()
    if args.json:     # the contract's fields, plus the reason's code and its words in each language
        out = []
        for q in items:
            r = classify(q.reason)
            out.append({"path": q.path, "reason": q.reason, "reason_code": r.code,
                        "messages": {x: r.message(x) for x in ("ru", "kk", "en")}})
        print(_dumps(out, indent=1))
    else:
        for q in items:
            print(f"{_t(q.path)}: {_t(classify(q.reason).message(lang))}")
        if not items:
            print(_m("quarantine_empty"))
    return 0


def cmd_export(args) -> int:
    c = _corpus(args, must_exist=True)
    n = c.export(args.out, all_versions=args.all_versions)
    print(_m("exported", documents=n.get("documents", 0), units=n.get("units", 0),
             references=n.get("references", 0), out=_t(args.out)))
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
    if getattr(args, "fact", None):     # issue 15: the facts facet, answered from the facts table
        f["fact"] = [x for part in args.fact for x in part.split(",") if x]
    return f


def cmd_search(args) -> int:
    from maslihat.corpus.api import QueryError
    c = _corpus(args, must_exist=True)
    try:
        res = c.search(args.query, lang=args.lang, filters=_parse_filters(args), limit=args.limit, offset=args.offset)
    except QueryError as e:
        return _fail(args, _m("bad_query", detail=e))
    if args.json:
        print(_dumps(res))
        return 0
    print(_m("hits_for", total=res["total"], query=_t(f"«{res['query']}»"), ms=f"{res['took_ms']:.1f}"))
    if res.get("corrected_query"):  # a query read otherwise: Kazakh letters, keyboard, Latin
        from maslihat.corpus.respell import SEARCHED_AS
        key = SEARCHED_AS.get(res.get("correction"), "searched_as")
        print(_m(key, query=_t(f"«{res['corrected_query']}»")))
    if res.get("unseen"):           # words no unit holds: their kin by the first letters were searched
        print(_m("unseen_kin", words=", ".join(_t(u.get("word") or u["term"]) for u in res["unseen"]),
                 prefixes=", ".join(_t(u["prefix"]) + "…" for u in res["unseen"])))
    if res.get("named"):            # the act the query names by its title words ranks first
        print(_m("named_act", title="; ".join(_t(f"«{n['title']}»") for n in res["named"])))
    if res.get("aligned"):          # words translated by the corpus's aligned provisions
        print(_m("aligned_terms", pairs=", ".join(f"{_t(a['term'])} → {_t(' / '.join(a['translations']))}"
                                                  for a in res["aligned"])))
    if res.get("suggestions"):      # zero hits: the nearest words, the query in the other language
        print(_m("did_you_mean", words=", ".join(_t(s) for s in res["suggestions"])))
    import re
    for h in res["hits"]:
        snip = re.sub(r"</?mark>", "*", h.get("snippet", ""))
        import html as _h
        lead = f"    {_t(h['lead_in'][:200])} …\n" if h.get("lead_in") else ""   # who or what a list item speaks of
        print(f"- [{_t(h['language'])}] {_t(h['label'])} | {_t(h['title'][:70])}\n    {_t(h['unit_id'])}\n"
              f"{lead}    {_t(_h.unescape(snip)[:300])}")
        if h.get("matched_in") and h.get("parallel_text"):     # why a hit without the query's words is here
            print("    " + _m("matched_in", text=_t(" ".join(h["parallel_text"].split())[:200])))
        if h.get("copies"):             # the other acts that state this provision word for word
            print("    " + _m("also_in", acts="; ".join(_t(f"{c['title'][:70]} {c['label']}".strip())
                                                    for c in h["copies"])))
    return 0


def _value(facet: str, value: str) -> str:
    """A listed value (a status, a kind of act) in the user's language (core/data/taxonomy.yaml)."""
    from maslihat.core.messages import ui_lang
    from maslihat.core.taxonomy import label
    return label(facet, value, ui_lang())


def _amendment_kind(a: dict) -> str:
    """«решение, новая редакция»: the amending act's kind and what it did, in the user's language."""
    kind = _value("doc_type", a["act_type"]) if a.get("act_type") else ""
    change = _m(f"change_{a['change']}") if a.get("change") in ("new_wording", "repealed", "added", "amended") else ""
    return ", ".join(x for x in (kind, change) if x)


def cmd_show(args) -> int:
    from maslihat.corpus.api import NotFound
    c = _corpus(args, must_exist=True)
    try:
        res = c.show(args.id, at=args.at)
    except NotFound as e:
        return _fail(args, _m("not_found", id=e.args[0]))
    if args.json:
        print(_dumps(res, indent=1))
        return 0
    if res["type"] == "unit":
        u, d = res["unit"], res["document"]
        print(_t(f"{u['label']} — {d['title']} ({d.get('adopted_date') or ''} {d.get('number') or ''}, "
                 f"{_value('status', d['status'])})"))
        if res.get("lead_in"):          # who or what an item of a list speaks of
            print(_t(res["lead_in"]) + " …")
        print(_t(res["text"], keep_lines=True))
        if res.get("defines"):
            print("\n" + _m("defines", notion=_t(res["defines"])))
        if res.get("amendments"):
            print("\n" + _m("amended_by"))
            for a in res["amendments"]:
                print(_t(f"  {a.get('date') or ''} № {a.get('number') or ''} ({_amendment_kind(a)})"))
        for title, refs in (("cites", res["references"]), ("cited_by", res["backlinks"])):
            if refs:
                print("\n" + _m(title))
                for r in refs:
                    where = r.get("resolved_unit_id") or r.get("resolved_document_id") or _m("not_in_corpus")
                    said = " ".join(r["surface"].split())     # a citation over several lines, on one
                    print(_t(f"  {said[:120]}  -> {where}" if title == "cites" else f"  {r['unit_id']}: {said[:100]}"))
        if res["parallel"]:
            print("\n" + _m("parallel", label=_t(res["parallel"]["label"])) + "\n"
                  + _t(res["parallel"]["text"], keep_lines=True))
    else:
        d = res["document"]
        print(f"{_t(d['title'])}\n{_t(d['id'])} [{d['language']}, {_t(_value('doc_type', d['doc_type']))}, "
              f"{_t(_value('status', d['status']))}]")
        from maslihat.textout import meta_value
        for k in ("issuer", "region", "adopted_date", "number", "registration", "repealed_by", "amendments", "parallel_id"):
            if d.get(k):
                print(f"  {_m('field_' + k)}: {_t(meta_value(k, d[k]))}")
        from maslihat.core.model import joint_act_words
        joint = joint_act_words(d.get("extra"), lambda kind: _value("doc_type", kind))
        if joint:                   # the second act of a joint act (its requisite names two bodies' acts)
            print(f"  {_m('field_joint')}: {_t(joint)}")
        print(_m("doc_counts", units=len(res["units"]), references=len(res["references"]), backlinks=len(res["backlinks"])))
        if len(res["versions"]) > 1:
            print(_m("versions", versions=_t(", ".join(f"{v['id']} ({_m('as_of', date=v['as_of'])})" for v in res["versions"]))))
    return 0


def cmd_diff(args) -> int:
    from maslihat.corpus.api import NotFound
    c = _corpus(args, must_exist=True)
    try:
        res = c.diff(args.a, args.b, mode=args.by)
    except NotFound as e:
        return _fail(args, _m("not_found", id=e.args[0]))
    if args.json:
        print(_dumps(res, indent=1))
        return 0
    from maslihat.textout import render
    from maslihat.core.messages import ui_lang
    print(_t(render(res, lang=args.lang or ui_lang(), show_same=args.all), keep_lines=True))
    return 0


def cmd_serve(args) -> int:
    from maslihat.core import config
    from maslihat.search_app.launch import serve
    if args.sample:
        c = _corpus(args)
        if c.stats()["documents"] == 0:
            print(_m("loading_samples"), file=sys.stderr)
            c.ingest([str(config.samples_dir())])
    return serve(port=args.port, address=args.address, db=str(config.db_path(args.db)))


class _Parser(argparse.ArgumentParser):
    """argparse that answers a usage error with ``{"error": ...}`` when ``--json`` was asked
    (``--lang en``, ``--limit abc``): a script reading JSON gets JSON, with exit code 2."""
    json_wanted = False

    def error(self, message: str):
        if _Parser.json_wanted:
            print(_dumps({"error": message}))
            raise SystemExit(2)
        super().error(message)


def _store_failed(args, e, writing: bool = False) -> int:
    """One line for a corpus that cannot be opened or written: what happened and what to do."""
    msg = str(e)
    if not getattr(args, "json", False):      # the cause in the user's language (JSON keeps English)
        from maslihat.core.messages import ui_lang
        from maslihat.corpus.store_errors import in_language
        msg = in_language(msg, ui_lang())
    if getattr(e, "disk_full", False):
        msg += _m("disk_full")
    return _fail(args, msg, code=1)


def _count(value: str) -> int:
    """--limit / --offset: a whole number ≥ 0 (a negative one gave no hits, or the last ones)."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid number: {value!r}")
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {value}")
    return n


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="maslihat", description="Corpus and search for Kazakhstan local-government law (RU/KK).")
    sub = p.add_subparsers(dest="command", required=True)

    def add(name, func, help_):
        sp = sub.add_parser(name, help=help_)
        sp.add_argument("--db", help="corpus file (default: $MASLIHAT_DB or ~/.local/share/maslihat/corpus.sqlite)")
        sp.set_defaults(func=func)
        return sp

    sp = add("ingest", cmd_ingest, "ingest files or folders (recursively)")
    sp.add_argument("paths", nargs="+")
    sp.add_argument("--progress", action="store_true", help="show a progress bar even when not on a terminal")
    sp = add("reindex", cmd_reindex, "rebuild the search index (SQLite or Elasticsearch) from the corpus file")
    sp.add_argument("--backend", choices=["sqlite", "elasticsearch"],
                    help="default: Elasticsearch when MASLIHAT_ES_URL is set, else SQLite")
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
    sp.add_argument("--fact", action="append", help="only provisions stating a fact of this kind (deadline, quorum, threshold…)")
    sp.add_argument("--limit", type=_count, default=20)
    sp.add_argument("--offset", type=_count, default=0)
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
    sp.add_argument("--lang", choices=["ru", "kk", "en"], help="language of the report's words (default: MASLIHAT_LANG, else en)")
    sp.add_argument("--all", action="store_true", help="also list provisions that are the same")
    from maslihat.facts_cmd import register as register_facts   # issue 15
    register_facts(add, _corpus, _fail)
    sp = add("serve", cmd_serve, "start the web app")
    sp.add_argument("--port", type=int, default=8501)
    sp.add_argument("--address", default="127.0.0.1", help="bind address (default localhost only)")
    sp.add_argument("--sample", action="store_true", help="load the bundled sample corpus first if the corpus is empty")
    return p


def main(argv: Optional[list[str]] = None) -> int:
    # numpy's import starts OpenBLAS's thread pool, which no command uses (the search's numpy is
    # element-wise, ingest does no linear algebra): one thread spares a search process about
    # 0.15 CPU-s and 0.1 s (issue 14, docs/benchmarks.md); set before the first import of numpy,
    # which the store's brings; a value given by the caller is kept
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if argv is None:                 # the process's own command line: the process is this command's
        _one_command_process()
    import sqlite3

    from maslihat.corpus.store import StoreError, plain
    argv = list(sys.argv[1:] if argv is None else argv)
    _Parser.json_wanted = "--json" in argv
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else 2
    try:
        return args.func(args) or 0
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else 2
    except BrokenPipeError:
        return 0
    except StoreError as e:
        return _store_failed(args, e)
    except sqlite3.Error as e:      # the corpus went bad under a reading command
        from maslihat.core import config
        err = StoreError(f"{config.db_path(getattr(args, 'db', None))}: {plain(e)}")
        err.disk_full = "disk is full" in str(e)
        return _store_failed(args, err)


if __name__ == "__main__":
    sys.exit(main())
