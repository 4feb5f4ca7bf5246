// The coordination:* channels through the real dispatcher and handlers (what the Coordination screen
// calls): packages chosen as tokens (a folder or a .zip), outputs checked against the contract, refusals
// answered as a result rather than an error, a wrong-purpose token refused, adjudication input validated.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenResult, Overview, Sample } from '../../shared/coordination/types.js';
import { buildPanel, type Panel } from '../support/panel.js';
import { openPersonIpc, type PersonIpc } from '../support/ipc-person.js';

let panel: Panel;
let ipc: PersonIpc;

beforeAll(async () => {
  panel = await buildPanel();
  ipc = openPersonIpc(path.join(panel.work, 'coordinator-ipc'));
}, 300_000);
afterAll(() => {
  ipc.close();
  panel.dispose();
});

const tokens = async (files: readonly string[]) => {
  const out: string[] = [];
  for (const f of files) out.push(await ipc.choose('coordination-package', f));
  return out;
};

describe('coordination:* over IPC', () => {
  it('answers null before anything is open, then opens chosen packages and draws the overview', async () => {
    expect(await ipc.call('coordination:overview')).toEqual({ ok: true, value: null });
    const r = await ipc.call('coordination:open', {
      tokens: await tokens([panel.reviewPackage, ...panel.assessors.map((a) => a.results)]),
    });
    expect(r.ok).toBe(true);
    const opened = (r as { value: OpenResult }).value;
    expect(opened.refused).toEqual([]);
    expect(opened.opened).toHaveLength(3);
    const o = await ipc.call('coordination:overview');
    const overview = (o as { value: Overview }).value;
    expect(
      overview.flags.every(
        (f) => f.assessorId === overview.assessors.find((a) => a.assessor.name === 'Sam Harsh')!.assessor.id,
      ),
    ).toBe(true);
    expect(overview.flags.length).toBeGreaterThan(0);
    const drift = await ipc.call('coordination:drift', { assessorId: overview.assessors[0]!.assessor.id });
    expect(drift.ok).toBe(true);
    expect(ipc.log).toEqual([]);
  });

  it('refuses a token chosen for another purpose, and bad adjudication input by name', async () => {
    const t = await ipc.choose('rubric', panel.assessors[0]!.results);
    const r = await ipc.call('coordination:open', { tokens: [t] });
    expect(r).toMatchObject({ ok: false, error: { code: 'choice' } });
    const bad = await ipc.call('coordination:adjudicate', {
      submissionId: 'urn:uuid:nothing',
      adjudicator: 'A',
      decision: 'pass',
      results: [{ criterionId: 'c', levelId: 'l' }],
      reasons: 'r',
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('urn:uuid:nothing') },
    });
    const empty = await ipc.call('coordination:adjudicate', {
      submissionId: 'x',
      adjudicator: 'A',
      decision: 'pass',
      results: [{ criterionId: 'c', levelId: 'l' }],
      reasons: '   ',
    });
    expect(empty).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('draws a sample and lists it', async () => {
    const r = await ipc.call('coordination:sample', {
      notYetOnLastAttempt: false,
      lastAttempt: 3,
      nearCut: true,
      passShare: 0.25,
      seed: 'ipc',
    });
    expect(r.ok).toBe(true);
    const sample = (r as { value: Sample }).value;
    const list = await ipc.call('coordination:samples');
    expect((list as { value: Sample[] }).value[0]!.id).toBe(sample.id);
    expect(await ipc.call('coordination:adjudicationQueue')).toEqual({ ok: true, value: [] });
  });
});
