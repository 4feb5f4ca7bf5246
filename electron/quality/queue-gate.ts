// Whether calibration has opened the live queue: one indexed probe, cheap enough for every queue call and free
// of the calibration code (its rubric schemas load zod, which `assay queue` does not need while the queue is open).
import type { Db } from '../store/db.js';

/** True when no required calibration is unmet. */
export function queueIsOpen(db: Db): boolean {
  return db.prepare('SELECT 1 FROM calibration_sets WHERE required = 1 AND met_at IS NULL LIMIT 1').get() === undefined;
}
