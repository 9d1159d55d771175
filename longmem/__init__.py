"""longmem: the zero-dependency Python SDK for the Longmem memory API (RememberOS).

from longmem import Longmem
mem = Longmem()                       # LONGMEM_API_KEY, LONGMEM_BASE_URL
mem.add("Alex prefers dark mode")
hits = mem.search("what theme does Alex like?")

from longmem import AsyncLongmem      # the same methods as coroutines, on asyncio
async with AsyncLongmem() as mem:
    hits = await mem.search("what theme does Alex like?")
"""

from __future__ import annotations

from ._typing import TYPE_CHECKING
from ._version import __version__
from .client import Longmem
from .errors import (
    AuthenticationError,
    BadRequestError,
    BatchProgress,
    ConflictError,
    InvalidArgumentError,
    LongmemAPIError,
    LongmemConnectionError,
    LongmemError,
    LongmemTimeoutError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    ServerError,
    UnprocessableEntityError,
)

__all__ = [
    "AsyncLongmem",
    "AuthenticationError",
    "BadRequestError",
    "BatchProgress",
    "ConflictError",
    "InvalidArgumentError",
    "Longmem",
    "LongmemAPIError",
    "LongmemConnectionError",
    "LongmemError",
    "LongmemTimeoutError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseTooLargeError",
    "ServerError",
    "UnprocessableEntityError",
    "__version__",
]

# AsyncLongmem is listed: it is public. So `from longmem import *` loads asyncio, as
# using AsyncLongmem does; `import longmem` and `from longmem import Longmem` do not.

if TYPE_CHECKING:
    from typing import Any

    from ._async_client import AsyncLongmem


def __getattr__(name: str) -> Any:
    """`AsyncLongmem`, imported on first use: asyncio would cost every `import longmem`."""
    if name == "AsyncLongmem":
        from ._async_client import AsyncLongmem

        globals()[name] = AsyncLongmem  # later lookups skip this function
        return AsyncLongmem
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
