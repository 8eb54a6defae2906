#include "spell/word_forms.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "base/compiled_tables.hpp"
#include "base/mapped_file.hpp"
#include "base/text.hpp"
#include "spell/word_list.hpp"

namespace copydesk {
namespace {

constexpr std::string_view kMagic = "CDFORMS1";
// Hunspell gives up on longer words; the file decides none of that length.
constexpr std::size_t kMaxBytes = 100;

// Characters whose every casing, in ICU's tables and Hunspell's own alike, is one the
// forms were compiled in: letters of Latin script whose simple case mappings stay there
// (ASCII, Latin-1, Latin Extended-A; not the dotted and dotless i of Turkish casing, the
// long s whose capital is S, nor ŉ), and marks and letters without case (the
// apostrophe, the dot, ‘, Hebrew). Not digits (Hunspell makes compounds of them), spaces
// and controls (it trims), < and > (its XML input), the hyphen (it breaks words there).
bool decidable(UChar32 c) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    return c > 0x20 && c < 0x7F && !(c >= '0' && c <= '9') && c != '-' && c != '<' && c != '>';
  }
  if (c >= 0xC0 && c <= 0x17F) return c != 0x130 && c != 0x131 && c != 0x149 && c != 0x17F;
  return c <= 0xFFFF && u_toupper(c) == c && u_tolower(c) == c && !u_isdigit(c) && !u_isspace(c) &&
         !u_iscntrl(c) && c != 0xFFFD;
}

// Whether the forms decide the word as Hunspell reads it whole: every character
// decidable (hyphens too when `hyphens`), and no final dot (an abbreviation's, which
// Hunspell looks up both ways).
bool decided_by_forms(std::string_view word, bool hyphens) {
  if (word.empty() || word.size() >= kMaxBytes || word.back() == '.') return false;
  const auto n = static_cast<std::int32_t>(word.size());
  for (std::int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(word.data(), i, n, c);
    if (!decidable(c) && !(hyphens && c == '-')) return false;
  }
  return true;
}

enum class Casing { Lower, Upper, Title };

// A word of Latin letters in one casing, letter by letter, as Hunspell cases words.
std::string recase(std::string_view word, Casing casing) {
  std::string out;
  const auto n = static_cast<std::int32_t>(word.size());
  for (std::int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(word.data(), i, n, c);
    if (c < 0) c = 0xFFFD;  // not UTF-8: no form of a dictionary
    const bool upper = casing == Casing::Upper || (casing == Casing::Title && out.empty());
    const UChar32 m = upper ? u_toupper(c) : u_tolower(c);
    char buffer[U8_MAX_LENGTH];
    std::int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, m);
    out.append(buffer, static_cast<std::size_t>(length));
  }
  return out;
}

// Size and content hash of a file, or nothing when it cannot be read.
std::optional<std::pair<std::uint64_t, std::uint64_t>> fingerprint(const std::string& file) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) return std::nullopt;
  if (size == 0) return std::pair<std::uint64_t, std::uint64_t>{0, std::hash<std::string_view>{}({})};
  const auto mapping = MappedFile::map(file);
  if (!mapping) return std::nullopt;
  return std::pair<std::uint64_t, std::uint64_t>{mapping->bytes().size(), std::hash<std::string_view>{}(mapping->bytes())};
}

std::vector<std::string> fields(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string f; in >> f;) out.push_back(f);
  return out;
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A Hunspell .dic of these roots: their number, then one a line.
std::string dictionary_of(const std::vector<std::string>& roots) {
  std::string dic = std::to_string(roots.size()) + "\n";
  for (const std::string& root : roots) dic += root + "\n";
  return dic;
}

// What the compiled forms need to know of an affix file, and the options under which
// they could not stand for Hunspell's verdicts.
struct AffixFacts {
  std::vector<std::pair<std::string, std::string>> conversions;  // ICONV
  std::string compound_flags;  // flags that let a root into a compound
};

AffixFacts read_affix_file(const std::string& aff) {
  std::ifstream in(aff);
  if (!in) throw std::runtime_error(aff + ": cannot be read");
  AffixFacts facts;
  bool rules_counted = false;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::vector<std::string> f = fields(line);
    if (f.empty()) continue;
    const std::string& key = f[0];
    const auto unsupported = [&](const std::string& why) {
      throw std::runtime_error(aff + ":" + std::to_string(number) + ": " + key + ": " + why);
    };
    // Options that change how Hunspell reads flags, splits or cases words.
    if (key == "FLAG" || key == "AF" || key == "BREAK" || key == "IGNORE" || key == "CHECKSHARPS" ||
        key == "LANG" || key == "COMPLEXPREFIXES" || key == "CIRCUMFIX")
      unsupported("not an option the compiled forms follow");
    if (key == "ICONV" && f.size() == 3) facts.conversions.emplace_back(f[1], f[2]);
    if (key == "COMPOUNDRULE" && f.size() == 2) {
      if (!rules_counted) rules_counted = true;  // the first line counts the rules
      else for (char c : f[1]) if (c != '*' && c != '?' && c != '(' && c != ')') facts.compound_flags.push_back(c);
    }
    if ((key == "COMPOUNDFLAG" || key == "COMPOUNDBEGIN" || key == "COMPOUNDMIDDLE" || key == "COMPOUNDEND" ||
         key == "COMPOUNDLAST" || key == "ONLYINCOMPOUND") && f.size() == 2)
      facts.compound_flags += f[1];
    // An affix that adds a digit, or affixes of its own, would make forms unmunch and the
    // digit dictionary do not list.
    if ((key == "SFX" || key == "PFX") && f.size() >= 5) {
      const std::string& add = f[3];
      if (add.find('/') != std::string::npos) unsupported("twofold affixes are not followed");
      if (has_digit(add)) unsupported("an affix that adds a digit is not followed");
    }
  }
  return facts;
}

// A root line of a .dic: the word, and its flags.
std::pair<std::string_view, std::string_view> root_of(std::string_view line) {
  const std::size_t end = std::min(line.find_first_of(" \t"), line.size());
  line = line.substr(0, end);
  const std::size_t slash = line.find('/');
  if (slash == std::string_view::npos) return {line, {}};
  return {line.substr(0, slash), line.substr(slash + 1)};
}

// Hunspell's classes of capitals: none, the first only, all (letters; marks count
// either way), mixed.
enum class Capitals { None, Initial, All, Mixed };

Capitals capitals_of(std::string_view word) {
  std::size_t letters = 0, capitals = 0, neutral = 0;
  bool first_capital = false;
  const auto n = static_cast<std::int32_t>(word.size());
  for (std::int32_t i = 0; i < n; ++letters) {
    UChar32 c;
    U8_NEXT(word.data(), i, n, c);
    if (u_tolower(c) != c) {
      ++capitals;
      if (letters == 0) first_capital = true;
    } else if (u_toupper(c) == c) {
      ++neutral;
    }
  }
  if (capitals == 0) return Capitals::None;
  if (capitals == 1 && first_capital) return Capitals::Initial;
  if (capitals == letters || capitals + neutral == letters) return Capitals::All;
  return Capitals::Mixed;
}

}  // namespace

std::string WordForms::capitalized_roots(const std::vector<std::string>& files) {
  std::vector<std::string> roots;
  for (std::size_t i = 1; i < files.size(); ++i)
    for (const std::string& entry : read_word_list(files[i]).entries) {
      const auto [root, flags] = root_of(entry);
      const Capitals capitals = capitals_of(root);
      if (capitals != Capitals::Mixed && !(capitals == Capitals::All && !flags.empty())) continue;
      std::string line = recase(root, Casing::Title);
      if (!flags.empty()) line.append("/").append(flags);
      roots.push_back(std::move(line));
    }
  return dictionary_of(roots);
}

std::filesystem::path WordForms::digit_dictionary_path(const std::filesystem::path& compiled) {
  std::filesystem::path dic = compiled;
  return dic.replace_extension(".digits.dic");
}

std::shared_ptr<const WordForms> WordForms::matching(const std::filesystem::path& data_dir, const std::string& language,
                                                     const std::vector<std::string>& files) {
  const std::string name = "word-forms." + language + ".bin";
  std::error_code ec;
  for (const std::filesystem::path& file : {data_dir / name, std::filesystem::path(COPYDESK_BUILD_DIR) / name}) {
    if (!std::filesystem::is_regular_file(file, ec) || !std::filesystem::is_regular_file(digit_dictionary_path(file), ec))
      continue;
    auto forms = std::make_shared<const WordForms>(file);
    return forms->made_from(files) ? forms : nullptr;
  }
  return nullptr;
}

WordForms::WordForms(const std::filesystem::path& compiled)
    : mapping_(MappedFile::map(compiled)), digit_dictionary_(digit_dictionary_path(compiled)) {
  const std::string name = compiled.string();
  if (!mapping_ || !mapping_->bytes().starts_with(kMagic))
    throw std::runtime_error("word forms: " + name + " is not a compiled word forms file");
  TableReader tables(mapping_->bytes(), kMagic.size(), "word forms", name);
  sources_ = tables.next<std::uint64_t>();
  const std::string_view conversions = tables.next_text();  // "from\0to\0" pairs
  const std::string_view blob = tables.next_text();
  words_ = WordTable(blob, tables.next<std::uint32_t>());
  for (std::size_t at = 0; at < conversions.size();) {
    const std::size_t from_end = conversions.find('\0', at);
    const std::size_t to_end = from_end == std::string_view::npos ? from_end : conversions.find('\0', from_end + 1);
    if (to_end == std::string_view::npos || from_end == at) throw std::runtime_error("word forms: " + name + " is inconsistent");
    conversions_.emplace_back(conversions.substr(at, from_end - at), conversions.substr(from_end + 1, to_end - from_end - 1));
    at = to_end + 1;
  }
  if (sources_.size() % 2 != 0 || sources_.size() < 4 || !words_.consistent()) throw std::runtime_error("word forms: " + name + " is inconsistent");
}

WordForms::Compiled WordForms::compile(const std::vector<std::string>& files, const std::vector<std::string>& forms,
                                       const std::function<bool(const std::string&)>& accepts) {
  if (files.size() < 2) throw std::runtime_error("word forms: an affix file and a dictionary are needed");
  const AffixFacts facts = read_affix_file(files[0]);

  // Every form and its casings that Hunspell accepts.
  StringSet accepted;
  for (const std::string& line : forms) {
    const std::string_view form = root_of(line).first;  // unmunch may keep a root's description
    if (!decided_by_forms(form, true)) continue;
    for (std::string spelling : {std::string(form), recase(form, Casing::Lower), recase(form, Casing::Title),
                                 recase(form, Casing::Upper)})
      if (!accepted.contains(spelling) && accepts(spelling)) accepted.insert(std::move(spelling));
  }

  // The roots a word with a digit can be made of.
  std::vector<std::string> digit_roots;
  for (std::size_t i = 1; i < files.size(); ++i) {
    const WordList list = read_word_list(files[i]);
    for (const std::string& entry : list.entries) {
      const auto [root, flags] = root_of(entry);
      const bool compounds = flags.find_first_of(facts.compound_flags) != std::string_view::npos;
      if (compounds && !has_digit(root))
        throw std::runtime_error(files[i] + ": " + std::string(root) + ": a root without digits that makes compounds");
      if (has_digit(root)) digit_roots.push_back(entry);
    }
  }

  Compiled out;
  out.digit_dictionary = dictionary_of(digit_roots);

  std::vector<std::uint64_t> sources;
  for (const std::string& file : files) {
    const auto print = fingerprint(file);
    if (!print) throw std::runtime_error(file + ": cannot be read");
    sources.push_back(print->first);
    sources.push_back(print->second);
  }
  std::string conversions;
  for (const auto& [from, to] : facts.conversions) conversions.append(from).append(1, '\0').append(to).append(1, '\0');
  std::vector<std::string_view> sorted(accepted.begin(), accepted.end());
  std::sort(sorted.begin(), sorted.end());
  std::string blob;
  std::vector<std::uint32_t> offsets;
  WordTable::append(sorted, blob, offsets);

  out.forms.assign(kMagic);
  append_table(out.forms, std::span<const std::uint64_t>(sources));
  append_table(out.forms, std::span<const char>(conversions.data(), conversions.size()));
  append_table(out.forms, std::span<const char>(blob.data(), blob.size()));
  append_table(out.forms, std::span<const std::uint32_t>(offsets));
  return out;
}

bool WordForms::made_from(const std::vector<std::string>& files) const {
  if (files.size() * 2 != sources_.size()) return false;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto print = fingerprint(files[i]);
    if (!print || print->first != sources_[2 * i] || print->second != sources_[2 * i + 1]) return false;
  }
  return true;
}

std::optional<bool> WordForms::accepts(std::string_view word, const Also& also) const {
  if (word.size() >= kMaxBytes) return std::nullopt;
  // Hunspell converts the input first (the curly apostrophe to a straight one); at each
  // place the longest conversion that matches.
  std::string converted;
  bool changed = false;
  for (std::size_t at = 0; at < word.size();) {
    const std::pair<std::string_view, std::string_view>* best = nullptr;
    for (const auto& c : conversions_)
      if (word.substr(at).starts_with(c.first) && (best == nullptr || c.first.size() > best->first.size())) best = &c;
    if (best != nullptr) {
      if (!changed) converted.assign(word.substr(0, at));
      changed = true;
      converted.append(best->second);
      at += best->first.size();
    } else {
      if (changed) converted.push_back(word[at]);
      ++at;
    }
  }
  const std::string_view input = changed ? std::string_view(converted) : word;
  const std::size_t hyphen = input.find('-');
  if (hyphen == std::string_view::npos) return verdict_without_hyphen(input, also);
  // Hunspell takes a word as the dictionary has it ("e-mail"), else breaks it at a hyphen
  // and takes it when both sides are words; with one hyphen inside, that is all it does.
  if (hyphen == 0 || hyphen + 1 == input.size() || input.find('-', hyphen + 1) != std::string_view::npos ||
      !decided_by_forms(input, true))
    return std::nullopt;
  if (words_.contains(input) || (also && also(std::string(input)))) return true;
  std::string left(input.substr(0, hyphen)), right(input.substr(hyphen + 1));
  // A word in capitals is broken as Hunspell left it after trying its casings: with only
  // its first letter a capital ("P-PDSA" as "P" and "pdsa").
  if (capitals_of(input) == Capitals::All) {
    left = recase(left, Casing::Title);
    right = recase(right, Casing::Lower);
  }
  const std::optional<bool> left_known = verdict_without_hyphen(left, also),
                            right_known = verdict_without_hyphen(right, also);
  if (left_known == false || right_known == false) return false;
  if (left_known && right_known) return true;
  return std::nullopt;
}

std::optional<bool> WordForms::verdict_without_hyphen(std::string_view word, const Also& also) const {
  if (!decided_by_forms(word, false)) return std::nullopt;
  return words_.contains(word) || (also && also(std::string(word)));
}

bool WordForms::for_digit_dictionary(std::string_view word) {
  return has_digit(word) && word.find('-') == std::string_view::npos;
}

}  // namespace copydesk
