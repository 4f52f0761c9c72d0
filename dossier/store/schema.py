"""SQLAlchemy Core schema: SQLite by default, the same tables on PostgreSQL.

Per-document facts (mentions, figures, events, agreements) keep their full record in a JSON
``data`` column plus the few columns that queries filter on. Corpus-level results (entities,
fused events and agreements, conflicts) are derived and replaced as a whole after each build.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

SCHEMA_VERSION = 4  # dossier.store.migrate brings older databases here

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", String(32), primary_key=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("author", Text),
    Column("outlet", Text),
    Column("published", String(10), index=True),
    Column("language", String(8), index=True),
    Column("format", String(8), nullable=False),
    Column("text", Text, nullable=False),
    Column("raw", LargeBinary),  # zlib-compressed decoded input, kept for re-reading
    Column("duplicate_of", String(32), index=True),  # near-duplicate of an earlier document
    Column("data", JSON, nullable=False),  # boilerplate, references, paragraphs, sentences, meta
    Column("added_at", String(32), nullable=False, index=True),
)

sources = Table(
    "sources", metadata,
    Column("source", Text, primary_key=True),
    Column("document_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"),
           nullable=False),
)

signatures = Table(  # MinHash signatures for near-duplicate detection across builds
    "signatures", metadata,
    Column("document_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True),
    Column("hashes", LargeBinary, nullable=False),
)

mentions = Table(
    "mentions", metadata,
    Column("document_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("key", Text, nullable=False, index=True),
    Column("type", String(16), nullable=False),
    Column("data", JSON, nullable=False),
)

figures = Table(
    "figures", metadata,
    Column("id", String(48), primary_key=True),
    Column("document_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("seq", Integer, nullable=False),
    Column("value", Float),
    Column("unit", String(32)),
    Column("metric", String(32), index=True),
    Column("period", String(32)),
    Column("kind", String(16)),
    Column("speaker", Text),
    Column("data", JSON, nullable=False),
)

doc_events = Table(
    "doc_events", metadata,
    Column("document_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("type", String(16), nullable=False),
    Column("data", JSON, nullable=False),
)

doc_agreements = Table(
    "doc_agreements", metadata,
    Column("document_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("data", JSON, nullable=False),
)

entities = Table(
    "entities", metadata,
    Column("id", String(48), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False, index=True),
    Column("data", JSON, nullable=False),
)

entity_keys = Table(
    "entity_keys", metadata,
    Column("key", Text, primary_key=True),
    Column("entity_id", String(48), nullable=False, index=True),
)

events = Table(
    "events", metadata,
    Column("id", String(48), primary_key=True),
    Column("type", String(16), nullable=False),
    Column("date", String(16)),
    Column("data", JSON, nullable=False),
)

agreements = Table(
    "agreements", metadata,
    Column("id", String(48), primary_key=True),
    Column("date", String(16)),
    Column("data", JSON, nullable=False),
)

conflicts = Table(
    "conflicts", metadata,
    Column("id", String(48), primary_key=True),
    Column("metric", String(32)),
    Column("data", JSON, nullable=False),
)

failures = Table(
    "failures", metadata,
    Column("source", Text, primary_key=True),
    Column("reason", Text, nullable=False),
    Column("at", String(32), nullable=False),
)

info = Table(
    "info", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# Corpus state kept so that adding documents updates the corpus without re-reading it all
# (dossier.corpus, dossier.scale.state): what each entity key was seen as, which resolver
# blocks it falls into, and the figure bucket of each figure and conflict.
key_stats = Table(
    "key_stats", metadata,
    Column("key", Text, primary_key=True),
    Column("type", String(16), nullable=False),
    Column("first", Text, nullable=False),  # "<document id>:<mention seq>" of its first mention
    Column("data", JSON, nullable=False),  # surface forms and demonyms with counts
)

key_blocks = Table(
    "key_blocks", metadata,
    Column("block", Text, primary_key=True),
    Column("key", Text, primary_key=True, index=True),
)

corpus_documents = Table(  # the documents the stored corpus results already include
    "corpus_documents", metadata,
    Column("document_id", String(32), primary_key=True),
)

figure_buckets = Table(
    "figure_buckets", metadata,
    Column("figure_id", String(48), primary_key=True),
    Column("bucket", Text, nullable=False, index=True),
)

conflict_buckets = Table(
    "conflict_buckets", metadata,
    Column("conflict_id", String(48), primary_key=True),
    Column("bucket", Text, nullable=False, index=True),
)

# Conflict state (dossier.scale.figstate): each compared figure's cell (its group bucket and
# subject set) and, per cell, a summary of its figures (extremes, counts) from which the
# conflicts of its group are judged without re-reading the figures.
figure_cells = Table(
    "figure_cells", metadata,
    Column("figure_id", String(48), primary_key=True),
    Column("cell", String(24), nullable=False, index=True),
    Column("document_id", String(32), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("speaker", Text),
)

cell_stats = Table(
    "cell_stats", metadata,
    Column("cell", String(24), primary_key=True),
    Column("bucket", Text, nullable=False, index=True),
    Column("subjects", Text, nullable=False),  # JSON list of entity ids
    Column("data", Text),  # JSON summary; NULL until the full step has filled it
)

conflict_members = Table(  # per conflict: its figures' order, ids and speaker keys, so that
    "conflict_members", metadata,  # adding figures updates it without reading them all
    Column("id", String(48), primary_key=True),
    Column("data", LargeBinary, nullable=False),  # pickle: (docs, seqs, ids, speakers)
)

# Fusion state (dossier.scale.blocks, dossier.scale.fusionstate): event and agreement fusion
# runs per block (type class or kind, year placed); each block's clusters are kept one row
# each, before the floating reports (no year placed) join them, with the entity ids they
# name, so that adding a document re-fuses its blocks only, finds the clusters a floating
# report may join by index and rewrites only the clusters that changed.
fusion_blocks = Table(
    "fusion_blocks", metadata,
    Column("unit", Text, primary_key=True),  # "e|<type class>|<year>" or "a|<kind>|<year>"
    Column("kind", String(1), nullable=False),  # e: events, a: agreements
    Column("cls", Text, nullable=False),  # type class or agreement kind
    Column("year", Integer, nullable=False),
)

fusion_clusters = Table(  # one row per cluster of a block
    "fusion_clusters", metadata,
    Column("unit", Text, primary_key=True),
    Column("rank", Text, primary_key=True),  # stable name; sorts as the block lists them
    Column("print", String(40), nullable=False),  # fingerprint of its members
    Column("data", LargeBinary, nullable=False),  # zlib-compressed pickle: (items, cluster)
)

fusion_cluster_keys = Table(  # the entity ids each cluster names, to find candidates by
    "fusion_cluster_keys", metadata,
    Column("key", Text, primary_key=True),
    Column("role", String(1), primary_key=True),  # p person, a actor, x beside persons...
    Column("unit", Text, primary_key=True),
    Column("rank", Text, primary_key=True),
    Column("kind", String(1), nullable=False),
    Column("cls", Text, nullable=False),
    Column("year", Integer, nullable=False),
)

fusion_floats = Table(  # reports and agreements no year places, and where they joined
    "fusion_floats", metadata,
    Column("kind", String(1), primary_key=True),
    Column("document_id", String(32), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("cls", Text, nullable=False),
    Column("sig", Text, nullable=False, index=True),  # items with one sig join alike
    Column("unit", Text),  # the block joined, None for none
    Column("cluster", Text),  # the rank of the cluster joined, in that block
    Column("data", LargeBinary, nullable=False),
)

fusion_float_keys = Table(
    "fusion_float_keys", metadata,
    Column("key", Text, primary_key=True),
    Column("kind", String(1), primary_key=True),
    Column("document_id", String(32), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("role", String(1), primary_key=True),
)

fusion_records = Table(  # which cluster (or page, for floating leftovers) wrote each record
    "fusion_records", metadata,
    Column("id", String(48), primary_key=True),
    Column("kind", String(1), nullable=False),
    Column("unit", Text, nullable=False, index=True),  # "<block>#<rank>" or "f<kind>|<page>"
    Column("print", String(40), nullable=False),  # fingerprint of what it was made from
)

fusion_spill = Table(  # the full step's items by block, written as documents are read
    "fusion_spill", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("unit", Text, nullable=False, index=True),
    Column("data", LargeBinary, nullable=False),
)

Index("ix_mentions_key_doc", mentions.c.key, mentions.c.document_id)
Index("ix_fusion_blocks_cls", fusion_blocks.c.kind, fusion_blocks.c.cls)
Index("ix_fusion_floats_cls", fusion_floats.c.kind, fusion_floats.c.cls)
Index("ix_fusion_floats_unit", fusion_floats.c.unit, fusion_floats.c.cluster)
Index("ix_fusion_cluster_keys_unit", fusion_cluster_keys.c.unit, fusion_cluster_keys.c.rank)

Index("ix_figures_doc_seq", figures.c.document_id, figures.c.seq, unique=True)

DOCUMENT_TABLES = (mentions, figures, doc_events, doc_agreements, signatures)
CORPUS_TABLES = (entities, entity_keys, events, agreements, conflicts)
FUSION_TABLES = (fusion_blocks, fusion_clusters, fusion_cluster_keys, fusion_floats,
                 fusion_float_keys, fusion_records, fusion_spill)
STATE_TABLES = (key_stats, key_blocks, corpus_documents, figure_buckets, conflict_buckets,
                figure_cells, cell_stats, conflict_members, *FUSION_TABLES)
