"""Gazetteer names tokenise and fold exactly like the text matcher's tokens."""

from __future__ import annotations

import pytest

from dossier.nlp.entities.gazetteer import TOKEN, tokens
from dossier.nlp.entities.normalize import fold


@pytest.mark.parametrize("name", [
    "Port-Louis", "Sao Tome and Principe", "São Tomé", "MERCOSUR 2", "Al-Sisi bin Zayed",
    "Dell'Arco", "Nur-Sultan", "Şanlıurfa", "Санкт-Петербург", "Qaraghandy Oblysy",
])
def test_gazetteer_tokens_equal_folded_text_tokens(name: str) -> None:
    assert tokens(name) == [fold(w) for w in TOKEN.findall(name)]


def test_gazetteer_ascii_and_accented_spellings_meet() -> None:
    assert tokens("Sao Tome") == tokens("São Tomé") == ["sao", "tome"]
