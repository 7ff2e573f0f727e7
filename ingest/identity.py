"""Act identity: which act a text is, which act it amends, which text it repeats.

A document's identity is (act, language, edition). The act comes from the act's own
requisites (the requisite line, or meta.yaml), never from an act its title names: «О внесении
изменений в решение … от 1 июля 2005 года N 18-133 "…"» is its own act, which ``amends`` the
act it names. Two files are one edition when their body text is the same once the format's
marks, the title line and the requisite line are set aside (``fingerprint``): the ``.txt``,
``.html``, ``.md`` and ``.docx`` copies of one act, or one decision published under two codes.
"""
from __future__ import annotations

import hashlib
import re
from typing import Optional

from maslihat.core import places
from maslihat.core.chars import replacer
from maslihat.core.model import Document

_LOOK = replacer(str.maketrans("aceopxyiABCEHKMOPTXYI", "асеорхуіАВСЕНКМОРТХУІ"))
_WORD = re.compile(r"[^\W_]+")

# An act that amends another names it in its title: RU «О внесении изменений (и дополнений) в
# решение …», KK «… шешіміне өзгерістер (мен толықтырулар) енгізу туралы».
_AMEND_RU = re.compile(r"\bвнесени\w*\s+(?:\w+\s+){0,3}?(?:изменени|дополнени)\w*", re.I)
_REPEAL = re.compile(r"утратившим\w*\s+силу|\bотмене\b|күші\s+жойыл|жою\s+туралы", re.I)
_AMEND_KK = re.compile(r"(?:өзгеріс|өзгерiс|толықтыру)\w*\s+(?:\w+\s+){0,3}?енгізу", re.I)


def _fold(s: str) -> str:
    # blanks (all of them non-word characters) go first by a split, far faster than one match of
    # the pattern per gap between words (issue 14: a regex over the whole text of every file);
    # then the runs of word characters joined (the same as removing the rest, and faster)
    return "".join(_WORD.findall("".join(_LOOK(s or "").lower().replace("ё", "е").split())))


def fingerprint(doc: Document) -> str:
    """A hash of the body text, the same for every format of one edition of one act."""
    from maslihat.ingest.requisites import is_requisite
    lines = doc.text.split("\n")
    title = _fold(doc.title)
    body: list[str] = []
    seen = 0
    for k, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > 6:
            # every line from here is body: folded at once (``_fold`` drops the line breaks, and
            # folds a text line by line as it folds it whole; issue 14: one call, not thousands)
            body.append(_fold("\n".join(lines[k:])))
            break
        f = _fold(line)
        # the first line is the title in every format (txt line 1, html h1, md heading), even
        # when copies spell it differently; the requisite line is in some formats only
        if seen == 1 or (is_requisite(line) or (title and f == title)):
            continue
        body.append(f)
    return hashlib.sha1("".join(body).encode("utf-8")).hexdigest()


def amended_acts(title: str, own_date: Optional[str], own_number: Optional[str]) -> list[dict]:
    """The acts an amending act's title names ([{date, number, title}]); [] for other titles.

    Only an act other than this one counts (a title repeating the act's own requisites is not
    an amendment)."""
    if not title or _REPEAL.search(title):       # a repealing act names the act it ends, not one it amends
        return []
    if not (_AMEND_RU.search(title) or _AMEND_KK.search(title) or title_names_other_act(title)):
        return []
    from maslihat.core.grammar import find_dates
    from maslihat.ingest.requisites import find_numbers
    dates = find_dates(title)
    numbers = find_numbers(title)
    if not dates and not numbers:
        return []
    date = dates[0].iso if dates else None
    number = numbers[0][1] if numbers else None
    if date == own_date and number == own_number:
        return []
    quoted = re.search(r"[«\"“]([^»\"”]{5,})[»\"”]?", title)
    return [{"date": date, "number": number, "title": quoted.group(1).strip() if quoted else None}]


def amends_several(title: str) -> bool:
    """A title that amends acts it names in its text only: «О внесении изменений в некоторые
    решения …» / «… кейбір шешімдеріне өзгерістер енгізу туралы»."""
    return bool(title and not _REPEAL.search(title) and (_AMEND_RU.search(title) or _AMEND_KK.search(title))
                and re.search(r"некоторы\w*|кейбір", title, re.I))


def title_names_other_act(line: str) -> bool:
    """A requisite-looking line that quotes an act's title after its date and number: the title
    of an act that names another one (an amending act's), not the act's own requisite line."""
    return bool(re.search(r"(?:№|\bN\b|\d{4}\s*(?:года|г\.|жыл))[^«\"“]{0,40}[«\"“][^»\"”]{8,}", line))


def _num_key(n) -> str:
    return _fold(str(n or ""))


def merge_amendment(amendments: list, entry: dict) -> None:
    """Add ``entry`` to ``amendments``, or fill the entry of the same amending act (same date, same
    number up to look-alike letters: «202-VІ» with a Cyrillic І is «202-VI») with its keys."""
    for a in amendments:
        if a.get("date") == entry.get("date") and (not a.get("number") or not entry.get("number")
                                                   or _num_key(a["number"]) == _num_key(entry["number"])):
            for k, v in entry.items():
                if v and not a.get(k):
                    a[k] = v
            return
    amendments.append(dict(entry))


def keep_linked(new: list, old: list) -> list:
    """Amendments read again from the notes (``new``) keep what meta.yaml's caused_by and the
    amending acts found in the corpus added (entries with a ``from``)."""
    out = [dict(a) for a in new]
    for a in old or []:
        if a.get("from"):
            merge_amendment(out, a)
    return out


def adopts_work(doc: Document, other: Document) -> bool:
    """Whether ``doc`` takes the work id of ``other``, its other-language version (same file, same
    pair key, same act folder), when both carry the same date and number but their issuers'
    wordings gave two works (a body the gazetteer does not know, folded differently in RU and KK:
    «Ескельдинский районный маслихат», «Ескелді аудандық мәслихаты»). One of the two decides,
    whatever the order of ingestion: the one whose body the gazetteer knows, else the Russian."""
    from maslihat.core.ids import slug
    if not (doc.act_id and other.act_id and doc.adopted_date and other.adopted_date and doc.number and other.number):
        return False
    if doc.adopted_date != other.adopted_date or slug(doc.number) != slug(other.number) or doc.language == other.language:
        return False
    def known(d: Document) -> bool:
        return "." in d.act_id.split("/", 1)[0] and places.match_body(d.issuer, d.region) is not None
    if known(doc) != known(other):
        return known(other)
    return other.language == "ru"


def canonical_ids(doc: Document) -> None:
    """``issuer_id`` / ``region_id`` from the wording (kept as is), unless already known."""
    if not doc.issuer_id:
        body = places.match_body(doc.issuer, doc.region)
        if body is not None:
            doc.issuer_id = body.id
            if not doc.region_id and body.region_id:
                doc.region_id = body.region_id
    if not doc.region_id:
        doc.region_id = places.match_region(doc.region, doc.issuer)
