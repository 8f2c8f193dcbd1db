"""Put each mention on one gazetteer entry, or on none when the context cannot tell.

Evidence, strongest first:
1. an oblast / krai named with the place or in the sentence ("Tetkino, Kursk Oblast");
2. ISW's bearings: "(south of Orikhiv)", "north of Sumy City near X", "about 30 km southeast
   of Izyum": the place must lie that way from the reference, within a plausible distance;
3. the section heading ("Kupyansk direction", "... - Kharkiv Oblast") and the other places
   of the same sentence and paragraph;
4. where the fighting is: the front line of the report's date (DeepStateMap; for ground claims, weaker
   for strikes) and confidently placed claims of the same report and of nearby days;
5. finally population and feature type.
Every decision keeps its rule, the runner-up and the margin. When nothing separates the
candidates the mention stays unresolved, listed with its candidates.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from geographiclib.geodesic import Geodesic as _Geodesic
from geopy.distance import EARTH_RADIUS as EARTH_RADIUS_KM

from geo.models import Candidate, Claim, ClaimPlace, Mention, Place, Resolution
from geo.places.airfields import airfields_of_town
from geo.places.facilities import facility_town
from geo.places.reservoirs import reservoirs_named
from geo.places.lines import Line, lines_beside_place, lines_named, lines_of_place
from geo.places.names import ending_forms, is_qualifier_word, letters_swapped, normalize, russian_forms, strip_leading, variant_key, vowel_forms
from geo.read.regex_twin import Twin

# Where the war is fought: the oblasts and regions ISW's daily maps cover. A weak prior, used
# only after everything the report itself says.
FRONT_REGIONS = frozenset({
    "Donetsk Oblast", "Luhansk Oblast", "Kharkiv Oblast", "Zaporizhzhia Oblast", "Kherson Oblast", "Sumy Oblast",
    "Dnipropetrovsk Oblast", "Mykolaiv Oblast", "Kursk Oblast", "Belgorod Oblast", "Bryansk Oblast", "Crimea",
    "Sevastopol City",
})
# The northern front of the first weeks: Russian forces had left Kyiv, Chernihiv and Sumy oblasts by early April 2022
NORTHERN_FRONT = frozenset({"Kyiv Oblast", "Kyiv City", "Chernihiv Oblast", "Zhytomyr Oblast"})
NORTHERN_FRONT_UNTIL = dt.date(2022, 4, 7)


def front_regions(day: dt.date | None) -> frozenset[str]:
    """The oblasts where the fighting of `day` was (a weak prior between namesakes)."""
    return FRONT_REGIONS | NORTHERN_FRONT if day is not None and day <= NORTHERN_FRONT_UNTIL else FRONT_REGIONS


BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225, "west": 270,
            "northwest": 315, "north-northeast": 22.5, "east-northeast": 67.5, "east-southeast": 112.5,
            "south-southeast": 157.5, "south-southwest": 202.5, "west-southwest": 247.5, "west-northwest": 292.5,
            "north-northwest": 337.5}
ABBREVIATIONS = {"NPP": "Nuclear Power Plant", "TPP": "Thermal Power Plant", "HPP": "Hydroelectric Power Plant",
                 "CHPP": "Combined Heat and Power Plant"}
AIRFIELD = re.compile(r"\b(?:air\s*field|air\s*port|air\s*base|air\s*strip)\b", re.I)
AIRFIELD_CODES = frozenset({"AIRP", "AIRB", "AIRF", "AIRH"})
POWER_PLANT = re.compile(r"\bPower\s+Plant\b", re.I)  # GeoNames names them "... Power Station"
FEATURE_WORDS = re.compile(
    r"\s*\b(?:nuclear|thermal|hydroelectric|combined|heat|and|power|plant|station|npp|tpp|hpp|chpp|bridge|road|rail|dam|airfield|airbase|air|base|"
    r"airport|island|refinery|oil|depot|port|reservoir|river|factory|railway|steel|iron|chemical|metallurgical|gypsum|works|"
    r"plants|factories|depots|combine|enterprise|facility|warehouse|ammunition|terminal|shipyard|of|the)\b\s*", re.I)
DECIDE = 1.0  # the lead a candidate needs over the runner-up to be chosen
MAX_BEARING_KM = 90.0  # ISW's bearings: "northeast of Kharkiv City near Vovchansk" spans ~70 km
BEARING_REACH_KM = 55.0  # ... from a town: "south of Avdiivka near X" names a village within some 55 km of it (see bearing_reach_km)
FAR_KM = 150.0
SAME_PLACE_KM = 5.0
# population decides only for a town this big against namesakes this many times smaller; for a name with more than
# FEW_NAMESAKES (the Oleksandrivkas, Mykolaivkas), only for a town of 10,000 against ten times smaller
ON_LINE_KM, OFF_LINE_KM = 15.0, 40.0  # a ground claim's namesake this close to the day's front line, the others this far
TOWN_POP, FEW_NAMESAKES = (5_000, 5), 15
# "... district of Kharkiv City", "... districts of the Kyiv City": the words after a city district's name
CITY_DISTRICT = re.compile(r"\s+(?i:districts?)\s+of\s+(?:the\s+)?(?P<city>[A-Z][\w’'-]+)(?:\s+City)?\b")
DISTRICT_OF = re.compile(r"\s+of\s+(?:the\s+)?(?P<city>[A-Z][\w’'-]+)(?:\s+City)?\b")  # after "the Kyivskyi District"
CITY_DISTRICT_KM = 20.0  # a city's district lies this close to the city's point
RAION_WORD = re.compile(r"\s+(?:[Rr]aions?|[Rr]ayons?|[Dd]istricts?)$")
SEAT_CODES = frozenset({"PPLC", "PPLA", "PPLA2", "PPLA3"})  # a raion's or hromada's seat (Derhachi was a raion's until 2020)
RAION_CODES = frozenset({"ADM2", "ADM2H"})  # GeoNames' raions, today's and those before 2020
# "X hromada", "X, Y, and Z hromadas": the words after a name that make it a territorial community's, named after its seat
HROMADA_AFTER = re.compile(r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w’'-]+)*\s+(?i:hromadas?)\b")
HROMADA_SEAT_POP, HROMADA_SEAT_RATIO = 1_000, 5  # the seat: a town of this many people, this many times its namesakes
TOWN_MARGIN = 0.5  # a town leads or trails its hamlet namesakes by less than this: the town
OTHERS_KM = 30.0  # another shape of a name is the village meant only this close to the other places of the text
THEIR_OBLAST_KM = 60.0  # the namesake in the oblast of the sentence's other places lies this close to one of them
NEAR_KM, NEAR_RATIO, SECTION_RATIO = 15.0, 2.0, 3.0  # a namesake this close to the places named with it (of the sentence), the others this many times farther (of the section: 3)
# a namesake this close to a road or river the sentence names ("along the T1302"), the others this many times farther
LINE_KM, LINE_RATIO = 10.0, 2.5
ON_LINE_MAX_KM = 20.0  # a place the text puts on a road or river ("Yakovlivka, along the T1302") lies at most this far from it
BESIDE_MAX_KM = 60.0  # ... and one it puts to a side of a river or body of water ("Zatoka, south of the Dniester Estuary")
# a road named by its end towns ("the R-66 Svatove-Kreminna highway"): the towns' namesakes tried, and how far apart its ends may lie
ROAD_END_CANDIDATES, ROAD_SPAN_KM = 40, 400.0
ROAD_SLACK_KM = 10.0  # ... drawn straight, while the road itself bends: a village this much farther from the line is on it


class _read_once:
    """`functools.cached_property` without its lock (Python 3.11 takes an RLock on each first read, some 15,000 a
    run): the value is computed on the first read and kept in the instance's __dict__, which later reads find."""

    def __init__(self, func):
        self.func, self.name, self.__doc__ = func, func.__name__, func.__doc__

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


# not frozen (nothing assigns to a Context's fields after it is made; hashed and compared as a frozen one): a frozen
# dataclass's __init__ sets each of these 30 fields through object.__setattr__, 3.4 us a Context against 0.5 us
@dataclass(unsafe_hash=True)
class Context:
    """What the report says around a mention."""

    sentence_regions: tuple[str, ...] = ()  # admin1 names of the oblasts that qualify this mention
    named_regions: tuple[str, ...] = ()  # the oblasts that say where it lies (closing its list, framing it; not a border)
    heading_regions: tuple[str, ...] = ()
    heading_places: tuple[Place, ...] = ()
    sentence_places: tuple[Place, ...] = ()  # places already resolved in the same sentence
    paragraph_places: tuple[Place, ...] = ()
    front: PointIndex | None = None  # confidently placed claims of this and nearby reports
    kind: str | None = None  # the claim's kind (advance / attack / strike): how much the front line of the day counts
    actor: str | None = None  # the claim's actor: a strike lands across the front line from it
    claim_oblasts: frozenset[str] = frozenset()  # the oblasts the mention's own claim names as places of its own
    neighbours: tuple[CellSet, ...] = ()  # where the namesakes of the other places in the sentence lie
    section_points: PointIndex | RecentPoints | None = None  # `paragraph_places` indexed, when the caller keeps one
    stated: bool = False  # the mention's distance and bearing are said of the place itself ("X (5km north of Y)")
    within: bool = False  # the distance is an upper bound ("within 30km southwest of X near Y")
    outskirts: bool = False  # the place lies on the outskirts of its reference town ("X on the northern outskirts of Y")
    origin: Place | None = None  # the town the sentence's bearings agree on, when this mention names it itself
    section_namesake: Place | None = None  # the place this name was put on with confidence elsewhere in the section
    border_regions: frozenset[str] = frozenset()  # oblasts the sentence names by their border ("along the Mykolaiv-Kherson border")
    russian_border: bool = False  # the sentence places something on Ukraine's border with Russia ("3 km from the Russian border")
    after: str = ""  # the words right after the mention in its sentence (`longer_name`)
    lines: tuple[Line, ...] = ()  # the roads and rivers the sentence names ("along the T1302", "the Siverskyi Donets")
    on_lines: tuple[Line, ...] = ()  # those it puts this place on ("X and Y, both along the T1302")
    beside_lines: tuple[tuple[Line, str | None], ...] = ()  # the rivers and waters it puts this place to a side of, and the side ("X, south of the Dniester Estuary")
    claim_places: tuple[Place, ...] = ()  # the settlements already placed of the mention's own claim
    border_side: str | None = None  # the oblast of its places by a border's side ("east of the Donetsk-Zaporizhia border")
    oblast_parts: tuple[tuple[str, float], ...] = ()  # (admin1, compass angle) of the oblasts named by a part ("west Kherson Oblast")
    front_km: tuple[tuple[float, float], ...] = ()  # the km from the front line the text puts it at ("(roughly 95 kilometers from the frontline)"), as ranges

    @_read_once
    def sentence_points(self) -> tuple[tuple[int, float, float], ...]:
        """(geonameid, lat, lon) of `sentence_places`, read once for every candidate."""
        return tuple((x.geonameid, x.lat, x.lon) for x in self.sentence_places)

    @_read_once
    def section_index(self) -> PointIndex | RecentPoints:
        if self.section_points is not None:
            return self.section_points
        return PointIndex((x.lat, x.lon) for x in self.paragraph_places)


class PointIndex:
    """Points bucketed on a ~120 km grid, so "how far is the nearest point" costs a few lookups."""

    CELL_LAT, CELL_LON = 1.1, 1.7  # ~120 km: any radius up to that needs only the 3x3 cells around a point
    CELL_KM = 120.0

    def __init__(self, points: Iterable[tuple[float, float]] = ()):
        self.cells: dict[tuple[int, int], list[tuple[float, float]]] = {}
        self._memo: dict[tuple[float, float, float], float] = {}
        self._near: dict[tuple[int, int, int], list[list[tuple[float, float]]]] = {}  # (cell, ring) -> the cells around it
        self.scanned = 0  # points compared so far (the cost of the queries)
        cells, size_lat, size_lon = self.cells, self.CELL_LAT, self.CELL_LON  # read once: an oblast has thousands of points
        for point in points:
            lat, lon = point
            key = (int(lat // size_lat), int(lon // size_lon))
            cell = cells.get(key)
            if cell is None:
                cells[key] = [point]
            else:
                cell.append(point)  # the caller's pair itself: no new tuple for each of thousands

    def __bool__(self) -> bool:
        return bool(self.cells)

    def nearest_km(self, lat: float, lon: float, within: float) -> float:
        """Distance to the nearest point if it is within `within` km, else infinity."""
        key = (lat, lon, within)
        got = self._memo.get(key)
        if got is None:
            got = self._memo[key] = self._nearest(lat, lon, within)
        return got

    def _nearest(self, lat: float, lon: float, within: float) -> float:
        ring = max(1, math.ceil(within / self.CELL_KM))
        ci, cj = int(lat // self.CELL_LAT), int(lon // self.CELL_LON)
        best = math.inf
        radians, cos, hypot = math.radians, math.cos, math.hypot
        near = self._near.get((ci, cj, ring))
        if near is None:  # the points never change: the cells around a query's cell are found once
            cells = self.cells
            if len(cells) <= (2 * ring + 1) ** 2:
                # few cells hold points: test each against the square around the query, not every cell of the square
                near = [cell for (i, j), cell in cells.items() if -ring <= i - ci <= ring and -ring <= j - cj <= ring]
            else:
                near = [cell for di in range(-ring, ring + 1) for dj in range(-ring, ring + 1)
                        if (cell := cells.get((ci + di, cj + dj)))]
            self._near[(ci, cj, ring)] = near
        for cell in near:
            self.scanned += len(cell)
            for a, b in cell:  # approx_km, inlined: the hot loop of the resolver
                y = radians(a - lat)
                if 6371.0 * abs(y) >= best:
                    continue  # farther north or south than the nearest so far: approx_km is never less than this
                d = 6371.0 * hypot(radians(b - lon) * cos(radians((lat + a) / 2)), y)
                if d < best:
                    best = d
        return best if best <= within else math.inf


class FinePointIndex(PointIndex):
    """A `PointIndex` on a ~25 km grid, for "is a point within a few km" over thousands of points (an oblast's
    settlements): a query scans the 3x3 cells around it, some 80 km across, not 360 km. For a radius up to
    CELL_KM it answers exactly as a `PointIndex` does (every point that near lies in those cells)."""

    CELL_LAT, CELL_LON = 0.25, 0.4  # 0.4 degrees of longitude are 24 km and more up to 56 N
    CELL_KM = 24.0


class RecentPoints:
    """The last `size` places of a list that only grows (a section's places so far), asked "how far is the nearest"
    as a `PointIndex` of them would answer (the same grid cells, the same distance); a query asked again after
    places were added measures only the new ones, until the oldest start to drop out."""

    def __init__(self, places: list[Place], size: int):
        self.places = places  # appended to by the caller
        self.size = size
        self._points: list[tuple[float, float, int, int]] = []  # (lat, lon, grid cell) of each place read so far
        # query -> (places seen, the distance to the nearest of the last `size` of them, that place's index)
        self._memo: dict[tuple[float, float, float], tuple[int, float, int]] = {}
        self.scanned = 0

    def __bool__(self) -> bool:
        return bool(self.places)

    def nearest_km(self, lat: float, lon: float, within: float) -> float:
        """Distance to the nearest of the last `size` places if it is within `within` km, else infinity."""
        n = len(self.places)
        key = (lat, lon, within)
        got = self._memo.get(key)
        if got is not None and got[0] == n:
            best, at = got[1], got[2]
        elif got is not None and got[2] >= n - self.size:
            # the nearest place is still among the last `size` (none dropped out, or only farther ones): only the
            # places added since can be nearer
            best, at = self._nearest(lat, lon, within, got[0], n, got[1], got[2])
        else:
            best, at = self._nearest(lat, lon, within, max(0, n - self.size), n)
        self._memo[key] = (n, best, at)
        return best if best <= within else math.inf

    def _nearest(self, lat: float, lon: float, within: float, start: int, stop: int, best: float = math.inf,
                 at: int = -1) -> tuple[float, int]:
        """The nearest of places[start:stop] that lie in the grid cells `PointIndex` would scan, if nearer than
        `best` (the place at index `at`): (its distance, its index)."""
        points = self._points
        if len(points) < stop:  # (most queries come with no place added since the last)
            for x in self.places[len(points):stop]:
                points.append((x.lat, x.lon, int(x.lat // PointIndex.CELL_LAT), int(x.lon // PointIndex.CELL_LON)))
        # max(1, ceil(within / CELL_KM)), read without the calls for the radius the scoring asks (100 km)
        ring = 1 if within <= PointIndex.CELL_KM else math.ceil(within / PointIndex.CELL_KM)
        ci, cj = int(lat // PointIndex.CELL_LAT), int(lon // PointIndex.CELL_LON)
        i0, i1, j0, j1 = ci - ring, ci + ring, cj - ring, cj + ring  # the square of cells a PointIndex scans
        radians, cos, hypot = math.radians, math.cos, math.hypot
        scanned = 0
        for k, (a, b, i, j) in enumerate(points[start:stop], start):
            if i0 <= i <= i1 and j0 <= j <= j1:
                scanned += 1
                y = radians(a - lat)
                if 6371.0 * abs(y) >= best:
                    continue  # no nearer than the nearest so far (see `PointIndex._nearest`)
                d = 6371.0 * hypot(radians(b - lon) * cos(radians((lat + a) / 2)), y)
                if d < best:
                    best, at = d, k
        self.scanned += scanned
        return best, at


class CellSet:
    """Grid cells (~13 km) next to a set of points: "is any point within ~13-26 km" in one set lookup."""

    CELL_LAT, CELL_LON = 0.12, 0.18

    def __init__(self, points: Iterable[tuple[float, float]]):
        cells = set()
        for lat, lon in points:
            i, j = int(lat // self.CELL_LAT), int(lon // self.CELL_LON)
            a, b, c, d = i - 1, i + 1, j - 1, j + 1  # the 3x3 cells around it, written out (a generator is slower)
            cells.update(((a, c), (a, j), (a, d), (i, c), (i, j), (i, d), (b, c), (b, j), (b, d)))
        self.cells = frozenset(cells)

    def near(self, lat: float, lon: float) -> bool:
        return (int(lat // self.CELL_LAT), int(lon // self.CELL_LON)) in self.cells


@dataclass(slots=True)
class _Scored:
    cand: Candidate
    score: float = 0.0
    reasons: dict[str, float] = field(default_factory=dict)

    def add(self, rule: str, value: float) -> None:
        if value:
            self.score += value
            self.reasons[rule] = self.reasons.get(rule, 0.0) + value




def _listed_with(x: _Scored) -> float:
    """What the other places of its sentence say for a candidate."""
    return x.reasons.get("listed with places close to it", 0.0) + x.reasons.get("near other places in the sentence", 0.0)


def _stood_by(x: _Scored) -> bool:
    """Do the text's other places stand by this candidate: named with it, near the sentence's places, or within
    40 km of the section's?"""
    r = x.reasons
    return r.get("listed with places close to it", 0) > 0 or r.get("near other places in the sentence", 0) > 0 \
        or r.get("near other places in the section", 0) >= 1.0


def km(a: Place | tuple[float, float], b: Place | tuple[float, float]) -> float:
    """Great-circle distance in km, the same formula and radius as geopy's `great_circle`, without
    its per-call Point parsing.

    Not geopy's `geodesic`: on the resolver's hot path it is too slow. benchmarks/bench_distance.py (60 archive
    reports, full index, loaded 2-core machine, two runs): about 90 calls a report; geodesic 530-590 us a call,
    and extraction falls from 17 to 10 (36 to 14) reports/s with it, while the two differ by at most 0.32% over
    Ukraine."""
    la1, lo1 = (a.lat, a.lon) if isinstance(a, Place) else a
    la2, lo2 = (b.lat, b.lon) if isinstance(b, Place) else b
    radians, sin, cos = math.radians, math.sin, math.cos  # read once: some 100,000 calls a run
    p1, p2 = radians(la1), radians(la2)
    h = sin((p2 - p1) / 2) ** 2 + cos(p1) * cos(p2) * sin(radians(lo2 - lo1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


KM_PER_DEGREE_BELOW = 111.0  # a degree of latitude is 111.2 km: at least so many km lie between points a degree apart


def lat_km(a: Place, b: Place) -> float:
    """A lower bound of `km(a, b)` from the latitudes alone (the great circle is never shorter than the meridian
    between them), for tests that rule far namesakes out without the trigonometry."""
    return KM_PER_DEGREE_BELOW * abs(a.lat - b.lat)


def farther_than(a: Place, b: Place, limit: float) -> bool:
    """`km(a, b) > limit`, answered by `lat_km` when the latitudes alone tell."""
    return lat_km(a, b) > limit or km(a, b) > limit


def approx_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: good to 1% at these ranges, and fast enough for candidate sets.

    Not geopy's `geodesic`: benchmarks/bench_distance.py counts 320-340 calls a report, and extraction falls from
    17 to 6 (36 to 6) reports/s with geodesic here."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0 * math.hypot(x, y)


BEARING_SLACK = 0.5  # degrees: the sphere's initial bearing is within 0.13 of the ellipsoid's at the ranges compared


def sphere_bearing_deg(a: Place, b: Place) -> float:
    """Initial great-circle bearing from a to b, degrees (0-360): within 0.13 degrees of `bearing_deg` for points
    up to ~800 km apart in the theatre, and some 30 times cheaper."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dl = math.radians(b.lon - a.lon)
    y = math.sin(dl) * math.cos(p2)
    x = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return math.degrees(math.atan2(y, x)) % 360


def off_bearing(a: Place, b: Place, want: float) -> float:
    """Degrees between the bearing from a to b and `want`, on the sphere (see `sphere_bearing_deg`)."""
    return abs((sphere_bearing_deg(a, b) - want + 180) % 360 - 180)


def within_degrees(a: Place, b: Place, want: float, limit: float) -> bool:
    """Does b lie within `limit` degrees of bearing `want` from a, on the WGS 84 ellipsoid? The sphere decides
    unless it falls within `BEARING_SLACK` of the limit; then the exact azimuth does (the answer is the exact one)."""
    diff = off_bearing(a, b, want)
    if abs(diff - limit) > BEARING_SLACK:
        return diff <= limit
    return abs((bearing_deg(a, b) - want + 180) % 360 - 180) <= limit


def bearing_deg(a: Place, b: Place) -> float:
    """Initial compass bearing from a to b on the WGS 84 ellipsoid, degrees (0-360): the azimuth of the
    geodesic geopy's `geodesic` measures (geographiclib, its engine). A few calls a report (4-6 in
    benchmarks/bench_distance.py), so the exact formula costs nothing that matters."""
    azimuth = _WGS84.Inverse(a.lat, a.lon, b.lat, b.lon, _Geodesic.AZIMUTH)["azi1"]
    return azimuth % 360


_WGS84 = _Geodesic.WGS84


def fits_bearing(ref: Place, place: Place, direction: str, distance: float | None, within: bool = False) -> bool:
    """Does `place` lie `direction` of `ref` (within 67.5 degrees) at a plausible distance? With `within`, the
    distance is a bound ("within 30km southwest of X near Y"): any place up to it fits."""
    low = lat_km(ref, place)  # each test below that rules a place out as too far does so for this bound first
    if distance is not None:
        if (low > distance + max(8.0, 0.25 * distance)) if within else (low - distance > max(8.0, 0.5 * distance)):
            return False
    elif low > bearing_reach_km(ref):
        return False
    d = km(ref, place)
    if distance is not None:
        if within:
            if d > distance + max(8.0, 0.25 * distance):
                return False
        elif abs(d - distance) > max(8.0, 0.5 * distance):
            return False
    elif d > bearing_reach_km(ref):
        return False
    if d <= 4.0 + town_radius_km(ref):
        return True  # next to the town ("just north of Vuhledar"): GeoNames points are centres, the direction is noise
    wants = bearing_angles(direction)
    if not wants:
        return True
    return any(within_degrees(ref, place, want, 67.5) for want in wants)


@lru_cache(maxsize=256)
def bearing_angles(direction: str) -> tuple[float, ...]:
    """The compass angles a mention's bearing names: "southern" -> (180,); "north/west/south" (ISW's "north, west,
    and south of X") -> (0, 270, 180); empty when a word is no compass direction (the place may lie any way)."""
    angles = tuple(BEARINGS.get(word.replace("ern", "")) for word in direction.split("/"))
    return () if None in angles else angles


def one_angle(direction: str | None) -> float | None:
    """The one compass angle a bearing names, or None (none, or several: "northeast and southeast of X")."""
    angles = bearing_angles(direction or "")
    return angles[0] if len(angles) == 1 else None


def bearing_reach_km(ref: Place) -> float:
    """How far from `ref` a place given only by a bearing ("south of Avdiivka near X") may lie: some 55 km from a
    town, more from a city (four times its radius more: Kharkiv and Donetsk 90 km, Sumy ~73, Bakhmut ~65), at most
    MAX_BEARING_KM."""
    return min(MAX_BEARING_KM, BEARING_REACH_KM + 4.0 * town_radius_km(ref))


STATED_DEGREES = 45.0  # a place "5 km northeast of X" lies within 45 degrees of northeast of X ...
STATED_SLACK_KM = 15.0  # ... and no further off the distance stated than that distance, or 15 km (plus X's radius):
# ISW's distances are rounded and often measured from a town's edge, so only a gross misfit (the Kamianske
# 108 km from the Avdiivka it is said to lie 5 km from) rules a namesake out


def town_radius_km(place: Place) -> float:
    """About how far a town's edge lies from its GeoNames point (ISW measures from the edge of a city):
    the radius of a disc holding its people at 4,000 per km² (Kharkiv ~11 km, a village ~0)."""
    return math.sqrt(place.population / 4000 / math.pi) if place.population > 0 else 0.0


def within_stated(ref: Place, place: Place, direction: str, distance: float) -> bool:
    """Does `place` lie where a stated bearing and distance put it ("5km northeast of Avdiivka", "about 30 km
    southeast of Izyum")? The hard test a candidate must pass: within 45 degrees of the direction, and off the
    distance by no more than the distance itself (at least 15 km, plus the reference town's radius). A place within 2 km
    of the reference, or less than 2 km to the side of the stated line, fits any direction (GeoNames points
    are town centres)."""
    slack = max(STATED_SLACK_KM, distance) + town_radius_km(ref)
    if lat_km(ref, place) - distance > slack:
        return False  # too far by the latitudes alone (most namesakes of a name)
    d = km(ref, place)
    if abs(d - distance) > slack:
        return False
    wants = bearing_angles(direction)
    if not wants or d < 2.0:
        return True
    return any(_within_stated_angle(ref, place, want, d) for want in wants)


def _within_stated_angle(ref: Place, place: Place, want: float, d: float) -> bool:
    """`within_stated`'s direction test for one compass angle (`d`: the km from `ref` to `place`)."""
    rough = off_bearing(ref, place, want)
    if rough <= STATED_DEGREES - BEARING_SLACK:
        return True
    if rough >= 90 + BEARING_SLACK:
        return False
    diff = abs((bearing_deg(ref, place) - want + 180) % 360 - 180)
    return diff <= STATED_DEGREES or (diff < 90 and d * math.sin(math.radians(diff)) <= 2.0)


STATED_POINT_KM = 40.0  # a village said to lie at most this far from a town is put where the text says when the gazetteer lacks it


# resolutions made without a bearing from a river that stand: the one place of the name, the town among hamlets
RIVER_BEARING_DECIDERS = frozenset({"single candidate", "population"})


def stated_point(mention: Mention, ref: Place, cands: tuple[Candidate, ...] = ()) -> Resolution:
    """Where a mention no gazetteer row fits lies by the text's own bearing and distance from a settlement ("Blahodatne
    (12km north of Bakhmut)"): a derived point, marked for review; none for a larger distance, a region reference or a
    bearing it cannot read, nor when a namesake lies near the town."""
    why = f"no candidate lies {mention.distance_km:g} km {mention.bearing} of {ref.name} ({ref.admin1})"
    want = one_angle(mention.bearing)
    if want is None or not mention.distance_km or mention.distance_km > STATED_POINT_KM or not ref.is_settlement:
        return Resolution(mention, None, None, why, cands, review=True)
    if any(km(ref, c.place) <= max(30.0, 2.5 * mention.distance_km) for c in cands):
        # a village of that name lies near, not where the text says: the text misplaces it (or names it for
        # another), so no point is made up ("Makiivka, 10km south of Kreminna" for the one 25 km northwest)
        return Resolution(mention, None, None, why, cands, review=True)
    at = _WGS84.Direct(ref.lat, ref.lon, want, mention.distance_km * 1000.0)
    label = f"{mention.name} ({mention.distance_km:g} km {mention.bearing} of {ref.name})"
    place = Place(-(zlib.crc32(f"stated|{label}|{ref.geonameid}".encode()) & 0x7FFFFFFF or 1), label, round(at["lat2"], 5),
                  round(at["lon2"], 5), ref.country, ref.admin1, ref.admin1_code, "P", "PPL", 0, "derived")
    return Resolution(mention, place, "settlement", f"{why}: put where the text says", cands, review=True)


def at_stated_distance(ref: Place, place: Place, distance: float) -> bool:
    """Does `place` lie at about the distance stated from `ref`, whatever the direction? Off by no more than half
    the distance (at least 8 km), plus the reference town's radius: tighter than `within_stated`, as the direction
    no longer narrows the namesakes down."""
    return abs(km(ref, place) - distance) <= max(8.0, 0.5 * distance) + town_radius_km(ref)


# A distance said of the place itself follows its name: "Kamianske (5km northeast of Avdiivka)", "Bohorodychne,
# about 30 km southeast of Izyum", "Tabaivka and Kuzemivka (both 15 km ...)". One before it ("advanced 2km north of
# Bakhmut near X") may measure the advance, not where X lies: a hint then, not a constraint.
DISTANCE_AFTER = re.compile(
    r"(?:\s*(?:[,(—–-]|and\b|or\b|both\b|all\b|of\s+them\b|about\b|roughly\b|approximately\b|some\b|around\b|nearly\b|"
    r"just\b|over\b|under\b|up\s+to\b|located\b|situated\b|which\s+(?:is|are)\b|an?\b|small\b|settlement\b|village\b|"
    r"town\b|city\b|hamlet\b|[A-Z][\w’'-]*))*\s*(?:\d+(?:\.\d+)?|[a-z]+(?:\s+few)?)\s*-?\s*(?:km|kilomet|mile)")


def distance_stated_of(sentence: str, mention: Mention) -> bool:
    """Is the mention's distance said of the place itself (in apposition after its name)?"""
    return bool(mention.distance_km) and DISTANCE_AFTER.match(sentence, min(mention.end, len(sentence))) is not None


WITHIN_KM = Twin(re.compile(r"\bwithin\s+(?:about\s+|some\s+|roughly\s+|approximately\s+)?(\d+(?:\.\d+)?)\s*(?:km|kilomet)", re.I))


def distance_is_bound(sentence: str, mention: Mention) -> bool:
    """Is the mention's distance an upper bound ("within 27km southwest of Avdiivka near X")?"""
    if not mention.distance_km:
        return False
    return any(abs(float(m.group(1)) - mention.distance_km) < 1e-6 for m in WITHIN_KM.finditer(sentence))


# "Azovske (roughly 95 kilometers from the frontline)", "X (either roughly 7 or 65 kilometers from the frontline)", "X, some
# twenty-five km from the front line", "X (within 10 km of the frontline)": how far from the front line a place lies
FRONT_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                      "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
                      "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                      "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100, "one hundred": 100}
_FRONT_NUMBER = r"(?:\d+(?:\.\d+)?|(?:" + "|".join(sorted(FRONT_NUMBER_WORDS, key=len, reverse=True)) + r")(?:-[a-z]+)?)"
_ABOUT = r"(?:(?:roughly|about|approximately|around|some|nearly|almost|over|more\s+than|less\s+than|under|only|just)\s+)?"
FRONT_DISTANCE_AFTER = re.compile(
    rf"\s*[,(]\s*(?:(?:both|all|each|which\s+is|located|situated|a\s+(?:town|village|settlement|city)|either)\s+)*"
    rf"(?P<within>within\s+)?{_ABOUT}(?P<a>{_FRONT_NUMBER})(?:\s*(?:or|and|to|-|–)\s*{_ABOUT}(?P<b>{_FRONT_NUMBER}))?\s*"
    r"(?:km|kilomet(?:er|re)s?)\s+(?:from|of|behind)\s+the\s+(?:current\s+)?(?:front\s*lines?|front|lines?\s+of\s+contact)\b", re.I)
FRONT_DISTANCE_SLACK = (10.0, 0.5)  # a namesake fits a stated distance from the front line within max(10 km, half of it)


def front_number(word: str) -> float | None:
    """"95" -> 95, "five" -> 5, "twenty-five" -> 25; None for a word that is no number."""
    word = word.lower()
    if word[0].isdigit():
        return float(word)
    tens, _, ones = word.partition("-")
    if tens not in FRONT_NUMBER_WORDS or (ones and FRONT_NUMBER_WORDS.get(ones, 10) >= 10):
        return None
    return float(FRONT_NUMBER_WORDS[tens] + (FRONT_NUMBER_WORDS[ones] if ones else 0))


def stated_front_km(after: str) -> tuple[tuple[float, float], ...]:
    """The distances from the front line the words right after a place give it, each as the range of km a namesake
    may lie from the front line of the day: "(roughly 95 kilometers from the frontline)" -> ((47.5, 142.5),),
    "(either roughly 7 or 65 kilometers ...)" -> two ranges, "(within 10 km of the frontline)" -> ((0, 20),)."""
    m = FRONT_DISTANCE_AFTER.match(after)
    if m is None:
        return ()
    floor, share = FRONT_DISTANCE_SLACK
    out = []
    for word in (m.group("a"), m.group("b")):
        km_ = front_number(word) if word else None
        if km_ is not None:
            slack = max(floor, share * km_)
            out.append((0.0 if m.group("within") else max(0.0, km_ - slack), km_ + slack))
    return tuple(out)


OUTSKIRTS_AFTER = re.compile(r"\s*[,(]?\s*(?:(?:located|situated|just)\s+)?on\s+the\s+(?:[\w-]+\s+)?outskirts\s+of\b", re.I)
OUTSKIRTS_KM = 25.0  # "Marinka, on the southwestern outskirts of Donetsk City": ISW's outskirts reach some 25 km past a town's edge


def on_outskirts(sentence: str, mention: Mention) -> bool:
    """Is the place said to lie on the outskirts of the town it is told from ("X (on the western outskirts of Y)")?"""
    return mention.reference is not None and OUTSKIRTS_AFTER.match(sentence, min(mention.end, len(sentence))) is not None


GONE_CODES = frozenset({"PPLQ", "PPLH", "PPLW"})  # GeoNames' abandoned, historical and destroyed populated places
AREA_CODES = frozenset({"PEN", "ISLS", "RGN", "AREA", "PLN", "UPLD", "MTS"})  # a peninsula, a region: no point to measure from
CAPITAL_CODES = frozenset({"PPLC", "PPLA"})  # a national or oblast capital: "Kyiv", "Kharkiv" named bare mean the city
LEFT_BANK = re.compile(r"\b(?:left|east(?:ern)?)\b[^.]{0,12}\bbank\b", re.I)
# The lower Dnipro, (lat, lon) from the Zaporizhzhia dam to the mouth: the river that splits Zaporizhzhia and
# Kherson oblasts into a right (north-west) and a left (south-east) bank. Coarse (a few km), which moves the
# mean of an oblast's left-bank settlements by far less than that.
DNIPRO_LOWER = ((47.87, 35.09), (47.62, 34.75), (47.52, 34.50), (47.40, 34.20), (47.15, 33.85), (46.90, 33.55),
                (46.78, 33.38), (46.72, 33.10), (46.68, 32.85), (46.64, 32.68), (46.55, 32.45), (46.48, 32.20))
DNIPRO_OBLASTS = frozenset({"Kherson Oblast", "Zaporizhzhia Oblast"})


def on_left_bank(lat: float, lon: float) -> bool:
    """Does a point lie south-east of the lower Dnipro (its left bank)?"""
    line = DNIPRO_LOWER
    if lon >= line[0][1]:
        return True  # east of the Zaporizhzhia dam
    if lon <= line[-1][1]:
        return lat < line[-1][0]  # the Kinburn spit side of the estuary
    for (la1, lo1), (la2, lo2) in zip(line, line[1:]):
        if lo2 <= lon <= lo1:
            river = la1 + (la2 - la1) * (lon - lo1) / (lo2 - lo1)
            return lat < river
    return False


# "near the Russian border", "on the international border", "the border with Russia": Ukraine's land border with Russia
RUSSIAN_BORDER = re.compile(r"\b(?:Russian|international|state|Russia-Ukraine|Ukrainian-Russian|Russian-Ukrainian)\s+border\b|"
                            r"\bborder\s+with\s+Russia\b", re.I)
RUSSIAN_BORDER_KM = 15.0
BORDERING = FRONT_REGIONS | NORTHERN_FRONT | {"Odesa Oblast", "Kirovohrad Oblast", "Poltava Oblast"}  # oblasts across a border named alone
BORDER_KM = 12.0  # a place this close to a village of the oblast across the border lies on that border


def oblast_points(gazetteer, admin1: str) -> PointIndex:
    """The settlements of one oblast, indexed (cached per gazetteer)."""
    cache = gazetteer.__dict__.setdefault("_oblast_points", {})
    if admin1 not in cache:
        if hasattr(gazetteer, "settlement_points"):
            points = gazetteer.settlement_points(admin1)  # no Place built for each of thousands of villages
        else:
            settlements = [p for p in (gazetteer.get(gid) for gid in gazetteer.place_ids())
                           if p is not None and p.admin1 == admin1 and p.is_settlement]
            points = [(p.lat, p.lon) for p in settlements]
        cache[admin1] = FinePointIndex(points)  # asked within BORDER_KM
    return cache[admin1]


def near_border(gazetteer, place: Place, oblasts: frozenset[str]) -> bool:
    """Does `place` lie on the border of the oblasts named: within BORDER_KM of a settlement of one of them when
    it lies outside them (of each), or, inside one, of a settlement of another oblast named (with one oblast named:
    of any other oblast of the theatre)?"""
    cache = gazetteer.__dict__.setdefault("_near_border", {})  # the namesakes of a name come back in every sentence
    key = (place.geonameid, place.lat, place.lon, place.admin1, oblasts)
    got = cache.get(key)
    if got is None:
        if len(cache) > NAMESAKE_CELLS_MAX:
            cache.clear()
        got = cache[key] = _near_border(gazetteer, place, oblasts)
    return got


def _near_border(gazetteer, place: Place, oblasts: frozenset[str]) -> bool:
    def near(admin1: str) -> bool:
        return oblast_points(gazetteer, admin1).nearest_km(place.lat, place.lon, BORDER_KM) <= BORDER_KM

    if place.admin1 not in oblasts:
        return all(near(a) for a in sorted(oblasts))
    across = (oblasts - {place.admin1}) or (BORDERING - {place.admin1})
    return any(near(a) for a in sorted(across))


def left_bank_area(gazetteer, oblast: Place) -> Place | None:
    """A point standing for "the east (left) bank of <oblast>": the oblast's left-bank settlement nearest the
    mean of them all (so it lies on land, in the occupied south-east), as a place of its own at precision
    region; not the oblast's admin centre, not its capital on the right bank. Cached per gazetteer."""
    cache = gazetteer.__dict__.setdefault("_left_banks", {})
    if oblast.admin1 in cache:
        return cache[oblast.admin1]
    if hasattr(gazetteer, "settlements_in"):
        settlements = gazetteer.settlements_in(oblast.admin1)
    else:
        settlements = [p for p in (gazetteer.get(gid) for gid in gazetteer.place_ids())
                       if p is not None and p.admin1 == oblast.admin1 and p.is_settlement]
    points = [(p.lat, p.lon, p) for p in settlements if on_left_bank(p.lat, p.lon)]
    area = None
    if len(points) >= 5:
        lat = sum(x[0] for x in points) / len(points)
        lon = sum(x[1] for x in points) / len(points)
        _, _, mid = min(points, key=lambda x: approx_km(lat, lon, x[0], x[1]))
        area = Place(-(zlib.crc32(f"left bank|{oblast.admin1}".encode()) & 0x7FFFFFFF or 1), f"{oblast.admin1} (east (left) bank)",
                     mid.lat, mid.lon, oblast.country, oblast.admin1, oblast.admin1_code, "A", "ADMD", 0, "derived")
    cache[oblast.admin1] = area
    return area


NATURAL = re.compile(r"\b(?:river|reservoir|lake|estuary|delta|sea|gulf|bay|spit|island|forest|hills?)\b", re.I)  # not named for a town
ADJECTIVE = re.compile(r"^([A-Z][a-z’'-]{2,}?)(?:s'?k(?:yi|yy|iy|y|a|e|oho|ij))$")


def town_forms(word: str) -> tuple[str, ...]:
    """The town names a Ukrainian place adjective may come from: "Antonivskyi" -> Antonivka, Antoniv; "Vuhlehirska" ->
    Vuhlehirsk; "Kakhovska" -> Kakhovka. Empty for a word that is no such adjective."""
    m = ADJECTIVE.match(word)
    if m is None:
        return ()
    stem = m.group(1)
    return (stem + "ka", stem + "sk", stem, stem + "ske", stem + "e")


# "Russian-occupied Melitopol airfield", "Ukrainian-controlled Zaporizhzhia City", "Ukraine’s Kharkiv Oblast": who holds it
SIDE_PREFIX = re.compile(r"^(?:(?:Russian|Ukrainian)[- ](?:occupied|controlled|held|appointed|installed|annexed)\s+|(?:Ukraine|Russia)[’']s\s+)(?=[A-Z])")
POSSESSIVE = re.compile(r"^([A-Z][\w-]+)[’']s\s+(?=\w)")  # "Mariupol’s Azovstal Steel Plant": a facility of that town


def plain_mention(mention: Mention) -> Mention:
    """The mention with the side holding the place, or the town owning a facility, taken off its name (the town
    kept as the facility's reference)."""
    # (SIDE_PREFIX needs a name beginning "Russia" or "Ukrain": most do not, and need no substitution)
    name = SIDE_PREFIX.sub("", mention.name, count=1) if mention.name.startswith(("Russia", "Ukrain")) else mention.name
    reference = mention.reference
    if mention.precision == "feature" and (m := POSSESSIVE.match(name)) is not None:
        name, reference = name[m.end():], reference or m.group(1)
    if name == mention.name:
        return mention
    return replace(mention, name=name, reference=reference)


def one_stream(a: Place, b: Place) -> bool:
    """Are two GeoNames rows stretches of one river (streams of one name in one oblast)?"""
    return a.feature_code in STREAM_CODES and b.feature_code in STREAM_CODES and a.admin1 == b.admin1 and _key_of(a.name) == _key_of(b.name)


STREAM_CODES = frozenset({"STM", "STMX", "STMI", "STMS", "STMA"})


def facility_base(name: str) -> str:
    """A facility's name without its facility words: "Port of Mariupol" -> "Mariupol", "Nova Kakhovka dam" -> "Nova
    Kakhovka" (empty when nothing else is left)."""
    return " ".join(FEATURE_WORDS.sub(" ", name).split())


def named_for(gazetteer, place: Place, mention: Mention) -> bool:
    """Is `place` the facility a feature mention names, or the town named whole in it ("Engels airbase" in Engels,
    "Belbek Air Base" by Fruktove, once Belbek)? Not a town found from a part of its name ("Siverskyi Donets River"
    is no river in the Leningrad Oblast village of Siverskiy)."""
    if not place.is_settlement:
        return True
    whole = [facility_base(mention.name) or mention.name, mention.reference or ""]
    return any(c.place.geonameid == place.geonameid for name in whole if name for c in gazetteer.lookup(name, fuzzy=False))


# A settlement's name followed by a word that makes it the name of something else: a river, gulf, island, gully,
# street, hotel or stadium named so lies elsewhere than the village of that name ("across the Inhulets and Dnipro
# rivers", "the Dniprovska Gulf", "along Druzhba Street in Marinka", "the Metallurg Stadium in central Bakhmut")
FEATURE_NAMED = Twin(re.compile(
         r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w’'-]+)+\s+(?i:rivers|islands|streets)\b"  # "A and B rivers"
         r"|(?:\s+[A-Z][\w’'-]+)?\s+(?i:rivers?|gulf|bay|spit|islands?|estuary|canal|gully|ravine|balka|street|lane|avenue|prospekt|"
         r"boulevard|square|hotel|stadium|microdistrict)\b(?!-)"
         r"|\s+(?i:district)\s+of\s+(?:the\s+)?[A-Z][\w’'-]+\s+City\b"))  # "the Kyivskyi district of Kharkiv City"
# GeoNames names a gully or an island with its word in front ("Balka Zhuravka", "Ostriv Bilohrudyi"): the feature
# the text names, when it lies within reach of the text's other places
FEATURE_PREFIX = {"gully": "Balka", "ravine": "Balka", "balka": "Balka", "island": "Ostriv", "islands": "Ostriv"}
OWN_PREFIX = re.compile(r"^(?:Balka|Ostriv|Ozero|Richka)\s")  # "the Balka Zhuravka gully": GeoNames' place of that name
# a capitalised word right after the name: the name goes on ("Velyky Burlyk", "Cherkasy Tyshky", "Kryvyi Rih region")
NAME_GOES_ON = re.compile(r" ([A-Z][a-z’'-]+)\b")
NOT_OF_THE_NAME = frozenset({"City", "Oblast", "Oblasts", "Raion", "Hromada", "Krai", "Republic"})
# ... unless it names a facility of that town, which stands in it ("the Mariupol Drama Theater", "the Kherson State
# University", "the Mayorsk Rail Station", "the Sviatohirsk Lavra"): the run of capitalised words ends in such a noun
FACILITY_RUN = re.compile(
    r"(?:\s+(?:and\s+|of\s+(?:the\s+)?)?[A-Z][\w’'-]+)*?\s+(?i:theat(?:er|re)|hospital|university|college|institute|academy|school|"
    r"council|administration|building|station|lavra|monastery|church|cathedral|museum|winery|plant|factory|works|refinery|"
    r"airport|airfield|airbase|port|bridge|dam|depot|enterprise|market|cent(?:er|re)|complex|office|headquarters|base|barracks|"
    r"axis|direction|regiment|brigade|battalion|division|corps)\b")
JOINED_SCORE = 0.9  # a name joined with the word after it matches a gazetteer name this closely at least


def _no_quarters_of(towns: list[Candidate], name: str) -> list[Candidate]:
    """The towns a facility stands in or is named after ("the Port of Mariupol"), without the quarters GeoNames lists
    under the town's name (Zirka, a PPLX of Mariupol with "Mariupol" among its alternate names) when a town named so
    is among them: the facility is the town's, not the quarter's."""
    key = _key_of(name[:-5] if name.endswith(" City") else name)
    if not any(_key_of(c.place.name) == key for c in towns):
        return towns
    return [c for c in towns if c.place.feature_code != "PPLX" or _key_of(c.place.name) == key]


CITY_POP = 100_000  # a city this big is named without its oblast
FACILITY_TOWN_KM = 20.0  # a facility named after a town lies in it, when it lies this close to the town the text names with it


def is_city_named_bare(cand: Candidate, mention: Mention) -> bool:
    """Is the candidate a national or oblast capital, or a city of 100,000 or more, that the mention names by its own
    name ("Nikopol", "Mykolaiv City", "Zaporizhya"), not a fuzzy or alternate-name match?"""
    p = cand.place
    if cand.match == "fuzzy" or not p.is_settlement or (p.feature_code not in CAPITAL_CODES and p.population < CITY_POP):
        return False
    name = mention.name[:-5] if mention.name.endswith(" City") else mention.name
    return _key_of(p.name) == _key_of(name) or p.feature_code in CAPITAL_CODES


# a raion or district named right after a place: "X area, Skadovsk Raion", "X in the Henichensk district", "X, Starobilsk
# Raion" (not a military district)
RAION_AFTER = re.compile(r"\s*(?:area\b)?\s*,?\s*(?:in\s+)?(?:the\s+)?(?P<name>(?!Military\b)[A-Z][\w’'-]+)\s+(?:Raion|raion|[Dd]istrict)\b")
RAION_KM = 40.0
BORDER_STRETCH_KM = 60.0  # an oblast's border named alone: the stretch within this of the sentence's other places  # a raion's villages lie this close to its seat (the pre-2020 raions GeoNames keeps)
MISSPELT_TOWN_POP = 20_000  # a town this big, spelt all but as written, is the place meant rather than a village so spelt
MISSPELT_SLACK = 0.04  # ... when its spelling is this close to the best fuzzy match's
MISSPELT_BASE_SCORE = 0.93  # a facility's town spelled this close to a settlement's name is that settlement's (fuzzy)
MISSPELT_BASE_LETTERS = 7  # ... in a name this long at least


def _the_town_misspelt(cands: list[Candidate]) -> list[Candidate]:
    """A misspelt name ("Zaprozhia", "Tomak") matched only fuzzily: a Ukrainian town of 20,000 or more among the
    closest spellings is the town meant, not a far village of that name or another spelt as close."""
    if not cands:
        return cands
    top = max(c.score for c in cands)
    towns = [c for c in cands if c.place.is_settlement and c.place.country == "UA"
             and c.place.population >= MISSPELT_TOWN_POP and c.score >= top - MISSPELT_SLACK]
    return [max(towns, key=lambda c: c.place.population)] if towns else cands


def other_shape_keys(name: str) -> tuple[str, ...]:
    """The exact keys `Gazetteer.other_shapes` looks a name up under (its other ending, its other closing vowel, its
    Russian shape)."""
    key = strip_leading(normalize(name))
    return ending_forms(key) + vowel_forms(key) + russian_forms(key)


@lru_cache(maxsize=1 << 16)
def _key_of(name: str) -> str:
    """The spelling-insensitive key of a name (kept across reports: a place's name never changes)."""
    return variant_key(normalize(name))


class Resolver:
    """Resolves the mentions of one report's claims against a gazetteer."""

    def __init__(self, gazetteer, front: Sequence[tuple[float, float]] = (), frontline=None, day: dt.date | None = None):
        self.g = gazetteer
        self.front_regions = front_regions(day)
        self.front_prior = PointIndex(front)
        self.frontline = frontline  # geo.places.frontline.Snapshot of the report's date, or None
        self._line_km: dict[int, float] = {}
        self._border_km: dict[int, float] = {}  # km to Ukraine's land border with Russia
        self._on_line: dict[tuple[str, int], float] = {}  # km from a place to a road or river (`_km_to_lines`)
        self._roads: dict[tuple[str, ...], Line | None] = {}  # roads named by their end towns (`road_through`)
        self._settlement_cands: dict[str, tuple[Candidate, ...]] = gazetteer.__dict__.setdefault("_settlement_candidates", {})
        self._shaped: dict[str, tuple[Candidate, ...]] = gazetteer.__dict__.setdefault("_other_shaped_settlements", {})
        self.work = 0  # candidates scored
        self.compared = 0  # places they were compared with

    # -- candidates ----------------------------------------------------------------------

    def candidates(self, mention: Mention) -> tuple[list[Candidate], str]:
        """Candidates for a mention and the precision they stand for."""
        if mention.precision == "region":
            place = self.g.region(mention.name)
            if place is None and "People" in mention.name:
                # "Luhansk People's Republic": the proxy republic's claimed territory is the oblast
                place = self.g.region(mention.name.split()[0] + " Oblast")
            if place is None:
                # raions and city districts are in the gazetteer as admin areas
                cands = [c for c in self.g.lookup(mention.name, fuzzy=False) if c.place.feature_class == "A"]
                # a raion GeoNames lacks ("Kupyansk Raion", "Derhachivskyi Raion", "Chuhuiv, Kharkiv, and Kupyansk
                # raions"): drawn at its seat, the town it is named after
                return cands or self._raion_seat(mention.name), "region"
            if place.admin1 in DNIPRO_OBLASTS and LEFT_BANK.search(mention.text or mention.name):
                # "east (left) bank Kherson Oblast": the occupied bank, not the oblast's centre or its capital
                bank = left_bank_area(self.g, place)
                if bank is not None:
                    return [Candidate(bank, "exact", 1.0)], "region"
            return [Candidate(place, "exact", 1.0)], "region"
        if mention.precision == "feature":
            name = mention.name
            for abbr, full in ABBREVIATIONS.items():
                name = re.sub(rf"\b{abbr}\b", full, name)
            cands = [c for c in self.g.lookup(name, fuzzy=False) if not c.place.is_settlement] if name else []
            if not cands and POWER_PLANT.search(name):
                # "the Kakhovka Hydroelectric Power Plant": GeoNames' "Kakhovka Hydroelectric Power Station", by the dam,
                # not Kakhovka town 9 km away
                cands = [c for c in self.g.lookup(POWER_PLANT.sub("Power Station", name), fuzzy=False) if not c.place.is_settlement]
            if not cands:
                alt = self.g.lookup(mention.name, fuzzy=False)
                cands = [c for c in alt if not c.place.is_settlement]
            if not cands and AIRFIELD.search(name):
                # "Antonov Airfield" for GeoNames' "Antonov Airport", "Kramatorsk airfield" for its "Kramatorsk Airport":
                # airfield, airport and air base name one place
                cands = [c for form in ("Airport", "Air Base", "Airfield") for c in self.g.lookup(AIRFIELD.sub(form, name), fuzzy=False)
                         if c.place.feature_code in AIRFIELD_CODES]
                # "the Melitopol airfield", "the Kherson airport": GeoNames' airfield named by the town's bare name or as its
                # "International Airport", not the town's centre 7-11 km away
                cands = cands or airfields_of_town(self.g, name)
            if not cands:
                # "the Kakhovka Reservoir", "the Pechenizske Reservoir": GeoNames' "... Vodoskhovyshche", not the town
                # or village it is named after
                cands = reservoirs_named(self.g, name)
            if cands:
                return cands, "feature"
            known = facility_town(mention.name)
            if mention.bearing and known is None and self._a_settlements_name(name):
                # "Zaliznyi Port, about 60km southwest of Kherson City": a village named so, not a port in Kherson
                return self.g.lookup(name, fuzzy=False), "feature"
            if mention.reference and (known is None or not mention.bearing) and not (
                    mention.bearing and self._named_after_town(mention.name)):
                # the town it stands in ("the Pidyommyy Bridge in Zatoka"); a well-known plant's own town rather than
                # the town it is told from ("the Vuhledar Power Plant south of Bakhmut"), and so is the town a facility
                # is named after ("the Nova Kakhovka dam east of Kherson City": east of it, so not in it)
                town = [c for c in self.g.lookup(mention.reference, fuzzy=False) if c.place.is_settlement]
                if town:
                    town = _no_quarters_of(town, mention.reference)
                    # ... unless it is named after a town beside that one ("the Antonivsky bridge near Kherson City" is
                    # Antonivka's, 10 km from the city's centre)
                    return self._named_after_town_near(mention, max(town, key=lambda c: c.place.population).place) or town, "feature"
            if known is not None:
                # "the Azot Chemical Plant", "Motor Sich": a well-known plant, in the town it stands in
                towns = [c for c in self.g.lookup(known[0], fuzzy=False) if c.place.is_settlement and c.place.admin1 == known[1]]
                if towns:
                    return [max(towns, key=lambda c: c.place.population)], "feature"
            base = facility_base(mention.name)
            if base and base != mention.name:
                # the town a facility is named after ("Melitopol Airfield", "Port of Mariupol"), else a feature of
                # that name ("Azovstal Steel Plant" is GeoNames' "Port Azovstali")
                found = self.g.lookup(base, fuzzy=False)
                towns = _no_quarters_of([c for c in found if c.place.is_settlement], base)
                named = [c for c in found if not c.place.is_settlement and c.place.feature_class != "A"]
                if towns or named:
                    return towns or named, "feature"
                words = base.split()
                # "the Antonivskyi Bridge", "Vuhlehirska Power Plant": named by the adjective of its town (Antonivka, Vuhlehirsk)
                # (not by a descriptive word alone: "Nova Kakhova", misspelt, is not the village of Nova)
                named_by = [n for n in range(len(words) - 1, 0, -1) if not all(is_qualifier_word(w) for w in words[:n])]
                towns = [] if NATURAL.search(mention.name) or is_qualifier_word(words[0]) else \
                    [c for form in town_forms(words[0]) for c in self.g.lookup(form, fuzzy=False) if c.place.is_settlement]
                if towns:
                    return towns, "feature"
                for n in named_by:  # "Mariupol Ilyich Metallurgical Plant": in the town it is named after
                    towns = [c for c in self.g.lookup(" ".join(words[:n]), fuzzy=False) if c.place.is_settlement]
                    if towns:
                        break
                if towns and not NATURAL.search(mention.name):
                    return towns, "feature"
            else:
                towns = []
            # "Velykiy Potemkin island" for GeoNames' "Ostriv Velykyi Potomkin": a fuzzy match, marked as such
            cands = [c for c in self.g.lookup(name) if c.match == "fuzzy" and not c.place.is_settlement][:3]
            if cands:
                return cands, "feature"
            if not towns and base and base != mention.name and not NATURAL.search(mention.name):
                # "the Nova Kakhova Hydroelectric Power Plant", "the Chaplin railway station": the town misspelt, fuzzy
                towns = self._town_misspelt(base)
            # a natural feature named like a town ("the Dnipro River Delta" is no part of Dnipro City): the town only when
            # GeoNames has no feature spelled all but so
            return towns, "feature"
        # a settlement's candidates depend on its name and the gazetteer only: kept with the gazetteer
        kept = self._settlement_cands.get(mention.name)
        if kept is None:
            cands = self.g.lookup(mention.name)
            exact = [c for c in cands if c.match != "fuzzy"]
            if exact:
                cands = exact
            else:
                cands = _the_town_misspelt(cands)
            if mention.name.endswith(" City"):
                # ISW's "Zaporizhzhia City", "Kharkiv City": the city itself, not a village of the same name
                cities = [c for c in cands if c.place.feature_code in ("PPLC", "PPLA", "PPLA2") or c.place.population >= 20_000]
                cands = cities or cands
            settlements = [c for c in cands if c.place.is_settlement]
            # a settlement name: prefer settlements; keep other features only when no settlement matches
            kept = tuple(settlements or [c for c in cands if c.place.feature_class not in ("A",)] or cands)
            if len(self._settlement_cands) > NAMESAKE_CELLS_MAX:
                self._settlement_cands.clear()
            self._settlement_cands[mention.name] = kept
        return list(kept), "settlement"

    # -- one mention ---------------------------------------------------------------------

    def _raion_seat(self, name: str) -> list[Candidate]:
        """The Ukrainian towns a raion named `name` may have its seat in: a town of that name, or the one its adjective
        comes from ("Derhachivskyi" -> Derhachi, "Kupianskyi" -> Kupiansk), that is a raion's or hromada's seat."""
        stem = RAION_WORD.sub("", name).strip()
        if not stem or " " in stem:
            return []
        forms = (stem,) + town_forms(stem)
        if forms[1:] and forms[-3].endswith("iv"):
            forms += (forms[-3][:-1],)  # "Derhachivskyi": Derhachi
        seats = {c.place.geonameid: c for form in forms for c in self.g.lookup(form, fuzzy=False)
                 if c.place.is_settlement and c.place.country == "UA" and c.place.feature_code in SEAT_CODES}
        return list(seats.values())

    def _town_misspelt(self, name: str) -> list[Candidate]:
        """The town a facility's misspelt name stands for ("Nova Kakhova", "Zaprozhia"): the settlements spelled all but
        so (one letter off in a name of two words or seven letters), the largest town among them when there is one."""
        if len(name.replace(" ", "")) < MISSPELT_BASE_LETTERS:
            return []
        cands = [c for c in self.g.lookup(name) if c.match == "fuzzy" and c.place.is_settlement and c.score >= MISSPELT_BASE_SCORE]
        return _the_town_misspelt(cands)

    def told_from_its_reference(self, mention: Mention) -> bool:
        """Is a feature mention's reference a town it is told from by a compass bearing, not the town it stands in:
        "the Darivka Bridge (northeast of Kherson City)" is in a Darivka, the one northeast of Kherson City;
        "Zaliznyi Port, about 60km southwest of Kherson City" is the village named so that lies there."""
        if mention.precision != "feature" or not mention.bearing or not mention.reference:
            return False
        name = plain_mention(mention).name
        if facility_town(name) is not None:
            return False  # a well-known plant: in its own town, wherever the text tells it from
        return self._named_after_town(name) or self._a_settlements_name(name)

    def _a_settlements_name(self, name: str) -> bool:
        """Is a feature-like name ("Zaliznyi Port") the whole name of settlements, with no feature of that name?"""
        found = self.g.lookup(name, fuzzy=False)
        return bool(found) and all(c.place.is_settlement for c in found)

    def _named_after_town_near(self, mention: Mention, ref: Place) -> list[Candidate]:
        """The towns a facility is named after ("Antonivsky" -> Antonivka) that lie within FACILITY_TOWN_KM of the
        larger town the text names with it, a landmark ("the Antonivsky road bridge near Kherson City"); empty for none,
        or when the town named is the smaller (the facility stands in it: "the Lysychansk Oil Refinery in
        Verkhnokamyanka")."""
        base = facility_base(mention.name)
        if not base or base == mention.name or NATURAL.search(mention.name) or _key_of(base) == _key_of(ref.name):
            return []
        forms = (base,) + town_forms(base.split()[0])
        near = {c.place.geonameid: c for form in forms for c in self.g.lookup(form, fuzzy=False) if c.place.is_settlement
                and _key_of(c.place.name) == _key_of(form) and c.place.population < ref.population
                and SAME_PLACE_KM < km(ref, c.place) <= FACILITY_TOWN_KM}
        return list(near.values())

    def _named_after_town(self, name: str) -> bool:
        """Is the facility `name` named after a settlement ("Nova Kakhovka dam", "Port of Mariupol")?"""
        base = facility_base(name)
        return bool(base) and base != name and any(c.place.is_settlement for c in self.g.lookup(base, fuzzy=False))

    def resolve(self, mention: Mention, ctx: Context, ref: Place | None = None, given: list[Candidate] | None = None) -> Resolution:
        """Where `mention` lies (`given`: these candidates, not the gazetteer's for its name)."""
        if given is None and ctx.after and mention.precision == "settlement":
            district = self._city_district(mention, ctx.after)
            if district is not None:
                return district
            longer = self._longer_name(mention, ctx, ref)
            if longer is not None:
                return longer
        res = self._resolve(mention, ctx, ref, given)
        if given is None and res.place is not None and res.precision == "settlement" and ctx.kind in GROUND_KINDS \
                and self.frontline is not None and not res.review:
            other = self._other_shape_on_the_line(res, ctx)
            if other is not None:
                return other
        if res.place is not None and res.precision == "settlement" and _key_of(res.place.name) != _key_of(mention.name):
            return self._row_named_so(res)
        return res

    def _city_district(self, mention: Mention, after: str) -> Resolution | None:
        """"The Kyivskyi district of Kharkiv City", "the Shevchenkivskyi District of Kyiv": the city's district, which
        GeoNames keeps as an admin area (a "Raion") or a quarter named so within CITY_DISTRICT_KM of the city named; not a
        namesake quarter of another city. None when the text names no city's district."""
        m = CITY_DISTRICT.match(after)
        if m is None:
            m = DISTRICT_OF.match(after) if mention.name.endswith((" District", " district", " Raion")) else None
            if m is None:
                return None
            name = mention.name.rsplit(" ", 1)[0]
        else:
            name = mention.name
        towns = [c.place for c in self.g.lookup(m.group("city"), fuzzy=False) if c.place.is_settlement]
        if not towns:
            return None
        city = max(towns, key=lambda p: p.population)
        parts = [c.place for c in self.g.lookup(f"{name} Raion", fuzzy=False) + self.g.lookup(name, fuzzy=False)
                 if c.place.feature_class in ("A", "P") and c.place.geonameid != city.geonameid and km(c.place, city) <= CITY_DISTRICT_KM]
        if not parts:
            return None
        part = min(parts, key=lambda p: (p.feature_class != "A", km(p, city)))
        return Resolution(mention, part, "region", f"a district of {city.name}", tuple(Candidate(p, "exact", 1.0) for p in parts))

    @staticmethod
    def _row_named_so(res: Resolution) -> Resolution:
        """A place found by an alternate name when a namesake named so lies within SAME_PLACE_KM is that namesake: the
        quarter of a town GeoNames lists under the town's name ("Bakhmut" is also an alternate of a village row inside
        the city) scores on the town's own point in the sentence, but the row meant is the town's."""
        key, p = _key_of(res.mention.name), res.place
        own = [c.place for c in res.candidates if c.place.is_settlement and c.place.feature_code not in GONE_CODES
               and _key_of(c.place.name) == key and km(c.place, p) <= SAME_PLACE_KM]
        if not own:
            return res
        town = max(own, key=lambda q: q.population)
        return replace(res, place=town, rule=f"{res.rule} (the row named so, {km(town, p):.0f} km from {p.name})")

    def _longer_name(self, mention: Mention, ctx: Context, ref: Place | None) -> Resolution | None:
        """A settlement mention whose sentence goes on with more of a name (`Context.after`): a river, street or
        stadium named so is not the village (left open); a name the text spells longer than the gazetteer's word found
        ("Velyky Burlyk", "Cherkasy Tyshky") is the settlement so named, spelled all but so, within reach of the text's
        other places, else left open ("Verkhny Terebezh" is no village "Verkhniy"). A facility of the town ("the Mariupol
        Drama Theater") and a comma left out ("Rubizhne Popasna") leave the mention as it is. None: not such a name."""
        found = FEATURE_NAMED.match(ctx.after) if OWN_PREFIX.match(mention.name) is None else None
        if found is not None:
            return self._named_feature(mention, ctx, found.group(0))
        m = NAME_GOES_ON.match(ctx.after)
        if m is None or m.group(1) in NOT_OF_THE_NAME:
            return None
        joined = f"{mention.name} {m.group(1)}"
        near = [c for c in self.g.lookup(joined) if c.place.is_settlement and c.score >= JOINED_SCORE
                and not self._far_from_front(c.place, ctx) and self._with_the_others(c.place, ctx)]
        if near:
            longer = replace(mention, name=joined, text=f"{mention.text} {m.group(1)}", end=mention.end + 1 + len(m.group(1)))
            res = self._resolve(longer, ctx, ref, given=near)
            if res.place is not None:
                fuzzy = _key_of(res.place.name) != _key_of(joined)
                return replace(res, rule=f"{res.rule} (named {joined}" + (f", spelled {res.place.name} in the gazetteer)" if fuzzy else ")"),
                               review=res.review or fuzzy)
        if FACILITY_RUN.match(ctx.after) or self.g.is_name(m.group(1)):
            return None
        return Resolution(mention, None, None, f"part of a longer name the gazetteer lacks: {joined}", (), review=True)

    def _named_feature(self, mention: Mention, ctx: Context, words: str) -> Resolution:
        """A name followed by the feature it names (`words`: " gully", " and Dnipro rivers"): GeoNames' gully or
        island of that name within reach of the text's other places ("Zhuravka gully" is its "Balka Zhuravka" by
        Kreminna), else left open: the river, street or stadium is not the village of that name."""
        *between, noun = words.split()
        prefix = FEATURE_PREFIX.get(noun.lower())
        if prefix is not None and (ctx.sentence_points or ctx.paragraph_places):
            # its whole name: "Velyky Potemkin" of "Velyky Potemkin islands", not "A" of "A and B islands"
            name = mention.name if words.lstrip().startswith((",", "and ")) else " ".join([mention.name, *between])
            near = [c for c in self.g.lookup(f"{prefix} {name}", fuzzy=False) if self._with_the_others(c.place, ctx, OTHERS_KM)]
            if near:
                named = replace(mention, name=f"{prefix} {name}", precision="feature")
                res = self._resolve(named, ctx, None, given=near)
                if res.place is not None:
                    return replace(res, mention=mention, precision="feature", rule=f"{res.rule} (the{words}: {res.place.name})")
        return Resolution(mention, None, None, f"the name of a feature, not a settlement: {mention.name}{words}", ())

    def _other_shape_on_the_line(self, res: Resolution, ctx: Context) -> Resolution | None:
        """A ground claim put on a village far from the front line of the day, when the name's other shape (the
        Russian ending, the other vowel) names a village on that line, with the other places of the text: that
        one ("Nikolske" near Pavlivka is GeoNames' Mykilske, alternate "Nikolskoye"; GeoNames' "Nikolske" is the
        renamed town of Volodarske, 60 km behind the line). Returns None when the place stands."""
        p, mention = res.place, res.mention
        if p.population >= CITY_POP or p.feature_code in CAPITAL_CODES or "bearing" in res.rule or "stated" in res.rule:
            return None  # a city named as a goal or in a look-back; a bearing says where it is
        if self._measure_line([p])[0] <= OFF_LINE_KM:
            return None
        near = [c for c in self.g.other_shapes(plain_mention(mention).name) if c.place.is_settlement
                and (not ctx.named_regions or c.place.admin1 in ctx.named_regions)]
        near = [c for c, d in zip(near, self._measure_line([c.place for c in near])) if d <= ON_LINE_KM
                and self._with_the_others(c.place, ctx, OTHERS_KM)] if near else []
        if not near:
            return None
        got = self._resolve(mention, ctx, None, given=near)
        if got.place is None:
            return None
        return replace(got, rule=f"{got.rule} (spelled {got.place.name} in the gazetteer; {p.name}, {p.admin1}, lies far from the front line)",
                       review=True, candidates=res.candidates + got.candidates, runner_up=p)

    def _resolve(self, mention: Mention, ctx: Context, ref: Place | None = None, given: list[Candidate] | None = None) -> Resolution:
        mention = plain_mention(mention)
        cands, precision = (given, "settlement") if given else self.candidates(mention)
        if not cands:
            return Resolution(mention, None, None, "not in the gazetteer", ())
        if precision == "region" and len(cands) == 1:
            rule = "left bank of the Dnipro in the oblast named" if cands[0].place.source == "derived" else \
                "the raion's seat (no row for the raion)" if cands[0].place.is_settlement else "region named"
            return Resolution(mention, cands[0].place, "region", rule, tuple(cands))
        if ref is not None and mention.bearing and mention.distance_km and ctx.stated and precision != "region":
            # a stated bearing and distance are a constraint, not a hint: namesakes lying elsewhere are not candidates
            fitting = [c for c in cands if within_stated(ref, c.place, mention.bearing, mention.distance_km)]
            if not fitting:
                # the place may be known by its other-language ending only ("Chkalove", GeoNames' "Chkalovo")
                more = [c for c in self.g.other_shapes(mention.name) if within_stated(ref, c.place, mention.bearing, mention.distance_km)]
                if more:
                    fitting, cands = more, cands + more
            if not fitting and mention.reference:
                # the reference town may be another namesake: the one from which a candidate lies as stated
                for r in self.candidates(Mention(mention.reference, 0, len(mention.reference), mention.reference))[0][:150]:
                    fitting = [c for c in cands if within_stated(r.place, c.place, mention.bearing, mention.distance_km)]
                    if fitting:
                        ref = r.place
                        break
            if not fitting and ref.feature_class == "H":
                # "20km northwest of the bridgehead over the Inhulets River": GeoNames keeps a river as one point (its
                # mouth), from which the stated bearing measures nothing; the name decides when it has one place or one
                # town (the front line alone does not: the bearing was the text's word on which namesake)
                res = self.resolve(replace(mention, bearing=None, distance_km=None), ctx)
                if res.place is not None and res.rule in RIVER_BEARING_DECIDERS:
                    return replace(res, mention=mention, rule=f"{res.rule} (bearing from the {ref.name} river not measurable)",
                                   review=True)
            if not fitting:
                # ISW's compass is often off ("Mayorsk (20km southwest of Bakhmut)" lies due south); its distances are
                # nearer the mark: a namesake at the distance stated, in another direction, is placed and marked for review
                near = [c for c in cands if at_stated_distance(ref, c.place, mention.distance_km)]
                res = self.resolve(replace(mention, bearing=None, distance_km=None), ctx, ref) if near else None
                if res is not None and res.place is not None and any(c.place.geonameid == res.place.geonameid for c in near):
                    return replace(res, mention=mention, rule=f"at the distance stated from {ref.name}, not in the direction", review=True)
                # the gazetteer lacks the village ("Dvorichchia (2km west of Soledar)"): the point the text gives, for review,
                # from a town in the fighting and, for a ground claim, on the front line of the day
                got = stated_point(mention, ref, tuple(cands)) if not self._far_from_front(ref, ctx) else None
                if got is not None and got.place is not None and self.frontline is not None and ctx.kind in GROUND_KINDS \
                        and self.frontline.distance_km([got.place.lat], [got.place.lon])[0] > OFF_LINE_KM:
                    got = None
                return got if got is not None and got.place is not None else Resolution(
                    mention, None, None, f"no candidate lies {mention.distance_km:g} km {mention.bearing} of {ref.name} ({ref.admin1})",
                    tuple(cands), review=True)
            cands = fitting
        if ref is not None and ctx.outskirts and precision != "region":
            # "Mykhailivka on the northern outskirts of Melitopol": a namesake far from the town is another village
            near = [c for c in cands if km(ref, c.place) <= OUTSKIRTS_KM + town_radius_km(ref)]
            if not near:
                return Resolution(mention, None, None, f"no candidate lies on the outskirts of {ref.name} ({ref.admin1})",
                                  tuple(cands), review=True)
            cands = near
        narrowed = None  # what the text says of the place that left one namesake of several
        if ctx.on_lines and precision == "settlement":
            # "Yakovlivka, along the T1302": a namesake far from the road is another village (the one meant may be missing)
            near = [c for c in cands if self._km_to_lines(c.place, ctx.on_lines) <= ON_LINE_MAX_KM]
            if not near:
                return Resolution(mention, None, None, f"no candidate lies along the {ctx.on_lines[0].name}", tuple(cands), review=True)
            if len(near) < len(cands):
                narrowed = f"the only namesake along the {ctx.on_lines[0].name}"
            cands = near
        if ctx.beside_lines and precision == "settlement":
            # "Zatoka, south of the Dniester Estuary", "Lozove, on the eastern bank of the Inhulets River": a namesake far from
            # the water, or on its other side, is another village
            water = ctx.beside_lines[0][0].name
            near = [c for c in cands if any(self._km_to_lines(c.place, (line,)) <= BESIDE_MAX_KM
                                            and (side is None or line.on_side(c.place.lat, c.place.lon, side))
                                            for line, side in ctx.beside_lines)]
            if not near:
                return Resolution(mention, None, None, f"no candidate lies by the {water} as stated", tuple(cands), review=True)
            if len(near) < len(cands):
                narrowed = f"the only namesake by the {water} as stated"
            cands = near
        if ctx.front_km and precision == "settlement" and self.frontline is not None and len(cands) > 1:
            # "Azovske (roughly 95 kilometers from the frontline)": the namesakes lying about that far from the front line
            # of the day (when one does: the line drawn may be off, or the gazetteer lack the place)
            fits = [c for c, d in zip(cands, self._measure_line([c.place for c in cands]))
                    if any(low <= d <= high for low, high in ctx.front_km)]
            if fits and len(fits) < len(cands):
                narrowed = "the only namesake at the distance from the front line stated"
                cands = fits
        if ref is not None and not mention.bearing and mention.distance_km and ctx.stated and precision != "region":
            # "Bilohorivka, approximately 13 km from Rubizhne": a distance with no direction keeps the namesakes lying
            # about that far from the town (when one does; the text may measure from elsewhere)
            near = [c for c in cands if at_stated_distance(ref, c.place, mention.distance_km)]
            if not near and ref.is_settlement:
                return Resolution(mention, None, None, f"no candidate lies {mention.distance_km:g} km from {ref.name} ({ref.admin1})",
                                  tuple(cands), review=True)
            cands = near or cands
        if ctx.border_side is not None and precision == "settlement" and not any(c.place.admin1 == ctx.border_side for c in cands) \
                and all(c.place.population < CITY_POP for c in cands) and len(cands) > 1:
            # "Shevchenkove, east of the Donetsk-Zaporizhia Oblast border": no namesake in Donetsk Oblast, the gazetteer lacks it
            return Resolution(mention, None, None, f"no candidate on the side of the border named ({ctx.border_side})",
                              tuple(cands), review=True)
        if ctx.named_regions and precision != "region" and not any(c.place.admin1 in ctx.named_regions for c in cands):
            if any(is_city_named_bare(c, mention) for c in cands):
                # "Mykolaiv City and Nikopol, Dnipropetrovsk Oblast": the oblast closing the list is that of the places
                # ISW qualifies; a capital or a city it names bare is known without one
                ctx = replace(ctx, named_regions=(), sentence_regions=())
            else:
                # the text says which oblast, and no namesake lies there: the gazetteer lacks the place
                return Resolution(mention, None, None, f"no candidate in the oblast named ({', '.join(ctx.named_regions)})",
                                  tuple(cands), review=True)
        if ctx.section_namesake is not None and ctx.paragraph_places:
            # the name placed earlier in the section vouches for that village ("section namesake"), not for its namesakes near it
            same = ctx.section_namesake
            ctx = replace(ctx, paragraph_places=tuple(x for x in ctx.paragraph_places if farther_than(x, same, SAME_PLACE_KM)),
                          section_points=None)
        if precision == "settlement" and (ctx.sentence_places or ctx.paragraph_places):
            # the name placed at one namesake elsewhere in the sentence or section ("from the outskirts of X to the
            # centre of X") vouches for none of its namesakes near it (a duplicate row beside the town)
            ids = {c.place.geonameid for c in cands}
            if any(x.geonameid in ids for x in ctx.sentence_places):
                ctx = replace(ctx, sentence_places=tuple(x for x in ctx.sentence_places if x.geonameid not in ids))
            if any(x.geonameid in ids for x in ctx.paragraph_places):
                ctx = replace(ctx, paragraph_places=tuple(x for x in ctx.paragraph_places if x.geonameid not in ids), section_points=None)
        pool = cands
        if len(cands) > 12:
            # many namesakes: those outside the theatre and the oblasts the text names cannot win; do not score them
            near = set(self.front_regions) | set(ctx.sentence_regions) | set(ctx.heading_regions)
            pool = [c for c in cands if c.place.admin1 in near] or cands
        if self.frontline is not None and ctx.kind and len(pool) > 1:
            self._measure_line([c.place for c in pool])
        scored = [self._score(_Scored(c), mention, ctx, ref) for c in pool]
        if precision == "settlement" and len(scored) > 1 and ("aion" in ctx.after or "istrict" in ctx.after):
            self._in_the_raion_named(scored, ctx)
        if ref is not None and mention.bearing:
            # of the namesakes lying in the given direction, ISW means the nearest when it is clearly nearer
            fitting = sorted((km(ref, x.cand.place), i) for i, x in enumerate(scored) if x.reasons.get("bearing", 0) > 0)
            if fitting:
                # (a namesake within 5 km of the nearest is the same place entered twice, not a rival)
                near = scored[fitting[0][1]].cand.place
                fitting = fitting[:1] + [f for f in fitting[1:] if km(near, scored[f[1]].cand.place) > SAME_PLACE_KM]
            if len(fitting) >= 2 and fitting[0][0] <= 0.67 * fitting[1][0]:
                scored[fitting[0][1]].add("nearest in the given direction", 1.0)
        if ctx.kind == "strike" and ctx.actor in STRIKE_SIDES and self.frontline is not None and len(scored) > 1:
            self._across_the_line(scored, ctx.actor)
        scored.sort(key=lambda s: (-s.score, -s.cand.place.population))
        best = scored[0]
        fuzzy = best.cand.match == "fuzzy"
        if len(scored) > 1 and ref is not None and mention.bearing and not mention.distance_km \
                and all(x.reasons.get("bearing", 0) < 0 for x in scored) and bearing_angles(mention.bearing) and narrowed is None:
            got = self._past_the_bearings_reach(mention, scored, ref, tuple(x.cand for x in scored))
            if got is not None:
                return got
        if len(scored) == 1:
            p = best.cand.place
            if precision != "region" and self._far_from_front(p, ctx) and not best.reasons.get("bearing", 0) > 0 \
                    and not best.reasons.get("oblast named", 0) > 0 and not ctx.beside_lines \
                    and not (p.feature_code in CAPITAL_CODES and not fuzzy) \
                    and not (precision == "feature" and not fuzzy and named_for(self.g, p, mention)):  # Odesa, Rostov-on-Don, Snake Island, Engels airbase: struck, far from the front
                # the only place of that name lies far from any fighting: another shape of the name may be the village
                # meant ("Dibrovne", GeoNames' "Dibrivne" near Barvinkove; its only "Dibrovne" is in Chernihiv Oblast)
                if precision == "settlement" and given is None:
                    shapes = {variant_key(f) for f in other_shape_keys(mention.name)}  # named so, not by an old alternate name
                    near = [c for c in self.g.other_shapes(mention.name) if c.place.is_settlement and _key_of(c.place.name) in shapes
                            and not self._far_from_front(c.place, ctx) and self._with_the_others(c.place, ctx)]
                    if not near and (ctx.sentence_points or ctx.paragraph_places):
                        # a letter dropped or doubled ("Zelendolsk" by Nikopol): a village spelled all but so, close to
                        # the other places of the text
                        # (a town, more likely named than a village, up to twice as far: Zelenodolsk lies 55 km from Nikopol)
                        near = [c for c in self.g.near_spellings(mention.name) if c.place.is_settlement
                                and not self._far_from_front(c.place, ctx) and self._with_the_others(
                                    c.place, ctx, OTHERS_KM * (2 if c.place.population >= TOWN_POP[0] else 1))]
                    if near:
                        res = self.resolve(mention, ctx, ref, given=near)
                        if res.place is not None:
                            return replace(res, rule=f"{res.rule} (spelled {res.place.name} in the gazetteer)", review=True,
                                           candidates=tuple(cands) + res.candidates)
                # else list it for review, do not put a marker there
                return Resolution(mention, None, None, f"only candidate is far from the fighting: {p.name} ({p.admin1})",
                                  tuple(cands), review=True)
            if ctx.named_regions and p.admin1 not in ctx.named_regions and precision != "region":
                # "the Slavyansk Oil Refinery in Krasnodar Krai" is not the Sloviansk of Donetsk Oblast
                return Resolution(mention, None, None, f"only candidate lies outside the oblast named: {p.name} ({p.admin1})",
                                  tuple(cands), review=True)
            if precision == "settlement" and len(ctx.sentence_points) >= 2 and self._far_from_the_sentence(best, ctx):
                # "strikes on Mykolaiv City and Apostolove ... and airstrikes near Potomkyne and Prechystivka": the only
                # Prechystivka the gazetteer knows lies 250 km from all three, by another front; the village meant is
                # missing, none beats a wrong village (one other place is no cluster: a strike list may span the front)
                return Resolution(mention, None, None, f"only candidate lies far from every other place of its sentence: "
                                  f"{p.name} ({p.admin1})", tuple(cands), review=True)
            if best.reasons.get("bearing", 0) < 0:
                if ref is not None and km(ref, p) > FAR_KM and not (best.reasons.get("capital named bare") or best.reasons.get("city named bare")):
                    # (a city named bare is that city: the bearing belongs to another place of the sentence,
                    # "east of Kyiv, in Sumy Oblast, and around Kharkiv")
                    return Resolution(mention, None, None, f"only candidate is far from the bearing's reference: {p.name} ({p.admin1})",
                                      tuple(cands), review=True)
                return Resolution(mention, p, precision, "single candidate; does not fit the bearing exactly", tuple(cands), review=True)
            rule = (narrowed or "single candidate") + (" (fuzzy match)" if fuzzy else "")
            return Resolution(mention, p, precision, rule, tuple(cands), review=fuzzy)
        # namesakes a few km apart are one place entered twice (GeoNames has such pairs): not an ambiguity
        second = next((x for x in scored[1:] if farther_than(best.cand.place, x.cand.place, SAME_PLACE_KM)), None)
        if second is None:
            return Resolution(mention, best.cand.place, precision, "namesakes within 5 km: one place", tuple(c.cand for c in scored),
                              runner_up=scored[1].cand.place, margin=0.0, review=fuzzy)
        if precision == "feature" and best.score - second.score < DECIDE and all(
                one_stream(best.cand.place, x.cand.place) for x in scored[1:] if best.score - x.score < DECIDE):
            # "the Oskil River": GeoNames has a row for each stretch of a river; any of them is the river
            return Resolution(mention, best.cand.place, precision, "one river, several rows", tuple(c.cand for c in scored),
                              runner_up=second.cand.place, margin=round(best.score - second.score, 2), review=fuzzy)
        margin = best.score - second.score
        deciding = max(  # the reason that separates them most, whichever of the two it counted for
            ((r, best.reasons.get(r, 0.0) - second.reasons.get(r, 0.0)) for r in {**best.reasons, **second.reasons}),
            key=lambda t: t[1], default=("none", 0.0),
        )
        # population decides only between a real town and hamlets of the same name
        pop, ratio = TOWN_POP if len(cands) <= FEW_NAMESAKES else (10_000, 10)
        big = not fuzzy and best.cand.place.population >= pop and best.cand.place.population >= ratio * max(1, second.cand.place.population)
        if margin < DECIDE and not (big and margin >= 0) and given is None and precision == "settlement" and not fuzzy:
            # namesakes the text does not separate: GeoNames may know the village meant only by its Russian name
            # ("Svitlychne" by Orikhove is its "Svetlichnoye"): such places join the namesakes (without the main-name
            # credit) when the text's other places stand by them
            extra = [c for c in self._russian_shaped(mention.name) if not self._far_from_front(c.place, ctx)
                     and all(farther_than(c.place, x.cand.place, SAME_PLACE_KM) for x in scored)]
            extra = [x.cand for x in (self._score(_Scored(c), mention, ctx, ref) for c in extra)
                     if x.score > best.score - DECIDE and _stood_by(x)]
            if extra:
                res = self._resolve(mention, ctx, ref, given=cands + extra)
                if res.place is not None and any(c.place.geonameid == res.place.geonameid for c in extra):
                    return replace(res, rule=f"{res.rule} (spelled {res.place.name} in the gazetteer)", review=True)
                return res  # one of the gazetteer's namesakes, or none when the other spelling ties with them
        if margin < DECIDE and not (big and margin >= 0):
            near = self._nearest_to_others(scored, ctx)
            if near is None and given is None and precision == "settlement":
                got = self._in_the_claims_oblast(mention, ctx, ref)
                if got is not None:
                    return got
            near = near or self._the_only_one_in_the_sector(scored, mention, ref, ctx) \
                or self._the_hromadas_seat(scored, ctx) or self._the_only_one_in_their_oblast(scored, ctx) \
                or self._the_only_one_along_the_line(scored, ctx) or self._only_one_on_the_front(scored, ctx) \
                or self._the_only_town(scored, pop, ratio, ctx) or self._letters_swapped(scored, mention, ctx)
            if near is not None:
                pick, rival, d, rule = near
                return Resolution(mention, pick.cand.place, precision, rule, tuple(c.cand for c in scored),
                                  runner_up=rival.cand.place, margin=round(pick.score - rival.score, 2), review=fuzzy)
            return Resolution(
                mention, None, None,
                f"ambiguous: {len(cands)} candidates, context does not separate them",
                tuple(c.cand for c in scored), runner_up=second.cand.place, margin=round(margin, 2),
            )
        if self._off_the_line_with_a_namesake_on_it(best, scored, ctx):
            return Resolution(
                mention, None, None,
                f"ambiguous: {len(cands)} candidates; the one the text favours lies far from the front line of the day, a namesake on it",
                tuple(c.cand for c in scored), runner_up=second.cand.place, margin=round(margin, 2), review=True,
            )
        if precision == "settlement" and self._far_from_the_sentence(best, ctx):
            return Resolution(
                mention, None, None,
                f"ambiguous: {len(cands)} candidates; the one the front and the section favour lies far from every other place of "
                "its sentence",
                tuple(c.cand for c in scored), runner_up=second.cand.place, margin=round(margin, 2), review=True,
            )
        rule = deciding[0] if margin >= DECIDE and deciding[1] > 0 else "population"
        return Resolution(
            mention, best.cand.place, precision, rule, tuple(c.cand for c in scored),
            runner_up=second.cand.place, margin=round(margin, 2), review=fuzzy,
        )

    def _across_the_line(self, scored: list[_Scored], actor: str) -> None:
        """A strike lands across the front line from the side striking: of namesakes scored alike (within DECIDE of the
        best), those on the other side's ground get a small lead (Russian strikes hit Ukrainian-held Ukraine, Ukrainian
        strikes the occupied areas and Russia). Settlements only; a namesake scored clearly lower stays behind."""
        top = max(x.score for x in scored)
        close = [x for x in scored if x.score > top - DECIDE and x.cand.place.is_settlement]
        if len(close) < 2:
            return
        places = [x.cand.place for x in close]
        occupied = self.frontline.inside([p.lat for p in places], [p.lon for p in places])
        struck = [(p.country == "UA" and not inside) if actor == "russia" else (p.country == "RU" or bool(inside))
                  for p, inside in zip(places, occupied)]
        if any(struck) and not all(struck):
            for x, hit in zip(close, struck):
                if hit:
                    x.add("across the front line from the side striking", ACROSS_THE_LINE)

    @staticmethod
    def _past_the_bearings_reach(mention: Mention, scored: list[_Scored], ref: Place, cands: tuple[Candidate, ...]) -> Resolution | None:
        """No namesake lies where a bearing with no distance puts it ("Rubizhne, south of Kharkiv"): a pick farther
        than FAR_KM from the reference is another place (the Rubizhne in Luhansk Oblast, 188 km east-southeast of
        Kharkiv), and none is chosen. (The one namesake farther on in the direction named is no safer a guess: ISW's
        compass is often off.) What else the text says of the place stands (a city named bare is that city, the bearing
        may be another place's; the river it lies by; its oblast)."""
        best = scored[0]
        if any(best.reasons.get(r, 0) > 0 for r in STRONG_REASONS):
            return None
        if km(ref, best.cand.place) > FAR_KM:
            return Resolution(mention, None, None, f"no candidate lies {mention.bearing} of {ref.name} ({ref.admin1}); the "
                              f"likeliest is {round(km(ref, best.cand.place))} km away", cands,
                              runner_up=scored[1].cand.place, review=True)
        return None

    def _letters_swapped(self, scored: list[_Scored], mention: Mention, ctx: Context):
        """A name the gazetteer knows only by fuzzy matches ("Lytpsi"): the one namesake spelled so but for two
        neighbouring letters swapped (Lyptsi, north of Kharkiv), when it lies in the fighting, is the place meant."""
        if not all(x.cand.match == "fuzzy" for x in scored):
            return None
        key = normalize(mention.name)
        hits = [x for x in scored if letters_swapped(key, normalize(x.cand.place.name))]
        if len({x.cand.place.geonameid for x in hits}) != 1 or self._far_from_front(hits[0].cand.place, ctx):
            return None
        pick = hits[0]
        rival = next(x for x in scored if x is not pick)
        return pick, rival, 0.0, f"letters swapped (spelled {pick.cand.place.name} in the gazetteer)"

    def _in_the_raion_named(self, scored: list[_Scored], ctx: Context) -> None:
        """A raion or district named right after the place ("in Mykolaivka area, Skadovsk Raion", "Novooleksiivka in
        the Henichensk district") says which namesake: those within RAION_KM of the raion's seat (GeoNames' point for
        the raion) count for it, the others against."""
        m = RAION_AFTER.match(ctx.after)
        if m is None:
            return
        raions = [c.place for c in self.g.lookup(f"{m.group('name')} Raion") if c.place.feature_class == "A" and c.score >= 0.9]
        if not raions:
            return
        seat = raions[0]
        for x in scored:
            x.add("in the raion named", 2.0 if km(seat, x.cand.place) <= RAION_KM else -1.0)

    def _in_the_claims_oblast(self, mention: Mention, ctx: Context, ref: Place | None) -> Resolution | None:
        """Namesakes the text does not separate, resolved again with the one oblast their claim names as a place of its
        own ("struck A and B, along the front line in Kherson Oblast") scored as an oblast named; the place found must lie
        within reach of the sentence's other places. Such an oblast scores nothing by itself (it may be a target of its
        own: "struck Kharkiv Oblast and Nikopol"), but between namesakes otherwise alike it says which."""
        if len(ctx.claim_oblasts) != 1 or ctx.sentence_regions:
            return None
        res = self._resolve(mention, replace(ctx, sentence_regions=tuple(ctx.claim_oblasts), claim_oblasts=frozenset()), ref)
        if res.place is None:
            return None  # still alike
        if not self._with_the_others(res.place, ctx) and not (
                all(x.admin1 in ctx.claim_oblasts for x in ctx.sentence_places) and self._with_the_others(res.place, ctx, FAR_KM)):
            # far from the places named with it: the oblast is theirs, the name another's; places of the oblast named
            # with it lie farther apart along its front ("A and B, along the frontline in Kherson Oblast": 110 km)
            return None
        return replace(res, rule=f"{res.rule} (the oblast its claim names)")

    def _off_the_line_with_a_namesake_on_it(self, best: _Scored, scored: list[_Scored], ctx: Context) -> bool:
        """Is a ground claim's pick, chosen by the weak evidence (the section, the heading, population), farther than
        OFF_LINE_KM from the front line of the day while a namesake lies on it (within ON_LINE_KM)? What the text says
        of the place itself (its oblast, a bearing, the town its bearings are given from, the name placed so in the
        section) stands."""
        if self.frontline is None or ctx.kind not in GROUND_KINDS or best.cand.place.is_region:
            return False
        if any(best.reasons.get(r, 0) > 0 for r in STRONG_REASONS):
            return False
        p = best.cand.place
        if p.population >= CITY_POP or p.feature_code in CAPITAL_CODES:
            return False
        if self._measure_line([p])[0] <= OFF_LINE_KM:
            return False
        rivals = [x.cand.place for x in scored[1:12] if not x.cand.place.is_region and km(p, x.cand.place) > SAME_PLACE_KM]
        return any(d <= ON_LINE_KM for d in self._measure_line(rivals)) if rivals else False

    @staticmethod
    def _far_from_the_sentence(best: _Scored, ctx: Context) -> bool:
        """Is a village chosen only by the weak evidence (the front prior, the section, population) farther than FAR_KM
        from every place already placed in its sentence, its own claim naming one at least ("concentration areas in
        Kherson City, Nova Kakhovka, Dariivka, and Nova Kardashinka": not a Nova Kamianka 400 km away)? Places named
        together lie together, not those of another clause ("Ukrainian forces recaptured positions near X and Russian
        forces advanced near Y"); a city (CITY_POP) is named far from the others often enough."""
        p = best.cand.place
        if not ctx.claim_places or p.population >= CITY_POP or p.feature_code in CAPITAL_CODES:
            return False
        if any(best.reasons.get(r, 0) > 0 for r in STRONG_REASONS):
            return False
        return all(approx_km(p.lat, p.lon, a, b) > FAR_KM for _, a, b in ctx.sentence_points)

    def _russian_shaped(self, name: str) -> tuple[Candidate, ...]:
        """Settlements found only under another shape of `name` (`Gazetteer.other_shapes`), kept with the gazetteer."""
        got = self._shaped.get(name)
        if got is None:
            if len(self._shaped) > NAMESAKE_CELLS_MAX:
                self._shaped.clear()
            got = self._shaped[name] = tuple(c for c in self.g.other_shapes(name) if c.place.is_settlement)
        return got

    def _nearest_to_others(self, scored: list[_Scored], ctx: Context):
        """Between namesakes the evidence scores alike, the one lying clearly nearest the other places of the
        sentence (else of the section): places named together lie together. "Clearly": within NEAR_KM of one of
        them, and every rival (more than 5 km from it) at least NEAR_RATIO times as far. Returns (pick, rival,
        km, rule) or None."""
        top = scored[0].score
        contenders = [x for x in scored if top - x.score < DECIDE][:12]
        for points, rule, ratio in ((ctx.sentence_places, "nearest to the other places of the sentence", NEAR_RATIO),
                                    (ctx.paragraph_places, "nearest to the other places of the section", SECTION_RATIO)):
            if not points:
                continue
            others = [(q.lat, q.lon, q.geonameid) for q in points]
            dist = []
            for x in contenders:
                p = x.cand.place
                d = math.inf
                for lat, lon, gid in others:
                    if gid != p.geonameid:
                        e = approx_km(p.lat, p.lon, lat, lon)
                        if 0.5 <= e < d:  # a point within 0.5 km is the place itself, entered twice
                            d = e
                dist.append((d, x))
            dist.sort(key=lambda t: t[0])
            d0, pick = dist[0]
            if d0 > NEAR_KM:
                continue
            rivals = [(d, x) for d, x in dist[1:] if km(pick.cand.place, x.cand.place) > SAME_PLACE_KM]
            if not rivals:
                continue
            if rivals[0][0] >= ratio * max(d0, 2.0) and (points is ctx.sentence_places or pick.score >= top):
                return pick, max(rivals, key=lambda t: t[1].score)[1], d0, rule
            return None  # the nearest group is not clearly nearer: the section will not say more
        return None

    def _the_only_one_in_their_oblast(self, scored: list[_Scored], ctx: Context):
        """Between namesakes the evidence scores alike, the leader when it is the only one in the oblast where every other place of the
        sentence lies (two at least, within THEIR_OBLAST_KM of it): "fighting in A, B and C", B and C both in Kyiv
        Oblast, is A of Kyiv Oblast. Returns (pick, rival, km, rule) or None."""
        others = {x.geonameid: x for x in ctx.sentence_places if x.is_settlement}
        if len(others) < 2 or len({x.admin1 for x in others.values()}) != 1:
            return None
        admin1 = next(iter(others.values())).admin1
        top = scored[0].score
        contenders = [x for x in scored if top - x.score < DECIDE and x.cand.place.geonameid not in others][:12]
        inside = [x for x in contenders if x.cand.place.admin1 == admin1]
        if not inside:
            return None
        pick = inside[0]
        p = pick.cand.place
        if pick.score < top or any(km(p, x.cand.place) > SAME_PLACE_KM for x in inside[1:]):
            # it leads, if only just: the oblast breaks a tie, it does not overturn what else the text says
            return None
        if min(km(p, x) for x in others.values()) > THEIR_OBLAST_KM:
            return None
        rivals = [x for x in contenders if x.cand.place.admin1 != admin1]
        if not rivals:
            return None
        return pick, rivals[0], 0.0, "the only namesake in the oblast of the sentence's other places"

    def _the_only_town(self, scored: list[_Scored], pop: int, ratio: float, ctx: Context):
        """Between namesakes the evidence scores all but alike (within TOWN_MARGIN), the only real town among them
        (`pop` people or more, `ratio` times the others): "Lozova" is the town of 54,000, not the hamlet that leads it
        by 0.01. Returns (pick, rival, km, rule) or None."""
        top = scored[0].score
        contenders = [x for x in scored if top - x.score < TOWN_MARGIN]
        towns = [x for x in contenders if x.cand.match != "fuzzy" and x.cand.place.population >= pop]
        if not towns:
            return None
        town = max(towns, key=lambda x: x.cand.place.population)
        others = [x for x in contenders if km(x.cand.place, town.cand.place) > SAME_PLACE_KM]
        if not others or town.cand.place.population < ratio * max(1, max(x.cand.place.population for x in others)):
            return None
        if max(_listed_with(x) for x in others) > _listed_with(town) or not self._with_the_others(town.cand.place, ctx, FAR_KM):
            return None  # a hamlet the sentence's other places stand by, or a town far from them ("near Pytomnyk, Kostyantynivka ...")
        return town, others[0], 0.0, "population"

    def _the_hromadas_seat(self, scored: list[_Scored], ctx: Context):
        """A name that ends a "hromada" (or a list of "hromadas") is the community's seat, which it is named after:
        between namesakes the evidence scores alike (within DECIDE), the town among hamlets ("Berezneguvate and
        Kutsurub hromadas"; a misspelt name only when the town is spelled closest to it). Returns (pick, rival, km,
        rule) or None."""
        if not HROMADA_AFTER.match(ctx.after):
            return None
        top, spelled = scored[0].score, max(x.cand.score for x in scored)
        contenders = [x for x in scored if top - x.score < DECIDE and x.cand.place.is_settlement]
        towns = [x for x in contenders if x.cand.score >= spelled and x.cand.place.population >= HROMADA_SEAT_POP]
        if not towns:
            return None
        seat = max(towns, key=lambda x: x.cand.place.population)
        others = [x for x in contenders if km(x.cand.place, seat.cand.place) > SAME_PLACE_KM]
        if others and seat.cand.place.population < HROMADA_SEAT_RATIO * max(1, max(x.cand.place.population for x in others)):
            return None
        if not self._with_the_others(seat.cand.place, ctx):
            return None  # a city far from the communities listed with it: the text means another seat spelled alike
        rival = others[0] if others else next((x for x in scored if x is not seat), seat)
        return seat, rival, 0.0, "the seat of the hromada named"

    @staticmethod
    def _the_only_one_in_the_sector(scored: list[_Scored], mention: Mention, ref: Place | None, ctx: Context):
        """Between namesakes that fit a bearing with a distance ("Blahodatne, approximately 40km east of Mykolaiv
        City") and score alike, the only one in the compass sector named (within 22.5 degrees of it) and at about the
        distance stated (within 30%, at least 5 km); the others lie only near the direction. Not for a bound ("within
        77km southwest of Donetsk City near X": X may lie anywhere closer). Returns (pick, rival, km, rule) or None."""
        want = one_angle(mention.bearing)
        if ref is None or want is None or not mention.distance_km or ctx.within:
            return None
        top = scored[0].score
        fitting = [x for x in scored if top - x.score < DECIDE and x.reasons.get("bearing", 0) > 0][:12]
        inside = [x for x in fitting if abs(km(ref, x.cand.place) - mention.distance_km) <= max(5.0, 0.3 * mention.distance_km)
                  and within_degrees(ref, x.cand.place, want, 22.5)]
        if not inside or any(km(inside[0].cand.place, x.cand.place) > SAME_PLACE_KM for x in inside[1:]):
            return None
        pick = inside[0]
        rivals = [x for x in fitting if km(pick.cand.place, x.cand.place) > SAME_PLACE_KM]
        if not rivals:
            return None
        return pick, rivals[0], km(ref, pick.cand.place), f"the only namesake {mention.bearing} of {ref.name} at the distance stated"

    def _the_only_one_along_the_line(self, scored: list[_Scored], ctx: Context):
        """Between namesakes the evidence scores alike, the only one by a road or river the sentence names ("attacked
        Nahirne and Bilohorivka along the T1302", "across the Siverskyi Donets River from Bilohorivka"): within LINE_KM
        of it, every rival (more than 5 km from it) at least LINE_RATIO times as far. Returns (pick, rival, km, rule)
        or None."""
        if not ctx.lines:
            return None
        top = scored[0].score
        contenders = [x for x in scored if top - x.score < DECIDE and x.cand.place.is_settlement][:12]
        if len(contenders) < 2:
            return None
        dist = sorted((self._km_to_lines(x.cand.place, ctx.lines), i) for i, x in enumerate(contenders))
        d0, i0 = dist[0]
        pick = contenders[i0]
        rivals = [(d, contenders[i]) for d, i in dist[1:] if km(pick.cand.place, contenders[i].cand.place) > SAME_PLACE_KM]
        if d0 > LINE_KM or not rivals or rivals[0][0] < LINE_RATIO * max(d0, 2.0):
            return None
        if self.frontline is not None and ctx.kind in GROUND_KINDS and self._measure_line([pick.cand.place])[0] > OFF_LINE_KM \
                and min(self._measure_line([x.cand.place for _, x in rivals])) <= ON_LINE_KM:
            return None  # a road runs a long way: fighting by it is where the front line crosses it
        line = min(ctx.lines, key=lambda x: self._km_to_lines(pick.cand.place, (x,)))
        return pick, max(rivals, key=lambda t: t[1].score)[1], d0, f"the only namesake along the {line.name}"

    def road_through(self, towns: tuple[str, ...]) -> Line | None:
        """The road a text names by its end towns ("the R-66 Svatove-Kreminna highway"), as the straight line through
        the namesakes of those towns that are the largest towns within ROAD_SPAN_KM of each other (road ends are towns
        a map names), the nearest of such pairs on a tie; None when a town is not a settlement the gazetteer knows."""
        if towns in self._roads:
            return self._roads[towns]
        ends = [sorted((c.place for c in self.candidates(Mention(t, 0, len(t), t))[0] if c.place.is_settlement and c.match != "fuzzy"),
                       key=lambda p: -p.population)[:ROAD_END_CANDIDATES] for t in towns]
        line = None
        if all(ends):
            best = None
            for a in ends[0]:
                for b in ends[-1]:
                    d = km(a, b)
                    if SAME_PLACE_KM < d <= ROAD_SPAN_KM and (best is None or (min(a.population, b.population), -d) > best[0]):
                        best = ((min(a.population, b.population), -d), a, b)
            if best is not None:
                a, b = best[1], best[2]
                # a town between the ends ("Mariupol-Berdyansk-Melitopol"): its namesake nearest the straight line
                middle = [min(c, key=lambda p: km(p, a) + km(p, b)) for c in ends[1:-1]]
                line = Line(f"{'-'.join(towns)} road", (tuple((p.lat, p.lon) for p in (a, *middle, b)),), ROAD_SLACK_KM)
        self._roads[towns] = line
        return line

    def _km_to_lines(self, place: Place, lines: tuple[Line, ...]) -> float:
        """Km from `place` to the nearest of `lines` (each distance measured once per place and line)."""
        got = math.inf
        for line in lines:
            key = (line.name, place.geonameid)
            d = self._on_line.get(key)
            if d is None:
                d = self._on_line[key] = max(0.0, line.km(place.lat, place.lon) - line.slack_km)
            got = min(got, d)
        return got

    def _only_one_on_the_front(self, scored: list[_Scored], ctx: Context):
        """Between namesakes the evidence scores alike, for a ground claim (advance, attack): the only one on the
        front line of the report's date (within ON_LINE_KM of it, every rival more than OFF_LINE_KM away).
        Returns (pick, rival, km, rule) or None."""
        if self.frontline is None or ctx.kind not in GROUND_KINDS:
            return None
        top = scored[0].score
        contenders = [x for x in scored if top - x.score < DECIDE and not x.cand.place.is_region][:12]
        if len(contenders) < 2:
            return None
        dist = sorted(zip(self._measure_line([x.cand.place for x in contenders]), range(len(contenders))))
        d0, i0 = dist[0]
        pick = contenders[i0]
        rivals = [(d, contenders[i]) for d, i in dist[1:] if km(pick.cand.place, contenders[i].cand.place) > SAME_PLACE_KM]
        if d0 <= ON_LINE_KM and rivals and rivals[0][0] >= OFF_LINE_KM:
            return pick, max(rivals, key=lambda t: t[1].score)[1], d0, "the only namesake on the front line of the day"
        return None

    def _with_the_others(self, place: Place, ctx: Context, within: float = MAX_BEARING_KM) -> bool:
        """Does `place` lie within `within` km of the other places of its sentence (else of its section), or are
        there none yet?"""
        if ctx.sentence_points:
            return any(approx_km(place.lat, place.lon, a, b) <= within for _, a, b in ctx.sentence_points)
        if ctx.paragraph_places:
            return ctx.section_index.nearest_km(place.lat, place.lon, within) <= within
        return True

    def _russian_border_km(self, place: Place) -> float:
        got = self._border_km.get(place.geonameid)
        if got is None:
            from geo.places.frontline import border_km  # shapely and the outline, loaded for the few sentences that need them

            got = self._border_km[place.geonameid] = float(border_km([place.lat], [place.lon])[0])
        return got

    def _far_from_front(self, place: Place, ctx: Context) -> bool:
        if place.admin1 in self.front_regions:
            return False
        points = ctx.front or self.front_prior
        return points.nearest_km(place.lat, place.lon, FAR_KM) > FAR_KM

    def _score(self, s: _Scored, mention: Mention, ctx: Context, ref: Place | None) -> _Scored:
        p = s.cand.place
        self.work += 1
        self.compared += len(ctx.heading_places) + len(ctx.sentence_places) + len(ctx.neighbours) + len(ctx.paragraph_places)
        if ctx.sentence_regions:
            s.add("oblast named", 3.0 if p.admin1 in ctx.sentence_regions else -1.0)
        if ref is not None and mention.bearing:
            if fits_bearing(ref, p, mention.bearing, mention.distance_km, ctx.within):
                d = km(ref, p)
                s.add("bearing", 4.0 + (1.0 if d <= 20 else 0.5 if d <= 40 else 0.0))
                if d >= 2.0 and any(within_degrees(ref, p, want, 22.5) for want in bearing_angles(mention.bearing)):
                    s.add("bearing", 1.0)  # in the compass sector named, not only near it
            else:
                s.add("bearing", -4.0)
        elif ref is not None:
            s.add("near the reference", 2.0 if km(ref, p) <= MAX_BEARING_KM else -2.0)
        if ctx.origin is not None:
            # "attacked near X itself; northeast of X near A and B; south of X near C": the X the bearings are given from
            s.add("the town the sentence's bearings are given from", 3.0 if km(ctx.origin, p) <= SAME_PLACE_KM else 0.0)
        if ctx.border_regions and p.is_settlement and (not ctx.named_regions or p.admin1 in ctx.named_regions):
            # "near the Donetsk-Zaporizhia Oblast border", "along the Kherson Oblast administrative border": on it (on the
            # side of the oblast framing the place, if one does: "in Donetsk Oblast near the Zaporizhia Oblast border")
            # with one oblast named, the stretch of its border where the sentence's other places lie
            on = near_border(self.g, p, ctx.border_regions) and (
                len(ctx.border_regions) > 1 or not ctx.sentence_places or self._with_the_others(p, ctx, BORDER_STRETCH_KM))
            s.add("near the oblast border named", 1.5 if on else 0.0)
        if ctx.border_side is not None and p.is_settlement:
            # "Yehorivka and Shevchenkove, both east of the Donetsk-Zaporizhia Oblast administrative border": in Donetsk Oblast
            s.add("on the side of the border named", 1.5 if p.admin1 == ctx.border_side else 0.0)
        for admin1, angle in ctx.oblast_parts:
            if p.admin1 == admin1 and p.is_settlement and s.cand.match != "fuzzy":
                # "Oleksandrivka (west Kherson Oblast)": of the oblast's namesakes, those in its western part (not for a
                # name misspelt: "Kakovkha ... in eastern Kherson Oblast" is Kakhovka, west of the oblast's middle)
                s.add("in the part of the oblast named", 1.0 if in_oblast_part(self.g, p, angle) else 0.0)
        if ctx.russian_border and p.is_settlement:
            # "Ternova, a settlement only three km from the Russian border": the namesake on that border
            s.add("near the Russian border", 1.5 if self._russian_border_km(p) <= RUSSIAN_BORDER_KM else 0.0)
        if ctx.section_namesake is not None:
            # a section covers one sector of the front, where a name means one village: the one placed so with confidence
            s.add("named so elsewhere in the section", 1.5 if km(ctx.section_namesake, p) <= SAME_PLACE_KM else 0.0)
        # (a rule that adds nothing is not called: `_Scored.add` would skip it, for some 40,000 candidates a run)
        if ctx.heading_regions and p.admin1 in ctx.heading_regions:
            s.add("section heading", 1.0)
        if ctx.heading_places:
            d = min(approx_km(p.lat, p.lon, h.lat, h.lon) for h in ctx.heading_places)
            s.add("section heading", 1.5 if d <= 60 else 0.5 if d <= 120 else 0.0)
        gid, lat, lon = p.geonameid, p.lat, p.lon
        radians, cos, hypot = math.radians, math.cos, math.hypot
        d = math.inf
        for g, a, b in ctx.sentence_points:  # approx_km, inlined (a loop: a generator into min() is slower)
            if g != gid:
                e = 6371.0 * hypot(radians(b - lon) * cos(radians((lat + a) / 2)), radians(a - lat))
                if e < d:
                    d = e
        if d != math.inf:
            s.add("near other places in the sentence", 2.0 if d <= 30 else 1.0 if d <= 80 else -0.5 if d > 300 else 0.0)
        if ctx.neighbours:
            # places listed together lie together: count the other names of the sentence with a namesake close by
            cell = (int(p.lat // CellSet.CELL_LAT), int(p.lon // CellSet.CELL_LON))  # CellSet.near, the cell found once
            close = 0
            for cells in ctx.neighbours:  # a loop: a generator into sum() is slower
                if cell in cells.cells:
                    close += 1
            if close:
                s.add("listed with places close to it", min(2.25, 0.75 * close))
        if ctx.paragraph_places:
            d = ctx.section_index.nearest_km(p.lat, p.lon, 100)
            if d < 0.5:  # the place itself, placed earlier in the section: it does not vouch for itself
                d = PointIndex((x.lat, x.lon) for x in ctx.paragraph_places if x.geonameid != p.geonameid).nearest_km(p.lat, p.lon, 100)
            if d <= 100:
                s.add("near other places in the section", 1.0 if d <= 40 else 0.5)
        if self.frontline is not None and ctx.kind and not p.is_region:
            got = self._line_km.get(p.geonameid)  # measured once per place for the report
            s.add("front line of the day", line_prior(self._measure_line([p])[0] if got is None else got, ctx.kind))
        front = ctx.front or self.front_prior
        if front:
            d = front.nearest_km(p.lat, p.lon, 120)
            s.add("front prior", 1.5 if d <= 40 else 0.75 if d <= 120 else 0.0)
        if p.admin1 in self.front_regions:
            s.add("front prior", 0.75)
        if p.is_settlement:
            s.add("settlement", 0.25)
            if p.feature_code in GONE_CODES:
                s.add("abandoned or historical place", -1.0)  # a PPLQ / PPLH / PPLW row is rarely the village meant
        if _key_of(p.name) == _key_of(mention.name):
            s.add("main name", 1.25)  # named so, not only by an alternate or historical name
            if p.feature_code in CAPITAL_CODES and s.cand.match != "fuzzy" and mention.precision == "settlement":
                s.add("capital named bare", 3.0)  # "Kyiv", "Kharkiv", "Kursk": the city, not a village namesake
            elif p.population >= CITY_POP and s.cand.match != "fuzzy" and mention.precision == "settlement":
                s.add("city named bare", 1.0)  # "Slovyansk": the city of that name, not Nikopol (once Slavyansk)
        if p.population:
            s.add("population", min(0.3, math.log10(p.population + 1) / 20))
        if s.cand.match == "fuzzy":
            s.add("fuzzy match", -1.0)
        return s


    def _measure_line(self, places: Sequence[Place]) -> list[float]:
        """Km from each place to the front line of the report's date (vectorised over the places not measured yet)."""
        todo = [p for p in places if p.geonameid not in self._line_km]
        if todo:
            found = self.frontline.distance_km([p.lat for p in todo], [p.lon for p in todo])
            self._line_km.update((p.geonameid, float(d)) for p, d in zip(todo, found))
        return [self._line_km[p.geonameid] for p in places]


GROUND_KINDS = frozenset({"advance", "attack"})
STRIKE_SIDES = frozenset({"russia", "ukraine"})
ACROSS_THE_LINE = 0.5  # the lead a strike's namesake across the front line gets over namesakes scored alike
# what the text says of a place itself: a pick these chose stands wherever the front line runs
STRONG_REASONS = ("oblast named", "bearing", "the town the sentence's bearings are given from", "named so elsewhere in the section",
                  "near the oblast border named", "near the Russian border", "near the reference", "capital named bare",
                  "city named bare", "listed with places close to it", "near other places in the sentence")

def line_prior(km_to_line: float, kind: str) -> float:
    """The front line of the report's date as evidence between namesakes: ground claims (advance, attack) lie
    on it; strikes, weaker, often near it. Small next to a stated oblast (+3/-1) or bearing (+4/-4), so it
    never overrides what the text says."""
    weight = 1.0 if kind in GROUND_KINDS else 0.4
    closeness = 1.0 if km_to_line <= 10 else 0.6 if km_to_line <= 25 else 0.25 if km_to_line <= 60 else 0.0
    return weight * closeness


REGION_IN_TEXT = Twin(re.compile(r"\b([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+(?:Oblast|Krai)\b"))


# "Donetsk and Luhansk Oblasts", "Kherson, Mykolaiv, and Dnipropetrovsk oblasts", "Donetsk and eastern Zaporizhia
# oblasts", "Chernihiv and Sumy Oblast" (ISW's singular): one oblast word after a list of oblasts' names
OBLASTS_LISTED = Twin(re.compile(r"\b[A-Z][\w’'-]+(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:north|south|east|west|central)\w*\s+)?"
                                 r"[A-Z][\w’'-]+)+\s+[Oo]blast(?P<plural>s)?\b"))
LISTED_NAME = re.compile(r"[A-Z][\w’'-]+")


def _listed_oblasts(m: re.Match, gazetteer) -> list[tuple[int, str]]:
    """(position, oblast name) of each name of an OBLASTS_LISTED match that is an oblast's. Before the singular
    "Oblast" every name must be one ("Chernihiv and Sumy Oblast"), or the list is a town and an oblast ("Mariupol and
    Donetsk Oblast")."""
    words = m.group(0)
    names = [(m.start() + w.start(), f"{w.group(0)} Oblast") for w in LISTED_NAME.finditer(words, 0, words.rfind(" "))]
    known = [(pos, name) for pos, name in names if gazetteer.region(name) is not None]
    if m.group("plural") is None and len(known) < len(names):
        return []
    return known


def _regions_found(text: str, gazetteer) -> list[tuple[int, str]]:
    """(position, admin1 name) of every oblast or krai named in `text`, in the order the patterns find them."""
    found: list[tuple[int, str]] = []
    # each pattern runs only on a text holding its literal word (most sentences name no oblast)
    for m in REGION_IN_TEXT.finditer(text) if "Oblast" in text or "Krai" in text else ():
        found.append((m.start(), m.group(0)))
    for m in OBLASTS_LISTED.finditer(text) if "blast" in text else ():
        found.extend(_listed_oblasts(m, gazetteer))
    for m in re.finditer(r"\bCrimea\b", text) if "Crimea" in text else ():
        found.append((m.start(), "Crimea"))
    found.extend(border_pairs(text))  # "the Mykolaiv-Kherson administrative border": both oblasts frame the text
    out = []
    for pos, name in found:
        place = gazetteer.region(name)
        if place is not None:
            out.append((pos, place.admin1))
    return out


# a heading's list of oblasts: "Southern Kharkiv, Donetsk, Luhansk Oblasts", "Donetsk and Luhansk Oblasts"
OBLAST_LIST = re.compile(r"((?:[A-Z][\w’'-]+(?:\s*,\s*(?:and\s+)?|\s+and\s+))+[A-Z][\w’'-]+)\s+[Oo]blasts\b")
COMPASS_WORD = re.compile(r"^(?:(?:North|South|East|West)(?:ern)?|Central)\s+")


def _heading_oblast_list(section: str | None, gazetteer) -> tuple[str, ...]:
    """Admin1 names of the oblasts a section heading lists ("Subordinate Main Effort—Southern Kharkiv, Donetsk,
    Luhansk Oblasts"): the sector the section covers."""
    out: list[str] = []
    for m in OBLAST_LIST.finditer(section or ""):
        for name in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group(1)):
            place = gazetteer.region(COMPASS_WORD.sub("", name) + " Oblast")
            if place is not None and place.admin1 not in out:
                out.append(place.admin1)
    return tuple(out)


def _regions_named(text: str | None, gazetteer, skip: Iterable[tuple[int, int]] = ()) -> tuple[str, ...]:
    """Admin1 names of the oblasts named in `text`, except those inside the `skip` spans."""
    if not text:
        return ()
    skip = list(skip)
    out: list[str] = []
    for pos, admin1 in _regions_found(text, gazetteer):
        if not any(a <= pos < b for a, b in skip) and admin1 not in out:
            out.append(admin1)
    return tuple(out)


# "X in southern Y Oblast", "X, Y Oblast": the oblast of the place just before it (matched up to the oblast's start)
BOUND_OBLAST = re.compile(r"\b([A-Z][\w’'-]+)(?:\s+in\s+(?:(?:the\s+)?[a-z]+\s+)?|\s*,\s*)$")
REGION_HINT = re.compile(r"Oblast|Krai|oblasts|Crimea|border|boundary")
REGION_AT = re.compile(r"(?:[A-Z][\w’'-]+(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:north|south|east|west|central)\w*\s+)?"
                       r"[A-Z][\w’'-]+)+\s+[Oo]blasts?|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?\s+(?:Oblast|Krai)|Crimea)\b")
BORDER_AFTER = re.compile(r"\s+(?:administrative\s+)?(?:border|boundary)")
# "east of the Donetsk-Zaporizhia Oblast administrative border", "just south of the Kherson-Dnipropetrovsk Oblast border"
SIDE_OF_BORDER = re.compile(r"\b(north|south|east|west)(?:ern)?\s+of\s+the\s+([A-Z][a-z’'-]+)-([A-Z][a-z’'-]+)(?:\s+[Oo]blasts?)?\s+"
                            r"(?:administrative\s+)?(?:border|boundary)")
SIDE_DEGREES = 0.3  # the oblasts' settlements lie this much farther that way, on average, to tell a side


def oblast_middle(gazetteer, admin1: str) -> tuple[float, float] | None:
    """The mean (lat, lon) of an oblast's settlements (cached per gazetteer), or None without any."""
    cache = gazetteer.__dict__.setdefault("_oblast_middles", {})
    if admin1 not in cache:
        if hasattr(gazetteer, "settlement_points"):
            points = gazetteer.settlement_points(admin1)
        else:
            points = [(p.lat, p.lon) for p in (gazetteer.get(gid) for gid in gazetteer.place_ids())
                      if p is not None and p.admin1 == admin1 and p.is_settlement]
        cache[admin1] = (sum(a for a, _ in points) / len(points), sum(b for _, b in points) / len(points)) if points else None
    return cache[admin1]


# "west Kherson Oblast", "in northern Donetsk Oblast", "southwestern Zaporizhia Oblast": a part of an oblast
OBLAST_PART = re.compile(r"\b(north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+"
                         r"((?:[A-Z][\w’'-]+\s+){1,2}Oblast)\b", re.I)
PART_KM = 10.0  # a place in an oblast's northern part lies this far from the middle of its settlements at least


def oblast_parts(text: str, gazetteer) -> dict[str, float]:
    """admin1 -> compass angle of the oblasts a text names only by one part of them ("near Oleksandrivka (west Kherson
    Oblast)"); an oblast also named whole or by another part is left out."""
    parts: dict[str, set] = {}
    for m in REGION_IN_TEXT.finditer(text):
        place = gazetteer.region(m.group(0))
        if place is None:
            continue
        part = OBLAST_PART.search(text, max(0, m.start() - 16), m.end())
        angle = BEARINGS.get(part.group(1).lower()) if part is not None and part.end() == m.end() else None
        parts.setdefault(place.admin1, set()).add(angle)
    return {admin1: next(iter(angles)) for admin1, angles in parts.items() if len(angles) == 1 and None not in angles}


def in_oblast_part(gazetteer, place: Place, angle: float) -> bool:
    """Does `place` lie in the part of its oblast the compass `angle` names: at least PART_KM from the middle of the
    oblast's settlements, that way as a bearing is (within 67.5 degrees)?"""
    middle = oblast_middle(gazetteer, place.admin1)
    if middle is None:
        return False
    dy = (place.lat - middle[0]) * 111.195
    dx = (place.lon - middle[1]) * 111.195 * math.cos(math.radians(place.lat))
    off = abs((math.degrees(math.atan2(dx, dy)) - angle + 180) % 360 - 180)
    return math.hypot(dx, dy) >= PART_KM and off <= 67.5


def border_side(text: str, gazetteer) -> str | None:
    """The oblast a sentence puts its places in by naming the side of a border between two ("east of the
    Donetsk-Zaporizhia Oblast border": Donetsk Oblast, whose settlements lie east of Zaporizhzhia Oblast's), or None."""
    sides = set()
    for m in SIDE_OF_BORDER.finditer(text):
        a, b = gazetteer.region(f"{m.group(2)} Oblast"), gazetteer.region(f"{m.group(3)} Oblast")
        if a is None or b is None or a.admin1 == b.admin1:
            continue
        ma, mb = oblast_middle(gazetteer, a.admin1), oblast_middle(gazetteer, b.admin1)
        if ma is None or mb is None:
            continue
        axis, sign = {"north": (0, 1), "south": (0, -1), "east": (1, 1), "west": (1, -1)}[m.group(1)]
        lead = sign * (ma[axis] - mb[axis])
        if abs(lead) >= SIDE_DEGREES:
            sides.add(a.admin1 if lead > 0 else b.admin1)
    return next(iter(sides)) if len(sides) == 1 else None


BORDER_PAIR = re.compile(r"\b([A-Z][a-z’'-]+)-([A-Z][a-z’'-]+)(?:\s+[Oo]blasts?)?\s+(?:administrative\s+)?(?:border|boundary)")
# "along the Kherson-Mykolaiv and Kherson-Dnipropetrovsk Oblast borders": pairs listed before one border word
BORDER_PAIRS = re.compile(r"\b[A-Z][a-z’'-]+-[A-Z][a-z’'-]+(?:,?\s+(?:and|or)\s+(?:the\s+)?[A-Z][a-z’'-]+-[A-Z][a-z’'-]+)*"
                          r"(?:\s+[Oo]blasts?)?\s+(?:administrative\s+)?(?:border|boundary)")
PAIR = re.compile(r"([A-Z][a-z’'-]+)-([A-Z][a-z’'-]+)")


def border_pairs(text: str) -> list[tuple[int, str]]:
    """(position, "<name> Oblast") of each oblast of the pairs named by their border ("the Mykolaiv-Kherson
    administrative border", "the Kherson-Mykolaiv and Kherson-Dnipropetrovsk Oblast borders")."""
    out: list[tuple[int, str]] = []
    for m in BORDER_PAIRS.finditer(text) if "border" in text or "boundary" in text else ():
        for pair in PAIR.finditer(text, m.start(), m.end()):
            out.extend((pair.start(i), f"{pair.group(i)} Oblast") for i in (1, 2))
    return out
# "in Donetsk Oblast near X", "in Sumy and Kursk oblasts, including north of Sumy City near X": the oblast
# frames the places after it (but not "in northern Sumy Oblast, the ... area, near Pokrovsk": a list of areas)
QUALIFIES = re.compile(
    r"(?:(?:\s*,|\s+and)\s+[A-Z][\w’'-]+)*(?:\s+oblasts)?"
    r"\s*(?:,\s*(?:including|especially|particularly|mainly|mostly)\s+)?"
    r"(?:(?:north|south|east|west)[\w-]*\s+of\s+[^,;]+?\s+)?(?:near|around|toward|towards|at|outside|within|in)\b[^,;]*$")

# "(north of Crimea)", "west of Donetsk Oblast": an oblast named as the reference of a compass bearing (not a border's side)
BEARING_BEFORE = re.compile(r"\b(?:north|south|east|west)[a-z-]*\s+of\s+(?:the\s+)?$", re.I)
REGION_THEN_BORDER = re.compile(r"[\w’' -]*?(?:Oblast|Krai|Crimea)s?\s*(?:-|–|(?:administrative\s+)?(?:border|boundary))")


def _bearing_reference_at(text: str, pos: int) -> bool:
    """Is the oblast named at `pos` only the reference of a bearing ("in Novooleksiivka (north of Crimea)"), which
    puts a place outside it, not in it? Not the side of a border ("north of the Kherson Oblast-Crimea border")."""
    return BEARING_BEFORE.search(text, max(0, pos - 30), pos) is not None and REGION_THEN_BORDER.match(text, pos) is None


# "X, Y Oblast", "X and Z, Y Oblast", "X in Y Oblast", "X and Y, both in southern Y Oblast": the oblast right after a
# place or a list of places (up to the clause's end) names their oblast
OBLAST_AFTER = Twin(re.compile(
         r"(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?!(?:[A-Z][\w’'-]+\s+){1,2}(?:Oblast|Krai)\b)[A-Z][\w’'-]+(?:[\s-][A-Z][\w’'-]+)*?)*?"
         r"(?:\s*,\s*|\s+in\s+|\s*[,(—–]?\s*(?:all|both)\s+(?:of\s+them\s+)?(?:located\s+)?in\s+(?:(?:the\s+)?[a-z]+\s+)?)"
         r"((?:[A-Z][\w’'-]+\s+){1,2}(?:Oblast|Krai))\b"))  # "A, B, and C — all in eastern Kherson Oblast"

# "X on the southwestern Kherson Oblast coast": the coast of an oblast right after a place is where it lies
OBLAST_COAST = re.compile(r"\s+on\s+the\s+(?:[a-z]+\s+)?((?:[A-Z][\w’'-]+\s+){1,2}(?:Oblast|Krai))\s+(?:coast|coastline|shore)\b")

# Each mention is compared with a bounded number of others, so resolving costs O(n log n) in the mentions of a
# report however long it is or however often a sentence repeats:
LISTED_WITH = 8  # the mentions this many places before and after it in its sentence ("places listed together")
SENTENCE_PLACES = 20  # the places last placed in its sentence
SECTION_PLACES = 40  # the places last placed in its section
QUALIFY_CHARS = 600  # an oblast named this close before a mention of its claim can frame it ("in X Oblast near ...")
NAMESAKE_CELLS_MAX = 50_000  # settlement names whose namesakes' cells are kept with a gazetteer
AFTER_CHARS = 80  # the text after a mention read for more of its name (`Resolver._longer_name`)
BEARING_TARGETS = 12  # the places given by bearings from one reference town that vote on which town it is


class _Sentence:
    """One occurrence of a sentence (the consecutive claims made from it), with what resolving its mentions
    needs from the sentence computed once: the oblasts it names, which mentions stand next to which."""

    def __init__(self, text: str, members: list[tuple[int, Claim]]):
        self.text = text
        self.members = members
        self.places: list[Place] = []  # placed so far, in order
        self._regions: tuple[list, dict, list] | None = None
        self._points: tuple[list[int], list[CellSet], dict] | None = None
        self._references: frozenset[str] | None = None
        self._border: frozenset[str] | None = None
        self._russian: bool | None = None
        self._after: dict[int, str | None] = {}  # mention end -> the oblast closing its list (`_oblast_after`)
        self._lines: tuple[Line, ...] | None = None
        self._side: tuple[str | None] | None = None
        self._parts: dict[str, float] | None = None

    def _region_facts(self, gazetteer):
        if self._regions is None:
            spans = sorted({(m.start, m.end) for _, c in self.members for m in c.mentions if m.precision == "region"})
            found = _regions_found(self.text, gazetteer) if spans or REGION_HINT.search(self.text) else []
            starts = [a for a, _ in spans]
            free, inside = [], {}
            for order, (pos, admin1) in enumerate(found):
                span = None
                i = bisect.bisect_right(starts, pos) - 1
                while i >= 0 and spans[i][0] >= pos - QUALIFY_CHARS:  # overlapping spans lie just before
                    if spans[i][0] <= pos < spans[i][1]:
                        span = spans[i]
                        break
                    i -= 1
                if span is None:
                    if _bearing_reference_at(self.text, pos):
                        continue  # "in X (north of Crimea)": the place lies outside the oblast it is told from
                    free.append((order, admin1, pos))
                else:
                    inside.setdefault(span, []).append((order, admin1))
            self._regions = (free, inside, spans)
        return self._regions

    def oblast_parts(self, gazetteer) -> dict[str, float]:
        """The oblasts the sentence names only by one part of them (`oblast_parts`)."""
        if self._parts is None:
            self._parts = oblast_parts(self.text, gazetteer) if "Oblast" in self.text else {}
        return self._parts

    def border_side(self, gazetteer) -> str | None:
        """The oblast the sentence puts its places in by the side of a border (`border_side`)."""
        if self._side is None:
            self._side = (border_side(self.text, gazetteer) if "border" in self.text or "boundary" in self.text else None,)
        return self._side[0]

    def lines(self, resolver: Resolver) -> tuple[Line, ...]:
        """The roads and rivers the sentence names, the roads named by their end towns included."""
        if self._lines is None:
            self._lines = lines_named(self.text, resolver.road_through)
        return self._lines

    def russian_border(self) -> bool:
        """Does the sentence speak of Ukraine's border with Russia?"""
        if self._russian is None:
            self._russian = "border" in self.text and RUSSIAN_BORDER.search(self.text) is not None
        return self._russian

    def border_only(self, gazetteer) -> frozenset[str]:
        """Oblasts the sentence names only by their border ("since the capture of the Luhansk Oblast border", "the
        Kharkiv-Belgorod Oblast border"): the places near it may lie on either side."""
        if self._border is None:
            border, plain = set(), set()
            if "border" in self.text or "boundary" in self.text:
                for m in REGION_IN_TEXT.finditer(self.text):
                    place = gazetteer.region(m.group(0))
                    if place is not None:
                        (border if BORDER_AFTER.match(self.text, m.end()) else plain).add(place.admin1)
                for _, name in border_pairs(self.text):
                    place = gazetteer.region(name)
                    if place is not None:
                        border.add(place.admin1)
            self._border = frozenset(border - plain)
        return self._border

    def regions(self, claim: Claim, mention: Mention, gazetteer) -> tuple[str, ...]:
        """Oblasts that qualify this mention: named in the sentence but not as the place of another claim, or
        named just before it in the same claim ("in Donetsk Oblast near X", "Tetkino, Kursk Oblast")."""
        return self._oblasts(claim, mention, gazetteer, framing=False)

    def claim_oblasts(self, claim: Claim, mention: Mention, gazetteer) -> frozenset[str]:
        """The oblasts the claim itself names as places of its own ("struck A and B, along the front line in Kherson
        Oblast"), not as a border ("near the Kherson Oblast border") nor as the oblast of another place of the sentence
        ("the Blahodatne in southern Mykolaiv Oblast", "Charivne, Zaporizhia Oblast")."""
        _, inside, _ = self._region_facts(gazetteer)
        if not inside:
            return frozenset()
        border = self.border_only(gazetteer)
        out = set()
        for m in claim.mentions:
            if m.precision != "region" or (m.start, m.end) not in inside:
                continue
            bound = BOUND_OBLAST.search(self.text, max(0, m.start - 60), m.start)
            if bound is not None and bound.end(1) != mention.end and gazetteer.is_name(bound.group(1)):
                continue  # the oblast of the place named just before it
            out.update(a for _, a in inside[(m.start, m.end)] if a not in border)
        return frozenset(out)

    def framing(self, claim: Claim, mention: Mention, gazetteer) -> tuple[str, ...]:
        """The oblasts that say where this mention lies, not only that the sentence names them: the one closing
        its list ("A and B, Mykolaiv Oblast", "X in Kursk Oblast"), or one that frames it from before ("in Donetsk
        Oblast near X", "in Sumy and Kursk oblasts, including north of Sumy City near X"). An oblast named for
        another place, a direction ("from Crimea") or a contrast ("in Kharkiv, not Luhansk Oblast") does not."""
        return self._oblasts(claim, mention, gazetteer, framing=True)

    def _oblasts(self, claim: Claim, mention: Mention, gazetteer, framing: bool) -> tuple[str, ...]:
        """`regions` (every free oblast of the sentence) or `framing` (only free oblasts that qualify the mention
        from just before it); both take the oblast closing the mention's list first, and the claim's own region
        mentions that qualify it."""
        free, inside, _ = self._region_facts(gazetteer)
        if not free and not inside:
            return ()
        after = self._oblast_after(mention.end)
        if after is not None:
            # "Shevchenkove and Ochakiv, Mykolaiv Oblast": the oblast closing the list is the one of its places
            place = gazetteer.region(after)
            if place is not None:
                return (place.admin1,)
        picked = []
        for order, admin1, pos in free:
            if framing:
                named = REGION_AT.match(self.text, pos)
                if named is None or named.end() > mention.start or mention.start - named.end() > QUALIFY_CHARS \
                        or not QUALIFIES.match(self.text, named.end(), mention.start):
                    continue
            picked.append((order, admin1))
        return self._in_order(picked + self._framed_by_claim(claim, mention, inside))

    def _oblast_after(self, end: int) -> str | None:
        """The oblast named after the list that goes on from `end` (OBLAST_AFTER, a slow pattern on long lists),
        read once for the `regions` and the `framing` of a mention, in every round."""
        if end not in self._after:
            m = OBLAST_AFTER.match(self.text, end) or OBLAST_COAST.match(self.text, end)
            self._after[end] = m.group(1) if m is not None else None
        return self._after[end]

    def _framed_by_claim(self, claim: Claim, mention: Mention, inside: dict) -> list[tuple[int, str]]:
        """(order, admin1) of the claim's region mentions just before this one that qualify it ("in Donetsk
        Oblast near X")."""
        picked: list[tuple[int, str]] = []
        for m in claim.mentions:
            if m.precision == "region" and m.start < mention.start and mention.start - m.end <= QUALIFY_CHARS \
                    and (m.start, m.end) in inside and QUALIFIES.match(self.text, m.end, mention.start):
                picked.extend(inside[(m.start, m.end)])
        return picked

    @staticmethod
    def _in_order(picked: list[tuple[int, str]]) -> tuple[str, ...]:
        """The admin1 names of (order, admin1) pairs, in order, each once."""
        out: list[str] = []
        for _, admin1 in sorted(set(picked)):
            if admin1 not in out:
                out.append(admin1)
        return tuple(out)

    def neighbours(self, key: tuple[int, int], resolver: Resolver, cells: dict) -> tuple[CellSet, ...]:
        """Where the namesakes of the settlements named next to this mention lie (names with few namesakes)."""
        if self._points is None:
            order: dict[tuple[int, int], int] = {}
            at: list[int] = []
            sets: list[CellSet] = []
            for ci, c in self.members:
                for mi, m in enumerate(c.mentions):
                    order[(ci, mi)] = len(order)
                    if m.precision != "settlement":
                        continue
                    if m.name not in cells:
                        cands, _ = resolver.candidates(m)
                        cells[m.name] = CellSet((x.place.lat, x.place.lon) for x in cands) if 0 < len(cands) <= 60 else None
                    if cells[m.name] is not None:
                        at.append(order[(ci, mi)])
                        sets.append(cells[m.name])
            self._points = (at, sets, order)
        at, sets, order = self._points
        i = order[key]
        lo, hi = bisect.bisect_left(at, i - LISTED_WITH), bisect.bisect_right(at, i + LISTED_WITH)
        return tuple(sets[j] for j in range(lo, hi) if at[j] != i)

    def claims(self) -> list[Claim]:
        return [c for _, c in self.members]

    def references(self) -> frozenset[str]:
        """The towns the sentence gives bearings from."""
        if self._references is None:
            self._references = frozenset(m.reference for _, c in self.members for m in c.mentions
                                         if m.reference and m.bearing and m.precision == "settlement")
        return self._references


def _sentences(claims: list[Claim]) -> list[_Sentence]:
    """Consecutive claims of the same sentence and section are one occurrence of that sentence."""
    out: list[_Sentence] = []
    for ci, c in enumerate(claims):
        if out and out[-1].text == c.sentence and out[-1].members[-1][1].section == c.section:
            out[-1].members.append((ci, c))
        else:
            out.append(_Sentence(c.sentence, [(ci, c)]))
    return out


def resolve_claims(claims: Iterable[Claim], gazetteer, front: Sequence[tuple[float, float]] = (), frontline=None,
                   work: dict | None = None) -> list[ClaimPlace]:
    """Resolve every mention of a report's claims, the sure ones first so they inform the rest.

    `work`, when given, receives how many candidates were scored and how many comparisons that took
    (the resolver's cost, which grows as n log n in the mentions at worst)."""
    claims = list(claims)
    resolver = Resolver(gazetteer, front, frontline, claims[0].report_date if claims else None)
    heading_cache: dict[str | None, tuple[tuple[str, ...], tuple[Place, ...]]] = {}

    def heading(section: str | None):
        if section not in heading_cache:
            regions = _regions_named(section, gazetteer) + _heading_oblast_list(section, gazetteer)
            places: list[Place] = []
            if section:
                for m in re.finditer(r"\b([A-Z][a-z’'-]{3,}(?:[ -][A-Z][a-z’'-]+)?)\s+(?:direction|axis|City|tactical)\b", section):
                    cands = [c for c in gazetteer.lookup(m.group(1), fuzzy=False) if c.place.is_settlement]
                    if len(cands) == 1 or (cands and cands[0].place.population >= 50_000):
                        places.append(max(cands, key=lambda c: c.place.population).place)
            heading_cache[section] = (regions, tuple(places))
        return heading_cache[section]

    sentences = _sentences(claims)
    # where the namesakes of a settlement name lie depends on the name and the gazetteer only: kept with the gazetteer
    cells: dict[str, CellSet | None] = gazetteer.__dict__.setdefault("_namesake_cells", {})
    if len(cells) > NAMESAKE_CELLS_MAX:
        cells.clear()
    by_bearings: dict[tuple[int, str], Place | None] = {}
    told_from = _told_from(claims)  # the towns the report gives bearings from, with the claims that do
    by_report: dict[str, Place | None] = {}  # ... and the namesake those bearings agree on
    named_in_section: dict[tuple[str | None, str], Place] = {}
    # a village the gazetteer lacks, put where a sentence of the section says it lies ("Yasyukivka (15km north)" of Bakhmut)
    stated_in_section: dict[tuple[str | None, str], Resolution] = {}
    sure: dict[tuple[float, float], None] = {}
    results: dict[tuple[int, int], Resolution] = {}
    by_section: dict[str | None, list[Place]] = {}
    fronts = []
    section_points: dict[str | None, RecentPoints] = {}

    def section_index(section: str | None) -> RecentPoints:
        # one index per section over its last SECTION_PLACES places: a distance asked again measures only the places added since
        if section not in section_points:
            section_points[section] = RecentPoints(by_section.setdefault(section, []), SECTION_PLACES)
        return section_points[section]
    # two passes: the second sees the places the first placed with confidence; a third retries, in a sentence whose
    # later mentions the second pass placed, the mentions it left open before them ("fighting in A, B, and C": A's
    # namesakes are told apart by B and C, placed after it)
    prior = tuple(front)
    seen: dict[tuple[int, int], int] = {}  # mention -> how many places its sentence had when the second pass tried it
    for rnd in range(3):
        front_index = PointIndex(dict.fromkeys((*sure, *prior)))
        fronts.append(front_index)
        for si, sent in enumerate(sentences):
            for ci, claim in sent.members:
                h_regions, h_places = heading(claim.section)
                for mi, mention in enumerate(claim.mentions):
                    key = (ci, mi)
                    if key in results and (results[key].resolved or rnd == 0):
                        continue
                    if rnd == 2 and (key not in results or not results[key].candidates or seen.get(key, 0) >= len(sent.places)):
                        continue
                    if rnd == 1:
                        seen[key] = len(sent.places)
                    s_regions = sent.regions(claim, mention, gazetteer)
                    section_places = tuple(by_section.get(claim.section, ())[-SECTION_PLACES:])
                    ref_place = None
                    if mention.reference and (mention.precision != "feature" or resolver.told_from_its_reference(mention)):
                        key_ref = (si, mention.reference)
                        if key_ref not in by_bearings:
                            by_bearings[key_ref] = _reference_by_bearings(resolver, mention.reference, sent.claims())
                            if by_bearings[key_ref] is not None:
                                named_in_section[(claim.section, mention.reference)] = by_bearings[key_ref]
                        # the same town named in the same section is the same town
                        ref_place = by_bearings[key_ref] or named_in_section.get((claim.section, mention.reference)) or _resolve_reference(
                            resolver, mention.reference, s_regions, h_regions, h_places, front_index, section_places)
                        if ref_place is not None and (ref_place.is_region or ref_place.feature_code in AREA_CODES):
                            ref_place = None  # "north of Crimea", "west of Donetsk Oblast": an area, not a point to measure from
                    origin = None
                    if not mention.reference and mention.precision == "settlement" and mention.name in sent.references():
                        # the town itself, named in a sentence that gives bearings from it: the one they agree on
                        key_ref = (si, mention.name)
                        if key_ref not in by_bearings:
                            by_bearings[key_ref] = _reference_by_bearings(resolver, mention.name, sent.claims())
                        origin = by_bearings[key_ref]
                    ctx = Context(
                        sentence_regions=s_regions if mention.precision != "region" else (),
                        named_regions=tuple(r for r in sent.framing(claim, mention, gazetteer) if r not in sent.border_only(gazetteer))
                        if s_regions and mention.precision != "region" else (),
                        heading_regions=h_regions, heading_places=h_places,
                        # "A and B, both along the outskirts of X": the town a remark on the list names is one of its places
                        sentence_places=tuple(sent.places[-SENTENCE_PLACES:]) + (
                            (ref_place,) if ref_place is not None and not mention.bearing and mention.precision == "settlement" else ()),
                        paragraph_places=section_places, front=front_index, neighbours=sent.neighbours(key, resolver, cells),
                        kind=claim.kind, actor=claim.actor, section_points=section_index(claim.section),
                        claim_oblasts=sent.claim_oblasts(claim, mention, gazetteer) if mention.precision == "settlement" else frozenset(),
                        stated=distance_stated_of(claim.sentence, mention),
                        within=distance_is_bound(claim.sentence, mention), origin=origin,
                        outskirts=on_outskirts(claim.sentence, mention),
                        section_namesake=named_in_section.get((claim.section, mention.name)) if mention.precision == "settlement" else None,
                        border_regions=sent.border_only(gazetteer) if mention.precision == "settlement" else frozenset(),
                        border_side=sent.border_side(gazetteer) if mention.precision == "settlement" else None,
                        oblast_parts=tuple((a, angle) for a, angle in sent.oblast_parts(gazetteer).items() if a in s_regions)
                        if s_regions and mention.precision == "settlement" else (),
                        front_km=stated_front_km(claim.sentence[mention.end:mention.end + AFTER_CHARS])
                        if mention.precision == "settlement" and "front" in claim.sentence else (),
                        russian_border=mention.precision == "settlement" and sent.russian_border(),
                        after=claim.sentence[mention.end:mention.end + AFTER_CHARS] if mention.precision == "settlement" else "",
                        lines=sent.lines(resolver) if mention.precision == "settlement" else (),
                        on_lines=lines_of_place(claim.sentence, mention.end, resolver.road_through)
                        if mention.precision == "settlement" and sent.lines(resolver) else (),
                        beside_lines=lines_beside_place(claim.sentence, mention.end)
                        if mention.precision == "settlement" and sent.lines(resolver) else (),
                        claim_places=tuple(results[(ci, j)].place for j in range(len(claim.mentions)) if j != mi and (ci, j) in results
                                           and results[(ci, j)].resolved and results[(ci, j)].precision == "settlement"),
                    )
                    res = resolver.resolve(mention, ctx, ref_place)
                    if rnd == 0 and not res.resolved and res.candidates:
                        continue  # try again with what the first round placed
                    if origin is None and not res.resolved and mention.name in told_from and res.rule.startswith("ambiguous"):
                        res = _by_the_reports_bearings(resolver, mention, ctx, ref_place, told_from[mention.name], by_report) or res
                    if mention.precision == "settlement":
                        stated = stated_in_section.get((claim.section, mention.name))
                        if stated is not None and (res.place is None or km(res.place, stated.place) > NEAR_KM):
                            # the same name later in the section is that village, not a namesake elsewhere (a misspelt match)
                            res = replace(stated, mention=mention, rule=f"{stated.rule} (earlier in the section)")
                        elif res.resolved and res.place.source == "derived" and res.rule.endswith("put where the text says"):
                            stated_in_section.setdefault((claim.section, mention.name), res)
                    results[key] = res
                    if res.resolved and res.precision == "region" and res.place.feature_code in RAION_CODES and not res.review \
                            and mention.name.endswith(" Raion") and not mention.text.endswith(("Raion", "raion")):
                        # a raion the text calls its town's district ("in the Beryslav district") says where the section
                        # is, as the town named so did before it was read as the raion
                        by_section.setdefault(claim.section, []).append(res.place)
                    if res.resolved and res.precision != "region":  # an oblast is too large to say where others lie
                        sent.places.append(res.place)
                        if res.precision == "settlement" and not res.review:
                            by_section.setdefault(claim.section, []).append(res.place)
                            named_in_section.setdefault((claim.section, mention.name), res.place)
                        if not res.review:
                            sure[(res.place.lat, res.place.lon)] = None
    if work is not None:
        work["scored"] = resolver.work
        work["compared"] = resolver.compared + sum(f.scanned for f in fronts) + resolver.front_prior.scanned
    out = []
    for ci, claim in enumerate(claims):
        for mi, mention in enumerate(claim.mentions):
            res = results.get((ci, mi)) or Resolution(mention, None, None, "not resolved")
            out.append(ClaimPlace(claim, res))
    return out


def _told_from(claims: list[Claim]) -> dict[str, list[Claim]]:
    """The settlements a report gives places' bearings from ("Komar (east of Oleksandrivka)"), each with the claims
    that do, in order."""
    out: dict[str, list[Claim]] = {}
    for c in claims:
        for m in c.mentions:
            if m.reference and m.bearing and m.precision == "settlement":
                got = out.setdefault(m.reference, [])
                if not got or got[-1] is not c:
                    got.append(c)
    return out


def _by_the_reports_bearings(resolver: Resolver, mention: Mention, ctx: Context, ref: Place | None, claims: list[Claim],
                             found: dict[str, Place | None]) -> Resolution | None:
    """A town its own sentence leaves open among namesakes ("offensive operations in the Oleksandrivka direction"), which
    the report gives other places' bearings from ("Komar (east of Oleksandrivka)"): the namesake those bearings fit,
    when one fits better than every other (one place told from it is enough: its namesakes lie elsewhere). None when
    they do not tell."""
    if mention.name not in found:
        found[mention.name] = _reference_by_bearings(resolver, mention.name, claims, least=1)
    origin = found[mention.name]
    if origin is None:
        return None
    res = resolver.resolve(mention, replace(ctx, origin=origin), ref)
    if res.place is None or km(res.place, origin) > SAME_PLACE_KM:
        return None
    return replace(res, rule="the namesake the report's bearings from it fit")


def _reference_by_bearings(resolver: Resolver, name: str, sentence_claims: list[Claim], least: int = 2) -> Place | None:
    """The namesake of a reference town that the sentence's bearings agree on.

    "northeast of Oleksandrivka near Zelenyi Hai and Ivanivka; east of Oleksandrivka near Tykhe ...": of the
    104 Oleksandrivkas, the one with the most of these places lying in the stated directions from it, when
    at least two agree and no other namesake does as well."""
    found = [(m, c.sentence) for c in sentence_claims for m in c.mentions if m.reference == name and m.bearing and m.precision == "settlement"]
    found = list({(m.start, m.name): (m, text) for m, text in found}.values())[:BEARING_TARGETS]  # a mention once, whichever claims share it
    targets = [m for m, _ in found]
    bound = [distance_is_bound(text, m) for m, text in found]
    if len(targets) < least:
        return None
    ref_cands, _ = resolver.candidates(Mention(name, 0, len(name), name))
    if len(ref_cands) < 2:
        return None
    target_cands = [[c.place for c in resolver.candidates(t)[0]][:60] for t in targets]
    counts = []
    radians, cos, hypot = math.radians, math.cos, math.hypot
    for rc in ref_cands[:150]:
        r = rc.place
        n = 0
        for t, cands, within in zip(targets, target_cands, bound):
            # approx_km inlined; a place farther north or south than MAX_BEARING_KM is out before the rest is computed
            if any(6371.0 * abs(radians(p.lat - r.lat)) <= MAX_BEARING_KM
                   and 6371.0 * hypot(radians(p.lon - r.lon) * cos(radians((r.lat + p.lat) / 2)), radians(p.lat - r.lat))
                   <= MAX_BEARING_KM and fits_bearing(r, p, t.bearing, t.distance_km, within) for p in cands):
                n += 1
        counts.append((n, r))
    counts.sort(key=lambda x: -x[0])
    best = counts[0]
    # namesakes within a few km of each other count as one place
    rivals = [c for c in counts[1:] if km(c[1], best[1]) > SAME_PLACE_KM]
    if best[0] >= least and (not rivals or best[0] > rivals[0][0]):
        return best[1]
    return None


def _resolve_reference(resolver: Resolver, name: str, s_regions, h_regions, h_places, front, section=()) -> Place | None:
    """The place a bearing is given from ("Sumy City" in "north of Sumy City"): usually a town."""
    ref = Mention(name, 0, len(name), name)
    cands, _ = resolver.candidates(ref)
    own = _key_of(name[:-5] if name.endswith(" City") else name)
    cities = [c.place for c in cands if is_city_named_bare(c, ref) and _key_of(c.place.name) == own]  # by its own name, not an old one
    if cities:
        # a city a bearing is given from ("south of Kryvyi Rih") is that city, whatever oblast the sentence names for
        # the places told from it (a village named Kryvyi Rih lies in Kherson Oblast)
        return max(cities, key=lambda p: (p.feature_code in CAPITAL_CODES, p.population))
    ctx = Context(sentence_regions=s_regions, heading_regions=h_regions, heading_places=h_places, paragraph_places=section,
                  front=front)
    res = resolver.resolve(ref, ctx)
    if res.place is not None or not res.candidates:
        return res.place
    # a reference is a landmark town: take the best-supported candidate when it leads at all
    scored = sorted((resolver._score(_Scored(c), ref, ctx, None) for c in cands), key=lambda x: (-x.score, -x.cand.place.population))
    if len(scored) > 1 and scored[0].score - scored[1].score >= 0.25:
        return scored[0].cand.place
    return None
