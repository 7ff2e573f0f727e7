"""Issue 14: an ingest keeps the corpus's national acts, and the acts each citation by name
resolves to, across its files (``catalog.NationalActs``) — and a national act stored, renamed or
superseded between two files is seen by the next file's citations, in Russian and Kazakh."""
from maslihat.core.model import Document
from maslihat.corpus.catalog import NationalActs, StoreCatalog
from maslihat.corpus.store import Store

LAW_RU = "О местном государственном управлении и самоуправлении в Республике Казахстан"
LAW_KK = "Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы"
BUDGET_RU = "Бюджетный кодекс Республики Казахстан"
BUDGET_KK = "Қазақстан Республикасының Бюджет кодексі"


def _law(act: str, lang: str, title: str, doc_type: str = "law", number: str = "148-II",
         date: str = "2001-01-23") -> Document:
    return Document(id=f"{act}/{lang}", source=f"{act}.{lang}.txt", part=1, language=lang, doc_type=doc_type,
                    title=title, text=title, adopted_date=date, number=number, act_id=act)


def _put(store: Store, doc: Document) -> None:
    with store.transaction():
        store.put_document(doc, None, None)


def _find(store: Store, national: NationalActs, target: dict, lang: str):
    return StoreCatalog(store, national).find_act(target, lang)     # one catalog per file, as an ingest


def test_citations_by_name_follow_the_national_acts_between_files(tmp_path):
    store = Store(tmp_path / "c.sqlite")
    national = NationalActs(store)
    by_title_ru = {"act_type": "Закон", "title": LAW_RU}
    by_title_kk = {"act_type": "Закон", "title": LAW_KK}
    budget_ru = {"act_type": "Кодекс", "code_name": "Бюджетного"}
    budget_kk = {"act_type": "Кодекс", "code_name": "Бюджет"}
    assert _find(store, national, by_title_ru, "ru") is None
    _put(store, _law("kz/law/148", "ru", LAW_RU))
    _put(store, _law("kz/law/148", "kk", LAW_KK))
    assert _find(store, national, by_title_ru, "ru") == "kz/law/148/ru"
    assert _find(store, national, by_title_kk, "kk") == "kz/law/148/kk"
    assert _find(store, national, budget_ru, "ru") is None and _find(store, national, budget_kk, "kk") is None
    # a code stored by a later file: the next file's citations find it (the remembered "none" is not kept)
    _put(store, _law("kz/code/95", "ru", BUDGET_RU, "code", "95-IV", "2008-12-04"))
    _put(store, _law("kz/code/95", "kk", BUDGET_KK, "code", "95-IV", "2008-12-04"))
    assert _find(store, national, budget_ru, "ru") == "kz/code/95/ru"
    assert _find(store, national, budget_kk, "kk") == "kz/code/95/kk"
    # a new edition supersedes the law: citations by name go to the latest edition
    _put(store, Document(**{**_law("kz/law/148", "ru", LAW_RU).__dict__, "id": "kz/law/148/ru@2", "version": 2}))
    assert _find(store, national, by_title_ru, "ru") == "kz/law/148/ru@2"
    assert _find(store, national, by_title_kk, "kk") == "kz/law/148/kk"
    # a law another program (another connection) stored after this program's last look
    assert _find(store, national, budget_ru, "ru") == "kz/code/95/ru"
    other = Store(tmp_path / "c.sqlite")
    _put(other, _law("kz/law/190", "ru", "О государственных закупках", number="190-IV", date="2007-07-21"))
    _put(other, _law("kz/law/190", "kk", "Мемлекеттік сатып алу туралы", number="190-IV", date="2007-07-21"))
    other.close()
    # (named with the country's name its title lacks: found by name, not by the exact title)
    assert _find(store, national, {"act_type": "Закон", "title": "О государственных закупках Республики Казахстан"},
                 "ru") == "kz/law/190/ru"
    assert _find(store, national, {"act_type": "Закон", "title": "Қазақстан Республикасының Мемлекеттік сатып алу туралы"},
                 "kk") == "kz/law/190/kk"
    # answers as a catalog of its own gives them (no kept state)
    for target, lang in ((by_title_ru, "ru"), (by_title_kk, "kk"), (budget_ru, "ru"), (budget_kk, "kk")):
        assert _find(store, national, target, lang) == StoreCatalog(store).find_act(target, lang)
    store.close()
