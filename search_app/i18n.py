"""Interface strings in Russian, Kazakh and English, switchable at run time.

Russian is the default: most acts in the corpus exist in Russian and every user group reads it;
deputies who prefer Kazakh switch once and the choice travels in the URL (``?ui=kk``).
Only interface text lives here; document text is shown as written, in its own language.
"""
from __future__ import annotations

import re

from maslihat.corpus.api import COMPETENCY_LABELS, FACT_KIND_LABELS, VALUE_LABELS

LANGS = ("ru", "kk", "en")
DEFAULT = "ru"
LANG_NAMES = {"ru": "Русский", "kk": "Қазақша", "en": "English"}

STRINGS: dict[str, dict[str, str]] = {
    "app_title": {"ru": "Маслихат: право местного государственного управления",
                  "kk": "Мәслихат: жергілікті мемлекеттік басқару құқығы",
                  "en": "Maslikhat: the law of local government"},
    "interface_language": {"ru": "Язык интерфейса", "kk": "Интерфейс тілі", "en": "Interface language"},
    "navigation": {"ru": "Раздел", "kk": "Бөлім", "en": "Section"},
    # pages
    "page_search": {"ru": "Поиск", "kk": "Іздеу", "en": "Search"},
    "page_reader": {"ru": "Чтение акта", "kk": "Актіні оқу", "en": "Reader"},
    "page_parallel": {"ru": "RU и KK рядом", "kk": "RU мен KK қатар", "en": "RU and KK side by side"},
    "page_compare": {"ru": "Сравнение", "kk": "Салыстыру", "en": "Compare"},
    "page_competencies": {"ru": "Компетенции", "kk": "Құзыреттер", "en": "Competencies"},
    "page_upload": {"ru": "Добавить документы", "kk": "Құжат қосу", "en": "Add documents"},
    # corpus state
    "no_corpus": {"ru": "Корпус ещё не создан: {path}. Загрузите документы в разделе «Добавить документы» "
                        "или выполните в терминале:",
                  "kk": "Корпус әлі жасалмаған: {path}. Құжаттарды «Құжат қосу» бөлімінде жүктеңіз "
                        "немесе терминалда орындаңыз:",
                  "en": "There is no corpus yet at {path}. Add documents on the “Add documents” page "
                        "or run in a terminal:"},
    "corpus_stats": {"ru": "В корпусе: документов {documents}, редакций {editions}, единиц {units}, ссылок {references}",
                     "kk": "Корпуста: құжат {documents}, редакция {editions}, бірлік {units}, сілтеме {references}",
                     "en": "Corpus: {documents} documents, {editions} editions, {units} units, {references} references"},
    "backend_missing": {"ru": "Эта функция корпуса пока недоступна: {error}",
                        "kk": "Корпустың бұл мүмкіндігі әзірге қолжетімсіз: {error}",
                        "en": "This corpus feature is not available yet: {error}"},
    "not_found": {"ru": "Не найдено: {id}", "kk": "Табылмады: {id}", "en": "Not found: {id}"},
    # search
    "query": {"ru": "Запрос (на русском или казахском)", "kk": "Сұраныс (орыс немесе қазақ тілінде)",
              "en": "Query (Russian or Kazakh)"},
    "query_placeholder": {"ru": "например: депутатский запрос", "kk": "мысалы: депутаттық сауал",
                          "en": "e.g. депутатский запрос"},
    "search_lang": {"ru": "Искать в текстах", "kk": "Мәтіндерде іздеу", "en": "Search texts in"},
    "any_language": {"ru": "обоих языков", "kk": "екі тілде де", "en": "both languages"},
    "facets": {"ru": "Фильтры", "kk": "Сүзгілер", "en": "Filters"},
    "clear_filters": {"ru": "Сбросить фильтры", "kk": "Сүзгілерді алып тастау", "en": "Clear filters"},
    "active_filters": {"ru": "Фильтры: {filters}", "kk": "Сүзгілер: {filters}", "en": "Filters: {filters}"},
    "total_hits": {"ru": "Найдено: {total} ({ms} мс)", "kk": "Табылды: {total} ({ms} мс)",
                   "en": "{total} found ({ms} ms)"},
    "page_of": {"ru": "Страница {page} из {pages}", "kk": "{pages} беттің {page}-беті", "en": "Page {page} of {pages}"},
    "prev": {"ru": "← Назад", "kk": "← Алдыңғы", "en": "← Previous"},
    "next": {"ru": "Дальше →", "kk": "Келесі →", "en": "Next →"},
    "no_hits": {"ru": "Ничего не найдено.", "kk": "Ештеңе табылмады.", "en": "Nothing found."},
    "did_you_mean": {"ru": "Возможно, вы искали:", "kk": "Мүмкін, сіз мынаны іздедіңіз:", "en": "Did you mean:"},
    "unseen_kin": {"ru": "Нет ни в одном документе: {words}; искали и слова с тем же началом: {prefixes}",
                   "kk": "Ешбір құжатта жоқ: {words}; басы бірдей сөздер де ізделді: {prefixes}",
                   "en": "In no document: {words}; words that begin alike were searched too: {prefixes}"},
    "named_act": {"ru": "Запрос называет акт: {title} — его положения выше остальных",
                  "kk": "Сұрау актіні атайды: {title} — оның ережелері алдымен көрсетіледі",
                  "en": "The query names an act: {title} — its provisions come first"},
    "aligned_terms": {"ru": "Переведено по русским и казахским текстам самого корпуса: {pairs}",
                      "kk": "Корпустың өз орысша және қазақша мәтіндері бойынша аударылды: {pairs}",
                      "en": "Translated by the corpus's own aligned Russian and Kazakh texts: {pairs}"},
    "searched_as": {"ru": "Показаны результаты по запросу «{query}» (казахские буквы восстановлены)",
                    "kk": "«{query}» сұрауының нәтижелері көрсетілді (қазақ әріптері қалпына келтірілді)",
                    "en": "Showing results for «{query}» (Kazakh letters restored)"},
    "searched_as_layout": {"ru": "Показаны результаты по запросу «{query}» (набрано в латинской раскладке)",
                           "kk": "«{query}» сұрауының нәтижелері көрсетілді (латын пернетақта тілінде терілген)",
                           "en": "Showing results for «{query}» (typed with the Latin keyboard layout on)"},
    "searched_as_latin": {"ru": "Показаны результаты по запросу «{query}» (прочитано с латиницы)",
                          "kk": "«{query}» сұрауының нәтижелері көрсетілді (латын әліпбиінен оқылды)",
                          "en": "Showing results for «{query}» (read from Latin letters)"},
    "searched_as_spelling": {"ru": "Показаны результаты по запросу «{query}» (исправлена опечатка)",
                             "kk": "«{query}» сұрауының нәтижелері көрсетілді (қате терілген сөз түзетілді)",
                             "en": "Showing results for «{query}» (a typing slip corrected)"},
    "hint_other_language": {"ru": "Попробуйте искать в обоих языках или сформулировать запрос на другом языке.",
                            "kk": "Екі тілде іздеп көріңіз немесе сұранысты басқа тілде жазыңыз.",
                            "en": "Try searching both languages, or phrase the query in the other language."},
    "hint_drop_filter": {"ru": "Попробуйте убрать фильтр: {filters}.",
                         "kk": "Сүзгіні алып тастап көріңіз: {filters}.",
                         "en": "Try dropping a filter: {filters}."},
    "hint_fewer_words": {"ru": "Попробуйте меньше слов или другую форму слова.",
                         "kk": "Сөзді азайтып немесе басқа тұлғада жазып көріңіз.",
                         "en": "Try fewer words or another word form."},
    "query_error": {"ru": "Запрос не удалось выполнить: {error}", "kk": "Сұранысты орындау мүмкін болмады: {error}",
                    "en": "The query could not be run: {error}"},
    "open": {"ru": "Открыть", "kk": "Ашу", "en": "Open"},
    "open_parallel": {"ru": "RU/KK рядом", "kk": "RU/KK қатар", "en": "RU/KK side by side"},
    "cite": {"ru": "Цитирование", "kk": "Дәйексөз", "en": "Citation"},
    "export": {"ru": "Экспорт результатов", "kk": "Нәтижелерді экспорттау", "en": "Export results"},
    "export_csv": {"ru": "Скачать CSV", "kk": "CSV жүктеу", "en": "Download CSV"},
    "export_json": {"ru": "Скачать JSON", "kk": "JSON жүктеу", "en": "Download JSON"},
    "export_note": {"ru": "До {n} результатов, с цитатой для каждого положения.",
                    "kk": "{n} нәтижеге дейін, әр ережеге дәйексөзімен.",
                    "en": "Up to {n} results, each with a citation."},
    # facet names
    "facet_language": {"ru": "Язык", "kk": "Тіл", "en": "Language"},
    "facet_doc_type": {"ru": "Вид документа", "kk": "Құжат түрі", "en": "Document type"},
    "facet_competency": {"ru": "Компетенция", "kk": "Құзырет", "en": "Competency"},
    "facet_issuer_kind": {"ru": "Вид органа", "kk": "Орган түрі", "en": "Issuer kind"},
    "facet_issuer": {"ru": "Орган", "kk": "Орган", "en": "Issuer"},
    "facet_region": {"ru": "Регион", "kk": "Өңір", "en": "Region"},
    "facet_year": {"ru": "Год", "kk": "Жыл", "en": "Year"},
    "facet_status": {"ru": "Статус", "kk": "Мәртебе", "en": "Status"},
    "facet_kind": {"ru": "Вид единицы", "kk": "Бірлік түрі", "en": "Unit kind"},
    # reader
    "choose_document": {"ru": "Документ", "kk": "Құжат", "en": "Document"},
    "contents": {"ru": "Содержание", "kk": "Мазмұны", "en": "Contents"},
    "full_text": {"ru": "Полный текст", "kk": "Толық мәтін", "en": "Full text"},
    "references": {"ru": "Ссылки в тексте", "kk": "Мәтіндегі сілтемелер", "en": "References in the text"},
    "cited_by": {"ru": "Ссылаются сюда", "kk": "Осында сілтеме жасайды", "en": "Cited by"},
    "no_backlinks": {"ru": "В корпусе нет ссылок на это место.", "kk": "Корпуста бұл жерге сілтеме жоқ.",
                     "en": "Nothing in the corpus cites this."},
    "notes": {"ru": "Изменения и примечания", "kk": "Өзгерістер мен ескертулер", "en": "Amendments and notes"},
    "repealed_banner": {"ru": "Акт утратил силу", "kk": "Акт күшін жойды", "en": "This act has been repealed"},
    "repealed_by": {"ru": "утратил силу: {what}", "kk": "күшін жойған акт: {what}", "en": "repealed by {what}"},
    "amended_on": {"ru": "Изменения", "kk": "Өзгерістер", "en": "Amendments"},
    "versions": {"ru": "Редакции", "kk": "Редакциялар", "en": "Editions"},
    "parallel_version": {"ru": "Версия на другом языке", "kk": "Басқа тілдегі нұсқасы", "en": "Other-language version"},
    "parallel_unit": {"ru": "Соответствие на другом языке", "kk": "Басқа тілдегі сәйкесі", "en": "Counterpart in the other language"},
    # a hit found by the query's match in its aligned text (hit["matched_in"], corpus/index/common.via_parallel)
    "matched_parallel": {"ru": "Найдено по тексту на другом языке", "kk": "Басқа тілдегі мәтіні бойынша табылды",
                         "en": "Found by its text in the other language"},
    # the other acts' hits that state a hit's provision word for word (hit["copies"], corpus/index/scoring.copy_groups)
    "also_in": {"ru": "Также в:", "kk": "Мына актілерде де бар:", "en": "Also in:"},
    "meta_requisites": {"ru": "Реквизиты акта", "kk": "Актінің деректемелері", "en": "Particulars of the act"},
    "meta_type": {"ru": "Вид", "kk": "Түрі", "en": "Type"},
    "meta_issuer": {"ru": "Орган", "kk": "Орган", "en": "Issuer"},
    "meta_date": {"ru": "Дата", "kk": "Күні", "en": "Date"},
    "meta_number": {"ru": "Номер", "kk": "Нөмірі", "en": "Number"},
    "meta_joint": {"ru": "Совместный акт с", "kk": "Бірлескен акт", "en": "Joint act with"},
    "meta_registration": {"ru": "Регистрация", "kk": "Тіркеу", "en": "Registration"},
    "meta_status": {"ru": "Статус", "kk": "Мәртебесі", "en": "Status"},
    "meta_language": {"ru": "Язык", "kk": "Тілі", "en": "Language"},
    "meta_source": {"ru": "Файл", "kk": "Файл", "en": "Source file"},
    "external_ref": {"ru": "Акт не в корпусе", "kk": "Акт корпуста жоқ", "en": "Act not in the corpus"},
    "whole_document": {"ru": "Весь документ", "kk": "Бүкіл құжат", "en": "Whole document"},
    "no_documents": {"ru": "В корпусе нет документов.", "kk": "Корпуста құжат жоқ.", "en": "The corpus has no documents."},
    # parallel
    "no_parallel": {"ru": "У этого документа нет версии на другом языке.",
                    "kk": "Бұл құжаттың басқа тілдегі нұсқасы жоқ.",
                    "en": "This document has no other-language version."},
    "discrepancies": {"ru": "Расхождения RU/KK: {n}", "kk": "RU/KK айырмашылықтары: {n}", "en": "RU/KK discrepancies: {n}"},
    "only_bilingual": {"ru": "Двуязычные документы", "kk": "Екі тілді құжаттар", "en": "Bilingual documents"},
    "missing_counterpart": {"ru": "нет соответствия", "kk": "сәйкесі жоқ", "en": "no counterpart"},
    # compare
    "doc_a": {"ru": "Документ A", "kk": "A құжаты", "en": "Document A"},
    "doc_b": {"ru": "Документ B", "kk": "B құжаты", "en": "Document B"},
    "compare_same": {"ru": "Выберите два разных документа.", "kk": "Екі түрлі құжатты таңдаңыз.",
                     "en": "Pick two different documents."},
    "diff_summary": {"ru": "Изменено: {changed}, перемещено: {moved}, добавлено: {added}, удалено: {removed}, без изменений: {same}",
                     "kk": "Өзгерген: {changed}, орны ауысқан: {moved}, қосылған: {added}, алынған: {removed}, өзгеріссіз: {same}",
                     "en": "Changed: {changed}, moved: {moved}, added: {added}, removed: {removed}, unchanged: {same}"},
    "show_unchanged": {"ru": "Показывать неизменённые единицы", "kk": "Өзгермеген бірліктерді көрсету",
                       "en": "Show unchanged units"},
    "status_changed": {"ru": "изменено", "kk": "өзгерді", "en": "changed"},
    "status_added": {"ru": "добавлено", "kk": "қосылды", "en": "added"},
    "status_moved": {"ru": "перемещено", "kk": "орны ауысты", "en": "moved"},
    "status_removed": {"ru": "удалено", "kk": "алынды", "en": "removed"},
    "status_same": {"ru": "без изменений", "kk": "өзгеріссіз", "en": "unchanged"},
    # compare (issue 12): kinds of change, the relation of A and B, jumps, RU/KK findings
    "kind_same": {"ru": "без изменений", "kk": "өзгеріссіз", "en": "same"},
    "kind_reworded": {"ru": "изменена формулировка", "kk": "тұжырымы өзгерген", "en": "reworded"},
    "kind_moved": {"ru": "перемещено", "kk": "орны ауысқан", "en": "moved"},
    "kind_only_a": {"ru": "только в A", "kk": "тек A-да", "en": "only in A"},
    "kind_only_b": {"ru": "только в B", "kk": "тек B-да", "en": "only in B"},
    "kind_changes": {"ru": "все изменения", "kk": "барлық өзгерістер", "en": "all changes"},
    "kind_all": {"ru": "всё", "kk": "барлығы", "en": "everything"},
    "kind_renumbered": {"ru": "другой номер", "kk": "нөмірі басқа", "en": "renumbered"},
    "kind_merged": {"ru": "объединено в B", "kk": "B-да біріктірілген", "en": "merged in B"},
    "cmp_merged_with": {"ru": "в B вместе с {labels}", "kk": "B-да мыналармен бірге: {labels}", "en": "in B together with {labels}"},
    "diff_merged": {"ru": "объединено в B: {n}", "kk": "B-да біріктірілген: {n}", "en": "merged in B: {n}"},
    "kind_split": {"ru": "разделено в B", "kk": "B-да бөлінген", "en": "split in B"},
    "cmp_split_with": {"ru": "в B сказано также в {labels}", "kk": "B-да сондай-ақ мында айтылған: {labels}", "en": "in B also said in {labels}"},
    "diff_split": {"ru": "разделено в B: {n}", "kk": "B-да бөлінген: {n}", "en": "split in B: {n}"},
    "cmp_filter": {"ru": "Показывать", "kk": "Көрсету", "en": "Show"},
    "cmp_two_acts": {"ru": "A — «{a}» / B — «{b}»: два разных акта, пункты сопоставлены по содержанию",
                     "kk": "A — «{a}» / B — «{b}»: екі түрлі акт, тармақтар мазмұны бойынша салыстырылды",
                     "en": "A — «{a}» / B — «{b}»: two different acts, provisions paired by what they say"},
    "cmp_via": {"ru": "Тексты на разных языках сопоставлены через текст «{via}» (тот же акт на языке другого)",
                "kk": "Әр тілдегі мәтіндер «{via}» мәтіні арқылы салыстырылды (сол акт екінші тілде)",
                "en": "The texts in two languages were paired through «{via}» (the same act in the other's language)"},
    "cmp_via_both": {"ru": "Оба акта сопоставлены через их русские тексты «{via}» (казахские тексты переведены каждый отдельно, русские сходятся в словах больше)",
                     "kk": "Екі акт олардың орыс тіліндегі «{via}» мәтіндері арқылы салыстырылды (қазақ мәтіндері әрқайсысы бөлек аударылған, орыс мәтіндерінің сөздері көбірек сәйкес келеді)",
                     "en": "Both acts were paired through their Russian texts «{via}» (the Kazakh texts were each translated apart; the Russian ones share more words)"},
    "cmp_by_number": {"ru": "A — «{a}» / B — «{b}»: пункты сопоставлены по номерам",
                      "kk": "A — «{a}» / B — «{b}»: тармақтар нөмірлері бойынша салыстырылды",
                      "en": "A — «{a}» / B — «{b}»: provisions paired by their numbers"},
    "cmp_editions": {"ru": "Редакции акта «{title}»: A — редакция {va}, B — редакция {vb}",
                     "kk": "«{title}» актісінің редакциялары: A — {va}-редакция, B — {vb}-редакция",
                     "en": "Editions of «{title}»: A — edition {va}, B — edition {vb}"},
    "cmp_languages": {"ru": "Русский и казахский тексты акта «{title}»",
                      "kk": "«{title}» актісінің орыс және қазақ мәтіндері",
                      "en": "The Russian and Kazakh texts of «{title}»"},
    "cmp_first_change": {"ru": "К первому изменению", "kk": "Бірінші өзгеріске", "en": "Go to the first change"},
    "cmp_n_changes": {"ru": "изменений: {n}", "kk": "өзгерістер: {n}", "en": "{n} changes"},
    "cmp_next": {"ru": "следующее", "kk": "келесі", "en": "next"},
    "cmp_prev": {"ru": "предыдущее", "kk": "алдыңғы", "en": "previous"},
    "disc_only_in_a": {"ru": "есть только в A", "kk": "тек A-да бар", "en": "only in A"},
    "disc_only_in_b": {"ru": "есть только в B", "kk": "тек B-да бар", "en": "only in B"},
    "disc_numbers_differ": {"ru": "разные числа", "kk": "сандар әртүрлі", "en": "numbers differ"},
    "disc_dates_differ": {"ru": "разные даты", "kk": "күндер әртүрлі", "en": "dates differ"},
    "disc_times_differ": {"ru": "разное время", "kk": "уақыт әртүрлі", "en": "times differ"},
    "disc_amounts_differ": {"ru": "разные суммы", "kk": "сомалар әртүрлі", "en": "amounts differ"},
    "disc_order_differs": {"ru": "другой порядок перечня", "kk": "тізім реті басқа", "en": "list order differs"},
    # competencies
    "competency": {"ru": "Компетенция", "kk": "Құзырет", "en": "Competency"},
    "provisions_found": {"ru": "Положений: {n} в актах: {acts}", "kk": "Ережелер: {n}, актілер: {acts}",
                         "en": "{n} provisions in {acts} acts"},
    "by_doc_type": {"ru": "По видам документов", "kk": "Құжат түрлері бойынша", "en": "By document type"},
    "by_year": {"ru": "По годам", "kk": "Жылдар бойынша", "en": "By year"},
    "most_cited": {"ru": "Самые цитируемые акты", "kk": "Ең көп сілтеме жасалған актілер", "en": "Most-cited acts"},
    "citations": {"ru": "Ссылок", "kk": "Сілтемелер", "en": "Citations"},
    "count": {"ru": "Количество", "kk": "Саны", "en": "Count"},
    "nothing_cited": {"ru": "Ссылок на внешние акты пока нет.", "kk": "Сыртқы актілерге сілтеме әзірге жоқ.",
                      "en": "No citations of outside acts yet."},
    # upload
    "upload_files": {"ru": "Файлы (txt, html, docx, pdf …)", "kk": "Файлдар (txt, html, docx, pdf …)",
                     "en": "Files (txt, html, docx, pdf …)"},
    "upload_limit": {"ru": "Не больше {mb} МБ на файл; файлы, которые не удалось прочитать, попадают в карантин с причиной.",
                     "kk": "Әр файл {mb} МБ-тан аспауы керек; оқылмаған файлдар себебімен карантинге түседі.",
                     "en": "At most {mb} MB per file; files that cannot be read are quarantined with a reason."},
    "ingest_button": {"ru": "Добавить в корпус", "kk": "Корпусқа қосу", "en": "Add to the corpus"},
    "ingesting": {"ru": "Обработка файлов…", "kk": "Файлдар өңделуде…", "en": "Processing files…"},
    "ingest_done": {"ru": "Готово: добавлено документов {added}, без изменений {unchanged}, в карантине {quarantined}, отклонено {rejected}",
                    "kk": "Дайын: қосылған құжат {added}, өзгеріссіз {unchanged}, карантинде {quarantined}, қабылданбаған {rejected}",
                    "en": "Done: {added} documents added, {unchanged} unchanged, {quarantined} quarantined, {rejected} rejected"},
    "outcome_ingested": {"ru": "добавлен", "kk": "қосылды", "en": "ingested"},
    "outcome_unchanged": {"ru": "уже в корпусе", "kk": "корпуста бар", "en": "already in the corpus"},
    "outcome_same_as": {"ru": "тот же текст, что", "kk": "мәтіні бірдей:", "en": "same text as"},
    "outcome_metadata": {"ru": "метаданные акта (meta.yaml)", "kk": "актінің метадеректері (meta.yaml)",
                         "en": "act metadata (meta.yaml)"},
    "outcome_quarantined": {"ru": "карантин", "kk": "карантин", "en": "quarantined"},
    "outcome_too_large": {"ru": "слишком большой", "kk": "тым үлкен", "en": "too large"},
    "outcome_failed": {"ru": "ошибка", "kk": "қате", "en": "failed"},
    "file": {"ru": "Файл", "kk": "Файл", "en": "File"},
    "outcome": {"ru": "Результат", "kk": "Нәтиже", "en": "Outcome"},
    "detail": {"ru": "Подробности", "kk": "Толығырақ", "en": "Detail"},
    "quarantine_list": {"ru": "Карантин корпуса ({n})", "kk": "Корпус карантині ({n})", "en": "Corpus quarantine ({n})"},
    "too_large_detail": {"ru": "{size} МБ больше предела {mb} МБ", "kk": "{size} МБ шектен ({mb} МБ) асады",
                         "en": "{size} MB exceeds the {mb} MB limit"},
    # issue 13 (app): phones, browsing, query errors, uploads, competencies list, citations
    "show_filters": {"ru": "Фильтры ({n})", "kk": "Сүзгілер ({n})", "en": "Filters ({n})"},
    "show_filters_none": {"ru": "Фильтры", "kk": "Сүзгілер", "en": "Filters"},
    "browse_all": {"ru": "Все единицы корпуса по порядку: {total}", "kk": "Корпустың барлық бірліктері ретімен: {total}",
                   "en": "All units of the corpus in order: {total}"},
    "hint_phrase_other": {"ru": "Попробуйте сформулировать запрос на другом языке (русском или казахском).",
                          "kk": "Сұранысты басқа тілде (орыс не қазақ тілінде) жазып көріңіз.",
                          "en": "Try phrasing the query in the other language (Russian or Kazakh)."},
    "q_unbalanced_quote": {"ru": "кавычка открыта, но не закрыта", "kk": "тырнақша ашылған, бірақ жабылмаған",
                           "en": "a quote is opened but never closed"},
    "q_close_paren": {"ru": "закрывающая скобка «)» без открывающей", "kk": "«)» жақшасының ашылатын жұбы жоқ",
                      "en": "a ')' without a matching '('"},
    "q_open_paren": {"ru": "скобка «(» не закрыта", "kk": "«(» жақшасы жабылмаған", "en": "a '(' is never closed"},
    "q_needs_both": {"ru": "{op} требует слова с обеих сторон", "kk": "{op} екі жағынан да сөз керек",
                     "en": "{op} needs a term on both sides"},
    "q_needs_after": {"ru": "после {op} нужно слово", "kk": "{op} кейін сөз керек", "en": "{op} needs a term after it"},
    "q_empty_group": {"ru": "в скобках ничего нет", "kk": "жақша ішінде ештеңе жоқ", "en": "nothing inside the parentheses"},
    "q_ends_early": {"ru": "запрос обрывается", "kk": "сұраныс толық емес", "en": "the query ends too early"},
    "q_prefix_short": {"ru": "«{token}»: перед * нужно несколько букв", "kk": "«{token}»: * алдында бірнеше әріп керек",
                       "en": "“{token}”: write a few letters before *"},
    "q_prefix_inside": {"ru": "«{token}»: * может стоять только в конце слова", "kk": "«{token}»: * тек сөздің соңында тұра алады",
                        "en": "“{token}”: * may only end a word"},
    "q_unexpected": {"ru": "неожиданное «{token}»", "kk": "күтпеген «{token}»", "en": "unexpected “{token}”"},
    "q_unknown_language": {"ru": "неизвестный язык «{value}» (есть ru и kk)", "kk": "белгісіз тіл «{value}» (ru және kk бар)",
                           "en": "unknown language “{value}” (ru and kk exist)"},
    "q_unknown_value": {"ru": "у фильтра «{facet}» нет значения «{value}»", "kk": "«{facet}» сүзгісінде «{value}» мәні жоқ",
                        "en": "the filter “{facet}” has no value “{value}”"},
    "q_bad_year": {"ru": "год «{value}»: нужны четыре цифры, например 2014", "kk": "«{value}» жылы: төрт цифр керек, мысалы 2014",
                   "en": "year “{value}”: four digits expected, e.g. 2014"},
    "q_unknown_facet": {"ru": "неизвестный фильтр «{facet}»", "kk": "белгісіз сүзгі «{facet}»", "en": "unknown filter “{facet}”"},
    "q_generic": {"ru": "запрос не удалось разобрать; проверьте кавычки, скобки и операторы",
                  "kk": "сұранысты талдау мүмкін болмады; тырнақша, жақша мен операторларды тексеріңіз",
                  "en": "the query could not be parsed; check quotes, parentheses and operators"},
    "upload_drop": {"ru": "Перетащите файлы сюда", "kk": "Файлдарды осында сүйреңіз", "en": "Drag and drop files here"},
    "upload_browse": {"ru": "Выбрать файлы", "kk": "Файлдарды таңдау", "en": "Browse files"},
    "upload_each_limit": {"ru": "до {mb} МБ на файл", "kk": "әр файл {mb} МБ-қа дейін", "en": "up to {mb} MB per file"},
    "open_document": {"ru": "Открыть", "kk": "Ашу", "en": "Open"},
    "documents_made": {"ru": "Документы", "kk": "Құжаттар", "en": "Documents"},
    "all_values": {"ru": "все", "kk": "барлығы", "en": "all"},
    "comp_filter_lang": {"ru": "Язык", "kk": "Тіл", "en": "Language"},
    "comp_filter_act": {"ru": "Акт", "kk": "Акт", "en": "Act"},
    "comp_filter_type": {"ru": "Вид документа", "kk": "Құжат түрі", "en": "Document type"},
    "comp_shown": {"ru": "Показано положений: {n} из {total}", "kk": "Көрсетілген ережелер: {total} ішінен {n}",
                   "en": "{n} of {total} provisions shown"},
    "comp_col_act": {"ru": "Акт", "kk": "Акт", "en": "Act"},
    "comp_col_unit": {"ru": "Единица", "kk": "Бірлік", "en": "Unit"},
    "comp_col_text": {"ru": "Текст", "kk": "Мәтін", "en": "Text"},
    "comp_col_link": {"ru": "Ссылка", "kk": "Сілтеме", "en": "Link"},
    "comp_by_act": {"ru": "По актам", "kk": "Актілер бойынша", "en": "By act"},
    "where_in_act": {"ru": "Где в акте", "kk": "Актідегі орны", "en": "Where in the act"},
}

# --- issue 15: the facts page and facts in search hits (one block of keys, all prefixed facts_) ---
STRINGS.update({
    "page_facts": {"ru": "Сроки и кворумы", "kk": "Мерзімдер мен кворумдар", "en": "Deadlines and quorums"},
    "facts_kind": {"ru": "Что сравнить", "kk": "Нені салыстыру", "en": "What to compare"},
    "facts_subject": {"ru": "О чём", "kk": "Неге қатысты", "en": "About"},
    "facts_all_subjects": {"ru": "все", "kk": "барлығы", "en": "all"},
    "facts_intro": {"ru": "Значение в каждом акте корпуса, по-русски и по-казахски, со ссылкой на норму.",
                    "kk": "Корпустағы әр актідегі мәні, орысша және қазақша, нормаға сілтемесімен.",
                    "en": "The value in each act of the corpus, in Russian and Kazakh, linked to its provision."},
    "facts_none": {"ru": "В корпусе нет таких норм.", "kk": "Корпуста мұндай нормалар жоқ.",
                   "en": "No provision in the corpus states this."},
    "facts_act": {"ru": "Акт", "kk": "Акт", "en": "Act"},
    "facts_ru": {"ru": "Русский текст", "kk": "Орыс тіліндегі мәтін", "en": "Russian text"},
    "facts_kk": {"ru": "Казахский текст", "kk": "Қазақ тіліндегі мәтін", "en": "Kazakh text"},
    "facts_differ": {"ru": "RU и KK различаются", "kk": "RU мен KK сәйкес емес", "en": "RU and KK differ"},
    "facts_missing": {"ru": "нет", "kk": "жоқ", "en": "none"},
    "facts_acts_count": {"ru": "Актов: {n}", "kk": "Актілер: {n}", "en": "Acts: {n}"},
    "facts_against": {"ru": "Сравнение с вышестоящим актом", "kk": "Жоғары тұрған актімен салыстыру",
                      "en": "Against the higher act"},
    "facts_against_intro": {"ru": "Норма, которая ссылается на вышестоящий акт, и то же значение в нём. Отметка «различается» — повод прочитать обе нормы, а не вывод.",
                            "kk": "Жоғары тұрған актіге сілтейтін норма және ондағы сол мән. «Сәйкес емес» белгісі — екі норманы да оқуға себеп, қорытынды емес.",
                            "en": "A provision that relies on a higher act, beside the same value there. “Differs” is a reason to read both provisions, not a verdict."},
    "facts_higher": {"ru": "Вышестоящий акт", "kk": "Жоғары тұрған акт", "en": "Higher act"},
    "facts_differs": {"ru": "различается", "kk": "сәйкес емес", "en": "differs"},
    "facts_same": {"ru": "совпадает", "kk": "сәйкес", "en": "same"},
    "facts_in_hit": {"ru": "{kind}: {value}", "kk": "{kind}: {value}", "en": "{kind}: {value}"},
    "facts_rel_within": {"ru": "не позднее", "kk": "кешіктірмей", "en": "within"},
    "facts_rel_at_least_before": {"ru": "не позднее чем за", "kk": "кемінде … бұрын:", "en": "at least, before:"},
    "facts_rel_before": {"ru": "за", "kk": "бұрын:", "en": "before:"},
    "facts_rel_after": {"ru": "через", "kk": "кейін:", "en": "after:"},
    "facts_rel_at_least": {"ru": "не менее", "kk": "кемінде", "en": "at least"},
    "facts_rel_at_most": {"ru": "не более", "kk": "аспайтын", "en": "at most"},
    "facts_rel_more_than": {"ru": "более", "kk": "астам", "en": "more than"},
    "facts_unit_D": {"ru": "дн.", "kk": "күн", "en": "days"},
    "facts_unit_W": {"ru": "нед.", "kk": "апта", "en": "weeks"},
    "facts_unit_M": {"ru": "мес.", "kk": "ай", "en": "months"},
    "facts_unit_Y": {"ru": "г.", "kk": "жыл", "en": "years"},
    "facts_unit_H": {"ru": "ч.", "kk": "сағат", "en": "hours"},
    "facts_working": {"ru": "рабочих", "kk": "жұмыс", "en": "working"},
    "facts_calendar": {"ru": "календарных", "kk": "күнтізбелік", "en": "calendar"},
    "facts_times_per": {"ru": "{n} раз(а) в {period}", "kk": "{period} сайын {n} рет", "en": "{n} times per {period}"},
    "facts_base_total": {"ru": "от общего числа", "kk": "жалпы санынан", "en": "of the total number"},
    "facts_base_present": {"ru": "от присутствующих", "kk": "қатысып отырғандардан", "en": "of those present"},
    "facts_base_elected": {"ru": "от избранных", "kk": "сайланғандардан", "en": "of those elected"},
    "facts_base_established": {"ru": "от установленного числа", "kk": "белгіленген саннан", "en": "of the set number"},
    "facts_base_registered": {"ru": "от зарегистрированных", "kk": "тіркелгендерден", "en": "of those registered"},
    "facts_base_members": {"ru": "от членов", "kk": "мүшелерден", "en": "of the members"},
    "facet_fact": {"ru": "Содержит срок, кворум…", "kk": "Мерзім, кворум бар", "en": "States a deadline, quorum…"},
})

# Labels of facet values (languages, statuses, doc types, issuer kinds, unit kinds, competencies)
# are listed once, in core/data/taxonomy.yaml, and reach the app through the corpus API; anything
# not listed is shown as it comes.
VALUES: dict[str, dict[str, dict[str, str]]] = VALUE_LABELS
VALUES.setdefault("fact", FACT_KIND_LABELS)   # issue 15: labels of the «fact» facet

DISCREPANCIES: dict[str, dict[str, str]] = {
    "only_in_a": {"ru": "есть только в первом тексте", "kk": "тек бірінші мәтінде бар", "en": "only in the first text"},
    "only_in_b": {"ru": "есть только во втором тексте", "kk": "тек екінші мәтінде бар", "en": "only in the second text"},
    "dates_differ": {"ru": "даты различаются", "kk": "күндер сәйкес емес", "en": "dates differ"},
    "amounts_differ": {"ru": "суммы различаются", "kk": "сомалар сәйкес емес", "en": "amounts differ"},
    "numbers_differ": {"ru": "числа различаются", "kk": "сандар сәйкес емес", "en": "numbers differ"},
    "references_differ": {"ru": "ссылки различаются", "kk": "сілтемелер сәйкес емес", "en": "references differ"},
    "order_differs": {"ru": "другой порядок подпунктов", "kk": "тармақшалар реті басқа", "en": "subpoints in another order"},
}

COMPETENCIES: dict[str, dict[str, str]] = COMPETENCY_LABELS     # domain.md §6, in ru/kk/en


def norm_ui(ui: str | None) -> str:
    return ui if ui in LANGS else DEFAULT


def t(key: str, ui: str, **kw) -> str:
    """The interface string ``key`` in ``ui``; falls back to Russian, then to the key itself."""
    entry = STRINGS.get(key, {})
    s = entry.get(norm_ui(ui)) or entry.get(DEFAULT) or key
    return s.format(**kw) if kw else s


def value_label(facet: str, value: str, ui: str) -> str:
    if facet == "competency":
        return competency_label(value, ui)
    if facet in ("issuer", "region"):          # canonical body/place ids (core/places.py)
        from maslihat.core.places import label
        return label(str(value), norm_ui(ui)) or str(value)
    entry = VALUES.get(facet, {}).get(str(value))
    return entry.get(norm_ui(ui), str(value)) if entry else str(value)


def competency_codes() -> list[str]:
    return list(COMPETENCIES)


def competency_label(code: str, ui: str) -> str:
    return COMPETENCIES.get(code, {}).get(norm_ui(ui), code)


_UNIT_REF = re.compile(r"^(section|chapter|subchapter|article|point|subpoint|part|paragraph|appendix)\s+(\S+)$")


def unit_ref(token: str, ui: str) -> str:
    """An amended unit as the corpus names it ('chapter 1', '122') -> 'глава 1', 'пункт 122' / '1-тарау'."""
    m = _UNIT_REF.match(token.strip())
    kind, num = (m.group(1), m.group(2)) if m else (("point", token.strip()) if token.strip().isdigit() else (None, token))
    if kind is None:
        return token
    word = value_label("kind", kind, ui)
    return f"{num}-{word}" if norm_ui(ui) == "kk" else f"{word} {num}"
