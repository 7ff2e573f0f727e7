"""Issues 16 and 12: ``maslihat search`` prints, under a hit whose provision other acts state word
for word, one line naming them («also in: <title> <label>; …», in the report's language) — the
hit's ``copies`` of the JSON; a hit of no group has no such line. RU and KK acts."""
from __future__ import annotations

import json

import pytest

from maslihat.core.escape import for_terminal
from maslihat.core.messages import t as message
from tests.corpus.test_cli import run
from tests.index.test_copies_listed import CASES, FILES

# a title is the act's own text: a terminal escape in it is shown as an escape, not obeyed
CLI_FILES = {**FILES, "reg_ru_2.txt": FILES["reg_ru_2.txt"].replace("Павлодарского", "Павлодарского\x1b[2J", 1)}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    d = tmp_path_factory.mktemp("cli_copies")
    (d / "in").mkdir()
    for name, text in CLI_FILES.items():
        (d / "in" / name).write_text(text, encoding="utf-8")
    run("ingest", str(d / "in"), db=d / "c.sqlite")
    return d / "c.sqlite"


def _blocks(out: str) -> list[list[str]]:
    """The report's hits: each hit's lines, from its «- [lang]» line to the next."""
    blocks: list[list[str]] = []
    for line in out.splitlines():
        if line.startswith("- ["):
            blocks.append([line])
        elif blocks:
            blocks[-1].append(line)
    return blocks


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("ui", ["ru", "kk", "en"])
def test_search_names_the_other_acts_stating_a_hits_provision(db, monkeypatch, case, ui):
    lang, common = case[0], case[1]
    hits = json.loads(run("search", common, "--lang", lang, "--json", db=db).stdout)["hits"]
    assert sum(1 for h in hits if h["copies"]) >= 2
    monkeypatch.setenv("MASLIHAT_LANG", ui)
    out = run("search", common, "--lang", lang, db=db).stdout
    assert "\x1b" not in out
    opening = message("also_in", ui, acts="").strip()
    blocks = _blocks(out)
    assert len(blocks) == len(hits)
    for h, block in zip(hits, blocks):
        lines = [ln.strip() for ln in block if ln.strip().startswith(opening)]
        if not h["copies"]:
            assert lines == [], block
            continue
        assert len(lines) == 1, block
        named = lines[0][len(opening):].strip().split("; ")
        assert len(named) == len(h["copies"])
        assert named == [for_terminal(f"{e['title'][:70]} {e['label']}") for e in h["copies"]]
    if lang == "ru":                        # the escape reached the JSON, and the report shows it as text
        assert any("\x1b" in e["title"] for h in hits for e in h["copies"]) and "\\x1b[2J" in out
