"""Every limit of PROTOCOL.md section 1, answered 422 in the list shape."""

from __future__ import annotations

from typing import Any

import pytest

from .server_api import Api, C

M = f"{C}/notes/memories"


def _errors(reply: Any) -> list[tuple[Any, str]]:
    assert reply.status == 422, reply.raw
    detail = reply.json["detail"]
    assert isinstance(detail, list)
    for item in detail:
        assert set(item) == {"loc", "msg", "type"}
        assert isinstance(item["msg"], str) and item["msg"]
    return [(tuple(item["loc"]), item["type"]) for item in detail]


@pytest.mark.parametrize(
    ("body", "loc", "kind"),
    [
        ({}, ("body", "text"), "missing"),
        ({"text": ""}, ("body", "text"), "string_too_short"),
        ({"text": "x" * 10_001}, ("body", "text"), "string_too_long"),
        ({"text": 5}, ("body", "text"), "string_type"),
        ({"text": "x", "importance": -0.01}, ("body", "importance"), "greater_than_equal"),
        ({"text": "x", "importance": 1.01}, ("body", "importance"), "less_than_equal"),
        ({"text": "x", "importance": "high"}, ("body", "importance"), "float_type"),
        ({"text": "x", "importance": True}, ("body", "importance"), "float_type"),
        ({"text": "x", "container_tag": "t" * 129}, ("body", "container_tag"), "string_too_long"),
        ({"text": "x", "category": ""}, ("body", "category"), "string_too_short"),
        ({"text": "x", "category": "c" * 65}, ("body", "category"), "string_too_long"),
        ({"text": "x", "source": "s" * 65}, ("body", "source"), "string_too_long"),
        ({"text": "x", "metadata": []}, ("body", "metadata"), "dict_type"),
        ({"text": "x", "metadata": "a=b"}, ("body", "metadata"), "dict_type"),
        ({"text": "x", "metadata": {"k": "v" * 16_400}}, ("body", "metadata"), "too_long"),
    ],
)
def test_add_limits(api: Api, body: Any, loc: Any, kind: str) -> None:
    assert (loc, kind) in _errors(api.post(M, body))


@pytest.mark.parametrize(
    "body",
    [
        {"text": "x" * 10_000},
        {"text": "x", "importance": 0},
        {"text": "x", "importance": 1},
        {"text": "x", "container_tag": "t" * 128},
        {"text": "x", "category": "c" * 64},
        {"text": "x", "metadata": {"k": "v" * 16_000}},
        {"text": "x", "container_tag": None, "metadata": None, "category": None},
    ],
)
def test_add_accepts_values_at_the_limits(api: Api, body: Any) -> None:
    assert api.post(M, body).status == 201


def test_all_problems_are_reported_at_once(api: Api) -> None:
    errors = _errors(api.post(M, {"text": "", "importance": 2, "container_tag": 1}))
    assert {loc for loc, _ in errors} == {
        ("body", "text"),
        ("body", "importance"),
        ("body", "container_tag"),
    }


@pytest.mark.parametrize("name", ["", "a" * 65, "has space", "semi;colon", "ümlaut", "a/b"])
def test_bad_collection_names(api: Api, name: str) -> None:
    from urllib.parse import quote

    path = f"{C}/{quote(name, safe='')}/memories"
    if name == "":
        assert api.post(path, {"text": "x"}).status == 404  # an empty segment matches no route
        return
    assert (("path", "collection"), "string_pattern_mismatch") in _errors(
        api.post(path, {"text": "x"})
    )
    assert _errors(api.post(C, {"name": name}))[0][0] == ("body", "name")


@pytest.mark.parametrize("name", ["a", "A-Z_a.z-0.9", "x" * 64])
def test_good_collection_names(api: Api, name: str) -> None:
    assert api.post(f"{C}/{name}/memories", {"text": "x"}).status == 201


def test_create_collection_requires_name(api: Api) -> None:
    assert (("body", "name"), "missing") in _errors(api.post(C, {}))


@pytest.mark.parametrize(
    ("query", "loc"),
    [
        ("limit=0", "limit"),
        ("limit=201", "limit"),
        ("limit=ten", "limit"),
        ("offset=-1", "offset"),
        ("include_archived=maybe", "include_archived"),
    ],
)
def test_list_query_limits(api: Api, query: str, loc: str) -> None:
    api.add("notes", "x")
    assert _errors(api.get(f"{M}?{query}"))[0][0] == ("query", loc)


def test_list_limit_200_is_allowed(api: Api) -> None:
    api.add("notes", "x")
    assert api.get(f"{M}?limit=200").status == 200


def test_batch_limits(api: Api) -> None:
    assert (("body", "memories"), "missing") in _errors(api.post(f"{M}/batch", {}))
    assert (("body", "memories"), "too_short") in _errors(api.post(f"{M}/batch", {"memories": []}))
    assert (("body", "memories"), "too_long") in _errors(
        api.post(f"{M}/batch", {"memories": ["x"] * 101})
    )
    assert (("body", "memories"), "list_type") in _errors(api.post(f"{M}/batch", {"memories": "x"}))
    assert (("body", "memories", 0), "dict_type") in _errors(
        api.post(f"{M}/batch", {"memories": [7]})
    )
    assert api.post(f"{M}/batch", {"memories": ["x"] * 100}).status == 201


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({}, "query"),
        ({"query": ""}, "query"),
        ({"query": 3}, "query"),
        ({"query": "x", "limit": 0}, "limit"),
        ({"query": "x", "limit": 101}, "limit"),
        ({"query": "x", "limit": "5"}, "limit"),
        ({"query": "x", "min_score": 1.5}, "min_score"),
        ({"query": "x", "min_score": -1}, "min_score"),
        ({"query": "x", "mode": "fuzzy"}, "mode"),
        ({"query": "x", "container_tag": "t" * 129}, "container_tag"),
        ({"query": "x", "metadata_filter": [1]}, "metadata_filter"),
        ({"query": "x", "category": ""}, "category"),
    ],
)
def test_search_limits(api: Api, body: Any, loc: str) -> None:
    api.add("notes", "x")
    for path in (f"{C}/notes/search", "/v1/memory/search"):
        assert _errors(api.post(path, body))[0][0] == ("body", loc)


def test_search_limit_100_is_allowed(api: Api) -> None:
    api.add("notes", "x")
    assert api.post(f"{C}/notes/search", {"query": "x", "limit": 100}).status == 200


def test_update_limits(api: Api) -> None:
    mem = api.add("notes", "x")
    path = f"{M}/{mem['id']}"
    assert _errors(api.put(path, {"text": ""}))[0][0] == ("body", "text")
    assert _errors(api.put(path, {"importance": 9}))[0][0] == ("body", "importance")
    assert _errors(api.put(path, {"category": "c" * 65}))[0][0] == ("body", "category")
    assert _errors(api.put(path, {"metadata": 3}))[0][0] == ("body", "metadata")
    assert api.get(path).json["text"] == "x"


def test_move_pin_archive_limits(api: Api) -> None:
    mem = api.add("notes", "x")
    path = f"{M}/{mem['id']}"
    assert (("body", "to_collection"), "missing") in _errors(api.post(path + "/move", {}))
    assert _errors(api.post(path + "/move", {"to_collection": "bad name"}))[0][0] == (
        "body",
        "to_collection",
    )
    assert (("body", "pinned"), "bool_type") in _errors(api.post(path + "/pin", {"pinned": "yes"}))
    assert (("body", "archived"), "bool_type") in _errors(
        api.post(path + "/archive", {"archived": 1})
    )


def test_related_query_limits(api: Api) -> None:
    mem = api.add("notes", "x")
    path = f"{M}/{mem['id']}/related"
    assert _errors(api.get(path + "?limit=0"))[0][0] == ("query", "limit")
    assert _errors(api.get(path + "?limit=101"))[0][0] == ("query", "limit")
    assert _errors(api.get(path + "?min_score=2"))[0][0] == ("query", "min_score")
    assert _errors(api.get(path + "?min_score=abc"))[0][0] == ("query", "min_score")


def test_import_limits(api: Api) -> None:
    path = "/v1/memory/admin/import"
    assert (("body", "memories"), "missing") in _errors(api.post(path, {}))
    assert (("body", "memories"), "too_long") in _errors(
        api.post(path, {"memories": [{"text": "x"}] * 10_001})
    )
    assert _errors(api.post(path, {"memories": [{"text": "x", "importance": 7}]}))[0][0] == (
        "body",
        "memories",
        0,
        "importance",
    )
    assert _errors(api.post(path, {"memories": [], "into_collection": "bad name"}))[0][0] == (
        "body",
        "into_collection",
    )
    assert _errors(api.post(path, {"memories": [{"text": "x", "collection": "a b"}]}))[0][0] == (
        "body",
        "memories",
        0,
        "collection",
    )
    reply = api.post(path, {"memories": [{"text": "x"}] * 10_000})
    assert reply.status == 200
    assert reply.json["imported"] == 10_000


def test_idempotency_key_longer_than_255_is_422(api: Api) -> None:
    reply = api.post(M, {"text": "x"}, headers={"Idempotency-Key": "k" * 256})
    assert (("header", "idempotency-key"), "string_too_long") in _errors(reply)
    assert api.post(M, {"text": "x"}, headers={"Idempotency-Key": "k" * 255}).status == 201


@pytest.mark.parametrize(
    "body",
    [
        {"text": "x", "metadata": {"nested": {"deep": [1, {"a": None}]}}},
        {"text": "\u0000 nul and emoji \U0001f600"},
        {"text": "x", "importance": 1e-300},
    ],
)
def test_odd_but_valid_inputs_are_stored(api: Api, body: Any) -> None:
    reply = api.post(M, body)
    assert reply.status == 201
    assert api.get(f"{M}/{reply.json['id']}").json["text"] == body["text"]


@pytest.mark.parametrize(
    "raw",
    [
        b"null",
        b"[]",
        b'"text"',
        b"1e999999",
        b'{"text": NaN}',
        b'{"text": "x", "metadata": {"a": Infinity}}',
        b'{"text": "x", "importance": -1e999}',
        b'{"text": {"$gt": ""}}',
    ],
)
def test_hostile_bodies_never_500(api: Api, raw: bytes) -> None:
    for path in (M, f"{C}/notes/search", "/v1/memory/admin/import", f"{M}/batch", C):
        assert api.post(path, raw=raw).status in (400, 422)


def test_absurdly_nested_json_is_400(api: Api) -> None:
    deep = b"[" * 10_000 + b"]" * 10_000  # (100,000 levels would be 413: too many values)
    assert api.post(M, raw=deep).status == 400
    body = b'{"text": "x", "metadata": {"a": ' + deep + b"}}"
    assert api.post(M, raw=body).status == 400


# A JSON integer may have any number of digits: past a float's range (~309 digits) it
# cannot become one, and past 4,300 Python refuses to parse it at all.
_HUGE_NUMBERS = ["1" + "0" * 400, "-1" + "0" * 400, "9" * 5_000, "-" + "9" * 5_000]


@pytest.mark.parametrize("number", _HUGE_NUMBERS, ids=["400", "-400", "5000", "-5000"])
def test_huge_integers_are_422_with_the_fields_range(api: Api, number: str) -> None:
    mem = api.add("notes", "an existing memory")
    cases = [
        ("POST", M, '{"text": "x", "importance": %s}', ["body", "importance"]),
        ("POST", f"{M}/batch", '{"memories": ["x"], "importance": %s}', ["body", "importance"]),
        (
            "POST",
            f"{M}/batch",
            '{"memories": [{"text": "x", "importance": %s}]}',
            ["body", "memories", 0, "importance"],
        ),
        ("PUT", f"{M}/{mem['id']}", '{"importance": %s}', ["body", "importance"]),
        (
            "POST",
            "/v1/memory/admin/import",
            '{"memories": [{"text": "x", "importance": %s}]}',
            ["body", "memories", 0, "importance"],
        ),
        ("POST", f"{C}/notes/search", '{"query": "x", "min_score": %s}', ["body", "min_score"]),
        ("POST", "/v1/memory/search", '{"query": "x", "min_score": %s}', ["body", "min_score"]),
        ("POST", f"{C}/notes/forget", '{"query": "x", "min_score": %s}', ["body", "min_score"]),
        ("POST", f"{C}/notes/dedup", '{"threshold": %s}', ["body", "threshold"]),
    ]
    negative = number.startswith("-")
    for method, path, template, loc in cases:
        reply = api.call(method, path, raw=(template % number).encode())
        assert reply.status == 422, (path, reply.status, reply.raw[:300])
        [error] = reply.json["detail"]
        assert error["loc"] == loc, path
        expected = "greater_than_equal" if negative else "less_than_equal"
        assert error["type"] == expected, (path, error)
    # Nothing was stored or changed.
    assert [m["text"] for m in api.get(M).json] == ["an existing memory"]
    assert api.get(f"{M}/{mem['id']}").json["importance"] == mem["importance"]


def test_huge_integers_in_metadata_are_422_not_stored(api: Api) -> None:
    for number in ("9" * 5_000, "-" + "9" * 5_000):
        raw = b'{"text": "x", "metadata": {"n": %s}}' % number.encode()
        reply = api.post(M, raw=raw)
        assert _errors(reply) == [(("body", "metadata"), "value_error")]
    # Within Python's limit an integer is a value like any other, kept exactly.
    big = "1" + "0" * 400
    reply = api.post(M, raw=b'{"text": "x", "metadata": {"n": %s}}' % big.encode())
    assert reply.status == 201
    assert reply.json["metadata"]["n"] == int(big)


@pytest.mark.parametrize(
    "value",
    ["%205", "5%20", "5_0", "%D9%A5", "%EF%BC%95", "5.0", "0x5", ""],
    ids=[
        "space-before",
        "space-after",
        "underscore",
        "arabic-indic",
        "fullwidth",
        "fraction",
        "hex",
        "empty",
    ],
)
def test_query_integers_are_ascii_decimal(api: Api, value: str) -> None:
    # Python's int() would take these too (" 5", "5_0", "٥"); the protocol reads decimal.
    api.add("notes", "x")
    assert _errors(api.get(f"{M}?limit={value}")) == [(("query", "limit"), "int_parsing")]


def test_query_integers_take_a_sign_zeros_and_any_number_of_digits(api: Api) -> None:
    api.add("notes", "x")
    for value in ("%2B5", "05", "0" * 5_000 + "5"):
        assert api.get(f"{M}?limit={value}").status == 200, value
    # Past Python's 4,300 digits a decimal is still one: out of range, as in a body.
    assert _errors(api.get(f"{M}?limit={'9' * 5_000}")) == [(("query", "limit"), "less_than_equal")]
    assert _errors(api.get(f"{M}?offset=-{'9' * 5_000}")) == [
        (("query", "offset"), "greater_than_equal")
    ]


def test_query_numbers_are_ascii_float_syntax(api: Api) -> None:
    mem = api.add("notes", "x")
    path = f"{M}/{mem['id']}/related?min_score="
    for value in ("1_0", "%201", "0.5%20", "%D9%A1", "0x1", "1e", "."):
        assert _errors(api.get(path + value)) == [(("query", "min_score"), "float_parsing")], value
    for value in ("0", "1", ".5", "0.", "5e-1", "%2B0.5", "1E0"):
        assert api.get(path + value).status == 200, value
    assert _errors(api.get(path + "nan")) == [(("query", "min_score"), "finite_number")]
    assert _errors(api.get(path + "-Infinity")) == [(("query", "min_score"), "greater_than_equal")]


def test_a_required_list_sent_as_null_is_a_type_error(api: Api) -> None:
    # Section 1.3: a required field sent as null is a type error, not a missing one.
    for path in (f"{M}/batch", "/v1/memory/admin/import"):
        assert _errors(api.post(path, {"memories": None})) == [(("body", "memories"), "list_type")]
        assert _errors(api.post(path, {})) == [(("body", "memories"), "missing")]


@pytest.mark.parametrize(
    "stamp",
    [
        "２０２６-01-02T03:04:05Z",  # fullwidth digits
        "2026-01-02T03:04:05+24:00",  # a zone a day from UTC
        "2026-01-02T03:04:05+0560",  # sixty minutes
        "2026-01-02T03:04:05-05:99",
    ],
)
def test_timestamps_outside_iso_8601_are_datetime_parsing(api: Api, stamp: str) -> None:
    reply = api.post("/v1/memory/admin/import", {"memories": [{"text": "x", "created_at": stamp}]})
    assert _errors(reply) == [(("body", "memories", 0, "created_at"), "datetime_parsing")]
    reply = api.post(f"{C}/notes/remember", {"content": "I like tea", "observed_at": stamp})
    assert _errors(reply) == [(("body", "observed_at"), "datetime_parsing")]


def test_timestamps_with_the_widest_zones_are_converted(api: Api) -> None:
    memories = [
        {"text": "east", "created_at": "2026-01-02T03:04:05+23:59"},
        {"text": "west", "created_at": "2026-01-02 03:04:05.999-2359"},
    ]
    reply = api.post("/v1/memory/admin/import", {"memories": memories, "into_collection": "tz"})
    assert reply.status == 200, reply.raw
    stamps = {m["text"]: m["created_at"] for m in api.get(f"{C}/tz/memories").json}
    assert stamps == {"east": "2026-01-01T03:05:05Z", "west": "2026-01-03T03:03:05Z"}
