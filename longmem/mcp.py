"""`python -m longmem mcp`: the memory tools as a stdio MCP server, standard library only.

Newline-delimited JSON-RPC 2.0 on stdin/stdout: stdout carries protocol messages and
nothing else (logs go to stderr). The tools are `MemoryTools`' (longmem.agent), so an
MCP host and an OpenAI or Anthropic loop see the same definitions. Requests are answered
one at a time, in order; the process exits when stdin closes.

A tool result's `structuredContent` carries what the model reads, not the stored objects
whole: each memory's id, text, category, importance, container tag, dates
(`valid_from`, `created_at`, `updated_at`), and where the tool has them its search
`score` and `is_latest`, or a remembered fact's `relation` and `supersedes`; each
tool's `outputSchema` declares exactly that (`MemoryTools.mcp_content`).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
import threading

from . import __version__
from ._constants import API_KEY_ENV
from ._protocol import DEFAULT_COLLECTION
from ._typing import TYPE_CHECKING
from .agent import MemoryTools
from .client import Longmem
from .errors import (
    AuthenticationError,
    InvalidArgumentError,
    LongmemConnectionError,
    LongmemError,
    NotFoundError,
    no_such_route,
)

if TYPE_CHECKING:
    from typing import Any, BinaryIO, Callable, Optional

    from .server import LocalServer

# Oldest first; `initialize` echoes the client's version when it is one of these, else
# offers the newest, as the MCP lifecycle asks.
PROTOCOL_VERSIONS = ("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25")
PARSE_ERROR = -32700
INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602
INTERNAL_ERROR = -32603
_INSTRUCTIONS = (
    "Long-term memory about the user. Search it before answering questions that depend "
    "on the user; remember what the user tells you about themselves."
)


def main(argv: Optional[list[str]] = None) -> int:
    """Run the stdio MCP server until stdin closes; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.local is not None and (args.api_key is not None or args.base_url is not None):
        # Not an argparse group: --api-key and --base-url go together, and only --local
        # excludes them (it mints its own key for its own server).
        parser.error("--local runs its own server: --api-key and --base-url do not apply")
    key = os.environ.get(API_KEY_ENV, "") if args.api_key is None else args.api_key
    if args.local is None and not key.strip():
        # A usage error (exit 2), as in the other commands; the SDK's message names api_key=.
        parser.error(f"no API key: pass --api-key KEY or set {API_KEY_ENV}, or --local PATH")
    server = None
    try:
        if args.local is not None:
            server, client = _local(args.local)
        else:
            client = Longmem(api_key=args.api_key, base_url=args.base_url)
        tools = MemoryTools(
            client,
            collection=args.collection,
            container_tag=args.container_tag,
            read_only=args.read_only,
        )
    except LongmemError as exc:  # as the CLI does: 2 for a bad argument, else 1
        sys.stderr.write(f"longmem mcp: error: {exc}\n")
        if server is not None:
            server.stop()
        return 2 if isinstance(exc, InvalidArgumentError) else 1
    _log(f"serving {len(tools.names)} tools on stdio ({client.base_url})")
    check = None
    if server is None:
        # A wrong key or URL would otherwise show only in the model's tool results: say
        # so in the host's log at once, without holding up the host's first request.
        check = threading.Thread(target=_check_access, args=(key, client.base_url), daemon=True)
        check.start()
    try:
        serve(tools, sys.stdin.buffer, sys.stdout.buffer)
    except KeyboardInterrupt:
        return 130
    finally:
        client.close()
        if server is not None:
            server.stop()
        if check is not None:
            check.join(_CHECK_WAIT)  # its line, if it is about to come, before we exit
    return 0


# How long the access check may take (one attempt), and how long an exit waits for it.
_CHECK_TIMEOUT = 10.0
_CHECK_WAIT = 2.0


def _check_access(key: str, base_url: str) -> None:
    """One read with the key (the collections list), and a line in the log when it
    fails: a key the service refuses, an address with no memory API, or none at all."""
    try:
        with Longmem(api_key=key, base_url=base_url, timeout=_CHECK_TIMEOUT, max_retries=0) as mem:
            mem.collections()
    except AuthenticationError as exc:
        _log(
            f"warning: {base_url} refused the API key ({exc}); every tool call will fail "
            f"until --api-key or {API_KEY_ENV} is right"
        )
    except NotFoundError as exc:
        if no_such_route(exc):
            _log(f"warning: {base_url} has no memory API routes ({exc}); check --base-url")
    except LongmemConnectionError as exc:
        _log(f"warning: cannot reach {base_url} ({exc}); the tools fail until it answers")
    except LongmemError as exc:
        _log(f"warning: checking {base_url}: {exc}")
    else:
        _log(f"{base_url} accepts the API key")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="longmem mcp",
        description="Serve the memory tools to an MCP host (Claude Desktop, Claude Code, "
        "Cursor, VS Code, ...) over stdio.",
        epilog="Without --local: the service at LONGMEM_BASE_URL with LONGMEM_API_KEY.",
    )
    parser.add_argument(
        "--local",
        metavar="PATH",
        help="run an embedded local server on this SQLite file (created if missing)",
    )
    parser.add_argument("--api-key", help="API key (default: $LONGMEM_API_KEY)")
    parser.add_argument("--base-url", help="API URL (default: $LONGMEM_BASE_URL or hosted)")
    parser.add_argument(
        "--collection",
        default=DEFAULT_COLLECTION,
        help=f"where the memories live (default: {DEFAULT_COLLECTION})",
    )
    parser.add_argument("--container-tag", help="whose memories: a user or group id")
    parser.add_argument(
        "--read-only", action="store_true", help="offer only the tools that change nothing"
    )
    return parser


def _local(path: str) -> tuple[LocalServer, Longmem]:
    """An embedded local server on `path`, and a client of it with a key minted now."""
    import sqlite3

    from .server import LocalServer

    # A host starts us without a shell: "~" is ours to expand, and the folder ours to make.
    path = os.path.expanduser(path)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise LongmemError(f"cannot create {folder}: {exc.strerror}") from None
    key = "lm_mcp_" + os.urandom(16).hex()
    # No connector roots: the tools never sync connectors, so none may read any folder.
    server = LocalServer(db_path=path, api_key=key, connector_roots=[])
    try:
        server.start()
    except (sqlite3.Error, OSError) as exc:
        raise LongmemError(f"cannot open the database {path}: {exc}") from None
    return server, Longmem(api_key=key, base_url=server.url)


def serve(tools: MemoryTools, stdin: BinaryIO, stdout: BinaryIO) -> None:
    """Answer JSON-RPC messages from `stdin`, one per line, until it closes. Meanwhile
    `sys.stdout` is stderr, so a stray print cannot corrupt the protocol stream, and a
    failing tool's traceback (logger longmem.agent) goes to stderr, the host's log."""
    session = _Session(tools)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("longmem mcp: %(message)s"))
    agent_log = logging.getLogger("longmem.agent")
    agent_log.addHandler(handler)
    with contextlib.ExitStack() as cleanup:
        cleanup.callback(agent_log.removeHandler, handler)
        cleanup.enter_context(contextlib.redirect_stdout(sys.stderr))
        for line in stdin:
            if not line.strip():
                continue
            reply = session.handle(line)
            if reply is not None:
                # ASCII JSON in bytes: whatever the console's encoding and newline
                # translation, and no U+2028 for a reader that splits lines on it.
                stdout.write(json.dumps(reply, separators=(",", ":")).encode() + b"\n")
                stdout.flush()


class _Session:
    """One client's conversation: what it negotiated, and the answer to each message."""

    def __init__(self, tools: MemoryTools) -> None:
        self.tools = tools
        self.protocol_version: Optional[str] = None
        # Looked up before the params are checked: an unknown method is -32601 whatever
        # it was sent with.
        self._methods: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
            "initialize": self._initialize,
            "ping": lambda params: {},
            "tools/list": lambda params: {"tools": self._tools()},
            "tools/call": self._call,
        }

    def handle(self, line: bytes) -> Optional[dict[str, Any]]:
        """The reply to one line, or None for a notification or a client's response."""
        try:
            message = json.loads(line)
        except (ValueError, RecursionError) as exc:
            return _error(None, PARSE_ERROR, f"Parse error: {exc}")
        if isinstance(message, list):
            # Batches were in 2025-03-26 only, and no client sends them.
            return _error(None, INVALID_REQUEST, "Invalid Request: batches are not supported")
        if not isinstance(message, dict):
            return _error(None, INVALID_REQUEST, "Invalid Request: not a JSON-RPC 2.0 message")
        # JSON-RPC answers an invalid request with its id when the id can be read.
        raw_id = message.get("id")
        readable = isinstance(raw_id, (str, int, float)) and not isinstance(raw_id, bool)
        request_id = raw_id if readable else None
        if message.get("jsonrpc") != "2.0":
            return _error(
                request_id, INVALID_REQUEST, "Invalid Request: not a JSON-RPC 2.0 message"
            )
        if raw_id is not None and not readable:
            return _error(None, INVALID_REQUEST, "Invalid Request: id must be a string or number")
        method = message.get("method")
        if "id" not in message:
            return None  # notifications (initialized, cancelled, ...) need no answer
        if not isinstance(method, str):
            # A response to a request of ours: we send none, so there is nothing to match.
            if "result" in message or "error" in message:
                return None
            return _error(request_id, INVALID_REQUEST, "Invalid Request: no method")
        if raw_id is None:
            # MCP, unlike JSON-RPC, has no null id: a result with id null answers nothing.
            return _error(None, INVALID_REQUEST, "Invalid Request: id must be a string or number")
        answer = self._methods.get(method)
        if answer is None:
            return _error(request_id, METHOD_NOT_FOUND, f"Method not found: {method}")
        params = message.get("params")
        if params is None:
            params = {}
        if not isinstance(params, dict):
            return _error(request_id, INVALID_PARAMS, "Invalid params: must be an object")
        try:
            result = answer(params)
        except _InvalidParams as exc:
            return _error(request_id, INVALID_PARAMS, f"Invalid params: {exc}")
        except Exception as exc:  # a bug of ours: answer it, and keep serving the host
            import traceback

            traceback.print_exc(file=sys.stderr)
            return _error(request_id, INTERNAL_ERROR, f"Internal error: {exc!r}")
        return {"jsonrpc": "2.0", "id": request_id, "result": result}

    def _initialize(self, params: dict[str, Any]) -> dict[str, Any]:
        asked = params.get("protocolVersion")
        version = asked if asked in PROTOCOL_VERSIONS else PROTOCOL_VERSIONS[-1]
        self.protocol_version = version
        client = params.get("clientInfo")
        name = client.get("name") if isinstance(client, dict) else None
        _log(f"initialize from {name or 'a client'}: asked for {asked}, answering {version}")
        return {
            "protocolVersion": version,
            "capabilities": {"tools": {"listChanged": False}},
            "serverInfo": {"name": "longmem", "title": "Longmem memory", "version": __version__},
            "instructions": _INSTRUCTIONS,
        }

    def _tools(self) -> list[dict[str, Any]]:
        tools = self.tools.mcp()
        if self._structured:
            return tools
        return [{k: v for k, v in tool.items() if k != "outputSchema"} for tool in tools]

    @property
    def _structured(self) -> bool:
        """Whether the negotiated version has outputSchema and structuredContent (2025-06-18
        on); a client that skipped initialize gets the newest behaviour."""
        return self.protocol_version not in PROTOCOL_VERSIONS[:2]

    def _call(self, params: dict[str, Any]) -> dict[str, Any]:
        name = params.get("name")
        if not isinstance(name, str) or name not in self.tools.names:
            raise _InvalidParams(
                f"unknown tool {name!r}; the tools are {', '.join(self.tools.names)}"
            )
        result = self.tools.call(name, params.get("arguments"))
        answer: dict[str, Any] = {
            "content": [{"type": "text", "text": result.text}],
            "isError": result.is_error,
        }
        # It must match the tool's outputSchema; an error result has none to match.
        content = self.tools.mcp_content(result)
        if content is not None and self._structured:
            answer["structuredContent"] = content
        return answer


class _InvalidParams(Exception):
    pass


def _error(request_id: Any, code: int, message: str) -> dict[str, Any]:
    return {"jsonrpc": "2.0", "id": request_id, "error": {"code": code, "message": message}}


def _log(message: str) -> None:
    sys.stderr.write(f"longmem mcp: {message}\n")
    sys.stderr.flush()
