// The only file with ipcMain: registers every contract channel for our window's frame, emits events, and the desktop Platform.
import {
  dialog,
  ipcMain,
  shell,
  type BrowserWindow,
  type IpcMainInvokeEvent,
  type MessageBoxOptions,
  type OpenDialogOptions,
  type WebFrameMain,
} from 'electron';
import { channels, type IpcResult } from '../../shared/ipc/contract.js';
import { confirmDropOptions } from './drop-question.js';
import { prepareForSystem } from '../app/open-with-system.js';
import { isAppUrl } from '../app/protocol-core.js';
import { dispatch } from './dispatch.js';
import type { Emit, Handlers, Platform } from './handlers.js';

/** The main window if it is open; registration outlives windows (macOS reopens them). */
export type WindowRef = () => BrowserWindow | null;

/**
 * Only the main frame of our own window, showing our own app://assay page, may call main: a
 * subframe, another window or a page that somehow navigated elsewhere gets nothing.
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  win: BrowserWindow | null,
): boolean {
  const frame = event.senderFrame;
  if (!win || win.isDestroyed() || !frame) return false;
  if (event.sender !== win.webContents) return false;
  const main = win.webContents.mainFrame;
  const isMainFrame = frame === main || (frame.processId === main.processId && frame.routingId === main.routingId);
  return isMainFrame && isAppUrl(frame.url);
}

const FORBIDDEN: IpcResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This request did not come from Assay’s own window, so it was refused.' },
};

/** Registers one ipcMain handler per contract channel; returns a function that removes them. */
export function registerIpc(
  /** The handlers, or their promise while the services open: a call that comes first waits for them. */
  handlers: Handlers | Promise<Handlers>,
  getWindow: WindowRef,
  log: (msg: string) => void = console.warn,
): () => void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event, getWindow())) {
        log(`[ipc] refused ${channel} from ${describeFrame(event.senderFrame)}`);
        return FORBIDDEN;
      }
      return handlers instanceof Promise
        ? handlers.then((h) => dispatch(h, channel, input))
        : dispatch(handlers, channel, input);
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

function describeFrame(frame: WebFrameMain | null): string {
  if (!frame) return 'a frame that is gone';
  return `${frame.parent ? 'a subframe' : 'a main frame'} at ${frame.url || 'an unknown address'}`;
}

/** Sends contract events to the main window; events for a closed window are dropped. */
export function createEmit(getWindow: WindowRef): Emit {
  return (event, payload) => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(event, payload);
  };
}

export type ImportDialogMode = 'package' | 'folder';

/**
 * Options for the import dialog. macOS lets one dialog pick a .zip or a folder; on Windows and Linux
 * a dialog asked for both shows folders only, so there it offers the .zip and File › Import package
 * folder… asks for a folder.
 */
export function importDialogOptions(mode: ImportDialogMode, platform: NodeJS.Platform): OpenDialogOptions {
  if (mode === 'folder')
    return { title: 'Import a review package folder', buttonLabel: 'Import', properties: ['openDirectory'] };
  const zip = { name: 'Review package (.zip)', extensions: ['zip'] };
  if (platform === 'darwin') {
    return {
      title: 'Import a review package',
      message: 'Choose a review package: its .zip file or its folder.',
      buttonLabel: 'Import',
      properties: ['openFile', 'openDirectory'],
      filters: [zip],
    };
  }
  return {
    title: 'Import a review package (.zip) — for a folder, use File › Import package folder…',
    buttonLabel: 'Import',
    properties: ['openFile'],
    filters: [zip],
  };
}

/** The question asked before any address leaves the app; the URL is shown in full so it can be checked. */
export function confirmExternalOptions(url: string): MessageBoxOptions {
  return {
    type: 'question',
    title: 'Open in browser',
    message: 'Open this address in your web browser?',
    detail: url,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
}

export interface DesktopPlatform extends Platform {
  /** File › Import package folder…: the next import dialog (within a few seconds) asks for a folder. */
  chooseFolderNext(): void;
}

/** A folder request older than this is stale (the renderer never asked), so Ctrl+O is not surprised by it. */
const FOLDER_REQUEST_TTL_MS = 10_000;

export function createPlatform(opts: {
  getWindow: WindowRef;
  appVersion: string;
  platform?: NodeJS.Platform;
  log?: (msg: string) => void;
}): DesktopPlatform {
  const platform = opts.platform ?? process.platform;
  const log = opts.log ?? console.warn;
  let folderRequestedAt = 0;
  return {
    appVersion: opts.appVersion,
    chooseFolderNext() {
      folderRequestedAt = Date.now();
    },
    async chooseImportPath() {
      const mode: ImportDialogMode = Date.now() - folderRequestedAt < FOLDER_REQUEST_TTL_MS ? 'folder' : 'package';
      folderRequestedAt = 0;
      const options = importDialogOptions(mode, platform);
      const win = opts.getWindow();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async confirmDrop(purpose, paths) {
      const win = opts.getWindow();
      const options = confirmDropOptions(purpose, paths);
      const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
      return response === 0;
    },
    async openExternal(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return false;
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
      const win = opts.getWindow();
      const options = confirmExternalOptions(parsed.href);
      const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
      if (response !== 0) return false;
      // Reviewed: http(s) only, shown to and confirmed by the assessor first.
      await shell.openExternal(parsed.href); // eng-disable OPEN_EXTERNAL_JS_CHECK
      return true;
    },
    async openPath(file, displayName) {
      let copy: string | null;
      try {
        copy = prepareForSystem(file, displayName);
      } catch (err) {
        log(`[platform] could not prepare ${displayName} for the system: ${(err as Error).message}`);
        return false;
      }
      if (!copy) {
        log(`[platform] refused to hand ${displayName} to the system: not a document, image, audio or video type`);
        return false;
      }
      // shell.openPath answers with an error message, or '' when the system took the file.
      const error = await shell.openPath(copy);
      if (error) log(`[platform] the system could not open ${displayName}: ${error}`);
      return error === '';
    },
  };
}
