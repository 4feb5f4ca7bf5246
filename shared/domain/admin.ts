// Shapes for the awards, identity, library, results, backup and settings channels of the IPC contract.
import { z } from 'zod';
import { achievementSchema } from '../schemas/review-package.js';

export const pathPurposeSchema = z.enum([
  'pkcs12',
  'logo',
  'rubric',
  'case-export',
  'evidence',
  'backup-save',
  'backup-open',
  'export-folder',
  'results-folder',
]);
export type PathPurpose = z.infer<typeof pathPurposeSchema>;

/**
 * A file or folder the person chose in one of main's dialogs (or dropped, and confirmed in main's
 * dialog): the renderer never holds its path, only a token main swaps for it, and a name to show.
 */
export const choiceTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'is not a file chosen in Assay (choose it again)');
export const chosenSchema = z.object({ token: choiceTokenSchema, name: z.string() });
export type Chosen = z.infer<typeof chosenSchema>;
/** What may be dropped on the window: a review package (queue) or evidence files (a hand-added submission). */
export const dropPurposeSchema = z.enum(['package', 'evidence']);
export type DropPurpose = z.infer<typeof dropPurposeSchema>;

export const identityPublicSchema = z.object({
  profile: z.object({
    name: z.string(),
    url: z.string().optional(),
    email: z.string().optional(),
    hasLogo: z.boolean(),
  }),
  certificateSubject: z.string(),
  certificateFingerprint256: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  selfSigned: z.boolean(),
  keyAlgorithm: z.string(),
  sealedBy: z.string(),
  badgePublicKeySpki: z.string(),
});

export const profileInputSchema = z.object({
  name: z.string().trim().min(1, 'The issuer needs a name').max(200),
  url: z.union([z.literal(''), z.url()]).optional(),
  email: z.union([z.literal(''), z.email()]).optional(),
  /** A PNG chosen with dialog:choose('logo'), as its token; null removes the logo; absent keeps it. */
  logo: choiceTokenSchema.nullable().optional(),
});

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

export const settingsSchema = z.object({
  paper: paperSchema.default('a4'),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  language: z.enum(['en']).default('en'),
  autoBackup: z.boolean().default(false),
  keepBackups: z.number().int().min(1).max(50).default(5),
});
export type Settings = z.infer<typeof settingsSchema>;

/** A change to some settings: no defaults here, so the settings not named keep their values. */
export const settingsPatchSchema = z.object({
  paper: paperSchema.optional(),
  theme: z.enum(['system', 'light', 'dark']).optional(),
  language: z.enum(['en']).optional(),
  autoBackup: z.boolean().optional(),
  keepBackups: z.number().int().min(1).max(50).optional(),
});
