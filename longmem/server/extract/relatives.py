"""Relatives as chat calls them, said with the words the rules read, before a message's
sentences and clauses are read (``plainly.said_plainly`` calls both):

- ``kin_said``: a partner called "the wife", "the missus", "my other half"; a child
  called "our boy", "my lad", "my eldest" where the sentence tells of a child; "my
  sister's son" (a nephew); "my step dad" (a stepdad); "my gran Rose".
- ``relatives_named``: several relatives of one kind named in a list, or two named one
  after the other, each said of alone, with one thing said of all said of each; a second
  relative had, after the first's name; relatives announced, then each named with what
  is told of them ("I have two sisters: Beatriz is a vet, and Leonor…").

Each rewrite leaves a message it does not fit as it was.
"""

from __future__ import annotations

import re
from typing import Optional

from .chat import FICTION
from .kin import GIVEN_NAME, RELATIONS
from .lexicon import CLAUSE_VERBS, COMMON_VERBS, MODALS, PAST_IRREGULAR, PET_WORDS
from .names import NOT_NAMES
from .text import sentence_bounds
from .third_person import indefinite_article
from .when import count_of

# A name, or a verb or "'s" opening what is said of the one named ("our boy Leo …",
# "the wife just got …", "my eldest's 12 now"): what makes a word for someone a relative.
# Not a name asked after ("our boy Leo? nah, the neighbour's").
_SAYS = (
    r"\s+(?:and\s+I|&\s+I|is|was|has|had|just|got|gets|started|starts|turned|turns|goes|went|"
    r"moved|works|worked|lives|finally|now|still|recently|left|quit|became|loves|hates)\b"
)
_SAID_OF_THEM = (
    r"(?=\s*,?\s*(?-i:" + GIVEN_NAME + r")\b(?!\s*\?)(?!['’]s\s+(?:[Nn]ight|[Dd]ay|[Cc]lub)\b)|"
    r"['’]s\s(?!(?:night|nights|day|holiday|weekend|trip|club|tour)\b)|" + _SAYS + r")"
)
# The words for a partner (lower case, spaces single) and the relation each stands for.
_CALLED = {
    "wife": "wife",
    "wifey": "wife",
    "missus": "wife",
    "missis": "wife",
    "hubby": "husband",
    "husband": "husband",
    "other half": "partner",
    "oh": "partner",  # chat's "OH", in capitals: "OH got a new job", "my OH is vegan"
    "better half": "partner",
    "gran": "grandma",
}
# … and for a child (any other word: "kid"), its rank kept ("my oldest lad" → "my oldest
# son", "our middle one" → "our middle kid", "my little girl" → "my daughter").
CHILD_WORD = {
    "son": "son",
    "boy": "son",
    "lad": "son",
    "man": "son",
    "daughter": "daughter",
    "girl": "daughter",
}
_RANKS = frozenset(("eldest", "youngest", "oldest", "middle"))


def _child_called(words: str) -> str:
    """The words the rules read for a child called ``words`` ("oldest one" → "oldest kid")."""
    said = words.lower().split()
    rank = [w for w in said if w in _RANKS]
    child = CHILD_WORD.get(said[-1], "kid")
    return " ".join([*rank, child])


# A partner called so, in lower case ("The Wife Between Us" is a book): "my other half",
# "my better half", "my missus"; "OH" (other half) after "my" or opening a sentence
# before what is said of them ("OH got a new job"; not "OH no", "OH is that so?"); "the
# wife / missus / hubby …" only where the message opens with it, or as "me and the
# missus", "the wife and I" (not "The couple next door are lovely; the husband is a vet",
# "I met with the husband Dave", "the other half of the pizza"), and then not before a
# name. "my gran Rose" (not "my Gran Canaria trip"); "(my other half)" after a name.
# Not "my fella": a boyfriend, or a mate ("Alright my fella Tom").
_PARTNER_WORD = r"(?-i:wife|wifey|missus|missis|hubby|husband)"
_CALLED_PARTNER = re.compile(
    r"(?P<the>^\s*[Tt]he\s+(?P<opens>"
    + _PARTNER_WORD
    + r")(?="
    + _SAYS
    + r"|['’]s\s(?-i:[a-z])|\s*,\s*(?-i:[A-Z][a-z]+)\s*,)|"
    r"(?<=\b[Mm]e\sand\s)[Tt]he\s+(?P<with_me>" + _PARTNER_WORD + r"|(?-i:(?:other|better)\s+half))"
    r"\b(?!\s*,?\s*(?-i:[A-Z]))|"
    r"\b[Tt]he\s+(?P<then_me>"
    + _PARTNER_WORD
    + r"|(?-i:(?:other|better)\s+half))(?=\s+and\s+(?:I|me)\b))|"
    r"(?:^|(?<=[.!?]\s))(?P<oh>(?-i:OH))(?=" + _SAYS + r"|['’]s\s(?-i:[a-z]))"
    r"(?!\s+and\s+I['’]m)(?![^.!?\n]*\?)|"
    r"\b(?P<my>[Mm]y|[Oo]ur)\s+(?P<mine>(?-i:(?:other|better)\s+half|missus|missis|OH)|"
    r"gran(?!\s+(?:Canaria|Turismo|Torino|Prix|Sasso|Paradiso)\b))(?:"
    + _SAID_OF_THEM
    # who someone named is, in brackets: "Gareth (my other half) is on shift"
    + r"|(?=\)))",
    re.I,
)
# A child called so: "our boy Leo", "my little girl Mia", "my eldest, Leo, is 12", "my
# lad Leo" (not "my boy": a son or a boyfriend) — only where the sentence tells of a
# child (_A_CHILDS) and the message of no pet, game, team, star or someone else's child
# (_NOT_A_CHILDS): not "our lad Salah scored a worldie", "our boy Rex is 3, chews the
# sofa", "my lad Jonno from uni, we're both 24".
_CALLED_A_CHILD = re.compile(
    r"\b(?P<ours>[Mm]y|[Oo]ur)\s+(?P<child>(?-i:(?:little|wee)\s+(?:boy|girl|man|one)|"
    r"(?:eldest|youngest|oldest)(?:\s+(?:one|lad))?|middle\s+one|lad)|(?<=[Oo]ur\s)(?-i:boy|girl))"
    + _SAID_OF_THEM,
)
# What tells of a child in the sentence: an age under 18, school, a birthday, a baby's
# first things.
_A_CHILDS = re.compile(
    r"\b(?:(?:is|turned|turns|'s|’s|now|aged?)\s+(?:[1-9]|1[0-7]|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve)\b(?!\s*(?:and|&|or|-)\s*\d)|school|nursery|preschool|"
    r"kindergarten|homework|gcses?|year\s+\d+|grade\s+\d+|born|birthday|bday|first\s+(?:steps?|"
    r"words?|tooth)|crawling|teething|potty|nappy|nappies|diapers?|bedtime|toddler)\b",
    re.I,
)
_NOT_A_CHILDS = re.compile(
    r"\b(?:" + "|".join(sorted(PET_WORDS, key=len, reverse=True)) + r"|pup|puppies|squirrels?|"
    r"walkies|walks?|vet|vets|tabby|paws?|bark\w*|woof|meow|purr\w*|kennel|lead|leash|treats?|"
    r"fetch|chew\w*|tail|belly|sofa|hatched|house\s*trained|on\s+command|toys?|tuna|doggy|"
    r"hydro|scored|goals?|debut|signed|transfer|midfielder|striker|keeper|defender|winger|"
    r"called\s+up|england|olympics?|medal|gold|season|league|cup|match|tour\w*|album|concert|"
    r"gig|fans?|love\s+island|actor|actress|film|movie|show|telly|tv|novel|book|sims|game|"
    r"character|godson|goddaughter|godchild|sponsor\w*|auntie|aunty|uncle|grandparents?|"
    r"grandson|granddaughter|grandchild|grandkids?|nephew|niece|from\s+(?:uni|work|the\s+office|"
    r"hr|accounts|the\s+gym|school)|mates?|colleague|team|squad|together|dating|girlfriend|"
    r"boyfriend|we['’]re\s+both|sisters?|brothers?|siblings?|pupils?|students?|class|"
    r"(?:call|calling|called|name|naming|named)\s+(?:our|my|him|her)|jk|next\s+door|"
    r"neighbou?r\w*|apprentice|five-a-side|football|rugby|cricket|pub|pints?|"
    r"(?:his|her|their)\s+(?:little\s+)?(?:girl|boy|son|daughter|kids?))\b|🐶|🐱|🐕|🐈|⚽|🐾",
    re.I,
)
# "my sister's son Jake", "my brother's little girl", "my sis's daughter": a nephew or
# niece (not "my sister's boy Marcus": her boyfriend, or her son).
_SIBLINGS_CHILD = re.compile(
    r"\b(?P<my>[Mm]y|[Oo]ur)\s+(?:(?:big|little|older|younger)\s+)?(?:sister|brother|sis|bro)"
    r"(?:['’]s|s['’])\s+(?P<child>(?:youngest|eldest|oldest)\s+(?:son|daughter)|"
    r"little\s+(?:boy|girl)|son|daughter)\b(?!['’])" + _SAID_OF_THEM,
    re.I,
)
_STEP = re.compile(
    r"\b(?P<step>[Ss]tep)[\s-]+(?=(?:dad|father|mum|mom|mother|brother|sister|son|daughter)\b)"
)


def kin_said(content: str) -> str:
    """Relatives called as people call them, said with the words the rules read: "the
    wife just got promoted" → "my wife just got promoted", "our boy Leo" → "our son
    Leo", "my sister's son Jake" → "my nephew Jake", "my step dad" → "my stepdad"."""
    content = _STEP.sub(r"\g<step>", content)

    def siblings_child(match: re.Match[str]) -> str:
        girl = match.group("child").lower().endswith(("girl", "daughter"))
        return f"{match.group('my')} {'niece' if girl else 'nephew'}"

    def partner(match: re.Match[str]) -> str:
        if match.group("oh"):
            return "My partner"
        if match.group("mine"):
            return f"{match.group('my')} {_CALLED[' '.join(match.group('mine').lower().split())]}"
        word = match.group("opens") or match.group("with_me") or match.group("then_me")
        said = match.group(0)
        my = "My" if said.lstrip()[:1] == "T" else "my"
        return f"{said[: len(said) - len(said.lstrip())]}{my} {_CALLED[' '.join(word.split())]}"

    def child(match: re.Match[str]) -> str:
        begin, end = sentence_bounds(match)
        if not _A_CHILDS.search(match.string, begin, end) or _NOT_A_CHILDS.search(match.string):
            return match.group(0)
        return f"{match.group('ours')} {_child_called(match.group('child'))}"

    content = _SIBLINGS_CHILD.sub(siblings_child, content)
    return _CALLED_A_CHILD.sub(child, _CALLED_PARTNER.sub(partner, content))


# Several relatives of one kind named in a list ("I have two brothers, Tom and Sam", "My
# sisters are Anna and Beth", "my cousins Ana and Luis live in Madrid", "My brothers Tom
# and Sam are both engineers"), or two named one after the other as what a sentence is
# about ("my brother Tom and my sister Anna both live in Leeds"): each said of alone, as
# "My brother is Tom. My brother is Sam." and, with what follows when it is one thing
# said of each, "My brother Tom is an engineer. My brother Sam is an engineer." Family
# only: "my best friends Ben and Jerry", "flatmates Sky and Netflix" are jokes. Not in a
# story, a game or a joke ("two sisters, Anna and Beth, in my novel", "…, jk I'm an only
# child"). (Children: plainly._children_named.)
_LISTED_KIN = (
    "brother",
    "sister",
    "sibling",
    "bro",
    "stepbrother",
    "stepsister",
    "cousin",
    "aunt",
    "auntie",
    "uncle",
    "niece",
    "nephew",
)
_PLURAL_KIN = {f"{word}s": word for word in _LISTED_KIN}  # each is plural with an "s"
_KIN_WORDS = "|".join(sorted(_LISTED_KIN, key=len, reverse=True))
_OLDER = r"(?:(?:older|younger|little|big|twin|elder)\s+)?"
_I_HAVE = r"(?:I|i|[Ww]e)\s*(?:have|['’]ve\s+got|have\s+got|['’]ve|got)"
_NAMED = r"(?-i:" + GIVEN_NAME + r")"
_RELATIVES_NAMED = re.compile(
    r"(?:^|(?<=[.!?])\s*)(?:(?P<have>" + _I_HAVE + r"\s+(?:two|three|four|2|3|4)\s+)|"
    r"(?P<my>[Mm]y|[Oo]ur)\s+(?:(?:two|three|2|3)\s+)?)"
    + _OLDER
    + r"(?P<kind>"
    + "|".join(sorted(_PLURAL_KIN, key=len, reverse=True))
    + r")(?:(?P<are>\s+are\s+)|\s*[:,—–-]\s*|\s+)(?:(?:called|named)\s+)?"
    r"(?P<names>" + _NAMED + r"(?:\s*,\s*" + _NAMED + r")*\s*,?\s+(?:and|&)\s+" + _NAMED + r")"
    r"(?![\w'’-])(?P<rest>[^.!?\n]*)(?!\?)",
    re.I,
)
_TWO_NAMED = re.compile(
    r"(?:^|(?<=[.!?])\s*)(?P<one>(?P<my>[Mm]y|[Oo]ur)\s+"
    + _OLDER
    + r"(?:"
    + _KIN_WORDS
    + r")\s+"
    + _NAMED
    + r")\s+(?:and|&)\s+(?P<two>(?:my|our)\s+"
    + _OLDER
    + r"(?:"
    + _KIN_WORDS
    + r")\s+"
    + _NAMED
    + r")(?![\w'’-])(?P<rest>\s[^.!?\n]*)(?!\?)",
    re.I,
)
_MADE_UP = re.compile(
    r"\b(?:" + FICTION + r"|novel|book|sims|game|animal\s+crossing|minecraft|dolls?|film|"
    r"movie|show|play|imaginary|dream|jk|j/k|kidding|only\s+child)\b",
    re.I,
)
# A clause of its own after the names ("My sisters are Anna and Beth, and my cousin is Cara").
_ANOTHER_CLAUSE = re.compile(
    r"\s*(?:,\s*(?:and|but|so)\b|,?\s+(?:and|but|so)\s+(?:I|we|my|our|they)\b)", re.I
)
# What follows the names, said of each: ", who are both engineers", "are both 16", "both
# live in Leeds", "live in Madrid" (after a comma, only "who …", "both …" or "are …":
# "Ali and Hamid, group chat gift ideas" says nothing of them).
_ARE_EACH = re.compile(
    r"^\s*(?:,\s*who\s+|,?\s*)(?P<are>are|were)\s+(?:both\s+|all\s+)?(?P<pred>\S.*)$", re.I
)
_DO_EACH = re.compile(
    r"^\s*(?:,\s*(?:who\s+(?:both\s+|all\s+)?|both\s+|all\s+)|(?:both\s+|all\s+)?)"
    r"(?P<adverb>(?:just|still|now|also|recently|finally|currently)\s+)?"
    r"(?P<verb>[a-z]+)\b(?P<pred>.*)$",
    re.I,
)
# … not things said of them together or in turn ("are 16 and 19", "live in Leeds and
# York", "hate each other", "were born in 1990 and 1993", "a couple").
_SAID_OF_THEM_ALL = re.compile(
    r"\b(?:and|or|respectively|each\s+other|one\s+another|between\s+them|combined|together|"
    r"couple|twins)\b|&|\d\s*[-–]\s*\d",
    re.I,
)
# One of several said to be what they all are: "are both engineers" → "is an engineer"
# (not "are always late", "are both 16").
_THEIR_KIND = re.compile(
    r"^(?P<noun>[a-z]{3,}?)(?P<s>ies|s)(?=\s*(?:$|,|\b(?:at|in|for|with)\b))", re.I
)


def _of_one(rest: str) -> Optional[str]:
    """What follows names in a list, said of one of them ("are both engineers" → "is an
    engineer", "live in Madrid" → "lives in Madrid"), or None when it is no one thing
    said of each, or a verb the rules do not know."""
    if not rest.strip() or _SAID_OF_THEM_ALL.search(rest):
        return None
    are = _ARE_EACH.match(rest)
    if are:
        be = "is" if are.group("are").lower() == "are" else "was"
        pred = are.group("pred")
        kind = _THEIR_KIND.match(pred)
        if kind and not kind.group("noun").lower().endswith(("s", "u", "i")):
            noun = kind.group("noun") + ("y" if kind.group("s").lower() == "ies" else "")
            pred = f"{indefinite_article(noun)} {noun}{pred[kind.end() :]}"
        return f"{be} {pred}".strip()
    said = _DO_EACH.match(rest)
    if not said:
        return None
    verb = said.group("verb")
    low = verb.lower()
    if low in MODALS or low in PAST_IRREGULAR or (low.endswith("ed") and low in CLAUSE_VERBS):
        one = verb  # "will move", "grew up", "moved" are said of one as of several
    elif low in COMMON_VERBS:
        one = {"have": "has", "do": "does", "go": "goes"}.get(low) or (
            verb + "es"
            if low.endswith(("s", "sh", "ch", "x", "z"))
            else verb[:-1] + "ies"
            if low.endswith("y") and low[-2:-1] not in "aeiou"
            else verb + "s"
        )
    else:
        return None  # "my brothers Tom and Sam obsessed with …": no verb the rules know
    return f"{said.group('adverb') or ''}{one}{said.group('pred')}".strip()


# Relatives of one kind announced, then each named with what is told of them: "I have
# two sisters: Beatriz (everyone calls her Bia) is a vet in Coimbra, and Leonor, the
# youngest, is still at law school", "My two sisters: Ola, the older one, is a
# pharmacist…", "Our boys: the oldest, Colt, is 8 and the baby, Wyatt, is 5" — "My sister
# Beatriz is a vet in Coimbra. Everyone calls her Bia. My youngest sister Leonor is still
# at law school." A colon or a dash after the kind, and a name with a verb after it
# opening each part (the rest: _each_told), or the message is left as it was.
_KIN_ANNOUNCED = {
    **{f"{word}s": word for word in ("sister", "brother", "sibling", "son", "daughter", "kid")},
    "boys": "son",
    "girls": "daughter",
    "children": "child",
}
_ANNOUNCED_THEN_TOLD = re.compile(
    r"(?:^|(?<=[.!?])\s+)(?:" + _I_HAVE + r"\s+|(?P<my>[Mm]y|[Oo]ur)\s+)?"
    r"(?:(?P<count>two|three|four|2|3|4)\s+)?"
    + _OLDER
    + r"(?P<kind>"
    + "|".join(sorted(_KIN_ANNOUNCED, key=len, reverse=True))
    + r")\s*[:—–]\s*(?P<told>[^.!?\n]+)",
    re.I,
)
# Where the next one's part begins: ", and Leonor is", " and the baby, Wyatt, is".
_NEXT_TOLD = re.compile(r",[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+")
# One part: who ("Leonor", a rank said first: "the oldest, Colt,"), an aside after the
# name ("(everyone calls her Bia)", ", the youngest,", ", 12,"), then what is said,
# opening with a verb.
_ONE_TOLD = re.compile(
    r"(?:(?P<rank>the\s+[a-z]+(?:\s+one)?)\s*,\s*(?P<ranked>" + _NAMED + r")(?![\w'’-])\s*,?"
    r"|(?P<name>"
    + _NAMED
    + r")(?![\w'’-])(?:\s*\((?P<bracket>[^()]*)\)|\s*,\s*(?P<aside>[^,]+),)?)"
    r"\s*(?P<said>(?P<verb>['’]s|[a-z]+)\b.*)"
)
# Adverbs before the verb said of one: "Leonor, the youngest, is…", "Leo still lives…".
_ONE_VERBS = frozenset(("just", "still", "now", "finally", "also"))
# An aside that says which one: "the youngest", "the older one", "my little sister",
# "elder" — said before the relation word instead ("My youngest sister Leonor").
_WHICH_ONE = re.compile(
    r"^(?:(?:the|my|our)\s+)?(?P<which>older|younger|little|big|elder|eldest|youngest|oldest|"
    r"middle|baby)(?:\s+(?:one|sister|brother|son|daughter|kid|child|boy|girl|sibling))?$",
    re.I,
)
# What is said of them all after the parts: "…, and they're both feral".
_THEM_ALL_NEXT = re.compile(r"(?:they|they're|they've|both|all|we)\b", re.I)
# An age said of one: "is 8", "turned 9", "is nearly 5" ("boys", "girls" are children only so).
_AN_AGE_SAID = re.compile(
    r"^(?:is|turned|turns|just\s+turned)\s+(?:nearly\s+|almost\s+)?\d{1,2}\b", re.I
)


def _a_part(text: str) -> Optional[re.Match[str]]:
    """``text`` read as one named relative's part (_ONE_TOLD), or None: no verb after the
    name, or a "name" that is a relation word or a word that names no one ("Mum is
    exhausted", "Today is…")."""
    one = _ONE_TOLD.match(text)
    if one is None:
        return None
    verb = one.group("verb").lower()
    if not (verb in ("'s", "’s") or verb in CLAUSE_VERBS or verb in _ONE_VERBS):
        return None
    name = one.group("ranked") or one.group("name")
    low = name.lower()
    if low in RELATIONS or low in NOT_NAMES:
        return None
    return one


def _each_told(match: re.Match[str]) -> str:
    """The announced relatives each told of alone (_ANNOUNCED_THEN_TOLD), or the match as
    it was: each part a named relative's; as many as the count said, if one was; each
    after a comma or named by rank ("the baby, Wyatt"), if none was; an age said of each
    of "boys" or "girls" (not "My boys: Max is a lab and Rocky is a pug")."""
    told, after = match.group("told"), ""
    parts, start, bare = [], 0, False
    for cut in _NEXT_TOLD.finditer(told):
        if _THEM_ALL_NEXT.match(told, cut.end()):
            # "…, and they're both feral": said of them all, a sentence of its own
            told, after = told[: cut.start()], told[cut.end() :]
            break
        one = _a_part(told[cut.end() :])
        if one is not None:
            parts.append(told[start : cut.start()])
            start = cut.end()
            bare = bare or ("," not in cut.group(0) and not one.group("rank"))
    parts.append(told[start:])
    read = [_a_part(part) for part in parts]
    counted = (match.group("count") or "").lower()
    count = count_of(counted) if counted else None
    kind = match.group("kind").lower()
    if (
        len(parts) < 2
        or any(one is None for one in read)
        or (count is not None and count != len(parts))
        or (count is None and bare)
        or (
            kind in ("boys", "girls")
            and not all(one and _AN_AGE_SAID.match(one.group("said")) for one in read)
        )
    ):
        return match.group(0)
    relation = _KIN_ANNOUNCED[kind]
    my = "Our" if (match.group("my") or "").lower() == "our" else "My"
    said = []
    for one in read:
        assert one is not None
        which = _WHICH_ONE.match(
            (one.group("rank") or one.group("aside") or one.group("bracket") or "").strip()
        )
        who = f"{which.group('which').lower()} {relation}" if which else relation
        name = one.group("ranked") or one.group("name")
        aside = "" if which or not one.group("aside") else f", {one.group('aside').strip()},"
        told_of = f"{my} {who} {name}{aside} {one.group('said').strip()}"
        bracket = (one.group("bracket") or "").strip()
        if bracket and not which:  # "(everyone calls her Bia)": a sentence of its own
            told_of += f". {bracket[:1].upper()}{bracket[1:]}"
        said.append(told_of)
    if after:
        said.append(after[:1].upper() + after[1:])
    opening = match.group(0)[: len(match.group(0)) - len(match.group(0).lstrip())]
    return opening + ". ".join(said)


def relatives_named(content: str) -> str:
    """The message with the relatives a list names said one by one (else as it was)."""
    if _MADE_UP.search(content):
        return content
    content = _ANNOUNCED_THEN_TOLD.sub(_each_told, content)

    def each(match: re.Match[str]) -> str:
        relation = _PLURAL_KIN[match.group("kind").lower()]
        names = re.findall(_NAMED, match.group("names"))
        rest = match.group("rest")
        if match.group("are") and rest.strip() and not _ANOTHER_CLAUSE.match(rest):
            # "my sisters are Ant and Dec fans", "… Anna and Beth in the play"
            return match.group(0)
        said_of_each = _of_one(rest)
        my = "Our" if (match.group("my") or "").lower() == "our" else "My"
        if said_of_each:
            return ". ".join(f"{my} {relation} {name} {said_of_each}" for name in names)
        # who they are, then the sentence as it was ("I've got two brothers, Ali and
        # Hamid, group chat gift ideas for eid")
        return ". ".join([*(f"{my} {relation} is {name}" for name in names), match.group(0)])

    def both(match: re.Match[str]) -> str:
        said_of_each = _of_one(match.group("rest"))
        one, two = match.group("one"), match.group("two")
        two = two[:1].upper() + two[1:]
        if said_of_each is None:  # who they are, then the sentence as it was
            return f"{one}. {two}. {match.group(0)}"
        return f"{one} {said_of_each}. {two} {said_of_each}"

    content = _TWO_NAMED.sub(both, _RELATIVES_NAMED.sub(each, content))
    return _AND_ANOTHER.sub(r"\g<first>. I have \g<another>", content)


# A second relative had, right after the first and their name: "I've got an older
# sister, Emma, and a younger brother called Luke" is "… an older sister, Emma. I have a
# younger brother called Luke"; so is "one brother called Sean and a sister called
# Niamh" (not "I have a sister, she's got a boyfriend and a stepbrother called Luke", nor
# "Jake has a brother called Tom and a sister called Amy"). Children: plainly._children_named.
_SIBLING_WORDS = r"(?:brother|sister|stepbrother|stepsister|cousin|niece|nephew)"
_AND_ANOTHER = re.compile(
    r"(?P<first>\b"
    + _I_HAVE
    + r"\s+(?:a|an|one)\s+(?:(?:older|younger|little|big|twin|baby|elder)\s+)?"
    + _SIBLING_WORDS
    + r"(?:\s*,\s*|\s+(?:called|named)\s+)"
    + _NAMED
    + r")\s*,?\s+and\s+(?P<another>(?:a|an|one)\s+"
    + _OLDER
    + _SIBLING_WORDS
    + r"\s*(?:,\s*|\s+(?:called|named)\s+))(?="
    + _NAMED
    + r"\b)"
)
