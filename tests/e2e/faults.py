"""A loopback proxy that loses responses after the server has processed the request.

The cruellest network failure for a write: the server stored it, the client never
heard. The client must retry, and the retry must not store it twice.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
from typing import BinaryIO, Callable, Optional


class ResponseDroppingProxy:
    """Forwards HTTP/1.1 requests to `upstream`; drops the replies `should_drop` picks.

    A dropped reply is read from the server in full (so the request was processed)
    and then the client's connection is closed without a byte of it.
    """

    def __init__(self, upstream_port: int, should_drop: Callable[[int], bool]) -> None:
        self.upstream_port = upstream_port
        self.should_drop = should_drop
        self.forwarded = 0
        self.dropped = 0
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._sockets: list[socket.socket] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def __enter__(self) -> ResponseDroppingProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._listener.close()
        for sock in list(self._sockets):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self._sockets.append(client)
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        upstream = http.client.HTTPConnection("127.0.0.1", self.upstream_port, timeout=30)
        reader = client.makefile("rb")
        try:
            while True:
                request = _read_request(reader)
                if request is None:
                    return
                method, target, headers, body = request
                upstream.request(method, target, body=body or None, headers=headers)
                response = upstream.getresponse()
                payload = response.read()
                with self._lock:
                    number = self.forwarded
                    self.forwarded += 1
                    drop = self.should_drop(number)
                    if drop:
                        self.dropped += 1
                if drop:
                    return  # the server did the work; the client hears nothing
                head = [f"HTTP/1.1 {response.status} {response.reason}"]
                for name, value in response.getheaders():
                    if name.lower() not in ("transfer-encoding", "content-length", "connection"):
                        head.append(f"{name}: {value}")
                head.append(f"Content-Length: {len(payload)}")
                client.sendall(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + payload)
        except OSError:
            return
        finally:
            reader.close()
            client.close()
            upstream.close()


def _read_request(reader: BinaryIO) -> Optional[tuple[str, str, dict[str, str], bytes]]:
    line = reader.readline()
    if not line:
        return None
    method, target, _ = line.decode("latin-1").split(" ", 2)
    headers: dict[str, str] = {}
    while True:
        raw = reader.readline()
        if raw in (b"\r\n", b"\n", b""):
            break
        name, _, value = raw.decode("latin-1").partition(":")
        headers[name.strip()] = value.strip()
    length = int(next((v for k, v in headers.items() if k.lower() == "content-length"), "0"))
    body = reader.read(length) if length else b""
    headers = {k: v for k, v in headers.items() if k.lower() not in ("connection", "host")}
    return method, target, headers, body
