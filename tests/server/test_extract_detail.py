"""What a clause says beside a keyed fact (the twenty-ninth round): the fact's own rest of
its clause kept in its text ("… lives in London for her masters at UCL"), and retired
with it; nothing kept that is another fact's, the past, denied, asked, joked, wished,
only for now, or a clause of its own. Near misses from three reviews (one blind to the
rules) keep the fact's text as it was."""

# ruff: noqa: E501  (the tables keep one case per line)

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from longmem.server.extract import RuleExtractor

from .server_api import Api, C

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)
EXTRACTOR = RuleExtractor()


def _texts(content: str, attribute: str) -> list[str]:
    return [f.text for f in EXTRACTOR.extract(content, NOW) if f.attribute == attribute]


@pytest.mark.parametrize(
    ("content", "attribute", "texts"),
    [
        ("my sis Germaine just moved to London for her masters at UCL, so jealous", "home", ["User's sis Germaine lives in London for her masters at UCL"]),
        ("My sister Kylie teaches primary school in Ballarat", "job", ["User's sister Kylie works as a primary school teacher in Ballarat"]),
        ("my brother Lachlan just moved to Perth for a mining gig, FIFO up to the Pilbara", "home", ["User's brother Lachlan lives in Perth for a mining gig, FIFO up to the Pilbara"]),
        ("I'm a barista at a café in the Latin Quarter while I finish my PhD in Irish folklore at the University of Galway", "studies", ["User studies Irish folklore at the University of Galway"]),
        ("hey! chloe here, brissie girl, living in West End with 2 housemates", "home", ["User lives in West End with 2 housemates"]),
        ("we live in Moda 5 min from the sea, the çay gardens are basically my second office", "home", ["User lives in Moda 5 min from the sea"]),
        ("I'm a backend dev at Zalando here in Berlin, help me prep for a salary negotiation", "employer", ["User works at Zalando here in Berlin"]),
        # the detail of the job, not of the employer said before it
        ("work at DBS as a UX designer, hybrid, 3 days in office at Marina Bay", "job", ["User works as a UX designer, hybrid, 3 days in office at Marina Bay"]),
        ("work at DBS as a UX designer, hybrid, 3 days in office at Marina Bay", "employer", ["User works at DBS"]),
        # a time said first is the fact's valid_from, not its text
        ("Joined Persistent Systems as tech lead from today, hybrid from Pune office", "job", ["User works as a tech lead, hybrid from Pune office"]),
        # the reviews' ways of saying it
        ("I'm a software engineer on the Payments team at Stripe in Dublin", "job", ["User works as a software engineer on the Payments team at Stripe in Dublin"]),
        ("i live in Bangalore, Koramangala 5th block, near Forum Mall", "home", ["User lives in Bangalore, Koramangala 5th block, near Forum Mall"]),
        ("I'm a civil engineer at Arup, on the HS2 project in Birmingham", "employer", ["User works at Arup, on the HS2 project in Birmingham"]),
        ("my mum lives in Cork with her partner Liam", "home", ["User's mum lives in Cork with her partner Liam"]),
        ("I study at NUS, Computer Science, Year 2, in Kent Ridge", "school", ["User goes to NUS, Computer Science, Year 2, in Kent Ridge"]),
        ("I moved to Leeds last month, to a flat in Chapel Allerton", "home", ["User lives in Leeds, to a flat in Chapel Allerton"]),
        # names are never the word lists' words (the second targeted review)
        ("I live in Liverpool, off Hope Street", "home", ["User lives in Liverpool, off Hope Street"]),
        ("I work at a hotel in Leeds, Best Western by the station", "employer", ["User works at a hotel in Leeds, Best Western by the station"]),
        ("I live in Minneapolis, Twin Cities area", "home", ["User lives in Minneapolis, Twin Cities area"]),
        ("I teach at Oakwood Primary, Teach First trainee", "employer", ["User works at Oakwood Primary, Teach First trainee"]),
        ("I live in Tulsa, OK", "home", ["User lives in Tulsa, OK"]),
        ("I work at Deloitte, US tax team in London", "employer", ["User works at Deloitte, US tax team in London"]),
        # a noun that could be a verb, before what no verb takes
        ("I work at BT, call centre in Doncaster", "employer", ["User works at BT, call centre in Doncaster"]),
        ("I live in Leeds, shared house in Hyde Park with 4 others", "home", ["User lives in Leeds, shared house in Hyde Park with 4 others"]),
        # where the work is, the whole name
        ("i'm a porter in St Mary's", "job", ["User works as a porter in St Mary's"]),
        # the value found as said: after a possessive, in a letter whose lower case is longer
        ("I'm a doctor at St Thomas', Evelina children's hospital", "employer", ["User works at St Thomas, Evelina children's hospital"]),
        ("I live in İstanbul, Kadıköy side", "home", ["User lives in İstanbul, Kadıköy side"]),
        # what one covers at work is no cover for someone (the final blind review)
        ("I'm a journalist at the Irish Times, covering politics mostly", "employer", ["User works at the Irish Times, covering politics mostly"]),
        # how one works or studies, said with no name (the final blind review's misses)
        ("I'm a software engineer at Shopify, fully remote, on the checkout team", "employer", ["User works at Shopify, fully remote, on the checkout team"]),
        ("I work at Access Bank in Lagos, in the treasury department", "employer", ["User works at Access Bank in Lagos, in the treasury department"]),
        ("studying nursing at UP Manila, 2nd year", "school", ["User goes to UP Manila, 2nd year"]),
        ("my mum's a midwife at the Rotunda, on the labour ward", "employer", ["User's mum works at the Rotunda, on the labour ward"]),
        # when a thing is done again and again, typed in lower case ("on Wednesdays" was
        # kept only as a capitalised word)
        ("i play netball on wednesdays, quick dinner i can eat after 9pm?", "hobbies", ["User's hobbies include netball on wednesdays"]),
        ("started bouldering twice a week", "hobbies", ["User's hobbies include bouldering twice a week"]),
        # how long, as said and not read, stays a last aside
        ("I'm working at Zara, just for the summer", "employer", ["User works at Zara, just for the summer"]),
        # chat's last word is tone, cut off; what it follows stays
        ("i live in Glasgow, just off Byres Road lol", "home", ["User lives in Glasgow, just off Byres Road"]),
        # whom one is married or engaged to (thirty-first round)
        ("My sister Priya is married to Arjun", "relationship", ["User's sister Priya is married to Arjun"]),
        ("my friend Yusuf is engaged to Amina", "relationship", ["User's friend Yusuf is engaged to Amina"]),
        ("Wambui got married to a Ugandan guy", "relationship", ["Wambui is married"]),
    ],
)  # fmt: skip
def test_a_keyed_fact_keeps_the_rest_of_its_clause(
    content: str, attribute: str, texts: list[str]
) -> None:
    assert _texts(content, attribute) == texts


@pytest.mark.parametrize(
    ("content", "attribute", "text"),
    [
        # where one came from
        ("We moved to Leeds from London", "home", "User lives in Leeds"),
        # what is denied, or another fact's
        ("today was day one at Feedzai, product designer now, not UX anymore haha", "job", "User works as a product designer"),
        ("today was day one at Feedzai, product designer now, not UX anymore haha", "employer", "User works at Feedzai"),
        # a question or a request after it
        ("my brother Kenji lives in Osaka, what should I bring him from London?", "home", "User's brother Kenji lives in Osaka"),
        ("I work remotely for Atlassian, how do I set up a home office ergonomically", "employer", "User works at Atlassian"),
        ("our flat in Leeds has a damp problem, what do I tell the landlord", "home", "User lives in Leeds"),
        # a clause of its own
        ("I share a flat in Mapo-gu, and the commute to Pangyo is brutal", "home", "User lives in Mapo-gu"),
        ("my job title changed to UX lead but honestly I do the same stuff lol", "job", "User works as a UX lead"),
        ("first month as plumber, my back hurts but I am happy", "job", "User works as a plumber"),
        ("Went self-employed, hated it, back at Tesco now.", "employer", "User is self-employed"),
        # only for now
        ("We're in Hobart now, renting in Sandy Bay till we find something to buy", "home", "User lives in Hobart"),
        ("I work at Uber, back in 2015 I was at Lyft", "employer", "User works at Uber"),
        # the past, where one was before (from the reviews)
        ("I'm a data analyst at Monzo, ex Barclays, ex HSBC", "employer", "User works at Monzo"),
        ("im a driver for Uber now, 10 yrs at Stagecoach before that", "employer", "User works at Uber"),
        ("i study economics at LSE, undergrad at Warwick", "school", "User goes to LSE"),
        ("I study at UCL, Leeds 2016-2019", "school", "User goes to UCL"),
        ("I'm a welder at BAE now after Rolls Royce", "employer", "User works at BAE"),
        ("I live in Manchester now, orig from Bolton", "home", "User lives in Manchester"),
        ("I live in Leeds now instead of York", "home", "User lives in Leeds"),
        # a plan, a hope
        ("i study at UP Diliman, gonna transfer to Ateneo next sem", "school", "User goes to UP Diliman"),
        ("I'm a teacher, hopefully head of year at Oakwood by September", "job", "User works as a teacher"),
        ("i'm an analyst at JPM, Canary Wharf, Glasgow office from Q3", "employer", "User works at JPM, Canary Wharf"),
        # only for now
        ("im a nurse for the NHS, on secondment to Public Health England for 6 months", "employer", "User works at the NHS"),
        ("I study at UCL, on exchange at Sciences Po this semester", "school", "User goes to UCL"),
        ("I work at Amazon, on nights at the Dartford warehouse over Christmas", "employer", "User works at Amazon"),
        ("I work at Barclays, on holiday this week in Spain though", "employer", "User works at Barclays"),
        # someone else's
        # (whom one lives with is the home's; what is said of her is not)
        ("I live in Bristol with my sister who works at Airbus", "home", "User lives in Bristol with User's sister"),
        ("I work at Google, hubby at Meta, both in Dublin", "employer", "User works at Google"),
        ("I live in Singapore, parents in KL, sis in Penang", "home", "User lives in Singapore"),
        ("my sis lives in Leeds with her bf Tom, his parents in York", "home", "User's sis lives in Leeds with her bf Tom"),
        # a request, or words to the assistant
        ("I'm a teacher, suggest some books for Year 4", "job", "User works as a teacher"),
        ("i'm a student at NTU, translate this into Mandarin for my Lao Shi", "school", "User goes to NTU"),
        ("I'm a nurse at the Royal Free btw Claude you're a lifesaver", "employer", "User works at the Royal Free"),
        # an opinion, a joke
        ("I live in Croydon, worst place in London, no offence", "home", "User lives in Croydon"),
        ("I study at Durham, basically Hogwarts, very posh", "school", "User goes to Durham"),
        ("i live in Bristol, there's a Lidl nearby, and a Greggs", "home", "User lives in Bristol"),
        ("I work at Apple, the one in Cupertino jk", "employer", "User works at Apple"),
        # another fact of the user's own, or the home's
        ("I live in London, work at Google, study part-time at Birkbeck", "home", "User lives in London"),
        ("I study at Leeds, flat on Hyde Park Road", "school", "User goes to Leeds"),
        # the second targeted review: a time of its own, someone named, a capitalised
        # word of time or study, words to the assistant, a bracket
        ("i'm a teacher at Oakwood, last year at Beech Hill", "employer", "User works at Oakwood"),
        ("I live in Leeds, last summer in Bristol", "home", "User lives in Leeds"),
        ("I work at Deloitte, Sam at PwC", "employer", "User works at Deloitte"),
        ("I study at Leeds, Amy's at York", "school", "User goes to Leeds"),
        ("i live in Manchester, in-laws in Stockport", "home", "User lives in Manchester"),
        ("I study at Leeds, in Freiburg on Erasmus", "school", "User goes to Leeds"),
        ("I work at Tesco, on the tills over Xmas", "employer", "User works at Tesco"),
        ("I'm a nurse at Jimmy's, cover letter for Airedale pls", "employer", "User works at Jimmy's"),
        ("I work at Royal Mail, Christmas rush started", "employer", "User works at Royal Mail"),
        ("I'm a nurse (was a midwife till 2022)", "job", "User works as a nurse"),
        ("i work at Deliveroo (can u help w my CV)", "employer", "User works at Deliveroo"),
        ("I live in Salford, cheaper than Manchester", "home", "User lives in Salford"),
        # the final blind review: a request after it
        ("I live in Manila, remind me to pay the meralco bill on friday", "home", "User lives in Manila"),
        ("I work at Citi, summarise this email for me", "employer", "User works at Citi"),
        ("I'm a teacher at Oakwood, covering for Mrs Khan in Year 5", "employer", "User works at Oakwood"),
        # an age, a diet: not the keys whose clause tells of them
        ("turned 31 on thursday, celebrated with jollof in Rusholme", "age", "User is 31 years old"),
        ("vegan for 3 years now, and yes I get enough protein", "diet", "User is vegan"),
    ],
)  # fmt: skip
def test_what_is_not_the_facts_stays_out_of_its_text(
    content: str, attribute: str, text: str
) -> None:
    assert text in _texts(content, attribute)


def _remember(api: Api, content: str) -> list[dict[str, object]]:
    reply = api.post(f"{C}/me/remember?sync=true", {"content": content})
    assert reply.status == 200, reply.raw
    return reply.json["facts"]  # type: ignore[no-any-return]


def test_the_detail_is_found_and_retired_with_its_fact(api: Api) -> None:
    (_, home) = _remember(api, "my sister Anna just moved to London for her masters at UCL")
    assert home["text"] == "User's sister Anna lives in London for her masters at UCL"
    assert home["statement"] == "my sister Anna just moved to London for her masters at UCL"
    assert [h["id"] for h in api.search("UCL", "me", min_score=0)] == [home["id"]]

    (vienna,) = _remember(api, "Anna moved to Vienna")
    assert (vienna["relation"], vienna["supersedes"]) == ("updates", home["id"])
    # what was said of London goes with it: not found, unless history is asked for
    assert api.search("UCL", "me", min_score=0) == []
    past = api.search("UCL", "me", min_score=0, include_history=True)
    assert [(h["id"], h["is_latest"]) for h in past] == [(home["id"], False)]


def test_the_same_fact_said_with_other_detail_holds_the_newer(api: Api) -> None:
    (second, law) = _remember(api, "I study law at Edinburgh, 2nd year")
    (third, same_law) = _remember(api, "I study law at Edinburgh, 3rd year")
    assert (third["relation"], third["supersedes"]) == ("updates", second["id"])
    assert third["text"] == "User goes to Edinburgh, 3rd year"
    assert (same_law["relation"], same_law["id"]) == ("duplicate", law["id"])
    # said again with less, it is the same fact: the detail stays
    (again, _) = _remember(api, "I study law at Edinburgh")
    assert (again["relation"], again["id"]) == ("duplicate", third["id"])
    hits = api.search("what year of university is the user in", "me", min_score=0)
    assert [h["text"] for h in hits if "Edinburgh" in h["text"]] == [third["text"]]


@pytest.mark.parametrize(
    ("new", "old", "more"),
    [
        ("User goes to Edinburgh, 3rd year", "User goes to Edinburgh, 2nd year", True),
        ("User works at Google, junior role on the Friends team", "User works at Google", True),
        ("User works at Google", "User works at Google in the ads team", False),
        # a date only says when
        ("User works at Google from 8 June 2026", "User works at Google", False),
        ("User works at Google from Monday in September", "User works at Google", False),
    ],
)
def test_a_text_tells_more_by_what_not_when(new: str, old: str, more: bool) -> None:
    from longmem.server.relate.keyed import _told_more

    assert _told_more(new, old) is more


# --- what a clause says beside its keyed facts, in none of their texts (round 32) -------


def _plain(content: str) -> list[str]:
    return [f.text for f in EXTRACTOR.extract(content, NOW) if f.attribute is None]


@pytest.mark.parametrize(
    ("content", "rest"),
    [
        # another person's news after one's own fact
        ("I'm 30, bestie is a chef, works at Nobu", ["Bestie is a chef, works at Nobu"]),
        ("I live in Bristol, hubs works in Bath", ["User's hubs works in Bath"]),
        ("I'm 24, whole family works at Ford, living in Dagenham", ["Whole family works at Ford, living in Dagenham"]),
        # what the fact's own rules leave out of its text: the past, a plan, an aside
        ("I'm a data analyst at Monzo, ex Barclays, ex HSBC", ["Ex Barclays, ex HSBC"]),
        ("I have two cats, one passed in March", ["One passed in March"]),
        ("I like hiking, in the Peak District mostly", ["In the Peak District mostly"]),
        ("i'm a nurse at Guy's, overworked and underpaid like everyone in the NHS", ["Overworked and underpaid like everyone in the NHS"]),
        ("Keto is over now, back to carbs", ["Back to carbs"]),
        ("turned 31 on thursday, celebrated with jollof in Rusholme", ["Celebrated with jollof in Rusholme"]),
        # before the fact as well as after it, each run apart; a joining word dropped
        ("I run my own business, used to work for Deloitte", ["User runs User's own business"]),
        ("Our new flat is a five-minute walk from Slottsskogen, and the boys can cycle to school.", ["The boys can cycle to school"]),
        # a capitalised word after a pause is a name, even first in the rest
        ("I work at Royal Mail, Christmas rush started", ["Christmas rush started"]),
        # said of someone else, with whom it is said of
        ("my boss, 50, divorced, three kids, keeps asking me to stay late", ["User's boss, 50, divorced, three kids, keeps asking User to stay late"]),
        ("Marcus got promoted to lead mechanic, proud big bro moment", ["Marcus got promoted to lead mechanic, proud big bro moment"]),
        ("I'm 28, single, my sister's married, lives in Bath", ["User's sister lives in Bath"]),
        ("I'm 32, Anna, 30, works at KPMG", ["Anna, 30, works at KPMG"]),
        # a piece that shares only their name with the facts says more of them (it had
        # been taken as told, and "on the Gold Coast" dropped); one that only names them
        # is theirs
        ("Wiremu's on the Gold Coast, working at a resort in Surfers Paradise", ["Wiremu's on the Gold Coast"]),
        ("my sister (Anna) moved to Vienna, my other sister (Beth) to Rome", ["User's sister Anna moved to Vienna, User's other sister Beth to Rome"]),
        ("My eldest, Josh, is 14", []),
        # one of the user's people named beside another fact: whom the rest speaks of,
        # not what says it (the stay had been lost beside the age and the brother)
        ("I'm 30, staying at my brother Willem's place in Randburg", ["Staying at User's brother Willem's place in Randburg"]),
        ("met my new manager today, Fiona", []),
        ("Krista, my girlfriend, is a paramedic", []),
        # a noun that could be a verb, and a verb of the user's, kept as typed
        ("I work at Sky, help desk in Livingston", ["Help desk in Livingston"]),
        ("I live in Leeds, have two kids", ["Have two kids"]),
        ("I work at Asda, do the school run on Mondays", ["Do the school run on Mondays"]),
        # nothing kept: chit-chat, a question, a request, one word of feeling
        ("I moved to Leeds, so happy", []),
        ("I live in Dublin, what's the weather going to be like tomorrow?", []),
        ("I'm a teacher at Oakwood, any advice for Year 9", []),
        ("I live in Leeds, lol", []),
        ("I study economics at LSE, revision timetable for Paper 3 pls", []),
        ("I'm a nurse, yo Claude fix my React code", []),
        ("I'm a chef at Dishoom, CV for Pret needed asap", []),
        ("I'm 40 today, send help", []),
        ("I'm allergic to shellfish, is oyster sauce safe for me?", []),
        # a question ended by "?" with no question word, or a request with no request word
        ("I'm vegan, b12 supplements necessary?", []),
        ("I'm 35, too late to retrain as a dev?", []),
        ("I live in Dublin, worth getting a car or nah", []),
        ("I'm vegan, gimme a 7 day meal plan", []),
        ("I'm a teacher, lesson plan on volcanoes for year 5 ty", []),
        ("I live in Sydney, cheapest flights to Bali in June", []),
        ("my husband Robert turns 50 in june, party ideas?", []),
        ("my sister Lena lives in Zurich, cheapest way to get there from Munich?", []),
        ("i'm a doctor at Apollo, bro help me with my USMLE Step 1 schedule", []),
        # only when, or only the fact again
        ("On Monday, I start at Globex", []),
        ("going to Eldoret on Monday, back Thursday", []),
        ("moved house last week, now in Clifton", []),
        # a clause with no piece of the fact's words: where the fact came from is unclear
        ("finally turned eighteen!!!", []),
        # the first word of a clause is capitalised as a sentence's is, no name
        ("Supposedly, my new role is senior analyst now", []),
        # how the user is called, said with the name: in the name's text (below)
        ("I'm Marites, Tess for short", []),
    ],
)  # fmt: skip
def test_what_a_keyed_clause_says_beside_its_facts_is_kept(content: str, rest: list[str]) -> None:
    assert _plain(content) == rest


@pytest.mark.parametrize(
    ("content", "rest"),
    [
        # another thing joined by "and" to a keyed one, said with the keyed one's verb
        ("got a cat called Luna and a new job at Tesco", ["Got a new job at Tesco"]),
        ("just got a new job at Tesco and a puppy called Rex", ["Just got a puppy called Rex"]),
        ("I started a new job at Tesco and a pottery class", ["User started a pottery class"]),
        ("we just got a puppy and a new car", ["User just got a new car"]),
        ("I bought a house in Leeds and a new car", ["User bought a new car"]),
        ("I speak French and a bit of German", ["User speaks a bit of German"]),
        ("I'm 30 and a mum of two", ["User is a mum of two"]),
        ("I'm vegan and a keen runner", ["User is a keen runner"]),
        ("I'm a nurse and a mum of three", ["User is a mum of three"]),
        ("I have diabetes and two kids", ["User has two kids"]),
        # a thing with a verb of its own is said as it is
        ("I live in Leeds and the commute is awful", ["The commute is awful"]),
        # no verb to say it with: the thing alone, never lost
        ("I got promoted to manager and a pay rise", ["A pay rise"]),
        ("we're in Leeds now and a baby on the way", ["A baby on the way"]),
        # things the facts say, or say again, are not cut off
        ("I have a cat and a dog", []),
        ("I love pizza and a good curry", []),
        ("I moved to Leeds and a new flat", []),
        # what is said after a "but", said with what one is when it is what one does
        ("I'm a teacher but thinking of retraining as a nurse", ["User is thinking of retraining as a nurse"]),
        ("I work at Tesco but hoping to move to Aldi", ["Hoping to move to Aldi"]),
        # … and what is said before a "but" the facts come after
        ("grew up in Swansea but moved to Cardiff for uni and never left", ["Grew up in Swansea"]),
        # (not a thing before an "and": a name alone says nothing)
        ("Youth Day and my 30th birthday on the same day, eish", []),
        # … not a word of how the fact is (counted without the verb said for it)
        ("Work at Flutterwave is hectic but fun", []),
        # what a thing was done for is said with it (it had been lost, or the value's)
        ("I left Tesco to go to Asda", ["User left Tesco to go to Asda"]),
        ("I moved to Leeds to be near my mum", ["User moved to Leeds to be near User's mum"]),
        # a clause of its own after "and", though it opens on no subject
        ("I'm 31 and night shifts are way harder", ["Night shifts are way harder"]),
        ("29 and already complaining about my back", ["Already complaining about User's back"]),
        # … but not a feeling alone
        ("been vegan 3 years now and never felt better", []),
        # … nor a question, a request or an aside after "and", nor "and a half"
        ("I'm 29 and wanna know how to start investing", []),
        ("I work at Tesco and lmk if they're hiring", []),
        ("I live in Leeds and god knows why", []),
        ("I'm 31 and a half", []),
        # what is said of someone in it, with the piece it tells of
        ("I live in Leeds with a flatmate who doesn't clean", ["User lives in Leeds with a flatmate who doesn't clean"]),
        # a verb of its own, though no list holds it: said as it is (a review found "User
        # is the rest of the family aren't")
        ("I'm vegan and the rest of the family aren't", ["The rest of the family aren't"]),
        ("I'm 30 but my passport says 31 lol", ["User's passport says 31 lol"]),
        # a place's surroundings are the place's; a verb needing its preposition is not said
        ("I live in Newcastle and the surrounding area", []),
        # a day before the next "I" is that clause's, not the home's ("User lives in Leeds,
        # Monday" had been written)
        ("I live in Leeds, Monday I start my new job", ["Monday User starts User's new job"]),
        ("I work at the Co-op and the post office", ["The post office"]),
        # a request joined on is no memory
        ("I'm vegan and a meal plan for the week pls", []),
    ],
)  # fmt: skip
def test_another_thing_joined_to_a_keyed_one_is_kept(content: str, rest: list[str]) -> None:
    assert _plain(content) == rest


@pytest.mark.parametrize(
    ("content", "text"),
    [
        ("I'm Marites, Tess for short", "User is called Marites, Tess for short"),
        ("I'm Anirudh, most people call me Ani", "User is called Anirudh, most people call User Ani"),
        ("I'm Thandiwe, but everyone calls me Thandi", "User is called Thandiwe, everyone calls User Thandi"),
        # not another name: "call me anything", "Sam for now"
        ("I'm Sam, call me anything", "User is called Sam"),
    ],
)  # fmt: skip
def test_another_name_one_goes_by_is_kept_with_the_name(content: str, text: str) -> None:
    (fact,) = [f for f in EXTRACTOR.extract(content, NOW) if f.attribute == "name"]
    assert fact.text == text


def test_the_rest_of_a_stay_lasts_as_the_stay() -> None:
    said = datetime(2026, 9, 1, 12, tzinfo=timezone.utc)
    stay, rest = EXTRACTOR.extract(
        "I'm back in Galway for two weeks from the 5th, staying with a friend in Salthill", said
    )
    assert (stay.attribute, rest.text) == ("location", "Staying with a friend in Salthill")
    assert stay.expires_at is not None
    assert (rest.valid_from, rest.expires_at) == (stay.valid_from, stay.expires_at)
    # a rest with a day of its own is not the stay's: "then London Saturday"
    leeds, london = EXTRACTOR.extract("In Leeds till Friday, then London Saturday", said)
    assert (leeds.expires_at is not None, london.text, london.expires_at) == (
        True,
        "London Saturday",
        None,
    )


def test_the_rest_is_found_by_its_words_and_the_key_still_answers(api: Api) -> None:
    age, rest = _remember(api, "I'm 30, bestie is a chef, works at Nobu")
    assert (age["attribute"], age["text"]) == ("age", "User is 30 years old")
    assert (rest["attribute"], rest["text"]) == (None, "Bestie is a chef, works at Nobu")
    assert rest["statement"] == "bestie is a chef, works at Nobu"
    hits = api.search("where does my bestie work", "me")
    assert hits[0]["id"] == rest["id"]
    assert api.search("how old am I", "me")[0]["id"] == age["id"]


@pytest.mark.parametrize(
    ("content", "text"),
    [
        # what a diet makes room for is part of it, and goes when it does
        ("I'm vegetarian except for fish on Fridays", "User is vegetarian except for fish on Fridays"),
        ("I'm vegan apart from honey", "User is vegan apart from honey"),
        ("vegetarian, except bacon lol", "User is vegetarian, except bacon"),
        # an "except" with nothing after it that says what
        ("I'm vegan except", "User is vegan"),
        # … nor one taken back, nor one whose rest says something of someone else
        ("i'm vegan, except on weekends, no wait, always vegan", "User is vegan"),
        ("I'm vegan except for my partner who isn't", "User is vegan"),
    ],
)  # fmt: skip
def test_what_a_diet_makes_room_for_is_in_its_text(content: str, text: str) -> None:
    assert _texts(content, "diet") == [text]


@pytest.mark.parametrize(
    "content",
    ["I left Tesco to go travelling", "I quit my job at Tesco to focus on my art", "I quit my job at Tesco to travel"],
)  # fmt: skip
def test_what_one_left_to_do_is_not_the_employer(content: str) -> None:
    (left,) = [f for f in EXTRACTOR.extract(content, NOW) if f.attribute == "employer"]
    assert (left.value, left.negated) == ("Tesco", True)


@pytest.mark.parametrize(
    "content",
    ["I left Asda at 5 to go to the gym", "left Aldi after my shift", "I left Boots early to go to the dentist"],
)  # fmt: skip
def test_a_days_work_left_ends_no_job(content: str) -> None:
    # a review found the employer ended ("User no longer works at Asda at 5")
    assert [f.attribute for f in EXTRACTOR.extract(content, NOW)] == [None]
    # … while a job left is still ended
    (left,) = EXTRACTOR.extract("I left Tesco today", NOW)
    assert (left.attribute, left.value, left.negated) == ("employer", "Tesco", True)


def test_a_thing_joined_on_is_found_and_the_keyed_one_still_answers(api: Api) -> None:
    pet, job = _remember(api, "got a cat called Luna and a new job at Tesco")
    assert (pet["attribute"], pet["value"]) == ("pets", "cat called Luna")
    assert (job["attribute"], job["text"]) == (None, "Got a new job at Tesco")
    assert api.search("where do I work", "me")[0]["id"] == job["id"]
    assert api.search("what pets do I have", "me")[0]["id"] == pet["id"]
    # whom one lives with stays in the home's text, and goes when the home does
    (home,) = _remember(api, "I live in Leeds with my mum")
    assert home["text"] == "User lives in Leeds with User's mum"
    (moved,) = _remember(api, "I moved to York")
    assert moved["supersedes"] == home["id"]
    assert [h["text"] for h in api.search("who do I live with", "me")][:1] != [home["text"]]


@pytest.mark.parametrize(
    ("content", "key"),
    [
        # the value ends before what one has in it
        ("I work at Google in my dream role", ("employer", "Google")),
        ("I live in Leeds in my own flat", ("home", "Leeds")),
        # … and before whom it is compared to ("Leeds like my parents" had been the home)
        ("I live in Leeds like my parents", ("home", "Leeds")),
        ("I work at Google just like my dad", ("employer", "Google")),
        ("We moved to Islamabad like everyone else", ("home", "Islamabad")),
        # what is dreamt in brackets leaves the fact said before it
        ("I live in Leeds (in my dreams it'd be Paris)", ("home", "Leeds")),
        ("I'm a nurse (in my dreams a surgeon)", ("job", "nurse")),
        # a role at work is a job, said so
        ("At work, my role is team lead", ("job", "team lead")),
        # the user's age beside someone else's
        ("I'm 33, mum turns 70 next week", ("age", "33")),
        ("just turned 30, same day as my dad's birthday lol", ("age", "30")),
        # what the mends must not take (a targeted review of them)
        ("turned 21 am so happy", ("age", "21")),
        ("just turned 30 am i old now lol", ("age", "30")),
        ("Originally from Cork moved to Boston in 2015", ("home", "Boston")),
        ("I live in Setagaya ward", ("home", "Setagaya ward")),
        ("We live in Long Branch", ("home", "Long Branch")),
        ("In my current job, my role is data analyst", ("job", "data analyst")),
        ("Just got a job at a travel agent in Cork, starting Monday", ("employer", "a travel agent in Cork")),
        ("I work at Amazon, still scanning boxes in my dreams", ("employer", "Amazon")),
    ],
)  # fmt: skip
def test_the_users_fact_beside_a_near_miss_stands(content: str, key: tuple[str, str]) -> None:
    keyed = [(f.attribute, f.value) for f in EXTRACTOR.extract(content, NOW) if f.subject == "user"]
    assert key in keyed
    assert [k for k in keyed if k[0] == key[0]] == [key]  # and no other value of it


def test_an_age_that_is_no_ones_the_rules_name_is_kept_as_said() -> None:
    # "happy bday to my mum, 60 today": no age of the user's, and the words not lost
    (fact,) = EXTRACTOR.extract("happy bday to my mum, 60 today", NOW)
    assert (fact.attribute, fact.text) == (None, "Happy birthday to User's mum, 60 today")
    texts = [f.text for f in EXTRACTOR.extract("12 today! party time for my little one", NOW)]
    assert texts == ["12 today", "Party time for User's little one"]
