"""Memory tools for agents: one definition per tool, rendered for OpenAI and Anthropic.

    from longmem import Longmem
    from longmem.agent import MemoryTools
    tools = MemoryTools(Longmem(), collection="assistant", container_tag="user-42")
    reply = client.chat.completions.create(model=..., messages=msgs, tools=tools.openai())
    for call in reply.choices[0].message.tool_calls or []:
        msgs.append(tools.run(call))

The table `_TOOLS` (in _agent_tools.py) is the one source: `openai()`,
`openai_responses()`, `anthropic()` and `mcp()` (the stdio MCP server's `tools/list`)
all render it, and `run` / `call` check a call's arguments against the same parameters
before calling the client.
Where memories live (collection, container tag) is the host's choice, not the model's,
unless the host passes `model_scope=True`.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable, Mapping

from . import _validate as check
from ._agent_tools import (
    _OUTPUT_SCHEMAS,
    _SCOPE_PARAMS,
    _TOOLS,
    _a,
    _for_model,
    _json_name,
    _ModelError,
    _Param,
    _Tool,
)

# Still importable from here, a public name; the table that uses it is _agent_tools'.
from ._agent_tools import DEFAULT_TOOL_LIST_LIMIT as DEFAULT_TOOL_LIST_LIMIT
from ._protocol import DEFAULT_COLLECTION
from ._typing import TYPE_CHECKING
from .errors import (
    InvalidArgumentError,
    LongmemAPIError,
    LongmemConnectionError,
    LongmemError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    UnprocessableEntityError,
    describe_detail,
    no_such_route,
)

if TYPE_CHECKING:
    from typing import Any, Optional

    from .client import Longmem

log = logging.getLogger("longmem.agent")


class ToolResult:
    """What a tool call produced: `text` for the model, `data` (the full objects) for the
    host (None on error), and whether it failed."""

    __slots__ = ("data", "is_error", "name", "text")

    def __init__(self, name: str, text: str, data: Optional[dict[str, Any]], is_error: bool):
        self.name = name
        self.text = text
        self.data = data
        self.is_error = is_error

    def __repr__(self) -> str:
        return f"ToolResult(name={self.name!r}, is_error={self.is_error}, text={self.text!r})"


class MemoryTools:
    """Memory tools for a model: schemas for OpenAI / Anthropic, and `run(call)` to answer.

    `collection` and `container_tag` fix where memories are read and written; with
    `model_scope=True` the tools also offer them as optional arguments (defaulting to
    these). `include` / `exclude` pick tools by name; `read_only=True` offers only the
    tools that change nothing (for untrusted agents). Making this object does no I/O.
    """

    def __init__(
        self,
        client: Longmem,
        *,
        collection: str = DEFAULT_COLLECTION,
        container_tag: Optional[str] = None,
        include: Optional[Iterable[str]] = None,
        exclude: Optional[Iterable[str]] = None,
        read_only: bool = False,
        model_scope: bool = False,
    ) -> None:
        _refuse_async(client)
        self.client = client
        self.collection = check.collection(collection)
        self.container_tag = None if container_tag is None else check.container_tag(container_tag)
        self.model_scope = check.flag(model_scope, "model_scope")
        known = {tool.name: tool for tool in _TOOLS}
        chosen = list(known) if include is None else _names(include, "include", known)
        dropped = set() if exclude is None else set(_names(exclude, "exclude", known))
        tools = [known[name] for name in chosen if name not in dropped]
        if check.flag(read_only, "read_only"):
            tools = [tool for tool in tools if tool.read_only]
        if not tools:
            raise InvalidArgumentError("include, exclude and read_only leave no tool to offer")
        self._tools = {tool.name: tool for tool in tools}

    def __repr__(self) -> str:
        return f"MemoryTools(names={self.names!r}, collection={self.collection!r})"

    @property
    def names(self) -> list[str]:
        """The names of the tools offered, in the order they are rendered."""
        return list(self._tools)

    # -- rendering ----------------------------------------------------------------------

    def openai(self) -> list[dict[str, Any]]:
        """Tools for OpenAI Chat Completions (`tools=`), strict-mode schemas."""
        return [
            {
                "type": "function",
                "function": {
                    "name": tool.name,
                    "description": tool.description,
                    "parameters": self._schema(tool, strict=True),
                    "strict": True,
                },
            }
            for tool in self._tools.values()
        ]

    def openai_responses(self) -> list[dict[str, Any]]:
        """Tools for the OpenAI Responses API (`tools=`), strict-mode schemas."""
        return [{"type": "function", **spec["function"]} for spec in self.openai()]

    def anthropic(self) -> list[dict[str, Any]]:
        """Tools for the Anthropic Messages API (`tools=`)."""
        return [
            {
                "name": tool.name,
                "description": tool.description,
                "input_schema": self._schema(tool, strict=False),
            }
            for tool in self._tools.values()
        ]

    def mcp(self) -> list[dict[str, Any]]:
        """Tools as MCP's `tools/list` describes them (schemas and behaviour hints)."""
        return [
            {
                "name": tool.name,
                "title": tool.title,
                "description": tool.description,
                "inputSchema": self._schema(tool, strict=False),
                "outputSchema": _OUTPUT_SCHEMAS[tool.output],
                "annotations": {
                    "title": tool.title,
                    "readOnlyHint": tool.read_only,
                    "destructiveHint": tool.destructive,
                    "idempotentHint": tool.idempotent,
                    # Only the host's memory store, never the open web.
                    "openWorldHint": False,
                },
            }
            for tool in self._tools.values()
        ]

    def mcp_content(self, result: ToolResult) -> Optional[dict[str, Any]]:
        """MCP's structuredContent for a result, as `mcp()`'s outputSchema declares it:
        `data` with each memory cut to what a model reads (id, text, dates, tag, score,
        ...), and a remember's facts to those its text lists; None for an error. The
        result's own `data` stays whole."""
        return None if result.data is None else _for_model(result.data)

    def _params(self, tool: _Tool) -> tuple[_Param, ...]:
        if not self.model_scope:
            return tool.params
        # Every tool, the by-id ones too: the model may search another tag, and the ids it
        # finds there must work once it names that tag (the default stays the host's).
        return tool.params + _SCOPE_PARAMS

    def _schema(self, tool: _Tool, *, strict: bool) -> dict[str, Any]:
        # Strict mode (OpenAI) needs every property required, optional ones nullable.
        params = self._params(tool)
        return {
            "type": "object",
            "properties": {p.name: p.schema(strict and not p.required) for p in params},
            "required": [p.name for p in params if strict or p.required],
            "additionalProperties": False,
        }

    # -- running ------------------------------------------------------------------------

    def run(self, call: Any) -> dict[str, Any]:
        """Answer one tool call in the shape of the API it came from.

        `call` is an OpenAI Chat Completions tool call, a Responses API `function_call`
        item or an Anthropic `tool_use` block, as a dict or as the official SDK's object.
        Returns {"role": "tool", "tool_call_id", "content"}, {"type":
        "function_call_output", "call_id", "output"} or {"type": "tool_result",
        "tool_use_id", "content", "is_error"} (the last goes in a *user* message). The
        model's mistakes and the service's failures come back as error text, never
        raised; InvalidArgumentError only if `call` is none of the three shapes or has
        no id to answer it by (the host's mistake, not the model's).
        """
        shape, call_id, name, arguments = _read_call(call)
        if isinstance(arguments, str):
            try:
                arguments = json.loads(arguments) if arguments.strip() else {}
            except ValueError as exc:
                result = self._error(name, f"the arguments are not valid JSON ({exc})")
                return _reply(shape, call_id, result)
            except RecursionError:
                result = self._error(name, "the arguments are nested too deeply to read")
                return _reply(shape, call_id, result)
        return _reply(shape, call_id, self.call(name, arguments))

    def call(self, name: Any, arguments: Any) -> ToolResult:
        """Run one tool by name with decoded arguments; returns a ToolResult, never raises
        for a wrong name or arguments, or for the service's failures."""
        tool = self._tools.get(name) if isinstance(name, str) else None
        if tool is None:
            return self._error(
                str(name), f"there is no tool {name!r}; the tools are {', '.join(self._tools)}"
            )
        try:
            args = self._arguments(tool, arguments)
            text, data = tool.run(self, args)
        except _ModelError as exc:
            return self._error(tool.name, str(exc))
        except LongmemError as exc:
            arguments = [param.name for param in self._params(tool)]
            return self._error(tool.name, _service_error(exc, arguments))
        except Exception:
            # A bug of ours or the client's: the host gets the traceback in its log, the
            # model only what to do, and the conversation goes on.
            log.exception("memory tool %s failed", tool.name)
            return self._error(
                tool.name, "an internal error happened in the memory tools; carry on without it"
            )
        return ToolResult(tool.name, text, data, False)

    def _arguments(self, tool: _Tool, arguments: Any) -> dict[str, Any]:
        if arguments is None:
            arguments = {}
        if not isinstance(arguments, Mapping):
            raise _ModelError(f"the arguments must be a JSON object, got {_json_name(arguments)}")
        params = {p.name: p for p in self._params(tool)}
        unknown = sorted(str(key) for key in arguments if key not in params)
        if unknown:
            takes = ", ".join(params) or "no arguments"
            raise _ModelError(
                f"unknown argument(s) {', '.join(unknown)}; {tool.name} takes {takes}"
            )
        args = {}
        for param in params.values():
            value = arguments.get(param.name)
            if value is None:  # strict mode sends null for an optional argument left out
                if param.required:
                    raise _ModelError(
                        f"missing required argument {param.name!r} ({_a(param.type)})"
                    )
                continue
            args[param.name] = param.check(value)
        return args

    def _error(self, name: str, problem: str) -> ToolResult:
        return ToolResult(name, f"Error: {problem}", None, True)

    # -- scope --------------------------------------------------------------------------

    def _collection(self, args: dict[str, Any]) -> str:
        return str(args.pop("collection", self.collection))

    def _tag(self, args: dict[str, Any]) -> Optional[str]:
        tag: Optional[str] = args.pop("container_tag", self.container_tag)
        return tag

    def _scoped_memory(self, memory_id: str, collection: str, tag: Optional[str]) -> dict[str, Any]:
        """The memory, if it is in scope: one under another tag than `tag` is not found."""
        memory = dict(self.client.get(memory_id, collection=collection))
        if tag is not None and memory.get("container_tag") != tag:
            detail = f"memory {memory_id} not found"
            raise NotFoundError(404, detail, body={"detail": detail})
        return memory

    def _require_in_scope(self, memory_id: str, collection: str, tag: Optional[str]) -> None:
        """Before a change by id: the routes know no tags, so a tag is checked first."""
        if tag is not None:
            self._scoped_memory(memory_id, collection, tag)


# -- text for the model ----------------------------------------------------------------


def _service_error(exc: LongmemError, arguments: list[str]) -> str:
    """What went wrong at the service, worded for a model deciding what to do next;
    `arguments` are the tool's, by which a 422 names what to fix."""
    if isinstance(exc, InvalidArgumentError):
        return f"{exc}; fix the argument and call again"
    if isinstance(exc, UnprocessableEntityError):
        detail = describe_detail(exc.body, exc.detail, lambda loc: _argument_at(loc, arguments))
        return f"{detail}; fix the argument and call again"
    if isinstance(exc, NotFoundError) and no_such_route(exc):
        return (
            f"the memory service is unavailable: its address has no such route ({exc}); "
            "carry on without it"
        )
    if isinstance(exc, NotFoundError):
        return "no memory has that id here; use an id from a search or list result"
    if isinstance(exc, PermissionDeniedError):
        # The key's role (a write with a read-only key), not one memory's.
        return "the memory is read-only here; do not try to store, change or delete anything"
    if isinstance(exc, (ServerError, RateLimitError, LongmemConnectionError)):
        return f"the memory service is unavailable ({exc}); carry on without it or try later"
    if isinstance(exc, LongmemAPIError):
        return f"the memory service refused the call: {exc.detail} (HTTP {exc.status})"
    return f"the memory service failed: {exc}"


# The API's name for a tool's argument, where the two differ (remember's text).
_WIRE_NAMES = {"content": "text"}


def _argument_at(loc: list[Any], arguments: list[str]) -> Optional[str]:
    """A 422 location (`["body", "content"]`) as the model named it (`argument 'text'`),
    or None when it is none of the tool's arguments."""
    if len(loc) >= 2 and loc[0] in ("body", "query", "path") and isinstance(loc[1], str):
        name = _WIRE_NAMES.get(loc[1], loc[1])
        if name in arguments:
            return f"argument {name!r}"
    return None


# -- call and reply shapes ---------------------------------------------------------------


def _read_call(call: Any) -> tuple[str, str, Any, Any]:
    """(shape, call id, tool name, arguments) of a call, dict or SDK object."""
    field = check.field  # as `remember` reads a chat SDK's messages

    def call_id(key: str) -> str:
        # The APIs always send one; a reply without it cannot be matched to its call, so
        # the host's code is wrong, not the model.
        value = field(call, key)
        if not isinstance(value, str) or not value:
            raise InvalidArgumentError(
                f"the tool call has no {key} to answer it by (got {value!r}); pass the "
                "call as the API returned it"
            )
        return value

    kind = field(call, "type")
    if kind == "tool_use":  # Anthropic: arguments arrive decoded, as "input"
        return "anthropic", call_id("id"), field(call, "name"), field(call, "input")
    if kind == "function_call":  # Responses API: the id to answer is call_id
        return "responses", call_id("call_id"), field(call, "name"), field(call, "arguments")
    function = field(call, "function")
    if function is not None:  # Chat Completions
        return "chat", call_id("id"), field(function, "name"), field(function, "arguments")
    raise InvalidArgumentError(
        "run() takes a tool call from OpenAI Chat Completions (with .function), the "
        "Responses API (type function_call) or Anthropic (type tool_use); got "
        f"{type(call).__name__}"
    )


def _reply(shape: str, call_id: str, result: ToolResult) -> dict[str, Any]:
    if shape == "anthropic":
        return {
            "type": "tool_result",
            "tool_use_id": call_id,
            "content": result.text,
            "is_error": result.is_error,
        }
    if shape == "responses":
        return {"type": "function_call_output", "call_id": call_id, "output": result.text}
    return {"role": "tool", "tool_call_id": call_id, "content": result.text}


def _refuse_async(client: Any) -> None:
    """An AsyncLongmem's methods return coroutines the synchronous tools never await:
    every call would fail (a write never sent) as an internal error. Checked without
    importing it: if its module is not loaded, no client is one."""
    async_client = sys.modules.get(__name__.rpartition(".")[0] + "._async_client")
    if async_client is not None and isinstance(client, async_client.AsyncLongmem):
        raise InvalidArgumentError(
            "MemoryTools runs on Longmem, not AsyncLongmem; from a coroutine, give it a "
            "Longmem and run each call with await asyncio.to_thread(tools.run, call)"
        )


def _names(values: Any, argument: str, known: Mapping[str, Any]) -> list[str]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise InvalidArgumentError(f"{argument} must be a list of tool names")
    names = list(values)
    unknown = [str(name) for name in names if name not in known]
    if unknown:
        raise InvalidArgumentError(
            f"{argument} names unknown tool(s) {', '.join(unknown)}; the tools are "
            f"{', '.join(known)}"
        )
    return names
