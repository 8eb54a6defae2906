// Checks a string with libcopydesk and prints its findings: the text given as the first
// argument, else a short story that spells one name two ways.
#include <copydesk/copydesk.hpp>
#include <iostream>

int main(int argc, char** argv) {
  const std::string text = argc > 1 ? argv[1] : "Blinken spoke. Blinken left. Blingen said no.\n";
  try {
    const copydesk::Linter linter{copydesk::Options{}};
    const copydesk::Result result = linter.check(text, "story.txt");
    for (const copydesk::Diagnostic& d : result.diagnostics)
      std::cout << d.rule << " at byte " << d.offset << ": " << d.message << '\n';
    std::cout << linter.render({result}, "text");
  } catch (const copydesk::ConfigError& e) {
    std::cerr << "embed: " << e.what() << '\n';
    return 2;
  }
}
