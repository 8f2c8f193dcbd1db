"""Places: mentions in, gazetteer entries out (or none, with the reason).

In: `Mention`s and their context (the sentence, the section, nearby reports). Out:
`geo.models.Place` / `Resolution` per mention: one GeoNames entry with the rule that chose it,
the runner-up and the margin, or no place and the candidates.

Modules: `geonames` (GeoNames dump readers), `names` and `translit` (name keys and
romanisations), `index` (the SQLite index on disk), `gazetteer` (names to candidates),
`lines` (roads and rivers the reports name), `resolver` (candidates and context to one place).
`data/regions.csv` holds the oblasts and krais.
"""
