"""Bytes -> str for plain-text sources, without ever silently picking the wrong Cyrillic code page.

UTF-8 (with or without BOM) and UTF-16/32 with a BOM are unambiguous. UTF-16 without a BOM
is recognised by its NUL bytes falling on one parity. For 8-bit files charset-normalizer
gives a first guess, but cp1251 and koi8-r both decode any byte string, and a wrong choice
yields plausible-looking letters; so every candidate is scored for Cyrillic plausibility
(lower case dominates, words start with a capital or not at all, common letters are common)
and the best wins. KZ-1048 (cp1251 with Kazakh letters) wins over cp1251 only when it turns
bytes into Kazakh letters inside Cyrillic words.
"""
from __future__ import annotations

import codecs
import re

from maslihat.core.grammar import CYR, KK_LETTERS
from maslihat.ingest.errors import IngestError

UNDECODABLE = "cannot decode: not UTF-8/UTF-16/CP1251/KOI8-R"
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_EIGHT_BIT = ("cp1251", "koi8-r", "kz1048")
# The commonest letter pairs of Russian (and, mostly, of Kazakh in Cyrillic).
_BIGRAMS = set("ст но то на ен ов ни ра во ко ос по го ре ро ал ер пр ли ла не ан ка ел ом ор ет ол од "
               "ль ве ти ле ва ит он ин ны ск та ый ое ие ия ки те ат ас ес ог ми ме да ди за ис нн ик тв "
               "ой ем ам им ых ах их ри ар ру ло де ей ее ак ав ел ба ға ар ды ін ің ың ен ле ық ау ры ға "
               "ал ла да ат ер та ты бо ес ен ің ік ан қа ма ас ге бе ке қт лы ғы ні ді бі рі лі ті ұр ұл "
               "үш өз ұй ше ші ше ре ен мә сл их ха ат ты ны".split())
_CYR_WORD = re.compile(f"[{CYR}]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def cyrillic_plausibility(text: str) -> float:
    """0..1: how much ``text`` looks like real Russian/Kazakh prose rather than mojibake.

    Mojibake of the wrong code page keeps letters but scrambles case patterns and letter
    pairs, and turns many bytes into pseudo-graphics; each of these lowers the score.
    """
    words = _CYR_WORD.findall(text)
    letters = "".join(words)
    if not letters:
        return 0.0
    well_cased = sum(1 for w in words if w.islower() or w.isupper() or (w[0].isupper() and w[1:].islower()))
    lower = sum(1 for c in letters if c.islower()) / len(letters)
    pairs = [w.lower()[i:i + 2] for w in words for i in range(len(w) - 1)]
    common = sum(1 for p in pairs if p in _BIGRAMS) / len(pairs) if pairs else 0.5
    others = sum(1 for c in text if not c.isascii() and not c.isalpha() and not c.isspace()
                 and c not in "№«»–—…“”„’\u00a0")
    letter_share = len(letters) / (len(letters) + others)
    score = (well_cased / len(words)) * 0.3 + min(lower, 0.9) / 0.9 * 0.2 + min(common / 0.5, 1.0) * 0.5
    return score * letter_share


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) < 2 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    for enc, nuls in (("utf-16-le", odd), ("utf-16-be", even)):
        if nuls >= 0.3 * half or (nuls and (even == 0 or odd == 0)):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if not _CONTROL.search(text.replace("\x00", "")) and "\x00" not in text:
                return text
    return None


def _kazakh_gain(text: str) -> int:
    return sum(1 for w in _CYR_WORD.findall(text) for c in w if c in KK_LETTERS)


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a plain-text file; IngestError when it is not text."""
    if not data:
        raise IngestError("empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                raise IngestError(UNDECODABLE) from None
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise IngestError("binary content (NUL bytes)")
        return text, "utf-16"
    try:
        text = data.decode("utf-8")
        enc = "utf-8"
    except UnicodeDecodeError:
        text, enc = _decode_8bit(data)
    if len(_CONTROL.findall(text)) > max(2, len(text) // 200):
        raise IngestError("binary content (control characters)")
    return text, enc


def _decode_8bit(data: bytes) -> tuple[str, str]:
    # imported here: only a file that is not UTF-8 needs it (issue 14: about 0.01 CPU-s of
    # every ingest process, whose files are almost all UTF-8)
    from charset_normalizer import from_bytes
    guess = from_bytes(data).best()
    candidates = list(_EIGHT_BIT)
    if guess is not None and guess.encoding not in candidates and guess.encoding.startswith(("cp125", "koi8", "mac_cyr", "cp866", "iso8859_5")):
        candidates.append(guess.encoding)
    scored = []
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((cyrillic_plausibility(text), enc, text))
    if not scored:
        raise IngestError(UNDECODABLE)
    scored.sort(key=lambda s: (-round(s[0], 3), _EIGHT_BIT.index(s[1]) if s[1] in _EIGHT_BIT else 9))
    best_score, enc, text = scored[0]
    if enc == "cp1251" or enc == "kz1048":
        kz = next((s for s in scored if s[1] == "kz1048"), None)
        cp = next((s for s in scored if s[1] == "cp1251"), None)
        if kz and cp:
            enc, text = ("kz1048", kz[2]) if _kazakh_gain(kz[2]) > _kazakh_gain(cp[2]) and kz[0] >= cp[0] - 0.02 \
                else ("cp1251", cp[2])
    letters = len(_CYR_WORD.findall(text))
    if best_score < (0.6 if letters > 5 else 0.35):
        raise IngestError(UNDECODABLE)
    return text, enc
