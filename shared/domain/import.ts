// What an import reports: progress while it runs, and its outcome.
import { z } from 'zod';

export const importProgressSchema = z.object({
  phase: z.enum(['reading', 'verifying', 'saving', 'done']),
  filesDone: z.number(),
  filesTotal: z.number(),
  bytesDone: z.number(),
  bytesTotal: z.number(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

export const importResultSchema = z.object({
  status: z.enum(['imported', 'unchanged']),
  packageId: z.string(),
  packageName: z.string(),
  achievementsAdded: z.number(),
  submissionsAdded: z.number(),
  submissionsUnchanged: z.number(),
  filesStored: z.number(),
  bytesStored: z.number(),
  importedAt: z.string(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** The one-line summary the CLI prints and the app shows after an import. */
export function describeImport(r: ImportResult): string {
  if (r.status === 'unchanged') return `Package ${r.packageName} was already imported on ${r.importedAt}; nothing changed.`;
  const mb = (r.bytesStored / (1024 * 1024)).toFixed(1);
  const skipped = r.submissionsUnchanged > 0 ? `, ${r.submissionsUnchanged} already here` : '';
  return `Imported ${r.packageName}: ${r.submissionsAdded} submission${r.submissionsAdded === 1 ? '' : 's'}${skipped}, ${r.achievementsAdded} new achievement version${r.achievementsAdded === 1 ? '' : 's'}, ${r.filesStored} evidence file${r.filesStored === 1 ? '' : 's'} (${mb} MB).`;
}
