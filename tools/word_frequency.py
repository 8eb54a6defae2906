#!/usr/bin/env python3
"""Make dictionaries/word-frequency.tsv: how often each word occurs in UD English EWT.

usage: word_frequency.py CONLLU... > dictionaries/word-frequency.tsv

Counts surface words as copydesk's tokenizer sees them: a contraction that the treebank
splits into parts ("don't" = "do" + "n't") counts once, as written; case is folded and
curly apostrophes straightened. Each word also gets the universal part of speech it
carries most often, which the repetition checks use to tell function words from content
words. Punctuation, symbols and numbers are left out; so are words seen only once.
"""
import collections
import sys

MIN_COUNT = 2
SKIPPED_UPOS = {"PUNCT", "SYM", "NUM", "X"}


def normal(form):
    return form.replace("\u2019", "'").lower()


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    counts = collections.Counter()
    tags = collections.defaultdict(collections.Counter)
    total = 0
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            skip_until = 0  # the last part of a contraction already counted
            for line in f:
                if not line.strip():  # a sentence ends; its word numbers start again
                    skip_until = 0
                    continue
                if line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                ident, form, upos = cols[0], cols[1], cols[3]
                if "." in ident:  # an empty node of the enhanced graph: no text
                    continue
                if "-" in ident:  # a contraction: count its surface form, tagged as its first part
                    first, last = (int(x) for x in ident.split("-"))
                    skip_until = last
                    pending = normal(form)
                    continue
                n = int(ident)
                if n <= skip_until:
                    if n == first:
                        counts[pending] += 1
                        tags[pending][upos] += 1
                        total += 1
                    continue
                if upos in SKIPPED_UPOS:
                    continue
                word = normal(form)
                counts[word] += 1
                tags[word][upos] += 1
                total += 1
    out = sys.stdout
    out.write("# Word frequencies from Universal Dependencies English EWT v2.15\n")
    out.write("# (https://github.com/UniversalDependencies/UD_English-EWT), licensed CC BY-SA 4.0;\n")
    out.write("# this derived list is shared under the same licence.\n")
    out.write("# Made by tools/word_frequency.py from en_ewt-ud-{train,dev,test}.conllu.\n")
    out.write(f"# words counted: {total}; words seen fewer than {MIN_COUNT} times are left out.\n")
    out.write("# word<TAB>count<TAB>most frequent UPOS\n")
    for word, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if count < MIN_COUNT or "\t" in word:
            continue
        out.write(f"{word}\t{count}\t{tags[word].most_common(1)[0][0]}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
