"""Kazakh stop words: conjunctions, postpositions, pronouns and particles of legal prose.

Matched on the lower-cased, folded surface form before stemming. Kept short on purpose: öз
(өзін-өзі басқару), бір-інші and the like carry meaning in this domain and stay searchable.
"""
STOP_WORDS = frozenset("""
және мен бен пен да де та те әрі не немесе я яки бірақ алайда ал егер онда сонда
осы бұл ол сол мына ана мынадай сондай осындай мұндай ондай сол сияқты
оның олар олардың оларды оларға олармен онымен оны оған одан осының осыған осыдан осылай
бұның бұған мұның мұнда сонымен соның соған содан сондықтан сондай-ақ ақ
үшін туралы бойынша арқылы жөнінде жөніндегі сәйкес қарай дейін бастап кейін бері
сайын ғана қана тек да-да ма ме ба бе па пе ғой ше тағы енді яғни әр әрбір кейбір барша
ретінде деген деп болып болса болады болған болуы тиіс қажет емес бар жоқ
біз сіз сен мен өзі
""".split())

# The word that negates the word before it («нормативтік емес құқықтық акт», «коммерциялық емес
# ұйым»: the Russian says «ненормативный», «некоммерческий» in one word). Dropped alone like a stop
# word, it would turn the notion into its opposite, so it is kept joined to the word it negates:
# one term «нормативтікемес» (``nlp.analyze``), in the index and in queries alike.
NEGATION = "емес"
