"""A fixed, fast HTTP/1.1 keep-alive reply server, run in its own process by
call_overhead.py so it never shares a GIL with the client being measured.

GET answers ``[{"name":"default"}]``; any other method answers one memory object.
Both with a correct Content-Length. ``Connection: close`` from the client closes.

    python bench/_replyserver.py [--cert server.pem --key server.key]

prints ``PORT <n>`` once listening on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import socket
import ssl
import sys
import threading
from typing import Optional

GET_BODY = b'[{"name":"default"}]'
POST_BODY = json.dumps(
    {
        "id": "mem_0123456789abcdef01234567",
        "collection": "default",
        "text": "Alex prefers dark mode",
        "importance": 0.7,
        "category": "other",
        "source": "sdk",
        "metadata": {},
        "container_tag": None,
        "pinned": False,
        "archived": False,
        "is_latest": True,
        "created_at": "2026-11-21T06:00:00Z",
        "updated_at": "2026-11-21T06:00:00Z",
    },
    separators=(",", ":"),
).encode()


def _reply(body: bytes, close: bool) -> bytes:
    head = (
        "HTTP/1.1 200 OK\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n"
        f"Connection: {'close' if close else 'keep-alive'}\r\n\r\n"
    )
    return head.encode("ascii") + body


def _serve(conn: socket.socket, context: Optional[ssl.SSLContext]) -> None:
    sock: socket.socket = conn
    try:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if context is not None:
            sock = context.wrap_socket(conn, server_side=True)
        buf = b""
        while True:
            end = buf.find(b"\r\n\r\n")
            while end < 0:
                chunk = sock.recv(65536)
                if not chunk:
                    return
                buf += chunk
                end = buf.find(b"\r\n\r\n")
            head = buf[:end].decode("latin-1")
            buf = buf[end + 4 :]
            length = 0
            close = False
            for line in head.split("\r\n")[1:]:
                name, _, value = line.partition(":")
                name = name.strip().lower()
                if name == "content-length":
                    length = int(value)
                elif name == "connection" and value.strip().lower() == "close":
                    close = True
            while len(buf) < length:
                chunk = sock.recv(65536)
                if not chunk:
                    return
                buf += chunk
            buf = buf[length:]
            body = GET_BODY if head.startswith("GET ") else POST_BODY
            sock.sendall(_reply(body, close))
            if close:
                return
    except (OSError, ssl.SSLError, ValueError):
        return
    finally:
        sock.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cert")
    parser.add_argument("--key")
    args = parser.parse_args()
    context: Optional[ssl.SSLContext] = None
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
    listener = socket.create_server(("127.0.0.1", 0), backlog=128)
    print(f"PORT {listener.getsockname()[1]}", flush=True)
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=_serve, args=(conn, context), daemon=True).start()


if __name__ == "__main__":
    sys.exit(main())
