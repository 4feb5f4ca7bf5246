// The manifest inside every backup .zip, and the progress a backup or restore reports.
import { z } from 'zod';

export const BACKUP_FORMAT = 'assay-backup';

export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  database: z.object({
    file: z.literal('assay.db'),
    size: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  evidence: z.object({ files: z.number(), bytes: z.number() }),
  /** The snapshot's audit head, signed with the issuer key when there is one: an anchor for `assay audit verify`. */
  auditHead: z
    .object({
      entries: z.number().int(),
      hash: z.string(),
      signature: z.object({ badgeKey: z.string(), value: z.string() }).optional(),
    })
    .optional(),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

export interface BackupProgress {
  phase: 'database' | 'evidence' | 'verifying' | 'replacing' | 'done';
  done: number;
  total: number;
}
