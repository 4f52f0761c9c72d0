"""Line-level boilerplate filter: seeds lose their page furniture and keep every sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.clean.boilerplate import filter_text, is_body, load_cues, split_byline
from dossier.clean.stage import CleanStage
from dossier.model import Document

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"


def _seed(prefix: str) -> Document:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    doc = Document(id=prefix, source=str(path), raw=path.read_text(encoding="utf-8"))
    return CleanStage()(doc)


def _lines(text: str) -> set[str]:
    return {" ".join(line.split()) for line in text.split("\n") if line.strip()}


@pytest.mark.parametrize(
    ("seed", "junk"),
    [("000", "Translate »"), ("000", "Referências:"),
     ("002", "Vietnam.vn - Nền tảng quảng bá Việt Nam"), ("002", "Comment (0)"),
     ("002", "No data"), ("002", "Same tag"), ("002", "Same category"), ("002", "Heritage"),
     ("002", "Tombs in Hue"), ("002", "Discover the picturesque Mui Treo in Quang Tri"),
     ("002", "Russia is currently Kazakhstan's main strategic partner and ally. (Source: RIA "
             "Novosti)"),
     ("003", "Reklam yükleniyor..."),
     ("004", "top of page"), ("004", "bottom of page"), ("004", "Commenti"), ("004", "ree"),
     ("004", "Iscriviti alla nostra newsletter"), ("004", "Copertina Prontera.JPG"),
     ("004", "immagine copertina 2.jpg"), ("004", "Il Presidente Vladimir Putin"),
     ("004", "Visita di Stato al Cremlino del Presidente kazako Kassym-Jomart Tokayev - Mosca i "
             "due Premier"),
     ("004", "Ricevi i post direttamente nella tua e mail.")],
)
def test_boilerplate_seed_furniture_is_removed(seed: str, junk: str) -> None:
    doc = _seed(seed)
    assert junk not in _lines(doc.text)
    assert junk in {" ".join(b.split()) for b in doc.boilerplate}


def test_boilerplate_comment_policy_blurb_is_removed() -> None:
    doc = _seed("003")
    assert "Comments you share on our site" not in doc.text
    assert any(b.startswith("Comments you share on our site") for b in doc.boilerplate)


def test_boilerplate_reference_list_moves_to_references() -> None:
    doc = _seed("000")
    assert "tass.com" not in doc.text and "Disponível em" not in doc.text
    assert len(doc.references) == 7
    assert all("https://" in ref for ref in doc.references)


@pytest.mark.parametrize(
    ("seed", "sentence"),
    [("000", "considera o Cazaquistão como um grande aliado e bom vizinho"),
     ("000", "Os presidentes da Rússia e do Cazaquistão, Vladimir Putin e Kassym-Jomart Tokayev"),
     ("001", "Mais de 80% do petróleo do Cazaquistão é exportado através da Rússia"),
     ("001", "Apesar dos desafios, esta visita de estado reforça a aliança duradoura"),
     ("002", "At the invitation of his counterpart Kassym-Jomart Tokayev"),
     ("002", "Even chopsticks and bowls can sometimes collide"),
     ("002", "Báo Quốc Tế27/11/2024"),
     ("003", "Kazakh President Kassym-Jomart Tokayev has announced plans"),
     ("003", "Tokayev underscored the importance of linguistic and cultural cooperation"),
     ("004", "Mosca, Cremlino, 12 novembre"),
     ("004", "In Kazakistan operano con successo più di 20.000 aziende"),
     ("004", "Ha espresso fiducia che il «genuino buon vicinato» continuerà"),
     ("004", "Circa 55.000 giovani cittadini kazaki studiano in università e college russi")],
)
def test_boilerplate_article_sentences_survive(seed: str, sentence: str) -> None:
    assert sentence in " ".join(_seed(seed).text.split())


@pytest.mark.parametrize(
    ("seed", "heading"),
    [("004", "Vladimir Putin: Le Regioni come Fondamenta"),
     ("004", "I Colloqui Ufficiali e i Documenti Firmati (12 novembre 2025)"),
     ("003", "Economic Cooperation Scale"), ("002", "Natural allies")],
)
def test_boilerplate_headings_are_kept(seed: str, heading: str) -> None:
    assert heading in _lines(_seed(seed).text)


PAGES = {
    "en": """Skip to main content
Home
World
Business
Kazakhstan and Russia sign trade deal
By Jane Roe
ASTANA, March 3 (Reuters) - Kazakhstan and Russia signed a trade agreement on Monday.
Trade between the two countries rose to 28 billion dollars last year.
Advertisement
Energy ties
Russia remains the main route for Kazakh oil exports to Europe, the ministry said.
gettyimages-1234.jpg
Sign up for our newsletter and get the best stories delivered to your inbox.
Related articles
Kazakhstan opens new consulate
""",
    "pt": """Ir para o conteúdo
Brasil e Cazaquistão ampliam cooperação
Os ministros assinaram três acordos de cooperação agrícola nesta terça-feira em Brasília.
Foto: Divulgação
O comércio bilateral cresceu 12% no último ano, segundo o Itamaraty.
Publicidade
Carregando...
Comentários
Os comentários são de responsabilidade exclusiva de seus autores.
""",
    "es": """Menú
España y Kazajistán refuerzan sus lazos
El ministro de Asuntos Exteriores recibió hoy a su homólogo kazajo en Madrid, informó el Gobierno.
Ambos países firmaron un memorando sobre energías renovables y transporte.
https://www.example.es/internacional/noticia-12345.html
Noticias relacionadas
El Gobierno aprueba el plan de transporte
""",
    "ru": """Главная
Поиск
Меню
Россия и Казахстан подписали декларацию
Президенты двух стран подписали декларацию о стратегическом партнёрстве в Москве.
Реклама
Товарооборот между странами превысил 28 миллиардов долларов, сообщил Кремль.
Читайте также
Путин провёл переговоры в Астане
""",
    "tr": """Ana Sayfa
Türkiye ile Kazakistan arasında yeni anlaşma
Cumhurbaşkanı, Kazakistan Devlet Başkanı ile Ankara'da bir araya geldi ve anlaşmalar imzalandı.
Reklam yükleniyor...
İki ülke arasındaki ticaret hacminin 10 milyar dolara çıkarılması hedefleniyor.
Yorumlar
""",
    "de": """Zum Inhalt springen
Deutschland und Kasachstan vereinbaren Rohstoffpartnerschaft
Der Bundeskanzler traf am Montag den kasachischen Präsidenten in Berlin zu Gesprächen.
Anzeige
Beide Seiten unterzeichneten mehrere Abkommen über Energie und seltene Erden.
Lesen Sie auch
Kanzler reist nach Zentralasien
""",
}
KEEP = {
    "en": ["Kazakhstan and Russia sign trade deal", "Energy ties",
           "ASTANA, March 3 (Reuters) - Kazakhstan and Russia signed"],
    "pt": ["Brasil e Cazaquistão ampliam cooperação", "O comércio bilateral cresceu 12%"],
    "es": ["España y Kazajistán refuerzan sus lazos", "Ambos países firmaron un memorando"],
    "ru": ["Россия и Казахстан подписали декларацию", "Товарооборот между странами"],
    "tr": ["Türkiye ile Kazakistan arasında yeni anlaşma", "İki ülke arasındaki ticaret"],
    "de": ["Deutschland und Kasachstan vereinbaren", "Beide Seiten unterzeichneten"],
}
DROP = {
    "en": ["Skip to main content", "Home", "World", "Business", "Advertisement",
           "gettyimages-1234.jpg", "Sign up for our newsletter", "Related articles",
           "Kazakhstan opens new consulate"],
    "pt": ["Ir para o conteúdo", "Foto: Divulgação", "Publicidade", "Carregando...",
           "Comentários", "Os comentários são de responsabilidade"],
    "es": ["Menú", "https://www.example.es", "Noticias relacionadas",
           "El Gobierno aprueba el plan"],
    "ru": ["Главная", "Поиск", "Меню", "Реклама", "Читайте также", "Путин провёл переговоры"],
    "tr": ["Ana Sayfa", "Reklam yükleniyor", "Yorumlar"],
    "de": ["Zum Inhalt springen", "Anzeige", "Lesen Sie auch", "Kanzler reist nach"],
}


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_boilerplate_filters_pages_in_many_languages(lang: str) -> None:
    result = filter_text(PAGES[lang])
    kept = "\n".join(result.kept)
    for text in KEEP[lang]:
        assert text in kept, text
    for text in DROP[lang]:
        assert text not in kept, text
        assert any(b.startswith(text) for b in result.boilerplate), text


@pytest.mark.parametrize(
    ("line", "body"),
    [("Trade rose to 28 billion dollars last year, officials said.", True),
     ("Товарооборот между странами превысил 28 миллиардов долларов.", True),
     ("Il Presidente ha poi focalizzato il discorso su due aree di collaborazione:", True),
     ("Vladimir Putin: Le Regioni come Fondamenta", False), ("Comment (0)", False)],
)
def test_boilerplate_is_body(line: str, body: bool) -> None:
    assert is_body(line) is body


@pytest.mark.parametrize(
    ("line", "title", "author"),
    [("Rússia e Cazaquistão fortalecem laços bilaterais por Lisa Marie B. Bastos",
      "Rússia e Cazaquistão fortalecem laços bilaterais", "Lisa Marie B. Bastos"),
     ("VISITA DI STATO DEL PRESIDENTE KAZAKO A MOSCA di Patrizia Boi",
      "VISITA DI STATO DEL PRESIDENTE KAZAKO A MOSCA", "Patrizia Boi"),
     ("The strategic alliance envisioned by Moscow", "The strategic alliance envisioned by Moscow",
      None),
     ("Lo sviluppo di Milano", "Lo sviluppo di Milano", None)],
)
def test_boilerplate_split_byline(line: str, title: str, author: str | None) -> None:
    assert split_byline(line, load_cues()) == (title, author)


def test_boilerplate_repeated_long_sentence_keeps_first() -> None:
    quote = ("“We will double trade within five years,” the president told reporters in the "
             "capital on Tuesday.")
    text = f"Title of the story\n{quote}\nMore text follows here, said the minister today.\n{quote}"
    result = filter_text(text)
    assert result.kept.count(quote) == 1 and result.boilerplate == [quote]


def test_boilerplate_hard_wrapped_text_keeps_paragraphs() -> None:
    text = ("The two presidents met in Astana on Wednesday and\n"
            "discussed trade, energy and transport links between\n"
            "their countries, officials said.\n\n"
            "Russia is the largest investor in Kazakhstan and\n"
            "the two sides expect trade to reach 30 billion\n"
            "dollars within two years, the ministry said.\n")
    result = filter_text(text)
    assert len(result.kept) == 2 and not result.boilerplate
    assert result.text.count("\n\n") == 1
