"""Strict HTTP/1.1 request framing (RFC 9112): the request line, the header block and the
length of the body, read from a connection's buffered stream.

http.server's own parser is lenient where leniency lets requests be smuggled: a header
line ``X-Pad : 1`` silently ends its header block, so a ``Content-Length`` after it is
lost and the body runs as a second request. This parser refuses whatever it cannot frame
exactly, so this server and any proxy in front of it agree on where each request ends.
"""

from __future__ import annotations

import http.client
import io
import re
from dataclasses import dataclass

MAX_LINE_BYTES = 65536
MAX_HEADERS = 100
# RFC 9112 §2.2: a server should ignore at least one empty line before a request line
# (some clients send CRLF after a POST body).
_MAX_EMPTY_LINES = 4

_TOKEN = rb"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
_REQUEST_LINE = re.compile(rb"(" + _TOKEN + rb") ([\x21-\x7e\x80-\xff]+) HTTP/([0-9])\.([0-9])")
# No whitespace between the name and the colon (RFC 9112 §5.1); the value, OWS around it
# taken off by strip (a lazy value before a pattern of the OWS after it retried the run
# of OWS from each of its bytes: a 64 KiB line took 15 s of CPU, before authentication).
_HEADER_LINE = re.compile(rb"(" + _TOKEN + rb"):(.*)")
_OWS = b" \t"
_CONTROL = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f]")
_DIGITS = re.compile(r"[0-9]+")
# Host = uri-host [ ":" port ] (RFC 9110 §7.2, RFC 3986 §3.2.2): an IP literal in
# brackets, or a reg-name (an IPv4 address is one); empty when the target has no authority.
_HOST_CHAR = r"[0-9A-Za-z._~!$&'()*+,;=-]"
_HOST = re.compile(rf"(?:\[(?:{_HOST_CHAR}|:)+\]|(?:{_HOST_CHAR}|%[0-9A-Fa-f]{{2}})*)(?::[0-9]*)?")


class Disconnected(Exception):
    """The peer closed or reset the connection (or its read deadline passed) before the
    request was whole: nothing of it runs, and there is no one to answer."""


class FramingError(Exception):
    """A request that cannot be framed; answered with ``status`` and the connection closed."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"{status}: {detail}")
        self.status = status
        self.detail = detail


@dataclass(frozen=True)
class Head:
    method: str
    target: str
    version: str  # "HTTP/1.0" or "HTTP/1.1"
    headers: http.client.HTTPMessage
    length: int  # of the body, in bytes
    expect_continue: bool
    keep_alive: bool


def read_head(rfile: io.BufferedIOBase) -> Head:
    """The next request's line and headers; raises FramingError or Disconnected."""
    line = b""
    for _ in range(_MAX_EMPTY_LINES + 1):
        line = _read_line(rfile, 414, "Request line too long")
        if line:
            break
    match = _REQUEST_LINE.fullmatch(line)
    # The bad part is quoted with repr(): safe to log and to send back as JSON.
    if match is None:
        raise FramingError(400, f"Bad request syntax ({_quote(line)})")
    method, target, major, minor = match.groups()
    if major != b"1":
        version = _quote(b"HTTP/" + major + b"." + minor)
        raise FramingError(505, f"HTTP version not supported ({version}); this is HTTP/1.1")
    version = "HTTP/1.0" if minor == b"0" else "HTTP/1.1"
    headers = _read_headers(rfile)
    hosts = headers.get_all("Host") or []
    if len(hosts) > 1:
        raise FramingError(400, "More than one Host header")
    if version == "HTTP/1.1" and not hosts:
        raise FramingError(400, "An HTTP/1.1 request must have a Host header")
    if hosts and not _HOST.fullmatch(hosts[0]):
        raise FramingError(
            400, f"Host header is not a host[:port] ({_quote(hosts[0].encode('latin-1'))})"
        )
    return Head(
        method=method.decode("ascii"),
        target=target.decode("latin-1"),
        version=version,
        headers=headers,
        length=_body_length(headers),
        expect_continue=_expects_continue(headers) and version == "HTTP/1.1",
        keep_alive=_keep_alive(headers, version),
    )


def _quote(raw: bytes) -> str:
    return repr(raw[:200].decode("latin-1"))


def _read_line(rfile: io.BufferedIOBase, status: int, too_long: str) -> bytes:
    line = rfile.readline(MAX_LINE_BYTES + 1)
    if len(line) > MAX_LINE_BYTES:
        raise FramingError(status, too_long)
    if not line.endswith(b"\n"):
        raise Disconnected("the connection closed inside the request head")
    return line[:-2] if line.endswith(b"\r\n") else line[:-1]


def _read_headers(rfile: io.BufferedIOBase) -> http.client.HTTPMessage:
    headers = http.client.HTTPMessage()
    while True:
        line = _read_line(rfile, 431, "Header line too long")
        if not line:
            break
        if len(headers) == MAX_HEADERS:
            raise FramingError(431, f"More than {MAX_HEADERS} headers")
        if line[:1] in (b" ", b"\t"):
            raise FramingError(400, "Obsolete line folding in a header is not accepted")
        match = _HEADER_LINE.fullmatch(line)
        if match is None:
            raise FramingError(400, "Malformed header line: a field name, then a colon")
        name = match.group(1).decode("ascii")
        value = match.group(2).strip(_OWS)
        if _CONTROL.search(value):
            raise FramingError(400, f"Header {name} holds a control character")
        # Stored as read, the whitespace around the value taken off (RFC 9112 §5),
        # without running the e-mail parser over the block again: about half the
        # cost, and every request pays it.
        headers.set_raw(name, value.decode("latin-1"))
    return headers


def _body_length(headers: http.client.HTTPMessage) -> int:
    codings = [
        coding.strip().lower()
        for value in headers.get_all("Transfer-Encoding") or []
        for coding in value.split(",")
    ]
    if codings == ["chunked"]:
        raise FramingError(411, "Content-Length required; chunked bodies are not accepted")
    if codings:
        raise FramingError(501, "Transfer-Encoding is not supported; send Content-Length")
    # Only spaces and tabs are whitespace here: str.strip() would also take "\xa0"
    # off, a length a proxy in front may read differently.
    values = {value.strip(" \t") for value in headers.get_all("Content-Length") or []}
    if not values:
        return 0
    # One value of plain digits: int() would also take "+5" or "1_0", and two different
    # lengths are how requests get smuggled past a proxy (RFC 9112 §6.3).
    raw = values.pop()
    if values or not _DIGITS.fullmatch(raw):
        raise FramingError(400, "Invalid Content-Length")
    return int(raw)


def _expects_continue(headers: http.client.HTTPMessage) -> bool:
    expect = [value.strip().lower() for value in headers.get_all("Expect") or []]
    if not expect:
        return False
    if expect != ["100-continue"]:
        raise FramingError(417, "The only expectation this server meets is 100-continue")
    return True


def _keep_alive(headers: http.client.HTTPMessage, version: str) -> bool:
    options = {
        option.strip().lower()
        for value in headers.get_all("Connection") or []
        for option in value.split(",")
    }
    if "close" in options:
        return False
    return version == "HTTP/1.1" or "keep-alive" in options
