#!/usr/bin/env python3
"""Replaces the lines between '<!-- NAME: begin -->' and '<!-- NAME: end -->' in FILE
with the content of CONTENT, writing FILE anew only when it changes.

usage: replace_block.py FILE NAME CONTENT
"""
import os
import sys
import tempfile


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[-1])
    path, name, content_path = sys.argv[1:]
    with open(path, encoding="utf-8") as f:
        text = f.read()
    begin, end = f"<!-- {name}: begin -->\n", f"<!-- {name}: end -->"
    start, stop = text.find(begin), text.find(end)
    if start < 0 or stop < start:
        sys.exit(f"{path}: no block '{begin.strip()}' … '{end}'")
    with open(content_path, encoding="utf-8") as f:
        content = f.read()
    new = text[: start + len(begin)] + content + text[stop:]
    if new == text:
        return
    # Atomic: a half-written README is never left behind.
    folder = os.path.dirname(os.path.abspath(path))
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False) as tmp:
        tmp.write(new)
    os.chmod(tmp.name, os.stat(path).st_mode & 0o7777)
    os.replace(tmp.name, path)


if __name__ == "__main__":
    main()
