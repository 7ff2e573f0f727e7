"""maslihat: search_app."""
