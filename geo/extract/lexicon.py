"""The event vocabulary: which words report an advance, an attack, a strike or a repelled attack.

Words are listed by lemma ("repulse", "strike", "battle"); every inflection of a verb ("repulsed",
"struck", "striking") and the plural of a noun ("battles", "strikes") comes from `lemminflect`'s
tables, which ship inside the package (no download). The alternations compiled here are matched
against lower-cased sentences by `claims.py`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _constants, _parser

from lemminflect import getAllInflections

from geo.read.regex_twin import Twin


@lru_cache(maxsize=None)
def inflections(lemma: str, pos: str = "VERB") -> frozenset[str]:
    """Every form of a lemma (the lemma itself included): "strike" -> struck, strikes, striking, ..."""
    words = lemma.split()
    head, rest = words[0], words[1:]
    forms = {head} | {f for fs in getAllInflections(head, upos=pos).values() for f in fs}
    if pos == "NOUN" and len(forms) == 1 and not head.endswith(("s", "ing")):
        forms.add(head + "s")  # a noun the tables lack ("airstrike"): the regular plural
    forms = {f for f in forms if "-" not in f or "-" in head}  # lemminflect's "re-took" spellings: not ISW's
    return frozenset(" ".join([f, *rest]) for f in forms)


def forms(*lemmas: str, pos: str = "VERB") -> frozenset[str]:
    out: set[str] = set()
    for lemma in lemmas:
        out |= inflections(lemma, pos)
    return frozenset(out)


def past(*lemmas: str) -> frozenset[str]:
    """The past tense and participle forms only ("repel" -> repelled): a done deed, not an aim."""
    out: set[str] = set()
    for lemma in lemmas:
        head, *rest = lemma.split()
        table = getAllInflections(head, upos="VERB")
        out |= {" ".join([f, *rest]) for tag in ("VBD", "VBN") for f in table.get(tag, ()) if "-" not in f}
    return frozenset(out)


def alternation(words) -> str:
    """A regex alternation of the words as a prefix tree ("attack(?:ed|s)?|..."), which the regex engine
    walks far faster than a flat list; longer words win, spaces match any run of white space."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _pattern(trie)


def _pattern(node: dict) -> str:
    ends = "" in node
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body


# Ground gained. "take/regain/gain/establish control (of)", "make gains", "gain ground" are built below.
ADVANCE_VERBS = ("advance", "capture", "seize", "recapture", "retake", "liberate", "enter", "reach", "clear",
                 "break through", "regain", "penetrate")
CONTROL_VERBS = ("take", "regain", "gain", "establish", "assume", "seize", "restore", "reestablish", "re-establish")
# Ground assaults with no gain stated.
ATTACK_VERBS = ("attack", "assault", "storm", "counterattack", "fight", "clash", "battle", "encircle", "surround", "infiltrate",
                "raid")
ATTACK_NOUNS = ("attack", "assault", "counterattack", "counteroffensive", "offensive", "clash", "battle",
                "infiltration", "fighting", "reconnaissance-in-force", "ground operation", "offensive operation",
                "offensive action", "assault operation", "combat engagement", "engagement", "firefight", "raid")
# Ground gained by driving the other side out ("expelled Russian troops from X"); claims.py asks for the side named after it.
EXPEL = forms("expel", "oust", "dislodge")
# Pressing an attack in a direction ("attempted to push toward X", "pushing west of Y"); claims.py reads the direction.
PUSH = forms("push")
# Strikes on a place (missile, drone, air, artillery, sabotage).
STRIKE_VERBS = ("strike", "shell", "bomb", "bombard", "hit", "target", "launch")
STRIKE_NOUNS = ("strike", "airstrike", "shelling", "bombing", "bombardment", "shell", "missile strike")
# Fire as a noun or verb reports a strike when aimed ("fired at") or qualified ("artillery fire").
FIRE_QUALIFIERS = ("artillery", "indirect", "mortar", "tank", "rocket", "missile", "MLRS", "routine", "counterbattery",
                   "counter-battery", "heavy", "sniper", "drone", "harassing")
# The defender stopped an attack: the attack is the other side's.
REPEL_VERBS = ("repel", "repulse", "thwart", "foil", "halt", "defeat", "suppress", "stop", "push back", "beat back",
               "fight off", "hold off", "deflect")
# Destroying the other side's troops or equipment at a place is a strike there.
DESTROY_VERBS = ("destroy", "eliminate", "neutralize", "disable", "damage")
# Force moves: not claims, but the places after them are theirs ("the withdrawal of Russian forces from around Kyiv").
MOVE = (forms("withdraw", "retreat", "redeploy", "relocate", "evacuate", "regroup", "fall back", "depart")
        | forms("withdrawal", "retreat", "redeployment", "relocation", "evacuation", pos="NOUN"))
# Giving up ground ("abandoned their positions in X", "forced Ukrainian troops to abandon Y"): claims.py asks for a place
ABANDON = frozenset({"abandon", "abandoned"})
# Verbs of saying, after which "to VERB" reports the event itself ("claimed to capture").
SAY_VERBS = ("claim", "report", "state", "say", "announce", "assert", "allege", "boast", "insist", "purport", "note",
             "post", "publish", "amplify", "acknowledge", "share", "tell", "suggest", "indicate", "show", "depict",
             "confirm", "add", "write", "specify", "accuse", "argue", "admit", "declare", "warn", "speculate",
             "emphasize", "stress", "highlight", "describe", "characterize", "reiterate", "circulate", "discuss")

# "crossed the Siverskyi Donets River at X": ground taken on the far bank (the past only: "crossing" is mostly a noun,
# "to cross" an aim)
CROSSED = past("cross", "ford")
ADVANCE = (forms(*ADVANCE_VERBS) - {"clear", "clears", "clearing"}) | forms("advance", pos="NOUN") | forms("take") | CROSSED
CONTROL = frozenset(f"{v} {q}control" for v in forms(*CONTROL_VERBS) for q in ("", "full ", "partial "))
ATTACK = (forms(*ATTACK_VERBS) - {"surrounding"}) | forms(*ATTACK_NOUNS, pos="NOUN") | {"clearing"}  # "surrounding villages": an adjective
STRIKE = (forms(*STRIKE_VERBS) - {"stricken"}) | forms(*STRIKE_NOUNS, pos="NOUN")
REPEL = past(*REPEL_VERBS) | {"repelling", "repulsing", "halting", "thwarting", "foiling", "stopping"}
# the base form, a repelled attack only as "continued/managed to repel" (checked in claims.py), not "to repel a future offensive"
REPEL_BASE = frozenset({"repel", "repulse", "beat back", "fight off", "hold off"})
DESTROY = forms(*DESTROY_VERBS)
NOUNS = frozenset(w for w in forms("advance", "capture", *ATTACK_NOUNS, *STRIKE_NOUNS, "fire", pos="NOUN") if " " not in w)
# "take" alone is ground gained only with a place as its object ("took Siversk"), checked in `claims.py`
TAKE = forms("take")
SAY = forms(*SAY_VERBS) - {"note", "post", "share", "show", "add", "write", "state", "report", "claim", "confirm"} | {"show", "claim", "report"}
SAY_TO = forms(*SAY_VERBS)
# what a person, not footage, said: a name these follow is its speaker ("Nazarov stated", "Petrenko added")
SPEAKER = past("claim", "report", "state", "say", "announce", "assert", "allege", "boast", "insist", "note", "acknowledge",
                "tell", "add", "specify", "accuse", "argue", "admit", "declare", "warn", "speculate", "emphasize", "stress",
                "reiterate", "deny", "explain", "remark")
# Verbs that report speech only before "that" ("remarked that X", "maintained that X"; not "maintained positions")
SAY_THAT = forms("remark", "insinuate", "imply", "contend", "caution", "clarify", "maintain", "identify",
                 "estimate", "concede", "reveal", "explain", "observe", "believe", "complain", "lament", "bemoan", "brag")
FIRE_VERB = forms("fire")


def quick_start(pattern: re.Pattern, depth: int = 1) -> re.Pattern:
    """The same pattern led by a look-ahead for the characters its matches can begin with (after its leading
    `(?<!\\w)` or `\\b`, if any), when those are a list of literals: the regex engine then turns most positions down
    with one test instead of entering every branch (the `(?<!\\w)` made `\\b`, the same before a word character).
    The matches are the same; the search is 20-25% faster for `claims.TRIGGER` and `claims.ACTOR`. With `depth` 3, a
    second look-ahead for the first three characters (a prefix tree of them, `first_starts`) turns down the words
    no match begins like ("the", "and", "forces") before the pattern's own branches are tried one after another:
    35-40% faster again for `claims.TRIGGER`, whose five named alternations each test the word; none for a single
    alternation, whose own tree does that."""
    chars = first_chars(pattern.pattern) if not pattern.flags & re.IGNORECASE else None
    if not chars:
        return pattern
    head = next((h for h in (r"(?<!\w)", r"\b") if pattern.pattern.startswith(h)), "")
    ahead = "(?=[" + "".join(re.escape(c) for c in chars) + "])"
    starts = first_starts(pattern.pattern[len(head):], depth) if depth > 1 else None
    if starts:
        tree: dict = {}
        for start in starts:
            node = tree
            for ch in start:
                node = node.setdefault(ch, {})
        ahead += f"(?={_start_tree(tree)})"
    lead = head  # a leading \b stays in front of the look-ahead: an inline test turns most positions down first
    if head and all(c.isalnum() or c == "_" for c in chars):
        # before a word character (the look-ahead's), \b says what (?<!\w) says, as an inline test rather than a
        # nested match of the look-behind at every position: 14% fewer instructions for TRIGGER and ACTOR
        lead = r"\b"
    return re.compile(lead + ahead + pattern.pattern[len(head):], pattern.flags)


def _start_tree(node: dict) -> str:
    """A look-ahead body for a prefix tree of equally long starts: "a[dt]|st"-like, nested."""
    if all(not child for child in node.values()):
        return "[" + "".join(re.escape(ch) for ch in sorted(node)) + "]"
    return "(?:" + "|".join(re.escape(ch) + _start_tree(child) for ch, child in sorted(node.items())) + ")"


def first_starts(pattern: str, depth: int) -> set[str] | None:
    """The first `depth` characters a match of the case-sensitive `pattern` can begin with, or None when they are
    not all literals (a class such as \\s among them, a match shorter than that, a case-insensitive part)."""
    got = _starts({""}, _parser.parse(pattern).data, depth)
    return None if got is None or any(len(s) < depth for s in got) else got


def _starts(states: set[str], items, k: int) -> set[str] | None:
    """`states` (the starts of a match read so far, up to k characters) extended by the parsed regex items, or None
    when a character there is not a known literal."""
    c = _constants
    for op, av in items:
        if all(len(s) >= k for s in states):
            return states
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero width
        if op is c.LITERAL:
            states = {s if len(s) >= k else s + chr(av) for s in states}
        elif op is c.IN:
            chars = _class_chars(av)
            if chars is None:
                return None
            states = {s if len(s) >= k else s + ch for s in states for ch in chars}
        elif op is c.BRANCH:
            out: set[str] = set()
            for alt in av[1]:
                got = _starts(states, alt.data, k)
                if got is None:
                    return None
                out |= got
            states = out
        elif op is c.SUBPATTERN and not av[1] & re.IGNORECASE or op is c.ATOMIC_GROUP:
            got = _starts(states, (av if op is c.ATOMIC_GROUP else av[3]).data, k)
            if got is None:
                return None
            states = got
        elif op in _REPEATS:
            low, high, sub = av
            out = set(states) if low == 0 else set()
            cur: set[str] | None = states
            for i in range(1, min(high, low + k + 1) + 1):  # a repeat adds a character or none: k more are enough
                cur = _starts(cur, sub.data, k)
                if cur is None:
                    return None
                if i >= low:
                    out |= cur
            if high > low + k + 1 and any(len(s) < k for s in cur):
                return None
            states = out
        else:
            return None
    return states


def first_chars(pattern: str) -> str | None:
    """The characters a match of the case-sensitive `pattern` can begin with, or None when they are not a list
    of literals (a class such as \\w, a case-insensitive part, a back-reference, a pattern that matches empty)."""
    starts = first_starts(pattern, 1)
    return None if starts is None else "".join(sorted(starts))


_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)


def _class_chars(items) -> set[str] | None:
    """The characters of a parsed character class ("[a-cx]"), or None for a category (\\w, \\s), a negated or a
    large class."""
    c = _constants
    chars: set[str] = set()
    for kind, value in items:
        if kind is c.LITERAL:
            chars.add(chr(value))
        elif kind is c.RANGE and value[1] - value[0] < 64:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        else:
            return None
    return chars


class Folded:
    """A case-insensitive pattern run as a case-sensitive one over the lower-cased text (`lower_in_place`, whose
    offsets are the text's): the same match positions, about twice as fast (the text of a match is lower case).
    Text holding "ſ" or "ı" (which the case-insensitive pattern reads as s and i, and lower() keeps) gets the
    pattern itself, as does all text when the pattern is not plain ASCII with lower-case letters, or with upper-case
    ones but no named group, class or escape such as \\S that lowering would change."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        text, flags = pattern.pattern, pattern.flags & ~re.IGNORECASE
        bare = re.sub(r"\(\?P<\w+>|\(\?P=\w+\)", "", text)  # without the group names, which keep their case
        if not text.isascii():
            self.twin = None
        elif not re.search(r"[A-Z]", bare):
            # its letters are lower case already; led by a look-ahead for its first letters, and run in ASCII mode on
            # ASCII text (Twin): the same matches, 6-20% fewer instructions (LOOKBACK, NARRATIVE_THAT)
            self.twin = Twin(quick_start(re.compile(text, flags)))
        elif re.search(r"\\[A-Z]|\(\?P|\[", text) is None:
            self.twin = Twin(quick_start(re.compile(text.lower(), flags)))
        else:
            self.twin = None

    def _twin_for(self, text: str) -> bool:
        return self.twin is not None and "ſ" not in text and "ı" not in text

    def search(self, text: str) -> re.Match | None:
        return self.twin.search(lower_in_place(text)) if self._twin_for(text) else self.pattern.search(text)

    def finditer(self, text: str):
        return self.twin.finditer(lower_in_place(text)) if self._twin_for(text) else self.pattern.finditer(text)


@lru_cache(maxsize=8)
def lower_in_place(text: str) -> str:
    """`text` in lower case, character for character (offsets stay right)."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower()[0] for c in text)
