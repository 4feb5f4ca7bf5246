// The certificate benchmark still runs and reports sane sizes for distinct names. Its speed figures are
// printed by `npm run bench` (certificates.bench.ts), never checked here: a test must not depend on timing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { benchCertificates } from './certificate-bench.js';
import { distinctAwards } from '../support/certificate-samples.js';

const logo = fs.readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'awards', 'certificate', 'fixtures', 'logo.png'),
);

describe('benchCertificates', () => {
  it('renders and signs a batch for distinct names in nine scripts, reporting time and each size', async () => {
    const result = await benchCertificates(18, { logoPng: logo, warmup: 2 });
    expect(result.n).toBe(18);
    expect(result.sizes).toHaveLength(18);
    expect(new Set(result.sizes.map((s) => s.script)).size).toBe(9);
    for (const { bytes } of result.sizes) {
      expect(bytes).toBeGreaterThan(10_000);
      expect(bytes).toBeLessThan(200_000);
    }
    for (const figure of [
      result.msPerCertificate,
      result.renderMs,
      result.signMs,
      result.cpuMsPerCertificate,
      result.setupMs,
    ])
      expect(Number.isFinite(figure)).toBe(true);
  });

  it('measures the render-then-signPdf path too, from an offset into the names', async () => {
    const result = await benchCertificates(6, { signing: 'incremental', offset: 9 });
    expect(result).toMatchObject({ n: 6, signing: 'incremental' });
    expect(result.sizes.map((s) => s.script)).toEqual(
      distinctAwards(15)
        .slice(9)
        .map((a) => a.script),
    );
  });

  it('the names never repeat, in every script (including Arabic, Hebrew, Chinese, Korean)', () => {
    const awards = distinctAwards(1000);
    expect(new Set(awards.map((a) => a.earnerName)).size).toBe(1000);
    for (const script of ['arabic', 'hebrew', 'chinese', 'korean'] as const)
      expect(awards.filter((a) => a.script === script).length).toBeGreaterThan(100);
  });
});
