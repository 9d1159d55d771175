"""The tool definitions: valid schemas in every rendering, and every parameter used."""

from __future__ import annotations

import inspect
import re
from typing import Any

import pytest

from longmem import InvalidArgumentError, Longmem
from longmem.agent import MemoryTools

NAME = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")
ALL = [
    "remember",
    "search_memories",
    "add_memory",
    "get_memory",
    "update_memory",
    "delete_memory",
    "forget_memories",
    "list_memories",
    "get_profile",
]
READ_ONLY = ["search_memories", "get_memory", "list_memories", "get_profile"]


def _input_schemas(tools: MemoryTools) -> list[dict[str, Any]]:
    return (
        [spec["function"]["parameters"] for spec in tools.openai()]
        + [spec["parameters"] for spec in tools.openai_responses()]
        + [spec["input_schema"] for spec in tools.anthropic()]
        + [spec["inputSchema"] for spec in tools.mcp()]
    )


@pytest.fixture(params=[False, True], ids=["host-scope", "model-scope"])
def offline(request: pytest.FixtureRequest) -> MemoryTools:
    # Rendering does no I/O: a client of an address nobody listens on is enough.
    client = Longmem(api_key="k", base_url="http://127.0.0.1:9")
    return MemoryTools(client, collection="assistant", model_scope=request.param)


def test_all_tools_offered_by_default_with_names_the_apis_accept(offline: MemoryTools) -> None:
    assert offline.names == ALL
    for render in (offline.openai(), offline.anthropic(), offline.mcp()):
        names = [spec.get("name") or spec["function"]["name"] for spec in render]
        assert names == ALL
        assert all(NAME.match(name) for name in names)


def test_every_schema_is_valid_json_schema(offline: MemoryTools) -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a test extra")
    for schema in _input_schemas(offline):
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["type"] == "object"
        assert schema["additionalProperties"] is False
        assert set(schema["required"]) <= set(schema["properties"])
    for spec in offline.mcp():
        jsonschema.Draft202012Validator.check_schema(spec["outputSchema"])
        assert spec["outputSchema"]["type"] == "object"


def test_openai_schemas_are_strict_compatible(offline: MemoryTools) -> None:
    for render in (
        [spec["function"] for spec in offline.openai()],
        offline.openai_responses(),
    ):
        for spec in render:
            assert spec["strict"] is True
            schema = spec["parameters"]
            assert schema["additionalProperties"] is False
            assert sorted(schema["required"]) == sorted(schema["properties"])
            for name, prop in schema["properties"].items():
                optional = name not in ("text", "query", "memory_id") or (
                    spec["name"] == "update_memory" and name == "text"
                )
                assert ("null" in prop["type"]) == optional, (spec["name"], name)


def test_anthropic_and_mcp_require_only_what_is_required(offline: MemoryTools) -> None:
    search = {spec["name"]: spec for spec in offline.anthropic()}["search_memories"]
    assert search["input_schema"]["required"] == ["query"]
    assert search["input_schema"]["properties"]["limit"]["type"] == "integer"
    assert set(search) == {"name", "description", "input_schema"}
    mcp = {spec["name"]: spec for spec in offline.mcp()}["search_memories"]
    assert mcp["inputSchema"] == search["input_schema"]


def test_the_renderings_share_one_description_per_tool(offline: MemoryTools) -> None:
    chat = [spec["function"]["description"] for spec in offline.openai()]
    assert chat == [spec["description"] for spec in offline.openai_responses()]
    assert chat == [spec["description"] for spec in offline.anthropic()]
    assert chat == [spec["description"] for spec in offline.mcp()]
    assert all("Returns" in description for description in chat)


def test_get_memory_says_when_to_call_it(offline: MemoryTools) -> None:
    (description,) = [s["description"] for s in offline.anthropic() if s["name"] == "get_memory"]
    assert "when you need it again after a search or list" in description


def test_scope_is_offered_to_the_model_only_when_the_host_opts_in(offline: MemoryTools) -> None:
    properties = {s["name"]: s["input_schema"]["properties"] for s in offline.anthropic()}
    scoped = [name for name, props in properties.items() if "collection" in props]
    assert scoped == (ALL if offline.model_scope else [])


def test_mcp_annotations_say_what_each_tool_does(offline: MemoryTools) -> None:
    hints = {spec["name"]: spec["annotations"] for spec in offline.mcp()}
    assert [name for name, hint in hints.items() if hint["readOnlyHint"]] == READ_ONLY
    assert [name for name, hint in hints.items() if hint["destructiveHint"]] == [
        "delete_memory",
        "forget_memories",
    ]
    assert hints["search_memories"]["idempotentHint"] is True
    assert hints["add_memory"]["idempotentHint"] is False
    assert all(spec["title"] for spec in offline.mcp())


def test_read_only_offers_only_tools_that_change_nothing() -> None:
    client = Longmem(api_key="k", base_url="http://127.0.0.1:9")
    assert MemoryTools(client, read_only=True).names == READ_ONLY
    tools = MemoryTools(client, include=["search_memories", "add_memory"], read_only=True)
    assert tools.names == ["search_memories"]


def test_include_and_exclude_pick_tools_by_name() -> None:
    client = Longmem(api_key="k", base_url="http://127.0.0.1:9")
    assert MemoryTools(client, include=["get_profile", "remember"]).names == [
        "get_profile",
        "remember",
    ]
    excluded = MemoryTools(client, exclude=["delete_memory", "forget_memories"]).names
    assert excluded == [name for name in ALL if name not in ("delete_memory", "forget_memories")]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"include": ["search", "remember"]}, "include names unknown tool(s) search"),
        ({"exclude": "remember"}, "exclude must be a list of tool names"),
        ({"include": ["add_memory"], "read_only": True}, "leave no tool to offer"),
        ({"collection": ""}, "collection must not be empty"),
        ({"container_tag": ""}, "container_tag"),
    ],
)
def test_bad_configuration_is_refused_at_once(kwargs: dict[str, Any], message: str) -> None:
    client = Longmem(api_key="k", base_url="http://127.0.0.1:9")
    with pytest.raises(InvalidArgumentError, match=re.escape(message)):
        MemoryTools(client, **kwargs)


def test_an_async_client_is_refused_at_once() -> None:
    # Its methods return coroutines the tools would never await: every call would fail.
    from longmem import AsyncLongmem

    client = AsyncLongmem(api_key="k", base_url="http://127.0.0.1:9")
    with pytest.raises(InvalidArgumentError, match=re.escape("not AsyncLongmem")) as refused:
        MemoryTools(client)  # type: ignore[arg-type]
    assert "asyncio.to_thread(tools.run, call)" in str(refused.value)


# -- every advertised parameter reaches the client call ----------------------------------


class _Spy:
    """The real client, recording each method call's arguments by parameter name."""

    def __init__(self, client: Longmem) -> None:
        self.client = client
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.client, name)

        def record(*args: Any, **kwargs: Any) -> Any:
            bound = inspect.signature(method).bind(*args, **kwargs)
            self.calls.append((name, dict(bound.arguments)))
            return method(*args, **kwargs)

        return record


# The client's name for a tool parameter, where the two differ.
_CLIENT_NAMES = {("remember", "text"): "content"}
# The routes by id know no tags: these tools check the memory's tag instead of sending it.
_BY_ID = ("get_memory", "update_memory", "delete_memory")


@pytest.mark.parametrize("tool", ALL)
def test_every_advertised_parameter_reaches_the_client_call(
    mem: Longmem, collection: str, tool: str
) -> None:
    other = collection + "-other"
    target = mem.add("Oslo is where the user lives", collection=other, container_tag="tag-7")
    spy = _Spy(mem)
    tools = MemoryTools(spy, collection=collection, model_scope=True)  # type: ignore[arg-type]
    samples = {
        "text": "The user lives in Oslo",
        "query": "Oslo",
        "limit": 3,
        "category": "travel",
        "include_history": True,
        "importance": 0.9,
        "memory_id": target["id"],
        "collection": other,
        "container_tag": "tag-7",
    }
    schema = {spec["name"]: spec for spec in tools.anthropic()}[tool]["input_schema"]
    arguments = {name: samples[name] for name in schema["properties"]}
    if tool in _BY_ID:  # the tag is used: a memory under another tag is not found
        elsewhere = tools.call(tool, {**arguments, "container_tag": "tag-8"})
        assert elsewhere.is_error and "no memory has that id" in elsewhere.text
        del arguments["container_tag"]
    result = tools.call(tool, {**arguments, "container_tag": "tag-7"})
    assert not result.is_error, result.text
    seen = [bound for _, bound in spy.calls]
    for name, value in arguments.items():
        client_name = _CLIENT_NAMES.get((tool, name), name)
        assert any(bound.get(client_name) == value for bound in seen), (name, spy.calls)
