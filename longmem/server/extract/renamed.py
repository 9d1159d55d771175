"""A name taken, or taken back, as chat tells it: the new full name said with "now" or
"again", in a message that says the name changed — "Sarah Okafor now, changed my name at
the bank today", "Divorce is final. Anjanette Ramdial again, back to my maiden name",
"officially Sarah Okafor now, my name change went through". The clause reader keeps such a
line whole, as a plain memory; ``names_taken`` keys it as the user's name, its words kept
as said, so that it supersedes the name told before.

Not a name said with a title alone ("It's Mrs Okafor now": no first name to call the user
by), one hedged or asked ("thinking of going back to my maiden name", "Sarah Okafor now?"),
a name on an app or in a game ("Shadow Wolf again, changed my name back on xbox"), nor a
full name said in a message that says no change of the user's own name ("Emma Clarke
now, she took his surname", "Jess Carter now, her name change went through", "Lucy Brown
now! I kept my own name").
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..facts import USER, ExtractedFact
from .lexicon import HEDGED, HEDGED_BEFORE

# The user's own name changed, said as the user's: "changed my name (at the bank)",
# "changed my surname", "my name change went through", "back to my maiden name", "took
# back my old name", "took his surname" (the user, or no one before "took"). Not someone
# else's ("her name change", "she took his surname", "my daughter took his surname"), nor
# the opposite ("kept my own name").
_CHANGED = re.compile(
    r"\b(?:chang(?:ed|e)\s+my\s+(?:sur|last\s+|family\s+)?name|my\s+name\s+change|"
    r"back\s+to\s+my\s+(?:maiden|old|birth)\s+name|"
    r"took\s+(?:back\s+my\s+(?:maiden|old|birth)\s+name|my\s+(?:maiden|old|birth)\s+name\s+back)|"
    r"(?:(?:^|[.!;:,]\s*)|\bI(?:'ve|\s+have)?\s+)(?:took|taken)\s+(?:his|her|their|\w+['’]s)\s+"
    r"(?:sur|last\s+|family\s+)?name)\b",
    re.I,
)
# … on an app, a game, a profile or an email: a display name, not the user's ("changed my
# name on xbox", "… in the group chat", "… on the netflix profile", "… on the work email").
_ON_AN_APP = re.compile(
    r"\b(?:on|in|for)\s+(?:the\s+|my\s+)?(?:\w+\s+)?(?:xbox|playstation|psn|steam|discord|"
    r"insta|instagram|facebook|fb|twitter|tiktok|snapchat|snap|whatsapp|slack|teams|zoom|"
    r"netflix|spotify|tinder|hinge|bumble|linkedin|reddit|twitch|youtube|roblox|fortnite|"
    r"minecraft|group\s*chat|chat|profile|account|app|server|game|username|handle|gamertag|"
    r"e-?mail|email\s+signature|signature|login|badge|website|site|page|channel)\b",
    re.I,
)
# The new name, first and last, at the start of the statement and with "now" or "again"
# after it ("Sarah Okafor now,", "officially Anjanette Ramdial again"), and nothing else
# to the clause's end.
_NAME_NOW = re.compile(
    r"^(?:(?:it's|its|it\s+is|officially|so|and)\s+)*"
    r"(?P<v>[A-ZÀ-ÝŁØ][a-zà-ÿłø'’-]+(?:\s+[A-ZÀ-ÝŁØ][a-zà-ÿłø'’-]+){1,2})"
    r"\s+(?:now|again)\b(?=\s*(?:$|[,.!;—–]|-\s))",
    re.I,
)
_TITLES = frozenset(("mrs", "ms", "miss", "mr", "dr", "prof", "user", "i", "i'm"))


def names_taken(content: str, facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """``content``'s ``facts``, a plain memory of the user's that says the new full name
    keyed as the user's name, when the message says the user's name changed."""
    if "name" not in content.lower():
        return facts  # every change of name is said with "name" (most messages have none)
    if _CHANGED.search(content) is None or _ON_AN_APP.search(content):
        return facts
    if HEDGED.search(content) or HEDGED_BEFORE.search(content):
        return facts  # "thinking of going back to my maiden name, Ramdial again"
    return [_keyed(f) for f in facts]


def _keyed(fact: ExtractedFact) -> ExtractedFact:
    if fact.attribute is not None or fact.subject != USER or fact.negated:
        return fact
    said = _NAME_NOW.match(fact.statement)
    if said is None or "?" in fact.statement:
        return fact
    name = said.group("v")
    if name.split()[0].lower() in _TITLES:
        return fact
    # (case-blind above for the words before the name; the name itself as typed)
    if not all(word[0].isupper() for word in name.split()):
        return fact
    return replace(fact, attribute="name", value=name)
