"""The service's own health (public). Its OpenAPI document is served by routes.py, from
the route table it describes."""

from __future__ import annotations

from ..._version import __version__
from ..context import Request, Response


def health(req: Request) -> Response:
    return Response(200, {"status": "ok", "version": __version__})
