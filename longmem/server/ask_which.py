"""Which attributes a query asks about (ask.py reads whose fact): the attributes whose
question words the query holds ("live" → home, "old" → age, "work" → employer and job…),
the better-fitting first: "where … work" and "who … work for" put the employer before
the job; "job" and "position" the job first; a place question ("where", "which city")
puts where one is now before where one lives; "where … study" asks the school, "what …
study" the subject studied.

A question of food one cannot have ("what can't I eat?") asks what one is allergic to,
the diet and the conditions that keep one off a food; "what does Jay do?" the job, then
the employer; "what's my favourite tv show?" ``favorite:tv show`` (then ``favorite:tv``).
Words of place and time alone ("where do I get my pastries?") ask no attribute.
"""

from __future__ import annotations

from .extract.kin import RELATIONS
from .facts import ATTRIBUTES, FAVORITE_PREFIX, ROLE_ATTRIBUTES

_ONESELF = frozenset(("i", "we"))  # who a "where am I / are we" question asks after
_WHEREABOUTS = frozenset(
    "where am are i we now currently right at the moment these days today".split()  # noqa: SIM905
)
_WHERE = frozenset(
    (
        "where",
        "city",
        "town",
        "country",
        "place",
        "neighbourhood",
        "neighborhood",
        "suburb",
        "district",
        "location",
    )
)
# A home by its noun, and the words that ask where it is.
_HOME_NOUNS = frozenset(("place", "flat", "apartment", "house", "condo"))
_WHERE_PART = frozenset(("where", "part", "area", "neighbourhood", "neighborhood", "suburb"))
# Whose a home is, just before its noun ("my flat", "Aga's place": "aga", "s").
_WHOSE = frozenset(("my", "our", "his", "her", "their", "s"))
# What may follow a home's noun in a question that asks where it is.
_HOME_ASKED_END = frozenset(("in", "now", "located", "these", "nowadays", "at"))


def _a_home_asked(words: list[str]) -> bool:
    """Whether a question names someone's home by its noun, last or before "in", "now":
    "where is Aga's place?", "which part of London is my flat in?" (not "where did I put
    my house keys?", "where is a good place for brunch?", "where should I place the
    sofa?")."""
    return any(
        word in _HOME_NOUNS
        and at > 0
        and words[at - 1] in _WHOSE
        and (at + 1 == len(words) or words[at + 1] in _HOME_ASKED_END)
        for at, word in enumerate(words)
    )


_EMPLOYER_FIRST = frozenset(("where", "who", "for", "firm", "company", "employer", "which"))
# The words of a question that ask where one works, not where one lives.
_AT_WORK = frozenset(("work", "works", "working", "office", "company", "firm", "employer", "job"))
_JOB_FIRST = frozenset(("job", "position", "role", "occupation", "profession", "title"))
# Words of a question about a trip to come: "upcoming travel plans", "any trips soon?"
_TRAVEL = frozenset(
    ("upcoming", "trip", "trips", "travel", "travelling", "traveling", "vacation", "vacations")
)
_WHERE_OR_TRAVEL = _WHERE | _TRAVEL  # what keeps `location` among the attributes asked
# The words of a question that ask each attribute (its ``asked_by``), split once.
ASKED_BY = {name: frozenset(spec.asked_by.split()) for name, spec in ATTRIBUTES.items()}
# Words of place and time: a question with only these ("where do I get my pastries?")
# asks about no attribute.
_WEAK = frozenset(("where", "now", "currently", "today", "weekend"))
# Two words that say "avoid" before "from" ("which fruit must I stay away from?"): not a
# home's "stay", nor an absence ("how long will my mum stay away?").
_AVOIDING = frozenset((("stay", "away"), ("keep", "away")))
# Words after "favourite" that are not the thing: "what is my favourite?", "my favourite
# at the moment", "which is my favourite now".
_NOT_A_THING = frozenset(
    ("is", "are", "was", "at", "now", "these", "right", "of", "to", "in", "for", "and", "s")
)


# What is asked of whom the user sees (facts.ROLE_ATTRIBUTES), not who they are: what
# they said or arranged ("what did the doctor say about my knee?").
OF_A_VISIT = frozenset(
    (
        *("say", "said", "says", "tell", "told", "tells", "appointment", "appointments"),
        *("session", "sessions", "advice", "advise", "advised", "recommend", "recommended"),
        *("think", "thinks", "prescribe", "prescribed", "about", "when", "suggest"),
        *("suggested", "want", "wants", "wanted"),
    )
)


_EAT = frozenset(("eat", "eats", "drink", "drinks"))
# Words of food and of being kept off it: a question with one of each asks what one
# cannot eat ("what does Dilani have to avoid eating?", "any foods I should stay away
# from?", "which food does Aga have trouble digesting?").
_FOOD = frozenset(
    """eat eats eating ate food foods meal meals diet dietary digest digesting
    digestion""".split()  # noqa: SIM905
)
_MEDICINES = frozenset(ATTRIBUTES["medications"].asked_by.split()) - {"health"}
_KEPT_OFF = frozenset(
    """avoid avoids avoiding shouldn't allowed intolerance intolerances intolerant sensitive
    sensitivity""".split()  # noqa: SIM905
)
# (and "restrictions", which asks the diet and allergies it names first: "what are my
# dietary restrictions?")
_TROUBLE = frozenset(("trouble", "problem", "problems", "issue", "issues"))
# … or words of digesting, or of health beside eating ("which medical condition shapes
# what Shauna can eat?"; not "what food do I have trouble cooking?", "the limit of my food
# budget").
_DIGEST = frozenset(("digest", "digesting", "digestion"))
_MEDICAL = frozenset(("condition", "conditions", "medical", "health", "illness"))
_EATING = frozenset(("eat", "eats", "eating", "ate", "dietary"))
# Words that ask of one's health as such ("user medical conditions", "what condition does
# Efua have?"), where coeliac disease, keyed as what one cannot eat, answers too (not
# "what condition is my flat in?", "what health insurance do I have?").
_MEDICAL_ASKED = frozenset(
    """medical conditions illness illnesses diagnosis diagnoses disease diseases""".split()  # noqa: SIM905
)
_PARTNERED = frozenset(("dating", "seeing", "married", "engaged"))
_SOMEONE = frozenset(
    ("anyone", "anybody", "someone", "somebody", "seeing", "dating", "relationship")
)
# What may follow "what does X do" and still ask for the job: "… do for work", "… now".
_DOING_TAIL = frozenset(
    ("for", "work", "a", "living", "now", "these", "days", "nowadays", "currently", "then")
)


# "What do I drive?", "what does my wife drive now?": what one drives, the question's
# last word but for when (not "learning to drive", "how long is my drive to work?").
_DRIVE = frozenset(("drive", "drives", "ride", "rides"))
_DRIVE_TAIL = frozenset(("now", "these", "days", "nowadays", "currently", "today"))


def _asks_driven(words: list[str]) -> bool:
    """Whether a question asks what someone drives or rides."""
    return any(
        w in _DRIVE
        and i > 0
        and words[i - 1] not in ("to", "my", "a", "the", "long", "s")
        and set(words[i + 1 :]) <= _DRIVE_TAIL
        for i, w in enumerate(words)
    )


def _asks_worked_out(words: list[str]) -> bool:
    """Whether a question asks where someone works out: "where does the user work out?",
    "where do I work out these days" (not "how did it work out?", "work out the tip")."""
    return "where" in words and any(
        w in ("work", "works") and words[i + 1 : i + 2] == ["out"] for i, w in enumerate(words)
    )


def _asks_doing(words: list[str]) -> bool:
    """Whether a question asks what someone does for a living: "What does Jay do?",
    "What does Kwame do for work?"."""
    at = max((i for i, w in enumerate(words) if w in ("do", "does")), default=-1)
    # "what do/does …": not "what dance do I do?", which asks what, not for a living
    asked = words.index("what") if "what" in words else -1
    return (
        at > 0
        and words[asked + 1 : asked + 2] in (["do"], ["does"])
        and (set(words[at + 1 :]) <= _DOING_TAIL)
    )


def _attributes(words: list[str], found: set[str]) -> list[str]:
    scored: dict[str, float] = {}
    for name, words_asking in ASKED_BY.items():
        asked = found & words_asking
        if not asked:
            continue
        strong = asked - _WEAK
        scored[name] = len(strong) * 2 + len(asked)
    doing = "what" in found and (_asks_doing(words) or "living" in found)
    driven = _asks_driven(words)
    if driven:
        scored["vehicles"] = scored.get("vehicles", 0) + 4
    worked_out = _asks_worked_out(words)
    if worked_out:  # the gym, not the job nor the home
        scored["gym"] = scored.get("gym", 0) + 4
        for name in ("job", "employer", "location", "home"):
            scored.pop(name, None)
    # "Who is Bronte engaged to?", "Who is DeShawn dating?": the partner, by name
    partnered = "who" in found and bool(found & _PARTNERED)
    if partnered:  # a person is asked, not whether: not "User is engaged"
        scored["partner"] = scored.get("partner", 0) + 4
        scored.pop("relationship", None)
    elif "relationship" in scored and "partner" not in scored and found & _SOMEONE:
        # "am I seeing anyone?": whether, then with whom (not "am I engaged?": whether)
        scored["partner"] = scored["relationship"] - 0.5
    # "Where am I (now)?", "where are we at the moment?": where one is, the stay, then
    # the home. Not "where are we going for dinner?".
    whereabouts = (
        "where" in found
        and bool(found & _ONESELF)
        and bool(found & {"am", "are"})
        and found <= _WHEREABOUTS
    )
    if whereabouts:
        scored["location"] = scored.get("location", 0) + 2
    # "Where is Aga's place?", "Which part of London is my flat in?": the home, by its noun
    housed = bool(found & _WHERE_PART) and _a_home_asked(words)
    if housed:
        scored["home"] = scored.get("home", 0) + 4
    # "where", "now" alone: "where do I get my pastries?" asks no key
    if (
        not doing
        and not driven
        and not worked_out
        and not partnered
        and not housed
        and not whereabouts
        and (not scored or not any(found & (ASKED_BY[n] - _WEAK) for n in scored))
    ):
        return []
    if found & _WHERE and not worked_out:
        for name in ("location", "home"):
            scored[name] = scored.get(name, 0) + 1.5
        if "live" in found or "lives" in found or "living" in found:
            scored["home"] = scored.get("home", 0) + 3
        elif found & _AT_WORK:
            # "what city do I work in?", "where is my company based?", "user work city":
            # where the employer is (its fact says where), not where one lives
            scored["employer"] = max(scored.values()) + 1
            scored.pop("home", None)
    if found & {"study", "studies", "studying", "studied", "masters", "msc", "phd"}:
        # "Where is my daughter studying?" asks the school, "What does she study (at uni)?"
        # the subject
        place = bool(found & (_WHERE | {"which", "school"}))
        study = "school" if place else "studies"
        scored[study] = scored.get(study, 0) + 4
    which_school = any(
        first in ("which", "what") and second == "school" for first, second in zip(words, words[1:])
    )
    if which_school and "employer" not in scored and found & {"at", "teach", "teaches"}:
        # "which school is Rhodri at now?": where a teacher works answers too
        scored["employer"] = scored["school"] - 1
    if "working" in found and "on" in found and "project" in scored:
        scored["project"] += 4  # "what is Anna working on?": the project, not the job
    if "employer" in scored and "job" in scored:
        if found & _JOB_FIRST:
            scored["job"] += 2
        elif found & _EMPLOYER_FIRST:
            scored["employer"] += 2
    if doing:
        # "What does Jay do (for a living)?": the job, then whom it is done for.
        scored["job"] = scored.get("job", 0) + 4
        scored["employer"] = scored.get("employer", 0) + 2
        scored.pop("home", None)
    cannot = "cannot" in found or ("can" in found and bool(found & {"t", "not"}))
    if found & _EAT and cannot:
        # "What can't I eat?": what one is allergic to first, then the diet
        scored["allergies"] = scored.get("allergies", 0) + 4
    troubled = any(
        w in _TROUBLE and (words[i + 1 : i + 2] == [] or not words[i + 1].endswith("ing"))
        for i, w in enumerate(words)
    )  # "which foods give Aga trouble?", not "what food do I have trouble cooking?"
    if (
        (found & _FOOD and (cannot or troubled or found & _KEPT_OFF))
        or found & _DIGEST
        or (found & _MEDICAL and found & _EATING)
    ):
        # "What does Dilani have to avoid eating?", "which food does Aga have trouble
        # digesting?", "which medical condition shapes what Shauna can eat?": what one is
        # allergic or intolerant to, the conditions that keep one off a food, then what
        # one avoids for dislike, or the diet
        scored["allergies"] = scored.get("allergies", 0) + 3
        scored["conditions"] = scored.get("conditions", 0) + 2
        third = "dislikes" if "avoid" in found else "diet"
        scored[third] = scored.get(third, 0) + 1
    elif (
        "allergies" in scored
        and "conditions" not in scored
        and found & (_KEPT_OFF | {"restriction", "restrictions", "restricted"})
    ):
        # "what does the user need to stay away from?", "what are my dietary
        # restrictions?": a condition may say what, after what the question names
        scored["conditions"] = min(scored.values()) - 1
    medical = found & _MEDICAL_ASKED or ("condition" in found and found & {"have", "has", "got"})
    if (
        medical
        and "conditions" in scored
        and "allergies" not in scored
        and not found & (_MEDICINES | {"insurance"})
    ):
        # "user medical conditions": coeliac disease is keyed as what one cannot eat
        scored["allergies"] = scored["conditions"] - 2
    if (
        "location" in scored
        and not found & _WHERE_OR_TRAVEL
        and ("now" not in found or "who" in found)
    ):
        # (not "who is my boyfriend now?": who, not where)
        del scored["location"]
    if found & {"hobby", "hobbies"} and "likes" not in scored:
        # "What are my hobbies?": what one likes doing ("User likes hiking") answers next.
        scored["likes"] = scored.get("hobbies", 0) - 1
    for name in ROLE_ATTRIBUTES & scored.keys():
        # "when is my doctor's appointment?", "what did the doctor say about my knee?":
        # the appointment, what was said, not who the doctor is (not "what is my doctor's
        # name?": who)
        if found & OF_A_VISIT or any(
            w in ASKED_BY[name]
            and words[i + 1 : i + 2] == ["s"]
            and words[i + 2 : i + 3] != ["name"]
            for i, w in enumerate(words)
        ):
            del scored[name]
    ranked = sorted(scored, key=lambda name: (-scored[name], list(ATTRIBUTES).index(name)))
    return [*_favorites(words), *ranked][:3]


def avoid_said(words: list[str]) -> list[str]:
    """``words``, with "steer clear", and "stay away" or "keep away" before "from" (not
    "from home": away), the one word "avoid"."""
    said: list[str] = []
    for at, word in enumerate(words):
        pair = (said[-1], word) if said else ("", word)
        after = words[at + 1 : at + 3]
        if pair == ("steer", "clear") or (
            pair in _AVOIDING and after[:1] == ["from"] and after[1:] != ["home"]
        ):
            said[-1] = "avoid"
        else:
            said.append(word)
    return said


def _favorites(words: list[str]) -> list[str]:
    """The favourite things a question asks for, as keys spell them: "what's my
    favourite tv show?" → ``favorite:tv show``, then ``favorite:tv`` (a thing is one or
    two words)."""
    at = next((i for i, w in enumerate(words) if w in ("favorite", "favourite")), -1)
    if at < 0:
        return []
    rest = words[at + 1 :]
    if rest[1:2] == ["of"] and rest[:1] in (["kind"], ["type"], ["sort"]):
        rest = rest[2:]  # "my favourite kind of music"
    if not rest or rest[0] in _NOT_A_THING or rest[0] in RELATIONS:
        return []  # "my favourite at the moment", "my favourite cousin"
    # Two words only when they end the question ("my favourite tv show?"), not "my
    # favourite place to eat".
    things = [rest[:2]] if len(rest) == 2 and rest[1] not in _NOT_A_THING else []
    return [f"{FAVORITE_PREFIX}{' '.join(thing)}" for thing in [*things, rest[:1]]]
