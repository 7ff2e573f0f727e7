"""A national act that approves another prints an approval stamp before it («УТВЕРЖДЕН / Указом
Президента / … № 704», KK «… № 704 Жарлығымен / БЕКІТІЛГЕН»), in capitals in the repositories'
texts. The approved regulation is the act's appendix: its chapters and points are the appendix's
(ids under ``appendix_1``), apart from the decree's own points, and the stamp is the appendix's
caption, not five paragraphs of the decree. RU and KK, as the repositories' markdown reads after
the reader."""
import pytest

from maslihat.core.model import Document
from maslihat.nlp.segment import segment

DECREE = {
    "ru": """Об утверждении Типового регламента маслихата

В соответствии со статьей 9 Закона Республики Казахстан ПОСТАНОВЛЯЮ:

1. Утвердить прилагаемый Типовой регламент маслихата.

2. Настоящий Указ вводится в действие по истечении десяти календарных дней.

Президент Республики Казахстан

Н. НАЗАРБАЕВ

УТВЕРЖДЕН
Указом Президента
Республики Казахстан
от 3 декабря 2013 года
№ 704

Типовой регламент маслихата

Глава 1. Общие положения

1. Настоящий Типовой регламент маслихата устанавливает порядок проведения сессий.

2. Маслихат является выборным органом.
""",
    "kk": """Мәслихаттың үлгі регламентін бекіту туралы

Қазақстан Республикасы Заңының 9-бабына сәйкес ҚАУЛЫ ЕТЕМІН:

1. Қоса беріліп отырған Мәслихаттың үлгі регламенті бекітілсін.

2. Осы Жарлық күнтізбелік он күн өткен соң қолданысқа енгізіледі.

Қазақстан Республикасының Президенті

Н. Назарбаев

Қазақстан Республикасы
Президентінің
2013 жылғы 3 желтоқсандағы
№ 704 Жарлығымен
БЕКІТІЛГЕН

Мәслихаттың үлгі регламенті

1-тарау. Жалпы ережелер

1. Осы Мәслихаттың үлгі регламенті сессияларды өткізу тәртібін белгілейді.

2. Мәслихат сайланбалы орган болып табылады.
""",
}


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_approved_regulation_is_the_appendix_of_the_decree(lang):
    doc = Document(id=f"decree/{lang}", source="x", part=0, language=lang, doc_type="decree", title="x",
                   text=DECREE[lang])
    units = segment(doc)
    ids = [u.id for u in units]
    assert len(ids) == len(set(ids))
    own = [u for u in units if u.kind == "point" and "appendix" not in u.id]
    approved = [u for u in units if u.kind == "point" and "/appendix_1/" in u.id]
    assert [u.number.rstrip(".") for u in own] == ["1", "2"]
    assert [u.number.rstrip(".") for u in approved] == ["1", "2"]
    app = next(u for u in units if u.kind == "appendix")
    assert "704" in doc.text[app.start:app.end]
    # the stamp's lines are the appendix's caption, not paragraphs of the decree
    assert not [u for u in units if u.kind == "paragraph" and "appendix" not in u.id
                and "704" in doc.text[u.start:u.end]]
