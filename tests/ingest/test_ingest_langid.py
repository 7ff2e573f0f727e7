"""Language of paragraphs: Kazakh vs Russian vs English, short lines included."""
import pytest

from maslihat.ingest.langid import detect, paragraph_languages


@pytest.mark.parametrize("text, lang", [
    # full sentences (seed 001 RU and KK halves, seed 004)
    ("Утвердить прилагаемый Регламент Кокшетауского городского маслихата.", "ru"),
    ("Қоса беріліп отырған Көкшетау қалалық мәслихатының регламенті бекітілсін.", "kk"),
    ("Ұсынылып отырған нормалар мәслихаттардың қызметін жақсартуға және дербестігін арттыруға "
     "ықпал ететін болады.", "kk"),
    ("Настоящее решение вступает в силу со дня государственной регистрации.", "ru"),
    # Kazakh without OCR-clean letters: Latin look-alikes typed for і
    ("Мәслихат хатшысы тиicтi шешiм қабылдайды", "kk"),
    # English
    ("The maslikhat is the local representative body of a region.", "en"),
    ("Local self-government in Kazakhstan", "en"),
])
def test_sentences(text, lang):
    assert detect(text) == lang


@pytest.mark.parametrize("text, lang", [
    ("Бесінші шақырылған", "kk"),      # Kazakh letters decide a short line
    ("мәслихатының хатшысы", "kk"),
    ("Құрметті депутаттар!", "kk"),
    ("Ескерту.", "kk"),
    ("Председатель сессии", "ru"),
    ("ОБЩИЕ ПОЛОЖЕНИЯ", "ru"),         # Russian-only letter Щ
    ("І. ОБЩИЕ ПОЛОЖЕНИЯ", "ru"),      # Cyrillic І of a Roman numeral is not Kazakh evidence
])
def test_short_lines(text, lang):
    assert detect(text) == lang


def test_weak_lines_take_the_language_of_their_neighbours():
    ru = "Утвердить прилагаемый Регламент Кокшетауского городского маслихата."
    kk = "Қоса беріліп отырған Көкшетау қалалық мәслихатының регламенті бекітілсін."
    text = "\n".join([ru, "маслихата", "С.Какенов", ru, kk, "Б.Бегалин", "2014", kk])
    langs = [lang for _, _, lang in paragraph_languages(text)]
    assert langs == ["ru", "ru", "ru", "ru", "kk", "kk", "kk", "kk"]


def test_spans_point_into_the_text_and_skip_blank_lines():
    text = "Бесінші шақырылған\n\n  Председатель сессии\n"
    spans = paragraph_languages(text)
    assert [text[s:e].strip() for s, e, _ in spans] == ["Бесінші шақырылған", "Председатель сессии"]


def test_seed_001_halves_paragraph_by_paragraph(seed_text):
    from maslihat.ingest.langid import has_letters
    from maslihat.ingest.normalize import normalize
    text = normalize(seed_text("001"))
    cut = text.index("Көкшетау қалалық мәслихатының регламентін бекіту туралы")
    wrong = [text[s:e] for s, e, lang in paragraph_languages(text)
             if has_letters(text[s:e]) and lang != ("ru" if s < cut else "kk")]
    assert wrong == []
