"""bench.kk_locative_stems grows the Kazakh stems that end like a locative from texts (issue 16): a form
taking case, possessive or plural endings, or a Russian noun whose cut stem is no other form's."""
from bench.kk_locative_stems import changed, grow, halves


def _texts(tmp_path, *texts):
    (tmp_path / "seeds").mkdir()
    for i, text in enumerate(texts):
        (tmp_path / "seeds" / f"{i:03}.txt").write_text(text, encoding="utf-8")
    return sorted((tmp_path / "seeds").glob("*.txt"))


def test_a_form_with_endings_of_its_own_is_grown_a_locative_is_not(tmp_path):
    files = _texts(tmp_path, "пайда пайдасы пайдаға қалада қаласы қалаға",
                   "команда таста тасты тастың мәслихатта мәслихаттың")
    got = {w: why for w, why, _ in grow(files)}
    # «пайда» takes «-сы», «-ға»; «команда» is a Russian noun and «коман» no other form's stem;
    # «қалада» takes none (its stem «қала» does), «таста» leaves «тас», the stem of «тасты», «тастың»
    assert got == {"пайда": "endings", "команда": "russian noun"}


def test_the_kazakh_sh_for_the_russian_ch(tmp_path):
    assert [w for w, _, _ in grow(_texts(tmp_path, "пошта"))] == ["пошта"]


def test_halves_are_disjoint_and_cover_every_kazakh_text(tmp_path):
    _texts(tmp_path, "а", "б", "в")
    a, b = halves(tmp_path)
    assert len(a) == 2 and len(b) == 1 and not set(a) & set(b)


def test_changed_lists_the_forms_the_data_file_keeps_whole(tmp_path):
    files = _texts(tmp_path, "команда командасы қалада пошта")
    assert [(w, before, after) for w, _, before, after in changed(files)] == [
        ("команда", "коман", "команда"), ("пошта", "пош", "пошта")]
