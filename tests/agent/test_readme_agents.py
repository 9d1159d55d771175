"""README "Give your agent a memory": its OpenAI and Anthropic loops run with the official
SDKs against a loopback server that replays recorded model replies, and the real local
server behind the tools; its MCP config blocks start a server that answers."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from longmem import Longmem
from longmem.server import LocalServer
from tests.client.servers import Reply, ScriptedServer
from tests.test_readme import AGENT_SECTION, readme_blocks

from .conftest import KEY
from .test_definitions import ALL, READ_ONLY
from .test_mcp_stdio import _env


def _openai_reply(message: dict[str, Any]) -> Reply:
    finish = "tool_calls" if message.get("tool_calls") else "stop"
    return Reply(
        json={
            "id": "chatcmpl-" + os.urandom(4).hex(),
            "object": "chat.completion",
            "created": 1741569952,
            "model": "gpt-4.1-mini-2025-04-14",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": None, **message},
                    "finish_reason": finish,
                    "logprobs": None,
                }
            ],
            "usage": {"prompt_tokens": 200, "completion_tokens": 20, "total_tokens": 220},
        }
    )


def _tool_call(call_id: str, name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": call_id,
        "type": "function",
        "function": {"name": name, "arguments": json.dumps(arguments)},
    }


def _anthropic_reply(content: list[dict[str, Any]], stop_reason: str) -> Reply:
    return Reply(
        json={
            "id": "msg_" + os.urandom(4).hex(),
            "type": "message",
            "role": "assistant",
            "model": "claude-sonnet-4-6",
            "content": content,
            "stop_reason": stop_reason,
            "stop_sequence": None,
            "usage": {"input_tokens": 300, "output_tokens": 30},
        }
    )


# What the models answered, in the order the README's loops ask.
RECORDED = [
    _openai_reply(
        {"tool_calls": [_tool_call("call_r1", "remember", {"text": "I just moved to Lisbon!"})]}
    ),
    _openai_reply({"content": "Welcome to Lisbon! I'll remember that."}),
    _openai_reply(
        {
            "tool_calls": [
                _tool_call(
                    "call_s1",
                    "search_memories",
                    {
                        "query": "city the user lives in",
                        "limit": None,
                        "category": None,
                        "include_history": None,
                    },
                )
            ]
        }
    ),
    _openai_reply({"content": "You live in Lisbon."}),
    _anthropic_reply(
        [
            {"type": "text", "text": "Let me check my notes."},
            {
                "type": "tool_use",
                "id": "toolu_01",
                "name": "search_memories",
                "input": {"query": "where the user lives"},
            },
        ],
        "tool_use",
    ),
    _anthropic_reply([{"type": "text", "text": "These days you live in Lisbon."}], "end_turn"),
]


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch) -> Iterator[ScriptedServer]:
    """The model APIs, replaying RECORDED; the SDKs find it through their environment."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    with ScriptedServer() as server:
        server.script(*RECORDED)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
        monkeypatch.setenv("OPENAI_BASE_URL", server.url + "/v1")
        monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-test")
        monkeypatch.setenv("ANTHROPIC_BASE_URL", server.url)
        yield server


def test_the_openai_and_anthropic_loops_run_on_memory(
    local_server: LocalServer,
    model: ScriptedServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pytest.importorskip("openai", reason="the README's OpenAI loop needs the openai package")
    pytest.importorskip(
        "anthropic", reason="the README's Anthropic loop needs the anthropic package"
    )
    monkeypatch.setenv("LONGMEM_API_KEY", KEY)
    monkeypatch.setenv("LONGMEM_BASE_URL", local_server.url)
    blocks = readme_blocks("python", AGENT_SECTION)
    assert len(blocks) == 2
    for number, block in enumerate(blocks, start=1):  # each loop complete on its own
        exec(compile(block, f"README.md agent block {number}", "exec"), {"__name__": "readme"})

    assert capsys.readouterr().out.splitlines() == [
        "Welcome to Lisbon! I'll remember that.",
        "You live in Lisbon.",
        "These days you live in Lisbon.",
    ]
    asked = [(request.path, request.json()) for request in model.requests]
    assert [path for path, _ in asked] == ["/v1/chat/completions"] * 4 + ["/v1/messages"] * 2
    chat = [body for _, body in asked[:4]]
    assert [tool["function"]["name"] for tool in chat[0]["tools"]] == ALL
    # The remember call stored the fact; the model was told so.
    told = chat[1]["messages"][-1]
    assert told["role"] == "tool" and told["tool_call_id"] == "call_r1"
    assert "User lives in Lisbon" in told["content"]
    # A new conversation: the search found it.
    assert [m["role"] for m in chat[2]["messages"]] == ["system", "user"]
    found = chat[3]["messages"][-1]
    assert found["tool_call_id"] == "call_s1"
    assert found["content"].startswith("- [") and "User lives in Lisbon" in found["content"]
    claude = [body for _, body in asked[4:]]
    assert [tool["name"] for tool in claude[0]["tools"]] == ALL
    assistant, user = claude[1]["messages"][-2:]
    assert assistant["role"] == "assistant"
    assert assistant["content"][1]["type"] == "tool_use"
    assert user["role"] == "user"  # tool results go in a user message
    (result,) = user["content"]
    assert result["type"] == "tool_result" and result["tool_use_id"] == "toolu_01"
    assert result["is_error"] is False and "User lives in Lisbon" in result["content"]
    # Both loops kept to the user's tag in the shared collection.
    with Longmem(api_key=KEY, base_url=local_server.url) as mem:
        (stored,) = mem.list_memories(collection="assistant")
    assert stored["container_tag"] == "user-42"


# -- the MCP config blocks ----------------------------------------------------------------


def _configured_commands() -> list[tuple[list[str], dict[str, str]]]:
    """Each config block's server command line and environment."""
    commands = []
    for block in readme_blocks("json", AGENT_SECTION):
        config = json.loads(block)
        entry = (config.get("mcpServers") or config["servers"])["longmem"]
        commands.append(([entry["command"], *entry["args"]], entry.get("env", {})))
    for block in readme_blocks("sh", AGENT_SECTION):
        for line in block.splitlines():
            if line.startswith("claude mcp add"):
                # A shell expands ~ in Claude Code's line; the host then runs it as given.
                words = shlex.split(line)
                options = words[: words.index("--")]
                env = dict(
                    options[i + 1].split("=", 1) for i, w in enumerate(options) if w == "--env"
                )
                commands.append((words[words.index("--") + 1 :], env))
    return commands


def test_readme_configures_four_hosts() -> None:
    assert len(_configured_commands()) == 4


@pytest.mark.parametrize(
    ("command", "env"), _configured_commands(), ids=["desktop", "cursor", "vscode", "code"]
)
def test_each_config_starts_a_server_that_answers(
    command: list[str],
    env: dict[str, str],
    local_server: LocalServer,
    tmp_path: Path,
) -> None:
    assert command[:4] == ["python3", "-m", "longmem", "mcp"]
    extra = {"HOME": str(tmp_path)}
    if "--base-url" in command:  # the one `longmem serve` the hosts share: stood in for
        assert command[command.index("--base-url") + 1] == "http://127.0.0.1:9100"
        assert env["LONGMEM_API_KEY"].startswith("lm_")
        command = [local_server.url if w == "http://127.0.0.1:9100" else w for w in command]
        extra.update(LONGMEM_API_KEY=KEY)
    elif env:  # the hosted service: here the local server stands in for it
        assert env["LONGMEM_API_KEY"].startswith("mv_")
        extra.update(LONGMEM_API_KEY=KEY, LONGMEM_BASE_URL=local_server.url)
    lines = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                    "clientInfo": {"name": "readme", "version": "1"}}},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
    ]  # fmt: skip
    done = subprocess.run(
        [sys.executable, *command[1:]],
        input="".join(json.dumps(line) + "\n" for line in lines),
        capture_output=True,
        text=True,
        env=_env(**extra),
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout.splitlines()[1])["result"]["tools"]
    expected = READ_ONLY if "--read-only" in command else ALL
    assert [tool["name"] for tool in listed] == expected
    if "--local" in command:
        path = command[command.index("--local") + 1]
        assert (tmp_path / path.replace("~/", "")).exists()
