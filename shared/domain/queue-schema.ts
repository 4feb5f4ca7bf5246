// The review queue's zod schemas, for the IPC contract: they check what crosses from the renderer. The
// queue's types and defaults live in ./queue.ts without zod, so `assay queue` starts without loading it
// (about 80 ms of a 300 ms start); the checks at the end keep the two the same shape.
import { z } from 'zod';
import {
  QUEUE_SORTS,
  SUBMISSION_STATUSES,
  type ParsedQueueQuery,
  type QueueItem,
  type QueuePage,
  type QueueQuery,
  type StatusCounts,
  type SubmissionStatus,
} from './queue.js';

export const submissionStatusSchema = z.enum(SUBMISSION_STATUSES);

export const queueSortSchema = z.enum(QUEUE_SORTS);

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

export const queuePageSchema = z.object({
  items: z.array(queueItemSchema),
  /** Rows matching the filters, for the scroll height of a virtual table. */
  total: z.number(),
  offset: z.number(),
});

export const statusCountsSchema = z.object({
  pending: z.number(),
  'in-progress': z.number(),
  passed: z.number(),
  'not-yet': z.number(),
  recused: z.number(),
  overdue: z.number(),
  total: z.number(),
});

// The hand-written types in ./queue.ts and these schemas describe the same values: a difference either way
// fails the type check.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree = <T extends true>(t: T) => t;
agree<Same<z.infer<typeof submissionStatusSchema>, SubmissionStatus>>(true);
agree<Same<z.input<typeof queueQuerySchema>, QueueQuery>>(true);
agree<Same<z.output<typeof queueQuerySchema>, ParsedQueueQuery>>(true);
agree<Same<z.infer<typeof queueItemSchema>, QueueItem>>(true);
agree<Same<z.infer<typeof queuePageSchema>, QueuePage>>(true);
agree<Same<z.infer<typeof statusCountsSchema>, StatusCounts>>(true);
