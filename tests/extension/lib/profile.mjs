// A throw-away Chromium profile with the native host registered the way the
// installer registers it per user: <user-data-dir>/NativeMessagingHosts/
// cool.papers.redirector.json (browser-e2e.md §4). Tests can swap the
// registration between calls: Chrome reads the manifest on every
// sendNativeMessage.
//
// "Not registered" must hold on a machine where the package registered the
// host system-wide (/etc/chromium/native-messaging-hosts; CI runs the quick
// start, which installs it, before the tests). Chrome looks for the user-level
// manifest first and falls back to the system one only when that file does
// not exist; a user-level file it cannot parse ends the lookup with
// "Specified native messaging host not found." (native_process_launcher.cc).
// So unregisterHost() leaves such a file rather than no file. A new profile
// has no file at all, so that COOLPAPERS_HOST_FROM_SYSTEM=1 (session.mjs)
// reaches the system registration.

import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { EXTENSION_ORIGIN, HOST_NAME, makeTempDir } from './paths.mjs';

export function makeProfile(prefix) {
  const temp = makeTempDir(prefix);
  const userDataDir = join(temp.dir, 'profile');
  const hostsDir = join(userDataDir, 'NativeMessagingHosts');
  mkdirSync(hostsDir, { recursive: true });
  const manifestPath = join(hostsDir, `${HOST_NAME}.json`);

  return {
    root: temp.dir,
    userDataDir,
    // Registers `path` as the host, allowed for `origins` (default: ours).
    registerHost(path, origins = [EXTENSION_ORIGIN]) {
      writeFileSync(manifestPath, JSON.stringify({
        name: HOST_NAME,
        description: 'Cool Papers native host (extension tests)',
        path,
        type: 'stdio',
        allowed_origins: origins,
      }, null, 2));
    },
    unregisterHost() {
      writeFileSync(manifestPath, 'not a manifest: hides any system-wide registration\n');
    },
    // Writes an executable script into the profile's temp dir; returns its path.
    writeScript(name, text) {
      const path = join(temp.dir, name);
      writeFileSync(path, text);
      chmodSync(path, 0o755);
      return path;
    },
    cleanup: temp.cleanup,
  };
}

// Hosts that fail the ways real ones do (browser-e2e.md §6).
export const BROKEN_HOSTS = {
  // Exits without answering: "Native host has exited." It reads the start of
  // the request first: a host that exits before Chrome has written it makes
  // Chrome's write fail, which Chrome reports as "Error when communicating
  // with the native messaging host." instead (seen once in CI). Chrome writes
  // the length and the message in one write(2), atomic for a message this
  // small, so once 4 bytes are readable the whole request is in the pipe.
  exits: '#!/bin/sh\nhead -c 4 >/dev/null\necho "coolpapers test stub: exiting without a reply" >&2\nexit 3\n',
  // Prints text where a frame belongs: "Error when communicating with the
  // native messaging host."
  garbage: '#!/bin/sh\necho "this is not a native messaging frame, it is debug output"\nsleep 1\n',
  // Reads the request and never answers. Chrome closes a one-shot host's
  // stdin after the request, so the script then waits for its parent (the
  // browser) to go away rather than outlive the test.
  silent: '#!/bin/sh\ncat >/dev/null\nwhile kill -0 "$PPID" 2>/dev/null; do sleep 0.2; done\n',
};

// A wrapper that records every request frame sent to the real host in
// `logPath` (tee copies stdin), then lets the real host answer.
export function recordingHost(realHost, logPath) {
  return `#!/bin/sh\ntee -a '${logPath}' | '${realHost}' "$@"\n`;
}
