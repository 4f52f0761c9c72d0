"""Multilingual numbers and quantities: numerals, number words, scales, currencies, percents.

Written for dossier because nothing on PyPI reads these nine languages together with what a
news figure needs: quantulum3 and number-parser are English-first, Recognizers-Text has no
maintained Python port for ru/kk/tr with currencies, and none gives the counted noun, the
qualifier ("oltre", "более", "-den fazla") or the vague lower bound ("decine di miliardi").
All per-language knowledge is in ``dossier/lang/<code>/figures.toml``.
"""

from __future__ import annotations

from dossier.nlp.numbers.lexicon import NumberLexicon, lexicon
from dossier.nlp.numbers.numerals import parse_number
from dossier.nlp.numbers.scanner import Quantity, Scanner, find_quantities, scanner
from dossier.nlp.numbers.words import WordNumbers, evaluate, segment

__all__ = [
    "NumberLexicon", "Quantity", "Scanner", "WordNumbers", "evaluate", "find_quantities",
    "lexicon", "parse_number", "scanner", "segment",
]
