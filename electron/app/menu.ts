// The application menu (and the edit/spelling context menu), built by pure template functions.
import { Menu, type ContextMenuParams, type MenuItemConstructorOptions, type WebContents } from 'electron';
import type { EventPayload } from '../../shared/ipc/contract.js';

export type MenuCommand = EventPayload<'menu:command'>;

export interface MenuOptions {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  appName: string;
  /** Sends 'menu:command' to the renderer, which runs the same flow as its own buttons. */
  send(command: MenuCommand): void;
  /** Windows/Linux: ask for a folder, since their dialog cannot offer a .zip and a folder at once. */
  importFolder(): void;
  showAbout(): void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = o.platform === 'darwin';
  const dev = !o.isPackaged;

  const appMenu: MenuItemConstructorOptions = {
    label: o.appName,
    submenu: [
      { role: 'about' },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Import package…', accelerator: 'CmdOrCtrl+O', click: () => o.send('import') },
      ...(isMac
        ? []
        : [{ label: 'Import package folder…', accelerator: 'CmdOrCtrl+Shift+O', click: () => o.importFolder() }]),
      separator,
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      // Reload would drop an unsaved review, so it exists only while developing.
      ...(dev ? [{ role: 'reload' } as const, { role: 'forceReload' } as const] : []),
      ...(dev ? [{ role: 'toggleDevTools' } as const, separator] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: '&Window',
    submenu: isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [{ label: `About ${o.appName}`, click: () => o.showAbout() }],
  };

  return [...(isMac ? [appMenu] : []), file, edit, view, windowMenu, help];
}

export function installMenu(o: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(o)));
}

/** Right-click: spelling suggestions (spellcheck is on, and feedback is long prose) and the edit actions. */
export function buildContextMenuTemplate(
  params: Pick<ContextMenuParams, 'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'editFlags'>,
  contents: Pick<WebContents, 'replaceMisspelling' | 'session'>,
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  if (params.misspelledWord) {
    for (const suggestion of params.dictionarySuggestions.slice(0, 5)) {
      items.push({ label: suggestion, click: () => contents.replaceMisspelling(suggestion) });
    }
    if (params.dictionarySuggestions.length === 0) items.push({ label: 'No suggestions', enabled: false });
    items.push(
      {
        label: 'Add to dictionary',
        click: () => contents.session.addWordToSpellCheckerDictionary(params.misspelledWord),
      },
      separator,
    );
  }
  const f = params.editFlags;
  if (params.isEditable)
    items.push(
      { role: 'cut', enabled: f.canCut },
      { role: 'copy', enabled: f.canCopy },
      { role: 'paste', enabled: f.canPaste },
      separator,
    );
  else if (f.canCopy) items.push({ role: 'copy' }, separator);
  items.push({ role: 'selectAll', enabled: f.canSelectAll });
  return items;
}

export function attachContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    Menu.buildFromTemplate(buildContextMenuTemplate(params, contents)).popup();
  });
}
