"""Chit-chat: what says nothing of the user. Greetings, thanks, assent and chat's own
words ("lol", "omg", "ngl"), remarks on the conversation ("that was helpful", "makes
sense"), a joke owned up to ("jk"). The extractor stores no sentence of it (chat.py), and
search runs no meaning arm for a query of it (a pleasantry asks nothing): kept apart from
the rules, so that a server that searches loads this, not them.
"""

from __future__ import annotations

import re

from ..embed import STOP_WORDS, tokens
from .lexicon import words

INTERJECTIONS = words(
    "hi hello hey thanks thank ok okay bye yes yeah yep nope sure cool great lol please "
    "haha hehe wow oh ah hmm cheers good morning night evening awesome nice star btw "
    "hiya howdy greetings g'day namaste bonjour "
    "hola gracias merci danke ciao salut adios おはよう こんにちは ありがとう mind "
    # replies to the assistant: "thanks, that's helpful", "haha true", "lol ok whatever"
    "helpful useful interesting true same whatever fair exactly agreed indeed gotcha sense "
    "makes sounds"
)
# What chat opens a sentence with that says nothing ("lol", "omg", "ngl", "hahaha",
# "ugh"): never a name, and a lead-in when a statement follows ("lol I got the job").
CHAT = (
    r"(?:lo+l+[sz]?|lmf?a+o+|rofl|(?:ha){2,}h?|(?:he){2,}h?|o+m+f?g+|ngl|tbh|tbf|welp|u+g+h+|"
    r"ya+y+|wo+h?o+|woohoo|yikes|w?hoops|oops|phew|whew|a+w+|hm+|bruh|wo+w+|imo|imho|jk|idk|"
    r"smh|ikr|nvm|ffs|wtf|gosh|geez|jeez|damn|yup|yep|yea+h?|ye+s+|o+h+|a+h+|u+m+|"
    r"fwiw|ai?ght|wo+t|hoo?ray|hurray|yippee|meh|gah|ar+g+h*|rip(?!\s+(?-i:[A-Z]))|oo+f|eek|sigh|fml|tfw|"
    r"lowkey|highkey|deadass|fr|istg|na+h+|naw|yh|legit|o+k+|k+|a(?:ha)+h?|"
    r"tho|bruv|innit|oi|omw|woah|whoa)"
)
# Chat's words that are names as well ("Soo", "Ye", "Ya", "Ha", "Dang"): chat typed in
# lower case or before a comma, names when capitalised before a verb.
CHAT_OR_NAME = r"(?:ha|hah|ya+h?|ye|so{2,}|dang)"
_CHAT_WORD = re.compile(CHAT, re.I)
_CHAT_OR_NAME = re.compile(CHAT_OR_NAME)


def is_chat_word(word: str) -> bool:
    """Whether a word is one of chat's own ("lol", "omg", "soo"), not a name ("Soo")."""
    return _CHAT_WORD.fullmatch(word) is not None or _CHAT_OR_NAME.fullmatch(word) is not None


# Where the user's news starts after a question-shaped exclamation: "how about that, I'm 40".
# ... or someone's, named in the request: "can you suggest a gift for my mom, she lives in
# Phoenix" (whom "she" is, the extractor reads from the request).
NEWS_AFTER = re.compile(
    r"[,:;]\s+(?:(?:but|and|so)\s+)?(?=(?:I|I'm|I've|we|we're|we've|my|our|he|she|he's|she's)\b|"
    r"(?:moved|started|joined|got|quit|left|turned)\b)",
    re.I,
)


_THANKS = re.compile(
    r"^[¡¿]?(?:thanks|thank you|thx|cheers|lol|haha|ha|much appreciated|never mind|nevermind|"
    r"good to know|got it|fair enough|"
    r"just checking|just testing|no worries|gracias|hola|merci|danke)\b",
    re.I,
)


# What follows thanks when they are all that is said: "Thanks, you've been a star!",
# "thanks for the help", "cheers mate".
_TO_YOU = re.compile(
    r"^(?:you|you're|you've|you'll|your|ya|u|ur|for|so much|very much|a lot|again|heaps|"
    r"loads|a million|a bunch|anyway|though|all|man|mate|dude|bro|buddy|guys)\b",
    re.I,
)


def is_chitchat(text: str) -> bool:
    """Greetings, thanks and interjections: "Thanks, you've been a star!", "ok cool".
    Not what follows them: "lol I got the job", "Thanks to the new job I moved", "thanks
    for the help, I moved to Leeds"."""
    rest = text
    thanks = _THANKS.match(rest)
    while thanks is not None:  # "thanks thanks lol": a loop, however many
        rest = rest[thanks.end() :].strip(" ,.!:;—–-")
        if not rest:
            return True
        if _TO_YOU.match(rest):
            return NEWS_AFTER.search(rest) is None
        thanks = _THANKS.match(rest)
    if _REMARK.match(rest):
        return True
    joke = JOKED_AFTER.match(rest)
    if joke is not None and not rest[joke.end() :].strip(" .!?,;:)"):
        return True  # "Just kidding!", "lol jk"
    # "'s" of "that's", "'m" of "I'm good" are no content; "'d" of "I'd been there" is
    content = [w for w in tokens(rest) if w not in STOP_WORDS and w not in ("s", "m")]
    return all(w in INTERJECTIONS or is_chat_word(w) for w in content)


# How a question opens or ends: "what do I do in the morning?", "is that true about me".
_ASKS = re.compile(
    r"\?|^\W*(?:what|what's|whats|how|how's|where|where's|when|why|who|who's|whom|whose|"
    r"which|is|are|am|was|were|do|does|did|can|could|would|will|should|shall|have|has|any)\b",
    re.I,
)


def is_pleasantry(query: str) -> bool:
    """Whether a search query is chit-chat that asks nothing ("thanks!", "ok cool",
    "sounds good"): not a question, though its words are chit-chat's ("what do I do in
    the morning?", "what's on my mind?"), and not stop words only ("what do I do")."""
    return (
        _ASKS.search(query) is None
        and is_chitchat(query)
        and any(word not in STOP_WORDS for word in tokens(query))
    )


# A remark on the conversation, all a sentence says: "that was super helpful", "I see what
# you mean", "makes sense", "let me think about it", "I was just curious", "you're wrong
# about that". Not "I see my therapist on Tuesdays", "that was my last day at Acme".
_REMARK = re.compile(
    r"^(?:(?:hmm+|ok|okay|ah|oh|well|yeah|right|lol|haha)[,!.]*\s+)*(?:"
    r"(?:that|this|it)(?:'s|\s+is|\s+was|\s+sounds|\s+looks|\s+seems)\s+"
    r"(?:(?:so|super|really|very|pretty|quite|actually|totally|incredibly|soo+)\s+)*"
    r"(?:helpful|useful|great|perfect|amazing|awesome|interesting|fair|true|right|wrong|funny|"
    r"hilarious|cool|nice|good|clear|confusing|weird|brilliant|fantastic|excellent|"
    r"wonderful|lovely|fine|ok|okay|spot on|exactly what i needed|exactly it)|"
    r"(?:i\s+guess\s+|ok\s+)?(?:that|it|this)?\s*makes\s+(?:total\s+|more\s+)?sense|"
    r"i\s+see(?:\s+what\s+you\s+mean)?|i\s+(?:get|understand)\s+(?:it|that|you|now)|"
    r"(?:let\s+me|lemme)\s+(?:think|check|see|get\s+back\s+to\s+you|look|sleep\s+on)|"
    r"i\s+was\s+just\s+(?:curious|wondering|asking|checking)|"
    r"(?:i\s+think\s+)?you(?:'re|\s+are|\s+were)\s+(?:(?:so|totally|completely)\s+)?"
    r"(?:wrong|right|correct|mistaken|the\s+best|amazing|a\s+lifesaver|awesome)|"
    r"i\s+(?:don't|dont|do\s+not)\s+know(?:,?\s+what\s+do\s+you\s+think)?|"
    r"(?:be|make\s+it)\s+quick)"
    r"(?:\s+(?:about\s+(?:that|this|it)|(?:for\s+)?now|then|though|tbh|lol|haha|thanks|"
    r"thank\s+you|either))*[\s.!?]*$",
    re.I,
)


# A joke owned up to (chat.py reads one at a statement's end too): "jk", "just kidding".
JK = r"(?-i:jk(?:jk)*|Jk|j/k)"
JOKED_AFTER = re.compile(
    r"^[\s.!?,;:)\-–—]*(?:(?:lol|lmao|haha+|ha|yes|yeah|obviously|ofc)\s+)?(?:"
    + JK
    + r"|(?:just\s+|only\s+|i['’]?m\s+)?"
    r"(?:kidding|joking)|/s)(?=\s*(?:$|[^\w\s]|(?:i|i['’]m|im|we|we['’]re|it|its|it['’]s|not|lol|"
    r"haha+|lmao|just|but|obviously|seriously|still|actually)\b))",
    re.I,
)
