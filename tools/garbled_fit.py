#!/usr/bin/env python3
"""Measures garbled.unlikely-sentence and chooses its threshold.

    tools/garbled_fit.py features.tsv [--prior-words 8] [--min-scored 8] [--features slor,unseen,...]

features.tsv is garbled_calibrate's output on tools/garbled_data.py's sentences. The rule
flags a sentence whose mean SLOR, blended with `prior-words` words of fluent news
(0.7), is below max_slor. This prints, for the max_slor that flags a given share of the
*train* split's news sentences, the share of each kind of sentence flagged on the
*held-out* split (clean kinds: false alarms; garbled kinds: recall), and ROC AUC.

With --features, a logistic regression over those features is fitted on train and
measured the same way, to see whether a feature adds to SLOR (features: slor, unseen,
trigrams, worst3, unknown_share).
"""
import argparse, csv, math, re

CLEAN = ("news", "ewt", "cweb", "mlqe-good")

def auc(pos, neg):
    """Probability that a garbled sentence scores above a clean one (ties count half)."""
    ranked = sorted([(v, 1) for v in pos] + [(v, 0) for v in neg])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j + 1 < len(ranked) and ranked[j + 1][0] == ranked[i][0]:
            j += 1
        rank_sum += (i + j + 2) / 2 * sum(1 for k in range(i, j + 1) if ranked[k][1])
        i = j + 1
    n1, n0 = len(pos), len(neg)
    return (rank_sum - n1 * (n1 + 1) / 2) / (n1 * n0) if n1 and n0 else float("nan")

def logistic(xs, ys, iters=300, lr=0.5, l2=1e-3):
    """Class-balanced logistic regression by gradient descent on standardised features."""
    d = len(xs[0])
    mean = [sum(x[k] for x in xs) / len(xs) for k in range(d)]
    sd = [math.sqrt(sum((x[k] - mean[k]) ** 2 for x in xs) / len(xs)) or 1 for k in range(d)]
    zs = [[(x[k] - mean[k]) / sd[k] for k in range(d)] for x in xs]
    n1 = sum(ys); n0 = len(ys) - n1
    cw = [len(ys) / (2 * (n1 if y else n0)) for y in ys]
    w, b = [0.0] * d, 0.0
    for _ in range(iters):
        gw, gb = [0.0] * d, 0.0
        for z, y, c in zip(zs, ys, cw):
            p = 1 / (1 + math.exp(-max(-30, min(30, b + sum(a * v for a, v in zip(w, z))))))
            gb += (p - y) * c
            for k in range(d):
                gw[k] += (p - y) * c * z[k]
        b -= lr * gb / len(ys)
        w = [a - lr * (g / len(ys) + l2 * a) for a, g in zip(w, gw)]
    return lambda x: b + sum(a * (v - m) / s for a, v, m, s in zip(w, x, mean, sd))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("features")
    ap.add_argument("--prior-words", type=float, default=8)
    ap.add_argument("--prior-slor", type=float, default=0.7)
    ap.add_argument("--min-scored", type=int, default=8)
    ap.add_argument("--article-sentences", type=int, default=0,
                    help="scored sentences an article needs to be judged as a whole (0: never)")
    ap.add_argument("--article-max-slor", type=float, default=0,
                    help="an article whose mean is below this reads as machine translated: its sentences are "
                         "flagged below this threshold too")
    ap.add_argument("--max-slor", type=float, action="append", default=[],
                    help="also measure this threshold (the rule's own max_slor)")
    ap.add_argument("--features", dest="names")
    a = ap.parse_args()
    # Every sentence counts; one with fewer scored words than min_scored is never flagged.
    rows = list(csv.DictReader(open(a.features, encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
    # News sentences and their round trips carry their article in the id; a shuffled
    # sentence stands inside its clean article.
    def article(r):
        m = re.match(r"news-(.*)-\d+(-[a-z-]+)?$", r["id"])
        if not m:
            return None
        return (m.group(1), r["source"] if r["source"].startswith("roundtrip") else "news")
    sums = {}
    for r in rows:
        key = article(r)
        if key and r["source"] != "salad" and int(r["scored"]) >= a.min_scored:
            n = int(r["scored"])
            acc = sums.setdefault(key, [0.0, 0, 0])
            acc[0] += float(r["slor"]) * n; acc[1] += n; acc[2] += 1
    for r in rows:
        n = int(r["scored"])
        prior = a.prior_slor
        r["short"] = n < a.min_scored
        acc = sums.get(article(r))
        r["translated"] = False
        if a.article_sentences and acc and acc[2] >= a.article_sentences:
            # An article that reads as machine translated is its own prior.
            r["translated"] = acc[0] / acc[1] < a.article_max_slor
            if r["translated"]:
                prior = acc[0] / acc[1]
        r["slor"] = (float(r["slor"]) * n + prior * a.prior_words) / (n + a.prior_words)
        r["unknown_share"] = int(r["unknown"]) / max(int(r["words"]), 1)
    rows = [r for r in rows if r["label"] != "light"]
    if a.names:
        names = a.names.split(",")
        vec = lambda r: [float(r[k]) for k in names]
        train = [r for r in rows if r["split"] == "train" and not r["short"]]
        model = logistic([vec(r) for r in train], [int(r["label"]) for r in train])
        badness = lambda r: -10.0 if r["short"] else model(vec(r))
        print("logistic regression over", ", ".join(names))
    else:
        # Lower fluency = more garbled; in a machine-translated article, anything under
        # article_max_slor is flagged whatever the threshold.
        badness = lambda r: (-10.0 if r["short"] else
                             10.0 if r["translated"] and r["slor"] < a.article_max_slor else -r["slor"])
        print(f"the rule's score: mean SLOR blended with {a.prior_words:g} words of {a.prior_slor}, "
              f"sentences with at least {a.min_scored} scored words")
    by = {}
    for r in rows:
        by.setdefault((r["split"], r["source"]), []).append(badness(r))
    news = sorted(by[("train", "news")], reverse=True)
    for split in ("train", "heldout"):
        clean = [v for (sp, src), vs in by.items() if sp == split and src in CLEAN for v in vs]
        print(f"\n== {split}")
        for (sp, src), vs in sorted(by.items()):
            if sp == split and src not in CLEAN:
                print(f"  {src:20s} n={len(vs):5d}  ROC AUC {auc(vs, clean):.3f} against all clean sentences, "
                      f"{auc(vs, by[(split, 'news')]):.3f} against news")
        print("  share flagged, threshold set on train news (or given):")
        points = [(f"{q:.1%} of train news", news[int(q * len(news))]) for q in (0.002, 0.005, 0.01, 0.02, 0.05)]
        points += [("given", -m) for m in a.max_slor]
        for where, t in points:
            label = f"max_slor {-t:.3f}" if not a.names else f"score {t:.3f}"
            cells = " ".join(f"{src}={sum(v > t for v in vs) / len(vs):.3f}"
                             for (sp, src), vs in sorted(by.items()) if sp == split)
            print(f"  {label} ({where}): {cells}")

main()
