"""Country and region names the press writes and the base CLDR names miss: official names
filed under an inverted key, compass names of macro-regions, case forms of multi-word names
in Russian and Kazakh, domestic initialisms; and a country never read as a person."""

from __future__ import annotations

import pytest

from dossier.model import Document, Mention
from dossier.nlp.entities import EntityStage
from dossier.nlp.sentences import SentenceStage


def mentions(text: str, language: str) -> list[Mention]:
    """Mentions of a text run through sentence splitting and the entity stage."""
    d = Document(id="d", source="d", text=text, language=language)
    return EntityStage()(SentenceStage()(d)).mentions


def found(text: str, language: str, surface: str) -> Mention:
    """The mention whose text is ``surface`` (the test fails when there is none)."""
    hits = [m for m in mentions(text, language) if m.text == surface]
    assert hits, f"{surface!r} not found in {[m.text for m in mentions(text, language)]}"
    return hits[0]


@pytest.mark.parametrize(("language", "text", "surface"), [
    ("kk", "Корея Республикасы Қазақстанның маңызды серіктесі болып қала береді.",
     "Корея Республикасы"),
    ("kk", "Делегация кеше Корея Республикасына ресми сапармен барды.", "Корея Республикасына"),
    ("tr", "Bakan, Kore Cumhuriyeti ile yeni bir anlaşma imzaladı.", "Kore Cumhuriyeti"),
    ("fr", "Le ministre a rencontré son homologue de la République de Corée mardi.",
     "République de Corée"),
    ("es", "El acuerdo con la República de Corea entrará en vigor en enero.",
     "República de Corea"),
    ("de", "Die Republik Korea ist ein wichtiger Partner der Region.", "Republik Korea"),
    ("en", "Exporters in Korea expect the new rules to take effect soon.", "Korea"),
    ("ru", "Экспорт Южной Кореи в регион вырос на треть.", "Южной Кореи"),
    ("ru", "Делегация посетила Южную Корею в марте.", "Южную Корею"),
])
def test_korea_official_and_short_forms_are_the_country(language: str, text: str,
                                                        surface: str) -> None:
    m = found(text, language, surface)
    assert (m.type, m.key) == ("country", "country:KR")


@pytest.mark.parametrize(("language", "text", "surface", "key"), [
    ("ru", "Министр встретился с президентом Турецкой Республики в столице.",
     "Турецкой Республики", "country:TR"),
    ("ru", "Соглашение подписали власти Республики Казахстан и партнёры.",
     "Республики Казахстан", "country:KZ"),
    ("ru", "Делегация Российской Федерации прибыла утром.", "Российской Федерации",
     "country:RU"),
    ("ru", "Товарооборот с Китайской Народной Республикой вырос.",
     "Китайской Народной Республикой", "country:CN"),
    ("kk", "Қазақстан Республикасының үкіметі жаңа бағдарлама қабылдады.",
     "Қазақстан Республикасының", "country:KZ"),
    ("kk", "Қытай Халық Республикасымен сауда өсті.", "Қытай Халық Республикасымен",
     "country:CN"),
    ("kk", "Америка Құрама Штаттарының елшісі сөз сөйледі.", "Америка Құрама Штаттарының",
     "country:US"),
])
def test_declined_official_names_are_the_country(language: str, text: str, surface: str,
                                                 key: str) -> None:
    m = found(text, language, surface)
    assert (m.type, m.key) == ("country", key)


@pytest.mark.parametrize(("language", "text", "surface"), [
    ("en", "Gas from North Africa reaches southern Europe through two pipelines.",
     "North Africa"),
    ("it", "Il gasdotto porta il gas dal Nord Africa all'Europa.", "Nord Africa"),
    ("fr", "Sa première visite en Afrique du Nord date de l'an dernier.", "Afrique du Nord"),
    ("es", "Las exportaciones al Norte de África crecieron un 5 %.", "Norte de África"),
    ("pt", "A empresa abriu um escritório no Norte da África.", "Norte da África"),
    ("ru", "Компания расширяет поставки в страны Северной Африки.", "Северной Африки"),
    ("kk", "Компания Солтүстік Африкадағы нарыққа шықты.", "Солтүстік Африкадағы"),
])
def test_compass_names_of_macro_regions(language: str, text: str, surface: str) -> None:
    m = found(text, language, surface)
    assert (m.type, m.key) == ("place", "place:cldr-015")


@pytest.mark.parametrize(("language", "text", "surface", "key"), [
    ("en", "Exports to East Asia rose by a tenth last year.", "East Asia", "place:cldr-030"),
    ("es", "La crisis golpeó a Europa del Este en invierno.", "Europa del Este",
     "place:cldr-151"),
    # the curated Central Asia takes the case forms of its names
    ("ru", "Поставки в Центральную Азию выросли вдвое.", "Центральную Азию",
     "place:central-asia"),
    ("kk", "Орталық Азиядағы сауда өсті.", "Орталық Азиядағы", "place:central-asia"),
    ("kk", "Корея Республикасы Азиядағы маңызды серіктес.", "Азиядағы", "place:cldr-142"),
])
def test_declined_and_compass_regions(language: str, text: str, surface: str, key: str) -> None:
    assert found(text, language, surface).key == key


@pytest.mark.parametrize(("language", "text", "surface"), [
    ("en", "Wine exports to South Africa doubled last year.", "South Africa"),
    ("it", "Le esportazioni verso il Sudafrica sono raddoppiate.", "Sudafrica"),
    ("de", "Die Ausfuhren nach Südafrika haben sich verdoppelt.", "Südafrika"),
])
def test_a_compass_region_never_takes_a_country_name(language: str, text: str,
                                                     surface: str) -> None:
    assert found(text, language, surface).key == "country:ZA"


@pytest.mark.parametrize(("language", "text", "surface", "key"), [
    ("kk", "ҚР Премьер-Министрі жиналысты басқарды.", "ҚР", "country:KZ"),
    ("ru", "Делегация РБ прибыла в Минск.", "РБ", "country:BY"),
    ("ru", "Инвестиции ОАЭ в регион выросли.", "ОАЭ", "country:AE"),
    ("ru", "Канцлер ФРГ прибыл с визитом.", "ФРГ", "country:DE"),
])
def test_initialisms_of_official_names(language: str, text: str, surface: str, key: str) -> None:
    m = found(text, language, surface)
    assert (m.type, m.key) == ("country", key)


@pytest.mark.parametrize(("language", "text"), [
    ("kk", "Қазір Корея Республикасы Қазақстанның Азиядағы серіктесі. Корея Президенті келді."),
    ("kk", "Корея Республикасына сапар жақсы өтті деді министр."),
    ("ru", "Президент Турецкой Республики Реджепом Тайипом Эрдоганом подписан указ."),
])
def test_a_country_is_never_read_as_a_person(language: str, text: str) -> None:
    persons = [m.text for m in mentions(text, language) if m.type == "person"]
    assert not any(w in p for p in persons for w in ("Корея", "Республик"))


@pytest.mark.parametrize(("language", "text", "surface"), [
    ("ru", "Алиев встретился с председателем парламента Нуманом Куртулмушем.",
     "Нуманом Куртулмушем"),
])
def test_instrumental_after_a_hushing_consonant_has_its_base_form(language: str, text: str,
                                                                   surface: str) -> None:
    assert found(text, language, surface).lemma == "Нуман Куртулмуш"


@pytest.mark.parametrize(("language", "text", "surface", "lemma"), [
    ("kk", "Ол Қазақстандағы инвестициялық ахуалды талқылады.", "Қазақстандағы", "Қазақстан"),
    ("kk", "Астанадағы кездесуге елшілер қатысты.", "Астанадағы", "Астана"),
])
def test_kazakh_locative_adjective_is_a_case_ending(language: str, text: str, surface: str,
                                                   lemma: str) -> None:
    assert found(text, language, surface).lemma == lemma


@pytest.mark.parametrize(("language", "text", "surface"), [
    ("de", "In Astana leiteten Kasachstans Erster Vizepremier Roman Skljar und der "
           "Vizepremier Ding Xuexiang die Sitzung.", "Roman Skljar"),
    ("de", "Handelsministerin Katrin Weber sprach mit den Gästen.", "Katrin Weber"),
])
def test_german_compound_titles_name_a_person(language: str, text: str, surface: str) -> None:
    assert found(text, language, surface).type == "person"


@pytest.mark.parametrize(("language", "text", "surface", "lemma"), [
    ("kk", "Тоқаев сапарға шақырғаны үшін Ли Чжэ Мёнге алғыс айтты.", "Ли Чжэ Мёнге",
     "Ли Чжэ Мён"),
])
def test_kazakh_dative_after_a_consonant_has_its_base_form(language: str, text: str,
                                                           surface: str, lemma: str) -> None:
    m = found(text, language, surface)
    assert m.lemma == lemma and m.key == "person:li chzhe men"


@pytest.mark.parametrize(("language", "text", "surface", "key"), [
    ("en", "Tariffs imposed by U.S. President Donald Trump hurt exports.", "U.S", "country:US"),
    ("en", "Exports to the U.K. rose by a fifth last year.", "U.K", "country:GB"),
    ("it", "Secondo le U.N. la crisi peggiora.", "U.N", "org:un"),
])
def test_dotted_abbreviations_are_gazetteer_names(language: str, text: str, surface: str,
                                                  key: str) -> None:
    assert found(text, language, surface).key == key
    assert not any("U." in m.text for m in mentions(text, language) if m.type == "person")


@pytest.mark.parametrize(("language", "text", "surface", "key"), [
    ("de", "Chinas Vizepremier Wang Hongbo traf Tokajew. Präsident Tokajew hatte Wang bereits "
           "am Mittwoch empfangen.", "Wang", "person:wang hongbo"),
    ("en", "Chinese Vice Premier Ding Xuexiang arrived. Later, Ding met the minister.", "Ding",
     "person:ding xuexiang"),
])
def test_family_name_written_first_takes_the_full_name_in_its_document(
        language: str, text: str, surface: str, key: str) -> None:
    assert found(text, language, surface).key == key
