// A certificate export in a process of its own, for its peak resident memory: `node
// --max-old-space-size=<the export worker's limit> dist/test/bench/certificate-export.js N OUT_DIR` renders and
// signs N certificates for distinct names the way the app's export job does (electron/jobs/tasks.ts): a page of
// awards at a time, read when it is reached, each page one CertificateBatch, each file written atomically, the
// event loop let through between awards; it prints one JSON line: { n, ms, maxRssMiB, bytes }.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Award } from '../../electron/awards/awards.js';
import { awardFileName, CertificateBatch } from '../../electron/awards/award-files.js';
import { issuerVerifiability } from '../../electron/awards/did/index.js';
import { generateSelfSignedIdentity } from '../../electron/awards/identity/generate.js';
import { writeFileAtomic } from '../../electron/store/atomic-write.js';
import { EXPORT_PAGE } from '../../electron/jobs/tasks.js';
import { distinctAwards, SAMPLE_ISSUER } from '../support/certificate-samples.js';

/** Awards `from`..`to` (exclusive) as the store gives them, for the certificates of `distinctAwards`. */
export function benchAwards(from: number, to: number): Award[] {
  return distinctAwards(to)
    .slice(from)
    .map((a, j) => ({
      credentialId: a.credentialId,
      submissionId: `sub-${from + j}`,
      verificationCode: a.verificationCode,
      issuedAt: String(a.issuedAt),
      earnerName: a.earnerName,
      assessorName: a.assessorName,
      achievementId: 'core-stem',
      achievementName: a.achievementName,
      achievementDescription: a.achievementDescription,
      achievementVersionId: 1,
      credits: a.credits ?? null,
      levels: a.levels.map((l, k) => ({
        criterionId: `c${k}`,
        criterion: l.criterion,
        levelId: `l${k}`,
        level: l.level,
      })),
      credentialJson: a.credentialJson,
      status: 'active',
      revokedAt: null,
      revocationReason: null,
      replaces: null,
      issuerId: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      issuer: issuerVerifiability('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'),
    }));
}

async function main(n: number, outDir: string): Promise<void> {
  const identity = await generateSelfSignedIdentity(SAMPLE_ISSUER, { algorithm: 'ecdsa-p256' });
  fs.mkdirSync(outDir, { recursive: true });
  const start = performance.now();
  let bytes = 0;
  for (let from = 0; from < n; from += EXPORT_PAGE) {
    // The names are cheap to make again; the awards (credential JSON and all) are made a page at a time, as the
    // job reads them from the store.
    const page = benchAwards(from, Math.min(n, from + EXPORT_PAGE));
    const batch = new CertificateBatch(identity, 'a4');
    for (const award of page) {
      const pdf = await batch.pdf(award);
      bytes += pdf.length;
      writeFileAtomic(path.join(outDir, awardFileName(award, 'pdf')), pdf);
      await new Promise<void>((r) => setImmediate(r));
    }
  }
  const ms = performance.now() - start;
  process.stdout.write(
    `${JSON.stringify({ n, ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, bytes: bytes / n })}\n`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2]);
  const out = process.argv[3];
  if (!Number.isInteger(n) || n < 1 || !out) {
    process.stderr.write('usage: certificate-export.js N OUT_DIR\n');
    process.exit(2);
  }
  await main(n, out);
}
