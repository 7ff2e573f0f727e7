"""Typed results of the read API (``Corpus.compare``, ``Corpus.parallel``) for the app.

``Corpus.diff`` and ``Corpus.side_by_side`` keep returning the JSON shapes the CLI prints
(``maslihat diff --json``, a contract); these dataclasses are the same results with their fields
named, built from those shapes, so that a view reads ``result.units[0].status`` instead of
guessing dict keys.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class WordChange:
    """One difflib opcode between two unit texts: ``op`` is equal, replace, delete or insert."""
    op: str
    a: str = ""
    b: str = ""


@dataclass(frozen=True)
class UnitChange:
    """A unit of A paired with a unit of B (either may be None: added or removed)."""
    a: Optional[str]
    b: Optional[str]
    status: str                       # added, removed, moved, changed, unchanged
    label_a: Optional[str] = None
    label_b: Optional[str] = None
    similarity: float = 0.0
    changes: tuple[WordChange, ...] = ()


@dataclass(frozen=True)
class Discrepancy:
    """A finding between aligned RU and KK versions (``kind``: only_in_a, dates_differ, ...)."""
    kind: str
    unit_a: Optional[str]
    unit_b: Optional[str]
    detail: str = ""


@dataclass(frozen=True)
class Comparison:
    """Two documents compared unit by unit (editions, two acts, or RU against KK)."""
    a: str
    b: str
    summary: dict[str, int]
    units: tuple[UnitChange, ...]
    cross_language: bool = False
    discrepancies: tuple[Discrepancy, ...] = field(default=())

    @classmethod
    def from_json(cls, d: dict) -> "Comparison":
        units = tuple(UnitChange(u.get("a"), u.get("b"), u["status"], u.get("label_a"), u.get("label_b"),
                                 float(u.get("similarity") or 0.0),
                                 tuple(WordChange(c.get("op", ""), c.get("a") or "", c.get("b") or "")
                                       for c in u.get("changes") or []))
                      for u in d.get("units", []))
        return cls(d["a"], d["b"], dict(d.get("summary") or {}), units, bool(d.get("cross_language")),
                   discrepancies_of(d.get("discrepancies")))


def discrepancies_of(items) -> tuple[Discrepancy, ...]:
    return tuple(Discrepancy(x.get("kind", ""), x.get("unit_a"), x.get("unit_b"), str(x.get("detail") or ""))
                 for x in items or [])


@dataclass(frozen=True)
class Parallel:
    """The RU and KK versions of one act, aligned unit by unit: (ru unit, kk unit, similarity)."""
    ru: str
    kk: str
    pairs: tuple[tuple[Optional[str], Optional[str], float], ...]
    discrepancies: tuple[Discrepancy, ...]
