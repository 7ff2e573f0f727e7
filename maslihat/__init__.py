"""maslihat — corpus and search for the law of local government in Kazakhstan (RU and KK).

The design's folders install as sub-packages of this one namespace (``maslihat.core``,
``maslihat.ingest``, ``maslihat.nlp``, ``maslihat.corpus``, ``maslihat.search_app``), so that
installing the tool never shadows another distribution's ``corpus`` or ``nlp``. The command
line (``maslihat.cli``) sits on top of them all.
"""
