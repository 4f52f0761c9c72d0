"""Related-link boxes: an inline box goes alone, a box at the end ends the article; menu bars."""

from __future__ import annotations

import pytest

from dossier.clean.boilerplate import filter_text

# (cue line, two linked headlines, a long body paragraph) per language, written for these tests
BOXES = {
    "pt": ("Leia também", ["Governo anuncia novo pacote para exportadores",
                           "Ministro viaja à China na próxima semana"],
           "O ministro afirmou ainda que as duas delegações voltarão a se reunir em novembro para "
           "avaliar os resultados do acordo e ampliar a lista de produtos."),
    "en": ("Also Read", ["Parliament approves new budget for the coming year",
                         "Oil prices climb as supply worries grow"],
           "The minister added that the two delegations would meet again in November to review "
           "the results of the agreement and extend the list of goods covered."),
    "es": ("Te recomendamos", ["El Gobierno presenta su plan de vivienda",
                               "La bolsa cierra con ligeras ganancias"],
           "El ministro añadió que ambas delegaciones volverán a reunirse en noviembre para "
           "evaluar los resultados del acuerdo y ampliar la lista de productos."),
    "fr": ("À lire aussi", ["Le gouvernement présente son budget pour 2026",
                            "Grève dans les transports : le point sur la situation"],
           "Le ministre a ajouté que les deux délégations se retrouveront en novembre pour évaluer "
           "les résultats de l'accord et élargir la liste des produits concernés."),
    "de": ("Lesen Sie auch", ["Bundestag beschließt neues Heizungsgesetz",
                              "Ölpreis steigt wegen Sorgen um Lieferungen"],
           "Der Minister fügte hinzu, beide Delegationen würden sich im November erneut treffen, "
           "um die Ergebnisse des Abkommens zu prüfen und die Warenliste zu erweitern."),
    "it": ("Leggi anche:", ["Manovra, il governo trova l'accordo sulle pensioni",
                            "Borsa, Milano chiude in rialzo"],
           "Il ministro ha aggiunto che le due delegazioni torneranno a riunirsi a novembre per "
           "valutare i risultati dell'accordo e ampliare l'elenco dei prodotti."),
    "ru": ("Читайте также", ["Правительство утвердило план поддержки экспортеров",
                             "Курс рубля укрепился на открытии торгов"],
           "Министр добавил, что делегации двух стран вновь встретятся в ноябре, чтобы оценить "
           "итоги соглашения и расширить список товаров, на которые оно распространяется."),
    "tr": ("İlgili Haberler", ["Merkez Bankası faiz kararını açıkladı",
                               "Borsa güne yükselişle başladı"],
           "Bakan, iki heyetin anlaşmanın sonuçlarını değerlendirmek ve ürün listesini genişletmek "
           "amacıyla kasım ayında yeniden bir araya geleceğini de sözlerine ekledi."),
    "kk": ("Оқи отырыңыз:", ["Үкімет экспорттаушыларды қолдау жоспарын бекітті",
                             "Астанада халықаралық форум басталды"],
           "Министр екі елдің делегациялары келісімнің нәтижелерін бағалау және тауарлар тізімін "
           "кеңейту үшін қараша айында қайта жиналатынын да атап өтті, деп хабарлайды ақпарат "
           "агенттігі."),
}
FIRST = ("The two countries signed a trade agreement on Monday that cuts tariffs on more than "
         "two hundred goods, the ministry said in a statement.")


@pytest.mark.parametrize("lang", sorted(BOXES))
def test_related_inline_box_is_removed_and_article_goes_on(lang: str) -> None:
    cue, headlines, later = BOXES[lang]
    page = "\n".join(["Title of the story about trade", FIRST, cue, *headlines, later])
    result = filter_text(page)
    assert later in result.kept  # the article goes on after the box
    for line in (cue, *headlines):
        assert line not in result.kept and line in result.boilerplate


@pytest.mark.parametrize("lang", sorted(BOXES))
def test_related_box_at_the_end_ends_the_article(lang: str) -> None:
    cue, headlines, later = BOXES[lang]
    footer = "Subscribe to our daily briefing for more stories."
    page = "\n".join(["Title of the story about trade", FIRST, later, cue, *headlines, footer])
    result = filter_text(page)
    assert result.kept[-1] == later
    assert footer in result.boilerplate


@pytest.mark.parametrize(
    "heading",
    ["Top Stories Today", "Más de esta sección", "Aus der Redaktion", "Popolari oggi",
     "Главное за день", "Gündemden"],
)
def test_related_uncued_link_list_after_the_body_is_removed(heading: str) -> None:
    headlines = ["Central bank holds rates steady for third month",
                 "Floods hit the northern provinces again",
                 "Football: the national team wins 2-1 in Baku"]
    page = "\n".join(["Title of the story about trade", FIRST, heading, *headlines])
    result = filter_text(page)
    assert result.kept == ["Title of the story about trade", FIRST]


def test_related_list_introduced_by_the_article_is_kept() -> None:
    items = ["Agreement on visa-free travel for students",
             "Memorandum on cooperation in renewable energy",
             "Programme of cultural exchanges for 2026-2028"]
    page = "\n".join(["Title of the story", FIRST,
                      "The ministers also signed the following documents:", *items])
    assert filter_text(page).kept[-3:] == items


@pytest.mark.parametrize(
    "bar",
    ["Home | India | World | Business | Opinion", "Басты бет | Саясат | Экономика | Әлем",
     "Menú  Nacional  Internacional  Economía  Deportes", "Startseite › Politik › Ausland",
     "Compartilhe: WhatsApp | Facebook | X | Telegram", "Paylaş: Facebook | X | WhatsApp"],
)
def test_related_menu_and_share_bars_are_removed(bar: str) -> None:
    page = "\n".join([bar, "Title of the story about trade", FIRST, bar])
    result = filter_text(page)
    assert bar not in result.kept and "Title of the story about trade" in result.kept


def test_related_bar_with_figures_is_kept() -> None:
    row = "Exports | 12.4 bn | +8%"
    page = "\n".join(["Title of the story", FIRST, row, FIRST.replace("Monday", "Tuesday")])
    assert row in filter_text(page).kept


@pytest.mark.parametrize("cue", ["Seguí leyendo:", "Mirá también", "Leé también:"])
def test_related_rioplatense_cues_open_a_box(cue: str) -> None:
    headlines = ["- El dólar cerró a la baja en el mercado oficial",
                 "- Los 4 cambios del nuevo régimen de importaciones"]
    later = BOXES["es"][2]
    page = "\n".join(["Title of the story about trade", FIRST, cue, *headlines, later])
    result = filter_text(page)
    assert later in result.kept
    assert all(h in result.boilerplate for h in headlines)
