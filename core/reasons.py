"""Quarantine reasons as codes with a message in each language (data: core/data/reasons.yaml).

The ingest words its reasons in English where it finds the problem (readers, limits, decoding);
they are stored and printed as they are, and the contract's JSON keeps them in ``reason``. This
module gives each one a stable code for scripts and the message a deputy reads in Russian or
Kazakh, from one table, so the readers need not know about languages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from maslihat.core.messages import UI_LANGS

_DATA = "reasons.yaml"


@dataclass(frozen=True)
class Reason:
    code: str
    params: dict

    def message(self, lang: str) -> str:
        entry = _table()[self.code]
        params = dict(self.params)
        if params.get("inner"):                 # a reason inside a reason (meta.yaml beside texts)
            params["inner"] = message(params["inner"], lang)
        return entry.get(lang if lang in UI_LANGS else "en", entry["en"]).format(**params)


@lru_cache(maxsize=1)
def _table() -> dict:
    from pathlib import Path

    from maslihat.core.yamlfile import load
    return load(Path(__file__).resolve().parent / "data" / _DATA)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    return [(code, re.compile(e["pattern"])) for code, e in _table().items()]


def classify(reason: str) -> Reason:
    """The code of an English reason and the values its messages need (``other`` when unknown)."""
    reason = reason or ""
    for code, pat in _patterns():
        m = pat.search(reason)
        if m:
            params = {k: (v or "") for k, v in m.groupdict().items()}
            return Reason(code, {"reason": reason, **params})
    return Reason("other", {"reason": reason})


def message(reason: str, lang: str) -> str:
    """The reason in ``lang`` (ru, kk or en)."""
    return classify(reason).message(lang)
