"""Bilingual files become two documents; single-language files with quotes stay one."""
from maslihat.ingest.normalize import normalize
from maslihat.ingest.split import split_languages

KK = ("Мәслихат сессиясы оның өкілеттік мерзімі ішінде жылына кемінде төрт рет шақырылады және "
      "оны мәслихат төрағасы ашады.")
RU = ("Сессия маслихата созывается по мере необходимости, но не реже четырех раз в год, "
      "и открывается председателем маслихата.")


def test_seed_001_splits_at_the_kazakh_title(seed_text):
    text = normalize(seed_text("001"))
    parts = split_languages(text)
    assert [p.language for p in parts] == ["ru", "kk"]
    assert text[parts[1].start:].startswith("Көкшетау қалалық мәслихатының регламентін бекіту туралы")
    assert parts[0].end == parts[1].start


def test_kazakh_text_with_a_russian_quote_stays_one():
    lines = [f"{i}. {KK}" for i in range(1, 31)]
    lines[10:10] = [f"«{RU}»", RU, RU]             # a quotation of three paragraphs
    parts = split_languages("\n".join(lines))
    assert [p.language for p in parts] == ["kk"]


def test_russian_text_with_a_kazakh_title_stays_one():
    lines = ["Көкшетау қалалық мәслихатының регламентін бекіту туралы"] + [f"{i}. {RU}" for i in range(1, 40)]
    assert [p.language for p in split_languages("\n".join(lines))] == ["ru"]


def test_short_tail_in_the_other_language_is_not_split():
    lines = [f"{i}. {RU}" for i in range(1, 40)] + [f"{i}. {KK}" for i in range(1, 6)]
    assert [p.language for p in split_languages("\n".join(lines))] == ["ru"]


def test_kazakh_then_russian_splits_too():
    lines = [f"{i}. {KK}" for i in range(1, 20)] + [f"{i}. {RU}" for i in range(1, 20)]
    parts = split_languages("\n".join(lines))
    assert [p.language for p in parts] == ["kk", "ru"]


def test_every_seed_but_001_is_one_kazakh_part(seed_text):
    for prefix in ("000", "002", "003", "004"):
        assert [p.language for p in split_languages(normalize(seed_text(prefix)))] == ["kk"], prefix
