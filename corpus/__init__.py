"""maslihat: corpus."""
