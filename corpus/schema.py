"""The corpus file's tables (one SQLite file: documents, units, references, facts, provenance, runs)."""

# 2: search rows point into the document text (spans) and FTS5 keeps no content (issue 14); a
# file opened for writing is migrated and marked 2, so an older maslihat refuses it plainly
# instead of showing empty texts and failing to delete index rows
# 3: a file's bytes (sources.raw) may be compressed against its documents' texts (sources.base),
# and index terms are kept per document (search_docs.unit_terms): an older maslihat would read the
# former as plain zlib and could not delete a document's index rows
SCHEMA_VERSION = 3

UNITS_DOC = "CREATE INDEX IF NOT EXISTS units_doc ON units(document_id, ordinal)"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY, started TEXT, finished TEXT, args TEXT,
  files INTEGER DEFAULT 0, added INTEGER DEFAULT 0, unchanged INTEGER DEFAULT 0,
  versions INTEGER DEFAULT 0, quarantined INTEGER DEFAULT 0);
-- base (issue 14): the documents whose texts ``raw`` was compressed against (store_sources), else NULL
CREATE TABLE IF NOT EXISTS sources (
  content_hash TEXT PRIMARY KEY, source TEXT, size INTEGER, run_id INTEGER, raw BLOB, base TEXT);
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, act_id TEXT, language TEXT, version INTEGER, is_latest INTEGER,
  source TEXT, part INTEGER, content_hash TEXT, pair_key TEXT,
  doc_type TEXT, title TEXT, issuer TEXT, issuer_kind TEXT, region TEXT,
  adopted_date TEXT, number TEXT, number_key TEXT, status TEXT, parallel_id TEXT,
  as_of TEXT, run_id INTEGER, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS documents_act ON documents(act_id, language, version);
CREATE INDEX IF NOT EXISTS documents_hash ON documents(content_hash);
CREATE INDEX IF NOT EXISTS documents_cite ON documents(adopted_date, number_key);
-- a citation by number without a date (`№ 148`): find_documents scanned every document for it
-- (17 ms at 34,000 documents, issue 14); only latest editions are looked up so
CREATE INDEX IF NOT EXISTS documents_number ON documents(number_key) WHERE is_latest=1;
CREATE INDEX IF NOT EXISTS documents_pair ON documents(pair_key);
-- what a run added (converge.resolve_pending tries only references to acts stored since its last pass)
CREATE INDEX IF NOT EXISTS documents_run ON documents(run_id);
-- find_by_title (reference resolution during ingest) without a scan of every document
CREATE INDEX IF NOT EXISTS documents_title ON documents(lower(title));
-- national_acts (citations by name, once per stored file): a covering index, no scan of the rows' data;
-- issue 14: of the national acts only (catalog.NATIONAL_TYPES, written out: SQLite uses a partial
-- index for a query whose WHERE holds the same term), not of every decision (1.6% of a file);
-- files made before keep their index of every document, which the same query uses
CREATE INDEX IF NOT EXISTS documents_national ON documents(doc_type, is_latest, id, language, title, adopted_date, number)
  WHERE doc_type IN ('law', 'code', 'constitution', 'decree');
-- each document's normalised text, zlib-compressed (issue 14: the text is most of a corpus file);
-- documents written before keep it in their JSON
CREATE TABLE IF NOT EXISTS doc_texts (document_id TEXT PRIMARY KEY, z BLOB NOT NULL);
-- issue 14: keyed by id alone (no rowid, no second copy of every id in an index); a document's
-- units are the ids that start with its id and '/' (store.units_of_doc), so units_doc (document_id,
-- ordinal) is made only for a unit whose id does not (and kept in files made before)
CREATE TABLE IF NOT EXISTS units (
  id TEXT PRIMARY KEY, document_id TEXT NOT NULL, parent_id TEXT, kind TEXT, number TEXT,
  ordinal INTEGER, parallel_id TEXT, data TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS refs (
  id TEXT PRIMARY KEY, document_id TEXT NOT NULL, unit_id TEXT, kind TEXT,
  resolved_document_id TEXT, resolved_unit_id TEXT, cited_act_key TEXT,
  target_date TEXT, target_number TEXT, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS refs_target_act ON refs(target_date, target_number);
CREATE INDEX IF NOT EXISTS refs_doc ON refs(document_id);
CREATE INDEX IF NOT EXISTS refs_unit ON refs(unit_id);
CREATE INDEX IF NOT EXISTS refs_target_doc ON refs(resolved_document_id);
CREATE INDEX IF NOT EXISTS refs_target_unit ON refs(resolved_unit_id);
CREATE INDEX IF NOT EXISTS refs_act ON refs(cited_act_key);
-- issue 15: numbers of the law as facts (nlp/facts.py), written with the document's units
CREATE TABLE IF NOT EXISTS facts (
  id TEXT PRIMARY KEY, document_id TEXT NOT NULL, unit_id TEXT, kind TEXT, subject TEXT,
  language TEXT, value TEXT, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS facts_doc ON facts(document_id);
CREATE INDEX IF NOT EXISTS facts_kind ON facts(kind, subject);
CREATE INDEX IF NOT EXISTS facts_unit ON facts(unit_id);
-- issue 14: WITHOUT ROWID, the ids once (a rowid table kept each id again in its key index)
CREATE TABLE IF NOT EXISTS facts_done (document_id TEXT PRIMARY KEY) WITHOUT ROWID;
-- the acts an amending act amends (Document.amends), so a new act finds its amending acts by key
CREATE TABLE IF NOT EXISTS amends (document_id TEXT NOT NULL, target_date TEXT, target_number TEXT);
CREATE INDEX IF NOT EXISTS amends_target ON amends(target_date);
CREATE INDEX IF NOT EXISTS amends_doc ON amends(document_id);
CREATE TABLE IF NOT EXISTS lexicon (word TEXT PRIMARY KEY, lemma TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS defines (
  unit_id TEXT PRIMARY KEY, document_id TEXT NOT NULL, language TEXT NOT NULL, notion TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS quarantine (
  id INTEGER PRIMARY KEY, path TEXT, reason TEXT, run_id INTEGER, at TEXT);
"""
