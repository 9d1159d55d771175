"""Raw content into statements: what a user typed, its questions, chit-chat and lead-in
fillers gone, chat's own words and spelling read as meant.

Splitting
  1. ``’`` becomes ``'``. Lines are split apart; a leading bullet (``-``, ``*``, ``•``,
     ``1.``, ``1)``) is dropped.
  2. Sentences end at ``. ! ? ;`` followed by a space or the end of the line, and at a
     dash (`` — ``, `` - ``) or a colon after a lead-in ("Big news: …"). A ``.`` after a
     known abbreviation (``Dr.``, ``e.g.``…) or a single letter does not end one; ``3.5``
     never does.
  3. Questions (a sentence ending in ``?``) state nothing and are dropped, as are
     sentences of nothing but greetings, thanks and interjections, and thanks said to
     the assistant ("Thanks, you've been a star!").
  4. A leading filler is dropped: "Actually,", "Heads up:", "By the way", "Oh, and", "So",
     "Well,", "Also", "FYI", "Quick update:", "Big news:", chat's own words ("lol",
     "omg", "ngl", "welp"…), thanks before news ("Cheers, I start on Monday")…

Each statement is then split into clauses (step 5) by ``clauses.py`` and put in the third
person by ``third_person.py``.
"""

from __future__ import annotations

import re
from typing import Optional

from .chitchat import CHAT, CHAT_OR_NAME, JK, JOKED_AFTER, NEWS_AFTER, is_chitchat
from .clauses import has_clause
from .kin import NAME, QUALIFIERS, REL
from .lexicon import ANY_WEEKDAY_RE, MONTH_RE
from .openings import at_the_new_job, news_label
from .questions import (
    A_TAIL_ASKS,
    A_TAIL_ASKS_UNMARKED,
    LAST_PAUSE,
    told_before_asking,
    told_while_asking,
)
from .text import sentence_ends
from .third_person import indefinite_article

_BULLET = re.compile(r"^\s*(?:[-*•·]+|\d{1,3}[.)])\s+")
_DASH = re.compile(r"\s+[—–-]+\s+")
# … but a dash between two days is a span of days, not a pause: "in Marrakech Dec 28 - Jan
# 3", "28 Dec - 3 Jan", "Dec 20 - 23", "Monday - Friday".
# (Numbers alone are no days: "I'm 25 - 3 kids and a dog" is two things said.)
_DAY_NAME = r"(?:" + MONTH_RE + r")\.?|(?:" + ANY_WEEKDAY_RE + r")"
_A_DAY = r"(?:\d{1,2}(?:st|nd|rd|th)?|" + _DAY_NAME + r")"
_DAY_BEFORE = re.compile(r"\b(?P<day>" + _A_DAY + r")$", re.I)
# How far back from a dash a day before it can begin: its longest spelling, with room.
# Searched from the sentence's start for every dash, "1 - 1 - 1 - …" was quadratic.
_DAY_REACH = 24
_DAY_AFTER = re.compile(r"(?P<day>" + _A_DAY + r")\b(?:\s+(?P<month>" + MONTH_RE + r")\b)?", re.I)
_NAMED = re.compile(r"\b(?:" + _DAY_NAME + r")", re.I)


# An aside between two dashes, then what the one before it did: "Anna — my sister — just
# moved to Vienna" is "my sister Anna just moved…" (so is "my sister — Anna — just…");
# "my sister — who is 30 btw — just moved to leeds" is "my sister just moved to leeds",
# the aside said after it: not three sentences, the last the user's.
_DASHED_ASIDE = re.compile(
    r"^(?P<a>[^—–]+?)\s+[—–-]+\s+(?P<b>[^—–-][^—–]{0,40}?)\s+[—–-]+\s+(?P<c>(?:just|finally|"
    r"now|also|still|recently|is|was|are|were|has|had|got|gets|moved|lives|works|started|"
    r"turned|became|quit|left|joined|lives|works|teaches|studies|[a-z]+ed)\b.*)$"
)
_RELATION_WORDS = re.compile(r"(?:.*\s)?(?i:my|our)\s+(?i:" + QUALIFIERS + REL + r")")
_ONE_NAME = re.compile(r"[^\W\d_][\w'’-]*")


# Each aside taken out reads the sentence again: past a few, the dashes are read as pauses
# ("Tom — who is 30 — just …" said a thousand times took time quadratic in its length).
_MOST_ASIDES = 4


def _aside_apart(sentence: str) -> list[str]:
    """``sentence`` with an aside between dashes taken out of its way (_DASHED_ASIDE): the
    sentence, then the aside if it was not who a name is; or None when it has none."""
    aside = _DASHED_ASIDE.match(sentence)
    if aside is None or has_clause(aside.group("a")) or _DAY_AFTER.match(aside.group("b")):
        return [sentence]  # "I moved to Leeds — my sister — helped", "Dec 28 - Jan 3 - …"
    a, b, c = aside.group("a"), aside.group("b"), aside.group("c")
    if _ONE_NAME.fullmatch(a) and _RELATION_WORDS.fullmatch(b):
        return [f"{b} {a} {c}"]  # "Anna — my sister — …"
    if _RELATION_WORDS.fullmatch(a) and _ONE_NAME.fullmatch(b):
        return [f"{a} {b} {c}"]  # "my friend — Jess — …"
    return [f"{a} {c}", b]


# … and a name said in brackets after who they are, an age with it or not, or in an aside
# that says what they are called: "my brother (Raj) just moved to Pune", "my niece (Zara,
# 6) is allergic to dogs", "my sister, who's called Anna, just moved to Berlin" are "my
# brother Raj just moved…", "my niece Zara, 6, is…", "my sister Anna just moved…".
_BRACKETED_NAME = re.compile(
    r"\b(?P<who>(?i:my|our)\s+(?i:" + QUALIFIERS + REL + r"))(?:\s*\(\s*(?P<name>" + NAME + r")"
    r"(?:\s*,\s*(?P<age>\d{1,2}))?\s*\)|\s*,\s*(?i:who['’]s|who\s+is)\s+(?i:called|named)\s+"
    r"(?P<called>" + NAME + r")\s*,)"
)


def _name_in_words(found: re.Match[str]) -> str:
    """The relative of a _BRACKETED_NAME match with their name said after the word."""
    if found.group("called"):
        return f"{found.group('who')} {found.group('called')}"
    age = found.group("age")
    return f"{found.group('who')} {found.group('name')}" + (f", {age}," if age else "")


def _dash_parts(sentence: str) -> list[str]:
    """``sentence`` split at its dashes, except those between two days and those around
    an aside said before what its subject did (_DASHED_ASIDE): at most _MOST_ASIDES of
    them are taken out, each said after the parts, the last one taken out first."""
    asides: list[str] = []
    for _ in range(_MOST_ASIDES):
        sentence = _BRACKETED_NAME.sub(_name_in_words, sentence)
        sentence, *aside = _aside_apart(sentence)
        if not aside:
            break
        asides[:0] = aside
    parts, start = [], 0
    for dash in _DASH.finditer(sentence):
        before = _DAY_BEFORE.search(sentence, max(0, dash.start() - _DAY_REACH), dash.start())
        after = _DAY_AFTER.match(sentence, dash.end())
        if (
            before
            and after
            and (
                _NAMED.match(before.group("day"))
                or _NAMED.match(after.group("day"))
                or after.group("month")
                or _NAMED.search(sentence, max(0, before.start() - 10), before.start())
            )
        ):
            continue
        parts.append(sentence[start : dash.start()])
        start = dash.end()
    return [*parts, sentence[start:], *asides]


_FILLER = re.compile(
    # a greeting before the news: "Hello, I'm Sam", "Hey there, …", "Hiya! …"
    r"^(?:(?:(?:hel+o+(?:\s+hel+o+)?|he+y+|hi+|hiya|howdy|greetings|yo|g'?day|kia\s+ora)"
    r"(?:\s+(?:there|all|everyone|everybody|folks|again|friends?|y'all|guys|love|mate|chatgpt|"
    r"claude|bot|assistant))?|good\s+(?:morning|afternoon|evening)|"
    r"hola|ciao|salut|namaste|bonjour)\s*[,!.:]+\s+|(?:morning|evening)\s*[,!.]+\s+"
    r"|(?:oh|ah|well|so|also|and|but|then|anyway|anyways|okay|ok|right|yeah|btw|fyi|ps|hey|hi|"
    + CHAT
    + r")\b[,!.]*\s+|(?-i:"
    + CHAT_OR_NAME
    + r")\b[,!.]*\s+|(?:"
    + CHAT_OR_NAME
    + r")[,!.]+\s+|actually,?\s+|by the way,?\s+|just so you know,?\s+|for the record,?\s+"
    r"|in case (?:you're wondering|it matters|you forgot),?\s+"
    # "For context, I'm 38", "context: 42yo male", "Ya I'm 29 now"
    r"|(?:for\s+)?(?:some\s+)?context\s*(?:[:,]\s*|\s+(?=i\b|i'm\b))|ya\s+(?=i\b|i'm\b)"
    # a discourse "if", not a condition: "If so, I moved to Leeds", "If you need me, …"
    r"|if (?:so|not|anything|it helps|it matters|i'?m (?:being )?honest),?\s+"
    r"|(?:if|in case) (?:you|anyone|anybody)\b[^,;:.!?]{0,40},\s+"
    r"|if i (?:remember|recall)(?: (?:correctly|right))?,?\s+"
    r"|(?:unless|if) i'?m (?:not )?(?:mistaken|wrong),?\s+|let'?s see,?\s+"
    r"|(?:(?:quick|small|big|little|some|an?|good|great|bad|sad|exciting|happy)\s+)?"
    r"(?:update|news|heads[- ]up|reminder|note|fun fact|confession|thing|q)\s*[:,!—–-]+\s*"
    r"|[\w-]+-wise,?\s+|honestly,?\s+"
    # a change of subject said first: "ok random but chloe is vegan", "unrelated, …"
    r"|(?:(?:totally|completely|slightly|kinda|kind\s+of|somewhat|bit)\s+)?"
    r"(?:random|unrelated|off[- ]topic)(?:\s+(?:q|question|thought|one|thing))?"
    r"(?:\s*[,:!—–-]+\s*(?:but\s+)?|\s+but,?\s+)"
    r"|turns out(?: that)?,?\s+|goes to show,?\s+"
    # a saying that only leads in: "Long story short, I'm a software engineer at Monzo"
    r"|(?:long\s+story\s+short|not\s+gonna\s+lie|truth\s+be\s+told|to\s+be\s+honest|"
    r"in\s+a\s+nutshell|believe\s+it\s+or\s+not|guess\s+what|plot\s+twist|funnily\s+enough|"
    r"funny\s+enough|as\s+it\s+turns\s+out|all\s+in\s+all)\s*[,:!—–-]+\s*"
    # "Like I said, …", "as I mentioned, …" ("User likes I said" had been keyed)
    r"|(?:like|as)\s+(?:i|i've|i\s+have)\s+(?:said|say|mentioned|told\s+you|explained|wrote)"
    r"(?:\s+(?:before|earlier|already|last\s+time))?\s*[,:—–-]+\s*"
    # one's own congratulations before the news: "Mabrouk to me, they made me district
    # manager", "yay me, they made me team lead"
    r"|(?:congrats|congratulations|mabrouk|mubarak|yay|go|well\s+done|hooray|woo+hoo+)\s+"
    r"(?:to\s+)?me\s*[,!.]+\s+"
    # news announced: "Thrilled to announce I'm now a senior engineer at Stripe"
    r"|(?:(?:i'?m|i\s+am|we'?re|we\s+are)\s+)?(?:so\s+|really\s+|very\s+)?(?:thrilled|excited|happy|"
    r"proud|pleased|delighted|stoked|chuffed)\s+to\s+(?:announce|share|say|report)(?:\s+that)?,?\s+"
    r"(?=(?:i|i'm|i've|we|we're|we've|my|our)\b)"
    # owning up to the news before it: "I will admit I work at McDonalds", "Should tell
    # you I'm vegetarian btw", "should probably mention I'm a team leader now", "I have
    # to say I love living in Brighton", "I'll be honest i live in leeds", "y'all I work
    # at Target", "aye I'm fae Glasgow" (each had been kept as words, the fact unkeyed)
    r"|(?:i\s+(?:will|must|have\s+to|gotta|got\s+to|'ll|’ll|need\s+to)\s+(?:admit|say|confess)"
    r"|(?:i\s+)?should\s+(?:(?:probably|prob|really|just|also)\s+)?(?:tell\s+you|mention|say|add)"
    r"|i(?:'ll|’ll|\s+will)\s+be\s+honest"
    r"|y['’]?all|aye)(?:\s+that)?[,:!]*\s+(?=(?:i|i'm|i’m|im|i've|we|we're|my|our)\b)"
    # a shrug before news said again: "guess I'm single again" (not a guess, "I guess I'm
    # allergic to cats", nor "guess I'm a morning person now", as often sarcastic)
    r"|(?:i\s+)?guess\s+(?=(?:i['’]m|im|we['’]re)\s+[^,.!?;]*\bagain\b)"
    # a reply's "no" before the news: "lol no i'm in austin", "nope, we live in Leeds"
    r"|(?:no|nope|nah)[,!.]*\s+(?=(?:i|i'm|im|i've|we|we're|my|our)\b)"
    # who the user talks to, before their news: "bro I'm vegan now", "hun, I'm 40"
    r"|(?:bro|sis|mate|hun|babe|dude|fam|bestie|man|guys)\b,?\s+(?=(?:i|i'm|i've|we|we're|my|our)\b)"
    r"|(?:bro|sis|mate|hun|babe|dude|fam|bestie|man|guys)\s*[,!]+\s+"
    # thanks and the like, before what the user goes on to say: "Cheers, I start Monday"
    r"|(?:thanks|thank you|thx|ty|cheers)(?:\s+(?:for\s+[^,.!?]{1,40}?|so much|very much|"
    r"again|mate|pal|anyway|all|though|a lot|heaps|loads|guys|man|dude|bro))?\s*[,!.:]+\s+"
    r"|(?:got it|fair enough|no worries|good to know|noted|"
    r"cool|great|grand|nice|perfect|awesome|sweet|sure|alright|all right|why not|guess what|"
    r"who knew|"
    r"how about that|you know what|same(?: here)?|fair|exactly|gotcha|indeed|true)\s*[,!.:]+\s+)+",
    re.I,
)


# Chat spelling, read as written out: "im" is "I'm", "dont" is "don't".
_CASUAL = {
    "i": "I", "im": "I'm", "ive": "I've", "dont": "don't", "cant": "can't",
    "didnt": "didn't", "doesnt": "doesn't", "isnt": "isn't", "wasnt": "wasn't",
    "havent": "haven't", "hasnt": "hasn't", "whats": "what's", "wats": "what's",
    "thats": "that's", "hes": "he's", "shes": "she's", "u": "you", "ur": "your",
    "rn": "right now", "bday": "birthday", "yrs": "years", "yr": "year", "tho": "though",
    "pls": "please", "plz": "please",
}  # fmt: skip
_CASUAL_WORD = re.compile(r"(?<![\w'’-])(" + "|".join(_CASUAL) + r")(?![\w'’-])", re.I)
# A question typed without its question mark: "whats a good gift for a kid".
_ASKING = re.compile(
    r"^(?:what|what's|how|where|when|why|who|which)\s+(?:is|are|was|were|do|does|did|can|"
    r"could|should|would|will|a|an|the|to|about)\b|^(?:what's|how's|where's|who's)\b|"
    r"^(?:can|could|would|will) you\b|^(?:do|does|should) (?:I|you|we)\b|^any (?:tips|ideas|"
    r"recommendations|suggestions)\b|"
    # "what time is it in tokyo rn", typed without its "?"
    r"^what\s+(?:time|day|date|year)\s+(?:is|was)\s+it\b|"
    # "what games work for 8 kids", "which shoes go with a navy suit"
    r"^(?:what|which)\s+(?!(?:i|we|you|a|an)\b)(?:[\w'-]+\s+){1,2}?(?:work|works|go|goes|"
    r"grow|grows|suit|suits|fit|fits|pair|pairs|taste|tastes|is|are|do|does|should|would|"
    r"can|could|will)\b|"
    # "how much more take-home is that roughly", "how long do you boil an egg" (not what
    # the user asks of themselves and answers: "how long have i been vegan, 3 years lol")
    r"^how\s+(?:much|many|long|often|far|come|soon|big|old)\b"
    r"(?!\s+(?:[\w-]+\s+)?(?:have|has|had|did|am|was|do)\s+(?:i|we)\b)|"
    # a question by its verb first: "is it worth paying for google one storage", "is it
    # normal for her to be this sore", "are there any good cafes near me"
    r"^(?:is|are|was|were|does|did|has|have|should|would|could|will|can)\s+"
    r"(?:it|there|this|that|they|he|she|it['’]s)\s+(?:\w+\s+)?"
    r"(?:worth|normal|ok|okay|fine|safe|bad|good|better|possible|true|legal|weird|rude|"
    r"too|any|a|an|the|really|actually|likely|going|supposed|necessary|enough)\b",
    re.I,
)
# What is asked for, said as a noun: "date ideas in london", "gift ideas for my mum",
# "good seafood places in kent", "cheap ways to make a garden look nice", "things to do
# in Lisbon" (the whole of it, or what follows it "for", "in"…: not "Tom's ideas are
# great", "good places have closed"; not the user's own: "my ideas for the wedding…").
_ASKED_FOR = (
    r"(?!(?:i|i'm|im|i've|we|we're|my|our|his|her|their)\b)"
    r"(?:(?:(?:[\w'-]+\s+){0,3}?(?:ideas|tips|recommendations|recs|suggestions|inspo)|"
    r"(?:good|best|cheap|easy|quick|fun|healthy|nice|decent|great|cosy|cozy|quiet|"
    r"kid-friendly|family-friendly|romantic|budget)\s+(?:[\w'-]+\s+){0,2}?(?:places|spots|"
    r"restaurants|pubs|bars|cafes|books|films|movies|shows|podcasts|games|exercises|"
    r"stretches|snacks|recipes|gifts|presents|hotels|walks|hikes|beaches)"
    # … the best of a thing for a need or a price: "best wireless mouse for small hands",
    # "best laptop under £500" (not "best thing for me was moving", "best day ever", nor
    # praise: "best uni in Ireland obv")
    r"|best\s+(?!(?:thing|things|part|bit|day|days|decision|friend|friends|mate|time|news|"
    r"moment|year|week|idea|feeling)\b)(?:[\w'-]+\s+){0,2}?[\w'-]+(?=\s+(?:for|under)\s))"
    r"(?:\s+(?:for|in|near|on|about|with|to|like|under|around|within|from|at|this|next|"
    r"tonight|today)\b[^.!?:]*)?"
    r"|(?:[\w'-]+\s+){0,2}?(?:ways|things|stuff|places)\s+to\s+[\w'-]+[^.!?:]*)\s*[.!?]*$"
)
# A request to the assistant, in the imperative ("help me write an email to my boss",
# "plan a party for my son's 5th") or as what is asked for (_ASKED_FOR). Its words are
# no memory: the extractor keeps only who and what of the user's it names ("help me
# train my dog Max"), and the news said after it (_NEWS_IN_A_REQUEST: "make me a meal plan
# im allergic to peanuts").
REQUEST = re.compile(
    r"^(?:(?:please|pls|plz)\s+)?(?:help\s+me|give\s+me|tell\s+me|show\s+me|find\s+me|"
    r"remind\s+me|make\s+me|write\s+(?:me|a|an|my|the|some)|draft\s+(?:me|a|an|my|the)|"
    r"plan\s+(?:me|a|an|my|the|our|some)|suggest|recommend|explain|brainstorm|generate|"
    r"translate|summari[sz]e|proofread|rewrite|"
    r"create\s+(?:a|an|my|the|some))\b|^(?:(?:please|pls|plz|any|some)\s+)?" + _ASKED_FOR,
    re.I,
)
_NEWS_IN_A_REQUEST = re.compile(
    r"\s*[,:;]\s+(?=(?:i|i'm|im|i've|we|we're|my|our)\b)|"
    # typed without a pause: "help me find a dentist i just moved to austin", "make me a
    # meal plan im allergic to peanuts"
    r"\s+(?=(?:i|we)\s+(?:just|recently|finally)\s+\w+ed\b|(?:i'm|im|i\s+am)\s+(?:allergic|"
    r"vegan|vegetarian|pescatarian|pregnant|diabetic|coeliac|celiac|lactose)\b)",
    re.I,
)
# A request for something done to the text after its colon: all that follows is the
# material, nobody's news ("translate to spanish: i live in berlin", "summarize this: I'm
# Sarah, a nurse…", "proofread this:\nMy name is John…").
_MATERIAL_FOLLOWS = re.compile(
    r"^(?:(?:please|pls|plz|can you|could you)\s+)?(?:translate|summari[sz]e|proofread|rewrite|"
    r"paraphrase|reword|spell[- ]?check|grammar[- ]check)\b[^:\n]{0,60}:",
    re.I,
)


# Someone else's text pasted after a label and a colon: all that follows is theirs, not
# the user's news ("RT @jdoe: just moved to LA", "FWD: Hi team, I've moved to Denver",
# "quote from the book: 'I live in Maine'", "here's the email I got: …", "here's my
# wife's cover letter: …", "Pt states: I'm allergic to latex", "resume of the candidate:
# …"). Not the user's own labels ("Update: I moved to Leeds", "Here's a quick note: …",
# "Transcript of my voice note: …", "Review went well at 10:30, …").
_NOT_MINE = r"(?!my\b|our\b)"
_PASTED_FOLLOWS = re.compile(
    r"^(?:(?:rt\s+@\w+|fwd?|review|quote|quoting|example|sample|template|transcript|"
    # "Reddit post I read:", "Example sentence for my ESL class:"
    r"(?:[\w'-]+\s+){0,2}(?:post|tweet|thread|comment|article|sentence|excerpt|passage|caption)\s+"
    r"(?:i\s+(?:read|saw|found)|from\s+(?!my\s+(?:own|journal|diary|blog|account)\b)|"
    r"for\s+(?:my\s+)?(?:esl|english|french|spanish|german|language)\s+class)[^:\n]{0,40}|"
    r"role-?\s?play|fill\s+in\s+the\s+blanks?)\s*|"
    r"(?:quote|quoting)\s+(?:from|by)\s+" + _NOT_MINE + r"[^:\n]{0,60}|"
    r"(?:copy\s+of|copying|copied\s+from|copy[- ]?paste[d]?\s+from)\s+"
    + _NOT_MINE
    + r"[^:\n]{0,60}|"
    r"(?:pt|patient|client|customer|candidate)\s+(?:states|says|said|reports|note|notes|wrote)"
    r"[^:\n]{0,40}|"
    r"(?:resume|résumé|cv|bio|profile)\s+of\s+" + _NOT_MINE + r"[^:\n]{0,60}|"
    # "Text from my sister:", "Email from Mike:", "my boss's email:"
    r"(?:(?:a|an|the|this|that)\s+)?(?:text|email|e-mail|message|msg|dm|letter|voicemail|"
    r"voice\s+note|reply|post|tweet)\s+from\s+(?!me\b|myself\b)[^:\n]{1,40}|"
    r"(?:my\s+)?(?!my\b|our\b)[\w-]+'s\s+(?:text|email|e-mail|message|msg|dm|letter|voicemail|"
    r"voice\s+note|reply|post|tweet)|"
    # a chat exported with its times: "[10:42] Jake:", "10:42 - Jake:"
    r"\[?\d{1,2}:\d\d(?::\d\d)?\s*(?:am|pm)?\]?\s*(?:[-–]\s*)?(?!(?i:me|user|human)\s*:)"
    r"(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?\s*|"
    r"here(?:'s|\s+is)\s+(?:(?:my\s+)?(?!(?:today|tonight|yesterday|tomorrow)'s)[\w-]+'s\s+"
    r"[^:\n]{0,40}|(?:the|a|an|this|that)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:email|e-mail|letter|message|text|reply|dm|comment)\s+"
    r"(?:i\s+got|i\s+received|from|he|she|they)\b[^:\n]{0,40}))"
    r":(?!\d)",
    re.I,
)


# Emoji end what they follow, the way people type them: "new job!! 🎉 senior designer".
EMOJI = "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\u20e3]"
_EMOJI = re.compile(EMOJI + "+")


# A question that tells: "Did I tell you I moved to Leeds?", "can you believe I'm 40 now".
_RHETORICAL = re.compile(
    r"^(?:(?:so|and|oh|ok|okay)\s+)?(?:do you know|did you know|did i tell you|did i mention|"
    r"have i told you|have i mentioned|can you believe|would you believe|guess what|"
    r"you know what|you'll never guess)\b[,!:]?\s*(?:that\s+)?"
    r"(?=(?:i|i'm|i've|we|we're|we've|my|our)\b)",
    re.I,
)
_HE_OR_SHE = re.compile(r"(?:he|she)\b", re.I)
_NAMES_A_RELATIVE = re.compile(r"\b(?:my|our)\s+(?:\w+\s+)?\w+", re.I)
# Words that make what is said made up: a story, a role.
FICTION = (
    r"story|stories|poem|song|script|roleplay|role-play|role play|pretend|imagine|fiction|"
    r"character"
)
_MADE_UP = re.compile(r"\b(?:" + FICTION + r"|act as|be my|play my|playing my)\b", re.I)
# A statement said with a question mark: "so I'm lactose intolerant now apparently??".
_TELLING = re.compile(
    r"^(?:(?:ok|okay|so|well|and)\s+)*(?:I|I'm|I've|I'll|we|we're|we've|my|our)\s|"
    # news of a plan's new day, typed with surprise: "they've brought it forward to 13
    # may??", "the exam's been moved to friday?!"
    r"^(?:they|they've|they'd|it|it's|it's\s+been|the\s+[\w']+)\s+(?:(?:have|has|had|just|"
    r"now|been|got|went\s+and)\s+)*(?:moved|pushed|brought|postponed|rescheduled|delayed|"
    r"put\s+back|bumped|shifted)\b",
    re.I,
)


def _spelled_out(line: str) -> str:
    def spell(match: re.Match[str]) -> str:
        word = match.group(1)
        spelled = _CASUAL.get(word.lower())  # None for "ı", which matches "i" ignoring case
        return spelled if spelled and (word.islower() or word == "Im") else word

    return _OWNER_UNMARKED.sub(r"\g<who>'s", _CASUAL_WORD.sub(spell, line))


# Whose it is, typed without the apostrophe: "mums birthday is 14 march" is mum's.
_OWNER_UNMARKED = re.compile(
    r"(?<![\w'’-])(?P<who>(?i:mum|mom|dad|sister|brother|wife|husband|son|daughter|hubby|"
    r"grandma|nan|gran|grandpa|boyfriend|girlfriend|bf|gf|partner|boss))s"
    r"(?=\s+(?i:birthday|bday|name|job|anniversary)\b)"
)


# A transcript pasted in as one text: the user's lines are theirs ("User: I live in
# Rome"), the others' lines nobody's ("Assistant: … I live in Paris myself").
_USERS_LINE = re.compile(r"^\s*(?:user|human|me)\s*:\s*(?=\S)", re.I)
# In a chat pasted with the user's lines as "Me:", a line of anyone else's ("Jake: i just
# moved to Denver") is theirs.
_SOMEONE_ELSES_LINE = re.compile(
    r"^\s*(?!(?:user|human|me|update|note|notes|ps|p\.s|pps|also|edit|fyi|btw|news|home|"
    r"diet|job|work|age|name|partner|location|status|reminder|todo|summary|about|re|"
    r"subject|tldr|tl;dr)\s*:)[A-Z][\w.'-]{0,20}(?:\s[A-Z][\w.'-]{0,20})?\s*:\s",
    re.I,
)
# (not r"^\s*me…": with re.M, that retried a run of blank lines from each of them)
_ME_LINE = re.compile(r"^[^\S\n]*me\s*:", re.I | re.M)
_NOT_THE_USERS_LINE = re.compile(
    r"^\s*(?:assistant|ai|bot|system|chatgpt|claude|gpt|model)\s*:", re.I
)
# The user written of in the third person, as a model writes a memory down: "The user
# lives in Berlin", "User's neighbor Tom moved to Denver", "User mentioned their friend
# Jake moved to Denver" are said as the user says them.
# (after a word that heads a note: "FYI the user's home city changed…", "Update: User…")
_NOTE_OPENER = r"(?:(?:fyi|note|update|heads\s+up|btw|also|memory|correction)\s*[:,;-]?\s+)?"
_THE_USER_OPENS = re.compile(r"^\s*(?i:" + _NOTE_OPENER + r")(?:[Tt]he\s+user|User)\b")
_THE_USERS = re.compile(r"\b(?:[Tt]he\s+user|User)'s\b")
_THE_USER_FIRST = re.compile(r"^(\s*(?i:" + _NOTE_OPENER + r"))[Tt]he\s+user\b(?!')")
_THE_USER_SAID = re.compile(
    r"^User\s+(?:said|says|mentioned|mentions|noted|notes|shared|shares|explained|explains|"
    r"told\s+(?:me|us))\s+(?:that\s+)?(?=\w)"
)
_THEY_THE_USER = {
    "they're": "I'm", "they've": "I've", "they'll": "I'll", "they'd": "I'd",
    "they are": "I am", "they were": "I was", "they": "I", "their": "my", "them": "me",
    "themselves": "myself", "themself": "myself",
}  # fmt: skip
_THEY = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, _THEY_THE_USER), key=len, reverse=True)) + r")\b",
    re.I,
)


def _as_the_user_says_it(line: str) -> str:
    """A line written of the user in the third person, as the user would say it."""
    if not _THE_USER_OPENS.match(line):  # "I told the user's story to Tom": a user of theirs
        return line
    said = _THE_USER_SAID.match(line)
    if said:  # what the user said, in their words: "they" and "their" are the user
        rest = _THEY.sub(lambda m: _THEY_THE_USER[m.group(0).lower()], line[said.end() :])
        line = rest[:1].upper() + rest[1:]
    return _THE_USER_FIRST.sub(r"\1User", _THE_USERS.sub("my", line))


def _label(line: str) -> str:
    """What a line opened by a label starts: "work" (material to work on: "translate to
    spanish: …"), "theirs" (someone else's text: "RT @jdoe: …"), or "" (the user's own)."""
    opening = strip_filler(line.strip()) if ":" in line else ""
    if not opening:
        return ""
    if _MATERIAL_FOLLOWS.match(opening):
        return "work"
    return "theirs" if _PASTED_FOLLOWS.match(line.strip()) else ""


def pasted(content: str) -> str:
    """Someone else's text pasted into ``content`` after a label ("RT @jdoe: just moved to
    LA"), from its label on, as written; "" when there is none."""
    lines = content.splitlines()
    for at, line in enumerate(lines):
        label = _label(line)
        if label:  # material to work on is not kept: "translate to spanish: …"
            return "\n".join(lines[at:]).strip() if label == "theirs" else ""
    return ""


# A note's fields, as a model or a form writes them down ("home_city: Austin", "age: 42",
# "Notes: home=Austin; employer=Dell"), each said as the user would say it. A field's name
# → how its value is said.
_FIELD_SAID = {
    **dict.fromkeys(
        (
            "home",
            "home city",
            "city",
            "current city",
            "residence",
            "current residence",
            "lives in",
            "based in",
        ),
        "I live in {v}",
    ),
    "age": "I'm {v}",
    **dict.fromkeys(
        ("job", "job title", "occupation", "profession"),
        "I work as {a}{v}",
    ),
    **dict.fromkeys(
        ("employer", "company", "workplace", "works at", "current employer", "works for"),
        "I work at {v}",
    ),
    **dict.fromkeys(
        ("diet", "dietary preference", "relationship status", "marital status"), "I'm {v}"
    ),
    **dict.fromkeys(
        ("allergies", "allergy", "allergic to", "food allergies"), "I'm allergic to {v}"
    ),
    **dict.fromkeys(("pets", "pet"), "I have {v}"),
    **dict.fromkeys(
        ("school", "university", "college", "studies at", "school name"), "I study at {v}"
    ),
    **dict.fromkeys(
        ("project", "current project", "working on", "side project"), "I'm working on {v}"
    ),
    **dict.fromkeys(("children", "kids", "child", "kid"), "My children are {v}"),
    **dict.fromkeys(("name", "full name", "preferred name", "goes by"), "My name is {v}"),
    **dict.fromkeys(
        ("phone", "phone number", "mobile", "cell", "mobile number", "cell number"),
        "My phone number is {v}",
    ),
    **dict.fromkeys(("email", "e-mail", "email address"), "My email is {v}"),
    **dict.fromkeys(
        (
            "partner",
            "spouse",
            "husband",
            "wife",
            "boyfriend",
            "girlfriend",
            "fiance",
            "fiancee",
            "fiancé",
            "fiancée",
        ),
        "My {field} is {v}",
    ),
    **dict.fromkeys(("likes", "interests", "hobbies"), "I like {v}"),
    "dislikes": "I dislike {v}",
    "languages": "I speak {v}",
}
# Fields whose value is a list: "allergies: shellfish, peanuts" → "shellfish and peanuts".
_LISTED = frozenset(
    (
        "allergies",
        "allergy",
        "allergic to",
        "food allergies",
        "pets",
        "pet",
        "likes",
        "interests",
        "hobbies",
        "dislikes",
    )
)
_FIELD_NAME = (
    r"(?P<field>(?:fav(?:ou?rite|e)?|favou?rite)[ _-][a-z]+(?:[ _-][a-z]+)?|"
    + "|".join(
        sorted((re.escape(f).replace(r"\ ", r"[ _-]") for f in _FIELD_SAID), key=len, reverse=True)
    )
    + r")"
)
_FIELD = re.compile(
    r"^\s*(?:(?:the\s+)?user'?s?\s+|my\s+)?" + _FIELD_NAME + r"\s*[:=]\s*(?P<v>[^;\n]*\S)\s*$",
    re.I,
)
# "Notes:", "Profile update —" before the fields; fields apart by ";" (or "," when each
# says "=")
_FIELDS_HEAD = re.compile(
    r"^\s*(?:(?:user\s+)?(?:notes?|profile(?:\s+update)?|memory|memories|facts?|update|"
    r"user\s+info|details)\s*(?:[:—–]|\s-\s|$)\s*)",
    re.I,
)
# A note said to be the user's: "User's home city: Austin", "my diet: vegan".
_THE_USERS_FIELD = re.compile(r"^\s*(?:[-*•]\s*)?(?:(?:the\s+)?user'?s?|my)\s", re.I)
# A field anyone's form has, read alone only when the note says it is the user's.
_ANYONES_FIELD = re.compile(
    r"^\s*(?:[-*•]\s*)?(?:name|full\s+name|age|city|home|company|project|school|university|college|"
    r"likes|interests|hobbies|dislikes|languages|job|phone|mobile|cell|email|e-mail)\s*[:=]",
    re.I,
)
# A value that is none, a placeholder, a choice or a question: "none", "N/A", "TBD",
# "[your city]", "string", "Tokyo or Osaka?", "Apple vs Google".
_NO_VALUE = re.compile(
    r"^(?:none|nothing|n/?a|tbd|tba|unknown|null|nil|-+|\?+|string|str|int|number|bool|"
    r"pending|unemployed)\b|[?<>\[\]{}]|\b(?:or|vs\.?|versus)\b|"
    # a sentence, not a value: "moved to Denver last week", "just found out I'm allergic…"
    r"\b(?:moved|left|joined|found|just|got|started|quit|applying|rejected|tips|what|how|which|"
    r"can|could|should|would)\b",
    re.I,
)
# … or a sentence in brackets after the value ("Leeds (my home town)", "Acme (not for
# long)"): read between each "(" and the ")" after it, by _says_in_brackets.
_A_SENTENCES_WORD = re.compile(r"\b(?:my|his|her|their|for|on|per|in|not)\b", re.I)


def _says_in_brackets(value: str) -> bool:
    """Whether a word of _A_SENTENCES_WORD follows a "(" before the next ")" (one pattern
    for it backtracked, cubic in the length of "(my (my (my …")."""
    *closed, _ = value.split(")")
    for part in closed:
        opened = part.find("(")
        if opened >= 0 and _A_SENTENCES_WORD.search(part, opened + 1):
            return True
    return False


# People as a field, whose value is a sentence of someone named, no field: "My kids: Mia
# is 7 and Leo starts school", "Siblings: Ola is a pharmacist, …" (relatives.py reads them).
_PEOPLE_FIELDS = frozenset(("children", "kids", "child", "kid", "siblings", "sibling"))
_SOMEONE_TOLD = re.compile(
    r"^(?-i:[A-Z])[\w'-]+\s+(?:is|are|was|has|works|lives|starts|goes|turned|turns)\b"
)
# What a value says of the past, not now: "Seattle (was Minneapolis)", "Dell (prev. Target)"
_WAS = re.compile(
    r"\s*\((?:was|prev\.?|previously|formerly|former|old|before|used\s+to\s+be|from)\b[^)]*\)",
    re.I,
)


def fields_said(content: str) -> tuple[str, str]:
    """("user", ``content`` as the user would say it) when it is a note of fields about
    the user, every line ("home_city: Austin", "age=42; diet=vegan", a heading): "I live
    in Austin. I'm 42. I'm vegan."; ("theirs", "") when it is fields that do not say
    whose: more fields than one with no heading or "user" to say ("Name: Mike Jones /
    Phone: …"), or a field any form has said alone ("Name: Mike Jones"); ("", "") for
    anything else, a line of something else among fields included ("Salary: 150k",
    "Can you review this posting?"), or a field said generally ("City: Tokyo or Osaka?",
    "Allergies: none", "Role: admin")."""
    lines = content.split("\n")
    said = [_fields_said(line) for line in lines]
    for line, as_said in zip(lines, said):
        if line.strip() and as_said == line and not _FIELDS_HEAD.fullmatch(line):
            return "", ""
    told = [line for line in lines if line.strip() and not _FIELDS_HEAD.fullmatch(line)]
    if not told:
        return "", ""
    whose = _FIELDS_HEAD.match(content) or _THE_USERS_FIELD.match(content)
    if not whose and (len(told) > 1 or ";" in told[0] or _ANYONES_FIELD.match(told[0])):
        return "theirs", ""
    return "user", "\n".join(said)


def _split_trimmed(text: str, mark: str) -> list[str]:
    """``text`` split at ``mark``, the spaces beside each mark dropped, as a split at a
    pattern of spaces, the mark and spaces would, but in time linear in a run of spaces
    (such a pattern retried the run from each of its spaces)."""
    parts = text.split(mark)
    if len(parts) == 1:
        return parts
    last = len(parts) - 1
    return [parts[0].rstrip(), *(part.strip() for part in parts[1:last]), parts[last].lstrip()]


def _fields_said(line: str) -> str:
    body = _FIELDS_HEAD.sub("", _BULLET.sub("", line), count=1)
    parts = [p for p in _split_trimmed(body.strip().rstrip("."), ";") if p]
    if not parts:
        return line  # ";" says no field
    if len(parts) == 1 and parts[0].count("=") > 1:
        parts = _split_trimmed(parts[0], ",")
    said = []
    for part in parts:
        field = _FIELD.match(part)
        if field is None:
            return line
        name = re.sub(r"[\s_-]+", " ", field.group("field").lower())
        value = _WAS.sub("", field.group("v")).strip().rstrip(".")
        if not value or _NO_VALUE.search(value) or _says_in_brackets(value):
            return line
        if name in _PEOPLE_FIELDS and _SOMEONE_TOLD.match(value):
            return line
        if name in _LISTED:
            value = _listed(value, pets=name.startswith("pet"))
        how = _FIELD_SAID.get(name)
        if how is None:  # "favorite_band", "fav book"
            how = "My favorite " + name.split(" ", 1)[1] + " is {v}"
        article = (
            "" if re.match(r"(?:a|an|the)\s", value, re.I) else indefinite_article(value) + " "
        )
        said.append(how.format(v=value, a=article, field=name))
    return ". ".join(said) + "."


def _listed(value: str, pets: bool) -> str:
    """A field's list as said: "shellfish, peanuts" → "shellfish and peanuts"; a pet by
    its kind and name, "dog Biscuit, cat Luna" → "a dog called Biscuit and a cat called
    Luna"."""
    items = [i for i in re.split(r"\s*,\s*|\s+and\s+", value) if i]
    if pets:
        items = [
            re.sub(r"^(?:(?:a|an|my)\s+)?([a-z]+)\s+(?-i:([A-Z]\w+))$", r"a \1 called \2", i)
            for i in items
        ]
    return " and ".join(items) if len(items) < 3 else ", ".join(items[:-1]) + " and " + items[-1]


def sentences(content: str) -> list[str]:
    """The statements of ``content``: questions, chit-chat and lead-in fillers gone."""
    found: list[str] = []
    mine_marked = "\n" in content and _ME_LINE.search(content) is not None
    for line in content.replace("’", "'").replace("‘", "'").splitlines():
        if mine_marked and _SOMEONE_ELSES_LINE.match(line):
            continue  # "Me: where u at / Jake: i just moved to Denver": Jake's line
        if _label(line):
            break  # "translate to spanish: i live in berlin", "RT @jdoe: …": the material
        if _NOT_THE_USERS_LINE.match(line):
            continue  # "Assistant: I live in Paris myself", in a transcript pasted in
        line = _as_the_user_says_it(_USERS_LINE.sub("", line, count=1))
        # One space per gap keeps every later regex linear in the line's length.
        line = _EMOJI.sub(" . ", _BULLET.sub("", line))
        line = _spelled_out(" ".join(line.split()))
        for sentence, is_question in _sentences(line):
            sentence = _RHETORICAL.sub("", sentence, count=1)
            plain = strip_filler(sentence)
            if is_question and not _TELLING.match(plain):
                told = told_before_asking(plain) or told_while_asking(plain)
                if told is None:
                    continue
                sentence = told
            elif is_question:
                # "I drive a Tesla — how often should I rotate the tyres?": what it tells,
                # not the question that ends it (which had been stored as a memory)
                pause = LAST_PAUSE.search(sentence)
                tail = sentence[pause.end() :] if pause else ""
                # (before its fillers are stripped: "ok to eat brie?" is no "to eat brie?")
                if pause and (A_TAIL_ASKS.match(tail) or A_TAIL_ASKS.match(strip_filler(tail))):
                    sentence = sentence[: pause.start()]
            if _ASKING.match(plain):
                # "what a day, I moved to Leeds": an exclamation before the news, not a question
                news = NEWS_AFTER.search(plain)
                why = told_while_asking(plain) if news is None else None
                if why is not None:
                    found.append(why)  # "any tips now i work from home": why it is asked
                    continue
                if news is None or (
                    # "he" or "she" only after a relative the request names, and not in a
                    # story or a role ("write a story where my daughter …, she rides …")
                    _HE_OR_SHE.match(plain, news.end())
                    and (
                        not _NAMES_A_RELATIVE.search(plain, 0, news.start())
                        or _MADE_UP.search(plain, 0, news.start())
                    )
                ):
                    continue
                sentence = plain[news.end() :]
            if REQUEST.match(sentence):
                # "help me plan dinner: I'm vegan now", "create a budget for me, i earn 60k
                # and live in Austin": the news after the request, said on its own
                news = _NEWS_IN_A_REQUEST.search(sentence)
                if news:
                    found.append(sentence[: news.start()])
                    sentence = sentence[news.end() :]
            for part in _dash_parts(sentence):
                if is_chitchat(part):  # before the thanks go as a lead-in: "Thanks, you're a star"
                    continue
                part = strip_filler(part)
                if part and not is_chitchat(part):
                    found.append(part)
    return _labels_joined(found)


_TAIL_CHARS = 200


def asked_unmarked(content: str) -> Optional[str]:
    """``content`` with a "?" after each sentence a question ends though typed with none
    ("my brother kwame lives in accra, whats a good present i can ship to him"), or None
    when there is none: read so, what it tells before the question is its own. Sentences
    end where ``sentences`` ends them (``sentence_ends``)."""
    lines = content.splitlines(keepends=True)
    marked = False
    for at, line in enumerate(lines):
        ends = [(m.start(), "?" in m.group()) for m in sentence_ends(line)]
        start, put = 0, []
        for end, asked in [*ends, (len(line.rstrip()), False)]:
            said = line[start:end].rstrip()
            # (a question is short: only a sentence's last words are searched for its
            # pause, so a long run costs time linear in its length)
            tail = said[-_TAIL_CHARS:]
            pause = None if asked else LAST_PAUSE.search(tail)
            if pause and A_TAIL_ASKS_UNMARKED.match(strip_filler(tail[pause.end() :])):
                put.append(start + len(said))
            start = end
        for where in reversed(put):
            line = line[:where] + "?" + line[where:]
        lines[at], marked = line, marked or bool(put)
    return "".join(lines) if marked else None


def _labels_joined(found: list[str]) -> list[str]:
    """``found``, a new job's label said alone joined to where and what as, listed after
    it ("New job!! monzo, backend engineer": "New job: monzo, backend engineer"); any
    other label stays a sentence of its own."""
    joined: list[str] = []
    for sentence in found:
        label = news_label(joined[-1]) if joined else None
        if label is not None and at_the_new_job(label, sentence) != sentence:
            joined[-1] = f"{label}: {sentence}"
        else:
            joined.append(sentence)
    return joined


def strip_filler(text: str) -> str:
    return _FILLER.sub("", text, count=1).strip(" ,:;—–-")


def _sentences(line: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    start = 0
    for match in sentence_ends(line):
        out.append((line[start : match.start()], "?" in match.group()))
        start = match.end()
    out.append((line[start:], False))
    return [(s.strip(), q) for s, q in out if s.strip()]


def typed_after(content: str, folded: str, sentence: str, cursor: int) -> str:
    """What ``content`` (lower-cased as ``folded``) holds right after ``sentence``, one of
    its statements, found at or after ``cursor``: the mark or the words that followed it
    as typed ("?", ". jk"), up to the next line; "" when its last words are not found."""
    tail = sentence[-12:].lower()
    at = folded.find(tail, cursor) if tail else -1
    if at < 0:
        return ""
    end = at + len(tail)
    line_end = content.find("\n", end)
    return content[end : line_end if line_end >= 0 else len(content)]


# A joke owned up to, at a statement's end or right after it: "I quit my job lol jk",
# "I'm 21 jk lol", "Moving to Mars. Just kidding!", "…, I'm kidding" (not "no kidding",
# "not even joking": said in earnest; not "my mum thinks I'm joking", "paid for joking":
# told of; not "jk about the weather": another joke's; not "my flatmate JK", "jk rowling").
_LAUGH = r"(?:\s+(?:lol|lmao|haha+|😂|🤣|😜))*"
_JOKED_AT_END = re.compile(
    r"(?<!\bno\s)(?<!\bnot\s)(?<!\beven\s)(?:\b" + JK + r"|\bjust\s+(?:kidding|joking)|"
    r"(?:^|[,—–-]\s*|\b(?:lol|haha+|lmao)\s+)(?:(?:i['’]?m|only)\s+)?(?:kidding|joking))"
    # and what owns up with it: "jk I wish lol", "jk obviously"
    r"(?:\s*,?\s+(?:i\s+wish|if\s+only|obviously|ofc|sadly))?" + _LAUGH + r"\W*$|\s/s\W*$",
    re.I,
)


def joke_owned_up(sentence: str, typed: str) -> Optional[str]:
    """The joke ``sentence`` owns up to: the words right after it that say so (``typed``,
    chat.typed_after: "jk", "Just kidding"), "" when they end the sentence itself ("I quit
    my job lol jk", "I live in Paris, jk"), or None. A marker that ends a piece after a
    comma is that piece's joke, not the sentence's ("I work at Apple, the one in Cupertino
    jk")."""
    after = JOKED_AFTER.match(typed)
    if after is not None:
        return after.group().strip(" .!?,;:)-–—")
    end = _JOKED_AT_END.search(sentence)
    if end is None:
        return None
    piece = re.split(r"[,;(]", sentence[: end.start()])
    if len(piece) > 1 and piece[-1].strip() and not is_chitchat(piece[-1]):
        return None
    return ""
