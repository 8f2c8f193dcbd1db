"""geo.read.regex_twin.Twin: a pattern run in ASCII mode on ASCII text finds exactly what the pattern finds."""

import re

import pytest

import geo.extract.claims as claims
import geo.extract.lexicon as lexicon
import geo.extract.mentions as mentions
import geo.places.lines as lines
import geo.places.names as names
import geo.places.resolver as resolver
import geo.read.sentences as sentences
from geo.read.regex_twin import Twin, ascii_twin

TEXTS = [
    "Enemy troops shelled the outskirts of Novotroitske and tried to advance west of Khrestivka on Monday, but failed.",
    "The regional governor said that drones hit a fuel depot near Pavlivka; officials (citing the army) denied it.",
    "Ukrainian forces repelled assaults within 12 km of Sosnivka, Lypove, and Kamianka in Poltava Oblast [14]",
    "Brigade commander Ivan Sydorenko stated on 3 May that infantry advanced 2.5 kilometers along the H-20 road.",
    "Milbloggers claimed that Russian troops captured Stepove, while others reported counterattacks north of it.",
    "in the past two weeks, artillery and glide bombs struck Zarichne and the Oskil River bank since last_summer.",
    "",
    "a_b\tc\nd\x0be\x0cf\rg",
]
# the separators \x1c-\x1f, which only Unicode's \s reads as white space
TEXTS += [t.replace(" ", "\x1c", 3).replace(",", ",\x1f") for t in TEXTS] + ["\x1c\x1d\x1e\x1f", "a\x1db"]


def _found(pattern, text):
    return [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)], pattern.sub("#", text), \
        pattern.split(text), [m and m.span() for m in (pattern.match(text), pattern.search(text, 1), pattern.fullmatch(text))]


def _twins():
    for mod in (claims, mentions, resolver, names, lines, sentences):
        for name, value in vars(mod).items():
            if isinstance(value, Twin):
                yield f"{mod.__name__}.{name}", value
            elif isinstance(value, lexicon.Folded) and isinstance(value.twin, Twin):
                yield f"{mod.__name__}.{name}~", value.twin


def test_the_modules_twins_find_what_their_patterns_find():
    twins = list(_twins())
    assert len(twins) > 20
    for name, twin in twins:
        assert twin.ascii is not twin.regex, name  # an ASCII twin was made
        for text in TEXTS:
            words = text.lower() if name.endswith("~") else text
            assert _found(twin.ascii, words) == _found(twin.regex, words), (name, text)


@pytest.mark.parametrize("source, flags", [
    (r"\s+and\s+(?:the\s+)?\w+", 0),
    (r"[\s,;]+|\S+", 0),
    (r"[^\s\]]+", 0),
    (r"[]\s]x|\\s|[\\]\s", 0),
    (r"\bWest\s+of\s+[A-Z][\w’'-]+", re.I),
    (r"(?i:north)\W+\d{1,3}\s*km\b", 0),
])
def test_twin_keeps_unicode_white_space(source, flags):
    pattern = re.compile(source, flags)
    twin = ascii_twin(pattern)
    assert twin is not None and twin.flags & re.ASCII
    for text in TEXTS + ["x\\s", "]\x1cx", "West of Kup’iansk", "north\x1e 12\x1fkm"]:
        if text.isascii():
            assert _found(twin, text) == _found(pattern, text), (source, text)


def test_no_twin_where_ascii_mode_would_read_differently():
    assert ascii_twin(re.compile(r"[^\S,]+")) is None  # a \S inside a class
    assert ascii_twin(re.compile(r"ſtrike", re.I)) is None  # long s folds to "s" under Unicode rules only
    assert ascii_twin(re.compile(r"(?i:[à-ž]+)")) is None  # a case-insensitive range beyond ASCII
    assert ascii_twin(re.compile(r"\w+", re.VERBOSE)) is None
    assert ascii_twin(re.compile(r"[’'“”]\w+", re.I)) is not None  # quotes fold to nothing in ASCII


def test_twin_reads_non_ascii_text_with_the_pattern_itself():
    twin = Twin(re.compile(r"\b\w+sk\b"))
    assert [m.group() for m in twin.finditer("Pokrovsk and Київsk")] == ["Pokrovsk", "Київsk"]
    assert twin.pattern == r"\b\w+sk\b" and twin.flags == re.compile(r"x").flags
    assert twin.sub("-", "Lysychansk Kupiansk") == "- -" and twin.split("a Irpinsk b") == ["a ", " b"]
