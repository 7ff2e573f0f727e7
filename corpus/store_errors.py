"""What can go wrong with the corpus file itself, said in words a user can act on.

Kept apart from the store's reads and writes: the CLI and the app name these causes (a folder
given as the corpus, a read-only or full disk, another writer holding the lock) without
importing the store's machinery.
"""
from __future__ import annotations

import os
import sqlite3


class StoreError(RuntimeError):
    """The corpus file itself cannot be opened or written (``disk_full`` tells that case apart)."""
    disk_full = False


def lock_wait_seconds() -> float:
    """How long a writer waits for another one (``MASLIHAT_LOCK_WAIT``, default 600 s)."""
    try:
        return float(os.environ.get("MASLIHAT_LOCK_WAIT", "600"))
    except ValueError:
        return 600.0


_PLAIN = (("file is not a database", "not a maslihat corpus (not an SQLite database)"),
          ("file is encrypted", "not a maslihat corpus (not an SQLite database)"),
          ("unable to open database file", "cannot open the corpus file (a folder, a missing folder or no permission)"),
          ("readonly database", "the corpus file is read-only"),
          ("disk is full", "the disk is full"),
          ("disk i/o error", "the disk failed (I/O error)"),
          ("database is locked", "another program is writing to the corpus"),
          ("malformed", "the corpus file is damaged"))


# a corpus indexed in Elasticsearch, read without it: the embedded index was never built
NO_EMBEDDED_INDEX = ("it has no embedded search index (it was indexed in Elasticsearch): set MASLIHAT_ES_URL, "
                     "or build one with `maslihat reindex --backend sqlite`")

# a corpus whose local acts were named before their ids named the issuing body (2026-12-07): new files
# would be stored beside the old documents of the same acts under other ids
OLD_ACT_IDS = ("its acts were named by an older maslihat (since 2026-12-07 an act's id names its issuing body): "
               "ingest into a new corpus file (--db NEW.sqlite); this one stays readable as it is")

#: the words of a StoreError (each cause ``plain`` gives, and the store's own) and the key of each
#: in core/data/messages.yaml: the CLI prints them in the user's language (JSON keeps the English)
CAUSE_KEYS = {
    "not a maslihat corpus (not an SQLite database)": "cause_not_corpus",
    "cannot open the corpus file (a folder, a missing folder or no permission)": "cause_cannot_open",
    "the corpus file is read-only": "cause_read_only",
    "the disk is full": "cause_disk_full",
    "the disk failed (I/O error)": "cause_io",
    "another program is writing to the corpus": "cause_locked",
    "the corpus file is damaged": "cause_damaged",
    NO_EMBEDDED_INDEX: "cause_no_embedded_index",
    OLD_ACT_IDS: "cause_old_act_ids",
    "is a folder, not a corpus file": "cause_folder",
    "cannot open the corpus": "cannot_open_corpus",
    "cannot write the corpus": "cannot_write_corpus",
}


def in_language(message: str, lang: str) -> str:
    """A StoreError's message with its known words (``CAUSE_KEYS``) in ``lang`` (ru, kk, en); the
    path before the first «: » stays as it is. What the CLI and the app print."""
    from maslihat.core.messages import t
    path, sep, rest = message.partition(": ")
    for words, key in CAUSE_KEYS.items():
        rest = rest.replace(words, t(key, lang))
    return path + sep + rest


def plain(e: BaseException) -> str:
    """A one-line cause for an SQLite or OS error, in words a user can act on."""
    text = str(e)
    low = text.lower()
    for key, words in _PLAIN:
        if key in low:
            return words
    if isinstance(e, OSError):
        return e.strerror or type(e).__name__
    return text


def _fatal(e: BaseException) -> bool:
    """An error of the corpus file or its disk (every later write would fail too), as opposed
    to one file's data tripping a constraint (that file is quarantined, the run goes on)."""
    if not isinstance(e, sqlite3.Error) or isinstance(e, (sqlite3.IntegrityError, sqlite3.InterfaceError,
                                                           sqlite3.ProgrammingError)):
        return False
    low = str(e).lower()
    return any(k in low for k in ("full", "i/o", "locked", "busy", "readonly", "malformed", "not a database",
                                  "unable to open"))


def is_disk_full(e: BaseException) -> bool:
    return "disk is full" in str(e).lower() or getattr(e, "errno", None) == 28
