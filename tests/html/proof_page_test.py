#!/usr/bin/env python3
"""The proof page (`copydesk check --format html`) of the seed article.

structure:  every finding of `--format json` is marked once, at its text, with one note;
            the page needs no script and fetches nothing.
screenshot: the page opened by headless Chromium: its own Content-Security-Policy keeps
            scripts off (a script planted in a copy does not run) and every note is
            there; then rendered as a PNG (skipped, exit 77, without chromium).
Usage: proof_page_test.py structure|screenshot COPYDESK SOURCE_DIR OUT_DIR
"""
import html.parser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from collections import defaultdict

SKIPPED = 77


def check(condition, what):
    if not condition:
        print(f"FAIL: {what}")
        sys.exit(1)
    print(f"ok: {what}")


def seed_article(source_dir):
    seed = os.path.join(source_dir, "..", "shared", "corpus", "seed", "000_70c2cf35952770fb.txt")
    if os.path.exists(seed):
        return seed
    print("the seed article (../shared) is absent: examples/article.txt stands in")
    return os.path.join(source_dir, "examples", "article.txt")


def render(copydesk, article, fmt):
    folder = os.path.dirname(article)
    run = subprocess.run([copydesk, "check", "--format", fmt, os.path.basename(article)], cwd=folder,
                         capture_output=True, check=False)
    check(run.returncode in (0, 1), f"check --format {fmt} runs (status {run.returncode})")
    return run.stdout.decode("utf-8")


class Page(html.parser.HTMLParser):
    """The marked text of each finding, its notes, and anything that would run or fetch."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.marked = defaultdict(str)
        self.marks = defaultdict(int)
        self.notes = defaultdict(int)
        self.open_marks = []
        self.active = []
        self.scripts = []
        self.fetches = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" or any(name.startswith("on") for name in a):
            self.scripts.append(tag)
        for name in ("src", "href", "data", "action"):
            if name in a and not a[name].startswith("#"):
                self.fetches.append(a[name])
        if tag in ("link", "img", "iframe", "object", "embed"):
            self.fetches.append(tag)
        if tag == "mark":
            findings = [int(n) for n in a.get("data-findings", "").split()]
            for n in findings:
                self.marks[n] += 1
            self.open_marks.append(findings)
        if tag == "li" and "note" in a.get("class", "").split():
            self.notes[int(a["id"].rsplit("-n", 1)[1])] += 1

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open_marks.pop()

    def handle_data(self, data):
        for findings in self.open_marks:
            for n in findings:
                self.marked[n] += data


def structure(copydesk, source_dir, out_dir):
    article = seed_article(source_dir)
    report = json.loads(render(copydesk, article, "json"))
    page_text = render(copydesk, article, "html")
    with open(os.path.join(out_dir, "proof-page.html"), "w", encoding="utf-8") as f:
        f.write(page_text)
    page = Page()
    page.feed(page_text)
    findings = report["files"][0]["diagnostics"]
    check(len(findings) > 0, f"the article has findings ({len(findings)})")
    for n, d in enumerate(findings, start=1):
        want = d["text"].replace("\n", "").replace("\r", "")
        if page.marked[n] != want or page.notes[n] != 1 or (d["length"] > 0 and page.marks[n] == 0):
            check(False, f"finding {n} ({d['rule']}) marked at “{want}”, got “{page.marked[n]}”, {page.notes[n]} notes")
    check(True, "every finding is marked once at its own text, with one note")
    check(set(page.notes) == set(range(1, len(findings) + 1)), "no note for anything else")
    counts = defaultdict(int)
    for d in findings:
        counts[d["category"]] += 1
    for category, n in counts.items():
        check(f'<span class="swatch"></span>{category}</td><td class="n">{n}</td>' in page_text,
              f"the count of {category} findings ({n}) is at the top")
    check(not page.scripts, "no script and no event handler: the page reads with scripts disabled")
    policy = 'http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'"'
    check(policy in page_text,
          "the page forbids itself scripts and fetching")
    check(not page.fetches, "nothing is fetched: every link is a place in the page")
    related = sum(len(d["related"]) for d in findings)
    check(page_text.count('class="related"') == sum(1 for d in findings if d["related"]),
          f"related places ({related}) linked from the notes that have them")


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def chromium_run(chromium, args):
    """Runs headless Chromium with a new empty profile; returns its standard output."""
    profile = tempfile.mkdtemp(prefix="copydesk-chromium-")
    try:
        return subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                               "--disable-background-networking", "--disable-component-update", "--disable-sync",
                               f"--user-data-dir={profile}", *args],
                              capture_output=True, timeout=300, check=False).stdout.decode("utf-8", "replace")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def screenshot(copydesk, source_dir, out_dir):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("skipped: headless Chromium is not installed (Debian package chromium)")
        sys.exit(SKIPPED)
    article = seed_article(source_dir)
    findings = json.loads(render(copydesk, article, "json"))["files"][0]["diagnostics"]
    page_text = render(copydesk, article, "html")
    page = os.path.join(out_dir, "proof-page.html")
    with open(page, "w", encoding="utf-8") as f:
        f.write(page_text)
    # A copy with a script planted: the page's own policy must keep it from running.
    probe = os.path.join(out_dir, "proof-page-probe.html")
    with open(probe, "w", encoding="utf-8") as f:
        f.write(page_text.replace("</body>", '<script>document.body.setAttribute("data-ran", "yes")</script></body>'))
    dom = chromium_run(chromium, ["--dump-dom", "file://" + probe])
    body = re.search(r"<body[^>]*>", dom)
    check(body is not None and "data-ran" not in body.group(0), "Chromium opens the page with scripts off")
    check(dom.count('<li class="note') == len(findings), f"all {len(findings)} notes are in the page Chromium read")
    png = os.path.join(out_dir, "proof-page.png")
    if os.path.exists(png):
        os.remove(png)
    chromium_run(chromium, [f"--screenshot={png}", "--window-size=1280,2000", "file://" + page])
    check(os.path.exists(png) and png_size(png) == (1280, 2000), "Chromium rendered the page as a 1280×2000 PNG")
    check(os.path.getsize(png) > 20000, f"the screenshot shows something ({os.path.getsize(png)} bytes)")
    print(f"screenshot attached: {png}")


def main():
    mode, copydesk, source_dir, out_dir = sys.argv[1], *map(os.path.abspath, sys.argv[2:5])
    os.makedirs(out_dir, exist_ok=True)
    {"structure": structure, "screenshot": screenshot}[mode](copydesk, source_dir, out_dir)


if __name__ == "__main__":
    main()
