// How many bytes a signed certificate takes (issue 14 asks for at most 30 KiB each), and that the
// measures taken for it (glyphs pruned per document, the compact writer, the shorter signature
// placeholder) leave the file valid: pdfsig verifies the signature over the whole file, qpdf finds
// nothing wrong, and the earner's name reads back. The batch figures (min / median / max by script for
// 1,000 names) are printed by the certificate benchmark, not checked here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CertificateRenderer } from '../../../electron/awards/certificate/index.js';
import { generateSelfSignedIdentity, type SigningIdentity } from '../../../electron/awards/identity/index.js';
import { SAMPLE_ISSUER, sampleAward } from '../../support/certificate-samples.js';
import { run } from './helpers.js';

const KIB = 1024;
/** Names whose script adds a face of its own (for the name, set in the semibold on both pages). */
const LONG_NAMES = {
  arabic: 'عبد الرحمن بن عبد العزيز الحسيني القرشي',
  chinese: '司马欧阳慕容端木',
} as const;

let dir: string;
let identity: SigningIdentity;
let renderer: CertificateRenderer;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-cert-size-'));
  identity = await generateSelfSignedIdentity(SAMPLE_ISSUER, { algorithm: 'ecdsa-p256' });
  renderer = new CertificateRenderer({ identity });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function signedFor(earnerName: string, index: number): Promise<{ bytes: Uint8Array; file: string }> {
  const bytes = await renderer.renderSigned(sampleAward(index, { earnerName }), identity, {
    signingTime: new Date('2026-03-12T10:05:00Z'),
    reason: 'Certificate of achievement',
    name: SAMPLE_ISSUER.name,
  });
  const file = path.join(dir, `certificate-${index}.pdf`);
  fs.writeFileSync(file, bytes);
  return { bytes, file };
}

/** pdfsig exits 0 even on a digest mismatch: its report is what says whether the signature holds. */
function expectVerified(file: string): void {
  const out = run('pdfsig', [file]).stdout;
  expect(out).toContain('Signature Validation: Signature is Valid.');
  expect(out).toContain('Total document signed');
  expect(out).not.toMatch(/Digest Mismatch|Signature is Invalid/);
  const check = run('qpdf', ['--check', file]);
  expect(check.status, check.stdout + check.stderr).toBe(0);
}

describe('signed certificate size', () => {
  it('a Latin name with diacritics: at most 30 KiB, verified by pdfsig, clean for qpdf', async () => {
    const name = 'Zoë Núñez-Łukasiewicz';
    const { bytes, file } = await signedFor(name, 0);
    expect(bytes.length).toBeLessThanOrEqual(30 * KIB);
    expectVerified(file);
    expect(run('pdftotext', [file, '-']).stdout).toContain(name);
  });

  // The 30 KiB goal is not met for these long names: the face the name's script brings (about 1-2 KiB for
  // these) comes on top of the two EB Garamond faces every certificate embeds (about 15 KiB). The name is set
  // in one face on both pages (page 2's subtitle once set it in a second, regular face: 34.2 and 33.5 KiB);
  // this holds what was reached (31.1 and 30.4 KiB) against growing back. The batch of 1,000 distinct
  // names has every script's median under 30 KiB (the certificate benchmark prints it).
  for (const [script, name] of Object.entries(LONG_NAMES)) {
    it(`a long ${script} name (${name}): at most 31.5 KiB, one face for its script, verified by pdfsig, the name extracted on both pages`, async () => {
      const { bytes, file } = await signedFor(name, 1);
      expect(bytes.length).toBeLessThanOrEqual(31.5 * KIB);
      expectVerified(file);
      const faces = run('pdffonts', [file])
        .stdout.trim()
        .split('\n')
        .slice(2)
        .map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
      expect(faces).toEqual([
        'EBGaramond-SemiBold',
        'EBGaramond-Italic',
        script === 'arabic' ? 'NotoNaskhArabic-SemiBold' : 'NotoSerifSC-SemiBold',
      ]);
      // pdftotext wraps a right-to-left line in embedding marks
      const page = (n: number) =>
        run('pdftotext', ['-f', String(n), '-l', String(n), file, '-']).stdout.replace(/[\u202a-\u202e]/g, '');
      expect(page(1)).toContain(name);
      expect(page(2)).toContain(`Core STEM Teaching Practices · ${name}`);
    });
  }
});
