"""Extract: a `Report` in, claims with their place mentions out.

In: `geo.models.Report` (from `geo.read`). Out: `geo.models.Claim`s (kind, actor, status,
claimant, the sentence) each carrying `Mention`s: place names as written, with character
offsets, roles and bearings, not yet put on the map.

Modules: `mentions` (the place recogniser), `claims` (sentences to claims).
"""
