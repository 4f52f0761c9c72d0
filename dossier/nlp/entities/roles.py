"""Roles of mentions: metonyms that act ("Moscow and Astana agreed") and role phrases that
stand for a person ("il presidente russo" -> the one Russian president the document names).

Both are short-range patterns over the words next to a mention, read from the per-language
lists in ``entities.toml`` (coordinators, auxiliaries, actor verbs, person titles); no
package does this for the nine languages, so it is written here.
"""

from __future__ import annotations

from dossier.model import Document, Mention
from dossier.nlp.entities.config import LangConfig, load_config
from dossier.nlp.entities.gazetteer import TOKEN
from dossier.nlp.entities.normalize import fold

ACTOR_TYPES = frozenset({"country", "place"})
MAX_AUX = 2  # "has also agreed", "a déjà annoncé"
WINDOW = 4  # words either side of a name searched for its title and country
TITLE_STEM = 6  # "presidente", "president", "президентом" agree on their first letters


def _words_after(text: str, pos: int, limit: int = 6) -> list[tuple[str, int, str]]:
    """Up to ``limit`` folded words after ``pos`` with their start and the gap before each."""
    out: list[tuple[str, int, str]] = []
    for m in TOKEN.finditer(text, pos):
        out.append((fold(m.group()), m.start(), text[pos:m.start()]))
        pos = m.end()
        if len(out) == limit:
            break
    return out


def _starts_with_verb(words: list[tuple[str, int, str]], cfg: LangConfig) -> bool:
    """An actor verb first, after at most MAX_AUX auxiliaries, with only spaces between."""
    for k, (w, _, gap) in enumerate(words[: MAX_AUX + 1]):
        if gap.strip() and k:  # punctuation ends the clause
            return False
        two = f"{w} {words[k + 1][0]}" if k + 1 < len(words) else ""
        if w in cfg.actor_verbs or two in cfg.actor_verbs:
            return True
        if w not in cfg.auxiliaries:
            return False
    return False


def mark_actors(mentions: list[Mention], text: str, cfg: LangConfig) -> None:
    """Set role="actor" on places and countries that are the subject of an actor verb,
    alone or coordinated ("Moscow and Astana agreed", "le Kremlin a annoncé")."""
    subjects = [m for m in mentions if m.type in ACTOR_TYPES and m.relation is None]
    group: list[Mention] = []
    for k, m in enumerate(subjects):
        group.append(m)
        nxt = subjects[k + 1] if k + 1 < len(subjects) else None
        between = text[m.end:nxt.start].strip(" ,").split() if nxt else None
        if nxt is not None and between is not None and len(between) == 1 \
                and fold(between[0]) in cfg.coordinators:
            continue  # the group goes on: "Moscow and Astana ..."
        words = _words_after(text, m.end)
        if words and not words[0][2].strip(" ") and _starts_with_verb(words, cfg):
            for g in group:
                g.role = "actor"
        group = []


def _title_near(doc: Document, m: Mention, cfg: LangConfig) -> set[str]:
    """Stems of person titles within WINDOW words before or after a mention, in its sentence."""
    lo, hi = 0, len(doc.text)
    if 0 <= m.sentence < len(doc.sentences):
        lo, hi = doc.sentences[m.sentence].start, doc.sentences[m.sentence].end
    before = TOKEN.findall(doc.text[max(lo, m.start - 80):m.start])[-WINDOW:]
    after = TOKEN.findall(doc.text[m.end:min(hi, m.end + 80)])[:WINDOW]
    return {fold(w)[:TITLE_STEM] for w in (*before, *after) if fold(w) in cfg.person_titles}


def _country_of(doc: Document, i: int) -> str | None:
    """The country named next to a person: the nearest one before it ("il presidente cileno
    Tomás Rivera") with no other person between, else one just after ("Rivera, the Chilean
    president")."""
    m = doc.mentions[i]
    for c in reversed(doc.mentions[max(0, i - WINDOW):i]):
        if c.type == "person" and c.key != m.key:
            break
        if c.type == "country" and c.sentence == m.sentence and m.start - c.end < 60:
            return c.key
    for c in doc.mentions[i + 1:i + 3]:
        if c.type == "country" and c.sentence == m.sentence and c.start - m.end < 40:
            return c.key
    return None


def resolve_role(doc: Document, mention_index: int) -> str | None:
    """Person key that a role phrase stands for ("il presidente russo", "the Russian
    president", "президент России"), when the document names exactly one such person."""
    role = doc.mentions[mention_index]
    if role.type != "country":
        return None
    cfg = load_config(doc.language)
    titles = _title_near(doc, role, cfg)
    if not titles:
        return None
    people: set[str] = set()
    for i, m in enumerate(doc.mentions):
        if m.type != "person" or m.sentence < 0:
            continue
        if _country_of(doc, i) == role.key and titles & _title_near(doc, m, cfg):
            people.add(m.key)
    return people.pop() if len(people) == 1 else None
