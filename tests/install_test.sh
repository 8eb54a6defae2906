#!/bin/sh
# cmake --install puts a copydesk that finds its own rules, dictionaries and model
# wherever it is installed: check an installed copy from outside the source tree.
set -eu
BUILD=$1
PREFIX=$(mktemp -d)
trap 'rm -rf "$PREFIX"' EXIT
cmake --install "$BUILD" --prefix "$PREFIX" >/dev/null
[ -f "$PREFIX/share/copydesk/rules.bin" ] || { echo "the compiled rules were not installed" >&2; exit 1; }
# Remove one installed rule pack: if the installed binary read the source tree instead,
# its rules would still be listed.
rm "$PREFIX/share/copydesk/rules/style.yaml"
cd "$PREFIX"
if "$PREFIX/bin/copydesk" rules | grep -q '^style\.'; then
  echo "installed copydesk did not read its installed rules" >&2
  exit 1
fi
printf 'Blinken spoke. Blinken left. Blingen said no.\n' > article.txt
status=0
"$PREFIX/bin/copydesk" check --format json article.txt > out.json || status=$?
[ "$status" -eq 1 ] || { echo "expected exit status 1, got $status" >&2; exit 1; }
grep -q '"rule":"names.inconsistent-spelling"' out.json || { echo "no names finding" >&2; cat out.json >&2; exit 1; }
echo "installed copydesk works from $PREFIX"
