#!/bin/sh
# Installs the Debian packages copydesk needs to build and run (and, with the argument
# "test", what the test suite drives besides: GNU parallel, the schema validators,
# Chromium for the proof page's screenshot; with "bench", what make bench drives: GNU
# parallel and GNU time); does nothing when they are all there.
# Run as root (or with sudo available).
set -eu

PACKAGES="cmake ninja-build g++ pkg-config python3 \
  libicu-dev libhunspell-dev hunspell hunspell-tools hunspell-en-us hunspell-en-gb \
  catch2 libcli11-dev nlohmann-json3-dev libyaml-cpp-dev libre2-dev libfmt-dev \
  libmd4c-dev libgumbo-dev libbenchmark-dev liburiparser-dev \
  libsphinxbase-dev pocketsphinx-en-us wamerican-insane wbritish-insane \
  libxml2-dev libssl-dev libxxhash-dev diffutils"
if [ "${1:-}" = "test" ]; then
  PACKAGES="$PACKAGES parallel python3-jsonschema libxml2-utils chromium"
elif [ "${1:-}" = "bench" ]; then
  PACKAGES="$PACKAGES parallel time hunspell"
fi

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

echo "copydesk setup: installing$missing"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "copydesk setup: run as root to install:$missing" >&2; exit 1; }
  SUDO="sudo"
fi
$SUDO apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
