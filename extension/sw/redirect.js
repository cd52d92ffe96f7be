// The one thing every way in (context menu, toolbar popup, keyboard command,
// omnibox) does: ask the native host where the user's input leads, open that
// page, and otherwise tell the user why not. A click is never silent: every
// path below ends in an opened tab or a notification.

import {
  INSTALL_HINT, NO_ID_MESSAGE, NOTIFICATION,
} from '../lib/constants.js';
import { HOST_FAILURE, askHost, replyErrorText } from '../lib/native_host.js';
import { firstInputText, hasInput, resolveRequest } from '../lib/requests.js';
import { loadSettings } from '../lib/settings.js';
import { isCoolPapersUrl, serviceUrlFor } from '../lib/targets.js';
import { isPageClick, readPageMeta } from '../lib/page_meta.js';
import { recordRedirect } from './history.js';
import { notify } from './notify.js';
import { openTarget } from './open_tab.js';

const TITLE = 'Cool Papers';

// Resolves `info` (OnClickData fields: selectionText, linkUrl, pageUrl,
// frameUrl) and opens the answer relative to `tab`. `options.disposition`
// overrides the "open in" setting (the omnibox passes its own).
// Returns {ok:true, url, ...} or {ok:false, error, kind}; never rejects.
export async function coolpapersRedirect(info, tab, options = {}) {
  try {
    const settings = await loadSettings();
    const disposition = options.disposition ?? settings.openIn;
    if (!hasInput(info)) return failure('no_id', NOTIFICATION.NO_ID, NO_ID_MESSAGE);

    // A click on the page itself: its meta tags go along, for paper sites
    // whose URLs hold no id.
    if (isPageClick(info, tab)) {
      const pageMeta = await readPageMeta(tab.id);
      if (pageMeta) info = { ...info, pageMeta };
    }

    let reply;
    try {
      reply = await askHost(resolveRequest(info, settings.baseUrl));
    } catch (err) {
      if (err.kind === HOST_FAILURE.MISSING && settings.serviceUrl) {
        return await viaService(info, tab, disposition, settings);
      }
      return hostFailure(err);
    }

    if (reply.ok !== true) {
      // The host's words name what it looked at ("in the text", "in the URL").
      if (reply.error?.code === 'no_match') return failure('no_id', NOTIFICATION.NO_ID, noIdMessage(reply));
      if (reply.error?.code === 'bad_config') {
        // The host refused our base URL: the user's setting, not the host.
        return failure('bad_config', NOTIFICATION.FAILED,
          `Check the Cool Papers base URL in the extension's options: ${replyErrorText(reply)}`);
      }
      return failure('host_broken', NOTIFICATION.HOST_BROKEN,
        `The native host is broken: ${replyErrorText(reply)}`);
    }
    if (!isCoolPapersUrl(reply.url, settings.baseUrl)) {
      return failure('host_broken', NOTIFICATION.HOST_BROKEN,
        `The native host is broken: it answered ${String(reply.url)}, which is not a page under ${settings.baseUrl}.`);
    }

    const opened = await openTarget(reply.url, tab, disposition, settings);
    const result = {
      ok: true, url: reply.url, via: 'host', tabId: opened?.id, family: reply.family, ids: reply.ids, field: reply.field,
    };
    await recordRedirect({ input: firstInputText(info), url: reply.url, via: 'host', family: reply.family, ids: reply.ids });
    return result;
  } catch (err) {
    return failure('failed', NOTIFICATION.FAILED, `Could not redirect: ${err?.message ?? err}`);
  }
}

// The native host is not installed but the user configured a redirect
// service: hand the input to the service, which answers with a redirect.
async function viaService(info, tab, disposition, settings) {
  const url = serviceUrlFor(settings.serviceUrl, firstInputText(info));
  const opened = await openTarget(url, tab, disposition, settings);
  await recordRedirect({ input: firstInputText(info), url, via: 'service' });
  return { ok: true, url, via: 'service', tabId: opened?.id };
}

function hostFailure(err) {
  switch (err.kind) {
    case HOST_FAILURE.MISSING:
      return failure('host_missing', NOTIFICATION.HOST_MISSING,
        `The Cool Papers native host is not installed (${err.message}) ${INSTALL_HINT}`);
    case HOST_FAILURE.TIMEOUT:
      return failure('host_timeout', NOTIFICATION.HOST_TIMEOUT,
        `The native host is broken: ${err.message}`);
    default:
      return failure('host_broken', NOTIFICATION.HOST_BROKEN,
        `The native host is broken: ${err?.message ?? err}`);
  }
}

// Longest host message shown as is; a longer one is not the resolver's.
const MAX_NO_ID_MESSAGE_CHARS = 200;

function noIdMessage(reply) {
  const message = reply.error?.message;
  const plain = typeof message === 'string' && message.startsWith('No paper id found') &&
    message.length <= MAX_NO_ID_MESSAGE_CHARS;
  return plain ? message : NO_ID_MESSAGE;
}

async function failure(kind, notificationId, message) {
  await notify(notificationId, TITLE, message);
  return { ok: false, kind, error: message };
}
