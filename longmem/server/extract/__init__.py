"""The default extractor: facts from what a user says, by plain, deterministic rules.

``RuleExtractor().extract(content, observed_at)`` reads content once ``plainly.py`` has
said plainly what the whole message says (an age as people tell it, a birth then the
names), the way ``chat.py`` splits it into statements (sentences, fillers, questions)
and ``clauses.py`` into clauses, finds each clause's subject the way ``subjects.py`` does
(and who else it tells of the way ``others.py`` does: the relations it names, someone
new) and its keyed attributes the way ``keys.py`` does (by the phrasings of ``rules.py``),
and dates them the way ``when.py`` and, for a stay, ``stays.py`` do. ``rests.py`` keeps
what a clause says beside its keyed facts; ``homes.py`` reads a home said by its noun
across the message; ``endings.py`` what a sentence's later clauses say of its earlier
facts (a leaving that ends the job it told).
Each clause becomes:

- one keyed fact per attribute it states, worded the one way its attribute is worded
  ("I moved to Paris last month" → "User lives in Paris", keyed ``user / home / Paris``,
  ``valid_from`` a month before it was said, ``statement`` the words as said);
- plus, when it names a relation ("my sister Anna lives in Vienna"), the relation itself
  as a fact of the user ("User's sister is Anna"), so a later "Anna moved to Rome" is
  known to be about the user's sister;
- or, when it states no attribute, a plain fact: the clause in the third person ("Every
  morning User grabs a pastry from the bakery"), typed ``fact`` / ``preference`` /
  ``episode`` by its wording, never superseded, only recognised when said again.

A sentence's expiry ("this week", "until Sunday") holds for each of its facts that is not
a past event. Questions and chit-chat give nothing; anything else gives at least a plain
fact — nothing said is dropped for not being understood.

The rules load on the first message read (``pipeline.py``), not on import: a server
started, searched or listed never compiles their patterns. They load all at once (every
pattern, the place names), so that no later message pays for being the first to need one.
"""

from __future__ import annotations

from datetime import datetime

from ..facts import ExtractedFact
from .clauses import pieces
from .lexicon import SUBJECT
from .text import content_words

__all__ = ["SUBJECT", "RuleExtractor", "content_words", "pieces"]


class RuleExtractor:
    """The default extractor: the documented rules of this package, no model, no I/O."""

    def extract(self, content: str, observed_at: datetime) -> list[ExtractedFact]:
        from .pipeline import extract  # the rules load on the first message read

        return extract(content, observed_at)
