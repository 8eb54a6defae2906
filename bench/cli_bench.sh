#!/bin/sh
# The copydesk command, whole process, against `hunspell -l` alone on the same text:
#   1. a 1,000-word article: median of 20 runs each (start-up is most of it), copydesk on
#      one core and on two;
#   2. 1 MB, one core: copydesk's time as a share of hunspell's (five rounds, interleaved),
#      and peak memory;
#   3. 10 MB and 100 MB (COPYDESK_BENCH_SIZES, in MB; empty for none): time per MB and peak memory, which
#      stay flat when the run is linear;
#   4. many files on two cores against one (five rounds, interleaved).
# The text: the .txt files under COPYDESK_BENCH_CORPUS (default ../shared/corpus/news-clean),
# concatenated and repeated. Wall time on a shared machine is noisy: compare ratios taken
# in one run, and instruction counts (valgrind --tool=callgrind) for changes.
set -eu
BIN=${1:-build/copydesk}
CORPUS=${COPYDESK_BENCH_CORPUS:-../shared/corpus/news-clean}
SIZES=${COPYDESK_BENCH_SIZES-10 100}
python3 - "$BIN" "$CORPUS" "$SIZES" <<'PY'
import glob, os, shutil, statistics, subprocess, sys, tempfile, time
binary, corpus, sizes = sys.argv[1], sys.argv[2], [int(s) for s in sys.argv[3].split()]
files = sorted(glob.glob(os.path.join(corpus, "**", "*.txt"), recursive=True))
if not files:
    sys.exit(f"cli_bench: no .txt files under {corpus}")
articles = [open(f, encoding="utf-8", errors="replace").read() for f in files]
work = tempfile.mkdtemp(prefix="copydesk-bench-")

def text_of(size):
    out, n = [], 0
    while n < size:
        for a in articles:
            out.append(a + "\n\n")
            n += len(out[-1].encode())
            if n >= size:
                break
    return "".join(out)

def write(name, text):
    path = os.path.join(work, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path

def run(cmd):
    """Wall seconds and peak memory (MiB) of one run."""
    stats = os.path.join(work, "time")
    start = time.perf_counter()
    subprocess.run(["/usr/bin/time", "-f", "%M", "-o", stats] + cmd, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    elapsed = time.perf_counter() - start
    return elapsed, int(open(stats).read().split()[-1]) / 1024

def ours(path, cores="0", jobs=1):
    return ["taskset", "-c", cores, binary, "check", "--jobs", str(jobs), "--format", "json", "--fail-on", "none", path]

def hunspell(path):
    return ["taskset", "-c", "0", "hunspell", "-d", "en_US", "-l", path]

# 1. One article of 1,000 words, start-up included.
words = " ".join(articles).split(" ")
article = write("article.txt", " ".join(words[:1000]))
# Interleaved, so that a change in the machine's load falls on all three alike.
times = {"one core": [], "two cores": [], "hunspell": []}
for _ in range(20):
    times["one core"].append(run(ours(article))[0])
    times["two cores"].append(run(ours(article, cores="0,1"))[0])
    times["hunspell"].append(run(hunspell(article))[0])
a, a2, h = (statistics.median(times[k]) for k in ("one core", "two cores", "hunspell"))
print(f"1,000-word article, whole process, median of 20: copydesk {a * 1000:.0f} ms on one core, "
      f"{a2 * 1000:.0f} ms on two; hunspell -l {h * 1000:.0f} ms "
      f"({a / h:.2f}x and {a2 / h:.2f}x)")

# 2. 1 MB on one core.
one = write("1mb.txt", text_of(1 << 20))
nwords = len(open(one, encoding="utf-8").read().split())
# Five rounds of both, interleaved as for the article: the share is the median of the
# rounds' shares, the run of each round taken at the same load.
rounds = [(run(ours(one)), run(hunspell(one))) for _ in range(5)]
t = statistics.median(r[0][0] for r in rounds)
th = statistics.median(r[1][0] for r in rounds)
peak = max(r[0][1] for r in rounds)
shares = sorted(r[0][0] / r[1][0] for r in rounds)
print(f"1 MB ({nwords} words), one core, median of 5 interleaved: copydesk {t:.2f} s ({nwords / t:,.0f} words/s, "
      f"peak {peak:.0f} MiB); hunspell -l {th:.2f} s; copydesk takes {statistics.median(shares):.1%} of that "
      f"({shares[0]:.1%}-{shares[-1]:.1%} over the rounds)")

# 3. Larger inputs: linear time, flat memory.
for mb in sizes:
    big = write(f"{mb}mb.txt", text_of(mb << 20))
    tb, pb = run(ours(big))
    print(f"{mb} MB, one core: {tb:.1f} s, {tb / mb:.2f} s per MB (1 MB: {t:.2f}), peak {pb:.0f} MiB")
    os.unlink(big)

# 4. Many files, two cores against one.
folder = os.path.join(work, "many")
os.makedirs(folder)
for i in range(8):
    for j, a in enumerate(articles):
        with open(os.path.join(folder, f"{i:02d}-{j:04d}.txt"), "w", encoding="utf-8") as f:
            f.write(a)
# Five interleaved rounds, as for 1 MB: the ratio is the median of the rounds' ratios.
pairs = [(run(ours(folder, "0", 1))[0], run(ours(folder, "0,1", 2))[0]) for _ in range(5)]
ratios = sorted(one / two for one, two in pairs)
t1 = statistics.median(p[0] for p in pairs)
t2 = statistics.median(p[1] for p in pairs)
print(f"{8 * len(articles)} files, median of 5 interleaved: one core {t1:.2f} s, two cores {t2:.2f} s: "
      f"{statistics.median(ratios):.2f}x ({ratios[0]:.2f}-{ratios[-1]:.2f}x over the rounds)")
shutil.rmtree(work)
PY
