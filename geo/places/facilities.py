"""Well-known facilities of the theatre that reports name without their town.

ISW writes "the Azot Chemical Plant", "the Knauf gypsum plant", "Motor Sich", "the Illich Steel Plant": GeoNames
has no row for these plants, and the words of their names are no town (or, worse, a village far away: "Illich" is
a hamlet in Krasnodar Krai). Following the labelling convention (a facility without a GeoNames row of its own goes
to the town it stands in, at precision `feature`), each entry names that town and its oblast; the gazetteer finds
the town's row. Facilities with a GeoNames row of their own (the Zaporizhzhia NPP, the Crimean Bridge, Hostomel
Airport) and facilities named with their town ("Avdiivka Coke Plant", "Kremenchuk refinery") need no entry.
"""

from __future__ import annotations

import re

# key words (a lower-case pattern matched in the facility's name) -> (town, its oblast / region as admin1)
WELL_KNOWN: tuple[tuple[str, str, str], ...] = (
    (r"\bazot\b", "Sievierodonetsk", "Luhansk Oblast"),  # the chemical plant of the 2022 battle
    (r"\bknauf\b", "Soledar", "Donetsk Oblast"),  # Knauf Gips Donbas gypsum plant and its mines
    (r"\b(?:illich|ilyich|ilich)\b", "Mariupol", "Donetsk Oblast"),  # Illich Iron and Steel Works
    (r"\bmotor\s+sich\b", "Zaporizhzhia", "Zaporizhzhia Oblast"),  # aircraft-engine plant
    (r"\b(?:yuzhmash|pivdenmash)\b", "Dnipro", "Dnipropetrovsk Oblast"),  # missile and rocket plant
    (r"\blinik\b", "Lysychansk", "Luhansk Oblast"),  # Lysychansk oil refinery
    (r"\bzorya[\s-]+mashproekt\b", "Mykolaiv", "Mykolaiv Oblast"),  # gas-turbine plant
    # Vuhlehirska TPP on the northern edge of Novoluhanske, also written "Vuhledar Power Plant": not in Vuhledar town,
    # 100 km southwest
    (r"\b(?:vuhle[hg]i[rs]|uhlehirs|uglegors|uglehirs|vuhledar|vugledar)\w*\s+(?:thermal\s+)?(?:power|tpp|tes)", "Svitlodarsk", "Donetsk Oblast"),
    (r"\bzaporizh\w*\s+(?:thermal\s+power|tpp|tes)", "Enerhodar", "Zaporizhzhia Oblast"),  # the thermal plant by the NPP
    # Sloviansk TPP (Slovianska TES) stands in Mykolaivka, 12 km east of Sloviansk, not in the town it is named after
    (r"\bsl[ao]v[iy]?[a']?n?sk\w*\s+(?:thermal\s+power|power\s+(?:plant|station)|tpp|tes)\b", "Mykolaivka", "Donetsk Oblast"),
    (r"\bartem\s+(?:plant|factory|enterprise|defen[cs]e)", "Kyiv", "Kyiv City"),  # Artem missile and electronics plant
    (r"\bdniproges\b|\bdnipro\s+(?:hpp|hydroelectric)", "Zaporizhzhia", "Zaporizhzhia Oblast"),
    (r"\btrypilska\b", "Ukrainka", "Kyiv Oblast"),  # Trypilska thermal power plant
    (r"\bzmiivska\b", "Slobozhanske", "Kharkiv Oblast"),  # Zmiivska thermal power plant
    (r"\bprydniprovska\b", "Dnipro", "Dnipropetrovsk Oblast"),  # Prydniprovska thermal power plant
    (r"\bkhmelnytskyi?\s+(?:npp|nuclear)", "Netishyn", "Khmelnytskyi Oblast"),
    (r"\brivne\s+(?:npp|nuclear)", "Varash", "Rivne Oblast"),
    (r"\bsouth\s+ukrain\w*\s+(?:npp|nuclear)", "Pivdennoukrainsk", "Mykolaiv Oblast"),
)
_COMPILED = tuple((re.compile(p, re.I), town, admin1) for p, town, admin1 in WELL_KNOWN)


def facility_town(name: str) -> tuple[str, str] | None:
    """(town, admin1) of a well-known facility named in `name`, or None."""
    for pattern, town, admin1 in _COMPILED:
        if pattern.search(name):
            return town, admin1
    return None
