"""Page header of scraped text: the title past the page furniture, the author from a byline."""

from __future__ import annotations

import pytest

from dossier.clean.stage import CleanStage
from dossier.model import Document

BODY = {
    "en": "Kazakhstan and Uzbekistan signed twelve agreements on Tuesday, covering energy, "
          "transport and water, the presidential press service said.",
    "pt": "Brasil e Cazaquistão assinaram nesta terça-feira doze acordos de cooperação em energia, "
          "transportes e agricultura, informou o Itamaraty.",
    "es": "España y Kazajistán firmaron este martes doce acuerdos de cooperación en energía, "
          "transporte y agricultura, informó el Ministerio de Asuntos Exteriores.",
    "fr": "La France et le Kazakhstan ont signé mardi douze accords de coopération dans l'énergie, "
          "les transports et l'agriculture, a annoncé le Quai d'Orsay.",
    "de": "Deutschland und Kasachstan haben am Dienstag zwölf Abkommen über Energie, Verkehr und "
          "Landwirtschaft unterzeichnet, teilte das Auswärtige Amt mit.",
    "it": "Italia e Kazakistan hanno firmato martedì dodici accordi di cooperazione su energia, "
          "trasporti e agricoltura, ha reso noto la Farnesina.",
    "ru": "Россия и Казахстан во вторник подписали двенадцать соглашений о сотрудничестве в "
          "энергетике, транспорте и сельском хозяйстве, сообщили в МИД.",
    "tr": "Türkiye ile Kazakistan salı günü enerji, ulaştırma ve tarım alanlarında on iki "
          "işbirliği anlaşması imzaladı, Dışişleri Bakanlığı açıkladı.",
    "kk": "Қазақстан мен Өзбекстан сейсенбі күні энергетика, көлік және су салаларында он екі "
          "келісімге қол қойды, деп хабарлады Ақорда баспасөз қызметі.",
}
# (page furniture, the headline, a byline line, its author) per language
PAGES = {
    "en": (["Skip to content", "The Steppe Times", "News | Politics | Business | Opinion"],
           "Kazakhstan and Uzbekistan sign twelve deals on water and energy",
           "By Margaret O'Neill", "Margaret O'Neill"),
    "pt": (["Ir para o conteúdo", "Jornal do Planalto", "Início › Mundo › Ásia"],
           "Brasil e Cazaquistão assinam doze acordos de cooperação",
           "Por Ana Beatriz Carvalho", "Ana Beatriz Carvalho"),
    "es": (["Ir al contenido", "Diario del Sur | Internacional | Economía | Opinión"],
           "España y Kazajistán firman doce acuerdos de cooperación",
           "Por Javier Morales Ruiz", "Javier Morales Ruiz"),
    "fr": (["Aller au contenu", "Accueil > Monde > Asie"],
           "La France et le Kazakhstan signent douze accords de coopération",
           "Par Claire Dubois-Martin", "Claire Dubois-Martin"),
    "de": (["Zum Inhalt springen", "Startseite › Politik › Ausland"],
           "Deutschland und Kasachstan unterzeichnen zwölf Abkommen",
           "Von Prof. Jonas Hartmann", "Jonas Hartmann"),
    "it": (["Vai al contenuto", "Home | Esteri | Economia | Cultura"],
           "Italia e Kazakistan firmano dodici accordi di cooperazione",
           "di Chiara Lombardi", "Chiara Lombardi"),
    "ru": (["Главная | Политика | Экономика | В мире", "Информационное агентство"],
           "Россия и Казахстан подписали двенадцать соглашений о сотрудничестве",
           "Автор: Ирина Соколова", "Ирина Соколова"),
    "tr": (["Ana Sayfa | Gündem | Dünya | Ekonomi", "Türkistan Haber Ajansı"],
           "Türkiye ile Kazakistan arasında on iki yeni işbirliği anlaşması",
           "Yazar: Elif Demirtaş", "Elif Demirtaş"),
    "kk": (["Басты бет | Саясат | Экономика | Әлем", "Дала жаңалықтары"],
           "Қазақстан мен Өзбекстан он екі келісімге қол қойды",
           "Авторы: Айгерім Сейітқали", "Айгерім Сейітқали"),
}


def _clean(raw: str) -> Document:
    return CleanStage()(Document(id="x", source="s", raw=raw))


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_header_title_skips_site_names_menus_and_breadcrumbs(lang: str) -> None:
    furniture, title, byline, _ = PAGES[lang]
    doc = _clean("\n".join([*furniture, title, byline, "12.03.2025 14:20", BODY[lang]]))
    assert doc.title == title


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_header_byline_fills_author_and_leaves_the_text(lang: str) -> None:
    furniture, title, byline, author = PAGES[lang]
    doc = _clean("\n".join([*furniture, title, byline, BODY[lang]]))
    assert doc.author == author
    assert byline not in doc.text and byline in doc.boilerplate
    assert BODY[lang] in doc.text and title in doc.text


@pytest.mark.parametrize(
    ("line", "author"),
    [("By Margaret O'Neill in World on 12 March 2025", "Margaret O'Neill"),
     ("Publicado em 12/03/2025 - 14:20 Por Ana Beatriz Carvalho - Repórter",
      "Ana Beatriz Carvalho"),
     ("Par Claire Dubois | Le 12/03/2025 à 14h20", "Claire Dubois"),
     ("Elif Demirtaş | 12.03.2025 - Güncelleme : 12.03.2025", "Elif Demirtaş")],
)
def test_header_dated_byline_stays_in_text_for_the_date(line: str, author: str) -> None:
    doc = _clean("\n".join(["Kazakhstan and Uzbekistan sign twelve deals on water", line,
                            BODY["en"]]))
    assert doc.author == author
    assert line in doc.text  # the published stage reads the date from it


@pytest.mark.parametrize(
    ("lang", "name"),
    [("fr", "Hélène Moreau"), ("it", "Marco Bellini"), ("en", "Sarah Whitfield")],
)
def test_header_name_line_under_the_lead_is_the_author(lang: str, name: str) -> None:
    doc = _clean("\n".join(["Deux pays, douze accords : un partenariat renforcé en Asie centrale",
                            BODY[lang], name, BODY["en"].replace("Tuesday", "Monday")]))
    assert doc.author == name and name not in doc.text


@pytest.mark.parametrize(
    "raw",
    ["Talks by Vladimir Putin in Astana end with twelve deals\n"
     "Russian President Vladimir Putin and his Kazakh counterpart signed twelve agreements on "
     "Tuesday, the Kremlin said.",
     "Visita de Estado\nPor Vladimir Putin\nO presidente Vladimir Putin chegou a Astana nesta "
     "terça-feira para uma visita de Estado de dois dias, informou o Kremlin.",
     "Key Results of the Visit\nStrategic Partnership Foundations\nThe strategic partnership "
     "rests on key results in energy and transport, officials said on Tuesday evening."],
)
def test_header_subject_or_heading_is_never_the_author(raw: str) -> None:
    assert _clean(raw).author is None


def test_header_bio_line_does_not_make_the_author_a_subject() -> None:
    raw = "\n".join(["Kazakhstan and Uzbekistan sign twelve deals on water and energy",
                     "By Dr. Margaret Holt", BODY["en"],
                     "Margaret Holt is a senior fellow at the Institute for Eurasian Studies."])
    assert _clean(raw).author == "Margaret Holt"


def test_header_title_falls_back_to_a_short_headline() -> None:
    doc = _clean("\n".join(["Home | World | Business", "Putin in Astana", BODY["en"]]))
    assert doc.title == "Putin in Astana"


def test_header_no_head_no_title() -> None:
    assert _clean(BODY["en"] + "\n" + BODY["en"].replace("Tuesday", "Monday")).title is None
