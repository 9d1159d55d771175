"""What a whole message says, said plainly before its sentences and clauses are read:
relatives as chat calls them (``relatives.py``), a birth then the names ("the twins are
here! Ari and Tama" → "… Our twins, Ari and Tama"), an age told as people tell it ("it's
my birthday! 35" → "… I'm 35", "hit the big 4-0 on Sunday" → "turned 40 on Sunday",
"Mia's 8th birthday party was Saturday" → "Mia turned 8 on Saturday"), children named in
a list ("our kids, Leo and Mia, are 5 and 7"), a pet named after a comma, someone met and
named in a sentence of romance, a stay's length after a comma ("…, 2 weeks" → "… for 2
weeks"), the day a fact begins said before it ("from monday I'm team lead" → "I'm team
lead from monday"), a job offered and taken ("offered me the charge nurse job and I
said yes" → "…, I took the charge nurse job"). Each rewrite leaves a message it does not
fit as it was.
"""

from __future__ import annotations

import re

from ..embed import STOP_WORDS
from .chat import EMOJI
from .chitchat import is_chat_word
from .kin import GIVEN_NAME, RELATIONS
from .lexicon import (
    ANY_WEEKDAY_RE,
    CLAUSE_VERBS,
    MONTH_RE,
    PET_WORDS,
    TRIP_TO,
    WEEKDAY_RE,
    WEEKDAYS,
)
from .names import NO_ONE_BY_NAME, NOT_NAMES, a_lower_name
from .places import places_in
from .relatives import CHILD_WORD, kin_said, relatives_named
from .rules_personal import BABYS_NAME, BORN_A
from .text import sentence_bounds
from .when import COUNT_RE


def said_plainly(content: str) -> str:
    """``content`` with each of this module's rewrites applied, in order."""
    content = _N_FOR_AND.sub(" and ", content)
    content = relatives_named(kin_said(_unshouted(content)))
    content = _BORN_THEN_NAME.sub(r"\g<born> named ", content)
    content = _arrived(content)
    content = _children_named(_birthday_number(content))
    content = _pet_then_name(content)
    content = _MET_SOMEONE.sub(_met_someone, content)
    content = _OFFER_TAKEN.sub(r"\g<offer>, I took the \g<job> \g<kind>", content)
    content = _TIME_FIRST.sub(_time_after, content)
    return _TRIP_LENGTH.sub(_trip_length, content)


# A job offered and taken: "my manager offered me the charge nurse job and I said yes!!" is
# read as "…, I took the charge nurse job" (the offer alone is no job; the yes had keyed
# nothing).
_OFFER_TAKEN = re.compile(
    r"(?P<offer>\boffered\s+me\s+the\s+(?P<job>(?:[\w-]+\s+){0,3}?[\w-]+)\s+"
    r"(?P<kind>job|role|position|post))\s*,?\s+(?:and\s+)?I\s+(?:(?:said\s+yes|accepted|took\s+it)"
    r"(?:\s+it)?)\b"
    # (not one taken back: "… and I said yes but then they withdrew it")
    r"(?![^.!?]*\b(?:withdrew|withdrawn|rescinded|pulled|retracted|took\s+it\s+back|fell\s+through|"
    r"changed\s+their\s+minds?)\b)",
    re.I,
)
# "n" typed for "and" between words: "i live in london n work at tfl" (the home had been
# "london n work at tfl", the employer lost).
_N_FOR_AND = re.compile(r"(?<=[a-z]) n (?=[a-z])")
# Words shouted at a sentence's start, two or more: "LEXI GOT THE JOB at Penguin!!!",
# "THEO PROPOSED!!!!", "MY SISTER IS PREGNANT".
_SHOUTED = re.compile(
    r"(?:^|(?<=[.!?\n]))(?P<gap>\s*)(?P<run>(?:[A-Z][A-Z'’]+|I)(?:\s+(?:[A-Z][A-Z'’]+|I|A)\b)+)(?![\w'’])"
)


def _unshouted(content: str) -> str:
    """``content`` with someone named by a shout at a sentence's start, before a verb,
    said as typed: the name capitalised, the shout's common words in lower case, the
    rest as shouted ("LEXI GOT THE JOB" → "Lexi got the JOB"; the user's job had been
    keyed)."""
    if not any(c.isupper() for c in content[1:]):
        return content  # most messages
    return _SHOUTED.sub(_said_unshouted, content)


# Shouted words before a verb that name no one: "SORRY MOVED TO LEEDS not Leicester",
# "SOMEONE PROPOSED AT MY WORK", "BABE PROPOSED!!!" ("LEEDS STARTED RAINING": a place).
_NO_ONE = NO_ONE_BY_NAME | {"sorry", "please", "thanks", "finally", "today", "tonight", "update"}


def _common(word: str) -> bool:
    return word in STOP_WORDS or word in CLAUSE_VERBS or is_chat_word(word)


def _said_unshouted(match: re.Match[str]) -> str:
    words = match.group("run").split()
    first, second = words[0].lower(), words[1].lower()
    a_verb = second in CLAUSE_VERBS or (second.endswith("ed") and len(second) > 4)
    if (
        _common(first)
        or first in RELATIONS
        or first.removesuffix("s") in RELATIONS  # "KIDS STARTED SCHOOL TODAY"
        or first in NOT_NAMES
        or first in _NO_ONE
        or len(first) <= 3
        or not a_verb
        or places_in(first.capitalize())
    ):
        return match.group(0)  # "WE GOT A PUPPY", "MY SISTER IS PREGNANT", "NHS IS FREE"
    said = [word.lower() if _common(word.lower()) else word for word in words[1:]]
    return match.group("gap") + " ".join([words[0][:1] + first[1:], *said])


# A child's birth, then its name after an exclamation: "Kylie had a baby girl!! Matilda
# Rose, healthy and loud" names the baby, one sentence.
_BORN_THEN_NAME = re.compile(
    r"(?P<born>" + BORN_A + r")\s*!+\s*(?=" + BABYS_NAME + r")",
    re.I,
)
# Someone the user met, then named, in a sentence of romance: "met someone at bouldering,
# Priya, she's a GP, early days but 🥰" is "… Started dating Priya, she's a GP …". Not
# someone else's ("my sister met someone on hinge, Alex, 🥰"), a pet ("…, Max, a golden
# retriever 😍"), a romance of someone else's in the sentence ("…, she's dating my
# brother ❤️"), nor "met someone from my old school, Tom, at the pub".
_MET_SOMEONE = re.compile(
    r"(?:^|(?<=[.!?])\s*|(?<!\band\s)\b(?:I|i)\s+(?:have\s+|'ve\s+)?(?:just\s+|finally\s+)?)"
    r"(?P<met>(?:met|meeting)\s+someone(?:\s+(?:new|special|nice|lovely|amazing|great|cute))?"
    r"(?:\s+(?:at|on|through|via|in|from)\s+[^,.!?;:]{1,40}?)?)\s*(?:,|:|—|–|-)\s*"
    r"(?P<name>" + GIVEN_NAME + r")(?=\s*(?:$|[,.!;]|and\b|" + EMOJI + r"))(?!,?\s*who\b)"
    r"(?P<rest>[^.!?\n]*)"
)
_ROMANCE = re.compile(
    r"\b(?:dating|early days|crush|butterflies|smitten|first date|second date|date night)\b|"
    r"🥰|😍|💕|😘|💘",
    re.I,
)
# … someone else's romance, or a pet, in the same sentence
_NOT_MY_ROMANCE = re.compile(
    r"\b(?:my|his|her|their|our)\s+(?:brother|sister|bro|sis|friend|mate|bestie|husband|wife|"
    r"boyfriend|girlfriend|partner|bf|gf|son|daughter|mum|mom|dad|cousin|crush\s+on)\b|"
    r"\b(?:dog|puppy|pup|cat|kitten|retriever|lab|spaniel|terrier|rescue|shelter|horse|"
    r"in love with (?:the|this|that|it)|bride|groom|couple|ghosted|as friends|bff)\b",
    re.I,
)


def _met_someone(match: re.Match[str]) -> str:
    rest = match.group("rest")
    if not _ROMANCE.search(rest) or _NOT_MY_ROMANCE.search(rest):
        return match.group(0)
    head = match.group(0)[: match.start("met") - match.start()]
    return f"{head}{match.group('met')}. Started dating {match.group('name')}{rest}"


def _arrived(content: str) -> str:
    """A birth told, then the names: "the twins are here! Ari and Tama, both healthy" is
    "… Our twins, Ari and Tama, …", as _children_named reads it."""

    if not _ARRIVED_THEN_NAMES.search(content) or _SOMEONE_ELSES_BABY.search(content):
        return content  # (most messages); "the baby is here! Sarah and Mike are over the moon"

    def said(match: re.Match[str]) -> str:
        kind = match.group("kind").lower()
        sex = (match.group("sex") or kind.split()[-1]).lower()
        child = {"girl": "daughter", "boy": "son"}.get(sex, kind if kind in _TWINS else "baby")
        return f"{match.group('told')}{match.group('end')} Our {child}, "

    return _ARRIVED_THEN_NAMES.sub(said, content)


_TWINS = frozenset(("twins", "triplets", "son", "daughter"))
_SOMEONE_ELSES_BABY = re.compile(
    r"\b(?:my|our)\s+(?:sister|brother|sis|bro|cousin|friend|bestie|son|daughter|niece|nephew)\b|"
    r"\b(?-i:[A-Z])[a-z]+\s+(?:and|&)\s+(?-i:[A-Z])[a-z]+\s+(?:are|have|must)\b|\b(?:congrats|"
    r"congratulations|grandchild|grandson|granddaughter|grandbaby|auntie|aunty|uncle)\b",
    re.I,
)
_ARRIVED_THEN_NAMES = re.compile(
    r"(?P<told>\b(?:the|our|my)\s+(?P<kind>twins|triplets|baby(?:\s+(?:boy|girl))?|little\s+one|son|"
    r"daughter)\s*(?:(?:is|are|'s|has|have)\s+)?(?:finally\s+|safely\s+)?(?:here|arrived|been\s+born|born)\b"
    r"[^.!?]{0,30}?)(?P<end>[.!]+)\s*(?:(?:a|it's\s+a)\s+(?P<sex>boy|girl)\s*[,!.:—–-]\s*)?"
    r"(?=(?!(?:Congrats|Congratulations|Thanks|Thank|Both|So|Finally|Healthy|Welcome|Everyone|"
    r"All|Mum|Mom|Dad|Baby|Born|Today|Tonight)\b)(?-i:" + GIVEN_NAME + r")(?:\s*(?:,|and|&)\s*"
    r"(?-i:" + GIVEN_NAME + r"))*(?:\s+(?-i:" + GIVEN_NAME + r"))?\s*(?:$|[,.!;:—–-]|\d))",
    re.I,
)


# A pet, then its name after a comma: "Got a kitten yesterday, calling her Fig" is read as
# "… a kitten yesterday. Calling her Fig", the pet's name said in the clause after it (an
# emoji after the name too: "named him Pickle 🐱"); so is "got a cat now, a tabby called
# Miso".
_PET_WORD = re.compile(r"\b(?:" + "|".join(sorted(PET_WORDS, key=len, reverse=True)) + r")\b", re.I)
_NAMING_COMMA = re.compile(
    r",\s+(?=(?:(?:and\s+)?(?:we['’]re\s+|i['’]m\s+|we\s+are\s+|i\s+am\s+|we\s+|i\s+)?"
    r"(?:calling|naming|named|called)\s+(?:her|him|it|them)|(?:a|an)\s+(?:[\w-]+\s+){1,3}?"
    r"(?:called|named))\s+(?-i:[A-Z])[\w-]+\s*(?:$|[.!]|" + EMOJI + r"))",
    re.I,
)


def _pet_then_name(content: str) -> str:
    """``content`` with a sentence ended at each comma before a pet's name that follows a
    pet word with no pause between (_PET_WORD, then _NAMING_COMMA). Read from the commas
    back: one pattern for it read from every pet word on to the next pause, quadratic in
    "I have a dog dog dog …"."""
    said, done, pause = [], 0, 0
    for comma in _NAMING_COMMA.finditer(content):
        # the words since the pause before this comma (the comma before it is one)
        start = max(pause, *(content.rfind(mark, pause, comma.start()) + 1 for mark in ".!?,;"))
        pause = comma.start() + 1
        pet = _PET_WORD.search(content, start, comma.start())
        if pet is not None:
            said += [content[done : comma.start()], ". "]
            done = comma.end()
    return "".join(said) + content[done:]


# A message that opens with a number alone and goes on about a birthday: "34. no cake
# this year", "35, quiet one this year, Morag made a clootie dumpling", "30!!! flirty
# thirty lol". Not a number in a list ("2. buy a cake"), nor a child's age (under 13).
_NUMBER_FIRST = re.compile(r"^\s*(?P<n>\d{2,3})\s*(?P<p>[.!,]+)\s")
_BIRTHDAY_WORDS = re.compile(
    r"\b(?:birthday|bday|b-day|no cake|another year|years? (?:young|older)|older|flirty|dirty|"
    r"took me (?:out|to)|treated me|spoilt me|spoiled me|"
    r"quiet one|big one|milestone|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b|🎂|🥳",
    re.I,
)
# … not someone else's birthday, an anniversary, or a count ("50! mum's 50th birthday
# party", "18. happy birthday to my baby girl", "25! years married", "100. that's how
# many guests", "40. Forty quid for a birthday cake").
_NOT_MY_BIRTHDAY = re.compile(
    # someone's ("mum's 50th"), not "it's my birthday"
    r"\b(?!(?:it|that|what|here|today)['’]s\b)\w+['’]s\b|"
    r"\b(?:happy birthday|for (?-i:[A-Z])\w+|anniversary|married|wedding|how many|"
    r"guests|people|"
    r"quid|pounds|dollars|bucks|euros|minutes|pages|floors|episodes|years? ago|"
    r"(?:my|our|his|her|their)\s+(?:baby|son|daughter|kid|kids|mum|mom|dad|wife|husband|"
    r"partner|girlfriend|boyfriend|sister|brother|grandma|grandpa|nan|friend|bestie|dog|cat))\b|[£$€]",
    re.I,
)


# "me, 35, trying to get a mortgage", "myself: 28, nurse": a post's introduction.
_ME_AGED = re.compile(r"^(?:me|myself)\s*[,:]\s*(?P<n>1[89]|[2-9]\d)\s*,\s*", re.I)


def _birthday_number(content: str) -> str:
    """The message with the user's age said plainly ("I'm 34.") when it opens with a
    number and the rest is about a birthday, or opens with the user's own birthday and
    then the number; else as it was. An age turned said as "the big 4-0" is 40 ("mum
    turned the big 6-0": hers), and "I'm 35 years young" is 35 years old."""
    content = _YEARS_YOUNG.sub(r"\g<i> \g<n> years old", _BIG_OH.sub(_big_oh, content))
    content = _ME_AGED.sub(r"I'm \g<n>, ", content)
    content = _THEIR_NTH_BIRTHDAY.sub(_turns_then, content)
    mine = _MY_NTH_TODAY.match(content) or _HAPPY_NTH_TO_ME.match(content)
    if mine is not None and (
        _ONLY_CHEERS.match(content, mine.end())
        or (mine.re is _MY_NTH_TODAY and _BIRTHDAY_CUE.search(content))
    ):
        when = mine.group("when") or "today"
        return f"my {mine.group('n')} birthday {when}{content[mine.end() :]}"
    after = _MY_BIRTHDAY_THEN_AGE.match(content)
    rest = content[after.end() :] if after is not None else ""
    if after is not None and not (_NOT_MY_BIRTHDAY.search(rest) or _NOT_MINE_AFTER.search(rest)):
        return f"{after.group('said')}. I'm {after.group('n')}{rest}"
    match = _NUMBER_FIRST.match(content)
    if match is None or not 13 <= int(match.group("n")) <= 110:
        return content
    rest = content[match.end() :]
    if not _BIRTHDAY_WORDS.search(rest) or _NOT_MY_BIRTHDAY.search(rest):
        return content
    return f"I'm {match.group('n')}{match.group('p')} {content[match.end() :]}"


# A message that opens with the user's own birthday, then the age alone: "it's my
# birthday! 35", "birthday girl today, 28!", "another year older — 35", "happy bday to
# me, 33 lol". Not someone else's birthday ("my son's birthday today, 13!", "Happy bday
# Sarah!! 30"), nor a number that counts or measures ("…, 35 people", "…, 19.30", "…, 25
# degrees").
_MY_BIRTHDAY_THEN_AGE = re.compile(
    r"^\s*(?P<said>(?:(?:it['’]?s|today['’]?s|today\s+is)\s+my\s+(?:birthday|bday|b-day)"
    r"(?:\s+today)?|my\s+(?:birthday|bday|b-day)\s+today|(?:birthday|bday|b-day)\s+(?:boy|girl)"
    r"(?:\s+(?:here|today))?|(?:birthday|bday|b-day)\s+today|happy\s+(?:birthday|bday|b-day)\s+"
    r"to\s+me|(?:another|a|one|1)\s+year\s+older(?:\s+today)?|another\s+birthday(?:,\s+another\s+"
    r"year)?|another\s+(?:trip|lap|year)\s+(?:a)?round\s+the\s+sun))"
    r"\s*(?:[!.,:;—–-]\s*)+(?:" + EMOJI + r"\s*)*(?:i['’]?m\s+|i\s+am\s+)?"
    r"(?P<n>1[3-9]|[2-9]\d)(?![.,:/]\d)"
    r"(?=\s*(?:$|[!.,;]|" + EMOJI + r"|(?:today|now|already|and|lol|haha|yay|woohoo|"
    r"years?\s+old|y/?o)\b))",
    re.I,
)
# … where what follows the age is not of someone else, or a count, or the weather ("bday
# girl today, 18! my baby's all grown up", "birthday boy today, 21! proud of you son",
# "…, 28 and sunny in Brisbane", "bday boy! 100 today, followers I mean").
_NOT_MINE_AFTER = re.compile(
    r"\b(?:you|your|son|daughter|baby|kid|kids|girl|boy|followers|subscribers|sunny|degrees|"
    r"weather|rain|raining)\b|°",
    re.I,
)
# A birthday of one's own by its number alone: "my 30th today!", "my 30th was yesterday"
# (the whole message, or one with a word of a birthday: not "my 50th today! parkrun
# milestone t-shirt earned"), "happy 35th to me!" (the whole message: not "happy 20th to
# me and my hubby", "happy 30th to me... in 2 weeks lol")
_MY_NTH_TODAY = re.compile(
    r"^\s*(?:(?:it['’]?s|today['’]?s|today\s+is)\s+)?my\s+(?P<n>(?:1[3-9]|[2-9]\d)(?:st|nd|rd|th))\s+"
    r"(?P<when>today|tonight|was\s+yesterday|is\s+today)\b(?!\s*\?)",
    re.I,
)
_HAPPY_NTH_TO_ME = re.compile(
    r"^\s*happy\s+(?P<n>(?:1[3-9]|[2-9]\d)(?:st|nd|rd|th))\s+(?:(?:b-?day|birthday|bday)\s+)?"
    r"to\s+me\b(?P<when>)",
    re.I,
)
_ONLY_CHEERS = re.compile(r"(?:\s|[!.]|" + EMOJI + r"|\b(?:lol|haha|yay|woohoo)\b)*$", re.I)
_BIRTHDAY_CUE = re.compile(
    r"\b(?:birthday|bday|b-day|cake|candles|party|celebrat\w*|older)\b|🎂|🥳", re.I
)


def _turns_then(match: re.Match[str]) -> str:
    number = match.group("n")
    number = str(_ORDINAL_WORDS.index(number.lower()) + 1) if number.isalpha() else number
    when = match.group("when")
    when = f"on {when}" if when.lower() in _WEEKDAYS else when
    turns = "turned" if match.group("be").lower() == "was" else "turns"
    return f"{match.group('who')} {turns} {number} {when}"


# Someone's birthday by its number and its day: "Mia's 8th birthday party was Saturday" (Mia
# turned 8 on Saturday), "my son's 5th birthday is today", "Lily's first birthday was
# yesterday"; read as the age turned, that day. Not the user's ("my 30th birthday is
# today": the age rules read it), nor one without its day ("Mia's 8th birthday party was
# fun"). A name is at most 61 characters: tried from every capital of a chain as "A-A-A-…",
# a name of any length took time quadratic in the chain's.
_WEEKDAYS = frozenset(WEEKDAYS)
_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()  # noqa: SIM905
)
_THEIR_NTH_BIRTHDAY = re.compile(
    r"(?P<who>\b(?:(?:my|our)\s+(?:[a-z]+\s+)?[a-z]+(?:\s+(?-i:[A-Z])[\w-]+)?|(?-i:[A-Z])[\w-]{1,60}))"
    r"['’]s\s+(?P<n>\d{1,3}(?=st|nd|rd|th)|" + "|".join(_ORDINAL_WORDS) + r")(?:st|nd|rd|th)?\s+"
    r"(?:b-?day|birthday|bday)(?:\s+(?:party|bash|celebration|dinner|lunch|do))?\s+"
    r"(?P<be>is|was)\s+(?P<when>today|tonight|tomorrow|yesterday|(?:on|this|next|last)\s+"
    r"(?:" + ANY_WEEKDAY_RE + r"|week|weekend)|(?:" + WEEKDAY_RE + r"))\b",
    re.I,
)


def _big_oh(match: re.Match[str]) -> str:
    soon = match.group("soon") is not None
    verb = (match.group("v") or ("turning" if soon else "turned")).lower()
    text = match.string
    begin, stop = sentence_bounds(match)
    if (match.group("dd") and (soon or not verb.startswith("turn"))) or _A_COUNT_NEAR.search(
        text, begin, stop
    ):
        return match.group(0)  # "hit the big 80 on the scale", "… 30 days sober"
    after = text[match.end() : stop].partition(",")[2] if soon else ""
    if after and (
        not _MINE_SAID.search(after)
        or _SOMEONE_SAID.search(after)
        or any(word in RELATIONS for word in re.findall(r"[a-z-]+", after.lower()))
    ):
        return match.group(0)  # "the big 4-0 tomorrow, hubby's been planning for months"
    tens = match.group("d") or match.group("w") or match.group("dd")[0]
    digit = tens if tens.isdigit() else str(_TENS_DIGIT[tens.lower()])
    if (
        verb in _TURNED
        and _A_DAY_JUST_GONE.match(text, match.end())
        and not _NOT_YET.search(text, begin, match.start())
    ):
        verb = _TURNED[verb]
    return f"{verb} {digit}0"


# "hit the big 4-0 on Sunday" is "turned 40 on Sunday", a day the age rules read; not
# "when I hit the big 5-0 I'll retire", "gonna hit the big 3-0 next month" (it stays "hit",
# which the age rules read as it is)
_A_DAY_JUST_GONE = re.compile(
    r"\s*(?:(?:today|yesterday|last\s+(?:night|week|weekend)|this\s+(?:week|weekend)|over\s+the\s+"
    r"weekend|on\s+(?:" + ANY_WEEKDAY_RE + r"))\b)?\s*(?:$|[,.!;]|" + EMOJI + r")",
    re.I,
)
_NOT_YET = re.compile(
    r"\b(?:when|whenever|if|once|until|till|before|after|by\s+the\s+time|will|gonna|going\s+to|"
    r"about\s+to|hope|hoping|wait|dreading|soon)\b|['’]ll\b",
    re.I,
)
# … nor a number of something else said beside it ("hit the big 40 today — 40k followers!")
_A_COUNT_NEAR = re.compile(
    r"\b(?:sober|followers|subscribers|views|likes|kg|kgs|lbs|km|mph|miles|days|innings|scale|"
    r"bench|motorway|speed|lost)\b|\d\s*(?:k|kg|km)\b",
    re.I,
)
# Who a milestone to come is, said after it: the user only ("…, the boys are dragging me
# to the pub"), not "…, mum's", "…, not me, my sis", "…, so proud of him".
_MINE_SAID = re.compile(r"\b(?:i|i'm|im|me|my|we|we're|us|our)\b", re.I)
_SOMEONE_SAID = re.compile(
    r"\b(?:not\s+(?:me|mine)|hers|his|him|her|she|shes|she's|he|he's|they|their|ours|sis|bro|"
    r"bestie|wife|husband|hubby|mum|mom|dad|mate|friend|[\w-]+['’]s)\b|@",
    re.I,
)
_TURNED = {
    "hit": "turned",
    "hits": "turns",
    "hitting": "turning",
    "reached": "turned",
    "reaching": "turning",
}
_TENS_DIGIT = {w: n for n, w in enumerate("two three four five six seven eight nine".split(), 2)}  # noqa: SIM905
# "the big 4-0" (or "4-oh", "four-oh"; "40" after "turned") after the verb that turns it,
# or a whole message with when ("the big 3-0 today!"): not "the big 4-0 sale", "Steve — the
# big 4-0", "the big 3-0 today for my bestie"
_BIG_OH = re.compile(
    r"(?:\b(?P<v>hit|hits|hitting|turned|turning|turn|turns|reached|reaching)\s+|^\s*(?=(?:the\s+)?"
    r"big\s+\S+\s+(?:today|yesterday)(?:\s|[!.]|" + EMOJI + r")*$)|^\s*(?P<soon>(?=(?:the\s+)?"
    # … or one to come, said first: "the big 4-0 on saturday, the boys are dragging me to the
    # pub" (not "the big 4-0 on saturday for my bestie", "… , my husband's")
    r"big\s+\S+\s+(?:tomorrow|on\s+(?:" + ANY_WEEKDAY_RE + r")|next\s+(?:week|month)|this\s+"
    r"(?:week|weekend))\b(?!\s+for\b)(?:\s|[!.]|" + EMOJI + r")*(?:$|,(?!\s*(?:my|our|his|her|"
    r"their|for)\b)))))(?:the\s+)?big\s+"
    r"(?:(?:(?P<d>[2-9])|(?P<w>two|three|four|five|six|seven|eight|nine))\s*-\s*(?:0|oh|o)|"
    r"(?P<dd>[2-9]0))\b",
    re.I,
)


# "I'm 35 years young", said of oneself (not "grandma is 90 years young", "60 years young
# today — my dad!")
_YEARS_YOUNG = re.compile(
    r"\b(?P<i>I'm|I\s+am|im)\s+(?:now\s+)?(?P<n>[1-9]\d)\s+years?\s+young\b", re.I
)


# A child's name and, maybe, age: "Leo", "Leo (5)", "Leo, 5", "Noah 12", "jake (10)" (a
# name typed in lower case only with its age).
_AGE_AFTER = (
    r"(?:\s*\((?:age\s+|aged\s+)?\d{1,2}\)|,?\s+(?:age\s+|aged\s+)?\d{1,2}(?![\w'’.:/%-]|,\d))"
)
_CHILD = rf"(?:{GIVEN_NAME}(?:{_AGE_AFTER})?|(?-i:[a-z]{{2,}}){_AGE_AFTER})"
_CHILD_NAME_AGE = re.compile(
    rf"(?P<name>{GIVEN_NAME}|(?-i:[a-z]{{2,}}))"
    r"(?:\s*\((?:age\s+|aged\s+)?(?P<a1>\d{1,2})\)|,?\s+(?:age\s+|aged\s+)?(?P<a2>\d{1,2}))?"
)
_CHILD_NAMES = (
    rf"(?P<names>{_CHILD}(?:\s*,\s*{_CHILD})*(?:\s*,?\s+(?:and|&)\s+{_CHILD})?)(?![\w'’-])"
)
_CHILD_KIND = (
    r"(?P<kind>(?i:sons?|daughters?|kids?|children|twins|(?:twin|baby)\s+(?:boys?|girls?)|"
    r"(?:second|third|fourth)\s+(?:child|son|daughter|baby)|"
    r"(?:little|baby)\s+(?:boy|girl)|"
    r"boys|girls))"
)
# "I have two sons, Ren and Sora", "we have a daughter called Mia", "I've got twin boys:
# Ren and Sora", "two kids, Leo (5) and Ava (2)", "my kids are Noah, 4, and Ava, 9", "My
# kids: Ben 10, Sara 7", "our twins, Aarav and Anaya", "a dad of two girls, Maya (6) and
# Zara (3)": each child named, as "My son is Ren" (or, with an age, "My son Leo is 5")
# says it.
_CHILDREN_NAMED = re.compile(
    r"(?:\b(?:I|i|[Ww]e|User|(?P<together>(?i:me\s+and\s+(?:my|our)\s+[\w-]+)(?:\s+(?-i:[A-Z])[\w-]+)?))"
    r"\s*(?:have|['’]ve\s+got|have\s+got|['’]ve|"
    # … or just come: "I had a baby boy named Leo", "we adopted a little girl named Mia"
    r"(?:(?:just|finally|officially|recently)\s+)?(?P<born>had|adopted|welcomed|took\s+in|gave\s+birth\s+to))\s+"
    r"(?:(?:a|an|one|two|three|four|five|[1-5])\s+|(?=twins?[\s,]))|"
    r"\b(?P<parent>(?i:mum|mom|mother|dad|father|parent)\s+(?i:of|to)\s+(?i:two|three|four|five|"
    r"[2-5])\s+)|"
    r"\b(?:[Mm]y|[Oo]ur)\s+(?:(?i:two|three|four|five|[2-5])\s+)?(?=(?i:kids|children|sons|"
    r"daughters|twins|boys|girls)\s*(?:are\b|:|,|[—–-]))|"
    # a second kind after the first's names: "a son, Ethan (16), and a daughter, Lily (13)"
    r"(?<=[,)]\s)and\s+(?:a|an|one|two|three|[1-3])\s+)"
    r"(?:(?:little|young|lovely|teenage|grown-up|grown|adult|beautiful)\s+)*"
    # boys and girls only as twins, babies or one's own: "a girl named Rose in my class" is
    # a pupil
    + _CHILD_KIND
    # "I have a son now, Leo", "a second child, a son named Leo"
    + r"(?:\s+now)?\s*(?:(?:are|:)\s*|[,:—–-]\s*|\s)"
    r"(?:(?:a|an)\s+(?i:son|daughter|boy|girl|baby\s+boy|baby\s+girl)\s+(?=(?i:called|named)\s))?"
    r"(?:(?i:called|named)\s+)?"
    + _CHILD_NAMES
    # an age said of them all: "Our twins, Aarav and Anaya, are 3."
    + r"(?:\s*,?\s+(?:are|are\s+both|both\s+turned|turned|just\s+turned)\s+(?P<all>\d{1,2})"
    r"(?=\s*(?:$|[.!;])))?"
    # something else had, after them: "a daughter named Luna and a cat named Sophie"
    r"(?P<more>\s*,?\s+and\s+(?=(?:a|an|one|two|three)\s+(?!(?i:sons?|daughters?|kids?|"
    r"children|twins|boys?|girls?|baby)\b)))?"
    # when a child came, not part of a name: "I had a baby boy named Leo last Tuesday"
    r"(?P<when>\s+(?i:(?:last|this)\s+\w+|yesterday|today|tonight|(?:in|on)\s+(?-i:[A-Z0-9])\w*"
    r"(?:\s+\d{4})?|\d+\s+(?:days?|weeks?|months?)\s+ago)(?=\s*(?:$|[.!,;])))?"
)
# Ages said after the names, in turn: "Jack and Harry, 10 and 8".
_AGES_IN_TURN = re.compile(r"\s*(?:and|&)\s+\d{1,2}\b")
# A verb right after the names: the last name opens a clause of its own ("My daughters:
# Emma is 7 and …" is no list of who they are: "My daughter is Emma is 7").
_TOLD_AFTER = re.compile(
    r"\s+(?:is|was|'s|has|had|works|lives|turned|turns|goes|started|starts|just|still)\b"
)
# An age above this, said with a name in a list, is no child's as the rules read one.
_CHILD_AGE_SAID = 25


def _children_named(content: str) -> str:
    """The message with each child it names said as "My son is Ren." or, with an age,
    "My son Ren is 5." (else as it was)."""

    def said(match: re.Match[str]) -> str:
        kinds = match.group("kind").lower().split()
        if len(kinds) == 1 and kinds[0] in ("boys", "girls") and not match.group("parent"):
            return match.group(0)  # "my girls, Jess and Amy, are coming for drinks"
        if _AGES_IN_TURN.match(content, match.end()):
            return match.group(0)  # "Jack and Harry, 10 and 8": which age is whose
        if not match.group("all") and _TOLD_AFTER.match(content, match.end()):
            return match.group(0)  # "My daughters: Emma is 7 and Netflix is…"
        relation = CHILD_WORD.get(kinds[-1].rstrip("s").replace("childre", "kid"), "kid")
        told = []
        for child in _CHILD_NAME_AGE.finditer(match.group("names")):
            name = child.group("name")
            age = child.group("a1") or child.group("a2") or match.group("all")
            if name in ("and", "age", "aged"):
                continue
            if name[:1].islower() and not a_lower_name(name):
                return match.group(0)  # "my kids are 5 and 7", "under 10", "ages 5 and 7"
            if age and int(age) > _CHILD_AGE_SAID:
                return match.group(0)  # "my boys, Dave 30 and Rob 32": friends
            name = name[:1].upper() + name[1:]
            told.append(f"My {relation} {name} is {age}" if age else f"My {relation} is {name}")
        if not told:
            return match.group(0)
        children = ". ".join(told) + (". I have " if match.group("more") else "")
        if match.group("when") and not match.group("born"):
            children += match.group("when")  # (said only of a child just come)
        opens = match.start() == 0 or content[: match.start()].rstrip().endswith((".", "!", "?"))
        if opens and not match.group("together"):
            return children
        # Words before it in its sentence ("My partner Jess and I have two kids, …", "I'm a
        # dad of two girls, …") keep what they open, a sentence of its own.
        said_before = match.group(0)[: match.start("names") - match.start()]
        return f"{_naming_words_dropped(said_before)}. {children}"

    return _CHILDREN_NAMED.sub(said, content)


def _naming_words_dropped(text: str) -> str:
    """``text`` without the run of "called", "named", "are", spaces, commas, colons and
    dashes that ends it, read from the end (a pattern for it could read a space two ways,
    and took time exponential in the run)."""
    end = len(text)
    while end:
        if text[end - 1].isspace() or text[end - 1] in ",:—–-":
            end -= 1
            continue
        word = next((w for w in ("called", "named", "are") if text.endswith(w, 0, end)), "")
        if not word:
            break
        end -= len(word)
    return text[:end]


# A stay's length after a comma closing the sentence of its trip: "Flying out to Bali on
# Saturday, 2 weeks" is "… on Saturday for 2 weeks" (a stay's while, as lasts() reads
# it; not "…, 3 days a week", nor "…until Sunday, 5 days", whose end is said, nor after a
# date of the month, which lasts() would count from today: "on the 14th, a few days").
_TRIP_LENGTH = re.compile(
    r"(?<=[\w)]),\s*(?P<d>" + COUNT_RE + r"\s+(?:days|weeks|day|week))"
    r"(?=\s*(?:[.!]+|:\)|[\U0001F300-\U0001FAFF\u2600-\u27BF]+)*\s*$)",
    re.I,
)
_AN_END_BEFORE = re.compile(
    r"\b(?:until|till|til|back|returning|return|through|thru|to\s+(?:" + WEEKDAY_RE + r"))\b|"
    r"\d\s*[-–]\s*\d|\b\d{1,2}(?:st|nd|rd|th)\b",
    re.I,
)
_TRIP_SAID = re.compile(r"\b" + TRIP_TO, re.I)


def _trip_length(match: re.Match[str]) -> str:
    """The length as " for 2 weeks" after a trip said in the same sentence with no end or
    date; else as it was."""
    sentence = match.string[sentence_bounds(match)[0] : match.start()]
    if not _TRIP_SAID.search(sentence) or _AN_END_BEFORE.search(sentence):
        return match.group()
    return f" for {match.group('d')}"


# The day a fact begins, said first in its sentence: "from today I'm vegan", "as of
# Monday I work at Aldi", "starting next month I'm living in Bristol", "from the 1st of
# june I'm going part-time" are said after what they date ("I'm vegan from today"), as
# the rules read a beginning; up to the sentence's first pause (not "from today on, …"
# said of no one, "from Monday to Friday I work 9-5": a span; nor "From Sunday I'm at
# Pfizer", which after it would read as a stay at a place called Pfizer; nor a clause
# with an end of its own, "from March I'm living in Leeds till the summer", a hope,
# "from january I'll be looking for a new job", or a leaving, which reads its own time,
# "from next year I'm retired").
_DAY_SAID = (
    r"(?:today|tomorrow|tonight|now|(?:next|this)\s+(?:week|month|year|term|semester)|"
    r"(?:next\s+)?(?:" + WEEKDAY_RE + r")|(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+"
    r"(?:" + MONTH_RE + r")|(?:" + MONTH_RE + r")(?:\s+\d{1,2}(?:st|nd|rd|th)?)?|(?:19|20)\d\d)"
)
_TIME_FIRST = re.compile(
    r"(?:^|(?<=[.!?]\s))(?P<lead>[Ff]rom|[Aa]s\s+of|[Ss]tarting|[Bb]eginning|[Ee]ffective)\s+"
    r"(?P<day>(?i:" + _DAY_SAID + r"))(?!\s+(?:to|till|until|-|–|on)\b)\s*,?\s+"
    r"(?P<told>(?:[Ii]|[Ii]'m|[Ii]’m|[Ii]'ll|[Ii]’ll|we|we're|we’re|we'll|we’ll)\s(?!(?:back\s+)?at\s)"
    r"(?:(?!\b(?:till|until|til|looking|hoping|trying|thinking|retired|retiring|quitting|"
    r"leaving|resigning)\b)[^,.!?;:\n])*?)"
    r"(?=\s*(?:[,.!?;:\n]|$)|\s+[^\w\s'’(])"
)


def _time_after(found: re.Match[str]) -> str:
    """The clause, then its day, led by "from" or "starting" as the rules read a beginning
    ("effective monday I'm head of sales" → "I'm head of sales from monday")."""
    lead = found.group("lead").lower()
    lead = lead if lead in ("from", "starting") else "from"
    return f"{found.group('told')} {lead} {found.group('day')}"
