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


def _config(
    date: str | None,
    patterns: list[Path] | None,
    actors: list[Path] | None = None,
    config_file: Path | None = None,
) -> Config:
    """Defaults, then the TOML file's [eventwire] table, then the flags given."""
    flags = {"default_date": date, "patterns": patterns or None, "actor_lexicon": actors or None}
    try:
        if config_file is not None:
            return Config.from_toml(config_file, **flags)
        return Config.make(**{k: v for k, v in flags.items() if v is not None})
    except (OSError, ValueError) as exc:  # tomllib.TOMLDecodeError is a ValueError
        err.print(f"[red]error[/red]: {config_file}: {exc}")
        raise typer.Exit(2) from None


CONFIG_HELP = "A TOML file with an [eventwire] table of settings (see eventwire.config.Config); flags win."


ACTORS_HELP = (
    "Extra actor lexicon YAML file(s): countries, titles, groups, organizations, armed_groups, people."
)


@app.command()
def extract(
    path: str = typer.Argument(..., help="A file, a folder, or - for standard input."),
    input_format: str | None = typer.Option(None, "--input-format", "-f", help="text|html|jsonl|warc|rss"),
    date: str | None = typer.Option(
        None, "--date", help="Publication date YYYY-MM-DD when the page has none."
    ),
    patterns: list[Path] | None = typer.Option(None, "--patterns", help="Extra event-pattern YAML file(s)."),
    actors: list[Path] | None = typer.Option(None, "--actors", help=ACTORS_HELP),
    config_file: Path | None = typer.Option(None, "--config", help=CONFIG_HELP),
    indent: int | None = typer.Option(None, "--indent", help="Pretty-print a single record."),
) -> None:
    """Print the JSON record(s) of PATH without a database (JSONL when there are many)."""
    from eventwire.pipeline import Failure
    from eventwire.sources import from_content

    if input_format and input_format not in INPUT_FORMATS:
        raise typer.BadParameter(f"--input-format must be one of {', '.join(INPUT_FORMATS)}")
    pipeline = _prepared(_config(date, patterns, actors, config_file))
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


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files or folders to ingest (- for standard input)."),
    db: Path = typer.Option(Path("eventwire.duckdb"), "--db", help="The DuckDB store to write."),
    input_format: str | None = typer.Option(None, "--input-format", "-f", help="text|html|jsonl|warc|rss"),
    date: str | None = typer.Option(None, "--date", help="Publication date for pages that have none."),
    patterns: list[Path] | None = typer.Option(None, "--patterns", help="Extra event-pattern YAML file(s)."),
    actors: list[Path] | None = typer.Option(None, "--actors", help=ACTORS_HELP),
    config_file: Path | None = typer.Option(None, "--config", help=CONFIG_HELP),
    batch_size: int = typer.Option(32, "--batch-size", min=1, max=4096, help="Documents per NLP batch."),
    n_process: int = typer.Option(1, "--n-process", min=1, max=64, help="spaCy worker processes."),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero when any document failed."),
    stories: bool = typer.Option(True, "--stories/--no-stories", help="Regroup near-duplicates and stories."),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="Run on Dask: a scheduler address (tcp://host:8786) or 'processes'."
    ),
    parquet_dir: Path | None = typer.Option(
        None, "--parquet-dir", help="With --scheduler: also write Parquet parts."
    ),
) -> None:
    """Process PATHS into the store; already stored articles are skipped, so a rerun resumes."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from eventwire.runners.local import ingest as run_ingest
    from eventwire.sources import read
    from eventwire.store import Store

    if input_format and input_format not in INPUT_FORMATS:
        raise typer.BadParameter(f"--input-format must be one of {', '.join(INPUT_FORMATS)}")
    config = _config(date, patterns, actors, config_file)
    config.batch_size, config.n_process = batch_size, n_process
    pipeline = _prepared(config)  # fails early on a bad pattern file, on Dask too
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest[/bold]"),
        BarColumn(bar_width=None),
        TextColumn(
            "{task.fields[stored]} stored, {task.fields[skipped]} skipped, [red]{task.fields[failed]} failed"
        ),
        TextColumn("{task.fields[rate]:.1f} docs/s"),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    )
    with Store(db) as store, progress:
        task = progress.add_task("ingest", total=None, stored=0, skipped=0, failed=0, rate=0.0)

        def show(report) -> None:
            progress.update(
                task,
                stored=report.stored,
                skipped=report.skipped,
                failed=report.failed,
                rate=report.docs_per_second,
                completed=report.seen,
            )

        try:
            report = run_ingest(
                store, read(paths, input_format=input_format), pipeline, paths, on_progress=show
            )
        except KeyboardInterrupt:
            err.print("[yellow]interrupted[/yellow]: rerun the same command to resume")
            raise typer.Exit(130) from None
        show(report)
        counts = store.counts()
    for f in report.failures[:20]:
        err.print(f"[red]failed[/red] {f.origin or f.doc_id}: {f.stage}: {f.message}")
    if len(report.failures) > 20:
        err.print(f"... and {len(report.failures) - 20} more (see the errors table)")
    _print_summary(report, pipeline, counts, db)
    if strict and report.failed:
        raise typer.Exit(1)


def _print_summary(report, pipeline, counts: dict[str, int], db: Path) -> None:
    from rich.table import Table

    table = Table(title=f"ingest into {db}", show_header=True)
    table.add_column("stage")
    table.add_column("docs", justify="right")
    table.add_column("errors", justify="right")
    table.add_column("seconds", justify="right")
    for name, st in pipeline.stats.items():
        table.add_row(name, str(st.docs), str(st.errors), f"{st.seconds:.2f}")
    err.print(table)
    err.print(
        f"{report.seen} documents read: {report.stored} stored, {report.skipped} already stored, "
        f"{report.failed} failed, in {report.seconds:.1f}s ({report.docs_per_second:.1f} docs/s). "
        f"Store now holds {counts['articles']} articles, {counts['events']} events, {counts['quotes']} quotes, "
        f"{counts['actors']} actors, {counts['places']} places, {counts['errors']} error rows."
    )
    if report.stories:
        st = report.stories
        err.print(
            f"stories: {st['duplicates']} near-duplicate articles, {st['multi_article_stories']} stories told by "
            "more than one article"
        )


@app.command()
def export(
    db: Path = typer.Option(..., "--db", help="The DuckDB store to read."),
    fmt: str = typer.Option(
        "jsonl", "--format", help="jsonl (records) | csv | parquet (tables) | gdelt (TSV)"
    ),
    out: Path = typer.Option(..., "--out", help="A file for jsonl/gdelt, a folder for csv/parquet."),
) -> None:
    """Export the store: records as JSONL, tables as CSV or Parquet, or a GDELT 2.0 event table."""
    from eventwire.store.export import export as run_export

    if fmt not in ("jsonl", "csv", "parquet", "gdelt"):
        raise typer.BadParameter("--format must be jsonl, csv, parquet or gdelt")
    with _open_store(db) as store:
        counts = run_export(store, fmt, out)
    err.print(f"exported to {out}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))


@app.command()
def stats(db: Path = typer.Option(..., "--db", help="The DuckDB store to read.")) -> None:
    """What the store holds: counts, events by root code and QuadClass, top actors, errors, runs."""
    with _open_store(db) as store:
        counts = store.counts()
        _show([{"table": k, "rows": v} for k, v in counts.items()], "table", str(db), ("table", "rows"))
        for title, sql in (
            ("events by QuadClass", "SELECT quad_class, count(*) AS n FROM events GROUP BY 1 ORDER BY 1"),
            (
                "top event roots",
                "SELECT root, count(*) AS n FROM events GROUP BY 1 ORDER BY n DESC, 1 LIMIT 10",
            ),
            (
                "top actors",
                "SELECT name, code, count(*) AS n FROM actors GROUP BY 1, 2 ORDER BY n DESC, 1 LIMIT 10",
            ),
            (
                "errors by stage",
                "SELECT stage, error_type, count(*) AS n FROM errors GROUP BY 1, 2 ORDER BY n DESC",
            ),
            (
                "last runs",
                "SELECT id, status, docs_seen, docs_stored, docs_skipped, errors FROM runs "
                "ORDER BY started_at DESC LIMIT 5",
            ),
        ):
            cur = store.con.execute(sql)
            cols = [c[0] for c in cur.description]
            rows = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
            if rows:
                _show(rows, "table", title, tuple(cols))


@app.command("eval")
def evaluate(
    gold: Path = typer.Argument(
        ..., help="A gold JSONL file (events, quotes, places or extraction; FORMAT.md)."
    ),
    pred: Path | None = typer.Option(
        None, "--pred", help="Records to score; default: run the pipeline on the gold."
    ),
    kind: str | None = typer.Option(
        None, "--kind", help="events|quotes|places|extraction (default: detected)."
    ),
    out: Path | None = typer.Option(None, "--out", help="Also save the records produced for scoring."),
    patterns: list[Path] | None = typer.Option(None, "--patterns", help="Extra event-pattern YAML file(s)."),
) -> None:
    """Score eventwire against a gold file and print precision, recall and F1 (last line: the headline)."""
    import json

    from eventwire import evaluate as ev

    gold_rows = ev.load_jsonl(gold)
    kind = kind or ev.detect_kind(gold_rows)
    if kind not in ev.SCORERS:
        raise typer.BadParameter(f"--kind must be one of {', '.join(ev.KINDS)}")
    if pred is not None:
        predicted = {r["id"]: r for r in ev.load_jsonl(pred)}
    else:
        from eventwire.pipeline import Failure
        from eventwire.sources import read

        pipeline = _prepared(_config(None, patterns))
        predicted, failed = {}, 0
        sink = open(out, "w", encoding="utf-8") if out else None
        try:
            raws = read([str(gold)], input_format="jsonl")  # gold lines are pipeline input (FORMAT.md)
            for item in pipeline.process_many(raws):
                if isinstance(item, Failure):
                    failed += 1
                    if failed <= 10:
                        err.print(f"[red]failed[/red] {item.doc_id}: {item.message}")
                    continue
                predicted[item.id] = json.loads(item.to_json())
                if sink:
                    sink.write(item.to_json() + "\n")
        finally:
            if sink:
                sink.close()
        if failed:
            err.print(f"[red]{failed} document(s) failed[/red]; they count as empty output")
    for line in ev.SCORERS[kind](gold_rows, predicted):
        typer.echo(line)


@app.command()
def quotes(
    db: Path = typer.Option(..., "--db", help="The DuckDB store to read."),
    speaker: str | None = typer.Option(
        None, "--speaker", help="Part of the speaker's name, or a code prefix."
    ),
    text: str | None = typer.Option(None, "--text", help="Words the quote contains."),
    kind: str | None = typer.Option(None, "--kind", help="direct | partial | indirect"),
    limit: int = typer.Option(50, "--limit", min=1, max=1000),
    fmt: str = typer.Option("table", "--format", help="table | csv | json"),
) -> None:
    """List stored quotations, newest first: who said what, in which article."""
    from eventwire.store import queries

    con = _read(db)
    try:
        page = queries.quotes(con.cursor(), speaker=speaker, q=text, kind=kind, limit=limit)
    finally:
        con.close()
    cols = ("published", "speaker_name", "kind", "cue", "text", "title")
    _show(page.rows, fmt, f"quotes ({page.total} match)", cols)


def _print_rows(columns: list[str], rows: list[tuple], fmt: str, title: str = "") -> None:
    """Rows as a Rich table, CSV or JSON (one object per row)."""
    import csv
    import json

    if fmt == "json":
        typer.echo(
            json.dumps([dict(zip(columns, r, strict=True)) for r in rows], default=str, ensure_ascii=False)
        )
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(columns)
        w.writerows(rows)
    else:
        from rich.table import Table

        t = Table(title=title)
        for c in columns:
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(*["" if v is None else str(v) for v in r])
        Console().print(t)


@app.command("stories")
def stories_cmd(
    db: Path = typer.Option(..., "--db", help="The DuckDB store to read."),
    limit: int = typer.Option(20, "--limit", min=1, max=10000),
    fmt: str = typer.Option("table", "--format", help="table | csv | json"),
) -> None:
    """Stories told by more than one article, largest first, with their near-duplicates."""
    sql = (
        "SELECT s.story_id, any_value(s.story_size) AS articles, count(s.duplicate_of) AS duplicates, "
        "min(a.published) AS first, max(a.published) AS last, "
        "arg_min(a.title, a.id) AS title FROM stories s JOIN articles a ON a.id = s.article_id "
        "WHERE s.story_size > 1 GROUP BY s.story_id ORDER BY articles DESC, first, s.story_id LIMIT ?"
    )
    con = _read(db)
    try:
        cur = con.execute(sql, [limit])
        cols = [c[0] for c in cur.description]
        rows = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
    finally:
        con.close()
    _show(rows, fmt, "stories", tuple(cols))


@app.command()
def patterns(
    files: list[Path] | None = typer.Argument(
        None, help="Your own pattern YAML files to check and count in."
    ),
) -> None:
    """Check pattern files and report the lexicon: entries, trigger patterns, CAMEO codes covered."""
    from eventwire.errors import PatternError
    from eventwire.events import coverage

    try:
        cov = coverage(list(files or []))
    except PatternError as exc:
        err.print(f"[red]error[/red]: {exc}")
        raise typer.Exit(2) from None
    typer.echo(
        f"{cov['entries']} entries, {cov['patterns']} trigger patterns ({cov['shapes']} shapes); "
        f"CAMEO codes with a pattern of their own: {cov['codes_covered']}/{cov['codes_total']}, "
        f"reachable through composed frames: {cov['codes_reachable']}/{cov['codes_total']}; "
        f"roots covered: {cov['roots_covered']}/20"
    )


def _prepared(config: Config):
    """A ready pipeline; a bad pattern or lexicon file stops here, before any work, with a clear message."""
    from eventwire.errors import PatternError
    from eventwire.pipeline import Pipeline

    try:
        return Pipeline(config).prepare()
    except PatternError as exc:
        err.print(f"[red]error[/red]: {exc}")
        raise typer.Exit(2) from None


def _open_store(db: Path):
    from eventwire.store import Store

    if not db.exists():
        err.print(f"[red]error[/red]: no store at {db}")
        raise typer.Exit(2)
    return Store(db, read_only=True)


# -- query, sql, serve (read side; the queries live in store/queries.py) ------------------------
query_app = typer.Typer(help="Common questions over a store, as tables, CSV or JSON.", no_args_is_help=True)
app.add_typer(query_app, name="query")
_DB = typer.Option(..., "--db", help="The DuckDB store to read.")
_FMT = typer.Option("table", "--format", help="table | csv | json")
_EVENT_TABLE = ("date", "source", "code", "target", "q", "modality", "trigger", "uid")


def _read(db: Path):
    from eventwire.store.queries import connect

    if not db.exists():
        err.print(f"[red]error[/red]: no store at {db}")
        raise typer.Exit(2)
    return connect(db)


def _show(rows: list[dict], fmt: str, title: str, table_cols: tuple[str, ...] | None = None) -> None:
    if fmt not in ("table", "csv", "json"):
        raise typer.BadParameter("--format must be table, csv or json")
    cols = list(table_cols) if (fmt == "table" and table_cols) else (list(rows[0]) if rows else [])
    if fmt == "table" and table_cols == _EVENT_TABLE:  # narrow enough for a terminal
        rows = [
            {**r, "source": r["source_code"] or r["source_name"], "target": r["target_code"] or r["target_name"],
             "q": r["quad_class"]}
            for r in rows
        ]  # fmt: skip
    if fmt == "table":
        from rich.table import Table
        from rich.text import Text

        table = Table(title=title)
        short = ("date", "code", "q", "modality", "n", "root", "uid")
        if "uid" in cols and Console().width < 110:  # too narrow: ids are in --format csv|json
            cols.remove("uid")
        for c in cols:  # short codes stay on one line; free text folds
            table.add_column(c, no_wrap=c in short, overflow="fold")
        for r in rows:  # Text(): scraped text is shown as is, never read as Rich markup
            table.add_row(*[Text("" if r.get(c) is None else str(r.get(c))) for c in cols])
        Console().print(table)
        return
    _print_rows(cols, [tuple(r.get(c) for c in cols) for r in rows], fmt, title=title)


@query_app.command("events")
def query_events(
    db: Path = _DB,
    actor: str | None = typer.Option(None, "--actor", help="Either side: code prefix (RUS) or name."),
    source: str | None = typer.Option(None, "--source", help="Source actor: code prefix or name."),
    target: str | None = typer.Option(None, "--target", help="Target actor: code prefix or name."),
    root: str | None = typer.Option(None, "--root", help="CAMEO root code, e.g. 19."),
    code: str | None = typer.Option(None, "--code", help="CAMEO code prefix, e.g. 195."),
    quad_class: int | None = typer.Option(None, "--quad-class", min=1, max=4),
    text: str | None = typer.Option(None, "--text", help="Words in the sentence."),
    limit: int = typer.Option(50, "--limit", min=1, max=1000),
    fmt: str = _FMT,
) -> None:
    """Events, newest first, with the trigger words that produced them."""
    from eventwire.store import queries

    f = queries.EventFilter(
        actor=actor, source=source, target=target, root=root, code=code, quad_class=quad_class, q=text
    )
    with _read(db) as con:
        page = queries.events(con, f, limit=limit)
    _show(page.rows, fmt, f"events ({page.total} match)", _EVENT_TABLE)


@query_app.command("dyads")
def query_dyads(
    db: Path = _DB,
    by: str = typer.Option("code", "--by", help="code | country | name"),
    actor: str | None = typer.Option(None, "--actor", help="Only dyads with this actor on either side."),
    limit: int = typer.Option(20, "--limit", min=1, max=1000),
    fmt: str = _FMT,
) -> None:
    """Who acts on whom: (source, target) pairs by number of events, with mean Goldstein."""
    from eventwire.store import queries

    with _read(db) as con:
        rows = queries.dyads(con, queries.EventFilter(actor=actor), limit=limit, by=by)
    _show(rows, fmt, "dyads")


@query_app.command("timeline")
def query_timeline(
    db: Path = _DB,
    actor: str | None = typer.Option(None, "--actor", help="Code prefix or name."),
    root: str | None = typer.Option(None, "--root"),
    fmt: str = _FMT,
) -> None:
    """Events per day, one column per QuadClass (q1 verbal coop .. q4 material conflict)."""
    from eventwire.store import queries

    with _read(db) as con:
        rows = queries.timeline(con, queries.EventFilter(actor=actor, root=root))
    _show(rows, fmt, "events per day")


@query_app.command("between")
def query_between(
    a: str = typer.Argument(..., help="First actor: code prefix or name."),
    b: str = typer.Argument(..., help="Second actor: code prefix or name."),
    db: Path = _DB,
    limit: int = typer.Option(50, "--limit", min=1, max=1000),
    fmt: str = _FMT,
) -> None:
    """Events between two actors, in either direction."""
    from eventwire.store import queries

    with _read(db) as con:
        page = queries.between(con, a, b, limit=limit)
    _show(page.rows, fmt, f"{a} <-> {b} ({page.total} events)", _EVENT_TABLE)


@app.command("sql")
def sql_cmd(
    statement: str = typer.Argument(..., help="One SQL statement, run read-only."),
    db: Path = _DB,
    fmt: str = _FMT,
) -> None:
    """Run a read-only SQL statement on the store (writes and file access are refused)."""
    import duckdb

    with _read(db) as con:
        try:
            cur = con.execute(statement)
            rows = cur.fetchall() if cur.description else []
        except duckdb.InvalidInputException as e:
            if "read-only" in str(e) or "read only" in str(e):
                err.print(f"[red]error[/red]: the store is read-only; this statement would write.\n{e}")
                raise typer.Exit(2) from None
            err.print(f"[red]error[/red]: {e}")
            raise typer.Exit(2) from None
        except duckdb.PermissionException as e:
            err.print(f"[red]error[/red]: file access is disabled in eventwire sql.\n{e}")
            raise typer.Exit(2) from None
        except duckdb.Error as e:
            err.print(f"[red]error[/red]: {e}")
            raise typer.Exit(2) from None
        cols = [c[0] for c in cur.description] if cur.description else []
    _print_rows(cols, rows, fmt, title="")


@app.command()
def serve(
    db: Path = _DB,
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
) -> None:
    """Serve the web UI and the REST API (docs at /docs) over a read-only store."""
    import uvicorn

    from eventwire.web.app import create_app

    if not db.exists():
        err.print(f"[red]error[/red]: no store at {db}")
        raise typer.Exit(2)
    err.print(f"eventwire: serving {db} read-only at http://{host}:{port}/ (API docs at /docs)")
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
