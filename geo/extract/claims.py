"""Find the claims in a report: who acted, what they did, whether ISW says so or a party claims it,
and where (the place mentions, from `mentions.py`).

Pure functions over the Report. The method reads each sentence as a sequence of events
("attacked", "advanced", "struck", "a Russian attack", "repelled Russian assaults"), gives
each event the side whose forces are its subject, and gives it the place names that follow
it up to the next event. An attribution ("the Russian MoD claimed that", "reportedly",
an "Unconfirmed claims:" lead-in) makes the events after it `claimed`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from geo.extract import lexicon
from geo.extract.lexicon import alternation
from geo.extract.mentions import REFERENCE_AFTER, find_mentions
from geo.models import Claim, Mention, Report
from geo.read.sentences import split_sentences
from geo.read.regex_twin import Twin

NameTest = Callable[[str], bool]
METHOD = "rules-1"

# The trigger words come from lemma lists (`lexicon.py`) with every inflection; a few fixed phrases are added here.
# a stated share of a place ("70%", "40–50 percent", "more than two-thirds", "roughly half"); not "most", "the majority"
# ("Ukrainian forces control the majority of Bakhmut itself": the defender's hold)
PARTIAL_SHARE = (r"(?:(?:approximately|roughly|about|around|nearly|almost|over|more\s+than|up\s+to|at\s+least)\s+)?"
                 r"(?:\d+(?:\.\d+)?(?:\s*[-–]\s*\d+)?\s*(?:%|percent)|(?:one-|a\s+)?half|(?:one|two)-thirds?|three-quarters)")
_ADV = alternation(lexicon.ADVANCE | lexicon.CONTROL) + (
    r"|approaching|(?:made|make|making|makes)\s+(?:\w+\s+){0,2}gains|(?:gained|gaining)\s+ground"
    # "the MoD claimed full control of X", "claimed control over Y": ground the party says its side took
    r"|claim(?:ed|s|ing)?\s+(?:full\s+|complete\s+|total\s+)?control\s+(?:of|over)"
    # "established positions in southeastern X" (not "defensive positions", nor "from established positions", where an
    # attack set out from); "took up positions in Y" is read with "take" (TAKE_PLACE)
    r"|(?:established(?<!from\sestablished)(?<!previously\sestablished)(?<!newly\sestablished)|establish(?:es|ing)?)\s+"
    r"(?:new\s+|some\s+|several\s+|firing\s+)?positions\s+(?:in|on|near|along|at|around|within)\b"
    # "continued to make slow but steady progress in X"; not "made little/no/limited progress", nor "progress toward X"
    # (an approach, as "attempted to advance toward X" is)
    r"|(?:made|make|making|makes)\s+(?:(?!(?:no|little|any|few|limited|minimal|insignificant|less|only)\b)[\w-]+\s+){0,3}"
    r"progress(?!\s+towards?\b)"
    # "Russian forces had “partial success” in X", "experienced successes around Y", "expanding their successes in Z": the
    # Ukrainian General Staff's word for ground the other side gained (a verb before it: not "claims of success near X")
    r"|(?:had|has|have|experienced|achieved|secured|scored|expanded|expanding)\s+(?:(?:unspecified|some|minor|limited|local|"
    r"further|their|its)\s+)?[“”\"]?(?:partial[“”\"]?\s+)?success(?:es)?(?=[“”\"]?\s+(?:in|near|on|at|around|along)\b)"
    r"|pushed\s+(?:\w+\s+){0,3}(?:forward|into|deeper)|pushed\s+(?:north|south|east|west)\w*|consolidated\s+positions"
    # "expelled Russian troops from X", "drove a Russian grouping out of Y": the subject took the ground
    rf"|(?:{alternation(lexicon.EXPEL)})(?=\s+(?:the\s+|an?\s+|all\s+)?(?:russian|ukrainian|enemy|wagner|them\b))"
    r"|(?:drove|driven|drive|driving|knocked|pushed|forced)\s+(?:the\s+|an?\s+|all\s+)?(?:russian|ukrainian|enemy|wagner|them\b)"
    r"(?:\s+[\w-]+){0,4}?\s+(?:out\s+of|out\s+from|from\s+(?:their|its|the)\b)"
    # "pushed Russian forces back to the borders of X", "pushed Ukrainian forces west of the river", "pushed Russian troops
    # further north from X", "drove Russian troops away from Y": the other side made to give ground
    r"|(?:drove|driven|drive|driving|pushed|pushing|push|pushes)\s+(?:the\s+|all\s+)?(?:russian|ukrainian|enemy|wagner)"
    r"(?:\s+[\w-]+){0,2}?\s+(?:back|away\s+from|(?:further\s+|farther\s+)?(?:north|south|east|west)\w*\s+(?:of|from)\b)"
    r"|secured\s+(?:\w+\s+){0,2}(?:positions|control|a\s+foothold|footholds|a\s+bridgehead)|occupied"
    # "pushed the Zaporizhia Oblast frontline 10 km south": the front moved forward is ground gained
    r"|(?:pushed|moved|shifted)\s+the\s+(?:[\w-]+\s+){0,3}(?:front\s?line|line\s+of\s+contact)"
    # "gained a foothold on the outskirts of X", "established a bridgehead in Y" (done; "to gain a foothold" is an aim)
    r"|(?:gained|established)\s+(?:a\s+)?(?:\w+\s+)?(?:foothold|footholds|bridgehead)"
    # "Russian forces control 70% of X", "are in control of 75% of Y", "have control over more than two-thirds of Z":
    # a share of a place held by the side fighting for it (not "still/only control", checked in `_events`)
    rf"|control(?:s|led)?(?:\s+(?:of|over))?\s+(?:{PARTIAL_SHARE}|all)\s+of"
    # "Ukrainian forces fully control X", "now completely control the settlement": the whole place held
    r"|(?:fully|completely|entirely)\s+control(?:s|led)?")
# the agent or the loser right after a participle: "a village recaptured by Ukrainian forces", "a map captured from Russian
# forces": the participle qualifies the noun before it (what was taken earlier), it is no event of the day
AGENT_AFTER = re.compile(r"\s+(?:by|from)\s+(?:the\s+)?(?:Russian|Ukrainian|Russia|Ukraine|Wagner|DNR|LNR)\b")
PASSIVE_BY = re.compile(r"\s+by\s+(?:the\s+)?(?P<side>Russian|Ukrainian)\b")
PASSIVE_AUX = {"be", "been", "being", "was", "were", "is", "are", "get", "got"}
# where a push goes: a bearing or a direction, never "push back" (repel) or "push to VERB" (an aim)
PUSH_WAY = r"(?:north|south|east|west)\w*|on|onto|toward|towards|into|from|through|past|beyond|in\s+the\s+direction\s+of"
# "continued defensive operations", "conducting active defense operations", "information operations": not ground assaults
NOT_ASSAULT = r"(?:defensive|defen[cs]e|information|filtration|evacuation|rescue|stabilization|rotational)\b"
_ATT = alternation(lexicon.ATTACK) + (
    rf"|(?:conducted|conducting|continued|continuing)\s+(?:(?!{NOT_ASSAULT})\w+\s+){{0,3}}operations"
    # "tried to move towards X", "are trying to move from X to Y": a ground attack, not "tried to move to an all-volunteer
    # basis"; "attempted to break Ukrainian defenses near X" (as "break through")
    r"|(?:attempted|attempting|attempts?|tried|trying)\s+to\s+(?:cross|move(?=\s+(?:(?:north|south|east|west)\w*\s+)?"
    r"(?:toward|towards|to|into|from|on|in\s+the\s+direction\s+of)\s+(?!an?\s|the\s+(?!direction|outskirts)))"
    r"|break(?=\s+(?:the\s+)?(?:ukrainian|russian|enemy)\s+(?:defen|lines|positions|defensive))"
    # "are trying to gain a foothold in X", "attempted to gain a foothold north of Y": a ground attack with no gain yet
    r"|gain\s+(?:a\s+)?footholds?)"
    # "attempted to push from X to Y", "continued pushing north on Bakhmut": pressing an attack in a direction
    rf"|(?:{alternation(lexicon.PUSH)})(?=\s+(?:further\s+|deeper\s+)?(?:{PUSH_WAY})\b)"
    # "attempted to improve their tactical positions near X": the General Staff's word for a local assault
    r"|improv(?:e|es|ed|ing)\s+(?:their|its|our)\s+(?:tactical\s+)?positions?"
    # "are probing Russian defenses in X", "probed Ukrainian positions near Y", "methodical probing of Russian positions":
    # a small ground assault on the other side's line (not "a probe into", "probing questions")
    r"|prob(?:e|es|ed|ing)(?:\s+of)?(?=\s+(?:(?:the|their|its)\s+)?(?:(?:russian|ukrainian|enemy|nearby)\s+)?"
    r"(?:defen[cs]es|defensive|positions|lines|front\s?lines?)\b)")
# what a strike destroys at a place: "destroyed an ammunition depot in X", "damaged a command post of the 49th CAA in Y"
MILITARY_OBJECT = (r"command\s+(?:and\s+\w+\s+)?posts?|(?:ammunition|fuel|weapons)\s+depots?|depots?|warehouses?|headquarters|"
                   r"pontoon|bridges?|ferry|barges?|airfields?|radars?|launchers?|air\s+defen[cs]e")
# ... and the facilities a strike destroys or damages: "destroyed the dam at X", "damaged the Y oil refinery", "disabled a
# power substation in Z" (the verbs alone are no strike: "destroyed Russian plans", "damaged morale")
FACILITY_OBJECT = (r"dams?|(?:oil\s+)?refiner(?:y|ies)|(?:sea)?ports?|(?:power\s+|electrical\s+|transformer\s+)?substations?|"
                   r"(?:railway\s+|rail\s+|train\s+)?stations?|(?:military\s+)?bases?|barracks|plants?|factor(?:y|ies)|"
                   r"facilit(?:y|ies)|(?:oil\s+|fuel\s+)?terminals?|airports?|air\s*bases?|shipyards?|locomotives?|trains?|"
                   r"railcars?|fuel\s+tanks?|tankers?|power\s+lines?")
_STR = alternation(lexicon.STRIKE) + (
    rf"|(?:{alternation(lexicon.DESTROY)})(?=\s+(?:[\w-]+\s+){{0,3}}(?:russian|ukrainian|enemy|{MILITARY_OBJECT})\b)"
    # (not the participle as an adjective: "examining a destroyed dam", "the damaged substation")
    rf"|(?<!\ba\s)(?<!\bthe\s)(?:{alternation(lexicon.DESTROY)})(?=\s+(?:[\w-]+\s+){{0,3}}(?:{FACILITY_OBJECT})\b)"
    rf"|(?:{alternation(lexicon.FIRE_VERB)})\s+(?:[\w()-]+\s+){{0,9}}?(?:on|at|upon|against|into)"
    # "fired artillery near X", "firing incendiary munitions near Y", "continued to fire along the line of contact"
    rf"|(?:{alternation(lexicon.FIRE_VERB)})\s+(?:(?:[\w()-]+\s+){{0,8}}?(?:artillery|missiles|rockets|shells|munitions|"
    r"mortars|projectiles)\b|(?:artillery\s+)?(?:along|across)\b)"
    r"|set\s+(?:[\w’'-]+\s+){1,6}?on\s+fire|(?:blew|blown|blow|blows|blowing)\s+up"
    # "dropped phosphorous munitions on X", "dropping explosives on equipment in Y": a strike from the air
    r"|(?:dropped|dropping|drop|drops)\s+(?:[\w-]+\s+){0,3}?(?:munitions|explosives|bombs|grenades|shells|weapons)\b"
    # "began using heavy artillery against X", "used incendiary munitions against Y": a strike with the weapon named
    r"|(?:us|employ)(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,3}?(?:artillery|mlrs|missiles|rockets|drones|aviation|mortars|"
    r"munitions|bombs|weapons)\s+(?:against|on)\b"
    rf"|(?:{alternation(w.lower() for w in lexicon.FIRE_QUALIFIERS)})(?:\s+and\s+\w+)?\s+fires?"
    # "artillery duels around X", "artillery exchanges between Ukrainian and Russian forces near Y": both sides' fire (`_events`
    # keeps it only with both sides named)
    r"|(?:artillery|counter-?battery)\s+(?:duels?|exchanges?|warfare|combat)\b"
    # partisans' deeds (`_events` asks for partisans named just before): "partisans detonated explosives at X", "killed a
    # collaborator in Y", "were responsible for an explosion at Z"
    r"|(?:killed|kill|detonated|detonating|assassinated|exploded)(?=\s)|explosions?(?=(?:\s+\([^()]{1,60}\))?\s+(?:at|in|near|on)\s)")
PARTISAN_DEEDS = frozenset({"killed", "kill", "detonated", "detonating", "assassinated", "exploded", "explosion", "explosions"})
# an explosion put down, after it, to a side's deed: "explosions in X, possibly from partisan activity", "explosions (from likely
# partisan activity) in Y", "an explosion in Z, which he attributed to “resistance”", "two explosions in W and implied that
# partisans were responsible": a strike of that side (partisans and the resistance are Ukraine's)
BLAMED_AFTER = re.compile(r"[^.;]{0,160}?(?:\b(?:from|by|due\s+to|caused\s+by|the\s+result\s+of|the\s+work\s+of)\s+(?:(?:an?|the)\s+)?"
                          r"(?:(?:likely|possible|suspected|apparent)\s+)?(?:partisans?|resistance|saboteurs?|sabotage)\b"
                          r"|\b(?:attribut|blam)\w*\s+(?:(?:it|them|the\s+explosions?)\s+)?(?:to|on)\s+[“”\"]?(?:(?:an?|the)\s+)?"
                          r"(?:(?!(?:or|and)\s)[\w-]+\s+){0,2}?(?:(?P<ru>Russian)|Ukrainian|Ukraine|partisans?|resistance|saboteurs?|sabotage)\b"
                          r"(?!\s+(?:or|and)\s+(?:Russian|Ukrainian)\b)"
                          r"|\bimpl(?:y|ied|ies|ying)\s+that\s+(?:(?:the\s+)?Ukrainian\s+)?(?:partisans|resistance|saboteurs)\s+"
                          r"(?:were|was)\s+responsible)")
# verbs after which "to VERB" reports the event itself ("continued to attack", "attempted to advance")
CARRY_ON = {"continued", "continue", "continues", "continuing", "managed", "manage", "began", "begun", "begin", "begins",
            "started", "start", "starts", "attempted", "attempting", "attempt", "attempts", "tried", "trying", "try",
            "failed", "fail", "sought", "seeking", "effort", "efforts", "unsuccessfully", "again", "resumed", "used",
            "moved", "pushed", "struggled", "struggling", "able", "unable", "going", "appear", "appeared",
            "appears", "reportedly", "likely", "recently", "also", "additionally"} | lexicon.SAY_TO
DETERMINERS = {"the", "its", "their", "his", "her", "this", "these", "those", "further", "of", "any", "such", "our", "future", "own", "new", "possible", "potential", "next"}
_REPEL = alternation(lexicon.REPEL | lexicon.REPEL_BASE) + (
    r"|(?:destroyed|eliminated|neutralized)(?=\s+(?:\w+\s+){0,2}(?:russian|ukrainian)\s+(?:sabotage|reconnaissance|assault|drg))")
# matched against the lower-cased sentence (a case-insensitive alternation this size is several times slower);
# every word starts with a letter, so "not after a word character" is its word boundary, and the engine tests
# that look-behind far faster than a \b before the alternation
TRIGGER = re.compile(rf"(?<!\w)(?:(?P<repel>{_REPEL})|(?P<advance>{_ADV})|(?P<strike>{_STR})|(?P<attack>{_ATT})"
                     rf"|(?P<move>{alternation(lexicon.MOVE | lexicon.ABANDON)}))\b")
TRIGGER = Twin(lexicon.quick_start(TRIGGER, depth=3))
NOUN_TRIGGERS = set(lexicon.NOUNS)
TARGET_NOUN = {"target", "targets"}
TARGET_AFTER = re.compile(r"\s*(?:[,.;]|(?:in|near|at|around|across|throughout|along|and|that|which|were|was)\b)")
NEEDS_WEAPON = lexicon.forms("hit", "launch")  # "hit" and "launched" are strikes only with a weapon nearby
NEEDS_ACTOR = lexicon.forms("reach", "approach", "enter", "clear") | lexicon.CROSSED  # these need a named side
# "the MoD claimed (on March 15) to (have) captured": the speaker's own side is the subject of the infinitive
SAID_TO = re.compile(rf"\b(?:{alternation(lexicon.SAY_TO)})\s+(?:on\s+\w+\s+\d+\s+)?to\s+(?:have\s+)?$", re.I)
# "took Siversk", "to take the village of X": "take" gains ground only with a place as its object
TAKE_PLACE = re.compile(r"\s+(?:(?:the\s+)?(?:(?:town|village|city|settlement)s?\s+of\s+))?(?!Russian|Ukrainian|The\b)[A-Z]"
                        # "took further ground northeast of X", "continue to take territory in Y" (not "took positions")
                        r"|\s+(?:(?:further|more|additional|some|new)\s+)?(?:ground|territory)\s+(?:in|near|around|within|"
                        r"(?:north|south|east|west)\w*)\b"
                        # "took up positions in southern X" (not "took up defensive positions")
                        r"|\s+up\s+(?:new\s+|some\s+|several\s+|firing\s+)?positions\s+(?:in|on|near|along|at|around|within)\b")
REACHED = lexicon.forms("reach", "enter", "hit")  # a weapon "reached" or "hit" a place: a strike
FIGHTING = lexicon.forms("fight", "clash", "battle") | lexicon.forms("fighting", "clash", "battle", "firefight", pos="NOUN")
ENEMY_OBJECT = re.compile(r"\s+(?:(?:a|an|the|several|multiple|\d+)\s+)?(?:Russian|Ukrainian)\s+(?!forces\s+(?:in|near|at))", re.I)
# what a hit with no weapon named struck: "hit an ammunition depot in X", "hitting the command post of ... in Y",
# "hit civilian infrastructure in Z" (not "hit a wall", "were hit hard")
# "explosions in X and Y, possibly from Ukrainian strikes", "smoke near X following a Ukrainian strike": the strike is
# what the explosions named before it are put down to (a hedged cause, but no aim: "potential" is not a modal here)
CAUSED_BY = re.compile(r"\b(?:explosions?|blasts?|smoke|fires?|damage|destruction)\b[^.;]{0,160}?\b(?:from|due\s+to|caused\s+by|after|following)\s+"
                       r"(?:an?\s+|the\s+)?(?:(?:potential|possible|likely|suspected|reported|apparent)\s+)?(?:Ukrainian|Russian)\s+"
                       r"(?:[\w-]+\s+)?$", re.I)
CAUSE_LINK = re.compile(r"\b(?:after|following)\b")
# a raid that is no ground assault: police, mobilization, search and occupation raids on homes, residents, partisans
# ("conducted raids on residents' homes", "intensifying raids to identify possible deserters"), and air raid alerts
NOT_A_RAID = re.compile(r"\b(?:air|search|mobilization|roundup|police|filtration|occupation|occupied|FSB|authorities|checks)\b"
                        r"|\braids?\s+(?:[\w’'-]+\s+){0,3}?(?:homes?|households?|businesses|hotels|property|apartments|garages|"
                        r"residents|civilians|saboteurs|partisans|deserters|collaborators|men)\b|\braids?\s+to\b", re.I)
# "continued Russian attempts to advance in X", "ongoing Russian efforts to encircle Y": the side's noun is the subject
# (not "previous/past/earlier attempts", which recount)
SIDE_ATTEMPT = re.compile(r"(?<![Pp]revious\s)(?<![Pp]ast\s)(?<![Ee]arlier\s)\b(?P<side>Russian|Ukrainian)\s+(?:[\w-]+\s+)?(?:attempts?|efforts?)\s+to\s+$")
HIT_OBJECT = re.compile(rf"\s+(?:[\w-]+\s+){{0,3}}?(?:{MILITARY_OBJECT}|infrastructure|concentration\s+areas?|concentrations)\b", re.I)
SUCCESSFUL = re.compile(r"(?<!un)\bsuccessful(?:ly)?\s+(?:[a-z-]+\s+)?$", re.I)
NOUN_FORECAST = re.compile(r"(?:\s+[\w’'()-]+){1,6}?\s+(?:is|are|was|were)\s+(?:\w+\s+){0,2}(?:likely|unlikely|expected|set|poised|about)\s+to\b"
                           r"|(?:\s+[\w’'()-]+){1,6}?\s+(?:is|are|remains?)\s+(?:\w+ly\s+)?(?:unlikely|impossible|improbable)\b"  # "... are extremely unlikely"
                           r"|(?:\s+[\w’'()-]+){1,6}?\s+(?:will|may|might|could|would|cannot|can[’']t)\b")
# "attack helicopters", "strike drones", "offensive lines", "battle banners": the event word qualifies the noun after it
MODIFIER_OF = Twin(re.compile(r"\s+(?:force|forces|personnel|echelons?|season|experience|aircraft|helicopters?|jets?|planes?|boats?|submarines?|drones?|UAVs?|vehicles?|tanks?|ships?|rifles?|tactics|brigades?|groups?|units?|detachments?|companies|battalions?|divisions?|regiments?|squads?|teams?|formations?|aviation|capabilit(?:y|ies)|potential|power|tempo|momentum|lines?|banners?|flags?)\b"))
ACCUSED = re.compile(r"\b(?:accus\w*|blam\w*)\s+(?:the\s+)?(?P<side>Ukrainian|Russian|Ukraine|Russia)\b[^,;]{0,40}?\s+(?:of|for)\s+$")
# "reinforcing troops for an offensive on X", "possibly for a large offensive effort": an event named as what something is
# for has not happened; not "responsibility for a strike on X", "retaliation for an attack on Y", "used drones for a strike"
FOR_AN_EVENT = re.compile(r"\bfor\s+an?\s+(?:[\w-]+\s+){0,4}?$")
FOR_A_DONE_EVENT = re.compile(r"\b(?:responsib\w*|credit\w*|blam\w*|retaliat\w*|revenge|respon(?:se|d\w*)|punish\w*|accountab\w*|accus\w*|"
                              r"condemn\w*|prais\w*|award\w*|thank\w*|apolog\w*|used|using|footage|video|evidence|"
                              r"sentenced|convicted|arrested|detained|charged|prosecut\w*)\s+(?:[\w’'-]+\s+){0,4}?for\s+an?\s+", re.I)
CREDIT_NOUNS = {"role", "roles", "contribution", "contributions", "participation", "part", "credit", "involvement"}
# ... and "entered into an agreement", "reached a deal", "enter negotiations", "entered service": a compact or a status, not ground
ABSTRACT_OBJECT = re.compile(r"\s+(?:(?:a|an|the|its|their|his|her|this|that|these|those|russia[’']s|ukraine[’']s)\s+(?:[\w-]+\s+)?"
                             r"(?:narratives?|agendas?|interests?|claims?|goals?|objectives?|efforts?|argument|idea|policy|policies|"
                             r"proposals?|cause|plans?|position\s+that)|(?:into\s+)?(?:(?:an?|the|its|their|new|further)\s+)?(?:[\w-]+\s+)?"
                             r"(?:agreements?|negotiations|talks|contracts?|deals?|dialogue|alliances?|partnerships?|discussions|compromise)"
                             r"|(?:into\s+)?(?:service|force|effect|office))\b", re.I)
TIME_NOUN = re.compile(r"\b(?:(?:after|since|following|before|until|through|during|amid|throughout)|(?:start|beginning|end|success|"
                       r"successes|failure|failures|outcome|course|anniversary|lessons)\s+of)\s+(?:the\s+|a\s+|an\s+)?"
                       r"(?:[\w’'-]+\s+){0,2}$", re.I)
# "attempted to advance toward X through attacks on A, B, and C": the means of the attempt, events of the day (not "through
# the winter", "through their offensive")
THROUGH_MEANS = re.compile(r"\bthrough\s+(?!(?:the|a|an|its|their|this|these|that|those|his|her|our|russia[’']s|ukraine[’']s)\s)"
                           r"(?:[\w’'-]+\s+){0,2}$", re.I)
MOVE_THEN_EVENT = re.compile(r"\s+(?:after|following|during|amid)\s+(?:an?\s+)?(?:[\w’'-]+\s+){0,2}$")
# "retreated after a failed assault on X", "during an attempted attack on Y": an event told for the first time, the day's
NEW_EVENT_AFTER = re.compile(r"\b(?:after|following|during|amid)\s+an?\s+(?:[\w’'-]+\s+){0,2}$"
                             # with no article: "forced Russian units to withdraw during assaults on X", "amid fighting in Y",
                             # "retreated following unsuccessful assaults in the Z direction" (not "during the", "after their")
                             r"|(?:\b(?:during|amid)|\b(?:withdr[ae]w\w*|retreat\w*|pulled\s+back|losses)\s+(?:after|following))\s+"
                             r"(?!(?:the|its|their|this|these|that|those|his|her|our|his|russia[’']s|ukraine[’']s)\s)(?:[\w’'-]+\s+){0,2}$", re.I)
# "Ukrainian forces withdrew from X", "Russian units retreated westward from Y": the side named gave the place up, the
# other side's gain (not "withdrew 60 howitzers from storage", "withdrew following failed assaults")
CEDED_VERBS = {"withdrew", "withdrawn", "retreated", "fell back"}
CEDED_FROM = re.compile(r"(?:\s+(?:entirely|completely|fully|further|(?:north|south|east|west)(?:ward|wards)?))?\s+from\s+(?!the\s+(?:direction|area)\b)")
CEDED_TO = re.compile(r"\s(?:to|toward|towards|into|in\s+the\s+direction\s+of)\s")
# "units withdrawn from Kyiv" (a participle naming the units), "elements withdrew from X" (a formation moved), "reports
# that Russian forces withdrew from X are likely false": no ground given up
HAVE_WITHDRAWN = re.compile(r"\b(?:have|has|had)\s+(?:\w+\s+)?$")
MOVED_ELEMENTS = re.compile(r"\belements\b[^,;]{0,40}$")
CALLED_FALSE = re.compile(r"\b(?:is|are|was|were)\s+(?:\w+\s+)?(?:false|untrue|incorrect|inaccurate)\b")


# "abandoned their positions in X", "abandoned X", "to abandon the Ilyich metal plant": ground, not efforts or equipment
ABANDONED_PLACE = re.compile(r"\s+(?:(?:completely|entirely|fully)\s+)?(?:(?:their|its|his|the)\s+(?:[\w-]+\s+)?(?:positions?|strongholds?|"
                             r"strongpoints?|trenches|defenses)\s+(?:in|near|at|around|on)\s+(?:the\s+)?"
                             r"|(?:the\s+(?:town|village|settlement|city)\s+of\s+)?|the\s+)(?!Russian|Ukrainian|The\b)[A-Z]")
FORCED_TO = re.compile(r"\b(?:forced|forcing|compelled)\s+(?:[\w’'()-]+\s+){1,6}?to\s+$")
# a side's forces abandon ground; "these Russian personnel abandoned their positions ... when surrendering" is men deserting
ABANDONING_FORCE = re.compile(r"\b(?:forces|troops|units|elements|garrison|defenders|grouping)\s+(?:(?:have|has|had|also|reportedly|"
                              r"likely|completely|entirely|fully|further|then|partially|largely)\s+)*$")


def _abandoned(sentence: str, start: int, end: int, word: str) -> bool:
    """Did the side named abandon the place after the verb ("Russian forces abandoned their positions in X", "forced
    Ukrainian troops to abandon Y")? The base form only as what a side was forced to do."""
    if ABANDONED_PLACE.match(sentence, end) is None:
        return False
    if word == "abandoned":
        return ABANDONING_FORCE.search(sentence, max(0, start - 50), start) is not None
    return FORCED_TO.search(sentence, max(0, start - 80), start) is not None


def _ceded(sentence: str, start: int, end: int, word: str) -> bool:
    """Did the side named give up the place after the verb ("Ukrainian forces withdrew from X", "Russian units have
    withdrawn from Y")? Then the event is the other side's gain there."""
    if word in lexicon.ABANDON:
        return _abandoned(sentence, start, end, word) and not CALLED_FALSE.search(sentence, end)
    if word not in CEDED_VERBS or CEDED_FROM.match(sentence, end) is None:
        return False
    if word == "withdrawn" and not HAVE_WITHDRAWN.search(sentence, max(0, start - 20), start):
        return False
    return not MOVED_ELEMENTS.search(sentence, max(0, start - 50), start) and not CALLED_FALSE.search(sentence, end)
TIME_WORDS = {"after", "since", "following", "before", "until", "through", "during", "amid", "throughout", "of"}
UNIT_SUBJECT = re.compile(r"\belements\s+of\s+(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+)?(?:[A-Z(][\w()’'-]*\s+){0,5}"
                          r"(?:Brigade|Regiment|Division|Army|Corps|Battalion|Detachment|Group|Fleet)\b")
TIME_ANCHOR = {"after", "since", "following", "before", "upon", "until"}
# "units that had fought around Kyiv", "the brigade, which had shelled X", "Russian troops that seized X remain ...":
# a relative clause that tells what a force did before, to say which force it is, is background, not the day's event
UNIT_NOUN = (r"(?:forces|troops|units?|elements|groups?|grouping|brigades?|regiments?|battalions?|divisions?|armies|army|"
             r"corps|personnel|servicem[ae]n|servicemembers|soldiers|fighters|detachments?|formations?|veterans|convicts)")
RELATIVE_PAST = re.compile(rf"(?:\b{UNIT_NOUN}\s*,?\s+(?:that|which|who)(?:\s+ha(?:ve|s))?|\b(?:that|which|who)\s+had)\s+"
                           r"(?:(?:also|previously|formerly|earlier|once|initially|already)\s+)?(?:been\s+)?$", re.I)
RELATIVE_LAST = {"that", "which", "who", "had", "have", "has", "been", "also", "previously", "formerly", "earlier", "once", "initially", "already"}
ADVANCE_BASE = {"advance", "capture", "seize", "recapture", "retake", "liberate", "enter", "reach", "take", "regain"}
CLAUSE_TAIL = re.compile(r"[,;:]|\b(?:that|but|while)\b")
ADJ_CONTEXT = {"in", "of", "on", "at", "to", "into", "against", "across", "throughout", "newly", "previously", "formerly"}
ADJ_NOUN = re.compile(r"\s+(?:settlements|areas|territor(?:y|ies)|villages|towns|cities|regions|lands|positions|parts|"
                      r"oblasts|raions|communities)\b")
CAPTIVES = Twin(re.compile(r"\s+(?:[\w“”\"’'-]+\s+){0,3}?(?:soldiers|servicem[ae]n|prisoners|POWs|personnel|troops|fighters|"
                           r"equipment|tanks?|vehicles?|documents|weapons|trophies|drones?|businesses|enterprises|propert(?:y|ies)|"
                           r"assets|homes|houses|apartments|grain|harvests?|cars|farmland)\b", re.I))
# Sentences that recount ISW's own earlier reporting or comment on coverage: not the day's claims
# and sentences that sum up the war ("in this war", "in the early phases of the war", "at the start of the invasion");
# not "for the first time since the start of the invasion" or "the largest strike of the war", which are the day's
LOOKBACK = re.compile(r"\b(?:(?:in|throughout)\s+this\s+war|throughout\s+the\s+war|in\s+the\s+(?:early|initial|first)\s+(?:days|weeks|months|"
                      r"phases?|stages?)\s+of\s+the\s+(?:full-scale\s+)?(?:war|invasion)|earlier\s+in\s+the\s+(?:full-scale\s+)?(?:war|invasion)|at\s+the\s+(?:start|beginning|outset)\s+of\s+"
                      r"the\s+(?:full-scale\s+)?(?:war|invasion)"
                      r"|As\s+ISW\s+(?:has\s+)?(?:previously|recently|initially)?\s*(?:reported|assessed|noted|forecast)"
                      r"|ISW\s+(?:has\s+)?(?:previously|mistakenly|erroneously|incorrectly|initially)\s+(?:reported|assessed|stated)"
                      r"|makes?\s+no\s+effort\s+to\s+evaluate|operational\s+silence)", re.I)
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
# "in early July", "since mid-June", "throughout May": a month named as a span, not a date of the report
MONTH_SPAN = Twin(re.compile(rf"\b(?:in|since|during|throughout|by|until|from|through)\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+|"
                             rf"(?:beginning|end|middle)\s+of\s+)?(?P<month>{'|'.join(m.title() for m in MONTHS)})\b(?!\s+\d{{1,2}}\b)"))
# "on June 3", "June 1 through June 7", "October 12, 2022": a day named in the sentence
DAY_DATE = re.compile(rf"\b(?P<month>{'|'.join(m.title() for m in MONTHS)})\s+(?P<day>\d{{1,2}})\b(?:\s*[-–]\s*\d{{1,2}})?(?:,?\s+(?P<year>(?:19|20)\d\d))?")
DAY_DATE = Twin(lexicon.quick_start(DAY_DATE))  # led by a look-ahead for the months' first letters: the same matches, faster
# "over the past eleven months", "in the last year": a sentence that sums up a long span, not the day
LONG_SPAN = Twin(re.compile(r"\b(?:over|in|during|throughout)\s+the\s+(?:past|last)\s+(?:(?:several|few|two|three|four|five|six|seven|eight|"
                            r"nine|ten|eleven|twelve|\d+)\s+)?(?:months|years|year)\b"))
STALE_DAYS = 14  # a sentence whose every dated day is this much older than the report recounts the past
WILL_AFTER = re.compile(r"\s+(?:will|would|may|might|could|is\s+likely|are\s+likely)\b")
MUTUAL = re.compile(r"\b(?:(?:exchanged|traded)\s+(?:\w+\s+)?accusations\s+(?:of|over|about)|accused\s+each\s+other\s+of"
                    r"|blamed\s+each\s+other\s+for)\s+(?:\w+\s+){0,2}$", re.I)
# "1st Guards Tank Army", "76th Guards Air Assault Division", "with heavy air and artillery support", "air defense": weapon
# words that are not the means of the event; "sabotage and reconnaissance groups" (DRGs) probe the front line on foot: their
# assaults are ground attacks, unlike a partisans' "sabotage attack" on a substation
NOT_WEAPON = re.compile(r"\b(?:tank|air|missile|artillery|rocket|drone|aviation)s?\s+(?:and\s+\w+\s+|assault\s+)?(?:army|armies|division|"
                        r"brigade|regiment|corps|battalion|support|cover|defen[cs]es?)\b"
                        r"|\b(?:reconnaissance\s+and\s+)?sabotage(?:\s+and\s+reconnaissance)?\s+(?:groups?|units?|detachments?|squads?|"
                        r"teams?|elements)\b", re.I)
STRIKE_WEAPONS = Twin(re.compile(r"\b(?:artillery|rockets?|mortars?|tank|missile|missiles|drone|drones|air|aviation|glide\s+bomb|bomb|bombs|MLRS|HIMARS|FPV|loitering|munitions?|FAB[-\w]*|Shahed|kamikaze|airstrike|sabotage|guerrilla|IED|car\s+bomb)\b", re.I))
ATTEMPT = Twin(re.compile(r"\b(?:attempt(?:ed|ing|s)?|tried|trying|try|unsuccessful(?:ly)?|failed|fail|efforts?|sought|seeking|aim(?:ed|ing)?\s+to|intended|intending|struggl(?:ed|ing))\b", re.I))
NEGATION = Twin(re.compile(r"\b(?:not|no|never|cannot|can[’']t|without|didn[’']t|haven[’']t|hasn[’']t|refuted|denied|deny|neither|nor|unlikely|unable)\b", re.I))
MODAL = re.compile(r"\b(?:will|would|(?<!in\s)(?<!on\s)(?<!of\s)(?<!since\s)(?<!early\s)(?<!late\s)(?<!mid-)may(?!\s+\d)|might|could|can|should|must|likely\s+to|intend(?:s|ed|ing)?\s+to|plans?\s+to|planning|prepar(?:e|es|ing)\b|prepared\s+(?:to|for|an?|the)\b|aims?\s+to|(?:the|an?)\s+aim\s+of|seek(?:s|ing)?\s+to|sought\s+to|in\s+order\s+to|in\s+(?:an?\s+|their\s+|its\s+)?(?:effort|attempt|bid)s?\s+to|for\s+(?:an?\s+|the\s+)?(?:renewed|likely|new|future|possible|eventual|planned|upcoming|further|expected)|threats?\s+(?:of|to)|(?:gather(?:s|ed|ing)?|amass(?:es|ed|ing)?|accumulat(?:es|ed|ing)|concentrat(?:es|ed|ing)|mass(?:es|ed|ing))\s+(?:[\w-]+\s+){0,4}?(?:forces|troops|reserves|units|equipment|personnel)|threaten(?:s|ed)?|wants?\s+to|need(?:s|ed)?\s+to|planned\s+to|(?:allow(?:s|ed|ing)?|enabl(?:e|es|ed|ing)|permit(?:s|ted|ting)?)\s+(?:[\w’'-]+\s+){0,3}?to|able\s+to|capable|capabilit(?:y|ies)|capacity|goal|objective|intent(?:ion)?|set(?:s|ting)?\s+(?:\w+\s+)?conditions|to\s+prevent|prevent(?:s|ed|ing)?|potential|cannot|can[’']t|in\s+(?:case|the\s+event)\s+of|ahead\s+of|preparations?|previously|historically|hopes?\s+to|hoping|expects?\s+to|expected|wish(?:es)?\s+to|conditions\s+for|to\s+support|likelihood|possibility|prospects?|risk\s+of|if|unless|whether|once(?!\s+(?:again|more)\b)|to\s+reinforce|in\s+(?:19|20)\d\d|since\s+(?:19|20)\d\d|in\s+anticipation\s+of|to\s+(?:impede|slow|stop|halt|deter|counter|repel|defend\s+against|block|blunt|thwart|pre-?empt|disrupt)|against\s+(?:possible|potential|future)|aim(?:ed|ing|s)?\s+at|demand(?:s|ed)?\s+that|ordered|orders?\s+to|exaggerat\w*|misrepresent\w*|fabricat\w*|deadlines?|possible|imminent|impending|upcoming|looming|warn(?:s|ed|ing)?\s+(?:of|about)|(?:enough|sufficient)\s+(?:[\w-]+\s+){0,3}?to|to\s+possibly|to\s+(?:assist|justify|facilitate|help|excuse|explain)\b|(?:prerequisites?|preconditions?|bridgeheads?|springboards?|footholds?|staging\s+(?:areas?|grounds?|points?)|launch(?:ing)?\s+(?:pads?|points?))\s+for)\b")  # on lower case, where the month "May" is told from "may" by a day or "in" next to it
MODAL = Twin(lexicon.quick_start(MODAL))  # a long list of phrases tried at each word: led by a look-ahead for their first letters
SIDE_RU = r"Russian|Russia[’']s|Russia|DNR|LNR|VDV|Motori[sz]ed\s+Rifle|Motor\s+Rifle|Combined\s+Arms\s+Army|(?:Donetsk|Luhansk)\s+People[’']s\s+Republic|Wagner|Chechen|Kadyrovite|Rosgvardia|Akhmat|Russian-backed|pro-Russian"
SIDE_UA = r"Ukrainian|Ukraine[’']s|Ukraine|partisans?|Ukrainian-backed|pro-Ukrainian"
# the nouns after a side word that make it the subject of an event ("Russian forces", "Ukrainian drone operators")
FORCE_WORDS = (
    "forces", "force", "troops", "unit", "units", "military", "army", "servicemen", "servicemembers", "soldiers",
    "personnel", "elements", "fighters", "detachment", "detachments", "grouping", "group", "groups", "brigade",
    "brigades", "regiment", "regiments", "division", "divisions", "battalion", "battalions", "companies",
    "aviation", "artillery", "drone", "drones", "operators", "navy", "partisans", "sabotage", "DRG", "DRGs",
    "infantry", "airborne", "VDV", "marines", "naval", "assault", "special", "operations", "Spetsnaz", "formations",
    "defenders", "attackers", "guerrillas", "militants", "snipers", "tank", "tanks", "Air", "Armed", "Army", "Corps", "Guards",
    "volunteers", "strike", "missile", "missiles", "aircraft", "helicopter", "helicopters", "jet", "jets",
    "gunners", "crews", "Group", "Brigade", "Brigades", "Regiment", "Regiments", "Division", "Divisions",
    "Battalion", "Battalions", "Detachment", "Detachments", "Fleet", "Flotilla", "paratroopers", "sailors",
    "conscripts", "mobilized", "mobilised", "reservists", "mercenaries", "commandos", "sappers", "scouts", "operatives",
    "stormtroopers", "Guardsmen", "platoon", "platoons", "squad", "squads", "column", "columns", "convoy", "convoys",
    "Forces", "Troops", "Special", "Airborne", "Marines", "Naval", "Infantry", "Battalion", "Unit", "Units",
    "warships", "ships", "vessels", "bombers", "MLRS",  # "Russian warships shelled ...", "Russian MLRS struck ..."
    "militia", "militias", "Militia", "Militias",  # "the DNR People’s Militia seized ..."
)
FORCE = alternation(FORCE_WORDS)
# "occupied" is ground taken only as the finite verb of a force ("troops have occupied the northern part of X")
FORCE_BEFORE = re.compile(rf"\b(?:{FORCE})\s+(?:(?:have|has|had|also|reportedly|likely|further|then|successfully|partially)\s+)*$")
OCCUPIED_PLACE = re.compile(r"\s+(?:(?:the|all|most|part|parts|half)\s+(?:of\s+)?)*(?:[a-z]+\s+){0,2}?(?:settlements?|villages?|towns?|part|outskirts)\b|\s+[A-Z]")
# "troops of the Donetsk People’s Republic", "elements of the Russian Eastern Military District": the side after the unit
UNIT_OF = r"(?:[Ff]orces?|[Tt]roops|[Ee]lements|[Uu]nits|[Mm]ilitias?|[Ff]ighters|servicemen|soldiers)"
# "the Russians shelled X", "Ukrainians took control of Y": the people of a side are its forces when a military verb follows
# (not "Ukrainians fled X", "Russians entering the country")
PEOPLE_ACT = (r"\s+(?:(?:have|has|had|are|were|also|reportedly|recently|again|likely|then|continue[sd]?\s+to|began\s+to)\s+)*"
              r"(?:shell(?:ed|ing)?|struck|strike|fire[sd]?|firing|bomb(?:ed|ing)|bombard(?:ed|ing)?|seized|captured|took|"
              r"advanced|advancing|pushed|launched|conducted|hit|targeted|recaptured|retook|liberated|counterattacked|"
              r"counterattacking|assaulted|stormed|retaliat(?:ed|ing))\b")
ACTOR = re.compile(  # every branch starts at a word: the look-behind in front only speeds the search up
    rf"(?<!\w)(?:\b(?:(?P<ru>{SIDE_RU})|(?P<ua>{SIDE_UA}))\b(?=(?:[\s,-]+(?:[\w’'-]+|\[[^\]]*\]|\([^)]*\)|[“\"][^”\"]{{1,30}}[”\"])){{0,6}}?[\s,-]+(?:{FORCE})\b)"
    rf"|\b(?P<ru2>Russia|Moscow)\b(?=\s+(?:has\s+|had\s+|also\s+|reportedly\s+|recently\s+|again\s+)?(?:struck|launched|attacked|conducted|hit|targeted|shelled|fired|bombed|seized|captured|advanced))"
    rf"|\b(?P<ua2>Ukraine|Kyiv)\b(?=\s+(?:has\s+|had\s+|also\s+|reportedly\s+|recently\s+|again\s+)?(?:struck|launched|attacked|conducted|hit|targeted|shelled|fired|bombed|recaptured|liberated|advanced))"
    rf"|\b(?:(?P<ru5>Russians)|(?P<ua5>Ukrainians))\b(?={PEOPLE_ACT})"
    rf"|\b(?P<ua3>partisans)\b"
    rf"|\b(?:{UNIT_OF})\s+of\s+(?:the\s+)?(?:[\w’'“”\"-]+\s+){{0,2}}?(?:(?P<ru4>{SIDE_RU})|(?P<ua4>{SIDE_UA}))\b"
    rf"|\bTroops\s+from\s+the\s+Donetsk\s+and\s+Luhansk\s+People(?P<ru3>[’']s))"
)
ACTOR = Twin(lexicon.quick_start(ACTOR, depth=2))
SIDE_WORD = re.compile(rf"\b(?:(?P<ru>{SIDE_RU})|(?P<ua>{SIDE_UA}))\b")
SIDE_ADJ_END = re.compile(rf"\b(?:(?P<ru>{SIDE_RU})|(?P<ua>{SIDE_UA}))\b(?P<mid>(?:[\s-]+[\w’'-]+){{0,2}})\s*$")
FORCE_OR_VERB = re.compile(rf"\b(?:{FORCE})\b|\w+ed\b")
# the word before a country named as a place: "in eastern Ukraine", "across Russia"
COUNTRY_AS_PLACE = re.compile(r"\b(?:in|into|across|throughout|of|from|to|over|within|inside|outside|(?:north|south|east|west)(?:ern|eastern|western)?"
                              r"|central|occupied|unoccupied|all\s+of)\s+$", re.I)
NOUN_PLACE_AFTER = re.compile(r"(?:\s+[\w’'-]+){0,2}?\s+(?:on|against|near|in|within|at|toward|towards|around|into|of|targeting)\b")
# "Ukrainian strikes inflicted severe casualties ... in X", "Russian shelling killed two civilians in X": the strike is X's
NOUN_EFFECT = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:inflicted|killed|destroyed|damaged|wounded|injured|disabled|eliminated|rendered|impacted|collapsed|cut\s+off)\b")
# "advancing Russian tanks", "attacking Ukrainian infantry": the side word after a participle starts the noun it qualifies
SIDE_AFTER = re.compile(r"\s+(?:Russian|Ukrainian|enemy)\s", re.I)
PARTICIPLE_OBJECT = re.compile(r"\s+(?:Russian|Ukrainian|enemy)\s+(?!forces\s+(?:in|near|at)\b)[\w-]+", re.I)
# weapons only Russia fires at Ukraine ("five Shahed-136 drones struck X"); Ukraine's (HIMARS ...) are named mostly in
# recalled or disputed strikes in the archive, so they give no side
SIDE_WEAPON = re.compile(r"\b(?:Shahed|Geran|Kalibr|Iskander|Kinzhal|Kh-\d+|Lancet|Oniks|Onyx)")
# a strike verb's object that belongs to a side: "struck Ukrainian workshops", "striking a Russian Osa air defense system"
MILITARY_OBJECT_OF = re.compile(r"\s+(?:(?:a|an|the|several|multiple|two|three|four|five|\d+)\s+)?(?P<side>Russian|Ukrainian)\s+"
                                r"(?:[\w-]+\s+){0,2}?(?:positions?|forces|troops|equipment|concentrations?|targets|units?|vehicles?|"
                                r"tanks?|artillery|air\s+defen[cs]e|command\s+posts?|depots?|workshops?|bases?|manpower|"
                                r"personnel|servicemen|strongholds?|fortifications?|stations?|warehouses?|columns?)\b")
OBJECT_LEAD = {"a", "an", "the", "several", "many", "of", "destroyed", "damaged", "two", "three", "four", "five"}
ON_SIDE_OBJECT = re.compile(r"\s+(?:reportedly\s+)?(?:on|against)\s+(?:the\s+|an?\s+)?(?P<side>Ukrainian|Russian)\b")
BY_FROM = re.compile(r"\s*(?:by|from)\b")
# a weapon right before the verb of its strike is its subject: "five Ukrainian rockets struck", "the missiles hit",
# "Russian counterbattery fire struck", "six S-300 missiles and three Smerch (MLRS) rockets struck"
WEAPON_SUBJECT = re.compile(r"(?:\b(?P<side>Russian|Ukrainian)\s+(?:[\w()-]+\s+){0,2}?)?\b(?:missiles?|rockets?|shells?|bombs?|"
                            r"munitions|projectiles|drones?|strikes|fire)\s+(?:(?:also|reportedly|then|later|likely)\s+)?$", re.I)
WEAPON_VERBS = lexicon.forms("strike", "hit", "target", "damage", "destroy") - lexicon.forms("strike", pos="NOUN")
# a sentence with no side named that may tell such a strike ("The missiles struck X"): worth reading for the paragraph's side
WEAPON_THEN_VERB = re.compile(r"\b(?:missiles?|rockets?|shells?|bombs?|munitions|projectiles|drones?|strikes|fire)\s+"
                              rf"(?:(?:also|reportedly|then|later|likely)\s+)?(?:{alternation(WEAPON_VERBS)})\b", re.I)
FROM_POSITIONS = re.compile(r"\s+(?:\w+\s+){1,3}?from\s+(?:their\s+|its\s+|some\s+)?positions\b")
WEAPON_WORD = re.compile(r"\b(?:drones?|missiles?|FPV|bombs?|munitions?|shells?)\b", re.I)
WITH_WEAPON = Twin(re.compile(r"[^.;]{0,120}?\bwith\s+(?:an?\s+)?(?:[\w-]+\s+){0,4}?(?:drones?|missiles?|FPV|bombs?|USVs?|unmanned|"
                              r"surface\s+vehicles|boats?|rockets?)\b(?!\s+(?:support|cover|backing))", re.I))  # not "with drone support"
PARTISAN = re.compile(r"\b(?:partisans?|saboteurs?|sabotage)\b", re.I)
CLAUSE_SPLIT = re.compile(r"[,;]|\band\b|\bbut\b|\bwhile\b")
FAILED_TO = Twin(re.compile(r"\bfailed\s+to\s+(?:\w+\s+)?(?:launch|conduct|mount|begin|start|initiate|make)\s+(?:\w+\s+){0,2}$", re.I))
# "have not abandoned operations to", "did not stop attacking": a negated stop is a continuing event
# "there is no evidence that Russian or proxy forces have advanced beyond X": what there is no evidence of, however long
# its subject, did not happen
NO_EVIDENCE_THAT = re.compile(r"\bno\s+(?:(?:visual|independent|clear|further|official)\s+)?(?:evidence|confirmation)\s+that\s+"
                              r"(?:[\w’'-]+\s+){0,8}$", re.I)  # "there is no official confirmation that X liberated Y"
# "did not launch ground assaults near X or conduct offensive operations around Y": the negation covers the verb after "or"
NOT_OR = re.compile(r"\b(?:did|does|do|have|has|had)\s+not\s+(?:[\w’'()-]+\s+){1,8}?or\s+(?:[a-z]+\s+){0,2}$", re.I)
NOT_STOPPED = re.compile(r"\b(?:not|never)\s+(?:yet\s+)?(?:abandon\w*|stop\w*|ceas\w*|halt\w*|end(?:ed|ing)?|gave\s+up|given\s+up|give\s+up)\b", re.I)
# what a side did not do in place of what it did: "rather than (resuming major) offensive operations toward X"
# "rather than advancing toward X", "at the expense of efforts to take Y": the alternative not pursued
RATHER_THAN = re.compile(r"\b(?:rather\s+than|instead\s+of|as\s+opposed\s+to|at\s+the\s+expense\s+of)\s+(?:[\w()’'-]+\s+){0,6}$", re.I)
# air defence downing the other side's weapons: "shot down three drones", "intercepted missiles", "destroyed 37 of 40 missiles"
INTERCEPTED = re.compile(r"\b(?:(?:shot|shoot(?:s|ing)?)\s+down|downed|intercept(?:ed|s|ing)?|destroy(?:ed|s|ing)?)\s+(?:[\w-]+\s+){0,4}?"
                         r"(?:missiles|drones|rockets|UAVs|Shaheds|(?:loitering\s+)?munitions|projectiles)\b", re.I)
# "are focused on capturing X", "remain focused on the encirclement of Y", "are prioritizing advances around Z": a ground
# gain that a side's effort is said to be bent on is its aim, not a gain made (on lower case, just before the trigger)
AIMED_GAIN = re.compile(r"\b(?:focus(?:es|ed|ing)?|concentrat(?:es|ed|ing)|prioriti[sz](?:e|es|ed|ing)|prioriti[sz]ation\s+of)\s+"
                        r"(?:on\s+|upon\s+)?(?:[a-z]+ing\s+(?:and|or)\s+)?(?:(?:the|a|an|their|its|further|renewed|continued|[a-z]+ward)\s+)*$")
# "Russian advances toward X and Y made no progress", "Ukrainian pushes near Z stalled": a side's advances (the noun,
# the subject) that the clause says got nowhere were attacks, not ground gained
SIDE_NOUN_BEFORE = re.compile(r"\b(?:Russian|Ukrainian|DNR|LNR|Wagner)\s+(?:[a-z-]+\s+)?$")
NOUN_ADVANCES = {"advance", "advances", "push", "pushes", "drive", "drives"}
GOT_NOWHERE = re.compile(r"(?:[^.;,]|,(?!\s+(?:and|but|while|which)\b)){0,160}?\b(?:(?:made|make|making|have\s+made|has\s+made)\s+"
                         r"(?:little|no|minimal|only\s+minimal)\s+(?:\w+\s+)?progress|(?:have\s+|has\s+)?stalled|faltered|"
                         r"bogged\s+down|(?:were|was|have\s+been|has\s+been)\s+(?:repelled|repulsed|halted|stopped|unsuccessful))\b")
# "donations for Russian forces fighting in X", "the actions of Chechen forces fighting in Y", "their family members fighting
# in Z": "fighting" names the people a preposition's object is, not fighting the sentence reports (on the sentence, before it)
FIGHTERS_OF = re.compile(rf"\b(?:of|for|to|with|among|about|from)\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+)?(?:[\w’'-]+\s+){{0,3}}?"
                         rf"(?:{FORCE}|members|relatives|men|sons|husbands)\s+(?:who\s+(?:are|were)\s+)?$")
# "previous Russian false flag attacks in X", "prior Ukrainian strikes on Y", "earlier Russian-claimed advances around Z": the
# event noun told as an earlier one (on the sentence, just before the noun; "recent" strikes are the report's own news)
PAST_ADJ = lexicon.quick_start(  # led by a look-ahead for its first letters: the same matches, 23% fewer instructions
    re.compile(r"\b(?:[Pp]revious|[Pp]rior|[Ee]arlier|[Ff]ormer|[Ii]nitial|[Oo]riginal)\s+(?:(?:Russian|Ukrainian)[\w’'-]*\s+)?"
               r"(?:[a-z][\w-]*\s+){0,2}$"))
# a verb of slowing or hindering whose object is a side's event noun: "slowing down Russian advances in X", "hampered
# Ukrainian counteroffensives"; the events are analysed, not reported (not "the pace of the Russian advance around Y")
HINDERED = re.compile(r"\b(?:slow(?:s|ed|ing)?(?:\s+down)?|hamper(?:s|ed|ing)?|hinder(?:s|ed|ing)?|imped(?:es|ed|ing))\s+"
                      r"(?:(?:the|further|any)\s+)?(?:Russian|Ukrainian)\s+(?:[a-z-]+\s+)?$")
CAUSE_OF = Twin(re.compile(r"\b(?:as\s+a\s+result\s+of|in\s+response\s+to|in\s+retaliation\s+for|"
                           r"fled|fleeing)\s+(?:(?:the|a|an|recent|ongoing|persistent|continued|continuing|successful|Ukraine[’']s|Russia[’']s)\s+)*"
                           r"(?:(?:Ukrainian|Russian)\s+)?(?:[a-z][\w-]*\s+)?$"))
SHOWN_OF = re.compile(r"\b(?:footage|videos?|imagery|images|photos?)\s+(?:[\w-]+\s+){0,3}?of\s+[^,;]*$")  # "footage of troops fighting in X"
AND_OR_BARE = re.compile(r"\b(?:and|or)\s+(?:(?P<verb>[a-z]+)\s+(?:[a-z]+\s+)?)?$")  # "and advance", "or resume mobile"
UNABLE = re.compile(r"\b(?:unable|inability|not\s+able)\s+to\s*$")
MAY_HAVE = Twin(re.compile(r"\b(?:may|might|could)\s+have\b"))
IN_SUBJECT = re.compile(rf"\b(?:{FORCE})\s+(?:[\w’'-]+\s+){{0,3}}$")
NOT_ACTOR_AFTER = Twin(re.compile(r"\W*(?:positions?|defenses?|defensive|lines?|forces[’'] positions|territory|soil|airspace|milbloggers?|sources|officials?|media|authorities|General\s+Staff|MoD|Ministry|government|President|command(?:er)?s?|outlets?|channels?|civilians?|citizens|children|journalists?|infrastructure|oil|energy|claims?)\b", re.I))
# a party's worry about an event reports it as its speech does: "voiced concerns that", "expressed concern over", "worrying about"
CONCERN = (r"(?:voic|express|rais)(?:e|es|ed|ing)\s+(?:\w+\s+){0,2}?(?:concerns?|worries|fears?|alarm)(?:\s+(?:over|about|regarding))?"
           r"|worr(?:y|ies|ied|ying)\s+(?:about|over)")
SAY = re.compile(rf"\b(?:{alternation(lexicon.SAY)}|{CONCERN}|(?:{alternation(lexicon.SAY_THAT)})(?=\s+(?:on\s+\w+\s+\d+\s+)?that\b))\b(?:\s+on\s+\w+\s+\d+(?:\s+(?:and|to)\s+\d+)?)?(?:\s+that)?")  # on lower case
EVIDENCE = Twin(re.compile(r"\b(?:footage|imagery|images?|video|photos?|satellite|ISW|geolocated)\b", re.I))
HEDGE = re.compile(r"\b(?:reportedly|allegedly|alleged|purportedly|purported|supposedly|ostensibly|unconfirmed|unverified|rumou?red)\b", re.I)
NARRATIVE_THAT = re.compile(r"\b(?:(?:narratives?|allegations?|rumou?rs?|assertions?|accusations?|speculation|complaints?)\s+that"
                            # "the IAEA issued a statement on November 18 that", "milbloggers made pessimistic assessments that"
                            r"|(?:statements?|announcements?|assessments?)(?:\s+on\s+\w+\s+\d+)?\s+that"
                            r"|(?:claims|reports)\s+(?:emerged\s+)?(?:of|that))\b", re.I)  # "Russian claims of strikes on X"
# the verb that gives a statement, after its speaker: "The IAEA issued a (statement)", "milbloggers made dramatic (assessments)"
ISSUED = re.compile(r"\s+(?:issued|made|released|published|posted|gave|voiced|expressed|shared|filed|aired|lodged)\b[^.;]*$")
# whose assessment is ISW's own: "ISW’s previous assessments that", "our assessment that"
OWN_ASSESSMENT = re.compile(r"\b(?:isw|our|we)\b[^.;]{0,30}$")
# what a party published is evidence when it is geolocated footage: "the General Staff published geolocated footage that showed"
GEOLOCATED_OBJECT = re.compile(r"\s+(?:[\w-]+\s+){0,2}?geolocated\s+(?:[\w-]+\s+){0,2}?(?:footage|imagery|images?|videos?|photos?)\b", re.I)
FOOTAGE_CONFIRMS = re.compile(r"\bgeolocated\s+(?:[\w-]+\s+){0,3}?(?:footage|imagery|images?|videos?|photos?)\s+(?:[\w-]+\s+){0,4}?"
                              r"(?:confirms?|confirmed|corroborates?|corroborated|verif(?:y|ies|ied))\s+(?:[\w’'-]+\s+){0,4}$", re.I)
CLAIMED_ADJ = re.compile(r"\b(?:a|an|the|this|these|its|their|other)\s+claimed\s+(?!that\b|to\b|on\b|by\b)")  # on lower case
# ISW's reading of what came before: ", indicating that", "—likely suggesting", ", further confirming that" (the verb follows)
INFERENCE = re.compile(r"[,—–]\s*(?:(?:likely|possibly|probably|further|again|thus|also)\s+)*"
                       r"(?:indicating|suggesting|signall?ing|confirming|demonstrating|showing|corroborating"
                       # ", which indicates that X": the same reading in a relative clause
                       r"|which\s+(?:(?:likely|possibly|probably|further|again|thus|also)\s+)*"
                       r"(?:indicates|suggests|signals|confirms|demonstrates|shows|corroborates))\b", re.I)
# "The ability of Ukrainian forces to counterattack indicates that X", "all this evidence suggests that X": a fact, not a
# party, that shows something is ISW's reading of it; "these reports indicate", "the General Staff's report suggests" stay claims
READING_VERB = re.compile(r"(?:indicat|suggest|show|demonstrat)")
SOURCE_NOUN = re.compile(r"\b(?:reports?|reporting|claims?|statements?|sources?|accounts?|posts?|narratives?|allegations?|"
                         r"assertions?|comments?|remarks?|announcements?|rumou?rs?|messages?|footage|videos?|milbloggers?)\b", re.I)
# ", corroborating Ukrainian claims of", ", which confirms Russian reports that": the claims ISW's reading backs are its own
INFERRED_CLAIMS = re.compile(r"[,—–]\s*(?:which\s+)?(?:(?:likely|further|again|also)\s+)*(?:corroborat(?:es|ing)|confirm(?:s|ing))\s+"
                             r"(?:[\w’'-]+\s+){0,4}$", re.I)


def _inference(sentence: str, start: int, said: str) -> bool:
    """Is the verb of saying at `start` ISW's participle of inference (", indicating that", "—likely suggesting")?"""
    verb = said.split()[0]
    found = INFERENCE.search(sentence, max(0, start - 40), start + len(verb))
    return found is not None and found.end() == start + len(verb)


ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>[^,;.]+)", re.I)
SENTENCE_END = re.compile(r"[\s.”\"’')\]]*$")  # nothing but the closing marks after a phrase
CLAUSE_BREAK = Twin(re.compile(r";|\bwhile\b|\bwhereas\b|,\s+(?:and|but)\s+|\s+but\s+|\.\s"))

# Used as a yes/no test only. Each branch starts at a comma or at a word, and they are grouped so: the regex
# engine tries two branches at each position, not a dozen (three times faster)
_MODAL_AFTER = r"(?:will|would|may|might|could|likely|plans?|intends?)\b"
_ED_VERB = (r"(?:\w+ly\s+)?(?!(?:attempted|continued|reportedly|conducted|advanced|attacked|struck|shelled|"
            r"captured|seized|liberated|recaptured|assaulted|stormed|repelled|repulsed|fired|bombed|launched|targeted|hit|"
            r"destroyed|damaged|eliminated|killed|wounded|injured|"
            r"pushed|entered|reached|approached|cleared|limited|unsuccessful|failed|marginally|recently|made|continue|"
            # "conducted artillery strikes and reconnoitered Ukrainian positions around A, B, and C": a scouting verb
            # shares its object with the event before it, whose places they are
            r"reconnoitered|probed|"
            r"also|additionally|likely|both|all|later)\b)[a-z]+ed\b")
# "does not portend a resumption of a Russian offensive in X", "is unlikely to presage an encirclement of Y": an event
# that something is said not to foretell has not happened
NOT_PORTEND_HEAD = (r"\b(?:not|never|unlikely\s+to)\s+(?:\w+ly\s+)?(?:portend|presage|signal|herald|foreshadow|mean|"
                    r"amount\s+to|constitute)(?:s|ed|ing)?\b")
NOT_PORTEND = re.compile(NOT_PORTEND_HEAD + r"\s+(?:[\w’'-]+\s+){0,6}$")
SCOPE_BREAK = Twin(re.compile(
         rf",\s+(?:(?:indicating|suggesting|signaling|meaning)\b|{_MODAL_AFTER}|{_ED_VERB})"
         r"|\b(?:(?:since|after|following|because|despite|until|unless|which|who|whom|whose|where|when|whereas|while|rather\s+than"
         # an aim, a threat or a preparation: "in an effort to", "likely to", "seek/intend/aim to", "set conditions", "threat of"
         r"|in\s+(?:an?\s+|their\s+|its\s+)?(?:effort|attempt|bid)s?\s+to|likely\s+to(?!\s+have\b)|threats?\s+(?:of|to)"
         r"|(?:seek(?:s|ing)?|intend(?:s|ed|ing)?|aim(?:s|ed|ing)?)\s+to|set(?:s|ting)?\s+(?:\w+\s+)?conditions|(?:in\s+)?preparations?\s+for)\b"
         rf"|(?:and|but)\s+(?:{_MODAL_AFTER}|{_ED_VERB})"
         r"|and\s+that\b|(?:highway|road|route|railway|line|river)\s+(?:that|which)\b|(?:as\s+part\s+of|in\s+order\s+to|so\s+as\s+to)\b)"
         # "the capture of X ... is unlikely to presage an encirclement of Y": what an event does not foretell is no part of it
         rf"|{NOT_PORTEND_HEAD}"
     ))
UNVERIFIED = re.compile(r"\b(?:ISW|[Ww]e)\s+(?:\w+\s+)?(?:cannot|can\s+not|(?:is|was|are|were)\s+(?:currently\s+)?unable\s+to|"
                        r"has\s+not\s+been\s+able\s+to|could\s+not)\s+(?:independently\s+|currently\s+)?(?:confirm|verify|corroborate)\s+"
                        r"(?:these|this|the|such|those|either|any\s+of\s+these)\s+(?:\w+\s+)?(?:reports?|claims?|reporting|accounts?)\b")
PERSON_END = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+$")
LEAD_CLAIMED = re.compile(r"unconfirmed|claims?\b", re.I)
LEAD_CONFIRMED = re.compile(r"^assessed|refinement", re.I)
LEAD_ORDER_OF_BATTLE = re.compile(r"order\s+of\s+battle", re.I)


@dataclass(slots=True)
class _Event:
    kind: str
    actor: str | None
    start: int
    end: int
    status: str = "confirmed"
    claimant: str | None = None
    dropped: str | None = None  # why the event is not a claim
    mutual: bool = False  # each side accuses the other of it
    joint: bool = False  # both sides did it ("Russian and Ukrainian forces continued routine strikes around X"): one event each
    cause: bool = False  # the strike said to have caused explosions named before it ("explosions in X, possibly from ...")
    ceded: bool = False  # the side named withdrew from the place: the other side's gain there
    footage: bool = False  # control read from footage ("footage ... indicates that Russian forces control the settlement")
    by_line: bool = False  # whose strike it is lies in where the place is (explosions reported with no side named)
    mentions: list[Mention] | None = None


@lru_cache(maxsize=4096)
def claimant_name(subject: str) -> str | None:
    """A readable claimant from the subject of a verb of saying ("The Russian Ministry of Defense (MoD)")."""
    s = re.sub(r"\s+", " ", subject).strip(" ,;:")
    s = re.sub(r"\s*\([^)]*\)", "", s)
    s = re.sub(r"^(?:the|a|an|another|other|several|some|many|one|two|three|prominent|multiple)\s+", "", s, flags=re.I)
    # the article after a discourse word before a name: "However, the DNR Territorial Defense" (not "Moreover, the report")
    s = CLAIMANT_TRAIL.sub("", ARTICLE_NAME.sub("", CLAIMANT_LEAD.sub("", s))).strip(" ,")
    s = re.split(r",\s+(?:who|which|whose)\b", s)[0]
    low = s.lower()
    if not s:
        return None
    if " and " in s:
        joint = _joint_claimant(s)
        if joint is not None:
            return joint
    if "general staff" in low:
        return "Ukrainian General Staff" if "russian" not in low else "Russian General Staff"
    if "ministry of defense" in low or "defense ministry" in low or re.search(r"\bmod\b", low):
        if re.search(r"\b(?:uk|british|united\s+kingdom)\b", low):
            return "UK MoD"  # the UK Ministry of Defense's intelligence updates
        return "Russian MoD" if "ukrain" not in low else "Ukrainian MoD"
    if "milblog" in low or "miblog" in low or "milbloog" in low:
        base = "Russian milbloggers" if re.search(r"blo+g+ers\b", low) else "Russian milblogger"
        return ("Kremlin-affiliated " + base) if "kremlin" in low else base
    if re.search(r"\bsources\b", low):
        if "russia" not in low and "ukrain" not in low and (THIRD_PARTY.search(s) or NAMED_SOURCES.search(s)):
            # "US intelligence sources", "Western sources": neither side's; "LNR sources", "social media sources",
            # "pro-Kremlin sources": a kind of source a side's name would hide
            return " ".join(s.split()[:12])
        return "Russian sources" if "russian" in low or "ukrain" not in low else "Ukrainian sources"
    if ", " in s and (LEADING_CLAUSE.match(s) or not _is_party(s)):
        # "Although Ukrainian air defense intercepted the missiles, Ukraine’s Southern Operational Command": the
        # speaker is the subject after the clause that leads the sentence
        last = s.rsplit(", ", 1)[1]
        return claimant_name(last)
    if not _is_party(s):
        return None  # "This account", "If confirmed, these reports", a clause cut at the wrong place: no party named
    return " ".join(s.split()[:12])


# a third country's or body's word before "sources": not a side's sources
THIRD_PARTY = re.compile(r"\b(?:US|U\.S\.|American|Western|British|UK|NATO|European|Belarusian|Polish|Israeli|Iranian|Georgian|"
                         r"Moldovan|international)\b")
# a clause that leads the sentence before its subject: "After the strike, the Kharkiv Oblast Head (reported)"
LEADING_CLAUSE = re.compile(r"^(?:after|although|though|while|when|as|since|because|despite|following|before|once|amid|"
                            r"in\s+response\s+to)\b[^,]*,\s", re.I)
# the words of a list of sides before its last item: "Ukrainian, Russian, and (social media sources)"
SIDE_LIST_HEAD = re.compile(r"(?:^|[;:]\s+)((?:[A-Z][\w’'-]*,\s+)+)and\s+$")
# what kind of sources, when no side is named: "LNR sources", "social media sources", "pro-Kremlin sources"
NAMED_SOURCES = re.compile(r"\b(?:social\s+media|LNR|DNR|Wagner|Chechen|(?:pro-)?Kremlin|occupation|proxy|local)\s+sources\b", re.I)
# "the" before a name after a discourse word ("However, the Donetsk People’s Republic"): the article, not a noun phrase
ARTICLE_NAME = re.compile(r"^(?:the|other|another|several|some|many|multiple|prominent)\s+(?=[A-Z])")
# "Russian and Ukrainian sources", "Ukrainian, Russian, and social media sources": sides listed before one noun
SIDES_BEFORE_NOUN = re.compile(r"^(?:[Bb]oth\s+)?(?:(?:[A-Z][\w’'-]*|social\s+media|official|local)(?:\s+official)?(?:,\s*|,?\s+and\s+))+"
                               r"(?:[A-Z][\w’'-]*|social\s+media|official|local)\s+(?:[a-z]+\s+)?(?:sources|officials|authorities|media|"
                               r"outlets|channels|forces|reports|milbloggers|accounts)$")
SIDELESS_SOURCES = re.compile(r"^(?![\w\s-]*\b(?:[Rr]ussia|[Uu]krain))[\w\s-]*\bsources\b")
JOINT_SPLIT = re.compile(r",?\s+and\s+|,\s+(?=[A-Z])")


def _joint_claimant(s: str) -> str | None:
    """The claimant of a subject that names several parties: "Russian and Ukrainian sources" as it is, "The Ukrainian
    General Staff and Russian sources" as each party's name ("Ukrainian General Staff and Russian sources"); None when
    the subject is no such list (one party whose name holds "and": "Troops from the Donetsk and Luhansk People’s
    Republics")."""
    if SIDES_BEFORE_NOUN.match(s):
        return " ".join(re.sub(r"^[Bb]oth\s+", "", s).split()[:12])
    if " and " not in s:
        return None  # "Advisor to the Kherson Oblast Head, Serhiy Khlan": a name in apposition, one party
    parts = JOINT_SPLIT.split(s)
    names = [claimant_name(p) for p in parts]
    if any(n is None for n in names):
        return None
    for i in range(1, len(names)):
        if SIDELESS_SOURCES.search(parts[i]) and not THIRD_PARTY.search(parts[i]):
            # "The Ukrainian General Staff and other military sources", "Ukrainian officials and sources in exile":
            # the sources of the side named before them
            side = "Ukrainian" if "ukrain" in names[i - 1].lower() else "Russian" if "russia" in names[i - 1].lower() else None
            names[i] = f"{side} sources" if side else names[i]
    return " and ".join(dict.fromkeys(names))


# the discourse words and adverbs around a speaker ("However, X", "X notably", "X reiterated")
CLAIMANT_LEAD = re.compile(r"^(?:(?:however|contrarily|similarly|additionally|meanwhile|notably|moreover|separately|likewise|"
                           r"instead|still|also|further|furthermore|finally|then|thus|in\s+addition|nevertheless|nonetheless|in\s+turn|"
                           r"at\s+the\s+same\s+time|by\s+contrast|in\s+contrast)\s*,?\s+)+", re.I)
CLAIMANT_TRAIL = Twin(re.compile(r"(?:\s+(?:additionally|also|further|previously|recently|reportedly|similarly|again|notably|even|"
                                 r"separately|tentatively|obliquely|increasingly|later|likely|explicitly|reiterated|amplified|independently|"
                                 r"falsely|wrongly|prematurely|erroneously|repeatedly|officially|formally|publicly|"
                                 r"have|has|had))+$", re.I))
# a word that names who speaks: a body, an office, a source, a medium
PARTY_WORD = re.compile(
    r"\b(?:staff|ministry|mod|milbloggers?|sources?|officials?|command|administration|authorit(?:y|ies)|council|head|governor|"
    r"mayor|spokes(?:person|man|woman)|advis[eo]r|media|outlets?|channels?|correspondents?|journalists?|reporters?|"
    r"commentators?|propagandists?|intelligence|"
    r"directorate|militia|service|office|president|minister|commander|residents|users|reports?|telegram|government|"
    r"kremlin|pentagon|officers?|representative|operator|agency|guard|forces|defen[cs]e|army|group(?:ing)?|corps|"
    r"regiment|brigade|battalion|people[’']s|republic|dnr|lnr|gur|sbu|chief|deputy|leader|financier|founder|bloggers?|"
    r"analysts?|experts?|accounts?|posts?|company|operation|house|news|press|agency|gazette|times|post|journal|"
    r"wsj|cnn|bbc|reuters|tass|ria|izvestia|baza|rybar|energoatom|ukrenergo|rosatom|volunteers?|resistance|center)\b", re.I)
NOT_PARTY = Twin(re.compile(r"^(?:this|these|that|those|it|they|we|he|she|if|although|whether|others?|the|a|an|both|new|some|such)\b"
                            r"|\b(?:is|are|was|were|be|been|did|does|do|not|may|might|could|would|will|can|which|who|whether|"
                            r"unclear|there|their|its|this|these|those|intend\w*|ability|capacity)\b", re.I))
ED_ADJECTIVES = {"unnamed", "unspecified", "affiliated", "appointed", "based", "backed", "armed", "united", "mobilized",
                 "occupied", "proclaimed", "unidentified", "detained", "retired", "specialized", "assigned", "embedded"}
PERSON = re.compile(r"[A-Z][\w’'.-]+(?:\s+(?:of\s+|the\s+)*[A-Z][\w’'.-]+){0,4}")


def _is_party(s: str) -> bool:
    """Is the subject of a verb of saying a party (a body, an office, a source, a person), not a fragment of a clause?"""
    if NOT_PARTY.search(s) or s.lower() in ("russian", "russians", "ukrainian", "ukrainians", "russia", "ukraine"):
        return False
    if any(w.endswith("ed") and w.islower() and w not in ED_ADJECTIVES for w in s.split()):
        return False  # "Russian forces destroyed Ukrainian command": a clause, not a speaker
    return PARTY_WORD.search(s) is not None or PERSON.fullmatch(s) is not None


# "the command post of the Russian 247th Regiment": a side's unit after "of" owns a noun, it is no subject
OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")


def _owner_of(sentence: str, before: list[tuple[int, int, str]], actor: tuple[int, int, str]) -> bool:
    """Is `actor` the other side's unit after "of" ("the command post of the Russian 247th Regiment", "of the Russian
    20th Motorized Rifle Division": the side word and the unit's own side word in its name), not a subject?"""
    own = [a for a in before if a[2] != actor[2]]
    if not own or " of " not in sentence[own[-1][1]:actor[0]]:
        return False
    head = [a for a in before if a[2] == actor[2] and a[0] > own[-1][1]] + [actor]
    return OF_BEFORE.search(sentence, max(0, head[0][0] - 12), head[0][0]) is not None \
        and all(b[0] - a[1] < 30 and "," not in sentence[a[1]:b[0]] for a, b in zip(head, head[1:]))


def _object_of(sentence: str, before: tuple[int, int, str], actor: tuple[int, int, str]) -> bool:
    """Is `actor` the object of the clause `before` is the subject of ("Ukrainian forces shot down a Russian
    helicopter and destroyed ...": the other side's word with no clause break or verb of saying after the subject),
    and not the subject of a participle or relative clause of its own ("on Russian forces attempting to cross")?"""
    return (before[2] != actor[2] and OBJECT_BREAK.search(sentence, before[1], actor[0]) is None
            and SAY.search(_low(sentence), before[1], actor[0]) is None and not OWN_VERB.match(sentence, actor[1]))


# a clause break between a subject and a later side word: the side word starts a clause of its own
OBJECT_BREAK = re.compile(r"[;,—–]|\b(?:and|but|while|which|that|who|as|after|before|when|since|because|until|once|if|"
                          r"although|though|despite|whereas)\b")
# "Russian forces attempting to cross", "a Russian brigade that tried to cross": the side word is a subject after all
OWN_VERB = re.compile(rf"[^,;.]{{0,50}}?\b(?:{FORCE})\s+(?:\w+ing|that|who|which|tried|attempted)\b")


def _side(m: re.Match) -> str:
    return "russia" if (m.group("ru") or m.group("ru2") or m.group("ru3") or m.group("ru4") or m.group("ru5")) else "ukraine"


def _actors(sentence: str) -> list[tuple[int, int, str]]:
    out = []
    both = [(b.start(), b.end()) for b in BOTH_SIDES.finditer(sentence)] if " and " in sentence else []
    for m in ACTOR.finditer(sentence):
        word_end = m.end()
        if NOT_ACTOR_AFTER.match(sentence, word_end):
            continue
        if both and any(a <= m.start() < b for a, b in both):
            continue  # "Russian and Ukrainian forces are fighting in X": both sides, so neither is the subject
        if CASUALTIES_BEFORE.search(sentence, max(0, m.start() - 45), m.start()):
            continue  # "strikes killed 44 Russian servicemen and destroyed ...": the victims, never the subject
        out.append((m.start(), word_end, _side(m)))
    return out


# a casualty count just before a side's troops: "killed 44", "wounded up to 150", "eliminated 16"
CASUALTIES_BEFORE = re.compile(r"\b(?:killed|killing|wounded|wounding|injured|injuring|eliminated|eliminating)\s+(?:and\s+\w+\s+)?"
                               r"(?:(?:up\s+to|about|approximately|over|more\s+than|at\s+least|nearly|around|roughly)\s+)?"
                               r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds)\s+$")
VICTIMS_AFTER = re.compile(r"[^.;]{0,100}?\b(?:killed|wounded|injured|eliminated)\s+(?:and\s+\w+\s+)?(?:(?:up\s+to|about|"
                           r"approximately|over|more\s+than|at\s+least|nearly|around|roughly)\s+)?(?:\d[\d,]*|two|three|four|"
                           r"five|six|seven|eight|nine|ten|dozens|hundreds)\s+(?P<side>Russian|Ukrainian)\b")
BOTH_SIDES = re.compile(r"\b(?:Russian\s+and\s+Ukrainian|Ukrainian\s+and\s+Russian)\s+(?:forces|troops|units|servicemen|soldiers)\b")
# led by a look-ahead for their first characters (`lexicon.quick_start`): the same matches, 10-40% faster
SIDE_WORD, SIDE_ADJ_END, CLAUSE_SPLIT, SAY, BOTH_SIDES = map(lexicon.quick_start, (SIDE_WORD, SIDE_ADJ_END, CLAUSE_SPLIT, SAY, BOTH_SIDES))
# ... and run in ASCII mode on ASCII text (`geo.read.regex_twin.Twin`): the same matches, faster
CLAUSE_SPLIT, SAY, BOTH_SIDES = map(Twin, (CLAUSE_SPLIT, SAY, BOTH_SIDES))
CASUALTIES_BEFORE = Twin(lexicon.quick_start(CASUALTIES_BEFORE))


@lru_cache(maxsize=8)
def _low(sentence: str) -> str:
    """The sentence in lower case, character for character (offsets stay right)."""
    low = sentence.lower()
    return low if len(low) == len(sentence) else "".join(c.lower()[0] for c in sentence)


PLAIN_GAP = re.compile(r"[;,]|\b(?:and|but|while)\b")
SUBJECT_GAP = re.compile(r"[;,]|\b(?:and|but|while|which|that)\b")
CAPITAL = re.compile(r"[A-Z]")
AND_WORD = re.compile(r"\band\b")
LEAD_WORDS = re.compile(r"^([A-Z][A-Za-z’' ]{3,60}):\s+")
OBJECTIVE = re.compile(r"\bobjective\b", re.I)
# the section on life behind Russia's lines ("Activity in Russian-occupied Areas")
OCCUPIED_SECTION = re.compile(r"\bRussian-occupied\s+(?:areas|territor)", re.I)
# an editor's lead-in: a note on the report's coverage or a correction of an earlier one
EDITORIAL = re.compile(r"(?:editor[’']?s\s+)?(?:note|correction|erratum|errata)$", re.I)


ODD_FOLDS = ("ſ", "ı", "İ")  # letters a case-insensitive pattern reads as s or i, which lower() does not map to them
HEDGE_WORDS = ("reportedly", "alleged", "purported", "supposedly", "ostensibly", "unconfirmed", "unverified", "rumo")  # HEDGE's words
MONTH_TITLES = tuple(m.title() for m in MONTHS)
MONTH_NAME = Twin(re.compile("|".join(MONTH_TITLES)))


def _may_contain(sentence: str, low: str, *words: str) -> bool:
    """Can a case-insensitive pattern that needs one of `words` match the sentence? A cheap test before it."""
    for w in words:
        if w in low:
            return True
    return "ſ" in sentence or "ı" in sentence or "İ" in sentence  # ODD_FOLDS


ADJ_DETERMINER = re.compile(r"\b(?:any|no|a|an|the|their|its|these|those|several|some|other|newly)\s+$", re.I)


LOOKBACK, NARRATIVE_THAT = lexicon.Folded(LOOKBACK), lexicon.Folded(NARRATIVE_THAT)  # only their positions are read


# a verb of saying after "and" with no subject of its own: "Fedorov reported that A and confirmed that B"
SHARED_SUBJECT = re.compile(r"\sand(?:\s+(?:also|additionally|later|then|further|separately|again))?$")


def _attributions(sentence: str) -> list[tuple[int, str, str | None]]:
    """Positions after which events are claimed (or confirmed by evidence): (pos, status, claimant)."""
    out = []
    for m in SAY.finditer(_low(sentence)):
        # the subject: from the last clause break before the verb
        head = sentence[:m.start()]
        if m.group().startswith("confirmed") and ADJ_DETERMINER.search(head):
            continue  # "did not conduct any confirmed ground attacks": an adjective, nobody speaks
        if m.group().startswith(("claims", "reports")) and INFERRED_CLAIMS.search(head, max(0, m.start() - 80)):
            continue  # "..., corroborating Ukrainian claims of strikes on X": the noun, backed by ISW's reading
        cut = max([0] + [b.end() for b in CLAUSE_BREAK.finditer(head)] + [head.rfind(" that ") + 6 if " that " in head else 0])
        if cut > 6 and head.endswith(", and ", 0, cut):
            listed = SIDE_LIST_HEAD.search(head, 0, cut)
            cut = listed.start(1) if listed else cut  # "Ukrainian, Russian, and social media sources": one list, one subject
        subject = head[cut:].strip()
        if not subject or len(subject.split()) > 18:
            continue
        if EVIDENCE.search(subject) or "geolocat" in sentence and GEOLOCATED_OBJECT.match(sentence, m.end()) \
                or ("ing" in m.group() or "which" in head[-30:]) and _inference(sentence, m.start(), m.group()) \
                or READING_VERB.match(m.group()) and not SOURCE_NOUN.search(subject) and claimant_name(subject) is None:
            # ", indicating that X": what ISW reads from the report before it is its own assessment
            out.append((m.end(), "confirmed", None))  # "published geolocated footage showing": the footage backs it
        elif SHARED_SUBJECT.search(subject) and out:
            # "X reported that A and confirmed that B": the second verb's speaker is the first one's
            out.append((m.end(), "claimed", out[-1][2] if out[-1][1] == "claimed" else None))
        else:
            out.append((m.end(), "claimed", claimant_name(subject)))
    low = _low(sentence)
    for m in ACCORDING.finditer(sentence) if _may_contain(sentence, low, "according") else ():
        who = claimant_name(m.group("who"))
        # "Russian forces shelled X and Y, according to the General Staff.": a source named last covers the sentence
        last = who is not None and SENTENCE_END.match(sentence, m.end())
        out.append((0 if last else m.start(), "claimed", who))
    for m in HEDGE.finditer(sentence) if _may_contain(sentence, low, *HEDGE_WORDS) else ():
        out.append((m.start(), "claimed", None))
    for m in CLAIMED_ADJ.finditer(low) if " claimed " in low and "geolocat" not in low else ():
        out.append((m.end(), "claimed", None))  # "the aftermath of a claimed Ukrainian strike on X": hedged as "alleged" is
    for m in NARRATIVE_THAT.finditer(sentence) if _may_contain(sentence, low, "that", "claims of", "reports of") else ():
        if "geolocat" in low and FOOTAGE_CONFIRMS.search(sentence, 0, m.start()):
            continue  # "geolocated footage confirms Russian and Ukrainian claims that X": the footage backs the claims
        if INFERRED_CLAIMS.search(sentence, max(0, m.start() - 80), m.start()):
            out.append((m.end(), "confirmed", None))  # "X reported explosions, which corroborates claims that": ISW's reading
            continue
        if low.startswith("assess", m.start()) and OWN_ASSESSMENT.search(low, max(0, m.start() - 40), m.start()):
            continue  # "affirming ISW’s previous assessment that X": ISW's own
        who = None
        if low.startswith(("statement", "announcement", "assessment", "complaint"), m.start()):
            # "The IAEA issued a statement that", "Russian milbloggers made pessimistic assessments that": the speaker
            head = sentence[:m.start()]
            cut = max([0] + [b.end() for b in CLAUSE_BREAK.finditer(head)])
            speaker = ISSUED.search(head, cut)
            who = claimant_name(head[cut:speaker.start()]) if speaker else None
        out.append((m.end(), "claimed", who))  # "a narrative that Wagner forces captured Soledar"
    out.sort(key=lambda t: t[0])
    return out


# "Russian forces lost territory near X", "Ukrainian troops have been losing ground around Y": ground the other side gained
LOST_GROUND = re.compile(r"\b(?P<side>Russian|Ukrainian)\s+(?:forces|troops|units|servicemen|soldiers)\s+(?:(?:have|had|has|reportedly|also|"
                         r"likely|recently|further)\s+)*(?P<verb>lost|(?:been|are|were)\s+losing)\s+(?:(?:some|more|further|their|several|"
                         r"unspecified)\s+)?(?:ground|territory|positions)\b")
# the object of "repelled" that names no side: "repelled attacks near X", "repelled an attack on Y", "repelled ground assaults"
REPELLED_ATTACK = re.compile(r"\s+(?:(?:the|an?|two|three|four|five|six|seven|eight|nine|ten|several|multiple|numerous|\d+|ground|"
                             r"infantry|small-group|limited|further|renewed|repeated|continued)\s+){0,3}"
                             r"(?:assaults?|attacks?|offensives?|counterattacks?|counteroffensives?)\b(?!\s+(?:helicopters?|drones?|aircraft))")
# what a side's word after "repelled" names: its attack or its force ("Russian assaults", "a Ukrainian sabotage and
# reconnaissance group", "Russian forces' attempts"), not a person or a project ("Russian President", "the Wagner Line")
REPELLED_OBJECT = re.compile(r"(?:[’'s]*\s+[\w“”\"’'-]+){0,5}?\s+[“\"]?(?:assaults?|attacks?|offensives?|counter-?attacks?|"
                            r"counter-?offensives?|advances?|attempts?|efforts?|operations?|actions?|strikes?|landings?|forces?|"
                            r"troops|units?|groups?|grouping|formations?|elements|personnel|brigades?|regiments?|battalions?|"
                            r"infantry|servicem[ae]n|soldiers|fighters|detachments?|DRGs?|tanks?|columns?|convoys?|"
                            r"pushes|push|breakthroughs?|raids?|sorties?|incursions?|probes?|reconnaissance\S*)\b", re.I)
# a person or an office after the side word: "deflected Russian President Vladimir Putin’s efforts", "rebuffed Ukrainian
# officials’ attempts": politics, not a repelled attack
OFFICIAL_AFTER = re.compile(r"\s+(?:President|Prime\s+Minister|(?:Defense|Foreign)\s+Minister|Minister|leader(?:ship)?|officials?|"
                            r"authorities|government|diplomats?|Kremlin|Duma|Security\s+Council|Presidential|negotiators?)\b")
# Russia's proxies and irregulars named as the side whose troops footage shows ("footage of LNR forces raising a flag")
PRESENCE_PROXY = r"DNR|LNR|Wagner(?:\s+Group)?|Chechen|Rosgvardia|(?:Donetsk|Luhansk)\s+People[’']s\s+Republic(?:\s+\([A-Z]+\))?"
# "footage shows Ukrainian troops in X", "confirms the presence of Ukrainian soldiers in X": ground held by that side
PRESENCE = re.compile(
    r"\b(?:[Ff]ootage|[Ii]magery|[Ii]mages?|[Vv]ideos?|[Pp]hotos?|[Pp]hotographs?)\b[^.;]{0,80}?\b(?:shows?|showed|showing|"
    r"confirms?|confirmed|confirming|depicts?|depicted|depicting|(?<=[Ff]ootage\s)of)\s+(?:that\s+)?(?:the\s+presence\s+of\s+)?"
    rf"(?P<side>Ukrainian|Russian|{PRESENCE_PROXY})\s+(?:troops|soldiers|forces|servicemen|units|personnel|fighters|mercenaries)"
    r"(?=\s+(?:in|inside|entering|on\s+the\s+outskirts\s+of|(?:raising|hoisting)\s+(?:(?:a|the|their)\s+)?[\w\s]{0,20}?flags?\s+(?:in|over|above)"
    # "footage shows Russian soldiers moving through residential areas of X", "troops raising the flag above a city
    # administration building in Y", "Russian forces consolidating positions in Z": troops moving in the town, not presence
    r"|(?:reportedly\s+)?(?:moving|walking|driving)\s+(?:through|into|along)(?:\s+(?:the\s+)?[a-z-]+){0,3}?\s+(?:of|in)"
    r"|(?:raising|hoisting)\s+(?:(?:a|the|their)\s+)?[\w\s]{0,20}?flags?\s+(?:in|over|above|on)(?:\s+(?:an?|the)\s+[a-z]+(?:\s+[a-z]+){0,2}\s+in)?"
    r"|consolidating\s+(?:their\s+)?positions\s+in)\s+[A-Z])")


# what the troops shown in a town are doing there, named by a participle after the town ("footage shows Russian forces in
# X forcing students to dig trenches", "imagery showed Russian forces in Y (16km from Z) attempting to hide revetments")
SHOWN_DOING = re.compile(r"\s+[A-Z][\w’'-]*(?:[\s-]+[A-Z][\w’'-]*)*(?:\s*\([^()]{0,80}\))?,?\s+(?P<verb>[a-z]+ing)\b")
SHOWN_IN = re.compile(r"\s+(?:in|inside)\b")
SHOWN_MOVING = {"moving", "advancing", "operating", "fighting", "maneuvering", "manoeuvring", "driving", "walking", "running",
                "clearing", "raising", "hoisting", "patrolling", "storming", "assaulting", "attacking"}


def _shown_at_rear_work(sentence: str, low: str, end: int) -> bool:
    """Are the troops that footage shows in a town (PRESENCE, ending at `end` before "in") doing something there that
    is no fighting and no move ("forcing students to dig trenches", "attempting to obstruct imagery by installing
    covers")? Presence at rear-area work is no ground gained (gold README: presence is not a claim)."""
    at = SHOWN_IN.match(sentence, end)
    doing = at and SHOWN_DOING.match(sentence, at.end())
    if not doing:
        return False
    verb = doing.group("verb")
    return verb not in SHOWN_MOVING and TRIGGER.match(low, doing.start("verb")) is None


# what follows troops shown in a town when the footage answers the other side's claim to have taken it: "..., indicating
# that prior Russian claims of capturing X were false", "... despite repeated Russian claims that they took X"
HELD_AGAINST_CLAIMS = re.compile(r"[^.;]{0,80}?(?:\bdespite\s+(?:[\w’'-]+\s+){0,3}?claims?\b|\bclaims?\b[^.;]{0,80}?\b(?:were|was|are|is)\s+"
                                 r"(?:likely\s+|probably\s+)?(?:false|incorrect|untrue|inaccurate)\b)")


# "geolocated footage ... likely indicates that Russian forces control the settlement", "footage suggests that Ukrainian
# troops now control most of X": control inferred from footage is ground gained (not "Ukrainian forces still hold X", a
# defender's hold, nor control inferred from shelling)
FOOTAGE_CONTROL = re.compile(
    r"\b(?:[Ff]ootage|[Ii]magery|[Ii]mages?|[Vv]ideos?|[Pp]hotos?|[Pp]hotographs?)\b[^.;]{0,160}?\b(?:indicat|suggest|show|confirm|demonstrat)"
    r"\w*\s+that\s+(?P<side>Ukrainian|Russian)\s+(?:troops|soldiers|forces|units|elements)\s+"
    r"(?:(?:likely|now|probably|also|almost\s+certainly)\s+)*(?P<verb>control(?:s|led)?|occup(?:y|ies|ied))\b(?!\s+(?:positions|areas)\b)")
EVIDENCE_CONTROL = ("control", "occup")


# "shared pictures and video of several destroyed Russian armored vehicles in X", "published images of destroyed Russian
# artillery equipment in Y": what the pictures show destroyed, the other side struck
DESTROYED_SHOWN = re.compile(
    r"\b(?:[Ff]ootage|[Ii]magery|[Ii]mages|[Vv]ideos?|[Pp]hotos|[Pp]hotographs|[Pp]ictures)(?:\s+and\s+\w+)?\s+(?:\w+\s+){0,3}?of\s+"
    r"(?:(?:a|an|the|several|multiple|numerous|many|dozens\s+of|\d+|two|three|four|five)\s+)?(?P<verb>destroyed|damaged|burning|"
    r"burned-out)\s+(?P<side>Russian|Ukrainian)\b")


NOT_INFINITIVE = {"due", "owing", "thanks", "according", "close", "next", "prior", "compared", "contrary", "adjacent", "similar"}
NOT_VERB_AFTER_TO = {"date", "positions", "areas", "villages", "settlements", "towns", "cities", "territory", "the", "some",
                     "several", "both", "all", "each", "within", "about", "around", "near", "nearly", "almost", "over"}


EVIDENCE_NOUNS = ("footage", "image", "video", "photo")  # PRESENCE's nouns in lower case ("image" in "imagery")
EVIDENCE_VERBS = ("show", "confirm", "depict")  # PRESENCE's verbs, as it spells them (lower case)


def _aim(before_words: list[str], word: str = "") -> bool:
    """"... to renew offensives", "... to carry out successful counterattacks": an infinitive of purpose
    (not "continued to conduct attacks") governs the event noun; so does it a second bare infinitive after "and"
    ("presumably to isolate and then take X", "the campaign to encircle and seize Y"; not "efforts to encircle and take Z",
    which is the event tried)."""
    raw = [w.strip(",") for w in before_words]
    words = [w.lower() for w in raw]
    for k in range(len(words) - 1, max(-1, len(words) - 6), -1):
        if words[k] != "to":
            continue
        between = words[k + 1:]
        if word and _bare_pair(before_words[k + 1:], word):
            return k == 0 or words[k - 1] not in CARRY_ON and words[k - 1] not in NOT_INFINITIVE
        if not between or any(w in DETERMINERS or w in ("a", "an", "and", "or") or w in TIME_ANCHOR or w in ("during", "amid")
                              for w in between):
            return False  # "operations to surround Sumy and launched attacks", "forced to withdraw during assaults on X":
            # the infinitive ended before the event
        if not raw[k + 1].isalpha() or not raw[k + 1].islower() or between[0] in NOT_VERB_AFTER_TO or between[0] == "have":
            return False  # "to have captured": a perfect infinitive reports a done deed, not an aim
        return k == 0 or words[k - 1] not in CARRY_ON and words[k - 1] not in NOT_INFINITIVE
    return False


AND_THEN = {"then", "subsequently", "eventually", "later", "ultimately"}


def _bare_pair(between: list[str], word: str) -> bool:
    """Are the words between "to" and the event "V and" or "V and then", with the event a bare infinitive ("to isolate
    and then take", "to encircle and seize")?"""
    if not word.isalpha() or word.endswith(("ed", "ing", "s")):
        return False
    if len(between) == 3 and between[2].lower() in AND_THEN:
        between = between[:2]
    return len(between) == 2 and between[1] == "and" and between[0].isalpha() and between[0].islower() \
        and not between[0].endswith(("ed", "ing")) and between[0] not in NOT_VERB_AFTER_TO and between[0] != "have"


# "the overall capture of X", "the total capture of the plant": the whole of a taking, spoken of as a goal or a topic
WHOLE_ADJ = {"overall", "total", "full", "complete", "entire", "eventual", "ultimate", "final"}
# verbs whose object is an event the subject carries out: "continued their assault on X", "completed the capture of Y"
# (with "the" only the verbs that go on with an event: "conducted the attack" names one told before)
PERFORMED = {"continued", "resumed", "renewed", "intensified", "completed", "began", "begun", "launched", "started", "pressed"}
PERFORMING = {"continuing", "resuming", "renewing", "intensifying", "completing", "beginning", "launching", "starting", "pressing"}
GO_ON = {"continued", "resumed", "renewed", "intensified", "completed", "continuing", "resuming", "renewing", "intensifying",
         "completing"}


def _performed(before_words: list[str]) -> bool:
    """Is the event noun after "the/its/their" the object of a verb that carries it out ("continued their assault on X",
    "are intensifying their strikes on Y", "completed the capture of Z"), not a noun phrase about it ("the capture of X")?"""
    words = [w.lower().strip(",") for w in before_words[-5:]]
    words = (words[:-1] if words and words[-1] in WHOLE_ADJ else words)[-4:]  # "completed the full capture of Z"
    if len(words) < 2 or words[-1] not in ("the", "its", "their"):
        return False
    verb, before = words[-2], words[-3] if len(words) > 2 else ""
    if before.endswith("ly") and len(words) > 3:
        before = words[-4]  # "are likely intensifying their strikes"
    if words[-1] == "the" and verb not in GO_ON:
        return False
    return verb in PERFORMED or verb in PERFORMING and before in ("are", "is", "were", "was", "been")


def _not_a_push(word: str, prev_word: str, before_words: list[str]) -> bool:
    """Is this form of "push" not a push of the day? "pushed" is one unless passive ("were pushed east"); "pushing"
    only as a verb ("are pushing", "continued pushing"), not as an adjective ("their comrades pushing on X");
    "push" only after a verb of carrying on ("attempted to push"), not as a noun or an aim ("seek to ... and push")."""
    if word.startswith("pushed"):
        return prev_word in PASSIVE_AUX
    if word.startswith("pushing"):
        return prev_word not in CARRY_ON and prev_word not in PASSIVE_AUX
    return not (prev_word == "to" and len(before_words) > 1 and before_words[-2].lower() in CARRY_ON)


# "... and shelled", "... and also conducted": "and", then the event's own finite (past) verb, which starts a new clause
# ("... and continued to shell X", "... and are shelling Y": a verb of going on, past or in progress, before the event's own)
AND_FINITE = re.compile(r"\band\s+(?:also\s+|reportedly\s+|then\s+|later\s+|likely\s+|again\s+)?(?:[a-z]+ed|struck|hit|fought|shot|"
                        r"(?:continued|resumed|kept)\s+(?:to\s+)?[a-z]+|(?:are|were)\s+(?:also\s+|still\s+)?[a-z]+ing)\b"
                        r"(?:\s+(?:on|at))?$")
AND_FINITE = Twin(lexicon.quick_start(AND_FINITE))


# a campaign's noun with its owner before it ("the Ukrainian counteroffensive", "Ukraine's counter-offensive", "Ukrainian
# forces' third claimed counteroffensive") and its theatre after it ("in Kharkiv Oblast"): the operation, named as a whole
CAMPAIGN_NOUNS = ("offensive", "offensives")
CAMPAIGN_OWNER = re.compile(r"(?:\b(?:the|its|their)\s+(?:[a-z]+\s+){0,3}?(?:Ukrainian|Russian)|\b(?:Ukraine|Russia)[’']s"
                            r"|\b(?:forces|troops)[’'])(?:\s+[a-z]+){0,2}\s+(?:counter-)?$")
CAMPAIGN_THEATRE = re.compile(r"\s+in\s+(?:the\s+)?(?:(?:north|south|east|west)\w*\s+)?[A-Z]")


def _operation_name(before_words: list[str]) -> list[str] | None:
    """The place words of an operation's name before its noun ("the Kharkiv counteroffensive", "the Kharkiv Oblast
    counteroffensive", "the Kherson City offensive"): one or two capitalised words after a determiner, no side's name."""
    for n in (1, 2):
        if len(before_words) > n and before_words[-n - 1].lower() in DETERMINERS:
            words = before_words[-n:]
            if all(w[:1].isupper() and not SIDE_WORD.fullmatch(w.strip(",")) and "," not in w for w in words):
                return words
            return None
    return None


def _governed_infinitive(low: str, pos: int, word: str) -> bool:
    """Is the event at `pos` the second infinitive, after "and" or "or", of an aim, a hope or an inability ("likely hope
    to gain a foothold on the bank and advance on X", "unable to complete the encirclement or resume offensive operations")?"""
    conj = AND_OR_BARE.search(low, max(0, pos - 40), pos)
    verb = conj and (conj.group("verb") or word)
    if not verb or not verb.isalpha() or verb.endswith(("ed", "ing", "s")):
        return False  # "and shelled X", "and continuing attacks": a finite verb or a participle, not an infinitive
    to = low.rfind(" to ", max(0, pos - 160), conj.start() + 1)
    if to < 0 or ";" in low[to:pos]:
        return False
    head = " ".join(low[max(0, to - 120):to + 4].split()[-9:])
    return MODAL.search(head) is not None or UNABLE.search(head) is not None


def _future_clause(low: str, pos: int, sentence: str = "", start: int = 0) -> bool:
    """Is the event at `pos` in a clause whose verb is future, conditional or unlikely ("will", "would",
    "unlikely to ... by seizing X", "may attempt to cross ... to take X")? The clause begins at `start` or before."""
    head = low[:pos]
    if start:
        return False  # the event's own verb starts its clause: "may be reprioritizing efforts ... and conducted attacks"
    w = max(head.rfind(" will "), head.rfind(" would "), head.rfind(" unlikely to "),
            sentence.rfind(" may ", 0, pos), sentence.rfind(" might ", 0, pos), sentence.rfind(" could ", 0, pos))
    return w >= 0 and CLAUSE_BREAK.search(head, w) is None and " than " not in head[w:]  # "larger than the attacks on X"


class _LazyActors:
    """`_actors(sentence)`, found when first read: the event words of many sentences are all turned down before any
    rule asks who acts (over the archive 3,671 of 9,760 sentences' actors went unread, 0.08 s of ACTOR searches)."""

    __slots__ = ("sentence", "found")

    def __init__(self, sentence: str):
        self.sentence, self.found = sentence, None

    def _get(self) -> list[tuple[int, int, str]]:
        if self.found is None:
            self.found = _actors(self.sentence)
        return self.found

    def __iter__(self):
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())

    def __bool__(self) -> bool:
        return bool(self._get())

    def __getitem__(self, i):
        return self._get()[i]


def _names_weapon(text: str) -> bool:
    """Does `text` name a weapon once unit and support names ("tank army", "air defenses") are cut (NOT_WEAPON)? The
    cut takes whole words, leaving no new word behind, so text that names no weapon before it names none after."""
    return STRIKE_WEAPONS.search(text) is not None and STRIKE_WEAPONS.search(NOT_WEAPON.sub("", text)) is not None


def _names_partisan(text: str) -> bool:
    """Does `text` name partisans or saboteurs once "sabotage and reconnaissance groups" and the like are cut?"""
    return PARTISAN.search(text) is not None and PARTISAN.search(NOT_WEAPON.sub("", text)) is not None


def _events(sentence: str, side: str | None = None, struck_by: str | None = None) -> list[_Event]:
    actors: list[tuple[int, int, str]] = []  # found at the first trigger: a sentence with none needs no actors
    events: list[_Event] = []
    found_actors = False
    low = _low(sentence)
    has_accusation = has_future = False
    repelled: _Event | None = None
    noun_side: tuple[str, int] | None = None
    for m in TRIGGER.finditer(low):
        if not found_actors:  # what the triggers below ask of the whole sentence, read at the first
            actors, found_actors = _LazyActors(sentence), True
            has_accusation = "accus" in low or "each other" in low
            has_future = " will " in low or " would " in low or " unlikely to " in low or " may " in sentence or " might " in low \
                or " could " in low
        word = m.group().lower()
        ceded = bool(m.group("move")) and _ceded(sentence, m.start(), m.end(), word)
        if m.group("move") and not ceded:
            if word in lexicon.ABANDON:
                continue  # "abandoned efforts to encircle Kyiv", "abandoned vehicles": no ground given up, no move either
            events.append(_Event("attack", None, m.start(), m.end(), dropped="force move"))
            continue
        kind = "advance" if m.group("advance") or ceded else "strike" if m.group("strike") else "attack"
        before = sentence[max(0, m.start() - 70):m.start()]
        before_words = before.split()[-6:]
        near = " ".join(before_words)
        ev = _Event(kind, None, m.start(), m.end(), ceded=ceded)
        if word.startswith("claim"):
            ev.start = m.start() + word.index(" ") + 1  # "claimed control of X": the saying is the party's, the control the event
        prev_word = before_words[-1].lower() if before_words else ""
        mutual = MUTUAL.search(sentence, max(0, m.start() - 50), m.start()) if has_accusation else None
        if mutual:
            # "Russian and Ukrainian sources traded accusations of shelling X": one claimed event per accused side
            who = claimant_name(re.split(r"[;,]", sentence[:mutual.start()])[-1])
            for accused in ("russia", "ukraine"):
                events.append(_Event(kind, accused, m.start(), m.end(), status="claimed", claimant=who, mutual=True))
            continue
        if word == "occupied" and not (FORCE_BEFORE.search(before) and OCCUPIED_PLACE.match(sentence, m.end())):
            continue  # "assault detachments occupied the settlements of X" took them; "occupied Melitopol" is an adjective
        if word.startswith("raid") and NOT_A_RAID.search(sentence):
            continue  # a police, search or occupation raid, or an air raid alert: not a ground assault
        if word.startswith("control") and prev_word in ("still", "only"):
            continue  # "Ukrainian forces still control half of X", "Russians only control one-half of Y": what is left held
        if m.start() > 1 and sentence[m.start() - 1] == "-" and sentence[m.start() - 2].isalpha() and word.endswith("ed"):
            continue  # "Ukrainian-liberated Vysokopillya", "newly-liberated Kharkiv Oblast": a compound adjective, not an event
        if sentence[m.start()].isupper() and m.start() > 0 and sentence[:m.start()].strip()[-1:] not in (".", ":", "“", '"'):
            continue  # a unit's or an operation's name ("76th Air Assault Division", "Storm-Z"), not an event
        if word.endswith("ing") and kind != "strike" and (prev_word in ("a", "an", "the", "on", "at", "against")
                                                           or prev_word in lexicon.STRIKE) \
                and (PARTICIPLE_OBJECT.match(sentence, m.end()) or kind == "advance" and SIDE_AFTER.match(sentence, m.end())):
            continue  # "striking advancing Russian tanks", "an attacking Ukrainian group": a participle adjective, not an event;
            # "strikes on advancing Russian forces in X" too ("advancing" takes no object, unlike "on attacking Russian forces in Y")
        # Not events of the day, but the places after them are theirs, not an earlier event's:
        if word.startswith("push") and _not_a_push(word, prev_word, before_words):
            why = "aim"  # "seek to take X and push toward Y", "a northward push", "were pushed east", "comrades pushing on X"
        elif prev_word in RELATIVE_LAST and not word.startswith(("attempt", "tried", "try")) and RELATIVE_PAST.search(before):
            why = "background"  # "elements of units that had fought around Kyiv", "groups that fought in Severodonetsk"
        elif word == "advance" and prev_word == "in" and low.startswith(" of", m.end()):
            why = "aim"  # "shelled X, likely in advance of attempts to move on the city": ahead of an event, none itself
        elif word.endswith("ing") and kind != "strike" and FIGHTERS_OF.search(before) and not SHOWN_OF.search(before) \
                and not WEAPON_WORD.search(prev_word):
            why = "modifier"  # "equipment for Russian forces fighting in X", "to link up with forces advancing in Y", "reports of
            # forces capturing Z": who the people are or what a report is about, not an event the sentence reports
        elif word in NOUN_TRIGGERS and kind != "strike" and CAUSE_OF.search(before):
            why = "cause"  # "filtration measures as a result of the Ukrainian counteroffensive in X", "deserters who fled Ukrainian
            # counteroffensives in Y": the event is why something else happened, told as known, not reported here
        elif word in NOUN_TRIGGERS and ("slow" in near or "hamper" in near or "hinder" in near or "imped" in near) \
                and HINDERED.search(before):
            why = "hindered"  # "withdrew forces from other axes, slowing down Russian advances in X": a consequence, no event
        elif word in NOUN_TRIGGERS and PAST_ADJ.search(before):
            why = "background"  # "previous Ukrainian strikes on Crimea", "earlier Russian assaults on X": told as past, not of the day
        elif word in FIGHTING and "defenders" in before and DEFENDERS_FIGHT.search(before):
            why = "defence"  # "Ukrainian defenders continued to fight in X": holding out, not an assault
        elif kind == "advance" and prev_word in TIME_ANCHOR:
            why = "time anchor"  # "culminated after capturing Lysychansk": an earlier gain used to date something else
        elif prev_word == "of" and word.endswith("ing") and ACCUSED.search(before):
            ev.actor = "russia" if ACCUSED.search(before).group("side").startswith("Russia") else "ukraine"
            why = None  # "accused Ukrainian forces of shelling X": the accused side's event, claimed by the accuser
        elif prev_word in ("from", "of") and word.endswith("ing") and not m.group("repel"):
            why = "prevented"  # "repelled a group from advancing on X", "accused of shelling"
        elif kind == "advance" and word.endswith("ing") and (prev_word == "for" or prev_word == "in" and len(before_words) > 1
                                                             and before_words[-2].lower().strip(",’'s") in CREDIT_NOUNS):
            why = "credit"  # "praised the troops for seizing Soledar", "Wagner's role in capturing Soledar"
        elif kind == "advance" and ABSTRACT_OBJECT.match(sentence, m.end()):
            continue  # "advance a narrative", "advance its interests": not ground
        elif kind == "advance" and word.endswith("ed") and (prev_word in ("a", "an") or (prev_word in ADJ_CONTEXT or prev_word in lexicon.STRIKE)
                                                             and ADJ_NOUN.match(low, m.end())):
            continue  # "a captured TOS-1A", "to target liberated settlements": an adjective, not an event
        elif ("than" in near or "instead" in near or "expense" in near) and RATHER_THAN.search(before):
            why = "negated"  # "... rather than advancing toward Bakhmut itself", "rather than resuming major offensive operations",
            # "prioritizing X at the expense of efforts to take Y"
        elif kind == "advance" and (word.endswith("ed") or word.endswith("taken")) and prev_word not in PASSIVE_AUX \
                and prev_word not in ("has", "have", "had") and AGENT_AFTER.match(sentence, m.end()) and not FORCE_BEFORE.search(before):
            why = "background"  # "Ternova, a village recaptured by Ukrainian forces in May", "a map captured from Russian forces"
        elif kind == "advance" and CAPTIVES.match(sentence, m.end()) and word not in lexicon.EXPEL:
            why = "captives"  # "captured two Russian soldiers": prisoners or equipment, not ground
        elif word in NOUN_TRIGGERS and TIME_WORDS.intersection(w.lower() for w in before_words[-4:]) and TIME_NOUN.search(before) \
                and not NEW_EVENT_AFTER.search(before) and not ("through" in near and THROUGH_MEANS.search(before)) \
                and not (kind == "strike" and CAUSED_BY.search(sentence, max(0, m.start() - 220), m.start())):
            # (not "damage to X following Ukrainian strikes", "explosions after the Ukrainian strikes on Y": what they caused)
            why = "time anchor"  # "after Ukraine's counteroffensive around Kyiv", "the success of Ukrainian counteroffensives in X"
        elif (prev_word in DETERMINERS or len(before_words) > 1 and before_words[-2].lower() in ("the", "its", "their")
              and (prev_word.endswith(("ed", "ful", "ive", "ous")) or prev_word in WHOLE_ADJ) and prev_word not in ("continued", "renewed", "repeated"))\
                and not m.group("repel") and not _performed(before_words) \
                and not (prev_word == "of" and word.startswith("explosion")) \
                and not (prev_word == "further" and word.split()[0].endswith("ed")):  # "and further pushed Russian forces back"
            # ("footage of explosions in X", "reports of explosions near Y": the blasts are what is shown or told)
            why = "noun phrase"  # "the capture of Lysychansk", "their advance", "the failed attack on Kyiv"
        elif word.endswith(CAMPAIGN_NOUNS) and CAMPAIGN_OWNER.search(before) and CAMPAIGN_THEATRE.match(sentence, m.end()) \
                and sentence[:m.start() - len(CAMPAIGN_OWNER.search(before).group())].strip():
            why = "operation name"  # "following the first stages of the Ukrainian counteroffensive in X", "portraying Ukraine's
            # counteroffensive in Y as having failed": the campaign named by its theatre inside another clause, not an event
        elif word in NOUN_TRIGGERS and (name_words := _operation_name(before_words)):
            why = "operation name"  # "the Kharkiv counteroffensive", "the Kharkiv Oblast counteroffensive": an operation, not a claim
            ev.start = sentence.rfind(" ".join(name_words), 0, m.start())  # its place words are part of the name
        elif (kind == "advance" or word in FIGHTING) and prev_word == "to" and len(before_words) > 1 and before_words[-2].lower().strip(",") not in CARRY_ON \
                and not ceded:  # "forced Ukrainian troops to abandon X" did give it up
            why = "aim"  # "deadlines to seize", "ordered to attack"
        elif "to" in near.lower() and _aim(before_words, word):
            why = "aim"  # "strengthened their grouping to renew offensives", "the ability to carry out counterattacks"
        elif word in NOUN_TRIGGERS and "for a" in near and FOR_AN_EVENT.search(before) and not FOR_A_DONE_EVENT.search(before):
            why = "aim"  # "reinforcing troops for an offensive on X", "concentrating for a counteroffensive drive toward Y"
        else:
            why = None
        if why == "prevented" and events and not events[-1].dropped and m.start() - events[-1].end < 80:
            continue  # "repelled a group from advancing on X": X is where the repelled attack was
        if why == "aim" and events and not events[-1].dropped and m.start() - events[-1].end < 40 \
                and not PLAIN_GAP.search(sentence[events[-1].end:m.start()]):
            continue  # "continuing to fight to take control of X", "assaults to recapture X": the purpose of the event names its place
        if why:
            ev.dropped = why
            events.append(ev)
            continue
        if word in lexicon.REPEL_BASE and not (prev_word == "to" and len(before_words) > 1 and before_words[-2].lower() in CARRY_ON):
            continue  # "forces to repel a possible offensive": an aim; "continued to repel Russian assaults on X" is the event
        if m.group("repel") and FROM_POSITIONS.match(sentence, m.end()):
            ev.kind = "advance"  # "pushed back Ukrainian forces from positions near X": the subject gained ground
            prior = [a for a in actors if a[1] <= m.start()]
            if not prior:
                continue
            ev.actor = prior[-1][2]
            events.append(ev)
            continue
        if m.group("repel"):
            after = sentence[m.end():m.end() + 90]
            attacker = SIDE_WORD.search(after)
            if attacker and (not REPELLED_OBJECT.match(after, attacker.end()) or OFFICIAL_AFTER.match(after, attacker.end())):
                continue  # "halted the construction of the Wagner Line", "deflected Russian President Putin's efforts ..."
            if attacker:
                ev.kind, ev.actor = "attack", "russia" if attacker.group("ru") else "ukraine"
            else:
                # "Ukrainian forces repelled attacks near X": the attacks of the side the subject fights
                defenders = [a for a in actors if a[1] <= m.start()]
                if not defenders or not REPELLED_ATTACK.match(sentence, m.end()):
                    continue
                ev.kind, ev.actor = "attack", "ukraine" if defenders[-1][2] == "russia" else "russia"
            events.append(ev)
            repelled = ev
            continue
        if repelled is not None and events and events[-1] is repelled and m.start() - repelled.end < 50 \
                and not PLAIN_GAP.search(sentence[repelled.end:m.start()]):
            continue  # "repelled Russian attempts to establish control over X": what the repelled side tried to do
        if kind == "attack" and (_names_weapon(" ".join(before_words[-5:])) or WITH_WEAPON.match(sentence, m.end())):
            kind = ev.kind = "strike"  # "attacked the base with three unmanned surface vehicles"
        if MODIFIER_OF.match(sentence, m.end()):
            continue  # "attack helicopters", "strike drones": a kind of weapon, not an event
        if kind == "strike" and word in NEEDS_WEAPON and not STRIKE_WEAPONS.search(sentence[max(0, m.start() - 60):m.end() + 60]) \
                and not (noun_side and m.start() - noun_side[1] < 25) \
                and not ENEMY_OBJECT.match(sentence, m.end()) and not (word.startswith("hit") and HIT_OBJECT.match(sentence, m.end())):
            continue
        if kind == "advance" and word in NEEDS_ACTOR and not actors:
            continue
        if word in PARTISAN_DEEDS and not PARTISAN.search(sentence, max(0, m.start() - 100), m.start()):
            blamed = BLAMED_AFTER.match(sentence, m.end()) if word.startswith("explosion") else None
            if blamed is not None:
                ev.actor = "russia" if blamed.group("ru") else "ukraine"  # "explosions in X, possibly from partisan activity"
            else:
                blasts = _reported_blasts(sentence, m, word, struck_by, actors)
                if blasts is None:
                    continue  # a killing or an explosion is a strike only as partisans' deed ("a strike killed 300 personnel": the strike)
                ev.actor, ev.by_line = blasts, True  # "Residents reported explosions in X": a strike by the side across the line
        if word == "targeting" and events and not events[-1].dropped and m.start() - events[-1].end < 60 \
                and not PLAIN_GAP.search(sentence[events[-1].end:m.start()]):
            continue  # "Russian attacks northwest of Kyiv targeting Irpin": the attacks' objective, not a strike
        if word in TARGET_NOUN and TARGET_AFTER.match(sentence, m.end()) and SIDE_ADJ_END.search(before[-40:]):
            continue  # "destroyed unspecified Russian military targets in X": the side's targets, a noun, not its strike
        if word.endswith(" up") and not PARTISAN.search(sentence, max(0, m.start() - 80), m.start()):
            continue  # "partisans blew up a rail bridge in X" is a sabotage strike; troops blowing up a bridge, their own demolition
        if kind == "strike" and low.startswith(" down", m.end()):
            continue  # "struck down nine drones", "shot down": air defence, not a strike on a place
        if word in lexicon.TAKE and not TAKE_PLACE.match(sentence, m.end()):
            continue  # "take part", "took positions", "taken into account"
        if ev.actor is None and prev_word == "to" and ("attempt" in near or "effort" in near):
            tried = SIDE_ATTEMPT.search(before)
            if tried:
                ev.actor = "russia" if tried.group("side") == "Russian" else "ukraine"  # "Russian attempts to advance in X"
        if ev.actor is None and word.startswith(("attempt", "tried", "trying")) and (adj := SIDE_ADJ_END.search(before[-25:])) \
                and not (adj.group("mid") or "").strip():
            ev.actor = "russia" if adj.group("ru") else "ukraine"  # "continued Ukrainian attempts to cross the river near X"
        # a noun with a side adjective just before it: "a Russian attack", "Ukrainian drone strikes"
        if ev.actor is None and (word in NOUN_TRIGGERS or word.endswith("s") and word[:-1] in NOUN_TRIGGERS):
            adj = SIDE_ADJ_END.search(before[-40:])
            if adj and FORCE_OR_VERB.search(adj.group("mid") or "") and not STRIKE_WEAPONS.search(adj.group("mid")):
                adj = None
            if adj and " and " in f"{adj.group('mid')} ":
                adj = None  # "break through Ukrainian lines and advance": the side word belongs to another phrase
            if adj and adj.group("mid").strip() and adj.group().split()[0] in ("Ukraine", "Russia") \
                    and COUNTRY_AS_PLACE.search(before[-40:], 0, adj.start()):
                adj = None  # "operations in eastern Ukraine made minor advances": the country is a place, not the noun's side
            if adj and (NOUN_PLACE_AFTER.match(sentence, m.end()) or kind == "strike" and NOUN_EFFECT.match(sentence, m.end())):
                ev.actor = "russia" if adj.group("ru") else "ukraine"
                if NOUN_FORECAST.match(sentence, m.end()):
                    ev.dropped = "forecast"  # "the current Russian offensive in Donbas is likely to culminate"
            elif adj and kind == "strike" and ("explos" in low or "smoke" in low or "fire" in low or "blast" in low or "damage" in low) \
                    and CAUSED_BY.search(sentence, max(0, m.start() - 220), m.start()):
                ev.actor, ev.cause = "russia" if adj.group("ru") else "ukraine", True
            elif adj:
                # "Ukrainian counteroffensive pressure": a side's noun with no place is analysis, not an event;
                # but "Ukrainian strikes hit X": the noun is the subject of the verb that follows
                noun_side = ("russia" if adj.group("ru") else "ukraine", m.end())
                continue
        if ev.actor is None and noun_side and m.start() - noun_side[1] < 25 and (
                word in NOUN_TRIGGERS or word[:-1] in NOUN_TRIGGERS or not PLAIN_GAP.search(sentence, noun_side[1], m.start())):
            # "Ukrainian strikes hit X", "Ukrainian ground attacks and shelling"; not "preventing Ukrainian advances and shelled X"
            ev.actor = noun_side[0]
        if ev.actor is None and "elements" in low:
            # "A Russian milblogger claimed that elements of the 155th Naval Infantry Brigade are conducting
            # engagements near X": a unit with no side named, reported by the Russian side, is a Russian unit
            said = [x for x in SAY.finditer(low, 0, m.start())]
            unit = UNIT_SUBJECT.search(sentence, said[-1].end() if said else 0, m.start()) if said else None
            speaker = SIDE_WORD.search(sentence, 0, said[-1].start()) if said else None
            if unit and speaker and speaker.group("ru"):
                ev.actor = "russia"
        if ev.actor is None and word.endswith("ing") and before.rstrip().endswith(",") and actors:
            # "Ukrainian forces pursued Russian forces in X, capturing Y": the participle's subject is the clause's
            said = [x.end() for x in SAY.finditer(low, 0, m.start())]
            subject = [a for a in actors if a[0] >= (said[-1] if said else 0) and a[1] <= m.start()]
            if subject:
                ev.actor = subject[0][2]
        if ev.actor is None and prev_word == "by" and word.endswith("ing"):
            # "avenged the attacks by striking X": the subject of the clause, after any verb of saying
            said = [x.end() for x in SAY.finditer(_low(sentence), 0, m.start())]
            subject = [a for a in actors if a[0] >= (said[-1] if said else 0) and a[1] <= m.start()]
            if subject:
                ev.actor = subject[0][2]
        if ev.actor is None and (prev_word in lexicon.SAY_TO and word.endswith("ing") and word not in FIGHTING
                                 or prev_word in ("to", "have") and SAID_TO.search(before) or word.startswith("claim")):
            # "Ukrainian officials confirmed striking four depots": the speaker's own side did it; "the Russian MoD claimed
            # full control of X": the speaker's side took it (not "sources confirmed fighting in X": fighting takes the
            # side the paragraph describes as attacking, below)
            head = sentence[:m.start()]
            cut = max([0] + [b.end() for b in CLAUSE_BREAK.finditer(head)])
            speaker = SIDE_WORD.search(head, cut)
            if speaker:
                ev.actor = "russia" if speaker.group("ru") else "ukraine"
        weapon = None
        if ev.actor is None and kind == "strike" and word in WEAPON_VERBS:
            weapon = WEAPON_SUBJECT.search(before)
            if weapon and ("down" in low or "intercept" in low) and INTERCEPTED.search(sentence, max(0, m.start() - 130), m.start()):
                weapon = None  # "intercepted several missiles targeting X": whose missiles is told by who downed them
            if weapon and (weapon.group("side") or struck_by):
                # "five Ukrainian rockets struck X", "Russian counterbattery fire hit Y"; with no side, "The missiles
                # struck Z" are those of the strike the paragraph has just told
                ev.actor = ("russia" if weapon.group("side") == "Russian" else "ukraine") if weapon.group("side") else struck_by
        if ev.actor is None and prev_word in PASSIVE_AUX and " by " in low[m.end():m.end() + 5]:
            agent = PASSIVE_BY.match(sentence, m.end())
            if agent:  # "Ukrainian troops claiming to be encircled by Russian troops in X": the agent did it, not the subject
                ev.actor = "russia" if agent.group("side") == "Russian" else "ukraine"
        if ev.actor is None:
            prior = [a for a in actors if a[1] <= m.start()]
            # an earlier event with a side is a subject too ("Ukrainian strikes killed 50 Russian soldiers and destroyed")
            said = sorted(prior + [(e.start, e.end, e.actor) for e in events if e.actor and not e.dropped and not e.mutual
                                   and not e.joint])
            if len({a[2] for a in said}) > 1:  # only the other side's word can be an object
                said = [a for k, a in enumerate(said) if k == 0 or not _object_of(sentence, said[k - 1], a)
                        and not _owner_of(sentence, said[:k], a)]
            prior = said or prior
            if prior:
                ev.actor = prior[-1][2]
            else:
                later = [a for a in actors if a[0] >= m.end()]
                # "Near Bakhmut, fighting continued as Russian forces ..." is rare; a passive with no side is not a claim
                if later and word in NOUN_TRIGGERS and BY_FROM.match(sentence, m.end()):
                    ev.actor = later[0][2]
        if ev.actor is None and kind == "strike":
            target = ON_SIDE_OBJECT.match(sentence, m.end())
            if target:
                ev.actor = "ukraine" if target.group("side") == "Russian" else "russia"  # "claimed strikes on Ukrainian areas"
        if ev.actor is None and kind == "strike" and word not in NOUN_TRIGGERS and prev_word not in OBJECT_LEAD \
                and not (word.endswith("ed") and before.rstrip().endswith((",", ";"))) \
                and (target := MILITARY_OBJECT_OF.match(sentence, m.end())):
            # "warships struck Ukrainian workshops in X", "a loitering munition striking a Russian air defense system near Y",
            # "artillerymen striking Ukrainian positions": the verb's object is the other side's, so the strike is not its own
            ev.actor = "ukraine" if target.group("side") == "Russian" else "russia"
        if ev.actor is None and kind == "strike" and ("kill" in low or "wound" in low or "elimin" in low or "injur" in low):
            victims = VICTIMS_AFTER.match(sentence, m.end())
            if victims:  # "a precision strike on X killed up to 30 Russian servicemen": the other side's strike
                ev.actor = "ukraine" if victims.group("side") == "Russian" else "russia"
        if ev.actor is None and kind == "strike":
            # "five Shahed-136 drones struck X", "used its Kinzhal missile to strike Y": a weapon only Russia fires
            if SIDE_WEAPON.search(sentence, max(0, m.start() - 50), m.start()):
                ev.actor = "russia"
        if ev.actor is None and kind == "strike" and " and " in low and (_both_sides_did(sentence, m.start())
                                                                      or "artillery" in word and BETWEEN_SIDES.match(sentence, m.end())):
            # "Russian and Ukrainian forces continued routine strikes across the X River", "Both Russian and Ukrainian forces
            # intensified shelling in the Y area": each side struck there (one event per side, below)
            ev.actor, ev.joint = "russia", True
        if ev.actor is None and (word in FIGHTING or kind == "attack" and " and " in low and _both_sides_did(sentence, m.start())):
            # "fighting occurred in X", "Russian and Ukrainian forces continued offensive operations near Y": the side the
            # paragraph describes as attacking, else the side named later
            later = [a for a in actors if a[0] >= m.end()]
            ev.actor = later[0][2] if later else side
            if WILL_AFTER.match(sentence, m.end()):
                ev.dropped = "forecast"  # "fighting will continue": a forecast, which keeps its places
                events.append(ev)
                continue
        if ev.actor is None and kind == "strike" and struck_by and not actors and _sideless_strikes(sentence, m, word):
            ev.actor = struck_by  # "Residents also reported strikes in X": the strikes the paragraph has just told of
        if ev.actor is None and events and not events[-1].dropped and events[-1].actor and not events[-1].mutual \
                and not events[-1].joint \
                and m.start() - events[-1].end < 60 and not SUBJECT_GAP.search(sentence[events[-1].end:m.start()]):
            ev.actor = events[-1].actor  # "Ukrainian counterattacks northwest of Kyiv made small gains": the noun is the subject
        if events and events[-1].dropped == "force move" and m.start() - events[-1].end < 40 \
                and MOVE_THEN_EVENT.match(sentence, events[-1].end, m.start()):
            # "forced Russian units to withdraw during assaults on X": the side that fell back made the assaults
            movers = [a for a in actors if a[1] <= events[-1].start]
            if movers:
                ev.actor = movers[-1][2]
        if ev.actor is None:
            continue
        forced = FORCED_TO.search(sentence, max(0, m.start() - 80), m.start()) if ev.ceded and word == "abandon" else None
        ceder = SIDE_WORD.search(sentence, forced.start(), forced.end()) if forced else None
        if ceder:
            ev.actor = "russia" if ceder.group("ua") else "ukraine"  # "forced Ukrainian troops to abandon X": Russia's gain
        elif ev.ceded:
            ev.actor = "ukraine" if ev.actor == "russia" else "russia"  # "Ukrainian forces withdrew from X": Russia's gain
        if kind == "strike" and not ev.mutual and not weapon and ("down" in low or "intercept" in low or "destroy" in low):
            shot = list(INTERCEPTED.finditer(sentence, max(0, m.start() - 130), m.start()))
            if shot and not any(shot[-1].start() <= a[0] < m.start() for a in actors) \
                    and not AND_FINITE.search(low, max(0, m.start() - 20), m.end()):
                # "destroyed 37 of 40 missiles targeting Kyiv", "shot down drones conducting operations over X": what the
                # downed weapons did is the other side's strike, not the air defence's
                ev.actor = "ukraine" if ev.actor == "russia" else "russia"
        if kind == "strike" and not ev.mutual:
            target = ON_SIDE_OBJECT.match(sentence, m.end())
            if target and (target.group("side") == "Russian") == (ev.actor == "russia"):
                ev.actor = "ukraine" if ev.actor == "russia" else "russia"  # "a drone attack on the Russian fleet": not Russia's own
        if ev.kind == "advance" and word in REACHED and (
            WEAPON_WORD.search(sentence, max(0, m.start() - 60), m.start())
            or WITH_WEAPON.match(sentence, m.end())
        ):
            ev.kind = "strike"  # "a Russian FPV drone reached the outskirts of Kharkiv City" is a strike, not ground gained
        if ev.kind == "attack" and _names_partisan(sentence[max(0, m.start() - 80):m.start()]):
            ev.kind = "strike"  # partisan and sabotage attacks are strikes on a place, not ground assaults
        if kind == "advance" and (ATTEMPT.search(near) or word in ADVANCE_BASE and ATTEMPT.search(CLAUSE_TAIL.split(before)[-1])):
            ev.kind = "attack"  # "attempted to break through the lines and advance toward X": the attempt covers both
        if ev.kind == "attack" and "successful" in low[max(0, m.start() - 40):m.start()] and SUCCESSFUL.search(before) and word not in FIGHTING \
                and not word.startswith("raid"):
            ev.kind = "advance"  # "a partially successful attack against X", "successfully assaulted X": ground gained (a raid holds none)
        if kind == "advance" and word in NOUN_ADVANCES and SIDE_NOUN_BEFORE.search(before) and GOT_NOWHERE.match(sentence, m.end()):
            ev.kind = "attack"  # "Russian advances toward X made little progress": tried, no ground gained
        clause = CLAUSE_SPLIT.split(before)[-1]
        window = " ".join(clause.split()[-8:] if " any " in clause else clause.split()[-6:])  # "did not conduct any confirmed or claimed attacks"
        # "focused on preventing Ukrainian advances and shelled X": a finite verb after "and" starts a clause of its own,
        # which the aim or the modal of the clause before does not govern
        own = m.start() if AND_FINITE.search(low, max(0, m.start() - 30), m.end()) else 0
        if NEGATION.search(window) and not NOT_STOPPED.search(window) or FAILED_TO.search(before) \
                or " or " in clause and NOT_OR.search(clause) \
                or ("evidence" in clause or "confirmation" in clause) and NO_EVIDENCE_THAT.search(clause) \
                or ("not" in before or "unlikely" in before) and NOT_PORTEND.search(before):
            ev.dropped = "negated"
        elif "pause" in low[max(0, m.start() - 60):m.start()] and _own_pause(sentence, m.start(), ev.actor):
            ev.dropped = "negated"  # "Russian forces paused offensive operations on X": the side stopped its own attacks
        elif MODAL.search(" ".join(low[max(0, m.start() - 120, own):m.start()].split()[-8:])) and not MAY_HAVE.search(near) \
                and not ev.cause:
            ev.dropped = "intention or background"
        elif MAY_HAVE.search(near):
            ev.dropped = "speculative"
        elif kind == "advance" and not ceded and AIMED_GAIN.search(low, max(0, m.start() - 60), m.start()):
            ev.dropped = "intention or background"  # "Russian forces are focused on capturing X": an aim stated as a state
        elif prev_word == "by" and word.endswith("ing") and events and events[-1].dropped and m.start() - events[-1].end < 80 \
                and not PLAIN_GAP.search(sentence, events[-1].end, m.start()):
            ev.dropped = events[-1].dropped  # "intend to take control of X by seizing Y": the means of an aim is the aim
        elif (" and" in near or " or" in near) and not own and _governed_infinitive(low, m.start(), word):
            ev.dropped = "intention or background"  # "hope to gain a foothold on the bank and advance on X": the hope's
        elif has_future and _future_clause(low, m.start(), sentence, own) and not MAY_HAVE.search(low, max(0, m.start() - 80), m.start()):
            ev.dropped = "forecast"  # "the capture of X will free up forces to ... reinforce an offensive toward Y"
        if ev.joint:
            events += [ev, replace(ev, actor="ukraine")]  # both sides' strike: one event each, never merged
            continue
        # "Russian forces recently advanced ... and attacked ...": merge a trigger into the previous event when
        # nothing but words separate them and they agree on actor and kind
        if events and not ev.dropped and events[-1].actor == ev.actor and events[-1].kind == ev.kind and not events[-1].dropped \
                and not events[-1].joint:
            gap = sentence[events[-1].end:m.start()]
            if len(gap) < 40 and not CAPITAL.search(gap):
                events[-1].end = m.end()
                continue
        events.append(ev)
    # (`any(map(low.__contains__, ...))`: the substring tests without a generator's frame, for every sentence)
    for start, end in _refuted_spans(sentence, low) if events and any(map(low.__contains__, REFUTE_OR_FALSE)) else ():
        for ev in events:
            if start <= ev.start < end and not ev.dropped:
                ev.dropped = "refuted"  # "denied reports that Ukrainian forces attacked X": the denied event is no claim
    for p in LOST_GROUND.finditer(sentence) if "los" in low else ():
        # "Russian forces lost territory near Bakhmut": the other side gained it
        if not any(e.start <= p.start("verb") < e.end for e in events) and not NEGATION.search(p.group(0)):
            events.append(_Event("advance", "ukraine" if p.group("side") == "Russian" else "russia", p.start("verb"), p.end()))
    pictured = any(map(low.__contains__, EVIDENCE_NOUNS))  # footage, images, video, photos: what the three readings below need
    evidence = pictured and (any(w in sentence for w in EVIDENCE_VERBS) or "footage of" in low)
    for p in PRESENCE.finditer(sentence) if evidence else ():
        if "claim" in sentence[p.end():] and HELD_AGAINST_CLAIMS.match(sentence, p.end()):
            continue  # "footage shows Ukrainian forces in X despite Russian claims to have taken it": X held, not gained
        if _shown_at_rear_work(sentence, low, p.end()):
            continue  # "video shows Russian forces in X forcing students to dig trenches": presence, no gain
        if not any(e.start <= p.start("side") < e.end or p.start("side") <= e.start < p.end() for e in events):
            events.append(_Event("advance", "ukraine" if p.group("side") == "Ukrainian" else "russia", p.start("side"), p.end()))
    shown = ("destroyed" in low or "damaged" in low or "burn" in low) and (pictured or "picture" in low)
    for p in DESTROYED_SHOWN.finditer(sentence) if shown else ():
        struck = "ukraine" if p.group("side") == "Russian" else "russia"
        same = [e for e in events if e.start == p.start("verb")]
        if same and same[0].dropped == "noun phrase":
            same[0].actor, same[0].dropped, same[0].kind = struck, None, "strike"  # "images of destroyed Russian equipment"
        elif not same:
            events.append(_Event("strike", struck, p.start("verb"), p.end("verb")))
    footage = pictured and any(w in low for w in EVIDENCE_CONTROL)
    for p in FOOTAGE_CONTROL.finditer(sentence) if footage else ():
        if not any(e.start <= p.start("verb") < e.end or p.start("verb") <= e.start < p.end() for e in events):
            events.append(_Event("advance", "russia" if p.group("side") == "Russian" else "ukraine", p.start("verb"), p.end(),
                                 footage=True))
    events.sort(key=lambda e: e.start)
    return events


# a clause break just before a side's forces: they are the subject of a clause of their own
# (after "that" only of a verb of saying or showing: "footage indicated that Ukrainian forces ...", not "barges that Russian
# forces used")
NEW_SUBJECT_BEFORE = re.compile(r"(?:[,;]\s*(?:and|but|while|whereas)?|\b(?:and|but|while|whereas|as)|\b(?:indicat|suggest|show|"
                                r"demonstrat|confirm|report|claim|stat|said|not|assess)\w*\s+that)\s+(?:the\s+)?$")
# the verb after a side's forces that makes them a subject: "Russian forces continued", "Ukrainian troops have maintained"
# (not "Russian artillery systems in X", the object of an earlier verb)
SUBJECT_VERB = re.compile(rf"(?:[\s-]+[\w’'-]+){{0,3}}?\s+(?:{FORCE})\s+(?:[a-z]+ed|have|has|had|are|were|is|was|did|also|"
                          r"reportedly|likely|still|continue[sd]?|remain(?:s|ed)?|maintain(?:s|ed)?|hold|holds|held|took|made|"
                          r"fought|retain(?:s|ed)?|control(?:s|led)?|began|may|might|could|will|would|can)\b")


BOTH_BEFORE = re.compile(r"\b(?:Russian|Ukrainian)\s+and\s+$")  # "fighting between Russian and Ukrainian forces": both sides


# strikes told without a side ("reported strikes in X"): plural or mass nouns, never "a strike" or "the strike" (one event
# told of before, or an anaphor)
SIDELESS_STRIKES = frozenset({"strikes", "airstrikes", "missile strikes", "bombardments", "bombings", "shelling"})
SIDELESS_STRIKE_WORD = re.compile(r"\b(?:strikes|airstrikes|bombardments|bombings|shelling|explosions?)\b", re.I)


def _sideless_strikes(sentence: str, m: re.Match, word: str) -> bool:
    """Is the trigger a plural strike noun with a place after it and no side anywhere in its sentence ("Local residents
    also reported strikes in the X area", "Footage shows strikes on Y")? Such strikes are those the paragraph has just
    told of (`struck_by`), as a weapon named alone is."""
    return word in SIDELESS_STRIKES and NOUN_PLACE_AFTER.match(sentence, m.end()) is not None \
        and not BOTH_SIDES.search(sentence)  # "Russian and Ukrainian forces continued routine strikes around X": both


# "reported explosions in X", "footage of explosions near Y", "heard explosions at Z": the blasts a source reports or shows
BLASTS_TOLD = re.compile(r"\b(?:report\w*|footage|videos?|images?|imagery|photos?|heard|record\w*|not(?:ed|ing)|witness\w*|"
                         r"observ\w*|show\w*|amplif\w*|publish\w*|posted)\b[^.;]{0,60}$", re.I)
BLASTS_OFF_LAND = re.compile(r"\s+(?:in|on|over|above)\s+the\s+(?:Black\s+Sea|Sea\s+of\s+Azov|Azov\s+Sea|sea|water|sky|air)\b")
BLAST_CAUSE_AFTER = re.compile(r"\b(?:strik\w*|struck|shell\w*|hit|attack\w*|airstrikes?|bombard\w*)\b", re.I)
# "explosions near X, which they attributed to air defense": put down to something that is no strike on the place (a blame
# on one side is read before, by BLAMED_AFTER; any other attribution, "to Russian or Ukrainian fire", names no side)
BLAST_NO_STRIKE = re.compile(r"\b(?:attribut\w*|blam\w*|air\s+defen[cs]e|anti-aircraft|intercept\w*|shot\s+down|shooting\s+down|accident\w*|"
                             r"short\s+circuit|careless\w*)\b", re.I)
OCCUPIED_BEFORE = re.compile(r"\s+(?:at|in|near|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:Russian-)?occupied\s+[A-Z]")


def _reported_blasts(sentence: str, m: re.Match, word: str, struck_by: str | None, actors) -> str | None:
    """Whose strike the explosions a source reports at a place are ("Local residents reported explosions in X", "footage
    of explosions near Y"): Ukraine's where the place is called occupied ("explosions in Russian-occupied Z") or
    partisans are named, else the side of the strikes the paragraph has just told of, else Ukraine's (most such reports
    come from the occupied areas); a guess `geo.pipeline.side_across_line` corrects by the front line of the day. None
    for any other explosion (a side named in the sentence, a denial, blasts at sea or in the sky, a strike told after)."""
    if not word.startswith("explosion") or BOTH_SIDES.search(sentence) or actors:
        return None
    if not BLASTS_TOLD.search(sentence, max(0, m.start() - 80), m.start()) or NEGATION.search(sentence, 0, m.start()) \
            or BLASTS_OFF_LAND.match(sentence, m.end()) or BLAST_CAUSE_AFTER.search(sentence, m.end()) \
            or BLAST_NO_STRIKE.search(sentence, m.end()):
        return None  # "explosions in the Black Sea near X": no strike on the place; "explosions in X, which corroborates
        # claims that Ukrainian strikes hit X": the strike told after is the event
    if OCCUPIED_BEFORE.match(sentence, m.end()) or PARTISAN.search(sentence):
        return "ukraine"
    return struck_by or "ukraine"  # a guess the front line of the day corrects


def _other_side_clause(sentence: str, owner: _Event, end: int) -> bool:
    """Is there, between the event `owner` and a place at `end`, a clause whose subject is the other side's forces
    ("..., and Russian forces continued to secure gains only around Mariupol", "and footage indicated that Ukrainian
    forces maintained their positions near Y")?"""
    other = "Ukrainian" if owner.actor == "russia" else "Russian"
    if other not in sentence[owner.end:end]:
        return False
    for a in ACTOR.finditer(sentence, owner.end, end):
        if _side(a) != owner.actor and NEW_SUBJECT_BEFORE.search(sentence, owner.end, a.start()) \
                and SUBJECT_VERB.match(sentence, a.end()) and not BOTH_BEFORE.search(sentence, max(0, a.start() - 20), a.start()):
            return True
    return False


# a pause the subject made in its own event: "paused offensive operations on X", "paused attacks to take Y", "paused
# their ground assaults in Z" (not "halted Russian attacks", where the other side stopped them: a repelled attack)
PAUSED = re.compile(r"\bpaus(?:e|es|ed|ing)\s+(?:(?:their|its|all|the|further|most|large-scale|major|ground|offensive|active)\s+){0,3}$", re.I)


def _own_pause(sentence: str, start: int, actor: str | None) -> bool:
    """Is the event at `start` the object of "paused" whose subject is the event's own side ("Russian forces paused
    offensive operations on Avdiivka")? A halt of one's own attacks is no attack."""
    paused = PAUSED.search(sentence, max(0, start - 60), start)
    if paused is None:
        return False
    subject = None
    for a in ACTOR.finditer(sentence, 0, paused.start()):
        subject = _side(a)
    return subject is not None and subject == actor


BETWEEN_SIDES = re.compile(r"\s+between\s+(?:Russian\s+and\s+Ukrainian|Ukrainian\s+and\s+Russian)\s+(?:forces|troops|units)\b")


def _both_sides_did(sentence: str, start: int) -> bool:
    """Are both sides the subject of the event at `start` ("Russian and Ukrainian forces reportedly continued offensive
    operations near X"), in the same clause?"""
    both = [b for b in BOTH_SIDES.finditer(sentence, 0, start)]
    return bool(both) and not SUBJECT_GAP.search(sentence, both[-1].end(), start)


# "Ukrainian defenders continued to fight in the Azovstal Plant", "the defenders of X continue to fight": holding out, not
# an assault
DEFENDERS_FIGHT = re.compile(r"\bdefenders(?:\s+of\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)?\s+"
                             r"(?:(?:have|has|had|also|reportedly|likely|still|continue[sd]?|continuing|to)\s+)*$")


# "refuted claims that X seized Y", "denied social media reports that Z attacked W": what follows "that" is denied
REFUTE_WORDS = ("refut", "deny", "deni", "disput", "debunk")
REFUTED = re.compile(r"\b(?:refut\w*|den(?:y|ied|ies|ying)|disput\w*|debunk\w*)\s+(?:[\w’'-]+\s+){0,4}?(?:claims?|reports?|rumou?rs?|"
                     r"allegations?|statements?)(?:\s+(?:by|from|of)\s+[^,;.]{1,60}?)?\s+that\b")  # on lower case


# "Media reports that Ukrainian forces recaptured X are incorrect", "claimed that reports that Y retook Z are false": the
# reported event, between "that" and the verdict, is said to be untrue
FALSE_WORDS = ("false", "incorrect", "untrue", "inaccurate")
REFUTE_OR_FALSE = REFUTE_WORDS + FALSE_WORDS
REPORTED_FALSE = re.compile(r"\b(?:reports?|claims?|rumou?rs?|allegations?|statements?)\s+that\s+(?P<body>[^;]{1,300}?)\s+(?:are|were|is|was)\s+"
                            r"(?:(?:likely|almost\s+certainly|probably|entirely|completely|also)\s+)?(?:false|incorrect|untrue|inaccurate)\b")


def _refuted_spans(sentence: str, low: str) -> list[tuple[int, int]]:
    """The stretches of the sentence a party denies: from "refuted claims that" to the end of its clause or the
    next verb of saying ("... and claimed that Wagner fighters broke through ..."); and what reports are said to be
    false of ("reports that Ukrainian forces recaptured X are incorrect")."""
    spans = []
    for m in REFUTED.finditer(low) if any(w in low for w in REFUTE_WORDS) else ():
        ends = [x.start() for x in (CLAUSE_BREAK.search(sentence, m.end()), SAY.search(low, m.end())) if x is not None]
        spans.append((m.end(), min(ends, default=len(sentence))))
    for m in REPORTED_FALSE.finditer(low) if any(w in low for w in FALSE_WORDS) else ():
        spans.append(m.span("body"))
    return spans


FIGHT_WORD = re.compile(rf"\b(?:{alternation(FIGHTING)})\b", re.I)


def _fight_word(text: str) -> bool:
    """Does FIGHT_WORD stand in the text? Its words all hold one of these stems: most sentences hold none, and a
    substring test is far cheaper than the case-insensitive pattern."""
    return _may_contain(text, _low(text), "fight", "fought", "clash", "battl") and FIGHT_WORD.search(text) is not None


SIDE_HINT = Twin(re.compile(r"Russia|Ukrain|DNR|LNR|VDV|Motori[sz]ed Rifle|Motor Rifle|Combined Arms|Wagner|Chechen|Kadyrov|Rosgvardia|Akhmat|partisan|Kyiv|Moscow|Troops from|People[’']s Republic|Shahed|Geran|Kalibr|Iskander|Kinzhal|Kh-\d|Lancet|Oniks|Onyx"))


SEASONS = {"winter": (12, 1, 2), "spring": (3, 4, 5), "summer": (6, 7, 8), "fall": (9, 10, 11), "autumn": (9, 10, 11)}
# "in the early summer of 2022", "during spring-summer 2022", "in the summer and fall of 2022", "in 2014", "pictures ... from fall 2022": a season or a
# year named as a span (not "since", nor "from the 2014 boundaries")
SEASON_SPAN = Twin(re.compile(r"\b(?:in|during|throughout|by|from(?=\s+(?:(?:early|late|mid)[\s-]+)?(?:winter|spring|summer|fall|autumn)\b))\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:(?P<season>winter|spring|summer|fall|autumn)"
                              r"(?:(?:\s*[–-]\s*|\s+(?:and|or)\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?)(?:winter|spring|summer|fall|autumn))?"
                              r"(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d))?|(?P<only>(?:19|20)\d\d)\b)"
                              r"(?!\s*[–-]\s*(?:19|20)\d\d)"))


def _past_season(sentence: str, day: dt.date) -> bool:
    """Does the sentence name a season or a year as a span other than the report's own ("in the early summer of 2022"
    in a January report, "seized in 2014")?"""
    if "20" not in sentence and not any(w in sentence for w in ("winter", "spring", "summer", "fall", "autumn")):
        return False
    for x in SEASON_SPAN.finditer(sentence):
        year = int(x.group("only") or x.group("year") or day.year)
        if x.group("only"):
            if year < day.year:
                return True
            continue
        months = SEASONS[x.group("season")]
        if year < day.year - (day.month <= 2 and months == SEASONS["winter"]) or year == day.year and day.month not in months \
                and min(months) < day.month:
            return True
    return False


def _all_days_stale(sentence: str, day: dt.date) -> bool:
    """Does the sentence name days, every one of them two weeks or more before the report's date?"""
    found = False
    for x in DAY_DATE.finditer(sentence):
        if sentence[max(0, x.start() - 6):x.start()].lower() == "since ":
            continue  # "held since May 28": the start of something still going on, not the date of an event
        month = MONTHS.index(x.group("month").lower()) + 1
        year = int(x.group("year")) if x.group("year") else day.year - (month > day.month + 1)
        try:
            named = dt.date(year, month, int(x.group("day")))
        except ValueError:
            continue
        if (day - named).days < STALE_DAYS:
            return False
        found = True
    return found


def sentence_claims(sentence: str, is_name: NameTest, *, lead_in: str | None = None, side: str | None = None,
                    day: dt.date | None = None, struck_by: str | None = None, previous: str | None = None) -> list[_Event]:
    """The events of one sentence that are claims, each with its place mentions.

    `side` is the side the paragraph describes as attacking; fighting with no side named is that side's.
    `struck_by` is the side of the paragraph's last strike, whose weapons a sentence may name alone ("The missiles hit X").
    `previous` is the sentence before it in the paragraph, whose only town "the city" or "the settlement" may name.
    `day` is the report's date: a sentence about another month as a span ("in early July"), or whose dated days
    are all two weeks or more before it ("the peak of June 1 through June 7" in a June 30 report), is background."""
    if not SIDE_HINT.search(sentence) and not (side and _fight_word(sentence)) \
            and not (struck_by and (WEAPON_THEN_VERB.search(sentence) or SIDELESS_STRIKE_WORD.search(sentence))):
        return []  # no side is named: nobody acts in this sentence
    if _may_contain(sentence, _low(sentence), "isw", "effort", "silence", " war", "invasion") and LOOKBACK.search(sentence):
        return []
    dated = day is not None and MONTH_NAME.search(sentence) is not None  # both patterns below need a month's name
    if dated and any(MONTHS.index(x.group("month").lower()) + 1 != day.month for x in MONTH_SPAN.finditer(sentence)):
        return []  # "culminated ... in early July" in an August report: background
    if dated and _all_days_stale(sentence, day):
        return []
    if day is not None and _past_season(sentence, day):
        return []  # "seized Lysychansk in the early summer of 2022" in a January report, "territory Russia seized in 2014"
    events = _events(sentence, side, struck_by)
    if all(e.dropped for e in events):
        return []  # no event is a claim (or none at all): its places and attributions change nothing
    mentions = find_mentions(sentence, is_name)
    attributions = _attributions(sentence)
    lead_claimed = bool(lead_in and LEAD_CLAIMED.search(lead_in) and not LEAD_CONFIRMED.search(lead_in))
    lead_confirmed = bool(lead_in and LEAD_CONFIRMED.search(lead_in))
    order_of_battle = bool(lead_in and LEAD_ORDER_OF_BATTLE.search(lead_in))
    first_say = min((a[0] for a in attributions if a[1] == "claimed"), default=None)
    # "Ukrainian forces likely counterattacked toward X, though ISW cannot confirm these reports": with no party named,
    # the reports ISW cannot confirm are the events before it, hedged as "reportedly" is
    unverified = UNVERIFIED.search(sentence) if first_say is None and ("confirm" in sentence or "verify" in sentence) else None
    if unverified and SAY.search(_low(sentence), 0, unverified.start()):
        unverified = None  # "..., and a Russian source claimed that X, though ISW cannot confirm these claims": the party's
    for ev in events:
        ev.mentions = []
        applicable = [a for a in attributions if a[0] <= ev.start]
        claimed = [a for a in applicable if a[1] == "claimed"]
        evidence = [a for a in applicable if a[1] == "confirmed"]
        # footage confirms a claimed event only in a clause of its own ("..., and geolocated footage shows"), not
        # inside what the party said ("a milblogger claimed that recent footage indicates that ...")
        if claimed and not (evidence and evidence[-1][0] > claimed[-1][0] and not HEDGE.search(sentence[evidence[-1][0]:ev.start])
                            and (CLAUSE_BREAK.search(sentence, claimed[-1][0], evidence[-1][0])
                                 or INFERENCE.search(sentence, claimed[-1][0], evidence[-1][0]))):
            ev.status = "claimed"
            named = [a for a in claimed if a[2]]
            ev.claimant = named[-1][2] if named else None
        if unverified and ev.end <= unverified.start() and not claimed and not lead_confirmed:
            ev.status, ev.claimant = "claimed", None
        if not claimed and HEDGE_PREDICATE.match(sentence, ev.end):
            ev.status, ev.claimant = "claimed", None  # "fighting is reportedly ongoing", "where fighting reportedly continued"
        if lead_claimed:
            ev.status = "claimed"
        elif order_of_battle:
            ev.status = "claimed"
            ev.claimant = ev.claimant or "Russian sources"
        elif lead_confirmed and not claimed and not ev.mutual:
            ev.status = "confirmed"
        if ev.mutual:
            ev.status = "claimed"
    live = [e for e in events if not e.dropped]
    # places go to the nearest event before them (or the first event, for places before any event)
    # a named speaker's surname ("... Spokesperson Eduard Basurin" -> Basurin); the words before it may be places
    has_paren = ")" in sentence
    speakers = {a[2].split()[-1] for a in attributions if a[2] and PERSON_END.search(a[2])}
    for m in mentions:
        if first_say is not None and m.end <= first_say and not any(e.start < m.start for e in events):
            continue  # inside the claimant ("Kharkiv Oblast Head ... reported")
        if events[0].start < m.start and any(_in_speaker(sentence, m, a, events) for a in attributions if a[0] >= m.end and a[2]):
            continue  # "..., and the Head of the Donetsk Regional Administration claimed that ...": in a later speaker's title
        if speakers and m.text in speakers and first_say is not None and m.end > first_say:
            continue  # the speaker named again ("Girkin attacked Basurin for ..."): a person, not a place
        if " to " in sentence and AIDED_FORCES_IN.search(sentence, max(0, m.start - 90), m.start):
            continue  # "attacking southwest to support stalled forces in X": where the forces helped are, no event there
        if ("group" in sentence or "from the" in sentence) and _names_a_formation(sentence, m, events):
            continue  # "the Russian grouping in X similarly fired on ...": the subject's name, no place of the event
        owner = None
        for ev in events:
            if ev.start <= m.start:
                owner = ev
        if owner is not None and has_paren and _closed_paren_between(sentence, owner.end, m.start):
            continue  # "(the only place Russian forces are attacking); and in X": the bracket's event is not X's
        if owner is None:
            owner = events[0]
            between = sentence[m.end:owner.start]
            in_subject = IN_SUBJECT.search(sentence[max(0, m.start - 60):m.start]) is not None
            if owner.cause:
                between = CAUSE_LINK.sub(" ", between)  # "damage to X following a Ukrainian strike": the link to its cause
            if SCOPE_BREAK.search(between) or (not in_subject and not owner.cause and (AND_WORD.search(between) or len(between) > 80)):
                continue  # "expanding fortifications in X and continuing to shell ...": X is not where they shelled
        elif SCOPE_BREAK.search(sentence[owner.end:m.start]):
            continue  # "... since the capture of Lysychansk", "and strengthened their grouping around X"
        elif " but " in sentence[owner.end:m.start] or ";" in sentence[owner.end:m.start]:
            if _unreal_clause(sentence, owner.end, m.start):
                continue  # "captured Soledar, but such a victory is unlikely to presage an encirclement of Bakhmut"
        if owner.actor and not owner.mutual and not owner.joint and _other_side_clause(sentence, owner, m.start):
            continue  # "Ukrainian forces counterattacked near X, and Russian forces continued to secure gains around Y": Y is
            # the other side's clause, whose verb is no event; not where the counterattack was
        owner.mentions.append(m)
        for twin in events:  # both sides accused of the same strike share its places
            if twin is not owner and (owner.mutual and twin.mutual or owner.joint and twin.joint) and twin.start == owner.start:
                twin.mentions.append(m)
    if ", where " in sentence:
        _where_clause_places(sentence, mentions, live)
    if len(events) > 1:
        _struck_movers_places(sentence, events)
    has_anaphor = ("the " in sentence or "this " in sentence) and ANAPHOR_WORDS.search(sentence) is not None \
        and (ANAPHOR.search(sentence) is not None or AREA_ANAPHOR.search(sentence) is not None)
    # the events at each place, as the sentence reads them (before each event's places are narrowed below)
    events_at = {id(m): [e for e in events if m in e.mentions] for m in mentions} if has_anaphor else {}
    # a negated event keeps its places (they are not another event's), but is not a claim
    out = []
    for ev in live:
        places = []
        if ev.ceded:
            # "withdrew from X to Y": the ground given up is the village or town X, not where the side fell back to
            back_to = CEDED_TO.search(sentence, ev.end)
            ev.mentions = [m for m in ev.mentions if m.start >= ev.end and (back_to is None or m.start < back_to.start())
                           and m.role == "target" and m.precision != "region" and not _water(m)]
            ev.mentions = [_named_before(m, mentions) for m in ev.mentions]
        if sentence[ev.start:ev.end].lower() in lexicon.CROSSED:
            # "crossed the Siverskyi Donets River near X": the crossing is placed at the towns named, never the river
            ev.mentions = [m for m in ev.mentions if not _water(m)]
        groups = _clause_groups(sentence, ev.mentions)
        located: dict[str, int] = {}  # the towns the event's places are said to lie off, each at its first such place
        for m in ev.mentions:
            if m.role == "target" and m.reference:
                located.setdefault(m.reference, m.start)
        for group in groups:
            targets = [m for m in group if m.role == "target"]
            if targets and ev.kind == "attack" and not _own_summary(sentence, ev) \
                    and (aimed := _directions_named(sentence, group, targets)):
                # "attacks in the directions of A, B, and C along the frontline in northern X Oblast", "assaults towards
                # Y and in the direction of A and B": the villages an attack went for are its places (gold README), not
                # only a topic, when listed beside an oblast, a bank, or a town of their own
                targets = sorted(targets + aimed, key=lambda m: m.start)
            if targets and ev.kind == "strike":
                # "strikes in the A-B area, western X Oblast, and eastern Y Oblast": the area listed with the oblasts
                # is struck as they are, as it is when named alone
                targets = [replace(m, role="target", bearing=None) if m.role != "target" else m for m in group
                           if m.role == "target" or m.start > ev.end and _area_struck(m)]
            if not targets:
                refs = [m for m in group if m.role == "reference"]
                if refs and all(_border(m) for m in refs) and len(groups) > 1:
                    continue  # "around X and near the A-B Oblast border": the border only says where the fighting is
                if refs and len(groups) > 1 and all(_bearing_only(m) and located.get(m.name, m.start) < m.start for m in refs):
                    continue  # "near A, B, and C, all north and northwest of X", "toward A and B, roughly 15km west of X":
                    # X only locates the places the event names, in an apposition of its own
                # "northwest of X along the A-B Oblast border": the town locates the claim, not the two oblasts; beside
                # another oblast's front ("the A-B and A-C Oblast borders and the D Oblast frontline") the oblasts all stay
                unbordered = [m for m in refs if not _border(m) and not _road(m)]
                if unbordered and all(m.precision == "region" for m in unbordered):
                    unbordered = [m for m in refs if not _road(m)]
                targets = ([m for m in refs if not is_vague(m)] or unbordered or [m for m in refs if not _border(m)] or refs)
                if ev.kind == "attack" and targets and all(_water(m) for m in targets):
                    # "attempted to cross the X River in the direction of A and B": the villages, not the river
                    targets = _directions_named(sentence, group, targets) or targets
                if targets and (len(groups) > 1 and all(_bearing_only(m) for m in targets) and not _beside_regions(groups, group)
                                and not _beside_bearings(sentence, groups)
                                or ev.kind == "strike" and all(_bearing_only(m) or m.bearing == f"around {m.name}"
                                                               or (m.bearing or "").endswith((" direction", " area")) for m in targets)):
                    # "gains within Bakhmut and north of Avdiivka", "strikes west of Hulyaipole": the town a bearing is
                    # taken from is where the claim is, in a clause of its own or for a strike (no later sentence
                    # names the struck villages)
                    targets = [replace(m, role="target", bearing=None) for m in targets]
                # "the R66 Svatove-Kreminna highway": the towns that name a road by its ends only say which road
                targets = [m for m in targets if not _road_end(m)]
            places.extend(targets)
        if ev.kind != "strike" and len(places) > 1 and "positions" in sentence:
            # "attacked toward X from positions near Y", "advancing from positions in Y towards Z": Y is where the attackers
            # set out from, not a place attacked, when the sentence names where they went
            origins = [m for m in places if ORIGIN_POSITIONS.search(sentence, max(0, m.start - 60), m.start)]
            if origins and any(m.role == "target" and m not in origins for m in places):
                places = [m for m in places if m not in origins]
        if ev.kind != "strike" and len(places) > 1 and "from " in sentence:
            # "attempted to advance from Vesele to Vodyane", "assaults from Arhanhelske on Ivanivka": the first town is
            # where the attackers set out from; not "pushed Russian forces from X to the river" (X is the ground taken)
            origins = [m for m in places if _origin_to_destination(sentence, m)] + _origins_after_destination(sentence, places)
            if origins and any((m.role == "target" or _toward(m)) and m not in origins for m in places):
                places = [m for m in places if m not in origins]
        if len(places) > 1:
            # "Russian forces in Popasna are advancing north, toward Severodonetsk", "troops in Lyman are attacking
            # toward Siversk", "forces from X attempted to break lines near Y": the town of the attackers' own subject
            # is where they are, when the event names where they go; "partisans in X Oblast helped a strike on Y" and
            # "forces in X shelled Y" too (where a strike's shooters are is its launch area, not its target)
            based = [m for m in places if m.end <= ev.start and FORCES_IN.search(sentence, max(0, m.start - 40), m.start)]
            if based and any(m.start >= ev.end and m.precision == "settlement" for m in places):
                places = [m for m in places if m not in based]
        if len(places) > 1 and any(m.bearing and " of " in m.bearing for m in places):
            places = _bearing_narrowed(sentence, places)
        if ev.kind == "strike" and places and "from" in sentence:
            # "shelled Nikopol from Enerhodar", "from positions in Vodyane": a launch area is not where the strike fell,
            # even when the target is named by no place ("fired on settlements on the right bank from positions in X")
            launched = [m for m in places if LAUNCH_FROM.search(sentence, max(0, m.start - 45), m.start)
                        and not FROM_TO.match(sentence, m.end)  # not "the bridge from Severodonetsk to Lysychansk"
                        and not DISTANCE_FROM.search(sentence, max(0, m.start - 60), m.start)]
            if launched:
                places = [m for m in places if m not in launched]
        if any(m.role == "target" and not _water(m) for m in places):
            # "in Lozove, on the eastern bank of the Inhulets River": the river says where the village is
            places = [m for m in places if not _water(m)]
        if not places and (ev.kind == "strike" and "the " in sentence[ev.end:ev.end + 6] and THE_TOWN.match(sentence, ev.end)
                           or ev.kind == "advance" and "th" in sentence[ev.end:ev.end + 14] and TAKEN_TOWN.match(sentence, ev.end)
                           and not RECOUNTED_CLAIM.search(sentence, 0, ev.start)
                           or ev.kind == "strike" and " the " in sentence[ev.end:ev.end + 50]
                           and IN_THE_TOWN.match(sentence, ev.end) and not RECOUNTED_CLAIM.search(sentence, 0, ev.start)):
            # "did not assault Kharkiv itself but continued to shell the city": the town named before is the one struck
            before = [m for m in mentions if m.end <= ev.start and m.role != "anchor" and m.precision == "settlement"]
            # "Avdiivka, just north of Donetsk City": Avdiivka; an advance is never placed at a bearing's town
            # footage of troops "west of X" that "indicates that they control the settlement": X, the settlement named last
            named = [m for m in before if m.role == "target"] or (before if ev.kind == "strike" or ev.footage else [])
            if named:
                places = [replace(named[-1], role="target", bearing=None)]
        if not places and ev.kind in ("strike", "attack") and (denied := _denied_before(sentence, ev, events)):
            # "did not conduct any assaults on X or Y and continued to shell both cities", "did not attack west of X but
            # continued heavy shelling": what goes on is at the places of the clause that says what did not
            places = denied
        if not places and ev.kind == "attack" and " to " in sentence[ev.end:ev.end + 40]:
            places = _aimed_places(sentence, ev, events, mentions)
        if not places and previous and has_anaphor and not any(m.precision == "settlement" for m in mentions):
            # "Russian forces entered Marinka on May 3. They continued to shell the city.": the sentence names no town, and
            # the sentence before names one only
            places = _town_before(sentence, ev, events, previous, is_name)
        if not places and has_anaphor:
            # "advanced to the railway station in the eastern part of the settlement", "pushed Russian forces from the
            # northern part of the settlement", "reached the southern outskirts of the city": the town the sentence named
            # last before the event, when the event's own clause refers back to it
            town = _anaphor_town(sentence, ev, events, mentions, events_at)
            if town is not None:
                places = [town]
        if places:
            ev.mentions = places
            if ev.status == "claimed" and ev.claimant and not ev.mutual and _footage_backs(sentence, ev, attributions):
                ev.status, ev.claimant = "confirmed", None
            out.append(ev)
    if len(out) < len(live) and " and " in sentence:
        out = _coordinated_events(sentence, live, out)
    if len(out) < len(live) and any(e.kind == "attack" for e in out):
        out = _gains_in_attacks(sentence, live, out)
    return [ev for ev in out if not _outcome_named(ev, out)]


# "made marginal gains", "making incremental advances", "made limited territorial gains": ground gained with no place of
# its own (not "made few/no gains")
PLACELESS_GAIN = re.compile(r"(?:made|make|making|makes)\s+(?!(?:no|few|little|any|minimal|insignificant)\b)"
                            r"(?:[\w-]+\s+){0,3}(?:gains|advances)$|advances$"
                            # "pushed Ukrainian forces away from the", "pushed Russian forces out of": the other side made to give
                            # ground (where is the attack's place when nothing follows)
                            r"|(?:pushed|drove|driven|forced|knocked|expelled|ousted|dislodged)\s+(?:the\s+|all\s+)?"
                            r"(?:russian|ukrainian|enemy|wagner|them)\b", re.I)
# "continued ground attacks east of X and made marginal gains", "attacks south of X with 'partial success', indicating localized
# advances": the gain comes right after the attack, in the same predicate
GAIN_AFTER_ATTACK = re.compile(r"^[^;:()]{0,120}?(?:\band\s+(?:(?:likely|reportedly|also|have|has|had|continued|continue[sd]?|"
                               r"to)\s+){0,3}(?:(?:made|make|making)\s+(?:[\w-]+\s+){0,3})?|"
                               r",\s+(?:indicating|suggesting)\s+(?:[\w-]+\s+){0,2}?)$", re.I)
# a new clause between an attack and the gain after it (", and" before the gain's own verb is the same subject's)
GAIN_BREAK = re.compile(r";|\b(?:but|while|whereas|though|although|which|where)\b")
# "Ukrainian counterattacks around X (have reportedly) pushed Russian forces out of ...": the attack noun is the subject of the
# gain, with only its own places, bearings and dates between
ATTACK_SUBJECT_GAP = re.compile(r"^(?:\s+(?:around|near|in|at|on|of|the|and|west|east|north|south|northwest|northeast|southwest|"
                                r"southeast|since|from|to|[A-Z][\w’'-]*|\d+\w*|have|has|had|reportedly|likely|also))+\s+$")
TOWARD_BEFORE = re.compile(r"\b(?:toward|towards|to)\s+(?:the\s+)?$", re.I)
# "made marginal gains in assaults against X", "made marginal advances during ground offensives in Y": the attack is the gain's
GAIN_BEFORE_ATTACK = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:in|during|through|amid)\s+(?:[\w-]+\s+){0,3}?$", re.I)


def _gains_in_attacks(sentence: str, live: list[_Event], out: list[_Event]) -> list[_Event]:
    """The gains a side made in its own attacks ("Russian forces continued ground assaults east of X and made marginal gains
    on June 15", "made marginal gains in assaults against Y"): the advance names no place of its own, the attack beside
    it in the same predicate does; the advance is placed where the attack is (gold README: ground gained), the attack
    keeps its row."""
    placed = {id(e) for e in out}
    added = []
    for ev in live:
        if id(ev) in placed or ev.kind != "advance" or ev.ceded or not PLACELESS_GAIN.match(sentence, ev.start, ev.end):
            continue
        for att in out:
            if att.kind != "attack" or att.actor != ev.actor or att.status != ev.status or not att.mentions:
                continue
            if att.end <= ev.start:
                between = sentence[att.end:ev.start]
                subject = sentence[att.start:att.end].lower() in NOUN_TRIGGERS and ATTACK_SUBJECT_GAP.match(between)
                if not subject and (not GAIN_AFTER_ATTACK.search(between) or GAIN_BREAK.search(between) or SIDE_WORD.search(between)):
                    continue
            elif not GAIN_BEFORE_ATTACK.match(sentence[ev.end:att.start]):
                continue
            here = [m for m in att.mentions if not _toward(m) and not TOWARD_BEFORE.search(sentence, max(0, m.start - 12), m.start)]
            if not here:
                break  # "offensive operations towards X ... and made incremental gains": X is the aim, not where ground was gained
            ev.mentions = here
            added.append(ev)
            break
    return sorted(out + added, key=lambda e: e.start) if added else out


# "ground attacks and shelling", "air and artillery strikes and ground assaults", "localized attacks and continued shelling",
# "limited ground attacks and continued routine fire": two events joined by "and", the second one's object is both's
COORDINATED = re.compile(r"\s+and\s+(?:(?:continued|conducted|launched|intensified|renewed|resumed|heavy|widespread|routine|"
                         r"limited|localized|local|small-scale|minor|unsuccessful|intense|ground|air|artillery|tactical|"
                         r"mortar|rocket|missile|tank|repeated|several|multiple)\s+){0,3}$")
GROUND_AND_FIRE = {"attack": "strike", "strike": "attack"}


def _coordinated_events(sentence: str, live: list[_Event], out: list[_Event]) -> list[_Event]:
    """A ground attack and a strike joined by "and" ("continued ground attacks and shelling along the line of contact in
    X and Y Oblasts", "air and artillery strikes and ground assaults against Z"): the first names no place of its own, the
    second's places are both's (same side and status); an advance is never borrowed this way (gold README: the gain is
    the claim)."""
    placed = {id(e) for e in out}
    added = []
    for i, ev in enumerate(live[:-1]):
        nxt = live[i + 1]
        if id(ev) in placed or id(nxt) not in placed or GROUND_AND_FIRE.get(ev.kind) != nxt.kind:
            continue
        if ev.actor != nxt.actor or ev.status != nxt.status or ev.ceded or not nxt.mentions:
            continue
        if not COORDINATED.match(sentence[ev.end:nxt.start]) or any(m.start < nxt.start for m in nxt.mentions):
            continue
        ev.mentions = list(nxt.mentions)
        added.append(ev)
    return sorted(out + added, key=lambda e: e.start) if added else out


# "... and continued to shell", "but continued heavy shelling", "and continued routine fire": the verb goes on (after a clause
# saying what did not happen), with nothing but adjectives between
GOES_ON = re.compile(r"\b(?:and|but)\s+(?:also\s+)?continued\s+(?:to\s+)?(?:[\w-]+\s+){0,3}?$")


# "assaults in an effort to break Ukrainian defenses southwest of X", "counterattacks in order to regain lost positions
# around Y": the purpose right after a ground attack that names no place of its own
AIM_AFTER = re.compile(r"(?:\s+(?:likely|reportedly|probably))?,?\s+(?:in\s+(?:an?\s+|their\s+|its\s+)?(?:effort|attempt|bid)s?|"
                       r"in\s+order|so\s+as)\s+to\s+")


def _aimed_places(sentence: str, ev: _Event, events: list[_Event], mentions: list[Mention]) -> list[Mention]:
    """The places of the purpose clause right after a ground attack with none of its own ("launched assaults in an effort
    to break Ukrainian defenses southwest of X"): where the attackers tried to go is where they attacked, as "attempted to
    advance toward X" is an attack on X. Up to the next clause or event; not a road's end towns nor a river."""
    aim = AIM_AFTER.match(sentence, ev.end)
    if aim is None:
        return []
    later = [e.start for e in events if e.start >= aim.end() and not (e.dropped and e.start < aim.end() + 30)]
    stop = min([len(sentence)] + later + [b.start() for b in CLAUSE_BREAK.finditer(sentence, aim.end())])
    kept = [m for m in mentions if aim.end() <= m.start < stop and not _road(m) and not _road_end(m) and not _water(m)
            and not _border(m)]
    # where the aim is carried out ("near X", "around Y", "the outskirts of Z"), not what it would take ("to seize X",
    # "to advance to Y": the attack may be far from it)
    located = []
    for m in kept:  # a list after the locative shares it ("near X and Y")
        if m.role == "reference" or AIM_LOCATIVE.search(sentence, max(0, m.start - 30), m.start) \
                or located and AIM_LIST_GAP.fullmatch(sentence, located[-1].end, m.start):
            located.append(m)
    kept = located
    targets = [m for m in kept if m.role == "target"]
    return targets or [replace(m, role="target", bearing=None) for m in kept if m.role == "reference"]


AIM_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)")
AIM_LOCATIVE = re.compile(r"\b(?:near|around|in|at|within|outskirts\s+of|vicinity\s+of|area\s+of)\s+(?:the\s+)?$")


def _denied_before(sentence: str, ev: _Event, events: list[_Event]) -> list[Mention]:
    """The places of a negated event just before `ev`, when `ev` goes on where it did not happen ("did not assault X but
    continued to shell the area"): the towns a bearing is taken from stand for the area, a target's locators give way."""
    if not GOES_ON.search(sentence, max(0, ev.start - 60), ev.start):
        return []
    before = [e for e in events if e.end <= ev.start and e is not ev]
    if not before or not before[-1].mentions or not (before[-1].dropped == "negated" or before[-1].dropped == "noun phrase"
                                                     and NEGATION.search(sentence, max(0, before[-1].start - 40), before[-1].start)):
        return []  # ("did not conduct any assaults on X": the noun after "any" is read as a noun phrase, negated all the same)
    kept = [m for m in before[-1].mentions if not _road(m) and not _water(m) and not _border(m)]
    targets = [m for m in kept if m.role == "target"]
    return targets or [replace(m, role="target", bearing=None) for m in kept if m.role == "reference"]


# "southwest of Donetsk City in the Vuhledar area", "north of X in the direction of Y", "southeast of X up to the Y area": the
# bearing's town only frames the area or direction named next, which is where the claim is (gold README: a bearing's town
# is placed only when no other place is given)
COMPASS_OF = re.compile(r"^(?:north|south|east|west)\w*\s+of\b")
THEN_AREA = re.compile(r"(?:\s*\([^()]*\))?,?\s+(?:in|into|toward|towards|up\s+to|to)\s+the\s+(?:directions?\s+of\s+(?:the\s+)?)?$")


def _in_speaker(sentence: str, m: Mention, said: tuple[int, str, str | None], events: list[_Event]) -> bool:
    """Is the place inside the name of the party that `said` attributes to, written in full just before the saying (a
    name with no event in it)?"""
    at = sentence.rfind(said[2], max(0, said[0] - len(said[2]) - 40), said[0])
    end = at + len(said[2])
    return at >= 0 and at <= m.start and m.end <= end and "," not in sentence[end:said[0]] \
        and not any(at <= e.start < end for e in events)


def _bearing_narrowed(sentence: str, places: list[Mention]) -> list[Mention]:
    """Drop a compass bearing's town that the next words narrow to an area or a direction named in `places`."""
    framed = []
    for m in places:
        if not (m.role == "reference" and m.bearing and COMPASS_OF.match(m.bearing)):
            continue
        for n in places:
            if n.start > m.end and n.bearing and (n.bearing.endswith(" area") or n.bearing.startswith("direction of")) \
                    and THEN_AREA.fullmatch(sentence, m.end, n.start):
                framed.append(m)
                break
    return [m for m in places if m not in framed] if framed else places


def _named_before(m: Mention, mentions: list[Mention]) -> Mention:
    """The town a side gave up, named before in the sentence with what says where it is ("positions in X, 15km northwest of
    Y, ... troops have abandoned X"): that first mention."""
    return next((x for x in mentions if x.end <= m.start and x.text == m.text and x.role == "target"
                 and x.precision == "settlement" and (x.reference or x.bearing)), m)


# a hedge in the predicate of an event noun: "fighting is reportedly ongoing", "clashes allegedly continued"
HEDGE_PREDICATE = re.compile(r"\s+(?:(?:is|are|was|were|has|have|had)\s+)?(?:been\s+)?(?:reportedly|allegedly|purportedly)\b")
# "..., where (intense) fighting is ongoing", "..., where they stated fighting continues": the event of a relative clause
WHERE_CLAUSE = re.compile(r"\s*,\s+where\s+(?:[\w’'-]+\s+){0,4}$")
BRACKET_ONLY = re.compile(r"\s*(?:\([^()]*\))?")
LIST_GAP = re.compile(r"\s*(?:\([^()]*\)\s*)?,?\s*(?:and\s+)?")


# between a strike and the move of the troops it hit: their side and kind ("striking Ukrainian forces attempting to advance
# on X", "shelling on Ukrainian units advancing in Y", "targeting Russian heavy artillery attempting to advance near Z"), or
# nothing ("striking withdrawing Russian forces near W": the move word before them)
STRUCK_MOVERS = re.compile(r"\s+(?:(?:on|at|against)\s+)?(?:(?:an?|the|several|two|three|\d+)\s+)?(?:(?:Russian|Ukrainian|enemy)\s+"
                           r"(?:[\w-]+\s+){0,2}?(?:forces|troops|units?|infantry|artillery|servicemen|personnel|columns?|"
                           r"tanks?|vehicles|equipment|convoys?|groups?)\s+(?:(?:that|who)\s+(?:were|was)\s+|reportedly\s+)?"
                           r"(?:(?:attempting|trying|preparing|seeking)\s+to\s+)?)?")


def _struck_movers_places(sentence: str, events: list[_Event]) -> None:
    """A strike with no place of its own on troops an event of theirs places ("footage of Russian artillery striking
    Ukrainian forces attempting to advance on X", "Ukrainian artillery striking withdrawing Russian forces near Y"): the
    strike is where they were, at that event's places."""
    for k, ev in enumerate(events[:-1]):
        nxt = events[k + 1]
        if ev.kind != "strike" or ev.mentions or ev.dropped or not nxt.mentions or nxt.actor == ev.actor and nxt.actor \
                or not (nxt.kind in ("attack", "advance") or nxt.dropped == "force move") \
                or sentence[ev.start:ev.end].lower() in lexicon.DESTROY:  # "badly damaged Russian units fighting for X"
            continue
        gap = STRUCK_MOVERS.fullmatch(sentence, ev.end, nxt.start)
        if gap is not None and (gap.end() > gap.start() + 1 or nxt.dropped == "force move"):
            ev.mentions = list(nxt.mentions)


def _where_clause_places(sentence: str, mentions: list[Mention], live: list[_Event]) -> None:
    """An event in a relative clause on the places just before it ("near Vuhledar (45km southwest of Donetsk City), where
    fighting is ongoing", "taking X, Y, and Z, where intense fighting is ongoing") is at those places, when no other
    event of the day claims them."""
    taken = {id(m) for ev in live for m in ev.mentions}
    for ev in live:
        if ev.kind == "strike":
            continue
        where = WHERE_CLAUSE.search(sentence, max(0, ev.start - 60), ev.start)
        if where is None:
            continue
        before = [m for m in mentions if m.end <= where.start() and m.role != "anchor"]
        if not before or BRACKET_ONLY.fullmatch(sentence, before[-1].end, where.start()) is None:
            continue
        antecedents = [before[-1]]
        for m in reversed(before[:-1]):
            if LIST_GAP.fullmatch(sentence, m.end, antecedents[0].start) is None:
                break
            antecedents.insert(0, m)
        ev.mentions[:0] = [m for m in antecedents if id(m) not in taken and m not in ev.mentions]


# the last "but" or ";" clause before a place, and the words that make what it says of the place no event of the day
BUT_CLAUSE = re.compile(r"(?:,\s*|\s)but\s|;\s")
UNREAL = re.compile(r"\b(?:not|no|never|unlikely|likely|may|might|would|will|could|need|needs|needed|remain|remains|remained|unable)\b")


def _unreal_clause(sentence: str, start: int, end: int) -> bool:
    """Is the place at `end` in a clause of its own after "but" or ";" that negates, hedges or forecasts ("..., but Russian
    forces will need to cut roads from Bakhmut", "but remain stalled south of Izyum")? Then no event before owns it."""
    breaks = list(BUT_CLAUSE.finditer(sentence, start, end))
    if not breaks or not sentence[start:breaks[0].start()].strip():
        return False  # "shelled but did not damage X": X is still what was shelled
    return UNREAL.search(sentence, breaks[-1].end(), end) is not None


def _outcome_named(ev: _Event, events: list[_Event]) -> bool:
    """Is `ev` an attack placed only by a bearing ("counterattacks west of Izyum") whose gain the same side's advance in
    the same sentence names ("... and liberated Zavody")? The named place is the claim; the bearing's town is not."""
    return ev.kind == "attack" and all(_bearing_only(m) for m in ev.mentions) and any(
        x.kind == "advance" and x.actor == ev.actor and any(m.role == "target" for m in x.mentions) for x in events)


# "..., and geolocated footage shows Ukrainian forces moving through the settlement": the footage's own clause
FOOTAGE_CLAUSE = re.compile(r",\s+(?:and|but)\s+(?:[\w-]+\s+){0,4}?(?:footage|imagery|images?|videos?|photos?)\b", re.I)
BACK_TO_TOWN = re.compile(r"\b(?:the|that)\s+(?:settlement|city|town|village)\b")
# what footage of each kind of claim shows: a strike's fire or aftermath, troops in or entering a town, fighting
FOOTAGE_KIND = {"strike": re.compile(r"\b(?:strik\w*|shell\w*|aftermath|fir(?:e|es|ed|ing)|explosions?|hit\w*)\b", re.I),
                "advance": re.compile(r"\b(?:moving\s+(?:through|in)|enter\w*|in\s+the\s+cent(?:er|re)|flags?|greet\w*|captur\w*|"
                                      r"liberat\w*|control)\b", re.I),
                "attack": re.compile(r"\b(?:attack\w*|assault\w*|fight\w*|clash\w*|battl\w*|storm\w*)\b", re.I)}


def _footage_backs(sentence: str, ev: _Event, attributions: list[tuple[int, str, str | None]]) -> bool:
    """Does footage in a clause of its own after a party's claim show the same side at the claim's place ("X reported
    that Ukrainian forces liberated Y, and geolocated footage depicts Ukrainian forces moving through the settlement")?
    The claim is then ISW's own, backed by the footage."""
    if "ootage" not in sentence and "mage" not in sentence and "ideo" not in sentence and "hoto" not in sentence:
        return False
    clause = FOOTAGE_CLAUSE.search(sentence, ev.end)
    if clause is None or not any(a[1] == "confirmed" and a[0] > clause.start() for a in attributions):
        return False
    rest = sentence[clause.start():]
    end = CLAUSE_BREAK.search(rest, 2)
    rest = rest[:end.start()] if end else rest
    if HEDGE.search(rest) or EVIDENCE.search(rest) is None or "geolocat" not in rest.lower():
        return False
    side = SIDE_WORD.search(rest)  # the side the footage shows acting, named first
    if side is None or ("russia" if side.group("ru") else "ukraine") != ev.actor or not FOOTAGE_KIND[ev.kind].search(rest):
        return False
    return all(m.text in rest for m in ev.mentions) or len(ev.mentions) == 1 and BACK_TO_TOWN.search(rest) is not None


# the object of an event that names no town: the town the sentence named before ("shell the city", "struck the settlement")
# "reported shelling in the settlement", "continued artillery strikes on the settlement": a strike placed only in the
# town the sentence named before (not a fight: "noted fighting in the settlement" is often the other side's)
IN_THE_TOWN = re.compile(r"(?:\s+(?!(?:and|or|but|as|while|which|that)\b)[\w-]+){0,3}?\s+(?:in|on|against|at|within|around|near)\s+"
                         r"the\s+(?:city|town|village|settlement)\b(?!\s+(?:of|center|centre|outskirts|council|administration|authorities|limits)\b)")
THE_TOWN = re.compile(r"\s+(?:the|that)\s+(?:city|town|village|settlement)\b(?!\s+(?:of|center|centre|outskirts|council|administration|authorities)\b)")


# "despite Russian claims that they captured the settlement", "following previous claims that ...": a claim recalled
RECOUNTED_CLAIM = re.compile(r"\b(?:despite|following|after|contrary\s+to)\s+(?:[\w’'-]+\s+){0,3}?claims?\s+that\b")
# ground taken in the town named before ("... a flag in X, indicating that Ukrainian troops have taken control of the
# settlement", "destroyed a stronghold in X and fully retook the village", "seized the northern half of the settlement",
# "a foothold on the outskirts of the village"); not "the city", often a recalled battle
TAKEN_TOWN = re.compile(r"(?:(?:\s+(?:of|within|into|in))?|(?:\s+(?:of|within|into|in|on))?\s+(?:much\s+of\s+)?the\s+(?:[\w-]+\s+)?"
                        r"(?:outskirts|parts?|sections?|cent(?:er|re)|edge|half|districts?)\s+of)\s+(?:the|this)\s+(?:town|village|settlement)\b(?!\s+(?:of|center|centre|outskirts|council|administration|authorities)\b)")


ANAPHOR_WORDS = Twin(re.compile(r"\b(?:settlement|village|town|city|area)\b"))
# "struck Russian supply columns in the area", "hit a depot in this area": the place named before, as an area
AREA_ANAPHOR = re.compile(r"\b(?:in|near|around)\s+(?:the|this|that)\s+area\b(?!\s+of\b)")
# "the settlement", "this town", "the city’s outskirts": a town named before, referred to again (not "the city of X", "the
# town council", "the settlement's administration")
ANAPHOR = re.compile(r"\b(?:the|this)\s+(?:settlement|village|town|city)\b(?![’']s\s+(?:administration|authorities|council|residents)\b)"
                     r"(?!\s+(?:of|council|administration|authorities|limits|residents|itself)\b)")
# where the clause of an event ends: the next clause's conjunction, a dash, a semicolon
ANAPHOR_CLAUSE_END = re.compile(r";|—|–|\b(?:but|while|although|though|whereas|despite|after|before|because|since|which|where|"
                                r"indicating|suggesting|likely)\b")
ANAPHOR_REACH = 100  # the farthest an event's own clause is read for its town (characters)


def _town_before(sentence: str, ev: _Event, events: list[_Event], previous: str, is_name: NameTest) -> list[Mention]:
    """"the city" or "the settlement" in an event's own clause, read as the one town the sentence before names as a place
    (not a bearing's town): a mention at the anaphor, named as that town. Not a claim recalled ("despite claims that they
    captured the settlement")."""
    end = min([e.start for e in events if e.start > ev.start] + [ev.end + ANAPHOR_REACH, len(sentence)])
    stop = ANAPHOR_CLAUSE_END.search(sentence, ev.end, end)
    ref = ANAPHOR.search(sentence, ev.end, stop.start() if stop else end)
    if ref is None or RECOUNTED_CLAIM.search(sentence, 0, ev.start):
        return []
    towns = {m.name: m for m in find_mentions(previous, is_name) if m.precision == "settlement" and m.role == "target"}
    if len(towns) != 1:
        return []
    town = next(iter(towns.values()))
    return [replace(town, start=ref.start(), end=ref.end(), bearing=None, reference=None, distance_km=None)]


def _anaphor_town(sentence: str, ev: _Event, events: list[_Event], mentions: list[Mention],
                  events_at: dict[int, list[_Event]]) -> Mention | None:
    """The town an event with no place of its own refers back to in its own clause ("... and reached the southern outskirts
    of the city"): the settlement named last before the event, if the sentence named it as a place of a claim (not as a
    bearing's town) and the clause is not a claim recalled ("despite claims that they captured the settlement")."""
    end = min([e.start for e in events if e.start > ev.start] + [ev.end + ANAPHOR_REACH, len(sentence)])
    stop = ANAPHOR_CLAUSE_END.search(sentence, ev.end, end)
    ref = ANAPHOR.search(sentence, ev.end, stop.start() if stop else end)
    area = AREA_ANAPHOR.search(sentence, ev.end, stop.start() if stop else end) if ref is None else None
    if ref is None and area is None or RECOUNTED_CLAIM.search(sentence, 0, ev.start):
        return None
    before = [m for m in mentions if m.end <= ev.start and m.role != "anchor" and m.precision == "settlement"]
    if not before or before[-1].role != "target":
        return None
    town = before[-1]
    if area is not None:
        # "units stationed near X are short of supplies after Ukrainian forces struck columns in the area": the area is the
        # town's, named just before the event (not in a clause of its own, not one another event already holds)
        return replace(town, bearing=None) if not events_at.get(id(town)) and ev.start - town.end < 160 else None
    # the town must be where another event of the same side (or of none named) is ("attempts to advance into Popasna and
    # reportedly captured residential sectors of the city"), not a claimant's or a background town ("officials in Kryvyi
    # Rih reported that ... attacks ... within artillery range of the city"), nor the other side's ("repelled an assault
    # near X, while ... stopped an attempt to seize the settlement"); fighting, whose side is often the defender's, only
    # where the same side's attack or advance is ("control half of Popasna, and street fighting continues across the city")
    owners = [e for e in events_at.get(id(town), []) if e is not ev and e.actor in (ev.actor, None)]
    if sentence[ev.start:ev.end].lower() in FIGHTING:
        owners = [e for e in owners if not e.dropped and e.actor == ev.actor and e.kind in ("advance", "attack")]
    return replace(town, bearing=None) if owners else None


FORCES_IN = re.compile(rf"\b(?:{FORCE})\s+(?:in|at|near|around|from)\s+(?:the\s+)?$")
ORIGIN_POSITIONS = re.compile(r"\bfrom\s+(?:(?!\w+ing\b)[\w-]+\s+){0,2}?positions?\s+(?:(?:to\s+the\s+\w+\s+)?(?:in|near|around|at|on)\s+)?"
                              r"(?:the\s+)?(?:occupied\s+)?$")
# "from X", "from near X", "from around X", "from occupied X": where an attack set out from
FROM_WORD = r"\bfrom\s+(?:the\s+(?:direction|area|vicinity)\s+of\s+)?(?:the\s+)?(?:(?:near|around|occupied|Russian-occupied)\s+)?"
ORIGIN_FROM = re.compile(FROM_WORD + "$")
# "(area) (bracket) to|toward|into Y", "... and Z in the direction of Y", "to occupied positions in Y": the place it went
TO_DESTINATION = re.compile(r"(?:\s+area)?(?:\s*\([^)]*\))?(?:(?:,\s*|\s+and\s+)[A-Z][\w’'-]*(?:\s*\([^)]*\))?){0,3},?\s+"
                            r"(?:to|towards?|into|in\s+the\s+direction\s+of|on)\s+(?:the\s+)?(?:(?:occupied\s+)?positions\s+(?:in|near|at)\s+)?"
                            r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z]")
DISLODGED = re.compile(r"\b(?:(?:expel|push|drove|driv|forc(?:ed|ing)|oust|clear|dislodg|knock|evict|remov)\w*\s+(?:[\w-]+\s+){0,3}?"
                       r"(?:forces|troops|units|them|elements)|withdr\w+|retreat\w*|pull\w*\s+back)\b[^.;]*$")


def _toward(m: Mention) -> bool:
    """Is the place named as the direction an attack went ("in the direction of X")? A destination, as a target is."""
    return (m.bearing or "") == f"direction of {m.name}"


def _origin_to_destination(sentence: str, m: Mention) -> bool:
    """'from X to Y' after a ground attack or advance: X is the start line, Y the place the attack went."""
    return (ORIGIN_FROM.search(sentence, max(0, m.start - 30), m.start) is not None
            and TO_DESTINATION.match(sentence, m.end) is not None
            and not DISLODGED.search(sentence, max(0, m.start - 60), m.start))


# "toward Bakhmut from", "on Avdiivka (10km northwest of Donetsk City) from the direction of": the place an attack went, then
# the word that names where it set out from
DESTINATION_FROM = re.compile(r"\b(?:to|towards?|on|into|in\s+the\s+direction\s+of|in|near|at)\s+(?:the\s+)?(?!(?:January|February|March|April|May|"
                              r"June|July|August|September|October|November|December|Russian|Ukrainian)\b)[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}"
                              r"(?:\s*\([^()]*\))?(?:\s+along\s+the\s+(?:[\w-]+\s+){1,3}?(?:highway|road|route|railway))?,?\s+" + FROM_WORD[2:] + "$")
# "from the direction of X", "from the area of Y": only ever where an attack set out from, even after a list of destinations
# ("in the direction of A, B, and from the direction of C")
DIRECTION_FROM = re.compile(r"\bfrom\s+the\s+(?:direction|area|vicinity)\s+of\s+(?:the\s+)?(?:(?:near|around|occupied|Russian-occupied)\s+)?$")
ORIGIN_LIST_GAP = re.compile(r"(?:\s*\([^()]*\))?\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)")


def _origins_after_destination(sentence: str, places: list[Mention]) -> list[Mention]:
    """'toward Y from X and Z' after a ground attack or advance: X and Z (the list after "from") are the start line."""
    origins: list[Mention] = []
    for m in places:
        if origins and ORIGIN_LIST_GAP.fullmatch(sentence, origins[-1].end, m.start):
            origins.append(m)
        elif (DESTINATION_FROM.search(sentence, max(0, m.start - 160), m.start) or DIRECTION_FROM.search(sentence, max(0, m.start - 40), m.start)) \
                and not DISLODGED.search(sentence, max(0, m.start - 120), m.start):
            origins.append(m)
    return origins


FROM_TO = re.compile(r"\s+(?:to|towards?)\s+(?:[A-Z]|(?:the\s+)?(?:north|south|east|west)\w*\s+of\b)")
DISTANCE_FROM = re.compile(r"\d\s*(?:km|kilometers?|kilometres?|miles?)\b[^.;:]{0,40}?\bfrom\s+(?:the\s+)?$")  # "7 km from Izyum": a bearing
# "from positions on the Kinburn Spit", "launched drones from the Odesa airport": where the strike was fired from
LAUNCH_FROM = re.compile(r"\bfrom\s+(?:positions?\s+(?:in|near|around|on)\s+(?:the\s+)?(?:(?:occupied|Russian-occupied)\s+)?"
                         r"|(?:the\s+)?(?:territory|direction|area|airspace)\s+of\s+|(?:occupied|Russian-occupied|the)\s+)?$")
# ", and in Dnipropetrovsk Oblast", "; and near X": the places after it are a clause of their own
NEW_CLAUSE = re.compile(r"(?:(?:,|;)\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+)(?:also\s+)?(?:in|near|at|on|against|toward|towards|around|into)\b"
                        r"|\band\s+(?:just\s+|directly\s+)?(?:north|south|east|west)\w*\s+of\b")


# the next item of a list of bearings: ", west of ", ", and just north of "
NEXT_BEARING = re.compile(r",\s*(?:and\s+)?(?:just\s+|directly\s+)?(?:north|south|east|west)\w*\s+of\s+(?:the\s+)?")


def _clause_groups(sentence: str, mentions: list[Mention]) -> list[list[Mention]]:
    """An event's places split where a new locative clause starts, so that a place given only as a
    bearing ("strikes west of Hulyaipole, and in Odesa Oblast") is the claim's place in its own clause."""
    groups: list[list[Mention]] = []
    for m in mentions:
        last = groups[-1][-1] if groups else None
        if last is not None and last.role == "reference" and COMPASS_OF.match(last.bearing or "") \
                and NEXT_BEARING.fullmatch(sentence, last.end, m.start):
            groups.append([m])  # "south of A, west of B": a list of bearings, each a place of its own
        elif groups and not NEW_CLAUSE.search(sentence[groups[-1][-1].end:m.start]):
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def extract_claims(report: Report, is_name: NameTest) -> list[Claim]:
    """Every claim of a report, in reading order, one Claim per event with its places."""
    claims: list[Claim] = []
    section, side, occupied = None, None, False
    for para in report.paragraphs:
        sideless: list[tuple] = []  # fighting told before the paragraph names who attacks: (first, end, args, struck_by)
        struck_by = None  # the side of the paragraph's last strike
        if para.section != section:
            section, side = para.section, None
            occupied = bool(section) and OCCUPIED_SECTION.search(section) is not None
        lead = para.lead_in
        if lead is None:
            lm = LEAD_WORDS.match(para.text)
            if lm and len(lm.group(1).split()) <= 7:
                lead = lm.group(1)
        if lead and (OBJECTIVE.search(lead) or EDITORIAL.match(lead)):
            continue  # "Russian objective: ..." states an aim, "Note: ...", "Correction: ..." speak of the report, not an event
        span = False  # the paragraph has just looked back over months: undated sentences after it recount that span
        before = None  # the sentence before, whose town "the city" of the next may refer back to
        for sent in split_sentences(para.text):
            earlier_text, before = before, sent.text
            text = sent.text
            if lead and text.startswith(lead + ":"):
                body_offset = len(lead) + 1
            else:
                body_offset = 0
            long_span = ("past" in text or "last" in text) and LONG_SPAN.search(text) is not None
            if long_span or span and not DAY_DATE.search(text):
                span = span or long_span
                continue  # "Russia has failed to achieve its objectives over the past eleven months. Russian forces failed to capture Kyiv ..."
            span = False
            args = (report, para, sent, lead, body_offset, occupied, earlier_text)
            first = len(claims)
            had_side, had_struck_by = side, struck_by
            for claim, mutual in _sentence_claims(is_name, args, side, struck_by):
                if claim.kind in ("advance", "attack") and not mutual:
                    side = claim.actor
                elif not mutual:
                    struck_by = claim.actor
                claims.append(claim)
            if had_side is None and side is None and (_fight_word(text) or " and " in text and BOTH_SIDES.search(text)):
                sideless.append((first, len(claims), args, had_struck_by))
            elif had_side is None and side is not None and sideless:
                # "Fighting continued in X. Russian forces attacked Y ...": the paragraph names the attacking side after
                # the fighting it reports; the fighting is that side's
                for start, end, earlier, earlier_struck_by in reversed(sideless):
                    claims[start:end] = [claim for claim, _ in _sentence_claims(is_name, earlier, side, earlier_struck_by)]
                sideless = []
        if sideless and side is None and (heading_side := _section_side(section)):
            # no sentence of the section so far names who attacks: the side its heading names ("Subordinate supporting
            # effort—Chernihiv and Sumy axis": "Fighting in and around X has continued")
            for start, end, earlier, earlier_struck_by in reversed(sideless):
                claims[start:end] = [claim for claim, _ in _sentence_claims(is_name, earlier, heading_side, earlier_struck_by)]
    return claims


# the side a section's heading says is attacking: a Russian effort ("Main Effort—Eastern Ukraine", "Supporting Effort #2—
# Southern Axis", "Subordinate supporting effort—Chernihiv and Sumy axis") or the Ukrainian counteroffensives
RUSSIAN_EFFORT = re.compile(r"^(?:Russian\s+)?(?:(?:Subordinate\s+)?(?:Main|Supporting)|Subordinate)\s+(?:main\s+|supporting\s+)?"
                            r"[Ee]ffort\b", re.I)
UKRAINIAN_EFFORT = re.compile(r"^Ukrainian\s+[Cc]ounter-?offensives?\b")


def _section_side(section: str | None) -> str | None:
    """The side fighting with no side named is in a section before any sentence of it names one ("Fighting in and around
    X has continued" under "Subordinate supporting effort—Chernihiv and Sumy axis"): the heading's attacker, if it names
    one (gold README: fighting takes the side the paragraph describes as attacking there)."""
    if not section:
        return None
    if RUSSIAN_EFFORT.match(section):
        return "russia"
    return "ukraine" if UKRAINIAN_EFFORT.match(section) else None


def _sentence_claims(is_name: NameTest, args: tuple, side: str | None, struck_by: str | None) -> list[tuple[Claim, bool]]:
    """The Claims of one sentence of a paragraph (`args`: report, paragraph, sentence, lead-in, the offset of the body
    after the lead-in, whether the section is about the occupied areas), fighting with no side named being `side`'s
    and weapons with no side named `struck_by`'s; each with whether both sides are accused of it."""
    report, para, sent, lead, body_offset, occupied, earlier_text = args
    out = []
    for ev in sentence_claims(sent.text, is_name, lead_in=lead, side=side, day=report.date, struck_by=struck_by,
                              previous=earlier_text):
        if ev.start < body_offset or occupied and ev.kind == "advance" and ev.actor == "russia":
            continue  # in the occupied areas Russia "seizes" a hospital or a morgue for its own use, not ground
        out.append((Claim(
            report_date=report.date, kind=ev.kind, actor=ev.actor, status=ev.status, claimant=ev.claimant,
            sentence=sent.text, mentions=tuple(ev.mentions), section=para.section, lead_in=lead,
            endnotes=sent.endnotes, source_url=report.url, side_by_line=ev.by_line,
        ), ev.mutual or ev.joint))
    return out


FROM_DIRECTION = re.compile(r"\bfrom\s+the\s+directions?\s+of\s+(?:[^.;()]*?,\s+|[^.;()]*?\s+and\s+)?$")


def _own_summary(sentence: str, ev: _Event) -> bool:
    """Is the event ISW's own summary of an operation ("Ukrainian forces continued offensive operations in X Oblast in the
    direction of A and B")? Its directions are a topic (gold README), which the section's named places replace."""
    return ev.status == "confirmed" and "offensive" in sentence[ev.start:ev.end].lower()


def _directions_named(sentence: str, group: list[Mention], targets: list[Mention]) -> list[Mention]:
    """The villages an attack is said to go for ("in the direction(s) of A, B, and C"), when they are a list of their
    own or when the event names no other village ("along the frontline in X Oblast", "on the eastern bank of the Y
    River"); never "from the direction of X" (the start line), nor one town beside a village named near it ("in the
    direction of X near Y": Y is where the attack was)."""
    aimed = [m for m in group if m.role == "reference" and m.reference is None and m.precision == "settlement"
             and (m.bearing or "").startswith("direction of ")
             and not FROM_DIRECTION.search(sentence, max(0, m.start - 120), m.start)]
    if len(aimed) >= 2 or aimed and not any(t.precision == "settlement" for t in targets):
        return [replace(m, role="target", bearing=None) for m in aimed]
    return []


def is_vague(m: Mention) -> bool:
    """A place named only as a direction, axis, area or border ("in the Borova direction"), or as the town a
    bearing is taken from ("attacks northwest of Slovyansk"): a topic, which the named places of the same
    section replace."""
    if m.role != "reference" or m.reference is not None or not m.bearing:
        return False
    return (m.bearing.startswith(("direction of", "around ")) or m.bearing.split()[-1] in REFERENCE_AFTER
            or BEARING_OF.match(m.bearing) is not None)


BEARING_OF = re.compile(r"(?:north|south|east|west)[\w/]* of ")  # "north/west/south of X" too


# "to support stalled forces in X", "escaped to link up with Ukrainian forces in Y": the town where the forces an aim
# would help are, not a place of the event (on the sentence, just before the place)
AIDED_FORCES_IN = re.compile(r"\bto\s+(?:support|reinforce|relieve|link\s+up\s+with|resupply|join|rescue)\s+(?:the\s+)?"
                             r"(?:[\w-]+\s+){0,3}?(?:forces|units|troops|grouping|garrison|elements|defenders)\s+(?:in|near|around|at)\s+"
                             r"(?:the\s+)?$")
# a town that only names a side's standing formation or axis: "the Russian grouping in Zaporizhia (fired ...)", "Russian
# forces advancing southeast from the Kharkiv axis": the subject's or the origin's name, not where the event took place
GROUPING_IN = re.compile(r"\b(?:grouping|group\s+of\s+(?:forces|troops))\s+(?:in|on|at|near|around)\s+(?:the\s+)?$", re.I)
FROM_THE = re.compile(r"\bfrom\s+the\s+$", re.I)
AXIS_AFTER = re.compile(r"(?:\s+City)?\s+(?:axis|direction|grouping)\b", re.I)


def _names_a_formation(sentence: str, m: Mention, events: list[_Event]) -> bool:
    """Is the place `m` only the name of the acting side's formation or the axis it came from: "the Russian grouping in
    X" before the event it did, or "from the X axis"?"""
    before = sentence[max(0, m.start - 40):m.start]
    if GROUPING_IN.search(before):
        return not any(e.start < m.start for e in events)  # the subject: "the grouping in X fired on ..." (not its target)
    return FROM_THE.search(before) is not None and AXIS_AFTER.match(sentence, m.end) is not None


def _closed_paren_between(sentence: str, start: int, end: int) -> bool:
    """Does a bracket opened before `start` close between `start` and `end`?"""
    close = sentence.find(")", start, end)
    return close >= 0 and sentence.rfind("(", start, close) < 0


def _border(m: Mention) -> bool:
    """An oblast named by its border with another ("the Kharkiv-Donetsk Oblast border")."""
    return m.precision == "region" and (m.bearing or "").endswith((" border", " borders", " boundary"))


def _road(m: Mention) -> bool:
    """A town named only as a road's end ("the E40 highway to Slovyansk")."""
    return m.role == "reference" and (m.bearing or "").endswith(" road")


def names_a_road(m: Mention) -> bool:
    """A town named only in a road's name or as its end ("the Kharkiv City-Belgorod highway", "the R66
    (Svatove-Kreminna) highway", "the N15 highway to Zaporizhia"): never where a claim is, the road runs far from it."""
    return m.role == "reference" and (m.bearing or "").endswith((" road", " highway", " highways"))


def _road_end(m: Mention) -> bool:
    """A town named only as one of the ends that name a road ("the Svatove-Kreminna highway", "the M14
    Mariupol-Berdyansk-Melitopol highway")."""
    return names_a_road(m) and m.reference is None and m.name in m.bearing and DASH_IN.search(m.bearing) is not None


DASH_IN = re.compile(r"\S[-–]\S")


def _area_struck(m: Mention) -> bool:
    """A town named only as the heart of an area ("the Avdiivka-Donetsk City area"), which a strike there hits."""
    return m.role == "reference" and m.reference is None and (m.bearing or "").endswith(" area")


def _water(m: Mention) -> bool:
    return m.precision == "feature" and m.name.lower().endswith(("river", "reservoir", "delta"))


def bracket_locators(sentence: str, places: tuple[Mention, ...] | list[Mention]) -> set[int]:
    """The indexes of the places named only inside a bracket that says where the place or list just before it lies:
    "Nevelske (all on the northwestern outskirts of Donetsk City)", "toward Brovary (a northeastern suburb of Kyiv)",
    "near Denezhnykove (between Starobilsk and Luhansk City)", "near Pytomnyk (8km from the northern outskirts of
    Kharkiv City)". The bracket locates the place before it; the claim is not at the towns in it. None when every
    place is in such a bracket; a bracket after a facility ("the bridge (in X)") names its town, which is kept."""
    located = set()
    for k, m in enumerate(places):
        open_at = sentence.rfind("(", 0, m.start)
        if open_at < 0 or sentence.find(")", open_at, m.start) >= 0:
            continue  # not inside a bracket
        before = [x for x in places if x.end <= open_at and not sentence[x.end:open_at].strip()]
        if before and before[-1].precision != "feature":
            located.add(k)
    return located if len(located) < len(places) else set()


def names_a_river(m: Mention) -> bool:
    """A river named as a whole ("near the bridgehead over the Inhulets River", "fire along the Oskil River", "crossings
    across the Dnipro and Inhulets rivers"), not one of its banks: a line hundreds of kilometres long that only says
    where the bridgehead, crossing or front on it is; never where a claim is (a bank, a reservoir or a delta is)."""
    text = m.text.lower()
    return (m.precision == "feature" and m.name.lower().endswith("river") and text.endswith(("river", "rivers"))
            and "bank" not in text and "side" not in text)


# "assaults on and south of X", "fighting in and west of Y": the town itself is a place of the event, with its outskirts
ON_AND_BEARING = re.compile(r"\b(?:on|in|at|near|around|within|inside|into)\s+and\s+(?:to\s+the\s+)?"
                            r"(?:north|south|east|west)[\w/-]*(?:,?\s+(?:and|or)\s+(?:north|south|east|west)\w*)?\s+of\s+(?:the\s+)?$")


def _beside_bearings(sentence: str, groups: list[list[Mention]]) -> bool:
    """Does every place of the event name a town only as a bearing or area ("assaults northwest of X and east of Y",
    "fighting north of X and around Y")? Then no clause names a place of its own: the sentence sums up where the
    fighting was, a topic the section's named places replace (gold README), as one bearing alone is. Not "on and south
    of X": the town itself is attacked."""
    places = [m for g in groups for m in g]
    return bool(places) and all(is_vague(m) and not ON_AND_BEARING.search(sentence, max(0, m.start - 40), m.start)
                                for m in places)


def _beside_regions(groups: list[list[Mention]], group: list[Mention]) -> bool:
    """Do the event's other places name oblasts and no town of their own ("in northern Kherson Oblast, western Kherson
    Oblast along the Inhulets River, and northwest of Kherson City")? Then a town named only as a bearing is part of
    a regional summary, a topic the section's named places replace, not a clause of its own."""
    others = [m for g in groups if g is not group for m in g]
    return any(m.precision == "region" and m.role == "target" for m in others) and not any(
        m.precision == "settlement" and (m.role == "target" or not is_vague(m)) for m in others)


def _bearing_only(m: Mention) -> bool:
    """A town named only as the point a compass bearing is taken from ("west of Hulyaipole")."""
    return m.role == "reference" and m.reference is None and bool(m.bearing) and BEARING_OF.match(m.bearing) is not None
