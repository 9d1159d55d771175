"""Everyday chat, and what the rules extractor reads in it.

Each conversation is one that a reviewer, writing sentences of their own, found read
wrongly by a round of extraction rules: as a new fact about the user (hypotheticals,
plans, third parties, names that are words), or not at all (news after "lol" or
"thanks"). This is what the rules extractor does with them today; a rule that changes
one of these rows must show why its reading is better.
"""

# ruff: noqa: E501  (the table keeps one conversation per line)

from __future__ import annotations

from typing import Any, Optional

import pytest

from longmem import Longmem


def _current(mem: Longmem, collection: str) -> list[dict[str, Any]]:
    return [dict(m) for m in mem.list_memories(collection=collection) if m["is_latest"]]


# What is current after each conversation: keyed (subject, attribute, value, negated)
# facts and the texts of plain memories.
_Conversation = tuple[list[str], set[tuple[str, str, Optional[str], bool]], set[str]]

# Read wrongly before as a new fact about the user.
_NOT_A_NEW_FACT: list[_Conversation] = [
    # someone else, with their job, in passing
    (['I work at Acme as a designer.', 'Dinner with Sarah, a dentist, was fun.'], {('user', 'employer', 'Acme', False), ('user', 'job', 'designer', False)}, {'Dinner with Sarah, a dentist, was fun'}),
    (['I work at Acme as a designer.', "Dr Patel, a cardiologist, says I'm fine."], {('user', 'employer', 'Acme', False), ('user', 'job', 'designer', False)}, {'Dr Patel, a cardiologist, says User is fine'}),
    (['I work at Acme as a designer.', 'Sarah, a nurse, helped me at the clinic.'], {('user', 'employer', 'Acme', False), ('user', 'job', 'designer', False)}, {'Sarah, a nurse, helped User at the clinic'}),
    (['I work at Acme as a designer.', 'Tom, the plumber, came by today.'], {('user', 'employer', 'Acme', False), ('user', 'job', 'designer', False)}, {'Tom, the plumber, came by today'}),
    # offers, transfers and postings that are wishes, regrets, plans or someone else's
    (['I work at Google.', 'I almost took the Meta offer.'], {('user', 'employer', 'Google', False)}, {'User almost took the Meta offer'}),
    (['I work at Google.', 'I should have accepted the Amazon job.'], {('user', 'employer', 'Google', False)}, {'User should have accepted the Amazon job'}),
    (['I work at Acme.', "If I took the Google job I'd have to move."], {('user', 'employer', 'Acme', False)}, {'If User took the Google job User would have to move'}),
    (['I work at Acme.', "If I got the Google offer, I'd take it."], {('user', 'employer', 'Acme', False)}, {'If User got the Google offer', 'User would take it'}),
    (['I work at Acme.', 'We landed the Nike contract for my agency!'], {('user', 'employer', 'Acme', False)}, {"User landed the Nike contract for User's agency"}),
    (['I live in Leeds.', 'I might get posted to Accra next year.'], {('user', 'home', 'Leeds', False)}, {'User might get posted to Accra next year'}),
    # … a trip one is sent on, with its time, is a stay then (eleventh round), the home kept
    (['I live in Leeds.', "I'm being sent to Tokyo next week for two days."], {('user', 'home', 'Leeds', False), ('user', 'location', 'Tokyo', False)}, set()),
    (['I live in Leeds.', 'I was sent to Boston for a conference.'], {('user', 'home', 'Leeds', False)}, {'User was sent to Boston for a conference'}),
    (['I live in Leeds.', "I got sent to the principal's office today lol"], {('user', 'home', 'Leeds', False)}, {"User got sent to the principal's office today lol"}),
    (['I live in Leeds.', 'My parcel got sent to Glasgow by mistake.'], {('user', 'home', 'Leeds', False)}, {"User's parcel got sent to Glasgow by mistake"}),
    (['I live in Leeds.', "I hope I don't get sent to Dubai."], {('user', 'home', 'Leeds', False)}, {"User hopes User doesn't get sent to Dubai"}),
    (['I live in Leeds.', "If I got transferred to Paris I'd quit."], {('user', 'home', 'Leeds', False)}, {'If User got transferred to Paris User would quit'}),
    (['I live in Leeds.', "I didn't get transferred to Paris after all."], {('user', 'home', 'Leeds', False)}, {"User didn't get transferred to Paris after all"}),
    (['I live in Leeds.', 'I got transferred to the Manchester office.'], {('user', 'home', 'Leeds', False)}, {'User got transferred to the Manchester office'}),
    # a drink or diet said in passing
    (['I drink tea.', 'No coffee from now on.'], {('user', 'drinks', 'tea', False)}, {'No coffee from now on'}),
    (['I drink tea.', "I'm going to avoid coffee from now on."], {('user', 'drinks', 'tea', False)}, {'User is going to avoid coffee from now on'}),
    (['I drink tea.', "I'll drink less beer from now on."], {('user', 'drinks', 'tea', False)}, {'User will drink less beer from now on'}),
    (['I drink tea.', "I'll bring the beer from now on."], {('user', 'drinks', 'tea', False)}, {'User will bring the beer from now on'}),
    (['I drink coffee.', "it'll be tea for the kids from now on"], {('user', 'drinks', 'coffee', False)}, {"It'll be tea for the kids from now on"}),
    (['I drink coffee.', "It's tea time now."], {('user', 'drinks', 'coffee', False)}, {"It's tea time now"}),
    (['I drink coffee.', "It's wine o'clock now!"], {('user', 'drinks', 'coffee', False)}, {"It's wine o'clock now"}),
    (['I drink coffee.', "It's cold brew season now."], {('user', 'drinks', 'coffee', False)}, {"It's cold brew season now"}),
    (['I drink coffee.', "It's water now for the plants."], {('user', 'drinks', 'coffee', False)}, {"It's water now for the plants"}),
    (['I work at Acme.', "It's vegetarian only now at our office canteen."], {('user', 'employer', 'Acme', False)}, {"It's vegetarian only now at User's office canteen"}),
    # being at a place is not working there
    (['My dad works at Ford.', 'Dad is still at the hospital after his fall.'], {('dad:', 'employer', 'Ford', False)}, {"User's dad is still at the hospital after his fall"}),
    (['I work at Acme.', "I'm still at the hospital with my mum."], {('user', 'employer', 'Acme', False)}, {"User is still at the hospital with User's mum"}),
    (['I work at Acme.', "I'm with the bank right now, sorting out my mortgage."], {('user', 'employer', 'Acme', False)}, {"User is with the bank right now, sorting out User's mortgage"}),
    (['I work at Acme.', 'I am with the police now, long story.'], {('user', 'employer', 'Acme', False)}, {'User is with the police now, long story'}),
    # near a place, or a home wished for
    (['I live in Leeds.', 'A house near the beach would be a dream.'], {('user', 'home', 'Leeds', False)}, {'A house near the beach would be a dream'}),
    (['I live in Leeds.', 'A flat near the centre would cost a fortune.'], {('user', 'home', 'Leeds', False)}, {'A flat near the centre would cost a fortune'}),
    (['I live in Leeds.', 'My home is close to my heart.'], {('user', 'home', 'Leeds', False)}, {"User's home is close to User's heart"}),
    (['I live in Leeds.', 'my place is 10 minutes from work'], {('user', 'home', 'Leeds', False)}, {"User's place is 10 minutes from work"}),
    (['I live in Leeds.', 'Our flat is near the station.'], {('user', 'home', 'Leeds', False)}, {"User's flat is near the station"}),
    (['I live in Leeds.', "My nan's house is near the sea."], {('user', 'home', 'Leeds', False)}, {"User's nan's house is near the sea"}),
    # a friend's name that is also a word, typed in lower case
    (['My friend Art lives in York.', 'I work at Acme.', 'art teacher at leeds high now'], {('friend:Art', 'home', 'York', False), ('user', 'employer', 'leeds high', False), ('user', 'friends', 'Art', False), ('user', 'job', 'art teacher', False)}, set()),
    (['My friend Sky lives in York.', 'I work at Acme.', "sky's the limit, started at google today"], {('friend:Sky', 'home', 'York', False), ('user', 'employer', 'google', False), ('user', 'friends', 'Sky', False)}, {"Sky's the limit"}),
    (['My friend Bob lives in York.', "I'm 30.", 'bob turned 31 and i turned 31 too'], {('friend:Bob', 'age', '31', False), ('friend:Bob', 'home', 'York', False), ('user', 'age', '31', False), ('user', 'friends', 'Bob', False)}, set()),
    # someone's name typed in lower case, first in the sentence or after "my sister"
    (["I'm 30.", 'vikram turned 21 yesterday, got him his first proper watch'], {('user', 'age', '30', False), ('Vikram', 'age', '21', False)}, {'User got him his first proper watch'}),
    (['I live in York.', 'sarah moved to leeds'], {('user', 'home', 'York', False), ('Sarah', 'home', 'leeds', False)}, set()),
    (["I'm vegetarian.", 'tom is vegan now'], {('user', 'diet', 'vegetarian', False), ('Tom', 'diet', 'vegan', False)}, set()),
    (["I'm 30.", 'my brother vikram turned 21'], {('user', 'age', '30', False), ('user', 'siblings', 'Vikram', False), ('brother:Vikram', 'age', '21', False)}, set()),
    (['I live in York.', 'my wife tasha and i moved to leeds'], {('user', 'home', 'leeds', False), ('user', 'partner', 'Tasha', False)}, set()),
    (["I'm 30.", 'dog turned 5 today'], {('user', 'age', '30', False)}, {'Dog turned 5 today'}),
    # a verb of the third person without its subject is not the user's (it is Étienne's,
    # as it is Etienne's: an accented name is a name)
    (['I work at the RTC.', "Étienne finally left the bistro. says he's done working for other people"], {('user', 'employer', 'the RTC', False)}, {'Étienne finally left the bistro', "Étienne says he's done working for other people"}),
    (['I work at Acme.', "I'm done working for other people"], {('user', 'employer', 'Acme', False)}, {'User is done working for other people'}),
    # what used to be is over; what has not happened, or almost did, is nothing yet
    (["I'm vegan.", 'I used to be vegan but now I eat meat'], {('user', 'diet', 'vegan', True)}, {'Now User eats meat'}),
    (['I drink coffee.', "I used to drink coffee but now it's tea"], {('user', 'drinks', 'tea', False)}, set()),
    (['I live in York.', 'I used to live in Paris'], {('user', 'home', 'York', False), ('user', 'home', 'Paris', True)}, set()),
    (['I live in York.', "I haven't moved to Leeds yet"], {('user', 'home', 'York', False)}, {"User hasn't moved to Leeds yet"}),
    (['I live in York.', 'not moved to Leeds yet'], {('user', 'home', 'York', False)}, {'Not moved to Leeds yet'}),
    (['I live in York.', 'I almost moved to Leeds'], {('user', 'home', 'York', False)}, {'User almost moved to Leeds'}),
    (["I'm 38.", "I'm almost 40"], {('user', 'age', '38', False)}, {'User is almost 40'}),
    (["I'm 29.", "30 and he still hasn't proposed"], {('user', 'age', '30', False)}, set()),
    # a height, a share or a weight is no age; hiring is no job; a company's move is not the user's
    (["I'm 34.", "I'm 5'10", "I'm 6 foot tall", "I'm 100% sure"], {('user', 'age', '34', False)}, {"User is 5'10", 'User is 6 foot tall', 'User is 100% sure'}),
    (['I work at Acme.', "we're hiring engineers in Lisbon"], {('user', 'employer', 'Acme', False)}, {'User is hiring engineers in Lisbon'}),
    (['I live in York.', 'our company relocated to Austin'], {('user', 'home', 'York', False)}, {"User's company relocated to Austin"}),
    (['Our baby is 6 months old.'], {('baby:', 'age', '6 months', False)}, set()),  # the baby's, not the user's
    # an offer not taken, volunteering, working at home, studying: no employer
    (['I work at Acme.', 'I got an offer from Google'], {('user', 'employer', 'Acme', False)}, {'User got an offer from Google'}),
    (['I work at Acme.', 'I took the offer from Google'], {('user', 'employer', 'Google', False)}, set()),
    (['I work at Acme.', 'I volunteer at the food bank'], {('user', 'employer', 'Acme', False)}, {'User volunteers at the food bank'}),
    (['I work at Acme.', 'I work at home on Fridays'], {('user', 'employer', 'Acme', False)}, {'User works at home on Fridays'}),
    (["I'm a student at Leeds Uni"], {('user', 'job', 'student', False), ('user', 'school', 'Leeds Uni', False)}, set()),
    # living in the moment, in hope, in one's head; being in Year 10: no home
    (['I live in York.', 'I live in the moment', 'I live in hope', 'I live in my head', 'I live in fear of spiders'], {('user', 'home', 'York', False)}, {'User lives in the moment', 'User lives in hope', "User lives in User's head", 'User lives in fear of spiders'}),
    (['I live in York.', "I'm in Year 10", "I'm in Room 4 at the hospital"], {('user', 'home', 'York', False)}, {'User is in Year 10', 'User is in Room 4 at the hospital'}),
    # a comma before a past verb: the same subject goes on, unless someone else was it
    (['I live in York.', 'my sister, married last year, moved to Leeds'], {('user', 'home', 'York', False), ('sister:', 'home', 'Leeds', False)}, {"User's sister married last year"}),
    (['I live in York.', 'My sister married last year, moved to Leeds'], {('user', 'home', 'York', False), ('sister:', 'home', 'Leeds', False)}, {"User's sister married last year"}),
    (['I work at Acme.', 'I work at Acme, joined in 2019'], {('user', 'employer', 'Acme', False)}, {'User joined in 2019'}),
    (["I'm 29.", "I'm 30, married, live in York"], {('user', 'age', '30', False), ('user', 'relationship', 'married', False), ('user', 'home', 'York', False)}, set()),
    (['I work at Acme.', 'Hard work paid off, joined Google today'], {('user', 'employer', 'Google', False)}, {'Hard work paid off'}),
    # a visit is a stay, wherever the one visited lives
    (['I live in York.', "I'm visiting my mum in Leeds"], {('user', 'home', 'York', False), ('user', 'location', 'Leeds', False)}, set()),
    # a stay with an end the dates did not read was a new home
    (['I live in York.', "I'm in Paris until the end of the month"], {('user', 'home', 'York', False), ('user', 'location', 'Paris', False)}, set()),
    (['I live in York.', "I'm in Lisbon till the end of June lol"], {('user', 'home', 'York', False), ('user', 'location', 'Lisbon', False)}, set()),
    (['I live in York.', "I'm in Rome until the weekend"], {('user', 'home', 'York', False), ('user', 'location', 'Rome', False)}, set()),
    (['I live in York.', "I'm in Berlin for the next two weeks"], {('user', 'home', 'York', False), ('user', 'location', 'Berlin', False)}, set()),
    (['I live in York.', "I'm in Oslo until we find a flat"], {('user', 'home', 'York', False), ('user', 'location', 'Oslo', False)}, set()),
    (['I live in York.', "I'm in Glasgow visiting my gran."], {('user', 'home', 'York', False), ('user', 'location', 'Glasgow', False)}, set()),
    # the subject of a clause after a comma is who the clause before was about
    (['I live in York.', 'Mum retired, moved to Devon.'], {('user', 'home', 'York', False), ('mum:', 'home', 'Devon', False), ('mum:', 'employer', None, True)}, set()),
    (['I work at Acme.', 'Tom quit Acme, joined Google.'], {('user', 'employer', 'Acme', False), ('Tom', 'employer', 'Google', False)}, set()),
    (['I live in York.', 'sarah quit her job, moved to leeds'], {('user', 'home', 'York', False), ('Sarah', 'employer', None, True), ('Sarah', 'home', 'leeds', False)}, set()),
    (["I'm single.", 'My sister, who lives in Leeds, got engaged.'], {('user', 'relationship', 'single', False), ('sister:', 'relationship', 'engaged', False)}, set()),
    (['I live in Pune.', 'Priya, who works with me, moved to Bangalore.'], {('user', 'home', 'Pune', False), ('Priya', 'home', 'Bangalore', False)}, set()),
    # a shift's end, or a plan's, is not leaving the job
    (['I work at the cafe.', "I'm finished working at the cafe for today", 'once I\'m done working at the cafe I\'ll travel'], {('user', 'employer', 'the cafe', False)}, {'User is finished working at the cafe for today', 'Once User is done working at the cafe User will travel'}),
    # a note without its subject is the user's; what someone "says" is no one's
    (['Lives in Leeds.', 'Works at Asda.', 'says he moved to York'], {('user', 'home', 'Leeds', False), ('user', 'employer', 'Asda', False)}, {'Says he moved to York'}),
    # chat's words for family; a modal or a month before a past is a name
    (["I'm 30.", 'my gf priya is vegan', 'bf is vegan now', "hubby's brother turned 40", 'may turned 31'], {('user', 'age', '30', False), ('user', 'partner', 'Priya', False), ('gf:Priya', 'diet', 'vegan', False), ('bf:', 'diet', 'vegan', False), ('May', 'age', '31', False)}, {"Hubby's brother turned 40"}),
    # a joke after "haha" keys nothing it cannot mean
    (["I'm 27.", "haha I'm 12 inside", "lmao I'm married to my job"], {('user', 'age', '27', False)}, {'User is 12 inside', "User is married to User's job"}),
    # a negation bears on what follows it, not on what was said before it
    (["I'm vegetarian.", 'been vegan 3 years now and never felt better'], {('user', 'diet', 'vegan', False)}, set()),
    (['I live in York.', "I live in Leeds and don't plan to move"], {('user', 'home', 'Leeds', False)}, {"User doesn't plan to move"}),
    # who a relative is, said the other way round
    (['Sam is my boyfriend now', 'Tom is my best friend and he lives in Paris'], {('user', 'partner', 'Sam', False), ('user', 'friends', 'Tom', False), ('friend:Tom', 'home', 'Paris', False)}, set()),
    # a thing that ended before the comma is not who moved after it; a word before "my X" is not them
    (['I live in York.', 'My lease ended, moved to Leeds.'], {('user', 'home', 'Leeds', False)}, {"User's lease ended"}),
    (['I work at Acme.', 'Visa came through, joined Google.'], {('user', 'employer', 'Google', False)}, {'Visa came through'}),
    (['I live in York.', 'Our landlord sold the flat, moved to Spain.'], {('user', 'home', 'York', False), ('landlord:', 'home', 'Spain', False)}, set()),
    (["I'm 40.", 'Sadly, my dad turned 70 in hospital.', 'Good news, my wife got a job at Tesco.'], {('user', 'age', '40', False), ('dad:', 'age', '70', False), ('wife:', 'employer', 'Tesco', False)}, set()),
    (['I live in York.', 'Dave, 35, moved to Leeds.', 'Priya, my best mate, moved to Bangalore.'], {('user', 'home', 'York', False), ('Dave', 'home', 'Leeds', False), ('user', 'friends', 'Priya', False), ('mate:Priya', 'home', 'Bangalore', False)}, set()),
    # "a 35 year old" is the user's age after "I'm", a child's after "I have"
    (["I'm 30.", "I'm a 35 year old nurse."], {('user', 'age', '35', False), ('user', 'job', 'nurse', False)}, set()),
    (["I'm 40.", 'I have a 10 year old and a 7 year old.'], {('user', 'age', '40', False)}, {'User has a 10 year old and a 7 year old'}),
    # "almost", "haven't" about something else than the move
    (['I live in York.', "I've lived in Leeds for almost a decade."], {('user', 'home', 'Leeds', False)}, set()),
    (['I live in York.', "I haven't seen my family since I moved to Leeds."], {('user', 'home', 'Leeds', False)}, set()),
    # a break from work, and the next job after a comma
    (['I work at the cafe.', "I'm done working at the cafe for the summer."], {('user', 'employer', 'the cafe', False)}, {'User is done working at the cafe for the summer'}),
    (['I work at Acme.', "I'm done working at Acme, starting at Google Monday."], {('user', 'employer', 'Google', False)}, set()),
    # a capitalised name that chat also uses as a word; a vocative before the news
    (['I live in York.', 'Soo moved to Seoul', 'bro I\'m vegan now'], {('user', 'home', 'York', False), ('Soo', 'home', 'Seoul', False), ('user', 'diet', 'vegan', False)}, set()),
    # a town called Hope, a birthday on Christmas Day
    (['I live in Hope.', 'My birthday is on Christmas Day'], {('user', 'home', 'Hope', False), ('user', 'birthday', 'Christmas Day', False)}, set()),
    # what someone says of themself is theirs; a child starts at a school; an age "in spirit" is none
    (['I live in Lagos.', 'Tom says he moved to Leeds.'], {('user', 'home', 'Lagos', False), ('Tom', 'home', 'Leeds', False)}, set()),
    (['I work at the hospital.', 'My 10 year old daughter started at Oakfield.'], {('user', 'employer', 'the hospital', False), ('daughter:', 'school', 'Oakfield', False)}, set()),
    (["I'm 30.", "haha I'm 90 on the inside", "lol I'm 80 years old in spirit"], {('user', 'age', '30', False)}, {'User is 90 on the inside', 'User is 80 years old in spirit'}),
    # been to the dentist is no job; speaking one's mind no language
    (['I work as a nurse.', "I've been to the dentist", 'I speak my mind'], {('user', 'job', 'nurse', False)}, {'User has been to the dentist', "User speaks User's mind"}),
    # a birthday without its day, a child's age said as "a 10 year old"
    (['My birthday is 14 Feb.', 'my birthday is coming up'], {('user', 'birthday', '14 Feb', False)}, {"User's birthday is coming up"}),
    (["I'm 41.", 'I have a 10 year old'], {('user', 'age', '41', False)}, {'User has a 10 year old'}),
    # a month that is also a name
    (['May is when I start at Google.'], {('user', 'employer', 'Google', False)}, set()),
    (['May was when I started at Google.'], {('user', 'employer', 'Google', False)}, set()),
    # a diet done well, or over for someone else
    (["I'm vegan.", 'Vegan is done really well at Mildreds.'], {('user', 'diet', 'vegan', False)}, {'Vegan is done really well at Mildreds'}),
    (["I'm vegan.", 'Vegan was done to death on TikTok.'], {('user', 'diet', 'vegan', False)}, {'Vegan was done to death on TikTok'}),
    (["I'm keto.", 'keto is over for my sister'], {('user', 'diet', 'keto', False)}, {"Keto is over for User's sister"}),
    # pets named after drinks
    (['I drink tea.', "Mocha is my dog and she's 3 now."], {('Mocha', 'age', '3', False), ('user', 'drinks', 'tea', False)}, {"Mocha is User's dog"}),
    (['I drink tea.', "Chai is my cat and she's 2 now."], {('Chai', 'age', '2', False), ('user', 'drinks', 'tea', False)}, {"Chai is User's cat"}),
    # a note in brackets is not a nickname
    (['My brother Tom (London) works at Google.'], {('user', 'siblings', 'Tom', False)}, {"User's brother Tom (London) works at Google"}),
    (['My sister Amy (CEO) lives in Leeds.'], {('user', 'siblings', 'Amy', False)}, {"User's sister Amy (CEO) lives in Leeds"}),
    # shouted text keeps its capitals
    (['I moved to NYC, NASA HQ is my new employer lol'], {('user', 'home', 'NYC', False)}, {"NASA HQ is User's new employer lol"}),
    (['I moved to LA, CA USA last year.'], {('user', 'home', 'LA', False)}, set()),
    (['I WORK AT IBM AND LOVE IT'], {('user', 'employer', 'IBM', False)}, {'User LOVES IT'}),
    (['I LIVE IN NEW YORK NOW'], {('user', 'home', 'NEW YORK', False)}, set()),
    # retired from something that is not work
    (['I work at Google.', 'I retired in my head years ago lol.'], {('user', 'employer', 'Google', False)}, {"User retired in User's head years ago lol"}),
    # a home that is someone else's, wished for, or not a home at all; "X is home" that is someone back home
    (['I live in York.', 'a new apartment in Leeds costs a fortune', 'a house in Leeds would be nice', 'thinking of buying a place in Leeds'], {('user', 'home', 'York', False)}, {'A new apartment in Leeds costs a fortune', 'A house in Leeds would be nice', 'Thinking of buying a place in Leeds'}),
    (['I live in York.', 'our new office is in Leeds', 'new place for lunch is in Soho', 'the new flat has a balcony'], {('user', 'home', 'York', False)}, {"User's new office is in Leeds", 'New place for lunch is in Soho', 'The new flat has a balcony'}),
    (['I live in York.', 'my parents bought a house in Leeds', "Tom's new flat is in Hove", 'I got the keys to her new flat in Hove'], {('user', 'home', 'York', False)}, {"User's parents bought a house in Leeds", "Tom's new flat is in Hove", 'User got the keys to her new flat in Hove'}),
    (['I live in York.', 'we rented a house in Tuscany for a fortnight', "we're renting a cottage in Cornwall for the week"], {('user', 'home', 'York', False)}, {'User rented a house in Tuscany for a fortnight', 'User is renting a cottage in Cornwall for the week'}),
    (['I live in York.', 'Tom is home now', 'Leeds is home to the Royal Armouries', 'we settled on a name for the baby', 'we rent a car in Lisbon every summer'], {('user', 'home', 'York', False)}, {'Tom is home now', 'Leeds is home to the Royal Armouries', 'User settled on a name for the baby', 'User rents a car in Lisbon every summer'}),
]  # fmt: skip

# Chat's own words before the news ("lol", "omg", "Cheers,") are not the news, nor a
# reason to drop it; a typed-in-lower-case interjection is no one's name.
_NEWS_KEPT: list[_Conversation] = [
    # the one who died did not move: the user did
    (['I live in Leeds.', 'Dad died, moved back home to York.'], {('user', 'home', 'York', False)}, {"User's dad died"}),
    (['I live in Leeds.', 'my gran passed away, moved back home to Cork'], {('user', 'home', 'Cork', False)}, {"User's gran passed away"}),
    # a word for an older sibling after the name: that sibling, not the user
    (['I live in Daegu.', 'My unnie Soyeon works at Korean Air.', 'Soyeon unnie flies for Asiana now'], {('user', 'home', 'Daegu', False), ('user', 'siblings', 'Soyeon', False), ('unnie:Soyeon', 'employer', 'Asiana', False)}, set()),
    (['I live in York.', 'Minho oppa just bought a flat in Seoul.'], {('user', 'home', 'York', False), ('Minho', 'home', 'Seoul', False)}, set()),
    (['I live in York.', "I'm living in Porto for a month"], {('user', 'home', 'York', False), ('user', 'location', 'Porto', False)}, set()),
    (['I live in Daegu.', 'My hyung Minho lives in Busan.', 'Minho hyung moved to Seoul'], {('user', 'home', 'Daegu', False), ('user', 'siblings', 'Minho', False), ('hyung:Minho', 'home', 'Seoul', False)}, set()),
    (['I live in York.', 'lol moved to Leeds'], {('user', 'home', 'Leeds', False)}, set()),
    (['I work at Acme.', 'lol I got a job at Tesco'], {('user', 'employer', 'Tesco', False)}, set()),
    # Acme until Monday, Google from then
    (['I work at Acme.', 'Cheers, I start at Google on Monday'], {('user', 'employer', 'Acme', False), ('user', 'employer', 'Google', False)}, set()),
    (["I'm 30.", 'Omg turned 40 today'], {('user', 'age', '40', False)}, set()),
    (["I'm 30.", 'haha turned 40 today'], {('user', 'age', '40', False)}, set()),
    (['I drink tea.', 'Got it, I drink coffee now by the way'], {('user', 'drinks', 'coffee', False)}, set()),
    (['I live in York.', 'no worries, I live in Paris now'], {('user', 'home', 'Paris', False)}, set()),
    (['I live in York.', 'Thanks to my new job at Google, I moved to London'], {('user', 'home', 'London', False)}, {"Thanks to User's new job at Google"}),
    (['I work at Acme.', 'welp, quit Acme, joined Google'], {('user', 'employer', 'Google', False)}, set()),
    (['I work at Acme.', "I'm done working for Acme"], {('user', 'employer', 'Acme', True)}, set()),
    (['I live in York.', 'Thanks, you have been a star!', 'lol', 'Thank you so much for the help!'], {('user', 'home', 'York', False)}, set()),
    (['I live in York.', "thanks, that's helpful", 'haha true', 'lol ok whatever'], {('user', 'home', 'York', False)}, set()),
    (['I live in York.', 'thanks for the help, I moved to Edinburgh btw'], {('user', 'home', 'Edinburgh', False)}, set()),
    (['I live in York.', 'Cheers mate, I live in Leeds now'], {('user', 'home', 'Leeds', False)}, set()),
    (['I live in York.', 'nah moved to leeds'], {('user', 'home', 'leeds', False)}, set()),
    (["I'm 29.", 'yh turned 30'], {('user', 'age', '30', False)}, set()),
    (['I live in York.', 'lol ' * 1000 + 'I moved to Leeds'], {('user', 'home', 'Leeds', False)}, set()),
    # news after a question-shaped exclamation, or inside a question that tells
    (['I live in York.', 'what a day, I moved to Leeds'], {('user', 'home', 'Leeds', False)}, set()),
    (["I'm 30.", "how about that, I'm 40 now"], {('user', 'age', '40', False)}, set()),
    (['I live in York.', 'Did I tell you I moved to Leeds?'], {('user', 'home', 'Leeds', False)}, set()),
    (["I'm 30.", "can you believe I'm 40 now"], {('user', 'age', '40', False)}, set()),
    (['I work at Acme.', 'why not, I started at Google'], {('user', 'employer', 'Google', False)}, set()),
    (['I live in York.', 'Do you know if I need a visa?', 'what do you think, should I move to Leeds'], {('user', 'home', 'York', False)}, set()),
    (['I live in York.', 'What a mess. I moved to Leeds anyway'], {('user', 'home', 'Leeds', False)}, set()),
    # a new home told in everyday words: keys, a lease, unpacking, an address, how near it is
    (['I live in York.', 'Our new flat is a five-minute walk from Slottsskogen, and the boys can cycle to school.'], {('user', 'home', 'near Slottsskogen', False)}, {'The boys can cycle to school'}),
    (['I live in York.', 'my new place is just round the corner from work lol'], {('user', 'home', 'near work', False)}, set()),
    (['I live in York.', 'new place is right behind agara lake'], {('user', 'home', 'behind agara lake', False)}, set()),
    (['I live in York.', 'just got the keys to our new house in Didsbury'], {('user', 'home', 'Didsbury', False)}, set()),
    (['I live in York.', 'our new apartment in Leeds has a balcony'], {('user', 'home', 'Leeds', False)}, set()),
    (['I live in York.', 'new digs are in Fitzroy'], {('user', 'home', 'Fitzroy', False)}, set()),
    (['I live in York.', 'signed a lease on a flat in Shoreditch today 🎉'], {('user', 'home', 'Shoreditch', False)}, set()),
    (['I live in York.', 'finally settled into our place in Koramangala'], {('user', 'home', 'Koramangala', False)}, set()),
    (['I live in York.', 'finally unpacked in Glasgow'], {('user', 'home', 'Glasgow', False)}, set()),
    (['I live in York.', 'moved into a new flat in Jesmond'], {('user', 'home', 'Jesmond', False)}, set()),
    (['I live in York.', 'we shifted to a new flat in Whitefield'], {('user', 'home', 'Whitefield', False)}, set()),
    (['I live in York.', "we've taken a flat in Leith"], {('user', 'home', 'Leith', False)}, set()),
    (['I live in York.', "we're in a new apartment in Bandra now"], {('user', 'home', 'Bandra', False)}, set()),
    (['I live in York.', 'I live in a tiny flat in Peckham'], {('user', 'home', 'Peckham', False)}, set()),
    (['I live in York.', "we're renting in Clapham for now"], {('user', 'home', 'Clapham', False)}, set()),
    (['I live in York.', 'finally bought our first house in Didsbury!!'], {('user', 'home', 'Didsbury', False)}, set()),
    (['I live in York.', 'we bought a house on Elm Street'], {('user', 'home', 'on Elm Street', False)}, set()),
    (['I live in York.', 'just closed on a condo in Austin!!'], {('user', 'home', 'Austin', False)}, set()),
    (['I live in York.', 'we got a house in Fremantle mate'], {('user', 'home', 'Fremantle', False)}, set()),
    (['I live in York.', 'home is Lisbon now'], {('user', 'home', 'Lisbon', False)}, set()),
    (['I live in York.', 'Bristol is our new home'], {('user', 'home', 'Bristol', False)}, set()),
    (['I live in York.', 'Discord is my home now lol', 'Tom is home for good', 'Costa is my home'], {('user', 'home', 'York', False)}, {"Discord is User's home now lol", 'Tom is home for good', "Costa is User's home"}),
    (['I live in York.', 'our new address is 22 Acacia Avenue in Harrogate'], {('user', 'home', '22 Acacia Avenue in Harrogate', False)}, set()),
]  # fmt: skip


@pytest.mark.parametrize(("said", "keyed", "plain"), _NOT_A_NEW_FACT + _NEWS_KEPT)
def test_everyday_chat_is_read_as_meant(
    mem: Longmem,
    collection: str,
    said: list[str],
    keyed: set[tuple[str, str, Optional[str], bool]],
    plain: set[str],
) -> None:
    for content in said:
        mem.remember(content, collection=collection)
    current = _current(mem, collection)
    facts = {
        (m["subject"], m["attribute"], m["value"], m["negated"]) for m in current if m["attribute"]
    }
    assert facts == keyed
    assert {m["text"] for m in current if not m["attribute"]} == plain
