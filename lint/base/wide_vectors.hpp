// COPYDESK_WIDE_VECTORS before a function compiles it twice, for AVX2 and for any x86-64,
// and the loader picks the one the processor runs: a loop of additions or hashes then
// takes eight floats or four 64-bit values a step, with the same results.
#pragma once

#if defined(__x86_64__) && defined(__linux__) && defined(__GNUC__)
#define COPYDESK_WIDE_VECTORS __attribute__((target_clones("avx2", "default")))
#else
#define COPYDESK_WIDE_VECTORS
#endif
