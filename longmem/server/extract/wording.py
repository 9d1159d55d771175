"""How a keyed fact is worded: one wording per attribute ("User lives in Paris",
whatever was said), a denial as an end ("User no longer lives in Paris") or, said
plainly, as never so ("User does not live in Paris"), and a relation as a fact of its
holder ("User's sister is Anna").
"""

from __future__ import annotations

import re
from dataclasses import replace

from .detail import NEAR
from .keys import Key
from .lexicon import POSSESSIVE, SUBJECT
from .subjects import Subject
from .third_person import indefinite_article, third_person

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
    "doctor": ("{s}'s doctor is {v}", "{s}'s doctor is no longer {v}"),
    "therapist": ("{s}'s therapist is {v}", "{s}'s therapist is no longer {v}"),
    "landlord": ("{s}'s landlord is {v}", "{s}'s landlord is no longer {v}"),
    "bank": ("{s} banks with {v}", "{s} no longer banks with {v}"),
    "gym": ("{s}'s gym is {v}", "{s}'s gym is no longer {v}"),
    "mother": ("{s}'s mother is {v}", "{s}'s mother is not {v}"),
    "father": ("{s}'s father is {v}", "{s}'s father is not {v}"),
    "drinks": ("{s} drinks {v}", "{s} no longer drinks {v}"),
    "likes": ("{s} likes {v}", "{s} no longer likes {v}"),
    "dislikes": ("{s} dislikes {v}", "{s} no longer dislikes {v}"),
    "allergies": ("{s} is allergic to {v}", "{s} is no longer allergic to {v}"),
    "conditions": ("{s} has {v}", "{s} no longer has {v}"),
    "medications": ("{s} takes {v}", "{s} no longer takes {v}"),
    "pets": ("{s} has a {v}", "{s} no longer has a {v}"),
    "vehicles": ("{s} has {a} {v}", "{s} no longer has {a} {v}"),
    "children": ("{s} has a child, {v}", "{s} no longer has a child, {v}"),
    "siblings": ("{s} has a sibling, {v}", "{s} no longer has a sibling, {v}"),
    "friends": ("{s} knows {v}", "{s} no longer knows {v}"),
    "relatives": ("{s} has a relative, {v}", "{s} no longer has a relative, {v}"),
    "languages": ("{s} speaks {v}", "{s} no longer speaks {v}"),
    # (a pastime as it was said: "User does learning piano" had been written)
    "hobbies": ("{s}'s hobbies include {v}", "{s}'s hobbies no longer include {v}"),
    "visited": ("{s} has been to {v}", "{s} has not been to {v}"),
}


# A count before a pet reads as one: "User has 2 cats", not "User has a 2 cats".
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
        owner = POSSESSIVE.get(subject.name, f"{subject.name}'s")
        return f"{owner} favorite {thing} {verb} {value}"
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
    value = _MINE.sub(SUBJECT + "'s", value)  # "working on my thesis": on User's thesis
    article = indefinite_article(value)
    if key.attribute == "pets" and (value.split()[0].lower() in _COUNTS or value[:1].isupper()):
        positive, negative = "{s} has {v}", "{s} no longer has {v}"  # "two cats", "Biscuit"
    worded = (negative if key.negated else positive).format(s=subject.name, v=value, a=article)
    pronoun_s = POSSESSIVE.get(subject.name)  # "Her hobbies include running", not "She's"
    if pronoun_s and worded[len(subject.name) :].startswith("'s "):
        return pronoun_s + worded[len(subject.name) + 2 :]
    return worded


# "my" and "our" in a value: the user's.
_MINE = re.compile(r"\b(?-i:my|our)\b")


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


RELATION_TEXT = "{s}'s {rel} is {v}"
