#!/usr/bin/env python3
"""Builds the labelled sentences that garbled.unlikely-sentence is calibrated and measured on.

    tools/garbled_data.py SHARED_DIR OUT_DIR

Writes OUT_DIR/sentences.tsv: id, label (1 garbled, 0 clean), split (train / heldout),
source, text. Nothing here is committed: it is rebuilt from ../shared and from Debian's
apertium machine translation (apt-get install apertium apertium-eng-spa apertium-eng-cat
apertium-en-gl apertium-eo-en).

Clean (0): sentences of news-clean (articles split by a hash of their name), UD EWT
(train+dev / test), CWEB sentences no annotator changed (dev / test), MLQE-PE machine
translations that annotators scored fluent (da_mean >= 90; dev20 / test20).
Garbled (1):
- round trips through rule-based MT (English → X → English) of news-clean sentences that
  came back heavily changed (at most 60% of the words kept in order); Spanish, Galician
  and Esperanto for train, Catalan held out, so the held-out figure is for an MT system
  the score was never calibrated on;
- word salad: a clean news sentence with its words shuffled;
- MLQE-PE machine translations that annotators scored below 30 of 100 ("mostly
  incomprehensible"; dev20 / test20).
"""
import csv, hashlib, os, random, re, subprocess, sys

shared, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
csv.field_size_limit(1 << 24)
rng = random.Random(20261129)
rows = []

def split_of(name, heldout_share=0.3):
    h = int(hashlib.sha1(name.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    return "heldout" if h < heldout_share else "train"

SENTENCE = re.compile(r'(?<=[.!?])[”"’]?\s+(?=[“"A-Z])')

def sentences(text):
    for para in text.split("\n"):
        for s in SENTENCE.split(para.strip()):
            s = s.strip()
            if len(s.split()) >= 6 and s[-1:] in '.!?”"':
                yield s

news = []
folder = os.path.join(shared, "corpus/news-clean")
for name in sorted(os.listdir(folder)):
    if not name.endswith(".txt"):
        continue
    split = split_of(name)
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        for i, s in enumerate(sentences(f.read())):
            news.append((f"news-{name[:40]}-{i}", split, s))
for id_, split, s in news:
    rows.append((id_, 0, split, "news", s))

for part, split in (("train", "train"), ("dev", "train"), ("test", "heldout")):
    with open(os.path.join(shared, f"corpus/ud-english-ewt/en_ewt-ud-{part}.conllu"), encoding="utf-8") as f:
        texts = [l[9:].strip() for l in f if l.startswith("# text = ")]
    for i, s in enumerate(texts):
        if len(s.split()) >= 6:
            rows.append((f"ewt-{part}-{i}", 0, split, "ewt", s))

with open(os.path.join(shared, "corpus/errors/cweb.tsv"), encoding="utf-8") as f:
    for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
        if r["changed"] == "0" and len(r["source"].split()) >= 6:
            rows.append((r["id"], 0, "train" if r["split"] == "dev" else "heldout", "cweb", r["source"]))

with open(os.path.join(shared, "corpus/mt-quality/mlqe-pe-en.tsv"), encoding="utf-8") as f:
    for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
        if not r["da_mean"] or len(r["mt_output"].split()) < 6:
            continue
        split = "train" if r["split"] == "dev20" else "heldout"
        da = float(r["da_mean"])
        if da < 30:
            rows.append((r["id"], 1, split, "mlqe-bad", r["mt_output"]))
        elif da >= 90:
            rows.append((r["id"], 0, split, "mlqe-good", r["mt_output"]))

for id_, split, s in news:
    words = s.split()
    rng.shuffle(words)
    rows.append((id_ + "-salad", 1, split, "salad", " ".join(words)))

def kept_in_order(a, b):
    """Share of a's words that b keeps, in order (longest common subsequence)."""
    a, b = a.lower().split(), b.lower().split()
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1] / max(len(a), 1)

def round_trip(there, back, texts):
    joined = "\n\n".join(texts)  # a blank line keeps apertium from joining sentences
    mid = subprocess.run(["apertium", "-u", there], input=joined, capture_output=True, text=True, check=True).stdout
    again = subprocess.run(["apertium", "-u", back], input=mid, capture_output=True, text=True, check=True).stdout
    result = [t.strip() for t in again.split("\n\n")]
    return result if len(result) == len(texts) else None

for there, back, split in (("eng-spa", "spa-eng", "train"), ("en-gl", "gl-en", "train"),
                           ("en-eo", "eo-en", "train"), ("eng-cat", "cat-eng", "heldout")):
    chosen = [(i, s) for i, sp, s in news if sp == split]
    back_texts = round_trip(there, back, [s for _, s in chosen])
    if back_texts is None:
        sys.exit(f"apertium {there}: sentence count changed")
    for (id_, s), t in zip(chosen, back_texts):
        if t:  # lightly changed ones (label "light") count only towards their article's mean
            label = 1 if kept_in_order(s, t) <= 0.6 else "light"
            rows.append((f"{id_}-{there}", label, split, f"roundtrip-{there}", t))

with open(os.path.join(out, "sentences.tsv"), "w", encoding="utf-8") as f:
    f.write("id\tlabel\tsplit\tsource\ttext\n")
    for r in rows:
        f.write("\t".join(str(x).replace("\t", " ") for x in r) + "\n")
counts = {}
for r in rows:
    counts[(r[3], r[2])] = counts.get((r[3], r[2]), 0) + 1
for k in sorted(counts):
    print(*k, counts[k])
