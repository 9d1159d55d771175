"""Every default and protocol limit in one place (see PROTOCOL.md section 1)."""

from __future__ import annotations

DEFAULT_BASE_URL = "https://rememberos.ai"
API_KEY_ENV = "LONGMEM_API_KEY"
BASE_URL_ENV = "LONGMEM_BASE_URL"

# Retry policy defaults, as the SDK documentation gives them.
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RETRIES = 2
DEFAULT_BACKOFF_BASE = 0.5
DEFAULT_BACKOFF_CAP = 8.0
# A server asking us to wait longer than this is answered with an error at once:
# a serverless function must not sleep through its own deadline on a 429.
DEFAULT_MAX_RETRY_AFTER = 60.0
# Each backoff delay is reduced by up to this share, at random, so that many clients
# failing together do not retry in lockstep; downward only, so the cap stays a cap.
BACKOFF_JITTER = 0.25
RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})

# Protocol limits (PROTOCOL.md section 1), checked before anything is sent.
MAX_TEXT_CHARS = 10_000
MAX_CONTAINER_TAG_CHARS = 128
MAX_CATEGORY_CHARS = 64
MAX_SOURCE_CHARS = 64  # not in PROTOCOL.md; the local server's bound
MAX_COLLECTION_NAME_CHARS = 64
MAX_METADATA_BYTES = 16 * 1024
MAX_LIST_LIMIT = 200
MAX_SEARCH_LIMIT = 100
BATCH_SIZE = 100
MAX_IMPORT_MEMORIES = 10_000
MAX_IDEMPOTENCY_KEY_CHARS = 255
# Bounds the protocol leaves open, chosen so no value can overflow a server's integers.
MAX_OFFSET = 2**31 - 1
MAX_DAYS = 36_500
MAX_HOURS = 8_760
SEARCH_MODES = ("hybrid", "text", "vector")
