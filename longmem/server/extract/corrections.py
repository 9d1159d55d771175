"""A word put right as the user says it (read by the rules' reading, pipeline.py, of each
sentence): a name said wrongly before ("it's Guimarães not Braga", "I meant Izmir, not
Bursa", "her name's Isla, not Isabel"), any word after owning up to a mistake ("sorry,
almonds not walnuts", "sorry, typo earlier — I'm at Sainsbury's, not Tesco":
``_correction``), or a sentence that ends or opens by putting a word right ("my favourite
is interstellar, not inception", "not cats, it's dogs": ``_put_right``). What a message
takes back as it is typed ("no wait, Bradford") is retractions.py's.
"""

from __future__ import annotations

import re
from typing import Optional

from ..embed import STOP_WORDS, tokens
from .lexicon import SUPPOSING

# "it's Guimarães not Braga", "I meant Izmir, not Bursa", "her name's Isla, not Isabel": a
# name said wrongly before; "sorry, almonds not walnuts": any word, said as a correction.
_WORD = r"[A-Z][\w-]+(?:['’]s)?(?:\s+[A-Z][\w-]+(?:['’]s)?)?"
_ANY_WORD = r"[\w-]+(?:\s+[\w-]+)?"
_CORRECTION = re.compile(
    r"\b(?:it's|it is|I meant|meant|I mean|make that|should be|should have said|"
    r"(?i:(?:her|his|their|my|the)\s+name(?:'s|\s+is)))\s+(?P<new>"
    + _WORD
    + r")\s*,?\s+not\s+(?P<old>"
    + _WORD
    + r")\b|^(?i:sorry|oops|correction|my bad)\b[,:!]?\s+(?P<new2>"
    + _ANY_WORD
    + r")\s*,?\s+not\s+(?P<old2>"
    + _ANY_WORD
    # the words alone, then the sentence's end or a pause: "sorry, almonds not walnuts —"
    + r")(?=\s*(?:$|[,.!;:]|\s[—–-]))"
)
# Words that are no value a correction puts right: "sorry, I can not eat pork", "sorry,
# yes not peanuts".
_NOT_CORRECTED = STOP_WORDS | frozenset(("yes", "no", "yeah", "nope", "just", "really"))


# Where one works, put right after owning up to a mistake said before: "sorry, typo
# earlier — I'm at Sainsbury's, not Tesco" (not "I'm at Lidl, not Aldi, queue is huge", nor
# "sorry I'm at Aldi, not Lidl": a shop one is at).
_AT_WORK_PUT_RIGHT = re.compile(
    r"^(?:I'm|I am)\s+(?:at|with)\s+(?P<new>" + _WORD + r")\s*,?\s+not\s+(?P<old>" + _WORD + r")\b"
)
_OWNED_UP = re.compile(
    r"\b(?:typo|correction|autocorrect|i\s+meant|(?:said|wrote|typed)\s+(?:it\s+)?(?:wrong|earlier|before))\b",
    re.I,
)


def _correction(sentence: str, before: str = "") -> Optional[tuple[int, str, str]]:
    """(where it ends, the right word, the wrong one) of a correction ``sentence`` opens
    with or holds, if its words are values; ``before``, the sentence said before it, may
    own up to the mistake ("sorry, typo earlier")."""
    found = _CORRECTION.search(sentence)
    if found is None:
        at_work = _AT_WORK_PUT_RIGHT.search(_OWNED_UP.sub("", sentence, 1).lstrip(" ,:-—–"))
        if at_work is None or not _OWNED_UP.search(f"{before} {sentence[:12]}"):
            return None
        return len(sentence), at_work.group("new"), at_work.group("old")
    if found.group("new"):  # a name for a name
        return found.end(), found.group("new"), found.group("old")
    new, old = found.group("new2"), found.group("old2")
    return None if _NOT_CORRECTED & set(tokens(f"{new} {old}")) else (found.end(), new, old)


# A sentence that ends by putting a word right ("…is interstellar, not inception"), or
# opens so ("not cats, it's dogs …").
_PUT_RIGHT = re.compile(
    r"(?:^|\s)(?P<new>[\w-]+)\s*,?\s+not\s+(?P<old>[\w-]+(?:\s+[\w-]+)?)\s*[.!]*$|"
    r"^not\s+(?P<old2>[\w-]+(?:\s+[\w-]+)?)\s*,\s*(?:it's|it is|its)\s+(?P<new2>[\w-]+)\b",
    re.I,
)


def _put_right(sentence: str) -> Optional[tuple[str, str]]:
    """(the right word, the wrong one) a sentence puts right, if its words are values."""
    found = _PUT_RIGHT.search(sentence)
    if found is None or _ONLY_SUPPOSED.search(sentence):
        return None
    new, old = found.group("new") or found.group("new2"), found.group("old") or found.group("old2")
    words = set(tokens(f"{new} {old}"))
    if _NOT_CORRECTED & words or words & _NOT_PUT_RIGHT or old.lower().endswith("ing"):
        return None  # "not really", "not gonna lie", "not complaining"
    if new.casefold() == old.casefold():
        return None  # "0 not 0": nothing put right
    return new, old


# A sentence only supposed puts nothing right: "assuming the transfer goes through I'd be
# working at the Maple Grove campus, not Abbott" (it had made the employer held "campus
# Northwestern Hospital").
_ONLY_SUPPOSED = re.compile(
    r"^(?:" + SUPPOSING + r"|imagine)\b|\b(?:would|might|could)\b|['’]d\b",
    re.I,
)
# Words after "not" that remark, not correct: "not really", "not sure", "not anymore".
_NOT_PUT_RIGHT = frozenset(
    """really sure yet anymore much exactly quite even always all just only so too that very
    now again ever because since like bad great good fun gonna lie kidding joking""".split()  # noqa: SIM905
)
