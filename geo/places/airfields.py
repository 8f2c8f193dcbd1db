"""Airfields named after their town ("the Melitopol airfield", "the Kherson airport", "Saky airbase").

GeoNames lists many of the theatre's airfields under the bare name of the town they serve ("Melitopol", "Saky",
"Skadovsk", "Kryvyi Rih", all AIRP) or as "<Town> International Airport" ("Kherson International Airport", by
Chornobaivka). ISW writes the town with "airfield", "airport" or "air base", so the name matches neither GeoNames form,
and without this the facility falls to the town's centre, 7-11 km from the airfield (the labels put a facility at its
own GeoNames row when there is one). An airfield row is taken only when it lies within AIRFIELD_TOWN_KM of a settlement
of the town's name: the town it is named after, not a namesake elsewhere (GeoNames' "Vesele" airfield is one village's).
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

AIRFIELD_CODES = frozenset({"AIRP", "AIRB", "AIRF", "AIRH"})
AIRFIELD_WORDS = re.compile(r"\b(?:military\s+|civil(?:ian)?\s+|international\s+)?(?:air\s*field|air\s*port|air\s*base|air\s*strip)s?\b", re.I)
AIRFIELD_TOWN_KM = 20.0  # an airfield named after a town lies this close to it at most (Kherson's is 9 km out)


def _km(a, b) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def town_of_airfield(name: str) -> str | None:
    """The town an airfield's name names: "Melitopol airfield" -> "Melitopol", "Kherson International Airport" ->
    "Kherson"; None when the name is no airfield's or names nothing else."""
    if not AIRFIELD_WORDS.search(name):
        return None
    town = " ".join(AIRFIELD_WORDS.sub(" ", name).replace("the ", " ").split())
    return town or None


def airfields_of_town(gazetteer, name: str) -> list:
    """The GeoNames airfields a name such as "Melitopol airfield" stands for: "<Town> International Airport", else the
    airfields GeoNames names by the town's bare name, each within AIRFIELD_TOWN_KM of a settlement of that name. Empty
    when the name is no airfield's or GeoNames has none for the town."""
    town = town_of_airfield(name)
    if town is None:
        return []
    towns = [c.place for c in gazetteer.lookup(town, fuzzy=False) if c.place.is_settlement]
    if not towns:
        return []
    for form in (f"{town} International Airport", town):
        found = [c for c in gazetteer.lookup(form, fuzzy=False) if c.place.feature_code in AIRFIELD_CODES
                 and any(_km(c.place, t) <= AIRFIELD_TOWN_KM for t in towns)]
        if found:
            return found
    return []


# "an airfield near Kherson", "a Ukrainian airfield in Kryvyi Rih", "the air base outside occupied Melitopol": the town
# named right after an airfield word locates the airfield
AIRFIELD_AT = re.compile(r"\b(?:air\s*field|air\s*port|air\s*base)s?\s+(?:in|near|at|outside|of)\s+"
                         r"(?:(?:occupied|Russian-occupied|Ukrainian-held)\s+)?$", re.I)


def airfield_of_placed_town(gazetteer, place, name: str):
    """The GeoNames airfield of a town already placed (`place`, the town `name` was put on), within AIRFIELD_TOWN_KM
    of it; None when GeoNames has none for it."""
    found = [c.place for form in (f"{name} International Airport", name, f"{place.name} International Airport", place.name)
             for c in gazetteer.lookup(form, fuzzy=False) if c.place.feature_code in AIRFIELD_CODES and _km(c.place, place) <= AIRFIELD_TOWN_KM]
    return min(found, key=lambda p: _km(p, place)) if found else None


def airfields_at_towns(rows: list, gazetteer) -> list:
    """Claim places whose town the sentence names as an airfield's ("struck an airfield near Kherson") moved to the
    town's own airfield (precision `feature`) when GeoNames has one; the town itself is chosen as for any town (its
    oblast, the places around it), so only the point changes."""
    out = rows
    for k, cp in enumerate(rows):
        r = cp.resolution
        if r.place is None or r.precision != "settlement" or "air" not in cp.claim.sentence:
            continue
        m = r.mention
        if not AIRFIELD_AT.search(cp.claim.sentence, max(0, m.start - 40), m.start):
            continue
        airfield = airfield_of_placed_town(gazetteer, r.place, m.name)
        if airfield is not None:
            if out is rows:
                out = list(rows)
            out[k] = replace(cp, resolution=replace(r, place=airfield, precision="feature",
                                                    rule=f"{r.rule} (its airfield: {airfield.name})"))
    return out
