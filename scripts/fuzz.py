"""A long fuzzing run: the properties of tests/test_fuzz.py (every reader and `extract`) with many more random
cases than the test suite's, for as long as asked.

    .venv/bin/python scripts/fuzz.py --examples 5000 --minutes 30

Prints one summary line; exit status 1 with hypothesis' falsifying example when a property fails.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--examples", type=int, default=5000, help="random cases per property per round (default 5000)")
    p.add_argument("--minutes", type=float, default=30.0, help="stop starting new rounds after this long (default 30)")
    args = p.parse_args()
    env = {**os.environ, "GEO_FUZZ_EXAMPLES": str(args.examples)}
    started, rounds = time.monotonic(), 0
    while True:
        rounds += 1
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "tests/test_fuzz.py"],
                              cwd=ROOT, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            print(done.stdout[-6000:], done.stderr[-2000:], sep="\n")
            print(f"fuzz: FAILED in round {rounds} after {(time.monotonic() - started) / 60:.1f} min")
            return 1
        if (time.monotonic() - started) / 60 >= args.minutes:
            break
    print(f"fuzz: {rounds} round(s) x 9 properties x {args.examples} cases, no failure, "
          f"{(time.monotonic() - started) / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
