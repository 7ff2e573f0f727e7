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


# issue 14: lingua's models cost a process ~0.45 CPU-s to load; a file whose letters settle the
# outcome (most files) is split, or not, without asking it, and with the same answer
RU_SHORT = "Об утверждении регламента маслихата области"        # no Kazakh letter: Russian
KK_SHORT = "Алматы облысы маслихатының депутаттары сессия туралы"   # few Kazakh letters: its neighbours' or lingua's


def _no_lingua(monkeypatch):
    from maslihat.ingest import langid

    def refuse(texts):
        raise AssertionError(f"lingua asked about {texts[:2]}")
    monkeypatch.setattr(langid, "_lingua_many", refuse)


def test_a_russian_or_kazakh_file_settled_by_letters_needs_no_lingua(monkeypatch):
    _no_lingua(monkeypatch)
    ru = [RU_SHORT] + [f"{i}. {RU}" for i in range(1, 30)]
    kk = [KK_SHORT] + [f"{i}. {KK}" for i in range(1, 30)]
    assert [(p.start, p.language) for p in split_languages("\n".join(ru))] == [(0, "ru")]
    assert [(p.start, p.language) for p in split_languages("\n".join(kk))] == [(0, "kk")]
    short = "\n".join([KK_SHORT, KK, KK])          # fewer than 10 paragraphs: the majority alone
    assert [p.language for p in split_languages(short)] == ["kk"]


def test_lingua_decides_when_its_lines_could_change_the_outcome(monkeypatch):
    from maslihat.ingest import langid
    asked: list[str] = []

    def fake(texts):
        asked.extend(texts)
        return ["kk" if t == KK_SHORT else "ru" for t in texts]
    monkeypatch.setattr(langid, "_lingua_many", fake)
    # a line of few Kazakh letters takes the language of the lines around it when they agree
    assert [p.language for p in split_languages("\n".join([KK_SHORT] * 3 + [KK]))] == ["kk"]
    assert [p.language for p in split_languages("\n".join([RU, KK_SHORT, RU] * 4))] == ["ru"]
    assert asked == []
    # between the two halves of a bilingual file, where the neighbours disagree, lingua tells
    lines = [f"{i}. {RU}" for i in range(1, 20)] + [KK_SHORT] + [f"{i}. {KK}" for i in range(1, 20)]
    text = "\n".join(lines)
    parts = split_languages(text)
    assert KK_SHORT in asked
    assert [p.language for p in parts] == ["ru", "kk"]
    assert text[parts[1].start:].startswith(KK_SHORT)          # lingua's kk: it opens the Kazakh part


# A Russian decision ending in a table of rates, then its Kazakh version (one .txt, as seed 001):
# the table's last rows (a number, a short word, «Тиын/кВт. час») tell no language on their own.
TABLE_RU = ["Об установлении ставок платы за пользование водными ресурсами",
      "В соответствии с Водным кодексом Республики Казахстан маслихат области РЕШИЛ:",
      "1. Установить ставки платы за пользование водными ресурсами согласно приложению к настоящему решению.",
      "2. Контроль за исполнением настоящего решения возложить на постоянную комиссию маслихата.",
      "3. Настоящее решение вводится в действие по истечении десяти календарных дней после его опубликования.",
      "Председатель сессии маслихата области", "Секретарь маслихата области",
      "Приложение к решению маслихата области", "Ставки платы за пользование водными ресурсами области",
      "Перечень видов специального водопользования по отраслям экономики приводится ниже.",
      "№\tВиды водопользования\tЕдиница измерения\tСтавка",
      "1\tЖилищно-эксплуатационные и коммунальные услуги\tТиын/куб. метр\t6,24",
      "2\tПромышленность, включая теплоэнергетику\tТиын/куб. метр\t30,4",
      "3\tСельское хозяйство\tТиын/куб. метр\t0,92",
      "4\tПрудовые хозяйства, осуществляющие забор из водных источников\tТиын/куб. метр\t8,8",
      "5\tГидроэнергетика\tТиын/кВт. час\t7,31",
      "6\tВодный транспорт\tТиын/тыс. км\t0,5"]
TABLE_KK = ["Облыстың жер үсті көздеріндегі су ресурстарын пайдаланғаны үшін төлемақы мөлшерлемелерін белгілеу туралы",
      "Қазақстан Республикасының Су кодексіне сәйкес облыстық мәслихат ШЕШІМ ҚАБЫЛДАДЫ:",
      "1. Су ресурстарын пайдаланғаны үшін төлемақы мөлшерлемелері осы шешімнің қосымшасына сәйкес белгіленсін.",
      "2. Осы шешімнің орындалуын бақылау облыстық мәслихаттың тұрақты комиссиясына жүктелсін.",
      "3. Осы шешім алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.",
      "Облыстық мәслихат сессиясының төрағасы", "Облыстық мәслихаттың хатшысы",
      "Облыстық мәслихаттың шешіміне қосымша", "Облыстың су ресурстарын пайдаланғаны үшін төлемақы мөлшерлемелері",
      "Экономика салалары бойынша арнайы су пайдалану түрлерінің тізбесі төменде келтіріледі.",
      "Су пайдаланудың барлық түрлері үшін мөлшерлемелер жыл сайын қайта қаралады.",
      "Төлемақы облыстық бюджетке аударылады."]


def _table_rows(part_text):
    return [x for x in part_text.split("\n") if "\t" in x]


def test_a_table_at_the_end_of_the_first_language_stays_whole_in_it():
    text = normalize("\n\n".join(TABLE_RU + TABLE_KK))
    parts = split_languages(text)
    assert [p.language for p in parts] == ["ru", "kk"]
    assert len(_table_rows(text[parts[0].start:parts[0].end])) == 7 and not _table_rows(text[parts[1].start:])
    assert text[parts[1].start:].startswith(TABLE_KK[0])


def test_the_same_table_in_the_kazakh_part_first_stays_whole_in_it():
    kk_table = ["№\tСу пайдалану түрлері\tӨлшем бірлігі\tМөлшерлеме"] + [
        x.replace("Тиын", "тиын") for x in TABLE_RU[-6:]]
    text = normalize("\n\n".join(TABLE_KK + kk_table + TABLE_RU[:-7]))
    parts = split_languages(text)
    assert [p.language for p in parts] == ["kk", "ru"]
    assert len(_table_rows(text[parts[0].start:parts[0].end])) == 7 and not _table_rows(text[parts[1].start:])
    assert text[parts[1].start:].startswith(TABLE_RU[0])


# A short akim's decision (three points), Russian then Kazakh in one file, the Russian signature
# ending in a name that tells no language.
SHORT_RU = ["О признании утратившим силу решения Акима области от 15 марта 2002 года N 3-47",
            "В соответствии с Законом Республики Казахстан о нормативных правовых актах аким области РЕШИЛ:",
            "1. Признать утратившим силу решение Акима области от 15 марта 2002 года N 3-47.",
            "2. Контроль за исполнением настоящего решения возложить на заместителя акима области.",
            "3. Настоящее решение вступает в силу со дня его подписания.",
            "Аким области", "Ш. Кулмаханов"]
SHORT_KK = ["Облыс әкімінің 2002 жылғы 15 наурыздағы N 3-47 шешімінің күші жойылған деп танылуы туралы",
            "Қазақстан Республикасының нормативтік құқықтық актілер туралы Заңына сәйкес облыс әкімі ШЕШІМ ҚАБЫЛДАДЫ:",
            "1. Облыс әкімінің 2002 жылғы 15 наурыздағы N 3-47 шешімінің күші жойылған деп танылсын.",
            "2. Осы шешімнің орындалуын бақылау облыс әкімінің орынбасарына жүктелсін.",
            "3. Осы шешім қол қойылған күнінен бастап күшіне енеді.",
            "Облыс әкімі", "Ш. Кулмаханов"]


def test_a_short_act_in_both_languages_is_split_and_the_signature_name_stays_with_its_text():
    for first, second, langs in ((SHORT_RU, SHORT_KK, ["ru", "kk"]), (SHORT_KK, SHORT_RU, ["kk", "ru"])):
        text = normalize("\n\n".join(first + second))
        parts = split_languages(text)
        assert [p.language for p in parts] == langs
        assert text[parts[1].start:].startswith(second[0])
        assert text[parts[0].start:parts[0].end].rstrip().endswith("Ш. Кулмаханов")


def test_a_short_act_quoting_one_paragraph_of_the_other_language_stays_one():
    ru = SHORT_RU[:2] + [f"«{SHORT_KK[0]}»"] + SHORT_RU[2:]
    kk = SHORT_KK[:2] + [f"«{SHORT_RU[0]}»"] + SHORT_KK[2:]
    assert [p.language for p in split_languages(normalize("\n\n".join(ru)))] == ["ru"]
    assert [p.language for p in split_languages(normalize("\n\n".join(kk)))] == ["kk"]
