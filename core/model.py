"""Plain data classes passed between the stages: files -> documents -> units and references -> index -> app.

Field names follow the export contract (shared/docs/contract.md) so that export is a plain
``asdict``; fields that are ours only (``act_id``, ``version``, ``original``...) are documented
here and exported as extra fields, which the contract allows.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Optional

# The listed vocabularies are defined once, in core/data/taxonomy.yaml.
from maslihat.core.taxonomy import DOC_TYPES, ISSUER_KINDS, LANGUAGES, STATUSES, UNIT_KINDS  # noqa: F401,E402

# The kinds of unit a table's row is read as: «1.\tВыброс …\t254» a point, «1) Реализация газет\t80» a
# subpoint, an unnumbered row a paragraph, or a part (a row of a point, a line of a quoted new wording).
ROW_KINDS = frozenset({"point", "subpoint", "paragraph", "part"})


@dataclass
class Document:
    """One language version of one text (a bilingual file gives two, linked by ``parallel_id``).

    ``text`` is the normalised text that every offset points into; ``original`` is the text as
    decoded from the file, kept for provenance and display of the untouched wording.
    """
    id: str
    source: str
    part: int
    language: str
    doc_type: str
    title: str
    text: str
    issuer: Optional[str] = None
    issuer_kind: Optional[str] = None
    region: Optional[str] = None
    adopted_date: Optional[str] = None
    number: Optional[str] = None
    registration: Optional[dict] = None
    status: str = "unknown"
    repealed_by: Optional[dict] = None
    amendments: list = field(default_factory=list)
    parallel_id: Optional[str] = None
    # ours, beyond the contract
    act_id: Optional[str] = None          # the work: shared by language versions and editions
    version: int = 1                      # edition counter within (act_id, language)
    original: str = ""                    # decoded text before normalisation
    extra: dict = field(default_factory=dict)  # e.g. government replies: inquiry number/date, signatory
    content_hash: str = ""                # sha256 of the source bytes that gave this document
    # canonical ids of the issuing body and region (core/places.py); issuer/region keep the wording
    issuer_id: Optional[str] = None
    region_id: Optional[str] = None
    # every file this edition was read from ({"source", "format", "content_hash"}), the first one
    # being ``source``: txt/html/md/docx copies or two registry codes of one act are one edition
    sources: list = field(default_factory=list)
    # the acts this one amends ({"date", "number", "title", "act_id"}): an amending act named by the
    # act it amends in its title is its own act, linked here (and in the amended act's amendments)
    amends: list = field(default_factory=list)

    def to_json(self, with_original: bool = False) -> dict[str, Any]:
        d = asdict(self)
        if not with_original:
            d.pop("original", None)
        return d


@dataclass
class Unit:
    """A structural unit; ``text[start:end]`` of its document, children included."""
    id: str
    document_id: str
    kind: str
    start: int
    end: int
    label: str
    parent_id: Optional[str] = None
    number: Optional[str] = None
    heading: Optional[str] = None
    competencies: list = field(default_factory=list)
    parallel_id: Optional[str] = None
    # ours
    ordinal: int = 0                      # position in document order
    part: int = 0                         # 0 = operative part, 1.. = appendices
    explain: dict = field(default_factory=dict)  # competency code -> terms that decided it
    # amendment history from the unit's footnotes: [{"date", "number", "act_type", "change"}]
    changed_in: list = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Reference:
    id: str
    document_id: str
    unit_id: Optional[str]
    start: int
    end: int
    surface: str
    kind: str                              # "internal" | "external"
    target: dict = field(default_factory=dict)
    resolved_document_id: Optional[str] = None
    resolved_unit_id: Optional[str] = None
    # ours
    relation: str = "cites"                # cites | amended_by | repealed_by | defines_alias
    cited_act_key: Optional[str] = None    # one node per cited act, resolved or not

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


TARGET_FIELDS = ("act_type", "title", "date", "number", "article", "point", "subpoint")


def joint_act_words(extra: Optional[dict], kind_label: Callable[[str], str] = str) -> str:
    """The second act of a joint act (``extra["joint"]``: the maslikhat's decision beside the akimat's
    resolution, read from the requisite line or meta.yaml) in words — its body, kind (``kind_label`` of
    its doc_type, in the reader's language), date and number — or '' for an act of one body. One
    wording for `show` and the app's reader."""
    joint = (extra or {}).get("joint") or {}
    if not joint.get("number"):
        return ""
    kind = kind_label(joint["doc_type"]) if joint.get("doc_type") else ""
    return " ".join(str(x) for x in (joint.get("issuer"), kind, joint.get("date"), f"№ {joint['number']}") if x)


def empty_target(**kw) -> dict:
    t = {k: None for k in TARGET_FIELDS}
    t.update(kw)
    return t


@dataclass
class Quarantined:
    path: str
    reason: str


@dataclass
class IngestSummary:
    files: int = 0
    documents_added: int = 0
    unchanged: int = 0
    new_versions: int = 0
    by_language: dict = field(default_factory=dict)
    by_type: dict = field(default_factory=dict)
    quarantined: list = field(default_factory=list)   # list[Quarantined]
    warnings: list = field(default_factory=list)      # list[Quarantined]: ingested, with a reader's warning
    # files whose text an edition already stored holds: (path, id of that document)
    duplicates: list = field(default_factory=list)
    acts: int = 0                                      # distinct acts among the documents added
    metadata_files: int = 0                            # meta.yaml files read beside their texts
    interrupted: bool = False                          # stopped by Ctrl+C / SIGTERM: run again to resume
