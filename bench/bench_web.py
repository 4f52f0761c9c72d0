"""Benchmark the web app in-process: requests/s per endpoint on the seeds and a replicated corpus.

Usage: .venv/bin/python bench/bench_web.py [--copies 200]
Prints a table (documents, endpoint, requests/s, mean ms) and peak memory.
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dossier.build import build  # noqa: E402
from dossier.corpus import update_corpus  # noqa: E402
from dossier.store import Store  # noqa: E402
from dossier.web import create_app  # noqa: E402

warnings.simplefilter("ignore")
from fastapi.testclient import TestClient  # noqa: E402


def replicate(source: Store, target: Store, copies: int) -> None:
    """Write ``copies`` renamed copies of every document of ``source`` into ``target``."""
    docs = list(source.iter_documents())
    for n in range(copies):
        target.write_documents([dataclasses.replace(d, id=f"{n:04d}{d.id[4:]}",
                                                    source=f"{n}/{d.source}") for d in docs])
    update_corpus(target)


def measure(client: TestClient, path: str, repeat: int) -> tuple[float, float]:
    """Return (requests/s, mean ms) for ``path`` after one warm-up request."""
    assert client.get(path).status_code == 200, path
    started = time.perf_counter()
    for _ in range(repeat):
        client.get(path)
    elapsed = time.perf_counter() - started
    return repeat / elapsed, 1000 * elapsed / repeat


def run(store: Store, label: str, repeat: int) -> list[tuple[str, str, float, float]]:
    """Time the main endpoints over one store."""
    with TestClient(create_app(store)) as client:
        started = time.perf_counter()
        client.get("/api/stats")
        cold = time.perf_counter() - started
        doc = client.get("/api/documents", params={"limit": 1}).json()["items"][0]["id"]
        rows = [(label, "first request (snapshot + FTS build)", 1 / cold, 1000 * cold)]
        for path in ("/api/documents", "/api/figures?metric=trade_turnover",
                     f"/api/documents/{doc}", "/api/search?q=Tokayev", "/api/timeline",
                     "/", f"/doc/{doc}", "/figures", "/search?q=Tokayev"):
            rows.append((label, path, *measure(client, path, repeat)))
    return rows


def main() -> None:
    """Build the stores, time the endpoints and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-web-"))
    seeds = Store(str(tmp / "seeds.db"))
    build([ROOT / "examples" / "seeds"], seeds)
    big = Store(str(tmp / "big.db"))
    replicate(seeds, big, args.copies)
    rows = run(seeds, f"{seeds.count('documents')} docs", args.repeat)
    rows += run(big, f"{big.count('documents')} docs", max(3, args.repeat // 5))
    print("| corpus | endpoint | requests/s | mean ms |\n|---|---|---:|---:|")
    for label, path, rate, ms in rows:
        print(f"| {label} | `{path}` | {rate:,.1f} | {ms:,.1f} |")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory (ru_maxrss): {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
