"""Value objects (treated as immutable) passed between the library's steps.

Report -> (claims.py) -> Claim with Mentions -> (resolver.py) -> Resolution with a Place.
Every object keeps enough of its source (offsets, sentence, URL) to be traced back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

Kind = Literal["advance", "attack", "strike"]
Actor = Literal["russia", "ukraine"]
Status = Literal["confirmed", "claimed"]
Precision = Literal["settlement", "region", "feature"]
MatchKind = Literal["exact", "variant", "fuzzy"]

TAKEAWAYS = "Key Takeaways"

# BUILT_OFTEN: Place, Candidate, Mention, Claim, Resolution and ClaimPlace are made some 66,000 times over the archive;
# they are not frozen (nothing assigns to their fields after they are made; `unsafe_hash` hashes and compares them as
# frozen ones would be), since a frozen dataclass's __init__ sets each field through object.__setattr__ (~1 us more).


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a report with the structure around it.

    `section` is the heading it stands under ("Kupyansk direction", "Southern Axis",
    "Key Takeaways"); `lead_in` the label that opens it in the 2025+ format
    ("Assessed Russian advances", "Unconfirmed claims"), without the colon.
    """

    text: str
    section: str | None = None
    lead_in: str | None = None


@dataclass(frozen=True)
class Report:
    """One daily assessment, whatever shape it came in."""

    date: dt.date
    title: str
    paragraphs: tuple[Paragraph, ...]
    url: str | None = None
    source: str = ""  # file path or URL it was read from
    format: str = "text"  # text | html | markdown | csv | json
    authors: tuple[str, ...] = ()
    endnotes: tuple[tuple[int, tuple[str, ...]], ...] = ()  # (number, URLs)

    @property
    def takeaways(self) -> tuple[str, ...]:
        return tuple(p.text for p in self.paragraphs if p.section == TAKEAWAYS)

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def content_hash(self) -> str:
        """Identity of the report for idempotent ingest: its date and body text."""
        h = hashlib.sha256()
        h.update(self.date.isoformat().encode())
        h.update(b"\0")
        h.update(" ".join(self.text.split()).encode("utf-8"))
        return h.hexdigest()

    @cached_property
    def _endnote_table(self) -> dict[int, tuple[str, ...]]:
        """number -> URLs, made once for the report (not for each of its rows)."""
        return dict(self.endnotes)

    def endnote_urls(self, numbers: tuple[int, ...]) -> tuple[str, ...]:
        table = self._endnote_table
        out: list[str] = []
        for n in numbers:
            for url in table.get(n, ()):
                if url not in out:
                    out.append(url)
        return tuple(out)


@dataclass(unsafe_hash=True)  # not frozen: see BUILT_OFTEN
class Place:
    """One gazetteer entry (a GeoNames row, an admin area, or an analyst's override)."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str  # ISO 3166 alpha-2: UA, RU, BY
    admin1: str  # readable name as ISW writes it: "Donetsk Oblast", "Kursk Oblast", "Krasnodar Krai"
    admin1_code: str = ""  # GeoNames admin1 code, "05"
    feature_class: str = "P"  # GeoNames feature class: P populated place, A admin area, H water, ...
    feature_code: str = "PPL"
    population: int = 0
    source: str = "geonames"  # geonames | embedded | override

    @property
    def is_region(self) -> bool:
        return self.feature_class == "A"

    @property
    def is_settlement(self) -> bool:
        return self.feature_class == "P"


@dataclass(unsafe_hash=True)  # not frozen: see BUILT_OFTEN
class Candidate:
    """A place a name may refer to, and how the name matched it."""

    place: Place
    match: MatchKind = "exact"
    score: float = 1.0  # 1.0 for exact and variant matches, the fuzzy ratio otherwise


@dataclass(unsafe_hash=True)  # not frozen: see BUILT_OFTEN
class Mention:
    """A place name in a sentence, with character offsets into that sentence.

    `name` is the form to look up ("Kherson Oblast" for "east (left) bank Kherson Oblast");
    `bearing` / `reference` hold a direction given for it ("(south of Orikhiv)" gives
    bearing "south", reference "Orikhiv"); `role` is "target" for a place the claim is
    about and "reference" for a place named only as a bearing anchor.
    """

    text: str
    start: int
    end: int
    name: str
    bearing: str | None = None
    reference: str | None = None
    distance_km: float | None = None
    precision: Precision = "settlement"
    role: Literal["target", "reference", "anchor"] = "target"


@dataclass(unsafe_hash=True)  # not frozen: see BUILT_OFTEN
class Claim:
    """Forces of one side advanced, attacked or struck at the mentioned places."""

    report_date: dt.date
    kind: Kind
    actor: Actor
    status: Status
    claimant: str | None
    sentence: str
    mentions: tuple[Mention, ...]
    section: str | None = None
    lead_in: str | None = None
    endnotes: tuple[int, ...] = ()
    source_url: str | None = None
    # the side is read from where the place lies (explosions reported with no side named): across the front line of the
    # report's date from it, once the place is resolved (`geo.pipeline.extract`); `actor` is the text's guess until then
    side_by_line: bool = False


@dataclass(unsafe_hash=True)  # not frozen: see BUILT_OFTEN
class Resolution:
    """Where a mention was put, or why it was not put anywhere (`place` is None)."""

    mention: Mention
    place: Place | None
    precision: Precision | None
    rule: str  # which rule decided: "single candidate", "oblast named", "bearing", "front prior", ...
    candidates: tuple[Candidate, ...] = ()
    runner_up: Place | None = None
    margin: float | None = None
    review: bool = False  # placed, but an analyst should check it (single candidate far from fighting)

    @property
    def resolved(self) -> bool:
        return self.place is not None


@dataclass(unsafe_hash=True)  # not frozen: see BUILT_OFTEN
class ClaimPlace:
    """One row of output: a claim at one of its places. This is what the map shows."""

    claim: Claim
    resolution: Resolution
