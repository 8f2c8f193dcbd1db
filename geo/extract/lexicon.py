"""The event vocabulary: which words report an advance, an attack, a strike or a repelled attack.

Words are listed by lemma ("repulse", "strike", "battle"); every inflection of a verb ("repulsed",
"struck", "striking") and the plural of a noun ("battles", "strikes") comes from `lemminflect`'s
tables, which ship inside the package (no download). The alternations compiled here are matched
against lower-cased sentences by `claims.py`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lemminflect import getAllInflections


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
                 "break through", "regain")
CONTROL_VERBS = ("take", "regain", "gain", "establish", "assume", "seize")
# Ground assaults with no gain stated.
ATTACK_VERBS = ("attack", "assault", "storm", "counterattack", "fight", "clash", "battle", "encircle", "surround", "infiltrate")
ATTACK_NOUNS = ("attack", "assault", "counterattack", "counteroffensive", "offensive", "clash", "battle",
                "infiltration", "fighting", "reconnaissance-in-force", "ground operation", "offensive operation",
                "offensive action", "assault operation", "combat engagement", "engagement", "firefight")
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
MOVE = (forms("withdraw", "retreat", "redeploy", "relocate", "evacuate", "regroup")
        | forms("withdrawal", "retreat", "redeployment", "relocation", "evacuation", pos="NOUN"))
# Verbs of saying, after which "to VERB" reports the event itself ("claimed to capture").
SAY_VERBS = ("claim", "report", "state", "say", "announce", "assert", "allege", "boast", "insist", "purport", "note",
             "post", "publish", "amplify", "acknowledge", "share", "tell", "suggest", "indicate", "show", "depict",
             "confirm", "add", "write", "specify", "accuse", "argue", "admit", "declare", "warn", "speculate",
             "emphasize", "stress", "highlight", "describe", "characterize", "reiterate", "circulate", "discuss")

ADVANCE = (forms(*ADVANCE_VERBS) - {"clear", "clears", "clearing"}) | forms("advance", pos="NOUN") | forms("take")
CONTROL = frozenset(f"{v} {q}control" for v in forms(*CONTROL_VERBS) for q in ("", "full ", "partial "))
ATTACK = (forms(*ATTACK_VERBS) - {"surrounding"}) | forms(*ATTACK_NOUNS, pos="NOUN") | {"clearing"}  # "surrounding villages": an adjective
STRIKE = (forms(*STRIKE_VERBS) - {"stricken"}) | forms(*STRIKE_NOUNS, pos="NOUN")
REPEL = past(*REPEL_VERBS) | {"repelling", "repulsing", "halting", "thwarting", "foiling"}
DESTROY = forms(*DESTROY_VERBS)
NOUNS = frozenset(w for w in forms("advance", "capture", *ATTACK_NOUNS, *STRIKE_NOUNS, "fire", pos="NOUN") if " " not in w)
# "take" alone is ground gained only with a place as its object ("took Siversk"), checked in `claims.py`
TAKE = forms("take")
SAY = forms(*SAY_VERBS) - {"note", "post", "share", "show", "add", "write", "state", "report", "claim", "confirm"} | {"show", "claim", "report"}
SAY_TO = forms(*SAY_VERBS)
FIRE_VERB = forms("fire")
