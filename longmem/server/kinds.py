"""What kind of thing a question asks for, and whether a memory says one.

"Where does Bronte live?" asks for a place, "Who is DeShawn dating?" for a person, "How
old is Jolene?" for an age, "What is her role?" for an occupation, "Who does she work
for?" for an organisation. When the extractor did not key what was said ("officially a
Hobart girl now", "been seeing this woman Priyanka", "28 liao"), the question and the
memory share no word, yet the memory says a thing of the kind asked, after the keyed
answer: search's kind arm reads what was said lately for one (search.py). Each test
reads the words beside the thing, as a question's answer is said: a name beside a word
for the relation asked ("this woman Priyanka"), an employer after "at" or "for", a home
not after "a weekend in"; a home, a job or an employer only in a text with a word of
change ("now", "moved", "started"); what the text opens on someone else's news ("Sis
got a place in Perth") or says was left ("grew up in Accra") is no answer about the user.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Callable, Optional

from .arms import mentions
from .embed import STOP_WORDS
from .extract.kin import RELATIONS
from .extract.lexicon import DAY_NAMES, HEDGED, HEDGED_BEFORE, MONTHS, words
from .extract.places import places_in
from .extract.values import OCCUPATIONS
from .facts import RELATION_ATTRIBUTES

# A capitalised word after another word of its sentence: a name, as typed ("this woman
# Priyanka", "a baby boy, Kofi"), not a sentence's first word, nor all capitals ("GP").
_NAME = re.compile(r"(?<=[\w,;:'’)\]] )[^\W\d_][\w'’-]*")
_NOT_A_NAME = frozenset(("user", "user's", "i", *MONTHS, *DAY_NAMES))
_WORD = re.compile(r"[^\W\d_]+")

# A number one may be ("28", never "3.4", "10/10", "9:30", "£30", "2nd", "30%"), when
# something beside it says it is an age: a word before it ("turned 40", "I'm 27", "she's
# 3"), a word after it ("28 today", "28 liao", "30 this year", "35 years old"), or
# nothing, at the start of a sentence ("36!", "32."); not a count, a score or a name's
# number ("3 kids", "top 10", "Form 5", "bus 73", "I scored 95", "the 49ers").
_NUMBER = re.compile(r"(?<![\w$£€¥₹#/:.,'’-])(?:[1-9]\d?|1[01]\d)(?![\w%°]|[.,:/]\d|['’]s\b)")
_AGE_BEFORE = re.compile(
    r"(?:(?<![^\W_])(?:turned|turning|turns|turn|am|im|is|be|being|aged|age|officially)"
    r"|['’][sm])\s+$",
    re.I,
)
_AGE_AFTER = re.compile(
    r"\s*(?:today|tomorrow|tmrw|now|liao|lah|already|soon|next|this\s+year|"
    r"and\s+(?:counting|still)|(?:years?|yrs?)[\s-]*old|y/?o)(?![^\W_])",
    re.I,
)
_ALONE = re.compile(r"\s*(?:[.!?…]|$)")
# A number that is a thing's, not an age: after a capitalised word that names what it
# numbers ("Form 5", "Room 12", "Bus 42"), before a unit ("6 ft", "180 cm"), or a score
# or a share ("12 out of 60", "3 of us").
_NUMBERED = re.compile(r"(?<![^\W_])(?-i:[A-Z])[a-z]+\s+$")
_UNIT = re.compile(
    r"\s*(?:ft|feet|foot|inch|inches|cm|metres?|meters?|kg|kgs|lbs?|pounds|stone|km|"
    r"miles?|mph|out\s+of|of)(?![^\W_])",
    re.I,
)


def _said_before(pattern: re.Pattern[str], text: str, end: int) -> bool:
    """Whether ``pattern``, one that ends in "$" and spans at most _RUNS runs of
    non-space, matches ``text`` ending at ``end``. Searched from the start of the _RUNS-th
    run back, not from the text's start: from there every start was tried, for every
    thing of a text, and a search that read a memory of many things took seconds."""
    return pattern.search(text, _runs_back(text, end), end) is not None


def _runs_back(text: str, end: int) -> int:
    """Where the _RUNS-th run of non-space before ``end`` begins (0 if there are fewer);
    0 as well when ``end`` is near the start, from where a search costs less than
    finding the runs (most memories are short)."""
    if end <= _NEAR_THE_START:
        return 0
    start = end
    for _ in range(_RUNS):
        while start and text[start - 1].isspace():
            start -= 1
        while start and not text[start - 1].isspace():
            start -= 1
    return start


# The most runs of non-space a pattern searched by _said_before spans ("moved away out of
# the", "wants to be a good").
_RUNS = 6
_NEAR_THE_START = 200


def names_in(text: str) -> list[str]:
    """The names a text writes after its first word ("Been seeing this woman Priyanka",
    "Ama had a baby boy, Kofi"); a place's name counts too, as one cannot tell "Isla" the
    daughter from Isla the town."""
    return [
        word
        for word in _NAME.findall(text)
        if word[0].isupper()
        and word[1:2].islower()
        and word.casefold() not in _NOT_A_NAME
        and not word.endswith(("'s", "’s"))  # "Meera's wedding": someone else's
    ]


# Before an occupation, what makes it someone else's or not one held: "my lawyer", "the
# surgeon was rude", "he wants to be a chef".
_NOT_ONES_OWN = re.compile(
    r"(?<![^\W_])(?:the|my|our|his|her|their|your|this|that|wants?\s+to\s+be\s+an?|"
    r"wanna\s+be\s+an?)\s+(?:[^\W\d_]+\s+)?$",
    re.I,
)


def occupations_in(text: str) -> list[str]:
    """The words for an occupation the extractor knows that a text says one is ("Senior
    product designer, start next month", "now a full-time baker"); not "my lawyer", "the
    surgeon was so rude", "he wants to be a chef", nor one opening the text, as in a
    note about someone ("Dentist says I need a filling", "Vet bill was huge")."""
    return [
        found.group()
        for found in _WORD.finditer(text)
        if (word := found.group().casefold()) in OCCUPATIONS or word.rstrip("s") in OCCUPATIONS
        if found.start() > 0 and not _said_before(_NOT_ONES_OWN, text, found.start())
    ]


# An employer is named after a word of working somewhere: "at Emzor", "offer from KPMG",
# "joined Deloitte", "working for the NHS" (not "with Chloe", "ordered from Amazon").
_EMPLOYED = re.compile(
    r"(?<![^\W_])(?:at|for|joined|join|joining|@|hired\s+by|offers?\s+from|"
    r"work(?:s|ing)?\s+with)\s+(?:the\s+)?$",
    re.I,
)


def organisations_in(text: str) -> list[str]:
    """The names a text writes after a word of working somewhere, capitalised or in
    capitals of three letters or more ("got the offer from KPMG Toronto", "moved up at
    Emzor"); not "Watching the Lakers", "TV died"."""
    return [
        found.group()
        for found in _NAME.finditer(text)
        if (word := found.group())[0].isupper()
        and (word[1:2].islower() or (word.isupper() and len(word) > 2))
        and word.casefold() not in _NOT_A_NAME
        and _said_before(_EMPLOYED, text, found.start())
    ]


def ages_in(text: str) -> list[str]:
    """The numbers a text says as someone's age ("28 liao", "36!", "turned 40", "she's 3
    now"), not a count, a time, a price, a date or a score ("3 kids", "5 min", "9:30")."""
    found = []
    for number in _NUMBER.finditer(text):
        start, end = number.span()
        if _UNIT.match(text, end):
            continue  # "6 ft tall", "12 out of 60"
        said = start  # where what is said before it ends
        while said and text[said - 1].isspace():
            said -= 1
        opens = not said or text[said - 1] in ".!?"
        if _said_before(_AGE_BEFORE, text, start) or (
            not _said_before(_NUMBERED, text, start)  # "Form 5 now", "Bus 42."
            and (_AGE_AFTER.match(text, end) or (opens and _ALONE.match(text, end)))
        ):
            found.append(number.group())
    return found


# Before a place, what makes it a visit, not a home: "Weekend in Brighton", "flights to
# Bali", "back from Rome".
_VISITED = re.compile(
    r"(?<![^\W_])(?:weekend|trip|holiday|holidays|vacation|break|conference|layover|"
    r"flights?|flying|flew|fly|visiting|visit|back\s+from|heading|off)\s+(?:(?:in|to|at)\s*)?$",
    re.I,
)


# A place's name that opens a text, or is followed by another name, says the place only
# before a word that cannot be a thing named after it ("Delft is so flat", "Toronto now",
# "Abuja life is different"); else it names a team or a thing ("Liverpool smashed
# United", "Leeds fans are loud", "New York trip booked", "Denver Nuggets", "Canada Goose
# jacket"). Within a sentence, after another word, it is taken as the place ("a Hobart
# girl", "the Izmir municipality").
_OF_A_PLACE = STOP_WORDS | words(
    "girl girls boy boys guy guys lad lass man woman local locals resident native life "
    "based city centre center area side suburbs still anymore today tonight lol haha tho though"
)
_NEXT_WORD = re.compile(r"[\s-]*(?P<word>[^\W\d_][\w'’]*)")


def _as_a_place(text: str, place: str) -> bool:
    """Whether ``place``, as written in ``text``, names the place: not a team or a
    thing named after it."""
    at = text.index(place)
    after = _NEXT_WORD.match(text, at + len(place))
    if after is None:
        return True  # the end, or punctuation
    word = after.group("word").casefold()
    opens = not text[:at].strip()
    if opens and word in ("a", "an", "the", "my"):
        return False  # a verb, not a place: "Reading the new Sally Rooney"
    return not (opens or after.group("word")[0].isupper()) or word in _OF_A_PLACE


def places_said(text: str) -> list[str]:
    """The known places a text names as places ("In Toronto now", "Officially a Hobart
    girl now"; not "Panama hat", "Liverpool smashed United")."""
    return [place for place in places_in(text) if _as_a_place(text, place)]


def homes_in(text: str) -> list[str]:
    """The places a text names, not as a place visited ("Officially a Hobart girl now";
    not "Weekend in Brighton with the girls", "booked flights to Bali")."""
    return [
        place for place in places_said(text) if not _said_before(_VISITED, text, text.index(place))
    ]


# The words that say a name is of the relation asked: "Been seeing this woman Priyanka",
# "We had a baby girl, Nora", "Her name is Lucia".
_BORN = frozenset(("baby", "born", "named", "called", "name"))
_CUES: dict[str, frozenset[str]] = {
    relation: frozenset(w for w, r in RELATIONS.items() if r == relation)
    for relation in RELATION_ATTRIBUTES
}
_CUES["partner"] |= words(
    "seeing dating dated date dates married marry marrying engaged proposed fiancé fiancée "
    "relationship"
)
_CUES["children"] |= _BORN | {"twins", "boy", "girl"}
_CUES["relatives"] |= _BORN
_CUES["name"] = frozenset(("name", "named", "called", "call"))


def _named(cues: frozenset[str]) -> Callable[[str], list[str]]:
    """Names, in a text that holds one of ``cues`` (a plural too: "the kids")."""

    def find(text: str) -> list[str]:
        said = {word.casefold() for word in _WORD.findall(text)}
        if not (said & cues or {w[:-1] for w in said if w.endswith("s")} & cues):
            return []
        return names_in(text)

    return find


# The things of the kind each attribute's answer is that a text says, for the
# attributes a question may ask by one.
_KINDS: dict[str, Callable[[str], list[str]]] = {
    "home": homes_in,
    "location": places_said,
    "age": ages_in,
    "job": occupations_in,
    "employer": organisations_in,
    **{relation: _named(cues) for relation, cues in _CUES.items()},
}
KIND_ATTRIBUTES = frozenset(_KINDS)
# Before a thing, what says it was left or held before: "Leaving Panasonic", "moved from
# Leeds", "grew up in Accra", "ex Jake" (not "from" alone: "the ferry over from Lévis
# every morning" is where one lives).
_LEFT = (
    r"(?<![^\W_])(?:left|leaving|leave|quit|quitting|ex-?|former|formerly|"
    r"(?:moved|moving|relocated|relocating)\s+(?:away\s+)?(?:from|out\s+of)|"
    r"grew\s+up\s+in|originally\s+from|(?:born|raised)(?:\s+and\s+(?:raised|bred))?\s+in|"
    r"said\s+goodbye\s+to|broke\s+up\s+with|divorced(?:\s+from)?|used\s+to\s+\w+\s+(?:in|at|for))"
    r"\s*(?:the\s+|my\s+)?"
)
_LEFT_BEFORE = re.compile(_LEFT + r"$", re.I)
# After a thing, what says it was one's before: "Newcastle born and bred", "Lagos
# originally".
_LEFT_AFTER = re.compile(r"[\s,-]*(?:born|originally|at\s+heart)(?![^\W_])", re.I)
_WORD_CHAR = re.compile(r"[^\W_]")
# What opens a text on someone else: "User's sister…", "Zoe's friend Lily slept over",
# "Sis got a place in Perth", "Mum is in Durban", "She's a GP", "Aisha is moving to
# Aberdeen" (a name, not a known place, before a verb); not "User's new flat…", "Delft
# is so flat", "Officially a Hobart girl now".
_OPENING = re.compile(
    r"\s*(?P<word>[^\W\d_][\w-]*)(?P<s>['’]s\b)?\s*(?P<next>[^\W\d_][\w'’-]*)?", re.I
)
_PRONOUNS = frozenset(("he", "she", "they", "him", "her", "them", "his", "their"))
_NOT_POSSESSIVE = frozenset(("it", "that", "there", "what", "who", "where", "here", "let", "how"))
_NEWS_VERBS = words(
    "is was has had got gets just and are were moved moving started joined wants wanted "
    "will said says went loves"
)
_OTHERS = frozenset(RELATIONS) | words("parents folks family kids children neighbours neighbors")


def someone_elses(text: str) -> bool:
    """Whether a text opens on someone other than the user: a possessive ("User's
    parents are in Durban now", "Zoe's friend Lily slept over"), a word for a relative
    ("Sis got a place in Perth"), a pronoun ("She's a trainee lawyer now"), or a name
    before a verb ("Aisha is moving to Aberdeen")."""
    opening = _OPENING.match(text)
    if opening is None:
        return False
    word, after = opening.group("word"), (opening.group("next") or "").casefold()
    folded = word.casefold()
    if folded in _PRONOUNS or folded in _OTHERS:
        return True
    if opening.group("s"):
        # "User's sister…" is someone else's; "User's new flat…" the user's own
        return folded not in _NOT_POSSESSIVE and (
            folded != "user" or after in _OTHERS or after.rstrip("s") in _OTHERS
        )
    if folded in ("the", "our", "some") and after in _OTHERS:
        return True  # "The neighbours are moving to Limerick"
    return (
        word[0].isupper()
        and folded not in STOP_WORDS
        and after in _NEWS_VERBS
        and not places_in(word)
    )


# A home, an employer or a job is news only in a text that says something changed or
# began: "officially a Hobart girl now", "got the offer from KPMG", "start next month",
# "Lyon has been good so far", "Hove here User comes" (as the sentence is stored); not
# "Reading on the train", "golf with Steve from Arup", "a nurse at A&E said…"; nor in
# one that hedges it as remember does a plan ("thinking about moving to Bergen next
# year, maybe", "Thinking about Valencia for retirement").
_CHANGE = re.compile(
    r"(?<![^\W_])(?:now|new|moved|moving|move|officially|finally|first|started|starting|"
    r"start|starts|joined|joining|offer|accepted|promoted|promotion|became|becomes|become|"
    r"shifted|relocated|settled|resident|life|got|so\s+far|retrain(?:ing|ed)?|"
    r"here\s+(?:we|\w+)\s+comes?|"
    r"is\s+home)(?![^\W_])",
    re.I,
)
_CHANGED = frozenset(("home", "employer", "job"))
# Those a memory tells without a word of change when nothing else answers: a place or a
# name after "at" is rarely someone else's, an occupation word often is ("a nurse at
# A&E was rude").
_UNTOLD = frozenset(("home", "employer"))
# Without a word of change, what says a home or an employer is not one's yet or any
# more: "Interviewing at Canva next week", "going to be based in Leeds", "Leaving do at
# Leeds".
_NOT_YET = re.compile(
    r"(?<![^\W_])(?:interview\w*|appl(?:y|ying|ied)|going\s+to\s+be|leaving|left)(?![^\W_])",
    re.I,
)
# … nor, for a home, one said away: "dinner here in Rome with friends, on vacation",
# "loving the sun here in Lisbon on holiday this week".
_AWAY = re.compile(
    r"(?<![^\W_])(?:vacation|holiday|holidays|hols|trip|visiting|sightseeing|tourist|tourists|"
    r"honeymoon|getaway|layover|stopover|conference|weekend\s+(?:in|away)|for\s+the\s+"
    r"(?:week|weekend|day|night))(?![^\W_])",
    re.I,
)


def news(attribute: str, text: str, held: Sequence[str], *, told: bool = True) -> list[str]:
    """The things of the kind ``attribute``'s answer is that ``text`` says, other than
    the values ``held`` (what the key holds and held), what it says was left, and a
    home, job or employer it hedges or says nothing changed for: "moved from Port of
    Spain to Toronto" is news of Toronto only, "Leaving Panasonic was scary" of no
    employer. Unless ``told`` (an arm found something else to answer with), a home or an
    employer needs no word of change, only, without one, none saying it is not one's yet:
    "the heat here in Perth" is news of a home, "interviewing at Canva" of no employer,
    "first week up in Glasgow done, left Leeds behind" of Glasgow (a word of change
    suffices, as when ``told``)."""
    find = _KINDS.get(attribute)
    if find is None:
        return []
    changed = attribute in _CHANGED
    if changed and HEDGED.search(text):
        return []
    if changed and not _CHANGE.search(text):
        untold = not told and attribute in _UNTOLD
        if not untold or _NOT_YET.search(text):
            return []
        if attribute == "home" and _AWAY.search(text):
            return []
    things = find(text)
    if not things:
        return []
    hedged = HEDGED_BEFORE.search(text) if changed else None
    verdicts: dict[str, bool] = {}  # a thing said again is judged once
    for thing in things:
        if thing not in verdicts:
            verdicts[thing] = not (
                (changed and _hedged_before(text, hedged, text.index(thing)))
                or any(mentions(value, [thing]) for value in held)
                or _said_as_left(text, thing)
            )
    return [thing for thing in things if verdicts[thing]]


def _hedged_before(text: str, first: Optional[re.Match[str]], end: int) -> bool:
    """Whether a word of HEDGED_BEFORE is said before ``end``, as a search up to it
    finds one; ``first``: the first in the whole text. One that ends before ``end`` is
    found so too; one just before it may be found only when the search stops at ``end``
    ("may" is no hedge before a number, "may 5"), so there the search is made."""
    if first is not None and first.end() <= end:
        return True
    return HEDGED_BEFORE.search(text, _runs_back(text, end), end) is not None


def _said_as_left(text: str, thing: str) -> bool:
    """Whether ``text`` says ``thing`` (in any case, as a whole word) was left: "moved
    from Leeds", "Newcastle born and bred". The patterns around it are compiled once: a
    pattern per thing would be compiled afresh for most memories a search reads."""
    for found in re.finditer(re.escape(thing), text, re.I):
        start, end = found.span()
        if _WORD_CHAR.match(text, end):
            continue  # part of a longer word
        if _said_before(_LEFT_BEFORE, text, start) or _LEFT_AFTER.match(text, end):
            return True
    return False
