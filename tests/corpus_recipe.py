#!/usr/bin/env python3
"""Runs the README's GNU parallel recipe for corpus mode and checks it finds what
checking the same articles as files finds.

    corpus_recipe.py COPYDESK NEWS_CLEAN_DIR [--articles N] [--memory]

Builds N articles (default: twice the news-clean articles) in a scratch folder: each
news-clean article, then the same with its paragraphs rotated, as files and as a JSONL
stream (half of them given as text, half by path). Runs the stream through
`parallel --pipe ... copydesk check --jsonl` and the files through `copydesk check
--format json`, and fails unless every article has the same words and diagnostics both
ways, in input order. --memory also runs the whole stream through one copydesk process
and through one over a tenth of it, and prints the peak memory of each (it must not grow
with the number of articles). Exit status 0: the same; 1: a difference; 77: no corpus.
"""
import argparse, json, os, subprocess, sys, tempfile

def build(news_clean, folder, count):
    sources = sorted(f for f in os.listdir(news_clean) if f.endswith(".txt"))
    texts = [open(os.path.join(news_clean, f), encoding="utf-8").read() for f in sources]
    os.makedirs(os.path.join(folder, "files"))
    articles = []
    for n in range(count):
        text = texts[n % len(texts)]
        paragraphs = text.split("\n\n")
        turn = (n // len(texts)) % len(paragraphs)
        body = "\n\n".join(paragraphs[turn:] + paragraphs[:turn])
        path = os.path.join(folder, "files", f"{n:06d}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(body)
        articles.append({"id": path, "text": body} if n % 2 else {"id": path, "path": path})
    stream = os.path.join(folder, "articles.jsonl")
    with open(stream, "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    return stream, [a["id"] for a in articles]

def peak_memory_mib(command, stdin):
    """Runs command with stdin from a file; its peak resident memory in MiB."""
    with open(stdin, "rb") as inp:
        child = subprocess.Popen(command, stdin=inp, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{command} failed")
    return usage.ru_maxrss / 1024

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("copydesk")
    parser.add_argument("news_clean")
    parser.add_argument("--articles", type=int)
    parser.add_argument("--memory", action="store_true")
    args = parser.parse_args()
    copydesk, news_clean = args.copydesk, args.news_clean
    if not os.path.isdir(news_clean):
        print(f"skipped: {news_clean} is not there")
        return 77
    count = args.articles or 2 * len([f for f in os.listdir(news_clean) if f.endswith(".txt")])
    with tempfile.TemporaryDirectory(prefix="copydesk-recipe-") as folder:
        stream, ids = build(news_clean, folder, count)
        # The README's recipe, with blocks small enough to give several copydesk processes.
        recipe = ["parallel", "--pipe", "--block", "200k", "--keep-order",
                  copydesk, "check", "--jsonl", "--jobs", "1", "--fail-on", "none"]
        with open(stream, "rb") as inp:
            out = subprocess.run(recipe, stdin=inp, capture_output=True, check=True).stdout
        results = [json.loads(line) for line in out.decode("utf-8").splitlines()]
        files = json.loads(subprocess.run([copydesk, "check", "--format", "json", "--fail-on", "none",
                                           os.path.join(folder, "files")], capture_output=True, check=True).stdout)
        by_path = {f["path"]: f for f in files["files"]}
        wrong = 0
        if [r["id"] for r in results] != ids:
            print("the results are not one per article in input order")
            wrong += 1
        for r in results:
            f = by_path[r["id"]]
            if r.get("words") != f["words"] or r.get("diagnostics") != f["diagnostics"]:
                print(f"{r['id']}: GNU parallel and the file give different findings")
                wrong += 1
        findings = sum(len(r["diagnostics"]) for r in results)
        words = sum(r["words"] for r in results)
        print(f"{len(results)} articles, {words} words, {findings} findings: "
              f"{'the same' if wrong == 0 else f'{wrong} different'} through GNU parallel and as files")
        if args.memory:
            tenth = os.path.join(folder, "tenth.jsonl")
            with open(stream, encoding="utf-8") as f, open(tenth, "w", encoding="utf-8") as t:
                t.writelines(line for n, line in enumerate(f) if n < count // 10)
            one = [copydesk, "check", "--jsonl", "--fail-on", "none"]
            small, large = peak_memory_mib(one, tenth), peak_memory_mib(one, stream)
            print(f"peak memory of one copydesk --jsonl: {small:.0f} MiB over {count // 10} articles, "
                  f"{large:.0f} MiB over {count}")
        return 1 if wrong else 0

sys.exit(main())
