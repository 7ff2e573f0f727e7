"""A Kazakh file of a language pair built in a worker as it will be stored (issue 14).

``20090.kaz.txt`` seldom states its act's requisites: stored with ``20090.rus.txt`` it takes the
Russian document's act id and requisites (``IngestRun._pair_files``, ``ingest.metadata.inherit``),
so a worker's build of the file alone was thrown away and the storing process built it again
(25 of the 76 documents of dev + dev-laws + seeds). The storing process therefore hands the
worker the Russian document it will pair the file with (that of the pair key's first Russian
file, in input order) once a worker has read it, and the worker builds the Kazakh document paired
as ``_pair_files`` pairs it. The storing process keeps that build only when its own paired
document is equal to the one built; otherwise (another partner, another batch) it builds again.
"""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Optional

from maslihat.core.model import Document


def partners(items: list) -> dict[str, tuple[str, str]]:
    """Path of each Kazakh-named file -> (path, source) of the first Russian-named file with its
    pair key, in input order (the one ``_pair_files`` takes when both are in one batch)."""
    from maslihat.ingest.pipeline import pair_key
    first_ru: dict[str, tuple[str, str]] = {}
    kk: list[tuple[str, str]] = []
    for item in items:
        if not isinstance(item, tuple):
            continue
        path, source = item
        pk = pair_key(source)
        if pk and pk[1] == "ru":
            first_ru.setdefault(pk[0], (str(path), source))
        elif pk:
            kk.append((str(path), pk[0]))
    return {path: first_ru[key] for path, key in kk if key in first_ru}


def siblings(items: list) -> dict[str, tuple[str, str]]:
    """Path of each language-named file -> (path, source) of the first earlier file with its pair
    key and language in another format (``20090.rus.txt`` -> ``20090.rus.html``): usually the
    same edition, which the storing process keeps once (``prefetch._same_as_sibling``)."""
    from maslihat.ingest.pipeline import pair_key
    first: dict[tuple[str, str], tuple[str, str]] = {}
    out: dict[str, tuple[str, str]] = {}
    for item in items:
        if not isinstance(item, tuple):
            continue
        path, source = item
        pk = pair_key(source)
        if not pk:
            continue
        earlier = first.setdefault(pk, (str(path), source))
        if earlier[0] != str(path) and Path(earlier[0]).suffix.lower() != Path(str(path)).suffix.lower():
            out[str(path)] = earlier
    return out


def paired_copy(docs: list[Document], ru: Optional[Document]) -> Optional[Document]:
    """The file's one Kazakh document as ``_pair_files`` leaves it when paired with ``ru``, or None."""
    from maslihat.ingest.metadata import inherit
    from maslihat.ingest.pipeline import pair_key
    if ru is None or ru.language != "ru" or len(docs) != 1 or docs[0].language != "kk":
        return None
    pk = pair_key(docs[0].source)
    if not pk:
        return None
    doc = copy.deepcopy(docs[0])
    doc.extra["pair_key"] = pk[0]
    inherit(doc, ru)
    doc.parallel_id = ru.id
    return doc
