#!/usr/bin/env python3
"""A scripted LSP client: drives `copydesk lsp` over stdio through a whole session.

It opens the seed article, expects the findings `copydesk check --format json` reports
(in UTF-16 positions), edits a line, applies code actions (one fix, every safe fix),
adds a word to the house dictionary, reloads the configuration, sends malformed
messages and shuts the server down. Usage: lsp_client_test.py COPYDESK SOURCE_DIR
"""
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading

GUARD = 120  # seconds before a missing message counts as a hang, not a speed limit


def fail(what):
    print(f"FAIL: {what}")
    sys.exit(1)


def check(condition, what):
    if not condition:
        fail(what)
    print(f"ok: {what}")


class Client:
    def __init__(self, argv, cwd):
        self.proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.inbox = queue.Queue()
        self.seen = []
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.inbox.put(json.loads(out.read(length)))

    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def frame(self, message):
        body = json.dumps(message).encode()
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    def notify(self, method, params):
        self.send_raw(self.frame({"jsonrpc": "2.0", "method": method, "params": params}))

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send_raw(self.frame({"jsonrpc": "2.0", "id": rid, "method": method, "params": params}))
        return self.wait(lambda m: m.get("id") == rid and "method" not in m, f"the answer to {method}")

    def wait(self, wanted, what):
        for m in self.seen:
            if wanted(m):
                self.seen.remove(m)
                return m
        while True:
            try:
                m = self.inbox.get(timeout=GUARD)
            except queue.Empty:
                fail(f"no {what}")
            if m is None:
                fail(f"the server ended before {what}")
            if m.get("method") == "client/registerCapability":
                self.send_raw(self.frame({"jsonrpc": "2.0", "id": m["id"], "result": None}))
            if wanted(m):
                return m
            self.seen.append(m)

    def diagnostics(self, uri, version):
        m = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                      and m["params"]["uri"] == uri and m["params"].get("version") == version,
                      f"diagnostics for version {version}")
        return m["params"]["diagnostics"]


def utf16_units(text):
    return len(text.encode("utf-16-le")) // 2


def lsp_position(lines, line, column):
    """A 1-based line and code-point column as LSP's 0-based line and UTF-16 character."""
    return {"line": line - 1, "character": utf16_units(lines[line - 1][:column - 1])}


def index_of(text, position):
    """The string index of an LSP position (UTF-16) in text."""
    lines = text.split("\n")
    start = sum(len(l) + 1 for l in lines[:position["line"]])
    units, i, line = 0, 0, lines[position["line"]]
    while units < position["character"]:
        units += utf16_units(line[i])
        i += 1
    return start + i


def apply_edits(text, edits):
    for e in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]), reverse=True):
        text = text[:index_of(text, e["range"]["start"])] + e["newText"] + text[index_of(text, e["range"]["end"]):]
    return text


def key(d):
    r = d["range"]
    return (d["code"], r["start"]["line"], r["start"]["character"], r["end"]["line"], r["end"]["character"], d["message"])


def main():
    copydesk, source_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    seed = os.path.join(source_dir, "..", "shared", "corpus", "seed", "000_70c2cf35952770fb.txt")
    if not os.path.exists(seed):
        print("the seed article (../shared) is absent: examples/article.txt stands in")
        seed = os.path.join(source_dir, "examples", "article.txt")
    work = tempfile.mkdtemp(prefix="copydesk-lsp-")
    try:
        session(copydesk, seed, work)
    finally:
        shutil.rmtree(work)


def session(copydesk, seed, work):
    with open(os.path.join(work, ".copydesk.yaml"), "w") as f:
        f.write("dictionaries: [house.dic]\n")
    with open(os.path.join(work, "house.dic"), "w") as f:
        f.write("1\nnewsroom\n")
    story = os.path.join(work, "story.txt")
    shutil.copy(seed, story)
    text = open(story, encoding="utf-8").read()
    uri = "file://" + story

    report = json.loads(subprocess.run([copydesk, "check", "--format", "json", "story.txt"], cwd=work,
                                       capture_output=True, check=False).stdout)
    lines = text.split("\n")
    expected = sorted((d["rule"], *lsp_position(lines, d["line"], d["column"]).values(),
                       *lsp_position(lines, d["end_line"], d["end_column"]).values(), d["message"])
                      for d in report["files"][0]["diagnostics"])

    client = Client([copydesk, "lsp", "--debounce", "300"], work)
    init = client.request("initialize", {
        "processId": os.getpid(), "rootUri": "file://" + work,
        "capabilities": {"general": {"positionEncodings": ["utf-16"]},
                         "workspace": {"workspaceEdit": {"documentChanges": True},
                                       "didChangeWatchedFiles": {"dynamicRegistration": True}}}})
    check(init["result"]["capabilities"]["positionEncoding"] == "utf-16", "UTF-16 positions when UTF-8 is not offered")
    client.notify("initialized", {})
    client.wait(lambda m: m.get("method") == "client/registerCapability", "the file watchers registered")

    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
    found = client.diagnostics(uri, 1)
    check(len(found) > 0 and sorted(key(d) for d in found) == expected,
          f"the {len(found)} findings of check --format json, in UTF-16 positions")
    check(any(d.get("relatedInformation") for d in found), "related places travel as relatedInformation")

    # Edit the first line: two changes in one breath, of which only the last is checked.
    edited = lines[0] + " The mayor met the the council."
    half = "\n".join([lines[0] + " The mayor"] + lines[1:])
    text = "\n".join([edited] + lines[1:])
    client.send_raw(client.frame({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": half}]}}) +
        client.frame({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": text}]}}))
    found = client.diagnostics(uri, 3)
    check(not any(m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == 2
                  for m in client.seen), "the edit typed in between was not checked (debounced)")
    doubled = [d for d in found if d["code"] == "repetition.doubled-word" and d["range"]["start"]["line"] == 0]
    the_the = utf16_units(edited[:edited.index("the the")])
    check(len(doubled) == 1 and doubled[0]["range"]["start"]["character"] == the_the,
          "the edited line's doubled word is found where it was typed")
    check(sorted(key(d) for d in found if d["range"]["start"]["line"] > 0) ==
          [k for k in expected if k[1] > 0], "the other lines' findings are unchanged")

    # One quick fix.
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": doubled[0]["range"],
        "context": {"diagnostics": doubled}})["result"]
    fix = [a for a in actions if a["kind"] == "quickfix" and a["diagnostics"][0]["code"] == "repetition.doubled-word"]
    check(len(fix) == 1 and fix[0]["edit"]["documentChanges"][0]["textDocument"]["version"] == 3,
          "a quick fix for the doubled word, for the version it was found in")
    text = apply_edits(text, fix[0]["edit"]["documentChanges"][0]["edits"])
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": text}]})
    found = client.diagnostics(uri, 4)
    check(not any(d["code"] == "repetition.doubled-word" and d["range"]["start"]["line"] == 0 for d in found),
          "after the fix: no doubled word on the edited line")

    # Every safe fix in the file: the name spelled two ways among them.
    names_before = [d for d in found if d["code"] == "names.inconsistent-spelling"]
    whole = {"start": {"line": 0, "character": 0}, "end": {"line": len(text.split("\n")), "character": 0}}
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": whole, "context": {"diagnostics": [], "only": ["source.fixAll"]}})["result"]
    check(len(actions) == 1 and actions[0]["kind"] == "source.fixAll.copydesk", "one fix-all action when asked for source.fixAll")
    text = apply_edits(text, actions[0]["edit"]["documentChanges"][0]["edits"])
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 5}, "contentChanges": [{"text": text}]})
    found = client.diagnostics(uri, 5)
    check(len(names_before) > 0 and not any(d["code"] == "names.inconsistent-spelling" for d in found),
          f"after every safe fix: none of the {len(names_before)} names spelled two ways is left")

    # Hover: the rule explained.
    check(len(found) > 0, "findings without a safe fix remain")
    some = found[0]
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": some["range"]["start"]})
    check(f"**{some['code']}**" in hover["result"]["contents"]["value"], "hover names and explains the rule")

    # The house dictionary.
    text = text + "\nThe minister adressed reporters.\n"
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 6}, "contentChanges": [{"text": text}]})
    found = client.diagnostics(uri, 6)
    typo_line = len(text.split("\n")) - 2
    typo = [d for d in found if d["code"].startswith("spelling.") and d["range"]["start"]["line"] == typo_line]
    check(len(typo) == 1, "the typo is flagged")
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": typo[0]["range"], "context": {"diagnostics": typo}})["result"]
    add = [a for a in actions if "command" in a]
    check(len(add) == 1 and add[0]["command"]["arguments"] == ["adressed"], "an action adds the word to the house dictionary")
    done = client.request("workspace/executeCommand", add[0]["command"])
    check("error" not in done and "adressed" in open(os.path.join(work, "house.dic")).read().split(),
          "the word is written to house.dic")
    found = client.diagnostics(uri, 6)
    check(not any(d["code"].startswith("spelling.") and d["range"]["start"]["line"] == typo_line for d in found),
          "checked again, the word is known")

    # The configuration changes: a rule switched off.
    rule = found[0]["code"]
    with open(os.path.join(work, ".copydesk.yaml"), "w") as f:
        f.write(f"dictionaries: [house.dic]\nrules:\n  {rule}: off\n")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": "file://" + work + "/.copydesk.yaml", "type": 2}]})
    found = client.diagnostics(uri, 6)
    check(not any(d["code"] == rule for d in found), f"after .copydesk.yaml changed: {rule} is off")

    # Malformed messages.
    client.send_raw(b"Content-Length: 9\r\n\r\n{not json")
    error = client.wait(lambda m: "error" in m and m.get("id") is None, "an answer to a body that is not JSON")
    check(error["error"]["code"] == -32700, "a body that is not JSON: parse error -32700")
    check(client.request("no/such/method", {})["error"]["code"] == -32601, "an unknown method: -32601")
    check(client.request("textDocument/hover", {"textDocument": {}})["error"]["code"] == -32602,
          "a request without its parameters: -32602")

    check(client.request("shutdown", None)["result"] is None, "shutdown answered")
    client.notify("exit", None)
    check(client.proc.wait(timeout=GUARD) == 0, "exit after shutdown: status 0")


if __name__ == "__main__":
    main()
