"""The pairing engine of ``nlp.align``, in near-linear time.

A national law has a thousand numbered units per language. The first version compared every
unpaired unit with every other (672,000 similarity calls, stems recomputed on each, 54 s of CPU
for one law). Here:

* each unit's own text, stems and numbers are computed once (``_Side``);
* structure pairs by an index of number paths (`ст. 6 п. 1 пп. 12-3)` <-> `6-баптың 1-тармағының
  12-3) тармақшасы`) — a dict lookup per unit; when the parts differ (one language has an appendix
  caption the other lacks) the path without the part is tried when it is unique;
* unnumbered children pair as the n-th of their kind under paired parents (sibling lists built once);
* only what is left is compared by text, and only with the same kind of unit at nearby relative
  positions (``WINDOW`` candidates by bisection), not with every unit.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Optional

from maslihat.core.model import Document, Unit

NUMBERED = ("section", "chapter", "subchapter", "article", "point", "subpoint", "appendix")
WINDOW = 12                      # text comparison: this many candidates on either side of the position
MAX_ORDERED = 200                 # siblings of a parent paired by content in order when their counts differ (an
                                  # appendix whose table rows are its paragraphs holds 100–150 of them)
BY_CONTENT = frozenset({"note"})  # unnumbered kinds whose order differs between the languages


class _Side:
    """One version's units with what pairing needs, computed once."""

    def __init__(self, doc: Document, units: list[Unit], lead_num: re.Pattern, stems, numbers):
        self.units = units
        self.by_id = {u.id: u for u in units}
        first_child: dict[str, int] = {}
        self.kids: dict[tuple, list[str]] = {}
        self.sib_pos: dict[str, int] = {}
        for u in units:
            if u.parent_id is not None:
                if u.start < first_child.get(u.parent_id, 1 << 62):
                    first_child[u.parent_id] = u.start
            sibs = self.kids.setdefault((u.parent_id, u.kind), [])
            self.sib_pos[u.id] = len(sibs)
            sibs.append(u.id)
        self.text = {u.id: lead_num.sub("", doc.text[u.start:max(u.start, first_child.get(u.id, u.end))]).strip()
                     for u in units}
        self._stems, self._nums = stems, numbers
        self._cache: dict[str, tuple] = {}

    def features(self, uid: str) -> tuple:
        f = self._cache.get(uid)
        if f is None:
            t = self.text[uid]
            f = self._cache[uid] = (self._stems(t), self._nums(t), len(t))
        return f


def _jacc(a, b) -> float:
    a, b = set(a), set(b)
    return len(a & b) / len(a | b) if (a or b) else 1.0


def _cross_sim(fa: tuple, fb: tuple) -> float:
    """The cross-language similarity of ``nlp.align.similarity`` on precomputed features."""
    (sa, na, la), (sb, nb, lb) = fa, fb
    if not la and not lb:
        return 1.0
    length = min(la, lb) / max(la, lb) if max(la, lb) else 1.0
    num = _jacc(na, nb) if (na or nb) else 0.5
    return 0.55 * _jacc(sa, sb) + 0.25 * num + 0.20 * length


def pair(doc_a: Document, units_a: list[Unit], doc_b: Document, units_b: list[Unit], *, path, similarity,
         lead_num, stems, numbers, threshold: float = 0.45) -> tuple[dict, dict]:
    """({a id: b id}, {a id: score}): the pairs of ``nlp.align.align`` (see the module docstring)."""
    cross = doc_a.language != doc_b.language
    A = _Side(doc_a, units_a, lead_num, stems, numbers)
    B = _Side(doc_b, units_b, lead_num, stems, numbers)
    pa: dict[str, str] = {}
    used_b: set[str] = set()
    score: dict[str, float] = {}

    def sim(a_id: str, b_id: str) -> float:
        if cross:
            return _cross_sim(A.features(a_id), B.features(b_id))
        return similarity(A.text[a_id], B.text[b_id], False)

    # 1. within one language, identical text wins over numbering (renumbered or moved points)
    if not cross:
        by_text: dict[tuple, list[str]] = {}
        for u in units_b:
            if B.text[u.id]:
                by_text.setdefault((u.kind, re.sub(r"\s+", " ", B.text[u.id])), []).append(u.id)
        for u in units_a:
            cand = [c for c in by_text.get((u.kind, re.sub(r"\s+", " ", A.text[u.id])), []) if c not in used_b]
            if A.text[u.id] and cand and len(A.text[u.id]) > 15:
                pa[u.id] = cand[0]
                used_b.add(cand[0])
                score[u.id] = 1.0

    # 2. structure: same part, kind and number chain (or the chain alone when unique)
    keys_b: dict[tuple, list[str]] = {}
    loose_b: dict[tuple, list[str]] = {}
    for u in units_b:
        if u.kind in NUMBERED and u.number:
            k = path(B.by_id, u)
            keys_b.setdefault(k, []).append(u.id)
            loose_b.setdefault(k[1:], []).append(u.id)
    loose_a: dict[tuple, int] = {}
    for u in units_a:
        if u.kind in NUMBERED and u.number:
            k = path(A.by_id, u)[1:]
            loose_a[k] = loose_a.get(k, 0) + 1
    for u in units_a:
        if u.id in pa or u.kind not in NUMBERED or not u.number:
            continue
        k = path(A.by_id, u)
        cand = [c for c in keys_b.get(k, []) if c not in used_b]
        if not cand and loose_a.get(k[1:]) == 1 and len(loose_b.get(k[1:], [])) == 1:
            cand = [c for c in loose_b[k[1:]] if c not in used_b]
        if cand:
            s = sim(u.id, cand[0])
            if cross or s >= 0.3 or len(A.text[u.id]) < 15:
                pa[u.id] = cand[0]
                used_b.add(cand[0])
                score[u.id] = round(max(s, 0.5 if cross else s), 3)
    accept = 0.3 if cross else threshold
    ordered: dict[tuple, dict] = {}       # (parent, kind) -> {a id: b id} where the counts differ
    for u in units_a:                     # unnumbered children: n-th of its kind under paired parents
        if u.id in pa or u.kind in NUMBERED and u.number:
            continue
        pb = pa.get(u.parent_id) if u.parent_id else None
        sib_a = A.kids.get((u.parent_id, u.kind), [])
        sib_b = B.kids.get((pb, u.kind), []) if (pb or not u.parent_id) else []
        if u.parent_id and len(sib_a) != len(sib_b) and 0 < len(sib_a) <= MAX_ORDERED and len(sib_b) <= MAX_ORDERED:
            # one text has a paragraph the other lacks: the n-th is not the n-th any more
            key = (u.parent_id, u.kind)
            if key not in ordered:
                ordered[key] = _in_order(sib_a, [b for b in sib_b if b not in used_b], sim, accept)
            b = ordered[key].get(u.id)
            if b is not None and b not in used_b:
                pa[u.id] = b
                used_b.add(b)
                score[u.id] = round(sim(u.id, b), 3)
            continue
        k = A.sib_pos[u.id]
        if k < len(sib_b) and sib_b[k] not in used_b:
            s = sim(u.id, sib_b[k])
            if s >= threshold or cross and s >= 0.3:
                pa[u.id] = sib_b[k]
                used_b.add(sib_b[k])
                score[u.id] = round(s, 3)

    def by_parent() -> None:
        """Numbered units whose parents are paired: the same kind and number under the partner
        (an article paired by its text brings its points along)."""
        num_b: dict[tuple, str] = {}
        for u in units_b:
            if u.kind in NUMBERED and u.number and u.id not in used_b:
                num_b.setdefault((u.parent_id, u.kind, _norm(u.number)), u.id)
        for u in units_a:
            if u.id in pa or u.kind not in NUMBERED or not u.number or u.parent_id not in pa:
                continue
            bid = num_b.get((pa[u.parent_id], u.kind, _norm(u.number)))
            if bid is not None and bid not in used_b:
                pa[u.id] = bid
                used_b.add(bid)
                score[u.id] = round(max(sim(u.id, bid), 0.5 if cross else 0.0), 3)
    by_parent()

    def gaps() -> None:
        """Runs of unpaired units of one kind between two paired ones: paired in order with the
        unpaired units of that kind between the partners, when there are as many (renumbered or
        unnumbered articles keep their order in both languages)."""
        for kind in {u.kind for u in units_a}:
            seq_a = [u.id for u in units_a if u.kind == kind]
            seq_b = [u.id for u in units_b if u.kind == kind]
            pos_b = {bid: k for k, bid in enumerate(seq_b)}
            run: list[str] = []
            left = -1
            for aid in seq_a + [None]:
                if aid is not None and aid not in pa:
                    run.append(aid)
                    continue
                right = pos_b.get(pa[aid], len(seq_b)) if aid is not None else len(seq_b)
                if run and right > left:
                    free = [b for b in seq_b[left + 1:right] if b not in used_b]
                    if len(free) == len(run):
                        for x, y in (_by_content(run, free, sim) if kind in BY_CONTENT else zip(run, free)):
                            pa[x] = y
                            used_b.add(y)
                            score[x] = round(sim(x, y), 3)
                run = []
                if aid is not None:
                    left = max(left, right)
    gaps()
    by_parent()

    # 3. text evidence for the rest: the same kind of unit near the same relative position
    na, nb = max(len(units_a), 1), max(len(units_b), 1)
    rest_b: dict[str, list[tuple[float, str]]] = {}
    for k, u in enumerate(units_b):
        if u.id not in used_b:
            rest_b.setdefault(u.kind, []).append((k / nb, u.id))
    for k, u in enumerate(units_a):
        if u.id in pa:
            continue
        cands = rest_b.get(u.kind)
        if not cands:
            continue
        pos = k / na
        i = bisect_left(cands, (pos, ""))
        best, best_s = None, threshold
        for j in range(max(0, i - WINDOW), min(len(cands), i + WINDOW)):
            rel, bid = cands[j]
            if bid in used_b:
                continue
            s = sim(u.id, bid) - 0.2 * abs(pos - rel)
            if s > best_s:
                best, best_s = bid, s
        if best is not None:
            pa[u.id] = best
            used_b.add(best)
            score[u.id] = round(best_s, 3)
    by_parent()
    return pa, score


def _in_order(run: list, free: list, sim, accept: float) -> dict:
    """{a: b} of the best order-keeping pairing of ``run`` and ``free`` (siblings of two paired
    parents, as many or not): each pair scores its similarity above ``accept``, a unit may stay
    unpaired (dynamic programming, as sentence aligners pair the sentences of two translations
    when one has a sentence the other lacks)."""
    n, m = len(run), len(free)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            gain = sim(run[i - 1], free[j - 1]) - accept
            best[i][j] = max(best[i - 1][j], best[i][j - 1], best[i - 1][j - 1] + gain if gain >= 0 else -1.0)
    out: dict = {}
    i, j = n, m
    while i and j:
        if best[i][j] == best[i - 1][j]:
            i -= 1
        elif best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            out[run[i - 1]] = free[j - 1]
            i, j = i - 1, j - 1
    return out


def _by_content(run: list, free: list, sim) -> list[tuple]:
    """Pairs of ``run`` and ``free`` (as many) by similarity, best first, ties in order: notes
    stand where each language's editor put them (a note on п. 7 under the point in Kazakh, at the
    act's head in Russian), so their order says little and their numbers and words say more."""
    if len(run) > 12:
        return list(zip(run, free))
    cells = sorted(((-sim(x, y), i, j) for i, x in enumerate(run) for j, y in enumerate(free)))
    done_a, done_b, out = set(), set(), []
    for _, i, j in cells:
        if i not in done_a and j not in done_b:
            done_a.add(i)
            done_b.add(j)
            out.append((run[i], free[j]))
    return out


def _norm(n: str) -> str:
    return re.sub(r"[\s.)]+$", "", n).replace(" ", "")
