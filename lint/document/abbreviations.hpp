// Abbreviations that end in a period without ending a sentence.
#pragma once
#include <string_view>

namespace copydesk {

// "Gov." in "Gov. Newsom", "Jan." in "Jan. 26": the period never ends the sentence.
bool is_prefix_abbreviation(std::string_view word);
// "U.S.", "Inc.", "St.": the period ends the sentence only when a new one follows.
bool is_abbreviation(std::string_view word);

// Words that, capitalized after "U.S." or "St.", begin a new sentence ("in the U.S. The
// …") rather than continue a name ("the U.S. Senate", "St. Louis").
bool starts_sentences(std::string_view word);

}  // namespace copydesk
