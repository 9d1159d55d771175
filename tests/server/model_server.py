"""A scripted OpenAI-compatible endpoint on 127.0.0.1 for the model-endpoint tests.

Each POST takes the next scripted action (or the default one when the script is empty):
an answer (any status, headers and body: JSON, garbage, a redirect), raw bytes read to
the end of the connection, a stall that never answers, a trickle of one byte at a time,
or a callable of the recorded request returning one of those. Every request is recorded
(path, headers, decoded JSON body).
"""

from __future__ import annotations

import contextlib
import json
import ssl
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Optional, Union


@dataclass
class Recorded:
    path: str
    headers: dict[str, str]
    body: Any

    def header(self, name: str) -> Optional[str]:
        for key, value in self.headers.items():
            if key.lower() == name.lower():
                return value
        return None


@dataclass
class Answer:
    """A complete HTTP answer."""

    body: bytes
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})


@dataclass
class Stall:
    """Read the request, then never answer (until the server closes)."""


@dataclass
class Trickle:
    """Send the whole answer — status line and headers too — one byte per ``interval``."""

    body: bytes
    interval: float = 0.05


@dataclass
class Raw:
    """Bytes written as they are, then the connection closed (an answer read to its end)."""

    data: bytes


Action = Union[Answer, Stall, Trickle, Raw]
Script = Union[Action, Callable[[Recorded], Action]]


def json_answer(body: Any, status: int = 200) -> Answer:
    return Answer(json.dumps(body).encode("utf-8"), status)


def text_answer(text: str, status: int = 200) -> Answer:
    return Answer(text.encode("utf-8"), status, {"Content-Type": "text/plain"})


def redirect(location: str, status: int = 307) -> Answer:
    return Answer(b"", status, {"Location": location})


def chat(content: Optional[str], **message: Any) -> Answer:
    """A chat completion whose assistant message says ``content``."""
    return json_answer(
        {
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content, **message},
                    "finish_reason": "stop",
                }
            ],
        }
    )


def chat_facts(*facts: dict[str, Any]) -> Answer:
    return chat(json.dumps({"facts": list(facts)}))


def embeddings(vectors: list[list[float]], indexes: Optional[list[int]] = None) -> Answer:
    order = list(range(len(vectors))) if indexes is None else indexes
    data = [{"object": "embedding", "index": i, "embedding": v} for i, v in zip(order, vectors)]
    return json_answer({"object": "list", "data": data, "model": "test"})


class ModelServer:
    """The scripted endpoint; ``url`` is its OpenAI-style base (``…/v1``), https with a
    ``tls`` server context."""

    def __init__(self, tls: Optional[ssl.SSLContext] = None) -> None:
        self.script: deque[Script] = deque()
        self.default: Script = text_answer("no script", 500)
        self.requests: list[Recorded] = []
        self.closing = threading.Event()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                try:
                    body: Any = json.loads(raw)
                except ValueError:
                    body = raw
                recorded = Recorded(self.path, dict(self.headers.items()), body)
                owner.requests.append(recorded)
                step = owner.script.popleft() if owner.script else owner.default
                action = step(recorded) if callable(step) else step
                with contextlib.suppress(OSError):  # the client gave up, as a deadline does
                    self._act(action)

            def _act(self, action: Action) -> None:
                if isinstance(action, Stall):
                    owner.closing.wait()
                    return
                if isinstance(action, Raw):
                    self.wfile.write(action.data)
                    self.close_connection = True
                    return
                if isinstance(action, Trickle):
                    head = (
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        f"Content-Length: {len(action.body)}\r\nConnection: close\r\n\r\n"
                    ).encode("ascii")
                    for i in range(len(head) + len(action.body)):
                        if owner.closing.is_set():
                            return
                        self.wfile.write((head + action.body)[i : i + 1])
                        self.wfile.flush()
                        time.sleep(action.interval)
                    return
                self.send_response(action.status)
                for name, value in action.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(action.body)))
                self.end_headers()
                self.wfile.write(action.body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        if tls is not None:
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        scheme = "http" if tls is None else "https"
        self.url = f"{scheme}://127.0.0.1:{self.port}/v1"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        self.thread.start()

    def then(self, *steps: Script) -> ModelServer:
        self.script.extend(steps)
        return self

    def close(self) -> None:
        self.closing.set()
        self.httpd.shutdown()
        self.httpd.server_close()
