"""Roads and rivers that reports name to say where a place lies.

ISW writes "Russian forces attacked Nahirne and Bilohorivka along the T1302", "Krasnopillia, located along the
E40 highway to Slovyansk", "across the Siverskyi Donets River from Bilohorivka": the road or river tells the
village meant from its namesakes. GeoNames has no roads, and keeps a river as one point (its mouth; the
Siverskyi Donets not at all). Each entry here traces a road or river through the towns it runs by, in order, as
(lat, lon) points of their GeoNames rows (the town named in a comment); a gap in a course is a new piece. Coarse
(a few km), which is enough to tell namesakes tens of km apart, and only courses the reports themselves describe
("the T1302 highway from Bakhmut to Lysychansk", "the T2207 highway that runs into Nova Kakhovka", "Chasiv Yar,
10 km directly west of Bakhmut along the T0504 highway") are entered.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from geo.read.regex_twin import Twin

Point = tuple[float, float]
SIDE_FREE_KM = 3.0  # a place this close to a river lies on either bank of it, as drawn
_COMPASS = {"north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0, "south": 180.0, "southwest": 225.0,
            "west": 270.0, "northwest": 315.0}


@dataclass(frozen=True)
class Line:
    """A road or a river as pieces of polyline."""

    name: str
    pieces: tuple[tuple[Point, ...], ...]
    slack_km: float = 0.0  # how far the true course may stray from the pieces drawn (a road drawn straight between its ends)

    def km(self, lat: float, lon: float) -> float:
        """Km from (lat, lon) to the nearest point of the line (equirectangular: good to 1% at these ranges)."""
        return min(_segment_km(lat, lon, a, b) for piece in self.pieces for a, b in zip(piece, piece[1:]))

    def on_side(self, lat: float, lon: float, side: str) -> bool:
        """Does (lat, lon) lie on `side` of the line: a compass direction ("east", "northwest") from its nearest point
        (within 90 degrees), or "left" / "right" as one faces down a river (its pieces run downstream)? A point within
        SIDE_FREE_KM of the line lies on either side (the course is drawn coarsely)."""
        kx = 111.195 * math.cos(math.radians(lat))
        best = None
        for piece in self.pieces:
            for a, b in zip(piece, piece[1:]):
                ax, ay = (a[1] - lon) * kx, (a[0] - lat) * 111.195
                dx, dy = (b[1] - a[1]) * kx, (b[0] - a[0]) * 111.195
                run = dx * dx + dy * dy
                t = 0.0 if run == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / run))
                vx, vy = -(ax + t * dx), -(ay + t * dy)  # from the line's nearest point to (lat, lon)
                d = math.hypot(vx, vy)
                if best is None or d < best[0]:
                    best = (d, vx, vy, dx, dy)
        if best is None or best[0] <= SIDE_FREE_KM:
            return True
        _, vx, vy, dx, dy = best
        if side in ("left", "right"):
            cross = dx * vy - dy * vx  # > 0: to the left of the flow
            return cross > 0 if side == "left" else cross < 0
        want = _COMPASS.get(side)
        if want is None:
            return True
        rad = math.radians(want)
        return vx * math.sin(rad) + vy * math.cos(rad) > 0


def _segment_km(lat: float, lon: float, a: Point, b: Point) -> float:
    """Km from (lat, lon) to the segment a-b, on a plane tangent at the point."""
    kx = 111.195 * math.cos(math.radians(lat))  # km per degree of longitude, and of latitude below
    ax, ay = (a[1] - lon) * kx, (a[0] - lat) * 111.195
    bx, by = (b[1] - lon) * kx, (b[0] - lat) * 111.195
    dx, dy = bx - ax, by - ay
    run = dx * dx + dy * dy
    t = 0.0 if run == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / run))
    return math.hypot(ax + t * dx, ay + t * dy)


# Ukraine's road numbers as ISW spells them: "T1302", "T-13-02", "E-40", "M03", "N20" / "H20" (the Cyrillic Н)
def _road(*codes: str) -> tuple[str, ...]:
    """The keys of road numbers ("T-13-02" -> "T1302"), as `_road_key` reads them from a text."""
    return tuple(code.replace("-", "") for code in codes)


LINES: tuple[tuple[tuple[str, ...] | str, Line], ...] = (  # road numbers, or a pattern naming a river
    # "the T1302 highway from Bakhmut to Lysychansk", "the T1302 highway exit on [Rubizhne's] western outskirts"
    (_road("T-13-02"), Line("T1302 highway", ((
        (48.59419, 37.99886),  # Bakhmut
        (48.66196, 38.10071),  # Bakhmutske
        (48.75719, 38.24628),  # Berestove
        (48.85489, 38.26829),  # Verkhnokamianka
        (48.91211, 38.42088),  # Lysychansk
        (49.00849, 38.37972),  # Rubizhne
    ),))),
    # "the T1303 Hirske-Lysychansk highway", "Zolote, near the T1303"
    (_road("T-13-03"), Line("T1303 highway", ((
        (48.69516, 38.51512),  # Zolote
        (48.74046, 38.49596),  # Hirske
        (48.91211, 38.42088),  # Lysychansk
    ),))),
    # "the T0513 Horlivka-Bakhmut highway", "the T0513 Bakhmut-Siversk highway", "the T0513 highway that starts at Mayorsk"
    (_road("T-05-13"), Line("T0513 highway", ((
        (48.29986, 38.01709),  # Horlivka
        (48.40316, 38.00913),  # Maiorsk
        (48.50285, 38.02167),  # Odradivka
        (48.59419, 37.99886),  # Bakhmut
        (48.69210, 38.07098),  # Soledar
        (48.86476, 38.09683),  # Siversk
    ),))),
    # "the T0504 Kostyantynivka-Chasiv Yar-Bakhmut GLOC", "the T0504 highway from Popasna toward Bakhmut", "Alchevsk,
    # Kadiivka, and Bryanka, ... along the T0504 Luhansk City-Bakhmut highway"
    (_road("T-05-04"), Line("T0504 highway", ((
        (48.52728, 37.70594),  # Kostiantynivka
        (48.58768, 37.83409),  # Chasiv Yar
        (48.59419, 37.99886),  # Bakhmut
        (48.63168, 38.37104),  # Popasna
        (48.56818, 38.64352),  # Kadiivka
        (48.46906, 38.79744),  # Alchevsk
        (48.56814, 39.30553),  # Luhansk
    ),))),
    # the E40 (M03): "Dolyna, about 20 km northwest of Slovyansk along the E40 (also known as the M03)", "the E40
    # Izyum-Slovyansk highway", "Klynove - within 15 km southeast of Bakhmut along the E40 Bakhmut-Slovyansk highway",
    # "north of the E-40 highway" west of Kyiv (the Kyiv-Zhytomyr road); the Kyiv-Kharkiv stretch is not traced
    (_road("E-40", "M-03"), Line("E40 (M03) highway", (
        ((50.26235, 28.67913), (50.45466, 30.52380)),  # Zhytomyr, Kyiv
        (
            (49.98177, 36.25475),  # Kharkiv
            (49.45595, 36.84433),  # Balakliia
            (49.20697, 37.27679),  # Izyum
            (48.99519, 37.43155),  # Dolyna
            (48.84974, 37.59739),  # Slovyansk
            (48.59419, 37.99886),  # Bakhmut
            (48.33592, 38.40261),  # Debaltseve
        ),
    ))),
    # the N20 (H20): "Avdiivka is just north of Donetsk City on the N20 highway toward Kramatorsk", "the N20 highway to
    # Slovyansk east of Avdiivka"
    (_road("N-20", "H-20"), Line("N20 (H20) highway", ((
        (48.84974, 37.59739),  # Slovyansk
        (48.73106, 37.56779),  # Kramatorsk
        (48.61995, 37.52537),  # Druzhkivka
        (48.52728, 37.70594),  # Kostiantynivka
        (48.14019, 37.75008),  # Avdiivka
        (48.02300, 37.80224),  # Donetsk
        (47.60080, 37.49358),  # Volnovakha: "Volnovakha at the intersection of the N20 and T0509"
        (47.09514, 37.54131),  # Mariupol
    ),))),
    # the N21 (H21): "the H21 Starobilsk-Luhansk City highway", "Shchastia, about 15 km north of Luhansk City along the H21"
    (_road("N-21", "H-21"), Line("N21 (H21) highway", ((
        (48.56814, 39.30553),  # Luhansk
        (48.73784, 39.23047),  # Shchastia
        (48.96288, 39.00376),  # Novoaidar
        (49.27881, 38.90750),  # Starobilsk
    ),))),
    # the N26 (H26) Chuhuiv-Kupyansk-Svatove-Starobilsk-Milove: "the N26 highway that leads into Svatove from the
    # north", "Kuzymivka (13 km northwest of Svatove) near the N26", "Stelmakhivka ... west of the N26 and R66 highways"
    (_road("N-26", "H-26"), Line("N26 (H26) highway", ((
        (49.83538, 36.68650),  # Chuhuiv
        (49.69510, 37.17625),  # Shevchenkove
        (49.71003, 37.61581),  # Kupyansk
        (49.40926, 38.15534),  # Svatove
        (49.27881, 38.90750),  # Starobilsk
        (49.20846, 39.58975),  # Bilovodsk
        (49.37615, 40.13647),  # Milove
    ),))),
    # the T0401: "Polohy, Tokmak, and Basan, Zaporizhia Oblast (all along the T0401 highway)", "the T0401 Tokmak-Polohy
    # highway"
    (_road("T-04-01"), Line("T0401 highway", ((
        (47.25554, 35.70836),  # Tokmak
        (47.38707, 36.16970),  # Basan
        (47.47865, 36.25463),  # Polohy
    ),))),
    # the E105 (M18 south of Kharkiv, M20 north of it): "Pytomnyk and Dementiivka, both situated along the E105
    # Kharkiv-Belgorod City highway", "the E105 (also known as the M18) highway that runs through Vasylivka south of
    # Zaporizhia City", "the M18/E105 highway connecting Melitopol to Crimea"; the Kharkiv-Zaporizhzhia stretch is not
    # traced
    (_road("E-105", "M-18"), Line("E105 (M18) highway", (
        (
            (50.61074, 36.58015),  # Belgorod
            (50.23334, 36.23694),  # Dementiivka
            (49.98177, 36.25475),  # Kharkiv
        ),
        (
            (47.85167, 35.11714),  # Zaporizhzhia
            (47.44218, 35.28213),  # Vasylivka
            (46.84735, 35.38196),  # Melitopol
            (46.03008, 34.54734),  # Chonhar
            (45.71310, 34.39273),  # Dzhankoi
        ),
    ), slack_km=3.0)),
    # the M14 (E58): "Chornobaivka is the last settlement along the M14 north of Kherson City", "the M14
    # Mariupol-Berdyansk-Melitopol highway", "the M-14 Melitopol-Novoazovsk highway"; the Kherson-Melitopol stretch
    # is not traced
    (_road("M-14", "E-58"), Line("M14 (E58) highway", (
        (
            (46.97625, 31.99296),  # Mykolaiv
            (46.69641, 32.54507),  # Chornobaivka
            (46.63695, 32.61458),  # Kherson
        ),
        (
            (46.84735, 35.38196),  # Melitopol
            (46.75578, 36.78815),  # Berdyansk
            (47.05625, 37.31193),  # Manhush
            (47.09514, 37.54131),  # Mariupol
            (47.11389, 38.08599),  # Novoazovsk
        ),
    ), slack_km=3.0)),
    # the E97: "Radensk, 25km southeast of Kherson City along the E97 highway that runs between Kherson City and
    # Armiansk", "Kalanchak (near the E97 highway)"
    (_road("E-97"), Line("E97 highway", ((
        (46.63695, 32.61458),  # Kherson
        (46.62553, 32.72426),  # Oleshky
        (46.54860, 32.92787),  # Radensk
        (46.25495, 33.29061),  # Kalanchak
        (46.10919, 33.69206),  # Armiansk
    ),))),
    # "Bruskynske, about 75 km northeast of Kherson City along the critical T2207 highway that runs into Nova Kakhovka",
    # "Davydiv Brid on the T2207", "Velyka Oleksandrivka, on the T2207", "Potomkyne, south of Kryvyi Rih on the T2207"
    (_road("T-22-07"), Line("T2207 highway", ((
        (46.75966, 33.35591),  # Nova Kakhovka
        (47.06610, 33.20642),  # Chkalove
        (47.15802, 33.20867),  # Bruskynske
        (47.23925, 33.19094),  # Davydiv Brid
        (47.31888, 33.29059),  # Velyka Oleksandrivka
        (47.48650, 33.57397),  # Potomkyne
    ),))),
    # the Siverskyi Donets, downstream from Staryi Saltiv to Stanytsia Luhanska
    (r"\bSiversk(?:yi|yy|iy|y|ij)\s+Donets\b|\bDonets\s+[Rr]iver\b", Line("Siverskyi Donets River", ((
        (50.07155, 36.78508),  # Staryi Saltiv
        (49.83538, 36.68650),  # Chuhuiv
        (49.69689, 36.36207),  # Zmiiv
        (49.45595, 36.84433),  # Balakliia
        (49.40035, 37.05134),  # Savyntsi
        (49.20697, 37.27679),  # Izyum
        (49.04101, 37.57194),  # Sviatohirsk
        (48.90209, 37.72467),  # Raihorodok
        (48.91978, 38.04175),  # Dronivka
        (48.91963, 38.13543),  # Serebrianka
        (48.91211, 38.42088),  # Lysychansk
        (48.94414, 38.48754),  # Sievierodonetsk
        (48.66247, 39.48358),  # Stanytsia Luhanska
    ),))),
    # the Inhulets, downstream from Kryvyi Rih to the Dnipro: "Davydiv Brid, ... on the eastern Inhulets riverbank",
    # "the Darivka Bridge ... over the Inhulets River"
    (r"\bInhulets\s+(?:[Rr]iver|riverbank|bridgehead)|\b(?:over|across)\s+the\s+Inhulets\b", Line("Inhulets River", ((
        (47.90572, 33.39404),  # Kryvyi Rih
        (47.73010, 33.25189),  # Inhulets
        (47.43329, 33.40506),  # Arkhanhelske: "Arkhanhelske on the eastern bank of Inhulets River"
        (47.31888, 33.29059),  # Velyka Oleksandrivka
        (47.23925, 33.19094),  # Davydiv Brid
        (47.07651, 32.81970),  # Snihurivka
        (46.78964, 32.82599),  # Inhulets (Kherson Oblast), by Darivka
        (46.69656, 32.82843),  # the mouth
    ),))),
    # the Oskil, downstream from the Russian border to the Siverskyi Donets: "Kurylivka, on the east bank of the Oskil
    # River", "Ukrainian forces forded the Oskil River at Borova"
    (r"\bOskil\s+(?:[Rr]iver|riverbank|[Rr]eservoir)|(?:(?<=over the )|(?<=across the )|(?<=along the )|(?<=of the ))Oskil\b", Line("Oskil River", ((
        (50.08000, 37.80000),  # the Russian border, north of Dvorichna (coarse)
        (49.85099, 37.68482),  # Dvorichna
        (49.71003, 37.61581),  # Kupyansk
        (49.63026, 37.6775),   # Kivsharivka
        (49.38047, 37.61931),  # Borova
        (49.17654, 37.42412),  # Oskil, on the Oskil Reservoir's dam
        (49.10084, 37.40866),  # the mouth
    ),))),
    # the Dnipro from Kyiv to its estuary, the Kakhovka Reservoir included: "Nikopol, on the right bank of the Dnipro
    # River", "Hornostaivka, a settlement on the left bank of the Dnipro", "Enerhodar, on the Kakhovka Reservoir"
    (r"\bDni(?:pro|eper)\s+(?:[Rr]iver|riverbank|[Ee]stuary)|\bKakhovka\s+[Rr]eservoir|(?:(?<=over the )|(?<=across the )|(?<=along the )|(?<=of the ))Dnipro\b(?!\s+City)",
     Line("Dnipro River", ((
        (50.58312, 30.48566),  # Vyshhorod
        (50.45466, 30.5238),   # Kyiv
        (49.96934, 31.0424),   # Rzhyshchiv
        (49.75187, 31.47003),  # Kaniv
        (49.44452, 32.05738),  # Cherkasy
        (49.06253, 33.40484),  # Kremenchuk
        (48.65557, 34.3262),   # Verkhnodniprovsk
        (48.46664, 35.04066),  # Dnipro
        (47.87, 35.09),        # the Zaporizhzhia dam
        (47.70, 35.12),        # between Bilenke (right) and Balabyne (left)
        (47.58, 35.05),
        (47.48, 34.95),        # the Kakhovka Reservoir: between Vyshchetarasivka (right) and Dniprorudne (left)
        (47.55, 34.65),        # between Marhanets (right) and Enerhodar (left)
        (47.53, 34.40),        # between Nikopol (right) and Kamianka-Dniprovska (left)
        (47.40, 34.20), (47.15, 33.85), (46.90, 33.55), (46.78, 33.38),  # on, the lower Dnipro as `resolver.DNIPRO_LOWER` draws it
        (46.72, 33.10), (46.68, 32.85), (46.64, 32.68), (46.55, 32.45), (46.48, 32.20),
    ),))),
    # the Dniester Estuary, from Mayaky down its length to the sea at Zatoka: "the coastal settlement of Zatoka, south
    # of the Dniester Estuary" (not the village of Zatoka in Kharkiv Oblast)
    (r"\bDni(?:e|)ster\s+(?:[Ee]stuary|[Ll]iman|[Ll]yman)|\bDnistrovsk(?:yi|yy|iy)\s+[Ll]yman", Line("Dniester Estuary", ((
        (46.41253, 30.26717),  # Mayaky
        (46.30000, 30.33000),
        (46.19484, 30.37500),  # off Bilhorod-Dnistrovskyi
        (46.09000, 30.46500),  # the mouth, between Zatoka and Karolino-Buhaz
    ),))),
)
_ROADS = {key: line for keys, line in LINES if isinstance(keys, tuple) for key in keys}
_CODE = re.compile(r"\b([TMNHE])-?(\d{1,3})(?:-?(\d\d))?\b")  # "T1302", "T-13-02", "E-40", "M03", "E105"
_CODE_HINT = Twin(re.compile(r"[TMNHE]-?\d"))  # found faster than `_CODE`, which most sentences do not hold
_RIVERS = tuple((re.compile(pattern), line) for pattern, line in LINES if isinstance(pattern, str))
_ROAD_NAMES = frozenset(line.name for line in _ROADS.values())
_RIVER_HINT = re.compile(r"Donets\b|Inhulets|Oskil|Dnipro|Dnieper|Dni(?:e|)ster|Dnistrovsk|Kakhovka")  # a text without these names no river of `LINES` ("Donetsk" is no hint)


# a road named by the towns at its ends: "the R-66 Svatove-Kreminna highway", "the M14 Mariupol-Berdyansk-Melitopol
# highway", "the R66 (Svatove-Kreminna) road", "along the Bakhmut-Lysychansk highway" (not "the Svatove-Kreminna line",
# a front line); its number, when it has one, is kept to prefer the course traced in `LINES`
_END = r"[A-Z][\w’']+(?:\s(?:[A-Z][\w’']+|Rih|Yar))?"
_SEGMENT = re.compile(
    rf"\b(?:(?P<code>[TMNHERP]-?\d{{1,3}}(?:-?\d\d)?)\s+)?\(?(?P<ends>{_END}(?:\s?[-–]\s?{_END})+)\)?"
    r"\s+(?:highway|road|route|motorway)\b")
_SEGMENT_HINT = Twin(re.compile(r"[-–][A-Z][\w’']+(?:\s[A-Z][\w’']+)?\)?\s+(?:highway|road|route|motorway)\b"))
_END_SPLIT = re.compile(r"\s?[-–]\s?")
# the road through towns named so, as `road_of` builds it from the gazetteer (None: not every town is known)
RoadOf = Callable[[tuple[str, ...]], "Line | None"]


def road_segments(text: str, start: int = 0, stop: int | None = None) -> list[tuple[int, tuple[str, ...]]]:
    """(position, towns) of every road `text[start:stop]` names by its end towns and whose number is not in `LINES`
    ("on the M-14 Melitopol-Novoazovsk highway" -> (pos of "M-14", ("Melitopol", "Novoazovsk")))."""
    stop = len(text) if stop is None else stop
    if _SEGMENT_HINT.search(text, start, stop) is None:
        return []
    out = []
    for m in _SEGMENT.finditer(text, start, stop):
        code = m.group("code")
        if code is not None and _CODE.fullmatch(code) is not None and code.replace("-", "") in _ROADS:
            continue  # a road traced in `LINES`: its course, not the straight line between its ends
        out.append((m.start(), tuple(_END_SPLIT.split(m.group("ends")))))
    return out


def _found(text: str, start: int = 0, stop: int | None = None, road_of: RoadOf | None = None) -> list[tuple[int, Line]]:
    """(position, line) of every road and river of `LINES` named in text[start:stop], in order, and with `road_of`
    the roads named by their end towns."""
    stop = len(text) if stop is None else stop
    out = [(m.start(), _ROADS[key]) for m in _CODE.finditer(text, start, stop)
           if (key := m.group(1) + m.group(2) + (m.group(3) or "")) in _ROADS] if _CODE_HINT.search(text, start, stop) else []
    if _RIVER_HINT.search(text, start, stop):
        out.extend((m.start(), line) for pattern, line in _RIVERS for m in pattern.finditer(text, start, stop))
        out.sort(key=lambda t: t[0])
    if road_of is not None:
        roads = [(pos, line) for pos, towns in road_segments(text, start, stop) if (line := road_of(towns)) is not None]
        if roads:
            out = sorted(out + roads, key=lambda t: t[0])
    return out


# what may stand between a place and the road or river the text puts it on: the rest of its list, an apposition
# ("X, Y, and Z, all settlements within 10 kilometers of the T1302", "X, which is a settlement directly along the
# T1302", "X (on the E40 highway to Slovyansk)", "X and Y along the T1302"), not a bearing or another clause
ON_THE_LINE = re.compile(
    r"(?:\s*(?:,|\(|\b(?:and|or|both|all|settlements?|villages?|towns?|located|situated|which\s+(?:is|are|lies|lie)|"
    r"a|small|settlement|village|town|directly|just|[A-Z][\w’'-]+)\b))*"
    r"\s*\b(?:along|on|near|astride|adjacent\s+to|within\s+\d+\s*(?:km|kilometers)\s+of)\s+the\s+(?:[\w’'-]+\s+){0,3}?$")
ON_THE_LINE_CHARS = 120  # the road or river named this close after a place, at most
# a place the text puts to one side of a river or body of water: "Zatoka, south of the Dniester Estuary", "Kreminna
# and Svatove, east of the Oskil River", "Lazurne on the left bank of the Dnipro River" (ISW's "left bank" is the
# occupied side of Kherson Oblast, not the riverside): farther from it than a place on it (`resolver.BESIDE_MAX_KM`)
BESIDE_THE_LINE = re.compile(
    r"(?:\s*(?:,|\(|\b(?:and|or|both|all|settlements?|villages?|towns?|located|situated|which\s+(?:is|are|lies|lie)|"
    r"a|small|coastal|settlement|village|town|just|directly|immediately|[A-Z][\w’'-]+)\b))*"
    r"\s*(?:\b(?P<compass>(?:north|south)?(?:east|west)|north|south)(?:ern)?\s+of\s+the\s+"
    r"|\b(?:on|along|near)\s+the\s+(?:(?P<bank>(?:north|south)?(?:east|west)|north|south|left|right)(?:ern)?\s+"
    r"(?:\((?:left|right|east|west)\)\s+)?)?(?:banks?|shores?|coast)\s+of\s+the\s+)(?:[\w’'-]+\s+){0,2}?$")
# a list's next item, not more of the place's own words: "near Lyman, and on the east bank of the Oskil", "in
# Ochakiv and settlements along the right bank of the Dnipro"
NEXT_ITEM = re.compile(r"\b(?:and|or)\s+(?:on|along|near|astride|in|at|(?:other\s+)?(?:settlements|villages|towns|areas|positions))\b")


def lines_beside_place(text: str, end: int) -> tuple[tuple[Line, str | None], ...]:
    """(river or water, side) for each of `LINES` that `text` puts the place ending at `end` to one side of, named right
    after it with only its list or an apposition between: ("Dniester Estuary", "south") for "Zatoka, south of the
    Dniester Estuary", ("Dnipro River", "left") for "Lazurne on the left bank of the Dnipro", None for a bank unnamed."""
    out: list[tuple[Line, str | None]] = []
    for start, line in _found(text, end, end + ON_THE_LINE_CHARS + 20):
        if start - end > ON_THE_LINE_CHARS:
            break
        if line.name in _ROAD_NAMES or any(x is line for x, _ in out) or NEXT_ITEM.search(text, end, start) is not None:
            continue
        m = BESIDE_THE_LINE.match(text, end, start)
        if m is not None:
            out.append((line, m.group("compass") or m.group("bank")))
    return tuple(out)


def lines_named(text: str, road_of: RoadOf | None = None) -> tuple[Line, ...]:
    """The roads and rivers of `LINES` that `text` names, in the order named, each once (with `road_of`, also the
    roads it names by their end towns)."""
    out: list[Line] = []
    for _, line in _found(text, road_of=road_of):
        if line not in out:
            out.append(line)
    return tuple(out)


def lines_of_place(text: str, end: int, road_of: RoadOf | None = None) -> tuple[Line, ...]:
    """The roads and rivers `text` puts the place ending at `end` on ("Nahirne and Bilohorivka along the T1302",
    "Krasnopillia, located along the E40 highway"): named right after it, with only its list or an apposition between."""
    out: list[Line] = []
    for start, line in _found(text, end, end + ON_THE_LINE_CHARS + 20, road_of):
        if start - end > ON_THE_LINE_CHARS:
            break
        if line not in out and ON_THE_LINE.match(text, end, start) is not None and NEXT_ITEM.search(text, end, start) is None:
            out.append(line)
    return tuple(out)
