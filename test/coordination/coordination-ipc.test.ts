// The coordination:* channels through the real dispatcher and handlers (what the Coordination screen
// calls): packages chosen as tokens (a folder or a .zip), outputs checked against the contract, refusals
// answered as a result rather than an error, a sample's items paged, a wrong-purpose token refused, adjudication input validated.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  MeasuresOf,
  MeasuresPage,
  OpenResult,
  SampleItem,
  SampleView,
  ScreenOverview,
} from '../../shared/coordination/types.js';
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
    expect(await ipc.call('coordination:measures', { of: 'all', offset: 0, limit: 10 })).toEqual({
      ok: true,
      value: { rows: [], total: 0 },
    });
    const r = await ipc.call('coordination:open', {
      tokens: await tokens([panel.reviewPackage, ...panel.assessors.map((a) => a.results)]),
    });
    expect(r.ok).toBe(true);
    const opened = (r as { value: OpenResult }).value;
    expect(opened.refused).toEqual([]);
    expect(opened.opened).toHaveLength(3);
    const o = await ipc.call('coordination:overview');
    const overview = (o as { value: ScreenOverview }).value;
    expect(
      overview.flags.every(
        (f) => f.assessorId === overview.assessors.find((a) => a.assessor.name === 'Sam Harsh')!.assessor.id,
      ),
    ).toBe(true);
    expect(overview.flags.length).toBeGreaterThan(0);
    const drift = await ipc.call('coordination:drift', { assessorId: overview.assessors[0]!.assessor.id });
    expect(drift.ok).toBe(true);
    // Sent as the screen draws it: the chart's drift lines and the count of all, no measures, no days.
    expect(overview.drift.length).toBeLessThanOrEqual(6);
    expect(overview.driftLines).toBeGreaterThanOrEqual(overview.drift.length);
    expect('measures' in overview).toBe(false);
    expect(overview.assessors.every((a) => !('perDay' in a.throughput))).toBe(true);
    expect(ipc.log).toEqual([]);
  });

  it('pages the assessor × criterion measures: every assessor, the flagged, one', async () => {
    const page = async (of: MeasuresOf, offset: number, limit: number) =>
      ((await ipc.call('coordination:measures', { of, offset, limit })) as { value: MeasuresPage }).value;
    const all = await page('all', 0, 10_000);
    expect(all.total).toBeGreaterThan(0);
    expect(all.rows).toHaveLength(all.total);
    const pieces: MeasuresPage['rows'] = [];
    for (let offset = 0; offset < all.total; offset += 5) pieces.push(...(await page('all', offset, 5)).rows);
    expect(pieces).toEqual(all.rows);
    const o = ((await ipc.call('coordination:overview')) as { value: ScreenOverview }).value;
    const flaggedIds = new Set(o.flags.map((f) => f.assessorId));
    const flagged = await page('flagged', 0, 10_000);
    expect(flagged.rows).toEqual(all.rows.filter((m) => flaggedIds.has(m.assessorId)));
    expect(flagged.total).toBeGreaterThan(0);
    const id = o.assessors[1]!.assessor.id;
    const one = await page({ assessorId: id }, 0, 10_000);
    expect(one.rows).toEqual(all.rows.filter((m) => m.assessorId === id));
    expect(await ipc.call('coordination:measures', { of: 'all', offset: 0, limit: 0 })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    });
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
    const sample = (r as { value: SampleView }).value;
    expect(sample.itemCount).toBeGreaterThan(0);
    expect(sample.items).toHaveLength(Math.min(sample.itemCount, 200));
    const latest = await ipc.call('coordination:latestSample');
    expect((latest as { value: SampleView }).value).toEqual(sample);
    // The rest of a sample by offset: pages put together are the whole sample, in the order drawn.
    const whole = await ipc.call('coordination:sampleItems', {
      sampleId: sample.id,
      offset: 0,
      limit: sample.itemCount,
    });
    const all = (whole as { value: SampleItem[] }).value;
    expect(all).toHaveLength(sample.itemCount);
    expect(new Set(all.map((i) => i.submissionId)).size).toBe(sample.itemCount);
    expect(all.slice(0, sample.items.length)).toEqual(sample.items);
    const pages: SampleItem[] = [];
    for (let offset = 0; offset < all.length; offset += 2) {
      const page = await ipc.call('coordination:sampleItems', { sampleId: sample.id, offset, limit: 2 });
      pages.push(...(page as { value: SampleItem[] }).value);
    }
    expect(pages).toEqual(all);
    const past = await ipc.call('coordination:sampleItems', { sampleId: sample.id, offset: all.length, limit: 5 });
    expect(past).toEqual({ ok: true, value: [] });
    expect(
      await ipc.call('coordination:sampleItems', { sampleId: 'urn:uuid:none', offset: 0, limit: 5 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('urn:uuid:none') },
    });
    expect(await ipc.call('coordination:adjudicationQueue')).toEqual({ ok: true, value: [] });
  });
});
