"""The memory tools' one table, `_TOOLS`: per tool its name, title, description for the
model, parameters, behaviour hints, output schema, and the function that runs it.

`MemoryTools` (agent.py) picks tools from the table, renders them for OpenAI, Anthropic
and MCP, and checks a call's arguments against their `_Param`s; each tool's function
here takes those checked arguments and returns (text for the model, full data for the
host), asking `MemoryTools` only for its client and the scope (collection, container
tag, whether a memory is in it). `_ModelError` is a mistake the model made, worded for
it to fix.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping

from ._context import _one_line
from ._protocol import (
    DEFAULT_FORGET_LIMIT,
    DEFAULT_IMPORTANCE,
    DEFAULT_SEARCH_LIMIT,
    MAX_LIST_LIMIT,
    MAX_SEARCH_LIMIT,
)
from ._typing import TYPE_CHECKING
from .errors import NotFoundError, no_such_route

if TYPE_CHECKING:
    from typing import Any, Callable, Optional

    from .agent import MemoryTools

# A model reading a list wants a screenful, not the protocol's 50.
DEFAULT_TOOL_LIST_LIMIT = 20
REMEMBER_SHOWN = 20  # facts a remember result lists for the model; it counts the rest
_JSON_TYPES: dict[str, Any] = {
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
}


class _ModelError(Exception):
    """A mistake the model made in a call; the message tells it what to fix."""


class _Param:
    __slots__ = ("description", "maximum", "minimum", "name", "required", "type")

    def __init__(
        self,
        name: str,
        type_: str,
        description: str,
        *,
        required: bool = False,
        minimum: Optional[float] = None,
        maximum: Optional[float] = None,
    ) -> None:
        self.name = name
        self.type = type_
        self.description = description
        self.required = required
        self.minimum = minimum
        self.maximum = maximum

    def schema(self, nullable: bool) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": [self.type, "null"] if nullable else self.type,
            "description": self.description,
        }
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        return schema

    def check(self, value: Any) -> Any:
        """The value if it fits; else a _ModelError saying what this parameter takes."""
        wanted = _JSON_TYPES[self.type]
        if self.type == "integer" and isinstance(value, float) and value % 1 == 0:
            value = int(value)  # models do send 5.0
        if isinstance(value, bool) != (self.type == "boolean") or not isinstance(value, wanted):
            raise _ModelError(
                f"argument {self.name!r} must be {_a(self.type)}, got {_json_name(value)}"
            )
        low = -math.inf if self.minimum is None else self.minimum
        high = math.inf if self.maximum is None else self.maximum
        if self.type in ("integer", "number") and not low <= value <= high:
            raise _ModelError(
                f"argument {self.name!r} must be from {low:g} to {high:g}, got {value}"
            )
        return value


class _Tool:
    __slots__ = (
        "description",
        "destructive",
        "idempotent",
        "name",
        "output",
        "params",
        "read_only",
        "run",
        "title",
    )

    def __init__(
        self,
        name: str,
        title: str,
        description: str,
        params: tuple[_Param, ...],
        run: Callable[[MemoryTools, dict[str, Any]], tuple[str, dict[str, Any]]],
        *,
        output: str,
        read_only: bool = False,
        destructive: bool = False,
        idempotent: bool = False,
    ) -> None:
        self.name = name
        self.title = title
        self.description = description
        self.params = params
        self.run = run
        self.output = output  # the key of structuredContent's list, or "memory"/"profile"
        self.read_only = read_only
        self.destructive = destructive
        self.idempotent = idempotent


# -- the tools: each takes checked arguments, returns (text for the model, full data) ----


def _remember(tools: MemoryTools, args: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    facts = tools.client.remember(
        args["text"], collection=tools._collection(args), container_tag=tools._tag(args)
    )
    if not facts:
        return (
            "No facts were found in that text, so nothing was stored. To keep it as "
            "written, call add_memory.",
            {"facts": []},
        )
    # A long text can hold hundreds of facts: the model reads the first few and how many
    # more there are, not a result longer than what it sent.
    shown = facts[:REMEMBER_SHOWN]
    lines = [f"Remembered {_count(len(facts), 'fact')}:"]
    lines += [_item(fact, note=_RELATION_NOTES.get(str(fact.get("relation")))) for fact in shown]
    if len(facts) > len(shown):
        lines.append(f"… and {len(facts) - len(shown)} more, stored too.")
    return "\n".join(lines), {"facts": list(facts)}


def _search(tools: MemoryTools, args: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    query, collection, tag = args.pop("query"), tools._collection(args), tools._tag(args)
    hits: list[dict[str, Any]] = _unless_absent(
        lambda: tools.client.search(query, collection=collection, container_tag=tag, **args), []
    )
    if not hits:
        return "No memories match that query.", {"memories": []}
    lines = [
        _item(hit, score=hit.get("score"), note=None if hit.get("is_latest", True) else "outdated")
        for hit in hits
    ]
    return "\n".join(lines), {"memories": list(hits)}


def _add(tools: MemoryTools, args: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    memory = tools.client.add(
        args.pop("text"),
        collection=tools._collection(args),
        container_tag=tools._tag(args),
        **args,
    )
    return "Stored: " + _line(memory), {"memory": dict(memory)}


def _get(tools: MemoryTools, args: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    memory = tools._scoped_memory(args["memory_id"], tools._collection(args), tools._tag(args))
    return _line(memory), {"memory": memory}


def _update(tools: MemoryTools, args: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    memory_id, collection, tag = args.pop("memory_id"), tools._collection(args), tools._tag(args)
    if not args:
        raise _ModelError("give at least one of text, importance, category to change")
    tools._require_in_scope(memory_id, collection, tag)
    memory = tools.client.update(memory_id, collection=collection, **args)
    return "Updated: " + _line(memory), {"memory": dict(memory)}


def _delete(tools: MemoryTools, args: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    memory_id, collection = args["memory_id"], tools._collection(args)
    tools._require_in_scope(memory_id, collection, tools._tag(args))
    tools.client.delete(memory_id, collection=collection)
    return f"Deleted memory {memory_id}.", {"deleted": [memory_id]}


def _forget(tools: MemoryTools, args: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    # Scoped to the host's container tag: one user's "forget" never reaches another's
    # memories. The route matches history too: "forget where I live" means the old
    # addresses as well.
    query, collection, tag = args.pop("query"), tools._collection(args), tools._tag(args)
    result: dict[str, Any] = _unless_absent(
        lambda: tools.client.forget(query, collection=collection, container_tag=tag, **args),
        {"ids": [], "memories": []},
    )
    gone = result["memories"]
    if not gone:
        return "Nothing matched, so nothing was deleted.", {"deleted": []}
    lines = [f"Deleted {_count(len(gone), 'memory', 'memories')}:"] + [_item(hit) for hit in gone]
    return "\n".join(lines), {"deleted": list(result["ids"])}


def _list(tools: MemoryTools, args: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    limit = args.get("limit", DEFAULT_TOOL_LIST_LIMIT)
    collection, tag = tools._collection(args), tools._tag(args)
    memories: list[dict[str, Any]] = _unless_absent(
        lambda: tools.client.list_memories(collection=collection, container_tag=tag, limit=limit),
        [],
    )
    if not memories:
        return "No memories stored yet.", {"memories": []}
    return "\n".join(_item(memory) for memory in memories), {"memories": list(memories)}


def _profile(tools: MemoryTools, args: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    collection, tag = tools._collection(args), tools._tag(args)
    profile: dict[str, Any] = _unless_absent(
        lambda: tools.client.profile(collection, container_tag=tag), {"profile": "", "based_on": 0}
    )
    text = str(profile.get("profile") or "").strip()
    if not text:
        return "Nothing is known about the user yet.", {"profile": dict(profile)}
    based_on = _count(int(profile.get("based_on") or 0), "memory", "memories")
    return f"{text} (from {based_on})", {"profile": dict(profile)}


_ID = _Param(
    "memory_id", "string", "The memory's id, as shown in search or list results.", required=True
)
_TEXT_FIELDS = (
    _Param("category", "string", "A short label to group it, e.g. preference, work, health."),
    _Param(
        "importance",
        "number",
        f"How much it matters, 0 to 1 (default {DEFAULT_IMPORTANCE}).",
        minimum=0,
        maximum=1,
    ),
)
_SCOPE_PARAMS = (
    _Param("collection", "string", "The collection to use (default: the host's)."),
    _Param(
        "container_tag", "string", "The user or group the memories belong to (default: the host's)."
    ),
)
_TOOLS = (
    _Tool(
        "remember",
        "Remember what the user said",
        "Save what the user has told you about themselves or their world (facts, "
        "preferences, plans, people) so you can recall it in later conversations. Pass the "
        "user's own words; the facts are extracted, and a newer fact replaces the one it "
        "updates (a new address retires the old one). Call it whenever the user shares "
        "something worth remembering. Returns the facts stored.",
        (_Param("text", "string", "What the user said, in their words.", required=True),),
        _remember,
        output="facts",
    ),
    _Tool(
        "search_memories",
        "Search memories",
        "Look up what you remember. Call it before answering anything that depends on the "
        "user's details, preferences or history. Returns the best matches, one per line: "
        "[relevance] text (id, date).",
        (
            _Param("query", "string", "What you want to know, in plain words.", required=True),
            _Param(
                "limit",
                "integer",
                f"Most results to return (default {DEFAULT_SEARCH_LIMIT}).",
                minimum=1,
                maximum=MAX_SEARCH_LIMIT,
            ),
            _Param("category", "string", "Only memories with this category."),
            _Param(
                "include_history",
                "boolean",
                "Also return outdated facts that were replaced, marked outdated, to answer "
                "questions about the past (default false).",
            ),
        ),
        _search,
        output="memories",
        read_only=True,
        idempotent=True,
    ),
    _Tool(
        "add_memory",
        "Add a memory as written",
        "Store one note exactly as written, without extracting facts: a summary, a "
        "decision, an instruction for later. For what the user says about themselves, "
        "prefer remember. Returns the stored memory with its id.",
        (_Param("text", "string", "The note to store.", required=True), *_TEXT_FIELDS),
        _add,
        output="memory",
    ),
    _Tool(
        "get_memory",
        "Get a memory",
        "Read one memory by its id, when you need it again after a search or list showed "
        "it (e.g. to check it before you update or delete it) or the user gives an id. "
        "Returns its text, id and date.",
        (_ID,),
        _get,
        output="memory",
        read_only=True,
        idempotent=True,
    ),
    _Tool(
        "update_memory",
        "Update a memory",
        "Correct one memory by its id; give only what changes. Returns the memory as now stored.",
        (_ID, _Param("text", "string", "The new text."), *_TEXT_FIELDS),
        _update,
        output="memory",
        idempotent=True,
    ),
    _Tool(
        "delete_memory",
        "Delete a memory",
        "Permanently delete one memory by its id, when the user asks you to forget that "
        "one thing or it is wrong. Returns the id deleted.",
        (_ID,),
        _delete,
        output="deleted",
        destructive=True,
        idempotent=True,
    ),
    _Tool(
        "forget_memories",
        "Forget memories about a topic",
        "Permanently delete the memories that match a description, with their older "
        'versions, when the user asks you to forget something ("forget where I work"). '
        "Returns what was deleted.",
        (
            _Param("query", "string", "What to forget, in plain words.", required=True),
            _Param(
                "limit",
                "integer",
                f"Most memories to delete (default {DEFAULT_FORGET_LIMIT}).",
                minimum=1,
                maximum=MAX_SEARCH_LIMIT,
            ),
        ),
        _forget,
        output="deleted",
        destructive=True,
    ),
    _Tool(
        "list_memories",
        "List recent memories",
        "List the most recent memories, pinned ones first. Use it to review what you know "
        "when there is no specific question. Returns one per line: text (id, date).",
        (
            _Param(
                "limit",
                "integer",
                f"Most memories to return (default {DEFAULT_TOOL_LIST_LIMIT}).",
                minimum=1,
                maximum=MAX_LIST_LIMIT,
            ),
        ),
        _list,
        output="memories",
        read_only=True,
        idempotent=True,
    ),
    _Tool(
        "get_profile",
        "Get the user's profile",
        "Get a short profile of the user, written from everything remembered. Call it at "
        "the start of a conversation to personalise your answers. Returns the profile text.",
        (),
        _profile,
        output="profile",
        read_only=True,
        idempotent=True,
    ),
)

_RELATION_NOTES = {"updates": "replaces an older fact", "duplicate": "already known"}
_NULLABLE_STRING = {"type": ["string", "null"]}
# What a model reads of a memory in MCP's structuredContent: the text, its id, its dates,
# whose it is, and what each tool's output adds (a search's score and outdated flag, a
# remembered fact's relation to the one it replaced). The other fields (source,
# metadata, images, ...) are the host's business, in ToolResult.data.
_MODEL_FIELDS: dict[str, dict[str, Any]] = {
    "id": {"type": "string"},
    "text": {"type": "string"},
    "category": {"type": "string"},
    "importance": {"type": "number"},
    "container_tag": _NULLABLE_STRING,
    "valid_from": _NULLABLE_STRING,
    "created_at": {"type": "string"},
    "updated_at": {"type": "string"},
    "is_latest": {"type": "boolean"},
    "score": {"type": "number"},
    "relation": {"type": "string"},
    "supersedes": _NULLABLE_STRING,
}
_MEMORY_SCHEMA = {"type": "object", "properties": _MODEL_FIELDS, "required": ["id", "text"]}
_OUTPUT_SCHEMAS: dict[str, dict[str, Any]] = {
    key: {
        "type": "object",
        "properties": {key: value},
        "required": [key],
    }
    for key, value in (
        ("facts", {"type": "array", "items": _MEMORY_SCHEMA}),
        ("memories", {"type": "array", "items": _MEMORY_SCHEMA}),
        ("memory", _MEMORY_SCHEMA),
        ("deleted", {"type": "array", "items": {"type": "string"}}),
        (
            "profile",
            {
                "type": "object",
                "properties": {"profile": {"type": "string"}, "based_on": {"type": "integer"}},
                "required": ["profile", "based_on"],
            },
        ),
    )
}


def _for_model(data: dict[str, Any]) -> dict[str, Any]:
    """`data` with each memory cut to the fields of _MODEL_FIELDS."""

    def trim(memory: Mapping[str, Any]) -> dict[str, Any]:
        return {key: value for key, value in memory.items() if key in _MODEL_FIELDS}

    trimmed: dict[str, Any] = {}
    for key, value in data.items():
        if key == "facts":  # as many as the text lists (REMEMBER_SHOWN)
            trimmed[key] = [trim(memory) for memory in value[:REMEMBER_SHOWN]]
        elif key == "memories":
            trimmed[key] = [trim(memory) for memory in value]
        elif key == "memory":
            trimmed[key] = trim(value)
        else:
            trimmed[key] = value
    return trimmed


def _unless_absent(read: Callable[[], Any], empty: Any) -> Any:
    """What `read` returns, or `empty` when the collection does not exist yet (the read
    routes answer 404 for it): for the model, a new user's memory is empty, not broken.
    A 404 for a path no route has is no empty memory: the base URL is wrong."""
    try:
        return read()
    except NotFoundError as exc:
        if no_such_route(exc):
            raise
        return empty


# -- text for the model ----------------------------------------------------------------


def _line(memory: Mapping[str, Any], *, score: Any = None, note: Optional[str] = None) -> str:
    """One memory as a model reads it: "[0.82] text (id mem_1, 2025-03-01, note)".

    On one line, as `context()` puts it: the text's line breaks become spaces, so no
    stored text can start a line of its own and pass, in a list, for another memory
    with an id and a score of its choosing."""
    # The date the fact became true when known, else when it was stored.
    when = str(memory.get("valid_from") or memory.get("created_at") or "")[:10]
    details = ", ".join(part for part in (f"id {memory.get('id')}", when, note) if part)
    prefix = f"[{score:.2f}] " if isinstance(score, (int, float)) else ""
    return f"{prefix}{_one_line(memory.get('text'))} ({details})"


def _count(n: int, one: str, many: Optional[str] = None) -> str:
    """ "1 fact", "3 facts", "1 memory", "2 memories"."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def _item(memory: Mapping[str, Any], *, score: Any = None, note: Optional[str] = None) -> str:
    """A memory as one line of a list."""
    return "- " + _line(memory, score=score, note=note)


def _a(json_type: str) -> str:
    return {"integer": "an integer", "boolean": "true or false"}.get(json_type, f"a {json_type}")


def _json_name(value: Any) -> str:
    for json_type in ("boolean", "integer", "number", "string"):
        if isinstance(value, _JSON_TYPES[json_type]):
            return f"{_a(json_type)} ({json.dumps(value)[:40]})"
    if value is None:
        return "null"
    return "an array" if isinstance(value, (list, tuple)) else "an object"
