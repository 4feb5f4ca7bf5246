// What a job run can end in besides its result: refused as busy, cancelled (both expected conditions,
// AssayErrors), or failed (the job threw, or its worker died).
import { AssayError, isAssayErrorCode } from '../../shared/errors.js';
import type { JobKind } from './protocol.js';

/** How each job is named to people, in messages. */
export const JOB_LABELS: Record<JobKind, string> = {
  'awards-issue': 'issuing of awards',
  'awards-export': 'export of award files',
  certificate: 'certificate rendering',
  'results-export': 'export of the results package',
  backup: 'backup',
  'coordination-final': 'export of the final package',
  'coordination-open': 'opening of packages',
};

export class JobError extends AssayError {
  override name = 'JobError';
  constructor(
    readonly kind: JobKind,
    code: 'job-busy' | 'job-cancelled',
    message: string,
  ) {
    super(code, message);
  }
}

/** A second run of a long job while the first still runs. */
export class JobBusyError extends JobError {
  override readonly name = 'JobBusyError';
  constructor(kind: JobKind, since: Date) {
    super(
      kind,
      'job-busy',
      `The ${JOB_LABELS[kind]} started at ${since.toISOString()} is still running; wait for it to finish or cancel it before starting another.`,
    );
  }
}

export class JobCancelledError extends JobError {
  override readonly name = 'JobCancelledError';
  constructor(kind: JobKind) {
    super(kind, 'job-cancelled', `The ${JOB_LABELS[kind]} was cancelled; nothing it had not finished was kept.`);
  }
}

/**
 * The job threw (its message is the job's own, e.g. "There is no award …") or its worker died.
 * `causeName` keeps the original error class's name (AwardError, BackupError…), which a class
 * cannot cross the thread boundary as.
 */
export class JobFailedError extends Error {
  override readonly name = 'JobFailedError';
  constructor(
    readonly kind: JobKind,
    message: string,
    readonly causeName: string,
    readonly causeCode?: string,
  ) {
    super(message);
  }
}

/**
 * What a service rethrows for a failed job: the AssayError the job threw (its code crossed the thread
 * as text), so the window and the CLI answer it as if it ran here; anything else as it is (internal).
 */
export function jobErrorToAssay(err: unknown): unknown {
  if (err instanceof JobFailedError && isAssayErrorCode(err.causeCode))
    return new AssayError(err.causeCode, err.message, { cause: err });
  return err;
}
