"""The words the ``maslihat`` command prints, in Russian, Kazakh and English (data:
core/data/messages.yaml). The language is ``MASLIHAT_LANG`` (ru, kk or en), English by default;
JSON output does not depend on it."""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

UI_LANGS = ("ru", "kk", "en")


def ui_lang() -> str:
    lang = (os.environ.get("MASLIHAT_LANG") or "en").strip().lower()
    return lang if lang in UI_LANGS else "en"


@lru_cache(maxsize=1)
def catalog() -> dict:
    from maslihat.core.yamlfile import load
    return load(Path(__file__).resolve().parent / "data" / "messages.yaml")


def t(key: str, lang: str | None = None, **values) -> str:
    entry = catalog()[key]
    return entry.get(lang or ui_lang(), entry["en"]).format(**values)
