"""maslihat: corpus/index."""
