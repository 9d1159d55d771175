"""The default extractor: facts from what a user says, by plain, deterministic rules.

``RuleExtractor().extract(content, observed_at)`` reads content once ``plainly.py`` has
said plainly what the whole message says (an age as people tell it, a birth then the
names), the way ``chat.py`` splits it into statements (sentences, fillers, questions)
and ``text.py`` into clauses, finds each clause's subject the way ``subjects.py`` does
and its keyed attributes the way ``keys.py`` does, and dates them the way ``when.py``
and, for a stay, ``stays.py`` do.
Each clause becomes:

- one keyed fact per attribute it states, worded the one way its attribute is worded
  ("I moved to Paris last month" → "User lives in Paris", keyed ``user / home / Paris``,
  ``valid_from`` a month before it was said, ``statement`` the words as said);
- plus, when it names a relation ("my sister Anna lives in Vienna"), the relation itself
  as a fact of the user ("User's sister is Anna"), so a later "Anna moved to Rome" is
  known to be about the user's sister;
- or, when it states no attribute, a plain fact: the clause in the third person ("Every
  morning User grabs a pastry from the bakery"), typed ``fact`` / ``preference`` /
  ``episode`` by its wording, never superseded, only recognised when said again.

A sentence's expiry ("this week", "until Sunday") holds for each of its facts that is not
a past event. Questions and chit-chat give nothing; anything else gives at least a plain
fact — nothing said is dropped for not being understood.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Callable, Optional

from ..embed import STOP_WORDS, tokens
from ..facts import EPISODE, FACT, RELATION_ATTRIBUTES, USER, ExtractedFact, attribute
from ..timestamps import as_utc
from .chat import (
    INTERJECTIONS,
    QUESTION_WORDS,
    REQUEST,
    fields_said,
    is_chat_word,
    is_chitchat,
    pasted,
    sentences,
    strip_filler,
)
from .detail import NEAR, content_of, detail_of
from .keys import PLANNED_MOVE, SINCE_THE_MOVE, Key, keys_of
from .kin import PARTNER_KIN, RELATIONS, kin
from .places import place_rest, places_in
from .plainly import said_plainly
from .stays import (
    _A_DAY,
    _A_ROUTINE,
    _A_SEASON,
    _A_TRIP,
    _A_WEEK,
    _AN_END_SAID,
    _AWAY_IN,
    _BASED_IN,
    _BEING_IN,
    _NO_TRIP,
    _NOT_TO_BE,
    _SENT_TO,
    _SETTLED,
    _STAY,
    _WORK_DAYS,
    _another_place_between,
    _piece_of,
    _stay_in,
)
from .subjects import (
    NOBODY,
    PERSON_WORDS,
    PRONOUN_PREFIX,
    USER_SUBJECT,
    Parsed,
    Subject,
    a_lower_name,
    had_relation,
    lower_opener,
    mentioned_relations,
    named_in_twos,
    names_someone_new,
    names_the_one_before,
    newcomer_of,
    parse_subject,
    pet_named,
    tells_of_another,
    told_of_before,
)
from .text import (
    ADVERBS,
    CLAUSE_VERBS,
    DAY_NAMES,
    HEDGED,
    HEDGED_BEFORE,
    MONTH_NAMES,
    MONTHS,
    SUBJECT,
    WEEKDAY_RE,
    WEEKDAYS,
    classify,
    clauses,
    finish,
    has_past_verb,
    lower_words,
    third_person,
    words,
)
from .text import content_words as content_words
from .text import pieces as pieces
from .values import a_place, is_occupation
from .when import (
    COUNT_RE,
    END_OF_DAY,
    Start,
    back_on,
    became_true,
    count_of,
    day_span,
    end_said,
    expiry,
    lasts,
    month_under_way,
    start_before_end,
    starts,
)

__all__ = ["SUBJECT", "RuleExtractor", "content_words", "pieces"]

# How each attribute reads: {s} the subject, {v} the value. A negated fact reads
# "no longer" after the subject's verb.
_TEMPLATES: dict[str, tuple[str, str]] = {
    "name": ("{s} is called {v}", "{s} is no longer called {v}"),
    "home": ("{s} lives in {v}", "{s} no longer lives in {v}"),
    "location": ("{s} is in {v}", "{s} is no longer in {v}"),
    "job": ("{s} works as {a} {v}", "{s} no longer works as {a} {v}"),
    "employer": ("{s} works at {v}", "{s} no longer works at {v}"),
    "age": ("{s} is {v} years old", "{s} is not {v} years old"),
    "birthday": ("{s}'s birthday is {v}", "{s}'s birthday is not {v}"),
    "relationship": ("{s} is {v}", "{s} is no longer {v}"),
    "partner": ("{s}'s partner is {v}", "{s}'s partner is no longer {v}"),
    "diet": ("{s} is {v}", "{s} is no longer {v}"),
    "school": ("{s} goes to {v}", "{s} no longer goes to {v}"),
    "studies": ("{s} studies {v}", "{s} no longer studies {v}"),
    "phone": ("{s}'s phone number is {v}", "{s}'s phone number is no longer {v}"),
    "email": ("{s}'s email is {v}", "{s}'s email is no longer {v}"),
    "project": ("{s} is working on {v}", "{s} is no longer working on {v}"),
    "manager": ("{s}'s manager is {v}", "{s}'s manager is no longer {v}"),
    "mother": ("{s}'s mother is {v}", "{s}'s mother is not {v}"),
    "father": ("{s}'s father is {v}", "{s}'s father is not {v}"),
    "drinks": ("{s} drinks {v}", "{s} no longer drinks {v}"),
    "likes": ("{s} likes {v}", "{s} no longer likes {v}"),
    "dislikes": ("{s} dislikes {v}", "{s} no longer dislikes {v}"),
    "allergies": ("{s} is allergic to {v}", "{s} is no longer allergic to {v}"),
    "conditions": ("{s} has {v}", "{s} no longer has {v}"),
    "medications": ("{s} takes {v}", "{s} no longer takes {v}"),
    "pets": ("{s} has a {v}", "{s} no longer has a {v}"),
    "children": ("{s} has a child, {v}", "{s} no longer has a child, {v}"),
    "siblings": ("{s} has a sibling, {v}", "{s} no longer has a sibling, {v}"),
    "friends": ("{s} knows {v}", "{s} no longer knows {v}"),
    "relatives": ("{s} has a relative, {v}", "{s} no longer has a relative, {v}"),
    "languages": ("{s} speaks {v}", "{s} no longer speaks {v}"),
    "hobbies": ("{s} does {v}", "{s} no longer does {v}"),
    "visited": ("{s} has been to {v}", "{s} has not been to {v}"),
}
# Words that make a life's story news of now: "…, last week actually", "and still live here".
_NOT_LATELY = (
    r"(?![^;]*\b(?:last\s+(?:week|month|year)|this\s+(?:year|month|week|"
    + "|".join(MONTH_NAMES)
    + r")|recently|just|ago|now|still|actually)\b)"
)
# A life's story, not news of now: "my family moved to Austin when I was 5", "as a kid I
# lived in Lagos", "growing up in Leeds", "I was 22 when I moved to the US", "back in
# college I lived in Leeds" (not "I'm back in college", "in my thirties, living in Leeds").
_CHILDHOOD = re.compile(
    r"\bwhen\s+(?:I|we)\s+(?:was|were)\s+(?:\d{1,2}\b|a\s+(?:kid|child|baby|toddler|teen|"
    r"teenager|student)|little|young|younger|small|in\s+(?:school|high\s+school|college|uni))|"
    r"\bas\s+a\s+(?:kid|child|baby|toddler|teen|teenager)\b|\bgrowing\s+up\b|"
    r"\b(?:I|we)\s+(?:was|were)\s+\d{1,2}\s+when\b(?![^.;]*\bstill\b)|\bback\s+in\s+the\s+day\b|"
    # … or by the age it happened at: "at 22 I moved to the US", "at the age of 9 we moved"
    # (not news told with the age one is: "At 34 I moved to Denver, last week actually")
    r"^(?:at|by)\s+(?:age\s+|the\s+age\s+of\s+)?\d{1,2},?\s+(?:I|we)\s+(?:moved|lived|worked|was|were|"
    r"had|left|started|got|became)\b" + _NOT_LATELY + "|"
    r"\b(?:moved|lived|emigrated|immigrated|relocated)\b[^.;]*\bat\s+(?:age\s+|the\s+age\s+of\s+)?"
    r"\d{1,2}(?:\s+years\s+old)?\s*(?:[.,;!]|$)" + _NOT_LATELY + "|"
    # … said in the past: "back in college I lived in Leeds" (not "I'm back in college")
    r"\bback\s+in\s+(?:school|high\s+school|college|uni|university)\b(?=[^.;]*\b(?:lived|moved|"
    r"worked|was|were|had)\b)|\bin\s+my\s+(?:teens|twenties|thirties|20s|30s)\b(?=[^.;]*\b"
    r"(?:lived|moved|worked|was|were|had)\b)|\b(?:lived|moved|worked|was|were)\b[^.;]*\bin\s+"
    r"my\s+(?:teens|twenties|thirties|20s|30s)\b",
    re.I,
)
# A clause told to whoever listens, no subject of its own: "don't judge", "pls don't
# laugh" (not "dont work at amazon anymore": chat leaves the "I" out).
_TOLD_TO_LISTENER = re.compile(
    r"^(?:(?:pls|plz|please|and|but|so|just)\s+)*(?:don't|do not|dont)\s+(?:judge|laugh|worry|"
    r"panic|freak|tell|ask|mind|remind|lecture|mention|be\s+mad|be\s+angry|get\s+mad|hate\s+me)\b",
    re.I,
)
_CONDITION = re.compile(
    r"^(?:if|unless|in case|suppose|supposing|imagine\s+(?:if|that|i|we)|"
    # a dream told: "I dreamt I moved to Denver", "had a weird dream that I was pregnant"
    # (not "a dream wedding", "dreamed of this day forever, we got married today")
    r"(?:i\s+|we\s+)?(?:dreamt|dreamed)\s+(?:that\s+)?(?:i|we|my|our|i'm|i'd)|"
    r"(?:i\s+|we\s+)?had\s+a\s+(?:\w+\s+)?nightmare\b|"
    r"(?:i\s+|we\s+)?had\s+a\s+(?:\w+\s+)?dream\s+(?:that|where|about|last\s+night)|"
    r"in\s+(?:my|a)\s+dream)\b",
    re.I,
)
# What the user does not know of themself: "I don't know if I'm allergic to cats".
_UNSURE_OF = re.compile(
    r"^(?:(?:do\s+not|don't|dont)\s+know|(?:am\s+)?not\s+sure|(?:am\s+)?wonder(?:ing)?|"
    r"can't\s+tell|cannot\s+tell)\s+(?:if|whether)\b",
    re.I,
)
_OWN_NEWS = re.compile(r"\b(?:I|we)\b.+$", re.I)
# A start said as the next one: a week from today at most, never today's ("next week",
# said on a Monday, is seven days on, not begun)
_NEXT_SAID = re.compile(r"\bnext\s+(?:week|" + WEEKDAY_RE + r")\b", re.I)
_REPORTED = re.compile(
    r"^(?:think|thought|heard|hear|guess|reckon|believe|believed|said|say|says|told|know|"
    r"knew|hope|wish|doubt|wonder|suppose|suspect|bet)\s+(?:that\s+)?"
    r"(?:he|she|they|it|(?-i:[A-Z][\w-]+)|(?:my|our|his|her|their)\s+[\w-]+)(?:'s)?\s+"
    r"(?:\w+ed|\w+s|got|is|was|are|were|has|had|will|went|left|took|became)\b",
    re.I,
)
# Someone says or thinks something of the user: "said I'm getting promoted", "thinks
# I'm lactose intolerant", "told me I have ADHD".
_SAYS_OF_THE_USER = re.compile(
    r"^(?:(?:just|always|still|also|keeps?|kept)\s+)*(?:think|thinks|thought|said|says|say|"
    r"told\s+me|tells\s+me|reckons?|believes?|mentioned|claims?|claimed|insists?|insisted|"
    r"swears?|figures?|guesses|guessed|suspects?|suspected|keeps\s+saying|kept\s+saying)"
    r"\s+(?:that\s+)?(?:i|i'm|i've|i'll|i'd|im|my|me|we|we're)\b",
    re.I,
)
_COUNTS = frozenset(("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"))
_COUNTS |= frozenset(str(n) for n in range(2, 100))
# A diet said as what one eats reads as such: "User eats meat", not "User is eats meat".
_VERB_DIETS = ("eats",)


def sentence_of(subject: Subject, key: Key, plainly: bool = False) -> str:
    """The one wording of a keyed fact: "User lives in Paris". A denial is worded as an
    end ("User no longer lives in Paris"), or, ``plainly``, as never so ("User does not
    live in Paris"): "I'm not married" says nothing of before."""
    if plainly and key.negated:
        said = sentence_of(subject, replace(key, negated=False))
        if not said.startswith(subject.name):
            return sentence_of(subject, key)
        rest = said[len(subject.name) :]  # the verb after the subject: not "User's boss"
        return subject.name + _NOT_SO.sub(_not_so, rest, count=1)
    value = key.value
    if key.attribute.startswith("favorite:"):
        thing = key.attribute.split(":", 1)[1]
        verb = "is no longer" if key.negated else "is"
        return f"{subject.name}'s favorite {thing} {verb} {value}"
    if key.attribute == "home" and value.split()[0] in NEAR:  # "near my mum's": User's mum's
        return f"{subject.name} {'no longer ' if key.negated else ''}lives {third_person(value)}"
    if key.attribute == "age" and value.split()[-1] in ("week", "weeks", "month", "months"):
        return f"{subject.name} is {'not ' if key.negated else ''}{value} old"  # a baby's
    if key.attribute == "age" and value.lower() in ("1", "one"):
        return f"{subject.name} is {'not ' if key.negated else ''}{value} year old"
    if key.attribute == "employer" and value.startswith("own "):  # "User works at User's own …"
        whose = "User's" if subject.name == "User" else "their"
        return f"{subject.name} {'no longer works' if key.negated else 'works'} at {whose} {value}"
    if key.attribute == "employer" and value == "self-employed":
        return f"{subject.name} is {'no longer ' if key.negated else ''}self-employed"
    if key.attribute == "diet" and value.split()[0] in _VERB_DIETS:
        return f"{subject.name} {'no longer ' if key.negated else ''}{value}"
    positive, negative = _TEMPLATES.get(key.attribute, ("{s} {v}", "{s} not {v}"))
    article = "an" if value[:1].lower() in "aeiou" else "a"
    if key.attribute == "pets" and (value.split()[0].lower() in _COUNTS or value[:1].isupper()):
        positive, negative = "{s} has {v}", "{s} no longer has {v}"  # "two cats", "Biscuit"
    return (negative if key.negated else positive).format(s=subject.name, v=value, a=article)


# A fact's verb, denied: "User is vegan" → "User is not vegan", "User lives in Leeds" →
# "User does not live in Leeds".
_NOT_SO = re.compile(
    r"\b(?P<be>is|are)\b|\b(?P<aux>has)(?=\s+been\b)|\b(?P<verb>has|does|goes|studies|[a-z]+s)\b"
)
_BASE_FORMS = {"has": "have", "does": "do", "goes": "go", "studies": "study"}


def _not_so(match: re.Match[str]) -> str:
    if match.group("be") or match.group("aux"):
        return f"{match.group('be') or match.group('aux')} not"
    verb = match.group("verb")
    return "does not " + _BASE_FORMS.get(verb, verb[:-1])


# What says a denial is an end, not a plain "not": "no longer", "any more", "stopped",
# "used to", "quit", "gave up", "left".
_AN_END = re.compile(
    r"\b(?:no longer|any ?more|no more|stopped|quit|quitting|gave up|given up|used to|left|"
    r"resigned|retired|ended|now|these days|nowadays|broke up|split|divorced|moved|sold|"
    r"died|passed)\b",
    re.I,
)

# A denial said with "not" or "never" ("I'm not married"), not by a phrasing that ends
# something ("last day at Tesco", "we had to put Biscuit down").
_PLAIN_NOT = re.compile(r"\b(?:not|never)\b|n['’]t\b", re.I)
_DID_NOT = re.compile(r"\b(?:didn['’]t|did\s+not)\b", re.I)
# A beginning said of the day it is said: "first day at Feedzai today", "day one at
# Globex", "started at Acme today": when the fact began, not when it ends.
_BEGUN_TODAY = re.compile(
    r"\b(?:(?:first|1st)\s+(?:day|shift)|day\s+one|start(?:s|ed|ing)?|began|begins?|"
    r"joined|resumed)\b",
    re.I,
)

_RELATION_TEXT = "{s}'s {rel} is {v}"


class RuleExtractor:
    """The default extractor: the documented rules of this package, no model, no I/O."""

    def extract(self, content: str, observed_at: datetime) -> list[ExtractedFact]:
        said = as_utc(observed_at)
        kept, quoted = _quotes_aside(content)
        whose, as_said = fields_said(kept)
        if whose == "theirs" and "\n" in content.strip():
            # "Name: Mike Jones / Phone: …": a form pasted, kept as written; no line of it
            # is read as the user's ("Phone: …" alone would be)
            return [ExtractedFact(finish(content), classify(content), content)]
        content = said_plainly(as_said if whose == "user" else kept)
        facts: list[ExtractedFact] = []
        seen: set[tuple[str, Optional[str], Optional[str], str, Optional[str]]] = set()
        previous: Optional[Subject] = None
        newcomer: Optional[Subject] = None  # introduced by the clause before, not named
        pet_at: Optional[int] = None  # the last pet said without its name, in ``facts``
        cursor = 0  # where in ``content`` the sentence read now begins, about
        # where in ``facts`` the facts of the last clause that told any begin ("got a job at
        # Google, starting Monday": the first day is of what it told)
        last_told = 0
        last_parsed: Optional[Parsed] = None  # the clause read before, parsed
        opening = True  # the clause read is the message's first
        folded = content.lower()  # once per message, not once per sentence and clause
        for sentence in sentences(content):
            found_at = folded.find(sentence[:20].lower(), cursor)
            cursor = found_at if found_at >= 0 else cursor
            until = expiry(sentence, said)
            correction = _correction(sentence)
            if correction is not None:
                end, new, old = correction
                words = sentence[:end]
                text = finish(third_person(words))
                facts.append(ExtractedFact(text, statement=words, value=new, corrects=old))
                # What the sentence says after the correction is said as usual.
                sentence = sentence[end:].strip(" ,;:")
            condition = False  # "If it's Tuesday, I'm in Leeds": the whole sentence
            told_before = len(facts)
            # whether the sentence ended in "?" as typed: its last piece asks ("I'm 31 and
            # pregnant, ok to eat brie?"), though what it told first stands
            asked = _ASKED_AT_END.match(content, _end_in(folded, sentence, cursor)) is not None
            read = clauses(sentence, PERSON_WORDS, a_lower_name) if sentence else []
            last_clause = read[-1] if read else None
            for clause in read:
                named = _PET_NAMED.match(clause)
                if named is not None and pet_at is not None:
                    # "we adopted a cat!!! she's called Miso": the cat's name
                    pet, name = facts[pet_at], named.group("name")
                    facts[pet_at] = replace(
                        pet,
                        text=f"{pet.text} called {name}",
                        statement=f"{pet.statement}, {clause}",
                        value=f"{pet.value} called {name}",
                    )
                    pet_at = None
                    continue
                before = len(facts)
                after: list[ExtractedFact] = []
                first, opening = opening, False
                homed = _home_by_noun(clause, content, first, facts, last_told, said)
                if homed is not None:
                    # "flat in vračar, 5th floor", "moved in together — condo in Bukit Timah"
                    home, clause = homed
                    if not clause:
                        facts.append(home)
                        last_told = before
                        continue
                    after.append(home)  # told after the move the clause opens with
                titled = _title_after(clause, facts, last_told)
                if titled is not None and any(
                    f.attribute == "job"
                    for f in _facts_of(
                        clause,
                        sentence,
                        parse_subject(clause, previous, newcomer),
                        said,
                        until,
                        condition,
                    )
                ):
                    titled = None  # read by the rules already ("… manager now, with …")
                if titled is not None:
                    # "got poached by Grab!! senior product designer, start next month"
                    job, clause = titled
                    facts.append(job)
                    if not clause:
                        continue
                if _begun_then(clause, facts, last_told, said) or _lasting(
                    clause, facts, last_told, said
                ):
                    continue
                condition = condition or _CONDITION.match(clause) is not None
                if previous is None:
                    # "What's a good gift for my dad? He's into fishing": the dad, named in
                    # what asked and stored nothing, or in the clause before ("for my
                    # daughter emma, she's turning 7")
                    at = folded.find(clause[:20].lower(), cursor)
                    previous = told_of_before(content, at if at >= 0 else cursor, clause)
                to_name = (
                    previous
                    if newcomer is None
                    and previous is not None
                    and previous.key.endswith(":")
                    and last_parsed is not None
                    and last_parsed.subject == previous
                    and names_the_one_before(clause, last_parsed)
                    else None
                )
                if (
                    previous is not None
                    and last_parsed is not None
                    and last_parsed.subject == previous
                    and previous.key not in (USER, NOBODY.key)
                    and _HE_OR_SHE.match(clause)
                    and tells_of_another(last_parsed.predicate)
                ):
                    # "my brother has a new boyfriend. he's a plumber": he may be either
                    previous = NOBODY
                parsed = _mourned(parse_subject(clause, previous, newcomer or to_name))
                new_one = names_someone_new(clause)
                if (
                    new_one is not None
                    and previous is not None
                    and ":" in previous.key
                    and kin(previous.key.split(":")[0]) != kin(new_one)
                ):
                    # "mum started at Asda, new boss is Greg": mum's new boss, maybe (not
                    # "my flatmate Josh moved out, new flatmate is Kemi": the user's)
                    parsed = Parsed(NOBODY, clause)
                if to_name is not None and parsed.subject.key.startswith(to_name.key):
                    # "my grandma turns 90, her name's Dorothy": what was told of her
                    # before her name, in this message, is Dorothy's too
                    _name_them(facts, to_name, parsed.subject)
                theirs = _their_career(parsed, clause, previous, last_parsed)
                if theirs is not parsed and any(
                    f.attribute in ("job", "employer")
                    for f in _facts_of(clause, sentence, theirs, said, until, condition)
                ):
                    parsed = theirs  # their work; what else it says stays as said
                last_parsed = parsed
                newcomer = newcomer_of(parsed)
                if parsed.subject.key != USER:
                    previous = parsed.subject
                else:  # "I have a new girlfriend. She's a GP": the girlfriend
                    previous = had_relation(parsed.predicate) or previous
                # A clause opened by a lower-case word may turn out someone else's once the
                # server knows the word as a name ("bob turned 31 and i turned 31 too").
                opener = lower_opener(clause) if parsed.subject.key == USER else None
                told = _facts_of(clause, sentence, parsed, said, until, condition)
                if parsed.subject.key == USER and not condition:
                    told += _told_after_a_comma(clause, sentence, told, said, until)
                told += _rest_untold(
                    clause, parsed.subject, told, said, until, asked and clause is last_clause
                )
                for fact in told:
                    identity = (fact.subject, fact.attribute, fact.value, fact.text, opener)
                    if identity not in seen:
                        seen.add(identity)
                        facts.append(fact)
                        if fact.attribute == "pets" and not fact.negated:
                            unnamed = " called " not in (fact.value or "")
                            pet_at = len(facts) - 1 if unnamed else None
                facts += after
                last_told = before if len(facts) > before else last_told
            if REQUEST.match(sentence):
                # "help me write an email to my boss…": the request's own words are no
                # memory; who and what of the user's it names are ("…my dog Max", "…for
                # my boyfriend Tom", "remind me my new number is …"), not what it asks for
                # ("help me become vegan", "a party for my daughter turning 7")
                facts[told_before:] = [
                    f
                    for f in facts[told_before:]
                    if not REQUEST.match(f.statement) or f.attribute in _NAMED_IN_A_REQUEST
                ]
            put_right = _put_right(sentence)
            if put_right and not any(f.attribute for f in facts[told_before:]):
                # "my favourite is interstellar, not inception", "I'm in boulder, not
                # denver": no key read, so a word put right where a memory said it
                new, old = put_right
                text = finish(third_person(sentence))
                del facts[told_before:]
                facts.append(ExtractedFact(text, statement=sentence, value=new, corrects=old))
        material = pasted(content)
        if material:  # "RT @jdoe: just moved to LA": kept as written, nobody's key
            facts.append(ExtractedFact(finish(material), classify(material), material))
        if _A_CHILD_SAID.search(content):
            # "12 today! party time for my little one", "just turned 2, our little girl":
            # a child's age said with no name is no age of the user's
            facts = [_as_words(f) if _a_childs_age_of_the_user(f) else f for f in facts]
        if _ANOTHERS_BIRTHDAY.search(content):
            # "happy bday to my mum, 60 today": the age is whoever's birthday it is
            facts = [_as_words(f) if _an_age_of_the_user_said_bare(f) else f for f in facts]
        vegan = {
            f.subject
            for f in facts
            if f.attribute == "diet" and f.value == "vegan" and not f.negated
        }
        return _city_beside(
            [
                _quotes_back(f, quoted)
                for f in facts
                # "I'm vegan so I don't eat meat": no meat is said of a vegan already
                if not (f.attribute == "diet" and f.value == "vegetarian" and f.subject in vegan)
            ]
        )


# The pieces of a clause between its commas, semicolons and spaced dashes, outside
# brackets: "I'm 30, boyfriend is a chef, works at Nobu" → three.
_PIECE_CUT = re.compile(r"[,;]\s+|\s+[—–-]+\s+|[()\[\]]")
# A capitalised word said after a pause is a name ("hubs works in Bath", "one passed in
# March", "Christmas rush started"); "I" and its contractions are not.
_A_NAME_SAID = re.compile(r"(?<![\w'’])(?!I(?:['’]\w+)?(?![\w'’]))(?-i:[A-Z])[\w'’-]+")
_A_NUMBER_SAID = re.compile(r"\d")
# A rest of one word carries no news: "so excited", "love it" (not "boyfriend is a chef").
_REST_WORDS = 2
# What an introduction says beside the name in a few words is what the user is called:
# "Tess for short", "everyone says PH".
_ALIAS_WORDS = 3
# Words that only say when, as the facts beside them read it ("back Thursday", "On
# Monday", "2027" of "until Dec. 1st, 2027"): a piece of them is theirs, not a rest.
_WHEN_WORDS = frozenset((*MONTHS, *DAY_NAMES)) | words(
    """back today tonight tomorrow tmrw yesterday day days week weeks weekend month months
    year years ago last next this morning afternoon evening night from since until till
    til by end start"""
)
_A_TIME_WORD = re.compile(
    r"(?<![^\W_])(?:"
    + "|".join(sorted(_WHEN_WORDS, key=len, reverse=True))
    + r"|\d+(?:st|nd|rd|th)?)(?![^\W_])",
    re.I,
)
# Words that only say again what a keyed attribute says ("moved house last week, now in
# Clifton": the move is the home), as content_words has them.
_WORK_SAID = "job new role started starting start got work working career"
# … and an employer said by its kind before its name: "I joined a new agency, Wilhelmina"
_WORKPLACE_SAID = """joined joining signed signing small family local agency company firm
    startup start-up business venture consultancy shop studio"""
_RESTATED = {
    "home": frozenset(content_words("move moved moving house home place flat apartment new")),
    "job": frozenset(content_words(_WORK_SAID)),
    "employer": frozenset(content_words(_WORK_SAID + " " + _WORKPLACE_SAID)),
    "age": frozenset(content_words("birthday bday turned turning old years officially")),
}
# What is said to the listener, not of anyone: "wish me luck", "pray for me", "just so you
# know", "nice chatting with you", "bet you didn't expect that", "not bad eh".
_ASIDE_TO_YOU = re.compile(
    r"^(?:(?:so|and|but|ha|haha|lol|anyway)\s+)*(?:wish\s+me\s+luck|pray\s+for\s+me|"
    r"fingers\s+crossed|just\s+so\s+you\s+know|carry\s+on|bet\s+you|you\s+know|"
    r"nice\s+(?:chatting|talking)|(?:not\s+bad|wild|crazy|mad),?\s+(?:eh|right|huh)|"
    r"help(?:\s+(?:me|pls|please|lol))?\W*$|"
    r"send\s+help|what\s+a\s+(?:life|day|week|year)|feeling\s+\w+$|happy\s+birthday|"
    r"for\s+context|(?:like|as)\s+i\s+(?:said|told\s+you|mentioned)|according\s+to|"
    r"says\s+(?:my|his|her|our)\b)\b",
    re.I,
)
# A request without a request's first word: "revision timetable for Paper 3 pls", "CV for
# Pret needed asap", "yo Claude fix my React code", "fill in this form for me".
_ASKED_OF_YOU = re.compile(
    r"(?:\b(?:pls|plz|please|thx|asap)|\bthanks?(?:\s+in\s+advance)?)(?:\s+x+)?\W*$|"
    r"\b(?:claude|chatgpt|gpt)\b|\bty\W*$|\bor\s+nah\W*$|\byay\s+or\s+nay\b|"
    r"^(?:gimme|need\s+(?:a|an|some|help)|would\s+appreciate|cheapest|"
    r"best\s+(?:time|place|places|way|app|apps)|(?:ok|safe|too\s+late|worth)\s+(?:to|it|getting))\b|"
    r"^(?:(?:yo|hey|ok|so|bro|mate|dude|pls|please)\s+)*(?:(?:fix|fill\s+in)\b|"
    r"(?:draft|make|give|send|check|list|do|sort|help|tell|show|find|write|plan|create)\s+"
    r"(?:me|this|that|it)\b)",
    re.I,
)
_CLITICS = frozenset(("ll", "re", "ve"))
# A verb said of someone else, its subject left out: "lives in Bath", "works at KPMG".
_THEIR_VERBS = frozenset(v for v in CLAUSE_VERBS if v.endswith("s") and v not in ("was", "is"))
_PEOPLE = frozenset(RELATIONS) | words("parents folks family kids children mates friends")
# A question, its "?" gone with the sentence's end: "what's the weather like", "any
# advice", "is oyster sauce safe for me", "do you know" (not "have two kids", "do the
# school run on Mondays", "will be in Leeds next week").
_ASKS = re.compile(
    r"(?:" + QUESTION_WORDS + r"|is|are|am|does|did|can|could|should|shall)\b|"
    r"(?:do|have|has|will|would)\s+(?:you|u|i|we|it|there|he|she|they|my|this|that)\b",
    re.I,
)
# A question chat asks without its question word: "reckon I should join him", "thoughts?"
_ASKS_TOO = re.compile(
    r"(?:reckon|thoughts|wdyt|(?:the\s+)?(?:cheapest|best|quickest|easiest|fastest)\s+way)\b|"
    r".*\b(?:ideas|tips|advice|suggestions|recommendations|recs)\b",
    re.I,
)
# Words of feeling, which carry no fact of their own: "love them so much", "so tired".
_FEELINGS = frozenset(
    content_words(
        """love loving loved hate hating like liking miss missing enjoy enjoying much lot
        lots tired exhausted excited happy sad gutted nervous scared proud stressed bored
        cute amazing great awesome lovely ugh honestly"""
    )
)
# A joining word a rest opens or ends on: "and the boys can cycle to school", "early days but".
_JOINED = re.compile(r"^(?:and|but|so|or|then|plus)\s+|\s+(?:and|but|so|or)$", re.I)


def _taken_back(runs: list[list[int]], start: Callable[[list[int]], int]) -> list[list[int]]:
    """``runs``, each begun at its ``start`` instead; a run that one taken back now holds
    is left out ("Anna" inside "Anna, 30, works at KPMG")."""
    taken: list[list[int]] = []
    for run in runs:
        run = list(range(start(run), run[-1] + 1))
        while taken and taken[-1][0] >= run[0]:
            taken.pop()
        taken.append(run)
    return taken


def _with_their_subject(pieces: list[str], runs: list[list[int]]) -> list[list[int]]:
    """``runs`` of a clause of the user's, each that opens on a verb said of someone else
    ("lives in Bath", "works at KPMG") taken back to the piece that names them: "I'm 28,
    single, my sister's married, lives in Bath" → "my sister's married, lives in Bath";
    "I'm 32, Anna, 30, works at KPMG" → "Anna, 30, works at KPMG". A run with no one
    named before it stays as it is (the user's, typed short)."""

    def start(run: list[int]) -> int:
        if _verb_of(pieces[run[0]]) not in _THEIR_VERBS:
            return run[0]
        named = [
            at
            for at in range(1, run[0])
            if _A_NAME_SAID.search(pieces[at]) or not _PEOPLE.isdisjoint(tokens(pieces[at]))
        ]
        return named[-1] if named else run[0]

    return _taken_back(runs, start)


def _verb_of(piece: str) -> str:
    """The first word of ``piece`` that is not an adverb, lower-cased: its verb, when the
    piece opens on one."""
    found = [w for w in lower_words(piece)[:3] if w not in ADVERBS]
    return found[0] if found else ""


def _with_the_clause(pieces: list[str], runs: list[list[int]]) -> list[list[int]]:
    """``runs`` of a clause about someone else, each that does not open on a verb said of
    them taken back to the clause's start, which says whom it is of: "my boss, 50,
    divorced, three kids, keeps asking me to stay late" is kept whole, not as "three kids,
    …", which reads as the user's; "Marcus got promoted, proud big bro moment" too."""
    return _taken_back(runs, lambda run: run[0] if _verb_first(pieces[run[0]]) else 0)


def _words_of(text: str) -> set[str]:
    """The content words of ``text`` (content_words), the ends of "I'll", "we're" and
    "I've" left out."""
    return set(content_words(text)) - _CLITICS


def _top_pieces(clause: str) -> list[str]:
    """``clause`` cut at its pauses outside brackets, each piece stripped (a bracket's
    content kept as part of its piece: "a teacher (Year 2, Oakwood)")."""
    found: list[str] = []
    depth = start = 0
    for cut in _PIECE_CUT.finditer(clause):
        mark = cut.group().strip()
        if mark in "([":
            depth += 1
        elif mark in ")]":
            depth = max(depth - 1, 0)
        elif depth == 0:
            found.append(clause[start : cut.start()])
            start = cut.end()
    found.append(clause[start:])
    return [piece.strip(" ,;:—–-") for piece in found if piece.strip(" ,;:—–-")]


def _end_in(folded: str, sentence: str, cursor: int) -> int:
    """Where ``sentence`` ends in the message (lower-cased as ``folded``), from
    ``cursor``; the message's end if its last words are not found as typed."""
    tail = sentence[-12:].lower()
    at = folded.find(tail, cursor) if tail else -1
    return at + len(tail) if at >= 0 else len(folded)


# A question mark right after where a sentence ends.
_ASKED_AT_END = re.compile(r"[ \t]*\?")


def _rest_untold(
    clause: str,
    subject: Subject,
    told: list[ExtractedFact],
    said: datetime,
    until: Optional[datetime],
    asked: bool = False,
) -> list[ExtractedFact]:
    """What a clause says beside the keyed facts read from it and in none of their
    texts, kept as a plain memory in its own words: "I'm 30, boyfriend is a chef, works at
    Nobu" keys the age and keeps "Boyfriend is a chef, works at Nobu"; "I live in
    Bristol, hubs works in Bath" keeps "Hubs works in Bath". Each run of such pieces is
    one memory, taken back to whom it is of (_with_their_subject, _with_the_clause).

    Not kept: a question or a request and what follows it ("… any tips?", "CV for Pret
    needed asap"); chit-chat and asides to the listener ("lol", "wish me luck"); a piece
    that only says when or says the fact again ("back Thursday", "moved house last
    week"); a rest that says too little to find ("so excited", "love it": no name,
    number or second word that carries it); a few words beside the user's name ("Tess
    for short"); anything, when no piece shows where the facts came from. Beside a stay
    it holds and ends as the stay does, unless it names a day or a month of its own."""
    keyed = [f for f in told if f.attribute and f.value]
    if not keyed:
        return []  # a plain memory holds the clause whole already
    covered: set[str] = set()
    values = [f.value.lower() for f in told if f.value]
    for fact in told:
        covered.update(content_words(fact.text))
    restated = set().union(*(_RESTATED.get(f.attribute or "", ()) for f in keyed))
    pieces = _top_pieces(clause)
    runs: list[list[int]] = []  # each run's pieces, by their place in ``pieces``
    told_of = False  # whether a piece shows where the facts were read
    apart = True  # whether the piece read next begins a run of its own
    for at, piece in enumerate(pieces):
        own = _words_of(piece)
        if not covered.isdisjoint(own) or any(v in piece.lower() for v in values):
            told_of, apart = True, True
        elif _words_of(_A_TIME_WORD.sub(" ", piece)) <= restated:
            apart = True  # when the facts hold, or what they say again
        elif _ASIDE_TO_YOU.match(piece) or is_chitchat(piece):
            apart = True  # "wish me luck", "lol"
        elif any(p.match(strip_filler(piece)) for p in (REQUEST, _ASKS, _ASKS_TOO)) or (
            _ASKED_OF_YOU.search(piece)
        ):
            break  # a question or a request, and what follows it, is no memory
        elif own:
            if apart:
                runs.append([])
            runs[-1].append(at)
            apart = False
        else:
            apart = True
    if not told_of:
        return []  # no piece shows where the facts came from: "finally turned eighteen"
    if asked and runs and runs[-1][-1] == len(pieces) - 1:
        runs.pop()  # the question a "?" ended: "I'm vegan, b12 supplements necessary?"
    if subject.key == USER:
        runs = _with_their_subject(pieces, runs)
    elif subject.key != NOBODY.key:
        runs = _with_the_clause(pieces, runs)
    introduced = any(f.attribute == "name" and f.subject == USER for f in keyed)
    ending = [f for f in keyed if f.expires_at is not None]
    kept: list[ExtractedFact] = []
    for run in runs:
        first = run[0] == 0
        rest = _JOINED.sub("", ", ".join(pieces[at] for at in run))
        carrying = [
            w
            for w in _words_of(rest)
            if w not in INTERJECTIONS and w not in _FEELINGS and not is_chat_word(w)
        ]
        # (the clause's first word is capitalised as a sentence's: "Supposedly")
        named = _A_NAME_SAID.search(rest, len(rest.split(" ", 1)[0]) if first else 0)
        if not carrying or not (
            named or _A_NUMBER_SAID.search(rest) or len(carrying) >= _REST_WORDS
        ):
            continue
        if introduced and len(rest.split()) <= _ALIAS_WORDS:
            continue  # "I'm Marites, Tess for short": how the user is called, said with it
        past = has_past_verb(lower_words(rest))
        kind = classify(rest)
        valid_from = became_true(rest, said, past)
        expires_at = None if kind == EPISODE or past else until
        if any(w in DAY_NAMES or w in MONTHS for w in tokens(rest)):
            expires_at = None  # a time of its own: "then London Saturday"
        elif ending:
            # said with a stay, it lasts as the stay does: "back in Galway for two weeks
            # from the 5th, staying with a friend in Salthill"
            begins = [f.valid_from for f in ending if f.valid_from is not None]
            valid_from = min(begins) if begins else valid_from
            expires_at = max(f.expires_at for f in ending if f.expires_at is not None)
        text = third_person(rest)  # as typed: "Ofsted coming Thursday" is no verb's
        if subject.key not in (USER, NOBODY.key) and run[0] > 0:
            # a verb said of the one the clause is of: "my sister's married, lives in
            # Bath" → "User's sister lives in Bath"
            text = f"{subject.name} {text}"
        kept.append(
            ExtractedFact(
                text=finish(text),
                type=kind,
                statement=rest,
                valid_from=valid_from,
                expires_at=expires_at,
            )
        )
    return kept


# A city one is in now, said beside a home in it: "I'm in Melbourne now!! got a little
# place in Brunswick", "officially a Hobart girl now! … we're in Sandy Bay", "first week
# in Lisboa done. our flat in Arroios…", "Just moved to Edinburgh. Got a flat in Leith".
# Not a city one works, studies, was born or stays in for now ("I work in London but
# just moved into a flat in Reading", "I'm in London until Friday").
_CITY = r"(?P<city>(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2})"
_CITY_NOW = tuple(
    re.compile(pattern, re.I)
    for pattern in (
        r"(?:^|\b(?:so|and|but|now)\s+)(?:i'm|im|i\s+am|we're|we\s+are|estamos|estoy)\s+"
        r"(?:(?:now|finally|officially|here)\s+)?(?:in|en|em|based\s+in)\s+"
        + _CITY
        + r"(?=\s*(?:$|[!.,;—–-]|now\b|for\s+good\b|at\s+last\b))",
        r"(?:^|\b(?:just|finally)\s+)(?:landed|arrived|settled)\s+in\s+"
        + _CITY
        + r"(?=\s*(?:$|[!.,;—–-]))",
        r"(?:^|\b(?:just|finally)\s+)(?:moved|relocated|made\s+it)\s+to\s+"
        + _CITY
        + r"(?=\s*(?:$|[!.,;—–-]))",
        r"^first\s+(?:day|week|month|night)s?\s+in\s+" + _CITY + r"\s+(?:done|down|complete)",
        r"^(?:officially\s+)?(?:a|an)\s+"
        + _CITY
        + r"\s+(?:girl|boy|lad|lass|gal|guy|local|resident)\s+now",
    )
)


_HE_OR_SHE = re.compile(r"(?:he|she)\b", re.I)


def _told_after_a_comma(
    clause: str, sentence: str, told: list[ExtractedFact], said: datetime, until: Optional[datetime]
) -> list[ExtractedFact]:
    """The user's keyed facts that a piece of a clause after a comma tells on its own, of
    an attribute the clause's own facts do not key, when the clause keyed one of the
    user's: "Last day at Tesco, first day with Aldi on Monday" (the new employer), "44,
    married to Carlos" (the partner), "I'm 29, software engineer, living in Berlin". Not
    a piece about someone else ("…, lives in Leeds", "…, she's vegan"), nor any in a list
    asked, quoted, wished or joked ("…, Staff Engineer by 2027", "what if I quit, …?")."""
    if not any(f.attribute and f.subject == USER for f in told):
        return []  # no list about oneself ("prep me for a Google interview, L4 SWE, …")
    if "?" in sentence or _HOPED.search(clause) or _NOT_SAID_SO.search(clause):
        return []  # "should I move to Berlin, work at Zalando?", "… lol jk, single, …"
    keyed = {f.attribute for f in told if f.attribute and not f.negated}
    found: list[ExtractedFact] = []
    pieces = _AFTER_A_COMMA.split(clause)
    for at, piece in enumerate(pieces[1:], start=1):
        if _someone_else_in(pieces[:at]):
            break  # "writing on behalf of my mum, 82, living in Hull": hers from there on
        if not piece or _NOT_THE_USERS_PIECE.match(piece):
            continue
        for fact in _facts_of(piece, sentence, Parsed(USER_SUBJECT, piece), said, until, False):
            if (
                fact.attribute in _TOLD_IN_A_PIECE
                and fact.attribute not in keyed
                and fact.subject == USER
                and not fact.negated
                and _a_value_of_ones_own(fact)
            ):
                found.append(fact)
                keyed.add(fact.attribute)
    return found


def _someone_else_in(pieces: list[str]) -> bool:
    """Whether the pieces before one tell of someone else, whose the next may be: a word
    for a person ("husband's 30", "ex-boyfriend", "friend of mine") or, after the first
    piece, a name ("I'm 26, Sarah's 28, nurse")."""
    words = re.findall(r"[a-z]+", " ".join(pieces).lower())
    named = any(_A_NAME.search(piece) for piece in pieces[1:])
    return named or bool(PERSON_WORDS.intersection(words)) or "mine" in words


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
# What a piece after a comma is read for: where one lives, works and studies, and with
# whom; not an age ("I have 2 brothers, 32 and 28"), a liking ("I work at Deloitte, like
# I told you"), a stay or an ending, which a list of other things says as often.
_TOLD_IN_A_PIECE = frozenset(
    ("home", "job", "employer", "partner", "relationship", "school", "studies")
)


# A comma outside brackets, and a piece after one that tells of someone or something
# else: a verb in the third person, a pronoun, a name or a word for a person first.
_AFTER_A_COMMA = re.compile(r",\s+(?![^()]*\))")
_NOT_THE_USERS_PIECE = re.compile(
    r"^(?:(?:he|she|they|it|his|her|their|its|this|that|who|which|where|the|a|an|in|on|at)\b|"
    r"[a-z]+s\s|(?-i:[A-Z])[a-z]+(?:['’]s)?\s+(?!(?-i:[A-Z])))",
    re.I,
)


def _name_them(facts: list[ExtractedFact], unnamed: Subject, named: Subject) -> None:
    """The facts of ``unnamed`` ("grandma:") re-keyed in place to ``named``
    ("grandma:Dorothy"), their text naming them ("User's grandma Dorothy is 90 …")."""
    for i, fact in enumerate(facts):
        if fact.subject == unnamed.key:
            text = fact.text
            if text.startswith(unnamed.name):
                text = named.name + text[len(unnamed.name) :]
            facts[i] = replace(fact, subject=named.key, text=text)


def _city_beside(facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """The user's new home, with the one city another clause of the same message says
    the user is in ("User lives in Brunswick, Melbourne"); the home said as that city
    alone gives way to it."""
    homes = [
        i
        for i, f in enumerate(facts)
        if f.subject == USER and f.attribute == "home" and f.value and not f.negated
    ]
    if not homes:
        return facts
    home = facts[homes[-1]]
    value = home.value or ""
    cities: list[str] = []
    for fact in facts:
        said = fact.statement
        if fact.negated or not said or fact.attribute == "location":
            continue  # "I no longer live in Boston, …", "I'm in London until Friday"
        found = [m for pattern in _CITY_NOW for m in pattern.finditer(said)]
        if not found or parse_subject(said, None).subject.key not in (USER, NOBODY.key):
            continue  # none, or "my sister just moved to Leeds": hers
        for match in found:
            city = match.group("city")
            if place_rest(city) != "":
                continue  # not a place, or more than one ("Sandy Bay" is no Sandy)
            if city.lower() not in value.lower() and city not in cities:
                cities.append(city)
    if len(cities) != 1:
        return facts  # none, or two ("moved to Leeds in the end, not York")
    city = cities[0]
    at = home.text.find(value)
    if at < 0 or home.valid_from is not None:
        return facts
    end = at + len(value)
    text = f"{home.text[:end]}, {city}{home.text[end:]}"
    merged = replace(home, text=text)
    return [
        merged if f is home else f
        for i, f in enumerate(facts)
        if not (i in homes and f is not home and f.value and f.value.lower() == city.lower())
    ]


# Someone who died: "ray passed away last week", "my husband died in March".
_DIED = re.compile(
    r"^(?:(?:has|have|just|sadly|finally|suddenly|unexpectedly)\s+)*(?:died|passed\s+away)\b"
    # not "died laughing", "died her hair pink", "died on the inside", "just kidding"
    r"(?!\s+(?:laughing|of\s+(?:laughter|embarrassment|shame|boredom|cringe)|inside|on\s+the\s+"
    r"inside|a\s+little|(?:her|his|my|their)\s+hair)\b)(?!.*\b(?:kidding|jk|joking)\b)",
    re.I,
)


def _mourned(parsed: Parsed) -> Parsed:
    """A partner's death as the user's loss, which ends the partner: "ray passed away"
    (remember ends Ray only if Ray is the partner; anyone else's death is words), "my
    husband died" (whoever the partner is)."""
    subject = parsed.subject
    if subject.key in (USER, NOBODY.key) or subject.key.startswith(PRONOUN_PREFIX):
        return parsed
    died = _DIED.match(parsed.predicate)
    if died is None:
        return parsed
    relation, _, name = subject.key.rpartition(":")
    if relation and kin(relation) not in PARTNER_KIN:
        return parsed  # "my dad passed away": no partner of the user's
    rest = parsed.predicate[died.end() :]
    if not name and _LONG_AGO.search(rest):
        return parsed  # "my husband died in 1999", with a wife now: a husband of before
    return Parsed(USER_SUBJECT, (f"widowed by {name}" if name else "widowed") + rest)


# Words said in the first person inside quotes are someone's words, not the user's news:
# "Tom told me "I live in Berlin now"", "proofread this: "My name is John and I work at
# Google"". A quoted name or title ("we call him "Sir Barks"") is no such speech.
_QUOTE = re.compile(r"[\"“”]")
_FIRST_PERSON_SAID = re.compile(r"\b(?:I|I'm|I've|I'll|I'd|my|me|we|we're|our)\b", re.I)
_QUOTE_MARK = "qxquote{}qx"  # a word no rule reads


def _quotes_aside(content: str) -> tuple[str, list[str]]:
    """``content`` with each quoted speech replaced by a mark, and the speeches."""
    quoted: list[str] = []

    def aside(speech: str) -> str:
        quoted.append(speech)
        return _QUOTE_MARK.format(len(quoted) - 1)

    if ('"' not in content and "“" not in content) or "qxquote" in content.lower():
        return content, quoted  # (a mark typed as such is words, never a quote's place)
    # not an inch mark: "i'm 5'10\"", "a 55\" TV"
    marks = [
        m.start()
        for m in _QUOTE.finditer(content)
        if not content[m.start() - 1 : m.start()].isdigit()
    ]
    # Quotes in pairs, the first with the second, the third with the fourth: not the
    # words between two pairs ("watched "Dune". I moved to Austin. my "boss" is weird").
    out, at = [], 0
    for start, end in zip(marks[::2], marks[1::2]):
        speech = content[start : end + 1]
        if _FIRST_PERSON_SAID.search(speech[1:-1]):
            out += [content[at:start], aside(speech)]
            at = end + 1
    return "".join(out) + content[at:], quoted


def _quotes_back(fact: ExtractedFact, quoted: list[str]) -> ExtractedFact:
    """``fact`` with the quoted speeches set aside put back in its words."""
    if not quoted or "qxquote" not in fact.text + fact.statement + (fact.value or ""):
        return fact

    def back(text: str) -> str:
        return re.sub(r"qxquote(\d+)qx", lambda m: quoted[int(m.group(1))], text, flags=re.I)

    value = back(fact.value) if fact.value else fact.value
    # finish() again: a speech put back may take the text past the length it was cut to
    text = finish(back(fact.text))
    return replace(fact, text=text, statement=back(fact.statement), value=value)


# A pet's name said in the clause after it: "she's called Miso", "named him Biscuit".
_PET_NAMED = re.compile(
    r"^(?:and\s+|so\s+)?(?:(?:she|he|it|they)(?:['’]s|\s+is|\s+was|\s+are)\s+(?:called|named)|"
    r"(?:we\s+|i\s+)?(?:named|called)\s+(?:her|him|it|them)|(?:her|his|its|their)\s+name(?:['’]s|\s+is)|"
    r"(?:we['’]re\s+|i['’]m\s+|we\s+are\s+|i\s+am\s+)?(?:calling|naming)\s+(?:her|him|it|them))"
    r"\s+(?P<name>(?-i:[A-Z])[\w-]+)\s*[.!]*$",
    re.I,
)


# "it's Guimarães not Braga", "I meant Izmir, not Bursa", "her name's Isla, not Isabel": a
# name said wrongly before; "sorry, almonds not walnuts": any word, said as a correction.
_WORD = r"[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?"
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


def _correction(sentence: str) -> Optional[tuple[int, str, str]]:
    """(where it ends, the right word, the wrong one) of a correction ``sentence`` opens
    with or holds, if its words are values."""
    found = _CORRECTION.search(sentence)
    if found is None:
        return None
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
    if found is None:
        return None
    new, old = found.group("new") or found.group("new2"), found.group("old") or found.group("old2")
    words = set(tokens(f"{new} {old}"))
    if _NOT_CORRECTED & words or words & _NOT_PUT_RIGHT or old.lower().endswith("ing"):
        return None  # "not really", "not gonna lie", "not complaining"
    if new.casefold() == old.casefold():
        return None  # "0 not 0": nothing put right
    return new, old


# Words after "not" that remark, not correct: "not really", "not sure", "not anymore".
_NOT_PUT_RIGHT = frozenset(
    """really sure yet anymore much exactly quite even always all just only so too that very
    now again ever because since like bad great good fun gonna lie kidding joking""".split()  # noqa: SIM905
)


_CHILD_WORDS = frozenset(word for word, kind in RELATIONS.items() if kind == "children")
_STARTED_AT = re.compile(r"\bstart(?:ed|s|ing)?\s+at\b", re.I)
# Where one is at that is one's home: "at my new flat in Leeds".
_AT_HOME = re.compile(r"^(?:my|our)\s+(?:new\s+)?(?:flat|house|home|place|apartment)\b", re.I)
_PLACE_IN = re.compile(r"\bin\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)")


# A parting reads best in its own words: "Tom and User split up", "User broke up with Tom".
_ENDED_AS_SAID = frozenset(("partner",))


def _as_home(key: Key, predicate: str) -> Optional[Key]:
    """Whereabouts said without an end, as a home: "Madrid"; "a flatshare in Stratford".
    Never where one is *at* ("I'm at Google now", "at the Hilton in Paris"): a
    workplace, a venue or a school as often as a home, so the clause stays plain."""
    at = re.search(r"\bat\s+" + re.escape(key.value), predicate, re.I)
    if at and not _AT_HOME.match(key.value):
        return None
    place = key.value if key.value[:1].isupper() else None
    inside = _PLACE_IN.search(key.value)
    place = inside.group(1) if inside else place
    return Key("home", place, key.negated, key.type) if place else None


def _facts_of(
    clause: str,
    sentence: str,
    parsed: Parsed,
    said: datetime,
    until: Optional[datetime],
    condition: bool,
) -> list[ExtractedFact]:
    subject = parsed.subject
    # "in Inverness sat-mon": no one sat; "being sent to Tokyo next week": no past either
    span = day_span(clause, said)
    unspanned = clause if span is None else clause[: span.where[0]] + clause[span.where[1] :]
    past = has_past_verb(lower_words(_SENT_TO.sub(" ", unspanned)))
    # A date dates what happened, not what will ("I start at Square Enix on Monday").
    valid_from = became_true(clause, said, past)
    # A day to come plans what the clause says of a single-valued key ("I start at
    # Google on Monday", "we're moving to Izmir in June"): it holds from that day.
    start = None if past else starts(clause, said)
    # "in Lisbon in February", said in February: a stay until its end, not a home
    this_month = None if past or start is not None else month_under_way(clause, said)
    facts: list[ExtractedFact] = []
    relations = [] if parsed.relation is None else [parsed.relation]
    twos = named_in_twos(clause) if parsed.relation is not None else []
    if twos:
        relations = twos  # "my kids Ella and Sam": the second is the user's too
    if subject.key == USER:
        told = mentioned_relations(parsed.predicate, sentence)
        relations += [r for r in told if r not in relations]
    for kind, word, name in relations:
        facts.append(
            ExtractedFact(
                text=_RELATION_TEXT.format(s=SUBJECT, rel=word, v=name),
                statement=clause,
                attribute=kind,
                value=name,
            )
        )
    pet = pet_named(parsed.predicate) if subject is NOBODY and not condition else None
    if pet:  # "My dog Max is 7 years old": the user has Max; the rest is said of Max
        fact = Key("pets", pet, False, FACT)
        facts.append(
            ExtractedFact(
                text=finish(sentence_of(USER_SUBJECT, fact)),
                statement=clause,
                attribute="pets",
                value=pet,
            )
        )
    # "If it's tea from now on, I'll cry": a condition states nothing; nor does what the
    # user thinks or heard of someone else ("I think Tom moved to Paris").
    stated = subject is not NOBODY and not condition and not _UNSURE_OF.match(parsed.predicate)
    # "stress. don't judge", "don't laugh": told to the listener, not said of the user
    stated = stated and not _TOLD_TO_LISTENER.match(clause) and not _CHILDHOOD.search(clause)
    if stated and subject.key != USER and _SAYS_OF_THE_USER.match(parsed.predicate):
        # "my boss said I'm getting promoted", "my boyfriend thinks I'm lactose
        # intolerant": what someone says of the user, neither theirs nor (yet) the user's
        stated = False
    predicate = parsed.predicate
    if stated and subject.key == USER and _REPORTED.match(predicate):
        # "I doubt Tom knows I moved to Leeds": only what the user says of themself
        own = _OWN_NEWS.search(predicate)
        stated = own is not None
        predicate = parse_subject(own.group(0), None).predicate if own else predicate
    keys = keys_of(predicate, sentence) if stated else []
    if twos:
        # no value is the second one's name ("my brothers Raj and Dev": no job "Dev")
        keys = [k for k in keys if not (k.value and twos[1][2] in k.value)]
    if subject.key.split(":")[0] in _CHILD_WORDS and _STARTED_AT.search(predicate):
        # "my son started at Leeds Grammar": a school, as "starts at Oakfield Primary" is
        keys = [
            Key("school", k.value, k.negated, k.type) if k.attribute == "employer" else k
            for k in keys
        ]
    # "in Kumasi Monday to Wednesday": a stay in a place named, for those days; not a
    # routine, nor work's days ("I'm in Leeds, working Monday to Friday")
    places = [
        k.value
        for k in keys
        if k.attribute == "location" and k.value.removeprefix("the ")[:1].isupper()
    ]
    if (
        span is not None
        and not past
        and places
        and not _A_ROUTINE.search(clause)
        and not _WORK_DAYS.search(clause, 0, span.where[0])
        and not _another_place_between(clause, places[0], span)
    ):
        start, until = _stay_in(span, start, until, said)
    later = _put_off(keys, clause, said) if until is not None else None
    if later is not None:
        # "won't move to Leith until March", "not joining Globex till January now": a plan
        # for that day, not a denial
        keys = [
            Key(k.attribute, k.value, False, k.type) if k.negated and k.value else k for k in keys
        ]
        start, until = later, None  # "until March" is when it begins, not when it ends
    # a trip called off is the user's only when the user or the trip says it ("my ex
    # cancelled tokyo" is the ex's)
    users = stated or (subject is NOBODY and _THE_TRIP_OPENS.match(clause) is not None)
    keys, called_off = _plans(keys, predicate, clause, start, later is not None, users)
    while_ = lasts(clause, said)
    if _NOT_TO_BE.search(predicate):
        # "I'm not going to be in Leeds next week": no stay, and no end of one now
        keys = [k for k in keys if not (k.attribute == "location" and k.negated)]
    if _AWAY_IN.match(predicate) and _NO_TRIP.search(clause):
        # "down in Brighton every weekend", "over in Dublin a lot": neither home nor stay
        keys = [k for k in keys if k.attribute not in ("home", "location")]
    trip = _A_TRIP.match(predicate) is not None
    if trip and ((until is None and start is None and while_ is None) or _NO_TRIP.search(clause)):
        # "going to Oslo over Easter": a trip whose time the rules do not read, or one
        # that is a routine, past, a move or unsure, is not a stay from now on
        keys = [k for k in keys if k.attribute != "location"]
    being_away = until is not None and (
        _BEING_IN.match(parsed.predicate) is not None
        or (_BASED_IN.match(parsed.predicate) is not None and expiry(clause, said) is not None)
    )
    seasonal = _A_SEASON.search(parsed.predicate) is not None
    if (while_ is not None or being_away or seasonal) and _SETTLED.search(parsed.predicate) is None:
        # "I'm living in Porto for a month": a stay there, not a new home; so are "I'm in
        # Kyoto right now, back on the 9th" and "living in Denver for the holidays"
        keys = [
            Key("location", k.value, k.negated, k.type) if k.attribute == "home" else k
            for k in keys
        ]
    if any(k.attribute == "home" for k in keys):
        # "I'm in Leeds now": one place, a home, not a stay as well
        keys = [k for k in keys if k.attribute != "location"]
    stay = until is not None or start is not None or _STAY.search(parsed.predicate) is not None
    # An end said, even one not read ("until the cows come home"), or a while ("for the
    # next two weeks"), is a stay's, not a home's.
    stay = stay or while_ is not None or _AN_END_SAID.search(parsed.predicate) is not None
    stay = stay or this_month is not None
    stay = stay and _SETTLED.search(parsed.predicate) is None
    if not stay and any(k.attribute == "location" for k in keys):
        # Whereabouts without an end are where one lives, said loosely ("my sister is in
        # Madrid"); a stay has an end ("until Sunday") or a reason ("for work", "at a
        # conference in Lisbon").
        homes = [
            _as_home(k, parsed.predicate)
            if k.attribute == "location" and k.value and k.value != called_off
            else k
            for k in keys
        ]  # (an ending is no whereabouts: "flew home early" ends the stay; nor a trip off)
        keys = [k for k in homes if k is not None]
    for key in keys:
        if not key.value:
            continue  # an ending: told after the facts, in the words it was said in
        listed = sum(k.attribute == key.attribute for k in keys) > 1
        # a trip's first day, said apart from it or not ("going to Enugu for Christmas,
        # from 20 Dec till 2 Jan")
        planned = start if trip and key.attribute == "location" else _planned(key, start, clause)
        if (
            planned
            and key.attribute == "location"
            and _another_place_between(clause, key.value, planned)
        ):
            planned = None  # "in Leeds till Friday, then London on Saturday": London's day
        if planned and until is not None and until < planned.at:
            # an end or a return the trip's own clause says ("on Monday, back Thursday")
            # (a stay's own too: "I'm in Lisbon next week till Friday")
            its_own = trip or (key.attribute == "location" and start_before_end(clause, planned))
            own_end = expiry(clause, said) if its_own else None
            back = back_on(clause, said) if trip else None
            ahead = (planned.at.date() - said.date()).days
            soon = ahead < 7 or (ahead == 7 and _NEXT_SAID.search(clause) is not None)
            if back == until and back is not None and back + _A_DAY > planned.at:
                until += _A_DAY  # "on Thursday and back Thursday night": that day
            elif own_end == until and own_end is not None and planned.at - until < _A_WEEK and soon:
                until += _A_WEEK  # "on Monday, back Thursday": the Thursday after it
            elif trip and (soon or own_end is None):
                # another stop's end: "in Leeds until Thursday, flying to Rome on Friday",
                # "going to Lagos next week then Abuja for the weekend"
                until = None
            else:
                planned = None  # "in Leeds from Monday until Friday", said on a Monday: begun
        # what another value of the clause says is that fact's ("a banker with GTBank,
        # resident in Abuja": a fact of its own)
        others = frozenset(w for k in keys if k is not key and k.value for w in content_of(k.value))
        detail = "" if listed or planned else detail_of(parsed.predicate, key, said, others)
        ends = until or while_ or (this_month if key.attribute == "location" else None)
        if key.attribute != "location" and ends is not None:
            # A fact other than a stay ends only by what is said beside its value
            piece = _piece_of(clause, key.value)
            ends = (until and expiry(piece, said)) or (while_ and lasts(piece, said))
            if key.attribute == "home" and not while_ and not end_said(piece):
                ends = None  # "back home in Lyon tonight": when the home is, not its end
            if ends is not None and ends.date() == said.date() and _BEGUN_TODAY.search(piece):
                ends = None  # "first day at Feedzai today": when the job began
            if key.negated:
                ends = None  # "quit my job at Acme today": an end said, which never ends
        plainly = (
            key.negated and _PLAIN_NOT.search(clause) is not None and not _AN_END.search(clause)
        )
        text = finish(sentence_of(subject, key, plainly) + detail)
        if plainly and _DID_NOT.search(clause):
            text = text.replace(" does not ", " did not ", 1)  # "I didn't go to college"
        off = key.negated and (key.value == called_off or _AFTER_ALL.search(clause) is not None)
        if off or (key.negated and key.attribute in _ENDED_AS_SAID):
            # "User is not moving to Izmir after all", "Tom and User split up"
            text = _as_said(subject, clause, parsed)
        elif planned and key.attribute == "home" and " lives in " in text:
            # "User moves to Izmir in June 2027": a move to come, found by "am I moving?"
            on_a_day = planned.label[:1].isdigit() and " " in planned.label  # not "2027"
            when = ("on " if on_a_day else "in ") + planned.label
            text = finish(text.replace(" lives in ", " moves to ", 1) + " " + when)
        elif planned:
            text = finish(text + " from " + planned.label)
        if planned:
            if key.attribute == "location":  # "in Leeds on Monday", "next week": that time,
                # or as long as said from that day ("flying to Tokyo on Friday for a week")
                while_on = lasts(clause, planned.at)  # "tomorrow for 10 days": the longer
                said_ends = [day for day in (until, while_on) if day is not None]
                ends = max(said_ends) if said_ends else datetime.combine(planned.last, END_OF_DAY)
            elif until == planned.at.replace(hour=23, minute=59, second=59):
                ends = None  # "I start at Globex tomorrow": from then on, not for the day
        if key.attribute == "location" and ends is not None and ends < said and not past:
            # "I'm in Amsterdam 17-19 Nov" said on the 20th, "in Lisbon for 2 weeks from
            # December 3" on the 31st: a stay gone by, no whereabouts now; said as it was
            facts.append(ExtractedFact(_as_said(subject, clause, parsed), classify(clause), clause))
            continue
        facts.append(
            ExtractedFact(
                text=text,
                type=key.type if attribute(key.attribute) else FACT,
                statement=clause,
                # "the Tokyo trip is cancelled": the user's trip, though the clause names none
                subject=USER if off and subject is NOBODY else subject.key,
                attribute=key.attribute,
                value=key.value,
                negated=key.negated,
                valid_from=planned.at if planned else valid_from,
                expires_at=None if past or key.attribute in _LASTING else ends,
                calls_off=off,
            )
        )
    ended = [key.attribute for key in keys if not key.value]
    if len(ended) < len(keys) or (parsed.relation is not None and not parsed.predicate.strip()):
        return facts
    kind = classify(clause)
    text = _as_said(subject, clause, parsed)
    if text and ended:
        # "User resigned today": a denial of whatever the key holds, in the words said.
        off = called_off == ""  # "the move's off": any plan of the home, the user's
        facts += [
            ExtractedFact(
                text=text,
                type=kind,
                statement=clause,
                subject=USER if off and subject is NOBODY else subject.key,
                attribute=name,
                negated=True,
                valid_from=valid_from,
                calls_off=off,
            )
            for name in ended
        ]
    elif text:
        facts.append(
            ExtractedFact(
                text=text,
                type=kind,
                statement=clause,
                valid_from=valid_from,
                expires_at=None if kind == EPISODE or past else until,
            )
        )
    return facts


def _as_said(subject: Subject, clause: str, parsed: Parsed) -> str:
    """A clause as a plain memory: its words, in the third person."""
    if subject.key == USER and _verb_first(clause):
        # "Resigned today", typed short: "User resigned today", "User starts in April".
        return finish(third_person("I " + clause[:1].lower() + clause[1:]))
    if subject.key in (USER, NOBODY.key):
        return finish(third_person(clause))
    said = third_person(parsed.predicate)
    # "Mia's 8th birthday party was Saturday": a thing of theirs, no space before "'s"
    between = "" if said.startswith("'s") else " "
    return finish(f"{subject.name}{between}{said}")


def _put_off(keys: list[Key], clause: str, said: datetime) -> Optional[Start]:
    """The day a denied value is put off to ("not … until March"), if it names one."""
    denied = any(k.negated and k.value for k in keys) or _DENIED.search(clause) is not None
    if not keys or not denied or not _AN_END_SAID.search(clause):
        return None
    return starts(_AN_END_SAID.sub("from", clause), said)


def _plans(
    keys: list[Key],
    predicate: str,
    clause: str,
    start: Optional[Start],
    denied_ok: bool = False,
    own: bool = True,
) -> tuple[list[Key], Optional[str]]:
    """The keys of a clause that may plan something, and the home a move called off names.

    A move said in the present ("we're moving to X") is keyed only as the subject's own
    ("my parents are moving…" is theirs, not said of the user), with a day to come, not
    hedged ("might", "if the visa comes through") and with no comma between the place
    and the day; denied ("we're not moving to Izmir after all"), it calls the plan off.
    Any other value said of a day to come is no plan when hedged or denied before it ("I
    won't be joining Globex next month"): a plain memory, not the value now either."""
    off = _MOVE_OFF.match(predicate)
    where = off and (off.group("where") or off.group("whither"))
    if where and where.lower() not in _MOVES and place_rest(where) != "":
        off = None  # "the chess move was called off"
    if off and not any(k.attribute == "home" for k in keys):
        # "we're not moving after all", "the move's off": whichever move was planned;
        # "the portland move is off": the move to Portland
        named = where[:1].upper() + where[1:] if where and where.lower() not in _MOVES else ""
        return [*keys, Key("home", named, True, FACT)], named
    trip = _TRIP_OFF.match(predicate) if own else None
    if trip and (_NOT_CALLED_OFF.search(predicate, 0, trip.end()) or _LONG_AGO.search(predicate)):
        trip = None  # "we might have to cancel tokyo", "didn't cancel tokyo", "…last year"
    place = trip and next(p for p in trip.groups() if p)
    if place and place_rest(place) == "":
        # "had to cancel tokyo", "the Tokyo trip is off", "not going to Tokyo anymore":
        # the stay planned there is called off (remember retires it, if one waits)
        kept = [k for k in keys if k.attribute not in ("location", "home")]
        return [*kept, Key("location", place, True, FACT)], place
    moving = re.search(PLANNED_MOVE, predicate, re.I)
    if (
        moving
        and (
            (
                _ENDED_UP.search(predicate, 0, moving.start())
                and a_place(predicate[moving.end() :])
                and not _LONG_AGO_MOVE.search(predicate, moving.end())
            )
            or ((since := _SINCE_THE_MOVE.match(predicate)) and a_place(since.group("v")))
        )
        and not HEDGED.search(predicate)
        and not HEDGED_BEFORE.search(predicate, 0, moving.start())
    ):
        moving = None  # "we ended up moving to Tampa", "since the move to Boise": moved
    homes = [k for k in keys if k.attribute == "home"] if moving else []
    if moving:
        keys = [k for k in keys if k.attribute != "home"]
    if homes and _OWN_MOVE.match(predicate):
        head = predicate[: moving.start()] if moving else ""
        if not denied_ok and (homes[0].negated or _DENIED.search(head)):
            return [*keys, Key("home", homes[0].value, True, FACT)], homes[0].value
        if start is not None and _planned(homes[0], start, clause):
            keys.append(homes[0])
    if start is not None:
        keys = [
            k for k in keys if not (_planned(k, start, clause) and _unsure(k, predicate, denied_ok))
        ]
    return keys, None


# A move made, said before its words: "we ended up moving to…" (not "we'll have ended
# up…"), or before the user's news since (keys.SINCE_THE_MOVE).
_ENDED_UP = re.compile(r"(?<!\bhave\s)\bended\s+up\s+$", re.I)
_LONG_AGO_MOVE = re.compile(r"\b(?:(?:19|20)\d\d|ago|back\s+in)\b", re.I)
_SINCE_THE_MOVE = re.compile(SINCE_THE_MOVE, re.I)


def _unsure(key: Key, predicate: str, denied_ok: bool = False) -> bool:
    """Whether a value planned for a day is hedged ("if the visa comes through" anywhere;
    "might", "thinking of" before it) or denied before it, within its comma's reach
    (``denied_ok``: a denial that puts it off to the day)."""
    if HEDGED.search(predicate):
        return True
    at = predicate.lower().find(key.value.lower())
    head = predicate[: at if at >= 0 else len(predicate)]
    denied = not denied_ok and _DENIED.search(head.split(",")[-1]) is not None
    return bool(HEDGED_BEFORE.search(head)) or denied


# A move called off without its place: "we're not moving after all", "the move's off",
# "the portland move is off" (a word before "move" only a place or a kind of move: not
# "the chess move"), "the move fell through", "decided not to move", "we're staying put
# after all".
_MOVE_OFF = re.compile(
    r"^(?!.*\buntil\b)(?:.*\b(?:not|n't|no longer)\s+(?:moving|relocating)"
    r"(?:\s+(?:house|anywhere|out|away|abroad|home))?(?=\s*(?:after all|anymore|any more)\b)|"
    r".*\b(?:the|our|my)\s+(?:(?P<where>[\w-]+)\s+)?move(?:'s|\s+is|\s+has|\s+was)\s+(?:been\s+)?"
    r"(?:off|cancell?ed|called off|"
    r"fallen through)\b|.*\b(?:the|our|my)\s+(?:(?P<whither>[\w-]+)\s+)?move\s+fell\s+through|"
    r".*\b(?:cancell?ed|called off)\s+(?:the|our|my)\s+move\b|"
    r".*\bdecided\s+(?:not\s+to\s+move|against\s+moving)\b|"
    r".*\bstaying\s+(?:put|in\s+(?-i:[A-Z])\S*)\s+after all)",
    re.I,
)
# A trip called off, by its place: "had to cancel tokyo", "cancelled our trip to Rome",
# "the Tokyo trip is cancelled", "not going to Tokyo anymore".
_TRIP_PLACE = r"((?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)?|[a-z][\w-]+)"
_TRIP_OFF = re.compile(
    r"^(?:.*\b(?:cancell?ed|cancel|called\s+off|scrapped|scrap)\s+(?:the\s+|our\s+|my\s+)?"
    r"(?:(?:trip|holiday|vacation|flight|flights)\s+to\s+)?"
    + _TRIP_PLACE
    + r"(?:\s+(?:trip|holiday|"
    r"vacation|flights?))?(?=\s*(?:$|[,.!;]|because|bc|cos|since|due|after|now|lol)\b|\s*$)|"
    r"(?:(?:the|our|my)\s+)?"
    + _TRIP_PLACE
    + r"\s+(?:trip|holiday|vacation)\s+(?:is|was|has\s+been|"
    r"got)\s+(?:now\s+|officially\s+)?(?:cancell?ed|off|called\s+off|scrapped)\b|"
    r".*\b(?:not|n't|no\s+longer)\s+(?:going|flying|heading|travell?ing)\s+to\s+"
    + _TRIP_PLACE
    + r"\b(?=.*\b(?:anymore|any\s+more|after\s+all)\b))",
    re.I,
)
# What a request names of the user's, kept: who ("for my boyfriend Tom"), a pet, a number.
_NAMED_IN_A_REQUEST = RELATION_ATTRIBUTES | {"pets", "phone"}
_THE_TRIP_OPENS = re.compile(
    r"^(?:the\s+|our\s+|my\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:trip|holiday|vacation)\b", re.I
)
_NOT_CALLED_OFF = re.compile(
    r"\b(?:might|may|could|would|should|if|unless|maybe|probably|thinking|considering|"
    r"didn't|did\s+not|won't|will\s+not|not\s+cancel\w*|never)\b",
    re.I,
)
_LONG_AGO = re.compile(r"\b(?:years\s+ago|a\s+year\s+ago|last\s+year|(?:19|20)\d\d)\b", re.I)
_MOVES = frozenset(("big", "house", "whole", "planned", "interstate", "overseas", "international"))
_AFTER_ALL = re.compile(r"\bafter all\b(?!\s+\w)", re.I)  # not "after all, it was…"
# A move the clause's own subject makes: "(we) are (not) moving to…", after a heading.
_OWN_MOVE = re.compile(
    r"^(?:[^,:]*:\s*)?(?:(?:i|we)\b\s*)?(?:(?:am|are|is|'m|'re|'s|will|'ll|be|shall|going to|"
    r"gonna|planning to|plan to|about to|set to|due to|"
    r"not|n't|never|no longer|isn't|aren't|won't|wont|also|finally|officially|actually|"
    r"now|all|both|then|just|soon|definitely|still|really|so)\s*)*" + PLANNED_MOVE,
    re.I,
)
# Words that say a thing to come will not be: "won't move", "can't start", "not joining".
_DENIED = re.compile(
    r"\b(?:not|never|no longer|won't|wont|will not|can't(?! wait)|cannot|can not|couldn't|"
    r"wouldn't|isn't|aren't|ain't)\b|n't\b(?<!can't)",
    re.I,
)


def _planned(key: Key, start: Optional[Start], clause: str) -> Optional[Start]:
    """The day a key's value starts to hold, for a value of a single-valued key said of
    a day to come, the day and the value with no comma between them ("I'm 29, 30 in
    March": 29 holds now); None for the rest (a denial, a list, a value already true)."""
    spec = attribute(key.attribute)
    if start is None or key.negated or spec is None or not spec.single:
        return None
    if key.attribute == "birthday":
        return None  # "Mum's birthday is on Sunday": the day is the value
    at = clause.lower().find(key.value.lower())
    if at < 0:
        return start  # a value in other words than said ("vegetarian" for "no meat")
    if at < start.where[0]:
        between = clause[at + len(key.value) : start.where[0]]
    elif not clause[: start.where[0]].strip():
        return start  # the day opens the clause: "On Monday, I start at Globex"
    else:
        between = clause[start.where[1] : at]
    return None if re.search(r"[,;:]", between) else start


# A first day said on its own after what it is the first day of: "hired as a pharmacist,
# starting in September", "got a job at Google!! I start Monday".
_STARTING = re.compile(
    r"^(?:(?:and|so)\s+)?(?:I\s+|I'm\s+|I\s+am\s+)?(?:start|starts|starting|begin|beginning)\b",
    re.I,
)
# What may follow the day ("starting Jan 5", "starting Monday, finally!!"), no more.
_ONLY_THE_DAY = re.compile(
    r"(?:[\s,.!]|\d{1,4}(?:st|nd|rd|th)?\b|(?:of|the|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\b|(?:lol|yay|woo+|finally|so\s+excited|excited|can'?t\s+wait|nervous)\b|[🎉🥳🙌😬]+)*",
    re.I,
)
# What holds from a first day: a job, an employer, a school.
_BEGUN = frozenset(("job", "employer", "school", "studies"))
# … told as news, not as what holds already ("I'm a nurse", "I work at Acme").
_NEWLY = re.compile(
    r"\b(?:got|gotten|getting|hired|joined|joining|accepted|accepting|landed|offered|offer|"
    r"poached|signed|transferred|promoted|enrolled|admitted|new\s+(?:job|role|position|post|gig)|"
    r"start(?:s|ed|ing)?\s+(?:at|with)|day\s+one|first\s+(?:day|week|month))\b",
    re.I,
)


def _begun_then(clause: str, facts: list[ExtractedFact], since: int, said: datetime) -> bool:
    """Whether ``clause`` says only the first day of a job or school the clause before
    told as news (``facts[since:]``: the facts of the last clause that told any); if so,
    those facts hold from that day. Not "I'm a nurse and I'm moving to Leeds, starting
    in January" (the move's), nor "I work at Google. starting tomorrow"."""
    opening = _STARTING.match(clause)
    if opening is None:
        return False
    # "I start Monday" is read as "starting Monday" is
    said_as = "starting " + clause[opening.end() :].lstrip()
    start = starts(said_as, said)
    if start is None or start.where[0] > len("starting ") or start.where[1] < len("starting "):
        return False
    if _ONLY_THE_DAY.fullmatch(said_as[start.where[1] :]) is None:
        return False  # "starting Monday at the new site": more than the day
    if not any(_NEWLY.search(f.statement) for f in facts[since:]):
        return False  # "I'm a nurse, starting in May": what holds already
    begun = [
        i
        for i in range(since, len(facts))
        if facts[i].attribute in _BEGUN
        and facts[i].value
        and not facts[i].negated
        and facts[i].valid_from is None
    ]
    for i in begun:
        fact = facts[i]
        facts[i] = replace(
            fact,
            text=finish(f"{fact.text} from {start.label}"),
            statement=f"{fact.statement}, {clause}",
            valid_from=start.at,
        )
    return bool(begun)


# Someone else's new work, then a fragment of it: "Tom got promoted. Manager now." Not a
# departure ("My boss quit. Acting manager now!" is the user's new role), nor one hiring
# ("My cousin hired a nanny").
_THEIR_NEW_WORK = re.compile(
    r"\b(?:promoted|(?:a|the)\s+promotion|got\s+(?:a|the|his|her|their)\s+(?:new\s+|first\s+)?"
    r"(?:job|role|position)|new\s+(?:job|role|position)|first\s+job|switched\s+jobs|"
    r"changed\s+jobs|career\s+change|(?:got|was|been|is|gets)\s+hired|transferred|"
    r"landed\s+(?:a|the)\s+(?:\w+\s+)?(?:job|role)|got\s+poached)\b",
    re.I,
)
_I_SAID = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|me|we|we're|we've|us)\b", re.I)


def _their_career(
    parsed: Parsed, clause: str, previous: Optional[Subject], before: Optional[Parsed]
) -> Parsed:
    """A fragment with no verb and no "I" right after someone else's new work is theirs:
    "Tom got promoted. Manager now." (Tom is the manager), not the user's job, as a
    fragment alone is. Only when the clause before was theirs (``before``), and not the
    title of whom the user took over from ("Our manager got promoted. Manager now!")."""
    if parsed.subject.key != USER or previous is None or previous.key in (USER, NOBODY.key):
        return parsed
    if before is None or before.subject != previous:
        return parsed
    said = before.predicate
    if not _THEIR_NEW_WORK.search(said) or _I_SAID.search(said):
        return parsed  # "I told Tom I quit. Manager now": the user's
    found = lower_words(clause)
    if _FIRST_PERSON_SAID.search(clause) or any(w in CLAUSE_VERBS for w in found):
        return parsed
    if previous.key.split(":", 1)[0] in found:
        return parsed  # "Our manager got promoted. Manager now!": the user is
    return replace(parsed, subject=previous)


# A stay's length said on its own right after it: "Heading to Zanzibar tomorrow!! 5 days
# of beach", "… here for 4 days", "Flying to Bali on Saturday. Two weeks!!".
_HOW_LONG = re.compile(
    r"^(?:(?:here|there)\s+)?(?:for\s+)?(?P<n>" + COUNT_RE + r")\s+(?P<u>days?|nights?|weeks?)"
    r"(?:\s+(?:of\s+(?:beach|sun|fun|hiking|skiing|surfing|diving|relaxing|relaxation|bliss|"
    r"adventure|sightseeing|exploring|holiday|vacation|rest)|there|away|off|total|in\s+total))?"
    r"\s*[!.]*$",
    re.I,
)


def _lasting(clause: str, facts: list[ExtractedFact], since: int, said: datetime) -> bool:
    """Whether ``clause`` says only how long the stay the clause before told lasts
    (``facts[since:]``: a `location` of the user's with no end said but its first day);
    if so, the stay lasts that long from its first day."""
    match = _HOW_LONG.match(clause.strip())
    if match is None:
        return False
    stays = [
        i
        for i in range(since, len(facts))
        if facts[i].attribute == "location" and facts[i].subject == USER and not facts[i].negated
    ]
    if len(stays) != 1:
        return False
    stay = facts[stays[0]]
    first = stay.valid_from or said
    one_day = datetime.combine(first.date(), END_OF_DAY)
    if stay.expires_at is not None and stay.expires_at != one_day:
        return False  # its end is said already ("till Friday, 2 weeks" is no stay of 2 weeks)
    words = " ".join(match.group("n").lower().split())
    count = count_of(words)
    unit = match.group("u").lower().rstrip("s")
    days = count * (7 if unit == "week" else 1)
    last = first.date() + timedelta(days=days if unit == "night" else days - 1)
    facts[stays[0]] = replace(
        stay,
        statement=f"{stay.statement}, {clause}",
        expires_at=datetime.combine(last, END_OF_DAY),
    )
    return True


# A job's title said on its own, what follows it after a comma: "senior product designer,
# start next month".
_TITLE_FIRST = re.compile(r"^(?P<title>[^,;:]+?)(?:\s+now)?\s*(?:,\s*(?P<rest>.*))?$", re.I)
# What may follow the title: its first day, where it is, how much of it ("Senior PM, based
# in Singapore"); not another of a list or a remark ("manager, total jerk", "dentist,
# then gym", "teacher, my mom, cried").
_AFTER_TITLE = re.compile(
    r"^(?:based|starting|start|starts|from|in|at|remote|hybrid|full[- ]time|part[- ]time|"
    r"permanent|contract|finally|yay|lol)\b",
    re.I,
)
# Words a title does not open with: whose it is, an article ("the CEO, a former teacher,
# is lovely"), a job before ("former teacher, now PM").
_NOT_A_TITLE = frozenset(
    ("my", "our", "his", "her", "their", "i", "we", "he", "she", "they", "the", "a", "an",
     "former", "ex", "retired")
)  # fmt: skip


def _title_after(
    clause: str, facts: list[ExtractedFact], since: int
) -> Optional[tuple[ExtractedFact, str]]:
    """The user's job, when ``clause`` opens with a title alone ("Senior PM, based in
    Singapore") right after the clause that told the user's new employer with no job
    (``facts[since:]``: "Accepted an offer from Grab!!"), and what the clause says after
    it."""
    mine = [f for f in facts[since:] if f.subject == USER and not f.negated]
    joined = [f for f in mine if f.attribute == "employer" and _NEWLY.search(f.statement)]
    if not joined or any(f.attribute == "job" for f in mine):
        return None
    match = _TITLE_FIRST.match(clause)
    if match is None:
        return None
    title, rest = match.group("title").strip(), (match.group("rest") or "").strip()
    found = lower_words(title)
    if not found or len(found) > 4 or not is_occupation(title):
        return None
    if any(w in CLAUSE_VERBS or w in _NOT_A_TITLE for w in found):
        return None  # "nurse friends are the best", "the CEO, a former teacher, …"
    if found[-1].endswith("s") and not found[-1].endswith("ss"):
        return None  # "doctors, nurses, everyone exhausted": who is there
    said_all = all(w in ADVERBS for w in lower_words(rest))  # "Software engineer, finally"
    if not said_all and not _AFTER_TITLE.match(rest):
        return None
    value = title[:1].lower() + title[1:] if title[1:2].islower() else title
    key = Key("job", value, False, FACT)
    job = ExtractedFact(
        finish(sentence_of(USER_SUBJECT, key)), statement=title, attribute="job", value=value
    )
    return job, "" if said_all else rest


# A home said by its noun and where it is, the clause's all: "flat in vračar", "condo in
# Bukit Timah, bigger kitchen finally", "our new flat in Leith!!", "his place in Malasaña".
# Nouns of a home one lives in ("cottage", "room", a bare "studio" are as often a stay or
# work).
_HOME_NOUNS = (
    r"(?:flat|apartment|apt|condo|house|townhouse|maisonette|bedsit|bedsitter|rental|loft|semi|"
    r"new[- ]build|house\s*share|flat\s*share|(?:(?:\d|one|two|three|four|five)[- ]room\s+)?"
    r"(?:hdb|bto)(?:\s+flat)?|self[- ]contain|place|\d\s?br|\d\s?bhk(?:\s+(?:flat|apartment))?|"
    r"(?:\d|one|two|three|four)[- ]?bed(?:room)?(?:\s+(?:flat|house|apartment|condo))?)"
)
_HOME_BY_NOUN = re.compile(
    r"^(?:(?P<whose>his|her|their|[\w-]+'s?|my|our|the|a|an)\s+)?"
    r"(?P<home>(?:(?:new|own|little|tiny|small|big|lovely|cute|cosy|cozy|rented|shared|wee|"
    r"basement|terrace|terraced|semi-detached|detached|studio|council|top[- ]floor|"
    r"ground[- ]floor)\s+){0,3}" + _HOME_NOUNS + r")"
    r"\s+(?P<at>in|on)\s+(?P<v>[^,;:!?()]+?)"
    r"(?:\s+(?:lol|haha|now|finally|at last|it is|lah|leh|sia|mate|yay|innit|omg|wow|ngl|tbh))*"
    r"\s*(?:[!.]+\s*)?"
    r"(?:,\s*(?P<rest>.*))?$",
    re.I,
)
# … or, after the user's move that named no place, where it is alone: "Bought a place!!
# Right on the Huon River", "we got the keys! right by Victoria Park".
_WHERE_ALONE = re.compile(
    r"^(?P<whose>)(?P<home>)(?:(?:right|just|down|up|out)\s+)?(?P<at>in|on|by|near)\s+"
    r"(?P<the>the\s+)?(?P<v>(?-i:[A-Z])[^,;:!?()]*?)"
    r"(?:\s+(?:lol|haha|now|finally|at last|yay|omg))*\s*(?:[!.]+\s*)?(?:,\s*(?P<rest>.*))?$",
    re.I,
)
# Any home said by its noun and where it is: two in a message are a search or a list.
_A_HOME_NOUN = re.compile(r"\b" + _HOME_NOUNS + r"\s+(?:in|on)\b", re.I)
# A move or a purchase of a home that names no place, the user's, said before where the
# home is: "moved in with Lucas", "Kenji and I moved in together", "we got the keys!",
# "just moved", "signed the lease" (not "Tom got the keys", "never moved in with Lucas",
# "we moved to Leeds").
_MOVED_NOWHERE = re.compile(
    r"^(?:(?:i|we|(?:me|[\w-]+)\s+and\s+(?:i|me)|(?:i|me)\s+and\s+[\w-]+)\s+)?"
    r"(?:(?:just|finally|officially|have|'ve|now|also|have\s+finally)\s+)*"
    r"(?:moved\s+in\s+(?:together|with\s+[\w' -]{1,30})|moved(?:\s+(?:house|flat|in))?|"
    r"signed\s+the\s+lease|(?:bought|got|found|rented)\s+(?:a|our|my)\s+(?:(?:first|own|new)\s+)*"
    r"(?:place|house|flat|home|condo|apartment)|got\s+the\s+keys|moving\s+(?:is\s+)?done)"
    r"(?:\s+(?:together|finally|at\s+last|last\s+\w+|this\s+\w+|yesterday|today|on\s+\w+|lol|"
    r"yay))*\s*[!.]*$",
    re.I,
)
# What makes a home said so none, anywhere in the message: a question, a search, a listing
# or a site of them ("viewed a flat in Leith", "Flat on Rightmove"), a home not lived in yet
# ("moving in on Saturday", "keys on Friday", "in escrow"), a home lost or never had
# ("fell through", "passed", "not yet"), a hope, a stay, or a joke.
_NOT_HOME_ANYWHERE = re.compile(
    r"\?|\b(?:view(?:ing|ed|s)?|look(?:ing|ed)?\s+at|saw|for\s+(?:sale|rent)|to\s+(?:rent|let)|"
    r"listings?|listed|on\s+the\s+market|rightmove|zoopla|zillow|gumtree|craigslist|spareroom|"
    r"openrent|marketplace|trulia|redfin|domain|propertyguru|"
    r"moving\s+in|move\s+in|keys\s+(?:on|next|in|tomorrow|soon)|escrow|closing|completion|"
    r"complete\s+on|exchange|tomorrow|soon|next\s+(?:week|month|year)|"
    r"fell\s+through|fall\s+through|no\s+luck|rejected|turned\s+down|passed|not\s+yet|"
    r"didn't\s+get|did\s+not\s+get|kidding|jk|"
    r"hoping|hopefully|fingers\s+crossed|someday|one\s+day|dream|"
    r"airbnb|hotel|hostel|holiday|vacation|trip|for\s+(?:a\s+bit|now|a\s+while)|temporarily)\b",
    re.I,
)
# … and in the home's own clause: a price, a doubt, the past, a while, a second home, or
# whose it is ("my parents'", "a friend's").
_NOT_HOME_HERE = re.compile(
    r"[£$€]|\b(?:pcm|per\s+month|a\s+month|pw|deposit|budget|offers?|maybe|might|if|would|"
    r"could|used\s+to|old|first|back\s+then|ago|years?|memories|loved|missed|miss|gone|sold|"
    r"lost|not|never|every|most|summers?|winters?|rent\s+it\s+out|let\s+it\s+out|down\s+there|"
    r"second|visit(?:ing)?|staying|stay|parents?|mum|mom|dad|friend|ex|"
    r"(?:for|this|the|a|tonight|per)\s+(?:week(?:end)?|night|fortnight)|weekly|nightly)\b",
    re.I,
)
# Whose else a home said so is, outside its own words: "flat in Leith, my brother's",
# "house in Headingley — my son's student house", "new flat in Leith for my daughter".
_SOMEONE_ELSES = re.compile(
    r"\b(?:my|our|his|her|their)\s+(?:[\w-]+\s+)?[\w-]+(?:'s|s')(?!\w)|"
    r"\bfor\s+(?:my|our|his|her|their)\b",
    re.I,
)
# Words inside a place's name: "Stratford upon Avon", "Port of Spain".
_IN_PLACE_NAMES = frozenset(("of", "de", "la", "le", "del", "da", "do", "upon", "on", "am", "an"))
# Where a home is that names no place ("flat in town", "Flat in Zone 2", "Flat in Halls").
_NO_PLACE_WORDS = frozenset(
    (
        *("town", "city", "centre", "center", "halls", "campus", "suburbs", "suburb"),
        *("block", "area", "zone", "building", "village", "countryside", "country"),
        *("estate", "complex", "street", "road", "basement", "uni", "university"),
        *("college", "suburbia", "downtown", "uptown", "midtown", "the"),
    )
)


def _home_by_noun(
    clause: str,
    content: str,
    first: bool,
    facts: list[ExtractedFact],
    since: int,
    said: datetime,
) -> Optional[tuple[ExtractedFact, str]]:
    """The user's home, when ``clause`` is only a home's noun and where it is, said as the
    message's first words ("flat in vračar, 5th floor no elevator lol"), right after the
    user's move or purchase of a home that named no place (``facts[since:]``, those of the
    clause before, or the clause's own words before a comma: "moved in with Lucas, his
    place in Malasaña"), or right after a move to its town ("Moved to Edinburgh! flat in
    Leith", which ``_city_beside`` words "… Leith, Edinburgh"); with what of the clause
    is left to read (the move, or what follows the place and is not its detail: "…,
    started at Skyscanner today"). None for anything else."""
    move, comma, said_so = clause.partition(", ")
    noun, alone = _HOME_BY_NOUN.match(clause), _WHERE_ALONE.match(clause)
    noun_after = _HOME_BY_NOUN.match(said_so) if comma else None
    after = noun_after or (_WHERE_ALONE.match(said_so) if comma else None)
    if not (noun or alone or after):
        return None  # (first, so the message is read whole only for such a clause)
    if _NOT_HOME_ANYWHERE.search(content) or len(_A_HOME_NOUN.findall(content)) > 1:
        return None  # "flat in Leith, flat in Gorgie, house in Portobello": a search
    before = facts[since:]
    town = None
    match: Optional[re.Match[str]]
    told = [f.statement for f in before if _MOVED_NOWHERE.match(f.statement)]
    if after and _MOVED_NOWHERE.match(move):
        # "moved in with Lucas, his place in …"
        clause, left, moved, match = said_so, move, True, after
        told.append(move)
    else:
        left = ""
        # (a move that ends the home held, "just moved house", names no new one)
        moved = bool(told) and not any(f.attribute == "home" and f.value for f in before)
        moved = moved and any(f.subject == USER for f in before if f.statement in told)
        homes = [f for f in before if f.attribute == "home" and f.subject == USER]
        if len(homes) == 1 and not homes[0].negated and homes[0].value:
            town = homes[0].value  # "Moved to Edinburgh! flat in Leith"
        match = noun or (alone if moved else None)
    if match is None or _NOT_HOME_HERE.search(clause):
        return None
    rest = match.group("rest") or ""
    if _SOMEONE_ELSES.search(content.replace(clause, " ")) or _SOMEONE_ELSES.search(rest):
        return None  # "flat in Leith, my brother's"
    whose = (match.group("whose") or "").lower()
    if not (moved or town) and (not first or whose not in ("", "my", "our")):
        return None  # "Tom's flat in Leeds", "the flat in Leith": one spoken of
    if match.group("home").lower().endswith("place") and not moved:
        return None  # "place in Cornwall, lovely views": a stay as often
    at = match.group("at").lower()
    value = _place_of_home(match.group("v").strip(), at)
    if value is not None and not match.group("home") and not _a_place_alone(value):
        return None  # "just moved — on Monday", "in The End lol", "on Cloud Nine"
    if value is not None and not match.group("home"):
        # where alone: "on the Huon River", "near Victoria Park" (as a home near somewhere)
        the = match.group("the") or "" if at != "in" else ""
        value = value if at == "in" else f"{'on' if at == 'on' else 'near'} {the}{value}"
    if value is None:
        return None  # "house on fire", "flat in chaos", "Flat in Town"
    if town is not None and (place_rest(value) is not None or value.casefold() == town.casefold()):
        return None  # "Moved to Leeds! house in York": two homes said, none read
    if town is None and rest and place_rest(rest.strip(" .!")) == "":
        value, rest = f"{value}, {rest.strip(' .!')}", ""  # "flat in Leith, Edinburgh"
    text = f"{SUBJECT} lives {'' if value.startswith(('on ', 'near ')) else 'in '}{value}"
    if match.group("home") and whose in ("", "my", "our", "a", "the"):
        # the home as said: "User lives in a condo in Bukit Timah", "… a flat on Leith Walk"
        home = re.sub(
            r"(?i)\b(hdb|bto|br|bhk)\b", lambda m: m.group(1).upper(), match.group("home")
        )
        home = home[:1].lower() + home[1:] if home[1:2].islower() else home
        home = re.sub(r"(?i)^own\s+", "", home)  # "our own place": theirs, said as "a place"
        sound = home[:3].lower()
        vowel = sound[:1] in "aeiou8" or sound in ("hdb", "11 ", "18 ") or sound[:2] == "11"
        article = "an" if vowel and not sound.startswith(("one", "uni")) else "a"
        text = f"{SUBJECT} lives in {article} {home} {match.group('at').lower()} {value}"
    key = Key("home", value, False, FACT)
    detail = detail_of(clause, key, said, frozenset()) if rest else ""
    if rest and not detail:
        left = f"{left}, {rest}" if left else rest  # "…, started at Skyscanner today"
    # a part of town no list names, the town unsaid: in the town held (the server's); the
    # move's words name a person, not a town ("moved in with Lucas")
    in_town = not _names_a_town(content, value, told)
    fact = ExtractedFact(
        finish(text + detail), statement=clause, attribute="home", value=value, in_town=in_town
    )
    return fact, left


def _place_of_home(value: str, at: str) -> Optional[str]:
    """Where a home is, as said after its noun, if it names a place: words in capitals
    ("Bukit Timah", "Leith Walk", "Port of Spain"), a place the list knows, or one word in
    lower case with a letter beyond a–z ("vračar"); not "fire", "chaos", "Town", "Zone 2"."""
    words = value.split()
    if not words or len(words) > 4 or words[0].casefold() in _NO_PLACE_WORDS:
        return None
    named = words[0][:1].isupper() and all(
        w[:1].isupper() or w.isdigit() or w in _IN_PLACE_NAMES for w in words
    )
    lower = at == "in" and len(words) == 1 and not value.isascii() and value.isalpha()
    return value if named or lower or place_rest(value) == "" else None


# The last word of a name of a place said alone ("the Huon River", "Victoria Park").
_PLACE_KINDS = frozenset(
    (
        *("street", "st", "road", "rd", "avenue", "ave", "lane", "park", "river", "lake"),
        *("beach", "bay", "hill", "hills", "heights", "square", "quay", "quays", "green"),
        *("common", "harbour", "harbor", "village", "estate", "marina", "gardens", "walk"),
        *("row", "crescent", "close", "drive", "way", "terrace", "shore", "coast", "creek"),
        *("canal", "valley", "side"),
    )
)


def _a_place_alone(value: str) -> bool:
    """Whether a where said alone after a move names a place: one the list knows, a name
    ending in a word of places ("Huon River", "Leith Walk"), or one other name that is no
    day, month or season ("Leith"); not "Monday", "March", "Christmas Eve", "Cloud Nine"."""
    words = value.split()
    if words[0].lower() in _NOT_A_PLACE_ALONE:
        return False  # ("March" is a town too)
    return place_rest(value) == "" or words[-1].lower() in _PLACE_KINDS or len(words) == 1


_NOT_A_PLACE_ALONE = frozenset(
    (
        *(m.lower() for m in MONTH_NAMES),
        *WEEKDAYS,
        "christmas",
        "easter",
        "ramadan",
        "diwali",
        "eid",
        "summer",
        "winter",
        "spring",
        "autumn",
        "fall",
        "end",
        "time",
        "heaven",
        "style",
        "love",
        "business",
        "order",
        "top",
        "bottom",
        "front",
        "back",
        "bed",
        "there",
    )
)


# A child of the user's, said beside an age with no subject; and an age a child has.
_A_CHILD_SAID = re.compile(
    r"\b(?:my|our)\s+(?:little\s+|baby\s+|youngest\s+|eldest\s+|oldest\s+)?(?:one|ones|baby|"
    r"son|daughter|boy|girl|kid|kiddo|twins?|man|lady|princess|prince|grandson|granddaughter|"
    r"nephew|niece|bub|bubba)\b",
    re.I,
)
_A_CHILDS_AGE = re.compile(r"^(?:[1-9]|1[0-2])$|\d+\s+(?:weeks?|months?)$")


def _a_childs_age_of_the_user(fact: ExtractedFact) -> bool:
    return (
        fact.subject == USER
        and fact.attribute == "age"
        and _A_CHILDS_AGE.match(fact.value or "") is not None
        and not _SAID_BY_I.match(fact.statement)  # "I'm 12 and my baby sister is 2"
    )


_SAID_BY_I = re.compile(r"(?:i|i'm|im|i\s+am)\b", re.I)
# Someone else's birthday wished or told: "happy bday to my mum", "hbd to our Jess",
# "my dad's birthday today".
_ANOTHERS_BIRTHDAY = re.compile(
    r"\b(?:happy\s+(?:birthday|bday|b-day)|hbd)\s+(?:to\s+)?(?:my|our|the|his|her|(?-i:[A-Z]))|"
    r"\b(?:my|our)\s+[a-z]+['’]s\s+(?:birthday|bday)\b",
    re.I,
)


def _as_words(fact: ExtractedFact) -> ExtractedFact:
    """A keyed fact the message shows is no one's the rules can name, kept as what was
    said: a plain memory of its clause ("Happy birthday to User's mum, 60 today")."""
    return replace(
        fact,
        text=finish(third_person(fact.statement)),
        type=classify(fact.statement),
        attribute=None,
        value=None,
        negated=False,
    )


def _an_age_of_the_user_said_bare(fact: ExtractedFact) -> bool:
    """Whether ``fact`` is an age of the user's read from a number said bare, after the
    birthday wished or on its own ("happy bday to my mum, 60 today", "…! 65 and still
    going strong"; not "just turned 30, same day as my dad's birthday")."""
    if fact.subject != USER or fact.attribute != "age" or _SAID_BY_I.match(fact.statement):
        return False
    wished = _ANOTHERS_BIRTHDAY.search(fact.statement)
    number = re.search(r"\d", fact.statement)
    return number is not None and (
        number.start() == len(fact.statement) - len(fact.statement.lstrip(" \"'(!.,"))
        or (wished is not None and number.start() > wished.start())
    )


def _names_a_town(content: str, value: str, besides: list[str]) -> bool:
    """Whether ``content`` names a place the list knows besides ``value`` and outside the
    words ``besides`` ("flat in Leith, Edinburgh is freezing"): then the home's town is
    not the one held before."""
    for piece in besides:
        content = content.replace(piece, " ")
    return any(place not in value for place in places_in(content))


def _verb_first(clause: str) -> bool:
    """Whether a clause starts with its verb, its subject (the user) left out."""
    found = [w for w in lower_words(clause)[:3] if w not in ADVERBS]
    word = found[0] if found else ""
    if len(found) > 1 and found[1] in _AUXILIARIES:
        return False  # the first word is the subject: "Work has been crazy"
    return (word in CLAUSE_VERBS and word not in _NOT_LEADING) or (
        word.endswith("ed") and len(word) >= 5
    )


_NOT_LEADING = frozenset(("is", "are", "was", "were", "be", "been", "will", "would", "can"))
_AUXILIARIES = _NOT_LEADING | frozenset(("has", "have", "had", "does", "did", "'s"))


# Attributes whose facts a sentence's "this week" does not end: one is not 35 until Sunday.
_LASTING = frozenset(("name", "age", "birthday", "children", "siblings", "mother", "father"))
