"""Two documents joined by a conjunction are two agreements, in head-first and head-final
languages alike."""

from __future__ import annotations

import pytest

from dossier.extract.agreements import find_agreements
from tests.test_events_util import make_doc

# (language, sentence naming two documents joined by "and"/"ile"/"және", the two title cores)
CASES = [
    ("de", "Beide Regierungen unterzeichneten ein Abkommen über Energie und ein Memorandum "
     "über Berufsbildung.", ("Energie", "Berufsbildung")),
    ("tr", "Törende 2025-2027 Dönemi Ortak Eylem Planı ile Enerji Alanında İşbirliği Mutabakat "
     "Zaptı imzalandı.", ("Eylem Planı", "Enerji Alanında")),
    ("en", "The ministers signed the Memorandum on Energy Cooperation and the Agreement on "
     "Visa Facilitation.", ("Energy", "Visa")),
    ("it", "I ministri hanno firmato il Memorandum sull'Energia e l'Accordo sulla Mobilità "
     "Giovanile.", ("Energia", "Mobilità")),
    ("kk", "Тараптар энергетика саласындағы ынтымақтастық туралы меморандумға және су "
     "ресурстары саласындағы ынтымақтастық туралы келісімге қол қойды.", ("энергетика", "су ")),
]


@pytest.mark.parametrize(("language", "text", "cores"), CASES)
def test_agreements_coordinated_titles_split(language: str, text: str,
                                             cores: tuple[str, str]) -> None:
    found = find_agreements(make_doc(text, language, {}))
    titles = [a.original_title for a in found]
    assert len(found) == 2, titles
    for core in cores:
        assert sum(core in t for t in titles) == 1, titles
