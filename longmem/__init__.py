"""longmem: the zero-dependency Python SDK for the Longmem memory API (RememberOS).

from longmem import Longmem
mem = Longmem()                       # LONGMEM_API_KEY, LONGMEM_BASE_URL
mem.add("Alex prefers dark mode")
hits = mem.search("what theme does Alex like?")
"""

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
