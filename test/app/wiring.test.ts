// The Electron wiring with a faked 'electron': window options, CSP, navigation, permissions, IPC senders, preload, menu.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, FakeBrowserWindow } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js').then((m) => m.electronModule));

const { CSP } = await import('../../electron/app/protocol-core.js');
const { buildWindowOptions, createMainWindow, isPermissionAllowed } = await import('../../electron/app/window.js');
const { createEmit, createPlatform, registerIpc } = await import('../../electron/ipc/register.js');
const { buildMenuTemplate } = await import('../../electron/app/menu.js');
const { removeOpenCopies } = await import('../../electron/app/open-with-system.js');
const { createHandlers } = await import('../../electron/ipc/handlers.js');
const { openServices } = await import('../../electron/services.js');
const { channels, eventNames } = await import('../../shared/ipc/contract.js');
type Api = import('../../shared/ipc/contract.js').Api;
type FakeWindow = FakeBrowserWindow;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-wiring-'));
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  removeOpenCopies();
});

function openWindow(openExternal = vi.fn(async (_url: string) => true)) {
  createMainWindow({
    preloadPath: '/abs/dist/preload/preload.cjs',
    stateFile: path.join(tmp, 'window-state.json'),
    devTools: false,
    openExternal,
  });
  const win = FakeBrowserWindow.all.at(-1)!;
  return { win, openExternal };
}

const navEvent = (url: string) => ({ url, preventDefault: vi.fn() });

describe('the main window', () => {
  it('builds locked-down options', () => {
    const place = { width: 1000, height: 700, maximized: false };
    const wp = buildWindowOptions({
      preloadPath: '/abs/preload.cjs',
      dark: true,
      place,
      devTools: false,
    }).webPreferences!;
    expect(wp).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
      preload: '/abs/preload.cjs',
    });
    expect(wp.nodeIntegrationInSubFrames).toBe(false);
    expect(wp.webviewTag).toBe(false);
    expect(wp.allowRunningInsecureContent).toBe(false);
    expect(wp.devTools).toBe(false);
  });

  it('passes those options to BrowserWindow, loads app://assay/ and shows when ready', () => {
    const { win } = openWindow();
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: '/abs/dist/preload/preload.cjs',
    });
    expect(win.options.show).toBe(false);
    expect(win.options.title).toBe('Assay');
    expect(win.loadURL).toHaveBeenCalledWith('app://assay/');
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });

  it('has a strict CSP: no eval, no remote origins', () => {
    // 'wasm-unsafe-eval' allows WebAssembly compilation only, never JavaScript eval.
    expect(CSP).not.toMatch(/'unsafe-eval'/);
    expect(CSP).not.toMatch(/'unsafe-inline'[^;]*;[^;]*script|script-src[^;]*'unsafe-inline'/);
    expect(CSP).not.toMatch(/https?:/);
    expect(CSP).not.toMatch(/\*/);
    for (const d of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'none'",
    ])
      expect(CSP).toContain(d);
    const { win } = openWindow();
    let headers: Record<string, string[]> | undefined;
    win.webContents.session.headersReceived!(
      { responseHeaders: { 'X-Other': ['1'] } },
      (r) => (headers = r.responseHeaders),
    );
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CSP] });
    // Evidence responses bring their own, stricter policy: it is left alone.
    let answer: object | undefined;
    win.webContents.session.headersReceived!(
      { responseHeaders: { 'content-security-policy': ['sandbox'] } },
      (r) => (answer = r),
    );
    expect(answer).toEqual({});
  });

  it('prevents navigation away from our origin and offers web links to the browser', () => {
    const { win, openExternal } = openWindow();
    const outside = navEvent('https://evil.example/');
    win.webContents.emit('will-navigate', outside);
    expect(outside.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://evil.example/');

    const file = navEvent('file:///etc/passwd');
    win.webContents.emit('will-navigate', file);
    expect(file.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledTimes(1);

    const inside = navEvent('app://assay/index.html');
    win.webContents.emit('will-navigate', inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();

    const redirect = navEvent('https://evil.example/');
    win.webContents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window, routing web links to the confirm-then-open flow', () => {
    const { win, openExternal } = openWindow();
    expect(win.webContents.openHandler!({ url: 'https://example.org/rubric' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.org/rubric');
    expect(win.webContents.openHandler!({ url: 'app://assay/' })).toEqual({ action: 'deny' });
    expect(win.webContents.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('denies permission requests and checks', () => {
    const { win } = openWindow();
    const s = win.webContents.session;
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'display-capture',
    ]) {
      const cb = vi.fn();
      s.permissionRequest!({}, permission, cb, { requestingUrl: 'app://assay/' });
      expect(cb).toHaveBeenCalledWith(false);
      expect(s.permissionCheck!({}, permission, 'app://assay', { requestingUrl: 'app://assay/' })).toBe(false);
    }
    expect(s.devicePermission!()).toBe(false);
    // The one exception: fullscreen for our own pages (the evidence video player), never for others.
    expect(isPermissionAllowed('fullscreen', 'app://assay/')).toBe(true);
    expect(isPermissionAllowed('fullscreen', 'https://evil.example/')).toBe(false);
    expect(isPermissionAllowed('fullscreen', undefined)).toBe(false);
  });

  it('remembers its bounds when closed', () => {
    const { win } = openWindow();
    win.emit('close');
    expect(JSON.parse(fs.readFileSync(path.join(tmp, 'window-state.json'), 'utf8'))).toEqual({
      bounds: { x: 5, y: 6, width: 1000, height: 700 },
      maximized: false,
    });
  });
});

describe('IPC registration', () => {
  const win = new FakeBrowserWindow({});
  const asWindow = () => win as unknown as BrowserWindow;
  const services = openServices(path.join(tmp, 'data'));
  const platform = createPlatform({ getWindow: asWindow, appVersion: '0.0.0-test', platform: 'linux', log: () => {} });
  const log = vi.fn();
  registerIpc(createHandlers(services, platform, createEmit(asWindow)), asWindow, log);
  afterAll(() => services.close());

  const fromMainFrame = (w: FakeWindow = win) => ({ sender: w.webContents, senderFrame: w.webContents.mainFrame });
  const call = (channel: string, event: object, input?: unknown) => fake.ipcHandlers.get(channel)!(event, input);

  it('registers exactly the contract channels', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...channels].sort());
  });

  it('refuses a call from a foreign frame with forbidden, and logs it', async () => {
    const foreign = {
      sender: win.webContents,
      senderFrame: { url: 'https://evil.example/', processId: 1, routingId: 9, parent: win.webContents.mainFrame },
    };
    expect(await call('queue:counts', foreign)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('refused queue:counts'));
  });

  it('refuses another window, a gone frame, and our frame showing another origin', async () => {
    const other = new FakeBrowserWindow({});
    expect(await call('queue:counts', fromMainFrame(other))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('queue:counts', { sender: win.webContents, senderFrame: null })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const elsewhere = { ...win.webContents.mainFrame, url: 'https://evil.example/' };
    expect(await call('queue:counts', { sender: win.webContents, senderFrame: elsewhere })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('answers bad input with bad-input', async () => {
    expect(await call('import:package', fromMainFrame(), { path: '' })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    });
    expect(await call('queue:list', fromMainFrame(), 'not a query')).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    });
  });

  it('runs a valid call through the real handler over a real store', async () => {
    const counts = await call('queue:counts', fromMainFrame());
    expect(counts).toMatchObject({ ok: true });
    const info = await call('app:info', fromMainFrame());
    expect(info).toEqual({
      ok: true,
      value: { name: 'Assay', version: '0.0.0-test', dataDir: path.join(tmp, 'data'), firstRun: true },
    });
  });

  it('emits events to the main window', () => {
    createEmit(asWindow)('menu:command', 'import');
    expect(win.webContents.send).toHaveBeenCalledWith('menu:command', 'import');
  });

  describe('the platform', () => {
    beforeEach(() => {
      fake.dialog.showMessageBox.mockReset();
      fake.dialog.showOpenDialog.mockReset();
      fake.shell.openExternal.mockClear();
      fake.shell.openPath.mockClear();
    });

    it('opens a web address only after the assessor confirms, showing it', async () => {
      fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
      expect(await platform.openExternal('https://example.org/a')).toBe(false);
      expect(fake.shell.openExternal).not.toHaveBeenCalled();
      fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
      expect(await platform.openExternal('https://example.org/a')).toBe(true);
      expect(fake.shell.openExternal).toHaveBeenCalledWith('https://example.org/a');
      const options = fake.dialog.showMessageBox.mock.calls[0]!.at(-1) as { buttons: string[]; detail: string };
      expect(options.buttons).toEqual(['Open in browser', 'Cancel']);
      expect(options.detail).toBe('https://example.org/a');
    });

    it('never opens anything but http(s), and asks nothing', async () => {
      for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'not a url']) {
        expect(await platform.openExternal(url)).toBe(false);
      }
      expect(fake.dialog.showMessageBox).not.toHaveBeenCalled();
      expect(fake.shell.openExternal).not.toHaveBeenCalled();
    });

    it('opens evidence with the system as a named copy, and never a type that runs', async () => {
      const stored = path.join(tmp, 'a'.repeat(64));
      fs.writeFileSync(stored, 'lesson plan');
      expect(await platform.openPath(stored, 'Lesson plan.docx')).toBe(true);
      const copy = fake.shell.openPath.mock.lastCall![0];
      expect(path.basename(copy)).toBe('Lesson plan.docx');
      expect(fs.readFileSync(copy, 'utf8')).toBe('lesson plan');
      for (const name of ['setup.exe', 'run.js', 'x.desktop', 'x.command', 'report.pdf.lnk', 'noextension']) {
        expect(await platform.openPath(stored, name)).toBe(false);
      }
      expect(fake.shell.openPath).toHaveBeenCalledTimes(1);
      fake.shell.openPath.mockResolvedValueOnce('No application is associated with this file');
      expect(await platform.openPath(stored, 'notes.odt')).toBe(false);
    });

    it('asks the person before dropped files are used, showing where they are', async () => {
      fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
      expect(await platform.confirmDrop('evidence', ['/home/a/plan.pdf', '/home/a/video.mp4'])).toBe(false);
      const options = fake.dialog.showMessageBox.mock.calls.at(-1)!.at(-1) as { message: string; detail: string };
      expect(options).toMatchObject({
        message: 'Add these 2 files as evidence?',
        detail: '/home/a/plan.pdf\n/home/a/video.mp4',
      });
      fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
      expect(await platform.confirmDrop('package', ['/home/a/pkg.zip'])).toBe(true);
      expect(fake.dialog.showMessageBox.mock.calls.at(-1)!.at(-1)).toMatchObject({
        message: 'Import this review package?',
        detail: '/home/a/pkg.zip',
      });
    });

    it('asks for a .zip, or a folder after File › Import package folder…', async () => {
      fake.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/x/pkg.zip'] });
      expect(await platform.chooseImportPath()).toBe('/x/pkg.zip');
      expect(fake.dialog.showOpenDialog.mock.calls[0]!.at(-1)).toMatchObject({
        properties: ['openFile'],
        filters: [{ extensions: ['zip'] }],
      });
      platform.chooseFolderNext();
      await platform.chooseImportPath();
      expect(fake.dialog.showOpenDialog.mock.calls[1]!.at(-1)).toMatchObject({ properties: ['openDirectory'] });
      fake.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
      expect(await platform.chooseImportPath()).toBeNull();
    });
  });
});

describe('the preload', () => {
  it('exposes exactly one method per contract channel, on and dropFiles', async () => {
    await import('../../electron/preload.js');
    expect([...fake.exposed.keys()]).toEqual(['api']);
    const api = fake.exposed.get('api') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...channels, 'on', 'dropFiles'].sort());
    for (const key of Object.keys(api)) expect(typeof api[key]).toBe('function');
  });

  it('invokes the channel of the method called, with its input', async () => {
    const api = fake.exposed.get('api') as Api;
    await api['queue:counts']();
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith('queue:counts', undefined);
    const token = 'A'.repeat(43);
    await api['import:package']({ token });
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith('import:package', { token });
  });

  it('subscribes to contract events only, hands over the payload alone, and unsubscribes', () => {
    const api = fake.exposed.get('api') as Api;
    const listener = vi.fn();
    const off = api.on('menu:command', listener);
    const [event, wrapped] = fake.ipcRenderer.on.mock.lastCall as unknown as [string, (e: unknown, p: unknown) => void];
    expect(event).toBe('menu:command');
    wrapped({ sender: 'ipcRenderer itself' }, 'import');
    expect(listener).toHaveBeenCalledWith('import');
    expect(listener.mock.calls[0]).toHaveLength(1);
    off();
    expect(fake.ipcRenderer.removeListener).toHaveBeenCalledWith('menu:command', wrapped);

    const calls = fake.ipcRenderer.on.mock.calls.length;
    const on = api.on.bind(api) as unknown as (event: string, cb: () => void) => () => void;
    for (const name of ['import:package', 'ipc-message', '__proto__', 'toString'])
      expect(() => on(name, () => {})).toThrow(/no event/);
    expect(fake.ipcRenderer.on.mock.calls.length).toBe(calls);
    expect(eventNames.length).toBeGreaterThan(0);
  });

  it('hands dropped files’ paths to main to confirm, and gives the page only what main answers', async () => {
    const api = fake.exposed.get('api') as Api;
    const chosen = [{ token: 'B'.repeat(43), name: 'pkg.zip' }];
    fake.webUtils.getPathForFile.mockReturnValueOnce('/home/a/pkg.zip').mockReturnValueOnce('');
    fake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: chosen } as never);
    expect(await api.dropFiles([new Blob(['x']), new Blob(['y'])], 'package')).toEqual({
      ok: true,
      value: { files: chosen, withoutPath: 1 },
    });
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith('dialog:confirmDrop', {
      purpose: 'package',
      paths: ['/home/a/pkg.zip'],
    });
    // Nothing from the disk: main is not asked at all.
    const calls = fake.ipcRenderer.invoke.mock.calls.length;
    expect(await api.dropFiles([new Blob(['z'])], 'evidence')).toEqual({
      ok: true,
      value: { files: [], withoutPath: 1 },
    });
    expect(fake.ipcRenderer.invoke.mock.calls.length).toBe(calls);
  });
});

describe('the application menu', () => {
  const send = vi.fn();
  const importFolder = vi.fn();
  const template = (platform: NodeJS.Platform, isPackaged: boolean) =>
    buildMenuTemplate({ platform, isPackaged, appName: 'Assay', send, importFolder, showAbout: vi.fn() });
  const submenu = (items: MenuItemConstructorOptions[], label: string) =>
    (items.find((m) => m.label?.replace('&', '') === label)?.submenu ?? []) as MenuItemConstructorOptions[];

  it('has File › Import package… on CmdOrCtrl+O, which asks the renderer to import', () => {
    const item = submenu(template('linux', true), 'File').find((i) => i.label === 'Import package…')!;
    expect(item.accelerator).toBe('CmdOrCtrl+O');
    (item.click as () => void)();
    expect(send).toHaveBeenCalledWith('import');
  });

  it('offers Import package folder… where a dialog cannot pick both (not on macOS)', () => {
    expect(submenu(template('win32', true), 'File').some((i) => i.label === 'Import package folder…')).toBe(true);
    expect(submenu(template('darwin', true), 'File').some((i) => i.label === 'Import package folder…')).toBe(false);
    expect(template('darwin', true)[0]!.label).toBe('Assay');
  });

  it('has reload and devtools only when not packaged', () => {
    const roles = (packaged: boolean) => submenu(template('linux', packaged), 'View').map((i) => i.role);
    expect(roles(true)).not.toContain('reload');
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(true)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));
    expect(submenu(template('linux', true), 'Help').map((i) => i.label)).toEqual(['About Assay']);
  });
});
