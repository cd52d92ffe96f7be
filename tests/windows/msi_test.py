#!/usr/bin/env python3
"""The Windows installers under Wine: install, registry, files, the
installed host answering a ping as Chrome starts it, upgrade, downgrade
refused, uninstall leaving nothing.

  msi_test.py WINE_RUN WINEPREFIX SCOPE MSI OLDER_MSI EXTENSION_ID_FILE COOLPAPERS_EXE

SCOPE is perUser (HKCU, %LOCALAPPDATA%) or perMachine (HKLM, Program
Files). OLDER_MSI is the same installer with a lower version.
"""
import json
import os
import shutil
import struct
import subprocess
import sys

from chrome_launch import run_as_chrome

wine_run, prefix, scope, msi, older_msi, extension_id_file, exe = sys.argv[1:8]
root = {"perUser": "HKCU", "perMachine": "HKLM"}[scope]
origin = "chrome-extension://%s/" % open(extension_id_file).read().strip()
keys = ["Software\\" + k + "\\NativeMessagingHosts\\cool.papers.redirector" for k in (
    "Google\\Chrome", "Microsoft\\Edge", "Chromium", "BraveSoftware\\Brave-Browser", "Vivaldi")]
browsers = ["chrome", "edge", "chromium", "brave", "vivaldi"]
# Their user-data-dirs below %LOCALAPPDATA%: doctor counts a browser as
# installed when its profile exists, so the test plants them (and removes
# them at the end).
profiles = ["Google/Chrome/User Data", "Microsoft/Edge/User Data", "Chromium/User Data",
            "BraveSoftware/Brave-Browser/User Data", "Vivaldi/User Data"]
failures = []


def wine(*args, stdin=b""):
    return subprocess.run([wine_run, prefix, *args], input=stdin, capture_output=True, timeout=300)


def windows_path(unix_path):
    return "Z:" + unix_path.replace("/", "\\")


def unix_path(windows):
    # Under load Wine now and then fails to start winepath ("Application
    # could not be started"); a path that is not absolute is that failure,
    # never an answer, so ask again, and stop the test rather than use it.
    for _ in range(3):
        out = wine("winepath", "-u", windows).stdout.decode().strip()
        if out.startswith("/") and "\n" not in out:
            return out
    raise RuntimeError("winepath -u %s failed: %r" % (windows, out))


def expect(condition, what):
    if not condition:
        failures.append(what)
    print(("ok    " if condition else "FAIL  ") + what)


def registered_manifest(key):
    """The manifest path a browser finds under root\\key, or None."""
    result = wine("reg", "query", root + "\\" + key, "/ve")
    if result.returncode != 0:
        return None
    for line in result.stdout.decode(errors="replace").splitlines():
        if "REG_SZ" in line:
            return line.split("REG_SZ", 1)[1].strip()
    return None


def ping(exe_windows_path):
    request = json.dumps({"type": "ping"}).encode()
    result = run_as_chrome(wine_run, prefix, exe_windows_path, origin, struct.pack("<I", len(request)) + request)
    out = result.stdout
    if result.returncode != 0 or len(out) < 4:
        return None
    (n,) = struct.unpack("<I", out[:4])
    return json.loads(out[4:4 + n]) if len(out) == 4 + n else None


def local_appdata():
    return unix_path(wine("cmd", "/d", "/c", "echo %LOCALAPPDATA%").stdout.decode().strip())


def doctor_report(exe_windows_path):
    """doctor --json's exit status and report (None when not JSON)."""
    result = wine(exe_windows_path, "doctor", "--json")
    try:
        return result.returncode, json.loads(result.stdout)
    except ValueError:
        return result.returncode, None


def installed_versions():
    """DisplayVersion of every "Coolpapers" entry in Add/Remove Programs
    (Wine keeps per-user entries there too)."""
    out = wine("reg", "query", "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall", "/s").stdout
    versions, block = [], {}
    for line in out.decode(errors="replace").splitlines() + ["HKEY_END"]:
        if line.startswith("HKEY_"):
            if block.get("DisplayName") == "Coolpapers":
                versions.append(block.get("DisplayVersion"))
            block = {}
        elif "REG_SZ" in line:
            name, value = line.split("REG_SZ", 1)
            block[name.strip()] = value.strip()
    return versions


def install(path):
    return wine("msiexec", "/i", windows_path(path), "/qn").returncode


def uninstall(path):
    return wine("msiexec", "/x", windows_path(path), "/qn").returncode


def check_installed():
    manifests = {key: registered_manifest(key) for key in keys}
    for key, manifest in manifests.items():
        expect(manifest is not None and manifest.endswith("\\Coolpapers\\cool.papers.redirector.json"),
               "%s\\%s names the manifest (%s)" % (root, key, manifest))
    manifest = manifests[keys[0]]
    if manifest is None:
        return None
    folder = manifest.rsplit("\\", 1)[0]
    text = open(unix_path(manifest), encoding="utf-8").read()
    data = json.loads(text)
    expect(data.get("path") == "coolpapers.exe", "the manifest's path is relative: %r" % data.get("path"))
    expect(data.get("allowed_origins") == [origin], "the manifest allows only the extension")
    expect(subprocess.run(["test", "-f", unix_path(folder + "\\extension\\manifest.json")]).returncode == 0,
           "the unpacked extension is installed for Load unpacked")
    doctor = wine(folder + "\\coolpapers.exe", "doctor")
    said = doctor.stdout.decode(errors="replace").replace("\r\n", "\n")
    expect(doctor.returncode == 0 and said.endswith("doctor: OK\n"), "doctor is green:\n%s" % said)
    status, report = doctor_report(folder + "\\coolpapers.exe")
    scope_name = {"HKCU": "user", "HKLM": "system"}[root]
    ready = [b["name"] for b in (report or {}).get("browsers", [])
             if b["ready"] and b["effective"] == scope_name and b[scope_name]["location"].startswith(root + "\\")]
    expect(status == 0 and ready == browsers,
           "doctor --json: every browser ready through %s (ready: %s)" % (root, ready))
    # A registration that cannot work is reported, and doctor fails.
    original = text
    with open(unix_path(manifest), "w", encoding="utf-8") as f:
        f.write(text.replace(origin, "chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"))
    doctor = wine(folder + "\\coolpapers.exe", "doctor")
    report = doctor.stdout.decode(errors="replace")
    expect(doctor.returncode == 1 and "error [origin_missing]: allowed_origins" in report,
           "doctor reports a manifest that does not allow the extension:\n%s" % report)
    with open(unix_path(manifest), "w", encoding="utf-8") as f:
        f.write(original)
    reply = ping(folder + "\\coolpapers.exe")
    expect(reply is not None and reply.get("ok") is True and reply.get("rules", 0) > 0,
           "the installed host answers a ping through cmd /d /s /c: %s" % reply)
    return folder


def check_removed(folder):
    status, report = doctor_report(windows_path(exe))
    registered = [b["name"] for b in (report or {}).get("browsers", [{"name": "(no report)", "effective": 1}])
                  if b["effective"] is not None]
    expect(status == 1 and registered == [],
           "doctor (the built exe) finds no registration left (still registered: %s)" % registered)
    for key in keys:
        expect(registered_manifest(key) is None, "%s\\%s is gone" % (root, key))
    expect(wine("reg", "query", root + "\\Software\\Coolpapers").returncode != 0, root + "\\Software\\Coolpapers is gone")
    if folder:
        left = subprocess.run(["find", unix_path(folder)], capture_output=True, text=True)
        expect(left.returncode != 0, "the install folder %s is gone (left: %s)" % (folder, left.stdout[:300]))


def plant_profiles():
    """Creates the profiles missing in the prefix; returns the topmost
    folder made for each, to remove at the end."""
    made = []
    local = local_appdata()
    for profile in profiles:
        parts = profile.split("/")
        for depth in range(1, len(parts) + 1):
            top = os.path.join(local, *parts[:depth])
            if not os.path.isdir(top):
                made.append(top)
                break
        os.makedirs(os.path.join(local, profile), exist_ok=True)
    return made


def run():
    print("== %s: install" % scope)
    check_removed(None)
    expect(installed_versions() == [], "no Coolpapers installed before the test: %s" % installed_versions())
    expect(install(msi) == 0, "msiexec /i %s exits 0" % msi)
    folder = check_installed()
    print("== %s: an older version is refused" % scope)
    expect(install(older_msi) != 0, "msiexec /i of the older MSI fails")
    check_installed()
    print("== %s: uninstall" % scope)
    expect(uninstall(msi) == 0, "msiexec /x exits 0")
    check_removed(folder)
    print("== %s: upgrade from the older version" % scope)
    expect(install(older_msi) == 0, "the older MSI installs")
    expect(install(msi) == 0, "the newer MSI installs over it")
    versions = installed_versions()
    expect(len(versions) == 1 and versions[0] != "0.0.1",
           "one entry in Add/Remove Programs, the newer version: %s" % versions)
    folder = check_installed()
    expect(uninstall(msi) == 0, "one uninstall of the newer version")
    check_removed(folder)
    expect(installed_versions() == [], "nothing left in Add/Remove Programs: %s" % installed_versions())


planted = plant_profiles()
try:
    run()
finally:
    for folder in planted:
        shutil.rmtree(folder, ignore_errors=True)
print("%d failures" % len(failures))
sys.exit(1 if failures else 0)
