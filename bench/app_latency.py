"""The app as a user meets it, timed in Chromium: first page load and Enter-to-rendered per search.

    .venv/bin/python -m bench.app_latency --db /work/bench-s3/corpus-10000.sqlite [--es-url URL] [--repeat 3]

``maslihat serve`` (``search_app.launch.serve``) is started on the corpus, on a free localhost
port, once per back end (the embedded one; Elasticsearch when ``--es-url``: the app reads
``MASLIHAT_ES_URL`` as the CLI does). Debian's Chromium (Playwright) then:

- ``first_load``: opens the app in a fresh browser context and waits until it has rendered (the
  sidebar is there and no rerun is running): the first load of a freshly started server (cold:
  the server imports and opens everything) and the median of ``--repeat`` later loads (warm);
- ``search``: types each query into the search box and presses Enter; the time from Enter until
  the new result count and hits are on the page (the total line, which carries the search's own
  time in ms, changed; hits shown; no rerun running). Each query ``--repeat`` times (its first run is the cold one), p50 / p95 / max.

Playwright's round trips are inside the figures (a few ms). JSON to ``--out`` (default: beside
the corpus, ``app-<N>.json``). Run on an idle machine: wall-clock times.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUERIES = ["депутатский запрос", "кто ведёт протокол сессии", "сессия күн тәртібін кім бекітеді",
           "как отозвать депутата маслихата", "бюджет", "мәслихат хатшысы", "постоянные комиссии",
           "депутаттық сауалға жауап беру мерзімі"]
IDLE = ("!document.querySelector('[data-testid=stStatusWidget]')"
        " || !document.querySelector('[data-testid=stStatusWidget]').innerText.match(/Running|Stop/)")


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return round(xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))], 1)


def _total_text(pg) -> str:
    return pg.evaluate("""() => { const s = [...document.querySelectorAll('strong')]
                                    .find(x => /\\d/.test(x.innerText) && /ms|мс/.test(x.innerText));
                                  return s ? s.innerText : ''; }""")


def measure(base: str, browser, repeat: int, queries: list[str]) -> dict:
    from tests.app.test_browser import ready
    loads = []
    for i in range(repeat + 1):
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ru-RU")
        pg = ctx.new_page()
        pg.set_default_timeout(120_000)
        t = time.perf_counter()
        pg.goto(base + "/")
        ready(pg)
        loads.append((time.perf_counter() - t) * 1000)
        if i < repeat:
            ctx.close()
    box = pg.get_by_role("textbox").first
    per_query: dict[str, list[float]] = {}
    for r in range(repeat):
        for q in queries:
            before = _total_text(pg)
            box.fill(q)
            t = time.perf_counter()
            box.press("Enter")
            pg.wait_for_function(
                "([before]) => { const s = [...document.querySelectorAll('strong')]"
                ".find(x => /\\d/.test(x.innerText) && /ms|мс/.test(x.innerText));"
                " const now = s ? s.innerText : '';"
                " return now !== before && document.querySelector('.ms-hit-title') && (" + IDLE + "); }",
                arg=[before])
            per_query.setdefault(q, []).append((time.perf_counter() - t) * 1000)
    ctx.close()
    first = [v[0] for v in per_query.values()]
    rest = [x for v in per_query.values() for x in v[1:]] or first
    return {"first_load_cold_ms": round(loads[0], 1), "first_load_warm_ms": round(statistics.median(loads[1:]), 1),
            "search_first_run_p50_ms": _pct(first, 0.5), "search_first_run_max_ms": round(max(first), 1),
            "search_p50_ms": _pct(rest, 0.5), "search_p95_ms": _pct(rest, 0.95), "search_max_ms": round(max(rest), 1),
            "queries": len(queries), "repeat": repeat,
            "per_query_ms": {q: [round(x, 1) for x in v] for q, v in per_query.items()}}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--es-url", default=None)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright
    from tests.app.test_browser import ARGS, CHROMIUM, serving
    out: dict = {"db": args.db, "machine": {"nproc": os.cpu_count()},
                 "commit": os.popen(f"git -C {ROOT} rev-parse HEAD").read().strip(),
                 "load_average_start": os.getloadavg()}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for backend in ["sqlite"] + (["elasticsearch"] if args.es_url else []):
            saved = os.environ.get("MASLIHAT_ES_URL")
            if backend == "elasticsearch":
                os.environ["MASLIHAT_ES_URL"] = args.es_url
            try:
                with serving(args.db, f"bench-app-{backend}.log", keep_es=backend == "elasticsearch") as base:
                    out[backend] = measure(base, browser, args.repeat, QUERIES)
            finally:
                if saved is None:
                    os.environ.pop("MASLIHAT_ES_URL", None)
                else:
                    os.environ["MASLIHAT_ES_URL"] = saved
            print(backend, json.dumps({k: v for k, v in out[backend].items() if k != "per_query_ms"}), flush=True)
        browser.close()
    out["load_average_end"] = os.getloadavg()
    dest = Path(args.out) if args.out else Path(args.db).with_name(f"app-{Path(args.db).stem}.json")
    dest.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    print(dest)


if __name__ == "__main__":
    main()
