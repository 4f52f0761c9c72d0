"""Cross-document resolution: one entity per real-world thing across languages and scripts."""

from __future__ import annotations

import pytest

from dossier.model import Document, Entity, Mention
from dossier.nlp.entities import EntityStage
from dossier.nlp.sentences import SentenceStage
from dossier.resolve.entities import entity_id, entity_index, resolve_entities


def doc(doc_id: str, text: str, language: str) -> Document:
    """A document run through sentence splitting and the entity stage."""
    d = Document(id=doc_id, source=doc_id, text=text, language=language)
    return EntityStage()(SentenceStage()(d))


def entity_of(entities: list[Entity], alias: str) -> Entity:
    """The entity holding ``alias``."""
    return next(e for e in entities if alias in e.aliases)


@pytest.mark.parametrize(("forms", "language_texts"), [
    (["Tokayev", "Toqaev", "Tokáyev", "Tokaïev", "Токаев", "Тоқаев"], [
        ("en", "Kazakh President Kassym-Jomart Tokayev spoke. Tokayev said so."),
        ("pt", "O presidente Qasym-Zhomart Toqaev falou. Toqaev disse isso."),
        ("es", "El presidente Kasim-Yomart Tokáyev habló. Tokáyev dijo eso."),
        ("fr", "Le président Kassym-Jomart Tokaïev a parlé. Tokaïev a déclaré cela."),
        ("ru", "Президент Касым-Жомарт Токаев выступил. Токаев заявил это."),
        ("kk", "Президент Қасым-Жомарт Тоқаев сөйледі. Тоқаев деді."),
    ]),
    (["Mosca", "Moscou", "Moskau", "Москве", "Moscow"], [
        ("it", "Il vertice si è svolto a Mosca ieri."),
        ("fr", "Le sommet a eu lieu à Moscou hier."),
        ("de", "Der Gipfel fand gestern in Moskau statt."), ("ru", "Саммит прошёл в Москве."),
        ("en", "The summit took place in Moscow yesterday."),
    ]),
    (["EAEU", "UEE", "União Econômica da Eurásia", "ЕАЭС"], [
        ("en", "The EAEU met in Astana."), ("it", "La UEE si è riunita ad Astana."),
        ("pt", "A União Econômica da Eurásia reuniu-se em Astana."),
        ("ru", "ЕАЭС провёл заседание в Астане."),
    ]),
    (["Cazaquistão", "Kazakistan", "Kazajistán", "Kasachstan", "Казахстан", "Қазақстан"], [
        ("pt", "Ele visitou o Cazaquistão."), ("it", "Ha visitato il Kazakistan."),
        ("es", "Visitó Kazajistán."), ("de", "Er besuchte Kasachstan."),
        ("ru", "Он посетил Казахстан."), ("kk", "Ол Қазақстан елін аралады."),
    ]),
])
def test_resolve_entities_merges_across_scripts(forms: list[str],
                                                language_texts: list[tuple[str, str]]) -> None:
    docs = [doc(f"d{i}", text, lang) for i, (lang, text) in enumerate(language_texts)]
    entities = resolve_entities(docs)
    holders = {entity_of(entities, f).id for f in forms if any(f in e.aliases for e in entities)}
    assert len(holders) == 1
    assert all(any(f in e.aliases for e in entities) for f in forms)


@pytest.mark.parametrize(("first", "second"), [
    ("John Smith spoke in Astana.", "Jane Smith spoke in Almaty."),
    ("Ivan Petrov met the minister.", "Sergei Petrov met the minister."),
])
def test_resolve_entities_keeps_different_first_names_apart(first: str, second: str) -> None:
    entities = resolve_entities([doc("a", first, "en"), doc("b", second, "en")])
    persons = [e for e in entities if e.type == "person"]
    assert len(persons) == 2


@pytest.mark.parametrize(("full", "short"), [
    ("Russian President Vladimir Putin arrived.", "Putin said the talks were useful."),
    ("Foreign Minister Sergei Lavrov arrived.", "Lavrov said the talks were useful."),
])
def test_resolve_entities_surname_joins_unique_full_name(full: str, short: str) -> None:
    entities = resolve_entities([doc("a", full, "en"), doc("b", "Later, " + short, "en")])
    persons = [e for e in entities if e.type == "person"]
    assert len(persons) == 1 and persons[0].documents == ["a", "b"]


@pytest.mark.parametrize("language", ["en"])
def test_resolve_entities_ambiguous_surname_stays_apart(language: str) -> None:
    docs = [doc("a", "John Smith spoke.", language), doc("b", "Jane Smith spoke.", language),
            doc("c", "Later, President Smith spoke.", language)]
    persons = [e for e in resolve_entities(docs) if e.type == "person"]
    assert len(persons) == 3


@pytest.mark.parametrize(("key", "name"), [("country:RU", "Russia"), ("place:524901", "Moscow"),
                                           ("org:eaeu", "Eurasian Economic Union")])
def test_resolve_entities_canonical_english_name(key: str, name: str) -> None:
    d = Document(id="d", source="d", text="x", language="en")
    d.mentions = [Mention(start=0, end=1, text="x", type="place", key=key)]
    [entity] = resolve_entities([d])
    assert entity.name == name and entity.id == entity_id(entity.type, name)


@pytest.mark.parametrize("language", ["it"])
def test_resolve_entities_demonym_is_not_an_alias(language: str) -> None:
    entities = resolve_entities([doc("a", "Il Presidente kazako ha parlato.", language)])
    kz = next(e for e in entities if "country:KZ" in e.keys)
    assert "kazako" not in kz.aliases and "kazako" in kz.related["demonyms"]


@pytest.mark.parametrize("language", ["en"])
def test_resolve_entities_index_maps_every_key(language: str) -> None:
    docs = [doc("a", "Vladimir Putin visited Astana. Putin met Tokayev.", language)]
    entities = resolve_entities(docs)
    index = entity_index(entities)
    assert {m.key for m in docs[0].mentions} <= set(index)
    assert set(index.values()) <= {e.id for e in entities}
