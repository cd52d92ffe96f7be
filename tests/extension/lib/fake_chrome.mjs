// A small stand-in for the parts of `chrome.*` the extension uses, for unit
// tests that import the extension's ES modules directly under Node.
// It records every call so tests can assert what the extension did, and lets
// a test decide what the native host answers.

import { EXTENSION_ID } from './paths.mjs';

class FakeEvent {
  constructor() {
    this.listeners = [];
  }

  addListener(fn) {
    this.listeners.push(fn);
  }

  // Calls every listener like Chrome would; returns their return values.
  dispatch(...args) {
    return this.listeners.map((fn) => fn(...args));
  }
}

class FakeStorageArea {
  constructor() {
    this.data = {};
  }

  async get(keys) {
    if (keys == null) return structuredClone(this.data);
    const list = typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
    const out = {};
    for (const k of list) if (k in this.data) out[k] = structuredClone(this.data[k]);
    return out;
  }

  async set(items) {
    Object.assign(this.data, structuredClone(items));
  }
}

// The real id (extension/EXTENSION_ID), so messages look like the real ones.
export { EXTENSION_ID };

const freshCalls = () => ({
  native: [],        // messages sent to the host: {host, message}
  tabsCreate: [],
  tabsUpdate: [],
  notifications: [], // {id, options}
  menusCreated: [],
  menusRemovedAll: 0,
});
const freshState = () => ({
  // (host, message) => reply | Promise; throw/reject to simulate failures.
  // The default never answers, like a hung host.
  nativeHandler: () => new Promise(() => {}),
  activeTab: { id: 7, index: 2, windowId: 1 },
  tabsCreateFails: false,
  nextTabId: 100,
});

export function makeFakeChrome() {
  const calls = freshCalls();
  const state = freshState();

  const chrome = {
    runtime: {
      id: EXTENSION_ID,
      lastError: undefined,
      getURL: (path) => `chrome-extension://${EXTENSION_ID}/${path}`,
      async sendNativeMessage(host, message) {
        calls.native.push({ host, message: structuredClone(message) });
        return state.nativeHandler(host, message);
      },
      onInstalled: new FakeEvent(),
      onStartup: new FakeEvent(),
      onMessage: new FakeEvent(),
      openOptionsPage: async () => {},
    },
    storage: { sync: new FakeStorageArea(), local: new FakeStorageArea() },
    tabs: {
      async create(props) {
        calls.tabsCreate.push(structuredClone(props));
        if (state.tabsCreateFails && (props.openerTabId !== undefined || props.index !== undefined)) {
          throw new Error(`No tab with id: ${props.openerTabId}.`);
        }
        const id = state.nextTabId;
        state.nextTabId += 1;
        return { id, index: props.index ?? 99, status: 'loading' };
      },
      async update(tabId, props) {
        calls.tabsUpdate.push({ tabId, props: structuredClone(props) });
        return { id: tabId, status: 'loading' };
      },
      async query() {
        return [structuredClone(state.activeTab)];
      },
    },
    notifications: {
      async create(id, options) {
        calls.notifications.push({ id, options: structuredClone(options) });
        return id;
      },
    },
    contextMenus: {
      onClicked: new FakeEvent(),
      async removeAll() {
        calls.menusCreated.length = 0;
        calls.menusRemovedAll += 1;
      },
      create(item, callback) {
        const duplicate = calls.menusCreated.some((m) => m.id === item.id);
        chrome.runtime.lastError = duplicate ? { message: `Cannot create item with duplicate id ${item.id}` } : undefined;
        if (!duplicate) calls.menusCreated.push(structuredClone(item));
        callback?.();
        chrome.runtime.lastError = undefined;
        return item.id;
      },
    },
    omnibox: {
      defaultSuggestion: null,
      setDefaultSuggestion(s) {
        this.defaultSuggestion = s;
        return Promise.resolve();
      },
      onInputEntered: new FakeEvent(),
    },
    commands: { onCommand: new FakeEvent() },
  };

  // Forgets calls, state and storage, keeping registered listeners (the
  // worker's modules register theirs once, at import).
  function reset() {
    Object.assign(calls, freshCalls());
    Object.assign(state, freshState());
    chrome.storage.sync.data = {};
    chrome.storage.local.data = {};
  }

  return { chrome, calls, state, reset };
}

// Installs a fresh fake as globalThis.chrome and returns it. Install it
// before importing the worker's modules (they register listeners at import);
// call fake.reset() between tests.
export function installFakeChrome() {
  const fake = makeFakeChrome();
  globalThis.chrome = fake.chrome;
  return fake;
}

// Replies of the native host (native_host/PROTOCOL.md), for tests.
export const hostReply = {
  resolved: (url, extra = {}) => ({ ok: true, url, family: 'arxiv', ids: [url.split('/').pop()], field: 'pageUrl', ...extra }),
  error: (code, message) => ({ ok: false, error: { code, message } }),
};

export function rejectWith(message) {
  return () => Promise.reject(new Error(message));
}
