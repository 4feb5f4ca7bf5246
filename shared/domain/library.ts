// Shapes for the library channels: micro-credentials, their versions, and submissions added by hand.
import { z } from 'zod';
import { achievementSchema } from '../schemas/review-package.js';
import { choiceTokenSchema } from './choices.js';

export const librarySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  versionId: z.number(),
  versions: z.number(),
  source: z.enum(['package', 'library']),
  submissions: z.number(),
  /** Whether the latest version has a pass rule; without one no review of it can be decided. */
  passRule: z.boolean(),
  /** What the latest version lacks before reviews of it can be decided (e.g. its pass rule). */
  warnings: z.array(z.string()),
});

export const libraryAchievementSchema = z.object({
  id: z.string(),
  versionId: z.number(),
  achievement: achievementSchema,
});

export const addSubmissionSchema = z.object({
  achievementId: z.string().min(1),
  earner: z.object({ name: z.string(), email: z.string().optional(), organization: z.string().optional() }),
  attempt: z.number().int().min(1).optional(),
  dueAt: z.string().optional(),
  responses: z
    .array(z.object({ sectionId: z.string(), text: z.string() }))
    .max(1000)
    .default([]),
  /** Evidence chosen with dialog:choose('evidence') or dropped (dialog:confirmDrop), as tokens. */
  files: z
    .array(
      z.object({ token: choiceTokenSchema, sectionId: z.string(), name: z.string(), mediaType: z.string().optional() }),
    )
    .max(1000)
    .default([]),
  links: z
    .array(z.object({ url: z.string(), sectionId: z.string(), name: z.string() }))
    .max(1000)
    .default([]),
});
