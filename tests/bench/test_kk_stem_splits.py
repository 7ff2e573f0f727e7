"""bench.kk_stem_splits lists the Kazakh stems that are another stem plus a letter or a suffix: one
word the stemmer cut two ways, or two words (a list to read)."""
from bench.kk_stem_splits import splits


def _shared(tmp_path, text):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "001.txt").write_text(text, encoding="utf-8")
    return tmp_path


def test_one_word_in_all_its_forms_is_no_pair(tmp_path):
    text = " ".join(["отбасы отбасына отбасылары актілер акт актісі қаулысы қаулылар қаулы"] * 3)
    assert splits(_shared(tmp_path, text)) == []


def test_two_words_one_inside_the_other_are_listed(tmp_path):
    text = " ".join(["тұрғындар тұрғыдан"] * 3)
    assert [(s, base) for _, s, base, _, _ in splits(_shared(tmp_path, text))] == [("тұрғын", "тұрғы")]
