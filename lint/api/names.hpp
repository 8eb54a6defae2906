// `copydesk names learn`: the spellings of names over many texts, counted.
#pragma once
#include <istream>

#include "copydesk/copydesk.hpp"
#include "engine/engine.hpp"

namespace copydesk {

NameCounts learn_from_inputs(const Engine& engine, const Inputs& inputs, unsigned jobs, const ProgressSink& progress);
NameCounts learn_from_corpus(const Engine& engine, std::istream& jsonl, unsigned jobs, CorpusSummary& summary,
                             const ProgressSink& progress);

}  // namespace copydesk
