"""One Aho-Corasick pass finds every place a phrase list's regex can match (same matches)."""

from __future__ import annotations

import re

import pytest

from dossier.nlp.numbers import Scanner
from dossier.nlp.numbers.phrases import alt
from dossier.nlp.numbers.words import number_word_keys
from dossier.nlp.phraseindex import PhraseKeys, fold, matches_at, start_finder

TEXTS = [
    "Half a million people, a half of them; behalf of ONE HALF. A third, two-thirds.",
    "Tens of thousands and HUNDREDS of firms; intense talks, attends.",
    "Una quarantina di accordi, la metà; LA METÀ delle imprese; metàlica.",
    "Половина компаний, десяток сделок; полОВИНА и подесяток.",
    "İKİ yüz şirket, iki bin kişi; ılık yarım milyon. Yarımada.",
    "ſchön: Hälfte, die HÄLFTE; Zehntausende, Dutzende_Firmen, x²Dutzende.",
]


def _spans(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[tuple[int, int]]:
    return [m.span() for m in matches_at(pattern, text, starts)]


def test_fold_keeps_offsets_and_folds_what_ignorecase_equates() -> None:
    text = "İstanbul ılık ſehr ΣΟΦΟΣ σοφος “Quote”"
    low = fold(text)
    assert len(low) == len(text)
    assert low.startswith("istanbul ilik sehr")
    assert low.count("ς") == 0  # final and medial sigma fold together


def test_phrase_keys_tell_whole_first_words_from_stems() -> None:
    keys = PhraseKeys.of(["half a", "tens", "bilateral*", "d'ici", "%"])
    assert keys.exact == {"half", "tens", "d"}
    assert keys.stems == ("bilateral",)
    assert not keys.indexable  # "%" starts with no letter
    assert PhraseKeys.of(["zehntausend"], whole=False).stems == ("zehntausend",)


@pytest.mark.parametrize("phrases", [
    ["half", "a half", "one half", "a third", "two thirds", "two-thirds"],
    ["tens", "hundreds", "half a"],
    ["quarantina", "la metà", "metà", "un terzo"],
    ["половина", "десяток", "полтора"],
    ["iki", "yarım", "bir buçuk"],
    ["Hälfte", "die Hälfte", "Zehntausende", "Dutzende", "export*"],
])
def test_start_finder_gives_the_matches_of_a_full_scan(phrases: list[str]) -> None:
    pattern = re.compile(alt(phrases))
    finder = start_finder({"p": PhraseKeys.of(phrases)})
    assert finder is not None
    for text in TEXTS:
        starts = finder.starts(fold(text))["p"]
        assert _spans(pattern, text, starts) == [m.span() for m in pattern.finditer(text)]


def test_start_finder_sorts_one_word_into_every_list_it_opens() -> None:
    finder = start_finder({"a": PhraseKeys.of(["half a"]), "b": PhraseKeys.of(["half"]),
                           "c": PhraseKeys.of(["quarter"])})
    assert finder is not None
    found = finder.starts(fold("Half a loaf; behalf; HALF."))
    assert found == {"a": [0, 21], "b": [0, 21], "c": []}


def test_number_word_keys_accept_words_made_of_number_words_only() -> None:
    keys = number_word_keys({"venti": 20, "tre": 3, "mila": 1000, "quatre-vingt": 80})
    assert keys.accepts("ventitremila") and keys.accepts("tre") and keys.accepts("quatre")
    assert not keys.accepts("trenta") and not keys.accepts("venture")


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Two hundred and fifty firms, a half of the market, tens of thousands of jobs "
           "and half a million euros; someone spent one billion."),
    ("it", "Ventitremila persone, una quarantina di accordi e la metà delle imprese; "
           "mezzo miliardo di euro e decine di miliardi."),
    ("de", "Dreiundzwanzig Firmen, Zehntausende Besucher, die Hälfte der Exporte und "
           "eineinhalb Milliarden Euro."),
    ("ru", "Двадцать три компании, десяток сделок, половина экспорта и полтора миллиарда."),
    ("tr", "İki yüz şirket, yarım milyon kişi ve bir buçuk milyar dolar."),
    ("fr", "Quatre-vingt-dix entreprises, une trentaine d'accords et la moitié des ventes."),
])
def test_scanner_finds_what_the_regex_scans_find(language: str, text: str) -> None:
    fast = Scanner(language)
    slow = Scanner(language)
    slow._starts = None  # every kind scanned with its regex
    assert fast.find(text) == slow.find(text)
    assert fast.find(text, bare=True) == slow.find(text, bare=True)
    assert fast.find(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("The deal is worth US$ 5 million and R$\n12 million, or Rs. 40 crore.",
     [("US$ 5 million", "USD"), ("R$\n12 million", "BRL"), ("Rs. 40 crore", "INR")]),
    ("Paid Kz 300 million and €\u00a07 billion; the try 5 workers made.",
     [("Kz 300 million", "AOA"), ("€\u00a07 billion", "EUR"), ("5", "count")]),
])
def test_currency_signs_before_numbers_are_still_read(
        text: str, expected: list[tuple[str, str]]) -> None:
    # the sign search runs only where a sign or code may end just before the number
    found = Scanner("en").find(text)
    assert [(q.surface, q.unit) for q in found] == expected


def test_decimal_mark_settled_by_the_first_decimal_written_the_languages_way() -> None:
    from dossier.nlp.numbers.numerals import decimal_mark

    assert decimal_mark("Creció 2.5% y luego 1,5%, con 4,100 empresas", ",") == ","
    assert decimal_mark("Creció 2.5% y 3.7%, con 4,100 empresas", ",") == "."
    assert decimal_mark("Sin decimales: 4,100 empresas", ",") == ","
