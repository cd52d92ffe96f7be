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

export function describeLastRedirect(last) {
  if (!last || typeof last.url !== 'string') return 'None yet.';
  const when = Number.isFinite(last.at) ? new Date(last.at).toLocaleString() : '';
  const via = last.via === 'service' ? ' (via the redirect service)' : '';
  return `${last.url}${via}${when ? ` — ${when}` : ''}`;
}
