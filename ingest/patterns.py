"""Words only the ingest stage recognises, in Russian and Kazakh, kept as data in one place.

Look-alike letters, operative formulae, issuer and region names, note and coursework markers of
the readers, the classifier and the requisite parser. What citations read as well — months,
date forms, act numbers, act and unit words, the alphabets — is the shared grammar of
``maslihat.core.grammar`` (core/grammar/*.yaml).
"""
from __future__ import annotations

# The alphabets (Kazakh letters, Russian-only letters, Kazakh Latin) live in maslihat.core.grammar.

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

# Months, dates, act numbers and the act words of requisites live in maslihat.core.grammar
# (core/grammar/ru.yaml, kk.yaml), read by the citation engine as well.

# Issuer nouns (any case form) -> issuer_kind. Longer stems first: "акимат" before "аким".
ISSUER_KINDS = (
    ("маслихат", "maslikhat"), ("мәслихат", "maslikhat"),
    ("акимат", "akimat"), ("әкімдіг", "akimat"), ("әкімдік", "akimat"),
    ("аким", "akim"), ("әкім", "akim"),
    ("президент", "president"), ("правительств", "government"), ("үкімет", "government"),
    ("парламент", "parliament"), ("мәжіліс", "parliament"), ("мажилис", "parliament"),
    ("министр", "ministry"), ("министерств", "ministry"),
)

# Genitive -> nominative for the words that name an issuer in a Russian requisite.
RU_NOMINATIVE = {
    "маслихата": "маслихат", "акима": "аким", "акимата": "акимат", "городского": "городской",
    "областного": "областной", "районного": "районный", "сельского": "сельский",
    "поселкового": "поселковый", "правительства": "Правительство", "президента": "Президент",
}
# Genitive -> nominative for the first word of a national official or body that issues an order
# («Приказ Министра финансов …» -> «Министр финансов …»; the rest of the name stays as written).
RU_HEAD_NOMINATIVE = {
    "министра": "Министр", "министерства": "Министерство", "председателя": "Председатель",
    "руководителя": "Руководитель", "заместителя": "Заместитель", "комитета": "Комитет",
    "агентства": "Агентство",
}
# Instrumental (or prepositional, «в Министерстве юстиции») -> nominative for registering authorities
# ("Департаментом юстиции ...").
RU_AUTHORITY_NOMINATIVE = {
    "департаментом": "Департамент", "управлением": "Управление", "министерством": "Министерство",
    "органами": "органы", "органом": "орган",
    "департаменте": "Департамент", "управлении": "Управление", "министерстве": "Министерство",
}
# Kazakh genitive/locative endings of issuer and authority nouns -> nominative.
KK_NOMINATIVE = {
    "мәслихатының": "мәслихаты", "маслихатының": "маслихаты", "әкімінің": "әкімі",
    "әкімдігінің": "әкімдігі", "департаментінде": "департаменті", "басқармасында": "басқармасы",
    "департаментінің": "департаменті", "басқармасының": "басқармасы", "министрлігінде": "министрлігі",
    "министрінің": "министрі", "министрлігінің": "министрлігі", "төрағасының": "төрағасы",
    "комитетінің": "комитеті", "агенттігінің": "агенттігі",
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

# Government reply: an inquiry mention and a greeting of deputies.
REPLY_INQUIRY = r"депутатт\w*\s+сауал\w*|депутатск\w*\s+запрос\w*"
REPLY_GREETING = r"Құрметті\s+депутат|Уважаемы[ей]\s+депутат"
