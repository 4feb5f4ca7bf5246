// The QR's compact signed proof: `<verify page URL>#<base64url(message ‖ Ed25519 signature)>`, checked
// offline against the issuer's badge key(s), and small enough for a readable symbol.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultVerifyPageUrl,
  makeQrPayload,
  qrKeyId,
  qrMatrix,
  statusEntryOf,
  verifyQrPayload,
  type QrClaims,
} from '../../../electron/awards/certificate/qr.js';
import { QR_MIN_MODULE } from '../../../electron/awards/certificate/layout.js';
import { CertificateRenderer } from '../../../electron/awards/certificate/renderer.js';
import { sampleAward, SAMPLE_ISSUER } from '../../support/certificate-samples.js';
import { fixedEd25519, run, runBuffer } from './helpers.js';

const key = fixedEd25519('assay qr proof');
const pub = crypto.createPublicKey(key);
const other = crypto.createPublicKey(fixedEd25519('another issuer'));
const sign = (data: Buffer): Buffer => crypto.sign(null, data, key);
const PAGE = 'https://pd.riverside.example.edu/verify';

const claims: QrClaims = {
  id: 'urn:uuid:3f2b8c1e-1007-4a7d-9c2e-5b1f0e9d0007',
  n: 'محمد الأحمد',
  a: 'Core STEM Teaching Practices',
  d: '2026-03-12',
  c: 'RVX0-007',
  status: { index: 94567, url: 'https://pd.riverside.example.edu/status/1' },
};

describe('the compact proof', () => {
  it('is a URL to the verify page with the proof in the fragment, and verifies back to the same claims', () => {
    const payload = makeQrPayload(claims, sign, { keyId: qrKeyId(pub), verifyPageUrl: PAGE });
    expect(payload.startsWith(`${PAGE}#`)).toBe(true);
    expect(payload.slice(PAGE.length + 1)).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(verifyQrPayload(payload, [other, pub])).toEqual({
      valid: true,
      claims,
      keyId: qrKeyId(pub),
      verifyPageUrl: PAGE,
    });
  });

  it('keeps a status list on another origin whole, and works without a verify page', () => {
    const elsewhere = { ...claims, status: { index: 3, url: 'https://status.example.org/lists/7' } };
    const bare = makeQrPayload(elsewhere, sign, { keyId: qrKeyId(pub) });
    expect(bare).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(verifyQrPayload(bare, pub)).toMatchObject({ valid: true, claims: elsewhere });
    const { status: _, ...noStatus } = claims;
    const plain = makeQrPayload(noStatus, sign, { keyId: qrKeyId(pub), verifyPageUrl: PAGE });
    expect(verifyQrPayload(plain, pub)).toMatchObject({ valid: true, claims: noStatus });
  });

  it('refuses every changed character of the proof, another key, and text that is not a proof', () => {
    const payload = makeQrPayload(claims, sign, { keyId: qrKeyId(pub), verifyPageUrl: PAGE });
    const proof = payload.slice(PAGE.length + 1);
    for (let i = 0; i < proof.length; i += 7) {
      const ch = proof[i] === 'A' ? 'B' : 'A';
      const changed = `${PAGE}#${proof.slice(0, i)}${ch}${proof.slice(i + 1)}`;
      expect(verifyQrPayload(changed, pub).valid, `character ${i}`).toBe(false);
    }
    expect(verifyQrPayload(payload, other)).toEqual({
      valid: false,
      reason: `The code was signed with a key this issuer does not hold (key id ${qrKeyId(pub)}).`,
    });
    expect(verifyQrPayload('https://example.com', pub)).toMatchObject({ valid: false });
    expect(verifyQrPayload('ASSAY1.eyJpZCI6IngifQ.AAAA', pub)).toMatchObject({ valid: false });
  });

  it('refuses claims with control characters (they would split the fields)', () => {
    expect(() => makeQrPayload({ ...claims, n: 'a\u001fb' }, sign, { keyId: qrKeyId(pub) })).toThrow(/control/);
  });

  it('finds the revocation entry of a credential and the default verify page', () => {
    const credential = {
      credentialStatus: {
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: '42',
        statusListCredential: 'https://x.example/status/1',
      },
    };
    expect(statusEntryOf(JSON.stringify(credential))).toEqual({ index: 42, url: 'https://x.example/status/1' });
    expect(statusEntryOf('{}')).toBeUndefined();
    expect(defaultVerifyPageUrl('https://pd.example.edu/')).toBe('https://pd.example.edu/verify');
    expect(defaultVerifyPageUrl(undefined)).toBeUndefined();
  });

  it('stays a readable symbol for a long multi-script name (size printed)', () => {
    const long: QrClaims = {
      ...claims,
      n: 'Zoë Núñez-Łukasiewicz محمد الأحمد Ἀλέξανδρος Παπαδόπουλος',
      a: 'Designing Inquiry-Based STEM Learning for Multilingual Classrooms (Advanced)',
    };
    for (const [label, c] of [
      ['typical', claims],
      ['long multi-script', long],
    ] as const) {
      const payload = makeQrPayload(c, sign, { keyId: qrKeyId(pub), verifyPageUrl: PAGE });
      const size = qrMatrix(payload).size;
      const version = (size - 17) / 4;
      const side = Math.max(74, size * QR_MIN_MODULE);
      const mm = ((side / size) * 25.4) / 72;
      console.log(
        `QR ${label}: ${Buffer.byteLength(payload)} bytes, version ${version}, ${size} modules, ${((side * 25.4) / 72).toFixed(1)} mm wide, ${mm.toFixed(3)} mm per module`,
      );
      expect(mm).toBeGreaterThanOrEqual(0.5);
      // the signature row moves in towards the seal for symbols up to 131 pt wide (see layout.ts)
      expect(side).toBeLessThanOrEqual(131);
    }
  });

  it('a certificate for the long multi-script names reads at 150 dpi, modules of at least 0.5 mm (figures printed)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-qr-long-'));
    try {
      const award = {
        ...sampleAward(3, { issuer: SAMPLE_ISSUER }),
        earnerName: 'Zoë Núñez-Łukasiewicz محمد الأحمد Ἀλέξανδρος Παπαδόπουλος',
        achievementName: 'Designing Inquiry-Based STEM Learning for Multilingual Classrooms (Advanced)',
        verifyPageUrl: PAGE,
        levels: [],
      };
      const renderer = new CertificateRenderer({ signQr: sign, qrPublicKey: pub });
      const file = path.join(dir, 'long.pdf');
      fs.writeFileSync(file, await renderer.render(award));
      runBuffer('pdftoppm', ['-r', '150', '-f', '1', '-l', '1', '-png', '-singlefile', file, path.join(dir, 'p')]);
      const out = run('zbarimg', ['--raw', '-q', path.join(dir, 'p.png')]);
      expect(out.status).toBe(0);
      const payload = out.stdout.trim();
      expect(verifyQrPayload(payload, pub)).toMatchObject({
        valid: true,
        claims: { n: award.earnerName, a: award.achievementName },
      });
      const qdf = path.join(dir, 'qdf.pdf');
      run('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
      const cm = /\nq ([\d.]+) 0 0 -[\d.]+ [\d.]+ [\d.]+ cm\n/.exec(fs.readFileSync(qdf, 'latin1'));
      const moduleMm = (Number(cm![1]) * 25.4) / 72;
      const size = qrMatrix(payload).size;
      console.log(
        `long-name certificate QR: ${Buffer.byteLength(payload)} bytes, version ${(size - 17) / 4}, ${size} modules, ${moduleMm.toFixed(3)} mm per module, ${(moduleMm * size).toFixed(1)} mm wide; zbarimg at 150 dpi: decoded`,
      );
      expect(moduleMm).toBeGreaterThanOrEqual(0.5);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
