"""What a wish, a plan, advice or a modal governs beyond its own verb: a verb joined on by
"and" or a comma shares it ("I should quit Tesco and work at Aldi" → "I should work at
Aldi"), so the joined verb is not read as news (``clauses.py`` carries it with the
subject).
"""

from __future__ import annotations

import re

from .lexicon import PAST_IRREGULAR, words
from .text import verb_of

# What may stand between a subject and the verb a wish, a plan, advice or a modal governs:
# "I'd love to (quit)", "I'm going to", "we really need to", "I used to", "I could", "they
# want me to", "I'm not sure whether to", "I wish I could", "I was thinking I'd", "my mum
# keeps telling me to".
_CHAIN = words(
    """'d 'll 'm 're 's 've would should could might may must will can shall gonna wanna
    gotta am are is was were have has had been got really probably maybe definitely just also
    actually seriously honestly totally still so rather going tempted planning hoping looking
    trying about supposed meant love like prefer want wants wanted need needs needed hope
    hopes plan plans intend intends used ought decided try tries tried not sure unsure
    whether debating deciding wondering thinking wish wishes keep keeps kept telling told
    tells asking asked asks suggested suggests suggesting begging urging urged advised
    advises i we i'd we'd i'll we'll me us him her them to"""
)
# … of which these govern the word after them (the rest only lead to one) …
# ("can" is left out: "i can drive and live out in the sticks" is two things one does)
_GOVERNS = words(
    "'d 'll would should could might may must will shall gonna wanna gotta rather to "
    "i'd we'd i'll we'll"
)
_SAID_HOW = words(
    "really probably maybe definitely just also actually seriously honestly totally still so"
)
# … and these the verb of the one they name last: "(my friend) suggested I (move)".
_ADVISES = words("suggested suggests suggesting advised advises urged wish wishes")
_NAMED_LAST = words("i we me us him her them")
_A_SUBJECT_AFTER = re.compile(r"\b(?:i|we|i['’]m|im|we['’]re)\b", re.I)
# A change of job or home denied: "(I) can't quit", "(we) never sold up", "(I) didn't move"
# (not "go": "I didn't go to uni and work at Tesco", "never went to college and work at a
# bank now" tell of the job as it is).
_A_CHANGE_DENIED = re.compile(
    r"\s+(?:(?P<never>never)|can['’]?t|cannot|can\s+not|won['’]?t|couldn['’]?t|wouldn['’]?t|"
    r"shouldn['’]?t|didn['’]?t|did\s+not)\s+(?:(?:just|really|ever|actually)\s+)?"
    r"(?P<change>quit|leave|left|move|moved|sell|sold|retire|retired|switch|switched|change|"
    r"changed|pack|packed|give\s+up|gave\s+up)\b",
    re.I,
)
_A_WORD = re.compile(r"['’]\w+|\w+(?:['’]\w+)?")


def governing(left: str, subject: str, right: str) -> str:
    """What governs the verb of ``left`` (said by ``subject``) that ``right``, a verb
    joined on, shares: "'d love to" of "I'd love to quit nursing" with "become a
    teacher", " should" of "I should quit Tesco" with "work at Aldi", " wants to" of "my
    sister wants to quit" with "work at Aldi"; "" where none does ("I quit Tesco and work
    at Aldi now"), or ``right`` is no plain verb ("… and moved to York", "… and living in
    York"), or the chain is a denial of anything but a change of job or home, whose reach
    is not plain ("I don't drink and live in Leeds")."""
    verb = verb_of(right)
    past = verb.endswith("ed") or verb in PAST_IRREGULAR
    # (a past that is its plain form, "quit", "put", is in no list of pasts)
    plain = bool(verb) and not (
        verb.endswith(("ing", "ed"))
        or (verb.endswith("s") and not verb.endswith("ss"))
        or verb in PAST_IRREGULAR
    )
    start = len(left) - len(left.lstrip())
    end = start + len(subject)
    if left[start:end].lower() != subject.lower() or left[end : end + 1].isalnum():
        return ""
    denied = _A_CHANGE_DENIED.match(left, end)
    if denied is not None and not _A_SUBJECT_AFTER.search(left, denied.end()):
        # "I can't quit Tesco and work at Aldi", "we never sold up and moved to France":
        # a change denied, and what it would have led to with it (Aldi had been the job,
        # France the home); not a denial of anything else ("I don't drink and live in
        # Leeds": its reach is not plain)
        if plain or (past and denied.group("never")):
            return left[end : denied.start("change")].rstrip()
        return ""
    if not plain:
        return ""
    chain: list[str] = []
    chain_end = 0
    for word in _A_WORD.finditer(left, end):
        said_word = word.group().lower().replace("’", "'")
        if said_word not in _CHAIN:
            break
        chain.append(said_word)
        chain_end = word.end()
    else:
        return ""  # no verb governed
    if _A_SUBJECT_AFTER.search(left, chain_end):
        return ""  # "I'll be honest i live in leeds (and work at asda)": the verb is another's
    # (an adverb after the governing word goes with it: "I'll probably (join)")
    last = next((w for w in reversed(chain) if w not in _SAID_HOW), "")
    governed = last in _GOVERNS or (last in _NAMED_LAST and not _ADVISES.isdisjoint(chain))
    return left[end:chain_end] if governed else ""
