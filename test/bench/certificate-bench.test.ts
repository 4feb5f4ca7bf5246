// The certificate benchmark still runs and reports sane sizes. Its speed figures are printed by
// `npm run bench` (certificates.bench.ts), never checked here: a test must not depend on timing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { benchCertificates } from './certificate-bench.js';

const logo = fs.readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'awards', 'certificate', 'fixtures', 'logo.png'),
);

describe('benchCertificates', () => {
  it('renders and signs a batch, reporting time and size per certificate', async () => {
    const result = await benchCertificates(24, { logoPng: logo });
    expect(result.n).toBe(24);
    expect(result.bytesPerCertificate).toBeGreaterThan(20_000);
    expect(result.bytesPerCertificate).toBeLessThan(200_000);
    for (const figure of [
      result.msPerCertificate,
      result.renderMs,
      result.signMs,
      result.cpuMsPerCertificate,
      result.setupMs,
    ])
      expect(Number.isFinite(figure)).toBe(true);
  });

  it('measures the render-then-signPdf path too', async () => {
    const result = await benchCertificates(6, { signing: 'incremental', warmup: 2 });
    expect(result).toMatchObject({ n: 6, signing: 'incremental' });
    expect(Number.isFinite(result.signMs)).toBe(true);
  });
});
