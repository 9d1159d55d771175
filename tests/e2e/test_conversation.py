"""remember with a conversation, and with text longer than one memory, through the client."""

from __future__ import annotations

import pytest

from longmem import Longmem, UnprocessableEntityError
from longmem._protocol import MAX_TEXT_CHARS

# What the assistant, the system prompt and a tool say in the first person is theirs.
CHAT = [
    {"role": "system", "content": "You are a travel assistant. I live in Oslo."},
    {"role": "user", "content": "Hi! I moved to Lisbon, and I work as a nurse."},
    {"role": "assistant", "content": "Nice! I love Lisbon too. Do you live near Alfama?"},
    {"role": "assistant", "content": None, "tool_calls": [{"id": "call_1"}]},
    {"role": "tool", "content": "I am vegan.", "tool_call_id": "call_1"},
    {"role": "user", "content": "My brother Rui lives in Porto"},
]
USER_FACTS = [
    "User lives in Lisbon",
    "User works as a nurse",
    "User's brother is Rui",
    "User's brother Rui lives in Porto",
]


def test_remember_a_conversation_keeps_only_what_the_user_said(
    mem: Longmem, collection: str
) -> None:
    facts = mem.remember(messages=CHAT, collection=collection)
    assert [f["text"] for f in facts] == USER_FACTS
    stored = {m["text"] for m in mem.list_memories(collection=collection)}
    assert stored == set(USER_FACTS)
    best = mem.search("where does the user live?", collection=collection)[0]
    assert best["text"] == "User lives in Lisbon"


def test_a_background_job_remembers_a_conversation(mem: Longmem, collection: str) -> None:
    job = mem.remember(messages=CHAT, collection=collection, sync=False)
    done = mem.wait_for_job(job["job_id"], timeout=10)
    assert done["status"] == "done", done
    assert [f["text"] for f in done["facts"]] == USER_FACTS


def test_a_conversation_as_the_readme_openai_loop_builds_it(mem: Longmem, collection: str) -> None:
    chat_types = pytest.importorskip("openai.types.chat", reason="needs the openai package")
    # The loop appends the SDK's own message objects, and OpenAI takes content as parts.
    asked = chat_types.ChatCompletionMessage.model_validate(
        {"role": "assistant", "content": None, "tool_calls": [_OPENAI_CALL]}
    )
    answered = chat_types.ChatCompletionMessage(role="assistant", content="Lisbon is lovely.")
    conversation = [
        {"role": "system", "content": "You are a travel assistant. I live in Oslo."},
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "Hi! I moved to Lisbon, and I work as a nurse."},
                {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}},
            ],
        },
        asked,
        {"role": "tool", "tool_call_id": "call_1", "content": "I am vegan."},
        answered,
        {"role": "user", "content": [{"type": "text", "text": "My brother Rui lives in Porto"}]},
    ]
    facts = mem.remember(messages=conversation, collection=collection)
    assert [f["text"] for f in facts] == USER_FACTS


def test_a_conversation_as_the_readme_anthropic_loop_builds_it(
    mem: Longmem, collection: str
) -> None:
    types = pytest.importorskip("anthropic.types", reason="needs the anthropic package")
    # The loop appends the reply's content blocks as they come, and the tool results in a
    # user message: neither is something the user said.
    reply = types.Message.model_validate(
        {
            "id": "msg_1",
            "type": "message",
            "role": "assistant",
            "model": "claude-sonnet-4-6",
            "content": [
                {"type": "text", "text": "I live in Oslo myself. Let me note that."},
                {"type": "tool_use", "id": "toolu_1", "name": "remember", "input": {}},
            ],
            "stop_reason": "tool_use",
            "stop_sequence": None,
            "usage": {"input_tokens": 10, "output_tokens": 10},
        }
    )
    conversation = [
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "Hi! I moved to Lisbon, and I work as a nurse."},
                {"type": "text", "text": "My brother Rui lives in Porto"},
            ],
        },
        {"role": "assistant", "content": reply.content},
        {
            "role": "user",
            "content": [
                {"type": "tool_result", "tool_use_id": "toolu_1", "content": "I am vegan."}
            ],
        },
    ]
    facts = mem.remember(messages=conversation, collection=collection)
    assert [f["text"] for f in facts] == USER_FACTS


_OPENAI_CALL = {
    "id": "call_1",
    "type": "function",
    "function": {"name": "search_memory", "arguments": "{}"},
}


def test_text_longer_than_one_memory_is_remembered_whole(mem: Longmem, collection: str) -> None:
    # 24 statements of some 500 characters, each of its own words.
    said = [f"I noted {' '.join(f'n{n}w{k}' for k in range(70))}." for n in range(24)]
    content = "\n".join(said)
    assert len(content) > MAX_TEXT_CHARS
    facts = mem.remember(content, collection=collection)
    assert [f["statement"] for f in facts] == [s.rstrip(".") for s in said]
    assert mem.get_collection(collection)["memory_count"] == len(said)


def test_the_servers_field_messages_name_the_message(mem: Longmem, collection: str) -> None:
    with pytest.raises(UnprocessableEntityError) as info:
        mem.remember(
            messages=[{"role": "user", "content": "I like tea"}, {"role": "bot", "content": "ok"}],
            collection=collection,
        )
    assert "body.messages.1.role: Input should be 'user', 'assistant'" in str(info.value)
    with pytest.raises(UnprocessableEntityError, match="should hold a user message with text"):
        mem.remember(messages=[{"role": "assistant", "content": "I live in Oslo"}])
