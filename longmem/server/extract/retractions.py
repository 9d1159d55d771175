"""What a message takes back as it is typed, before its sentences are read: "I live in
Leeds, no wait, Bradford", "I'm 34 - sorry, I mean 35" (the value put right in the words
taken back: Bradford, 35); "I quit in march? no wait that was my brother", "just got a
job at Greggs!!! well, my son did" (the words said of the brother, the son); "I got
engaged. no wait, that wasn't me" (kept as said, keying nothing); "I'm moving to Bath
next month, scratch that, we're staying in York" (the words taken back gone; what
follows read alone).

taken_back(content, read) gives the message left to read and the memories kept as said;
``read`` is the extractor, for the keyed values of the words a value puts right.
"""

from __future__ import annotations

import re
from typing import Callable

from ..facts import ExtractedFact
from .clauses import starts_with_verb
from .lexicon import MONTH_RE, SUBJECT, WEEKDAY_RE, words
from .text import classify
from .third_person import finish, third_person

# Taking back, said after a pause: "no wait", "wait no", "scratch that", "sorry, no",
# "correction:"; then a pause or the words that say what was meant ("no wait that was my
# brother", "scratch that I'm staying"; not "there was no wait at the GP", "can't wait,
# no wait times"). "sorry, I mean", "I meant", "or rather", "actually" take back only
# before a value alone ("I live in Leeds, actually Bradford"; not "…, actually I love
# it", "I mean I love it here").
_STRONG = r"no+\s+wait|wait\s*,?\s*no+|scratch\s+that|sorry\s*,?\s*no|no\s*,?\s*sorry|correction"
_WEAK = r"(?:sorry|oops)\s*,?\s*(?:i\s+mean(?:t)?)?|i\s+mean(?:t)?|or\s+rather|actually"
# … and someone else's doing, said after it: "just got a job at Greggs!!! well, my son
# did" ("did" alone: not "well, my manager did say…", "my mum did too").
_DID_ALONE = r"did\b(?=\s*(?:$|[^\w\s]|(?:lol|haha|lmao|actually|not\s+me)\b))"
_DID = (
    r"(?:well|actually|oh|i\s+mean|sorry|oops|lol)\s*,?\s*(?=(?:my|our)\s+[\w-]+\s+"
    + _DID_ALONE
    + r")"
)
_TAKEN_BACK = re.compile(
    r"(?:(?<=[,.;!?—–-])|(?<=[,.;!?—–-]\s))\s*(?:(?P<strong>" + _STRONG + r")(?:\s*[,.!:—–-]+\s*|"
    r"\s+(?=(?:that|it|it's|i|i'm|we|we're|make|my|our)\b|\d)|\s*$)|(?P<did>" + _DID + r")|"
    r"(?:" + _WEAK + r")(?:\s*[,:—–-]+\s*|\s+))",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?\n]")
# A value alone, what was meant: "Bradford", "35", "a nurse", "it's Bradford", "make that
# 36", "still 12" (no more than three words; nothing denied, no time, no "in May").
_SAID_FOR_IT = re.compile(r"^(?:it's|it\s+is|that's|make\s+(?:that|it))\s+", re.I)
_VALUE_ALONE = re.compile(r"^(?:(?:a|an|the)\s+)?[\w'&-]+(?:\s+[\w'&-]+){0,2}$", re.I)
_NO_VALUE = words(
    "i i'm we we're he she it it's that that's this was is are my our not no never and but "
    "so because lol haha fine good ok okay sure next last month week year today tomorrow "
    "yesterday ago in on at from by since until till please"
)
_STILL = re.compile(r"^(?:still|just|only)\s+", re.I)
# An article opening a value ("a midwife"), or before the value put right ("a teacher").
_ARTICLE = re.compile(r"(?:a|an|the)\s", re.I)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+$", re.I)
# … and a filler after it: "it's Hove actually", "Leeds lol".
_FILLER_AFTER = re.compile(
    r"\s+(?:actually|lol|haha|sorry|though|tbh|oops|technically|basically|really|obviously)$",
    re.I,
)
# A statement meant instead, the user's own: "scratch that, we're staying in York" (not
# "scratch that, she's a consultant now", whose "she" was in the words taken back).
_SAID_BY_THE_USER = re.compile(
    r"^(?:i|i'm|i’m|i've|i'll|we|we're|we’re|we've|we'll|(?:my|our)\s+[\w-]+\s+and\s+i|"
    r"me\s+and\s+(?:my|our)\s+[\w-]+)\b",
    re.I,
)
# Words of one kind, a value of which puts right the last of them: a month, a weekday,
# a year, a number ("moving to Spain in May, no wait, June": May, not Spain).
_KINDS = tuple(
    re.compile(kind, re.I)
    for kind in (
        r"\b(?:" + MONTH_RE + r")\b",
        r"\b(?:" + WEEKDAY_RE + r")\b",
        r"\b(?:19|20)\d\d\b",
        r"\b\d+\b",
    )
)
# Whose it was instead, or that it was not so: "that was my brother", "it's my sister
# who moved", "my son did", "that wasn't me".
_WHOSE = re.compile(
    r"^(?:(?:that|it)(?:\s+(?:was|is)|'s)\s+(?P<who>(?:my|our)\s+[\w-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)|"
    r"(?P<did>(?:my|our)\s+[\w-]+)\s+" + _DID_ALONE + r"|(?:that|it)(?:\s+(?:was|is)|'s|\s+wasn't|"
    r"\s+isn't)\s+(?:not\s+)?me)\b",
    re.I,
)


# What a leaving was of, said after it: "finally quit!!! ...the night shifts I mean", "i
# quit in march, i mean the gym not my job" (the leaving's words before, with nothing
# left after its verb but when: "quit", "quit in march").
_OBJECT_MEANT = re.compile(
    r"(?:(?<=[,.;!?—–-])|(?<=[,.;!?—–-]\s))\s?(?:\.{1,3}|…)?\s?(?:i\s+mean\s+(?P<first>(?:the|my)\s+[^,.!?;…]{1,30}?)|"
    r"(?P<then>(?:the|my)\s+[^,.!?;…]{1,30}?)\s*,?\s+i\s+mean)(?:\s*,?\s*not\s+(?:the|my)\s+[\w-]+)?"
    r"(?=\s*(?:[,.!?;]|$)|\s+[^\w\s])",
    re.I,
)
_LEFT_AND_WHEN = re.compile(
    r"\b(?P<verb>quit|left|stopped|resigned|gave\s+up|dropped\s+out)(?P<when>(?:\s+(?:in|on|last|this|"
    r"yesterday|today|a|two|three|\d+)\b[^,.!?;]*)?)[\s.!?]*$",
    re.I,
)


def _object_meant(content: str) -> str:
    """``content`` with what a leaving was of said after its verb ("finally quit!!!
    ...the night shifts I mean" → "finally quit the night shifts"), where a clause after it
    says so; as it was otherwise."""
    for found in _OBJECT_MEANT.finditer(content):
        before = content[: found.start()].rstrip(" ,.!?…")
        left = _LEFT_AND_WHEN.search(before)
        if left is None:
            continue
        meant = found.group("first") or found.group("then")
        said = f"{before[: left.end('verb')]} {meant}{left.group('when')}"
        return f"{said}{content[found.end() :]}"
    return content


# A message that opens by putting right the last value said, the wrong one unsaid:
# "sorry, I meant Wipro", "I meant Wipro, I applied to both", "correction: 36", "oops,
# make that Leeds" (not "I meant to call you", "I meant Tuesday": a day is no value; nor
# "make that a large pizza please", "I meant City, not United": an order, a word for a
# word, which corrections._correction reads).
_NOT_AFTER = re.compile(r"\s*not\b", re.I)
_OPENS_PUT_RIGHT = re.compile(
    r"^\s*(?:(?:sorry|oops|whoops|my\s+bad)\s*[,!.]*\s*)?(?:i\s+meant|correction\s*:|make\s+that)"
    r"\s*[,:]?\s+",
    re.I,
)


def _last_put_right(content: str) -> tuple[str, list[ExtractedFact]]:
    """``content`` without an opening that puts right the last value said, and that
    correction (``corrects_last``); as it was, and none, otherwise."""
    found = _OPENS_PUT_RIGHT.match(content)
    if found is None:
        return content, []
    end = _end_of_sentence(content, found.end())
    meant, comma, after = content[found.end() : end].partition(",")
    value = _value_alone(_FILLER_AFTER.sub("", meant.strip(" .!")), strong=False)
    if (
        value is None
        or _ARTICLE.match(value)  # "make that a large pizza please": an order
        or any(kind.fullmatch(value) for kind in _KINDS[:2])
        or _NOT_AFTER.match(after)  # "I meant City, not United": a word for a word
    ):
        return content, []
    said = content[: found.end() + len(meant)].strip()
    rest = content[found.end() + len(meant) + len(comma) :].lstrip(" ,.!")
    fact = ExtractedFact(
        finish(third_person(said)), statement=said, value=value, corrects_last=True
    )
    return rest, [fact]


def taken_back(
    content: str, read: Callable[[str], list[ExtractedFact]]
) -> tuple[str, list[ExtractedFact]]:
    """``content`` with what it takes back put right or gone, and the memories of the words
    taken back that are kept as said (those that name whose it was, or nothing instead),
    or put right in what was said before (``corrects_last``: "sorry, I meant Wipro")."""
    content, kept = _last_put_right(_object_meant(content))
    at = 0
    while True:
        found = _TAKEN_BACK.search(content, at)
        if found is None:
            return content, kept
        before = content[: found.start()].rstrip(" ,;:—–-")
        start = _start_of_sentence(before.rstrip(".!?"))
        start += len(before[start:]) - len(before[start:].lstrip())  # the space with the head
        taken = before[start:].strip()
        end = _end_of_sentence(content, found.end())
        rest = content[found.end() : end].strip(" .!")
        head, tail = content[:start], content[end:]
        # the value meant, and what the sentence says after it ("…, still 12, birthday's
        # next week")
        meant, _, more = rest.partition(",")
        strong = bool(found.group("strong") or found.group("did"))
        value = _value_alone(_FILLER_AFTER.sub("", _STILL.sub("", meant.strip())), strong=strong)
        whose = _WHOSE.match(rest)
        if not taken or not taken[:1].isalnum():
            at = found.end()  # nothing before it to take back: "No wait, …" opening
        elif value is not None:
            put_right = _put_right(taken.rstrip(".!?"), value, read)
            if put_right is None:
                at = found.end()  # no value of its own to put right: left as said
            else:
                said = f"{put_right}, {more.strip()}" if more.strip() else put_right
                content = f"{head}{said}{tail}"
                at = len(head) + len(said)
        elif not strong:
            at = found.end()  # "…, actually I love it": no taking back
        elif whose is not None and (theirs := _theirs(taken, whose)) is not None:
            # "I quit in march? no wait that was my brother": "My brother quit in march"
            said = f"{theirs}. {rest[whose.end() :].strip(' ,.!')}".rstrip(" .")
            content = f"{head}{said}{tail if tail[:1] in ('.', '!', '?') else '.' + tail}"
            at = len(head)
        elif not rest or whose is not None:
            # "that wasn't me", nothing meant instead: the words taken back, as said
            said_back = whose.group() if whose is not None else rest
            pause = " " if taken.endswith(("?", "!")) else ", "
            said = f"{taken.rstrip('.')}{pause}{found.group().strip()} {said_back}".strip(" ,")
            kept.append(ExtractedFact(finish(third_person(said)), classify(said), said))
            # whom it was of stays to be read ("… that was my son Jack, he's 12": "my son
            # Jack, he's 12")
            beyond = rest[whose.end() :].strip(" ,.!") if whose is not None else ""
            who = whose.start("who") if whose is not None and whose.group("who") else -1
            after = rest[who:].strip(" ,.!") if beyond and who >= 0 else beyond
            content = f"{head}{after}{tail}" if after else head + tail.lstrip(" .!?,")
            at = len(head)
        elif _SAID_BY_THE_USER.match(rest) and any(f.attribute for f in read(rest)):
            content = f"{head}{rest}{tail}"  # what was meant instead, said whole
            at = len(head)
        else:
            at = found.end()  # "… no wait, 8 next month": what it means is unsure


def _theirs(taken: str, whose: re.Match[str]) -> str | None:
    """The words taken back said of whom they were of ("I quit in march" → "My brother
    quit in march"), if they are the user's alone; None otherwise."""
    who = whose.group("who") or whose.group("did")
    said_so = taken.rstrip(".!?")
    if starts_with_verb(said_so):
        said_so = f"I {said_so[:1].lower()}{said_so[1:]}"  # "just got a job": no "I" typed
    said = third_person(said_so)
    if not who or not said.startswith(f"{SUBJECT} ") or f"{SUBJECT}'s" in said:
        return None  # "my sister and I moved", "I moved in with my mum": as said
    return f"{who[:1].upper()}{who[1:]} {said[len(SUBJECT) + 1 :]}"


def _start_of_sentence(text: str) -> int:
    """Where the sentence ``text`` ends with begins."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    return ends[-1] if ends else 0


def _end_of_sentence(content: str, at: int) -> int:
    """Where the sentence at ``at`` ends: its closing marks, which stay with what follows."""
    found = _SENTENCE_END.search(content, at)
    return len(content) if found is None else found.start()


def _value_alone(rest: str, strong: bool) -> str | None:
    """What was meant, if ``rest`` is a value alone: after a taking back ("no wait, it's
    Bradford" → "Bradford"), or a name, a number or a thing after "I mean", "actually"
    ("…, I mean Bradford"; not "…, I mean it's fine", "…, actually fine")."""
    found = _VALUE_ALONE.match(_SAID_FOR_IT.sub("", rest) if strong else rest)
    if found is None or _NO_VALUE & set(found.group().lower().split()):
        return None
    said = found.group()
    if not strong and not (said[:1].isupper() or said[:1].isdigit() or _ARTICLE.match(said)):
        return None
    return said


def _put_right(taken: str, value: str, read: Callable[[str], list[ExtractedFact]]) -> str | None:
    """``taken`` with the last value it keys said as ``value`` ("I live in Leeds" →
    "I live in Bradford"), an article before it with it; None if they key none."""
    for kind in _KINDS:
        if kind.fullmatch(value):
            # a month for a month, a year for a year: "… in May, no wait, June"
            said_so = list(kind.finditer(taken))
            if not said_so:
                return None
            last = said_so[-1]
            return f"{taken[: last.start()]}{value}{taken[last.end() :]}"
    folded = taken.casefold()
    keyed = [f for f in read(taken) if f.attribute is not None and f.value]
    said = [f.value for f in keyed if f.value and f.value.casefold() in folded]
    if not said:
        return None
    old = said[-1]
    attributes = {f.attribute for f in keyed if f.value == old}
    at = folded.rfind(old.casefold())
    begin = at
    article = _ARTICLE_BEFORE.search(taken, 0, at)
    if article is not None and _ARTICLE.match(value):
        begin = article.start()  # "a teacher" → "an engineer", not "a an engineer"
    put_right = f"{taken[:begin]}{value}{taken[at + len(old) :]}"
    if not attributes & {f.attribute for f in read(put_right)}:
        return None  # "i'm vegan — scratch that, veggie": no diet read in "i'm veggie"
    return put_right
