"""The claims map: `streamlit run dashboard.py` (UI only; the logic lives in geo/).

Data: the store at $GEO_STORE (default data/claims.sqlite), filled with the embedded sample on
first start. Tiles: $GEO_TILES_URL ("none" for no tiles: the packaged land-and-borders basemap)
and $GEO_TILES_ATTRIBUTION, or the sidebar. Overlays: front-line snapshots from a folder
($GEO_FRONTLINE_DIR; "as of the report date" picks the latest snapshot on or before it), an
upload, and boundary files or folders ($GEO_BOUNDARIES, separated by ";"); the page offers only files
under what the operator configured, never a path typed by a visitor. The view
(date, window, filters, centre, zoom, briefing) lives in the URL, so a copied link opens it again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import os
import threading
from pathlib import Path

import pandas as pd
import streamlit as st
import streamlit.components.v1 as components
from streamlit_folium import st_folium

from geo.map import assets, exports, facets, folium_map, views
from geo.errors import GeoError
from geo.map.folium_map import MapSettings
from geo.pipeline import ensure_sample_store, front_series, front_values
from geo.places.frontline import CHECK_LABEL, FAR_KM, front_check
from geo.store import DEFAULT_STORE, Store
from geo.map.views import WINDOW_LABELS, View

st.set_page_config(page_title="ISW-reported claims map", page_icon="🗺️", layout="wide")
# a crash shows visitors a short message, never a traceback with server paths (it goes to the server log),
# also when the app is started from another folder than this one's .streamlit/config.toml
st.set_option("client.showErrorDetails", "none")

STORE_PATH = os.environ.get("GEO_STORE") or str(DEFAULT_STORE)
# Overlay folders and files the operator configured; the page offers only what is under them.
FRONTLINE_DIR = (os.environ.get("GEO_FRONTLINE_DIR") or "").strip()
BOUNDARY_ROOTS = [p.strip() for p in (os.environ.get("GEO_BOUNDARIES") or "").split(";") if p.strip()]
FILTERS = (  # (view field, label, widget key)
    ("actors", "Actor", "f_actors"),
    ("kinds", "Kind", "f_kinds"),
    ("statuses", "Status", "f_statuses"),
    ("claimants", "Claimant", "f_claimants"),
    ("sections", "Axis / direction", "f_sections"),
    ("oblasts", "Oblast", "f_oblasts"),
)
TABLE_MAX = 250  # rows of the claims table sent to the browser (a date change stays small on the whole war)
UNRESOLVED_MAX = 100  # rows of the unresolved mentions sent to the browser
TEMPO_DAILY_MAX = 120  # days the claims-per-day charts show day by day; a longer span is charted by week
QUEUE_MAX = 200  # items of the review queue listed (table and picker)
LABELS = {**folium_map.ACTOR_LABELS, **folium_map.KIND_LABELS, **folium_map.STATUS_LABELS}


# -- cached loaders ---------------------------------------------------------------------------


@st.cache_resource
def _cached_functions() -> dict:
    """The cached functions of this script, made once per server process (see `cached`)."""
    return {}


def cached(kind: str, **options):
    """`st.cache_resource` / `st.cache_data` (`kind`) with `options`, applied once per process and function
    body: Streamlit hashes a decorated function's source each time the decorator runs, and this script's
    decorators run on every rerun of every session. A changed body (new code object) is decorated anew."""
    def decorate(fn):
        registry = _cached_functions()
        key = (kind, fn.__qualname__, fn.__code__, repr(sorted(options.items())))
        wrapper = registry.get(key)
        if wrapper is None:
            wrapper = registry.setdefault(key, getattr(st, kind)(**options)(fn))
        return wrapper
    return decorate


@cached("cache_resource", show_spinner="Preparing the claims store (first start: ingesting the sample)…")
def ensure_store(path: str) -> str:
    ensure_sample_store(path).close()
    return path


def store_version(path: str) -> tuple:
    """Changes whenever the store file is written (an ingest), so cached rows are read again."""
    info = os.stat(ensure_store(path))
    return (info.st_mtime_ns, info.st_size)


@cached("cache_resource", show_spinner="Reading claims…", max_entries=2)
def load_rows(path: str, version: tuple) -> list[dict]:
    """Every row of the store (read-only: shared by every session), with its canonical claimant and axis."""
    with Store(path) as store:
        rows = facets.annotate(store.claim_rows())
        fronts = store.claim_front()
        # each claim against the front line of its day (geo.pipeline.measure_front); rows stored before it was
        # measured (an older store) are measured here, in memory: the app does not write the store
        missing = [r for r in rows if r.get("id") not in fronts and r.get("lat") is not None and r.get("lon") is not None]
        if missing:
            fronts.update((v[0], v[1:]) for v in front_values(missing, front_series(store)))
    for r in rows:
        r["front_date"], r["front_km"], r["front_note"] = fronts.get(r.get("id"), (None, None, None))
    settle(rows)
    return rows


@cached("cache_resource")
def settled_after_first_run() -> bool:
    """`settle` once per process, after its first run (the modules and templates a run loads lazily)."""
    settle(None)
    return True


def settle(value):
    """Move what the process holds so far out of the garbage collector's sight (`gc.freeze`): Streamlit runs a
    full collection after every run, and walking the cached rows of the whole war would take most of a run.
    Cached rows are freed by reference counting when a new store version replaces them."""
    import gc

    gc.collect()
    gc.freeze()
    return value


@cached("cache_resource", max_entries=2)
def load_front(path: str, version: tuple):
    """The front line by date: the shipped DeepStateMap series and the snapshots imported into the store."""
    with Store(path) as store:
        return settle(front_series(store))


def far_only(rows: list[dict]) -> list[dict]:
    """The ground claims far from the front line of their day ("far from the front: check")."""
    return [r for r in rows if front_check(r) == CHECK_LABEL]


@cached("cache_resource", max_entries=2)
def load_choices(path: str, version: tuple) -> tuple[list[dt.date], dict[str, list[str]]]:
    """The report dates (days without a claim included) and the filter values."""
    with Store(path) as store:
        dates = store.report_dates()
    return dates, views.choices(load_rows(path, version))


@cached("cache_data", show_spinner=False, max_entries=64)
def layer_json(path: str, version: tuple, key: str, overlay_legend: tuple, credits: tuple[str, ...],
               cluster_min: int, uncluster_zoom: int, front: bool = True,
               far: bool = False) -> tuple[str, tuple[str, str], str | None]:
    """The claims layer's JSON without its popup texts, those texts (file name, JSON: served as a file the map
    fetches when a popup is first opened, see `popup_texts_url`) and the front line's JSON (as of the view's
    date; None when off or none)."""
    rows = load_rows(path, version)
    view = View.from_query(json.loads(key))
    dates = views.report_dates(rows)
    line = folium_map.view_front(load_front(path, version), view, dates) if front else None
    if line:
        overlay_legend = (*line["legend"], *overlay_legend)
        credits = (*([line["credit"]] if line["credit"] else []), *credits)
    shown, _ = view_rows(path, version, view_key(view))  # the view's claims, selected once per view
    payload = folium_map.layer_payload(far_only(shown) if far else shown, view, dates, overlay_legend,
                                    cluster_min, uncluster_zoom, credits, new_keys=views.new_places(rows, view))
    payload, texts = folium_map.split_texts(payload)
    name = hashlib.sha256(texts.encode("utf-8")).hexdigest()[:24] + ".json"
    return folium_map.script_json(payload), (name, texts), folium_map.front_json(line)


POPUP_FILES = 512  # popup-text files kept in the served folder (the least recently drawn are removed)


@cached("cache_resource")
def popup_folder() -> tuple[Path, str]:
    """A folder of this process served by the app (its files at the returned URL prefix): the popup texts."""
    import atexit
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="frontline-claims-popups-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    component = components.declare_component("geo_popups", path=str(folder))
    return folder, f"../{component.name}/"


def popup_texts_url(name: str, texts: str) -> str:
    """The URL the map fetches a layer's popup texts from: the file `name` in `popup_folder`, written when
    missing (and marked as drawn now, so pruning keeps the texts of the maps in use)."""
    folder, prefix = popup_folder()
    path = folder / name
    try:
        os.utime(path)
    except FileNotFoundError:
        part = path.with_name(f".{name}.{threading.get_ident()}.part")
        part.write_text(texts, encoding="utf-8")
        os.replace(part, path)
        def drawn(p: Path) -> float:
            try:
                return p.stat().st_mtime
            except FileNotFoundError:  # pruned meanwhile by another session's run
                return 0.0

        for old in sorted(folder.glob("*.json"), key=drawn)[:-POPUP_FILES]:
            old.unlink(missing_ok=True)
    return prefix + name


def view_key(view: View) -> str:
    """The part of a view that decides what a run reads (date, window, filters), as a cache key."""
    return json.dumps(view.with_(center=None, zoom=None, briefing=False).to_query(), sort_keys=True)


FILTER_FIELDS = ("actors", "kinds", "statuses", "claimants", "sections", "oblasts", "text")


def filters_key(view: View) -> str:
    """The view's filters only (not its dates or sector), as a cache key."""
    return json.dumps([getattr(view, f) for f in FILTER_FIELDS])


@cached("cache_resource", max_entries=16, show_spinner=False)
def filtered_rows(path: str, version: tuple, key: str) -> tuple[list[dict], list[dict], dict, dict]:
    """For one set of filters, over the whole store (date order): the placed rows that pass them, the unplaced
    rows that pass them (except the oblast filter: they have no oblast), and the placed rows counted per report
    date by (kind, actor) and by axis. A view's window is then two binary searches and the claims-per-day
    charts a sum over its days, whatever the window."""
    wanted = dict(zip(FILTER_FIELDS, json.loads(key)))
    view = View(**{k: tuple(v) if k != "text" else v for k, v in wanted.items()})
    placed, missing = [], []
    by_side: dict[str, dict] = {}
    by_axis: dict[str, dict] = {}
    for r in load_rows(path, version):
        if r.get("lat") is not None and r.get("lon") is not None:
            if views.matches(r, view):
                placed.append(r)
                side = by_side.setdefault(r["report_date"], {})
                side[(r["kind"], r["actor"])] = side.get((r["kind"], r["actor"]), 0) + 1
                axis = by_axis.setdefault(r["report_date"], {})
                axis[facets.axis(r)] = axis.get(facets.axis(r), 0) + 1
        elif views.matches(r, view, oblast=False):
            missing.append(r)
    return placed, missing, by_side, by_axis


@cached("cache_resource", max_entries=512, show_spinner=False)
def view_rows(path: str, version: tuple, key: str) -> tuple[list[dict], list[dict]]:
    """The claims in a view and its unresolved mentions (as `views.select` and `views.unresolved` give them):
    read once per process and view (date, window, filters), then shared read-only by every session showing it."""
    rows = load_rows(path, version)
    view = View.from_query(json.loads(key))
    if view.bbox is not None or view.new_only:
        return views.select(rows, view), views.unresolved(rows, view)
    dates = views.report_dates(rows)
    end = views.end_date(view, dates)
    if end is None:
        return [], []
    start = views.window_start(view, end, dates)
    placed, missing, _, _ = filtered_rows(path, version, filters_key(view))
    return views.in_window(placed, view, end, start), views.in_window(missing, view, end, start)


@cached("cache_resource", max_entries=512, show_spinner=False)
def tempo_specs(path: str, version: tuple, key: str) -> tuple[dict, dict] | None:
    """The two claims-per-day charts of a view as Vega-Lite specs (built with Altair once per view)."""
    from streamlit import dataframe_util

    view = View.from_query(json.loads(key))
    charts = tempo_charts(load_rows(path, version), view, filtered_rows(path, version, filters_key(view)))
    if charts is None:
        return None
    specs = []
    for chart in charts:
        spec = chart.to_dict(validate=False)  # the charts are built here; checking them against the schema each time is slow
        # the data as the Arrow bytes Streamlit sends (it would convert the rows again on every run), its text
        # columns dictionary-encoded (a day or a series is written once, not on each of its rows: the whole
        # war's weekly counts are a fifth of the size)
        spec["datasets"] = {name: dataframe_util.convert_anything_to_arrow_bytes(compact_frame(values))
                            for name, values in spec.get("datasets", {}).items()}
        specs.append(spec)
    return tuple(specs)


def compact_frame(values: list[dict]) -> pd.DataFrame:
    """A chart's rows as a frame whose text columns are categories and whose counts are 32-bit."""
    df = pd.DataFrame(values)
    for col in df.columns:
        if pd.api.types.is_integer_dtype(df[col]):
            df[col] = df[col].astype("int32")
        elif not pd.api.types.is_numeric_dtype(df[col]):
            df[col] = df[col].astype("category")
    return df


@cached("cache_resource", show_spinner="Reading overlay…", max_entries=16)
def load_overlay(source: str | bytes, name: str, kind: str, mtime: float) -> folium_map.Overlay:
    return folium_map.read_overlay(source, name, kind)


@cached("cache_resource", ttl=60, max_entries=16, show_spinner=False)
def listed_overlays(root: str, boundaries: bool = False) -> list[Path]:
    """The overlay files of a configured folder (a configured file stands for itself), listed once a minute."""
    if boundaries and Path(root).is_file():
        try:
            return [folium_map.overlay_path(root, root)]
        except GeoError:
            return []
    return folium_map.overlay_files(root)


@cached("cache_resource")
def basemap_url() -> str:
    """Serve the packaged basemap as a file of its own, so the browser loads it once (and caches it) rather
    than with every redraw of the map."""
    import hashlib
    import tempfile

    text = folium_map.basemap_json()
    folder = Path(tempfile.gettempdir()) / "frontline-claims-basemap" / hashlib.sha256(text.encode()).hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "basemap.json").write_text(text, encoding="utf-8")
    component = components.declare_component("geo_basemap", path=str(folder))
    return f"../{component.name}/basemap.json"


@cached("cache_resource")
def static_prefix() -> str:
    """Serve geo/map/static (Leaflet, markercluster, jQuery) from this app, so the map needs no CDN."""
    component = components.declare_component("geo_static", path=str(assets.STATIC_DIR))
    return f"../{component.name}/"


# -- view state: URL -> widgets (first run of a session), widgets -> URL (every run) ----------


def first_run_from_url(dates: list[dt.date]) -> None:
    if st.session_state.get("_view_loaded"):
        return
    params = {k: st.query_params.get_all(k) for k in st.query_params.keys()}
    view = View.from_query(params)
    st.session_state["date"] = views.snap_date(dates, None) if view.date is None else views.nearest_date(dates, view.date)
    if view.date is not None and view.date != st.session_state["date"]:
        st.session_state["_date_note"] = date_note(view.date, st.session_state["date"])
    st.session_state["new_only"] = view.new_only
    st.session_state["window"] = view.window
    for name, _, key in FILTERS:
        st.session_state[key] = list(getattr(view, name))
    st.session_state["q"] = view.text
    st.session_state["briefing"] = view.briefing
    st.session_state["sector_mode"] = "around" if view.around else "box" if view.bbox else "fit" if view.fit else "whole"
    st.session_state["sector_place"] = view.around
    st.session_state["sector_radius"] = float(view.radius_km or 50)
    st.session_state["sector_box"] = ",".join(f"{v:g}" for v in view.bbox) if view.bbox else ""
    st.session_state["center"] = view.center
    st.session_state["zoom"] = view.zoom
    # The view the map opens at (and goes to when the analyst jumps to a place). It is what st_folium gets
    # as centre and zoom, and it changes only on a jump: the map's own moves go to the URL, never back
    # into the map, so a drag or a zoom cannot start a loop of set-view / report-view reruns.
    st.session_state["_map_target"] = (view.center, view.zoom)
    st.session_state["_url_choices"] = {name: list(getattr(view, name)) for name, _, _ in FILTERS}
    st.session_state["_url_overlays"] = {k: params.get(k) or [] for k in OVERLAY_PARAMS}
    st.session_state["_view_loaded"] = True


def current_view() -> View:
    return View(
        date=st.session_state["date"], window=st.session_state["window"],
        text=st.session_state.get("q", "").strip(),
        center=st.session_state.get("center"), zoom=st.session_state.get("zoom"),
        briefing=bool(st.session_state.get("briefing")),
        new_only=bool(st.session_state.get("new_only")),
        **sector_of(sector_wanted()),
        **{name: tuple(st.session_state.get(key, ())) for name, _, key in FILTERS},
    )


SECTOR_LABELS = {"whole": "Whole map", "fit": "Frame the claims", "around": "Around a place", "box": "A box"}


def sector_wanted() -> dict:
    """The sector the sidebar's (or the URL's) choice names, unresolved."""
    mode = st.session_state.get("sector_mode", "whole")
    if mode == "around" and st.session_state.get("sector_place", "").strip():
        return {"around": " ".join(st.session_state["sector_place"].split())[:80],
                "radius_km": float(st.session_state.get("sector_radius") or 50)}
    if mode == "box" and st.session_state.get("sector_box", "").strip():
        try:
            return {"bbox": views.check_bbox(st.session_state["sector_box"].split(","))}
        except ValueError as e:
            st.warning(f"Sector box: {e}")
    return {"fit": mode == "fit"}


def sector_controls(sb) -> None:
    """The sector the map frames and shows the claims of (the briefing view's slide), in the URL too."""
    with sb.expander("Sector", expanded=st.session_state.get("sector_mode", "whole") != "whole"):
        st.radio("Map frame", options=list(SECTOR_LABELS), key="sector_mode", format_func=SECTOR_LABELS.get,
                 help="Around a place or a box: only the claims inside are shown, and the map frames them")
        mode = st.session_state.get("sector_mode")
        if mode == "around":
            st.text_input("Place", key="sector_place", placeholder="Kherson, Bakhmut, Sudzha, or 48.59,38.0")
            st.number_input("Radius (km)", min_value=1.0, max_value=1000.0, step=10.0, key="sector_radius")
        elif mode == "box":
            st.text_input("West, south, east, north (degrees)", key="sector_box", placeholder="37.6,48.4,38.4,48.9")


def sector_of(wanted: dict) -> dict:
    """The sector a URL names (bbox=W,S,E,N, or around=PLACE&radius=KM, or fit=1) as View fields; a place
    that is neither a shipped town nor lat,lon is reported and dropped."""
    from geo.map.labels import locate_place

    out = {k: v for k, v in wanted.items() if k in ("bbox", "fit") and v}
    if wanted.get("around") and wanted.get("radius_km"):
        try:
            lat, lon, _ = locate_place(wanted["around"])
        except GeoError:
            # the name comes from a link: shown without anything markdown could turn into a link or an image
            shown = "".join(c for c in wanted["around"] if c.isalnum() or c in " ,.-")[:80]
            st.warning(f"Sector: no town called “{shown}” on the map's list; give a town or lat,lon")
        else:
            out.update(bbox=views.bbox_around(lat, lon, wanted["radius_km"]), around=wanted["around"],
                       radius_km=wanted["radius_km"])
    return out


OVERLAY_PARAMS = ("front", "snapshot", "bounds")  # the overlays in the URL: front=0, snapshot=asof|FILE, bounds=FILE|none


def overlay_query() -> dict[str, str | list[str]]:
    """The overlay choices as query parameters (defaults left out): the front-line toggle, the snapshot
    picked (by file name, or "asof"), the boundary files when not all of them (by file name, or "none")."""
    q: dict[str, str | list[str]] = {}
    if not st.session_state.get("front_on", True):
        q["front"] = "0"
    pick = st.session_state.get("front_pick")
    if pick == AS_OF:
        q["snapshot"] = "asof"
    elif pick:
        q["snapshot"] = Path(pick).name
    every = st.session_state.get("_bounds_all")
    picked = st.session_state.get("bounds_pick")
    if every is not None and picked is not None and sorted(picked) != sorted(every):
        q["bounds"] = [Path(f).name for f in picked] or ["none"]
    return q


def url_overlay(name: str) -> list[str]:
    """What the opening URL said about an overlay (the widgets' first values)."""
    return [v for v in (st.session_state.get("_url_overlays") or {}).get(name, []) if isinstance(v, str)]


def write_url(view: View) -> None:
    wanted = {**view.to_query(), **overlay_query()}
    have = {k: st.query_params.get_all(k) for k in st.query_params.keys()}
    norm = {k: (v if isinstance(v, list) else [v]) for k, v in wanted.items()}
    if have != norm:
        st.query_params.from_dict(wanted)


def step(dates: list[dt.date], by: int) -> None:
    st.session_state["date"] = views.step_date(dates, st.session_state["date"], by)
    st.session_state.pop("_date_note", None)


def date_note(asked: dt.date, shown: dt.date) -> str:
    return f"No report on {asked:%d %b %Y}: showing the nearest report, {shown:%d %b %Y}."


def go_to_typed_date(dates: list[dt.date]) -> None:
    """The date box: open the report of that day, or the nearest one and say so."""
    asked = st.session_state.get("date_box")
    if not isinstance(asked, dt.date):
        return
    st.session_state["date"] = views.nearest_date(dates, asked)
    if st.session_state["date"] != asked:
        st.session_state["_date_note"] = date_note(asked, st.session_state["date"])
    else:
        st.session_state.pop("_date_note", None)


def on_slider_move() -> None:
    st.session_state.pop("_date_note", None)


# -- the page ---------------------------------------------------------------------------------


# The briefing view is the slide: the map fills the window (no header, padding, toggle or sidebar); the
# way out is a link that shows only under the pointer.
BRIEFING_CSS = """<style>
section[data-testid='stSidebar'], [data-testid='stSidebarCollapsedControl'], [data-testid='collapsedControl'],
header, [data-testid='stHeader'], [data-testid='stToolbar'], [data-testid='stDecoration'],
[data-testid='stStatusWidget'], div[data-testid='stHorizontalBlock']:has(.st-key-briefing) {display: none !important;}
[data-testid='stMainBlockContainer'], .block-container {padding: 0 !important; max-width: 100% !important;}
[data-testid='stMain'] [data-testid='stVerticalBlock'] {gap: 0 !important;}
[data-testid='stElementContainer']:has(> [data-testid='stMarkdown'] style) {position: absolute; height: 0; overflow: visible;}
iframe[title='streamlit_folium.st_folium'] {height: 100vh !important; width: 100vw !important; display: block;}
html, body, [data-testid='stAppViewContainer'], [data-testid='stMain'] {overflow: hidden !important;}
a.geo-exit {position: fixed; top: 6px; left: 6px; z-index: 1000000; opacity: 0; padding: 4px 8px; background: #fff;
  border-radius: 4px; font: 12px system-ui, sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,.3);}
a.geo-exit:hover, a.geo-exit:focus {opacity: 1;}
</style>"""


def exit_briefing_query(view: View) -> str:
    from urllib.parse import urlencode

    return urlencode(view.with_(briefing=False).to_query(), doseq=True)


AS_OF = "as of the report date"


def snapshot_label(path: str | None, folder: str = "") -> str:
    if path is None:
        return "none"
    if path == AS_OF:
        return "As of the report date (latest snapshot on or before it)"
    p = Path(path)
    try:
        shown = str(p.relative_to(Path(folder).expanduser())) if folder.strip() else p.name
    except ValueError:
        shown = p.name
    day = folium_map.snapshot_date(p)
    return f"{shown} ({day.isoformat()})" if day else shown


def sidebar(dates: list[dt.date], choices: dict[str, list[str]]) -> tuple[MapSettings, list[folium_map.Overlay]]:
    sb = st.sidebar
    sb.header("ISW-reported claims")
    sb.select_slider("Report date", options=dates, key="date", format_func=lambda d: d.strftime("%d %b %Y"),
                     disabled=len(dates) < 2, on_change=on_slider_move)
    st.session_state["date_box"] = st.session_state["date"]  # the box shows the slider's date
    sb.date_input("…or type a date", key="date_box", min_value=dates[0] - dt.timedelta(days=366),
                  max_value=dates[-1] + dt.timedelta(days=366), format="YYYY-MM-DD", on_change=go_to_typed_date,
                  args=(dates,), help="A day with no report opens the nearest report and says so")
    if st.session_state.get("_date_note"):
        sb.info(st.session_state["_date_note"])
    prev_col, next_col = sb.columns(2)
    prev_col.button("◀ Prev day", key="prev_day", on_click=step, args=(dates, -1),
                    disabled=st.session_state["date"] <= dates[0], width="stretch")
    next_col.button("Next day ▶", key="next_day", on_click=step, args=(dates, +1),
                    disabled=st.session_state["date"] >= dates[-1], width="stretch")
    sb.radio("Window", options=list(WINDOW_LABELS), key="window", format_func=WINDOW_LABELS.get, horizontal=True)
    sector_controls(sb)

    sb.subheader("Filters")
    for name, label, key in FILTERS:
        sb.multiselect(label, options=choices[name], key=key, placeholder="All",
                       format_func=lambda v: LABELS.get(v, v))
    sb.text_input("Search the quotes", key="q", placeholder="e.g. Chasiv Yar")
    sb.checkbox("Only places new since the previous report", key="new_only",
                help="Places with a claim on this date and none in the 7 days before (drawn with a yellow halo)")

    sb.toggle("Front line (DeepStateMap)", key="front_on", value=url_overlay("front")[-1:] != ["0"],
              help="The occupied area and the front line as of the report date (the latest snapshot on or before it, "
                   "within 14 days): DeepStateMap's weekly series, plus snapshots imported with python -m geo frontline")
    sb.checkbox("Only claims far from the front (check)", key="far_only",
                help=f"Ground claims (advance, attack) more than {FAR_KM:g} km from the front line of their day; strikes "
                     "and cross-border claims are expected away from it and never listed here")

    overlays: list[folium_map.Overlay] = []
    with sb.expander("Overlays (under the markers)"):
        # Only files under the folders the operator configured are offered, and a choice is checked again
        # (inside the folder, a regular file, not too large) before it is read: the page names no server path.
        wanted: list[tuple[str, str, str]] = []  # (configured root, file, kind)
        folder = FRONTLINE_DIR
        files = listed_overlays(folder) if folder else []
        if files:
            options = [None, AS_OF] + [str(f) for f in files]
            named = url_overlay("snapshot")[-1:]
            first = 1 if named == ["asof"] else next((i for i, o in enumerate(options) if o and named == [Path(o).name]), 0)
            pick = st.selectbox("Front line", options, key="front_pick", index=first,
                                format_func=lambda v: snapshot_label(v, folder))
            if pick == AS_OF:
                chosen = folium_map.snapshot_for(files, st.session_state["date"])
                if chosen is None:
                    st.caption("No snapshot on or before this report date.")
                else:
                    wanted.append((folder, str(chosen), "area"))
                    st.caption(f"Showing {snapshot_label(str(chosen), folder)}")
            elif pick in map(str, files):
                wanted.append((folder, pick, "area"))
        else:
            st.caption("No front-line folder configured (GEO_FRONTLINE_DIR)" if not folder else
                       "No .geojson files in the configured front-line folder")
        upload = st.file_uploader("…or upload a front line / control area GeoJSON", type=["geojson", "json"], key="front_upload")
        bounds = [(root, str(f)) for root in BOUNDARY_ROOTS for f in listed_overlays(root, boundaries=True)]
        if bounds:
            every = [f for _, f in bounds]
            st.session_state["_bounds_all"] = every
            named = url_overlay("bounds")
            first = every if not named else [f for f in every if Path(f).name in named]
            picked = st.multiselect("Boundaries", every, default=first, key="bounds_pick",
                                    format_func=lambda v: Path(v).name)
            wanted = [(root, f, "boundaries") for root, f in bounds if f in picked] + wanted
        for root, path, kind in wanted:
            try:
                p = folium_map.overlay_path(root, path)
                overlays.append(load_overlay(str(p), snapshot_label(str(p), folder), kind, p.stat().st_mtime))
            except (GeoError, OSError) as e:
                st.warning(str(e))
        if upload is not None:
            try:
                overlays.append(load_overlay(upload.getvalue(), upload.name, "area", 0.0))
            except GeoError as e:
                st.warning(str(e))

    try:
        base = MapSettings.from_env()
    except GeoError as e:
        st.warning(f"GEO_TILES_URL: {e}")
        base = MapSettings(tiles_url=None, attribution="")
    with sb.expander("Map tiles"):
        no_tiles = st.checkbox("No tiles (plain land and borders basemap, works offline)", key="no_tiles",
                               value=base.tiles_url is None)
        url = st.text_input("Tile URL", key="tiles_url", value=base.tiles_url or folium_map.DEFAULT_TILES_URL,
                            disabled=no_tiles, help="A local tile server works: http://127.0.0.1:8080/{z}/{x}/{y}.png")
        attribution = st.text_input("Attribution", key="tiles_attr", value=base.attribution, disabled=no_tiles)
        try:
            settings = base.with_tiles(None if no_tiles else url, attribution)
        except GeoError as e:
            st.warning(f"{e}; drawing no tiles")
            settings = base.with_tiles(None, attribution)
    return settings, overlays


def map_target(settings: MapSettings) -> tuple[list[float], int]:
    """The centre and zoom the map is told to show: the session's opening view or the last jump."""
    center, zoom = st.session_state.get("_map_target") or (None, None)
    return list(center or settings.center), int(zoom if zoom is not None else settings.zoom)


def jump_to(center: tuple[float, float], zoom: int) -> None:
    """Move the map to `center` / `zoom` on the next run (a place search, a table row)."""
    st.session_state["_map_target"] = (center, zoom)
    st.session_state["center"], st.session_state["zoom"] = (round(center[0], 4), round(center[1], 4)), zoom


def follow_map(out: dict | None) -> None:
    """Put the view the map reports (after a drag, a zoom, a popup's pan) in the URL. Never fed back into
    the map: st_folium's centre and zoom stay at `map_target`."""
    if not out:
        return
    clicked = out.get("last_object_clicked")
    if clicked and clicked != st.session_state.get("_clicked"):  # a marker: list every claim there under the map
        st.session_state["_clicked"] = clicked
        st.session_state["_listed"] = ("at", (clicked.get("lat"), clicked.get("lng")))
    if not out.get("center") or out.get("zoom") is None:
        return
    centre = (round(out["center"]["lat"], 4), round(out["center"]["lng"], 4))
    if not views.same_view(centre, int(out["zoom"]), st.session_state.get("center"), st.session_state.get("zoom")):
        st.session_state["center"], st.session_state["zoom"] = centre, int(out["zoom"])
        write_url(current_view())


def draw_map(rows_path: str, version: tuple, view: View, settings: MapSettings, overlays: list[folium_map.Overlay], height: int):
    center, zoom = map_target(settings)
    # the map opens at the session's first view, so a shared link draws that view from the first frame
    origin_center, origin_zoom = st.session_state.setdefault("_map_origin", (center, zoom))
    base = folium_map.build_base_map(settings, overlays, basemap_url=basemap_url() if settings.basemap else None)
    base.location, base.options["zoom"] = list(origin_center), origin_zoom
    assets.localize(base, base_url=static_prefix())
    # the briefing view frames its sector, or the claims when the map opened at no view of its own (read from
    # the opening view, not the live one: the map reporting where the frame put it must not change the layer)
    opened_at = (st.session_state.get("_map_target") or (None, None))[0]
    key_view = view.with_(center=None, zoom=None,
                          fit=view.fit or (view.briefing and view.bbox is None and opened_at is None))
    payload, (texts_name, texts), front = layer_json(rows_path, version, json.dumps(key_view.to_query(), sort_keys=True),
                                tuple(folium_map.legend_entries(overlays)), tuple(folium_map.map_credits(settings, overlays)),
                                settings.cluster_min, settings.uncluster_zoom, bool(st.session_state.get("front_on", True)),
                                bool(st.session_state.get("far_only")))
    claims = folium_map.claims_group(payload, front, focus=st.session_state.get("_focus"),
                                     texts_url=popup_texts_url(texts_name, texts))
    assets.localize(claims, base_url=static_prefix())
    out = st_folium(
        base,
        key="claims_map",
        feature_group_to_add=claims,
        center=center,
        zoom=zoom,
        returned_objects=["center", "zoom", "last_object_clicked"],
        height=height,
        use_container_width=True,
        render=False,  # st_folium renders the map itself; the extra whole-page render gave the same HTML
    )
    follow_map(out)


def tempo_chart(path: str, version: tuple, view: View) -> None:
    specs = tempo_specs(path, version, view_key(view))
    if specs is None:
        st.caption("No placed claims in the 30 days up to this date.")
        return
    per = "week" if specs[0].get("usermeta", {}).get("weekly") else "day"
    by_side, by_axis = st.tabs([f"Claims per {per} by side and kind", f"Claims per {per} by axis"])
    with by_side:
        st.vega_lite_chart(specs[0], width="stretch")
    with by_axis:
        st.vega_lite_chart(specs[1], width="stretch")


def span_counts(per_day: dict[str, dict], span: tuple[dt.date, dt.date]) -> list[tuple[dt.date, tuple | str, int]]:
    """(day, key, count) of the days in `span` (inclusive), by day then key."""
    lo, hi = span[0].isoformat(), span[1].isoformat()
    return [(dt.date.fromisoformat(d), k, n) for d in sorted(per_day) if lo <= d <= hi for k, n in sorted(per_day[d].items())]


def tempo_charts(rows: list[dict], view: View, filtered: tuple):
    """The claims per day by side and kind, and by axis, as Altair charts (`filtered`: the view's
    `filtered_rows`, whose per-day counts are summed over the span); None when there is nothing to draw."""
    import altair as alt

    span = views.tempo_span(rows, view)
    counts = [views.DayCount(d, k, a, n) for d, (k, a), n in span_counts(filtered[2], span)] if span else []
    if span is None or not counts:
        return None
    # a span longer than TEMPO_DAILY_MAX days (the whole war) is summed by week, starting on Mondays
    weekly = (span[1] - span[0]).days + 1 > TEMPO_DAILY_MAX

    def bucket(day: dt.date) -> str:
        return (day - dt.timedelta(days=day.weekday()) if weekly else day).isoformat()

    days = list(dict.fromkeys(bucket(span[0] + dt.timedelta(days=i)) for i in range((span[1] - span[0]).days + 1)))
    series = [f"{folium_map.ACTOR_LABELS[a]}: {folium_map.KIND_PLURALS[k]}" for a in views.ACTORS for k in views.KINDS]
    shades = {"russia": ("#7f0000", "#b71c1c", "#e57373"), "ukraine": ("#0d47a1", "#2196f3", "#90caf9")}
    summed: dict[tuple[str, str], int] = {}
    for c in counts:
        key = (bucket(c.date), f"{folium_map.ACTOR_LABELS[c.actor]}: {folium_map.KIND_PLURALS[c.kind]}")
        summed[key] = summed.get(key, 0) + c.count
    df = pd.DataFrame([{"day": d, "claims": n, "series": s} for (d, s), n in summed.items()])
    x = alt.X("day:O", title="week of" if weekly else None, scale=alt.Scale(domain=days),
              axis=alt.Axis(values=days[::-(13 if weekly else 7)][::-1], labelAngle=0))
    bars = alt.Chart(df).mark_bar().encode(
        x=x, y=alt.Y("sum(claims):Q", title="claims / week" if weekly else "claims / day"),
        color=alt.Color("series:N", title=None, scale=alt.Scale(domain=series, range=[c for a in views.ACTORS for c in shades[a]])),
        tooltip=["day:O", "series:N", "sum(claims):Q"],
    )
    today = alt.Chart(pd.DataFrame({"day": [bucket(view.date)]})).mark_rule(color="#444", strokeDash=[3, 3]).encode(x=x)
    by_side = (bars + today).properties(height=150, usermeta={"weekly": weekly})
    return by_side, axis_chart(span_counts(filtered[3], span), days, x, bucket)


def axis_chart(counts: list[tuple[dt.date, str, int]], days: list[str], x, bucket=lambda d: d.isoformat()):
    """Claims per day (or per `bucket`: a week) on each canonical axis, one small row per axis (north to south),
    from (day, axis, count)."""
    import altair as alt

    order = [a for a in facets.AXIS_ORDER if any(c[1] == a for c in counts)]
    summed: dict[tuple[str, str], int] = {}
    for d, a, n in counts:
        summed[(bucket(d), a)] = summed.get((bucket(d), a), 0) + n
    df = pd.DataFrame([{"day": d, "axis": a, "claims": n} for (d, a), n in summed.items()])
    chart = alt.Chart(df).mark_bar(color="#555").encode(
        x=x, y=alt.Y("claims:Q", title=None, axis=alt.Axis(tickCount=2)),
        tooltip=["day:O", "axis:N", "claims:Q"],
    ).properties(height=34).facet(row=alt.Row("axis:N", sort=order, title=None,
                                                header=alt.Header(labelAngle=0, labelAlign="left", labelLimit=260)))
    return chart


def claims_table(shown: list[dict], key: tuple) -> None:
    """The claims in view, newest first; at most TABLE_MAX rows are sent to the browser (the CSV has all).
    Clicking a row goes to its place on the map and opens its popup. `key`: (store, version, view key, far
    only), what `shown` was read by."""
    if len(shown) > TABLE_MAX:
        st.caption(f"Showing the {TABLE_MAX:,} newest of {len(shown):,} claims; the CSV download has them all.")
    table, st.session_state["_table_rows"] = claims_table_data(*key)
    st.caption("Click a row to find its claim on the map.")
    st.dataframe(table, hide_index=True, width="stretch", key="claims_table", on_select=table_click,
                 selection_mode="single-row",
                 column_config={"source": st.column_config.LinkColumn("source", display_text="ISW report"),
                                "quote": st.column_config.TextColumn("quote", width="large")})


@cached("cache_resource", max_entries=512, show_spinner=False)
def claims_table_data(path: str, version: tuple, key: str, far: bool) -> tuple:
    """The claims table of a view as the Arrow table Streamlit sends (built once per view, not on every run),
    and its rows' (id, lat, lon, place key) for a click."""
    from streamlit import dataframe_util

    shown, _ = view_rows(path, version, key)
    listed = list(reversed((far_only(shown) if far else shown)[-TABLE_MAX:]))
    df = pd.DataFrame([{
        "date": r["report_date"], "place": r["place"], "oblast": r.get("admin1"), "kind": r["kind"], "actor": r["actor"],
        "status": r["status"], "claimant": facets.claimant_group(r), "as worded": r.get("claimant"),
        "axis": facets.axis(r), "section": r.get("section"), "quote": r["quote"],
        "why here": r.get("rule"), "check": bool(r.get("review")) or front_check(r) == CHECK_LABEL,
        "front": front_check(r) or (f"{r['front_km']:.0f} km" if r.get("front_km") is not None else None), "source": r.get("source"),
    } for r in listed],
        columns=["date", "place", "oblast", "kind", "actor", "status", "claimant", "as worded", "axis", "section", "quote",
                 "why here", "check", "front", "source"])
    return (dataframe_util.convert_pandas_df_to_arrow_table(df),
            [(r.get("id"), r["lat"], r["lon"], views.place_key(r)) for r in listed])


def focus_on(lat: float, lon: float, key: str | None, zoom: int = 11) -> None:
    """Send the map to a place (and open its popup when it is on the map) on this run, once."""
    nonce = int(st.session_state.get("_focus_nonce", 0)) + 1
    st.session_state["_focus_nonce"] = nonce
    st.session_state["_focus"] = folium_map.Focus(lat=float(lat), lon=float(lon), zoom=zoom, key=key, nonce=nonce)


def table_click() -> None:
    """A row of the claims table was selected: find its marker."""
    picked = (st.session_state.get("claims_table") or {}).get("selection", {}).get("rows") or []
    listed = st.session_state.get("_table_rows") or []
    if picked and picked[0] < len(listed):
        _, lat, lon, key = listed[picked[0]]
        focus_on(lat, lon, key)


@cached("cache_resource", show_spinner="Loading the gazetteer…")
def load_gazetteer():
    from geo.places.gazetteer import Gazetteer

    return Gazetteer.default(os.environ.get("GEO_GAZETTEER") or None)


@cached("cache_resource", max_entries=2)
def place_index(path: str, version: tuple) -> dict[str, dict]:
    """Every placed place of the store: place_key -> name, oblast, position and claim count."""
    index: dict[str, dict] = {}
    for r in load_rows(path, version):
        if r.get("lat") is None or r.get("lon") is None:
            continue
        entry = index.setdefault(views.place_key(r), {"name": r["place"], "admin1": r.get("admin1"), "lat": r["lat"],
                                                      "lon": r["lon"], "claims": 0, "folded": views.fold(r["place"])})
        entry["claims"] += 1
    return index


def find_places(query: str, index: dict[str, dict]) -> list[tuple[str, dict]]:
    """Places a typed name may mean, any spelling the gazetteer knows (and the reports' own), those with
    claims first: (place_key, {name, admin1, lat, lon, claims})."""
    query = " ".join(query.split())[:80]
    if not query:
        return []
    found: dict[str, dict] = {}
    try:
        candidates = load_gazetteer().lookup(query)
    except GeoError:
        candidates = []
    for c in candidates[:40]:
        key = f"g{c.place.geonameid}"
        found[key] = index.get(key) or {"name": c.place.name, "admin1": c.place.admin1, "lat": c.place.lat,
                                        "lon": c.place.lon, "claims": 0}
    folded = views.fold(query)
    for key, entry in index.items():
        if entry["folded"] == folded:
            found.setdefault(key, entry)
    return sorted(found.items(), key=lambda kv: (-kv[1]["claims"], kv[1]["name"]))[:20]


def place_finder(rows_path: str, version: tuple) -> None:
    """Sidebar: find a place by name and go to it; its claims in view are listed under the map."""
    sb = st.sidebar
    query = sb.text_input("Find a place", key="find", placeholder="e.g. Bakhmut, Artemivsk, Бахмут")
    hits = find_places(query, place_index(rows_path, version)) if query.strip() else []
    if query.strip() and not hits:
        sb.caption("No place of that name in the gazetteer or the reports.")
        return
    if not hits:
        return
    labels = {k: f"{e['name']} ({e.get('admin1') or '?'}) · {e['claims']:,} claim{'s' if e['claims'] != 1 else ''}"
              for k, e in hits}
    pick = sb.selectbox("Go to", [k for k, _ in hits], format_func=labels.get, key="find_pick")
    wanted = (query, pick)
    if st.session_state.get("_found") != wanted:  # a new search or another pick: go there once
        st.session_state["_found"] = wanted
        entry = dict(hits)[pick]
        focus_on(entry["lat"], entry["lon"], pick)
    st.session_state["_found_key"] = pick
    if st.session_state.get("_listed") != ("key", pick) and st.session_state.get("_found_listed") != wanted:
        st.session_state["_listed"], st.session_state["_found_listed"] = ("key", pick), wanted


def plain_markdown(text: str) -> str:
    """Report text shown as itself inside markdown (no links, emphasis or HTML from a place name)."""
    import re

    return re.sub(r"([\\`*_{}\[\]()<>#+\-.!|~$&:])", r"\\\1", " ".join(str(text).split()))


def found_place_claims(shown: list[dict]) -> None:
    """Every claim in view at the place the analyst looked up or last clicked on the map."""
    how, what = st.session_state.get("_listed") or (None, None)
    if how == "key":
        if not (st.session_state.get("find") or "").strip():
            return
        here = [r for r in shown if views.place_key(r) == what]
    elif how == "at" and what and None not in what:
        lat, lon = what
        here = [r for r in shown if abs(float(r["lat"]) - lat) < 1e-4 and abs(float(r["lon"]) - lon) < 1e-4]
        if not here:
            return
    else:
        return
    name = here[0]["place"] if here else None
    if not here:
        st.caption("The place you looked up has no claim in this view.")
        return
    st.markdown(f"**Claims at {plain_markdown(name)} in view ({len(here)})**")
    st.dataframe(pd.DataFrame([{"date": r["report_date"], "actor": r["actor"], "kind": r["kind"], "status": r["status"],
                                "claimant": facets.claimant_group(r), "quote": r["quote"], "source": r.get("source")}
                               for r in reversed(here)]),
                 hide_index=True, width="stretch", key="found_table",
                 column_config={"source": st.column_config.LinkColumn("source", display_text="ISW report")})


def unresolved_list(missing: list[dict]) -> None:
    df = pd.DataFrame([{
        "date": r["report_date"], "mention": r["place"], "kind": r["kind"], "actor": r["actor"], "why unplaced": r.get("rule"),
        "candidates": "; ".join(r.get("candidates") or []) or "none in the gazetteer", "quote": r["quote"],
    } for r in missing])
    if len(missing) > UNRESOLVED_MAX:
        st.caption(f"Showing the {UNRESOLVED_MAX:,} newest of {len(missing):,}; the CSV download has the placed claims.")
        df = df.tail(UNRESOLVED_MAX).iloc[::-1]
    st.dataframe(df, hide_index=True, width="stretch", key="unresolved_table")


# -- the review queue: what needs an analyst, and the analyst's corrections -------------------------

def plain_html(tag: str, text: str) -> str:
    """Report or geocoder text as the text of one HTML element (escaped; never markdown, whose links, images and
    autolinked addresses a report could plant)."""
    return f"<{tag}>{html.escape(' '.join(str(text or '').split()))}</{tag}>"


@cached("cache_resource", show_spinner="Loading the gazetteer…")
def review_gazetteer():
    from geo.places.gazetteer import Gazetteer

    return Gazetteer.default(os.environ.get("GEO_GAZETTEER") or None)


# a run waits this long (s) for new report dates' review items before it shows their progress instead
try:
    QUEUE_WAIT_S = max(0.0, float(os.environ.get("GEO_REVIEW_WAIT_S") or 1.5))
except ValueError:  # not a number: the default
    QUEUE_WAIT_S = 1.5
QUEUE_CHUNK = 60  # report dates measured at a time by the review-queue worker
MAP_FIRST_S = 2.0  # a new browser session: the charts and tables follow the map after this long at the latest


@cached("cache_resource", max_entries=4, show_spinner=False)
def queue_by_day(path: str, version: tuple, asked: int) -> tuple[dict[str, list], threading.Lock, dict]:
    """The review items of each report date measured so far (shared by every session), its lock, and the
    worker's state (the dates wanted, the worker thread, its last error)."""
    return {}, threading.Lock(), {"wanted": set(), "thread": None, "error": None}


def fill_queue(path: str, rows: list[dict], gazetteer, series, by_day: dict, lock: threading.Lock, state: dict) -> None:
    """The review-queue worker (of one `queue_by_day`): measure the wanted report dates, newest first,
    QUEUE_CHUNK at a time, until none is left. It runs beside the app's runs, so a wide window never holds up
    a date change (on Linux the thread also yields the CPU to them: it runs at a lower priority)."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
    except (AttributeError, OSError):
        pass  # no per-thread priority here: the worker runs at the app's
    try:
        measure_wanted(path, rows, gazetteer, series, by_day, lock, state)
    finally:
        with lock:
            state["thread"] = None
            if not state["error"] and any(d not in by_day for d in state["wanted"]):
                state["error"] = "the listing stopped unexpectedly (the server log says why)"


def measure_wanted(path: str, rows: list[dict], gazetteer, series, by_day: dict, lock: threading.Lock, state: dict) -> None:
    from geo.pipeline import review_queue

    while True:
        with lock:
            chunk = sorted((d for d in state["wanted"] if d not in by_day), reverse=True)[:QUEUE_CHUNK]
            if not chunk:
                return
        start, end = dt.date.fromisoformat(chunk[-1]), dt.date.fromisoformat(chunk[0])
        wanted = set(chunk)
        todo = [r for r in views.in_window(rows, View(date=end), end, start) if r["report_date"] in wanted]
        try:
            with Store(path) as store:
                # the map's parsed front line; options measured against it only for the item shown
                items = review_queue(store, gazetteer, todo, series=series, options_front=False)
        except (GeoError, OSError) as e:
            with lock:
                state["error"] = str(e)
            return
        found: dict[str, list] = {d: [] for d in chunk}
        for item in items:  # newest first: each day's list keeps the queue's order
            found[item.report_date].append(item)
        with lock:
            by_day.update(found)


def queue_days(path: str, version: tuple, first: str, last: str) -> list[str]:
    return [d.isoformat() for d in views.report_dates(load_rows(path, version)) if first <= d.isoformat() <= last]


def load_queue(path: str, version: tuple, first: str, last: str, asked: int) -> list | None:
    """The review items of the report dates `first`..`last`, newest first; None while some of those dates are
    still being measured (by `fill_queue`, in the background: see `queue_progress`). An item depends only on
    its own report's rows, so each date is measured once per store version and windows are put together from
    the dates: moving the date or widening the window measures only the days not seen before."""
    import time

    days = queue_days(path, version, first, last)
    by_day, lock, state = queue_by_day(path, version, asked)
    rows, gazetteer = load_rows(path, version), review_gazetteer()
    with lock:
        missing = [d for d in days if d not in by_day]
        new = set(missing) - state["wanted"]
        state["wanted"].update(missing)
        if new:
            state["error"] = None  # other days: try again after a failure
        if missing and not state["error"] and state["thread"] is None:
            state["thread"] = threading.Thread(target=fill_queue, args=(path, rows, gazetteer, load_front(path, version),
                                                                        by_day, lock, state),
                                               name="review-queue", daemon=True)
            state["thread"].start()
    if missing and new:  # a few days are measured at once: wait for them rather than show a progress line
        deadline = time.monotonic() + QUEUE_WAIT_S
        while time.monotonic() < deadline and any(d not in by_day for d in missing) and state["thread"] is not None:
            time.sleep(0.05)
    if any(d not in by_day for d in days):
        return None
    return [item for d in reversed(days) for item in by_day.get(d, ())]


@st.fragment(run_every=2)
def queue_progress(path: str, version: tuple, first: str, last: str, asked: int) -> None:
    """While the review queue of the days in view is being measured: how far it is, every 2 s; the whole page
    runs again when it is done (a date change meanwhile is not held up)."""
    days = queue_days(path, version, first, last)
    by_day, lock, state = queue_by_day(path, version, asked)
    with lock:
        done, error = sum(d in by_day for d in days), state["error"]
    if done == len(days):
        st.rerun()
    if error:
        st.error(f"Could not list what needs review: {error}")
        return
    st.progress(done / max(len(days), 1), text=f"Listing what needs review: {done:,} of {len(days):,} report dates done…")


@cached("cache_data", show_spinner=False, max_entries=32)
def candidates_map(path: str, version: tuple, key: str, first: str, last: str, asked: int) -> str:
    from geo.map.review_map import candidates_map_html

    item = next(i for i in load_queue(path, version, first, last, asked) or () if i.key == key)
    others = [(r["lat"], r["lon"]) for r in load_rows(path, version)
              if r["report_date"] == item.report_date and r["quote"] == item.quote and r["lat"] is not None
              and r["place"] != item.place]
    return candidates_map_html(item.options, others)


@cached("cache_resource", max_entries=2, show_spinner=False)
def load_corrections(path: str, version: tuple) -> list[dict]:
    """The analysts' corrections recorded in the store (read again when the store changes)."""
    with Store(path) as store:
        return store.corrections()


def option_label(n: int, o) -> str:
    where = [f"{o.km_sentence:g} km from {o.near}"] if o.near else []
    if o.km_front is not None:
        where.append(f"{o.km_front:g} km from the front")
    source = "GeoNames" if o.source == "gazetteer" else o.source.capitalize()
    now = " — placed here now" if o.current else ""
    return f"{n}. {o.name} ({o.admin1 or '?'}) · {source}" + (f" · {'; '.join(where)}" if where else "") + now


def review_action(what, *args, **kw) -> None:
    """Run a pipeline correction on the store and say what it did (on the next run)."""
    who = st.session_state.get("rq_who", "").strip()
    if not who:
        st.session_state["rq_msg"] = ("error", "Write your name first: every correction records who made it.")
        return
    try:
        with Store(STORE_PATH) as store:
            result = what(store, review_gazetteer(), *args, who=who, **kw)
        st.session_state["rq_msg"] = ("success", f"Recorded by {who}; {result.reports} report(s) re-resolved.")
    except GeoError as e:
        st.session_state["rq_msg"] = ("error", str(e))


def ask_geocoder_for(name: str) -> None:
    from geo.pipeline import ask_geocoder

    try:
        with Store(STORE_PATH) as store:
            found = ask_geocoder(store, name)
        st.session_state["rq_msg"] = ("success", f"The geocoder suggests {len(found)} place(s); they are listed as options.")
    except GeoError as e:
        st.session_state["rq_msg"] = ("error", str(e))
    st.session_state["rq_asked"] = st.session_state.get("rq_asked", 0) + 1


def review_queue_section(rows: list[dict], view: View, dates: list[dt.date], version: tuple) -> None:
    """One table of what needs an analyst (unresolved, fuzzy, far from the front) with counts per reason and
    per date; for the chosen item its quote, its candidates with oblast and distances, a small map of them,
    and the choices: accept a candidate, add a new place, block a wrong name. Each choice is recorded with
    who and when, and its reports are re-resolved at once."""
    from geo import pipeline
    from geo.places import review

    st.subheader("Review queue")
    every = st.toggle("Every report date (not only the days in view)", key="rq_all")
    if every:
        first, last = dates[0].isoformat(), dates[-1].isoformat()
    else:
        end = views.end_date(view, dates) or dates[-1]
        first, last = views.window_start(view, end, dates).isoformat(), end.isoformat()
    asked = st.session_state.get("rq_asked", 0)
    items = load_queue(STORE_PATH, version, first, last, asked)
    kind, msg = st.session_state.pop("rq_msg", (None, None))
    if kind:
        (st.success if kind == "success" else st.error)(msg)
    if items is None:
        queue_progress(STORE_PATH, version, first, last, asked)
        return
    if not items:
        st.caption("Nothing in these days needs an analyst.")
        return
    by_reason, by_date = review.counts(items)
    c1, c2 = st.columns([1, 2])
    c1.dataframe(pd.DataFrame({"reason": list(by_reason), "items": list(by_reason.values())}), hide_index=True,
                 key="rq_reasons_table")
    c2.dataframe(pd.DataFrame({"report date": sorted(by_date, reverse=True),
                               "items": [by_date[d] for d in sorted(by_date, reverse=True)]}), hide_index=True,
                 key="rq_dates_table")
    reasons = st.multiselect("Reasons", [r for r in review.REASONS if r in by_reason], key="rq_filter", placeholder="All")
    items = [i for i in items if not reasons or i.reason in reasons]
    if len(items) > QUEUE_MAX:
        st.caption(f"Listing the {QUEUE_MAX:,} newest of {len(items):,} items; pick reasons, a date or a narrower "
                   "window for the others.")
        items = items[:QUEUE_MAX]
    st.dataframe(pd.DataFrame([{
        "item": i.key, "date": i.report_date, "mention": i.place, "reason": i.reason, "why": i.why,
        "options": len(i.options), "quote": i.quote} for i in items]),
        hide_index=True, width="stretch", key="rq_table", column_config={"quote": st.column_config.TextColumn(width="large")})
    if not items:
        return
    by_key = {i.key: i for i in items}
    key = st.selectbox("Item to review", list(by_key), key="rq_item",
                       format_func=lambda k: f"{by_key[k].report_date} · {by_key[k].place} · {by_key[k].reason}")
    (item,) = pipeline.review_options_front([by_key[key]], load_front(STORE_PATH, version))
    st.html(f"<p>{plain_html('strong', item.place)} — {html.escape(item.reason)}: {html.escape(item.why)}</p>"
            + plain_html("blockquote", item.quote))
    if item.source.lower().startswith(("https://", "http://")):
        st.link_button("Report", item.source)
    st.text_input("Your name (recorded with each correction)", key="rq_who", value=os.environ.get("GEO_ANALYST", ""))
    service = pipeline.geocoder_service()
    if service is None and (os.environ.get("GEO_GEOCODER") or "").strip().lower() not in ("", "off", "none", "0", "no"):
        st.warning("GEO_GEOCODER is set but not usable (see `python -m geo review suggest --help`); no online suggestions.")
    left, right = st.columns([3, 2])
    with left:
        if item.options:
            show_front = any(o.km_front is not None for o in item.options)
            table = [{"#": n, "place": o.name, "oblast": o.admin1, "source": o.source, "GeoNames id": o.geonameid,
                      "km to the sentence's places": o.km_sentence, "nearest of them": o.near,
                      **({"km to the front": o.km_front} if show_front else {}), "population": o.population or None,
                      "label": o.label or None, "placed here now": o.current} for n, o in enumerate(item.options, 1)]
            st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch", key="rq_options_table")
            keys = [o.key for o in item.options]
            labels = {o.key: option_label(n, o) for n, o in enumerate(item.options, 1)}
            chosen = st.selectbox("Option", keys, key=f"rq_option_{item.key}", format_func=labels.get)
            option = item.options[keys.index(chosen)]
            b1, b2, b3 = st.columns(3)
            b1.button("Accept", key="rq_accept", type="primary", on_click=review_action,
                      args=(pipeline.accept_option, item, option), help="Put this mention on the option chosen")
            b2.button("Not this place", key="rq_block_option", on_click=review_action,
                      args=(pipeline.block_option, item, option), help="This spelling must never find the option chosen")
        else:
            st.caption("No candidate in the gazetteer" + (f" and no suggestion from {service} yet." if service else "."))
            b1, b2, b3 = st.columns(3)
        b3.button("Not a place at all", key="rq_block_name", on_click=review_action,
                  args=(pipeline.block_option, item, None), help="This spelling finds no place from now on")
        if service and not item.placed:
            st.button(f"Ask {service} about this name", key="rq_ask", on_click=ask_geocoder_for, args=(item.place,),
                      help="Suggestions only: nothing is placed until you accept one")
        with st.expander("Add a new place"):
            with st.form(key="rq_add_form"):
                name = st.text_input("Name", value=item.place, key=f"rq_add_name_{item.key}")
                lat = st.number_input("Latitude (° N)", min_value=-90.0, max_value=90.0, value=None, format="%.5f",
                                      key=f"rq_add_lat_{item.key}", placeholder="e.g. 48.58768")
                lon = st.number_input("Longitude (° E)", min_value=-180.0, max_value=180.0, value=None, format="%.5f",
                                      key=f"rq_add_lon_{item.key}", placeholder="e.g. 37.83409")
                regions = sorted({p.admin1 for p in review_gazetteer().regions() if p.country in ("UA", "RU")})
                admin1 = st.selectbox("Oblast / region", regions, key=f"rq_add_admin1_{item.key}")
                if st.form_submit_button("Add place"):
                    if lat is None or lon is None:
                        st.session_state["rq_msg"] = ("error", "Give the new place's latitude and longitude.")
                    else:
                        review_action(pipeline.add_new_place, item, name, lat, lon, admin1)
                    st.rerun()
    with right:
        if item.options:
            # the small map carries its own Leaflet and basemap (about 1.4 MB): built and sent only while open
            shown_map = st.expander("Map of the options", key="rq_map_open", on_change="rerun")
            if shown_map.open:
                with shown_map:
                    st.iframe(candidates_map(STORE_PATH, version, item.key, first, last, asked), height=310)
                    st.caption("Options numbered as in the table; grey: the other places of the sentence.")
    recorded = load_corrections(STORE_PATH, version)
    if recorded:
        with st.expander(f"Corrections recorded ({len(recorded)})"):
            st.dataframe(pd.DataFrame([{k: c.get(k) for k in ("at", "who", "action", "name", "geonameid", "lat", "lon",
                                                              "admin1", "report_date", "note")} for c in reversed(recorded)]),
                         hide_index=True, width="stretch", key="rq_corrections")


def downloads(shown: list[dict], rows: list[dict], view: View, settings: MapSettings, overlays: list[folium_map.Overlay]) -> None:
    stem = f"isw-claims-{view.date.isoformat()}-{view.window}"
    c1, c2, c3, c4 = st.columns(4)
    c1.download_button("CSV", data=lambda: exports.to_csv(shown), file_name=f"{stem}.csv", mime="text/csv", key="dl_csv")
    c2.download_button("GeoJSON", data=lambda: exports.to_geojson(shown), file_name=f"{stem}.geojson",
                       mime="application/geo+json", key="dl_geojson")
    c3.download_button("KML", data=lambda: exports.to_kml(shown, folium_map.map_title(view, views.report_dates(rows))),
                       file_name=f"{stem}.kml", mime="application/vnd.google-earth.kml+xml", key="dl_kml")
    c4.download_button("Map (HTML)", data=lambda: folium_map.render_standalone_html(
        rows, view, settings, overlays, front_series=load_front(STORE_PATH, store_version(STORE_PATH))
        if st.session_state.get("front_on", True) else None),
                       file_name=f"{stem}.html", mime="text/html", key="dl_html")


@st.fragment(run_every=MAP_FIRST_S)
def rest_of_page_follows() -> None:
    """A new browser session's first run sends the map alone, so the browser draws it before it loads and lays
    out the charts and tables (about 2 MB of scripts, which would hold up the map's frame). This fragment's
    timer then runs the page again, whole, after MAP_FIRST_S (a change the user makes before does it sooner)."""
    ticks = st.session_state["_page_ticks"] = st.session_state.get("_page_ticks", 0) + 1
    if ticks > 1:
        st.rerun(scope="app")
    # about as tall as the charts that take its place above the map, so the map hardly moves when they come
    st.html('<div style="height:250px;color:#808495;font-size:14px">Loading the charts and tables…</div>')


def main() -> None:
    try:
        version = store_version(STORE_PATH)
        rows = load_rows(STORE_PATH, version)
        dates, base_choices = load_choices(STORE_PATH, version)
    except GeoError as e:
        st.error(f"Cannot open the claims store: {e}")
        st.stop()
    if not dates:
        st.warning(f"The store {STORE_PATH} holds no reports. Add some with: python -m geo ingest data/assessments")
        st.stop()
    first_run_from_url(dates)
    # values a shared URL names but this store lacks stay selectable (and selected)
    choices = {k: list(dict.fromkeys(v + st.session_state["_url_choices"].get(k, []))) for k, v in base_choices.items()}

    settings, overlays = sidebar(dates, choices)
    place_finder(STORE_PATH, version)
    view = current_view()
    write_url(view)
    shown, missing = view_rows(STORE_PATH, version, view_key(view))  # cached per view, shared by sessions
    if st.session_state.get("far_only"):
        shown = far_only(shown)

    top_l, top_r = st.columns([5, 1])
    top_r.toggle("Briefing view", key="briefing", help="Hide the sidebar and tables: a large map ready for a screenshot")
    if view.briefing:
        st.session_state["_page_shown"] = True  # the map is up: leaving the briefing view shows the page whole
        st.markdown(BRIEFING_CSS + f'<a class="geo-exit" href="?{exit_briefing_query(view)}" target="_self">'
                    "Exit briefing view</a>", unsafe_allow_html=True)
        draw_map(STORE_PATH, version, view, settings, overlays, height=860)  # the briefing CSS makes it the window
        settled_after_first_run()
        return
    top_l.markdown(f"**{folium_map.map_title(view, dates)}** — {len(shown)} placed claim{'s' if len(shown) != 1 else ''}, "
                   f"{len(missing)} unresolved mention{'s' if len(missing) != 1 else ''}")
    charts = st.container()  # above the map on the page, filled after it: the map is sent (and drawn) first
    draw_map(STORE_PATH, version, view, settings, overlays, height=620)
    if not st.session_state.get("_page_shown"):
        st.session_state["_page_shown"] = True
        if st.context.headers:  # a browser: the rest of the page comes once the map is drawn
            with charts:
                rest_of_page_follows()
            return
    with charts:
        tempo_chart(STORE_PATH, version, view)
    found_place_claims(shown)
    downloads(shown, rows, view, settings, overlays)
    st.subheader(f"Claims in view ({len(shown)})")
    claims_table(shown, (STORE_PATH, version, view_key(view), bool(st.session_state.get("far_only"))))
    st.subheader(f"Unresolved mentions ({len(missing)})")
    if missing:
        unresolved_list(missing)
    else:
        st.caption("Every mention in view was placed.")
    review_queue_section(rows, view, dates, version)
    settled_after_first_run()


main()
