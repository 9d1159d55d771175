"""The user's keyed facts that a piece of a clause after a comma tells on its own, of an
attribute the clause's own facts do not key (``told_after_a_comma``, which the rules'
reading, pipeline.py, asks of a clause of the user's): "Last day at Tesco, first day with
Aldi on Monday" (the new employer), "44, married to Carlos" (the partner), "I'm 29,
software engineer, living in Berlin". Not a piece about someone else ("…, she's vegan"),
nor one in a list asked, quoted, wished or joked ("…, Staff Engineer by 2027").
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Optional

from ..facts import USER, ExtractedFact
from .clause_facts import facts_of
from .leads import WITH_A_NAME
from .names import PERSON_WORDS
from .subjects import USER_SUBJECT, Parsed, parse_subject


def told_after_a_comma(
    clause: str, sentence: str, told: list[ExtractedFact], said: datetime, until: Optional[datetime]
) -> list[ExtractedFact]:
    """The user's keyed facts that a piece of a clause after a comma tells on its own, of
    an attribute the clause's own facts do not key, when the clause keyed one of the
    user's: "Last day at Tesco, first day with Aldi on Monday" (the new employer), "44,
    married to Carlos" (the partner), "I'm 29, software engineer, living in Berlin". Not
    a piece about someone else ("…, lives in Leeds", "…, she's vegan"), nor any in a list
    asked, quoted, wished or joked ("…, Staff Engineer by 2027", "what if I quit, …?")."""
    # With none of the user's keyed, only a piece said with "I" counts: "Day one at
    # Disneyland, I'm a teacher so…", "Big news yaar, I shifted to Islamabad" (not after a
    # frame that is not now: "In my dreams, I'm a pilot")
    own_news = not any(f.attribute and f.subject == USER for f in told)
    if own_news and any(f.attribute for f in told):
        return []  # someone else's facts, then more: theirs
    if "?" in sentence or _HOPED.search(clause) or _NOT_SAID_SO.search(clause):
        return []  # "should I move to Berlin, work at Zalando?", "… lol jk, single, …"
    keyed = {f.attribute for f in told if f.attribute and not f.negated}
    found: list[ExtractedFact] = []
    pieces = _comma_pieces(clause)
    # what the pieces before the one read tell, kept as the loop goes (a long list is
    # read in time linear in its length): whether they frame it as not now, and whether
    # they tell of someone else
    not_now = someone_else = False
    for at, piece in enumerate(pieces[1:], start=1):
        # (a frame opens the first piece only: any later one is read after its comma)
        before = pieces[0] if at == 1 else ", " + pieces[at - 1]
        not_now = not_now or _NOT_NOW.search(before) is not None
        someone_else = someone_else or _tells_of_someone(pieces[at - 1], at == 1)
        if (
            own_news
            and (not _SAID_WITH_I.match(piece) or not_now)
            and not _work_moved_to(pieces, at)
        ):
            continue  # (no list about oneself: "prep me for a Google interview, L4 SWE")
        if someone_else:
            break  # "writing on behalf of my mum, 82, living in Hull": hers from there on
        if not piece or _NOT_THE_USERS_PIECE.match(piece):
            continue
        # (a piece said with "I" is read as it is said: "I'm a teacher" is "am a teacher")
        parsed = parse_subject(piece, None) if own_news else Parsed(USER_SUBJECT, piece)
        read = facts_of(piece, sentence, parsed, said, until, False)
        if own_news and not any(f.attribute == "employer" for f in read):
            # a job alone after a few words is as often a joke ("Sunday vibes, I'm a baker
            # now, made one loaf"); with where it is done, work ("…, I'm a nurse at UCLH")
            read = [f for f in read if f.attribute != "job"]
        for fact in read:
            if (
                (
                    fact.attribute in _TOLD_IN_A_PIECE
                    or (own_news and fact.attribute == "age" and _MY_AGE.match(piece))
                )
                and fact.attribute not in keyed
                and fact.subject == USER
                and not fact.negated
                and _a_value_of_ones_own(fact)
            ):
                found.append(fact)
                keyed.add(fact.attribute)
    return found


def _comma_pieces(clause: str) -> list[str]:
    """The clause cut at each comma outside brackets ("44, married to Carlos (my ex, now
    my husband)" in two pieces): a comma is inside when the next bracket after it closes.
    One walk from the end, so a long run of commas costs time linear in its length."""
    cuts: list[re.Match[str]] = []
    closes_next = False  # whether the next bracket to the right closes one
    for found in reversed(list(_COMMA_OR_BRACKET.finditer(clause))):
        if found.group() in "()":
            closes_next = found.group() == ")"
        elif not closes_next:
            cuts.append(found)
    pieces, start = [], 0
    for cut in reversed(cuts):
        pieces.append(clause[start : cut.start()])
        start = cut.end()
    return [*pieces, clause[start:]]


def _tells_of_someone(piece: str, first: bool) -> bool:
    """Whether a piece before one tells of someone else, whose the next may be: a word
    for a person ("husband's 30", "ex-boyfriend", "friend of mine") or, after the first
    piece, a name ("I'm 26, Sarah's 28, nurse"), or in the first one, a name it ends with
    that the user is with ("I moved to Bristol with Jake, 29, software dev at Ovo")."""
    # (not a word the user says of themself: "I'm 29, mum of two, work at Boots")
    words = re.findall(r"[a-z]+", _PARENT_OF.sub(" ", piece.lower()))
    if PERSON_WORDS.intersection(words) or "mine" in words:
        return True
    return (WITH_A_NAME if first else _A_NAME).search(piece) is not None


def _a_value_of_ones_own(fact: ExtractedFact) -> bool:
    """Whether a piece's value may be the user's: an employer by its name ("Aldi", not
    "the pub", "my mum's", "the new puppy"), a job not said in capitals alone ("Ted Baker"
    is a shop) nor of others ("family of doctors")."""
    value = fact.value or ""
    if fact.attribute == "employer":
        return _A_THING.match(value) is None
    if fact.attribute == "job":
        return " of " not in value and not value.istitle()
    return True


# The user said as a parent: "mum of two", "dad of 3", "proud mama of twins".
_PARENT_OF = re.compile(
    r"\b(?:mum|mom|mam|mummy|mommy|mama|mother|dad|daddy|father|parent)\s+(?:of|to)\s+"
    r"(?:two|three|four|five|\d|twins|one|a|an)\b"
)
# A value that names a thing, not a workplace: "the pub", "my mum's", "a surf shop".
_A_THING = re.compile(r"(?:the|my|our|his|her|their|a|an)\b", re.I)


# A name in a piece: a capitalised word other than "I".
_A_NAME = re.compile(r"(?<![\w'’])(?!I\b|I['’])(?-i:[A-Z])[a-z]+")
# What tells a list is not said of oneself as it stands: a quote (not an apostrophe), a
# joke, a profile, a condition, or a thing one is "married to".
_NOT_SAID_SO = re.compile(
    r"(?<![^\W_])['‘]|['’](?![^\W_])|[\"“”]|\b(?:jk|kidding|joking|lol|lmao|haha|bio|profile|if|would|i'd|what\s+if|"
    r"to\s+my\s+(?:job|work)|to\s+the\s+(?:sea|job|game))\b",
    re.I,
)


# What tells a list hopes for, not what is: "Staff Engineer by 2027", "aiming for Google".
_HOPED = re.compile(
    r"\b(?:by\s+(?:20\d\d|\d\d|next\s+year|the\s+end\s+of)|one\s+day|someday|eventually|"
    r"hopefully|hoping|dream|goal|plan|plans|wish|aiming|aim|soon|want|wanna|should)\b",
    re.I,
)
# A piece said with "I" ("…, I'm a teacher"), and what before it says it is not so now:
# a dream, a game, another life, a past ("In my dreams, I'm a pilot", "Back in 2010, …").
_SAID_WITH_I = re.compile(r"(?:I|I'm|I\s+am|I've|I\s+have|we|we're|we've)\s", re.I)
# (an age only said "I'm …" or "I turned …": "we're 6 tonight" is a table's head count)
_MY_AGE = re.compile(r"(?:I'm|I\s+am|I\s+turned|I\s+just\s+turned)\s", re.I)
_NOT_NOW = re.compile(
    # a frame opened by a preposition and what it frames: "In Minecraft, …", "On
    # LinkedIn, …", "For the roleplay, …", "According to Tom, …", "As a kid, …" (not "At
    # last, …", "In fact, …", "For real, …", "For me, …")
    r"^\s*(?:according\b|(?:in|on|for|as|at|from|with|by|to|during|within|inside)\s+"
    r"(?:the|this|that|a|an|my|our|his|her|their|another|some|one|(?-i:[A-Z])))|"
    r"\b(?:dreams?|dreaming|(?:another|past|next|former|previous|other)\s+life|world|theory|"
    r"games?|roleplay|role-play|imagine|pretend|hypothetically|scenario|exercise|example|"
    r"movie|film|character|knock|sometimes|once|used|when|while|before|after|until|"
    r"unless|back|ago|then|\d{4})\b",
    re.I,
)
# A piece of the work one moved to, after the move said first: "moved to secondary, teaching
# maths at Kingsway Academy now", "switched schools, now teaching at Hillside Primary".
_MOVED_ON = re.compile(r"^\s*(?:(?:just|finally|recently)\s+)?(?:moved|switched|changed)\b", re.I)
_WORKING_NOW = re.compile(
    r"(?:now\s+)?(?:teaching|working|lecturing)\b(?=[^,]*\b(?:at|for)\s+(?-i:[A-Z]))", re.I
)


def _work_moved_to(pieces: list[str], at: int) -> bool:
    """Whether a piece tells the work one moved to, the move said first (at ``at``)."""
    return at == 1 and bool(_MOVED_ON.match(pieces[0])) and bool(_WORKING_NOW.match(pieces[at]))


# What a piece after a comma is read for: where one lives, works and studies, with whom,
# and a pastime ("I live in Leeds, doing pottery these days"); not an age ("I have 2
# brothers, 32 and 28"), a liking ("I work at Deloitte, like I told you"), a stay or an
# ending, which a list of other things says as often.
_TOLD_IN_A_PIECE = frozenset(
    ("home", "job", "employer", "partner", "relationship", "school", "studies", "hobbies")
)


# A comma with the spaces after it, or a bracket (what _comma_pieces cuts a clause by),
# and a piece after one that tells of someone or something else: a verb in the third
# person, a pronoun, a name or a word for a person first.
_COMMA_OR_BRACKET = re.compile(r",\s+|[()]")
_NOT_THE_USERS_PIECE = re.compile(
    r"^(?:(?:he|she|they|it|his|her|their|its|this|that|who|which|where|the|a|an|in|on|at)\b|"
    r"[a-z]+s\s|(?-i:[A-Z])[a-z]+(?:['’]s)?\s+(?!(?-i:[A-Z])))",
    re.I,
)
