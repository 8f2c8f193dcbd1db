"""Reservoirs named in English ("the Kakhovka Reservoir", "the Pechenizke Reservoir", "the Oskol Reservoir").

GeoNames names a reservoir by the adjective of its town or river with the local word for it ("Kakhovske
Vodoskhovyshche", "Chervonooskilske Vodoskhovyshche"); ISW writes the town or the adjective, in Ukrainian or Russian
spelling, with "Reservoir". Without this the name falls to the town or village it is named after (Kakhovka, 60 km
from the reservoir's middle; Oskil village). A reservoir is found by the root of its name: the words without the
reservoir word and without the adjective or town ending, compared with the roots of the gazetteer's reservoirs (the
end of a longer root counts: "Chervonooskilske" is the Oskil's).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from geo.places.names import normalize, variant_key

RESERVOIR = re.compile(r"^(?:the\s+)?(?P<stem>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+[Rr]eservoir$")
RESERVOIR_CODES = frozenset({"RSV", "RSVI", "RSVT"})
LOCAL_WORD = re.compile(r"\b(?:vodoskhovyshche|vodokhranilishche|vdkhr|reservoir|ozero)\b\.?", re.I)
# the ending of a place adjective or of a town's name: Kakhovske/Kakhovka, Pechenizke/Pechenihy, Myronivskyi
ENDING = re.compile(r"(?:s?k(?:oie|oi|oe|aia|ii|ij|a|e|i)|ka|ki|i|a|e|o)$")  # on the variant key (y -> i)
ROOT_SCORE = 0.8  # a root spelled this close to a reservoir's (or to its end) names it
MIN_ROOT = 3
TAIL_ROOT = 5  # a root this long may be the end of a longer one ("Oskil" of "Chervonooskilske")


def root(name: str) -> str:
    """The spelling-insensitive root of a reservoir's name: 'Kakhovske Vodoskhovyshche' -> 'kakhov'."""
    words = variant_key(normalize(LOCAL_WORD.sub(" ", name))).split()
    return ENDING.sub("", words[-1]) if words else ""


def _table(gazetteer) -> tuple[tuple[str, int], ...]:
    """(root, geonameid) of every reservoir of the gazetteer, built once per gazetteer."""
    table = gazetteer.__dict__.get("_reservoir_roots")
    if table is None:
        found = []
        for gid in gazetteer.ids_with_code(RESERVOIR_CODES):
            r = root(gazetteer.get(gid).name)
            if len(r) >= MIN_ROOT:
                found.append((r, gid))
        table = gazetteer.__dict__["_reservoir_roots"] = tuple(found)
    return table


def reservoirs_named(gazetteer, name: str) -> list:
    """The reservoirs a name such as "Kakhovka Reservoir" stands for, closest spellings first (empty for none or
    for a name that is no reservoir's)."""
    from geo.places.gazetteer import Candidate

    m = RESERVOIR.match(name.strip())
    if m is None:
        return []
    want = root(m.group("stem"))
    if len(want) < MIN_ROOT:
        return []
    scored = []
    for r, gid in _table(gazetteer):
        score = SequenceMatcher(None, want, r).ratio()
        if len(want) >= TAIL_ROOT and len(r) > len(want):
            score = max(score, SequenceMatcher(None, want, r[-len(want):]).ratio())
        if score >= ROOT_SCORE:
            scored.append((score, gid))
    if not scored:
        return []
    top = max(s for s, _ in scored)
    return [Candidate(gazetteer.get(gid), "exact" if s == 1.0 else "fuzzy", s) for s, gid in sorted(scored, reverse=True)
            if s >= top - 1e-9]
