// The coordinator's service: the panel's signed results packages brought together in this store, the
// measures, the sample for second reading, reconciliation and the final results package. The IPC
// handlers (electron/ipc/handlers/coordination.ts) and `assay coordinate` call it alike.
import { AssayError } from '../../shared/errors.js';
import type {
  AdjudicateInput,
  AdjudicationEvidence,
  AdjudicationQueueEntry,
  DriftSeries,
  ExportFinalResult,
  ExportSecondReadingsResult,
  ImportSecondReadingsResult,
  OpenResult,
  Overview,
  ReconcileRule,
  ReconciliationItem,
  Sample,
  SampleItem,
  SampleView,
  SamplingRules,
} from '../../shared/coordination/types.js';
import type { Paper } from '../awards/certificate/types.js';
import { identityParts, type LongJobOptions } from '../jobs/index.js';
import type { Services } from '../services.js';
import { adjudicationEvidence } from './adjudication-evidence.js';
import { computeOverview, criterionDrift, reconciliationSummary } from './overview.js';
import { drawSample, latestSampleView, listSamples, sampleItems } from './sampling.js';
import {
  adjudicate,
  adjudicationQueueEntries,
  exportSecondReadings,
  reconcile,
  reconciliationItems,
} from './second-readings.js';

/**
 * The store's version as this connection sees it: SQLite's data_version changes when another connection
 * commits, total_changes() whenever this one inserts, updates or deletes a row (in any table; a change
 * rolled back counts too). Equal versions mean the same data, so an overview computed at one still holds.
 */
function storeVersion(db: Services['db']): string {
  return `${String(db.pragma('data_version', { simple: true }))}:${String(db.prepare('SELECT total_changes()').pluck().get())}`;
}

export class Coordination {
  /** The overview as last computed and the store's version then: the screen asks again without a change between. */
  private cached: { version: string; overview: Overview | null } | undefined;

  constructor(private readonly services: Services) {}

  private get db() {
    return this.services.db;
  }

  /**
   * Opens review and results packages (verified first; all or nothing): a long job, so in the app on a worker
   * thread with its own connection (the main process answers the window meanwhile; the window can stop it),
   * and one opening at a time. An opening with many rows has them written by a thread of their own while the
   * packages after them are checked (open-writer.ts).
   */
  open(
    paths: readonly string[],
    options: Pick<LongJobOptions<'coordination-open'>, 'onProgress' | 'signal'> & { secondReadingsOnly?: boolean } = {},
  ): Promise<OpenResult> {
    const { secondReadingsOnly, ...job } = options;
    return this.services.jobs.run(
      'coordination-open',
      {
        paths: [...paths],
        ...(secondReadingsOnly ? { secondReadingsOnly } : {}),
        writerThread: this.services.storeRef,
      },
      job,
    );
  }

  /** The overview; computed again only when the store changed since the last one (callers must not change it). */
  overview(): Overview | null {
    const version = storeVersion(this.db);
    if (this.cached?.version !== version) this.cached = { version, overview: computeOverview(this.db) };
    return this.cached.overview;
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

  /** The newest sample with its first `first` items and their count; null before any sample. */
  latestSample(first: number): SampleView | null {
    return latestSampleView(this.db, first);
  }

  /** `limit` of a sample's items from `offset`, in the order drawn; refused by id when there is no such sample. */
  sampleItems(sampleId: string, offset: number, limit: number): SampleItem[] {
    return sampleItems(this.db, sampleId, offset, limit);
  }

  exportSecondReadings(
    sampleId: string,
    readers: readonly string[],
    folder: string,
  ): Promise<ExportSecondReadingsResult> {
    return exportSecondReadings(this.db, sampleId, readers, folder);
  }

  /** Opens the second readers' results packages (all or nothing), then reconciles what came back by `rule`. */
  async importSecondReadings(
    paths: readonly string[],
    rule: ReconcileRule,
    options: Pick<LongJobOptions<'coordination-open'>, 'onProgress' | 'signal'> = {},
  ): Promise<ImportSecondReadingsResult> {
    const opened = await this.open(paths, { ...options, secondReadingsOnly: true });
    if (!opened.refused.length) reconcile(this.db, rule);
    return { ...opened, reconciliation: reconciliationSummary(this.db) };
  }

  reconciliation(): ReconciliationItem[] {
    return reconciliationItems(this.db);
  }

  adjudicationQueue(): ReconciliationItem[] {
    return reconciliationItems(this.db, 'to-adjudicate');
  }

  /** The adjudication queue as the screen lists it (the items themselves by `reconciliationItem`). */
  adjudicationQueueEntries(): AdjudicationQueueEntry[] {
    return adjudicationQueueEntries(this.db);
  }

  /** One decision sent for second reading, in whatever state; refused by id when it is not one. */
  reconciliationItem(submissionId: string): ReconciliationItem {
    const item = reconciliationItems(this.db, undefined, submissionId)[0];
    if (!item) throw new AssayError('not-found', `Submission "${submissionId}" was not sent for second reading.`);
    return item;
  }

  adjudicate(input: AdjudicateInput): ReconciliationItem {
    return adjudicate(this.db, input);
  }

  /** What the teacher submitted for a decision sent for second reading, read from the round's package and verified. */
  adjudicationEvidence(submissionId: string): Promise<AdjudicationEvidence> {
    return adjudicationEvidence(this.db, this.services.coordinationEvidence, submissionId);
  }

  /**
   * The final results package, signed by this store's issuer identity, with an award (credential and signed
   * certificate, on `paper`, by default the Settings' paper) for each final pass and none for anything else.
   */
  async exportFinal(
    folder: string,
    paper?: Paper,
    options: Pick<LongJobOptions<'coordination-final'>, 'onProgress' | 'signal'> = {},
  ): Promise<ExportFinalResult> {
    const identity = await this.services.identity.unlock();
    // A long job (on a worker thread in the app): one final package at a time, stoppable from the window.
    return this.services.jobs.run(
      'coordination-final',
      { identity: identityParts(identity), outDir: folder, paper: paper ?? this.services.settings.get().paper },
      options,
    );
  }
}
