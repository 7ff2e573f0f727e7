"""Issue 14: during an ingest the cyclic garbage collector leaves what existed before the run alone
(``gc.freeze``) and collects the youngest generation less often; after the run the process has
its own settings back (the app ingests inside a long-lived server), and cycles made during the
run are still freed; at exit it closes the corpora it ingested into and does not collect the
heap again. RU and KK texts."""
from __future__ import annotations

import gc
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
import weakref

import pytest

from maslihat.corpus import ingest_run
from maslihat.corpus.api import Corpus

TEXTS = {
    "ru": ("РЕШЕНИЕ\nмаслихата города Алматы от 12 марта 2020 года № 45\n"
           "О бюджете города на 2020 год\n"
           "1. Утвердить бюджет города на 2020 год.\n"
           "2. Настоящее решение вводится в действие с 1 января 2020 года.\n"),
    "kk": ("ШЕШІМ\nАлматы қаласы мәслихатының 2020 жылғы 12 наурыздағы № 45 шешімі\n"
           "Қаланың 2020 жылға арналған бюджеті туралы\n"
           "1. Қаланың 2020 жылға арналған бюджеті бекітілсін.\n"
           "2. Осы шешім 2020 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.\n"),
}


class _Node:
    pass


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_run_tunes_the_collector_and_puts_it_back(tmp_path, lang):
    src = tmp_path / f"decision_{lang}.txt"
    src.write_text(TEXTS[lang], encoding="utf-8")
    before = gc.get_threshold()
    seen = []
    c = Corpus(str(tmp_path / "c.sqlite"), es_url="")
    summary = c.ingest([str(src)], on_file=lambda *a: seen.append((gc.get_threshold(), gc.get_freeze_count())))
    assert summary.documents_added == 1
    assert [d["language"] for d in c.documents()] == [lang]
    # during the run: what existed before it is frozen, young objects are collected less often
    assert seen and all(t[0] >= ingest_run.GC_YOUNG and frozen > 0 for t, frozen in seen)
    # after it: the process's own settings, nothing left frozen
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
    c.close()


def test_cycles_made_during_a_run_are_still_collected():
    with ingest_run._collections_for_ingest():
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        gone = weakref.ref(a)
        del a, b
        # no explicit gc.collect(): the collector's own threshold must come
        kept = [[] for _ in range(3 * ingest_run.GC_YOUNG)]
        assert gone() is None
        del kept


def test_overlapping_runs_restore_the_settings_when_the_last_ends():
    before = gc.get_threshold()
    first, second = ingest_run._collections_for_ingest(), ingest_run._collections_for_ingest()
    first.__enter__()
    started = threading.Event()
    finish = threading.Event()

    def other():
        with second:
            started.set()
            finish.wait(10)
    t = threading.Thread(target=other)
    t.start()
    assert started.wait(10)
    first.__exit__(None, None, None)
    assert gc.get_threshold()[0] >= ingest_run.GC_YOUNG and gc.get_freeze_count() > 0   # the other run goes on
    finish.set()
    t.join(10)
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


EXIT_PROBE = textwrap.dedent('''
    import atexit, gc, os, sys
    # registered before the ingest, so it runs after the ingest's own exit handler (last in, first out)
    atexit.register(lambda: print("frozen at exit", gc.get_freeze_count() > 0, flush=True))
    from maslihat.corpus.api import Corpus
    c = Corpus(sys.argv[1], es_url="")
    s = c.ingest(sys.argv[2:])
    c.cycle = c                     # kept alive by a cycle, never closed by this script
    print(s.documents_added, sorted(d["language"] for d in c.documents()), flush=True)
''')


def test_a_process_that_ingested_exits_without_collecting_and_closes_its_corpus(tmp_path):
    """At exit, a process that ran an ingest freezes what is left instead of collecting it again
    (issue 14: 0.16-0.23 CPU-s of ``maslihat ingest``), after closing the corpora it ingested
    into: the corpus file holds everything, no write-ahead log is left beside it, even for a
    corpus only a cycle kept alive (RU and KK files)."""
    files = []
    for lang, text in TEXTS.items():
        p = tmp_path / f"decision_{lang}.txt"
        p.write_text(text, encoding="utf-8")
        files.append(str(p))
    db = tmp_path / "c.sqlite"
    env = dict(os.environ, MASLIHAT_INGEST_WORKERS="0", MASLIHAT_ES_URL="")
    out = subprocess.run([sys.executable, "-c", EXIT_PROBE, str(db), *files], capture_output=True, text=True,
                         env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.splitlines() == ["2 ['kk', 'ru']", "frozen at exit True"]
    assert not (tmp_path / "c.sqlite-wal").exists() and not (tmp_path / "c.sqlite-shm").exists()
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert sorted(r[0] for r in conn.execute("SELECT language FROM documents")) == ["kk", "ru"]
    finally:
        conn.close()


class _Store:
    def __init__(self, fails: bool):
        self.fails, self.closed = fails, False

    def close(self):
        if self.fails:
            raise RuntimeError("opened by another thread")
        self.closed = True


@pytest.mark.parametrize("fails", [False, True])
def test_the_exit_handler_freezes_only_when_every_store_closed(monkeypatch, fails):
    """A store the exit handler cannot close leaves the exit as it was (the collector frees and
    closes it), instead of leaving its write-ahead log beside the corpus."""
    store = _Store(fails)
    monkeypatch.setattr(ingest_run, "_gc_stores", weakref.WeakSet([store]))
    assert gc.get_freeze_count() == 0
    try:
        ingest_run._no_collections_at_exit()
        assert store.closed is not fails
        assert (gc.get_freeze_count() > 0) is not fails
    finally:
        gc.unfreeze()
