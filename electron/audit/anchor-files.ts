// Reads the audit head a results package or a backup carries, checking its signature, so that
// `assay audit verify --anchor FILE` can hold the log to what was handed out before.
import { AssayError, type AssayErrorOptions } from '../../shared/errors.js';
import path from 'node:path';
import { z } from 'zod';
import { decodeUtf8 } from '../../shared/domain/utf8.js';
import { RESULTS_FORMAT } from '../../shared/schemas/results-package.js';
import { sha256Hex } from '../../shared/schemas/review-package.js';
import { verifyDetachedCms } from '../awards/cms-verify.js';
import type { TrustContext } from '../awards/trust.js';
import { LIMITS } from '../import/limits.js';
import { openSource } from '../import/source.js';
import { verifyResults } from '../results/verify.js';
import { backupHeadPayload, verifyAnchorSignature, type SeenAnchor } from '../store/audit-anchor.js';

export class AnchorError extends AssayError {
  override name = 'AnchorError';
  constructor(message: string, options?: AssayErrorOptions) {
    super('anchor', message, options);
  }
}

const backupManifestHead = z.looseObject({
  format: z.literal('assay-backup'),
  createdAt: z.string(),
  database: z.looseObject({ sha256: z.string() }),
  auditHead: z
    .object({
      entries: z.number().int().min(0),
      hash: sha256Hex,
      signature: z.object({ badgeKey: z.string(), value: z.string() }).optional(),
    })
    .optional(),
});

/**
 * An anchor can only make the check fail, never hide a problem (the log must contain what it records),
 * so an unsigned or unknown-signer anchor is still used, and said to be so; a broken one is refused.
 */
export async function readAnchor(file: string, trust: TrustContext): Promise<SeenAnchor> {
  const name = path.basename(file);
  let manifest: unknown;
  const source = await openSource(path.resolve(file), LIMITS).catch((err: unknown) => {
    const why = err instanceof Error ? err.message : String(err);
    throw new AnchorError(`${name} cannot be read as a results package or a backup (${why})`);
  });
  try {
    manifest = JSON.parse(decodeUtf8(await source.readManifest(), `${name}: manifest.json`));
  } catch (err) {
    throw new AnchorError(`${name}: ${(err as Error).message}`);
  } finally {
    await source.close();
  }
  const format = (manifest as { format?: unknown }).format;
  if (format === RESULTS_FORMAT) {
    const v = await verifyResults(file, verifyDetachedCms, { trust });
    if (!v.ok && !v.signerUnknown) throw new AnchorError(`${name} cannot anchor the audit log: ${v.reason}`);
    if (!v.auditHead)
      throw new AnchorError(`${name} carries no audit head (written by an older Assay); it cannot anchor the log`);
    const who = v.ok ? v.trustedAs : `an unknown signer (${v.signer.subject})`;
    return { ...v.auditHead, source: `results package ${name} (signed by ${who})` };
  }
  const backup = backupManifestHead.safeParse(manifest);
  if (!backup.success) throw new AnchorError(`${name} is neither a results package nor an Assay backup`);
  const head = backup.data.auditHead;
  if (!head)
    throw new AnchorError(`${name} carries no audit head (written by an older Assay); it cannot anchor the log`);
  let signedBy = 'unsigned: made without an issuer identity';
  if (head.signature) {
    const payload = backupHeadPayload({
      entries: head.entries,
      hash: head.hash,
      createdAt: backup.data.createdAt,
      databaseSha256: backup.data.database.sha256,
    });
    if (!verifyAnchorSignature(payload, head.signature))
      throw new AnchorError(
        `${name}: the signature over its audit head does not verify; the backup manifest was changed`,
      );
    const issuer = trust.issuers.find((i) => i.badgeKey === head.signature!.badgeKey);
    signedBy = issuer
      ? `signed by ${issuer.name}`
      : `signed by an unknown key ${head.signature.badgeKey.slice(0, 16)}…`;
  }
  return { entries: head.entries, hash: head.hash, source: `backup ${name} of ${backup.data.createdAt} (${signedBy})` };
}
