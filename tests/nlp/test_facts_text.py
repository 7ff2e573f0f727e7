"""Cue matching of the facts engine (``nlp.facts_text.Sentence.has``): a cue counts only when it
lies wholly inside the range asked about, by exact word or by stem, in Russian and Kazakh."""
from maslihat.nlp.facts_text import Sentence


def test_cue_by_stem_and_exact_word_ru():
    s = Sentence("не позднее десяти календарных дней", 0, "ru")
    assert s.has([(("позднее", True),)])
    assert s.has([(("календ", False), ("дн", False))])
    assert not s.has([(("календ", True),)])          # exact: the whole word, not its beginning


def test_cue_must_end_within_range_kk():
    s = Sentence("күнтізбелік он күн ішінде шешім қабылдайды", 0, "kk")
    cue = (("күн", True), ("ішінде", True))
    assert s.has([cue])
    assert s.has([cue], 2, 4)
    assert not s.has([cue], 2, 3)                     # «ішінде» lies past the range's end
    assert not s.has([cue], 3)                        # starts before the range
