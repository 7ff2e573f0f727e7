"""Issue 14: the ``maslihat`` program (a process that runs one command) collects the youngest
generation less often from its start and, when the command is over, closes its corpora and
freezes what is left, so that the interpreter's shutdown does not walk the heap for cycles;
``main(argv)`` called by a program of its own (the tests) leaves that program's collector as
it was. RU and KK texts and queries."""
from __future__ import annotations

import atexit
import gc
import json
import os
import subprocess
import sys
import textwrap

import pytest

from maslihat import cli
from maslihat.corpus.api import Corpus

from tests.corpus.test_ingest_gc import TEXTS  # noqa: E402  (the same two decisions, RU and KK)
QUERIES = {"ru": "бюджет города", "kk": "қаланың бюджеті"}

PROBE = textwrap.dedent('''
    import atexit, gc, sys
    # registered before the command, so it runs after the program's own exit handler
    atexit.register(lambda: print("at exit", gc.get_threshold()[0], gc.get_freeze_count() > 0, flush=True))
    from maslihat import cli
    sys.argv = ["maslihat", *sys.argv[1:]]
    code = cli.main()
    print("during", gc.get_threshold()[0], flush=True)
    sys.exit(code)
''')


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    d = tmp_path_factory.mktemp("cli_gc")
    files = []
    for lang, text in TEXTS.items():
        p = d / f"decision_{lang}.txt"
        p.write_text(text, encoding="utf-8")
        files.append(str(p))
    c = Corpus(str(d / "c.sqlite"), es_url="")
    try:
        assert c.ingest(files).documents_added == 2
    finally:
        c.close()
    return d / "c.sqlite"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_command_process_collects_less_often_and_exits_frozen(db, lang):
    env = dict(os.environ, MASLIHAT_ES_URL="")
    out = subprocess.run([sys.executable, "-c", PROBE, "search", QUERIES[lang], "--json", "--db", str(db)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.splitlines()
    hits = json.loads("\n".join(lines[:-2]))["hits"]
    assert hits and hits[0]["language"] == lang
    assert lines[-2] == f"during {cli.GC_YOUNG}"
    assert lines[-1] == f"at exit {cli.GC_YOUNG} True"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_main_with_arguments_leaves_the_callers_collector_alone(db, lang, capsys):
    before, handlers = gc.get_threshold(), atexit._ncallbacks()
    assert cli.main(["search", QUERIES[lang], "--json", "--db", str(db)]) == 0
    assert json.loads(capsys.readouterr().out)["hits"]
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    assert atexit._ncallbacks() == handlers


def test_the_exit_handler_closes_the_commands_corpora_before_freezing(db, monkeypatch):
    c = Corpus(str(db), readonly=True)
    monkeypatch.setattr(cli, "_opened", __import__("weakref").WeakSet([c]))
    try:
        cli._exit_without_collections()
        assert gc.get_freeze_count() > 0
        with pytest.raises(Exception, match="closed"):
            c.store.conn.execute("SELECT 1")
    finally:
        gc.unfreeze()
