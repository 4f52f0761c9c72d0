"""Word tokens with case facts, mention candidates and provisional keys of the recogniser."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dossier.model import Mention
from dossier.nlp.entities.config import LangConfig
from dossier.nlp.entities.evidence import closes_quote, opens_clause
from dossier.nlp.entities.gazetteer import TOKEN
from dossier.nlp.entities.lemma import person_lemma
from dossier.nlp.entities.normalize import fold, is_upper_acronym, latin
from dossier.nlp.entities.persons import curated_person


@dataclass(slots=True)
class Tok:
    """A word of a sentence with its offsets in the document and case facts."""

    start: int
    end: int
    text: str
    f: str  # folded
    cap: bool  # starts with an upper-case letter
    upper: bool  # all letters upper case (two or more)
    joined: bool  # only spaces separate it from the previous token
    initial: bool = False  # starts the sentence or a clause (after a quote, colon, list number)
    quoted: bool = False  # a closing quote follows: «Professionalitet» is a quoted name


@dataclass(slots=True)
class Cand:
    """A mention candidate before document-level checks."""

    mention: Mention
    words: list[str]  # folded tokens
    weak: bool = False  # needs support elsewhere in the document
    shape_only: bool = False  # typed by shape, not by any cue
    lexical: bool = True  # a cue or shape candidate, not a gazetteer or demonym match


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    """Split text[start:end] into word tokens with document offsets."""
    out: list[Tok] = []
    prev = start
    # the hottest loop of the stage: positional Tok() and local names keep it cheap
    for m in TOKEN.finditer(text, start, end):
        word = m.group()
        a, b = m.span()
        if out and b - len(word) == prev + 1 and text[prev] == " ":
            # most gaps: one space, nothing to read in it
            f, cap, upper = _facts(word)
            out.append(Tok(a, b, word, f, cap, upper, True))
            prev = b
            continue
        gap = text[prev:a]
        if out:
            out[-1].quoted = closes_quote(gap)
        # "Lisa Marie B. Bastos": an initial and its full stop stay inside the name
        after_initial = bool(out) and gap.strip() == "." and len(out[-1].text) == 1 \
            and out[-1].cap and word[0].isupper()
        out.append(Tok(start=a, end=b, text=word, f=fold(word), cap=word[0].isupper(),
                       upper=is_upper_acronym(word),
                       joined=bool(out) and (not gap.strip() or after_initial),
                       initial=not out or opens_clause(gap) or _after_list_number(out, gap)))
        prev = b
    if out:
        out[-1].quoted = closes_quote(text[prev:end])
    return out


@lru_cache(maxsize=262144)
def _facts(word: str) -> tuple[str, bool, bool]:
    """Folded form, capitalised, all capitals: one cache probe per token, not three."""
    return fold(word), word[0].isupper(), is_upper_acronym(word)


def _after_list_number(out: list[Tok], gap: str) -> bool:
    """'2) Creare ...', 'b. Localizzare': the word after a list number starts a clause."""
    last = out[-1] if out else None
    return last is not None and last.initial and gap.strip() in (")", ".") \
        and (last.text.isdigit() or len(last.text) == 1)


def name_key(typ: str, name: str, cfg: LangConfig) -> str:
    """Provisional key: normalised Latin name, surnames undeclined for persons."""
    if typ == "person":
        base = person_lemma(name, cfg.lemma_rules)
        words = " ".join(latin(cfg.person_token(fold(w))) for w in base.split())
        return curated_person(words) or "person:" + words
    return f"{typ}:{latin(name)}"
