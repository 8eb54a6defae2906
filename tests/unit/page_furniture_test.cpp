#include <catch2/catch.hpp>

#include "support.hpp"

namespace {
const std::set<std::string> kFurniture{"artifacts.page-furniture"};
}

TEST_CASE("artifacts.page-furniture flags web-page text carried into an article", "[artifacts]") {
  CHECK_ANNOTATED("The council met on Monday.\n\n[[Advertisement]]{artifacts.page-furniture}\n\nThe vote was close.",
                  kFurniture);
  CHECK_ANNOTATED("Rain is expected. [[Sign up for our newsletter]]{artifacts.page-furniture}. More to come.", kFurniture);
  CHECK_ANNOTATED("The singer posted a photo. [[View this post on Instagram]]{artifacts.page-furniture} The fans cheered.",
                  kFurniture);
  CHECK_ANNOTATED("Copyright 2024 The Associated Press. All rights reserved. [[This material may not be published, "
                  "broadcast, rewritten or redistributed]]{artifacts.page-furniture}.",
                  kFurniture);
}

TEST_CASE("artifacts.page-furniture stays silent on sentences that only use the words", "[artifacts]") {
  CHECK_ANNOTATED("The advertisement ran on Monday. Readers can share this article with friends, she said.", kFurniture);
  CHECK_ANNOTATED("“Read more,” the teacher told the class. Loading the trucks took all night.", kFurniture);
}
