"""maslihat: ingest."""
