"""``newswire``: one entry point for the services, the supervisor, the demo and the tooling.

Settings come from the environment (``NEWSWIRE_*``) and are overridden by flags;
they are built here once and passed down.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from rich.console import Console

SERVICE_NAMES = ("fetcher", "extractor", "linker", "sink")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bootstrap", help="Kafka bootstrap HOST:PORT (env NEWSWIRE_KAFKA__BOOTSTRAP)")
    parser.add_argument("--topic-prefix", help="topic name prefix (env NEWSWIRE_KAFKA__TOPIC_PREFIX)")
    parser.add_argument(
        "--log-level", choices=["debug", "info", "warning", "error"], help="env NEWSWIRE_LOG_LEVEL"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newswire", description="Streaming news ingestion into Kafka and Parquet."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    broker = sub.add_parser("broker", help="run the embedded Kafka-compatible broker (Tansu) on 127.0.0.1")
    broker.add_argument("--port", type=int, default=9092)

    run = sub.add_parser("run", help="run fetcher, extractor, linker and sink as supervised processes")
    _common(run)
    run.add_argument("--feed", action="append", default=[], help="feed URL to poll (repeatable)")
    run.add_argument("--out", type=Path, help="Parquet output directory (env NEWSWIRE_SINK__OUT_DIR)")

    for name in SERVICE_NAMES:
        service = sub.add_parser(name, help=f"run the {name} alone (for deployment)")
        _common(service)
        if name == "fetcher":
            service.add_argument("--feed", action="append", default=[], help="feed URL to poll (repeatable)")
        if name == "sink":
            service.add_argument("--out", type=Path, help="Parquet output directory")

    demo = sub.add_parser("demo", help="run the pipeline against the bundled sample site and show the result")
    demo.add_argument("--out", type=Path, default=Path("demo-output"), help="directory for the demo's runs")
    demo.add_argument("--timeout", type=float, default=240.0, help="give up after this many seconds")

    feeds = sub.add_parser("feeds", help="feed tools")
    feeds_sub = feeds.add_subparsers(dest="feeds_command", required=True)
    discover = feeds_sub.add_parser("discover", help="find and check a site's feeds and sitemaps")
    discover.add_argument("url", help="the site's home page (or any page of it)")
    discover.add_argument("--toml", action="store_true", help="print working ones as feeds.toml entries")

    extract = sub.add_parser("extract", help="extract saved HTML files; one JSON line per file")
    extract.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    extract.add_argument("--url", help="the pages' URL (default: their canonical link or og:url)")
    extract.add_argument(
        "--published-at",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="date to use when a page declares none (default: the file's mtime)",
    )

    query = sub.add_parser("query", help="run SQL (DuckDB) over the Parquet tables")
    query.add_argument("sql", help="e.g. 'SELECT subtype, count(*) FROM events GROUP BY 1'")
    query.add_argument("--out", type=Path, help="the sink's output root (env NEWSWIRE_SINK__OUT_DIR)")
    target = query.add_mutually_exclusive_group()
    target.add_argument("--csv", type=Path, help="write the result to this CSV file")
    target.add_argument("--parquet", type=Path, help="write the result to this Parquet file")

    compact = sub.add_parser("compact", help="merge the small Parquet files of closed date partitions")
    compact.add_argument("table", choices=["articles", "events", "event_clusters", "deadletter"])
    compact.add_argument(
        "--before",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="compact partitions dated before this day (default: today, UTC)",
    )
    compact.add_argument("--include-unknown", action="store_true", help="also compact date=unknown")
    compact.add_argument("--target-mb", type=int, default=256, help="largest merged file, in MiB")
    compact.add_argument("--dry-run", action="store_true", help="print what would be merged")
    compact.add_argument("--out", type=Path, help="the sink's output root (env NEWSWIRE_SINK__OUT_DIR)")

    offsets_parser = sub.add_parser("offsets", help="consumer-group offsets: show, reset")
    offsets_sub = offsets_parser.add_subparsers(dest="offsets_command", required=True)
    show = offsets_sub.add_parser("show", help="committed offset, end and lag per partition")
    _common(show)
    show.add_argument("--group", help="one group (default: newswire's groups and every listed group)")
    show.add_argument("--topic", action="append", default=[], help="full topic name (repeatable)")
    reset = offsets_sub.add_parser("reset", help="move a group's offsets (the group must be stopped)")
    _common(reset)
    reset.add_argument("--group", required=True)
    reset.add_argument(
        "--to", required=True, help="earliest | latest | ISO datetime with offset | PARTITION=OFFSET,..."
    )
    reset.add_argument("--topic", action="append", default=[], help="default: the topics it has offsets for")
    reset.add_argument("--dry-run", action="store_true", help="print the plan, change nothing")

    ingest = sub.add_parser("ingest", help="push saved pages (WARC files, HTML files) into the pages topic")
    ingest_sub = ingest.add_subparsers(dest="ingest_command", required=True)
    warc = ingest_sub.add_parser("warc", help="the HTML responses of WARC files, with their fetch times")
    _common(warc)
    warc.add_argument("files", nargs="+", type=Path, metavar="FILE")
    html = ingest_sub.add_parser("html", help="a directory of saved pages")
    _common(html)
    html.add_argument("dir", type=Path)
    html.add_argument("--url-map", type=Path, required=True, help="JSON {file: url} or CSV lines file,url")

    backfill = sub.add_parser("backfill", help="rebuild a table for a time range from its topic")
    _common(backfill)
    backfill.add_argument(
        "--table", required=True, choices=["articles", "events", "event_clusters", "deadletter"]
    )
    backfill.add_argument(
        "--since", required=True, type=_aware_datetime, help="ISO datetime (UTC if no offset)"
    )
    backfill.add_argument("--until", type=_aware_datetime, help="exclusive; default: the end of the topic")
    backfill.add_argument("--out", type=Path, required=True, help="a directory of its own")
    backfill.add_argument("--dry-run", action="store_true", help="print the offset ranges it would read")

    again = sub.add_parser(
        "reextract", help="run the current extractor over stored pages into versioned topics"
    )
    _common(again)
    again.add_argument("--since", required=True, type=_aware_datetime, help="ISO datetime (UTC if no offset)")
    again.add_argument("--until", type=_aware_datetime, help="exclusive; default: the end of the topic")
    again.add_argument("--version-tag", required=True, help="output topics: <prefix>articles.TAG, events.TAG")
    again.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="extractor setting, e.g. min_words=200",
    )
    again.add_argument("--dry-run", action="store_true", help="print the pages' offset ranges it would read")
    compare = sub.add_parser("diff", help="compare two extractions (version tags, or 'live')")
    _common(compare)
    compare.add_argument("--base", required=True)
    compare.add_argument("--new", required=True)

    status = sub.add_parser("status", help="consumer groups, lag and rates, live")
    _common(status)
    status.add_argument("--every", type=float, default=2.0, help="refresh interval in seconds")
    status.add_argument("--once", action="store_true", help="print one snapshot and exit")

    topics_parser = sub.add_parser("topics", help="topics with partitions, messages, key and contract")
    _common(topics_parser)

    letters = sub.add_parser("deadletter", help="dead letters: list, show, retry")
    letters_sub = letters.add_subparsers(dest="deadletter_command", required=True)
    for name, text in (
        ("list", "counts by stage and reason, and the latest letters"),
        ("retry", "re-inject the originals into their source topics"),
    ):
        command = letters_sub.add_parser(name, help=text)
        _common(command)
        command.add_argument("--stage", choices=["fetcher", "extractor", "sink"])
        command.add_argument("--reason", help="e.g. timeout, http_404, invalid_json")
        command.add_argument("--since", type=_aware_datetime, help="ISO datetime (UTC if no offset)")
        if name == "list":
            command.add_argument("--limit", type=int, default=20, help="latest letters to print")
        else:
            command.add_argument(
                "--max-attempts", type=int, default=3, help="give up after this many failures"
            )
            command.add_argument("--dry-run", action="store_true")
    show_letter = letters_sub.add_parser("show", help="one letter: error and original payload")
    _common(show_letter)
    show_letter.add_argument("ref", help="PARTITION:OFFSET, as printed by `deadletter list`")
    show_letter.add_argument("--full", action="store_true", help="print the whole original record")

    evaluate = sub.add_parser(
        "eval", help="score the event extractor on a gold file (seed-events.json format)"
    )
    evaluate.add_argument("--gold", type=Path, required=True)
    evaluate.add_argument(
        "--pages", type=Path, help="directory of the gold articles' pages (default: the sample site)"
    )
    evaluate.add_argument("--verbose", "-v", action="store_true", help="list every miss and extra record")
    evaluate.add_argument(
        "--split", type=Path, help="a JSON file of parts (article ids), e.g. bench/dev_split.json"
    )
    evaluate.add_argument("--part", help="score only this part of --split (e.g. tune, check)")

    fetch = sub.add_parser("fetch", help="queue URLs for fetching (onto the urls topic)")
    _common(fetch)
    fetch.add_argument("urls", nargs="+", metavar="URL")
    fetch.add_argument("--force", action="store_true", help="fetch again even if fetched before (a re-crawl)")

    check = sub.add_parser(
        "check", help="exit 0 if Kafka answers and the topics exist (and --out is writable)"
    )
    _common(check)
    check.add_argument("--out", type=Path, help="also check that this output directory is writable")

    schemas = sub.add_parser("schemas", help="topic contracts")
    schemas_sub = schemas.add_subparsers(dest="schemas_command", required=True)
    export = schemas_sub.add_parser("export", help="write the JSON Schema files")
    export.add_argument("--dir", type=Path, help="target directory (default: the schemas package)")
    return parser


def _aware_datetime(text: str) -> datetime:
    parsed = datetime.fromisoformat(text)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    """Nested settings overrides from the flags that were given."""
    out: dict[str, dict[str, Any]] = {"kafka": {}, "fetcher": {}, "sink": {}}
    if getattr(args, "bootstrap", None):
        out["kafka"]["bootstrap"] = args.bootstrap
    if getattr(args, "topic_prefix", None) is not None:
        out["kafka"]["topic_prefix"] = args.topic_prefix
    if getattr(args, "feed", None):
        out["fetcher"]["feeds"] = args.feed
    if getattr(args, "out", None) is not None and args.command not in ("demo", "check", "backfill"):
        out["sink"]["out_dir"] = args.out
    result: dict[str, Any] = {k: v for k, v in out.items() if v}
    if getattr(args, "log_level", None):
        result["log_level"] = args.log_level
    return result


def _merge(settings: Any, overrides: dict[str, Any]) -> Any:
    from services.common.settings import Settings

    data = settings.model_dump()
    for section, values in overrides.items():
        if isinstance(values, dict):
            data[section] = {**data[section], **values}
        else:
            data[section] = values
    return Settings.model_validate(data)


def _run_broker(port: int) -> int:
    from services.common.broker import EmbeddedBroker

    with EmbeddedBroker(port=port) as broker:
        print(
            f"broker listening on {broker.bootstrap} (Tansu, in-memory storage); Ctrl-C to stop", flush=True
        )
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "broker":
        return _run_broker(args.port)
    if args.command == "schemas":
        from schemas.export import JSONSCHEMA_DIR, export

        for path in export(args.dir or JSONSCHEMA_DIR):
            print(path)
        return 0

    from services.common.logs import configure_logging
    from services.common.settings import load_settings

    settings = _merge(load_settings(), _overrides(args))
    configure_logging(settings.log_level, settings.log_format)
    console = Console()
    if args.command == "linker":
        from services.linker.worker import run_linker

        return run_linker(settings)
    if args.command in ("fetcher", "extractor"):
        from services.cli.services import run_faust_service

        return run_faust_service(args.command, settings)
    if args.command == "sink":
        from services.cli.services import run_sink

        return run_sink(settings)
    if args.command == "demo":
        from services.cli.demo import run_demo

        logging.getLogger().setLevel(logging.WARNING)
        return run_demo(settings, out_root=args.out, timeout_s=args.timeout, console=console)
    if args.command == "run":
        return _run(settings, console)
    if args.command == "feeds":
        from services.cli.feeds import discover_command

        return discover_command(settings, console, args.url, as_toml=args.toml)
    if args.command == "extract":
        from services.cli.extract import extract_command

        return extract_command(settings, args.paths, url=args.url, published_at=args.published_at)
    if args.command == "eval":
        from services.cli.evaluate import eval_command

        return eval_command(
            args.gold, args.pages, console, verbose=args.verbose, split=args.split, part=args.part
        )
    if args.command == "fetch":
        from services.cli.feeds import fetch_command

        return fetch_command(settings, console, args.urls, force=args.force)
    if args.command == "query":
        from services.cli.query import query_command
        from services.sink.storage import open_storage

        storage = open_storage(settings.sink)
        return query_command(storage, args.sql, console, csv=args.csv, parquet=args.parquet)
    if args.command == "offsets":
        from services.cli.ops import commands

        if args.offsets_command == "show":
            return commands.offsets_show(settings, console, group=args.group, topics=args.topic)
        return commands.offsets_reset(
            settings, console, group=args.group, to=args.to, topics=args.topic, dry_run=args.dry_run
        )
    if args.command == "ingest":
        from services.cli.ops import commands

        if args.ingest_command == "warc":
            return commands.ingest(settings, console, warc=args.files, html_dir=None, url_map=None)
        return commands.ingest(settings, console, warc=[], html_dir=args.dir, url_map=args.url_map)
    if args.command == "backfill":
        from services.cli.ops import commands

        return commands.backfill_table(
            settings,
            console,
            table=args.table,
            since=args.since,
            until=args.until,
            out=args.out,
            dry_run=args.dry_run,
        )
    if args.command == "reextract":
        from services.cli.ops import commands

        return commands.reextract_pages(
            settings,
            console,
            since=args.since,
            until=args.until,
            tag=args.version_tag,
            overrides=args.set,
            dry_run=args.dry_run,
        )
    if args.command == "diff":
        from services.cli.ops import commands

        return commands.diff_versions(settings, console, base=args.base, new=args.new)
    if args.command == "status":
        from services.cli.ops.status import status_view

        return status_view(settings.kafka, console, every_s=args.every, once=args.once)
    if args.command == "topics":
        from services.cli.ops import commands

        return commands.topics_list(settings, console)
    if args.command == "deadletter":
        from services.cli.ops import commands

        if args.deadletter_command == "show":
            return commands.deadletter_show(settings, console, args.ref, full=args.full)
        if args.deadletter_command == "list":
            return commands.deadletter_list(
                settings, console, stage=args.stage, reason=args.reason, since=args.since, limit=args.limit
            )
        return commands.deadletter_retry(
            settings,
            console,
            stage=args.stage,
            reason=args.reason,
            since=args.since,
            max_attempts=args.max_attempts,
            dry_run=args.dry_run,
        )
    if args.command == "compact":
        from services.cli.compact import compact_command

        return compact_command(
            settings,
            console,
            args.table,
            before=args.before,
            include_unknown=args.include_unknown,
            target_mb=args.target_mb,
            dry_run=args.dry_run,
        )
    if args.command == "check":
        from services.cli.health import check

        return check(settings, console, out_dir=args.out)
    raise AssertionError(args.command)


def _run(settings: Any, console: Console) -> int:
    from services.cli.pipeline import run_pipeline, with_broker

    if not settings.fetcher.feeds:
        console.print("[red]no feeds: pass --feed URL or set NEWSWIRE_FETCHER__FEEDS[/red]")
        return 2
    if not settings.kafka.bootstrap:
        # The embedded broker forgets everything when it stops, so each run gets its own
        # output directory: offsets in file names must refer to this broker's topics.
        out_dir = Path(settings.sink.out_dir) / datetime.now().strftime("embedded-%Y%m%dT%H%M%S")
        settings = settings.model_copy(update={"sink": settings.sink.model_copy(update={"out_dir": out_dir})})
        console.print(f"no --bootstrap: using an embedded in-memory broker; output in [bold]{out_dir}[/bold]")
    with with_broker(settings, console, Path(settings.sink.out_dir) / "logs" / "broker.log") as live:
        asyncio.run(run_pipeline(live, console=console))
    console.print(f"stopped; Parquet output in {settings.sink.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
