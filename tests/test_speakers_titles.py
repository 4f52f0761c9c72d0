# ruff: noqa: E501  (tables of real-style sentences read better unwrapped)
"""Speakers, round 2: titles with demonyms, counterparts, honorifics, title subjects, speaker-eligible names."""

from __future__ import annotations

import re

import pytest

from dossier.extract.roles import role_vocabulary
from dossier.extract.speakable import speaker_people
from dossier.extract.speakers import assign_speakers, speaker_cues
from dossier.model import Document, Mention, Sentence

P = "person:"
#: surface form -> (type, key, source); persons as the entity stage keys them
NAMES: dict[str, tuple[str, str, str]] = {
    **{n: ("person", P + k, "gazetteer") for k, ns in {
        "emmanuel macron": ["Emmanuel Macron", "Macron"],
        "vladimir putin": ["Vladimir Putin", "Putin"],
        "pedro sanchez": ["Pedro Sánchez", "Sánchez"],
        "joao lourenco": ["João Lourenço", "Lourenço"],
        "murat nurtleu": ["Murat Nurtleu", "Nurtleu"],
        "hakan fidan": ["Hakan Fidan", "Fidan"],
        "kassym-jomart tokayev": ["Қасым-Жомарт Тоқаев", "Kassym-Jomart Tokayev", "Tokayev"],
        "sergey lavrov": ["Сергей Лавров"],
        "olaf scholz": ["Olaf Scholz", "Scholz"],
        "friedrich merz": ["Friedrich Merz", "Merz"],
        "giorgia meloni": ["Giorgia Meloni", "Meloni"],
    }.items() for n in ns},
    **{n: ("person", P + k, "shape") for k, ns in {
        "wang yi": ["Ван И"],
        "aleksei overchuk": ["Алексей Оверчук"],
        "lula": ["Lula"],
        "mauro vieira": ["Mauro Vieira"],
    }.items() for n in ns},
    # false persons the entity stage may produce
    "Commercio": ("person", P + "commercio", "cue"),
    "Officials": ("person", P + "officials", "cue"),
    "Doğal Gaz Boru": ("person", P + "dogal gaz boru", "shape"),
    "Председатель Правительства": ("person", P + "predsedatel pravitelstva", "shape"),
    # an inflected surname the entity stage left untyped
    "Оверчука": ("other", "other:overchuka", "shape"),
    **{n: ("country", "country:" + c, "gazetteer") for c, ns in {
        "RU": ["России", "Rusya"], "CN": ["Китая"], "AO": ["Angola"], "TR": ["Türkiye"],
        "KZ": ["Қазақстан", "Kazakh"], "BR": ["Brasil"]}.items() for n in ns},
    "МИД": ("organization", "organization:mid", "gazetteer"),
}


def make_doc(paragraphs: list[str], lang: str) -> Document:
    """Build a document: one paragraph per item, sentences split at . ! ? and mentions from NAMES."""
    text = "\n\n".join(paragraphs)
    sentences: list[Sentence] = []
    pos = 0
    for p_idx, para in enumerate(paragraphs):
        # no split after an honorific abbreviation, as the sentence stage does
        for m in re.finditer(r".+?(?:(?<!\bM)(?<!\bMr)(?<!\bDr)[.!?]+[\"”»“]?(?=\s|$)|$)", para):
            chunk = m.group().strip()
            if chunk:
                start = pos + m.start() + (len(m.group()) - len(m.group().lstrip()))
                sentences.append(Sentence(start=start, end=start + len(chunk), text=chunk, paragraph=p_idx))
        pos += len(para) + 2
    found = []
    for name, (typ, key, source) in NAMES.items():
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            sent = next(i for i, s in enumerate(sentences) if s.start <= m.start() < s.end)
            found.append(Mention(start=m.start(), end=m.end(), text=name, type=typ, key=key,  # type: ignore[arg-type]
                                 source=source, sentence=sent))
    found.sort(key=lambda m: (m.start, -m.end))
    mentions = [m for i, m in enumerate(found) if i == 0 or m.start >= found[i - 1].end]
    return Document(id="d", source="d", text=text, language=lang, sentences=sentences, mentions=mentions)


def speaker_of(paragraphs: list[str], lang: str, target: str) -> str | None:
    """Return the speaker assigned to the sentence holding ``target``."""
    doc = make_doc(paragraphs, lang)
    speakers = assign_speakers(doc)
    hits = [i for i, s in enumerate(doc.sentences) if target in s.text]
    assert hits, f"{target!r} not in any sentence"
    return speakers[hits[0]]


@pytest.mark.parametrize(("lang", "paragraphs", "target", "want"), [
    # an honorific abbreviation between the verb and the name ("a souligné M. X")
    ("fr", ["« Nos échanges ont atteint 12 milliards d'euros », a souligné M. Macron devant la presse. Selon lui, 400 entreprises sont installées au pays."], "12 milliards", "emmanuel macron"),
    ("fr", ["« Nos échanges ont atteint 12 milliards d'euros », a souligné M. Macron devant la presse. Selon lui, 400 entreprises sont installées au pays."], "400 entreprises", "emmanuel macron"),
    ("en", ['"Trade reached 4 billion dollars," said Mr. Putin after the talks.'], "4 billion", "vladimir putin"),
    # a pronoun right after a quote that ran over two sentences
    ("en", ["Kazakh Foreign Minister Murat Nurtleu spoke to reporters in Astana.", '"We are ready to do more. Trade can reach 10 billion dollars by 2030," he said.'], "10 billion", "murat nurtleu"),
    # a title subject, then an adverb or an aside before the verb
    ("fr", ["Le président français, Emmanuel Macron, a reçu une délégation d'entrepreneurs.", "Le président a également indiqué que 600 entreprises françaises opèrent dans le pays."], "600 entreprises", "emmanuel macron"),
    ("fr", ["Le président français, Emmanuel Macron, a reçu une délégation d'entrepreneurs.", "Le président français a, de son côté, rappelé que les échanges avaient atteint 9 milliards."], "9 milliards", "emmanuel macron"),
    ("pt", ["O presidente russo, Vladimir Putin, recebeu o homólogo em Moscovo.", "O presidente russo também afirmou que o comércio chegou a 3 mil milhões de dólares."], "3 mil milhões", "vladimir putin"),
    # verb-final languages: the subject title may stand far before the verb
    ("kk", ["Қазақстан Президенті Қасым-Жомарт Тоқаев Астанада инвесторлармен кездесті.", "Қазақстан Президенті 2030 жылға қарай тауар айналымын 10 млрд долларға жеткізу керек екенін атап өтті."], "10 млрд", "kassym-jomart tokayev"),
    ("tr", ["Rusya Devlet Başkanı Vladimir Putin Ankara'da temaslarda bulundu.", "Rus lider iki ülke arasındaki ticaret hacminin 50 milyar dolara ulaştığını söyledi."], "50 milyar", "vladimir putin"),
    # demonyms and region adjectives in a bare title pick the holder of that country
    ("es", ["El presidente de Angola, João Lourenço, y el presidente del Gobierno español, Pedro Sánchez, se reunieron en Madrid.", "En rueda de prensa, el mandatario africano afirmó que el comercio alcanzó 900 millones de euros."], "900 millones", "joao lourenco"),
    ("es", ["El presidente de Angola, João Lourenço, y el presidente del Gobierno español, Pedro Sánchez, se reunieron en Madrid.", "El jefe del Gobierno español, de 53 años, destacó que 300 empresas españolas operan en el país."], "300 empresas", "pedro sanchez"),
    ("ru", ["Министр иностранных дел России Сергей Лавров провел переговоры с министром иностранных дел Китая Ван И.", '"Торговля выросла на 5%", - подчеркнул глава китайского МИД.'], "5%", "wang yi"),
    # "his counterpart" holds the same office as the host, with its own country
    ("en", ["Kazakh Foreign Minister Murat Nurtleu held talks with his Turkish counterpart Hakan Fidan in Astana.", '"We can reach 15 billion dollars," the Turkish minister told reporters.'], "15 billion", "hakan fidan"),
    # "Об этом заявил X": X said the sentence before
    ("ru", ["Россия и Китай намерены довести товарооборот до 300 млрд долларов. Об этом заявил Сергей Лавров на брифинге."], "300 млрд", "sergey lavrov"),
    ("de", ["Der Handel mit Polen soll bis 2030 auf 200 Milliarden Euro wachsen. Das sagte Merz am Montag in Berlin."], "200 Milliarden", "friedrich merz"),
    # an inflected surname typed "other" by the entity stage
    ("ru", ["Заседание провел вице-премьер Алексей Оверчук.", "По словам Оверчука, товарооборот составил 11 млрд долларов."], "11 млрд", "aleksei overchuk"),
])
def test_speakers_titles_resolve(lang: str, paragraphs: list[str], target: str, want: str) -> None:
    assert speaker_of(paragraphs, lang, target) == P + want


@pytest.mark.parametrize(("lang", "paragraphs", "target"), [
    # a title nobody in the text holds is someone else, not the last speaker
    ("en", ["Russian President Vladimir Putin said trade grew last year. The Iraqi trade minister said exports reached 5 billion dollars."], "5 billion"),
    ("it", ["La premier Giorgia Meloni ha detto che il commercio cresce. Il ministro del Commercio iracheno ha detto che l'interscambio vale 16 miliardi."], "16 miliardi"),
    # false persons: a common word of the text, a role inside the name, a bilateral project
    ("it", ["Il ministro del Commercio ha fornito una cifra: 16 miliardi di dollari, e il commercio informale cresce."], "16 miliardi"),
    ("en", ["Officials said a deal could bring 2 billion dollars, officials in Ankara added."], "2 billion"),
    ("tr", ["Rusya-Türkiye Doğal Gaz Boru Hattı'nın günde 40 milyon metreküp gaz taşıdığını belirtti."], "40 milyon"),
    ("ru", ["Председатель Правительства заявил, что инвестиции составили 7 млрд долларов."], "7 млрд"),
    # "according to" a source that is no person: the writer's figure, not the last speaker's
    ("en", ["Putin said the talks went well. Exports rose to 3 billion dollars, according to customs data."], "3 billion"),
    ("de", ["Merz sagte, die Gespräche seien gut gewesen. Nach Angaben des Statistischen Bundesamts stieg der Handel auf 170 Milliarden Euro."], "170 Milliarden"),
    ("it", ["Meloni ha detto che i colloqui sono andati bene. Secondo i dati doganali, l'interscambio ha raggiunto 9 miliardi."], "9 miliardi"),
    ("ru", ["Сергей Лавров заявил, что переговоры прошли успешно. По данным таможни, товарооборот вырос до 240 млрд долларов."], "240 млрд"),
    ("tr", ["Fidan görüşmelerin verimli geçtiğini söyledi. TÜİK verilerine göre ticaret hacmi 12 milyar dolara ulaştı."], "12 milyar"),
])
def test_speakers_titles_no_false_speaker(lang: str, paragraphs: list[str], target: str) -> None:
    assert speaker_of(paragraphs, lang, target) is None


@pytest.mark.parametrize(("lang", "paragraphs", "target", "want"), [
    # "secondo"/"segundo" as an ordinal is no source cue: the paragraph's speaker goes on
    ("it", ["Meloni ha detto che restano due nodi. Il secondo è l'energia: servono 2 miliardi di investimenti."], "2 miliardi", "giorgia meloni"),
    ("pt", ["Lula afirmou que há dois desafios. O segundo é a logística, que exige 5 mil milhões de reais."], "5 mil milhões", "lula"),
])
def test_speakers_titles_ordinal_is_no_source(lang: str, paragraphs: list[str], target: str, want: str) -> None:
    assert speaker_of(paragraphs, lang, target) == P + want


@pytest.mark.parametrize(("lang", "headline", "body", "target"), [
    ("en", "Putin: trade with China will reach 300 billion dollars", "Chinese exports grew by 12% in the first half, customs data show.", "12%"),
    ("pt", "Lula: comércio com Angola vai dobrar", "As exportações brasileiras para Angola somaram 1,5 mil milhões de dólares em 2024.", "1,5 mil"),
])
def test_speakers_titles_headline_governs_only_itself(lang: str, headline: str, body: str, target: str) -> None:
    doc = make_doc([headline, body], lang)
    speakers = assign_speakers(doc)
    assert speakers[0] is not None  # the headline is the person's
    assert speaker_of([headline, body], lang, target) is None


@pytest.mark.parametrize(("lang", "word", "country"), [
    ("es", "portugués", "country:PT"), ("es", "luso", "country:PT"), ("pt", "moçambicano", "country:MZ"),
    ("fr", "égyptien", "country:EG"), ("it", "iracheno", "country:IQ"), ("ru", "индийского", "country:IN"),
    ("de", "japanische", "country:JP"), ("tr", "Iraklı", "country:IQ"), ("kk", "жапон", "country:JP"),
    ("en", "Mozambican", "country:MZ"), ("es", "africano", "country:MZ"), ("fr", "africain", "country:MA"),
])
def test_speakers_titles_demonyms(lang: str, word: str, country: str) -> None:
    assert country in role_vocabulary(lang).countries(word)


@pytest.mark.parametrize("lang", ["en", "fr", "es", "it", "pt", "de", "ru", "kk", "tr"])
def test_speakers_titles_every_language_has_cues(lang: str) -> None:
    vocab = role_vocabulary(lang)
    assert vocab.demonyms.pattern != "(?!x)x"
    assert any(r == "counterpart" for r in vocab.names.values())
    assert speaker_cues(lang).backward.pattern != "(?!x)x"


def test_speakers_titles_people_keep_curated_and_drop_common() -> None:
    doc = make_doc(["Il ministro del Commercio ha incontrato Giorgia Meloni; il commercio cresce."], "it")
    cues = speaker_cues("it")
    kept = {m.key for m in speaker_people(doc, cues.titles, role_vocabulary("it", cues.title_words))}
    assert kept == {P + "giorgia meloni"}
