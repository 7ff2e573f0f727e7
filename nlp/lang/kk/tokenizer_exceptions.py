"""Kazakh tokenizer exceptions and spelling folds.

``TOKENIZER_EXCEPTIONS``: abbreviations spaCy must not split at the full stop.
``NORM_EXCEPTIONS``: Kazakh words typed with Russian letters, mapped (after stemming) to the
Kazakh spelling so маслихат and мәслихат are one term (domain.md §4); the Russian side maps the
same words to the same term, so a query in either spelling finds both languages.
"""
from maslihat.nlp.lang import lazy_tokenizer_exceptions

_ABBR = ["ҚР", "ҚР-ның", "б.", "т.", "тт.", "ж.", "жж.", "т.б.", "т.с.с.", "бб.", "с.", "қ."]

NORM_EXCEPTIONS = {
    "маслихат": "мәслихат",
    "аким": "әкім",
    "акимат": "әкімдік",      # Russian loan inside Kazakh text: same institution
    "казакстан": "қазақстан",
    "казахстан": "қазақстан",
}


__getattr__ = lazy_tokenizer_exceptions(__name__, _ABBR)
