"""Curated organisations: the table is consistent, every name reaches its own entry, and the
institutions of the countries users follow (central banks, funds, state companies, trade
agencies, parliaments, universities) are found in news sentences of the languages their press
uses."""

from __future__ import annotations

import tomllib
from collections import Counter
from typing import Any

import pytest

from dossier.nlp.entities.gazetteer import DATA, load_gazetteer, name_variants
from dossier.nlp.entities.normalize import is_upper_acronym
from tests.test_entities_recognise import recognise


def _entries() -> list[dict[str, Any]]:
    return list(tomllib.loads((DATA / "curated.toml").read_text(encoding="utf-8"))["entry"])


ORGS = [e for e in _entries() if e["type"] == "organization"]


def test_gazetteer_curated_keys_are_unique() -> None:
    counts = Counter(e["key"] for e in _entries())
    assert [k for k, n in counts.items() if n > 1] == []


def test_gazetteer_curated_no_name_is_claimed_twice() -> None:
    # a second entry's copy of a name is silently dropped by the loader
    owner: dict[tuple[str, ...], str] = {}
    clashes = []
    for e in _entries():
        for name in e["names"]:
            for toks in name_variants(name):
                if owner.setdefault(toks, e["key"]) != e["key"]:
                    clashes.append((name, owner[toks], e["key"]))
    assert clashes == []


@pytest.mark.parametrize("entry", ORGS, ids=[e["key"] for e in ORGS])
def test_gazetteer_curated_every_name_reaches_its_entry(entry: dict[str, Any]) -> None:
    gaz = load_gazetteer()
    for name in entry["names"]:
        short = name.replace(".", "")
        if is_upper_acronym(short) and len(name) <= 8:
            hit = gaz.exact.get(short)
        else:
            hit = gaz.find(name_variants(name)[0]) or gaz.exact.get(short)
        assert hit is not None and hit.key == entry["key"], name


# (language, invented sentence, organisation keys it names)
SENTENCES = [
    # names across an apostrophe or "&" ("People's Bank of China", "Banca d'Italia") are not
    # matched in running text yet: the entity tokenizer joins words over spaces only
    ("en", "The PBOC and the Reserve Bank of India both cut rates on Tuesday.",
     ["org:pboc", "org:rbi"]),
    ("en", "ONGC Videsh and Indian Oil signed supply deals, while the State Bank of India "
           "arranged the loan.", ["org:ongc", "org:indian-oil", "org:sbi"]),
    ("en", "The bill passed the Lok Sabha and now goes to the Rajya Sabha.",
     ["org:lok-sabha", "org:rajya-sabha"]),
    ("en", "Researchers from Tsinghua University and Peking University presented the study.",
     ["org:tsinghua", "org:pku"]),
    ("en", "The Bank of Japan kept its policy rate unchanged, and JBIC agreed to co-finance "
           "the plant with JICA.", ["org:boj", "org:jbic", "org:jica"]),
    ("en", "KOTRA and KEPCO opened an office, backed by the Korea Investment Corporation.",
     ["org:kotra", "org:kepco", "org:kic"]),
    ("en", "The Central Bank of Nigeria and the Nigeria Sovereign Investment Authority met "
           "officials of NNPC in Abuja.", ["org:cbn", "org:nsia", "org:nnpc"]),
    ("en", "The Suez Canal Authority reported lower revenue, the Central Bank of Egypt said.",
     ["org:suez-canal-authority", "org:cbe"]),
    ("en", "Graduates of Cairo University and Seoul National University joined the programme.",
     ["org:cairo-university", "org:snu"]),
    ("en", "The Public Investment Fund and Mubadala joined the Russian Direct Investment Fund "
           "in the deal.", ["org:pif", "org:mubadala", "org:rdif"]),
    ("pt", "O Banco Central do Brasil manteve a taxa, e o BNDES financiará a Embraer.",
     ["org:bcb", "org:bndes", "org:embraer"]),
    ("pt", "A ApexBrasil levou empresas a Luanda, e o projeto segue para o Senado Federal.",
     ["org:apexbrasil", "org:brazil-senate"]),
    ("pt", "A Caixa Geral de Depósitos e a AICEP apoiam o investimento, disse o Banco de "
           "Portugal.", ["org:cgd", "org:aicep", "org:banco-de-portugal"]),
    ("pt", "A proposta foi aprovada na Assembleia da República e na Universidade de Coimbra.",
     ["org:assembleia-republica", "org:coimbra"]),
    ("it", "Bankitalia e Cassa Depositi e Prestiti sostengono SACE e SIMEST.",
     ["org:bankitalia", "org:cdp", "org:sace", "org:simest"]),
    ("it", "Fincantieri e Saipem hanno firmato con Snam, mentre la Camera dei deputati "
           "discuteva.", ["org:fincantieri", "org:saipem", "org:snam", "org:italian-chamber"]),
    ("it", "Studenti del Politecnico di Milano e della Bocconi visiteranno Astana.",
     ["org:polimi", "org:bocconi"]),
    ("es", "El Banco de España y el ICEX apoyan a Navantia y a Renfe en el exterior.",
     ["org:banco-de-espana", "org:icex", "org:navantia", "org:renfe"]),
    ("es", "El Congreso de los Diputados aprobó la ley y la Universidad Complutense la celebró.",
     ["org:congreso-diputados", "org:complutense"]),
    ("es", "Banxico recortó la tasa mientras Pemex y la Comisión Federal de Electricidad "
           "firmaban con la UNAM.", ["org:banxico", "org:pemex", "org:cfe", "org:unam"]),
    ("es", "El Banco Central de la República Argentina y YPF anunciaron un acuerdo con ENARSA.",
     ["org:bcra", "org:ypf", "org:enarsa"]),
    ("fr", "La Banque de France, Bpifrance et EDF ont présenté le projet avec Orano SA.",
     ["org:banque-de-france", "org:bpifrance", "org:edf", "org:orano"]),
    ("fr", "Business France et Engie accompagnent les étudiants de Sciences Po et de la "
           "Sorbonne.", ["org:business-france", "org:engie", "org:sciences-po", "org:sorbonne"]),
    ("de", "Die Bundesbank und die KfW unterstützen Uniper, sagte ein Sprecher im Bundestag.",
     ["org:bundesbank", "org:kfw", "org:uniper", "org:bundestag"]),
    ("de", "Der Ost-Ausschuss der Deutschen Wirtschaft und Germany Trade and Invest luden "
           "Forscher der Technischen Universität München ein.", ["org:oaoev", "org:gtai"]),
    ("tr", "Türkiye Cumhuriyet Merkez Bankası faizi sabit tuttu; TPAO ve BOTAŞ yeni anlaşma "
           "imzaladı.", ["org:tcmb", "org:tpao", "org:botas"]),
    ("tr", "TİKA ve DEİK heyeti TBMM'de ağırlandı, Türkiye Varlık Fonu da katıldı.",
     ["org:tika", "org:deik", "org:tbmm", "org:tvf"]),
    ("tr", "ASELSAN ve Ziraat Bankası Orta Doğu Teknik Üniversitesi ile işbirliği yaptı.",
     ["org:aselsan", "org:ziraat", "org:metu"]),
    ("ru", "Народный банк Китая и Резервный банк Индии снизили ставки, сообщил Банк России.",
     ["org:pboc", "org:rbi", "org:cbr"]),
    ("ru", "Законопроект поддержали Госдума и Совет Федерации, а Нацбанк Казахстана сохранил "
           "ставку.", ["org:state-duma", "org:federation-council", "org:nbk"]),
    ("ru", "Представители Японского банка международного сотрудничества посетили Астану.",
     ["org:jbic"]),
    ("ru", "Глава Центрального банка Турции встретился с руководством РФПИ.",
     ["org:tcmb", "org:rdif"]),
    ("kk", "Ұлттық банк базалық мөлшерлемені сақтады, ал Мәжіліс заң жобасын мақұлдады.",
     ["org:nbk", "org:mazhilis"]),
    ("kk", "Қытай Халық банкі мен Жапония банкі мөлшерлемелерді өзгертпеді.",
     ["org:pboc", "org:boj"]),
]


@pytest.mark.parametrize(("language", "text", "keys"), SENTENCES,
                         ids=[f"{s[0]}-{s[2][0]}" for s in SENTENCES])
def test_gazetteer_curated_institutions_found_in_text(language: str, text: str,
                                                      keys: list[str]) -> None:
    found = {m.key for m in recognise(text, language) if m.type == "organization"}
    assert set(keys) <= found


@pytest.mark.parametrize(("language", "text", "place"), [
    # a curated firm does not swallow a city whose name it shares in another language
    ("it", "Il ministro è arrivato a Orano, in Algeria, per il vertice sul gas.", "Orano"),
])
def test_gazetteer_curated_city_names_stay_places(language: str, text: str, place: str) -> None:
    hits = [m for m in recognise(text, language) if m.text == place]
    assert hits and hits[0].type == "place"
