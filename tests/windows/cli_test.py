#!/usr/bin/env python3
"""coolpapers.exe's command line under Wine.

  cli_test.py WINE_RUN WINEPREFIX COOLPAPERS_EXE EXAMPLES_JSONL

Every one-text example of the contract through `resolve --json --field F`
(reading standard input, one process per field: Wine start-up is the cost),
the exit codes, and the user's rule file found in %APPDATA%\\coolpapers.
Windows' C library writes "\\n" as "\\r\\n" on the console; both are accepted.
"""
import json
import os
import subprocess
import sys

wine_run, prefix, exe, examples_path = sys.argv[1:5]
failures = []


def expect(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL ", what)


def run(args, stdin=b""):
    result = subprocess.run([wine_run, prefix, exe, *args], input=stdin, capture_output=True, timeout=120)
    return result.returncode, result.stdout.decode().replace("\r\n", "\n"), result.stderr.decode()


by_field = {}
for line in open(examples_path, encoding="utf-8"):
    if not line.strip() or line.startswith("#"):
        continue
    example = json.loads(line)
    if len(example["request"]) != 1:
        continue  # the command line reads one text at a time
    (member, text), = example["request"].items()
    if "\n" in text or "\r" in text:
        continue  # standard input is read a line at a time
    field = {"selectionText": "selection", "linkUrl": "link", "pageUrl": "page", "frameUrl": "frame"}[member]
    by_field.setdefault(field, []).append((text, member, example))

checked = 0
for field, examples in by_field.items():
    stdin = "".join(text + "\n" for text, _, _ in examples).encode()
    code, out, err = run(["resolve", "--json", "--field", field], stdin)
    expect(code == 0, "resolve --field %s exits 0 reading standard input (%d; %s)" % (field, code, err))
    lines = out.split("\n")[:-1]
    expect(len(lines) == len(examples), "one line per input line for --field %s" % field)
    for (text, member, example), reply_line in zip(examples, lines):
        reply = json.loads(reply_line)
        if example["url"] is None:
            expect(reply.get("ok") is False, "%s: no answer expected, got %s" % (example["why"], reply_line))
        else:
            expect(reply.get("url") == example["url"] and reply.get("field") == member,
                   "%s: expected %s, got %s" % (example["why"], example["url"], reply_line))
        checked += 1

code, out, _ = run(["resolve", "https://arxiv.org/abs/2312.00001v2"])
expect(code == 0 and out == "https://papers.cool/arxiv/2312.00001\n", "resolve of an argument: %d %r" % (code, out))
code, out, _ = run(["resolve", "https://example.com/"])
expect(code == 1, "a text with no paper exits 1 (got %d)" % code)
code, _, err = run(["resolve", "--no-such-option"])
expect(code == 2 and "coolpapers --help" in err, "an unknown option exits 2 and points to --help (%d %r)" % (code, err))

# Wine sets %APPDATA% from the prefix (the Unix environment does not override
# it): the test prefix's own folder gets a broken rule file, then loses it.
appdata = subprocess.run([wine_run, prefix, "cmd", "/c", "echo", "%APPDATA%"], capture_output=True,
                         text=True).stdout.strip()
config = subprocess.run([wine_run, prefix, "winepath", "-u", appdata + "\\coolpapers"], capture_output=True,
                        text=True).stdout.strip()
expect(appdata.endswith("\\AppData\\Roaming") and config.startswith("/"), "%%APPDATA%% is %r" % appdata)
os.makedirs(config, exist_ok=True)
try:
    with open(os.path.join(config, "rules.json"), "w") as f:
        f.write("{ not json")
    code, _, err = run(["resolve", "2312.00001"])
    expect(code == 2 and appdata + "\\coolpapers\\rules.json" in err,
           "a broken %%APPDATA%%\\coolpapers\\rules.json is read and reported (%d %r)" % (code, err))
finally:
    os.remove(os.path.join(config, "rules.json"))
    os.rmdir(config)

print("%d examples checked, %d failures" % (checked, len(failures)))
sys.exit(1 if failures else 0)
