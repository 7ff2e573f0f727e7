"""Act identity as a user meets it (issue 10): the repositories' layout, one act from several
files, amending acts, editions in their own order, one facet value per body, resume."""
from __future__ import annotations

import json

import pytest

from maslihat.corpus.api import Corpus
from tests.corpus import acts_builder as B

BASE = B.act("2014-03-28", "12/3", "Об утверждении правил использования пастбищ",
             "Жайылымдарды пайдалану қағидаларын бекіту туралы")


def _corpus(tmp_path) -> Corpus:
    return Corpus(str(tmp_path / "c.sqlite"), es_url="")


def _export(c: Corpus, tmp_path) -> list[dict]:
    out = tmp_path / "out"
    c.export(str(out))
    return [json.loads(x) for x in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]


def test_repository_layout_is_one_act_in_two_languages_with_meta_yaml(tmp_path):
    src = tmp_path / "repo"
    B.write_repository(BASE, src / "0328-ob-utverzhdenii-pravil-10001", "10001")
    other = B.act("2015-06-02", "40/7", "О ставках платы за пользование водными ресурсами",
                  "Су ресурстарын пайдаланғаны үшін төлем ставкалары туралы", topic="воды")
    B.write_repository(other, src / "0602-o-stavkakh-10002", "10002")
    (src / "README.md").write_text("# Repository of acts\n\nUnofficial copy.\n", encoding="utf-8")
    (src / "lonely").mkdir()
    (src / "lonely" / "meta.yaml").write_text("act_code: '1'\n", encoding="utf-8")
    c = _corpus(tmp_path)
    s = c.ingest([str(src)])
    assert s.documents_added == 4 and s.acts == 2 and s.metadata_files == 2
    reasons = {q.path.rsplit("/", 2)[-2] + "/" + q.path.rsplit("/", 1)[-1]: q.reason for q in s.quarantined}
    assert "meta.yaml without rus.md/kaz.md" in reasons["lonely/meta.yaml"]
    assert "README" in reasons["repo/README.md"]
    assert not any("unsupported extension" in r for r in reasons.values())
    docs = {(d["act_id"], d["language"]): d for d in _export(c, tmp_path)}
    assert len(docs) == 4
    ru = next(d for (a, lang), d in docs.items() if lang == "ru" and d["number"] == "12/3")
    kk = docs[(ru["act_id"], "kk")]
    for d in (ru, kk):            # meta.yaml is authoritative: the markdown has no requisite line
        assert d["adopted_date"] == "2014-03-28" and d["number"] == "12/3"
        assert d["doc_type"] == "decision" and d["issuer_id"] == "kz-pav.maslikhat" and d["region_id"] == "kz-pav"
        assert d["registration"] and d["registration"]["number"]
        assert d["extra"]["repository"]["act_code"] == "10001"
        assert d["extra"]["repository"]["type_codes"] == ["ПРАВ", "РЕШ"]
    assert ru["title"] == BASE["title_ru"] and kk["title"] == BASE["title_kk"]
    assert ru["parallel_id"] == kk["id"] and kk["parallel_id"] == ru["id"]


@pytest.mark.parametrize("given", ["folders", "files"])
def test_act_folders_or_their_files_given_one_by_one_still_pair(tmp_path, given):
    """A user points the tool at act folders (or their files) rather than at the repository:
    each act still has its RU and KK linked, and two acts' rus.md never meet."""
    src = tmp_path / "repo"
    other = B.act("2015-06-02", "40/7", "О ставках платы за пользование водными ресурсами",
                  "Су ресурстарын пайдаланғаны үшін төлем ставкалары туралы", topic="воды")
    folders = [src / "0328-ob-utverzhdenii-pravil-10001", src / "0602-o-stavkakh-10002"]
    B.write_repository(BASE, folders[0], "10001")
    B.write_repository(other, folders[1], "10002")
    args = [str(f) for f in folders] if given == "folders" else \
        [str(f / n) for f in folders for n in ("rus.md", "kaz.md", "meta.yaml")]
    c = _corpus(tmp_path)
    c.ingest(args)
    docs = _export(c, tmp_path)
    assert len(docs) == 4 and len({d["act_id"] for d in docs}) == 2
    by_id = {d["id"]: d for d in docs}
    for d in docs:
        partner = by_id[d["parallel_id"]]
        assert partner["act_id"] == d["act_id"] and partner["language"] != d["language"]
        assert d["source"].split("/")[0] in {f.name for f in folders}


def test_same_act_in_three_formats_is_one_edition_with_three_sources(tmp_path):
    src = tmp_path / "in"
    B.write_txt(BASE, src, "pastbishcha")
    B.write_html(BASE, src, "pastbishcha")
    B.write_docx(BASE, src, "pastbishcha")
    c = _corpus(tmp_path)
    s = c.ingest([str(src)])
    assert s.documents_added == 2 and s.new_versions == 0
    assert len(s.duplicates) == 4           # two more copies of each language: "same as …"
    docs = _export(c, tmp_path)
    assert sorted(d["language"] for d in docs) == ["kk", "ru"]
    for d in docs:
        assert sorted(x["format"] for x in d["sources"]) == ["docx", "html", "txt"]
        assert d["number"] == "12/3" and d["version"] == 1
        assert {p for p, same in s.duplicates if same == d["id"]} == \
            {str(src / x["source"]) for x in d["sources"][1:]}
    assert len(c.store.documents(latest_only=False)) == 2, "no fake editions"
    hits = c.search("пастбищ", lang="ru")["hits"]
    assert len({h["document_id"] for h in hits}) == 1, "each act once in search"


def test_duplicate_publication_under_two_codes_is_one_document(tmp_path):
    src = tmp_path / "repo"
    B.write_repository(BASE, src / "0328-ob-utverzhdenii-10001", "10001")
    B.write_repository(BASE, src / "0328-ob-utverzhdenii-10077", "10077")
    c = _corpus(tmp_path)
    s = c.ingest([str(src)])
    assert s.documents_added == 2 and len(s.duplicates) == 2 and s.acts == 1
    docs = _export(c, tmp_path)
    assert len(docs) == 2
    for d in docs:
        assert [x["source"].split("/")[0] for x in d["sources"]] == ["0328-ob-utverzhdenii-10001",
                                                                       "0328-ob-utverzhdenii-10077"]


@pytest.mark.parametrize("portal_title", [False, True])
def test_amending_act_titled_by_the_act_it_amends_is_its_own_act(tmp_path, portal_title):
    src = tmp_path / "in"
    amending = B.act("2015-07-13", "29/223", "", "", points=2, topic="сенокосов",
                     amends=("2014-03-28", "12/3", "Об утверждении правил использования пастбищ"))
    if portal_title:   # the title is the amended act's requisites and name, the requisite line follows
        amending["title_ru"] = ("Решение Павлодарского областного маслихата от 28 марта 2014 года № 12/3 "
                                "\"Об утверждении правил использования пастбищ\"")
    B.write_txt(BASE, src, "base")
    B.write_txt(amending, src, "amending")
    c = _corpus(tmp_path)
    s = c.ingest([str(src)])
    assert s.documents_added == 4 and s.new_versions == 0 and s.acts == 2
    docs = {(d["number"], d["language"]): d for d in _export(c, tmp_path)}
    assert set(docs) == {("12/3", "ru"), ("12/3", "kk"), ("29/223", "ru"), ("29/223", "kk")}
    for lang in ("ru", "kk"):
        am, base = docs[("29/223", lang)], docs[("12/3", lang)]
        assert am["adopted_date"] == "2015-07-13" and am["act_id"] != base["act_id"]
        assert am["amends"] and am["amends"][0]["number"] == "12/3" and am["amends"][0]["date"] == "2014-03-28"
        assert am["amends"][0]["act_id"] == base["act_id"]
        assert any(a.get("act_id") == am["act_id"] and a["number"] == "29/223" for a in base["amendments"])
    # the amended act keeps its text and stays found by search
    assert c.search("пастбищ", lang="ru")["hits"]


@pytest.mark.parametrize("older_corpus", [False, True])
def test_amended_act_arriving_after_the_amending_one_is_linked_too(tmp_path, older_corpus):
    amending = B.act("2015-07-13", "29/223", "", "", points=2, topic="сенокосов",
                     amends=("2014-03-28", "12/3", "Об утверждении правил использования пастбищ"))
    c = _corpus(tmp_path)
    B.write_txt(amending, tmp_path / "a", "amending")
    c.ingest([str(tmp_path / "a")])
    if older_corpus:       # written before the amends table (issue 14): filled on the next ingest
        with c.store.transaction():
            c.store.conn.execute("DELETE FROM amends")
            c.store.conn.execute("DELETE FROM meta WHERE key='amends_indexed'")
    B.write_txt(BASE, tmp_path / "b", "base")
    c.ingest([str(tmp_path / "b")])
    docs = {(d["number"], d["language"]): d for d in _export(c, tmp_path)}
    assert docs[("29/223", "ru")]["amends"][0]["act_id"] == docs[("12/3", "ru")]["act_id"]
    assert any(a.get("act_id") == docs[("29/223", "kk")]["act_id"] for a in docs[("12/3", "kk")]["amendments"])


def test_editions_follow_their_own_dates_not_the_order_of_ingestion(tmp_path):
    old = BASE
    new = dict(BASE, ru_body=BASE["ru_body"][:-1] + ["6. Ставка платы составляет 200 тенге за гектар в год."],
               kk_body=BASE["kk_body"][:-1] + ["6. Төлем мөлшерлемесі жылына гектарына 200 теңге."])
    cause = {"code": "10500", "requisite": "Решение Павлодарского областного маслихата от 1 июля 2015 года № 30/5",
             "title": "О внесении изменения в решение маслихата от 28 марта 2014 года № 12/3"}
    c = _corpus(tmp_path)
    B.write_repository(new, tmp_path / "v2" / "act-10001", "10001", version_date="2015-07-20", caused_by=cause)
    c.ingest([str(tmp_path / "v2")])                       # the newer edition first
    B.write_repository(old, tmp_path / "v1" / "act-10001", "10001", version_date="2014-03-28")
    s = c.ingest([str(tmp_path / "v1")])
    assert s.new_versions == 2
    for lang in ("ru", "kk"):
        latest = [r for r in c.documents() if r["language"] == lang]
        assert len(latest) == 1 and "200" in c.document(latest[0]["id"]).text, "the 2015 edition stays the latest"
        d = c.document(latest[0]["id"])
        assert any(a.get("act_code") == "10500" and a["date"] == "2015-07-01" for a in d.amendments)
        versions = c.versions(d.id)
        assert [v["as_of"] for v in versions] == ["2014-03-28", "2015-07-20"]
        assert "200" not in c.at(d.id, "2015-01-01").text
        assert "200" in c.at(d.id, "2016-01-01").text
        assert "200" not in c.show(d.id, at="2014-12-31")["document"]["text"]
    hits = c.search("пастбищ", lang="ru")["hits"]
    assert {h["document_id"] for h in hits} == {r["id"] for r in c.documents() if r["language"] == "ru"}


def test_one_facet_value_per_body_and_place_in_the_interface_language(tmp_path):
    from maslihat.core.places import label
    src = tmp_path / "in"
    spellings = ["Решение Павлодарского областного маслихата", "Решение маслихата Павлодарской области"]
    for k, head in enumerate(spellings):
        a = B.act(f"2016-0{k + 1}-10", f"5/{k + 1}", f"Об утверждении правил номер {k}", f"Қағидалар {k}",
                  topic="лесов")
        a["requisite"] = a["requisite"].replace("Решение Павлодарского областного маслихата", head)
        B.write_txt(a, src, f"act{k}")
    kk = B.act("2016-03-10", "5/3", "x", "Павлодар облыстық мәслихатының қағидалары", topic="лесов")
    (src / "act3.kaz.txt").write_text(
        "Павлодар облыстық мәслихатының қағидалары\nПавлодар облыстық мәслихатының 2016 жылғы 10 наурыздағы "
        "№ 5/3 шешімі\n\n" + "\n\n".join(kk["kk_body"]), encoding="utf-8")
    c = _corpus(tmp_path)
    c.ingest([str(src)])
    facets = c.search("лесов OR орман OR пайдалану")["facets"]
    assert set(facets["issuer"]) == {"kz-pav.maslikhat"}
    assert set(facets["region"]) == {"kz-pav"}
    raw = {d["issuer"] for d in _export(c, tmp_path) if d["issuer"]}
    assert len(raw) >= 2, "the wording stays in the documents"
    assert label("kz-pav.maslikhat", "kk") == "Павлодар облысының мәслихаты"
    assert label("kz-pav.maslikhat", "ru") == "Маслихат Павлодарской области"
    assert label("kz-pav", "en") == "Pavlodar Region"
    # a filter may name the body in any spelling
    by_kk = c.search("пайдалану OR лесов", filters={"issuer": ["Павлодар облыстық мәслихаты"]})
    assert by_kk["total"] == sum(facets["issuer"].values())


def test_interrupted_ingest_resumes_without_redoing_finished_files(tmp_path):
    src = tmp_path / "repo"
    for k in range(6):
        a = B.act(f"2017-01-{k + 10}", f"7/{k}", f"Об утверждении правил {k}", f"Қағидалар {k} бекіту туралы")
        B.write_repository(a, src / f"act-{k}", str(20000 + k))
    c = _corpus(tmp_path)
    seen: list[str] = []

    def stop_after_five(path, outcome, detail):
        seen.append(outcome)
        if outcome == "ingested" and seen.count("ingested") == 5:
            raise KeyboardInterrupt

    s = c.ingest([str(src)], on_file=stop_after_five)
    assert s.interrupted and s.documents_added == 5
    done = len(c.documents())
    assert done == 5, "finished files are kept"
    s2 = c.ingest([str(src)])
    assert not s2.interrupted and s2.unchanged == 5 and s2.documents_added == 7
    assert len(c.documents()) == 12 and all(r["parallel_id"] for r in c.documents())


@pytest.mark.parametrize("bad", ["act_code: [unclosed\n", "- just\n- a list\n"])
def test_broken_meta_yaml_is_reported_and_the_texts_are_kept(tmp_path, bad):
    src = tmp_path / "repo"
    B.write_repository(BASE, src / "act", "10001")
    (src / "act" / "meta.yaml").write_text(bad, encoding="utf-8")
    c = _corpus(tmp_path)
    s = c.ingest([str(src)])
    assert s.documents_added == 2
    assert [q.path.rsplit("/", 1)[-1] for q in s.quarantined] == ["meta.yaml"]
    assert "meta.yaml" in s.quarantined[0].reason and "read without it" in s.quarantined[0].reason


@pytest.mark.parametrize("title, expected", [
    ("О внесении изменений в решение маслихата от 28 марта 2014 года № 12/3 «Об утверждении правил»", "12/3"),
    ("Павлодар облыстық мәслихатының 2014 жылғы 28 наурыздағы № 12/3 «Қағидаларды бекіту туралы» шешіміне "
     "өзгерістер енгізу туралы", "12/3"),
    ("О признании утратившим силу решения маслихата от 28 марта 2014 года № 12/3 «Об утверждении правил»", None),
    ("Об утверждении правил использования пастбищ", None),
])
def test_which_titles_name_an_amended_act(title, expected):
    from maslihat.ingest.identity import amended_acts
    found = amended_acts(title, "2015-07-13", "29/223")
    assert [a["number"] for a in found] == ([expected] if expected else [])
    if expected:
        assert found[0]["date"] == "2014-03-28"


@pytest.mark.parametrize("order", ["older first", "newer first", "one run"])
def test_each_edition_pairs_with_the_same_edition_in_the_other_language(tmp_path, order):
    """Russian and Kazakh texts of an act, two editions: the Russian of 2015 stands beside the
    Kazakh of 2015, not of 2014. A new edition gets its id (…/ru@2) only when it is stored, and
    the pairing used the old edition's id for it, crossing the editions."""
    new = dict(BASE, ru_body=BASE["ru_body"][:-1] + ["6. Ставка платы составляет 200 тенге за гектар в год."],
               kk_body=BASE["kk_body"][:-1] + ["6. Төлем мөлшерлемесі жылына гектарына 200 теңге."])
    B.write_repository(BASE, tmp_path / "v1" / "act-10001", "10001", version_date="2014-03-28")
    B.write_repository(new, tmp_path / "v2" / "act-10001", "10001", version_date="2015-07-20")
    c = _corpus(tmp_path)
    runs = {"older first": [["v1"], ["v2"]], "newer first": [["v2"], ["v1"]], "one run": [["v1", "v2"]]}[order]
    for run in runs:
        c.ingest([str(tmp_path / x) for x in run])
    docs = [c.document(v["id"]) for lang in ("ru", "kk") for r in c.documents() if r["language"] == lang
            for v in c.versions(r["id"])]
    assert len(docs) == 4
    as_of = {d.id: v["as_of"] for d in docs for v in c.versions(d.id) if v["id"] == d.id}
    for d in docs:
        assert d.parallel_id and as_of[d.parallel_id] == as_of[d.id], (d.id, d.parallel_id)
        point6 = next(u for u in c.store.units(d.id) if u.kind == "point" and u.number == "6")
        other = c.store.unit(point6.parallel_id)
        assert other is not None and other.document_id == d.parallel_id
        assert ("200" in d.text[point6.start:point6.end]) == (as_of[d.id] == "2015-07-20")


@pytest.mark.parametrize("a, b", [
    ("О бюджете города на 2024 год.", "о  бюджете\tгорода на 2024 год"),        # RU: case, blanks, punctuation
    ("Мәслихаттың  шешімі (2-бап);", "мәслихаттың шешімі 2бап"),               # KK
    ("Pешение мaслихата", "Решение маслихата"),                               # Latin look-alikes
    ("утвердить_всё «как есть»", "утвердить все как есть"),                   # underscore, ё, quotes
])
def test_the_edition_key_of_a_text_ignores_case_blanks_marks_and_look_alikes(a, b):
    """Two formats of one edition differ in blanks, punctuation and typed look-alike letters: the
    folded body (``identity._fold``, what ``fingerprint`` hashes) is the same, words kept in order."""
    from maslihat.ingest.identity import _fold
    assert _fold(a) == _fold(b) and _fold(a).isalnum()
    assert _fold("Бюджет города") != _fold("Города бюджет")


@pytest.mark.parametrize("form, code, requisite, ru_issuer, kk_issuer, kind", [
    ("УКАЗ", "101000000000", "Указ Президента Республики Казахстан от 3 декабря 2013 года № 704",
     "Президент Республики Казахстан", "Қазақстан Республикасының Президенті", "president"),
    ("ЗАК", "102000000000", "Закон Республики Казахстан от 6 апреля 2016 года № 480-V ЗРК",
     "Парламент Республики Казахстан", "Қазақстан Республикасының Парламенті", "parliament"),
], ids=["decree", "law"])
def test_a_national_act_of_the_repositories_names_its_issuer_in_each_language(tmp_path, form, code, requisite,
                                                                               ru_issuer, kk_issuer, kind):
    # decree 704 of the public repositories had «Президента Республики Казахстан» (the requisite's
    # genitive) in both its Russian and its Kazakh document
    act = tmp_path / "repo" / "1203-ob-utverzhdenii-75613"
    act.mkdir(parents=True)
    (act / "meta.yaml").write_text(
        f"act_code: '75613'\nrequisite: {requisite}\ntitle:\n  rus: Об утверждении Типового регламента\n"
        f"  kaz: Үлгі регламентін бекіту туралы\nform: {form}\napproved_on: 2013-12-03\n"
        f"approved_by:\n- '{code}'\n", encoding="utf-8")
    (act / "rus.md").write_text("# Об утверждении Типового регламента\n\n1. Утвердить прилагаемый Типовой регламент.\n\n"
                                "2. Настоящий акт вводится в действие со дня подписания.\n", encoding="utf-8")
    (act / "kaz.md").write_text("# Үлгі регламентін бекіту туралы\n\n1. Қоса беріліп отырған Үлгі регламент бекітілсін.\n\n"
                                "2. Осы акт қол қойылған күнінен бастап қолданысқа енгізіледі.\n", encoding="utf-8")
    c = _corpus(tmp_path)
    c.ingest([str(tmp_path / "repo")])
    docs = {d["language"]: d for d in _export(c, tmp_path)}
    assert (docs["ru"]["issuer"], docs["ru"]["issuer_kind"]) == (ru_issuer, kind)
    assert (docs["kk"]["issuer"], docs["kk"]["issuer_kind"]) == (kk_issuer, kind)


def test_a_provision_on_a_date_is_shown_from_the_edition_then_in_force(tmp_path):
    # «show UNIT --at DATE» answered «not found» for every unit id: only documents were looked up
    from maslihat.corpus.api import NotFound
    new = dict(BASE, ru_body=BASE["ru_body"][:-1] + ["6. Ставка платы составляет 200 тенге за гектар в год."],
               kk_body=BASE["kk_body"][:-1] + ["6. Төлем мөлшерлемесі жылына гектарына 200 теңге."])
    c = _corpus(tmp_path)
    B.write_repository(BASE, tmp_path / "v1" / "act-10001", "10001", version_date="2014-03-28")
    c.ingest([str(tmp_path / "v1")])
    B.write_repository(new, tmp_path / "v2" / "act-10001", "10001", version_date="2015-07-20")
    c.ingest([str(tmp_path / "v2")])
    for lang in ("ru", "kk"):
        first = next(r["id"] for r in c.documents(latest_only=False) if r["language"] == lang and r["version"] == 1)
        point6 = next(u for u in c.units(first) if u.kind == "point" and u.number == "6")
        for uid in (point6.id, point6.id.replace(first, first + "@2")):
            assert "200" not in c.show(uid, at="2015-01-01")["text"]
            shown = c.show(uid, at="2016-01-01")
            assert shown["id"] == point6.id.replace(first, first + "@2") and "200" in shown["text"]
        with pytest.raises(NotFound):
            c.show(point6.id, at="2013-01-01")


def test_a_local_act_of_the_repositories_names_its_body_in_each_language(tmp_path):
    # meta.yaml has one requisite, in Russian: the Kazakh document showed «маслихат Павлодарской области»
    act = tmp_path / "repo" / "0328-o-reglamente-79415"
    act.mkdir(parents=True)
    (act / "meta.yaml").write_text(
        "act_code: '79415'\nrequisite: Решение маслихата Павлодарской области от 28 марта 2014 года № 257/29\n"
        "title:\n  rus: О Регламенте маслихата\n  kaz: Мәслихаттың регламенті туралы\nform: РЕШ\n"
        "approved_on: 2014-03-28\napproved_by:\n- '164000000002'\n", encoding="utf-8")
    (act / "rus.md").write_text("# О Регламенте маслихата\n\n1. Утвердить прилагаемый Регламент маслихата.\n\n"
                                "2. Настоящее решение вводится в действие со дня опубликования.\n", encoding="utf-8")
    (act / "kaz.md").write_text("# Мәслихаттың регламенті туралы\n\n1. Қоса беріліп отырған мәслихаттың регламенті "
                                "бекітілсін.\n\n2. Осы шешім жарияланған күнінен бастап қолданысқа енгізіледі.\n",
                                encoding="utf-8")
    c = _corpus(tmp_path)
    c.ingest([str(tmp_path / "repo")])
    docs = {d["language"]: d for d in _export(c, tmp_path)}
    assert (docs["ru"]["issuer"], docs["ru"]["region"]) == ("маслихат Павлодарской области", "Павлодарская область")
    assert (docs["kk"]["issuer"], docs["kk"]["region"]) == ("Павлодар облысының мәслихаты", "Павлодар облысы")
    assert docs["kk"]["issuer_id"] == docs["ru"]["issuer_id"] == "kz-pav.maslikhat"
