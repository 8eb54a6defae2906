#!/usr/bin/env python3
"""Precision and recall of copydesk on corpora built at run time from ../shared.

usage: measure_precision.py COPYDESK_BINARY [SHARED_DIR] [--split tune|test] [--config FILE]

No third-party text is kept in the repository: every corpus is assembled in a temporary
folder from ../shared and removed afterwards.

- news-clean: the 202 clean White House releases (*.txt) as they are.
- cweb-clean: the sentences of CWEB (website English, some British) that neither
  annotator changed (changed == 0), 15 sentences to a pseudo-article, three to a
  paragraph, in id order within each domain. The CWEB split: `tune` = dev, `test` = test.
- ewt: UD English EWT documents (one per `newdoc`), sentences of a paragraph joined by a
  space. Tokens with Typo=Yes are the typos: a spelling finding on one is a hit, any
  other spelling finding a false alarm. `tune` = train + dev, `test` = test.
- planted: misspellings of codespell's main list planted into news-clean, at most five an
  article, each replacing a lower-case word of the article that is the list's only
  correction. The list is split in two by a hash of the misspelling: `tune` = even,
  `test` = odd. Recall: planted words a spelling rule reports at warning or error.

Prints false alarms at warning or error per 1,000 words, per rule, for news-clean,
cweb-clean and ewt; spelling precision and recall on EWT typos; planted recall.
"""
import csv
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict


def run(binary, folder, config):
    cmd = [binary, "check", "--format", "json", "--fail-on", "none", "--jobs", "2"]
    if config:
        cmd += ["--config", config]
    files = sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".txt"))
    out = subprocess.run(cmd + files, capture_output=True, text=True, check=True).stdout
    return {os.path.basename(f["path"]): f for f in json.loads(out)["files"]}


def write(folder, name, text):
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write(text)


def per_rule(results, words, skip=lambda name, d: False):
    counts = Counter()
    for name, f in results.items():
        for d in f["diagnostics"]:
            if d["severity"] != "info" and not skip(name, d):
                counts[d["rule"]] += 1
    return counts


def report(title, counts, words, out):
    total = sum(counts.values())
    out.append(f"{title}: {words} words, {total} at warning/error = {1000 * total / words:.3f} per 1,000")
    for rule, n in counts.most_common():
        out.append(f"    {rule:34s} {n:4d}  {1000 * n / words:.3f}")


def cweb(shared, split, folder):
    rows = defaultdict(list)
    with open(os.path.join(shared, "corpus/errors/cweb.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if r["changed"] == "0" and r["split"] == ("dev" if split == "tune" else "test"):
                rows[r["domain"]].append((r["id"], r["source"]))
    n = 0
    for domain, items in sorted(rows.items()):
        items.sort()
        for k in range(0, len(items), 15):
            group = [s for _, s in items[k:k + 15]]
            paras = [" ".join(group[j:j + 3]) for j in range(0, len(group), 3)]
            write(folder, f"cweb-{domain}-{k // 15:04d}.txt", "\n\n".join(paras) + "\n")
            n += 1
    return n


def ewt(shared, split, folder):
    """Writes one file per EWT document; returns {file: [(begin, end) byte spans of typos]}."""
    files = ["train", "dev"] if split == "tune" else ["test"]
    typos = {}
    for part in files:
        docs = []
        with open(os.path.join(shared, f"corpus/ud-english-ewt/en_ewt-ud-{part}.conllu"), encoding="utf-8") as f:
            sent, text = [], None
            for line in f:
                line = line.rstrip("\n")
                if line.startswith("# newdoc"):
                    docs.append([])
                elif line.startswith("# newpar"):
                    if docs and docs[-1]:
                        docs[-1].append(None)
                elif line.startswith("# text = "):
                    text = line[9:]
                elif line and not line.startswith("#"):
                    cols = line.split("\t")
                    if "-" in cols[0] or "." in cols[0]:
                        continue
                    sent.append((cols[1], "Typo=Yes" in cols[5]))
                elif not line and sent:
                    if not docs:
                        docs.append([])
                    docs[-1].append((text, sent))
                    sent = []
        for i, doc in enumerate(docs):
            name = f"ewt-{part}-{i:04d}.txt"
            out, spans = b"", []
            for item in doc:
                if item is None:
                    out = out.rstrip(b" ") + b"\n\n"
                    continue
                text, toks = item
                base, pos = len(out), 0
                raw = text.encode("utf-8")
                for form, typo in toks:
                    fb = form.encode("utf-8")
                    at = raw.find(fb, pos)
                    if at < 0:
                        continue
                    pos = at + len(fb)
                    if typo:
                        spans.append((base + at, base + pos))
                out += raw + b" "
            with open(os.path.join(folder, name), "wb") as f:
                f.write(out)
            typos[name] = spans
    return typos


def planted(shared, split, folder):
    pairs = {}
    with open(os.path.join(shared, "corpus/errors/codespell-misspellings.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            wrong, right = r["misspelling"], r["corrections"]
            if r["list"] != "main" or "|" in right or not re.fullmatch(r"[a-z]{3,}", wrong) or not re.fullmatch(r"[a-z]+", right):
                continue
            if int(hashlib.md5(wrong.encode()).hexdigest(), 16) % 2 != (0 if split == "tune" else 1):
                continue
            pairs.setdefault(right, wrong)
    spans = {}
    news = os.path.join(shared, "corpus/news-clean")
    for name in sorted(os.listdir(news)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(news, name), encoding="utf-8") as f:
            text = f.read()
        out, last, mine, used = [], 0, [], set()
        for m in re.finditer(r"(?<![\w'’-])[a-z]+(?![\w'’-])", text):
            w = m.group(0)
            if w in pairs and w not in used and len(mine) < 5:
                used.add(w)
                out.append(text[last:m.start()])
                begin = len("".join(out).encode("utf-8"))
                out.append(pairs[w])
                mine.append((begin, begin + len(pairs[w].encode("utf-8")), pairs[w]))
                last = m.end()
        out.append(text[last:])
        write(folder, "planted-" + name, "".join(out))
        spans["planted-" + name] = mine
    return spans


def covers(d, span):
    return d["offset"] < span[1] and span[0] < d["offset"] + max(d["length"], 1)


def main():
    args = [a for a in sys.argv[1:]]
    split, config = "test", None
    if "--split" in args:
        i = args.index("--split")
        split = args[i + 1]
        del args[i:i + 2]
    if "--config" in args:
        i = args.index("--config")
        config = os.path.abspath(args[i + 1])
        del args[i:i + 2]
    binary = os.path.abspath(args[0])
    shared = os.path.abspath(args[1] if len(args) > 1 else os.path.join(os.path.dirname(__file__), "../../shared"))
    out = [f"split: {split}"]
    with tempfile.TemporaryDirectory() as tmp:
        res = run(binary, os.path.join(shared, "corpus/news-clean"), config)
        report("news-clean", per_rule(res, 0), sum(f["words"] for f in res.values()), out)

        d = os.path.join(tmp, "cweb")
        os.mkdir(d)
        n = cweb(shared, split, d)
        res = run(binary, d, config)
        report(f"cweb-clean ({n} pseudo-articles)", per_rule(res, 0), sum(f["words"] for f in res.values()), out)

        d = os.path.join(tmp, "ewt")
        os.mkdir(d)
        typos = ewt(shared, split, d)
        res = run(binary, d, config)
        words = sum(f["words"] for f in res.values())
        on_typo = lambda name, diag: any(covers(diag, s) for s in typos.get(name, []))
        report("ewt (findings on Typo=Yes tokens left out)", per_rule(res, words, on_typo), words, out)
        hits = flagged = 0
        found = set()
        for name, f in res.items():
            for diag in f["diagnostics"]:
                if diag["severity"] == "info" or not diag["rule"].startswith("spelling."):
                    continue
                flagged += 1
                span = next((s for s in typos.get(name, []) if covers(diag, s)), None)
                if span:
                    hits += 1
                    found.add((name, span))
        total = sum(len(v) for v in typos.values())
        out.append(f"ewt spelling: {flagged} findings, {hits} on typos: precision {hits / max(flagged, 1):.3f}, "
                   f"recall {len(found)}/{total} = {len(found) / max(total, 1):.3f}")

        d = os.path.join(tmp, "planted")
        os.mkdir(d)
        spans = planted(shared, split, d)
        res = run(binary, d, config)
        total = sum(len(v) for v in spans.values())
        got, missed = 0, []
        for name, mine in spans.items():
            diags = [x for x in res[name]["diagnostics"] if x["severity"] != "info" and x["rule"].startswith("spelling.")]
            for b, e, w in mine:
                if any(covers(x, (b, e)) for x in diags):
                    got += 1
                else:
                    missed.append(w)
        out.append(f"planted misspellings: {got}/{total} found = {got / max(total, 1):.3f}")
        if os.environ.get("SHOW_MISSED"):
            out.append("missed: " + " ".join(sorted(set(missed))))
    print("\n".join(out))


if __name__ == "__main__":
    main()
