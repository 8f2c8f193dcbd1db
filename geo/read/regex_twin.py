"""A compiled pattern paired with its ASCII-mode twin, which the regex engine runs faster on ASCII text.

On a text of ASCII characters the two read every construct alike: \\w, \\d, \\b and case folding agree on ASCII
characters, and the one difference, Unicode's \\s also taking the separators \\x1c-\\x1f, is written into the twin
("[\\s\\x1c-\\x1f]"). So `Twin(p).search(text)` finds what `p.search(text)` finds, for any text. The twin saves the
engine's Unicode character tests (a word boundary, a class, a case-insensitive letter): 10-30% of a search for
most patterns, up to five times for some (`claims.CLAUSE_SPLIT`, `claims.CAPTIVES`); three in four sentences of
the reports are ASCII (the rest hold a curly quote). A pattern the twin cannot copy exactly (one whose
case-insensitive part names a letter beyond ASCII) keeps no twin and runs as before.
"""

from __future__ import annotations

import re
import sys
from re import _constants, _parser

_ASCII = [chr(i) for i in range(128)]


def _with_unicode_spaces(source: str) -> str | None:
    """`source` with each \\s made to take \\x1c-\\x1f as well and each \\S to refuse them (as Unicode \\s, \\S do);
    None for a \\S inside a class, which no class can say."""
    out: list[str] = []
    i, n, in_class, class_start = 0, len(source), False, False
    while i < n:
        c = source[i]
        if c == "\\" and i + 1 < n:
            esc = source[i:i + 2]
            if esc == r"\s":
                out.append(r"\s\x1c-\x1f" if in_class else r"[\s\x1c-\x1f]")
            elif esc == r"\S":
                if in_class:
                    return None
                out.append(r"[^\s\x1c-\x1f]")
            else:
                out.append(esc)
            i += 2
            class_start = False
            continue
        if in_class:
            if c == "]" and not class_start:
                in_class = False
            class_start = False
        elif c == "[":
            in_class, class_start = True, True
            out.append(c)
            i += 1
            if source[i:i + 1] == "^":
                out.append("^")
                i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _code_points(items, found: set[int]) -> bool:
    """Collect the literal code points of a parsed pattern into `found`; False when a range reaches past ASCII."""
    c = _constants
    for op, av in items:
        if op in (c.LITERAL, c.NOT_LITERAL):
            found.add(av)
        elif op is c.RANGE:
            if av[1] >= 128:
                return False
        elif op is c.IN:
            if not _code_points(av, found):
                return False
        elif op is c.BRANCH:
            if not all(_code_points(alt.data, found) for alt in av[1]):
                return False
        elif op is c.SUBPATTERN:
            if not _code_points(av[3].data, found):
                return False
        elif op in (c.ASSERT, c.ASSERT_NOT):
            if not _code_points(av[1].data, found):
                return False
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            if not _code_points(av[2].data, found):
                return False
        elif op is c.ATOMIC_GROUP:
            if not _code_points(av.data, found):
                return False
        elif op is c.GROUPREF_EXISTS:
            if not _code_points(av[1].data, found) or av[2] is not None and not _code_points(av[2].data, found):
                return False
    return True


def ascii_twin(pattern: re.Pattern) -> re.Pattern | None:
    """The pattern in ASCII mode, matching as `pattern` does on ASCII text; None when it cannot."""
    source, flags = pattern.pattern, pattern.flags
    if not isinstance(source, str) or flags & re.VERBOSE or "(?x" in source or "(?u" in source or "(?a" in source:
        return None
    if flags & re.IGNORECASE or "(?i" in source:
        # a letter beyond ASCII that folds to an ASCII one ("ſ" to s, the Kelvin sign to k) must keep Unicode rules
        found: set[int] = set()
        if not _code_points(_parser.parse(source, flags & ~re.IGNORECASE).data, found):
            return None
        for cp in found:
            if cp >= 128 and any(re.fullmatch(re.escape(chr(cp)), a, re.IGNORECASE) for a in _ASCII):
                return None
    copied = _with_unicode_spaces(source)
    if copied is None:
        return None
    return re.compile(copied, (flags & ~re.UNICODE) | re.ASCII)


class Twin:
    """`pattern`'s methods, run by its ASCII twin on ASCII text (`str.isascii` is a flag test) and by the pattern
    itself on other text; other attributes (`.pattern`, `.flags`, `.groupindex`) are the pattern's."""

    __slots__ = ("regex", "ascii")

    def __init__(self, pattern: re.Pattern):
        self.regex = pattern
        self.ascii = ascii_twin(pattern) or pattern

    def __getattr__(self, name: str):
        return getattr(self.regex, name)

    def __repr__(self) -> str:
        return f"Twin({self.regex!r})"

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return (self.ascii if string.isascii() else self.regex).search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return (self.ascii if string.isascii() else self.regex).match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return (self.ascii if string.isascii() else self.regex).fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        return (self.ascii if string.isascii() else self.regex).finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list:
        return (self.ascii if string.isascii() else self.regex).findall(string, pos, endpos)

    def split(self, string: str, maxsplit: int = 0) -> list[str]:
        return (self.ascii if string.isascii() else self.regex).split(string, maxsplit)

    def sub(self, repl, string: str, count: int = 0) -> str:
        return (self.ascii if string.isascii() else self.regex).sub(repl, string, count)
