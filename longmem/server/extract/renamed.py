"""A name taken, or taken back, as chat tells it: the new full name said with "now" or
"again", in a message that says the name changed — "Sarah Okafor now, changed my name at
the bank today", "Divorce is final. Anjanette Ramdial again, back to my maiden name",
"officially Sarah Okafor now, name change went through". The clause reader keeps such a
line whole, as a plain memory; ``names_taken`` keys it as the user's name, its words kept
as said, so that it supersedes the name told before.

Not a name said with a title alone ("It's Mrs Okafor now": no first name to call the user
by), one hedged or asked ("thinking of going back to my maiden name", "Sarah Okafor now?"),
nor a full name said in a message that says no change of the user's name ("Tom Smith
now, he's the new manager").
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..facts import USER, ExtractedFact
from .lexicon import HEDGED, HEDGED_BEFORE

# The user's name changed: "changed my name", "changed my surname at the bank", "name
# change went through", "back to my maiden name", "took his surname", "by deed poll".
_CHANGED = re.compile(
    r"\b(?:chang(?:ed|e)\s+(?:my|User's)\s+(?:sur|last\s+|family\s+)?name|name\s+change|"
    r"(?:back\s+to|took|taken|kept|keep|keeping)\s+(?:my|User's)\s+(?:maiden|married|old|"
    r"own|birth)\s+name|took\s+(?:his|her|their)\s+(?:sur|last\s+|family\s+)?name|"
    r"deed\s+poll)\b",
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
    changed = _CHANGED.search(content)
    if changed is None or HEDGED.search(content) or HEDGED_BEFORE.search(content):
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
