// `assay verify-page export`: the verify page the issuing body hosts at its verify page URL (the
// verifyPageUrl setting, else `<issuer url>/verify`), built from public parts only: the store's issuer
// badge keys (current and retired), the issuer ids its awards and status lists name, and the origins of
// its status lists. No passphrase needed.
import fs from 'node:fs';
import path from 'node:path';
import { AssayError } from '../../../shared/errors.js';
import type { Db } from '../../store/db.js';
import { writeFileAtomic } from '../../store/atomic-write.js';
import { defaultVerifyPageUrl } from '../certificate/qr.js';
import { didKeyFromPublicKey, publicKeyFromMultikey } from '../credential/keys.js';
import { packageDids } from '../did/export.js';
import { readIdentityPublic } from '../identity/index.js';
import { StatusLists, statusListUrlSetting } from '../status-list/store.js';
import { knownIssuers } from '../trust.js';
import { verifyPageUrlProblem, verifyPageUrlSetting } from './config.js';
import { buildVerifyPage, type VerifyPageConfig } from './page.js';

export interface VerifyPageExport {
  file: string;
  /** Where the issuing body must make the file available (the QR codes open it). */
  url: string;
  bytes: number;
  config: VerifyPageConfig;
}

export function exportVerifyPage(db: Db, dataDir: string, outFile: string, url?: string): VerifyPageExport {
  const identity = readIdentityPublic(dataDir);
  const issuers = knownIssuers(db, dataDir);
  const current = issuers.find((i) => i.status === 'current');
  if (!identity || !current)
    throw new AssayError(
      'identity-missing',
      `There is no issuer identity in ${dataDir}; create or import one first ("assay identity create" or "assay identity import").`,
    );
  const verifyPageUrl = url ?? verifyPageUrlSetting(db) ?? defaultVerifyPageUrl(identity.profile.url);
  if (!verifyPageUrl)
    throw new AssayError(
      'invalid-input',
      'The verify page needs a web address: give the issuer identity its web address (--url) or set verifyPageUrl.',
    );
  const problem = verifyPageUrlProblem(verifyPageUrl);
  if (problem) throw new AssayError('invalid-input', `The verify page address: ${problem}.`);
  const badgeKeys = [current.badgeKey, ...issuers.filter((i) => i !== current).map((i) => i.badgeKey)];
  const lists = new StatusLists(db).all();
  const configured = statusListUrlSetting(db);
  const { html, config } = buildVerifyPage({
    issuerName: identity.profile.name,
    issuerIds: [
      ...badgeKeys.map((k) => didKeyFromPublicKey(publicKeyFromMultikey(k))),
      ...packageDids(db),
      ...lists.map((l) => l.issuerId),
    ],
    badgeKeys,
    verifyPageUrl,
    statusListUrls: [...lists.map((l) => l.url), ...(configured ? [configured] : [])],
  });
  const file = path.resolve(outFile);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Public by nature: readable by the web server it is copied to.
  writeFileAtomic(file, html, { mode: 0o644 });
  return { file, url: verifyPageUrl, bytes: Buffer.byteLength(html), config };
}
