"""What gets indexed: each word once, containers skipped, facet fields filled."""
from maslihat.corpus.index.rows import own_spans, unit_rows
from maslihat.core.model import Document, Unit

TEXT = ("Глава 1. Общие положения\n1. Маслихат вправе:\n1) утверждать бюджет;\n2) заслушивать отчет акима.\n"
        "Утвержден решением\n")


def _doc(lang="ru"):
    return Document(id="d/ru", source="x.txt", part=0, language=lang, doc_type="decision", title="Т",
                    text=TEXT, issuer="Кокшетауский городской маслихат", issuer_kind="maslikhat",
                    region="Акмолинская область", adopted_date="2014-03-20", status="repealed")


def _units():
    ch = Unit("d/ru/chapter_1", "d/ru", "chapter", 0, len(TEXT) - 19, "гл. 1", ordinal=0)
    p = Unit("d/ru/chapter_1/point_1", "d/ru", "point", 25, len(TEXT) - 19, "п. 1", parent_id=ch.id,
             ordinal=1, competencies=["budget", "akim_relations"])
    s1_start = TEXT.index("1) ")
    s1 = Unit(p.id + "/subpoint_1", "d/ru", "subpoint", s1_start, TEXT.index("\n", s1_start), "пп. 1)",
              parent_id=p.id, ordinal=2, competencies=["budget"])
    s2_start = TEXT.index("2) ")
    s2 = Unit(p.id + "/subpoint_2", "d/ru", "subpoint", s2_start, TEXT.index("\n", s2_start), "пп. 2)",
              parent_id=p.id, ordinal=3)
    sig = Unit("d/ru/signature_1", "d/ru", "signature", len(TEXT) - 19, len(TEXT), "", ordinal=4)
    return [ch, p, s1, s2, sig]


def test_own_spans_cut_out_children():
    u = Unit("u", "d", "point", 0, 10, "")
    assert own_spans(u, [(2, 4), (3, 5), (8, 12)]) == [(0, 2), (5, 8)]


def test_each_word_is_indexed_once_and_containers_are_skipped():
    rows = list(unit_rows(_doc(), _units()))
    by = {r["unit_id"].rsplit("/", 1)[-1]: r for r in rows}
    assert set(by) == {"chapter_1", "point_1", "subpoint_1", "subpoint_2"}
    assert by["chapter_1"]["text"] == "Глава 1. Общие положения"
    assert by["point_1"]["text"] == "1. Маслихат вправе:"
    assert "бюджет" in by["subpoint_1"]["terms"] and "бюджет" not in by["point_1"]["terms"]
    all_terms = " ".join(r["terms"] for r in rows).split()
    assert all_terms.count("бюджет") == 1


def test_rows_carry_the_facet_fields():
    r = next(r for r in unit_rows(_doc(), _units()) if r["kind"] == "point")
    assert r["year"] == "2014" and r["status"] == "repealed" and r["language"] == "ru"
    assert r["competency"] == ["akim_relations", "budget"]
    # the place as one facet value whatever its wording (core/places.py id)
    assert r["issuer_kind"] == "maslikhat" and r["region"] == "kz-akm"
    assert r["issuer"] == "kz-akm-kokshetau.maslikhat"


def test_terms_precomputed_by_build_equal_terms_computed_from_unit_text(samples_dir):
    """Workers hand the index each unit's terms; they must be the ones the index would compute."""
    from pathlib import Path

    from maslihat.corpus.build import build
    from maslihat.ingest.pipeline import load_file

    seed = Path(samples_dir) / "001_56a79b46f786f9f7.txt"
    for doc in load_file(seed, seed.name):           # the RU and the KK half
        built = build(doc)
        assert built.terms
        plain = {r["unit_id"]: r["terms"] for r in unit_rows(doc, built.units)}
        given = {r["unit_id"]: r["terms"] for r in unit_rows(doc, built.units, built.terms)}
        assert given == plain and len(plain) > 300
