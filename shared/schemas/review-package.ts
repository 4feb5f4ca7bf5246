// zod schemas for review package format 1 (the contract in the issuing body's review-package.md).
import { z } from 'zod';
import { didWebProblem } from './did-web.js';
import { httpsUrlProblem } from './web-address.js';

/** Messages an assessor can act on: a missing field says so rather than "expected string". */
const friendly: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required but missing';
  if (issue.code === 'invalid_type') return `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
  return undefined;
};
z.config({ customError: friendly });

/** Unknown fields are kept and ignored: a newer issuer may add some. */
const loose = z.looseObject;

// Ids are kept byte for byte (never trimmed): they reappear unchanged in awarded credentials.
const nonEmpty = z.string().refine((v) => v.trim().length > 0, 'must not be empty');

/** An ISO 8601 date-time with an explicit offset, e.g. 2026-11-18T16:20:00Z. */
export const isoDateTime = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 date-time such as 2026-11-18T16:20:00Z',
});

export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hexadecimal characters (a SHA-256)');

/**
 * A relative path inside the package with `/` separators. The textual checks here are the first
 * line of defence; the importer also resolves the path and refuses one that leaves the package.
 */
export const packagePath = z
  .string()
  .min(1, 'must not be empty')
  .max(1024, 'is longer than 1024 characters')
  .superRefine((p, ctx) => {
    const problem = packagePathProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export function packagePathProblem(p: string): string | undefined {
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p))
    return `"${p}" is an absolute path; paths must be relative to the package`;
  if (p.includes('\\')) return `"${p}" uses "\\"; paths must use "/" separators`;
  if (p.includes('\0')) return `"${p}" contains a NUL character`;
  const segments = p.split('/');
  if (segments.includes('..')) return `"${p}" contains ".."; paths must stay inside the package`;
  if (segments.some((s) => s === '' || s === '.')) return `"${p}" has an empty or "." segment`;
  return undefined;
}

export const issuerSchema = loose({
  id: nonEmpty,
  name: nonEmpty,
  url: z.url().optional(),
  email: z.email().optional(),
  /**
   * The issuing body's web identity, e.g. did:web:pd.example.edu. When set, awards name it as their
   * issuer and are signed by a key its did.json lists; without it they fall back to did:key.
   */
  did: z
    .string()
    .superRefine((did, ctx) => {
      const problem = didWebProblem(did);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  /**
   * Where the issuing body hosts the revocation status list of this package's awards (a Bitstring
   * Status List credential), unless the assessor's statusListUrl setting names another.
   */
  statusListUrl: z
    .string()
    .superRefine((url, ctx) => {
      const problem = httpsUrlProblem(url, 'status list URL', 'https://pd.example.edu/status/1');
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
});

export const assessorSchema = loose({ id: nonEmpty, name: nonEmpty });

export const sectionSchema = loose({ id: nonEmpty, name: nonEmpty, prompt: z.string() });

export const rubricLevelSchema = loose({
  id: nonEmpty,
  name: nonEmpty,
  level: nonEmpty,
  points: z.number().min(0, 'must not be negative'),
  description: z.string().optional(),
});

export const criterionSchema = loose({
  id: nonEmpty,
  name: nonEmpty,
  sectionId: nonEmpty.optional(),
  resultType: z.literal('RubricCriterionLevel', { error: 'must be "RubricCriterionLevel"' }),
  rubricCriterionLevel: z.array(rubricLevelSchema).min(1, 'must list at least one level'),
  requiredLevel: nonEmpty.optional(),
});

export const achievementSchema = loose({
  id: nonEmpty,
  name: nonEmpty,
  description: z.string(),
  achievementType: nonEmpty,
  criteria: loose({ narrative: z.string() }),
  creditsAvailable: z.number().min(0).optional(),
  creditUnit: z.string().optional(),
  tag: z.array(z.string()).optional(),
  image: packagePath.optional(),
  sections: z.array(sectionSchema).min(1, 'must list at least one section'),
  resultDescription: z.array(criterionSchema).min(1, 'must list at least one criterion'),
  passingPoints: z.number().min(0).optional(),
});

export const earnerSchema = loose({
  id: nonEmpty,
  name: nonEmpty,
  email: z.email().optional(),
  organization: z.string().optional(),
  /** Other names the earner's evidence may carry (transliterations, nicknames): covered in blind review like the name. */
  aliases: z.array(nonEmpty).optional(),
});

export const responseSchema = loose({ sectionId: nonEmpty, text: z.string() });

const artifactBase = { id: nonEmpty, sectionId: nonEmpty, name: nonEmpty };

export const fileArtifactSchema = loose({
  ...artifactBase,
  file: packagePath,
  mediaType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a media type such as application/pdf'),
  size: z.number().int().min(0, 'must not be negative'),
  sha256: sha256Hex,
});

export const urlArtifactSchema = loose({
  ...artifactBase,
  url: z.url().refine((u) => /^https?:/i.test(u), 'must be an http(s) address'),
});

/** Each artifact has either `file` (with mediaType, size, sha256) or `url`, never both. */
export const artifactSchema = z.unknown().transform((value, ctx) => {
  const obj = value as Record<string, unknown> | null;
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    ctx.addIssue({ code: 'custom', message: 'must be an object' });
    return z.NEVER;
  }
  const hasFile = 'file' in obj;
  const hasUrl = 'url' in obj;
  if (hasFile === hasUrl) {
    ctx.addIssue({
      code: 'custom',
      message: hasFile ? 'has both "file" and "url"; an artifact has exactly one' : 'has neither "file" nor "url"',
    });
    return z.NEVER;
  }
  const parsed = (hasFile ? fileArtifactSchema : urlArtifactSchema).safeParse(obj);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  }
  return parsed.data;
});

export const previousResultSchema = loose({
  resultDescription: nonEmpty,
  achievedLevel: nonEmpty,
  comment: z.string().optional(),
});

export const decisionSchema = z.enum(['pass', 'not-yet']);

export const previousReviewSchema = loose({
  attempt: z.number().int().min(1),
  decision: decisionSchema,
  reviewedAt: isoDateTime,
  feedback: z.string(),
  results: z.array(previousResultSchema),
});

export const submissionSchema = loose({
  id: nonEmpty,
  achievementId: nonEmpty,
  attempt: z.number().int().min(1, 'must be 1 or more'),
  submittedAt: isoDateTime,
  dueAt: isoDateTime.optional(),
  earner: earnerSchema,
  responses: z.array(responseSchema).optional(),
  artifacts: z.array(artifactSchema),
  previousReviews: z.array(previousReviewSchema).optional(),
});

/** A 0..1 share, e.g. a calibration threshold. */
const share = z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1');

/** The definitive score of a calibration sample or a seed: one level per criterion, each with why. */
export const definitiveSchema = loose({
  decision: decisionSchema,
  results: z
    .array(loose({ resultDescription: nonEmpty, achievedLevel: nonEmpty, rationale: nonEmpty }))
    .min(1, 'must give a level for every criterion'),
});

/** A calibration sample or a seed: a submission object with its definitive score. */
export const qaSampleSchema = submissionSchema.extend({ definitive: definitiveSchema });

/** Practice samples with known scores, scored before live work (quality-assurance.md). */
export const calibrationSchema = loose({
  required: z.boolean(),
  minExactAgreement: share,
  maxNonAdjacent: z.number().int().min(0, 'must not be negative'),
  samples: z.array(qaSampleSchema).min(1, 'must list at least one sample'),
});

/** Samples with known scores hidden among live work, about one per `every` live submissions. */
export const seedsSchema = loose({
  every: z.number().int().min(1, 'must be 1 or more'),
  samples: z.array(qaSampleSchema).min(1, 'must list at least one sample'),
});

/** The first reader's review of a submission read again: held back until the second reader submits. */
export const firstReadingSchema = loose({
  submissionId: nonEmpty,
  assessor: loose({ id: nonEmpty.optional(), name: nonEmpty }),
  decision: decisionSchema,
  reviewedAt: isoDateTime,
  feedback: z.string(),
  results: z.array(previousResultSchema).min(1, 'must give a level for every criterion'),
});

/** The package's submissions (all or some) are reviews another assessor already decided. */
export const secondReadingSchema = loose({
  /** The id of the results package whose reviews are read again. */
  of: nonEmpty,
  submissions: z.array(nonEmpty).min(1, 'must name at least one submission'),
  firstReadings: z.array(firstReadingSchema).optional(),
});

export const PACKAGE_FORMAT = 'microcredential-review-package';

export const manifestSchema = loose({
  format: z.literal(PACKAGE_FORMAT, { error: `must be "${PACKAGE_FORMAT}"` }),
  formatVersion: z.literal(1, { error: 'must be 1 (the only version this application reads)' }),
  id: nonEmpty,
  createdAt: isoDateTime,
  issuer: issuerSchema,
  assessor: assessorSchema.optional(),
  achievements: z.array(achievementSchema),
  submissions: z.array(submissionSchema),
  calibration: calibrationSchema.optional(),
  seeds: seedsSchema.optional(),
  secondReading: secondReadingSchema.optional(),
});

export type Section = z.infer<typeof sectionSchema>;
export type RubricLevel = z.infer<typeof rubricLevelSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type Achievement = z.infer<typeof achievementSchema>;
export type FileArtifact = z.infer<typeof fileArtifactSchema>;
export type UrlArtifact = z.infer<typeof urlArtifactSchema>;
export type Artifact = FileArtifact | UrlArtifact;
export type PreviousReview = z.infer<typeof previousReviewSchema>;
export type Submission = z.infer<typeof submissionSchema>;
export type Manifest = z.infer<typeof manifestSchema>;
export type Decision = z.infer<typeof decisionSchema>;
export type Definitive = z.infer<typeof definitiveSchema>;
export type QaSample = z.infer<typeof qaSampleSchema>;
export type Calibration = z.infer<typeof calibrationSchema>;
export type Seeds = z.infer<typeof seedsSchema>;
export type FirstReading = z.infer<typeof firstReadingSchema>;
export type SecondReading = z.infer<typeof secondReadingSchema>;

export function isFileArtifact(a: Artifact): a is FileArtifact {
  return 'file' in a;
}

/** Formats a zod issue path as a JSON path such as `submissions[3].earner.name`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(the manifest as a whole)';
}
