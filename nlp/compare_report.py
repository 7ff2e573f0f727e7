"""The summary of a comparison that a journalist can quote, in ru/kk/en.

From the rows of ``nlp.diff.diff``: how many provisions are the same, reworded, moved,
renumbered or present in one act only; the topics (competency tags) and headings found in one
act only; and the facts of paired provisions compared — numbers, dates, times and amounts
(«не позднее одного месяца» against «не позднее пятнадцати дней»). The typed facts of
``nlp.facts`` (deadlines, quorums, thresholds, … each with its subject) are matched by kind and
subject through ``facts_hook``; without that module, stated measures are compared instead
(a number followed by минут/дней/раз/…, ``nlp.compare_facts``). A provision of B that merges two
or more of A (``merged`` rows) is listed in ``merges``, counted once, and its facts are compared
with those of all its A provisions together. The mirror, a provision of A said by two or more of
B (``split`` rows), is listed in ``splits`` and its facts compared with all its B provisions together.
"""
from __future__ import annotations

import re
import textwrap
from collections import Counter
from typing import Callable, Optional

from maslihat.core.model import Document, Unit
from maslihat.nlp.compare_facts import FactDiff, compare_facts, facts
from maslihat.nlp.align import children, first_child_start

PROVISION_KINDS = ("point", "article")
HEADING_KINDS = ("section", "chapter", "subchapter", "paragraph")
MAX_LISTED = 12


def facts_hook():
    """The facts developer's ``nlp.facts`` when installed (``extract`` giving typed facts:
    kind, subject, normalised value), else None and stated numbers are compared instead."""
    try:
        from maslihat.nlp import facts as typed  # type: ignore[attr-defined]
    except ImportError:
        return None
    return typed if callable(getattr(typed, "extract", None)) else None


def typed_compare(typed, ta: str, lang_a: str, tb: str, lang_b: str) -> tuple[list[dict], list[dict]]:
    """(differ, agree) between two provisions' typed facts, matched by (kind, subject)."""
    def by_key(text, lang):
        out: dict[tuple, set] = {}
        for f in typed.extract(text, lang):
            if f.subject:
                out.setdefault((f.kind, f.subject), set()).add((f.value, f.surface))
        return out
    fa, fb = by_key(ta, lang_a), by_key(tb, lang_b)
    differ, agree = [], []
    for key in sorted(set(fa) & set(fb)):
        va, vb = {v for v, _ in fa[key]}, {v for v, _ in fb[key]}
        label = {ui: f"{typed.kind_label(key[0], ui)}: {typed.subject_label(key[1], ui)}" for ui in ("ru", "kk", "en")}
        row = {"kind": key[0], "subject": key[1], "label": label,
               "a": sorted(s for _, s in fa[key]), "b": sorted(s for _, s in fb[key])}
        (agree if va == vb else differ).append(row)
    return differ, agree


def _name(doc: Document, ui: str) -> str:
    """The issuer as the reader's language names it (``core/places``: a Kazakh text whose
    requisites say no issuer carries its Russian document's «Алматинский областной маслихат»),
    else the issuer or title as written."""
    from maslihat.core.places import match_body
    body = match_body(doc.issuer, doc.region) if doc.issuer else None
    name = (body.names.get(ui) if body else None) or doc.issuer or doc.title or doc.id
    return textwrap.shorten(name, 80, placeholder=" …")


def report(doc_a: Document, units_a: list[Unit], doc_b: Document, units_b: list[Unit], rows: list[dict]) -> dict:
    ia, ib = {u.id: u for u in units_a}, {u.id: u for u in units_b}
    prov = [r for r in rows if r.get("unit_kind") in PROVISION_KINDS]
    counts = Counter(r["kind"] for r in prov)
    counts["renumbered"] = sum(1 for r in prov if r.get("renumbered"))
    only_a = [ia[r["a"]] for r in prov if r["kind"] == "only_a"]
    only_b = [ib[r["b"]] for r in prov if r["kind"] == "only_b"]
    topics_a = Counter(c for u in only_a for c in u.competencies)
    topics_b = Counter(c for u in only_b for c in u.competencies)
    heads_a = [_heading(doc_a, units_a, ia[r["a"]]) for r in rows
               if r["kind"] == "only_a" and r.get("unit_kind") in HEADING_KINDS]
    heads_b = [_heading(doc_b, units_b, ib[r["b"]]) for r in rows
               if r["kind"] == "only_b" and r.get("unit_kind") in HEADING_KINDS]
    fact_rows, agree, agreed = _facts(doc_a, units_a, doc_b, units_b, prov, ia, ib)
    # the first row of a merge (not of status «merged») names the others of A (``nlp.diff``)
    merges = {r["b"]: [r["a"], *r["merged_with"]] for r in prov
              if r.get("merged") and r["a"] and r["b"] and r.get("status") != "merged"}
    # A's own pair (the first row of a split, not of status «split») names the others of B
    splits = {r["a"]: [r["b"], *r["split_with"]] for r in prov
              if r.get("split") and r["a"] and r["b"] and r.get("status") != "split"}
    out = {"provisions_a": sum(1 for u in units_a if u.kind in PROVISION_KINDS),
           "provisions_b": sum(1 for u in units_b if u.kind in PROVISION_KINDS),
           "counts": {k: counts.get(k, 0) for k in ("same", "reworded", "moved", "renumbered", "only_a", "only_b",
                                                    "merged", "split")},
           # a provision of B that carries two or more of A (``counts["merged"]``: the further ones of A)
           "merges": [{"b": b, "label_b": ib[b].label, "a": a, "labels_a": [ia[x].label for x in a]}
                      for b, a in merges.items()],
           # a provision of A said by two or more of B (``counts["split"]``: the further ones of B)
           "splits": [{"a": a, "label_a": ia[a].label, "b": b, "labels_b": [ib[x].label for x in b]}
                      for a, b in splits.items()],
           "topics_only_a": [{"code": c, "label": _label(c), "provisions": n} for c, n in topics_a.most_common()],
           "topics_only_b": [{"code": c, "label": _label(c), "provisions": n} for c, n in topics_b.most_common()],
           "headings_only_a": heads_a, "headings_only_b": heads_b,
           "facts_differ": fact_rows, "facts_agree": agree, "facts_same": agreed,
           "facts_source": "nlp.facts" if facts_hook() else "nlp.compare_facts"}
    out["text"] = _sentences(doc_a, doc_b, out)
    return out


def _label(code: str) -> dict:
    try:
        from maslihat.nlp.competency import label
        return {ui: label(code, ui) for ui in ("ru", "kk", "en")}
    except Exception:        # noqa: BLE001  (an unknown code is shown as it is)
        return {ui: code for ui in ("ru", "kk", "en")}


def _heading(doc: Document, units: list[Unit], u: Unit) -> str:
    """A heading's own line, cut at a word and marked «…» when long (not mid-word: «… жүз»)."""
    return textwrap.shorten(doc.text[u.start:first_child_start(units, u)].lstrip("# "), 120, placeholder=" …")


def _facts(doc_a, units_a, doc_b, units_b, prov, ia, ib) -> tuple[list[dict], int, list[dict]]:
    hook = facts_hook()
    out, agree, agreed = [], 0, []
    for r in prov:
        if not (r["a"] and r["b"]) or r.get("status") in ("merged", "split"):   # with its first row
            continue
        ua, ub = ia[r["a"]], ib[r["b"]]
        # a provision of B merging several of A is compared with all of them together; a provision
        # of A split over several of B with all of those
        group = [ua] + [ia[x] for x in r.get("merged_with") or []]
        group_b = [ub] + [ib[x] for x in r.get("split_with") or []]
        label_a = " + ".join(u.label for u in group)
        label_b = " + ".join(u.label for u in group_b)
        ta = "\n".join(doc_a.text[u.start:u.end] for u in group)
        tb = "\n".join(doc_b.text[u.start:u.end] for u in group_b)
        if hook is not None:
            differ, same = typed_compare(hook, ta, doc_a.language, tb, doc_b.language)
            for row in differ:
                out.append({"label_a": label_a, "label_b": label_b, "a": ua.id, "b": ub.id, "kind": row["kind"],
                            "subject": row["subject"], "label": row["label"], "facts_a": row["a"], "facts_b": row["b"]})
            for row in same:
                agreed.append({"label_a": label_a, "label_b": label_b, "label": row["label"], "facts_a": row["a"],
                               "facts_b": row["b"]})
            agree += bool(same) and not differ
            continue
        ta = "\n".join(_without_notes(doc_a, units_a, u) for u in group)
        tb = "\n".join(_without_notes(doc_b, units_b, u) for u in group_b)
        all_a, all_b = facts(ta, doc_a.language), facts(tb, doc_b.language)
        fa = [f for f in all_a if _measured(ta, f)]
        fb = [f for f in all_b if _measured(tb, f)]
        if not fa and not fb:
            continue
        # a measured fact must be answered by anything the other side states (words included)
        d = FactDiff(compare_facts(fa, all_b).only_a, compare_facts(all_a, fb).only_b)
        if d.differs:
            out.append({"label_a": label_a, "label_b": label_b, "a": ua.id, "b": ub.id,
                        "facts_a": [_around(ta, f) for f in d.only_a], "facts_b": [_around(tb, f) for f in d.only_b]})
        else:
            agree += 1
    return out, agree, agreed


# what a quantity counts: a number followed by one of these is a fact a reader compares
# («40 минут», «не реже четырех раз», «10 күн»); a number after «пункт», «статья», «№» is a reference
_MEASURE = re.compile(r"\s*(?:\(\w+\)\s*)?(?:календарн\w*\s+|рабоч\w*\s+|жұмыс\s+|күнтізбелік\s+)?"
                      r"(?:минут|час|дн|ден|суток|недел|месяц|год|лет|раз|депутат|член|процент|%|тенге|МРП|голос|"
                      r"сағат|күн|апта|ай|жыл|рет|мүше|пайыз|теңге|АЕК|дауыс)", re.I)


def _measured(text: str, f) -> bool:
    return f.kind in ("time", "amount") or (f.kind == "number" and bool(_MEASURE.match(text, f.end)))


def _without_notes(doc: Document, units: list[Unit], u: Unit) -> str:
    """The provision's text with its notes («Сноска…», «Ескерту…») cut out: they cite amending acts."""
    text = doc.text[u.start:u.end]
    for v in sorted((v for v in children(units, u) if v.kind == "note"), key=lambda v: -v.start):
        text = text[:v.start - u.start] + " " + text[v.end - u.start:]
    return text


def _around(text: str, f) -> str:
    """The fact with the words that say what it counts: «не более 40 минут», «в течение 10 дней»."""
    s = text.rfind(" ", 0, max(0, f.start - 12))
    e = text.find(" ", min(len(text), f.end + 12))
    return " ".join(text[s + 1 if s >= 0 else 0:e if e > 0 else len(text)].split())


def _sentences(doc_a: Document, doc_b: Document, r: dict) -> dict[str, str]:
    c = r["counts"]
    na, nb = {ui: _name(doc_a, ui) for ui in ("ru", "kk", "en")}, {ui: _name(doc_b, ui) for ui in ("ru", "kk", "en")}

    def topics(items, ui):
        return ", ".join(f"{t['label'][ui]} ({t['provisions']})" for t in items[:MAX_LISTED])
    if doc_a.language != doc_b.language:           # a translation: words cannot be «the same»
        c = dict(c, same=c["same"] + c["reworded"], reworded=0)
    ru = [f"A — {na['ru']}: {r['provisions_a']} пунктов/статей; B — {nb['ru']}: {r['provisions_b']}.",
          f"{'Соответствуют друг другу' if doc_a.language != doc_b.language else 'Совпадают дословно'}: {c['same']}; изменена формулировка: {c['reworded']}; перемещены: {c['moved']}; "
          f"с другим номером: {c['renumbered']}; только в A: {c['only_a']}; только в B: {c['only_b']}."]
    kk = [f"A — {na['kk']}: {r['provisions_a']} тармақ/бап; B — {nb['kk']}: {r['provisions_b']}.",
          f"{'Бір-біріне сәйкес' if doc_a.language != doc_b.language else 'Сөзбе-сөз сәйкес'}: {c['same']}; тұжырымы өзгерген: {c['reworded']}; орны ауысқан: {c['moved']}; "
          f"нөмірі басқа: {c['renumbered']}; тек A-да: {c['only_a']}; тек B-да: {c['only_b']}."]
    en = [f"A — {na['en']}: {r['provisions_a']} points/articles; B — {nb['en']}: {r['provisions_b']}.",
          f"{'Corresponding' if doc_a.language != doc_b.language else 'Same wording'}: {c['same']}; reworded: {c['reworded']}; moved: {c['moved']}; renumbered: {c['renumbered']}; "
          f"only in A: {c['only_a']}; only in B: {c['only_b']}."]
    if r["merges"]:                                 # many-to-one: «п. 23 + п. 24 → п. 71»
        lst = "; ".join(f"{' + '.join(m['labels_a'])} → {m['label_b']}" for m in r["merges"][:MAX_LISTED])
        ru.append(f"Объединены в один пункт B: {lst}.")
        kk.append(f"B-да бір тармаққа біріктірілген: {lst}.")
        en.append(f"Merged into one provision of B: {lst}.")
    if r.get("splits"):                             # one-to-many: «п. 32 → п. 35 + п. 33»
        lst = "; ".join(f"{m['label_a']} → {' + '.join(m['labels_b'])}" for m in r["splits"][:MAX_LISTED])
        ru.append(f"Один пункт A сказан в B в нескольких: {lst}.")
        kk.append(f"A-ның бір тармағы B-да бірнеше тармақта айтылған: {lst}.")
        en.append(f"One provision of A said in several of B: {lst}.")
    for key, ru_w, kk_w, en_w in (("topics_only_a", "Темы только в A", "Тек A-дағы тақырыптар", "Topics only in A"),
                                  ("topics_only_b", "Темы только в B", "Тек B-дағы тақырыптар", "Topics only in B")):
        if r[key]:
            ru.append(f"{ru_w}: {topics(r[key], 'ru')}.")
            kk.append(f"{kk_w}: {topics(r[key], 'kk')}.")
            en.append(f"{en_w}: {topics(r[key], 'en')}.")
    for key, ru_w, kk_w, en_w in (("headings_only_a", "Разделы только в A", "Тек A-дағы бөлімдер", "Headings only in A"),
                                  ("headings_only_b", "Разделы только в B", "Тек B-дағы бөлімдер", "Headings only in B")):
        if r[key]:
            lst = "; ".join(r[key][:MAX_LISTED])
            ru.append(f"{ru_w}: {lst}.")
            kk.append(f"{kk_w}: {lst}.")
            en.append(f"{en_w}: {lst}.")
    nd, ag = len(r["facts_differ"]), r["facts_agree"]
    ru.append(f"Числа, сроки и даты: одинаковы в {ag} парах пунктов, различаются в {nd}.")
    kk.append(f"Сандар, мерзімдер мен күндер: {ag} жұп тармақта бірдей, {nd} жұпта әртүрлі.")
    en.append(f"Numbers, deadlines and dates: the same in {ag} paired provisions, different in {nd}.")
    for f in r["facts_differ"][:MAX_LISTED]:
        a = "; ".join(f["facts_a"]) or "—"
        b = "; ".join(f["facts_b"]) or "—"
        for lst, ui in ((ru, "ru"), (kk, "kk"), (en, "en")):
            what = f"{f['label'][ui]}, " if f.get("label") else ""
            lst.append(f"{what}{f['label_a']} / {f['label_b']}: A «{a}», B «{b}».")
    for f in r["facts_same"][:MAX_LISTED]:
        a = "; ".join(f["facts_a"])
        ru.append(f"{f['label']['ru']} — одинаково в A и B ({f['label_a']} / {f['label_b']}): «{a}».")
        kk.append(f"{f['label']['kk']} — A мен B-да бірдей ({f['label_a']} / {f['label_b']}): «{a}».")
        en.append(f"{f['label']['en']} — the same in A and B ({f['label_a']} / {f['label_b']}): «{a}».")
    return {"ru": " ".join(ru), "kk": " ".join(kk), "en": " ".join(en)}
