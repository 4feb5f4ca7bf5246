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
  /**
   * Whether someone outside Assay (an employer, a wallet) can check the award: issued under the issuing
   * body's did:web with its revocation status on a hosted status list; else only this data folder can.
   */
  issuer: z.object({
    thirdPartyVerifiable: z.boolean(),
    basis: z.enum(['did-web', 'no-hosted-status', 'did-key', 'unknown-issuer']),
    reason: z.string(),
    did: z.string().optional(),
    statusListUrl: z.string().optional(),
  }),
});
export type AwardSummary = z.infer<typeof awardSummarySchema>;

export const readyAwardSchema = z.object({
  submissionId: z.string(),
  earnerName: z.string(),
  achievementName: z.string(),
  submittedAt: z.string(),
});
