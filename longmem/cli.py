"""`longmem` / `python -m longmem`: the local server, the demo, and the SDK from a shell.

Output is JSON: one object per line for lists (easy to pipe into `jq` or a loop),
`--pretty` for people. Exit status: 0 success, 1 an API or network error (one line on
stderr), 2 a usage error. The local server is imported only by `serve` and `demo`.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import __version__
from ._protocol import (
    BATCH_SIZE,
    DEFAULT_CATEGORY,
    DEFAULT_COLLECTION,
    DEFAULT_FORGET_LIMIT,
    DEFAULT_FORGET_MIN_SCORE,
    DEFAULT_IMPORTANCE,
    DEFAULT_LIST_LIMIT,
    DEFAULT_MIN_SCORE,
    DEFAULT_SEARCH_LIMIT,
    DEFAULT_SEARCH_MODE,
    DEFAULT_STALE_DAYS,
    DEFAULT_SUMMARY_LIMIT,
    MAX_IMPORT_MEMORIES,
    SEARCH_MODES,
    SOURCE_CLI,
)
from ._typing import TYPE_CHECKING
from .errors import InvalidArgumentError, LongmemError, maybe_performed

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import Any, Callable, Optional, TextIO

    from .client import Longmem
    from .errors import BatchProgress


def main(argv: Optional[list[str]] = None) -> int:
    """Run one command; returns the exit status."""
    args_in = list(sys.argv[1:] if argv is None else argv)
    # serve has its own parser (longmem.server.cli); hand it everything after the word.
    if args_in[:1] == ["serve"]:
        from .server.cli import main as serve

        return serve(args_in[1:])
    parser = _parser()
    try:
        args = parser.parse_args(args_in)
    except SystemExit as exit_:  # argparse exits 2 on a usage error, 0 on --help
        return int(exit_.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.run(args))
    except InvalidArgumentError as exc:
        _fail(str(exc))
        return 2
    except LongmemError as exc:
        _fail(str(exc))
        return 1
    except BrokenPipeError:
        # `longmem list | head` closed our stdout: not an error worth a traceback.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130


def _fail(message: str) -> None:
    sys.stderr.write(f"longmem: error: {message}\n")


def _interrupted(message: str) -> None:
    sys.stderr.write(f"longmem: interrupted: {message}\n")


# -- the parser ------------------------------------------------------------------------
#
# An option the SDK has a default for defaults to None here ("not given"), and a command
# passes on only the options that were given (`_given`): the SDK's default then applies,
# so the two can never disagree. Help texts quote the protocol's defaults from _protocol.


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="longmem",
        description="Long-term memory from the shell: the Longmem SDK, the local server, a demo.",
        epilog="The API key and base URL default to LONGMEM_API_KEY and LONGMEM_BASE_URL.",
    )
    parser.add_argument("--version", action="version", version=f"longmem {__version__}")
    parser.set_defaults(command=None)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--api-key", help="API key (default: $LONGMEM_API_KEY)")
    common.add_argument("--base-url", help="API URL (default: $LONGMEM_BASE_URL or hosted)")
    common.add_argument("--collection", help=f"collection (default: {DEFAULT_COLLECTION})")
    common.add_argument("--pretty", action="store_true", help="indented JSON for people")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, run: Callable[[argparse.Namespace], int], help_: str) -> Any:
        sub = commands.add_parser(name, parents=[common], help=help_, description=help_)
        sub.set_defaults(command=name, run=run)
        return sub

    commands.add_parser(
        "serve", help="run the local server (see: longmem serve --help)", add_help=False
    )
    demo = commands.add_parser(
        "demo", help="an agent-memory session against a throw-away local server"
    )
    demo.set_defaults(command="demo", run=_demo)

    p = command("add", _add, "store one memory")
    p.add_argument("text", help="the memory's text; - reads it from standard input")
    _memory_options(p)

    p = command("add-many", _add_many, "store memories from JSON Lines (strings or objects)")
    p.add_argument("file", nargs="?", default="-", help="JSON Lines file; - or none for stdin")
    _memory_options(p)
    p.add_argument(
        "--idempotency-key",
        help="the key each chunk's key derives from (default: one derived from the "
        "collection, the options and the input, so the same command run again stores "
        "nothing twice)",
    )
    _allow_duplicates_option(p)

    p = command("search", _search, "search memories (one hit per line)")
    p.add_argument("query")
    p.add_argument("--all", action="store_true", help="search every collection")
    p.add_argument("--limit", type=int, help=f"hits to return (default: {DEFAULT_SEARCH_LIMIT})")
    p.add_argument(
        "--min-score",
        type=float,
        help=f"vector-similarity floor, 0 to 1 (default: {DEFAULT_MIN_SCORE})",
    )
    p.add_argument(
        "--mode", choices=SEARCH_MODES, help=f"how to match (default: {DEFAULT_SEARCH_MODE})"
    )
    p.add_argument("--category", help="only memories of this category")
    p.add_argument("--tag", dest="container_tag")
    p.add_argument(
        "--where",
        dest="metadata_filter",
        metavar="JSON",
        type=_json_object,
        help='metadata filter, e.g. \'{"src": "crm"}\'',
    )
    p.add_argument(
        "--history",
        dest="include_history",
        action="store_true",
        default=None,
        help="also superseded memories (and expired ones not yet swept), after the current ones",
    )

    p = command("get", _get, "show one memory")
    p.add_argument("id")

    p = command("list", _list, "list memories, pinned first then newest")
    p.add_argument("--limit", type=int, help=f"(default: {DEFAULT_LIST_LIMIT})")
    p.add_argument("--offset", type=int, help="memories to skip first, for paging")
    p.add_argument("--include-archived", action="store_true", default=None)

    p = command("update", _update, "change a memory's text, importance, category or metadata")
    p.add_argument("id")
    p.add_argument("--text")
    p.add_argument("--importance", type=float)
    p.add_argument("--category")
    p.add_argument("--metadata", type=_json_object)

    p = command("delete", _delete, "delete one memory")
    p.add_argument("id")

    p = command("remember", _remember, "extract facts from text; newer facts supersede older")
    p.add_argument("content", help="the text; - reads it from standard input")
    p.add_argument("--async", dest="background", action="store_true", help="return a job id")

    p = command("forget", _forget, "delete the memories matching a query (destructive)")
    p.add_argument("query")
    p.add_argument("--min-score", type=float, help=f"0 to 1 (default: {DEFAULT_FORGET_MIN_SCORE})")
    p.add_argument("--limit", type=int, help=f"most to delete (default: {DEFAULT_FORGET_LIMIT})")

    command("collections", _collections, "list collections (one per line)")
    command("profile", _profile, "a profile of the collection's subject")
    p = command("summary", _summary, "a briefing of the collection's most important memories")
    p.add_argument("--limit", type=int, help=f"memories to read (default: {DEFAULT_SUMMARY_LIMIT})")
    p = command("health", _health, "the collection's hygiene snapshot")
    p.add_argument(
        "--stale-days",
        type=int,
        help=f"untouched this long counts as stale (default: {DEFAULT_STALE_DAYS})",
    )

    p = command("export", _export, "dump every collection and memory as JSON")
    p.add_argument("-o", "--output", default="-", help="file to write; - for stdout")

    p = command("import", _import, "re-ingest an export (or JSON Lines of memories)")
    p.add_argument("file", nargs="?", default="-", help="export JSON or JSON Lines; - for stdin")
    p.add_argument("--into", dest="into_collection", help="put everything in this collection")
    _allow_duplicates_option(p)
    return parser


def _allow_duplicates_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--allow-duplicates",
        action="store_true",
        help="store the input even if the same command stored it before (default: a "
        "re-run within the server's 24 hours of idempotency stores nothing twice)",
    )


def _memory_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--importance", type=float, help=f"0 to 1 (default: {DEFAULT_IMPORTANCE})")
    p.add_argument("--category", help=f"(default: {DEFAULT_CATEGORY})")
    p.add_argument("--tag", dest="container_tag")
    p.add_argument("--metadata", type=_json_object, help='JSON object, e.g. \'{"src": "crm"}\'')
    p.add_argument("--source", default=SOURCE_CLI, help=f"who wrote it (default: {SOURCE_CLI})")


def _json_object(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not JSON: {exc}") from None
    if not isinstance(value, dict):
        raise argparse.ArgumentTypeError("must be a JSON object")
    return value


# -- output ----------------------------------------------------------------------------


def _emit(args: argparse.Namespace, value: Any) -> None:
    sys.stdout.write(_dumps(value, args.pretty) + "\n")


def _emit_lines(args: argparse.Namespace, values: Iterable[Any]) -> None:
    for value in values:
        _emit(args, value)


def _dumps(value: Any, pretty: bool) -> str:
    if pretty:
        return json.dumps(value, ensure_ascii=False, indent=2)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _progress(done: int, total: Optional[int], what: str) -> None:
    if sys.stderr.isatty():
        of = f"/{total}" if total is not None else ""
        sys.stderr.write(f"\r{what} {done}{of}")
        sys.stderr.flush()


def _progress_done() -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\n")


# -- input -----------------------------------------------------------------------------


def _client(args: argparse.Namespace) -> Longmem:
    from .client import Longmem

    return Longmem(api_key=args.api_key, base_url=args.base_url)


def _given(args: argparse.Namespace, *names: str) -> dict[str, Any]:
    """The named options the user gave, as keyword arguments for an SDK method."""
    values = vars(args)
    return {name: values[name] for name in names if values[name] is not None}


def _collection(args: argparse.Namespace) -> str:
    """The collection for an SDK argument that has no default of its own."""
    return DEFAULT_COLLECTION if args.collection is None else str(args.collection)


def _text_argument(value: str) -> str:
    return sys.stdin.read() if value == "-" else value


def _open_input(name: str) -> TextIO:
    if name == "-":
        return sys.stdin
    try:
        return open(name, encoding="utf-8")
    except OSError as exc:
        raise InvalidArgumentError(f"cannot read {name}: {exc.strerror}") from None


def _json_lines(stream: TextIO, name: str) -> Iterator[Any]:
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except ValueError as exc:
            raise InvalidArgumentError(f"{name} line {number} is not JSON: {exc}") from None


def _read_export(stream: TextIO, name: str) -> tuple[list[Any], Optional[list[Any]]]:
    """An export object ({"memories", "collections"}) or JSON Lines of memories."""
    text = stream.read()
    try:
        whole = json.loads(text)
    except ValueError:
        whole = None
    if isinstance(whole, dict):
        memories = whole.get("memories")
        if not isinstance(memories, list):
            raise InvalidArgumentError(f"{name} has no 'memories' list")
        collections = whole.get("collections")
        return memories, collections if isinstance(collections, list) else None
    if isinstance(whole, list):
        return whole, None
    return list(_json_lines(iter(text.splitlines(keepends=True)), name)), None  # type: ignore[arg-type]


# -- bulk runs that may stop part-way ----------------------------------------------------
#
# add-many and import send their input in chunks, each under an idempotency key derived
# from one key per run. By default that key is derived from what the run would store, so
# the same command run again (after a failure, a Ctrl-C, a server restart) is answered
# from the server's record for every chunk it stored, and stores only the rest.


def _run_key(args: argparse.Namespace, command: str, content: Any) -> tuple[str, str]:
    """This run's idempotency key, and the advice on how to finish the run if it stops."""
    takes_key = hasattr(args, "idempotency_key")  # add-many does, import does not
    given = getattr(args, "idempotency_key", None)
    if given is not None:
        if args.allow_duplicates:
            raise InvalidArgumentError(
                "--idempotency-key and --allow-duplicates exclude each other"
            )
        return given, (
            "run the same command again, with the same --idempotency-key, to finish: "
            "nothing is stored twice"
        )
    if args.allow_duplicates:
        import os

        key = f"{command}-{os.urandom(16).hex()}"
        if not takes_key:
            return key, "running it again stores everything again (--allow-duplicates)"
        return key, (
            "to finish without storing anything twice, run it again with "
            f"--idempotency-key {key} instead of --allow-duplicates"
        )
    import hashlib

    # ensure_ascii: a lone surrogate in the input hashes instead of failing to encode.
    digest = hashlib.sha256(json.dumps([command, content], sort_keys=True).encode("ascii"))
    return f"{command}-{digest.hexdigest()[:40]}", (
        "run the same command again to finish: the chunks already stored are not stored twice"
    )


def _unfinished(verb: str, done: int, in_doubt: int, total: int, advice: str) -> str:
    """What a bulk run that stopped part-way stored for certain, what may be, what to do."""
    text = f"{verb} {done} of {total}"
    if in_doubt:
        last = done + in_doubt - 1
        text += f" for certain; items {done}-{last} were sent but not confirmed, and may be too"
    return f"{text}; {advice}"


# -- commands --------------------------------------------------------------------------


def _add(args: argparse.Namespace) -> int:
    with _client(args) as mem:
        _emit(
            args,
            mem.add(
                _text_argument(args.text),
                source=args.source,
                **_given(args, "collection", "importance", "category", "metadata", "container_tag"),
            ),
        )
    return 0


def _add_many(args: argparse.Namespace) -> int:
    stream = _open_input(args.file)
    try:
        items = list(_json_lines(stream, "stdin" if args.file == "-" else args.file))
    finally:
        if stream is not sys.stdin:
            stream.close()
    options = _given(args, "collection", "container_tag", "importance", "category")
    key, advice = _run_key(args, "add-many", [_collection(args), args.source, options, items])
    confirmed = 0

    def report(progress: BatchProgress) -> None:
        nonlocal confirmed
        confirmed = progress.created
        _progress(progress.created, len(items), "added")

    with _client(args) as mem:
        try:
            result = mem.add_many(
                items, source=args.source, idempotency_key=key, on_progress=report, **options
            )
        except LongmemError as exc:
            _progress_done()
            if exc.progress is not None:
                done, in_doubt = exc.progress.created, exc.progress.in_doubt
                _fail(_unfinished("stored", done, in_doubt, len(items), advice))
            raise
        except KeyboardInterrupt:
            _progress_done()
            # Ctrl-C may have come while the next chunk was on its way: count it in doubt.
            in_doubt = min(BATCH_SIZE, len(items) - confirmed)
            _interrupted(_unfinished("stored", confirmed, in_doubt, len(items), advice))
            return 130
    _progress_done()
    _emit(args, result)
    return 0


def _search(args: argparse.Namespace) -> int:
    with _client(args) as mem:
        hits = mem.search(
            args.query,
            collection=None if args.all else _collection(args),
            **_given(
                args,
                "limit",
                "min_score",
                "mode",
                "category",
                "container_tag",
                "metadata_filter",
                "include_history",
            ),
        )
    _emit_lines(args, hits)
    return 0


def _get(args: argparse.Namespace) -> int:
    with _client(args) as mem:
        _emit(args, mem.get(args.id, **_given(args, "collection")))
    return 0


def _list(args: argparse.Namespace) -> int:
    with _client(args) as mem:
        memories = mem.list_memories(
            **_given(args, "collection", "limit", "offset", "include_archived")
        )
    _emit_lines(args, memories)
    return 0


def _update(args: argparse.Namespace) -> int:
    with _client(args) as mem:
        _emit(
            args,
            mem.update(
                args.id, **_given(args, "collection", "text", "importance", "category", "metadata")
            ),
        )
    return 0


def _delete(args: argparse.Namespace) -> int:
    with _client(args) as mem:
        mem.delete(args.id, **_given(args, "collection"))
    _emit(args, {"deleted": args.id})
    return 0


def _remember(args: argparse.Namespace) -> int:
    with _client(args) as mem:
        result = mem.remember(
            _text_argument(args.content),
            sync=not args.background,
            **_given(args, "collection"),
        )
    if args.background:
        _emit(args, result)
    else:
        _emit_lines(args, result)
    return 0


def _forget(args: argparse.Namespace) -> int:
    with _client(args) as mem:
        _emit(
            args,
            mem.forget(args.query, **_given(args, "collection", "min_score", "limit")),
        )
    return 0


def _collections(args: argparse.Namespace) -> int:
    with _client(args) as mem:
        _emit_lines(args, mem.collections())
    return 0


def _profile(args: argparse.Namespace) -> int:
    with _client(args) as mem:
        _emit(args, mem.profile(_collection(args)))
    return 0


def _summary(args: argparse.Namespace) -> int:
    with _client(args) as mem:
        _emit(args, mem.summary(**_given(args, "collection", "limit")))
    return 0


def _health(args: argparse.Namespace) -> int:
    with _client(args) as mem:
        _emit(args, mem.health(**_given(args, "collection", "stale_days")))
    return 0


def _export(args: argparse.Namespace) -> int:
    with _client(args) as mem:
        dump = mem.export_account()
    text = _dumps(dump, args.pretty) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        try:
            with open(args.output, "w", encoding="utf-8") as out:
                out.write(text)
        except OSError as exc:
            raise InvalidArgumentError(f"cannot write {args.output}: {exc.strerror}") from None
    if sys.stderr.isatty():
        sys.stderr.write(f"exported {len(dump.get('memories') or [])} memories\n")
    return 0


def _import(args: argparse.Namespace) -> int:
    stream = _open_input(args.file)
    try:
        memories, collections = _read_export(stream, "stdin" if args.file == "-" else args.file)
    finally:
        if stream is not sys.stdin:
            stream.close()
    # --into, else a --collection given: everything goes into it; else each memory's own.
    into = args.collection if args.into_collection is None else args.into_collection
    if into is not None:
        collections = None  # the export's collections would be recreated, empty
    key, advice = _run_key(args, "import", [into, collections, memories])
    totals: dict[str, Any] = {"imported": 0, "skipped": 0, "collections": []}
    start = 0
    with _client(args) as mem:
        try:
            for start in range(0, max(len(memories), 1), MAX_IMPORT_MEMORIES):
                result = mem.import_memories(
                    memories[start : start + MAX_IMPORT_MEMORIES],
                    collections=collections if start == 0 else None,
                    into_collection=into,
                    idempotency_key=f"{key}-{start}",
                )
                totals["imported"] += result.get("imported", 0)
                totals["skipped"] += result.get("skipped", 0)
                names = set(totals["collections"]) | set(result.get("collections") or [])
                totals["collections"] = sorted(names)
                done = min(start + MAX_IMPORT_MEMORIES, len(memories))
                _progress(done, len(memories), "imported")
        except (LongmemError, KeyboardInterrupt) as exc:
            _progress_done()
            interrupted = isinstance(exc, KeyboardInterrupt)
            sent = min(MAX_IMPORT_MEMORIES, len(memories) - start)
            in_doubt = sent if maybe_performed(exc) else 0
            if start or in_doubt:
                message = _unfinished("imported", start, in_doubt, len(memories), advice)
                (_interrupted if interrupted else _fail)(message)
            if interrupted:
                return 130
            raise
    _progress_done()
    _emit(args, totals)
    return 0


def _demo(args: argparse.Namespace) -> int:
    from .demo import run

    return run()
