// Assay's OB 3.0 credentials against outside oracles: the official schema, Digital Bazaar's verifier and 1EdTech fixtures.
import { generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as vc from '@digitalbazaar/vc';
import Ajv2019Module from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Achievement } from '../../../shared/schemas/review-package.js';
import { ACHIEVEMENTS, buildAchievement } from '../../../electron/sample/rubrics.js';
import {
  buildAchievementCredential,
  createDocumentLoader,
  CredentialInputError,
  defaultDocumentLoader,
  didKeyFromPublicKey,
  didKeyVerificationMethod,
  hashEmail,
  signCredential,
  validateOb3,
  verifyCredential,
  type AchievementCredentialInput,
  type JsonObject,
  type JsonSchemaValidator,
} from '../../../electron/awards/credential/index.js';
import { describeWithStandards, itWithStandards, standard } from '../../support/standards.js';

// The official schema and 1EdTech's fixtures are read from ../shared/standards by the tests that use
// them (skipped, saying why, in a checkout without it); never copied into the project.
const OB3 = standard('open-badges-3');
const FIXTURES = path.join(OB3, 'validator-fixtures');
const fixture = (name: string): JsonObject => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as JsonObject;

let compiled: JsonSchemaValidator | undefined;
/** The official AchievementCredential schema, compiled on first use. */
function schemaValidator(): JsonSchemaValidator {
  if (compiled) return compiled;
  // Ajv ships CommonJS; under NodeNext its default export is reached through `.default`.
  const ajv = new Ajv2019Module.default({ strict: false, allErrors: true });
  addFormatsModule.default(ajv);
  compiled = ajv.compile(
    JSON.parse(readFileSync(path.join(OB3, 'achievementcredential.schema.json'), 'utf8')) as object,
  ) as JsonSchemaValidator;
  return compiled;
}

const { privateKey } = generateKeyPairSync('ed25519');
const issuerDid = didKeyFromPublicKey(privateKey);
const verificationMethod = didKeyVerificationMethod(privateKey);
const achievements: Achievement[] = ACHIEVEMENTS.map((def) => buildAchievement(def, 'badges/x.png'));
const PNG_1PX =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** The top level of every criterion, as a passing review would award. */
function input(
  achievement: Achievement,
  overrides: Partial<AchievementCredentialInput> = {},
): AchievementCredentialInput {
  return {
    credentialId: randomUUID(),
    issuedAt: new Date('2026-11-18T16:20:00Z'),
    issuer: {
      id: issuerDid,
      name: 'Riverside University School of Education',
      url: 'https://pd.riverside.example.edu',
      email: 'credentials@pd.riverside.example.edu',
      imageDataUri: PNG_1PX,
    },
    earner: { name: 'Mohammed Al-Ahmad', email: 'Mohammed.AlAhmad@westbrook.example.org' },
    achievement,
    achievedLevels: Object.fromEntries(
      achievement.resultDescription.map((c) => [c.id, c.rubricCriterionLevel.at(-1)!.id]),
    ),
    achievementImageDataUri: PNG_1PX,
    ...overrides,
  };
}

const sign = <T extends object>(cred: T, key: KeyObject = privateKey, vm = verificationMethod) =>
  signCredential(cred, { privateKey: key, verificationMethod: vm, created: new Date('2026-11-18T16:21:00Z') });

/** Digital Bazaar's stack, given only our offline loader: an implementation we did not write. */
async function independentVerify(credential: object): Promise<{ verified: boolean; error?: unknown }> {
  const suite = new DataIntegrityProof({ cryptosuite });
  return vc.verifyCredential({
    credential,
    suite,
    documentLoader: defaultDocumentLoader,
    now: new Date('2026-12-01T00:00:00Z'),
  });
}

describe('an AchievementCredential built and signed by Assay', () => {
  itWithStandards(
    'validates against the official OB 3.0 schema, for each of the seven sample micro-credentials',
    async () => {
      for (const achievement of achievements) {
        const signed = await sign(buildAchievementCredential(input(achievement)));
        const result = validateOb3(signed, schemaValidator());
        expect(result.problems, achievement.id).toEqual([]);
        expect(signed.credentialSubject.result).toHaveLength(achievement.resultDescription.length);
      }
      // The optional parts left out or swapped: earner known by id only, a bare issuer, no image, no credits.
      const { creditsAvailable: _c, ...noCredits } = achievements[6]!;
      const variants = [
        input(achievements[6]!, {
          earner: { name: 'Ada', id: 'did:example:ada' },
          issuer: { id: issuerDid, name: 'Bare issuer' },
          achievementImageDataUri: undefined,
        }),
        input(noCredits, { earner: { name: 'Ada', id: 'did:example:ada', email: 'ada@example.org' } }),
      ];
      for (const v of variants) {
        const signed = await sign(buildAchievementCredential(v));
        expect(validateOb3(signed, schemaValidator()).problems).toEqual([]);
        expect((await independentVerify(signed)).verified).toBe(true);
      }
    },
  );

  it('has the expected OB 3.0 shape: hashed email, string points, a result for every criterion', () => {
    const achievement = achievements[0]!;
    const cred = buildAchievementCredential(
      input(achievement, { salt: 'Kosher', credentialId: 'urn:uuid:0F8FAD5B-D9CB-469F-A165-70867728950E' }),
    );
    expect(cred['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(cred.id).toBe('urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(cred.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(cred.validFrom).toBe('2026-11-18T16:20:00Z');
    expect(cred.issuer.image).toEqual({ id: PNG_1PX, type: 'Image' });
    const subject = cred.credentialSubject;
    expect(subject.id).toBeUndefined();
    // The OB 3.0 spec's own example: "a@example.com" salted with "Kosher"; we lower-case first.
    expect(hashEmail('A@Example.com', 'Kosher')).toBe(
      'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399',
    );
    expect(subject.identifier).toEqual([
      {
        type: 'IdentityObject',
        identityHash: hashEmail('mohammed.alahmad@westbrook.example.org', 'Kosher'),
        identityType: 'emailAddress',
        hashed: true,
        salt: 'Kosher',
      },
    ]);
    expect(JSON.stringify(cred)).not.toMatch(/westbrook\.example\.org/i);
    expect(subject.creditsEarned).toBe(achievement.creditsAvailable);
    const levels = subject.achievement.resultDescription.flatMap((rd) => rd.rubricCriterionLevel);
    expect(levels.every((l) => typeof l.points === 'string')).toBe(true);
    expect(subject.result.map((r) => r.resultDescription)).toEqual(achievement.resultDescription.map((c) => c.id));
  });

  it('is verified by the independent Digital Bazaar stack (vc + data-integrity + eddsa-rdfc-2022-cryptosuite)', async () => {
    const signed = await sign(buildAchievementCredential(input(achievements[1]!)));
    const result = await independentVerify(signed);
    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
  });

  it('is verified by our verifier, which names the did:key controller', async () => {
    const signed = await sign(buildAchievementCredential(input(achievements[2]!)));
    expect(await verifyCredential(signed)).toEqual({
      verified: true,
      verificationMethod,
      controller: issuerDid,
      issuerIsController: true,
    });
  });

  it("fails both verifiers after any change: an achieved level, the earner name, a level's points, an added claim", async () => {
    const achievement = achievements[3]!;
    const signed = await sign(buildAchievementCredential(input(achievement)));
    expect((await independentVerify(signed)).verified).toBe(true);
    const firstCriterion = achievement.resultDescription[0]!;
    const lowerLevel = firstCriterion.rubricCriterionLevel[0]!.id;
    const clone = () => structuredClone(signed);
    const tampered = [
      (() => {
        const c = clone();
        c.credentialSubject.result[0]!.achievedLevel = lowerLevel;
        return c;
      })(),
      (() => {
        const c = clone();
        c.credentialSubject.name = 'Someone Else';
        return c;
      })(),
      (() => {
        const c = clone();
        c.credentialSubject.achievement.resultDescription[0]!.rubricCriterionLevel[0]!.points = '9';
        return c;
      })(),
      (() => {
        const c = clone();
        c.credentialSubject.result.pop();
        return c;
      })(),
      (() => {
        const c = clone();
        return { ...c, description: 'Added after signing' };
      })(),
      (() => {
        const c = clone();
        c.validFrom = '2026-11-18T16:20:01Z';
        return c;
      })(),
    ];
    for (const t of tampered) {
      expect(await verifyCredential(t)).toMatchObject({ verified: false, code: 'bad-signature' });
      expect((await independentVerify(t)).verified).toBe(false);
    }
  });

  it('fails when signed by a different key than the one the proof names', async () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    const signed = await sign(
      buildAchievementCredential(input(achievements[0]!)),
      other,
      didKeyVerificationMethod(other),
    );
    const forged = { ...signed, proof: [{ ...signed.proof[0]!, verificationMethod }] };
    expect(await verifyCredential(forged)).toMatchObject({ verified: false, code: 'bad-signature' });
    await expect(sign(buildAchievementCredential(input(achievements[0]!)), other, verificationMethod)).rejects.toThrow(
      /does not belong to the signing key/,
    );
  });

  it('verifies a credential the independent stack signed (ours is not merely self-consistent)', async () => {
    // Their key library derives the key from a seed; the first pass only learns its Multikey for the DID.
    const seed = randomBytes(32);
    const { publicKeyMultibase } = await Ed25519Multikey.generate({ seed });
    const did = `did:key:${publicKeyMultibase}`;
    const theirs = await Ed25519Multikey.generate({ seed, controller: did, id: `${did}#${publicKeyMultibase}` });
    const unsigned = buildAchievementCredential(input(achievements[4]!, { issuer: { id: did, name: 'Other Issuer' } }));
    const suite = new DataIntegrityProof({ cryptosuite, signer: theirs.signer() });
    const signed = await vc.issue({ credential: unsigned, suite, documentLoader: defaultDocumentLoader });
    expect(await verifyCredential(signed)).toMatchObject({ verified: true, controller: did, issuerIsController: true });
  });

  it('refuses input that cannot make a valid credential', () => {
    const a = achievements[5]!;
    const crit = a.resultDescription[0]!;
    const { [crit.id]: _missing, ...partial } = input(a).achievedLevels;
    expect(() => buildAchievementCredential(input(a, { achievedLevels: partial }))).toThrow(CredentialInputError);
    expect(() =>
      buildAchievementCredential(input(a, { achievedLevels: { ...partial, [crit.id]: 'https://nope.example/level' } })),
    ).toThrow(/not one of the levels/);
    expect(() =>
      buildAchievementCredential(
        input(a, { achievedLevels: { ...input(a).achievedLevels, 'https://x.example/c': 'y' } }),
      ),
    ).toThrow(/not a criterion/);
    expect(() => buildAchievementCredential(input(a, { earner: { name: 'No Identity' } }))).toThrow(/email or an id/);
    expect(() => buildAchievementCredential(input(a, { earner: { name: 'X', id: 'teacher-42' } }))).toThrow(
      /absolute URI/,
    );
    expect(() => buildAchievementCredential(input(a, { credentialId: 'not-a-uuid' }))).toThrow(/UUID/);
    expect(() => buildAchievementCredential(input({ ...a, achievementType: 'Microcredential' }))).toThrow(
      /not an OB 3.0 achievement type/,
    );
    expect(
      buildAchievementCredential(input({ ...a, achievementType: 'ext:TeacherMicroCredential' })).credentialSubject
        .achievement.achievementType,
    ).toBe('ext:TeacherMicroCredential');
  });
});

describeWithStandards('our verifier on the 1EdTech validator fixtures', () => {
  const knownKeyFor = (id: string) => [{ id, publicKeyMultibase: id.split('#')[1]! }];

  it('accepts simple-did-key-method.json (did:key, verifiable offline)', async () => {
    const cred = fixture('simple-did-key-method.json');
    expect(await verifyCredential(cred)).toMatchObject({
      verified: true,
      verificationMethod: 'did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi',
    });
    expect(validateOb3(cred, schemaValidator())).toEqual({ valid: true, problems: [] });
  });

  it('reports simple.json as unverifiable, never valid: its https key is not known offline', async () => {
    const result = await verifyCredential(fixture('simple.json'));
    expect(result.verified).toBe(false);
    expect(result).toMatchObject({ code: 'unknown-key', unverifiable: true });
    if (!result.verified)
      expect(result.reason).toMatch(/https:\/\/example\.com\/issuers\/876543#z6Mk.*cannot be resolved offline/);
  });

  it('verifies simple.json once its issuer key is registered locally', async () => {
    const cred = fixture('simple.json');
    const vm = (cred['proof'] as JsonObject[])[0]!['verificationMethod'] as string;
    expect(await verifyCredential(cred, { knownKeys: knownKeyFor(vm) })).toMatchObject({
      verified: true,
      controller: 'https://example.com/issuers/876543',
      issuerIsController: true,
    });
  });

  it('accepts complete.json by structure and schema (its https key is unverifiable offline)', async () => {
    const cred = fixture('complete.json');
    expect(validateOb3(cred, schemaValidator())).toEqual({ valid: true, problems: [] });
    expect(await verifyCredential(cred)).toMatchObject({ verified: false, code: 'unknown-key', unverifiable: true });
  });

  // Each broken fixture, and the structural rule (no schema file needed) that rejects it.
  const errCases: [file: string, path: string, message: RegExp][] = [
    ['simple-err-type.json', 'type', /must include "OpenBadgeCredential" or "AchievementCredential"/],
    ['simple-err-issuer.json', 'issuer', /is required/],
    ['simple-err-credential-subject-result-type.json', 'credentialSubject.result[1].type', /must include "Result"/],
    [
      'simple-err-credential-subject-achievement-result-description-type.json',
      'credentialSubject.achievement.resultDescription[2].type',
      /must include "ResultDescription"/,
    ],
  ];
  it.each(errCases)('rejects %s by the structural check on %s alone', (file, where, message) => {
    const structural = validateOb3(fixture(file));
    expect(structural.valid).toBe(false);
    expect(structural.problems).toContainEqual({
      path: where,
      message: expect.stringMatching(message),
      source: 'structure',
    });
    // The official schema agrees.
    expect(validateOb3(fixture(file), schemaValidator()).problems.some((p) => p.source === 'schema')).toBe(true);
  });

  it('lists the extra structural problem of simple-err-issuer.json: no achievement either', () => {
    expect(validateOb3(fixture('simple-err-issuer.json')).problems.map((p) => p.path)).toEqual([
      'issuer',
      'credentialSubject.achievement',
    ]);
  });

  it('accepts every valid fixture structurally (the rules are not stricter than OB 3.0)', () => {
    for (const file of [
      'simple.json',
      'simple-did-key-method.json',
      'complete.json',
      'bit-string-list_credential-status-revoked.json',
    ]) {
      expect(validateOb3(fixture(file)).problems, file).toEqual([]);
    }
  });

  it('reports simple-noproof.json as having no proof', async () => {
    const result = await verifyCredential(fixture('simple-noproof.json'));
    expect(result).toMatchObject({ verified: false, code: 'no-proof' });
    if (!result.verified) expect(result.reason).toMatch(/^no proof/);
  });

  it('exposes credentialStatus on the revoked fixtures (revocation is checked locally by the caller)', async () => {
    const bitstring = await verifyCredential(fixture('bit-string-list_credential-status-revoked.json'));
    expect(bitstring).toMatchObject({
      verified: false,
      code: 'unknown-key',
      credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: 23 },
    });
    const legacy = await verifyCredential(fixture('credential-status-revoked.json'));
    expect(legacy).toMatchObject({
      verified: false,
      code: 'unsupported-proof',
      unverifiable: true,
      credentialStatus: { type: '1EdTechRevocationList' },
    });
  });

  it('calls a context it does not bundle unverifiable rather than fetching it', async () => {
    const cred = fixture('simple-did-key-method.json');
    const withUnknown = {
      ...cred,
      '@context': [...(cred['@context'] as string[]), 'https://example.org/unbundled-context.json'],
    };
    const result = await verifyCredential(withUnknown);
    expect(result).toMatchObject({ verified: false, code: 'unknown-context', unverifiable: true });
    await expect(createDocumentLoader()('https://example.org/unbundled-context.json')).rejects.toThrow(
      /not known offline/,
    );
  });
});
