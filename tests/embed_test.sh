#!/bin/sh
# A program outside the project builds against the installed package
# (find_package(copydesk)), links libcopydesk and checks a string with it.
set -eu
BUILD=$1
EXAMPLE=$2
PREFIX=$(mktemp -d)
trap 'rm -rf "$PREFIX"' EXIT
cmake --install "$BUILD" --prefix "$PREFIX" >/dev/null
cmake -S "$EXAMPLE" -B "$PREFIX/embed-build" -DCMAKE_PREFIX_PATH="$PREFIX" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$PREFIX/embed-build" >/dev/null
cd "$PREFIX"
"$PREFIX/embed-build/embed" > out.txt
grep -q '^names.inconsistent-spelling at byte 29: ' out.txt || { echo "no names finding" >&2; cat out.txt >&2; exit 1; }
grep -q '^story.txt:1:30: warning: .*\[names.inconsistent-spelling\]$' out.txt || { echo "no rendered finding" >&2; cat out.txt >&2; exit 1; }
echo "the example built against $PREFIX checks a string"
