"""`python -m geo audit [--km 25]`: stored ground claims against the front line of their day."""

from __future__ import annotations

import sys

from geo.cli import add_command
from geo.cli._common import add_store_option


def register(sub) -> None:
    p = add_command(
        sub, "audit",
        "Measure every stored ground claim (advance, attack) placed on a settlement against the front line of its "
        "day (DeepStateMap; the nearest snapshot on or before it, within 14 days), print the share within --km and "
        "list the farther ones: date, place, distance, quote. Strikes (partisan attacks and sabotage included) and "
        "claims in Russia are expected away from the line and only counted.",
        "python -m geo audit --km 15 --store data/claims.sqlite",
        run,
    )
    p.add_argument("--km", type=float, default=25.0, help="distance beyond which a ground claim is listed (default 25)")
    p.add_argument("--limit", type=int, default=0, metavar="N", help="list at most N far claims (default: all)")
    p.add_argument("--remeasure", action="store_true", help="measure every row again (else only rows not measured yet)")
    add_store_option(p)


def run(args) -> int:
    from geo.pipeline import front_series, measure_front
    from geo.places.frontline import audit
    from geo.store import Store

    if args.km <= 0:
        print("error: --km must be above 0", file=sys.stderr)
        return 2
    with Store(args.store) as store:
        series = front_series(store)
        measure_front(store, series, everything=args.remeasure)
        fronts = store.claim_front()
        rows = store.claim_rows()
    for r in rows:
        r["front_date"], r["front_km"], r["front_note"] = fronts.get(r["id"], (None, None, None))
    result = audit(rows, args.km)
    span = f"{series.dates()[0]} to {series.dates()[-1]}" if series else "none"
    listed = result.far[: args.limit] if args.limit else result.far
    for r in listed:
        quote = " ".join(str(r.get("quote") or "").split())
        quote = quote if len(quote) <= 220 else quote[:219] + "…"
        print(f"{r['report_date']}\t{r['place']} ({r.get('admin1') or '?'})\t{r['front_km']:.1f} km\t{r['kind']}\t{quote}")
    if len(listed) < len(result.far):
        print(f"… and {len(result.far) - len(listed)} more (--limit 0 lists all)")
    n = len(result.checked)
    if not n:
        print(f"No settlement-level ground claim in {args.store} on a date the front-line series covers (snapshots "
              f"{span}); {result.expected_far} expected away from the line, {result.uncovered} on days no snapshot covers.")
        return 0
    print(f"{n} settlement-level ground claim(s) on dates the front-line series covers (snapshots {span}): "
          f"{n - len(result.far)} ({100 * result.within_share:.1f}%) within {args.km:g} km of the front of their day, "
          f"{len(result.far)} farther (listed above). Not checked: {result.expected_far} expected away from the line "
          f"(strikes; cross-border claims in Russia or on its border), {result.uncovered} ground claim(s) on days no snapshot covers.")
    return 0
