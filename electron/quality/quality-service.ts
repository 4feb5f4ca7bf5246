// The quality service (../docs/quality-assurance.md): calibration before live work, and the comparison of a
// submitted review of a calibration sample, seed or second reading with its reference.
import type { CalibrationGate, CalibrationStatus, Comparison } from '../../shared/domain/quality.js';
import type { Db } from '../store/db.js';
import { assertQueueOpen, calibrationGate, calibrationStatus, practiceAgain } from './calibration.js';
import { queueIsOpen } from './queue-gate.js';
import { comparison } from './comparison.js';

export class QualityService {
  constructor(private readonly db: Db) {}

  /** Calibration per package and whether the live queue is open. */
  gate(): CalibrationGate {
    return calibrationGate(this.db);
  }

  /** One package's calibration; NotFoundError when the package has none. */
  status(packageId: string): CalibrationStatus {
    return calibrationStatus(this.db, packageId);
  }

  /** Archives this round's submitted sample reviews and starts the next round; audited. */
  practiceAgain(packageId: string, now = new Date()): CalibrationStatus {
    return practiceAgain(this.db, packageId, now);
  }

  /** The submitted review beside its reference; null for live work and anything not yet submitted. */
  comparison(submissionId: string): Comparison | null {
    return comparison(this.db, submissionId);
  }

  queueOpen(): boolean {
    return queueIsOpen(this.db);
  }

  /** AssayError 'calibration-required' (saying what is missing) while a required calibration is unmet. */
  assertQueueOpen(): void {
    assertQueueOpen(this.db);
  }
}
