"""Where floating items go: the clusters they may join are found by index
(``fusion_cluster_keys``) and only those are loaded, not the blocks around them.

Exact because a floating item can only join a cluster that names one of its entity ids in
the role :meth:`Kind.candidate_keys` gives (a superset of what the fusion rules accept),
and ties break on the order (block year, rank) that the blocks list their clusters in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

from dossier.scale import fusionstate as fs
from dossier.scale.kinds import Cand, Choice, Item, Kind, unpack

__all__ = ["Clusters", "choose_many"]


class Clusters:
    """Clusters read from the store in one step, each once (items, group)."""

    def __init__(self, c: Connection) -> None:
        self.c = c
        self.loaded: dict[fs.Ref, tuple[list[Item], Any]] = {}

    def get(self, refs: Sequence[fs.Ref]) -> list[tuple[list[Item], Any]]:
        """Return (items, group) of these clusters (loaded once; the objects are shared)."""
        missing = [r for r in refs if r not in self.loaded]
        for ref, data in fs.cluster_data(self.c, missing).items():
            self.loaded[ref] = unpack(data)
        return [self.loaded[r] for r in refs]


def choose_many(c: Connection, kind: Kind, items: Sequence[Item],
                clusters: Clusters | None = None) -> dict[int, Choice]:
    """Return where each floating item goes (by ``id(item)``): the best cluster of its
    class among those naming one of its entity ids (or all, where the rules need it)."""
    clusters = clusters or Clusters(c)
    by_class: dict[str, list[Item]] = defaultdict(list)
    for it in items:
        by_class[kind.cls(it)].append(it)
    out: dict[int, Choice] = {}
    for cls, its in by_class.items():
        specs = [kind.candidate_keys(it) for it in its]
        if any(spec is None for spec in specs):
            found = fs.clusters_of_class(c, kind.code, cls)
        else:
            by_roles: dict[tuple[str, ...], set[str]] = defaultdict(set)
            for spec in specs:
                for key, roles in spec or ():
                    by_roles[roles].add(key)
            found = {}
            for roles, ids in by_roles.items():
                found.update(fs.clusters_naming(c, kind.code, ids, roles, cls))
        # one chooser over every candidate cluster of the class: a cluster an item fits
        # names one of its ids, so it is among them
        refs = sorted(found, key=lambda r: (found[r], r[1]))
        cands: list[Cand] = [(unit, rank, g) for (unit, rank), (_, g)
                             in zip(refs, clusters.get(refs), strict=True)]
        choose = kind.chooser(cands)
        for it in its:
            out[id(it)] = choose(it)
    return out
