// The existence kind, through the garbled.mt-artifact pack that uses it.
#include <catch2/catch.hpp>

#include "support.hpp"

namespace {
const std::set<std::string> kRule = {"garbled.mt-artifact"};
}

TEST_CASE("existence matches phrases ignoring case, punctuation and apostrophe style", "[garbled][existence]") {
  CHECK_ANNOTATED("Talks resumed. [[Thank you so much for watching]]{garbled.mt-artifact}.", kRule);
  CHECK_ANNOTATED("Talks resumed. [[THANK YOU, FOR WATCHING]]{garbled.mt-artifact}!", kRule);
  CHECK_ANNOTATED("[[As an AI language model]]{garbled.mt-artifact}, I cannot verify the figures.", kRule);
  CHECK_ANNOTATED("The minister left. [[Don’t forget to like and subscribe]]{garbled.mt-artifact}.", kRule);
  CHECK_ANNOTATED("Officials met in Kyiv. [[Subtitles by the Amara.org community]]{garbled.mt-artifact}", kRule);
  CHECK_ANNOTATED("Prices rose. [[This is a machine translation]]{garbled.mt-artifact} of the original.", kRule);
}

TEST_CASE("existence honours sentence anchors", "[garbled][existence]") {
  // "^…$" phrases only as a whole sentence.
  CHECK_ANNOTATED("The vlogger ended each video with thanks for watching her channel.", kRule);
  CHECK_ANNOTATED("She said thank you for watching the debate with us.", kRule);
  CHECK_ANNOTATED("The report ends here. [[Thank you for watching]]{garbled.mt-artifact}.", kRule);
}

TEST_CASE("existence stays silent on ordinary news", "[garbled][existence]") {
  CHECK_ANNOTATED("The novel, translated by Edith Grossman, came to our attention then.", kRule);
  CHECK_ANNOTATED("Here is the translation of his remarks, which the ministry released.", kRule);
  CHECK_ANNOTATED("To be sure, the talks continue. “Not so,” he said.", kRule);
}
