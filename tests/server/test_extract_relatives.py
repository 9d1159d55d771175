"""Relatives as people call them in chat (the twenty-eighth round): a partner called "the
wife", "the missus", "my other half"; a child "our boy", "my lad", "my eldest"; a sibling's
child "my sister's boy"; step-relatives; several relatives named in one list; a second
relative after the first's name. Each positive keys the relative and what is said of them;
each near miss (most written by a reviewer who read none of the rules) keys no relative of
the kind named beside it."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from longmem.server.extract import RuleExtractor
from longmem.server.facts import RELATION_ATTRIBUTES, USER

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)
EXTRACTOR = RuleExtractor()


def _keys(content: str) -> set[tuple[str, str, str]]:
    return {
        (f.subject, f.attribute, f.value)
        for f in EXTRACTOR.extract(content, NOW)
        if f.attribute is not None and f.value is not None
    }


@pytest.mark.parametrize(
    ("content", "wanted"),
    [
        # a partner, called so
        ("The wife just got promoted to head nurse.", {("wife:", "job", "head nurse")}),
        ("My other half is a nurse.", {("partner:", "job", "nurse")}),
        ("my better half is an accountant", {("partner:", "job", "accountant")}),
        # chat's "OH" (other half), in capitals (had been stripped as "oh", the job the
        # user's; "my OH" no one's)
        ("OH got a new job at BT", {("partner:", "employer", "BT")}),
        ("my OH is vegan", {("partner:", "diet", "vegan")}),
        ("Great news. OH got promoted to head chef!", {("partner:", "job", "head chef")}),
        # a name with chat's last word after it
        ("my wife's name is Claire btw", {(USER, "partner", "Claire")}),
        ("my boss is called Karen tbh", {(USER, "manager", "Karen")}),
        (
            "the hubby, Mark, is a chef",
            {(USER, "partner", "Mark"), ("husband:Mark", "job", "chef")},
        ),
        # a child
        ("our girl Mia is 7", {(USER, "children", "Mia"), ("daughter:Mia", "age", "7")}),
        (
            "My lad Leo is 9 and mad about dinosaurs.",
            {(USER, "children", "Leo"), ("son:Leo", "age", "9")},
        ),
        ("My eldest, Leo, is 12 now.", {(USER, "children", "Leo"), ("kid:Leo", "age", "12")}),
        ("my little girl Mia is 4", {(USER, "children", "Mia"), ("daughter:Mia", "age", "4")}),
        # a sibling's child
        (
            "My sister's son Jake just got a job at Costa.",
            {(USER, "relatives", "Jake"), ("nephew:Jake", "employer", "Costa")},
        ),
        (
            "my brother's little girl Ella is 3",
            {(USER, "relatives", "Ella"), ("niece:Ella", "age", "3")},
        ),
        # step-relatives, and a gran
        (
            "my stepdad Gary is a plumber",
            {(USER, "relatives", "Gary"), ("stepdad:Gary", "job", "plumber")},
        ),
        (
            "my step dad Gary is a plumber",
            {(USER, "relatives", "Gary"), ("stepdad:Gary", "job", "plumber")},
        ),
        (
            "my stepsister Jo moved to Perth",
            {(USER, "siblings", "Jo"), ("stepsister:Jo", "home", "Perth")},
        ),
        ("my gran Rose is 90", {(USER, "relatives", "Rose"), ("grandma:Rose", "age", "90")}),
        # several named in one list
        (
            "I have two brothers, Tom and Sam.",
            {(USER, "siblings", "Tom"), (USER, "siblings", "Sam")},
        ),
        ("My sisters are Anna and Beth.", {(USER, "siblings", "Anna"), (USER, "siblings", "Beth")}),
        (
            "My brothers Tom and Sam are both engineers.",
            {
                (USER, "siblings", "Tom"),
                (USER, "siblings", "Sam"),
                ("brother:Tom", "job", "engineer"),
                ("brother:Sam", "job", "engineer"),
            },
        ),
        (
            "I have two sisters, Anna and Beth, who are both nurses.",
            {("sister:Anna", "job", "nurse"), ("sister:Beth", "job", "nurse")},
        ),
        (
            "my cousins Ana and Luis live in Madrid",
            {("cousin:Ana", "home", "Madrid"), ("cousin:Luis", "home", "Madrid")},
        ),
        (
            "My twin brothers Tom and Sam are 16",
            {("brother:Tom", "age", "16"), ("brother:Sam", "age", "16")},
        ),
        (
            "my brother Tom and my sister Anna both live in Leeds",
            {("brother:Tom", "home", "Leeds"), ("sister:Anna", "home", "Leeds")},
        ),
        # a second relative, after the first's name
        (
            "I've got an older sister, Emma, and a younger brother called Luke.",
            {(USER, "siblings", "Emma"), (USER, "siblings", "Luke")},
        ),
        (
            "I have a brother, Tom, and a sister, Anna.",
            {(USER, "siblings", "Tom"), (USER, "siblings", "Anna")},
        ),
    ],
)
def test_a_relative_called_as_people_call_them_is_keyed(
    content: str, wanted: set[tuple[str, str, str]]
) -> None:
    assert wanted <= _keys(content)


def test_a_list_followed_by_something_else_keeps_the_sentence() -> None:
    facts = EXTRACTOR.extract(
        "I've got two brothers, Ali and Hamid, group chat gift ideas for eid", NOW
    )
    assert {(f.attribute, f.value) for f in facts if f.attribute} == {
        ("siblings", "Ali"),
        ("siblings", "Hamid"),
    }
    assert [f.text for f in facts if f.attribute is None] == [
        "User has got two brothers, Ali and Hamid, group chat gift ideas for eid"
    ]


@pytest.mark.parametrize(
    "content",
    [
        "we cook together",
        "My roommate Jess and I cook together.",
        "I cook for my gran",
    ],
)
def test_cooking_together_is_no_job(content: str) -> None:
    assert not any(f.attribute == "job" for f in EXTRACTOR.extract(content, NOW))


# A reviewer's near misses that the first version of these rules read wrongly: a pet, a
# team, a celebrity, a title, a book, a name given and not had, a question, someone
# else's relative. None keys a relative, nor anything of one.
NEAR_MISSES = [
    "the Mrs Smith at work is retiring",
    "Our Girl is back on BBC tonight",
    "my lad's night out was wild",
    "our boy Rex is 7 now, still chasing squirrels like a puppy 🐶",
    "our girl Taylor is touring Europe next year",
    "our lad Salah scored a worldie",
    "our girl's boyfriend Leo is a mechanic",
    "my lad's mate Connor is staying over",
    "Our House by Madness is our girl's favourite song",
    "if our boy had been a girl we'd have called her Mia",
    "we were going to call our girl Mia but went with Ella",
    "our boy was stillborn in 2019, he'd have been 7",
    "I wish my youngest was still 2 😭",
    "our boy Leo? nah that's my neighbour's kid",
    "my lad Leo, the apprentice at work, is a grafter",
    "my brother's girl Chloe just moved in with him, they've been together a year",
    "my sisters are Ant and Dec fans",
    "my brothers are Simon and Garfunkel obsessed",
    "my brothers are Arsenal and Spurs fans so Sunday dinner is tense",
    "my sisters are Marks and Spencer addicts",
    "I have two brothers, Tom and Sam? no, Tim and Sam",
    "my brothers are Tom and Sam? who said that",
    "The Wife Between Us is my book club pick, my sister in law school hasn't started it yet",
    "Our boy Leo from next door got into Oxford, we're all so proud of him",
    "my sisters are Anna and Beth in the school play",
    "our girl Friday at the office, Mia, is leaving",
    "my youngest's dad is from Nigeria",
    "my eldest's girlfriend is pregnant!! I'm going to be a gran",
    "The Other Half Live is a podcast I've been bingeing",
    "our boy's dad and I split up when he was 2",
    "My Gran Canaria trip was amazing",
    "my gran turismo save got deleted",
    "the wife of my boss is lovely",
    "the other half of the pizza is yours",
    # the second review's, written after reading the rules
    "The couple next door are lovely; the husband is a vet.",
    "We interviewed a couple for the podcast; the husband works at NASA.",
    "Tom and his wife came over. The wife is a teacher at Ridgeway.",
    "The Smiths next door: the wife Sue is a nurse.",
    "Mediation went ok, I met with the husband Dave.",
    "Alright my fella Tom, long time no see.",
    "Our boy Saka is 23 and the best winger in the league",
    "our boy Rex is 3 and chews the sofa",
    "Our boy Leo from the office finally graduated",
    "Our boy Leo from five-a-side came round with his little girl, she's 5 now.",
    "My sister's boy Marcus just proposed to her",
    "I have a sister, she's got a boyfriend and a stepbrother called Luke",
    "Jake has a brother called Tom and a sister called Amy",
    "I have two sisters, Anna and Beth, in my novel",
    "My two best friends, Coffee and Wine",
    # "OH" as a cry, not the other half
    "OH is that right?",
    "OH I moved to Bath last week",
    "oh got a new job at BT",
    "OH and I'm vegetarian, forgot to say",
]


@pytest.mark.parametrize("content", NEAR_MISSES)
def test_a_near_miss_keys_no_relative(content: str) -> None:
    keyed = _keys(content)
    assert not {k for k in keyed if ":" in k[0] or k[1] in RELATION_ATTRIBUTES}, keyed


@pytest.mark.parametrize(
    ("content", "unsaid"),
    [
        # said of them together or in turn: who they are, never the one said of each
        ("My brothers Tom and Sam are 16 and 19.", "age"),
        ("My cousins Ana and Luis live in Madrid and Paris.", "home"),
        ("My brothers Tom and Sam are a doctor and a lawyer.", "job"),
        ("My brothers Tom and Sam work at Google and Amazon.", "employer"),
        ("My brothers Tom and Sam hate each other.", "dislikes"),
        ("My brother Tom and my sister Anna are 12 and 15", "age"),
    ],
)
def test_what_a_list_says_of_them_together_is_not_said_of_each(content: str, unsaid: str) -> None:
    keyed = _keys(content)
    assert len([k for k in keyed if k[0] == USER and k[1] in RELATION_ATTRIBUTES]) == 2, keyed
    assert not [k for k in keyed if k[1] == unsaid], keyed


@pytest.mark.parametrize(
    "called",
    [
        *(
            f"{size} {child}"
            for size in ("little", "wee")
            for child in ("boy", "girl", "man", "one")
        ),
        *(
            f"{rank}{more}"
            for rank in ("eldest", "youngest", "oldest")
            for more in ("", " one", " lad")
        ),
        "middle one",
        "lad",
    ],
)
@pytest.mark.parametrize("whose", ["my", "our", "My", "Our"])
def test_every_word_for_a_child_is_a_child(whose: str, called: str) -> None:
    keyed = _keys(f"{whose} {called} Leo is 7")
    assert {k for k in keyed if k[:2] == (USER, "children")} == {(USER, "children", "Leo")}, keyed


@pytest.mark.parametrize(
    ("content", "wanted", "unwanted"),
    [
        # who a name is, said between dashes or in brackets (thirty-first round)
        (
            "Anna — my sister — just moved to Vienna",
            {(USER, "siblings", "Anna"), ("sister:Anna", "home", "Vienna")},
            {(USER, "home", "Vienna")},
        ),
        (
            "so my friend — Jess — just got engaged to her boyfriend Liam",
            {(USER, "friends", "Jess"), ("friend:Jess", "relationship", "engaged")},
            {(USER, "relationship", "engaged")},
        ),
        (
            "my brother (Raj) just moved to Pune",
            {(USER, "siblings", "Raj"), ("brother:Raj", "home", "Pune")},
            {("brother:", "home", "Pune")},
        ),
        # … with an age in the brackets, or named in an aside (thirty-third round)
        (
            "my niece (Zara, 6) is allergic to dogs",
            {
                (USER, "relatives", "Zara"),
                ("niece:Zara", "allergies", "dogs"),
                ("niece:Zara", "age", "6"),
            },
            {("niece:", "allergies", "dogs")},
        ),
        (
            "my sister, who's called Anna, just moved to Berlin",
            {(USER, "siblings", "Anna"), ("sister:Anna", "home", "Berlin")},
            {("sister:", "home", "Berlin")},
        ),
        # an age between commas after them, beside what else is keyed or alone
        (
            "my son Leo, 7, loves dinosaurs",
            {("son:Leo", "age", "7"), ("son:Leo", "likes", "dinosaurs")},
            {(USER, "age", "7")},
        ),
        (
            "my daughter Mia, 9, plays the violin",
            {("daughter:Mia", "age", "9")},
            {(USER, "age", "9")},
        ),
        ("our daughter (Isla, 11) wants a phone", {("daughter:Isla", "age", "11")}, set()),
        # what "and living in" says is theirs too; "call me" of the user is no name of theirs
        ("my sister is 30 and living in Leeds", {("sister:", "home", "Leeds")}, set()),
        (
            "I'm Margaret, my friends call me Peggy",
            {(USER, "name", "Margaret")},
            {("friend:", "name", "Peggy")},
        ),
        # named after what was told of them: all of it is theirs
        (
            "my grandma turns 90 next month, her name's Dorothy and she lives in a care home",
            {
                (USER, "relatives", "Dorothy"),
                ("grandma:Dorothy", "age", "90"),
                ("grandma:Dorothy", "home", "a care home"),
            },
            {("grandma:", "age", "90")},
        ),
        # two named after their plural; twins are children
        (
            "my kids Ella and Sam are driving me mad",
            {(USER, "children", "Ella"), (USER, "children", "Sam")},
            set(),
        ),
        (
            "my twins Aarav and Anaya turn 6 next week",
            {(USER, "children", "Aarav"), (USER, "children", "Anaya")},
            {(USER, "siblings", "Aarav")},
        ),
        # someone new of the user's, told without "my", after a comma too
        ("Linda left, new boss is Greg, seems ok", {(USER, "manager", "Greg")}, set()),
        ("Kevin moved out, new roommate is Luis", {(USER, "friends", "Luis")}, set()),
        ("the new boss is Greg", set(), {(USER, "manager", "Greg")}),
        # a partner called "my missus"; a couple said done
        (
            "my missus Sharon is a teacher",
            {(USER, "partner", "Sharon"), ("wife:Sharon", "job", "teacher")},
            set(),
        ),
        ("my missus is a nurse", {("wife:", "job", "nurse")}, set()),
        # whose, typed without the apostrophe
        (
            "mums birthday is 14 march, remind me to get a card",
            {("mum:", "birthday", "14 march")},
            {(USER, "birthday", "14 march")},
        ),
        # what the round's blind review (327 messages) found keyed wrongly
        # an aside between dashes, then what the one before it did
        (
            "anna — my sister — just moved to vienna",
            {("sister:Anna", "home", "vienna")},
            {(USER, "home", "vienna")},
        ),
        ("my brother — raj — is a chef", {("brother:Raj", "job", "chef")}, {(USER, "job", "chef")}),
        (
            "my sister — who is 30 btw — just moved to leeds",
            {("sister:", "home", "leeds")},
            {(USER, "home", "leeds")},
        ),
        (
            "my cousin — who's 30 — is a nurse",
            {("cousin:", "job", "nurse")},
            {(USER, "job", "nurse")},
        ),
        (
            "Jess — my friend's wife — is a doctor",
            {("Jess", "job", "doctor")},
            {(USER, "job", "doctor")},
        ),
        ("I moved to Leeds — my sister — helped", {(USER, "home", "Leeds")}, set()),
        # the user's own name after a relative's news
        (
            "my grandma turns 90 next month, my name's Tom btw",
            {(USER, "name", "Tom")},
            {("grandma:", "name", "Tom")},
        ),
        (
            "my mum is 60, my name's Anna",
            {(USER, "name", "Anna"), ("mum:", "age", "60")},
            {("mum:", "name", "Anna")},
        ),
        # someone's birthday said before the rules read whose
        ("hubby's birthday is 22 aug", set(), {(USER, "birthday", "22 aug")}),
        ("toms birthday is 5 jan", set(), {(USER, "birthday", "5 jan")}),
        ("my birthday is 5 jan", {(USER, "birthday", "5 jan")}, set()),
        # a name after a plural is no job
        (
            "my brothers Raj and Dev",
            {(USER, "siblings", "Raj"), (USER, "siblings", "Dev")},
            {("brother:Raj", "job", "and Dev")},
        ),
    ],
)
def test_a_relative_named_apart_or_in_twos(
    content: str, wanted: set[tuple[str, str, str]], unwanted: set[tuple[str, str, str]]
) -> None:
    keyed = _keys(content)
    assert wanted <= keyed, keyed
    assert not unwanted & keyed, keyed


@pytest.mark.parametrize(
    "content",
    [
        "both kids are allergic to peanuts",
        "both boys are vegetarian now",
        "all three kids moved to Leeds",
        "my parents Anne and Bob moved to Spain",
        "my brother in law Raj moved to Leeds",
        "my sister-in-law is vegan",
        # "he" is not the sister: the new boyfriend is
        "my sister has a new boyfriend. Kai. he's a plumber",
        "My sister got engaged! His name is Tomasz",
    ],
)
def test_the_users_people_together_or_someone_new_are_not_the_user(content: str) -> None:
    keyed = _keys(content)
    assert not [k for k in keyed if k[0] == USER and k[1] not in RELATION_ATTRIBUTES], keyed
    assert not [k for k in keyed if k[0].startswith("sister") and k[1] == "job"], keyed
    assert not [k for k in keyed if k[0] == "sister:Tomasz"], keyed


@pytest.mark.parametrize(
    ("content", "ended"),
    [
        ("me and Jake are done. for good this time", "Jake"),
        ("Tom and I are so over", "Tom"),
        ("me and jake are done lol", "Jake"),
        ("Tom and I are done with the report", None),
        ("Tom and I are over the moon", None),
        ("Tom and I are done for the day", None),
    ],
)
def test_a_couple_said_done_is_a_parting(content: str, ended: str | None) -> None:
    found = [
        f.value
        for f in EXTRACTOR.extract(content, NOW)
        if f.subject == USER and f.attribute == "partner" and f.negated
    ]
    assert found == ([ended] if ended else [])


# -- the thirty-first round's blind review (327 messages): what it found keyed wrongly ----


@pytest.mark.parametrize(
    "content",
    [
        # met up, not a couple
        "Andre and I got together last summer for a BBQ",
        "Andre and I got together last night for drinks",
        "me and Andre have been together 3 yrs as roommates",
        "Andre and I have been together 3 yrs on this project",
        "Andre and I have been married 10 yrs lol jk we just met",
        # a day, not a home
        "we moved to Monday for the sprint review",
        "we moved to tues",
        "we moved to mon 17th",
        "moved to Sept 14th",
        "moved to tmrw",
        "we moved to Q3",
        # "he" or "she" after someone new of a relative's may be either
        "my brother has a new boyfriend. he's a plumber",
        "my wife got a new boss. she's 40",
        "my brother came round with his lad, he's 13 now",
    ],
)
def test_what_the_thirty_first_review_found_is_no_key(content: str) -> None:
    keyed = _keys(content)
    assert not [k for k in keyed if k[1] in ("partner", "home", "job", "age")], keyed


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ("Andre and I got together last summer", (USER, "partner", "Andre")),
        ("Tolu and I have been together 2 years now ❤️", (USER, "partner", "Tolu")),
        ("we moved to Friday Harbor", (USER, "home", "Friday Harbor")),
        ("my brother got married, he's 30 now", ("brother:", "age", "30")),
        ("my wife is a nurse, she's 34", ("wife:", "age", "34")),
    ],
)
def test_what_the_thirty_first_review_guards_still_reads(
    content: str, key: tuple[str, str, str]
) -> None:
    assert key in _keys(content)


@pytest.mark.parametrize(
    ("content", "unwanted"),
    [
        # the round's second review: a list about oneself read too far
        (
            "I'm 38, told him 'I'm married, live in Leeds' to get rid of him",
            (USER, "home", "Leeds"),
        ),
        (
            "I'm 32, what if I quit, move to Bali, work at a surf shop?",
            (USER, "employer", "a surf shop"),
        ),
        ("mum started at Asda, new boss is Greg", (USER, "manager", "Greg")),
        ("my wife says Linda left, new boss is Greg", (USER, "manager", "Greg")),
        ("my sister Priya is married to Arjun's brother", ("sister:Priya", "partner", "Arjun")),
    ],
)
def test_what_the_second_review_found_is_not_the_users(
    content: str, unwanted: tuple[str, str, str]
) -> None:
    keyed = _keys(content)
    assert unwanted not in keyed, keyed
    assert all("Arjun's" not in f.text for f in EXTRACTOR.extract(content, NOW)), content


@pytest.mark.parametrize(
    ("content", "unwanted"),
    [
        # older rules the second review found: a list about oneself read on past someone
        # else, a hope or a joke; a place one is at read as an employer
        ("I'm 28, husband's 30, engineer, working at Arup", (USER, "job", "engineer")),
        ("I'm 26, Sarah's 28, nurse, lives in Hull", (USER, "job", "nurse")),
        ("I'm 27, ex-boyfriend, married now, living in Perth", (USER, "home", "Perth")),
        ("im 27, staff engineer by 2027, married by 30", (USER, "relationship", "married")),
        ("I'm 29, tinder bio: 26, single, living in Chelsea lol", (USER, "home", "Chelsea")),
        ("left the gym, now at the pub lol", (USER, "employer", "the pub")),
        (
            "last day of school, first day with the new puppy tomorrow!",
            (USER, "employer", "the new puppy"),
        ),
        ("I'm with the children now at the park.", (USER, "employer", "the park")),
    ],
)
def test_what_older_rules_read_wrongly_in_the_second_review(
    content: str, unwanted: tuple[str, str, str]
) -> None:
    assert unwanted not in _keys(content)


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ("I'm 40, single mum, ex lives in Leeds", (USER, "relationship", "single")),
        ("I'm with the Co-op now, store manager in Leeds.", (USER, "job", "store manager")),
        ("I work at a bar in Soho", (USER, "employer", "a bar in Soho")),
        ("I'm 34, married, two kids", (USER, "relationship", "married")),
    ],
)
def test_the_older_rules_guards_still_read(content: str, key: tuple[str, str, str]) -> None:
    assert key in _keys(content)
