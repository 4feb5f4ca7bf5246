// Creates the main window: locked-down webPreferences, CSP, no navigation, popups or permissions, remembered bounds.
import {
  BrowserWindow,
  nativeTheme,
  screen,
  type BrowserWindowConstructorOptions,
  type Session,
  type WebContents,
} from 'electron';
import { APP_URL, CSP, isAppUrl } from './protocol-core.js';
import {
  MIN_SIZE,
  readWindowState,
  restoreWindowState,
  writeWindowState,
  type RestoredWindow,
} from './window-state.js';

/** The renderer's page colours, so the window never flashes white in dark mode (or black in light). */
export const BACKGROUND = { light: '#f6f4ee', dark: '#0f1f1e' } as const;

export interface WindowOptionsInput {
  /** Absolute path of dist/preload/preload.cjs. */
  preloadPath: string;
  dark: boolean;
  place: RestoredWindow;
  /** DevTools only in development: a packaged app gives an assessor no console to paste into. */
  devTools: boolean;
}

export function buildWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const { place } = input;
  return {
    title: 'Assay',
    width: place.width,
    height: place.height,
    ...(place.x !== undefined && place.y !== undefined ? { x: place.x, y: place.y } : {}),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    backgroundColor: input.dark ? BACKGROUND.dark : BACKGROUND.light,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      devTools: input.devTools,
      // Middle-click would otherwise open links in new windows without a click event we can see.
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/**
 * Everything is denied except fullscreen for our own pages: the evidence player's fullscreen button
 * (classroom video) goes through this handler, and nothing remote is ever loaded to abuse it.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return permission === 'fullscreen' && typeof requestingUrl === 'string' && isAppUrl(requestingUrl);
}

export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export type OpenExternal = (url: string) => Promise<boolean>;

/** Navigation, popups and attached webviews: only our own origin stays in the window. */
export function lockDownContents(contents: WebContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    // A plain link to the web: offer it in the browser (after the assessor confirms) rather than lose it.
    if (isWebUrl(event.url)) void openExternal(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebUrl(url)) void openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Session-wide: no permission is granted, and every response carries the CSP (the protocol sets it too). */
export function lockDownSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    isPermissionAllowed(permission, details.requestingUrl),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    // A response that has a policy keeps it: evidence carries a stricter one (sandbox) than the app's.
    const hasPolicy = Object.keys(details.responseHeaders ?? {}).some(
      (name) => name.toLowerCase() === 'content-security-policy',
    );
    if (hasPolicy) {
      callback({});
      return;
    }
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
}

export interface MainWindowInput {
  preloadPath: string;
  /** JSON file in userData where bounds are remembered. */
  stateFile: string;
  devTools: boolean;
  openExternal: OpenExternal;
}

export function createMainWindow(input: MainWindowInput): BrowserWindow {
  const place = restoreWindowState(readWindowState(input.stateFile), screen.getAllDisplays());
  const options = buildWindowOptions({
    preloadPath: input.preloadPath,
    dark: nativeTheme.shouldUseDarkColors,
    place,
    devTools: input.devTools,
  });
  const win = new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      // Restated where the window is made: a later change to the builder cannot drop them, and
      // static checkers (Electronegativity) only read the literal passed to `new BrowserWindow`.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  lockDownSession(win.webContents.session);
  lockDownContents(win.webContents, input.openExternal);

  // The window's name is the product's; documents' titles would otherwise replace it.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => {
    if (place.maximized) win.maximize();
    win.show();
  });
  const followTheme = () =>
    win.setBackgroundColor(nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light);
  nativeTheme.on('updated', followTheme);
  win.on('close', () =>
    writeWindowState(input.stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() }),
  );
  win.on('closed', () => nativeTheme.off('updated', followTheme));

  win
    .loadURL(APP_URL)
    .catch((err: unknown) => console.error(`[window] could not load ${APP_URL}: ${(err as Error).message}`));
  return win;
}
