// Shapes for the awards channels: an award as the renderer sees it, and the reviews ready for one.
import { z } from 'zod';

export const awardStatusSchema = z.enum(['active', 'revoked', 'superseded']);
export const paperSchema = z.enum(['a4', 'letter']);

export const awardSummarySchema = z.object({
  credentialId: z.string(),
  submissionId: z.string(),
  verificationCode: z.string(),
  issuedAt: z.string(),
  earnerName: z.string(),
  assessorName: z.string(),
  achievementId: z.string(),
  achievementName: z.string(),
  credits: z.object({ amount: z.number(), unit: z.string() }).nullable(),
  levels: z.array(z.object({ criterionId: z.string(), criterion: z.string(), levelId: z.string(), level: z.string() })),
  status: awardStatusSchema,
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
  replaces: z.string().nullable(),
});
export type AwardSummary = z.infer<typeof awardSummarySchema>;

export const readyAwardSchema = z.object({
  submissionId: z.string(),
  earnerName: z.string(),
  achievementName: z.string(),
  submittedAt: z.string(),
});
