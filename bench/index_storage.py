"""Issue 14, storage of the search index: the answers a corpus file gives, and warm search time.

    python bench/index_storage.py answers DB OUT.json   # `maslihat search --json` / `show --json`
                                                        # (took_ms left out) for the 84 judged queries
                                                        # (with and without their language), facets,
                                                        # query syntax, and `show` of the hits' units
                                                        # and documents: compare two files with cmp
    python bench/index_storage.py time DB [--no-cache]  # 100 warm searches in-process (the 84 judged
                                                        # queries with their language, the first 16
                                                        # without), limit 20: one warm-up pass, then
                                                        # 7 timed passes, min and median

``--no-cache``: without the cache of decompressed document texts (``sqlite_fts.TEXT_CACHE_BYTES``),
so every page cuts its texts from documents decompressed anew.
"""
from __future__ import annotations

import contextlib
import io
import json
import statistics
import sys
import time
from pathlib import Path

JUDGED = Path(__file__).with_name("judged.json")
FACETS = [["--kind", "point"], ["--kind", "article"], ["--type", "decision"], ["--status", "in_force"],
          ["--offset", "10", "--limit", "15"], ["--lang", "kk", "--kind", "subpoint"]]
SYNTAX = ["", "маслихат", "мәслихат сессиясы", "депутат NOT сессия", "\"постоянная комиссия\"", "бюджет*",
          "сессия OR отырыс"]


def _queries() -> list[dict]:
    return json.loads(JUDGED.read_text(encoding="utf-8"))["queries"]


def _run(argv: list[str]):
    from maslihat.cli import main
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        rc = main(argv)
    try:
        out = json.loads(buf.getvalue())
    except ValueError:
        return rc, buf.getvalue()
    if isinstance(out, dict):
        out.pop("took_ms", None)
    return rc, out


def answers(db: str, out: str) -> None:
    qs = _queries()
    cases = []
    for q in qs:
        cases += [["search", q["query"], "--lang", q["lang"], "--limit", "20"], ["search", q["query"]]]
    cases += [["search", q["query"]] + FACETS[i % len(FACETS)] for i, q in enumerate(qs[:30])]
    cases += [["search", q, "--limit", "30"] for q in SYNTAX]
    res = {json.dumps(c, ensure_ascii=False): _run(c + ["--db", db, "--json"]) for c in cases}
    ids: list[str] = []
    for _rc, d in list(res.values()):
        if isinstance(d, dict):
            for h in d.get("hits", [])[:3]:
                ids += [h["unit_id"], h["document_id"]]
    for i in list(dict.fromkeys(ids))[:120]:
        res["show " + i] = _run(["show", i, "--db", db, "--json"])
    Path(out).write_text(json.dumps(res, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(res)} answers, {sum(1 for v in res.values() if isinstance(v[1], dict) and v[1].get('hits'))} with hits")


def timing(db: str, no_cache: bool) -> None:
    from maslihat.corpus.api import Corpus
    if no_cache:
        import maslihat.corpus.index.sqlite_fts as sf
        sf.TEXT_CACHE_BYTES = 0
    qs = [(q["query"], q["lang"]) for q in _queries()]
    qs += [(q, None) for q, _ in qs[:16]]
    c = Corpus(db, readonly=True)
    for q, lang in qs:
        c.search(q, lang=lang, limit=20)
    t = []
    for _ in range(7):
        t0 = time.perf_counter()
        for q, lang in qs:
            c.search(q, lang=lang, limit=20)
        t.append((time.perf_counter() - t0) * 1000)
    print(f"{db}: 100 searches min {min(t):.0f} ms, median {statistics.median(t):.0f} ms")


def main(argv=None) -> int:
    a = list(sys.argv[1:] if argv is None else argv)
    if len(a) >= 3 and a[0] == "answers":
        answers(a[1], a[2])
    elif len(a) >= 2 and a[0] == "time":
        timing(a[1], "--no-cache" in a)
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
