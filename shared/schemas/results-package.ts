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
  identityLeaks: z
    .array(
      z.looseObject({
        artifactId: z.string(),
        page: z.number().int().min(1).optional(),
        note: z.string(),
        reportedAt: isoDateTime,
      }),
    )
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
