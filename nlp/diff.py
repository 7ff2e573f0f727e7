"""Unit-by-unit comparison of two documents, and the edition history of units.

Built on ``nlp.align`` (one act: editions, RU/KK) or ``nlp.compare`` (two different acts, paired
by content): pairs give added / removed units; a pair whose position in the other
document breaks the common order (outside the longest increasing run) is *moved*; a pair whose
own words differ is *changed*, with word-level operations from difflib. Across languages words
cannot be compared, so the result carries the alignment and ``discrepancies`` instead.
"""
from __future__ import annotations

import bisect
import difflib
import re
from typing import Optional

from maslihat.core.model import Document, Unit
from maslihat.nlp.align import align, own_text, similarity

CONTAINERS = ("appendix",)


def _words(t: str) -> list[str]:
    return re.findall(r"\S+", t)


def word_changes(ta: str, tb: str) -> list[dict]:
    """difflib opcodes on word tokens: [{"op", "a", "b"}], equal runs included for context."""
    wa, wb = _words(ta), _words(tb)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        out.append({"op": op, "a": " ".join(wa[i1:i2]), "b": " ".join(wb[j1:j2])})
    return out


def _lis_members(seq: list[int]) -> set[int]:
    """Indices of one longest non-decreasing subsequence of ``seq`` (a B unit that merges two
    neighbouring A units stands twice in a row: both in order)."""
    if not seq:
        return set()
    tails, tails_idx, prev = [], [], [-1] * len(seq)
    for i, x in enumerate(seq):
        k = bisect.bisect_right(tails, x)
        if k == len(tails):
            tails.append(x)
            tails_idx.append(i)
        else:
            tails[k] = x
            tails_idx[k] = i
        prev[i] = tails_idx[k - 1] if k > 0 else -1
    out, i = set(), tails_idx[-1]
    while i != -1:
        out.add(i)
        i = prev[i]
    return out


def _norm(t: str) -> str:
    return re.sub(r"\s+", " ", t).strip()


def act_of(doc_id: str) -> str:
    """The act a document id belongs to: without its edition (``@…``) and language (``/ru``, ``/kk``)."""
    return re.sub(r"/(?:ru|kk)$", "", doc_id.split("@")[0])


def same_act(doc_a: Document, doc_b: Document) -> bool:
    """Two editions or the two language versions of one act (then numbering is shared)."""
    if doc_a.act_id and doc_a.act_id == doc_b.act_id:
        return True
    if doc_a.parallel_id == doc_b.id or doc_b.parallel_id == doc_a.id:
        return True
    return act_of(doc_a.id) == act_of(doc_b.id)


KINDS = {"added": "only_b", "removed": "only_a", "moved": "moved", "changed": "reworded", "unchanged": "same",
         "merged": "merged", "split": "split"}


def diff(doc_a: Document, units_a: list[Unit], doc_b: Document, units_b: list[Unit],
         mode: Optional[str] = None, via_a=None, via_b=None) -> dict:
    """{"a", "b", "summary", "units": [...]} (see module docstring); RU vs KK adds "discrepancies".

    ``mode``: "structure" pairs by numbering (editions, RU/KK of one act; the default for them),
    "content" by what provisions say (``nlp.compare``; the default for two different acts).
    Each row keeps the old ``status`` and adds ``kind`` (same, reworded, moved, only_a, only_b),
    ``renumbered`` and short excerpts; the result adds ``mode``, ``kinds`` and ``report``.
    A unit of B paired with two or more units of A (a merge: ``nlp.compare``'s many-to-one pass)
    marks each of their rows ``merged`` (true), the other units of A in ``merged_with`` and their
    labels in ``merged_labels``; the first of them in A's order is labelled as any pair (same,
    reworded, moved), each further one has status and kind ``merged``: B's unit is counted once,
    never as «only in B». ``summary`` (by status) and ``kinds`` then have a ``merged`` count too.
    The mirror, a unit of A paired with two or more units of B (a split: ``nlp.compare``'s one-to-many
    pass), marks each of their rows ``split`` (true), the other units of B in ``split_with`` and their
    labels in ``split_labels``; A's own pair (its first row) is labelled as any pair, each further
    one has status and kind ``split``: A's unit is counted once, and B's second unit never as «only
    in B». ``summary`` and ``kinds`` have a ``split`` count.
    ``via_a``/``via_b`` (document, units): the other language version of A or B, the bridge of a
    content comparison across languages (``nlp.compare.pair_by_content``); ``via`` names it. With
    both acts' other versions at hand, two acts not both in Russian are paired through their Russian
    texts (``nlp.compare``'s pivot); ``vias`` names every bridge (two for two Kazakh texts)."""
    from maslihat.nlp.compare_rukk import repair
    cross = doc_a.language != doc_b.language
    mode = mode or ("structure" if same_act(doc_a, doc_b) else "content")
    if mode == "content":
        from maslihat.nlp.compare import pair_by_content
        pairs = pair_by_content(doc_a, units_a, doc_b, units_b, via_a=via_a, via_b=via_b)
    else:
        pairs = repair(units_a, units_b, align(doc_a, units_a, doc_b, units_b), doc_a, doc_b)
    ia, ib = {u.id: u for u in units_a}, {u.id: u for u in units_b}
    pos_b = {u.id: k for k, u in enumerate(units_b)}
    keep = [(a, b, s) for a, b, s in pairs
            if not ((a and ia[a].kind in CONTAINERS) or (b and ib[b].kind in CONTAINERS))]
    paired = [(k, pos_b[b]) for k, (a, b, _) in enumerate(keep) if a and b]
    in_order = {paired[i][0] for i in _lis_members([p for _, p in paired])}
    summary = {"added": 0, "removed": 0, "moved": 0, "changed": 0, "unchanged": 0, "merged": 0, "split": 0}
    merges: dict[str, list[str]] = {}            # B unit -> the A units paired with it, in A's order
    splits: dict[str, list[str]] = {}            # A unit -> the B units paired with it, its own pair first
    for a, b, _ in keep:
        if a and b:
            merges.setdefault(b, []).append(a)
            splits.setdefault(a, []).append(b)
    rows = []
    for k, (a, b, s) in enumerate(keep):
        ua: Optional[Unit] = ia.get(a)
        ub: Optional[Unit] = ib.get(b)
        row = {"a": a, "b": b, "label_a": ua.label if ua else None, "label_b": ub.label if ub else None,
               "similarity": float(s), "changes": [], "renumbered": False,
               "unit_kind": (ua or ub).kind if (ua or ub) else None}
        ta = own_text(doc_a, units_a, ua) if ua else ""
        tb = own_text(doc_b, units_b, ub) if ub else ""
        if ua is None:
            row["status"] = "added"
        elif ub is None:
            row["status"] = "removed"
        else:
            row["renumbered"] = _renumbered(ua, ub)
            if cross:
                row["status"] = "unchanged" if k in in_order else "moved"
            else:
                same = _norm(ta) == _norm(tb)
                row["similarity"] = round(similarity(ta, tb, False), 3)
                if k not in in_order:
                    row["status"] = "moved"
                else:
                    row["status"] = "unchanged" if same else "changed"
                if not same:
                    row["changes"] = word_changes(ta, tb)
        row["kind"] = KINDS[row["status"]]
        row["excerpt_a"], row["excerpt_b"] = _short(ta), _short(tb)
        group = merges.get(b, []) if a and b else []
        row["merged"] = len(group) > 1
        row["merged_with"] = [x for x in group if x != a] if row["merged"] else []
        row["merged_labels"] = [ia[x].label for x in row["merged_with"]]
        if row["merged"] and group[0] != a:       # B's unit is counted with the first of its A units
            row["status"] = row["kind"] = "merged"
        seconds = splits.get(a, []) if a and b else []
        row["split"] = len(seconds) > 1
        row["split_with"] = [x for x in seconds if x != b] if row["split"] else []
        row["split_labels"] = [ib[x].label for x in row["split_with"]]
        if row["split"] and seconds[0] != b:      # A's unit is counted with its own pair
            row["status"] = row["kind"] = "split"
        summary[row["status"]] += 1
        rows.append(row)
    out = {"a": doc_a.id, "b": doc_b.id, "summary": summary, "units": rows, "cross_language": cross,
           "mode": mode, "kinds": {KINDS[k]: v for k, v in summary.items()},
           "renumbered": sum(1 for r in rows if r["renumbered"])}
    used = []
    if mode == "content":
        from maslihat.nlp.compare import bridges
        used = bridges(doc_a, units_a, doc_b, units_b, via_a, via_b)
    out["via"] = used[-1].id if used else None           # B's bridge first (as before), else A's
    out["vias"] = [d.id for d in used]                   # both acts' Russian texts: two
    if cross and mode == "structure":
        from maslihat.nlp.compare_rukk import discrepancies
        out["discrepancies"] = discrepancies(doc_a, units_a, doc_b, units_b, pairs)
    from maslihat.nlp.compare_report import report
    out["report"] = report(doc_a, units_a, doc_b, units_b, rows)
    return out


def _renumbered(ua: Unit, ub: Unit) -> bool:
    from maslihat.nlp.compare_facts import number_value
    na, nb = number_value(ua.number), number_value(ub.number)
    return na is not None and nb is not None and na != nb


def _short(t: str, n: int = 160) -> str:
    t = _norm(t)
    return t if len(t) <= n else t[:n].rsplit(" ", 1)[0] + " …"


def unit_key(doc: Document, u: Unit) -> str:
    """The unit's path without its document (`appendix_1/point_36`): equal across editions."""
    return u.id[len(doc.id) + 1:] if u.id.startswith(doc.id + "/") else u.id


def unit_history(editions: list[tuple[Document, list[Unit]]]) -> dict[str, list[int]]:
    """unit key -> indices of the editions in which the unit appeared or changed (0 = first edition)."""
    hist: dict[str, list[int]] = {}
    if not editions:
        return hist
    d0, u0 = editions[0]
    for u in u0:
        hist.setdefault(unit_key(d0, u), []).append(0)
    for i in range(1, len(editions)):
        (da, ua), (db, ub) = editions[i - 1], editions[i]
        res = diff(da, ua, db, ub)
        ib = {u.id: u for u in ub}
        ia = {u.id: u for u in ua}
        for row in res["units"]:
            if row["status"] in ("added", "changed", "moved") and row["b"]:
                key = unit_key(db, ib[row["b"]])
                if row["a"] and unit_key(da, ia[row["a"]]) != key:      # renumbered: carry the history
                    hist[key] = list(hist.get(unit_key(da, ia[row["a"]]), []))
                hist.setdefault(key, [])
                if not hist[key] or hist[key][-1] != i:
                    hist[key].append(i)
    return hist
