"""remember: facts extracted from text, each related to what the collection already holds
and stored unless a duplicate; run at once (``?sync=true``) or as a job. How each fact
relates (supersession, history, duplicates) and whom it is about is decided in relate/.

What is said is ``content`` (1-50,000 characters with something besides whitespace) or
``messages``, a chat conversation: only the ``user`` messages are read, each on lines of
its own, so the assistant's words never become facts about the user. Content longer than
one memory is read in pieces cut at its statements' ends (``extract.pieces``).

Decisions where the protocol is silent: ``observed_at`` (ISO 8601, default now) is when
it was said; relative dates resolve against it, and a fact's ``valid_from`` is when it
became true. Facts are stored with ``source="remember"`` and the protocol's default
importance and category. A ``duplicate`` comes back as the memory already stored with
``supersedes=null``. One call is one transaction: either every fact of the content lands
or none does. The collection is created on submit, even if no fact comes out.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any, Optional, Union

from ..._protocol import (
    MAX_CONTAINER_TAG_CHARS,
    MAX_REMEMBER_CHARS,
    MAX_REMEMBER_MESSAGES,
    MAX_TEXT_CHARS,
    MESSAGE_ROLES,
    USER_ROLE,
)
from .. import wire
from ..context import HTTPError, Request, Response, Services
from ..db import Principal
from ..extract import pieces
from ..extract.openings import at_the_new_job, news_label
from ..extract.text import classify
from ..extract.third_person import finish
from ..facts import ExtractedFact
from ..relate.call import store_facts
from ..timestamps import iso_now, iso_to_datetime, iso_to_epoch
from ..validation import Checker
from .common import collection_param, item_list, object_body

# A message read after the news label sent before it: at most this long, and sent at
# most this many seconds after the label.
_LABELLED_CHARS = 200
_LABEL_WINDOW = 10 * 60

log = logging.getLogger("longmem.server")


def remember_facts(
    services: Services,
    principal: Principal,
    collection: str,
    content: str,
    observed_at: Optional[str] = None,
    container_tag: Optional[str] = None,
) -> list[dict[str, Any]]:
    """Extract the facts of ``content`` as said at ``observed_at`` (ISO, default now),
    relate each to the current memories of the collection and tag and store all but
    duplicates, tagged; returns the Extracted facts in order."""
    observed_at = observed_at or iso_now()
    facts = read_facts(services, principal, collection, container_tag, content, observed_at)
    return store_facts(services, principal, collection, facts, observed_at, container_tag)


def read_facts(
    services: Services,
    principal: Principal,
    collection: str,
    container_tag: Optional[str],
    content: str,
    observed_at: str,
) -> list[ExtractedFact]:
    """The facts of ``content``; when it keys nothing, is short and lists where and what
    as, read after the new job's label the user sent just before it, if they did ("new
    job!!", then a minute later "monzo, backend engineer, payments team"): the two are one
    message, typed in two."""
    facts = extract_facts(services, content, observed_at)
    if (
        any(f.attribute for f in facts)
        or len(content) > _LABELLED_CHARS
        or at_the_new_job("new job", content) == content  # lists no job: nothing to read
    ):
        return facts
    label = _label_said_before(services, principal, collection, container_tag, observed_at)
    if label is None or at_the_new_job(label, content) == content:
        return facts
    labelled = extract_facts(services, f"{label}: {content}", observed_at)
    if not any(f.attribute for f in labelled):
        return facts
    # what was said stays the words the user sent (the label is stored as they sent it)
    return [f if f.statement in content else replace(f, statement=content) for f in labelled]


def _label_said_before(
    services: Services,
    principal: Principal,
    collection: str,
    container_tag: Optional[str],
    observed_at: str,
) -> Optional[str]:
    """The news label ("New job", "big news") the user sent as the message stored last
    (nothing keyed since: not "new job!!", "my brother Tom started at Asda", "asda,
    warehouse operative"), in the last _LABEL_WINDOW seconds before ``observed_at``, as a
    label; None if not."""
    last = services.store.memories.page(
        principal.tenant_id, collection, 1, 0, False, True, container_tag
    )
    if (
        not last
        or last[0].attribute is not None
        or last[0].container_tag != container_tag
        or not 0 <= iso_to_epoch(observed_at) - iso_to_epoch(last[0].said) <= _LABEL_WINDOW
    ):
        return None
    return news_label(last[0].statement or last[0].text)


def extract_facts(services: Services, content: str, observed_at: str) -> list[ExtractedFact]:
    """The facts of ``content`` as said at ``observed_at`` (ISO). Reads nothing stored and
    may wait on a model endpoint, so it runs outside the writer lock."""
    moment = iso_to_datetime(observed_at)
    # An extractor reads at most one memory's worth at a time (a model's answer is bounded
    # by it); longer content is read in pieces cut where its statements end.
    return [
        fact for piece in pieces(content, MAX_TEXT_CHARS) for fact in _read(services, piece, moment)
    ]


def _read(services: Services, piece: str, moment: datetime) -> list[ExtractedFact]:
    """The facts of one piece; should the extractor itself fail (a bug in its rules), the
    piece as a plain memory, and the failure logged: what was said is never lost to it."""
    try:
        return services.extractor.extract(piece, moment)
    except Exception:
        log.exception("the extractor failed on a statement of %d characters", len(piece))
        return [ExtractedFact(finish(piece), classify(piece), piece)]


def _said(check: Checker, body: Mapping[str, Any]) -> Optional[str]:
    """What the user said: ``content``, or the user's messages of ``messages``, each on
    lines of its own (so one message's sentence never runs into the next)."""
    # A field sent as null is one left out (clients that serialise every field send it).
    if body.get("messages") is None:
        content = check.string(
            body, "content", ["body"], required=True, min_len=1, max_len=MAX_REMEMBER_CHARS
        )
        if content and not content.strip():
            check.fail(["body", "content"], "String should not be blank", "string_too_short")
        return content
    if body.get("content") is not None:
        check.fail(["body"], "Give either content or messages, not both", "value_error")
        return None
    problems = len(check.errors)
    messages = item_list(check, body, "messages", MAX_REMEMBER_MESSAGES, min_items=1)
    said: list[str] = []
    for index, message in enumerate(messages):
        loc: list[Union[str, int]] = ["body", "messages", index]
        if not isinstance(message, dict):
            check.fail(loc, "Input should be a valid dictionary", "dict_type")
            continue
        # Other keys (name, tool_calls…) are the chat's business: a transcript is taken as is.
        for field in ("role", "content"):
            if field not in message:
                check.fail([*loc, field], "Field required", "missing")
        role = check.choice(message, "role", loc, MESSAGE_ROLES, default=None)
        if role is None and message.get("role", 0) is None:
            check.fail([*loc, "role"], "Input should be a valid string", "string_type")
        # null is a message that says nothing in words, such as an assistant's tool call.
        text = check.string(message, "content", loc, max_len=MAX_REMEMBER_CHARS, nullable=True)
        if role == USER_ROLE and text and text.strip():
            said.append(text.strip())
    content = "\n\n".join(said)
    if len(check.errors) == problems and not content:
        check.fail(
            ["body", "messages"], "Messages should hold a user message with text", "too_short"
        )
    if len(content) > MAX_REMEMBER_CHARS:
        check.fail(
            ["body", "messages"],
            f"The user's messages should hold at most {MAX_REMEMBER_CHARS} characters in all",
            "too_long",
        )
    return content


def remember(req: Request) -> Response:
    collection = collection_param(req)
    body = object_body(req)
    check = Checker()
    sync = check.query_bool(req.query, "sync", default=False)
    content = _said(check, body)
    observed_at = check.timestamp(body, "observed_at", ["body"])
    container_tag = check.string(
        body, "container_tag", ["body"], max_len=MAX_CONTAINER_TAG_CHARS, nullable=True
    )
    check.done()
    assert content is not None
    services, principal = req.services, req.principal
    observed_at = observed_at or iso_now()
    if sync:
        # The model is asked before the write lock is taken (Replay.PREPARED): a slow
        # extractor holds up this call only, not every write on the server.
        facts = read_facts(services, principal, collection, container_tag, content, observed_at)

        def store() -> Response:
            stored = store_facts(services, principal, collection, facts, observed_at, container_tag)
            return Response(200, {"facts": stored})

        return req.commit(store)

    def queue() -> Response:
        with services.store.write():
            services.store.collections.ensure(principal.tenant_id, collection)
            job = services.store.jobs.create(
                principal, collection, content, observed_at, container_tag
            )
        return Response(202, {"job_id": job.id})

    answer = req.commit(queue)
    # After the commit, so the worker it wakes finds the job.
    services.wake_jobs()
    return answer


def get_job(req: Request) -> Response:
    job_id = req.params["id"]
    found = req.services.store.jobs.get(req.principal.tenant_id, job_id)
    if found is None:
        raise HTTPError(404, f"Job '{job_id}' not found")
    return Response(200, wire.job(found))
