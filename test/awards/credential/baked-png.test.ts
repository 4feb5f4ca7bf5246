// Baking credentials into badge PNGs (OB 3.0 iTXt "openbadgecredential"), checked against 1EdTech's baked fixtures.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { ACHIEVEMENTS, buildAchievement } from '../../../electron/sample/rubrics.js';
import {
  bakePng,
  buildAchievementCredential,
  crc32,
  didKeyFromPublicKey,
  didKeyVerificationMethod,
  PngError,
  readBakedPng,
  signCredential,
  verifyCredential,
} from '../../../electron/awards/credential/index.js';
import { describeWithStandards, standard } from '../../support/standards.js';

// 1EdTech's baked fixtures, read from ../shared/standards when a block runs (skipped, saying why, without it).
const FIXTURES = standard('open-badges-3', 'validator-fixtures');
let simpleJsonPng: Buffer;
let simpleJwtPng: Buffer;
function readFixtures(): void {
  simpleJsonPng = readFileSync(path.join(FIXTURES, 'simple-json.png'));
  simpleJwtPng = readFileSync(path.join(FIXTURES, 'simple-jwt.png'));
}

/** The chunks, read independently of the code under test. */
function chunks(png: Buffer): { type: string; data: Buffer; crc: number }[] {
  const out: { type: string; data: Buffer; crc: number }[] = [];
  for (let pos = 8; pos < png.length;) {
    const length = png.readUInt32BE(pos);
    out.push({
      type: png.toString('latin1', pos + 4, pos + 8),
      data: png.subarray(pos + 8, pos + 8 + length),
      crc: png.readUInt32BE(pos + 8 + length),
    });
    pos += 12 + length;
  }
  return out;
}
const chunkTypes = (png: Buffer): string[] => chunks(png).map((c) => c.type);

describeWithStandards('baked PNG', () => {
  beforeAll(readFixtures);

  it('reads the JSON credential baked into simple-json.png', () => {
    const text = readBakedPng(simpleJsonPng);
    expect(text).not.toBeNull();
    const json = JSON.parse(text!) as { type: string[]; proof: unknown[] };
    expect(json.type).toContain('OpenBadgeCredential');
  });

  it('reads the compact JWS baked into simple-jwt.png', () => {
    const text = readBakedPng(simpleJwtPng);
    expect(text).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('round-trips, replacing an existing baked credential rather than adding a second', () => {
    const credential = JSON.stringify({ name: 'Lecciones de ciencias — ✓ 数学', n: 1 });
    const baked = bakePng(simpleJsonPng, credential);
    expect(readBakedPng(baked)).toBe(credential);
    const types = chunkTypes(baked);
    expect(types.filter((t) => t === 'iTXt')).toHaveLength(1);
    expect(types.slice(-2)).toEqual(['iTXt', 'IEND']);
    // Everything but the baked chunk is untouched.
    expect(chunkTypes(simpleJsonPng).filter((t) => t !== 'iTXt')).toEqual(types.filter((t) => t !== 'iTXt'));
    const rebaked = bakePng(baked, '{"second":true}');
    expect(readBakedPng(rebaked)).toBe('{"second":true}');
    expect(chunkTypes(rebaked).filter((t) => t === 'iTXt')).toHaveLength(1);
  });

  it('writes the chunk exactly as the spec says: keyword, NUL, uncompressed, empty language and translation, valid CRC', () => {
    const baked = bakePng(simpleJsonPng, '{"a":1}');
    const chunk = chunks(baked).find((c) => c.type === 'iTXt')!;
    expect(
      chunk.data.equals(
        Buffer.concat([Buffer.from('openbadgecredential\0\0\0\0\0', 'latin1'), Buffer.from('{"a":1}')]),
      ),
    ).toBe(true);
    // zlib.crc32 (Node ≥ 20.15) is an independent oracle; older Node relies on the fixture CRC test below.
    if (typeof zlib.crc32 === 'function')
      expect(chunk.crc).toBe(zlib.crc32(Buffer.concat([Buffer.from('iTXt'), chunk.data])));
  });

  it('computes PNG CRC-32 as the fixtures written by others have it', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926); // the standard check value
    for (const c of chunks(simpleJwtPng)) expect(crc32(Buffer.from(c.type, 'latin1'), c.data)).toBe(c.crc);
  });

  it('reads null from a PNG with no baked credential, and refuses what is not a PNG', () => {
    const unbaked = Buffer.concat([simpleJsonPng.subarray(0, 8), ...stripItxt(simpleJsonPng)]);
    expect(readBakedPng(unbaked)).toBeNull();
    expect(() => readBakedPng(Buffer.from('GIF89a not a png'))).toThrow(PngError);
    expect(() => readBakedPng(simpleJsonPng.subarray(0, simpleJsonPng.length - 20))).toThrow(PngError);
  });
});

function stripItxt(png: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let pos = 8; pos < png.length;) {
    const length = png.readUInt32BE(pos);
    if (png.toString('latin1', pos + 4, pos + 8) !== 'iTXt') out.push(png.subarray(pos, pos + 12 + length));
    pos += 12 + length;
  }
  return out;
}

describeWithStandards('a baked Assay credential', () => {
  beforeAll(readFixtures);

  it('still verifies after the round trip through the PNG', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const a = buildAchievement(ACHIEVEMENTS[0]!, 'badges/x.png');
    const unsigned = buildAchievementCredential({
      credentialId: randomUUID(),
      issuedAt: new Date(),
      issuer: { id: didKeyFromPublicKey(privateKey), name: 'Riverside' },
      earner: { name: 'Aiyana Redcloud', email: 'aiyana@school.example.org' },
      achievement: a,
      achievedLevels: Object.fromEntries(a.resultDescription.map((c) => [c.id, c.rubricCriterionLevel.at(-1)!.id])),
    });
    const signed = await signCredential(unsigned, {
      privateKey,
      verificationMethod: didKeyVerificationMethod(privateKey),
    });
    const baked = bakePng(simpleJsonPng, JSON.stringify(signed, null, 2));
    expect(await verifyCredential(JSON.parse(readBakedPng(baked)!) as unknown)).toMatchObject({ verified: true });
  });
});
