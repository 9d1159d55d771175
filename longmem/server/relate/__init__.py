"""How remember relates each fact extracted from what was said to what the collection
already holds, and stores it unless a duplicate: one call's facts inside one write
transaction (``call.store_facts``; the route and the job worker reach it through
handlers/remember.py).

How a fact relates, decided here from keys (facts.py), never by a model:

- A keyed fact of a **single-valued** attribute (home, job, diet…): the same value as
  the current one → ``duplicate`` (not stored again), unless said with other detail
  than its text holds ("…, 3rd year" after "…, 2nd year"; ``_told_more``, for any key):
  then ``updates``; a different value → ``updates``:
  stored, and the current one stops being the latest — unless the new statement is
  older news (said before the current one, or, when both name the day they began,
  begun before it: an old transcript replayed late): then it is stored as history, not
  current, and the current truth stays (``_before``).
- A keyed fact of a **multi-valued** attribute (likes, pets, children…): a value already
  held → ``duplicate``; a value that refines one held ("tea" → "green tea") →
  ``extends`` (both stay); else ``new``.
- A **negated** keyed fact ("no longer eats meat") retires the current memory of that
  key and value (``updates``); with nothing to retire it is ``new``. An **ending** (a
  negated fact with no value: "I resigned today") retires whatever the key holds, and
  the job with the employer.
- A **correction** ("it's Izmir, not Bursa") rewrites the newest current memory that
  names the wrong word with the right one, superseding it (``updates``); when no memory
  names it, the words are stored as a plain fact.
- An **unkeyed** fact (a plain statement) is compared with the most similar current
  memories: a restatement (the same content words, or near-identical text) is a
  ``duplicate``, anything else is ``new``. Nothing unkeyed is ever superseded.

Everything above happens within the call's collection and container tag: a fact relates
only to memories of its own tag, and a call without one only to untagged memories, so
the users of one shared collection (one tag each) never supersede each other's facts.

The parts, each a piece of the one call (``_Call``, call.py, built from the others):
``whose.py`` finds whom a fact is about; ``corrections.py`` puts right what a fact
corrects; ``plans.py`` keeps a value planned for a day to come, its day moved or called
off; ``keyed.py`` relates a keyed fact to what its key holds; ``call.py`` takes each fact
through them, relates an unkeyed fact to the most similar current memories, and stores
it; ``base.py`` holds what they share: the call's scope, the memories a key holds in it,
how two values compare.
"""
