#!/bin/sh
# Install the headless browser the browser tests, `python -m geo snapshot` and
# benchmarks/bench_browser.py use: Debian's chromium and its chromedriver.
#
# Idempotent: does nothing when /usr/bin/chromium and /usr/bin/chromedriver exist.
# Installs only when run as root on a system with apt-get; otherwise it says what to do
# and exits 1. Nothing is downloaded from anywhere but the Debian package mirrors.
#
# usage: scripts/install_browser.sh
set -eu

CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver

if [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ]; then
    echo "install_browser: $CHROMIUM and $CHROMEDRIVER already present"
    exit 0
fi

if [ "$(id -u)" != "0" ]; then
    echo "install_browser: $CHROMIUM or $CHROMEDRIVER is missing and this is not root;" >&2
    echo "  run: sudo apt-get install -y chromium chromium-driver" >&2
    exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_browser: no apt-get here; install Chromium and its chromedriver with your" >&2
    echo "  system's package manager so that $CHROMIUM and $CHROMEDRIVER exist" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "install_browser: installing chromium and chromium-driver from the Debian packages" >&2
apt-get update -q >&2
apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-dejavu-core >&2

if [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ]; then
    echo "install_browser: installed $("$CHROMIUM" --version 2>/dev/null || echo chromium)"
    exit 0
fi
echo "install_browser: apt-get finished but $CHROMIUM or $CHROMEDRIVER is still missing" >&2
exit 1
