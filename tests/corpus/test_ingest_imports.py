"""Issue 14: a process that only ingests does not import the query respeller (``corpus.respell``:
part of every process's fixed cost); the app still finds ``SEARCHED_AS`` in the corpus API.
RU and KK texts, in a fresh interpreter (the test process has imported everything)."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from tests.corpus.test_ingest_gc import TEXTS

PROBE = textwrap.dedent('''
    import sys
    from maslihat.corpus.api import Corpus
    c = Corpus(sys.argv[1], es_url="")
    s = c.ingest(sys.argv[2:])
    print(s.documents_added, sorted(d["language"] for d in c.documents()),
          "maslihat.corpus.respell" in sys.modules)
    from maslihat.corpus.api import SEARCHED_AS
    from maslihat.corpus import respell
    print(SEARCHED_AS is respell.SEARCHED_AS)
''')


def test_an_ingest_does_not_import_the_respeller(tmp_path):
    files = []
    for lang, text in TEXTS.items():
        p = tmp_path / f"decision_{lang}.txt"
        p.write_text(text, encoding="utf-8")
        files.append(str(p))
    env = dict(os.environ, MASLIHAT_INGEST_WORKERS="0", MASLIHAT_ES_URL="")
    out = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "c.sqlite"), *files],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.splitlines() == ["2 ['kk', 'ru'] False", "True"]
