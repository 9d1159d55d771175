"""No input produces a 500: random JSON bodies and paths against every route."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import pytest

from longmem.server.routes import ROUTES

from .server_api import Api

# hypothesis is a dev extra; the CI matrix installs only the test extra.
hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from ..budget import examples  # noqa: E402

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
_field_names = st.sampled_from(
    [
        "text",
        "importance",
        "category",
        "source",
        "metadata",
        "container_tag",
        "memories",
        "query",
        "limit",
        "min_score",
        "mode",
        "metadata_filter",
        "to_collection",
        "pinned",
        "archived",
        "name",
        "description",
        "collections",
        "into_collection",
        "expires_at",
        "content",
    ]
)
_bodies = st.one_of(_json, st.dictionaries(_field_names, _json, max_size=6))
_segments = st.one_of(st.sampled_from(["notes", "mem_x", "", "..", "a.b"]), st.text(max_size=12))


@settings(
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    route=st.sampled_from(ROUTES),
    segment=_segments,
    body=_bodies,
    query=st.dictionaries(
        st.sampled_from(["limit", "offset", "min_score", "include_archived"]),
        st.text(max_size=6),
        max_size=3,
    ),
)
def test_random_requests_never_500(
    api: Api, route: Any, segment: str, body: Any, query: dict[str, str]
) -> None:
    path = route.pattern
    for name in ("{collection}", "{memory_id}", "{id}"):
        path = path.replace(name, quote(segment, safe="") or "x")
    if query:
        path += "?" + "&".join(f"{quote(k)}={quote(v)}" for k, v in query.items())
    reply = api.call(route.method, path, raw=json.dumps(body).encode())
    assert reply.status < 500 or reply.status == 501, (route.method, path, body, reply.raw)
