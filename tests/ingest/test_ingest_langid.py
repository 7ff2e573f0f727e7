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


# issue 14: lingua's models cost a process ~0.4 CPU-s to load; a line whose Cyrillic letters tell
# (no Kazakh letter in any word, or one in a quarter of the words or more) is not asked about,
# whatever its length and its few Latin letters (Roman numerals, `N 3-47`)
def _no_lingua(monkeypatch):
    from maslihat.ingest import langid

    def refuse(texts):
        raise AssertionError(f"lingua asked about {texts[:2]}")
    monkeypatch.setattr(langid, "_lingua_many", refuse)


@pytest.mark.parametrize("text, lang", [
    ("Об утверждении регламента маслихата области", "ru"),                      # 5 words, no ё щ ъ э
    ("IV.1. Социальная помощь на погребение работавших граждан", "ru"),
    ("О признании утратившим силу решения Акима области от 15 марта 2002 года N 3-47", "ru"),
    ("IV.1. Жұмыс істеген азаматтарды жерлеуге әлеуметтік көмек көрсету", "kk"),
    ("Облыс әкімінің 2002 жылғы 15-наурыздағы N 3-47 шешімінің күші жойылған деп танылсын", "kk"),
])
def test_lines_the_letters_decide_need_no_lingua(monkeypatch, text, lang):
    _no_lingua(monkeypatch)
    assert detect(text) == lang


def test_a_line_of_few_kazakh_letters_takes_its_neighbours_language(monkeypatch):
    _no_lingua(monkeypatch)
    ru = "Почетная грамота состоит из папки голубого цвета с вкладышем."
    kk = "Құрмет грамотасы көк түсті папкадан және ішкі беттен тұрады."
    mixed_ru = "- на государственном языке: Павлодар облысы Құрмет грамотасы;"      # 1 word of 7
    mixed_kk = "Шешім жобалары мен бюллетендер жеке дайындалады:"                     # 1 word of 6
    assert [x for _, _, x in paragraph_languages("\n".join([ru, mixed_ru, ru]))] == ["ru", "ru", "ru"]
    assert [x for _, _, x in paragraph_languages("\n".join([kk, mixed_kk, kk]))] == ["kk", "kk", "kk"]


def test_lingua_still_tells_a_line_of_latin_words(monkeypatch):
    from maslihat.ingest import langid
    asked = []

    def fake(texts):
        asked.extend(texts)
        return ["en"] * len(texts)
    monkeypatch.setattr(langid, "_lingua_many", fake)
    line = "Закон Республики Казахстан о местном управлении (Law on Local Government and Self-Government)"
    assert detect(line) == "en" and asked == [line]
