"""Russian tokenizer exceptions and spelling folds.

``TOKENIZER_EXCEPTIONS``: legal abbreviations kept whole by spaCy (п., пп., ст., РК).
``NORM_EXCEPTIONS``: lemma -> shared term. Kazakh institutions keep one term in both languages
(маслихат/мәслихат, аким/әкім), so RU and KK units meet without the glossary.
"""
from maslihat.nlp.lang import lazy_tokenizer_exceptions

_ABBR = ["п.", "пп.", "ст.", "ч.", "г.", "гг.", "т.е.", "т.д.", "т.п.", "РК", "РЦПИ", "МСУ",
         "им.", "см.", "тыс.", "млн.", "млрд."]

NORM_EXCEPTIONS = {
    "маслихат": "мәслихат",
    "аким": "әкім",
    "акимат": "әкімдік",
    "казахстан": "қазақстан",
}


__getattr__ = lazy_tokenizer_exceptions(__name__, _ABBR)
