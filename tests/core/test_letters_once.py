"""The Kazakh letter class is written once, in the grammar (core/grammar/common.yaml): a module
that needs it uses ``grammar.KK_LOWER``, ``KK_UPPER``, ``KK_LETTERS``, ``CYR``, ``UP``, ``LO`` or
``LETTER`` instead of spelling the letters out again (issue 8: nine copies had drifted apart)."""
from __future__ import annotations

import re
from pathlib import Path

from maslihat.core import grammar as G

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ("core", "ingest", "nlp", "corpus", "search_app", "maslihat")
_KK = set(G.KK_LETTERS)
_CLASS = re.compile(r"\[[^\]\n]{5,}\]")                 # a regex character class
_RUN = re.compile(rf"[{G.KK_LETTERS}]{{5,}}")            # or the letters as a bare string


def spelled_out(line: str) -> list[str]:
    """Character classes or strings of ``line`` that list five Kazakh-only letters or more."""
    found = [m.group(0) for m in _CLASS.finditer(line) if len(_KK & set(m.group(0))) >= 5]
    found += [m.group(0) for m in _RUN.finditer(line)
              if len(set(m.group(0))) >= 5 and not any(m.group(0) in c for c in found)]
    return found


def test_spelled_out_finds_a_copy_and_leaves_words_alone():
    assert spelled_out('_KK = re.compile(r"[әғқңөұүһі]")') and spelled_out('x = "ӘҒҚҢӨҰҮҺІ"')
    assert not spelled_out('KK = re.compile(f"[{KK_LOWER}]")')
    assert not spelled_out('"Қазақстан Республикасының Әділет министрлігі"')


def test_no_module_spells_the_kazakh_letters_out_again():
    copies = []
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path.is_relative_to(ROOT / "core" / "grammar"):
                continue
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                copies += [f"{path.relative_to(ROOT)}:{n}: {s}" for s in spelled_out(line)]
    assert copies == [], "use maslihat.core.grammar's letter classes:\n" + "\n".join(copies)
