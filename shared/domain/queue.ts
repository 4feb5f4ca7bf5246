// The review queue's query and its rows, shared by the CLI, the IPC contract and the renderer.
import { z } from 'zod';

export const SUBMISSION_STATUSES = ['pending', 'in-progress', 'passed', 'not-yet', 'recused'] as const;
export const submissionStatusSchema = z.enum(SUBMISSION_STATUSES);
export type SubmissionStatus = z.infer<typeof submissionStatusSchema>;

/** Statuses still waiting on the assessor; only these can be overdue. */
export const OPEN_STATUSES: readonly SubmissionStatus[] = ['pending', 'in-progress'];

/** Sorts undated submissions after every dated one. */
export const NO_DUE_DATE = '9999-12-31T23:59:59.999Z';
export function dueSortKey(dueAt: string | undefined | null): string {
  return dueAt ? new Date(dueAt).toISOString() : NO_DUE_DATE;
}

export const queueSortSchema = z.enum(['due', 'submitted', 'earner']);

export const queueQuerySchema = z.object({
  /** At most one of each status (a longer list is a hostile caller, not a filter). */
  status: z.array(submissionStatusSchema).max(5).optional(),
  achievementId: z.string().optional(),
  overdue: z.boolean().optional(),
  attempt: z.number().int().min(1).optional(),
  /** Free text over earner names and responses (over responses only when blind). */
  search: z.string().max(500).optional(),
  sort: queueSortSchema.default('due'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
  /** Blind review: no earner identity at all in what comes back. */
  blind: z.boolean().default(false),
  /** "Now" for overdue, as ISO 8601; defaults to the current time. */
  now: z.string().optional(),
});
export type QueueQuery = z.input<typeof queueQuerySchema>;
export type ParsedQueueQuery = z.output<typeof queueQuerySchema>;

export const queueItemSchema = z.object({
  id: z.string(),
  achievementId: z.string(),
  achievementName: z.string(),
  earnerName: z.string().optional(),
  status: submissionStatusSchema,
  attempt: z.number(),
  submittedAt: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

export const queuePageSchema = z.object({
  items: z.array(queueItemSchema),
  /** Rows matching the filters, for the scroll height of a virtual table. */
  total: z.number(),
  offset: z.number(),
});
export type QueuePage = z.infer<typeof queuePageSchema>;

export const statusCountsSchema = z.object({
  pending: z.number(),
  'in-progress': z.number(),
  passed: z.number(),
  'not-yet': z.number(),
  recused: z.number(),
  overdue: z.number(),
  total: z.number(),
});
export type StatusCounts = z.infer<typeof statusCountsSchema>;
