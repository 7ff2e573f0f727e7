"""Russian stop words, as lemmas (checked after lemmatisation, so all forms of a word agree).

Short on purpose: prepositions, conjunctions, particles, pronouns and быть. Words such as
настоящий, иной, данный are kept — they are rare enough not to matter for BM25.
"""
STOP_WORDS = frozenset("""
и в во не на с со что как а но по к ко у о об обо от до из за для при через над под без
или либо ни же бы ли то это этот тот такой так также который он она оно они его ее её их
ему ей им ими нему ней ним них свой себя весь все быть являться чтобы если когда где
только уже еще ещё даже лишь между после перед вне около среди
""".split())

# No word negates the word before it in Russian («ненормативный» is one word; «не» comes first and
# is left a stop word): ``nlp.analyze`` joins a negation only where the language has one.
NEGATION = ""
