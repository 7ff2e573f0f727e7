"""Plain-text renderings for the terminal: a comparison report and metadata values.

People read these, so no Python reprs: unit labels, the kind of change in words, short
excerpts, word changes as −«…» +«…». Document text is untrusted: control characters
(terminal escapes included) are removed before printing.
"""
from __future__ import annotations

import re
import textwrap

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
WIDTH = 100

KIND_WORDS = {
    "same": {"ru": "без изменений", "kk": "өзгеріссіз", "en": "same"},
    "reworded": {"ru": "изменена формулировка", "kk": "тұжырымы өзгерген", "en": "reworded"},
    "moved": {"ru": "перемещён", "kk": "орны ауысқан", "en": "moved"},
    "only_a": {"ru": "только в A", "kk": "тек A-да", "en": "only in A"},
    "only_b": {"ru": "только в B", "kk": "тек B-да", "en": "only in B"},
    "merged": {"ru": "объединено в B", "kk": "B-да біріктірілген", "en": "merged in B"},
    "split": {"ru": "разделено в B", "kk": "B-да бөлінген", "en": "split in B"},
}
WORDS = {
    "merged_with": {"ru": "объединено в B с", "kk": "B-да мыналармен біріктірілген", "en": "merged in B with"},
    "split_with": {"ru": "в B сказано также в", "kk": "B-да сондай-ақ мында айтылған", "en": "in B also said in"},
    "renumbered": {"ru": "другой номер", "kk": "нөмірі басқа", "en": "renumbered"},
    "editions": {"ru": "редакции одного акта", "kk": "бір актінің редакциялары", "en": "editions of one act"},
    "languages": {"ru": "русский и казахский тексты одного акта", "kk": "бір актінің орыс және қазақ мәтіндері",
                  "en": "the Russian and Kazakh texts of one act"},
    "content": {"ru": "два разных акта, пункты сопоставлены по содержанию",
                "kk": "екі түрлі акт, тармақтар мазмұны бойынша салыстырылды",
                "en": "two different acts, provisions paired by what they say"},
    "via": {"ru": "сопоставлены через текст на другом языке", "kk": "басқа тілдегі мәтіні арқылы салыстырылды",
            "en": "paired through the text in the other language"},
    "via_both": {"ru": "сопоставлены через русские тексты обоих актов",
                 "kk": "екі актінің орыс тіліндегі мәтіндері арқылы салыстырылды",
                 "en": "paired through both acts' Russian texts"},
    "structure": {"ru": "пункты сопоставлены по номерам", "kk": "тармақтар нөмірлері бойынша салыстырылды",
                  "en": "provisions paired by their numbers"},
    "changes": {"ru": "Изменения", "kk": "Өзгерістер", "en": "Changes"},
    "discrepancies": {"ru": "Расхождения RU/KK", "kk": "RU/KK айырмашылықтары", "en": "RU/KK discrepancies"},
    "none": {"ru": "нет", "kk": "жоқ", "en": "none"},
    "summary": {"ru": "Все единицы", "kk": "Барлық бірліктер", "en": "All units"},
    "words": {"ru": "слова", "kk": "сөздер", "en": "words"},
}
DISC_WORDS = {
    "only_in_a": {"ru": "есть только в A", "kk": "тек A-да бар", "en": "only in A"},
    "only_in_b": {"ru": "есть только в B", "kk": "тек B-да бар", "en": "only in B"},
    "numbers_differ": {"ru": "разные числа", "kk": "сандар әртүрлі", "en": "numbers differ"},
    "dates_differ": {"ru": "разные даты", "kk": "күндер әртүрлі", "en": "dates differ"},
    "times_differ": {"ru": "разное время", "kk": "уақыт әртүрлі", "en": "times differ"},
    "amounts_differ": {"ru": "разные суммы", "kk": "сомалар әртүрлі", "en": "amounts differ"},
    "order_differs": {"ru": "другой порядок перечня", "kk": "тізім реті басқа", "en": "list order differs"},
}


def clean(s) -> str:
    """Untrusted text for the terminal: control characters dropped, whitespace collapsed."""
    return " ".join(_CONTROL.sub(" ", str(s if s is not None else "")).split())


def _wrap(prefix: str, text: str, indent: int = 6) -> list[str]:
    return textwrap.wrap(clean(text), WIDTH, initial_indent=" " * indent + prefix,
                         subsequent_indent=" " * (indent + len(prefix))) or [" " * indent + prefix]


def _word_changes(changes: list[dict]) -> str:
    parts = []
    for ch in changes:
        if ch.get("op") == "equal":
            continue
        if ch.get("a"):
            parts.append(f"−«{clean(ch['a'])}»")
        if ch.get("b"):
            parts.append(f"+«{clean(ch['b'])}»")
    return " ".join(parts)


def render(res: dict, lang: str = "en", show_same: bool = False) -> str:
    """The readable report of ``Corpus.diff``: who is A and B, the summary, each change, the discrepancies."""
    w = {k: v[lang] for k, v in WORDS.items()}
    la, lb = res.get("language_a", ""), res.get("language_b", "")
    out = [f"A: {clean(res.get('title_a') or '')} [{la}] {clean(res['a'])}",
           f"B: {clean(res.get('title_b') or '')} [{lb}] {clean(res['b'])}"]
    if res.get("mode") == "content":
        how = w["content"]
    elif res.get("cross_language"):
        how = w["languages"]
    elif res.get("editions"):
        how = w["editions"]
    else:
        how = w["structure"]
    if len(res.get("vias") or []) > 1:
        how += f"; {w['via_both']}: {', '.join(clean(v) for v in res['vias'])}"
    elif res.get("via"):
        how += f"; {w['via']}: {clean(res['via'])}"
    out.append(f"({how})")
    rep = res.get("report") or {}
    kinds = res.get("kinds") or {}
    counts = ", ".join(f"{KIND_WORDS[k][lang]} {kinds.get(k, 0)}" for k in KIND_WORDS
                       if k not in ("merged", "split") or kinds.get(k))
    out.append(f"{w['summary']}: {counts}; {w['renumbered']} {res.get('renumbered', 0)}")
    if rep.get("text", {}).get(lang):
        out += textwrap.wrap(clean(rep["text"][lang]), WIDTH)
    out.append("")
    out.append(f"{w['changes']}:")
    shown = 0
    for u in res.get("units", []):
        kind = u.get("kind") or {"added": "only_b", "removed": "only_a", "changed": "reworded",
                                 "unchanged": "same"}.get(u.get("status"), u.get("status"))
        if kind == "same" and not (show_same or u.get("renumbered")):
            continue
        shown += 1
        label = f"{clean(u.get('label_a') or '—')} → {clean(u.get('label_b') or '—')}"
        extra = f" ({w['renumbered']})" if u.get("renumbered") else ""
        if u.get("merged") and u.get("merged_labels"):      # one provision of B carries several of A
            extra += f" ({w['merged_with']}: {', '.join(clean(x) for x in u['merged_labels'])})"
        if u.get("split") and u.get("split_labels"):        # one provision of A said by several of B
            extra += f" ({w['split_with']}: {', '.join(clean(x) for x in u['split_labels'])})"
        out.append(f"  {KIND_WORDS.get(kind, {}).get(lang, kind)}: {label}{extra}")
        if u.get("excerpt_a") and kind != "only_b":
            out += _wrap("A: ", u["excerpt_a"])
        if u.get("excerpt_b") and kind != "only_a" and (kind != "same" or u.get("excerpt_b") != u.get("excerpt_a")):
            out += _wrap("B: ", u["excerpt_b"])
        if u.get("changes"):
            out += _wrap(f"{w['words']}: ", _word_changes(u["changes"]))
    if not shown:
        out.append(f"  {w['none']}")
    if "discrepancies" in res:
        out.append("")
        out.append(f"{w['discrepancies']} ({len(res['discrepancies'])}):")
        for d in res["discrepancies"]:
            kind = DISC_WORDS.get(d.get("kind"), {}).get(lang, clean(d.get("kind")))
            labels = f"{clean(d.get('label_a') or '—')} / {clean(d.get('label_b') or '—')}"
            msg = (d.get("message") or {}).get(lang) or d.get("detail") or ""
            out.append(f"  {labels}: {kind}")
            if msg:
                out += _wrap("", msg)
            if d.get("excerpt_a"):
                out += _wrap(f"{la.upper()}: ", d["excerpt_a"])
            if d.get("excerpt_b"):
                out += _wrap(f"{lb.upper()}: ", d["excerpt_b"])
        if not res["discrepancies"]:
            out.append(f"  {w['none']}")
    return "\n".join(out)


def meta_value(key: str, v) -> str:
    """A metadata value as words: registration, repeal and amendments are dicts in JSON, not here."""
    if isinstance(v, dict):
        if key == "registration":
            return clean(" ".join(x for x in (v.get("date"), f"№ {v['number']}" if v.get("number") else "",
                                              v.get("authority")) if x))
        if key == "repealed_by":
            return clean(" ".join(x for x in (v.get("date"), f"№ {v['number']}" if v.get("number") else "",
                                              f"«{v['title']}»" if v.get("title") else "") if x))
        return clean("; ".join(f"{k}: {x}" for k, x in v.items() if x))
    if isinstance(v, list):
        items = []
        for x in v:
            if isinstance(x, dict) and key == "amendments":
                units = ", ".join(map(str, x.get("units") or []))
                items.append(" ".join(p for p in (x.get("date"), f"№ {x['number']}" if x.get("number") else "",
                                                  f"({units})" if units else "") if p))
            else:
                items.append(meta_value(key, x))
        return clean("; ".join(items))
    return clean(v)
