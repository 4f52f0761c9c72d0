"""Commands that read the knowledge base: entities, conflicts, targets, series, timeline."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from dossier import query
from dossier.resolve.figures import format_value
from dossier.store import Store
from dossier.store.codec import to_data

DbOption = Annotated[str, typer.Option("--db", help="Database file or URL.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _dump(records: Any) -> None:
    print(json.dumps(to_data(records), ensure_ascii=False, indent=1))


def register(app: typer.Typer, show_app: typer.Typer, open_store: Callable[[str], Store],
             console: Console) -> None:
    """Add the read commands to ``app`` (and ``show entity`` to ``show_app``)."""

    @app.command("entities")
    def entities_cmd(
        db: DbOption = "dossier.db",
        type_: Annotated[str | None, typer.Option("--type", help="person, country, "
                                                  "organization, place, other")] = None,
        search: Annotated[str | None, typer.Option(help="Name or alias fragment.")] = None,
        as_json: JsonOption = False,
    ) -> None:
        """List canonical entities with their aliases across languages.

        Example: dossier entities --db kb.db --type person --search toka
        """
        found = query.entities(open_store(db), type=type_, search=search)
        if as_json:
            return _dump(found)
        table = Table("id", "name", "type", "docs", "aliases")
        for e in found:
            table.add_row(e.id, e.name, e.type, str(len(e.documents)), ", ".join(e.aliases))
        console.print(table)
        return None

    @show_app.command("entity")
    def show_entity(name: Annotated[str, typer.Argument(help="Name, alias or id.")],
                    db: DbOption = "dossier.db") -> None:
        """Show one entity: aliases, documents and every mention in context.

        Example: dossier show entity Tokayev --db kb.db
        """
        store = open_store(db)
        entity = query.find_entity(store, name)
        if entity is None:
            console.print(f"[red]no entity named {name!r}[/]")
            raise typer.Exit(1)
        console.print(f"[bold]{entity.name}[/] ({entity.type}, {entity.id})\naliases: "
                      f"{', '.join(entity.aliases)}", highlight=False)
        keys = set(entity.keys)
        for doc_id in entity.documents:
            doc = store.get_document(doc_id)
            if doc is None:
                continue
            console.print(f"\n[bold]{doc.id[:12]}[/] {doc.language} {doc.source}", highlight=False)
            for m in doc.mentions:
                if m.key in keys and m.start < 0:  # a byline author, not in the text
                    console.print(f"  (byline) {m.text}", highlight=False)
                elif m.key in keys:
                    left = doc.text[max(0, m.start - 50):m.start].replace("\n", " ")
                    right = doc.text[m.end:m.end + 50].replace("\n", " ")
                    console.print(f"  …{left}[reverse]{m.text}[/]{right}…", highlight=False)

    @app.command("conflicts")
    def conflicts_cmd(db: DbOption = "dossier.db", as_json: JsonOption = False) -> None:
        """List figures about the same thing whose sources disagree.

        Example: dossier conflicts --db kb.db
        """
        store = open_store(db)
        found = query.conflicts(store)
        if as_json:
            return _dump(found)
        names = query.names(store)
        table = Table("severity", "metric", "period", "subjects", "spread", "disagreement")
        for c in found:
            table.add_row(c.severity, c.metric or c.measure or "-", c.period or "-",
                          "–".join(names.get(s, s) for s in c.subjects),
                          f"{format_value(c.low, c.unit)} – {format_value(c.high, c.unit)}",
                          c.reason)
        console.print(table)
        return None

    @app.command("targets")
    def targets_cmd(db: DbOption = "dossier.db", as_json: JsonOption = False) -> None:
        """List targets with the latest actual before their deadline and the gap.

        Example: dossier targets --db kb.db
        """
        found = query.targets(open_store(db))
        if as_json:
            return _dump(found)
        for t in found:
            console.print(f"• {t.summary}", highlight=False)
        return None

    @app.command("series")
    def series_cmd(
        metric: Annotated[str, typer.Argument(help="Metric key, e.g. trade_turnover.")],
        db: DbOption = "dossier.db",
        subjects: Annotated[str | None, typer.Option(help="Comma-separated names, "
                                                     "e.g. Russia,Kazakhstan.")] = None,
        as_json: JsonOption = False,
    ) -> None:
        """Show a metric's values by period, with every source's value.

        Example: dossier series trade_turnover --subjects Russia,Kazakhstan --db kb.db
        """
        store = open_store(db)
        wanted = [s.strip() for s in subjects.split(",")] if subjects else None
        try:
            points = query.series(store, metric, wanted)
        except LookupError as exc:
            console.print(f"[red]{exc}[/]")
            raise typer.Exit(1) from exc
        if as_json:
            return _dump(points)
        names = query.names(store)
        table = Table("period", "subjects", "values", "sources", "conflict")
        for p in points:
            table.add_row(p.period or "(undated)", "–".join(names.get(s, s) for s in p.subjects),
                          " / ".join(format_value(v, p.unit) for v in p.values),
                          str(len(p.documents)), "yes" if p.conflicting else "")
        console.print(table)
        return None

    @app.command("timeline")
    def timeline_cmd(
        db: DbOption = "dossier.db",
        start: Annotated[str | None, typer.Option("--from", help="YYYY[-MM[-DD]]")] = None,
        end: Annotated[str | None, typer.Option("--to", help="YYYY[-MM[-DD]]")] = None,
        entity: Annotated[str | None, typer.Option(help="Only items involving it.")] = None,
        as_json: JsonOption = False,
    ) -> None:
        """List events and agreements in date order with their documents.

        Example: dossier timeline --from 2024 --entity Tokayev --db kb.db
        """
        store = open_store(db)
        try:
            items = query.timeline(store, start=start, end=end, entity=entity)
        except (LookupError, ValueError) as exc:
            console.print(f"[red]{exc}[/]")
            raise typer.Exit(1) from exc
        if as_json:
            return _dump(items)
        names = query.names(store)
        table = Table("date", "type", "status", "title", "who", "docs")
        for i in items:
            table.add_row(i.date or "?", i.type, i.status, i.title[:70],
                          ", ".join(names.get(x, x) for x in i.entities), str(len(i.documents)))
        console.print(table)
        return None
