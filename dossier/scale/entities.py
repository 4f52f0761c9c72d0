"""Entity resolution from per-key statistics, so that new documents re-resolve few keys.

``dossier.resolve.entities.resolve_entities`` reads every document. Its merges only ever
join keys that share a *block* (a person's surname skeleton, a phonetic name within a type,
a folded surface form), so the keys whose entity can change when documents arrive are the
closure of the new keys under "shares a block with" and "is in the same entity as". This
module keeps what the resolver reads per key (type, surface forms, demonyms, first position)
and runs the resolver's own merge functions on the closure only; the result equals a full
resolution (tested), and ids that would collide fall back to one.
"""

from __future__ import annotations

import copy
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

from dossier.model import Document, Entity
from dossier.resolve import entities as res

__all__ = ["IdCollision", "KeyStat", "blocks_of", "collect_stats", "resolve_stats"]


class IdCollision(Exception):
    """Two entities got one id: the order of the whole corpus decides, so resolve it all."""


@dataclass(slots=True, kw_only=True)
class KeyStat:
    """What the documents say about one provisional key: the resolver's own key record
    (its counters, whatever fields it grows) and where the key and each counted item are
    first seen, so that merged counters keep the order a full pass would give them."""

    info: res._KeyInfo
    first: str  # "<document id>:<mention seq>": the first mention, in corpus (id) order
    seen: dict[str, dict[str, str]] = field(default_factory=dict)  # counter -> item -> pos

    @property
    def key(self) -> str:
        """Return the provisional key."""
        return self.info.key

    def merge(self, other: KeyStat) -> None:
        """Add another set of documents' counts; the earlier first mention sets the type."""
        for name in _counters():
            mine, theirs = self.seen.setdefault(name, {}), other.seen.get(name, {})
            for item, pos in theirs.items():
                mine[item] = min(pos, mine.get(item, pos))
            total = getattr(self.info, name) + getattr(other.info, name)
            order = sorted(total, key=lambda i: mine[i])
            setattr(self.info, name, Counter({i: total[i] for i in order}))
        if other.first < self.first:
            self.first, self.info.type = other.first, other.info.type

    def to_data(self) -> dict[str, list[list[object]]]:
        """Return the counters as JSON-ready [item, count, first position] rows."""
        return {name: [[i, n, self.seen[name][i]] for i, n in getattr(self.info, name).items()]
                for name in _counters()}

    @classmethod
    def from_data(cls, key: str, typ: str, first: str,
                  data: dict[str, list[list[Any]]]) -> KeyStat:
        """Rebuild a stored record."""
        info = res._KeyInfo(key=key, type=typ)
        seen: dict[str, dict[str, str]] = {}
        for name in _counters():
            rows = data.get(name, [])
            getattr(info, name).update({str(i): int(n) for i, n, _ in rows})
            seen[name] = {str(i): str(p) for i, _, p in rows}
        return cls(info=info, first=first, seen=seen)


@lru_cache(maxsize=1)
def _counters() -> tuple[str, ...]:
    """The Counter fields of the resolver's key record (forms, demonyms, ...)."""
    probe = res._KeyInfo(key="", type="")
    return tuple(f.name for f in fields(res._KeyInfo)
                 if isinstance(getattr(probe, f.name), Counter))


def collect_stats(docs: Iterable[Document]) -> dict[str, KeyStat]:
    """Gather each key's record (with the resolver's own collector) and first position."""
    stats: dict[str, KeyStat] = {}
    for doc in docs:
        firsts: dict[str, int] = {}
        for i, m in enumerate(doc.mentions):
            firsts.setdefault(m.key, i)
        for key, info in res._collect([doc]).items():
            info.documents = set()
            seen = {name: {item: f"{doc.id}:{i:06d}"
                           for i, item in enumerate(getattr(info, name))}
                    for name in _counters()}
            st = KeyStat(info=info, first=f"{doc.id}:{firsts[key]:06d}", seen=seen)
            if key in stats:
                stats[key].merge(st)
            else:
                stats[key] = st
    return stats


def blocks_of(st: KeyStat) -> set[str]:
    """Return the resolver blocks a key falls into (keys merge only within a block)."""
    return res.blocks(st.info)


def resolve_stats(stats: Sequence[KeyStat], documents: Mapping[str, Iterable[str]], *,
                  taken: Iterable[str] = ()) -> list[Entity]:
    """Resolve keys (a closed set, in corpus order) into entities, as ``resolve_entities``.

    ``documents`` maps each key to the documents that mention it; ``taken`` holds entity ids
    outside this set, which a new id must not collide with.
    """
    ordered = sorted(stats, key=lambda s: s.first)
    infos = {}
    for st in ordered:
        info = infos[st.key] = copy.copy(st.info)
        for name in _counters():
            setattr(info, name, Counter(getattr(st.info, name)))
        info.documents = set(documents.get(st.key, ()))
    uf = res._UnionFind(infos)
    res._merge_persons(infos, uf)
    res._merge_names(infos, uf)
    res._merge_forms(infos, uf)
    clusters: dict[str, list[res._KeyInfo]] = defaultdict(list)
    for info in infos.values():
        clusters[uf.find(info.key)].append(info)
    used = set(taken)
    out: list[Entity] = []
    for root, members in clusters.items():
        name, typ = res._canonical(root, members)
        eid = res.entity_id(typ, name)
        if eid in used:
            raise IdCollision(eid)
        used.add(eid)
        docs = sorted({d for m in members for d in m.documents})
        out.append(res._entity(eid, name, typ, members, docs, root))
    out.sort(key=lambda e: (-len(e.documents), e.name))
    return out
