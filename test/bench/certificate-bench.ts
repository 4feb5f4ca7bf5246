// benchCertificates(n): renders and signs n certificates with one renderer (fonts prepared for the
// batch) and one unlocked identity (ECDSA P-256 unless told), as a batch of awards would be issued:
// by default the combined path (renderSigned: the signature field is built into the document, one
// save), or render() then signPdf() (the PDF read back and signed in an incremental update).
import { generateSelfSignedIdentity, type GeneratedKeyAlgorithm } from '../../electron/awards/identity/generate.js';
import { CertificateRenderer } from '../../electron/awards/certificate/renderer.js';
import { SAMPLE_ISSUER, sampleAward } from '../support/certificate-samples.js';
import type { CertificateAward } from '../../electron/awards/certificate/types.js';
import { fillSignature, signPdf, type SignOptions } from '../../electron/awards/certificate/sign.js';

export interface CertificateBenchResult {
  n: number;
  msPerCertificate: number;
  bytesPerCertificate: number;
  /** Of which rendering (with the signature placeholders, on the combined path) and signing, in ms per certificate. */
  renderMs: number;
  signMs: number;
  /** CPU time (user + system) per certificate: steadier than wall time on a shared machine. */
  cpuMsPerCertificate: number;
  /** One-time cost: renderer creation with the batch's fonts subset (ms). */
  setupMs: number;
  keyAlgorithm: GeneratedKeyAlgorithm;
  signing: CertificateSigningPath;
}

/** 'combined': renderSigned; 'incremental': render() then signPdf(). */
export type CertificateSigningPath = 'combined' | 'incremental';

export interface CertificateBenchOptions {
  algorithm?: GeneratedKeyAlgorithm;
  /** PNG logo drawn on each certificate. */
  logoPng?: Buffer;
  /** Certificates rendered and signed before timing (JIT warm-up); default min(60, n). */
  warmup?: number;
  /** Default 'combined'. */
  signing?: CertificateSigningPath;
}

export async function benchCertificates(
  n: number,
  options: CertificateBenchOptions = {},
): Promise<CertificateBenchResult> {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('benchCertificates: n must be a positive integer');
  const algorithm = options.algorithm ?? 'ecdsa-p256';
  const issuer = { ...SAMPLE_ISSUER, ...(options.logoPng ? { logoPng: options.logoPng } : {}) };
  const identity = await generateSelfSignedIdentity(issuer, { algorithm });
  const awards = Array.from({ length: n }, (_, i) => sampleAward(i, { issuer, paper: i % 5 === 4 ? 'letter' : 'a4' }));

  const setupStart = performance.now();
  const renderer = new CertificateRenderer({ identity, batch: awards });
  const setupMs = performance.now() - setupStart;

  const signing = options.signing ?? 'combined';
  const signOptions: SignOptions = { signingTime: new Date(), reason: 'Certificate of achievement', name: issuer.name };
  /** Renders and signs one award; returns the signed PDF and when rendering ended. */
  const issue = async (award: CertificateAward): Promise<{ signed: Uint8Array; rendered: number }> => {
    if (signing === 'combined') {
      const { pdf, placeholder } = await renderer.renderWithSignatureField(award, identity, signOptions);
      const rendered = performance.now();
      return { signed: fillSignature(pdf, identity, placeholder), rendered };
    }
    const pdf = await renderer.render(award);
    const rendered = performance.now();
    return { signed: await signPdf(pdf, identity, signOptions), rendered };
  };

  const warmup = options.warmup ?? Math.min(60, n);
  for (let i = 0; i < warmup; i++) await issue(awards[i % n]!);

  let renderMs = 0;
  let signMs = 0;
  let bytes = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (const award of awards) {
    const t0 = performance.now();
    const { signed, rendered } = await issue(award);
    signMs += performance.now() - rendered;
    renderMs += rendered - t0;
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
    signing,
  };
}
