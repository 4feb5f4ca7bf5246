// The coordinator's service: the panel's signed results packages brought together in this store, the
// measures, the sample for second reading, reconciliation and the final results package. The IPC
// handlers (electron/ipc/handlers/coordination.ts) and `assay coordinate` call it alike.
import type {
  AdjudicateInput,
  DriftSeries,
  ExportFinalResult,
  ExportSecondReadingsResult,
  ImportSecondReadingsResult,
  OpenResult,
  Overview,
  ReconcileRule,
  ReconciliationItem,
  Sample,
  SamplingRules,
} from '../../shared/coordination/types.js';
import { storeTrust } from '../awards/trust.js';
import type { Services } from '../services.js';
import { exportFinal } from './final.js';
import { openPackages } from './open.js';
import { computeOverview, criterionDrift, reconciliationSummary } from './overview.js';
import { drawSample, listSamples } from './sampling.js';
import { adjudicate, exportSecondReadings, reconcile, reconciliationItems } from './second-readings.js';

export class Coordination {
  constructor(private readonly services: Services) {}

  private get db() {
    return this.services.db;
  }

  /** Opens review and results packages (verified first; all or nothing). */
  open(paths: readonly string[]): Promise<OpenResult> {
    return openPackages(this.db, paths, { trust: storeTrust(this.db, this.services.dataDir) });
  }

  overview(): Overview | null {
    return computeOverview(this.db);
  }

  drift(assessorId: string): DriftSeries[] {
    return criterionDrift(this.db, assessorId);
  }

  sample(rules: SamplingRules): Sample {
    return drawSample(this.db, rules);
  }

  samples(): Sample[] {
    return listSamples(this.db);
  }

  exportSecondReadings(
    sampleId: string,
    readers: readonly string[],
    folder: string,
  ): Promise<ExportSecondReadingsResult> {
    return exportSecondReadings(this.db, sampleId, readers, folder);
  }

  /** Opens the second readers' results packages (all or nothing), then reconciles what came back by `rule`. */
  async importSecondReadings(paths: readonly string[], rule: ReconcileRule): Promise<ImportSecondReadingsResult> {
    const opened = await openPackages(this.db, paths, {
      trust: storeTrust(this.db, this.services.dataDir),
      secondReadingsOnly: true,
    });
    if (!opened.refused.length) reconcile(this.db, rule);
    return { ...opened, reconciliation: reconciliationSummary(this.db) };
  }

  reconciliation(): ReconciliationItem[] {
    return reconciliationItems(this.db);
  }

  adjudicationQueue(): ReconciliationItem[] {
    return reconciliationItems(this.db, 'to-adjudicate');
  }

  adjudicate(input: AdjudicateInput): ReconciliationItem {
    return adjudicate(this.db, input);
  }

  /** The final results package, signed by this store's issuer identity. */
  async exportFinal(folder: string): Promise<ExportFinalResult> {
    const identity = await this.services.identity.unlock();
    return exportFinal(this.db, identity, folder);
  }
}
