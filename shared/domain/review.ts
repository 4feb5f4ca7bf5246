// A review of one submission: a draft while the assessor scores, frozen once submitted.
import { z } from 'zod';
import { decisionSchema } from '../schemas/review-package.js';

/** Where a comment points in the evidence: a PDF page (and the text selected on it) or a moment of a video. */
export const anchorSchema = z.object({
  artifactId: z.string().min(1),
  page: z.number().int().min(1).optional(),
  quote: z.string().max(2000).optional(),
  timeSeconds: z.number().min(0).optional(),
});
export type Anchor = z.infer<typeof anchorSchema>;

export const criterionCommentSchema = z.object({
  text: z.string().max(20_000),
  anchors: z.array(anchorSchema).max(50).default([]),
  /** The comment-bank entries inserted into this comment, so a bank edit can offer to update it. */
  bankIds: z.array(z.number().int()).default([]),
});
export type CriterionComment = z.infer<typeof criterionCommentSchema>;

export const overrideSchema = z.object({ decision: decisionSchema, justification: z.string().max(20_000) });

export const reviewStateSchema = z.enum(['draft', 'submitted']);

/** What the renderer sends as the assessor works; saved as a draft. */
export const draftInputSchema = z.object({
  submissionId: z.string().min(1),
  /** criterion id -> level id */
  scores: z.record(z.string(), z.string()),
  comments: z.record(z.string(), criterionCommentSchema),
  feedback: z.string().max(50_000),
  override: overrideSchema.nullable(),
  /** Time on task since the previous save, in ms (the renderer counts only while the window is in use). */
  activeMs: z.number().int().min(0).max(3_600_000),
});
export type DraftInput = z.input<typeof draftInputSchema>;

export const reviewSchema = z.object({
  submissionId: z.string(),
  achievementVersionId: z.number(),
  state: reviewStateSchema,
  scores: z.record(z.string(), z.string()),
  comments: z.record(z.string(), criterionCommentSchema),
  feedback: z.string(),
  override: overrideSchema.nullable(),
  decision: decisionSchema.nullable(),
  computedDecision: decisionSchema.nullable(),
  startedAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  timeOnTaskMs: z.number(),
});
export type Review = z.infer<typeof reviewSchema>;

/** A saved, reusable comment for an achievement (criterionId null) or one of its criteria. */
export const bankEntrySchema = z.object({
  id: z.number(),
  achievementId: z.string(),
  criterionId: z.string().nullable(),
  text: z.string(),
  updatedAt: z.string(),
});
export type BankEntry = z.infer<typeof bankEntrySchema>;
