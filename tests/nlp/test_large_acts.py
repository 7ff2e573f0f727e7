"""A code of hundreds of articles (issue 14, hardening): every citation inside it resolves to the
article, point and subpoint it names, in Russian and Kazakh, through the one-pass unit index and
span arrays that replaced a pass over every unit per reference; and the faster helpers answer as
the plain loops they replace."""
import random

import pytest

from maslihat.corpus.api import Corpus
from maslihat.nlp import competency
from maslihat.nlp.references_base import _Spans
from maslihat.nlp.resolve import UnitIndex, _norm_num, find_unit

N = 120   # articles: enough that a quadratic pass shows in the bench, small enough for the suite

ARTICLE = {
    "ru": ("### Статья {n}. Полномочия органа {n}\n\n1. Орган {n}:\n\n1) утверждает план;\n\n"
           "2) рассматривает вопросы, указанные в подпункте 1) пункта 1 статьи {m} настоящего Закона;\n\n"
           "2. Решения принимаются в порядке, установленном пунктом 1 статьи {m} настоящего Закона.\n\n"),
    "kk": ("### {n}-бап. {n}-органның өкілеттіктері\n\n1. {n}-орган:\n\n1) жоспарды бекітеді;\n\n"
           "2) осы Заңның {m}-бабы 1-тармағының 1) тармақшасында көрсетілген мәселелерді қарайды;\n\n"
           "2. Шешімдер осы Заңның {m}-бабының 1-тармағында белгіленген тәртіппен қабылданады.\n\n"),
}
TITLE = {"ru": "# ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН\n\n## О тестовом кодексе\n\n",
         "kk": "# ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ\n\n## Тестілік кодекс туралы\n\n"}


@pytest.fixture(scope="module")
def big_act(tmp_path_factory):
    root = tmp_path_factory.mktemp("big")
    act = root / "codes__0101-o-testovom-kodekse-1"
    act.mkdir()
    for lang, name in (("ru", "rus.md"), ("kk", "kaz.md")):
        body = "".join(ARTICLE[lang].format(n=n, m=(n * 7) % N + 1) for n in range(1, N + 1))
        (act / name).write_text(TITLE[lang] + body, encoding="utf-8")
    c = Corpus(str(root / "c.sqlite"))
    c.ingest([str(root)])
    yield c
    c.close()


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_citation_of_a_long_code_resolves_to_the_unit_it_names(big_act, lang):
    out = big_act.store.conn
    doc = out.execute("SELECT id FROM documents WHERE language=?", (lang,)).fetchone()[0]
    rows = out.execute("SELECT unit_id, resolved_unit_id, data FROM refs WHERE document_id=?", (doc,)).fetchall()
    internal = [r for r in rows if r[1]]
    # two citations per article, each resolved to the article named by (n * 7) % N + 1
    assert len(internal) >= 2 * N, len(internal)
    for unit_id, resolved, _ in internal:
        n = int(unit_id.split("/article_")[1].split("/")[0])
        m = (n * 7) % N + 1
        assert f"/article_{m}/" in resolved + "/", (unit_id, resolved)


def _naive_smallest(units, s, e):
    best = None
    for u in units:
        if u.start <= s and e <= u.end and (best is None or u.end - u.start < best.end - best.start):
            best = u
    return best


def test_span_arrays_pick_the_unit_the_plain_loop_picks(big_act):
    doc = big_act.store.conn.execute("SELECT id FROM documents WHERE language='ru'").fetchone()[0]
    units = big_act.store.units(doc)
    spans = _Spans(units)
    rnd = random.Random(7)
    end = max(u.end for u in units)
    for _ in range(300):
        s = rnd.randrange(0, end)
        e = min(end, s + rnd.randrange(0, 60))
        assert spans.smallest(s, e) is _naive_smallest(units, s, e)


def _plain_find(units, target):
    """The pass over every unit that ``find_unit`` made before its index (the reference answer)."""
    art, pt, sub = (_norm_num(target.get(k)) for k in ("article", "point", "subpoint"))
    by_id = {u.id: u for u in units}

    def ancestors(u):
        p = by_id.get(u.parent_id)
        while p is not None:
            yield p
            p = by_id.get(p.parent_id)
    for u in units:
        if sub:
            if u.kind != "subpoint" or _norm_num(u.number) != sub:
                continue
            anc = list(ancestors(u))
            if pt and not any(a.kind == "point" and _norm_num(a.number) == pt for a in anc):
                continue
            if art and not any(a.kind == "article" and _norm_num(a.number) == art for a in anc):
                continue
        elif pt:
            if u.kind != "point" or _norm_num(u.number) != pt:
                continue
            if art and any(a.kind == "article" for a in units) and \
                    not any(a.kind == "article" and _norm_num(a.number) == art for a in ancestors(u)):
                continue
        elif u.kind != "article" or _norm_num(u.number) != art:
            continue
        return u
    return None


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_unit_index_finds_what_a_pass_over_every_unit_finds(big_act, lang):
    doc = big_act.store.conn.execute("SELECT id FROM documents WHERE language=?", (lang,)).fetchone()[0]
    units = big_act.store.units(doc)
    ix = UnitIndex(units)
    found = 0
    for art in ("", "1", "17", str(N), str(N + 1)):
        for pt in ("", "1", "2", "3"):
            for sub in ("", "1)", "2)", "3)"):
                target = {"article": art or None, "point": pt or None, "subpoint": sub or None}
                got = find_unit(units, target, index=ix)
                assert got is _plain_find(units, target) if (art or pt or sub) else got is None, target
                found += got is not None
    assert found > 20


def test_competency_phrases_are_counted_as_the_plain_scan_counts():
    rnd = random.Random(3)
    words = ["бюджет", "маслихат", "утверждение", "план", "сессия", "депутат"]
    for _ in range(200):
        terms = [rnd.choice(words) for _ in range(rnd.randrange(1, 80))]
        positions: dict = {}
        for i, t in enumerate(terms):
            positions.setdefault(t, []).append(i)
        for w in words:
            for after in range(-1, len(terms)):
                used = set(rnd.sample(range(len(terms)), k=min(len(terms), 5)))
                plain = next((p for p in positions.get(w, ()) if after < p <= after + 1 + competency.GAP
                              and p not in used), None)
                assert competency._next_free(positions.get(w, []), after, used) == plain
