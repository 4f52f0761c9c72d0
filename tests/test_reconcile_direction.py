"""Direction of flows: the direction stage in nine languages, and groups split by direction."""

from __future__ import annotations

import pytest

from dossier.extract.direction import DirectionStage
from dossier.model import Document, Figure, FigureRef, Mention, Sentence
from dossier.resolve.figures import (
    FigureGroup,
    GroupIndex,
    find_conflicts,
    group_figures,
    update_groups,
)

AZ, DE, FR, KZ, RU, TR = ("country:AZ", "country:DE", "country:FR", "country:KZ",
                          "country:RU", "country:TR")
ES, MA, CN, BR, UZ, US = ("country:ES", "country:MA", "country:CN", "country:BR",
                          "country:UZ", "country:US")

# (language, sentence, number as written, metric, mentions (text, key, demonym?), direction)
CASES = [
    ("en", "Azerbaijani investments in the Turkish economy have exceeded $20 billion.",
     "$20 billion", "investment_stock", [("Azerbaijani", AZ, True), ("Turkish", TR, True)],
     f"{AZ}>{TR}"),
    ("en", "Turkish companies have invested about $15 billion in Azerbaijan.", "$15 billion",
     "investment_stock", [("Turkish", TR, True), ("Azerbaijan", AZ, False)], f"{TR}>{AZ}"),
    ("de", "Rund 4.500 deutsche Unternehmen sind in Frankreich aktiv.", "4.500", "companies",
     [("deutsche", DE, True), ("Frankreich", FR, False)], f"{DE}>{FR}"),
    ("de", "Umgekehrt haben etwa 3.200 französische Firmen Niederlassungen in Deutschland.",
     "3.200", "companies", [("französische", FR, True), ("Deutschland", DE, False)],
     f"{FR}>{DE}"),
    ("fr", "Environ 4 500 entreprises allemandes sont implantées en France.", "4 500",
     "companies", [("allemandes", DE, True), ("France", FR, False)], f"{DE}>{FR}"),
    ("fr", "Les investissements français en Allemagne ont atteint 12 milliards d'euros.",
     "12 milliards d'euros", "investment", [("français", FR, True), ("Allemagne", DE, False)],
     f"{FR}>{DE}"),
    ("it", "Gli investimenti russi in Kazakistan hanno toccato i 4 miliardi di dollari.",
     "4 miliardi di dollari", "investment", [("russi", RU, True), ("Kazakistan", KZ, False)],
     f"{RU}>{KZ}"),
    ("it", "Anche gli investimenti kazaki in Russia ammontano a circa 9 miliardi di dollari.",
     "9 miliardi di dollari", "investment_stock", [("kazaki", KZ, True), ("Russia", RU, False)],
     f"{KZ}>{RU}"),
    ("es", "Más de 1.700 empresas españolas están implantadas en Marruecos.", "1.700",
     "companies", [("españolas", ES, True), ("Marruecos", MA, False)], f"{ES}>{MA}"),
    ("es", "Las exportaciones marroquíes a España crecieron hasta 9.000 millones de euros.",
     "9.000 millones de euros", "exports", [("marroquíes", MA, True), ("España", ES, False)],
     f"{MA}>{ES}"),
    ("pt", "Cerca de 55 mil cazaquistaneses estudam na Rússia.", "55 mil", "students",
     [("cazaquistaneses", KZ, True), ("Rússia", RU, False)], f"{KZ}>{RU}"),
    ("pt", "Os investimentos chineses no Brasil somaram 4 mil milhões de dólares.",
     "4 mil milhões de dólares", "investment", [("chineses", CN, True), ("Brasil", BR, False)],
     f"{CN}>{BR}"),
    ("ru", "В Казахстане работают более 20 тысяч предприятий с российским капиталом.",
     "20 тысяч", "companies", [("Казахстане", KZ, False), ("российским", RU, True)],
     f"{RU}>{KZ}"),
    ("ru", "Казахстанские инвестиции в Россию составили 2 млрд долларов.", "2 млрд долларов",
     "investment", [("Казахстанские", KZ, True), ("Россию", RU, False)], f"{KZ}>{RU}"),
    ("tr", "Kazakistan'ın Türkiye'deki yatırımları neredeyse 1,5 milyar dolara ulaştı.",
     "1,5 milyar dolara", "investment_stock", [("Kazakistan", KZ, False), ("Türkiye", TR, False)],
     f"{KZ}>{TR}"),
    ("tr", "Azerbaycan'da faaliyet gösteren Türk şirketlerinin sayısı 4 bin 800'ü aştı.",
     "4 bin 800'ü", "companies", [("Azerbaycan", AZ, False), ("Türk", TR, True)], f"{TR}>{AZ}"),
    ("kk", "Қазақстанда ресейлік капитал қатысатын 20 мыңнан астам кәсіпорын жұмыс істейді.",
     "20 мыңнан", "companies", [("Қазақстанда", KZ, False), ("ресейлік", RU, True)],
     f"{RU}>{KZ}"),
    ("kk", "Өзбекстанда қазақстандық капиталы бар 1 500 кәсіпорын жұмыс істейді.", "1 500",
     "companies", [("Өзбекстанда", UZ, False), ("қазақстандық", KZ, True)], f"{KZ}>{UZ}"),
]


def document(lang: str, text: str, number: str, metric: str | None,
             mentions: list[tuple[str, str, bool]], unit: str = "USD") -> Document:
    """Build a one-sentence document with its country mentions and one figure."""
    found = []
    for surface, key, demonym in mentions:
        at = text.index(surface)
        found.append(Mention(start=at, end=at + len(surface), text=surface, type="country",
                             key=key, sentence=0, relation="demonym" if demonym else None))
    at = text.index(number)
    fig = Figure(sentence=0, start=at, end=at + len(number), surface=number, quote=text,
                 value=1.0, unit=unit, metric=metric, subjects=[m.key for m in found])
    return Document(id="d", source="d", language=lang, text=text, mentions=found,
                    sentences=[Sentence(start=0, end=len(text), text=text)], figures=[fig])


@pytest.mark.parametrize(("lang", "text", "number", "metric", "mentions", "expected"), CASES)
def test_reconcile_direction_reads_origin_and_destination(
        lang: str, text: str, number: str, metric: str,
        mentions: list[tuple[str, str, bool]], expected: str) -> None:
    unit = "count" if metric in ("companies", "students") else "USD"
    (fig,) = DirectionStage()(document(lang, text, number, metric, mentions, unit)).figures
    assert fig.direction == expected
    assert fig.subjects == expected.split(">")


@pytest.mark.parametrize(("lang", "text", "number", "mentions"), [
    ("en", "Mutual investments between Turkey and Kazakhstan exceeded $7 billion.",
     "$7 billion", [("Turkey", TR, False), ("Kazakhstan", KZ, False)]),
    ("ru", "Взаимные инвестиции России и Казахстана превысили 40 млрд долларов.",
     "40 млрд долларов", [("России", RU, False), ("Казахстана", KZ, False)]),
    ("tr", "Türkiye ile Kazakistan arasındaki karşılıklı yatırımlar 7 milyar doları geçti.",
     "7 milyar doları", [("Türkiye", TR, False), ("Kazakistan", KZ, False)]),
    ("de", "Die gegenseitigen Investitionen Deutschlands und Kasachstans liegen bei 9 Mrd. Euro.",
     "9 Mrd. Euro", [("Deutschlands", DE, False), ("Kasachstans", KZ, False)]),
])
def test_reconcile_direction_two_way_total_is_mutual(
        lang: str, text: str, number: str, mentions: list[tuple[str, str, bool]]) -> None:
    (fig,) = DirectionStage()(document(lang, text, number, "investment", mentions)).figures
    assert fig.direction is not None and "<>" in fig.direction
    assert set(fig.direction.split("<>")) == {m[1] for m in mentions}


@pytest.mark.parametrize(("lang", "text", "number", "metric", "mentions"), [
    ("en", "Investments reached $27 billion.", "$27 billion", "investment_stock", []),
    ("it", "Oltre 100.000 studenti svolgono tirocini in 18.000 imprese.", "100.000", "students",
     []),
    ("en", "Trade between Russia and Kazakhstan reached $28 billion.", "$28 billion",
     "trade_turnover", [("Russia", RU, False), ("Kazakhstan", KZ, False)]),
])
def test_reconcile_direction_unknown_or_not_directional_is_none(
        lang: str, text: str, number: str, metric: str,
        mentions: list[tuple[str, str, bool]]) -> None:
    (fig,) = DirectionStage()(document(lang, text, number, metric, mentions)).figures
    assert fig.direction is None


def test_reconcile_direction_currency_country_is_not_a_subject() -> None:
    text = ("L'interscambio tra Russia e Kazakistan ha raggiunto i $27,8 miliardi di dollari "
            "USA.")
    doc = document("it", text, "$27,8 miliardi di dollari USA", "trade_turnover",
                   [("Russia", RU, False), ("Kazakistan", KZ, False), ("USA", US, False)])
    (fig,) = DirectionStage()(doc).figures
    assert fig.subjects == [RU, KZ]


def test_reconcile_direction_one_named_side_gets_the_documents_other_country() -> None:
    first = "Il Kazakistan e l'Uzbekistan firmano un accordo. "
    second = "Oltre 17.000 imprese a partecipazione uzbeka sono attive."
    text = first + second
    mentions = [Mention(start=text.index(s), end=text.index(s) + len(s), text=s, type="country",
                        key=k, relation=r) for s, k, r in
                [("Kazakistan", KZ, None), ("Uzbekistan", UZ, None), ("uzbeka", UZ, "demonym")]]
    at = text.index("17.000")
    fig = Figure(sentence=1, start=at, end=at + 6, surface="17.000", quote=second, value=17e3,
                 unit="count", metric="companies")
    doc = Document(id="d", source="d", language="it", text=text, mentions=mentions,
                   sentences=[Sentence(start=0, end=len(first), text=first),
                              Sentence(start=len(first), end=len(text), text=second)],
                   figures=[fig])
    (fig,) = DirectionStage()(doc).figures
    assert fig.direction == f"{UZ}>{KZ}"


def ref(fid: str, value: float, direction: str | None, *, doc: str = "d1",
        metric: str = "investment_stock", approx: str = "exact") -> FigureRef:
    """Build a stored figure with a direction."""
    fig = Figure(sentence=0, start=0, end=0, surface="", quote="", value=value, unit="USD",
                 metric=metric, approx=approx, direction=direction,  # type: ignore[arg-type]
                 subjects=direction.replace("<>", ">").split(">") if direction else [RU, KZ])
    return FigureRef(id=fid, document=doc, figure=fig)


def test_reconcile_direction_opposite_flows_never_conflict() -> None:
    refs = [ref("a", 20e9, f"{AZ}>{TR}", doc="d1"), ref("b", 15e9, f"{TR}>{AZ}", doc="d2")]
    groups = group_figures(refs, {})
    assert sorted(g.subjects for g in groups) == [(AZ, TR), (TR, AZ)]
    assert find_conflicts(groups) == []


def test_reconcile_direction_same_flow_conflicts_and_keeps_its_order() -> None:
    refs = [ref("a", 10e9, f"{RU}>{KZ}", doc="d1"), ref("b", 27e9, f"{RU}>{KZ}", doc="d1")]
    (conflict,) = find_conflicts(group_figures(refs, {}))
    assert conflict.subjects == [RU, KZ] and conflict.metric == "investment_stock"


def test_reconcile_direction_mutual_and_unknown_stay_apart_from_flows() -> None:
    refs = [ref("a", 1.5e9, f"{KZ}>{TR}"), ref("b", 7e9, f"{KZ}<>{TR}"),
            ref("c", 3e9, None, doc="d2")]
    assert len(group_figures(refs, {})) == 3
    assert find_conflicts(group_figures(refs, {})) == []


@pytest.mark.parametrize(("same_doc", "conflicts"), [(True, 0), (False, 1)])
def test_reconcile_direction_unknown_conflicts_only_across_documents(
        same_doc: bool, conflicts: int) -> None:
    refs = [ref("a", 18000, None, metric="companies"),
            ref("b", 4000, None, metric="companies", doc="d1" if same_doc else "d2",
                approx="more_than")]
    assert len(find_conflicts(group_figures(refs, {}))) == conflicts


def test_reconcile_direction_incremental_matches_rebuild() -> None:
    first = [ref("a", 10e9, f"{RU}>{KZ}"), ref("b", 9e9, f"{KZ}>{RU}")]
    later = [ref("c", 27e9, f"{RU}>{KZ}", doc="d2"), ref("d", 9.05e9, f"{KZ}>{RU}", doc="d3")]
    index = GroupIndex({})
    index.add(first)
    index.add(later)
    updated = update_groups(group_figures(first, {}), later, {})

    def shape(groups: list[FigureGroup]) -> list[tuple[object, list[str]]]:
        return sorted((g.key, sorted(r.id for r in g.figures)) for g in groups)

    assert shape(index.groups()) == shape(updated) == shape(group_figures(first + later, {}))
    (conflict,) = find_conflicts(updated)
    assert conflict.subjects == [RU, KZ]
