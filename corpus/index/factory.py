from maslihat.corpus.index import open_index  # noqa: F401  (the factory lives in the package)
