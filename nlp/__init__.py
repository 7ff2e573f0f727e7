"""maslihat: nlp."""
