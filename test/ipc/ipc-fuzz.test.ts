// Issue #10: every IPC channel (the contract table, so a new channel is covered by itself) driven with
// generated hostile inputs, a fixed number of runs from a fixed seed. Asserted: no crash, every answer
// in the contract's shape, and nothing outside the data folder and the person's own picks touched.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channels, contract, type Channel } from '../../shared/ipc/contract.js';
import { INTERNAL_MESSAGE } from '../../electron/ipc/dispatch.js';
import type { PathPurpose } from '../../shared/domain/choices.js';
import { pathPurposeSchema } from '../../shared/domain/choices.js';
import { newAchievementTemplate } from '../../electron/library/drafts.js';
import { openPersonIpc, type PersonIpc } from '../support/ipc-person.js';
import { tempDir, writeValidPackage } from '../support/package-builder.js';

/** Runs per channel: bounded by count (not time) so the run is the same on any machine. */
const RUNS = 60;
const SEED = 20_261_210;

let work: string;
let home: string;
let person: string;
let ipc: PersonIpc;
let savedHome: string | undefined;
/** Tokens the person chose (for any purpose), offered to every channel as hostile input too. */
const pool: string[] = [];
/** Ids the store knows (achievements, submissions, awards): hostile input that gets past "not found". */
const known: string[] = [];
const internal: string[] = [];

const LONG_AGO = new Date('2000-01-01T00:00:00Z');

/**
 * Every file and folder under `dir` with its access time, mtime, size and SHA-256: what must not
 * change. Access times are set to long ago before and after looking, so that (with the usual
 * relatime mount) any read by the code under test moves one to now.
 */
function snapshot(dir: string): Record<string, string> {
  const paths = [
    dir,
    ...fs.readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => path.join(e.parentPath, e.name)),
  ];
  const stats = paths.map((p) => [p, fs.lstatSync(p)] as const);
  const out: Record<string, string> = {};
  for (const [p, st] of stats) {
    // A folder's access time moves when this very function lists it, so folders show their mtime only.
    out[path.relative(dir, p) || '.'] = st.isFile()
      ? `atime ${st.atimeMs} mtime ${st.mtimeMs} size ${st.size} ${createHash('sha256').update(fs.readFileSync(p)).digest('hex')}`
      : `folder mtime ${st.mtimeMs}`;
  }
  for (const [p, st] of stats) fs.utimesSync(p, LONG_AGO, st.mtime);
  return out;
}

beforeAll(() => {
  work = tempDir('assay-ipc-fuzz-');
  // A temporary HOME holding what a hostile renderer would be after: its files must stay untouched.
  home = path.join(work, 'home');
  fs.mkdirSync(path.join(home, '.ssh'), { recursive: true });
  fs.writeFileSync(path.join(home, '.ssh', 'id_ed25519'), 'PRIVATE KEY');
  fs.writeFileSync(path.join(home, 'thesis.txt'), 'four years of work');
  // A review package in HOME: importing it would read its files, and show.
  writeValidPackage(path.join(home, 'Documents'), 1);
  snapshot(home);
  savedHome = process.env.HOME;
  process.env.HOME = home;
  // What the person picks in dialogs: the one place outside the data folder that may be read or written.
  person = path.join(work, 'person');
  fs.mkdirSync(person);
  fs.writeFileSync(
    path.join(person, 'rubric.csv'),
    'Rubric Name,Criteria Name,Rating Name,Rating Points\nR,C,Good,2\nR,C,Not yet,0\n',
  );
  fs.writeFileSync(path.join(person, 'plan.pdf'), '%PDF-1.7 plan');
  fs.writeFileSync(path.join(person, 'issuer.p12'), 'not a p12');
  writeValidPackage(path.join(person, 'package'), 2);
  ipc = openPersonIpc(path.join(work, 'data'));
  ipc.services.library.saveAchievement(newAchievementTemplate('Reading Workshop'));
  const picks: Record<PathPurpose, string> = {
    pkcs12: 'issuer.p12',
    logo: 'plan.pdf',
    rubric: 'rubric.csv',
    'case-export': 'out.case.json',
    evidence: 'plan.pdf',
    'backup-save': 'backup.zip',
    'backup-open': 'plan.pdf',
    'export-folder': 'awards',
    'results-folder': 'results',
    'coordination-package': 'package',
    'second-readings-folder': 'second-readings',
    'chart-png': 'chart.png',
    'chart-csv': 'chart.csv',
  };
  for (const [purpose, name] of Object.entries(picks))
    ipc.person.picks[purpose as PathPurpose] = path.join(person, name);
  ipc.person.importPick = path.join(person, 'package');
  // A drop names paths through the renderer: in this run the person declines every one.
  ipc.person.confirmsDrops = false;
});
afterAll(() => {
  ipc.close();
  process.env.HOME = savedHome;
  fs.rmSync(work, { recursive: true, force: true });
});

/** Strings a compromised renderer would send: paths everywhere, traversal, devices, huge, odd. */
function hostileString(): fc.Arbitrary<string> {
  const targets = () => [
    home,
    path.join(home, '.ssh', 'id_ed25519'),
    path.join(home, 'thesis.txt'),
    path.join(home, 'Documents', 'new.zip'),
  ];
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        ...targets(),
        '~/.ssh/id_ed25519',
        '../../../../etc/passwd',
        '/dev/zero',
        '/proc/self/environ',
        'relative/pkg.zip',
        '.',
        '',
        '\0',
        'file:///etc/passwd',
        'javascript:alert(1)',
        'http://127.0.0.1:1/',
      ),
    },
    { weight: 2, arbitrary: fc.nat().map((i) => pool[i % Math.max(1, pool.length)] ?? 'A'.repeat(43)) },
    { weight: 2, arbitrary: fc.nat().map((i) => known[i % Math.max(1, known.length)] ?? 'unknown') },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'x'.repeat(100_000),
        ' '.repeat(10_000),
        '\u202e'.repeat(1000),
        '__proto__',
        'constructor',
      ),
    },
  );
}

type Schema = Record<string, unknown>;

/** An arbitrary shaped like a JSON Schema (from the contract's zod), with hostile leaves. */
function fromSchema(s: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 6) return fc.anything({ maxDepth: 2 });
  const any = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (any) return fc.oneof(...any.map((x) => fromSchema(x, depth + 1)));
  if ('const' in s) return fc.oneof(fc.constant(s.const), hostileString());
  if (Array.isArray(s.enum))
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...(s.enum as unknown[])) },
      { weight: 1, arbitrary: hostileString() },
    );
  switch (s.type) {
    case 'string':
      return hostileString();
    case 'integer':
    case 'number':
      return fc.oneof(
        fc.integer(),
        fc.constantFrom(0, -1, 1, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e308, -0, Number.NaN, Infinity),
        fc.double(),
      );
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = fromSchema(s.items as Schema | undefined, depth + 1);
      // Mostly short; sometimes far longer than any limit (spreads of these once overflowed the stack).
      return fc.oneof(
        { weight: 5, arbitrary: fc.array(item, { maxLength: 4 }) },
        { weight: 1, arbitrary: item.map((x) => Array.from({ length: 150_000 }, () => x)) },
      );
    }
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const required = new Set((s.required ?? []) as string[]);
      const record = fc.record(
        Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fromSchema(v, depth + 1)])),
        { requiredKeys: [...required] },
      );
      // The old path fields, and prototype keys, tacked on.
      return fc
        .tuple(
          record,
          fc.option(
            fc.record(
              { path: hostileString(), folder: hostileString(), logoPath: hostileString() },
              { requiredKeys: [] },
            ),
          ),
        )
        .map(([r, extra]) => ({ ...r, ...(extra ?? {}) }));
    }
    default:
      return fc.anything({
        maxDepth: 3,
        withBigInt: true,
        withDate: true,
        withTypedArray: true,
        withMap: true,
        withSet: true,
      });
  }
}

function inputFor(channel: Channel): fc.Arbitrary<unknown> {
  const schema = contract[channel].input;
  const anything = fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withDate: true,
    withTypedArray: true,
    withMap: true,
    withSet: true,
  });
  // No input: the one valid call is made once below; here only what a hostile page could add.
  if (schema instanceof z.ZodUndefined) return anything.filter((x) => x !== undefined);
  const shaped = fromSchema(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }));
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: anything });
}

/**
 * The person chooses something for every purpose, so real tokens (offered for the wrong purpose,
 * too) are in play; and the page drops the files it is after, which the person declines (any token
 * that came back anyway would be used by the next calls, and show in the HOME check).
 */
async function refillPool(): Promise<void> {
  if (pool.length > 40) pool.splice(0, pool.length - 40);
  for (const purpose of pathPurposeSchema.options) {
    const r = await ipc.call('dialog:choose', { purpose });
    if (r.ok && r.value) pool.push((r.value as { token: string }).token);
  }
  known.length = 0;
  for (const a of ipc.services.library.listAchievements()) known.push(a.id);
  for (const item of ipc.services.queue.list({ limit: 20 }).items) known.push(item.id, item.achievementId);
  for (const a of ipc.services.awards.list({}).slice(0, 20)) known.push(a.credentialId);
  for (const purpose of ['package', 'evidence']) {
    const r = await ipc.call('dialog:confirmDrop', {
      purpose,
      paths: [path.join(home, purpose === 'package' ? 'Documents' : 'thesis.txt')],
    });
    if (r.ok) for (const c of r.value as { token: string }[]) pool.push(c.token);
  }
}

async function assertAnswer(channel: Channel, input: unknown): Promise<void> {
  const answer = await ipc.call(channel, input);
  if (answer.ok) {
    const check = contract[channel].output.safeParse(answer.value);
    expect(check.success, `${channel} answered outside its output schema`).toBe(true);
  } else {
    expect(Object.keys(answer).sort()).toEqual(['error', 'ok']);
    expect(Object.keys(answer.error).sort()).toEqual(['code', 'message']);
    expect(answer.error.code).toMatch(/^[a-z][\w-]*$/);
    expect(typeof answer.error.message === 'string' && answer.error.message.length > 0).toBe(true);
    if (answer.error.code === 'internal') {
      // The window is told nothing of a fault; what it was is in the log.
      expect(answer.error.message).toBe(INTERNAL_MESSAGE);
      internal.push(`${channel}: ${ipc.log.at(-1) ?? ''}`);
    }
  }
}

describe('every IPC channel under hostile input', () => {
  let before: Record<string, string>;
  beforeAll(async () => {
    before = snapshot(home);
    await refillPool();
  });

  it.each(channels.map((c, i) => [c, i] as const))('%s', async (channel, index) => {
    if (contract[channel].input instanceof z.ZodUndefined) await assertAnswer(channel, undefined);
    await fc.assert(
      fc.asyncProperty(inputFor(channel), async (input) => {
        await assertAnswer(channel, input);
        if (pool.length < 20) await refillPool();
      }),
      { numRuns: RUNS, seed: SEED + index, endOnFailure: true },
    );
  });

  it('left everything outside the data folder and the person’s picks as it was', () => {
    expect(snapshot(home)).toEqual(before);
    // And nothing of HOME came into the store by another way.
    const stored = new Set(ipc.services.db.prepare('SELECT sha256 FROM blobs').pluck().all() as string[]);
    for (const file of ['.ssh/id_ed25519', 'thesis.txt'])
      expect(
        stored.has(
          createHash('sha256')
            .update(fs.readFileSync(path.join(home, file)))
            .digest('hex'),
        ),
      ).toBe(false);
    const outside = fs.readdirSync(work).sort();
    expect(outside).toEqual(['data', 'home', 'person']);
    const perChannel = internal.reduce<Record<string, number>>(
      (n, m) => ({ ...n, [m.split(':').slice(0, 2).join(':')]: (n[m.split(':').slice(0, 2).join(':')] ?? 0) + 1 }),
      {},
    );
    if (internal.length)
      console.info(`'internal' answers (plain errors, answered; no crash): ${JSON.stringify(perChannel)}`);
    // Stack overflows and the like surface as internal errors (their details in the log): there must be none of those.
    expect(internal.filter((m) => /call stack|out of memory|ENOENT|EISDIR|ENAMETOOLONG/i.test(m))).toEqual([]);
  });
});
