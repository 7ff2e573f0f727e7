"""maslihat: nlp/lang."""
