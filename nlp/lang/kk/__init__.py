"""maslihat: nlp/lang/kk."""
