// Entry point of the extension's service worker. Each feature lives in its
// own file; all listeners are registered synchronously at top level, as MV3
// requires, so events that wake a stopped worker find them.

import { registerCommands } from './commands.js';
import { createMenus, registerContextMenu } from './context_menu.js';
import { registerMessages } from './messages.js';
import { registerOmnibox } from './omnibox.js';
import { coolpapersRedirect } from './redirect.js';

registerContextMenu();
registerCommands();
registerOmnibox();
registerMessages();

// What the context menu listener calls, exposed so tests (over CDP) and the
// curious (the worker's DevTools console) can drive it:
// coolpapersRedirect({pageUrl: 'https://arxiv.org/abs/2312.00001'}, tab)
// resolves to {ok:true, url} or {ok:false, error}.
globalThis.coolpapersRedirect = coolpapersRedirect;
// The menus' rebuild (what install and start-up run), resolving to
// {source, items}: the tests check that a user rule file's site gets the
// page menu, and `await coolpapersCreateMenus()` in the console shows which
// sites the menus cover and whether the host or the built-in list said so.
globalThis.coolpapersCreateMenus = createMenus;
