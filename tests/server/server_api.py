"""A tiny HTTP client for the server tests (imported by conftest and the tests).

The tests speak raw HTTP (http.client), never the longmem client package, so the server
is held to PROTOCOL.md on its own.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Optional

from longmem.server import LocalServer

C = "/v1/memory/collections"


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    raw: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.raw) if self.raw else None

    def header(self, name: str) -> Optional[str]:
        for key, value in self.headers.items():
            if key.lower() == name.lower():
                return value
        return None


class Api:
    """One keep-alive connection to the server, with a default key."""

    def __init__(self, server: LocalServer, key: Optional[str]) -> None:
        self.server = server
        self.key = key
        self.conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)

    def with_key(self, key: Optional[str]) -> Api:
        return Api(self.server, key)

    def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        raw: Optional[bytes] = None,
        headers: Optional[dict[str, str]] = None,
        key: Any = "default",
    ) -> Reply:
        hdrs = {"Content-Type": "application/json"}
        use_key = self.key if key == "default" else key
        if use_key:
            hdrs["Authorization"] = f"Bearer {use_key}"
        hdrs.update(headers or {})
        payload = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        try:
            self.conn.request(method, path, body=payload, headers=hdrs)
            resp = self.conn.getresponse()
        except (http.client.HTTPException, OSError):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
            self.conn.request(method, path, body=payload, headers=hdrs)
            resp = self.conn.getresponse()
        data = resp.read()
        if resp.getheader("Connection", "").lower() == "close":
            self.conn.close()
        return Reply(resp.status, dict(resp.getheaders()), data)

    def get(self, path: str, **kw: Any) -> Reply:
        return self.call("GET", path, **kw)

    def post(self, path: str, body: Any = None, **kw: Any) -> Reply:
        return self.call("POST", path, body, **kw)

    def put(self, path: str, body: Any = None, **kw: Any) -> Reply:
        return self.call("PUT", path, body, **kw)

    def delete(self, path: str, **kw: Any) -> Reply:
        return self.call("DELETE", path, **kw)

    def add(self, collection: str, text: str, **fields: Any) -> dict[str, Any]:
        reply = self.post(f"{C}/{collection}/memories", {"text": text, **fields})
        assert reply.status == 201, reply.raw
        return reply.json  # type: ignore[no-any-return]

    def search(self, query: str, collection: Optional[str] = "notes", **fields: Any) -> Any:
        path = f"{C}/{collection}/search" if collection else "/v1/memory/search"
        reply = self.post(path, {"query": query, **fields})
        assert reply.status == 200, reply.raw
        return reply.json["results"]

    def close(self) -> None:
        self.conn.close()


class FeedServer:
    """A loopback HTTP server replying from a path → (status, headers, body) table and
    recording the headers of each request. While ``gate`` is cleared, requests are
    recorded and then held until it is set."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.requests: list[dict[str, str]] = []
        self.gate = threading.Event()
        self.gate.set()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.requests.append(dict(self.headers.items()))
                owner.gate.wait(30)
                status, headers, body = owner.routes.get(self.path, (404, {}, b"not found"))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def serve(self, path: str, body: str, status: int = 200, **headers: str) -> str:
        self.routes[path] = (status, headers, body.encode("utf-8"))
        return self.url(path)

    def close(self) -> None:
        self.gate.set()
        self.httpd.shutdown()
        self.httpd.server_close()


REPO = Path(__file__).resolve().parents[2]
_URL_LINE = re.compile(r"http://127\.0\.0\.1:(\d+)")


class ServerProcess:
    """``python -m longmem.server *args`` as a child process, its stdout read up to the URL
    line. The test's own LONGMEM_SERVER_* variables are dropped; ``env`` sets some."""

    def __init__(self, *args: str, cwd: Path = REPO, env: Optional[dict[str, str]] = None) -> None:
        full_env = {k: v for k, v in os.environ.items() if not k.startswith("LONGMEM_SERVER_")}
        full_env["PYTHONPATH"] = str(REPO)
        full_env.update(env or {})
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "longmem.server", *args],
            cwd=str(cwd),
            env=full_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self.port = 0
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)
            match = _URL_LINE.search(line)
            if match:
                self.port = int(match.group(1))
                break
        assert self.port, (self.lines, self.proc.stderr.read() if self.proc.stderr else "")

    def api(self, key: Optional[str]) -> Api:
        class _Addr:
            port = self.port

        return Api(_Addr(), key)  # type: ignore[arg-type]

    def finish(self, sig: int = signal.SIGTERM) -> tuple[int, str]:
        """Signal the server, wait for it; (exit status, the rest of its stdout)."""
        self.proc.send_signal(sig)
        return self.wait()

    def wait(self) -> tuple[int, str]:
        """Wait for the server to exit (signalled already); (exit status, rest of stdout).
        A second signal could land after the server restored the default handlers on
        its way out, and kill it."""
        out, _ = self.proc.communicate(timeout=20)
        return self.proc.returncode, out
