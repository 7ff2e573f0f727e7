"""The Constitution in the corpus: acts that cite it («подпунктом 1) пункта 4 статьи 86 Конституции
Республики Казахстан», «Қазақстан Республикасы Конституциясының 86-бабы») resolve to its provision,
whether they were ingested before it or after, in their own language; its own words about itself
(«настоящую Конституцию») point to itself; and it was adopted at the republican referendum, not
issued by a body named in its first line."""
import json

import pytest

from maslihat.corpus.api import Corpus

RU = """# КОНСТИТУЦИЯ РЕСПУБЛИКИ КАЗАХСТАН

Конституция принята на республиканском референдуме 30 августа 1995 года.

Мы, народ Казахстана, принимаем настоящую Конституцию.

## Раздел VIII. МЕСТНОЕ ГОСУДАРСТВЕННОЕ УПРАВЛЕНИЕ И САМОУПРАВЛЕНИЕ

#### Статья 86

1. Местные представительные органы - маслихаты выражают волю населения.

4. К ведению маслихатов относятся:

1) утверждение планов, экономических и социальных программ развития территории, местного бюджета и отчетов об их исполнении;

2) рассмотрение отчетов руководителей местных исполнительных органов.
"""
KK = """# ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ КОНСТИТУЦИЯСЫ

Конституция 1995 жылы 30 тамызда республикалық референдумда қабылданды.

Біз, Қазақстан халқы, осы Конституцияны қабылдаймыз.

## VIII бөлім. ЖЕРГІЛІКТІ МЕМЛЕКЕТТІК БАСҚАРУ ЖӘНЕ ӨЗІН-ӨЗІ БАСҚАРУ

#### 86-бап

1. Жергілікті өкілді органдар - мәслихаттар халықтың еркін білдіреді.

4. Мәслихаттардың қарауына мыналар жатады:

1) аумақты дамыту жоспарларын, экономикалық және әлеуметтік бағдарламаларын, жергілікті бюджетті және олардың атқарылуы туралы есептерді бекіту;

2) жергілікті атқарушы органдар басшыларының есептерін қарау.
"""
META = """act_code: '1005029'
title:
  rus: Конституция Республики Казахстан
  kaz: Қазақстан Республикасының Конституциясы
approved_on: 1995-08-30
"""
DEC_RU = """Об утверждении отчета об исполнении районного бюджета за 2019 год
Решение Тестового районного маслихата от 12 марта 2020 года № 45-3.

В соответствии с подпунктом 1) пункта 4 статьи 86 Конституции Республики Казахстан районный маслихат РЕШИЛ:
1. Утвердить отчет об исполнении районного бюджета за 2019 год.
"""
DEC_KK = """2019 жылға арналған аудандық бюджеттің атқарылуы туралы есепті бекіту туралы
Тестовый аудандық мәслихатының 2020 жылғы 12 наурыздағы № 45-3 шешімі.

Қазақстан Республикасы Конституциясының 86-бабы 4-тармағының 1) тармақшасына сәйкес аудандық мәслихат ШЕШІМ ҚАБЫЛДАДЫ:
1. 2019 жылға арналған аудандық бюджеттің атқарылуы туралы есеп бекітілсін.
"""


def _ingest(tmp_path, layout: str, order: str):
    root = tmp_path / "in"
    if layout == "repository":        # the public repositories' folder: rus.md, kaz.md, meta.yaml
        act = root / "codes__0830-konstitutsiia-respubliki-kazakhstan-1005029"
        act.mkdir(parents=True)
        (act / "rus.md").write_text(RU, encoding="utf-8")
        (act / "kaz.md").write_text(KK, encoding="utf-8")
        (act / "meta.yaml").write_text(META, encoding="utf-8")
        const = [str(act)]
    else:
        root.mkdir()
        (root / "konst_rus.md").write_text(RU, encoding="utf-8")
        (root / "konst_kaz.md").write_text(KK, encoding="utf-8")
        const = [str(root / "konst_rus.md"), str(root / "konst_kaz.md")]
    (tmp_path / "dec").mkdir()
    (tmp_path / "dec" / "dec_ru.txt").write_text(DEC_RU, encoding="utf-8")
    (tmp_path / "dec" / "dec_kk.txt").write_text(DEC_KK, encoding="utf-8")
    c = Corpus(str(tmp_path / "c.sqlite"))
    decisions = [str(tmp_path / "dec")]
    for paths in ((decisions, const) if order == "decisions first" else (const, decisions)):
        c.ingest(paths)
    return c


def _exported(tmp_path, layout: str, order: str):
    """(documents, references, units by id) of ``_ingest``'s corpus, exported."""
    c = _ingest(tmp_path, layout, order)
    try:
        return _export(c, tmp_path)
    finally:
        c.close()


def _export(c, tmp_path):
    out = tmp_path / "x"
    c.export(str(out))
    docs = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    refs = [json.loads(line) for line in (out / "references.jsonl").read_text(encoding="utf-8").splitlines()]
    units = {json.loads(line)["id"]: json.loads(line) for line in (out / "units.jsonl").read_text(encoding="utf-8").splitlines()}
    return docs, refs, units


@pytest.mark.parametrize("layout", ["repository", "files"])
@pytest.mark.parametrize("order", ["decisions first", "constitution first"])
def test_a_citation_of_the_constitution_resolves_to_its_provision(tmp_path, layout, order):
    docs, refs, units = _exported(tmp_path, layout, order)
    const = {d["language"]: d["id"] for d in docs if d["doc_type"] == "constitution"}
    assert set(const) == {"ru", "kk"}
    for lang in ("ru", "kk"):
        dec = next(d["id"] for d in docs if d["doc_type"] == "decision" and d["language"] == lang)
        cites = [r for r in refs if r["document_id"] == dec and r["target"].get("act_type") == "Конституция"]
        assert len(cites) == 1, cites
        assert cites[0]["resolved_document_id"] == const[lang]
        u = units[cites[0]["resolved_unit_id"]]
        assert u["kind"] == "subpoint" and u["number"] == "1)" and u["document_id"] == const[lang]
        assert u["label"] == ("ст. 86 п. 4 пп. 1)" if lang == "ru" else "86-баптың 4-тармағының 1) тармақшасы")


@pytest.mark.parametrize("layout", ["repository", "files"])
def test_the_constitution_speaking_of_itself_points_to_itself(tmp_path, layout):
    docs, refs, _ = _exported(tmp_path, layout, "constitution first")
    for d in docs:
        if d["doc_type"] == "constitution":
            own = [r for r in refs if r["document_id"] == d["id"]]
            assert own and all(r["resolved_document_id"] == d["id"] for r in own
                               if r["target"].get("act_type") == "Конституция")


@pytest.mark.parametrize("layout", ["repository", "files"])
def test_the_constitution_was_adopted_at_the_republican_referendum(tmp_path, layout):
    docs, _, _ = _exported(tmp_path, layout, "constitution first")
    got = {d["language"]: (d["issuer"], d["issuer_kind"], d["adopted_date"]) for d in docs if d["doc_type"] == "constitution"}
    assert got == {"ru": ("Республиканский референдум", "other", "1995-08-30"),
                   "kk": ("Республикалық референдум", "other", "1995-08-30")}


@pytest.mark.parametrize("query,lang,label", [
    ("статья 86 конституции", "ru", "ст. 86"),
    ("пункт 4 статьи 86 Конституции", "ru", "ст. 86 п. 4"),
    ("конституцияның 86-бабы 4-тармағы", "kk", "86-баптың 4-тармағы"),
])
def test_a_query_citing_the_constitution_gets_that_provision_first(tmp_path, query, lang, label):
    # as people type it, lower case too; was: passing mentions first (the Constitution has no date,
    # number or title words besides its act word)
    c = _ingest(tmp_path, "repository", "decisions first")
    try:
        assert c.search(query, lang=lang, limit=3)["hits"][0]["label"] == label
    finally:
        c.close()
