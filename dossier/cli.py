"""Command line: thin commands over the Python API (dossier.build, dossier.export, Store)."""

from __future__ import annotations

import json
import tempfile
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from dossier import cli_query, cli_scale, cli_serve
from dossier.build import BuildReport, build
from dossier.export import WRITERS, export
from dossier.ingest.sources import SourceOptions
from dossier.store import Store

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="dossier: a cited, cross-checked knowledge base of bilateral relations.")
show_app = typer.Typer(no_args_is_help=True, help="Show what is in the store.")
app.add_typer(show_app, name="show")
console = Console()

DbOption = Annotated[str, typer.Option("--db", help="Database file or URL.")]


class _Rate(TextColumn):
    """Documents per second since the start."""

    def __init__(self) -> None:
        super().__init__("")

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:.1f} docs/s")


def run_build(sources: list[str], db: str, *, force: bool = False, workers: int = 1,
              options: SourceOptions | None = None) -> BuildReport:
    """Build with a progress bar on the console."""
    store = Store(db)
    try:
        with Progress(TextColumn("[bold]building"), BarColumn(), MofNCompleteColumn(),
                      _Rate(), TimeElapsedColumn(), console=console, transient=True) as bar:
            task = bar.add_task("build", total=None)
            report = build(sources, store, force=force, workers=workers, options=options,
                           on_document=lambda _src: bar.advance(task))
    finally:
        store.close()
    print_report(report)
    return report


def print_report(report: BuildReport) -> None:
    """Print the build summary with the reason for each failure."""
    console.print(f"[green]{len(report.added)} added[/], {len(report.unchanged)} unchanged, "
                  f"[red]{len(report.failed)} failed[/] in {report.seconds:.1f} s")
    if report.filtered:
        console.print(f"  {len(report.filtered)} left out by --lang/--since")
    for doc_id, earlier in report.duplicates.items():
        console.print(f"  {doc_id[:12]} is a near-duplicate of {earlier[:12]} (linked, not "
                      "counted twice)", highlight=False)
    for f in report.failed:
        console.print(f"  [red]failed[/] {f.source}: {f.reason}", highlight=False)


@app.command("build")
def build_cmd(
    sources: Annotated[list[str] | None, typer.Argument(
        help="Files, folders, WARC files, or article/feed/sitemap URLs.")] = None,
    db: DbOption = "dossier.db",
    urls: Annotated[Path | None, typer.Option(help="A file listing URLs, one per line.")] = None,
    force: Annotated[bool, typer.Option(help="Re-process documents already stored.")] = False,
    strict: Annotated[bool, typer.Option(help="Exit 1 if any input failed.")] = False,
    workers: Annotated[int, typer.Option(help="Processes for the per-document stages.")] = 1,
    lang: Annotated[str | None, typer.Option(help="Keep only this language (ISO 639-1).")]
    = None,
    since: Annotated[str | None, typer.Option(help="Keep only documents published on or "
                                              "after YYYY-MM-DD.")] = None,
    allow_private: Annotated[bool, typer.Option(help="Let the fetcher reach private and "
                                                "loopback addresses.")] = False,
    engine: cli_scale.EngineOption = "local",
    address: cli_scale.AddressOption = None,
) -> None:
    """Ingest files, folders, WARC archives or URLs (articles, feeds, sitemaps); run the pipeline.

    Example: dossier build examples/seeds --db kb.db --workers 2
    """
    given = list(sources or [])
    if urls is not None:
        from dossier.ingest.web import read_url_list

        given += read_url_list(urls)
    if not given:
        raise typer.BadParameter("name at least one source or --urls FILE")
    options = SourceOptions(allow_private=allow_private, lang=lang, since=since)
    if engine not in cli_scale.ENGINES:
        raise typer.BadParameter(f"choose one of {', '.join(cli_scale.ENGINES)}",
                                 param_hint="--engine")
    if engine == "ray":
        report = cli_scale.run_build_ray(given, db, address=address, workers=workers,
                                         force=force, options=options)
        print_report(report)
    else:
        report = run_build(given, db, force=force, workers=workers, options=options)
    if report.read == 0 or (strict and report.failed):
        raise typer.Exit(1)


@app.command("export")
def export_cmd(
    out: Annotated[Path, typer.Option("-o", "--output", help="Output file or folder.")],
    db: DbOption = "dossier.db",
    fmt: Annotated[str, typer.Option("--format", help="json, csv or parquet.")] = "json",
) -> None:
    """Export the knowledge base (dossier/1 JSON, CSV folder or .zip, Parquet folder).

    Example: dossier export --db kb.db --format json -o kb.json
    """
    if fmt not in WRITERS:
        raise typer.BadParameter(f"choose one of {', '.join(WRITERS)}", param_hint="--format")
    store = _open(db)
    path = export(store, fmt, out)
    console.print(f"wrote {path}")


@app.command("watch")
def watch_cmd(
    feeds: Annotated[list[str], typer.Argument(help="Feed, sitemap or article URLs.")],
    db: DbOption = "dossier.db",
    every: Annotated[str, typer.Option(help="Interval: 30s, 15m, 1h.")] = "15m",
    rounds: Annotated[int | None, typer.Option(help="Stop after N polls.")] = None,
    allow_private: Annotated[bool, typer.Option(help="Let the fetcher reach private and "
                                                "loopback addresses.")] = False,
) -> None:
    """Poll feeds continuously and add new articles as they appear.

    Example: dossier watch https://example.org/rss.xml --every 15m --db kb.db
    """
    from dossier.ingest.watch import parse_interval, watch

    options = SourceOptions(allow_private=allow_private)  # seen URLs carry across polls
    watch(feeds, parse_interval(every),
          lambda f: run_build(list(f), db, options=options), rounds=rounds,
          on_error=lambda exc: console.print(f"[red]poll failed:[/] {exc}"))


@app.command("report")
def report_cmd(
    out: Annotated[Path, typer.Option("-o", "--output", help="Output file.")],
    db: DbOption = "dossier.db",
    fmt: Annotated[str, typer.Option("--format", help="html or md.")] = "html",
    subjects: Annotated[str | None, typer.Option(help="Comma-separated names, "
                                                 "e.g. Russia,Kazakhstan.")] = None,
    start: Annotated[str | None, typer.Option("--from", help="YYYY[-MM[-DD]]")] = None,
    end: Annotated[str | None, typer.Option("--to", help="YYYY[-MM[-DD]]")] = None,
) -> None:
    """Write the briefing: one self-contained HTML file (charts inline) or Markdown.

    Example: dossier report --db kb.db --subjects Russia,Kazakhstan -o dossier.html
    """
    from dossier.report import write_report

    wanted = [s.strip() for s in subjects.split(",")] if subjects else None
    try:
        path = write_report(_open(db), out, fmt=fmt, subjects=wanted, start=start, end=end)
    except (LookupError, ValueError) as exc:
        console.print(f"[red]{exc}[/]")
        raise typer.Exit(1) from exc
    console.print(f"wrote {path}")


@app.command("demo")
def demo_cmd(
    db: Annotated[str | None, typer.Option("--db", help="Store to build (default: temp).")] = None,
) -> None:
    """Build the bundled sample corpus, export it and write its report.

    Example: dossier demo
    """
    from dossier.report import write_report

    sample = sample_corpus()
    workdir = Path(db).parent if db else Path(tempfile.mkdtemp(prefix="dossier-demo-"))
    db_path = db or str(workdir / "dossier.db")
    run_build([str(sample)], db_path)
    store = Store(db_path)
    out = export(store, "json", workdir / "dossier.json")
    report = write_report(store, workdir / "dossier.html")
    console.print(f"store:  {db_path}\nexport: {out}\nreport: {report}")


def sample_corpus() -> Path:
    """Return the folder of the bundled sample articles (shipped inside the package)."""
    return Path(str(resources.files("dossier").joinpath("data", "sample")))


def _open(db: str) -> Store:
    if "://" not in db and not Path(db).exists():
        console.print(f"[red]no store at {db}[/]: build one first with `dossier build SOURCE "
                      f"--db {db}`")
        raise typer.Exit(2)
    return Store(db)


@show_app.command("documents")
def show_documents(db: DbOption = "dossier.db",
                   as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List the documents read: id, language, date, title, source.

    Example: dossier show documents --db kb.db
    """
    docs = list(_open(db).iter_documents(facts=False, text=False))
    if as_json:
        print(json.dumps([{"id": d.id, "language": d.language, "published": d.published,
                           "title": d.title, "source": d.source} for d in docs],
                         ensure_ascii=False, indent=1))
        return
    table = Table("id", "lang", "published", "title", "source")
    for d in docs:
        table.add_row(d.id[:12], d.language or "-", d.published or "-",
                      (d.title or "")[:60], d.source)
    console.print(table)


@show_app.command("doc")
def show_doc(
    doc_id: Annotated[str, typer.Argument(help="Document id (or a unique prefix).")],
    db: DbOption = "dossier.db",
    boilerplate: Annotated[bool, typer.Option(help="Also show the removed lines.")] = False,
) -> None:
    """Show one document: metadata, cleaned text, and optionally the removed boilerplate.

    Example: dossier show doc 3f2a9c --boilerplate
    """
    doc = _open(db).get_document(doc_id)
    if doc is None:
        console.print(f"[red]no single document with id {doc_id!r}[/]")
        raise typer.Exit(1)
    console.print(f"[bold]{doc.title or '(no title)'}[/]\nid {doc.id}  source {doc.source}\n"
                  f"language {doc.language}  published {doc.published}  outlet {doc.outlet}  "
                  f"author {doc.author}\n{len(doc.sentences)} sentences, {len(doc.mentions)} "
                  f"mentions, {len(doc.figures)} figures, {len(doc.events)} events, "
                  f"{len(doc.agreements)} agreements\n", highlight=False)
    console.print(doc.text, markup=False, highlight=False)
    if boilerplate:
        console.print("\n[bold]removed as boilerplate:[/]")
        for line in doc.boilerplate:
            console.print(f"  - {line}", markup=False, highlight=False)
        if doc.references:
            console.print("[bold]references (kept apart):[/]")
            for line in doc.references:
                console.print(f"  - {line}", markup=False, highlight=False)


@show_app.command("failures")
def show_failures(db: DbOption = "dossier.db") -> None:
    """List inputs that could not be read, with the reason.

    Example: dossier show failures --db kb.db
    """
    failures = _open(db).failures()
    if not failures:
        console.print("no failures")
    for f in failures:
        console.print(f"{f.source}: {f.reason}", markup=False, highlight=False)


cli_query.register(app, show_app, _open, console)
cli_serve.register(app, _open, console)

if __name__ == "__main__":
    app()
