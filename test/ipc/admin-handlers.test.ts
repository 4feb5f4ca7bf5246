// The awards, identity, library, results, backup and settings channels through the real dispatcher.
import { submitAt } from '../support/sample-store.js';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passphraseBox } from '../../electron/awards/identity/index.js';
import { autoBackup, rotateBackups } from '../../electron/backup/backup.js';
import { dispatch } from '../../electron/ipc/dispatch.js';
import { createHandlers, type Handlers } from '../../electron/ipc/handlers.js';
import { writeSamplePackage } from '../../electron/sample/sample-package.js';
import { openServices, type Services } from '../../electron/services.js';
import { tempDir } from '../support/package-builder.js';

let work: string;
let s: Services;
let handlers: Handlers;
const events: unknown[] = [];
const chosen: Record<string, string> = {};

const call = async (channel: string, input?: unknown) => {
  const r = await dispatch(handlers, channel, input, () => {});
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as never;
};
/** Chooses a path in "the dialog" for a purpose; the handler registers it and answers with its token. */
const choose = async (purpose: string, p: string): Promise<string> => {
  chosen[purpose] = p;
  return ((await call('dialog:choose', { purpose })) as { token: string }).token;
};

beforeAll(async () => {
  work = tempDir('assay-admin-');
  const { dir } = await writeSamplePackage(path.join(work, 'sample'), { now: new Date('2026-11-20T09:00:00Z') });
  s = openServices(path.join(work, 'data'));
  await s.importPackage(dir);
  handlers = createHandlers(
    s,
    {
      appVersion: 'test',
      chooseImportPath: async () => null,
      confirmDrop: async () => true,
      openExternal: async () => false,
      openPath: async () => false,
      admin: {
        choosePath: async (purpose) => chosen[purpose] ?? null,
        secretBox: () => passphraseBox('test passphrase', { logN: 10 }),
        printPdf: async () => true,
      },
    },
    (event, payload) => events.push({ event, payload }),
  );
  const item = s.queue.list({ search: 'Łukasiewicz' }).items[0]!;
  submitAt(s, [item.id], 'top', { feedback: 'Well done.', activeMs: 1 });
});
afterAll(() => {
  s.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('identity and awards over IPC', () => {
  it('awards need an identity first, with a message that says so', async () => {
    const r = await dispatch(
      handlers,
      'awards:issue',
      { submissionIds: [s.awards.ready()[0]!.submissionId] },
      () => {},
    );
    expect(r).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Set up the issuer identity in Settings first/) },
    });
  });

  it('creates an identity whose keys never come back, issues, previews, exports and revokes', async () => {
    const pub = await call('identity:create', {
      name: 'Riverside University School of Education',
      url: 'https://pd.riverside.example.edu',
    });
    expect(JSON.stringify(pub)).not.toMatch(/PRIVATE|pkcs8/i);
    expect(await call('identity:get')).toMatchObject({
      profile: { name: 'Riverside University School of Education' },
      selfSigned: true,
    });
    const ready = (await call('awards:ready')) as { submissionId: string }[];
    const issued = (await call('awards:issue', { submissionIds: ready.map((r) => r.submissionId) })) as {
      issued: { credentialId: string }[];
    };
    expect(issued.issued).toHaveLength(1);
    expect(events).toContainEqual({ event: 'awards:progress', payload: { done: 1, total: 1 } });
    const id = issued.issued[0]!.credentialId;
    const pdf = (await call('awards:certificate', { credentialId: id, paper: 'letter' })) as Uint8Array;
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const folder = path.join(work, 'export');
    expect(
      await call('awards:export', {
        credentialIds: [id],
        formats: ['pdf', 'json', 'png'],
        paper: 'a4',
        token: await choose('export-folder', folder),
      }),
    ).toEqual({ files: 3 });
    expect(await call('awards:print', { credentialId: id, paper: 'a4' })).toBe(true);
    await call('identity:setProfile', { name: 'Riverside University', email: 'credentials@pd.riverside.example.edu' });
    expect(await call('identity:get')).toMatchObject({
      profile: { name: 'Riverside University', email: 'credentials@pd.riverside.example.edu' },
    });
    expect(await call('awards:revoke', { credentialId: id, reason: 'Wrong cohort' })).toMatchObject({
      status: 'revoked',
      revocationReason: 'Wrong cohort',
    });
    const listed = (await call('awards:list', {})) as Record<string, unknown>[];
    expect(listed[0]).not.toHaveProperty('credentialJson');
  });

  it('refuses a logo that is not a PNG, naming the file', async () => {
    const notPng = path.join(work, 'logo.jpg');
    fs.writeFileSync(notPng, 'JFIF');
    await expect(call('identity:setProfile', { name: 'X', logo: await choose('logo', notPng) })).rejects.toThrow(
      /logo\.jpg is not a PNG image/,
    );
  });
});

describe('library, results, backup and settings over IPC', () => {
  it('creates a micro-credential from the template, saves versions, adds a submission by hand', async () => {
    const a = (await call('library:template', { name: 'Culturally Responsive Teaching' })) as {
      id: string;
      description: string;
    };
    expect(
      (await call('library:save', {
        achievement: { ...a, description: 'Teaches to every student’s strengths.' },
      })) as object,
    ).toMatchObject({ status: 'created' });
    expect(
      (await call('library:save', {
        achievement: { ...a, description: 'Teaches to every student’s strengths, and says how.' },
      })) as object,
    ).toMatchObject({ status: 'created' });
    const list = (await call('library:list')) as { id: string; versions: number; source: string }[];
    expect(list.find((x) => x.id === a.id)).toMatchObject({ versions: 2, source: 'library' });
    const evidence = path.join(work, 'unit plan.pdf');
    fs.writeFileSync(evidence, '%PDF-1.7 unit plan');
    const added = (await call('library:addSubmission', {
      achievementId: a.id,
      earner: { name: 'Ana Lucía Torres' },
      responses: [{ sectionId: 'overview', text: 'Fourth grade, bilingual class.' }],
      files: [{ token: await choose('evidence', evidence), sectionId: 'work-examples', name: 'Unit plan' }],
    })) as { id: string };
    expect(s.queue.list({ search: 'Torres' }).items.map((i) => i.id)).toEqual([added.id]);
    const bad = await dispatch(handlers, 'library:save', { achievement: { ...a, passingPoints: 99 } }, () => {});
    expect(bad).toMatchObject({ ok: false, error: { message: expect.stringMatching(/passingPoints/) } });
  });

  it('exports a verifiable results package and a backup; settings persist', async () => {
    const folder = path.join(work, 'results');
    expect(await call('results:export', { token: await choose('results-folder', folder) })).toMatchObject({
      submissions: 19,
    });
    expect(fs.existsSync(path.join(folder, 'manifest.json.p7s'))).toBe(true);
    expect(await call('backup:create', { token: await choose('backup-save', path.join(work, 'b.zip')) })).toMatchObject(
      { files: expect.any(Number) },
    );
    expect(await call('settings:get')).toEqual({
      paper: 'a4',
      theme: 'system',
      language: 'en',
      autoBackup: false,
      keepBackups: 5,
      statusListUrl: '',
      verifyPageUrl: '',
    });
    await call('settings:set', { paper: 'letter', autoBackup: true, keepBackups: 2 });
    expect(await call('settings:get')).toMatchObject({ paper: 'letter', autoBackup: true, keepBackups: 2 });
    await call('settings:set', { theme: 'dark' });
    expect(await call('settings:get')).toMatchObject({
      paper: 'letter',
      theme: 'dark',
      autoBackup: true,
      keepBackups: 2,
    });
    const bad = await dispatch(handlers, 'settings:set', { keepBackups: 0 }, () => {});
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('automatic backups keep only the newest few', async () => {
    const dir = path.join(work, 'auto');
    for (let i = 0; i < 4; i++) await autoBackup(s, dir, 2, new Date(Date.UTC(2026, 10, 28, 10, i)));
    expect(fs.readdirSync(dir).sort()).toEqual([
      'assay-auto-2026-11-28T10-02-00-000Z.zip',
      'assay-auto-2026-11-28T10-03-00-000Z.zip',
    ]);
    expect(rotateBackups(dir, 1)).toEqual(['assay-auto-2026-11-28T10-02-00-000Z.zip']);
  });
});
