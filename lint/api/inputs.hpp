// Reading inputs, shared by the files of a run and the paths of a corpus stream.
#pragma once
#include <filesystem>
#include <string>

#include "copydesk/copydesk.hpp"
#include "source/source.hpp"

namespace copydesk {

// A file's bytes; throws InputError when it cannot be read.
std::string read_file(const std::filesystem::path& p);

// A run over these inputs before any is checked: how many, how many bytes.
Progress progress_over(const Inputs& inputs);
// One more input done, of these bytes and words.
void count_done(Progress& progress, const Source& source, std::size_t words);

}  // namespace copydesk
