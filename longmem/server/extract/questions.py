"""How a question reads: where a statement's last pause falls and whether what follows it
asks ("I drive a Tesla — how often should I rotate the tyres?"), with a "?" typed or
none ("my brother kwame lives in accra, whats a good present…"); what a question tells
before it asks ("back home in Lyon tonight, easy dinner?") and as why it is asked ("how
do I find a dentist since we moved to Leeds?"). chat.py reads sentences with these.
"""

from __future__ import annotations

import re
from typing import Optional

# The last pause of a sentence: what follows it may be all that asks.
# (a "but" too: "ordering trainers, I'm a UK 9 usually but Nike run small right?")
LAST_PAUSE = re.compile(r"(?:\s*[,;:]|\s+[—–-]+|\s+but)\s+(?=(?:(?!\bbut\s)[^,;:—–])*$)")
# The words a question opens with, auxiliaries aside (also read by the rest of a clause,
# rests.py).
QUESTION_WORDS = (
    r"what|what's|whats|how|how's|where|where's|when|why|who|who's|which|any|anyone|"
    r"anybody|wdyt"
)
# How a question opens: what before the last pause opens so asks too.
_ASKS_FIRST = re.compile(
    r"^(?:is|are|am|do|does|did|can|could|would|will|should|shall|have|has|"
    + QUESTION_WORDS
    + r")\b",
    re.I,
)
# A question that ends a statement after its pause: a question word, "is"/"are", or an
# auxiliary with its subject ("how often should I …", "is that too old", "does he cook";
# not "(I'm Sarah,) am 34 and live in Leeds?", said with a rising tone); a question typed
# short ("ok to eat brie?", "any tips?").
A_TAIL_ASKS = re.compile(
    r"^(?:" + QUESTION_WORDS + r")\b|^(?:is|are|isn't|aren't)\b|"
    r"^(?:ok|okay|safe|fine|normal|alright|bad)\s+to\s|"
    r"^any\s+(?:tips|advice|ideas|recommendations|suggestions)\b|"
    r"^(?:do|does|did|can|could|would|will|should|shall|have|has|was|were)\s+"
    r"(?:i|you|u|we|it|he|she|they|this|that|there|my|your)\b",
    re.I,
)
# … and one typed with no "?", by how only a question opens: a question word with what it
# asks ("what's a good…", "how do I…", "where can I…"; not "which is nice", "where she
# works", "what a day"), an auxiliary with its subject, a request to the listener
# ("can you…", "help me…"), "any tips".
A_TAIL_ASKS_UNMARKED = re.compile(
    r"^(?:what(?:'s|s|\s+(?:is|are|was|were|should|shall|can|could|do|does|did|would|will|"
    r"kind|sort|type|size|time|day|else|about)|\s+(?:[a-z]+\s+){1,2}(?:should|shall|can|could|do|"
    r"does|would|will)\s+(?:i|we|you|u|he|she|they))|how\s+(?:do|does|did|can|could|should|would|"
    r"is|are|long|much|many|often|far|to)|how's|where\s+(?:can|could|do|does|should|would|is|"
    r"are)|where's|when\s+(?:should|can|do|does|is|are)|why\s+(?:is|are|do|does|did|would)|"
    r"which\s+(?:one|ones|should|would|do)|who\s+(?:should|can|do|would))\b|"
    r"^any\s+(?:tips|advice|ideas|recommendations|recs|suggestions|thoughts)\b|"
    r"^(?:do|does|did|can|could|would|will|should|is|are)\s+(?:i|you|u|we|it|there)\b|"
    r"^(?:help\s+me|pls\s+help|please\s+help|give\s+me|suggest|recommend)\b",
    re.I,
)
# What makes what comes before a question no news: a supposition, a role to play, an
# opinion asked about ("Let's say I live in Tokyo, where…", "Roleplay as my girlfriend
# Emma, okay?", "You think I live in Berlin, why?").
_SUPPOSED = re.compile(
    r"\b(?:if|unless|whether|suppose|supposing|assume|assuming|pretend|pretending|imagine|"
    r"hypothetically|let's say|let us say|say I|what if|in a world|even if|role ?-?play|act as|"
    r"you think|do you think|would you|should I|could I|can I|quick question|quick one|"
    r"for a friend)\b",
    re.I,
)
_TOLD_WORDS = 3


# Why a question is asked, said as what holds: "how do I find a dentist since we moved to
# Leeds?", "what should I cook now that I'm vegan", "any tips now i work from home?",
# "why am I so tired since I started nights" (not "since when…", "because I want…").
_WHY_ASKED = re.compile(
    r"\b(?:now\s+that|now|since|because|cause|cuz|cos|coz|bc|b/c)\s+"
    r"(?=(?:i|i'm|im|i've|ive|we|we're|we've|my|our)\s)",
    re.I,
)
# … not a wish, a plan or a guess: "because I want a dog", "since I might move", "now
# I'm thinking of quitting".
_NOT_WHAT_HOLDS = re.compile(
    r"^\S+\s+(?:(?:really|just|kinda|sort\s+of)\s+)?(?:want|wanna|need|would|'d|might|may|"
    r"could|can|can't|cannot|will|'ll|hope|wish|plan|think|thought|guess|feel|am\s+thinking|"
    r"'m\s+thinking|was|were|had|did|don't|dont|didn't|do)\b",
    re.I,
)
# … in a question that supposes: "what if I quit since my boss hates me?"
_SUPPOSING = re.compile(
    r"\b(?:if|suppose|supposing|imagine|pretend|hypothetically|let's\s+say|role\s*-?play|"
    r"act\s+as)\b",
    re.I,
)
# … up to a pause, another question or a clause joined on.
_TOLD_ENDS = re.compile(r"\s*(?:[,;:?!]|\s(?:and|but|so|or)\s+(?:what|how|should|can|is|do)\b)")


def told_while_asking(sentence: str) -> Optional[str]:
    """What a question tells as why it is asked, in a clause after "since", "because" or
    "now (that)": "how do I find a dentist since we moved to Leeds?" tells "we moved to
    Leeds". None when it tells no such thing, or only a wish, a plan, a guess or a
    supposition ("because I want a dog", "what if I move since my…")."""
    why = _WHY_ASKED.search(sentence)
    if why is None or _SUPPOSING.search(sentence, 0, why.start()):
        return None
    rest = sentence[why.end() :]
    end = _TOLD_ENDS.search(rest)
    told = (rest[: end.start()] if end else rest).strip()
    if len(told.split()) < 2 or _NOT_WHAT_HOLDS.match(told) or _SUPPOSED.search(told):
        return None
    return told


def told_before_asking(sentence: str) -> Optional[str]:
    """What a question says before it asks: "no longer vegetarian btw, doctor wants more
    iron — best way to cook a steak?" tells two things, then asks; "back home in Lyon
    tonight, easy dinner?" one. None when it opens as a question ("is it ok, or not?"),
    supposes ("if I move, would I be happier?", "let's say I live in Tokyo, where…") or
    says too little before the pause ("so, Tom, thoughts?")."""
    pause = LAST_PAUSE.search(sentence)
    if pause is None:
        return None
    told = sentence[: pause.start()].strip()
    if len(told.split()) < _TOLD_WORDS or _ASKS_FIRST.match(told):
        return None  # (what _ASKING reads as a question opens as one here too)
    return None if _SUPPOSED.search(told) else told
