// A seed is indistinguishable from live work until its review is submitted: every IPC payload and every CLI line
// for a seed has the same keys, shape and types as for a live submission; they differ only in content (ids,
// names, text, dates).
import { afterEach, describe, expect, it } from 'vitest';
import { openPersonIpc, type PersonIpc } from '../support/ipc-person.js';
import { runCli } from '../support/cli.js';
import { idOf, live, qaStore, scoresAt, seeds, type QaStore } from './qa-store.js';

let store: QaStore | undefined;
let ipc: PersonIpc | undefined;
afterEach(() => {
  ipc?.close();
  ipc = undefined;
  if (store) store.s = { close: () => {} } as QaStore['s'];
  store?.dispose();
  store = undefined;
});

/**
 * The value with every leaf replaced by its type: what is left is the structure, keys in order of name. How many
 * items a list has is content (the hashes of a name's words, say): a list becomes the distinct shapes of its items.
 */
function shape(v: unknown): unknown {
  if (v === null) return 'null';
  if (Array.isArray(v))
    return [...new Set(v.map((x) => JSON.stringify(shape(x))))].sort().map((x) => JSON.parse(x) as unknown);
  if (v instanceof Uint8Array) return 'bytes';
  if (typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, shape((v as Record<string, unknown>)[k])]),
    );
  return typeof v;
}

/** A CLI table row with its cells replaced by their kind of content. */
function lineShape(line: string): string[] {
  return line.split(/ {2,}/).map((cell) => {
    // "!" marks a date past due: content of the date, as the JSON row's overdue flag is.
    if (/^\d{4}-\d{2}-\d{2}( !)?$/.test(cell)) return 'date';
    if (/^urn:uuid:[0-9a-f-]{36}$/.test(cell)) return 'id';
    if (/^\d+$/.test(cell)) return 'number';
    return 'text';
  });
}

const SEED = idOf(200);
const LIVE = idOf(3);

async function seeded(): Promise<PersonIpc> {
  store = await qaStore({ submissions: live(0, 10), ...seeds([[3, 2]], 10) });
  store.s.close();
  ipc = openPersonIpc(store.dataDir);
  return ipc;
}

async function value(p: PersonIpc, channel: string, input?: unknown): Promise<unknown> {
  const r = await p.call(channel, input);
  if (!r.ok) throw new Error(`${channel} refused: ${JSON.stringify(r.error)}`);
  return r.value;
}

describe('a seed looks like live work in every payload until submitted', () => {
  it('sweeps the IPC payloads of a seed and a live submission', async () => {
    const p = await seeded();
    const both = async (fn: (id: string) => Promise<unknown>) => {
      const seed = await fn(SEED);
      const lived = await fn(LIVE);
      expect(shape(seed)).toEqual(shape(lived));
      return { seed, lived };
    };

    // queue:list — the items, in every view the queue has.
    for (const query of [{}, { blind: true }, { sort: 'earner' }, { search: 'group' }, { status: ['pending'] }]) {
      const page = (await value(p, 'queue:list', { ...query, limit: 100 })) as { items: { id: string }[] };
      const item = (id: string) => page.items.find((i) => i.id === id);
      expect(item(SEED)).toBeDefined();
      expect(shape(item(SEED))).toEqual(shape(item(LIVE)));
    }
    // The seed is searched and counted like any submission.
    expect(await value(p, 'queue:counts')).toMatchObject({ pending: 11, total: 11 });

    // Before anything: the workspace (sighted and blind) and the comparison.
    for (const blind of [false, true]) {
      const { seed } = await both((id) => value(p, 'review:open', { submissionId: id, blind }));
      expect(Object.keys(seed as object)).not.toContain('practice');
    }
    const before = await both((id) => value(p, 'quality:comparison', { submissionId: id }));
    expect(before).toEqual({ seed: null, lived: null });

    // A draft, the workspace with it, the comparison again.
    await both((id) =>
      value(p, 'review:saveDraft', {
        submissionId: id,
        scores: scoresAt([3, 2]),
        comments: {},
        feedback: 'Thank you.',
        override: null,
        activeMs: 500,
      }),
    );
    await both((id) => value(p, 'review:open', { submissionId: id, blind: false }));
    expect(await both((id) => value(p, 'quality:comparison', { submissionId: id }))).toEqual({
      seed: null,
      lived: null,
    });
    const listed = (await value(p, 'queue:list', { status: ['in-progress'] })) as { items: { id: string }[] };
    expect(listed.items.map((i) => i.id)).toEqual([LIVE, SEED]); // by due date, as always

    // Submitted: the review itself is alike; only now does the comparison say it was a seed.
    await both((id) => value(p, 'review:submit', { submissionId: id, confirmed: true }));
    await both((id) => value(p, 'review:open', { submissionId: id, blind: true }));
    expect(await value(p, 'quality:comparison', { submissionId: SEED })).toMatchObject({ kind: 'seed' });
    expect(await value(p, 'quality:comparison', { submissionId: LIVE })).toBeNull();
    expect(p.log).toEqual([]);
  });

  it('prints a seed in the CLI queue exactly like live work', async () => {
    const p = await seeded();
    p.close();
    ipc = undefined;
    const assay = (...args: string[]) => runCli(['queue', ...args, '--data-dir', store!.dataDir]);
    for (const args of [[], ['--blind'], ['--all'], ['--search', 'group']]) {
      const out = await assay(...args);
      expect(out.code).toBe(0);
      const lines = out.stdout.split('\n');
      const seedLine = lines.find((l) => l.includes(SEED))!;
      const liveLine = lines.find((l) => l.includes(LIVE))!;
      expect(lineShape(seedLine)).toEqual(lineShape(liveLine));
      // Columns line up: the id starts at the same place on both lines.
      expect(seedLine.indexOf(SEED)).toBe(liveLine.indexOf(LIVE));
    }
    const json = await assay('--json');
    const rows = JSON.parse(json.stdout) as { id: string }[];
    expect(shape(rows.find((r) => r.id === SEED))).toEqual(shape(rows.find((r) => r.id === LIVE)));
  });
});
