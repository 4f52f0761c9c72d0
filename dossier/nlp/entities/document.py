"""Document-level checks of mention candidates: shared keys and support.

A surname alone takes the key of the one full name it ends in the document, an acronym the
key of the name it follows in brackets, and weak candidates (sentence-initial words, German
nouns, headline and label words) survive only when the document supports them elsewhere.
The optional model layer (models.py) retypes shape-only candidates here too.
"""

from __future__ import annotations

import re

from dossier.model import Mention
from dossier.nlp.entities.acronyms import link_acronyms
from dossier.nlp.entities.config import LangConfig
from dossier.nlp.entities.evidence import all_common, inside, lower_words, mixed_case, weak_regions
from dossier.nlp.entities.gazetteer import TOKEN
from dossier.nlp.entities.lemma import person_lemma
from dossier.nlp.entities.models import Tagger
from dossier.nlp.entities.normalize import fold, latin
from dossier.nlp.entities.persons import family_first
from dossier.nlp.entities.tokens import Cand, name_key


def apply_model(cands: list[Cand], spans: list[tuple[int, int]], text: str, tagger: Tagger,
                cfg: LangConfig) -> list[Cand]:
    """Let a model type shape-only candidates and add the names the rules missed, in the
    sentences that hold a shape-only candidate (the others are settled by gazetteer or cue)."""
    todo = sorted({c.mention.sentence for c in cands if c.shape_only})
    if not todo:
        return cands
    found = tagger([text[spans[si][0]:spans[si][1]] for si in todo])
    model: list[tuple[int, int, str, int]] = [
        (spans[si][0] + a, spans[si][0] + b, typ, si)
        for si, hits in zip(todo, found, strict=True) for a, b, typ in hits]
    for c in cands:
        if c.shape_only:
            m = c.mention
            hit = next((s for s in model if s[0] <= m.start and m.end <= s[1]), None)
            if hit is None:
                c.weak = True  # the model sees no name here either
            else:
                m.type, c.weak, c.shape_only = hit[2], False, False  # type: ignore[assignment]
                m.key = name_key(hit[2], " ".join(text[m.start:m.end].split()), cfg)
    taken = [(c.mention.start, c.mention.end) for c in cands]
    for a, b, typ, si in model:
        if not any(x < b and a < y for x, y in taken) and text[a].isupper():
            m = Mention(start=a, end=b, text="", type=typ, key=name_key(typ, text[a:b], cfg),  # type: ignore[arg-type]
                        sentence=si, source="model")
            cands.append(Cand(mention=m, words=[fold(w) for w in TOKEN.findall(text[a:b])]))
    cands.sort(key=lambda c: c.mention.start)
    return cands


def resolve_in_document(cands: list[Cand], text: str, cfg: LangConfig) -> list[Mention]:
    """Share keys inside a document and drop weak candidates nothing supports."""
    for c in cands:
        c.mention.text = text[c.mention.start:c.mention.end]
    _mark_layout_and_case(cands, text, cfg)
    surnames = _surname_index(cands, cfg)
    cands = link_acronyms(cands, text, cfg)
    seen = {" ".join(c.words) for c in cands if not c.weak}
    out: list[Mention] = []
    for c in cands:
        m = c.mention
        if len(c.words) == 1 and m.relation is None and _takes_surname(c, text, surnames, cfg):
            c.weak = False
        if c.weak and " ".join(c.words) not in seen:  # nothing strong elsewhere supports it
            continue
        if m.type == "person" and m.lemma is None:
            base = person_lemma(m.text, cfg.lemma_rules)
            m.lemma = base if base != m.text else None
        out.append(m)
    out.sort(key=lambda m: (m.start, m.end))
    return out


def _takes_surname(c: Cand, text: str, surnames: dict[str, tuple[str, tuple[str, ...]]],
                   cfg: LangConfig) -> bool:
    """Give a lone word the key of the one full name it is the surname of ("Fuente",
    "Tusks", and "Montenegro" or "Sudani" even where a gazetteer took the word for a
    country); the connectors before the surname in the full name join it ("De la Fuente")."""
    m, word = c.mention, c.words[0]
    if m.type not in ("person", "other") and m.source != "gazetteer":
        return False
    stems = [latin(cfg.person_token(word))]
    if m.type != "person" and m.source != "gazetteer":
        stems += [latin(word[:-len(e)]) for e in cfg.case_endings
                  if word.endswith(e) and len(word) - len(e) >= 3]
    hit = next((surnames[x] for x in stems if x in surnames), None)
    if hit is None:
        return False
    key, before = hit
    m.type, m.key, m.lemma = "person", key, None
    if before:
        lead = re.search(r"(?i)(?:^|(?<=\s))" + r"\s+".join(map(re.escape, before)) + r"\s+$",
                         text[max(0, m.start - 20):m.start])
        if lead is not None:  # "Del Valle, de 58 años"
            m.start -= len(lead.group())
            m.text = text[m.start:m.end]
    return True


def _mark_layout_and_case(cands: list[Cand], text: str, cfg: LangConfig) -> None:
    """Weak: shape spans in headings or labels, and spans made only of common words."""
    regions = weak_regions(text)
    lower = lower_words(text)
    skip = cfg.connectors | cfg.stopwords
    for c in cands:
        m = c.mention
        if not c.lexical:
            # a one-word town that the text also writes in lower case ("Centro", "Summit")
            c.weak = c.weak or (m.type == "place" and len(c.words) == 1
                                and c.words[0] in lower and m.key[6:].isdigit())
        else:  # "LabGRIMA", "EuroChem": inner capitals are no typography
            # a head noun in Title Case ("Os Desafios da Região") is typography too
            c.weak = c.weak or (inside(m.start, m.end, regions) and not mixed_case(m.text)) \
                or (c.shape_only and all_common(c.words, lower, skip, cfg.common_suffixes))


def _surname_index(cands: list[Cand],
                   cfg: LangConfig) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Last name -> (full-name key, connectors before it), for surnames that name one person
    in the document; a particle-glued surname is indexed without it too (al-Sudani, Sudani)."""
    index: dict[str, set[tuple[str, tuple[str, ...]]]] = {}
    for c in cands:
        m = c.mention
        if m.type != "person" or len(c.words) < 2 or c.weak:
            continue
        k = len(c.words) - 1
        while k > 1 and c.words[k - 1] in cfg.connectors:
            k -= 1
        entry = (m.key, tuple(c.words[k:-1]))
        if k < len(c.words) - 1 and k >= 2:  # "Prado" of "José Carlos Prado da Costa"
            index.setdefault(latin(c.words[k - 1]), set()).add((m.key, ()))
        last = latin(cfg.person_token(c.words[-1]))
        index.setdefault(last, set()).add(entry)
        head, _, rest = last.partition("-")
        if rest and fold(head) in cfg.name_particles | {latin(p) for p in cfg.name_particles}:
            index.setdefault(rest, set()).add(entry)
        if latin(c.words[0]) in family_first():  # "Ding" of "Ding Xuexiang" (family first)
            index.setdefault(latin(c.words[0]), set()).add((m.key, ()))
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for s, entries in index.items():
        if len({key for key, _ in entries}) == 1:
            out[s] = max(entries, key=lambda e: len(e[1]))
    return out
