// Which URLs the extension may open. Every URL it opens passes through
// isAllowedTarget: a Cool Papers page under the configured base, or the
// redirect service the user configured. Whatever the host or a web page
// says, nothing else is ever opened.

// True iff `url` is `<base>/arxiv/...` or `<base>/venue/...` (the only pages
// the resolution contract emits) and parses to the base's own origin.
export function isCoolPapersUrl(url, baseUrl) {
  if (typeof url !== 'string' || typeof baseUrl !== 'string' || baseUrl === '') return false;
  if (!url.startsWith(`${baseUrl}/arxiv/`) && !url.startsWith(`${baseUrl}/venue/`)) return false;
  return sameOrigin(url, baseUrl);
}

// The redirect service's browser entry point (`GET /?q=TEXT`, README.md "Redirect service").
export function serviceUrlFor(serviceUrl, text) {
  return `${serviceUrl}/?q=${encodeURIComponent(text)}`;
}

export function isServiceUrl(url, serviceUrl) {
  if (typeof url !== 'string' || typeof serviceUrl !== 'string' || serviceUrl === '') return false;
  return url.startsWith(`${serviceUrl}/?q=`) && sameOrigin(url, serviceUrl);
}

export function isAllowedTarget(url, settings) {
  return isCoolPapersUrl(url, settings.baseUrl) || isServiceUrl(url, settings.serviceUrl);
}

function sameOrigin(a, b) {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
