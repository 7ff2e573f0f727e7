"""A corpus made before act ids named the issuing body (2026-12-07) is not written to: ingesting the
same acts again would store them beside their old documents under other ids. The user is told, in
their language, to ingest into a new corpus file; the old corpus stays readable; a new corpus, or one
holding only national acts and texts without date and number (whose ids did not change), ingests."""
import sqlite3
import subprocess
import sys

import pytest

from maslihat.corpus.api import Corpus
from maslihat.corpus.store_errors import StoreError

DECISION = """Об утверждении Регламента Тестового районного маслихата
Решение Тестового районного маслихата от 12 марта 2020 года № 45-3.

Районный маслихат РЕШИЛ:
1. Утвердить Регламент.
"""
LAW = """ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН
О тестовых вопросах
Закон Республики Казахстан от 6 апреля 2016 года № 480-V.

Статья 1. Основные понятия
1. В настоящем Законе используются понятия.
"""


def _made_before(tmp_path, text: str) -> str:
    """A corpus holding ``text``, with no mark of how it names its acts (as every corpus made before)."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "act.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "old.sqlite")
    c = Corpus(db)
    c.ingest([str(tmp_path / "a")])
    c.close()
    con = sqlite3.connect(db)
    con.execute("DELETE FROM meta WHERE key='act_ids'")
    con.commit()
    con.close()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "other.txt").write_text(DECISION.replace("45-3", "45-4"), encoding="utf-8")
    return db


def test_a_corpus_of_local_acts_named_before_is_not_written_to_and_stays_readable(tmp_path):
    db = _made_before(tmp_path, DECISION)
    c = Corpus(db)
    try:
        with pytest.raises(StoreError, match="ingest into a new corpus file"):
            c.ingest([str(tmp_path / "b")])
        assert len(c.store.documents()) == 1                     # nothing written
        assert c.search("регламент", limit=5)["total"] >= 1      # still readable
    finally:
        c.close()


def test_a_corpus_of_national_acts_only_ingests_and_is_marked(tmp_path):
    db = _made_before(tmp_path, LAW)        # a law's id did not change
    c = Corpus(db)
    try:
        c.ingest([str(tmp_path / "b")])
        assert len(c.store.documents()) == 2
    finally:
        c.close()
    assert sqlite3.connect(db).execute("SELECT value FROM meta WHERE key='act_ids'").fetchone() is not None


@pytest.mark.parametrize("ui,words", [("ru", "загрузите файлы в новый файл корпуса"),
                                      ("kk", "корпустың жаңа файлына жүктеңіз"),
                                      ("en", "ingest into a new corpus file")])
def test_the_command_line_says_so_in_one_line_in_the_users_language(tmp_path, ui, words):
    db = _made_before(tmp_path, DECISION)
    out = subprocess.run([sys.executable, "-m", "maslihat.cli", "ingest", str(tmp_path / "b"), "--db", db],
                         capture_output=True, text=True, env={**__import__("os").environ, "MASLIHAT_LANG": ui})
    assert out.returncode != 0
    said = (out.stderr + out.stdout).strip().splitlines()
    assert any(words in line and db in line for line in said), said
