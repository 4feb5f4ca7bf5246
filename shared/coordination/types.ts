// What the coordinator works with (../docs/quality-assurance.md, "The coordinator"): the panel's signed
// results packages brought together, agreement and drift per assessor × criterion, throughput, flags, a
// sample for second reading drawn by rules with a recorded seed, reconciliation of the second readings,
// the adjudication queue, and the one final results package. The service in electron/coordination/
// computes these; the CLI (`assay coordinate`) prints them and the Coordination screen draws them.
//
// A coordination is one review round: the review package(s) the issuing body sent out (they carry the
// rubrics, the submissions, their evidence and due dates) and the results packages that came back from
// them. A results package naming a review package outside the round is refused as from another round.
import { z } from 'zod';
import { workspaceSectionSchema } from '../domain/workspace.js';
import { decisionSchema } from '../schemas/review-package.js';

const share = z.number().min(0).max(1);
const isoDateTime = z.string();

/** A kappa as shared/domain/agreement.ts gives it: a value with n, or null with the reason. */
export const coordinationKappaSchema = z.union([
  z.object({ value: z.number(), n: z.number().int().min(0) }),
  z.object({ value: z.null(), n: z.number().int().min(0), reason: z.enum(['not-enough-items', 'no-variation']) }),
]);

/** Exact, adjacent, non-adjacent agreement and signed deviation (levels; below 0 severe) over n pairs. */
export const levelMeasuresSchema = z.object({
  n: z.number().int().min(0),
  exact: share,
  adjacent: share,
  nonAdjacent: share,
  signedDeviation: z.number(),
});
export type LevelMeasures = z.infer<typeof levelMeasuresSchema>;

/** Who read a decision: an assessor of the panel (by the name and id their results package gives). */
export const readerSchema = z.object({
  /** The assessor's key in this coordination: their id when the package gives one, else "name:<name>". */
  id: z.string(),
  name: z.string(),
});
export type Reader = z.infer<typeof readerSchema>;

// ---------------------------------------------------------------------------------------------------
// Opening packages

/** A review package of the round, as opened: the rubrics and submissions the results refer to. */
export const roundPackageSchema = z.object({
  id: z.string(),
  /** The file or folder name it was opened from. */
  label: z.string(),
  issuer: z.string(),
  submissions: z.number().int().min(0),
  achievements: z.number().int().min(0),
  openedAt: isoDateTime,
});

/** The round: its review packages, and the second-reading review packages the coordinator exported for it. */
export const roundSchema = z.object({
  reviewPackages: z.array(roundPackageSchema),
  secondReadingPackages: z.array(z.string()),
});
export type Round = z.infer<typeof roundSchema>;

/** A results package opened into the coordination (after its signature and every file were checked). */
export const openedPackageSchema = z.object({
  /** The results package's own id (results.json `id`). */
  id: z.string(),
  label: z.string(),
  /** `first`: the round's live work; `second-reading`: results of a second-reading package the coordinator exported. */
  kind: z.enum(['first', 'second-reading']),
  assessor: readerSchema,
  /** The certificate that signed the manifest. */
  signer: z.object({ subject: z.string(), fingerprint256: z.string() }),
  /** Whom this store trusts it as; null when the signature holds but the signer is not one this store knows. */
  trustedAs: z.string().nullable(),
  reviewPackages: z.array(z.string()),
  /** Decisions (passed or not yet) the package carries; recused and not-reviewed submissions are not counted. */
  decisions: z.number().int().min(0),
  seeds: z.number().int().min(0),
  createdAt: isoDateTime,
  openedAt: isoDateTime,
});
export type OpenedPackage = z.infer<typeof openedPackageSchema>;

/** A package refused, by the name it was given and why (a tampered file, another round, a bad rubric …). */
export const refusalSchema = z.object({ label: z.string(), reason: z.string() });
export type Refusal = z.infer<typeof refusalSchema>;

/**
 * What opening a set of packages did. All or nothing: when anything is refused, nothing is opened
 * (`opened` is empty) and the coordination is as it was.
 */
export const openResultSchema = z.object({
  opened: z.array(openedPackageSchema),
  /** Review packages of the round opened in this call. */
  reviewPackages: z.array(roundPackageSchema),
  refused: z.array(refusalSchema),
  /** Packages already in the coordination (the same id and content): left as they are, said here. */
  alreadyOpen: z.array(refusalSchema),
});
export type OpenResult = z.infer<typeof openResultSchema>;

// ---------------------------------------------------------------------------------------------------
// The overview: assessors, measures, drift, flags, throughput

/** The flag rules and where each threshold came from. */
export const thresholdsSchema = z.object({
  /** Flag a criterion whose quadratic weighted kappa is below this (with enough items), 95 % interval and all. */
  minQwk: z.number(),
  /** Flag an assessor whose exact agreement is below this: the round's calibration threshold. */
  minExactAgreement: share,
  /** Where minExactAgreement came from, in a sentence ("the calibration of review package …", or the default). */
  minExactFrom: z.string(),
  /** Flag an assessor whose not-yet rate is more than this many standard deviations from the rest of the panel's. */
  notYetSd: z.number(),
  /** Flag a mean signed deviation beyond ± this many levels. */
  maxDeviation: z.number(),
  /** Items in the rolling drift window. */
  window: z.number().int().min(1),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

/** One criterion of one micro-credential of the round. */
export const coordinationCriterionSchema = z.object({
  achievementId: z.string(),
  achievementName: z.string(),
  criterionId: z.string(),
  criterionName: z.string(),
  /** How many levels it has. */
  levels: z.number().int().min(1),
});
export type CoordinationCriterion = z.infer<typeof coordinationCriterionSchema>;

export const throughputSchema = z.object({
  /** Decisions (passed or not yet) submitted; seeds and second readings are not counted. */
  reviews: z.number().int().min(0),
  /** Calendar days (UTC) from the first decision to the last, both counted; 0 with no reviews. */
  days: z.number().int().min(0),
  /** reviews ÷ days; null with no reviews. */
  reviewsPerDay: z.number().nullable(),
  /** Median time on task per review, in minutes (the workspace's active time); null when none was recorded. */
  medianActiveMinutes: z.number().nullable(),
  /** Decisions whose submission had a due date, and how many of those were decided by it. */
  withDueDate: z.number().int().min(0),
  byDueDate: z.number().int().min(0),
  /** byDueDate ÷ withDueDate; null when no decision had a due date. */
  shareByDueDate: share.nullable(),
  /** Decisions per calendar day (UTC), oldest first, for the chart. */
  perDay: z.array(z.object({ date: z.string(), reviews: z.number().int().min(0) })),
});
export type Throughput = z.infer<typeof throughputSchema>;

export const assessorSummarySchema = z.object({
  assessor: readerSchema,
  /** The results packages opened for this assessor (ids). */
  packages: z.array(z.string()),
  decisions: z.number().int().min(0),
  passed: z.number().int().min(0),
  notYet: z.number().int().min(0),
  /** notYet ÷ decisions; null with no decisions. */
  notYetRate: share.nullable(),
  /** Measured items: seeds scored, and second readings the assessor was either reader of. */
  seeds: z.number().int().min(0),
  secondReadings: z.number().int().min(0),
  /** Over every criterion of every measured item (the assessor is the rater, the definitive score or the other reader the reference). */
  overall: levelMeasuresSchema,
  decisionAgreement: z.object({ n: z.number().int().min(0), agreement: share }),
  throughput: throughputSchema,
});
export type AssessorSummary = z.infer<typeof assessorSummarySchema>;

/** The measures of one assessor on one criterion (from seeds and second readings). */
export const assessorCriterionMeasureSchema = levelMeasuresSchema.extend({
  assessorId: z.string(),
  achievementId: z.string(),
  criterionId: z.string(),
  levels: z.number().int().min(1),
  kappa: coordinationKappaSchema,
  qwk: coordinationKappaSchema,
});
export type AssessorCriterionMeasure = z.infer<typeof assessorCriterionMeasureSchema>;

/** The panel's agreement on one criterion (every assessor's pairs): the bars of the agreement chart, with n. */
export const criterionAgreementSchema = levelMeasuresSchema.extend({
  achievementId: z.string(),
  criterionId: z.string(),
  qwk: coordinationKappaSchema,
});
export type CriterionAgreementRow = z.infer<typeof criterionAgreementSchema>;

/** One point of a drift line: the window of up to `window` items ending at item `item` (1-based, in time order). */
export const driftPointSchema = z.object({
  item: z.number().int().min(1),
  /** When the window's last item was scored. */
  at: isoDateTime,
  /** Items in the window (fewer than the window at the start). */
  items: z.number().int().min(1),
  /** Criterion pairs in the window. */
  n: z.number().int().min(1),
  exact: share,
  signedDeviation: z.number(),
});
export type DriftPoint = z.infer<typeof driftPointSchema>;

/** An assessor's drift line over all criteria; per criterion from coordination:drift. */
export const driftSeriesSchema = z.object({
  assessorId: z.string(),
  /** Set for a per-criterion line. */
  achievementId: z.string().optional(),
  criterionId: z.string().optional(),
  points: z.array(driftPointSchema),
});
export type DriftSeries = z.infer<typeof driftSeriesSchema>;

export const flagKindSchema = z.enum(['qwk', 'exact', 'not-yet-rate', 'deviation']);
export type FlagKind = z.infer<typeof flagKindSchema>;

/** Something the coordinator should look at, with the figure, the threshold and a sentence saying it. */
export const flagSchema = z.object({
  assessorId: z.string(),
  kind: flagKindSchema,
  /** Set when the flag is about one criterion. */
  achievementId: z.string().optional(),
  criterionId: z.string().optional(),
  value: z.number(),
  threshold: z.number(),
  /**
   * Why the figure is not chance: its 95 % interval, which lies wholly beyond the threshold (a flag is raised
   * only then; shared/domain/flag-evidence.ts). For the not-yet rate: the range of rates within the threshold's
   * standard deviations of the rest of the panel, which the assessor's rate lies outside.
   */
  interval: z.object({ low: z.number(), high: z.number() }),
  /** E.g. "Sam Harsh scores 1.00 level below the reference on average (n = 8); the limit is ±0.5." */
  sentence: z.string(),
});
export type Flag = z.infer<typeof flagSchema>;

/** How far reconciliation has come (counts of coordination:adjudicationQueue and the rest). */
export const reconciliationSummarySchema = z.object({
  /** Sampled decisions whose second reading has not come back. */
  awaitingSecondReading: z.number().int().min(0),
  /** Within one level on every criterion and the same decision: agreed by the rule. */
  agreed: z.number().int().min(0),
  /** In the adjudication queue. */
  toAdjudicate: z.number().int().min(0),
  adjudicated: z.number().int().min(0),
});
export type ReconciliationSummary = z.infer<typeof reconciliationSummarySchema>;

export const overviewSchema = z.object({
  round: roundSchema,
  packages: z.array(openedPackageSchema),
  thresholds: thresholdsSchema,
  criteria: z.array(coordinationCriterionSchema),
  assessors: z.array(assessorSummarySchema),
  measures: z.array(assessorCriterionMeasureSchema),
  criterionAgreement: z.array(criterionAgreementSchema),
  /** One line per assessor over all criteria. */
  drift: z.array(driftSeriesSchema),
  flags: z.array(flagSchema),
  /** The whole panel. */
  throughput: throughputSchema,
  /** The panel's not-yet rate: mean and standard deviation over assessors with decisions. */
  notYetRate: z.object({ mean: z.number(), sd: z.number(), assessors: z.number().int().min(0) }),
  reconciliation: reconciliationSummarySchema,
});
export type Overview = z.infer<typeof overviewSchema>;

/**
 * The overview as the Coordination screen receives it (shared/coordination/screen-overview.ts): without the
 * assessor × criterion measures (8,400 rows at 300 assessors; the table asks for its rows by coordination:measures)
 * and each assessor's decisions per day (no part of the screen draws them), with drift lines only for the assessors
 * the chart draws and the count of all.
 */
export const screenOverviewSchema = overviewSchema.omit({ measures: true, assessors: true }).extend({
  assessors: z.array(assessorSummarySchema.extend({ throughput: throughputSchema.omit({ perDay: true }) })),
  /** Assessors with a drift line in the whole overview. */
  driftLines: z.number().int().min(0),
});
export type ScreenOverview = z.infer<typeof screenOverviewSchema>;

/** Whose assessor × criterion measures the table shows: every assessor's, the flagged ones', or one assessor's. */
export const measuresOfSchema = z.union([
  z.literal('all'),
  z.literal('flagged'),
  z.object({ assessorId: z.string().min(1) }),
]);
export type MeasuresOf = z.infer<typeof measuresOfSchema>;

/** A page of the assessor × criterion measures, and how many the choice holds. */
export const measuresPageSchema = z.object({
  rows: z.array(assessorCriterionMeasureSchema),
  total: z.number().int().min(0),
});
export type MeasuresPage = z.infer<typeof measuresPageSchema>;

// ---------------------------------------------------------------------------------------------------
// Sampling for second reading

export const samplingRulesSchema = z.object({
  /** Every not-yet on a last attempt. */
  notYetOnLastAttempt: z.boolean(),
  /** The attempt number that is the last one allowed: a not-yet at this attempt or later is final unless read again. */
  lastAttempt: z.number().int().min(1),
  /** Every decision within one level of the cut on any criterion: one criterion a level up or down would change the decision. */
  nearCut: z.boolean(),
  /** A random share of the passes not already chosen (0..1). */
  passShare: share,
  /** The random seed; absent, one is drawn, and either way it is recorded with the sample. */
  seed: z.string().min(1).max(200).optional(),
});
export type SamplingRules = z.infer<typeof samplingRulesSchema>;

export const sampleReasonSchema = z.enum(['not-yet-last-attempt', 'near-cut', 'random-pass']);
export type SampleReason = z.infer<typeof sampleReasonSchema>;

export const sampleItemSchema = z.object({
  submissionId: z.string(),
  achievementId: z.string(),
  attempt: z.number().int().min(1),
  decision: decisionSchema,
  firstReader: readerSchema,
  /** The results package the first reading came in. */
  resultsPackage: z.string(),
  reasons: z.array(sampleReasonSchema).min(1),
  /** The reasons in words, e.g. "not yet on attempt 3 (the last); one level from the cut on ‘Planning’". */
  why: z.string(),
});
export type SampleItem = z.infer<typeof sampleItemSchema>;

/** A sample drawn for second reading: the rules, the seed recorded, and what was chosen. */
export const sampleSchema = z.object({
  id: z.string(),
  drawnAt: isoDateTime,
  rules: samplingRulesSchema.required({ seed: true }),
  items: z.array(sampleItemSchema),
  /** Decisions the rules looked at, and how many each rule chose (an item chosen by two counts for both). */
  counts: z.object({
    decisions: z.number().int().min(0),
    notYetLastAttempt: z.number().int().min(0),
    nearCut: z.number().int().min(0),
    /** Passes the random share was drawn from, and how many it drew. */
    passesEligible: z.number().int().min(0),
    randomPasses: z.number().int().min(0),
  }),
});
export type Sample = z.infer<typeof sampleSchema>;

/**
 * A sample as the Coordination screen shows it: its first items (a page) and how many it holds; the rest are asked
 * for by coordination:sampleItems when the coordinator wants them (a sample at 100,000 decisions is 10,000 items).
 */
export const sampleViewSchema = sampleSchema.extend({ itemCount: z.number().int().min(0) });
export type SampleView = z.infer<typeof sampleViewSchema>;

/** One second-reading review package written: for whom, where, and what it holds. */
export const secondReadingExportSchema = z.object({
  /** The review package's id (what the second reader's results will name). */
  id: z.string(),
  reader: readerSchema,
  /** The folder written, inside the folder chosen. */
  folder: z.string(),
  submissions: z.number().int().min(1),
});

export const exportSecondReadingsResultSchema = z.object({
  sampleId: z.string(),
  packages: z.array(secondReadingExportSchema),
  /** Who reads each sampled decision again (never its first reader). */
  assignments: z.array(z.object({ submissionId: z.string(), firstReader: readerSchema, secondReader: readerSchema })),
});
export type ExportSecondReadingsResult = z.infer<typeof exportSecondReadingsResultSchema>;

// ---------------------------------------------------------------------------------------------------
// Reconciliation and adjudication

/** How criteria within one level are settled: the first reader's level, the second's, or the lower of the two. */
export const reconcileRuleSchema = z.enum(['first', 'second', 'lower']);
export type ReconcileRule = z.infer<typeof reconcileRuleSchema>;

/** A criterion's level in a reading, with the rubric's names. */
export const readingLevelSchema = z.object({
  criterionId: z.string(),
  levelId: z.string(),
  levelName: z.string(),
  /** 0-based among the criterion's levels ordered by points. */
  index: z.number().int().min(0),
  points: z.number(),
  comment: z.string().optional(),
});

export const readingSchema = z.object({
  reader: readerSchema,
  decision: decisionSchema,
  results: z.array(readingLevelSchema),
  feedback: z.string().optional(),
  reviewedAt: isoDateTime,
  /** The results package it came in. */
  resultsPackage: z.string(),
});
export type Reading = z.infer<typeof readingSchema>;

/** A criterion of an item to adjudicate: its levels, and where each reading put it. */
export const adjudicationCriterionSchema = z.object({
  criterionId: z.string(),
  criterionName: z.string(),
  levels: z.array(z.object({ id: z.string(), name: z.string(), points: z.number() })),
  first: z.string(),
  second: z.string(),
  /** second index − first index. */
  distance: z.number().int(),
});

export const reconciliationStateSchema = z.enum(['awaiting-second-reading', 'agreed', 'to-adjudicate', 'adjudicated']);
export type ReconciliationState = z.infer<typeof reconciliationStateSchema>;

/** A sampled decision and its second reading: agreed by the rule, or queued for adjudication, or settled. */
export const reconciliationItemSchema = z.object({
  submissionId: z.string(),
  achievementId: z.string(),
  achievementName: z.string(),
  earnerName: z.string(),
  state: reconciliationStateSchema,
  first: readingSchema,
  second: readingSchema.nullable(),
  /** The rule applied when agreed automatically. */
  rule: reconcileRuleSchema.optional(),
  /** Why it is in the adjudication queue ("the readers reached different decisions"; "‘Planning’ is two levels apart"). */
  reasons: z.array(z.string()),
  criteria: z.array(adjudicationCriterionSchema),
  /** The final decision once agreed or adjudicated. */
  final: z
    .object({
      decision: decisionSchema,
      results: z.array(z.object({ criterionId: z.string(), levelId: z.string() })),
      /** Who decided the final outcome: the rule, or the adjudicator by name. */
      by: z.string(),
      reasons: z.string().optional(),
      at: isoDateTime,
    })
    .optional(),
});
export type ReconciliationItem = z.infer<typeof reconciliationItemSchema>;

/**
 * A line of the adjudication queue as the screen lists it: what the list shows, not both readings and every level
 * of every criterion (about 5.7 KB an item; a queue of 1,400 was 8 MB). The item itself is asked for on opening.
 */
export const adjudicationQueueEntrySchema = z.object({
  submissionId: z.string(),
  achievementId: z.string(),
  achievementName: z.string(),
  earnerName: z.string(),
  /** The first reader, then the second. */
  readers: z.array(z.string()),
  reasons: z.array(z.string()),
});
export type AdjudicationQueueEntry = z.infer<typeof adjudicationQueueEntrySchema>;

export const importSecondReadingsResultSchema = openResultSchema.extend({
  reconciliation: reconciliationSummarySchema,
});
export type ImportSecondReadingsResult = z.infer<typeof importSecondReadingsResultSchema>;

export const adjudicateInputSchema = z.object({
  submissionId: z.string().min(1),
  /** The adjudicator, by name, as the final package will name them. */
  adjudicator: z.string().trim().min(1).max(300),
  decision: decisionSchema,
  /** A level for every criterion of the rubric. */
  results: z.array(z.object({ criterionId: z.string().min(1), levelId: z.string().min(1) })).min(1),
  /** Why: kept, audited and exported with the decision. */
  reasons: z.string().trim().min(1).max(20_000),
});
export type AdjudicateInput = z.infer<typeof adjudicateInputSchema>;

/**
 * What the teacher submitted for a decision in the adjudication queue, read from the round's review package (every
 * file checked against its SHA-256 in the manifest as opened): the sections as the review workspace shows them.
 */
export const adjudicationEvidenceSchema = z.object({
  submissionId: z.string(),
  /** The round's review package it was read from, by the file or folder name it was opened from. */
  packageLabel: z.string(),
  sections: z.array(workspaceSectionSchema),
});
export type AdjudicationEvidence = z.infer<typeof adjudicationEvidenceSchema>;

// ---------------------------------------------------------------------------------------------------
// The final outcome

export const exportFinalResultSchema = z.object({
  dir: z.string(),
  /** The results package's id. */
  id: z.string(),
  decisions: z.number().int().min(0),
  /** Decisions read twice, and of those settled by adjudication. */
  readTwice: z.number().int().min(0),
  adjudicated: z.number().int().min(0),
  /** Distinct readers named. */
  readers: z.number().int().min(0),
  signedBy: z.string(),
  /** Awards only for final passes: one in force for each, issued now or kept from an earlier final package. */
  awards: z.object({
    inForce: z.number().int().min(0),
    issued: z.number().int().min(0),
    kept: z.number().int().min(0),
    /** Awards of an earlier final package whose decision is no longer a pass, or whose final levels changed. */
    revoked: z.array(
      z.object({
        submissionId: z.string(),
        credentialId: z.string(),
        verificationCode: z.string(),
        reason: z.string(),
      }),
    ),
  }),
});
export type ExportFinalResult = z.infer<typeof exportFinalResultSchema>;
