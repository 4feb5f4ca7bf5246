// What the quality-assurance screens show (../docs/quality-assurance.md): calibration progress, and the
// side-by-side comparison of the assessor's submitted review with a reference (a calibration sample's or a
// seed's definitive score, or the first reader's review of a second reading).
//
// Seeds and second readings are blind until submitted: before that, nothing here exists for them, so the
// workspace and every payload are those of live work. The comparison appears only for a submitted review.
import { z } from 'zod';
import { decisionSchema } from '../schemas/review-package.js';

export const qualityKindSchema = z.enum(['calibration', 'seed', 'second-reading']);
export type QualityKind = z.infer<typeof qualityKindSchema>;

const levelRefSchema = z.object({ id: z.string(), name: z.string(), level: z.string(), points: z.number() });

/** The agreement of two sources over the criteria compared (shared/domain/agreement.ts measures). */
export const agreementSummarySchema = z.object({
  /** Criteria compared. */
  n: z.number().int().min(0),
  exact: z.number(),
  adjacent: z.number(),
  nonAdjacent: z.number(),
  /** How many criteria were more than one level apart. */
  nonAdjacentCount: z.number().int().min(0),
  /** Mean (own − reference) level index: below 0 severe, above 0 lenient. */
  signedDeviation: z.number(),
  /** Reviews compared, and the share with the same decision. */
  decisions: z.number().int().min(0),
  decisionAgreement: z.number(),
});
export type AgreementSummary = z.infer<typeof agreementSummarySchema>;

export const comparisonCriterionSchema = z.object({
  criterionId: z.string(),
  criterionName: z.string(),
  own: levelRefSchema,
  reference: levelRefSchema,
  /** own index − reference index, in levels. */
  distance: z.number().int(),
  /** Why the reference level (a definitive score's rationale). */
  rationale: z.string().optional(),
  /** The first reader's comment on the criterion. */
  referenceComment: z.string().optional(),
});

export const comparisonSchema = z.object({
  kind: qualityKindSchema,
  submissionId: z.string(),
  /** Who the reference is: "Definitive score" or the first reader's name. */
  referenceLabel: z.string(),
  ownDecision: decisionSchema,
  referenceDecision: decisionSchema,
  /** The first reader's feedback and time, for a second reading. */
  referenceFeedback: z.string().optional(),
  referenceReviewedAt: z.string().optional(),
  criteria: z.array(comparisonCriterionSchema),
  /** This review alone. */
  agreement: agreementSummarySchema,
  /** For calibration, the round so far (every submitted sample); for seeds and second readings, all of them so far. */
  soFar: agreementSummarySchema,
});
export type Comparison = z.infer<typeof comparisonSchema>;

export const calibrationSampleSchema = z.object({
  submissionId: z.string(),
  achievementId: z.string(),
  achievementName: z.string(),
  /** 1-based place in the package's list. */
  number: z.number().int().min(1),
  state: z.enum(['not-started', 'draft', 'submitted']),
});

export const calibrationStatusSchema = z.object({
  packageId: z.string(),
  required: z.boolean(),
  minExactAgreement: z.number(),
  maxNonAdjacent: z.number().int(),
  /** The practice round (1 for the first; practising again starts the next). */
  round: z.number().int().min(1),
  samples: z.array(calibrationSampleSchema),
  /** Over the samples submitted in this round; null before the first. */
  agreement: agreementSummarySchema.nullable(),
  /** When the thresholds were first met (in any round); null while unmet. */
  metAt: z.string().nullable(),
  /** What is still missing, in a sentence a person can act on; null when met. */
  missing: z.string().nullable(),
});
export type CalibrationStatus = z.infer<typeof calibrationStatusSchema>;

/** The live queue is closed while a required calibration is unmet. */
export const calibrationGateSchema = z.object({
  queueOpen: z.boolean(),
  calibrations: z.array(calibrationStatusSchema),
});
export type CalibrationGate = z.infer<typeof calibrationGateSchema>;
