"""Ingest workers are forked from a process running one Python thread, with the modules,
pymorphy3's dictionary and lingua's models loaded once before the fork (issue 14: each spawned
worker loaded them again); with another thread alive they are spawned as before. Both give the
corpus one process gives (RU and KK files)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

from tests.conftest import SAMPLES
from tests.corpus.test_ingest_parallel import _dump

PROBE = textwrap.dedent('''
    import sys, threading

    def loaded():
        """In a worker: what it had before its first file."""
        from maslihat.nlp.lang.ru import lemmatizer
        return lemmatizer._MORPH is not None, "maslihat.nlp.facts" in sys.modules

    if __name__ == "__main__":
        from maslihat.corpus.workers import pool
        if sys.argv[1] == "thread":
            stop = threading.Event()
            threading.Thread(target=stop.wait, daemon=True).start()
        ex = pool(2, {"решение": "решение"})
        print(ex._mp_context.get_start_method(), *ex.submit(loaded).result())
        ex.shutdown()
        if sys.argv[1] == "thread":
            stop.set()
''')


def _probe(tmp_path, mode: str) -> list[str]:
    (tmp_path / "probe.py").write_text(PROBE, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(tmp_path), os.environ.get("PYTHONPATH")) if p))
    out = subprocess.run([sys.executable, str(tmp_path / "probe.py"), mode], capture_output=True, text=True,
                         env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout.split()


def test_one_thread_forks_workers_with_what_they_need_loaded(tmp_path):
    assert _probe(tmp_path, "alone") == ["fork", "True", "True"]


def test_another_thread_alive_spawns_them(tmp_path):
    assert _probe(tmp_path, "thread") == ["spawn", "False", "False"]


def test_forked_workers_give_the_corpus_of_one_process(tmp_path):
    from bench.generate import write
    src = tmp_path / "in"
    write(30, src / "gen")
    for p in SAMPLES.glob("*.txt"):
        shutil.copy(p, src / p.name)
    dumps = []
    for workers in ("0", "2"):
        db = tmp_path / f"c{workers}.sqlite"
        env = dict(os.environ, MASLIHAT_INGEST_WORKERS=workers, MASLIHAT_ES_URL="")
        out = subprocess.run([sys.executable, "-m", "maslihat.cli", "ingest", "--db", str(db), "--progress", str(src)],
                             capture_output=True, text=True, env=env, timeout=600)
        assert out.returncode == 0, out.stderr[-2000:]
        dumps.append(_dump(db))
    assert {d[-1] for d in dumps[0]["index"]} == {"ru", "kk"}
    for k in dumps[0]:
        assert dumps[0][k] == dumps[1][k], k


LINGUA_PROBE = textwrap.dedent('''
    import sys

    def growth():
        """In a worker: MB of its own memory that asking lingua about a line adds."""
        def private():
            with open("/proc/self/smaps_rollup") as f:
                return sum(int(l.split()[1]) for l in f if l.startswith(("Private_Dirty", "Private_Clean")))
        from maslihat.ingest import langid
        before = private()
        assert langid._lingua_many(["маслихат города council"]) == ["kk"]
        return (private() - before) // 1024

    if __name__ == "__main__":
        from maslihat.corpus.workers import pool
        ex = pool(2, {}, models=sys.argv[1] == "models")
        print(ex._mp_context.get_start_method(), ex.submit(growth).result())
        ex.shutdown()
''')


def test_a_long_ingest_forks_workers_that_share_linguas_models(tmp_path):
    """Issue 14, ingest memory: lingua's models (~50 MB) are loaded before the workers of a long
    ingest are forked, so that a worker meeting a line only lingua tells does not load a copy of
    its own (at 100,000 generated files every worker did, 50 MB each)."""
    (tmp_path / "probe.py").write_text(LINGUA_PROBE, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (os.environ.get("PYTHONPATH"), str(tmp_path)) if p))
    got = {}
    for mode in ("models", "none"):
        out = subprocess.run([sys.executable, str(tmp_path / "probe.py"), mode], capture_output=True, text=True,
                             env=env, timeout=120)
        assert out.returncode == 0, out.stderr[-2000:]
        method, mb = out.stdout.split()
        assert method == "fork"
        got[mode] = int(mb)
    assert got["models"] < 10 and got["none"] > 30, got


def test_only_a_long_ingest_loads_linguas_models_before_the_fork(tmp_path, monkeypatch):
    """A short one (the 129 real files: none asks lingua) does not spend the ~0.35 CPU-s."""
    from maslihat.corpus import prefetch, workers
    asked = []
    monkeypatch.setattr(workers, "pool", lambda n, lexicon=None, offered=False, models=False: asked.append(models))
    for n in (prefetch.SHARED_MODELS_FILES - 1, prefetch.SHARED_MODELS_FILES):
        items = [(tmp_path / f"{i}.txt", f"{i}.txt") for i in range(n)]
        prefetch._Prefetch(None, items, 2)
    assert asked == [False, True]


def test_the_workers_are_started_before_the_list_of_files_is_built(tmp_path, monkeypatch):
    """Issue 14, ingest memory: forked after the list (100,000 files: ~50 MB of paths), each worker
    ended up with a copy of its pages as the storing process went through it. The files are
    counted first, the workers started, then the list built; the corpus is the same (RU and KK)."""
    from maslihat.corpus import ingest_run
    from maslihat.corpus.api import Corpus
    from maslihat.ingest import pipeline
    order = []
    start, listed = ingest_run._start_pool, pipeline.iter_inputs

    def starting(*a, **k):
        order.append("workers")
        return start(*a, **k)

    def listing(paths):
        order.append("list")
        return listed(paths)
    monkeypatch.setattr(ingest_run, "_start_pool", starting)
    monkeypatch.setattr(pipeline, "iter_inputs", listing)
    monkeypatch.setenv("MASLIHAT_INGEST_WORKERS", "2")
    c = Corpus(str(tmp_path / "c.sqlite"), es_url="")
    try:
        s = c.ingest([str(SAMPLES)])
        langs = {d["language"] for d in c.documents()}
    finally:
        c.close()
    assert order == ["workers", "list"]
    assert not s.quarantined and s.documents_added >= 5 and langs == {"ru", "kk"}
