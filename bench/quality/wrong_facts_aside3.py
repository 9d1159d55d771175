"""Held-out evaluation cases (round 22, third aside set) for the rules-based fact
extractor, written blind.

Every case seeds the same persona (SEEDS, one remember() call each, observed
2026-05-04T09:00:00Z) into a fresh collection, then remembers ONE statement
observed 2026-08-17T09:00:00Z.

Persona: Beatriz "Bea", 31, a UX designer and mother of one living in Quezon City
(Metro Manila), married to Paolo, studying part-time at UP Open University.

Case kinds
  N(...)  "no change": no seed fact may be retired and no keyed user fact with a
          value the statement does not assert may be stored.  `ok` lists extra
          (attribute, value, negated) facts that are true and acceptable.
  U(...)  "update ATTR=VALUE": a keyed user fact for ATTR whose value matches one
          of `vals` must be stored.  For single-valued attributes that have a seed
          (SINGLE) the seed fact for ATTR must also be retired (retire defaults
          accordingly); for multi-valued attributes (pets, children, allergies,
          likes, dislikes, drinks, project) and for favourite keys with no seed it
          is an addition and nothing must be retired.  `alt` gives other
          acceptable (attr, vals, negated) encodings.  `may` lists seed attributes
          whose retirement is also acceptable.
  R(...)  "update" whose only required effect is retiring the seed for ATTR(s).
"""

SEED_TIME = "2026-05-04T09:00:00Z"
TEST_TIME = "2026-08-17T09:00:00Z"

SEEDS = [
    "My name is Beatriz.",
    "I live in Quezon City.",
    "I'm 31.",
    "I work as a UX designer.",
    "I work at Globe Telecom.",
    "I'm vegetarian.",
    "I'm married.",
    "My husband is Paolo.",
    "I have a cat named Mochi.",
    "I have a son named Gabriel.",
    "I'm allergic to peanuts.",
    "I love karaoke.",
    "I love hiking.",
    "I hate durian.",
    "I'm studying at UP Open University.",
    "My phone number is 0917 555 0142.",
    "My email is bea.santos@yahoo.com.",
    "My favorite band is Ben&Ben.",
    "I'm working on a picture book called Munting Bituin.",
    "I usually drink iced coffee.",
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
    "name": ["Bea", "Beatriz"],
    "home": ["QC", "Quezon City", "Quezon City, Metro Manila"],
    "employer": ["Globe", "Globe Telecom", "Globe Telecom Inc"],
    "partner": ["Paolo"],
    "school": [
        "UPOU",
        "UP Open University",
        "University of the Philippines Open University",
    ],
    "pets": ["Mochi"],
    "children": ["Gabriel", "Gabby"],
    "project": ["Munting Bituin"],
    "drinks": ["iced coffee"],
    "favorite:band": ["Ben&Ben", "Ben and Ben"],
}

# single-valued attributes that have a seed: a new value replaces the old one
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


def R(fam, text, attrs, may=()):
    CASES.append(
        dict(
            id=_id(fam),
            family=fam,
            kind="update",
            text=text,
            expect=[],
            retire=list(attrs),
            may=list(may),
        )
    )


# ---------------------------------------------------------------------------
# "no change" cases
# ---------------------------------------------------------------------------

# home / location
N("home", "my sister Carla just moved to Cebu, so jealous")
N(
    "home",
    "we were supposed to move to Makati this month but the condo deal fell through "
    "so we're staying put",
)
N("home", "should we move to Alabang? the schools there look better for gabby")
N(
    "home",
    "I'm in Singapore until Thursday for a conference, the hotel wifi is terrible",
    ok=[("location", "Singapore", False)],
)
N("home", "used to live in Baguio back in college, miss the cold weather")
N("home", "if I lived in Tokyo I'd eat ramen every single day lol")
N("home", "Paolo's parents live in Pampanga, we visit them every other weekend")
N("home", "QC traffic today was unreal, 2 hours from Cubao to Katipunan")
N("home", "can you look up condo prices in BGC? just curious what they're like these days")
N(
    "home",
    "I don't ever want to live in Manila proper again, way too loud",
    ok=[("home", "Manila", True)],
)
N("home", "From the brochure: 'Welcome home to Nuvali, Santa Rosa — where families grow.'")
N("home", "my best friend Jen lives in Davao now and keeps telling me to visit")
N("home", "we've been house-hunting in Antipolo but honestly nothing yet")
N("home", "maybe someday we'll move to Canada, Paolo's cousin is in Winnipeg")

# employer
N("employer", "Paolo got an offer from Accenture!! so proud of him")
N("employer", "I almost took a job at Canva last year but ended up turning it down")
N("employer", "interview with Shopee on friday, wish me luck 🤞")
N("employer", "Globe's stock dropped again today, the group chat is panicking")
N("employer", "I'd never work for a bank, way too stuffy for me")
N("employer", "my client this sprint is Jollibee, we're redesigning their app checkout")
N(
    "employer",
    "Forwarding a job post: 'Grab is hiring a Lead Product Designer in Taguig. Apply by Aug 30.'",
)
N("employer", "if I ever quit Globe I'd open a little milk tea shop")
N("employer", "my old boss moved to Smart Communications, small world")
N("employer", "rumor is Globe might get acquired, no idea if it's true")
N("employer", "my brother works at Jollibee HQ, he brings home chickenjoy every friday")
N("employer", "ugh the Globe app is down again, as a Globe employee this is embarrassing haha")

# job
N("job", "my mom still wants me to be a doctor like her, not happening")
N("job", "I'm basically the office therapist at this point 😂")
N("job", "Paolo was promoted to senior engineer!")
N("job", "our intern asked me how to become a UX designer so I gave her some tips")
N("job", "in another life I'd be a pastry chef")
N("job", "I applied for the design lead role but they gave it to someone else")
N(
    "job",
    "pretend you're a hiring manager and I'm applying to be a pilot, ask me questions",
)
N("job", "felt like a full-time caterer this weekend, cooked for 20 people")

# age
N("age", "gabby turns 6 next week! planning a dinosaur party")
N("age", "my back feels like it's 80 years old today")
N("age", "I've got 32 unread emails and it's only 9am")
N("age", "it's 34 degrees in QC right now, I'm melting")
N("age", "imagine being 21 again with no bills lol")
N("age", "waited 45 minutes for a grab, ridiculous")
N("age", "my mom just turned 60! we took her to Tagaytay")
N("age", "day 40 of my duolingo japanese streak 🔥")
N("age", "Paolo is 34 but acts like he's 12 sometimes haha")
N("age", "our unit is 31B, tell the courier please")
N("age", "Mochi is 7 now, she's slowing down a bit")
N("age", "the form says you have to be 18 or older, I just ticked the box")

# relationship / partner
N("relationship", "my friend Jen just got engaged!! 💍")
N("relationship", "I'm married to my job this month honestly")
N("relationship", "Paolo and I had a huge fight about the dishes but we're fine now")
N("relationship", "my cousin is getting her marriage annulled, it's messy")
N("relationship", "pretend you're my boyfriend named Carlo and plan a date night for us")
N("relationship", "watching a kdrama where the lead leaves her husband in ep 1 lol")
N("relationship", "Paolo's ex texted him happy birthday, kinda weird")
N("relationship", "if I were single I'd probably travel solo more")
N("relationship", "our 7th wedding anniversary is next month, any gift ideas?")
N("relationship", "my officemate is dating someone named Migs, he seems nice")
N("relationship", "marriage is hard work sometimes, anyone who says otherwise is lying")

# diet
N("diet", "Paolo is trying keto this month, so I'm cooking two dinners every night")
N("diet", "thinking about going vegan but not sure I could give up cheese")
N("diet", "made chicken adobo for the kids' party, didn't eat any myself of course")
N("diet", "lechon at the reunion smelled amazing ngl")
N("diet", "team lunch was at a steakhouse, I just had the sides lol")
N("diet", "my sister went pescatarian for lent")
N("diet", "carnivore diet videos keep showing up in my feed, no thanks")
N("diet", "my doctor says I should eat more protein, any plant-based ideas?")

# pets
N("pets", "my neighbor's dog Bruno has been barking all night")
N("pets", "we almost adopted a puppy but our building doesn't allow dogs")
N("pets", "Mochi knocked my coffee off the table again 😾")
N("pets", "my sister got a corgi named Butter, he's so chonky")
N("pets", "I'm not getting another cat, one Mochi is enough chaos")
N("pets", "gabby keeps begging for a hamster, we said maybe when he's older")
N("pets", "saw a stray dog outside the office and gave it some bread")
N("pets", "Mochi's vet appointment is on the 22nd")
N("pets", "my mom's parrot can say 'hello Bea' now lol")

# children
N("children", "my niece Ella is staying with us for the summer")
N("children", "babysat the neighbors' twins last night, I'm exhausted")
N("children", "we're not planning on having a second kid, one is plenty")
N("children", "my best friend just had a baby girl named Amara!")
N("children", "Paolo's brother and his wife are expecting in december")
N("children", "gabby's classmate Noah came over for a playdate")
N("children", "I'm the godmother of my cousin's son Eli, his christening was sunday")
N("children", "if we ever had a daughter I'd name her Luna")

# phone
N("phone", "can you save the pediatrician's number? 0917 888 2301")
N("phone", "Paolo's new number is 0918 222 3344")
N("phone", "my phone's at 5% and I forgot my charger")
N("phone", "call the Globe hotline at 211 if your sim stops working")
N("phone", "got a weird text from 0999 123 4567 saying I won a raffle, scam right?")
N("phone", "should I switch to a Smart sim? the signal at home is bad")
N("phone", "the courier's number is +63 945 678 1234, please text him our address")
N("phone", "someone keeps calling me from 02 8123 4567, should I pick up?")

# email
N("email", "send the invoice to billing@printhaus.ph")
N("email", "Paolo's work email is paolo.santos@accenture.com")
N("email", "got a phishing email from support@globe-secure-login.net, reported it")
N("email", "should I make a separate email for my freelance stuff?")
N("email", "the school's email is registrar@stmarysqc.edu.ph")
N(
    "email",
    "here's the vendor's signature: 'Rina Cruz | rina@lumen.studio | +63 917 222 1111'",
)
N("email", "my yahoo inbox has 4,000 unread, I give up")

# school
N("school", "gabby's kinder graduation was so cute 😭")
N("school", "Paolo is thinking of doing an MBA at Ateneo")
N("school", "my officemate just enrolled at Mapúa for night classes")
N("school", "the UPOU portal is down again, can't submit my paper")
N("school", "if I had the money I'd do a masters in London")
N("school", "I got into the Ateneo MBA program back in 2020 but never enrolled")
N("school", "gabby starts grade 1 at St. Mary's next week, new uniform and everything")

# favorites
N("favorite", "Paolo's favorite band is Eraserheads, he plays them nonstop")
N("favorite", "gabby's favorite food is spaghetti, jollibee style of course")
N("favorite", "Ben&Ben concert tickets sold out in 4 minutes 😭")
N("favorite", "my sister says Taylor Swift is the best artist ever, I don't see it")
N("favorite", "people keep asking me my favorite movie and I never know what to say")
N("favorite", "Mochi's favorite spot is the top of the fridge")
N("favorite", "Paolo swears the best pizza in QC is at that place on Maginhawa")
N("favorite", "what's your favorite color? just curious what an AI would say")

# allergies
N("allergies", "Paolo is allergic to shrimp so no bagoong for him")
N("allergies", "gabby's classmate has a severe egg allergy, the school sent a memo")
N("allergies", "I'm allergic to Mondays lol")
N("allergies", "my doctor wants to test me for a shellfish allergy next month, probably nothing")
N("allergies", "I'm allergic to small talk honestly")
N("allergies", "the menu says 'may contain traces of peanuts', good thing I checked")
N("allergies", "is it possible to outgrow a peanut allergy? just curious")
N("allergies", "my mom thinks she's allergic to cats but she's fine around Mochi")

# likes / dislikes
N("likes", "I love that for you!!")
N("likes", "Paolo loves durian, I don't get it")
N("likes", "gabby hates broccoli, any tips to sneak it into his food?")
N("likes", "my sister hates karaoke, which makes family parties awkward")
N("likes", "the hiking trip got cancelled because of the typhoon 😞")
N("likes", "would you rather eat durian or balut? it's for a game night")
N("likes", "gabby loves dinosaurs so much, he knows like 50 names")
N("likes", "'I love you 3000' — that's how gabby ends every call now")
N(
    "likes",
    "Pasting my friend's dating profile bio for feedback: 'I love surfing, hate "
    "cilantro, and I'm 29.'",
)
N("likes", "Paolo can't stand my karaoke playlist, too bad for him")

# project
N("project", "Paolo is building a fishing app in his spare time")
N("project", "I was going to start a podcast but never got around to it")
N("project", "my friend's Kickstarter for her comic book just got funded!")
N("project", "imagine if I wrote a novel lol, I can barely finish a grocery list")

# drinks
N("drinks", "Paolo only drinks barako, the strong stuff")
N("drinks", "my sister is obsessed with matcha lattes")
N("drinks", "should I switch to decaf? my sleep has been awful")

# name
N("name", "Paolo's lola calls me 'hija', it's so sweet")
N("name", "my coworker's name is also Beatriz, so confusing in meetings")
N("name", "people always misspell my name as Beatrice, it's Beatriz with a z")
N("name", "what's a cute name for a bakery? thinking 'Bea's Bakes'")

# mixed / pasted / fiction
N(
    "mixed",
    "Here's the About Me from Tina's portfolio: 'Tina, 27, senior UI designer at Canva, "
    "lives in Makati with her two dogs.'",
)
N(
    "mixed",
    "Write a short bio for a character: a 45-year-old vegan marine biologist living in Cebu.",
)
N("mixed", "lol my horoscope says I'll move abroad and find a new job this year")
N("mixed", "remind me to update my LinkedIn headline later")
N("mixed", "ok thanks!")
N("mixed", "dream last night: I was 19 and living in Paris with a dog named Pierre 😂")
N("mixed", "translate this to Tagalog: 'I live in Cebu and I work as a nurse.'")
N("mixed", "Paolo says the office got a cat named Biscuit that the whole team shares")
N(
    "mixed",
    "my therapist asked what I'd change if I could start over. new city, new career, "
    "maybe. just thinking out loud",
)

# ---------------------------------------------------------------------------
# "update" cases
# ---------------------------------------------------------------------------

# home
U("home", "we finally moved into our new place in Pasig 🏡", "home", ["Pasig", "Pasig City"])
U("home", "moved to cebu last month! still unpacking boxes", "home", ["Cebu", "Cebu City"])
U("home", "User relocated to Davao City in July.", "home", ["Davao City", "Davao"])
U("home", "home: Makati", "home", ["Makati", "Makati City"])
U(
    "home",
    "btw we're not in QC anymore, we live in Marikina now",
    "home",
    ["Marikina", "Marikina City"],
)
U(
    "home",
    "we closed on the house in Antipolo and moved in last week, yay",
    "home",
    ["Antipolo", "Antipolo City"],
)
U(
    "home",
    "new address is in Las Piñas, Paolo's commute is longer but it's worth it",
    "home",
    ["Las Piñas", "Las Piñas City"],
)
U("home", "Update: user now lives in Iloilo City.", "home", ["Iloilo City", "Iloilo"])
U(
    "home",
    "ok big news, we moved to Singapore for Paolo's work, been here 2 weeks",
    "home",
    ["Singapore"],
)
U("home", "living in Baguio now!! finally cold weather lol", "home", ["Baguio", "Baguio City"])
U(
    "home",
    "actually I live in San Juan, not Quezon City — I got that wrong before",
    "home",
    ["San Juan", "San Juan City"],
)
U("home", "we've been renting in Taguig since june", "home", ["Taguig", "Taguig City"])
U(
    "home",
    "relocated to Bacolod for good, QC was too much",
    "home",
    ["Bacolod", "Bacolod City"],
)
U("home", "Location update — user's home city: Dumaguete.", "home", ["Dumaguete"])
U(
    "home",
    "we packed up and moved to Tagaytay, gabby loves the cool air",
    "home",
    ["Tagaytay", "Tagaytay City"],
)
U(
    "home",
    "im in mandaluyong now, moved in saturday",
    "home",
    ["Mandaluyong", "Mandaluyong City"],
)
U(
    "home",
    "Paolo and I bought a condo in Parañaque and moved in over the weekend",
    "home",
    ["Parañaque", "Parañaque City"],
)

# employer
U("employer", "first week at Canva done!! so different from Globe", "employer", ["Canva"])
U("employer", "User's employer is now Accenture.", "employer", ["Accenture"])
U("employer", "employer: Shopee", "employer", ["Shopee"])
U("employer", "got poached by Grab, been there 3 weeks now", "employer", ["Grab"])
U(
    "employer",
    "quit globe in june, I work at Smart now",
    "employer",
    ["Smart", "Smart Communications"],
)
U("employer", "I now work for UnionBank on their digital team", "employer", ["UnionBank"])
U(
    "employer",
    "new job at Thinking Machines, it's a data consultancy in BGC",
    "employer",
    ["Thinking Machines"],
)
U("employer", "correction: my employer is GCash, not Globe Telecom", "employer", ["GCash"])
U(
    "employer",
    "signed with Maya and already started, onboarding was smooth",
    "employer",
    ["Maya"],
)
U(
    "employer",
    "after 6 years at Globe I finally moved to Ayala Land",
    "employer",
    ["Ayala Land"],
)
U(
    "employer",
    "im at jollibee foods corp now, designing the kiosk UI lol",
    "employer",
    ["Jollibee Foods Corp", "Jollibee Foods Corporation", "Jollibee"],
)
U("employer", "Note for memory: Bea now works at Kumu.", "employer", ["Kumu"])
R("employer", "got laid off from Globe last month, freelancing for now", ["employer"])
U(
    "employer",
    "now working at Microsoft, remote, on the Singapore team",
    "employer",
    ["Microsoft"],
)
U("employer", "switched jobs, I'm at PLDT now, yes the rival haha", "employer", ["PLDT"])

# job
U("job", "got promoted to senior UX designer!! 🎉", "job", ["senior UX designer"])
U(
    "job",
    "I'm a product manager now, officially switched over from design",
    "job",
    ["product manager"],
)
U("job", "User's job title: Design Lead.", "job", ["Design Lead"])
U("job", "job: UX researcher", "job", ["UX researcher"])
U(
    "job",
    "I changed careers, I'm a high school art teacher now",
    "job",
    ["high school art teacher", "art teacher"],
)
U("job", "new role — I'm the head of design now, team of 8", "job", ["head of design"])
U("job", "they made me UX manager last week, still getting used to it", "job", ["UX manager"])
U(
    "job",
    "i work as a freelance illustrator now",
    "job",
    ["freelance illustrator", "illustrator"],
)
U("job", "these days I'm a content designer, same team though", "job", ["content designer"])
U(
    "job",
    "actually my title is UI designer, not UX designer, hr is strict about it lol",
    "job",
    ["UI designer"],
)
U(
    "job",
    "Note: user is now working as a front-end developer.",
    "job",
    ["front-end developer", "frontend developer"],
)
U(
    "job",
    "started as a service designer in the innovation lab this month",
    "job",
    ["service designer"],
)
U("job", "i'm now the creative director 😳 imposter syndrome is real", "job", ["creative director"])
U("job", "Profile update — occupation: product design manager", "job", ["product design manager"])

# age
U("age", "it was my birthday yesterday! 32 🎉", "age", ["32"])
U("age", "just turned 32, feeling old", "age", ["32"])
U("age", "User is 32 years old.", "age", ["32"])
U("age", "age: 32", "age", ["32"])
U("age", "sorry I said 31 earlier, I'm actually 30", "age", ["30"])
U("age", "32 today!!! Paolo surprised me with cake 🥹", "age", ["32"])
U("age", "I'm thirty-two now, hard to believe", "age", ["32"])
U("age", "celebrated my 32nd birthday last weekend in Tagaytay", "age", ["32"])
U("age", "correction: I'm 33, not 31, I always forget lol", "age", ["33"])
U("age", "I was born on 3 March 1994.", "age", ["32"])
U("age", "bday was on the 10th, I'm 32 now 🎂", "age", ["32"])

# relationship / partner
U(
    "relationship",
    "Paolo and I separated in June.",
    "relationship",
    ["separated"],
    may=["partner"],
)
U(
    "relationship",
    "our annulment was finalized last month, so I'm officially single",
    "relationship",
    ["single", "annulled"],
    may=["partner"],
)
R(
    "relationship",
    "the annulment went through, I'm not married anymore",
    ["relationship"],
    may=["partner"],
)
U(
    "relationship",
    "since Paolo and I split I've been seeing someone new, his name's Rafael",
    "partner",
    ["Rafael"],
    may=["relationship"],
)
U(
    "relationship",
    "User's partner: Miguel (boyfriend since March, after the separation).",
    "partner",
    ["Miguel"],
    may=["relationship"],
)
R(
    "relationship",
    "Paolo and I broke up for good this year 💔",
    ["relationship"],
    may=["partner"],
)
U(
    "relationship",
    "update since the annulment: my girlfriend Jess and I moved in together",
    "partner",
    ["Jess"],
    may=["relationship"],
)
U(
    "relationship",
    "correction: my husband's name is Pablo, not Paolo — autocorrect got me",
    "partner",
    ["Pablo"],
)
U(
    "relationship",
    "Relationship status: separated",
    "relationship",
    ["separated"],
    may=["partner"],
)
U(
    "relationship",
    "i'm engaged again!! Rafael proposed on the beach in Siargao 💍",
    "relationship",
    ["engaged"],
    may=["partner"],
    alt=[("partner", ["Rafael"], False)],
)
U(
    "relationship",
    "Paolo passed away in April. still hard to type that.",
    "relationship",
    ["widowed", "widow"],
    may=["partner"],
)
U(
    "relationship",
    "partner: Andrei (we've been together since the annulment)",
    "partner",
    ["Andrei"],
    may=["relationship"],
)
U(
    "relationship",
    "separated from Paolo last year, we're co-parenting gabby",
    "relationship",
    ["separated"],
    may=["partner"],
)
U(
    "relationship",
    "my new bf is Kenji, we met at a design meetup after my annulment",
    "partner",
    ["Kenji"],
    may=["relationship"],
)
U(
    "relationship",
    "Note: user and Paolo have divorced; user is single.",
    "relationship",
    ["single", "divorced"],
    may=["partner"],
)

# diet
U("diet", "went vegan in july, going well so far 🌱", "diet", ["vegan"])
U("diet", "I'm pescatarian now, added fish back for the protein", "diet", ["pescatarian"])
U("diet", "User's diet: vegan.", "diet", ["vegan"])
U("diet", "diet: keto", "diet", ["keto"])
R("diet", "not vegetarian anymore, I eat meat again since the pregnancy cravings lol", ["diet"])
U(
    "diet",
    "switched to a fully plant-based diet, vegan since june",
    "diet",
    ["vegan", "plant-based"],
)
U("diet", "I eat fish and seafood now, so technically pescatarian", "diet", ["pescatarian"])
U(
    "diet",
    "doctor put me on a low-carb diet, no more rice 😭",
    "diet",
    ["low-carb", "low carb"],
)
R("diet", "gave up being vegetarian after 10 years, I eat everything now", ["diet"])
U("diet", "ok so I'm fully vegan now, no more eggs or dairy", "diet", ["vegan"])
U("diet", "I'm flexitarian these days, meat maybe once a week", "diet", ["flexitarian"])
U("diet", "Dietary preference updated: pescatarian", "diet", ["pescatarian"])

# pets
U("pets", "we adopted a puppy! his name is Bantay 🐶", "pets", ["Bantay"])
U("pets", "got a second cat, a little orange boy named Kalamansi", "pets", ["Kalamansi"])
U("pets", "User has a new dog named Coco.", "pets", ["Coco"])
U("pets", "pets: Mochi (cat), Tofu (rabbit)", "pets", ["Tofu"])
R("pets", "Mochi passed away last night 😢 she was 12", ["pets"])
U("pets", "gabby and I brought home a goldfish, he named it Nemo obviously", "pets", ["Nemo"])
U(
    "pets",
    "we rescued a kitten from the parking lot, keeping her, calling her Ube",
    "pets",
    ["Ube"],
)
R(
    "pets",
    "Mochi went to live with my mom in Batangas for good, the new condo doesn't allow pets",
    ["pets"],
)
U("pets", "new family member: a beagle named Pancake", "pets", ["Pancake"])
U("pets", "i have a turtle now lol, his name is Speedy", "pets", ["Speedy"])
R("pets", "we lost Mochi to kidney disease in may", ["pets"])
U(
    "pets",
    "adopted two guinea pigs, Siopao and Siomai",
    "pets",
    ["Siopao", "Siomai"],
)
U("pets", "Note: user adopted a senior dog named Lolo.", "pets", ["Lolo"])

# children
U("children", "our daughter Isla was born on tuesday!! 👶", "children", ["Isla"])
U("children", "baby #2 is here — a boy, we named him Lucas", "children", ["Lucas"])
U("children", "User has a second child: a daughter named Maya.", "children", ["Maya"])
U("children", "children: Gabriel, Sofia", "children", ["Sofia"])
U("children", "we finally adopted! welcome home to our son Joaquin", "children", ["Joaquin"])
U(
    "children",
    "gave birth to twins last month, Ana and Andres",
    "children",
    ["Ana", "Andres"],
)
U("children", "gabby has a baby sister now, her name is Amihan", "children", ["Amihan"])
U("children", "welcomed our second son, Nico, on August 2", "children", ["Nico"])
U(
    "children",
    "Update: the user's new baby is named Elijah (born July 2026).",
    "children",
    ["Elijah"],
)
U("children", "I'm a mom of two now 🥹 our daughter Tala arrived at 3am", "children", ["Tala"])
U(
    "children",
    "the adoption became official, our daughter Rosa is legally ours now",
    "children",
    ["Rosa"],
)

# phone
U("phone", "new number po: 0998 123 4567", "phone", ["09981234567"])
U("phone", "my number changed, it's +63 917 321 6543 now", "phone", ["+639173216543"])
U("phone", "User's phone: 0920 444 8899", "phone", ["09204448899"])
U("phone", "phone: +63 915 700 1234", "phone", ["+639157001234"])
U(
    "phone",
    "lost my sim so I got a new number, 0906 555 7788, please update",
    "phone",
    ["09065557788"],
)
U("phone", "switched to Smart, my new mobile is 0919 876 5432", "phone", ["09198765432"])
U(
    "phone",
    "text me at 0927 111 2233 from now on, the old globe number is dead",
    "phone",
    ["09271112233"],
)
U(
    "phone",
    "correction: my number is 0917 555 0124, I swapped the last digits before",
    "phone",
    ["09175550124"],
)
U("phone", "Contact update — mobile: 09561234000", "phone", ["09561234000"])
U("phone", "pls use my new number 0995-246-8013", "phone", ["09952468013"])

# email
U("email", "new email: bea.reyes.design@gmail.com", "email", ["bea.reyes.design@gmail.com"])
U(
    "email",
    "I don't use yahoo anymore, email me at beatriz.santos@outlook.com",
    "email",
    ["beatriz.santos@outlook.com"],
)
U(
    "email",
    "User's email address is now bsantos.ux@proton.me.",
    "email",
    ["bsantos.ux@proton.me"],
)
U("email", "email: hello@beasantos.design", "email", ["hello@beasantos.design"])
U("email", "my email changed to bea.santos94@gmail.com btw", "email", ["bea.santos94@gmail.com"])
U(
    "email",
    "correction: it's bea_santos@yahoo.com with an underscore, not a dot",
    "email",
    ["bea_santos@yahoo.com"],
)
U(
    "email",
    "please send stuff to my new email bea@studiobituin.ph from now on",
    "email",
    ["bea@studiobituin.ph"],
)
U(
    "email",
    "switched my personal email to beatriz.s@icloud.com",
    "email",
    ["beatriz.s@icloud.com"],
)
U("email", "Contact email updated: b.santos@fastmail.com", "email", ["b.santos@fastmail.com"])
U(
    "email",
    "use beaSantos.ux@gmail.com for everything now pls",
    "email",
    ["beasantos.ux@gmail.com"],
)

# school
U(
    "school",
    "I transferred to Ateneo for my masters, UPOU wasn't working out",
    "school",
    ["Ateneo", "Ateneo de Manila", "Ateneo de Manila University"],
)
U(
    "school",
    "User is now studying at De La Salle University.",
    "school",
    ["De La Salle University", "DLSU"],
)
U("school", "school: UP Diliman", "school", ["UP Diliman"])
U(
    "school",
    "started a diploma in interaction design at Mapúa this term",
    "school",
    ["Mapúa", "Mapúa University"],
)
R("school", "graduated from UPOU last month!!! 🎓 done with school", ["school"])
U(
    "school",
    "I'm enrolled at the Asian Institute of Management now for the MBA",
    "school",
    ["Asian Institute of Management", "AIM"],
)
R("school", "dropped out of UPOU, too much with work and gabby", ["school"])
U(
    "school",
    "studying at UST now, evening program",
    "school",
    ["UST", "University of Santo Tomas"],
)
U(
    "school",
    "now doing my masters at the University of Edinburgh, online",
    "school",
    ["University of Edinburgh"],
)
U("school", "currently enrolled: Miriam College, MA in Education", "school", ["Miriam College"])

# favorites
U(
    "favorite",
    "my favorite band these days is IV of Spades",
    "favorite:band",
    ["IV of Spades"],
)
U(
    "favorite",
    "favorite band: Eraserheads now, Paolo converted me",
    "favorite:band",
    ["Eraserheads"],
)
U(
    "favorite",
    "ok I've decided my favorite color is sage green",
    "favorite:color",
    ["sage green"],
    alt=[("favorite:colour", ["sage green"], False)],
)
U("favorite", "my fave food is sinigang, no contest", "favorite:food", ["sinigang"])
U("favorite", "User's favorite movie: Heneral Luna.", "favorite:movie", ["Heneral Luna"])
U(
    "favorite",
    "favorite book is Ilustrado by Miguel Syjuco",
    "favorite:book",
    ["Ilustrado", "Ilustrado by Miguel Syjuco"],
)
U(
    "favorite",
    "honestly Ben&Ben isn't my favorite band anymore, it's SB19 now",
    "favorite:band",
    ["SB19"],
)
U(
    "favorite",
    "my all-time favourite song is 'Buwan' by Juan Karlos",
    "favorite:song",
    ["Buwan", "Buwan by Juan Karlos"],
)
U("favorite", "fave dessert: halo-halo 🍧", "favorite:dessert", ["halo-halo"])
U(
    "favorite",
    "my favorite show right now is Pinoy Big Brother, don't judge",
    "favorite:show",
    ["Pinoy Big Brother"],
    alt=[
        ("favorite:tv show", ["Pinoy Big Brother"], False),
        ("favorite:tv_show", ["Pinoy Big Brother"], False),
        ("favorite:series", ["Pinoy Big Brother"], False),
    ],
)
U("favorite", "my favorite flower is sampaguita", "favorite:flower", ["sampaguita"])
U(
    "favorite",
    "favorite restaurant: Sarsa in BGC",
    "favorite:restaurant",
    ["Sarsa", "Sarsa in BGC"],
)
U("favorite", "my favourite city in the world is Kyoto", "favorite:city", ["Kyoto"])
U(
    "favorite",
    "favorite sport to watch: volleyball, PVL all the way",
    "favorite:sport",
    ["volleyball"],
)

# allergies
U("allergies", "just found out I'm allergic to shrimp 🦐😭", "allergies", ["shrimp"])
U(
    "allergies",
    "allergy test came back: I'm allergic to dust mites too",
    "allergies",
    ["dust mites", "dust mite"],
)
U("allergies", "User is allergic to penicillin.", "allergies", ["penicillin"])
U("allergies", "allergies: peanuts, latex", "allergies", ["latex"])
U(
    "allergies",
    "turns out I'm lactose intolerant AND allergic to soy",
    "allergies",
    ["soy"],
)
U(
    "allergies",
    "got hives from a mango, the doctor says I'm allergic to mangoes now",
    "allergies",
    ["mangoes", "mango"],
)
U(
    "allergies",
    "add to my allergies: cats. yes, with Mochi. antihistamines every day lol",
    "allergies",
    ["cats", "cat"],
)
U(
    "allergies",
    "i'm allergic to bee stings, found out the hard way on a hike",
    "allergies",
    ["bee stings", "bee sting", "bees"],
)
R(
    "allergies",
    "retested — I'm not actually allergic to peanuts, it was a false positive!",
    ["allergies"],
)
U("allergies", "developed an allergy to ibuprofen apparently", "allergies", ["ibuprofen"])

# likes / dislikes
U(
    "likes",
    "been really into pickleball lately, playing 3x a week",
    "likes",
    ["pickleball"],
)
U(
    "likes",
    "I love baking sourdough now, it's my weekend thing",
    "likes",
    ["baking sourdough", "sourdough", "baking"],
)
U(
    "likes",
    "User enjoys scuba diving (got certified in Anilao).",
    "likes",
    ["scuba diving", "diving"],
)
U("likes", "likes: crochet", "likes", ["crochet"])
U(
    "likes",
    "I can't stand horror movies, never again after that one",
    "dislikes",
    ["horror movies"],
)
U(
    "likes",
    "I've really started to hate karaoke, sorry titas",
    "dislikes",
    ["karaoke"],
    retire=["likes"],
)
U(
    "likes",
    "durian grew on me, I actually like it now 😂",
    "likes",
    ["durian"],
    retire=["dislikes"],
)
U("likes", "I hate running, tried it for a month, never again", "dislikes", ["running"])
U(
    "likes",
    "obsessed with pottery classes lately 🏺",
    "likes",
    ["pottery", "pottery classes"],
)
R("likes", "not into hiking anymore since my knee surgery", ["likes"])
U("likes", "dislikes: cilantro", "dislikes", ["cilantro"])
U(
    "likes",
    "i really love kdramas now, Paolo blames my sister",
    "likes",
    ["kdramas", "k-dramas", "korean dramas"],
)
U("likes", "Note: user dislikes crowded malls.", "dislikes", ["crowded malls"])
U(
    "likes",
    "I've gotten into birdwatching, we go to La Mesa Eco Park on sundays",
    "likes",
    ["birdwatching", "bird watching"],
)
U(
    "likes",
    "can't stand the smell of fish sauce, never could",
    "dislikes",
    ["fish sauce", "smell of fish sauce"],
)
U(
    "likes",
    "loving watercolor painting lately, doing one every night",
    "likes",
    ["watercolor painting", "watercolor"],
)

# project
U(
    "project",
    "finished Munting Bituin! now I'm working on a design podcast called Pixel Pinoy",
    "project",
    ["Pixel Pinoy"],
    retire=["project"],
)
U(
    "project",
    "new side project: a recipe app called Lutong Bahay",
    "project",
    ["Lutong Bahay"],
    may=["project"],
)
U(
    "project",
    "User is building a Figma plugin called Kulay.",
    "project",
    ["Kulay"],
    may=["project"],
)
U(
    "project",
    "project: a zine series called Tabi-Tabi",
    "project",
    ["Tabi-Tabi"],
    may=["project"],
)
R("project", "shelved the picture book for good, too busy with work", ["project"])
U(
    "project",
    "I'm working on a board game called Palengke with my sister",
    "project",
    ["Palengke"],
    may=["project"],
)

# drinks
U(
    "drinks",
    "I've switched from coffee to matcha, every morning now",
    "drinks",
    ["matcha"],
    retire=["drinks"],
)
R("drinks", "quit coffee completely, doctor's orders", ["drinks"])
U(
    "drinks",
    "I drink barley tea now instead of iced coffee",
    "drinks",
    ["barley tea"],
    retire=["drinks"],
)
U("drinks", "drinks: oat milk latte", "drinks", ["oat milk latte"])

# name
U("name", "correction: my name is spelled Beatrice, with a c", "name", ["Beatrice"])
U("name", "User's name: Patricia (Beatriz was a typo in my notes).", "name", ["Patricia"])
