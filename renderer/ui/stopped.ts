import { errorCode } from '../api.js';

/** Whether a failed call is a long job that the person stopped (a calm note, not an alert). */
export function isStopped(err: unknown): boolean {
  return errorCode(err) === 'job-cancelled';
}
