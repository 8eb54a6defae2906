// Reading a file whole, shared by the inputs and the atomic writes that compare with it.
#pragma once
#include <filesystem>
#include <string>

namespace copydesk {

// Throws InputError when the file cannot be read.
std::string read_file(const std::filesystem::path& p);

}  // namespace copydesk
