"""`lexicon.quick_start`: a look-ahead for the first characters speeds a search up and changes no match."""

from __future__ import annotations

import re

from geo.extract import claims, lexicon


def test_first_chars_of_literals_classes_and_optional_parts():
    assert lexicon.first_chars(r"(?<!\w)(?:attack|strike)s?\b") == "as"
    assert lexicon.first_chars(r"\b(?:pro-)?Russian") == "Rp"
    assert lexicon.first_chars(r"[A-C]x|y") == "ABCy"


def test_first_chars_none_when_any_character_may_begin():
    assert lexicon.first_chars(r"\w+ed") is None
    assert lexicon.first_chars(r"a?") is None  # matches empty
    assert lexicon.first_chars(r"(?i:a)b") is None
    assert lexicon.first_chars(r"[^,]x") is None


def test_quick_start_keeps_every_match():
    sentences = [
        "Russian forces attacked near Bilohorivka and advanced toward Spirne, and Ukrainian forces repelled them.",
        "pro-Russian milbloggers claimed that Wagner Group fighters captured positions (the DNR's 1st Corps) nearby.",
        "Ukrainian drone operators struck a Russian ammunition depot; Kyiv launched strikes on the bridge.",
    ]
    for pattern, text_of in ((claims.ACTOR, str), (claims.TRIGGER, str.lower)):
        ahead = re.search(r"\(\?=\[[^\]]*\]\)", pattern.pattern).group()  # the look-ahead quick_start added
        plain = re.compile(pattern.pattern.replace(ahead, "", 1))
        assert plain.pattern != pattern.pattern
        for s in sentences:
            text = text_of(s)
            assert [(m.span(), m.groupdict()) for m in plain.finditer(text)] == \
                [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def test_folded_twin_finds_the_same_positions():
    pattern = re.compile(r"\b(?:as\s+ISW\s+(?:has\s+)?reported|claims\s+of)\b", re.I)
    folded = lexicon.Folded(pattern)
    assert folded.twin is not None and not folded.twin.flags & re.I
    for text in ("AS ISW HAS REPORTED, forces Claims Of gains", "as isw reported", "ſomething else", "Claims of x"):
        assert [m.span() for m in folded.finditer(text)] == [m.span() for m in pattern.finditer(text)]
        got, want = folded.search(text), pattern.search(text)
        assert (got and got.span()) == (want and want.span())


def test_folded_keeps_the_pattern_when_lowering_would_change_it():
    assert lexicon.Folded(re.compile(r"\S+ISW", re.I)).twin is None  # \S is not \s
    assert lexicon.Folded(re.compile(r"(?P<Who>MoD)", re.I)).twin is None


def test_first_starts_of_literals_and_none_for_short_or_spaced_matches():
    assert lexicon.first_starts(r"(?:attack|strike)s?\b", 3) == {"att", "str"}
    assert lexicon.first_starts(r"sh(?:ell|ot)", 3) == {"she", "sho"}
    assert lexicon.first_starts(r"ab", 3) is None  # a match two characters long
    assert lexicon.first_starts(r"a\s+b", 3) is None  # white space among the first three
    assert lexicon.first_starts(r"x(?:y|z)+", 3) is None  # "xy" matches


def test_word_start_test_is_a_boundary_before_word_characters():
    # (?<!\w) before a look-ahead for letters is \b there: the same matches, at the start, middle and end of words
    for source in (r"(?<!\w)(?:ab|bc)", r"(?<!\w)(?:ab|b_c|9a)\w*"):
        pattern = re.compile(source)
        led = lexicon.quick_start(pattern)
        assert led.pattern.startswith(r"\b(?=[")
        for text in ("ab bc abc cab b_c xb_c 9ab a9ab", "ab", "-ab-", "_ab", "ab_bc", "éab ab’s"):
            assert [m.span() for m in led.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert lexicon.quick_start(re.compile(r"(?<!\w)(?:ab|-c)")).pattern.startswith(r"(?<!\w)")  # "-" is no word character


def test_start_tree_keeps_every_trigger_match():
    # TRIGGER is led by a second look-ahead, for its first three characters: taking both off changes no match
    lookaheads = re.match(r"(?:\(\?<!\\w\)|\\b)(\(\?=\[[^\]]*\]\)\(\?=.*?\))\(\?:\(\?P<repel>", claims.TRIGGER.pattern)
    assert lookaheads is not None
    plain = re.compile(claims.TRIGGER.pattern.replace(lookaheads.group(1), "", 1))
    for s in ("Russian troops shelled the outskirts of Vuhledar and then attacked toward the station on Tuesday.",
              "The governor said that Ukrainian units struck a depot, repelled assaults and retook the hill.",
              "Both sides fought for the bridge; the attackers withdrew after the failed assault near the dam."):
        text = s.lower()
        assert [(m.span(), m.groupdict()) for m in plain.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in claims.TRIGGER.finditer(text)]
        assert any(True for _ in claims.TRIGGER.finditer(text))
