"""Keys under which a place name is indexed and looked up.

Two levels, both pure functions of the text:

- `normalize(name)`: the *exact* key. Case, diacritics on Latin letters, apostrophes and soft-sign
  marks (’ ' ʼ ` ´), hyphens, dashes and other punctuation are dropped or folded to one space.
  "Kupyansk-Vuzlovyi", "kupyansk vuzlovyi" and "Kup'yansk-Vuzlovyi" share one key. Cyrillic
  stays Cyrillic (lower case, "ё" kept apart from "е").
- `variant_key(name)`: the *variant* key, looser: the romanisation habits that make one
  Ukrainian name come out in several English spellings collapse to one form. "y" and "j" read
  as "i" and runs of "i" shrink to one, so ia/ya/iia/iya, ii/iyi/yi/i and "y" vs "i" agree
  (Avdiivka = Avdiyivka, Starytsya = Starytsia, Maly = Mali, Vojevodivka = Voievodivka); spaces
  go, so "Kleban Byk" = "Klebanbyk".

Ordinal and descriptive words are never dropped: "Velyka Novosilka" and "Novosilka",
"Novoselivka Persha" and "Novoselivka" keep different keys.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from geo.read.regex_twin import Twin

APOSTROPHES = "'’ʼ`´‘ʹʻ′"
_DROP = str.maketrans("", "", APOSTROPHES + "ьъЬЪ\u0301")  # soft/hard signs are apostrophes in Latin
_LATIN_LIMIT = 0x0250  # code points below are Latin (with diacritics); above: Greek, Cyrillic, ...
_PUNCT = Twin(re.compile(r"[^\w]+|_"))
_SPACES = re.compile(r"\s+")
_LATIN = re.compile(r"[a-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_DOUBLE = re.compile(r"(\w)\1+")
# Letters that NFKD does not decompose into a base letter plus a mark.
_SPECIAL = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h"})


def _strip_latin_marks(text: str) -> str:
    out: list[str] = []
    base_is_latin = False
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if base_is_latin:
                continue  # é -> e, ž -> z, ï -> i
            out.append(ch)  # й, ї, ё keep their marks
        else:
            base_is_latin = ord(ch) < _LATIN_LIMIT
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def normalize(name: str) -> str:
    """The exact key: lower case, Latin diacritics and apostrophes gone, punctuation as one space."""
    text = name.translate(_DROP).lower()
    if not text.isascii():
        text = _strip_latin_marks(text).translate(_SPECIAL)
    text = _PUNCT.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def variant_key(key: str) -> str:
    """The variant key of an exact key (`normalize` first).

    y/j -> i, runs of i -> i, doubled letters and "zhzh" -> one (Zaporizhzhia = Zaporizhia,
    Dobropillia = Dobropilia), no spaces.
    """
    text = key.replace(" ", "").replace("y", "i").replace("j", "i").replace("zhzh", "zh")
    return _DOUBLE.sub(_first_letter, text)


def _first_letter(m: re.Match) -> str:
    """The letter a run repeats: a function, not a group-reference template, which Python 3.11 expands in
    Python for every match, several times slower."""
    return m.group(1)


def keys(name: str) -> tuple[str, str]:
    """(exact key, variant key) of a raw name."""
    k = normalize(name)
    return k, variant_key(k)


def is_latin(key: str) -> bool:
    return bool(_LATIN.search(key)) and not _CYRILLIC.search(key)


def is_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def useful_name(name: str) -> bool:
    """Is an alternate name worth indexing? Latin or Cyrillic letters, not a code or a URL."""
    if not name or len(name) > 80 or "http" in name or "www." in name:
        return False
    if name.isupper() and name.isascii() and len(name) <= 4:
        return False  # airport and other codes among GeoNames' alternate names: "DOK" (Donetsk), "KEJ"
    key = normalize(name)
    if len(key) < 2:
        return False
    return bool(_LATIN.search(key) or _CYRILLIC.search(key))


# ISW's ways of writing a city name with a qualifier that is not part of the GeoNames name.
CITY_SUFFIXES = (" city",)
LEADING_WORDS = ("the ",)


def city_stem(key: str) -> str | None:
    """'donetsk city' -> 'donetsk'; None when the key has no such qualifier."""
    for suffix in CITY_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            return key[: -len(suffix)]
    return None


def strip_leading(key: str) -> str:
    for word in LEADING_WORDS:
        if key.startswith(word) and len(key) > len(word) + 1:
            return key[len(word):]
    return key


# Abbreviations ISW writes for features GeoNames spells out.
ABBREVIATIONS = {"npp": "nuclear power plant", "tpp": "thermal power plant", "hpp": "hydroelectric power plant",
                 "chp": "combined heat and power plant"}


def expand_abbreviations(key: str) -> str | None:
    """'zaporizhzhia npp' -> 'zaporizhzhia nuclear power plant'; None when nothing to expand."""
    words = key.split()
    if not any(w in ABBREVIATIONS for w in words):
        return None
    return " ".join(ABBREVIATIONS.get(w, w) for w in words)


# -- other shapes of one name ------------------------------------------------------------------
#
# The same village is written with its ordinal or descriptive word in another language, gender or place
# ("Novoselivka Persha", "Persha Novoselivka", "Novoselovka Pervaya", "Novoselivka 1"; "Velyka Novosilka",
# "Velikaya Novoselka", "Bolshaya ..."), with the Russian ending of a Ukrainian neuter name ("Chkalove",
# "Chkalovo"; "Pervomaiske", "Pervomayskoye"), or as an English phrase around the gazetteer's name ("the left
# bank of the Oskil River", "Melitopol administrative district", "Slavyansk-on-Kuban" for
# "Slavyansk-na-Kubani"). `name_forms` gives the exact keys of those other shapes.

_ORDINALS = (
    ("persha", "pershe", "pershyi", "pershyy", "pershiy", "pervaya", "pervoye", "pervoe", "pervyy", "pervyi", "pervy", "1"),
    ("druha", "druhe", "druhyi", "druhyy", "druhiy", "vtoraya", "vtoroye", "vtoroe", "vtoroy", "vtoroi", "2", "ii"),
    ("tretia", "tretya", "tretie", "tretye", "tretii", "tretiy", "tretiya", "tretyi", "tretye", "3", "iii"),
)
_DESCRIPTIVE = (
    ("velyka", "velyke", "velykyi", "velykyy", "velykiy", "velyky", "velykij", "velikaya", "velikoye", "velikoe", "velikiy",
     "veliky", "velikii", "bolshaya", "bolshoye", "bolshoe", "bolshoy", "bolshoi"),
    ("mala", "male", "malyi", "malyy", "maly", "malij", "malaya", "maloye", "maloe", "malyj", "malii"),
    ("nova", "nove", "novyi", "novyy", "novy", "novij", "novaya", "novoye", "novoe", "novii"),
    ("stara", "stare", "staryi", "staryy", "stary", "starij", "staraya", "staroye", "staroe", "starii"),
)
_WORD_FAMILY = {w: fam for group in (_ORDINALS, _DESCRIPTIVE) for fam in group for w in fam}
_ORDINAL_WORDS = {w for fam in _ORDINALS for w in fam}
# Ukrainian neuter adjectival endings and their Russian forms: -ove/-ovo, -eve/-evo, -ske/-skoye, -ne/-noye
_ENDINGS = (("ove", ("ovo", "ovoye", "ovoe")), ("eve", ("evo", "evoye", "evoe")), ("ske", ("skoye", "skoe")),
            ("tske", ("tskoye", "tskoe")), ("ne", ("noye", "noe")))
_AROUND = re.compile(
    r"^(?:the\s+)?(?:(?:left|right|east|west|north|south|eastern|western|northern|southern)\s+)+(?:bank|shore|outskirts|part|side)s?\s+of\s+(?:the\s+)?(.+)$")
_DISTRICT = Twin(re.compile(r"^(.+?)\s+(?:administrative\s+)?(?:district|rayon|raion|region)$"))
_COMMUNITY = re.compile(r"^(.+?)\s+(?:territorial\s+)?(?:community|hromada|municipality)$")
ON_RIVER = re.compile(r"^(.+?) on (\w+)$")


def is_qualifier_word(word: str) -> bool:
    """Is `word` an ordinal or descriptive word of a place name ("Nova", "Velykyi", "Persha"), never a name alone?"""
    return normalize(word) in _WORD_FAMILY


def name_forms(key: str) -> tuple[str, ...]:
    """Exact keys of other shapes of the name `key` (an exact key): ordinal and descriptive words in their other
    languages, genders and places; the gazetteer's name inside
    an English phrase ("left bank of the X River" -> "x river", "X administrative district" -> "x raion").
    "X-on-Y" town forms are matched by the gazetteer, which knows the inflected river names."""
    out: dict[str, None] = {}
    words = key.split()
    if len(words) >= 2:
        for i in (0, len(words) - 1):
            fam = _WORD_FAMILY.get(words[i])
            if fam is None:
                continue
            rest = words[1:] if i == 0 else words[:-1]
            for w in fam:
                out[" ".join([w, *rest])] = None
                if fam[0] in _ORDINAL_WORDS or w in _ORDINAL_WORDS:
                    out[" ".join([*rest, w])] = None  # "persha novoselivka" = "novoselivka persha"
    m = _AROUND.match(key)
    if m:
        out[m.group(1)] = None
    m = _DISTRICT.match(key)
    if m and m.group(1) not in ("the",):
        out[m.group(1) + " raion"] = None
        out[m.group(1) + " district"] = None
    m = _COMMUNITY.match(key)
    if m:
        out[m.group(1) + " hromada"] = None
    out.pop(key, None)
    return tuple(out)


def ending_forms(key: str) -> tuple[str, ...]:
    """Exact keys of `key` with its last word's neuter ending in the other language: Ukrainian -ove, -eve, -ske,
    -ne and Russian -ovo/-ovoye, -evo/-evoye, -skoye, -noye ("chkalove" -> "chkalovo"). Looser than
    `name_forms` (an ending also matches unrelated alternate names), so the gazetteer tries these only for a
    name it finds under no other key."""
    words = key.split()
    if not words:
        return ()
    last, out = words[-1], []
    for ukr, rus in _ENDINGS:
        if last.endswith(ukr) and len(last) > len(ukr) + 2:
            out.extend(" ".join([*words[:-1], last[: -len(ukr)] + r]) for r in rus)
            break
        got = next((r for r in rus if last.endswith(r) and len(last) > len(r) + 2), None)
        if got:
            out.append(" ".join([*words[:-1], last[: -len(got)] + ukr]))
            break
    return tuple(out)


# Romanisation habits that give a Ukrainian name a spelling of its own, not a variant key's: "sch" for the "shch" of
# "щ" ("Khreschenivka", "Schastia"), "h" for the "kh" of "х" ("Orihove", "Verhniy Tokmak"), the adjectival ending typed
# "-kse" ("Novoselivkse") or cut to "-sk" ("Teterivsk"), the Russian "-ino" of a Ukrainian "-yne" / "-ine" name and
# back ("Metolkino", "Potemkyne" for GeoNames' "Potemkino"). Not "-ivka" for
# "-ovka": GeoNames holds many villages' Russian "-ovka" under one namesake only, and the form would hide the others
# ("Belohorivka" -> the "Belogorovka" of one of the two Bilohorivkas).
_SCH = re.compile(r"(?<!s)sch")
_SPELLING_ENDINGS = (("kse", ("ske",)), ("yne", ("ino",)), ("ine", ("ino",)), ("ino", ("yne", "ine")))


def spelling_forms(key: str) -> tuple[str, ...]:
    """Exact keys of `key` (an exact key) in the other romanisation of "щ" and "х", with its last word's ending in the
    other shape (`_SPELLING_ENDINGS`) or an "-sk" made "-ske"; for a name the gazetteer finds under no other key."""
    words = key.split()
    if not words or len(words) > 3:
        return ()  # a place name has at most three words; longer runs are English ("indicate that the Russians")
    out: dict[str, None] = {}
    if "sch" in key:
        out[_SCH.sub("shch", key)] = None
    last = words[-1]
    for end, others in _SPELLING_ENDINGS:
        if last.endswith(end) and len(last) > len(end) + 2:
            for shape in (key, *out):
                head = shape[: len(shape) - len(end)]
                for other in others:
                    out[head + other] = None
            break
    for shape in [key, *out]:
        out.update(dict.fromkeys(_kh_forms(shape)))
    if last.endswith("sk") and len(last) > 5:
        out[key + "e"] = None
    out.pop(key, None)
    return tuple(out)


_BARE_H = re.compile(r"(?<![kzcsgtwp])h")  # not the h of kh, zh, ch, sh, nor English th, wh, ph
_KH_SWAPS = 2  # at most this many h's of a name are tried as kh (3 shapes)


def _kh_forms(key: str) -> list[str]:
    """`key` with one or two of its first bare h's written kh."""
    at = [m.start() for m in _BARE_H.finditer(key)][:_KH_SWAPS]
    out = []
    for n in range(1, len(at) + 1):
        for chosen in itertools.combinations(at, n):
            chars = list(key)
            for i in chosen:
                chars[i] = "kh"
            out.append("".join(chars))
    return out


_VOWEL = re.compile(r"^(.{2,})(ov|iv)(|ka|ne|sk|ske)$")


def vowel_forms(key: str) -> tuple[str, ...]:
    """Exact keys of `key` with the o / i of its last word's closing "-ov-" / "-iv-" syllable swapped: Russian keeps
    the o that Ukrainian turns to i there, and ISW mixes them ("Dibrovne" for GeoNames' "Dibrivne", "Novoselovka"
    for "Novoselivka"). Looser still than `ending_forms`: only for a caller whose every candidate is ruled out."""
    words = key.split()
    m = _VOWEL.match(words[-1]) if words else None
    if m is None:
        return ()
    stem, syllable, end = m.groups()
    return (" ".join([*words[:-1], stem + ("iv" if syllable == "ov" else "ov") + end]),)


# Ukrainian endings and their Russian forms for `russian_forms`: -ia/-ya (Trypillia, Tripolye), and the neuter ones
_RUSSIAN_ENDINGS = (("ia", ("ye", "iye", "ie")), ("ya", ("ye", "iye")), *_ENDINGS)
_STEM_VOWELS = ("i", "e", "o")
_STEM_SWAPS = 3  # at most this many i's of a word are tried as e or o (3 ** 3 shapes)


def russian_forms(key: str) -> tuple[str, ...]:
    """Exact keys of `key` (an exact key) written the Russian way: the last word's Ukrainian i as the e or o
    Russian keeps there ("svitlychne" -> "svetlichnoye", "trypillia" -> "tripolye", "bilohorivka" ->
    "belogorovka"), h as g, and the Russian ending. GeoNames knows some front-line villages only by their Russian
    name; looser than `vowel_forms`, so only for a caller whose candidates the text has ruled out."""
    words = key.split()
    last = words[-1] if words else ""
    if len(last) < 5 or not last.isalpha():
        return ()
    shapes = [last]
    for ukr, rus in _RUSSIAN_ENDINGS:
        if last.endswith(ukr) and len(last) > len(ukr) + 2:
            shapes.extend(last[: -len(ukr)] + r for r in rus)
            break
    out: dict[str, None] = {}
    for word in shapes:
        stem = len(word) - 3  # the ending keeps its vowels
        at = [i for i in range(1, stem) if word[i] == "i"][:_STEM_SWAPS]
        for vowels in itertools.product(_STEM_VOWELS, repeat=len(at)):
            chars = list(word)
            for i, v in zip(at, vowels):
                chars[i] = v
            shape = "".join(chars)
            for form in (shape, _H_AS_G.sub("g", shape)):
                out[" ".join([*words[:-1], form])] = None
    out.pop(key, None)
    return tuple(out)


_H_AS_G = re.compile(r"(?<![kzcs])h")  # Ukrainian h is Russian g; kh, zh, ch, sh stay


def letters_swapped(a: str, b: str) -> bool:
    """Are two keys the same but for two neighbouring letters swapped ("lytpsi" for "lyptsi"), the commonest typo?"""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
