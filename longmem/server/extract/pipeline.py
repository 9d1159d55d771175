"""The rules' reading of one message (``extract``), as ``RuleExtractor`` (this package's
``__init__``) describes it: loaded on the first message read, not when the server starts.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from typing import Optional

from ..embed import STOP_WORDS, tokens
from ..facts import (
    EPISODE,
    FACT,
    RELATION_ATTRIBUTES,
    USER,
    WORK_ATTRIBUTES,
    ExtractedFact,
    attribute,
)
from ..timestamps import as_utc
from .ages import others_ages
from .chat import (
    REQUEST,
    fields_said,
    joke_owned_up,
    pasted,
    sentences,
    typed_after,
)
from .detail import content_of, detail_of
from .endings import ended_in_the_next, left_the_job_told, what_ended
from .health import CONDITION_NAMES, SOMEONE_ELSE, VERBLESS_CONDITIONS
from .homes import city_beside, home_by_noun
from .keys import Key, keys_of, load
from .kin import PARTNER_KIN, QUALIFIERS, REL, RELATIONS, WRITTEN_AS, in_law, kin, relation_key
from .leads import LIKE_LEAD, LIKE_SOMEONE_FIRST, WITH_A_NAME
from .lexicon import (
    ADVERBS,
    CLAUSE_VERBS,
    JOB_BEGUN,
    MODALS,
    MONTH_NAMES,
    PET_ANIMAL,
    SETTLED,
    SUBJECT,
    UNRESOLVED_PREFIX,
    WEEKDAY_RE,
    words,
)
from .literals import said_between
from .mine import courted, proposed
from .names import PERSON_WORDS, a_lower_name
from .others import (
    had_relation,
    mentioned_relations,
    named_in_twos,
    names_someone_new,
    names_the_one_before,
    newcomer_of,
    tells_of_another,
    told_of_before,
)
from .plainly import said_plainly
from .plans import dated_plans
from .renamed import names_taken
from .rests import rest_untold
from .retractions import taken_back
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
from .subjects import NOBODY, USER_SUBJECT, Parsed, Subject, parse_subject
from .text import classify, clauses, finish, has_past_verb, lower_words, third_person, verb_first
from .theirs import lower_opener, pet_named
from .timing import LONG_AGO, NEWLY, begun_then, lasting, planned_start, plans, put_off
from .values import is_occupation
from .when import (
    END_OF_DAY,
    back_on,
    became_true,
    day_span,
    end_said,
    expiry,
    lasts,
    month_under_way,
    plain_until,
    start_before_end,
    starts,
)
from .wording import RELATION_TEXT, sentence_of

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


# … or news said anywhere in its sentence: "Today, I'm working at Google - first day!!",
# "… - officially promoted!"
_NEWS_OF_TODAY = re.compile(r"\b(?:" + JOB_BEGUN + r"|contract\s+signed|" + SETTLED + r")\b", re.I)


# … and in a message of its own words: a job begun ("- first day!!", "promoted!"), not
# a night's ("Tonight, my job is babysitter, finally some cash").
_NEWS_OF_A_JOB = re.compile(r"\b(?:" + JOB_BEGUN + r"|contract\s+signed)\b", re.I)
_TONIGHT = re.compile(r"\btonight\b", re.I)


# The most the rules read at once: a clause longer is kept as said. The longest clause of
# the tuning statements has 137 characters; some of the rules' patterns retry a
# run of one word from each of its words ("I study at at at … Oxford"), which this bounds.
MOST_CLAUSE_CHARS = 1000


# Words of someone else in a message: a condition named there with no "I" or "my" of its
# own, opening its clause ("asthma, confirmed", "gout again so…"), may be theirs ("took my
# son to the clinic today. asthma, confirmed. poor boy", "took Leo to the GP. asthma
# again").
_SOMEONE_ELSE_SAID = re.compile(
    r"\b(?:" + SOMEONE_ELSE + r"|he|she|he's|she's|they|child|vet)\b"
    r"|\b(?:took|take|taking|brought|bring|drove|with|for)\s+(?-i:[A-Z][a-z]+)\b",
    re.I,
)
_MINE_SAID = re.compile(r"\b(?:i|i'm|im|i've|ive|me|my)\b", re.I)
_NEWS_OF_A_CONDITION = re.compile(
    r"^(?:(?:my|the)\s+)?(?:"
    + VERBLESS_CONDITIONS
    + r"|"
    + CONDITION_NAMES
    + r"|coeliac|celiac)\b",
    re.I,
)


def _health_of_someone_else(content: str, facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """``facts``, a condition or an allergy of the user's said as news without a verb, "I"
    or "my" ("asthma, confirmed", "gout again so no red meat") kept as words when the rest
    of the message speaks of someone else: whose it is, the message does not say."""
    return [
        ExtractedFact(finish(third_person(f.statement)), classify(f.statement), f.statement)
        if f.subject == USER
        and f.attribute in ("conditions", "allergies")
        and not f.negated
        and f.statement
        and _NEWS_OF_A_CONDITION.match(f.statement)
        and not _MINE_SAID.search(f.statement)
        and _SOMEONE_ELSE_SAID.search(content.replace(f.statement, " "))
        else f
        for f in facts
    ]


_MI = re.compile(
    r"(?:^|(?<=[.!?]\s))(?P<m>M)i\s+(?=(?:" + REL + r")\b)|\b(?P<m2>m)i\s+(?=(?:" + REL + r")\b)"
)


def _my(found: re.Match[str]) -> str:
    return (found.group("m") or found.group("m2")) + "y "


def extract(content: str, observed_at: datetime) -> list[ExtractedFact]:
    """The facts of one message said at ``observed_at`` (``RuleExtractor.extract``)."""
    said = as_utc(observed_at)
    kept, quoted = _quotes_aside(content)
    whose, as_said = fields_said(kept)
    if whose == "theirs" and "\n" in content.strip():
        # "Name: Mike Jones / Phone: …": a form pasted, kept as written; no line of it
        # is read as the user's ("Phone: …" alone would be)
        return [ExtractedFact(finish(content), classify(content), content)]
    content = said_plainly(as_said if whose == "user" else kept)
    content = _MI.sub(_my, content)  # "mi granny lives in St Ann": "my", as Spanish and
    # Jamaican English say it, before a word for a relative
    content, taken = taken_back(content, lambda words: extract(words, observed_at))
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
    told_before = 0  # where in ``facts`` the facts of the sentence read begin
    sentence_before = ""  # the sentence read before, whose facts begin at ``told_before``
    folded = content.lower()  # once per message, not once per sentence and clause
    for sentence in sentences(content):
        found_at = folded.find(sentence[:20].lower(), cursor)
        cursor = found_at if found_at >= 0 else cursor
        until = expiry(sentence, said)
        correction = _correction(sentence, sentence_before)
        if correction is not None:
            end, new, old = correction
            words = sentence[:end]
            text = finish(third_person(words))
            facts.append(ExtractedFact(text, statement=words, value=new, corrects=old))
            # What the sentence says after the correction is said as usual.
            sentence = sentence[end:].strip(" ,;:")
        condition = False  # "If it's Tuesday, I'm in Leeds": the whole sentence
        earlier_at, told_before = told_before, len(facts)
        # whether the sentence ended in "?" as typed: its last piece asks ("I'm 31 and
        # pregnant, ok to eat brie?"), though what it told first stands
        typed = typed_after(content, folded, sentence, cursor)
        asked = typed.lstrip(" \t").startswith("?")
        read = clauses(sentence, PERSON_WORDS, a_lower_name) if sentence else []
        last_clause = read[-1] if read else None
        for clause in read:
            if len(clause) > MOST_CLAUSE_CHARS:
                # a clause no one says (a paste, a dictation run on): kept as said, keying
                # nothing (cut, its negation or subject could fall in another part)
                facts.append(
                    ExtractedFact(
                        finish(third_person(clause)), classify(clause), clause, expires_at=until
                    )
                )
                continue
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
            homed = home_by_noun(clause, content, first, facts, last_told, said)
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
            if begun_then(clause, facts, last_told, said) or lasting(
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
                f.attribute in WORK_ATTRIBUTES
                for f in _facts_of(clause, sentence, theirs, said, until, condition)
            ):
                parsed = theirs  # their work; what else it says stays as said
            last_parsed = parsed
            newcomer = newcomer_of(parsed)
            if (
                newcomer is not None
                and _MET_SOMEONE.search(clause)
                and _NOT_ROMANCE.search(content)
            ):
                # "met someone!! her name is Ana and she's my new landlady": no partner
                newcomer = None
            if parsed.subject.key != USER:
                # "Luca and Giulia are coming…, she's veggie": "she" may be either (not
                # "Willem and his family…, he got a job": Willem)
                two = _two_of_them(clause, parsed, _TWO_NAMED)
                previous = NOBODY if two else parsed.subject
            else:  # "I have a new girlfriend. She's a GP": the girlfriend
                previous = had_relation(parsed.predicate) or previous
            # A clause opened by a lower-case word may turn out someone else's once the
            # server knows the word as a name ("bob turned 31 and i turned 31 too").
            opener = lower_opener(clause) if parsed.subject.key == USER else None
            told = _facts_of(clause, sentence, parsed, said, until, condition)
            if left_the_job_told(parsed, told, facts[told_before:]):
                # "I joined Google in 2019 and left last year": the job just told ended,
                # in the words said ("User left last year")
                ended = Parsed(parsed.subject, "quit" + parsed.predicate[len("left") :])
                told = [
                    replace(f, text=told[0].text, statement=told[0].statement)
                    for f in _facts_of(clause, sentence, ended, said, until, condition)
                ]
            if parsed.subject.key == USER and not condition:
                more = _told_after_a_comma(clause, sentence, told, said, until)
                if more and not any(f.attribute for f in told):
                    # what the clause says beside them is kept as its rest
                    told = []
                told += more
            told += rest_untold(
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
        facts[told_before:] = what_ended(facts[told_before:], sentence)
        if ended_in_the_next(facts[earlier_at:told_before], facts[told_before:]):
            # "Landed a new job at Stripe!! quit on friday": read as one sentence
            facts[earlier_at:] = what_ended(facts[earlier_at:], f"{sentence_before} {sentence}")
        sentence_before = sentence
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
        joke = joke_owned_up(sentence, typed)
        if facts[told_before:] and joke is not None:
            # "I quit my job lol jk", "Moving to Mars. jk": what the joke said, as said
            said_so = f"{sentence}, {joke}" if joke else sentence
            facts[told_before:] = [
                ExtractedFact(finish(third_person(said_so)), classify(said_so), said_so)
            ]
    if _NEWS_OF_A_JOB.search(content) and not _TONIGHT.search(content):
        # "Today, I'm working at Google - first day!!": news of a job begun, not one day's
        # work (the news in a sentence of its own)
        facts = [
            replace(f, expires_at=None)
            if f.attribute in WORK_ATTRIBUTES
            and f.expires_at is not None
            and f.expires_at.date() == said.date()
            else f
            for f in facts
        ]
    # "sorry, I meant Wipro" first, put right before what else the message says is
    # stored; "I got engaged. no wait, that wasn't me" as said, after
    facts = [f for f in taken if f.corrects_last] + facts
    facts += [f for f in taken if not f.corrects_last]
    material = pasted(content)
    if material:  # "RT @jdoe: just moved to LA": kept as written, nobody's key
        facts.append(ExtractedFact(finish(material), classify(material), material))
    facts = others_ages(content, facts)
    facts = _health_of_someone_else(content, facts)
    refused = _NOT_TO_ME.search(content) is not None
    if refused or not _SAID_YES.search(content):
        # "Theo proposed, I said no", "Harry proposed on the beach and Lucy said yes", a
        # proposal with no yes of the user's ("Tom proposed on behalf of the team"): no
        # partner, no engagement of the user's
        facts = _once_each(
            [
                replace(f, text=finish(third_person(f.statement)), attribute=None, value=None)
                if f.attribute in _COURTED
                and (proposed(f.statement) or (refused and courted(f.statement)))
                else f
                for f in facts
            ]
        )
    vegan = {
        f.subject for f in facts if f.attribute == "diet" and f.value == "vegan" and not f.negated
    }
    facts = [
        _quotes_back(f, quoted)
        for f in facts
        # "I'm vegan so I don't eat meat": no meat is said of a vegan already
        if not (f.attribute == "diet" and f.value == "vegetarian" and f.subject in vegan)
    ]
    return city_beside(dated_plans(content, names_taken(content, facts)))


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
        if own_news and (not _SAID_WITH_I.match(piece) or not_now):
            continue  # (no list about oneself: "prep me for a Google interview, L4 SWE")
        if someone_else:
            break  # "writing on behalf of my mum, 82, living in Hull": hers from there on
        if not piece or _NOT_THE_USERS_PIECE.match(piece):
            continue
        # (a piece said with "I" is read as it is said: "I'm a teacher" is "am a teacher")
        parsed = parse_subject(piece, None) if own_news else Parsed(USER_SUBJECT, piece)
        read = _facts_of(piece, sentence, parsed, said, until, False)
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
# What a piece after a comma is read for: where one lives, works and studies, and with
# whom; not an age ("I have 2 brothers, 32 and 28"), a liking ("I work at Deloitte, like
# I told you"), a stay or an ending, which a list of other things says as often.
_TOLD_IN_A_PIECE = frozenset(
    ("home", "job", "employer", "partner", "relationship", "school", "studies")
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


def _name_them(facts: list[ExtractedFact], unnamed: Subject, named: Subject) -> None:
    """The facts of ``unnamed`` ("grandma:") re-keyed in place to ``named``
    ("grandma:Dorothy"), their text naming them ("User's grandma Dorothy is 90 …")."""
    for i, fact in enumerate(facts):
        if fact.subject == unnamed.key:
            text = fact.text
            if text.startswith(unnamed.name):
                text = named.name + text[len(unnamed.name) :]
            facts[i] = replace(fact, subject=named.key, text=text)


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
    if subject.key in (USER, NOBODY.key) or subject.key.startswith(UNRESOLVED_PREFIX):
        return parsed
    died = _DIED.match(parsed.predicate)
    if died is None:
        return parsed
    relation, _, name = subject.key.rpartition(":")
    if relation and kin(relation) not in PARTNER_KIN:
        return parsed  # "my dad passed away": no partner of the user's
    rest = parsed.predicate[died.end() :]
    if not name and LONG_AGO.search(rest):
        return parsed  # "my husband died in 1999", with a wife now: a husband of before
    return Parsed(USER_SUBJECT, (f"widowed by {name}" if name else "widowed") + rest)


# Words said in the first person inside quotes are someone's words, not the user's news:
# "Tom told me "I live in Berlin now"", "proofread this: "My name is John and I work at
# Google"". A quoted name or title ("we call him "Sir Barks"") is no such speech.
_QUOTE = re.compile(r"[\"“”]")
_FIRST_PERSON_SAID = re.compile(r"\b(?:I|I'm|I've|I'll|I'd|my|me|we|we're|our)\b", re.I)
_QUOTE_MARK = "qxquote{}qx"  # a word no rule reads
# Speech in single quotes, after a word that says it was said ("Mum said 'you're allergic
# to hard work'"), to the user or by them: someone's words too. Only so introduced: a
# single quote is also an apostrophe. It closes before anything but a letter.
_SINGLE_QUOTED = re.compile(
    r"\b(?:said|says|say|goes|went|told\s+(?:me|us)|tells\s+(?:me|us)|asked|asks|replied|texted"
    # (at most a long sentence, so an unclosed quote costs a bounded look, and not a word
    # that opens with an apostrophe: "texted 'em", "'til", "'cause")
    r"|wrote)\s*[:,]?\s*(?P<q>['‘](?!(?:em|til|cause|cos|bout|round|n|s)\b)"
    r"(?:[^'‘’]|['’](?=[^\W\d_])){1,300}['’])(?![^\W\d_])",
    re.I,
)
_SPOKEN_TO = re.compile(r"\b(?:I|I'm|I've|I'll|I'd|my|me|we|we're|our|you|you're|your)\b", re.I)


def _quotes_aside(content: str) -> tuple[str, list[str]]:
    """``content`` with each quoted speech replaced by a mark, and the speeches."""
    quoted: list[str] = []

    def aside(speech: str) -> str:
        quoted.append(speech)
        return _QUOTE_MARK.format(len(quoted) - 1)

    if "qxquote" in content.lower():
        return content, quoted  # (a mark typed as such is words, never a quote's place)

    def single(said: re.Match[str]) -> str:
        speech = said.group("q")
        if not _SPOKEN_TO.search(speech[1:-1]):
            return said.group(0)
        return said.group(0)[: said.start("q") - said.start()] + aside(speech)

    content = _SINGLE_QUOTED.sub(single, content)
    if '"' not in content and "“" not in content:
        return content, quoted
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
        # (a speech may hold another, set aside first: "my mum said 'you're my favourite'"
        # in double quotes)
        for _ in quoted:
            if "qxquote" not in text.lower():
                break
            text = re.sub(r"qxquote(\d+)qx", lambda m: quoted[int(m.group(1))], text, flags=re.I)
        return text

    value = back(fact.value) if fact.value else fact.value
    # finish() again: a speech put back may take the text past the length it was cut to
    text = finish(back(fact.text))
    return replace(fact, text=text, statement=back(fact.statement), value=value)


# A proposal or an asking out turned down, or that was someone else's.
_NOT_TO_ME = re.compile(
    r"\b(?:said|say)\s+no\b|\bturned\s+(?:him|her|them)\s+down\b|\bdeclined\b|\bnot\s+ready\b|"
    r"\bto\s+(?:his|her|their|my)\b|\bto\s+(?-i:[A-Z])[a-z]+\b|\bon\s+behalf\b|"
    r"\b(?:(?-i:[A-Z])[a-z]+|she|he|they)\s+said\s+yes\b|\.\.\.|…",
    re.I,
)
# … and the user's yes to a proposal: "I said yes", "we're engaged", a ring.
_SAID_YES = re.compile(
    r"\b(?:i|we)\s+said\s+(?:yes|yebo|oui|si|sí|ja)\b|\b(?:we're|we\s+are|i'm|i\s+am|got)\s+engaged\b|"
    r"💍|\bto\s+me\b",
    re.I,
)
_COURTED = frozenset(("partner", "relationship"))
# … and someone met who is someone else to the user: "met someone!! her name is Ana and
# she's my new landlady", "…, she's moving in next door".
_MET_SOMEONE = re.compile(r"\bmet\s+someone\b", re.I)
_NOT_ROMANCE = re.compile(
    r"\b(?:landlady|landlord|neighbou?r|next\s+door|colleague|co-?worker|boss|manager|teacher|"
    r"doctor|gp|therapist|flatmate|roommate|housemate|client|customer|tutor|coach|at\s+work)\b",
    re.I,
)


def _once_each(facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """``facts`` with each plain fact said twice kept once."""
    seen: set[str] = set()
    kept = []
    for fact in facts:
        if fact.attribute is None and fact.text in seen:
            continue
        seen.add(fact.text)
        kept.append(fact)
    return kept


# A pet's name said in the clause after it: "she's called Miso", "named him Biscuit",
# "called Pip".
_PET_NAMED = re.compile(
    r"^(?:and\s+|so\s+)?(?:(?:(?:she|he|it|they)(?:['’]s|\s+is|\s+was|\s+are)\s+|(?:we|i)\s+)?(?:called|named)|"
    r"(?:we\s+|i\s+)?(?:named|called)\s+(?:her|him|it|them)|(?:her|his|its|their)\s+name(?:['’]s|\s+is)|"
    r"(?:we['’]re\s+|i['’]m\s+|we\s+are\s+|i\s+am\s+)?(?:calling|naming)\s+(?:her|him|it|them))"
    r"\s+(?P<name>(?-i:[A-Z])[\w-]+)[^\w]*$",  # (an emoji after it: "named him Pickle 🐱")
    re.I,
)


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
_AT = re.compile(r"\bat\s+", re.I)
_AT_HOME = re.compile(r"^(?:my|our)\s+(?:new\s+)?(?:flat|house|home|place|apartment)\b", re.I)
_PLACE_IN = re.compile(r"\bin\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)")


# A parting reads best in its own words: "Tom and User split up", "User broke up with Tom".
_ENDED_AS_SAID = frozenset(("partner",))


_CALLS_ME = re.compile(r"\bcalls?\s+me\b", re.I)
# A relative of the user's, their name, then their age between commas: "my son Leo, 7,
# loves…", "my mum, 60, just retired" (read only of a clause about someone of the user's:
# "my flat, 2, …" has no such subject).
_THEIR_AGE_ASIDE = re.compile(
    r"(?:my|our)\s+(?:[\w'-]+\s+){0,2}?[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?\s*,\s*"
    r"(?P<age>[1-9]\d?)\s*,\s*(?=[a-z])",
    re.I,
)


def _as_home(key: Key, predicate: str) -> Optional[Key]:
    """Whereabouts said without an end, as a home: "Madrid"; "a flatshare in Stratford".
    Never where one is *at* ("I'm at Google now", "at the Hilton in Paris"): a
    workplace, a venue or a school as often as a home, so the clause stays plain."""
    at = said_between(_AT, key.value, None, predicate)
    if at and not _AT_HOME.match(key.value):
        return None
    place = key.value if key.value[:1].isupper() else None
    inside = _PLACE_IN.search(key.value)
    place = inside.group(1) if inside else place
    if place and _A_WARD.match(place):
        return None  # "I'm in A&E with my son": a ward, no home
    return Key("home", place, key.negated, key.type) if place else None


# Where one is cared for, in capitals: "A&E", "ICU", "the ER".
_A_WARD = re.compile(r"(?:the\s+)?(?:A&E|A\s*and\s*E|ER|ICU|HDU|NICU|PICU|resus)$", re.I)


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
                # (a relative by marriage as one word: "sister in law" is a sister-in-law)
                text=RELATION_TEXT.format(
                    s=SUBJECT,
                    rel=relation_key(word) if in_law(word) else WRITTEN_AS.get(word.lower(), word),
                    v=name,
                ),
                statement=clause,
                attribute=kind,
                value=name,
            )
        )
    # (a clause opening on a named pet is no one's, or the pet's: parse_subject)
    on_a_pet = subject is NOBODY or subject.key.split(":", 1)[0] in PET_ANIMAL
    pet = pet_named(clause) if on_a_pet and not condition else None
    if pet and (subject is NOBODY or pet.endswith(f" called {subject.key.split(':', 1)[-1]}")):
        # "My dog Max is 7 years old": the user has Max; the rest is said of Max
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
    many = _MANY_OF_MINE.match(clause) if subject.key.endswith(":") else None
    if stated and many and _said_of_several(clause[many.end() :]):
        # "my kids are 5 and 7", "my twins are 4", "my brothers work at Google": said of
        # several, none named; a key holds one ("User's kid is 5 years old" had been
        # written, the 7 lost; "User's twin is 4 years old", a twin of the user's)
        stated = False
    predicate = parsed.predicate
    if stated and subject.key == USER and _REPORTED.match(predicate):
        # "I doubt Tom knows I moved to Leeds": only what the user says of themself
        own = _OWN_NEWS.search(predicate)
        stated = own is not None
        predicate = parse_subject(own.group(0), None).predicate if own else predicate
    keys = keys_of(predicate, sentence) if stated else []
    if subject.key != USER and _CALLS_ME.search(predicate):
        # "(I'm Margaret,) my friends call me Peggy": the user's other name, not theirs
        keys = [k for k in keys if k.attribute != "name"]
    valued = stated and all(k.value or k.negated for k in keys)
    aged = _THEIR_AGE_ASIDE.match(clause) if valued and subject.key != USER else None
    age_beside_an_end: Optional[Key] = None
    if aged is not None and not any(k.attribute == "age" for k in keys):
        # "my son Leo, 7, loves dinosaurs", "my daughter Mia, 9, plays the violin": their
        # age, said between commas after them; beside an end ("my mum, 60, just
        # retired"), told after it, below
        age = Key("age", aged.group("age"), False, FACT)
        if all(k.value for k in keys):
            keys.append(age)
        else:
            age_beside_an_end = age
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
    later = put_off(keys, clause, said) if until is not None else None
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
    keys, called_off = plans(keys, predicate, clause, start, later is not None, users)
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
        planned = (
            start if trip and key.attribute == "location" else planned_start(key, start, clause)
        )
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
            if (
                ends is not None
                and ends.date() == said.date()
                and (
                    _BEGUN_TODAY.search(piece)
                    or (_NEWS_OF_TODAY.search(sentence) and not _TONIGHT.search(sentence))
                )
            ):
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
        two = _two_of_them(clause, parsed, _TWO_NAMED) or _AND_ANOTHER.match(parsed.predicate)
        keyed_for = {f.subject for f in facts if f.attribute and f.subject != USER}
        if subject.key not in (USER, NOBODY.key) and two and len(keyed_for) < 2:
            # "Emma and Luke bought a flat in Leeds", "my mum and dad are vegan": the key
            # is the first one's; the words keep both (not when each was keyed: "my kids
            # Ella and Sam are vegan"; nor "… and his wife": the key says whose she is)
            both = finish(third_person(clause))
            facts.append(ExtractedFact(both, classify(clause), clause, valid_from=valid_from))
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
        if age_beside_an_end is not None:
            facts.append(
                ExtractedFact(
                    text=finish(sentence_of(subject, age_beside_an_end, False)),
                    type=FACT,
                    statement=clause,
                    subject=subject.key,
                    attribute="age",
                    value=age_beside_an_end.value,
                    valid_from=valid_from,
                )
            )
    elif text:
        facts.append(
            ExtractedFact(
                text=text,
                type=kind,
                statement=clause,
                valid_from=valid_from,
                expires_at=plain_until(clause, kind == EPISODE, past, until, said),
            )
        )
    return facts


_TWO_OF_THEM = re.compile(r"\s(?:and|&)\s", re.I)
# What is left of "my mum and dad are…" after its subject: another, by a word for them.
_AND_ANOTHER = re.compile(r"(?:and|&)\s+" + REL + r"\b", re.I)
_TWO_NAMED = re.compile(r"\s(?:and|&)\s+(?!I\b)(?-i:[A-Z])[a-z]")


def _two_of_them(clause: str, parsed: Parsed, joined: re.Pattern[str] = _TWO_OF_THEM) -> bool:
    """Whether ``clause`` names two as its subject (joined as ``joined`` reads), of whom
    ``parsed`` took the first: "Ruby and Alfie fought all morning"."""
    at = clause.rfind(parsed.predicate) if parsed.predicate else -1
    return at > 0 and joined.search(clause, 0, at) is not None


# Relatives said in the plural: "my brothers (Tom and Sam)", "our twins", "my kids".
_MANY_OF_MINE = re.compile(r"^(?i:my|our|me)\s+(?i:" + QUALIFIERS + r"(?:" + REL + r")s)\b")


def _said_of_several(rest: str) -> bool:
    """Whether what follows a relative in the plural ("my sons …") is said of several: a
    verb that agrees ("are 12 and 9", "live in Leeds", "both work", "turned 8"), not an
    "s" typed for "'s" ("my sons 5 today", "my dads a plumber", "my sons got autism", "my
    bros birthday"): the one."""
    said = lower_words(rest)[:4]
    if said[:1] and said[0] in _EACH_OF_THEM:
        return True  # "my sisters both got engaged"
    words = [w for w in said if w not in _BEFORE_A_VERB]
    if not words:
        return False
    verb = words[0]
    if verb in _AGREES_WITH_SEVERAL:
        return True
    return verb in CLAUSE_VERBS and not verb.endswith("s") and verb not in _SAID_OF_ONE_TOO


# Words between several and their verb ("my kids both love …"), verbs that agree with
# several alone, and the verbs an "s" for "'s" (is, has) comes before ("my sons got …").
_BEFORE_A_VERB = words("both all each also too still just now never always really")
_EACH_OF_THEM = words("both all each")
_AGREES_WITH_SEVERAL = words("are were have r do don't aren't weren't haven't didn't did")
_SAID_OF_ONE_TOO = MODALS | words("got been be am had can't")
# "Just like my mum" before ", I'm a nurse": a comparison, not the user's verb "like".
_LIKE_ONE_OF_MINE = re.compile(LIKE_LEAD + r"(?:my|our|his|her|their)\s", re.I)


def _as_said(subject: Subject, clause: str, parsed: Parsed) -> str:
    """A clause as a plain memory: its words, in the third person."""
    lead = LIKE_SOMEONE_FIRST.match(clause)
    if subject.key == USER and lead:
        # "Just like Rihanna I'm from Barbados": whom one is compared to, as said
        return finish(clause[: lead.end()] + third_person(clause[lead.end() :]))
    if subject.key == USER and verb_first(clause) and not _LIKE_ONE_OF_MINE.match(clause):
        # "Resigned today", typed short: "User resigned today", "User starts in April".
        # (a word in capitals stays so: "QUIT" is "User QUIT", not "User qUIT")
        first = clause[:1] if clause[1:2].isupper() else clause[:1].lower()
        return finish(third_person("I " + first + clause[1:]))
    if subject.key in (USER, NOBODY.key):
        return finish(third_person(clause))
    if _two_of_them(clause, parsed) or _MANY_OF_MINE.match(clause):
        # "Ruby and Alfie fought all morning", "my brothers Tom and Sam hate each other":
        # both, as said (the subject is the first: "User's brother Tom and Sam hate …" had
        # been written)
        return finish(third_person(clause))
    said = third_person(parsed.predicate)
    # "Mia's 8th birthday party was Saturday": a thing of theirs, no space before "'s";
    # none before a comma either ("Vegan, confirmed")
    between = "" if said.startswith(("'s", ",", ";", ":")) else " "
    return finish(f"{subject.name}{between}{said}")


# What a request names of the user's, kept: who ("for my boyfriend Tom"), a pet, a number.
_NAMED_IN_A_REQUEST = RELATION_ATTRIBUTES | {"pets", "phone"}
_THE_TRIP_OPENS = re.compile(
    r"^(?:the\s+|our\s+|my\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:trip|holiday|vacation)\b", re.I
)
_AFTER_ALL = re.compile(r"\bafter all\b(?!\s+\w)", re.I)  # not "after all, it was…"


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
    joined = [f for f in mine if f.attribute == "employer" and NEWLY.search(f.statement)]
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


# Attributes whose facts a sentence's "this week" does not end: one is not 35 until Sunday.
_LASTING = frozenset(("name", "age", "birthday", "children", "siblings", "mother", "father"))


# The rules load with this module, on the first message read, all at once.
load()
