"""Quoted speech in the first person, set aside while a message is read and put back in
its facts' words (``quotes_aside``, ``quotes_back``): someone's words, not the user's
news ("Tom told me "I live in Berlin now"", "proofread this: "My name is John and I work
at Google"", "Mum said 'you're allergic to hard work'"). A quoted name or title ("we call
him "Sir Barks"") is no such speech.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..facts import ExtractedFact
from .third_person import finish

# Words said in the first person inside quotes are someone's words, not the user's news:
# "Tom told me "I live in Berlin now"", "proofread this: "My name is John and I work at
# Google"". A quoted name or title ("we call him "Sir Barks"") is no such speech.
_QUOTE = re.compile(r"[\"“”]")
FIRST_PERSON_SAID = re.compile(r"\b(?:I|I'm|I've|I'll|I'd|my|me|we|we're|our)\b", re.I)
_QUOTE_MARK = "qxquote{}qx"  # a word no rule reads
# Speech in single quotes, after a word that says it was said ("Mum said 'you're allergic
# to hard work'"), to the user or by them, or after a colon ("she sent me this for the
# website: 'Hi! I'm Maya, 25…'", "quote from my reading: 'I am a 40-year-old woman…'"):
# someone's words too. Only so introduced: a single quote is also an apostrophe. It
# closes before anything but a letter.
_SINGLE_QUOTED = re.compile(
    r"(?:\b(?:said|says|say|goes|went|told\s+(?:me|us)|tells\s+(?:me|us)|asked|asks|replied|texted"
    # (at most a long sentence, so an unclosed quote costs a bounded look, and not a word
    # that opens with an apostrophe: "texted 'em", "'til", "'cause")
    r"|wrote)\s*[:,]?|(?P<colon>(?<=[^\W_]):))\s*(?P<q>['‘](?!(?:em|til|cause|cos|bout|round|n|s)\b)"
    r"(?:[^'‘’]|['’](?=[^\W\d_])){1,300}['’])(?![^\W\d_])",
    re.I,
)
# … but not what the user wrote of themselves and shows, after a colon: "status I just
# posted: 'Theo and I eloped!'", "my new email signature: '…, Charge Nurse'", "note to
# self: 'I live in Leeds now'".
_MY_OWN_WORDS = re.compile(
    r"\b(?:(?:i|we)\s+(?:just\s+)?(?:sent|posted|wrote|put\s+up|texted|messaged|updated|"
    r"changed)|my\s+(?:new\s+)?(?:status|bio|signature|sig|post|caption|tweet|profile|"
    r"headline)|note\s+to\s+(?:self|myself)|for\s+the\s+record)\b[^.!?]*$",
    re.I,
)
_SPOKEN_TO = re.compile(r"\b(?:I|I'm|I've|I'll|I'd|my|me|we|we're|our|you|you're|your)\b", re.I)


def quotes_aside(content: str) -> tuple[str, list[str]]:
    """``content`` with each quoted speech replaced by a mark, and the speeches."""
    quoted: list[str] = []

    def aside(speech: str) -> str:
        quoted.append(speech)
        return _QUOTE_MARK.format(len(quoted) - 1)

    if "qxquote" in content.lower():
        return content, quoted  # (a mark typed as such is words, never a quote's place)

    def single(said: re.Match[str]) -> str:
        speech = said.group("q")
        if not _SPOKEN_TO.search(speech[1:-1]):
            return said.group(0)
        if said.group("colon") and _MY_OWN_WORDS.search(content, 0, said.start()):
            return said.group(0)
        return said.group(0)[: said.start("q") - said.start()] + aside(speech)

    content = _SINGLE_QUOTED.sub(single, content)
    if '"' not in content and "“" not in content:
        return content, quoted
    # not an inch mark: "i'm 5'10\"", "a 55\" TV"
    marks = [
        m.start()
        for m in _QUOTE.finditer(content)
        if not content[m.start() - 1 : m.start()].isdigit()
    ]
    # Quotes in pairs, the first with the second, the third with the fourth: not the
    # words between two pairs ("watched "Dune". I moved to Austin. my "boss" is weird").
    out, at = [], 0
    for start, end in zip(marks[::2], marks[1::2]):
        speech = content[start : end + 1]
        if FIRST_PERSON_SAID.search(speech[1:-1]):
            out += [content[at:start], aside(speech)]
            at = end + 1
    return "".join(out) + content[at:], quoted


def quotes_back(fact: ExtractedFact, quoted: list[str]) -> ExtractedFact:
    """``fact`` with the quoted speeches set aside put back in its words."""
    if not quoted or "qxquote" not in fact.text + fact.statement + (fact.value or ""):
        return fact

    def back(text: str) -> str:
        # (a speech may hold another, set aside first: "my mum said 'you're my favourite'"
        # in double quotes)
        for _ in quoted:
            if "qxquote" not in text.lower():
                break
            text = re.sub(r"qxquote(\d+)qx", lambda m: quoted[int(m.group(1))], text, flags=re.I)
        return text

    value = back(fact.value) if fact.value else fact.value
    # finish() again: a speech put back may take the text past the length it was cut to
    text = finish(back(fact.text))
    return replace(fact, text=text, statement=back(fact.statement), value=value)
