"""Texts that are not acts: a government's reply to a deputy's inquiry (its inquiry, signer and title) and
a student's coursework (its markers and title).
"""
from __future__ import annotations

import re
from typing import Optional

from maslihat.core import grammar as G
from maslihat.core.grammar import find_dates
from maslihat.ingest import patterns as P
from maslihat.ingest.requisites import _UP

# --- kinds of text ---------------------------------------------------------------------------

def is_government_reply(text: str) -> bool:
    head = text[:3000]
    return bool(re.search(P.REPLY_INQUIRY, head, re.I) and re.search(P.REPLY_GREETING, head, re.I))


# a signatory's initials and surname («А. Тестов», «О.Бектенов», «Б. Тестова-Ким»)
_SIGNER_NAME = rf"[{_UP}]\.\s?(?:[{_UP}]\.\s?)?[{_UP}][{G.CYR_LOWER}]+(?:-[{_UP}][а-яё]+)?"


def reply_extra(text: str) -> dict:
    extra: dict = {}
    m = re.search(rf"№\s*([{_UP}]{{1,4}})\s*([-–])\s*(\d+)", text)
    if m:
        extra["inquiry_number"] = f"{m.group(1)}{m.group(2)}{m.group(3)}"
        window = text[max(0, m.start() - 120): m.end() + 80]
        dates = find_dates(window)
        if dates:
            extra["inquiry_date"] = dates[0].iso
    names = re.findall(rf"(?m)^\s*({_SIGNER_NAME})\s*$", text)
    if names:
        extra["signatory"] = re.sub(r"\.(?=\S)", ". ", names[-1].strip())
    return extra


# who signs a reply, by the position above the name: (words of the position, issuer kind); first match wins
_SIGNER_POSITIONS = (
    (r"Премьер-[Мм]инистр\w*|Премьер-[Мм]инистрі\w*", "government"),
    (r"[Мм]инистр\w*", "ministry"),
    (r"[Аа]ким\w*|[Әә]кім\w*", "akim"),
    (r"[Мм]аслихат\w*|[Мм]әслихат\w*", "maslikhat"),
)
_SIGNER_TAIL = 600       # characters at the end of a reply where its signature stands


def reply_signer(text: str) -> tuple[Optional[str], Optional[str]]:
    """(the position that signs a reply, its issuer kind): «Заместитель Премьер-Министра Республики
    Казахстан» above «А. Тестов» -> government; a minister -> ministry. With no position above the
    name, the kind from the text (the Government named: «Үкімет», «Правительств»), no issuer."""
    tail = text[-_SIGNER_TAIL:]
    lines = [x.strip() for x in tail.split("\n") if x.strip()]
    name = re.compile(rf"\s*{_SIGNER_NAME}\s*$")
    at = max((i for i, x in enumerate(lines) if name.search(x)), default=None)
    if at is not None:
        block = []
        for x in reversed(lines[max(0, at - 3):at + 1]):
            x = name.sub("", x).strip() if not block else x
            if x.endswith((".", "!", ":")) or len(x) > 80:
                break
            if x:
                block.insert(0, x)
        position = re.sub(r"\s{2,}", " ", " ".join(block)).strip()
        for rx, kind in _SIGNER_POSITIONS:
            if position and re.search(rx, position):
                return position, kind
    return None, ("government" if re.search(r"Үкімет|Правительств", text) else None)


_TOC_LINE = re.compile(r"\s{3,}\d+\s*-\s*\d+|\d+\s*$|^\s*\d+(\.\d+)*\.?\t")


# the topic a title page announces: «на тему: «…»», «Тема: …», «… тақырыбы: …», «Тақырыбы: «…»»
_TOPIC = re.compile(r"(?:\bна\s+тему|\bтема|\bтақырыб\w*)\s*[:.]?\s*(.*)$", re.I)


def _announced_topic(head: list[str]) -> Optional[str]:
    """The topic of a title page: the words after «на тему»/«тақырыбы» on its line, or the next line."""
    for k, line in enumerate(head):
        m = _TOPIC.search(line)
        if not m or len(line) > 300:
            continue
        rest = m.group(1).strip(" «»\"“”")
        if not rest:
            rest = next((x for x in head[k + 1:k + 3] if x), "").strip(" «»\"“”")
        if 12 <= len(rest) <= 300:
            return rest
    return None


def coursework_title(lines: list[str], fallback: str) -> str:
    """The topic a title page announces («на тему: «…»»), else the first line that is not part of a
    table of contents, up to its first sentence end."""
    head = [re.sub(r"\s+", " ", x).strip() for x in lines[:40]]
    topic = _announced_topic(head)
    if topic:
        return topic
    for line, s in zip(lines[:40], head):
        if not s or len(s) < 12 or _TOC_LINE.search(line) or re.search("мазмұны|содержание", s, re.I):
            continue
        if head.count(s) > 1:       # a table-of-contents entry repeated as a heading
            continue
        if re.search(r"кіріспе|қорытынды|введение|заключение", s, re.I) and len(s) < 40:
            continue
        first = re.split(r"(?<=[^\s.]{3})[.!?](?=\s|[{G.CYR_UPPER}0-9]|$)", s, maxsplit=1)[0]
        first = re.split(r"\s\d+(?:\.\d+)+\.?\s", first, maxsplit=1)[0].strip(" -–:")  # glued TOC entry
        return first if len(first) <= 160 else first[:160].rsplit(" ", 1)[0] + " …"
    return fallback


_KK_INQUIRY_LINE = re.compile(r"\d{4}\s+жылғы\s+\d{1,2}\s+\w+\s+№\s*\S+\s*[-–]?\s*\d*\s+депутатт\w*\s+сауал")


def reply_title(text: str, lang: str, extra: dict) -> str:
    """Kazakh replies name the inquiry in their address block ("2024 жылғы 5 сәуірдегі № ДС – 153
    депутаттық сауалға"): that phrase + "жауап" is the title; otherwise a generic one."""
    num = extra.get("inquiry_number")
    if lang == "kk":
        head = re.sub(r"\s+", " ", "\n".join(text.split("\n")[:30]))
        m = _KK_INQUIRY_LINE.search(head)
        if m and num:
            return re.sub(r"№\s*\S+\s*[-–]\s*\d+", f"№ {num}", m.group(0)) + "ға жауап"
        return f"№ {num} депутаттық сауалға жауап" if num else "Депутаттық сауалға жауап"
    return f"Ответ на депутатский запрос № {num}" if num else "Ответ на депутатский запрос"
