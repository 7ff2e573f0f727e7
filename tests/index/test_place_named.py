"""A query that names a place («… в маслихате павлодарской области», «… павлодар облысы
мәслихатында») ranks first the provisions of the acts issued there, though their points never
repeat the place's name: the issuer's region and city (as ``core/places`` names them, without
«область», «облысы») are among what a provision stands under. In Russian and Kazakh."""
import pytest

from maslihat.corpus.api import Corpus
from maslihat.corpus.store import _issued_by
from tests.index.small_corpus import corpus_fixture


def regulation(ru_place_gen: str, kk_place: str, number: str, extra_ru: str, extra_kk: str) -> dict:
    ru = (f"О регламенте маслихата\nРешение маслихата {ru_place_gen} от 28 марта 2014 года № {number}\n\n"
          "1. Протоколы сессии ведет аппарат маслихата, протоколы сессии подписывает председатель сессии.\n"
          f"2. {extra_ru}\n")
    kk = (f"Мәслихаттың регламенті туралы\n{kk_place} мәслихатының 2014 жылғы 28 наурыздағы № {number} шешімі\n\n"
          "1. Сессия хаттамаларын мәслихат аппараты жүргізеді, сессия хаттамаларына сессия төрағасы қол қояды.\n"
          f"2. {extra_kk}\n")
    return {"ru": ru, "kk": kk}


# the other region's regulation says it in more of the query's words: without the place it wins
PAV = regulation("Павлодарской области", "Павлодар облысы", "257/29", "Сессия созывается не реже четырех раз в год.",
                 "Сессия жылына кемінде төрт рет шақырылады.")
AKM = regulation("Акмолинской области", "Ақмола облысы", "24/4",
                 "Протоколы сессии маслихата ведет аппарат маслихата и хранит протоколы сессии.",
                 "Мәслихат сессиясының хаттамаларын мәслихат аппараты жүргізеді және сессия хаттамаларын сақтайды.")
FILES = {"pav.rus.txt": PAV["ru"], "pav.kaz.txt": PAV["kk"], "akm.rus.txt": AKM["ru"], "akm.kaz.txt": AKM["kk"]}
QUERIES = [("кто ведет протоколы сессии маслихата павлодарской области", "ru"),
           ("павлодар облысы мәслихатының сессия хаттамаларын кім жүргізеді", "kk")]

placed = corpus_fixture("place_named", FILES)


def test_a_provision_stands_under_its_issuers_place_names():
    assert _issued_by("маслихат Павлодарской области", None, "ru") == ("Павлодарская",)
    assert _issued_by("Павлодар облысының мәслихаты", None, "kk") == ("Павлодар",)
    assert _issued_by("Кокшетауский городской маслихат", None, "ru") == ("Акмолинская", "Кокшетау")
    assert _issued_by(None, None, "ru") == ()


@pytest.mark.parametrize("query,lang", QUERIES)
def test_the_place_named_ranks_its_acts_first(placed, query, lang, monkeypatch):
    first = placed.search(query, lang=lang, limit=3)["hits"][0]
    assert "kz-pav" in first["document_id"], first
    monkeypatch.setattr("maslihat.corpus.store_context._issued_by", lambda *a: ())     # without the rule
    fresh = Corpus(placed.db_path, readonly=True)
    try:
        assert "kz-pav" not in fresh.search(query, lang=lang, limit=3)["hits"][0]["document_id"]
    finally:
        fresh.close()


@pytest.mark.parametrize("query,lang", [("кто ведет протоколы сессии в области", "ru"),
                                        ("облыс мәслихатының сессия хаттамаларын кім жүргізеді", "kk")])
def test_the_word_area_alone_names_no_place(placed, query, lang):
    first = placed.search(query, lang=lang, limit=3)["hits"][0]
    assert "kz-akm" in first["document_id"], first


@pytest.mark.elasticsearch
def test_elasticsearch_ranks_the_place_named_first(tmp_path, es_url, placed):
    from tests.index.small_corpus import small_corpus
    with small_corpus(tmp_path, FILES, es_url) as ce:
        for query, lang in QUERIES:
            assert "kz-pav" in ce.search(query, lang=lang, limit=3)["hits"][0]["document_id"], query
