"""`python -m geo COMMAND ...`: a thin shell over the library.

Each module in this package that defines `register(subparsers)` adds one command; the
command's function takes the parsed arguments and returns an exit status. Errors of the
`geo.errors` family become one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from geo import __version__
from geo.errors import GeoError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m geo",
        description="Claims of ISW's daily assessments: read reports, find claims, put them on the map.",
        epilog="Run 'python -m geo COMMAND --help' for a command's options and an example.",
    )
    parser.add_argument("--version", action="version", version=f"frontline-claims {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def add_command(sub, name: str, help: str, example: str, func) -> argparse.ArgumentParser:
    """Add a sub-command whose help text ends with an example, as every command's does."""
    p = sub.add_parser(
        name,
        help=help,
        description=help,
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.set_defaults(func=func)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except GeoError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
