"""Kazakh tokenizer exceptions and spelling folds.

``TOKENIZER_EXCEPTIONS``: abbreviations spaCy must not split at the full stop.
``NORM_EXCEPTIONS``: Kazakh words typed with Russian letters, mapped (after stemming) to the
Kazakh spelling so маслихат and мәслихат are one term (domain.md §4); the Russian side maps the
same words to the same term, so a query in either spelling finds both languages.
"""
_ABBR = ["ҚР", "ҚР-ның", "б.", "т.", "тт.", "ж.", "жж.", "т.б.", "т.с.с.", "бб.", "с.", "қ."]

NORM_EXCEPTIONS = {
    "маслихат": "мәслихат",
    "аким": "әкім",
    "акимат": "әкімдік",      # Russian loan inside Kazakh text: same institution
    "казакстан": "қазақстан",
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
