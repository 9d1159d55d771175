"""Question 2: per-call overhead of the SDK against the HTTP clients a user would pick.

Sequential calls per second against one fixed, fast reply server (bench/_replyserver.py,
its own process), on loopback, plain HTTP and then TLS with a CA made for the run.
Contenders, interleaved in every round, each warmed up first:

- ``Longmem``: ``collections()`` (GET) and ``add(text)`` (POST), the real SDK path
  (argument checks, JSON, idempotency key, retry loop, keep-alive transport).
- bare ``http.client``: one reused ``HTTPConnection``, same headers, ``json`` both ways:
  the practical limit for Python.
- ``urllib.request``: ``urlopen`` per call, a new connection each time.
- ``httpx.Client`` and ``requests.Session``: a reused client/session, same headers.

Every contender sends Authorization, User-Agent, Accept: application/json and
Accept-Encoding: gzip, and on POST Content-Type: application/json and a fresh random
Idempotency-Key, and decodes the JSON reply. (Each library adds its own Host and
Content-Length; urllib adds Connection: close; httpx and requests add
Connection: keep-alive.) Reported: median calls/s and client CPU µs per call
(``time.process_time`` of this process) over the rounds, and the SDK's ratios.

    python bench/call_overhead.py [--quick] [--rounds N] [--seconds S] [--profile]
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

import _common as common

for _name in list(os.environ):  # loopback only: never route through a configured proxy
    if _name.lower().endswith("_proxy"):
        del os.environ[_name]

import httpx  # noqa: E402
import requests  # noqa: E402

import longmem.client  # noqa: E402
from longmem import Longmem  # noqa: E402

GET_PATH = "/v1/memory/collections"
POST_PATH = "/v1/memory/collections/default/memories"
TEXT = "Alex prefers dark mode"
POST_BODY: dict[str, Any] = {
    "text": TEXT,
    "importance": 0.7,
    "category": "other",
    "source": "sdk",
    "metadata": {},
    "container_tag": None,
}
# The SDK's own User-Agent, so every contender sends the same bytes.
_USER_AGENT: str = getattr(
    longmem.client,
    "_USER_AGENT",
    "longmem-python/{} Python/{}.{}.{}".format(longmem.__version__, *sys.version_info[:3]),
)
HEADERS = {
    "Authorization": f"Bearer {common.API_KEY}",
    "User-Agent": _USER_AGENT,
    "Accept": "application/json",
    "Accept-Encoding": "gzip",
}

Call = Callable[[], Any]


def _post_headers() -> dict[str, str]:
    headers = HEADERS.copy()
    headers["Content-Type"] = "application/json"
    headers["Idempotency-Key"] = os.urandom(16).hex()
    return headers


def _encode(body: Any) -> bytes:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass
class Contender:
    name: str
    get: Call
    post: Call
    close: Callable[[], None]


def make_contenders(
    base_url: str,
    port: int,
    context: Optional[ssl.SSLContext] = None,
    ca_file: Optional[str] = None,
) -> list[Contender]:
    host = "127.0.0.1"
    tls = context is not None
    out: list[Contender] = []

    sdk = Longmem(api_key=common.API_KEY, base_url=base_url, ssl_context=context)
    out.append(Contender("Longmem", sdk.collections, lambda: sdk.add(TEXT), sdk.close))

    conn: http.client.HTTPConnection = (
        http.client.HTTPSConnection(host, port, timeout=30, context=context)
        if tls
        else http.client.HTTPConnection(host, port, timeout=30)
    )

    def bare(method: str, path: str, body: Optional[bytes], headers: dict[str, str]) -> Any:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return json.loads(response.read())

    out.append(
        Contender(
            "http.client (reused)",
            lambda: bare("GET", GET_PATH, None, HEADERS),
            lambda: bare("POST", POST_PATH, _encode(POST_BODY), _post_headers()),
            conn.close,
        )
    )

    def via_urllib(method: str, path: str, body: Optional[bytes], headers: dict[str, str]) -> Any:
        request = urllib.request.Request(base_url + path, data=body, headers=headers, method=method)
        with urllib.request.urlopen(request, timeout=30, context=context) as response:
            return json.loads(response.read())

    out.append(
        Contender(
            "urllib.request (per call)",
            lambda: via_urllib("GET", GET_PATH, None, HEADERS),
            lambda: via_urllib("POST", POST_PATH, _encode(POST_BODY), _post_headers()),
            lambda: None,
        )
    )

    hx = httpx.Client(
        base_url=base_url,
        headers=HEADERS,
        verify=context if context is not None else False,
        timeout=30,
    )
    out.append(
        Contender(
            "httpx.Client",
            lambda: hx.get(GET_PATH).json(),
            lambda: hx.post(POST_PATH, content=_encode(POST_BODY), headers=_post_headers()).json(),
            hx.close,
        )
    )

    session = requests.Session()
    session.headers.update(HEADERS)
    # requests wants a path, not an SSLContext; passed per call because a session-level
    # verify loses to REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE in the environment.
    verify: Any = ca_file if ca_file is not None else True
    out.append(
        Contender(
            "requests.Session",
            lambda: session.get(base_url + GET_PATH, timeout=30, verify=verify).json(),
            lambda: session.post(
                base_url + POST_PATH,
                data=_encode(POST_BODY),
                headers=_post_headers(),
                timeout=30,
                verify=verify,
            ).json(),
            session.close,
        )
    )
    return out


@contextlib.contextmanager
def reply_server(tls: Optional[common.TLSMaterial]) -> Iterator[int]:
    cmd = [sys.executable, str(common.BENCH / "_replyserver.py")]
    if tls is not None:
        cmd += ["--cert", str(tls.cert_file), "--key", str(tls.key_file)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=common.bench_env())
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if not line.startswith("PORT "):
            raise RuntimeError(f"reply server did not start: {line!r}")
        yield int(line.split()[1])
    finally:
        proc.terminate()
        proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()


@dataclass
class Cell:
    rate: list[float] = field(default_factory=list)  # calls/s per round
    cpu_us: list[float] = field(default_factory=list)  # client CPU µs per call per round


SECONDS_LABEL = "50 ms"


def run_batch(call: Call, seconds: float, min_calls: int = 20) -> tuple[float, float]:
    """Call repeatedly for about ``seconds``; return (calls/s, CPU µs per call)."""
    calls = 0
    perf = time.perf_counter
    cpu0 = time.process_time()
    start = perf()
    deadline = start + seconds
    while True:
        for _ in range(10):
            call()
        calls += 10
        now = perf()
        if now >= deadline and calls >= min_calls:
            break
    cpu = time.process_time() - cpu0
    return calls / (now - start), cpu / calls * 1e6


def measure(
    contenders: list[Contender], rounds: int, seconds: float, warmup: int
) -> dict[tuple[str, str], Cell]:
    cells: dict[tuple[str, str], Cell] = {}
    jobs = [(c.name, route, c.get if route == "GET" else c.post) for c in contenders
            for route in ("GET", "POST")]  # fmt: skip
    for name, route, call in jobs:
        cells[(name, route)] = Cell()
        for _ in range(warmup):
            call()
    for index in range(rounds):
        shift = index % len(jobs)  # rotate who goes first, so drift hits all alike
        for name, route, call in jobs[shift:] + jobs[:shift]:
            rate, cpu = run_batch(call, seconds)
            cells[(name, route)].rate.append(rate)
            cells[(name, route)].cpu_us.append(cpu)
    return cells


def paired_ratio(numerator: list[float], denominator: list[float]) -> float:
    """Median over rounds of the ratio within each round (drift cancels within a round)."""
    return common.median([a / b for a, b in zip(numerator, denominator)])


def report(
    title: str, cells: dict[tuple[str, str], Cell], rounds: int, check_targets: bool
) -> list[tuple[str, bool]]:
    rows = []
    for (name, route), cell in cells.items():
        sdk = cells[("Longmem", route)]
        rows.append(
            [
                name,
                route,
                f"{common.median(cell.rate):,.0f}",
                f"{common.median(cell.cpu_us):,.0f}",
                f"{common.median(sdk.rate) / common.median(cell.rate):.2f}×",
                f"{common.median(cell.cpu_us) / common.median(sdk.cpu_us):.2f}×",
            ]
        )
    print(f"### {title}\n")
    print(
        f"Medians of {rounds} interleaved rounds (each contender runs ~{SECONDS_LABEL} per "
        "round, the order rotating); the ratio columns divide those medians.\n"
    )
    print(
        common.table(
            [
                "client",
                "route",
                "calls/s",
                "client CPU µs/call",
                "Longmem calls/s ÷ this",
                "this CPU ÷ Longmem CPU",
            ],
            rows,
        )
    )
    print()
    for route in ("GET", "POST"):
        sdk_us = 1e6 / common.median(cells[("Longmem", route)].rate)
        fresh_us = 1e6 / common.median(cells[("urllib.request (per call)", route)].rate)
        print(
            f"- {route}: a kept-alive Longmem call takes {sdk_us:,.0f} µs; a new connection "
            f"per call (urllib) takes {fresh_us:,.0f} µs, so keep-alive saves "
            f"{fresh_us - sdk_us:,.0f} µs per call ({fresh_us / sdk_us:.1f}×)."
        )
    print()
    if not check_targets:
        return []
    results: list[tuple[str, bool]] = []
    trows = []
    for other, target in (
        ("http.client (reused)", 0.85),
        ("httpx.Client", 2.0),
        ("requests.Session", 3.0),
    ):
        for route in ("GET", "POST"):
            ours, theirs = cells[("Longmem", route)].rate, cells[(other, route)].rate
            paired = paired_ratio(ours, theirs)
            of_medians = common.median(ours) / common.median(theirs)
            ok = min(paired, of_medians) >= target  # both readings must clear it
            results.append((f"{route} vs {other}", ok))
            trows.append([f"Longmem / {other}", route, f"{paired:.2f}×", f"{of_medians:.2f}×",
                          f"≥ {target}×", common.verdict(ok)])  # fmt: skip
    print(
        common.table(
            ["calls/s ratio", "route", "median of per-round ratios", "ratio of medians",
             "target", "verdict"],
            trows,
        )
    )  # fmt: skip
    print()
    return results


def profile(contenders: list[Contender], calls: int) -> None:
    import cProfile
    import io
    import pstats

    for contender in contenders:
        if contender.name not in ("Longmem", "http.client (reused)"):
            continue
        for route, call in (("GET", contender.get), ("POST", contender.post)):
            prof = cProfile.Profile()
            prof.enable()
            for _ in range(calls):
                call()
            prof.disable()
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(14)
            print(f"### cProfile: {contender.name} {route}, {calls} calls (by tottime)\n")
            print("```")
            text = out.getvalue()
            print(text[text.find("ncalls") - 1 :].rstrip() if "ncalls" in text else text)
            print("```\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a fast smoke run")
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument("--seconds", type=float, default=None, help="per contender per round")
    parser.add_argument("--no-tls", action="store_true", help="skip the TLS table")
    parser.add_argument("--profile", action="store_true", help="cProfile the SDK and bare path")
    args = parser.parse_args()
    rounds = args.rounds or (3 if args.quick else 61)
    seconds = args.seconds or (0.02 if args.quick else 0.05)
    warmup = 20 if args.quick else 300

    global SECONDS_LABEL
    SECONDS_LABEL = f"{seconds * 1000:g} ms"
    common.header("Per-call overhead (question 2)", sys.argv)
    results: list[tuple[str, bool]] = []
    with reply_server(None) as port:
        contenders = make_contenders(f"http://127.0.0.1:{port}", port)
        cells = measure(contenders, rounds, seconds, warmup)
        results += report("Plain HTTP on loopback, keep-alive", cells, rounds, True)
        if args.profile:
            profile(contenders, 2000 if not args.quick else 200)
        for contender in contenders:
            contender.close()

    if not args.no_tls:
        with tempfile.TemporaryDirectory(prefix="longmem-bench-tls-") as tmp:
            tls = common.make_tls_material(Path(tmp))
            context = ssl.create_default_context(cafile=str(tls.ca_file))
            with reply_server(tls) as port:
                contenders = make_contenders(
                    f"https://127.0.0.1:{port}", port, context, str(tls.ca_file)
                )
                # urllib pays a TLS handshake per call: fewer rounds' worth of warm-up.
                cells = measure(contenders, rounds, seconds, max(10, warmup // 10))
                report(
                    "TLS on loopback (CA made for the run; urllib pays a handshake per call)",
                    cells,
                    rounds,
                    False,
                )
                for contender in contenders:
                    contender.close()

    met = sum(ok for _, ok in results)
    print(f"Targets (plain HTTP): {met}/{len(results)} met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
