"""The official `mcp` client drives `python -m longmem mcp` over stdio, against a real
local server reached through LONGMEM_BASE_URL / LONGMEM_API_KEY."""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import pytest

from longmem import Longmem
from longmem.server import LocalServer

from .conftest import KEY
from .test_definitions import ALL
from .test_mcp_stdio import _env

if sys.version_info < (3, 10):  # pragma: no cover - depends on the interpreter
    pytest.skip("the official mcp package needs Python 3.10 or newer", allow_module_level=True)
mcp = pytest.importorskip("mcp", reason="the official mcp client is a test extra")
from mcp.client.stdio import StdioServerParameters, stdio_client  # noqa: E402


def _run(local_server: LocalServer, collection: str, scenario: Any) -> Any:
    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "longmem", "mcp", "--collection", collection],
        env=_env(LONGMEM_API_KEY=KEY, LONGMEM_BASE_URL=local_server.url),
    )

    async def session() -> Any:
        async with stdio_client(params) as (read, write), mcp.ClientSession(read, write) as client:
            await client.initialize()
            return await scenario(client)

    return asyncio.run(asyncio.wait_for(session(), timeout=60))


def _wire(result: Any) -> Any:
    """A result as it went over the wire (mcp 1.x and 2.x name their attributes apart)."""
    return result.model_dump(by_alias=True, exclude_none=True)


def _text(result: Any) -> str:
    return "".join(block["text"] for block in result["content"] if block["type"] == "text")


def test_the_client_lists_the_tools(local_server: LocalServer, collection: str) -> None:
    async def scenario(client: Any) -> Any:
        return _wire(await client.list_tools())

    listed = _run(local_server, collection, scenario)
    assert [tool["name"] for tool in listed["tools"]] == ALL
    by_name = {tool["name"]: tool for tool in listed["tools"]}
    assert by_name["forget_memories"]["annotations"]["destructiveHint"] is True
    assert by_name["search_memories"]["annotations"]["readOnlyHint"] is True
    assert by_name["search_memories"]["inputSchema"]["required"] == ["query"]
    assert by_name["search_memories"]["outputSchema"]["type"] == "object"


def test_the_client_calls_every_tool(
    local_server: LocalServer, collection: str, mem: Longmem
) -> None:
    async def scenario(client: Any) -> dict[str, Any]:
        results = {}
        remembered = await client.call_tool("remember", {"text": "I live in Oslo."})
        results["remember"] = _wire(remembered)
        added = _wire(await client.call_tool("add_memory", {"text": "Standup is at 9:30"}))
        results["add_memory"] = added
        memory_id = added["structuredContent"]["memory"]["id"]
        for name, arguments in [
            ("search_memories", {"query": "where do I live"}),
            ("get_memory", {"memory_id": memory_id}),
            ("update_memory", {"memory_id": memory_id, "text": "Standup is at 10"}),
            ("list_memories", {"limit": 10}),
            ("get_profile", {}),
            ("delete_memory", {"memory_id": memory_id}),
            ("forget_memories", {"query": "where the user lives"}),
        ]:
            results[name] = _wire(await client.call_tool(name, arguments))
        return results

    results = _run(local_server, collection, scenario)
    assert sorted(results) == sorted(ALL)
    assert all(result["isError"] is False for result in results.values())
    assert "User lives in Oslo" in _text(results["remember"])
    assert "User lives in Oslo" in _text(results["search_memories"])
    assert "Standup is at 9:30" in _text(results["get_memory"])
    assert "Standup is at 10" in _text(results["update_memory"])
    assert "Oslo" in _text(results["get_profile"])
    assert results["delete_memory"]["structuredContent"]["deleted"]
    assert "Deleted 1" in _text(results["forget_memories"])
    assert mem.list_memories(collection=collection) == []  # the tools did act on the server


def test_the_client_sees_failures_as_error_results(
    local_server: LocalServer, collection: str
) -> None:
    async def scenario(client: Any) -> list[Any]:
        return [
            _wire(await client.call_tool("get_memory", {"memory_id": "mem_missing"})),
            _wire(await client.call_tool("update_memory", {"memory_id": "mem_missing"})),
            _wire(await client.call_tool("add_memory", {"text": ""})),
        ]

    results = _run(local_server, collection, scenario)
    assert [result["isError"] for result in results] == [True, True, True]
    assert all(_text(result).startswith("Error: ") for result in results)
