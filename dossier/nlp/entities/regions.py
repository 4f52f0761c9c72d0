"""Regions named by a capitalised adjective and a lower-case head noun.

Russian writes regions as "Джизакская область" (and declines both words: "в Джизакской
области"); capitalised adjectives before a lower-case noun are otherwise no name (stage.py,
``_adjective_phrase``), and the gazetteer lists only the regions whose Russian name iso-codes
translates. The head nouns and the adjective's base-form rules are per-language data
(``region_heads``, ``region_adjective_rules`` in ``lang/<code>/entities.toml``).
"""

from __future__ import annotations

from dossier.model import Mention
from dossier.nlp.entities.config import LangConfig
from dossier.nlp.entities.gazetteer import Gazetteer, tokens
from dossier.nlp.entities.normalize import latin
from dossier.nlp.entities.tokens import Cand, Tok

__all__ = ["region_phrase"]


def region_phrase(toks: list[Tok], i: int, j: int, si: int, cfg: LangConfig,
                  gaz: Gazetteer) -> Cand | None:
    """A place for capitalised adjectives toks[i:j] followed by a region head noun."""
    if not cfg.region_heads or j >= len(toks) or not toks[j].joined or toks[j].cap:
        return None
    head = cfg.region_heads.get(toks[j].f)
    if head is None or not all(t.f.endswith(cfg.adjective_endings) for t in toks[i:j]):
        return None
    words = [_adjective_base(t.text, cfg) for t in toks[i:j]]
    lemma = " ".join([*words, head])
    hit = gaz.find(tuple(tokens(lemma)))
    key = hit.key if hit is not None and hit.type == "place" else f"place:{latin(lemma)}"
    m = Mention(start=toks[i].start, end=toks[j].end, text="", type="place", key=key,
                sentence=si, source="cue")
    text = " ".join(t.text for t in toks[i:j + 1])
    m.lemma = lemma if lemma != text else None
    return Cand(mention=m, words=[t.f for t in toks[i:j + 1]], lexical=False)


def _adjective_base(word: str, cfg: LangConfig) -> str:
    """The nominative of a declined adjective (Джизакской -> Джизакская)."""
    for pattern, repl in cfg.region_adjective_rules:
        new = pattern.sub(repl, word)
        if new != word:
            return new
    return word
