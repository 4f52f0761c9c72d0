"""Direction from the role of the noun each country word qualifies: the owner of the counted
noun ("Chilean students") is the origin, the owner of a place or institution ("Norwegian
universities") the destination, in nine languages and several word orders."""

from __future__ import annotations

import pytest

from dossier.extract.direction import DirectionStage, direction_cues, noun_role
from dossier.model import Mention
from tests.test_reconcile_direction import document

KZ, RU, TR, UZ = "country:KZ", "country:RU", "country:TR", "country:UZ"
Case = tuple[str, str, str, str, list[tuple[str, str, bool]], str]


def _case(lang: str, text: str, number: str, metric: str, mentions: str, direction: str
          ) -> Case:
    """One sentence: mentions as "Chilean*CL Norvegia=NO" (* a demonym, = a name) and the
    direction as "CL>NO"."""
    found = [(w[:-3], f"country:{w[-2:]}", w[-3] == "*") for w in mentions.split()]
    a, b = direction.split(">")
    return lang, text, number, metric, found, f"country:{a}>country:{b}"


# (language, sentence, number, metric, mentions (text, key, demonym?), direction): students
# abroad, the host's phrase before, after or between the counted phrase and the figure
STUDENTS = [
    _case("en", "3,200 Chilean students attend Norwegian universities.",
          "3,200", "students", "Chilean*CL Norwegian*NO", "CL>NO"),
    _case("en", "Norwegian universities host 3,200 Chilean students.",
          "3,200", "students", "Norwegian*NO Chilean*CL", "CL>NO"),
    _case("en", "Chilean students at Norwegian universities number 3,200.",
          "3,200", "students", "Chilean*CL Norwegian*NO", "CL>NO"),
    _case("en",
          "The number of Chilean students enrolled at Norwegian universities has reached 3,200.",
          "3,200", "students", "Chilean*CL Norwegian*NO", "CL>NO"),
    _case("en", "Japanese investors put $5 billion into Kazakh projects.",
          "$5 billion", "investment", "Japanese*JP Kazakh*KZ", "JP>KZ"),
    _case("en", "Kazakh exports to the Chinese market reached $10 billion.",
          "$10 billion", "exports", "Kazakh*KZ Chinese*CN", "KZ>CN"),
    _case("en", "The Chinese market took $10 billion of Kazakh exports.",
          "$10 billion", "exports", "Chinese*CN Kazakh*KZ", "KZ>CN"),
    _case("de",
          "Rund 3.200 chilenische Studierende sind an norwegischen Hochschulen eingeschrieben.",
          "3.200", "students", "chilenische*CL norwegischen*NO", "CL>NO"),
    _case("de", "An norwegischen Hochschulen studieren 3.200 chilenische Studierende.",
          "3.200", "students", "norwegischen*NO chilenische*CL", "CL>NO"),
    _case("de", "Die Zahl chilenischer Studierender an norwegischen Hochschulen liegt bei 3.200.",
          "3.200", "students", "chilenischer*CL norwegischen*NO", "CL>NO"),
    _case("it", "3.200 studenti cileni frequentano atenei norvegesi.",
          "3.200", "students", "cileni*CL norvegesi*NO", "CL>NO"),
    _case("it", "Gli atenei norvegesi ospitano 3.200 studenti cileni.",
          "3.200", "students", "norvegesi*NO cileni*CL", "CL>NO"),
    _case("it", "Gli studenti cileni iscritti agli atenei norvegesi sono 3.200.",
          "3.200", "students", "cileni*CL norvegesi*NO", "CL>NO"),
    _case("es", "Las universidades noruegas acogen a 3.200 estudiantes chilenos.",
          "3.200", "students", "noruegas*NO chilenos*CL", "CL>NO"),
    _case("es", "Los estudiantes chilenos matriculados en universidades noruegas son 3.200.",
          "3.200", "students", "chilenos*CL noruegas*NO", "CL>NO"),
    _case("pt", "As universidades norueguesas recebem 3.200 estudantes chilenos.",
          "3.200", "students", "norueguesas*NO chilenos*CL", "CL>NO"),
    _case("pt", "Os estudantes chilenos nas universidades norueguesas já são 3.200.",
          "3.200", "students", "chilenos*CL norueguesas*NO", "CL>NO"),
    _case("fr", "Les universités norvégiennes accueillent 3 200 étudiants chiliens.",
          "3 200", "students", "norvégiennes*NO chiliens*CL", "CL>NO"),
    _case("fr", "Les étudiants chiliens inscrits dans les universités norvégiennes sont 3 200.",
          "3 200", "students", "chiliens*CL norvégiennes*NO", "CL>NO"),
    _case("ru", "В норвежских вузах учатся 3 200 чилийских студентов.",
          "3 200", "students", "норвежских*NO чилийских*CL", "CL>NO"),
    _case("ru", "Норвежские вузы принимают 3 200 чилийских студентов.",
          "3 200", "students", "Норвежские*NO чилийских*CL", "CL>NO"),
    _case("ru", "Число чилийских студентов норвежских вузов достигло 3 200.",
          "3 200", "students", "чилийских*CL норвежских*NO", "CL>NO"),
    _case("ru", "Студентов из Чили в норвежских вузах — 3 200.",
          "3 200", "students", "Чили=CL норвежских*NO", "CL>NO"),
    _case("tr", "Norveç üniversitelerinde 3.200 Şilili öğrenci okuyor.",
          "3.200", "students", "Norveç=NO Şilili*CL", "CL>NO"),
    _case("tr", "Şilili öğrencilerin Norveç üniversitelerindeki sayısı 3.200'e ulaştı.",
          "3.200", "students", "Şilili*CL Norveç=NO", "CL>NO"),
    _case("tr", "Norveçli üniversiteler 3.200 Şilili öğrenciye ev sahipliği yapıyor.",
          "3.200", "students", "Norveçli*NO Şilili*CL", "CL>NO"),
    _case("kk", "Норвегия университеттерінде 3 200 чилилік студент оқиды.",
          "3 200", "students", "Норвегия=NO чилилік*CL", "CL>NO"),
    _case("kk", "Чилилік студенттердің норвегиялық университеттердегі саны 3 200-ге жетті.",
          "3 200", "students", "Чилилік*CL норвегиялық*NO", "CL>NO"),
    _case("kk", "Норвегиялық университеттер 3 200 чилилік студентті қабылдады.",
          "3 200", "students", "Норвегиялық*NO чилилік*CL", "CL>NO"),
]

# companies and investment on a market, both word orders
MARKETS = [
    _case("en", "Kazakh companies received $5 billion of Chinese investment.",
          "$5 billion", "investment", "Kazakh*KZ Chinese*CN", "CN>KZ"),
    _case("en", "Chinese investment in Kazakh companies reached $5 billion.",
          "$5 billion", "investment", "Chinese*CN Kazakh*KZ", "CN>KZ"),
    _case("en", "Some 1,200 German companies operate on the Kazakh market.",
          "1,200", "companies", "German*DE Kazakh*KZ", "DE>KZ"),
    _case("en", "The Kazakh market counts some 1,200 German companies.",
          "1,200", "companies", "Kazakh*KZ German*DE", "DE>KZ"),
    _case("en", "Russia's investment in Kazakhstan totalled $17 billion.",
          "$17 billion", "investment", "Russia=RU Kazakhstan=KZ", "RU>KZ"),
    _case("en", "The investment of Japan in Kazakhstan reached $8 billion.",
          "$8 billion", "investment", "Japan=JP Kazakhstan=KZ", "JP>KZ"),
    _case("de", "Deutsche Unternehmen investierten 5 Mrd. Euro in kasachische Projekte.",
          "5 Mrd. Euro", "investment", "Deutsche*DE kasachische*KZ", "DE>KZ"),
    _case("de", "Auf dem kasachischen Markt sind 1.200 deutsche Firmen tätig.",
          "1.200", "companies", "kasachischen*KZ deutsche*DE", "DE>KZ"),
    _case("de", "Die Zahl deutscher Firmen auf dem kasachischen Markt liegt bei 1.200.",
          "1.200", "companies", "deutscher*DE kasachischen*KZ", "DE>KZ"),
    _case("it", "Le imprese italiane attive sul mercato kazako sono 250.",
          "250", "companies", "italiane*IT kazako*KZ", "IT>KZ"),
    _case("it", "Il mercato kazako conta 250 imprese italiane.",
          "250", "companies", "kazako*KZ italiane*IT", "IT>KZ"),
    _case("es", "Las empresas españolas presentes en el mercado brasileño son 1.300.",
          "1.300", "companies", "españolas*ES brasileño*BR", "ES>BR"),
    _case("es", "El mercado brasileño cuenta con 1.300 empresas españolas.",
          "1.300", "companies", "brasileño*BR españolas*ES", "ES>BR"),
    _case("pt", "As empresas portuguesas no mercado brasileiro são já 800.",
          "800", "companies", "portuguesas*PT brasileiro*BR", "PT>BR"),
    _case("fr", "Les entreprises françaises présentes sur le marché allemand sont 3 200.",
          "3 200", "companies", "françaises*FR allemand*DE", "FR>DE"),
    _case("fr", "Le marché allemand compte 3 200 entreprises françaises.",
          "3 200", "companies", "allemand*DE françaises*FR", "FR>DE"),
    _case("ru", "На казахстанском рынке работают 1 200 российских компаний.",
          "1 200", "companies", "казахстанском*KZ российских*RU", "RU>KZ"),
    _case("ru", "Число российских компаний на казахстанском рынке достигло 1 200.",
          "1 200", "companies", "российских*RU казахстанском*KZ", "RU>KZ"),
    _case("ru", "Казахстанский рынок насчитывает 1 200 российских компаний.",
          "1 200", "companies", "Казахстанский*KZ российских*RU", "RU>KZ"),
    _case("tr", "Kazakistan pazarında 1.200 Türk şirketi faaliyet gösteriyor.",
          "1.200", "companies", "Kazakistan=KZ Türk*TR", "TR>KZ"),
    _case("tr", "Türk şirketlerinin Kazakistan pazarındaki sayısı 1.200'ü buldu.",
          "1.200", "companies", "Türk*TR Kazakistan=KZ", "TR>KZ"),
    _case("kk", "Қазақстан нарығында 1 200 түрік компаниясы жұмыс істейді.",
          "1 200", "companies", "Қазақстан=KZ түрік*TR", "TR>KZ"),
    _case("kk", "Түрік компанияларының қазақстандық нарықтағы саны 1 200-ге жетті.",
          "1 200", "companies", "Түрік*TR қазақстандық*KZ", "TR>KZ"),
]


def _direction(lang: str, text: str, number: str, metric: str,
               mentions: list[tuple[str, str, bool]]) -> str | None:
    unit = "count" if metric in ("companies", "students", "universities") else "USD"
    (fig,) = DirectionStage()(document(lang, text, number, metric, mentions, unit)).figures
    return fig.direction


@pytest.mark.parametrize(("lang", "text", "number", "metric", "mentions", "expected"),
                         STUDENTS + MARKETS)
def test_direction_owners_counted_noun_is_origin_host_noun_destination(
        lang: str, text: str, number: str, metric: str,
        mentions: list[tuple[str, str, bool]], expected: str) -> None:
    assert _direction(lang, text, number, metric, mentions) == expected


@pytest.mark.parametrize(("lang", "text", "number", "mentions", "expected"), [
    ("it", "Nove università russe operano in Kazakistan.", "Nove",
     [("russe", RU, True), ("Kazakistan", KZ, False)], f"{RU}>{KZ}"),
    ("en", "Nine Russian universities have opened branches in Kazakhstan.", "Nine",
     [("Russian", RU, True), ("Kazakhstan", KZ, False)], f"{RU}>{KZ}"),
    ("ru", "В Узбекистане действуют 14 филиалов российских вузов.", "14",
     [("Узбекистане", UZ, False), ("российских", RU, True)], f"{RU}>{UZ}"),
    ("tr", "Kazakistan'da 5 Türk üniversitesi şube açtı.", "5",
     [("Kazakistan", KZ, False), ("Türk", TR, True)], f"{TR}>{KZ}"),
])
def test_direction_owners_counted_universities_are_the_origin(
        lang: str, text: str, number: str, mentions: list[tuple[str, str, bool]],
        expected: str) -> None:
    # where universities are what the figure counts, their owner sends, not hosts
    assert _direction(lang, text, number, "universities", mentions) == expected


@pytest.mark.parametrize(("lang", "text", "surface", "role"), [
    ("en", "Chilean students at Norwegian universities", "Chilean", "flow"),
    ("en", "Chilean students at Norwegian universities", "Norwegian", "host"),
    ("en", "the universities of Norway", "Norway", "host"),
    ("it", "gli studenti cileni negli atenei norvegesi", "cileni", "flow"),
    ("it", "gli studenti cileni negli atenei norvegesi", "norvegesi", "host"),
    ("de", "an Hochschulen Norwegens", "Norwegens", "host"),
    ("ru", "в вузах Норвегии", "Норвегии", "host"),
    ("tr", "Norveç üniversitelerinde okuyan Şilili öğrenciler", "Norveç", "host"),
    ("kk", "Норвегия университеттерінде оқитын чилилік студенттер", "чилилік", "flow"),
    ("en", "Chilean officials visited Norway", "Chilean", None),
])
def test_direction_owners_noun_role(lang: str, text: str, surface: str,
                                    role: str | None) -> None:
    at = text.index(surface)
    m = Mention(start=at, end=at + len(surface), text=surface, type="country",
                key="country:XX")
    assert noun_role(text, m, direction_cues(lang)) == role


@pytest.mark.parametrize("lang", ["en", "pt", "it", "es", "fr", "de", "ru", "tr", "kk"])
def test_direction_owners_every_language_has_noun_cues(lang: str) -> None:
    cues = direction_cues(lang)
    assert cues.hosts[0] or cues.hosts[1]
    assert cues.flows[0] or cues.flows[1]
