"""Regulations written in a test and paired by content: what the pairing tests share (a text of
numbered chapters, the two acts built, the pairs by label)."""
from __future__ import annotations

from maslihat.corpus.build import build
from maslihat.nlp.compare import pair_by_content
from tests.structure.helpers import doc

# the city's regulation up to its second chapter: three points on sessions, none of them the district's
CITY_SESSIONS = {"ru": """Об утверждении регламента городского маслихата

Регламент городского маслихата

Глава 1. Порядок проведения сессий

1. Бюджетная комиссия рассматривает проект бюджета города до его внесения на сессию.
2. Очередная сессия маслихата созывается секретарем маслихата не реже четырех раз в год.
3. Протокол сессии подписывается председателем сессии и секретарем маслихата.

""", "kk": """Қалалық мәслихаттың регламентін бекіту туралы

Қалалық мәслихаттың регламенті

1-тарау. Сессияларды өткізу тәртібі

1. Бюджет комиссиясы қала бюджетінің жобасын сессияға енгізілгенге дейін қарайды.
2. Мәслихаттың кезекті сессиясын мәслихат хатшысы жылына кемінде төрт рет шақырады.
3. Сессияның хаттамасына сессия төрағасы мен мәслихат хатшысы қол қояды.

"""}


def chaptered(head: str, chapters: list[str], *points: list[str]) -> str:
    """``head``, then ``chapters[0]`` (a heading with ``{n}``) with each title of ``chapters[1:]`` over
    its list of ``points``, the points numbered on across chapters."""
    out, n = [head], 1
    heading, *titles = chapters
    for k, (title, items) in enumerate(zip(titles, points), 1):
        out.append(heading.format(n=k) + title + "\n\n")
        for p in items:
            out.append(f"{n}. {p}\n")
            n += 1
        out.append("\n")
    return "".join(out)


def built(text_a: str, text_b: str, lang: str):
    """The district's act (``text_a``) and the city's (``text_b``) as ingest builds them."""
    return build(doc(text_a, lang=lang, doc_id="t/district")), build(doc(text_b, lang=lang, doc_id="t/city"))


def labelled(a, b) -> list[tuple[str, str]]:
    """The pairs ``pair_by_content`` makes between two built acts, by their units' labels."""
    la, lb = {u.id: u.label for u in a.units}, {u.id: u.label for u in b.units}
    return [(la[x], lb[y]) for x, y, _ in pair_by_content(a.doc, a.units, b.doc, b.units) if x and y]


class Pair:
    """A district's regulation written from chapters against a fixed city's, in either language:
    ``head`` and ``chapters`` ({lang: …}) as ``chaptered`` reads them, ``city`` {lang: text}."""

    def __init__(self, head: dict, chapters: dict, city: dict):
        self.head, self.chapters, self.city = head, chapters, city

    def district(self, lang: str, *points: list[str]) -> str:
        return chaptered(self.head[lang], self.chapters[lang], *points)

    def built(self, text_a: str, lang: str):
        return built(text_a, self.city[lang], lang)

    def labelled(self, text_a: str, lang: str) -> list[tuple[str, str]]:
        return labelled(*self.built(text_a, lang))
