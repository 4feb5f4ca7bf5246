// A stand-in for the 'electron' module (which throws in plain Node): records what the app asks of it.
// Use: vi.mock('electron', () => import('./fake-electron.js').then((m) => m.electronModule))
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

export class Emitter {
  private readonly listeners = new Map<string, Listener[]>();
  on(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  once(event: string, fn: Listener): this {
    return this.on(event, fn);
  }
  off(event: string, fn: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((f) => f !== fn),
    );
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const fn of this.listeners.get(event) ?? []) (fn as (...a: unknown[]) => unknown)(...args);
  }
  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

type PermissionRequest = (
  wc: unknown,
  permission: string,
  cb: (granted: boolean) => void,
  details: { requestingUrl?: string },
) => void;
type PermissionCheck = (
  wc: unknown,
  permission: string,
  origin: string,
  details: { requestingUrl?: string },
) => boolean;
type Headers = Record<string, string[]>;
type HeadersListener = (details: { responseHeaders?: Headers }, cb: (r: { responseHeaders?: Headers }) => void) => void;

export class FakeSession {
  permissionRequest?: PermissionRequest;
  permissionCheck?: PermissionCheck;
  devicePermission?: () => boolean;
  headersReceived?: HeadersListener;
  webRequest = { onHeadersReceived: (fn: HeadersListener) => void (this.headersReceived = fn) };
  setPermissionRequestHandler(fn: PermissionRequest) {
    this.permissionRequest = fn;
  }
  setPermissionCheckHandler(fn: PermissionCheck) {
    this.permissionCheck = fn;
  }
  setDevicePermissionHandler(fn: () => boolean) {
    this.devicePermission = fn;
  }
}

export class FakeWebContents extends Emitter {
  session = new FakeSession();
  mainFrame = { url: 'app://assay/', processId: 1, routingId: 1, parent: null };
  openHandler?: (details: { url: string }) => { action: string };
  send = vi.fn();
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }) {
    this.openHandler = fn;
  }
}

export class FakeBrowserWindow extends Emitter {
  static all: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  loadURL = vi.fn(async (_url: string) => undefined);
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  maximize = vi.fn();
  setBackgroundColor = vi.fn();
  isMinimized = vi.fn(() => false);
  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
  }
  isDestroyed() {
    return false;
  }
  getNormalBounds() {
    return { x: 5, y: 6, width: 1000, height: 700 };
  }
  isMaximized() {
    return false;
  }
}

export class FakeApp extends Emitter {
  isPackaged = false;
  paths = new Map<string, string>([['appData', path.join(os.tmpdir(), 'assay-fake-appdata')]]);
  singleInstance = true;
  setName = vi.fn();
  setPath = vi.fn((name: string, value: string) => void this.paths.set(name, value));
  getPath = vi.fn((name: string) => this.paths.get(name) ?? os.tmpdir());
  getVersion = vi.fn(() => '0.0.0-test');
  enableSandbox = vi.fn();
  requestSingleInstanceLock = vi.fn(() => this.singleInstance);
  whenReady = vi.fn(async () => undefined);
  quit = vi.fn();
  exit = vi.fn();
  setAboutPanelOptions = vi.fn();
  showAboutPanel = vi.fn();
}

/** Everything a test inspects: what was registered, exposed and shown. */
export const fake = {
  app: new FakeApp(),
  ipcHandlers: new Map<string, (event: unknown, input: unknown) => unknown>(),
  exposed: new Map<string, unknown>(),
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  Menu: {
    buildFromTemplate: vi.fn((template: unknown) => ({ template, popup: vi.fn() })),
    setApplicationMenu: vi.fn(),
  },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: null })), on: vi.fn(), removeListener: vi.fn() },
  dialog: { showOpenDialog: vi.fn(), showMessageBox: vi.fn(), showErrorBox: vi.fn() },
  shell: { openExternal: vi.fn(async () => undefined), openPath: vi.fn(async (_file: string) => '') },
  webUtils: { getPathForFile: vi.fn((_file: unknown) => '') },
};

export const electronModule = {
  app: fake.app,
  BrowserWindow: FakeBrowserWindow,
  nativeTheme: { shouldUseDarkColors: false, on: vi.fn(), off: vi.fn() },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  protocol: fake.protocol,
  Menu: fake.Menu,
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) => fake.ipcHandlers.set(channel, fn),
    removeHandler: (channel: string) => fake.ipcHandlers.delete(channel),
  },
  dialog: fake.dialog,
  shell: fake.shell,
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value) },
  ipcRenderer: fake.ipcRenderer,
  webUtils: fake.webUtils,
};
