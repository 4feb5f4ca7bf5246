// The coordinator's service: the panel's signed results packages brought together in this store, the
// measures, the sample for second reading, reconciliation and the final results package.
import { AssayError } from '../../shared/errors.js';
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
import type { Services } from '../services.js';

const notYet = (): never => {
  throw new AssayError('unavailable', 'Coordination is not built yet.');
};

export class Coordination {
  constructor(private readonly services: Services) {}

  open(_paths: readonly string[]): Promise<OpenResult> {
    return Promise.resolve(notYet());
  }
  overview(): Overview | null {
    return notYet();
  }
  drift(_assessorId: string): DriftSeries[] {
    return notYet();
  }
  sample(_rules: SamplingRules): Sample {
    return notYet();
  }
  samples(): Sample[] {
    return notYet();
  }
  exportSecondReadings(
    _sampleId: string,
    _readers: readonly string[],
    _folder: string,
  ): Promise<ExportSecondReadingsResult> {
    return Promise.resolve(notYet());
  }
  importSecondReadings(_paths: readonly string[], _rule: ReconcileRule): Promise<ImportSecondReadingsResult> {
    return Promise.resolve(notYet());
  }
  reconciliation(): ReconciliationItem[] {
    return notYet();
  }
  adjudicationQueue(): ReconciliationItem[] {
    return notYet();
  }
  adjudicate(_input: AdjudicateInput): ReconciliationItem {
    return notYet();
  }
  exportFinal(_folder: string): Promise<ExportFinalResult> {
    return Promise.resolve(notYet());
  }
}
