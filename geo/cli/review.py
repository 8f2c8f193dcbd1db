"""`python -m geo review list|accept|add|block|suggest|export|import`: the analyst's review queue."""

from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path

from geo.cli import add_command
from geo.cli._common import add_gazetteer_option, add_store_option, load_gazetteer
from geo.errors import GeoError


def register(sub) -> None:
    p = add_command(sub, "review", "the review queue: mentions the method was unsure of, and the analyst's corrections",
                    "python -m geo review list --reason unresolved --date 2024-06-19", _no_action)
    actions = p.add_subparsers(dest="action", metavar="ACTION")

    def action(name, help, example, func):
        a = add_command(actions, name, help, example, func)
        add_store_option(a)
        add_gazetteer_option(a)
        return a

    a = action("list", "what needs a human, with each item's options (numbered for accept / block)",
               "python -m geo review list --reason unresolved --date 2024-06-19", cmd_list)
    a.add_argument("--reason", choices=("unresolved", "fuzzy match", "check", "far from the front"))
    a.add_argument("--date", metavar="YYYY-MM-DD", help="only this report date")
    a.add_argument("--place", metavar="NAME", help="only mentions written so (case-insensitive)")
    a.add_argument("--limit", type=int, default=50, help="items to print (default 50; 0 for all)")
    a.add_argument("--json", action="store_true", help="one JSON object per item")

    a = action("accept", "put an item's mention on one of its options (the number `list` prints)",
               "python -m geo review accept 2024-06-19.3f9a1c07 2 --who 'A. Analyst'", cmd_accept)
    a.add_argument("item", help="the item (`list` prints it in brackets: 2024-06-19.3f9a1c07)")
    a.add_argument("option", type=int, help="the option's number (`list` prints it)")
    _who(a)

    a = action("add", "put an item's mention on a new place the gazetteer lacks",
               "python -m geo review add 2024-06-19.3f9a1c07 --name Kurdiumivka --lat 48.5167 --lon 37.9667 --admin1 'Donetsk Oblast' --who ana",
               cmd_add)
    a.add_argument("item", help="the item (`list` prints it in brackets)")
    a.add_argument("--name", required=True)
    a.add_argument("--lat", type=float, required=True)
    a.add_argument("--lon", type=float, required=True)
    a.add_argument("--admin1", required=True, help="the oblast or region as ISW writes it ('Donetsk Oblast', 'Crimea')")
    _who(a)

    a = action("block", "this spelling must not find an option (or, without an option, any place)",
               "python -m geo review block 2024-06-19.3f9a1c07 3 --who ana", cmd_block)
    a.add_argument("item", help="the item (`list` prints it in brackets)")
    a.add_argument("option", type=int, nargs="?")
    _who(a)

    a = action("suggest", "ask the online geocoder (GEO_GEOCODER) about an item's name; the answer is cached and "
                          "listed as options", "GEO_GEOCODER=nominatim python -m geo review suggest 2024-06-19.3f9a1c07", cmd_suggest)
    a.add_argument("item", help="the item (`list` prints it in brackets)")

    a = action("export", "the corrections as an overrides.csv (stdout, or written atomically to --out keeping its "
                         "other rows)", "python -m geo review export --out data/gazetteer/overrides.csv", cmd_export)
    a.add_argument("--out", type=Path)

    a = action("import", "record the rows of an overrides.csv not in the store yet and re-resolve what they change",
               "python -m geo review import colleague-overrides.csv --who ana", cmd_import)
    a.add_argument("file", type=Path)
    _who(a)


def _who(a) -> None:
    a.add_argument("--who", default=os.environ.get("GEO_ANALYST") or None,
                   help="who makes the correction (default: $GEO_ANALYST, else the login name)")
    a.add_argument("--note", default="", help="why (shown with the correction)")


def _no_action(args) -> int:
    print("usage: python -m geo review {list,accept,add,block,suggest,export,import} ...; see --help", file=sys.stderr)
    return 2


def _analyst(args) -> str:
    return args.who or getpass.getuser()


def _open(args):
    from geo.store import Store

    return Store(args.store), load_gazetteer(args.gazetteer)


def _item(store, gazetteer, key: str):
    from geo.pipeline import review_queue

    day = key.partition(".")[0]
    rows = [r for r in store.claim_rows() if r["report_date"] == day]
    found = [i for i in review_queue(store, gazetteer, rows) if i.key == key]
    if not found:
        raise GeoError(f"{store.path}: no review item {key!r} (it may be resolved already); 'python -m geo review list' "
                       "prints the items")
    return found[0]


def _option(item, number: int):
    if not 1 <= number <= len(item.options):
        raise GeoError(f"item {item.row_id} has options 1..{len(item.options)}, not {number}")
    return item.options[number - 1]


def _km(v) -> str:
    return "" if v is None else f"{v:g} km"


def cmd_list(args) -> int:
    from geo.pipeline import review_queue
    from geo.places.review import counts

    store, gazetteer = _open(args)
    with store:
        items = review_queue(store, gazetteer)
    by_reason, _ = counts(items)
    if args.reason:
        items = [i for i in items if i.reason == args.reason]
    if args.date:
        items = [i for i in items if i.report_date == args.date]
    if args.place:
        items = [i for i in items if i.place.lower() == args.place.lower()]
    shown = items if args.limit == 0 else items[: args.limit]
    if args.json:
        for i in shown:
            print(json.dumps({"key": i.key, **i.__dict__, "options": [o.__dict__ for o in i.options]}, ensure_ascii=False))
        return 0
    print("needs review: " + ", ".join(f"{n} {r}" for r, n in by_reason.most_common()) + f"; {len(items)} listed")
    for i in shown:
        print(f"\n[{i.key}] {i.report_date} {i.place!r} — {i.reason}: {i.why}")
        print(f"    {i.quote}")
        for n, o in enumerate(i.options, 1):
            where = "; ".join(x for x in (f"{_km(o.km_sentence)} from {o.near}" if o.near else "",
                                          f"{_km(o.km_front)} from the front" if o.km_front is not None else "") if x)
            tag = " (placed here now)" if o.current else ""
            print(f"    {n:>2}. {o.name} ({o.admin1}) {o.lat:.5f}, {o.lon:.5f} [{o.source}{' ' + str(o.geonameid) if o.geonameid else ''}]"
                  f"{' ' + where if where else ''}{tag}")
        if not i.options:
            print("    no candidate: 'review add' a place, or 'review suggest' to ask the geocoder")
    if len(items) > len(shown):
        print(f"\n… {len(items) - len(shown)} more (--limit 0 for all)")
    return 0


def _report(args, result) -> int:
    print(f"recorded {len(result.ids)} correction(s) by {_analyst(args)}; re-resolved {result.reports} report(s) "
          f"({result.rows} rows)")
    return 0


def cmd_accept(args) -> int:
    from geo.pipeline import accept_option

    store, gazetteer = _open(args)
    with store:
        item = _item(store, gazetteer, args.item)
        return _report(args, accept_option(store, gazetteer, item, _option(item, args.option), _analyst(args), args.note))


def cmd_add(args) -> int:
    from geo.pipeline import add_new_place

    store, gazetteer = _open(args)
    with store:
        item = _item(store, gazetteer, args.item)
        return _report(args, add_new_place(store, gazetteer, item, args.name, args.lat, args.lon, args.admin1,
                                           _analyst(args), args.note))


def cmd_block(args) -> int:
    from geo.pipeline import block_option

    store, gazetteer = _open(args)
    with store:
        item = _item(store, gazetteer, args.item)
        option = _option(item, args.option) if args.option is not None else None
        return _report(args, block_option(store, gazetteer, item, option, _analyst(args), args.note))


def cmd_suggest(args) -> int:
    from geo.pipeline import ask_geocoder

    store, gazetteer = _open(args)
    with store:
        item = _item(store, gazetteer, args.item)
        found = ask_geocoder(store, item.place)
    if not found:
        print(f"the geocoder knows no {item.place!r} in Ukraine or Russia")
    for s in found:
        print(f"{s.name} ({s.region}, {s.country}) {s.lat:.5f}, {s.lon:.5f} — {s.label}")
    print(f"'python -m geo review list --place {json.dumps(item.place)}' lists them as options")
    return 0


def cmd_export(args) -> int:
    from geo.pipeline import export_corrections
    from geo.store import Store

    with Store(args.store) as store:
        text = export_corrections(store, args.out)
    if args.out is None:
        sys.stdout.write(text)
    else:
        print(f"wrote {args.out}")
    return 0


def cmd_import(args) -> int:
    from geo.pipeline import import_corrections

    store, gazetteer = _open(args)
    with store:
        result = import_corrections(store, gazetteer, args.file, _analyst(args))
    print(f"recorded {len(result.ids)} new correction(s) from {args.file}; re-resolved {result.reports} report(s)")
    return 0
