"""What ends a held value without saying a new one. ``ENDINGS``, by attribute: a job left
("I resigned today", "got laid off", "internship done"), a home moved out of, studies
dropped or finished, a stay over ("back home now"), a partner parted from ("we broke
up"); keys.endings() gives each as a denial with no value, which retires whatever value
the key holds. ``HABIT_LEFT``: a habit quit after a leaving, no job (endings.py reads it
too). And a pet's or a project's end said by its name alone (``PET_GONE``,
``PROJECT_GONE``, ``gone_name``), which relate/whose.py reads against the values the
collection holds. (What a sentence's later clauses say of its earlier facts is
endings.py's.)
"""

# ruff: noqa: E501  (patterns read as text)
from __future__ import annotations

import re
from typing import Optional

from .kin import RELATIONS
from .lexicon import A_TIME_LEFT, GONE, PET_KIND, WEEKDAY_RE

# The words for a partner: "dumped my boyfriend" ends one.
_PARTNER_WORDS = "|".join(word for word, kind in RELATIONS.items() if kind == "partner")
# Endings: what says a single-valued fact is over without saying what follows ("I
# resigned today", "we moved out of the flatshare"). Each gives a denial with no value,
# which retires whatever value the key holds; the next value said supersedes nothing.
# fmt: off
# Words of a time after "the" or "at the": "the week before the wedding", "at the start
# of the year", "at the weekend".
_TIME_NOUNS = (
    r"(?:week|weekend|day|night|morning|evening|month|year|summer|winter|spring|autumn|fall|"
    r"start|end|beginning|holidays?|new\s+year)\b"
)
# … or on a weekday; not from what is no work ("retired in 2021 from darts", "quit in
# May from slimming world").
_WHEN_ONE_LEFT = (
    r"|\s+(?:" + A_TIME_LEFT + r"|on\s+(?:" + WEEKDAY_RE + r"))\b"
    r"(?![^.!?;]*\bfrom\s+(?:the\s+|my\s+)?(?:competitive|professional|international|amateur|"
    r"rugby|football|soccer|cricket|tennis|swimming|running|boxing|netball|hockey|golf|cycling|"
    r"athletics|gymnastics|dancing|ballet|darts|snooker|powerlifting|weightlifting|bodybuilding|"
    r"social\s+media|twitter|instagram|facebook|tiktok|tinder|hinge|bumble|dating|weight\s+"
    r"watchers|slimming\s+world|(?:the|my|our)\s+(?:[\w-]+\s+)?(?:gym|team|choir|band|club|league|group|"
    r"course|classes?)|gym|sport|uni|university|college|my\s+course|duolingo|parkrun|apps?|refereeing)\b)"
)
# … and a habit quit after it is no job ("quit in March and haven't had a drink since",
# "quit a few days ago and the cravings are awful").
HABIT_LEFT = (
    r"\b(?:cravings?|craving|withdrawals?|nicotine|smok\w*|vap\w*|cigs?|cigarettes?|"
    r"patch(?:es)?|booze|alcohol|sober|lungs?|breathing|(?:n['’]?t|not|never)\s+(?:had|touched)\s+a\s+"
    r"(?:drink|cig\w*|smoke)|(?:had|touched)\s+a\s+(?:drink|cig\w*|smoke)\s+since)\b"
)
_WHEN_ONE_QUIT = _WHEN_ONE_LEFT + r"(?![^.!?;]*" + HABIT_LEFT + r")"
# … and left "from" a body one sits on or a group one is in, no work: "resigned from the
# residents' committee", "retired from the board of governors", "quit from the choir", "…
# from the parish council", "… from the Lions Club" (a group in lower case, or a club or
# society by name: not "from the Arcadia Group", "the Football Association", "the band of
# the Royal Marines"; nor "the team at Google", "the committee and my job").
_NO_WORK_LEFT = (
    r"(?!\s+(?:the\s+|my\s+|our\s+)?(?:(?:(?-i:[a-z])[\w'’-]*\s+){0,2}(?-i:committee|board|club|"
    r"society|choir|band|team|league|group|pta|PTA|panel|party|gym|course|classes|"
    r"class|(?:parish|town|student|school)\s+council)|(?:[\w'’-]+\s+){0,3}(?-i:Club|Society))\b"
    r"(?!\s+(?:at|and|for)\b)(?!\s+of\s+(?:the\s+)?(?-i:[A-Z])))"
)
ENDINGS: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (
        ("employer",),  # and with it the job (facts.ENDS_WITH)
        re.compile(
            r"^" + GONE + r"(?:(?:resigned|retired)(?=\s*$|\s+(?:now|today|yesterday|last|this|from" + _NO_WORK_LEFT + r"|after|at the end)\b" + _WHEN_ONE_LEFT + r")|quit(?=\s*$|\s+(?:now|today|yesterday|last|this|from" + _NO_WORK_LEFT + r"|after|at the end)\b" + _WHEN_ONE_QUIT + r")|(?:handed|put|gave) in (?:my|his|her|their|our|the) notice|"
            # … "gave notice at Xcel", "handed my notice in" (not on a flat: "gave notice on
            # the flat", "… to the landlord")
            r"(?:(?:handed|gave) (?:my|his|her|their) notice(?: in)?|gave notice)(?!\s+on\b)(?![^,.;!]*\blandlord)|(?:quit|left|lost) (?:my|his|her|their|the) (?:(?!(?:side|weekend|second|summer|part-time|evening|other|bar|holiday|night)\b)[\w-]+ )?job\b(?!\s+(?:at|with|search|hunt|interview|offer)\b)|"
            r"(?:got|was|were|been|have been|has been) (?:laid off|fired|let go|made redundant|sacked|retrenched)|"
            r"(?:am|is|are) (?:now |officially |finally |fully )?(?:unemployed|out of work|between jobs|retired))(?:$|\s|,)"
            r"|^(?:my|his|her|their)?\s*last (?:day|shift) (?:at work )?(?:was|is)\b"
            # a placement of a while, over: "internship done", "my apprenticeship is over!"
            # (not a contract, a phone's as often, nor a secondment, which returns one to
            # the employer; nor one that goes on: "apprenticeship complete, now a qualified
            # electrician at the same firm")
            r"|^(?:(?:my|his|her|their)\s+)?(?:summer\s+|(?:\d+|six|three|twelve)[- ]month\s+)?"
            r"(?:internship|placement|apprenticeship|residency|traineeship)\s*"
            r"(?:is\s+|has\s+|'s\s+)?(?:now\s+|officially\s+|finally\s+)?"
            r"(?:done|over|finished|ended|complete|completed|wrapped(?:\s+up)?)"
            # (said as over now, not for the day, halfway or to come: "… done for today",
            # "… over halfway", "… done in August", "… ended, back to my old team")
            r"(?=\s*(?:$|[,.!🎉🥳]|(?:today|yesterday|last\s+\w+|this\s+week|at\s+last|finally)\b))"
            r"(?![^.!?]*\b(?:now|qualified|permanent|kept\s+on|taken\s+on|same\s+(?:firm|company|place|team)|"
            r"renewed|extended|staying\s+on|stay\s+on|offered|hired|back\s+to\s+(?:my|the)\s+(?:old\s+)?"
            r"(?:team|job|desk|role))\b)",
            re.I,
        ),
    ),
    (
        ("home",),
        re.compile(
            r"^" + GONE + r"(?:moved out|moved house|moved home|sold (?:my|our|his|her|their|the) "
            r"(?:house|flat|apartment|place|home))\b",
            re.I,
        ),
    ),
    (
        ("studies",),  # "dropped out of the masters", "quit uni" (and the school with it)
        re.compile(
            r"^" + GONE + r"(?:dropped out(?:\s+of\s+(?:uni|university|college|school|(?:the|my|her|his)\s+"
            r"(?:course|degree|masters|master's|phd|doctorate|programme|program|mba|msc))\b|\s*$)|"
            r"quit (?:uni|university|college|school|my (?:course|degree|masters|phd)|the\s+(?:(?-i:[A-Z]{2,5})\s+"
            r"(?:program|programme|course)|masters|master's|degree))\b|"
            # "I'm not a student anymore", "no longer a student", "not in school anymore"
            r"(?:(?:am|'m)\s+not\s+a\s+student\s+any\s?more|(?:am\s+|'m\s+)?no\s+longer\s+a\s+student|"
            r"(?:(?:am|'m)\s+)?not\s+in\s+(?:school|uni|university|college)\s+any\s?more)\b|"
            # "graduated from UMN!", "finished my degree at UMN", "done with school"
            r"graduated(?:\s+from\s+(?:(?:the|my)\s+)?(?:(?=[^,;]*?\b(?-i:Uni|University|College|School|Academy|"
            r"Institute|Poly|State|Tech)\b)(?-i:[A-Z])(?!(?i:igh\s+school))|(?-i:[A-Z]{2,5})\b|(?:uni|university|"
            r"college|law\s+school|med\s+school|grad\s+school|nursing\s+school)\b)|"
            r"\s*(?:$|[.!;]|today|yesterday|last|this|finally|at\s+last))|"
            r"finished\s+(?:my\s+)?(?:degree|masters|master's|phd|doctorate)(?!\s+(?:audit|application))\b|"
            r"withdrew\s+from\s+(?:uni|university|college|my\s+degree|the\s+university|(?:the|my)\s+"
            r"(?:(?-i:[A-Z]{2,5})\s+(?:program|programme|course)|masters|master's|degree))\b|"
            r"(?:am|are|is)\s+(?:finally\s+)?(?:done|finished)\s+with\s+(?:school|uni|university|college)"
            r"(?=\s*(?:$|[,.!;]|forever|for\s+good|finally|now)))"
            # not long ago, nor a club of the school's: "dropped out of school at 16"
            r"(?!\s+(?:choir|club|team|band|orchestra|society)\b)"
            r"(?![^,;]*\b(?:at\s+\d+|when\s+I\s+was|in\s+(?:19|20)\d\d|years\s+ago|back\s+in)\b)",
            re.I,
        ),
    ),
    (
        ("location",),  # a stay over, home again: "flew home early", "back home now"
        re.compile(
            r"^" + GONE + r"(?:(?:flew|flown|came|come|got|headed|went|drove|made it|am|are)\s+)?"
            r"(?:back\s+)?home(?:\s+(?:early|now|today|tonight|yesterday|last\s+night|safe|safely|"
            r"at\s+last|finally|again))*\s*(?:$|[,.!;])|"
            r"^" + GONE + r"(?:(?:am|are|is)\s+)?back\s+from\s+(?:my|our|the)\s+(?:trip|holiday|"
            r"vacation|travels|work\s+trip)\b",
            re.I,
        ),
    ),
    (
        ("partner",),
        re.compile(
            r"^" + GONE + r"(?!(?:broke up|split up|got divorced)\b[^,;]*\b(?:when\s+I\s+was|in\s+(?:19|20)\d\d|"
            r"years\s+ago|back\s+in|as\s+a\s+kid)\b)(?:(?:broke up|split up)"
            # not a split of where one is, of chores, nor a fight broken up: "split up at the
            # airport", "split up the chores", "broke up a fight at the pub", "split up to
            # cover more ground", "split up for the afternoon" (not "broke up a few weeks
            # ago", "split up at the start of the year", "for good", "on Friday")
            r"(?!\s+(?:a\s+(?:fight|scuffle|brawl|row|party)\b|an\s+(?:argument|altercation)\b|"
            r"to\s+(?!be\b)|into\b|the\s+(?!" + _TIME_NOUNS + r")|at\s+(?:the|a|an)\s+(?!" + _TIME_NOUNS + r")|"
            r"for\s+(?:the|an?)\s+(?:afternoon|morning|evening|day|night|hour|bit|while|minute|moment)\b))"
            r"(?! with (?:my|our|the) (?!(?:[\w'-]+ ){0,2}(?:partner|boyfriend|girlfriend|"
            r"husband|wife|fianc\w*|ex|man|woman|bf|gf|so|other half|significant other|love)\b)\w)|"
            r"got divorced|(?:am|are|is) (?:divorced|separated)"
            r"(?! from (?:(?:my|the|our|his|her) (?!(?:husband|wife|partner)\b)|reality\b))|"
            r"(?:divorced|dumped) (?:my|our) (?:" + _PARTNER_WORDS + r")\b(?!['’])|widowed(?!\s+by\b)|"
            # "I left my husband (last year)", not "left my husband at home with the kids"
            r"(?:left|walked\s+out\s+on) (?:my|our) (?:" + _PARTNER_WORDS + r")\b(?!['’])"
            r"(?=\s*(?:$|[,.!;]|(?:last\s+\w+|this\s+\w+|for\s+good|finally|in\s+(?:19|20)\d\d|"
            r"after\s+\w+\s+years|\w+\s+(?:weeks?|months?|years?)\s+ago)\b))|"
            r"(?:am|are|is) (?:now |officially )?(?:a )?widow(?:er)?(?=\s*(?:$|[,.!;]|now\b)))",
            re.I,
        ),
    ),
)
# fmt: on


# A held value ended, said by its name alone. Whether the name is one of the user's pets
# or projects, the collection knows (relate/whose.py), so the name is any word here:
# "biscuit crossed the rainbow bridge" is read only when a pet called Biscuit is held.
_GONE_NAME = r"[^\W\d_][\w-]*"
# A pet's death: "Biscuit passed away last night", "RIP Biscuit, best boy ever"; not "RIP
# Biscuit squeaky toy", "RIP Max Verstappen's title hopes lol".
PET_GONE = re.compile(
    r"^(?:(?i:sadly|so\s+sadly|unfortunately)\s*,?\s+)?(?P<name>" + _GONE_NAME + r")\s+"
    r"(?i:(?:has\s+|just\s+|sadly\s+|finally\s+|peacefully\s+)*(?:died|passed\s+away|passed\s+on|"
    r"crossed\s+the\s+rainbow\s+bridge|was\s+put\s+(?:down|to\s+sleep)))"
    # a time or a way, not a likeness, a dream or a nap: "… last night", "…, aged 14"
    r"(?=\s*(?:$|[,.!;]|(?i:last|this|yesterday|today|tonight|on|at\s+(?:home|the\s+vet)|"
    r"peacefully|suddenly|after|aged|in\s+(?:the\s+)?(?:night|morning|spring|summer|autumn|fall|"
    r"winter|his\s+sleep|her\s+sleep|my\s+arms|\d{4})))\b)"
    r"(?!.*\b(?i:dream|novel|story|game|joke|lol|haha)\b)"
    r"|^(?i:rip|r\.i\.p\.?|rest\s+in\s+peace)[,:\s]+(?:(?i:my|our|sweet|dear|little|old|beloved)\s+)*"
    r"(?:(?i:" + PET_KIND + r")\s+)?(?P<name2>" + _GONE_NAME + r")(?=\s*(?:$|[^\w\s('’]))"
    r"(?!.*\b(?i:lol|lmao|haha|jk)\b)"
)
# A project ended for good, by its name alone: "Ledgerly is dead", "shelved ledgerly for
# now", "I gave up on Ledgerly", "put Ledgerly on hold"; not what ships ("Ledgerly is
# done, launching Monday", "finished Ledgerly"), nor a part of it ("gave up on Ledgerly
# marketing", "Ledgerly Pro is dead").
_GONE_FOR = r"(?=\s*(?:$|[,.!;—–-]|\s(?i:now|for\s+now|for\s+good|completely|altogether|sadly)\b))"
PROJECT_GONE = re.compile(
    r"^(?P<name>" + _GONE_NAME + r"(?:\s+" + _GONE_NAME + r"){0,2}?)\s+(?i:is|'s|’s)\s+"
    r"(?i:(?:officially|basically|pretty\s+much|now|finally|definitely)\s+)?"
    r"(?i:dead|shelved|cancelled|canceled|abandoned|scrapped|on\s+hold|on\s+ice)"
    + _GONE_FOR
    + r"|^(?i:(?:I|we)\s+)?(?i:(?:have\s+|'ve\s+|just\s+|finally\s+|officially\s+)*"
    r"(?:gave\s+up\s+on|given\s+up\s+on|shelved|abandoned|scrapped|ditched|pulled\s+the\s+plug\s+on|"
    r"(?P<put>put)))\s+(?:(?i:my|our|the)\s+)?(?P<name2>"
    + _GONE_NAME
    + r"(?:\s+"
    + _GONE_NAME
    + r"){0,2}?)(?(put)\s+(?i:on\s+(?:hold|ice|the\s+back\s*burner))|)"
    + _GONE_FOR
)


def gone_name(pattern: re.Pattern[str], statement: str) -> Optional[list[str]]:
    """The words, folded, a statement of ending (PET_GONE, PROJECT_GONE) names the ended
    one by; None when it says no such ending. A held value ends when its name is these."""
    said = pattern.match(statement)
    if said is None:
        return None
    return (said.group("name") or said.group("name2")).casefold().split()
