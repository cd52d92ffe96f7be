// Keyboard shortcut: redirect the current page. The key press grants
// activeTab, which is what makes `tab.url` readable here.

import { coolpapersRedirect } from './redirect.js';

export const COMMAND_REDIRECT_PAGE = 'redirect-current-page';

export function onCommand(command, tab) {
  if (command !== COMMAND_REDIRECT_PAGE) return undefined;
  return coolpapersRedirect({ pageUrl: tab?.url }, tab);
}

export function registerCommands() {
  chrome.commands.onCommand.addListener(onCommand);
}
