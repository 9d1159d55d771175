"""The rest of a clause: what it says beside the keyed facts read from it, kept as a
plain memory in its own words, so that nothing said is dropped ("I'm 30, boyfriend is a
chef, works at Nobu" keys the age and keeps "Boyfriend is a chef, works at Nobu"; "got a
cat called Luna and a new job at Tesco" keys the cat and keeps "Got a new job at Tesco").

``rest_untold`` is read by the rules' reading (``pipeline.py``) for each clause, after the
clause's facts, told whether the sentence's last piece asked (``chat.typed_after``).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Callable, NamedTuple, Optional

from ..embed import tokens
from ..facts import EPISODE, RELATION_ATTRIBUTES, USER, ExtractedFact
from .chat import REQUEST, joke_owned_up, strip_filler
from .chitchat import INTERJECTIONS, is_chat_word, is_chitchat
from .kin import QUALIFIER_WORDS, RELATIONS
from .lexicon import CLAUSE_VERBS, DAY_NAMES, MONTHS, words
from .match_values import age_in_digits
from .questions import QUESTION_WORDS
from .subjects import NOBODY, Subject
from .text import classify, content_words, has_past_verb, lower_words, verb_first, verb_of
from .third_person import finish, third_person
from .when import became_true, plain_until

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
    # "had her baby last night, a boy, Antek": the birth is the child
    "children": frozenset(content_words("baby boy girl son daughter born birth newborn")),
    # a condition said as what one is, or as the doctor found it: "I'm pre-diabetic",
    # "doc says I'm anemic", "my cholesterol's high", "coeliac, confirmed"
    "conditions": frozenset(
        content_words(
            """diabetic pre-diabetic prediabetic anemic anaemic asthmatic epileptic cholesterol
            high blood pressure doctor doc gp says said again back"""
        )
    ),
    "allergies": frozenset(content_words("allergic allergy intolerant intolerance officially")),
}
# Words that only say again that someone named is one of the user's.
_MET = frozenset(content_words("met meet meeting new name named called say hi hello"))
# Words that only say again that a fact ended, beside the fact's denial.
_ENDED = frozenset(
    content_words(
        """quit quitting left leaving stopped stopping dropped gave give up anymore longer
        recently finally officially"""
    )
)
# What is said to the listener, not of anyone: "wish me luck", "pray for me", "just so you
# know", "nice chatting with you", "bet you didn't expect that", "not bad eh".
_ASIDE_TO_YOU = re.compile(
    r"^(?:(?:so|and|but|ha|haha|lol|anyway)\s+)*(?:wish\s+me\s+luck|pray\s+for\s+me|"
    r"fingers\s+crossed|just\s+so\s+you\s+know|carry\s+on|bet\s+you|you\s+know|"
    r"nice\s+(?:chatting|talking)|(?:not\s+bad|wild|crazy|mad),?\s+(?:eh|right|huh)|"
    r"help(?:\s+(?:me|pls|please|lol))?\W*$|"
    r"send\s+help|what\s+a\s+(?:life|day|week|year)|feeling\s+\w+$|happy\s+birthday|"
    r"for\s+context|(?:like|as)\s+i\s+(?:said|told\s+you|mentioned)|according\s+to|"
    r"(?:god|who|heaven)\s+knows|that['’]?s\s+(?:all|it|about\s+it)\b|"
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
# The words that say who someone is to the user, beside their name: "my eldest, Josh",
# "Krista, my girlfriend", "Li, my old manager".
_NAMING_WORDS = frozenset(
    content_words(" ".join((*sorted(_PEOPLE), *QUALIFIER_WORDS, "kid", "one")))
)
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
    r"(?:reckon|thoughts|wdyt|(?:the\s+)?(?:cheapest|best|quickest|easiest|fastest)\s+way|"
    r"wanna\s+know|want\s+to\s+know|wondering|lmk|let\s+me\s+know|any\s+idea)\b|"
    r".*\b(?:ideas|tips|advice|suggestions|recommendations|recs)\b",
    re.I,
)
# Words of feeling, which carry no fact of their own: "love them so much", "so tired".
_FEELINGS = frozenset(
    content_words(
        """love loving loved hate hating like liking miss missing enjoy enjoying much lot
        lots tired exhausted excited happy sad gutted nervous scared proud stressed bored
        cute amazing great awesome lovely ugh honestly felt feel feels feeling"""
    )
)
# A joining word a rest opens or ends on: "and the boys can cycle to school", "early days but".
_JOINED = re.compile(r"^(?:and|but|so|or|then|plus)\s+|\s+(?:and|but|so|or)$", re.I)
# What one did a thing for, after its fact's value: "(I left Tesco) to go to Asda", "(moved
# to Leeds) to be near my mum" — kept with the clause it explains, in its words.
_WHAT_FOR = (
    r"to\s+(?:go\s+\w|(?:travel|focus|spend|move|join|work|start|study|look|care|be|become|"
    r"retire|raise|concentrate|pursue|try|set|help|live|stay|open|run|train|teach|save|earn|"
    r"pay|support|fund|cover)\b)"  # (not "3 more to go": nothing said it was for)
)
# Another thing joined to a piece the facts were read from, by "and" or "plus" ("got a cat
# called Luna and a new job at Tesco", "I live in Leeds and the commute is awful"),
# anything said after a "but" ("I'm a teacher but thinking of retraining as a nurse"), or
# what it was done for or what is said of someone in it ("… with a flatmate who doesn't
# clean"), kept with the piece it tells of.
_AND_A_THING = re.compile(
    r"\s+(?:(?:and|plus|as\s+well\s+as)\s+(?!a\s+(?:half|quarter)\b)(?=(?:a|an|my|our|the|some|another|two|three|"
    r"four|five|\d+)\s+\w)(?!the\s+(?:surrounding|nearby|neighbouring|local|wider|greater)\b)|"
    r"(?P<clause>and)\s+(?=\w)|but\s+(?=\w)|(?=" + _WHAT_FOR + r"|(?:who|which)\s))",
    re.I,
)
# What a verb's object opens on, ending the words that say what was done: "(just got) a
# new job", "(I'm) 30", "(I speak) French".
_AN_OBJECT = re.compile(r"(?:a|an|my|our|the|some|another|\d+|(?-i:[A-Z])[\w'’-]*)$", re.I)
# Words that leave the verb unfinished: "promoted to (manager)", "allergic to (peanuts)".
_UNFINISHED = words("to at in on of for with from by as into about")
# The most words said before the object: "we just got", "I've finally started".
_VERB_WORDS = 4
# What one is or has, said before another thing one is or has: "I'm vegan and a keen
# runner", "I have diabetes and two kids".
_BEING = words("i'm im i’m we're we’re am is are was were have has had i've we've")
_WHAT_IT_IS_CALLED = words("called named")
_SAYING = words("says said reckons reckoned thinks knows claims")
_DETERMINERS = words("a an the my our some another")
# A verb's -ing ("still going strong", "starting Monday"), not a noun's ("a wedding ring").
_DOING = re.compile(r"\w{2,}ing$")
_NOT_DOING = words(
    """thing things something nothing anything everything morning evening wedding ring
    spring king ceiling building pudding sibling siblings darling clothing meeting during"""
)


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
        if verb_of(pieces[run[0]]) not in _THEIR_VERBS:
            return run[0]
        named = [
            at
            for at in range(1, run[0])
            if _A_NAME_SAID.search(pieces[at]) or not _PEOPLE.isdisjoint(tokens(pieces[at]))
        ]
        return named[-1] if named else run[0]

    return _taken_back(runs, start)


def _with_the_clause(pieces: list[str], runs: list[list[int]]) -> list[list[int]]:
    """``runs`` of a clause about someone else, each that does not open on a verb said of
    them taken back to the clause's start, which says whom it is of: "my boss, 50,
    divorced, three kids, keeps asking me to stay late" is kept whole, not as "three kids,
    …", which reads as the user's; "Marcus got promoted, proud big bro moment" too."""
    return _taken_back(runs, lambda run: run[0] if verb_first(pieces[run[0]]) else 0)


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


class _Cut(NamedTuple):
    """A clause's pieces once another thing joined on is cut off (``_said_of_another``)."""

    pieces: list[str]
    verbs: dict[int, str]  # by a piece's place: the words its verb is said in
    joins: dict[int, str]  # by a piece's place: what joined it to the piece before


def _said_of_another(pieces: list[str], covered: set[str], values: list[str]) -> _Cut:
    """``pieces`` with another thing joined to one the facts were read from cut off as a
    piece of its own, said with the verb it shares: "got a cat called Luna and a new job at
    Tesco" → "got a cat called Luna", "a new job at Tesco" (said with "got"). What has a
    verb of its own is said without one: "… and the commute is awful"; so is what is said
    before a "but" and the facts after it ("grew up in Swansea but moved to Cardiff"); what
    a thing was done for is said with it ("left Tesco to go to Asda"). A thing the facts
    say ("a cat and a dog") is not cut off."""
    cut = _Cut([], {}, {})
    for piece in pieces:
        join = _AND_A_THING.search(piece)
        if join is None:
            cut.pieces.append(piece)
            continue
        head, tail = piece[: join.start()], piece[join.end() :]
        if join.group("clause") and not _has_a_verb(tail):
            cut.pieces.append(piece)  # "and" with no thing after it, nor a clause: "salt and
            continue  # pepper"; a clause is: "I'm 31 and night shifts are way harder"
        told = _says(head, covered, values)
        but = join.group().lower().split()[:1] == ["but"]
        if not _words_of(tail) or told == _says(tail, covered, values) or not (told or but):
            cut.pieces.append(piece)
            continue
        cut.pieces.append(head)
        at = len(cut.pieces)
        cut.joins[at] = join.group()
        cut.pieces.append(tail)
        if not join.group().strip():
            cut.verbs[at] = head  # said with what it tells of: "left Tesco to go…"
            continue
        verb = _verb_said(head) if told else ""
        being = bool(verb) and verb.split()[-1].lower() in _BEING
        if verb and (not _has_a_verb(tail) or (being and _DOING.match(tail.split()[0]))):
            cut.verbs[at] = verb  # "(I'm a teacher but) thinking of …": "I'm thinking of …"
    return cut


def _says(piece: str, covered: set[str], values: list[str]) -> bool:
    """Whether ``piece`` says a word of the facts' texts or one of their values."""
    return not covered.isdisjoint(_words_of(piece)) or any(v in piece.lower() for v in values)


def _verb_said(head: str) -> str:
    """The words ``head`` says before its object, when they end on a verb: "just got" of
    "just got a cat called Luna", "I'm" of "I'm 30" and of "I'm vegan"; or ""."""
    said = head.split()
    for end in range(1, min(len(said), _VERB_WORDS + 1)):
        before = said[end - 1].lower()
        being = before in _BEING and said[end].lower() not in _UNFINISHED  # not "we're in"
        if being or (
            _AN_OBJECT.match(said[end])
            and before not in _UNFINISHED
            and before not in _DETERMINERS  # not "at the (Co-op)"
        ):
            return " ".join(said[:end])
    return ""


def _has_a_verb(thing: str) -> bool:
    """Whether ``thing`` says what is or was done ("the commute is awful", "3 kids later
    still going strong"), not only what it is ("a puppy called Rex", "a bit of German")."""
    said = lower_words(thing)
    return any(
        _a_verb(word) and not (at and said[at - 1] in _DETERMINERS) for at, word in enumerate(said)
    )


def _a_verb(word: str) -> bool:
    if word in _WHAT_IT_IS_CALLED or word in _NOT_DOING:
        return False
    return (
        word in CLAUSE_VERBS
        or word in _SAYING
        or word.endswith(("n't", "n’t"))  # "the rest of the family aren't"
        or has_past_verb([word])
        or bool(_DOING.search(word))
    )


def rest_untold(
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
    # Someone the clause names as one of the user's ("my brother Willem") is whom it
    # speaks of, as a subject is: "I'm 30, staying at my brother Willem's place in
    # Randburg" keeps the stay beside the age and the brother.
    people = [f for f in told if f.attribute in RELATION_ATTRIBUTES and f.subject == USER]
    covered: set[str] = set()
    values = [f.value.lower() for f in told if f.value and f not in people]
    # an age said in words is said where its word is: "leo is four and refuses to eat…"
    values += [w for w in lower_words(clause) if w.isalpha() and age_in_digits(w) in values]
    for fact in told:
        if fact not in people:
            covered.update(content_words(fact.text))
    # Whom the facts are of is not what they say: "Wiremu's on the Gold Coast, working at
    # a resort" keys the resort and keeps "Wiremu's on the Gold Coast". A piece that only
    # names them is theirs ("my eldest, Josh", "Krista, my girlfriend").
    whom = {w for f in told for part in f.subject.split(":") for w in content_words(part)}
    whom.update(w for f in people for w in content_words(f.text))
    covered -= whom
    restated = set().union(*(_RESTATED.get(f.attribute or "", ()) for f in keyed))
    if people:
        restated |= _MET  # "met my new manager today, Fiona": the manager told
    if any(f.negated for f in keyed):
        restated |= _ENDED  # "enrolled in a pottery class but quit recently": the end told
    cut = _said_of_another(_top_pieces(clause), covered, values)
    pieces, verbs = cut.pieces, cut.verbs
    runs: list[list[int]] = []  # each run's pieces, by their place in ``pieces``
    told_of = False  # whether a piece shows where the facts were read
    apart = True  # whether the piece read next begins a run of its own
    for at, piece in enumerate(pieces):
        own = _words_of(piece)
        naming = not whom.isdisjoint(own) and own <= whom | restated | _NAMING_WORDS
        if naming or _says(piece, covered, values):
            told_of, apart = True, True
        elif _words_of(_A_TIME_WORD.sub(" ", piece)) <= restated | whom:
            apart = True  # when the facts hold, or what they say again
        elif _ASIDE_TO_YOU.match(piece) or is_chitchat(piece):
            apart = True  # "wish me luck", "lol"
        elif joke_owned_up(piece, "") is not None:
            apart = True  # "(I work at Apple,) the one in Cupertino jk"
        elif at not in verbs and (
            any(p.match(strip_filler(piece)) for p in (REQUEST, _ASKS, _ASKS_TOO))
            or _ASKED_OF_YOU.search(piece)
        ):
            break  # a question or a request, and what follows it, is no memory
            # (not "who …" said of someone: "… with a flatmate who doesn't clean")
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
        rest = _JOINED.sub(
            "",
            "".join((cut.joins.get(at, ", ") if at != run[0] else "") + pieces[at] for at in run),
        )
        carrying = [
            w
            for w in _words_of(rest)
            if w not in INTERJECTIONS and w not in _FEELINGS and not is_chat_word(w)
        ]
        # (the clause's first word is capitalised as a sentence's: "Supposedly")
        named = _A_NAME_SAID.search(rest, len(rest.split(" ", 1)[0]) if first else 0)
        told_of_it = not cut.joins.get(run[0], ",").strip()  # "who doesn't clean": of it
        if not carrying or not (
            named or _A_NUMBER_SAID.search(rest) or len(carrying) >= _REST_WORDS or told_of_it
        ):
            continue
        if introduced and len(rest.split()) <= _ALIAS_WORDS:
            continue  # "I'm Marites, Tess for short": how the user is called, said with it
        if run[0] in verbs:
            rest = f"{verbs[run[0]]} {rest}"  # "(got a cat and) a new job" → "got a new job"
        past = has_past_verb(lower_words(rest))
        kind = classify(rest)
        valid_from = became_true(rest, said, past)
        expires_at = plain_until(rest, kind == EPISODE, past, until, said)
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
