#include <catch2/catch.hpp>

#include "checks/names/names.hpp"
#include "engine/check.hpp"
#include "engine/engine.hpp"
#include "support.hpp"

using copydesk::test::run_rules;

namespace {
const std::set<std::string> kNames{"names.inconsistent-spelling", "names.unknown-variant"};
}

TEST_CASE("names.inconsistent-spelling flags the minority spelling with the majority one", "[names]") {
  const std::string text =
      "Vandermolen met reporters. Vandermolen said talks would go on. Vandermolen left for Geneva. "
      "Later [[Vandermolin]]{names.inconsistent-spelling} told the press the ball was in Moscow's court.";
  CHECK_ANNOTATED(text, kNames);
  std::string plain = text;
  plain.replace(plain.find("[["), 2, "");
  plain.replace(plain.find("]]{"), std::string("]]{names.inconsistent-spelling}").size(), "");
  const auto d = run_rules(plain, {"names.inconsistent-spelling"});
  REQUIRE(d.size() == 1);
  CHECK(d[0].suggestions == std::vector<std::string>{"Vandermolen"});
  CHECK(d[0].message == "“Vandermolin” looks like a misspelling of “Vandermolen”, which this article uses 3 times.");
  REQUIRE(d[0].related.size() == 1);
  CHECK(d[0].related[0].offset == 0);
}

TEST_CASE("names.inconsistent-spelling prefers the dictionary's spelling, even when it is used less", "[names]") {
  // Stoltenberg is on the names list; the slip is the more frequent one here.
  CHECK_ANNOTATED("[[Stoltenbreg]]{names.inconsistent-spelling} spoke. [[Stoltenbreg]]{names.inconsistent-spelling} "
                  "left. Jens Stoltenberg returned.",
                  kNames);
}

TEST_CASE("names.inconsistent-spelling breaks a tie with the name written in full", "[names]") {
  CHECK_ANNOTATED("Minister Dariusz Wroblenski arrived. Reporters waited for [[Wroblensky]]{names.inconsistent-spelling}.",
                  kNames);
}

TEST_CASE("names.inconsistent-spelling groups case slips, accents and romanisations", "[names]") {
  CHECK_ANNOTATED("Tamsin McAllister spoke. McAllister left. McAllister returned. [[Mcallister]]{names.inconsistent-spelling} waved.",
                  kNames);
  CHECK_ANNOTATED("Ahmet Yılmazer spoke. Yılmazer left. [[Yilmazer]]{names.inconsistent-spelling} waved.", kNames);
  // Accents: use decides, not the dictionary (which drops them); on a tie the accented one.
  CHECK_ANNOTATED("Enrique Peñalosa spoke. [[Penalosa]]{names.inconsistent-spelling} left.", kNames);
  CHECK_ANNOTATED("Zelenskyy spoke. Zelenskyy left. [[Zelensky]]{names.inconsistent-spelling} waved.", kNames);
  CHECK_ANNOTATED("Sergei Lavrov spoke. Sergei Lavrov left. [[Sergey]]{names.inconsistent-spelling} Lavrov waved.", kNames);
  CHECK_ANNOTATED("Yevgeniy Khrenovskiy spoke and Khrenovskiy left. [[Khrenovsky]]{names.inconsistent-spelling} waved.",
                  kNames);
  // The listed spelling wins over the more frequent one.
  CHECK_ANNOTATED("[[Dmitriy]]{names.inconsistent-spelling} Orlenko spoke and [[Dmitriy]]{names.inconsistent-spelling} "
                  "Orlenko left. Dmitry Orlenko waved.",
                  kNames);
}

TEST_CASE("names.inconsistent-spelling finds names in headlines and quotations", "[names]") {
  CHECK_ANNOTATED("[[Blingen]]{names.inconsistent-spelling} Warns Moscow\n\n"
                  "Blinken spoke on Wednesday. “We spoke with Blinken,” an aide said.",
                  kNames);
}

TEST_CASE("names.inconsistent-spelling stays silent on two dictionary names", "[names]") {
  CHECK_ANNOTATED("Iran and Iraq signed a deal. Iran will export gas to Iraq.", kNames);
  CHECK_ANNOTATED("Austria and Australia play today. Austria won last year.", kNames);
  CHECK_ANNOTATED("Jon met John. Jon and John spoke again.", kNames);
  CHECK_ANNOTATED("Mark and Mary arrived. Mark left first.", kNames);
  CHECK_ANNOTATED("Sudan sent a Sedan to the fair. Sudan won.", kNames);
  CHECK_ANNOTATED("Bryan Adams met Brian May; Brian and Bryan played.", kNames);
}

TEST_CASE("names.inconsistent-spelling stays silent on relatives, plurals and other words", "[names]") {
  CHECK_ANNOTATED("Kim Jong Un met his sister Kim Yo Jong. Kim Jong Un spoke.", kNames);
  CHECK_ANNOTATED("Ivana Trump and Ivanka Trump arrived. Ivanka Trump spoke.", kNames);
  CHECK_ANNOTATED("Anneke Vondrak and her sister Anneka Vondrak arrived. Anneke Vondrak spoke.", kNames);
  CHECK_ANNOTATED("The Kennedys gathered. Robert Kennedy spoke and Kennedy left.", kNames);
  CHECK_ANNOTATED("Israel and Israeli officials met. Israel said so.", kNames);
  // Hamad opens a longer name; Hamas is a movement.
  CHECK_ANNOTATED("Hamas freed hostages. Hamas said so. Sheikh Tamim bin Hamad Al Thani thanked them.", kNames);
  // Each spelling beside names of its own: two people.
  CHECK_ANNOTATED("Deputy Director Nancy Levenson spoke. The Robert Levinson Act passed. Levinson was honoured.", kNames);
  // A common word capitalized is no name's twin.
  CHECK_ANNOTATED("The Policia Nacional met the National Guard. National Guard units left. The Finnish and "
                  "Finish teams met.",
                  kNames);
  // Too short to tell a slip from another name.
  CHECK_ANNOTATED("Omar met Omer. Omar left.", kNames);
  // Different first letters are different names.
  CHECK_ANNOTATED("Vellinger spoke. Vellinger left. Bellinger waved.", kNames);
}

TEST_CASE("names.inconsistent-spelling leaves sentence-initial words and ties alone", "[names]") {
  // "Although" opens a sentence; "Althoug" is nothing it could be a slip of.
  CHECK_ANNOTATED("Although Mr Althoug spoke, nobody listened.", kNames);
  // One use each and neither written in full: no way to tell which is right.
  CHECK_ANNOTATED("Vorlanski spoke. Vorlansky left.", kNames);
}

TEST_CASE("names.unknown-variant flags a near miss of a listed name used once", "[names]") {
  CHECK_ANNOTATED("NATO Secretary General Jens [[Stoltenbreg]]{names.unknown-variant} spoke in Brussels.", kNames);
  CHECK_ANNOTATED("Governor Ron [[Desantis]]{names.unknown-variant} spoke.", kNames);
  // A neighbouring key struck: m for n.
  const auto d = run_rules("Secretary of State Antony Blimken spoke.", {"names.unknown-variant"});
  REQUIRE(d.size() == 1);
  CHECK(d[0].suggestions == std::vector<std::string>{"Blinken"});
}

TEST_CASE("names.unknown-variant stays silent on listed names, house styles and unlisted names", "[names]") {
  CHECK_ANNOTATED("Lavrov met Stoltenberg, Kylie Atwood and Jens Stoltenberg in Brussels.", kNames);
  // Other romanisations and accentings of listed names are house styles.
  CHECK_ANNOTATED("Zelenskiy met Erdogan and Sergey Lavrov.", kNames);
  CHECK_ANNOTATED("Nato and Unicef officials met.", kNames);
  // Unlisted names far from any listed one, and plurals of listed ones.
  CHECK_ANNOTATED("Wexford Quarrington met the Stoltenbergs.", kNames);
  // Six letters or fewer: a one-letter change is as often another real name.
  CHECK_ANNOTATED("The National Theatre Vasile Alecsandri reopened.", kNames);
}

TEST_CASE("names.unknown-variant does not correct a rare correct name into a listed one", "[names]") {
  // Another romanisation (a for o) and another surname (i for r): letters far apart on
  // the keyboard are no slip of the fingers.
  CHECK_ANNOTATED("Belarusian leader Alexander Lukashenka met the opposition.", kNames);
  CHECK_ANNOTATED("Professor Dana Sheiman of the university spoke.", kNames);
  CHECK_ANNOTATED("Secretary of State Antony Blinkin spoke.", kNames);
  // A letter fewer, or another last letter, makes another name as often as a slip.
  CHECK_ANNOTATED("Director Renee Ratcliff and the Eurostar train operator met.", kNames);
}

TEST_CASE("names.inconsistent-spelling catches a name one letter shorter in the same article", "[names]") {
  CHECK_ANNOTATED("Curator Anja Maurer opened the show. Maurer said it took years. [[Mauer]]{names.inconsistent-spelling} "
                  "thanked the donors.",
                  kNames);
  // A letter changed, not dropped, in two short unknown names: two people.
  CHECK_ANNOTATED("Lorna Kvist met Pavel Kvest.", kNames);
}

TEST_CASE("names keys and distances", "[names]") {
  using namespace copydesk::names;
  CHECK(latin_key("Erdoğan") == "erdogan");
  CHECK(latin_key("McDonald") == "mcdonald");
  // Latin letters that do not decompose: the letter their Unicode name gives.
  CHECK(latin_key("Støre") == "store");
  CHECK(latin_key("Jarosław") == "jaroslaw");
  CHECK(latin_key("Kılıçdaroğlu") == "kilicdaroglu");
  CHECK(latin_key("Đukanović") == "dukanovic");
  CHECK(latin_key("Æsir") == "aesir");
  CHECK(latin_key("Straße") == "strasse");
  CHECK(latin_key("O’Brien") == latin_key("O'Brien"));
  // Another script, or a letter whose name gives no base (THORN, ETH): romanised.
  CHECK(latin_key("Зеленский") == "zelenskij");
  CHECK(latin_key("Þór") == "thor");
  CHECK(latin_key("Guðmundsson") == "gudmundsson");
  CHECK(loose_key(latin_key("Zelenskyy")) == loose_key(latin_key("Zelenskiy")));
  CHECK(loose_key(latin_key("Alexei")) == loose_key(latin_key("Aleksey")));
  CHECK(edit_distance("blinken", "blingen", 2) == 1);
  CHECK(edit_distance("stoltenberg", "stoltenbreg", 2) == 1);
  CHECK(edit_distance("iran", "australia", 2) == 3);
  const DeletionIndex index(Limits{5, 10, 0}, std::vector<Spelling>{{"Blinken", false}, {"Lavrov", false}, {"Zelenskyy", false}});
  CHECK(index.near(Spelling("Blingen", false)) == std::vector<std::uint32_t>{0});
  CHECK(index.near(Spelling("Lavrow", false)) == std::vector<std::uint32_t>{1});
  CHECK(index.near(Spelling("Zelenskiy", false)) == std::vector<std::uint32_t>{2});  // by the loose key
  CHECK(index.near(Spelling("Moscow", false)).empty());
  CHECK(DeletionIndex(Limits{5, 10, 0}).near(Spelling("Blinken", false)).empty());
}

TEST_CASE("names.inconsistent-spelling catches a slip of a short known name the article uses", "[names]") {
  CHECK_ANNOTATED("Prime Minister Rishi Sunak spoke. Sunak said the talks would go on. Later, [[Sunal]]{names.inconsistent-spelling} "
                  "told reporters that Sunak had been clear.",
                  kNames);
  // A letter added at the end is a slip unless it makes a plural or a demonym.
  CHECK_ANNOTATED("President Emmanuel Macron met Macron’s aides; [[Macrone]]{names.inconsistent-spelling} left first.",
                  kNames);
}

TEST_CASE("names.inconsistent-spelling leaves two unknown short names alone", "[names]") {
  CHECK_ANNOTATED("Lorna Kvist met Lorna Kvest and both Kvests at the Kvist farm.", kNames);
}

TEST_CASE("names deletion index: two edits for long keys, and the index joined with itself", "[names]") {
  using namespace copydesk::names;
  const Limits limits{5, 10, 0};
  // "stoltenberg" has 11 letters: two deletions reach "stltenbrg"; three do not.
  const DeletionIndex long_key(limits, std::vector<Spelling>{{"Stoltenberg", false}});
  CHECK(long_key.near(Spelling("Stltenbrg", false)) == std::vector<std::uint32_t>{0});
  CHECK(long_key.near(Spelling("Stltnbrg", false)).empty());

  const std::vector<Spelling> spellings{{"Blinken", false},   {"Blingen", false},   {"Lavrov", false}, {"Zelenskyy", false},
                                        {"Zelenskiy", false}, {"Moscow", false},    {"Blinkenn", false}};
  const DeletionIndex index(limits, spellings);
  const std::vector<std::vector<std::uint32_t>> near = index.neighbours();
  REQUIRE(near.size() == spellings.size());
  // What near() finds for each, but the spelling itself.
  for (std::size_t i = 0; i < spellings.size(); ++i) {
    std::vector<std::uint32_t> expected = index.near(spellings[i]);
    std::erase(expected, static_cast<std::uint32_t>(i));
    INFO(spellings[i].text);
    CHECK(near[i] == expected);
  }
  CHECK(near[0] == std::vector<std::uint32_t>{1, 6});  // a letter changed; a letter doubled
  CHECK(near[3] == std::vector<std::uint32_t>{4});     // romanised
  CHECK(near[2].empty());                              // Lavrov and Moscow: nothing near
  CHECK(near[5].empty());
  CHECK(DeletionIndex(limits).neighbours().empty());
}

TEST_CASE("names deletion index: the deletions' hashes from prefixes and suffixes are those of the strings deleted",
          "[names]") {
  using namespace copydesk::names;
  const Limits limits{5, 10, 0};
  // Every string made by deleting up to `edits` bytes, made one by one.
  const auto deletions = [](const std::string& key, std::size_t edits) {
    std::set<std::string> out{key};
    for (std::size_t round = 0; round < edits; ++round)
      for (const std::string& s : std::set<std::string>(out))
        for (std::size_t p = 0; p < s.size(); ++p) out.insert(s.substr(0, p) + s.substr(p + 1));
    return out;
  };
  // Short and long keys, doubled letters, upper and lower case folded alike, and a key
  // of bytes above ASCII (set by hand: latin_key romanises every letter it meets).
  std::vector<Spelling> spellings;
  for (const char* text : {"Blinken", "BLINKEN", "Blingen", "Bliken", "Kelly", "Kely", "Stoltenberg", "Stltenbrg",
                           "Stoltenbrg", "Stoltenbergs", "Zelenskyy", "Zelensky", "Lavrov", "Lavorv", "Abcdefghij",
                           "Bacdefghji"})
    spellings.emplace_back(text, false);
  Spelling greek("Omega", false), greek_slip("Omegg", false);
  greek.key = "\xCE\xA9\xCE\xBC\xCE\xAD\xCE\xB3\xCE\xB1";
  greek_slip.key = "\xCE\xA9\xCE\xBC\xCE\xAD\xCE\xB3g";
  greek.loose = loose_key(greek.key);
  greek_slip.loose = loose_key(greek_slip.key);
  spellings.push_back(greek);
  spellings.push_back(greek_slip);
  const DeletionIndex index(limits, spellings);
  for (std::size_t i = 0; i < spellings.size(); ++i) {
    const std::set<std::string> mine = deletions(spellings[i].key, edits_allowed(spellings[i].key.size(), limits));
    std::vector<std::uint32_t> expected;
    for (std::size_t j = 0; j < spellings.size(); ++j) {
      const std::set<std::string> theirs = deletions(spellings[j].key, edits_allowed(spellings[j].key.size(), limits));
      const bool shared = std::any_of(mine.begin(), mine.end(), [&](const std::string& v) { return theirs.count(v) > 0; });
      if (shared || spellings[i].loose == spellings[j].loose) expected.push_back(static_cast<std::uint32_t>(j));
    }
    INFO(spellings[i].text);
    CHECK(index.near(spellings[i]) == expected);
  }
  CHECK(variant_hash("blinken") != variant_hash("blingen"));
  CHECK(variant_hash("ab") != variant_hash("ba"));
}

TEST_CASE("names deletion index: a common word capitalized is found by its key alone", "[names]") {
  using namespace copydesk::names;
  const Limits limits{5, 10, 0};
  Spelling slip("Blingen", false), accented("Blínken", false);
  slip.common = accented.common = true;
  // relation() pairs a common word with no other spelling of another key, so the index
  // need not find one.
  CHECK(relation(Spelling("Blinken", false), slip, limits) == Relation::None);
  CHECK(relation(Spelling("Blinken", false), accented, limits) == Relation::Accents);
  const DeletionIndex index(limits, std::vector<Spelling>{{"Blinken", false}, slip, accented});
  CHECK(index.near(slip) == std::vector<std::uint32_t>{1});
  CHECK(index.near(accented) == std::vector<std::uint32_t>{0, 2});
  CHECK(index.neighbours() == std::vector<std::vector<std::uint32_t>>{{2}, {}, {0}});
}

TEST_CASE("names checks share one collection of a document's names", "[names]") {
  using namespace copydesk;
  const Engine& engine = test::shipped();
  const Engine::Worker worker(engine);
  const Resources& res = worker.resources();
  const names::NameList list(engine.context().dictionaries);
  const Source first("first.txt", "Vandermolen met Blinken. Vandermolen left.", Format::Plain);
  const Document doc(first, res.speller, nullptr);
  const std::vector<names::Form>& forms = names::document_forms(doc, res, list);
  CHECK(&names::document_forms(doc, res, list) == &forms);  // collected once
  const std::vector<names::Form> fresh = names::collect_forms(doc, *res.speller, list);
  REQUIRE(forms.size() == fresh.size());
  for (std::size_t i = 0; i < forms.size(); ++i) {
    CHECK(forms[i].text == fresh[i].text);
    CHECK(forms[i].uses.size() == fresh[i].uses.size());
  }
  REQUIRE(forms.size() == 2);
  CHECK(forms[0].uses.size() == 2);
  // The next document's are its own.
  res.memo.clear();
  const Source second("second.txt", "Lavrov spoke.", Format::Plain);
  const Document next(second, res.speller, nullptr);
  const std::vector<names::Form>& next_forms = names::document_forms(next, res, list);
  REQUIRE(next_forms.size() == 1);
  CHECK(next_forms[0].text == "Lavrov");
}

TEST_CASE("names: the spellings of one key are told apart as written, a possessive joined to its word", "[names]") {
  using namespace copydesk;
  const Engine& engine = test::shipped();
  const Engine::Worker worker(engine);
  const Resources& res = worker.resources();
  const names::NameList list(engine.context().dictionaries);
  // "Vandermolen", its possessives with either apostrophe and a mixed-case slip share a
  // folded key; so do "Zürich" and "ZüRich". "Lea", a word, opens a sentence: no name.
  const Source source("keys.txt",
                      "Joe Vandermolen met Vandermolen's aides. Vandermolen’s envoy and VanderMolen left. "
                      "Lea Zürich, Zürich’s mayor, met ZüRich Vandermolen and Zürich Vandermolen.",
                      Format::Plain);
  const Document doc(source, res.speller, nullptr);
  const std::vector<names::Form>& forms = names::document_forms(doc, res, list);
  std::vector<std::pair<std::string, std::size_t>> seen;
  for (const names::Form& f : forms) seen.emplace_back(f.text, f.uses.size());
  CHECK(seen == std::vector<std::pair<std::string, std::size_t>>{
                    {"Joe", 1}, {"Vandermolen", 5}, {"VanderMolen", 1}, {"Zürich", 3}, {"ZüRich", 1}});
  REQUIRE(forms.size() == 5);
  // Its neighbours' keys by number: "ZüRich" and "Zürich" have one key, "Joe" another.
  REQUIRE(forms[1].preceders.size() == 3);
  CHECK(forms[1].preceders[1] == forms[1].preceders[2]);
  CHECK(forms[1].preceders[0] != forms[1].preceders[1]);
  CHECK(forms[4].followers == std::vector<std::uint32_t>{forms[3].followers.at(0)});
  REQUIRE(forms[3].preceders.size() == 1);  // "Lea"
  CHECK(forms[3].preceders[0] != forms[1].preceders[0]);
  // The same as collected without the shared word ids.
  const std::vector<names::Form> fresh = names::collect_forms(doc, *res.speller, list);
  REQUIRE(fresh.size() == forms.size());
  for (std::size_t i = 0; i < forms.size(); ++i) {
    CHECK(fresh[i].text == forms[i].text);
    CHECK(fresh[i].uses.size() == forms[i].uses.size());
    CHECK(fresh[i].preceders == forms[i].preceders);
    CHECK(fresh[i].followers == forms[i].followers);
  }
}

TEST_CASE("a rule checked alone sees the names of its own document, not the last one's", "[names]") {
  using namespace copydesk;
  const Engine& engine = test::shipped();
  const Engine::Worker worker(engine);
  const auto rule = std::find_if(engine.rules().begin(), engine.rules().end(),
                                 [](const Rule& r) { return r.id == "names.inconsistent-spelling"; });
  REQUIRE(rule != engine.rules().end());
  const Source slip("slip.txt", "Vandermolen met reporters. Vandermolen left. Later Vandermolin spoke.");
  REQUIRE(worker.check_with(slip, *rule).size() == 1);
  // The same names collected for the last document would flag "Vandermolin" here too.
  CHECK(worker.check_with(Source("clean.txt", "Lavrov met reporters in Geneva on Tuesday afternoon."), *rule).empty());
  CHECK(worker.check_with(slip, *rule).size() == 1);
}
