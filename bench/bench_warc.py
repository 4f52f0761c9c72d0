"""Benchmark WARC ingestion, wall detection and near-duplicate detection on real pages.

Builds a WARC (gzip records, as Common Crawl) from the 181 scrapinghub article pages in
../shared/data/extraction/scrapinghub/, then measures:
- WARC ingestion pages/s (iter_warc, with and without wall detection) and peak RSS;
- agreement of WARC document ids with local-file ingestion of the same pages;
- wall false positives: real articles flagged as consent wall or paywall stub;
- near-duplicates on the gold article bodies: recall on syndicated copies (dateline and
  credit added; also with the last paragraph dropped), false pairs among the 181 articles.

Usage: .venv/bin/python bench/bench_warc.py [--repeat N]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# The repository first on the path: the venv's editable install exposes dossier as a namespace
# package (without __init__), which breaks ``from dossier import __version__``.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dossier.ingest.dedup import NearDuplicates
from dossier.ingest.files import iter_inputs
from dossier.ingest.walls import detect_wall
from dossier.ingest.warc import WarcStats, iter_warc
from dossier.model import Document

DATA = Path(__file__).resolve().parent.parent.parent / "shared/data/extraction/scrapinghub"


def build_warc(pages: list[Path], gold: dict[str, dict[str, str]], out: Path) -> int:
    """Write every page as a gzip WARC response record; return the file size in bytes."""
    with open(out, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for page in pages:
            body = gzip.decompress(page.read_bytes())
            key = page.name.split(".")[0]
            url = gold.get(key, {}).get("url") or f"https://example.org/{key}"
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"),
                                               ("Content-Length", str(len(body)))],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http))
    return out.stat().st_size


def time_warc(warc: Path, *, walls: bool, repeat: int) -> tuple[float, list[Document], WarcStats]:
    """Return (best seconds over ``repeat`` runs, documents, stats) of one full ingestion."""
    best = float("inf")
    docs: list[Document] = []
    stats = WarcStats()
    for _ in range(repeat):
        stats = WarcStats()
        started = time.perf_counter()
        items = list(iter_warc([warc], detect_walls=walls, stats=stats))
        best = min(best, time.perf_counter() - started)
        docs = [d for d in items if isinstance(d, Document)]
    return best, docs, stats


def dedup_scores(bodies: list[str]) -> tuple[float, float, int, float]:
    """Return (recall on wire copies, recall on trimmed copies, false pairs, adds per second).

    A wire copy is the body with an outlet's dateline and credit; a trimmed copy also drops the
    last paragraph (harder: the shorter the article, the lower its Jaccard similarity).
    """
    index = NearDuplicates()
    started = time.perf_counter()
    false_pairs = sum(len(index.add(f"o{i}", b)) for i, b in enumerate(bodies))
    wire = trimmed = 0
    for i, body in enumerate(bodies):
        wire += f"o{i}" in index.add(f"w{i}", f"NEW YORK (AP) — {body}\nEditing by Jane Roe")
        paragraphs = body.split("\n")
        cut = "\n".join(paragraphs[:-1]) if len(paragraphs) > 4 else body
        trimmed += f"o{i}" in index.add(f"t{i}", f"LONDON (Reuters) — {cut}")
    rate = 3 * len(bodies) / (time.perf_counter() - started)
    return wire / len(bodies), trimmed / len(bodies), false_pairs, rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"no benchmark data at {DATA}", file=sys.stderr)
        return 1
    pages = sorted((DATA / "html").glob("*.html.gz"))
    gold = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "scrapinghub.warc.gz"
        size = build_warc(pages, gold, warc)
        with_walls, docs, stats = time_warc(warc, walls=True, repeat=args.repeat)
        without, plain, _ = time_warc(warc, walls=False, repeat=args.repeat)
    file_ids = {d.id for d in iter_inputs([DATA / "html"]) if isinstance(d, Document)}
    same = sum(d.id in file_ids for d in plain)
    flagged = [d.url for d in plain if detect_wall(d.raw)]
    wire, trimmed, false_pairs, rate = dedup_scores([g["articleBody"] for g in gold.values()])
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [
        ("pages in WARC", f"{len(pages)} ({size / 1e6:.1f} MB gzip)"),
        ("records kept (walls on)", f"{stats.kept}/{stats.records}, walls {stats.failed}"),
        ("WARC ingest, walls on", f"{len(docs) / with_walls:,.0f} pages/s"),
        ("WARC ingest, walls off", f"{len(plain) / without:,.0f} pages/s"),
        ("ids equal to file ingestion", f"{same}/{len(plain)}"),
        ("wall false positives", f"{len(flagged)}/{len(plain)}"),
        ("near-dup recall, wire copies", f"{wire:.3f}"),
        ("near-dup recall, copies minus last paragraph", f"{trimmed:.3f}"),
        ("near-dup false pairs among originals", f"{false_pairs}"),
        ("near-dup add rate", f"{rate:,.0f} docs/s"),
        ("peak RSS", f"{peak_mb:,.0f} MB"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"| {'measure':<{width}} | value |\n|{'-' * (width + 2)}|-------|")
    for key, value in rows:
        print(f"| {key:<{width}} | {value} |")
    for url in flagged:
        print(f"flagged as wall: {url}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
