"""Near-duplicate articles (syndicated copies, one wire story in several outlets): MinHash LSH.

Exact duplicates already share a content id; near duplicates differ in a headline, a byline or
a trailing paragraph. We compare the cleaned text's word 5-shingles with datasketch's MinHash
and find candidates with its LSH index, then confirm each candidate by the estimated Jaccard
similarity, so the answer does not depend on LSH banding alone. State is saved as JSON (hash
values per document), never pickle, so a state file cannot run code when loaded.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from datasketch import MinHash, MinHashLSH

__all__ = ["NearDuplicates", "shingles"]

_WORD = re.compile(r"\w+")
_FORMAT = "dossier-minhash/1"


def shingles(text: str, size: int = 5) -> set[bytes]:
    """Return the word ``size``-shingles of a text (NFKC, casefolded), as UTF-8 bytes."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


class NearDuplicates:
    """An incremental index of documents; :meth:`add` returns earlier near-duplicates."""

    def __init__(self, *, threshold: float = 0.8, num_perm: int = 128, shingle: int = 5) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._hashes: dict[str, MinHash] = {}
        self._order: list[str] = []  # insertion order, so "earlier" is well defined

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._hashes

    def signature(self, text: str) -> MinHash:
        """Return the MinHash of a text's shingles."""
        minhash = MinHash(num_perm=self.num_perm)
        minhash.update_batch(list(shingles(text, self.shingle)))
        return minhash

    def query(self, text: str) -> list[str]:
        """Return indexed ids whose estimated Jaccard similarity with ``text`` passes threshold."""
        return self._confirmed(self.signature(text), exclude=None)

    def add(self, doc_id: str, text: str) -> list[str]:
        """Index a document; return the earlier ids it nearly duplicates (oldest first)."""
        if doc_id in self._hashes:  # re-adding is idempotent: report against the earlier ones
            return self._confirmed(self._hashes[doc_id], exclude=doc_id, before=doc_id)
        if not shingles(text, self.shingle):
            return []  # nothing to compare: an empty text duplicates nothing
        minhash = self.signature(text)
        found = self._confirmed(minhash, exclude=None)
        self._insert(doc_id, minhash)
        return found

    def signature_bytes(self, doc_id: str) -> bytes | None:
        """Return an indexed document's MinHash values packed for storage."""
        minhash = self._hashes.get(doc_id)
        return None if minhash is None else minhash.hashvalues.astype("<u8").tobytes()

    def insert_signature(self, doc_id: str, packed: bytes) -> None:
        """Index a document from stored :meth:`signature_bytes` (no re-hashing of its text)."""
        if doc_id in self._hashes:
            return
        values = np.frombuffer(packed, dtype="<u8").astype(np.uint64)
        scheme = MinHash(num_perm=self.num_perm).scheme  # the one signature() used
        self._insert(doc_id, MinHash(num_perm=self.num_perm, scheme=scheme, hashvalues=values))

    def _insert(self, doc_id: str, minhash: MinHash) -> None:
        self._lsh.insert(doc_id, minhash)
        self._hashes[doc_id] = minhash
        self._order.append(doc_id)

    def _confirmed(
        self, minhash: MinHash, *, exclude: str | None, before: str | None = None
    ) -> list[str]:
        """LSH candidates whose estimated Jaccard passes the threshold, in insertion order."""
        limit = self._order.index(before) if before is not None else len(self._order)
        earlier = set(self._order[:limit])
        hits = {c for c in self._lsh.query(minhash) if c != exclude and c in earlier
                and self._hashes[c].jaccard(minhash) >= self.threshold}
        return [d for d in self._order if d in hits]

    def save(self, path: str | Path) -> None:
        """Write the index as JSON (settings, then ids with their hash values in order)."""
        scheme = MinHash(num_perm=self.num_perm).scheme  # how hash values were permuted
        state = {"format": _FORMAT, "threshold": self.threshold, "num_perm": self.num_perm,
                 "shingle": self.shingle, "scheme": scheme,
                 "documents": [[d, self._hashes[d].hashvalues.tolist()] for d in self._order]}
        Path(path).write_text(json.dumps(state), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> NearDuplicates:
        """Read an index written by :meth:`save`."""
        state = json.loads(Path(path).read_text(encoding="utf-8"))
        if state.get("format") != _FORMAT:
            raise ValueError(f"{path} is not a dossier near-duplicate index ({_FORMAT})")
        index = cls(threshold=state["threshold"], num_perm=state["num_perm"],
                    shingle=state["shingle"])
        for doc_id, values in state["documents"]:
            minhash = MinHash(num_perm=index.num_perm, scheme=state["scheme"],
                              hashvalues=np.asarray(values, dtype=np.uint64))
            index._insert(doc_id, minhash)
        return index

    @classmethod
    def rebuild(cls, documents: Iterable[tuple[str, str]], **settings: float) -> NearDuplicates:
        """Build an index from (id, cleaned text) pairs, e.g. read back from the store."""
        index = cls(**settings)  # type: ignore[arg-type]
        for doc_id, text in documents:
            index.add(doc_id, text)
        return index
