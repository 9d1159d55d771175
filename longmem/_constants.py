"""The SDK's own configuration defaults: where it connects, how it retries, how it waits.

What the protocol itself fixes (limits, argument defaults, enumerations) is in
`_protocol`, shared with the CLI and the local server.
"""

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

# The largest response body read, decompressed size included: a broken or hostile endpoint
# (an endless body, a gzip bomb) must not exhaust a small function's memory. The largest
# answer but an export is a page of 200 memories, under 16 MiB even at every field's
# limit; 64 MiB also holds an export of ~100,000 typical memories (~600 bytes each).
# A larger export needs `max_response_bytes=` raised, as the error says.
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024

# AsyncLongmem opens at most this many connections at once (per event loop), and keeps
# them for reuse; callers beyond them wait for one to be free. Without a cap, 2,000
# gathered calls are 2,000 sockets on both ends; with it they queue, as aiohttp's and
# httpx's default of 100 makes them. The server's idle timeout ends those left unused.
ASYNC_MAX_CONNECTIONS = 100

# wait_for_job: how long to wait for a background remember job, and how often to ask.
DEFAULT_JOB_TIMEOUT = 60.0
DEFAULT_JOB_POLL_INTERVAL = 0.5

# Longmem.context(): the default budget of the block it builds and how many search hits
# it considers. Its default token count is characters ÷ 4, rounded up: close for English
# prose, low for text in CJK scripts (about one token a character), so callers who need
# an exact budget pass their model's tokenizer as `count_tokens`.
DEFAULT_CONTEXT_MAX_TOKENS = 1000
DEFAULT_CONTEXT_LIMIT = 20
CHARS_PER_TOKEN = 4
