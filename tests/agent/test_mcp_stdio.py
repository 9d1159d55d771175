"""`python -m longmem mcp` spoken to in raw JSON-RPC over its stdin and stdout (runs on 3.9)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import longmem
from longmem import Longmem
from longmem.mcp import PROTOCOL_VERSIONS
from longmem.server import LocalServer

from .test_definitions import ALL, READ_ONLY

PACKAGE_ROOT = str(Path(longmem.__file__).resolve().parent.parent)
TIMEOUT = 60


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LONGMEM_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [PACKAGE_ROOT, env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def _start(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "longmem", "mcp", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env() if env is None else env,
    )


def _session(
    db: Path, *messages: Any, args: tuple[str, ...] = ()
) -> tuple[list[dict[str, Any]], str]:
    """Send every message (objects as JSON lines, bytes as they are), close stdin, and
    return the replies and stderr; the server must exit 0 once stdin closes."""
    lines = b"".join(
        m if isinstance(m, bytes) else json.dumps(m).encode() + b"\n" for m in messages
    )
    process = _start("--local", str(db), *args)
    out, err = process.communicate(lines, timeout=TIMEOUT)
    assert process.returncode == 0, err.decode()
    replies = [json.loads(line) for line in out.decode().splitlines()]
    for reply in replies:  # nothing but JSON-RPC responses on stdout
        assert reply["jsonrpc"] == "2.0"
        assert "id" in reply
        assert ("result" in reply) != ("error" in reply)
    return replies, err.decode()


def _request(id_: int, method: str, params: Any = None) -> dict[str, Any]:
    message: dict[str, Any] = {"jsonrpc": "2.0", "id": id_, "method": method}
    if params is not None:
        message["params"] = params
    return message


def _initialize(version: Any = "2025-06-18") -> dict[str, Any]:
    params = {"capabilities": {}, "clientInfo": {"name": "raw-test", "version": "1"}}
    if version is not None:
        params["protocolVersion"] = version
    return _request(0, "initialize", params)


INITIALIZED = {"jsonrpc": "2.0", "method": "notifications/initialized"}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "memory.db"


@pytest.mark.parametrize("version", PROTOCOL_VERSIONS)
def test_initialize_echoes_a_supported_version(db: Path, version: str) -> None:
    (reply,), _ = _session(db, _initialize(version))
    result = reply["result"]
    assert reply["id"] == 0
    assert result["protocolVersion"] == version
    assert result["capabilities"] == {"tools": {"listChanged": False}}
    assert result["serverInfo"]["name"] == "longmem"
    assert result["serverInfo"]["version"] == longmem.__version__


@pytest.mark.parametrize("version", ["2099-01-01", "1.0", None, 7])
def test_initialize_offers_the_newest_version_otherwise(db: Path, version: Any) -> None:
    (reply,), _ = _session(db, _initialize(version))
    assert reply["result"]["protocolVersion"] == "2025-11-25"


def test_unknown_methods_and_the_discover_probe_are_method_not_found(db: Path) -> None:
    replies, _ = _session(
        db,
        _request(1, "server/discover"),
        _initialize(),
        INITIALIZED,
        _request(2, "resources/list"),
        _request("three", "ping"),
    )
    assert [r["id"] for r in replies] == [1, 0, 2, "three"]
    assert replies[0]["error"]["code"] == -32601
    assert "server/discover" in replies[0]["error"]["message"]
    assert replies[2]["error"]["code"] == -32601
    assert replies[3]["result"] == {}


def test_unparseable_and_invalid_lines_get_errors_and_the_server_carries_on(db: Path) -> None:
    replies, _ = _session(
        db,
        b"{not json\n",
        b"\n",  # blank lines are skipped
        b'[{"jsonrpc": "2.0", "id": 1, "method": "ping"}]\n',
        b'{"jsonrpc": "1.0", "id": 2, "method": "ping"}\n',
        _request(3, "tools/list", params=[1]),
        _request(4, "ping"),
    )
    assert [(r["id"], r.get("error", {}).get("code")) for r in replies] == [
        (None, -32700),
        (None, -32600),
        (2, -32600),  # the id is readable, so the error carries it
        (3, -32602),
        (4, None),
    ]


def test_an_unknown_method_is_not_found_whatever_its_params(db: Path) -> None:
    replies, _ = _session(db, _request(1, "resources/list", params=[1]))
    assert replies[0]["id"] == 1
    assert replies[0]["error"]["code"] == -32601


def test_an_id_that_is_no_string_or_number_is_an_invalid_request(db: Path) -> None:
    replies, _ = _session(
        db,
        {"jsonrpc": "2.0", "id": {"n": 1}, "method": "ping"},
        {"jsonrpc": "2.0", "id": None, "method": "ping"},  # MCP: the id MUST NOT be null
        {"jsonrpc": "2.0", "id": None, "method": "tools/call",
         "params": {"name": "add_memory", "arguments": {"text": "stored by no request"}}},
        {"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": "x"}},  # a response
        _request(1, "tools/call", {"name": "list_memories", "arguments": {}}),
    )  # fmt: skip
    assert [(r["id"], r.get("error", {}).get("code")) for r in replies] == [
        (None, -32600),
        (None, -32600),
        (None, -32600),
        (1, None),
    ]
    assert replies[3]["result"]["content"][0]["text"] == "No memories stored yet."


def test_notifications_and_responses_get_no_reply(db: Path) -> None:
    replies, _ = _session(
        db,
        INITIALIZED,
        {"jsonrpc": "2.0", "method": "notifications/cancelled", "params": {"requestId": 9}},
        {"jsonrpc": "2.0", "method": "no/such/notification"},
        {"jsonrpc": "2.0", "id": 5, "result": {}},
        _request(6, "ping"),
    )
    assert [r["id"] for r in replies] == [6]


def test_tools_list_describes_every_tool(db: Path) -> None:
    replies, _ = _session(db, _initialize(), INITIALIZED, _request(1, "tools/list"))
    tools = replies[1]["result"]["tools"]
    assert [tool["name"] for tool in tools] == ALL
    for tool in tools:
        assert tool["title"] and tool["description"]
        assert tool["inputSchema"]["type"] == "object"
        assert tool["outputSchema"]["type"] == "object"
        assert set(tool["annotations"]) >= {"readOnlyHint", "destructiveHint", "idempotentHint"}
    by_name = {tool["name"]: tool for tool in tools}
    assert by_name["delete_memory"]["annotations"]["destructiveHint"] is True
    assert by_name["forget_memories"]["annotations"]["destructiveHint"] is True
    assert by_name["search_memories"]["annotations"]["readOnlyHint"] is True


def test_tools_call_answers_with_text_and_structured_content(db: Path) -> None:
    def call(id_: int, name: str, arguments: Any) -> dict[str, Any]:
        return _request(id_, "tools/call", {"name": name, "arguments": arguments})

    replies, _ = _session(
        db,
        _initialize(),
        INITIALIZED,
        call(1, "remember", {"text": "I live in Oslo."}),
        call(2, "search_memories", {"query": "where do I live"}),
        call(3, "search_memories", {"query": 42}),
        call(4, "get_memory", {"memory_id": "mem_missing"}),
        call(5, "no_such_tool", {}),
    )
    remembered, found, wrong, missing, unknown = (r for r in replies[1:])
    assert remembered["result"]["isError"] is False
    assert "User lives in Oslo" in remembered["result"]["content"][0]["text"]
    assert remembered["result"]["structuredContent"]["facts"][0]["relation"] == "new"
    assert found["result"]["content"][0]["type"] == "text"
    assert found["result"]["structuredContent"]["memories"][0]["text"] == "User lives in Oslo"
    for failed in (wrong, missing):
        assert failed["result"]["isError"] is True
        assert failed["result"]["content"][0]["text"].startswith("Error: ")
        assert "structuredContent" not in failed["result"]
    assert unknown["error"]["code"] == -32602
    assert "no_such_tool" in unknown["error"]["message"]


def test_the_memory_persists_in_the_local_file(db: Path) -> None:
    remember = _request(1, "tools/call", {"name": "remember", "arguments": {"text": "I am 41."}})
    _session(db, _initialize(), INITIALIZED, remember)
    search = _request(1, "tools/call", {"name": "list_memories", "arguments": {}})
    replies, _ = _session(db, _initialize(), INITIALIZED, search)
    assert "41" in replies[1]["result"]["content"][0]["text"]


def test_older_protocol_versions_get_no_output_schema(db: Path) -> None:
    replies, _ = _session(
        db,
        _initialize("2025-03-26"),
        _request(1, "tools/list"),
        _request(2, "tools/call", {"name": "list_memories", "arguments": {}}),
    )
    assert all("outputSchema" not in tool for tool in replies[1]["result"]["tools"])
    assert "structuredContent" not in replies[2]["result"]


def test_read_only_offers_only_the_reading_tools(db: Path) -> None:
    replies, _ = _session(db, _initialize(), _request(1, "tools/list"), args=("--read-only",))
    assert [tool["name"] for tool in replies[1]["result"]["tools"]] == READ_ONLY


def test_scope_flags_fix_where_memories_go(db: Path) -> None:
    add = _request(1, "tools/call", {"name": "add_memory", "arguments": {"text": "x"}})
    replies, _ = _session(
        db, _initialize(), add, args=("--collection", "desk", "--container-tag", "ann")
    )
    memory_id = replies[1]["result"]["structuredContent"]["memory"]["id"]
    with LocalServer(db_path=str(db), api_key="k") as server:
        stored = Longmem(api_key="k", base_url=server.url).get(memory_id, collection="desk")
    assert stored["container_tag"] == "ann"


def _validate(instance: Any, schema: dict[str, Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a test extra")
    jsonschema.Draft202012Validator(schema).validate(instance)


def test_structured_content_is_what_a_model_reads_as_the_output_schema_says(db: Path) -> None:
    def call(id_: int, name: str, arguments: Any) -> dict[str, Any]:
        return _request(id_, "tools/call", {"name": name, "arguments": arguments})

    replies, _ = _session(
        db,
        _initialize(),
        _request(1, "tools/list"),
        call(2, "remember", {"text": "I live in Oslo."}),
        call(3, "search_memories", {"query": "where do I live"}),
        call(4, "list_memories", {}),
        call(5, "get_profile", {}),
        args=("--container-tag", "ann"),
    )
    schemas = {tool["name"]: tool["outputSchema"] for tool in replies[1]["result"]["tools"]}
    results = dict(zip(["remember", "search_memories", "list_memories", "get_profile"],
                       (reply["result"] for reply in replies[2:])))  # fmt: skip
    for name, result in results.items():
        _validate(result["structuredContent"], schemas[name])
    (fact,) = results["remember"]["structuredContent"]["facts"]
    (hit,) = results["search_memories"]["structuredContent"]["memories"]
    (listed,) = results["list_memories"]["structuredContent"]["memories"]
    for memory in (fact, hit, listed):
        assert memory["text"] == "User lives in Oslo" and memory["id"] == fact["id"]
        assert memory["container_tag"] == "ann" and memory["created_at"]
        assert not {"metadata", "source", "images", "collection", "subject"} & set(memory)
    assert fact["relation"] == "new"
    assert isinstance(hit["score"], float) and hit["is_latest"] is True
    assert "score" not in listed
    for schema in schemas.values():  # what is declared is all there is
        item = schema["properties"].get("memory") or schema["properties"].get("memories")
        if item:
            declared = item.get("items", item)["properties"]
            assert set(declared) >= set(fact) | set(hit)
            assert "metadata" not in declared


def test_logs_go_to_stderr(db: Path) -> None:
    _, err = _session(db, _initialize())
    assert "longmem mcp: serving 9 tools" in err
    assert "initialize from raw-test" in err


def test_it_answers_at_once_and_exits_when_stdin_closes(db: Path) -> None:
    process = _start("--local", str(db))
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(json.dumps(_initialize()).encode() + b"\n")
    process.stdin.flush()
    reply = json.loads(process.stdout.readline())  # answered while stdin is still open
    assert reply["result"]["protocolVersion"] == "2025-06-18"
    process.stdin.close()
    assert process.wait(timeout=TIMEOUT) == 0
    assert process.stdout.read() == b""
    if process.stderr is not None:
        process.stderr.close()
    process.stdout.close()


def test_local_creates_the_folder_and_expands_home(tmp_path: Path) -> None:
    process = _start("--local", "~/deep/er/memory.db", env=_env(HOME=str(tmp_path)))
    _, err = process.communicate(json.dumps(_initialize()).encode() + b"\n", timeout=TIMEOUT)
    assert process.returncode == 0, err.decode()
    assert (tmp_path / "deep" / "er" / "memory.db").exists()


def test_without_a_key_or_local_it_says_what_is_missing() -> None:
    process = _start()
    out, err = process.communicate(b"", timeout=TIMEOUT)
    assert process.returncode == 2  # a usage error, as in the other commands
    assert out == b""
    assert "no API key" in err.decode() and "LONGMEM_API_KEY" in err.decode()


def test_a_database_it_cannot_open_is_one_line_on_stderr(tmp_path: Path) -> None:
    process = _start("--local", str(tmp_path))  # a folder, not a file
    out, err = process.communicate(b"", timeout=TIMEOUT)
    assert process.returncode == 1
    assert out == b""
    assert err.decode().startswith(f"longmem mcp: error: cannot open the database {tmp_path}")
    assert "Traceback" not in err.decode()


def test_a_bad_scope_flag_is_a_usage_error(db: Path) -> None:
    process = _start("--local", str(db), "--collection", "")
    out, err = process.communicate(b"", timeout=TIMEOUT)
    assert process.returncode == 2
    assert out == b""
    assert "collection" in err.decode()


def test_non_ascii_text_travels_as_ascii_json(db: Path) -> None:
    add = {"name": "add_memory", "arguments": {"text": "Zoë lives in Łódź\u2028now"}}
    process = _start("--local", str(db))
    out, err = process.communicate(json.dumps(_request(1, "tools/call", add)).encode() + b"\n",
                                   timeout=TIMEOUT)  # fmt: skip
    assert process.returncode == 0, err.decode()
    assert out.isascii() and out.count(b"\n") == 1
    reply = json.loads(out)
    assert reply["result"]["structuredContent"]["memory"]["text"] == "Zoë lives in Łódź\u2028now"


def test_local_with_a_key_or_url_is_a_usage_error(db: Path) -> None:
    for flag in ("--api-key", "--base-url"):
        process = _start("--local", str(db), flag, "http://127.0.0.1:9")
        out, err = process.communicate(b"", timeout=TIMEOUT)
        assert process.returncode == 2
        assert out == b""
        assert "--local runs its own server: --api-key and --base-url do not apply" in err.decode()
        assert not db.exists()


# A stdio server on tools whose client prints to stdout and then fails as no tool expects.
_BROKEN_SERVER = """
import sys
from longmem.agent import MemoryTools
from longmem.mcp import serve

class Client:
    def list_memories(self, **kwargs):
        print("stray output of a library")
        raise KeyError("id")

serve(MemoryTools(Client()), sys.stdin.buffer, sys.stdout.buffer)
"""


def test_a_stray_print_and_a_tool_bug_cannot_break_the_protocol() -> None:
    listing = _request(1, "tools/call", {"name": "list_memories", "arguments": {}})
    done = subprocess.run(
        [sys.executable, "-c", _BROKEN_SERVER],
        input=json.dumps(listing).encode() + b"\n" + json.dumps(_request(2, "ping")).encode()
        + b"\n",
        capture_output=True,
        env=_env(),
        timeout=TIMEOUT,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    failed, pong = (json.loads(line) for line in done.stdout.decode().splitlines())
    assert failed["id"] == 1 and failed["result"]["isError"] is True  # not -32603
    text = failed["result"]["content"][0]["text"]
    assert text == "Error: an internal error happened in the memory tools; carry on without it"
    assert pong == {"jsonrpc": "2.0", "id": 2, "result": {}}
    err = done.stderr.decode()
    assert "stray output of a library" in err
    assert "longmem mcp: memory tool list_memories failed" in err and "KeyError: 'id'" in err


def test_help_lists_the_flags() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "longmem", "mcp", "--help"],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == 0
    for flag in ("--local", "--collection", "--container-tag", "--read-only"):
        assert flag in done.stdout


@pytest.fixture(scope="module")
def remote() -> Iterator[LocalServer]:
    with LocalServer(api_key="the-right-key") as srv:
        yield srv


@pytest.mark.parametrize(
    ("key", "path", "said"),
    [
        ("the-right-key", "", "accepts the API key"),
        ("a-wrong-key", "", "refused the API key (HTTP 401"),
        ("the-right-key", "/v1", "has no memory API routes"),
    ],
)
def test_the_log_says_at_once_whether_the_key_and_address_work(
    remote: LocalServer, key: str, path: str, said: str
) -> None:
    # Else a wrong key shows only in the model's tool results, never in the host's log.
    process = _start("--api-key", key, "--base-url", remote.url + path)
    out, err = process.communicate(json.dumps(_initialize()).encode() + b"\n", timeout=TIMEOUT)
    assert process.returncode == 0, err.decode()
    assert json.loads(out)["result"]["protocolVersion"] == "2025-06-18"  # not held up
    lines = [line for line in err.decode().splitlines() if "API key" in line or "routes" in line]
    assert len(lines) == 1 and said in lines[0], err.decode()


def test_the_log_says_when_the_service_cannot_be_reached(refused_port: int) -> None:
    process = _start("--api-key", "k", "--base-url", f"http://127.0.0.1:{refused_port}")
    _, err = process.communicate(json.dumps(_initialize()).encode() + b"\n", timeout=TIMEOUT)
    assert process.returncode == 0
    assert f"warning: cannot reach http://127.0.0.1:{refused_port}" in err.decode()
