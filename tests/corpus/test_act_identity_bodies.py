"""Two bodies' acts of one date and one number are two acts, not two editions of one (session 28):
district maslikhats of one oblast hold their budget sessions on the same days with the same numbers.
RU and KK, the ``.txt`` layout (each file with its own requisite line) and the repositories' layout
(``<act>/rus.md``, ``kaz.md``, ``meta.yaml``)."""
from __future__ import annotations

import json

import pytest

from maslihat.corpus.api import Corpus

DATE_RU, DATE_KK = "25 декабря 2020 года", "2020 жылғы 25 желтоқсандағы"

# (key, RU issuer in the genitive, KK issuer in the genitive, approved_by code, expected work prefix)
KARASAI = ("karasai", "Карасайского районного маслихата Алматинской области", "Алматы облысы Қарасай аудандық мәслихатының",
           "154030000002", "kz-alm-karasai.maslikhat")
TALGAR = ("talgar", "Талгарского районного маслихата Алматинской области", "Алматы облысы Талғар аудандық мәслихатының",
          "154050000002", "kz-alm-talgar.maslikhat")
AKIM = ("akim", "акима Алматинской области", "Алматы облысы әкімінің", "154000000003", "kz-alm.akim")
OBLAST = ("oblast", "Алматинского областного маслихата", "Алматы облыстық мәслихатының", "154000000002",
          "kz-alm.maslikhat")
# places the gazetteer does not know (fictional): never the oblast's maslikhat, RU and KK one act
TESTOV = ("testov", "Тестовского районного маслихата Алматинской области", "Алматы облысы Тестов аудандық мәслихатының",
          "154070000002", None)
OBRAZ = ("obraz", "Образцовского районного маслихата Алматинской области",
         "Алматы облысы Образцов аудандық мәслихатының", "154090000002", None)

CASES = {"districts": (KARASAI, TALGAR, "60-1"), "akim_and_maslikhat": (AKIM, OBLAST, "5"),
         "unknown_districts": (TESTOV, OBRAZ, "60-1")}


def _texts(body: tuple, number: str, cites: str = "") -> tuple[str, str]:
    key = body[0]
    ru = [f"Об утверждении бюджета на 2021-2023 годы ({key})",
          f"Решение {body[1]} от {DATE_RU} № {number}", "",
          f"1. Утвердить бюджет {key} на 2021-2023 годы согласно приложению 1.", "",
          f"2. Настоящее решение ({key}) вводится в действие с 1 января 2021 года.{cites}"]
    kk = [f"2021-2023 жылдарға арналған бюджет туралы ({key})",
          f"{body[2]} {DATE_KK} № {number} шешімі", "",
          f"1. {key} 2021-2023 жылдарға арналған бюджеті 1-қосымшаға сәйкес бекітілсін.", "",
          f"2. Осы шешім ({key}) 2021 жылғы 1 қаңтардан бастап қолданысқа енгізіледі."]
    return "\n".join(ru) + "\n", "\n".join(kk) + "\n"


def _write_txt(src, body, number, cites: str = "", stem: str | None = None) -> None:
    ru, kk = _texts(body, number, cites)
    stem = stem or f"{body[0]}-{number}"
    (src / f"{stem}.rus.txt").write_text(ru, encoding="utf-8")
    (src / f"{stem}.kaz.txt").write_text(kk, encoding="utf-8")


def _write_repo(src, body, number, code: str) -> None:
    ru, kk = _texts(body, number)
    folder = src / f"1225-{body[0]}-{code}"
    folder.mkdir(parents=True)
    ru_lines, kk_lines = ru.splitlines(), kk.splitlines()
    (folder / "rus.md").write_text("# " + ru_lines[0] + "\n\n" + "\n".join(ru_lines[3:]) + "\n", encoding="utf-8")
    (folder / "kaz.md").write_text("# " + kk_lines[0] + "\n\n" + "\n".join(kk_lines[3:]) + "\n", encoding="utf-8")
    req = ru_lines[1].replace("'", "''")
    (folder / "meta.yaml").write_text("\n".join([
        f"act_code: '{code}'", f"requisite: '{req}'", "title:", f"  rus: '{ru_lines[0]}'", f"  kaz: '{kk_lines[0]}'",
        "form: РЕШ", "type_codes:", "- РЕШ", "approved_on: 2020-12-25", "approved_by:", f"- '{body[3]}'",
        "version_date:", "  kaz: 2020-12-25", "  rus: 2020-12-25"]) + "\n", encoding="utf-8")


def _export(c: Corpus, tmp_path) -> list[dict]:
    out = tmp_path / "out"
    c.export(str(out))
    return [json.loads(x) for x in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("layout", ["txt", "repository"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_two_bodies_same_date_and_number_are_two_acts(tmp_path, case, layout):
    a, b, number = CASES[case]
    src = tmp_path / "in"
    src.mkdir()
    for k, body in enumerate((a, b)):
        if layout == "txt":
            _write_txt(src, body, number)
        else:
            _write_repo(src, body, number, f"1000{k}")
    c = Corpus(str(tmp_path / "c.sqlite"), es_url="")
    s = c.ingest([str(src)])
    assert s.documents_added == 4 and s.new_versions == 0 and s.acts == 2
    docs = _export(c, tmp_path)
    assert len(docs) == 4                                   # export keeps both acts, RU and KK
    assert not any("@" in d["id"] for d in docs)            # no act is an edition of the other
    by_key = {}
    for d in docs:
        key = "obraz" if "obraz" in d["title"] else next(x[0] for x in (a, b) if f"({x[0]})" in d["title"])
        by_key.setdefault(key, {})[d["language"]] = d
    assert set(by_key) == {a[0], b[0]}
    works = set()
    for body in (a, b):
        ru, kk = by_key[body[0]]["ru"], by_key[body[0]]["kk"]
        assert ru["act_id"] == kk["act_id"]                  # RU and KK: one act
        assert ru["parallel_id"] == kk["id"] and kk["parallel_id"] == ru["id"]
        assert ru["number"] == kk["number"] == number and ru["adopted_date"] == kk["adopted_date"] == "2020-12-25"
        assert ru["act_id"].endswith(f"/decision/2020-12-25/{number}")
        if body[4]:
            assert ru["act_id"].split("/")[0] == body[4] and ru["issuer_id"] == kk["issuer_id"] == body[4]
        else:                     # an unknown district: not the oblast's maslikhat, in any facet or id
            assert ru["act_id"].startswith("kz-alm-") and ru.get("issuer_id") != "kz-alm.maslikhat"
            assert kk.get("issuer_id") != "kz-alm.maslikhat"
        works.add(ru["act_id"])
        assert c.show(ru["act_id"])["id"] == ru["id"]       # `show ACT` (no language): the Russian document
    assert len(works) == 2


def test_ids_do_not_depend_on_the_order_of_ingestion(tmp_path):
    ids = []
    for order in ((KARASAI, TALGAR), (TALGAR, KARASAI)):
        base = tmp_path / order[0][0]
        c = Corpus(str(base / "c.sqlite"), es_url="")
        for body in order:
            src = base / body[0]
            src.mkdir(parents=True)
            _write_txt(src, body, "60-1")
            c.ingest([str(src)])
        ids.append(sorted(d["id"] for d in _export(c, base)))
    assert ids[0] == ids[1] and len(ids[0]) == 4


def test_a_citation_by_date_and_number_resolves_to_the_citing_bodys_act(tmp_path):
    """«решением маслихата от 25 декабря 2020 года № 60-1» names no body: each district's later
    decision cites its own maslikhat's budget, and an amending act amends its own body's act."""
    src = tmp_path / "in"
    src.mkdir()
    for body in (KARASAI, TALGAR):
        _write_txt(src, body, "60-1")
    cite = f" Признать утратившим силу пункт 3 решения маслихата от {DATE_RU} № 60-1."
    for body in (TALGAR, KARASAI):
        ru, kk = _texts(body, "61-3", cite)
        (src / f"{body[0]}-61-3.rus.txt").write_text(ru.replace("Об утверждении бюджета на 2021-2023 годы",
                                                                f"О внесении изменений в решение {body[1]} от {DATE_RU} № 60-1"),
                                                     encoding="utf-8")
        (src / f"{body[0]}-61-3.kaz.txt").write_text(kk, encoding="utf-8")
    c = Corpus(str(tmp_path / "c.sqlite"), es_url="")
    c.ingest([str(src)])
    docs = {d["id"]: d for d in _export(c, tmp_path)}
    for body in (KARASAI, TALGAR):
        budget = f"{body[4]}/decision/2020-12-25/60-1/ru"
        amending = f"{body[4]}/decision/2020-12-25/61-3/ru"
        assert budget in docs and amending in docs
        refs = [r for r in c.references(doc_id=amending) if r.resolved_document_id]
        assert refs and {r.resolved_document_id.rsplit("/", 1)[0] for r in refs} == {body[4] + "/decision/2020-12-25/60-1"}
        assert [a.get("act_id") for a in docs[amending]["amends"]] == [f"{body[4]}/decision/2020-12-25/60-1"]
        named = [a for a in docs[budget].get("amendments") or [] if a.get("act_id")]
        assert [a["act_id"] for a in named] == [f"{body[4]}/decision/2020-12-25/61-3"]
