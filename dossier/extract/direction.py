"""The direction stage: which way a flow goes (Russian investment in Kazakhstan, not back).

"Russian investment in Kazakhstan" and "Kazakh investment in Russia" name the same two
countries and the same metric, yet are different quantities; so are "German firms in France"
and "French firms in Germany". This stage reads, in the clause of each figure of a
directional metric, who owns the flow (a demonym, a genitive, "from") and where it goes (a
preposition or a locative/dative case ending), and sets ``Figure.subjects`` to
``[origin, destination]`` and ``Figure.direction`` to ``"origin>destination"``. A stated
two-way total ("mutual investment", "karşılıklı yatırımlar") gets ``"a<>b"``; otherwise the
direction stays None (unknown).

Written here because no library reads the direction of economic flows in nine languages;
the cues are data (``dossier/lang/<code>/direction.toml``), the rules are language-neutral.
It also cleans subjects for every figure: a country named only inside a currency ("dollari
USA", "US-Dollar") is not a subject.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

from dossier import lang as langdata
from dossier.extract.figures import clauses
from dossier.model import Document, Figure, Mention

__all__ = ["DIRECTIONAL", "DirectionCues", "DirectionStage", "direction_cues", "orient"]

#: metrics whose figures flow from one country to another (or sit in one, owned by another)
DIRECTIONAL = frozenset({"investment", "investment_stock", "exports", "imports", "companies",
                         "students", "universities", "energy"})
#: metrics where the owner ("Kazakhstan's imports") is where the flow arrives
OWNER_RECEIVES = frozenset({"imports"})
#: metrics that count institutions which elsewhere host a flow: "nine Russian universities in
#: Kazakhstan" are Russia's branches, not Russia hosting anything
COUNTS_HOSTS = frozenset({"universities"})
#: metrics about two parties: a figure naming one side gets the document's other country
#: (in a Kazakh–Uzbek article "Kazakhstan's trade ... 4.4 bn" is the bilateral trade)
PAIRED = DIRECTIONAL | {"joint_projects", "trade_turnover"}
_WORD = re.compile(r"\w+")
_GLUED = re.compile(r"['’]?\w*")
_COUNTRIES = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "countries.tsv"
_CURRENCY_GAP = 3  # "28 миллиардов долларов США": a country right after a figure is its currency


@dataclass(slots=True, kw_only=True, frozen=True)
class DirectionCues:
    """One language's direction cues (see ``dossier/lang/en/direction.toml``)."""

    destination: frozenset[str]
    origin: frozenset[str]
    fillers: frozenset[str]
    destination_endings: frozenset[str]
    origin_endings: frozenset[str]
    owner_endings: frozenset[str]
    mutual: re.Pattern[str] | None
    hosts: tuple[frozenset[str], tuple[str, ...]] = (frozenset(), ())
    flows: tuple[frozenset[str], tuple[str, ...]] = (frozenset(), ())
    links: frozenset[str] = frozenset()
    noun_before: bool = False


def _phrases(items: Sequence[str]) -> re.Pattern[str] | None:
    """Compile phrases as case-insensitive word-initial prefixes ("взаимн" finds "взаимные")."""
    parts = [r"\s+".join(map(re.escape, p.split())) for p in sorted(set(items), key=len,
                                                                     reverse=True)]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")", re.I) if parts else None


@lru_cache(maxsize=32)
def direction_cues(language: str | None) -> DirectionCues:
    """Return the direction cues of ``language`` (empty cues when it has no file)."""
    data = langdata.load(language, "direction") if language else {}

    def words(name: str) -> frozenset[str]:
        return frozenset(w.casefold() for w in data.get(name, []))

    return DirectionCues(
        destination=words("destination"), origin=words("origin"), fillers=words("fillers"),
        destination_endings=words("destination_endings"), origin_endings=words("origin_endings"),
        owner_endings=words("owner_endings"), mutual=_phrases(data.get("mutual", [])),
        hosts=_nouns(data.get("host_nouns", [])), flows=_nouns(data.get("flow_nouns", [])),
        links=words("links"), noun_before=bool(data.get("noun_before", False)),
    )


def _nouns(items: Sequence[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """Split nouns into exact words and stems (written with a trailing ``*``)."""
    folded = [w.casefold() for w in items]
    return (frozenset(w for w in folded if not w.endswith("*")),
            tuple(w[:-1] for w in folded if w.endswith("*")))


def _is_noun(word: str, nouns: tuple[frozenset[str], tuple[str, ...]]) -> bool:
    return word in nouns[0] or word.startswith(nouns[1])


def noun_role(text: str, m: Mention, cues: DirectionCues) -> str | None:
    """Return "host" or "flow" for the noun a country word qualifies, else None.

    "3,200 Chilean students at Norwegian universities": the students are counted (a flow, so
    their owner is the origin), the universities receive them (a host, so their owner is the
    destination). The noun is the word after the country word ("Chilean students",
    "Norveç üniversitelerinde") or before it ("studenti cileni", "вузах Норвегии", "students
    of Chile" through ``links``); ``noun_before`` says which side a language tries first.
    """
    glued = _GLUED.match(text, m.end)
    nxt = _WORD.search(text, glued.end() if glued else m.end)
    after = [nxt.group()] if nxt else []
    before = _WORD.findall(text, max(0, m.start - 40), m.start)[-2:]
    if len(before) == 2 and before[1].casefold() in cues.links:
        before = before[:1]  # "the universities of Norway"
    sides = [before[-1:], after] if cues.noun_before else [after, before[-1:]]
    for side in sides:
        for word in side:
            w = word.casefold()
            if _is_noun(w, cues.hosts):
                return "host"
            if _is_noun(w, cues.flows):
                return "flow"
    return None


@lru_cache(maxsize=1)
def country_names() -> dict[str, tuple[str, ...]]:
    """Return each country key's names, casefolded, longest first (to find case endings)."""
    out: dict[str, tuple[str, ...]] = {}
    with _COUNTRIES.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if len(row) >= 4 and row[0].startswith("country:"):
                names = {n.casefold() for n in [row[2], *row[3].split("|")] if n}
                out[row[0]] = tuple(sorted(names, key=len, reverse=True))
    return out


def _ending(text: str, m: Mention) -> str:
    """Return the case ending glued to a country name ("Kazakistan'da" -> "da")."""
    glued = _GLUED.match(text, m.end)
    token = (m.text + (glued.group() if glued else "")).casefold()
    for name in country_names().get(m.key, ()):
        if token.startswith(name) and len(token) > len(name):
            return token[len(name):].lstrip("'’")
    return (glued.group() if glued else "").lstrip("'’").casefold()


def _role(text: str, start: int, m: Mention, cues: DirectionCues) -> str:
    """Return destination, origin, owner or neutral for a mention, from its ending and the
    words right before it (articles and fillers such as "economy" skipped)."""
    ending = "" if m.relation == "demonym" else _ending(text, m)
    if ending in cues.destination_endings:
        return "destination"
    if ending in cues.origin_endings:
        return "origin"
    if ending in cues.owner_endings:
        return "owner"
    for word in reversed(_WORD.findall(text, start, m.start)[-4:]):
        w = word.casefold()
        if w in cues.destination:
            return "destination"
        if w in cues.origin:
            return "origin"
        if w not in cues.fillers:
            break
    return "owner" if m.relation == "demonym" else "neutral"


@dataclass(slots=True)
class _Roles:
    """Country keys by role in one stretch of text, nearest to the figure first."""

    destination: list[str]
    origin: list[str]
    neutral: list[str]


def _roles(text: str, span: tuple[int, int], pos: int, mentions: list[Mention],
           cues: DirectionCues, metric: str | None) -> _Roles:
    """Sort the mentions inside ``span`` by role, each list nearest to ``pos`` first."""
    owner_receives = metric in OWNER_RECEIVES
    out = _Roles([], [], [])
    inside = sorted((m for m in mentions if span[0] <= m.start < span[1]),
                    key=lambda m: abs(m.start - pos))
    owners: list[tuple[str, bool]] = []  # (key, owns the counted or flowing thing)
    for m in inside:
        role = _role(text, span[0], m, cues)
        noun = noun_role(text, m, cues) if role in ("owner", "neutral") else None
        if noun == "host" and metric in COUNTS_HOSTS:
            noun = "flow"  # "nove università russe": the universities are what is counted
        if noun == "host":
            role = "destination"  # "atenei norvegesi", "Norveç üniversitelerinde"
        if role == "owner" or noun == "flow":
            owners.append((m.key, noun == "flow"))
        else:
            getattr(out, role).append(m.key)
    if owner_receives:
        out.destination.extend(k for k, _ in owners)
        return out
    if not owners:
        return out
    # the owner of a counted noun ("Chilean students") is the origin, the nearest first; else
    # the owner nearest the figure, since a figure counts the noun beside it. Another owner
    # whose noun says nothing hosts the flow; another counted noun's owner never does
    # ("Chilean and Peruvian students": two origins)
    first = next((k for k, flow in owners if flow), owners[0][0])
    out.origin.extend(dict.fromkeys([first] + [k for k, _ in owners]))
    if not out.destination:
        out.destination.extend(k for k, flow in owners if k != first and not flow)
    return out


def _pick(first: list[str], avoid: str | None) -> str | None:
    return next((k for k in first if k != avoid), None)


def orient(fig: Figure, doc: Document, mentions: list[Mention], pair: Sequence[str]
           ) -> str | None:
    """Return "origin>destination", "a<>b" (a stated two-way total) or None for a figure.

    ``mentions`` are the document's usable country mentions (currencies left out) in
    document offsets; ``pair`` the document's two main countries, for the missing side.
    """
    sentence = doc.sentences[fig.sentence]
    text, base = sentence.text, sentence.start
    local = [_shift(m, -base) for m in mentions if sentence.start <= m.start < sentence.end]
    pos = fig.start - base
    clause = next(((a, b) for a, b in clauses(text) if a <= pos < b), (0, len(text)))
    cues = direction_cues(doc.language)
    if cues.mutual and cues.mutual.search(text, clause[0], clause[1]):
        keys = sorted(dict.fromkeys(m.key for m in local)) or sorted(pair)
        return f"{keys[0]}<>{keys[1]}" if len(keys) == 2 else None
    wide = _roles(text, (0, len(text)), pos, local, cues, fig.metric)
    near = _roles(text, clause, pos, local, cues, fig.metric)
    if not (near.destination or near.origin):
        near = wide  # "(valore complessivo oltre i $9 miliardi)": the sentence says whose
    dest = _pick(near.destination, None)
    origin = _pick(near.origin, dest)
    if dest is None and origin is None:
        return None
    dest = dest or _pick(wide.destination, origin) or _pick(near.neutral + wide.neutral, origin)
    origin = origin or _pick(wide.origin, dest) or _pick(near.neutral + wide.neutral, dest)
    known = origin or dest
    if (origin is None or dest is None) and known in pair and len(pair) == 2:
        other = pair[1] if pair[0] == known else pair[0]
        origin, dest = (origin or other), (dest or other)
    return f"{origin}>{dest}" if origin and dest and origin != dest else None


def _shift(m: Mention, by: int) -> Mention:
    return Mention(start=m.start + by, end=m.end + by, text=m.text, type=m.type, key=m.key,
                   relation=m.relation)


def _countries(doc: Document) -> list[Mention]:
    """Return the country mentions that can be subjects: not part of a figure's currency."""
    spans = [(f.start, f.end + (_CURRENCY_GAP if _is_currency(f.unit) else 0))
             for f in doc.figures]
    return [m for m in doc.mentions if m.key.startswith("country:")
            and not any(a <= m.start < b for a, b in spans)]


def _is_currency(unit: str | None) -> bool:
    return bool(unit) and len(unit or "") == 3 and (unit or "").isupper()


def _pair(mentions: list[Mention]) -> list[str]:
    """Return the document's two most-mentioned countries (fewer when it names fewer)."""
    return [k for k, _ in Counter(m.key for m in mentions).most_common(2)]


def _subjects(fig: Figure, doc: Document, mentions: list[Mention], pair: list[str]
              ) -> list[str]:
    """Return the figure extractor's subjects less countries named only in a currency, else
    the document's pair; a paired metric naming one side gets the pair's other side."""
    s = doc.sentences[fig.sentence]
    here = {m.key for m in doc.mentions if s.start <= m.start < s.end}
    usable = {m.key for m in mentions if s.start <= m.start < s.end}
    keys = [k for k in fig.subjects if k in usable or k not in here]
    if not keys:
        return list(pair)
    if len(keys) == 1 and fig.metric in PAIRED and len(pair) == 2 and keys[0] in pair:
        keys.append(pair[1] if pair[0] == keys[0] else pair[0])
    return keys


class DirectionStage:
    """Pipeline stage: set the direction and the subjects of each figure."""

    name: ClassVar[str] = "direction"
    requires: ClassVar[tuple[str, ...]] = ("figures", "mentions", "language")
    assigns: ClassVar[tuple[str, ...]] = ("figures",)

    def __call__(self, doc: Document) -> Document:
        if not doc.figures or not doc.sentences:
            return doc
        mentions = _countries(doc)
        pair = _pair(mentions)
        for fig in doc.figures:
            if not 0 <= fig.sentence < len(doc.sentences):
                continue
            fig.subjects = _subjects(fig, doc, mentions, pair)
            fig.direction = orient(fig, doc, mentions, pair) if fig.metric in DIRECTIONAL \
                else None
            if fig.direction and "<>" not in fig.direction:
                fig.subjects = fig.direction.split(">")
        return doc
