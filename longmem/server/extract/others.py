"""Who else a clause tells of, beside its subject (subjects.py's), and whom the next
clause may be about.

- The user's relations a clause names or says the user has, as facts of the user's:
  ``mentioned_relations`` ("… with my roommate Hana", "I have a girlfriend, Yui",
  "started dating Lucas"; not a former partner, nor a partnership told as over) and
  ``named_in_twos`` ("my kids Ella and Sam").
- Someone new: a relation a clause introduces without a name, whom the next clause may
  name (``newcomer_of``, ``had_relation``: "I have a new girlfriend", "baby boy is
  here!", "Our daughter is here!"); whether a clause names the one the clause before
  told of ("her name's Dorothy": ``names_the_one_before``), or names someone new without
  saying whose ("new boss is Greg": ``names_someone_new``).
- Whom a "he" or "she" is: the relative named earlier in the message when nothing before
  it says (``told_of_before``: "What's a good gift for my dad? He's into fishing"), and
  whether the clause before told of someone new to its subject, whom it may be as well
  (``tells_of_another``: "my brother has a new boyfriend. he's…").
"""

# ruff: noqa: E501, SIM905  (patterns and word lists read as text, one per line)
from __future__ import annotations

import re
from typing import Optional

from ..facts import USER
from .kin import GIVEN_NAME, PRONOUN_RELATIONS, RELATIONS, kin
from .kin import NAME as _NAME
from .kin import QUALIFIERS as _QUALIFIERS
from .kin import REL as _REL
from .leads import OPENER
from .lexicon import MONTH_NAMES, WEEKDAYS
from .names import NOT_NAMES, PERSON_WORDS, a_lower_name
from .subjects import (
    NAMED_NOW,
    NEW_ONE_LABEL,
    Parsed,
    Subject,
    former,
    named_relation,
    of_the_other_sex,
    relation_subject,
)
from .text import lower_words
from .theirs import PEOPLE_OF_MINE

# A named relation inside a clause about something else: "… with my roommate Hana".
_MENTIONED = re.compile(
    r"\b(?i:(?:my|our)\s+"
    + _QUALIFIERS
    + r"(?P<rel>"
    + _REL
    + r"))\s*,?\s+(?P<name>"
    + _NAME
    + r")\b"
)


# A relation the user has, named after it: "I have a girlfriend, Yui", "we have a son
# called Leo", "got a new boyfriend, Lucas".
_HAS_NAMED = re.compile(
    r"^(?i:(?:have|has|got|have got|'ve got)\s+(?:a\s+|an\s+)?"
    + _QUALIFIERS
    + r"(?P<rel>"
    + _REL
    + r"))(?:\s*,\s*|\s+(?i:called|named)\s+)(?P<name>"
    + _NAME
    + r")\b"
)
# A partner by what the user does with them: "started dating Lucas", "been seeing Ana",
# "seeing someone new, Sam", "seeing this woman Priyanka", "in a relationship with
# Priya", "married to Arjun". Not "seeing Ana tomorrow" nor "going out with Tom tonight".
_SOMEONE = (
    r"(?:someone(?:\s+new)?\s*(?:,|[—–:-]|\s[—–-])\s*|"
    # "been seeing this woman Priyanka", "dating a guy called Sam"
    r"(?:this|a|an|some)\s+(?:(?:new|lovely|nice|cute|great)\s+)?"
    r"(?:woman|man|girl|guy|lady|bloke|dude|person)\s*(?:,\s*|\s+(?:called|named)\s+|\s+))"
)
# What may follow a partner's name: the end, a pause, when ("… Ana for 3 months now") or the
# app they met on ("… Leo from hinge");
# not "Lisa for physio", "Ana's posts", "Tom and the lads", "Tinder guys".
_PARTNER_NAME_END = (
    r"(?=\s*(?:$|[,.!?;:)—–-]|🥰|❤|💍|😍|\s(?:now|since|last|this|again|too|officially|finally|lol|"
    r"these\s+days|"
    r"haha|for\s+(?:\d+|a|an|two|three|four|five|six|a\s+few|several)\s+(?:days?|weeks?|months?|"
    r"years?)|in\s+(?:"
    + "|".join(MONTH_NAMES)
    + r"|\d{4}|the\s+(?:spring|summer|autumn|fall|winter))|"
    r"next\s+\w+|on\s+\w+day|and\s+(?:it|we|he|she|i)\b|"
    # where they met: "been seeing this guy Leo from hinge"
    r"(?:from|off|on)\s+(?:hinge|tinder|bumble|grindr|raya|feeld|the\s+apps?|an?\s+app)\b"
    r"(?=\s*(?:$|[,.!;]|now\b|for\b|lol\b|🥰|❤|😍)))))"
)
_DATING = re.compile(
    r"^(?:(?:started|been|am|are|is|now|just|officially|got|has|have)\s+)*(?:dating\s+(?:"
    + _SOMEONE
    + r")?"
    r"|(?:started|been)\s+(?:going\s+out\s+with|seeing)\s+(?:" + _SOMEONE + r")?"
    r"|seeing\s+" + _SOMEONE + r"|in\s+a\s+relationship\s+with\s+|back\s+together\s+with\s+"
    # "married to Arjun now officially", "I married Ana", "engaged to Sam", "marrying Tom"
    r"|(?:married|remarried|engaged)\s+to\s+|married\s+|remarried\s+|marrying\s+)"
    r"(?!(?:Mr|Mrs|Ms|Dr|Prof)\b|(?:Christmas|Easter|New|Valentine|Halloween|Diwali|Eid|Boxing|"
    r"Thanksgiving)\b)"
    r"(?-i:(?P<name>"
    + GIVEN_NAME
    + r"))(?!['’])"
    + _PARTNER_NAME_END
    # not someone seen for help: "started seeing Marta, a therapist"
    + r"(?!\s*,\s*(?:a|an|my)\s+(?:[\w-]+\s+)?(?:therapist|counsellor|counselor|psychologist|"
    r"psychiatrist|doctor|gp|physio|physiotherapist|dentist|coach|tutor|trainer|specialist)\b)",
    re.I,
)
# A partnership told as over: "I married Ana but we split last year", "married to Arjun
# for 12 years before he passed", "been seeing this guy Leo from hinge but he ghosted me".
_OVER = re.compile(
    r"\b(?:split|splitting|divorced|divorcing|separated|broke up|passed|died|widowed|ex|ghosted|"
    r"dumped|ditched)\b",
    re.I,
)
# A relation the user has, not yet named: "I have a new girlfriend", "we had a baby boy",
# "found a new flatmate!!", "I've been seeing someone", "i'm seeing someone new".
_HAS_UNNAMED = re.compile(
    r"^(?:(?:have|has|got|have got|'ve got|had|found|(?:have|'ve)\s+found)\s+(?:a\s+|an\s+)?"
    + _QUALIFIERS
    + r"(?P<rel>"
    + _REL
    + r")(?:\s+(?:boy|girl))?|(?:(?:(?:have|has)\s+)?(?:been|started)|(?:am|are|is)(?:\s+now)?)\s+(?P<seeing>seeing)\s+"
    r"someone(?:\s+new)?"
    # "met someone!! her name is Ana": someone to go out with, said so alone
    r"|(?:(?:have|has|'ve)\s+)?(?:just\s+|finally\s+)?(?P<met>met)\s+someone(?:\s+(?:new|special))?)"
    r"\s*(?:now|too|finally|at last)?\s*$",
    re.I,
)


def names_the_one_before(clause: str, before: Parsed) -> bool:
    """Whether a clause names the one the clause ``before`` told of without a name:
    "(my grandma turns 90,) her name's Dorothy", "(my new boss started,) he's called
    Tom" — not when "he" or "she" cannot be them, nor when the clause before told of
    someone else too ("My boss hired a new assistant. She's called Becky")."""
    named = NAMED_NOW.match(OPENER.sub("", clause.strip(), count=1))
    if named is None or named.group("name") is None:
        return False
    pronoun = "she" if re.match(r"(?:her|she)\b", named.group(0), re.I) else "he"
    others = set(lower_words(before.predicate)) & (PERSON_WORDS | PEOPLE_OF_MINE | _MET_OR_TAKEN_ON)
    return not others and not of_the_other_sex(pronoun, before.subject)


def names_someone_new(clause: str) -> Optional[str]:
    """The relation word of a clause that names someone new without saying whose ("new
    boss is Greg": "boss"), else None."""
    match = NEW_ONE_LABEL.match(clause.strip())
    return match.group("new_rel").lower() if match and match.group("new_rel") else None


def tells_of_another(predicate: str) -> bool:
    """Whether what a clause says of its subject tells of someone new to them ("(my
    brother) has a new boyfriend", "(my boss) hired a new assistant"), whom a "he" or
    "she" next may be as well (not "is a nurse", what they are)."""
    return _SOMEONE_OF_THEIRS.search(predicate) is not None


_SOMEONE_OF_THEIRS = re.compile(
    r"\b(?:has|have|had|got|gets|hired|met|found|seeing|dating|with)\s+(?:a|an|new|his|her|their)\s+"
    r"(?:new\s+)?(?:[\w-]+\s+)?(?:boyfriend|girlfriend|bf|gf|partner|husband|wife|friend|"
    r"boss|manager|assistant|colleague|coworker|roommate|flatmate|guy|girl|man|woman|lady|"
    r"fella|someone|baby|son|daughter|lad|kid|child|boy|mate|pal|neighbour|neighbor|teacher|"
    r"tutor|doctor|nanny)\b",
    re.I,
)


# Words for someone met or taken on, who may be the one named next.
_MET_OR_TAKEN_ON = frozenset(
    """assistant guy girl boy man woman someone somebody person lady baby intern hire
    engaged married dating seeing puppy kitten dog cat""".split()
)


# Two of the user's people named after their plural: "my kids Ella and Sam", "my
# daughters Ruby and Grace", "our twins Aarav and Anaya" (twins: children, not siblings).
_TWO_NAMED = re.compile(
    r"^(?i:(?:my|our)\s+" + _QUALIFIERS + r"(?P<rel>" + _REL + r")s)\s+(?P<first>" + _NAME + r")"
    r"\s*(?:,\s*)?(?:and|&)\s+(?P<second>" + _NAME + r")\b(?!'s)"
)


def named_in_twos(clause: str) -> list[tuple[str, str, str]]:
    """(user attribute, relation word, name) of both people a clause opens with, when it
    names two after their plural ("my kids Ella and Sam are driving me mad")."""
    match = _TWO_NAMED.match(clause.strip())
    if match is None:
        return []
    rel = match.group("rel").lower()
    names = [match.group("first"), match.group("second")]
    if any(name.split()[0].lower() in NOT_NAMES for name in names):
        return []
    kind = "children" if rel == "twin" else RELATIONS.get(rel, "friends")
    return [(kind, rel, name) for name in names]


def mentioned_relations(clause: str, sentence: str = "") -> list[tuple[str, str, str]]:
    """(user attribute, relation word, name) of each named relation a clause mentions
    (``sentence``, the clause's whole sentence, may tell a partnership over)."""
    told = _told_relation(clause, sentence)
    found = [named_relation(*told)] if told else []
    for match in _MENTIONED.finditer(clause):
        rel, name = match.group("rel").lower(), match.group("name")
        if former(match.group(0), rel):
            continue  # "ran into my old girlfriend Chris": no partner of now
        if name.split()[0].lower() not in NOT_NAMES:
            found.append(named_relation(rel, name))
    return found


def _told_relation(predicate: str, sentence: str = "") -> Optional[tuple[str, str]]:
    """(relation word, name) of someone a clause of the user's says they have or date."""
    match = _HAS_NAMED.match(predicate)
    if match:
        rel, name = match.group("rel").lower(), match.group("name")
    else:
        match = _DATING.match(predicate)
        # over when said after the name ("I married Ana but we split"), not before it
        # ("Omar and I divorced, and I'm now engaged to Sam")
        told = sentence or predicate
        after = told.find(match.group("name")) if match is not None else -1
        over = match is not None and _OVER.search(told, max(after, 0)) is not None
        rel, name = "partner", match.group("name") if match and not over else ""
    return (rel, name) if name and name.split()[0].lower() not in NOT_NAMES else None


# A child born, not yet named: "baby boy is here!", "son born last night", "our baby
# girl arrived"; whose name may follow alone ("Gabriel Jose, 7 lbs").
_BORN = re.compile(
    r"^(?:(?:our|my|the)\s+)?(?:new\s+)?(?:(?P<baby>baby)\s+)?(?P<rel>son|daughter|boy|girl|baby)"
    r"\s+(?:is\s+|was\s+|has\s+been\s+|'s\s+)?(?:here|born|arrived)\b",
    re.I,
)
_BORN_AS = {"boy": "son", "girl": "daughter"}


# A relation said to have just come ("Our daughter is here!", "My manager is new", "my
# son was born today"): whom the next clause may name.
_ARRIVED = re.compile(r"^(?:is|was|has been|'s)?\s*(?:here|new|born|arrived)\b", re.I)


def newcomer_of(parsed: Parsed) -> Optional[Subject]:
    """Someone a clause introduces without a name, whom the next clause may name: a
    relation the user says they have ("I have a new girlfriend", "baby boy is here!") or
    one said to have just come ("Our daughter is here!")."""
    if parsed.subject.key == USER:
        found = had_relation(parsed.predicate)
        return found if found is not None and found.key.endswith(":") else None
    if parsed.subject.key.endswith(":") and _ARRIVED.match(parsed.predicate.strip()):
        return parsed.subject
    return None


def had_relation(predicate: str) -> Optional[Subject]:
    """The relation a clause of the user's says they have ("have a girlfriend, Yui", "have
    a new girlfriend", "had a baby", "started dating Lucas"), whom a "she" or "her name
    is …" after it is about."""
    told = _told_relation(predicate)
    if told:
        return relation_subject(*told)
    born = _BORN.match(predicate)
    if born:
        rel = born.group("rel").lower()
        return relation_subject(_BORN_AS.get(rel, rel), None)
    match = _HAS_UNNAMED.match(predicate)
    if match is None:
        return None
    return relation_subject(
        "partner" if match.group("seeing") or match.group("met") else match.group("rel"), None
    )


# A relative named anywhere in a message, by relation and maybe name: "my dad", "my
# daughter emma," (a name in lower case only before a pause).
_ANY_RELATION = re.compile(
    r"\b(?i:(?:my|our)\s+" + _QUALIFIERS + r"(?P<rel>" + _REL + r"))\b(?!['’])"
    r"(?:\s*,?\s*(?P<name>" + _NAME + r"|(?-i:[a-z]{2,})(?=\s*,))\b)?"
    # not "my sister's kid", "my boyfriend Tom's birthday": someone or something of theirs
    r"(?!['’]s\b)"
)
# Someone else brought in after the relative: "… my mom? I met this girl at the gym. She's
# a nurse" is the girl.
_SOMEONE_NEW = re.compile(
    r"\b(?:this|a|an|some|the|that|new)\s+(?:\w+\s+)?(?:girl|guy|woman|man|lady|boy|person|"
    r"friend|colleague|coworker|co-worker|kid|child|baby|teacher|doctor|neighbou?r)s?\b",
    re.I,
)
# A name of theirs after a relative: "my boyfriend Tom's birthday" is Tom's birthday's.
_THEIRS_AFTER = re.compile(r"\s+(?!(?:he|she|it|that|there|what|who)['’])[\w-]+['’]s\b", re.I)
_HE_OR_SHE = re.compile(r"^(?P<who>he|she)(?:['’]s|\s)", re.I)


# A given name said in a sentence's middle: "ran into Becky from primary school".
_A_NAME_INSIDE = re.compile(r"(?<=[\w,!)]\s)(?P<name>" + GIVEN_NAME + r")\b(?!['’]s\b)")


def _one_named_before(said: str) -> Optional[Subject]:
    """The one person ``said`` names by a given name inside a sentence, if it names one
    and no relative ("ran into Becky from primary school at the shops!! she's a vet now":
    Becky), else None: two names, a place and a name ("went to Paris with Becky")."""
    names = {
        m.group("name")
        for m in _A_NAME_INSIDE.finditer(said)
        if m.group("name").lower() not in NOT_NAMES
        and m.group("name") not in _NOT_SOMEONE
        # (not a place after its word: "flat in Leith, he's a chef")
        and not _PLACE_WORD_BEFORE.search(said, 0, m.start())
    }
    if len(names) != 1 or _SOMEONE_NEW.search(said) or _THEIR_OWN.search(said):
        return None  # (nor after someone of theirs: "saw Ali and his wife, she's a doctor")
    name = names.pop()
    return Subject(name, name)


_THEIR_OWN = re.compile(
    r"\b(?:his|her|their)\s+(?:(?:little|baby|new|eldest|youngest)\s+)?"
    r"(?:" + _REL + r"|girl|boy|lad|lass|wee\s+one|little\s+one)s?\b",
    re.I,
)
_PLACE_WORD_BEFORE = re.compile(r"\b(?:in|at|to|from|near|around|outside|of)\s+\Z", re.I)
_NOT_SOMEONE = frozenset(w.capitalize() for w in (*MONTH_NAMES, *WEEKDAYS))


def told_of_before(content: str, at: int, clause: str) -> Optional[Subject]:
    """Whom a clause opening with "he" or "she" is about when nothing before it in its
    message says: the relative named last before ``at`` in ``content`` whom the pronoun
    fits ("What's a good gift for my dad? He's into fishing": the dad). None otherwise."""
    opening = _HE_OR_SHE.match(clause)
    if opening is None:
        return None
    fits = PRONOUN_RELATIONS[opening.group("who").lower()]
    named = [
        m
        for m in _ANY_RELATION.finditer(content, 0, at)
        if kin(m.group("rel")) in fits and not _THEIRS_AFTER.match(content, m.end())
    ]
    if not named and not _ANY_RELATION.search(content, 0, at):
        return _one_named_before(content[:at])
    if len({kin(m.group("rel")) for m in named}) != 1 or _SOMEONE_NEW.search(
        content, named[-1].end(), at
    ):
        return None  # no one, two who fit ("my mom or my sister"), or someone new since
    name = named[-1].group("name")
    if name and name[:1].islower() and not a_lower_name(name):
        name = None  # "my mom pls, she…", "my dad though, he…"
    return relation_subject(named[-1].group("rel"), name[:1].upper() + name[1:] if name else None)
