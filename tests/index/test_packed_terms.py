"""Issue 14: an index remembers the compressed unit terms of the documents it indexed last, so a
language partner indexed again after alignment (same terms) is not compressed twice. What is
stored must be what compressing would give, and the memory stays bounded."""
import sqlite3
import zlib

from maslihat.corpus.index import sqlite_fts
from maslihat.corpus.index.sqlite_fts import SqliteIndex

RU = "маслихат\nсессия созывать\nдепутат"
KK = "мәслихат\nсессия шақыр\nдепутат"


def test_remembered_terms_are_compressed_as_before_and_bounded(monkeypatch):
    idx = SqliteIndex(sqlite3.connect(":memory:"))
    monkeypatch.setattr(sqlite_fts, "PACKED_CHARS", len(RU) + len(KK) + 1)
    for _ in range(2):                                   # the second time from memory
        for joined in (RU, KK):
            assert idx._packed_terms(joined) == zlib.compress(joined.encode("utf-8"), sqlite_fts.TERMS_LEVEL)
    assert set(idx._packed) == {RU, KK}
    third = "бюджет\nжоспар"
    assert idx._packed_terms(third) == zlib.compress(third.encode("utf-8"), sqlite_fts.TERMS_LEVEL)
    assert RU not in idx._packed and idx._packed_chars <= sqlite_fts.PACKED_CHARS   # the oldest went
    assert idx._packed_chars == sum(map(len, idx._packed))
    big = "x" * (sqlite_fts.PACKED_CHARS + 1)
    assert idx._packed_terms(big) == zlib.compress(big.encode("utf-8"), sqlite_fts.TERMS_LEVEL)
    assert big not in idx._packed                        # too large to keep
