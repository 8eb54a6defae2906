#!/usr/bin/env python3
"""Rank correlation of garbled_calibrate's scores with MLQE-PE's human scores.

usage: garbled_spearman.py mlqe-pe-en.tsv scores.tsv [threshold]
Prints, per split, Spearman's rho of each score column with -score (higher = worse),
and, with a threshold, how many sentences the total flags and the share of them that
humans rated bad (da_mean < 50, or z-score in the bottom quartile of its pair for test21).
"""
import csv
import sys


def ranks(xs):
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    r = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2
        i = j + 1
    return r


def spearman(a, b):
    ra, rb = ranks(a), ranks(b)
    n = len(a)
    ma, mb = sum(ra) / n, sum(rb) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va = sum((x - ma) ** 2 for x in ra) ** 0.5
    vb = sum((y - mb) ** 2 for y in rb) ** 0.5
    return cov / (va * vb)


def main():
    rows = {r["id"]: r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter="\t",
                                               quoting=csv.QUOTE_NONE)}
    scores = {}
    for line in open(sys.argv[2], encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        scores[f[0]] = [float(x) for x in f[1:]]
    threshold = float(sys.argv[3]) if len(sys.argv) > 3 else None
    quartile = {}
    for pair in {r["lang_pair"] for r in rows.values()}:
        zs = sorted(float(r["score"]) for r in rows.values() if r["lang_pair"] == pair and r["split"] == "test21")
        if zs:
            quartile[pair] = zs[len(zs) // 4]
    for split in ["dev20", "test20", "test21"]:
        ids = [i for i in scores if rows[i]["split"] == split]
        human = [-float(rows[i]["score"]) for i in ids]
        cols = ["total", "tags", "rare", "unknown", "doubled", "agreement"]
        print(split, " ".join(f"{c}={spearman([scores[i][k] for i in ids], human):.3f}" for k, c in enumerate(cols)))
        if threshold is not None:
            flagged = [i for i in ids if scores[i][0] >= threshold]

            def bad(i):
                r = rows[i]
                if r["da_mean"]:
                    return float(r["da_mean"]) < 50
                return float(r["score"]) <= quartile[r["lang_pair"]]
            hits = sum(bad(i) for i in flagged)
            base = sum(bad(i) for i in ids)
            print(f"  flagged {len(flagged)}/{len(ids)}, precision {hits / max(len(flagged), 1):.3f}"
                  f" (base rate {base / len(ids):.3f})")


main()
