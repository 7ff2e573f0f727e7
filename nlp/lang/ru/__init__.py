"""maslihat: nlp/lang/ru."""
