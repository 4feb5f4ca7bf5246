// The desktop side of the awards, library and backup channels: file dialogs per purpose, the system
// key store that seals the signing keys, printing a certificate, and restarting after a restore.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, dialog, safeStorage, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { PathPurpose } from '../../shared/domain/choices.js';
import { safeStorageBox } from '../awards/identity/secret-box.js';
import type { AdminPlatform } from '../ipc/handlers.js';
import { writeFileAtomic } from '../store/atomic-write.js';

type WindowRef = () => BrowserWindow | null;

/** The dialog each purpose shows: pure, so the choices are tested without Electron. */
export function dialogFor(
  purpose: PathPurpose,
  today = new Date(),
): { kind: 'open'; options: OpenDialogOptions } | { kind: 'save'; options: SaveDialogOptions } {
  const day = today.toISOString().slice(0, 10);
  switch (purpose) {
    case 'pkcs12':
      return {
        kind: 'open',
        options: {
          title: 'Import the issuing body’s signing certificate',
          properties: ['openFile'],
          filters: [{ name: 'PKCS #12', extensions: ['p12', 'pfx'] }],
        },
      };
    case 'logo':
      return {
        kind: 'open',
        options: {
          title: 'Choose the issuer’s logo',
          properties: ['openFile'],
          filters: [{ name: 'PNG image', extensions: ['png'] }],
        },
      };
    case 'rubric':
      return {
        kind: 'open',
        options: {
          title: 'Import rubrics',
          properties: ['openFile'],
          filters: [{ name: 'Canvas rubric CSV or CASE 1.1 package', extensions: ['csv', 'json'] }],
        },
      };
    case 'evidence':
      return { kind: 'open', options: { title: 'Add evidence files', properties: ['openFile', 'multiSelections'] } };
    case 'backup-open':
      return {
        kind: 'open',
        options: {
          title: 'Restore a backup',
          properties: ['openFile'],
          filters: [{ name: 'Assay backup', extensions: ['zip'] }],
        },
      };
    case 'case-export':
      return {
        kind: 'save',
        options: {
          title: 'Export the rubric as CASE 1.1',
          defaultPath: 'rubric.case.json',
          filters: [{ name: 'CASE 1.1 package', extensions: ['json'] }],
        },
      };
    case 'backup-save':
      return {
        kind: 'save',
        options: {
          title: 'Back up Assay',
          defaultPath: `assay-backup-${day}.zip`,
          filters: [{ name: 'Assay backup', extensions: ['zip'] }],
        },
      };
    case 'export-folder':
      return {
        kind: 'open',
        options: { title: 'Export awards into a folder', properties: ['openDirectory', 'createDirectory'] },
      };
    case 'results-folder':
      return {
        kind: 'open',
        options: {
          title: 'Write the results package into an empty folder',
          properties: ['openDirectory', 'createDirectory'],
        },
      };
    case 'coordination-package':
      return {
        kind: 'open',
        options: {
          title: 'Open a review or results package (a .zip)',
          properties: ['openFile'],
          filters: [{ name: 'Package', extensions: ['zip'] }],
        },
      };
    case 'second-readings-folder':
      return {
        kind: 'open',
        options: {
          title: 'Write the second-reading packages into a folder',
          properties: ['openDirectory', 'createDirectory'],
        },
      };
    case 'chart-png':
      return {
        kind: 'save',
        options: {
          title: 'Save the chart as an image',
          defaultPath: `assay-chart-${day}.png`,
          filters: [{ name: 'PNG image', extensions: ['png'] }],
        },
      };
    case 'chart-csv':
      return {
        kind: 'save',
        options: {
          title: 'Save the chart’s numbers',
          defaultPath: `assay-chart-${day}.csv`,
          filters: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
        },
      };
  }
}

export function createAdminPlatform(
  getWindow: WindowRef,
  restart: (backupPath: string) => Promise<void>,
): AdminPlatform {
  return {
    async choosePath(purpose, suggestedName) {
      const d = dialogFor(purpose);
      if (d.kind === 'save' && suggestedName) d.options.defaultPath = suggestedName;
      const win = getWindow();
      if (d.kind === 'save') {
        const r = win ? await dialog.showSaveDialog(win, d.options) : await dialog.showSaveDialog(d.options);
        return r.canceled || !r.filePath ? null : r.filePath;
      }
      const r = win ? await dialog.showOpenDialog(win, d.options) : await dialog.showOpenDialog(d.options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    secretBox: () => safeStorageBox(safeStorage),
    async printPdf(pdf, title) {
      // Chromium's PDF viewer in a hidden, sandboxed window prints through the system dialog.
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'assay-print-')), 'certificate.pdf');
      writeFileAtomic(file, pdf);
      const win = new BrowserWindow({
        show: false,
        title,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webSecurity: true,
          plugins: true,
          disableBlinkFeatures: 'Auxclick',
        },
      });
      win.webContents.on('will-navigate', (e) => e.preventDefault());
      win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      try {
        await win.loadFile(file);
        return await new Promise<boolean>((resolve) =>
          win.webContents.print({ silent: false, printBackground: true }, (ok) => resolve(ok)),
        );
      } finally {
        win.destroy();
        fs.rmSync(path.dirname(file), { recursive: true, force: true });
      }
    },
    restartAfterRestore: restart,
  };
}
