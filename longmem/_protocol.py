"""The wire protocol's limits, defaults and enumerations: the one place they are defined.

The client, the CLI and the local server all import them from here, so a changed limit
or default cannot drift between the halves (tests/test_protocol.py checks that they
agree). The client never imports the server; the server imports this module and nothing
else of the client. What each value means on the wire is in docs/protocol.md.

Names: ``MAX_*`` / ``MIN_*`` are bounds the server answers 422 for (the client does not
enforce them, since a server may relax them; it sizes its requests by ``BATCH_SIZE`` and
the CLI its imports by ``MAX_IMPORT_MEMORIES``);
``DEFAULT_*`` is what a field is when a request leaves it out, and what the SDK's and the
CLI's arguments default to; tuples are the values an enumerated field may take.
"""

from __future__ import annotations

# -- limits (docs/protocol.md, "Limits") ------------------------------------------------

MAX_TEXT_CHARS = 10_000
# A search, forget or remember query is text too; the same bound keeps one request's work
# bounded.
MAX_QUERY_CHARS = MAX_TEXT_CHARS
# remember reads longer content (or a conversation's user messages, in all) than one
# memory holds: the server splits it into statements of at most MAX_TEXT_CHARS. This bound
# keeps one call's work, and its one transaction, short.
MAX_REMEMBER_CHARS = 50_000
MAX_REMEMBER_MESSAGES = 1_000
MAX_CONTAINER_TAG_CHARS = 128
MAX_CATEGORY_CHARS = 64
MAX_SOURCE_CHARS = 64
MAX_COLLECTION_NAME_CHARS = 64
# Matched with re.fullmatch.
COLLECTION_NAME_PATTERN = rf"[A-Za-z0-9_.\-]{{1,{MAX_COLLECTION_NAME_CHARS}}}"
COLLECTION_NAME_RULE = f"1-{MAX_COLLECTION_NAME_CHARS} characters of A-Z a-z 0-9 _ . -"
MAX_METADATA_BYTES = 16 * 1024
# Not in the first protocol: a bound so no document can exhaust a server's recursion.
MAX_METADATA_DEPTH = 32
# Not in the first protocol: how deeply a request body's arrays and objects may nest
# (400 beyond), so its parse never depends on how much stack the server has left.
MAX_JSON_DEPTH = 512
MAX_LIST_LIMIT = 200
MAX_SEARCH_LIMIT = 100
BATCH_SIZE = 100  # items per POST …/memories/batch
MAX_IMPORT_MEMORIES = 10_000  # items per POST /v1/memory/admin/import
# An import restores connections too, each with its item map (one row per synced item)
# and cursor; these bound one call as MAX_IMPORT_MEMORIES does.
MAX_IMPORT_CONNECTIONS = 1_000
MAX_IMPORT_CONNECTION_ITEMS = 100_000  # per connection
MAX_CONNECTION_CURSOR_CHARS = 16 * 1024 * 1024
MAX_CONNECTION_ITEM_KEY_CHARS = 10_000
# An imported memory's created_by {"id", "label"}, and an item map's memory id and hash.
MAX_IMPORT_REF_CHARS = 128
# Items one connection sync stores (new or changed); the rest come with the next sync.
MAX_SYNC_ITEMS = 1_000
MAX_IDEMPOTENCY_KEY_CHARS = 255
MAX_CONNECTION_NAME_CHARS = 128
# A connection's config and credentials are small objects, bounded like metadata.
MAX_CONNECTION_OBJECT_BYTES = MAX_METADATA_BYTES
# Bounds the protocol leaves open, chosen so no value can overflow a server's integers
# and no date arithmetic leaves the four-digit years.
MAX_OFFSET = 2**31 - 1
MAX_DAYS = 36_500
MAX_HOURS = 8_760

# -- enumerations ------------------------------------------------------------------------

SEARCH_MODES = ("hybrid", "text", "vector")
MEMORY_TYPES = ("fact", "preference", "episode")
RELATIONS = ("new", "updates", "extends", "duplicate")
# The roles of a conversation's messages, as in OpenAI chat; only the user's statements
# become facts.
MESSAGE_ROLES = ("user", "assistant", "system", "developer", "tool")
USER_ROLE = "user"
JOB_STATUSES = ("queued", "running", "done", "failed")
JOB_FINISHED = ("done", "failed")
CONNECTION_STATUSES = ("active", "paused", "error")
RUN_STATUSES = ("ok", "error")

# -- defaults ----------------------------------------------------------------------------

DEFAULT_COLLECTION = "default"
DEFAULT_IMPORTANCE = 0.7
DEFAULT_CATEGORY = "other"
# `source` says who wrote a memory; the server records "api" when a request names none.
SOURCE_API = "api"
SOURCE_SDK = "sdk"
SOURCE_CLI = "cli"
SOURCE_REMEMBER = "remember"

DEFAULT_LIST_LIMIT = 50
DEFAULT_SEARCH_LIMIT = 5
DEFAULT_MIN_SCORE = 0.3
DEFAULT_SEARCH_MODE = "hybrid"
DEFAULT_RELATED_LIMIT = 5
DEFAULT_RELATED_MIN_SCORE = 0.0
DEFAULT_FORGET_MIN_SCORE = 0.5
DEFAULT_FORGET_LIMIT = 10
DEFAULT_DEDUP_THRESHOLD = 0.95
DEFAULT_CONTRADICTIONS_LIMIT = 100
DEFAULT_STALE_DAYS = 90
DEFAULT_SUMMARY_LIMIT = 50
DEFAULT_RUNS_LIMIT = 20
DEFAULT_HEALTH_HOURS = 24
# dedup and archive-stale change data only when asked to.
DEFAULT_DRY_RUN = True
