"""maslihat.core — the ground floor: data model, identifiers, configuration, shared vocabulary.

Imports nothing of the project; every other package imports it (data model -> ingest/nlp ->
corpus -> app -> CLI).
"""
