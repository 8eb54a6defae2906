#!/bin/sh
# Times the copydesk command on about 1 MB of news text against `hunspell -l` alone on
# the same file, one core each, and reports words per second and peak memory.
set -eu
BIN=${1:-build/copydesk}
CORPUS=${COPYDESK_BENCH_CORPUS:-../shared/corpus/news-clean}
python3 - "$BIN" "$CORPUS" <<'PY'
import glob, os, resource, subprocess, sys, tempfile, time
binary, corpus = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(os.path.join(corpus, "**", "*.txt"), recursive=True))
if not files:
    sys.exit(f"cli_bench: no .txt files under {corpus}")
text = ""
while len(text.encode()) < 1 << 20:
    for f in files:
        text += open(f, encoding="utf-8", errors="replace").read() + "\n\n"
with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as out:
    out.write(text)
words = len(text.split())

def timed(cmd, runs=3):
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best

ours = timed(["taskset", "-c", "0", binary, "check", "--jobs", "1", "--format", "json", "--fail-on", "none", out.name])
peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
theirs = timed(["taskset", "-c", "0", "hunspell", "-d", "en_US", "-l", out.name], runs=1)
size_mb = len(text.encode()) / 1e6
print(f"input: {size_mb:.2f} MB, {words} words")
print(f"copydesk check (1 core): {ours:.2f} s, {words / ours:,.0f} words/s, peak memory {peak_mb:.0f} MB")
print(f"hunspell -l alone (1 core): {theirs:.2f} s; copydesk takes {ours / theirs:.0%} of that")
os.unlink(out.name)
PY
