"""Keys of what a clause says: which attribute it states, and what value.

keys_of(predicate, sentence) reads a clause (its subject already taken off, subjects.py)
against the phrasings of rules.py: only the rows whose needed words the clause holds are
tried (literals.py), on each reading of the clause (as said, and with its negation taken
out); a match's value is taken (match_values.py: cleaned, an age in words as digits, a
list read on) and checked (checks.py: whose the match is, and what the value cannot be: a
home is somewhere, a job an occupation, a name a name); a negation ("no longer", "not …
anymore", "don't … any more", "stopped") turns the fact into one that retires the value
it names, and what is only wished or hoped ("I wish I lived in Rome"), or not done yet
("haven't moved yet", "nearly") is no fact at all. endings() reads what ends a
single-valued fact without a new value ("I resigned today"), by the patterns of ended.py.

A clause that matches no rule is left to the caller, which stores it as a plain memory.
"""

# ruff: noqa: E501  (a few patterns keep one per line)
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Optional

from ..facts import FACT, PREFERENCE, ROLE_ATTRIBUTES, WORK_ATTRIBUTES, attribute
from .checks import (
    A_BODY_BEFORE,
    A_QUANTITY,
    AN_AGENT_HIRED,
    AS_WORK,
    AT_WORK_SAID,
    ENGAGED_IN,
    NO_ONE,
    NOT_A_ROLE,
    NOT_A_VALUE,
    NOT_A_WORKPLACE,
    NOT_NAME_WORDS,
    OLDEST,
    RELATIVE,
    TITLES,
    US,
    _theirs,
    a_home,
    a_things_age,
    an_assistant,
)
from .ended import ENDINGS
from .health import A_CONDITION, A_MEDICINE, SWITCHED_FROM
from .kin import RELATIONS
from .lexicon import ADV, LAUGHTER, PET_WORDS, WEEKDAY_RE
from .literals import SieveIndex, grams, said_between
from .match_values import (
    NAMED,
    end_of_value,
    groups_v,
    list_rest,
    start_of_value,
    value_of,
    words_and_singulars,
)
from .places import load as load_places
from .places import place_rest
from .read_for import CONSIDERED
from .rules import RULES, Rule
from .rules_home import A_WORKPLACE_NAMED, DREAMT, POSTED, RESIDENT
from .rules_personal import (
    A_CHILDS_NAME,
    CANNOT_EAT,
    DIETS,
    MY_ALLERGY,
    NO_ALLERGY,
    SPELLED_US,
)
from .rules_work import DAY_ONE_THEN, JOB_AT, JOB_NOW, SO_TO_SPEAK, STAFF
from .values import (
    AT_HEART,
    NOT_MEANT_AFTER,
    NOT_MEANT_BEFORE,
    NOT_REALLY,
    NOT_WORK,
    PAID,
    WORK_SAID,
    a_field,
    a_place,
    clean_value,
    is_occupation,
    singular,
    with_its_city,
)
from .vehicles import REPLACED, REPLACED_VEHICLE, TRADED


@dataclass(frozen=True)
class Key:
    attribute: str
    value: str
    negated: bool
    type: str


# A vehicle traded in for the one a rule found ("traded in the civic for a Tesla"), or
# replaced by it, the old one unnamed ("replaced it with a Honda SH125").
_TRADED = re.compile(TRADED, re.I)
_REPLACED = re.compile(REPLACED, re.I)
_NEGATION_CUE = re.compile(
    r"\b(?:no longer|not(?!\s+(?:too\s+|that\s+|so\s+)?far\b)|never|don't|do not|doesn't|"
    r"does not|didn't|isn't|aren't|wasn't|weren't|am not|'m not|stopped|quit|gave up)\b|"
    r"\bany ?more\b",
    re.I,
)
# … but for what the user is, told as ended: "(I')m a teacher who no longer teaches", "a
# chef who isn't working right now" (not "a nurse who doesn't work nights").
_NO_MORE_SAID = r"no\s+longer|any\s?more"
_NO_MORE_SO = re.compile(
    r"\b(?:" + _NO_MORE_SAID + r"|(?:isn['’]t|not|aren['’]t)\s+working|stopped|quit|retired)\b",
    re.I,
)
_WHAT_I_AM = re.compile(r"\s*(?:am|['’]?m|is|are)\s+(?:an?)\s+[\w-]+(?:\s+[\w-]+)?\s*$", re.I)
# A span with a half, no age: "(I'm) 5 and a half hours (from home)", "4 and a half months".
_A_SPAN_AND_A_HALF = re.compile(
    r"\s*\d+\s+and\s+a\s+(?:half|quarter)\s+(?:hours?|hrs?|mins?|minutes?|days?|weeks?|"
    r"wks?|months?|miles?|km|kilometres?|kilometers?|stone|kg|pints?|sessions?)\b",
    re.I,
)
# A day's work left, not a job: "left Asda at 5", "left Boots early", "left Aldi after my
# shift", "left the office on time" (not "left Tesco today", "left Tesco in March").
_A_DAYS_LEAVING = re.compile(
    r"\s*(?:(?:just|finally|only)\s+)?left\s+(?:[\w'’&.-]+\s+){1,3}?(?:at\s+(?:\d|noon|lunch|"
    r"midnight|half)|early|late|on\s+time|after\s+(?:my|the|a|his|her)\s+(?:shift|meeting|"
    r"lecture|class)|before\s+(?:the\s+)?(?:rush|traffic|lunch|dark))\b",
    re.I,
)
# What is said of someone or something the clause names, after "who" or "which".
_SAID_OF_THEM = re.compile(r"\s+(?:who|whom|whose|which)\s+", re.I)
# Cues that deny what they follow ("I don't live in Berlin any more"); the others deny
# only what comes after them ("been vegan 3 years and never felt better" is vegan).
_AFTER_CUE = re.compile(r"any ?more|no more", re.I)
_CANT_STAND = re.compile(r"\b(?:can't|cannot|can not)\s+(?:stand|bear|stomach)\b", re.I)


def _denies(head: str, text: str, match: re.Match[str]) -> bool:
    """Whether a negation cue of ``head`` bears on what ``match`` read."""
    said = match.group(0)
    end = max(text.find(said), 0) + len(said)
    return any(
        _AFTER_CUE.fullmatch(cue.group()) or cue.start() < end
        for cue in _NEGATION_CUE.finditer(head)
    )


# A while that makes even "stopped" a break: "stopped working at Acme for a bit".
_A_BREAK = re.compile(r"\bfor (?:now|a bit|a while|the (?:day|week|summer|time being))\b", re.I)
# Words that end a thing whatever the day: "I quit my job at Acme today".
_ENDS = re.compile(
    r"\b(?:quit|quitting|stopped|gave up|given up|left|resigned|any ?more|no longer|as of|"
    r"from (?:today|now on)|after all)\b",
    re.I,
)
# A time that makes a denial a break: "not working today", "not vegan this week".
_FOR_NOW = re.compile(
    r"\b(?:today|tonight|tomorrow|this (?:week|weekend|morning|afternoon|evening)|right now|"
    r"at the moment|atm|on (?:leave|holiday|vacation|maternity|paternity|sick)|off sick|"
    r"on (?:" + WEEKDAY_RE + r"))\b",
    re.I,
)
_USED_TO = re.compile(
    r"(?:^|\b(?:i|we|he|she|they|you)\s+)(?:"
    + ADV
    + r")used to\s+(?!.*\bstill\s+(?:do|does|am|is|are)\b)(?=(?:be|live|work|eat|drink|like|love|enjoy|have|own|play|study|teach|"
    r"date|smoke|prefer|speak|teach|take|use)\b)",
    re.I,
)
# Where the verb of a value's clause starts: after "since", "when"…
_SUBORDINATE = re.compile(
    r"\b(?:since|when|after|because|before|until|till|that|so|and|but)\b", re.I
)


def _unreal(target: str, match: re.Match[str]) -> bool:
    """Whether what ``match`` read did not happen (yet): "I haven't moved to Leeds yet",
    "I almost moved", "I'm nearly 40"; not "I haven't seen them since I moved to Leeds",
    "I've lived in Leeds for almost a decade" (the words before the value, in its clause)."""
    before = target[: match.start("v") if groups_v(match) else match.end()]
    clause = _SUBORDINATE.split(before.split(",")[0])[-1]
    return (
        _UNREAL.search(clause) is not None
        or _WISHED.search(before) is not None
        # a rule's whole match its value: "I should (start eating meat)"
        or (not groups_v(match) and _WISHED.search(target[: match.start()]) is not None)
        or _THOUGHT_SO.search(before) is not None
        or _RATHER_THAN.search(before) is not None
        or _SOUGHT.search(before) is not None
        or _BACK_WHEN.search(before) is not None
    )


_BUT_NOW = re.compile(r",?\s+but\s+(?=(?:now|these days|nowadays)\b)", re.I)
# Not so for a while, and so ended: "I haven't lived in York since 2019", "haven't been
# vegetarian for years", "hasn't worked at Tesco in months" (each had been kept as words,
# ending nothing); not "haven't lived here for long", "haven't moved to Leeds yet".
_A_WHILE_SAID = (
    r"\b(?:since|(?:for|in)\s+(?:(?:(?:over|about|around|nearly|almost)\s+)?(?:\d+|a|an|a\s+few|"
    r"a\s+couple\s+of|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|many|"
    r"several)\s+)?(?:years?|months?|ages|decades?|yonks|a\s+(?:while|"
    r"long\s+time)))\b"
)
NOT_SINCE = re.compile(
    r"\b(?:have|has|'ve)(?:n['’]t|\s+not)\s+(?:(?:really|actually)\s+)?"
    r"(?:been(?!\s+to\b)|lived|worked|eaten|drunk|smoked|taught|studied)\b.*?" + _A_WHILE_SAID,
    re.I,
)
_A_WHILE = re.compile(_A_WHILE_SAID, re.I)
_SOMEONE_ELSES = re.compile(r"\s*(?:hasn['’]?t|has\s+not)\b", re.I)


def _before_the_while(target: str, match: re.Match[str]) -> bool:
    """Whether what ``match`` read is what was not so for a while: said before the while
    ("(I haven't) lived in York since 2019"), not after it ("haven't been back to Leeds
    since (I moved to London)", "haven't been paid since (I started at Lidl)")."""
    at = match.start("v") if groups_v(match) else match.start()
    span = _A_WHILE.search(target)
    return span is not None and at < span.start()


_HAVE_NOT = re.compile(r"\b(have|has|'ve)(?:n['’]t|\s+not)\b", re.I)
# What no longer is, then what is, joined by a comma: "no longer lives in Boston, now
# lives in Paris", "used to drink coffee, now tea".
_COMMA_NOW = re.compile(r",\s*(?:and\s+)?(?=(?:now|these days|nowadays)\s+\w)", re.I)
_YET = re.compile(r"\byet\b", re.I)
_UNREAL = re.compile(r"\b(?:haven't|hasn't|have not|has not|not yet|almost|nearly|barely)\b", re.I)
# Only wished, weighed or advised, just before the value: "I might go vegan", "I'd like
# to be vegetarian", "my doctor says I should go vegetarian" (not "trying to cut caffeine,
# so it's decaf only for me now": the wish is another part's; nor "I'd like you to know
# that I moved to Leeds": what is wished is the telling).
_WISHED = re.compile(
    r"(?:^|\bi\s+)wish(?:es)?\s+(?:that\s+)?(?:i|we)\b|"  # "I wish I was my own boss"
    r"\b(?:(?:would|'d) (?:love|like) to|might|could|should|would|wanna|want to|wants to|"
    r"wanted to|hope to|hoping to|try to|trying to|thinking of|thinking about|considering|"
    r"tempted to|dream of|dreaming of|supposed to|meant to|(?:was|were) going to|"
    r"(?:suggested|suggests|recommended|recommends)\s+(?:that\s+)?(?:i|we)|"
    r"(?:wants?|wanted|told|tells|telling|asked|asks|asking|"
    r"advised|advises|urged|urges|urging|needs|pushing|begging|nagging|nags|nagged)\s+"
    r"(?:me|us)\s+to|"
    r"(?:hope|hoping|praying|fingers crossed)(?: that)? "
    r"(?:i|we) (?:get|can|will|'ll|might|could|would))\s+"
    r"(?:(?!(?:i|i'm|user|you|we|me|that|know)\b)[\w'-]+\s+){0,3}$",
    re.I,
)
# Only believed, and no longer: "I (always) thought I was allergic to nuts", "I used to
# think I was lactose intolerant", "my doctor thought I was allergic to penicillin" (each
# had been keyed as an allergy the user has).
_THOUGHT_SO = re.compile(
    r"\b(?:thought|used to (?:think|believe)|believed|assumed|suspected|(?:was|were)\s+"
    r"(?:convinced|told|sure))\s+(?:that\s+)?"
    r"(?:i|we)\s+(?:was|were|had)\s+(?:[\w'-]+\s+){0,3}$",
    re.I,
)
# What one would rather not: "I'd rather quit than work for Lidl" (had ended a job at Lidl).
_RATHER_THAN = re.compile(
    r"\b(?:would|'d|’d)\s+(?:much\s+)?rather\b[^,.;!?]*\bthan\s+(?:[\w'-]+\s+){0,3}$", re.I
)
# A time gone by that the value is told in: "(back) when I worked at Walgreens as (a pharmacy
# tech)", "while we lived in York with (…)" (it had been keyed as the job held now); not
# "when I started at Aldi as a cashier", news told with its time.
_BACK_WHEN = re.compile(
    r"\b(?:when|while|whilst)\s+(?:i|we)\s+(?:(?:still|first|both)\s+)?"
    r"(?:worked|was|were|lived|studied)\b[^,.;!?]*$",
    re.I,
)
# A denial of one's health only guessed at: "(the clinic told me) I'm probably not allergic
# to latex" (it had retired the allergy).
_OF_HEALTH = frozenset(("allergies", "conditions", "medications"))
_PROBABLY = re.compile(r"\b(?:probably|maybe|possibly|perhaps|likely|might|may)\b", re.I)
# One of an employer's staff, said after its name ("a Lidl employee"): denied, no word of
# where one works (but "no longer …", "… anymore").
_ON_THE_STAFF = re.compile(r"\s+" + STAFF + r"\b", re.I)
_NO_MORE = re.compile(r"\b(?:" + _NO_MORE_SAID + r")\b", re.I)
# Sought, not had: "applied for a job at Shoprite", "shortlisted for a role at the BBC",
# "writing a cover letter for Aldi" (each had been keyed as the employer); a few words
# before the value, none of them a join ("after applying for months I finally got a job
# at Tesco" has the job).
_SOUGHT = re.compile(
    r"\b(?:applied|applying|apply|application|shortlisted|interviewing|cover\s+letter)\s+"
    r"(?:for|to|with|at)\s+(?:(?!(?:and|then|but|so|finally|got|i)\b)[\w'’-]+\s+){0,4}$",
    re.I,
)
_DENEGATE = re.compile(
    r"\b(?:no longer|not|never|don't|do not|doesn't|does not|isn't|aren't)\s+|\s+any ?more\b",
    re.I,
)


def endings(predicate: str, found: list[Key]) -> list[Key]:
    """The denials with no value an ending states, of attributes no key of ``found`` has."""
    named = {key.attribute for key in found}
    return [
        Key(name, "", True, FACT)
        for names, pattern in ENDINGS
        if pattern.search(predicate.strip())
        for name in names
        if name not in named
    ]


# Chat's laughter at the end of what is said, no part of it: "my boss just quit lol".
_A_LAUGH = re.compile(LAUGHTER, re.I)
# …unless it is what is named ("my cat's name is Haha", "my favourite game is lol") or it
# follows "now" (a new self said with a laugh may be a joke: "DJ now lol").
_NAMED_AS = re.compile(
    r"\b(?:is|was|am|are|called|named|play(?:s|ing)?|lov(?:e|es|ed|ing)|lik(?:e|es|ed|ing)|now)$",
    re.I,
)


def _laughs_from(text: str) -> Optional[int]:
    """Where the laughs that end ``text`` begin, the spaces and commas before them
    included: each laugh after a space or comma, the last followed by nothing but spaces,
    "." and "!" ("…quit lol", "…quit, haha lol!!"); None when it does not end so. Read
    from the end: one pattern for it retried a long run of commas from each of them."""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in ".!"):
        end -= 1
    start = None
    while True:
        word = end
        while word and not (text[word - 1].isspace() or text[word - 1] == ","):
            word -= 1
        if not word or not _A_LAUGH.fullmatch(text, word, end):
            return start
        while word and (text[word - 1].isspace() or text[word - 1] == ","):
            word -= 1
        start = end = word


@cache
def _sieves() -> SieveIndex:
    # Built when the rules load, as their patterns are compiled: it parses every pattern.
    return SieveIndex([rule.sieve for rule in RULES])


def load() -> None:
    """Make ready at once what the rules read with (``pipeline`` calls it as they load, on
    the first message read): every rule's pattern compiled, their sieve built, the place
    names read — so that no later message pays for being the first to need one. A message
    not in ASCII is searched by every rule, and had paid ~0.2 s of compiling on its own."""
    _sieves()
    for rule in RULES:
        rule.pattern  # noqa: B018 (compiled now, and kept)
    load_places()


def _worth_trying(text: str, plain: Optional[str]) -> list[Rule]:
    """The rules, in order, whose words a reading holds: ``text`` as said, or ``plain``
    (the text with its negation taken out; None when it has none) for a rule that reads
    the words with the negation taken out. The others cannot match (most rules, most
    texts), and are not searched."""
    index = _sieves()
    as_said = index.passing(grams(text))
    if plain is None:
        return [RULES[at] for at in as_said]
    as_plain = index.passing(grams(plain))
    said, unsaid = set(as_said), set(as_plain)
    return [
        RULES[at]
        for at in sorted(said | unsaid)
        if at in (said if RULES[at].reads_as_said else unsaid)
    ]


# A story's frame, said first: what follows is of the story ("in the book the main
# character is a vegan", "in The Sims I'm a doctor", "in my novel she moves to Paris").
_IN_A_STORY = re.compile(
    r"^(?:in|on)\s+(?:the|my|this|that|our)\s+(?:[\w'-]+\s+)?(?:book|novel|film|movie|show|"
    r"series|story|game|play|script|fanfic|sims|minecraft|dnd|campaign|episode)\b(?![\w'’])"
    r"(?!\s+of\b)",  # (not "in a show of support I went vegan")
    re.I,
)
_BRACKETED = re.compile(r"\((?P<inside>[^()]*)\)")
_NAMES_SOMETHING = re.compile(r"(?-i:[A-Z])[\w'’-]+")


def _aside_of_its_own(target: str, match: re.Match[str]) -> bool:
    """Whether what ``match`` read lies in brackets that deny nothing themselves: the
    clause's "not" is not theirs ("I (28F) am not vegan anymore" had ended the age 28)."""
    return any(
        aside.start() <= match.start()
        and match.end() <= aside.end()
        and _NEGATION_CUE.search(aside.group("inside")) is None
        for aside in _BRACKETED.finditer(target)
    )


def _head(text: str) -> str:
    """Where a statement's negation counts: before a remark after a comma, or in brackets
    that name something else after the statement ("lives in Toronto (not Vancouver
    anymore)" had ended Toronto); not before an aside that opens it ("I (f25) am not vegan
    anymore"), nor before one that takes the fact back ("vegan (not anymore)")."""
    head = text.split(",", 1)[0]
    for aside in _BRACKETED.finditer(head):
        if len(head[: aside.start()].split()) >= 2 and _NAMES_SOMETHING.search(
            aside.group("inside")
        ):
            return head[: aside.start()]
    return head


def keys_of(predicate: str, sentence: str = "") -> list[Key]:
    """The keyed facts a predicate states: the first match of each attribute, in order.

    "am Priya, vegetarian since uni, and lactose intolerant" states three things: a
    copula's comma list is read item by item, each with the copula. ``sentence`` (the
    whole sentence) tells what "there" is ("…in Vienna, so we moved there").
    """
    if _IN_A_STORY.match(predicate):
        return []  # "in the book the main character is a vegan": no one's, the story's
    if _A_DAYS_LEAVING.match(predicate):
        return []  # "left Asda at 5 to go to the gym": the day's work done, not the job
    laugh = _laughs_from(predicate)  # "my boss just quit lol"
    if laugh is not None and not _NAMED_AS.search(predicate, 0, laugh):
        # (not "my dog is called Rofl", "I love LoL"; nor a new self said with a laugh and
        # no verb, "day one at Coachella, DJ now lol", which may be a joke)
        predicate = predicate[:laugh]
    contrast = _BUT_NOW.search(predicate)
    if contrast is None:
        contrast = _COMMA_NOW.search(predicate)
        head = predicate[: contrast.start()] if contrast else ""
        if contrast and not (_USED_TO.search(head) or _NEGATION_CUE.search(head)):
            contrast = None  # "I live in Paris, now working at Google": one thing said
    if contrast:  # "used to drink coffee but now it's tea": what was, then what is
        return keys_of(predicate[: contrast.start()], sentence) + keys_of(
            predicate[contrast.end() :], sentence
        )
    theirs = _SAID_OF_THEM.search(predicate)
    if (
        theirs
        and _NEGATION_CUE.search(predicate, theirs.end())
        and not _NEGATION_CUE.search(predicate, 0, theirs.start())
        and not (
            _WHAT_I_AM.match(predicate[: theirs.start()])
            and _NO_MORE_SO.search(predicate, theirs.end())
        )
    ):
        # "I work at the library with people who never read": the "never" is theirs
        return keys_of(predicate[: theirs.start()], sentence)
    remark = _NOT_A_DENIAL.search(predicate)
    if remark and not _NEGATION_CUE.search(predicate, 0, remark.start()):
        # "I work at Google not for the money", "allergic to cats not sure about dogs":
        # a "not" that remarks on the fact, not one that denies it
        return keys_of(predicate[: remark.start()], sentence)
    wrong = _NOT_THAT.search(predicate)
    said_first: Optional[list[Key]] = None  # the keys before "and not a …", read once
    also = _AND_NOT_A.search(predicate) if wrong is None else None
    if also is not None:
        said_first = keys_of(predicate[: also.start()], sentence)
        # (not "60 and not a day older", whose "60" alone keys nothing)
        wrong = also if said_first else None
    if wrong and wrong.group("wrong").lower().endswith("ing"):
        # "I love hiking not running" puts one thing right; "…, not complaining" remarks
        before = predicate[: wrong.start()].rstrip(" ,").lower()
        wrong = wrong if before.endswith("ing") else None
    if wrong and not _NEGATION_CUE.search(predicate, 0, wrong.start()):
        # "I live in Oslo not Bergen", "allergic to dogs, not cats": what is, said beside
        # what is not; a value of many denies the one put right as well
        keys = said_first if said_first else keys_of(predicate[: wrong.start()], sentence)
        denied = _THE.sub("", wrong.group("wrong"))
        return (
            keys
            + [
                Key(k.attribute, denied, True, k.type)
                for k in keys
                if not k.negated
                and (shape := attribute(k.attribute)) is not None
                and not shape.single
                and denied.casefold() not in k.value.casefold()
            ][:1]
        )
    found: dict[str, Key] = {}
    more: list[Key] = []  # the rest of a list of values: "peanuts and shellfish"
    # (not "hasn't worked at Google since the layoffs" said of no one: someone else's)
    someone_elses = _SOMEONE_ELSES.match(sentence) is not None
    for reading, text in enumerate(_readings(predicate)):
        head = _head(text)
        # A negation counts where the statement is, not in a remark after a comma or in
        # brackets ("lives in Toronto (not in Vancouver anymore)" had ended Toronto); what
        # one used to be, one no longer is ("I used to be vegan").
        used_to = _USED_TO.search(head)
        if used_to:
            text = text[: used_to.start()] + text[used_to.end() :]
        # "can't stand coffee anymore": a dislike begun, not one ended
        cues = _AFTER_CUE.sub(" ", head) if _CANT_STAND.search(head) else head
        not_since = None if someone_elses else NOT_SINCE.search(head)
        negated = (
            used_to is not None or not_since is not None or _NEGATION_CUE.search(cues) is not None
        )
        if (
            negated
            and used_to is None
            and (_A_BREAK.search(head) or (_FOR_NOW.search(head) and not _ENDS.search(head)))
        ):
            continue  # "not working at Acme today, I'm sick": a break, not an ending
        if negated and _YET.search(head):
            continue  # "not moved to Leeds yet": never was, so nothing to retire
        if not_since:
            text = _HAVE_NOT.sub(r"\1", text)  # "I haven't lived in York since 2019"
        plain = " ".join(_DENEGATE.sub(" ", text).split()) if negated else text
        for rule in _worth_trying(text, plain if negated else None):
            reads_as_said = rule.reads_as_said
            target = text if reads_as_said else plain
            match = rule.pattern.search(target)
            if match is not None and (read := CONSIDERED.get()) is not None:
                read.add(rule.attribute)  # read, whether kept or turned down below
            if match is None or _unreal(target, match):
                continue  # "I haven't moved to Leeds yet", "I almost took the job", "nearly 40"
            before = target[: match.start()]
            if _theirs(before) or RELATIVE.search(before) or NO_ONE.search(before):
                continue  # "Great news, the twins turned 3", "no one in my family is vegan"
            if NO_ONE.match(text) and not US.search(before):
                continue  # "not one of my coworkers is married" (not "not one of us")
            if rule.attribute == "age" and a_things_age(target, match):
                continue  # "Old phone is 6 years old now", "6 years old laptop"
            if rule.attribute in ("home", "location") and A_BODY_BEFORE.search(before):
                continue  # "Research team moved to Paris": the team's move, not the user's
            name = rule.attribute
            if name == "favorite:":
                thing = match.group("thing").lower()
                name = "favorite:" + SPELLED_US.get(thing, thing)  # colour is color
            if name in found:
                continue
            value = value_of(rule, match, name, sentence)
            if value is None or (
                name == "job"
                and not is_occupation(value)
                and not AS_WORK.search(target, match.start(), start_of_value(match))
            ):
                continue  # "I'm a mess" (not "I work as a financial planner")
            if name == "employer" and AN_AGENT_HIRED.search(target):
                continue  # "signed with Foxtons to find us a flat": an agent, not a job
            if name == "job" and NOT_A_ROLE.match(value):
                continue  # "we work as a team"
            if name == "age" and _A_SPAN_AND_A_HALF.match(target, start_of_value(match)):
                continue  # "I'm 5 and a half hours from home", "4 and a half months pregnant"
            if (
                name == "employer"
                and NOT_A_WORKPLACE.match(value)
                and not AT_WORK_SAID.search(target)
            ):
                continue  # "left the gym, now at the pub lol", "first day with the new puppy"
            if (
                name == "employer"
                and negated
                and not rule.negated
                and _ON_THE_STAFF.match(target, end_of_value(match))
                and not _NO_MORE.search(predicate)
            ):
                continue  # "I'm not a Tesco employee, I'm agency": there all the same
            if name == "job" and SO_TO_SPEAK.match(target, start_of_value(match)):
                continue  # "I'm a professional cat herder at this point"
            if name == "job" and (here := RESIDENT.match(value)) and a_place(here.group("place")):
                continue  # "we're officially Denver residents now": a home, no job
            if rule.somewhere and not a_home(value):
                continue  # "I live in sweatpants", "moved to linux", "moved to a bigger place"
            if rule.place and not (_THE.sub("", value)[:1].isupper() and a_place(match.group("v"))):
                continue  # "shifted to Marketing", "shifted to Mumbai Indians this IPL"
            if (
                name == "home"
                and A_WORKPLACE_NAMED.search(value)
                and POSTED.search(target, 0, start_of_value(match))
            ):
                continue  # "a garda in Kildare, based in Naas station": where one works
            if rule.named and not (_THE.sub("", value)[:1].isupper() or place_rest(value) == ""):
                continue  # "I'm in bed now", "we're in lockdown still"
            if (not_one := NOT_A_VALUE.get(name)) is not None and not_one.match(value):
                continue  # "allergic to mondays lol", "work at odd hours", "study at night"
            if name == "relationship" and ENGAGED_IN.search(text):
                continue  # "I'm engaged in a lawsuit" (not "we got engaged in the summer")
            if name == "name" and (value in TITLES or an_assistant(sentence or text, value)):
                continue  # "I'm Dr. Smith's patient", "Hi, I'm Claude, an AI assistant"
            if name == "studies" and not a_field(value, rule.field):
                continue  # "starting my masters in September", "studying past papers"
            if name in WORK_ATTRIBUTES and AT_HEART.search(text):
                continue  # "I'm a tech at heart"
            if DREAMT.match(target, start_of_value(match)):
                continue  # "head of marketing at Canva in my dreams", "… at Hogwarts, in my dreams"
            if name in WORK_ATTRIBUTES and NOT_WORK.search(text) and not PAID.search(text):
                continue  # "I'm a busker in my spare time", "a referee for under-10s on saturdays"
            if name == "age" and (
                NOT_MEANT_AFTER.match(target, match.end()) or NOT_MEANT_BEFORE.search(before)
            ):
                continue  # "25 again in my head", "respond as if I'm a 10 year old"
            if name == "age" and NOT_REALLY.search(text):
                continue  # "I'm 80 years old in spirit", "90 on the inside"
            if name == "age" and (
                (value.isdigit() and int(value) > OLDEST)
                or A_QUANTITY.match(target, end_of_value(match))
            ):
                continue  # "(studying at UNILAG,) 300 level", "turned 40 quid into 200"
            if name in ("home", "location") and groups_v(match):
                value = with_its_city(value, target[match.end("v") :])
            if name == "job":
                value = singular(value)  # "Tom and I are both nurses"
            if name == "name" and (
                reading > 0 or any(w.lower() in NOT_NAME_WORDS for w in re.split(r"[\s-]+", value))
            ):
                continue  # not "am a nurse, Bangalore": a name comes first
            if name == "name":  # typed in lower case: "im rohan (ro is fine)"
                value = " ".join(word[:1].upper() + word[1:] for word in value.split())
            # "quit her job, moved to Leeds": the negation is the first clause's alone
            in_head = match.start() <= len(target.split(",")[0])
            # (what one used to be is over however it is worded: "I used to work for myself")
            is_negated = rule.negated or (
                negated
                and in_head
                and not _aside_of_its_own(target, match)
                and (
                    used_to is not None
                    or (not_since is not None and _before_the_while(target, match))
                    or (not reads_as_said and _denies(head, text, match))
                )
            )
            kind = PREFERENCE if name in _PREFERENCES or name.startswith("favorite:") else FACT
            if (
                is_negated
                and not rule.negated
                and name in _OF_HEALTH
                and _PROBABLY.search(target, 0, start_of_value(match))
            ):
                continue  # "I'm probably not allergic to latex": no word to end it on
            found[name] = Key(name, value, is_negated, kind)
            shape = attribute(name)
            if shape is not None and not shape.single and groups_v(match):
                after = text[match.start("v") :]
                # (a pet by its name: "a cat called Luna and a dog called Rex" lists on
                # from "Luna")
                named = name == "pets" and " called " in value and match.group("v") in value
                listed = list_rest(after, match.group("v") if named else value, name)
                if name == "pets":  # "a dog, Bella, and a baby": only what names a pet
                    listed = [
                        NAMED.sub(" called ", v)
                        for v in listed
                        if PET_WORDS & words_and_singulars(v)
                    ]
                elif name == "conditions":  # "I have diabetes and two kids"
                    listed = [v for v in listed if A_CONDITION.fullmatch(v)]
                elif name == "medications":  # "on sertraline and a waiting list"
                    listed = [v for v in listed if A_MEDICINE.fullmatch(v)]
                elif name == "children":  # "a baby girl, Mia, healthy and loud"
                    listed = [v for v in listed if A_CHILDS_NAME.fullmatch(v)]
                more += [Key(name, v, is_negated, kind) for v in listed]
        cannot = CANNOT_EAT.match(text) if "allergies" not in found else None
        if cannot and MY_ALLERGY.search(sentence) and not NO_ALLERGY.search(sentence):
            # "I can't eat nuts, I'm allergic", "can't eat shrimp because of my allergy":
            # what cannot be eaten, in a sentence that says why
            found["allergies"] = Key("allergies", cannot.group("v"), False, FACT)
        job = found.get("job")
        if job is not None and "employer" not in found and not job.negated:
            # "a UX researcher at the BBC", "a nursing assistant job with the NHS": who the
            # job is for; "day one at Feedzai, product designer now": where its first day
            # was (a day one alone may be a festival's)
            at = said_between(None, job.value, JOB_AT, text)
            said = at[1].group("v") if at and at[1] else None
            first = None if said else said_between(DAY_ONE_THEN, job.value, JOB_NOW, text)
            if first and first[0]:
                said = first[0].group("at")
            value = clean_value(said, "employer") if said else None
            if value:
                found["employer"] = Key("employer", value, False, FACT)
    vehicle = found.get("vehicles")
    if vehicle is not None and not vehicle.negated:
        traded = _TRADED.search(text)
        if traded:
            # "traded in the civic for a Tesla": the one given up is no longer had
            more.append(Key("vehicles", traded.group("old"), True, FACT))
        elif _REPLACED.search(text):
            # "replaced it with a Honda SH125", "got a Cowboy instead": the one held before
            more.append(Key("vehicles", REPLACED_VEHICLE, True, FACT))
    switched = SWITCHED_FROM.search(text)
    medicine = found.get("medications")
    employer = found.get("employer")
    if medicine and employer and employer.value.casefold() == medicine.value.casefold():
        del found["employer"]  # "I quit Adderall": a medicine, not a job
    if switched and medicine and not medicine.negated:
        # "switched from Adderall to Vyvanse": the one before is no longer taken
        more.append(Key("medications", switched.group("old"), True, FACT))
    home, employer = found.get("home"), found.get("employer")
    if employer and (home and home.value.casefold() == employer.value.casefold()):
        # "moved over to Google" is a new employer, "moved over to Spain" a new home
        del found["employer" if place_rest(employer.value) == "" else "home"]
    elif employer and employer.negated and place_rest(employer.value) == "":
        del found["employer"]  # "I left London" leaves a place, not an employer
    stay, employer = found.get("location"), found.get("employer")
    if stay and employer and employer.value.casefold() == stay.value.casefold():
        del found["location"]  # "From Sunday I'm at Pfizer as a rep": work there, no stay
    school, employer = found.get("school"), found.get("employer")
    if school and employer and employer.value.casefold() == school.value.casefold():
        # "May starts at Oakfield Primary": a school, unless work is said ("I started at
        # Leeds College as a lecturer"); "a student at Leeds Uni" studies there.
        student = "job" in found and found["job"].value.lower().endswith("student")
        if student:
            del found["employer"]
        elif "job" in found or WORK_SAID.search(predicate):
            del found["school"]
        else:
            del found["employer"]
    values = list(found.values())
    values += [key for key in more if key not in values]
    return values + endings(predicate, values)


_THE = re.compile(r"^the\s+", re.I)
# What a value is not, said after it to the end: "in Oslo not Bergen", "dogs, not cats".
# A "not" that denies the verb before it ("am not vegan", "do not eat meat").
_NOT_AFTER_A_VERB = (
    r"(?<!\bam)(?<!'m)(?<!\bis)(?<!\bare)(?<!'re)(?<!\bwas)(?<!\bwere)(?<!\bdo)(?<!\bdoes)"
    r"(?<!\bdid)(?<!\bcan)(?<!\bwill)(?<!\bcould)(?<!\bwould)(?<!\bshould)(?<!\bhave)(?<!\bhas)"
)
# A "not" after the fact that says something of it, to the sentence's end: "not for the
# money", "not sure about dogs", "not gonna lie", "not that it matters", "not in the
# centre though".
_NOT_A_DENIAL = re.compile(
    _NOT_AFTER_A_VERB
    + r"\s*,?\s+not\s+(?:sure|gonna|going\s+to|for|because|that|in|really|quite|exactly|"
    r"to\s+mention|only|just|even|bad|great|ideal|the\s+best)\b.*$",
    re.I,
)
# Not after a verb that it denies ("am not vegan", "do not eat meat"), nor a remark ("not
# really", "not sure", "not anymore", "not complaining").
_NOT_THAT = re.compile(
    _NOT_AFTER_A_VERB + r"\s*,?\s+(?:and\s+|but\s+)?not\s+(?:in\s+|at\s+|to\s+)?"
    r"(?!(?:really|sure|yet|anymore|any|much|exactly|quite|even|always|all|just|only|so|too|"
    r"that|very|now|again|ever|for|because|since|as|like|a|an|my|our|me|us|you|him|her|them|"
    r"it|this)\b)(?P<wrong>[\w'-]+(?:\s+[\w'-]+)?)\s*[.!]*$",
    re.I,
)
# … and "and not a …" after what is: "(I'm a nurse) and not a doctor lol".
_AND_NOT_A = re.compile(
    _NOT_AFTER_A_VERB + r"\s*,?\s+(?:and|but)\s+not\s+(?:a|an)\s+"
    r"(?P<wrong>[\w'-]+(?:\s+[\w'-]+)?)\s*[.!]*$",
    re.I,
)
_PREFERENCES = frozenset(("likes", "dislikes", "drinks"))
_COPULA_LIST = re.compile(r"^(?P<be>am|is|are)\s+(?P<rest>.+,.+)$", re.I)
# … or of two, the second a diet or how one is alone: "am coeliac and vegetarian".
_AND_A_STATE = re.compile(
    r"^(?P<be>am|is|are)\s+(?P<first>[^,;]+?)\s+and\s+(?:also\s+)?"
    r"(?P<state>" + DIETS + r"|single|married|engaged|divorced|widowed|pregnant)\s*[.!]*$",
    re.I,
)


def _readings(predicate: str) -> list[str]:
    """The predicate, and each item of a copula's comma list with the copula ("am 28,
    engineer" → "am engineer"): not in a list that hopes or jokes ("am 27, staff engineer
    by 2027"), nor from an item that tells of someone else on ("am 28, husband's 30,
    engineer": the engineer is as likely the husband)."""
    if (state := _AND_A_STATE.match(predicate)) and not _NOT_AS_IT_IS.search(predicate):
        # "am allergic to nuts and vegetarian", "am single and vegan": two things (the
        # diet had been lost, or read as a second allergy)
        be = state.group("be")
        return [f"{be} {state.group('first')}", f"{be} {state.group('state')}"]
    match = _COPULA_LIST.match(predicate)
    if match is None or _NOT_AS_IT_IS.search(predicate):
        return [predicate]
    items = []
    for at, item in enumerate(re.split(r",(?!\d{3}\b)", match.group("rest"))):  # not "2,400"
        item = re.sub(r"^(?:and|but)\s+", "", item.strip(), flags=re.I)
        if at and (_SOMEONE_ELSES_ITEM.match(item) or _A_COUNT_TO_GO.match(item)):
            break
        items.append(item)
    return [predicate] + [f"{match.group('be')} {item}" for item in items if item]


# An item that counts what is left, no age: "(I'm 2 hours into this drive,) 3 more to go".
_A_COUNT_TO_GO = re.compile(r"\d+\s+(?:more|left|down|to\s+go)\b", re.I)
# A list that hopes, asks, quotes or jokes: "am 27, staff engineer by 2027, married by 30".
_NOT_AS_IT_IS = re.compile(
    r"\?|(?:^|\s)['‘\"“]|\b(?:by\s+(?:20\d\d|\d\d|next\s+year)|eventually|someday|one\s+day|"
    r"goal|aiming|hoping|soon|if|would|jk|kidding|bio|profile)\b",
    re.I,
)
# An item of such a list, after the first, that opens with someone else: "husband's 30",
# "Sarah's 28", "cousin Ahmed", "ex-boyfriend", "sister-in-law" (not "single mum", "store
# manager": what the user is), or tells of someone who comes or goes ("is leaving, new
# manager starts monday": the manager's, not a job).
_ALSO_A_JOB = ROLE_ATTRIBUTES | {"manager"}  # "am 30, therapist"
_SOMEONE_ELSES_ITEM = re.compile(
    r"(?-i:[A-Z])[a-z]+['’]s\b|(?:(?:my|our|the)\s+)?(?:"
    + "|".join(
        sorted((w for w, k in RELATIONS.items() if k not in _ALSO_A_JOB), key=len, reverse=True)
    )
    + r"|ex|exes|parents|kids|friend\s+of\s+mine)(?:['’]s)?\b"
    r"|(?:[\w-]+\s+){1,3}(?:starts|joins|arrives|begins|leaves|quits)\b",
    re.I,
)
