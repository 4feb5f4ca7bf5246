// The template-cached canonicalizer must give jsonld's exact output, for our credentials and for anyone else's.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACHIEVEMENTS, buildAchievement } from '../../../electron/sample/rubrics.js';
import {
  buildAchievementCredential,
  canonicalize,
  canonicalizeStats,
  canonicalizeWithJsonLd,
  defaultDocumentLoader,
  OfflineDocumentError,
  type AchievementCredentialInput,
  type DocumentLoader,
  type JsonObject,
} from '../../../electron/awards/credential/index.js';
import { itWithStandards, standard } from '../../support/standards.js';

// Read by the one test that needs ../shared/standards (skipped, saying why, without it).
const FIXTURES = standard('open-badges-3', 'validator-fixtures');
const achievements = ACHIEVEMENTS.map((def) => buildAchievement(def, 'badges/x.png'));

/** A loader of its own gets a cold template cache, so each test sees the first-use and the cached path. */
const freshLoader = (): DocumentLoader => (url) => defaultDocumentLoader(url);

/** Canonicalizes twice with one loader (the second use is templated when possible); both must equal jsonld's. */
async function expectSameAsJsonLd(docs: readonly object[]): Promise<{ templated: number }> {
  const loader = freshLoader();
  const before = canonicalizeStats.templated;
  for (const doc of docs) {
    const exact = await canonicalizeWithJsonLd(doc, loader);
    expect(await canonicalize(doc, loader)).toBe(exact);
    expect(await canonicalize(doc, loader)).toBe(exact);
  }
  return { templated: canonicalizeStats.templated - before };
}

function credential(i: number, overrides: Partial<AchievementCredentialInput> = {}) {
  const a = achievements[i % achievements.length]!;
  return buildAchievementCredential({
    credentialId: `6f2e33e5-7a29-4155-840a-59483ba1${String(i).padStart(4, '0')}`,
    issuedAt: new Date(Date.UTC(2026, 10, 18, 16, 20, i)),
    issuer: {
      id: 'https://pd.riverside.example.edu/issuer',
      name: 'Riverside',
      url: 'https://pd.riverside.example.edu',
    },
    earner: { name: `Teacher ${i}`, email: `t${i}@school.example.org` },
    achievement: a,
    achievedLevels: Object.fromEntries(
      a.resultDescription.map((c, k) => [c.id, c.rubricCriterionLevel[(i + k) % c.rubricCriterionLevel.length]!.id]),
    ),
    salt: `salt-${i}`,
    ...overrides,
  });
}

describe('template-cached canonicalization', () => {
  it('equals jsonld for many Assay credentials, and the template is really used', async () => {
    const docs = Array.from({ length: 21 }, (_, i) => credential(i));
    const { templated } = await expectSameAsJsonLd(docs);
    expect(templated).toBe(docs.length * 2);
  });

  it('equals jsonld for hostile and unusual strings', async () => {
    const odd = [
      'quotes " and \\ backslashes',
      'line\nbreaks\r\tand tabs',
      'Ünïcödé — 数学 — محمد — 🎓',
      '\u0001 control',
      'urn:x-assay-template:0', // looks like our placeholder: must not be templated
      '',
      ' leading and trailing ',
    ];
    const docs = odd.map((name, i) => credential(i, { earner: { name, email: 'x@y.example' } }));
    await expectSameAsJsonLd(docs);
  });

  it('equals jsonld when IRIs need jsonld itself: compact-IRI lookalikes, dot segments, duplicates', async () => {
    const base = credential(0, { earner: { name: 'A', id: 'https://ids.example/a' } }) as unknown as JsonObject;
    const withSubjectId = (id: string) => ({
      ...base,
      credentialSubject: { ...(base['credentialSubject'] as JsonObject), id },
    });
    const docs = [
      withSubjectId('xsd:string'), // "xsd" is a context prefix: jsonld expands it
      withSubjectId('tag:example.org,2026:teacher-1'), // "tag" is a context term
      withSubjectId('https://a.example/x/../y/./z'),
      withSubjectId('did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi'),
      withSubjectId('https://pd.riverside.example.edu/issuer'), // the issuer's node: merged by jsonld
      withSubjectId('mailto:teacher@example.org'),
    ];
    await expectSameAsJsonLd(docs);
  });

  itWithStandards('equals jsonld for every 1EdTech fixture, and fails wherever jsonld fails', async () => {
    const processed: string[] = [];
    for (const file of readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const { proof: _proof, ...unsecured } = JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as JsonObject;
      const exact = await canonicalizeWithJsonLd(unsecured, defaultDocumentLoader).catch((e: unknown) => e as Error);
      if (exact instanceof Error) {
        await expect(canonicalize(unsecured, freshLoader()), file).rejects.toThrow(exact.message);
        continue;
      }
      processed.push(file);
      await expectSameAsJsonLd([unsecured]);
    }
    // The others use an unbundled (VC v1-era) context or, in the -err- files, types no context defines.
    expect(processed).toEqual([
      'bit-string-list_credential-status-revoked.json',
      'complete.json',
      'simple-did-key-method.json',
      'simple-err-issuer.json',
      'simple.json',
    ]);
  });

  it('fails exactly as jsonld does for an undefined term (safe mode) and for an unbundled context', async () => {
    const bad = { ...(credential(1) as unknown as JsonObject), notInAnyContext: 'x' };
    await expect(canonicalizeWithJsonLd(bad, freshLoader())).rejects.toThrow(/safe mode/i);
    await expect(canonicalize(bad, freshLoader())).rejects.toThrow(/safe mode/i);
    const unbundled = {
      ...(credential(1) as unknown as JsonObject),
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://example.org/other.json'],
    };
    // jsonld wraps the loader's error; ours is inside, saying it is unknown offline (nothing was fetched).
    const error = await canonicalize(unbundled, freshLoader()).then(
      () => null,
      (e: unknown) => e as { details?: { cause?: unknown } },
    );
    expect(error?.details?.cause).toBeInstanceOf(OfflineDocumentError);
  });
});
