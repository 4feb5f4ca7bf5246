// Long jobs off the main thread: see runner.ts for the API and how Services wires it.
export { JobRunner, JobGate, runJobInline, defaultWorkerFile, type RunOptions } from './runner.js';
export { identityParts, type JobServices } from './context.js';
export { JobError, JobBusyError, JobCancelledError, JobFailedError, JOB_LABELS, jobErrorToAssay } from './errors.js';
export type { JobKind, JobInput, JobOutput, JobProgress, JobTable, StoreRef, IdentityParts } from './protocol.js';
export { LongJobs, type JobMode, type LongJobOptions } from './long-jobs.js';
