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
import json
import os
from pathlib import Path

import pandas as pd
import streamlit as st
import streamlit.components.v1 as components
from streamlit_folium import st_folium

from geo.map import assets, exports, folium_map, views
from geo.errors import GeoError
from geo.map.folium_map import MapSettings
from geo.pipeline import ensure_sample_store
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
TABLE_MAX = 2000  # rows of the claims table sent to the browser
LABELS = {**folium_map.ACTOR_LABELS, **folium_map.KIND_LABELS, **folium_map.STATUS_LABELS}


# -- cached loaders ---------------------------------------------------------------------------


@st.cache_resource(show_spinner="Preparing the claims store (first start: ingesting the sample)…")
def ensure_store(path: str) -> str:
    ensure_sample_store(path).close()
    return path


def store_version(path: str) -> tuple:
    """Changes whenever the store file is written (an ingest), so cached rows are read again."""
    info = os.stat(ensure_store(path))
    return (info.st_mtime_ns, info.st_size)


@st.cache_resource(show_spinner="Reading claims…", max_entries=2)
def load_rows(path: str, version: tuple) -> list[dict]:
    """Every row of the store (read-only: shared by every session)."""
    with Store(path) as store:
        return store.claim_rows()


@st.cache_resource(max_entries=2)
def load_choices(path: str, version: tuple) -> tuple[list[dt.date], dict[str, list[str]]]:
    """The report dates (days without a claim included) and the filter values."""
    with Store(path) as store:
        dates = store.report_dates()
    return dates, views.choices(load_rows(path, version))


@st.cache_data(show_spinner=False, max_entries=64)
def layer_json(path: str, version: tuple, view_key: str, overlay_legend: tuple, credits: tuple[str, ...],
               cluster_min: int, uncluster_zoom: int) -> str:
    rows = load_rows(path, version)
    view = View.from_query(json.loads(view_key))
    payload = folium_map.layer_payload(views.select(rows, view), view, views.report_dates(rows), overlay_legend,
                                    cluster_min, uncluster_zoom, credits)
    return folium_map.script_json(payload)


@st.cache_resource(show_spinner="Reading overlay…", max_entries=16)
def load_overlay(source: str | bytes, name: str, kind: str, mtime: float) -> folium_map.Overlay:
    return folium_map.read_overlay(source, name, kind)


@st.cache_resource(ttl=60, max_entries=16, show_spinner=False)
def listed_overlays(root: str, boundaries: bool = False) -> list[Path]:
    """The overlay files of a configured folder (a configured file stands for itself), listed once a minute."""
    if boundaries and Path(root).is_file():
        try:
            return [folium_map.overlay_path(root, root)]
        except GeoError:
            return []
    return folium_map.overlay_files(root)


@st.cache_resource
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
    st.session_state["date"] = views.snap_date(dates, view.date)
    st.session_state["window"] = view.window
    for name, _, key in FILTERS:
        st.session_state[key] = list(getattr(view, name))
    st.session_state["q"] = view.text
    st.session_state["briefing"] = view.briefing
    st.session_state["center"] = view.center
    st.session_state["zoom"] = view.zoom
    # The view the map opens at (and goes to when the analyst jumps to a place). It is what st_folium gets
    # as centre and zoom, and it changes only on a jump: the map's own moves go to the URL, never back
    # into the map, so a drag or a zoom cannot start a loop of set-view / report-view reruns.
    st.session_state["_map_target"] = (view.center, view.zoom)
    st.session_state["_url_choices"] = {name: list(getattr(view, name)) for name, _, _ in FILTERS}
    st.session_state["_view_loaded"] = True


def current_view() -> View:
    return View(
        date=st.session_state["date"], window=st.session_state["window"],
        text=st.session_state.get("q", "").strip(),
        center=st.session_state.get("center"), zoom=st.session_state.get("zoom"),
        briefing=bool(st.session_state.get("briefing")),
        **{name: tuple(st.session_state.get(key, ())) for name, _, key in FILTERS},
    )


def write_url(view: View) -> None:
    wanted = view.to_query()
    have = {k: st.query_params.get_all(k) for k in st.query_params.keys()}
    norm = {k: (v if isinstance(v, list) else [v]) for k, v in wanted.items()}
    if have != norm:
        st.query_params.from_dict(wanted)


def step(dates: list[dt.date], by: int) -> None:
    st.session_state["date"] = views.step_date(dates, st.session_state["date"], by)


# -- the page ---------------------------------------------------------------------------------


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
                     disabled=len(dates) < 2)
    prev_col, next_col = sb.columns(2)
    prev_col.button("◀ Prev day", key="prev_day", on_click=step, args=(dates, -1),
                    disabled=st.session_state["date"] <= dates[0], width="stretch")
    next_col.button("Next day ▶", key="next_day", on_click=step, args=(dates, +1),
                    disabled=st.session_state["date"] >= dates[-1], width="stretch")
    sb.radio("Window", options=list(WINDOW_LABELS), key="window", format_func=WINDOW_LABELS.get, horizontal=True)

    sb.subheader("Filters")
    for name, label, key in FILTERS:
        sb.multiselect(label, options=choices[name], key=key, placeholder="All",
                       format_func=lambda v: LABELS.get(v, v))
    sb.text_input("Search the quotes", key="q", placeholder="e.g. Chasiv Yar")

    overlays: list[folium_map.Overlay] = []
    with sb.expander("Overlays (under the markers)"):
        # Only files under the folders the operator configured are offered, and a choice is checked again
        # (inside the folder, a regular file, not too large) before it is read: the page names no server path.
        wanted: list[tuple[str, str, str]] = []  # (configured root, file, kind)
        folder = FRONTLINE_DIR
        files = listed_overlays(folder) if folder else []
        if files:
            pick = st.selectbox("Front line", [None, AS_OF] + [str(f) for f in files], key="front_pick",
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
            picked = st.multiselect("Boundaries", [f for _, f in bounds], default=[f for _, f in bounds], key="bounds_pick",
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
    if not out or not out.get("center") or out.get("zoom") is None:
        return
    centre = (round(out["center"]["lat"], 4), round(out["center"]["lng"], 4))
    if not views.same_view(centre, int(out["zoom"]), st.session_state.get("center"), st.session_state.get("zoom")):
        st.session_state["center"], st.session_state["zoom"] = centre, int(out["zoom"])
        write_url(current_view())


def draw_map(rows_path: str, version: tuple, view: View, settings: MapSettings, overlays: list[folium_map.Overlay], height: int):
    center, zoom = map_target(settings)
    # the map opens at the session's first view, so a shared link draws that view from the first frame
    origin_center, origin_zoom = st.session_state.setdefault("_map_origin", (center, zoom))
    base = folium_map.build_base_map(settings, overlays)
    base.location, base.options["zoom"] = list(origin_center), origin_zoom
    assets.localize(base, base_url=static_prefix())
    key_view = view.with_(center=None, zoom=None, briefing=False)
    payload = layer_json(rows_path, version, json.dumps(key_view.to_query(), sort_keys=True),
                         tuple(folium_map.legend_entries(overlays)), tuple(folium_map.map_credits(settings, overlays)),
                         settings.cluster_min, settings.uncluster_zoom)
    claims = folium_map.claims_group(payload)
    assets.localize(claims, base_url=static_prefix())
    out = st_folium(
        base,
        key="claims_map",
        feature_group_to_add=claims,
        center=center,
        zoom=zoom,
        returned_objects=["center", "zoom"],
        height=height,
        use_container_width=True,
    )
    follow_map(out)


def tempo_chart(rows: list[dict], view: View) -> None:
    import altair as alt

    span = views.tempo_span(rows, view)
    counts = views.tempo(rows, view)
    if span is None or not counts:
        st.caption("No placed claims in the 30 days up to this date.")
        return
    days = [(span[0] + dt.timedelta(days=i)).isoformat() for i in range((span[1] - span[0]).days + 1)]
    series = [f"{folium_map.ACTOR_LABELS[a]}: {folium_map.KIND_PLURALS[k]}" for a in views.ACTORS for k in views.KINDS]
    shades = {"russia": ("#7f0000", "#b71c1c", "#e57373"), "ukraine": ("#0d47a1", "#2196f3", "#90caf9")}
    df = pd.DataFrame([{"day": c.date.isoformat(), "claims": c.count,
                        "series": f"{folium_map.ACTOR_LABELS[c.actor]}: {folium_map.KIND_PLURALS[c.kind]}"} for c in counts])
    x = alt.X("day:O", title=None, scale=alt.Scale(domain=days),
              axis=alt.Axis(values=days[::-7][::-1], labelAngle=0))
    bars = alt.Chart(df).mark_bar().encode(
        x=x, y=alt.Y("sum(claims):Q", title="claims / day"),
        color=alt.Color("series:N", title=None, scale=alt.Scale(domain=series, range=[c for a in views.ACTORS for c in shades[a]])),
        tooltip=["day:O", "series:N", "sum(claims):Q"],
    )
    today = alt.Chart(pd.DataFrame({"day": [view.date.isoformat()]})).mark_rule(color="#444", strokeDash=[3, 3]).encode(x=x)
    st.altair_chart((bars + today).properties(height=150), width="stretch")


def claims_table(shown: list[dict]) -> None:
    """The claims in view, newest first; at most TABLE_MAX rows are sent to the browser (the CSV has all)."""
    if len(shown) > TABLE_MAX:
        st.caption(f"Showing the {TABLE_MAX:,} newest of {len(shown):,} claims; the CSV download has them all.")
    df = pd.DataFrame([{
        "date": r["report_date"], "place": r["place"], "oblast": r.get("admin1"), "kind": r["kind"], "actor": r["actor"],
        "status": r["status"], "claimant": r.get("claimant"), "axis": r.get("section"), "quote": r["quote"],
        "why here": r.get("rule"), "check": bool(r.get("review")), "source": r.get("source"),
    } for r in reversed(shown[-TABLE_MAX:])],
        columns=["date", "place", "oblast", "kind", "actor", "status", "claimant", "axis", "quote", "why here", "check", "source"])
    st.dataframe(df, hide_index=True, width="stretch", key="claims_table",
                 column_config={"source": st.column_config.LinkColumn("source", display_text="report"),
                                "quote": st.column_config.TextColumn("quote", width="large")})


def unresolved_list(missing: list[dict]) -> None:
    df = pd.DataFrame([{
        "date": r["report_date"], "mention": r["place"], "kind": r["kind"], "actor": r["actor"], "why unplaced": r.get("rule"),
        "candidates": "; ".join(r.get("candidates") or []) or "none in the gazetteer", "quote": r["quote"],
    } for r in missing])
    st.dataframe(df, hide_index=True, width="stretch", key="unresolved_table")


def downloads(shown: list[dict], rows: list[dict], view: View, settings: MapSettings, overlays: list[folium_map.Overlay]) -> None:
    stem = f"isw-claims-{view.date.isoformat()}-{view.window}"
    c1, c2, c3, c4 = st.columns(4)
    c1.download_button("CSV", data=lambda: exports.to_csv(shown), file_name=f"{stem}.csv", mime="text/csv", key="dl_csv")
    c2.download_button("GeoJSON", data=lambda: exports.to_geojson(shown), file_name=f"{stem}.geojson",
                       mime="application/geo+json", key="dl_geojson")
    c3.download_button("KML", data=lambda: exports.to_kml(shown, folium_map.map_title(view, views.report_dates(rows))),
                       file_name=f"{stem}.kml", mime="application/vnd.google-earth.kml+xml", key="dl_kml")
    c4.download_button("Map (HTML)", data=lambda: folium_map.render_standalone_html(rows, view, settings, overlays),
                       file_name=f"{stem}.html", mime="text/html", key="dl_html")


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
    view = current_view()
    write_url(view)
    shown = views.select(rows, view)
    missing = views.unresolved(rows, view)

    top_l, top_r = st.columns([5, 1])
    top_r.toggle("Briefing view", key="briefing", help="Hide the sidebar and tables: a large map ready for a screenshot")
    if view.briefing:
        st.markdown("<style>section[data-testid='stSidebar'], [data-testid='stSidebarCollapsedControl'],"
                    " [data-testid='collapsedControl'] {display: none;} header {visibility: hidden;}</style>",
                    unsafe_allow_html=True)
        draw_map(STORE_PATH, version, view, settings, overlays, height=860)
        return
    top_l.markdown(f"**{folium_map.map_title(view, dates)}** — {len(shown)} placed claim{'s' if len(shown) != 1 else ''}, "
                   f"{len(missing)} unresolved mention{'s' if len(missing) != 1 else ''}")
    tempo_chart(rows, view)
    draw_map(STORE_PATH, version, view, settings, overlays, height=620)
    downloads(shown, rows, view, settings, overlays)
    st.subheader(f"Claims in view ({len(shown)})")
    claims_table(shown)
    st.subheader(f"Unresolved mentions ({len(missing)})")
    if missing:
        unresolved_list(missing)
    else:
        st.caption("Every mention in view was placed.")


main()
