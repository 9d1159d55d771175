"""Plans in a remember call (relate/): a value planned to begin after it was said
("we're moving to Izmir in June") and what holds until then; a new day for a plan told
before ("they moved it to monday"); a plan called off ("not moving after all"), the value
it replaced holding again.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

from ..db import MemoryRecord
from ..facts import DATE_PREFIX, USER, ExtractedFact, attribute
from ..timestamps import iso_now, iso_to_datetime, iso_to_epoch
from .base import DUPLICATE, NEW, NEWEST_LOOKED_AT, UPDATES, CallBase, _same, iso

# How long after a plan's day was told a new day with no event ("they moved it to
# monday") is still that plan's (seconds): half a year.
_PLAN_TOLD_WITHIN = 183 * 86400


def pending(fact: ExtractedFact) -> bool:
    """Whether a fact is planned and its day has not come: it becomes true later than now."""
    begins = iso(fact.valid_from)
    return begins is not None and begins > iso_now()


class _Plans(CallBase):
    """The plans a fact says, changes or calls off, against those its key holds."""

    def _of_a_plan(self, fact: ExtractedFact) -> ExtractedFact:
        """A new day (or an end) said for a plan told before (``redates``), keyed as that
        plan's: an event said bare ("appt moved to the 10th", "exam got pushed back to 19
        may") is the plan of that event held, else the one of a kind of it told last
        ("gp appointment, 3rd of feb", "maths exam on 20 may"); no event, the plan known
        by the word said ("monzo moved it to friday": the monzo interview; "uni pushed the
        exam back a week, it's 27 may now": an exam), or, said by
        "they" or "it", the plan told last, if no other day was said since ("they moved it
        to monday" after "my sister's wedding is on 3 june" is the wedding's). Only plans
        told in the half year before count. With none, a day for an event said is a new
        plan; a day with no event, or an end with nothing to end, is words."""
        name = fact.attribute
        if name is None or fact.redates is None or fact.subject != USER:
            return fact
        event = name[len(DATE_PREFIX) :]
        if event and self._by_key(USER, name):
            return fact
        plans = [
            m
            for m in self.store.memories.current_by_prefix(
                self.tenant_id, self.collection, self.container_tag, USER, DATE_PREFIX, iso_now()
            )
            if abs(iso_to_epoch(self.observed_at) - iso_to_epoch(m.said)) <= _PLAN_TOLD_WITHIN
        ]
        events = [(m, (m.attribute or "")[len(DATE_PREFIX) :]) for m in plans]
        if event:
            plans = [m for m, told in events if told.endswith(" " + event)]
        elif fact.redates:
            # known by a word of it: "monzo moved it" (the monzo interview), "uni pushed
            # the exam back a week, it's 27 may now" (an exam)
            word = fact.redates
            plans = [
                m
                for m, told in events
                if told == word or told.startswith(word + " ") or told.endswith(" " + word)
            ]
        elif plans and self._a_day_said_since(plans[0]):
            plans = []
        if plans:
            return replace(fact, attribute=plans[0].attribute)
        if event and not fact.negated:
            return fact  # a new plan: "exam moved to 13 may", no exam told before
        # no plan to give a day to, or to call off: words
        return replace(fact, attribute=None, value=None, negated=False)

    def _a_day_said_since(self, plan: MemoryRecord) -> bool:
        """Whether a memory said after ``plan`` names another day ("my sister's wedding
        is on 3 june"): "they moved it" may then be about that."""
        latest = self.store.memories.page(
            self.tenant_id, self.collection, NEWEST_LOOKED_AT, 0, True, True, self.container_tag
        )
        from ..extract.plans import says_a_day  # loaded with the rules

        return any(
            m.id != plan.id and m.said >= plan.said and m.rid > plan.rid and says_a_day(m.text)
            for m in latest
        )

    def _planned(self, held: list[MemoryRecord]) -> tuple[list[MemoryRecord], list[MemoryRecord]]:
        """(the memories of ``held`` that hold now, those planned to begin later), each
        newest first. Now, not when this was said: a plan replayed after its day has
        begun, and is the key's value like any other."""
        now = iso_now()
        return [m for m in held if m.began <= now], [m for m in held if m.began > now]

    def _before_plans(self, plan: MemoryRecord) -> Optional[str]:
        """The id of the value a plan replaced, past the plans it replaced in turn."""
        seen = {plan.id}
        found: Optional[MemoryRecord] = plan
        while found is not None and found.supersedes and found.supersedes not in seen:
            seen.add(found.supersedes)
            found = self.store.memories.get(self.tenant_id, self.collection, found.supersedes)
            if found is not None and iso_to_epoch(found.began) <= iso_to_epoch(found.said):
                return found.id  # became true when said: no plan
        return None

    def _called_off(self, fact: ExtractedFact) -> list[MemoryRecord]:
        """The plans still waiting when the call-off was said that it names (all of its
        key's, with no value): "we're not moving after all", said in May of a move planned
        for November, calls it off even when replayed in December."""
        if not fact.calls_off or fact.attribute is None:
            return []
        said = iso_to_epoch(self.observed_at)
        held = [m for m in self._by_key(fact.subject, fact.attribute) if not m.negated]
        # planned before the call-off was said, to begin after it
        planned = [m for m in held if iso_to_epoch(m.began) > said >= iso_to_epoch(m.said)]
        return [m for m in planned if not fact.value or _same(m.value, fact.value)]

    def _before_plan(self, fact: ExtractedFact) -> ExtractedFact:
        """A value said while another is planned for its key holds until the plan begins
        ("I moved to Leeds" in May, the move to York planned for June), unless it is the
        planned one, come early: the plan is then done with."""
        spec = attribute(fact.attribute)
        if spec is None or not spec.single or fact.negated or fact.corrects:
            return fact
        if pending(fact):
            return fact  # a plan itself
        assert fact.attribute is not None
        held = [m for m in self._by_key(fact.subject, fact.attribute) if not m.negated]
        planned = self._planned(held)[1]
        if not planned:
            return fact
        if _same(planned[0].value, fact.value):
            self.store.memories.retire(self.tenant_id, self.collection, [planned[0].id])
            return fact
        begins = iso_to_datetime(planned[-1].began)
        ends = fact.expires_at
        return replace(fact, expires_at=begins if ends is None else min(ends, begins))

    def _plan(
        self, fact: ExtractedFact, held: list[MemoryRecord], planned: list[MemoryRecord]
    ) -> tuple[str, Optional[MemoryRecord], Optional[str], bool]:
        """A value planned to begin after it was said ("we're moving to Izmir in June"):
        the same plan again is a ``duplicate``; another replaces the one planned
        (``updates``), and the value that holds now stays current until the plan begins —
        the store ends it then (``add_fact``), or moves its end to the new plan's day."""
        begins = iso(fact.valid_from)
        assert begins is not None and fact.value is not None
        again = next((m for m in planned if _same(m.value, fact.value)), None)
        values = [m for m in held if not m.negated]
        if again is None and not planned and values and _same(values[0].value, fact.value):
            return DUPLICATE, values[0], None, True  # moving to where one lives
        if again is not None and again.valid_from == begins:
            return DUPLICATE, again, None, True
        self.store.memories.retire(
            self.tenant_id, self.collection, [m.id for m in held if m.negated]
        )
        if not planned:
            return (UPDATES, None, values[0].id, True) if values else (NEW, None, None, True)
        # Another place, or the same one on another day: what the plan was to end now ends
        # on the new day; the plan itself is superseded.
        self.store.memories.reschedule(self.tenant_id, planned[0], begins)
        self.store.memories.retire(self.tenant_id, self.collection, [m.id for m in planned[1:]])
        return UPDATES, None, planned[0].id, True
