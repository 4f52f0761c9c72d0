"""What a process pays before its first document: spawned workers import dossier.build."""

from __future__ import annotations

import subprocess
import sys


def test_importing_build_loads_neither_the_store_nor_the_duplicate_index() -> None:
    # a --workers process imports dossier.build for its pipeline; SQLAlchemy and datasketch
    # (which loads SciPy) belong to the parent that stores and links duplicates
    code = ("import sys, dossier.build; "
            "print(sorted(m for m in ('sqlalchemy', 'scipy', 'datasketch') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_building_the_pipeline_leaves_the_html_extractor_unloaded() -> None:
    # trafilatura is read only when an HTML page arrives; text corpora never load it
    code = ("import sys; from dossier.pipeline import build_pipeline; from dossier.model import "
            "Document; build_pipeline()(Document(id='1', source='s', raw='Talks in Oslo.')); "
            "print('trafilatura' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
