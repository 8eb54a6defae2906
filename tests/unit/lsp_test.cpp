// The language server's parts: positions in UTF-16 and UTF-8, framing, the house word
// list, and the server answering a scripted session (malformed messages included).
#include <catch2/catch.hpp>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "copydesk/language_server.hpp"
#include "lsp/framing.hpp"
#include "lsp/house_dictionary.hpp"
#include "lsp/positions.hpp"

using copydesk::lsp::LspPosition;
using copydesk::lsp::PositionEncoding;
using copydesk::lsp::PositionMap;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string frame(const json& message) {
  const std::string body = message.dump();
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// Every message the server wrote.
std::vector<json> replies(const std::string& written) {
  std::istringstream in(written);
  std::vector<json> out;
  for (auto f = copydesk::lsp::read_frame(in); f.kind == copydesk::lsp::Frame::Kind::Message; f = copydesk::lsp::read_frame(in))
    out.push_back(json::parse(f.body));
  return out;
}

const json* reply_to(const std::vector<json>& messages, const json& id) {
  for (const json& m : messages)
    if (m.contains("id") && m["id"] == id && !m.contains("method")) return &m;
  return nullptr;
}

struct Session {
  int status;
  std::vector<json> messages;
};

Session serve(const std::string& input, const copydesk::LanguageServerOptions& options = {}) {
  std::istringstream in(input);
  std::ostringstream out;
  const int status = copydesk::serve_language_server(in, out, options);
  return {status, replies(out.str())};
}

json request(int id, const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

json notification(const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

json initialize(const fs::path& root, json encodings = json::array()) {
  return request(1, "initialize", {{"rootUri", "file://" + root.string()},
                                   {"capabilities", {{"general", {{"positionEncodings", encodings}}}}}});
}

struct Folder {
  fs::path dir = fs::temp_directory_path() / ("copydesk-lsp-" + std::to_string(::getpid()));
  Folder() { fs::create_directories(dir); }
  ~Folder() { fs::remove_all(dir); }
};

}  // namespace

TEST_CASE("positions count UTF-16 code units by default and bytes when UTF-8 was agreed", "[lsp]") {
  // "é" is 2 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 units (a surrogate pair).
  const std::string text = "café 😀 word\r\nnext\rlast";
  const PositionMap utf16(text, PositionEncoding::Utf16);
  const PositionMap utf8(text, PositionEncoding::Utf8);
  const std::size_t word = text.find("word");
  CHECK(utf16.position(word) == LspPosition{0, 8});
  CHECK(utf8.position(word) == LspPosition{0, 11});
  CHECK(utf16.position(text.find("😀")) == LspPosition{0, 5});
  CHECK(utf16.position(text.find("next")) == LspPosition{1, 0});  // after \r\n
  CHECK(utf16.position(text.find("last")) == LspPosition{2, 0});  // after a lone \r
  CHECK(utf16.position(text.size()) == LspPosition{2, 4});
  CHECK(utf16.position(0) == LspPosition{0, 0});
}

TEST_CASE("frames: Content-Length bodies, and bad headers reported without losing the next message", "[lsp]") {
  std::istringstream in("Content-Type: x\r\n\r\nContent-Length: 2\r\n\r\n{}Content-Length: abc\r\n\r\nContent-Length: 4\r\n\r\nnull");
  using Kind = copydesk::lsp::Frame::Kind;
  const auto missing = copydesk::lsp::read_frame(in);
  CHECK(missing.kind == Kind::Malformed);
  CHECK(missing.error.find("Content-Length") != std::string::npos);
  const auto good = copydesk::lsp::read_frame(in);
  CHECK(good.kind == Kind::Message);
  CHECK(good.body == "{}");
  CHECK(copydesk::lsp::read_frame(in).kind == Kind::Malformed);
  CHECK(copydesk::lsp::read_frame(in).body == "null");
  CHECK(copydesk::lsp::read_frame(in).kind == Kind::End);
  std::istringstream cut("Content-Length: 10\r\n\r\n{\"a\"");
  CHECK(copydesk::lsp::read_frame(cut).kind == Kind::Malformed);
}

TEST_CASE("the house word list gains a word once, with its count kept right", "[lsp]") {
  Folder f;
  const fs::path list = f.dir / "house.dic";
  CHECK(copydesk::lsp::add_to_word_list(list, "Vartanyx"));
  CHECK(copydesk::lsp::add_to_word_list(list, "Okonkwo"));
  CHECK_FALSE(copydesk::lsp::add_to_word_list(list, "Okonkwo"));
  std::ifstream in(list);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str() == "2\nVartanyx\nOkonkwo\n");
  CHECK_THROWS_AS(copydesk::lsp::add_to_word_list(list, "two words"), copydesk::InputError);
  CHECK_FALSE(copydesk::lsp::listable_word("flag/AB"));
}

TEST_CASE("malformed messages get JSON-RPC errors and the server goes on", "[lsp]") {
  Folder f;
  const std::string input = frame(request(7, "textDocument/hover", json::object())) +  // before initialize
                            "Content-Length: 9\r\n\r\n{not json" + "Content-Type: text\r\n\r\n" +
                            frame(json::array({1, 2})) + frame(initialize(f.dir)) +
                            frame(request(2, "no/such/method", json::object())) +
                            frame(request(3, "textDocument/hover", {{"textDocument", {{"uri", "file:///x.txt"}}}})) +
                            frame({{"jsonrpc", "2.0"}, {"id", 4}}) + frame(notification("textDocument/didChange", {})) +
                            frame(request(5, "shutdown", nullptr)) + frame(request(6, "textDocument/hover", {})) +
                            frame(notification("exit", nullptr));
  const Session s = serve(input);
  CHECK(s.status == 0);
  const auto error_of = [&](const json& id) { return reply_to(s.messages, id)->at("error").at("code").get<int>(); };
  CHECK(error_of(7) == -32002);  // not initialized
  std::vector<int> anonymous;
  for (const json& m : s.messages)
    if (m.contains("error") && m["id"].is_null()) anonymous.push_back(m["error"]["code"]);
  CHECK(anonymous == std::vector<int>{-32700, -32700, -32600});  // not JSON, no Content-Length, a batch
  CHECK(reply_to(s.messages, 1)->at("result").at("capabilities").at("positionEncoding") == "utf-16");
  CHECK(error_of(2) == -32601);
  CHECK(error_of(3) == -32602);  // no position
  CHECK(error_of(4) == -32600);  // no method
  CHECK(reply_to(s.messages, 5)->at("result").is_null());
  CHECK(error_of(6) == -32600);  // after shutdown
  // The bad notification is logged, not answered.
  CHECK(std::count_if(s.messages.begin(), s.messages.end(),
                      [](const json& m) { return m.value("method", "") == "window/logMessage"; }) == 1);
}

TEST_CASE("exit without shutdown ends the server with status 1", "[lsp]") {
  Folder f;
  CHECK(serve(frame(initialize(f.dir)) + frame(notification("exit", nullptr))).status == 1);
  CHECK(serve("").status == 1);  // the input ended
}

TEST_CASE("a session: diagnostics with their version, UTF-8 positions, hover, code actions", "[lsp]") {
  Folder f;
  std::ofstream(f.dir / ".copydesk.yaml") << "dictionaries: [house.dic]\n";
  std::ofstream(f.dir / "house.dic") << "1\nnewsroom\n";
  const std::string uri = "file://" + (f.dir / "story.txt").string();
  const std::string text = "Café owners met the the mayor on Wednesday.\n";
  copydesk::LanguageServerOptions options;
  options.debounce_ms = 0;
  const std::string input =
      frame(initialize(f.dir, {"utf-8", "utf-16"})) + frame(notification("initialized", json::object())) +
      frame(notification("textDocument/didOpen", {{"textDocument", {{"uri", uri}, {"version", 3}, {"text", text}}}})) +
      frame(request(2, "textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 0}, {"character", 18}}}})) +
      frame(request(3, "textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 0}, {"character", 1}}}})) +
      frame(request(4, "textDocument/codeAction",
                    {{"textDocument", {{"uri", uri}}},
                     {"range", {{"start", {{"line", 0}, {"character", 18}}}, {"end", {{"line", 0}, {"character", 18}}}}},
                     {"context", {{"diagnostics", json::array()}}}})) +
      frame(request(5, "shutdown", nullptr)) + frame(notification("exit", nullptr));
  const Session s = serve(input, options);
  CHECK(s.status == 0);
  CHECK(reply_to(s.messages, 1)->at("result").at("capabilities").at("positionEncoding") == "utf-8");
  const auto published = std::find_if(s.messages.begin(), s.messages.end(), [](const json& m) {
    return m.value("method", "") == "textDocument/publishDiagnostics";
  });
  REQUIRE(published != s.messages.end());
  const json& params = published->at("params");
  CHECK(params["version"] == 3);
  REQUIRE(params["diagnostics"].size() == 1);
  const json& d = params["diagnostics"][0];
  CHECK(d["code"] == "repetition.doubled-word");
  // "Café" is 5 bytes but 4 UTF-16 units: with UTF-8 agreed "the the" starts at 17, not 16.
  CHECK(d["range"]["start"]["character"] == 17);
  CHECK(d["range"]["end"]["character"] == 24);

  const json& hover = reply_to(s.messages, 2)->at("result");
  CHECK(hover["contents"]["value"].get<std::string>().find("**repetition.doubled-word**") != std::string::npos);
  CHECK(reply_to(s.messages, 3)->at("result").is_null());  // nothing flagged under "Café"

  const json& actions = reply_to(s.messages, 4)->at("result");
  REQUIRE(actions.size() == 2);  // the fix, and every safe fix in the file
  CHECK(actions[0]["kind"] == "quickfix");
  const json& edit = actions[0]["edit"]["changes"][uri][0];
  CHECK(edit["newText"] == "the");
  CHECK(actions[1]["kind"] == "source.fixAll.copydesk");
}
