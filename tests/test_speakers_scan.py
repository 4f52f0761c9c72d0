# ruff: noqa: E501  (tables of real-style sentences read better unwrapped)
"""Speakers: the one-pass cue scan skips only sentences that cannot speak (same speakers)."""

from __future__ import annotations

import re

import pytest

from dossier.extract.speakers import SpeakerFinder, assign_speakers
from dossier.extract.speakerscan import ACCORDING, ALL, REPORTING, SELF, cue_sentences
from dossier.model import Document, Mention, Sentence

NAMES = {"Putin": "vladimir putin", "Путин": "vladimir putin", "Оверчук": "aleksei overchuk",
         "Merz": "friedrich merz", "Reiche": "katherina reiche", "Erdoğan": "recep tayyip erdogan",
         "Fidan": "hakan fidan", "Meloni": "giorgia meloni", "Xi": "xi jinping"}


def glued_doc(sentences: list[list[str]], lang: str, sep: str = " ") -> Document:
    """Build a document of paragraphs of sentences joined by ``sep`` (no space: glued)."""
    text, sents, mentions = "", [], []
    for p, para in enumerate(sentences):
        if text:
            text += "\n\n"
        for k, s in enumerate(para):
            if k:
                text += sep
            sents.append(Sentence(start=len(text), end=len(text) + len(s), text=s, paragraph=p))
            text += s
    for name, key in NAMES.items():
        for m in re.finditer(rf"{re.escape(name)}(?!\w)", text):
            mentions.append(Mention(start=m.start(), end=m.end(), text=name, type="person",
                                    key="person:" + key))
    mentions.sort(key=lambda m: m.start)
    return Document(id="d", source="d", text=text, language=lang, sentences=sents,
                    mentions=mentions)


def unscanned(doc: Document) -> list[str | None]:
    """Return the speakers with every sentence tested in full (no cue scan)."""
    finder = SpeakerFinder(doc)
    finder._cued = [ALL] * len(doc.sentences)
    return finder.assign()


def test_speakers_scan_flags_sentences_with_a_cue_only() -> None:
    doc = glued_doc([["Trade grew by 5% last year.", "Putin said it would grow.", "Prices rose by 3%.",
                      "According to the ministry, exports fell."]], "en")
    # "according" is a reporting verb and the word of "according to him" too
    assert cue_sentences(doc) == [0, REPORTING, 0, ACCORDING | REPORTING | SELF]


def test_speakers_scan_source_at_the_start_of_a_glued_sentence_stops_the_speaker() -> None:
    # "(?:^|\s)По оценкам" (source_re, read lazily): the sentence's own start counts, though
    # a full stop stands before it in the document
    doc = glued_doc([["Путин заявил, что торговля растёт.", "По оценкам экспертов, товарооборот вырос на 5%."]], "ru", sep="")
    assert assign_speakers(doc) == ["person:vladimir putin", None]


@pytest.mark.parametrize(("second", "want"), [
    ("Der Handel sei um 5 Prozent gewachsen.", "person:katherina reiche"),
    ("Nach Daten des Amtes sei der Handel um 5 Prozent gewachsen.", None),
])
def test_speakers_scan_source_without_a_cue_phrase_still_stops_reported_speech(second: str, want: str | None) -> None:
    doc = glued_doc([["„Der Handel wächst“, sagte Reiche."], [second]], "de")
    assert cue_sentences(doc)[1] == 0
    assert assign_speakers(doc)[1] == want == unscanned(doc)[1]


def test_speakers_scan_counts_a_name_glued_to_the_word_before_it() -> None:
    doc = glued_doc([["Trade grew by 5% last year.", "The visit ofPutin went well."]], "en")
    assert cue_sentences(doc) == [0, ALL]


@pytest.mark.parametrize(("lang", "paragraphs"), [
    ("en", [["Putin said trade grew by 5%.", "It reached $6.9 billion.", "Prices rose."],
            ["According to him, exports fell by 3%.", "The weather was fine."],
            ["Xi, who met Putin on Tuesday, said trade grew by 5%.", "Nobody knows."]]),
    ("ru", [["Путин заявил, что торговля растёт.", "По его словам, товарооборот вырос на 5%."],
            ["Погода была хорошей.", "По оценкам экспертов, экспорт вырос на 3%."],
            ["— Товарооборот вырос на 10%.", "Это хороший результат, — сказал Оверчук."]]),
    ("de", [["„Der Handel wuchs um 11 Prozent“, sagte Reiche.", "Das sei ein gutes Zeichen."],
            ["Laut dem Kanzler Merz investieren beide Länder 3,5 Mrd. Euro.", "Es regnete."]]),
    ("tr", [["Hakan Fidan açıklama yaptı.", "Fidan'a göre ticaret hacmi 10,4 milyar dolar oldu."],
            ["Hava güzeldi.", "Erdoğan, ticaretin yüzde 5 arttığını söyledi."]]),
    ("it", [["«L'interscambio ha superato i 14 miliardi. È un record», ha detto Meloni.", "Piove."]]),
])
@pytest.mark.parametrize("sep", [" ", ""])
def test_speakers_scan_gives_the_speakers_of_a_full_reading(lang: str, paragraphs: list[list[str]], sep: str) -> None:
    doc = glued_doc(paragraphs, lang, sep)
    assert assign_speakers(doc) == unscanned(doc)
    assert any(assign_speakers(doc))


LANGS = ["de", "en", "es", "fr", "it", "kk", "pt", "ru", "tr"]


def test_speakers_scan_fold_keeps_every_letter_re_ignorecase_matches() -> None:
    # every character that IGNORECASE lets stand for a cue-phrase letter folds as that letter
    from dossier.extract.speakers import speaker_data
    from dossier.nlp.phraseindex import fold

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    letters = {ch for lang in LANGS for key in ("reporting", "according", "according_after", "according_self")
               for p in speaker_data(lang).get(key) or () for ch in p.lower() if ch.isalpha()}
    letters |= set("iısſkσς")
    for ch in sorted(letters):
        for other in re.findall(f"(?i){re.escape(ch)}", every):
            assert fold(other) == fold(ch), (ch, other)
    assert len(fold(every)) == len(every)


@pytest.mark.parametrize(("phrase", "want"), [
    ("said", ("said", True, True)),
    ("according to", ("according", True, True)),
    ("по словам", ("словам", True, True)),
    ("как заявил*", ("заявил", True, False)),
    ("d'après", ("d'après", True, True)),
    ("İfadesine göre", ("ifadesine", True, True)),
])
def test_speakers_scan_phrase_key_is_the_longest_word_with_its_boundaries(phrase: str, want: tuple[str, bool, bool]) -> None:
    from dossier.extract.speakerscan import phrase_key

    assert phrase_key(phrase) == want


def test_speakers_scan_finds_cues_in_other_letter_cases() -> None:
    doc = glued_doc([["Ticaret büyüdü.", "ERDOĞAN'IN AÇIKLAMASINA GÖRE ticaret büyüdü."]], "tr")
    assert [bool(b) for b in cue_sentences(doc)] == [False, True]


@pytest.mark.parametrize("lang", LANGS)
def test_speakers_role_phrases_start_with_a_word_character(lang: str) -> None:
    # the forward title run tries role phrases only where a word starts
    from dossier import lang as langdata

    roles = langdata.load(lang, "speakers").get("roles", {})
    firsts = {p.split()[0].lstrip("*")[:1] for ps in roles.values() for p in ps if p.split()[0] != "~"}
    assert firsts and all(re.match(r"\w", c) for c in firsts)


def _old_forward_run(self, text: str, start: int):  # type: ignore[no-untyped-def]
    """The forward run as first written: every role phrase of the span read up front."""
    from dossier.extract.roles import _TOKEN

    phrases = self.vocab.roles.finditer(text)
    pending = next(phrases, None)
    covered: list[tuple[int, int]] = []
    run = []
    for t in _TOKEN.finditer(text):
        while pending is not None and pending.start() < t.end():
            if pending.lastgroup:
                covered.append((start + pending.start(), start + pending.end()))
            pending = next(phrases, None)
        tok = self._token(start + t.start(), start + t.end(), t.group(), covered)
        if not tok[2]:
            return run, False
        run.append(tok)
    return run, True


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Russian Prime Minister and the Deputy Foreign Minister of China, Putin, said the vice-president was there."),
    ("ru", "Вице-премьер и глава МИД России, министр иностранных дел Путин, заявил, что премьер-министр приедет."),
    ("de", "Der Bundeskanzler, Außenministerin und der stellvertretende Ministerpräsident Merz sagte es."),
    ("it", "Il presidente del Consiglio e la premier Meloni, ministra degli Esteri, ha detto."),
])
def test_speakers_title_runs_read_phrases_as_far_as_the_run_goes(lang: str, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from dossier.extract.roles import RoleIndex

    doc = glued_doc([[text]], lang)
    finder = SpeakerFinder(doc)
    spans = [(a, b) for a in range(0, len(text), 3) for b in range(a + 1, len(text) + 1, 7)]
    new = [(finder.roles.title_lead(a, b), finder.roles.title_ref(a, b)) for a, b in spans]
    monkeypatch.setattr(RoleIndex, "_forward_run", _old_forward_run)
    old = [(finder.roles.title_lead(a, b), finder.roles.title_ref(a, b)) for a, b in spans]
    assert new == old
    assert any(lead for lead, _ in new)
