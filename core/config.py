"""Where the corpus lives and which search back end serves it (see README, "Configuration")."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

SETTINGS = {
    "MASLIHAT_DB": "path of the embedded corpus (SQLite); overrides the default below",
    "MASLIHAT_ES_URL": "Elasticsearch URL; when set, search uses Elasticsearch instead of SQLite FTS5",
    "MASLIHAT_UPLOAD_LIMIT_MB": "largest file the app accepts for upload (default 20)",
    "MASLIHAT_LOCK_WAIT": "seconds a write waits for another writer of the same corpus (default 600)",
    "MASLIHAT_LANG": "language of the command's messages: ru, kk or en (default en; JSON never changes)",
    "MASLIHAT_REGEX_CACHE": "file where the maslihat program keeps its compiled patterns (empty: none)",
}


def default_db() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "maslihat" / "corpus.sqlite"


def db_path(explicit: Optional[str] = None) -> Path:
    return Path(explicit or os.environ.get("MASLIHAT_DB") or default_db())


def es_url() -> Optional[str]:
    return os.environ.get("MASLIHAT_ES_URL") or None


def upload_limit_bytes() -> int:
    return int(float(os.environ.get("MASLIHAT_UPLOAD_LIMIT_MB", "20")) * 1024 * 1024)


def samples_dir() -> Path:
    """The bundled sample corpus (the seeds), installed with the ``maslihat.corpus`` package."""
    return Path(__file__).resolve().parent.parent / "corpus" / "samples"
