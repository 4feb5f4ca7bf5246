// Files the person chose in main's dialogs (or dropped), as the renderer holds them: tokens and names.
import { z } from 'zod';

export const pathPurposeSchema = z.enum([
  'pkcs12',
  'logo',
  'rubric',
  'case-export',
  'evidence',
  'backup-save',
  'backup-open',
  'export-folder',
  'results-folder',
  // The coordinator: a review or results package to open; the folder for second-reading packages.
  'coordination-package',
  'second-readings-folder',
  // A chart of the Coordination screen, saved as an image or its numbers.
  'chart-png',
  'chart-csv',
]);
export type PathPurpose = z.infer<typeof pathPurposeSchema>;

/**
 * A file or folder the person chose in one of main's dialogs (or dropped, and confirmed in main's
 * dialog): the renderer never holds its path, only a token main swaps for it, and a name to show.
 */
export const choiceTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'is not a file chosen in Assay (choose it again)');
export const chosenSchema = z.object({ token: choiceTokenSchema, name: z.string() });
export type Chosen = z.infer<typeof chosenSchema>;
/** What may be dropped on the window: a review package (queue), evidence files (a hand-added submission), packages to coordinate. */
export const dropPurposeSchema = z.enum(['package', 'evidence', 'coordination-package']);
export type DropPurpose = z.infer<typeof dropPurposeSchema>;
