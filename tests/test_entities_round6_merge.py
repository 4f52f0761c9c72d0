"""Cross-document merges of names across scripts and of their short forms, and the names
kept apart: Palladius and Korean transcriptions, double surnames, a name before a particle,
family names written first, unknown places in two scripts."""

from __future__ import annotations

import pytest

from dossier.model import Document, Entity, Mention
from dossier.nlp.entities import EntityStage
from dossier.nlp.sentences import SentenceStage
from dossier.resolve.entities import resolve_entities


def doc(doc_id: str, text: str, language: str) -> Document:
    """A document run through sentence splitting and the entity stage."""
    d = Document(id=doc_id, source=doc_id, text=text, language=language)
    return EntityStage()(SentenceStage()(d))


def holders(entities: list[Entity], forms: list[str]) -> set[str]:
    """Ids of the entities holding each form (a form nobody holds fails the test)."""
    out = set()
    for f in forms:
        hit = [e.id for e in entities if f in e.aliases]
        assert hit, f"{f} not found in {[e.aliases for e in entities]}"
        out.update(hit)
    return out


def merged(texts: list[tuple[str, str]], forms: list[str]) -> bool:
    """Whether the forms land on one entity after resolving the texts as documents."""
    entities = resolve_entities([doc(f"d{i}", t, lang) for i, (lang, t) in enumerate(texts)])
    return len(holders(entities, forms)) == 1


@pytest.mark.parametrize(("forms", "texts"), [
    # Palladius Cyrillic of a Chinese name, in Russian and Kazakh, and pinyin
    (["Ван Хунбо", "Wang Hongbo"], [
        ("ru", "Вице-премьер Госсовета КНР Ван Хунбо провёл переговоры в Астане."),
        ("en", "Chinese Vice Premier Wang Hongbo held talks in Astana."),
    ]),
    (["Чжан Минцзе", "Zhang Mingjie"], [
        ("kk", "ҚХР Сауда министрі Чжан Минцзе Астанаға келді."),
        ("it", "Il ministro cinese Zhang Mingjie è arrivato ad Astana."),
    ]),
    # Korean names in Russian (Kontsevich) and in English
    (["Ким Сон Хо", "Kim Sung-ho"], [
        ("ru", "Министр Ким Сон Хо заявил, что переговоры прошли успешно."),
        ("en", "Minister Kim Sung-ho said the talks had gone well."),
    ]),
])
def test_transcriptions_across_scripts_merge(forms: list[str],
                                            texts: list[tuple[str, str]]) -> None:
    assert merged(texts, forms)


@pytest.mark.parametrize(("first", "second"), [
    (("en", "Minister Ivan Petrov arrived in Astana."),
     ("ru", "Министр Иван Павлов прибыл в Астану.")),
    (("en", "Minister Ivan Petrov arrived in Astana."),
     ("en", "Minister Ivan Pavlov arrived in Astana.")),
    (("en", "Vice Premier Wang Hongbo spoke."), ("ru", "Вице-премьер Ван Хунли выступил.")),
    (("en", "Minister Kim Sung-ho spoke."), ("ru", "Министр Ким Сон Ён выступил.")),
])
def test_different_people_stay_apart(first: tuple[str, str], second: tuple[str, str]) -> None:
    entities = resolve_entities([doc("a", first[1], first[0]), doc("b", second[1], second[0])])
    assert len([e for e in entities if e.type == "person"]) == 2


@pytest.mark.parametrize(("forms", "texts"), [
    (["Lucía Fernández Ortega", "Lucía Fernández", "Fernández"], [
        ("es", "La ministra Lucía Fernández Ortega llegó a Madrid."),
        ("en", "Minister Lucía Fernández arrived in Madrid."),
        ("it", "Poi, secondo Fernández, l'accordo è vicino."),
    ]),
])
def test_double_surname_and_first_surname_merge(forms: list[str],
                                                texts: list[tuple[str, str]]) -> None:
    assert merged(texts, forms)


@pytest.mark.parametrize(("forms", "texts"), [
    (["José Eduardo Nino da Costa", "Nino"], [
        ("pt", "O presidente José Eduardo Nino da Costa discursou em Luanda."),
        ("it", "Ieri, ha detto Nino, l'accordo è stato firmato."),
    ]),
])
def test_name_before_a_particle_is_a_short_form(forms: list[str],
                                                texts: list[tuple[str, str]]) -> None:
    assert merged(texts, forms)


@pytest.mark.parametrize(("forms", "texts"), [
    (["Park Sung-ho", "Park"], [
        ("en", "Minister Park Sung-ho arrived in Astana on Monday."),
        ("en", "The talks went well, Park said after the meeting."),
    ]),
    (["Wang Hongbo", "Wang"], [
        ("en", "Vice Premier Wang Hongbo arrived in Astana on Monday."),
        ("en", "The talks went well, Wang said after the meeting."),
    ]),
])
def test_family_name_written_first_is_the_short_form(forms: list[str],
                                                     texts: list[tuple[str, str]]) -> None:
    assert merged(texts, forms)


def test_given_name_written_first_is_no_short_form() -> None:
    entities = resolve_entities([
        doc("a", "Minister Mark Halloway arrived in Ottawa.", "en"),
        doc("b", "The talks went well, Mark said after the meeting.", "en")])
    mark = [e for e in entities if "Mark" in e.aliases]
    assert not mark or "Mark Halloway" not in mark[0].aliases


@pytest.mark.parametrize(("forms", "texts"), [
    (["Emilio Quenteros", "Quenteros"], [
        ("es", "El presidente Emilio Quenteros habló en Lima."),
        ("en", "Hailing the deal, Quenteros thanked the workers."),
    ]),
])
def test_untyped_word_that_is_a_surname_joins_the_person(forms: list[str],
                                                        texts: list[tuple[str, str]]) -> None:
    entities = resolve_entities([doc(f"d{i}", t, lang) for i, (lang, t) in enumerate(texts)])
    assert len(holders(entities, forms)) == 1


@pytest.mark.parametrize(("forms", "texts"), [
    (["Сарыағаш", "Сарыагаш", "Saryagash"], [
        ("kk", "Жаңа терминал Сарыағаш маңында салынады."),
        ("ru", "Новый терминал построят под Сарыагаш."),
        ("en", "The new terminal is being built near Saryagash, he said."),
    ]),
    (["Qarabağ", "Карабах"], [
        ("tr", "Şirketler Qarabağ bölgesinde yeni yollar inşa ediyor."),
        ("ru", "Компании строят новые дороги, сообщил Карабах сегодня."),
    ]),
])
def test_unknown_places_in_two_scripts_merge_on_sound(forms: list[str],
                                                      texts: list[tuple[str, str]]) -> None:
    assert merged(texts, forms)


def test_unknown_places_in_one_script_stay_apart() -> None:
    entities = resolve_entities([
        doc("a", "The new depot opens in Bakhty next week.", "en"),
        doc("b", "The new depot opens in Bakta next year, said the mayor.", "en")])
    assert not any({"Bakhty", "Bakta"} <= set(e.aliases) for e in entities)


@pytest.mark.parametrize(("language", "texts", "lemma"), [
    ("ru", ["Президент Турции Реджеп Тайип Эрдоган прибыл. По словам Эрдогана, всё хорошо."],
     "Эрдоган"),
])
def test_declined_lone_surname_gets_its_base_form(language: str, texts: list[str],
                                                  lemma: str) -> None:
    entities = resolve_entities([doc(f"d{i}", t, language) for i, t in enumerate(texts)])
    assert any(lemma in e.aliases and e.type == "person" for e in entities)


def _typed(doc_id: str, language: str, text: str, typ: str, key: str) -> Document:
    """A document with one mention as a recogniser would give it."""
    d = Document(id=doc_id, source=doc_id, text=text, language=language)
    d.mentions = [Mention(start=0, end=len(text), text=text, type=typ, key=key)]  # type: ignore[arg-type]
    return d


@pytest.mark.parametrize(("language", "text", "key"), [
    ("de", "Chorgos", "place:chorgos"),  # German ch, as in Bachty, Tschimkent
    ("ru", "Хоргоса", "other:khorgosa"),  # a declined form the shape layer left untyped
])
def test_respelled_and_undeclined_place_forms_merge(language: str, text: str, key: str) -> None:
    docs = [_typed("a", "kk", "Қорғас", "place", "place:qorghas"),
            _typed("b", language, text, "place" if key.startswith("place") else "other", key)]
    entities = resolve_entities(docs)
    assert len(entities) == 1 and entities[0].type == "place"


def test_declined_place_takes_its_base_form_when_it_merges() -> None:
    docs = [doc("a", "Şirketler Qarabağ bölgesinde yeni yollar inşa ediyor.", "tr"),
            doc("b", "Компании участвуют в восстановлении Карабаха, сообщил министр.", "ru")]
    place = next(e for e in resolve_entities(docs) if "Qarabağ" in e.aliases)
    assert "Карабаха" in place.aliases and "Карабах" in place.aliases


@pytest.mark.parametrize(("language", "text", "base"), [
    ("ru", "Министр встретился с делегацией Турецкой Республики.", "Турецкая Республика"),
    ("kk", "Тоқаев Корея Республикасына мемлекеттік сапармен келді.", "Корея Республикасы"),
])
def test_declined_country_name_has_its_base_form_as_alias(language: str, text: str,
                                                          base: str) -> None:
    entities = resolve_entities([doc("a", text, language)])
    assert any(base in e.aliases for e in entities if e.type == "country")


def test_dotted_abbreviation_keeps_its_last_full_stop_as_alias() -> None:
    entities = resolve_entities([doc("a", "Tariffs imposed by U.S. President Donald Trump "
                                          "hurt exports.", "en")])
    us = next(e for e in entities if "country:US" in e.keys)
    assert "U.S." in us.aliases


@pytest.mark.parametrize(("person", "word"), [
    ("Nova Indústria", "Industry"),  # a spelling near a surname is no surname
    ("Ham Petrol Boru", "Petrol"),  # the first of two surnames is no short form of a word
])
def test_untyped_word_near_a_surname_stays_apart(person: str, word: str) -> None:
    docs = [_typed("a", "pt", person, "person", "person:" + person.lower()),
            _typed("b", "en", word, "other", "other:" + word.lower())]
    assert len(resolve_entities(docs)) == 2


def test_place_matching_with_its_own_form_takes_no_cut_alias() -> None:
    docs = [_typed("a", "kk", "Бақты", "other", "other:baqty"),
            _typed("b", "ru", "Бахты", "other", "other:bakhty")]
    [place] = resolve_entities(docs)
    assert set(place.aliases) == {"Бақты", "Бахты"}
