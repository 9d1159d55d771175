"""Held-out evaluation cases (round 21, second aside set) for the rules-based fact
extractor, written blind.

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
    "My name is Tomasz.",
    "I live in Leeds.",
    "I'm 29.",
    "I work as a data analyst.",
    "I work at Octopus Energy.",
    "I'm pescatarian.",
    "I'm engaged.",
    "My fiancée is Hana.",
    "I have a dog called Pepper.",
    "I have a daughter named Ada.",
    "I'm allergic to shellfish.",
    "I love climbing.",
    "I love board games.",
    "I hate olives.",
    "I'm studying at the Open University.",
    "My phone number is 07700 900123.",
    "My email is tomasz.w@proton.me.",
    "My favorite band is Radiohead.",
    "I'm working on a budgeting app called Ledgerly.",
    "I usually drink black coffee.",
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
    "school": ["OU", "the OU", "Open University"],
    "project": ["Ledgerly"],
    "pets": ["Pepper"],
    "favorite:band": ["Radiohead"],
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
    "favorite:band",
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
U(
    "home",
    "finally moved to bristol last weekend, boxes everywhere 📦 cant find a single fork",
    "home",
    ["Bristol"],
    may=["location"],
)
U(
    "home",
    "User relocated to Manchester in early November.",
    "home",
    ["Manchester"],
    may=["location"],
)
U(
    "home",
    "new address: 14 Chapel Row, York YO1 7HH. still getting used to the commute tbh",
    "home",
    ["York", "14 Chapel Row, York", "14 Chapel Row, York YO1 7HH"],
    may=["location"],
)
U(
    "home",
    "we got a place in sheffield!! got the keys friday and moved in on sunday, hana is already repainting the kitchen",  # noqa: E501
    "home",
    ["Sheffield"],
    may=["location"],
)
U(
    "home",
    "leeds → glasgow as of this month. new flat is tiny but the view 😍",
    "home",
    ["Glasgow"],
    may=["location"],
)
U("home", "home city: Edinburgh (moved 2 weeks ago)", "home", ["Edinburgh"], may=["location"])
U(
    "home",
    "The user's home is now in Brighton; they moved there from Leeds in mid-November.",
    "home",
    ["Brighton"],
    may=["location"],
)
U(
    "home",
    "ok so work has been mad, ada's got a cold, pepper ate a sock, and oh yeah we moved house to nottingham at the start of the month lol. anyway can u help me with a vlookup that keeps returning #N/A",  # noqa: E501
    "home",
    ["Nottingham"],
    may=["location"],
)
U("home", "livin in london now lol, rent is criminal 💸", "home", ["London"], may=["location"])
U(
    "home",
    "we relocated to cardiff for hanas job. mostly settled in now, still no curtains",
    "home",
    ["Cardiff"],
    may=["location"],
)
U(
    "home",
    "we left leeds for good. live in newcastle now.",
    "home",
    ["Newcastle", "Newcastle upon Tyne"],
    may=["location"],
)
U(
    "home",
    "moved back to kraków last month to be near my parents. the flat is in podgórze, 10 min from mum",  # noqa: E501
    "home",
    ["Kraków", "Krakow", "Cracow"],
    may=["location"],
)
U("home", "Update: user now resides in Dublin, Ireland.", "home", ["Dublin"], may=["location"])
U(
    "home",
    "just signed the lease + moved into a flat in liverpool 🎉 housewarming soon",
    "home",
    ["Liverpool"],
    may=["location"],
)
U(
    "home",
    "fyi i dont live in leeds anymore, been in oxford since the 3rd",
    "home",
    ["Oxford"],
    may=["location"],
)
U(
    "home",
    "Memory note — user moved house: Leeds → Bath (Nov 2026).",
    "home",
    ["Bath"],
    may=["location"],
)
U(
    "home",
    "been living in harrogate for about two weeks now. way quieter than leeds, ada loves the park",
    "home",
    ["Harrogate"],
    may=["location"],
)
U(
    "home",
    "we finally bought a house!! it's in york... wait no sorry, it's in ilkley, york was the one we got outbid on 😅 moved in last saturday",  # noqa: E501
    "home",
    ["Ilkley"],
    may=["location"],
)
U(
    "home",
    "move done ✅ — home is valencia now. still learning spanish lol",
    "home",
    ["Valencia"],
    may=["location"],
)
U(
    "home",
    "address change: we're now at 3 Marine Parade, Whitby. moved on the 8th",
    "home",
    ["Whitby", "3 Marine Parade, Whitby"],
    may=["location"],
)
N("home", "my brother just moved to bristol, helped him carry a sofa up 4 flights 😩")
N(
    "home",
    "we're thinking about moving to york at some point, maybe 2028? no rush. hana's job is here and ada likes her nursery so prob not soon. just daydreaming on rightmove tbh",  # noqa: E501
)
N("home", "if i lived in london id be broke in a week")
N("home", "Hana's parents live in Osaka.")
N("home", "should i move to manchester for the new role or stay put? pros/cons pls")
N(
    "home",
    "i grew up in gdańsk, came to the uk when i was 12",
    ok=[("home", "Gdańsk", True), ("home", "Gdansk", True)],
)
N("home", "write me a short story about a guy who moves to glasgow to open a bakery")
N("home", "Note: the user's colleague Priya relocated to Dublin last week.")
N(
    "home",
    "lived in sheffield for 5 yrs during uni, miss it sometimes",
    ok=[("home", "Sheffield", True)],
)
N("home", "our office is relocating to manchester next year but im staying remote from here")

# ---------------------------------------------------------------- age
U("age", "turned 30 yesterday 🎂 feel ancient", "age", ["30"])
U("age", "it's my 30th birthday today!!!", "age", ["30"])
U("age", "User is now 30 (birthday was Nov 15).", "age", ["30"])
U("age", "age: 30", "age", ["30"])
U(
    "age",
    "just had my birthday, the big three-oh 🥳 hana threw a surprise party and ada sang happy birthday",  # noqa: E501
    "age",
    ["30"],
)
U("age", "officially in my thirties as of saturday. 30 and thriving", "age", ["30"])
U("age", "correction: i'm actually 31, not 29 — that was a typo earlier", "age", ["31"])
U("age", "30 today. no cake bc work 🙃", "age", ["30"])
U("age", "had my bday last week, im 30 now", "age", ["30"])
U("age", "The user celebrated turning 30 on 12 November.", "age", ["30"])
U(
    "age",
    "my birthday was on tuesday — thirty! still getting id'd at tesco lol",
    "age",
    ["30", "thirty"],
)
U("age", "now that im 30 my car insurance quote went UP?? make it make sense", "age", ["30"])
N("age", "ada turned 3 on sunday!! 🎈")
N("age", "my dad is turning 60 next month, any gift ideas?")
N("age", "i feel about 80 after that climbing session 😂")
N("age", "when im 40 i want to own a boat")
N("age", "Hana is 28.")
N("age", "we've been together 6 years next month, wild")
N("age", "ran a 30k yesterday, legs are dead")

# ---------------------------------------------------------------- job
U("job", "got promoted to senior data analyst!! 🥳", "job", ["senior data analyst"])
U("job", "switched careers — i'm a ux designer now", "job", ["UX designer"])
U(
    "job",
    "The user now works as a data engineer (moved over from analytics in November).",
    "job",
    ["data engineer"],
)
U("job", "job title: Analytics Manager", "job", ["analytics manager"])
U("job", "new role started last monday: product analyst", "job", ["product analyst"])
U(
    "job",
    "im a software developer now, did the bootcamp and everything",
    "job",
    ["software developer"],
)
U("job", "promotion came thru!! i'm lead analyst on the team now", "job", ["lead analyst"])
U(
    "job",
    "left analytics entirely. i teach maths at a secondary school now",
    "job",
    [
        "maths teacher",
        "math teacher",
        "teacher",
        "secondary school maths teacher",
        "secondary school teacher",
    ],
    may=["employer"],
)
U(
    "job",
    "quit my job at octopus to be a full-time climbing instructor 🧗",
    "job",
    ["climbing instructor", "full-time climbing instructor"],
    retire=["job", "employer"],
)
U(
    "job",
    "After the restructure the user's title changed to Business Intelligence Analyst.",
    "job",
    ["business intelligence analyst", "BI analyst"],
)
U(
    "job",
    "work update: i'm a data scientist now (same company, diff team)",
    "job",
    ["data scientist"],
)
U(
    "job",
    "retrained as a nurse, finished placement and started on the ward last week",
    "job",
    ["nurse"],
    may=["employer"],
)
U("job", "got the head of data role 😳 imposter syndrome kicking in hard", "job", ["head of data"])
U(
    "job",
    "Occupation updated: machine learning engineer.",
    "job",
    ["machine learning engineer", "ML engineer"],
)
U(
    "job",
    "career change done: im a freelance photographer now",
    "job",
    ["freelance photographer", "photographer"],
    may=["employer"],
)
U("job", "they bumped me up to principal analyst at the review 🎉", "job", ["principal analyst"])
U(
    "job",
    "i work as an electrician now, apprenticeship finished",
    "job",
    ["electrician"],
    may=["employer"],
)
U("job", "now a product manager — moved from data into product", "job", ["product manager"])
N("job", "hana just got promoted to senior nurse 🎉 so proud of her")
N("job", "thinking of retraining as a nurse tbh, thoughts?")
N("job", "my manager got promoted to director")
N("job", "if i were a chef id never cook at home")
N("job", "help me write a job ad for a senior data analyst")
N(
    "job",
    "so my manager pulled me aside today and asked if i'd consider a team lead role next year. i said i'd think about it. not sure i want more meetings tbh",  # noqa: E501
)
N("job", "i'm basically a full-time taxi driver for ada at this point lol")

# ---------------------------------------------------------------- employer
U("employer", "joined monzo this week as an analyst 🙌", "employer", ["Monzo"], may=["job"])
U("employer", "The user's new employer is the NHS.", "employer", ["NHS"])
U(
    "employer",
    "employer: Sky Betting & Gaming",
    "employer",
    ["Sky Betting & Gaming", "Sky Betting and Gaming", "Sky Betting"],
)
U(
    "employer",
    "onboarding at asda HQ all week, so many laptops and lanyards",
    "employer",
    ["Asda", "Asda HQ"],
)
U("employer", "got hired by the BBC!!! start date was monday", "employer", ["BBC"])
U(
    "employer",
    "left octopus, i'm at ovo energy now lol same industry diff logo",
    "employer",
    ["OVO Energy", "OVO"],
)
U("employer", "i work for the council now — leeds city council", "employer", ["Leeds City Council"])
U("employer", "first week at deliveroo done ✅", "employer", ["Deliveroo"])
U("employer", "User changed jobs: now employed by Jet2.", "employer", ["Jet2"], may=["job"])
R("employer", "laid off from octopus last friday 😞 job hunting now", ["employer"], may=["job"])
R("employer", "octopus made me redundant on monday, whole team gone", ["employer"], may=["job"])
R(
    "employer",
    "handed in my notice at octopus, last day was yesterday. taking a month off before anything else",  # noqa: E501
    ["employer"],
    may=["job"],
)
U(
    "employer",
    "accepted the offer from google 🎉 started on the 10th. commute is longer but the canteen is unreal and my team seems nice so far. can you help me set up a 30/60/90 plan?",  # noqa: E501
    "employer",
    ["Google"],
)
U("employer", "I'm at Arup now. Been there 3 weeks.", "employer", ["Arup"])
U("employer", "work at a startup now called fernly, tiny team of 8", "employer", ["Fernly"])
U("employer", "got poached by experian 😅 started there last week", "employer", ["Experian"])
R("employer", "Octopus let me go. Now I freelance.", ["employer"], may=["job"])
U("employer", "contract signed, day one at channel 4 was today", "employer", ["Channel 4"])
N("employer", "octopus is hiring like crazy rn, my team doubled")
N("employer", "hana got a job at the BBC!!")
N("employer", "had an interview at monzo today, fingers crossed 🤞")
N("employer", "if google offered me a job id take it in a heartbeat")
N("employer", "my mate got laid off from asda, feel awful for him")
N("employer", "should i apply to deliveroo? the salary is way better")
N("employer", "Octopus acquired a smaller energy supplier last week.")

# ---------------------------------------------------------------- diet
U("diet", "went vegan at the start of the month 🌱", "diet", ["vegan"])
U("diet", "The user now follows a keto diet.", "diet", ["keto", "ketogenic"])
U("diet", "diet: vegetarian (stopped eating fish in nov)", "diet", ["vegetarian"])
R("diet", "started eating meat again, the pescatarian thing wasnt working for me", ["diet"])
U(
    "diet",
    "im fully plant based now, no fish no dairy no eggs",
    "diet",
    ["plant-based", "plant based", "vegan"],
)
U("diet", "dropped fish too, so i'm vegetarian now", "diet", ["vegetarian"])
U("diet", "doing paleo these days, doc's idea", "diet", ["paleo"])
R("diet", "no more pescatarian for me — back to eating everything", ["diet"])
U(
    "diet",
    "long day. meetings 9 till 5, then ada's swimming lesson, then i forgot to defrost anything lol. good thing i've been strictly vegan for three weeks now so dinner was just chickpeas and rice. can you suggest a quick curry?",  # noqa: E501
    "diet",
    ["vegan"],
)
U(
    "diet",
    "User's dietary preference changed from pescatarian to vegetarian.",
    "diet",
    ["vegetarian"],
)
R("diet", "ok confession: i eat chicken now. hana's bbq broke me 😂", ["diet"])
U("diet", "went keto two weeks ago, steak and eggs every day 🥩", "diet", ["keto", "ketogenic"])
N("diet", "hana went vegan this month, so dinners are interesting")
N("diet", "should i try keto? everyone at work is on it")
N("diet", "a vegan, a crossfitter and an atheist walk into a bar…")
N("diet", "i might go vegetarian in january, we'll see")
N("diet", "can you give me a keto meal plan for my dad")
N("diet", "im not going vegan, don't worry lol", ok=[("diet", "vegan", True)])

# ---------------------------------------------------------------- relationship
U("relationship", "hana and i got married on saturday!!! 💍", "relationship", ["married"])
U(
    "relationship",
    "The user is now married to Hana (wedding on 8 Nov).",
    "relationship",
    ["married"],
)
U("relationship", "relationship status: married", "relationship", ["married"])
U(
    "relationship",
    "we tied the knot last weekend, small ceremony, just family",
    "relationship",
    ["married"],
)
R("relationship", "me n hana broke up. it's been a rough couple weeks", ["relationship", "partner"])
U(
    "relationship",
    "we called off the engagement and split up. i'm single now",
    "relationship",
    ["single"],
    retire=["relationship", "partner"],
)
R("relationship", "hana and i separated last month", ["relationship", "partner"])
R(
    "relationship",
    "User and Hana ended their engagement and are no longer together.",
    ["relationship", "partner"],
)
U(
    "relationship",
    "im seeing someone new — her name's zofia. hana and i split in october",
    "partner",
    ["Zofia"],
    retire=["partner", "relationship"],
)
U(
    "relationship",
    "my wife hana says hi 👋 (still weird saying wife! wedding was last week)",
    "relationship",
    ["married"],
)
R("relationship", "it's over with hana. she moved out on sunday.", ["relationship", "partner"])
U("relationship", "partner: Zofia (since early Nov)", "partner", ["Zofia"], may=["relationship"])
U(
    "relationship",
    "got married at the registry office on the 14th, just us and two witnesses 🥂",
    "relationship",
    ["married"],
)
U("relationship", "hana's my wife now! married last friday", "relationship", ["married"])
U(
    "relationship",
    "single again 🙃 hana ended things",
    "relationship",
    ["single"],
    retire=["relationship", "partner"],
)
U("relationship", "we eloped!! married in vegas on tuesday 😂", "relationship", ["married"])
N("relationship", "my sister just got engaged 💍")
N("relationship", "hana and i had a massive fight about the wedding venue lol")
N("relationship", "what if we just eloped? would that be terrible?")
N("relationship", "my parents are getting divorced after 30 years")
N("relationship", "write a wedding toast for my best mate's wedding")
N("relationship", "hana's ex just got married, she's weirdly upset about it")
N("relationship", "'til death do us part' — why is that in every vow?")

# ---------------------------------------------------------------- pets
U("pets", "we adopted a cat! her name is mochi 🐱", "pets", ["Mochi"])
U("pets", "new puppy alert 🐶 meet biscuit", "pets", ["Biscuit"])
R("pets", "pepper passed away this morning. 14 good years 💔", ["pets"])
U("pets", "User adopted a rescue greyhound named Bolt.", "pets", ["Bolt"])
U("pets", "got two rabbits, salt and vinegar 🐰", "pets", ["Salt", "Vinegar"])
R("pets", "we had to put pepper to sleep on monday. house is so quiet", ["pets"])
U("pets", "pets: Pepper (dog), Nori (cat, adopted Nov 2026)", "pets", ["Nori"])
U("pets", "say hi to kiwi, the parakeet we brought home yesterday", "pets", ["Kiwi"])
R("pets", "lost pepper last week, he got hit by a car. cant really talk about it", ["pets"])
R("pets", "rehomed pepper with my parents, he's happier with their big garden", ["pets"])
R("pets", "The user's dog Pepper died in November.", ["pets"])
U("pets", "we got a kitten!!! tiny grey thing called smudge", "pets", ["Smudge"])
U("pets", "hana surprised me with a tortoise — he's called gerald 🐢", "pets", ["Gerald"])
R("pets", "RIP pepper 🐾 best boy ever. buried him under the apple tree", ["pets"])
U("pets", "fostering turned into adopting — luna's officially ours now 🐕", "pets", ["Luna"])
U("pets", "added a second dog to the chaos: maple, a collie pup", "pets", ["Maple"])
N("pets", "my neighbour got a new puppy and it barks all night")
N("pets", "we're thinking about getting a cat but hana's allergic")
N("pets", "pepper stole a whole sausage off the counter 😂")
N("pets", "my parents' dog died last week, mum's gutted")
N("pets", "if i had a pet snake id call it hiss")
N("pets", "can you suggest names for a golden retriever puppy?")

# ---------------------------------------------------------------- children
U("children", "we had a baby!!! leo, born tuesday, 3.4kg 👶", "children", ["Leo"])
U(
    "children",
    "User's second child, a son named Felix, was born on 9 November.",
    "children",
    ["Felix"],
)
U("children", "ada's a big sister now 🥹 welcome to the world, rosa", "children", ["Rosa"])
U("children", "kids: Ada (3), Oskar (newborn)", "children", ["Oskar"])
U(
    "children",
    "baby number two arrived early — a little girl, we named her mila",
    "children",
    ["Mila"],
)
U(
    "children",
    "we adopted a 6 yr old boy, sam. officially ours as of friday 💛",
    "children",
    ["Sam"],
)
U("children", "hana gave birth to our son jan at 4am!! no sleep but so happy", "children", ["Jan"])
U("children", "welcomed twins last week!!! nina and kuba 😭😭", "children", ["Nina", "Kuba"])
U("children", "new dad (again) reporting in — theo was born monday", "children", ["Theo"])
U(
    "children",
    "User became a father for the second time; the baby's name is Iga.",
    "children",
    ["Iga"],
)
N("children", "my sister had her baby, a girl called zoe!")
N("children", "we're trying for a second kid")
N("children", "what should we name the baby if it's a boy?")
N("children", "ada had her first day at nursery 🎒")
N("children", "hana's pregnant!! due in may")
N("children", "my coworker just adopted a little boy")

# ---------------------------------------------------------------- allergies
U(
    "allergies",
    "turns out im allergic to penicillin, found out the hard way 😵",
    "allergies",
    ["penicillin"],
)
U("allergies", "User developed a hay fever allergy (pollen).", "allergies", ["pollen", "hay fever"])
U("allergies", "allergies: shellfish, latex (new)", "allergies", ["latex"])
U(
    "allergies",
    "doc confirmed a peanut allergy. epipen and everything now",
    "allergies",
    ["peanut", "peanuts"],
)
U(
    "allergies",
    "did the allergy test — i'm allergic to cats apparently. pepper's fine thank god",
    "allergies",
    ["cats", "cat"],
)
R("allergies", "outgrew the shellfish allergy?? allergist cleared me yesterday 🦐", ["allergies"])
U(
    "allergies",
    "new allergy just dropped: kiwi fruit. mouth went all tingly",
    "allergies",
    ["kiwi", "kiwi fruit", "kiwis"],
)
R(
    "allergies",
    "User is no longer allergic to shellfish per the latest allergy test.",
    ["allergies"],
)
U(
    "allergies",
    "apparently i'm allergic to ibuprofen now. rash all over",
    "allergies",
    ["ibuprofen"],
)
U(
    "allergies",
    "bee stings — i'm allergic, found out on saturday. swelled up like a balloon",
    "allergies",
    ["bee stings", "bee sting", "bees"],
)
N("allergies", "ada's allergic to eggs, any egg-free cake recipes?")
N("allergies", "hana thinks she might be allergic to our new detergent")
N("allergies", "i'm allergic to mondays lol")
N("allergies", "is it possible to develop a shellfish allergy as an adult?")
N("allergies", "we're getting ada tested for a nut allergy next week")

# ---------------------------------------------------------------- likes
U(
    "likes",
    "got really into pottery lately, doing a wheel class every thursday and i love it",
    "likes",
    ["pottery"],
)
U("likes", "User enjoys running now; signed up for a half marathon.", "likes", ["running"])
U(
    "likes",
    "likes: climbing, board games, sourdough baking",
    "likes",
    ["sourdough baking", "sourdough", "baking"],
)
U("likes", "new obsession: chess 😅 playing like 10 games a day", "likes", ["chess"])
U("likes", "i'm really into birdwatching now, who knew", "likes", ["birdwatching"])
U("likes", "i love wild swimming, went in the lake at 6am today 🥶", "likes", ["wild swimming"])
R("likes", "kinda done with board games tbh, they bore me now", ["likes"], may=["dislikes"])
R("likes", "gave up climbing after my shoulder surgery, don't really enjoy it anymore", ["likes"])
U(
    "likes",
    "been loving cycling since i got the new bike, did 40 miles on sunday and hana thinks ive joined a cult 🚴 whats a good beginner route round the dales?",  # noqa: E501
    "likes",
    ["cycling"],
)
U(
    "likes",
    "Hobby update: the user has taken up woodworking and loves it.",
    "likes",
    ["woodworking"],
)
U("likes", "i adore jazz now. hana got me into it", "likes", ["jazz"])
R("likes", "not into climbing anymore. cancelled the bouldering gym membership.", ["likes"])
U("likes", "i've fallen in love with surfing 🏄 going every weekend now", "likes", ["surfing"])
U("likes", "crochet!!! i'm hooked (pun intended). made 3 hats this week", "likes", ["crochet"])
N("likes", "hana loves pottery, she's been doing it for years")
N("likes", "id love a coffee right now")
N("likes", "id love to try surfing one day")
N("likes", "do you think i'd like chess?")
N("likes", "everyone at work loves padel, i dont get it")
N("likes", "love how the bus was 40 mins late again 🙄")

# ---------------------------------------------------------------- dislikes
U(
    "dislikes",
    "i can't stand running, tried it for a month and hated every second",
    "dislikes",
    ["running"],
)
U("dislikes", "User dislikes podcasts.", "dislikes", ["podcasts"])
U("dislikes", "mushrooms are disgusting, i hate them", "dislikes", ["mushrooms"])
R("dislikes", "olives actually grew on me, i like them now!", ["dislikes"], may=["likes"])
U("dislikes", "hate karaoke. never again after friday", "dislikes", ["karaoke"])
R("dislikes", "i've come around on olives, eat them every day now 🫒", ["dislikes"])
N("dislikes", "hana hates olives too, it's one of the reasons we work")
N("dislikes", "my boss hates meetings")
N("dislikes", "i hate that i forgot my keys again")

# ---------------------------------------------------------------- school
U(
    "school",
    "transferred to the university of leeds for my masters",
    "school",
    ["University of Leeds", "Leeds University"],
)
U(
    "school",
    "enrolled at leeds beckett for a part-time MSc (done with the OU), started last week",
    "school",
    ["Leeds Beckett", "Leeds Beckett University"],
)
R("school", "User graduated from the Open University in November.", ["school"])
R("school", "finished my OU degree!!! 🎓 first class", ["school"])
U("school", "school: University of York (MSc Data Science)", "school", ["University of York"])
U(
    "school",
    "i study at imperial now, switched over from the OU",
    "school",
    ["Imperial", "Imperial College", "Imperial College London"],
)
R("school", "dropped out of the open university, too much with work + ada", ["school"])
U(
    "school",
    "left the OU and started my phd at manchester uni this month, first supervisor meeting went ok",
    "school",
    ["University of Manchester", "Manchester uni", "Manchester University", "Manchester"],
)
U(
    "school",
    "The user is now a student at Durham University.",
    "school",
    ["Durham University", "Durham"],
)
R("school", "quit my course at the OU. not for me.", ["school"])
U(
    "school",
    "got my acceptance and enrolled at the university of edinburgh — lectures already started",
    "school",
    ["University of Edinburgh", "Edinburgh University"],
)
U("school", "transferred my credits over to birkbeck, studying there now", "school", ["Birkbeck"])
N("school", "ada starts at st mary's primary next september")
N("school", "hana's doing a masters at leeds uni")
N("school", "should i do a phd? genuinely asking")
N("school", "i went to school in kraków as a kid")
N("school", "if id gone to oxford id probably be insufferable")

# ---------------------------------------------------------------- phone
U("phone", "new number: 07700 900456", "phone", ["07700 900456"])
U("phone", "The user's phone number changed to +44 7700 900789.", "phone", ["+44 7700 900789"])
U("phone", "phone: 07911 123456", "phone", ["07911 123456"])
U("phone", "changed my number, it's 07700900321 now. old one is dead", "phone", ["07700900321"])
U("phone", "got a new sim so my mobile is 07723 555010 from today", "phone", ["07723 555010"])
U("phone", "text me on 07400 123987 from now on, the old number's gone", "phone", ["07400 123987"])
U("phone", "my number is now 07555 012345 btw", "phone", ["07555 012345"])
U(
    "phone",
    "User updated their contact number: 0113 496 0000 (primary).",
    "phone",
    ["0113 496 0000"],
)
U(
    "phone",
    "switched networks and lost my number 🙄 new one: 07890 654321",
    "phone",
    ["07890 654321"],
)
U("phone", "pls update my phone — 07123 456789", "phone", ["07123 456789"])
N("phone", "hana's new number is 07700 900999")
N("phone", "call the dentist on 0113 496 0123 for me? jk you can't")
N("phone", "what's the emergency number in spain?")
N("phone", "the plumber's number: 07700 900222")

# ---------------------------------------------------------------- email
U("email", "new email: tomasz.wisniewski@gmail.com", "email", ["tomasz.wisniewski@gmail.com"])
U("email", "The user's email address is now t.wis@outlook.com.", "email", ["t.wis@outlook.com"])
U(
    "email",
    "changed my email to tomasz@ledgerly.app — the proton one is going away",
    "email",
    ["tomasz@ledgerly.app"],
)
U("email", "email: tw.data@fastmail.com", "email", ["tw.data@fastmail.com"])
U(
    "email",
    "pls use tomek.w@icloud.com from now on, i deleted the proton account",
    "email",
    ["tomek.w@icloud.com"],
)
U("email", "switched email providers, i'm tomasz.w@hey.com now", "email", ["tomasz.w@hey.com"])
U("email", "contact email updated → tomasz.w92@gmail.com", "email", ["tomasz.w92@gmail.com"])
U(
    "email",
    "my new address is tomasz.w@posteo.de (email, not home lol)",
    "email",
    ["tomasz.w@posteo.de"],
)
U("email", "User changed email to wisniewski.t@yahoo.co.uk.", "email", ["wisniewski.t@yahoo.co.uk"])
U(
    "email",
    "for personal stuff it's tomasz.nowak@proton.me now, the old one's retired",
    "email",
    ["tomasz.nowak@proton.me"],
)
N("email", "hana's email is hana.k@gmail.com")
N("email", "can you draft an email to hr@octopus.energy about my leave?")
N("email", "forward this to support@monzo.com pls")
N("email", "should i make a new email? mine gets so much spam")

# ---------------------------------------------------------------- favorite
U("favorite", "new favourite band: wet leg. sorry radiohead", "favorite:band", ["Wet Leg"])
U(
    "favorite",
    "my favorite band is fontaines d.c. now, saw them live last week 🤘",
    "favorite:band",
    ["Fontaines D.C.", "Fontaines DC"],
)
U("favorite", "The user's favourite band is now Idles.", "favorite:band", ["Idles"])
U("favorite", "fav band these days? boygenius, no contest", "favorite:band", ["boygenius"])
U("favorite", "favorite food: pierogi", "favorite:food", ["pierogi"])
U(
    "favorite",
    "my new favourite film is past lives, cried twice",
    "favorite:film",
    ["Past Lives"],
    alt=[("favorite:movie", ["Past Lives"], False)],
)
U(
    "favorite",
    "my favourite colour is green",
    "favorite:color",
    ["green"],
    retire=[],
    alt=[("favorite:colour", ["green"], False)],
)
U("favorite", "User's favorite book is now 'Piranesi'.", "favorite:book", ["Piranesi"])
U("favorite", "radiohead who? big thief is my favourite band now", "favorite:band", ["Big Thief"])
U(
    "favorite",
    "my fave band changed — it's the smile now (yes i know, radiohead-adjacent)",
    "favorite:band",
    ["The Smile", "Smile"],
)
U("favorite", "favourite city: Lisbon", "favorite:city", ["Lisbon"])
U(
    "favorite",
    "my favourite podcast is now the rest is history",
    "favorite:podcast",
    ["The Rest Is History"],
)
N("favorite", "hana's favourite band is abba lol")
N("favorite", "what's your favourite band? 😄")
N("favorite", "radiohead are touring next year!!")
N("favorite", "if i had to pick a favourite child… jk")
N("favorite", "Ada's favourite colour is purple.")

# ---------------------------------------------------------------- project
U(
    "project",
    "shipped ledgerly 1.0!! 🚀 now starting on a habit tracker called streakly",
    "project",
    ["Streakly"],
)
R("project", "abandoned ledgerly, not enough time", ["project"])
U(
    "project",
    "The user's current project is a climbing-route logger named Cragbook.",
    "project",
    ["Cragbook"],
)
U("project", "project: Tidepool (tide-times app). ledgerly is on ice", "project", ["Tidepool"])
U("project", "killed ledgerly. working on a recipe app called pantry now", "project", ["Pantry"])
U(
    "project",
    "ledgerly's done and handed off. new side project is a discord bot, dicebot",
    "project",
    ["Dicebot"],
)
R("project", "User archived the Ledgerly project.", ["project"])
U("project", "my current project is a board game i'm designing, hexfall", "project", ["Hexfall"])
R("project", "stopped working on ledgerly, sold it to a guy on indie hackers lol", ["project"])
U(
    "project",
    "all my evenings go into sprout now (plant watering app), ledgerly's shelved",
    "project",
    ["Sprout"],
)
R("project", "gave up on the budgeting app. it was never gonna work", ["project"])
U(
    "project",
    "switched projects: building tally, a kids' chore tracker, instead of ledgerly",
    "project",
    ["Tally"],
)
N("project", "hana is working on a novel, she's 40k words in")
N("project", "should i abandon ledgerly? be honest")
N("project", "ledgerly hit 100 users today 🎉")
N("project", "my friend built an app called streakly, it's pretty good")
N("project", "i might start a podcast someday")

# ---------------------------------------------------------------- drinks
U(
    "drinks",
    "switched from coffee to matcha, no more jitters 🍵",
    "drinks",
    ["matcha"],
    retire=["drinks"],
)
R("drinks", "quit coffee completely, 3 weeks caffeine free", ["drinks"])
U(
    "drinks",
    "User now drinks oat milk lattes instead of black coffee.",
    "drinks",
    ["oat milk lattes", "oat milk latte", "oat lattes"],
    retire=["drinks"],
)
U("drinks", "i drink kombucha every day now lol", "drinks", ["kombucha"])
U("drinks", "drinks: black coffee, yerba mate (new)", "drinks", ["yerba mate"])
U(
    "drinks",
    "off coffee on doctor's orders, herbal tea only now",
    "drinks",
    ["herbal tea"],
    retire=["drinks"],
)
N("drinks", "hana drinks way too much coffee")
N("drinks", "should i cut down on coffee?")
N("drinks", "had one too many pints last night 🍺")

# ---------------------------------------------------------------- name
U(
    "name",
    "heads up: i legally changed my name to tom, deed poll went through last week",
    "name",
    ["Tom"],
)
N("name", "my name's on the lease now too")
N("name", "hana wants to name the dog 'tomasz jr' lol")
N("name", "call me the spreadsheet king 👑")
