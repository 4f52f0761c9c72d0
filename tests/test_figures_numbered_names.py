"""A count right after a capitalised word that is no entity is part of a name ("Series 3",
"Fortune 500", "Level 2"); after an entity, in a title-case headline, after a possessive or
before a capitalised noun it stays a figure."""

from __future__ import annotations

import pytest

from dossier.model import Document
from dossier.pipeline import build_pipeline

PIPE = build_pipeline(["clean", "language", "published", "sentences", "entities", "figures"])


def counts(text: str) -> list[float]:
    doc = PIPE(Document(id="t", source="t", raw=text, format="txt"))
    return [f.value for f in doc.figures if f.unit == "count"]


@pytest.mark.parametrize("text", [
    "The new Series 3 features an aluminium case and a brighter screen.",
    "The company is now a supplier of every Fortune 500 company in the sector.",
    "Drivers of Level 2 stations will pay a lower tariff from next month.",
    "Le nouveau modèle Galaxy 7 propose un écran plus grand que le précédent.",
    "Il nuovo treno Frecciarossa 1000 collega le due città in tre ore.",
    "A nova versão do Gripen 39 chega às bases aéreas no próximo ano.",
])
def test_figures_number_inside_a_name_is_no_count(text: str) -> None:
    assert counts(text) == []


@pytest.mark.parametrize(("text", "value"), [
    ("In Russia 150 companies with Kazakh capital are registered.", 150),
    ("Kazakistan'da 150 Türk şirketi faaliyet gösteriyor.", 150),
    ("В Казахстане работают 150 российских компаний.", 150),
    ("In Italia 150 aziende algerine hanno aperto una sede.", 150),
    ("Russia And Kazakhstan Sign 12 Agreements In Astana", 12),
    ("The Hybrid's 176 engineers work in three shifts.", 176),
    ("Beim Forum begrüßte der Gastgeber 500 Teilnehmer aus beiden Ländern.", 500),
    ("Nearly 300 students from Kazakhstan study in Italy this year.", 300),
])
def test_figures_count_after_a_capitalised_word_stays_a_figure(text: str, value: float) -> None:
    assert value in counts(text)
