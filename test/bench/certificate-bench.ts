// benchCertificates(n): renders and signs certificates for n distinct earners (the names of
// realistic-data.ts, nine scripts in turn) with one renderer and one unlocked identity (ECDSA P-256
// unless told), as a batch of awards is issued: by default the combined path (renderSigned: the
// signature field is built into the document, one save), or render() then signPdf() (the PDF read back
// and signed in an incremental update). The renderer is made inside the timing: an export makes one.
import { generateSelfSignedIdentity, type GeneratedKeyAlgorithm } from '../../electron/awards/identity/generate.js';
import type { SigningIdentity } from '../../electron/awards/identity/identity.js';
import { CertificateRenderer } from '../../electron/awards/certificate/renderer.js';
import { distinctAwards, SAMPLE_ISSUER } from '../support/certificate-samples.js';
import type { CertificateAward } from '../../electron/awards/certificate/types.js';
import { fillSignature, signPdf, type SignOptions } from '../../electron/awards/certificate/sign.js';
import type { Script } from './realistic-data.js';

export interface CertificateBenchResult {
  n: number;
  msPerCertificate: number;
  /** Each certificate's size in bytes, in batch order, with the script of its earner's name. */
  sizes: { bytes: number; script: Script }[];
  /** Of which rendering (with the signature placeholders, on the combined path) and signing, in ms per certificate. */
  renderMs: number;
  signMs: number;
  /** CPU time (user + system) per certificate: steadier than wall time on a shared machine. */
  cpuMsPerCertificate: number;
  /** Making the renderer (ms), included in msPerCertificate. */
  setupMs: number;
  keyAlgorithm: SigningIdentity['keyAlgorithm'];
  signing: CertificateSigningPath;
}

/** 'combined': renderSigned; 'incremental': render() then signPdf(). */
export type CertificateSigningPath = 'combined' | 'incremental';

export interface CertificateBenchOptions {
  algorithm?: GeneratedKeyAlgorithm;
  /** An identity made beforehand (else one is generated, outside the timing). */
  identity?: SigningIdentity;
  /** PNG logo drawn on each certificate. */
  logoPng?: Buffer;
  /** Certificates rendered and signed before timing, with a renderer of their own (JIT warm-up); default 0. */
  warmup?: number;
  /** Default 'combined'. */
  signing?: CertificateSigningPath;
  /** Which of the distinct names to start at (rounds of a benchmark take different names). */
  offset?: number;
}

export async function benchCertificates(
  n: number,
  options: CertificateBenchOptions = {},
): Promise<CertificateBenchResult> {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('benchCertificates: n must be a positive integer');
  const algorithm = options.algorithm ?? 'ecdsa-p256';
  const issuer = { ...SAMPLE_ISSUER, ...(options.logoPng ? { logoPng: options.logoPng } : {}) };
  const identity = options.identity ?? (await generateSelfSignedIdentity(issuer, { algorithm }));
  const offset = options.offset ?? 0;
  const awards = distinctAwards(offset + n, { issuer })
    .slice(offset)
    .map((a, i) => ({ ...a, paper: i % 5 === 4 ? ('letter' as const) : ('a4' as const) }));
  const signing = options.signing ?? 'combined';
  const signOptions: SignOptions = { signingTime: new Date(), reason: 'Certificate of achievement', name: issuer.name };
  /** Renders and signs one award; returns the signed PDF and when rendering ended. */
  const issue = async (
    renderer: CertificateRenderer,
    award: CertificateAward,
  ): Promise<{ signed: Uint8Array; rendered: number }> => {
    if (signing === 'combined') {
      const { pdf, placeholder } = await renderer.renderWithSignatureField(award, identity, signOptions);
      const rendered = performance.now();
      return { signed: fillSignature(pdf, identity, placeholder), rendered };
    }
    const pdf = await renderer.render(award);
    const rendered = performance.now();
    return { signed: await signPdf(pdf, identity, signOptions), rendered };
  };

  const warmup = options.warmup ?? 0;
  if (warmup > 0) {
    const warm = new CertificateRenderer({ identity });
    for (let i = 0; i < warmup; i++) await issue(warm, awards[i % n]!);
  }

  let renderMs = 0;
  let signMs = 0;
  const sizes: CertificateBenchResult['sizes'] = [];
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const renderer = new CertificateRenderer({ identity });
  const setupMs = performance.now() - start;
  for (const award of awards) {
    const t0 = performance.now();
    const { signed, rendered } = await issue(renderer, award);
    signMs += performance.now() - rendered;
    renderMs += rendered - t0;
    sizes.push({ bytes: signed.length, script: award.script });
  }
  const total = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return {
    n,
    msPerCertificate: total / n,
    sizes,
    renderMs: renderMs / n,
    signMs: signMs / n,
    cpuMsPerCertificate: (cpu.user + cpu.system) / 1000 / n,
    setupMs,
    keyAlgorithm: identity.keyAlgorithm,
    signing,
  };
}
