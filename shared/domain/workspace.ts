// What the review workspace shows: the submission's evidence by section, the pinned rubric, the review.
import { z } from 'zod';
import { achievementSchema, previousReviewSchema } from '../schemas/review-package.js';
import { submissionStatusSchema } from './queue-schema.js';
import { reviewSchema } from './review.js';

export const workspaceArtifactSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['file', 'url']),
  mediaType: z.string().nullable(),
  size: z.number().nullable(),
  sha256: z.string().nullable(),
  /** For files, the evidence address relative to the page (see EVIDENCE_PATH); for links, the outside address. */
  href: z.string(),
  /** The file's name in the package; absent in blind review (names often carry the earner's). */
  fileName: z.string().optional(),
});
export type WorkspaceArtifact = z.infer<typeof workspaceArtifactSchema>;

export const workspaceSectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  prompt: z.string(),
  responses: z.array(z.string()),
  artifacts: z.array(workspaceArtifactSchema),
});

export const workspaceSchema = z.object({
  submission: z.object({
    id: z.string(),
    attempt: z.number(),
    submittedAt: z.string(),
    dueAt: z.string().nullable(),
    status: submissionStatusSchema,
    /** Absent in blind review. */
    earner: z
      .object({ name: z.string(), email: z.string().optional(), organization: z.string().optional() })
      .optional(),
    sections: z.array(workspaceSectionSchema),
  }),
  achievement: achievementSchema.extend({ versionId: z.number() }),
  review: reviewSchema.nullable(),
  previousReviews: z.array(previousReviewSchema),
  recusal: z.object({ reason: z.string(), recusedAt: z.string() }).nullable(),
  /**
   * A calibration sample only (practice is no secret): its package and its place among the package's samples,
   * 1-based. Never present for live work, seeds or second readings, whose workspaces are alike.
   */
  practice: z
    .object({ packageId: z.string(), number: z.number().int().min(1), total: z.number().int().min(1) })
    .optional(),
  /**
   * Blind review only: the earner's identity as salted hashes of folded token runs, for the evidence viewers to
   * cover it in PDFs (see shared/domain/redaction.ts). The identity itself never reaches the renderer.
   */
  redaction: z.object({ salt: z.string(), hashes: z.array(z.string()), longest: z.number() }).optional(),
});
export type Workspace = z.infer<typeof workspaceSchema>;

/**
 * Evidence files are addressed relative to the page: `evidence/<sha256>` is app://assay/evidence/…
 * in the desktop app (served by the app protocol) and the harness's route in the browser tests.
 */
export const EVIDENCE_PATH = 'evidence/';
