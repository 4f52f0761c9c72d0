"""The CLI end to end: bad input reported and skipped, the rest kept, re-runs change nothing."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app

ARTICLE = ("Il presidente russo Vladimir Putin ha incontrato a Mosca il presidente kazako "
           "Kassym-Jomart Tokayev. L'interscambio commerciale ha raggiunto 28 miliardi di "
           "dollari l'anno scorso, ha detto Putin.\n")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sub" / "latin1.html").write_bytes(
        ("<html><head><meta charset='iso-8859-1'><title>Visita</title></head><body><article>"
         "<p>O presidente do Cazaquistão recebeu o presidente da Rússia em Astana, onde os "
         "dois líderes discutiram a cooperação em energia e indústria.</p></article></body>"
         "</html>").encode("latin-1"))
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (folder / "broken.json").write_text('{"title": "x", "text": ', encoding="utf-8")
    (folder / "notext.json").write_text(json.dumps({"title": "only a title"}), encoding="utf-8")
    (folder / "broken.txt.gz").write_bytes(b"\x1f\x8b not really gzip")
    (folder / "records.jsonl.gz").write_bytes(gzip.compress(
        (json.dumps({"url": "https://example.org/a", "maintext": ARTICLE.replace("28", "29"),
                     "date_publish": "2025-11-12 10:00:00", "language": "it"}) + "\n")
        .encode("utf-8")))
    return folder


def test_cli_build_reports_bad_inputs_and_keeps_the_rest(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "kb.db")
    runner = CliRunner(env={"COLUMNS": "400"})
    first = runner.invoke(app, ["build", str(corpus), "--db", db])
    assert first.exit_code == 0, first.output
    assert "3 added, 0 unchanged, 5 failed" in first.output
    for name in ("empty.txt", "binary.txt", "broken.json", "notext.json", "broken.txt.gz"):
        assert name in first.output
    failures = runner.invoke(app, ["show", "failures", "--db", db])
    assert failures.output.count("\n") == 5
    second = runner.invoke(app, ["build", str(corpus), "--db", db])
    assert "0 added, 3 unchanged, 5 failed" in second.output
    strict = runner.invoke(app, ["build", str(corpus), "--db", db, "--strict"])
    assert strict.exit_code == 1


def test_cli_build_reads_latin1_and_record_dates(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "kb.db")
    runner = CliRunner(env={"COLUMNS": "400"})
    runner.invoke(app, ["build", str(corpus), "--db", db])
    docs = json.loads(runner.invoke(app, ["show", "documents", "--db", db, "--json"]).output)
    by_lang = {d["language"]: d for d in docs}
    assert set(by_lang) == {"it", "pt"}
    assert any(d["published"] == "2025-11-12" for d in docs)
    pt = runner.invoke(app, ["show", "doc", by_lang["pt"]["id"], "--db", db])
    assert "Cazaquistão" in pt.output and "Rússia" in pt.output


def test_cli_build_nothing_readable_exits_nonzero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    runner = CliRunner(env={"COLUMNS": "400"})
    result = runner.invoke(app, ["build", str(tmp_path / "empty.txt"),
                                 "--db", str(tmp_path / "kb.db")])
    assert result.exit_code == 1
    assert "empty" in result.output


def test_cli_export_without_store_says_what_to_do(tmp_path: Path) -> None:
    runner = CliRunner(env={"COLUMNS": "400"})
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "none.db"),
                                 "-o", str(tmp_path / "x.json")])
    assert result.exit_code == 2
    assert "build one first" in result.output
