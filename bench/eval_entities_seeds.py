"""Score entity recognition + resolution on a corpus folder with the shared scorer.

    .venv/bin/python bench/eval_entities_seeds.py [CORPUS] [GOLD]

Runs ingest -> clean -> language -> sentences -> entities -> resolve_entities and prints
entity_recall and entity_merge from ../shared/eval/score.py (a development signal), the
gold names each document misses, and seed precision: the share of exported entities that are
real named things, judged by hand in ``REAL_SEED_NAMES`` below (bench only, never in the code;
a new real name the recogniser starts to find must be added here after checking the text).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from dossier.ingest.files import iter_inputs
from dossier.model import Document
from dossier.pipeline import build_pipeline
from dossier.resolve.entities import resolve_entities

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
STAGES = ("clean", "language", "published", "sentences", "entities")
#: Canonical names of exported seed entities judged real by reading the seed texts. Fragments
#: of longer names ("Università Nazionale"), section titles and common words are not here.
REAL_SEED_NAMES = frozenset({
    "Astana", "Kassym-Jomart Tokayev", "Kazakhstan", "Moscow", "Russia", "Vladimir Putin",
    "Eurasian Economic Union", "China", "Collective Security Treaty Organization", "Kremlin",
    "BRICS", "Commonwealth of Independent States", "Eurasia", "Kazan", "Rosatom",
    "Shanghai Cooperation Organisation", "Ukraine", "United Nations", "United States", "Abai",
    "Aktau", "Al-Farabi", "Almaty", "Americas", "Armenia", "Asia", "Azerbaijan", "Baikonur",
    "Baiterek", "Berik Uali", "Bolshoi Theatre", "Dauren Abaev", "Donald Trump", "EuroChem",
    "European Union", "France", "Gazprom", "Indonesia", "Iran",
    "Istituto di Scienza e Tecnologia di Skolkovo", "Joe Biden", "KAMAZ", "Kaluga",
    "Kazakhstanskaya Pravda", "Kyiv", "Kyrgyzstan", "Kyzylorda", "LabGRIMA",
    "Lisa Marie B. Bastos", "Lomonosov Moscow State University", "Lukoil", "MEPhI", "MGIMO",
    "Mongolia", "Murat Nurtleu", "Nagornyi-Karabak", "Omsk", "Oral", "Uralsk", "Oreshnik",
    "Patrizia Boi", "RAR", "Roman Vasilenko", "Saint Petersburg", "Sergei Lavrov", "Sergey Lavrov",
    "Shoqan Walikhanov", "Siberia", "Sibur", "Sirius", "Soyuz-5", "TASS", "Taraz", "Tatneft",
    "Turkistan", "Turkestan", "Turkmenistan", "United Kingdom", "Uzbekistan", "Velikiy Novgorod",
    "Veliky Novgorod", "Volga", "Urali", "Ural Mountains", "White House", "Zelensky",
    "Volodymyr Zelensky", "Āmūr", "Amur", "Professionalitet", "Forum Interregionale",
    "Forum di Cooperazione Interregionale", "Corridoio di Trasporto Internazionale Nord-Sud",
    "Corridoio Nord-Sud", "Rotta Trans-Caspica", "Dialogo Trans-Altai", "Teatro Bolshoi",
    "Università Nazionale Al-Farabi", "Università Nazionale Kazaka Al-Farabi",
    "Università Nazionale di Ricerca Nucleare MEPhI", "Università Statale Dostoevsky",
    "Università Statale Dostoevsky di Omsk", "Università Tecnica Nazionale di Almaty",
    "Organização Internacional da Língua Russa",
    "Organizzazione Internazionale per la Lingua Russa",
    "RIA Novosti", "Skolkovo", "Blue-Collar Professions", "Professionals",
})


def export(docs: list[Document]) -> dict[str, object]:
    """A dossier/1 export holding documents and entities only."""
    entities = resolve_entities(docs)
    return {
        "format": "dossier/1",
        "documents": [{"id": d.id, "source": d.source, "language": d.language,
                       "published": d.published} for d in docs],
        "entities": [{"id": e.id, "name": e.name, "type": e.type, "aliases": e.aliases,
                      "documents": e.documents} for e in entities],
    }


def run(corpus: Path, gold_path: Path) -> dict[str, float]:
    """Build the export for ``corpus`` and score it against ``gold_path``."""
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    pipeline = build_pipeline(STAGES)
    docs = [pipeline(d) for d in iter_inputs([str(corpus)]) if isinstance(d, Document)]
    data = export(docs)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    result: dict[str, float] = score.score(gold, data)
    ex = score.Export(data)
    for d in docs:
        key = score.doc_key(d.source)
        names = set().union(*(ex.names[e["id"]] for e in data["entities"]  # type: ignore[union-attr]
                              if d.id in e["documents"]))
        missed = [n for n in gold["documents"].get(key, {}).get("entities", [])
                  if not score.gold_names(gold, n) & names]
        print(f"{key} ({d.language}): missed {missed}")
    names = [str(e["name"]) for e in data["entities"]]  # type: ignore[union-attr]
    noise = sorted(n for n in names if n not in REAL_SEED_NAMES)
    print(f"not real ({len(noise)}): {noise}")
    result["entity_precision"] = round(1 - len(noise) / len(names), 3) if names else 0.0
    result["entities"] = len(names)
    return result


if __name__ == "__main__":
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "examples" / "seeds"
    gold = Path(sys.argv[2]) if len(sys.argv) > 2 else SHARED / "eval" / "gold" / "seeds.json"
    s = run(corpus, gold)
    print(f"entity_recall {s['entity_recall']}  entity_merge {s['entity_merge']}  "
          f"entities {s['entities']}  seed precision {s['entity_precision']}")
