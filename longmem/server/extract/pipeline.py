"""The rules' reading of one message (``extract``), as ``RuleExtractor`` (this package's
``__init__``) describes it: loaded on the first message read, not when the server starts.

A clause's own facts are clause_facts.py's (and what a piece after a comma adds,
commas.py's); quoted speech is set aside while the message is read by quotes.py, and a
word put right is read by corrections.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from typing import Optional

from ..facts import FACT, RELATION_ATTRIBUTES, USER, WORK_ATTRIBUTES, ExtractedFact
from ..timestamps import as_utc
from .ages import others_ages
from .chat import (
    REQUEST,
    asked_unmarked,
    fields_said,
    joke_owned_up,
    pasted,
    sentences,
    typed_after,
)
from .clause_facts import NEWS_OF_A_JOB, TONIGHT, TWO_NAMED, facts_of, two_of_them
from .clauses import clauses
from .commas import told_after_a_comma
from .corrections import _correction, _put_right
from .endings import ended_in_the_next, left_the_job_told, new_after_an_end, what_ended
from .health import CONDITION_NAMES, SOMEONE_ELSE, VERBLESS_CONDITIONS
from .homes import city_beside, home_by_noun, home_in_passing
from .keys import Key, load
from .kin import NAME, PARTNER_KIN, REL, kin
from .lexicon import ADVERBS, CLAUSE_VERBS, SUPPOSING, UNRESOLVED_PREFIX
from .mine import courted, proposed
from .names import PERSON_WORDS, a_lower_name, a_name_said
from .others import (
    had_relation,
    names_someone_new,
    names_the_one_before,
    newcomer_of,
    tells_of_another,
    told_of_before,
)
from .plainly import said_plainly
from .plans import dated_plans
from .quotes import FIRST_PERSON_SAID, quotes_aside, quotes_back
from .renamed import names_taken
from .rests import rest_untold
from .retractions import taken_back
from .rules_personal import A_CHILDS_SCHOOL
from .subjects import NOBODY, USER_SUBJECT, Parsed, Subject, parse_subject, relation_subject
from .text import classify, lower_words
from .theirs import lower_opener
from .third_person import finish, third_person
from .timing import LONG_AGO, NEWLY, begun_then, lasting
from .values import is_occupation
from .when import expiry
from .wording import sentence_of

_CONDITION = re.compile(
    # (a supposition said as one first: "hypothetically if i moved to kigali…")
    r"^(?:(?:purely\s+)?(?:hypothetically|theoretically)\b|"
    + SUPPOSING
    + r"|in case|imagine\s+(?:if|that|i|we)|"
    # a dream told: "I dreamt I moved to Denver", "had a weird dream that I was pregnant"
    # (not "a dream wedding", "dreamed of this day forever, we got married today")
    r"(?:i\s+|we\s+)?(?:dreamt|dreamed)\s+(?:that\s+)?(?:i|we|my|our|i'm|i'd)|"
    r"(?:i\s+|we\s+)?had\s+a\s+(?:\w+\s+)?nightmare\b|"
    r"(?:i\s+|we\s+)?had\s+a\s+(?:\w+\s+)?dream\s+(?:that|where|about|last\s+night)|"
    r"in\s+(?:my|a)\s+dream)\b",
    re.I,
)


# The most the rules read at once: a clause longer is kept as said. The longest clause of
# the tuning statements has 137 characters; some of the rules' patterns retry a
# run of one word from each of its words ("I study at at at … Oxford"), which this bounds.
MOST_CLAUSE_CHARS = 1000


# What is done, told in the perfect: "I've been eating chicken since Easter", "we've
# moved", "I've officially been diagnosed with eczema" (not "I've got to move").
_DONE_AFTER_BUT = re.compile(
    r"^(?:i|we)(?:['’]ve|\s+have)\s+(?:(?:officially|just|finally|actually|now|already|"
    r"recently|since)\s+)*(?!got\s+to\b|gotta\b)(?:been|got|gotten|started|moved|joined|"
    r"left|quit|become|taken|found|bought|adopted|switched|stopped|gone)\b|"
    # … or what is so now, said so: "…, but I live in Leeds now", "but i'm actually a nurse"
    r"^(?:i|we)(?:['’]m|\s+am|['’]re|\s+are|\s+live|\s+work|\s+study)\b(?=[^,.;!?]*\b(?:now|"
    r"these\s+days|actually|nowadays)\b)",
    re.I,
)
_BUT_BEFORE = re.compile(r"\bbut\s*$", re.I)


def _after_but(sentence: str, clause: str) -> bool:
    """Whether ``clause`` follows "but" in ``sentence``."""
    at = sentence.find(clause[:20])
    return at > 0 and _BUT_BEFORE.search(sentence, 0, at) is not None


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
    """The facts of one message said at ``observed_at`` (``RuleExtractor.extract``): read
    as typed, or, when a sentence ends in a question typed with no "?" ("my brother kwame
    lives in accra, whats a good present i can ship to him"), as if it had one, when that
    keys more of what it tells, or as many but others ("kwame just moved to toronto, what
    winter gear should i send him" is Kwame's move, not the user's). Else the question's
    words stay in the memory as said."""
    facts = _read(content, observed_at)
    asked = asked_unmarked(content)
    if asked is not None:
        marked = _read(asked, observed_at)
        keys, marked_keys = _keyed(facts), _keyed(marked)
        if marked_keys != keys and len(marked_keys) >= len(keys):
            return marked
    return facts


def _keyed(facts: list[ExtractedFact]) -> set[tuple[str, str, Optional[str], bool]]:
    """The keys ``facts`` hold: (subject, attribute, value, negated)."""
    return {(f.subject, f.attribute, f.value, f.negated) for f in facts if f.attribute}


def _read(content: str, observed_at: datetime) -> list[ExtractedFact]:
    """The facts of one message said at ``observed_at``, as typed."""
    said = as_utc(observed_at)
    kept, quoted = quotes_aside(content)
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
            if named is not None and named.group("name").islower():
                named = named if a_name_said(named.group("name")) else None
            if named is not None and pet_at is not None:
                # "we adopted a cat!!! she's called Miso", "got a cat now, a tabby called
                # Miso": the cat's name
                pet = facts[pet_at]
                kind = _OF_A_KIND.match(clause)  # "a tabby called Miso": the kind kept too
                facts[pet_at] = _called(
                    pet,
                    named.group("name")[:1].upper() + named.group("name")[1:],
                    f"{pet.statement}, {clause}",
                    f"{pet.text}, {clause.strip(' .!')}" if kind else "",
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
                for f in facts_of(
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
            if condition and _DONE_AFTER_BUT.match(clause) and _after_but(sentence, clause):
                # "if anyone had said I'd go back to meat I'd have said never, but I've been
                # eating chicken since Easter": what was done is no condition's
                condition = False
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
            parsed = _sent_to_school(_mourned(parse_subject(clause, previous, newcomer or to_name)))
            parsed = _at_the_new_job(parsed, content)
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
                for f in facts_of(clause, sentence, theirs, said, until, condition)
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
            # (a clause about a thing leaves whom "she" means as it was: "party went
            # great. she is very proud…" is no party's)
            a_thing = parsed.subject.key == NOBODY.key and lower_opener(clause) in _NO_ONE_FIRST
            if parsed.subject.key != USER and not a_thing:
                # "Luca and Giulia are coming…, she's veggie": "she" may be either (not
                # "Willem and his family…, he got a job": Willem)
                two = two_of_them(clause, parsed, TWO_NAMED)
                previous = NOBODY if two else parsed.subject
            elif parsed.subject.key == USER:  # "I have a new girlfriend. She's a GP": her
                previous = had_relation(parsed.predicate) or previous
            # A clause opened by a lower-case word may turn out someone else's once the
            # server knows the word as a name ("bob turned 31 and i turned 31 too").
            opener = lower_opener(clause) if parsed.subject.key == USER else None
            told = facts_of(clause, sentence, parsed, said, until, condition)
            if left_the_job_told(parsed, told, facts[told_before:]):
                # "I joined Google in 2019 and left last year": the job just told ended,
                # in the words said ("User left last year")
                ended = Parsed(parsed.subject, "quit" + parsed.predicate[len("left") :])
                told = [
                    replace(f, text=told[0].text, statement=told[0].statement)
                    for f in facts_of(clause, sentence, ended, said, until, condition)
                ]
            if parsed.subject.key == USER and not condition:
                more = told_after_a_comma(clause, sentence, told, said, until)
                if more and not any(f.attribute for f in told):
                    # what the clause says beside them is kept as its rest
                    told = []
                told += more
            told += rest_untold(
                clause, parsed.subject, told, said, until, asked and clause is last_clause
            )
            told = new_after_an_end(told, parsed, sentence, said, until, condition)
            for fact in told:
                identity = (fact.subject, fact.attribute, fact.value, fact.text, opener)
                if identity not in seen:
                    seen.add(identity)
                    facts.append(fact)
                    if fact.attribute == "pets" and not fact.negated:
                        unnamed = " called " not in (fact.value or "")
                        pet_at = len(facts) - 1 if unnamed else None
                        named = _NAMED_AFTER.search(clause) if unnamed else None
                        if named is not None:
                            # "adopted a cat from the shelter and named her Tofu": in
                            # the clause itself (it had kept "cat")
                            facts[-1] = _called(fact, named.group("name"), fact.statement)
                            pet_at = None
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
    if NEWS_OF_A_JOB.search(content) and not TONIGHT.search(content):
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
        quotes_back(f, quoted)
        for f in facts
        # "I'm vegan so I don't eat meat": no meat is said of a vegan already
        if not (f.attribute == "diet" and f.value == "vegetarian" and f.subject in vegan)
    ]
    facts = home_in_passing(content, facts)
    return city_beside(dated_plans(content, names_taken(content, facts)))


_HE_OR_SHE = re.compile(r"(?:he|she)\b", re.I)
# Things a clause may open on that no "she" or "he" after it is: "party went great".
_NO_ONE_FIRST = frozenset(
    """car house flat apartment school class uni job company office plan plans wedding
    party rent bus train flight weather life phone laptop shop store restaurant café cafe
    tea coffee food lunch dinner breakfast meeting parking stuff project order package
    parcel""".split()  # noqa: SIM905
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


# A child the user moves to a school or enrols at one: "we're moving Leo to Oakfield
# Academy after half term", "we enrolled Mia at Sakura Elementary", "moved our son to St
# Bede's Prep" (had been the user's, or no one's): the child starts there.
_SENT_TO_SCHOOL = re.compile(
    r"^(?:(?:are|'re|’re|am|'m|have|'ve|’ve|had|just|finally|now|officially)\s+)*"
    r"(?:moving|moved|enrolled|enrolling|put|putting|switched|switching|transferred|"
    r"transferring|sending|sent|registered)\s+"
    r"(?:(?:my|our)\s+(?P<rel>son|daughter|stepson|stepdaughter)(?:\s+(?P<named>" + NAME + r"))?"
    r"|(?P<pronoun>him|her)|(?P<name>" + NAME + r"))\s+(?:to|at|into|in)\s+"
    r"(?=(?P<school>(?:the\s+)?(?-i:[A-Z])[^,;:!?()]*?" + A_CHILDS_SCHOOL + r"))",
    re.I,
)


def _sent_to_school(parsed: Parsed) -> Parsed:
    """A child moved or enrolled by the user, read as the child's start at the school."""
    if parsed.subject.key != USER:
        return parsed
    sent = _SENT_TO_SCHOOL.match(parsed.predicate)
    if sent is None:
        return parsed
    rest = "starts at " + parsed.predicate[sent.end() :]
    if sent.group("rel"):
        return Parsed(relation_subject(sent.group("rel"), sent.group("named")), rest)
    if sent.group("pronoun"):
        # "we've moved him to Sunflower Montessori 5 days a week": the school, of whom
        # "he" is, as for any pronoun (had been someone called "Him")
        pronoun = "he" if sent.group("pronoun").lower() == "him" else "she"
        subject = Subject(UNRESOLVED_PREFIX + pronoun, pronoun.capitalize())
        return Parsed(subject, "is at " + sent.group("school"))
    name = sent.group("name")
    return Parsed(Subject(name, name), rest)


# Where the user is now, by a name, in a message that tells of a new job: "new job
# starts Monday, I'm at Monzo now!" (not "I'm at Tesco now, what do I need?", nor after
# "new job interview").
_AT_BY_NAME = re.compile(
    r"^am\s+(?:now\s+)?at\s+(?P<at>(?-i:[A-Z])[\w&'.-]*(?:\s+(?-i:[A-Z&])[\w&'.-]*){0,3})"
    r"(?:\s+now)?\s*[!.]*$"
)
_NEW_JOB_SAID = re.compile(
    r"\bnew\s+(?:job|role|position)\b(?!\s+(?:interview|hunt|search|application|offer|ad)\b)|"
    r"\b(?:started|starting)\s+(?:a\s+|my\s+)?new\s+job\b",
    re.I,
)


def _at_the_new_job(parsed: Parsed, content: str) -> Parsed:
    """Where the user is now, in a message that tells of a new job, read as where the user
    works."""
    if parsed.subject.key != USER:
        return parsed
    at = _AT_BY_NAME.match(parsed.predicate)
    if at is None or not _NEW_JOB_SAID.search(content):
        return parsed
    return Parsed(parsed.subject, "work at " + at.group("at"), parsed.relation)


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
# "called Pip", "a tabby called Miso".
_PET_NAMED = re.compile(
    r"^(?:and\s+|so\s+)?(?:(?:(?:she|he|it|they)(?:['’]s|\s+is|\s+was|\s+are)\s+|(?:we|i)\s+)?(?:called|named)|"
    r"(?:a|an)\s+(?:[\w-]+\s+){1,3}?(?:called|named)|"
    r"(?:we\s+|i\s+)?(?:named|called)\s+(?:her|him|it|them)|(?:her|his|its|their)\s+name(?:['’]s|\s+is)|"
    r"(?:we['’]re\s+|i['’]m\s+|we\s+are\s+|i\s+am\s+)?(?:calling|naming)\s+(?:her|him|it|them))"
    # (an emoji after it: "named him Pickle 🐱"; a word of it: "her name's pepper, tiny
    # tabby terror"; typed in lower case, a name said)
    r"\s+(?P<name>(?-i:[A-Z])[\w-]+|(?-i:[a-z][a-z-]{2,}))(?:[^\w]*$|\s*,[^,]*$)",
    re.I,
)


# … or named in its own clause, after "and": "adopted a cat from the shelter and named her
# Tofu".
_NAMED_AFTER = re.compile(
    r"\band\s+(?:we\s+|i\s+)?(?:named|called)\s+(?:her|him|it)\s+(?P<name>(?-i:[A-Z])[\w-]+)[^\w]*$",
    re.I,
)


def _called(pet: ExtractedFact, name: str, statement: str, text: str = "") -> ExtractedFact:
    """A pet fact with its name: "User has a cat called Miso" (``text``, when the words
    said its kind: "User has a cat, a tabby called Miso")."""
    return replace(
        pet,
        text=text or f"{pet.text} called {name}",
        statement=statement,
        value=f"{pet.value} called {name}",
    )


# A pet's name said with its kind: "a tabby called Miso", "a cocker spaniel named Biscuit".
_OF_A_KIND = re.compile(r"(?:a|an)\s", re.I)


# What a request names of the user's, kept: who ("for my boyfriend Tom"), a pet, a number.
_NAMED_IN_A_REQUEST = RELATION_ATTRIBUTES | {"pets", "phone"}


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
    if FIRST_PERSON_SAID.search(clause) or any(w in CLAUSE_VERBS for w in found):
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


# The rules load with this module, on the first message read, all at once.
load()
