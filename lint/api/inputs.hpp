// Progress over the inputs of a run, shared by checks, corpus streams and name learning.
#pragma once
#include "copydesk/copydesk.hpp"
#include "source/source.hpp"

namespace copydesk {

// A run over these inputs before any is checked: how many, how many bytes.
Progress progress_over(const Inputs& inputs);
// One more input done, of these bytes and words.
void count_done(Progress& progress, const Source& source, std::size_t words);

}  // namespace copydesk
