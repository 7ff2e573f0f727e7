"""Citations of national laws resolve to their provisions, and the provisions list who cites them.

Excerpts of the Law of 23 January 2001 No. 148-II (article 6, subpoint 12-3) of point 1) and of
a Pavlodar decision citing it (RU and KK), typed in as the repositories' markdown.
"""
from types import SimpleNamespace

import pytest

from maslihat.corpus.api import Corpus
from maslihat.nlp import act_match

LAW_RU = """# О местном государственном управлении и самоуправлении в Республике Казахстан

Настоящий Закон регулирует общественные отношения в области местного государственного управления.

<a id="st6"></a>

## Статья 6. Компетенция маслихатов

1. Маслихаты:

   1) утверждают планы, экономические и социальные программы развития территории;

   12-3) утверждают положение о почетных званиях и наградах области;

2. Маслихат вправе принимать решения по вопросам, отнесенным к его ведению пунктом 1 настоящей статьи.

> *Сноска. Статья 6 с изменениями, внесенными законами РК от 10.01.2006 № 116; от 20.12.2004 № 13.*
"""
LAW_KK = """# Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы

Осы Заң жергілікті мемлекеттік басқару саласындағы қоғамдық қатынастарды реттейді.

<a id="st6"></a>

## 6-бап. Мәслихаттардың құзыреті

1. Мәслихаттар:

   1) аумақты дамытудың жоспарларын, экономикалық және әлеуметтік бағдарламаларын бекітеді;

   12-3) облыстың құрметті атақтары мен наградалары туралы ережені бекітеді;

2. Мәслихат осы баптың 1-тармағында өзінің қарауына жатқызылған мәселелер бойынша шешім қабылдауға құқылы.

> *Ескерту. 6-бапқа өзгерістер енгізілді - ҚР 10.01.2006 № 116 Заңымен.*
"""
DECISION_RU = """Об утверждении Положения о награждении Почетной грамотой Павлодарской области

Решение Павлодарского областного маслихата от 28 марта 2014 года № 258/29. Зарегистрировано Департаментом юстиции Павлодарской области 25 апреля 2014 года № 3782.

В соответствии с подпунктом 12-3) пункта 1 статьи 6 Закона Республики Казахстан "О местном государственном управлении и самоуправлении в Республике Казахстан" Павлодарский областной маслихат РЕШИЛ:

1. Утвердить прилагаемое Положение.

2. Контроль согласно статье 6 Закона о местном государственном управлении возложить на комиссию.
"""
DECISION_KK = """Павлодар облысының Құрмет грамотасымен марапаттау жөнінде Ережесін бекіту туралы

Павлодар облыстық мәслихатының 2014 жылғы 28 наурыздағы № 258/29 шешімі. Павлодар облысының Әділет департаментінде 2014 жылғы 25 сәуірде № 3782 болып тіркелді.

Қазақстан Республикасының 2001 жылғы 23 қаңтардағы "Қазақстан Республикасында жергілікті мемлекеттік басқару және өзін-өзі басқару туралы" Заңының 6-бабы 1-тармағының 12-3) тармақшасына сәйкес, Павлодар облыстық мәслихаты ШЕШІМ ЕТЕДІ:

1. Ұсынылып отырған Ереже бекітілсін.
"""


def _ingest(tmp_path, files, order):
    c = Corpus(str(tmp_path / "c.sqlite"), es_url="")
    for group in order:
        d = tmp_path / group
        d.mkdir(exist_ok=True)
        for name, text in files[group].items():
            (d / name).write_text(text, encoding="utf-8")
        c.ingest([str(d)])
    return c


@pytest.mark.parametrize("order", [("law", "local"), ("local", "law")])
def test_a_local_act_citing_the_law_resolves_to_the_subpoint_with_backlinks(tmp_path, order):
    files = {"law": {"law.rus.md": LAW_RU, "law.kaz.md": LAW_KK},
             "local": {"decision.rus.txt": DECISION_RU, "decision.kaz.txt": DECISION_KK}}
    c = _ingest(tmp_path, files, order)
    docs = {d["language"] + ":" + d["doc_type"]: d for d in c.documents()}
    for lang in ("ru", "kk"):
        law = docs[f"{lang}:law"]
        sub = next(u for u in c.units(law["id"]) if u.kind == "subpoint" and u.number == "12-3)")
        cited_by = c.backlinks(unit_id=sub.id)
        assert cited_by, f"{lang}: nobody cites {sub.label}"
        assert all(r.resolved_document_id == law["id"] for r in cited_by)
        assert docs[f"{lang}:decision"]["id"] in {r.document_id for r in cited_by}
    c.close()


@pytest.mark.parametrize("target, title, doc_type, number, date, ok", [
    # numbers with and without the convocation's Roman suffix are one number
    ({"act_type": "Закон", "number": "148"}, "О местном …", "law", "148-II", "2001-01-23", True),
    ({"act_type": "Закон", "number": "№ 148-ІІ"}, "О местном …", "law", "148-II", None, True),
    ({"act_type": "Закон", "number": "480-V"}, "О правовых актах", "law", "480-V ЗРК", None, True),
    ({"act_type": "Закон", "number": "149"}, "О местном …", "law", "148-II", None, False),
    # titles: quotes, case, «Республики Казахстан» / «ҚР»
    ({"act_type": "Закон", "title": "«О местном государственном управлении и самоуправлении в Республике Казахстан»"},
     "О МЕСТНОМ ГОСУДАРСТВЕННОМ УПРАВЛЕНИИ И САМОУПРАВЛЕНИИ В РЕСПУБЛИКЕ КАЗАХСТАН", "law", None, None, True),
    ({"act_type": "Закон", "title": "Қазақстан Республикасында жергілікті мемлекеттік басқару және өзін-өзі басқару туралы"},
     "Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін өзі басқару туралы", "law", None, None, True),
    # short names, RU and KK
    ({"act_type": "Закон", "title": "о местном государственном управлении"},
     "О местном государственном управлении и самоуправлении в Республике Казахстан", "law", None, None, True),
    ({"act_type": "Кодекс", "code_name": "Бюджетный кодекс"}, "Бюджетный кодекс Республики Казахстан", "code", None,
     None, True),
    ({"act_type": "Кодекс", "code_name": "Налоговый кодекс"},
     "О налогах и других обязательных платежах в бюджет (Налоговый кодекс)", "code", None, None, True),
    ({"act_type": "Кодекс", "code_name": "Салық"}, "Қазақстан Республикасының Салық кодексі", "code", None, None, True),
    ({"act_type": "Кодекс", "code_name": "Бюджетный кодекс"}, "Налоговый кодекс Республики Казахстан", "code", None,
     None, False),
    # the kind of act must fit: a maslikhat decision № 148 is not the Law № 148
    ({"act_type": "Закон", "number": "148"}, "О бюджете", "decision", "148", None, False),
    # a different date is another act
    ({"act_type": "Закон", "number": "148", "date": "2001-01-24"}, "О местном …", "law", "148-II", "2001-01-23",
     False),
])
def test_act_matching(target, title, doc_type, number, date, ok):
    doc = SimpleNamespace(title=title, doc_type=doc_type, number=number, adopted_date=date)
    assert (act_match.score(target, doc) >= 3) is ok


def test_a_date_alone_does_not_resolve_to_another_kind_of_act(tmp_path):
    """The law is not in the corpus; a maslikhat decision of the same date is not it."""
    same_day = ("О бюджете района\n\nРешение Павлодарского областного маслихата от 23 января 2001 года № 12/3. "
                "Зарегистрировано Департаментом юстиции 1 февраля 2001 года № 100.\n\nМаслихат РЕШИЛ:\n\n"
                "1. Утвердить бюджет.\n")
    citing = DECISION_RU.replace('Закона Республики Казахстан "О', 'Закона Республики Казахстан от 23 января 2001 года "О')
    c = _ingest(tmp_path, {"a": {"same_day.rus.txt": same_day}, "b": {"decision.rus.txt": citing}}, ("a", "b"))
    other = next(d for d in c.documents() if d["number"] == "12/3")
    assert not c.backlinks(doc_id=other["id"])
    c.close()


def _ingest_citing(tmp_path, files: dict):
    """``files`` ingested (the law first); the corpus and {language: the law's document id}."""
    c = _ingest(tmp_path, files, ("law", "local"))
    docs = c.documents()
    laws = {d["language"]: d["id"] for d in docs if d["doc_type"] == "law"}
    assert len([d for d in docs if d["doc_type"] == "decision"]) == 8 and set(laws) == {"ru", "kk"}
    return c, laws


def assert_every_decision_cites(c, lang: str, law_id: str) -> None:
    """Every decision in ``lang`` resolved its citation to the law's subpoint 12-3)."""
    sub = next(u for u in c.units(law_id) if u.kind == "subpoint" and u.number == "12-3)")
    citing = {r.document_id for r in c.backlinks(unit_id=sub.id)}
    assert {d["id"] for d in c.documents() if d["doc_type"] == "decision" and d["language"] == lang} <= citing, lang


def _law_and_four_citing_decisions() -> dict:
    """The law (RU and KK) and four decisions in each language that cite its subpoint 12-3)."""
    files: dict = {"law": {"law.rus.md": LAW_RU, "law.kaz.md": LAW_KK}, "local": {}}
    for k in range(4):
        num = f"258/{30 + k}"
        files["local"][f"decision{k}.rus.txt"] = DECISION_RU.replace("258/29", num).replace("3782", f"37{90 + k}")
        files["local"][f"decision{k}.kaz.txt"] = DECISION_KK.replace("258/29", num).replace("3782", f"37{90 + k}")
    return files


def test_decisions_citing_one_law_in_one_run_all_resolve_and_read_its_provisions_once(tmp_path, monkeypatch):
    """Issue 14: the files of one ingest that cite the same law each resolve to its provision, RU
    and KK, while the law's units are read from the corpus file once per language, not once per
    citing file."""
    from maslihat.corpus.store import Store
    monkeypatch.setenv("MASLIHAT_INGEST_WORKERS", "0")
    files = _law_and_four_citing_decisions()
    read: list[str] = []
    real = Store.units
    monkeypatch.setattr(Store, "units", lambda self, doc_id: read.append(doc_id) or real(self, doc_id))
    c, laws = _ingest_citing(tmp_path, files)
    for lang, law_id in laws.items():
        assert_every_decision_cites(c, lang, law_id)
        assert read.count(law_id) <= 2, (lang, read.count(law_id))    # resolution once, the check above once
    c.close()


def test_a_cited_law_is_indexed_once_per_run_and_every_citing_decision_resolves(tmp_path, monkeypatch):
    """Issue 14: the look-up of a cited law's provisions by kind and number is built once per
    language in a run, not once per citing file, and each decision (RU and KK) still resolves to
    the subpoint it cites."""
    from maslihat.nlp import resolve
    monkeypatch.setenv("MASLIHAT_INGEST_WORKERS", "0")
    files = _law_and_four_citing_decisions()
    built: list[str] = []
    real = resolve.UnitIndex.__init__

    def counting(self, units):
        built.extend({u.document_id for u in units[:1]})
        real(self, units)
    monkeypatch.setattr(resolve.UnitIndex, "__init__", counting)
    c, laws = _ingest_citing(tmp_path, files)
    for lang, law_id in laws.items():
        assert built.count(law_id) <= 2, (lang, built.count(law_id))   # its own resolution, then the run's
        assert_every_decision_cites(c, lang, law_id)
    c.close()
