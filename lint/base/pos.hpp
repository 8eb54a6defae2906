// Part-of-speech tags: the Penn Treebank tag set as used by UD English EWT's XPOS column.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace copydesk {

enum class Pos : std::uint8_t {
  None,  // not tagged (no model loaded)
  Dollar, Comma, LRB, RRB, Period, Colon, OpenQuote, CloseQuote, Hash,
  ADD, AFX, CC, CD, DT, EX, FW, GW, HYPH, IN, JJ, JJR, JJS, LS, MD, NFP,
  NN, NNP, NNPS, NNS, PDT, POS, PRP, PRPS, RB, RBR, RBS, RP, SYM, TO, UH,
  VB, VBD, VBG, VBN, VBP, VBZ, WDT, WP, WPS, WRB, XX,
  Count
};

inline constexpr std::array<std::string_view, static_cast<std::size_t>(Pos::Count)> kPosNames = {
  "_", "$", ",", "-LRB-", "-RRB-", ".", ":", "``", "''", "#",
  "ADD", "AFX", "CC", "CD", "DT", "EX", "FW", "GW", "HYPH", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NFP",
  "NN", "NNP", "NNPS", "NNS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH",
  "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", "XX"};

inline std::string_view pos_name(Pos p) { return kPosNames[static_cast<std::size_t>(p)]; }
std::optional<Pos> pos_from_name(std::string_view name);

inline bool is_finite_verb(Pos p) { return p == Pos::VBD || p == Pos::VBZ || p == Pos::VBP || p == Pos::MD; }
inline bool is_verb(Pos p) { return p >= Pos::VB && p <= Pos::VBZ; }
inline bool is_noun(Pos p) { return p == Pos::NN || p == Pos::NNS || p == Pos::NNP || p == Pos::NNPS; }

}  // namespace copydesk
