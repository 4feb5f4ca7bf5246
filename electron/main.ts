// Starts Assay: one instance, its data folder and services, IPC, the app:// protocol, the window and the menu.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, type BrowserWindow } from 'electron';
import { createCrashPolicy, installCrashPolicy } from './app/crash-policy.js';
import { attachContextMenu, installMenu } from './app/menu.js';
import { removeOpenCopies } from './app/open-with-system.js';
import { evidenceLookup } from './app/protocol-core.js';
import { handleAppProtocol, registerAppScheme } from './app/protocol.js';
import { createMainWindow } from './app/window.js';
import { WINDOW_STATE_FILE } from './app/window-state.js';
import { createAdminPlatform } from './app/admin-platform.js';
import type { Handlers } from './ipc/handlers.js';
import { createEmit, createPlatform, registerIpc } from './ipc/register.js';
import { APP_NAME } from './paths.js';
import type { Services } from './services.js';

/** dist/ (this file is dist/electron/main.js). */
const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NATIVE_FILE = 'better_sqlite3.node';

// An error nothing caught is logged and shown, and Assay keeps running so nothing unsaved is lost
// (see crash-policy.ts); showErrorBox works before the app is ready, too.
installCrashPolicy(
  process,
  createCrashPolicy({
    log: (line) => console.error(line),
    tell: (summary, detail) => dialog.showErrorBox(summary, detail),
  }),
);

// Before anything reads userData: the folder is "Assay" (as the CLI's defaultDataDir computes it),
// not the lower-case package name, so the app and `assay` on the command line share one store.
app.setName(APP_NAME);
app.setPath('userData', path.join(app.getPath('appData'), APP_NAME));
registerAppScheme();
app.enableSandbox();

/**
 * better-sqlite3 built for Electron's ABI (npm run native:electron). node_modules keeps the Node
 * build for the tests and the CLI, so without this file the store cannot open in Electron.
 */
function nativeBinding(): string | undefined {
  const file = app.isPackaged
    ? path.join(process.resourcesPath, 'app.asar.unpacked', 'dist', 'native', 'electron', NATIVE_FILE)
    : path.join(distDir, 'native', 'electron', NATIVE_FILE);
  return fs.existsSync(file) ? file : undefined;
}

function dataDir(): string {
  const override = process.env.ASSAY_DATA_DIR;
  return override ? path.resolve(override) : app.getPath('userData');
}

let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;
const getWindow = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null);

async function start(): Promise<void> {
  // The services, and the award, PDF and credential code they bring, load while Electron gets ready and
  // the window opens: IPC calls that come before them wait for them (test/bench/startup-bench.ts).
  const loading = Promise.all([import('./services.js'), import('./ipc/handlers.js')]);
  await app.whenReady();
  const dir = dataDir();
  const binding = nativeBinding();
  let handlersReady!: (h: Handlers) => void;
  const handlers = new Promise<Handlers>((resolve) => (handlersReady = resolve));

  const restart = async (backupPath: string) => {
    // The store is replaced on disk: stop its jobs, close it, restore (checked before anything is replaced), start again.
    await services?.jobs.stopAll();
    services?.close();
    services = null;
    try {
      const { restoreDataDir } = await import('./backup/backups.js');
      await restoreDataDir(dir, backupPath);
    } catch (err) {
      dialog.showErrorBox(
        'The backup was not restored',
        `${(err as Error).message}\n\nYour data is as it was. Assay will start again.`,
      );
    }
    app.relaunch();
    app.exit(0);
  };
  const platform = {
    ...createPlatform({ getWindow, appVersion: app.getVersion() }),
    admin: createAdminPlatform(getWindow, restart),
  };
  registerIpc(handlers, getWindow);
  // Evidence is asked for only by pages the services have answered, so until they are open there is none.
  let lookupEvidence: ReturnType<typeof evidenceLookup> = () => null;
  handleAppProtocol({ rendererRoot: path.join(distDir, 'renderer'), lookupEvidence: (sha) => lookupEvidence(sha) });

  app.setAboutPanelOptions({ applicationName: APP_NAME, applicationVersion: app.getVersion(), copyright: 'Assay' });
  installMenu({
    platform: process.platform,
    isPackaged: app.isPackaged,
    appName: APP_NAME,
    send: (command) => getWindow()?.webContents.send('menu:command', command),
    importFolder: () => {
      platform.chooseFolderNext();
      getWindow()?.webContents.send('menu:command', 'import');
    },
    showAbout: () => app.showAboutPanel(),
  });

  const open = () => {
    mainWindow = createMainWindow({
      preloadPath: path.join(distDir, 'preload', 'preload.cjs'),
      stateFile: path.join(app.getPath('userData'), WINDOW_STATE_FILE),
      devTools: !app.isPackaged,
      // Links leave the app only through the Platform's confirm-then-open flow (http(s) only).
      openExternal: (url) => platform.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK
    });
    attachContextMenu(mainWindow.webContents);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };
  open();
  // macOS keeps the app running with no window; the Dock icon brings one back.
  app.on('activate', () => {
    if (!getWindow()) open();
  });

  const [{ openServices }, { createHandlers }] = await loading;
  try {
    services = openServices(dir, { jobs: 'worker', ...(binding ? { nativeBinding: binding } : {}) });
  } catch (err) {
    const hint =
      binding || app.isPackaged
        ? ''
        : '\n\nThe database module for Electron is missing: run `npm run native:electron`, then start Assay again.';
    dialog.showErrorBox('Assay could not open its data', `${(err as Error).message}\n\nData folder: ${dir}${hint}`);
    app.exit(1);
    return;
  }
  lookupEvidence = evidenceLookup(services);
  handlersReady(createHandlers(services, platform, createEmit(getWindow)));
}

if (!app.requestSingleInstanceLock()) {
  // Two instances would write one SQLite store and evidence folder at once: the first one takes over.
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = getWindow();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let backedUp = false;
  let jobsStopped = false;
  app.on('will-quit', (event) => {
    const s = services;
    if (s && !jobsStopped && s.jobs.running().length > 0) {
      // A job still running (an export, a backup) stops and removes what it had half written before the store closes.
      event.preventDefault();
      jobsStopped = true;
      void s.jobs.stopAll().finally(() => app.quit());
      return;
    }
    if (s && !backedUp && s.settings.get().autoBackup) {
      // Automatic backup on quit, keeping the last few: quit waits for it.
      event.preventDefault();
      backedUp = true;
      s.backups
        .onQuit()
        .catch((err: unknown) => console.error(`[backup] automatic backup failed: ${(err as Error).message}`))
        .finally(() => app.quit());
      return;
    }
    services?.close();
    services = null;
    removeOpenCopies();
  });
  start().catch((err: unknown) => {
    dialog.showErrorBox('Assay could not start', (err as Error).stack ?? String(err));
    app.exit(1);
  });
}
