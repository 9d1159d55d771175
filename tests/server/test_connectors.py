"""Connector providers on their own: directory files and loopback RSS/Atom feeds."""

from __future__ import annotations

import base64
import ipaddress
import json
import os
import socket
import threading
import time
from pathlib import Path
from typing import Any, ClassVar, Optional

import pytest

from longmem.server import connectors
from longmem.server.connectors import (
    STRICT,
    ConfigError,
    FetchPolicy,
    Item,
    SyncError,
    SyncResult,
    fetch,
    sync,
    validate_config,
)
from longmem.server.connectors.fetch import is_public

from ..cost import least_cpu
from .server_api import FeedServer

# -- helpers -----------------------------------------------------------------------------


def _dir_sync(root: Path, cursor: Optional[str] = None, **config: Any) -> SyncResult:
    return sync("directory", {"path": str(root), **config}, None, cursor, roots=[str(root)])


def _keys(result: SyncResult) -> list[str]:
    return sorted(item.key for item in result.items)


def _rewrite(path: Path, text: str) -> None:
    """Write new content and move the mtime on, as an editor saving later would."""
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))


def _rss(*items: tuple[str, str, str, Optional[str]]) -> str:
    """An RSS 2.0 document from (guid, title, description, pubDate) tuples."""
    parts = []
    for guid, title, description, date in items:
        date_xml = f"<pubDate>{date}</pubDate>" if date else ""
        parts.append(
            f"<item><guid>{guid}</guid><title>{title}</title>"
            f"<link>https://example.test/{guid}</link>"
            f"<description>{description}</description>{date_xml}</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Test feed</title>{''.join(parts)}</channel></rss>"
    )


_ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom test</title>
  {entries}
</feed>"""

_ATOM_ENTRY = """<entry>
    <id>{id}</id><title>{title}</title>
    <link rel="alternate" href="https://example.test/{id}"/>
    <updated>{updated}</updated>
    <summary type="html">{summary}</summary>
  </entry>"""


def _atom(*entries: tuple[str, str, str, str]) -> str:
    return _ATOM.format(
        entries="".join(
            _ATOM_ENTRY.format(id=i, title=t, updated=u, summary=s) for i, t, u, s in entries
        )
    )


# The feeds of these tests are on loopback: the operator's opt-in.
ANY_ADDRESS = FetchPolicy(allow_private=True)


@pytest.fixture
def as_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loopback taken for a public address: what a caller reads about a public feed, whose
    errors may say what went wrong (behind the operator's allow-list they may not)."""
    monkeypatch.setattr(fetch, "is_public", lambda address: True)


def _rss_sync(
    url: str, cursor: Optional[str] = None, credentials: Optional[dict[str, str]] = None
) -> SyncResult:
    return sync("rss", {"url": url}, credentials, cursor, timeout=2.0, fetch_policy=ANY_ADDRESS)


@pytest.fixture
def refused_url(refused_port: int) -> str:
    """A feed URL where connecting is refused (the port is held for the test)."""
    return f"http://127.0.0.1:{refused_port}/feed.xml"


# -- directory ---------------------------------------------------------------------------


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    root = tmp_path / "notes"
    (root / "sub").mkdir(parents=True)
    (root / "a.md").write_text("# A\n\nFirst note.", encoding="utf-8")
    (root / "sub" / "b.txt").write_text("Second note.", encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG not a note")
    return root


def test_directory_first_sync_returns_every_matching_file(notes: Path) -> None:
    result = _dir_sync(notes)
    assert _keys(result) == ["a.md#0", "sub/b.txt#0"]
    by_key = {item.key: item for item in result.items}
    assert by_key["a.md#0"].text == "# A\n\nFirst note."
    assert by_key["sub/b.txt#0"].metadata == {"path": "sub/b.txt", "chunk": 0, "chunks": 1}


def test_directory_item_hash_is_sha256_of_text(notes: Path) -> None:
    item = _dir_sync(notes).items[0]
    assert item.content_hash == Item(key="x", text=item.text).content_hash
    assert len(item.content_hash) == 64


def test_directory_long_file_is_chunked_at_paragraphs(tmp_path: Path) -> None:
    paragraph = ("word " * 199 + "end.").strip()  # 999 chars
    (tmp_path / "long.md").write_text("\n\n".join([paragraph] * 25), encoding="utf-8")
    items = _dir_sync(tmp_path).items
    assert [item.key for item in items] == ["long.md#0", "long.md#1", "long.md#2"]
    assert all(1 <= len(item.text) <= 10_000 for item in items)
    assert all(item.text.endswith("end.") for item in items)
    assert sum(item.text.count("end.") for item in items) == 25
    assert items[0].metadata == {"path": "long.md", "chunk": 0, "chunks": 3}


def test_directory_chunks_text_without_boundaries(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_text("x" * 25_000, encoding="utf-8")
    items = _dir_sync(tmp_path).items
    assert [len(item.text) for item in items] == [10_000, 10_000, 5_000]


def test_directory_second_sync_with_cursor_returns_nothing(notes: Path) -> None:
    first = _dir_sync(notes)
    second = _dir_sync(notes, first.cursor)
    assert second.items == []
    assert json.loads(second.cursor)["files"].keys() == {"a.md", "sub/b.txt"}


def test_directory_modified_file_returns_with_same_key(notes: Path) -> None:
    first = _dir_sync(notes)
    _rewrite(notes / "a.md", "# A\n\nFirst note, edited.")
    second = _dir_sync(notes, first.cursor)
    assert [(i.key, i.text) for i in second.items] == [("a.md#0", "# A\n\nFirst note, edited.")]
    assert _dir_sync(notes, second.cursor).items == []


def test_directory_same_size_edit_is_seen(notes: Path) -> None:
    first = _dir_sync(notes)
    (notes / "a.md").write_text("# B\n\nFirst note.", encoding="utf-8")  # same size, fresh mtime
    assert _keys(_dir_sync(notes, first.cursor)) == ["a.md#0"]


def test_directory_touched_but_unchanged_file_is_not_returned(notes: Path) -> None:
    first = _dir_sync(notes)
    _rewrite(notes / "a.md", "# A\n\nFirst note.")
    assert _dir_sync(notes, first.cursor).items == []


def test_directory_new_file_returns_only_it(notes: Path) -> None:
    first = _dir_sync(notes)
    (notes / "c.md").write_text("Third note.", encoding="utf-8")
    assert _keys(_dir_sync(notes, first.cursor)) == ["c.md#0"]


def test_directory_deleted_file_returns_nothing(notes: Path) -> None:
    first = _dir_sync(notes)
    (notes / "a.md").unlink()
    second = _dir_sync(notes, first.cursor)
    assert second.items == []
    assert "a.md" not in json.loads(second.cursor)["files"]


def test_directory_patterns_filter(notes: Path) -> None:
    assert _keys(_dir_sync(notes, patterns=["*.md"])) == ["a.md#0"]
    assert _keys(_dir_sync(notes, patterns=["**/*.txt"])) == ["sub/b.txt#0"]


def test_directory_skips_hidden_folders_and_empty_files(notes: Path) -> None:
    (notes / ".git").mkdir()
    (notes / ".git" / "notes.txt").write_text("tool state", encoding="utf-8")
    (notes / "empty.md").write_text("  \n", encoding="utf-8")
    assert _keys(_dir_sync(notes)) == ["a.md#0", "sub/b.txt#0"]


def test_directory_garbled_cursor_means_full_resync(notes: Path) -> None:
    assert _keys(_dir_sync(notes, "not json")) == ["a.md#0", "sub/b.txt#0"]


def test_directory_missing_is_sync_error(tmp_path: Path) -> None:
    with pytest.raises(SyncError, match="directory not found"):
        _dir_sync(tmp_path / "nope")


def test_directory_path_that_is_a_file_is_sync_error(notes: Path) -> None:
    with pytest.raises(SyncError, match="not a directory"):
        _dir_sync(notes / "a.md")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_directory_unreadable_file_is_sync_error(notes: Path) -> None:
    (notes / "a.md").chmod(0)
    try:
        with pytest.raises(SyncError, match=r"cannot read a\.md"):
            _dir_sync(notes)
    finally:
        (notes / "a.md").chmod(0o644)


def test_directory_unreadable_file_is_sync_error_via_oserror(
    notes: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: object, real: str, expected: os.stat_result) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(connectors.directory._FileGuard, "read", refuse)
    with pytest.raises(SyncError, match=r"cannot read a\.md: Permission denied"):
        _dir_sync(notes)


# -- directory: what a sync may read ------------------------------------------------------


needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="posix")


@needs_symlinks
def test_directory_symlink_out_of_the_folder_is_skipped(notes: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("password hunter2", encoding="utf-8")
    (outside / "more.md").write_text("also outside", encoding="utf-8")
    (notes / "innocent.md").symlink_to(outside / "secret.md")
    (notes / "linked").symlink_to(outside, target_is_directory=True)
    (notes / "alias.md").symlink_to(notes / "a.md")  # a link that stays inside is fine
    result = _dir_sync(notes, patterns=["**/*.md", "linked/*.md"])
    assert _keys(result) == ["a.md#0", "alias.md#0"]
    assert not any("hunter2" in item.text or "outside" in item.text for item in result.items)


@needs_symlinks
def test_directory_symlinked_folder_resolves_to_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "n.md").write_text("note", encoding="utf-8")
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    result = sync("directory", {"path": str(tmp_path / "link")}, None, None, roots=[str(real)])
    assert _keys(result) == ["n.md#0"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs os.mkfifo")
def test_directory_fifo_is_skipped_without_hanging(notes: Path) -> None:
    os.mkfifo(notes / "pipe.md")
    outcome: list[Any] = []
    worker = threading.Thread(target=lambda: outcome.append(_dir_sync(notes)), daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "reading a FIFO hung the sync"
    assert _keys(outcome[0]) == ["a.md#0", "sub/b.txt#0"]


def test_directory_excluded_files_are_never_read(notes: Path) -> None:
    db = notes / "longmem.db"
    names = ["longmem.db", "longmem.db-wal", "longmem.db-shm", "longmem.db.secret"]
    for name in names:
        (notes / name).write_text(f"tenant data in {name}", encoding="utf-8")
    excluded = [str(db), f"{db}-wal", f"{db}-shm", f"{db}-journal", f"{db}.secret"]
    if hasattr(os, "link"):
        os.link(db, notes / "copy.md")  # the same file under another name
    config = {"path": str(notes), "patterns": ["*"]}
    result = sync("directory", config, None, None, roots=[str(notes)], excluded=excluded)
    assert _keys(result) == ["a.md#0", "image.png#0"]
    assert not any("tenant data" in item.text for item in result.items)


def test_directory_outside_the_roots_is_refused(tmp_path: Path) -> None:
    inside, outside = tmp_path / "in", tmp_path / "out"
    inside.mkdir()
    outside.mkdir()
    with pytest.raises(ConfigError) as caught:
        validate_config("directory", {"path": str(outside)}, None, roots=[str(inside)])
    [(loc, message)] = caught.value.problems
    assert loc == ("config", "path")
    assert "connector roots" in message and os.path.realpath(inside) in message
    # Resolved first: '..' and symlinks cannot climb out.
    with pytest.raises(ConfigError):
        validate_config("directory", {"path": f"{inside}/../out"}, None, roots=[str(inside)])
    assert validate_config("directory", {"path": str(inside / "deeper")}, None, roots=[str(inside)])
    # No roots at all: no directory connection.
    with pytest.raises(ConfigError, match="none granted"):
        validate_config("directory", {"path": str(inside)}, None)


@needs_symlinks
def test_directory_symlink_to_outside_the_roots_is_refused(tmp_path: Path) -> None:
    inside, outside = tmp_path / "in", tmp_path / "out"
    inside.mkdir()
    outside.mkdir()
    (inside / "escape").symlink_to(outside, target_is_directory=True)
    with pytest.raises(ConfigError, match="connector roots"):
        validate_config("directory", {"path": str(inside / "escape")}, None, roots=[str(inside)])


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc")
def test_directory_under_proc_is_refused_whatever_the_roots() -> None:
    with pytest.raises(ConfigError, match="/proc"):
        validate_config("directory", {"path": "/proc/self"}, None, roots=["/"])


def test_sync_rechecks_the_roots(notes: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    with pytest.raises(SyncError, match="connector roots"):
        sync("directory", {"path": str(notes)}, None, None, roots=[str(other)])


# -- rss ---------------------------------------------------------------------------------


def test_rss_first_sync_returns_entries(feeds: FeedServer) -> None:
    url = feeds.serve(
        "/feed.xml",
        _rss(
            ("g2", "Second", "Two", "Tue, 02 Jan 2024 10:00:00 GMT"),
            ("g1", "First", "One", "Mon, 01 Jan 2024 10:00:00 GMT"),
        ),
    )
    result = _rss_sync(url)
    assert [item.key for item in result.items] == ["g1", "g2"]  # oldest first
    assert result.items[0].text == "First\n\nOne"
    assert result.items[0].metadata["link"] == "https://example.test/g1"
    assert result.items[0].metadata["published"] == "2024-01-01T10:00:00+00:00"
    assert result.items[0].metadata["feed"] == "Test feed"
    assert json.loads(result.cursor)["newest"] == "2024-01-02T10:00:00+00:00"


def test_rss_second_sync_returns_nothing(feeds: FeedServer) -> None:
    url = feeds.serve("/feed.xml", _rss(("g1", "First", "One", "Mon, 01 Jan 2024 10:00:00 GMT")))
    first = _rss_sync(url)
    assert _rss_sync(url, first.cursor).items == []


def test_rss_new_entry_returns_only_it(feeds: FeedServer) -> None:
    old = ("g1", "First", "One", "Mon, 01 Jan 2024 10:00:00 GMT")
    url = feeds.serve("/feed.xml", _rss(old))
    first = _rss_sync(url)
    feeds.serve("/feed.xml", _rss(("g2", "Second", "Two", "Tue, 02 Jan 2024 10:00:00 GMT"), old))
    assert [item.key for item in _rss_sync(url, first.cursor).items] == ["g2"]


def test_rss_entry_older_than_cursor_is_not_returned(feeds: FeedServer) -> None:
    url = feeds.serve("/feed.xml", _rss(("g2", "New", "Two", "Tue, 02 Jan 2024 10:00:00 GMT")))
    first = _rss_sync(url)
    feeds.serve("/feed.xml", _rss(("g0", "Backdated", "Old", "Sun, 31 Dec 2023 10:00:00 GMT")))
    assert _rss_sync(url, first.cursor).items == []


def test_rss_undated_entries_are_deduplicated_by_guid(feeds: FeedServer) -> None:
    url = feeds.serve("/feed.xml", _rss(("g1", "First", "One", None)))
    first = _rss_sync(url)
    feeds.serve("/feed.xml", _rss(("g2", "Second", "Two", None), ("g1", "First", "One", None)))
    second = _rss_sync(url, first.cursor)
    assert [item.key for item in second.items] == ["g2"]
    assert _rss_sync(url, second.cursor).items == []


def test_rss_cursor_keeps_a_bounded_number_of_ids(
    feeds: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connectors.rss, "SEEN_IDS_MAX", 3)
    url = feeds.serve("/feed.xml", _rss(*[(f"g{i}", "T", "D", None) for i in range(5)]))
    assert len(json.loads(_rss_sync(url).cursor)["seen"]) == 3


def test_rss_html_is_stripped_and_entities_unescaped(feeds: FeedServer) -> None:
    description = (
        "&lt;p&gt;Fish &amp;amp; chips&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
        "&lt;p&gt;caf&amp;eacute; &lt;b&gt;bold&lt;/b&gt;&lt;/p&gt;"
    )
    url = feeds.serve("/feed.xml", _rss(("g1", "Tom &amp;amp; Jerry", description, None)))
    assert _rss_sync(url).items[0].text == "Tom & Jerry\n\nFish & chips\n\ncafé bold"


def test_rss_html_with_a_lone_bracket_keeps_it_as_text_in_time_linear_in_its_length() -> None:
    to_text = connectors.feeds._html_to_text
    assert to_text("<p>a < b</p><p>c</p>") == "a < b\n\nc"
    assert to_text("1 <2 <3 <b>bold</b>") == "1 <2 <3 bold"

    # Before CPython's 2025 fix, html.parser looked for a tag's end from each "<" that
    # began none: an item of "<a" said 100,000 times took 27 s of CPU. A ratio: eight
    # times the markup, about eight times the CPU (quadratic: sixty-four). The bound sits
    # between the two, so a CI machine running two suites at once does not fail it (four
    # times the markup against eight had read 8.1 there once; 4.0–5.0 idle).
    def cost(times: int) -> float:
        return least_cpu(lambda: to_text("<a" * times), times=5)

    assert cost(40_000) < 24 * cost(5_000)


def test_rss_cdata_description_is_stripped(feeds: FeedServer) -> None:
    url = feeds.serve(
        "/feed.xml", _rss(("g1", "Title", "<![CDATA[<p>Hello <i>world</i></p>]]>", None))
    )
    assert _rss_sync(url).items[0].text == "Title\n\nHello world"


def test_atom_first_sync_then_new_entry(feeds: FeedServer) -> None:
    one = ("urn:1", "One", "2024-01-01T10:00:00Z", "&lt;p&gt;first &amp;amp; only&lt;/p&gt;")
    url = feeds.serve("/atom.xml", _atom(one))
    first = _rss_sync(url)
    assert [(i.key, i.text) for i in first.items] == [("urn:1", "One\n\nfirst & only")]
    assert first.items[0].metadata["link"] == "https://example.test/urn:1"
    assert _rss_sync(url, first.cursor).items == []
    two = ("urn:2", "Two", "2024-01-02T10:00:00.123456789+02:00", "second")
    feeds.serve("/atom.xml", _atom(two, one))
    assert [i.key for i in _rss_sync(url, first.cursor).items] == ["urn:2"]


def test_atom_edited_entry_returns_with_same_key(feeds: FeedServer) -> None:
    url = feeds.serve("/atom.xml", _atom(("urn:1", "One", "2024-01-01T10:00:00Z", "draft")))
    first = _rss_sync(url)
    feeds.serve("/atom.xml", _atom(("urn:1", "One", "2024-01-05T10:00:00Z", "final")))
    items = _rss_sync(url, first.cursor).items
    assert [(i.key, i.text) for i in items] == [("urn:1", "One\n\nfinal")]


def test_rss_malformed_xml_is_sync_error(feeds: FeedServer, as_public: None) -> None:
    url = feeds.serve("/feed.xml", "<rss><channel><item></channel>")
    with pytest.raises(SyncError, match=r"^fetch failed: not an RSS or Atom feed$"):
        _rss_sync(url)


def test_rss_non_feed_xml_is_sync_error(feeds: FeedServer, as_public: None) -> None:
    url = feeds.serve("/feed.xml", "<html><body>hi</body></html>")
    with pytest.raises(SyncError) as caught:
        _rss_sync(url)
    # Never the root element: the error must not fingerprint what answered.
    assert str(caught.value) == "fetch failed: not an RSS or Atom feed"


def test_rss_doctype_with_entities_is_refused(feeds: FeedServer, as_public: None) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        "<rss><channel><item><title>&lol2;</title></item></channel></rss>"
    )
    url = feeds.serve("/feed.xml", laughs)
    with pytest.raises(SyncError, match="declares XML entities"):
        _rss_sync(url)


def test_rss_utf16_doctype_with_entities_is_refused(feeds: FeedServer, as_public: None) -> None:
    doc = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE r [<!ENTITY a "b">]><rss/>'
    feeds.routes["/feed.xml"] = (200, {}, doc.encode("utf-16"))
    with pytest.raises(SyncError, match="declares XML entities"):
        _rss_sync(feeds.url("/feed.xml"))


def test_rss_404_is_sync_error(feeds: FeedServer, as_public: None) -> None:
    with pytest.raises(SyncError, match=r"^fetch failed: HTTP 4xx$"):
        _rss_sync(feeds.url("/missing.xml"))


def test_rss_connection_refused_is_sync_error(refused_url: str) -> None:
    with pytest.raises(SyncError, match=r"^fetch failed$"):
        _rss_sync(refused_url)


def test_rss_oversized_feed_is_sync_error(
    feeds: FeedServer, monkeypatch: pytest.MonkeyPatch, as_public: None
) -> None:
    monkeypatch.setattr(connectors.rss, "FEED_MAX_BYTES", 100)
    url = feeds.serve("/feed.xml", _rss(*[(f"g{i}", "T", "D", None) for i in range(10)]))
    with pytest.raises(SyncError, match=r"^fetch failed: larger than"):
        _rss_sync(url)


def test_rss_timeout_is_sync_error(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "HTTP_PROXY"):
        monkeypatch.delenv(name, raising=False)
    # Accepts the connection and never answers.
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/feed.xml"
        with pytest.raises(SyncError, match="timed out"):
            sync("rss", {"url": url}, None, None, timeout=0.2, fetch_policy=ANY_ADDRESS)


def test_rss_sends_user_agent(feeds: FeedServer) -> None:
    _rss_sync(feeds.serve("/feed.xml", _rss()))
    assert feeds.requests[0]["User-Agent"].startswith("longmem/")


def test_rss_basic_credentials_sent_and_kept_out_of_errors(feeds: FeedServer) -> None:
    credentials = {"username": "alice", "password": "s3cret-pass"}
    with pytest.raises(SyncError) as caught:
        _rss_sync(feeds.url("/private.xml"), credentials=credentials)
    expected = "Basic " + base64.b64encode(b"alice:s3cret-pass").decode()
    assert feeds.requests[0]["Authorization"] == expected
    assert "s3cret-pass" not in str(caught.value)
    assert expected.split()[1] not in str(caught.value)


def test_rss_bearer_token_sent_and_kept_out_of_errors(feeds: FeedServer, refused_url: str) -> None:
    token = "tok-abcdef123456"
    feeds.serve("/feed.xml", "<rss><channel><item>", status=200)
    with pytest.raises(SyncError) as caught:
        _rss_sync(feeds.url("/feed.xml"), credentials={"token": token})
    assert feeds.requests[0]["Authorization"] == f"Bearer {token}"
    assert token not in str(caught.value)
    with pytest.raises(SyncError) as refused:
        _rss_sync(refused_url, credentials={"token": token})
    assert token not in str(refused.value)


def test_rss_redirect_is_followed_keeping_credentials_on_same_host(feeds: FeedServer) -> None:
    url = feeds.serve("/old.xml", "", status=301, Location=feeds.url("/feed.xml"))
    feeds.serve("/feed.xml", _rss(("g1", "First", "One", None)))
    assert [i.key for i in _rss_sync(url, credentials={"token": "tok-123"}).items] == ["g1"]
    assert [r.get("Authorization") for r in feeds.requests] == ["Bearer tok-123"] * 2


def test_rss_redirect_to_other_host_drops_credentials(feeds: FeedServer) -> None:
    other = f"http://localhost:{feeds.port}/feed.xml"
    url = feeds.serve("/old.xml", "", status=302, Location=other)
    feeds.serve("/feed.xml", _rss(("g1", "First", "One", None)))
    _rss_sync(url, credentials={"token": "tok-123"})
    assert [r.get("Authorization") for r in feeds.requests] == ["Bearer tok-123", None]


def test_rss_redirect_to_file_url_is_refused(feeds: FeedServer, as_public: None) -> None:
    url = feeds.serve("/old.xml", "", status=302, Location="file:///etc/passwd")
    with pytest.raises(SyncError, match="redirect to a non-http"):
        _rss_sync(url)


def test_rss_redirects_are_bounded(feeds: FeedServer, as_public: None) -> None:
    url = feeds.serve("/loop.xml", "", status=302, Location="/loop.xml")
    with pytest.raises(SyncError, match=r"^fetch failed: more than 5 redirects$"):
        _rss_sync(url)
    assert len(feeds.requests) == 6


# -- rss: what the server may be made to fetch ---------------------------------------------

# The seven spellings of 127.0.0.1 that reached loopback before addresses were checked.
LOOPBACK_SPELLINGS = [
    "127.0.0.1",
    "localhost",
    "2130706433",
    "0x7f000001",
    "127.1",
    "0177.0.0.1",
    "[::ffff:127.0.0.1]",
]


@pytest.mark.parametrize("host", LOOPBACK_SPELLINGS)
def test_rss_refuses_loopback_in_every_spelling(feeds: FeedServer, host: str) -> None:
    feeds.serve("/feed.xml", _rss(("g1", "Internal", "secret", None)))
    url = f"http://{host}:{feeds.port}/feed.xml"
    with pytest.raises(SyncError) as caught:
        sync("rss", {"url": url}, None, None, timeout=2.0)  # the default: STRICT
    assert str(caught.value) == "refused: private address"
    assert feeds.requests == []  # never contacted


@pytest.mark.parametrize(
    "host",
    [
        "10.1.2.3",  # private
        "192.168.0.1",
        "172.16.0.1",
        "100.64.0.1",  # carrier-grade NAT
        "169.254.169.254",  # link-local: cloud metadata
        "224.0.0.1",  # multicast
        "0.0.0.0",  # unspecified
        "240.0.0.1",  # reserved
        "[::1]",
        "[::]",
        "[fe80::1]",
        "[fd00::1]",
        "[fec0::1]",  # site-local
        "[ff02::1]",
        "[2002:7f00:1::]",  # 6to4 around 127.0.0.1
        "[64:ff9b::a9fe:a9fe]",  # NAT64 around 169.254.169.254
    ],
)
def test_rss_refuses_every_non_public_address(host: str) -> None:
    with pytest.raises(SyncError, match=r"^refused: private address$"):
        sync("rss", {"url": f"http://{host}/feed.xml"}, None, None, timeout=2.0)


def test_public_addresses_are_public() -> None:
    for address in ("93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"):
        assert is_public(ipaddress.ip_address(address)), address


def test_rss_redirect_to_loopback_is_refused(feeds: FeedServer) -> None:
    # The operator allows the host "localhost" by name; the redirect names loopback by
    # address, which no one allowed, on the very same server.
    feeds.serve("/feed.xml", _rss(("g1", "Internal", "secret", None)))
    feeds.serve("/old.xml", "", status=302, Location=feeds.url("/feed.xml"))
    policy = FetchPolicy.from_entries(["localhost"])
    url = f"http://localhost:{feeds.port}/old.xml"
    # Bare: the first hop reached an allowed private address (see the discreet tests).
    with pytest.raises(SyncError, match=r"^fetch failed$"):
        sync("rss", {"url": url}, None, None, timeout=2.0, fetch_policy=policy)
    assert len(feeds.requests) == 1  # the redirect, never its target


# What answers behind the operator's allow-list is what a caller cannot see for themselves:
# a closed port, an HTTP error, a page that is no feed all read the same; a timeout says
# nothing of what is there and stays one.
_BEHIND_THE_ALLOW_LIST = {
    "closed port": None,
    "HTTP 4xx": (404, "not here"),
    "HTTP 5xx": (500, "oops"),
    "not a feed": (200, "<html><body>an admin page</body></html>"),
    "not XML": (200, "SSH-2.0-OpenSSH_9.6"),
    "entities": (200, '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "b">]><rss/>'),
    "redirect loop": (302, ""),
    "redirect to file": (301, ""),
}


@pytest.mark.parametrize("case", sorted(_BEHIND_THE_ALLOW_LIST))
@pytest.mark.parametrize(
    "policy",
    [
        ANY_ADDRESS,
        FetchPolicy.from_entries(["127.0.0.0/8"]),
        FetchPolicy.from_entries(["127.0.0.1"]),
    ],
    ids=["allow-private", "network", "address"],
)
def test_rss_errors_behind_the_allow_list_are_a_bare_fetch_failed(
    feeds: FeedServer, case: str, policy: FetchPolicy, refused_url: str
) -> None:
    answer = _BEHIND_THE_ALLOW_LIST[case]
    if answer is None:
        url = refused_url
    else:
        status, body = answer
        location = {"redirect loop": "/x.xml", "redirect to file": "file:///etc/passwd"}
        headers = {"Location": location[case]} if case in location else {}
        url = feeds.serve("/x.xml", body, status=status, **headers)
    with pytest.raises(SyncError) as caught:
        sync("rss", {"url": url}, None, None, timeout=2.0, fetch_policy=policy)
    assert str(caught.value) == "fetch failed"


def test_rss_timeout_behind_the_allow_list_still_says_timed_out() -> None:
    with socket.socket() as listener:  # accepts and never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/feed.xml"
        with pytest.raises(SyncError, match=r"^fetch failed: timed out after 0\.2 s$"):
            sync("rss", {"url": url}, None, None, timeout=0.2, fetch_policy=ANY_ADDRESS)


def test_rss_errors_about_a_public_feed_say_what_went_wrong(
    feeds: FeedServer, as_public: None, refused_url: str
) -> None:
    url = feeds.serve("/page.html", "<html><body>a page</body></html>")
    with pytest.raises(SyncError, match=r"^fetch failed: not an RSS or Atom feed$"):
        _rss_sync(url)
    with pytest.raises(SyncError, match=r"^fetch failed: HTTP 4xx$"):
        _rss_sync(feeds.url("/missing.xml"))
    with pytest.raises(SyncError, match=r"^fetch failed$"):
        _rss_sync(refused_url)


class _FirstLookOnly(FetchPolicy):
    """Permits an address once: as resolved, not again as the connected peer."""

    looks: ClassVar[list[str]] = []  # the policy is frozen: the record is the class's

    def permits(self, host: str, address: Any) -> bool:
        self.looks.append(str(address))
        return len(self.looks) == 1


def test_rss_checks_the_connected_socket_address_too(feeds: FeedServer) -> None:
    url = feeds.serve("/feed.xml", _rss(("g1", "Internal", "secret", None)))
    policy = _FirstLookOnly()
    policy.looks.clear()
    with pytest.raises(SyncError, match=r"^fetch failed$"):  # bare: a private address
        sync("rss", {"url": url}, None, None, timeout=2.0, fetch_policy=policy)
    assert policy.looks == ["127.0.0.1", "127.0.0.1"]  # resolved, then connected
    assert feeds.requests == []  # nothing was sent on the refused socket


def test_rss_allow_list_lets_the_operator_fetch_from_loopback(feeds: FeedServer) -> None:
    url = feeds.serve("/feed.xml", _rss(("g1", "Internal", "fine", None)))
    for entries in (["127.0.0.0/8"], ["127.0.0.1"], ["::1", "127.0.0.1/32"]):
        policy = FetchPolicy.from_entries(entries)
        result = sync("rss", {"url": url}, None, None, timeout=2.0, fetch_policy=policy)
        assert [item.key for item in result.items] == ["g1"], entries
    by_name = FetchPolicy.from_entries(["LOCALHOST."])
    localhost = f"http://localhost:{feeds.port}/feed.xml"
    assert sync("rss", {"url": localhost}, None, None, fetch_policy=by_name).items
    # A name allows that name, not other spellings of its address.
    with pytest.raises(SyncError, match=r"^refused: private address$"):
        sync(
            "rss", {"url": f"http://127.1:{feeds.port}/feed.xml"}, None, None, fetch_policy=by_name
        )


@pytest.mark.parametrize("entry", ["10.0.0.0/33", "a b", "host/path", "", "..", "1.2.3.4/x"])
def test_fetch_allow_list_refuses_what_is_no_address_network_or_host(entry: str) -> None:
    with pytest.raises(ValueError, match=r"fetch allow-list|neither an address"):
        FetchPolicy.from_entries([entry])


def test_strict_policy_allows_no_private_address() -> None:
    assert FetchPolicy.from_entries([]) == STRICT
    assert not STRICT.permits("localhost", ipaddress.ip_address("127.0.0.1"))
    assert STRICT.permits("example.test", ipaddress.ip_address("93.184.216.34"))


def test_rss_deadline_spent_before_a_request_is_a_timeout(feeds: FeedServer) -> None:
    url = feeds.serve("/feed.xml", _rss(("g1", "First", "One", None)))
    with pytest.raises(SyncError, match=r"^fetch failed: timed out after 1e-09 s$"):
        sync("rss", {"url": url}, None, None, timeout=1e-9, fetch_policy=ANY_ADDRESS)


def _dripping_server(payload: bytes, interval: float) -> tuple[str, threading.Thread, list[int]]:
    """A loopback server that sends ``payload`` one byte every ``interval`` seconds, until
    it is all sent or the client is gone; ``sent`` counts the bytes it got out."""
    listener = socket.create_server(("127.0.0.1", 0))
    sent: list[int] = []

    def drip() -> None:
        with listener:
            client, _ = listener.accept()
            with client:
                for i in range(len(payload)):
                    try:
                        client.sendall(payload[i : i + 1])
                    except OSError:
                        return
                    sent.append(i)
                    time.sleep(interval)

    thread = threading.Thread(target=drip, daemon=True)
    thread.start()
    return f"http://127.0.0.1:{listener.getsockname()[1]}/feed.xml", thread, sent


def test_rss_timeout_is_a_deadline_for_the_whole_request() -> None:
    # Every byte arrives long before a read would time out, but the whole answer, headers
    # included, takes far longer than the deadline.
    feed = _rss(*[(f"g{i}", "Title", "Text", None) for i in range(3)]).encode()
    payload = b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(feed), feed)
    url, thread, sent = _dripping_server(payload, interval=0.02)
    with pytest.raises(SyncError, match=r"^fetch failed: timed out after 0\.3 s$"):
        sync("rss", {"url": url}, None, None, timeout=0.3, fetch_policy=ANY_ADDRESS)
    thread.join(timeout=len(payload) * 0.02 + 5)
    assert len(sent) < len(payload), "the sync kept reading after its deadline"


# -- validate_config ---------------------------------------------------------------------


def _problems(provider: Any, config: Any, credentials: Any = None) -> dict[tuple[Any, ...], str]:
    with pytest.raises(ConfigError) as caught:
        validate_config(provider, config, credentials)
    return dict(caught.value.problems)


def test_validate_unknown_provider_lists_supported() -> None:
    problems = _problems("dropbox", {})
    assert list(problems) == [("provider",)]
    assert "directory, rss" in problems[("provider",)]
    assert "dropbox" in problems[("provider",)]


@pytest.mark.parametrize(
    ("pattern", "said"),
    [
        ("**/**/**/*.md", "at most 2 times"),  # each "**" walks the tree again
        ("a**", "whole path segment"),  # refused when listed before Python 3.13
        ("notes/**b/*.md", "whole path segment"),
        ("notes\\**\\*.md", "whole path segment"),  # one segment on POSIX (a review's)
    ],
)
def test_validate_patterns_that_list_badly(pattern: str, said: str) -> None:
    problems = _problems("directory", {"path": "x", "patterns": ["*.md", pattern]})
    assert list(problems) == [("config", "patterns", 1)]
    assert said in problems[("config", "patterns", 1)]


def test_a_stored_pattern_of_many_double_stars_is_refused_at_sync(tmp_path: Path) -> None:
    # One stored before "**" was counted: "**/" five times over a folder 30 deep took
    # 5.6 s to list. Sync checks the config again, and says why at once.
    deep = tmp_path.joinpath(*(f"d{level}" for level in range(30)))
    deep.mkdir(parents=True)
    with pytest.raises(connectors.SyncError, match="at most 2 times"):
        _dir_sync(tmp_path, patterns=["**/" * 5 + "*.md"])
    (deep / "n.md").write_text("Deep note.", encoding="utf-8")
    assert _keys(_dir_sync(tmp_path, patterns=["**/**/*.md"])) == [
        "d0/" + "/".join(f"d{level}" for level in range(1, 30)) + "/n.md#0"
    ]


def test_validate_missing_path() -> None:
    assert ("config", "path") in _problems("directory", None)


def test_validate_missing_url() -> None:
    assert ("config", "url") in _problems("rss", {})


def test_validate_wrong_types() -> None:
    problems = _problems("directory", {"path": 5, "patterns": "*.md"})
    assert set(problems) == {("config", "path"), ("config", "patterns")}
    assert ("config", "patterns", 1) in _problems("directory", {"path": "x", "patterns": ["a", 2]})
    assert ("config", "url") in _problems("rss", {"url": ["http://x"]})
    assert ("config",) in _problems("rss", "http://x")


def test_validate_patterns_must_stay_inside_path() -> None:
    problems = _problems("directory", {"path": "x", "patterns": ["../*.md", "/etc/*"]})
    assert set(problems) == {("config", "patterns", 0), ("config", "patterns", 1)}


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.test/feed", "example.test/feed", "http://"]
)
def test_validate_non_http_url_rejected(url: str) -> None:
    assert ("config", "url") in _problems("rss", {"url": url})


def test_validate_url_with_embedded_credentials_rejected() -> None:
    problems = _problems("rss", {"url": "https://bob:hunter22@example.test/feed"})
    assert "hunter22" not in problems[("config", "url")]


def test_validate_unknown_config_field_rejected() -> None:
    assert ("config", "paths") in _problems("directory", {"path": "x", "paths": ["y"]})


def test_validate_bad_credentials_never_echo_values() -> None:
    problems = _problems("rss", {"url": "https://example.test/f"}, {"token": "bad\r\nsecret"})
    assert ("credentials", "token") in problems
    problems = _problems("rss", {"url": "https://example.test/f"}, {"user": "sekrit-user"})
    assert "sekrit-user" not in str(problems)
    assert ("credentials",) in _problems("directory", {"path": "x"}, {"token": "t"})


def test_validate_normalises_config(tmp_path: Path) -> None:
    config = validate_config(
        "directory", {"path": str(tmp_path / "a" / ".." / "b")}, None, roots=[str(tmp_path)]
    )
    assert config == {"path": str(tmp_path / "b"), "patterns": ["**/*.md", "**/*.txt"]}
    rss = validate_config("rss", {"url": " https://example.test/feed "}, {"token": "t"})
    assert rss == {"url": "https://example.test/feed"}


def test_config_error_message_names_fields() -> None:
    with pytest.raises(ConfigError, match=r"config\.url: field required"):
        validate_config("rss", {}, None)


def test_sync_with_bad_config_is_sync_error() -> None:
    with pytest.raises(SyncError, match="supported: directory, rss"):
        sync("gdrive", {}, None, None)


def test_validate_non_string_provider() -> None:
    assert "directory, rss" in _problems(None, {})[("provider",)]
