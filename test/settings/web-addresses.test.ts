// The web addresses a third party's verifier reaches: the status list URL and the verify page URL in
// Settings (stored in the real SQLite store), and issuer.statusListUrl in a review package (through the
// real `assay import`). Only https addresses; a bad one is refused with a message naming the field.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAssayError } from '../../shared/errors.js';
import { defaultVerifyPageUrl, verifyPageUrl } from '../../shared/domain/settings.js';
import { httpsUrlProblem } from '../../shared/schemas/web-address.js';
import { openServices, type Services } from '../../electron/services.js';
import { statusListUrlSetting } from '../../electron/awards/status-list/store.js';
import { RIVERSIDE_DID, issuingStore, packageWithDid } from '../support/did-web-store.js';
import { assay } from '../support/issuer-store.js';
import { tempDir } from '../support/package-builder.js';

let work: string;
let s: Services;
beforeAll(() => {
  work = tempDir();
  s = openServices(path.join(work, 'data'));
});
afterAll(() => {
  s.close();
  fs.rmSync(work, { recursive: true, force: true });
});

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (isAssayError(err) && err.code === 'invalid-input') return err.message;
    throw err;
  }
  throw new Error('not refused');
}

describe('Settings › the status list URL and the verify page URL', () => {
  it('are empty until set, and then kept (trimmed) in the store', () => {
    expect(s.settings.get()).toMatchObject({ statusListUrl: '', verifyPageUrl: '' });
    const next = s.settings.set({
      statusListUrl: '  https://pd.riverside.example.edu/credentials/status/3 ',
      verifyPageUrl: 'https://verify.riverside.example.edu/awards',
    });
    expect(next).toMatchObject({
      statusListUrl: 'https://pd.riverside.example.edu/credentials/status/3',
      verifyPageUrl: 'https://verify.riverside.example.edu/awards',
    });
    // The issuing side reads the same setting for new credentials' status entries.
    expect(statusListUrlSetting(s.db)).toBe('https://pd.riverside.example.edu/credentials/status/3');
    // Another change leaves them as they are; an empty one clears.
    expect(s.settings.set({ paper: 'letter' }).statusListUrl).toBe(
      'https://pd.riverside.example.edu/credentials/status/3',
    );
    expect(s.settings.set({ statusListUrl: '' }).statusListUrl).toBe('');
    expect(statusListUrlSetting(s.db)).toBeUndefined();
  });

  it.each([
    ['statusListUrl', 'http://pd.riverside.example.edu/status/1', /must start with https:\/\/.*"http:"/],
    ['statusListUrl', 'pd.riverside.example.edu/status/1', /is not a web address; it must start with https:\/\//],
    ['statusListUrl', 'https://pd.riverside.example.edu/status/1#list', /may not hold a "#" part/],
    ['verifyPageUrl', 'ftp://pd.riverside.example.edu/verify', /must start with https:\/\//],
    ['verifyPageUrl', 'https://admin:secret@pd.riverside.example.edu/verify', /user name or password/],
    ['verifyPageUrl', 'https://pd.riverside.example.edu/my verify', /may not contain spaces/],
  ] as const)('refuse %s = %s, naming the field, and keep the value before', (field, value, why) => {
    s.settings.set({ [field]: 'https://pd.riverside.example.edu/kept' });
    const message = refusal(() => s.settings.set({ [field]: value }));
    const label = field === 'statusListUrl' ? 'status list URL (statusListUrl)' : 'verify page URL (verifyPageUrl)';
    expect(message).toContain(`The ${label}`);
    expect(message).toMatch(why);
    expect(s.settings.get()[field]).toBe('https://pd.riverside.example.edu/kept');
  });

  it('refuse over IPC the same way (the code and sentence the window shows)', async () => {
    const { dispatch } = await import('../../electron/ipc/dispatch.js');
    const { settingsHandlers } = await import('../../electron/ipc/handlers/settings.js');
    const handlers = settingsHandlers({ services: s } as Parameters<typeof settingsHandlers>[0]);
    const r = await dispatch(handlers as never, 'settings:set', { verifyPageUrl: 'http://x.example/verify' });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: expect.stringContaining('The verify page URL (verifyPageUrl) must start with https://'),
      },
    });
  });
});

describe('the verify page in force', () => {
  it.each([
    ['https://pd.riverside.example.edu', 'https://pd.riverside.example.edu/verify'],
    ['https://pd.riverside.example.edu/', 'https://pd.riverside.example.edu/verify'],
    ['https://example.edu/schools/education/', 'https://example.edu/schools/education/verify'],
    ['https://example.edu/pd?lang=en', 'https://example.edu/pd/verify'],
    ['http://pd.riverside.example.edu', undefined],
    [undefined, undefined],
  ])('is <issuer url>/verify by default: %s → %s', (issuerUrl, expected) => {
    expect(defaultVerifyPageUrl(issuerUrl)).toBe(expected);
    expect(verifyPageUrl({ verifyPageUrl: '' }, issuerUrl)).toBe(expected);
  });

  it('is the setting when one is set', () => {
    expect(verifyPageUrl({ verifyPageUrl: 'https://v.example.edu/check' }, 'https://pd.example.edu')).toBe(
      'https://v.example.edu/check',
    );
  });

  it('accepts what a verifier can reach', () => {
    for (const ok of [
      'https://pd.example.edu/status/1',
      'https://pd.example.edu:8443/s?list=1',
      'https://xn--caf-dma.example/v',
    ])
      expect(httpsUrlProblem(ok, 'x', 'y')).toBeUndefined();
  });
});

describe('a review package’s issuer.statusListUrl', () => {
  it('is where the awards of that package point for their revocation status, when https', async () => {
    const listUrl = 'https://pd.riverside.example.edu/lists/7';
    const { credentials } = await issuingStore(work, 'good', RIVERSIDE_DID, 1, { statusListUrl: listUrl });
    expect(credentials[0]!.credentialStatus!.statusListCredential).toBe(listUrl);
  });

  it.each([
    ['http://pd.riverside.example.edu/status/1', /must start with https:\/\//],
    ['/status/1', /is not a web address/],
    ['https://pd.riverside.example.edu/status/1#x', /"#" part/],
  ])('is refused at import when it is %s, naming issuer.statusListUrl', async (url, why) => {
    const label = `bad-${randomUUID()}`;
    const dir = await packageWithDid(work, label, RIVERSIDE_DID, { statusListUrl: url });
    const r = await assay(path.join(work, `${label}-data`), ['import', dir]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('issuer.statusListUrl');
    expect(r.stderr).toContain('The status list URL');
    expect(r.stderr).toMatch(why);
  });
});
