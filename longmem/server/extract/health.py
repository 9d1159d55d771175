"""Health said by name: the conditions one has and the medicines one takes, the words
that make a mention no fact ("the diabetes clinic", "worried I have coeliac"), and a
medicine's switch or dose change ("switched to amlodipine", "doc upped my sertraline to
100mg"). The health rows of rules.py are built from these pieces; subjects.py asks
names_medicine() and dose_changed(), keys.py and relate/keyed.py read the switches.
"""

from __future__ import annotations

import re
from typing import Optional

# Conditions by name ("type 2 diabetes", "high blood pressure"), and medicines. A medicine
# is one of these names, or any word with a dose ("Zyprexa 5mg"); a condition one of
# these, or anything a doctor diagnosed.
CONDITION_NAMES = (
    r"(?:(?:type\s+(?:1|2|one|two|i|ii)\s+|gestational\s+)?diabetes|pre-?diabetes|asthma|eczema|"
    r"psoriasis|adhd|autism|anxiety|depression|bipolar(?:\s+disorder)?|ptsd|ocd|insomnia|"
    r"sleep\s+apn(?:o)?ea|migraines?|epilepsy|(?:rheumatoid\s+|osteo)?arthritis|gout|lupus|"
    r"fibromyalgia|multiple\s+sclerosis|ibs|crohn'?s(?:\s+disease)?|(?:ulcerative\s+)?colitis|"
    r"pcos|endometriosis|hypertension|(?:high|low)\s+blood\s+pressure|high\s+cholesterol|"
    r"(?:hypo|hyper)thyroidism|an?\s+(?:under|over)active\s+thyroid|long\s+covid|copd|"
    r"an(?:a)?emia|tinnitus|scoliosis|dyslexia|dyspraxia|glaucoma|(?-i:MS)|"
    r"(?:(?:breast|prostate|skin|lung|bowel|ovarian|pancreatic|colon|thyroid|cervical|"
    r"stage\s+\w+)\s+)?cancer|"
    r"(?:a\s+)?heart\s+condition|heart\s+disease|kidney\s+disease|chronic\s+(?:pain|fatigue)|"
    # of the gut: what shapes what one eats ("gastritis, so no chilli for now")
    r"gastritis|(?:acid\s+|silent\s+)?reflux|gerd|gord|gallstones|kidney\s+stones|"
    r"diverticulitis|pancreatitis|fatty\s+liver(?:\s+disease)?|(?:a\s+)?hiatus\s+hernia|sibo|"
    r"gastroparesis|h\.?\s?pylori|sickle\s+cell(?:\s+(?:disease|anaemia|anemia))?|"
    r"thalass(?:a)?emia(?:\s+(?:minor|major|trait))?|sickle\s+cell\s+trait)"
)
# Conditions that news said without a verb names as the user's ("gout again so no red
# meat", "IBS flare", "Celiac, confirmed."): those that come and go or shape what one
# eats — not cancer, diabetes or MS ("Cancer again in the news", "MS is back up 3%").
VERBLESS_CONDITIONS = (
    r"(?:gastritis|(?:acid\s+|silent\s+)?reflux|gerd|gord|gallstones|kidney\s+stones|gout|ibs|"
    r"eczema|psoriasis|migraines?|sickle\s+cell(?:\s+(?:disease|anaemia|anemia))?|"
    r"crohn'?s(?:\s+disease)?|(?:ulcerative\s+)?colitis|diverticulitis|pancreatitis|"
    r"fatty\s+liver(?:\s+disease)?|gastroparesis|sibo|endometriosis|pcos|asthma|anaemia|anemia|"
    r"pre-?diabetes)"
)
# Words for someone other than the user, said beside a condition: the news may be theirs
# ("gout again so no red meat for him", "took my son to the clinic. asthma, confirmed").
SOMEONE_ELSE = (
    r"his|her|their|him|them|son|daughter|mum|mom|dad|father|mother|sister|brother|wife|"
    r"husband|kid|kids|baby|partner|grandad|granddad|grandpa|grandma|gran|nan|nana|nephew|"
    r"niece|uncle|aunt|cousin|in-laws?|patient|boy|girl|dog|cat"
)
MEDICINE_NAMES = (
    r"(?:metformin|ozempic|wegovy|mounjaro|semaglutide|tirzepatide|insulin|lisinopril|ramipril|"
    r"losartan|amlodipine|atorvastatin|simvastatin|rosuvastatin|statins?|levothyroxine|"
    r"thyroxine|synthroid|sertraline|zoloft|fluoxetine|prozac|citalopram|escitalopram|lexapro|"
    r"bupropion|wellbutrin|venlafaxine|effexor|duloxetine|cymbalta|mirtazapine|amitriptyline|"
    r"trazodone|antidepressants|adderall|vyvanse|elvanse|ritalin|concerta|methylphenidate|"
    r"lamotrigine|lithium|quetiapine|seroquel|aripiprazole|abilify|gabapentin|pregabalin|lyrica|"
    r"tramadol|omeprazole|lansoprazole|pantoprazole|nexium|warfarin|eliquis|apixaban|xarelto|"
    r"rivaroxaban|clopidogrel|plavix|blood\s+thinners|beta[- ]blockers|metoprolol|propranolol|"
    r"bisoprolol|atenolol|hydrochlorothiazide|furosemide|spironolactone|prednisone|"
    r"prednisolone|albuterol|salbutamol|ventolin|symbicort|montelukast|singulair|"
    r"(?:an?\s+)?inhaler|epipen|melatonin|zolpidem|ambien|hrt|methotrexate|humira|"
    r"hydroxychloroquine|accutane|isotretinoin|finasteride|minoxidil|doxycycline|amoxicillin|"
    r"antibiotics|iron\s+(?:tablets|supplements)|b12\s+injections|ibuprofen|paracetamol|"
    r"acetaminophen|tylenol|advil|naproxen|aspirin|vitamin\s+(?:[a-k]\d{0,2})\b|the\s+pill|"
    r"birth\s+control(?:\s+pills?)?|contraceptive\s+pills?|antihistamines|painkillers|"
    r"sleeping\s+pills|blood\s+pressure\s+(?:meds|medication|medicine|pills|tablets))"
)
# What the name names when these follow it: "the diabetes clinic", "anxiety about flying",
# "lithium batteries", "the HRT waiting list".
NOT_THE_CONDITION = (
    r"(?!\s+(?:about|before|over|around|when|patients|clinic|charity|research|awareness|nurse|"
    r"specialist|team|ward|walk|run|foundation|association|society|community|support|group|"
    r"medication|meds|pills|tablets|appointment|test|check|screening|educator|scare|all-clear|"
    r"all\s+clear|free|survivor)\b)"
)
NOT_THE_MEDICINE = (
    r"(?!\s+(?:awareness|clinic|nurse|appointment|test|prescription|waiting\s+list|batteries|"
    r"battery|run|shortage|ad|advert)\b)"
)
_DOSE = r"\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ml|iu|units)\b"
# A medicine as said: its name and dose ("sertraline 50mg", "50mg of sertraline").
MEDICINE = (
    r"(?:" + _DOSE + r"\s+(?:of\s+)?)?(?P<v>" + MEDICINE_NAMES + r"(?:\s+" + _DOSE + r")?|"
    r"(?-i:[A-Za-z])[\w-]+\s+" + _DOSE + r")"
)
# What one takes it by: "I take", "I'm on", "started", "prescribed", "put me on".
TAKES = (
    r"^\s*(?:(?:also|still|actually|now|just|recently|finally|currently|both|already|even|really)\s+)*"
    r"(?:(?:am|is|are|have\s+been|been)\s+)?(?:(?:also|still|now|just|currently)\s+)?"
    r"(?:take|takes|taking|on|started(?:\s+taking|\s+on)?|starting(?:\s+on)?|prescribed|"
    r"back\s+on|using|use)\s+(?:(?:a|an|the|my|some|daily|low[- ]dose)\s+)*"
)


# Words before coeliac disease that make it a worry, not a fact: "worried I have coeliac",
# "might have coeliac disease", "tested for coeliac" (conditions are read only when said
# verb first, which leaves such words out).
UNSURE_BEFORE = (
    r"^(?:(?!\b(?:worried|worry|afraid|scared|think|thought|might|may|maybe|if|whether|could|"
    r"possibly|wonder|wondering|hope|test(?:ed|ing)?\s+for|checked\s+for|screened\s+for)\b).)*?"
)
# A condition's news said without a verb (the conditions rows: "Celiac, confirmed.") …
# … said of the user: it ends what is said, or says by whom or when ("Celiac, confirmed by
# the GP", "IBS diagnosed today"); not "Gastritis confirmed for mum", "Coeliac confirmed
# in 1 in 100 people", "Diabetes diagnosed at 40 is common".
# … and none of it someone else's: "gout again so no red meat for him", "Asthma diagnosed
# yesterday, for my son", "IBS flare, poor Sarah", "migraine again, Tom's off work".
NOT_SOMEONE_ELSES = (
    r"(?![^.!]*\b(?:" + SOMEONE_ELSE + r"|friend|patients|poor|little\s+one|little\s+man|lad)\b)"
    r"(?![^.!]*\b(?-i:[A-Z])[a-z]+['’]s\b)"
)
NEWS_OF_MINE = (
    r"(?=\s*(?:$|[,.!;]|by\s+(?:the|my|a)\b|(?:today|yesterday|tonight|this\s+(?:morning|week|month)|"
    r"last\s+(?:week|month|night)|finally|officially|at\s+last)\b))"
)
A_MEDICINE = re.compile(r"\b" + MEDICINE, re.I)
A_CONDITION = re.compile(CONDITION_NAMES, re.I)


SWITCHED_FROM = re.compile(
    r"\b(?:(?:switch(?:ed|ing)?|changed|moved)\s+(?:me\s+)?from|swap(?:ped)?)\s+(?:the\s+|my\s+)?"
    + MEDICINE.replace("(?P<v>", "(?P<old>")
    + r"\s+(?:to|for)\b",
    re.I,
)


# What one takes beside a medicine, not instead of it: a switch to a medicine never ends it.
SUPPLEMENT = re.compile(
    r"\b(?:vitamin|vitamins|supplement|multivitamin|fish\s+oil|omega|iron|magnesium|zinc|"
    r"melatonin|probiotic|the\s+pill|pill|contraceptive)\b",
    re.I,
)
# A switch without what it was from ("switched to amlodipine last month"): of one
# medicine held, that one is no longer taken (remember decides, knowing what is held).
SWITCHED_TO = re.compile(
    r"\b(?:switch(?:ed|ing)?|changed|moved)\s+(?:me\s+)?(?:over\s+)?to\b(?![^,;]*\bfrom\b)",
    re.I,
)
# A medicine's dose changed: "doc upped my sertraline to 100mg", "I lowered my insulin
# dose to 20 units", "my lisinopril was increased to 20mg"; not "might up my sertraline
# to 100mg", "my sister's sertraline went up to 100mg".
_DOSE_CHANGED = re.compile(
    r"^(?![^,;]*\b(?:might|may|could|would|should|if|want|wants|wanted|thinking|considering|"
    r"about|going to|gonna|maybe|hope|hoping|asked|ask|didn't|won't|not|never|'d|next|tomorrow|"
    r"soon|will|'ll|is\s+upping|vet|dog|cat|mom|mum|dad|son|daughter|wife|husband|partner|"
    r"kid|kids|baby|grandma|grandpa|sister|brother)\b)"
    r"(?![^,;]*(?:\b(?:his|her|their|your)|\w['’]s)\s+(?:dose|" + MEDICINE_NAMES + r"))"
    r"(?:[^,;]{0,40}?\s)?(?:"
    r"(?:upped|raised|increased|lowered|reduced|bumped|cut|dropped|doubled|halved|adjusted|"
    r"changed|tapered)\s+(?:me\s+)?"
    r"(?:up\s+|down\s+)?(?:on\s+)?(?P<det>my\s+|the\s+)?(?:dose\s+of\s+(?P<det2>my\s+)?)?"
    r"(?P<med>" + MEDICINE_NAMES + r")(?:\s+dose)?|"
    r"(?:my\s+|the\s+)?(?P<med2>" + MEDICINE_NAMES + r")(?:\s+dose)?\s+"
    r"(?:(?:was|got|has\s+been|have\s+been|is|just|finally)\s+)*(?:upped|raised|increased|"
    r"lowered|reduced|bumped\s+up|cut|dropped|doubled|halved|adjusted|changed|went\s+up|"
    r"went\s+down|going\s+up|going\s+down))"
    r"\s+(?:up\s+|down\s+)?to\s+(?P<dose>" + _DOSE + r")",
    re.I,
)


# Who changes the user's own dose: the user, or the user's doctor ("my psychiatrist upped
# the sertraline to 100mg").
_USERS_OWN_PRESCRIBER = re.compile(
    r"(?:i|we|(?:my|the)\s+(?:doc|doctor|gp|psychiatrist|psych|consultant|specialist|nurse|"
    r"prescriber|endo|endocrinologist|cardiologist|neurologist|pharmacist))\b",
    re.I,
)


_A_DIGIT = re.compile(r"\d")


def dose_changed(clause: str) -> Optional[str]:
    """The user's medicine at its new dose, as the rules key what one takes ("on
    sertraline 100mg", then what followed it), when ``clause`` says the dose changed."""
    if _A_DIGIT.search(clause) is None:
        return None  # no dose said (the regex's long look-ahead runs on every clause)
    match = _DOSE_CHANGED.match(clause)
    if match is None:
        return None
    mine = "my" in ((match.group("det") or "") + (match.group("det2") or "")).lower()
    if match.group("med") and not mine and not _USERS_OWN_PRESCRIBER.match(clause):
        return None  # "my mom's doctor upped the sertraline": whose is not said
    medicine = match.group("med") or match.group("med2")
    return f"on {medicine} {match.group('dose')}{clause[match.end() :]}"


def names_medicine(text: str) -> bool:
    """Whether ``text`` names a medicine ("metformin", "Zyprexa 5mg")."""
    return A_MEDICINE.search(text) is not None
