#!/usr/bin/env python3
"""score_corpus.py with both formats of every gold document ingested at once (issue 10).

Runs ``../shared/scripts/score_corpus.py`` unchanged in its matching and figures, with two
differences made to its text at run time (each asserted to apply):
- it copies ``derived/<code>.<rus|kaz>.txt`` AND ``.html`` into the folder it ingests;
- a document is found by any of its sources (``sources`` in documents.jsonl), since the .txt and
  the .html of one act are one document with two sources.
The figures are then for the ``--format`` file names (txt by default), scored against the one
document both files became.

    .venv/bin/python scripts/score_both_formats.py ../shared/corpus/dev --maslihat .venv/bin/maslihat
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "scripts" / "score_corpus.py"

COPY = '''            if os.path.exists(f):
                shutil.copy(f, src)
'''
COPY_BOTH = '''            for other in (f[: -len(a.format)] + "txt", f[: -len(a.format)] + "html"):
                if os.path.exists(other):
                    shutil.copy(other, src)
'''
BY_SRC = '''        by_src.setdefault(os.path.basename(d.get("source", "")), []).append(d)
'''
BY_ANY_SRC = '''        for _s in sorted({os.path.basename(x.get("source", "")) for x in (d.get("sources") or [])}
                         | {os.path.basename(d.get("source", ""))}):
            by_src.setdefault(_s, []).append(d)
'''


def main() -> None:
    scorer = Path(sys.argv[sys.argv.index("--scorer") + 1]) if "--scorer" in sys.argv else SCORER
    if "--scorer" in sys.argv:
        i = sys.argv.index("--scorer")
        del sys.argv[i:i + 2]
    code = scorer.read_text(encoding="utf-8")
    for old, new in ((COPY, COPY_BOTH), (BY_SRC, BY_ANY_SRC)):
        if old not in code:
            sys.exit(f"score_both_formats: {scorer} changed; cannot apply the both-formats change")
        code = code.replace(old, new)
    sys.argv[0] = str(scorer)
    exec(compile(code, str(scorer), "exec"), {"__name__": "__main__", "__file__": str(scorer)})


if __name__ == "__main__":
    main()
