"""Russian tokenizer exceptions and spelling folds.

``TOKENIZER_EXCEPTIONS``: legal abbreviations kept whole by spaCy (п., пп., ст., РК).
``NORM_EXCEPTIONS``: lemma -> shared term. Kazakh institutions keep one term in both languages
(маслихат/мәслихат, аким/әкім), so RU and KK units meet without the glossary.
"""
_ABBR = ["п.", "пп.", "ст.", "ч.", "г.", "гг.", "т.е.", "т.д.", "т.п.", "РК", "РЦПИ", "МСУ",
         "им.", "см.", "тыс.", "млн.", "млрд."]

NORM_EXCEPTIONS = {
    "маслихат": "мәслихат",
    "аким": "әкім",
    "акимат": "әкімдік",
    "казахстан": "қазақстан",
}


def __getattr__(name: str):
    # TOKENIZER_EXCEPTIONS needs spaCy's ORTH symbol: built on first use, so that importing
    # NORM_EXCEPTIONS (the search path) does not import spaCy
    if name == "TOKENIZER_EXCEPTIONS":
        from spacy.symbols import ORTH
        value = {a: [{ORTH: a}] for a in _ABBR}
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
