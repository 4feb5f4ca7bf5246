// The sample review package the first run and `assay sample-package` write: how long writing it takes.
// A figure to watch, never a pass/fail (tests do not time anything).
import fs from 'node:fs';
import path from 'node:path';
import { writeSamplePackage } from '../../electron/sample/sample-package.js';
import { fmtBytes, fmtMs, heading, line, nowMs, percentile } from './stats.js';

export async function benchSamplePackage(work: string, runs = 5): Promise<void> {
  heading(`Sample review package: written ${runs} times`);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const dir = path.join(work, `sample-${i}`);
    const t = nowMs();
    const r = await writeSamplePackage(dir, { now: new Date('2026-11-20T09:00:00Z') });
    times.push(nowMs() - t);
    bytes = r.bytes;
    fs.rmSync(dir, { recursive: true, force: true });
  }
  line(
    'write the sample package (p50 / max)',
    `${fmtMs(percentile(times, 50))} / ${fmtMs(Math.max(...times))}`,
    `${fmtBytes(bytes)} each`,
  );
}
