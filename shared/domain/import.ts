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

/** Where a copy of an already-imported package differs: the first such file, and how many more. */
export const copyDifferenceSchema = z.object({
  file: z.string(),
  problem: z.enum(['missing', 'size', 'unsafe', 'unreadable']),
  /** Reads after the file's path: "is missing (the manifest lists it)", "is 5 bytes but the manifest says 24". */
  how: z.string(),
  more: z.number(),
});
export type CopyDifference = z.infer<typeof copyDifferenceSchema>;

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
  /** Only for `unchanged`: this copy of the package is not what was imported (nothing was changed). */
  copyDiffers: copyDifferenceSchema.optional(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** The one-line summary the CLI prints and the app shows after an import. */
export function describeImport(r: ImportResult): string {
  if (r.status === 'unchanged' && r.copyDiffers) {
    const d = r.copyDiffers;
    const more = d.more > 0 ? `, and ${d.more} more file${d.more === 1 ? ' differs' : 's differ'}` : '';
    return `Package ${r.packageName} was already imported on ${r.importedAt}; this copy differs from it: ${d.file} ${d.how}${more}. Nothing changed in your library; do not pass this copy on.`;
  }
  if (r.status === 'unchanged')
    return `Package ${r.packageName} was already imported on ${r.importedAt}; nothing changed.`;
  const mb = (r.bytesStored / (1024 * 1024)).toFixed(1);
  const skipped = r.submissionsUnchanged > 0 ? `, ${r.submissionsUnchanged} already here` : '';
  return `Imported ${r.packageName}: ${r.submissionsAdded} submission${r.submissionsAdded === 1 ? '' : 's'}${skipped}, ${r.achievementsAdded} new achievement version${r.achievementsAdded === 1 ? '' : 's'}, ${r.filesStored} evidence file${r.filesStored === 1 ? '' : 's'} (${mb} MB).`;
}
