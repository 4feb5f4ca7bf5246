// `assay identity export-did`: the did.json the issuing body publishes so that anyone can check the
// awards Assay issues under its did:web. Built from public parts only (identity.json's certificate chain
// and badge key, and the store's retired issuer keys), so it needs no passphrase.
import { AssayError } from '../../../shared/errors.js';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../store/db.js';
import { writeFileAtomic } from '../../store/atomic-write.js';
import { pemToDerChain, readIdentityCertificatePem } from '../identity/index.js';
import { knownIssuers } from '../trust.js';
import { buildDidDocument, didDocumentLocation, type DidDocument } from './document.js';
import { didWebProblem } from '../../../shared/schemas/did-web.js';

export interface DidExport {
  did: string;
  file: string;
  /** Where the issuing body must make the file available. */
  url: string;
  document: DidDocument;
}

/** The did:web DIDs named by imported review packages (issuer.did), in import order. */
export function packageDids(db: Db): string[] {
  const rows = db
    .prepare(
      "SELECT DISTINCT json_extract(issuer_json, '$.did') AS did FROM packages WHERE json_extract(issuer_json, '$.did') IS NOT NULL ORDER BY imported_at",
    )
    .all() as { did: unknown }[];
  return rows.map((r) => r.did).filter((d): d is string => typeof d === 'string');
}

/** Which DID to export for: the one asked for, else the only one the imported packages name. */
export function chooseDid(db: Db, asked: string | undefined): string {
  if (asked !== undefined) {
    const problem = didWebProblem(asked);
    if (problem) throw new AssayError('invalid-input', `--did: ${problem}`);
    return asked;
  }
  const named = packageDids(db);
  if (named.length === 1) return named[0]!;
  if (named.length === 0)
    throw new AssayError(
      'invalid-input',
      'No imported review package names the issuing body\u2019s DID (issuer.did, e.g. did:web:pd.example.edu); pass it with --did.',
    );
  throw new AssayError(
    'invalid-input',
    `The imported review packages name several DIDs (${named.join(', ')}); choose one with --did.`,
  );
}

export function exportDidDocument(db: Db, dataDir: string, outDir: string, did: string): DidExport {
  const pem = readIdentityCertificatePem(dataDir);
  const issuers = knownIssuers(db, dataDir);
  const current = issuers.find((i) => i.status === 'current');
  if (!pem || !current)
    throw new AssayError(
      'identity-missing',
      `There is no issuer identity in ${dataDir}; create or import one first ("assay identity create" or "assay identity import").`,
    );
  // The current key first; retired ones stay listed so the awards they signed keep verifying.
  const badgeKeys = [current.badgeKey, ...issuers.filter((i) => i !== current).map((i) => i.badgeKey)];
  const document = buildDidDocument({ did, badgeKeys, certificateChain: pemToDerChain(pem) });
  const { url, fileName } = didDocumentLocation(did);
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, fileName);
  // Public by nature: readable by the web server it is copied to.
  writeFileAtomic(file, `${JSON.stringify(document, null, 2)}\n`, { mode: 0o644 });
  return { did, file, url, document };
}
