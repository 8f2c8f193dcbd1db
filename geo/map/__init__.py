"""Map: stored claim rows in, what the analyst sees out.

In: the store's claim rows (dicts) and a `views.View` (a date window and filters). Out: the
filtered rows and their URL form (`views`), titles, legends, popups and GeoJSON (`content`, pure),
the Folium map with its one claims layer and overlays (`folium_map`), the offline basemap
(`basemap`) and locally served Leaflet (`assets`, `static/`), CSV / GeoJSON / KML (`exports`),
and PNG snapshots in headless Chromium (`browser`, `snapshot`).
"""
