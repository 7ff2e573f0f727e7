"""The benchmark generator: reproducible, and drawing on all the real texts in ../shared (issue 14)."""
from __future__ import annotations

import re

import pytest

from bench import generate


@pytest.fixture(scope="module")
def shared(dev_dir):
    return dev_dir.parent.parent


def test_same_seed_gives_byte_identical_files(tmp_path, shared):
    a, b = tmp_path / "a", tmp_path / "b"
    generate.write(60, a)
    generate.write(60, b)
    files = sorted(p.relative_to(a) for p in a.rglob("*.txt"))
    assert len(files) == 60
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)
    other = tmp_path / "c"
    generate.write(60, other, seed=generate.SEED + 1)
    assert {p.read_bytes() for p in a.rglob("*.txt")} != {p.read_bytes() for p in other.rglob("*.txt")}


def test_points_come_from_every_kind_of_real_text_in_both_languages(shared):
    """Decisions of the dev corpus, dev-laws acts and the seeds all feed the generated acts, in
    Russian and in Kazakh, so ingest caches are as cold as on real text."""
    ru_pool, kk_pool, pairs = generate._seed_parts(shared)
    text = "\n".join(t for _n, t, _m in generate.documents(600))
    sources = {"seeds": [], "dev": [], "dev-laws": []}
    for key, body, lang in generate.real_texts(shared):
        kind = "dev-laws" if "__" in key else "seeds" if key.endswith(".txt") else "dev"
        sources[kind] += [(p, lang) for p in generate._blocks(body)]
    for kind, paras in sources.items():
        for lang in ("ru", "kk"):
            mine = [p for p, lg in paras if lg == lang or (lg is None and lang == "ru")]
            if kind == "seeds" and lang == "kk":
                mine = [p for p, lg in paras if lg == "kk"]
            assert any(p in text for p in mine), (kind, lang)
    kk_parts = [t for _n, t, m in generate.documents(200) if m["parts"] == [("kk", 0, None)]]
    assert kk_parts and all(re.search(r"[әғқңөұүһі]", t) for t in kk_parts)
    assert len(pairs) > 500 and len(ru_pool) > 1000 and len(kk_pool) > 1000


def test_vocabulary_of_the_generated_files_is_most_of_the_real_one(shared):
    v = generate.vocabulary(300)
    for lang in ("ru", "kk"):
        assert v[lang]["real_distinct_words"] > 5000
        assert v[lang]["real_words_in_generated"] > 0.5 * v[lang]["real_distinct_words"], v[lang]
