#!/usr/bin/env python3
"""coolpapers.exe as a native messaging host under Wine, started the way
Chrome starts a host on Windows (chrome_launch.py), frames on its stdin and stdout.

  host_as_chrome_starts_it.py WINE_RUN WINEPREFIX COOLPAPERS_EXE EXAMPLES_JSONL EXTENSION_ID_FILE

Sends, over one connection: every example of the contract as a `resolve`
request, a ping, frames whose length prefix holds the bytes 0x1a and 0x0a
(which a text-mode host would read as end of file and line end), and a
request that is not a JSON object; checks every reply, then closes stdin
and expects exit status 0.
"""
import json
import struct
import subprocess
import sys

from chrome_launch import run_as_chrome

wine_run, prefix, exe, examples_path, extension_id_file = sys.argv[1:6]
origin = "chrome-extension://%s/" % open(extension_id_file).read().strip()

def windows_path(unix_path):
    return "Z:" + unix_path.replace("/", "\\")

def frame(obj_or_bytes):
    body = obj_or_bytes if isinstance(obj_or_bytes, bytes) else json.dumps(obj_or_bytes).encode()
    return struct.pack("<I", len(body)) + body

requests, checks = [], []
for line in open(examples_path, encoding="utf-8"):
    if not line.strip() or line.startswith("#"):
        continue
    example = json.loads(line)
    requests.append(frame(dict(type="resolve", **example["request"])))
    def check(reply, example=example):
        if example["url"] is None:
            return reply.get("ok") is False
        return reply.get("ok") is True and reply.get("url") == example["url"]
    checks.append((example["why"], check))

requests.append(frame({"type": "ping"}))
checks.append(("ping", lambda r: r.get("ok") is True and r.get("rules", 0) > 0))
padded = b'{"type":"ping","pad":"%s"}'
body = padded % (b"x" * (0x1a - len(padded % b"")))
assert len(body) == 0x1a
requests.append(frame(body))
checks.append(("a frame of 26 (0x1a) bytes", lambda r: r.get("ok") is True))
body = padded % (b"x" * (0x10a - len(padded % b"")))
requests.append(frame(body))
checks.append(("a frame of 266 (0x10a) bytes", lambda r: r.get("ok") is True))
requests.append(frame(b'{"type":1}'))
checks.append(("a type that is not a string", lambda r: r.get("ok") is False))

process = run_as_chrome(wine_run, prefix, windows_path(exe), origin, b"".join(requests))
out, failures = process.stdout, []
replies = []
while len(out) >= 4:
    (n,) = struct.unpack("<I", out[:4])
    if len(out) < 4 + n:
        failures.append("a reply frame is cut short: %r" % out[:80])
        break
    replies.append(json.loads(out[4:4 + n]))
    out = out[4 + n:]
if out and not failures:
    failures.append("bytes after the last frame: %r" % out[:80])
if len(replies) != len(checks):
    failures.append("%d replies to %d requests" % (len(replies), len(checks)))
for (why, check), reply in zip(checks, replies):
    if not check(reply):
        failures.append("%s: unexpected reply %s" % (why, json.dumps(reply)))
if process.returncode != 0:
    failures.append("exit status %d at end of input (stderr: %r)" % (process.returncode, process.stderr[-500:]))
for failure in failures:
    print("FAIL:", failure)
print("%d requests, %d replies, %d failures" % (len(checks), len(replies), len(failures)))
sys.exit(1 if failures else 0)
