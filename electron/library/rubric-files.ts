// Rubric files in and out of the library: a CASE 1.1 package (JSON) or a Canvas rubric CSV read, a
// micro-credential written as a CASE package.
import { READ_LIMITS, readBoundedFile } from '../files/bounded-read.js';
import { writeFileAtomic } from '../store/atomic-write.js';
import { exportCasePackage, importCaseRubrics } from './case.js';
import { importCanvasRubricCsv } from './canvas-csv.js';
import type { Library } from './library.js';

/** The rubrics in a file, as drafts to edit: CASE JSON (by name or by its first byte), else Canvas CSV. */
export function importRubricFile(file: string) {
  const bytes = readBoundedFile(file, { maxBytes: READ_LIMITS.rubric, what: 'The rubric file' });
  return /\.json$/i.test(file) || bytes.subarray(0, 64).toString('utf8').trimStart().startsWith('{')
    ? importCaseRubrics(bytes)
    : importCanvasRubricCsv(bytes);
}

/** Writes the latest version of micro-credential `id` as a CASE 1.1 package to `file`. */
export function exportCaseFile(library: Library, id: string, file: string): void {
  const json = JSON.stringify(exportCasePackage(library.getAchievement(id).achievement), null, 2);
  writeFileAtomic(file, json);
}
