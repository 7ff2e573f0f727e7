"""maslihat: ingest — files of any supported format -> Documents (one per language version).

Entry points: ``ingest.pipeline.iter_inputs``, ``ingest.pipeline.load_file``,
``ingest.pipeline.pair_key``, ``ingest.metadata.inherit``, ``ingest.errors.IngestError``.
"""
