"""What the CLI's commands do: the generic runner every plain command uses (`_call`: the
SDK method with the arguments given, then the answer shown), and the runners of the
commands that do more than one call (add-many, import, export, forget, remember, context,
demo).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys

from ._cli_args import _global
from ._cli_input import (
    _positions,
    _read_export,
    _read_items,
    _read_json,
    _refused_items,
    _renumbered,
    _text_argument,
)
from ._cli_output import (
    _dumps,
    _emit,
    _emit_lines,
    _fail,
    _for_people,
    _interrupted,
    _progress,
    _progress_done,
    _show,
    _table,
)
from ._constants import API_KEY_ENV, BASE_URL_ENV
from ._protocol import BATCH_SIZE, DEFAULT_COLLECTION, MAX_IMPORT_MEMORIES
from ._typing import TYPE_CHECKING
from .errors import (
    BadRequestError,
    InvalidArgumentError,
    LongmemError,
    NotFoundError,
    UnprocessableEntityError,
    maybe_performed,
)

if TYPE_CHECKING:
    import argparse
    from typing import Any, Optional

    from ._cli_args import Command
    from .client import Longmem
    from .errors import BatchProgress


# How much of forget's matches the confirmation shows: a short list, one line each.
_PREVIEW_ROWS = 20
_PREVIEW_WIDTH = 100


# -- the generic command ---------------------------------------------------------------


def _call(args: argparse.Namespace) -> int:
    """Call the command's SDK method with the arguments given, and show the answer."""
    command: Command = args.command
    assert command.method is not None
    positional, keywords = _sdk_arguments(command, args)
    with _client(args) as mem:
        result = getattr(mem, command.method)(*positional, **keywords)
    if command.done is not None and result == {}:
        result = {command.done: positional[0]}
    _show(args, result, command.columns)
    return 0


def _sdk_arguments(command: Command, args: argparse.Namespace) -> tuple[list[Any], dict[str, Any]]:
    """The SDK method's positional arguments, and the keyword arguments the user gave."""
    values = vars(args)
    positional: list[Any] = []
    keywords: dict[str, Any] = {}
    for arg in command.args:
        if arg.param is None:
            continue
        value = values.get(arg.dest)
        if value is not None and arg.stdin:
            value = _text_argument(value)
        if arg.positional:
            positional.append(value)
        elif value is not None:
            keywords[arg.param] = value
    return positional, keywords


def _given(args: argparse.Namespace, *names: str) -> dict[str, Any]:
    """The named options the user gave, as keyword arguments for an SDK method."""
    values = vars(args)
    return {name: values[name] for name in names if values.get(name) is not None}


def _client(args: argparse.Namespace) -> Longmem:
    from .client import Longmem

    api_key = _global(args, "api_key")
    if not (os.environ.get(API_KEY_ENV, "") if api_key is None else api_key).strip():
        # The SDK's own message names its argument, api_key=; a shell user has flags. A
        # usage error (exit 2): nothing was asked of the API.
        raise InvalidArgumentError(f"no API key: pass --api-key KEY or set {API_KEY_ENV}")
    timeouts = {
        name: _global(args, name)
        for name in ("timeout", "total_timeout")
        if _global(args, name) is not None
    }
    try:
        return Longmem(api_key=api_key, base_url=_global(args, "base_url"), **timeouts)
    except InvalidArgumentError as exc:
        # Named as the user gave it: the option, else the environment variable.
        given = {
            name: flag if _global(args, name) is not None else _GLOBAL_ENVS.get(name, flag)
            for name, flag in _GLOBAL_FLAGS.items()
        }
        raise in_flags(exc, given) from None


# The client's arguments the global options fill, by the option's name.
_GLOBAL_FLAGS = {
    "api_key": "--api-key",
    "base_url": "--base-url",
    "timeout": "--timeout",
    "total_timeout": "--total-timeout",
}
# Where the client reads those of them no option gave.
_GLOBAL_ENVS = {"api_key": API_KEY_ENV, "base_url": BASE_URL_ENV}


def in_flags(
    exc: InvalidArgumentError, flags: dict[str, str], command: Optional[Command] = None
) -> InvalidArgumentError:
    """The SDK's error, which opens on the argument it refused ("container_tag must
    not be empty") or on the method that needs one of several ("update needs at least
    one of text, importance…"), in the options that give them ("--tag must not be
    empty", "update needs at least one of --text, --importance…"): `flags` maps SDK
    arguments to options; `command` is the one whose method was called. Any other
    error as it is."""
    message = str(exc)
    if command is not None and command.method and message.startswith(command.method + " needs "):
        rest = message[len(command.method) :]
        return InvalidArgumentError(
            command.name + re.sub(r"[a-z_]+", lambda m: flags.get(m.group(), m.group()), rest)
        )
    name = re.match(r"[a-z_]+", message)
    if name is None or name.group() not in flags or message[name.end() : name.end() + 1] != " ":
        return exc
    return InvalidArgumentError(flags[name.group()] + message[name.end() :])


def command_flags(command: Command) -> dict[str, str]:
    """The SDK arguments `command`'s options fill, each with the option as typed (a
    positional argument by its name in the usage line)."""
    return {
        arg.param: arg.flags[0] if not arg.positional else arg.options.get("metavar", arg.flags[0])
        for arg in command.args
        if arg.param is not None
    }


# -- bulk runs that may stop part-way ----------------------------------------------------
#
# add-many and import send their input in chunks, each under an idempotency key derived
# from one key per run. By default that key is derived from what the run would store, so
# the same command run again (after a failure, a Ctrl-C, a server restart) is answered
# from the server's record for every chunk it stored, and stores only the rest.


def _run_key(args: argparse.Namespace, command: str, content: Any) -> tuple[str, str]:
    """This run's idempotency key, and the advice on how to finish the run if it stops."""
    given = getattr(args, "idempotency_key", None)  # add-many takes one, import does not
    if given is not None:
        return given, (
            "run the same command again, with the same --idempotency-key, to finish: "
            "nothing is stored twice"
        )
    if args.allow_duplicates:
        key = f"{command}-{os.urandom(16).hex()}"
        if command == "import":
            return key, "running it again stores everything again (--allow-duplicates)"
        return key, (
            "to finish without storing anything twice, run it again with "
            f"--idempotency-key {key} instead of --allow-duplicates"
        )
    # ensure_ascii: a lone surrogate in the input hashes instead of failing to encode.
    digest = hashlib.sha256(json.dumps([command, content], sort_keys=True).encode("ascii"))
    return f"{command}-{digest.hexdigest()[:40]}", (
        "run the same command again to finish: the chunks already stored are not stored twice"
    )


def _unfinished(verb: str, done: int, in_doubt: int, where: list[str], advice: str) -> str:
    """What a bulk run that stopped part-way stored for certain, what may be, what to do;
    `where` names each input item (`_read_items`), so items are counted as the input's
    lines are."""
    text = f"{verb} {done} of {len(where)}"
    if in_doubt:
        first, last = where[done], where[done + in_doubt - 1]
        text += (
            f" for certain; the items from {first} to {last.rsplit(' ', 1)[-1]} were sent"
            " but not confirmed, and may be stored too"
        )
    return f"{text}; {advice}"


def _refused(exc: BaseException) -> bool:
    """Whether a bulk run stopped on input refused as it is (a 400 or 422 from the server,
    an argument the SDK rejects): the same command would stop there again."""
    return isinstance(exc, (BadRequestError, UnprocessableEntityError, InvalidArgumentError))


def _fix_advice(verb: str, done: int, where: list[str], named: list[str]) -> str:
    """How to finish a bulk run refused at an item: fix it, then send what is not stored.
    Not the same command again: it stops at the same item."""
    if len(named) == 1:
        what = named[0]
    else:
        what = f"the {len(named)} items named below" if named else "what the error below names"
    if not done:
        return f"fix {what} and run the command again"
    return f"fix {what}, then {verb} only the items from {where[done]} on: those before are stored"


# -- commands with a handler of their own ----------------------------------------------


def _add_many(args: argparse.Namespace) -> int:
    items, where = _read_items(args.file)
    options = _given(args, "collection", "container_tag", "importance", "category")
    collection = args.collection or DEFAULT_COLLECTION
    key, advice = _run_key(args, "add-many", [collection, args.source, options, items])
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
        except InvalidArgumentError as exc:
            raise _renumbered(exc, "items", where) from None
        except LongmemError as exc:
            _progress_done()
            if exc.progress is None:
                raise
            done, in_doubt = exc.progress.created, exc.progress.in_doubt
            # The server names an item by its place in the failed chunk.
            first = exc.progress.next_index
            if _refused(exc):
                named = _refused_items(exc, "memories", where, first)
                advice = _fix_advice("add", done, where, named)
            _fail(_unfinished("stored", done, in_doubt, where, advice))
            raise _renumbered(exc, "memories", where, first) from None
        except KeyboardInterrupt:
            _progress_done()
            # Ctrl-C may have come while the next chunk was on its way: count it in doubt.
            in_doubt = min(BATCH_SIZE, len(items) - confirmed)
            _interrupted(_unfinished("stored", confirmed, in_doubt, where, advice))
            return 130
    _progress_done()
    if result.get("replayed"):
        sys.stderr.write(
            f"longmem: {result['replayed']} of them were already stored by an earlier run,"
            " and not stored again\n"
        )
    _emit(args, result)
    return 0


def _remember(args: argparse.Namespace) -> int:
    if (args.content is None) == (args.messages is None):
        raise InvalidArgumentError("remember takes the text or --messages FILE: give one")
    options = _given(args, "collection", "observed_at", "container_tag", "idempotency_key")
    sync = not args.background
    if args.messages is not None:
        messages = _read_json(args.messages)
        label = "stdin" if args.messages == "-" else args.messages
        where = _positions(label, len(messages)) if isinstance(messages, list) else []
        with _client(args) as mem:
            try:
                result = mem.remember(messages=messages, sync=sync, **options)
            except LongmemError as exc:
                raise _renumbered(exc, "messages", where) from None
    else:
        content = _text_argument(args.content)
        with _client(args) as mem:
            result = mem.remember(content, sync=sync, **options)
    if args.background:
        _emit(args, result)
    else:
        _emit_lines(args, result)
    return 0


def _context(args: argparse.Namespace) -> int:
    """The block as text, ready to paste into a prompt (a JSON string with --json)."""
    command: Command = args.command
    positional, keywords = _sdk_arguments(command, args)
    with _client(args) as mem:
        block = mem.context(*positional, **keywords)
    if _global(args, "json"):
        _emit(args, block)
    elif block:
        sys.stdout.write(block + "\n")
    elif _for_people(args):
        sys.stderr.write("nothing relevant is known\n")
    return 0


def _forget(args: argparse.Namespace) -> int:
    options = _given(args, "collection", "min_score", "limit", "container_tag")
    if not (args.yes or args.dry_run or (sys.stdin is not None and sys.stdin.isatty())):
        # Nobody can be asked, and a script that meant it says so: delete nothing.
        _fail(
            "forget deletes memories and there is no terminal to confirm on: "
            "pass --yes to delete, or --dry-run to see what matches"
        )
        return 2
    with _client(args) as mem:
        if args.yes or args.dry_run:
            _show_forgotten(args, mem.forget(args.query, dry_run=bool(args.dry_run), **options))
            return 0
        preview = mem.forget(args.query, dry_run=True, **options)
        matches = preview["memories"]
        if not matches:
            sys.stderr.write("Nothing matches; nothing deleted.\n")
            return 0
        if not _confirm(matches):
            sys.stderr.write("Nothing deleted.\n")
            return 0
        # Exactly what was shown goes, even if something new matches by now.
        collection = args.collection or DEFAULT_COLLECTION
        deleted: list[dict[str, Any]] = []
        memory = matches[0]
        try:
            for memory in matches:
                try:
                    mem.delete(memory["id"], collection=collection)
                except NotFoundError:
                    continue  # gone already
                deleted.append(memory)
        except (LongmemError, KeyboardInterrupt) as exc:
            # One delete a memory: say how far it got, so nobody has to guess what went.
            _stopped_deleting(exc, deleted, matches, memory)
            if isinstance(exc, KeyboardInterrupt):
                return 130
            raise
    result = {
        "deleted": len(deleted),
        "ids": [m["id"] for m in deleted],
        "dry_run": False,
        "memories": deleted,
    }
    _show_forgotten(args, result)
    return 0


def _stopped_deleting(
    exc: BaseException,
    deleted: list[dict[str, Any]],
    matches: list[dict[str, Any]],
    current: dict[str, Any],
) -> None:
    """What a confirmed forget deleted before an error or a Ctrl-C stopped it."""
    done = [m["id"] for m in deleted]
    text = f"deleted {len(done)} of {_memories(len(matches))}"
    if done:
        text += f" ({', '.join(done)})"
    if maybe_performed(exc) and current["id"] not in done:
        text += f"; {current['id']} was being deleted and may be gone too"
    text += "; the others are kept: run the same forget again to delete them"
    (_interrupted if isinstance(exc, KeyboardInterrupt) else _fail)(text)


def _show_forgotten(args: argparse.Namespace, result: dict[str, Any]) -> None:
    """forget's answer: on a terminal, the memories as a table (id, score, text) and a
    line saying what went; else JSON, as every command's."""
    if not _for_people(args):
        _emit(args, result)
        return
    memories = result.get("memories") or []
    if not memories:
        sys.stderr.write("Nothing matches; nothing deleted.\n")
        return
    _table(memories, ("id", "score", "text"))
    if result.get("dry_run"):
        sys.stderr.write(f"Would delete {_memories(len(memories))}; nothing deleted (dry run).\n")
    else:
        sys.stderr.write(f"Deleted {_memories(int(result.get('deleted') or 0))}.\n")


def _memories(count: int) -> str:
    return f"{count} memory" if count == 1 else f"{count} memories"


def _confirm(matches: list[dict[str, Any]]) -> bool:
    """Show the matches on the terminal and ask; only "y" or "yes" deletes."""
    lines = [f"{_memories(len(matches))} match:"]
    for memory in matches[:_PREVIEW_ROWS]:
        text = " ".join(str(memory["text"]).split())
        if len(text) > _PREVIEW_WIDTH:
            text = text[: _PREVIEW_WIDTH - 1] + "…"
        lines.append(f"  {memory['id']}  {text}")
    if len(matches) > _PREVIEW_ROWS:
        lines.append(f"  … and {len(matches) - _PREVIEW_ROWS} more (see --dry-run)")
    sys.stderr.write("\n".join(lines) + f"\nDelete {_memories(len(matches))}? [y/N] ")
    sys.stderr.flush()
    answer = sys.stdin.readline()
    return answer.strip().lower() in ("y", "yes")


def _export(args: argparse.Namespace) -> int:
    with _client(args) as mem:
        dump = mem.export_account()
    text = _dumps(dump, _global(args, "pretty")) + "\n"
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
    memories, collections, connections, where = _read_export(args.file)
    # --into, else a --collection given: everything goes into it; else each memory's own.
    into = args.collection if args.into_collection is None else args.into_collection
    if into is not None:
        collections = None  # the export's collections would be recreated, empty
    key, advice = _run_key(args, "import", [into, collections, connections, memories])
    totals: dict[str, Any] = {"imported": 0, "skipped": 0, "collections": [], "connections": 0}
    start = 0
    with _client(args) as mem:
        try:
            for start in range(0, max(len(memories), 1), MAX_IMPORT_MEMORIES):
                try:
                    last = start + MAX_IMPORT_MEMORIES >= len(memories)
                    result = mem.import_memories(
                        memories[start : start + MAX_IMPORT_MEMORIES],
                        collections=collections if start == 0 else None,
                        # With the last memories: each connection's item map names
                        # memories that are then all in.
                        connections=connections if last else None,
                        into_collection=into,
                        idempotency_key=f"{key}-{start}",
                    )
                except LongmemError as exc:
                    raise _renumbered(exc, "memories", where, start) from None
                totals["imported"] += result.get("imported", 0)
                totals["skipped"] += result.get("skipped", 0)
                totals["connections"] += result.get("connections", 0)
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
                if _refused(exc):
                    named = _refused_items(exc, "memories", where, start)
                    advice = _fix_advice("import", start, where, named)
                message = _unfinished("imported", start, in_doubt, where, advice)
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
