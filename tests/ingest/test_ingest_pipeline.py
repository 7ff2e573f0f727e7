"""Inputs, pairing of language files, and the documents of the five seeds (the acceptance
of the ingest stage)."""
from pathlib import Path

import pytest

from maslihat.ingest.metadata import inherit
from maslihat.ingest.pipeline import iter_inputs, load_file, pair_key


def test_iter_inputs_is_sorted_recursive_and_skips_hidden(tmp_path):
    for rel in ("b/2.txt", "b/1.html", "a.md", ".git/config", "b/.hidden.txt", "c/.cache/x.txt"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("Мәслихат", encoding="utf-8")
    single = tmp_path / "b" / "2.txt"
    out = list(iter_inputs([str(tmp_path), str(single)]))
    assert [src for _, src in out] == ["a.md", "b/1.html", "b/2.txt"]     # a file given again: read once
    assert [src for _, src in iter_inputs([str(single), str(tmp_path)])] == ["2.txt", "a.md", "b/1.html"]
    assert all(isinstance(p, Path) and p.exists() for p, _ in out)
    assert list(iter_inputs([str(tmp_path)])) == list(iter_inputs([str(tmp_path)]))


@pytest.mark.parametrize("source, key", [
    ("20090.rus.txt", ("20090", "ru")),
    ("20090.kaz.html", ("20090", "kk")),
    ("dev/20090.kaz.txt", ("dev/20090", "kk")),
    ("x.ru.md", ("x", "ru")),
    ("x_kk.txt", ("x", "kk")),
    ("reglament-kz.docx", ("reglament", "kk")),
    ("001_56a79b46f786f9f7.txt", None),
    ("rus.txt", None),
])
def test_pair_key(source, key):
    assert pair_key(source) == key


# --- the seeds -------------------------------------------------------------------------------

def test_five_seeds_give_six_documents(seed_docs):
    assert {k: [(d.language, d.doc_type) for d in v] for k, v in seed_docs.items()} == {
        "000": [("kk", "coursework")],
        "001": [("ru", "decision"), ("kk", "decision")],
        "002": [("kk", "coursework")],
        "003": [("kk", "coursework")],
        "004": [("kk", "government_reply")],
    }


@pytest.mark.parametrize("part, lang, region, issuer, title", [
    (0, "ru", "Акмолинская область", "Кокшетауский городской маслихат",
     "Об утверждении Регламента Кокшетауского городского маслихата"),
    (1, "kk", "Ақмола облысы", "Көкшетау қалалық мәслихаты",
     "Көкшетау қалалық мәслихатының регламентін бекіту туралы"),
])
def test_seed_001_halves(seed_docs, part, lang, region, issuer, title):
    d = seed_docs["001"][part]
    assert (d.part, d.language, d.region, d.issuer, d.title) == (part, lang, region, issuer, title)
    assert (d.adopted_date, d.number, d.issuer_kind) == ("2014-03-20", "С-24/4", "maslikhat")
    assert (d.registration["date"], d.registration["number"]) == ("2014-04-28", "4138")
    assert d.status == "repealed"
    assert (d.repealed_by["date"], d.repealed_by["number"]) == ("2016-08-09", "С-3/8")
    amend = {(a["date"], a["number"]): a["units"] for a in d.amendments}
    assert {"122", "127", "130"} <= set(amend[("2014-10-09", "С-30/3")])
    assert "chapter 1" in amend[("2014-10-09", "С-30/3")]
    assert d.id == f"kz-akm-kokshetau.maslikhat/decision/2014-03-20/s-24-4/{lang}"
    assert d.act_id == "kz-akm-kokshetau.maslikhat/decision/2014-03-20/s-24-4"


def test_seed_001_halves_are_linked_and_keep_their_own_text(seed_docs, seed_text):
    ru, kk = seed_docs["001"]
    assert ru.parallel_id == kk.id and kk.parallel_id == ru.id
    assert ru.content_hash == kk.content_hash and len(ru.content_hash) == 64
    raw = seed_text("001")
    assert ru.text.endswith("имеет право получить слово на сессии в любое время.")   # point 140
    assert kk.text.startswith("Көкшетау қалалық мәслихатының регламентін бекіту туралы")
    assert raw.startswith(ru.original)                                # originals are slices of the file
    assert raw.index(kk.original) > len(ru.original)
    assert "\u00a0" in ru.original and "\u00a0" not in ru.text      # original is untouched


def test_seed_004_is_a_reply_to_inquiry_ds_153(seed_docs):
    d, = seed_docs["004"]
    assert d.doc_type == "government_reply"
    assert d.extra["inquiry_number"] == "ДС–153"
    assert d.extra["inquiry_date"] == "2024-04-05"
    assert d.extra["signatory"] == "О. Бектенов"
    assert "ДС–153" in d.title


@pytest.mark.parametrize("prefix", ["000", "002", "003"])
def test_coursework_seeds(seed_docs, prefix):
    d, = seed_docs[prefix]
    assert d.doc_type == "coursework" and d.language == "kk"
    assert d.title and len(d.title) <= 170 and "\t" not in d.title
    assert d.id == f"{d.act_id}/kk" and d.act_id.startswith("kz/coursework/")


def test_same_input_gives_same_ids(samples):
    p = samples / "004_a94f33b09feff6f9.txt"
    assert [d.id for d in load_file(p, p.name)] == [d.id for d in load_file(p, p.name)]


# --- inheritance between language files -------------------------------------------------------

def test_kazakh_file_of_bilingual_act_inherits_requisites(tmp_path):
    ru_text = ("Об утверждении регламента Алматинского областного Маслихата\n"
               "Решение Алматинского областного маслихата от 14 апреля 2004 года № 5-41. Зарегистрировано "
               "Департаментом юстиции Алматинской области 28 мая 2004 года № 1647. Утратило силу решением "
               "маслихата Алматинской области от 28 декабря 2010 года № 40-231\n\n"
               "1. Утвердить регламент Алматинского областного Маслихата, согласно приложения.\n")
    kk_text = ("Алматы облыстық мәслихатының регламентін бекіту туралы\n\n"
               "Алматы облыстық Мәслихат ШЕШІМ ҚАБЫЛДАДЫ:\n\n"
               "1. Алматы облыстық Мәслихатының регламенті қосымшаға сәйкес бекітілсін.\n")
    (tmp_path / "act.rus.txt").write_text(ru_text, encoding="utf-8")
    (tmp_path / "act.kaz.txt").write_text(kk_text, encoding="utf-8")
    ru, = load_file(tmp_path / "act.rus.txt", "act.rus.txt")
    kk, = load_file(tmp_path / "act.kaz.txt", "act.kaz.txt")
    assert kk.adopted_date is None and kk.doc_type == "decision"
    own_title, own_text = kk.title, kk.text
    kk2 = inherit(kk, ru)
    assert kk2 is kk                                                 # the store relies on in-place update
    assert kk2.act_id == ru.act_id == "kz-alm.maslikhat/decision/2004-04-14/5-41"
    assert kk2.id == "kz-alm.maslikhat/decision/2004-04-14/5-41/kk"
    assert (kk2.adopted_date, kk2.number, kk2.status) == ("2004-04-14", "5-41", "repealed")
    assert kk2.repealed_by["date"] == "2010-12-28" and kk2.registration["number"] == "1647"
    assert kk2.parallel_id == ru.id
    assert (kk2.title, kk2.text) == (own_title, own_text)           # own words are kept
    kk2.registration["number"] = "changed"
    assert ru.registration["number"] == "1647"                       # copied, not shared
    assert inherit(ru, kk2).act_id == ru.act_id                      # nothing to take the other way


def test_inherit_keeps_what_the_document_already_has(seed_docs):
    import copy
    ru, kk = (copy.deepcopy(d) for d in seed_docs["001"])
    before = copy.deepcopy(kk)
    assert inherit(kk, ru) == before              # the Kazakh half has its own requisites


def test_symlink_loop_is_walked_once(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "doc.txt").write_text("Мәслихат", encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    assert [src for _, src in iter_inputs([str(tmp_path)])] == ["a/doc.txt"]


def test_english_text_is_kept_with_what_was_detected(tmp_path):
    p = tmp_path / "note.txt"
    p.write_text("Local self-government in Kazakhstan.\nThe maslikhat is the local representative body.\n",
                 encoding="utf-8")
    doc, = load_file(p, p.name)
    assert doc.language == "ru" and doc.extra["detected_language"] == "en"
