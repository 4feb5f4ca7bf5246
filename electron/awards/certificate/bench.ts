// benchCertificates(n): renders and signs n certificates with one renderer (fonts prepared for the
// batch) and one unlocked identity (ECDSA P-256 unless told), as a batch of awards would be issued.
import { generateSelfSignedIdentity, type GeneratedKeyAlgorithm } from '../identity/generate.js';
import { CertificateRenderer } from './renderer.js';
import { SAMPLE_ISSUER, sampleAward } from './samples.js';
import { signPdf } from './sign.js';

export interface CertificateBenchResult {
  n: number;
  msPerCertificate: number;
  bytesPerCertificate: number;
  /** Of which rendering and signing, in ms per certificate. */
  renderMs: number;
  signMs: number;
  /** CPU time (user + system) per certificate: steadier than wall time on a shared machine. */
  cpuMsPerCertificate: number;
  /** One-time cost: renderer creation with the batch's fonts subset (ms). */
  setupMs: number;
  keyAlgorithm: GeneratedKeyAlgorithm;
}

export interface CertificateBenchOptions {
  algorithm?: GeneratedKeyAlgorithm;
  /** PNG logo drawn on each certificate. */
  logoPng?: Buffer;
  /** Certificates rendered and signed before timing (JIT warm-up); default min(60, n). */
  warmup?: number;
}

export async function benchCertificates(n: number, options: CertificateBenchOptions = {}): Promise<CertificateBenchResult> {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('benchCertificates: n must be a positive integer');
  const algorithm = options.algorithm ?? 'ecdsa-p256';
  const issuer = { ...SAMPLE_ISSUER, ...(options.logoPng ? { logoPng: options.logoPng } : {}) };
  const identity = await generateSelfSignedIdentity(issuer, { algorithm });
  const awards = Array.from({ length: n }, (_, i) => sampleAward(i, { issuer, paper: i % 5 === 4 ? 'letter' : 'a4' }));

  const setupStart = performance.now();
  const renderer = new CertificateRenderer({ identity, batch: awards });
  const setupMs = performance.now() - setupStart;

  const warmup = options.warmup ?? Math.min(60, n);
  for (let i = 0; i < warmup; i++) signPdf(renderer.render(awards[i % n]!), identity);

  let renderMs = 0;
  let signMs = 0;
  let bytes = 0;
  const signingTime = new Date();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (const award of awards) {
    const t0 = performance.now();
    const pdf = renderer.render(award);
    const t1 = performance.now();
    const signed = signPdf(pdf, identity, { signingTime, reason: 'Certificate of achievement', name: issuer.name });
    signMs += performance.now() - t1;
    renderMs += t1 - t0;
    bytes += signed.length;
  }
  const total = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return {
    n,
    msPerCertificate: total / n,
    bytesPerCertificate: Math.round(bytes / n),
    renderMs: renderMs / n,
    signMs: signMs / n,
    cpuMsPerCertificate: (cpu.user + cpu.system) / 1000 / n,
    setupMs,
    keyAlgorithm: algorithm,
  };
}
