"""``python -m longmem serve`` / ``python -m longmem.server``: run the local server.

Flags win over the LONGMEM_SERVER_* environment, which wins over the defaults.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import shlex
import signal
import sqlite3
import sys
import time
from contextlib import suppress
from types import FrameType
from typing import Callable, Optional

from . import LocalServer, is_loopback
from .app import (
    DEFAULT_HEADER_TIMEOUT,
    DEFAULT_IDLE_TIMEOUT,
    DEFAULT_MAX_CONNECTIONS,
    DEFAULT_REQUEST_TIMEOUT,
    REQUESTS_LOGGER,
)
from .connectors import FetchPolicy
from .context import EVERY_TENANT
from .db import DEFAULT_TENANT
from .extract import RuleExtractor
from .meaning import NAME as MEANING_NAME
from .model_endpoints import DEFAULT_MODEL_TIMEOUT, ModelEmbedder, ModelEndpoint, ModelExtractor

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 9100
DEFAULT_DB = "./longmem.db"
PORT_MAX = 65535
ROOTS_ENV = "LONGMEM_SERVER_CONNECTOR_ROOTS"
ALLOW_PRIVATE_FETCH_ENV = "LONGMEM_SERVER_ALLOW_PRIVATE_FETCH"
FETCH_ALLOW_ENV = "LONGMEM_SERVER_FETCH_ALLOW"
# A tenant the operator names on the command line: no "=", ",", "*" or path separator,
# so a TENANT=VALUE flag reads one way only.
_TENANT = r"[A-Za-z0-9_.\-]+"
# TENANT=DIR grants a root to one tenant ("*": every tenant); a value without one, or
# whose part before "=" holds a path separator, is a folder for the default tenant.
_ROOT_GRANT = re.compile(rf"({_TENANT}|\*)=(.+)", re.DOTALL)
_TENANT_KEY = re.compile(rf"({_TENANT})=(.+)", re.DOTALL)
# --tenant-key and --tenant-read-only-key, each with its environment variable.
TENANT_KEY_FLAGS = {
    "tenant_keys": ("--tenant-key", "LONGMEM_SERVER_TENANT_KEYS"),
    "tenant_read_only_keys": ("--tenant-read-only-key", "LONGMEM_SERVER_TENANT_READ_ONLY_KEYS"),
}
LOG_REQUESTS_ENV = "LONGMEM_SERVER_LOG_REQUESTS"
CPU_ENV = "LONGMEM_SERVER_CPU"
SEARCH_PROCESSES_ENV = "LONGMEM_SERVER_SEARCH_PROCESSES"
MAX_SEARCH_PROCESSES = 64
# docs/protocol.md, shipped in the package (a link in the source tree, a file in a wheel).
PROTOCOL_DOC = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "protocol.md"
)
# Search's built-in meaning (meaning.py): --meaning on|off.
MEANING_ENV = "LONGMEM_SERVER_MEANING"
# The optional model endpoints: --<role>-url and LONGMEM_SERVER_<ROLE>_URL, and so on.
MODEL_ROLES = ("extractor", "embedder")
MODEL_OPTIONS = ("url", "model", "key_env", "timeout")


def _env_int(name: str) -> Optional[int]:
    raw = os.environ.get(name)
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        raise SystemExit(f"longmem: {name} must be an integer, got {raw!r}") from None


# The spellings a switch in the environment may take; anything else is a usage error, so a
# value meant as "off" (say "off" or "disabled") never turns the switch on.
_ENV_TRUE = ("1", "true", "yes", "on")
_ENV_FALSE = ("0", "false", "no", "off")


def _env_flag(name: str) -> bool:
    """A boolean LONGMEM_SERVER_* switch: unset or empty is off; a value that is neither
    on nor off ends the command with a usage error (exit 2)."""
    raw = os.environ.get(name, "")
    value = raw.strip().lower()
    if not value or value in _ENV_FALSE:
        return False
    if value in _ENV_TRUE:
        return True
    print(
        f"longmem: {name} must be one of {', '.join(_ENV_TRUE)} (on) or "
        f"{', '.join(_ENV_FALSE)} (off), got {raw!r}",
        file=sys.stderr,
    )
    raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    env = os.environ.get
    p = argparse.ArgumentParser(
        prog="longmem serve",
        description="Run the local Longmem server.",
        epilog=f"The protocol it speaks: {PROTOCOL_DOC} (docs/protocol.md in the source); "
        "GET /openapi.json on a running server describes every route.",
    )
    p.add_argument(
        "--host",
        default=env("LONGMEM_SERVER_HOST") or DEFAULT_HOST,
        help="the address to listen on; any but a loopback one needs an explicit key "
        f"(or LONGMEM_SERVER_HOST; default: {DEFAULT_HOST})",
    )
    port = _env_int("LONGMEM_SERVER_PORT")
    p.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT if port is None else port,
        help=f"0 picks a free port (or LONGMEM_SERVER_PORT; default: {DEFAULT_PORT})",
    )
    p.add_argument(
        "--db",
        default=env("LONGMEM_SERVER_DB") or DEFAULT_DB,
        help=f"the SQLite file (or LONGMEM_SERVER_DB; default: {DEFAULT_DB})",
    )
    for kind, what in (
        (
            "api",
            "a key for reading and writing; when no key is given or stored, one is "
            "generated and printed once",
        ),
        ("read-only", "a key that may only read"),
        ("admin", "a key for everything, the admin routes included"),
    ):
        env_name = f"LONGMEM_SERVER_{kind.replace('-', '_').upper()}_KEY"
        p.add_argument(
            f"--{kind}-key",
            default=env(env_name) or None,
            metavar="KEY",
            help=f"{what} (or {env_name}; default: none)",
        )
    for dest, what in (
        ("tenant_keys", "a key for reading and writing"),
        ("tenant_read_only_keys", "a key that may only read"),
    ):
        flag, env_name = TENANT_KEY_FLAGS[dest]
        p.add_argument(
            flag,
            action="append",
            dest=dest,
            metavar="TENANT=KEY",
            help=f"{what} for TENANT, created if missing (repeatable; {env_name} takes a "
            "comma-separated list; default: none)",
        )
    p.add_argument(
        "--rate-limit",
        type=int,
        default=_env_int("LONGMEM_SERVER_RATE_LIMIT"),
        metavar="N",
        help="requests per key per minute (or LONGMEM_SERVER_RATE_LIMIT; default: 100,000)",
    )
    p.add_argument(
        "--max-connections",
        type=int,
        default=_env_int("LONGMEM_SERVER_MAX_CONNECTIONS"),
        metavar="N",
        help="connections open at once; past it the one idle or sending a request head the "
        "longest is closed, or a new one gets 503 when all are busy "
        "(or LONGMEM_SERVER_MAX_CONNECTIONS; "
        f"default: {DEFAULT_MAX_CONNECTIONS}, lowered to fit the open-file limit)",
    )
    p.add_argument(
        "--idle-timeout",
        type=_seconds("LONGMEM_SERVER_IDLE_TIMEOUT"),
        default=env("LONGMEM_SERVER_IDLE_TIMEOUT") or None,
        metavar="SECONDS",
        help="how long a keep-alive connection may wait for its next request "
        f"(or LONGMEM_SERVER_IDLE_TIMEOUT; default: {DEFAULT_IDLE_TIMEOUT:g})",
    )
    p.add_argument(
        "--request-timeout",
        type=_seconds("LONGMEM_SERVER_REQUEST_TIMEOUT"),
        default=env("LONGMEM_SERVER_REQUEST_TIMEOUT") or None,
        metavar="SECONDS",
        help="how long a request's line, headers and body may take to arrive, plus a second "
        "per MiB of body; later is 408 (or LONGMEM_SERVER_REQUEST_TIMEOUT; "
        f"default: {DEFAULT_REQUEST_TIMEOUT:g})",
    )
    p.add_argument(
        "--header-timeout",
        type=_seconds("LONGMEM_SERVER_HEADER_TIMEOUT"),
        default=env("LONGMEM_SERVER_HEADER_TIMEOUT") or None,
        metavar="SECONDS",
        help="how long a request's line and headers may take to arrive; later is 408 "
        "(or LONGMEM_SERVER_HEADER_TIMEOUT; at most the request timeout; "
        f"default: {DEFAULT_HEADER_TIMEOUT:g})",
    )
    p.add_argument(
        "--connector-root",
        action="append",
        dest="connector_roots",
        metavar="[TENANT=]DIR",
        help="a folder the default tenant's directory connectors may read; TENANT=DIR "
        f"grants it to that tenant only, '{EVERY_TENANT}=DIR' to every tenant (repeatable; "
        f"{ROOTS_ENV} takes a {os.pathsep!r}-separated list; default: none, no directory "
        "connections)",
    )
    p.add_argument(
        "--allow-private-fetch",
        action="store_true",
        default=_env_flag(ALLOW_PRIVATE_FETCH_ENV),
        help="let connectors (rss) fetch from loopback, private and link-local addresses "
        f"(or {ALLOW_PRIVATE_FETCH_ENV}=1; default: public addresses only)",
    )
    p.add_argument(
        "--fetch-allow",
        action="append",
        metavar="ADDR|CIDR|HOST",
        help="an address, network or host name connectors may fetch from although it is "
        f"not public (repeatable; {FETCH_ALLOW_ENV} takes a comma-separated list; "
        "default: none)",
    )
    p.add_argument(
        "--cpu",
        default=env(CPU_ENV) or "all",
        metavar="all|auto|N",
        help="the CPUs the server's threads run on: 'all' every one; 'auto' one of those "
        "the process may use, N that one (Linux; under many concurrent requests Python "
        "threads run faster on one core, unless another busy process shares it) "
        f"(or {CPU_ENV}; default: all)",
    )
    p.add_argument(
        "--search-processes",
        default=env(SEARCH_PROCESSES_ENV) or "0",
        metavar="N|auto",
        help="run searches in N processes beside the server's own, so they use more "
        "than one core (0: in the server's process); 'auto': one per CPU the server may "
        f"use, none on one CPU (or {SEARCH_PROCESSES_ENV}; default: 0)",
    )
    p.add_argument(
        "-v",
        "--log-requests",
        action="store_true",
        default=_env_flag(LOG_REQUESTS_ENV),
        help="log each request on stderr: method, path, status, milliseconds "
        f"(or set {LOG_REQUESTS_ENV}=1; default: off)",
    )
    _model_flags(p)
    return p


def _seconds(env_name: str) -> Callable[[str], float]:
    def parse(raw: str) -> float:
        try:
            value = float(raw)
        except ValueError:
            value = float("nan")
        if not 0 < value < float("inf"):
            raise argparse.ArgumentTypeError(
                f"must be a positive number of seconds (here or in {env_name}), got {raw!r}"
            )
        return value

    return parse


def _on_off(env_name: str) -> Callable[[str], bool]:
    def parse(raw: str) -> bool:
        said = raw.strip().lower()
        if said not in ("on", "off"):
            raise argparse.ArgumentTypeError(
                f"must be on or off (here or in {env_name}), got {raw!r}"
            )
        return said == "on"

    return parse


def _model_flags(p: argparse.ArgumentParser) -> None:
    env = os.environ.get
    p.add_argument(
        "--meaning",
        type=_on_off(MEANING_ENV),
        default=env(MEANING_ENV) or "on",
        metavar="on|off",
        help="search's built-in meaning: static word vectors that find what shares no word "
        "with the question, when no --embedder-url is given "
        f"(or {MEANING_ENV}; default: on)",
    )
    what = {
        "extractor": "remember's facts from an OpenAI-compatible chat-completions endpoint "
        "(the rules when it fails)",
        "embedder": "search's ranking by an OpenAI-compatible embeddings endpoint "
        "(search's own arms when it fails)",
    }
    for role in MODEL_ROLES:
        group = p.add_argument_group(f"{role} (optional)", what[role])
        prefix = f"LONGMEM_SERVER_{role.upper()}"
        group.add_argument(
            f"--{role}-url",
            default=env(f"{prefix}_URL") or None,
            metavar="URL",
            help="base URL up to /v1, e.g. http://localhost:11434/v1 (Ollama) "
            f"(or {prefix}_URL; default: none)",
        )
        group.add_argument(
            f"--{role}-model",
            default=env(f"{prefix}_MODEL") or None,
            metavar="MODEL",
            help=f"the model's name (or {prefix}_MODEL; default: none)",
        )
        group.add_argument(
            f"--{role}-key-env",
            default=env(f"{prefix}_KEY_ENV") or None,
            metavar="NAME",
            help="the environment variable holding its API key, e.g. OPENAI_API_KEY "
            f"(or {prefix}_KEY_ENV; default: none)",
        )
        group.add_argument(
            f"--{role}-timeout",
            type=_seconds(f"{prefix}_TIMEOUT"),
            default=env(f"{prefix}_TIMEOUT") or None,
            metavar="SECONDS",
            help=f"per request, in total (or {prefix}_TIMEOUT; default: {DEFAULT_MODEL_TIMEOUT:g})",
        )


def _model_endpoint(args: argparse.Namespace, role: str) -> Optional[ModelEndpoint]:
    """The endpoint the flags and environment configure for ``role``, or None; raises
    ValueError with a message for the user."""
    url, model, key_env, timeout = (getattr(args, f"{role}_{o}") for o in MODEL_OPTIONS)
    flag = f"--{role}"
    if url is None and model is None:
        if key_env is not None or timeout is not None:
            raise ValueError(f"{flag}-key-env and {flag}-timeout need {flag}-url and {flag}-model")
        return None
    if url is None or model is None:
        given, missing = ("url", "model") if model is None else ("model", "url")
        raise ValueError(
            f"{flag}-{given} needs {flag}-{missing} "
            f"(or LONGMEM_SERVER_{role.upper()}_{missing.upper()})"
        )
    try:
        endpoint = ModelEndpoint(
            url, model, key_env, DEFAULT_MODEL_TIMEOUT if timeout is None else timeout
        )
    except ValueError as err:
        raise ValueError(f"{role}: {err}") from None
    if key_env is not None and not os.environ.get(key_env, "").strip():
        raise ValueError(f"{flag}-key-env names {key_env}, which is not set")
    return endpoint


def _chosen_cpu(choice: str) -> Optional[int]:
    """The CPU ``--cpu`` asks the server's threads to run on; None for every CPU.

    CPython runs one thread's Python at a time. With the threads free to move between
    cores the GIL is handed across them: under mixed load at 32 clients on 2 cores the
    server answered 746 requests/s on one CPU against 470 on both (BENCHMARKS.md,
    section 8). But a server held on a core that another busy process also uses cannot
    move away (one client then got half the rate), so it is asked for, not the default.
    """
    choice = choice.strip().lower()
    if choice == "all":
        return None
    if choice != "auto" and not (choice.isascii() and choice.isdigit()):
        raise ValueError(f"expected all, auto or a CPU number, got {choice!r}")
    if not hasattr(os, "sched_setaffinity"):
        raise ValueError("running on one CPU needs Linux (sched_setaffinity)")
    allowed = sorted(os.sched_getaffinity(0))
    if choice == "auto":
        # One CPU already, or a free-threaded Python whose threads do run at once.
        gil = getattr(sys, "_is_gil_enabled", lambda: True)()
        return allowed[os.getpid() % len(allowed)] if len(allowed) > 1 and gil else None
    if int(choice) not in allowed:
        shown = ", ".join(map(str, allowed))
        raise ValueError(f"CPU {int(choice)} is not one this process may use ({shown})")
    return int(choice)


def _search_processes(choice: str) -> int:
    """How many search processes ``--search-processes`` asks for."""
    choice = choice.strip().lower()
    if choice == "auto":
        # One per CPU: the server's own process mostly waits for them; on 2 CPUs one
        # answered 547–644 requests/s, two 634–727, three 636 (BENCHMARKS.md, section 8).
        # On one CPU none: another process there only takes turns with the server's.
        usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
        count = min(usable or os.cpu_count() or 1, MAX_SEARCH_PROCESSES)
        return count if count > 1 else 0
    if not (choice.isascii() and choice.isdigit()) or int(choice) > MAX_SEARCH_PROCESSES:
        raise ValueError(
            f"expected auto or a number from 0 to {MAX_SEARCH_PROCESSES}, got {choice!r}"
        )
    return int(choice)


def _search_cpus(cpu: Optional[int]) -> list[int]:
    """The CPUs search processes may run on: when the server's threads are held on one
    (``--cpu``), every CPU it could use before (a process started from a thread held on
    one would be held there too); else none, meaning the server's."""
    return [] if cpu is None else sorted(os.sched_getaffinity(0))


def _pin(cpu: Optional[int]) -> Optional[set[int]]:
    """This thread, and every thread it starts, on ``cpu`` (None: as it is); the CPUs it
    had, for ``_unpin``. OSError if the system refuses."""
    if cpu is None:
        return None
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {cpu})
    return before


def _unpin(before: Optional[set[int]]) -> None:
    """The CPUs ``_pin`` took back, for a caller of main() in its own process; if they are
    gone, it keeps the one it has."""
    if before is not None:
        with suppress(OSError):
            os.sched_setaffinity(0, before)


def _connector_roots(flags: Optional[list[str]]) -> dict[str, list[str]]:
    """tenant → folders from the flags, else from the environment."""
    if not flags:
        flags = [part for part in os.environ.get(ROOTS_ENV, "").split(os.pathsep) if part.strip()]
    grants: dict[str, list[str]] = {}
    for value in flags:
        match = _ROOT_GRANT.fullmatch(value)
        tenant, folder = match.groups() if match else (DEFAULT_TENANT, value)
        grants.setdefault(tenant, []).append(folder)
    return grants


def _tenant_keys(flags: Optional[list[str]], dest: str) -> dict[str, str]:
    """tenant → key from the flags, else from the environment; raises ValueError with a
    message for the user."""
    flag, env_name = TENANT_KEY_FLAGS[dest]
    if not flags:
        flags = [part for part in os.environ.get(env_name, "").split(",") if part.strip()]
    keys: dict[str, str] = {}
    for value in flags:
        match = _TENANT_KEY.fullmatch(value.strip())
        if match is None:
            raise ValueError(
                f"{flag} (or {env_name}) takes TENANT=KEY, a tenant of letters, digits, "
                "'_', '.' and '-'; got a value without one"
            )
        tenant, key = match.groups()
        if tenant in keys:
            raise ValueError(f"{flag} gives tenant {tenant!r} two keys; give it one")
        keys[tenant] = key
    return keys


def _fetch_allow(flags: Optional[list[str]]) -> list[str]:
    """The fetch allow-list from the flags, else from the environment."""
    if flags:
        return flags
    return [part for part in os.environ.get(FETCH_ALLOW_ENV, "").split(",") if part.strip()]


def _shown_roots(grants: dict[str, tuple[str, ...]]) -> str:
    shown = [
        f"{folder} ({'every tenant' if tenant == EVERY_TENANT else f'tenant {tenant}'})"
        for tenant, folders in grants.items()
        for folder in folders
    ]
    return "; ".join(shown) or "none (grant a folder with --connector-root)"


def _exports(server: LocalServer, args: argparse.Namespace) -> str:
    """The `export` line that points a shell at this server: the key as generated, or
    by reference when it came from the environment (never copied into a log from there)."""
    exports = [f"LONGMEM_BASE_URL={shlex.quote(server.url)}"]
    given = [
        (key, f"LONGMEM_SERVER_{kind}")
        for key, kind in (
            (args.api_key, "API_KEY"),
            (args.admin_key, "ADMIN_KEY"),
            (args.read_only_key, "READ_ONLY_KEY"),
        )
        if key
    ]
    if server.generated_key:
        exports.append(f"LONGMEM_API_KEY={shlex.quote(str(server.api_key))}")
    elif given:
        key, env_name = given[0]
        shown = f'"${env_name}"' if key == os.environ.get(env_name) else shlex.quote(key)
        exports.append(f"LONGMEM_API_KEY={shown}")
    line = "export " + " ".join(exports)
    if len(exports) == 1:
        line += f"  # and LONGMEM_API_KEY: a key stored in {args.db}"
    return line


# How soon `serve` notices SIGTERM or Ctrl-C once its handler has run.
SIGNAL_POLL_SECONDS = 0.1


class StopSignal:
    """The handler of SIGTERM and SIGINT for ``serve``, and the wait for it.

    A signal handler runs in the main thread between any two of its bytecodes, even
    inside ``threading.Event.wait()`` while the Event holds its lock: an ``Event.set()``
    there waits forever for that lock, and the server never exits (seen once in the
    test suite: a ``serve`` still running 20 s after SIGTERM). So the handler only assigns, and the
    wait polls; ``time.sleep`` resumes after a handler, and the poll sees the change.
    """

    def __init__(self) -> None:
        self.signum: Optional[int] = None

    def __call__(self, signum: int, frame: Optional[FrameType]) -> None:
        self.signum = signum

    def wait(self, poll: float = SIGNAL_POLL_SECONDS) -> None:
        """Return once a signal has been handled."""
        while self.signum is None:
            time.sleep(poll)


def _log_requests() -> None:
    """Request lines on stderr, apart from the server's other logging."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("longmem: %(message)s"))
    requests = logging.getLogger(REQUESTS_LOGGER)
    requests.addHandler(handler)
    requests.setLevel(logging.INFO)
    requests.propagate = False


def main(argv: Optional[list[str]] = None) -> int:
    """Run until Ctrl-C or SIGTERM; returns the exit status."""
    args_in = list(sys.argv[1:] if argv is None else argv)
    if args_in[:1] == ["serve"]:
        args_in = args_in[1:]
    args = _parser().parse_args(args_in)
    try:
        tenant_keys = {dest: _tenant_keys(getattr(args, dest), dest) for dest in TENANT_KEY_FLAGS}
    except ValueError as err:
        print(f"longmem: {err}", file=sys.stderr)
        return 2
    explicit = [args.api_key, args.read_only_key, args.admin_key]
    explicit += [key for keys in tenant_keys.values() for key in keys.values()]
    if not is_loopback(args.host) and not any(explicit):
        print(
            f"longmem: refusing to listen on {args.host} without an explicit key "
            "(--api-key or LONGMEM_SERVER_API_KEY)",
            file=sys.stderr,
        )
        return 2
    if not 0 <= args.port <= PORT_MAX:
        print(f"longmem: --port must be between 0 and {PORT_MAX}, got {args.port}", file=sys.stderr)
        return 2
    if args.rate_limit is not None and args.rate_limit < 1:
        print("longmem: --rate-limit must be at least 1", file=sys.stderr)
        return 2
    if args.max_connections is not None and args.max_connections < 1:
        print("longmem: --max-connections must be at least 1", file=sys.stderr)
        return 2
    roots = _connector_roots(args.connector_roots)
    for root in (folder for folders in roots.values() for folder in folders):
        if not os.path.isdir(os.path.expanduser(root)):
            print(f"longmem: connector root {root!r} is not a directory", file=sys.stderr)
            return 2
    fetch_allow = _fetch_allow(args.fetch_allow)
    try:
        FetchPolicy.from_entries(fetch_allow)
    except ValueError as err:
        print(f"longmem: --fetch-allow: {err}", file=sys.stderr)
        return 2
    try:
        cpu = _chosen_cpu(args.cpu)
    except ValueError as err:
        print(f"longmem: --cpu: {err}", file=sys.stderr)
        return 2
    try:
        search_processes = _search_processes(args.search_processes)
    except ValueError as err:
        print(f"longmem: --search-processes: {err}", file=sys.stderr)
        return 2
    try:
        extractor_at = _model_endpoint(args, "extractor")
        embedder_at = _model_endpoint(args, "embedder")
    except ValueError as err:
        print(f"longmem: {err}", file=sys.stderr)
        return 2
    extractor = None
    if extractor_at is not None:
        extractor = ModelExtractor(extractor_at, fallback=RuleExtractor())
    embedder = None if embedder_at is None else ModelEmbedder(embedder_at)
    meaning: bool = args.meaning  # argparse applies the type to the environment's default too

    try:
        server = LocalServer(
            db_path=args.db,
            api_key=args.api_key,
            read_only_key=args.read_only_key,
            admin_key=args.admin_key,
            rate_limit=args.rate_limit,
            host=args.host,
            port=args.port,
            connector_roots=roots,
            extractor=extractor,
            embedder=embedder,
            meaning=meaning,
            allow_private_fetch=args.allow_private_fetch,
            fetch_allow=fetch_allow,
            max_connections=args.max_connections,
            idle_timeout=args.idle_timeout or DEFAULT_IDLE_TIMEOUT,
            request_timeout=args.request_timeout or DEFAULT_REQUEST_TIMEOUT,
            header_timeout=args.header_timeout or DEFAULT_HEADER_TIMEOUT,
            tenant_keys=tenant_keys["tenant_keys"],
            tenant_read_only_keys=tenant_keys["tenant_read_only_keys"],
            search_processes=search_processes,
            search_cpus=_search_cpus(cpu),
        )
    except ValueError as err:  # a key given twice, an embedder search processes cannot use
        print(f"longmem: {err}", file=sys.stderr)
        return 2
    if args.log_requests:
        _log_requests()
    try:
        before = _pin(cpu)
    except OSError as err:
        print(f"longmem: --cpu: cannot run on CPU {cpu}: {err.strerror}", file=sys.stderr)
        return 1
    if embedder is not None:
        ranks = embedder.name
    else:
        ranks = MEANING_NAME if meaning else "built-in vectors only"
    models = (
        "extractor: "
        + ("rules" if extractor is None else f"{extractor.name} (the rules when it fails)")
        + f"; embedder: {ranks}"
    )
    tenants = sorted({tenant for keys in tenant_keys.values() for tenant in keys})
    try:
        return _serve(
            server, args, tenants=tenants, fetch_allow=fetch_allow, models=models, cpu=cpu
        )
    finally:
        _unpin(before)


def _serve(
    server: LocalServer,
    args: argparse.Namespace,
    *,
    tenants: list[str],
    fetch_allow: list[str],
    models: str,
    cpu: Optional[int],
) -> int:
    """Start the built server, say where it is and run it until a signal; the status."""
    try:
        server.start()
    except ValueError as err:  # a key the database already holds for another tenant or role
        print(f"longmem: {err}", file=sys.stderr)
        return 2
    except sqlite3.Error as err:
        print(f"longmem: cannot open the database {args.db}: {err}", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"longmem: cannot listen on {args.host}:{args.port}: {err}", file=sys.stderr)
        return 1

    stop = StopSignal()
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if server.generated_key:
        print(f"longmem: generated API key (shown only now, keep it): {server.api_key}")
    elif server.api_key is None:
        print(f"longmem: using the keys already stored in {args.db} (pass --api-key to add one)")
    if tenants:
        print(f"longmem: keys from the flags for tenants: {', '.join(tenants)}")
    print(f"longmem: directory connectors may read inside: {_shown_roots(server.connector_roots)}")
    if args.allow_private_fetch or fetch_allow:
        allowed = "every address" if args.allow_private_fetch else ", ".join(fetch_allow)
        print(f"longmem: connectors may fetch from private addresses: {allowed}")
    print(f"longmem: {models}")
    if cpu is not None:
        print(f"longmem: running on CPU {cpu} (--cpu all for every CPU)")
    if server.search_processes:
        count = server.search_processes
        shown = f"{count} search process" + ("es" if count > 1 else "")
        cpus = server.search_cpus
        where = f" on CPUs {', '.join(map(str, cpus))}" if cpus else ""
        print(f"longmem: searches run in {shown}{where} (--search-processes)")
    print(f"longmem: local server listening on {server.url} (db {args.db})")
    print("longmem: to use it from a shell (the SDK and the longmem command read these):")
    print(_exports(server, args), flush=True)
    try:
        stop.wait()
    finally:
        busy = server.requests_in_flight
        if busy:
            print(
                f"longmem: stopping: answering {busy} request(s) in flight "
                f"(for at most {server.shutdown_grace:g} s)",
                flush=True,
            )
        server.stop()
        print("longmem: stopped", flush=True)
    return 0
