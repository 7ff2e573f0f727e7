"""A fixture corpus built in code from seed 001 (RU then KK) and seed 000 (KK), fixed seed.

The real segmenter is written elsewhere; here a simple regex makes points, subpoints,
headings, notes and a preamble, which is all the index needs. The regulation is cut into a
few acts per language with varied metadata so that every facet has several values.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

from maslihat.core.model import Document, Unit

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
SEED_001 = SAMPLES / "001_56a79b46f786f9f7.txt"
SEED_000 = SAMPLES / "000_eba0dbad217e7da3.txt"
KK_TITLE = "Көкшетау қалалық мәслихатының регламентін бекіту туралы"
SEED = 20140320
PARTS = 4

POINT = re.compile(r"^\s*(\d{1,3})\.\s+\S")
SUBPOINT = re.compile(r"^\s*(\d{1,2})\)\s+\S")
NOTE = re.compile(r"^\s*(Сноска|Ескерту|Примечание РЦПИ|РҚАО ескертпесі)\b")
COMPETENCY_WORDS = {  # a crude tagger: enough to give the competency facet real values
    "budget": ("бюджет",), "sessions": ("сесси",), "deputy_status": ("депутат",),
    "bodies": ("комисси", "төраға", "председател"), "inquiries": ("запрос", "сауал"),
    "akim_relations": ("аким", "әкім"), "acts": ("решени", "шешім"),
}
CITIES = [("Кокшетауский городской маслихат", "Көкшетау қалалық мәслихаты", "Акмолинская область"),
          ("Павлодарский городской маслихат", "Павлодар қалалық мәслихаты", "Павлодарская область"),
          ("Зерендинский районный маслихат", "Зеренді аудандық мәслихаты", "Акмолинская область"),
          ("Таразский городской маслихат", "Тараз қалалық мәслихаты", "Жамбылская область")]


def competencies(text: str) -> list[str]:
    low = text.lower()
    return sorted(c for c, words in COMPETENCY_WORDS.items() if any(w in low for w in words))


def segment(doc_id: str, text: str) -> list[Unit]:
    """Line-based units: preamble, heading, point (+ its paragraphs), subpoint, note."""
    units: list[Unit] = []
    point = None
    pos = 0
    lines = text.splitlines(keepends=True)
    first_numbered = next((i for i, l in enumerate(lines) if POINT.match(l)), len(lines))
    pre_end = sum(len(l) for l in lines[:first_numbered])
    if text[:pre_end].strip():
        units.append(Unit(f"{doc_id}/preamble", doc_id, "preamble", 0, pre_end, "преамбула"))
    pos = pre_end
    for line in lines[first_numbered:]:
        start, end = pos, pos + len(line.rstrip("\n"))
        pos += len(line)
        body = line.strip()
        if not body:
            continue
        m = POINT.match(line)
        if m and not body.endswith((".", ";", ":")) and len(body) < 120:
            units.append(Unit(f"{doc_id}/heading_{len(units)}", doc_id, "heading", start, end, body[:40]))
            point = None
            continue
        if m:
            point = Unit(f"{doc_id}/point_{m.group(1)}~{len(units)}", doc_id, "point", start, end,
                         f"п. {m.group(1)}", number=m.group(1))
            units.append(point)
            continue
        s = SUBPOINT.match(line)
        if s and point is not None:
            units.append(Unit(f"{point.id}/subpoint_{s.group(1)}~{len(units)}", doc_id, "subpoint", start,
                              end, f"{point.label} пп. {s.group(1)})", parent_id=point.id, number=s.group(1) + ")"))
            point.end = end
            continue
        if NOTE.match(line):
            units.append(Unit(f"{doc_id}/note_{len(units)}", doc_id, "note", start, end, "сноска"))
            continue
        if point is not None:      # a paragraph of the current point
            point.end = end
        else:
            units.append(Unit(f"{doc_id}/paragraph_{len(units)}", doc_id, "paragraph", start, end, "абзац"))
    for i, u in enumerate(units):
        u.ordinal = i
        u.competencies = competencies(text[u.start:u.end])
    return units


def _split_parts(text: str, n: int) -> list[str]:
    """Cut at heading lines into ``n`` pieces of similar size."""
    lines = text.splitlines(keepends=True)
    heads = [i for i, l in enumerate(lines) if POINT.match(l) and not l.strip().endswith((".", ";", ":"))
             and len(l.strip()) < 120]
    total = len(text)
    cuts, acc, target = [0], 0, total / n
    offsets = [0]
    for l in lines:
        offsets.append(offsets[-1] + len(l))
    for h in heads:
        if offsets[h] >= target * len(cuts) and len(cuts) < n:
            cuts.append(h)
    cuts.append(len(lines))
    return ["".join(lines[a:b]) for a, b in zip(cuts, cuts[1:])]


def build(seed: int = SEED) -> tuple[list[Document], dict[str, list[Unit]]]:
    rng = random.Random(seed)
    raw = SEED_001.read_text(encoding="utf-8")
    cut = raw.index(KK_TITLE)
    halves = {"ru": raw[:cut], "kk": raw[cut:]}
    parts = {lang: _split_parts(t, PARTS) for lang, t in halves.items()}
    docs: list[Document] = []
    units: dict[str, list[Unit]] = {}
    for i in range(PARTS):
        city = CITIES[i % len(CITIES)]
        year = rng.randint(2010, 2023)
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        doc_type = rng.choice(["decision", "regulation"])
        status = rng.choice(["in_force", "repealed", "unknown"])
        for lang in ("ru", "kk"):
            did = f"fx/{doc_type}/{date}/{i}/{lang}"
            text = parts[lang][i]
            d = Document(id=did, source=SEED_001.name, part=i, language=lang, doc_type=doc_type,
                         title=text.strip().splitlines()[0][:120], text=text,
                         issuer=city[0] if lang == "ru" else city[1], issuer_kind="maslikhat",
                         region=city[2], adopted_date=date, status=status)
            docs.append(d)
            units[did] = segment(did, text)
    # coursework in Kazakh: paragraphs only, no date
    cw = SEED_000.read_text(encoding="utf-8")[:20000]
    did = "fx/coursework/000/kk"
    d = Document(id=did, source=SEED_000.name, part=0, language="kk", doc_type="coursework",
                 title="Жергілікті өкілді органдар", text=cw, issuer_kind=None)
    us, pos = [], 0
    for para in cw.split("\n"):
        if len(para.strip()) > 40:
            us.append(Unit(f"{did}/paragraph_{len(us) + 1}", did, "paragraph", pos, pos + len(para),
                           f"абзац {len(us) + 1}", ordinal=len(us), competencies=competencies(para)))
        pos += len(para) + 1
    docs.append(d)
    units[did] = us
    # untrusted markup must come out escaped
    hostile = ('Опасный акт\n\n      1. Депутат <script>alert("x")</script> & <b>сессия</b> '
               'рассматривает бюджет.\n')
    did = "fx/other/hostile/ru"
    docs.append(Document(id=did, source="hostile.txt", part=0, language="ru", doc_type="other",
                         title="Опасный акт", text=hostile, issuer="Тестовый маслихат",
                         issuer_kind="other", region="Город Алматы", adopted_date="2020-01-01",
                         status="in_force"))
    units[did] = segment(did, hostile)
    return docs, units
