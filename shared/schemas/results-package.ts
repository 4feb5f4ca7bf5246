// zod schemas for results package format 1: what an offline review session hands back to the issuer.
import { z } from 'zod';
import { anchorSchema } from '../domain/review.js';
import { decisionSchema, isoDateTime, sha256Hex } from './review-package.js';

export const RESULTS_FORMAT = 'microcredential-results-package';

export const resultEntrySchema = z.looseObject({
  resultDescription: z.string(),
  achievedLevel: z.string(),
  points: z.number(),
  comment: z.string().optional(),
  anchors: z.array(anchorSchema).optional(),
});

/** "I can still see who this is": evidence (and page) that leaks the earner's identity in blind review. */
export const identityLeakSchema = z.looseObject({
  artifactId: z.string(),
  page: z.number().int().min(1).optional(),
  note: z.string(),
  reportedAt: isoDateTime,
});

/** One reader of a decision in a coordinator's final package. */
export const readerEntrySchema = z.looseObject({
  role: z.enum(['first', 'second', 'adjudicator']),
  name: z.string(),
  id: z.string().optional(),
  decision: decisionSchema.optional(),
  at: isoDateTime.optional(),
  /** The results package the reading came in (first and second readers). */
  resultsPackage: z.string().optional(),
  /** The adjudicator's reasons. */
  reasons: z.string().optional(),
});

export const submissionResultSchema = z.looseObject({
  submissionId: z.string(),
  achievementId: z.string(),
  /** SHA-256 of the canonical JSON of the rubric version the review used. */
  rubricSha256: sha256Hex,
  attempt: z.number().int().min(1),
  outcome: z.enum(['passed', 'not-yet', 'recused', 'not-reviewed']),
  decision: decisionSchema.optional(),
  computedDecision: decisionSchema.optional(),
  overrideJustification: z.string().optional(),
  points: z.number().optional(),
  results: z.array(resultEntrySchema),
  feedback: z.string().optional(),
  reviewStartedAt: isoDateTime.optional(),
  reviewSubmittedAt: isoDateTime.optional(),
  timeOnTaskSeconds: z.number().int().min(0).optional(),
  recusal: z.looseObject({ reason: z.string(), recusedAt: isoDateTime }).optional(),
  /** Blind review: where an assessor could still see who the earner is (the issuer learns which evidence leaks). */
  identityLeaks: z.array(identityLeakSchema).optional(),
  /** A decision of this assessor on a submission another assessor decided first (a second reading). */
  secondReading: z.looseObject({ of: z.string() }).optional(),
  /**
   * A coordinator's final package: everyone who read this decision (the first reader, the second, the
   * adjudicator), each with what they decided and when.
   */
  readers: z.array(readerEntrySchema).min(1).optional(),
  /** A coordinator's final package: how the decision became final. */
  reconciliation: z
    .looseObject({
      /** read-once: not sampled, the first reading stands; agreed: by the rule; adjudicated: by the adjudicator. */
      state: z.enum(['read-once', 'agreed', 'adjudicated']),
      rule: z.enum(['first', 'second', 'lower']).optional(),
    })
    .optional(),
  awards: z
    .array(
      z.looseObject({
        credentialId: z.string(),
        status: z.enum(['active', 'revoked', 'superseded']),
        verificationCode: z.string(),
        issuedAt: isoDateTime,
        credential: z.string(),
        certificate: z.string().optional(),
        revocationReason: z.string().optional(),
      }),
    )
    .optional(),
});

const share = z.number().min(0).max(1);
const kappaSchema = z.union([
  z.object({ value: z.number(), n: z.number().int().min(0) }),
  z.object({
    value: z.null(),
    n: z.number().int().min(0),
    reason: z.enum(['not-enough-items', 'no-variation']),
  }),
]);
const levelMeasures = {
  n: z.number().int().min(0),
  exact: share,
  adjacent: share,
  nonAdjacent: share,
  signedDeviation: z.number(),
};

// Plain objects (unknown fields are dropped on reading, never refused): they are recomputed, not trusted.
/** The measures of shared/domain/agreement.ts over a section's items (shared/domain/qa-measures.ts computes them). */
export const qaMeasuresSchema = z.object({
  items: z.number().int().min(0),
  overall: z.object({ ...levelMeasures, nonAdjacentCount: z.number().int().min(0) }),
  decisions: z.object({ n: z.number().int().min(0), agreement: share }),
  criteria: z.array(
    z.object({
      resultDescription: z.string(),
      levels: z.number().int().min(1),
      ...levelMeasures,
      kappa: kappaSchema,
      qwk: kappaSchema,
    }),
  ),
});

/** One criterion of a measured item: this assessor's level beside the reference's, as ids and indexes. */
export const qaResultSchema = z
  .looseObject({
    resultDescription: z.string(),
    achievedLevel: z.string(),
    /** 0-based index of the level among the criterion's levels ordered by points (0 = lowest). */
    achievedIndex: z.number().int().min(0),
    referenceLevel: z.string(),
    referenceIndex: z.number().int().min(0),
    /** How many levels the criterion has. */
    levels: z.number().int().min(1),
  })
  .refine((r) => r.achievedIndex < r.levels && r.referenceIndex < r.levels, {
    error: "has a level index beyond the criterion's levels",
  });

/** A scored item of a QA section: a calibration sample, a seed, or a submission read again. */
export const qaItemSchema = z.looseObject({
  submissionId: z.string(),
  achievementId: z.string(),
  rubricSha256: sha256Hex,
  /** This assessor's decision (absent for an archived calibration round that did not record it). */
  decision: decisionSchema.optional(),
  /** The definitive decision, or the first reader's. */
  referenceDecision: decisionSchema,
  submittedAt: isoDateTime,
  results: z.array(qaResultSchema),
});

export const calibrationResultSchema = z.looseObject({
  reviewPackage: z.string(),
  required: z.boolean(),
  minExactAgreement: share,
  maxNonAdjacent: z.number().int().min(0),
  /** How many calibration samples the package has. */
  samples: z.number().int().min(1),
  /** Identity leaks reported on the samples' evidence, like a submission's `identityLeaks`. */
  identityLeaks: z.array(identityLeakSchema.extend({ submissionId: z.string() })).optional(),
  /** When the thresholds were first met; null while unmet. */
  metAt: isoDateTime.nullable(),
  rounds: z.array(
    z.looseObject({
      round: z.number().int().min(1),
      samples: z.array(qaItemSchema),
      agreement: qaMeasuresSchema,
      /** Every sample scored in the round, exact agreement at least the threshold, non-adjacent at most the maximum. */
      meetsThresholds: z.boolean(),
    }),
  ),
});

export const seedResultSchema = qaItemSchema.extend({
  reviewPackage: z.string(),
  outcome: z.enum(['reviewed', 'recused', 'not-reviewed']),
  identityLeaks: z.array(identityLeakSchema).optional(),
  decision: decisionSchema.optional(),
  submittedAt: isoDateTime.optional(),
});

export const seedsResultSchema = z.looseObject({
  samples: z.array(seedResultSchema),
  /** Over the reviewed seeds. */
  agreement: qaMeasuresSchema,
});

export const secondReadingResultSchema = z.looseObject({
  /** The results package whose reviews were read again. */
  of: z.string(),
  reviewPackage: z.string(),
  /** Every submission of the package read again (its decision, if any, is in `submissions`). */
  submissions: z.array(z.string()),
  /** The second readings submitted whose first reading the review package carried. */
  compared: z.array(
    qaItemSchema.extend({
      firstReader: z.looseObject({ name: z.string(), id: z.string().optional() }),
      firstReviewedAt: isoDateTime,
    }),
  ),
  /** Over `compared`; absent when the review package carried no first readings. */
  agreement: qaMeasuresSchema.optional(),
});

export const resultsSchema = z.looseObject({
  format: z.literal(RESULTS_FORMAT),
  formatVersion: z.literal(1),
  id: z.string(),
  createdAt: isoDateTime,
  reviewPackages: z.array(z.string()),
  assessor: z.looseObject({ name: z.string(), id: z.string().optional() }),
  submissions: z.array(submissionResultSchema),
  /** The signed revocation lists (W3C Bitstring Status List) the awards name, to host at their URLs. */
  statusLists: z
    .array(
      z.looseObject({
        statusListCredential: z.string(),
        issuer: z.string(),
        file: z.string(),
        /** False when the list changed after its last signature and could not be re-signed (a retired issuer's). */
        current: z.boolean(),
      }),
    )
    .optional(),
  /** Calibration practice, per review package: never decisions, never in `submissions`. */
  calibration: z.array(calibrationResultSchema).optional(),
  /** Seeded samples scored among live work: never decisions, never in `submissions`. */
  seeds: seedsResultSchema.optional(),
  /** Per review package of second readings: the agreement with the first readings it carried. */
  secondReadings: z.array(secondReadingResultSchema).optional(),
  /** A coordinator's final package: the panel's results packages it merged and the samples drawn for second reading. */
  coordination: z
    .looseObject({
      resultsPackages: z.array(
        z.looseObject({
          id: z.string(),
          assessor: z.string(),
          signer: z.string(),
          kind: z.enum(['first', 'second-reading']),
        }),
      ),
      samples: z.array(z.looseObject({ id: z.string(), seed: z.string(), drawnAt: isoDateTime, rules: z.unknown() })),
    })
    .optional(),
});

/** The exporting store's audit log head: how many entries, and the hash of the last (an anchor for `assay audit verify`). */
export const auditHeadSchema = z.object({ entries: z.number().int().min(0), hash: sha256Hex });

export const resultsManifestSchema = z.looseObject({
  format: z.literal(RESULTS_FORMAT),
  formatVersion: z.literal(1),
  files: z.array(z.object({ path: z.string(), size: z.number().int().min(0), sha256: sha256Hex })),
  auditHead: auditHeadSchema.optional(),
});

export type Results = z.infer<typeof resultsSchema>;
export type SubmissionResult = z.infer<typeof submissionResultSchema>;
export type ResultsManifest = z.infer<typeof resultsManifestSchema>;
export type QaItem = z.infer<typeof qaItemSchema>;
export type CalibrationResult = z.infer<typeof calibrationResultSchema>;
export type SeedResult = z.infer<typeof seedResultSchema>;
export type SecondReadingResult = z.infer<typeof secondReadingResultSchema>;
