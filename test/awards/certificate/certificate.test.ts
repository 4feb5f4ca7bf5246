import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSelfSignedIdentity, type SigningIdentity } from '../../../electron/awards/identity/index.js';
import {
  CertificateRenderer,
  extractAttachment,
  signPdf,
  verifyPdfSignature,
  verifyQrPayload,
  qrKeyId,
  qrMatrix,
  type CertificateAward,
} from '../../../electron/awards/certificate/index.js';
import { SAMPLE_EARNERS, SAMPLE_ISSUER, sampleAward } from '../../support/certificate-samples.js';
import { comparePng, fixedEd25519, run, runBuffer } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const REFERENCE_DIR = path.join(here, 'reference');
const logo = fs.readFileSync(path.join(here, 'fixtures', 'logo.png'));
const issuer = { ...SAMPLE_ISSUER, logoPng: logo };
const qrKey = fixedEd25519('assay certificate reference');
const qrPublic = crypto.createPublicKey(qrKey);
const VERIFY_PAGE = 'https://riverside.example/verify';
const STATUS_URL = 'https://riverside.example/status/1';
const RENDERED_AT = new Date('2026-03-12T10:00:00Z');
const SIGNED_AT = new Date('2026-03-12T10:05:00Z');

/** The reference certificate: an Arabic name on page 1, and every script in the criteria table. */
function referenceAward(): CertificateAward {
  const base = sampleAward(7, { issuer });
  const credential = JSON.parse(base.credentialJson) as Record<string, unknown>;
  credential['credentialStatus'] = {
    id: `${STATUS_URL}#94567`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: '94567',
    statusListCredential: STATUS_URL,
  };
  return {
    ...base,
    credentialJson: JSON.stringify(credential, null, 2),
    verifyPageUrl: VERIFY_PAGE,
    earnerName: 'محمد الأحمد',
    levels: [
      { criterion: 'Zoë Núñez-Łukasiewicz · Ng Thị Ánh (Latin with diacritics, Vietnamese)', level: 'Exemplary' },
      { criterion: 'Ἀλέξανδρος Παπαδόπουλος (Greek)', level: 'Proficient' },
      { criterion: 'Оксана Коваленко (Cyrillic)', level: 'Proficient' },
      { criterion: '김민준 · 王小明 · 田中 さくら (Korean, Chinese, Japanese)', level: 'Exemplary' },
      { criterion: 'محمد الأحمد', level: 'Exemplary' },
      { criterion: 'שרה כהן', level: 'Proficient' },
    ],
  };
}

let dir: string;
let identity: SigningIdentity;
let renderer: CertificateRenderer;
let award: CertificateAward;
let unsigned: Uint8Array;
let signed: Uint8Array;
let signedFile: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-certificate-'));
  identity = await generateSelfSignedIdentity(issuer);
  award = referenceAward();
  renderer = new CertificateRenderer({
    signQr: (data) => crypto.sign(null, data, qrKey),
    qrPublicKey: qrPublic,
    now: () => RENDERED_AT,
  });
  unsigned = await renderer.render(award);
  signed = await signPdf(unsigned, identity, {
    signingTime: SIGNED_AT,
    reason: 'Certificate of achievement',
    location: 'Riverside',
    name: issuer.name,
  });
  signedFile = path.join(dir, 'certificate.pdf');
  fs.writeFileSync(signedFile, signed);
  fs.writeFileSync(path.join(dir, 'issuer.pem'), identity.certificatePem);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

function nssDatabase(name: string): string {
  const db = path.join(dir, name);
  fs.mkdirSync(db);
  expect(run('certutil', ['-N', '--empty-password', '-d', `sql:${db}`]).status).toBe(0);
  expect(
    run('certutil', ['-A', '-n', 'issuer', '-t', 'CT,C,C', '-i', path.join(dir, 'issuer.pem'), '-d', `sql:${db}`])
      .status,
  ).toBe(0);
  return `sql:${db}`;
}

describe('signed certificate, checked by outside tools', () => {
  it('pdfsig: the signature is valid, PAdES (ETSI.CAdES.detached), covering the whole document', () => {
    const out = run('pdfsig', [signedFile]).stdout;
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Signature Type: ETSI.CAdES.detached');
    expect(out).toContain('Total document signed');
    expect(out).toContain(`Signer Certificate Common Name: ${issuer.name}`);
    expect(out).toContain('Signing Hash Algorithm: SHA-256');
    expect(out).toContain('Signing Time: Mar 12 2026 10:05:00');
  });

  it('pdfsig with the issuer certificate in an NSS database (CT,C,C): the certificate is trusted', () => {
    const out = run('pdfsig', ['-nssdir', nssDatabase('nss'), signedFile]).stdout;
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Certificate Validation: Certificate is Trusted.');
  });

  it('our verifier agrees, and reports signer, time, PAdES B-B and the certificate', async () => {
    const check = await verifyPdfSignature(signed);
    expect(check).toMatchObject({
      valid: true,
      digestOk: true,
      signatureOk: true,
      coversWholeFile: true,
      padesBaselineB: true,
      signer: issuer.name,
    });
    expect(check.signingTime?.toISOString()).toBe(SIGNED_AT.toISOString());
    expect(check.certificatePem).toBe(identity.certificatePem);
    expect(check.certificateFingerprint256).toBe(identity.fingerprint256);
  });

  it('one changed byte in the signed range: pdfsig says Digest Mismatch and our verifier says invalid', async () => {
    const tampered = Buffer.from(signed);
    const check = await verifyPdfSignature(signed);
    const [, contentsAt] = check.byteRange!;
    // a byte inside the attached credential's compressed stream, well inside the first signed range
    const at = tampered.indexOf('stream\n', tampered.indexOf('/Type /EmbeddedFile')) + 'stream\n'.length + 10;
    expect(at).toBeGreaterThan(10);
    expect(at).toBeLessThan(contentsAt);
    tampered[at]! ^= 0x20;
    const file = write('tampered.pdf', tampered);
    const out = run('pdfsig', [file]);
    expect(out.stdout).toContain('Digest Mismatch');
    expect(out.stdout).not.toContain('Signature is Valid');
    const ours = await verifyPdfSignature(tampered);
    expect(ours.valid).toBe(false);
    expect(ours.digestOk).toBe(false);
    expect(ours.reason).toMatch(/changed after it was signed/);
  });

  it('bytes appended after signing make it invalid for us (the signature no longer covers the file)', async () => {
    const appended = Buffer.concat([Buffer.from(signed), Buffer.from('\n1000 0 obj\n(added)\nendobj\n')]);
    const ours = await verifyPdfSignature(appended);
    expect(ours).toMatchObject({ valid: false, digestOk: true, signatureOk: true, coversWholeFile: false });
    expect(ours.reason).toMatch(/added after the signature/);
    expect(await verifyPdfSignature(unsigned)).toMatchObject({
      valid: false,
      reason: 'The PDF has no digital signature.',
    });
  });

  it('qpdf --check finds no errors, signed and unsigned', () => {
    for (const [name, bytes] of [
      ['signed.pdf', signed],
      ['unsigned.pdf', unsigned],
    ] as const) {
      const out = run('qpdf', ['--check', write(name, bytes)]);
      expect(out.stdout + out.stderr).toContain('No syntax or stream encoding errors found');
      expect(out.status).toBe(0);
    }
  });

  it('pdffonts: every font is embedded and subset', () => {
    const out = run('pdffonts', [signedFile]).stdout.trim().split('\n').slice(2);
    expect(out.length).toBeGreaterThanOrEqual(6);
    for (const line of out) {
      const cols = line.trim().split(/\s+/);
      const [emb, sub, uni] = cols.slice(-5, -2);
      expect({ line, emb, sub, uni }).toEqual({ line, emb: 'yes', sub: 'yes', uni: 'yes' });
      expect(cols[0]).toMatch(/^[A-Z]{6}\+/);
    }
    const names = out.map((l) => l.trim().split(/\s+/)[0]!.slice(7));
    for (const family of [
      'EBGaramond-SemiBold',
      'EBGaramond-Italic',
      'NotoNaskhArabic-SemiBold',
      'NotoNaskhArabic-Regular',
      'NotoSerifSC-Regular',
      'NotoSansKR-Regular',
      'FrankRuhlLibre-Regular',
    ]) {
      expect(names).toContain(family);
    }
    // two Latin faces: the running text is italic, names and headings semibold
    expect(names).not.toContain('EBGaramond-Regular');
  });

  it('credential.json comes back byte for byte (ours, qpdf, pdfdetach), as an associated file', async () => {
    const expected = Buffer.from(award.credentialJson, 'utf8');
    expect((await extractAttachment(signed, 'credential.json'))?.equals(expected)).toBe(true);
    expect(runBuffer('qpdf', [`--show-attachment=credential.json`, signedFile]).equals(expected)).toBe(true);
    expect(run('pdfdetach', ['-list', signedFile]).stdout).toMatch(/1: credential\.json/);
    const saved = path.join(dir, 'detached.json');
    runBuffer('pdfdetach', ['-save', '1', '-o', saved, signedFile]);
    expect(fs.readFileSync(saved).equals(expected)).toBe(true);
    const doc = await PDFDocument.load(signed, { updateMetadata: false });
    const af = doc.catalog.lookup(PDFName.of('AF'), PDFArray);
    expect(af.size()).toBe(1);
    const spec = af.lookup(0, PDFDict);
    expect(spec.lookup(PDFName.of('AFRelationship'), PDFName).decodeText()).toBe('Source');
    const file = doc.context.lookup(spec.lookup(PDFName.of('EF'), PDFDict).get(PDFName.of('F')));
    expect(file).toBeInstanceOf(PDFRawStream);
    expect((file as PDFRawStream).dict.lookup(PDFName.of('Subtype'), PDFName).decodeText()).toBe('application/ld+json');
    expect(await extractAttachment(signed, 'other.json')).toBeUndefined();
  });

  it('metadata: title, author (issuer), subject, XMP, landscape A4', () => {
    const info = run('pdfinfo', [signedFile]).stdout;
    expect(info).toMatch(/Title:\s+Core STEM Teaching Practices — محمد الأحمد/);
    expect(info).toMatch(new RegExp(`Author:\\s+${issuer.name}`));
    expect(info).toMatch(/Subject:\s+Certificate of Achievement: Core STEM Teaching Practices/);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    expect(info).toMatch(/Pages:\s+2/);
    expect(run('pdfinfo', ['-meta', signedFile]).stdout).toContain(
      '<dc:creator><rdf:Seq><rdf:li>Riverside University School of Education</rdf:li>',
    );
  });

  it('the QR code opens the verify page with the signed proof, reads at 150 dpi, and has modules of at least 0.5 mm', () => {
    const png = path.join(dir, 'qr150');
    // the whole of page 1 at 150 dpi, as a phone photographing a print or a desk scanner sees it
    runBuffer('pdftoppm', ['-r', '150', '-f', '1', '-l', '1', '-png', '-singlefile', signedFile, png]);
    const out = run('zbarimg', ['--raw', '-q', `${png}.png`]);
    expect(out.status).toBe(0);
    const payload = out.stdout.trim();
    expect(payload.startsWith(`${VERIFY_PAGE}#`)).toBe(true);
    const result = verifyQrPayload(payload, qrPublic);
    expect(result).toEqual({
      valid: true,
      keyId: qrKeyId(qrPublic),
      verifyPageUrl: VERIFY_PAGE,
      claims: {
        id: award.credentialId,
        n: award.earnerName,
        a: award.achievementName,
        d: '2026-03-12',
        c: award.verificationCode,
        status: { index: 94567, url: STATUS_URL },
      },
    });
    // what the QR's drawing says: `q m 0 0 -m x y cm`, m the module in points, in the page's content
    const qdf = path.join(dir, 'qdf.pdf');
    run('qpdf', ['--qdf', '--object-streams=disable', signedFile, qdf]);
    const cm = /\nq ([\d.]+) 0 0 -([\d.]+) [\d.]+ [\d.]+ cm\n/.exec(fs.readFileSync(qdf, 'latin1'));
    expect(cm?.[1]).toBe(cm?.[2]);
    const moduleMm = (Number(cm![1]) * 25.4) / 72;
    const modules = qrMatrix(payload).size;
    console.log(
      `certificate QR: ${Buffer.byteLength(payload)} bytes, version ${(modules - 17) / 4}, ${modules} modules, ${moduleMm.toFixed(3)} mm per module, ${(moduleMm * modules).toFixed(1)} mm wide; zbarimg at 150 dpi: decoded`,
    );
    expect(moduleMm).toBeGreaterThanOrEqual(0.5);
    // a changed character of the proof, or another key, is refused
    const i = payload.length - 20;
    const changed = `${payload.slice(0, i)}${payload[i] === 'A' ? 'B' : 'A'}${payload.slice(i + 1)}`;
    expect(verifyQrPayload(changed, qrPublic)).toMatchObject({ valid: false });
    expect(verifyQrPayload(payload, identity.badgePublicKey)).toMatchObject({ valid: false });
    expect(verifyQrPayload('https://example.com', qrPublic)).toMatchObject({
      valid: false,
      reason: 'This is not an Assay certificate code.',
    });
  });

  it('rendered pages match the reference images (pdftoppm -r 50)', () => {
    fs.mkdirSync(REFERENCE_DIR, { recursive: true });
    runBuffer('pdftoppm', ['-r', '50', '-png', signedFile, path.join(dir, 'page')]);
    for (const page of [1, 2]) {
      const actual = fs.readFileSync(path.join(dir, `page-${page}.png`));
      const reference = path.join(REFERENCE_DIR, `certificate-a4-page${page}.png`);
      if (process.env.UPDATE_REFERENCE === '1' || !fs.existsSync(reference)) {
        fs.writeFileSync(reference, actual);
        if (process.env.CI)
          throw new Error(`${reference} was missing; generate it locally with UPDATE_REFERENCE=1 and look at it`);
      }
      const diff = comparePng(actual, fs.readFileSync(reference));
      expect(diff.width).toBe(585);
      expect(
        diff.differingShare,
        `page ${page}: ${(diff.differingShare * 100).toFixed(3)}% of pixels differ`,
      ).toBeLessThan(0.004);
      expect(diff.meanAbsDiff).toBeLessThan(1.5);
    }
  });
});

describe('renderSigned: the signature built into the document (one save, one revision)', () => {
  it('is valid and trusted for pdfsig, clean for qpdf, valid for us, and looks like the reference', async () => {
    const bytes = await renderer.renderSigned(award, identity, {
      signingTime: SIGNED_AT,
      reason: 'Certificate of achievement',
      name: issuer.name,
    });
    const file = write('combined.pdf', bytes);
    expect(Buffer.from(bytes).toString('latin1').match(/%%EOF/g)).toHaveLength(1);
    const out = run('pdfsig', ['-nssdir', nssDatabase('nss-combined'), file]).stdout;
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Certificate Validation: Certificate is Trusted.');
    expect(out).toContain('Signature Type: ETSI.CAdES.detached');
    expect(out).toContain('Total document signed');
    expect(out).toContain('Signing Time: Mar 12 2026 10:05:00');
    const qpdf = run('qpdf', ['--check', file]);
    expect(qpdf.stdout + qpdf.stderr).toContain('No syntax or stream encoding errors found');
    expect(qpdf.status).toBe(0);
    const check = await verifyPdfSignature(bytes);
    expect(check).toMatchObject({
      valid: true,
      digestOk: true,
      signatureOk: true,
      coversWholeFile: true,
      padesBaselineB: true,
      signer: issuer.name,
    });
    expect(check.byteRange![2] + check.byteRange![3]).toBe(bytes.length);
    expect((await extractAttachment(bytes, 'credential.json'))?.equals(Buffer.from(award.credentialJson, 'utf8'))).toBe(
      true,
    );
    runBuffer('pdftoppm', [
      '-r',
      '50',
      '-f',
      '1',
      '-l',
      '1',
      '-png',
      '-singlefile',
      file,
      path.join(dir, 'combined-page1'),
    ]);
    const diff = comparePng(
      fs.readFileSync(path.join(dir, 'combined-page1.png')),
      fs.readFileSync(path.join(REFERENCE_DIR, 'certificate-a4-page1.png')),
    );
    expect(diff.differingShare).toBeLessThan(0.004);
  });

  it('renders the same certificate at the same time to the same bytes', async () => {
    expect(Buffer.from(await renderer.render(award)).equals(Buffer.from(unsigned))).toBe(true);
  });
});

describe('names in every script', () => {
  it('are drawn with real glyphs and extract as text (ToUnicode), right-to-left names in logical order', async () => {
    const r = new CertificateRenderer({ identity, now: () => RENDERED_AT });
    for (const [i, name] of SAMPLE_EARNERS.entries()) {
      const pdf = await r.render({ ...sampleAward(i, { issuer }), levels: [] });
      // NFC: a letter the font draws as base + mark (Arabic أ) reads back as the pair, canonically equal
      const text = run('pdftotext', ['-f', '1', '-l', '1', write(`name-${i}.pdf`, pdf), '-'])
        .stdout.normalize('NFC')
        .replace(/[\u202a-\u202e]/g, '');
      expect(text, name).toContain(name);
      expect(run('pdffonts', [path.join(dir, `name-${i}.pdf`)]).stdout).not.toMatch(/\bno\s+(yes|no)\s+(yes|no)\s+\d+/);
    }
  });

  it('a text the fonts lack still renders (as missing glyphs) instead of failing', async () => {
    const r = new CertificateRenderer({ identity });
    const pdf = await r.render({ ...sampleAward(0, { issuer }), earnerName: 'Ada 🦉 Lovelace' });
    expect(run('qpdf', ['--check', write('emoji.pdf', pdf)]).status).toBe(0);
  });
});

describe('paper, layout and signing other PDFs', () => {
  it('continues a long criteria table over further pages', async () => {
    const levels = Array.from({ length: 40 }, (_, i) => ({
      criterion: `Criterion ${i + 1}: ${i % 3 ? 'uses evidence of learning to plan next steps with colleagues and students' : 'Оксана · 王小明 · שרה'}`,
      level: i % 2 ? 'Proficient' : 'Exemplary',
    }));
    const r = new CertificateRenderer({ identity });
    const file = write('long.pdf', await r.render({ ...sampleAward(3, { issuer }), levels }));
    expect(run('qpdf', ['--check', file]).status).toBe(0);
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]).stdout)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    const last = run('pdftotext', ['-f', String(pages), '-l', String(pages), file, '-']).stdout;
    expect(last).toContain(`Page ${pages} of ${pages}`);
    expect(last).toContain('Criterion 40');
  });

  it('renders US Letter landscape', async () => {
    const pdf = await renderer.render({ ...award, paper: 'letter' });
    expect(run('pdfinfo', [write('letter.pdf', pdf)]).stdout).toMatch(/Page size:\s+792 x 612 pts \(letter\)/);
  });

  it('signs a PDF written by another tool (pdf-lib, cross-reference streams) and signs a signed PDF again', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    page.drawText('Hello from pdf-lib', {
      x: 50,
      y: 780,
      size: 18,
      font: await doc.embedFont(StandardFonts.Helvetica),
    });
    const bytes = await doc.save({ useObjectStreams: true });
    const once = await signPdf(bytes, identity, { signingTime: SIGNED_AT });
    expect(run('pdfsig', [write('other.pdf', once)]).stdout).toContain('Signature is Valid.');
    expect((await verifyPdfSignature(once)).valid).toBe(true);
    expect(run('qpdf', ['--check', path.join(dir, 'other.pdf')]).status).toBe(0);

    const twice = await signPdf(once, identity, { signingTime: SIGNED_AT, reason: 'Counter-signed' });
    const out = run('pdfsig', [write('twice.pdf', twice)]).stdout;
    expect(out).toContain('Signature #2');
    expect(out).toContain('Signature Field Name: Signature2');
    expect(out.match(/Signature is Valid\./g)).toHaveLength(2);
    expect((await verifyPdfSignature(twice)).valid).toBe(true);
  });

  it('signs with an RSA-3072 identity too', async () => {
    const rsa = await generateSelfSignedIdentity(issuer, { algorithm: 'rsa-3072' });
    const pdf = await signPdf(unsigned, rsa, { signingTime: SIGNED_AT });
    expect(run('pdfsig', [write('rsa.pdf', pdf)]).stdout).toContain('Signature is Valid.');
    expect(await verifyPdfSignature(pdf)).toMatchObject({ valid: true, padesBaselineB: true });
  });
});
