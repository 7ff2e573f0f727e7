"""The one exception the ingest stage raises for a file it cannot turn into documents."""


class IngestError(Exception):
    """A one-line human reason (no path: the caller prefixes it and quarantines the file)."""
