// Names and limits shared by the service worker, the popup and the options
// page. Everything a reader might want to change lives here, in one place.

// The native messaging host's registered name (native_host/PROTOCOL.md). The host manifest
// `<NativeMessagingHosts dir>/cool.papers.redirector.json` must list this
// extension's one origin in `allowed_origins` (Firefox's manifest, in
// `native-messaging-hosts/`, lists its add-on id in `allowed_extensions`).
export const HOST_NAME = 'cool.papers.redirector';

// Chrome starts a new host process for every sendNativeMessage and never
// times a request out itself: a host that reads and never answers leaves the
// promise pending forever (browser-e2e.md §6). Give up after this long.
export const HOST_TIMEOUT_MS = 5000;

// The host accepts at most this many items per resolveBatch (native_host/PROTOCOL.md).
export const BATCH_MAX_ITEMS = 1000;

// Content scripts run in the page's renderer, which we do not trust: cap what
// they may ask the service worker to forward to the host.
export const BATCH_MAX_TOTAL_ITEMS = 4000;
export const INPUT_MAX_CHARS = 4096;

// The four texts of a request, in the priority order of docs/resolution.md. These are
// the field names of chrome.contextMenus.OnClickData, so a click is forwarded
// as Chrome gave it.
export const INPUT_FIELDS = Object.freeze(['selectionText', 'linkUrl', 'pageUrl', 'frameUrl']);

export const DEFAULT_BASE_URL = 'https://papers.cool';

export const OPEN_IN = Object.freeze({ NEW_TAB: 'newTab', CURRENT_TAB: 'currentTab' });

// Messages between extension pages / the content script and the worker.
export const MESSAGE = Object.freeze({
  RESOLVE_BATCH: 'coolpapers/resolveBatch', // content script -> worker
  REDIRECT: 'coolpapers/redirect',          // popup -> worker
  HOST_STATUS: 'coolpapers/hostStatus',     // popup -> worker
  RESOLVE_TEXT: 'coolpapers/resolveText',   // popup -> worker: text typed or pasted
});

// Notification ids, one per kind of outcome, so a repeated failure replaces
// its earlier notification instead of piling up.
export const NOTIFICATION = Object.freeze({
  NO_ID: 'coolpapers-no-id',
  HOST_MISSING: 'coolpapers-host-missing',
  HOST_BROKEN: 'coolpapers-host-broken',
  HOST_TIMEOUT: 'coolpapers-host-timeout',
  FAILED: 'coolpapers-failed',
});

export const NO_ID_MESSAGE = 'No paper id found in the selection, link or page';

export const INSTALL_HINT =
  'Install the coolpapers native host: see the README, section "Install" ' +
  '(packaging/install.sh --user registers it for every browser found).';

// chrome.storage keys.
export const STORAGE = Object.freeze({
  SETTINGS: 'settings',          // storage.sync
  RECENT_REDIRECTS: 'recentRedirects', // storage.local: the newest first
});

// How many redirects the popup lists.
export const RECENT_REDIRECTS_SHOWN = 5;

// Longest text the popup's input box sends (a pasted reference or URL is far
// shorter; the host has its own, larger limits).
export const TYPED_TEXT_MAX_CHARS = 4096;
