"""`python -m geo gazetteer build|lookup|info`: build the full gazetteer, ask it about a name."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from geo.cli import add_command
from geo.cli._common import add_gazetteer_option, load_gazetteer

DEFAULT_BASE_URL = "https://download.geonames.org/export/dump/"
BASE_URL_ENV = "GEO_GEONAMES_URL"

# What to fetch for a country, in order of preference: the published country dump first, then the
# shapes a mirror may hold instead (gzip, plain text, or a cities500 extract for the country).
COUNTRY_FILES = ("{cc}.zip", "{cc}.txt.gz", "{cc}.txt", "cities500_{cc}.txt.gz", "cities500_{cc}.zip")
ADMIN_FILES = (("admin1CodesASCII.txt", "admin1CodesASCII.txt.gz"), ("admin2Codes.txt", "admin2Codes.txt.gz"))


def register(sub) -> None:
    p = add_command(
        sub, "gazetteer",
        "Build the full gazetteer index from GeoNames files (or download them), or look a name up.",
        "python -m geo gazetteer build --geonames ../shared/data/geonames/UA.txt.gz ../shared/data/geonames/admin1CodesASCII.txt",
        lambda args: (p.print_help(), 2)[1],
    )
    inner = p.add_subparsers(dest="gazetteer_command", metavar="ACTION")

    b = add_command(
        inner, "build",
        "Build the gazetteer index (SQLite) from GeoNames files: country dumps (UA.txt, UA.zip, gzip), cities500/1000 "
        "files, admin1CodesASCII.txt and admin2Codes.txt. With --download, fetch the country dumps first. "
        "Overrides (data/gazetteer/overrides.csv) are applied. A failed build leaves the previous index in place.",
        "python -m geo gazetteer build --download UA RU BY --out data/gazetteer/index.sqlite", run_build,
    )
    src = b.add_mutually_exclusive_group(required=True)
    src.add_argument("--geonames", nargs="+", type=Path, metavar="FILE", help="GeoNames files to read")
    src.add_argument("--download", nargs="+", metavar="CC", help="ISO country codes to download (UA RU BY)")
    b.add_argument("--out", type=Path, metavar="INDEX", default=None,
                   help="where to write the index (default: data/gazetteer/index.sqlite)")
    b.add_argument("--base-url", default=None,
                   help=f"GeoNames export server for --download (default: ${BASE_URL_ENV} or {DEFAULT_BASE_URL})")
    b.add_argument("--downloads", type=Path, metavar="DIR", default=None,
                   help="folder for downloaded files (default: a 'geonames' folder beside the index)")
    b.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for the server (default: 60)")
    b.add_argument("--overrides", type=Path, metavar="CSV", default=None,
                   help="analyst overrides to apply (default: data/gazetteer/overrides.csv)")
    b.add_argument("--countries", nargs="+", metavar="CC", default=None,
                   help="countries to keep (default: UA RU BY, or the --download list)")
    b.add_argument("--quiet", action="store_true", help="no progress bars")

    lk = add_command(
        inner, "lookup",
        "Print the candidate places for a name (one per line: geonameid, match, name, admin1, feature, lat, lon).",
        "python -m geo gazetteer lookup Avdiivka", run_lookup,
    )
    lk.add_argument("name", nargs="+", help="the place name as written (several words are joined)")
    lk.add_argument("--no-fuzzy", action="store_true", help="exact and variant matches only")
    lk.add_argument("--region", action="store_true", help="look the name up as an oblast / krai / republic")
    lk.add_argument("--json", action="store_true", help="print JSON lines")
    add_gazetteer_option(lk)

    info = add_command(
        inner, "info",
        "Print what an index holds: build time, sources with their SHA-256, counts.",
        "python -m geo gazetteer info data/gazetteer/index.sqlite", run_info,
    )
    info.add_argument("index", nargs="?", type=Path, default=None, help="the index (default: data/gazetteer/index.sqlite)")


def _base_url(args) -> str:
    url = args.base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    return url if url.endswith("/") else url + "/"


def download_files(countries: list[str], base_url: str, dest: Path, timeout: float = 60.0, progress: bool = True,
                   log=print) -> list[Path]:
    """Fetch each country's dump and the admin code files into `dest`; return the saved paths.

    Prints (via `log`) and saves beside each file (`FILE.sha256`) the SHA-256 of what was saved.
    """
    from geo.errors import GazetteerError, NotFoundError
    from geo.fetch import download

    wanted = [tuple(name.format(cc=cc.upper()) for name in COUNTRY_FILES) for cc in countries]
    saved: list[Path] = []
    for options in [*wanted, *ADMIN_FILES]:
        for name in options:
            target = dest / name
            try:
                digest = download(base_url + name, target, timeout=timeout, progress=progress)
            except NotFoundError:
                continue
            (dest / f"{name}.sha256").write_text(f"{digest}  {name}\n", encoding="utf-8")
            log(f"saved {target} sha256 {digest}")
            saved.append(target)
            break
        else:
            if options in ADMIN_FILES:
                log(f"note: {base_url} has none of {', '.join(options)}; building without it")
                continue
            raise GazetteerError(f"{base_url}: none of {', '.join(options)} found there; check the country code and --base-url")
    return saved


def run_build(args) -> int:
    from geo.errors import OfflineError
    from geo.places.gazetteer import COUNTRIES, DEFAULT_INDEX, DEFAULT_OVERRIDES, build_index

    out = args.out or DEFAULT_INDEX
    overrides = args.overrides or DEFAULT_OVERRIDES
    say = (lambda *a: None) if args.quiet else (lambda msg: print(msg, file=sys.stderr))
    if args.download:
        dest = args.downloads or out.parent / "geonames"
        base = _base_url(args)
        try:
            files = download_files(args.download, base, dest, timeout=args.timeout, progress=not args.quiet, log=say)
        except OfflineError as e:
            cause = e.__cause__.reason if hasattr(e.__cause__, "reason") else e.__cause__
            raise OfflineError(e.url, f"cannot reach the GeoNames server ({cause}): offline? Build from files you "
                                      f"have with --geonames FILE..., or point --base-url / {BASE_URL_ENV} at a mirror") from e
        countries = args.countries or [c.upper() for c in args.download]
    else:
        files = args.geonames
        countries = args.countries or list(COUNTRIES)
    started = time.perf_counter()
    meta = build_index(files, out, overrides=overrides, countries=[c.upper() for c in countries], progress=not args.quiet)
    seconds = time.perf_counter() - started
    for problem in meta.get("override_problems", []):
        say(f"warning: {problem}")
    size = out.stat().st_size
    print(f"wrote {out}: {meta['places']} places, {meta['keys_exact']} exact and {meta['keys_variant']} variant keys, "
          f"{size / 1e6:.1f} MB in {seconds:.1f} s")
    return 0


def run_lookup(args) -> int:
    g = load_gazetteer(args.gazetteer)
    name = " ".join(args.name)
    if args.region:
        place = g.region(name)
        cands = [(place, "exact", 1.0)] if place else []
    else:
        cands = [(c.place, c.match, c.score) for c in g.lookup(name, fuzzy=not args.no_fuzzy)]
    if not cands:
        print(f"no candidates for {name!r} in {g.label}", file=sys.stderr)
        return 1
    for place, match, score in cands:
        if args.json:
            row = {"geonameid": place.geonameid, "match": match, "score": score, "name": place.name,
                   "admin1": place.admin1, "country": place.country, "feature_class": place.feature_class,
                   "feature_code": place.feature_code, "lat": place.lat, "lon": place.lon,
                   "population": place.population, "source": place.source}
            print(json.dumps(row, ensure_ascii=False))
        else:
            tag = match if match != "fuzzy" else f"fuzzy {score:.2f}"
            print(f"{place.geonameid}\t{tag}\t{place.name}\t{place.admin1 or place.country}\t"
                  f"{place.feature_class}.{place.feature_code}\t{place.lat:.5f}\t{place.lon:.5f}\t{place.source}")
    return 0


def run_info(args) -> int:
    from geo.places.gazetteer import DEFAULT_INDEX
    from geo.places.index import read_meta

    path = args.index or DEFAULT_INDEX
    meta = read_meta(path)
    meta.pop("region_ids", None)
    print(json.dumps({"index": str(path), "bytes": path.stat().st_size, **meta}, indent=2, ensure_ascii=False))
    return 0

