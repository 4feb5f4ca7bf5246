// What a job run can end in besides its result. Each carries a `code` the lead maps onto the one
// AssayError type on merge (shared/errors.ts belongs to another branch): busy, cancelled, failed.
import type { JobKind } from './protocol.js';

/** How each job is named to people, in messages. */
export const JOB_LABELS: Record<JobKind, string> = {
  'awards-issue': 'issuing of awards',
  'awards-export': 'export of award files',
  certificate: 'certificate rendering',
  'results-export': 'export of the results package',
  backup: 'backup',
};

export class JobError extends Error {
  override readonly name: string = 'JobError';
  constructor(
    readonly kind: JobKind,
    readonly code: 'busy' | 'cancelled' | 'failed',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A second run of a long job while the first still runs. */
export class JobBusyError extends JobError {
  override readonly name = 'JobBusyError';
  constructor(kind: JobKind, since: Date) {
    super(
      kind,
      'busy',
      `The ${JOB_LABELS[kind]} started at ${since.toISOString()} is still running; wait for it to finish or cancel it before starting another.`,
    );
  }
}

export class JobCancelledError extends JobError {
  override readonly name = 'JobCancelledError';
  constructor(kind: JobKind) {
    super(kind, 'cancelled', `The ${JOB_LABELS[kind]} was cancelled; nothing it had not finished was kept.`);
  }
}

/**
 * The job threw (its message is the job's own, e.g. "There is no award …") or its worker died.
 * `causeName` keeps the original error class's name (AwardError, BackupError…), which a class
 * cannot cross the thread boundary as.
 */
export class JobFailedError extends JobError {
  override readonly name = 'JobFailedError';
  constructor(
    kind: JobKind,
    message: string,
    readonly causeName: string,
    readonly causeCode?: string,
  ) {
    super(kind, 'failed', message);
  }
}
