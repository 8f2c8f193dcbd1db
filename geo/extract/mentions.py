"""Find the place names in a sentence (the recogniser), with the bearings ISW gives for them.

A pure function of the sentence text and a name test (`is_name`, from the gazetteer).
It returns spans: it does not decide which village a name means; that is `resolver.py`.

ISW writes places in a few regular shapes, which this module reads:
- "near Vovchansk, Svatove, and Avdiivka": a list after a locative word or a verb;
- "Pokrovka (southeast of Sumy City)", "(both northwest of Sumy City)": a bearing for the
  place or places just before it;
- "north of Sumy City near Oleksiivka and Kindrativka": an inline bearing for the places after it;
- "Bohorodychne, about 30 km southeast of Izyum": a bearing with a distance;
- "in Sumy and Kursk oblasts", "Kharkiv City", "east (left) bank Kherson Oblast", "occupied Crimea";
- "the Antonivskyi Bridge", "Zaporizhzhia NPP", "Velykiy Potemkin island": named features;
- "in the Kupyansk direction", "the Kostyantynivka-Druzhkivka tactical area": places named only
  as a reference, used for a claim only when it names no other place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from geo.extract import lexicon
from geo.models import Mention
from geo.read.regex_twin import Twin

NameTest = Callable[[str], bool]


def replace(m: Mention, **changes) -> Mention:
    """`dataclasses.replace` for the Mentions this module copies (some 7,000 over the archive), without its scan of
    the class's fields at every call (2 us, not 5): every field of a Mention is set by its constructor."""
    return type(m)(**{**m.__dict__, **changes})

WORD = re.compile(r"[A-Za-zÀ-ɏЀ-ӿ][\w’'ʼ`\-–]*|\d+(?:[.,]\d+)?|[^\sA-Za-z\d]")
DIRECTIONS = ("northeast", "northwest", "southeast", "southwest", "north", "south", "east", "west",
              "north-northeast", "north-northwest", "south-southeast", "south-southwest",
              "east-northeast", "east-southeast", "west-northwest", "west-southwest")
DIR_RE = r"(?:north|south|east|west)(?:-?(?:north|south)?(?:east|west))?(?:ern)?"
# "north, west, and south of Severodonetsk", "northeast and southeast of Bakhmut": the places may lie any of these ways
DIRS_RE = rf"{DIR_RE}(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+){DIR_RE})*"
DIR_WORD = re.compile(DIR_RE)


def direction_of(text: str) -> str:
    """The bearing a matched direction names: "northern" -> "north"; "north, west, and south" -> "north/west/south"."""
    return "/".join(w.removesuffix("ern") for w in DIR_WORD.findall(text.lower()))


REGION_SUFFIX = {"oblast": "Oblast", "oblasts": "Oblast", "krai": "Krai", "raion": "Raion", "raions": "Raion",
                 "region": "Oblast", "republic": "Republic"}
FEATURE_NOUNS = (
    "nuclear power plant", "thermal power plant", "hydroelectric power plant", "power plant", "power station",
    "npp", "tpp", "hpp", "chpp", "bridge", "road bridge", "railway bridge", "rail bridge", "vehicle bridge", "pontoon bridge", "dam", "airfield", "airbase", "air base", "airport", "island",
    "refinery", "oil refinery", "oil depot", "port", "reservoir", "river", "delta", "plant", "factory", "railway station",
    "road bridge", "railway bridge", "rail bridge",  # "the Antonivsky road bridge", "the Darivka railway bridge"
)
# "the Antonivsky road bridge", "the Darivka pontoon bridge": what the bridge carries is no part of its name
KIND_OF_BRIDGE = frozenset({"road bridge", "railway bridge", "rail bridge", "vehicle bridge", "pontoon bridge"})
# Capitalised words that are never place names in these reports (people, bodies, titles, sides).
STOP = {
    "russian", "russia", "russians", "ukrainian", "ukraine", "ukrainians", "isw", "putin", "kremlin", "west", "western",
    "east", "eastern", "north", "northern", "south", "southern", "central", "nato", "us", "usa", "u.s", "kim", "eu",
    "telegram", "wagner", "grouping", "forces", "general", "staff", "armed", "key", "takeaways", "main", "effort",
    "axis", "subordinate", "supporting", "order", "battle", "assessed", "unconfirmed", "geolocated", "ministry",
    "defense", "defence", "spokesperson", "head", "mayor", "governor", "commander", "the", "a", "an", "in", "on",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mod", "gur", "sbu",
    "fsb", "dnr", "lnr", "vdv", "cca", "caa", "mmd", "lmd", "smd", "cmd", "emd", "pmc", "himars", "atacms", "storm",
    "shadow", "neptune", "shahed", "kinzhal", "iskander", "kalibr", "kh", "fab", "glide", "guards", "army", "corps",
    "brigade", "division", "regiment", "battalion", "detachment", "group", "operational", "command", "center",
    "centre", "office", "ministry", "president", "prime", "minister", "deputy", "chief", "national", "guard",
    "rosgvardia", "akhmat", "sever", "vostok", "zapad", "yug", "tsentr", "dnepr", "pacific", "black", "sea", "fleet",
    "air", "space", "navy", "naval", "infantry", "spetsnaz", "airborne", "motorized", "rifle", "tank", "artillery",
    "people", "people’s", "people's", "republic", "federation", "oblast", "krai", "raion", "city", "district",
    "islamic", "state", "pyongyang", "beijing", "washington", "china", "prc", "iran", "belarus", "belarusian",
    "moldova", "moldovan", "transnistria", "poland", "polish", "romania", "georgia", "kazakhstan", "hungary", "syria",
    "chechen", "kadyrov", "rybar", "strelkov", "girkin", "shoigu", "gerasimov", "zelensky", "zelenskyy",
    "syrskyi", "budanov", "lukashenko", "medvedev", "peskov", "lavrov", "prigozhin", "surovikin", "kirby",
    "stoltenberg", "finnish", "finland", "korea", "korean", "north korean", "atlantic", "ocean", "european", "union",
    "crimean", "yle", "tass", "ria", "novosti", "interfax", "reuters", "ap", "bbc", "cnn", "new", "york", "times",
    "hero", "heroes", "soviet", "union", "fpv", "ew", "drg", "drgs", "glocs", "gloc", "uav", "uavs", "ngu", "tdf",
    "hromada", "hromadas",  # the unit after a place's name ("the Zelenodolsk Hromada"), not a village of that name
}
# Words that make a run of capitalised words a company or a body, not a place, though a word of it names one ("the Nova
# Poshta post office": no village Nova)
NOT_A_PLACE_RUN = frozenset({"poshta", "ukrposhta"})
# ... and the words that make it a river named without "River" ("a crossing of the Siverskyi Donets")
RIVER_RUN = frozenset({"donets"})
# Words before a name that make it a place the claim is about (or a list of them).
LOCATIVE = {
    "near", "in", "at", "around", "toward", "towards", "to", "from", "on", "into", "onto", "outside", "within",
    "between", "via", "through", "across", "past", "beyond", "along", "inside", "vicinity", "outskirts", "over",
    "control", "pushed", "defending", "defend", "hold", "holding", "held", "raided", "besieged", "bypassed",
    "approach", "approached", "approaching", "retake", "shell", "surrounding",
    "of", "against", "occupied", "russian-occupied", "ukrainian-held", "contested", "including", "include", "includes",
} | {w for w in lexicon.ADVANCE | lexicon.ATTACK | lexicon.STRIKE | lexicon.DESTROY | lexicon.ABANDON if " " not in w}
# First words of multi-word village names ("Nova Kakhovka", "Velykyi Burluk", "Druha Zhuravka"): never a place alone
NAME_PREFIXES = {
    "nova", "novyi", "novyy", "nove", "novi", "novo", "stara", "staryi", "staryy", "stare", "stari", "velyka", "velykyi",
    "velykyy", "velyke", "velyki", "velikiy", "velikaya", "mala", "malyi", "malyy", "male", "mali", "malaya", "druha",
    "persha", "verkhnia", "verkhnii", "verkhnie", "nyzhnia", "nyzhnii", "nyzhnie", "krasnyi", "krasna",
    "chervona", "chervonyi", "zelena", "zelenyi", "bila", "bilyi", "chorna", "chornyi", "sukha", "sukhyi", "yasna",
    "nizhnyaya", "verkhnyaya", "staraya", "novaya", "bolshaya", "krasnaya", "veselaya", "veseloye", "veselyy",
    "bolshoye", "bolshoy", "maloye", "malyy", "novoye", "staroye", "krasnoye", "belaya", "chernaya", "zelenaya",
    "srednyaya", "sredniy", "verkhniy", "nizhniy",
    # the shorter spellings ISW also writes ("Vesele Dolyna", "Velyky Burlyk", "Verkhny Terebezh")
    "vesela", "vesele", "veselyi", "velyky", "verkhny", "verkhnyi", "nyzhny", "nyzhnyi", "maly",
}
# Last words of multi-word village names that number them ("Novoselivka Druha", "Mykhailivka Persha"): the name before
# them is not the place alone
NAME_ORDINALS = {"persha", "druha", "tretia", "pershe", "druhe", "pershyi", "druhyi", "vtoraya", "pervaya"}
# the end of a compound adjective that says who holds a place: "Ukrainian-liberated", "Russian-controlled", "newly-occupied"
HELD_BY = ("-liberated", "-occupied", "-held", "-controlled", "-captured")
LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)")
PAREN_GAP = re.compile(r"^[^()]{0,80}?\)|^\s*\([^()]{0,80}\)")  # the rest of a bracket the last place was in, or a whole one
STREET_WORDS = {"street", "avenue", "boulevard", "lane", "square", "park", "microdistrict", "district", "highway", "road"}
STRONG_LOCATIVE = {"near", "toward", "towards", "around", "outside", "vicinity"}
# Verbs after which a capitalised name is the place acted on, even one the gazetteer lacks ("captured Lyutyszh").
EVENT_LOCATIVE = {"captured", "capture", "capturing", "seized", "seize", "seizing", "recaptured", "liberated", "liberate",
                  "attacked", "struck", "shelled", "stormed", "assaulted", "bombed", "entered", "encircled"}
# "attacks on X", "strikes against X", "the towns of X": an event noun or a settlement word, then the place
EVENT_OBJECT = re.compile(r"\b(?:attacks?|assaults?|strikes?|shelling|offensives?|towns?|villages?|settlements?)\s+(?:on|against|of|near|in)\s+$", re.I)
# Where else a name the gazetteer lacks stands for a place ("fighting in X", "gains in Y", "the outskirts of Z", "positions in
# W", "striking V"), when it is shaped as the region's village names are (ending in a vowel, -sk, -iv, -yn, -ets: not
# "Syrian", "Donbas", "Armenian")
EVENT_PLACE_VERBS = {"attacking", "striking", "shelling", "targeted", "targeting", "reached", "entering", "retook"}
EVENT_PLACE_NOUNS = re.compile(r"(?:\b|counter)(?:attacks?|offensives?|gains?|advances?|fighting|battles?|clashes|operations|"
                               r"outskirts|strongholds?)\s+(?:on|against|of|near|in)\s+$", re.I)
VILLAGE_SHAPE = re.compile(r"[A-Z][a-z’'ʼ-]*(?:[aeiouy]|sk|iv|yn|ets)")
# A distance as ISW writes it: "30km", "23 kilometers", "seven kilometers", "a few kilometers", "a 20-kilometer", "five miles"
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
                "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a few": 3}
KM_PER_MILE = 1.609
_NUMBER = r"(?<![\w.])(?:\d+(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_UNIT = r"km|kilomet(?:er|re)s?|miles?"
DISTANCE_UNNAMED = rf"(?:{_NUMBER})\s*-?\s*(?:{_UNIT})\b"
DISTANCE = rf"(?P<km>{_NUMBER})\s*-?\s*(?P<unit>{_UNIT})\b"
# the words before a distance ("approximately 23 km", "just over 10km") and between it and the direction ("45km due east")
DISTANCE_QUALIFIER = (r"(?:about|roughly|approximately|some|around|nearly|almost|just\s+over|just\s+under|"
                      r"just|over|under|less\s+than|more\s+than|directly|immediately|slightly|further)")
DIR_ADVERB = r"(?:due|directly|just|roughly|almost)"


def stated_km(number: str | None, unit: str | None) -> float | None:
    """The kilometres a matched distance says ("seven", "kilometers" -> 7.0; "5", "miles" -> 8.0), None without one."""
    if not number:
        return None
    word = " ".join(number.lower().split())
    value = float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else float(number)
    return round(value * KM_PER_MILE, 1) if (unit or "").lower().startswith("mile") else value


# A place named with its own bearing: "(15km northwest of Svatove)", ", northwest of Kreminna", ", Luhansk Oblast (13km"
OWN_BEARING = re.compile(
    rf"\s*(?:,\s*[A-Z][\w’'-]+\s+Oblast\s*)?(?:\(\s*|,\s*)(?:{DISTANCE_QUALIFIER}\s+)?\s*"
    rf"(?:{DISTANCE_UNNAMED}\s+)?(?:{DIR_ADVERB}\s+)?{DIR_RE}\s+(?:of|from)\b")
LIST_JOINERS = {",", "and", "or", "as", "well", "both"}
# "fighting for Krasnohorivka", "the battle for Avdiivka": the place fought over (not "responsible for", "fight for Russia")
FIGHT_FOR = re.compile(r"\b(?:fight\w*|fought|battl\w*|struggl\w*|clash\w*)\s+for\s+$", re.I)
REFERENCE_AFTER = {"direction", "directions", "axis", "front", "tactical", "area", "sector", "salient", "pocket", "road", "highway", "line", "border", "borders", "boundary", "frontline", "frontlines", "administrative"}
BANK = Twin(re.compile(r"(?:(?:east|west|eastern|western|north|south|northern|southern|left|right)\s+)?(?:\(\s*(?:left|right|east|west)\s*\)\s+|(?:left|right)[\s-]+)?bank\s+(?:of\s+)?(?:the\s+)?$", re.I))
PAREN_BEARING = re.compile(
    rf"\(\s*(?P<qual>both|all|just|directly|immediately|roughly|about|approximately|further)?\s*"
    rf"(?:{DISTANCE_QUALIFIER}\s+)?(?:{DISTANCE}\s+)?(?:{DIR_ADVERB}\s+)?(?P<dir>{DIRS_RE})"
    rf"(?:\s+of|\s+from)\s+(?P<ref>[^()]+?)\s*\)",
    re.I,
)
# a place's own distance and direction from the town its clause names, with no "of" ("near Yahidne (4km north)")
PAREN_OWN_DISTANCE = re.compile(
    rf"\s*\(\s*(?:{DISTANCE_QUALIFIER}\s+)?{DISTANCE}\s+(?:{DIR_ADVERB}\s+)?(?P<dir>{DIRS_RE})\s*\)", re.I)
INLINE_BEARING = re.compile(
    rf"(?:(?:{DISTANCE_QUALIFIER}|within|up\s+to)\s+)?(?:{DISTANCE}\s+)?"
    rf"(?:to\s+the\s+|{DIR_ADVERB}\s+)?(?P<dir>{DIRS_RE})\s+(?:of|from)\s+(?:the\s+)?$",
    re.I,
)
INLINE_BEARING = lexicon.Folded(INLINE_BEARING)  # its match's text is lower case: only the groups' lower case is read


# the words between a place and its own bearing: "X, about 30 km southeast of", "X and Y, both ...", "X, a settlement
# approximately 23 km east of", "X—a small village 5km north of"
APPOSITION_LEAD = re.compile(r"(?:,|—|–|\s-)\s*(?P<q>all|both)?\s*(?:(?:of\s+them|settlements|villages|towns|"
                             r"(?P<noun>(?:an?|the)\s+(?:small\s+|large\s+|frontline\s+)?(?:settlement|village|town|city|hamlet)"
                             r"(?:\s+(?:located\s+|situated\s+)?(?:along|on|near|in)\s+[^,;()—–]{1,50}?)?))\s*)?$")
# "Yakymivka (near Melitopol)", "(both just outside X)": a bracket that says where the places before it lie
# where a unit is based or its men come from ("the 11th Brigade (based in Ulan Ude, Buryatia)", "volunteer battalions
# from Bashkortostan"): their home, not where anything happened
HOME_WORD = re.compile(r"based|from")  # a cheap test before HOME_BEFORE
HOME_BEFORE = re.compile(
    r"\b(?:(?:based|headquartered|garrisoned)\s+(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w’'-]+(?:[\s-][A-Z][\w’'-]+)*\s*,\s*)?"
    r"|(?:battalions?|volunteers?|servicemen|servicemembers|conscripts|recruits|reservists|natives|mobilized\s+men|"
    r"mobilized|mobiks|convicts)\s+(?:\([^()]*\)\s+)?from\s+(?:the\s+)?(?:Republic\s+of\s+|Russia[’']s\s+)?)$")
# ... but men driven or taken out of a place came from where the claim is ("expelled Russian servicemen from X")
OUT_OF = re.compile(r"\b(?:expel|drove|drive|driven|push|clear|oust|dislodg|withdr|evacuat|pull|redeploy|transferr|mov|"
                    r"knock|remov|repel|rotat)\w*\b[^.;:]{0,60}$", re.I)
# a bracketed aside between a place and its bearing (its own bearing or place would be a mention of the bracket)
ASIDE = re.compile(r"\s*\([^()]{1,120}\)\s*")
PAREN_NEAR = re.compile(r"\(\s*(?:(?P<q>both|all)\s+)?(?:(?:just|directly|located|situated|also)\s+)?(?:near|outside|in|by|close\s+to|adjacent\s+to|"
                        r"next\s+to)\s+(?:the\s+)?$", re.I)
SEMICOLON_LIST = re.compile(r"\s*(?:\([^()]*\))?\s*;\s*")
DISTANCE_OF = Twin(re.compile(rf"(?:\b(?:{DISTANCE_QUALIFIER}|within|up\s+to)\s+)?{DISTANCE}\s+(?:of|from)\s+(?:the\s+)?$", re.I))
# "X in Kherson Oblast", "X, in occupied eastern Y Oblast": the oblast a place lies in
REGION_OF_PLACE = re.compile(r"\s*,?\s+in\s+(?:occupied\s+)?(?:(?:north|south|east|west)\w*\s+)?")
# "across the Dnipro River from Enerhodar", "just across the water from X": a place named to say where another lies
# (an aside: after a comma or bracket, or a word for where something lies; not "advance across the river from X")
ACROSS_FROM = re.compile(r"(?:[,(]\s*|\b(?:just|directly|right|settlements|areas|towns|villages|positions|km)\s+)across\s+(?:the\s+)?"
                         r"(?:[\w’'-]+\s+){0,4}?from\s+(?:the\s+)?$", re.I)
OBLAST_PAIR_LINES = {"line", "front", "frontline", "frontlines", "border", "borders", "boundary"}
PAIR_LABEL = re.compile(r"(?:[\s-]+(?:and|[A-Z][\w’'–-]*|tactical|administrative|oblast|oblasts|city))*?\s*("
                        + "|".join(sorted(REFERENCE_AFTER, key=len, reverse=True)) + r"|areas?)\b")
DIRECTION_OF = re.compile(r"\bdirections?\s+of\s+(?:[\w’'-]+,?\s+(?:and\s+)?){0,6}$")
BODY_OF = re.compile(r"(?:Ministry|Republic|Governor|Head|Mayor|Administration|Council|Office|residents|head|mayor|governor)\s+of\s+$")
DASH = re.compile(r"[-–]")
PLURAL_REGION = re.compile(r"\boblasts\b|\braions\b", re.I)
# the gap between two names of a plural region's list: "Donetsk and eastern Zaporizhia oblasts" (a part of the next one)
LIST_GAP = re.compile(r"\s*(?:,|and|,\s*and)\s*(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
                      r"north-?eastern|north-?western|south-?eastern|south-?western|occupied)\s+)?", re.I)
REGION_TITLE = re.compile(r"\s+(?:occupation|military|civil|civil-military|regional|administration|head|governor|prosecutor|police|"
                          r"council|authorities|officials?|people[’']s)\b", re.I)
# "around X, Y, and Z", "around X (5 km ...)": places; not "around X and near Y", where a clause of its own begins
AROUND_LIST = re.compile(r"\s*(?:(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?!(?:near|in|at|along|toward|towards|on|into|"
                         r"(?:north|south|east|west)\w*)\s)|\(|itself)")
FOREIGN_AFTER = Twin(re.compile(r",?\s+(?:in\s+)?(?:Belarus|Poland|Moldova|Transnistria|Romania|Georgia|Syria|Kazakhstan|Hungary|"
                                r"Slovakia|Lithuania|Latvia|Estonia|Finland|Iran|North\s+Korea)\b"))
ITSELF_OR_PAREN = re.compile(r"\s*(?:itself|\()")
QUANTIFIER = re.compile(r"\b(all|both)\b")
# "A and B, both located in the vicinity of X", "A, B, and C—all settlements in northern Y Oblast": a remark after a
# list that says where its places lie; the places named in it locate the list, they are not acted on
LIST_REMARK = re.compile(r"(?:\s*\([^()]*\))?\s*(?:,|—|–|\s-)\s*(?:all|both)\s+(?!in\s+all\b)"
                         r"(?:(?!\b(?:which|that|where|while|but|when)\b|,\s*and\b|\band\s+[a-z]+ed\b)[^;()])*")
# what may be said of a listed place before the list goes on: its day ("on October 23", "overnight on May 3-4"), the road or
# junction it lies on ("on the T0812 highway", "at the T2111 and T2114 intersection"; the road's own towns, named as references,
# may end it: "along the T1302 Bakhmut-Lysychansk highway"), its unit ("X Hromada"), the weapon used on it ("with Grad MLRS systems")
ITEM_LOCATOR = (r"(?:(?:overnight\s+)?on\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
                r"December)\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?"
                r"|(?:(?:on|along|at|near)\s+the\s+(?:[\w’'-]+\s+){0,3}?)?(?:highway|road|route|intersection|junction)"
                r"|[Hh]romada|[Rr]aion"
                r"|with\s+(?:[\w’'-]+\s+){0,3}?(?:systems?|missiles?|drones?|rockets?|MLRS|artillery|bombs?|munitions|aviation))")
# a list that goes on after an aside: "A and B west of the E40 highway and C and D ...", "A, Z Oblast, (a checkpoint), B",
# "A on October 23 and B on October 24", "A on the T0812 highway, and B"
LIST_AFTER_ASIDE = re.compile(r"\s*(?:\([^()]*\)\s*)?,?\s*(?:(?:(?:just|directly|about|roughly|\d+\s*km)\s+)*(?:north|south|east|west)\w*"
                              rf"\s+of\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?\s*|{ITEM_LOCATOR}\s*)?(?:\([^()]*\)\s*)?,?\s*(?:and\s+|or\s+)?")
# "the T1302 highway from Bakhmut to Lysychansk", "on the road to Slovyansk", "GLOCs to Lysychansk": the towns name a road
ROAD_WORD = re.compile(r"highway|road|route|railway|GLOC|communication")  # a cheap test before ROAD_TO
ROAD_TO = re.compile(r"\b(?:highway|road|route|railway|GLOCs?|communications?)s?\s+(?:\([^()]*\)\s+)?"
                     # "the road that runs between X and Y", "the route to X, running through Y", "a railway used to carry
                     # supplies from X to Y": a clause that only says where the road goes
                     r"(?:(?:to\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?\s*)?,?\s*(?:that\s+|which\s+)?(?:runs?|running|leads?|leading|links?|"
                     r"linking|connects?|connecting|goes|going|used\s+(?:to|for)(?:\s+[a-z]+){1,2})\s+(?:[a-z]+\s+){0,2}?)?"
                     r"(?:(?:from|between)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?\s+(?:to|and|toward|towards|into)\s+|(?:to|toward|towards|from|between|through|into)\s+)$")
# "X, a suburb of Y", "X, a small settlement in Y Oblast near Z", "X, on the eastern outskirts of Y": an apposition that
# locates X; the places in it are not acted on (a comma after it ends it: "X, on the outskirts of Y, and Z"; "X, directly on
# the outskirts of Y" too)
APPOSITION = re.compile(r"\s*(?:\([^()]*\)\s*)?,\s*(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:suburbs?|villages?|settlements?|towns?|city|"
                        r"district|microdistrict|community|hromada)|(?:(?:directly|immediately|right|just|located|situated)\s+)?on\s+the\s+"
                        r"(?:[\w-]+\s+){0,2}?outskirts)\b[^;,()]*")
# "the Kyiv suburb of Irpin", "the Donetsk Oblast town of Kurakhove", "the Kherson port city of Y": the first name only
# says where the second is (not "the Kyivskyi district of Kharkiv", a district's own name)
QUALIFIER_OF = re.compile(r"\s+(?:port\s+city\s+|frontline\s+|border\s+)?(?:suburbs?|towns?|villages?|city|settlements?|port|hromada)"
                          r"\s+of\s+(?:the\s+)?[A-Z]")
# "X on the northwestern outskirts of Y", "X (on the southern outskirts of Y)": Y says where X lies, on the side named
OUTSKIRTS_OF = re.compile(rf"\s*(?:,\s*|\(\s*|\s)(?:(?:located|situated|just|directly|immediately|right)\s+)?on\s+the\s+(?:(?P<dir>{DIR_RE})\s+)?"
                          r"outskirts\s+of\s+(?:the\s+)?", re.I)
BODY_AFTER = re.compile(r"\s+(?:People[’']s|Telegram|Group(?:ing)?|Operational|Military|Direction\b|"
                        r"(?:Street|Avenue|Prospekt|Prospect|Boulevard|Hotel|Regiment|Battalion|Brigade|Division)\b|"
                        r"occupation\s+(?:council|authorit|administration|officials?\b|head\b|government|police)|"
                        r"Oblast\s+(?:Head|Governor|Military|Administration|occupation|Prosecutor))")
# One or two capitalised words are a person's name, not a place, when an apposition that gives a person's role follows
# them ("Ivan Petrenko, the deputy police chief of X", "..., a Russian collaborator,"; not "X, a town whose mayor ...",
# "X, the third official statement"), or a verb of saying follows a name the gazetteer lacks ("..., and Nazarov stated";
# not "authorities in Kherson and Melitopol stated"). The roles are found once per sentence, where they start (read from
# the capitalised word before, which a regex finds faster than any position); a verb is looked for after a name.
SPEAKER_AFTER = Twin(re.compile(r"\s+(?:(?:also|additionally|further|later|then|previously|reportedly)\s+)?(?:"
                                + "|".join(sorted(lexicon.SPEAKER, key=len, reverse=True)) + r")\b"))
ROLE_CUE = Twin(re.compile(
         r"[A-Z][\w’'-]*(\s*,\s+(?:an?|the)\s+(?:(?!(?:towns?|villages?|settlements?|city|suburbs?|hamlet|area|district|hromada|"
         r"community|where|whose|which|that|who)\b)[\w’'-]+\s+){0,5}?(?i:collaborator|official|head|chief|deputy|commander|"
         r"spokes(?:person|man|woman)|mayor|governor|minister|advis[eo]r|director|officer|(?:mil)?blogger|leader|secretary|"
         r"representative|prosecutor|judge|activist|journalist|politician|businessman)(?=\s*(?:[,.;()]|of\b|in\b|for\b|at\b|$)))"))
LETTERS = re.compile(r"[A-Za-z]+")
# what a works makes, between its name and "plant" or "factory": "the Ilyich metal plant", "the Azot chemical plant"
INDUSTRY = r"(?:metal|steel|metallurgical|iron|chemical|gypsum|cement|coke|machine-building|tank|aircraft|armou?red|repair)\s+"
FEATURE_RE = Twin(re.compile(r" ((?:" + INDUSTRY + r"(?=plant|factory))?(?:"
                             + "|".join(sorted(map(re.escape, FEATURE_NOUNS), key=len, reverse=True)) + r"))(?![a-z])"))
FEATURE_OF_TOWN = Twin(re.compile(r"(?P<noun>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+of\s+(?P<town>[A-Z][\w’'-]+(?:\s+[A-Z][a-z][\w’'-]+)?)"))
FEATURE_TOWN = re.compile(r"(?:\s*\([^)]*\))?\s+(?:in|near|at|outside|of)\s+(?:occupied\s+|Russian-occupied\s+|(?:north|south|east|west)ern\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][a-z][\w’'-]+)?)")


@lru_cache(maxsize=64)
def _lower(text: str) -> str:
    return text.lower()


@lru_cache(maxsize=64)
def _has_feature(low_sentence: str) -> bool:
    """Does a feature noun stand anywhere in the (lower-cased) sentence? If not, no position needs the test."""
    return FEATURE_RE.search(low_sentence) is not None


@lru_cache(maxsize=64)
def _has_of_town(sentence: str) -> bool:
    """Does "<Noun> of <Town>" stand anywhere in the sentence? If not, no position needs the test."""
    return FEATURE_OF_TOWN.search(sentence) is not None


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) of every token. WORD reads every character but white space into some token, so only
    white space lies between two: the text is cut at its spaces, a piece of Latin letters alone is one token (most
    words: no pattern run), and in any other piece each token is found from the end of the one before."""
    out: list[tuple[str, int, int]] = []
    append, findall = out.append, WORD.findall
    pos = 0  # where the piece starts in the text
    for piece in text.split(" "):
        if piece.isascii() and piece.isalpha():
            append((piece, pos, pos + len(piece)))
        else:  # punctuation, digits, other letters, other white space ("Bakhmut,", "2022.", "Київ", "a\tb"), or none
            at = 0
            for tok in findall(piece):
                at = piece.find(tok, at)
                append((tok, pos + at, pos + at + len(tok)))
                at += len(tok)
        pos += len(piece) + 1
    return out


def _clean(name: str) -> str:
    if name[-2:] in ("’s", "'s", "ʼs", "`s"):
        name = name[:-2]
    return name.strip(" -")


def find_mentions(sentence: str, is_name: NameTest) -> list[Mention]:
    """The place mentions of one sentence, in order, with roles and bearings."""
    toks = _tokens(sentence)
    mentions: list[Mention] = []
    role_cues = _role_cues(sentence) if "," in sentence else frozenset()
    i = 0  # the first token not yet read into a mention
    for k, (tok, _, _) in enumerate(toks):
        if k < i or not tok[0].isupper() or not tok[0].isalpha():
            continue  # only a capitalised word starts a name
        if _lone_stop(toks, k):
            continue  # "Russian", "The", "Putin": neither a name (`_match_at`) nor an unknown one (`_unknown_in_list`)
        person_end = _person_end(sentence, toks, k, role_cues, is_name)
        if person_end is not None:
            i = person_end
            continue  # "Nazarov stated", "Ivan Petrenko, the deputy police chief": a person, even one named like a village
        i = k
        found = _match_at(sentence, toks, i, is_name)
        if found is None:
            found = _unknown_in_list(sentence, toks, i, mentions, is_name)
        if found is None:
            continue
        found_mentions, next_i = found
        mentions.extend(found_mentions)
        i = next_i
    mentions = _plural_regions(sentence, mentions)
    if "front" in sentence or "contact" in sentence:
        mentions = _front_regions(sentence, mentions, is_name)
    if "ern " in sentence or "central " in sentence or "downtown " in sentence:
        mentions = _town_parts(sentence, mentions, is_name)
    if _has_plural_feature(_lower(sentence)):
        mentions = _plural_features(sentence, mentions)
    if "istrict" in sentence:
        mentions = _districts(sentence, mentions, is_name)
    if len(mentions) > 3 and "-" in sentence:
        mentions = _shared_border(sentence, mentions)
    mentions = _apply_context(sentence, mentions)
    return mentions


# "sources in Bakhmut reported": the words before a name that make it where a speaker is, not the speaker
SEEN_FROM = {"in", "near", "at", "from", "of", "around", "outside", "across", "throughout", "within", "inside"}


@lru_cache(maxsize=64)
def _role_cues(sentence: str) -> frozenset[int]:
    """Where a person's role in apposition starts, right after a capitalised word (see ROLE_CUE)."""
    return frozenset(m.start(1) for m in ROLE_CUE.finditer(sentence))


def _person_end(sentence: str, toks, k: int, role_cues: frozenset[int], is_name: NameTest) -> int | None:
    """The token after a person's name of one or two capitalised words starting at token k, if a role follows it, or a
    verb of saying follows it, the gazetteer does not know it and no "in", "near" ... comes before it ("sources in
    Bakhmut reported": where the speakers are, not who)."""
    said = k == 0 or toks[k - 1][0] not in SEEN_FROM
    for j in (k, k + 1):
        if j >= len(toks) or not toks[j][0][:1].isupper() or toks[j][0].lower() in STOP:
            return None
        end = toks[j][2]
        if end in role_cues or said and SPEAKER_AFTER.match(sentence, end) and not is_name(_clean(sentence[toks[k][1]:end])):
            return j + 1
    return None


PAIRS_GAP = re.compile(r"\s*,?\s*(?:and|or)\s+(?:the\s+)?")


def _shared_border(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """"the Kherson-Mykolaiv and Kherson-Dnipropetrovsk Oblast borders": two borders or lines of one oblast with two
    others name that oblast's edges, the one place the pairs share; not the two oblasts beyond them."""
    out = list(mentions)
    k = 0
    while k + 3 < len(out):
        a, b, c, d = out[k:k + 4]
        pairs = (a.bearing is not None and a.bearing == b.bearing and c.bearing is not None and c.bearing == d.bearing)
        if pairs and all(m.precision == "region" and m.role == "reference" for m in (a, b, c, d)) \
                and c.bearing.rsplit(" ", 1)[-1] in OBLAST_PAIR_LINES and PAIRS_GAP.fullmatch(sentence, b.end, c.start):
            shared = {a.name, b.name} & {c.name, d.name}
            if len(shared) == 1:
                keep = a if a.name in shared else b
                out[k:k + 4] = [replace(keep, bearing=f"{keep.name} {c.bearing.rsplit(' ', 1)[-1]}")]
        k += 1
    return out


# a part of a town named by a compass word before it: "assaults on eastern Mariupol", "fighting in central Soledar",
# "an assault on northern or northeastern Lysychansk" (the words are read back from the name)
TOWN_PART = re.compile(r"(?:\b(?:(?:north|south)?-?(?:east|west)ern|northern|southern|central|downtown)"
                       r"(?:\s*,?\s*(?:and|or|,)\s+|\s+))+$")


# "the eastern Inhulets riverbank", "the northern Kharkiv suburb of X", "the western Zaporizhia direction": not the town
NOT_TOWN_AFTER = re.compile(r"\s+(?:river|riverbank|bank|suburbs?|outskirts|" + "|".join(sorted(REFERENCE_AFTER)) + r")\b", re.I)


def _town_parts(sentence: str, mentions: list[Mention], is_name: NameTest) -> list[Mention]:
    """A town named with a compass word for its part ("on eastern Mariupol") is that town, the words read as part of
    its mention (the word before them, "on", then tells its role, as it does for "on Mariupol"). Not an oblast's
    namesake ("western Kherson", "northern Kharkiv" often mean the oblast's part), nor a region or feature."""
    out = []
    for m in mentions:
        part = TOWN_PART.search(sentence, max(0, m.start - 50), m.start) if m.precision == "settlement" else None
        if part is not None and not is_name(f"{m.name} Oblast") and not NOT_TOWN_AFTER.match(sentence, m.end):
            m = replace(m, text=sentence[part.start():m.end], start=part.start())
        out.append(m)
    return out


# "the Polohy (administrative) district", "Beryslavskyi and Khersonskyi districts": a raion; not "the Kyivskyi district of
# Kharkiv City" (a city's district)
ADMIN_DISTRICT = re.compile(r"\s+(?:administrative\s+)?[Dd]istrict(?P<plural>s)?\b(?!\s+of\b)")


def _districts(sentence: str, mentions: list[Mention], is_name: NameTest) -> list[Mention]:
    """"the Polohy administrative district" -> Polohy Raion; "the Melitopol and Polohy administrative districts" -> both;
    "the Beryslavskyi district" -> Beryslavskyi Raion (the gazetteer's Beryslav Raion)."""
    out = list(mentions)
    for k, m in enumerate(out):
        d = ADMIN_DISTRICT.match(sentence, m.end)
        if not d or m.precision != "settlement" or not is_name(f"{m.name} Raion"):
            continue
        out[k] = replace(m, text=sentence[m.start:d.end()], end=d.end(), name=f"{m.name} Raion", precision="region")
        j = k - 1
        while d.group("plural") and j >= 0 and out[j].precision == "settlement" \
                and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", sentence[out[j].end:out[j + 1].start]) and is_name(f"{out[j].name} Raion"):
            out[j] = replace(out[j], name=f"{out[j].name} Raion", precision="region")
            j -= 1
    return out


def _lone_stop(toks, i: int) -> bool:
    """Is token i a STOP word ("Russian", "The", "Putin"; not "Crimea") with no capitalised word after it?"""
    low = toks[i][0].lower().removesuffix("’s").removesuffix("'s")  # "Putin’s terms" as "Putin"
    if low not in STOP or low == "crimea":
        return False
    after = toks[i + 1][0] if i + 1 < len(toks) else ""
    return not (after[:1].isupper() and after[0].isalpha())


def _match_at(sentence: str, toks, i: int, is_name: NameTest) -> tuple[list[Mention], int] | None:
    """The longest place name starting at token i, extended by a suffix (Oblast, City, a feature noun)."""
    n = len(toks)
    run_end = i
    while run_end < n and toks[run_end][0][:1].isupper() and toks[run_end][0][0].isalpha() and run_end - i < 6:
        run_end += 1
    if run_end == i + 1 and _lone_stop(toks, i):
        return None  # "Russian", "The", "Putin" alone: the commonest capitalised words, never a place
    if any(toks[x][0].lower() in NOT_A_PLACE_RUN for x in range(i, run_end)):
        return [], run_end
    # a feature: capitalised words followed by a feature noun ("Antonivskyi Bridge", "Zaporizhzhia NPP")
    low_sentence = _lower(sentence)
    of_town = FEATURE_OF_TOWN.match(sentence, toks[i][1]) if _has_of_town(sentence) else None
    if of_town and of_town.group("noun").lower() in FEATURE_NOUNS:
        # "the Port of Mariupol", "the Refinery of Tuapse": the facility, placed at its town
        end = of_town.end()
        k = i
        while k < n and toks[k][1] < end:
            k += 1
        return [Mention(of_town.group(0), toks[i][1], end, of_town.group(0), precision="feature",
                        reference=of_town.group("town"))], k
    for j in range(run_end if _has_feature(low_sentence) else i, i, -1):
        span_end = toks[j - 1][2]
        fm = FEATURE_RE.match(low_sentence, span_end)
        if fm:
            noun = fm.group(1)
            words = [t[0] for t in toks[i:j]]
            if all(w.lower() in STOP for w in words):
                continue
            if " ".join(words).lower() == noun.split()[0]:
                continue
            end = span_end + 1 + len(noun)
            text = sentence[toks[i][1]:end]
            if noun in KIND_OF_BRIDGE:
                text = text[:-len(noun)] + "Bridge"  # "the Antonivsky road bridge" is GeoNames' "Antonivsky Bridge"
            town = FEATURE_TOWN.match(sentence, end)
            # the feature noun may be capitalised and counted in the run ("Power Plant"); skip past it
            k = j
            while k < n and toks[k][2] <= end:
                k += 1
            # "the Pidyommyy Bridge in Zatoka": the town is where the feature is when the gazetteer lacks it
            start = toks[i][1]
            if noun in ("river", "reservoir"):
                start = _bank_start(sentence, start)  # "the eastern bank of the Inhulets River": the bank, named so
            feature = Mention(sentence[start:end], start, end, text, precision="feature",
                              reference=town.group(1) if town else None)
            if sentence[end:end + 1] in ("-", "–") and k < n and toks[k][1] < end:
                pair = _feature_pair(sentence, toks, k, end, feature, is_name)
                if pair is not None:
                    return pair
            return [feature], k
    if run_end > i + 1 and any(toks[x][0].lower() in RIVER_RUN for x in range(i + 1, run_end)):
        return [], run_end  # "the Siverskyi Donets" without "River": the river, no village Siverskyi (a reference at most)
    if run_end < n and toks[run_end][0].lower() in ("oblasts", "oblast", "raions", "krais") and run_end > i:
        run_end += 1
    chain = _dash_chain(sentence, toks, i, run_end, is_name)
    if chain is not None:
        return chain
    pair = _hyphen_pair(sentence, toks, i, run_end, is_name)
    if pair is not None:
        return pair
    top = min(run_end, i + 5)
    all_low = [t[0].lower() for t in toks[i:top]]
    stops = 0  # how many of the words, from the first, are STOP words
    while stops < len(all_low) and all_low[stops] in STOP:
        stops += 1
    for j in range(top, i, -1):
        low = all_low[:j - i]
        if low[-1] in REGION_SUFFIX or low[-1] == "city":
            if j - i == 1:
                continue
            base = _clean(sentence[toks[i][1]:toks[j - 2][2]])
            if stops >= j - i - 1 and base.lower() != "crimea":
                continue
            start, end = toks[i][1], toks[j - 1][2]
            if low[-1] == "city":
                return [Mention(sentence[start:end], start, end, f"{base} City")], j
            suffix = REGION_SUFFIX[low[-1]]
            start = _bank_start(sentence, start)
            return [Mention(sentence[start:end], start, end, f"{base} {suffix}", precision="region")], j
        if stops >= j - i:
            continue
        if low[0] in STOP and j - i == 1:
            continue
        text = _clean(sentence[toks[i][1]:toks[j - 1][2]])
        if not text:
            continue
        if low == ["crimea"] or (len(low) == 3 and low[:2] == ["republic", "of"]):
            start = toks[i][1]
            prev = sentence[:start].rstrip().lower()
            if prev.endswith("occupied"):
                start = prev.rfind("occupied")
            return [Mention(sentence[start:toks[j - 1][2]], start, toks[j - 1][2], "Crimea", precision="region")], j
        if j - i == 2 and low[1] in NAME_ORDINALS and low[0] not in STOP and re.fullmatch(r"[A-Z][a-z’'ʼ-]+\s+[A-Z][a-z]+", text):
            # "Mykhailivka Druha" in a spelling the gazetteer lacks: the whole name, never "Mykhailivka" alone
            return [Mention(text, toks[i][1], toks[i][1] + len(text), text)], j
        if j - i == 1 and low[0] in NAME_PREFIXES and j < run_end and toks[j][0].lower() not in STOP:
            # "Stara Krasnyanka" in a spelling the gazetteer lacks: the whole name, never "Stara" alone
            k = j + 1 if j + 1 < run_end and toks[j + 1][0].lower() not in STOP and toks[j][0].lower() in NAME_PREFIXES else j + 1
            whole = _clean(sentence[toks[i][1]:toks[k - 1][2]])
            if k < n and toks[k][0].lower() in STREET_WORDS:
                return None  # "Persha Lisova Street": a street, not a village
            if re.fullmatch(r"[A-Z][a-z’'ʼ-]+(?:\s+[A-Z][a-z’'ʼ-]+)+", whole):
                return [Mention(whole, toks[i][1], toks[i][1] + len(whole), whole)], k
        if is_name(text):
            # a name ending in "'s" keeps its own end
            end = toks[i][1] + len(text)
            if j < len(toks) and toks[j][0].lower() in REGION_SUFFIX:
                continue
            return [Mention(text, toks[i][1], end, text)], j
        if j - i == 1 and ("-" in text or "–" in text):
            # "Zolote-Orikhiv", "Kostyantynivka–Druzhkivka": two places joined by a hyphen or a dash
            parts = re.split(r"[-–]", text)
            if len(parts) == 2 and all(p[:1].isupper() and is_name(p) for p in parts):
                # "the X-Y road", "the X-Y tactical area", "the Zolote-Orikhiv area": both places, as references
                a, b = parts
                s0 = toks[i][1]
                bearing = _pair_label(a, b, sentence[s0 + len(text):])
                return _oblast_pair([Mention(a, s0, s0 + len(a), a, role="reference", bearing=bearing),
                                     Mention(b, s0 + len(a) + 1, s0 + len(text), b, role="reference", bearing=bearing)],
                                    sentence[s0 + len(text):], is_name), j
    return None


def _dash_chain(sentence: str, toks, i: int, run_end: int, is_name: NameTest) -> tuple[list[Mention], int] | None:
    """"the Kostyantynivka-Chasiv Yar-Bakhmut highway": three or more places, multi-word ones included, joined
    by hyphens or dashes, named as references (a road or a line through them), never cut at a space."""
    longest = sentence[toks[i][1]:toks[min(run_end, i + 6) - 1][2]]
    if longest.count("-") + longest.count("–") < 2:
        return None  # three places need two dashes, and every shorter run is a prefix of this one
    for end in range(min(run_end, i + 6), i, -1):
        start, stop = toks[i][1], toks[end - 1][2]
        text = sentence[start:stop]
        bounds, at = [], start
        for m in DASH.finditer(text):
            bounds.append((at, start + m.start()))
            at = start + m.end()
        bounds.append((at, stop))
        if len(bounds) < 3:
            continue
        parts = [sentence[a:b] for a, b in bounds]
        if all(p[:1].isupper() and p == _clean(p) and is_name(p) for p in parts):
            m = PAIR_LABEL.match(sentence, stop)
            bearing = f"{'-'.join(parts)} {m.group(1).lower()}" if m else None
            return [Mention(p, a, b, p, role="reference", bearing=bearing) for p, (a, b) in zip(parts, bounds)], end
    return None


def _hyphen_pair(sentence: str, toks, i: int, run_end: int, is_name: NameTest) -> tuple[list[Mention], int] | None:
    """"the Nova Kakhovka-Beryslav area", "the Velyka Novosilka-Vuhledar line": two places, multi-word ones
    included, joined by a hyphen or dash inside a run of capitalised words, named as references."""
    run = sentence[toks[i][1]:toks[run_end - 1][2]] if run_end > i else ""
    if "-" not in run and "–" not in run:
        return None  # no word of the run holds a dash
    for k in range(i, run_end):
        tok = toks[k][0]
        if "-" not in tok and "–" not in tok:
            continue
        sep = DASH.search(tok.strip("-–"))
        if sep is None or (k == i and run_end - i == 1):
            continue
        left_word, right_word = tok[:sep.start() + (len(tok) - len(tok.lstrip("-–")))], tok[sep.end() + (len(tok) - len(tok.lstrip("-–"))):]
        if not right_word[:1].isupper():
            continue
        left = _clean(sentence[toks[i][1]:toks[k][1]] + left_word)
        for end in range(min(run_end, k + 3), k, -1):
            right = _clean(right_word + sentence[toks[k][2]:toks[end - 1][2]])
            if is_name(left) and is_name(right):
                s0 = toks[i][1]
                r0 = toks[k][1] + len(left_word) + 1
                bearing = _pair_label(left, right, sentence[toks[end - 1][2]:])
                return _oblast_pair([Mention(left, s0, s0 + len(left), left, role="reference", bearing=bearing),
                                     Mention(right, r0, r0 + len(right), right, role="reference", bearing=bearing)],
                                    sentence[toks[end - 1][2]:], is_name), end
        return None
    return None


def _feature_pair(sentence: str, toks, k: int, end: int, feature: Mention, is_name: NameTest) -> tuple[list[Mention], int] | None:
    """"the Oskil River-Kreminna line": a feature and a town joined by a dash (token k holds the dash at `end`), both
    named as references of a line or an area, as two towns are."""
    n = len(toks)
    for stop in range(min(n, k + 3), k, -1):
        if any(not toks[q][0][:1].isupper() for q in range(k + 1, stop)):
            continue
        right = _clean(sentence[end + 1:toks[stop - 1][2]])
        if right[:1].isupper() and is_name(right):
            bearing = _pair_label(feature.text, right, sentence[toks[stop - 1][2]:])
            return [replace(feature, role="reference", bearing=bearing),
                    Mention(right, end + 1, end + 1 + len(right), right, role="reference", bearing=bearing)], stop
    return None


def _oblast_pair(pair: list[Mention], after: str, is_name: NameTest) -> list[Mention]:
    """"the Kharkiv-Donetsk Oblast border", "the Kherson-Mykolaiv and Kherson-Dnipropetrovsk Oblast borders": the
    region word after a pair names both places as oblasts, not the first one's capital."""
    label = PAIR_LABEL.match(after)
    said = pair[1].name.endswith(" Oblast") or (label is not None and "oblast" in label.group(0).lower())
    # "along the Kherson-Mykolaiv frontline", "near the Kharkiv-Luhansk border": two oblasts' names joined before a
    # front or a border name the oblasts (their front or boundary), not two cities
    fronted = label is not None and label.group(1).lower() in OBLAST_PAIR_LINES and all(
        not m.name.endswith(" City") and is_name(m.name + " Oblast") for m in pair)
    if not (said or fronted):
        return pair
    out = []
    for m in pair:
        region = m.name if m.name.endswith(" Oblast") else m.name + " Oblast"
        out.append(replace(m, name=region, precision="region") if is_name(region) else m)
    return out


def _pair_label(a: str, b: str, after: str) -> str | None:
    """"the Zolote-Orikhiv area", "the Kherson-Mykolaiv and Kherson-Dnipropetrovsk Oblast borders": the word
    that says what the pair names (an area, a border, a direction), if one follows before the clause ends."""
    m = PAIR_LABEL.match(after)
    return f"{a}-{b} {m.group(1).lower()}" if m else None


def _unknown_in_list(sentence: str, toks, i: int, mentions: list[Mention], is_name: NameTest) -> tuple[list[Mention], int] | None:
    """A capitalised name the gazetteer does not know, standing where only a place can stand:
    in a list of places ("near Chepil, Dovehenke, and Kurulka"), right after "near" / "toward", or first in a
    list of known places after a locative word ("in Tymkivka, Ivanivka, and Tabaivka", "on Verkhnokamyanske and
    Spirne": the list's other places are read after it).
    It becomes a mention that the resolver will leave unresolved, listed for review."""
    start = toks[i][1]
    # "Chkalove (29km northwest of Beryslav), Starystya (...)": a bracketed bearing between list items is skipped
    gap = sentence[mentions[-1].end:start] if mentions else ""
    if "(" in gap or ")" in gap:
        gap = PAREN_GAP.sub("", gap)
    in_list = bool(mentions) and mentions[-1].role == "target" and len(gap) < 8 and LIST_GAP.fullmatch(gap + " ") is not None
    strong, shaped = in_list, False
    if not in_list:
        prev = _prev_word(sentence, start)
        strong = prev in STRONG_LOCATIVE or prev in EVENT_LOCATIVE or (
            prev in ("on", "against", "of", "near", "in") and EVENT_OBJECT.search(sentence[max(0, start - 40):start]) is not None)
        if not strong and (prev in EVENT_PLACE_VERBS or prev in ("on", "against", "of", "near", "in")
                           and EVENT_PLACE_NOUNS.search(sentence[max(0, start - 40):start]) is not None):
            strong = shaped = True
        if not strong and prev not in LOCATIVE:
            return None
    j = i
    while j < len(toks) and j - i < 3 and toks[j][0][:1].isupper() and toks[j][0][0].isalpha():
        if toks[j][0].lower() in STOP:
            break
        j += 1
    if j == i:
        return None
    if not strong and not _known_place_listed_after(sentence, toks, j, is_name) and not _misspelt_place(is_name, toks, i, j):
        return None
    if j < len(toks) and toks[j][0].lower() in REGION_SUFFIX or toks[j - 1][0].lower() in REGION_SUFFIX:
        return None
    text = _clean(sentence[start:toks[j - 1][2]])
    if len(text) < 3 or not re.fullmatch(r"[A-Z][a-z’'ʼ]+(?:[ -][A-Z][a-z’'ʼ]+)*", text):
        return None  # "Ukrainian-liberated", "Russian-held": an adjective, not a name
    if shaped and (not VILLAGE_SHAPE.fullmatch(text.split()[-1]) or j < len(toks) and toks[j][0].lower() in STREET_WORDS):
        return None  # "Syrian civilians", "offensive operations in Donbas", "positions on Fedora Maksymenka street"
    if any(part.lower() in STOP for part in re.split(r"[ -]", text)):
        return None
    return [Mention(text, start, start + len(text), text)], j


# The endings of the region's village and town names ("Osokorkivka", "Potyomkyne", "Huliapole", "Severdonetsk", "Khrystalnyi"):
# a word so shaped after a locative word may be a misspelt place; "Sergey", "Petro", "Germany", "Serbia" are not
AIM_PREPOSITIONS = SEEN_FROM | STRONG_LOCATIVE | {"of", "on", "to", "into", "the"}  # after "to", not a verb
# the words before "to" that make the verb after it the deed done or tried, not an aim ("attempted to attack X")
TRIED = {"attempted", "attempting", "attempt", "attempts", "tried", "trying", "try", "failed", "fail", "sought", "seeking",
         "effort", "efforts", "continued", "continue", "continues", "continuing", "managed", "began", "started", "resumed"}
MISSPELT_SHAPE = re.compile(r"[A-Z][a-z’'ʼ]{3,}(?:ka|ve|ne|ke|ska|ino|ovo|evo|sk|pole|ets|yi|ychi|ivtsi)")


def _misspelt_place(is_name: NameTest, toks, i: int, j: int) -> bool:
    """Is the one word at token i (up to j) shaped as a village's name and spelled all but as a Ukrainian settlement's
    ("in Osokorkivka", "of Tavilizhanka")? Asked of the gazetteer behind `is_name` (`Gazetteer.is_near_name`, a fuzzy
    search) only for such a word after a locative word; a plain name test (a set, in tests) has none and says no."""
    if j != i + 1 or not MISSPELT_SHAPE.fullmatch(toks[i][0]) or j < len(toks) and toks[j][0].lower() in STREET_WORDS:
        return False  # "in Henichensk district": a raion that says where the place is
    if i >= 2 and toks[i - 2][0].lower() == "to" and toks[i - 1][0].lower() not in AIM_PREPOSITIONS \
            and (i < 3 or toks[i - 3][0].lower() not in TRIED):
        return False  # "assaults near X to reach Konstantinivka": an aim; not "attempted to attack Verkhnokamyanske"
    near = getattr(getattr(is_name, "__self__", None), "is_near_name", None)
    return near is not None and near(toks[i][0])


# the gap to the next item of a list: ", ", " and ", ", and ", " or "
NEXT_ITEM = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)")


def _known_place_listed_after(sentence: str, toks, j: int, is_name: NameTest) -> bool:
    """Does a place name the gazetteer knows follow token j as the next item of a list ("X, Ivanivka", "X and Spirne")?"""
    if j >= len(toks) or toks[j][0] not in (",", "and", "or"):
        return False
    k = j + 1 + (toks[j][0] == "," and j + 1 < len(toks) and toks[j + 1][0] in ("and", "or"))
    if k >= len(toks) or not toks[k][0][:1].isupper() or not NEXT_ITEM.fullmatch(sentence, toks[j - 1][2], toks[k][1]):
        return False
    words = [toks[k][0]]
    if k + 1 < len(toks) and toks[k + 1][0][:1].isupper():
        words.append(toks[k + 1][0])  # "Myrna Dolyna"
    return any(is_name(_clean(" ".join(words[:n]))) for n in range(len(words), 0, -1)
               if words[0].lower() not in STOP)


PLURAL_FEATURE_WORD = re.compile(r"(?:river|reservoir|bridge|island)s\b")
# "the Inhulets and Dnipro Rivers", "the Antonivsky and Kakhovka bridges": a list of names, then the feature noun they share
PLURAL_FEATURE = re.compile(r"(?<![\w’'-])(?P<names>(?:[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+or\s+))+"
                            r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+(?P<noun>[Rr]ivers|[Rr]eservoirs|[Bb]ridges|[Ii]slands)\b")
PLURAL_FEATURE_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s+or\s+")


@lru_cache(maxsize=64)
def _has_plural_feature(low_sentence: str) -> bool:
    return PLURAL_FEATURE_WORD.search(low_sentence) is not None


def _plural_features(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """"the Inhulets and Dnipro Rivers" -> Inhulets River, Dnipro River (not the village of Inhulets and the city of
    Dnipro); "the Antonivsky and Kakhovka bridges" -> Antonivsky Bridge, Kakhovka Bridge."""
    out = list(mentions)
    for fm in PLURAL_FEATURE.finditer(sentence):
        noun = fm.group("noun")[:-1].capitalize()
        at, items = fm.start("names"), []
        for part in PLURAL_FEATURE_GAP.split(fm.group("names")):
            at = sentence.index(part, at)
            items.append((part, at, at + len(part)))
            at += len(part)
        if any(part.split()[0].lower() in STOP for part, _, _ in items):
            return mentions  # "Russian and Ukrainian bridges": sides, not names
        out = [m for m in out if m.end <= fm.start("names") or m.start >= fm.end()]
        end = fm.end()
        for n, (part, a, b) in enumerate(items):
            stop = end if n == len(items) - 1 else b
            out.append(Mention(f"{part} {noun}", a, stop, f"{part} {noun}", precision="feature"))  # named as one alone
    out.sort(key=lambda m: m.start)
    return out


def _bank_start(sentence: str, start: int) -> int:
    head = sentence[:start]
    m = BANK.search(head) if "bank" in head.lower() else None
    return m.start() if m else start


def _plural_regions(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """Plural regions: "in Sumy and Kursk oblasts" -> Sumy Oblast, Kursk Oblast."""
    result: list[Mention] = []
    for m in mentions:
        if m.precision == "region" and PLURAL_REGION.search(m.text):
            # earlier plain names joined to this one by "and" / "," become regions of the same kind
            suffix = m.name.split()[-1]
            j = len(result) - 1
            while j >= 0:
                prev = result[j]
                gap = sentence[prev.end:(result[j + 1].start if j + 1 < len(result) else m.start)]
                if prev.precision == "settlement" and LIST_GAP.fullmatch(gap):
                    result[j] = replace(prev, name=f"{prev.name} {suffix}", precision="region")
                    j -= 1
                    continue
                break
            base = m.text[: m.text.lower().rfind(suffix.lower())].strip()
            m = replace(m, text=f"{base} {suffix}" if base else m.text)
        result.append(m)
    return result


# "along the entire frontline in Donetsk and Luhansk", "the line of contact in Zaporizhia": a front runs through oblasts
FRONT_IN = re.compile(r"\b(?:front\s*lines?|line\s+of\s+contact|contact\s+line)\s+(?:in|across|throughout)\s+(?:the\s+)?$", re.I)


def _front_regions(sentence: str, mentions: list[Mention], is_name: NameTest) -> list[Mention]:
    """Bare oblast names after "the frontline in" are the oblasts, not their capitals: "shelling along the frontline in
    Donetsk and Luhansk" -> Donetsk Oblast, Luhansk Oblast (a front line does not run through Luhansk City)."""
    result = list(mentions)
    for k, m in enumerate(result):
        if m.precision != "settlement" or not FRONT_IN.search(sentence, max(0, m.start - 40), m.start):
            continue
        j = k
        while j < len(result) and result[j].precision == "settlement" and result[j].text == result[j].name \
                and (j == k or LIST_GAP.fullmatch(sentence, result[j - 1].end, result[j].start)) \
                and is_name(f"{result[j].name} Oblast"):
            result[j] = replace(result[j], name=f"{result[j].name} Oblast", precision="region")
            j += 1
    return result


# a plural label after a list of towns, and the label each town gets: "the Kupyansk and Lyman directions"
PLURAL_LABEL = {"directions": "direction", "axes": "axis", "areas": "area", "sectors": "sector", "lines": "line"}
NAME_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)")


# between the last town of a list and the oblast that says where the towns lie: " in ", " (bracket) in northern "
REGION_OF_LIST = re.compile(r"(?:\s*\([^)]*\))?\s*,?\s+in\s+(?:occupied\s+|(?:north|south|east|west)(?:ern|-?\w+ern)?\s+)?")


def _locative_before(sentence: str, before: str) -> bool:
    """Is the word before "the", "itself" or "both" (or "both the") a locative one ("toward both X and Y")?"""
    pos = before.rstrip().rfind(" ") + 1
    word = _prev_word(sentence, pos)
    if word in ("both", "the"):
        pos = sentence.rfind(word, 0, pos)
        word = _prev_word(sentence, pos)
    return word in LOCATIVE


def _prev_word(sentence: str, pos: int) -> str:
    end = pos
    while end > 0 and sentence[end - 1].isspace():
        end -= 1
    if end == 0:
        return ""
    if not sentence[end - 1].isalnum():
        return sentence[end - 1]
    start = end
    while start > 0 and end - start < 40 and (sentence[start - 1].isalnum() or sentence[start - 1] in "_’'-"):
        start -= 1
    return sentence[start:end].lower()


def _apply_context(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """Keep mentions that stand where places stand; mark references; attach bearings."""
    kept: list[Mention] = []
    inline: tuple[str, str, float | None] | None = None  # current "north of X" for the places that follow
    for idx, m in enumerate(mentions):
        before = sentence[:m.start]
        after = sentence[m.end:]
        prev = _prev_word(sentence, m.start)
        after_words = LETTERS.findall(after[:40].lower())
        # an inline bearing ending right before this mention: "north of Sumy City" (it ends in "of " or "from ")
        tail = before[-60:]
        ib = INLINE_BEARING.search(tail) if tail[-1:].isspace() and tail.rstrip()[-4:].lower().endswith(("of", "from", "the")) \
            and _may_name_direction(tail) else None
        if ib and ib.group(0).rstrip().lower().endswith(" the") and after[:1] in ("-", "–"):
            ib = None  # "south of the Kherson-Dnipropetrovsk Oblast border": the bearing is the border's, not the town's
        if HOME_WORD.search(before[-60:]) and (home := HOME_BEFORE.search(before[-100:])) \
                and (home.group(0).startswith(("based", "headquartered", "garrisoned"))
                     or not OUT_OF.search(before[:len(before) - len(home.group(0))][-80:])):
            kept.append(replace(m, role="anchor"))  # "(based in Ulan Ude, Buryatia)": a unit's home
            continue
        in_paren = before.rfind("(") > before.rfind(")")
        dist = DISTANCE_OF.search(before[-50:]) if not ib and ("km" in before[-50:] or "kilomet" in before[-50:]) else None
        if dist and (not in_paren or _paren_at(sentence, m.start) is None):
            # "Ochakiv (less than 10km from the Kinburn Spit)": a distance in a bracket with no bearing is one too
            km = stated_km(dist.group("km"), dist.group("unit"))
            kept.append(replace(m, role="reference", bearing=f"within {km:g} km of {m.name}"))
            lead = before[: len(before) - len(dist.group(0))]
            apposition = APPOSITION_LEAD.search(lead)
            if apposition and m.precision == "settlement" and len(kept) > 1 and kept[-2].role == "target" \
                    and kept[-2].reference is None and not sentence[kept[-2].end:apposition.start()].strip():
                # "Bilohorivka, approximately 13 km from Rubizhne": a distance with no bearing said of the place before
                kept[-2] = replace(kept[-2], reference=m.name, distance_km=km)
            continue
        if ib and not in_paren:
            km = stated_km(ib.group("km"), ib.group("unit"))
            inline = (direction_of(ib.group("dir")), m.name, km)
            lead = before[: len(before) - len(ib.group(0))] if ib.group(0) else before
            members = _pair_members(sentence, kept, len(lead))
            if members:
                # "the Klynove-Vershyna line, about 10 km southeast of Bakhmut": the town locates the pair, not acted on
                kept.append(replace(m, role="anchor"))
                for k in _located_members(kept, members):
                    kept[k] = replace(kept[k], bearing=inline[0], reference=m.name, distance_km=km)
                inline = None
                continue
            kept.append(replace(m, role="reference", bearing=f"{inline[0]} of {m.name}"))
            targets = [k for k in range(len(kept) - 1) if kept[k].role == "target"]
            spread = _respective(sentence, kept, targets, m) if RESPECTIVELY.match(after) else None
            if spread:
                # "Pisky and Opytne, 40 and 50 km southwest of Donetsk City, respectively": one bearing each
                for k, (d, d_km) in spread:
                    kept[k] = replace(kept[k], bearing=d, reference=m.name, distance_km=d_km)
                kept[-1] = replace(m, role="anchor")
                inline = None
                continue
            # "Bohorodychne, about 30 km southeast of Izyum": the bearing belongs to the place before
            group = APPOSITION_LEAD.search(lead)
            if group and targets and (km is not None or group.group("q") or group.group("noun")
                                       or lead.rstrip().endswith((",", "—", "–"))):
                count = len(targets) if group.group("q") == "all" else 2 if group.group("q") == "both" else 1
                if group.group("q") == "all":
                    # "A (5km north of X), B, and C, all about 10km south of X": "all" ends where a place's own bearing does
                    ends = targets[1:] + [len(kept) - 1]
                    own = [i for i, k in enumerate(targets) if any(x.role in ("anchor", "reference") for x in kept[k + 1:ends[i]])]
                    count = len(targets) - (own[-1] + 1 if own else 0)
                for k in targets[-count:] if count else ():
                    kept[k] = replace(kept[k], bearing=inline[0], reference=m.name, distance_km=km)
                inline = None
            elif targets and targets[-1] == len(kept) - 2 and kept[-2].precision == "settlement" \
                    and kept[-2].bearing is None and (not sentence[kept[-2].end:len(lead)].strip()
                                                      or ASIDE.fullmatch(sentence, kept[-2].end, len(lead))):
                # "liberated Kyselivka northwest of Kherson City": the bearing right after a village is its own, also
                # past an aside in brackets ("Blahodatne (which the Russian MoD calls Komsomolske) 45km east of X")
                kept[-2] = replace(kept[-2], bearing=inline[0], reference=m.name, distance_km=km)
                kept[-1] = replace(m, role="anchor")
                inline = None
            continue
        if in_paren:
            # inside "(south of Orikhiv)": handled as a reference by the parenthesis rule below
            pm = _paren_at(sentence, m.start)
            if pm is None and ib:
                kept.append(replace(m, role="anchor"))  # "(X is on the border 50 km southeast of Sumy City)": a bearing
                continue
            near = PAREN_NEAR.search(before[-40:]) if pm is None else None
            if near:
                # "a bridge in Yakymivka (near Melitopol)": the town says where the places before lie, it is not acted on
                targets = [k for k in range(len(kept)) if kept[k].role == "target" and kept[k].precision == "settlement"
                           and kept[k].reference is None]
                count = len(targets) if near.group("q") == "all" else 2 if near.group("q") == "both" else 1
                for k in targets[-count:] if kept and m.precision == "settlement" else ():
                    kept[k] = replace(kept[k], reference=m.name)
                kept.append(replace(m, role="anchor"))
                continue
            if pm is not None:
                kept.append(replace(m, role="anchor"))
                qual, d, km = pm
                if sentence.rfind("(", 0, m.start) < (kept[-2].start if len(kept) > 1 else 0):
                    continue  # a second place inside the same parenthesis
                targets = [k for k in range(len(kept) - 1) if kept[k].role != "anchor" and kept[k].end <= m.start]
                members = _pair_members(sentence, kept[:-1], sentence.rfind("(", 0, m.start) + 1)
                if members and not qual:
                    # "the Nova Kakhovka-Beryslav area (60 km east of Kherson City)": the bearing is both places'
                    targets = _located_members(kept, members)
                if targets:
                    count = len(targets) if qual in ("all",) or members else 2 if qual == "both" else 1
                    for k in targets[-count:]:
                        kept[k] = replace(kept[k], bearing=d, reference=m.name, distance_km=km)
                continue
        if m.role == "reference" and m.bearing:
            kept.append(m)
            continue
        if m.precision == "feature" and m.name.lower().endswith(("river", "reservoir", "delta")):
            kept.append(replace(m, role="reference"))
            continue
        if after_words[:1] and after_words[0] in PLURAL_LABEL and sentence[m.start - 1:m.start] not in ("-", "–"):
            # "in the Kupyansk and Lyman directions", "on the Izyum and Severodonetsk axes": every town of the list
            # is named only by its direction or area, not the first ones as places acted on
            label, k, start = PLURAL_LABEL[after_words[0]], len(kept), m.start
            while k > 0 and kept[k - 1].precision == "settlement" and kept[k - 1].role != "anchor" \
                    and NAME_LIST_GAP.fullmatch(sentence, kept[k - 1].end, start):
                k -= 1
                kept[k] = replace(kept[k], role="reference", bearing=f"{kept[k].name} {label}", reference=None,
                                  distance_km=None)
                start = kept[k].start
            kept.append(replace(m, role="reference", bearing=f"{m.name} {label}"))
            continue
        if "of" in after_words[1:4] and QUALIFIER_OF.match(after):
            kept.append(replace(m, role="anchor"))  # "the Kyiv suburb of Irpin", "the Donetsk Oblast town of X": says where X is
            continue
        if after_words[:1] and after_words[0] in REFERENCE_AFTER or after_words[:2] == ["tactical", "area"]:
            kept.append(replace(m, role="reference", bearing=f"{m.name} {after_words[0]}"))
            continue
        if "across" in before[-80:] and ACROSS_FROM.search(before[-80:]):
            kept.append(replace(m, role="reference", bearing=f"across from {m.name}"))
            continue
        if ROAD_WORD.search(before[-90:]) and ROAD_TO.search(before[-90:]):
            kept.append(replace(m, role="reference", bearing=f"{m.name} road"))  # "the E40 highway to Slovyansk": a road's end
            continue
        if "direction" in before[-160:] and DIRECTION_OF.search(before[-160:]) and not OWN_BEARING.match(after):
            if m.precision == "region" and kept and kept[-1].precision != "region" and kept[-1].bearing == f"direction of {kept[-1].name}" \
                    and REGION_OF_LIST.fullmatch(sentence, kept[-1].end, m.start):
                kept.append(replace(m, role="anchor"))  # "in the direction of A and B in northern X Oblast": where they are
                continue
            kept.append(replace(m, role="reference", bearing=f"direction of {m.name}"))
            continue
        if m.precision == "region" and REGION_TITLE.match(after):
            continue  # "Zaporizhia Oblast occupation administration head": a title, not a place of action
        last_target = next((k for k in reversed(kept) if k.role == "target"), None)
        if m.precision == "region" and last_target is not None and last_target.precision != "region" and re.fullmatch(
                r"(?:\s*\([^)]*\))?\s*,?\s+in\s+(?:occupied\s+|(?:north|south|east|west)(?:ern|-?\w+ern)?\s+)?",
                sentence[last_target.end:m.start]):
            kept.append(replace(m, role="anchor"))  # "Masyutivka and Krokhmalne in Kharkiv Oblast": where they are
            continue
        if m.precision == "region" and kept and _unit_located(sentence, kept[-1], m):
            kept.append(replace(m, role="anchor"))  # "Bashtanka Raion in Mykolaiv Oblast", "X and Y hromadas in Z Oblast"
            continue
        if m.precision == "region" and last_target is not None and last_target.precision != "region" and re.fullmatch(
                r"(?:\s*\([^)]*\))?(?:\s+(?:in|near|at)\s+(?:occupied\s+)?[A-Z][\w’'-]+(?:[\s-][A-Z][\w’'-]+)*)?\s*,\s*",
                sentence[last_target.end:m.start]):
            kept.append(replace(m, role="anchor"))  # "the ... Refinery in Slavyansk-on-Kuban, Krasnodar Krai"
            continue
        if m.precision == "region" and in_paren:
            kept.append(replace(m, role="anchor"))  # "Kozacha Lopan (northern Kharkiv Oblast)": a qualifier
            continue
        if m.precision == "region" and kept and _locates(sentence, kept[-1], m):
            kept.append(replace(m, role="anchor"))  # "Ochakiv, southern Mykolaiv Oblast", "Skadovsk Raion, Kherson Oblast"
            continue
        if m.precision == "region" and kept and kept[-1].role == "reference" and (kept[-1].bearing or "").startswith(("within ", "across "))\
                and REGION_OF_PLACE.fullmatch(sentence, kept[-1].end, m.start):
            kept.append(replace(m, role="anchor"))  # "10km from the Kinburn Spit in Kherson Oblast": where the reference is
            continue
        if m.precision == "region" and kept and kept[-1].role == "target" and kept[-1].precision != "region" and re.fullmatch(r",\s*", sentence[kept[-1].end:m.start]):
            kept.append(replace(m, role="anchor"))  # "Murakhivka, Mykolaiv Oblast": the oblast qualifies the place
            continue
        if prev == "the" and after_words[:1] and after_words[0] in ("direction", "axis"):
            kept.append(replace(m, role="reference"))
            continue
        if last_target is not None and m.role == "target" and m.precision == "settlement" \
                and last_target.precision == "settlement" and last_target.reference is None \
                and (side := OUTSKIRTS_OF.fullmatch(sentence, last_target.end, m.start)):
            # "Vodiane on the northwestern outskirts of Donetsk City": the city locates the village, it is not acted on
            kept.append(replace(m, role="anchor"))
            bearing = side.group("dir").lower().removesuffix("ern") if side.group("dir") else None
            kept[kept.index(last_target)] = replace(last_target, reference=m.name, bearing=bearing)
            continue
        if last_target is not None and m.role == "target" and APPOSITION.fullmatch(sentence, last_target.end, m.start):
            kept.append(replace(m, role="anchor"))  # "Voevodivka, a suburb of Severodonetsk": says where the place before is
            k = kept.index(last_target)
            if m.precision == "settlement" and last_target.reference is None:
                kept[k] = replace(last_target, reference=m.name)
            continue
        if last_target is not None and m.role == "target" and LIST_REMARK.fullmatch(sentence, last_target.end, m.start):
            kept.append(replace(m, role="anchor"))
            if m.precision == "settlement":  # the listed places lie near the town the remark names
                quantifier = QUANTIFIER.search(sentence, last_target.end)
                targets = [k for k in range(len(kept) - 1) if kept[k].role == "target"]
                for k in targets[-2:] if quantifier and quantifier.group(1) == "both" else targets:
                    if kept[k].reference is None:
                        kept[k] = replace(kept[k], reference=m.name)
            continue
        if prev in ("-", "–") and kept and kept[-1].end == m.start - 1 and kept[-1].role != "anchor":
            # "the Mykolaivka-Spirne line", "in the directions of Pasika-Bohorodychne": the second of a pair stands
            # where the first does
            first = kept[-1]
            bearing = f"direction of {m.name}" if (first.bearing or "").startswith("direction of ") else first.bearing
            kept.append(replace(m, role=first.role, bearing=bearing, reference=first.reference, distance_km=first.distance_km))
            continue
        ok = (
            m.precision in ("region", "feature")
            or prev in LOCATIVE
            or prev.endswith(HELD_BY)  # "near Ukrainian-liberated Vysokopillya", "in Russian-controlled Tokmak"
            or prev in LIST_JOINERS and kept and kept[-1].end >= m.start - 12
            or prev in LIST_JOINERS and last_target is not None and LIST_AFTER_ASIDE.fullmatch(sentence, kept[-1].end, m.start)
            or prev == ";" and last_target is not None and SEMICOLON_LIST.fullmatch(sentence[kept[-1].end:m.start]) is not None
            or (prev in ("the", "itself", "both") and _locative_before(sentence, before))
            or ITSELF_OR_PAREN.match(after) is not None
            or prev == "for" and FIGHT_FOR.search(before[-30:]) is not None
        )
        if prev == "of" and BODY_OF.search(before[-40:]):
            ok = False
        if "People" in m.name and prev not in ("in", "into", "across", "throughout", "near", "within"):
            ok = False  # "the 5th Brigade of the Donetsk People's Republic": a body, not the place acted on
        if not ok:
            continue
        if BODY_AFTER.match(after) or FOREIGN_AFTER.match(after):
            continue  # "Brest, Belarus": a place outside the map's countries
        if inline is not None and m.role == "target" and m.bearing is None and m.precision != "region":
            gap = sentence[kept[-1].end if kept else 0:m.start]
            if ";" in gap:
                inline = None
            elif _second_reference(kept, inline, gap):
                pass  # "west of Verkhnokamyanka and Bilohorivka": the bearing is of both towns, it does not place the second
            else:
                m = replace(m, bearing=inline[0], reference=inline[1], distance_km=inline[2])
        if m.reference is not None and m.distance_km is None and m.precision == "settlement" and after[:3].lstrip().startswith("("):
            # "north of Bakhmut near Yahidne (4km north) and Bilohorivka (20km northeast)": the bracket gives each place's own
            # distance and direction from the town the clause names
            own = PAREN_OWN_DISTANCE.match(after)
            if own is not None:
                m = replace(m, bearing=direction_of(own.group("dir")), distance_km=stated_km(own.group("km"), own.group("unit")))
        if prev in ("around", "surrounding") and m.role == "target" and m.bearing is None and m.precision == "settlement" \
                and not AROUND_LIST.match(after):
            m = replace(m, role="reference", bearing=f"around {m.name}")  # "attacks around Bakhmut": an area, a topic
        kept.append(m)
    return kept


# the joint between the town a bearing is given from and a second town right after it: "west of A and B", "of A or B"
REFERENCE_JOINT = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+")


def _second_reference(kept: list[Mention], inline: tuple[str, str, float | None], gap: str) -> bool:
    """Is the place after `gap` a second town of the inline bearing ("attacks west of Verkhnokamyanka and Bilohorivka
    toward X"), joined straight to the town the bearing is given from? The bearing is of both; it says nothing of where
    the second lies from the first (not "north of Sumy City near Oleksiivka and Kindrativka", where a locative comes
    between)."""
    last = kept[-1] if kept else None
    return last is not None and last.role == "reference" and last.name == inline[1] \
        and REFERENCE_JOINT.fullmatch(gap) is not None


# what stands between a place named with its unit and the region that holds it: " hromadas in ", " Raion in the ",
# " area of ", " Hromada, "
UNIT_IN_REGION = re.compile(r"(?P<unit>\s+(?:[Hh]romadas?|[Rr]aions?|[Dd]istricts?|areas?))?(?:\s*\([^)]*\))?"
                            r"(?:\s*,\s*|\s+(?:in|of)\s+(?:the\s+)?)")


def _unit_located(sentence: str, prev: Mention, region: Mention) -> bool:
    """Does `region` only say where the raion, hromada or area just before it lies? "Bashtanka Raion in Mykolaiv
    Oblast", "Berezhuvate and Shyroke hromadas in Mykolaiv Oblast", "the Nikopol area of Dnipropetrovsk Oblast", "the
    Inhulka and Shevchenko hromadas of Bashtanka Raion". Not
    "Bakhmut in Donetsk Oblast" (read elsewhere) nor a list of regions ("Kherson Raion and Mykolaiv Oblast")."""
    gap = UNIT_IN_REGION.fullmatch(sentence, prev.end, region.start)
    if gap is None:
        return False
    unit = (gap.group("unit") or "").strip().lower()
    if SUB_REGION.search(region.name):  # "the A and B hromadas of Bashtanka Raion": a raion holds hromadas
        return unit.startswith("hromada") and prev.precision == "settlement" and prev.role == "target"
    if prev.precision == "region":
        return prev.role == "target" and SUB_REGION.search(prev.name) is not None and "," not in gap.group(0)
    if prev.precision != "settlement" or not unit:
        return False
    if prev.role == "reference":  # "the Nikopol area of", "the Kherson and Beryslav areas of"
        return unit.startswith("area") and (prev.bearing or "").endswith((" area", " areas"))
    return prev.role == "target" and not unit.startswith("area")


# what may stand between a place and the region that says where it is: ", southern", "(...),", " in the", " of the"
LOCATOR_GAP = re.compile(r"(?:\s*\([^)]*\))?\s*,\s*(?:(?:(?:north|south)-?)?(?:east|west)ern\s+|northern\s+|southern\s+|central\s+)?"
                         r"|\s+(?:in|of)\s+the\s+|\s+of\s+")
SUB_REGION = re.compile(r"(?:Raion|[Dd]istrict|Hromada)$")
BEARING_FROM = re.compile(rf"{DIR_RE}\s+of\s+")


def _locates(sentence: str, prev: Mention, region: Mention) -> bool:
    """Does `region` only say where the place just before it lies? "Ochakiv, southern Mykolaiv Oblast", "Marhanets in
    the Nikopol Raion", "Skadovsk Raion, Kherson Oblast", "the Nikopol Raion of Dnipropetrovsk Oblast", "south of
    Tavriiske, Zaporizhia Oblast". Not a list of regions ("Kherson, Zaporizhia, and Mykolaiv oblasts")."""
    gap = LOCATOR_GAP.fullmatch(sentence, prev.end, region.start)
    if gap is None:
        return False
    comma = "," in gap.group(0)
    if SUB_REGION.search(region.name):  # a raion says where a town is: "Novopskov, Starobilsk Raion"
        return prev.precision == "settlement" and prev.role == "target" and (comma or " in the " in gap.group(0))
    if prev.precision == "region":  # an oblast says where a raion is
        return SUB_REGION.search(prev.name) is not None and prev.role in ("target", "anchor")
    if not comma:
        return False
    if prev.role == "target" or prev.role == "anchor" and prev.precision == "settlement":
        return True  # "Charivne south of Tavriiske, Zaporizhia Oblast": the oblast of the town that locates the place
    return prev.role == "reference" and prev.precision == "settlement" and BEARING_FROM.match(prev.bearing or "") is not None


# the label after a pair or chain of places, up to a bearing of its own: "the X-Y line, about 10 km southeast of ", "the X-Y area ("
PAIR_TAIL = re.compile(r"\s+(?:tactical\s+)?(?:lines?|areas?|directions?|axis|sector|front|frontline)\s*[,(]?\s*")


def _pair_members(sentence: str, kept: list[Mention], upto: int) -> list[int]:
    """The indices of the places of a pair or chain ("the Klynove-Vershyna line") whose label ends at `upto`, or []."""
    last = kept[-1] if kept else None
    if last is None or last.role != "reference" or not last.bearing or last.reference is not None or "-" not in last.bearing \
            or not PAIR_TAIL.fullmatch(sentence, last.end, upto):
        return []
    return [k for k, x in enumerate(kept) if x.role == "reference" and x.bearing == last.bearing and x.reference is None]


def _located_members(kept: list[Mention], members: list[int]) -> list[int]:
    """The members of a pair a bearing after it locates: the villages of a line or an area, not a facility (its
    reference would be the town it stands in) nor the ends of a direction, which stays a direction."""
    if not members or kept[members[-1]].bearing.endswith((" direction", " directions", " axis")):
        return []
    return [k for k in members if kept[k].precision == "settlement"]


RESPECTIVELY = re.compile(r"\s*,?\s*respectively\b")
# the bearings of a list, one a place: "approximately 40 and 50 km southwest of", "southeast and northeast of",
# "19 km west and 18 km northwest of" (read up to the reference town)
RESPECTIVE_LEAD = re.compile(r"\s*[,—–-]?\s*(?:(?:about|roughly|approximately|some|just)\s+)?(?P<items>.+?)\s+(?:of|from)\s+(?:the\s+)?")
RESPECTIVE_ITEM = re.compile(rf"(?:(?P<km>\d+(?:\.\d+)?)\s*(?:km|kilometers|kilometres)?\s*)?(?P<dir>{DIR_RE})?", re.I)
RESPECTIVE_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _respective(sentence: str, kept: list[Mention], targets: list[int], ref: Mention) -> list[tuple[int, tuple[str, float | None]]]:
    """"Pisky and Opytne, 40 and 50 km southwest of Donetsk City, respectively", "Vershyna and Pokrovske, southeast and
    northeast of Bakhmut, respectively": the list's places, each with its own (direction, km), or [] when the
    bearings do not pair off with the places listed right before them. A direction or a distance left out is the
    next one stated (or the last: "12km west and northwest of")."""
    if len(targets) < 2 or targets[-1] != len(kept) - 2:
        return []
    lead = RESPECTIVE_LEAD.fullmatch(sentence, kept[-2].end, ref.start)
    if lead is None:
        return []
    items = []
    for part in RESPECTIVE_GAP.split(lead.group("items")):
        item = RESPECTIVE_ITEM.fullmatch(part)
        if item is None or not part:
            return []
        items.append([(item.group("dir") or "").lower().removesuffix("ern") or None, float(item.group("km")) if item.group("km") else None])
    listed = targets[-len(items):]
    if len(items) < 2 or len(listed) < len(items) or not all(d for d, _ in items[-1:]):
        return []
    for k, k_next in zip(listed, listed[1:]):
        if not RESPECTIVE_GAP.fullmatch(sentence, kept[k].end, kept[k_next].start):
            return []  # not one list: "A near X and B, 5 and 10 km ..."
    for field in (0, 1):
        for n in range(len(items) - 2, -1, -1):
            items[n][field] = items[n][field] if items[n][field] is not None else items[n + 1][field]
        for n in range(1, len(items)):
            items[n][field] = items[n][field] if items[n][field] is not None else items[n - 1][field]
    return [(k, (d, d_km)) for k, (d, d_km) in zip(listed, items)]


def _may_name_direction(text: str) -> bool:
    """Can `DIR_RE` match in `text` (case-insensitively, as the bearing patterns do)? A cheap test before them;
    "ſ" is the one letter that case-insensitive matching reads as a letter of a direction and `lower` does not."""
    low = text.lower()
    return "north" in low or "south" in low or "east" in low or "west" in low or "ſ" in text


def _paren_at(sentence: str, pos: int) -> tuple[str, str, float | None] | None:
    """If pos is inside a "(both south of X)" bearing, return (qualifier, direction, km)."""
    open_ = sentence.rfind("(", 0, pos)
    m = PAREN_BEARING.match(sentence, open_)
    if not m or m.end() < pos:
        return None
    km = stated_km(m.group("km"), m.group("unit"))
    return (m.group("qual") or "").lower(), direction_of(m.group("dir")), km
