# ruff: noqa: E501  (tables of real-style sentences read better unwrapped)
"""Speakers: quotes, reported speech, titles, non-speakers, per language (all nine)."""

from __future__ import annotations

import re

import pytest

from dossier.extract.quotes import quote_spans
from dossier.extract.speakers import assign_speakers, canonical_people, speaker_data
from dossier.model import Document, Mention, Sentence

P = "person:"
NAMES: dict[str, tuple[str, str, str | None]] = {
    # persons (inflected forms map to one key, as the entity stage does)
    **{n: ("person", P + k, None) for k, ns in {
        "vladimir putin": ["Vladimir Putin", "Putin", "Владимир Путин", "Путин", "Путиным"],
        "xi jinping": ["Xi Jinping", "Xi", "Си Цзиньпин"],
        "aleksei overchuk": ["Алексей Оверчук", "Оверчук"],
        "roman sklyar": ["Роман Скляр", "Скляр"],
        "shavkat mirziyoyev": ["Шавкат Мирзиёев", "Мирзиёев"],
        "kassym-jomart tokayev": ["Қасым-Жомарт Тоқаев", "Тоқаев"],
        "recep tayyip erdogan": ["Recep Tayyip Erdoğan", "Erdoğan"],
        "ilham aliyev": ["İlham Aliyev", "Ilham Aliyev", "Aliyev"],
        "hakan fidan": ["Hakan Fidan", "Fidan"],
        "emmanuel macron": ["Emmanuel Macron", "Macron"],
        "friedrich merz": ["Friedrich Merz", "Merz"],
        "katherina reiche": ["Katherina Reiche", "Reiche"],
        "pedro sanchez": ["Pedro Sánchez", "Sánchez"],
        "aziz akhannouch": ["Aziz Ajanuch", "Ajanuch"],
        "giorgia meloni": ["Giorgia Meloni", "Meloni"],
        "abdelmadjid tebboune": ["Abdelmadjid Tebboune", "Tebboune"],
        "mauro vieira": ["Mauro Vieira", "Vieira"],
        "patrizia boi": ["Patrizia Boi"],
        "ejecutivo": ["Ejecutivo"],
    }.items() for n in ns},
    # countries and demonyms
    **{n: ("country", "country:" + c, None) for c, ns in {
        "RU": ["России", "Rússia", "Ресей"], "CN": ["КНР"], "UZ": ["Узбекистана"],
        "AZ": ["Azerbaycan"], "MA": ["Marruecos"], "KZ": ["Қазақстан"]}.items() for n in ns},
    **{n: ("country", "country:" + c, "demonym") for c, ns in {
        "RU": ["российский", "Russian", "russo"], "CN": ["китайский", "Chinese"],
        "ES": ["español"], "DE": ["allemand"]}.items() for n in ns},
}


def make_doc(paragraphs: list[str], lang: str, author: str | None = None) -> Document:
    """Build a document: one paragraph per item, sentences split at . ! ? and mentions from NAMES."""
    text = "\n\n".join(paragraphs)
    sentences: list[Sentence] = []
    pos = 0
    for p_idx, para in enumerate(paragraphs):
        for m in re.finditer(r".+?(?:[.!?]+[\"”»“]?(?=\s|$)|$)", para):
            chunk = m.group().strip()
            if chunk:
                start = pos + m.start() + (len(m.group()) - len(m.group().lstrip()))
                sentences.append(Sentence(start=start, end=start + len(chunk), text=chunk, paragraph=p_idx))
        pos += len(para) + 2
    found = []
    for name, (typ, key, rel) in NAMES.items():
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            found.append(Mention(start=m.start(), end=m.end(), text=name, type=typ, key=key, relation=rel))  # type: ignore[arg-type]
    found.sort(key=lambda m: (m.start, -m.end))
    mentions = [m for i, m in enumerate(found) if i == 0 or m.start >= found[i - 1].end]
    return Document(id="d", source="d", text=text, language=lang, sentences=sentences,
                    mentions=mentions, author=author)


def speaker_of(paragraphs: list[str], lang: str, target: str, author: str | None = None) -> str | None:
    """Return the speaker assigned to the sentence holding ``target``."""
    doc = make_doc(paragraphs, lang, author)
    speakers = assign_speakers(doc)
    hits = [i for i, s in enumerate(doc.sentences) if target in s.text]
    assert hits, f"{target!r} not in any sentence"
    return speakers[hits[0]]


@pytest.mark.parametrize(("lang", "paragraphs", "target", "want"), [
    ("ru", ['"По итогам прошлого года товарооборот составил 28,2 млрд долларов. Мы видим потенциал довести его до 35 млрд", — заявил Оверчук после заседания.'], "28,2", "aleksei overchuk"),
    ("kk", ["«2024 жылы тауар айналымы 27,6 млрд долларды құрады. Біз оны 35 млрд долларға жеткізуді көздеп отырмыз», – деді Роман Скляр."], "27,6", "roman sklyar"),
    ("tr", ['"Hedefimiz, ticaret hacmimizi 15 milyar dolara çıkarmaktır. Bu hedefe ulaşacağımıza inanıyorum" diyen Erdoğan, görüşmeyi olumlu buldu.'], "15 milyar", "recep tayyip erdogan"),
    ("fr", ["« Les échanges ont atteint 180 milliards d'euros. C'est un record », a affirmé Macron."], "180", "emmanuel macron"),
    ("de", ["„Der Handel wuchs um 11 Prozent. Das ist ein gutes Zeichen“, sagte Reiche."], "11 Prozent", "katherina reiche"),
    ("es", ['"El comercio alcanzó 22.700 millones de euros. Es un récord", dijo Sánchez.'], "22.700", "pedro sanchez"),
    ("en", ['"Trade reached $6.9 billion. We want to double it," said Putin.'], "$6.9", "vladimir putin"),
    ("it", ["«L'interscambio ha superato i 14 miliardi. È un record», ha detto Meloni."], "14 miliardi", "giorgia meloni"),
    ("pt", ['"O comércio atingiu 240 mil milhões de dólares. É um recorde", declarou Putin aos jornalistas.'], "240", "vladimir putin"),
    ("en", ['Putin said: "Trade grew by 5%. Investment reached $20 billion."'], "$20 billion", "vladimir putin"),
    ("ru", ["— Товарооборот вырос на 10%. Это хороший результат, — сказал Путин."], "10%", "vladimir putin"),
])
def test_speakers_quote_spans_take_the_attributed_speaker(lang: str, paragraphs: list[str], target: str, want: str) -> None:
    assert speaker_of(paragraphs, lang, target) == P + want


@pytest.mark.parametrize(("lang", "paragraphs", "target", "want"), [
    ("ru", ["Вице-премьер Роман Скляр уточнил, что торговля выросла на 4,6%.", "По его словам, в Казахстане работают более 20 тысяч предприятий."], "20 тысяч", "roman sklyar"),
    ("ru", ['"Это важный шаг", — заявил Оверчук.', "Он также отметил, что почти 93% расчетов ведется в национальных валютах."], "93%", "aleksei overchuk"),
    ("kk", ["Шавкат Мирзиёев Қазақстан ірі серіктес екенін атап өтті.", "Оның сөзінше, өзара сауда 9,3 пайызға өскен."], "9,3", "shavkat mirziyoyev"),
    ("tr", ["Hakan Fidan açıklama yaptı.", "Fidan'a göre ticaret hacmi geçen yıl 10,4 milyar dolar oldu."], "10,4", "hakan fidan"),
    ("de", ["„Kasachstan ist ein verlässlicher Partner“, sagte Reiche.", "Das Handelsvolumen sei um 11,2 Prozent auf 5,3 Mrd. Euro gestiegen."], "11,2", "katherina reiche"),
    ("it", ["Il presidente Tebboune ha parlato ai giornalisti.", "Egli ha evidenziato che le esportazioni sono cresciute dell'8%."], "8%", "abdelmadjid tebboune"),
    ("fr", ["Le président Emmanuel Macron a salué la coopération.", "Il a ajouté que les échanges ont atteint 180 milliards d'euros."], "180", "emmanuel macron"),
    ("es", ['"Marruecos es un socio estratégico", afirmó Sánchez.', "Según él, el comercio creció un 6 % el año pasado."], "6 %", "pedro sanchez"),
    ("pt", ["O ministro Mauro Vieira falou aos jornalistas.", "O ministro acrescentou que o comércio cresceu 5%."], "5%", "mauro vieira"),
    ("en", ["President Ilham Aliyev said trade grew.", "According to the head of state, investments exceeded $20 billion."], "$20 billion", "ilham aliyev"),
])
def test_speakers_reported_speech_continues_the_speaker(lang: str, paragraphs: list[str], target: str, want: str) -> None:
    assert speaker_of(paragraphs, lang, target) == P + want


@pytest.mark.parametrize(("lang", "paragraphs", "target", "want"), [
    ("ru", ["Президент России Владимир Путин и председатель КНР Си Цзиньпин провели переговоры.", '"Товарооборот составил 244,8 млрд долларов", — сказал российский лидер.'], "244,8", "vladimir putin"),
    ("ru", ["Президент России Владимир Путин и председатель КНР Си Цзиньпин провели переговоры.", "Китайский лидер, в свою очередь, отметил, что инвестиции выросли на 12%."], "12%", "xi jinping"),
    ("en", ["Russian President Vladimir Putin met Chinese President Xi Jinping.", "The Chinese leader said trade reached $240 billion."], "$240", "xi jinping"),
    ("it", ["La presidente del Consiglio Giorgia Meloni ha ricevuto il presidente algerino Abdelmadjid Tebboune.", "Secondo la premier, l'interscambio ha superato i 14 miliardi di euro."], "14 miliardi", "giorgia meloni"),
    ("es", ["El presidente del Gobierno, Pedro Sánchez, y el jefe del Gobierno de Marruecos, Aziz Ajanuch, presidieron la reunión.", "El jefe del Ejecutivo español destacó que las exportaciones crecieron un 6,4 %."], "6,4", "pedro sanchez"),
    ("tr", ["Cumhurbaşkanı Recep Tayyip Erdoğan, Azerbaycan Cumhurbaşkanı İlham Aliyev ile görüştü.", "Azerbaycan Cumhurbaşkanı, ticaretin yüzde 11,7 arttığını da sözlerine ekledi."], "11,7", "ilham aliyev"),
    ("kk", ["Мемлекет басшысы Қасым-Жомарт Тоқаев баспасөзге мәлімдеме жасады.", "Президенттің айтуынша, 1 200-ден астам кәсіпорын жұмыс істейді."], "1 200", "kassym-jomart tokayev"),
    ("de", ["Bundeskanzler Friedrich Merz empfing Präsident Emmanuel Macron in Toulon.", "Laut dem Kanzler investieren beide Länder 3,5 Mrd. Euro."], "3,5", "friedrich merz"),
    ("fr", ["Le chancelier allemand Friedrich Merz et le président Emmanuel Macron se sont rencontrés.", "Selon le chef de l'État, les échanges ont dépassé 180 milliards d'euros."], "180", "emmanuel macron"),
    ("pt", ["O Presidente da Rússia, Vladimir Putin, recebeu o homólogo chinês, Xi Jinping.", "Segundo o Presidente russo, mais de 95% dos pagamentos são feitos em rublos."], "95%", "vladimir putin"),
])
def test_speakers_titles_resolve_to_the_named_holder(lang: str, paragraphs: list[str], target: str, want: str) -> None:
    assert speaker_of(paragraphs, lang, target) == P + want


@pytest.mark.parametrize(("lang", "paragraphs", "target", "want"), [
    ("en", ["Xi, who met Putin on Tuesday, said trade grew by 5%."], "5%", "xi jinping"),
    ("ru", ["Си Цзиньпин, который встретился с Путиным, заявил, что торговля выросла на 5%."], "5%", "xi jinping"),
    ("tr", ["Erdoğan, Aliyev ile görüştükten sonra ticaretin yüzde 5 arttığını söyledi."], "yüzde 5", "recep tayyip erdogan"),
])
def test_speakers_objects_do_not_speak(lang: str, paragraphs: list[str], target: str, want: str) -> None:
    assert speaker_of(paragraphs, lang, target) == P + want


@pytest.mark.parametrize(("lang", "paragraphs", "target"), [
    ("en", ["Trade between the two countries reached $5 billion in 2024."], "$5"),
    ("pt", ["O comércio bilateral caiu 7,5% entre janeiro e abril."], "7,5%"),
    ("it", ["In Algeria operano circa 250 imprese italiane."], "250"),
    ("es", ["Las llegadas irregulares se redujeron en torno a un 60 %."], "60 %"),
    ("fr", ["Environ 4 500 entreprises allemandes sont implantées en France."], "4 500"),
    ("de", ["Rund 4.500 deutsche Unternehmen sind in Frankreich tätig."], "4.500"),
    ("ru", ["В 2024 году через пункты пропуска проследовали почти 1,1 млн грузовиков."], "1,1"),
    ("tr", ["Ziyaret kapsamında 9 anlaşma imzalandı."], "9 anlaşma"),
    ("kk", ["Тоқаев пен Мирзиёев келісімге қол қойды", "Жалпы сапар аясында 12 құжатқа қол қойылды."], "12"),
    ("it", ["Patrizia Boi ha sottolineato che l'interscambio ha raggiunto 27 miliardi."], "27"),
])
def test_speakers_writer_statements_have_no_speaker(lang: str, paragraphs: list[str], target: str) -> None:
    assert speaker_of(paragraphs, lang, target, author="Patrizia Boi") is None


def test_speakers_title_words_are_not_persons() -> None:
    paragraphs = ["El jefe del Ejecutivo destacó que más de 1.700 empresas están implantadas."]
    assert speaker_of(paragraphs, "es", "1.700") != P + "ejecutivo"


def test_speakers_indicative_after_a_paragraph_is_the_writer() -> None:
    paragraphs = ["„Kasachstan ist ein Partner“, sagte Reiche.", "Das Handelsvolumen ist um 11,2 Prozent gestiegen."]
    assert speaker_of(paragraphs, "de", "11,2") is None


def test_speakers_run_together_names_are_not_fuller_forms() -> None:
    keys = ["person:qasym-zhomart toqaev", "person:shavkat mirzieev",
            "person:qasym-zhomart toqaev shavkat mirzieev", "person:putin", "person:vladimir putin"]
    canon = canonical_people([Mention(start=0, end=1, text="x", type="person", key=k) for k in keys])
    assert canon["person:shavkat mirzieev"] == "person:shavkat mirzieev"
    assert canon["person:qasym-zhomart toqaev shavkat mirzieev"] == "person:qasym-zhomart toqaev"
    assert canon["person:putin"] == "person:vladimir putin"


@pytest.mark.parametrize(("text", "spans"), [
    ('«Один. Два», — сказал он.', [(0, 11)]),
    ('„Eins. Zwei“, sagte er.', [(0, 12)]),
    ('"One. Two," he said.', [(0, 11)]),
    ("«Il «grande» accordo»", [(0, 21)]),
    ('Unclosed "quote here', []),
])
def test_speakers_quote_spans_pair_marks(text: str, spans: list[tuple[int, int]]) -> None:
    assert quote_spans(text) == spans


@pytest.mark.parametrize("lang", ["en", "pt", "it", "es", "fr", "de", "ru", "tr", "kk"])
def test_speakers_data_joins_figures_and_speakers_files(lang: str) -> None:
    data = speaker_data(lang)
    assert data["reporting"] and data["titles"]
    from dossier import lang as langdata
    own = langdata.load(lang, "speakers")
    assert own.get("roles"), f"{lang}/speakers.toml has no [roles]"
    assert set(own["reporting"]) <= set(data["reporting"])
    assert set(langdata.load(lang, "figures")["speakers"]["reporting"]) <= set(data["reporting"])


def _people(keys: list[str]) -> list[Mention]:
    return [Mention(start=i, end=i + 1, text="x", type="person", key=k) for i, k in enumerate(keys)]


@pytest.mark.parametrize("order", [1, -1])
def test_speakers_surname_goes_to_the_fuller_name_named_most(order: int) -> None:
    # two fuller forms as long ("Anna Berg" named three times, a misread "Hosting Berg" once)
    keys = ["person:hosting berg", "person:anna berg", "person:anna berg", "person:anna berg",
            "person:berg"][::order]
    canon = canonical_people(_people(keys))
    assert canon["person:berg"] == "person:anna berg"
    assert canon["person:hosting berg"] == "person:hosting berg"  # never merged sideways


def test_speakers_canonical_names_do_not_depend_on_the_hash_seed() -> None:
    import subprocess
    import sys

    code = ("from dossier.extract.speakers import canonical_people as c;"
            "from dossier.model import Mention as M;"
            "ks=['person:ann lee','person:bo lee','person:lee','person:cy lee'];"
            "print(c([M(start=0,end=1,text='x',type='person',key=k) for k in ks]))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": str(seed), "PATH": ""}).stdout
            for seed in range(8)}
    assert len(outs) == 1, outs
