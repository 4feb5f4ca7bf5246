// Open Badges credential signing and verification in a batch, against plain jsonld canonicalization.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import {
  buildAchievementCredential,
  canonicalizeWithJsonLd,
  defaultDocumentLoader,
  didKeyFromPublicKey,
  didKeyVerificationMethod,
  signCredential,
  verifyCredential,
} from '../../electron/awards/credential/index.js';
import { ACHIEVEMENTS, buildAchievement } from '../../electron/sample/rubrics.js';
import { fmtMs, heading, line, nowMs } from './stats.js';

export async function benchCredentials(count = 200): Promise<void> {
  heading(`Open Badges 3.0 credentials: ${count} signed and verified (eddsa-rdfc-2022)`);
  const { privateKey } = generateKeyPairSync('ed25519');
  const issuer = {
    id: didKeyFromPublicKey(privateKey),
    name: 'Riverside University School of Education',
    url: 'https://pd.riverside.example.edu',
  };
  const verificationMethod = didKeyVerificationMethod(privateKey);
  const achievements = ACHIEVEMENTS.map((def) => buildAchievement(def, 'badges/x.png'));
  const credential = (i: number) => {
    const a = achievements[i % achievements.length]!;
    return buildAchievementCredential({
      credentialId: randomUUID(),
      issuedAt: new Date(),
      issuer,
      earner: { name: `Teacher ${i}`, email: `teacher${i}@school.example.org` },
      achievement: a,
      achievedLevels: Object.fromEntries(a.resultDescription.map((c) => [c.id, c.rubricCriterionLevel.at(-1)!.id])),
    });
  };
  for (let i = 0; i < 21; i++)
    await verifyCredential(await signCredential(credential(i), { privateKey, verificationMethod }));
  const batch = Array.from({ length: count }, (_, i) => credential(i));
  let t = nowMs();
  const signed = [];
  for (const c of batch) signed.push(await signCredential(c, { privateKey, verificationMethod }));
  const signMs = (nowMs() - t) / count;
  t = nowMs();
  let failures = 0;
  for (const c of signed) if (!(await verifyCredential(c)).verified) failures++;
  const verifyMs = (nowMs() - t) / count;
  t = nowMs();
  for (const c of batch.slice(0, 50)) await canonicalizeWithJsonLd(c, defaultDocumentLoader);
  const plainMs = (nowMs() - t) / 50;
  line('sign, per credential', fmtMs(signMs));
  line('verify, per credential', fmtMs(verifyMs), failures ? `${failures} FAILED` : 'all verified');
  line(
    'plain jsonld canonicalization of the document',
    fmtMs(plainMs),
    `sign is ${(plainMs / signMs).toFixed(1)}x faster`,
  );
}
