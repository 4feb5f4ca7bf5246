// `assay verify` against an adversary: an award is genuine only when a key this data folder trusts signed it.
// Every hostile input is made here: an attacker's own store and identity under the real issuer's name,
// a badge PNG with a second credential chunk, and an issuer that replaced its identity.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc32, PngError, readBakedPng } from '../../electron/awards/credential/index.js';
import { assay, issuerWithAward } from '../support/issuer-store.js';
import { tempDir } from '../support/package-builder.js';

let work: string;
let issuer: Awaited<ReturnType<typeof issuerWithAward>>;
let attacker: Awaited<ReturnType<typeof issuerWithAward>>;

beforeAll(async () => {
  work = tempDir('assay-verify-trust-');
  issuer = await issuerWithAward(work, 'issuer');
  // The attacker runs Assay too, with an identity carrying the real issuer's name.
  attacker = await issuerWithAward(work, 'attacker');
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A PNG chunk with its length and CRC, as a tool other than Assay would write it. */
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(head.subarray(4, 8), data), 0);
  return Buffer.concat([head, data, crc]);
}

describe('verify: who signed, not only whether it is signed', () => {
  it('the issuer’s own PDF, JSON and PNG are genuine in its data folder', async () => {
    for (const ext of ['.pdf', '.json', '.png']) {
      const v = await assay(issuer.dataDir, ['verify', issuer.file(ext)]);
      expect(v.code, v.stdout + v.stderr).toBe(0);
      expect(v.stdout).toMatch(/^VALID: .* is a genuine award/m);
      expect(v.stdout).toMatch(/this store's issuer identity/);
    }
  });

  it('an attacker’s credential JSON and baked PNG with the issuer’s name: signature valid, signer unknown (exit 3)', async () => {
    const forged = JSON.parse(fs.readFileSync(attacker.file('.json'), 'utf8'));
    expect(forged.issuer.name).toBe(JSON.parse(fs.readFileSync(issuer.file('.json'), 'utf8')).issuer.name);
    for (const ext of ['.json', '.png']) {
      const v = await assay(issuer.dataDir, ['verify', attacker.file(ext)]);
      expect(v.code, v.stdout + v.stderr).toBe(3);
      expect(v.stdout).not.toMatch(/^VALID/m);
      expect(v.stderr).toMatch(/^SIGNATURE VALID, SIGNER UNKNOWN: .*not a genuine award/);
      expect(v.stderr).toMatch(/not an issuer identity of this data folder/);
    }
  });

  it('in an empty data folder nothing is genuine: the attacker’s PDF and JSON are signer unknown', async () => {
    const empty = path.join(work, 'empty-data');
    for (const file of [attacker.file('.pdf'), attacker.file('.json'), issuer.file('.pdf')]) {
      const v = await assay(empty, ['verify', file]);
      expect(v.code, `${path.basename(file)}: ${v.stdout}${v.stderr}`).toBe(3);
      expect(v.stderr).toMatch(/^SIGNATURE VALID, SIGNER UNKNOWN/);
    }
  });

  it('the attacker’s PDF in the issuer’s folder is signer unknown, not merely "not valid"', async () => {
    const v = await assay(issuer.dataDir, ['verify', attacker.file('.pdf')]);
    expect(v.code, v.stdout + v.stderr).toBe(3);
    expect(v.stdout).toMatch(/FAIL {2}signer certificate: signature valid, signer unknown/);
    expect(v.stdout).toMatch(/FAIL {2}credential issuer: signature valid, signer unknown/);
  });

  it('a PNG with two openbadgecredential chunks (genuine first, altered second) is refused', async () => {
    const png = fs.readFileSync(issuer.file('.png'));
    const genuine = JSON.parse(readBakedPng(png)!);
    const altered = { ...genuine, credentialSubject: { ...genuine.credentialSubject, name: 'Mallory' } };
    const iend = png.length - 12;
    expect(png.subarray(iend + 4, iend + 8).toString('latin1')).toBe('IEND');
    const second = chunk(
      'iTXt',
      Buffer.concat([Buffer.from('openbadgecredential\0\0\0\0\0', 'latin1'), Buffer.from(JSON.stringify(altered))]),
    );
    const twice = Buffer.concat([png.subarray(0, iend), second, png.subarray(iend)]);
    expect(() => readBakedPng(twice)).toThrow(PngError);
    expect(() => readBakedPng(twice)).toThrow(/2 openbadgecredential chunks/);
    const file = path.join(work, 'two-chunks.png');
    fs.writeFileSync(file, twice);
    const v = await assay(issuer.dataDir, ['verify', file]);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/^NOT VALID: baked credential: the PNG carries 2 openbadgecredential chunks/);
  });

  it('after "identity create --force" the old identity is retired, not forgotten: its PDFs and JSON stay genuine', async () => {
    const data = path.join(work, 'replaced-data');
    fs.cpSync(issuer.dataDir, data, { recursive: true });
    const replaced = await assay(data, [
      'identity',
      'create',
      '--force',
      '--name',
      'Riverside University School of Education',
    ]);
    expect(replaced.code, replaced.stderr).toBe(0);
    for (const ext of ['.pdf', '.json']) {
      const v = await assay(data, ['verify', issuer.file(ext)]);
      expect(v.code, v.stdout + v.stderr).toBe(0);
      expect(v.stdout).toMatch(/a former issuer identity of this store, retired/);
    }
    // Retiring the issuer's key did not make the attacker's trusted.
    expect((await assay(data, ['verify', attacker.file('.pdf')])).code).toBe(3);
  });
});
