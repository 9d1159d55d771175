"""Held-out evaluation cases for the rules-based fact extractor (written blind).

Every case seeds the same persona (SEEDS, one remember() call each, observed
2026-11-01T10:00:00Z) into a fresh collection, then remembers ONE statement
observed 2026-11-20T10:00:00Z.

Case kinds
  N(...)  "no change": no seed fact may be retired and no keyed user fact with a
          value the statement does not assert may be stored.  `ok` lists extra
          (attribute, value, negated) facts that are true and acceptable.
  U(...)  "update ATTR=VALUE": a keyed user fact for ATTR whose value matches one
          of `vals` must be stored.  For single-valued attributes the seed fact
          for ATTR must also be retired (retire defaults accordingly); for
          multi-valued attributes (pets, children, allergies, likes, dislikes,
          drinks, new favourite:X keys) it is an addition and nothing must be
          retired.  `alt` gives other acceptable (attr, vals, negated) encodings.
          `may` lists seed attributes whose retirement is also acceptable.
  R(...)  "update" whose only required effect is retiring the seed for ATTR(s).
"""

SEED_TIME = "2026-11-01T10:00:00Z"
TEST_TIME = "2026-11-20T10:00:00Z"

SEEDS = [
    "My name is Marta.",
    "I live in Tucson.",
    "I'm 36.",
    "I work as a physiotherapist.",
    "I work at Banner Health.",
    "I'm vegetarian.",
    "I'm married.",
    "My wife is Priya.",
    "I have a cat called Miso.",
    "I have a son named Theo.",
    "I'm allergic to peanuts.",
    "I love hiking.",
    "I hate cilantro.",
    "I'm studying at the University of Arizona.",
    "My phone number is 520-555-0143.",
    "My email is marta.k@fastmail.com.",
    "My favorite color is teal.",
    "I'm working on a pottery app called Kiln.",
    "I usually drink green tea.",
    "I'm staying in Flagstaff until next summer.",
]

# attributes judged in "no change" cases (keyed user attributes); others are shown, not judged
IN_SCOPE = {
    "name",
    "home",
    "location",
    "age",
    "job",
    "employer",
    "diet",
    "relationship",
    "partner",
    "pets",
    "children",
    "allergies",
    "likes",
    "dislikes",
    "school",
    "phone",
    "email",
    "project",
    "drinks",
}  # + favorite:*

# other spellings of a seed value; a stored restatement using one is not "wrong"
SEED_ALIASES = {
    "job": ["physio", "physical therapist"],
    "school": ["UofA", "U of A"],
    "project": ["Kiln"],
}

# attributes where a new value replaces the old one
SINGLE = {
    "name",
    "home",
    "age",
    "job",
    "employer",
    "diet",
    "relationship",
    "partner",
    "school",
    "phone",
    "email",
    "favorite:color",
    "project",
    "location",
}

CASES = []
_counter = {}


def _id(fam):
    _counter[fam] = _counter.get(fam, 0) + 1
    return f"{fam}-{_counter[fam]:02d}"


def N(fam, text, ok=()):
    CASES.append(dict(id=_id(fam), family=fam, kind="none", text=text, ok=[tuple(o) for o in ok]))


def U(fam, text, attr, vals, retire=None, may=(), neg=False, alt=()):
    if retire is None:
        retire = [attr] if attr in SINGLE else []
    expect = [(attr, list(vals), neg)] + [(a, list(v), n) for a, v, n in alt]
    CASES.append(
        dict(
            id=_id(fam),
            family=fam,
            kind="update",
            text=text,
            expect=expect,
            retire=list(retire),
            may=list(may),
        )
    )


def R(fam, text, retire, may=(), alt=()):
    CASES.append(
        dict(
            id=_id(fam),
            family=fam,
            kind="update",
            text=text,
            expect=[],
            retire=list(retire),
            may=list(may),
        )
    )


# ---------------------------------------------------------------- home
N("home", "My sister just moved to Denver.")
N("home", "Priya's parents live in Mumbai.")
N("home", "Our clinic is relocating to a new building in Phoenix next year.")
N("home", "Honestly I basically live in my car these days with all the driving between clinics.")
N("home", "If I lived in Seattle I'd probably never see the sun.")
N("home", "We're thinking about maybe moving to Albuquerque in a couple of years.")
N("home", "My mom keeps saying I should move back to Chicago.", ok=[("home", "Chicago", True)])
N("home", "Can you write a short bio for a character who lives in Boston and runs a bakery?")
N(
    "home",
    "Here's the reply from the landlord: 'Hi, I live in Scottsdale and will be out of town until Friday.'",  # noqa: E501
)
N("home", "Note: Jake (the user's coworker) lives in Mesa and commutes daily.")
N("home", "I lived in Chicago for six years before we came here.", ok=[("home", "Chicago", True)])
N(
    "home",
    "Would Portland be a good place to live for someone who hates rain?",
    ok=[("dislikes", "rain", False)],
)
N("home", "I grew up in Kraków.")
N("home", "My best friend from college lives in Lisbon now and keeps inviting me over.")
N("home", "I'd never live in Phoenix, way too hot.", ok=[("home", "Phoenix", True)])
N("home", "Translate into Spanish: 'I live in Madrid and I work as a teacher.'")
N(
    "home",
    "Living in Tucson is great, but the summers are brutal.",
    ok=[("dislikes", "summers", False), ("dislikes", "the summers", False)],
)
U("home", "We finally moved to Denver last month!", "home", ["Denver"], may=["location"])
U(
    "home",
    "just moved into a new place in albuquerque, boxes everywhere lol",
    "home",
    ["Albuquerque"],
    may=["location"],
)
U(
    "home",
    "User now lives in Portland, Oregon.",
    "home",
    ["Portland", "Portland Oregon"],
    may=["location"],
)
U(
    "home",
    "I live in San Diego now, relocated for Priya's job.",
    "home",
    ["San Diego"],
    may=["location"],
)
U("home", "The user's new home city is Austin.", "home", ["Austin"], may=["location"])
U(
    "home",
    "Moved to Phoenix over the weekend, still no internet.",
    "home",
    ["Phoenix"],
    may=["location"],
)
U("home", "heyyy so we officially live in flagstaff now 🏔️", "home", ["Flagstaff"], may=["location"])
U(
    "home",
    "i moved back to poland, living in krakow now",
    "home",
    ["Krakow", "Kraków", "Krakow Poland", "Poland"],
    may=["location"],
)

# ---------------------------------------------------------------- location (trips / stays)
N("location", "Priya is in Chicago this week for a conference.")
N("location", "The physio conference is in Las Vegas this year.")
N("location", "I'm in a weird mood today.")
N("location", "I'm in the middle of a sprint at work right now.")
N("location", "I might go to Lisbon in the spring.")
N("location", "I wish I was in Hawaii right now, ugh.")
N("location", "Can you plan a 3-day itinerary for someone visiting Kyoto?")
N("location", "Theo is at camp in Prescott until Sunday.")
N("location", "The package is in Memphis according to the tracking page.")
N(
    "location",
    "From the group chat — Dave: 'I'm in Denver till Thursday, anyone want to grab dinner?'",
)
N(
    "location",
    "I was in Mexico City last spring and loved it.",
    ok=[("location", "Mexico City", True), ("likes", "Mexico City", False)],
)
N("location", "Are there any good bookstores in Sedona?")
N(
    "location",
    "I'm in love with this new album.",
    ok=[("likes", "this new album", False), ("likes", "new album", False)],
)
N("location", "Still in Flagstaff, heading back down to Tucson at the weekend.")
N("location", "My mom is visiting from Kraków next week.")
N("location", "Our next team offsite will probably be in San Diego.")
N("location", "In my novel, the narrator is a detective stuck in Oslo for the winter.")
U("location", "I'm in Lisbon for the week, the food is amazing.", "location", ["Lisbon"])
U("location", "just landed in tokyo!!", "location", ["Tokyo"])
U("location", "currently staying in Santa Fe for a few days", "location", ["Santa Fe"])
U("location", "User is currently in Berlin for a work trip.", "location", ["Berlin"])
U(
    "location",
    "Writing this from a cafe in Montreal, I'm here till Sunday.",
    "location",
    ["Montreal"],
)
U("location", "I'm visiting my in-laws in Chicago this week.", "location", ["Chicago"])
U("location", "Greetings from Rome! Here for ten days.", "location", ["Rome"])
U(
    "location",
    "im in nyc till thursday for a course",
    "location",
    ["NYC", "New York", "New York City"],
)

# ---------------------------------------------------------------- job
N("job", "Priya just got promoted to head nurse.")
N("job", "My brother works as a firefighter in Phoenix.")
N(
    "job",
    "I'm a huge fan of that chef on Netflix.",
    ok=[("likes", "that chef on Netflix", False), ("likes", "that chef", False)],
)
N("job", "I'm a total night owl.")
N("job", "I'd make a terrible lawyer, honestly.")
N("job", "Sometimes I think I should have become an architect.")
N("job", "Can you write a cover letter for a software engineer position?")
N("job", "Pretend you're a pirate captain and tell me a story.")
N("job", "My dad worked as an electrician for 40 years.")
N("job", "[assistant memo] Sam, a friend of the user, works as a data analyst.")
N("job", "I worked as a barista in college.", ok=[("job", "barista", True)])
N(
    "job",
    "The job posting says: 'We are looking for a senior accountant with 5+ years of experience.'",
)
N("job", "I'm a Scorpio, if that explains anything.")
N("job", "Theo wants to be an astronaut when he grows up.")
N("job", "As a physio I see this kind of injury all the time.")
N("job", "I'm the designated driver tonight.")
N("job", "The patient is a 54-year-old roofer presenting with shoulder pain.")
U(
    "job",
    "I quit physio, I'm working as a UX designer now.",
    "job",
    ["UX designer"],
    may=["employer"],
)
U(
    "job",
    "new job: i'm a high school PE teacher now lol",
    "job",
    ["high school PE teacher", "PE teacher"],
    may=["employer"],
)
U(
    "job",
    "The user's new job is occupational therapist.",
    "job",
    ["occupational therapist"],
    may=["employer"],
)
U(
    "job",
    "I got certified and I work as a personal trainer now.",
    "job",
    ["personal trainer"],
    may=["employer"],
)
U(
    "job",
    "I left healthcare and became a software developer.",
    "job",
    ["software developer"],
    may=["employer"],
)
U("job", "I'm a nurse now, switched careers last spring.", "job", ["nurse"], may=["employer"])
U(
    "job",
    "The user has changed careers and now works as a yoga instructor.",
    "job",
    ["yoga instructor"],
    may=["employer"],
)
U("job", "promoted to clinic director last week!", "job", ["clinic director"])

# ---------------------------------------------------------------- employer
N("employer", "Priya started at Intel last week.")
N("employer", "Banner Health just announced a merger with HonorHealth.")
N("employer", "I work at the kitchen table most days when I do my charting.")
N("employer", "I'm thinking of applying to Mayo Clinic.")
N("employer", "I got an email from Amazon about my order.")
N("employer", "My friend Jen works at Google and loves it.")
N(
    "employer",
    "I interviewed at Kaiser last year but didn't get it.",
    ok=[("employer", "Kaiser", True)],
)
N("employer", "I used to work at Walgreens before Banner.", ok=[("employer", "Walgreens", True)])
N("employer", "Draft a LinkedIn post for someone who just joined Microsoft.")
N(
    "employer",
    "Copying the signature from the referral letter: 'Dr. Alan Reyes, Cleveland Clinic, Department of Sports Medicine'",  # noqa: E501
)
N("employer", "I work at a standing desk now and my back thanks me.")
N("employer", "I'd work at Patagonia in a heartbeat if they hired physios.")
N("employer", "Starbucks messed up my order again.")
N("employer", "I'm with Verizon for my phone plan, is that a mistake?")
N("employer", "Our department at Banner got a new manager this week.")
U("employer", "I started my new job at Mayo Clinic on Monday!", "employer", ["Mayo Clinic"])
U("employer", "i work at TMC now, left banner in september", "employer", ["TMC"])
U("employer", "User now works at HonorHealth.", "employer", ["HonorHealth"])
U(
    "employer",
    "Got hired by Nike as a sports physio, starting this week",
    "employer",
    ["Nike"],
    may=["job"],
)
U(
    "employer",
    "I joined Kaiser Permanente's rehab team last month.",
    "employer",
    ["Kaiser Permanente", "Kaiser"],
)
U("employer", "my new employer is Northwest Healthcare", "employer", ["Northwest Healthcare"])
U("employer", "Left Banner, I work for Carondelet now.", "employer", ["Carondelet"])
U(
    "employer",
    "User is employed by the Tucson VA hospital as of November.",
    "employer",
    ["Tucson VA hospital", "VA hospital", "Tucson VA"],
)

# ---------------------------------------------------------------- age
N("age", "I'm 5 minutes away.")
N("age", "I'm 30 pages into the book you recommended.")
N("age", "I'm 2 weeks into my new training plan.")
N("age", "Theo turns 8 next month.")
N("age", "Priya is 38.")
N("age", "My grandma is 92 and still gardens every day.")
N("age", "I ran 10k in 52 minutes this morning.")
N("age", "I felt about 80 years old after that hike.")
N("age", "When I was 20 I backpacked across Europe.")
N("age", "I'll be 40 before this project ships, at this rate.")
N("age", "Our team is 12 people now.")
N("age", "I'm on 4 hours of sleep.")
N("age", "Room 37 at the clinic has the broken AC again.")
N("age", "Context for later: the user's father is 67 and recently retired.")
N("age", "Theo is 8 and obsessed with Minecraft.")
N("age", "My car is 12 years old and still runs great.")
N(
    "age",
    "A friend forwarded me this chat log: 'hi, I'm 25 and I live in Ohio, my order never showed up.'",  # noqa: E501
)
N("age", "I'm 36 and I still can't parallel park.")
U("age", "I turned 37 today!", "age", ["37"])
U("age", "just had my birthday, 37 now 🎉", "age", ["37"])
U("age", "User is 37 years old.", "age", ["37"])
U("age", "i'm 37 now, feels weird", "age", ["37"])
U("age", "Celebrated my 37th birthday yesterday with the family.", "age", ["37"])
U("age", "ok so apparently i'm 37 as of this morning lol", "age", ["37"])
U("age", "I'm actually 38, I typed my age wrong earlier.", "age", ["38"])

# ---------------------------------------------------------------- diet
N("diet", "Priya went vegan for January.")
N("diet", "I'm cooking a vegan lasagna for the potluck.")
N("diet", "Can you suggest some keto recipes for my brother?")
N("diet", "I'm thinking about trying pescatarian for a month.")
N("diet", "My doctor suggested I go gluten-free.")
N(
    "diet",
    "I had the vegan burger at lunch and it was amazing.",
    ok=[("likes", "vegan burger", False)],
)
N("diet", "The new place downtown has a great paleo menu.")
N("diet", "I'm on a diet of coffee and stress this week lol")
N("diet", "I'm starving, what should I eat?")
N("diet", "I was vegan for about two years in my twenties.", ok=[("diet", "vegan", True)])
N("diet", "Our clinic cafeteria went fully plant-based.")
N("diet", "I'm not keto, I just skip bread sometimes.", ok=[("diet", "keto", True)])
N("diet", "Is a vegan diet safe for an 8-year-old?")
N("diet", "I'm vegetarian but Priya eats everything.")
N("diet", "One of my patients filled in the intake form: 'Diet: omnivore. Alcohol: occasional.'")
U("diet", "I went vegan last month, feeling great.", "diet", ["vegan"])
U("diet", "fully vegan now btw, no more cheese 😭", "diet", ["vegan", "fully vegan"])
U("diet", "I started eating fish again, so I'm pescatarian now.", "diet", ["pescatarian"])
U("diet", "User is now pescatarian.", "diet", ["pescatarian"])
U(
    "diet",
    "I'm not vegetarian anymore, I eat meat again.",
    "diet",
    ["vegetarian"],
    neg=True,
    alt=[
        ("diet", ["omnivore", "meat eater", "non-vegetarian", "not vegetarian", "eats meat"], False)
    ],
)
U("diet", "I'm flexitarian now, eating some meat on weekends.", "diet", ["flexitarian"])
U("diet", "User follows a vegan diet now.", "diet", ["vegan"])

# ---------------------------------------------------------------- relationship
N("relationship", "My brother just got engaged!")
N("relationship", "My best friend is going through a divorce and it's rough.")
N("relationship", "I'm married to my job at this point, honestly.")
N("relationship", "I'm single-handedly running the front desk today.")
N("relationship", "I'm engaged in a long argument with our insurance company.")
N("relationship", "Priya and I are celebrating our anniversary next week.")
N("relationship", "Can you write a wedding toast for my cousin?")
N("relationship", "The movie is about a single mom in Ohio.")
N("relationship", "Our friends Tom and Ana separated last spring.")
N("relationship", "I was single for most of my twenties.", ok=[("relationship", "single", True)])
N("relationship", "A patient told me, 'I'm divorced and living alone,' and it stuck with me.")
N("relationship", "Priya and I have been married for five years now.")
N("relationship", "Are you single? lol jk")
N("relationship", "Write a dating profile for my friend: 32, vegan, loves hiking, lives in Austin.")
U(
    "relationship",
    "Priya and I finalized our divorce last month.",
    "relationship",
    ["divorced"],
    may=["partner"],
)
U(
    "relationship",
    "i'm divorced now, it's been a rough year",
    "relationship",
    ["divorced"],
    may=["partner"],
)
U(
    "relationship",
    "User is now separated from their wife.",
    "relationship",
    ["separated"],
    may=["partner"],
)
U(
    "relationship",
    "We separated in the summer and I'm single now.",
    "relationship",
    ["single", "separated"],
    may=["partner"],
)
U("relationship", "User is now divorced.", "relationship", ["divorced"], may=["partner"])
U(
    "relationship",
    "my divorce went through in october",
    "relationship",
    ["divorced"],
    may=["partner"],
)
U(
    "relationship",
    "Priya and I got divorced in the spring.",
    "relationship",
    ["divorced"],
    may=["partner"],
)

# ---------------------------------------------------------------- partner
N("partner", "My sister's husband is called Marco.")
N("partner", "Priya's best friend Anna is staying with us this week.")
N("partner", "My work wife Jess covered my shift today.")
N("partner", "My wife is the best cook I know.")
N("partner", "My wife is in Chicago this week.")
N("partner", "My wife is a nurse.")
N("partner", "Theo's girlfriend from school came over for dinner.")
N("partner", "There's a character named Priya in this show who's married to a chef.")
N("partner", "My ex-girlfriend from college, Dana, messaged me out of nowhere.")
N("partner", "If I weren't married I'd probably be a hermit.")
N("partner", "Memory note: the user's brother-in-law is named Raj.")
N("partner", "Priya says hi!")
N("partner", "My wife's name is on the lease too.")
U(
    "partner",
    "Priya and I split last year; my partner now is Jess.",
    "partner",
    ["Jess"],
    may=["relationship"],
)
U(
    "partner",
    "The user and Priya divorced; the user's new girlfriend is Carla.",
    "partner",
    ["Carla"],
    may=["relationship"],
)
U(
    "partner",
    "after the divorce i started dating Sam, we're pretty serious now",
    "partner",
    ["Sam"],
    may=["relationship"],
)
U("partner", "I got remarried in October — my wife is Elena now.", "partner", ["Elena"])
U(
    "partner",
    "I'm engaged to Jess now, after everything with Priya.",
    "partner",
    ["Jess"],
    may=["relationship"],
)
U(
    "partner",
    "my girlfriend Ava moved in with me after the divorce",
    "partner",
    ["Ava"],
    may=["relationship"],
)

# ---------------------------------------------------------------- pets
N("pets", "My neighbor has a dog called Rufus who barks all night.")
N("pets", "Priya's mom has two parrots.")
N("pets", "I'm thinking about getting a rabbit.")
N(
    "pets",
    "We had a hamster named Nibbles when I was a kid.",
    ok=[("pets", "hamster", True), ("pets", "Nibbles", True)],
)
N("pets", "I'm dog-sitting my friend's husky this weekend.")
N("pets", "Can you suggest some names for a golden retriever puppy? Asking for my sister.")
N("pets", "I have a frog in my throat today.")
N("pets", "The clinic has a therapy dog named Bruno.")
N("pets", "I have a bone to pick with my landlord.")
N("pets", "Theo wants a snake for his birthday. Absolutely not.")
N("pets", "Remind me to book Miso's vet appointment tomorrow.")
N("pets", "Miso knocked my coffee off the table again.")
U("pets", "We adopted a dog named Biscuit on Saturday!", "pets", ["Biscuit"])
U("pets", "got a kitten last week, her name is Pixel", "pets", ["Pixel", "kitten"])
U("pets", "User has a new dog called Pepper.", "pets", ["Pepper"])
R("pets", "Sadly Miso passed away last week.", ["pets"])
U("pets", "I rescued a greyhound called Comet.", "pets", ["Comet"])
U("pets", "we got a bearded dragon named Spike", "pets", ["Spike", "bearded dragon"])
U("pets", "User now also has two goldfish.", "pets", ["goldfish"])

# ---------------------------------------------------------------- children
N("children", "My sister has twin girls, Ava and Mia.")
N("children", "Theo's best friend Leo slept over.")
N("children", "One of my patients has a son named Oliver who plays soccer.")
N("children", "We're thinking about having another baby next year.")
N("children", "I'm such a child when it comes to roller coasters.")
N("children", "Can you recommend books for a 10-year-old girl? It's for my niece.")
N("children", "My coworker just had a baby boy named Max.")
N("children", "I babysat the neighbors' kids, Lily and Sam, last night.")
N("children", "Summary so far: the user's nephew, Ethan, is starting kindergarten.")
N("children", "Kiln is my baby, I've poured everything into it.")
N("children", "Theo lost his first tooth!")
U("children", "We had a baby girl on Tuesday, her name is Zoe!", "children", ["Zoe"])
U("children", "priya gave birth to our daughter Luna last week", "children", ["Luna"])
U("children", "User has a newborn son named Felix.", "children", ["Felix"])
U("children", "We adopted a little girl named Rosa this month.", "children", ["Rosa"])
U("children", "Baby #2 arrived! A boy, Oskar.", "children", ["Oskar"])
U("children", "Our twins were born last night — Ada and Max!", "children", ["Ada", "Max"])
U(
    "children",
    "User became a parent again: a daughter, Nina, born November 12.",
    "children",
    ["Nina"],
)

# ---------------------------------------------------------------- allergies
N("allergies", "Theo is allergic to bees.")
N("allergies", "Priya has a bad shellfish allergy.")
N("allergies", "I'm allergic to Monday mornings lol.", ok=[("dislikes", "Monday mornings", False)])
N("allergies", "I'm allergic to small talk.", ok=[("dislikes", "small talk", False)])
N("allergies", "Is it possible to be allergic to avocado?")
N("allergies", "The menu says the dessert contains tree nuts.")
N("allergies", "My doctor wants to test me for a latex allergy.")
N("allergies", "Peanut-free zone signs are up all over Theo's school now.")
N("allergies", "Heads-up stored for later: the user's coworker is allergic to gluten.")
N(
    "allergies",
    "Make a sign for the break room: 'Please be aware that some staff are allergic to sesame.'",
)
N(
    "allergies",
    "Patient note: 67 y/o female, retired teacher, lives in Green Valley, allergic to sulfa.",
)
N("allergies", "Jake said he's allergic to penicillin.")
U("allergies", "Found out I'm also allergic to penicillin.", "allergies", ["penicillin"])
U(
    "allergies",
    "turns out im allergic to shellfish too, ER trip was fun",
    "allergies",
    ["shellfish"],
)
U("allergies", "User is allergic to latex.", "allergies", ["latex"])
R(
    "allergies",
    "Good news: I outgrew my peanut allergy, the test came back negative.",
    ["allergies"],
)
U("allergies", "Allergy test results are in: I'm allergic to cats.", "allergies", ["cats"])
U("allergies", "new allergy unlocked: kiwi 🥝", "allergies", ["kiwi"])
U("allergies", "I'm allergic to ibuprofen, found out the hard way.", "allergies", ["ibuprofen"])

# ---------------------------------------------------------------- likes
N("likes", "Priya loves rock climbing.")
N("likes", "I love how you explained that.")
N("likes", "I'd love a summary of that article.")
N("likes", "I love that for you.")
N("likes", "Theo loves dinosaurs.")
N("likes", "Everyone at work loves the new espresso machine.")
N("likes", "I used to love skateboarding as a teenager.", ok=[("likes", "skateboarding", True)])
N("likes", "Would I like Dune if I've never read sci-fi?")
N("likes", "The song goes 'I love rock and roll, so put another dime in the jukebox.'")
N("likes", "Profile addendum: the user's sister enjoys pottery and jazz.")
N("likes", "Still love hiking, went up Mount Lemmon on Sunday.")
N("likes", "I'd like to book a table for four.")
U("likes", "I've gotten really into bouldering lately, I love it.", "likes", ["bouldering"])
R("likes", "honestly i'm not into hiking anymore, my knees hate it", ["likes"])
U("likes", "User enjoys birdwatching.", "likes", ["birdwatching"])
U("likes", "I really love kayaking, discovered it this summer", "likes", ["kayaking"])
U("likes", "I'm obsessed with pickleball lately.", "likes", ["pickleball"])
U("likes", "User likes sourdough baking.", "likes", ["sourdough baking"])
U("likes", "lately i'm super into chess, play every night", "likes", ["chess"])

# ---------------------------------------------------------------- dislikes
N("dislikes", "Priya hates mushrooms.")
N("dislikes", "I hate to bother you, but can you check this again?")
N("dislikes", "I hate it when that happens.")
N("dislikes", "Theo can't stand broccoli.")
N("dislikes", "Why do some people hate cilantro? Is it genetic?")
N("dislikes", "My boss hates open-plan offices.")
N("dislikes", "The reviewer hated the movie.")
N("dislikes", "I used to hate olives but now they're fine.", ok=[("dislikes", "olives", True)])
N("dislikes", "Ugh, cilantro again in my burrito. Why.")
N("dislikes", "My mother-in-law can't stand the heat here.")
U("dislikes", "I can't stand loud restaurants anymore.", "dislikes", ["loud restaurants"])
U("dislikes", "ugh i really hate running, tried it for a month and nope", "dislikes", ["running"])
U("dislikes", "User dislikes jazz.", "dislikes", ["jazz"])
R("dislikes", "I actually like cilantro now, weirdly.", ["dislikes"])
U("dislikes", "I've come to really dislike winter driving.", "dislikes", ["winter driving"])
U("dislikes", "I hate podcasts, I can never focus on them.", "dislikes", ["podcasts"])

# ---------------------------------------------------------------- school
N("school", "Theo started at Sam Hughes Elementary this fall.")
N("school", "Priya went to Stanford.")
N("school", "I'm studying the menu, give me a sec.")
N("school", "I'm studying for my board exam this weekend.")
N("school", "I might apply to grad school at UCLA next year.")
N("school", "I graduated from high school in Kraków.")
N("school", "The University of Arizona won the game last night!")
N("school", "Can you help my nephew with his application to MIT?")
N("school", "Background: the user's sister attends Pima Community College.")
N(
    "school",
    "Forwarded: 'Dear applicant, thank you for your interest in Oxford. We regret to inform you...'",  # noqa: E501
)
N("school", "School's out for winter break starting next week.")
U(
    "school",
    "I transferred to Arizona State this semester.",
    "school",
    ["Arizona State", "Arizona State University", "ASU"],
)
U(
    "school",
    "User now attends Northern Arizona University.",
    "school",
    ["Northern Arizona University", "NAU"],
)
U(
    "school",
    "started my masters at Johns Hopkins online this fall",
    "school",
    ["Johns Hopkins", "Johns Hopkins University", "Johns Hopkins online"],
)
U(
    "school",
    "I'm now enrolled at Pima Community College.",
    "school",
    ["Pima Community College", "Pima"],
)
U(
    "school",
    "I'm a student at Grand Canyon University now, taking nursing prereqs.",
    "school",
    ["Grand Canyon University", "GCU"],
)
U("school", "switched schools, im at UCLA now (online program)", "school", ["UCLA"])

# ---------------------------------------------------------------- phone
N("phone", "Priya's number is 520-555-0188.")
N("phone", "The clinic's front desk number is 520-555-0100.")
N("phone", "Call the pharmacy at 520-555-0111 and ask about my refill.")
N("phone", "My order number is 48213-7720.")
N("phone", "My lucky number is 7.")
N("phone", "Is 520-555-0143 formatted right for international calls?")
N("phone", "Save this for me: plumber, Dave, 520-555-0177.")
N("phone", "My badge number at work is 20417.")
N("phone", "Pasting her signature: '— Kim Ortega | Office Manager | (520) 555-0123'")
N("phone", "My phone is dying, I'll text you later.")
N("phone", "I'm number 14 in the queue at the DMV.")
U("phone", "New phone number: 520-555-0199.", "phone", ["520-555-0199"])
U("phone", "my number changed, it's 520 555 0166 now", "phone", ["520-555-0166"])
U("phone", "User's phone number is now (602) 555-0142.", "phone", ["602-555-0142"])
U("phone", "Got a new cell, you can reach me at 520-555-0190.", "phone", ["520-555-0190"])
U("phone", "User changed their phone number to 520-555-0155.", "phone", ["520-555-0155"])
U("phone", "text me at 520-555-0107, old number's dead", "phone", ["520-555-0107"])

# ---------------------------------------------------------------- email
N("email", "Priya's email is priya.s@gmail.com.")
N("email", "Send the invoice to billing@bannerhealth.org.")
N("email", "The support address for Kiln is help@kilnapp.io.")
N("email", "I got a weird email from noreply@paypal-secure.com, is it a scam?")
N("email", "Can you draft an email to my landlord at rentals@sunsetprops.com?")
N("email", "My email is a mess, 4000 unread.")
N("email", "Contact on file (not the user): accountant J. Lee, jlee@taxpros.com.")
N("email", "Did you get my email?")
N("email", "Pasted from the flyer: 'Questions? Email events@tucsonrunners.org'")
N("email", "My email is still marta.k@fastmail.com, nothing changed.")
U("email", "My new email is marta@kowalski.dev.", "email", ["marta@kowalski.dev"])
U("email", "switched emails, use mk.physio@proton.me from now on", "email", ["mk.physio@proton.me"])
U(
    "email",
    "User's email address changed to marta.kowalski@outlook.com.",
    "email",
    ["marta.kowalski@outlook.com"],
)
U("email", "please update my email to mkowalski@arizona.edu", "email", ["mkowalski@arizona.edu"])
U("email", "new email: mkowalska@icloud.com", "email", ["mkowalska@icloud.com"])
U(
    "email",
    "My email is now marta.k@proton.me, the fastmail one is closed.",
    "email",
    ["marta.k@proton.me"],
)

# ---------------------------------------------------------------- name
N("name", "My sister's name is Ola.")
N("name", "I'm Theo's mom.")
N("name", "I'm Spartacus! lol, sorry, Priya made me watch the movie last night.")
N("name", "I'm exhausted today.")
N("name", "Call me crazy, but I think pineapple belongs on pizza.")
N("name", "Voicemail transcript: 'Hi, this is Karen from Dr. Patel's office, please call us back.'")
N("name", "Can you write a story where the main character is named Elena?")
N("name", "My username on the running forum is desertrunner88.")
N("name", "I'm Polish, by the way.")
N("name", "For reference, the user's manager is named Tom Becker.")
N("name", "I'm on it.")
N(
    "name",
    "Let's role-play: you're the recruiter and I'm a candidate named Alex applying for a nurse job.",  # noqa: E501
)
N("name", "Marta here again!")
N("name", "Fill in this form for me: Name: John Doe, Age: 50, City: Miami, Occupation: plumber.")
U("name", "I go by Mara now, I legally changed it last month.", "name", ["Mara"])
U("name", "User's name is Martina, not Marta — the earlier note was a typo.", "name", ["Martina"])
U("name", "actually please call me Kasia, that's my real name", "name", ["Kasia"])
U(
    "name",
    "My name's Marta Nowak now, I took back my maiden name after the divorce.",
    "name",
    ["Marta Nowak"],
    may=["relationship", "partner"],
)
U("name", "I legally changed my name to Maria.", "name", ["Maria"])

# ---------------------------------------------------------------- favourite
N("favorite", "Priya's favorite color is yellow.")
N("favorite", "Theo's favourite dinosaur is the stegosaurus.")
N("favorite", "What's your favorite color?")
N("favorite", "The whole clinic's favorite lunch spot is the taco truck on 4th Avenue.")
N("favorite", "Green was my favorite color as a kid.", ok=[("favorite:color", "green", True)])
N("favorite", "Name your favorite movie and I'll tell you mine.")
N("favorite", "Survey question 4: 'What is your favorite color?' Options: red, blue, green.")
N("favorite", "Observation: the user's son's favorite food is mac and cheese.")
N("favorite", "Teal is still my favorite color, no contest.")
U("favorite", "My favorite color is actually burgundy now.", "favorite:color", ["burgundy"])
U("favorite", "fav color these days is mustard yellow tbh", "favorite:color", ["mustard yellow"])
U("favorite", "User's favourite colour is now navy.", "favorite:color", ["navy"])
U("favorite", "my favourite movie is Arrival", "favorite:movie", ["Arrival"])
U("favorite", "Favorite band: Khruangbin.", "favorite:band", ["Khruangbin"])
U("favorite", "Favourite colour's changed to forest green!", "favorite:color", ["forest green"])
U("favorite", "User's favorite food is pierogi.", "favorite:food", ["pierogi"])
U("favorite", "my favorite season is fall", "favorite:season", ["fall", "autumn"])

# ---------------------------------------------------------------- project
N("project", "Priya is working on her dissertation.")
N("project", "I'm working on it, give me a minute.")
N("project", "I'm working on my patience lol.")
N("project", "I'm working on Saturday this week, ugh.")
N("project", "The IT team at Banner is working on a new patient portal.")
N("project", "Can you help me brainstorm names for a fitness app?")
N("project", "Kiln got mentioned in a newsletter today!")
N("project", "Theo is building a treehouse with his grandpa.")
N("project", "I might start a podcast someday.")
N("project", "Working late on Kiln again tonight.")
N("project", "I'm working on my backhand this season.")
U(
    "project",
    "I've shelved Kiln and I'm building a budgeting app called Ledgerly now.",
    "project",
    ["Ledgerly"],
)
U("project", "new side project: a recipe tracker called Mise, kiln is on ice", "project", ["Mise"])
U(
    "project",
    "User has stopped working on Kiln and is now working on a VR physio game called Stride.",
    "project",
    ["Stride"],
)
U("project", "these days i'm working on a novel, the app's done", "project", ["novel"])
U(
    "project",
    "Kiln is done! Now I'm working on a running-club site called Pace.",
    "project",
    ["Pace"],
)
U(
    "project",
    "User's current project is a physio exercise library called Reps.",
    "project",
    ["Reps"],
)

# ---------------------------------------------------------------- drinks
N("drinks", "Priya drinks way too much coffee.")
N("drinks", "I'm drinking from a firehose with this new charting system.")
N("drinks", "I could really use a beer right now.")
N("drinks", "The café near work only serves matcha.")
N("drinks", "Theo drinks chocolate milk every morning.")
N("drinks", "I used to drink a lot of soda in college.", ok=[("drinks", "soda", True)])
N("drinks", "Can you recommend a good wine for a dinner party?")
N("drinks", "Aside: the user's father drinks black coffee daily.")
N("drinks", "My smartwatch keeps telling me to drink more water.")
N("drinks", "Green tea is my go-to as always.", ok=[("favorite:drink", "green tea", False)])
U(
    "drinks",
    "I switched from green tea to black coffee.",
    "drinks",
    ["black coffee"],
    retire=["drinks"],
)
U("drinks", "gave up tea, it's all yerba mate now", "drinks", ["yerba mate"], retire=["drinks"])
U(
    "drinks",
    "User now drinks kombucha instead of green tea.",
    "drinks",
    ["kombucha"],
    retire=["drinks"],
)
U("drinks", "I also drink a glass of red wine most evenings.", "drinks", ["red wine"])
U(
    "drinks",
    "switched to decaf coffee, no more green tea for me",
    "drinks",
    ["decaf coffee"],
    retire=["drinks"],
)
U(
    "drinks",
    "I don't drink green tea anymore, it's rooibos now.",
    "drinks",
    ["rooibos"],
    retire=["drinks"],
)
U(
    "drinks",
    "I drink a protein shake after every workout now.",
    "drinks",
    ["protein shake", "protein shakes"],
)
