# copydesk: make demo | make test | make bench | make install | make readme-rules | make tagger | make garble-figures | make fuzz | make sanitize
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: setup build demo test bench install readme-rules tagger garble-figures fuzz sanitize clean

setup:
	@sh tools/setup.sh

build: setup
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# Lints the bundled example article (exit status 1 there means: findings, as expected).
demo: build
	@$(BUILD)/copydesk check examples/article.txt || [ $$? -eq 1 ]

test: build
	@sh tools/setup.sh test
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Corpus mode: 10,000 articles through the GNU parallel recipe, the same findings as
# checked as files, and the peak memory of one process over all and over a tenth.
bench: build
	@sh tools/setup.sh bench
	@$(BUILD)/copydesk_bench --benchmark_counters_tabular=true
	@sh bench/cli_bench.sh $(BUILD)/copydesk
	@python3 tests/corpus_recipe.py $(BUILD)/copydesk ../shared/corpus/news-clean --articles 10000 --memory

install: build
	@cmake --install $(BUILD)

# Writes the README's table of rules from the rules themselves (a test checks it agrees).
readme-rules: build
	@$(BUILD)/copydesk rules --format markdown > $(BUILD)/rules.md
	@python3 tools/replace_block.py README.md rules $(BUILD)/rules.md

# Retrains the part-of-speech model from UD English EWT (../shared/corpus/ud-english-ewt).
tagger: build
	@$(BUILD)/tools/train_tagger ../shared/corpus/ud-english-ewt models/en-pos.model

# Rebuilds the labelled sentences of garbled.unlikely-sentence (needs Debian's apertium
# and four language pairs for the round trips) and prints its held-out figures.
GARBLE_DATA ?= build/garble-data
garble-figures: build
	@apt-get install -y -qq --no-install-recommends apertium apertium-eng-spa apertium-eng-cat apertium-en-gl apertium-eo-en >/dev/null
	@python3 tools/garbled_data.py ../shared $(GARBLE_DATA)
	@$(BUILD)/tools/garbled_calibrate < $(GARBLE_DATA)/sentences.tsv > $(GARBLE_DATA)/features.tsv
	@python3 tools/garbled_fit.py $(GARBLE_DATA)/features.tsv --article-sentences 5 --article-max-slor 0.35 --min-scored 5 --max-slor 0.18

# libFuzzer (needs clang and Debian's libclang-rt-dev): each target for FUZZ_SECONDS,
# inputs up to 64 KB from the start (-len_control=0: libFuzzer's slow growth of the length
# kept a 15-minute run under 400 bytes), with the dictionary of quotes, brackets, tags,
# entities and front matter; new inputs go to fuzz-corpus/<target>, the committed
# fuzz/corpus/<target> seeds it.
FUZZ_SECONDS ?= 300
FUZZ_TARGETS ?= check markdown html config
fuzz: setup
	@command -v clang++ >/dev/null && [ -n "$$(ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a 2>/dev/null)" ] || \
	  apt-get install -y -qq --no-install-recommends clang libclang-rt-dev >/dev/null
	@cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DCOPYDESK_FUZZ=ON -DCOPYDESK_TESTS=OFF -DCOPYDESK_BENCH=OFF >/dev/null
	@cmake --build build-fuzz -j $(JOBS) $(addprefix --target copydesk_fuzz_,$(FUZZ_TARGETS))
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz-corpus/$$t && \
	  build-fuzz/copydesk_fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -len_control=0 -timeout=10 -rss_limit_mb=4096 \
	    -dict=fuzz/copydesk.dict -print_final_stats=1 fuzz-corpus/$$t fuzz/corpus/$$t || exit 1; \
	done

# The tests under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize: setup
	@cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCOPYDESK_SANITIZE=ON -DCOPYDESK_BENCH=OFF >/dev/null
	@cmake --build build-asan -j $(JOBS)
	@cd build-asan && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD) build-fuzz build-asan
