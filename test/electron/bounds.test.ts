// Issue #10, "denial of service": hostile inputs made here, each bounded in work, memory and effect.
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCrashPolicy, EXIT_INTERNAL, installCrashPolicy, type Fault } from '../../electron/app/crash-policy.js';
import { MAX_RANGE_HEADER, parseRange, type ScanMeter } from '../../electron/app/protocol-core.js';
import { buildCadesSignature } from '../../electron/awards/certificate/cms.js';
import { visualOrder } from '../../electron/awards/certificate/text/bidi.js';
import { verifyDetachedCms } from '../../electron/awards/cms-verify.js';
import {
  generateSelfSignedIdentity,
  IdentityError,
  importPkcs12,
  passphraseBox,
} from '../../electron/awards/identity/index.js';
import { BackupError, createBackup } from '../../electron/backup/backup.js';
import { FileRefusedError, readBoundedFile } from '../../electron/files/bounded-read.js';
import { maxPoints } from '../../electron/library/rubric-rules.js';
import { verifyResults } from '../../electron/results/verify.js';
import { openServices } from '../../electron/services.js';
import { RESULTS_FORMAT } from '../../shared/schemas/results-package.js';
import { tempDir, writeValidPackage } from '../support/package-builder.js';

const CLI = path.resolve('dist/electron/cli/index.js');
let work: string;
let fifo: string;

beforeAll(() => {
  work = tempDir('assay-bounds-');
  fifo = path.join(work, 'pipe');
  execFileSync('mkfifo', [fifo]);
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The built CLI; a command that never ends is stopped, and then fails the test on its exit status. */
function assay(args: string[], env: NodeJS.ProcessEnv = {}) {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does)`);
  const r = spawnSync(process.execPath, [CLI, ...args, '--data-dir', path.join(work, 'data')], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 240_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('Range headers are scanned once, left to right', () => {
  const parse = (header: string, size = 1000) => {
    const meter: ScanMeter = { steps: 0 };
    return { range: parseRange(header, size, meter), steps: meter.steps };
  };

  // The reproduced case: spaces on both sides of "-" and a stray byte made the old regular expression
  // backtrack cubically (2 KB: about a second; 10 KB: minutes).
  const spaced = (n: number) => `bytes=${' '.repeat(n / 2)}-${' '.repeat(n / 2)}x`;

  it('a header of 10 KB or 100 KB of spaces is ignored without being scanned', () => {
    for (const n of [10_000, 100_000]) {
      for (const header of [
        spaced(n),
        `bytes=${' '.repeat(n)}`,
        `bytes=${' '.repeat(n)}0-1x`,
        `bytes=0${' '.repeat(n)}-`,
        ' '.repeat(n),
      ]) {
        const { range, steps } = parse(header);
        expect(range).toEqual({ kind: 'full' });
        expect(steps).toBe(0);
      }
    }
  });

  it('pathological headers under the cap take at most one step per character, and parse right', () => {
    const room = MAX_RANGE_HEADER - 'bytes=0-9'.length;
    const cases: [string, unknown][] = [
      [`bytes=${' '.repeat(room)}0-9`, { kind: 'partial', start: 0, end: 9 }],
      [`bytes=${' '.repeat(room / 2)}0${' '.repeat(room / 2)}-9`, { kind: 'partial', start: 0, end: 9 }],
      [`bytes=${' '.repeat(room)}x`, { kind: 'full' }],
      [spaced(room), { kind: 'full' }],
      [`bytes=${'0'.repeat(room)}-`, { kind: 'partial', start: 0, end: 999 }],
      [`bytes=${'9'.repeat(room)}-`, { kind: 'unsatisfiable' }],
      [`bytes=-${'9'.repeat(room)}`, { kind: 'partial', start: 0, end: 999 }],
      [`bytes=0-${' \t'.repeat(room / 2)}`, { kind: 'partial', start: 0, end: 999 }],
      [`bytes=0-1${' -'.repeat(room / 2)}`, { kind: 'full' }],
    ];
    for (const [header, expected] of cases) {
      const { range, steps } = parse(header);
      expect(range, header.slice(0, 40)).toEqual(expected);
      expect(steps).toBeGreaterThan(0);
      expect(steps).toBeLessThanOrEqual(header.length + 8);
    }
  });
});

describe('reads of outside files are bounded', () => {
  it('refuses a device, a pipe and a folder without reading or waiting, and stops a file past its limit', () => {
    const bounds = { maxBytes: 1024, what: 'The file' };
    expect(() => readBoundedFile('/dev/zero', bounds)).toThrow(/"zero" is a device/);
    expect(() => readBoundedFile(fifo, bounds)).toThrow(/"pipe" is a pipe/);
    expect(() => readBoundedFile(work, bounds)).toThrow(/is a folder/);
    // A /proc file says it is empty and is not: the bound holds while reading, too.
    expect(() => readBoundedFile('/proc/self/maps', { maxBytes: 16, what: 'The file' })).toThrow(FileRefusedError);
    const exact = path.join(work, 'exact.bin');
    fs.writeFileSync(exact, Buffer.alloc(1024, 7));
    expect(readBoundedFile(exact, bounds)).toEqual(Buffer.alloc(1024, 7));
    fs.appendFileSync(exact, 'x');
    expect(() => readBoundedFile(exact, bounds)).toThrow(/1025 bytes, more than the 1024/);
  });

  it('assay verify, identity import, --logo and restore refuse /dev/zero and a pipe', () => {
    for (const target of ['/dev/zero', fifo]) {
      const restore = assay(['restore', target]);
      expect(restore.code, restore.stderr).toBe(1);
      expect(restore.stderr).toMatch(/The backup "(zero|pipe)" is a (device|pipe), not a file/);
      const verify = assay(['verify', target]);
      expect(verify.code, verify.stderr).toBe(1);
      expect(verify.stderr).toMatch(/The file to verify "(zero|pipe)" is a (device|pipe), not a file/);
      const p12 = assay(['identity', 'import', target], {
        ASSAY_P12_PASSPHRASE: 'x',
        ASSAY_PASSPHRASE: 'long enough passphrase',
      });
      expect(p12.code, p12.stderr).toBe(1);
      expect(p12.stderr).toMatch(/The PKCS #12 file "(zero|pipe)" is a (device|pipe)/);
      const logo = assay(['identity', 'create', '--name', 'Riverside', '--logo', target], {
        ASSAY_PASSPHRASE: 'long enough passphrase',
      });
      expect(logo.code, logo.stderr).toBe(1);
      expect(logo.stderr).toMatch(/The logo "(zero|pipe)" is a (device|pipe)/);
    }
  });

  it('a results package listing a 1 GiB file is checked by streaming it, never holding it whole', async () => {
    const dir = path.join(work, 'results');
    fs.mkdirSync(dir);
    const big = path.join(dir, 'big.bin');
    // Sparse: 1 GiB to read, nothing on disk (the 3 GiB behaves the same, only slower).
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 1024 ** 3);
    const manifest = Buffer.from(
      JSON.stringify({
        format: RESULTS_FORMAT,
        formatVersion: 1,
        files: [{ path: 'big.bin', size: 1024 ** 3, sha256: '0'.repeat(64) }],
      }),
    );
    const signer = await generateSelfSignedIdentity({ name: 'Riverside University' });
    fs.writeFileSync(path.join(dir, 'manifest.json'), manifest);
    fs.writeFileSync(
      path.join(dir, 'manifest.json.p7s'),
      buildCadesSignature(signer, crypto.createHash('sha256').update(manifest).digest()),
    );
    const before = process.resourceUsage().maxRSS;
    const verdict = await verifyResults(dir, verifyDetachedCms);
    expect(verdict).toMatchObject({ ok: false, reason: expect.stringMatching(/big\.bin does not match its SHA-256/) });
    // Peak memory of this process (KiB) grew by far less than the file: it was never in memory.
    expect(process.resourceUsage().maxRSS - before).toBeLessThan(256 * 1024);
  });
});

describe('work an input can demand is bounded', () => {
  it('a tampered sealed-key header (scrypt N = 2^21, p = 4) is refused before any key is derived', () => {
    const box = passphraseBox('correct horse battery staple', { logN: 10 });
    const sealed = box.seal(Buffer.from('signing key'));
    const tampered = Buffer.from(sealed);
    tampered[4] = 21;
    tampered[6] = 4;
    const scrypt = vi.spyOn(crypto, 'scryptSync');
    try {
      let error: unknown;
      try {
        box.open(tampered);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(IdentityError);
      expect(error).toMatchObject({
        reason: 'corrupt',
        message: expect.stringMatching(/scrypt N = 2\^21, r = 8, p = 4, beyond what Assay writes/),
      });
      expect(scrypt).not.toHaveBeenCalled();
      expect(box.open(sealed).toString()).toBe('signing key');
    } finally {
      scrypt.mockRestore();
    }
    expect(() => passphraseBox('x', { logN: 16 })).toThrow(RangeError);
  });

  it('a PKCS #12 asking for more key-derivation iterations than any tool writes is refused before deriving', async () => {
    const dir = path.join(work, 'p12');
    fs.mkdirSync(dir);
    const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    openssl([
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'k.pem',
      '-out',
      'c.pem',
      '-days',
      '1',
      '-subj',
      '/CN=Riverside',
    ]);
    // 1,100,000: just over the limit, so making the file stays quick; a hostile one would ask for 2^31.
    openssl([
      'pkcs12',
      '-export',
      '-inkey',
      'k.pem',
      '-in',
      'c.pem',
      '-out',
      'mac.p12',
      '-passout',
      'pass:x',
      '-iter',
      '1100000',
    ]);
    openssl([
      'pkcs12',
      '-export',
      '-inkey',
      'k.pem',
      '-in',
      'c.pem',
      '-out',
      'nomac.p12',
      '-passout',
      'pass:x',
      '-iter',
      '1100000',
      '-nomac',
    ]);
    await expect(
      importPkcs12(fs.readFileSync(path.join(dir, 'mac.p12')), 'x', { fileName: 'mac.p12' }),
    ).rejects.toThrow(
      /^mac\.p12 asks for 1100000 key-derivation iterations for its integrity check, more than the 1000000 Assay accepts/,
    );
    await expect(
      importPkcs12(fs.readFileSync(path.join(dir, 'nomac.p12')), 'x', { fileName: 'nomac.p12' }),
    ).rejects.toThrow(/^nomac\.p12 asks for 1100000 key-derivation iterations for its (certificates|private key)/);
    openssl(['pkcs12', '-export', '-inkey', 'k.pem', '-in', 'c.pem', '-out', 'usual.p12', '-passout', 'pass:x']);
    expect((await importPkcs12(fs.readFileSync(path.join(dir, 'usual.p12')), 'x')).profile.name).toBe('Riverside');
  });

  it('130,000 levels in one criterion and 200,000 bidi levels do not overflow the stack', () => {
    const levels = Array.from({ length: 130_000 }, (_, i) => ({ points: i % 7 }));
    expect(
      maxPoints({ resultDescription: [{ rubricCriterionLevel: levels }] } as unknown as Parameters<
        typeof maxPoints
      >[0]),
    ).toBe(6);
    const bidi = Array.from({ length: 200_000 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const order = visualOrder(bidi);
    expect(order).toHaveLength(200_000);
    expect(order.slice(0, 3)).toEqual([0, 1, 2]);
  });
});

describe('a failing stream is an error, not a crash', () => {
  it('a backup that cannot be written, or whose evidence cannot be read, rejects with a clear error; the process lives on', async () => {
    const dataDir = path.join(work, 'backup-data');
    const s = openServices(dataDir);
    try {
      writeValidPackage(path.join(work, 'backup-pkg'), 2);
      await s.importPackage(path.join(work, 'backup-pkg'));
      const out = path.join(work, 'out');
      fs.mkdirSync(out);
      // A name too long for the file system, and a folder that is a file.
      await expect(createBackup(s, path.join(out, `${'b'.repeat(300)}.zip`))).rejects.toThrow(BackupError);
      await expect(createBackup(s, path.join(out, `${'b'.repeat(300)}.zip`))).rejects.toThrow(
        /The backup could not be written to .*ENAMETOOLONG/,
      );
      fs.writeFileSync(path.join(out, 'a file'), '');
      await expect(createBackup(s, path.join(out, 'a file', 'b.zip'))).rejects.toThrow(
        /The backup could not be written to .*(ENOTDIR|EEXIST)/,
      );
      // An evidence file that became a folder: the zip writer's own 'error' event, once unheard (a crash).
      const sha = s.db.prepare('SELECT sha256 FROM blobs ORDER BY sha256 LIMIT 1').pluck().get() as string;
      const stored = s.evidence.pathOf(sha);
      const kept = fs.readFileSync(stored);
      fs.rmSync(stored);
      fs.mkdirSync(stored);
      await expect(createBackup(s, path.join(out, 'damaged.zip'))).rejects.toThrow(
        /The backup could not be written to .*not a file/,
      );
      fs.rmdirSync(stored);
      fs.writeFileSync(stored, kept);
      // Nothing half-written left behind, in the output folder or the data folder.
      expect(fs.readdirSync(out)).toEqual(['a file']);
      expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('.assay-backup-'))).toEqual([]);
      // Still alive, and a good backup still works.
      expect((await createBackup(s, path.join(out, 'good.zip'))).evidence.files).toBeGreaterThan(0);
    } finally {
      s.close();
    }
  });
});

describe('an error nothing caught', () => {
  it('is logged in full and told in words; the app keeps running, the CLI ends with 70', () => {
    const log: string[] = [];
    const told: [string, string][] = [];
    const app = createCrashPolicy({ log: (l) => log.push(l), tell: (s, d) => told.push([s, d]), maxTold: 2 });
    const error = new Error("ENOENT: no such file or directory, open '/tmp/assay-backup/assay.db'");
    app('uncaughtException', error);
    expect(log[0]).toBe(`[uncaughtException] ${error.stack}`);
    expect(told[0]).toEqual([
      'Assay hit an unexpected error',
      expect.stringMatching(/^ENOENT: no such file .*\n\nYour saved work is safe/s),
    ]);
    app('unhandledRejection', 'a plain string');
    app('unhandledRejection', {
      toJSON: () => {
        throw new Error('hostile');
      },
    });
    // Every fault is logged; the person is told twice at most, not once per error in a loop.
    expect(log).toHaveLength(3);
    expect(told.map(([s]) => s)).toEqual([
      'Assay hit an unexpected error',
      'Something Assay was doing in the background failed',
    ]);

    const broken = createCrashPolicy({
      log: () => {
        throw new Error('log closed');
      },
      tell: () => {
        throw new Error('no window');
      },
    });
    expect(() => broken('uncaughtException', new Error('x'))).not.toThrow();

    const exits: number[] = [];
    const cli = createCrashPolicy({
      log: () => {},
      tell: (s, d) => told.push([s, d]),
      exit: (code) => exits.push(code),
    });
    cli('unhandledRejection', new Error('stream error'));
    expect(exits).toEqual([EXIT_INTERNAL]);
    expect(told.at(-1)![1]).toMatch(/The command stopped/);
  });

  it('is hooked to both process events', () => {
    const seen: [Fault, unknown][] = [];
    const proc = new EventEmitter();
    installCrashPolicy(proc as unknown as NodeJS.Process, (kind, error) => seen.push([kind, error]));
    proc.emit('uncaughtException', 'boom');
    proc.emit('unhandledRejection', 'late');
    expect(seen).toEqual([
      ['uncaughtException', 'boom'],
      ['unhandledRejection', 'late'],
    ]);
  });
});
