"""Words the ingest stage recognises, in Russian and Kazakh, kept as data in one place.

Everything language-specific that the readers, the classifier and the requisite parser match
lives here, so that adding a month spelling or an act form is a one-line change.
"""
from __future__ import annotations

# Letters that only Kazakh Cyrillic has: the strongest evidence for Kazakh on a short line.
KK_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
# Letters frequent in Russian and rare in native Kazakh words.
RU_ONLY_LETTERS = "ёщъэЁЩЪЭ"
# Kazakh in the Latin alphabets of 2018/2021: evidence that a Latin line is Kazakh, not English.
KK_LATIN_LETTERS = "ǵńóúýáığñöūüäşçĞÑÖŪÜÄŞÇǴŃÓÚÝÁ"

# Latin look-alikes typed inside Cyrillic words, mapped to the Cyrillic letter they imitate.
# Latin i stands for Kazakh і (U+0456), the commonest substitution in Kazakh texts;
# h for Kazakh һ (identical glyphs); schwa and barred o for ә and ө.
LOOKALIKES = {
    "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і", "h": "һ",
    "k": "к", "m": "м", "t": "т", "b": "в",
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О", "P": "Р",
    "T": "Т", "X": "Х", "Y": "У", "I": "І",
    "ə": "ә", "Ə": "Ә", "ɵ": "ө", "Ɵ": "Ө",
}
# Latin letters that look like Cyrillic only in print of upright capitals / lower case; a
# single-letter Latin word made of these between Cyrillic words is a typo (`c Законом`).
LOOKALIKE_SINGLE_WORDS = "aceopxyACEOPXYKBHMT"

MONTHS_RU = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
MONTHS_KK = {
    "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6, "шілде": 7,
    "тамыз": 8, "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
}
# Regex alternatives for the month words (declined forms follow the stem).
MONTH_RU_RE = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|" \
              r"январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь)"
MONTH_KK_RE = r"(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)\w*"

# Act form word -> doc_type. RU forms open the requisite ("Решение ... от ..."); KK forms close it
# ("... № С-24/4 шешімі").
ACT_FORMS_RU = {
    "решение": "decision", "постановление": "resolution", "указ": "decree", "закон": "law",
    "кодекс": "code", "конституция": "constitution", "приказ": "order", "распоряжение": "order",
    "конституционный закон": "law",
}
ACT_FORMS_KK = {
    "шешімі": "decision", "қаулысы": "resolution", "жарлығы": "decree", "заңы": "law",
    "кодексі": "code", "конституциясы": "constitution", "бұйрығы": "order", "өкімі": "order",
}
# Operative formulae in the body: used when a file has no requisite (the Kazakh half of a
# bilingual act in the dev corpus carries only a title).
OPERATIVE_FORMS = (
    (r"\bРЕШИЛ\b|\bРЕШАЕТ\b|\bРЕШАЮ\b|\bШЕШТІ\b|ШЕШІМ\s+ҚАБЫЛДАДЫ|\bШЕШЕМІН\b|\bШЕШІМ\s+ЕТЕДІ\b", "decision"),
    (r"ПОСТАНОВЛЯЕТ|ҚАУЛЫ\s+ЕТЕДІ|ҚАУЛЫ\s+ЕТЕМІН", "resolution"),
    (r"ПОСТАНОВЛЯЮ", "decree"),
    (r"ПРИКАЗЫВАЮ|БҰЙЫРАМЫН", "order"),
)

# Issuer nouns (any case form) -> issuer_kind. Longer stems first: "акимат" before "аким".
ISSUER_KINDS = (
    ("маслихат", "maslikhat"), ("мәслихат", "maslikhat"),
    ("акимат", "akimat"), ("әкімдіг", "akimat"), ("әкімдік", "akimat"),
    ("аким", "akim"), ("әкім", "akim"),
    ("президент", "president"), ("правительств", "government"), ("үкімет", "government"),
    ("парламент", "parliament"), ("мәжіліс", "parliament"), ("мажилис", "parliament"),
    ("министр", "ministry"),
)

# Genitive -> nominative for the words that name an issuer in a Russian requisite.
RU_NOMINATIVE = {
    "маслихата": "маслихат", "акима": "аким", "акимата": "акимат", "городского": "городской",
    "областного": "областной", "районного": "районный", "сельского": "сельский",
    "поселкового": "поселковый", "правительства": "Правительство", "президента": "Президент",
}
# Instrumental -> nominative for registering authorities ("Департаментом юстиции ...").
RU_AUTHORITY_NOMINATIVE = {
    "департаментом": "Департамент", "управлением": "Управление", "министерством": "Министерство",
    "органами": "органы", "органом": "орган",
}
# Kazakh genitive/locative endings of issuer and authority nouns -> nominative.
KK_NOMINATIVE = {
    "мәслихатының": "мәслихаты", "маслихатының": "маслихаты", "әкімінің": "әкімі",
    "әкімдігінің": "әкімдігі", "департаментінде": "департаменті", "басқармасында": "басқармасы",
    "департаментінің": "департаменті", "басқармасының": "басқармасы", "министрлігінде": "министрлігі",
}

# Region in the words of each language. RU adjective stems (genitive "-ской области") and
# KK names ("Ақмола облысы").
REGIONS_RU = (
    "Акмолинская", "Актюбинская", "Алматинская", "Атырауская", "Восточно-Казахстанская",
    "Жамбылская", "Западно-Казахстанская", "Карагандинская", "Костанайская", "Кызылординская",
    "Мангистауская", "Павлодарская", "Северо-Казахстанская", "Туркестанская", "Южно-Казахстанская",
    "Абайская", "Жетысуская", "Улытауская",
)
REGIONS_KK = (
    "Ақмола", "Ақтөбе", "Алматы", "Атырау", "Шығыс Қазақстан", "Жамбыл", "Батыс Қазақстан",
    "Қарағанды", "Қостанай", "Қызылорда", "Маңғыстау", "Павлодар", "Солтүстік Қазақстан",
    "Түркістан", "Оңтүстік Қазақстан", "Абай", "Жетісу", "Ұлытау",
)

# Notes (footnotes) that carry amendments and repeals.
NOTE_RE = r"^\s*(?:Сноска|Ескерту)\s*[.:]"
REPEAL_RU = r"Утратил[оаи]?\s+силу"
REPEAL_KK = r"[Кк]үші\s+жойыл"
AMEND_RU = r"в\s+редакции|внесены\s+изменения|изменени|дополнен|исключен"
AMEND_KK = r"жаңа\s+редакцияда|өзгеріс|толықтыру|алынып\s+тасталды|редакциясында"
# Unit words in notes -> unit label prefix; `None` means the number alone ("122").
NOTE_UNITS_RU = (
    (r"[Нн]азвание\s+главы", "chapter"), (r"[Зз]аголовок", "title"),
    (r"[Пп]одпункт\w*", "subpoint"), (r"[Пп]ункт\w*", None), (r"[Гг]лав\w*", "chapter"),
    (r"[Сс]тать\w*", "article"), (r"[Пп]риложени\w*", "appendix"), (r"[Рр]аздел\w*", "section"),
)
NOTE_UNITS_KK = (
    (r"[Тт]араудың\s+атауы", "chapter"), (r"[Тт]ақырыбы", "title"),
    (r"тармақша\w*", "subpoint"), (r"тармақ\w*", None), (r"тарау\w*", "chapter"),
    (r"бап\w*", "article"), (r"қосымша\w*", "appendix"), (r"бөлім\w*", "section"),
)

# Coursework markers (any two distinct ones, anywhere, case-insensitive).
COURSEWORK_MARKERS = (
    "кіріспе", "қорытынды", "мазмұны", "әдебиеттер", "курстық жұмыс", "дипломдық жұмыс",
    "пайдаланылған", "введение", "заключение", "содержание", "список литературы",
    "список использованной литературы", "курсовая работа", "дипломная работа",
)
# Weaker, academic-prose markers (key terms, research aims); they count towards the two.
COURSEWORK_ACADEMIC = (
    "негізгі терминдер", "зерттеу барысында", "зерттеу объектісі", "зерттеу пәні", "жұмыстың мақсаты",
    "тақырыптың өзектілігі", "ключевые слова", "актуальность темы", "цель работы", "объект исследования",
    "предмет исследования", "в ходе исследования",
)
# Government reply: an inquiry mention and a greeting of deputies.
REPLY_INQUIRY = r"депутатт\w*\s+сауал\w*|депутатск\w*\s+запрос\w*"
REPLY_GREETING = r"Құрметті\s+депутат|Уважаемы[ей]\s+депутат"
