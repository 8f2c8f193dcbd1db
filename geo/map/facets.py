"""Canonical facets of a claim row: who claims it, and on which axis of the front.

ISW words its claimants and section headings differently from one report to the next
("Russian milblogger", "milbloggers", "Russian Telegram channel Rybar"; "Supporting Effort #2—Southern
Axis", "Russian Supporting Effort – Southern Axis"), so the raw strings make useless filters. These pure
functions map the raw wording to a short canonical list; the rows keep the raw wording in `claimant` and
`section`, so nothing is lost:

    claimant_group(row)   "Russian MoD", "Ukrainian General Staff", ... or ISW_OWN when nobody is named
    axis(row)             "Donetsk", "Southern (Zaporizhia, Kherson)", ...; the place's oblast decides
                          for rows under Key Takeaways or no heading
"""

from __future__ import annotations

import functools
import re

ISW_OWN = "ISW's own assessment"
OTHER_CLAIMANT = "Other sources"

# Canonical claimants, in the order the filter lists them; the first pattern that matches the raw
# claimant decides (more specific first: "Russian Telegram channel" before "Russian").
CLAIMANTS: tuple[tuple[str, str], ...] = (
    ("Russian MoD", r"\b(?:russian|russia's|kremlin)\b.*\b(?:mod|defen[cs]e ministry|ministry of defen[cs]e|general staff)\b"
                    r"|^(?:the )?mod\b|russianmod|\brussian military command\b"),
    ("Russian milbloggers", r"mi\w{0,2}blog|war ?correspondent|\btelegram\b|\brybar\b|\breadovka\b|\breadkova\b|\bwargonzo\b"
                            r"|\bstrelkov\b|\bgirkin\b|voenkor"),
    ("Russian and proxy officials", r"\bkremlin\b|\bputin\b|\bpeskov\b|\bshoigu\b|\bgerasimov\b|\bkadyrov\b|\bprigozhin\b"
                                    r"|\bwagner\b|people[’'‘]s (?:republic|militia)|\bfsb\b|\bgladkov\b|\bkiselyov\b|\bkhodakovsky\b|\bbars-\d+|chechen|\b[dl]nr\b|occupation|russian-(?:installed|appointed)"
                                    r"|\bsaldo\b|\bbalitsky\b|\bpushilin\b|\bpasechnik\b|\bmiroshnik\b|\brussian (?:officials?|authorities|president)\b"),
    ("Russian sources", r"\b(?:russian|pro-russian|kremlin-affiliated|russian state)\b"),
    ("Ukrainian General Staff", r"\bukrain\w*\b.*\bgeneral staff\b|^general staff\b"),
    ("Ukrainian military", r"operation(?:al)? command|\bukrain\w*\b.*\bmod\b|\bbudanov\b|\bmotuzyanyk\b|\bgromov\b|\bcherevatyi\b|group of forces|\bair ?force\b|intelligence directorate|\bgur\b|national guard"
                           r"|defen[cs]e ministry|ministry of defen[cs]e|commander|spokes(?:person|man)|\bmilitary\b|\bbrigade\b"
                           r"|\bkhortytsia\b|\btavriia\b|\bhromov\b|\bcherevaty\b|\bdmytrashkivskyi\b|\bhumeniuk\b|\bzaluzhn"
                           r"|\bsyrskyi\b|\bvoloshyn\b|\bkakhovka group\b"),
    ("Ukrainian officials", r"\boblast\b.*\b(?:head|administration|governor|council)\b|\b(?:head|governor)\b.*\boblast\b|\bmayor\b"
                            r"|city council|\bpresident\b|\bzelensky|\bofficials?\b|\bauthorities\b|\badministration\b|\badviser\b"
                            r"|\bhaidai\b|\bsynegubov|\bsyniehubov|\bkyrylenko\b|\bkim\b|\bfedorov\b|\bkhlan\b|\byanushevych|\bstarukh\b"
                            r"|\bvilkul\b|\blysak\b|\bukrenergo\b|\bresistance center\b|\barestovych\b|\bsinegubov\b|\bgovernor\b|prosecutor"),
    ("Ukrainian sources", r"\bukrain"),
    ("Media and social media", r"social media|\blocal\b|\bresidents\b|\bfootage\b|\bgeolocat|\bmedia\b|\bjournalist|\brfe/rl\b"
                               r"|voice of america|\bwsj\b|washington post|\bmeduza\b|\bcnn\b|\breuters\b|new york times|\bbbc\b"),
    ("Western governments", r"\buk\b|\bbritish\b|\bu\.?s\.?\b|\bpentagon\b|\bnato\b|\bwestern\b|white house"),
)
# A claim both sides make ("Russian and Ukrainian sources", "the Ukrainian General Staff and Russian MoD") is neither
# side's alone: it is listed on its own, not under whichever side the patterns above happen to test first.
BOTH_SIDES = "Russian and Ukrainian sources"
RUSSIAN_GROUPS = frozenset({"Russian MoD", "Russian milbloggers", "Russian and proxy officials", "Russian sources"})
UKRAINIAN_GROUPS = frozenset({"Ukrainian General Staff", "Ukrainian military", "Ukrainian officials", "Ukrainian sources"})
CLAIMANT_ORDER = (ISW_OWN,) + tuple(name for name, _ in CLAIMANTS) + (BOTH_SIDES, OTHER_CLAIMANT)
_CLAIMANT_RES = tuple((name, re.compile(pattern, re.I)) for name, pattern in CLAIMANTS)
# the parties of a joint claimant: "Ukrainian, Russian, and social media sources" -> Ukrainian | Russian | social media sources
_PARTIES = re.compile(r"\s*(?:,\s*and\b|,|\band\b)\s*", re.I)

# Canonical axes, north to south then the rear; the first pattern that matches the section heading decides.
NORTH = "Northern (Kyiv, Chernihiv, Sumy)"
KHARKIV = "Kharkiv"
LUHANSK = "Luhansk and eastern Kharkiv (Kupyansk–Kreminna)"
DONETSK = "Donetsk (Bakhmut, Avdiivka, Pokrovsk)"
MARIUPOL = "Mariupol"
SOUTH = "Southern (Zaporizhia, Kherson)"
REAR = "Rear: occupied areas, Russia, Belarus"
NO_AXIS = "No axis named"
AXES: tuple[tuple[str, str], ...] = (
    (NORTH, r"\bkyiv\b|chernihiv|\bsumy\b|northern axis|northeastern"),
    (MARIUPOL, r"mariupol"),
    (SOUTH, r"southern axis|southern ukraine|kherson|dnipro\b|zaporizh|mykolay|odesa"),
    (LUHANSK, r"oskil|kreminna|kupyansk|lyman|eastern kharkiv|luhansk oblast\s*$|#1a\W+luhansk"),
    (DONETSK, r"donetsk|bakhmut|slovyansk|southern kharkiv"),
    (KHARKIV, r"kharkiv|izyum"),
    (REAR, r"occupied|mobilization|force generation|belarus|air, missile|russian federation|in russia\b|strikes? campaign"),
)
AXIS_ORDER = tuple(name for name, _ in AXES) + (NO_AXIS,)
_AXIS_RES = tuple((name, re.compile(pattern, re.I)) for name, pattern in AXES)
# The oblast of the place decides for rows under Key Takeaways, Toplines or no heading.
OBLAST_AXES: tuple[tuple[str, str], ...] = (
    (NORTH, r"kyiv|chernihiv|sumy|zhytomyr"),
    (KHARKIV, r"kharkiv"),
    (LUHANSK, r"luhansk"),
    (DONETSK, r"donetsk"),
    (SOUTH, r"zaporiz|kherson|mykolai|odes|dnipropetrovsk"),
    (REAR, r"crimea|sevastopol|belgorod|kursk|bryansk|rostov|voronezh|krasnodar|moscow|belarus|oblast$|krai|republic"),
)
_OBLAST_RES = tuple((name, re.compile(pattern, re.I)) for name, pattern in OBLAST_AXES)


@functools.lru_cache(maxsize=8192)
def canonical_claimant(raw: str | None) -> str:
    """The canonical claimant of a raw claimant string (ISW_OWN for none)."""
    text = " ".join((raw or "").split())
    if not text or text.lower() in ("none", "null"):
        return ISW_OWN
    if " and " in text.lower():
        groups = {_one_claimant(part) for part in _PARTIES.split(text) if part}
        if groups & RUSSIAN_GROUPS and groups & UKRAINIAN_GROUPS:
            return BOTH_SIDES
    return _one_claimant(text)


def _one_claimant(text: str) -> str:
    for name, pattern in _CLAIMANT_RES:
        if pattern.search(text):
            return name
    return OTHER_CLAIMANT


@functools.lru_cache(maxsize=8192)
def canonical_axis(section: str | None, admin1: str | None = None) -> str:
    """The canonical axis of a section heading; the place's oblast decides when the heading names none."""
    text = " ".join((section or "").split())
    for name, pattern in _AXIS_RES:
        if pattern.search(text):
            return name
    if re.search(r"counteroffensive", text, re.I) and not admin1:
        return NO_AXIS
    place = admin1 or ""
    for name, pattern in _OBLAST_RES:
        if place and pattern.search(place):
            return name
    return NO_AXIS


def claimant_group(row: dict) -> str:
    """The row's canonical claimant (precomputed in `claimant_group` by `annotate`, else computed)."""
    found = row.get("claimant_group")
    return found if found is not None else canonical_claimant(row.get("claimant"))


def axis(row: dict) -> str:
    """The row's canonical axis (precomputed in `axis` by `annotate`, else computed)."""
    found = row.get("axis")
    return found if found is not None else canonical_axis(row.get("section"), row.get("admin1"))


def annotate(rows: list[dict]) -> list[dict]:
    """Add `claimant_group` and `axis` to every row in place (the raw `claimant` and `section` stay); returns rows."""
    for r in rows:
        r["claimant_group"] = canonical_claimant(r.get("claimant"))
        r["axis"] = canonical_axis(r.get("section"), r.get("admin1"))
    return rows


__all__ = ["ISW_OWN", "OTHER_CLAIMANT", "CLAIMANT_ORDER", "AXIS_ORDER", "NO_AXIS", "canonical_claimant",
           "canonical_axis", "claimant_group", "axis", "annotate"]
