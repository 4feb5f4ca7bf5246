// Startup with a faked 'electron': data folder, scheme before ready, single instance, IPC, protocol, window, menu, quit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { channels } from '../../shared/ipc/contract.js';
import { fake, FakeBrowserWindow } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js').then((m) => m.electronModule));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-main-'));
const dataDir = path.join(tmp, 'data');
const previous = process.env.ASSAY_DATA_DIR;
process.env.ASSAY_DATA_DIR = dataDir;
fake.app.paths.set('appData', path.join(tmp, 'appData'));

afterAll(() => {
  fake.app.emit('will-quit');
  if (previous === undefined) delete process.env.ASSAY_DATA_DIR;
  else process.env.ASSAY_DATA_DIR = previous;
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('electron/main.ts', () => {
  it('names the app and its folder, registers the scheme and the sandbox before ready', async () => {
    await import('../../electron/main.js');
    expect(fake.app.setName).toHaveBeenCalledWith('Assay');
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', path.join(tmp, 'appData', 'Assay'));
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    const [schemes] = fake.protocol.registerSchemesAsPrivileged.mock.calls[0] as [
      { scheme: string; privileges: object }[],
    ];
    expect(schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    const order = (fn: { mock: { invocationCallOrder: number[] } }) => fn.mock.invocationCallOrder[0]!;
    expect(order(fake.protocol.registerSchemesAsPrivileged)).toBeLessThan(order(fake.app.whenReady));
    expect(order(fake.app.setPath)).toBeLessThan(order(fake.app.requestSingleInstanceLock));
  });

  it('opens the store in ASSAY_DATA_DIR, registers IPC and the protocol, and opens the window', async () => {
    await vi.waitFor(() => expect(FakeBrowserWindow.all).toHaveLength(1));
    // The window opens while the services load: a call that comes first waits for them, then the store is open.
    const win0 = FakeBrowserWindow.all[0]!;
    await fake.ipcHandlers.get('app:info')!(
      { sender: win0.webContents, senderFrame: win0.webContents.mainFrame },
      undefined,
    );
    expect(fs.existsSync(path.join(dataDir, 'assay.db'))).toBe(true);
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...channels].sort());
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalled();
    const win = FakeBrowserWindow.all[0]!;
    expect(win.loadURL).toHaveBeenCalledWith('app://assay/');
    expect(String(win.options.webPreferences?.preload)).toMatch(/preload[/\\]preload\.cjs$/);
    expect(fake.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('answers a call from the window through the real services', async () => {
    const win = FakeBrowserWindow.all[0]!;
    const info = await fake.ipcHandlers.get('app:info')!(
      { sender: win.webContents, senderFrame: win.webContents.mainFrame },
      undefined,
    );
    expect(info).toMatchObject({ ok: true, value: { dataDir, firstRun: true } });
  });

  it('brings the existing window forward when a second instance starts', () => {
    const win = FakeBrowserWindow.all[0]!;
    win.isMinimized.mockReturnValueOnce(true);
    fake.app.emit('second-instance');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('menu commands reach the renderer', () => {
    const win = FakeBrowserWindow.all[0]!;
    const template = fake.Menu.buildFromTemplate.mock.calls[0]![0] as {
      label?: string;
      submenu?: { label?: string; click?: () => void }[];
    }[];
    const file = template.find((m) => m.label === '&File')!.submenu!;
    file.find((i) => i.label === 'Import package…')!.click!();
    expect(win.webContents.send).toHaveBeenCalledWith('menu:command', 'import');
  });
});
