// An archive's counts of name spellings: the file `copydesk names learn` writes and
// names.archive-variant reads. One "spelling<TAB>count" a line, in byte order of the
// spellings, so the file is the same however the archive was split, and two files merge
// by summing the counts of equal spellings (`copydesk names merge`, or sort and awk).
#pragma once
#include <filesystem>
#include <istream>
#include <ostream>

#include "copydesk/copydesk.hpp"

namespace copydesk::names {

// Adds the counts a file holds to `counts`; throws InputError at file:line on a line
// that is not a spelling, a tab and a count.
void read_counts(const std::filesystem::path& file, NameCounts& counts);
void write_counts(std::ostream& out, const NameCounts& counts);

}  // namespace copydesk::names
