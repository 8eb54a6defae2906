#include "document/abbreviations.hpp"

#include <algorithm>
#include <array>

namespace copydesk {
namespace {

// Titles, ranks and months as news style abbreviates them before a name or a number.
constexpr std::array<std::string_view, 38> kPrefixes = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gov", "Sen", "Rep", "Reps", "Sens", "Gen", "Lt", "Col",
    "Maj", "Capt", "Cmdr", "Adm", "Sgt", "Cpl", "Pvt", "Rev", "Msgr", "Fr", "Ft", "Mt", "Jan",
    "Feb", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs", "Gens", "Supt", "Atty", "Hon"};

// These also end sentences ("King Jr. The group", "Main St. The mayor").
constexpr std::array<std::string_view, 26> kOthers = {
    "U.S", "U.K", "U.N", "E.U", "D.C", "Inc", "Co", "Corp", "Ltd", "Bros", "etc", "a.m", "p.m",
    "e.g", "i.e", "approx", "est", "Dept", "Univ", "Assn", "Jr", "Sr", "St", "No", "Nos", "v"};

// Pronouns, determiners, conjunctions and prepositions that open most news sentences.
constexpr std::array<std::string_view, 60> kSentenceStarters = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "His",
    "Her", "Their", "Our", "Its", "My", "In", "On", "At", "For", "But", "And", "Or", "So", "If", "When",
    "While", "After", "Before", "As", "There", "What", "Who", "How", "Why", "Many", "Some", "Most", "Both",
    "All", "No", "Yet", "Still", "Since", "During", "With", "By", "From", "To", "One", "Officials", "Now",
    "Then", "Last", "Earlier", "Meanwhile"};

}  // namespace

bool starts_sentences(std::string_view word) {
  return std::find(kSentenceStarters.begin(), kSentenceStarters.end(), word) != kSentenceStarters.end();
}

bool is_prefix_abbreviation(std::string_view word) {
  return std::find(kPrefixes.begin(), kPrefixes.end(), word) != kPrefixes.end();
}

bool is_abbreviation(std::string_view word) {
  return is_prefix_abbreviation(word) || std::find(kOthers.begin(), kOthers.end(), word) != kOthers.end();
}

}  // namespace copydesk
