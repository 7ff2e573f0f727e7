"""bench/diversity.py tells a crowded first page from an allowed one (the figure of docs/quality.md,
«session 24»): more than PER_DOC hits of one act while another act has a comparable hit below."""
from bench.diversity import act, breaks


def _hits(docs_scores):
    return [{"document_id": d, "score": s} for d, s in docs_scores]


def test_a_crowded_page_breaks_the_rule_in_either_language():
    for lang in ("ru", "kk"):
        page = [(f"kz/decision/a/{lang}", 10 - i * 0.5) for i in range(4)]
        below = [(f"kz/decision/b/{lang}", 5.0)]
        assert breaks(_hits(page + below), per_doc=2, ratio=0.5, window=4)
        # the other act's hit scores less than half of the extra ones: the page may keep them
        assert not breaks(_hits(page + [(f"kz/decision/b/{lang}", 1.0)]), per_doc=2, ratio=0.5, window=4)


def test_the_same_act_in_the_other_language_is_not_another_act():
    page = [("kz/decision/a/ru", 10 - i * 0.5) for i in range(4)]
    assert act("kz/decision/a/ru") == act("kz/decision/a/kk")
    assert not breaks(_hits(page + [("kz/decision/a/kk", 9.0)]), per_doc=2, ratio=0.5, window=4)
