// Plain-words descriptions for the popup, kept apart from the DOM code so
// they can be tested without a browser.

export function describeHost(status) {
  const host = status?.host;
  if (!host) return { state: 'broken', text: 'Unknown: the service worker did not answer.' };
  if (host.installed) {
    const rules = Number.isFinite(host.rules) ? host.rules : 0;
    return { state: 'ok', text: `Installed: coolpapers ${host.version}, ${rules} rule${rules === 1 ? '' : 's'}.` };
  }
  if (host.kind === 'missing') {
    const fallback = status.serviceUrl ? ` Using the redirect service ${status.serviceUrl} instead.` : '';
    return { state: 'missing', text: `Not installed.${fallback}` };
  }
  return { state: host.kind === 'timeout' ? 'timeout' : 'broken', text: `Broken: ${host.message}` };
}

// One line of the popup's recent list: what the user gave and where it led.
export function describeRecent(entry) {
  // Only web pages become links (storage holds what the worker checked, but
  // a link is not the place to trust that).
  if (!entry || typeof entry.url !== 'string' || !/^https?:\/\//i.test(entry.url)) return null;
  const input = typeof entry.input === 'string' && entry.input ? entry.input : '(this page)';
  const via = entry.via === 'service' ? ' (via the redirect service)' : '';
  return { input, url: entry.url, text: `${input} → ${entry.url}${via}` };
}
