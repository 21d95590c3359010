"""The command line: extract, ingest, export, stats, eval, quotes, query, sql, serve."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console

from eventwire.config import Config

app = typer.Typer(
    help="eventwire: raw news in, structured event data out (actors, CAMEO/PLOVER events, quotes, places).",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)

INPUT_FORMATS = ("text", "html", "jsonl", "warc", "rss")


@app.callback()
def _root() -> None:
    """eventwire: raw news in, structured event data out."""


def _config(date: str | None, patterns: list[Path] | None) -> Config:
    return Config(default_date=date, patterns=list(patterns or []))


@app.command()
def extract(
    path: str = typer.Argument(..., help="A file, a folder, or - for standard input."),
    input_format: str | None = typer.Option(None, "--input-format", "-f", help="text|html|jsonl|warc|rss"),
    date: str | None = typer.Option(
        None, "--date", help="Publication date YYYY-MM-DD when the page has none."
    ),
    patterns: list[Path] | None = typer.Option(None, "--patterns", help="Extra event-pattern YAML file(s)."),
    indent: int | None = typer.Option(None, "--indent", help="Pretty-print a single record."),
) -> None:
    """Print the JSON record(s) of PATH without a database (JSONL when there are many)."""
    from eventwire.pipeline import Failure, Pipeline
    from eventwire.sources import from_content

    if input_format and input_format not in INPUT_FORMATS:
        raise typer.BadParameter(f"--input-format must be one of {', '.join(INPUT_FORMATS)}")
    pipeline = Pipeline(_config(date, patterns)).prepare()
    if path == "-" and input_format not in ("jsonl", "warc", "rss"):
        raws = [from_content(sys.stdin.buffer.read(), input_format=input_format, published=date)]
    else:
        from eventwire.sources import read

        raws = read([path], input_format=input_format)
    failures = 0
    for item in pipeline.process_many(raws):
        if isinstance(item, Failure):
            failures += 1
            err.print(f"[red]error[/red] {item.origin or item.doc_id}: {item.stage}: {item.message}")
            continue
        sys.stdout.write(item.to_json(indent=indent) + "\n")
    if failures:
        raise typer.Exit(1)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
