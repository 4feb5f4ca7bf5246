// Issue #10, "the renderer can reach any file": a compromised renderer names paths; main must not
// read, serve or write them. Files come from main's dialogs (or a drop main confirms) as tokens.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { evidenceLookup } from '../../electron/app/protocol-core.js';
import { ChoiceError, Choices } from '../../electron/ipc/choices.js';
import { newAchievementTemplate } from '../../electron/library/drafts.js';
import { contract, channels } from '../../shared/ipc/contract.js';
import { sha256, tempDir, writeValidPackage } from '../support/package-builder.js';
import { openPersonIpc, type PersonIpc } from '../support/ipc-person.js';

const SECRET =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA-not-for-the-renderer\n-----END OPENSSH PRIVATE KEY-----\n';
const CANVAS =
  'Rubric Name,Criteria Name,Criteria Description,Rating Name,Rating Description,Rating Points\nReading,Fluency,Reads aloud,Proficient,Smooth,3\nReading,Fluency,Reads aloud,Developing,Halting,1\n';

let root: string;
let home: string;
let secret: string;
let victim: string;
let ipc: PersonIpc;
let achievementId: string;
const fakeToken = 'A'.repeat(43);

const evidenceFiles = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
    : [];

beforeAll(() => {
  root = tempDir('assay-ipc-paths-');
  home = path.join(root, 'home');
  fs.mkdirSync(path.join(home, '.ssh'), { recursive: true });
  secret = path.join(home, '.ssh', 'id_ed25519');
  fs.writeFileSync(secret, SECRET, { mode: 0o600 });
  victim = path.join(home, 'thesis.txt');
  fs.writeFileSync(victim, 'four years of work');
  ipc = openPersonIpc(path.join(root, 'data'));
  const a = newAchievementTemplate('Reading Workshop');
  ipc.services.library.saveAchievement(a);
  achievementId = a.id;
});
afterAll(() => {
  ipc.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('a path sent by the renderer reaches nothing', () => {
  it('library:addSubmission with ~/.ssh/id_ed25519 stores nothing, so app:// cannot serve it', async () => {
    const submission = { achievementId, earner: { name: 'Mallory' }, responses: [] };
    for (const files of [
      [{ path: secret, sectionId: 'work-examples', name: 'key' }],
      [{ token: fakeToken, sectionId: 'work-examples', name: 'key' }],
      [{ token: secret, sectionId: 'work-examples', name: 'key' }],
    ]) {
      const r = await ipc.call('library:addSubmission', { ...submission, files });
      expect(r.ok).toBe(false);
    }
    expect(ipc.services.db.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(0);
    expect(evidenceLookup(ipc.services)(sha256(SECRET))).toBeNull();
    expect(evidenceFiles(ipc.services.evidence.root).some((f) => fs.readFileSync(f, 'utf8') === SECRET)).toBe(false);
  });

  it('library:exportCase and backup:create cannot overwrite a file the renderer names', async () => {
    const attempts: [string, unknown][] = [
      ['library:exportCase', { id: achievementId, path: victim }],
      ['library:exportCase', { id: achievementId, token: fakeToken }],
      ['backup:create', { path: victim }],
      ['backup:create', { token: fakeToken }],
      ['results:export', { folder: home }],
      ['awards:export', { credentialIds: ['x'], formats: ['json'], paper: 'a4', folder: home }],
    ];
    for (const [channel, input] of attempts) expect((await ipc.call(channel, input)).ok, channel).toBe(false);
    expect(fs.readFileSync(victim, 'utf8')).toBe('four years of work');
    expect(fs.readdirSync(home).sort()).toEqual(['.ssh', 'thesis.txt']);
  });

  it('library:importRubrics and identity:importPkcs12 never read, or echo, a file the renderer names', async () => {
    for (const [channel, input] of [
      ['library:importRubrics', { path: secret }],
      ['identity:importPkcs12', { path: secret, passphrase: '' }],
      ['identity:create', { name: 'Mallory', logo: fakeToken }],
    ] as const) {
      const r = await ipc.call(channel, input);
      expect(r.ok, channel).toBe(false);
      expect(JSON.stringify(r)).not.toMatch(/OPENSSH|b3BlbnNzaC/);
    }
    // The old field is not read at all: the identity is made without a logo.
    const made = await ipc.call('identity:create', { name: 'Mallory', logoPath: secret });
    expect(made).toMatchObject({ ok: true, value: { profile: { hasLogo: false } } });
  });

  it('a relative path is never resolved against main’s working directory', async () => {
    const cwdPackage = path.relative(process.cwd(), path.join(root, 'pkg'));
    writeValidPackage(path.join(root, 'pkg'), 1);
    expect((await ipc.call('import:package', { path: cwdPackage })).ok).toBe(false);
    const asked = ipc.person.dropsShown.length;
    const r = await ipc.call('dialog:confirmDrop', { purpose: 'package', paths: [cwdPackage] });
    expect(r).toMatchObject({ ok: false, error: { code: 'choice' } });
    expect(ipc.person.dropsShown.length).toBe(asked);
    expect(ipc.services.db.prepare('SELECT count(*) FROM packages').pluck().get()).toBe(0);
  });

  it('no channel of the contract takes a path: the ones that touch files take a token', () => {
    const keys = (schema: unknown): string[] => {
      const out: string[] = [];
      const walk = (node: unknown) => {
        if (!node || typeof node !== 'object') return;
        const o = node as Record<string, unknown>;
        if (o.properties && typeof o.properties === 'object') for (const k of Object.keys(o.properties)) out.push(k);
        for (const v of Object.values(o)) walk(v);
      };
      walk(schema);
      return out;
    };
    const withToken: string[] = [];
    // The one exception: dropped files' paths, which main shows the person before using any.
    for (const channel of channels.filter((c) => c !== 'dialog:confirmDrop')) {
      const found = keys(z.toJSONSchema(contract[channel].input, { unrepresentable: 'any', io: 'input' }));
      expect(
        found.filter((k) => /^(.*path|folder|dir|file)$/i.test(k)),
        channel,
      ).toEqual([]);
      if (found.some((k) => /token|logo/i.test(k))) withToken.push(channel);
    }
    expect(withToken.sort()).toEqual(
      [
        'awards:export',
        'backup:create',
        'backup:restore',
        'charts:save',
        'coordination:exportFinal',
        'coordination:exportSecondReadings',
        'coordination:importSecondReadings',
        'coordination:open',
        'identity:create',
        'identity:importPkcs12',
        'identity:setProfile',
        'import:package',
        'library:addSubmission',
        'library:exportCase',
        'library:importRubrics',
        'results:export',
      ].sort(),
    );
  });
});

describe('files the person chose, as tokens', () => {
  it('dialog:choose answers a token and a name, never the path; the token serves its one purpose', async () => {
    const csv = path.join(home, 'reading.csv');
    fs.writeFileSync(csv, CANVAS);
    ipc.person.picks.rubric = csv;
    const r = await ipc.call('dialog:choose', { purpose: 'rubric' });
    expect(r).toMatchObject({ ok: true, value: { token: expect.stringMatching(/^[\w-]{43}$/), name: 'reading.csv' } });
    expect(JSON.stringify(r)).not.toContain(home);
    const token = (r as { value: { token: string } }).value.token;
    // Chosen as a rubric to read: it cannot be used as the place to write a backup.
    expect(await ipc.call('backup:create', { token })).toMatchObject({
      ok: false,
      error: { code: 'choice', message: expect.stringMatching(/chosen as the rubric file/) },
    });
    expect(fs.readFileSync(csv, 'utf8')).toBe(CANVAS);
    expect(await ipc.call('library:importRubrics', { token })).toMatchObject({
      ok: true,
      value: [{ achievement: { name: 'Reading' } }],
    });
    expect(await ipc.call('library:importRubrics', { token })).toMatchObject({ ok: false, error: { code: 'choice' } });
  });

  it('a file that is not a rubric is refused without quoting what is in it', async () => {
    const token = path.join(home, 'token.json');
    fs.writeFileSync(token, 'ghp_R3allySecretToken0123456789');
    const r = await ipc.call('library:importRubrics', { token: await ipc.choose('rubric', token) });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/is not valid JSON/) } });
    expect(JSON.stringify(r)).not.toMatch(/ghp_|R3ally/);
  });

  it('a use that fails leaves the choice for the person to try again', async () => {
    const csv = path.join(home, 'broken.csv');
    fs.writeFileSync(csv, 'not,a,rubric\n');
    const token = await ipc.choose('rubric', csv);
    expect((await ipc.call('library:importRubrics', { token })).ok).toBe(false);
    fs.writeFileSync(csv, CANVAS);
    expect((await ipc.call('library:importRubrics', { token })).ok).toBe(true);
  });

  it('writes go where the person chose, and only there', async () => {
    const target = path.join(home, 'reading.case.json');
    const token = await ipc.choose('case-export', target);
    expect(await ipc.call('library:exportCase', { id: achievementId, token })).toEqual({ ok: true, value: null });
    expect(JSON.parse(fs.readFileSync(target, 'utf8'))).toHaveProperty('CFDocument');
    expect(fs.readFileSync(victim, 'utf8')).toBe('four years of work');
  });

  it('a drop is used only once the person confirms it in main’s dialog', async () => {
    const pkg = path.join(root, 'dropped');
    writeValidPackage(pkg, 2);
    ipc.person.confirmsDrops = false;
    expect(await ipc.call('dialog:confirmDrop', { purpose: 'package', paths: [pkg] })).toEqual({ ok: true, value: [] });
    ipc.person.confirmsDrops = true;
    const r = await ipc.call('dialog:confirmDrop', { purpose: 'package', paths: [pkg] });
    expect(ipc.person.dropsShown.at(-1)).toEqual({ purpose: 'package', paths: [pkg] });
    const [chosen] = (r as { value: { token: string; name: string }[] }).value;
    expect(chosen!.name).toBe('dropped');
    expect(await ipc.call('import:package', { token: chosen!.token })).toMatchObject({
      ok: true,
      value: { status: 'imported' },
    });
  });

  it('expires, refuses a second concurrent use, and holds a bounded number of choices', async () => {
    let now = 0;
    const choices = new Choices({ now: () => now, ttlMs: 1000, maxLive: 3 });
    const a = choices.register('/home/a/plan.pdf', 'open-file', 'evidence');
    now = 1000;
    await expect(choices.useOne(a.token, 'evidence', () => 'used')).rejects.toThrow(ChoiceError);
    const b = choices.register('/home/a/plan.pdf', 'open-file', 'evidence');
    let release!: () => void;
    const first = choices.useOne(b.token, 'evidence', () => new Promise<string>((r) => (release = () => r('first'))));
    await expect(choices.useOne(b.token, 'evidence', () => 'second')).rejects.toThrow(/being used/);
    release();
    expect(await first).toBe('first');
    for (let i = 0; i < 10; i++) choices.register(`/home/a/${i}.pdf`, 'open-file', 'evidence');
    expect(choices.size).toBe(3);
    expect(() => choices.register('relative.pdf', 'open-file', 'evidence')).toThrow(/full paths/);
    expect(() => choices.register('/home/a/x.zip', 'save-file', 'rubric')).toThrow(ChoiceError);
  });
});

describe('what the person chose is read within bounds', () => {
  it('refuses a device, a pipe or a folder where a file is expected, without reading or waiting', async () => {
    const fifo = path.join(root, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const cases: [Parameters<PersonIpc['choose']>[0], string, string, unknown, RegExp][] = [
      ['rubric', '/dev/zero', 'library:importRubrics', {}, /is a device/],
      ['pkcs12', fifo, 'identity:importPkcs12', { passphrase: 'x' }, /is a pipe/],
      ['logo', home, 'identity:create', { name: 'Riverside' }, /is a folder/],
      ['case-export', fifo, 'library:exportCase', { id: achievementId }, /would replace something that is not a file/],
      ['backup-save', home, 'backup:create', {}, /would replace something that is not a file/],
      ['backup-open', '/dev/zero', 'backup:restore', {}, /is a device/],
    ];
    for (const [purpose, file, channel, rest, message] of cases) {
      const token = await ipc.choose(purpose, file);
      const input = purpose === 'logo' ? { ...(rest as object), logo: token } : { ...(rest as object), token };
      expect(await ipc.call(channel, input), channel).toMatchObject({
        ok: false,
        error: { code: 'file-refused', message: expect.stringMatching(message) },
      });
    }
  });

  it('refuses a logo over its size limit before reading it', async () => {
    const big = path.join(root, 'big.png');
    fs.writeFileSync(
      big,
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(3 * 1024 * 1024)]),
    );
    const token = await ipc.choose('logo', big);
    expect(await ipc.call('identity:create', { name: 'Riverside', logo: token })).toMatchObject({
      ok: false,
      error: {
        code: 'file-refused',
        message: expect.stringMatching(/"big\.png" is 3145736 bytes, more than the 2097152/),
      },
    });
  });
});
