// charts:save through the real dispatcher: a Coordination chart written as PNG or CSV where the person chose, and
// refused (nothing written) when the bytes are not what they claim, the token was chosen for the other format, or
// the dialog's suggested name is not a bare file name.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/ipc/dispatch.js';
import { createHandlers, type Handlers } from '../../electron/ipc/handlers.js';
import { openServices, type Services } from '../../electron/services.js';
import { tempDir } from '../support/package-builder.js';

let work: string;
let s: Services;
let handlers: Handlers;
const chosen: Record<string, string> = {};
const asked: (string | undefined)[] = [];

const raw = (channel: string, input?: unknown) => dispatch(handlers, channel, input, () => {});
const choose = async (purpose: string, p: string, suggestedName?: string): Promise<string> => {
  chosen[purpose] = p;
  const r = await raw('dialog:choose', { purpose, ...(suggestedName ? { suggestedName } : {}) });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { token: string }).token;
};

// The smallest PNG: the signature and nothing else is enough for the check (the page's canvas makes real ones).
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

beforeAll(() => {
  work = tempDir('assay-charts-');
  s = openServices(path.join(work, 'data'));
  handlers = createHandlers(
    s,
    {
      appVersion: 'test',
      chooseImportPath: async () => null,
      confirmDrop: async () => false,
      openExternal: async () => false,
      openPath: async () => false,
      admin: {
        choosePath: async (purpose, suggestedName) => {
          asked.push(suggestedName);
          return chosen[purpose] ?? null;
        },
      },
    },
    () => {},
  );
});
afterAll(() => {
  s.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('charts:save', () => {
  it('writes the PNG and the CSV the page made, byte for byte, and hands the suggested name to the dialog', async () => {
    const png = path.join(work, 'agreement.png');
    const token = await choose('chart-png', png, 'exact-agreement-per-criterion.png');
    expect(asked.at(-1)).toBe('exact-agreement-per-criterion.png');
    expect(await raw('charts:save', { token, format: 'png', bytes: PNG })).toEqual({ ok: true, value: { bytes: 12 } });
    expect(new Uint8Array(fs.readFileSync(png))).toEqual(PNG);

    const csv = path.join(work, 'agreement.csv');
    const text = 'Criterion,Exact agreement,n\r\nÉvaluer,0.75,12\r\n';
    const csvToken = await choose('chart-csv', csv);
    const r = await raw('charts:save', { token: csvToken, format: 'csv', bytes: new TextEncoder().encode(text) });
    expect(r.ok).toBe(true);
    expect(fs.readFileSync(csv, 'utf8')).toBe(text);
  });

  it('refuses bytes that are not a PNG, or not UTF-8 text, and writes nothing', async () => {
    const png = path.join(work, 'not.png');
    const token = await choose('chart-png', png);
    const r = await raw('charts:save', { token, format: 'png', bytes: new TextEncoder().encode('<svg/>') });
    expect(r).toEqual({
      ok: false,
      error: { code: 'png', message: 'The chart image is not a PNG; it was not saved.' },
    });
    expect(fs.existsSync(png)).toBe(false);

    const csv = path.join(work, 'not.csv');
    const csvToken = await choose('chart-csv', csv);
    const bad = await raw('charts:save', { token: csvToken, format: 'csv', bytes: new Uint8Array([0x61, 0xff, 0x62]) });
    expect(bad.ok || bad.error.code).toBe('encoding');
    expect(fs.existsSync(csv)).toBe(false);
  });

  it('refuses a token chosen for the other format', async () => {
    const token = await choose('chart-csv', path.join(work, 'numbers.csv'));
    const r = await raw('charts:save', { token, format: 'png', bytes: PNG });
    expect(r.ok || r.error.code).toBe('choice');
    expect(fs.existsSync(path.join(work, 'numbers.csv'))).toBe(false);
  });

  it('refuses a suggested name that is a path', async () => {
    const r = await raw('dialog:choose', { purpose: 'chart-png', suggestedName: '../../etc/passwd' });
    expect(r.ok || r.error.code).toBe('bad-input');
  });
});
