"""The dev corpus (read from ../shared): one document per file, in the file's language, with the
requisites the gold records; Kazakh files of bilingual acts share the act after inheritance."""
import json

import pytest

from maslihat.ingest.metadata import inherit
from maslihat.ingest.pipeline import load_file, pair_key


@pytest.fixture(scope="module", params=["txt", "html"])
def dev_docs(request, dev_derived):
    docs = {}
    for path in sorted(dev_derived.glob(f"*.{request.param}")):
        docs[path.name] = load_file(path, path.name)
    return docs


def _gold(dev_derived, name):
    stem = name.rsplit(".", 1)[0]
    return json.loads((dev_derived.parent / "gold" / f"{stem}.json").read_text(encoding="utf-8"))


def test_one_document_per_file_in_the_right_language(dev_docs):
    wrong = {name: [d.language for d in ds] for name, ds in dev_docs.items()
             if [d.language for d in ds] != [pair_key(name)[1]]}
    assert wrong == {}
    assert len(dev_docs) == 54


def test_requisites_match_the_gold(dev_docs, dev_derived):
    misses = []
    for name, (doc,) in dev_docs.items():
        gold = _gold(dev_derived, name)
        if gold["requisite_language"] != gold["language"]:
            continue                                   # the Kazakh file of a bilingual act has no requisite
        got = (doc.adopted_date, doc.number, doc.status == "repealed", doc.issuer_kind,
               (doc.registration or {}).get("number"), (doc.repealed_by or {}).get("date"))
        want = (gold["requisite_date"], gold["number"], gold["status"] == "repealed", gold["issuer_type"],
                (gold["registration"] or {}).get("number"), (gold["repealed_by"] or {}).get("date"))
        if got != want:
            misses.append((name, got, want))
    assert misses == []


def test_kazakh_files_share_the_act_after_inheritance(dev_docs, dev_derived):
    by_key = {}
    for name, (doc,) in dev_docs.items():
        key, lang = pair_key(name)
        by_key.setdefault(key, {})[lang] = doc
    pairs = [v for v in by_key.values() if len(v) == 2]
    assert len(pairs) == 25
    for v in pairs:
        kk = inherit(v["kk"], v["ru"])
        gold = _gold(dev_derived, v["kk"].source)
        assert kk.act_id == v["ru"].act_id and kk.id == v["ru"].act_id + "/kk"
        assert (kk.status == "repealed") == (gold["status"] == "repealed"), v["kk"].source
        assert kk.doc_type == "decision"
