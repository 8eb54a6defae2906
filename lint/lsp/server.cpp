// The language server: one thread reads messages (inbox.cpp), this one answers them and
// runs the debounced checks, so the linter, loaded once, is only ever used from here.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <thread>

#include "config/config.hpp"
#include "copydesk/language_server.hpp"
#include "lsp/framing.hpp"
#include "lsp/house_dictionary.hpp"
#include "lsp/inbox.hpp"
#include "lsp/protocol.hpp"
#include "lsp/uri.hpp"
#include "source/source.hpp"

namespace copydesk::lsp {
namespace {

using nlohmann::json;

constexpr const char* kAddWordCommand = "copydesk.addToDictionary";
constexpr int kMessageError = 1, kMessageInfo = 3;  // window/showMessage types

// Answered to the client as a JSON-RPC error.
struct RpcError : std::runtime_error {
  RpcError(int code, const std::string& what) : std::runtime_error(what), code(code) {}
  int code;
};

struct OpenDocument {
  std::string path;  // what the linter is told: its ending chooses plain, Markdown or HTML
  std::string text;
  long version = 0;
  std::optional<Clock::time_point> due;  // when the text is to be checked again
  std::optional<Checked> checked;
};

class Server {
 public:
  Server(std::ostream& out, LanguageServerOptions options) : out_(out), options_(std::move(options)) {}

  void handle(const json& message);
  void reply_malformed(const std::string& what) { reply_error(nullptr, rpc::kParseError, what); }
  void run_due_checks();
  std::optional<Clock::time_point> next_due() const;
  bool exited() const { return exited_; }
  int exit_status() const { return shutdown_ ? 0 : 1; }

 private:
  json request(const std::string& method, const json& params);
  void notification(const std::string& method, const json& params);

  json initialize(const json& params);
  void register_watchers();
  bool load_linter();
  void open(const json& params);
  void change(const json& params);
  void close(const json& params);
  void watched_files_changed(const json& params);
  json code_actions(const json& params);
  json hover(const json& params);
  json execute_command(const json& params);
  void check_all_now();
  void publish(const std::string& uri, const OpenDocument& doc);
  const Checked* current_check(const std::string& uri) const;

  void send(const json& message) { write_frame(out_, message); }
  void reply_error(const json& id, int code, const std::string& what) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", what}}}});
  }
  void notify(const std::string& method, json params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }
  void show_message(int type, const std::string& text) { notify("window/showMessage", {{"type", type}, {"message", text}}); }

  std::ostream& out_;
  const LanguageServerOptions options_;
  bool initialized_ = false, shutdown_ = false, exited_ = false;
  PositionEncoding encoding_ = PositionEncoding::Utf16;
  bool versioned_edits_ = false, dynamic_watchers_ = false;
  std::filesystem::path root_;
  std::optional<std::filesystem::path> config_path_, house_list_;
  std::unique_ptr<const Linter> linter_;
  std::map<std::string, OpenDocument> documents_;  // by URI
};

void Server::handle(const json& message) {
  if (!message.is_object()) return reply_error(nullptr, rpc::kInvalidRequest, "a message must be a JSON object");
  const auto id = message.find("id");
  const bool is_request = id != message.end();
  if (is_request && !id->is_string() && !id->is_number_integer())
    return reply_error(nullptr, rpc::kInvalidRequest, "id must be a string or an integer");
  const auto method = message.find("method");
  if (method == message.end()) {
    // The client's answer to a request of ours (registering the file watchers).
    if (is_request && (message.contains("result") || message.contains("error"))) return;
    return reply_error(is_request ? *id : json(nullptr), rpc::kInvalidRequest, "a message needs a method");
  }
  if (!method->is_string())
    return reply_error(is_request ? *id : json(nullptr), rpc::kInvalidRequest, "method must be a string");
  const json params = message.contains("params") ? message["params"] : json::object();
  if (!is_request) {
    try {
      notification(*method, params);
    } catch (const std::exception& e) {
      // A notification has no answer: the client's log says what was wrong.
      notify("window/logMessage", {{"type", kMessageError}, {"message", fmt::format("{}: {}", method->get<std::string>(), e.what())}});
    }
    return;
  }
  try {
    send({{"jsonrpc", "2.0"}, {"id", *id}, {"result", request(*method, params)}});
  } catch (const RpcError& e) {
    reply_error(*id, e.code, e.what());
  } catch (const json::exception& e) {
    reply_error(*id, rpc::kInvalidParams, e.what());
  } catch (const std::exception& e) {
    reply_error(*id, rpc::kInternalError, e.what());
  }
}

json Server::request(const std::string& method, const json& params) {
  if (method == "initialize") {
    if (initialized_) throw RpcError(rpc::kInvalidRequest, "the server is already initialized");
    return initialize(params);
  }
  if (!initialized_) throw RpcError(rpc::kServerNotInitialized, "initialize comes first");
  if (shutdown_) throw RpcError(rpc::kInvalidRequest, "the server is shutting down");
  if (method == "shutdown") {
    shutdown_ = true;
    return nullptr;
  }
  if (method == "textDocument/codeAction") return code_actions(params);
  if (method == "textDocument/hover") return hover(params);
  if (method == "workspace/executeCommand") return execute_command(params);
  throw RpcError(rpc::kMethodNotFound, fmt::format("no method '{}'", method));
}

void Server::notification(const std::string& method, const json& params) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_ || shutdown_) return;
  if (method == "initialized") register_watchers();
  else if (method == "textDocument/didOpen") open(params);
  else if (method == "textDocument/didChange") change(params);
  else if (method == "textDocument/didClose") close(params);
  else if (method == "workspace/didChangeWatchedFiles") watched_files_changed(params);
  // Anything else ($/cancelRequest, didSave, …) needs nothing from this server.
}

json Server::initialize(const json& params) {
  for (const json& e : params.value("/capabilities/general/positionEncodings"_json_pointer, json::array()))
    if (e == "utf-8") encoding_ = PositionEncoding::Utf8;
  versioned_edits_ = params.value("/capabilities/workspace/workspaceEdit/documentChanges"_json_pointer, false);
  dynamic_watchers_ = params.value("/capabilities/workspace/didChangeWatchedFiles/dynamicRegistration"_json_pointer, false);
  std::optional<std::filesystem::path> root;
  if (params.contains("rootUri") && params["rootUri"].is_string()) root = path_of_uri(params["rootUri"]);
  root_ = root.value_or(std::filesystem::current_path());
  if (!load_linter()) {
    // A bad configuration at start: the shipped rules serve until it is mended.
    config_path_.reset();
    linter_ = std::make_unique<const Linter>(options_.linter);
  }
  initialized_ = true;
  const bool utf8 = encoding_ == PositionEncoding::Utf8;
  return {{"capabilities",
           {{"positionEncoding", utf8 ? "utf-8" : "utf-16"},
            {"textDocumentSync", {{"openClose", true}, {"change", 1}}},  // whole texts
            {"codeActionProvider", {{"codeActionKinds", {"quickfix", "source.fixAll.copydesk"}}}},
            {"hoverProvider", true},
            {"executeCommandProvider", {{"commands", {kAddWordCommand}}}}}},
          {"serverInfo", {{"name", "copydesk"}, {"version", COPYDESK_VERSION}}}};
}

// Asks the client to report changes to the configuration and word lists, when it can.
void Server::register_watchers() {
  if (!dynamic_watchers_) return;
  const json watchers = json::array({{{"globPattern", "**/.copydesk.yaml"}}, {{"globPattern", "**/*.dic"}}});
  send({{"jsonrpc", "2.0"},
        {"id", "copydesk-watch"},
        {"method", "client/registerCapability"},
        {"params",
         {{"registrations", json::array({{{"id", "copydesk-watch"},
                                          {"method", "workspace/didChangeWatchedFiles"},
                                          {"registerOptions", {{"watchers", watchers}}}}})}}}});
}

// Reads the configuration and builds the linter; the one in use stays when that fails.
bool Server::load_linter() {
  try {
    const std::optional<std::filesystem::path> config =
        options_.config_file.empty() ? find_config(root_) : std::optional(options_.config_file);
    Options options = options_.linter;
    options.configuration = config ? Configuration::read(*config) : Configuration();
    std::optional<std::filesystem::path> house_list;
    if (config) {
      const auto lists = load_config(*config).dictionaries;
      if (!lists.empty()) house_list = lists.front();
    }
    linter_ = std::make_unique<const Linter>(options);
    config_path_ = config;
    house_list_ = house_list;
    return true;
  } catch (const ConfigError& e) {
    show_message(kMessageError, fmt::format("copydesk: configuration error: {}", e.what()));
    return false;
  }
}

void Server::open(const json& params) {
  const json& doc = params.at("textDocument");
  const std::string uri = doc.at("uri");
  OpenDocument& open = documents_[uri];
  const auto path = path_of_uri(uri);
  open.path = path ? path->string() : uri;
  open.text = doc.at("text");
  open.version = doc.at("version");
  open.checked.reset();
  open.due = Clock::now();
}

void Server::change(const json& params) {
  const std::string uri = params.at("textDocument").at("uri");
  const auto it = documents_.find(uri);
  if (it == documents_.end()) throw std::invalid_argument(fmt::format("{} is not open", uri));
  const json& changes = params.at("contentChanges");
  if (changes.empty()) return;
  for (const json& c : changes)
    if (c.contains("range")) throw std::invalid_argument("the server takes whole texts (textDocumentSync 1), not ranges");
  it->second.text = changes.back().at("text");
  it->second.version = params.at("textDocument").at("version");
  it->second.due = Clock::now() + std::chrono::milliseconds(options_.debounce_ms);
}

void Server::close(const json& params) {
  const std::string uri = params.at("textDocument").at("uri");
  documents_.erase(uri);
  notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
}

void Server::watched_files_changed(const json& params) {
  bool reload = false;
  for (const json& change : params.at("changes")) {
    const auto path = path_of_uri(change.at("uri"));
    if (!path) continue;
    reload |= path->filename() == ".copydesk.yaml" || path->extension() == ".dic" || path == config_path_;
  }
  if (reload && load_linter()) {
    show_message(kMessageInfo, fmt::format("copydesk: configuration reloaded{}",
                                           config_path_ ? " from " + config_path_->string() : ""));
    check_all_now();
  }
}

void Server::check_all_now() {
  for (auto& [uri, doc] : documents_) doc.due = Clock::now();
}

std::optional<Clock::time_point> Server::next_due() const {
  std::optional<Clock::time_point> next;
  for (const auto& [uri, doc] : documents_)
    if (doc.due && (!next || *doc.due < *next)) next = doc.due;
  return next;
}

void Server::run_due_checks() {
  const auto now = Clock::now();
  for (auto& [uri, doc] : documents_) {
    if (!doc.due || *doc.due > now) continue;
    doc.due.reset();
    try {
      Result result = linter_->check(doc.text, doc.path);
      const std::shared_ptr<const Source> source = result.source;
      doc.checked.emplace(Checked{doc.version, std::move(result), PositionMap(source->bytes(), encoding_)});
    } catch (const std::exception& e) {
      // A text the linter cannot take must not end the editor's session.
      notify("window/logMessage", {{"type", kMessageError}, {"message", fmt::format("{}: {}", uri, e.what())}});
      continue;
    }
    publish(uri, doc);
  }
}

void Server::publish(const std::string& uri, const OpenDocument& doc) {
  json diagnostics = json::array();
  for (const Diagnostic& d : doc.checked->result.diagnostics) diagnostics.push_back(diagnostic_json(uri, *doc.checked, d));
  notify("textDocument/publishDiagnostics",
         {{"uri", uri}, {"version", doc.checked->version}, {"diagnostics", std::move(diagnostics)}});
}

// The findings of a document as it is now: none while a newer version waits its check,
// since their positions may have moved.
const Checked* Server::current_check(const std::string& uri) const {
  const auto it = documents_.find(uri);
  if (it == documents_.end() || !it->second.checked || it->second.checked->version != it->second.version) return nullptr;
  return &*it->second.checked;
}

json Server::code_actions(const json& params) {
  const std::string uri = params.at("textDocument").at("uri");
  const LspPosition from = position_from_json(params.at("range").at("start"));
  const LspPosition to = position_from_json(params.at("range").at("end"));
  const json only = params.value("/context/only"_json_pointer, json::array());
  json actions = json::array();
  const Checked* checked = current_check(uri);
  if (checked == nullptr) return actions;
  const long version = checked->version;
  for (const Diagnostic* d : findings_between(*checked, from, to)) {
    const json diagnostic = diagnostic_json(uri, *checked, *d);
    for (const std::string& s : d->suggestions)
      actions.push_back({{"title", s.empty() ? fmt::format("Remove it ({})", d->rule) : fmt::format("Replace with “{}”", s)},
                         {"kind", "quickfix"},
                         {"diagnostics", {diagnostic}},
                         {"isPreferred", d->suggestions.size() == 1},
                         {"edit", workspace_edit(uri, version, {text_edit(*checked, *d, s)}, versioned_edits_)}});
    if (const auto word = dictionary_word(*checked, *d); word && house_list_) {
      const std::string title = fmt::format("Add “{}” to the house dictionary ({})", *word, house_list_->filename().string());
      actions.push_back({{"title", title},
                         {"kind", "quickfix"},
                         {"diagnostics", {diagnostic}},
                         {"command", {{"title", title}, {"command", kAddWordCommand}, {"arguments", {*word}}}}});
    }
  }
  json fixes = safe_fix_edits(*checked);
  if (!fixes.empty())
    actions.push_back({{"title", fmt::format("Apply the {} safe fix{} in this file", fixes.size(), fixes.size() == 1 ? "" : "es")},
                       {"kind", "source.fixAll.copydesk"},
                       {"edit", workspace_edit(uri, version, std::move(fixes), versioned_edits_)}});
  if (only.empty()) return actions;
  // The client asked for some kinds: "source.fixAll" takes "source.fixAll.copydesk".
  json wanted = json::array();
  for (json& action : actions) {
    const std::string kind = action["kind"];
    for (const json& o : only)
      if (kind == o.get<std::string>() || kind.rfind(o.get<std::string>() + ".", 0) == 0) {
        wanted.push_back(std::move(action));
        break;
      }
  }
  return wanted;
}

json Server::hover(const json& params) {
  const std::string uri = params.at("textDocument").at("uri");
  const LspPosition at = position_from_json(params.at("position"));
  const Checked* checked = current_check(uri);
  if (checked == nullptr) return nullptr;
  std::string text;
  json range;
  for (const Diagnostic* d : findings_between(*checked, at, at)) {
    const auto& rules = linter_->rules();
    const auto rule = std::find_if(rules.begin(), rules.end(), [&](const RuleInfo& r) { return r.id == d->rule; });
    text += fmt::format("{}**{}** ({}, {})\n\n{}\n\n{}\n", text.empty() ? "" : "\n---\n\n", d->rule, d->category,
                        severity_name(d->severity), d->message, rule == rules.end() ? "" : rule->description);
    if (range.is_null()) range = range_json(checked->positions, d->offset, d->length);
  }
  if (text.empty()) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", text}}}, {"range", range}};
}

json Server::execute_command(const json& params) {
  const std::string command = params.at("command");
  if (command != kAddWordCommand) throw RpcError(rpc::kInvalidParams, fmt::format("no command '{}'", command));
  const std::string word = params.at("arguments").at(0);
  if (!house_list_)
    throw RpcError(rpc::kRequestFailed, "no house word list: name one under dictionaries: in .copydesk.yaml");
  try {
    if (!add_to_word_list(*house_list_, word)) return nullptr;
  } catch (const InputError& e) {
    throw RpcError(rpc::kRequestFailed, e.what());
  }
  // The speller reads its word lists when the linter is built.
  if (load_linter()) check_all_now();
  return nullptr;
}

}  // namespace
}  // namespace copydesk::lsp

namespace copydesk {

int serve_language_server(std::istream& in, std::ostream& out, const LanguageServerOptions& options) {
  lsp::Inbox inbox;
  std::thread reader([&] { inbox.read_from(in); });
  lsp::Server server(out, options);
  while (!server.exited()) {
    if (auto next = inbox.pop(server.next_due())) {
      if (next->malformed.empty()) server.handle(next->message);
      else server.reply_malformed(next->malformed);
    } else if (inbox.drained()) {
      break;
    }
    server.run_due_checks();
  }
  reader.join();  // it stops at the exit notification or the end of the input
  return server.exit_status();
}

}  // namespace copydesk
