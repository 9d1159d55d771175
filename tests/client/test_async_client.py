"""AsyncLongmem: Longmem's twin method for method, on asyncio, with safe cancellation.

The retry, transport and route tables (test_retries, test_transport, test_add_many,
test_routes) run against both clients; these are what only the async client has.
"""

from __future__ import annotations

import asyncio
import inspect
import subprocess
import sys
import time
from typing import Any

import pytest

import longmem
from longmem import AsyncLongmem, BatchProgress, Longmem, ServerError
from longmem._constants import ASYNC_MAX_CONNECTIONS

from .conftest import LoopBlockers
from .servers import Reply, ScriptedServer, Stall, TLSMaterial

OK = Reply(200, json=[{"name": "default"}])


def _public_methods(cls: type) -> dict[str, Any]:
    return {
        name: member
        for name, member in vars(cls).items()
        if callable(member) and not name.startswith("_")
    }


def test_every_public_method_has_a_coroutine_twin_with_the_same_signature() -> None:
    sync, async_ = _public_methods(Longmem), _public_methods(AsyncLongmem)
    assert sorted(async_) == sorted(sync)
    assert len(sync) >= 40
    for name, method in sync.items():
        twin = async_[name]
        assert inspect.iscoroutinefunction(twin), name
        ours, theirs = inspect.signature(method), inspect.signature(twin)
        assert list(theirs.parameters.values()) == list(ours.parameters.values()), name
        assert theirs.return_annotation == ours.return_annotation, name
        assert twin.__doc__ == method.__doc__, name


def test_constructor_takes_the_same_arguments_with_an_asyncio_sleep() -> None:
    ours = inspect.signature(Longmem.__init__).parameters
    theirs = inspect.signature(AsyncLongmem.__init__).parameters
    # And one of its own: a thread's one connection needs no cap, asyncio's many do.
    assert list(theirs) == [*ours, "max_connections"]
    assert theirs["max_connections"].default == ASYNC_MAX_CONNECTIONS == 100
    assert theirs["max_connections"].kind is inspect.Parameter.KEYWORD_ONLY
    for name, parameter in ours.items():
        if name != "sleep":
            assert theirs[name] == parameter, name
    assert theirs["sleep"].default is asyncio.sleep
    assert theirs["sleep"].kind is ours["sleep"].kind


def test_constructor_checks_arguments_as_longmem_does() -> None:
    with pytest.raises(longmem.InvalidArgumentError, match="max_retries must be a whole number"):
        AsyncLongmem(api_key="k", max_retries=-1)
    with pytest.raises(longmem.LongmemError, match="no API key"):
        AsyncLongmem(api_key="  ")
    with pytest.raises(longmem.InvalidArgumentError, match="sleep must be callable"):
        AsyncLongmem(api_key="k", sleep=3)  # type: ignore[arg-type]
    with pytest.raises(
        longmem.InvalidArgumentError, match="max_connections must be at least 1, got 0"
    ):
        AsyncLongmem(api_key="k", max_connections=0)


def test_max_connections_caps_the_connections_a_burst_opens(server: ScriptedServer) -> None:
    server.set_default(Stall(0.02, then=OK))

    async def main() -> list[Any]:
        async with AsyncLongmem(api_key="k", base_url=server.url, max_connections=4) as mem:
            return await asyncio.gather(*(mem.collections() for _ in range(20)))

    assert asyncio.run(main()) == [[{"name": "default"}]] * 20
    assert server.connections == 4


def test_an_https_client_builds_its_tls_context_before_its_first_call(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Loading the trust store inside the first call would stall the event loop (~20 ms).
    import ssl

    built: list[object] = []
    real = ssl.create_default_context

    def recording(*args: Any, **kwargs: Any) -> ssl.SSLContext:
        built.append(args or kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(ssl, "create_default_context", recording)
    AsyncLongmem(api_key="k", base_url="http://127.0.0.1:9")
    assert built == []  # plain HTTP needs none
    AsyncLongmem(api_key="k", base_url="https://127.0.0.1:9")
    assert len(built) == 1
    # So a CA file that cannot be read is said by the constructor, not the first call.
    with pytest.raises(longmem.LongmemError, match=r"^cannot load ca_file '/nonexistent/ca\.pem'"):
        AsyncLongmem(api_key="k", base_url="https://127.0.0.1:9", ca_file="/nonexistent/ca.pem")


def test_import_longmem_loads_asyncio_only_when_async_longmem_is_used() -> None:
    probe = (
        "import sys, longmem; before = 'asyncio' in sys.modules\n"
        "longmem.AsyncLongmem\n"
        "print(before, 'asyncio' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert out.stdout.split() == ["False", "True"], out.stderr


def test_a_star_import_brings_async_longmem_and_so_asyncio() -> None:
    # AsyncLongmem is public, so it is in __all__; a star import asks for every public
    # name, so it loads asyncio, as using AsyncLongmem does (README says so).
    probe = (
        "import sys; from longmem import *; print(AsyncLongmem.__name__, 'asyncio' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert out.stdout.split() == ["AsyncLongmem", "True"], out.stderr


def test_unknown_attribute_of_the_package_is_still_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'AsyncLongmen'"):
        longmem.AsyncLongmen  # noqa: B018


def test_async_with_closes_and_the_methods_are_coroutines(server: ScriptedServer) -> None:
    server.script(OK, OK)

    async def main() -> Any:
        async with AsyncLongmem(api_key="k", base_url=server.url) as mem:
            pending = mem.collections()
            assert inspect.iscoroutine(pending)
            first = await pending
        return first, await mem.collections()  # a closed client reconnects if used again

    assert asyncio.run(main()) == ([{"name": "default"}], [{"name": "default"}])


def test_retries_sleep_through_an_awaited_sleep(server: ScriptedServer) -> None:
    server.script(Reply(503), Reply(503), OK)
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    async def main() -> Any:
        async with AsyncLongmem(
            api_key="k", base_url=server.url, sleep=sleep, random=lambda: 0.0
        ) as mem:
            return await mem.collections()

    assert asyncio.run(main()) == [{"name": "default"}]
    assert slept == [0.5, 1.0]


def test_a_plain_sleep_returning_a_value_is_called_not_awaited(server: ScriptedServer) -> None:
    server.script(Reply(503), OK)
    slept: list[float] = []

    def sleep(seconds: float) -> float:  # a recorder that returns what it was given
        slept.append(seconds)
        return seconds

    async def main() -> Any:
        async with AsyncLongmem(
            api_key="k", base_url=server.url, sleep=sleep, random=lambda: 0.0
        ) as mem:
            return await mem.collections()

    assert asyncio.run(main()) == [{"name": "default"}]
    assert slept == [0.5]


def test_an_async_on_progress_is_awaited_after_each_chunk(server: ScriptedServer) -> None:
    from .test_add_many import created, items

    server.set_default(created)
    reports: list[tuple[int, int]] = []

    async def on_progress(progress: BatchProgress) -> None:
        await asyncio.sleep(0)  # a real coroutine: only awaiting it runs this line
        reports.append((progress.created, len(server.requests)))

    async def main() -> Any:
        async with AsyncLongmem(api_key="k", base_url=server.url) as mem:
            return await mem.add_many(items(150), on_progress=on_progress)

    assert asyncio.run(main())["created"] == 150
    assert reports == [(100, 1), (150, 2)]  # each awaited before the next chunk is sent


def test_wait_for_job_polls_through_the_async_sleep(server: ScriptedServer) -> None:
    server.script(
        Reply(200, json={"id": "j", "status": "pending"}),
        Reply(200, json={"id": "j", "status": "done", "facts": []}),
    )
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    async def main() -> Any:
        async with AsyncLongmem(api_key="k", base_url=server.url, sleep=sleep) as mem:
            return await mem.wait_for_job("j", poll_interval=0.25)

    assert asyncio.run(main())["status"] == "done"
    assert slept == [0.25]
    assert [r.path for r in server.requests] == ["/v1/memory/extract/job/j"] * 2


def test_bad_arguments_raise_before_anything_is_sent(server: ScriptedServer) -> None:
    async def main() -> None:
        async with AsyncLongmem(api_key="k", base_url=server.url) as mem:
            await mem.add("x", importance=2.0)

    with pytest.raises(longmem.InvalidArgumentError, match="importance"):
        asyncio.run(main())
    assert server.requests == []


def test_cancelling_during_a_backoff_sleep_raises_cancelled_error_at_once(
    server: ScriptedServer,
) -> None:
    server.set_default(Reply(503, headers={"Retry-After": "30"}))

    async def main() -> float:
        async with AsyncLongmem(api_key="k", base_url=server.url) as mem:
            call = asyncio.ensure_future(mem.collections())
            while not server.requests:  # the first attempt is answered: now it sleeps 30 s
                await asyncio.sleep(0.005)
            await asyncio.sleep(0.05)
            started = time.monotonic()
            call.cancel()
            with pytest.raises(asyncio.CancelledError):
                await call
            return time.monotonic() - started

    assert asyncio.run(main()) < 0.1  # at once, not after the 30 s Retry-After
    assert len(server.requests) == 1


def test_a_final_error_is_the_same_as_longmems(server: ScriptedServer) -> None:
    server.set_default(Reply(503, json={"detail": "down"}, headers={"X-Request-Id": "r1"}))

    async def main() -> None:
        async with AsyncLongmem(api_key="k", base_url=server.url, max_retries=0) as mem:
            await mem.collections()

    with pytest.raises(ServerError) as caught:
        asyncio.run(main())
    error = caught.value
    assert (error.status, error.detail, error.request_id) == (503, "down", "r1")


def test_event_loop_stays_responsive_while_a_request_stalls(
    server: ScriptedServer,
    tls_server: ScriptedServer,
    tls_material: TLSMaterial,
    loop_blockers: LoopBlockers,
) -> None:
    server.set_default(Stall(3.0))
    tls_server.set_default(OK)
    # Built outside the loop: the constructor loads the trust store, by design.
    plain = AsyncLongmem(api_key="k", base_url=server.url, max_retries=0)
    secure = AsyncLongmem(api_key="k", base_url=tls_server.url, ca_file=str(tls_material.ca_file))

    async def main() -> int:
        with loop_blockers.armed():
            assert await secure.collections() == [{"name": "default"}]  # name lookup + TLS
            call = asyncio.ensure_future(plain.collections())
            ticks = 0
            while ticks < 50 and not call.done():  # ~0.5 s of ticks while the answer stalls
                await asyncio.sleep(0.01)
                ticks += 1
            # A blocking exchange would hold the loop for the whole stall and end the call.
            assert not call.done()
            call.cancel()
            with pytest.raises(asyncio.CancelledError):
                await call
        await plain.close()
        await secure.close()
        return ticks

    assert asyncio.run(main()) == 50
    # What a stopwatch could only guess at on a busy machine: nothing inside a call
    # blocked the loop, not even once (a lookup, a trust store, a sleep).
    assert loop_blockers.calls == []


def test_a_cancelled_call_never_leaves_its_connection_for_the_next(server: ScriptedServer) -> None:
    server.script(Stall(3.0, then=OK), OK)

    async def main() -> Any:
        async with AsyncLongmem(api_key="k", base_url=server.url) as mem:
            call = asyncio.ensure_future(mem.collections())
            while not server.requests:
                await asyncio.sleep(0.005)
            call.cancel()
            with pytest.raises(asyncio.CancelledError):
                await call
            return await mem.collections()

    assert asyncio.run(main()) == [{"name": "default"}]
    assert server.connections == 2  # the half-read connection was closed, not reused
