// Notifications: the user is told about every click that does not open a
// page. One id per kind (constants.NOTIFICATION) so a repeated failure
// replaces the earlier notification instead of stacking up.

export async function notify(id, title, message) {
  try {
    await chrome.notifications.create(id, {
      type: 'basic',
      iconUrl: chrome.runtime.getURL('icons/icon128.png'),
      title,
      message,
      priority: 1,
    });
  } catch (err) {
    // Nothing else can reach the user from here; leave a trace for
    // chrome://extensions ("Errors") at least.
    console.error('Cool Papers: could not show a notification:', err?.message ?? err, '-', message);
  }
}
