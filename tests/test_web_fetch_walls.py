"""Consent walls and paywall stubs are told apart from articles, in every language with cues."""

from __future__ import annotations

import pytest

from dossier import lang
from dossier.ingest.tables import table_text
from dossier.ingest.walls import detect_wall, wall_cues

# language -> (a consent dialog line, a paywall line, a paragraph of a real article)
PAGES: dict[str, tuple[str, str, str]] = {
    "en": ("We use cookies to personalise content. Accept all or manage cookies.",
           "Subscribe to continue reading this article.",
           "The two leaders said bilateral trade reached 15.6 billion dollars last year."),
    "pt": ("Utilizamos cookies para melhorar a sua experiência. Aceitar todos os cookies.",
           "Este conteúdo é exclusivo para assinantes. Assine para continuar a ler.",
           "O comércio bilateral somou 480 milhões de dólares em 2024, segundo o Itamaraty."),
    "it": ("Questo sito utilizza cookie tecnici e di profilazione. Accetta tutti i cookie.",
           "Articolo riservato agli abbonati. Abbonati per continuare a leggere.",
           "L'interscambio commerciale ha raggiunto 15,6 miliardi di dollari nel 2024."),
    "es": ("Utilizamos cookies propias y de terceros. Aceptar todas las cookies.",
           "Contenido exclusivo para suscriptores. Suscríbete para seguir leyendo.",
           "El comercio bilateral alcanzó 1.200 millones de euros el año pasado."),
    "fr": ("Nous utilisons des cookies pour mesurer l'audience. Tout accepter.",
           "Cet article est réservé aux abonnés. Abonnez-vous pour lire la suite.",
           "Les échanges commerciaux ont atteint 4 milliards d'euros l'an dernier."),
    "de": ("Wir verwenden Cookies, um Inhalte zu personalisieren. Alle akzeptieren.",
           "Dieser Artikel ist nur für Abonnenten. Jetzt abonnieren und weiterlesen.",
           "Der Handel zwischen beiden Ländern stieg auf rund 3,8 Milliarden Euro."),
    "ru": ("Мы используем файлы cookie для улучшения работы сайта. Принять все.",
           "Материал доступен только подписчикам. Оформите подписку.",
           "Товарооборот между странами в 2024 году составил 27,8 миллиарда долларов."),
    "tr": ("Sitemizde çerez kullanıyoruz. Tüm çerezleri kabul et.",
           "Bu içerik abonelere özel. Okumaya devam etmek için abone olun.",
           "İki ülke arasındaki ticaret hacmi geçen yıl 6,4 milyar dolara ulaştı."),
    "kk": ("Біз cookie файлдарын қолданамыз. Барлығын қабылдау.",
           "Бұл материал тек жазылушыларға арналған. Жазылыңыз.",
           "Екі ел арасындағы тауар айналымы өткен жылы 6,4 миллиард долларға жетті."),
}


def _page(body: str, code: str) -> str:
    return f"<html lang='{code}'><head><title>t</title></head><body>{body}</body></html>"


@pytest.mark.parametrize("code", sorted(PAGES))
def test_web_fetch_walls_consent_dialog(code: str) -> None:
    consent, _, _ = PAGES[code]
    why = detect_wall(_page(f"<div class='cmp-dialog'><p>{consent}</p></div>", code))
    assert why is not None and why.startswith("consent/cookie wall")


@pytest.mark.parametrize("code", sorted(PAGES))
def test_web_fetch_walls_paywall_stub(code: str) -> None:
    _, paywall, lead = PAGES[code]
    why = detect_wall(_page(f"<h1>Title</h1><p>{lead}</p><div class='paywall'><p>{paywall}</p>"
                            "</div>", code))
    assert why is not None and why.startswith("paywall stub")


@pytest.mark.parametrize("code", sorted(PAGES))
def test_web_fetch_walls_article_with_banner_passes(code: str) -> None:
    consent, _, lead = PAGES[code]
    article = "".join(f"<p>{lead} {i}</p>" for i in range(12))  # a full-length article
    page = _page(f"<article>{article}</article><div id='cookie-notice'>{consent}</div>", code)
    assert detect_wall(page) is None


@pytest.mark.parametrize("code", sorted(PAGES))
def test_web_fetch_walls_short_article_without_cues_passes(code: str) -> None:
    assert detect_wall(_page(f"<p>{PAGES[code][2]}</p>", code)) is None


@pytest.mark.parametrize("code", ["en", "it"])
def test_web_fetch_walls_schema_org_paywall(code: str) -> None:
    lead = PAGES[code][2]
    ld = '<script type="application/ld+json">{"isAccessibleForFree": "False"}</script>'
    page = _page(f"{ld}<p>{lead}</p>" * 3, code)
    assert (detect_wall(page) or "").startswith("paywall stub")


@pytest.mark.parametrize("code", lang.languages())
def test_web_fetch_walls_every_language_has_cues(code: str) -> None:
    data = lang.load(code, "web")
    assert data.get("consent") and data.get("paywall"), f"dossier/lang/{code}/web.toml"
    cues = wall_cues()
    assert {c.casefold() for c in data["consent"]} <= set(cues.consent)


TABLE = """<html><body><p>Text.</p><table><caption>{caption}</caption>
<thead><tr><th>{year}</th><th>{exports}</th><th>{imports}</th></tr></thead><tbody>
<tr><td>2023</td><td>2,1</td><td>0,8</td></tr><tr><td>2024</td><td>2,4</td><td>0,9</td></tr>
</tbody></table></body></html>"""
HEADS = {"it": ("Interscambio Italia-Kazakistan (mld $)", "Anno", "Esportazioni", "Importazioni"),
         "ru": ("Торговля (млрд долл.)", "Год", "Экспорт", "Импорт"),
         "pt": ("Comércio Brasil-Cazaquistão (US$ mi)", "Ano", "Exportações", "Importações")}


@pytest.mark.parametrize("code", sorted(HEADS))
def test_web_fetch_tables_rows_as_sentences(code: str) -> None:
    caption, year, exports, imports = HEADS[code]
    rows = table_text(TABLE.format(caption=caption, year=year, exports=exports, imports=imports))
    assert rows == [f"{caption} — 2023: {exports}: 2,1; {imports}: 0,8.",
                    f"{caption} — 2024: {exports}: 2,4; {imports}: 0,9."]


@pytest.mark.parametrize("html", [
    "<table><tr><td>Menu</td></tr><tr><td>Home</td></tr></table>",  # one column: layout
    "<table><tr><th>Name</th><th>Role</th></tr><tr><td>Ana</td><td>Editor</td></tr></table>",
    "<p>no table</p>", "",
])
def test_web_fetch_tables_skip_layout_and_text(html: str) -> None:
    assert table_text(html) == []


@pytest.mark.parametrize("span", ["2"])
def test_web_fetch_tables_spans(span: str) -> None:
    html = (f"<table><tr><th>Indicador</th><th>2023</th><th>2024</th></tr>"
            f"<tr><td>Exportações</td><td colspan='{span}'>1,5 bi</td></tr>"
            f"<tr><td rowspan='{span}'>Importações</td><td>0,3</td><td>0,4</td></tr>"
            f"<tr><td>0,5</td><td>0,6</td></tr></table>")
    assert table_text(html) == ["Exportações: 2023: 1,5 bi; 2024: 1,5 bi.",
                                "Importações: 2023: 0,3; 2024: 0,4.",
                                "Importações: 2023: 0,5; 2024: 0,6."]
