"""Items 6 and 7 of issue 11: after a crash, nothing keeps running and everything converges."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from .conftest import ROOT, SAMPLES


def _children(pid: int) -> set[int]:
    """Every descendant of ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                stat = Path(f"/proc/{d}/stat").read_text()
            except OSError:
                continue
            parents[int(d)] = int(stat.rsplit(")", 1)[1].split()[1])
    out, todo = set(), [pid]
    while todo:
        p = todo.pop()
        for c, pp in parents.items():
            if pp == p and c not in out:
                out.add(c)
                todo.append(c)
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_exit_when_the_ingest_is_killed(tmp_path):
    """Item 7: kill -9 of an ingest with worker processes: the workers and the resource
    tracker go too (they used to stay forever, 165 MB each)."""
    src = tmp_path / "in"
    src.mkdir()
    for i in range(40):
        shutil.copy(SAMPLES / "002_fc27ebda89a446a4.txt", src / f"f{i:02}.txt")
        with open(src / f"f{i:02}.txt", "a", encoding="utf-8") as f:
            f.write(f"\nҚосымша {i}\n")
    env = {**os.environ, "MASLIHAT_ES_URL": "", "MASLIHAT_INGEST_WORKERS": "2",
           "MASLIHAT_DB": str(tmp_path / "c.sqlite")}
    p = subprocess.Popen([sys.executable, "-m", "maslihat.cli", "ingest", str(src)], env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kids: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(kids) < 2:
        kids = _children(p.pid)
        time.sleep(0.1)
    assert len(kids) >= 2, "the ingest started no worker processes"
    time.sleep(0.5)
    kids = _children(p.pid)
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(k) for k in kids):
        time.sleep(0.1)
    left = [k for k in kids if _alive(k)]
    for k in left:                           # do not leave them to the next test either
        os.kill(k, signal.SIGKILL)
    assert not left, f"{len(left)} processes outlived the killed ingest"


TARGET = """О плане работы постоянных комиссий Кокшетауского городского маслихата

Решение Кокшетауского городского маслихата Акмолинской области от 9 октября 2014 года № С-30/3. Зарегистрировано Департаментом юстиции Акмолинской области 3 ноября 2014 года № 4400.

      В соответствии с Законом Республики Казахстан «О местном государственном управлении и самоуправлении в Республике Казахстан» Кокшетауский городской маслихат РЕШИЛ:
      1. Утвердить план работы постоянных комиссий Кокшетауского городского маслихата на 2015 год.
      2. Настоящее решение вводится в действие со дня официального опубликования.

      Председатель сессии
      Кокшетауского городского маслихата
"""


def _unresolved(c) -> int:
    return c.store.conn.execute("SELECT COUNT(*) FROM refs WHERE kind='external' AND target_date='2014-10-09' "
                                "AND resolved_document_id IS NULL").fetchone()[0]


def test_resolution_converges_after_a_crash_between_commit_and_back_resolution(tmp_path, monkeypatch):
    """Item 6: the seed cites decision С-30/3 of 09.10.2014; that act is ingested in a run that
    dies after committing it. The re-run sees the file unchanged and must still resolve."""
    from maslihat.corpus.api import Corpus
    from maslihat.corpus.ingest_run import IngestRun
    target = tmp_path / "s-30-3.txt"
    target.write_text(TARGET, encoding="utf-8")
    db = tmp_path / "c.sqlite"
    c = Corpus(str(db), es_url="")
    c.ingest([str(SAMPLES / "001_56a79b46f786f9f7.txt")])
    assert _unresolved(c) > 0

    def crash(self, *a, **kw):
        raise SystemExit("killed")
    monkeypatch.setattr(IngestRun, "_resolve_backwards", crash)
    try:
        c.ingest([str(target)])
    except SystemExit:
        pass
    monkeypatch.undo()
    assert _unresolved(c) > 0                        # the crash left them unresolved
    c.close()
    c = Corpus(str(db), es_url="")
    s = c.ingest([str(target)])                      # the same command again
    assert s.unchanged == 1
    assert _unresolved(c) == 0
    c.close()


def test_reindex_rebuilds_the_embedded_index_and_resolves(tmp_path, monkeypatch):
    """``maslihat reindex``: the search index is rebuilt from the corpus file (here: emptied
    behind the corpus's back), pending references are resolved, progress is shown."""
    from maslihat.corpus.api import Corpus
    from maslihat.corpus.ingest_run import IngestRun
    from .conftest import cli, err, out
    db = tmp_path / "c.sqlite"
    c = Corpus(str(db), es_url="")
    c.ingest([str(SAMPLES / "001_56a79b46f786f9f7.txt")])
    target = tmp_path / "s-30-3.txt"
    target.write_text(TARGET, encoding="utf-8")
    monkeypatch.setattr(IngestRun, "_resolve_backwards", lambda self, *a: (_ for _ in ()).throw(SystemExit()))
    monkeypatch.setattr("maslihat.corpus.converge.resolve_pending", lambda store: 0)
    try:
        c.ingest([str(target)])
    except SystemExit:
        pass
    monkeypatch.undo()
    with c.store.transaction():
        c.store.conn.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")   # contentless
        c.store.conn.execute("DELETE FROM search_units")
    c.close()
    import json
    assert json.loads(out(cli("search", "маслихат", "--json", db=db)))["total"] == 0
    p = cli("reindex", "--progress", db=db)
    assert p.returncode == 0, err(p)
    assert "3 documents" in out(p) and "resolved" in out(p)
    assert "reindex" in err(p)                         # the progress bar
    res = cli("search", "маслихат", "--json", db=db)
    assert json.loads(out(res))["total"] > 0
    c = Corpus(str(db), es_url="")
    assert _unresolved(c) == 0
    c.close()


def _serve_then(tmp_path, sig: int) -> list[int]:
    """Start ``maslihat serve``, wait for its Streamlit child, send ``sig`` to serve; the child
    processes still alive 15 s later (killed before returning, so no test leaves one behind)."""
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    env = {**os.environ, "MASLIHAT_ES_URL": "", "MASLIHAT_DB": str(tmp_path / "c.sqlite"), "CI": "1"}
    p = subprocess.Popen([sys.executable, "-m", "maslihat.cli", "serve", "--port", str(port)], env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kids: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not kids:
        kids = _children(p.pid)
        time.sleep(0.1)
    assert kids, "serve started no Streamlit process"
    time.sleep(0.5)
    kids = _children(p.pid)
    os.kill(p.pid, sig)
    p.wait(timeout=30)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(k) for k in kids):
        time.sleep(0.1)
    left = [k for k in kids if _alive(k)]
    for k in left:
        os.kill(k, signal.SIGKILL)
    return left


def test_serve_stops_streamlit_on_sigterm(tmp_path):
    """Item 16: ``maslihat serve`` killed with SIGTERM left Streamlit serving on the port."""
    assert not _serve_then(tmp_path, signal.SIGTERM), "Streamlit outlived maslihat serve"


def test_serve_killed_hard_takes_streamlit_along(tmp_path):
    assert not _serve_then(tmp_path, signal.SIGKILL), "Streamlit outlived a kill -9 of maslihat serve"


def test_a_later_run_retries_only_references_to_acts_it_stored(tmp_path, monkeypatch):
    """Issue 14: every run used to retry every unresolved reference whose date some stored act
    has (21 s of a one-file ingest at 100,000 documents). The seed cites the Law of 23 January
    2001 by date alone; a decision of that date is not it, so those references stay unresolved,
    and a later run that stores no act of their date tries none of them."""
    from maslihat.corpus import converge
    from maslihat.corpus.api import Corpus
    db = tmp_path / "c.sqlite"
    c = Corpus(str(db), es_url="")
    c.ingest([str(SAMPLES / "001_56a79b46f786f9f7.txt")])
    same_day = tmp_path / "same-day.txt"
    same_day.write_text(TARGET.replace("9 октября 2014 года № С-30/3", "23 января 2001 года № 5/1"), encoding="utf-8")
    c.ingest([str(same_day)])
    pending = c.store.conn.execute(converge._PENDING).fetchall()
    assert pending                                   # cite a date some act has, and stay unresolved
    tried = []
    real = converge._resolve
    monkeypatch.setattr(converge, "_resolve", lambda store, by_doc: tried.append(by_doc) or real(store, by_doc))
    other = tmp_path / "other.txt"
    other.write_text(TARGET.replace("9 октября 2014 года № С-30/3", "12 декабря 2014 года № С-33/1"), encoding="utf-8")
    c.ingest([str(other)])
    assert tried == []                               # nothing of their date arrived: not tried again
    assert c.store.conn.execute(converge._PENDING).fetchall() == pending
    target = tmp_path / "s-30-3.txt"
    target.write_text(TARGET, encoding="utf-8")
    c.ingest([str(target)])
    assert _unresolved(c) == 0
    c.close()
