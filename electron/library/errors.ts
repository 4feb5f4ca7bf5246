// Errors of the micro-credential library that a person can act on: what is wrong, and where.
import { AssayError, type AssayErrorCode } from '../../shared/errors.js';

export interface LibraryProblem {
  /** JSON path inside what was given (an achievement, a submission form, a CASE package), or a CSV cell. */
  path: string;
  message: string;
}

export type LibraryErrorCode = Extract<
  AssayErrorCode,
  'invalid-achievement' | 'invalid-submission' | 'evidence' | 'invalid-csv' | 'invalid-case'
>;

export class LibraryError extends AssayError {
  override name = 'LibraryError';
  constructor(
    override readonly code: LibraryErrorCode,
    /** What could not be done, e.g. "This micro-credential cannot be saved". */
    readonly summary: string,
    readonly problems: readonly LibraryProblem[],
  ) {
    super(code, describe(summary, problems));
  }
}

function describe(summary: string, problems: readonly LibraryProblem[]): string {
  const [first, ...rest] = problems;
  if (!first) return `${summary}.`;
  const more =
    rest.length > 0
      ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''}: ${rest
          .slice(0, 3)
          .map((p) => p.path)
          .join(', ')}${rest.length > 3 ? ', …' : ''})`
      : '';
  return `${summary}: ${first.path}: ${first.message}${more}`;
}
