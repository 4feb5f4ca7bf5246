// Bytes per signed certificate without the browser: `BENCH_ONLY=certsizes npm run bench` (or node
// dist/test/bench/run.js after npm run build:node) renders and signs a batch of distinct names (nine
// scripts, BENCH_CERTIFICATES, default 1,000) the way an export does and prints min / median / max bytes,
// overall and by script, against the goal of issue 14 (at most 30 KiB each). certificates.bench.ts prints
// the same batch's median and max beside Chromium's, with the timings.
import { benchCertificates } from './certificate-bench.js';
import { fmtBytes, heading, line, percentile } from './stats.js';

const GOAL = 30 * 1024;

function spread(bytes: number[]): string {
  return `${fmtBytes(Math.min(...bytes))} / ${fmtBytes(percentile(bytes, 50))} / ${fmtBytes(Math.max(...bytes))}`;
}

export async function benchCertificateSizes(n = Number(process.env.BENCH_CERTIFICATES ?? 1000)): Promise<void> {
  heading(`Signed certificate sizes, ${n} distinct names (nine scripts), ECDSA P-256`);
  const { sizes, msPerCertificate } = await benchCertificates(n);
  const all = sizes.map((s) => s.bytes);
  const over = all.filter((b) => b > GOAL).length;
  line('bytes per certificate, min / median / max', spread(all), `goal ≤ 30 KiB each: ${over} of ${n} over`);
  const byScript = new Map<string, number[]>();
  for (const s of sizes) byScript.set(s.script, [...(byScript.get(s.script) ?? []), s.bytes]);
  for (const [script, bytes] of byScript) {
    const above = bytes.filter((b) => b > GOAL).length;
    line(`  ${script}`, spread(bytes), `${above} of ${bytes.length} over 30 KiB`);
  }
  line('ms per certificate (one run, shared machine)', msPerCertificate.toFixed(1));
}
